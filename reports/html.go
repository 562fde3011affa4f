package reports

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
)

//go:embed report.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Parse(htmlSource))

type htmlView struct {
	Summary    string
	Failing    int
	FailOn     string
	Total      int
	Severities []htmlCount
	Statuses   []htmlCount
	Kinds      []htmlCount
	Articles   []htmlArticle
	Stories    []htmlStory
	Stale      []htmlStale
}

// htmlCount is one filter option with how many discrepancies have it.
type htmlCount struct {
	Name  string
	Label string
	Count int
}

type htmlArticle struct {
	ID, Title, Outlet, URL, Published, Story, Path string
	Claims                                         int
}

type htmlStory struct {
	ID       string
	Label    string
	Articles []string
	Count    int
	Kinds    []htmlKind
}

type htmlKind struct {
	Kind  string
	Title string
	Help  string
	Items []htmlDiscrepancy
}

type htmlDiscrepancy struct {
	ID, Kind, Severity, Status, Summary, Confidence string
	Update                                          bool
	Canonical                                       string
	Spellings                                       []string
	Evidence                                        []htmlEvidence
	Resolution                                      *compare.Resolution
	Resolve                                         string
}

type htmlEvidence struct {
	Location    string
	Title       string
	Outlet      string
	URL         string
	Pieces      []piece
	SpanOutside bool
	Text        string
	Value       string
}

type htmlStale struct {
	ID   string
	Line string
}

// writeHTML renders one self-contained page: inline CSS and script, no
// network access. All article text passes through html/template, so markup
// in an article shows as text.
func writeHTML(w io.Writer, r Report, opt Options) error {
	return htmlTemplate.Execute(w, htmlViewOf(r, opt))
}

func htmlViewOf(r Report, opt Options) htmlView {
	c := countOf(r)
	v := htmlView{
		Total:   c.Total,
		Failing: c.Failing,
		FailOn:  r.FailOn.String(),
		Summary: fmt.Sprintf("%d %s in %d %s, %d %s", c.Total, plural(c.Total, "discrepancy", "discrepancies"),
			len(r.Articles), plural(len(r.Articles), "article", "articles"),
			len(r.Stories), plural(len(r.Stories), "story", "stories")),
	}
	for _, s := range severities {
		v.Severities = append(v.Severities, htmlCount{Name: s.String(), Label: s.String(), Count: c.BySeverity[s]})
	}
	for _, s := range statuses {
		v.Statuses = append(v.Statuses, htmlCount{Name: s.String(), Label: s.String(), Count: c.ByStatus[s]})
	}
	for _, k := range compare.Kinds() {
		if c.ByKind[k] > 0 {
			v.Kinds = append(v.Kinds, htmlCount{Name: k.String(), Label: kindTitle(k), Count: c.ByKind[k]})
		}
	}
	// kinds outside the known list still get a filter, so none is hidden
	// for good
	known := map[compare.Kind]bool{}
	for _, k := range compare.Kinds() {
		known[k] = true
	}
	seen := map[compare.Kind]bool{}
	for _, d := range r.Discrepancies {
		if !known[d.Kind] && !seen[d.Kind] {
			seen[d.Kind] = true
			v.Kinds = append(v.Kinds, htmlCount{Name: d.Kind.String(), Label: d.Kind.String(), Count: c.ByKind[d.Kind]})
		}
	}

	byID := map[string]ArticleInfo{}
	for _, a := range r.Articles {
		byID[a.ID] = a
		v.Articles = append(v.Articles, htmlArticle{
			ID: a.ID, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Path: a.Path,
			Published: dateString(a.Published), Story: a.Story, Claims: a.Claims,
		})
	}
	for _, g := range groups(r) {
		hs := htmlStory{ID: g.Story.ID, Label: storyLabel(g.Story), Articles: g.Story.Articles, Count: g.Count}
		for _, k := range g.Kinds {
			hk := htmlKind{Kind: k.Kind.String(), Title: kindTitle(k.Kind), Help: kindHelp(k.Kind)}
			for _, d := range k.Discrepancies {
				hk.Items = append(hk.Items, htmlDiscrepancyOf(d, byID, opt))
			}
			hs.Kinds = append(hs.Kinds, hk)
		}
		v.Stories = append(v.Stories, hs)
	}
	for _, s := range r.Stale {
		v.Stale = append(v.Stale, htmlStale{ID: s.ID, Line: resolutionLine(s.Resolution)})
	}
	return v
}

func htmlDiscrepancyOf(d compare.Discrepancy, articles map[string]ArticleInfo, opt Options) htmlDiscrepancy {
	hd := htmlDiscrepancy{
		ID:         d.ID,
		Kind:       d.Kind.String(),
		Severity:   d.Severity.String(),
		Status:     d.Status.String(),
		Summary:    d.Summary,
		Confidence: percent(d.Confidence),
		Update:     d.Update,
		Canonical:  d.Canonical,
		Resolution: d.Resolution,
	}
	if d.Status == compare.Unresolved {
		hd.Resolve = opt.resolveHint(d.ID)
	}
	for _, s := range d.Spellings {
		hd.Spellings = append(hd.Spellings, fmt.Sprintf("%s ×%d", s.Text, s.Total))
	}
	for _, e := range d.Evidence {
		a := articles[e.Article]
		hd.Evidence = append(hd.Evidence, htmlEvidence{
			Location:    location(e),
			Title:       strings.TrimSpace(a.Title),
			Outlet:      a.Outlet,
			URL:         a.URL,
			Pieces:      splitEvidence(e),
			SpanOutside: spanOutside(e),
			Text:        oneLine(e.Text),
			Value:       e.Value,
		})
	}
	return hd
}
