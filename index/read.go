package index

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/crosscheck/crosscheck/claims"
)

// Record is what the index knows of one article.
type Record struct {
	ID     string
	Path   string
	Title  string
	Outlet string
	URL    string
	// Published is the publication date, the zero time when unknown.
	Published time.Time
	// Hash is the article's content hash as given to Put.
	Hash string
	// Claims is the number of claims stored for the article.
	Claims int
	// Stale is set when the claims were stored by a crosscheck whose claim
	// type differs from this one: extract the article again.
	Stale bool
}

// Articles lists the indexed articles sorted by id, nil for an empty index.
func (x *Index) Articles() ([]Record, error) {
	var out []Record
	fields := []string{fieldArticle, fieldPath, fieldTitle, fieldOutlet, fieldURL, fieldPublishedAt, fieldHash, fieldCount, fieldSchema}
	err := x.each(termQuery(fieldType, typeArticle), fields, func(h hitFields) error {
		r := Record{
			ID:     h.str(fieldArticle),
			Path:   h.str(fieldPath),
			Title:  h.str(fieldTitle),
			Outlet: h.str(fieldOutlet),
			URL:    h.str(fieldURL),
			Hash:   h.str(fieldHash),
			Claims: int(h.num(fieldCount)),
			Stale:  h.str(fieldSchema) != schema(),
		}
		if p := h.str(fieldPublishedAt); p != "" {
			t, err := time.Parse(time.RFC3339Nano, p)
			if err != nil {
				return fmt.Errorf("article %q: publication date: %w", r.ID, err)
			}
			r.Published = t
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	slices.SortFunc(out, func(a, b Record) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

// Claims returns the stored claims of the given articles, article by
// article in the order given and each article's claims in the order they
// were put, exactly as they were put (Article.Text aside, which is not a
// claim field). With no ids it returns the claims of every article, sorted
// by article id. An id that is not in the index fails with ErrNoArticle.
func (x *Index) Claims(articleIDs ...string) ([]claims.Claim, error) {
	if len(articleIDs) == 0 {
		recs, err := x.Articles()
		if err != nil {
			return nil, fmt.Errorf("claims: %w", err)
		}
		for _, r := range recs {
			articleIDs = append(articleIDs, r.ID)
		}
	}
	per := make([][]claims.Claim, len(articleIDs))
	errs := make([]error, len(articleIDs))
	// Decoding dominates; spread the articles over the processors.
	workers := min(runtime.GOMAXPROCS(0), (len(articleIDs)+claimsChunk-1)/claimsChunk)
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Go(func() {
			for !failed.Load() {
				lo := int(next.Add(claimsChunk)) - claimsChunk
				if lo >= len(articleIDs) {
					return
				}
				for i := lo; i < min(lo+claimsChunk, len(articleIDs)); i++ {
					per[i], errs[i] = x.articleClaims(articleIDs[i])
					if errs[i] != nil {
						failed.Store(true)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	n := 0
	for i, cs := range per {
		if errs[i] != nil {
			return nil, fmt.Errorf("claims of %q: %w", articleIDs[i], errs[i])
		}
		n += len(cs)
	}
	out := make([]claims.Claim, 0, n)
	for _, cs := range per {
		out = append(out, cs...)
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// claimsChunk is the number of articles a worker of Claims decodes at a
// time.
const claimsChunk = 16

func (x *Index) articleClaims(id string) ([]claims.Claim, error) {
	doc, err := x.b.Document(articleDocID(id))
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, ErrNoArticle
	}
	var enc []byte
	var sch string
	doc.VisitFields(func(f index.Field) {
		switch f.Name() {
		case fieldBlob:
			enc = f.Value()
		case fieldSchema:
			sch = string(f.Value())
		}
	})
	return decodeClaims(enc, sch == schema())
}

// Stats counts what an index holds.
type Stats struct {
	Articles int
	Claims   int
}

// Stats returns the number of articles and claims in the index.
func (x *Index) Stats() (Stats, error) {
	var s Stats
	for _, c := range []struct {
		typ string
		n   *int
	}{{typeArticle, &s.Articles}, {typeClaim, &s.Claims}} {
		n, err := x.count(termQuery(fieldType, c.typ))
		if err != nil {
			return Stats{}, fmt.Errorf("stats: %w", err)
		}
		*c.n = n
	}
	return s, nil
}

func (x *Index) count(q query.Query) (int, error) {
	req := bleve.NewSearchRequestOptions(q, 0, 0, false)
	req.Score = "none"
	res, err := x.b.Search(req)
	if err != nil {
		return 0, err
	}
	return int(res.Total), nil
}

// hitFields is one document found by each: its id and stored fields.
type hitFields struct {
	id     string
	fields map[string]any
}

func (h hitFields) str(name string) string {
	s, _ := h.fields[name].(string)
	return s
}

func (h hitFields) num(name string) float64 {
	f, _ := h.fields[name].(float64)
	return f
}

// each calls fn for every document q matches, in no particular order, with
// the given stored fields.
func (x *Index) each(q query.Query, fields []string, fn func(hitFields) error) error {
	n, err := x.count(q)
	if err != nil || n == 0 {
		return err
	}
	req := bleve.NewSearchRequestOptions(q, n, 0, false)
	req.Score = "none"
	if len(fields) == 0 || n < eachSplit {
		req.Fields = fields
		res, err := x.b.Search(req)
		if err != nil {
			return err
		}
		return eachHit(res.Hits, fn)
	}
	// Loading stored fields decodes each whole document, the article
	// records' claims too: the matches are found first, and their fields
	// loaded by all processors, a share of the ids each.
	res, err := x.b.Search(req)
	if err != nil {
		return err
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	workers := min(runtime.GOMAXPROCS(0), (len(ids)+eachSplit-1)/eachSplit)
	parts := make([]search.DocumentMatchCollection, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(ids)/workers, (w+1)*len(ids)/workers
		wg.Go(func() {
			req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids[lo:hi]), hi-lo, 0, false)
			req.Score = "none"
			req.Fields = fields
			res, err := x.b.Search(req)
			if err != nil {
				errs[w] = err
				return
			}
			parts[w] = res.Hits
		})
	}
	wg.Wait()
	for w := range workers {
		if errs[w] != nil {
			return errs[w]
		}
		if err := eachHit(parts[w], fn); err != nil {
			return err
		}
	}
	return nil
}

// eachSplit is the fewest matches each loads the fields of on more than
// one processor, and the fewest each processor is given.
const eachSplit = 2048

func eachHit(hits search.DocumentMatchCollection, fn func(hitFields) error) error {
	for _, h := range hits {
		if err := fn(hitFields{id: h.ID, fields: h.Fields}); err != nil {
			return err
		}
	}
	return nil
}
