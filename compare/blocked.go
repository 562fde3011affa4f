package compare

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/crosscheck/crosscheck/claims"
)

// Blocked grouping weighs each article against the corpus as it stood when
// the article was published: the articles before it in date order (byDate).
// A term's weight in article i is (1 + log tf) * log((r+1)/df), where r is
// the number of articles up to i and df the number of them holding the term,
// i among them; the terms no article before i holds are damped as
// singletons (whether a later article will share them is not known then).
// An article's blocking terms, candidates and edges are found among the
// articles before it, so what the grouping knows of an article never
// changes when a later one is added: a new article brings only its own
// edges (see extend).
const (
	// countBits is how many low bits of a packed term count hold the
	// article's count of the term (up to countMask); the others hold the
	// term's document frequency up to the article (up to maxPrior).
	countBits = 8
	countMask = 1<<countBits - 1
	maxPrior  = 1<<(31-countBits) - 1
)

// keyDF is the largest number of the first n articles in date order that
// may hold a blocking term of the n-th: a hundredth of them, from 30 to
// 1,000. A term in more says little about which story an article tells,
// and its postings would cost more than they tell.
func keyDF(n int) int { return min(1000, max(30, n/100)) }

// weigher weighs terms as of an article's date rank.
type weigher struct {
	lg []float64 // lg[k] = log k
	w  *weights
}

func newWeigher(n int, w *weights) weigher {
	c := weigher{lg: make([]float64, n+2), w: w}
	for k := 1; k < len(c.lg); k++ {
		c.lg[k] = math.Log(float64(k))
	}
	return c
}

// weight is the weight of a term, packed as countBits says, in the article
// of date rank r.
func (c weigher) weight(r int32, packed int32) float64 {
	d := packed >> countBits
	x := c.w.tf(packed&countMask) * (c.lg[r+2] - c.lg[d])
	if d == 1 {
		x *= singletonWeight
	}
	return x
}

// article weighs the shared terms of the article of date rank r, packed,
// into ws, and returns its norm, with solo (tfSquared) for its terms of no
// other article, and its blocking terms (positions, ascending) in best.
// The terms new at the article count in exact units, so that the norm is
// the same whichever of them later articles share.
func (c weigher) article(r int32, packed []int32, solo uint64, ws []float64, best []int32) (norm float64, _ []float64, keys []int32) {
	maxDF := int32(keyDF(int(r) + 1))
	ws = ws[:0]
	var sum float64
	first := solo
	for _, p := range packed {
		x := c.weight(r, p)
		ws = append(ws, x)
		if p>>countBits == 1 {
			first += c.w.tfSquared(p & countMask)
		} else {
			sum += x * x
		}
	}
	f := singletonWeight * c.lg[r+2]
	norm = math.Sqrt(sum + float64(first)/soloUnit*f*f)
	best = best[:0] // heaviest first
	for k, p := range packed {
		if d := p >> countBits; d < 2 || d > maxDF {
			continue
		}
		if len(best) == blockTerms && ws[best[len(best)-1]] >= ws[k] {
			continue
		}
		at := len(best)
		for at > 0 && ws[best[at-1]] < ws[k] {
			at--
		}
		if len(best) < blockTerms {
			best = append(best, 0)
		}
		copy(best[at+1:], best[at:len(best)-1])
		best[at] = int32(k)
	}
	keys = slices.Clone(best)
	slices.Sort(keys)
	return norm, ws, keys
}

// weightBits and bitsWeight store a term's weight in place of its packed
// count.
func weightBits(x float64) int32   { return int32(math.Float32bits(float32(x))) }
func bitsWeight(b int32) float64   { return float64(math.Float32frombits(uint32(b))) }
func bitsWeight32(b int32) float32 { return math.Float32frombits(uint32(b)) }

// dot is the dot product of two articles' weighed terms: ids ascending,
// weights as weightBits.
func dot(a []uint32, wa []int32, b []uint32, wb []int32) float64 {
	var d float64
	for x, y := 0, 0; x < len(a) && y < len(b); {
		switch {
		case a[x] < b[y]:
			x++
		case a[x] > b[y]:
			y++
		default:
			d += bitsWeight(wa[x]) * bitsWeight(wb[y])
			x++
			y++
		}
	}
	return d
}

// scored is a candidate of date rank r and score s.
type scored struct {
	r int32
	s float64
}

// finder finds the candidates of an article among those before it, from
// the postings of its blocking terms, reusing its buffers.
type finder struct {
	acc     []float32 // by date rank
	touched []int32
	top     []scored
}

// find returns the storyNeighbours best candidates of the article of date
// rank ri, published at pub (zero: undated), by rank: lists[e] are the
// postings of its e-th blocking term, of weight keyW[e] in it, among the
// articles of ranks rlo to ri-1. normOf and pubOf give an article's norm
// and date by rank.
func (f *finder) find(ri, rlo int32, pub time.Time, lists [][]posting, keyW []float32, normOf func(int32) float64, pubOf func(int32) time.Time, opt StoryOptions) []scored {
	f.touched = f.touched[:0]
	for e, ps := range lists {
		wi := keyW[e]
		from := sort.Search(len(ps), func(k int) bool { return ps[k].rank >= rlo })
		for _, p := range ps[from:] {
			if p.rank >= ri {
				break
			}
			if f.acc[p.rank] == 0 {
				f.touched = append(f.touched, p.rank)
			}
			f.acc[p.rank] += wi * p.w
		}
	}
	f.top = f.top[:0]
	for _, r := range f.touched {
		s := float64(f.acc[r]) / normOf(r) * dateWeight(pub, pubOf(r), opt)
		f.acc[r] = 0
		if s > 0 {
			f.top = append(f.top, scored{r, s})
		}
	}
	if len(f.top) > storyNeighbours {
		slices.SortFunc(f.top, func(x, y scored) int {
			if x.s != y.s {
				if x.s > y.s {
					return -1
				}
				return 1
			}
			return int(x.r - y.r)
		})
		f.top = f.top[:storyNeighbours]
	}
	slices.SortFunc(f.top, func(x, y scored) int { return int(x.r - y.r) })
	return f.top
}

// windowStart is the least date rank of the articles an article of date
// rank ri, published at pub, meets: the first dated within the window, or
// 0. byRank are the dates of the dated articles by rank.
func windowStart(ri int32, pub time.Time, byRank []time.Time, opt StoryOptions) int32 {
	if opt.Window <= 0 || int(ri) >= len(byRank) {
		return 0
	}
	lo := pub.Add(-opt.Window)
	return int32(sort.Search(len(byRank), func(r int) bool { return !byRank[r].Before(lo) }))
}

// blockedEdges compares the candidate pairs of articles found by blocking
// (see exactStories), never two articles dated further apart than the
// window. order lists the articles by date (byDate). It weighs v's terms
// as of each article's date, overwriting v.counts with the weights
// (weightBits), and returns the edges of each article with the articles
// before it, in date order of the later one, then of the earlier, and the
// articles' norms.
func blockedEdges(arts []claims.Article, order []int32, v *termVectors, opt StoryOptions) ([]storyEdge, []float64) {
	n := len(arts)
	pub := make([]time.Time, n) // by rank
	var byRank []time.Time      // of the dated articles
	for r, i := range order {
		pub[r] = arts[i].Published
		if arts[i].HasDate() {
			byRank = append(byRank, pub[r])
		}
	}

	// Each term's count up to each article, packed with the article's
	// count of it.
	seen := make([]int32, len(v.df))
	for _, i := range order {
		cs := v.counts[i]
		for k, id := range v.ids[i] {
			seen[id] = min(seen[id]+1, maxPrior)
			cs[k] = seen[id]<<countBits | min(cs[k], countMask)
		}
	}
	seen = nil
	c := newWeigher(n, v.w)

	// Each article's norm and blocking terms.
	keys := make([][]int32, n) // positions in the article's vector, ascending
	norm := make([]float64, n) // by rank
	workers := workersFor(n, 256)
	parallel(workers, func(w int) {
		var ws []float64
		var best []int32
		for r := w * n / workers; r < (w+1)*n/workers; r++ {
			i := order[r]
			norm[r], ws, keys[i] = c.article(int32(r), v.counts[i], v.solo[i], ws, best)
		}
	})

	// Postings of the blocking terms, in date rank order: blocking term x
	// has post[start[x]:start[x+1]]. A later article may look a term up
	// while fewer than keyDF(n) articles before it hold the term, so the
	// articles holding it after that are left out.
	total := 0
	for _, ks := range keys {
		total += len(ks)
	}
	all := make([]uint32, 0, total)
	for i, ks := range keys {
		for _, k := range ks {
			all = append(all, v.ids[i][k])
		}
	}
	slices.Sort(all)
	all = slices.Compact(all)
	// keyOf maps a term's number to its number among the blocking terms
	// + 1, 0 for the other terms.
	keyOf := make([]int32, len(v.df))
	for x, id := range all {
		keyOf[id] = int32(x + 1)
	}
	lastDF := int32(keyDF(n))
	// Each worker finds the postings of a run of date ranks, then writes
	// them after those of the runs before. The counts give way to the
	// weights.
	type found struct {
		x int32
		p posting
	}
	founds := make([][]found, workers)
	counts := make([][]int32, workers)
	keyX := make([][]int32, n) // the blocking terms of each article's keys
	parallel(workers, func(w int) {
		counts[w] = make([]int32, len(all))
		for r := w * n / workers; r < (w+1)*n/workers; r++ {
			i := order[r]
			keyX[i] = make([]int32, len(keys[i]))
			next := 0 // of the article's keys
			for k, id := range v.ids[i] {
				p := v.counts[i][k]
				wt := c.weight(int32(r), p)
				if x := keyOf[id] - 1; x >= 0 {
					if next < len(keys[i]) && keys[i][next] == int32(k) {
						keyX[i][next] = x
						next++
					}
					if p>>countBits < lastDF {
						founds[w] = append(founds[w], found{x, posting{int32(r), float32(wt)}})
						counts[w][x]++
					}
				}
				v.counts[i][k] = weightBits(wt)
			}
		}
	})
	start := make([]int32, len(all)+1)
	for x := range all {
		at := start[x]
		for w := range workers {
			at, counts[w][x] = at+counts[w][x], at
		}
		start[x+1] = at
	}
	post := make([]posting, start[len(all)])
	parallel(workers, func(w int) {
		for _, f := range founds[w] {
			post[counts[w][f.x]] = f.p
			counts[w][f.x]++
		}
	})
	founds, counts, all, keyOf = nil, nil, nil, nil

	// The candidates of each article, the storyNeighbours best of those
	// before it by the weight of their shared blocking terms, compared
	// exactly. Each worker takes a run of ranks, where the articles of a
	// story are near each other and share postings.
	normOf := func(r int32) float64 { return norm[r] }
	pubOf := func(r int32) time.Time { return pub[r] }
	rows := make([][]storyEdge, workers)
	parallel(workers, func(w int) {
		f := finder{acc: make([]float32, n)}
		var lists [][]posting
		var keyW []float32
		for r := w * n / workers; r < (w+1)*n/workers; r++ {
			i, ri := order[r], int32(r)
			lists, keyW = lists[:0], keyW[:0]
			for e, k := range keys[i] {
				x := keyX[i][e]
				lists = append(lists, post[start[x]:start[x+1]])
				keyW = append(keyW, bitsWeight32(v.counts[i][k]))
			}
			for _, cd := range f.find(ri, windowStart(ri, pub[r], byRank, opt), pub[r], lists, keyW, normOf, pubOf, opt) {
				j := order[cd.r]
				if s := dot(v.ids[j], v.counts[j], v.ids[i], v.counts[i]) / (norm[cd.r] * norm[r]) * dateWeight(pub[r], pub[cd.r], opt); s > 0 {
					rows[w] = append(rows[w], storyEdge{min(i, j), max(i, j), s})
				}
			}
		}
	})
	return slices.Concat(rows...), norm
}

// blockState is what blocked grouping leaves for the next run, by date
// rank, so that a run whose corpus is the last one's with later articles
// added weighs, looks up and compares the new articles only (extend).
type blockState struct {
	keys   []string   // each article's fingerprint (scanKey)
	terms  []uint64   // every term of the corpus, ascending
	counts []int32    // how many articles hold each
	norms  []float64  // each article's
	edges  []rankEdge // as blockedEdges found them
	groups [][]int32  // the stories, each ascending
	// What the first pass of CompareFrom learnt of the articles: their
	// numbers of claims, the words written in lower case, and the name
	// book, its ranks date ranks.
	claims []int32
	lower  []string
	book   []bookGroup
}

// bookGroup is a group of a nameBook as a blockState keeps it.
type bookGroup struct {
	group     string
	spellings []bookSpelling // by spelling
	arts      []int32        // ascending
}

type bookSpelling struct {
	spelling, text string
	rank, at       int32
}

// rankEdge is the similarity s of the articles of date ranks a < b.
type rankEdge struct {
	a, b int32
	s    float64
}

// newBlockState is the state of a blocked grouping of arts, whose
// fingerprints are keys, in date order order, of terms v, norms (by rank)
// and edges found by blockedEdges, and groups.
func newBlockState(keys []string, order []int32, v *termVectors, norms []float64, edges []storyEdge, groups [][]int32) *blockState {
	rankOf := make([]int32, len(order))
	st := &blockState{keys: make([]string, len(order)), norms: norms}
	for r, i := range order {
		rankOf[i] = int32(r)
		st.keys[r] = keys[i]
	}
	st.terms = make([]uint64, 0, len(v.hash)+len(v.lone))
	st.counts = make([]int32, 0, len(v.hash)+len(v.lone))
	for x, y := 0, 0; x < len(v.hash) || y < len(v.lone); {
		if y == len(v.lone) || x < len(v.hash) && v.hash[x] < v.lone[y] {
			st.terms, st.counts = append(st.terms, v.hash[x]), append(st.counts, v.df[x])
			x++
		} else {
			st.terms, st.counts = append(st.terms, v.lone[y]), append(st.counts, 1)
			y++
		}
	}
	st.edges = make([]rankEdge, len(edges))
	for k, e := range edges {
		a, b := rankOf[e.a], rankOf[e.b]
		st.edges[k] = rankEdge{min(a, b), max(a, b), e.s}
	}
	st.groups = make([][]int32, len(groups))
	for k, g := range groups {
		rs := make([]int32, len(g))
		for x, i := range g {
			rs[x] = rankOf[i]
		}
		slices.Sort(rs)
		st.groups[k] = rs
	}
	return st
}

// window reports whether arts, whose fingerprints are keys, in date order
// order, are the state's articles followed by later dated ones, and if so
// the least date rank of the articles that extend reads: those in the
// window of the first new article (none when there is none).
func (st *blockState) window(arts []claims.Article, order []int32, keys []string, opt StoryOptions) (int, bool) {
	n, m := len(arts), len(st.keys)
	if m > n || len(st.norms) != m || opt.Window <= 0 {
		return 0, false
	}
	for r := range m {
		if keys[order[r]] != st.keys[r] {
			return 0, false
		}
	}
	for r := m; r < n; r++ {
		if !arts[order[r]].HasDate() || keys[order[r]] == "" {
			return 0, false
		}
	}
	if m == n {
		return n, true
	}
	// All articles are dated: the new ones come after the old, and so
	// would any old undated one.
	byRank := make([]time.Time, m+1)
	for r := range byRank {
		byRank[r] = arts[order[r]].Published
	}
	return int(windowStart(int32(m), byRank[m], byRank, opt)), true
}

// restore adds to sc, the first pass over the articles that window
// returned and the new ones, what the state learnt of the others: arts,
// in date order order, are the state's articles followed by later ones.
func (st *blockState) restore(sc *scanned, arts []claims.Article, order []int32) {
	ranks := make([]int32, len(st.claims)) // by date rank, in id order
	for r, c := range st.claims {
		id := arts[order[r]].ID
		sc.counts[id] = int(c)
		ranks[r] = int32(sc.rank[id])
	}
	idRank := func(r int32) int { return int(ranks[r]) }
	for _, w := range st.lower {
		sc.lower[w] = true
	}
	b := newNameBook()
	for _, g := range st.book {
		sp := make(map[string]firstSeen, len(g.spellings))
		for _, s := range g.spellings {
			sp[s.spelling] = firstSeen{at: [2]int{idRank(s.rank), int(s.at)}, text: s.text}
		}
		as := make([]int32, len(g.arts))
		for k, r := range g.arts {
			as[k] = int32(idRank(r))
		}
		b.groups[g.group], b.arts[g.group] = sp, as
	}
	sc.names.merge(b)
}

// learn keeps in the state what the first pass sc learnt of arts, in date
// order order.
func (st *blockState) learn(sc *scanned, arts []claims.Article, order []int32) {
	dateRank := make([]int32, len(arts)) // by rank in id order
	st.claims = make([]int32, len(order))
	for r, i := range order {
		dateRank[sc.rank[arts[i].ID]] = int32(r)
		st.claims[r] = int32(sc.counts[arts[i].ID])
	}
	st.lower = sortedKeys(sc.lower)
	st.book = make([]bookGroup, 0, len(sc.names.groups))
	for _, g := range sortedKeys(sc.names.groups) {
		sps := sc.names.groups[g]
		bg := bookGroup{group: g, spellings: make([]bookSpelling, 0, len(sps))}
		for _, s := range sortedKeys(sps) {
			f := sps[s]
			bg.spellings = append(bg.spellings, bookSpelling{s, f.text, dateRank[f.at[0]], int32(f.at[1])})
		}
		for _, r := range sc.names.arts[g] {
			bg.arts = append(bg.arts, dateRank[r])
		}
		slices.Sort(bg.arts)
		bg.arts = slices.Compact(bg.arts)
		st.book = append(st.book, bg)
	}
}

// count is how many articles of the state's corpus hold term h.
func (st *blockState) count(h uint64) int32 {
	if x, ok := slices.BinarySearch(st.terms, h); ok {
		return st.counts[x]
	}
	return 0
}

// localTerm is what extend knows of a term of the new articles: how many
// articles before the window hold it, and the articles of the window
// holding it, by rank, with their counts packed (countBits).
type localTerm struct {
	h       uint64
	base    int32
	holders []holder
}

type holder struct {
	rank, packed int32
}

// extend groups arts, whose fingerprints are keys and whose bags are bags,
// in date order order, from the state of the last run when arts are its
// articles followed, in date order, by later dated ones: it weighs the new
// articles, finds their candidates among the articles of their window,
// compares them, and groups again the connected parts of the graph of
// edges that they join. Its groups are those of blockedEdges and
// averageLinkage on all of arts, and so is the state it returns. It reports
// false, doing nothing, when arts are not such an extension.
func (st *blockState) extend(arts []claims.Article, bags []bag, order []int32, keys []string, opt StoryOptions) (*blockState, [][]int32, bool) {
	n, m := len(arts), len(st.keys)
	if _, ok := st.window(arts, order, keys, opt); !ok {
		return nil, nil, false
	}
	toArticles := func(groups [][]int32) [][]int32 {
		out := make([][]int32, len(groups))
		for k, g := range groups {
			out[k] = make([]int32, len(g))
			for x, r := range g {
				out[k][x] = order[r]
			}
		}
		return out
	}
	if m == n {
		return st, toArticles(st.groups), true
	}
	// All articles are dated: the new ones come after the old, and so
	// would any old undated one.
	pub := make([]time.Time, n)
	for r, i := range order {
		pub[r] = arts[i].Published
	}
	lo := windowStart(int32(m), pub[m], pub, opt)

	// The terms of the new articles, ascending, and how many articles
	// up to each article of the window hold them.
	var hs []uint64
	for r := m; r < n; r++ {
		hs = append(hs, bags[order[r]].terms...)
	}
	slices.Sort(hs)
	hs = slices.Compact(hs)
	local := make([]localTerm, len(hs))
	for x, h := range hs {
		c := st.count(h)
		if c >= maxPrior-int32(n-m) {
			return nil, nil, false
		}
		local[x] = localTerm{h: h, base: c}
	}
	localOf := func(h uint64) int {
		if x, ok := slices.BinarySearch(hs, h); ok {
			return x
		}
		return -1
	}
	for r := lo; r < int32(n); r++ {
		b := &bags[order[r]]
		for k, h := range b.terms {
			x := localOf(h)
			if x < 0 {
				continue
			}
			t := &local[x]
			if r < int32(m) {
				t.base--
			}
			t.holders = append(t.holders, holder{r, b.counts[k]})
		}
	}
	// Document frequencies up to each holder.
	for x := range local {
		t := &local[x]
		for k := range t.holders {
			hd := &t.holders[k]
			hd.packed = (t.base+int32(k)+1)<<countBits | min(hd.packed, countMask)
		}
	}

	// Each new article's terms, weighed, then its candidates and edges.
	w := newWeights(n)
	c := newWeigher(n, w)
	norms := append(slices.Clone(st.norms), make([]float64, n-m)...)
	normOf := func(r int32) float64 { return norms[r] }
	pubOf := func(r int32) time.Time { return pub[r] }
	lastDF := int32(keyDF(n))
	// The window's articles' weighed terms among the new articles' terms:
	// local ids ascending, weights (weightBits).
	ids := make([][]uint32, int32(n)-lo)
	wts := make([][]int32, int32(n)-lo)
	packedOf := make([][]int32, int32(n)-lo)
	for x := range local {
		for _, hd := range local[x].holders {
			k := hd.rank - lo
			ids[k] = append(ids[k], uint32(x))
			wts[k] = append(wts[k], weightBits(c.weight(hd.rank, hd.packed)))
			packedOf[k] = append(packedOf[k], hd.packed)
		}
	}
	edges := slices.Clone(st.edges)
	f := finder{acc: make([]float32, n)}
	var ws []float64
	var best []int32
	for r := int32(m); r < int32(n); r++ {
		k := r - lo
		var keys []int32
		norms[r], ws, keys = c.article(r, packedOf[k], 0, ws, best)
		var lists [][]posting
		var keyW []float32
		for _, e := range keys {
			t := &local[ids[k][e]]
			var ps []posting
			for _, hd := range t.holders {
				if hd.rank >= r {
					break
				}
				if hd.packed>>countBits < lastDF {
					ps = append(ps, posting{hd.rank, float32(c.weight(hd.rank, hd.packed))})
				}
			}
			lists = append(lists, ps)
			keyW = append(keyW, bitsWeight32(wts[k][e]))
		}
		for _, cd := range f.find(r, windowStart(r, pub[r], pub, opt), pub[r], lists, keyW, normOf, pubOf, opt) {
			j := cd.r - lo
			if s := dot(ids[j], wts[j], ids[k], wts[k]) / (norms[cd.r] * norms[r]) * dateWeight(pub[r], pub[cd.r], opt); s > 0 {
				edges = append(edges, rankEdge{cd.r, r, s})
			}
		}
	}

	// The connected parts of the graph that the new articles join are
	// grouped again; the groups of the others stay.
	parent := make([]int32, n)
	for r := range parent {
		parent[r] = int32(r)
	}
	find := func(r int32) int32 {
		for parent[r] != r {
			parent[r] = parent[parent[r]]
			r = parent[r]
		}
		return r
	}
	for _, e := range edges {
		if a, b := find(e.a), find(e.b); a != b {
			parent[max(a, b)] = min(a, b)
		}
	}
	touched := make([]bool, n)
	for r := m; r < n; r++ {
		touched[find(int32(r))] = true
	}
	var again []storyEdge
	for _, e := range edges {
		if touched[find(e.a)] {
			i, j := order[e.a], order[e.b]
			again = append(again, storyEdge{min(i, j), max(i, j), e.s})
		}
	}
	next := &blockState{keys: make([]string, n), norms: norms, edges: edges}
	for r, i := range order {
		next.keys[r] = keys[i]
	}
	for _, g := range st.groups {
		if !touched[find(g[0])] {
			next.groups = append(next.groups, g)
		}
	}
	rankOf := make([]int32, n)
	for r, i := range order {
		rankOf[i] = int32(r)
	}
	for _, g := range averageLinkage(arts, again, opt, true) {
		if !touched[find(rankOf[g[0]])] {
			continue
		}
		rs := make([]int32, len(g))
		for x, i := range g {
			rs[x] = rankOf[i]
		}
		slices.Sort(rs)
		next.groups = append(next.groups, rs)
	}
	// The term counts, with the new articles'.
	next.terms = make([]uint64, 0, len(st.terms)+len(hs))
	next.counts = make([]int32, 0, len(st.terms)+len(hs))
	for x, y := 0, 0; x < len(st.terms) || y < len(hs); {
		switch {
		case y == len(hs) || x < len(st.terms) && st.terms[x] < hs[y]:
			next.terms, next.counts = append(next.terms, st.terms[x]), append(next.counts, st.counts[x])
			x++
		default:
			total := local[y].base + int32(len(local[y].holders))
			next.terms, next.counts = append(next.terms, hs[y]), append(next.counts, total)
			if x < len(st.terms) && st.terms[x] == hs[y] {
				x++
			}
			y++
		}
	}
	return next, toArticles(next.groups), true
}

// blockStateVersion marks the encoding of a blockState.
const blockStateVersion = 1

// encode writes the state: a version byte, then unsigned varints for
// numbers, lengths and ranks (an edge's later rank and each rank of a group
// but the first as the step from the one before), the terms as 8 bytes
// each and the norms and similarities as the 8 bytes of their float64.
func (st *blockState) encode() []byte {
	b := make([]byte, 0, 64+len(st.keys)*48+len(st.terms)*11+len(st.edges)*14)
	b = append(b, blockStateVersion)
	b = binary.AppendUvarint(b, uint64(len(st.keys)))
	for _, k := range st.keys {
		b = binary.AppendUvarint(b, uint64(len(k)))
		b = append(b, k...)
	}
	b = binary.AppendUvarint(b, uint64(len(st.terms)))
	for _, t := range st.terms {
		b = binary.LittleEndian.AppendUint64(b, t)
	}
	for _, c := range st.counts {
		b = binary.AppendUvarint(b, uint64(c))
	}
	for _, x := range st.norms {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
	}
	b = binary.AppendUvarint(b, uint64(len(st.edges)))
	for _, e := range st.edges {
		b = binary.AppendUvarint(b, uint64(e.b))
		b = binary.AppendUvarint(b, uint64(e.b-e.a))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(e.s))
	}
	b = binary.AppendUvarint(b, uint64(len(st.groups)))
	for _, g := range st.groups {
		b = binary.AppendUvarint(b, uint64(len(g)))
		prev := int32(0)
		for _, r := range g {
			b = binary.AppendUvarint(b, uint64(r-prev))
			prev = r
		}
	}
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for _, c := range st.claims {
		b = binary.AppendUvarint(b, uint64(c))
	}
	b = binary.AppendUvarint(b, uint64(len(st.lower)))
	for _, w := range st.lower {
		str(w)
	}
	b = binary.AppendUvarint(b, uint64(len(st.book)))
	for _, g := range st.book {
		str(g.group)
		b = binary.AppendUvarint(b, uint64(len(g.spellings)))
		for _, sp := range g.spellings {
			str(sp.spelling)
			str(sp.text)
			b = binary.AppendUvarint(b, uint64(sp.rank))
			b = binary.AppendUvarint(b, uint64(sp.at))
		}
		b = binary.AppendUvarint(b, uint64(len(g.arts)))
		prev := int32(0)
		for _, r := range g.arts {
			b = binary.AppendUvarint(b, uint64(r-prev))
			prev = r
		}
	}
	return b
}

// errBlockState is the error of a state that does not decode.
var errBlockState = errors.New("grouping state: corrupt")

// decodeBlockState reads a state that encode wrote.
func decodeBlockState(data []byte) (*blockState, error) {
	if len(data) == 0 || data[0] != blockStateVersion {
		return nil, errBlockState
	}
	d := data[1:]
	bad := false
	num := func(limit uint64) uint64 {
		v, k := binary.Uvarint(d)
		if k <= 0 || v > limit {
			bad = true
			return 0
		}
		d = d[k:]
		return v
	}
	fixed := func() uint64 {
		if len(d) < 8 {
			bad = true
			return 0
		}
		v := binary.LittleEndian.Uint64(d)
		d = d[8:]
		return v
	}
	st := &blockState{}
	n := num(uint64(len(d)))
	if n == 0 {
		return nil, errBlockState
	}
	st.keys = make([]string, n)
	for r := range st.keys {
		k := num(uint64(len(d)))
		if bad {
			return nil, errBlockState
		}
		st.keys[r], d = string(d[:k]), d[k:]
	}
	nt := num(uint64(len(d)) / 8)
	st.terms, st.counts = make([]uint64, nt), make([]int32, nt)
	for x := range st.terms {
		st.terms[x] = fixed()
	}
	for x := range st.counts {
		st.counts[x] = int32(num(math.MaxInt32))
	}
	if bad || uint64(len(d)) < 8*n {
		return nil, errBlockState
	}
	st.norms = make([]float64, n)
	for r := range st.norms {
		st.norms[r] = math.Float64frombits(fixed())
	}
	st.edges = make([]rankEdge, num(uint64(len(d))/10))
	if n == 0 && len(st.edges) > 0 {
		return nil, errBlockState
	}
	for k := range st.edges {
		b := num(n - 1)
		a := b - num(b)
		st.edges[k] = rankEdge{int32(a), int32(b), math.Float64frombits(fixed())}
	}
	// Every article is in one group.
	in := make([]bool, n)
	st.groups = make([][]int32, num(n))
	for k := range st.groups {
		g := make([]int32, num(n))
		r := uint64(0)
		for x := range g {
			step := num(n)
			if x > 0 && step == 0 {
				bad = true
			}
			if r += step; bad || r >= n || in[r] {
				return nil, errBlockState
			}
			in[r] = true
			g[x] = int32(r)
		}
		if len(g) == 0 {
			return nil, errBlockState
		}
		st.groups[k] = g
	}
	if slices.Contains(in, false) {
		return nil, errBlockState
	}
	str := func() string {
		k := num(uint64(len(d)))
		if bad {
			return ""
		}
		s := string(d[:k])
		d = d[k:]
		return s
	}
	st.claims = make([]int32, n)
	for r := range st.claims {
		st.claims[r] = int32(num(math.MaxInt32))
	}
	st.lower = make([]string, num(uint64(len(d))))
	for k := range st.lower {
		st.lower[k] = str()
	}
	st.book = make([]bookGroup, num(uint64(len(d))))
	for k := range st.book {
		g := &st.book[k]
		g.group = str()
		g.spellings = make([]bookSpelling, num(uint64(len(d))))
		for x := range g.spellings {
			sp := &g.spellings[x]
			sp.spelling, sp.text = str(), str()
			sp.rank, sp.at = int32(num(n-1)), int32(num(math.MaxInt32))
		}
		g.arts = make([]int32, num(uint64(len(d))))
		r := uint64(0)
		for x := range g.arts {
			if r += num(n); r >= n {
				bad = true
			}
			g.arts[x] = int32(r)
		}
		if bad {
			return nil, errBlockState
		}
	}
	if bad || len(d) != 0 || !slices.IsSorted(st.terms) {
		return nil, errBlockState
	}
	return st, nil
}

// groupingKey is the cache key of the state of a blocked grouping with
// options opt.
func groupingKey(opt StoryOptions) string {
	return fmt.Sprintf("grouping-%v-%v-%v", opt.Threshold, opt.Window, opt.Near)
}
