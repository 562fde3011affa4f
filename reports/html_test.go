package reports

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

func TestHTMLEscapesArticleText(t *testing.T) {
	out := string(render(t, HTML, sampleReport(), Options{}))
	if strings.Contains(out, "<script>alert(") {
		t.Errorf("an article's <script> reached the page as markup")
	}
	for _, want := range []string{
		"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", // in an evidence sentence and a title
		"Blaze &lt;script&gt;",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks the escaped text %q", want)
		}
	}
	if n := strings.Count(out, "<script>"); n != 1 {
		t.Errorf("page has %d <script> elements, want only its own one", n)
	}
}

func TestHTMLEscapesEverywhere(t *testing.T) {
	bad := `"><img src=x onerror=alert(1)>`
	r := Report{
		Articles: []ArticleInfo{{ID: bad, Title: bad, Outlet: bad, URL: "javascript:alert(1)"}},
		Stories:  []compare.Story{{ID: bad, Title: bad, Articles: []string{bad}}},
		Discrepancies: []compare.Discrepancy{{
			ID: bad, Story: bad, Summary: bad, Canonical: bad,
			Spellings:  []compare.Spelling{{Text: bad, Total: 1}},
			Resolution: &compare.Resolution{Note: bad, By: bad, Value: bad},
			Evidence:   []compare.Evidence{{Article: bad, Sentence: "x " + bad + " y", Text: bad, Value: bad}},
		}},
		Stale: []StaleResolution{{ID: bad, Resolution: compare.Resolution{Note: bad}}},
	}
	out := string(render(t, HTML, r, Options{}))
	if strings.Contains(out, "<img") {
		t.Errorf("markup from report values reached the page:\n%s", out)
	}
	if strings.Contains(out, `href="javascript:`) {
		t.Errorf("a javascript: URL reached a link")
	}
}

func TestHTMLStructure(t *testing.T) {
	r := sampleReport()
	out := string(render(t, HTML, r, Options{}))
	for _, d := range r.Discrepancies {
		re := regexp.MustCompile(`<article class="discrepancy" id="` + d.ID + `" data-kind="` + d.Kind.String() +
			`" data-severity="` + d.Severity.String() + `" data-status="` + d.Status.String() + `">`)
		if !re.MatchString(out) {
			t.Errorf("page lacks the element of discrepancy %s with its data attributes", d.ID)
		}
	}
	for _, want := range []string{
		`<form id="filters"`,
		`name="kind" value="date" checked`,
		`name="kind" value="name-variant" checked`,
		`name="severity" value="error" checked`,
		`name="severity" value="info" checked`,
		`name="status" value="unresolved" checked`,
		`name="status" value="accepted" checked`,
		`<mark>on Monday evening</mark>`,
		`<mark>Jürgen Müller</mark>`,
		"Transliteration; house style is Müller.",
		"9999aaaabbbbcccc",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// self-contained: nothing is fetched from elsewhere
	for _, bad := range []*regexp.Regexp{
		regexp.MustCompile(`<script[^>]+src=`),
		regexp.MustCompile(`<link[^>]+stylesheet`),
		regexp.MustCompile(`@import`),
		regexp.MustCompile(`url\(`),
		regexp.MustCompile(`<img`),
	} {
		if bad.MatchString(out) {
			t.Errorf("page loads an outside resource: %v matches", bad)
		}
	}
}

func TestHTMLEmpty(t *testing.T) {
	out := string(render(t, HTML, Report{}, Options{}))
	if !strings.Contains(out, "No discrepancies found.") {
		t.Errorf("empty page does not say that nothing was found")
	}
	if strings.Contains(out, `class="discrepancy"`) {
		t.Errorf("empty page shows a discrepancy")
	}
}

// chromium finds a Chromium binary, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping the headless-browser test in -short mode")
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("Chromium not found (install it, e.g. apt-get install -y chromium, to run the headless-browser test)")
	return ""
}

// dumpDOM loads the page at url in headless Chromium and returns the DOM
// after the page's script has run.
func dumpDOM(t *testing.T, bin, url string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--dump-dom", url)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom %s: %v\n%s", url, err, stderr.String())
	}
	return string(out)
}

var articleTag = regexp.MustCompile(`<article class="discrepancy[^"]*" id="([^"]+)"[^>]*>`)

// visibility maps each discrepancy id in a dumped DOM to whether it is shown.
func visibility(t *testing.T, dom string) map[string]bool {
	t.Helper()
	vis := map[string]bool{}
	for _, m := range articleTag.FindAllStringSubmatch(dom, -1) {
		tag := m[0]
		vis[m[1]] = !strings.Contains(tag, " hidden") && !strings.Contains(tag, "filtered-out")
	}
	return vis
}

func TestHTMLInBrowser(t *testing.T) {
	bin := chromium(t)
	r := sampleReport()
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, render(t, HTML, r, Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + filepath.ToSlash(path)

	tests := []struct {
		name  string
		query string
		shown func(compare.Discrepancy) bool
	}{
		{"no filter", "", func(compare.Discrepancy) bool { return true }},
		{"fragment kind", "#kind=date,number", func(d compare.Discrepancy) bool {
			return d.Kind == compare.Date || d.Kind == compare.Number
		}},
		{"query severity", "?severity=error", func(d compare.Discrepancy) bool { return d.Severity == compare.Error }},
		{"fragment two groups", "#severity=warning,info&status=unresolved", func(d compare.Discrepancy) bool {
			return d.Severity != compare.Error && d.Status == compare.Unresolved
		}},
		{"fragment search", "#q=" + "m%C3%BCller", func(d compare.Discrepancy) bool { return d.Kind == compare.NameVariant }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dom := dumpDOM(t, bin, url+tt.query)
			if !strings.Contains(dom, `class="js"`) {
				t.Fatalf("the page's script did not run:\n%.2000s", dom)
			}
			vis := visibility(t, dom)
			want := 0
			for _, d := range r.Discrepancies {
				got, ok := vis[d.ID]
				if !ok {
					t.Errorf("discrepancy %s is missing from the DOM", d.ID)
					continue
				}
				if got != tt.shown(d) {
					t.Errorf("discrepancy %s (%v %v %v) shown = %v, want %v", d.ID, d.Kind, d.Severity, d.Status, got, tt.shown(d))
				}
				if tt.shown(d) {
					want++
				}
			}
			if m := regexp.MustCompile(`data-shown="(\d+)"`).FindStringSubmatch(dom); m == nil || m[1] != itoa(want) {
				t.Errorf("body data-shown = %v, want %d", m, want)
			}
		})
	}
}
