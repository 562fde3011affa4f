package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// form is how one article renders one fact.
type form uint8

const (
	fAbsent  form = iota // the article does not state the fact
	fCanon               // the story's own version
	fVariant             // a planted contradiction of it
	fAlt                 // a planted agreeing restatement
	fLate                // the updated value of a rising count
)

// slotKind is the kind of fact a slot holds.
type slotKind uint8

const (
	skEventDay   slotKind = iota // the day of the event: weekday, date or "yesterday"
	skPrior                      // an earlier visit: "two weeks ago"
	skSince                      // a year: "since 1992" or "since the early 1990s"
	skNum                        // a count
	skBases                      // "three bases" or "the 201st base"
	skFraming                    // the event type's framing pair
	skModality                   // an asserted or hedged claim
	skQuote                      // a quote of one speaker
	skParaphrase                 // "criticised" or "rebuked"
	skScope                      // a count of one group or a vague count of a wider one
)

// plant is what was planted in a slot.
type plant uint8

const (
	plNone plant = iota
	plPos
	plNeg
	plUpdate
)

// slot is one fact of a story and how each article states it.
type slot struct {
	kind    slotKind
	sub     int // which numSpec, claim or quote
	mention float64
	forms   []form
	plant   plant
	keys    []string
	lines   []int

	v, vVar, vLate int
	q, qVar        qual
	altN           string
	year, yearVar  int
	canonMode      int
	otherMode      int
	q1, q1Var, q2  string
	speaker        int
	verbs          [2]string
	count, ord     string
}

// Slot positions in storyGen.slots.
const (
	slEventDay = iota
	slPrior
	slSince
	slRising
	slNum1
	slNum2
	slNum3
	slBases
	slFraming
	slClaim0
	slClaim1
	slQuote0
	slQuote1
	slParaphrase
	slScope
	numSlots
)

// nameVariant is a planted spelling variant of a principal's surname.
type nameVariant struct {
	art     int // -1 when none
	variant string
	mixed   bool // the article also uses the canonical spelling
}

// storyGen generates one story.
type storyGen struct {
	c      *corpus
	sp     *storyPlan
	rng    *rand.Rand
	n      int
	offs   []int // days from the event to each article's publication
	outlet []int
	slots  [numSlots]*slot
	nv     [5]nameVariant
	// nvLines[i][a] is the line where article a first spells principal i's
	// surname canonically, nvVarLine[i] where the variant first occurs.
	nvLines   [5][]int
	nvVarLine [5]int
	about     string // "about", "some", ...
	r         renderer
	rep       *strings.Replacer
}

// storyOut is what a generated story hands back for the shared files.
type storyOut struct {
	idx       int
	yaml      []byte
	positives []positive
	primary   []kind
	negatives []negative
	words     int64
	bytes     int64
	err       error
}

func newStoryGen(c *corpus, sp *storyPlan) *storyGen {
	g := &storyGen{c: c, sp: sp, n: len(sp.articleIDs)}
	g.rng = rand.New(rand.NewPCG(c.cfg.seed^0x9e3779b97f4a7c15, uint64(sp.idx)*0xbf58476d1ce4e5b9+1))
	ctry := &c.pool.countries[sp.country]
	fgn := &c.pool.countries[sp.foreign]
	g.r.static = [vP0]string{sp.town, ctry.name, ctry.adj, ctry.capital, sp.province, fgn.name, fgn.adj, ctry.macro}
	g.rep = strings.NewReplacer("{T}", sp.town, "{C}", ctry.name, "{Cadj}", ctry.adj, "{Cap}", ctry.capital,
		"{R}", sp.province, "{F}", fgn.name, "{Fadj}", fgn.adj, "{M}", ctry.macro)
	return g
}

func (g *storyGen) chance(p float64) bool { return g.rng.Float64() < p }

// stochRound rounds x up with probability equal to its fraction.
func (g *storyGen) stochRound(x float64) int {
	i := int(x)
	if g.chance(x - float64(i)) {
		i++
	}
	return i
}

// setup decides publication days, outlets and the facts of the story.
func (g *storyGen) setup() {
	n := g.n
	g.offs = make([]int, n)
	g.outlet = make([]int, n)
	perm := g.rng.Perm(len(outlets))
	for a := range n {
		g.offs[a] = 1 + g.rng.IntN(3)
		g.outlet[a] = perm[a%len(perm)]
	}
	g.about = []string{"about", "some", "around", "roughly"}[g.rng.IntN(4)]
	typ := g.sp.typ
	mk := func(k slotKind, sub int, mention float64) *slot {
		s := &slot{kind: k, sub: sub, mention: mention, forms: make([]form, n), keys: make([]string, n), lines: make([]int, n)}
		for a := range n {
			if g.chance(mention) {
				s.forms[a] = fCanon
			}
		}
		return s
	}
	g.slots[slEventDay] = mk(skEventDay, 0, 1)
	g.slots[slPrior] = mk(skPrior, 0, 0.4)
	g.slots[slSince] = mk(skSince, 0, 0.35)
	g.slots[slRising] = mk(skNum, 0, 0.85)
	g.slots[slNum1] = mk(skNum, 1, 0.6)
	g.slots[slNum2] = mk(skNum, 2, 0.5)
	g.slots[slNum3] = mk(skNum, 3, 0.5)
	g.slots[slBases] = mk(skBases, 0, 0.3)
	g.slots[slFraming] = mk(skFraming, 0, 0.4)
	g.slots[slClaim0] = mk(skModality, 0, 0.4)
	g.slots[slClaim1] = mk(skModality, 1, 0.4)
	qs := g.rng.Perm(len(typ.quotes))
	g.slots[slQuote0] = mk(skQuote, qs[0], 0.55)
	g.slots[slQuote1] = mk(skQuote, qs[1], 0.45)
	g.slots[slParaphrase] = mk(skParaphrase, 0, 0.35)
	g.slots[slScope] = mk(skScope, 0, 0.3)

	for i := slRising; i <= slNum3; i++ {
		s := g.slots[i]
		spec := &typ.nums[s.sub]
		s.q = spec.q
		if i == slRising && spec.lowerBoundOK && g.chance(0.5) {
			s.q = qAtLeast
		}
		s.v = spec.min + spec.step*g.rng.IntN((spec.max-spec.min)/spec.step+1)
	}
	since := g.slots[slSince]
	since.year = 1950 + g.rng.IntN(g.sp.date.Year()-5-1950)
	bases := g.slots[slBases]
	bases.count = []string{"two", "three", "four"}[g.rng.IntN(3)]
	bases.ord = ordinal(10 + g.rng.IntN(240))
	for _, i := range []int{slClaim0, slClaim1} {
		g.slots[i].canonMode = g.rng.IntN(5)
	}
	speakers := g.rng.Perm(4)
	for j, i := range []int{slQuote0, slQuote1} {
		s := g.slots[i]
		q := typ.quotes[s.sub]
		choice := altChoice(g.rng, q.q1)
		s.q1 = g.rep.Replace(expandAlt(q.q1, choice))
		s.q1Var = g.rep.Replace(expandAlt(q.q1, rewordChoice(g.rng, q.q1, choice)))
		s.q2 = g.rep.Replace(q.q2)
		s.speaker = 1 + speakers[j] // P1..P4
	}
	p := paraphrases[g.rng.IntN(len(paraphrases))]
	if g.chance(0.5) {
		p[0], p[1] = p[1], p[0]
	}
	g.slots[slParaphrase].verbs = p
	g.slots[slScope].v = 150000 + 10000*g.rng.IntN(106)
	for i := range g.nv {
		g.nv[i].art = -1
	}
}

// plantAll plants positives and negatives at the configured rates.
func (g *storyGen) plantAll() {
	nPos := g.stochRound(g.c.cfg.rate * float64(g.n))
	order := g.rng.Perm(int(numKinds))
	next := g.rng.IntN(int(numKinds))
	for range nPos {
		done := false
		for try := 0; try < int(numKinds) && !done; try++ {
			done = g.plantPositive(kind(order[next%int(numKinds)]))
			next++
		}
		if !done {
			break
		}
	}
	nNeg := g.stochRound(g.c.cfg.neg * float64(g.n))
	negOrder := g.rng.Perm(6)
	next = g.rng.IntN(6)
	for range nNeg {
		done := false
		for try := 0; try < 6 && !done; try++ {
			done = g.plantNegative(negOrder[next%6])
			next++
		}
		if !done {
			break
		}
	}
}

// free returns the slots among idx that hold nothing planted yet.
func (g *storyGen) free(idx ...int) []int {
	var out []int
	for _, i := range idx {
		if g.slots[i].plant == plNone {
			out = append(out, i)
		}
	}
	return out
}

func (g *storyGen) pick(c []int) (int, bool) {
	if len(c) == 0 {
		return 0, false
	}
	return c[g.rng.IntN(len(c))], true
}

// ensureCanon makes sure some article states the slot in its canonical
// form, choosing one that does not state it when none does.
func (g *storyGen) ensureCanon(s *slot) {
	all := make([]int, g.n)
	for a := range all {
		all[a] = a
	}
	g.ensureCanonAmong(s, all)
}

// ensureCanonAmong is ensureCanon with the choice limited to cands.
func (g *storyGen) ensureCanonAmong(s *slot, cands []int) {
	for _, f := range s.forms {
		if f == fCanon {
			return
		}
	}
	var ok []int
	for _, a := range cands {
		if s.forms[a] == fAbsent {
			ok = append(ok, a)
		}
	}
	s.forms[ok[g.rng.IntN(len(ok))]] = fCanon
}

// plantPositive plants one discrepancy of kind k; false when the story has
// no free place for one.
func (g *storyGen) plantPositive(k kind) bool {
	switch k {
	case kindNameVariant:
		var cands []int
		for i := range g.nv {
			if g.nv[i].art < 0 && len(g.c.pool.people[g.sp.cast[i]].variants) > 0 {
				cands = append(cands, i)
			}
		}
		i, ok := g.pick(cands)
		if !ok {
			return false
		}
		vars := g.c.pool.people[g.sp.cast[i]].variants
		g.nv[i] = nameVariant{art: g.rng.IntN(g.n), variant: vars[g.rng.IntN(len(vars))], mixed: g.chance(0.25)}
		return true
	case kindNumber:
		i, ok := g.pick(g.free(slNum1, slNum2, slNum3))
		if !ok {
			return false
		}
		g.plantNumber(g.slots[i])
		return true
	case kindUpdate:
		if g.slots[slRising].plant != plNone {
			return false
		}
		return g.plantUpdate(g.slots[slRising])
	case kindDate:
		slots := []int{slEventDay, slSince}
		if len(g.sharedDay()) > 0 {
			slots = append(slots, slPrior)
		}
		i, ok := g.pick(g.free(slots...))
		if !ok {
			return false
		}
		s := g.slots[i]
		if i == slPrior {
			g.plantSameDay(s)
			return true
		}
		if i == slSince {
			d := 6 + g.rng.IntN(7)
			if g.chance(0.5) || s.year-d < 1900 {
				d = -d
			}
			s.yearVar = s.year + d
			if s.yearVar > g.sp.date.Year()-1 {
				s.yearVar = s.year - (6 + g.rng.IntN(7))
			}
		}
		g.plantVariant(s)
		return true
	case kindFraming:
		i, ok := g.pick(g.free(slBases, slFraming))
		if !ok {
			return false
		}
		g.plantVariant(g.slots[i])
		return true
	case kindModality:
		i, ok := g.pick(g.free(slClaim0, slClaim1))
		if !ok {
			return false
		}
		s := g.slots[i]
		s.canonMode = cAsserted + g.rng.IntN(2)
		s.otherMode = cHedge1 + g.rng.IntN(3)
		g.plantVariant(s)
		return true
	case kindQuote:
		i, ok := g.pick(g.free(slQuote0, slQuote1))
		if !ok {
			return false
		}
		g.plantVariant(g.slots[i])
		return true
	}
	return false
}

// plantVariant makes one random article state the slot's variant.
func (g *storyGen) plantVariant(s *slot) {
	s.plant = plPos
	v := g.rng.IntN(g.n)
	s.forms[v] = fVariant
	g.ensureCanon(s)
}

// sharedDay lists the articles published on a day with another article.
func (g *storyGen) sharedDay() []int {
	byDay := map[int]int{}
	for _, o := range g.offs {
		byDay[o]++
	}
	var out []int
	for a, o := range g.offs {
		if byDay[o] > 1 {
			out = append(out, a)
		}
	}
	return out
}

// plantSameDay plants a variant in one article, and keeps the slot to the
// articles published on the same day as that one: "last week" and "two
// weeks ago" in articles published on different days may name one
// calendar week, so only a same-day pair surely disagrees. The story must
// have a shared publication day (see sharedDay).
func (g *storyGen) plantSameDay(s *slot) {
	shared := g.sharedDay()
	v := shared[g.rng.IntN(len(shared))]
	var others []int
	canon := false
	for a := range s.forms {
		switch {
		case g.offs[a] != g.offs[v]:
			s.forms[a] = fAbsent
		case a != v:
			others = append(others, a)
			canon = canon || s.forms[a] == fCanon
		}
	}
	s.plant = plPos
	s.forms[v] = fVariant
	if !canon {
		s.forms[others[g.rng.IntN(len(others))]] = fCanon
	}
}

// plantNumber plants a different count of the same thing. The articles
// that disagree are published on the same day where possible, or the one
// with the other figure is the latest and gives a lower figure, so that
// the pair never looks like a rising count.
func (g *storyGen) plantNumber(s *slot) {
	s.plant = plPos
	spec := &g.sp.typ.nums[s.sub]
	byDay := map[int][]int{}
	for a, o := range g.offs {
		byDay[o] = append(byDay[o], a)
	}
	var shared []int
	for a, o := range g.offs {
		if len(byDay[o]) > 1 {
			shared = append(shared, a)
		}
	}
	lower := s.q == qAtLeast || s.q == qMoreThan || g.chance(0.5)
	var v int
	if len(shared) > 0 {
		v = shared[g.rng.IntN(len(shared))]
		for a := range s.forms {
			if g.offs[a] != g.offs[v] {
				s.forms[a] = fAbsent
			}
		}
	} else {
		for a := range g.offs {
			if g.offs[a] > g.offs[v] {
				v = a
			}
		}
		lower = true
	}
	s.forms[v] = fVariant
	if len(shared) > 0 {
		g.ensureCanonAmong(s, byDay[g.offs[v]])
	} else {
		g.ensureCanon(s)
	}
	round := func(x float64) int {
		r := int(x/float64(spec.step)+0.5) * spec.step
		return max(r, spec.step, 1)
	}
	if lower {
		s.vVar = round(float64(s.v) * (0.35 + 0.25*g.rng.Float64()))
		if s.vVar >= s.v {
			s.vVar = max(1, s.v/2)
		}
	} else {
		s.vVar = round(float64(s.v) * (1.7 + 0.7*g.rng.Float64()))
	}
	switch s.q {
	case qAtLeast, qMoreThan:
		s.qVar = qExact
	default:
		s.qVar = s.q
	}
}

// plantUpdate makes the articles published from some day on state a higher
// value of the rising count. False when all articles share one day.
func (g *storyGen) plantUpdate(s *slot) bool {
	lo, hi := 4, 0
	for _, o := range g.offs {
		lo, hi = min(lo, o), max(hi, o)
	}
	if lo == hi {
		return false
	}
	cut := lo + 1 + g.rng.IntN(hi-lo)
	var early, late []int
	for a, o := range g.offs {
		if o < cut {
			early = append(early, a)
		} else {
			late = append(late, a)
		}
	}
	if len(early) == 0 || len(late) == 0 {
		return false
	}
	spec := &g.sp.typ.nums[s.sub]
	s.vLate = s.v + max(2, int(float64(s.v)*(0.2+0.6*g.rng.Float64())))
	if spec.maxLate > 0 && s.vLate > spec.maxLate {
		s.vLate = spec.maxLate
	}
	if s.vLate <= s.v {
		return false
	}
	s.plant = plUpdate
	mentioned := func(as []int) bool {
		for _, a := range as {
			if s.forms[a] != fAbsent {
				return true
			}
		}
		return false
	}
	if !mentioned(early) {
		s.forms[early[g.rng.IntN(len(early))]] = fCanon
	}
	if !mentioned(late) {
		s.forms[late[g.rng.IntN(len(late))]] = fCanon
	}
	for _, a := range late {
		if s.forms[a] == fCanon {
			s.forms[a] = fLate
		}
	}
	return true
}

// Negative categories, cycled through for balance.
const (
	negNumber = iota
	negDate
	negModality
	negQuote
	negParaphrase
	negScope
)

// plantNegative plants one agreeing restatement of category cat.
func (g *storyGen) plantNegative(cat int) bool {
	var cands []int
	switch cat {
	case negNumber:
		for _, i := range g.free(slNum1, slNum2, slNum3) {
			s := g.slots[i]
			if s.q != qExact || s.v >= 10 {
				cands = append(cands, i)
			}
		}
	case negDate:
		cands = g.free(slEventDay, slPrior, slSince)
	case negModality:
		cands = g.free(slClaim0, slClaim1)
	case negQuote:
		cands = g.free(slQuote0, slQuote1)
	case negParaphrase:
		cands = g.free(slParaphrase)
	case negScope:
		cands = g.free(slScope)
	}
	i, ok := g.pick(cands)
	if !ok {
		return false
	}
	s := g.slots[i]
	s.plant = plNeg
	switch s.kind {
	case skNum:
		s.altN = g.agreeingNumber(s)
	case skModality:
		m := g.rng.Perm(3)
		s.canonMode, s.otherMode = cHedge1+m[0], cHedge1+m[1]
	}
	k := 1 + g.rng.IntN(max(1, (g.n-1)/2))
	for _, a := range g.rng.Perm(g.n)[:k] {
		s.forms[a] = fAlt
	}
	g.ensureCanon(s)
	return true
}

// agreeingNumber restates a count so that it agrees: an exact figure close
// to an approximate one, the bare figure for a lower bound, "over" for
// "more than", "about" for an exact count.
func (g *storyGen) agreeingNumber(s *slot) string {
	switch s.q {
	case qAbout:
		if s.v >= 500 {
			d := max(10, s.v/100*(1+g.rng.IntN(2))/10*10)
			if g.chance(0.5) {
				d = -d
			}
			return commas(s.v + d)
		}
		return "nearly " + commas(s.v)
	case qAtLeast:
		return commas(s.v)
	case qMoreThan:
		return "over " + commas(s.v)
	}
	return "about " + commas(s.v)
}

// numPhrase writes a count with its qualifier.
func (g *storyGen) numPhrase(q qual, v int) string {
	switch q {
	case qAbout:
		return g.about + " " + commas(v)
	case qAtLeast:
		return "at least " + commas(v)
	case qMoreThan:
		return "more than " + commas(v)
	}
	return commas(v)
}

// commas writes n with thousands separators: 7000 -> "7,000".
func commas(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + commas(-n)
	}
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	pre := len(s) % 3
	if pre > 0 {
		b.WriteString(s[:pre])
	}
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// ordinal writes n as "201st", "12th", "23rd".
func ordinal(n int) string {
	suf := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suf = "st"
		case 2:
			suf = "nd"
		case 3:
			suf = "rd"
		}
	}
	return fmt.Sprint(n) + suf
}

// decade writes a year as a part of its decade: 1992 -> "the early 1990s".
func decade(y int) string {
	part := "early"
	switch d := y % 10; {
	case d >= 7:
		part = "late"
	case d >= 4:
		part = "mid-"
	}
	if part == "mid-" {
		return fmt.Sprintf("the mid-%ds", y/10*10)
	}
	return fmt.Sprintf("the %s %ds", part, y/10*10)
}

func weekday(t time.Time) string  { return t.Weekday().String() }
func monthDay(t time.Time) string { return t.Format("January 2") }

// altChoice picks one option of every [a|b] group of s.
func altChoice(rng *rand.Rand, s string) []int {
	var c []int
	for _, n := range altGroups(s) {
		c = append(c, rng.IntN(n))
	}
	return c
}

// rewordChoice changes one or two groups of choice to another option.
func rewordChoice(rng *rand.Rand, s string, choice []int) []int {
	groups := altGroups(s)
	out := append([]int(nil), choice...)
	changes := 1 + rng.IntN(2)
	for _, gi := range rng.Perm(len(groups)) {
		if changes == 0 {
			break
		}
		out[gi] = (out[gi] + 1 + rng.IntN(groups[gi]-1)) % groups[gi]
		changes--
	}
	return out
}

// altGroups returns the number of options of each [a|b] group of s.
func altGroups(s string) []int {
	var out []int
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], ']') + i
		out = append(out, strings.Count(s[i:j], "|")+1)
		s = s[j+1:]
	}
}

// expandAlt replaces every [a|b] group of s by the chosen option.
func expandAlt(s string, choice []int) string {
	var b strings.Builder
	for k := 0; ; k++ {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], ']') + i
		b.WriteString(s[:i])
		b.WriteString(strings.Split(s[i+1:j], "|")[choice[k]])
		s = s[j+1:]
	}
}
