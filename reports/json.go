package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"

	"github.com/crosscheck/crosscheck/compare"
)

// ReportSchema names the JSON report format; it changes only when a field
// is removed or changes meaning.
const ReportSchema = "crosscheck.report/v1"

type jsonReport struct {
	Schema        string            `json:"schema"`
	FailOn        compare.Severity  `json:"fail_on"`
	Counts        jsonCounts        `json:"counts"`
	Articles      []jsonArticle     `json:"articles"`
	Stories       []jsonStory       `json:"stories"`
	Discrepancies []jsonDiscrepancy `json:"discrepancies"`
	Stale         []jsonStale       `json:"stale"`
}

type jsonCounts struct {
	Discrepancies int            `json:"discrepancies"`
	Articles      int            `json:"articles"`
	Stories       int            `json:"stories"`
	Comparisons   int            `json:"comparisons"`
	Failing       int            `json:"failing"`
	BySeverity    map[string]int `json:"by_severity"`
	ByStatus      map[string]int `json:"by_status"`
	ByKind        map[string]int `json:"by_kind"`
}

type jsonArticle struct {
	ID        string  `json:"id"`
	Path      string  `json:"path"`
	Title     string  `json:"title"`
	Outlet    string  `json:"outlet"`
	URL       string  `json:"url"`
	Published *string `json:"published"`
	Story     string  `json:"story"`
	Claims    int     `json:"claims"`
}

type jsonStory struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Articles []string `json:"articles"`
}

type jsonDiscrepancy struct {
	ID         string           `json:"id"`
	Kind       compare.Kind     `json:"kind"`
	Severity   compare.Severity `json:"severity"`
	Status     compare.Status   `json:"status"`
	Story      string           `json:"story"`
	Summary    string           `json:"summary"`
	Confidence float64          `json:"confidence"`
	Update     bool             `json:"update"`
	Canonical  string           `json:"canonical,omitempty"`
	Spellings  []jsonSpelling   `json:"spellings,omitempty"`
	Resolution *jsonResolution  `json:"resolution"`
	Evidence   []jsonEvidence   `json:"evidence"`
}

type jsonSpelling struct {
	Text   string         `json:"text"`
	Counts map[string]int `json:"counts"`
	Total  int            `json:"total"`
}

type jsonResolution struct {
	Status compare.Status `json:"status"`
	Value  string         `json:"value"`
	Note   string         `json:"note"`
	By     string         `json:"by"`
	Date   string         `json:"date"`
}

type jsonEvidence struct {
	Article   string `json:"article"`
	Claim     string `json:"claim"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndColumn int    `json:"end_column"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Sentence  string `json:"sentence"`
	Text      string `json:"text"`
	Value     string `json:"value"`
}

type jsonStale struct {
	ID         string         `json:"id"`
	Resolution jsonResolution `json:"resolution"`
}

// writeJSON renders the crosscheck.report/v1 form: objects keep a fixed
// field order, maps are sorted by key, lists are never null, and the output
// is indented by two spaces and ends with a newline: what encoding a
// jsonReport of r at once would write, written one list element at a time,
// so that the report of a large corpus (hundreds of megabytes) is never
// whole in memory.
func writeJSON(w io.Writer, r Report) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	s := &jsonStream{w: bw}
	s.raw("{\n")
	s.field("schema", ReportSchema, false)
	s.field("fail_on", r.FailOn, false)
	s.field("counts", countsJSON(r), false)
	s.list("articles", len(r.Articles), func(i int) any { return articleJSON(r.Articles[i]) }, false)
	s.list("stories", len(r.Stories), func(i int) any { return storyJSON(r.Stories[i]) }, false)
	s.list("discrepancies", len(r.Discrepancies), func(i int) any { return discrepancyJSON(r.Discrepancies[i]) }, false)
	s.list("stale", len(r.Stale), func(i int) any { return staleJSON(r.Stale[i]) }, true)
	s.raw("}\n")
	if s.err != nil {
		return s.err
	}
	return bw.Flush()
}

// jsonStream writes the fields of a JSON object indented as encodeJSON
// indents them.
type jsonStream struct {
	w   *bufio.Writer
	buf bytes.Buffer
	err error
}

func (s *jsonStream) raw(text string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(text)
	}
}

// value writes v indented to begin at the given prefix, as its field or
// element would be in the indented whole.
func (s *jsonStream) value(v any, prefix string) {
	if s.err != nil {
		return
	}
	s.buf.Reset()
	enc := json.NewEncoder(&s.buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if s.err = enc.Encode(v); s.err != nil {
		return
	}
	_, s.err = s.w.Write(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")))
}

func (s *jsonStream) field(name string, v any, last bool) {
	s.raw("  " + quoteJSON(name) + ": ")
	s.value(v, "  ")
	s.end(last)
}

// list writes the field name with a list of n elements.
func (s *jsonStream) list(name string, n int, elem func(int) any, last bool) {
	s.raw("  " + quoteJSON(name) + ": ")
	if n == 0 {
		s.raw("[]")
		s.end(last)
		return
	}
	s.raw("[\n")
	for i := range n {
		s.raw("    ")
		s.value(elem(i), "    ")
		if i < n-1 {
			s.raw(",")
		}
		s.raw("\n")
	}
	s.raw("  ]")
	s.end(last)
}

func (s *jsonStream) end(last bool) {
	if last {
		s.raw("\n")
	} else {
		s.raw(",\n")
	}
}

func quoteJSON(name string) string {
	b, _ := json.Marshal(name)
	return string(b)
}

func countsJSON(r Report) jsonCounts {
	c := countOf(r)
	out := jsonCounts{
		Discrepancies: c.Total,
		Articles:      len(r.Articles),
		Stories:       len(r.Stories),
		Comparisons:   r.Comparisons,
		Failing:       c.Failing,
		BySeverity:    map[string]int{},
		ByStatus:      map[string]int{},
		ByKind:        map[string]int{},
	}
	for _, s := range severities {
		out.BySeverity[s.String()] = c.BySeverity[s]
	}
	for _, s := range statuses {
		out.ByStatus[s.String()] = c.ByStatus[s]
	}
	for _, k := range compare.Kinds() {
		out.ByKind[k.String()] = c.ByKind[k]
	}
	for k, n := range c.ByKind {
		out.ByKind[k.String()] = n
	}
	return out
}

func articleJSON(a ArticleInfo) jsonArticle {
	ja := jsonArticle{ID: a.ID, Path: a.Path, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Story: a.Story, Claims: a.Claims}
	if d := dateString(a.Published); d != "" {
		ja.Published = &d
	}
	return ja
}

func storyJSON(s compare.Story) jsonStory {
	return jsonStory{ID: s.ID, Title: s.Title, Articles: nonNil(s.Articles)}
}

func staleJSON(s StaleResolution) jsonStale {
	return jsonStale{ID: s.ID, Resolution: resolutionJSON(s.Resolution)}
}

func discrepancyJSON(d compare.Discrepancy) jsonDiscrepancy {
	jd := jsonDiscrepancy{
		ID:         d.ID,
		Kind:       d.Kind,
		Severity:   d.Severity,
		Status:     d.Status,
		Story:      d.Story,
		Summary:    d.Summary,
		Confidence: finite(d.Confidence),
		Update:     d.Update,
		Canonical:  d.Canonical,
		Evidence:   make([]jsonEvidence, 0, len(d.Evidence)),
	}
	if d.Resolution != nil {
		res := resolutionJSON(*d.Resolution)
		jd.Resolution = &res
	}
	for _, s := range d.Spellings {
		counts := make(map[string]int, len(s.Counts))
		for k, v := range s.Counts {
			counts[k] = v
		}
		jd.Spellings = append(jd.Spellings, jsonSpelling{Text: s.Text, Counts: counts, Total: s.Total})
	}
	for _, e := range d.Evidence {
		jd.Evidence = append(jd.Evidence, jsonEvidence{
			Article:   e.Article,
			Claim:     e.ClaimID,
			Line:      e.Line,
			Column:    e.Column,
			EndColumn: e.EndColumn,
			Start:     e.Start,
			End:       e.End,
			Sentence:  e.Sentence,
			Text:      e.Text,
			Value:     e.Value,
		})
	}
	return jd
}

func resolutionJSON(r compare.Resolution) jsonResolution {
	return jsonResolution{Status: r.Status, Value: r.Value, Note: r.Note, By: r.By, Date: r.Date}
}

// encodeJSON writes v indented by two spaces, without escaping <, > and &
// (the output is not embedded in HTML), ending with a newline.
func encodeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// finite replaces NaN and infinities, which JSON cannot carry, by zero.
func finite(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
