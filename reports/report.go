package reports

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

// Report is everything a report shows. Printers render it as given: they
// keep the order of Articles, Stories and Discrepancies (text, Markdown and
// HTML group discrepancies by story and kind, keeping the given order inside
// a group) and never add or drop a discrepancy. A zero Report renders as a
// report with nothing found.
type Report struct {
	Articles      []ArticleInfo
	Stories       []compare.Story
	Discrepancies []compare.Discrepancy
	// Stale lists editors' resolutions whose id matches no discrepancy: the
	// discrepancy went away, or its content changed and with it its id.
	Stale []StaleResolution
	// FailOn is the least severity at which an unresolved discrepancy fails
	// a check; the zero value, compare.Info, means every unresolved one.
	FailOn compare.Severity
	// Comparisons counts the claim pairs examined; zero when unknown.
	Comparisons int
}

// ArticleInfo describes one article of a report. Empty fields are unknown;
// an unknown publication date is the zero time.
type ArticleInfo struct {
	ID        string
	Path      string
	Title     string
	Outlet    string
	URL       string
	Published time.Time
	// Story is the id of the article's story, empty when it has none.
	Story string
	// Claims counts the article's claims.
	Claims int
}

// StaleResolution is an editor's resolution whose id matches no discrepancy
// of the report.
type StaleResolution struct {
	ID         string
	Resolution compare.Resolution
}

// Options tune how a report looks; the zero value is plain output at the
// default width.
type Options struct {
	// Color turns on ANSI highlighting in the text format. The caller decides
	// it from whether the output is a terminal and from NO_COLOR; other
	// formats ignore it.
	Color bool
	// Width is the text format's line width in columns; zero or less means
	// 100, and widths under 40 are treated as 40.
	Width int
	// ResolveCommand is the command shown for resolving a discrepancy, up to
	// and without the id; empty means "crosscheck resolve".
	ResolveCommand string
}

const defaultResolveCommand = "crosscheck resolve"

func (o Options) resolveCommand() string {
	if c := strings.TrimSpace(o.ResolveCommand); c != "" {
		return c
	}
	return defaultResolveCommand
}

// resolveHint is the command line that records a decision on discrepancy id.
func (o Options) resolveHint(id string) string {
	return fmt.Sprintf(`%s %s --status resolved|accepted --note "..."`, o.resolveCommand(), id)
}

// Write renders r in format f to w. It returns an error for an unknown
// format or when w fails; what was written before a failure is not undone.
func Write(w io.Writer, f Format, r Report, opt Options) error {
	var err error
	switch f {
	case Text:
		err = writeText(w, r, opt)
	case JSON:
		err = writeJSON(w, r)
	case Markdown:
		err = writeMarkdown(w, r, opt)
	case HTML:
		err = writeHTML(w, r, opt)
	case SARIF:
		err = writeSARIF(w, r)
	default:
		return fmt.Errorf("write report: unknown format %v", f)
	}
	if err != nil {
		return fmt.Errorf("write %v report: %w", f, err)
	}
	return nil
}

// counts tallies a report's discrepancies.
type counts struct {
	Total      int
	BySeverity [3]int // indexed by compare.Severity
	ByStatus   [3]int // indexed by compare.Status
	ByKind     map[compare.Kind]int
	// Failing counts unresolved discrepancies at or above FailOn.
	Failing int
}

func countOf(r Report) counts {
	c := counts{ByKind: map[compare.Kind]int{}}
	for _, d := range r.Discrepancies {
		c.Total++
		if d.Severity >= 0 && int(d.Severity) < len(c.BySeverity) {
			c.BySeverity[d.Severity]++
		}
		if d.Status >= 0 && int(d.Status) < len(c.ByStatus) {
			c.ByStatus[d.Status]++
		}
		c.ByKind[d.Kind]++
		if failing(d, r.FailOn) {
			c.Failing++
		}
	}
	return c
}

// failing reports whether d is unresolved at or above failOn.
func failing(d compare.Discrepancy, failOn compare.Severity) bool {
	return d.Status == compare.Unresolved && d.Severity >= failOn
}

// severities lists the severities from most to least severe.
var severities = []compare.Severity{compare.Error, compare.Warning, compare.Info}

// statuses lists the statuses in order.
var statuses = []compare.Status{compare.Unresolved, compare.Resolved, compare.Accepted}

// storyGroup is one story's discrepancies, grouped by kind.
type storyGroup struct {
	Story compare.Story
	// Known is false for a story id that the report's Stories do not list.
	Known bool
	Kinds []kindGroup
	Count int
}

// kindGroup is one kind's discrepancies, most severe first.
type kindGroup struct {
	Kind          compare.Kind
	Discrepancies []compare.Discrepancy
}

// groups orders the discrepancies by story (as r.Stories lists them, then
// unknown story ids in order of first appearance), then by kind, then by
// severity, most severe first; ties keep the given order. Stories without
// discrepancies are left out.
func groups(r Report) []storyGroup {
	order := map[string]int{}
	var gs []storyGroup
	for _, s := range r.Stories {
		if _, dup := order[s.ID]; dup {
			continue
		}
		order[s.ID] = len(gs)
		gs = append(gs, storyGroup{Story: s, Known: true})
	}
	byStory := make([][]compare.Discrepancy, len(gs))
	for _, d := range r.Discrepancies {
		i, ok := order[d.Story]
		if !ok {
			i = len(gs)
			order[d.Story] = i
			gs = append(gs, storyGroup{Story: compare.Story{ID: d.Story}})
			byStory = append(byStory, nil)
		}
		byStory[i] = append(byStory[i], d)
	}
	out := gs[:0]
	for i, g := range gs {
		ds := byStory[i]
		if len(ds) == 0 {
			continue
		}
		slices.SortStableFunc(ds, func(a, b compare.Discrepancy) int {
			if c := cmp.Compare(a.Kind, b.Kind); c != 0 {
				return c
			}
			return cmp.Compare(b.Severity, a.Severity)
		})
		for _, d := range ds {
			if n := len(g.Kinds); n == 0 || g.Kinds[n-1].Kind != d.Kind {
				g.Kinds = append(g.Kinds, kindGroup{Kind: d.Kind})
			}
			k := &g.Kinds[len(g.Kinds)-1]
			k.Discrepancies = append(k.Discrepancies, d)
		}
		g.Count = len(ds)
		out = append(out, g)
	}
	return out
}

// storyLabel names a story for a heading: its title and id, or the id alone,
// or "Across stories" for the empty id (a name spelled differently in
// articles of several stories).
func storyLabel(s compare.Story) string {
	switch {
	case s.ID == "" && s.Title == "":
		return "Across stories"
	case s.Title == "" || s.Title == s.ID:
		return s.ID
	case s.ID == "":
		return s.Title
	}
	return s.Title + " (" + s.ID + ")"
}

// articlePaths maps article ids to their paths.
func articlePaths(r Report) map[string]string {
	m := make(map[string]string, len(r.Articles))
	for _, a := range r.Articles {
		if a.Path != "" {
			m[a.ID] = a.Path
		}
	}
	return m
}

// kindHelp describes each kind in one sentence, for rules and legends.
func kindHelp(k compare.Kind) string {
	switch k {
	case compare.NameVariant:
		return "One name is spelled in different ways."
	case compare.Number:
		return "Sources give figures for one counted thing that do not overlap."
	case compare.Date:
		return "Sources place one event on days that do not overlap."
	case compare.Framing:
		return "One source counts a subject that another presents as single or superlative."
	case compare.ModalityKind:
		return "One source asserts what another hedges, attributes or denies."
	case compare.QuoteKind:
		return "One speaker's quote is worded differently."
	case compare.Place:
		return "Sources locate one place in directions from a landmark that cannot both be right."
	}
	return "Sources disagree."
}

// kindTitle is a kind's heading.
func kindTitle(k compare.Kind) string {
	switch k {
	case compare.NameVariant:
		return "Name variants"
	case compare.Number:
		return "Numbers"
	case compare.Date:
		return "Dates"
	case compare.Framing:
		return "Framing"
	case compare.ModalityKind:
		return "Modality"
	case compare.QuoteKind:
		return "Quotes"
	case compare.Place:
		return "Places"
	}
	return k.String()
}

// piece is part of a sentence; Mark is set on the differing span.
type piece struct {
	Text string
	Mark bool
}

// splitEvidence cuts an evidence sentence around its differing span: the
// first occurrence of e.Text in e.Sentence. When the span is empty or not in
// the sentence, the whole sentence is one unmarked piece; when the sentence
// is empty, the span alone is the sentence. Line breaks become spaces.
func splitEvidence(e compare.Evidence) []piece {
	sentence := oneLine(e.Sentence)
	span := oneLine(e.Text)
	if sentence == "" {
		if span == "" {
			return nil
		}
		return []piece{{Text: span, Mark: true}}
	}
	i := -1
	if span != "" {
		i = strings.Index(sentence, span)
	}
	if i < 0 {
		return []piece{{Text: sentence}}
	}
	var ps []piece
	if i > 0 {
		ps = append(ps, piece{Text: sentence[:i]})
	}
	ps = append(ps, piece{Text: span, Mark: true})
	if rest := sentence[i+len(span):]; rest != "" {
		ps = append(ps, piece{Text: rest})
	}
	return ps
}

// spanOutside reports whether the evidence's span is missing from its
// sentence, so a printer should show it separately.
func spanOutside(e compare.Evidence) bool {
	span := oneLine(e.Text)
	return span != "" && oneLine(e.Sentence) != "" && !strings.Contains(oneLine(e.Sentence), span)
}

// oneLine collapses runs of white space, line breaks included, to one space
// and trims the ends.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t\v\f") && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// location is "article:line", or the article alone when the line is unknown.
func location(e compare.Evidence) string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d", e.Article, e.Line)
	}
	return e.Article
}

// dateString is the day as YYYY-MM-DD, empty for the zero time.
func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// percent renders a confidence in [0, 1] as a whole percentage.
func percent(c float64) string {
	return fmt.Sprintf("%.0f%%", c*100)
}
