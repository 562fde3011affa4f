package compare

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/crosscheck/crosscheck/claims"
)

// allOthers is a Candidates that proposes every claim of the other articles:
// fine for the few claims of a test.
type allOthers struct{ cs []claims.Claim }

func (a allOthers) Candidates(c claims.Claim, within []string, limit int) ([]string, error) {
	in := map[string]bool{}
	for _, w := range within {
		in[w] = true
	}
	var out []string
	for _, o := range a.cs {
		if o.Article != c.Article && (len(within) == 0 || in[o.Article]) {
			out = append(out, o.ID)
		}
	}
	return out, nil
}

var extractor = func() func(testing.TB) *claims.Extractor {
	var x *claims.Extractor
	return func(tb testing.TB) *claims.Extractor {
		tb.Helper()
		if x == nil {
			var err error
			if x, err = claims.NewExtractor(); err != nil {
				tb.Fatal(err)
			}
		}
		return x
	}
}()

// compareFiles extracts and compares the articles of a txtar archive (every
// file ending in .txt; articles.yaml gives their metadata).
func compareFiles(t *testing.T, ar *txtar.Archive) Result {
	t.Helper()
	dir := t.TempDir()
	for _, f := range ar.Files {
		if f.Name == "want" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arts, errs := claims.Load([]string{dir}, claims.LoadOptions{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	x := extractor(t)
	var all []claims.Claim
	var vals []claims.Article
	for _, a := range arts {
		cs, errs := x.Extract(a)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		all = append(all, cs...)
		vals = append(vals, *a)
	}
	res, err := Compare(context.Background(), vals, all, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// An expectation line of a "want" file:
//
//	kind article:text article:text    a discrepancy of that kind whose evidence holds each text
//	!kind article:text article:text   no such discrepancy
//	stories a,b c                     the stories, articles joined by commas
type expectation struct {
	not   bool
	kind  string
	sides [][2]string
}

func parseWant(t *testing.T, data string) (exps []expectation, stories string) {
	t.Helper()
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if rest, ok := strings.CutPrefix(line, "stories "); ok {
			stories = rest
			continue
		}
		fields := strings.Split(line, " | ")
		e := expectation{kind: fields[0]}
		if strings.HasPrefix(e.kind, "!") {
			e.not, e.kind = true, e.kind[1:]
		}
		for _, f := range fields[1:] {
			a, text, ok := strings.Cut(f, ":")
			if !ok {
				t.Fatalf("bad expectation %q", line)
			}
			e.sides = append(e.sides, [2]string{a, text})
		}
		exps = append(exps, e)
	}
	return exps, stories
}

func matchesExpectation(d Discrepancy, e expectation) bool {
	if d.Kind.String() != e.kind && e.kind != "any" {
		return false
	}
	for _, side := range e.sides {
		hit := false
		for _, ev := range d.Evidence {
			if ev.Article == side[0] && (strings.Contains(ev.Sentence, side[1]) || strings.Contains(ev.Text, side[1])) {
				hit = true
			}
		}
		if !hit {
			return false
		}
	}
	return true
}

func describe(ds []Discrepancy) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "  %s %s: %s\n", d.Kind, d.ID, d.Summary)
	}
	return b.String()
}

// TestDetectors runs each testdata/detectors/*.txtar case: a few invented
// articles and the discrepancies they must and must not produce.
func TestDetectors(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "detectors", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no detector cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var want string
			for _, f := range ar.Files {
				if f.Name == "want" {
					want = string(f.Data)
				}
			}
			exps, stories := parseWant(t, want)
			res := compareFiles(t, ar)
			if stories != "" {
				var got []string
				for _, s := range res.Stories {
					got = append(got, strings.Join(s.Articles, ","))
				}
				sort.Strings(got)
				if g := strings.Join(got, " "); g != stories {
					t.Errorf("stories %q, want %q", g, stories)
				}
			}
			for _, e := range exps {
				found := false
				for _, d := range res.Discrepancies {
					if matchesExpectation(d, e) {
						found = true
					}
				}
				if found == e.not {
					verb := "missing"
					if e.not {
						verb = "unwanted"
					}
					t.Errorf("%s %s discrepancy between %v; got:\n%s", verb, e.kind, e.sides, describe(res.Discrepancies))
				}
			}
		})
	}
}

// TestHedgeConcernsLikeReference checks the hedge test on the words each
// claim keeps against the one on the sentences, for every hedged claim and
// every other claim of the seeds and of the news clusters when they are
// found (see evalDir).
func TestHedgeConcernsLikeReference(t *testing.T) {
	paths := []string{filepath.Join("..", "seeds")}
	dir := os.Getenv("CROSSCHECK_EVAL")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "eval")
	}
	clusters, _ := filepath.Glob(filepath.Join(dir, "clusters", "*"))
	paths = append(paths, clusters...)
	arts, byArticle := loadCorpus(t, paths...)
	var cs []claims.Claim
	for _, a := range arts {
		for _, cl := range byArticle[a.ID] {
			cs = append(cs, *cl)
		}
	}
	c := newCorpus(arts, cs)
	pairs, concerned := 0, 0
	for _, h := range c.claims {
		if h.Modality != claims.Hedged {
			continue
		}
		for _, f := range c.claims {
			if f == h {
				continue
			}
			want := referenceHedgeConcerns(h, f)
			if got := c.hedgeConcerns(h, f); got != want {
				t.Errorf("hedgeConcerns(%q, %q) = %v, want %v", h.Text, f.Text, got, want)
			}
			pairs++
			if want {
				concerned++
			}
		}
	}
	if concerned == 0 || concerned == pairs {
		t.Fatalf("%d of %d pairs concerned: the test tells nothing", concerned, pairs)
	}
}

// referenceHedgeConcerns is hedgeConcerns on sets of the sentences' words.
func referenceHedgeConcerns(hedged, firm *claims.Claim) bool {
	clause := hedgeClause(hedged)
	if clause == "" {
		return false
	}
	fw := map[string]bool{}
	for _, w := range words(firm.Text) {
		fw[w] = true
	}
	for _, cl := range []*claims.Claim{hedged, firm} {
		for _, e := range cl.Entities {
			for _, w := range words(e.Text) {
				delete(fw, w)
			}
		}
	}
	shared := 0
	seen := map[string]bool{}
	for _, w := range words(clause) {
		if fw[w] && !seen[w] {
			seen[w] = true
			shared++
		}
	}
	return shared >= 2
}

// TestShareContentLikeSharedWords checks shareContent against sharedWords
// for every pair of claims of the seeds.
func TestShareContentLikeSharedWords(t *testing.T) {
	arts, byArticle := loadCorpus(t, filepath.Join("..", "seeds"))
	var cs []claims.Claim
	for _, a := range arts {
		for _, cl := range byArticle[a.ID] {
			cs = append(cs, *cl)
		}
	}
	c := newCorpus(arts, cs)
	share := 0
	for i, x := range c.claims {
		for _, y := range c.claims[i+1:] {
			want := sharedWords(x.Text, y.Text, x, y) > 0
			if got := c.shareContent(x, y); got != want {
				t.Errorf("shareContent(%q, %q) = %v, want %v", x.Text, y.Text, got, want)
			}
			if want {
				share++
			}
		}
	}
	if n := len(c.claims) * (len(c.claims) - 1) / 2; share == 0 || share == n {
		t.Fatalf("%d of %d pairs share content words: the test tells nothing", share, n)
	}
}
