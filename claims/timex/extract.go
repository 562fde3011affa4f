package timex

import (
	"sync"
	"time"
)

// spec is the meaning of an expression before it is placed on the calendar.
type spec struct {
	kind  Kind
	unit  Unit
	year  int // explicit year, 0 when not written
	month int
	day   int
	num   int // quarter, half or season number; 0 = "the quarter under discussion"
	wd    time.Weekday
	hasWD bool
	// dir is the direction of a named month, weekday or season: -1 for
	// "last", +1 for "next", 0 for a bare name (placed by tense).
	dir  int
	this bool // "this April", "this summer"
	// yearOff places a month, quarter or season in the publication year
	// plus yearOff ("June last year", "next year's first quarter").
	yearOff    int
	hasYearOff bool
	rel        Rel
	hasRel     bool
	// shift moves the period under discussion by rel ("the year-ago
	// quarter", "a year earlier").
	shift  bool
	ref    string
	mod    Mod
	pod    int
	decade int // 199 for the 1990s
	cent   int // 19 for the 1900s
	// clip bounds the interval by the publication date: -1 keeps the part
	// before it ("earlier this year"), +1 the part after ("later this
	// year").
	clip int
	// byTense places "the weekend" before or after the publication date by
	// tense.
	byTense bool
	// counted marks offsets written with a count ("three days later"),
	// which count from the publication date when nothing came before.
	counted bool
}

// match is a recognised expression: tokens [i, end) and their meaning.
type match struct {
	end int
	sp  spec
}

// parser holds one sentence's tokens.
type parser struct {
	src string
	t   []tok
	sc  scanner
	// tense markers, computed on first use
	marks     []mark
	marksDone bool
}

var parserPool = sync.Pool{New: func() any { return new(parser) }}

// Extract returns the time expressions of sentence, left to right, without
// overlaps, each normalised against ctx. An empty sentence, or one without
// time expressions, gives nil. With a zero ctx.Published nothing is resolved
// against the publication date: weekdays, dates without a year and relative
// expressions keep X digits in their values, zero Low and High, and their
// Weekday or Rel. Expressions that refer back ("that day", "a year earlier")
// use the latest resolved expression before them in the sentence, else
// ctx.Anchor, else (for offsets) the publication date.
func Extract(sentence string, ctx Context) []Time {
	p := parserPool.Get().(*parser)
	defer func() {
		p.src, p.t, p.marks, p.marksDone = "", p.t[:0], p.marks[:0], false
		parserPool.Put(p)
	}()
	p.src = sentence
	p.t = p.sc.scan(sentence)
	p.marks = p.marks[:0]
	p.marksDone = false
	if !p.sc.hot {
		return nil // no number and no word that can head a time expression
	}

	var out []Time
	anchor := ctx.Anchor
	years := false // a period of months was named: comparisons are by year
	pub := dateOf(ctx.Published)
	for i := 0; i < len(p.t); {
		if end, ok := p.monthsPeriod(i); ok {
			// "for the nine months": what follows compares whole years,
			// not the quarter named before
			anchor, years = nil, true
			i = end
			continue
		}
		m, ok := p.matchAt(i)
		if !ok {
			i++
			continue
		}
		if years && m.sp.shift {
			m.sp.unit, m.sp.num = Year, 0
		}
		tense := p.tenseAt(i, m.end)
		if tense == TenseUnknown {
			tense = ctx.Tense
		}
		if tense == TenseUnknown {
			tense = p.sentenceTense()
		}
		t := resolve(m.sp, pub, tense, anchor)
		t.Start, t.End = p.t[i].s, p.t[m.end-1].e
		t.Text = sentence[t.Start:t.End]
		out = append(out, t)
		if t.Resolved() && standalone(t) {
			a := out[len(out)-1]
			anchor = &a
		}
		i = m.end
	}
	return out
}

// standalone reports whether t names its time by itself rather than by
// reference to an earlier one ("a year earlier", "the year-ago quarter",
// "that day"), and so can anchor what follows.
func standalone(t Time) bool {
	return t.Kind != KindRef && (t.Rel == nil || !t.Rel.Anchored && !(t.Rel.Unit == Year && t.Rel.N == -1 && t.Unit != Year))
}

// dateOf returns midnight UTC of t's calendar date, or the zero time.
func dateOf(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// w reports whether token i is a word of class c.
func (p *parser) w(i int, c class) bool {
	return i >= 0 && i < len(p.t) && p.t[i].kind == tWord && p.t[i].cls == c
}

// pu reports whether token i is the punctuation r.
func (p *parser) pu(i int, r rune) bool {
	return i >= 0 && i < len(p.t) && p.t[i].kind == tPunct && p.t[i].ch == r
}

// adj reports whether tokens i and i+1 touch (no space between them).
func (p *parser) adj(i int) bool {
	return i >= 0 && i+1 < len(p.t) && p.t[i].e == p.t[i+1].s
}

// hyph reports whether tokens i, i+1, i+2 are "x-y" with a hyphen touching
// both.
func (p *parser) hyph(i int) bool {
	return p.pu(i+1, '-') && p.adj(i) && p.adj(i+1)
}

// isLowerWord reports whether token i is a word written in lower case.
func (p *parser) isLowerWord(i int) bool {
	return i >= 0 && i < len(p.t) && p.t[i].kind == tWord && !p.t[i].cap && !p.t[i].upper
}

// wordIs reports whether token i is the word w, ignoring ASCII case.
func (p *parser) wordIs(i int, w string) bool {
	if i < 0 || i >= len(p.t) || p.t[i].kind != tWord {
		return false
	}
	s := p.src[p.t[i].s:p.t[i].e]
	if len(s) != len(w) {
		return false
	}
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[k] {
			return false
		}
	}
	return true
}

// poss reports whether tokens i, i+1 are the possessive "'s" touching the
// word before i.
func (p *parser) poss(i int) bool {
	return p.pu(i, '\'') && p.wordIs(i+1, "s") && p.adj(i-1) && p.adj(i)
}

// capWord reports whether token i is a capitalised (or all upper-case) word.
func (p *parser) capWord(i int) bool {
	return i >= 0 && i < len(p.t) && p.t[i].kind == tWord && (p.t[i].cap || p.t[i].upper)
}

// maxLead is the most tokens an expression has before its first hot token
// ("the same period last year").
const maxLead = 5

// matchAt returns the longest expression starting at token i.
func (p *parser) matchAt(i int) (match, bool) {
	t := &p.t[i]
	if t.hot-i > maxLead {
		return match{}, false
	}
	if t.kind == tPunct {
		if t.ch == '\'' {
			return p.decadeApos(i)
		}
		return match{}, false
	}
	if t.kind == tWord && t.cls == cNone {
		return match{}, false
	}
	var best match
	found := false
	try := func(m match, ok bool) {
		if ok && (!found || m.end > best.end) {
			best, found = m, true
		}
	}
	if t.kind == tNum {
		try(p.numericDate(i))
		try(p.dayFirst(i))
		try(p.yearExpr(i))
		try(p.ago(i))
		try(p.quarterExpr(i))
		if found {
			best.sp = p.outerMod(i, best.sp)
		}
		return best, found
	}
	switch t.cls {
	case cEarly, cLate, cMid:
		try(p.premod(i))
		try(p.ref(i))
	case cEnd, cBeginning, cMiddle:
		// "end of the year" without "the"
		try(p.endOf(i))
	case cThe:
		try(p.endOf(i + 1))
	case cEarlier, cLater:
		try(p.earlierLater(i))
	case cAround, cAbout:
		try(p.approx(i))
	case cNearly, cAlmost, cSome, cMore, cOver, cJust, cA, cOne, cNum, cSeveral, cFew:
		try(p.ago(i))
	case cPost, cPre:
		try(p.prePost(i))
	case cUnit:
		try(p.periodEnd(i))
	}
	try(p.monthFirst(i))
	try(p.weekday(i))
	try(p.dayRel(i))
	try(p.unitRel(i))
	try(p.quarterExpr(i))
	try(p.yearAgoPeriod(i))
	try(p.season(i))
	try(p.ref(i))
	try(p.decadeExpr(i))
	try(p.yearExpr(i))
	try(p.dayFirst(i))
	if found {
		best.sp = p.outerMod(i, best.sp)
	}
	return best, found
}

// outerMod adds the modifier of a preposition before the expression ("since
// 1992", "until June"), which is not part of the expression's text.
func (p *parser) outerMod(i int, sp spec) spec {
	if sp.mod != ModNone || sp.kind == KindRef {
		return sp
	}
	switch {
	case p.w(i-1, cSince):
		sp.mod = ModOnOrAfter
	case p.w(i-1, cUntil), p.w(i-1, cBy):
		sp.mod = ModOnOrBefore
	case p.w(i-1, cBefore) && sp.kind != KindRelative:
		sp.mod = ModBefore
	case p.w(i-1, cAfter) && sp.kind != KindRelative:
		sp.mod = ModAfter
	}
	return sp
}

// count reads a small count at token i: digits, a number word ("two",
// "twenty-five"), "a"/"an"/"one". It returns the count and the next token.
func (p *parser) count(i int) (int, int, bool) {
	if i >= len(p.t) {
		return 0, i, false
	}
	t := p.t[i]
	switch {
	case t.kind == tNum && t.val > 0 && t.val < 1000 && t.suf == sufNone:
		return t.val, i + 1, true
	case p.w(i, cA), p.w(i, cOne):
		if p.w(i+1, cNum) && p.t[i+1].val == 12 { // a dozen
			return 12, i + 2, true
		}
		return 1, i + 1, true
	case p.w(i, cNum):
		v := t.val
		if v >= 20 && v < 100 && v%10 == 0 && p.hyph(i) && (p.w(i+2, cNum) || p.w(i+2, cOne)) && p.t[i+2].val < 10 {
			return v + p.t[i+2].val, i + 3, true
		}
		return v, i + 1, true
	}
	return 0, i, false
}

// dayNum reads a day of the month at token i: "28", "2nd", "eighth",
// "twenty-first".
func (p *parser) dayNum(i int) (int, int, bool) {
	if i >= len(p.t) {
		return 0, i, false
	}
	t := p.t[i]
	switch {
	case t.kind == tNum && t.nd <= 2 && t.val >= 1 && t.val <= 31 && (t.suf == sufNone || t.suf == sufOrd):
		return t.val, i + 1, true
	case p.w(i, cOrd):
		return t.val, i + 1, true
	case p.w(i, cNum) && (t.val == 20 || t.val == 30) && p.hyph(i) && p.w(i+2, cOrd) && p.t[i+2].val < 10:
		d := t.val + p.t[i+2].val
		if d <= 31 {
			return d, i + 3, true
		}
	}
	return 0, i, false
}

// yearNum reads a written year at token i (four digits, 1000-2199).
func (p *parser) yearNum(i int) (int, bool) {
	if i < 0 || i >= len(p.t) {
		return 0, false
	}
	t := p.t[i]
	if t.kind != tNum || t.nd != 4 || t.suf != sufNone || t.val < 1000 || t.val > 2199 {
		return 0, false
	}
	if p.pu(i+1, '%') || p.pu(i-1, '$') || p.pu(i-1, '#') || p.pu(i-1, '\u00a3') || p.pu(i-1, '\u20ac') {
		return 0, false
	}
	return t.val, true
}

// month reads a month name at token i ("June", "Sept."), returning the month
// and the next token. Abbreviations need abbrevOK (a day or year follows).
func (p *parser) month(i int, abbrevOK bool) (int, int, bool) {
	if i >= len(p.t) || !p.capWord(i) {
		return 0, i, false
	}
	t := p.t[i]
	switch t.cls {
	case cMonth:
		return t.val, i + 1, true
	case cMonAbbr:
		if !abbrevOK {
			return 0, i, false
		}
		if p.pu(i+1, '.') && p.adj(i) {
			return t.val, i + 2, true
		}
		return t.val, i + 1, true
	}
	return 0, i, false
}

// monthCue reports whether the bare month name at token i is used as a
// month: "May" and "March" need a preposition or modifier before them;
// other names must not run into a following capitalised word ("June Carter").
func (p *parser) monthCue(i int) bool {
	switch {
	case p.w(i-1, cIn), p.w(i-1, cSince), p.w(i-1, cUntil), p.w(i-1, cBy), p.w(i-1, cFrom),
		p.w(i-1, cDuring), p.w(i-1, cThrough), p.w(i-1, cBefore), p.w(i-1, cAfter), p.w(i-1, cOf),
		p.w(i-1, cLast), p.w(i-1, cNext), p.w(i-1, cThis), p.w(i-1, cEarly), p.w(i-1, cLate),
		p.w(i-1, cPast), p.w(i-1, cComing), p.w(i-1, cAround), p.w(i-1, cTo) && p.t[i].val != 5:
		return true
	case p.pu(i-1, '-') && p.w(i-2, cMid):
		return true
	case p.w(i-1, cThe) && p.isLowerWord(i+1) && p.t[i].val != 5 && p.t[i+1].cls == cNone:
		return true // "the March accession"
	case (p.w(i-1, cOr) || p.w(i-1, cTo) || p.pu(i-1, ',') || p.wordIs(i-1, "and") || p.pu(i-1, '-')) && p.w(i-2, cMonth):
		return true
	case (p.wordIs(i+1, "and") || p.w(i+1, cOr) || p.pu(i+1, '-') || p.w(i+1, cThrough)) && p.w(i+2, cMonth) && p.monthCue(i+2):
		return true
	}
	if p.t[i].val == 3 || p.t[i].val == 5 {
		return false
	}
	// Other months: a name used as a name runs into a capitalised word or
	// follows a title.
	if p.capWord(i+1) && p.t[i+1].cls != cLast && p.t[i+1].cls != cThis {
		return false
	}
	return !p.pu(i-1, '.')
}

// numericDate matches "2022-06-29", "2022/06/29" and "6/28/2022".
func (p *parser) numericDate(i int) (match, bool) {
	if i+4 >= len(p.t) || !p.adj(i) || !p.adj(i+1) || !p.adj(i+2) || !p.adj(i+3) {
		return match{}, false
	}
	a, b, c := p.t[i], p.t[i+2], p.t[i+4]
	sep := p.t[i+1]
	if sep.kind != tPunct || (sep.ch != '-' && sep.ch != '/' && sep.ch != '.') || !p.pu(i+3, sep.ch) {
		return match{}, false
	}
	if a.kind != tNum || b.kind != tNum || c.kind != tNum || a.suf != sufNone || b.suf != sufNone || c.suf != sufNone {
		return match{}, false
	}
	if p.adj(i+4) && i+5 < len(p.t) && (p.t[i+5].kind == tNum || p.pu(i+5, sep.ch)) {
		return match{}, false
	}
	var y, m, d int
	switch {
	case a.nd == 4 && b.nd <= 2 && c.nd <= 2:
		y, m, d = a.val, b.val, c.val
	case sep.ch == '/' && a.nd <= 2 && b.nd <= 2 && c.nd == 4:
		y = c.val
		m, d = a.val, b.val
		if m > 12 && d <= 12 {
			m, d = d, m
		}
	default:
		return match{}, false
	}
	if y < 1000 || y > 2199 || !validDate(y, m, d) {
		return match{}, false
	}
	return match{end: i + 5, sp: spec{kind: KindDate, unit: Day, year: y, month: m, day: d}}, true
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(y, m)
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// leadWeekday reads "Tuesday," before a date ("Saturday, April 25").
func (p *parser) leadWeekday(i int) (int, bool) {
	if p.w(i, cWeekday) && p.capWord(i) {
		if p.pu(i+1, ',') {
			return i + 2, true
		}
		return i + 1, true
	}
	return i, false
}

// trailYear reads ", 2013" or " 2013" after a date.
func (p *parser) trailYear(j int) (int, int) {
	k := j
	if p.pu(k, ',') {
		k++
	}
	if y, ok := p.yearNum(k); ok && !(p.adj(k) && p.pu(k+1, ':')) {
		return y, k + 1
	}
	return 0, j
}

// relYear reads "last year", "this year", "next year" after a month or day
// ("June last year"), returning the offset.
func (p *parser) relYear(j int) (int, int, bool) {
	if !p.w(j+1, cUnit) || Unit(p.t[j+1].val) != Year {
		return 0, j, false
	}
	switch {
	case p.w(j, cLast):
		return -1, j + 2, true
	case p.w(j, cThis):
		return 0, j + 2, true
	case p.w(j, cNext):
		return 1, j + 2, true
	}
	return 0, j, false
}

// monthFirst matches dates and months that start with the month name, with
// an optional weekday before them: "June 28", "Oct. 20, 1989", "Saturday,
// April 25", "April 2020", "April of 2020", "June last year", "April".
func (p *parser) monthFirst(i int) (match, bool) {
	j, hasWD := p.leadWeekday(i)
	m, k, ok := p.month(j, true)
	if !ok {
		return match{}, false
	}
	sp := spec{kind: KindMonth, unit: Month, month: m}
	if hasWD {
		sp.wd, sp.hasWD = time.Weekday(p.t[i].val), true
	}
	if d, k2, ok := p.dayNum(k); ok && validDate(2000, m, d) && !(k2 < len(p.t) && (p.pu(k2, '%') || p.w(k2, cUnits))) {
		sp.kind, sp.unit, sp.day = KindDate, Day, d
		k = k2
		if y, k3 := p.trailYear(k); y > 0 {
			sp.year, k = y, k3
		} else if off, k3, ok := p.relYear(k); ok {
			sp.yearOff, sp.hasYearOff, k = off, true, k3
		}
		if !validDate(yearOr(sp.year, 2000), m, d) {
			return match{}, false
		}
		return match{end: k, sp: sp}, true
	}
	if hasWD {
		return match{}, false
	}
	switch {
	case p.w(k, cOf):
		if y, ok := p.yearNum(k + 1); ok {
			sp.year, k = y, k+2
			return match{end: k, sp: sp}, true
		}
	case p.pu(k, ','):
		if y, ok := p.yearNum(k + 1); ok {
			sp.year, k = y, k+2
			return match{end: k, sp: sp}, true
		}
	}
	if y, ok := p.yearNum(k); ok {
		sp.year = y
		return match{end: k + 1, sp: sp}, true
	}
	if p.t[j].cls == cMonAbbr {
		return match{}, false
	}
	if off, k2, ok := p.relYear(k); ok && (p.monthCue(j) || (m != 3 && m != 5)) {
		sp.yearOff, sp.hasYearOff = off, true
		return match{end: k2, sp: sp}, true
	}
	if !p.monthCue(j) {
		return match{}, false
	}
	// "last April", "next June", "this September"
	switch {
	case p.w(i-1, cLast) || p.w(i-1, cPast) && p.w(i-2, cThis):
		sp.dir = -1
	case p.w(i-1, cNext) || p.w(i-1, cComing) && p.w(i-2, cThis):
		sp.dir = 1
	case p.w(i-1, cThis):
		sp.this = true
	}
	return match{end: k, sp: sp}, true
}

func yearOr(y, d int) int {
	if y == 0 {
		return d
	}
	return y
}

// dayFirst matches "28 June 2022", "the 6th of January", "Tuesday 6 January".
func (p *parser) dayFirst(i int) (match, bool) {
	j, hasWD := p.leadWeekday(i)
	if p.w(j, cThe) {
		j++
	}
	d, k, ok := p.dayNum(j)
	if !ok {
		return match{}, false
	}
	if p.w(k, cOf) {
		k++
	}
	m, k2, ok := p.month(k, true)
	if !ok || !validDate(2000, m, d) {
		return match{}, false
	}
	if p.t[j].kind == tNum && j > 0 && (p.t[j-1].kind == tNum || p.pu(j-1, '$')) {
		return match{}, false
	}
	sp := spec{kind: KindDate, unit: Day, month: m, day: d}
	if hasWD {
		sp.wd, sp.hasWD = time.Weekday(p.t[i].val), true
	}
	k = k2
	if y, k3 := p.trailYear(k); y > 0 {
		sp.year, k = y, k3
	} else if off, k3, ok := p.relYear(k); ok {
		sp.yearOff, sp.hasYearOff, k = off, true, k3
	}
	if !validDate(yearOr(sp.year, 2000), m, d) {
		return match{}, false
	}
	return match{end: k, sp: sp}, true
}

// weekday matches "Tuesday", "last Friday", "this coming Sunday", "the
// previous Friday", "Friday's", "Tuesday night", "Tuesday (6 January)".
func (p *parser) weekday(i int) (match, bool) {
	j := i
	sp := spec{kind: KindWeekday, unit: Day}
	switch {
	case p.w(j, cThis) && (p.w(j+1, cComing) || p.w(j+1, cPast)):
		sp.dir = 1
		if p.w(j+1, cPast) {
			sp.dir = -1
		}
		j += 2
	case p.w(j, cLast), p.w(j, cPast):
		sp.dir, j = -1, j+1
	case p.w(j, cNext), p.w(j, cComing):
		sp.dir, j = 1, j+1
	case p.w(j, cThis):
		sp.this, j = true, j+1
	case p.w(j, cThe) && p.w(j+1, cPrevious):
		sp.dir, j = -1, j+2
	case p.w(j, cThe) && p.w(j+1, cFollowing):
		sp.dir, j = 1, j+2
	}
	if !p.w(j, cWeekday) || !p.capWord(j) {
		return match{}, false
	}
	if p.w(j-1, cThe) && p.capWord(j+1) && !p.w(j+1, cMonth) && !p.w(j+1, cMonAbbr) {
		return match{}, false // "the Sunday Times"
	}
	sp.wd, sp.hasWD = time.Weekday(p.t[j].val), true
	k := j + 1
	if p.poss(k) {
		k += 2
	}
	if p.w(k, cPOD) {
		sp.pod = p.t[k].val
		k++
	}
	if p.pu(k, '(') {
		m, ok := p.dayFirst(k + 1)
		if !ok {
			m, ok = p.monthFirst(k + 1)
		}
		if ok && m.sp.kind == KindDate && p.pu(m.end, ')') {
			m.sp.wd, m.sp.hasWD = sp.wd, true
			return match{end: m.end + 1, sp: m.sp}, true
		}
	}
	return match{end: k, sp: sp}, true
}

// dayRel matches "yesterday", "today", "tomorrow", "tonight", with a part
// of the day ("yesterday afternoon"), "this morning", "last night", "the day
// before yesterday".
func (p *parser) dayRel(i int) (match, bool) {
	j := i
	sp := spec{kind: KindRelative, unit: Day, hasRel: true, rel: Rel{Unit: Day}}
	switch {
	case p.w(j, cThe) && p.w(j+1, cUnit) && Unit(p.t[j+1].val) == Day && p.w(j+3, cDayRel):
		off := p.t[j+3].val
		switch {
		case p.w(j+2, cBefore) && off == -1:
			sp.rel.N = -2
		case p.w(j+2, cAfter) && off == 1:
			sp.rel.N = 2
		default:
			return match{}, false
		}
		return match{end: j + 4, sp: sp}, true
	case p.w(j, cThis) && p.w(j+1, cPOD) && p.t[j+1].val != podNight:
		sp.pod = p.t[j+1].val
		return match{end: j + 2, sp: sp}, true
	case p.w(j, cLast) && p.w(j+1, cPOD) && p.t[j+1].val == podNight:
		sp.pod, sp.rel.N = podNight, -1
		return match{end: j + 2, sp: sp}, true
	case p.w(j, cDayRel):
		off := p.t[j].val
		if off == tonight {
			off, sp.pod = 0, podNight
		}
		sp.rel.N = off
		k := j + 1
		if p.poss(k) {
			k += 2
		} else if p.w(k, cPOD) && sp.pod == 0 {
			sp.pod = p.t[k].val
			k++
		}
		return match{end: k, sp: sp}, true
	}
	return match{}, false
}

// unitRel matches relative units: "this week", "last month", "next year",
// "the past year", "the current quarter", "this weekend", "the weekend",
// "that day", "the following year", "the same day", "the next day", "the
// previous year", "this century", "the last decade", "this fiscal year",
// "the full year".
func (p *parser) unitRel(i int) (match, bool) {
	j := i
	the := false
	if p.w(j, cThe) {
		the = true
		j++
	}
	sp := spec{kind: KindRelative, hasRel: true}
	anaphoric := false
	switch {
	case p.w(j, cThis), p.w(j, cCurrent) && the:
		j++
	case p.w(j, cLast) && !(the && p.w(j+1, cFew)), p.w(j, cPast) && (the || p.w(j+1, cUnit) && Unit(p.t[j+1].val) >= Year):
		sp.rel.N = -1
		j++
	case p.w(j, cPrevious) && the:
		sp.rel.N, anaphoric = -1, true
		j++
	case p.w(j, cPrevious):
		sp.rel.N = -1
		j++
	case p.w(j, cNext) && the:
		sp.rel.N, anaphoric = 1, true
		j++
	case p.w(j, cNext), p.w(j, cComing):
		sp.rel.N = 1
		j++
	case p.w(j, cFollowing) && the:
		sp.rel.N, anaphoric = 1, true
		j++
	case p.w(j, cSame) && the:
		anaphoric = true
		j++
	case p.w(j, cThat) && !the:
		anaphoric = true
		j++
	case p.w(j, cFull) && the:
		j++
		if !(p.w(j, cUnit) && Unit(p.t[j].val) == Year) {
			return match{}, false
		}
	case the && p.w(j, cFiscal) && p.w(j+1, cUnit) && Unit(p.t[j+1].val) == Year:
		// "the fiscal year": the current one
	case the && p.w(j, cLatest) && (p.w(j+1, cFiscal) || p.w(j+1, cUnit) && Unit(p.t[j+1].val) == Year):
		// "the latest fiscal year": the last one completed
		sp.rel.N = -1
		j++
	case the && p.w(j, cUnit) && Unit(p.t[j].val) == Year && p.wordIs(i-1, "for") &&
		(j+1 >= len(p.t) || p.t[j+1].kind == tPunct || p.wordIs(j+1, "ended") || p.wordIs(j+1, "ending")):
		// "for the year", "for the year ended Sept. 30": the current one
		sp.unit, sp.rel.Unit = Year, Year
		return match{end: j + 1, sp: sp}, true
	case the && p.w(j, cUnit) && Unit(p.t[j].val) == Weekend:
		// "the weekend": the nearest one, placed by tense
		sp.kind, sp.unit, sp.hasRel, sp.dir = KindRelative, Weekend, false, 0
		sp.byTense = true
		return match{end: j + 1, sp: sp}, true
	case the && p.w(j, cUnit) && Unit(p.t[j].val) == Day && p.w(j+1, cBefore) && !p.w(j+2, cDayRel):
		if p.w(j+2, cThe) || p.t[min(j+2, len(p.t)-1)].kind == tNum || p.w(j+2, cWeekday) || p.w(j+2, cMonth) {
			return match{}, false
		}
		sp.kind, sp.unit, sp.rel = KindRelative, Day, Rel{Unit: Day, N: -1, Anchored: true}
		return match{end: j + 2, sp: sp}, true
	case the && p.w(j, cUnit) && Unit(p.t[j].val) == Day && p.w(j+1, cAfter) && !p.w(j+2, cDayRel):
		if p.w(j+2, cThe) || p.t[min(j+2, len(p.t)-1)].kind == tNum || p.w(j+2, cWeekday) || p.w(j+2, cMonth) {
			return match{}, false
		}
		sp.kind, sp.unit, sp.rel = KindRelative, Day, Rel{Unit: Day, N: 1, Anchored: true}
		return match{end: j + 2, sp: sp}, true
	default:
		return match{}, false
	}
	if p.w(j, cFiscal) {
		j++
	}
	switch {
	case p.w(j, cUnit):
		sp.unit = Unit(p.t[j].val)
		if sp.unit == Half {
			return match{}, false
		}
	case p.w(j, cPOD) && anaphoric && sp.rel.N == 0:
		// "that morning", "that night"
		sp.unit, sp.pod = Day, p.t[j].val
	default:
		return match{}, false
	}
	if sp.unit == Day && !anaphoric {
		// "this day", "next day" without "the" are rare as dates;
		// "last day" is usually "the last day of ..."
		return match{}, false
	}
	if the && sp.rel.N == 0 && !anaphoric && sp.unit == Day {
		return match{}, false
	}
	if p.pu(j+1, '-') && p.adj(j) {
		// "this year-end", "last year-earlier": not a plain unit
		if p.w(j+2, cEnd) {
			sp.mod = ModEnd
			j += 2
		} else {
			return match{}, false
		}
	}
	if p.w(j+1, cOf) && sp.unit != Day {
		// "the past year of fighting" is still the past year; "the last
		// week of June" is not a relative week.
		if p.w(j+2, cMonth) || p.t[min(j+2, len(p.t)-1)].kind == tNum {
			return match{}, false
		}
	}
	sp.rel.Unit = sp.unit
	sp.rel.Anchored = anaphoric
	if sp.unit == Decade && sp.rel.N == 0 && the {
		return match{}, false
	}
	return match{end: j + 1, sp: sp}, true
}

// quarterExpr matches quarters and halves: "the third quarter",
// "third-quarter", "the fiscal first quarter", "its fourth quarter", "this
// year's third quarter", "next year's first quarter", "the third quarter of
// 1984", "the quarter", "the latest quarter", "the current quarter", "Q3",
// "3Q", "Q3 2022", "the first half", "the quarter ended Sept. 30".
func (p *parser) quarterExpr(i int) (match, bool) {
	j := i
	sp := spec{kind: KindQuarter, unit: Quarter}
	if p.w(j, cThe) || p.w(j, cItsPoss) {
		j++
	}
	// "this year's", "next year's", "last year's", "1989's"
	if (p.w(j, cThis) || p.w(j, cNext) || p.w(j, cLast)) && p.w(j+1, cUnit) && Unit(p.t[j+1].val) == Year && p.poss(j+2) {
		sp.yearOff, sp.hasYearOff = map[class]int{cThis: 0, cNext: 1, cLast: -1}[p.t[j].cls], true
		j += 4
	} else if y, ok := p.yearNum(j); ok && p.poss(j+1) {
		sp.year = y
		j += 3
	}
	latest := false
	switch {
	case p.w(j, cLatest), p.w(j, cRecent), p.w(j, cFiscal) && p.w(j+1, cLatest):
		latest = true
		if p.w(j, cFiscal) {
			j++
		}
		j++
	case p.w(j, cCurrent) || p.w(j, cThis):
		sp.kind, sp.hasRel, sp.rel = KindRelative, true, Rel{Unit: Quarter}
		j++
	}
	if p.w(j, cFiscal) {
		j++
	}
	n := 0
	switch {
	case p.w(j, cOrd) && p.t[j].val <= 4:
		n = p.t[j].val
		j++
		if p.pu(j, '-') && p.adj(j-1) {
			j++
		}
	case p.t[min(j, len(p.t)-1)].kind == tNum && j < len(p.t) && p.t[j].suf == sufQ && p.t[j].val >= 1 && p.t[j].val <= 4 && p.t[j].nd == 1:
		sp.num = p.t[j].val
		j++
		if y, ok := p.yearNum(j); ok {
			sp.year, j = y, j+1
		}
		return match{end: j, sp: sp}, true
	case p.w(j, cQ) && p.t[j].upper && p.adj(j) && j+1 < len(p.t) && p.t[j+1].kind == tNum && p.t[j+1].nd == 1 && p.t[j+1].val >= 1 && p.t[j+1].val <= 4 && p.t[j+1].suf == sufNone:
		sp.num = p.t[j+1].val
		j += 2
		if y, ok := p.yearNum(j); ok {
			sp.year, j = y, j+1
		}
		return match{end: j, sp: sp}, true
	}
	if !p.w(j, cUnit) || (Unit(p.t[j].val) != Quarter && Unit(p.t[j].val) != Half) {
		if latest && p.w(j, cPeriod) && p.w(i, cThe) {
			sp.num = 0
			return match{end: j + 1, sp: sp}, true
		}
		return match{}, false
	}
	if Unit(p.t[j].val) == Half {
		if n == 0 || n > 2 {
			return match{}, false
		}
		sp.kind, sp.unit = KindHalf, Half
	}
	if n == 0 {
		// "the quarter", "the latest quarter", "the current quarter"
		if !p.w(i, cThe) && !p.w(i, cItsPoss) && sp.kind != KindRelative {
			return match{}, false
		}
		if sp.kind == KindRelative {
			return match{end: j + 1, sp: sp}, true
		}
	} else if sp.kind == KindRelative {
		sp.kind, sp.hasRel, sp.rel = KindQuarter, false, Rel{}
		sp.hasYearOff = true
	}
	sp.num = n
	k := j + 1
	if p.w(k, cOf) {
		if p.w(k+1, cFiscal) {
			k++
		}
		if y, ok := p.yearNum(k + 1); ok {
			sp.year, k = y, k+2
		}
	} else if y, ok := p.yearNum(k); ok {
		sp.year, k = y, k+1
	}
	// "the quarter ended Sept. 30": the calendar quarter that holds most of
	// the three months ending on the date (which is an expression of its
	// own)
	if sp.year == 0 && sp.num == 0 && sp.unit == Quarter && (p.wordIs(k, "ended") || p.wordIs(k, "ending")) {
		if m, ok := p.monthFirst(k + 1); ok && m.sp.kind == KindDate {
			sp.day, sp.month = m.sp.day, m.sp.month
			if m.sp.year != 0 {
				sp.year = m.sp.year
			}
		}
	}
	return match{end: k, sp: sp}, true
}

// yearAgoPeriod matches the period a year before the one under discussion:
// "the year-ago quarter", "the year-earlier period", "year-earlier",
// "the comparable year-ago quarter", "the year-earlier third quarter",
// "last year's quarter", "the same period last year", "the corresponding
// period a year ago", "the 1988 quarter".
func (p *parser) yearAgoPeriod(i int) (match, bool) {
	j := i
	if p.w(j, cThe) {
		j++
	}
	if p.w(j, cComparable) || p.w(j, cCorresponding) || p.w(j, cSame) {
		j++
	}
	sp := spec{kind: KindRelative, unit: Quarter, shift: true, hasRel: true, rel: Rel{Unit: Year, N: -1, Anchored: true}}
	switch {
	case p.w(j, cUnit) && Unit(p.t[j].val) == Year && p.hyph(j) && (p.w(j+2, cAgo) || p.w(j+2, cEarlier)):
		j += 3
	case p.w(j, cLast) && p.w(j+1, cUnit) && Unit(p.t[j+1].val) == Year && p.poss(j+2):
		j += 4
		if !(p.w(j, cPeriod) || p.w(j, cUnit) && (Unit(p.t[j].val) == Quarter || Unit(p.t[j].val) == Half)) {
			return match{}, false
		}
	case p.w(i, cThe) && j < len(p.t):
		if y, ok := p.yearNum(j); ok && (p.w(j+1, cPeriod) || p.w(j+1, cUnit) && Unit(p.t[j+1].val) == Quarter) {
			// "the 1988 quarter": the quarter under discussion, in 1988
			return match{end: j + 2, sp: spec{kind: KindQuarter, unit: Quarter, year: y, num: 0}}, true
		}
		// "the same period last year", "the quarter a year ago"
		if !(p.w(j, cPeriod) || p.w(j, cUnit) && (Unit(p.t[j].val) == Quarter || Unit(p.t[j].val) == Month || Unit(p.t[j].val) == Half)) {
			return match{}, false
		}
		if p.w(j, cUnit) {
			sp.unit = Unit(p.t[j].val)
		}
		k := j + 1
		switch {
		case p.w(k, cLast) && p.w(k+1, cUnit) && Unit(p.t[k+1].val) == Year:
			return match{end: k + 2, sp: sp}, true
		case p.w(k, cA) && p.w(k+1, cUnit) && Unit(p.t[k+1].val) == Year && (p.w(k+2, cAgo) || p.w(k+2, cEarlier)):
			return match{end: k + 3, sp: sp}, true
		}
		return match{}, false
	default:
		return match{}, false
	}
	// optional ordinal and period noun
	k := j
	if p.w(k, cFiscal) {
		k++
	}
	if p.w(k, cOrd) && p.t[k].val <= 4 && p.w(k+1, cUnit) && Unit(p.t[k+1].val) == Quarter {
		sp.num = p.t[k].val
		k += 2
		return match{end: k, sp: sp}, true
	}
	switch {
	case p.w(k, cPeriod):
		k++
	case p.w(k, cUnit) && (Unit(p.t[k].val) == Quarter || Unit(p.t[k].val) == Half || Unit(p.t[k].val) == Month):
		sp.unit = Unit(p.t[k].val)
		k++
	default:
		// a bare "year-earlier" reads as "a year earlier"
		sp.unit = Year
		if k == j && p.w(i, cThe) {
			return match{}, false
		}
	}
	return match{end: k, sp: sp}, true
}

// ago matches "two weeks ago", "11 days ago", "a year earlier", "nearly four
// years ago", "a week or so ago", "several years ago", "three days later",
// "a decade ago", "five years from now".
func (p *parser) ago(i int) (match, bool) {
	j := i
	mod := ModNone
	switch {
	case p.w(j, cNearly), p.w(j, cAlmost), p.w(j, cAbout), p.w(j, cSome) && !p.w(j+1, cUnits):
		mod = ModApprox
		j++
	case p.w(j, cMore) && p.w(j+1, cThan), p.w(j, cOver) && !p.w(j+1, cThe):
		mod = ModApprox
		if p.w(j, cMore) {
			j++
		}
		j++
	case p.w(j, cJust):
		j++
	}
	vague := false
	n, k, ok := p.count(j)
	if !ok {
		switch {
		case p.w(j, cSeveral), p.w(j, cSome):
			vague, k = true, j+1
		case p.w(j, cA) && p.w(j+1, cFew):
			vague, k = true, j+2
		case p.w(j, cFew):
			vague, k = true, j+1
		default:
			return match{}, false
		}
	}
	if !p.w(k, cUnit) && !p.w(k, cUnits) {
		return match{}, false
	}
	unit := Unit(p.t[k].val)
	if unit == Half || unit == Weekend {
		return match{}, false
	}
	if p.w(k, cUnit) && n != 1 && !vague {
		return match{}, false
	}
	k++
	if p.w(k, cOr) && p.w(k+1, cSo) {
		k += 2
		mod = ModApprox
	} else if p.w(k, cOr) {
		if _, k2, ok := p.count(k + 1); ok && !p.w(k2, cUnit) && !p.w(k2, cUnits) {
			k = k2
			mod = ModApprox
		}
	}
	sign := 0
	anchored := false
	switch {
	case p.w(k, cAgo):
		sign = -1
	case p.w(k, cEarlier):
		sign, anchored = -1, true
	case p.w(k, cLater):
		sign, anchored = 1, true
	case p.w(k, cFrom) && p.w(k+1, cNow):
		sign = 1
		k++
	case p.w(k, cHence):
		sign = 1
	default:
		return match{}, false
	}
	end := k + 1
	if vague {
		if anchored {
			return match{}, false // "a few days later": after some event, not the future
		}
		ref := "PAST_REF"
		if sign > 0 {
			ref = "FUTURE_REF"
		}
		return match{end: end, sp: spec{kind: KindRef, ref: ref}}, true
	}
	if unit == Decade {
		unit, n = Year, n*10
	}
	if unit == Century {
		unit, n = Year, n*100
	}
	sp := spec{kind: KindRelative, unit: unit, hasRel: true, rel: Rel{Unit: unit, N: sign * n, Anchored: anchored}, mod: mod, counted: true}
	if unit == Year && n == 1 {
		// "a year earlier/ago": the period under discussion, a year before
		sp.shift = true
	}
	return match{end: end, sp: sp}, true
}

// yearExpr matches written years with enough context to be years and not
// quantities: "in 2022", "since 1992", "fiscal 1989", "FY2022", "2022's",
// "mid-2022", "the 2004 tsunami", "1990s".
func (p *parser) yearExpr(i int) (match, bool) {
	j := i
	fiscal := false
	switch {
	case p.w(j, cFiscal):
		fiscal = true
		j++
	case p.w(j, cFY) && p.t[j].upper:
		fiscal = true
		j++
	}
	if j < len(p.t) && p.t[j].kind == tNum && p.t[j].suf == sufS && p.t[j].nd == 4 && p.t[j].val%10 == 0 {
		// "1990s"
		m, ok := p.decadeExpr(i)
		return m, ok
	}
	y, ok := p.yearNum(j)
	if !ok {
		return match{}, false
	}
	if !fiscal && !p.yearCue(j) {
		return match{}, false
	}
	sp := spec{kind: KindYear, unit: Year, year: y}
	return match{end: j + 1, sp: sp}, true
}

// yearCue reports whether the four-digit number at token j reads as a year.
func (p *parser) yearCue(j int) bool {
	y := p.t[j].val
	if p.adj(j-1) && (p.t[j-1].kind == tNum || p.pu(j-1, '.') || p.pu(j-1, ',')) {
		return false
	}
	prev := j - 1
	switch {
	case p.w(prev, cIn), p.w(prev, cSince), p.w(prev, cUntil), p.w(prev, cBy), p.w(prev, cFrom),
		p.w(prev, cDuring), p.w(prev, cThrough), p.w(prev, cBefore), p.w(prev, cAfter), p.w(prev, cOf),
		p.w(prev, cEarly), p.w(prev, cLate), p.w(prev, cSeason), p.w(prev, cMonth), p.w(prev, cMonAbbr) && p.capWord(prev):
		return true
	case p.w(prev, cUnit) && Unit(p.t[prev].val) == Year:
		return true
	case p.pu(prev, '-') && p.adj(prev) && (p.w(prev-1, cMid) || p.w(prev-1, cPost) || p.w(prev-1, cPre)):
		return true
	case (p.w(prev, cTo) || p.wordIs(prev, "and") || p.w(prev, cOr) || p.pu(prev, '-')) && p.t[max(prev-1, 0)].kind == tNum && p.t[max(prev-1, 0)].nd == 4:
		return true
	case p.w(prev, cThe):
		return y >= 1900 && y <= 2100
	}
	if y < 1900 || y > 2100 {
		return false
	}
	switch {
	case p.w(prev, cAbout), p.w(prev, cAround), p.w(prev, cNearly), p.w(prev, cAlmost), p.w(prev, cOver),
		p.w(prev, cMore), p.w(prev, cThan), p.w(prev, cSome), p.w(prev, cJust), p.pu(prev, '$'):
		return false
	}
	next := j + 1
	if next >= len(p.t) || p.t[next].kind == tPunct || p.capWord(next) {
		return !p.pu(next, '%')
	}
	if p.t[next].kind == tNum {
		return false
	}
	if p.isLowerWord(next) {
		// "2022 was", but not "2000 people"
		switch p.t[next].cls {
		case cTo, cIn, cAfter, cBefore, cWhile, cOr, cSeason, cMonth, cThrough, cSince:
			return true
		}
		for _, v := range [...]string{"was", "is", "will", "has", "had", "saw", "and", "when", "marked", "marks", "brought", "elections", "election", "census", "budget", "season", "levels", "level", "figures"} {
			if p.wordIs(next, v) {
				return true
			}
		}
		return false
	}
	return true
}

// decadeExpr matches decades: "the 1990s", "the early 1990s", "the mid-1980s",
// "'90s" (after "the"), "the late '80s".
func (p *parser) decadeExpr(i int) (match, bool) {
	j := i
	if p.w(j, cThe) {
		j++
	}
	mod := ModNone
	switch {
	case p.w(j, cEarly):
		mod, j = ModStart, j+1
	case p.w(j, cLate):
		mod, j = ModEnd, j+1
	case p.w(j, cMid):
		mod, j = ModMid, j+1
		if p.pu(j, '-') {
			j++
		}
	}
	if p.pu(j, '\'') && p.adj(j) && j+1 < len(p.t) {
		t := p.t[j+1]
		if t.kind == tNum && t.nd == 2 && t.suf == sufS && t.val%10 == 0 {
			return match{end: j + 2, sp: spec{kind: KindDecade, unit: Decade, decade: 190 + t.val/10, mod: mod}}, true
		}
		return match{}, false
	}
	if j >= len(p.t) {
		return match{}, false
	}
	t := p.t[j]
	if t.kind == tNum && t.nd == 4 && t.suf == sufS && t.val%10 == 0 && t.val >= 1000 && t.val < 2200 {
		return match{end: j + 1, sp: spec{kind: KindDecade, unit: Decade, decade: t.val / 10, mod: mod}}, true
	}
	// "the 19th century", "the twentieth century"
	c := 0
	switch {
	case t.kind == tNum && t.suf == sufOrd && t.val >= 1 && t.val <= 21:
		c = t.val
	case p.w(j, cOrd):
		c = t.val
	case p.w(j, cNum) && t.val == 20 && p.hyph(j) && p.w(j+2, cOrd) && p.t[j+2].val == 1:
		c, j = 21, j+2
	}
	if c > 0 && p.w(j+1, cUnit) && Unit(p.t[j+1].val) == Century {
		return match{end: j + 2, sp: spec{kind: KindCentury, unit: Century, cent: c - 1, mod: mod}}, true
	}
	return match{}, false
}

// decadeApos matches "'90s" without "the".
func (p *parser) decadeApos(i int) (match, bool) {
	if p.adj(i) && i+1 < len(p.t) {
		t := p.t[i+1]
		if t.kind == tNum && t.nd == 2 && t.suf == sufS && t.val%10 == 0 && !p.adj(i-1) {
			return match{end: i + 2, sp: spec{kind: KindDecade, unit: Decade, decade: 190 + t.val/10}}, true
		}
	}
	return match{}, false
}

// season matches "this summer", "last fall", "the summer", "summer 2022",
// "the summer of 1989", "in summer", "this past spring", "the early summer".
func (p *parser) season(i int) (match, bool) {
	j := i
	sp := spec{kind: KindSeason, unit: Season}
	det := false
	switch {
	case p.w(j, cThis) && p.w(j+1, cPast):
		sp.dir, j, det = -1, j+2, true
	case p.w(j, cThis) && p.w(j+1, cComing):
		sp.dir, j, det = 1, j+2, true
	case p.w(j, cThis):
		sp.this, j, det = true, j+1, true
	case p.w(j, cLast), p.w(j, cPast):
		sp.dir, j, det = -1, j+1, true
	case p.w(j, cNext), p.w(j, cComing):
		sp.dir, j, det = 1, j+1, true
	case p.w(j, cThe):
		j, det = j+1, true
		if p.w(j, cEarly) {
			sp.mod, j = ModStart, j+1
		} else if p.w(j, cLate) {
			sp.mod, j = ModEnd, j+1
		}
	}
	if !p.w(j, cSeason) {
		return match{}, false
	}
	sp.num = p.t[j].val
	k := j + 1
	if p.w(k, cOf) {
		if y, ok := p.yearNum(k + 1); ok {
			sp.year, k = y, k+2
		}
	} else if y, ok := p.yearNum(k); ok {
		sp.year, k = y, k+1
	}
	if !det && sp.year == 0 {
		// a bare season word needs a preposition: "in summer"
		if !(p.w(i-1, cIn) || p.w(i-1, cDuring) || p.w(i-1, cSince) || p.w(i-1, cUntil) || p.w(i-1, cBy) || p.w(i-1, cThrough) || p.w(i-1, cOver)) {
			return match{}, false
		}
		if sp.num == seasonFall && !p.w(i-1, cIn) {
			return match{}, false
		}
	}
	if sp.num == seasonFall && det && sp.year == 0 && p.w(i, cThe) && !(p.w(i-1, cIn) || p.w(i-1, cDuring) || p.w(i-1, cSince) || p.w(i-1, cUntil) || p.w(i-1, cBy) || p.w(i-1, cThrough) || p.w(i-1, cOver) || p.w(i-1, cFrom)) {
		return match{}, false // "the fall of the regime"
	}
	if p.w(k, cOf) && sp.year == 0 && sp.num == seasonFall {
		return match{}, false
	}
	return match{end: k, sp: sp}, true
}

// premod matches "early"/"late"/"mid" before a time: "early February",
// "mid-June", "late Tuesday", "early next year", "late yesterday",
// "early this week", "mid-2022", "the early 1990s" (via decadeExpr).
func (p *parser) premod(i int) (match, bool) {
	mod := ModStart
	switch p.t[i].cls {
	case cLate:
		mod = ModEnd
	case cMid:
		mod = ModMid
	}
	j := i + 1
	if p.pu(j, '-') && p.adj(i) {
		j++
	} else if p.t[i].cls == cMid {
		return match{}, false
	}
	m, ok := p.core(j)
	if !ok {
		return match{}, false
	}
	switch m.sp.kind {
	case KindRef, KindCentury:
		return match{}, false
	}
	m.sp.mod = mod
	return m, true
}

// core matches the expressions a modifier may precede.
func (p *parser) core(j int) (match, bool) {
	var best match
	found := false
	try := func(m match, ok bool) {
		if ok && (!found || m.end > best.end) {
			best, found = m, true
		}
	}
	try(p.monthFirst(j))
	try(p.weekday(j))
	try(p.dayRel(j))
	try(p.unitRel(j))
	try(p.quarterExpr(j))
	try(p.season(j))
	try(p.decadeExpr(j))
	if j < len(p.t) && p.t[j].kind == tNum {
		if y, ok := p.yearNum(j); ok {
			try(match{end: j + 1, sp: spec{kind: KindYear, unit: Year, year: y}}, true)
		}
		try(p.dayFirst(j))
	}
	return best, found
}

// endOf matches "end of the year", "the beginning of October", "the middle
// of the month", "the end of this week" (token i is end/beginning/middle).
func (p *parser) endOf(i int) (match, bool) {
	var mod Mod
	switch {
	case p.w(i, cEnd):
		mod = ModEnd
	case p.w(i, cBeginning):
		mod = ModStart
	case p.w(i, cMiddle):
		mod = ModMid
	default:
		return match{}, false
	}
	if !p.w(i+1, cOf) {
		return match{}, false
	}
	j := i + 2
	if p.w(j, cThe) && p.w(j+1, cUnit) && (Unit(p.t[j+1].val) == Year || Unit(p.t[j+1].val) == Month || Unit(p.t[j+1].val) == Week) {
		// "the end of the year": the current one
		u := Unit(p.t[j+1].val)
		return match{end: j + 2, sp: spec{kind: KindRelative, unit: u, hasRel: true, rel: Rel{Unit: u}, mod: mod}}, true
	}
	m, ok := p.core(j)
	if !ok || m.sp.kind == KindRef || m.sp.kind == KindWeekday {
		return match{}, false
	}
	m.sp.mod = mod
	return m, true
}

// earlierLater matches "earlier this month", "later this year", "Later that
// day", "Earlier yesterday", "Earlier Sunday", "earlier in the year".
func (p *parser) earlierLater(i int) (match, bool) {
	clip := -1
	if p.w(i, cLater) {
		clip = 1
	}
	j := i + 1
	if p.w(j, cIn) && p.w(j+1, cThe) && p.w(j+2, cUnit) {
		u := Unit(p.t[j+2].val)
		if u == Day || u == Week || u == Month || u == Year {
			return match{end: j + 3, sp: spec{kind: KindRelative, unit: u, hasRel: true, rel: Rel{Unit: u}, clip: clip}}, true
		}
		return match{}, false
	}
	var m match
	ok := false
	switch {
	case p.w(j, cThis), p.w(j, cThat), p.w(j, cNext), p.w(j, cLast):
		m, ok = p.unitRel(j)
		if !ok {
			m, ok = p.dayRel(j)
		}
	case p.w(j, cDayRel):
		m, ok = p.dayRel(j)
	case p.w(j, cWeekday):
		m, ok = p.weekday(j)
	}
	if !ok {
		return match{}, false
	}
	if m.sp.unit != Day && (m.sp.rel.N == 0 || !m.sp.hasRel) {
		m.sp.clip = clip
	}
	return m, true
}

// monthsPeriod matches a reporting period of several months that is not a
// quarter: "the nine months", "the first six months", "the latest nine
// months". It yields no expression (it is a duration) but changes what "a
// year earlier" refers to.
func (p *parser) monthsPeriod(i int) (int, bool) {
	if !p.w(i, cThe) {
		return 0, false
	}
	j := i + 1
	if p.w(j, cOrd) && p.t[j].val == 1 || p.w(j, cLatest) || p.w(j, cPast) || p.w(j, cLast) {
		j++
	}
	n, k, ok := p.count(j)
	if !ok || n < 2 || n > 11 || n == 3 || !p.w(k, cUnits) || Unit(p.t[k].val) != Month {
		return 0, false
	}
	return k + 1, true
}

// periodEnd matches "year-end", "year end", "year's end", "month-end": the
// end of the current year or month.
func (p *parser) periodEnd(i int) (match, bool) {
	u := Unit(p.t[i].val)
	if u != Year && u != Month {
		return match{}, false
	}
	var k int
	switch {
	case p.hyph(i) && p.w(i+2, cEnd):
		k = i + 3
	case p.w(i+1, cEnd) && !p.w(i+2, cOf):
		k = i + 2
	case p.poss(i+1) && p.w(i+3, cEnd):
		k = i + 4
	default:
		return match{}, false
	}
	if p.w(i-1, cLast) || p.w(i-1, cNext) || p.w(i-1, cThis) || p.pu(i-1, '-') {
		return match{}, false
	}
	return match{end: k, sp: spec{kind: KindRelative, unit: u, hasRel: true, rel: Rel{Unit: u}, mod: ModEnd}}, true
}

// approx matches "around Nov. 1", "about June 5".
func (p *parser) approx(i int) (match, bool) {
	var best match
	found := false
	for _, f := range [...]func(int) (match, bool){p.monthFirst, p.dayFirst} {
		if m, ok := f(i + 1); ok && m.sp.kind == KindDate && (!found || m.end > best.end) {
			best, found = m, true
		}
	}
	if found {
		best.sp.mod = ModApprox
	}
	return best, found
}

// prePost matches "post-1959", "pre-2008".
func (p *parser) prePost(i int) (match, bool) {
	if !p.hyph(i) {
		return match{}, false
	}
	y, ok := p.yearNum(i + 2)
	if !ok {
		return match{}, false
	}
	mod := ModAfter
	if p.w(i, cPre) {
		mod = ModBefore
	}
	return match{end: i + 3, sp: spec{kind: KindYear, unit: Year, year: y, mod: mod}}, true
}

// ref matches vague references: "now", "right now", "currently", "these
// days", "at present", "recently", "recent years", "in recent months",
// "previously", "formerly", "the past", "the future", "the near future",
// "future" before a noun, "soon", "the near term", "coming months", "a later
// date", "the last few months".
func (p *parser) ref(i int) (match, bool) {
	present := spec{kind: KindRef, ref: "PRESENT_REF"}
	past := spec{kind: KindRef, ref: "PAST_REF"}
	future := spec{kind: KindRef, ref: "FUTURE_REF"}
	j := i
	switch p.t[j].cls {
	case cNow:
		return match{end: j + 1, sp: present}, true
	case cRight:
		if p.w(j+1, cNow) {
			return match{end: j + 2, sp: present}, true
		}
	case cCurrently, cNowadays:
		return match{end: j + 1, sp: present}, true
	case cCurrent:
		if p.wordIs(j-1, "then") {
			return match{end: j + 1, sp: past}, true // "the then current price"
		}
		if p.t[j].cap && j > 0 || p.w(j-1, cThe) && p.w(j+1, cUnit) {
			return match{}, false
		}
		for _, w := range [...]string{"account", "accounts", "affairs", "events", "carrying", "electric", "flows", "flow", "ocean"} {
			if p.wordIs(j+1, w) {
				return match{}, false
			}
		}
		if !p.isLowerWord(j+1) || p.w(j+1, cOf) || p.w(j+1, cTo) || p.w(j+1, cIn) {
			return match{}, false
		}
		return match{end: j + 1, sp: present}, true
	case cThese:
		if p.w(j+1, cUnits) && Unit(p.t[j+1].val) == Day {
			return match{end: j + 2, sp: present}, true
		}
	case cAt:
		if p.w(j+1, cThe) && p.wordIs(j+2, "time") && !p.w(j+3, cOf) && !p.wordIs(j+3, "when") {
			return match{end: j + 3, sp: past}, true // "saying at the time"
		}
		if p.w(j+1, cPresent) && !p.isLowerWord(j+2) {
			return match{end: j + 2, sp: present}, true
		}
		if p.w(j+1, cThe) && p.w(j+2, cMoment) {
			return match{end: j + 3, sp: present}, true
		}
	case cRecently, cLately, cPreviously, cFormerly:
		if p.w(j-1, cMore) || p.wordIs(j-1, "most") {
			return match{end: j + 1, sp: past}, true
		}
		return match{end: j + 1, sp: past}, true
	case cMore:
		if p.w(j+1, cRecently) {
			return match{end: j + 2, sp: past}, true
		}
	case cRecent:
		if p.w(j+1, cUnits) || p.w(j+1, cUnit) && p.w(j+2, cOr) {
			k := j + 2
			// "recent weeks and months"
			if (p.wordIs(k, "and") || p.w(k, cOr)) && p.w(k+1, cUnits) {
				k += 2
			}
			return match{end: k, sp: past}, true
		}
		if j+1 < len(p.t) && p.t[j+1].kind == tWord && !p.w(j+1, cOf) && !p.w(j+1, cTo) && !p.wordIs(j+1, "and") {
			return match{end: j + 1, sp: past}, true
		}
	case cPast:
		if p.w(j+1, cUnits) && !p.w(j-1, cThe) {
			return match{end: j + 2, sp: past}, true
		}
	case cThe:
		switch {
		case p.w(j+1, cPast) && !p.w(j+2, cUnit) && !p.w(j+2, cUnits) && !p.w(j+2, cOrd) && !p.w(j+2, cNum) && (j+2 >= len(p.t) || p.t[j+2].kind != tNum):
			if p.w(j+2, cFew) || p.w(j+2, cSeveral) {
				return match{end: j + 4, sp: past}, true
			}
			if p.w(j-1, cIn) || p.w(j-1, cOver) || p.w(j-1, cFrom) || p.w(j-1, cThan) || p.w(j-1, cAs) {
				return match{end: j + 2, sp: past}, true
			}
		case p.w(j+1, cLast) && (p.w(j+2, cFew) || p.w(j+2, cSeveral)) && p.w(j+3, cUnits):
			return match{end: j + 4, sp: past}, true
		case p.w(j+1, cFuture):
			return match{end: j + 2, sp: future}, true
		case p.w(j+1, cNear) && (p.w(j+2, cFuture) || p.w(j+2, cTerm)):
			return match{end: j + 3, sp: future}, true
		case p.w(j+1, cShort) && p.w(j+2, cTerm):
			return match{end: j + 3, sp: future}, true
		case (p.w(j+1, cComing) || p.w(j+1, cUpcoming)) && p.w(j+2, cUnits):
			return match{end: j + 3, sp: future}, true
		}
	case cFuture:
		if p.isLowerWord(j+1) && !p.w(j+1, cOf) && !p.w(j+1, cTo) && !p.w(j+1, cIn) || p.w(j-1, cIn) {
			return match{end: j + 1, sp: future}, true
		}
	case cSoon:
		if p.w(j+1, cAfter) || p.w(j+1, cBefore) || p.w(j+1, cThan) || p.wordIs(j+1, "afterwards") ||
			p.wordIs(j+1, "afterward") || p.wordIs(j+1, "thereafter") || p.w(j-1, cAs) && !p.pu(j+1, ',') {
			return match{}, false
		}
		return match{end: j + 1, sp: future}, true
	case cComing, cUpcoming:
		if p.w(j+1, cUnits) {
			return match{end: j + 2, sp: future}, true
		}
	case cA:
		if p.w(j+1, cLater) && p.w(j+2, cDate) {
			return match{end: j + 3, sp: future}, true
		}
	case cEarly, cLate:
		return match{}, false
	}
	return match{}, false
}
