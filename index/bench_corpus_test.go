package index

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
)

// corpusEntries returns the articles of the corpus folder named by
// CROSSCHECK_BENCH_CORPUS (as cmd/gencorpus writes it) with their extracted
// claims, skipping b when it is not set. Extracting takes a while, so the
// entries are cached in the temporary directory under a name made of the
// articles' hashes and metadata and the claim encoding's fingerprint.
func corpusEntries(b *testing.B) []Entry {
	b.Helper()
	dir := os.Getenv("CROSSCHECK_BENCH_CORPUS")
	if dir == "" {
		b.Skip("set CROSSCHECK_BENCH_CORPUS to a corpus folder (go run ./cmd/gencorpus -n 1000 -stories 125 -seed 1 -out DIR)")
	}
	arts, errs := claims.Load([]string{dir}, claims.LoadOptions{})
	if len(errs) > 0 {
		b.Fatalf("load %s: %v", dir, errs)
	}
	h := sha256.New()
	h.Write([]byte(schema()))
	enc := gob.NewEncoder(h)
	for _, a := range arts {
		m := *a
		m.Text = ""
		if err := enc.Encode(m); err != nil {
			b.Fatal(err)
		}
	}
	cache := filepath.Join(os.TempDir(), "crosscheck-bench-"+hex.EncodeToString(h.Sum(nil)[:8])+".gob")
	if data, err := os.ReadFile(cache); err == nil {
		var es []Entry
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&es); err == nil {
			return es
		}
	}
	x, err := claims.NewExtractor()
	if err != nil {
		b.Fatal(err)
	}
	es := make([]Entry, len(arts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				cs, _ := x.Extract(arts[i])
				a := *arts[i]
				a.Text = ""
				es[i] = Entry{Article: a, Claims: cs}
			}
		})
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(es); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(cache, buf.Bytes(), 0o644); err != nil {
		b.Logf("cache extracted claims: %v", err)
	}
	return es
}

func claimCount(es []Entry) int {
	n := 0
	for _, e := range es {
		n += len(e.Claims)
	}
	return n
}

// BenchmarkPutCorpus writes the claims of a generated corpus into a new
// on-disk index with one PutMany, as crosscheck report does, and reads them
// all back with Claims. It needs CROSSCHECK_BENCH_CORPUS.
func BenchmarkPutCorpus(b *testing.B) {
	es := corpusEntries(b)
	n := claimCount(es)
	b.Run("PutMany", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(textBytes(es))
		cpu := cpuTime()
		for b.Loop() {
			writeIndex(b, filepath.Join(b.TempDir(), "idx"), es)
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "claims/s")
		b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	})
	b.Run("Claims", func(b *testing.B) {
		dir := filepath.Join(b.TempDir(), "idx")
		writeIndex(b, dir, es)
		x, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		defer x.Close()
		ids := make([]string, len(es))
		for i, e := range es {
			ids[i] = e.Article.ID
		}
		b.ReportAllocs()
		cpu := cpuTime()
		for b.Loop() {
			cs, err := x.Claims(ids...)
			if err != nil {
				b.Fatal(err)
			}
			if len(cs) != n {
				b.Fatalf("got %d claims, want %d", len(cs), n)
			}
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "claims/s")
		b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	})
}

// cpuTime is the processor time the process has used, user and system, on
// every thread: on a shared machine it varies less than the elapsed time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
