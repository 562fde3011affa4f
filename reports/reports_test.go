package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/compare"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// render writes r in format f and fails the test on an error.
func render(t testing.TB, f Format, r Report, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, f, r, opt); err != nil {
		t.Fatalf("Write(%v): %v", f, err)
	}
	return buf.Bytes()
}

// golden compares got with testdata/name, by meaning when asJSON is set and
// byte for byte otherwise; with -update it rewrites the file.
func golden(t *testing.T, name string, got []byte, asJSON bool) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if asJSON {
		var g, w any
		if err := json.Unmarshal(got, &g); err != nil {
			t.Fatalf("output is not JSON: %v", err)
		}
		if err := json.Unmarshal(want, &w); err != nil {
			t.Fatalf("%s is not JSON: %v", path, err)
		}
		if d := cmp.Diff(g, w); d != "" {
			t.Errorf("%s differs (-got +want):\n%s", name, d)
		}
		return
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (-got +want):\n%s", name, cmp.Diff(string(got), string(want)))
	}
}

func TestGolden(t *testing.T) {
	r := sampleReport()
	tests := []struct {
		file   string
		format Format
		opt    Options
		asJSON bool
	}{
		{"report.json.golden", JSON, Options{}, true},
		{"report.sarif.golden", SARIF, Options{}, true},
		{"report.txt.golden", Text, Options{Width: 100}, false},
		{"report-narrow.txt.golden", Text, Options{Width: 50}, false},
		{"report.md.golden", Markdown, Options{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			golden(t, tt.file, render(t, tt.format, r, tt.opt), tt.asJSON)
		})
	}
}

func TestDeterministic(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			opt := Options{Color: true, Width: 80}
			first := render(t, f, sampleReport(), opt)
			for range 3 {
				if again := render(t, f, sampleReport(), opt); !bytes.Equal(again, first) {
					t.Fatalf("second rendering differs:\n%s", cmp.Diff(string(again), string(first)))
				}
			}
		})
	}
}

func TestWriteDoesNotChangeReport(t *testing.T) {
	r := sampleReport()
	for _, f := range Formats() {
		render(t, f, r, Options{})
	}
	if d := cmp.Diff(r, sampleReport()); d != "" {
		t.Errorf("Write changed its report (-got +want):\n%s", d)
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, Format(99), sampleReport(), Options{}); err == nil {
		t.Fatalf("Write(Format(99)) = nil error, want one")
	}
	if buf.Len() != 0 {
		t.Errorf("Write(Format(99)) wrote %d bytes, want none", buf.Len())
	}
}

type failingWriter struct{}

var errWrite = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestWritePassesOnWriterErrors(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			err := Write(failingWriter{}, f, sampleReport(), Options{})
			if !errors.Is(err, errWrite) {
				t.Errorf("Write to a failing writer = %v, want an error wrapping %v", err, errWrite)
			}
		})
	}
}

func TestEmptyReport(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			out := render(t, f, Report{}, Options{})
			if len(out) == 0 || out[len(out)-1] != '\n' {
				t.Errorf("empty %v report = %q, want output ending with a newline", f, out)
			}
		})
	}
	t.Run("json lists", func(t *testing.T) {
		out := render(t, JSON, Report{}, Options{})
		var got map[string]any
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"articles", "stories", "discrepancies", "stale"} {
			if _, ok := got[key].([]any); !ok {
				t.Errorf("%q = %#v, want an empty list", key, got[key])
			}
		}
	})
}

func TestJSONContract(t *testing.T) {
	r := sampleReport()
	r.Stories = append(r.Stories, compare.Story{ID: "empty-story"})
	out := render(t, JSON, r, Options{})
	if !bytes.HasSuffix(out, []byte("}\n")) {
		t.Errorf("output ends %q, want a newline after the closing brace", out[max(0, len(out)-10):])
	}
	if !bytes.HasPrefix(out, []byte("{\n  \"schema\": ")) {
		t.Errorf("output starts %q, want two-space indentation and the schema first", out[:min(20, len(out))])
	}
	var doc struct {
		Schema   string `json:"schema"`
		Articles []map[string]any
		Stories  []map[string]any
		Discs    []map[string]any `json:"discrepancies"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != "crosscheck.report/v1" {
		t.Errorf("schema = %q, want crosscheck.report/v1", doc.Schema)
	}
	hasKeys := func(t *testing.T, what string, m map[string]any, keys ...string) {
		t.Helper()
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				t.Errorf("%s has no %q: %v", what, k, m)
			}
		}
	}
	for _, a := range doc.Articles {
		hasKeys(t, "article", a, "id", "path", "title", "outlet", "published", "story", "claims")
	}
	if got := doc.Articles[0]["published"]; got != "2024-03-05" {
		t.Errorf("published of a dated article = %v, want 2024-03-05", got)
	}
	if got, ok := doc.Articles[2]["published"]; !ok || got != nil {
		t.Errorf("published of an undated article = %v, want null", got)
	}
	for _, s := range doc.Stories {
		hasKeys(t, "story", s, "id", "articles")
		if _, ok := s["articles"].([]any); !ok {
			t.Errorf("story %v articles = %#v, want a list", s["id"], s["articles"])
		}
	}
	for _, d := range doc.Discs {
		hasKeys(t, "discrepancy", d, "id", "kind", "severity", "status", "summary", "confidence", "evidence")
		for _, e := range d["evidence"].([]any) {
			hasKeys(t, "evidence", e.(map[string]any), "article", "line", "start", "end", "sentence", "text", "value")
		}
	}
	first := doc.Discs[0]
	want := map[string]any{"id": "a1f3c9e07b2d4e18", "kind": "number", "severity": "error", "status": "unresolved", "confidence": 0.91}
	for k, v := range want {
		if first[k] != v {
			t.Errorf("first discrepancy %s = %v, want %v", k, first[k], v)
		}
	}
	res := doc.Discs[1]["resolution"].(map[string]any)
	if res["status"] != "resolved" || res["note"] != "Herald corrected its story." {
		t.Errorf("resolution = %v, want status resolved with the editor's note", res)
	}
	if !bytes.Contains(out, []byte(`<script>alert('x')</script>`)) {
		t.Errorf("JSON escapes markup in article text; want it verbatim")
	}
}

func TestFormatNames(t *testing.T) {
	tests := []struct {
		in      string
		want    Format
		wantErr bool
	}{
		{"text", Text, false},
		{"JSON", JSON, false},
		{" markdown ", Markdown, false},
		{"md", Markdown, false},
		{"html", HTML, false},
		{"sarif", SARIF, false},
		{"", Text, true},
		{"xml", Text, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseFormat(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseFormat(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
	for _, f := range Formats() {
		b, err := f.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Format
		if err := back.UnmarshalText(b); err != nil || back != f {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, back, err, f)
		}
	}
	if got := Format(42).String(); got != "Format(42)" {
		t.Errorf("Format(42).String() = %q, want Format(42)", got)
	}
}

func TestGroups(t *testing.T) {
	r := Report{
		Stories: []compare.Story{{ID: "s2"}, {ID: "s1"}, {ID: "quiet"}},
		Discrepancies: []compare.Discrepancy{
			{ID: "1", Story: "s1", Kind: compare.Date, Severity: compare.Info},
			{ID: "2", Story: "s2", Kind: compare.Number, Severity: compare.Warning},
			{ID: "3", Story: "s1", Kind: compare.Date, Severity: compare.Error},
			{ID: "4", Story: "stray", Kind: compare.Number},
			{ID: "5", Story: "s1", Kind: compare.NameVariant, Severity: compare.Info},
			{ID: "6", Story: "s1", Kind: compare.Date, Severity: compare.Error},
		},
	}
	var got []string
	for _, g := range groups(r) {
		got = append(got, "story "+g.Story.ID)
		for _, k := range g.Kinds {
			ids := ""
			for _, d := range k.Discrepancies {
				ids += d.ID
			}
			got = append(got, k.Kind.String()+" "+ids)
		}
	}
	want := []string{
		"story s2", "number 2",
		"story s1", "name-variant 5", "date 361",
		"story stray", "number 4",
	}
	if d := cmp.Diff(got, want); d != "" {
		t.Errorf("groups (-got +want):\n%s", d)
	}
}

func TestSplitEvidence(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		span     string
		want     []piece
	}{
		{"middle", "It was on Friday at noon.", "on Friday", []piece{{"It was ", false}, {"on Friday", true}, {" at noon.", false}}},
		{"start", "Zhidko said so.", "Zhidko", []piece{{"Zhidko", true}, {" said so.", false}}},
		{"first of two", "Ten and ten.", "ten", []piece{{"Ten and ", false}, {"ten", true}, {".", false}}},
		{"multi-byte", "Der Müller kam.", "Müller", []piece{{"Der ", false}, {"Müller", true}, {" kam.", false}}},
		{"span missing", "Nothing here.", "else", []piece{{"Nothing here.", false}}},
		{"empty span", "Nothing here.", "", []piece{{"Nothing here.", false}}},
		{"no sentence", "", "alone", []piece{{"alone", true}}},
		{"nothing", "", "", nil},
		{"line breaks", "Split\nacross  lines.", "across lines", []piece{{"Split ", false}, {"across lines", true}, {".", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitEvidence(compare.Evidence{Sentence: tt.sentence, Text: tt.span})
			if d := cmp.Diff(got, tt.want, cmp.AllowUnexported(piece{})); d != "" {
				t.Errorf("splitEvidence(%q, %q) (-got +want):\n%s", tt.sentence, tt.span, d)
			}
		})
	}
}

func TestResolveCommand(t *testing.T) {
	r := sampleReport()
	for _, f := range []Format{Text, Markdown, HTML} {
		t.Run(f.String(), func(t *testing.T) {
			out := string(render(t, f, r, Options{ResolveCommand: "xc resolve --dir news"}))
			want := `xc resolve --dir news a1f3c9e07b2d4e18 --status resolved|accepted --note "...`
			if f == HTML {
				want = `xc resolve --dir news a1f3c9e07b2d4e18 --status resolved|accepted --note &#34;...`
			}
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q", want)
			}
			// resolved and accepted discrepancies need no command
			if strings.Contains(out, "news b2e4d0f18c3e5f29") {
				t.Errorf("output offers to resolve an already resolved discrepancy")
			}
		})
	}
}

// TestTextManyStories checks that the text report, whose stories are
// written on several cores a batch at a time, is the report written one
// story after another, across batches.
func TestTextManyStories(t *testing.T) {
	base := sampleReport()
	r := Report{FailOn: base.FailOn, Comparisons: base.Comparisons, Articles: base.Articles}
	const copies = storyBatch*2 + 7
	for c := range copies {
		suffix := fmt.Sprintf("-%04d", c)
		for _, s := range base.Stories {
			s.ID += suffix
			r.Stories = append(r.Stories, s)
		}
		for _, d := range base.Discrepancies {
			d.ID += suffix
			d.Story += suffix
			r.Discrepancies = append(r.Discrepancies, d)
		}
	}
	opt := Options{Width: 90}
	got := render(t, Text, r, opt)

	var want bytes.Buffer
	w := &textWriter{w: bufio.NewWriter(&want), opt: opt, width: opt.Width}
	w.header(r)
	gs := groups(r)
	if len(gs) <= storyBatch {
		t.Fatalf("%d stories, want more than a batch (%d)", len(gs), storyBatch)
	}
	for _, g := range gs {
		w.story(g)
	}
	w.stale(r.Stale)
	w.w.Flush()
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("text report differs from one written story by story:\n%s", cmp.Diff(want.String(), string(got)))
	}
}
