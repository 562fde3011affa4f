package quantity

import (
	"fmt"
	"math"
)

// Unbounded is the High of an interval with no upper bound ("more than 200").
// It is math.MaxFloat64 rather than +Inf so that encoding/json can write it.
const Unbounded = math.MaxFloat64

// Bound says how a quantity's interval was stated. The zero value is Exact, so
// a JSON object without "bound" is exact.
type Bound uint8

// The bounds a quantity can carry.
const (
	Exact   Bound = iota // a number as written: "24 dead"
	Approx               // an approximation: "about 7,000", "dozens"
	AtLeast              // a lower bound: "more than 200", "at least five"
	AtMost               // an upper bound: "up to 50", "nearly 90"
	Range                // an explicit range: "between 30 and 40", "30-40"
)

var boundNames = [...]string{"exact", "approx", "at-least", "at-most", "range"}

// String returns the bound's name: "exact", "approx", "at-least", "at-most" or
// "range"; an unknown value prints as "bound(N)".
func (b Bound) String() string {
	if int(b) < len(boundNames) {
		return boundNames[b]
	}
	return fmt.Sprintf("bound(%d)", uint8(b))
}

// MarshalText encodes the bound as its String; an unknown value is an error.
func (b Bound) MarshalText() ([]byte, error) {
	if int(b) >= len(boundNames) {
		return nil, fmt.Errorf("cannot marshal unknown bound %d", uint8(b))
	}
	return []byte(boundNames[b]), nil
}

// UnmarshalText decodes a name written by MarshalText; an empty text is Exact
// and any other name is an error.
func (b *Bound) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*b = Exact
		return nil
	}
	for i, n := range boundNames {
		if n == string(text) {
			*b = Bound(i)
			return nil
		}
	}
	return fmt.Errorf("unknown bound %q", text)
}

// Measure is a value and interval in one unit.
type Measure struct {
	Value float64 `json:"value"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"` // Unbounded when open
	Unit  string  `json:"unit"`
}

// Quantity is one quantity found in a sentence. Low <= Value <= High always
// holds; High is Unbounded when the quantity has no upper bound. Text is
// sentence[Start:End] and spans the bound marker, the number and the counted
// noun when it follows at once ("more than one million Tajik migrant workers").
type Quantity struct {
	Text  string  `json:"text"`
	Value float64 `json:"value"` // the number as written, or the representative of an interval
	Low   float64 `json:"low"`
	High  float64 `json:"high"` // Unbounded when open
	// Unit is the counted noun, singular and lower case, or a measure unit
	// ("km", "percent", "usd", "magnitude", "year-old", "fraction"); empty when
	// nothing follows the number.
	Unit   string `json:"unit"`
	Approx bool   `json:"approx"`
	Bound  Bound  `json:"bound,omitempty"`
	// Noun is the surface noun phrase counted ("military bases") or the unit as
	// written ("kilometres", "%").
	Noun string `json:"noun,omitempty"`
	// Of is the singular head of the whole a percentage, fraction or partitive
	// is taken of: "88.41 percent of the country's eligible voters" → "voter".
	Of string `json:"of,omitempty"`
	// Ordinal marks a position ("the 201st base", "first trip"): Value is the
	// position, and the noun is one thing.
	Ordinal bool `json:"ordinal,omitempty"`
	// Canon is the quantity in its dimension's canonical unit (see the package
	// documentation); it equals Value, Low, High and Unit when there is no
	// conversion.
	Canon Measure `json:"canon"`
	Start int     `json:"start"`
	End   int     `json:"end"`
}

// Bounded reports whether q has a finite upper bound.
func (q Quantity) Bounded() bool { return q.High < Unbounded }

// Overlaps reports whether the canonical intervals of q and r intersect, so
// "six miles" overlaps "10 kilometres" and "at least five" overlaps "24". It
// does not compare units: the caller decides which quantities count the same
// thing (for example by comparing Canon.Unit).
func (q Quantity) Overlaps(r Quantity) bool {
	return q.Canon.Low <= r.Canon.High && r.Canon.Low <= q.Canon.High
}

// Extract returns the quantities of one sentence in order of their start
// offset, and nil when there is none (an empty sentence has none). Offsets are
// byte offsets into sentence. Ordinals are included with Ordinal set.
func Extract(sentence string) []Quantity {
	if sentence == "" || !mayHold(sentence) {
		return nil
	}
	p := parsers.Get().(*parser)
	p.reset(sentence)
	p.run()
	var out []Quantity
	if len(p.out) > 0 {
		out = make([]Quantity, len(p.out))
		copy(out, p.out)
	}
	p.release()
	parsers.Put(p)
	return out
}
