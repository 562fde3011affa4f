package main

import (
	"bytes"
	"fmt"
	"strings"
	"time"
)

// personState is how one article names one person.
type personState struct {
	full     string // role, first name and surname: the first mention
	sur      string // the surname as this article spells it
	alt      string // for a mixed article, the spelling of later mentions
	mentions int
}

// renderer expands templates into an article's buffer.
type renderer struct {
	buf    []byte
	static [vP0]string
	vals   [numVars]string
	ps     [6]personState
	px     int
}

func (r *renderer) mention(i int) string {
	p := &r.ps[i]
	p.mentions++
	switch {
	case p.mentions == 1:
		return p.full
	case p.alt != "":
		return p.alt
	}
	return p.sur
}

// render appends t and returns the key span's offsets, or -1, -1.
func (r *renderer) render(t tmpl) (ks, ke int) {
	ks, ke = -1, -1
	for _, s := range t {
		switch s.kind {
		case segLit:
			r.buf = append(r.buf, s.text...)
		case segVar:
			switch {
			case s.v < vP0:
				r.buf = append(r.buf, r.static[s.v]...)
			case s.v <= vP5:
				r.buf = append(r.buf, r.mention(int(s.v-vP0))...)
			case s.v == vPX:
				r.buf = append(r.buf, r.mention(r.px)...)
			case s.v == vS0:
				r.buf = append(r.buf, r.ps[0].sur...)
			case s.v == vS1:
				r.buf = append(r.buf, r.ps[1].sur...)
			case s.v == vS4:
				r.buf = append(r.buf, r.ps[4].sur...)
			default:
				r.buf = append(r.buf, r.vals[s.v]...)
			}
		case segKeyOpen:
			ks = len(r.buf)
		case segKeyClose:
			ke = len(r.buf)
		}
	}
	return ks, ke
}

// sentence is one rendered sentence of an article.
type sentence struct {
	start, end int
	slot       int // -1 for sentences that hold no fact
	ks, ke     int
	words      int
}

func countWords(b []byte) int {
	n, in := 0, false
	for _, c := range b {
		sp := c == ' ' || c == '\n' || c == '\t'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

func capitalize(b []byte) {
	if len(b) > 0 && b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
}

// Word limits of an article, headline included.
const (
	minWords = 400
	maxWords = 1200
)

// article renders article a of the story into out and records the keys of
// its facts in the slots. It returns the text and its word count.
func (g *storyGen) article(a int, out []byte) ([]byte, int, error) {
	r := &g.r
	r.buf = r.buf[:0]
	pool := g.c.pool
	for i, pi := range g.sp.cast {
		p := &pool.people[pi]
		st := personState{sur: p.surname}
		if i < len(g.nv) && g.nv[i].art == a {
			if g.nv[i].mixed {
				st.alt = g.nv[i].variant
			} else {
				st.sur = g.nv[i].variant
			}
		}
		role := g.sp.leaderRole
		switch {
		case i == 5:
			role = r.static[vFadj] + " envoy"
		case i > 0:
			role = strings.ReplaceAll(g.sp.typ.roles[i], "{Fadj}", r.static[vFadj])
		}
		st.full = role + " " + p.first + " " + st.sur
		r.ps[i] = st
	}

	var sents []sentence
	add := func(t tmpl, slot int) {
		start := len(r.buf)
		ks, ke := r.render(t)
		capitalize(r.buf[start:])
		sents = append(sents, sentence{start: start, end: len(r.buf), slot: slot, ks: ks, ke: ke, words: countWords(r.buf[start:])})
	}

	// The lead, then the other facts and one sentence about each principal
	// (two for an article that mixes spellings) in random order.
	add(g.slotTmpl(slEventDay, a), slEventDay)
	var items []int
	for i := 1; i < numSlots; i++ {
		if g.slots[i].forms[a] != fAbsent {
			items = append(items, i)
		}
	}
	for p := range 5 {
		items = append(items, -1-p)
		if g.nv[p].art == a && g.nv[p].mixed {
			items = append(items, -1-p)
		}
	}
	g.rng.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
	usedPerson := make([]bool, len(personTmpls))
	for _, it := range items {
		if it >= 0 {
			add(g.slotTmpl(it, a), it)
			continue
		}
		r.px = -1 - it
		k := g.rng.IntN(len(personTmpls))
		for usedPerson[k] {
			k = (k + 1) % len(personTmpls)
		}
		usedPerson[k] = true
		add(personTmpls[k], -1)
	}

	// Headline.
	hStart := len(r.buf)
	r.render(g.sp.typ.headlines[g.rng.IntN(len(g.sp.typ.headlines))])
	capitalize(r.buf[hStart:])
	headline := string(r.buf[hStart:])
	words := countWords(r.buf[hStart:])
	for _, s := range sents {
		words += s.words
	}

	// Background sentences up to a target length; they name no people and
	// state no facts, so they go anywhere after the lead.
	target := minWords + 40 + g.rng.IntN(maxWords-minWords-90)
	typ := g.sp.typ
	nF, nG, nC := len(typ.fillers), len(genericFillers), len(fillerClauses)
	used := make([]bool, nF+nG+nC)
	left := len(used)
	var fill []sentence
	for words < target && left > 0 {
		k := g.rng.IntN(len(used))
		for used[k] {
			k = (k + 1) % len(used)
		}
		used[k] = true
		left--
		start := len(r.buf)
		switch {
		case k < nF:
			r.render(typ.fillers[k])
		case k < nF+nG:
			r.render(genericFillers[k-nF])
		default:
			r.render(fillerSubjects[g.rng.IntN(len(fillerSubjects))])
			r.buf = append(r.buf, ' ')
			r.buf = append(r.buf, fillerVerbs[g.rng.IntN(len(fillerVerbs))]...)
			r.buf = append(r.buf, " that "...)
			r.render(fillerClauses[k-nF-nG])
			r.buf = append(r.buf, '.')
		}
		capitalize(r.buf[start:])
		w := countWords(r.buf[start:])
		words += w
		fill = append(fill, sentence{start: start, end: len(r.buf), slot: -1, ks: -1, ke: -1, words: w})
	}
	if words < minWords || words > maxWords {
		return nil, 0, fmt.Errorf("article %s has %d words", g.sp.articleIDs[a], words)
	}
	for _, f := range fill {
		i := 1 + g.rng.IntN(len(sents))
		sents = append(sents, sentence{})
		copy(sents[i+1:], sents[i:])
		sents[i] = f
	}

	// Paragraphs of one to four sentences; the lead's has two or three.
	out = append(out[:0], headline...)
	out = append(out, "\n\n"...)
	line := 3
	para := 2 + g.rng.IntN(2)
	inPara := 0
	for _, s := range sents {
		if inPara == para {
			out = append(out, "\n\n"...)
			line += 2
			inPara = 0
			para = 1 + g.rng.IntN(4)
		}
		if inPara > 0 {
			out = append(out, ' ')
		}
		out = append(out, r.buf[s.start:s.end]...)
		inPara++
		if s.slot >= 0 && s.ks >= 0 {
			sl := g.slots[s.slot]
			sl.keys[a] = string(r.buf[s.ks:s.ke])
			sl.lines[a] = line
		}
	}
	out = append(out, '\n')
	return out, words, nil
}

// slotTmpl sets the slot's values for article a and returns its template.
func (g *storyGen) slotTmpl(i, a int) tmpl {
	s := g.slots[i]
	f := s.forms[a]
	r := &g.r
	typ := g.sp.typ
	pickT := func(ts []tmpl) tmpl { return ts[g.rng.IntN(len(ts))] }
	switch s.kind {
	case skEventDay:
		d := g.sp.date
		switch f {
		case fAlt:
			if g.offs[a] == 1 && g.chance(0.5) {
				r.vals[vW] = "yesterday"
			} else {
				r.vals[vW] = "on " + monthDay(d)
			}
		case fVariant:
			if g.chance(0.5) {
				r.vals[vW] = "on " + weekday(d.AddDate(0, 0, -1))
			} else {
				r.vals[vW] = "on " + monthDay(d.AddDate(0, 0, -1))
			}
		default:
			r.vals[vW] = "on " + weekday(d)
		}
		return pickT(typ.leads)
	case skPrior:
		switch f {
		case fVariant:
			r.vals[vW] = "last week"
		case fAlt:
			r.vals[vW] = "on " + monthDay(g.priorDate())
		default:
			r.vals[vW] = "two weeks ago"
		}
		return pickT(priorTmpls)
	case skSince:
		switch f {
		case fVariant:
			r.vals[vW] = fmt.Sprint(s.yearVar)
		case fAlt:
			r.vals[vW] = decade(s.year)
		default:
			r.vals[vW] = fmt.Sprint(s.year)
		}
		return pickT(sinceTmpls)
	case skNum:
		spec := &typ.nums[s.sub]
		switch f {
		case fVariant:
			r.vals[vN] = g.numPhrase(s.qVar, s.vVar)
		case fAlt:
			r.vals[vN] = s.altN
		case fLate:
			r.vals[vN] = commas(s.vLate)
			return pickT(spec.late)
		default:
			r.vals[vN] = g.numPhrase(s.q, s.v)
		}
		return pickNum(g, spec.tmpls, r.vals[vN])
	case skBases:
		if f == fVariant {
			r.vals[vY] = s.ord
			return basesTmpls[1]
		}
		r.vals[vY] = s.count
		return basesTmpls[0]
	case skFraming:
		if f == fVariant {
			return typ.framing[1]
		}
		return typ.framing[0]
	case skModality:
		if f == fCanon {
			return typ.claims[s.sub].forms[s.canonMode]
		}
		return typ.claims[s.sub].forms[s.otherMode]
	case skQuote:
		r.px = s.speaker
		switch f {
		case fVariant:
			r.vals[vQ] = s.q1Var + ", " + s.q2
		case fAlt:
			r.vals[vQ] = s.q1
		default:
			r.vals[vQ] = s.q1 + ", " + s.q2
		}
		return pickT(quoteFrames)
	case skParaphrase:
		if f == fAlt {
			r.vals[vV] = s.verbs[1]
		} else {
			r.vals[vV] = s.verbs[0]
		}
		return paraphraseTmpl
	case skScope:
		r.vals[vN] = "more than " + commas(s.v)
		if f == fAlt {
			return scopeTmpls[1]
		}
		return scopeTmpls[0]
	}
	panic(fmt.Sprintf("slot kind %d", s.kind))
}

// pickNum picks one of ts for the count n, avoiding a template that would
// begin the sentence with a digit.
func pickNum(g *storyGen, ts []tmpl, n string) tmpl {
	if n != "" && n[0] >= '0' && n[0] <= '9' {
		var ok []tmpl
		for _, t := range ts {
			if !startsWithN(t) {
				ok = append(ok, t)
			}
		}
		ts = ok
	}
	return ts[g.rng.IntN(len(ts))]
}

// startsWithN reports whether t begins with the count {N}.
func startsWithN(t tmpl) bool {
	for _, s := range t {
		switch {
		case s.kind == segKeyOpen:
			continue
		case s.kind == segVar && s.v == vN:
			return true
		}
		return false
	}
	return false
}

// priorDate is the day of the earlier visit: thirteen days before the
// event, so it lies 14 to 16 days before every article's publication: "two
// weeks ago" fits, and "last week" fits under no reading of a week.
func (g *storyGen) priorDate() time.Time { return g.sp.date.AddDate(0, 0, -13) }

// slug makes a URL path element of a headline.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// lineOf returns the 1-based line of the first occurrence of key in text,
// or 0 when it does not occur.
func lineOf(text []byte, key string) int {
	i := bytes.Index(text, []byte(key))
	if i < 0 {
		return 0
	}
	return 1 + bytes.Count(text[:i], []byte{'\n'})
}
