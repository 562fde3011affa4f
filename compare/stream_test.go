package compare

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/crosscheck/crosscheck/claims"
)

// failing is a Source over claims in memory that fails for one article.
type failing struct {
	m    memory
	fail string
}

func (c *failing) Claims(ids ...string) ([]claims.Claim, error) {
	for _, id := range ids {
		if id == c.fail {
			return nil, errTest
		}
	}
	return c.m.Claims(ids...)
}

var errTest = errors.New("test failure")

func TestCompareFromMatchesCompare(t *testing.T) {
	arts, cs := seedArticles(t)
	want, err := Compare(context.Background(), arts, cs, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Discrepancies) == 0 || want.Comparisons == 0 {
		t.Fatalf("seeds: %d discrepancies, %d comparisons; want some", len(want.Discrepancies), want.Comparisons)
	}
	m := memoryOf(cs)
	for _, procs := range []int{1, 2, 8} {
		t.Run("", func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			got, err := CompareFrom(context.Background(), arts, &failing{m: m}, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, got, ignorePhases); d != "" {
				t.Errorf("GOMAXPROCS=%d: CompareFrom differs from Compare (-want +got):\n%s", procs, d)
			}
		})
	}
	// Articles in another order give the same result.
	rev := slices.Clone(arts)
	slices.Reverse(rev)
	got, err := CompareFrom(context.Background(), rev, m, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got, ignorePhases); d != "" {
		t.Errorf("articles reversed: result differs (-want +got):\n%s", d)
	}
	total := 0
	for _, n := range got.Claims {
		total += n
	}
	if total != len(cs) {
		t.Errorf("Claims counts %d claims, want %d", total, len(cs))
	}
}

func TestCompareFromSourceError(t *testing.T) {
	arts, cs := seedArticles(t)
	m := memoryOf(cs)
	_, err := CompareFrom(context.Background(), arts, &failing{m: m, fail: arts[1].ID}, nil, Options{})
	if !errors.Is(err, errTest) {
		t.Fatalf("CompareFrom with a failing source: error %v, want %v", err, errTest)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := CompareFrom(ctx, arts, m, nil, Options{}); err == nil {
		t.Error("CompareFrom with a cancelled context: no error")
	}
}

func TestStoryIndexCandidates(t *testing.T) {
	arts, cs := seedArticles(t)
	c := newCorpus(arts, cs)
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	x := c.newStoryIndex(ids)
	post := func(t string) []int32 {
		if id, ok := c.termIDs[t]; ok {
			return x.post[id]
		}
		return nil
	}
	found := 0
	for k, cl := range x.claims {
		var got []*claims.Claim
		for _, i := range x.candidates(k, 5) {
			got = append(got, x.claims[i])
		}
		if len(got) > 5 {
			t.Fatalf("%s: %d candidates, want at most 5", cl.ID, len(got))
		}
		for i, o := range got {
			if o.Article == cl.Article {
				t.Errorf("%s: candidate %s is of its own article", cl.ID, o.ID)
			}
			if i > 0 && o.ID == got[i-1].ID {
				t.Errorf("%s: candidate %s twice", cl.ID, o.ID)
			}
		}
		// A claim naming someone meets another article's claim naming him.
		for _, k := range entityKeys(cl) {
			if len(post("@"+k)) < 2 || len(post("@"+k)) > x.common {
				continue
			}
			others := 0
			for _, i := range post("@" + k) {
				if x.claims[i].Article != cl.Article {
					others++
				}
			}
			if others > 0 && len(got) == 0 {
				t.Errorf("%s: shares the name key %q with %d claims of other articles, but has no candidates", cl.ID, k, others)
			}
			found++
		}
	}
	if found == 0 {
		t.Error("no claim of the seeds shares a name key with another article's")
	}
}

// memoryOf is a Source over cs.
func memoryOf(cs []claims.Claim) memory {
	m := memory{}
	for _, c := range cs {
		m[c.Article] = append(m[c.Article], c)
	}
	return m
}

// mapCache is a Cache in memory.
type mapCache map[string][]byte

func (m mapCache) Get(key string) ([]byte, error) {
	return m[key], nil
}

func (m mapCache) Put(values map[string][]byte) error {
	for k, v := range values {
		m[k] = v
	}
	return nil
}

func (m mapCache) Prune(keep []string) error {
	kept := map[string]bool{}
	for _, k := range keep {
		kept[k] = true
	}
	for k := range m {
		if !kept[k] {
			delete(m, k)
		}
	}
	return nil
}

func TestCompareFromCache(t *testing.T) {
	arts, cs := seedArticles(t)
	for i := range arts {
		if arts[i].Hash == "" {
			t.Fatalf("article %s has no hash", arts[i].ID)
		}
	}
	m := memoryOf(cs)
	want, err := CompareFrom(context.Background(), arts, m, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cache := mapCache{}
	// A first run on all but one article fills the cache; adding the last
	// gives what a run without a cache gives, reusing the story it does not
	// join.
	if _, err := CompareFrom(context.Background(), arts[:len(arts)-1], m, nil, Options{Cache: cache}); err != nil {
		t.Fatal(err)
	}
	if len(cache) == 0 {
		t.Fatal("the cache is empty after a run")
	}
	got, err := CompareFrom(context.Background(), arts, m, nil, Options{Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	if got.Reused == 0 {
		t.Error("adding one article: no story reused")
	}
	if got.Reused == len(want.Stories) {
		t.Errorf("adding one article: all %d stories reused, want its own compared", got.Reused)
	}
	got.Reused = 0
	if d := cmp.Diff(want, got, ignorePhases); d != "" {
		t.Errorf("with a cache: result differs from a full comparison (-want +got):\n%s", d)
	}
	// Unchanged, every story with more than one article is reused.
	again, err := CompareFrom(context.Background(), arts, m, nil, Options{Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	multi := 0
	for _, s := range want.Stories {
		if len(s.Articles) > 1 {
			multi++
		}
	}
	if again.Reused != multi {
		t.Errorf("unchanged corpus: %d stories reused, want %d", again.Reused, multi)
	}
	again.Reused = 0
	if d := cmp.Diff(want, again, ignorePhases); d != "" {
		t.Errorf("all reused: result differs from a full comparison (-want +got):\n%s", d)
	}
	// A changed article (another hash) is compared again; a damaged entry
	// is not trusted.
	for k := range cache {
		cache[k] = []byte("damaged")
	}
	changed := slices.Clone(arts)
	changed[0].Hash = "0" + changed[0].Hash[1:]
	third, err := CompareFrom(context.Background(), changed, m, nil, Options{Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	if third.Reused != 0 {
		t.Errorf("damaged cache: %d stories reused, want 0", third.Reused)
	}
	if d := cmp.Diff(want.Discrepancies, third.Discrepancies); d != "" {
		t.Errorf("damaged cache: discrepancies differ (-want +got):\n%s", d)
	}
}

// Evidence is placed from the claims alone, as from the article's text.
func TestEvidenceWithoutText(t *testing.T) {
	arts, cs := seedArticles(t)
	want, err := Compare(context.Background(), arts, cs, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	bare := slices.Clone(arts)
	for i := range bare {
		bare[i].Text = ""
	}
	got, err := Compare(context.Background(), bare, cs, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want.Discrepancies, got.Discrepancies); d != "" {
		t.Errorf("articles without text: discrepancies differ (-with +without):\n%s", d)
	}
	for _, d := range got.Discrepancies {
		for _, ev := range d.Evidence {
			if ev.Column < 1 || ev.EndColumn <= ev.Column {
				t.Errorf("%s: evidence of %s at columns %d-%d", d.ID, ev.ClaimID, ev.Column, ev.EndColumn)
			}
		}
	}
}

func TestNthLargest(t *testing.T) {
	for _, xs := range [][]float64{{1}, {3, 1, 2}, {5, 5, 5, 1}, {0.5, 2, 9, 9, 3, 7, 1, 1, 8}} {
		sorted := slices.Clone(xs)
		slices.Sort(sorted)
		slices.Reverse(sorted)
		for n := 1; n <= len(xs); n++ {
			if got := nthLargest(slices.Clone(xs), n); got != sorted[n-1] {
				t.Errorf("nthLargest(%v, %d) = %v, want %v", xs, n, got, sorted[n-1])
			}
		}
	}
}

func TestMergeNear(t *testing.T) {
	first := func(id string) string {
		return map[string]string{"nrw/last": "UNRWA", "nwr/last": "Unwra", "ntv/last": "Ntov", "tnv/last": "Tnov"}[id]
	}
	ids := []string{"ntv/last", "nwr/last", "nrw/last", "nrw/first", "tnv/last"}
	kept, into := mergeNear(ids, first)
	// Keys one swap of neighbours apart merge when their spellings match;
	// a swap of the first sound, or another position, is another name.
	if d := cmp.Diff([]string{"nrw/first", "nrw/last", "ntv/last", "tnv/last"}, kept); d != "" {
		t.Errorf("kept (-want +got):\n%s", d)
	}
	if d := cmp.Diff(map[string]string{"nwr/last": "nrw/last"}, into); d != "" {
		t.Errorf("merged (-want +got):\n%s", d)
	}
}

// ignorePhases leaves out the phase timings when comparing results.
var ignorePhases = cmpopts.IgnoreFields(Result{}, "Phases")

// counting is a Source that counts the articles whose claims it gave.
type counting struct {
	m    memory
	read atomic.Int64
}

func (c *counting) Claims(ids ...string) ([]claims.Claim, error) {
	c.read.Add(int64(len(ids)))
	return c.m.Claims(ids...)
}

// TestCompareFromCachedMentions checks that a story read from the cache
// brings its mentions of names along, so that its claims are not read
// again, and that when names are merged otherwise (a spelling came or
// went with another article) its mentions are read anew, cached again, and
// the result is still that of a comparison without a cache.
func TestCompareFromCachedMentions(t *testing.T) {
	arts, cs := seedArticles(t)
	m := memoryOf(cs)
	// Without the one article that writes Rakhmon, Rahmon is no variant.
	var rest []claims.Article
	for _, a := range arts {
		if !strings.HasPrefix(a.ID, "004_") {
			rest = append(rest, a)
		}
	}
	if len(rest) != len(arts)-1 {
		t.Fatalf("the seeds have no article 004_")
	}
	cache := mapCache{}
	for _, run := range []struct {
		name string
		arts []claims.Article
		// cached says the run reads no claims: every article's scan
		// record and every story come from the cache, the stories with
		// their mentions.
		cached bool
	}{
		{"first run", arts, false},
		{"unchanged", arts, true},
		{"a spelling gone", rest, false},
		{"unchanged again", rest, true},
		{"the spelling back", arts, false},
	} {
		want, err := CompareFrom(context.Background(), run.arts, m, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		src := &counting{m: m}
		got, err := CompareFrom(context.Background(), run.arts, src, nil, Options{Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		got.Reused = 0
		if d := cmp.Diff(want, got, ignorePhases); d != "" {
			t.Errorf("%s: result differs from a comparison without a cache (-want +got):\n%s", run.name, d)
		}
		read := int(src.read.Load())
		if run.cached && read != 0 {
			t.Errorf("%s: claims of %d articles read, want none", run.name, read)
		}
		if !run.cached && read == 0 {
			t.Errorf("%s: no claims read", run.name)
		}
	}
}

// gets is a mapCache that counts the keys read with a given prefix; it
// is read from several goroutines.
type gets struct {
	mapCache
	prefix string
	n      atomic.Int64
}

func (c *gets) Get(key string) ([]byte, error) {
	if strings.HasPrefix(key, c.prefix) {
		c.n.Add(1)
	}
	return c.mapCache.Get(key)
}

// TestCompareFromPairsApart checks that a story's corroborating pairs are
// cached apart from its findings: read only when its support is given
// again (no Options.Variants), and when they are missing the story is
// compared again, to the same result.
func TestCompareFromPairsApart(t *testing.T) {
	arts, cs := seedArticles(t)
	m := memoryOf(cs)
	want, err := CompareFrom(context.Background(), arts, m, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cache := &gets{mapCache: mapCache{}, prefix: "pairs-"}
	keep := Options{Cache: cache, Variants: func([]string, map[string]Support, bool) error { return nil }, Support: func([]string, map[string]Support) error { return nil }}
	if _, err := CompareFrom(context.Background(), arts, m, nil, keep); err != nil {
		t.Fatal(err)
	}
	pairsOf := func() int {
		n := 0
		for k := range cache.mapCache {
			if strings.HasPrefix(k, "pairs-") {
				n++
			}
		}
		return n
	}
	pairs := pairsOf()
	if pairs == 0 {
		t.Fatal("no corroborating pairs cached")
	}
	cache.n.Store(0)
	got, err := CompareFrom(context.Background(), arts, m, nil, keep)
	if err != nil {
		t.Fatal(err)
	}
	if n := cache.n.Load(); n != 0 || got.Reused == 0 {
		t.Errorf("unchanged, support notes kept: %d pairs read, %d stories reused; want none read, some reused", n, got.Reused)
	}
	if n := pairsOf(); n != pairs {
		t.Fatalf("unchanged: %d stories' pairs kept, want %d", n, pairs)
	}

	// Support given again: the pairs are read, or the story compared
	// again when they are gone.
	cache.n.Store(0)
	got, err = CompareFrom(context.Background(), arts, m, nil, Options{Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	if n := cache.n.Load(); n != int64(pairs) || got.Reused != pairs {
		t.Errorf("support given again: %d pairs read and %d stories reused, want %d", n, got.Reused, pairs)
	}
	got.Reused = 0
	if d := cmp.Diff(want, got, ignorePhases); d != "" {
		t.Errorf("from the cache: result differs (-want +got):\n%s", d)
	}
	for k := range cache.mapCache {
		if strings.HasPrefix(k, "pairs-") {
			delete(cache.mapCache, k)
		}
	}
	src := &counting{m: m}
	got, err = CompareFrom(context.Background(), arts, src, nil, Options{Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	if got.Reused != 0 || src.read.Load() == 0 {
		t.Errorf("pairs gone: %d stories reused, claims of %d articles read; want none reused, the stories compared", got.Reused, src.read.Load())
	}
	got.Reused = 0
	if d := cmp.Diff(want, got, ignorePhases); d != "" {
		t.Errorf("pairs gone: result differs (-want +got):\n%s", d)
	}
}

// TestCompareFromVariantsApart checks Options.Variants: with it, Support is
// given the stories compared in this run only, each before its findings are
// cached, and the support of stories and of name variants together is what
// a comparison gathers into Result.Support.
func TestCompareFromVariantsApart(t *testing.T) {
	arts, cs := seedArticles(t)
	m := memoryOf(cs)
	want, err := CompareFrom(context.Background(), arts, m, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Support) == 0 {
		t.Fatal("the seeds give no support")
	}
	// Findings are put one story at a time, so that each put comes
	// between the support of two stories.
	defer func(n int) { cacheFlush = n }(cacheFlush)
	cacheFlush = 1
	cache := &recordingCache{mapCache: mapCache{}, stories: map[string][]string{}, given: map[string]bool{}}
	keyOf := map[string]string{}
	for i := range arts {
		keyOf[arts[i].ID] = scanKey(&arts[i])
	}
	for _, s := range want.Stories {
		cache.stories[storyKey(s, keyOf, Options{Limit: 40, Stories: DefaultStoryOptions})] = s.Articles
	}
	run := func() (stories []string, variants int, support map[string]Support) {
		t.Helper()
		support = map[string]Support{}
		gather := func(s map[string]Support) {
			for id, sp := range s {
				o := support[id]
				o.Corroborated = append(o.Corroborated, sp.Corroborated...)
				o.Contradicted = append(o.Contradicted, sp.Contradicted...)
				slices.Sort(o.Contradicted)
				support[id] = o
			}
		}
		opt := Options{Cache: cache,
			Support: func(articles []string, s map[string]Support) error {
				stories = append(stories, articles[0])
				for _, a := range articles {
					cache.given[a] = true
				}
				gather(s)
				return nil
			},
			Variants: func(_ []string, s map[string]Support, _ bool) error {
				variants++
				cache.variants = true
				gather(s)
				return nil
			}}
		cache.variants = false
		if _, err := CompareFrom(context.Background(), arts, m, nil, opt); err != nil {
			t.Fatal(err)
		}
		return stories, variants, support
	}
	stories, variants, support := run()
	if len(stories) != len(want.Stories) || variants != 1 {
		t.Errorf("first run: support given for %d stories and variants %d times, want %d and 1", len(stories), variants, len(want.Stories))
	}
	if d := cmp.Diff(want.Support, support); d != "" {
		t.Errorf("support of stories and variants (-gathered +given):\n%s", d)
	}
	for _, a := range cache.early {
		t.Errorf("%s: findings cached before the support of its story was given", a)
	}
	multi := 0
	for _, s := range want.Stories {
		if len(s.Articles) > 1 {
			multi++
		}
	}
	stories, variants, support = run()
	if len(stories) != len(want.Stories)-multi || variants != 1 {
		t.Errorf("unchanged: support given for %d stories and variants %d times, want %d (those not cached) and 1",
			len(stories), variants, len(want.Stories)-multi)
	}
	for id, sp := range support {
		if len(sp.Corroborated) > 0 {
			t.Errorf("unchanged: claim %s given corroboration again", id)
		}
	}

	// A spelling gone: the stories that mentioned it are cached again with
	// their mentions read anew, and keep their corroboration for a run
	// that gives the support of every story.
	var rest []claims.Article
	for _, a := range arts {
		if !strings.HasPrefix(a.ID, "004_") {
			rest = append(rest, a)
		}
	}
	arts = rest
	run()
	wantRest, err := CompareFrom(context.Background(), rest, m, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := CompareFrom(context.Background(), rest, m, nil, Options{Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	if got.Reused == 0 {
		t.Error("a spelling gone, then unchanged: no story reused")
	}
	if d := cmp.Diff(wantRest.Support, got.Support); d != "" {
		t.Errorf("support from stories cached again (-want +got):\n%s", d)
	}
}

// recordingCache is a mapCache that notes the stories whose findings were
// put before the support of their articles was given; stories maps each
// story's key to its articles.
type recordingCache struct {
	mapCache
	stories map[string][]string
	given   map[string]bool
	// variants is set once the support of name variants is given.
	variants bool
	early    []string
}

func (c *recordingCache) Put(values map[string][]byte) error {
	for k := range values {
		if strings.HasPrefix(k, "scan-") {
			continue // an article's scan record
		}
		if strings.HasPrefix(k, "variant-") {
			if !c.variants {
				c.early = append(c.early, "name variant "+k)
			}
			continue
		}
		as, ok := c.stories[strings.TrimPrefix(strings.TrimPrefix(k, "pairs-"), "spots-")]
		if !ok {
			c.early = append(c.early, "unknown key "+k)
		}
		for _, a := range as {
			if !c.given[a] {
				c.early = append(c.early, a)
			}
		}
	}
	return c.mapCache.Put(values)
}

// TestComparisonsArePairsComparedOnce checks that each story compares every
// pair of claims it meets once: the claims of a shared measure group
// (measureGroups) and each claim's candidates, counted as distinct pairs,
// are the comparisons reported.
func TestComparisonsArePairsComparedOnce(t *testing.T) {
	arts, cs := seedArticles(t)
	m := memoryOf(cs)
	res, err := CompareFrom(context.Background(), arts, m, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := &global{arts: map[string]*claims.Article{}}
	for i := range arts {
		g.arts[arts[i].ID] = &arts[i]
	}
	want, grouped := 0, 0
	for _, s := range res.Stories {
		if len(s.Articles) < 2 {
			continue
		}
		scs, err := m.Claims(s.Articles...)
		if err != nil {
			t.Fatal(err)
		}
		c := newStoryCorpus(g, s.Articles, scs)
		pairs := map[[2]string]bool{}
		meet := func(a, b *claims.Claim) {
			if a.Article != b.Article {
				pairs[[2]string{min(a.ID, b.ID), max(a.ID, b.ID)}] = true
			}
		}
		for _, group := range c.measureGroups(s.Articles) {
			for i, a := range group {
				for _, b := range group[i+1:] {
					meet(a, b)
					grouped++
				}
			}
		}
		x := c.newStoryIndex(s.Articles)
		for k, cl := range x.claims {
			for _, i := range x.candidates(k, 40) {
				meet(cl, x.claims[i])
			}
		}
		want += len(pairs)
	}
	if grouped == 0 {
		t.Fatal("no claims of the seeds share a measure group: the test shows nothing")
	}
	if res.Comparisons != want {
		t.Errorf("%d comparisons, want %d distinct pairs", res.Comparisons, want)
	}
}

// TestPairSet adds random pairs, in either order, to sets of a bit per pair
// and of a map, and checks that each reports a pair new exactly when it is.
func TestPairSet(t *testing.T) {
	for _, n := range []int{2, 3, 64, 300, densePairs, densePairs + 1} {
		s := newPairSet(n, 16)
		if dense := n <= densePairs; (s.bits != nil) != dense {
			t.Fatalf("n = %d: bits %v, want dense %v", n, s.bits != nil, dense)
		}
		want := map[[2]int32]bool{}
		rng := rand.New(rand.NewPCG(uint64(n), 1))
		for range 5000 {
			p, q := int32(rng.IntN(n)), int32(rng.IntN(n))
			if p == q {
				continue
			}
			// Pairs at the ends of the numbering, where a bit's place is
			// easiest to get wrong, as often as the others.
			if rng.IntN(4) == 0 {
				p, q = int32(n-1), int32(rng.IntN(n-1))
			}
			k := [2]int32{min(p, q), max(p, q)}
			if got := s.add(p, q); got != !want[k] {
				t.Fatalf("n = %d: add(%d, %d) = %v, want %v", n, p, q, got, !want[k])
			}
			want[k] = true
		}
	}
}

// TestProgress follows a comparison's progress: one call per story, in
// order, with the number of stories, whether a story is compared or read
// from the cache.
func TestProgress(t *testing.T) {
	arts, cs := seedArticles(t)
	m := memoryOf(cs)
	cache := mapCache{}
	for _, run := range []string{"compared", "from the cache"} {
		var got [][2]int
		opt := Options{Cache: cache, Progress: func(done, total int) {
			got = append(got, [2]int{done, total})
		}}
		res, err := CompareFrom(context.Background(), arts, m, nil, opt)
		if err != nil {
			t.Fatal(err)
		}
		n := len(res.Stories)
		if n < 2 {
			t.Fatalf("%d stories in the seeds, want several", n)
		}
		if (res.Reused > 0) != (run == "from the cache") {
			t.Fatalf("%s: %d stories reused", run, res.Reused)
		}
		var want [][2]int
		for i := range n {
			want = append(want, [2]int{i + 1, n})
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: progress (-want +got):\n%s", run, d)
		}
	}
}

// TestCompareFromVariantsIncremental checks that the name variants are
// built only for the groups whose mentions changed, the others read from
// the cache, and that what Variants is given keeps a record of each
// article's disputes by name variants equal to that of a run without a
// cache: a run with nothing changed builds none and gives no article; an
// article changed in one story rebuilds the groups that story mentions.
func TestCompareFromVariantsIncremental(t *testing.T) {
	arts, cs := seedArticles(t)
	m := memoryOf(cs)
	cache := mapCache{}
	// notes is what a caller keeps of Variants: per article, the support
	// of its claims.
	notes := map[string]map[string]Support{}
	run := func(arts []claims.Article, m memory) (Result, []string, bool) {
		t.Helper()
		var given []string
		var complete bool
		opt := Options{Cache: cache,
			Support: func([]string, map[string]Support) error { return nil },
			Variants: func(articles []string, s map[string]Support, all bool) error {
				given, complete = articles, all
				if all {
					clear(notes)
				}
				for _, a := range articles {
					delete(notes, a)
				}
				for id, sp := range s {
					a, _, _ := strings.Cut(id, ":")
					if notes[a] == nil {
						notes[a] = map[string]Support{}
					}
					notes[a][id] = sp
				}
				return nil
			}}
		res, err := CompareFrom(context.Background(), arts, m, nil, opt)
		if err != nil {
			t.Fatal(err)
		}
		return res, given, complete
	}
	// fresh is the result of a run without a cache, and the disputes by
	// name variants of each article.
	fresh := func(arts []claims.Article, m memory) (Result, map[string]map[string]Support) {
		t.Helper()
		res, err := CompareFrom(context.Background(), arts, m, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]map[string]Support{}
		for id, sp := range res.Support {
			var vs []string
			for _, d := range sp.Contradicted {
				if strings.HasPrefix(d, "name-variant-") {
					vs = append(vs, d)
				}
			}
			if len(vs) > 0 {
				a, _, _ := strings.Cut(id, ":")
				if out[a] == nil {
					out[a] = map[string]Support{}
				}
				out[a][id] = Support{Contradicted: vs}
			}
		}
		res.Support, res.Reused = nil, 0
		return res, out
	}
	check := func(what string, res Result, arts []claims.Article, m memory) {
		t.Helper()
		want, wantNotes := fresh(arts, m)
		res.Support, res.Reused = nil, 0
		if d := cmp.Diff(want, res, ignorePhases); d != "" {
			t.Errorf("%s: result differs from a run without a cache (-want +got):\n%s", what, d)
		}
		if len(wantNotes) == 0 {
			t.Fatalf("%s: no claim is disputed by a name variant", what)
		}
		if d := cmp.Diff(wantNotes, notes); d != "" {
			t.Errorf("%s: disputes by name variants kept from Variants (-without a cache +kept):\n%s", what, d)
		}
	}

	res, _, complete := run(arts, m)
	groups := res.Phases.VariantGroups
	if groups < 2 || res.Phases.VariantsBuilt != groups || !complete {
		t.Fatalf("first run: %d of %d groups built, complete %v; want all of at least 2, complete", res.Phases.VariantsBuilt, groups, complete)
	}
	check("first run", res, arts, m)

	res, given, complete := run(arts, m)
	if res.Phases.VariantsBuilt != 0 || len(given) != 0 || complete {
		t.Errorf("unchanged: %d groups built, articles given %v, complete %v; want none, none, false", res.Phases.VariantsBuilt, given, complete)
	}
	check("unchanged", res, arts, m)

	// One article of the story with the fewest mentioned groups changes.
	var story Story
	fewest := groups + 1
	for _, s := range res.Stories {
		n := 0
		for _, g := range res.Discrepancies {
			if g.Kind == NameVariant && slices.ContainsFunc(g.Evidence, func(ev Evidence) bool { return slices.Contains(s.Articles, ev.Article) }) {
				n++
			}
		}
		if n > 0 && n < fewest {
			story, fewest = s, n
		}
	}
	if fewest >= groups {
		t.Fatalf("every story mentions all %d groups: no group can stay unchanged", groups)
	}
	changed := slices.Clone(arts)
	m2 := maps.Clone(m)
	// rewrite gives the article id the text edit makes of its own, and
	// extracts its claims again.
	rewrite := func(id string, edit func(string) string) {
		t.Helper()
		for i := range changed {
			if a := &changed[i]; a.ID == id {
				a.Text = edit(a.Text)
				a.Hash = fmt.Sprintf("%x", sha256.Sum256([]byte(a.Text)))
				cls, err := extractor(t).Extract(a)
				if err != nil {
					t.Fatal(err)
				}
				m2[a.ID] = cls
			}
		}
	}
	rewrite(story.Articles[0], func(s string) string { return s + "\n\nThe talks went on late into the night." })
	res, given, complete = run(changed, m2)
	if b := res.Phases.VariantsBuilt; b == 0 || b >= groups || complete {
		t.Errorf("one article changed: %d of %d groups built, complete %v; want some, not all, not complete", b, groups, complete)
	}
	for _, a := range story.Articles {
		if !slices.Contains(given, a) {
			t.Errorf("one article changed: its story's article %s not given to Variants (given %v)", a, given)
		}
	}
	check("one article changed", res, changed, m2)

	// A spelling that one article alone writes gives way to the common
	// one, in the name written the most ways: the name stays a variant,
	// another one, for the articles of every story naming it.
	var from, to, in string
	most := 0
	for _, d := range res.Discrepancies {
		if d.Kind != NameVariant || len(d.Spellings) < 3 || len(d.Spellings) <= most {
			continue
		}
		for _, sp := range d.Spellings[1:] {
			if len(sp.Counts) == 1 {
				most = len(d.Spellings)
				for a := range sp.Counts {
					from, to, in = sp.Text, d.Canonical, a
				}
			}
		}
	}
	if from == "" {
		t.Fatal("no name written three ways or more with a spelling of one article alone")
	}
	rewrite(in, func(s string) string { return strings.ReplaceAll(s, from, to) })
	res, _, _ = run(changed, m2)
	check(fmt.Sprintf("%s written %s in %s", from, to, in), res, changed, m2)
}

// TestNameVariantsChanged checks which articles nameVariants reports as
// changed when one story's mentions of a name change: those of every
// story naming it, whose disputes change with the variant, though their
// own mentions stay in the cache.
func TestNameVariantsChanged(t *testing.T) {
	const root = "kvlnk/last"
	stories := []Story{{ID: "story-1", Articles: []string{"a"}}, {ID: "story-2", Articles: []string{"b"}}, {ID: "story-3", Articles: []string{"c"}}}
	g := &global{
		names: &nameGroups{into: map[string]string{root: root}, lower: map[string]bool{}, mentioned: map[string]bool{"a": true, "b": true, "c": true},
			spellings: map[string][]string{root: {"kovalenco", "kovalenko", "kowalenko"}}},
		rank: map[string]int{"a": 0, "b": 1, "c": 2},
	}
	spotOf := func(article, text string) spot {
		return spot{group: root, spelling: strings.ToLower(text), text: text, article: article, rank: g.rank[article], count: 1,
			first: Evidence{Article: article, ClaimID: article + ":1", Sentence: "Mr " + text + " spoke."}}
	}
	storyOf := map[string]string{"a": "story-1", "b": "story-2", "c": "story-3"}
	// names are the stories' mentions, the first two's in the cache when
	// cached.
	names := func(third string, cached bool) []storyNames {
		ns := []storyNames{
			{roots: []string{root}, spotted: []spot{spotOf("a", "Kovalenko")}, cached: cached},
			{roots: []string{root}, spotted: []spot{spotOf("b", "Kowalenko")}, cached: cached},
			{roots: []string{root}, spotted: []spot{spotOf("c", third)}},
		}
		if cached {
			ns[0].spotted, ns[1].spotted = nil, nil
		}
		return ns
	}
	cache := mapCache{}
	for i, k := range []string{"k1", "k2"} {
		data, err := encodeSpots(names("", false)[i].spotted)
		if err != nil {
			t.Fatal(err)
		}
		cache[spotsKey(k)] = data
	}
	first, err := g.nameVariants(stories, names("Kovalenco", false), []string{"k1", "k2", "k3"}, storyOf, nil, cache)
	if err != nil {
		t.Fatal(err)
	}
	maps.Copy(cache, first.puts)
	if len(first.found) != 1 || len(first.found[0].Spellings) != 3 || first.built != 1 {
		t.Fatalf("first run: %d variants built of %d, found %+v; want one of three spellings", first.built, first.groups, first.found)
	}
	// Nothing changed but the third story's key: its article only.
	again, err := g.nameVariants(stories, names("Kovalenco", true), []string{"k1", "k2", "k3"}, storyOf, nil, cache)
	if err != nil {
		t.Fatal(err)
	}
	if again.built != 0 || !slices.Equal(again.changed, []string{"c"}) {
		t.Errorf("unchanged: %d built, changed %v; want none built, [c] (its story not cached)", again.built, again.changed)
	}
	// An article added before them all, in a story of its own: the
	// stories are numbered anew and the articles ranked anew, in the same
	// order; the variant, of three stories, holds.
	shifted := slices.Clone(stories)
	for i := range shifted {
		shifted[i].ID = fmt.Sprintf("story-%d", i+2)
	}
	for a := range g.rank {
		g.rank[a]++
	}
	moved, err := g.nameVariants(shifted, names("Kovalenco", true), []string{"k1", "k2", "k3"}, map[string]string{"a": "story-2", "b": "story-3", "c": "story-4"}, nil, cache)
	if err != nil {
		t.Fatal(err)
	}
	if moved.built != 0 {
		t.Errorf("stories numbered and articles ranked anew: %d variants built, want none", moved.built)
	}
	// The third story now writes the name as the first does: the variant
	// is another, of two spellings, for all three.
	got, err := g.nameVariants(stories, names("Kovalenko", true), []string{"k1", "k2", "k3x"}, storyOf, nil, cache)
	if err != nil {
		t.Fatal(err)
	}
	if got.built != 1 || len(got.found) != 1 || len(got.found[0].Spellings) != 2 || got.found[0].ID == first.found[0].ID {
		t.Fatalf("one story changed: %d built, found %+v; want one variant built anew, of two spellings", got.built, got.found)
	}
	if !slices.Equal(got.changed, []string{"a", "b", "c"}) {
		t.Errorf("one story changed: changed %v, want [a b c]", got.changed)
	}
	byArticle := func(d Discrepancy) map[string]Evidence {
		out := map[string]Evidence{}
		for _, ev := range d.Evidence {
			if ev.Article != "c" {
				out[ev.Article] = ev
			}
		}
		return out
	}
	if d := cmp.Diff(byArticle(first.found[0]), byArticle(got.found[0])); d != "" {
		t.Errorf("mentions read back from the cache differ (-first +now):\n%s", d)
	}
}
