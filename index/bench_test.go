package index

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/names"
	"github.com/crosscheck/crosscheck/claims/timex"
)

// corpus makes synthetic articles: sentences of words drawn with Zipf's
// law from a fixed vocabulary, naming people and places from fixed pools,
// with quantities and dates. The same seed gives the same corpus.
type corpus struct {
	r      *rand.Rand
	zipf   *rand.Zipf
	words  []string
	people []string
	places []string
}

func newCorpus(seed uint64) *corpus {
	c := &corpus{r: rand.New(rand.NewPCG(seed, 1))}
	syll := []string{"ka", "lo", "mi", "ven", "dro", "sha", "tel", "or", "bu", "zin", "pa", "rek", "sti", "an", "go", "ly"}
	// Names are made of other syllables than words.
	nameSyll := []string{"vor", "pet", "ask", "ish", "enk", "ov", "mar", "ul", "rad", "bek", "ter", "sun"}
	seen := map[string]bool{}
	gen := func(syll []string, min, max int) string {
		for {
			var b strings.Builder
			for range min + c.r.IntN(max-min+1) {
				b.WriteString(syll[c.r.IntN(len(syll))])
			}
			if w := b.String(); !seen[w] {
				seen[w] = true
				return w
			}
		}
	}
	word := func(min, max int) string { return gen(nameSyll, min, max) }
	for range 20000 {
		c.words = append(c.words, gen(syll, 1, 5))
	}
	c.zipf = rand.NewZipf(c.r, 1.1, 2, uint64(len(c.words)-1))
	title := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	var first []string
	for range 300 {
		first = append(first, title(word(2, 3)))
	}
	for range 1500 {
		c.people = append(c.people, first[c.r.IntN(len(first))]+" "+title(word(3, 4)))
	}
	for range 300 {
		c.places = append(c.places, title(word(2, 4)))
	}
	return c
}

// word returns a vocabulary word, common ones far more often.
func (c *corpus) word() string { return c.words[c.zipf.Uint64()] }

func (c *corpus) article(n, claimsPer int) (claims.Article, []claims.Claim) {
	id := fmt.Sprintf("art%05d", n)
	a := claims.Article{
		ID: id, Path: id + ".txt", Title: "Synthetic " + id, Outlet: fmt.Sprintf("Outlet %d", n%12),
		URL: "https://example.org/" + id, Published: date(2022, 1, 1).AddDate(0, 0, n%365), Hash: fmt.Sprintf("%x", n),
	}
	cs := make([]claims.Claim, claimsPer)
	for i := range cs {
		var b strings.Builder
		var ents []claims.Entity
		n := 10 + c.r.IntN(16)
		for j := range n {
			if j > 0 {
				b.WriteByte(' ')
			}
			switch x := c.r.IntN(20); {
			case x == 0 && len(ents) < 3:
				p := c.people[c.r.IntN(len(c.people))]
				ents = append(ents, claims.Entity{Text: p, Type: claims.Person, Key: names.Key(p), Start: b.Len(), End: b.Len() + len(p)})
				b.WriteString(p)
			case x == 1 && len(ents) < 3:
				p := c.places[c.r.IntN(len(c.places))]
				ents = append(ents, claims.Entity{Text: p, Type: claims.Place, Key: names.Key(p), Start: b.Len(), End: b.Len() + len(p)})
				b.WriteString(p)
			default:
				b.WriteString(c.word())
			}
		}
		b.WriteByte('.')
		cl := claims.Claim{ID: fmt.Sprintf("%s:%d", id, i+1), Article: id, Line: i + 1, Text: b.String(), Entities: ents}
		if c.r.IntN(3) == 0 {
			v := float64(c.r.IntN(10000))
			cl.Quantities = []claims.Quantity{{Text: fmt.Sprint(v), Value: v, Low: v, High: v, Unit: c.word()}}
		}
		if c.r.IntN(4) == 0 {
			d := date(2022, 1, 1).AddDate(0, 0, c.r.IntN(365))
			cl.Times = []claims.Time{{Text: d.Format("January 2"), Value: d.Format(dayLayout), Low: d, High: d, Kind: timex.KindDate, Unit: timex.Day}}
		}
		cl.Modality = claims.Modality(c.r.IntN(4))
		cs[i] = cl
	}
	return a, cs
}

func (c *corpus) entries(articles, claimsPer int) []Entry {
	out := make([]Entry, articles)
	for i := range out {
		a, cs := c.article(i, claimsPer)
		out[i] = Entry{a, cs}
	}
	return out
}

func textBytes(es []Entry) int64 {
	var n int64
	for _, e := range es {
		for _, c := range e.Claims {
			n += int64(len(c.Text))
		}
	}
	return n
}

// BenchmarkPut loads 1,000 articles of 25 claims each into a new in-memory
// index: one Put per article, or PutMany of them all.
func BenchmarkPut(b *testing.B) {
	es := newCorpus(1).entries(1000, 25)
	for _, mode := range []string{"Put", "PutMany"} {
		b.Run(mode, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(textBytes(es))
			for b.Loop() {
				x, err := NewMemory()
				if err != nil {
					b.Fatal(err)
				}
				if mode == "PutMany" {
					err = x.PutMany(es)
				} else {
					for _, e := range es {
						if err = x.Put(e.Article, e.Claims); err != nil {
							break
						}
					}
				}
				if err != nil {
					b.Fatal(err)
				}
				_ = x.Close()
			}
			b.ReportMetric(float64(25*1000*b.N)/b.Elapsed().Seconds(), "claims/s")
		})
	}
}

// BenchmarkPutDisk loads the same articles into a new on-disk index with
// PutMany; each batch waits until it is on disk.
func BenchmarkPutDisk(b *testing.B) {
	es := newCorpus(1).entries(1000, 25)
	b.ReportAllocs()
	b.SetBytes(textBytes(es))
	for b.Loop() {
		writeIndex(b, filepath.Join(b.TempDir(), "idx"), es)
	}
	b.ReportMetric(float64(25*1000*b.N)/b.Elapsed().Seconds(), "claims/s")
}

// The query benchmarks share an index of 1,000 articles of 50 claims, in
// memory and on disk; TestMain removes the disk copy.
var (
	benchOnce    sync.Once
	benchEntries []Entry
	benchIndex   = map[string]*Index{}
	benchDir     string
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, x := range benchIndex {
		_ = x.Close()
	}
	if benchDir != "" {
		_ = os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

func benchIndexes(b *testing.B) map[string]*Index {
	benchOnce.Do(func() {
		benchEntries = newCorpus(2).entries(1000, 50)
		mem, err := NewMemory()
		if err != nil {
			b.Fatal(err)
		}
		if err := mem.PutMany(benchEntries); err != nil {
			b.Fatal(err)
		}
		benchIndex["mem"] = mem
		if benchDir, err = os.MkdirTemp("", "crosscheck-index-bench"); err != nil {
			b.Fatal(err)
		}
		dir := filepath.Join(benchDir, "idx")
		writeIndex(b, dir, benchEntries)
		disk, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		benchIndex["disk"] = disk
	})
	if len(benchIndex) < 2 {
		b.Fatal("no benchmark index")
	}
	return benchIndex
}

// BenchmarkSearch runs fact-checker queries: a name as written, a variant
// spelling, two words, a phrase, filters with and without words.
func BenchmarkSearch(b *testing.B) {
	idx := benchIndexes(b)
	qs := searchQueries(newCorpus(2))
	for _, kind := range []string{"mem", "disk"} {
		b.Run(kind, func(b *testing.B) {
			x := idx[kind]
			b.ReportAllocs()
			latencies(b, func(i int) error {
				_, err := x.Search(qs[i%len(qs)])
				return err
			})
		})
		b.Run(kind+"/kind", func(b *testing.B) { searchByKind(b, idx[kind], qs) })
	}
}

// variant misspells a name by doubling its last letter.
func variant(s string) string { return s + s[len(s)-1:] }

// BenchmarkCandidates proposes comparison candidates for indexed claims,
// one query at a time and in bulk with CandidatesMany (ns/op is then per
// claim).
func BenchmarkCandidates(b *testing.B) {
	idx := benchIndexes(b)
	var cs []claims.Claim
	for i := 0; i < len(benchEntries); i += 10 {
		cs = append(cs, benchEntries[i].Claims...)
	}
	for _, kind := range []string{"mem", "disk"} {
		b.Run(kind, func(b *testing.B) {
			x := idx[kind]
			b.ReportAllocs()
			latencies(b, func(i int) error {
				_, err := x.Candidates(cs[i%len(cs)], nil, 50)
				return err
			})
		})
		b.Run(kind+"/many", func(b *testing.B) {
			x := idx[kind]
			b.ReportAllocs()
			const batch = 64
			n := 0
			for b.Loop() {
				lo := n % (len(cs) - batch)
				if _, err := x.CandidatesMany(cs[lo:lo+batch], nil, 50); err != nil {
					b.Fatal(err)
				}
				n += batch
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/claim")
		})
	}
}

// latencies runs op b.N times and reports the median and 95th percentile
// of one run.
func latencies(b *testing.B, op func(i int) error) {
	var d []time.Duration
	i := 0
	for b.Loop() {
		t := time.Now()
		if err := op(i); err != nil {
			b.Fatal(err)
		}
		d = append(d, time.Since(t))
		i++
	}
	slices.Sort(d)
	b.ReportMetric(float64(d[len(d)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(d[len(d)*95/100].Microseconds()), "p95-µs")
}

// BenchmarkDecodeClaims reads back an article of 63 claims as stored now
// (wire) and as crosscheck stored them before (gob, version 1).
func BenchmarkDecodeClaims(b *testing.B) {
	var cs []claims.Claim
	for range 21 {
		cs = append(cs, richClaims("a")...)
	}
	v1, err := encodeClaimsV1(cs)
	if err != nil {
		b.Fatal(err)
	}
	v2, err := encodeClaims(cs)
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		blob []byte
	}{{"wire", v2}, {"gob", v1}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.blob)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := decodeClaims(tc.blob, true); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
