package compare

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// seedCorpus extracts the seed articles once per benchmark.
func seedCorpus(b *testing.B) ([]claims.Article, []claims.Claim) {
	b.Helper()
	return seedArticles(b)
}

// seedArticles loads and extracts the seed articles.
func seedArticles(tb testing.TB) ([]claims.Article, []claims.Claim) {
	tb.Helper()
	arts, errs := claims.Load([]string{filepath.Join("..", "seeds")}, claims.LoadOptions{})
	if len(errs) > 0 {
		tb.Fatal(errs)
	}
	x := extractor(tb)
	var vals []claims.Article
	var all []claims.Claim
	for _, a := range arts {
		cs, _ := x.Extract(a)
		all = append(all, cs...)
		vals = append(vals, *a)
	}
	return vals, all
}

// BenchmarkDetectors measures the cost of each detector per claim pair, over
// every pair of claims of different seed articles.
func BenchmarkDetectors(b *testing.B) {
	arts, cs := seedCorpus(b)
	c := newCorpus(arts, cs)
	type pair struct {
		x, y  *claims.Claim
		align float64
		keys  []string
	}
	var pairs []pair
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if cs[i].Article != cs[j].Article {
				x, y := c.byID[cs[i].ID], c.byID[cs[j].ID]
				pairs = append(pairs, pair{x, y, c.align(x, y), sharedKeys(x, y)})
			}
		}
	}
	detectors := []struct {
		name string
		run  func(x, y *claims.Claim, align float64, keys []string) []Discrepancy
	}{
		{"date", func(x, y *claims.Claim, a float64, k []string) []Discrepancy { return c.dates("s", x, y, a, k) }},
		{"number", func(x, y *claims.Claim, a float64, k []string) []Discrepancy { return c.numbers("s", x, y, a, k) }},
		{"framing", func(x, y *claims.Claim, a float64, k []string) []Discrepancy { return c.framing("s", x, y, a, k) }},
		{"modality", func(x, y *claims.Claim, a float64, k []string) []Discrepancy { return c.modality("s", x, y, a, k) }},
		{"quote", func(x, y *claims.Claim, a float64, k []string) []Discrepancy { return c.quotes("s", x, y, a, k) }},
	}
	b.Run("align", func(b *testing.B) {
		n := 0
		for b.Loop() {
			for _, p := range pairs {
				c.align(p.x, p.y)
				sharedKeys(p.x, p.y)
				n++
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/pair")
	})
	for _, d := range detectors {
		b.Run(d.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				for _, p := range pairs {
					d.run(p.x, p.y, p.align, p.keys)
					n++
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/pair")
		})
	}
}

// BenchmarkCompareSeeds measures a whole comparison of the seeds, with every
// claim of the other articles as candidates.
func BenchmarkCompareSeeds(b *testing.B) {
	arts, cs := seedCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compare(context.Background(), arts, cs, allOthers{cs}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
