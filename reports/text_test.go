package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/compare"
)

func oneDiscrepancy(es ...compare.Evidence) Report {
	return Report{Discrepancies: []compare.Discrepancy{{ID: "abc", Kind: compare.Date, Severity: compare.Error, Summary: "Days differ.", Evidence: es}}}
}

func TestTextHighlight(t *testing.T) {
	r := oneDiscrepancy(
		ev("a", 1, "It happened on Friday.", "on Friday", ""),
		ev("b", 2, "It happened on Thursday.", "on Thursday", ""),
	)
	plain := string(render(t, Text, r, Options{Width: 80}))
	for _, want := range []string{"«on Friday»", "«on Thursday»", "a:1", "b:2"} {
		if !strings.Contains(plain, want) {
			t.Errorf("plain text lacks %q:\n%s", want, plain)
		}
	}
	if strings.Contains(plain, "\x1b[") {
		t.Errorf("plain text has ANSI escapes:\n%q", plain)
	}
	color := string(render(t, Text, r, Options{Width: 80, Color: true}))
	if !strings.Contains(color, ansiMark+"on Friday"+ansiReset) {
		t.Errorf("coloured text does not highlight the span:\n%q", color)
	}
	if strings.ContainsRune(color, markOpen) {
		t.Errorf("coloured text also has «» marks:\n%q", color)
	}
	if got := stripANSI(color); strings.Contains(got, "\x1b") {
		t.Errorf("stripANSI left an escape in %q", got)
	}
}

func TestTextColumns(t *testing.T) {
	r := oneDiscrepancy(
		ev("left", 1, "The first source says it happened on Friday at the harbour.", "on Friday", ""),
		ev("right", 2, "The second source says it happened on Thursday at the harbour.", "on Thursday", ""),
	)
	tests := []struct {
		width    int
		sideways bool
	}{
		{100, true},
		{65, true},
		{64, false},
		{40, false},
		{10, false}, // raised to the least width
	}
	for _, tt := range tests {
		t.Run(itoa(tt.width), func(t *testing.T) {
			out := string(render(t, Text, r, Options{Width: tt.width}))
			sideways := strings.Contains(out, "left:1") && strings.Contains(out, columnGap+"right:2")
			if sideways != tt.sideways {
				t.Errorf("width %d: side by side = %v, want %v:\n%s", tt.width, sideways, tt.sideways, out)
			}
			limit := max(tt.width, minWidth)
			for _, l := range strings.Split(out, "\n") {
				if strings.Contains(l, "resolve") {
					continue // a command is never wrapped
				}
				if w := displayWidth(l); w > limit {
					t.Errorf("width %d: line of %d columns: %q", tt.width, w, l)
				}
				if strings.HasSuffix(l, " ") {
					t.Errorf("line ends in a space: %q", l)
				}
			}
		})
	}
}

func TestTextMarksWideAndCombiningText(t *testing.T) {
	r := oneDiscrepancy(
		ev("a", 1, "東京で会議が開かれた東京で会議が開かれた東京で会議が開かれた。", "会議", ""),
		ev("b", 2, "Cafe\u0301 owners met in São Paulo on Friday.", "on Friday", ""),
	)
	out := string(render(t, Text, r, Options{Width: 70}))
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "resolve") {
			continue
		}
		if w := displayWidth(l); w > 70 {
			t.Errorf("line of %d columns: %q", w, l)
		}
	}
	if !strings.Contains(out, "«会議»") {
		t.Errorf("wide span not marked:\n%s", out)
	}
}

func TestTextRemovesControlCharacters(t *testing.T) {
	r := oneDiscrepancy(ev("a\x1b[31m", 1, "Red \x1b[2J alert on Friday.", "on Friday", ""))
	r.Discrepancies[0].Summary = "Days \x1b]0;title\x07 differ."
	out := render(t, Text, r, Options{})
	if bytes.ContainsRune(out, 0x1b) || bytes.ContainsRune(out, 0x07) {
		t.Errorf("article text put control characters on the terminal: %q", out)
	}
}

func TestWrapCells(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"one two three", 7, []string{"one two", "three"}},
		{"one two three", 13, []string{"one two three"}},
		{"  spaced   out  ", 20, []string{"spaced out"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"ab abcdefghij", 4, []string{"ab", "abcd", "efgh", "ij"}},
		{"", 10, []string{""}},
		{"東京東京", 4, []string{"東京", "東京"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if d := cmp.Diff(wrapPlain(tt.in, tt.width), tt.want); d != "" {
				t.Errorf("wrapPlain(%q, %d) (-got +want):\n%s", tt.in, tt.width, d)
			}
		})
	}
}

func TestTextHeaderCounts(t *testing.T) {
	out := string(render(t, Text, sampleReport(), Options{}))
	for _, want := range []string{
		"crosscheck: 7 discrepancies in 5 articles, 2 stories",
		"severity  2 error, 3 warning, 2 info",
		"status    5 unresolved, 1 resolved, 1 accepted",
		"failing   3 unresolved at or above warning",
		"== Stale resolutions (1)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	empty := string(render(t, Text, Report{}, Options{}))
	if empty != "crosscheck: no discrepancies in 0 articles, 0 stories\n" {
		t.Errorf("empty report = %q", empty)
	}
}

func TestMarkdownEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"*bold* _it_ `code`", `\*bold\* \_it\_ \` + "`code\\`"},
		{"<script>x</script>", `\<script\>x\</script\>`},
		{"[link](http://x)", `\[link\](http://x)`},
		{"a | b", `a \| b`},
		{"# not a heading", `\# not a heading`},
		{"- not a list", `\- not a list`},
		{"1. not a list", `1\. not a list`},
		{"cost $5 & more", `cost \$5 \& more`},
		{"ask @someone", "ask @\u2060someone"},
		{"two\nlines", "two lines"},
		{"Zürich – 東京", "Zürich – 東京"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := mdEscape(tt.in); got != tt.want {
				t.Errorf("mdEscape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCodeSpan(t *testing.T) {
	tests := []struct{ in, want string }{
		{"abc", "`abc`"},
		{"a`b", "`` a`b ``"},
		{"a``b`", "``` a``b` ```"},
	}
	for _, tt := range tests {
		if got := codeSpan(tt.in); got != tt.want {
			t.Errorf("codeSpan(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMarkdownUnresolvedTable(t *testing.T) {
	out := string(render(t, Markdown, sampleReport(), Options{}))
	table := out[strings.Index(out, "### Unresolved"):strings.Index(out, "### Story:")]
	for _, d := range sampleReport().Discrepancies {
		row := "| `" + d.ID + "` |"
		if got := strings.Contains(table, row); got != (d.Status == compare.Unresolved) {
			t.Errorf("table row of %s (%v) present = %v", d.ID, d.Status, got)
		}
	}
	if !strings.Contains(out, "> The fire broke out **on Monday evening** near pier 3.") {
		t.Errorf("quoted sentence with bold span missing")
	}
	all := Report{Discrepancies: []compare.Discrepancy{{ID: "x", Status: compare.Accepted}}}
	if out := string(render(t, Markdown, all, Options{})); !strings.Contains(out, "None: every discrepancy is resolved or accepted.") {
		t.Errorf("report with nothing unresolved does not say so:\n%s", out)
	}
}
