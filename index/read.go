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
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/numeric"
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
	err := x.visitStored(fieldType, typeArticle, fields, func(h hitFields) error {
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
	x.readMapped(len(enc))
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
	req.Fields = fields
	res, err := x.b.Search(req)
	if err != nil {
		return err
	}
	for _, h := range res.Hits {
		if err := fn(hitFields{id: h.ID, fields: h.Fields}); err != nil {
			return err
		}
	}
	return nil
}

// reader opens a snapshot of the index for reading.
func (x *Index) reader() (index.IndexReader, error) {
	adv, err := x.b.Advanced()
	if err != nil {
		return nil, err
	}
	return adv.Reader()
}

// visitStored calls fn with the stored fields named of every document
// that holds term in field, reading scorch's segments directly, on all
// processors: Bleve's search would look each match up again by its id in
// every segment and copy all its stored fields, the claims of an article
// record too. fn is called from one goroutine, segment by segment.
func (x *Index) visitStored(field, term string, fields []string, fn func(hitFields) error) error {
	r, err := x.reader()
	if err != nil {
		return err
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok { // every crosscheck index is scorch's (openExisting)
		return fmt.Errorf("index reader %T, want scorch's", r)
	}
	want := map[string]bool{}
	for _, f := range fields {
		want[f] = true
	}
	segs := snap.Segments()
	found := make([][]hitFields, len(segs))
	errs := make([]error, len(segs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(segs)) {
		wg.Go(func() {
			for {
				k := int(next.Add(1)) - 1
				if k >= len(segs) {
					return
				}
				found[k], errs[k] = segmentStored(segs[k], field, term, want)
			}
		})
	}
	wg.Wait()
	for k := range segs {
		if errs[k] != nil {
			return errs[k]
		}
		for _, h := range found[k] {
			if err := fn(h); err != nil {
				return err
			}
		}
	}
	return nil
}

// segmentStored returns the wanted stored fields of the live documents of
// one segment that hold term in field.
func segmentStored(seg *scorch.SegmentSnapshot, field, term string, want map[string]bool) ([]hitFields, error) {
	dict, err := seg.Segment().Dictionary(field)
	if err != nil {
		return nil, err
	}
	pl, err := dict.PostingsList([]byte(term), seg.Deleted(), nil)
	if err != nil {
		return nil, err
	}
	var out []hitFields
	it := pl.Iterator(false, false, false, nil)
	for {
		p, err := it.Next()
		if err != nil {
			return nil, err
		}
		if p == nil {
			return out, nil
		}
		h := hitFields{fields: map[string]any{}}
		var bad error
		err = seg.VisitDocument(p.Number(), func(name string, typ byte, val []byte, _ []uint64) bool {
			switch {
			case name == "_id":
				h.id = string(val)
			case !want[name]:
			case typ == 't':
				h.fields[name] = string(val)
			case typ == 'n':
				i, err := numeric.PrefixCoded(val).Int64()
				if err != nil {
					bad = fmt.Errorf("field %s: %w", name, err)
					return false
				}
				h.fields[name] = numeric.Int64ToFloat64(i)
			}
			return true
		})
		if err == nil {
			err = bad
		}
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
}
