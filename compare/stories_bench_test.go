package compare

import (
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"
)

// Benchmarks of grouping invented corpora into stories of eight articles,
// about 280 published a day. The 100,000-article corpus takes some 5 GB of
// memory and half a minute to make: set CROSSCHECK_BENCH_100K=1 to include
// it.
//
//	go test ./compare -run '^$' -bench GroupStories -benchtime 3x

var benchCorpora = map[int]synthCorpus{}

func benchCorpus(n int) synthCorpus {
	if c, ok := benchCorpora[n]; ok {
		return c
	}
	c := newSynthCorpus(synthSpec{stories: n / 8, perStory: 8, sentences: 35, days: max(1, n/280), undated: 9, sequels: true, seed: 1})
	benchCorpora[n] = c
	return c
}

func benchSizes() []int {
	sizes := []int{1_000, 10_000}
	if os.Getenv("CROSSCHECK_BENCH_100K") != "" {
		sizes = append(sizes, 100_000)
	}
	return sizes
}

func (c synthCorpus) textBytes() int64 {
	var n int64
	for _, cs := range c.byArticle {
		for _, cl := range cs {
			n += int64(len(cl.Text))
		}
	}
	return n
}

func BenchmarkGroupStories(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			c := benchCorpus(n)
			b.SetBytes(c.textBytes())
			b.ReportAllocs()
			var got []Story
			for b.Loop() {
				// Each run starts from a collected heap, as the one run
				// of a report does: not collecting the garbage of making
				// the corpus or of the run before.
				b.StopTimer()
				runtime.GC()
				b.StartTimer()
				got = groupStories(c.arts, c.byArticle, DefaultStoryOptions)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
			if bad := c.misgrouped(got); bad > 0 {
				b.Errorf("%d of %d stories not found whole and apart", bad, n/8)
			}
		})
	}
}

// BenchmarkGroupStoriesScaling reports how much longer ten times as many
// articles take to group: each iteration groups every corpus once.
func BenchmarkGroupStoriesScaling(b *testing.B) {
	sizes := benchSizes()
	for _, n := range sizes {
		benchCorpus(n)
	}
	took := make([]time.Duration, len(sizes))
	for b.Loop() {
		for k, n := range sizes {
			c := benchCorpora[n]
			runtime.GC()
			start := time.Now()
			groupStories(c.arts, c.byArticle, DefaultStoryOptions)
			took[k] += time.Since(start)
		}
	}
	for k := 1; k < len(sizes); k++ {
		b.ReportMetric(float64(took[k])/float64(took[k-1]), fmt.Sprintf("%dk/%dk", sizes[k]/1000, sizes[k-1]/1000))
	}
}
