package reports

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/crosscheck/crosscheck/compare"
)

// FingerprintKey is the partialFingerprints key under which SARIF results
// carry their discrepancy's id.
const FingerprintKey = "crosscheck/v1"

// writeSARIF renders a SARIF 2.1.0 log with one run of the tool
// "crosscheck": one rule per kind, and one result per evidence location of
// every discrepancy at or above r.FailOn. Results of resolved and accepted
// discrepancies carry a suppression (kind "external", status "accepted",
// the editor's note as justification), so code-scanning services show them
// as dismissed rather than as open alerts or as fixed. Columns count Unicode
// code points; artifact URIs are the articles' paths with forward slashes,
// percent-encoded.
func writeSARIF(w io.Writer, r Report) error {
	log := sarif.NewReport()
	run := sarif.NewRun().
		WithTool(sarif.NewTool().WithDriver(sarif.NewToolComponent().
			WithName("crosscheck").
			WithFullName("crosscheck: finds where news sources disagree").
			WithInformationURI("https://github.com/crosscheck/crosscheck"))).
		WithColumnKind("unicodeCodePoints")
	for _, k := range compare.Kinds() {
		run.AddRule(k.String()).
			WithName(ruleName(k)).
			WithDescription(kindHelp(k)).
			WithHelp(sarif.NewMultiformatMessageString().
				WithText(ruleHelp(k)).
				WithMarkdown(ruleHelp(k)))
	}
	paths := articlePaths(r)
	for _, d := range r.Discrepancies {
		if d.Severity < r.FailOn {
			continue
		}
		for i, e := range d.Evidence {
			res := run.CreateResultForRule(d.Kind.String()).
				WithLevel(sarifLevel(d.Severity)).
				WithMessage(sarif.NewTextMessage(sarifMessage(d))).
				WithPartialFingerprints(map[string]string{FingerprintKey: d.ID}).
				AddLocation(sarifLocation(e, paths, -1)).
				WithRank(min(max(finite(d.Confidence), 0), 1) * 100)
			res.WithProperties(sarif.NewPropertyBag().
				Add("discrepancy", d.ID).
				Add("story", d.Story).
				Add("status", d.Status.String()).
				Add("severity", d.Severity.String()).
				Add("confidence", finite(d.Confidence)).
				Add("evidence", i).
				Add("update", d.Update))
			id := 0
			for j, other := range d.Evidence {
				if j == i {
					continue
				}
				loc := sarifLocation(other, paths, id)
				loc.WithMessage(sarif.NewTextMessage(oneLine(other.Sentence)))
				res.AddRelatedLocation(loc)
				id++
			}
			if d.Status != compare.Unresolved {
				sup := sarif.NewSuppression().WithKind("external").WithStatus("accepted")
				if d.Resolution != nil {
					if just := resolutionLine(*d.Resolution); just != "" {
						sup.WithJustification(just)
					}
				} else {
					sup.WithJustification(d.Status.String())
				}
				res.AddSuppression(sup)
			}
		}
	}
	log.AddRun(run)
	var buf bytes.Buffer
	if err := log.PrettyWrite(&buf); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}

// sarifLocation points at the evidence's span; id is the location's id
// within its result, or -1 for none. Without a known line it names the
// article alone.
func sarifLocation(e compare.Evidence, paths map[string]string, id int) *sarif.Location {
	path := paths[e.Article]
	if path == "" {
		path = e.Article
	}
	pl := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(artifactURI(path)))
	if e.Line > 0 {
		region := sarif.NewRegion().WithStartLine(e.Line)
		if e.Column > 0 {
			region.WithStartColumn(e.Column)
			if e.EndColumn > e.Column {
				region.WithEndColumn(e.EndColumn)
			}
		}
		if e.Text != "" && !strings.ContainsAny(e.Text, "\r\n") {
			region.WithSnippet(sarif.NewArtifactContent().WithText(e.Text))
		}
		pl.WithRegion(region)
	}
	loc := sarif.NewLocationWithPhysicalLocation(pl)
	if id >= 0 {
		loc.WithID(id)
	}
	return loc
}

// artifactURI turns a file path into a relative URI reference: forward
// slashes, no leading "./", and characters outside a URI path
// percent-encoded.
func artifactURI(path string) string {
	p := filepath.ToSlash(path)
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	return (&url.URL{Path: p}).String()
}

func sarifLevel(s compare.Severity) string {
	switch s {
	case compare.Error:
		return "error"
	case compare.Warning:
		return "warning"
	}
	return "note"
}

// sarifMessage is the discrepancy's summary, or its kind when it has none.
func sarifMessage(d compare.Discrepancy) string {
	if s := oneLine(d.Summary); s != "" {
		return s
	}
	return kindHelp(d.Kind)
}

// ruleName is the kind as a SARIF rule name (PascalCase words).
func ruleName(k compare.Kind) string {
	var b strings.Builder
	for _, w := range strings.Split(k.String(), "-") {
		if w == "" {
			continue
		}
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

func ruleHelp(k compare.Kind) string {
	return fmt.Sprintf("%s Compare the sources and correct the one that is wrong, then record the decision "+
		"with `crosscheck resolve ID --status resolved --note \"...\"`; for a known, tolerated difference "+
		"use `--status accepted`.", kindHelp(k))
}
