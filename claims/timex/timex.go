package timex

import (
	"fmt"
	"time"
)

// Tense is the grammatical time of a sentence or clause, as far as its
// auxiliaries and verb forms tell.
type Tense uint8

// The tenses. TenseUnknown is the zero value: nothing in the text marks a
// tense.
const (
	TenseUnknown Tense = iota
	Past
	Present
	Future
)

var tenseNames = [...]string{TenseUnknown: "unknown", Past: "past", Present: "present", Future: "future"}

// String returns the tense's name ("past", "present", "future", "unknown").
func (t Tense) String() string {
	if int(t) >= len(tenseNames) {
		return fmt.Sprintf("Tense(%d)", int(t))
	}
	return tenseNames[t]
}

// MarshalText encodes the tense as its name.
func (t Tense) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText decodes a tense name; an unknown name is an error.
func (t *Tense) UnmarshalText(b []byte) error {
	for i, n := range tenseNames {
		if n == string(b) {
			*t = Tense(i)
			return nil
		}
	}
	return fmt.Errorf("unknown tense %q (want past, present, future or unknown)", b)
}

// Kind is the form of a time expression.
type Kind uint8

// The kinds of time expression.
const (
	KindDate     Kind = iota // a calendar date: "June 28", "2022-06-29"
	KindWeekday              // a day named by its weekday: "Tuesday", "last Friday"
	KindMonth                // a month: "April", "April 2020", "last June"
	KindSeason               // a season: "this summer", "last fall"
	KindQuarter              // a quarter: "the third quarter", "Q3 2022"
	KindHalf                 // a half year: "the first half"
	KindYear                 // a year: "2022", "fiscal 1989"
	KindDecade               // a decade: "the 1990s", "the early '90s"
	KindCentury              // a century: "the 19th century", "this century"
	KindRelative             // an offset from the publication date or an earlier time: "yesterday", "last week", "two weeks ago", "a year earlier"
	KindRef                  // a vague reference: "now", "recently", "the future"
)

var kindNames = [...]string{
	KindDate: "date", KindWeekday: "weekday", KindMonth: "month", KindSeason: "season",
	KindQuarter: "quarter", KindHalf: "half", KindYear: "year", KindDecade: "decade",
	KindCentury: "century", KindRelative: "relative", KindRef: "ref",
}

// String returns the kind's name ("date", "weekday", "relative", ...).
func (k Kind) String() string {
	if int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// MarshalText encodes the kind as its name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Unit is the granularity of a time value or of a relative offset.
type Unit uint8

// The units, from finest to coarsest. UnitNone is the zero value, the unit of
// a vague reference.
const (
	UnitNone Unit = iota
	Day
	Week
	Weekend
	Month
	Season
	Quarter
	Half
	Year
	Decade
	Century
)

var unitNames = [...]string{
	UnitNone: "none", Day: "day", Week: "week", Weekend: "weekend", Month: "month", Season: "season",
	Quarter: "quarter", Half: "half", Year: "year", Decade: "decade", Century: "century",
}

// String returns the unit's name ("day", "week", ...).
func (u Unit) String() string {
	if int(u) >= len(unitNames) {
		return fmt.Sprintf("Unit(%d)", int(u))
	}
	return unitNames[u]
}

// MarshalText encodes the unit as its name.
func (u Unit) MarshalText() ([]byte, error) { return []byte(u.String()), nil }

// Mod is a TIMEX3 modifier: which part of the value is meant, or on which side
// of it.
type Mod uint8

// The modifiers. ModNone is the zero value.
const (
	ModNone       Mod = iota
	ModStart          // "early April", "the beginning of 2022"
	ModMid            // "mid-June", "the middle of October"
	ModEnd            // "late Tuesday", "the end of the year"
	ModApprox         // "around Nov. 1", "nearly four years ago"
	ModBefore         // "before 2020"
	ModAfter          // "after 2020", "post-1959"
	ModOnOrAfter      // "since 1992"
	ModOnOrBefore     // "until 1992", "by 1992"
)

var modNames = [...]string{
	ModNone: "", ModStart: "START", ModMid: "MID", ModEnd: "END", ModApprox: "APPROX",
	ModBefore: "BEFORE", ModAfter: "AFTER", ModOnOrAfter: "ON_OR_AFTER", ModOnOrBefore: "ON_OR_BEFORE",
}

// String returns the TIMEX3 name of the modifier ("START", "ON_OR_AFTER"),
// or "" for ModNone.
func (m Mod) String() string {
	if int(m) >= len(modNames) {
		return fmt.Sprintf("Mod(%d)", int(m))
	}
	return modNames[m]
}

// MarshalText encodes the modifier as its TIMEX3 name.
func (m Mod) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// Rel is the offset of a relative expression: N units from the publication
// date, or from the time the discourse last named when Anchored ("a year
// earlier", "the following day"). "two weeks ago" is Rel{Unit: Week, N: -2},
// "last week" Rel{Unit: Week, N: -1}, "today" Rel{Unit: Day}.
type Rel struct {
	Unit     Unit `json:"unit"`
	N        int  `json:"n"`
	Anchored bool `json:"anchored,omitempty"`
}

// Context is what Extract knows beyond the sentence.
type Context struct {
	// Published is the publication date of the article; the zero time means
	// unknown, and then relative expressions stay unresolved. Only its
	// calendar date (in its own location) is used.
	Published time.Time
	// Tense is the tense of the sentence. Extract prefers the tense of the
	// clause around each expression and falls back to this one, then to
	// TenseOf(sentence), when the clause shows none.
	Tense Tense
	// Anchor is the time the preceding sentences were about, if any: it
	// resolves anaphoric expressions ("that day", "a year earlier", "the
	// following month"). Expressions earlier in the same sentence take
	// precedence. Discourse maintains it.
	Anchor *Time
}

// Time is one time expression found in a sentence.
type Time struct {
	// Text is the expression exactly as written: sentence[Start:End].
	Text string `json:"text"`
	// Value is the TIMEX3-style value: 2022-06-28, 2022-W25, 2022-W25-WE,
	// 2022-04, 2022-SU, 2022-Q3, 2022-H1, 2022, 199 (the 1990s), 19 (the
	// 1900s), PRESENT_REF, PAST_REF or FUTURE_REF. A part of the day adds
	// TMO, TAF, TEV or TNI (2022-06-28TEV). Unknown digits are X: XXXX-WXX-2
	// for an unresolved Tuesday, XXXX-06-28 for "June 28" without a
	// publication date; a relative expression that cannot be resolved has
	// the value of its unit with X digits (XXXX-WXX for "last week").
	Value string `json:"value"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Mod says which part of the value is meant, or on which side of it.
	Mod Mod `json:"mod,omitempty"`
	// Low and High bound the days the expression can mean, both inclusive,
	// at midnight UTC; modifiers narrow them ("early February" is February
	// 1-10). Both are zero when the expression is unresolved or vague.
	Low  time.Time `json:"-"`
	High time.Time `json:"-"`
	// Weekday is set for expressions that name a weekday, resolved or not.
	Weekday *time.Weekday `json:"-"`
	// Rel is set for relative expressions, resolved or not.
	Rel *Rel `json:"-"`
	// Kind is the form of the expression; Unit the granularity of Value.
	Kind Kind `json:"-"`
	Unit Unit `json:"-"`
}

// Resolved reports whether the time was placed on the calendar (Low and High
// are set). Vague references (PRESENT_REF, ...) are not.
func (t Time) Resolved() bool { return !t.Low.IsZero() }

// IsRef reports whether the time is a vague reference: PRESENT_REF, PAST_REF
// or FUTURE_REF.
func (t Time) IsRef() bool { return t.Kind == KindRef }

// Relation is what can be said about two times.
type Relation uint8

// The relations. RelationUnknown is the zero value: nothing can be said.
const (
	RelationUnknown  Relation = iota
	RelationOverlap           // they can be the same time
	RelationDisjoint          // they cannot
)

var relationNames = [...]string{RelationUnknown: "unknown", RelationOverlap: "overlap", RelationDisjoint: "disjoint"}

// String returns the relation's name.
func (r Relation) String() string {
	if int(r) >= len(relationNames) {
		return fmt.Sprintf("Relation(%d)", int(r))
	}
	return relationNames[r]
}

// MarshalText encodes the relation as its name.
func (r Relation) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

var (
	farPast   = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	farFuture = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
)

// span returns the interval Relate compares: [Low, High] opened on the side a
// before/after modifier points to.
func (t Time) span() (lo, hi time.Time) {
	lo, hi = t.Low, t.High
	switch t.Mod {
	case ModBefore, ModOnOrBefore:
		lo = farPast
	case ModAfter, ModOnOrAfter:
		hi = farFuture
	}
	return lo, hi
}

// Relate says whether t and u can denote the same time.
//
// Two resolved times overlap when their day intervals do (a "since"/"before"
// modifier opens the interval on its side). Vague references relate to
// nothing but an identical reference (overlap) and the opposite one
// (PAST_REF and FUTURE_REF are disjoint). Unresolved times are compared as if
// both were relative to the same publication date: "two weeks ago" and "last
// week" are disjoint, two Tuesdays overlap, Tuesday and Wednesday are
// disjoint; a resolved day and an unresolved weekday are disjoint when their
// weekdays differ. Everything else is RelationUnknown.
func (t Time) Relate(u Time) Relation {
	if t.Kind == KindRef || u.Kind == KindRef {
		switch {
		case t.Kind == KindRef && u.Kind == KindRef && t.Value == u.Value:
			return RelationOverlap
		case t.Kind == KindRef && u.Kind == KindRef && t.Value != "PRESENT_REF" && u.Value != "PRESENT_REF":
			return RelationDisjoint
		}
		return RelationUnknown
	}
	if t.Resolved() && u.Resolved() {
		tl, th := t.span()
		ul, uh := u.span()
		if tl.After(uh) || ul.After(th) {
			return RelationDisjoint
		}
		return RelationOverlap
	}
	if !t.Resolved() && !u.Resolved() {
		switch {
		case t.Rel != nil && u.Rel != nil:
			if t.Rel.Unit != u.Rel.Unit || t.Rel.Anchored != u.Rel.Anchored {
				return RelationUnknown
			}
			if t.Rel.N == u.Rel.N {
				return RelationOverlap
			}
			return RelationDisjoint
		case t.Weekday != nil && u.Weekday != nil && t.Rel == nil && u.Rel == nil:
			if *t.Weekday == *u.Weekday {
				return RelationOverlap
			}
			return RelationDisjoint
		case t.Value == u.Value && t.Kind == u.Kind && t.Rel == nil && u.Rel == nil:
			return RelationOverlap
		case (t.Kind == KindDate || t.Kind == KindMonth) && t.Kind == u.Kind:
			// XXXX-MM[-DD] against XXXX-MM[-DD]: different months or days
			// cannot meet in the same year.
			return RelationDisjoint
		}
		return RelationUnknown
	}
	r, o := t, u
	if !r.Resolved() {
		r, o = u, t
	}
	if o.Weekday != nil && r.Unit == Day && r.Low.Equal(r.High) && r.Mod == ModNone && r.Low.Weekday() != *o.Weekday {
		return RelationDisjoint
	}
	return RelationUnknown
}

// Overlaps reports whether t and u are known to be able to denote the same
// time: Relate(u) == RelationOverlap.
func (t Time) Overlaps(u Time) bool { return t.Relate(u) == RelationOverlap }

// Disjoint reports whether t and u are known to denote different times:
// Relate(u) == RelationDisjoint.
func (t Time) Disjoint(u Time) bool { return t.Relate(u) == RelationDisjoint }
