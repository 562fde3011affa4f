package timex

import "strings"

// verb classes for the tense heuristic
type vclass uint8

const (
	vNone       vclass = iota
	vFuture            // will, shall
	vFutureTo          // expected/scheduled/plans... (future when "to"/"for" or a be-form is near)
	vBePresent         // is, are, am
	vBePast            // was, were
	vHave              // has, have
	vHad               // had
	vDo                // does, do
	vDid               // did
	vPast              // irregular past forms: said, took, ...
	vPresent           // says, say
	vWould             // would
	vParticiple        // irregular past participles that are not past forms: been, seen, taken
	vNotPast           // words in -ed that are not verbs: need, indeed, hundred
	vPastEd            // a regular form in -ed: past tense or participle
)

var verbLex = func() map[string]vclass {
	m := map[string]vclass{
		"will": vFuture, "shall": vFuture, "ll": vFuture,
		"scheduled": vFutureTo, "expected": vFutureTo, "slated": vFutureTo, "due": vFutureTo, "set": vFutureTo,
		"plans": vFutureTo, "plan": vFutureTo, "planning": vFutureTo, "intends": vFutureTo, "intend": vFutureTo,
		"expects": vFutureTo, "expect": vFutureTo, "going": vFutureTo, "aims": vFutureTo, "planned": vFutureTo, "upcoming": vFutureTo, "effective": vFutureTo, "ahead": vFutureTo,
		"is": vBePresent, "are": vBePresent, "am": vBePresent,
		"was": vBePast, "were": vBePast,
		"has": vHave, "have": vHave, "ve": vHave,
		"had":  vHad,
		"does": vDo, "do": vDo,
		"did":  vDid,
		"says": vPresent, "say": vPresent, "tells": vPresent, "insists": vPresent, "remains": vPresent,
		"would": vWould,
	}
	past := "said told went came took made gave saw got began fell rose struck won lost left met held found brought " +
		"thought sought led ran sold bought paid spent built sent kept became broke chose drew drove flew forgot froze " +
		"grew knew meant rang rode sang sank shook shot slept spoke stood stole swore taught tore threw understood woke " +
		"wore wrote fought caught felt heard dealt fled sat overtook withdrew undertook forbade fed bled hung lay laid " +
		"swept wept lent bent dug stuck struck slid spun sprang stung strode strove arose awoke beheld bid bore " +
		"cast clung crept fled flung foresaw forgave gave hid leapt lit mistook overcame overran overthrew partook " +
		"rebuilt retook shrank spat spoilt stank stunk swung thrust trod upheld upset wound wrung"
	for _, w := range strings.Fields(past) {
		m[w] = vPast
	}
	for _, w := range strings.Fields("been seen taken given known shown grown risen fallen written spoken broken chosen " +
		"driven eaten forgotten hidden ridden stolen sworn thrown torn worn woken begun drunk sung swum gone done") {
		m[w] = vParticiple
	}
	for _, w := range strings.Fields("need needed indeed hundred bed red bred seed speed feed shed sled " +
		"proceed exceed succeed embed breed creed deed greed heed reed steed weed freed bleed") {
		m[w] = vNotPast
	}
	m["needed"] = vNone
	return m
}()

// mark is a verb form that fixes the tense of the words around it.
type mark struct {
	at    int
	tense Tense
	weak  bool // a regular -ed form, which may be an adjective
}

// vclassAt looks up the verb class of token i, with -ed endings read as past.
func (p *parser) vclassAt(i int) vclass {
	t := p.t[i]
	if t.kind != tWord {
		return vNone
	}
	n := t.e - t.s
	if n > 12 {
		return vNone
	}
	var buf [12]byte
	for k := 0; k < n; k++ {
		c := p.src[t.s+k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	if v, ok := verbLex[string(buf[:n])]; ok {
		return v
	}
	if n >= 5 && buf[n-2] == 'e' && buf[n-1] == 'd' && !t.cap {
		return vPastEd
	}
	return vNone
}

// tenseMarks finds the tense markers of the sentence.
func (p *parser) tenseMarks() []mark {
	if p.marksDone {
		return p.marks
	}
	p.marksDone = true
	marks := p.marks[:0]
	n := len(p.t)
	lastAux := -10 // index of the last auxiliary, whose participles follow it
	for i := 0; i < n; i++ {
		v := p.vclassAt(i)
		if v == vNone || v == vNotPast {
			continue
		}
		add := func(t Tense) { marks = append(marks, mark{at: i, tense: t}) }
		switch v {
		case vFuture:
			if p.wordIs(i, "ll") && !p.pu(i-1, '\'') {
				continue
			}
			if p.wordIs(i, "will") && (p.w(i-1, cThe) || p.w(i-1, cItsPoss) || p.w(i-1, cA) || p.wordIs(i-1, "free") || p.w(i+1, cOf)) {
				continue // the noun "will"
			}
			add(Future)
			lastAux = i
		case vFutureTo:
			// "expected to", "scheduled for", "is due", "plans to", "set to"
			beBefore := i > 0 && (p.isBe(i-1) || i > 1 && p.isBe(i-2) && p.isAdverb(i-1))
			toAfter := p.w(i+1, cTo) || p.wordIs(i+1, "for") || p.w(i+1, cOn) || p.w(i+1, cIn) && p.wordIs(i, "due")
			switch {
			case p.wordIs(i, "upcoming"), p.wordIs(i, "effective") && !p.wordIs(i-1, "more") && !p.wordIs(i-1, "most"):
				add(Future)
			case p.wordIs(i, "ahead") && p.w(i+1, cOf):
				add(Future)
			case p.wordIs(i, "going") && beBefore && p.w(i+1, cTo):
				add(Future)
			case p.wordIs(i, "set") && p.w(i+1, cTo) && p.isLowerWord(i+2) && !p.w(i+2, cThe),
				p.wordIs(i, "set") && beBefore && p.wordIs(i+1, "for"):
				add(Future)
			case p.wordIs(i, "due") && p.w(i+1, cTo):
				// "due to meet" is future, "due to heavy rain" a cause
				if !p.isLowerNoun(i + 2) {
					add(Future)
				}
			case p.wordIs(i, "due") && beBefore:
				add(Future)
			case (p.wordIs(i, "scheduled") || p.wordIs(i, "slated")) && (beBefore || toAfter):
				add(Future)
			case (p.wordIs(i, "expected") || p.wordIs(i, "expects") || p.wordIs(i, "expect")) && (p.w(i+1, cTo) || beBefore):
				add(Future)
			case p.wordIs(i, "planned") && (p.w(i+1, cTo) || p.wordIs(i+1, "for")):
				add(Future)
			case p.wordIs(i, "planned") || p.wordIs(i, "scheduled") || p.wordIs(i, "expected"):
				if i-lastAux > 3 {
					add(Past)
				}
			case p.wordIs(i, "going"), p.wordIs(i, "set"), p.wordIs(i, "ahead"), p.wordIs(i, "effective"):
				// "going to the market", "set to work"
			case p.w(i+1, cTo):
				// "plans to", "intends to", "aims to"
				add(Future)
			}
			lastAux = i
		case vBePresent:
			if p.w(i+1, cTo) && p.isLowerWord(i+2) {
				add(Future) // "is to visit"
			} else {
				add(Present)
			}
			lastAux = i
		case vBePast:
			add(Past)
			lastAux = i
		case vHave:
			if p.pu(i-1, '\'') != (p.wordIs(i, "ve")) {
				continue
			}
			if p.participleNear(i) {
				add(Past)
			} else {
				add(Present)
			}
			lastAux = i
		case vHad, vDid:
			add(Past)
			lastAux = i
		case vDo:
			add(Present)
			lastAux = i
		case vWould:
			add(Future) // "said it would meet on Monday": future in the past
			lastAux = i
		case vPresent:
			add(Present)
		case vPast, vPastEd:
			if i-lastAux <= 3 {
				continue // participle of an auxiliary: "has fallen", "will be expanded"
			}
			if p.w(i-1, cTo) || p.wordIs(i-1, "be") {
				continue
			}
			add(Past)
			if v == vPastEd {
				marks[len(marks)-1].weak = true
			}
		case vParticiple:
			continue
		}
	}
	p.marks = marks
	return marks
}

// isBe reports whether token i is a form of "be".
func (p *parser) isBe(i int) bool {
	for _, w := range [...]string{"is", "are", "am", "was", "were", "be", "been", "being"} {
		if p.wordIs(i, w) {
			return true
		}
	}
	return p.wordIs(i, "s") && p.pu(i-1, '\'')
}

// isAdverb reports whether token i is a short adverb that may sit inside a
// verb group ("is also expected", "was not scheduled").
func (p *parser) isAdverb(i int) bool {
	for _, w := range [...]string{"not", "also", "now", "still", "already", "originally", "initially", "currently", "widely", "then"} {
		if p.wordIs(i, w) {
			return true
		}
	}
	return false
}

// isLowerNoun guesses whether token i is a noun after "due to" ("due to its
// loss", "due to heavy rain"), which makes "due to" causal.
func (p *parser) isLowerNoun(i int) bool {
	if i >= len(p.t) || p.t[i].kind != tWord {
		return true
	}
	switch {
	case p.w(i, cThe), p.w(i, cA), p.w(i, cItsPoss), p.w(i, cThis), p.w(i, cThat), p.w(i, cThese), p.w(i, cThose):
		return true
	}
	if p.t[i].cap {
		return true
	}
	s := p.src[p.t[i].s:p.t[i].e]
	for _, suf := range [...]string{"ing", "tion", "ment", "ness", "ity", "s", "y"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf)+2 {
			return true
		}
	}
	return false
}

// participleNear reports whether a past participle follows the auxiliary at
// i within two words ("has fallen", "have already been").
func (p *parser) participleNear(i int) bool {
	for k := i + 1; k <= i+3 && k < len(p.t); k++ {
		if p.t[k].kind != tWord {
			return false
		}
		switch p.vclassAt(k) {
		case vPast, vPastEd, vParticiple:
			return true
		}
		if !p.isAdverb(k) && !p.wordIs(k, "n") && !p.wordIs(k, "t") {
			return false
		}
	}
	return false
}

// barrier reports whether token i ends a sentence or clause that tense does
// not cross (";" or a full stop before a capitalised word).
func (p *parser) barrier(i int) bool {
	t := p.t[i]
	if t.kind != tPunct {
		return false
	}
	switch t.ch {
	case ';', '!', '?':
		return true
	case '.':
		return p.capWord(i+1) && i > 0 && p.t[i-1].kind == tWord && p.t[i-1].e-p.t[i-1].s > 3 && !p.t[i-1].cap
	}
	return false
}

// tenseAt returns the tense of the nearest marker around tokens [i, end),
// preferring the one before on a tie, within the same sentence.
func (p *parser) tenseAt(i, end int) Tense {
	marks := p.tenseMarks()
	if len(marks) == 0 {
		return TenseUnknown
	}
	lo, hi := 0, len(p.t)
	for k := i - 1; k >= 0; k-- {
		if p.barrier(k) {
			lo = k
			break
		}
	}
	for k := end; k < len(p.t); k++ {
		if p.barrier(k) {
			hi = k
			break
		}
	}
	// the nearest marker, a weak one counting as six words further away
	best, bestD := -1, 0
	for k, m := range marks {
		if m.at <= lo || m.at >= hi || m.at >= i && m.at < end {
			continue
		}
		d := i - m.at
		if m.at >= end {
			d = m.at - end + 1 // a tie goes to the marker before
		}
		if m.weak {
			d += 6
		}
		if best < 0 || d < bestD {
			best, bestD = k, d
		}
	}
	if best < 0 {
		return TenseUnknown
	}
	return marks[best].tense
}

// sentenceTense is TenseOf for the parsed sentence.
func (p *parser) sentenceTense() Tense {
	var past, present bool
	for _, m := range p.tenseMarks() {
		switch m.tense {
		case Future:
			return Future
		case Past:
			past = true
		case Present:
			present = true
		}
	}
	switch {
	case past:
		return Past
	case present:
		return Present
	}
	return TenseUnknown
}

// TenseOf guesses the tense of a sentence from its auxiliaries and verb
// forms: Future when it has "will", "shall", "'ll", "is to", "scheduled
// for", "is due", "expected to", "plans to" or the like; else Past when it
// has "was", "were", "had", "did", a verb in -ed or an irregular past form
// ("said", "took"), or a perfect ("has fallen"); else Present when it has
// "is", "are", "has", "says"; else TenseUnknown (also for an empty
// sentence).
func TenseOf(sentence string) Tense {
	p := parserPool.Get().(*parser)
	defer func() {
		p.src, p.t, p.marks, p.marksDone = "", p.t[:0], p.marks[:0], false
		parserPool.Put(p)
	}()
	p.src = sentence
	p.t = p.sc.scan(sentence)
	p.marks, p.marksDone = p.marks[:0], false
	return p.sentenceTense()
}

// continuers are the first words of a sentence that carries on the time of
// the one before it.
var continuers = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "we": true, "his": true, "her": true, "its": true,
	"their": true, "this": true, "these": true, "those": true, "later": true, "then": true,
	"afterwards": true, "afterward": true, "subsequently": true, "thereafter": true, "there": true,
	"both": true, "earlier": true,
}

// Continues reports whether sentence carries on the time of the sentence
// before it, so that a caller can give it that sentence's times: it starts
// (after quotes and spaces) with a pronoun ("They will later be joined
// ..."), "Later", "Then", "Afterwards", "Subsequently" or "Earlier", and it
// names no time of its own: nothing but vague references ("now") and
// expressions that refer back ("Later that day", "the following week"). An
// empty sentence does not continue anything.
func Continues(sentence string) bool {
	s := strings.TrimLeft(sentence, " \t\r\n\"'\u201c\u2018([-\u2014")
	end := 0
	for end < len(s) && isASCIILetter(s[end]) {
		end++
	}
	if end == 0 || end > 12 {
		return false
	}
	if !continuers[strings.ToLower(s[:end])] {
		return false
	}
	for _, t := range Extract(sentence, Context{}) {
		if t.Kind == KindRef || t.Rel != nil && t.Rel.Anchored {
			continue
		}
		return false
	}
	return true
}
