package compare

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/claims"
)

// StoryOptions tune how articles are grouped into stories.
type StoryOptions struct {
	// Threshold is the least average similarity at which two groups of
	// articles are one story. It should be above zero: articles that share
	// no term are then never one story.
	Threshold float64
	// Window is the largest gap between the publication dates of two
	// articles of one story, when both dates are known. Zero sets no limit.
	Window time.Duration
	// Near is the gap within which two dated articles count as published
	// together: their content similarity weighs up to 2.5 times as much.
	Near time.Duration
}

// DefaultStoryOptions are the defaults of Compare.
var DefaultStoryOptions = StoryOptions{Threshold: 0.2, Window: 10 * 24 * time.Hour, Near: 2 * 24 * time.Hour}

// singletonWeight damps terms found in one article only: they cannot be
// shared, but a long article full of them is less like any other.
const singletonWeight = 0.2

// Grouping a large corpus compares only candidate pairs of articles, found
// by blocking, and weighs each article as of its publication. Up to
// exactStories articles every pair is compared, with weights over the whole
// corpus, so that small corpora are grouped exactly as by comparing all
// pairs. Beyond, the articles are taken in date order (byDate), undated
// last, and each is weighed against the articles up to it (see
// blockedEdges):
//
//   - each article is looked up by its blockTerms heaviest terms among those
//     found in at least one article before it and in at most keyDF of the
//     articles up to it: mostly name keys and rare words and word pairs;
//   - the articles before it holding one of them, published within the
//     window or undated, are scored by the weight of the blocking terms they
//     share, times the date factor; the best storyNeighbours of them (K) are
//     compared exactly, so at most K per article;
//   - every other pair counts as similarity 0 in the averages. That is the
//     approximation: such a pair may share common words and so be a little
//     alike, and then the average of any two groups that it joins comes out
//     lower than when all pairs are compared. A story of many hundreds of
//     articles published within the window can thus be cut into parts, as
//     can one whose articles share no rare term;
//   - pairs published further apart than the window are never compared, and
//     two groups whose dated articles would span more than the window are
//     never merged (comparing all pairs keeps them apart only when two such
//     articles share a term, which nearly all do).
//
// What an article brings, its weights, blocking terms and edges, depends on
// the articles before it only, so that an article published after all the
// others adds its own edges and changes no other.
const (
	exactStories    = 300
	blockTerms      = 32
	storyNeighbours = 128
)

// groupStories groups articles into stories by the similarity of their
// content words, word pairs and names (average linkage, so that one shared
// aside does not chain two stories together). Articles published close
// together weigh their similarity up; articles published further apart than
// the window are never one story. Stories are numbered in the order of their
// first article id. No articles give no stories; an article without claims
// is a story of its own. Corpora of more than exactStories articles are
// grouped from candidate pairs (see exactStories), in time and memory that
// grow with the number of articles, not its square.
func groupStories(arts []claims.Article, byArticle map[string][]*claims.Claim, opt StoryOptions) []Story {
	return storiesOf(arts, byArticle, opt, len(arts) > exactStories)
}

// storiesOf is groupStories comparing only blocked candidate pairs when
// blocked is true, else all pairs.
func storiesOf(arts []claims.Article, byArticle map[string][]*claims.Claim, opt StoryOptions, blocked bool) []Story {
	return storiesFrom(arts, bagsOf(arts, byArticle), opt, blocked)
}

// storiesFrom is storiesOf from the articles' bags, which it takes over.
func storiesFrom(arts []claims.Article, bags []bag, opt StoryOptions, blocked bool) []Story {
	out, _, _ := storiesWith(arts, bags, nil, opt, blocked, nil, nil)
	return out
}

// storiesWith is storiesFrom keeping the state of a blocked grouping for
// the next run: keys are the articles' fingerprints (nil: no state kept),
// and prev the state that the last run kept, nil for none. When arts are
// its articles followed by later ones, only the new ones are weighed and
// compared (blockState.extend); the stories are the same either way. order
// is byDate(arts) when the caller has it, else nil. It
// also returns how many articles it weighed: the new ones, or all.
func storiesWith(arts []claims.Article, bags []bag, order []int32, opt StoryOptions, blocked bool, keys []string, prev *blockState) ([]Story, *blockState, int) {
	n := len(arts)
	if n == 0 {
		return nil, nil, 0
	}
	weighed := n
	var groups [][]int32
	var state *blockState
	if blocked {
		// Reading the articles by date lays out those of a story, which
		// are compared with each other, near each other in memory.
		if order == nil {
			order = byDate(arts)
		}
		ok := false
		if prev != nil && keys != nil {
			state, groups, ok = prev.extend(arts, bags, order, keys, opt)
			if ok {
				weighed = n - len(prev.keys)
			}
		}
		if !ok {
			v := termVectorsOf(bags, order)
			edges, norms := blockedEdges(arts, order, v, opt)
			groups = averageLinkage(arts, edges, opt, true)
			if keys != nil {
				state = newBlockState(keys, order, v, norms, edges, groups)
			}
		}
	} else {
		groups = averageLinkage(arts, allEdges(arts, termVectorsOf(bags, nil), opt), opt, false)
	}
	out := make([]Story, 0, len(groups))
	for _, g := range groups {
		ids := make([]string, len(g))
		for k, i := range g {
			ids[k] = arts[i].ID
		}
		sort.Strings(ids)
		out = append(out, Story{Articles: ids})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Articles[0] < out[j].Articles[0] })
	title := map[string]string{}
	for _, a := range arts {
		title[a.ID] = a.Title
	}
	for i := range out {
		out[i].ID = fmt.Sprintf("story-%d", i+1)
		out[i].Title = storyTitle(out[i].Articles, title)
	}
	return out, state, weighed
}

// storyTitle names a story by the shortest non-empty title of its articles:
// a headline rather than an untitled article's first sentence. Ties go to
// the first article.
func storyTitle(ids []string, title map[string]string) string {
	best := ""
	for _, id := range ids {
		t := title[id]
		if t != "" && (best == "" || len(t) < len(best)) {
			best = t
		}
	}
	return best
}

// termVectors are the weighted terms of a corpus: content words, word pairs
// and name keys ("@" and the key), each weighted by (1 + log tf) * idf over
// the articles, terms found in one article only damped by singletonWeight.
// A term is known by a 64-bit hash of its text: two terms that hash alike
// would count as one, a chance of about 3 in 10^8 for a corpus of a million
// distinct terms, and 3 in 10^4 for a hundred million. The terms found in
// two articles or more are numbered in the order of their hashes; article i
// has the terms ids[i] (ascending), counts[i] times each, and term x is in
// df[x] articles. Terms of one article only are left out, as they are never
// shared, but counted in its norm. Weights are computed when read, from the
// counts and document frequencies: 8 bytes per term of an article rather
// than 20 with its hash and weight.
type termVectors struct {
	ids    [][]uint32
	counts [][]int32
	df     []int32
	norm   []float64
	// solo[i] is the sum of the squared (1 + log tf) of article i's terms
	// found in no other article, in units of 1/soloUnit (tfSquared), each
	// count taken up to countMask.
	solo []uint64
	w    *weights
	// hash[x] is the hash of term x; lone are the hashes of the terms of
	// one article only, ascending.
	hash, lone []uint64
}

// weight is the weight of the k-th shared term of article i.
func (v *termVectors) weight(i, k int) float64 {
	return v.w.of(v.counts[i][k], v.df[v.ids[i][k]])
}

// weights computes term weights, (1 + log tf) * idf over n articles, from
// tables for the usual frequencies: every document frequency up to
// maxIDFTable articles (the commonest words are in nearly every article,
// and shared by nearly every pair compared).
type weights struct {
	nf  float64
	ltf [64]float64
	idf []float64
}

// maxIDFTable bounds the idf table: 32 MB of it.
const maxIDFTable = 1 << 22

func newWeights(n int) *weights {
	w := &weights{nf: float64(n), idf: make([]float64, min(n, maxIDFTable)+1)}
	for df := 1; df < len(w.idf); df++ {
		w.idf[df] = math.Log((w.nf + 1) / float64(df))
	}
	for f := 1; f < len(w.ltf); f++ {
		w.ltf[f] = 1 + math.Log(float64(f))
	}
	return w
}

// tf is the weight of a term found f times in an article, before its idf.
func (w *weights) tf(f int32) float64 {
	if int(f) < len(w.ltf) {
		return w.ltf[f]
	}
	return 1 + math.Log(float64(f))
}

// soloUnit is the unit of tfSquared: fine enough, and coarse enough that
// the sum for a million terms is exact in a float64.
const soloUnit = 1 << 24

// tfSquared is tf(f) squared in units of 1/soloUnit. Sums of them are exact
// whatever their order, which makes an article's norm in blockedEdges the
// same whether its new terms are found again later or not.
func (w *weights) tfSquared(f int32) uint64 {
	x := w.tf(f)
	return uint64(math.Round(x * x * soloUnit))
}

// of is the weight of a term found f times in an article and in d articles.
func (w *weights) of(f, d int32) float64 {
	if int(f) < len(w.ltf) && int(d) < len(w.idf) {
		return w.ltf[f] * w.idf[d]
	}
	return (1 + math.Log(float64(f))) * math.Log((w.nf+1)/float64(d))
}

// vectorBlock is the part of a corpus that one worker reads, the articles
// order[lo:hi]: per article, its distinct terms (ascending) and how often it
// has each.
type vectorBlock struct {
	lo, hi int
	terms  [][]uint64
	counts [][]int32
}

// FNV-1a hashing, for terms.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnvString continues the FNV-1a hash h with the bytes of s.
func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// finishHash mixes the bits of an FNV-1a hash into a term's hash.
func finishHash(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return max(h, 1) // 0 marks an empty slot of a termTable
}

// appendWords appends to dst the words of s, as foldedWords returns them;
// ASCII text, the most common, is read without building a folded copy's
// fields.
func appendWords(dst []string, s string) []string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, foldedWords(s)...)
		}
	}
	// Folding ASCII text lowers its capitals; the words are its runs of
	// letters.
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) {
			i++
			continue
		}
		j, upper := i, false
		for ; j < len(s) && isASCIILetter(s[j]); j++ {
			upper = upper || s[j] <= 'Z'
		}
		w := s[i:j]
		if upper {
			w = strings.ToLower(w)
		}
		if len(w) >= 2 && (len(w) > longestStopword || !stopwords[w]) {
			dst = append(dst, stem(w))
		}
		i = j
	}
	return dst
}

// longestStopword is the length of the longest stop word.
var longestStopword = func() int {
	n := 0
	for w := range stopwords {
		n = max(n, len(w))
	}
	return n
}()

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// bag is the terms of one article for story grouping: its distinct term
// hashes, ascending, and how often it has each.
type bag struct {
	terms  []uint64
	counts []int32
}

// bagger computes bags, reusing its buffers from one article to the next.
type bagger struct {
	hs, scratch []uint64
	ws, keys    []string
}

// bag counts the terms of an article's claims: the words of each claim
// (appendWords), each pair of neighbouring words, and the distinct name keys
// of the claim whole and by last part (entityKeys), each hashed from its
// text ("@" before a name key, a space between two words).
func (g *bagger) bag(cls []*claims.Claim) bag {
	g.hs = g.hs[:0]
	for _, c := range cls {
		g.ws = appendWords(g.ws[:0], c.Text)
		var prev uint64
		for j, w := range g.ws {
			h := fnvString(fnvOffset, w)
			g.hs = append(g.hs, finishHash(h))
			if j > 0 {
				g.hs = append(g.hs, finishHash(fnvString(fnvString(prev, " "), w)))
			}
			prev = h
		}
		// The distinct name keys of the claim, whole and last part
		// (entityKeys).
		g.keys = g.keys[:0]
		for _, e := range c.Entities {
			for _, k := range [2]string{e.Key, surnameKey(e.Key)} {
				if k != "" && !slices.Contains(g.keys, k) {
					g.keys = append(g.keys, k)
					g.hs = append(g.hs, finishHash(fnvString(fnvString(fnvOffset, "@"), k)))
				}
			}
		}
	}
	g.hs, g.scratch = sortHashes(g.hs, g.scratch)
	hs := g.hs
	distinct := 0
	for k, h := range hs {
		if k == 0 || h != hs[k-1] {
			distinct++
		}
	}
	b := bag{terms: make([]uint64, 0, distinct), counts: make([]int32, 0, distinct)}
	for k, h := range hs {
		if k > 0 && h == hs[k-1] {
			b.counts[len(b.counts)-1]++
			continue
		}
		b.terms = append(b.terms, h)
		b.counts = append(b.counts, 1)
	}
	return b
}

// bagsOf returns the bags of arts, in their order, computed on all
// processors.
func bagsOf(arts []claims.Article, byArticle map[string][]*claims.Claim) []bag {
	out := make([]bag, len(arts))
	workers := workersFor(len(arts), 64)
	parallel(workers, func(w int) {
		var g bagger
		for i := w * len(arts) / workers; i < (w+1)*len(arts)/workers; i++ {
			out[i] = g.bag(byArticle[arts[i].ID])
		}
	})
	return out
}

// read takes over the bags of the block's articles, so that each can be let
// go once weighed.
func (b *vectorBlock) read(bags []bag, order []int32) {
	b.terms = make([][]uint64, b.hi-b.lo)
	b.counts = make([][]int32, b.hi-b.lo)
	for k := b.lo; k < b.hi; k++ {
		g := &bags[order[k]]
		b.terms[k-b.lo], b.counts[k-b.lo] = g.terms, g.counts
		*g = bag{}
	}
}

// sortHashes sorts hashes, which are spread evenly: it parts them into
// buckets by their top bits, then sorts each bucket. It returns the sorted
// hashes and the other buffer, to use again.
func sortHashes(hs, scratch []uint64) (sorted, spare []uint64) {
	if len(hs) < 64 {
		slices.Sort(hs)
		return hs, scratch
	}
	width := min(16, bits.Len(uint(len(hs)))-2) // of a bucket's number
	var buf [2 * (1<<10 + 1)]int32
	var count, next []int32
	if width <= 10 {
		count, next = buf[:1<<width+1], buf[1<<width+1:2*(1<<width+1)]
	} else {
		count, next = make([]int32, 1<<width+1), make([]int32, 1<<width+1)
	}
	for _, h := range hs {
		count[h>>(64-width)+1]++
	}
	for b := 1; b <= 1<<width; b++ {
		count[b] += count[b-1]
	}
	scratch = slices.Grow(scratch[:0], len(hs))[:len(hs)]
	copy(next, count)
	for _, h := range hs {
		b := h >> (64 - width)
		scratch[next[b]] = h
		next[b]++
	}
	for b := range 1 << width {
		bucket := scratch[count[b]:count[b+1]]
		if len(bucket) > 16 {
			slices.Sort(bucket)
			continue
		}
		for x := 1; x < len(bucket); x++ {
			for y := x; y > 0 && bucket[y] < bucket[y-1]; y-- {
				bucket[y], bucket[y-1] = bucket[y-1], bucket[y]
			}
		}
	}
	return scratch, hs
}

// termTable counts terms by hash: open addressing, linear probing, each
// hash beside its count so that a look-up reads one cache line.
type termTable struct {
	slots []termSlot
	used  int
}

type termSlot struct {
	h uint64 // 0: empty
	n int32
}

// find returns the slot of h, or the empty slot where it would go.
func (t *termTable) find(h uint64) *termSlot {
	mask := uint64(len(t.slots) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		if s := &t.slots[k]; s.h == h || s.h == 0 {
			return s
		}
	}
}

// reset empties the table, keeping its room.
func (t *termTable) reset() {
	clear(t.slots)
	t.used = 0
}

// add counts h once more.
func (t *termTable) add(h uint64) {
	t.slot(h).n++
}

// set sets the count of h.
func (t *termTable) set(h uint64, n int32) {
	t.slot(h).n = n
}

// slot is the slot of h, made if new.
func (t *termTable) slot(h uint64) *termSlot {
	if 2*(t.used+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]termSlot, max(1024, 2*len(old)))
		for _, o := range old {
			if o.h != 0 {
				*t.find(o.h) = o
			}
		}
	}
	s := t.find(h)
	if s.h == 0 {
		s.h = h
		t.used++
	}
	return s
}

// get is the count of h, 0 when never added.
func (t *termTable) get(h uint64) int32 {
	if len(t.slots) == 0 {
		return 0
	}
	return t.find(h).n
}

// parallel calls f(w) for w in [0, workers) on as many goroutines.
func parallel(workers int, f func(w int)) {
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(w)
		}()
	}
	wg.Wait()
}

// workersFor is how many goroutines share n items of work, at least least
// items each.
func workersFor(n, least int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n/least))
}

// newTermVectors weighs the terms of arts, read in the given order of their
// indices (nil: in turn) by as many workers as there are processors, each
// given a run of articles; the result depends neither on the order nor on
// the number of workers.
func newTermVectors(arts []claims.Article, byArticle map[string][]*claims.Claim, order []int32) *termVectors {
	return termVectorsOf(bagsOf(arts, byArticle), order)
}

// termVectorsOf is newTermVectors from the articles' bags, which it takes
// over.
func termVectorsOf(bags []bag, order []int32) *termVectors {
	n := len(bags)
	if order == nil {
		order = make([]int32, n)
		for i := range order {
			order[i] = int32(i)
		}
	}
	workers := workersFor(n, 64)
	blocks := make([]vectorBlock, workers)
	for w := range blocks {
		blocks[w].lo, blocks[w].hi = w*n/workers, (w+1)*n/workers
	}
	parallel(workers, func(w int) { blocks[w].read(bags, order) })

	df, hashes, solo := documentFrequencies(blocks, workers)

	v := &termVectors{
		ids:    make([][]uint32, n),
		counts: make([][]int32, n),
		df:     df,
		norm:   make([]float64, n),
		solo:   make([]uint64, n),
		w:      newWeights(n),
		hash:   hashes,
		lone:   solo,
	}
	parallel(workers, func(w int) {
		b := &blocks[w]
		for k := range b.hi - b.lo {
			found, counts := b.terms[k], b.counts[k]
			shared := 0
			for _, t := range found {
				if sharedTerm(t) {
					shared++
				}
			}
			ids, cs := make([]uint32, 0, shared), make([]int32, 0, shared)
			var norm float64
			var solo uint64
			for e, t := range found {
				x := v.w.of(counts[e], int32(uint32(t)))
				if sharedTerm(t) {
					ids, cs = append(ids, uint32(t>>32)), append(cs, counts[e])
				} else {
					x *= singletonWeight
					solo += v.w.tfSquared(min(counts[e], countMask))
				}
				norm += x * x
			}
			i := order[b.lo+k]
			v.ids[i], v.counts[i], v.norm[i], v.solo[i] = ids, cs, math.Sqrt(norm), solo
			b.terms[k], b.counts[k] = nil, nil
		}
	})
	return v
}

// freqPasses is about how many passes documentFrequencies makes, of at
// least minPassTerms terms each.
const freqPasses = 8

var minPassTerms = 1 << 20

// shardTerms is about how many terms documentFrequencies counts at once.
var shardTerms = 1 << 15

// sharedTerm reports whether a value that documentFrequencies leaves in
// place of a term is of a term found in two articles or more.
func sharedTerm(t uint64) bool { return uint32(t) >= 2 }

// documentFrequencies counts the articles of each term of the blocks and
// numbers the terms found in two or more, in the order of their hashes. In
// place of each term of an article it leaves what is known of it: for a term
// of one article, its document frequency (1); for a shared term, its number
// in the top 32 bits and its document frequency in the low ones (see
// sharedTerm). It returns the document frequency and the hash of each
// numbered term, and the hashes of the terms of one article, ascending.
//
// The terms are parted by the top bits of their hashes into shards small
// enough to count in cache, and the shards counted a few at a time, in
// passes that copy some 1/freqPasses of the terms each: an article's terms
// are sorted, so those of a pass are the next run of them, which the pass
// then overwrites. Copying all terms at once would hold as much memory again
// as the articles' terms themselves.
func documentFrequencies(blocks []vectorBlock, workers int) (df []int32, hashes, solo []uint64) {
	total := 0
	for _, b := range blocks {
		for _, ts := range b.terms {
			total += len(ts)
		}
	}
	// Shards of up to 2^15 terms, but no more than 2^10 of them, so that
	// parting and gathering write and read few streams at a time.
	bits := 0
	for total>>bits > shardTerms && bits < 10 {
		bits++
	}
	shards := 1 << bits
	shard := func(h uint64) int { return int(h >> (64 - bits)) }
	// size[w][s] is how many terms block w has in shard s; at[w][k] is
	// where article k of block w has its first term not yet counted.
	size := make([][]int, len(blocks))
	at := make([][]int32, len(blocks))
	parallel(len(blocks), func(w int) {
		size[w] = make([]int, shards)
		at[w] = make([]int32, len(blocks[w].terms))
		for _, ts := range blocks[w].terms {
			for _, h := range ts {
				size[w][shard(h)]++
			}
		}
	})
	inShard := make([]int, shards) // terms of all blocks
	for _, sz := range size {
		for s, n := range sz {
			inShard[s] += n
		}
	}
	perPass := max(minPassTerms, total/freqPasses)
	var flat []uint64
	for lo := 0; lo < shards; {
		// The pass counts shards lo to hi-1; start[s-lo] is where shard
		// s begins in flat, cursor[w][s-lo] where block w's terms of it go.
		hi, n := lo, 0
		for hi < shards && (hi == lo || n+inShard[hi] <= perPass) {
			n += inShard[hi]
			hi++
		}
		start := make([]int, hi-lo+1)
		cursor := make([][]int, len(blocks))
		for w := range blocks {
			cursor[w] = make([]int, hi-lo)
		}
		for s := lo; s < hi; s++ {
			p := start[s-lo]
			for w := range blocks {
				cursor[w][s-lo] = p
				p += size[w][s]
			}
			start[s-lo+1] = p
		}
		flat = slices.Grow(flat[:0], n)[:n]
		// walk calls f with each term of the pass in block w, in the
		// order of the articles, and its place in flat; with done set,
		// it moves the articles past those terms.
		walk := func(w int, done bool, f func(ts []uint64, e, k int)) {
			c := slices.Clone(cursor[w])
			for k, ts := range blocks[w].terms {
				e := int(at[w][k])
				for ; e < len(ts) && shard(ts[e]) < hi; e++ {
					s := shard(ts[e]) - lo
					f(ts, e, c[s])
					c[s]++
				}
				if done {
					at[w][k] = int32(e)
				}
			}
		}
		parallel(len(blocks), func(w int) {
			walk(w, false, func(ts []uint64, e, k int) { flat[k] = ts[e] })
		})
		// First the shared terms of each shard, in hash order; shards are
		// in hash order too, so their terms are numbered shard after shard.
		sharedOf := make([][]uint64, hi-lo)
		parallel(workers, func(w int) {
			var t termTable
			for s := w; s < hi-lo; s += workers {
				t.reset()
				for _, h := range flat[start[s]:start[s+1]] {
					t.add(h)
				}
				var shared []uint64
				for _, slot := range t.slots {
					if slot.h != 0 && slot.n >= 2 {
						shared = append(shared, slot.h)
					}
				}
				slices.Sort(shared)
				sharedOf[s] = shared
			}
		})
		first := make([]int, hi-lo+1)
		first[0] = len(df)
		for s := range hi - lo {
			first[s+1] = first[s] + len(sharedOf[s])
		}
		df = slices.Grow(df, first[hi-lo]-len(df))[:first[hi-lo]]
		for _, sh := range sharedOf {
			hashes = append(hashes, sh...)
		}
		soloOf := make([][]uint64, hi-lo)
		parallel(workers, func(w int) {
			var t termTable
			for s := w; s < hi-lo; s += workers {
				t.reset()
				hs := flat[start[s]:start[s+1]]
				for _, h := range hs {
					t.add(h)
				}
				// A shared term's slot holds minus one less its number.
				for x, h := range sharedOf[s] {
					slot := t.find(h)
					df[first[s]+x] = slot.n
					slot.n = -int32(first[s]+x) - 1
				}
				sharedOf[s] = nil
				for k, h := range hs {
					if n := t.get(h); n < 0 {
						x := -(n + 1)
						hs[k] = uint64(x)<<32 | uint64(df[x])
					} else {
						hs[k] = uint64(n)
						soloOf[s] = append(soloOf[s], h)
					}
				}
			}
		})
		for _, so := range soloOf {
			solo = append(solo, so...)
		}
		// What is known of each term goes back in its place.
		parallel(len(blocks), func(w int) {
			walk(w, true, func(ts []uint64, e, k int) { ts[e] = flat[k] })
		})
		lo = hi
	}
	slices.Sort(solo)
	return df, hashes, solo
}

// cosine is the cosine similarity of articles i and j.
func (v *termVectors) cosine(i, j int) float64 {
	if v.norm[i] == 0 || v.norm[j] == 0 {
		return 0
	}
	a, b := v.ids[i], v.ids[j]
	ca, cb := v.counts[i], v.counts[j]
	var dot float64
	for x, y := 0, 0; x < len(a) && y < len(b); {
		switch {
		case a[x] < b[y]:
			x++
		case a[x] > b[y]:
			y++
		default:
			d := v.df[a[x]]
			dot += v.w.of(ca[x], d) * v.w.of(cb[y], d)
			x++
			y++
		}
	}
	return dot / (v.norm[i] * v.norm[j])
}

// storyEdge is the similarity s of articles a and b.
type storyEdge struct {
	a, b int32
	s    float64
}

// allEdges compares every pair of articles. Pairs of similarity zero are
// left out unless the threshold lets them join.
func allEdges(arts []claims.Article, v *termVectors, opt StoryOptions) []storyEdge {
	n := len(arts)
	rows := make([][]storyEdge, n)
	workers := workersFor(n, 32)
	parallel(workers, func(w int) {
		for i := w; i < n; i += workers {
			for j := i + 1; j < n; j++ {
				s := v.cosine(i, j) * dateFactor(arts[i], arts[j], opt)
				if s != 0 || opt.Threshold <= 0 {
					rows[i] = append(rows[i], storyEdge{int32(i), int32(j), s})
				}
			}
		}
	})
	return slices.Concat(rows...)
}

// posting is an article (by date rank) holding a term with weight w.
type posting struct {
	rank int32
	w    float32
}

// byDate returns the articles' indices in the order of their publication
// dates, undated last, each article's index being its date rank.
func byDate(arts []claims.Article) []int32 {
	order := make([]int32, len(arts))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(x, y int32) int {
		a, b := &arts[x], &arts[y]
		switch {
		case a.HasDate() && b.HasDate():
			return a.Published.Compare(b.Published)
		case a.HasDate():
			return -1
		case b.HasDate():
			return 1
		}
		return 0
	})
	return order
}

// storyLink is what two groups of articles share: the sum of the
// similarities of their pairs, and how many of their pairs may never be one
// story.
type storyLink struct {
	sum   float64
	never int32
}

// storyNeighbour is what a group shares with group (or article) o.
type storyNeighbour struct {
	o int32
	l storyLink
}

// mergeCandidate is the average similarity s of groups a < b (known by
// their least articles), and their versions when it was computed. Ties go
// to the pair with the greater a, then the greater b, as the pairwise
// search did.
type mergeCandidate struct {
	s      float64
	a, b   int32
	va, vb uint32
}

// before reports whether x is to merge before y.
func (x mergeCandidate) before(y mergeCandidate) bool {
	if x.s != y.s {
		return x.s > y.s
	}
	if x.a != y.a {
		return x.a > y.a
	}
	return x.b > y.b
}

// mergeHeap is a max-heap of merge candidates.
type mergeHeap []mergeCandidate

// push adds c to the heap.
func (h *mergeHeap) push(c mergeCandidate) {
	*h = append(*h, c)
	q := *h
	for k := len(q) - 1; k > 0; {
		p := (k - 1) / 2
		if !q[k].before(q[p]) {
			break
		}
		q[k], q[p] = q[p], q[k]
		k = p
	}
}

// pop removes and returns the first candidate; the heap must not be empty.
func (h *mergeHeap) pop() mergeCandidate {
	q := *h
	top := q[0]
	last := len(q) - 1
	q[0] = q[last]
	q = q[:last]
	for k := 0; ; {
		c := 2*k + 1
		if c >= len(q) {
			break
		}
		if c+1 < len(q) && q[c+1].before(q[c]) {
			c++
		}
		if !q[c].before(q[k]) {
			break
		}
		q[k], q[c] = q[c], q[k]
		k = c
	}
	*h = q
	return top
}

// averageLinkage merges, best first, the two groups of articles whose
// average pairwise similarity is highest while it reaches the threshold;
// pairs without an edge count as 0, negative edges (articles too far apart
// in time) forbid the merge, and with bySpan so does a span of publication
// dates longer than the window. Ties go to the pair of groups whose least
// articles come last. It returns the groups.
func averageLinkage(arts []claims.Article, edges []storyEdge, opt StoryOptions, bySpan bool) [][]int32 {
	n := len(arts)
	g := &linkage{
		opt:    opt,
		bySpan: bySpan,
		size:   make([]int32, n),
		ver:    make([]uint32, n),
		parent: make([]int32, n),
		next:   make([]int32, n),
		last:   make([]int32, n),
		first:  make([]time.Time, n),
		final:  make([]time.Time, n),
		nb:     make([][]storyNeighbour, n),
	}
	for i := range n {
		g.size[i], g.parent[i], g.next[i], g.last[i] = 1, int32(i), -1, int32(i)
		g.first[i], g.final[i] = arts[i].Published, arts[i].Published
	}
	// Groups only ever join across edges that are not negative, so each
	// connected part of the graph they make is grouped on its own, with a
	// heap of its own that stays small.
	for _, e := range edges {
		if e.s >= 0 {
			if a, b := g.find(e.a), g.find(e.b); a != b {
				g.parent[max(a, b)] = min(a, b)
			}
		}
	}
	part := make([]int, n+1) // edges of part i: byPart[part[i]:part[i+1]]
	for _, e := range edges {
		if r := g.find(e.a); r == g.find(e.b) {
			part[r+1]++
		}
	}
	for i := range n {
		part[i+1] += part[i]
	}
	byPart := make([]storyEdge, part[n])
	at := slices.Clone(part[:n])
	for _, e := range edges {
		if r := g.find(e.a); r == g.find(e.b) {
			byPart[at[r]] = e
			at[r]++
		}
	}
	for i := range n {
		g.parent[i] = int32(i)
	}
	for i := range n {
		if part[i] < part[i+1] {
			g.run(byPart[part[i]:part[i+1]])
		}
	}
	var groups [][]int32
	for i := range n {
		if g.parent[i] != int32(i) {
			continue
		}
		var members []int32
		for k := int32(i); k >= 0; k = g.next[k] {
			members = append(members, k)
		}
		groups = append(groups, members)
	}
	return groups
}

// linkage is the state of averageLinkage. A group is known by its least
// article, which leads the list of its members.
type linkage struct {
	opt    StoryOptions
	bySpan bool
	size   []int32
	ver    []uint32 // changes when the group grows
	parent []int32  // a group's articles lead to its id
	next   []int32  // the group's next member, -1 for none
	last   []int32
	// first and final are the earliest and latest publication dates of
	// the group, zero when none is known.
	first, final []time.Time
	// nb[g] lists what group g shares with others. Entries may name an
	// article of a group that has since grown, and one group more than
	// once: growing compacts the list of the group that grows.
	nb     [][]storyNeighbour
	h      mergeHeap
	merged []storyNeighbour
}

// find returns the group of article i.
func (g *linkage) find(i int32) int32 {
	for g.parent[i] != i {
		g.parent[i] = g.parent[g.parent[i]]
		i = g.parent[i]
	}
	return i
}

// consider queues the merge of groups a and b if they may be one story.
func (g *linkage) consider(a, b int32, l storyLink) {
	if l.never > 0 {
		return
	}
	if g.bySpan && g.opt.Window > 0 && !g.first[a].IsZero() && !g.first[b].IsZero() {
		lo, hi := g.first[a], g.final[a]
		if g.first[b].Before(lo) {
			lo = g.first[b]
		}
		if g.final[b].After(hi) {
			hi = g.final[b]
		}
		if hi.Sub(lo) > g.opt.Window {
			return
		}
	}
	s := l.sum / float64(int64(g.size[a])*int64(g.size[b]))
	if s < g.opt.Threshold {
		return
	}
	a, b = min(a, b), max(a, b)
	g.h.push(mergeCandidate{s: s, a: a, b: b, va: g.ver[a], vb: g.ver[b]})
}

// run groups the articles of one connected part, given its edges.
func (g *linkage) run(edges []storyEdge) {
	for _, e := range edges {
		g.nb[e.a] = g.nb[e.a][:0]
		g.nb[e.b] = g.nb[e.b][:0]
	}
	for _, e := range edges {
		l := storyLink{sum: e.s}
		if e.s < 0 {
			l.never = 1
		}
		g.nb[e.a] = append(g.nb[e.a], storyNeighbour{e.b, l})
		g.nb[e.b] = append(g.nb[e.b], storyNeighbour{e.a, l})
		g.consider(e.a, e.b, l)
	}
	for len(g.h) > 0 {
		c := g.h.pop()
		u, x := c.a, c.b // x joins u, the group of the lesser article
		if g.parent[u] != u || g.parent[x] != x || g.ver[u] != c.va || g.ver[x] != c.vb {
			continue
		}
		g.parent[x] = u
		g.size[u] += g.size[x]
		if !g.first[x].IsZero() {
			if g.first[u].IsZero() || g.first[x].Before(g.first[u]) {
				g.first[u] = g.first[x]
			}
			if g.final[u].IsZero() || g.final[x].After(g.final[u]) {
				g.final[u] = g.final[x]
			}
		}
		g.next[g.last[u]], g.last[u] = x, g.last[x]
		g.ver[u]++

		merged := append(append(g.merged[:0], g.nb[u]...), g.nb[x]...)
		for k := range merged {
			merged[k].o = g.find(merged[k].o)
		}
		slices.SortStableFunc(merged, func(p, q storyNeighbour) int { return cmp.Compare(p.o, q.o) })
		list := g.nb[u][:0]
		if cap(list) < len(merged) {
			list = make([]storyNeighbour, 0, len(merged))
		}
		for _, m := range merged {
			switch {
			case m.o == u:
			case len(list) > 0 && list[len(list)-1].o == m.o:
				l := &list[len(list)-1].l
				l.sum += m.l.sum
				l.never += m.l.never
			default:
				list = append(list, m)
			}
		}
		g.nb[u], g.nb[x], g.merged = list, nil, merged
		for _, m := range list {
			g.consider(u, m.o, m.l)
		}
	}
}

// dateFactor weighs the content similarity of two articles by their
// publication dates: -1 (never one story) when both are dated further apart
// than the window, 2.5 when published within Near of each other, falling to
// 1 at three times Near, and 1 when either date is unknown.
func dateFactor(a, b claims.Article, opt StoryOptions) float64 {
	return dateWeight(a.Published, b.Published, opt)
}

// dateWeight is dateFactor of two articles published at a and b, the zero
// time when unknown.
func dateWeight(a, b time.Time, opt StoryOptions) float64 {
	if a.IsZero() || b.IsZero() {
		return 1
	}
	d := a.Sub(b)
	if d < 0 {
		d = -d
	}
	switch {
	case opt.Window > 0 && d > opt.Window:
		return -1
	case d <= opt.Near:
		return 2.5
	case d >= 3*opt.Near:
		return 1
	}
	return 2.5 - 1.5*float64(d-opt.Near)/float64(2*opt.Near)
}
