package compare

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/crosscheck/crosscheck/claims"
)

// The pairwise grouping that groupStories must agree with on small
// corpora: the similarity of every pair of articles, then, again and again,
// the merge of the two groups of highest average similarity.

func referenceVectors(arts []claims.Article, byArticle map[string][]*claims.Claim) []map[string]float64 {
	tfs := make([]map[string]float64, len(arts))
	df := map[string]int{}
	for i, a := range arts {
		tf := map[string]float64{}
		for _, c := range byArticle[a.ID] {
			ws := words(c.Text)
			for j, w := range ws {
				tf[w]++
				if j > 0 {
					tf[ws[j-1]+" "+w]++
				}
			}
			for _, k := range entityKeys(c) {
				tf["@"+k]++
			}
		}
		for t := range tf {
			df[t]++
		}
		tfs[i] = tf
	}
	n := float64(len(arts))
	for _, tf := range tfs {
		for t, f := range tf {
			w := (1 + math.Log(f)) * math.Log((n+1)/float64(df[t]))
			if df[t] < 2 {
				w *= singletonWeight
			}
			tf[t] = w
		}
	}
	return tfs
}

func referenceCosine(a, b map[string]float64) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var dot, na, nb float64
	for t, x := range a {
		na += x * x
		dot += x * b[t]
	}
	for _, y := range b {
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// referenceLinkage groups n items of similarities sim by average linkage
// over all pairs; a negative similarity keeps its two items apart.
func referenceLinkage(sim [][]float64, threshold float64) [][]int {
	groups := make([][]int, len(sim))
	for i := range groups {
		groups[i] = []int{i}
	}
	link := func(a, b []int) float64 {
		var sum float64
		for _, i := range a {
			for _, j := range b {
				if sim[i][j] < 0 {
					return -1
				}
				sum += sim[i][j]
			}
		}
		return sum / float64(len(a)*len(b))
	}
	for {
		bi, bj, best := -1, -1, threshold
		for i := range groups {
			for j := i + 1; j < len(groups); j++ {
				if s := link(groups[i], groups[j]); s >= best {
					bi, bj, best = i, j, s
				}
			}
		}
		if bi < 0 {
			return groups
		}
		groups[bi] = append(groups[bi], groups[bj]...)
		groups = append(groups[:bj], groups[bj+1:]...)
	}
}

// referenceStories groups arts by comparing all pairs.
func referenceStories(arts []claims.Article, byArticle map[string][]*claims.Claim, opt StoryOptions) [][]string {
	vecs := referenceVectors(arts, byArticle)
	sim := make([][]float64, len(arts))
	for i := range sim {
		sim[i] = make([]float64, len(arts))
	}
	for i := range arts {
		for j := i + 1; j < len(arts); j++ {
			s := referenceCosine(vecs[i], vecs[j]) * dateFactor(arts[i], arts[j], opt)
			sim[i][j], sim[j][i] = s, s
		}
	}
	var out [][]string
	for _, g := range referenceLinkage(sim, opt.Threshold) {
		var ids []string
		for _, i := range g {
			ids = append(ids, arts[i].ID)
		}
		out = append(out, ids)
	}
	return canonicalGroups(out)
}

// canonicalGroups sorts each group and the groups by their first id.
func canonicalGroups(gs [][]string) [][]string {
	for _, g := range gs {
		sort.Strings(g)
	}
	sort.Slice(gs, func(i, j int) bool { return gs[i][0] < gs[j][0] })
	return gs
}

func storyGroups(ss []Story) [][]string {
	var out [][]string
	for _, s := range ss {
		out = append(out, slices.Clone(s.Articles))
	}
	return canonicalGroups(out)
}

// evalDir locates the shared evaluation data: $CROSSCHECK_EVAL, else the
// shared folder beside the repository. It skips the test when absent.
func evalDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("CROSSCHECK_EVAL")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "eval")
	}
	if _, err := os.Stat(filepath.Join(dir, "clusters")); err != nil {
		t.Skipf("evaluation data not found in %s (set CROSSCHECK_EVAL): %v", dir, err)
	}
	return dir
}

// loadCorpus reads and extracts the articles of paths.
func loadCorpus(t *testing.T, paths ...string) ([]claims.Article, map[string][]*claims.Claim) {
	t.Helper()
	arts, errs := claims.Load(paths, claims.LoadOptions{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	x := extractor(t)
	var vals []claims.Article
	byArticle := map[string][]*claims.Claim{}
	for _, a := range arts {
		cs, errs := x.Extract(a)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		for i := range cs {
			byArticle[a.ID] = append(byArticle[a.ID], &cs[i])
		}
		vals = append(vals, *a)
	}
	return vals, byArticle
}

// checkAllWays groups arts comparing all pairs and only blocked pairs, and
// checks both against the pairwise reference and want (when given).
func checkAllWays(t *testing.T, arts []claims.Article, byArticle map[string][]*claims.Claim, want [][]string) {
	t.Helper()
	ref := referenceStories(arts, byArticle, DefaultStoryOptions)
	if want != nil {
		if diff := cmp.Diff(canonicalGroups(want), ref); diff != "" {
			t.Fatalf("the pairwise reference groups otherwise (-want +got):\n%s", diff)
		}
	}
	for _, blocked := range []bool{false, true} {
		got := storyGroups(storiesOf(arts, byArticle, DefaultStoryOptions, blocked))
		if diff := cmp.Diff(ref, got); diff != "" {
			t.Errorf("blocked=%v: stories differ from the pairwise grouping (-want +got):\n%s", blocked, diff)
		}
	}
}

func TestGroupStoriesSeeds(t *testing.T) {
	arts, byArticle := loadCorpus(t, filepath.Join("..", "seeds"))
	byPrefix := map[string]string{}
	for _, a := range arts {
		byPrefix[a.ID[:3]] = a.ID
	}
	want := [][]string{
		{byPrefix["000"], byPrefix["001"], byPrefix["004"]},
		{byPrefix["002"], byPrefix["003"]},
	}
	checkAllWays(t, arts, byArticle, want)
	ss := groupStories(arts, byArticle, DefaultStoryOptions)
	for i, s := range ss {
		if id := fmt.Sprintf("story-%d", i+1); s.ID != id {
			t.Errorf("story %d has id %q, want %q", i, s.ID, id)
		}
	}
}

func TestGroupStoriesEvalClusters(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(evalDir(t), "clusters", "*"))
	if err != nil || len(dirs) == 0 {
		t.Skipf("no clusters: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			arts, byArticle := loadCorpus(t, dir)
			var all []string
			for _, a := range arts {
				all = append(all, a.ID)
			}
			checkAllWays(t, arts, byArticle, [][]string{all})
		})
	}
}

func TestGroupStoriesTxtar(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "detectors", "stories.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		if f.Name != "want" {
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	arts, byArticle := loadCorpus(t, dir)
	checkAllWays(t, arts, byArticle, [][]string{{"a", "b"}, {"c", "d"}})
}

func TestGroupStoriesSynthetic(t *testing.T) {
	noWindow := DefaultStoryOptions
	noWindow.Window = 0
	tests := []struct {
		name    string
		spec    synthSpec
		opt     StoryOptions
		blocked bool // compare only blocked pairs even when few
	}{
		{"40 stories of 5", synthSpec{stories: 40, perStory: 5, sentences: 12, days: 60, seed: 1}, DefaultStoryOptions, false},
		{"40 stories of 5 blocked", synthSpec{stories: 40, perStory: 5, sentences: 12, days: 60, seed: 1}, DefaultStoryOptions, true},
		{"some undated", synthSpec{stories: 40, perStory: 5, sentences: 12, days: 60, undated: 3, seed: 2}, DefaultStoryOptions, false},
		{"some undated blocked", synthSpec{stories: 40, perStory: 5, sentences: 12, days: 60, undated: 3, seed: 2}, DefaultStoryOptions, true},
		{"sequels a month later", synthSpec{stories: 40, perStory: 5, sentences: 12, days: 60, sequels: true, seed: 3}, DefaultStoryOptions, false},
		{"sequels a month later blocked", synthSpec{stories: 40, perStory: 5, sentences: 12, days: 60, sequels: true, seed: 3}, DefaultStoryOptions, true},
		{"all on one day", synthSpec{stories: 40, perStory: 5, sentences: 12, days: 0, seed: 4}, DefaultStoryOptions, true},
		{"no window", synthSpec{stories: 40, perStory: 5, sentences: 12, days: 60, seed: 5}, noWindow, true},
		{"many and large", synthSpec{stories: 40, perStory: 12, sentences: 12, days: 30, undated: 5, sequels: true, seed: 6}, DefaultStoryOptions, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newSynthCorpus(tt.spec)
			var got []Story
			if tt.blocked {
				got = storiesOf(c.arts, c.byArticle, tt.opt, true)
			} else {
				got = groupStories(c.arts, c.byArticle, tt.opt)
			}
			if bad := c.misgrouped(got); bad > 0 || len(got) != tt.spec.stories {
				t.Errorf("%d stories, %d of them not found whole and apart; want %d", len(got), bad, tt.spec.stories)
			}
		})
	}
}

// TestGroupStoriesLikeReference checks the grouping against the pairwise
// reference on corpora whose stories blur into each other: they share
// names and topic words, so that what is grouped depends on the averages
// near the threshold.
func TestGroupStoriesLikeReference(t *testing.T) {
	for seed := range uint64(6) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			c := newSynthCorpus(synthSpec{stories: 12, perStory: 4, sentences: 6, days: 20, undated: 4, sequels: true, seed: 100 + seed})
			blur(c, seed)
			ref := referenceStories(c.arts, c.byArticle, DefaultStoryOptions)
			got := storyGroups(storiesOf(c.arts, c.byArticle, DefaultStoryOptions, false))
			if diff := cmp.Diff(ref, got); diff != "" {
				t.Errorf("stories differ from the pairwise grouping (-want +got):\n%s", diff)
			}
			if len(ref) == len(c.arts) || len(ref) == 1 {
				t.Errorf("the corpus is too easy: %d stories of %d articles", len(ref), len(c.arts))
			}
		})
	}
}

// blur adds to each article a few sentences made of other stories'
// sentences.
func blur(c synthCorpus, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 7))
	var all []*claims.Claim
	for _, a := range c.arts {
		all = append(all, c.byArticle[a.ID]...)
	}
	for _, a := range c.arts {
		for range rng.IntN(4) {
			c.byArticle[a.ID] = append(c.byArticle[a.ID], all[rng.IntN(len(all))])
		}
	}
}

// TestBlockedEdgesLaterArticle checks that an article published after all
// the others brings edges of its own and changes none of the others': what
// blocking knows of an article depends on the articles before it only.
func TestBlockedEdgesLaterArticle(t *testing.T) {
	for _, undated := range []int{0, 3} {
		t.Run(fmt.Sprintf("undated=%d", undated), func(t *testing.T) {
			c := newSynthCorpus(synthSpec{stories: 60, perStory: 6, sentences: 10, days: 40, undated: undated, seed: 21})
			order := byDate(c.arts)
			last := c.arts[order[len(order)-1]]
			var before []claims.Article
			for _, a := range c.arts {
				if a.ID != last.ID {
					before = append(before, a)
				}
			}
			edgesOf := func(arts []claims.Article) map[[2]string]float64 {
				order := byDate(arts)
				out := map[[2]string]float64{}
				edges, _ := blockedEdges(arts, order, newTermVectors(arts, c.byArticle, order), DefaultStoryOptions)
				for _, e := range edges {
					out[[2]string{arts[e.a].ID, arts[e.b].ID}] = e.s
				}
				return out
			}
			was, now := edgesOf(before), edgesOf(append(before, last))
			added := 0
			for p, s := range now {
				if p[0] == last.ID || p[1] == last.ID {
					added++
					continue
				}
				if w, ok := was[p]; !ok || w != s {
					t.Errorf("edge %v: %v after adding %s, was %v (found: %v)", p, s, last.ID, w, ok)
				}
			}
			for p := range was {
				if _, ok := now[p]; !ok {
					t.Errorf("edge %v lost after adding %s", p, last.ID)
				}
			}
			if added == 0 || len(was) < len(c.arts) {
				t.Errorf("%d edges before, %d added by %s: too few to tell", len(was), added, last.ID)
			}
		})
	}
}

// TestBlockStateExtend checks that grouping a corpus from the state of the
// last run, when later articles are added, gives the stories and the state
// that grouping it whole gives.
func TestBlockStateExtend(t *testing.T) {
	c := newSynthCorpus(synthSpec{stories: 70, perStory: 6, sentences: 10, days: 50, seed: 31})
	order := byDate(c.arts)
	dated := make([]claims.Article, len(order))
	for r, i := range order {
		dated[r] = c.arts[i]
	}
	keysOf := func(arts []claims.Article) []string {
		keys := make([]string, len(arts))
		for i, a := range arts {
			keys[i] = "key " + a.ID
		}
		return keys
	}
	group := func(arts []claims.Article, prev *blockState, weighed int) ([]Story, *blockState) {
		t.Helper()
		out, st, w := storiesWith(arts, bagsOf(arts, c.byArticle), nil, DefaultStoryOptions, true, keysOf(arts), prev)
		if w != weighed {
			t.Errorf("%d articles weighed, want %d", w, weighed)
		}
		return out, st
	}
	canonical := func(st *blockState) *blockState {
		out := *st
		out.groups = slices.Clone(st.groups)
		slices.SortFunc(out.groups, func(a, b []int32) int { return int(a[0] - b[0]) })
		return &out
	}
	opts := cmp.Options{cmp.AllowUnexported(blockState{}, rankEdge{})}
	for _, added := range []int{1, 4} {
		t.Run(fmt.Sprintf("%d added", added), func(t *testing.T) {
			all := slices.Clone(dated)
			// The articles in another order than by date: extend must
			// not rely on it.
			rand.New(rand.NewPCG(uint64(added), 3)).Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
			var before []claims.Article
			late := dated[len(dated)-added].Published
			for _, a := range all {
				if a.Published.Before(late) {
					before = append(before, a)
				}
			}
			if len(before) != len(all)-added {
				t.Fatalf("%d articles before the last %d: dates tie", len(before), added)
			}
			_, was := group(before, nil, len(before))
			want, wantState := group(all, nil, len(all))
			got, state := group(all, was, added)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("stories from the last run's state (-whole +extended):\n%s", diff)
			}
			if diff := cmp.Diff(canonical(wantState), canonical(state), opts); diff != "" {
				t.Errorf("state (-whole +extended):\n%s", diff)
			}
			var edges int
			for _, e := range state.edges {
				if int(e.b) >= len(before) {
					edges++
				}
			}
			if edges == 0 {
				t.Errorf("the added articles have no edges: nothing was extended")
			}
			again, same := group(all, state, 0)
			if diff := cmp.Diff(want, again); diff != "" || same != state {
				t.Errorf("grouping again with nothing new changed the state or the stories:\n%s", diff)
			}
		})
	}
	t.Run("not an extension", func(t *testing.T) {
		before := dated[:len(dated)-1]
		_, was := group(before, nil, len(before))
		for name, arts := range map[string][]claims.Article{
			"an article changed": slices.Clone(dated),
			"an earlier article": append(slices.Clone(before), claims.Article{ID: "early", Published: dated[0].Published.Add(-time.Hour)}),
			"an undated article": append(slices.Clone(before), claims.Article{ID: "undated"}),
			"one article fewer":  slices.Clone(dated[:len(dated)-2]),
		} {
			keys := keysOf(arts)
			if name == "an article changed" {
				keys[3] += " again"
			}
			_, _, ok := was.extend(arts, bagsOf(arts, c.byArticle), byDate(arts), keys, DefaultStoryOptions)
			if ok {
				t.Errorf("%s: extended the last run's state", name)
			}
		}
	})
}

func TestGroupStoriesEdgeCases(t *testing.T) {
	day := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	claim := func(id, text string) *claims.Claim { return &claims.Claim{Article: id, Text: text} }
	arts := []claims.Article{
		{ID: "b", Title: "B", Published: day},
		{ID: "a", Title: "A", Published: day.Add(time.Hour)},
		{ID: "c", Title: "C"},
		{ID: "d", Title: "D", Published: day.AddDate(0, 1, 0)},
	}
	byArticle := map[string][]*claims.Claim{
		"a": {claim("a", "Floodwater reached the Velmora embankment overnight.")},
		"b": {claim("b", "Floodwater reached the Velmora embankment before dawn.")},
		"d": {claim("d", "Floodwater reached the Velmora embankment again.")},
	}
	for _, blocked := range []bool{false, true} {
		if got := storiesOf(nil, nil, DefaultStoryOptions, blocked); got != nil {
			t.Errorf("blocked=%v: no articles give %v, want none", blocked, got)
		}
		got := storiesOf(arts, byArticle, DefaultStoryOptions, blocked)
		want := []Story{
			{ID: "story-1", Title: "A", Articles: []string{"a", "b"}},
			{ID: "story-2", Title: "C", Articles: []string{"c"}},
			{ID: "story-3", Title: "D", Articles: []string{"d"}},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("blocked=%v: stories (-want +got):\n%s", blocked, diff)
		}
	}
}

func TestAverageLinkage(t *testing.T) {
	day := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	dated := func(days ...int) []claims.Article {
		arts := make([]claims.Article, len(days))
		for i, d := range days {
			if d >= 0 {
				arts[i].Published = day.AddDate(0, 0, d)
			}
		}
		return arts
	}
	tests := []struct {
		name   string
		arts   []claims.Article
		edges  []storyEdge
		bySpan bool
		want   [][]int32
	}{
		{"average keeps a weak link apart", dated(-1, -1, -1),
			[]storyEdge{{0, 1, 0.9}, {1, 2, 0.3}}, false, [][]int32{{0, 1}, {2}}},
		{"average joins a strong one", dated(-1, -1, -1),
			[]storyEdge{{0, 1, 0.9}, {1, 2, 0.3}, {0, 2, 0.2}}, false, [][]int32{{0, 1, 2}}},
		{"a tie goes to the later pair; never forbids", dated(-1, -1, -1),
			[]storyEdge{{0, 1, 0.9}, {1, 2, 0.9}, {0, 2, -0.5}}, false, [][]int32{{0}, {1, 2}}},
		{"below the threshold", dated(-1, -1),
			[]storyEdge{{0, 1, 0.1}}, false, [][]int32{{0}, {1}}},
		{"span beyond the window", dated(0, 6, 12),
			[]storyEdge{{0, 1, 0.9}, {1, 2, 0.8}, {0, 2, 0.7}}, true, [][]int32{{0, 1}, {2}}},
		{"span ignored when all pairs are known", dated(0, 6, 12),
			[]storyEdge{{0, 1, 0.9}, {1, 2, 0.8}, {0, 2, 0.7}}, false, [][]int32{{0, 1, 2}}},
		{"undated joins either side", dated(0, -1, 12),
			[]storyEdge{{0, 1, 0.9}, {1, 2, 0.8}}, true, [][]int32{{0, 1}, {2}}},
		{"apart parts", dated(-1, -1, -1, -1),
			[]storyEdge{{2, 3, 0.5}, {0, 1, 0.5}}, true, [][]int32{{0, 1}, {2, 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := averageLinkage(tt.arts, tt.edges, DefaultStoryOptions, tt.bySpan)
			for _, g := range got {
				slices.Sort(g)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("groups (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAverageLinkageLikeReference compares averageLinkage with the
// pairwise merging on random sparse similarities. They are multiples of
// 1/64, so that sums are exact and ties are met alike.
func TestAverageLinkageLikeReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		n := 2 + rng.IntN(24)
		sim := make([][]float64, n)
		for i := range sim {
			sim[i] = make([]float64, n)
		}
		var edges []storyEdge
		for i := range n {
			for j := i + 1; j < n; j++ {
				var s float64
				switch x := rng.Float64(); {
				case x < 0.05:
					s = -float64(1+rng.IntN(8)) / 64
				case x < 0.5:
					s = float64(1+rng.IntN(48)) / 64
				}
				sim[i][j], sim[j][i] = s, s
				if s != 0 {
					edges = append(edges, storyEdge{int32(i), int32(j), s})
				}
			}
		}
		rng.Shuffle(len(edges), func(i, j int) { edges[i], edges[j] = edges[j], edges[i] })
		var want [][]int32
		for _, g := range referenceLinkage(sim, DefaultStoryOptions.Threshold) {
			var ids []int32
			for _, i := range g {
				ids = append(ids, int32(i))
			}
			slices.Sort(ids)
			want = append(want, ids)
		}
		slices.SortFunc(want, func(a, b []int32) int { return int(a[0] - b[0]) })
		got := averageLinkage(make([]claims.Article, n), edges, DefaultStoryOptions, false)
		for _, g := range got {
			slices.Sort(g)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("trial %d, %d items: groups (-want +got):\n%s", trial, n, diff)
		}
	}
}

func TestGroupStoriesDeterministic(t *testing.T) {
	c := newSynthCorpus(synthSpec{stories: 120, perStory: 5, sentences: 10, days: 40, undated: 4, sequels: true, seed: 9})
	blur(c, 9)
	first := groupStories(c.arts, c.byArticle, DefaultStoryOptions)
	procs := runtime.GOMAXPROCS(1)
	one := groupStories(c.arts, c.byArticle, DefaultStoryOptions)
	runtime.GOMAXPROCS(max(4, procs))
	more := groupStories(c.arts, c.byArticle, DefaultStoryOptions)
	runtime.GOMAXPROCS(procs)
	if diff := cmp.Diff(first, one); diff != "" {
		t.Errorf("on one thread (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(first, more); diff != "" {
		t.Errorf("on more threads (-before +after):\n%s", diff)
	}
}

// TestTermVectorsLikeReference checks the weights and similarities of the
// hashed term vectors against the ones by term text, whatever the order the
// articles are read in.
func TestTermVectorsLikeReference(t *testing.T) {
	arts, byArticle := loadCorpus(t, filepath.Join("..", "seeds"))
	c := newSynthCorpus(synthSpec{stories: 5, perStory: 4, sentences: 8, days: 10, undated: 3, seed: 11})
	arts = append(arts, c.arts...)
	for id, cs := range c.byArticle {
		byArticle[id] = cs
	}
	ref := referenceVectors(arts, byArticle)
	reversed := byDate(arts)
	slices.Reverse(reversed)
	first := newTermVectors(arts, byArticle, nil)
	orders := []struct {
		name   string
		order  []int32
		passes bool // documentFrequencies in many passes over small shards
	}{{"in turn", nil, false}, {"by date", byDate(arts), false}, {"reversed", reversed, false},
		{"in passes", byDate(arts), true}}
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			if o.passes {
				defer func(p, s int) { minPassTerms, shardTerms = p, s }(minPassTerms, shardTerms)
				minPassTerms, shardTerms = 200, 16
			}
			v := newTermVectors(arts, byArticle, o.order)
			if diff := cmp.Diff(first, v, cmp.AllowUnexported(termVectors{}, weights{})); diff != "" {
				t.Errorf("vectors depend on the order (-in turn +%s):\n%s", o.name, diff)
			}
			for i := range arts {
				var norm float64
				for _, w := range ref[i] {
					norm += w * w
				}
				if got, want := v.norm[i], math.Sqrt(norm); math.Abs(got-want) > 1e-9*want {
					t.Errorf("%s: norm %v, want %v", arts[i].ID, got, want)
				}
				for j := i + 1; j < len(arts); j++ {
					if got, want := v.cosine(i, j), referenceCosine(ref[i], ref[j]); math.Abs(got-want) > 1e-12 {
						t.Errorf("%s, %s: cosine %v, want %v", arts[i].ID, arts[j].ID, got, want)
					}
				}
			}
		})
	}
}

func TestAppendWords(t *testing.T) {
	inputs := []string{
		"",
		"Putin arrived in Dushanbe on Tuesday; he met Rahmon.",
		"The studies carried BOXES of Tied ropes, and he's crying -- ISN'T it?",
		"Zelenskyy and Зеленський both fold; so does Müller's café.",
		"x y zz 42 a1b2 don't won't it's S.W.A.T.",
	}
	arts, byArticle := loadCorpus(t, filepath.Join("..", "seeds"))
	for _, a := range arts {
		for _, c := range byArticle[a.ID] {
			inputs = append(inputs, c.Text)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := strings.Fields("The the A said SAYS bases joined Joined tries cried boxes running an of I'm - , . 7 é ß")
	for range 500 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			b.WriteString([]string{" ", "", "'", "-", "  "}[rng.IntN(5)])
		}
		inputs = append(inputs, b.String())
	}
	for _, in := range inputs {
		got, want := appendWords(nil, in), foldedWords(in)
		if !slices.Equal(got, want) {
			t.Errorf("appendWords(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSortHashes(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var scratch []uint64
	for _, n := range []int{0, 1, 63, 64, 65, 500, 5000, 70000} {
		hs := make([]uint64, n)
		for i := range hs {
			hs[i] = rng.Uint64()
			if i > 0 && rng.IntN(4) == 0 {
				hs[i] = hs[rng.IntN(i)]
			}
		}
		want := slices.Clone(hs)
		slices.Sort(want)
		var got []uint64
		got, scratch = sortHashes(hs, scratch)
		if !slices.Equal(got, want) {
			t.Errorf("sortHashes of %d hashes is not sorted", n)
		}
	}
}

// synthSpec describes an invented corpus: stories of perStory articles,
// each story about its own people, place and topic words, told with
// generic words that all stories share and a few well-known names that
// turn up in any story.
type synthSpec struct {
	stories, perStory int
	// sentences is how many claims an article has.
	sentences int
	// days spreads the stories' dates evenly over this many days; a story's
	// articles are published within two days of each other.
	days int
	// undated leaves the date of every undated-th article of a story with
	// a vocabulary of its own unknown (0: all dated).
	undated int
	// sequels makes every tenth story (from the tenth on) tell again, with
	// the same names and topic words, the story five before it, a month or
	// more later.
	sequels bool
	seed    uint64
}

// synthCorpus is an invented corpus and the story each article was
// written for.
type synthCorpus struct {
	arts      []claims.Article
	byArticle map[string][]*claims.Claim
	storyOf   map[string]int
}

const (
	synthGeneric = 4000 // generic words
	synthTopic   = 14   // topic words of a story
	synthPeople  = 4    // people of a story
	synthFamous  = 40   // names that turn up in any story
)

var synthSyllables = strings.Fields("ka lo mi ru ta no vi zu be do fa gi ho ju le ma ni po ri su te vo ya zi")

// synthWord is the invented word numbered id: distinct ids give distinct
// words, none of them a stop word or changed by stemming.
func synthWord(id int) string {
	var b strings.Builder
	n := len(synthSyllables)
	b.WriteString(synthSyllables[id%n])
	id /= n
	for k := 0; k < 4 || id > 0; k++ {
		b.WriteString(synthSyllables[id%n])
		id /= n
		if k >= 1 && id == 0 {
			break
		}
	}
	return b.String()
}

// synthName is an invented proper name: a capitalised invented word.
func synthName(id int) string {
	w := synthWord(1_000_000 + id)
	return strings.ToUpper(w[:1]) + w[1:]
}

func newSynthCorpus(spec synthSpec) synthCorpus {
	rng := rand.New(rand.NewPCG(spec.seed, 0x5eed))
	base := time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)
	c := synthCorpus{byArticle: map[string][]*claims.Claim{}, storyOf: map[string]int{}}
	vocab := func(s int) int { // whose names and topic words story s uses
		if spec.sequels && s >= 10 && s%10 == 0 {
			return s - 5
		}
		return s
	}
	ownVocab := map[int]bool{}
	for s := range spec.stories {
		ownVocab[vocab(s)] = !ownVocab[vocab(s)]
	}
	for s := range spec.stories {
		v := vocab(s)
		day := s * spec.days / max(1, spec.stories)
		if v != s {
			day = (s-5)*spec.days/max(1, spec.stories) + 31 + s%7
		}
		people := make([][2]string, synthPeople)
		for p := range people {
			first, last := synthName(2*(v*synthPeople+p)), synthName(2*(v*synthPeople+p)+1)
			people[p] = [2]string{first + " " + last, strings.ToLower(first + " " + last)}
		}
		place := synthName(10_000_000 + v)
		for k := range spec.perStory {
			id := fmt.Sprintf("s%05d-%02d", s, k+1)
			a := claims.Article{ID: id}
			if spec.undated == 0 || k%spec.undated != spec.undated-1 || !ownVocab[v] {
				a.Published = base.AddDate(0, 0, day).Add(time.Duration(rng.IntN(48)) * time.Hour)
			}
			for n := range spec.sentences {
				cl := &claims.Claim{ID: fmt.Sprintf("%s:%d", id, n+1), Article: id}
				var words []string
				for range 8 + rng.IntN(9) {
					switch x := rng.Float64(); {
					case x < 0.14:
						words = append(words, synthWord(synthGeneric+v*synthTopic+rng.IntN(synthTopic)))
					case x < 0.20:
						p := people[rng.IntN(synthPeople)]
						words = append(words, p[0])
						cl.Entities = append(cl.Entities, claims.Entity{Text: p[0], Type: claims.Person, Key: p[1]})
					case x < 0.22:
						words = append(words, place)
						cl.Entities = append(cl.Entities, claims.Entity{Text: place, Type: claims.Place, Key: strings.ToLower(place)})
					case x < 0.24:
						f := synthName(20_000_000 + rng.IntN(synthFamous))
						words = append(words, f)
						cl.Entities = append(cl.Entities, claims.Entity{Text: f, Type: claims.Person, Key: strings.ToLower(f)})
					default:
						u := rng.Float64()
						words = append(words, synthWord(int(float64(synthGeneric)*u*u*u)))
					}
				}
				cl.Text = strings.ToUpper(words[0][:1]) + words[0][1:] + " " + strings.Join(words[1:], " ") + "."
				c.byArticle[id] = append(c.byArticle[id], cl)
				if n == 0 {
					a.Title = cl.Text
				}
			}
			c.arts = append(c.arts, a)
			c.storyOf[id] = s
		}
	}
	rng.Shuffle(len(c.arts), func(i, j int) { c.arts[i], c.arts[j] = c.arts[j], c.arts[i] })
	return c
}

// misgrouped counts the stories written that were not found whole and
// apart from the others.
func (c synthCorpus) misgrouped(got []Story) int {
	whole := map[int]bool{}
	size := map[int]int{}
	for _, s := range c.storyOf {
		size[s]++
	}
	for _, st := range got {
		s := c.storyOf[st.Articles[0]]
		pure := len(st.Articles) == size[s]
		for _, a := range st.Articles {
			pure = pure && c.storyOf[a] == s
		}
		if pure {
			whole[s] = true
		}
	}
	return len(size) - len(whole)
}

// TestWeightsTables checks that the tables of term weights give what the
// formula gives, for frequencies in and beyond them.
func TestWeightsTables(t *testing.T) {
	for _, n := range []int{10, 200_000, maxIDFTable + 10} {
		w := newWeights(n)
		for _, f := range []int32{1, 2, 63, 64, 1000} {
			for _, d := range []int32{1, 2, 9, 70_000, 150_000, int32(min(n, maxIDFTable)), int32(n)} {
				if int(d) > n {
					continue
				}
				want := (1 + math.Log(float64(f))) * math.Log((float64(n)+1)/float64(d))
				if got := w.of(f, d); got != want {
					t.Errorf("n %d: of(%d, %d) = %v, want %v", n, f, d, got, want)
				}
			}
		}
		if n <= maxIDFTable && len(w.idf) != n+1 {
			t.Errorf("n %d: idf table of %d entries, want every frequency up to n", n, len(w.idf))
		}
	}
}
