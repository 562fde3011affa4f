package compare

import (
	"context"
	"iter"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/claims"
)

// Candidates finds, for one claim, the claims of other articles that may
// speak of the same thing: those sharing name keys or content terms. The
// claim index implements it; Compare never pairs all claims.
type Candidates interface {
	// Candidates returns the ids of at most limit claims from the articles
	// listed in within (all other articles when within is empty), never
	// from c's own article, best first.
	Candidates(c claims.Claim, within []string, limit int) ([]string, error)
}

// ManyCandidates is a Candidates that answers for several claims at once,
// faster than one by one (the claim index runs them on all processors).
// Compare uses it when its Candidates has it.
type ManyCandidates interface {
	CandidatesMany(cs []claims.Claim, within []string, limit int) ([][]string, error)
}

// candidatesOf asks cands for the candidates of each claim, at once when it
// can.
func candidatesOf(cands Candidates, cls []*claims.Claim, within []string, limit int) ([][]string, error) {
	if many, ok := cands.(ManyCandidates); ok && len(cls) > 1 {
		batch := make([]claims.Claim, len(cls))
		for i, cl := range cls {
			batch[i] = *cl
		}
		return many.CandidatesMany(batch, within, limit)
	}
	out := make([][]string, len(cls))
	for i, cl := range cls {
		ids, err := cands.Candidates(*cl, within, limit)
		if err != nil {
			return nil, err
		}
		out[i] = ids
	}
	return out, nil
}

// Options tune Compare. The zero value uses the defaults.
type Options struct {
	Stories StoryOptions
	// Limit is how many candidates each claim is compared with.
	Limit int
	// Cache, when set, keeps each story's findings for the next run.
	Cache Cache
	// Support, when set, is given the support of claims as stories are
	// compared, and Result.Support is left empty, so that the support of a
	// large corpus is never held whole. It is called once per story with
	// its articles and the support of their claims (claims without any are
	// absent), then once with the claims disputed by name variants, which
	// cross stories, and their articles: support given for an article
	// already given adds to it.
	Support func(articles []string, support map[string]Support) error
	// Variants, when set with Support, is given the claims disputed by
	// name variants instead of Support. Support is then given only the
	// stories compared in this run, not those whose findings come from
	// Cache: their support is what it was when they were compared, and each
	// story's is given before its findings are put in Cache. Variants is
	// called once per run with the articles whose disputes by name variants
	// may differ from the run that filled Cache, and the support of their
	// claims from name variants, whole (a claim absent has none); complete
	// is true when nothing came from Cache, and then articles holds every
	// article a name variant disputes, so that any other has none. A caller
	// that keeps the support of stories and of name variants apart thus
	// writes only what changed.
	Variants func(articles []string, support map[string]Support, complete bool) error
	// Progress, when set, is called each time a story's findings are taken
	// in (compared, or read from Cache), in story order from one goroutine,
	// with how many stories are done and how many there are.
	Progress func(done, total int)
}

// Compare groups the articles into stories and finds the discrepancies
// between their claims: name variants across the whole corpus, and numbers,
// dates, framing, modality and quotes between the articles of one story,
// each claim compared only with its candidates: those cands returns, or,
// when cands is nil, those an in-memory index of the story's claims finds
// (the claims sharing the most weight of name keys and rare words).
//
// arts must include the article of every claim; their Text is used to place
// evidence on its line and column. An empty corpus gives an empty Result.
// The result is deterministic: discrepancies are sorted by story, kind,
// severity and id, and duplicates (the same content found twice) are merged.
func Compare(ctx context.Context, arts []claims.Article, cs []claims.Claim, cands Candidates, opt Options) (Result, error) {
	m := memory{}
	for _, c := range cs {
		m[c.Article] = append(m[c.Article], c)
	}
	return CompareFrom(ctx, arts, m, cands, opt)
}

// maxMeasureGroup bounds the claims paired by one measure in one story, so
// that a story with hundreds of tolls stays near-linear.
const maxMeasureGroup = 64

// measureGroups groups the claims of a story's articles by the casualty or
// share measures they state, those that give a time of day, and those that
// hedge or insist on their certainty, and those that characterise something,
// in claim order, each group at most
// maxMeasureGroup long.
func (c *corpus) measureGroups(articles []string) [][]*claims.Claim {
	groups := map[string][]*claims.Claim{}
	var keys []string
	for _, a := range articles {
		for _, cl := range c.byArticle[a] {
			seen := map[string]bool{}
			addTo := func(k string) {
				if _, ok := groups[k]; !ok {
					keys = append(keys, k)
				}
				if len(groups[k]) < maxMeasureGroup {
					groups[k] = append(groups[k], cl)
				}
			}
			if len(c.feat(cl).clocks) > 0 {
				addTo("clock")
			}
			// Claims that insist on their certainty meet the hedged ones.
			if f := c.feat(cl); cl.Modality == claims.Hedged || f.booster || f.dispute != nil {
				addTo("certainty")
			}
			// Claims that characterise something (routine, or caused by
			// one thing) meet each other, as they may share only a place.
			if c.feat(cl).character.text != "" {
				addTo("characterisation")
			}
			for _, q := range cl.Quantities {
				if q.Ordinal {
					continue
				}
				m := measureOf(cl, q)
				if !(m.casualty || m.specific) || seen[m.what] {
					continue
				}
				seen[m.what] = true
				if _, ok := groups[m.what]; !ok {
					keys = append(keys, m.what)
				}
				if len(groups[m.what]) < maxMeasureGroup {
					groups[m.what] = append(groups[m.what], cl)
				}
			}
		}
	}
	sort.Strings(keys)
	out := make([][]*claims.Claim, 0, len(keys))
	for _, k := range keys {
		out = append(out, groups[k])
	}
	return out
}

func others(ids []string, except string) []string {
	out := make([]string, 0, len(ids)-1)
	for _, id := range ids {
		if id != except {
			out = append(out, id)
		}
	}
	return out
}

func sortDiscrepancies(ds []Discrepancy) {
	sort.Slice(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Story != b.Story {
			return a.Story < b.Story
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		return a.ID < b.ID
	})
}

// corpus is the comparison's view of the claims.
type corpus struct {
	arts      map[string]*claims.Article
	byArticle map[string][]*claims.Claim
	byID      map[string]*claims.Claim
	vocab     *vocab

	// The claims are numbered in the order given (claims[p] is claim p,
	// pos its number), and so are their terms (termsOf), in the order of
	// their text: terms[p] are the terms of claim p ascending, so that sums
	// over them run in term order. A term t weighs idfs[t] (vocab.idf) and
	// is a name key when isKey[t].
	claims  []*claims.Claim
	pos     map[*claims.Claim]int32
	termIDs map[string]int32
	terms   [][]int32
	idfs    []float64
	isKey   []bool
	norms   []float64 // of each claim's vector, -1 until computed
	feats   []*features
	// shared holds the name keys of the pair being compared (pair).
	shared []string
	// last holds the features asked for last, of the two claims being
	// compared, which the detectors ask for again and again.
	last [2]struct {
		cl *claims.Claim
		f  *features
	}
}

// features are what the detectors read from one claim, computed once.
type features struct {
	clocks  []clock
	booster bool     // the claim insists on its certainty
	dispute []int    // where the claim disputes something, nil when it does not
	keys    []string // the distinct name keys of its entities, sorted (entityKeys)
	// character is how the claim characterises something (characterisation).
	character struct {
		text   string
		start  int
		object string
	}
	// Computed when first asked for: passive, counted, what, quotes.
	passive int8      // 0 unknown, 1 no, 2 yes: worded as what is believed or feared
	counted []counted // the claim's figures for the number detector (countsOf), when countOK
	countOK bool
	what    *claimWords
	quotes  [][]string // the words of each quotation
}

// claimWords are the words of a claim that hedgeConcerns reads, each list
// distinct and sorted: the words of its text but those of its names, the
// words of its names, and, for a hedged claim, the words of the clause its
// hedge bears on (hedged is false without one).
type claimWords struct {
	content, names, clause []string
	hedged                 bool
}

// feat returns the features of a claim of the corpus, computing them on
// first use.
func (c *corpus) feat(cl *claims.Claim) *features {
	for _, l := range c.last {
		if l.cl == cl {
			return l.f
		}
	}
	p := c.pos[cl]
	f := c.feats[p]
	if f == nil {
		f = &features{clocks: clocksOf(cl), booster: reBooster.MatchString(cl.Text), dispute: reDispute.FindStringIndex(cl.Text), keys: sortedEntityKeys(cl)}
		f.character.text, f.character.start, f.character.object = characterisation(cl)
		c.feats[p] = f
	}
	c.last[1], c.last[0].cl, c.last[0].f = c.last[0], cl, f
	return f
}

// newCorpus is the comparison's view of claims of the given articles, all
// weighed as one story.
func newCorpus(arts []claims.Article, cs []claims.Claim) *corpus {
	g := &global{arts: make(map[string]*claims.Article, len(arts))}
	ids := make([]string, len(arts))
	for i := range arts {
		g.arts[arts[i].ID] = &arts[i]
		ids[i] = arts[i].ID
	}
	return newStoryCorpus(g, ids, cs)
}

// align scores how far two claims speak of the same thing, in [0, 1]: the
// cosine of their idf-weighted terms. Sums run in term order, so that the
// score is the same to the last bit in every run.
func (c *corpus) align(x, y *claims.Claim) float64 {
	return c.alignAt(c.pos[x], c.pos[y])
}

// alignAt is align for the claims at px and py.
func (c *corpus) alignAt(px, py int32) float64 {
	nx, ny := c.norm(px), c.norm(py)
	if nx == 0 || ny == 0 {
		return 0
	}
	tx, ty := c.terms[px], c.terms[py]
	var dot float64
	for i, j := 0, 0; i < len(tx) && j < len(ty); {
		switch {
		case tx[i] < ty[j]:
			i++
		case tx[i] > ty[j]:
			j++
		default:
			w := c.idfs[tx[i]]
			dot += w * w
			i++
			j++
		}
	}
	return dot / (nx * ny)
}

// norm returns the norm of claim p's weighted terms, computed once.
func (c *corpus) norm(p int32) float64 {
	if n := c.norms[p]; n >= 0 {
		return n
	}
	var n float64
	for _, t := range c.terms[p] {
		w := c.idfs[t]
		n += w * w
	}
	n = math.Sqrt(n)
	c.norms[p] = n
	return n
}

// sharedKeys returns the name keys two claims share, sorted.
func sharedKeys(x, y *claims.Claim) []string {
	return appendCommon(nil, sortedEntityKeys(x), sortedEntityKeys(y))
}

// sortedEntityKeys is entityKeys sorted, without repeats.
func sortedEntityKeys(c *claims.Claim) []string {
	ks := entityKeys(c)
	slices.Sort(ks)
	return ks
}

// appendCommon appends to dst the strings in both sorted lists (common).
func appendCommon(dst, a, b []string) []string {
	for w := range common(a, b) {
		dst = append(dst, w)
	}
	return dst
}

// common yields, in order, the strings found in both of two sorted lists
// of distinct strings.
func common(a, b []string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i, j := 0, 0; i < len(a) && j < len(b); {
			switch {
			case a[i] < b[j]:
				i++
			case a[i] > b[j]:
				j++
			default:
				if !yield(a[i]) {
					return
				}
				i++
				j++
			}
		}
	}
}

// pair runs the pairwise detectors on two claims of one story.
func (c *corpus) pair(story string, x, y *claims.Claim, a float64) []Discrepancy {
	// The names both claims mention, in a buffer kept from pair to pair:
	// the detectors read it, or append to it what they hash at once.
	c.shared = appendCommon(c.shared[:0], c.feat(x).keys, c.feat(y).keys)
	keys := c.shared
	// Most pairs differ in nothing: their lists are empty, and are
	// joined only when not.
	out := c.dates(story, x, y, a, keys)
	for _, ds := range [...][]Discrepancy{
		c.numbers(story, x, y, a, keys),
		c.framing(story, x, y, a, keys),
		c.modality(story, x, y, a, keys),
		c.quotes(story, x, y, a, keys),
	} {
		if len(ds) > 0 {
			out = append(out, ds...)
		}
	}
	return out
}

// evidence places a span of a claim on its article's line and column.
func (c *corpus) evidence(cl *claims.Claim, start, end int, value string) Evidence {
	if start < cl.Start || end > cl.End || start >= end {
		start, end = cl.Start, cl.End
	}
	ev := Evidence{
		Article:  cl.Article,
		ClaimID:  cl.ID,
		Line:     cl.Line,
		Start:    start,
		End:      end,
		Sentence: cl.Text,
		Text:     cl.Text[start-cl.Start : end-cl.Start],
		Value:    value,
	}
	if cl.Column > 0 {
		// From the claim's own line and column: the article's text need
		// not be at hand.
		before := cl.Text[:start-cl.Start]
		ev.Line += strings.Count(before, "\n")
		if i := strings.LastIndexByte(before, '\n'); i >= 0 {
			ev.Column = utf8.RuneCountInString(before[i+1:]) + 1
		} else {
			ev.Column = cl.Column + utf8.RuneCountInString(before)
		}
		ev.EndColumn = ev.Column + utf8.RuneCountInString(ev.Text)
		return ev
	}
	if a := c.arts[cl.Article]; a != nil && end <= len(a.Text) {
		ls := strings.LastIndexByte(a.Text[:start], '\n') + 1
		ev.Line = strings.Count(a.Text[:start], "\n") + 1
		ev.Column = utf8.RuneCountInString(a.Text[ls:start]) + 1
		ev.EndColumn = ev.Column + utf8.RuneCountInString(a.Text[start:end])
	}
	return ev
}
