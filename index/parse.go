package index

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/claims"
)

// QueryError is a term of a search query's text that cannot be understood,
// such as "number:many" or "modality:sure".
type QueryError struct {
	// Term is the term as written.
	Term string
	Err  error
}

// Error says which term is wrong and why.
func (e *QueryError) Error() string { return fmt.Sprintf("query term %q: %v", e.Term, e.Err) }

// Unwrap returns the reason.
func (e *QueryError) Unwrap() error { return e.Err }

// parsed is the text of a Query, taken apart.
type parsed struct {
	words    []string // plain words, as written
	phrases  []string // quoted phrases
	entities []string // entity:NAME
	numbers  []numRange
	dates    [][]string // date:...; each is a set of date terms, one of which must match
	articles []string
	sources  []string
	types    []claims.EntityType
	modal    []claims.Modality
	units    []string
}

// numRange is a range of numbers; a nil end is open.
type numRange struct {
	min, max         *float64
	minIncl, maxIncl bool
}

// The field filters a query's text may hold, and what each is called.
var filterNames = map[string]string{
	"entity":   "entity",
	"name":     "entity",
	"number":   "number",
	"date":     "date",
	"article":  "article",
	"source":   "source",
	"outlet":   "source",
	"type":     "type",
	"kind":     "type",
	"modality": "modality",
	"unit":     "unit",
}

// parseText takes a query's text apart: plain words, "quoted phrases" and
// field filters (entity:NAME, entity:"Full Name", number:>5000,
// number:1000..2000, date:2022-06, date:2022-06-01..2022-06-15,
// article:ID, source:NAME, type:person, modality:hedged, unit:soldier). A
// word with a colon whose prefix is not a filter name ("10:30") is a plain
// word. An unterminated quote runs to the end of the text.
func parseText(s string) (parsed, error) {
	var p parsed
	i := 0
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return p, nil
		}
		start := i
		if s[i] == '"' {
			v, next := quoted(s, i)
			i = next
			if strings.TrimSpace(v) != "" {
				p.phrases = append(p.phrases, v)
			}
			continue
		}
		j := i
		for j < len(s) && !isSpace(s[j]) && s[j] != ':' && s[j] != '"' {
			j++
		}
		field, ok := filterNames[strings.ToLower(s[i:j])]
		if !ok || j >= len(s) || s[j] != ':' {
			for i < len(s) && !isSpace(s[i]) {
				i++
			}
			p.words = append(p.words, s[start:i])
			continue
		}
		i = j + 1
		var v string
		if i < len(s) && s[i] == '"' {
			v, i = quoted(s, i)
		} else {
			j := i
			for j < len(s) && !isSpace(s[j]) {
				j++
			}
			v, i = s[i:j], j
		}
		if err := p.addFilter(field, strings.TrimSpace(v)); err != nil {
			return parsed{}, &QueryError{Term: s[start:i], Err: err}
		}
	}
}

// quoted returns the text between the quote at s[i] and the next quote,
// and the position after the closing quote.
func quoted(s string, i int) (string, int) {
	end := strings.IndexByte(s[i+1:], '"')
	if end < 0 {
		return s[i+1:], len(s)
	}
	return s[i+1 : i+1+end], i + 1 + end + 1
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (p *parsed) addFilter(field, v string) error {
	if v == "" {
		return errors.New("no value")
	}
	switch field {
	case "entity":
		p.entities = append(p.entities, v)
	case "number":
		r, err := parseNumRange(v)
		if err != nil {
			return err
		}
		p.numbers = append(p.numbers, r)
	case "date":
		terms, err := parseDate(v)
		if err != nil {
			return err
		}
		p.dates = append(p.dates, terms)
	case "article":
		p.articles = append(p.articles, v)
	case "source":
		p.sources = append(p.sources, v)
	case "type":
		t, err := claims.ParseEntityType(strings.ToLower(v))
		if err != nil {
			return err
		}
		p.types = append(p.types, t)
	case "modality":
		m, err := claims.ParseModality(strings.ToLower(v))
		if err != nil {
			return err
		}
		p.modal = append(p.modal, m)
	case "unit":
		p.units = append(p.units, v)
	}
	return nil
}

// parseNumRange reads ">5000", ">=5000", "<5000", "<=5000", "=5000",
// "5000", "1000..2000", "1000.." and "..2000". Commas and underscores
// between digits are ignored ("7,000").
func parseNumRange(v string) (numRange, error) {
	v = strings.NewReplacer(",", "", "_", "").Replace(v)
	num := func(s string) (*float64, error) {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", s)
		}
		return &f, nil
	}
	var r numRange
	var err error
	switch {
	case strings.HasPrefix(v, ">="):
		r.min, err = num(v[2:])
		r.minIncl = true
	case strings.HasPrefix(v, "<="):
		r.max, err = num(v[2:])
		r.maxIncl = true
	case strings.HasPrefix(v, ">"):
		r.min, err = num(v[1:])
	case strings.HasPrefix(v, "<"):
		r.max, err = num(v[1:])
	case strings.Contains(v, ".."):
		lo, hi, _ := strings.Cut(v, "..")
		if lo == "" && hi == "" {
			return r, errors.New("a range needs at least one end")
		}
		r.minIncl, r.maxIncl = true, true
		if lo != "" {
			if r.min, err = num(lo); err != nil {
				return r, err
			}
		}
		if hi != "" {
			r.max, err = num(hi)
		}
		if err == nil && r.min != nil && r.max != nil && *r.min > *r.max {
			return r, fmt.Errorf("empty range: %v > %v", *r.min, *r.max)
		}
	default:
		r.min, err = num(strings.TrimPrefix(v, "="))
		r.max = r.min
		r.minIncl, r.maxIncl = true, true
	}
	return r, err
}

// parseDate returns the date terms a date filter matches, any one of them:
// a day (2022-06-28), month (2022-06) or year (2022) is its own term; a
// range of them (2022-06-01..2022-07) is the fewest days, months and years
// that cover it; anything else is taken as a TIMEX value (2022-W25,
// PRESENT_REF) in upper case.
func parseDate(v string) ([]string, error) {
	if lo, hi, ok := strings.Cut(v, ".."); ok {
		from, _, ok1 := parsePeriod(lo)
		_, to, ok2 := parsePeriod(hi)
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("a date range needs two dates such as 2022-06-01..2022-06-30, got %q", v)
		}
		if to.Before(from) {
			return nil, fmt.Errorf("empty date range %q", v)
		}
		return coverDays(from, to), nil
	}
	if from, _, ok := parsePeriod(v); ok {
		switch strings.Count(v, "-") {
		case 0:
			return []string{from.Format(yearLayout)}, nil
		case 1:
			return []string{from.Format(monthLayout)}, nil
		}
		return []string{from.Format(dayLayout)}, nil
	}
	if u := strings.ToUpper(v); timexValue.MatchString(u) {
		return []string{u}, nil
	}
	return nil, fmt.Errorf("%q is neither a date (2022-06-28, 2022-06, 2022) nor a TIMEX value (2022-W25, PRESENT_REF)", v)
}

// timexValue matches the shapes of TIMEX3 values: digits or X for the
// year, then dash-separated parts; or a vague reference.
var timexValue = regexp.MustCompile(`^([0-9X]{2,4}(-[0-9A-Z]+)*(T[A-Z0-9:]+)?|PRESENT_REF|PAST_REF|FUTURE_REF)$`)

// parsePeriod reads a year, month or day and returns its first and last
// day.
func parsePeriod(s string) (first, last time.Time, ok bool) {
	for _, l := range []struct {
		layout string
		years  int
		months int
		days   int
	}{{dayLayout, 0, 0, 1}, {monthLayout, 0, 1, 0}, {yearLayout, 1, 0, 0}} {
		if len(s) != len(l.layout) {
			continue
		}
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		return t, t.AddDate(l.years, l.months, l.days-1), true
	}
	return time.Time{}, time.Time{}, false
}

// coverDays returns the fewest year, month and day terms whose periods
// together make the days from first to last.
func coverDays(first, last time.Time) []string {
	var terms []string
	for d := first; !d.After(last); {
		switch {
		case d.Month() == time.January && d.Day() == 1 && !d.AddDate(1, 0, -1).After(last):
			terms = append(terms, d.Format(yearLayout))
			d = d.AddDate(1, 0, 0)
		case d.Day() == 1 && !d.AddDate(0, 1, -1).After(last):
			terms = append(terms, d.Format(monthLayout))
			d = d.AddDate(0, 1, 0)
		default:
			terms = append(terms, d.Format(dayLayout))
			d = d.AddDate(0, 0, 1)
		}
	}
	return terms
}
