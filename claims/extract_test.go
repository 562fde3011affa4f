package claims

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// seedArticles loads the seed corpus of the repository.
func seedArticles(tb testing.TB) []*Article {
	tb.Helper()
	arts, errs := Load([]string{filepath.Join("..", "seeds")}, LoadOptions{})
	if len(errs) > 0 {
		tb.Fatalf("load seeds: %v", errs)
	}
	return arts
}

func extractor(tb testing.TB) *Extractor {
	tb.Helper()
	x, err := NewExtractor()
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

func claimWith(tb testing.TB, cs []Claim, substr string) Claim {
	tb.Helper()
	for _, c := range cs {
		if strings.Contains(c.Text, substr) {
			return c
		}
	}
	tb.Fatalf("no claim contains %q", substr)
	return Claim{}
}

func TestExtractSeeds(t *testing.T) {
	x := extractor(t)
	byID := map[string][]Claim{}
	for _, a := range seedArticles(t) {
		cs, errs := x.Extract(a)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", a.ID, errs)
		}
		for _, c := range cs {
			if got := a.Text[c.Start:c.End]; got != c.Text {
				t.Fatalf("%s: claim text %q is not the article's bytes %q at %d:%d", c.ID, c.Text, got, c.Start, c.End)
			}
			if got := strings.Count(a.Text[:c.Start], "\n") + 1; got != c.Line {
				t.Errorf("%s: line %d, want %d", c.ID, c.Line, got)
			}
			for _, e := range c.Entities {
				if a.Text[e.Start:e.End] != e.Text {
					t.Errorf("%s: entity %q at %d:%d is %q in the article", c.ID, e.Text, e.Start, e.End, a.Text[e.Start:e.End])
				}
			}
			for _, q := range c.Quantities {
				if a.Text[q.Start:q.End] != q.Text {
					t.Errorf("%s: quantity %q at %d:%d is %q in the article", c.ID, q.Text, q.Start, q.End, a.Text[q.Start:q.End])
				}
			}
		}
		byID[a.ID] = cs
	}

	t.Run("furniture yields no claim", func(t *testing.T) {
		for _, line := range []string{"Back to top button", "Trends 24h", "You may like", "source site", "Also Read:", "Related: Erdogan", "Now you can see non-English news", "© Communities 2019 - Privacy"} {
			for id, cs := range byID {
				for _, c := range cs {
					if strings.Contains(c.Text, line) {
						t.Errorf("%s: claim %q comes from page furniture %q", id, c.Text, line)
					}
				}
			}
		}
	})

	t.Run("one general, three spellings, one key", func(t *testing.T) {
		keys := map[string]string{}
		for _, c := range byID["000_830fac7def8ef1e6"] {
			for _, e := range c.Entities {
				for _, n := range []string{"Shidko", "Zhidko", "Schidko"} {
					if strings.HasSuffix(e.Text, n) {
						parts := strings.Fields(e.Key)
						keys[n] = parts[len(parts)-1]
						if e.Type != Person {
							t.Errorf("%q typed %v, want person", e.Text, e.Type)
						}
					}
				}
			}
		}
		if len(keys) != 3 || keys["Shidko"] != keys["Zhidko"] || keys["Zhidko"] != keys["Schidko"] {
			t.Errorf("surname keys %v, want one key for all three spellings", keys)
		}
	})

	t.Run("quantities", func(t *testing.T) {
		c := claimWith(t, byID["000_830fac7def8ef1e6"], "about 7,000 soldiers")
		var got []string
		for _, q := range c.Quantities {
			got = append(got, q.Text+"|"+q.Unit)
		}
		want := []string{"three military bases|base", "about 7,000 soldiers|soldier"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("quantities (-want +got):\n%s", diff)
		}
	})

	t.Run("continuation inherits the time", func(t *testing.T) {
		c := claimWith(t, byID["002_b0bd4bfec0d24fbc"], "They will later be joined")
		if len(c.Times) != 1 || c.Times[0].Text != "Thursday" || c.TimesFrom == "" {
			t.Errorf("times %+v from %q, want Thursday inherited", c.Times, c.TimesFrom)
		}
	})

	t.Run("modality", func(t *testing.T) {
		tests := []struct {
			article, sentence string
			want              Modality
			source            string
		}{
			{"002_b0bd4bfec0d24fbc", "whose troops Moscow says have joined", Attributed, "Moscow"},
			{"003_09e1196c59e83186", "whose troops could reportedly be involved", Hedged, ""},
			{"000_830fac7def8ef1e6", "Russia maintains three military bases", Asserted, ""},
		}
		for _, tt := range tests {
			c := claimWith(t, byID[tt.article], tt.sentence)
			if c.Modality != tt.want || c.AttributedTo != tt.source {
				t.Errorf("%q: %v (%q), want %v (%q)", tt.sentence, c.Modality, c.AttributedTo, tt.want, tt.source)
			}
		}
	})

	t.Run("quotes with speakers", func(t *testing.T) {
		c := claimWith(t, byID["003_09e1196c59e83186"], "much depends on the cooperation")
		if len(c.Quotes) != 1 || !strings.HasSuffix(c.Quotes[0].Speaker, "Belousov") {
			t.Errorf("quotes %+v, want one by Belousov", c.Quotes)
		}
	})

	t.Run("weekday stays a weekday without a date", func(t *testing.T) {
		c := claimWith(t, byID["003_09e1196c59e83186"], "join the talks on Friday")
		if len(c.Times) != 1 || c.Times[0].Value != "XXXX-WXX-5" {
			t.Errorf("times %+v, want the unresolved Friday XXXX-WXX-5", c.Times)
		}
	})
}

func TestExtractResolvesWithPublicationDate(t *testing.T) {
	x := extractor(t)
	a := &Article{ID: "a", Text: "Putin arrived in Tajikistan on Wednesday.\nHe will meet the leaders on Friday.\n", Published: time.Date(2025, 10, 9, 0, 0, 0, 0, time.UTC)}
	cs, _ := x.Extract(a)
	var got []string
	for _, c := range cs {
		for _, tm := range c.Times {
			got = append(got, tm.Text+"="+tm.Value)
		}
	}
	want := []string{"Wednesday=2025-10-08", "Friday=2025-10-10"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("times (-want +got):\n%s", diff)
	}
}

func TestEntityFalseFriends(t *testing.T) {
	x := extractor(t)
	a := &Article{ID: "a", Text: "Emomali Rahmon met Emomali Sobirzoda.\nRustam Emomali was elected speaker.\n"}
	cs, _ := x.Extract(a)
	keys := map[string]string{}
	for _, c := range cs {
		for _, e := range c.Entities {
			keys[e.Text] = e.Key
		}
	}
	r, s, e := keys["Emomali Rahmon"], keys["Emomali Sobirzoda"], keys["Rustam Emomali"]
	if r == "" || s == "" || e == "" || r == s || s == e || r == e {
		t.Errorf("keys %v: want three different people", keys)
	}
}

// BenchmarkExtract measures extraction over the seed corpus on one core, in
// MB/s and sentences (claims) per second, with the bytes allocated per
// article and the bytes the claims of the corpus keep alive, per claim. The
// models load once, before the timer starts.
func BenchmarkExtract(b *testing.B) {
	x := extractor(b)
	arts := seedArticles(b)
	var size int64
	for _, a := range arts {
		size += int64(len(a.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	claims := 0
	for b.Loop() {
		// Every pass reads the articles afresh: the windows labelled by
		// the entity model in the pass before would all be known.
		b.StopTimer()
		x.windows.Clear()
		b.StartTimer()
		for _, a := range arts {
			cs, _ := x.Extract(a)
			claims += len(cs)
		}
	}
	b.StopTimer()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(claims)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N*len(arts)), "B/article")
	b.ReportMetric(liveBytesPerClaim(x, arts), "live-B/claim")
}

// liveBytesPerClaim extracts arts once more, with the caches warm, and
// returns the heap the claims keep alive beyond the articles' text, per
// claim.
func liveBytesPerClaim(x *Extractor, arts []*Article) float64 {
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	all := make([][]Claim, len(arts))
	n := 0
	for i, a := range arts {
		all[i], _ = x.Extract(a)
		n += len(all[i])
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	runtime.KeepAlive(all)
	return float64(int64(m1.HeapAlloc)-int64(m0.HeapAlloc)) / float64(n)
}

// An article's claims do not depend on the articles extracted before it by
// the same Extractor, nor on the order: incremental runs and parallel
// workers must give what a full run gives.
func TestExtractIndependentOfOrder(t *testing.T) {
	arts := seedArticles(t)
	alone := map[string][]Claim{}
	for _, a := range arts {
		cs, _ := extractor(t).Extract(a)
		alone[a.ID] = cs
	}
	x := extractor(t)
	for i := len(arts) - 1; i >= 0; i-- {
		a := arts[i]
		cs, _ := x.Extract(a)
		if d := cmp.Diff(alone[a.ID], cs); d != "" {
			t.Errorf("%s extracted after others differs from extracted alone (-alone +after):\n%s", a.ID, d)
		}
	}
}
