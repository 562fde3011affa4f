package index

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkBig builds an on-disk index of millions of synthetic claims, as
// a corpus of 100,000 articles gives, and measures what a large index
// costs: writing it (claims/s, processor seconds, peak resident memory of
// the process), searching it (p50 and p95 of the BenchmarkSearch queries)
// and loading every article's claims. It runs only with CROSSCHECK_BENCH_BIG
// set: to 1 for 2,000,000 claims, or to the number of claims wanted. Give
// -benchtime in iterations (200x) for enough searches; the index is built
// once whatever it says.
func BenchmarkBig(b *testing.B) {
	want := 0
	switch v := os.Getenv("CROSSCHECK_BENCH_BIG"); v {
	case "":
		b.Skip("set CROSSCHECK_BENCH_BIG=1 (2,000,000 claims) or to a number of claims")
	case "1":
		want = 2_000_000
	default:
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			b.Fatalf("CROSSCHECK_BENCH_BIG=%q: want 1 or a number of claims", v)
		}
		want = n
	}
	const claimsPer, chunk = 65, 500 // articles per PutMany
	articles := (want + claimsPer - 1) / claimsPer
	dir := filepath.Join(b.TempDir(), "idx")

	// The index is built once, however many times Build runs: its
	// metrics, not ns/op, tell the cost.
	var built struct {
		wall, cpu time.Duration
		rss, disk int64
	}
	b.Run("Build", func(b *testing.B) {
		if built.wall == 0 {
			x, err := Create(dir)
			if err != nil {
				b.Fatal(err)
			}
			c := newCorpus(3)
			start, cpu := time.Now(), cpuTime()
			for lo := 0; lo < articles; lo += chunk {
				es := make([]Entry, 0, chunk)
				for i := lo; i < min(lo+chunk, articles); i++ {
					a, cs := c.article(i, claimsPer)
					es = append(es, Entry{a, cs})
				}
				if err := x.PutMany(es); err != nil {
					b.Fatal(err)
				}
			}
			if err := x.Close(); err != nil {
				b.Fatal(err)
			}
			built.wall, built.cpu = time.Since(start), cpuTime()-cpu
			built.rss, built.disk = maxRSS(), dirSize(b, dir)
		}
		for b.Loop() {
		}
		b.ReportMetric(float64(articles*claimsPer)/built.wall.Seconds(), "claims/s")
		b.ReportMetric(built.wall.Seconds(), "wall-s")
		b.ReportMetric(built.cpu.Seconds(), "cpu-s")
		b.ReportMetric(float64(built.rss)/(1<<20), "peak-MiB")
		b.ReportMetric(float64(built.disk)/(1<<20), "disk-MiB")
	})

	x, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	qs := searchQueries(newCorpus(3))
	b.Run("Search", func(b *testing.B) {
		b.ReportAllocs()
		latencies(b, func(i int) error {
			_, err := x.Search(qs[i%len(qs)])
			return err
		})
	})
	b.Run("SearchKind", func(b *testing.B) { searchByKind(b, x, qs) })
	b.Run("Claims", func(b *testing.B) {
		recs, err := x.Articles()
		if err != nil {
			b.Fatal(err)
		}
		ids := make([]string, len(recs))
		for i, r := range recs {
			ids[i] = r.ID
		}
		// Loading them all takes seconds: twice is enough, whatever
		// -benchtime says.
		runs := min(b.N, 2)
		b.ReportAllocs()
		cpu, start := cpuTime(), time.Now()
		for range runs {
			cs, err := x.Claims(ids...)
			if err != nil {
				b.Fatal(err)
			}
			if len(cs) != articles*claimsPer {
				b.Fatalf("got %d claims, want %d", len(cs), articles*claimsPer)
			}
		}
		b.ReportMetric(float64(articles*claimsPer*runs)/time.Since(start).Seconds(), "claims/s")
		b.ReportMetric((cpuTime()-cpu).Seconds()/float64(runs), "cpu-s/run")
	})
}

// searchKinds names the kinds of query searchQueries makes, in order.
var searchKinds = []string{"name", "entity", "variant", "words", "phrase", "filtered", "filters"}

// searchQueries are fact-checker queries on a synthetic corpus, one of
// each kind in searchKinds in turn: a name as written, an entity filter, a
// variant spelling, two words, a phrase, a word with number and date
// filters, and filters without words.
func searchQueries(c *corpus) []Query {
	var qs []Query
	for i := range 40 {
		p := c.people[i*7%len(c.people)]
		first, last, _ := strings.Cut(p, " ")
		qs = append(qs,
			Query{Text: last},
			Query{Text: "entity:\"" + p + "\""},
			Query{Text: variant(last)},
			Query{Text: c.words[i] + " " + c.words[i*3+50]},
			Query{Text: "\"" + c.words[i] + " " + c.words[i+1] + "\""},
			Query{Text: first + " number:>5000 date:2022-06"},
			Query{Text: "modality:hedged", Source: "Outlet 3", Since: date(2022, 3, 1), Until: date(2022, 4, 1)},
		)
	}
	return qs
}

// searchByKind runs the queries of each kind as a sub-benchmark of b.
func searchByKind(b *testing.B, x *Index, qs []Query) {
	for k, kind := range searchKinds {
		b.Run(kind, func(b *testing.B) {
			b.ReportAllocs()
			latencies(b, func(i int) error {
				_, err := x.Search(qs[(i*len(searchKinds)+k)%len(qs)])
				return err
			})
		})
	}
}

// maxRSS is the peak resident memory of the process in bytes.
func maxRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss * 1024
}

func dirSize(b *testing.B, dir string) int64 {
	b.Helper()
	var n int64
	err := filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() {
			n += fi.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkIndexQueries measures searches on an index built by crosscheck
// report, such as the one `.ci/scale 100000` leaves: set
// CROSSCHECK_BENCH_INDEX to its folder and, to choose the queries,
// CROSSCHECK_BENCH_QUERIES to them, one per line. Each query is a
// sub-benchmark, and All runs them in turn; the index is opened once, read
// only, so process start and opening are not counted.
func BenchmarkIndexQueries(b *testing.B) {
	dir := os.Getenv("CROSSCHECK_BENCH_INDEX")
	if dir == "" {
		b.Skip("set CROSSCHECK_BENCH_INDEX to an index folder built by crosscheck report")
	}
	x, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	texts := []string{"police", "minister", `"death toll"`, "number:>1000", "entity:Putin", "hospital", "protesters", "modality:hedged"}
	if v := os.Getenv("CROSSCHECK_BENCH_QUERIES"); v != "" {
		texts = strings.Split(strings.TrimSpace(v), "\n")
	}
	qs := make([]Query, len(texts))
	for i, t := range texts {
		qs[i] = Query{Text: t, Limit: 20}
	}
	b.Run("All", func(b *testing.B) {
		b.ReportAllocs()
		latencies(b, func(i int) error {
			_, err := x.Search(qs[i%len(qs)])
			return err
		})
	})
	for _, q := range qs {
		b.Run(strings.ReplaceAll(q.Text, " ", "_"), func(b *testing.B) {
			latencies(b, func(int) error {
				_, err := x.Search(q)
				return err
			})
		})
	}
}
