package compare

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/names"
	"github.com/crosscheck/crosscheck/claims/wire"
)

// Source gives CompareFrom the claims of articles, a few articles at a time,
// so that a corpus larger than memory is compared story by story. The claim
// index is one. Claims must be safe for concurrent use and return the claims
// of each article in their order in the article.
type Source interface {
	Claims(articleIDs ...string) ([]claims.Claim, error)
}

// scanChunk is how many articles the first pass reads at a time.
const scanChunk = 64

// CompareFrom is Compare for a corpus whose claims come from src. It reads
// every article's claims twice, never all at once: a first pass learns what
// needs the whole corpus (the spellings of names, the words written in lower
// case, and each article's terms for grouping stories), from each article's
// record in opt.Cache when it is there; a second compares the stories, one
// story's claims in memory per processor at a time, or reads their findings
// back from opt.Cache. Words
// are weighed by their frequency in the story, so that what is found within
// a story depends on its articles alone. Its result is Compare's for the
// same claims.
func CompareFrom(ctx context.Context, arts []claims.Article, src Source, cands Candidates, opt Options) (Result, error) {
	if opt.Stories == (StoryOptions{}) {
		opt.Stories = DefaultStoryOptions
	}
	if opt.Limit <= 0 {
		opt.Limit = 40
	}
	if len(arts) == 0 {
		return Result{}, nil
	}
	t0 := time.Now()
	// A blocked grouping keeps its state for the next run, when every
	// article has a fingerprint. When the articles are the last run's
	// followed by later ones, the first pass reads the articles in the
	// window of the new ones only, and the state tells the rest. The
	// state is read while the articles' fingerprints are taken.
	blocked := len(arts) > exactStories
	type stateRead struct {
		st  *blockState
		err error
	}
	var last chan stateRead
	if opt.Cache != nil && blocked {
		last = make(chan stateRead, 1)
		go func() {
			data, err := opt.Cache.Get(groupingKey(opt.Stories))
			var st *blockState
			if err == nil && data != nil {
				// A state that does not decode is grouped anew.
				st, _ = decodeBlockState(data)
			}
			last <- stateRead{st, err}
		}()
	}
	recKeys := scanKeys(arts, opt.Cache)
	var (
		prev, state *blockState
		stateKey    string
		stateKeys   []string
		order       []int32
		sel         []int
	)
	if last != nil {
		r := <-last
		if r.err != nil {
			return Result{}, fmt.Errorf("story cache: %w", r.err)
		}
		prev = r.st
	}
	if opt.Cache != nil && blocked && !slices.Contains(recKeys, "") {
		stateKey, stateKeys = groupingKey(opt.Stories), recKeys
		order = byDate(arts)
		if prev != nil {
			lo, ok := prev.window(arts, order, recKeys, opt.Stories)
			if !ok {
				prev = nil
			} else {
				sel = make([]int, 0, len(arts)-lo)
				for _, i := range order[lo:] {
					sel = append(sel, int(i))
				}
			}
		}
	} else {
		prev = nil
	}
	sc, err := scan(ctx, arts, src, opt.Cache, recKeys, sel)
	if err != nil {
		return Result{}, err
	}
	if prev != nil {
		prev.restore(sc, arts, order)
	}
	t1 := time.Now()
	res := Result{Claims: sc.counts}
	res.Stories, state, res.Phases.Weighed = storiesWith(arts, sc.bags, order, opt.Stories, blocked, stateKeys, prev)
	if prev != nil && res.Phases.Weighed != len(arts)-len(prev.keys) {
		// The first pass read the window only: a whole grouping now
		// would miss the other articles' terms.
		return Result{}, errors.New("grouping state: the last run's state was not taken up")
	}
	if state != nil && state != prev {
		state.learn(sc, arts, order)
	}
	sc.bags = nil
	t2 := time.Now()
	res.Phases.Scan, res.Phases.Group = t1.Sub(t0), t2.Sub(t1)

	storyOf := map[string]string{}
	for _, s := range res.Stories {
		for _, a := range s.Articles {
			storyOf[a] = s.ID
		}
	}
	names := sc.names.candidates(sc.lower, sc.ids)

	g := &global{arts: map[string]*claims.Article{}, names: names, rank: sc.rank}
	for i := range arts {
		g.arts[arts[i].ID] = &arts[i]
	}
	keys := storyKeys(res.Stories, arts, recKeys, opt)
	// Stories are compared on all processors; their results are taken in
	// story order as they come, and let go once taken.
	sink := newSink(len(res.Stories))
	next := make(chan int)
	var (
		wg       sync.WaitGroup
		errOnce  sync.Once
		firstErr error
	)
	fail := func(err error) { errOnce.Do(func() { firstErr = err }) }
	for range min(runtime.GOMAXPROCS(0), len(res.Stories)) {
		wg.Go(func() {
			for i := range next {
				if firstErr != nil || ctx.Err() != nil {
					sink.skip(i)
					continue
				}
				var r storyResult
				var err error
				// Each story's findings are read from the cache as it
				// comes, so that memory holds those of the stories being
				// compared only.
				if k := keys[i]; k != "" {
					var data []byte
					if data, err = opt.Cache.Get(k); err != nil {
						fail(fmt.Errorf("story cache: %w", err))
						sink.skip(i)
						continue
					}
					if data != nil {
						// Without Variants, the support of a story
						// found in the cache is given again, from its
						// corroborating pairs.
						var pairs func() ([]byte, error)
						if opt.Variants == nil {
							pairs = func() ([]byte, error) { return opt.Cache.Get(pairsKey(k)) }
						}
						r, r.reused, err = g.reuseStory(res.Stories[i], data, src, pairs)
					}
				}
				if !r.reused && err == nil {
					r, err = g.compareStory(ctx, res.Stories[i], src, cands, opt)
				}
				if err != nil {
					fail(err)
					sink.skip(i)
					continue
				}
				sink.put(i, &r)
			}
		})
	}

	found := map[string]*Discrepancy{}
	add := func(d Discrepancy) {
		if prev, ok := found[d.ID]; ok {
			if d.Confidence > prev.Confidence {
				*prev = d
			}
			return
		}
		found[d.ID] = &d
	}
	// Without a Support of the caller's, the support of claims is
	// gathered into the result.
	var support map[string]Support
	if opt.Support == nil {
		support = map[string]Support{}
		opt.Support = func(_ []string, s map[string]Support) error {
			for id, sp := range s {
				o := support[id]
				o.Corroborated = append(o.Corroborated, sp.Corroborated...)
				o.Contradicted = append(o.Contradicted, sp.Contradicted...)
				support[id] = o
			}
			return nil
		}
	}
	var (
		mentions = make([]storyNames, len(res.Stories))
		keep     []string
		put      = map[string][]byte{}
	)
	for _, k := range recKeys {
		if k != "" {
			keep = append(keep, k)
		}
	}
	if state != nil {
		keep = append(keep, stateKey)
		if state != prev {
			put[stateKey] = state.encode()
		}
	}
	flush := func() error {
		if len(put) == 0 {
			return nil
		}
		err := opt.Cache.Put(put)
		clear(put)
		return err
	}
	take := func(i int, r *storyResult) error {
		res.Comparisons += r.comparisons
		mentions[i] = namesOf(r)
		for _, d := range r.found {
			add(d)
		}
		// A story's support is given before its findings are cached, so
		// that a story found in the cache had its support given.
		if !r.reused || opt.Variants == nil {
			if err := opt.Support(res.Stories[i].Articles, storySupport(r)); err != nil {
				return err
			}
		}
		if k := keys[i]; k != "" && opt.Cache != nil {
			keep = append(keep, k, pairsKey(k))
			if len(mentions[i].roots) > 0 {
				keep = append(keep, spotsKey(k))
			}
			if !r.reused || r.recache {
				head, pairs, err := encodeStory(*r)
				if err != nil {
					return err
				}
				put[k] = head
				// A story cached again for its mentions of names keeps
				// its pairs.
				if !r.reused {
					put[pairsKey(k)] = pairs
				}
				if len(r.spotted) > 0 {
					if put[spotsKey(k)], err = encodeSpots(r.spotted); err != nil {
						return err
					}
				}
				if len(put) >= cacheFlush {
					if err := flush(); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	done := make(chan error, 1)
	go func() {
		var err error
		for i := range res.Stories {
			r, ok := sink.take(i)
			if ok && err == nil {
				if err = take(i, r); err != nil {
					fail(err)
				}
			}
			if opt.Progress != nil {
				opt.Progress(i+1, len(res.Stories))
			}
		}
		done <- err
	}()
	for i := range res.Stories {
		next <- i
	}
	close(next)
	wg.Wait()
	takeErr := <-done
	if firstErr != nil {
		return Result{}, firstErr
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	if takeErr != nil {
		return Result{}, takeErr
	}
	for i := range res.Stories {
		if sink.reused[i] {
			res.Reused++
		}
	}

	vr, err := g.nameVariants(res.Stories, mentions, keys, storyOf, src, opt.Cache)
	if err != nil {
		return Result{}, err
	}
	res.Phases.VariantGroups, res.Phases.VariantsBuilt = vr.groups, vr.built
	for _, d := range vr.found {
		add(d)
	}
	for _, d := range found {
		res.Discrepancies = append(res.Discrepancies, *d)
	}
	sortDiscrepancies(res.Discrepancies)
	// The stories gave the support of their claims; what is left is the
	// name variants', which cross stories: given whole to Support, or to
	// Variants for the articles whose disputes by them may have changed.
	if opt.Variants == nil {
		if sp := contradictions(vr.found); len(sp) > 0 {
			if err := opt.Support(evidenceArticles(vr.found), sp); err != nil {
				return Result{}, err
			}
		}
	} else {
		arts := vr.changed
		if vr.complete() {
			arts = evidenceArticles(vr.found)
		}
		only := make(map[string]bool, len(arts))
		for _, a := range arts {
			only[a] = true
		}
		if err := opt.Variants(arts, contradictionsOf(vr.found, only), vr.complete()); err != nil {
			return Result{}, err
		}
	}
	// The variants are cached once their support is given, so that a
	// variant found in the cache had its support given.
	if opt.Cache != nil {
		keep = append(keep, vr.keep...)
		maps.Copy(put, vr.puts)
		if err := flush(); err != nil {
			return Result{}, fmt.Errorf("story cache: %w", err)
		}
		if err := opt.Cache.Prune(keep); err != nil {
			return Result{}, fmt.Errorf("story cache: %w", err)
		}
	}
	if support != nil {
		for id, sp := range support {
			sort.Strings(sp.Contradicted)
			support[id] = sp
		}
		res.Support = support
	}
	res.Phases.Stories = time.Since(t2)
	return res, nil
}

// cacheFlush is how many stories' findings are written to the cache at a
// time.
var cacheFlush = 256

// evidenceArticles are the articles of the evidence of ds, in the order
// they first come.
func evidenceArticles(ds []Discrepancy) []string {
	var arts []string
	seen := map[string]bool{}
	for _, d := range ds {
		for _, ev := range d.Evidence {
			if !seen[ev.Article] {
				seen[ev.Article] = true
				arts = append(arts, ev.Article)
			}
		}
	}
	return arts
}

// contradictions is, per claim in the evidence of ds, the discrepancies
// that dispute it, sorted.
func contradictions(ds []Discrepancy) map[string]Support { return contradictionsOf(ds, nil) }

// storySupport is the support of a story's claims from its own findings.
func storySupport(r *storyResult) map[string]Support {
	out := contradictions(r.found)
	for _, p := range r.corroborated {
		for _, k := range [2]int{0, 1} {
			sp := out[p[k]]
			sp.Corroborated = append(sp.Corroborated, p[1-k])
			out[p[k]] = sp
		}
	}
	for id, sp := range out {
		sort.Strings(sp.Corroborated)
		out[id] = sp
	}
	return out
}

// sink hands the results of stories, compared in any order, to one reader
// in story order.
type sink struct {
	mu     sync.Mutex
	cond   *sync.Cond
	ready  []*storyResult
	state  []int8 // 0 pending, 1 ready, 2 skipped
	reused []bool
}

func newSink(n int) *sink {
	s := &sink{ready: make([]*storyResult, n), state: make([]int8, n), reused: make([]bool, n)}
	s.cond = sync.NewCond(&s.mu)
	return s
}

func (s *sink) put(i int, r *storyResult) {
	s.mu.Lock()
	s.ready[i], s.state[i], s.reused[i] = r, 1, r.reused
	s.mu.Unlock()
	s.cond.Broadcast()
}

func (s *sink) skip(i int) {
	s.mu.Lock()
	s.state[i] = 2
	s.mu.Unlock()
	s.cond.Broadcast()
}

// take waits for story i and returns its result, false when it was skipped.
func (s *sink) take(i int) (*storyResult, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.state[i] == 0 {
		s.cond.Wait()
	}
	r := s.ready[i]
	s.ready[i] = nil
	return r, s.state[i] == 1
}

// scanned is what the first pass learns of the whole corpus.
type scanned struct {
	bags   []bag          // per article, in the order given
	counts map[string]int // claims per article
	lower  map[string]bool
	names  *nameBook
	rank   map[string]int // article id -> place in id order
	ids    []string       // article ids by rank
}

// scanKeys are the keys of the articles' scan records in cache, nil
// without one.
func scanKeys(arts []claims.Article, cache Cache) []string {
	if cache == nil {
		return nil
	}
	keys := make([]string, len(arts))
	workers := workersFor(len(arts), 1024)
	parallel(workers, func(w int) {
		for i := w * len(arts) / workers; i < (w+1)*len(arts)/workers; i++ {
			keys[i] = scanKey(&arts[i])
		}
	})
	return keys
}

// storyKeys are the cache keys of the stories of more than one article
// ("" for the others), from the keys of their articles' scan records
// (scanKeys; nil without a cache).
func storyKeys(stories []Story, arts []claims.Article, recKeys []string, opt Options) []string {
	keys := make([]string, len(stories))
	if recKeys == nil {
		return keys
	}
	keyOf := make(map[string]string, len(arts))
	for i := range arts {
		keyOf[arts[i].ID] = recKeys[i]
	}
	workers := workersFor(len(stories), 256)
	parallel(workers, func(w int) {
		for i := w * len(stories) / workers; i < (w+1)*len(stories)/workers; i++ {
			if len(stories[i].Articles) > 1 {
				keys[i] = storyKey(stories[i], keyOf, opt)
			}
		}
	})
	return keys
}

// scan is the first pass of CompareFrom, on all processors, over the
// articles sel (indices in arts, nil for all): the others are known from
// elsewhere, and their bags stay empty. With a cache, it reads each
// article's scan record from it, reading the claims of the articles without
// one and caching theirs; keys are the records' keys (scanKeys).
func scan(ctx context.Context, arts []claims.Article, src Source, cache Cache, keys []string, sel []int) (sc *scanned, err error) {
	sc = &scanned{bags: make([]bag, len(arts)), counts: map[string]int{}, rank: map[string]int{}}
	if sel == nil {
		sel = make([]int, len(arts))
		for i := range sel {
			sel[i] = i
		}
	}
	puts := &recordPuts{cache: cache, pending: map[string][]byte{}}
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	sort.Strings(ids)
	for i, id := range ids {
		sc.rank[id] = i
	}
	sc.ids = ids
	type part struct {
		lower  map[string]bool
		names  *nameBook
		counts map[string]int
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), (len(sel)+scanChunk-1)/scanChunk))
	parts := make([]part, workers)
	next := make(chan int)
	var (
		wg       sync.WaitGroup
		errOnce  sync.Once
		firstErr error
	)
	for w := range workers {
		p := &parts[w]
		p.lower, p.names, p.counts = map[string]bool{}, newNameBook(), map[string]int{}
		wg.Go(func() {
			var g bagger
			in := interner{}
			for lo := range next {
				if firstErr != nil || ctx.Err() != nil {
					continue
				}
				which := sel[lo:min(lo+scanChunk, len(sel))]
				recs, err := records(arts, keys, which, src, cache, &g, in, puts)
				if err != nil {
					errOnce.Do(func() { firstErr = err })
					continue
				}
				for k, i := range which {
					r := &recs[k]
					sc.bags[i] = r.bag
					p.counts[arts[i].ID] = r.claims
					for _, w := range r.lower {
						p.lower[w] = true
					}
					p.names.readRecord(r.names, sc.rank[arts[i].ID])
				}
			}
		})
	}
	for lo := 0; lo < len(sel); lo += scanChunk {
		next <- lo
	}
	close(next)
	wg.Wait()
	if firstErr == nil {
		if err := puts.flush(); err != nil {
			firstErr = err
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sc.lower, sc.names, sc.counts = parts[0].lower, parts[0].names, parts[0].counts
	for _, p := range parts[1:] {
		for w := range p.lower {
			sc.lower[w] = true
		}
		sc.names.merge(p.names)
		for a, n := range p.counts {
			sc.counts[a] = n
		}
	}
	return sc, nil
}

// records returns the scan records of the articles which (indices in arts):
// from the cache when it has them (keys[i] is the key of arts[i]), their
// strings from in, else from their claims, which are then cached through
// puts.
func records(arts []claims.Article, keys []string, which []int, src Source, cache Cache, g *bagger, in interner, puts *recordPuts) ([]scanRecord, error) {
	recs := make([]scanRecord, len(which))
	var missing []string
	at := map[string]int{} // article id -> place in which
	for k, i := range which {
		if cache != nil && keys[i] != "" {
			data, err := cache.Get(keys[i])
			if err != nil {
				return nil, fmt.Errorf("scan cache: %w", err)
			}
			if data != nil {
				if r, err := decodeRecordWith(data, in); err == nil {
					recs[k] = r
					continue
				}
			}
		}
		missing = append(missing, arts[i].ID)
		at[arts[i].ID] = k
	}
	if len(missing) == 0 {
		return recs, nil
	}
	cs, err := src.Claims(missing...)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	byArticle := map[string][]*claims.Claim{}
	for i := range cs {
		byArticle[cs[i].Article] = append(byArticle[cs[i].Article], &cs[i])
	}
	for _, id := range missing {
		k := at[id]
		i := which[k]
		recs[k] = recordOf(g, byArticle[id])
		if cache != nil && keys[i] != "" {
			if err := puts.add(keys[i], recs[k].encode()); err != nil {
				return nil, err
			}
		}
	}
	return recs, nil
}

// recordPuts gathers the scan records to cache, from every worker, and
// puts them recordFlush at a time.
type recordPuts struct {
	mu      sync.Mutex
	cache   Cache
	pending map[string][]byte
}

// recordFlush is how many scan records are put at a time: each is a
// transaction of its own, and a larger one maps in more of the notes'
// file at once (1,024 records, hundreds of megabytes).
const recordFlush = 256

func (p *recordPuts) add(key string, data []byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pending[key] = data
	if len(p.pending) < recordFlush {
		return nil
	}
	return p.flushLocked()
}

func (p *recordPuts) flush() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.flushLocked()
}

func (p *recordPuts) flushLocked() error {
	if len(p.pending) == 0 {
		return nil
	}
	err := p.cache.Put(p.pending)
	clear(p.pending)
	if err != nil {
		return fmt.Errorf("scan cache: %w", err)
	}
	return nil
}

// addLowerWords adds to set the words of text written in lower case.
func addLowerWords(set map[string]bool, text string) {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && strings.ToLower(w) == w {
			set[w] = true
		}
	}
}

// global is what the second pass shares between stories.
type global struct {
	arts  map[string]*claims.Article
	names *nameGroups
	rank  map[string]int
}

// storyResult is what the comparison of one story found.
type storyResult struct {
	found        []Discrepancy
	comparisons  int
	corroborated [][2]string // claim pairs that say the same thing
	reused       bool        // read from the cache
	spotted      []spot      // mentions of names that may be variants
	// spotsCached is set for a result read from the cache whose mentions
	// of names hold and stay there, unread (spotted is empty).
	spotsCached bool
	// groups maps every name group the story mentions to the group it is
	// merged into, "" when it is no candidate variant.
	groups map[string]string
	// recache is set for a result read from the cache whose mentions of
	// names were read anew, to store again.
	recache bool
}

// compareStory is the second pass of CompareFrom for one story.
func (g *global) compareStory(ctx context.Context, s Story, src Source, cands Candidates, opt Options) (storyResult, error) {
	var r storyResult
	cs, err := src.Claims(s.Articles...)
	if err != nil {
		return r, fmt.Errorf("claims of %s: %w", s.ID, err)
	}
	c := newStoryCorpus(g, s.Articles, cs)
	r.spotted, r.groups = g.names.spot(c, s.Articles, g.rank)
	if len(s.Articles) < 2 {
		return r, nil
	}
	found := map[string]*Discrepancy{}
	var order []string
	add := func(d Discrepancy) {
		if prev, ok := found[d.ID]; ok {
			if d.Confidence > prev.Confidence {
				*prev = d
			}
			return
		}
		found[d.ID] = &d
		order = append(order, d.ID)
	}
	// Nearly every claim meets its limit of candidates, most pairs from
	// both sides.
	seen := newPairSet(len(cs), len(cs)*opt.Limit/2)
	// visit compares the claims at p and q in the corpus, once.
	visit := func(p, q int32) {
		if !seen.add(p, q) {
			return
		}
		r.comparisons++
		x, y := c.claims[p], c.claims[q]
		if y.ID < x.ID {
			x, y = y, x
			p, q = q, p
		}
		align := c.alignAt(p, q)
		ds := c.pair(s.ID, x, y, align)
		for _, d := range ds {
			add(d)
		}
		if len(ds) == 0 && align >= alignSame {
			r.corroborated = append(r.corroborated, [2]string{x.ID, y.ID})
		}
	}
	// Counts of what happened to people, or shares of a named thing, are
	// compared with the like counts of the story even when their sentences
	// share few words: a second, small blocking key beside the candidates.
	for _, group := range c.measureGroups(s.Articles) {
		for i, a := range group {
			for _, b := range group[i+1:] {
				if a.Article != b.Article {
					visit(c.pos[a], c.pos[b])
				}
			}
		}
	}
	for _, d := range c.places(s.ID, s.Articles) {
		add(d)
	}
	if cands == nil {
		x := c.newStoryIndex(s.Articles)
		for k := range x.claims {
			if k%256 == 0 && ctx.Err() != nil {
				return r, ctx.Err()
			}
			for _, i := range x.candidates(k, opt.Limit) {
				visit(x.pos[k], x.pos[i])
			}
		}
	} else {
		for _, a := range s.Articles {
			if err := ctx.Err(); err != nil {
				return r, err
			}
			cls := c.byArticle[a]
			lists, err := candidatesOf(cands, cls, others(s.Articles, a), opt.Limit)
			if err != nil {
				return r, fmt.Errorf("candidates of article %s: %w", a, err)
			}
			for i, cl := range cls {
				for _, id := range lists[i] {
					if other, ok := c.byID[id]; ok && other.Article != cl.Article {
						visit(c.pos[cl], c.pos[other])
					}
				}
			}
		}
	}
	for _, id := range order {
		r.found = append(r.found, *found[id])
	}
	return r, nil
}

// pairSet is a set of pairs of distinct claims of a story, by their
// numbers in its corpus: a bit for every pair of a story of up to
// densePairs claims, else a map.
type pairSet struct {
	bits []uint64
	m    map[uint64]struct{}
}

// densePairs is the most claims a story may have for its pairSet to hold a
// bit per pair: 4 MB for 8,192 claims.
const densePairs = 8192

// newPairSet is an empty set of pairs of n claims; about hint pairs are
// to come.
func newPairSet(n, hint int) *pairSet {
	if n <= densePairs {
		return &pairSet{bits: make([]uint64, (n*(n-1)/2+63)/64)}
	}
	return &pairSet{m: make(map[uint64]struct{}, hint)}
}

// add adds the pair of p and q, in either order, and reports whether it was
// not in the set.
func (s *pairSet) add(p, q int32) bool {
	lo, hi := int(min(p, q)), int(max(p, q))
	if s.bits != nil {
		i := hi*(hi-1)/2 + lo
		w, b := i/64, uint64(1)<<(i%64)
		if s.bits[w]&b != 0 {
			return false
		}
		s.bits[w] |= b
		return true
	}
	key := uint64(lo)<<32 | uint64(hi)
	if _, ok := s.m[key]; ok {
		return false
	}
	s.m[key] = struct{}{}
	return true
}

// reuseStory is the result of a story stored in a cache (head, as
// encodeStory writes it); ok is false when the cache holds no usable result
// (then the story is compared again), and err an error reading the cache.
// Its corroborating claim pairs are read through pairs when it is not nil.
// Its mentions of names that may be variants stay in the cache while the
// name groups are merged as when it was cached (which names may be
// variants depends on the whole corpus); otherwise they are read anew from
// its claims, and the story is to be cached again.
func (g *global) reuseStory(s Story, head []byte, src Source, pairs func() ([]byte, error)) (r storyResult, ok bool, err error) {
	if r, err = decodeStory(head, s.ID); err != nil {
		return storyResult{}, false, nil
	}
	if pairs != nil {
		data, err := pairs()
		if err != nil {
			return storyResult{}, false, fmt.Errorf("story cache: %w", err)
		}
		if data == nil || wire.Decode(data, &r.corroborated) != nil {
			return storyResult{}, false, nil
		}
	}
	if r.groups != nil && g.names.same(r.groups) {
		r.spotsCached = true
		return r, true, nil
	}
	r.spotted, r.groups, err = g.spotAnew(s, r.groups, src)
	r.recache = true
	return r, err == nil, err
}

// spotAnew reads the mentions of names that may be variants in the claims
// of a story's articles, and maps the name groups it mentions (groups, as
// a cached story recorded them, or nil when unknown) to the groups they are
// merged into now.
func (g *global) spotAnew(s Story, groups map[string]string, src Source) ([]spot, map[string]string, error) {
	need := s.Articles
	if groups != nil {
		for group := range groups {
			groups[group] = g.names.into[group]
		}
		need = nil
		for _, a := range s.Articles {
			if g.names.mentioned[a] {
				need = append(need, a)
			}
		}
		if len(need) == 0 {
			return nil, groups, nil
		}
	}
	cs, err := src.Claims(need...)
	if err != nil {
		return nil, nil, fmt.Errorf("claims of %s: %w", s.ID, err)
	}
	c := &corpus{arts: map[string]*claims.Article{}, byArticle: map[string][]*claims.Claim{}}
	for _, a := range need {
		c.arts[a] = g.arts[a]
	}
	for i := range cs {
		c.byArticle[cs[i].Article] = append(c.byArticle[cs[i].Article], &cs[i])
	}
	spotted, found := g.names.spot(c, need, g.rank)
	if groups == nil {
		groups = found
	}
	return spotted, groups, nil
}

// newStoryCorpus is the comparison's view of one story's claims, their terms
// weighed by their frequencies in the story.
func newStoryCorpus(g *global, articles []string, cs []claims.Claim) *corpus {
	c := &corpus{
		arts:      map[string]*claims.Article{},
		byArticle: map[string][]*claims.Claim{},
		byID:      map[string]*claims.Claim{},
		vocab:     newVocab(),
		claims:    make([]*claims.Claim, len(cs)),
		pos:       make(map[*claims.Claim]int32, len(cs)),
		terms:     make([][]int32, len(cs)),
		norms:     make([]float64, len(cs)),
		feats:     make([]*features, len(cs)),
	}
	for _, a := range articles {
		c.arts[a] = g.arts[a]
	}
	texts := make([][]string, len(cs))
	for i := range cs {
		cl := &cs[i]
		c.byArticle[cl.Article] = append(c.byArticle[cl.Article], cl)
		c.byID[cl.ID] = cl
		c.claims[i], c.pos[cl] = cl, int32(i)
		ts := termsOf(cl)
		c.vocab.add(ts)
		texts[i] = ts
		c.norms[i] = -1
	}
	all := sortedKeys(c.vocab.df)
	c.termIDs = make(map[string]int32, len(all))
	c.idfs, c.isKey = make([]float64, len(all)), make([]bool, len(all))
	for k, t := range all {
		c.termIDs[t] = int32(k)
		c.idfs[k] = c.vocab.idf(t)
		c.isKey[k] = strings.HasPrefix(t, "@")
	}
	for i, ts := range texts {
		ids := make([]int32, len(ts))
		for k, t := range ts {
			ids[k] = c.termIDs[t]
		}
		c.terms[i] = ids
	}
	return c
}

// memory is a Source over claims held in memory.
type memory map[string][]claims.Claim

func (m memory) Claims(ids ...string) ([]claims.Claim, error) {
	var out []claims.Claim
	for _, id := range ids {
		out = append(out, m[id]...)
	}
	return out, nil
}

// nameBook is the first pass's record of the words of names: for each
// group (a name key and a position, as nameVariants forms them), the
// spellings seen, each with the first place it was seen.
type nameBook struct {
	groups map[string]map[string]firstSeen // group -> lower-case spelling -> first
	arts   map[string][]int32              // group -> ranks of the articles naming it
}

// firstSeen is where a spelling was first seen, in corpus order (article
// rank, then place in the article), and how it was written there.
type firstSeen struct {
	at   [2]int
	text string
}

func newNameBook() *nameBook {
	return &nameBook{groups: map[string]map[string]firstSeen{}, arts: map[string][]int32{}}
}

// nameWordsOf calls f for every word of a name in cls that can be a
// spelling of a name: at least four letters, with a one-word key.
func nameWordsOf(cls []*claims.Claim, f func(cl *claims.Claim, group string, w word, e *claims.Entity, at int)) {
	at := 0
	for _, cl := range cls {
		for ei := range cl.Entities {
			e := &cl.Entities[ei]
			ws := nameWords(e.Text)
			for i, w := range ws {
				at++
				k := names.Key(w.text)
				if len([]rune(w.text)) < 4 || k == "" || strings.Contains(k, " ") {
					continue
				}
				// A given name and a surname are different names even
				// when they sound alike (Ehud Barak, Barack Obama).
				f(cl, k+"/"+position(i, len(ws), e.Type), w, e, at)
			}
		}
	}
}

// readRecord records the name words of one article's scan record (see
// recordOf).
func (b *nameBook) readRecord(ms []nameMention, rank int) {
	for _, m := range ms {
		b.add(m.group, m.text, rank, m.at)
	}
}

// add records a name word of the article of the given rank, the at-th of
// its name words.
func (b *nameBook) add(group, text string, rank, at int) {
	sp := b.groups[group]
	if sp == nil {
		sp = map[string]firstSeen{}
		b.groups[group] = sp
	}
	if as := b.arts[group]; len(as) == 0 || as[len(as)-1] != int32(rank) {
		b.arts[group] = append(as, int32(rank))
	}
	s := strings.ToLower(text)
	pos := [2]int{rank, at}
	if f, ok := sp[s]; !ok || before(pos, f.at) {
		sp[s] = firstSeen{at: pos, text: text}
	}
}

func before(a, b [2]int) bool { return a[0] < b[0] || a[0] == b[0] && a[1] < b[1] }

// merge adds the record of o to b.
func (b *nameBook) merge(o *nameBook) {
	for g, as := range o.arts {
		b.arts[g] = append(b.arts[g], as...)
	}
	for g, sps := range o.groups {
		mine := b.groups[g]
		if mine == nil {
			b.groups[g] = sps
			continue
		}
		for s, f := range sps {
			if m, ok := mine[s]; !ok || before(f.at, m.at) {
				mine[s] = f
			}
		}
	}
}

// nameGroups are the groups of name words that may be one name written
// more than one way, and where each spelling's mentions go.
type nameGroups struct {
	// into maps a group to the group it is merged into (itself when not
	// merged), for the groups that may be variants only.
	into  map[string]string
	lower map[string]bool
	// mentioned holds the articles that name one of the groups.
	mentioned map[string]bool
	// spellings are the spellings (lower case) of the groups merged into
	// each, sorted.
	spellings map[string][]string
}

// candidates returns the groups of the book that, by their spellings alone,
// hold a name written more than one way (see variant). ids are the
// articles' ids by rank.
func (b *nameBook) candidates(lower map[string]bool, artIDs []string) *nameGroups {
	ids := sortedKeys(b.groups)
	firsts := make(map[string]string, len(ids))
	for _, id := range ids {
		var best firstSeen
		for i, s := range sortedKeys(b.groups[id]) {
			if f := b.groups[id][s]; i == 0 || before(f.at, best.at) {
				best = f
			}
		}
		firsts[id] = best.text
	}
	kept, into := mergeNear(ids, func(id string) string { return firsts[id] })
	members := map[string][]string{}
	for _, id := range ids {
		root := id
		if r, ok := into[id]; ok {
			root = r
		}
		members[root] = append(members[root], id)
	}
	ng := &nameGroups{into: map[string]string{}, lower: lower, mentioned: map[string]bool{}, spellings: map[string][]string{}}
	for _, root := range kept {
		spellings := map[string]bool{}
		for _, m := range members[root] {
			for s := range b.groups[m] {
				spellings[s] = true
			}
		}
		all := sortedKeys(spellings)
		if len(all) < 2 || len(mergeSpellings(all, lower)) < 2 {
			continue
		}
		ng.spellings[root] = all
		for _, m := range members[root] {
			ng.into[m] = root
			for _, r := range b.arts[m] {
				ng.mentioned[artIDs[r]] = true
			}
		}
	}
	return ng
}

// spot is one article's mentions of one spelling of a name that may be a
// variant: how many, and where the first one is.
type spot struct {
	group    string // the merged group
	order    int    // of the group merged into the root: 0 for the root itself
	spelling string // lower case
	text     string // as written first
	article  string
	rank     int // of the article
	count    int
	first    Evidence
}

// spot returns the mentions in a story's articles of the candidate groups,
// and maps every name group the articles mention to the group it is merged
// into, "" when it is no candidate.
func (ng *nameGroups) spot(c *corpus, articles []string, rank map[string]int) ([]spot, map[string]string) {
	var out []spot
	groups := map[string]string{}
	for _, a := range articles {
		at := map[[2]string]int{}
		nameWordsOf(c.byArticle[a], func(cl *claims.Claim, group string, w word, e *claims.Entity, _ int) {
			root, ok := ng.into[group]
			groups[group] = root
			if !ok {
				return
			}
			s := strings.ToLower(w.text)
			k := [2]string{group, s}
			if i, ok := at[k]; ok {
				out[i].count++
				return
			}
			at[k] = len(out)
			out = append(out, spot{
				group: root, order: groupOrder(group, root), spelling: s, text: w.text, article: a, rank: rank[a], count: 1,
				first: c.evidence(cl, e.Start+w.start, e.Start+w.end, groupKey(root)),
			})
		})
	}
	return out, groups
}

// same reports whether every group of groups (as spot maps them) is
// merged into the same group now.
func (ng *nameGroups) same(groups map[string]string) bool {
	for g, root := range groups {
		if ng.into[g] != root {
			return false
		}
	}
	return true
}

// groupOrder is 0 for a root group and 1 for a group merged into it: a root's
// mentions come before those merged into it.
func groupOrder(group, root string) int {
	if group == root {
		return 0
	}
	return 1
}
