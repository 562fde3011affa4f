package quantity

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// parser holds the tokens of one sentence. Parsers are pooled so that their
// buffers are reused from one sentence to the next.
type parser struct {
	src, low string
	toks     []token
	out      []Quantity
}

var parsers = sync.Pool{New: func() any {
	return &parser{toks: make([]token, 0, 64), out: make([]Quantity, 0, 8)}
}}

func (p *parser) reset(s string) {
	p.src = s
	p.low = lowerASCII(s)
	p.toks = tokenize(s, p.toks[:0])
	p.out = p.out[:0]
}

// release drops the references to the sentence so a pooled parser keeps no
// text alive.
func (p *parser) release() {
	clear(p.out)
	p.out = p.out[:0]
	p.src, p.low = "", ""
	p.toks = p.toks[:0]
	if cap(p.toks) > 4096 { // a huge input should not pin its buffer in the pool
		p.toks = make([]token, 0, 64)
	}
}

// w returns the lower-case text of word token i, or "" when i is out of range
// or not a word.
func (p *parser) w(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != kWord {
		return ""
	}
	return p.low[p.toks[i].s:p.toks[i].e]
}

// punct returns the text of punctuation token i, or "".
func (p *parser) punct(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != kPunct {
		return ""
	}
	return p.src[p.toks[i].s:p.toks[i].e]
}

// ent returns the lexicon entry of word token i, or nil. Words are looked up
// on first use: most words of a sentence are never asked about.
func (p *parser) ent(i int) *entry {
	t := &p.toks[i]
	if t.ent == 0 {
		t.ent = entNone
		if t.kind == kWord {
			if k, ok := lexiconIndex[p.low[t.s:t.e]]; ok {
				t.ent = k
			}
		}
	}
	if t.ent == entNone {
		return nil
	}
	return &entries[t.ent]
}

// has reports whether token i is a word with one of the flags f.
func (p *parser) has(i int, f flag) bool {
	if i < 0 || i >= len(p.toks) {
		return false
	}
	e := p.ent(i)
	return e != nil && e.flags&f != 0
}

// mayTrigger is a cheap test of whether word token i can start a quantity,
// made before looking the word up.
func (p *parser) mayTrigger(i int) bool {
	t := &p.toks[i]
	w := p.low[t.s:t.e]
	return w == "a" || w == "an" || isNumberStem(w)
}

// joined reports whether token i follows the previous token with no space.
func (p *parser) joined(i int) bool { return i > 0 && i < len(p.toks) && !p.toks[i].sp }

func (p *parser) isHyphen(i int) bool {
	switch p.punct(i) {
	case "-", "–", "‐", "‑":
		return true
	}
	return false
}

// hyphenAfter reports whether token i is joined to token i+2 by a hyphen.
func (p *parser) hyphenAfter(i int) bool {
	return i >= 0 && i+2 < len(p.toks) && p.isHyphen(i+1) && p.joined(i+1) && p.joined(i+2)
}

// hyphenBefore reports whether token i is joined to token i-2 by a hyphen.
func (p *parser) hyphenBefore(i int) bool { return i >= 2 && p.hyphenAfter(i-2) }

// capital reports whether word token i starts with an upper-case letter.
func (p *parser) capital(i int) bool {
	c := p.src[p.toks[i].s]
	if c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(p.src[p.toks[i].s:])
	return unicode.IsUpper(r)
}

// isMonth reports whether token i names a month ("May" only capitalised).
func (p *parser) isMonth(i int) bool {
	return p.has(i, fMonth) || (p.has(i, fMonthCap) && p.capital(i))
}

func isPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'") ||
		strings.HasSuffix(w, "s’")
}

// isContraction reports whether w is a contraction such as "can't" or "it'll"
// (possessives are not).
func isContraction(w string) bool {
	return !isPossessive(w) && (strings.IndexByte(w, '\'') >= 0 || strings.Contains(w, "’"))
}

// isParticiple reports whether w looks like a verb form in -ed or -ing.
func isParticiple(w string, e *entry) bool {
	if len(w) < 5 || (e != nil && e.flags&fNounEd != 0) {
		return false
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")
}

// isAdverb reports whether w looks like an adverb in -ly.
func isAdverb(w string, e *entry) bool {
	return len(w) >= 5 && strings.HasSuffix(w, "ly") && (e == nil || e.flags&fNounLy == 0)
}

// run finds every quantity of the sentence.
func (p *parser) run() {
	for i := 0; i < len(p.toks); {
		next := p.at(i)
		if next <= i {
			next = i + 1
		}
		i = next
	}
}

// at tries a quantity whose number starts at token i and returns where to go
// on.
func (p *parser) at(i int) int {
	t := &p.toks[i]
	switch t.kind {
	case kNum:
		if next, skip := p.skipDigits(i); skip {
			return next
		}
	case kWord:
		if !p.mayTrigger(i) {
			return i + 1
		}
		if e := p.ent(i); (e == nil || e.flags&trigger == 0) && !p.articleTrigger(i) {
			return i + 1
		}
		if p.hyphenBefore(i) && p.toks[i-2].kind == kWord && !p.has(i-2, fCard) {
			return i + 1 // "one-on-one", "year-on-year"
		}
	default:
		return i + 1
	}
	c, ok := p.coreAt(i)
	if !ok {
		return i + 1
	}
	return p.build(c)
}

// articleTrigger reports whether "a" or "an" at token i starts a quantity.
func (p *parser) articleTrigger(i int) bool {
	if w := p.w(i); w != "a" && w != "an" {
		return false
	}
	return p.has(i+1, fScale|fFew|fFrac) || p.w(i+1) == "single"
}

// skipDigits reports whether the number token i is not a quantity (a year, a
// date, a clock time, a code) and where to go on.
func (p *parser) skipDigits(i int) (int, bool) { return p.skipNumber(i, false) }

// skipNumber is skipDigits; second is set for the second number of a range,
// which may follow a hyphen.
func (p *parser) skipNumber(i int, second bool) (int, bool) {
	n := len(p.toks)
	t := p.toks[i]
	text := p.src[t.s:t.e]
	prevP := p.punct(i - 1)
	if p.joined(i) {
		switch {
		case prevP == "'" || prevP == "’" || prevP == ":" || prevP == "/" || prevP == "#" || prevP == ".":
			return i + 1, true
		case i > 0 && p.toks[i-1].kind == kWord: // "G20", "MH17"
			return i + 1, true
		}
	}
	if p.hyphenBefore(i) && !second {
		switch p.toks[i-2].kind {
		case kNum: // the end of a rejected range, a score or a date
			return i + 1, true
		case kWord:
			if p.w(i-2) != "magnitude" { // "CN-235", "Covid-19"
				return i + 1, true
			}
		}
	}
	// clock times and ratios: "7:09", "24/7"
	if i+2 < n && (p.punct(i+1) == ":" || p.punct(i+1) == "/") && p.joined(i+1) && p.joined(i+2) &&
		p.toks[i+2].kind == kNum {
		j := i + 2
		for j+2 < n && (p.punct(j+1) == ":" || p.punct(j+1) == "/") && p.joined(j+1) && p.joined(j+2) &&
			p.toks[j+2].kind == kNum {
			j += 2
		}
		return j + 1, true
	}
	// dotted codes and dates: "11.18.2014", "1026.253.553"
	if i+2 < n && p.punct(i+1) == "." && p.joined(i+1) && p.joined(i+2) && p.toks[i+2].kind == kNum {
		j := i + 2
		for j+2 < n && p.punct(j+1) == "." && p.joined(j+1) && p.joined(j+2) && p.toks[j+2].kind == kNum {
			j += 2
		}
		return j + 1, true
	}
	// citation marks: "[16]"
	if prevP == "[" && p.joined(i) && p.punct(i+1) == "]" && p.joined(i+1) {
		return i + 2, true
	}
	// list numbers at the start: "1. The first item", "2) The second"
	if pp := p.punct(i + 1); (pp == "." || pp == ")") && p.joined(i+1) && p.leading(i) &&
		i+2 < n && p.toks[i+2].sp {
		return i + 2, true
	}
	// ISO dates: "2022-06-29"
	if len(text) == 4 && p.hyphenAfter(i) && p.toks[i+2].kind == kNum && p.hyphenAfter(i+2) &&
		p.toks[i+4].kind == kNum {
		return i + 5, true
	}
	if len(text) > 1 && text[0] == '0' && text[1] != '.' { // "0737 GMT", "07"
		return i + 1, true
	}
	// a number after "No." or "number"
	if p.w(i-1) == "number" || (prevP == "." && (p.w(i-2) == "no" || p.w(i-2) == "nos")) {
		return i + 1, true
	}
	next := i + 1
	suffix := ""
	if next < n && !p.toks[next].sp && p.toks[next].kind == kWord {
		suffix = p.w(next)
		next++
	}
	if p.clockAfter(i, len(text)) {
		return next, true
	}
	if (suffix == "" || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") &&
		len(text) <= 2 && isDay(text) {
		if p.isMonth(i-1) || (prevP == "." && p.isMonth(i-2)) || p.isMonth(next) ||
			(p.w(next) == "of" && p.isMonth(next+1)) {
			return next, true
		}
	}
	if suffix == "" && p.isYear(i, text) {
		return i + 1, true
	}
	// identifiers: "Flight 17", "Resolution 1860"
	if suffix == "" && i >= 2 && p.toks[i-1].kind == kWord && t.sp && p.ent(i-1) == nil &&
		p.capital(i-1) && p.toks[i-2].kind != kPunct && !p.countFollows(i+1) && currencyCodes[p.w(i-1)] == nil {
		return i + 1, true
	}
	return 0, false
}

// leading reports whether only punctuation comes before token i.
func (p *parser) leading(i int) bool {
	for k := 0; k < i; k++ {
		if p.toks[k].kind != kPunct {
			return false
		}
	}
	return true
}

// clockAfter reports whether the word after the number token i, glued or
// not, marks a clock time: "3pm", "7 a.m.", "1300 GMT", "0800 hrs", "6
// o'clock". digits is the length of the number.
func (p *parser) clockAfter(i, digits int) bool {
	j := i + 1
	w := p.w(j)
	if (w == "a" || w == "p") && p.punct(j+1) == "." && p.joined(j+1) && p.w(j+2) == "m" && p.joined(j+2) {
		return true
	}
	if !p.has(j, fClock) {
		return false
	}
	switch w {
	case "h", "hrs":
		return digits == 4
	case "local":
		return p.w(j+1) == "time"
	}
	return true
}

// isDay reports whether a one- or two-digit number can be a day of the month.
func isDay(text string) bool {
	v := 0
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) {
			return false
		}
		v = v*10 + int(text[i]-'0')
	}
	return v >= 1 && v <= 31
}

// isYear reports whether the four-digit number token i is a year: between
// 1000 and 2100, with no separators, and neither counting a noun that follows
// nor following a bound marker ("more than 1000").
func (p *parser) isYear(i int, text string) bool {
	if len(text) != 4 {
		return false
	}
	v := 0
	for k := 0; k < 4; k++ {
		if !isDigit(text[k]) {
			return false
		}
		v = v*10 + int(text[k]-'0')
	}
	if v < 1000 || v > 2100 {
		return false
	}
	if p.has(i-1, fYearCue) || p.isMonth(i-1) {
		return true
	}
	if p.punct(i-1) == "," && i >= 2 && (p.toks[i-2].kind == kNum || p.isMonth(i-2)) { // "July 3, 2013"
		return true
	}
	if mk, _ := p.markerBefore(i); mk != nil && mk.bound != Approx {
		return false
	}
	if p.currencyBefore(i) != nil {
		return false
	}
	return !p.countFollows(i + 1)
}

// countFollows reports whether token j starts a unit, a percent sign or a
// noun phrase with a plural head.
func (p *parser) countFollows(j int) bool {
	if j >= len(p.toks) {
		return false
	}
	switch p.toks[j].kind {
	case kPunct:
		return p.punct(j) == "%"
	case kWord:
		if e := p.ent(j); e != nil && e.unit != nil {
			return true
		}
		if _, ok := twoWordUnits[p.w(j)]; ok {
			return true
		}
		return p.pluralFollows(j)
	}
	return false
}

// pluralFollows reports whether token j starts a noun phrase with a plural head.
func (p *parser) pluralFollows(j int) bool {
	_, hs, he, ok := p.nounPhrase(j, true)
	return ok && isPlural(p.low[p.toks[he-1].s:p.toks[he-1].e]) && hs < he
}

// currencyBefore returns the currency written just before token i ("$5",
// "US$ 5", "€5", "USD 5"), or nil.
func (p *parser) currencyBefore(i int) *unitDef {
	if u, _ := p.currencyPrefix(i); u != nil {
		return u
	}
	return nil
}

// currencyPrefix returns the currency written before token i and the first
// token of it.
func (p *parser) currencyPrefix(i int) (*unitDef, int) {
	if i == 0 {
		return nil, i
	}
	if u := currencySymbols[p.punct(i-1)]; u != nil {
		s := i - 1
		if s > 0 && p.joined(s) && p.toks[s-1].kind == kWord && len(p.w(s-1)) <= 2 { // US$, A$, HK$
			s--
		}
		return u, s
	}
	if p.toks[i-1].kind == kWord && (p.capital(i-1) || p.w(i-1) == "dlrs") {
		if u := currencyCodes[p.w(i-1)]; u != nil {
			return u, i - 1
		}
	}
	return nil, i
}

// markerBefore returns the longest bound marker that ends just before token i
// and its first token.
func (p *parser) markerBefore(i int) (*marker, int) {
	last := p.w(i - 1)
	if last == "" {
		return nil, i
	}
	var best *marker
	bs := i
	for _, mk := range markersByLast[last] {
		l := len(mk.words)
		if i-l < 0 || (best != nil && l <= len(best.words)) {
			continue
		}
		ok := true
		for k := 0; k < l-1; k++ {
			if p.w(i-l+k) != mk.words[k] {
				ok = false
				break
			}
		}
		if ok {
			best, bs = mk, i-l
		}
	}
	return best, bs
}

// Kinds of range connectors.
const (
	rangeNone = iota
	rangeReject
	rangeHyphen
	rangeTo
	rangeOr
	rangeBetween
)

// rangeAfter looks for the second number of a range after c: "30-40", "30 to
// 40", "two or three", "between 30 and 40". A hyphen to a number that is not
// larger ("3-1") rejects both.
func (p *parser) rangeAfter(c core) (core, int) {
	j := c.b
	if j+1 >= len(p.toks) {
		return core{}, rangeNone
	}
	kind := rangeNone
	switch {
	case p.isHyphen(j) && p.joined(j) && p.joined(j+1):
		kind = rangeHyphen
	case p.w(j) == "to" && p.w(c.a-1) != "from":
		kind = rangeTo
	case p.w(j) == "or":
		kind = rangeOr
	case p.w(j) == "and" && p.w(c.a-1) == "between":
		kind = rangeBetween
	default:
		return core{}, rangeNone
	}
	k := j + 1
	if p.toks[k].kind != kNum && !p.has(k, fCard) {
		return core{}, rangeNone
	}
	if p.toks[k].kind == kNum {
		if _, skip := p.skipNumber(k, true); skip {
			if kind == rangeHyphen {
				return core{}, rangeReject
			}
			return core{}, rangeNone
		}
	}
	r, ok := p.coreAt(k)
	if !ok || r.ord || r.frac || r.vague {
		return core{}, rangeNone
	}
	v := c.v
	if c.scale == 0 && r.scale > 0 && v*r.scale <= r.v {
		v *= r.scale
	}
	if r.v <= v {
		if kind == rangeHyphen {
			return r, rangeReject
		}
		return core{}, rangeNone
	}
	return r, kind
}

// nounPhrase reads the noun phrase counted by a number, starting at token i:
// up to five words, stopping at punctuation, function words, numbers, a
// capitalised word after a lower-case one, an adverb, or a participle after
// the head. With plural set the head is the last plural word ("Tajik migrant
// workers"), else the last word. It returns the first token and the head's
// token span [hs, he) (a hyphenated word is one span).
func (p *parser) nounPhrase(i int, plural bool) (first, hs, he int, ok bool) {
	first, hs, he, _, _, ok = p.nounPhrase2(i, plural)
	return first, hs, he, ok
}

// nounPhrase2 is nounPhrase that also returns the span of the first plural
// word, or the head when there is none.
func (p *parser) nounPhrase2(i int, plural bool) (first, hs, he, fs, fe int, ok bool) {
	const stop = fStop | fDet | fCard | fScale | fVague | fOrd | fClock | fFew
	lastS, lastE, plS, plE, fpS, fpE := -1, -1, -1, -1, -1, -1
	sawLower := false
	items := 0
	j := i
	for items < 5 && j < len(p.toks) {
		t := &p.toks[j]
		if t.kind != kWord || !t.sp {
			break
		}
		// a hyphenated word is one item, cut before a function word ("men-all
		// cousins"), which also ends the phrase
		k, cut := j+1, false
		for k+1 < len(p.toks) && p.isHyphen(k) && p.joined(k) && p.toks[k+1].kind == kWord && p.joined(k+1) {
			if p.has(k+1, fStop|fDet) {
				cut = true
				break
			}
			k += 2
		}
		capital := p.capital(j)
		lw := p.low[t.s:p.toks[k-1].e]
		if k == j+1 {
			e := p.ent(j)
			if e != nil && (e.flags&stop != 0 || (e.flags&fMonthCap != 0 && capital)) {
				break
			}
			if isPossessive(lw) || isContraction(lw) || (!capital && isAdverb(lw, e)) {
				break
			}
		}
		// a capitalised word after the head starts a new constituent ("the
		// first time Putin"); before it, it is a name in the phrase ("three
		// clearly-marked United Nations schools")
		if capital && sawLower && (plS >= 0 || (!plural && lastS >= 0 && !isParticiple(p.w(lastE-1), p.ent(lastE-1)))) {
			break
		}
		if !capital && (isParticiple(p.w(k-1), p.ent(k-1)) || p.has(j, fPred)) {
			if plS >= 0 || (lastS >= 0 && (!plural || p.has(j, fPred))) {
				break
			}
			if !cut && p.nounWordAt(k) && !p.has(j, fPred) {
				lastS, lastE = j, k
				items++
				sawLower = true
				j = k
				continue
			}
			// a participle is the head only when it names people in a state:
			// "200 injured", not "25,000 cheered"
			if p.has(k-1, fHeadEd|fPred) {
				lastS, lastE = j, k
			}
			break
		}
		if !capital {
			sawLower = true
		}
		lastS, lastE = j, k
		if isPlural(p.w(k - 1)) {
			plS, plE = j, k
			if fpS < 0 {
				fpS, fpE = j, k
			}
		}
		items++
		j = k
		if cut {
			break
		}
	}
	if lastS < 0 {
		return i, 0, 0, 0, 0, false
	}
	if fpS < 0 {
		fpS, fpE = lastS, lastE
	}
	if plural && plS >= 0 {
		return i, plS, plE, fpS, fpE, true
	}
	return i, lastS, lastE, fpS, fpE, true
}

// nounWordAt reports whether token k is a spaced word that can go on a noun
// phrase.
func (p *parser) nounWordAt(k int) bool {
	if k >= len(p.toks) || p.toks[k].kind != kWord || !p.toks[k].sp {
		return false
	}
	e := p.ent(k)
	return e == nil || e.flags&(fStop|fDet|fCard|fScale|fVague|fOrd|fClock) == 0
}

// ofPhrase reads the noun phrase after "of" at token j-1, skipping
// determiners, possessives and numbers ("of the country's eligible voters",
// "of the four Israeli soldiers"). With needDet set a determiner, possessive or
// number is required, as in a partitive ("25 of the injured").
func (p *parser) ofPhrase(j int, needDet, plural bool) (first, hs, he int, ok bool) {
	k := j
	det := false
	for k < len(p.toks) && k < j+6 && p.toks[k].sp {
		t := &p.toks[k]
		if t.kind == kNum {
			k++
			det = true
			continue
		}
		if t.kind != kWord {
			break
		}
		if p.has(k, fDet|fCard|fScale) {
			k++
			det = true
			continue
		}
		if isPossessive(p.w(k)) {
			k++
			det = true
			continue
		}
		break
	}
	if needDet && !det {
		return 0, 0, 0, false
	}
	return p.nounPhrase(k, plural)
}

// compound reads the word joined by a hyphen after a number at token j:
// "6.1-magnitude", "25,000-mile-long", "69-year-old", "125-seat",
// "7,000-strong". It returns the unit (nil for a counted noun), the span of
// the word that names it, the end of the hyphenated chain, and reject for a
// number that is part of a phrase ("one-on-one", "one-off").
func (p *parser) compound(j int) (u *unitDef, ws, we, end int, reject bool) {
	end = j + 1
	for p.hyphenAfter(end-1) && p.toks[end+1].kind == kWord {
		end += 2
	}
	e := p.ent(j)
	if e != nil && e.unit != nil {
		if end > j+1 && p.w(j+2) == "old" {
			switch e.unit {
			case uYear:
				return uAge, j, j + 3, end, false
			case uMonth:
				return uAgeMo, j, j + 3, end, false
			case uWeek:
				return uAgeWk, j, j + 3, end, false
			case uDay:
				return uAgeDay, j, j + 3, end, false
			}
		}
		return e.unit, j, j + 1, end, false
	}
	if e != nil && e.flags&(fStop|fDet|fCard|fScale|fVague|fOrd|fFrac|fClock) != 0 {
		return nil, 0, 0, 0, true
	}
	return nil, j, j + 1, end, false
}

// unitAt returns the unit named by the word(s) at token j after a number, and
// the end of its tokens.
func (p *parser) unitAt(j int) (*unitDef, int) {
	if j >= len(p.toks) || p.toks[j].kind != kWord || !p.toks[j].sp {
		return nil, j
	}
	if pairs, ok := twoWordUnits[p.w(j)]; ok && j+1 < len(p.toks) && p.toks[j+1].sp {
		second := p.w(j + 1)
		for _, pr := range pairs {
			if pr.second == second {
				return pr.def, j + 2
			}
		}
	}
	e := p.ent(j)
	if e == nil || e.unit == nil {
		return nil, j
	}
	u, end := e.unit, j+1
	switch {
	case u.canon == "km" && (p.w(end) == "per" || p.w(end) == "an") && (p.w(end+1) == "hour" || p.w(end+1) == "h"):
		if u == uMile {
			return uMph, end + 2
		}
		if u == uKm {
			return uKmh, end + 2
		}
	case u == uKm && p.punct(end) == "/" && p.w(end+1) == "h" && p.joined(end) && p.joined(end+1):
		return uKmh, end + 2
	case p.w(end) == "old":
		switch u {
		case uYear:
			return uAge, end + 1
		case uMonth:
			return uAgeMo, end + 1
		case uWeek:
			return uAgeWk, end + 1
		case uDay:
			return uAgeDay, end + 1
		}
	}
	return u, end
}
