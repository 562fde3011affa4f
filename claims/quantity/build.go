package quantity

import "math"

// Markers written after a number.
var (
	postOrSo   = &marker{words: []string{"or", "so"}, bound: Approx, approx: true}
	postOdd    = &marker{words: []string{"odd"}, bound: Approx, approx: true}
	postOrMore = &marker{words: []string{"or", "more"}, bound: AtLeast}
	postPlus   = &marker{words: []string{"plus"}, bound: AtLeast}
	postOrLess = &marker{words: []string{"or", "less"}, bound: AtMost}
)

// oneIdioms are the words after which "one" is not a count: "one day", "one
// another", "one by one".
var oneIdioms = map[string]bool{
	"day": true, "time": true, "point": true, "way": true, "hand": true, "side": true,
	"another": true, "by": true, "after": true, "thing": true, "moment": true, "stage": true,
	"night": true, "morning": true, "evening": true, "afternoon": true, "year": true,
	"week": true, "month": true,
}

// interval is the value and bounds being built for one quantity.
type interval struct {
	val, lo, hi float64
	bound       Bound
	approx      bool
}

// apply narrows or opens the interval by a bound marker. sig is the place
// value of the number's least significant digit.
func (iv *interval) apply(mk *marker, sig float64, vague bool) {
	switch mk.bound {
	case Approx:
		iv.approx = true
		if iv.bound == Exact {
			iv.bound = Approx
			w := halfWidth(iv.val, sig)
			iv.lo, iv.hi = iv.val-w, iv.val+w
		}
	case AtLeast:
		if iv.bound == Exact || (iv.bound == Approx && !vague) {
			iv.lo = iv.val
		}
		iv.hi = Unbounded
		if mk.approx {
			iv.hi = iv.lo + halfWidth(iv.lo, sig)
		}
		iv.bound = AtLeast
		iv.approx = iv.approx || mk.approx
	case AtMost:
		if iv.bound == Exact || (iv.bound == Approx && !vague) {
			iv.hi = iv.val
		}
		iv.lo = 0
		if mk.approx {
			iv.lo = iv.hi - halfWidth(iv.hi, sig)
		}
		iv.bound = AtMost
		iv.approx = iv.approx || mk.approx
	}
}

// build completes the quantity whose number is c: a range, bound markers
// before and after, a currency or magnitude before, and the unit or noun
// after. It appends the quantity, unless c turns out not to be one, and
// returns the token to go on from.
func (p *parser) build(c core) int {
	if c.skip {
		return c.b
	}
	start, end := c.a, c.b-1
	iv := interval{val: c.v, lo: c.v, hi: c.v, approx: c.approx}
	switch {
	case c.vague:
		iv.lo, iv.hi, iv.bound = c.lo, c.hi, Approx
	case c.approx:
		w := halfWidth(c.v, c.sig)
		iv.lo, iv.hi, iv.bound = c.v-w, c.v+w, Approx
	}
	rng := false
	if !c.ord && !c.frac && !c.vague {
		r, kind := p.rangeAfter(c)
		switch kind {
		case rangeReject:
			return max(c.b+2, r.b)
		case rangeHyphen, rangeTo, rangeOr, rangeBetween:
			if c.scale == 0 && r.scale > 0 && c.v*r.scale <= r.v {
				c.withScale(r.scale)
			}
			iv = interval{val: (c.v + r.v) / 2, lo: c.v, hi: r.v, bound: Range, approx: c.approx || r.approx || kind == rangeOr}
			if kind == rangeBetween {
				start = c.a - 1
			}
			if c.unit == nil {
				c.unit, c.ut = r.unit, r.ut
			}
			c.res = min(c.res, r.res)
			c.b = r.b
			end = r.b - 1
			rng = true
		}
	}
	ratio := false
	if !rng && !c.ord && !c.frac && !c.vague && c.v >= 1 && p.w(c.b) == "in" {
		if r, ok := p.ratioAt(c.b + 1); ok && r.v > c.v {
			c.v /= r.v
			c.frac, c.sig, c.b = true, c.v, r.b
			iv = interval{val: c.v, lo: c.v, hi: c.v}
			end = r.b - 1
			ratio = true
		}
	}
	next := c.b
	j := c.b
	var post *marker
	if !c.ord && !c.frac {
		switch {
		case p.w(j) == "or" && p.w(j+1) == "so":
			post = postOrSo
		case p.w(j) == "or" && p.w(j+1) == "more":
			post = postOrMore
		case p.w(j) == "or" && (p.w(j+1) == "less" || p.w(j+1) == "fewer"):
			post = postOrLess
		case p.hyphenAfter(j-1) && p.w(j+1) == "odd":
			post = postOdd
		case p.hyphenAfter(j-1) && p.w(j+1) == "plus":
			post = postPlus
		}
		if post != nil {
			end, j, next = j+1, j+2, j+2
		}
	}

	// a currency, "magnitude" or "aged" before the number
	unit := c.unit
	us, ue := -1, -1 // tokens of the written unit
	if unit != nil && c.ut >= 0 {
		us, ue = c.ut, c.ut+1
	}
	ps := start
	if unit == nil && !c.ord && !c.frac && start == c.a {
		if u, s := p.currencyPrefix(c.a); u != nil {
			unit, us, ue, ps = u, s, c.a, s
		} else if p.w(c.a-1) == "magnitude" && p.toks[c.a].sp {
			unit, us, ue, ps = uMag, c.a-1, c.a, c.a-1
		} else if p.hyphenBefore(c.a) && p.w(c.a-2) == "magnitude" {
			unit, us, ue, ps = uMag, c.a-2, c.a-1, c.a-2
		} else if p.w(c.a-1) == "aged" {
			unit, us, ue, ps = uAge, c.a-1, c.a, c.a-1
		}
	}
	mk, ms := p.markerBefore(ps)
	if mk != nil {
		ps = ms
		iv.apply(mk, c.sig, c.vague)
	}
	if post != nil {
		iv.apply(post, c.sig, c.vague)
	}

	isOne := c.words && c.v == 1 && !c.vague && !rng && !c.frac && !c.ord && c.scale == 0
	if isOne && mk == nil && !c.single {
		prev := p.w(c.a - 1)
		if p.has(c.a-1, fDet) || prev == "single" || prev == "which" || p.w(j) == "of" || oneIdioms[p.w(j)] {
			return next
		}
	}

	// the unit or noun after the number
	nounS, nounE := -1, -1
	lemma := ""
	strong := false
	if unit == nil && !c.ord && !c.frac {
		switch {
		case p.punct(j) == "%":
			unit, us, ue = uPercent, j, j+1
			end, j = j, j+1
		case p.hyphenAfter(j-1) && p.toks[j+1].kind == kWord:
			u, ws, we, cend, reject := p.compound(j + 1)
			if reject {
				return next
			}
			switch {
			case u != nil:
				unit, us, ue = u, ws, we
			case p.w(ws) == "strong":
				strong = true
			default:
				nounS, nounE = ws, we
				lemma = Singular(p.low[p.toks[ws].s:p.toks[we-1].e])
			}
			end, j = cend-1, cend
		default:
			if u, e := p.unitAt(j); u != nil {
				unit, us, ue = u, j, e
				end, j = e-1, e
			}
		}
	}
	of := ""
	if unit == nil && !c.frac && (nounS < 0 || strong) {
		plural := !c.ord && (c.vague || rng || c.v != 1)
		k := j
		if !c.ord && p.w(k) == "more" {
			k++
		}
		f, hs, he, ok := p.nounPhrase(k, plural)
		if !ok && !c.ord && p.w(k) == "of" && (!isOne || mk != nil) {
			f, hs, he, ok = p.ofPhrase(k+1, !c.vague, plural)
		}
		if ok {
			nounS, nounE, end = f, he, he-1
			if e := p.ent(hs); he == hs+1 && e != nil && e.unit != nil && !c.ord {
				unit, us, ue = e.unit, f, he
			} else {
				lemma = Singular(p.low[p.toks[hs].s:p.toks[he-1].e])
			}
		}
	}
	if c.frac {
		unit = uFrac
		iv.hi = min(iv.hi, 1) // "more than half" is at most the whole
	}
	if ratio {
		if _, _, _, fs, fe, ok := p.nounPhrase2(j, true); ok {
			of = Singular(p.low[p.toks[fs].s:p.toks[fe-1].e])
		}
	} else if (unit == uPercent || c.frac) && (p.w(j) == "of" || (c.frac && p.has(j, fDet))) {
		k := j
		if p.w(k) == "of" {
			k++
		}
		if _, hs, he, ok := p.ofPhrase(k, false, true); ok {
			of = Singular(p.low[p.toks[hs].s:p.toks[he-1].e])
		}
	}
	if isOne && mk == nil && unit == nil && nounS < 0 {
		return next // the pronoun "one"
	}
	if unit == nil && nounS < 0 && mk == nil && post == nil && p.appositiveAge(c) {
		unit = uAge
	}
	if c.single && unit == nil && nounS < 0 {
		return next
	}
	if c.single && p.w(c.a-1) == "not" {
		// "not a single Uzbek name": none
		iv = interval{}
		ps = c.a - 1
	}
	if ue-1 > end && us >= c.a {
		end = ue - 1
	}

	q := Quantity{
		Value:   iv.val,
		Low:     math.Max(iv.lo, 0),
		High:    iv.hi,
		Approx:  iv.approx,
		Bound:   iv.bound,
		Ordinal: c.ord,
		Of:      of,
		Start:   p.toks[ps].s,
		End:     p.toks[end].e,
	}
	q.Text = p.src[q.Start:q.End]
	switch {
	case nounS >= 0:
		q.Noun = p.src[p.toks[nounS].s:p.toks[nounE-1].e]
	case us >= 0:
		q.Noun = p.src[p.toks[us].s:p.toks[ue-1].e]
	}
	q.Canon = Measure{Value: q.Value, Low: q.Low, High: q.High, Unit: lemma}
	q.Unit = lemma
	if unit != nil {
		q.Unit = unit.unit
		f := unit.factor
		q.Canon = Measure{Value: q.Value * f, Low: q.Low * f, High: q.High, Unit: unit.canon}
		if q.High < Unbounded {
			q.Canon.High = q.High * f
		}
		if unit.kind == kindMeasure && (q.Bound == Exact || q.Bound == Range) {
			tol := c.res / 2 * f
			q.Canon.Low = math.Max(q.Canon.Low-tol, 0)
			q.Canon.High += tol
		}
	}
	if !sane(q.Value) || !sane(q.Low) || !sane(q.High) || !sane(q.Canon.Value) || !sane(q.Canon.Low) ||
		!sane(q.Canon.High) {
		return next // a number too large to mean anything ("1800000…000")
	}
	q.Value, q.Low, q.High = tidy(q.Value), tidy(q.Low), tidy(q.High)
	q.Canon.Value, q.Canon.Low, q.Canon.High = tidy(q.Canon.Value), tidy(q.Canon.Low), tidy(q.Canon.High)
	p.emit(q)
	return next
}

// sane reports whether x is a finite value that encoding/json can write and
// that cannot be taken for Unbounded.
func sane(x float64) bool { return x == Unbounded || (x >= 0 && x < 1e300) }

// tidy rounds x to 12 significant digits, so that widened and converted
// values print without floating-point noise (86.6418, not
// 86.64179999999999). Whole numbers and Unbounded are kept.
func tidy(x float64) float64 {
	if x == math.Trunc(x) || x >= Unbounded {
		return x
	}
	e := math.Floor(math.Log10(math.Abs(x)))
	scale := math.Pow10(11 - int(e))
	if math.IsInf(scale, 0) || scale == 0 {
		return x
	}
	return math.Round(x*scale) / scale
}

// appositiveAge reports whether the bare number c is an age set off by commas
// after a name: "Abed Sultan, 20, a student", "Jorge Hernandez, 49.".
func (p *parser) appositiveAge(c core) bool {
	if c.words || c.b != c.a+1 || c.v < 1 || c.v > 120 || c.v != math.Trunc(c.v) {
		return false
	}
	if p.punct(c.a-1) != "," || c.a < 2 || p.toks[c.a-2].kind != kWord || p.ent(c.a-2) != nil ||
		!p.capital(c.a-2) {
		return false
	}
	switch p.punct(c.b) {
	case ",", ".", ")", ";":
		return true
	}
	return c.b == len(p.toks)
}

// ratioAt parses the second number of a ratio ("one in five adults") at
// token k: a plain cardinal that no unit follows.
func (p *parser) ratioAt(k int) (core, bool) {
	if k >= len(p.toks) {
		return core{}, false
	}
	if p.toks[k].kind == kNum {
		if _, skip := p.skipNumber(k, true); skip {
			return core{}, false
		}
	} else if !p.has(k, fCard) {
		return core{}, false
	}
	r, ok := p.coreAt(k)
	if !ok || r.ord || r.frac || r.vague || r.unit != nil || p.punct(r.b) == "%" {
		return core{}, false
	}
	if u, _ := p.unitAt(r.b); u != nil {
		return core{}, false
	}
	return r, true
}

// emit appends q, keeping the output ordered by start offset.
func (p *parser) emit(q Quantity) {
	p.out = append(p.out, q)
	for k := len(p.out) - 1; k > 0 && p.out[k-1].Start > p.out[k].Start; k-- {
		p.out[k-1], p.out[k] = p.out[k], p.out[k-1]
	}
}
