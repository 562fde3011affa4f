package index

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/crosscheck/crosscheck/claims"
)

const (
	// defaultCandidates is the number of candidates returned for a limit
	// of zero or less.
	defaultCandidates = 100
	// candidateTerms is the number of content terms a candidate query
	// uses: the claim's rarest terms that some other claim has.
	candidateTerms = 10
	// commonShare and commonFloor bound a term's document frequency: a
	// term in more than max(commonFloor, docs/commonShare) documents is
	// too common to say two claims are about the same thing, and its long
	// posting list would make the query slow.
	commonShare = 100
	commonFloor = 50
)

// Boosts of the parts of a candidate query: a shared full name key counts
// most, a shared key part (a surname) less, a shared content term least.
const (
	boostKey     = 3
	boostKeyPart = 1.5
	boostTerm    = 1
)

// Candidates returns the ids of up to limit claims (100 when limit <= 0)
// that c is worth comparing with, best first: claims of other articles than
// c.Article (and of the articles in within, when within is not empty) that
// share a name key, a name key part or one of c's ten rarest content terms
// with c. Content terms are the text field's terms (no English stop words,
// no single characters); a term or key part found in more than a hundredth
// of the index's documents (and more than 50) is too common to count. Ties
// in score are broken by id. It returns nil when c has nothing to match
// on. c itself need not be in the index.
func (x *Index) Candidates(c claims.Claim, within []string, limit int) ([]string, error) {
	d, err := x.newDocFreq()
	if err != nil {
		return nil, fmt.Errorf("candidates of %q: %w", c.ID, err)
	}
	defer d.close()
	ids, err := x.candidates(d, &c, within, limit)
	if err != nil {
		return nil, fmt.Errorf("candidates of %q: %w", c.ID, err)
	}
	return ids, nil
}

// CandidatesMany returns Candidates(cs[i], within, limit) as its i-th
// element, running the queries on all processors and sharing their term
// statistics. It stops at the first error.
func (x *Index) CandidatesMany(cs []claims.Claim, within []string, limit int) ([][]string, error) {
	out := make([][]string, len(cs))
	if len(cs) == 0 {
		return out, nil
	}
	d, err := x.newDocFreq()
	if err != nil {
		return nil, fmt.Errorf("candidates: %w", err)
	}
	defer d.close()
	workers := min(runtime.GOMAXPROCS(0), len(cs))
	var (
		wg       sync.WaitGroup
		next     = make(chan int)
		errOnce  sync.Once
		firstErr error
		stop     = make(chan struct{})
	)
	for range workers {
		wg.Go(func() {
			for i := range next {
				ids, err := x.candidates(d, &cs[i], within, limit)
				if err != nil {
					errOnce.Do(func() {
						firstErr = fmt.Errorf("candidates of %q: %w", cs[i].ID, err)
						close(stop)
					})
					continue
				}
				out[i] = ids
			}
		})
	}
feed:
	for i := range cs {
		select {
		case next <- i:
		case <-stop:
			break feed
		}
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	return out, nil
}

func (x *Index) candidates(d *docFreq, c *claims.Claim, within []string, limit int) ([]string, error) {
	if limit <= 0 {
		limit = defaultCandidates
	}
	q, err := x.candidateQuery(d, c, within)
	if err != nil || q == nil {
		return nil, err
	}
	// Sorting by id in the engine would load the id of every match; fetch
	// more than asked instead and break ties here, so that equal scores
	// come out in the same order whatever the segment layout.
	req := bleve.NewSearchRequestOptions(q, 2*limit, 0, false)
	res, err := x.b.Search(req)
	if err != nil {
		return nil, err
	}
	hits := res.Hits
	slices.SortFunc(hits, func(a, b *search.DocumentMatch) int {
		if a.Score != b.Score {
			return cmpFloat(b.Score, a.Score)
		}
		return strings.Compare(a.ID, b.ID)
	})
	ids := make([]string, min(limit, len(hits)))
	for i := range ids {
		ids[i] = hits[i].ID
	}
	return ids, nil
}

// candidateQuery builds the query of Candidates, nil when there is nothing
// to look for.
func (x *Index) candidateQuery(d *docFreq, c *claims.Claim, within []string) (query.Query, error) {
	var should []query.Query
	seen := map[string]bool{}
	for i := range c.Entities {
		key := entityKey(&c.Entities[i])
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		should = append(should, boosted(termQuery(fieldKeys, key), boostKey))
		parts := strings.Fields(key)
		if len(parts) < 2 {
			continue
		}
		for _, p := range parts {
			if seen[p] {
				continue
			}
			seen[p] = true
			n, err := d.count(fieldKeys, p)
			if err != nil {
				return nil, err
			}
			if n > 0 && !d.common(n) {
				should = append(should, boosted(termQuery(fieldKeys, p), boostKeyPart))
			}
		}
	}
	terms, err := x.contentTerms(d, c.Text)
	if err != nil {
		return nil, err
	}
	for _, t := range terms {
		should = append(should, boosted(termQuery(fieldFolded, t), boostTerm))
	}
	if len(should) == 0 {
		return nil, nil
	}
	bq := query.NewBooleanQuery([]query.Query{query.NewDisjunctionQuery(should)}, nil,
		[]query.Query{termQuery(fieldArticle, c.Article)})
	if len(within) > 0 {
		var in []query.Query
		for _, a := range within {
			if a != c.Article {
				in = append(in, termQuery(fieldArticle, a))
			}
		}
		if len(in) == 0 {
			return nil, nil
		}
		bq.AddFilter(query.NewDisjunctionQuery(in))
	}
	return bq, nil
}

// contentTerms returns up to candidateTerms terms of text as the text field
// indexes them, rarest first: no stop words, no single characters, no
// term that no document has and no term too common to tell claims apart.
func (x *Index) contentTerms(d *docFreq, text string) ([]string, error) {
	type tf struct {
		term string
		n    uint64
	}
	var terms []tf
	seen := map[string]bool{}
	for _, tok := range x.folded.Analyze([]byte(text)) {
		t := string(tok.Term)
		if seen[t] || utf8.RuneCountInString(t) < 2 {
			continue
		}
		seen[t] = true
		if len(x.standard.Analyze(tok.Term)) == 0 {
			continue // a stop word
		}
		n, err := d.count(fieldFolded, t)
		if err != nil {
			return nil, err
		}
		if n == 0 || d.common(n) {
			continue
		}
		terms = append(terms, tf{t, n})
	}
	slices.SortStableFunc(terms, func(a, b tf) int {
		switch {
		case a.n < b.n:
			return -1
		case a.n > b.n:
			return 1
		}
		return 0
	})
	out := make([]string, 0, min(len(terms), candidateTerms))
	for i := 0; i < len(terms) && i < candidateTerms; i++ {
		out = append(out, terms[i].term)
	}
	return out, nil
}

func boosted(q *query.TermQuery, b float64) query.Query {
	q.SetBoost(b)
	return q
}

// docFreq looks up and caches how many documents hold a term, on one
// snapshot of the index.
type docFreq struct {
	r     index.IndexReader
	limit uint64 // documents above which a term is too common

	mu    sync.Mutex
	cache map[string]uint64 // field + "\x00" + term -> count
}

func (x *Index) newDocFreq() (*docFreq, error) {
	r, err := x.reader()
	if err != nil {
		return nil, err
	}
	n, err := r.DocCount()
	if err != nil {
		_ = r.Close()
		return nil, err
	}
	return &docFreq{r: r, limit: max(commonFloor, n/commonShare), cache: map[string]uint64{}}, nil
}

func (d *docFreq) close() { _ = d.r.Close() }

// common reports whether a term in n documents is too common to use.
func (d *docFreq) common(n uint64) bool { return n > d.limit }

// count returns the number of documents with term in field.
func (d *docFreq) count(field, term string) (uint64, error) {
	k := field + "\x00" + term
	d.mu.Lock()
	defer d.mu.Unlock()
	if n, ok := d.cache[k]; ok {
		return n, nil
	}
	tfr, err := d.r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return 0, err
	}
	n := tfr.Count()
	if err := tfr.Close(); err != nil {
		return 0, err
	}
	d.cache[k] = n
	return n, nil
}
