package quantity

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// evalDir locates the shared evaluation data, or skips the test.
func evalDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("CROSSCHECK_EVAL")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "eval")
	}
	if _, err := os.Stat(filepath.Join(dir, "clusters")); err != nil {
		t.Skipf("evaluation data not found at %s (set CROSSCHECK_EVAL): %v", dir, err)
	}
	return dir
}

// clusterLines reads every article line of the clusters, keyed by
// "cluster/article".
func clusterLines(t testing.TB) map[string][]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(evalDir(t), "clusters", "*", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cluster articles found: %v", err)
	}
	out := make(map[string][]string)
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		key := filepath.Base(filepath.Dir(f))[:2] + "/" + strings.TrimSuffix(filepath.Base(f), ".txt")
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			out[key] = append(out[key], sc.Text())
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// find returns the quantity with the given text in the first line of the
// article that contains the given words.
func find(t *testing.T, lines map[string][]string, article, contains, text string) (Quantity, bool) {
	t.Helper()
	for _, l := range lines[article] {
		if !strings.Contains(l, contains) {
			continue
		}
		qs := Extract(l)
		for _, x := range qs {
			if x.Text == text {
				return x, true
			}
		}
		t.Errorf("%s: line %q gave %v, want a quantity %q", article, l, short(qs), text)
		return Quantity{}, false
	}
	t.Errorf("%s: no line contains %q", article, contains)
	return Quantity{}, false
}

// TestClusterInvariants runs every sentence of the evaluation clusters and
// checks offsets, intervals and that no clock time, date or year comes out.
func TestClusterInvariants(t *testing.T) {
	lines := clusterLines(t)
	n, found := 0, 0
	for article, ls := range lines {
		for _, l := range ls {
			n++
			qs := Extract(l)
			found += len(qs)
			checkInvariants(t, l, qs)
			for _, x := range qs {
				if strings.ContainsAny(x.Text, ":/") {
					t.Errorf("%s: got %q from %q, want no clock time or ratio", article, x.Text, l)
				}
				if !x.Ordinal && x.Unit == "" && x.Value >= 1900 && x.Value <= 2100 && x.Value == float64(int(x.Value)) && !strings.Contains(x.Text, ",") {
					t.Errorf("%s: got %q from %q, want no year", article, x.Text, l)
				}
			}
		}
	}
	t.Logf("%d sentences, %d quantities", n, found)
}

// TestClusterFigures checks the figures the cluster gold compares.
func TestClusterFigures(t *testing.T) {
	lines := clusterLines(t)
	tests := []struct {
		article, contains, text string
		value                   float64
		unit                    string
		bound                   Bound
	}{
		{"C1/37_12ecbplus", "killing at least one", "at least one", 1, "", AtLeast},
		{"C1/37_1ecbplus", "killing at least five people", "at least five people", 5, "person", AtLeast},
		{"C1/37_10ecbplus", "death toll from the disaster to 11", "11", 11, "", Exact},
		{"C1/37_3ecbplus", "leaving 24 dead", "24 dead", 24, "dead", Exact},
		{"C1/37_12ecbplus", "injured dozens", "dozens", 49, "", Approx},
		{"C1/37_5ecbplus", "injuring at least 50 people", "at least 50 people", 50, "person", AtLeast},
		{"C1/37_10ecbplus", "injured more than 200 people", "more than 200 people", 200, "person", AtLeast},
		{"C1/37_3ecbplus", "249 people injured", "249 people", 249, "person", Exact},
		{"C1/37_3ecbplus", "Twelve people were killed", "Twelve people", 12, "person", Exact},
		{"C1/37_3ecbplus", "Twelve people were killed", "70 others", 70, "other", Exact},
		{"C1/37_10ecbplus", "6.1-magnitude", "6.1-magnitude", 6.1, "magnitude", Exact},
		{"C2/41_5ecb", "Some 30 people were killed", "Some 30 people", 30, "person", Approx},
		{"C2/41_5ecb", "Some 30 people were killed", "55 others", 55, "other", Exact},
		{"C2/41_6ecb", "wounded around 100 people", "around 100 people", 100, "person", Approx},
		{"C2/41_4ecb", "10 of whom remain critical", "10", 10, "", Exact},
		{"C2/41_2ecb", "About 1000 people were sheltering", "About 1000 people", 1000, "person", Approx},
		{"C2/41_4ecb", "about 350 Palestinians", "about 350 Palestinians", 350, "palestinian", Approx},
		{"C2/41_8ecb", "Two Israeli tank shells", "Two Israeli tank shells", 2, "shell", Exact},
		{"C2/41_4ecb", "Three tanks shells", "Three tanks shells", 3, "shell", Exact},
		{"C2/41_1ecb", "a single shell", "a single shell", 1, "shell", Exact},
		{"C2/41_1ecb", "more than 640 Palestinians", "more than 640 Palestinians", 640, "palestinian", AtLeast},
		{"C2/41_4ecb", "more than 660 lives", "more than 660 lives", 660, "life", AtLeast},
		{"C2/41_9ecb", "above 680", "above 680", 680, "", AtLeast},
		{"C2/41_8ecb", "A three-year-old girl", "three-year-old", 3, "year-old", Exact},
		{"C2/41_8ecb", "Nine Israelis", "Nine Israelis", 9, "israeli", Exact},
		{"C3/11_2ecb", "turnout reached 93.87 percent", "93.87 percent", 93.87, "percent", Exact},
		{"C3/11_4ecb", "turnout was almost 90%", "almost 90%", 90, "percent", AtMost},
		{"C3/11_1ecb", "Some 2.44 million people", "Some 2.44 million people", 2.44e6, "person", Approx},
		{"C3/11_2ecb", "Ninety percent of the 288 candidates", "Ninety percent", 90, "percent", Exact},
		{"C3/11_3ecb", "a 125-seat national legislature", "125-seat", 125, "seat", Exact},
	}
	for _, tc := range tests {
		t.Run(tc.article+" "+tc.text, func(t *testing.T) {
			x, ok := find(t, lines, tc.article, tc.contains, tc.text)
			if !ok {
				return
			}
			if x.Value != tc.value || x.Unit != tc.unit || x.Bound != tc.bound {
				t.Errorf("got %q = %v %q %v, want %v %q %v", x.Text, x.Value, x.Unit, x.Bound, tc.value, tc.unit, tc.bound)
			}
		})
	}
}

// TestClusterAgreements checks the gold pairs whose figures agree or differ
// once units and bounds are taken into account.
func TestClusterAgreements(t *testing.T) {
	lines := clusterLines(t)
	type ref struct{ article, contains, text string }
	tests := []struct {
		a, b ref
		want bool
	}{
		{ref{"C1/37_12ecbplus", "six miles beneath", "six miles"}, ref{"C1/37_5ecbplus", "depth of just 10 kilometres", "just 10 kilometres"}, true},
		{ref{"C1/37_12ecbplus", "34 miles west", "34 miles"}, ref{"C1/37_5ecbplus", "55 kilometres south", "55 kilometres"}, true},
		{ref{"C1/37_1ecbplus", "killing at least five people", "at least five people"}, ref{"C1/37_3ecbplus", "leaving 24 dead", "24 dead"}, true},
		{ref{"C2/41_6ecb", "killed at least 40 people", "at least 40 people"}, ref{"C2/41_8ecb", "41 bodies", "41 bodies"}, true},
		{ref{"C2/41_1ecb", "among 400 people", "400 people"}, ref{"C2/41_8ecb", "among about 400 people", "about 400 people"}, true},
		{ref{"C2/41_1ecb", "within 20 miles", "within 20 miles"}, ref{"C2/41_8ecb", "17 miles from Tel Aviv", "17 miles"}, true},
		{ref{"C2/41_5ecb", "55 others injured", "55 others"}, ref{"C2/41_6ecb", "wounded around 100 people", "around 100 people"}, false},
		{ref{"C2/41_2ecb", "About 1000 people", "About 1000 people"}, ref{"C2/41_4ecb", "about 350 Palestinians", "about 350 Palestinians"}, false},
		{ref{"C3/11_2ecb", "turnout reached 93.87 percent", "93.87 percent"}, ref{"C3/11_4ecb", "turnout was almost 90%", "almost 90%"}, false},
		{ref{"C3/11_2ecb", "Over 2.5 million people", "Over 2.5 million people"}, ref{"C3/11_9ecb", "2.5 million eligible voters", "2.5 million eligible voters"}, true},
		{ref{"C3/11_2ecb", "for two decades", "two decades"}, ref{"C3/11_4ecb", "after 21 years", "21 years"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.a.text+" vs "+tc.b.text, func(t *testing.T) {
			a, ok := find(t, lines, tc.a.article, tc.a.contains, tc.a.text)
			if !ok {
				return
			}
			b, ok := find(t, lines, tc.b.article, tc.b.contains, tc.b.text)
			if !ok {
				return
			}
			if got := a.Overlaps(b); got != tc.want {
				t.Errorf("%q %v Overlaps %q %v = %v, want %v", a.Text, a.Canon, b.Text, b.Canon, got, tc.want)
			}
		})
	}
}

// BenchmarkExtractClusters runs every sentence of the evaluation clusters,
// with and without quantities, as the claims extractor does.
func BenchmarkExtractClusters(b *testing.B) {
	var all []string
	n := 0
	for _, ls := range clusterLines(b) {
		for _, l := range ls {
			all = append(all, l)
			n += len(l)
		}
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range all {
			Extract(l)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(all)), "ns/sentence")
}
