package quantity

import "math"

// core is the number itself: digits or words, with any scale word, before
// ranges, markers and nouns are looked at.
type core struct {
	a, b   int     // tokens [a, b)
	v      float64 // value; a proportion for fractions
	lo, hi float64 // interval of a vague count
	sig    float64 // place value of the least significant non-zero digit
	res    float64 // place value of the last written digit
	scale  float64 // the scale word applied ("million"), 0 if none
	unit   *unitDef
	ut     int // token of a unit glued to the digits ("10km"), -1 if none

	vague  bool // dozens, hundreds, a handful
	approx bool // approximate by nature ("a dozen")
	ord    bool // ordinal
	frac   bool // fraction ("two-thirds")
	words  bool // written in words
	single bool // "a single"
	skip   bool // not a quantity: a year in words ("nineteen ninety-one")
}

// parseDigits reads a number token such as "7,000" or "46.2" and returns its
// value, the place value of its least significant non-zero digit and the
// place value of its last digit.
func parseDigits(s string) (v, sig, res float64) {
	dec := -1
	zeros := 0 // trailing zero digits
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.':
			dec = 0
		case isDigit(c):
			v = v*10 + float64(c-'0')
			if dec >= 0 {
				dec++
			}
			if c == '0' {
				zeros++
			} else {
				zeros = 0
			}
		}
	}
	if dec < 0 {
		dec = 0
	}
	if dec > 0 {
		v /= math.Pow10(dec)
	}
	res = math.Pow10(-dec)
	if v == 0 {
		return 0, res, res
	}
	sig = math.Pow10(zeros - dec)
	return v, sig, res
}

// sigOf returns the place value of the least significant non-zero digit of a
// whole number, or 1.
func sigOf(v float64) float64 {
	if v < 1 || v != math.Trunc(v) {
		return 1
	}
	s := 1.0
	for s < 1e15 && math.Mod(v, s*10) == 0 {
		s *= 10
	}
	return s
}

// halfWidth is the half-width of "about v": half the place value of v's least
// significant non-zero digit, kept between 2% and 10% of v, and at least 1 (or
// v/2 when smaller) for whole numbers below 20.
func halfWidth(v, sig float64) float64 {
	w := sig / 2
	if lo := 0.02 * v; w < lo {
		w = lo
	}
	if hi := 0.10 * v; w > hi {
		w = hi
	}
	if v < 20 && v == math.Trunc(v) {
		w = max(w, min(1, v/2))
	}
	return w
}

// withScale multiplies c by a scale word's multiplier.
func (c *core) withScale(s float64) {
	c.v *= s
	c.sig *= s
	c.res *= s
	c.scale = s
	if s == 12 {
		c.approx, c.sig = true, 12
	}
}

// coreAt parses the number starting at token i.
func (p *parser) coreAt(i int) (core, bool) {
	t := &p.toks[i]
	switch t.kind {
	case kNum:
		return p.digitsAt(i)
	case kWord:
		e := p.ent(i)
		if e == nil {
			return core{}, false
		}
		w := p.w(i)
		switch {
		case w == "a" || w == "an":
			return p.articleAt(i)
		case e.flags&fCard != 0:
			return p.cardinalAt(i)
		case e.flags&fVague != 0:
			return p.vagueAt(i, i)
		case w == "several":
			return p.fewAt(i, i+1, e)
		case w == "half":
			return p.halfAt(i)
		case e.flags&fOrd != 0:
			return p.ordinalAt(i)
		}
	}
	return core{}, false
}

// digitsAt parses a number written in digits, with a glued suffix ("201st",
// "5bn", "10km") or a following scale word ("2.44 million").
func (p *parser) digitsAt(i int) (core, bool) {
	t := p.toks[i]
	v, sig, res := parseDigits(p.src[t.s:t.e])
	c := core{a: i, b: i + 1, v: v, sig: sig, res: res, ut: -1}
	if j := i + 1; j < len(p.toks) && !p.toks[j].sp && p.toks[j].kind == kWord {
		switch suf := p.w(j); suf {
		case "st", "nd", "rd", "th":
			c.ord = true
			c.b = j + 1
			return c, true
		case "bn", "bln":
			c.withScale(1e9)
		case "tn", "trn":
			c.withScale(1e12)
		case "mn", "mln":
			c.withScale(1e6)
		case "k":
			c.withScale(1e3)
		case "m", "b":
			if p.currencyBefore(i) == nil && !p.pluralFollows(j+1) {
				if suf == "b" {
					return core{}, false
				}
				c.unit, c.ut = uM, j
			} else if suf == "m" {
				c.withScale(1e6)
			} else {
				c.withScale(1e9)
			}
		default:
			e := p.ent(j)
			if e == nil || e.unit == nil {
				return core{}, false
			}
			c.unit, c.ut = e.unit, j
		}
		c.b = j + 1
		return c, true
	}
	if j := c.b; j < len(p.toks) && p.toks[j].sp && p.has(j, fScale) {
		c.withScale(p.ent(j).num)
		c.b = j + 1
	}
	return c, true
}

// Kinds of cardinal words, in the order they may follow one another.
const (
	lNone = iota
	lUnit
	lTens
	lHundred
	lBig
)

// cardinalWords reads number words from token i ("seven thousand", "one
// hundred and twenty-five", "twenty-five"). cur is 1 after "a" ("a
// hundred"), when a scale word may come first. It returns the value, the end
// token, the last scale multiplier and whether any word was read.
func (p *parser) cardinalWords(i int, cur float64) (v float64, b int, scale float64, ok bool) {
	total := 0.0
	last, lastBig := lNone, 0.0
	if cur > 0 {
		last = lUnit
	}
	j := i
	for j < len(p.toks) {
		t := &p.toks[j]
		if t.kind == kPunct && last == lTens && p.isHyphen(j) && p.joined(j) && j+1 < len(p.toks) &&
			p.joined(j+1) && p.has(j+1, fCard) && p.ent(j+1).flags&fTens == 0 &&
			p.ent(j+1).num > 0 && p.ent(j+1).num < 10 {
			j++
			continue
		}
		e := p.ent(j)
		if t.kind != kWord || e == nil {
			break
		}
		switch {
		case e.flags&fCard != 0:
			if j > i && t.sp && p.w(j-1) != "and" && last != lHundred && last != lBig {
				// "twenty five" is one number; "five six" is not.
				if !(last == lTens && e.flags&fTens == 0 && e.num < 10) {
					return total + cur, j, scale, ok
				}
			}
			if last == lUnit || (last == lTens && (e.flags&fTens != 0 || e.num >= 10 || e.num == 0)) {
				return total + cur, j, scale, ok
			}
			cur += e.num
			if e.flags&fTens != 0 {
				last = lTens
			} else {
				last = lUnit
			}
		case e.flags&fScale != 0:
			if last == lNone || !t.sp {
				return total + cur, j, scale, ok
			}
			if e.num == 100 || e.num == 12 {
				if last == lHundred {
					return total + cur, j, scale, ok
				}
				cur *= e.num
				last = lHundred
			} else {
				if last == lBig && e.num >= lastBig {
					return total + cur, j, scale, ok
				}
				total += cur * e.num
				cur = 0
				last, lastBig = lBig, e.num
			}
			scale = e.num
		case p.w(j) == "and" && (last == lHundred || last == lBig) && j+1 < len(p.toks) &&
			p.has(j+1, fCard) && p.toks[j+1].sp:
			j++
			continue
		default:
			return total + cur, j, scale, ok
		}
		ok = true
		j++
	}
	return total + cur, j, scale, ok
}

// cardinalAt parses number words from token i, with the compound ordinals
// ("twenty-first"), fractions ("two-thirds", "one fifth") and "and a half".
func (p *parser) cardinalAt(i int) (core, bool) {
	e := p.ent(i)
	if e.flags&fTens != 0 && p.hyphenAfter(i) && p.has(i+2, fOrd) && p.ent(i+2).num < 10 {
		return core{a: i, b: i + 3, v: e.num + p.ent(i+2).num, sig: 1, res: 1, ord: true, words: true, ut: -1}, true
	}
	v, b, scale, ok := p.cardinalWords(i, 0)
	if !ok {
		return core{}, false
	}
	c := core{a: i, b: b, v: v, sig: sigOf(v), res: 1, scale: scale, words: true, ut: -1}
	if scale == 12 {
		c.approx, c.sig = true, 12
	}
	if scale == 0 && v >= 10 && v < 100 && b < len(p.toks) && p.toks[b].sp && p.has(b, fTens) {
		// a year in words: "nineteen ninety-one", "twenty twenty"
		_, b2, _, _ := p.cardinalWords(b, 0)
		return core{a: i, b: b2, skip: true}, true
	}
	if scale == 0 && v >= 1 && v <= 10 && b < len(p.toks) && p.has(b, fFrac) &&
		(p.toks[b].sp || p.hyphenBefore(b)) && !(p.toks[b].sp && p.has(b, fOrd) && p.w(b+1) != "of") {
		c.v = v / p.ent(b).num
		c.frac, c.sig, c.b = true, c.v, b+1
		return c, true
	}
	if p.hyphenAfter(b-1) && p.has(b+1, fFrac) && scale == 0 && v >= 1 && v <= 10 {
		c.v = v / p.ent(b+1).num
		c.frac, c.sig, c.b = true, c.v, b+2
		return c, true
	}
	if scale == 0 && p.w(b) == "and" && p.w(b+1) == "a" && p.w(b+2) == "half" {
		c.v += 0.5
		c.sig, c.res, c.b = 0.5, 0.5, b+3
	}
	return c, true
}

// articleAt parses a number introduced by "a" or "an": "a dozen", "a hundred",
// "a few hundred", "a handful", "a couple of", "a third of", "a single".
func (p *parser) articleAt(i int) (core, bool) {
	j := i + 1
	if j >= len(p.toks) || !p.toks[j].sp || p.toks[j].kind != kWord {
		return core{}, false
	}
	if p.w(j) == "single" {
		return core{a: i, b: j + 1, v: 1, sig: 1, res: 1, words: true, single: true, ut: -1}, true
	}
	e := p.ent(j)
	if e == nil {
		return core{}, false
	}
	switch w := p.w(j); {
	case e.flags&fScale != 0:
		v, b, scale, ok := p.cardinalWords(j, 1)
		if !ok {
			return core{}, false
		}
		c := core{a: i, b: b, v: v, sig: sigOf(v), res: 1, scale: scale, words: true, ut: -1}
		if scale == 12 {
			c.approx, c.sig = true, 12
		}
		return c, true
	case w == "few":
		return p.fewAt(i, j+1, e)
	case w == "handful":
		return core{a: i, b: j + 1, v: math.Sqrt(e.lo * e.hi), lo: e.lo, hi: e.hi, vague: true, approx: true, sig: 1, res: 1, ut: -1}, true
	case w == "couple":
		if p.w(j+1) != "of" {
			return core{}, false
		}
		return core{a: i, b: j + 1, v: math.Sqrt(e.lo * e.hi), lo: e.lo, hi: e.hi, vague: true, approx: true, sig: 1, res: 1, ut: -1}, true
	case e.flags&fFrac != 0 && w != "half" && w != "halves" && w[len(w)-1] != 's':
		if p.w(j+1) != "of" {
			return core{}, false
		}
		v := 1 / e.num
		return core{a: i, b: j + 1, v: v, sig: v, res: 1, frac: true, words: true, ut: -1}, true
	}
	return core{}, false
}

// fewAt parses "several hundred", "a few thousand": the multipliers of e times
// the scale word at token j; a is the first token.
func (p *parser) fewAt(a, j int, e *entry) (core, bool) {
	if j >= len(p.toks) || !p.toks[j].sp || !p.has(j, fScale) {
		return core{}, false
	}
	s := p.ent(j).num
	lo, hi := e.lo*s, (e.hi+1)*s-1
	return core{a: a, b: j + 1, v: math.Round(math.Sqrt(lo * hi)), lo: lo, hi: hi, vague: true, approx: true, sig: s, res: 1, ut: -1}, true
}

// vagueAt parses a plural scale word at token i ("dozens", "hundreds"), with
// "of" and a further scale ("tens of thousands"); a is the first token.
func (p *parser) vagueAt(a, i int) (core, bool) {
	e := p.ent(i)
	lo, hi := e.lo, e.hi
	b := i + 1
	if p.w(b) == "of" && b+1 < len(p.toks) && p.ent(b+1) != nil &&
		p.ent(b+1).flags&(fVague|fScale) != 0 && p.ent(b+1).num >= 100 {
		s := p.ent(b + 1).num
		lo, hi = e.lo*s, (e.hi+1)*s-1
		b += 2
	} else if p.w(i) == "tens" || (p.w(i) == "scores" && p.w(b) != "of") {
		return core{}, false
	}
	return core{a: a, b: b, v: math.Round(math.Sqrt(lo * hi)), lo: lo, hi: hi, vague: true, approx: true, sig: e.num, res: 1, ut: -1}, true
}

// halfAt parses "half a million", "half a dozen", and the fraction "half" in
// "half of", "half the" and after a marker ("more than half").
func (p *parser) halfAt(i int) (core, bool) {
	if p.hyphenAfter(i) || p.hyphenBefore(i) {
		return core{}, false
	}
	if p.w(i+1) == "a" && p.has(i+2, fScale) {
		s := p.ent(i + 2).num
		c := core{a: i, b: i + 3, v: s / 2, sig: sigOf(s / 2), res: 1, scale: s, words: true, ut: -1}
		if s == 12 {
			c.approx, c.sig = true, 6
		}
		return c, true
	}
	if p.w(i+1) == "of" || p.has(i+1, fDet) {
		return core{a: i, b: i + 1, v: 0.5, sig: 0.5, res: 1, frac: true, words: true, ut: -1}, true
	}
	if mk, _ := p.markerBefore(i); mk != nil {
		return core{a: i, b: i + 1, v: 0.5, sig: 0.5, res: 1, frac: true, words: true, ut: -1}, true
	}
	return core{}, false
}

// ordinalAt parses an ordinal word used as a position: "its first trip", "the
// second largest city". Hyphenated adjectives ("second-tier"), "at first",
// dates ("the first of July"), an ordinal before a count ("the first five
// months"), and "second" without a determiner are not.
func (p *parser) ordinalAt(i int) (core, bool) {
	if p.hyphenAfter(i) || p.hyphenBefore(i) {
		return core{}, false
	}
	n := i + 1
	if n < len(p.toks) && (p.toks[n].kind == kNum || p.has(n, fCard)) {
		return core{}, false
	}
	prev := p.w(i - 1)
	if prev == "at" || (p.w(n) == "of" && p.isMonth(n+1)) {
		return core{}, false
	}
	det := p.has(i-1, fDet) || isPossessive(prev)
	if !det {
		if p.w(i) == "second" {
			return core{}, false
		}
		_, hs, he, ok := p.nounPhrase(n, false)
		if !ok || he != hs+1 || isParticiple(p.w(hs), p.ent(hs)) {
			return core{}, false
		}
	}
	return core{a: i, b: i + 1, v: p.ent(i).num, sig: 1, res: 1, ord: true, words: true, ut: -1}, true
}
