package compare

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/claims"
)

// blockedCorpus is a synthetic corpus large enough to be grouped by
// blocking, its articles by date, each with a content hash, and a Source of
// their claims.
func blockedCorpus(t *testing.T) ([]claims.Article, memory) {
	t.Helper()
	c := newSynthCorpus(synthSpec{stories: 64, perStory: 5, sentences: 10, days: 45, seed: 41})
	var arts []claims.Article
	for _, i := range byDate(c.arts) {
		a := c.arts[i]
		a.Hash = "hash-" + a.ID
		arts = append(arts, a)
	}
	if len(arts) <= exactStories {
		t.Fatalf("%d articles: too few to be grouped by blocking", len(arts))
	}
	var cs []claims.Claim
	for _, a := range arts {
		for _, cl := range c.byArticle[a.ID] {
			cs = append(cs, *cl)
		}
	}
	return arts, memoryOf(cs)
}

// syncCache is a mapCache safe for concurrent use, as a Cache must be for
// corpora read by many workers.
type syncCache struct {
	mu sync.Mutex
	m  mapCache
	// records counts the scan records got.
	records int
}

func newSyncCache() *syncCache { return &syncCache{m: mapCache{}} }

func (c *syncCache) Get(key string) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if strings.HasPrefix(key, "scan-") {
		c.records++
	}
	return c.m.Get(key)
}

func (c *syncCache) Put(values map[string][]byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m.Put(values)
}

func (c *syncCache) Prune(keep []string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m.Prune(keep)
}

// TestCompareFromGroupingState checks that a run on a corpus grown by later
// articles takes up the grouping the last run kept in the cache, weighs the
// new articles only, and gives what a run without a cache gives.
func TestCompareFromGroupingState(t *testing.T) {
	arts, m := blockedCorpus(t)
	want, err := CompareFrom(context.Background(), arts, m, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want.Phases.Weighed != len(arts) {
		t.Errorf("without a cache: %d articles weighed, want %d", want.Phases.Weighed, len(arts))
	}
	cache := newSyncCache()
	first, err := CompareFrom(context.Background(), arts[:len(arts)-2], m, nil, Options{Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	key := groupingKey(DefaultStoryOptions)
	if cache.m[key] == nil || first.Phases.Weighed != len(arts)-2 {
		t.Fatalf("first run: grouping state kept %v, %d articles weighed", cache.m[key] != nil, first.Phases.Weighed)
	}
	cache.records = 0
	got, err := CompareFrom(context.Background(), arts, m, nil, Options{Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	if got.Phases.Weighed != 2 {
		t.Errorf("two articles added: %d weighed, want 2", got.Phases.Weighed)
	}
	// The first pass read the articles of the new ones' window only.
	if cache.records < 2 || cache.records > len(arts)/4 {
		t.Errorf("two articles added: %d scan records read of %d articles", cache.records, len(arts))
	}
	got.Reused = 0
	if d := cmp.Diff(want, got, ignorePhases); d != "" {
		t.Errorf("from the grouping state: result differs from a run without a cache (-want +got):\n%s", d)
	}
	// The state kept is the one a run from nothing keeps.
	fresh := newSyncCache()
	if _, err := CompareFrom(context.Background(), arts, m, nil, Options{Cache: fresh}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cache.m[key], fresh.m[key]) {
		st, _ := decodeBlockState(cache.m[key])
		ft, _ := decodeBlockState(fresh.m[key])
		t.Errorf("grouping state after two added differs from a run from nothing: %d and %d articles, %d and %d edges", len(st.keys), len(ft.keys), len(st.edges), len(ft.edges))
	}
	// Nothing new: nothing weighed, no record read. A damaged state is
	// grouped anew.
	cache.records = 0
	again, err := CompareFrom(context.Background(), arts, m, nil, Options{Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	if again.Phases.Weighed != 0 || cache.records != 0 {
		t.Errorf("nothing new: %d articles weighed, %d records read; want none", again.Phases.Weighed, cache.records)
	}
	again.Reused = 0
	if d := cmp.Diff(want, again, ignorePhases); d != "" {
		t.Errorf("nothing new: result differs (-want +got):\n%s", d)
	}
	cache.m[key] = cache.m[key][:len(cache.m[key])/2]
	damaged, err := CompareFrom(context.Background(), arts, m, nil, Options{Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	if damaged.Phases.Weighed != len(arts) || !slices.Equal(cache.m[key], fresh.m[key]) {
		t.Errorf("damaged state: %d articles weighed, want %d; state rewritten: %v", damaged.Phases.Weighed, len(arts), slices.Equal(cache.m[key], fresh.m[key]))
	}
	damaged.Reused = 0
	if d := cmp.Diff(want, damaged, ignorePhases); d != "" {
		t.Errorf("damaged state: result differs (-want +got):\n%s", d)
	}
}

// TestBlockStateEncoding reads back what encode writes, and refuses what is
// cut short or changed.
func TestBlockStateEncoding(t *testing.T) {
	arts, m := blockedCorpus(t)
	cache := newSyncCache()
	if _, err := CompareFrom(context.Background(), arts, m, nil, Options{Cache: cache}); err != nil {
		t.Fatal(err)
	}
	data := cache.m[groupingKey(DefaultStoryOptions)]
	st, err := decodeBlockState(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.keys) != len(arts) || len(st.edges) == 0 || len(st.terms) == 0 || len(st.groups) == 0 {
		t.Fatalf("decoded state: %d articles, %d edges, %d terms, %d groups", len(st.keys), len(st.edges), len(st.terms), len(st.groups))
	}
	if !slices.Equal(st.encode(), data) {
		t.Error("encoding the decoded state gives other bytes")
	}
	for _, cut := range []int{0, 1, len(data) / 3, len(data) - 1} {
		if _, err := decodeBlockState(data[:cut]); err == nil {
			t.Errorf("cut to %d of %d bytes: decoded", cut, len(data))
		}
	}
	bad := slices.Clone(data)
	bad[0]++
	if _, err := decodeBlockState(bad); err == nil {
		t.Error("another version: decoded")
	}
	// A group that names an article twice.
	twice := *st
	twice.groups = append(slices.Clone(st.groups), st.groups[0][:1])
	if _, err := decodeBlockState(twice.encode()); err == nil {
		t.Error("an article in two groups: decoded")
	}
}
