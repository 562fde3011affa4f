package index

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/names"
	"github.com/crosscheck/crosscheck/claims/quantity"
)

// PutMany cuts its entries into Bleve batches of about batchDocs documents
// or batchBytes bytes of claim text, whichever comes first; an article's
// documents always go in one batch, however many. Larger batches build
// fewer, larger segments (less merging) but hold more in memory while they
// are analysed. Tests lower them.
var (
	batchDocs  = 4000
	batchBytes = 1 << 20
)

// A Loader (and so PutMany) builds up to builders batches at once. Bleve
// analyses a batch on every core but builds its segment on the goroutine
// that hands it over: with one batch at a time, a core idles through that
// whenever the caller's other work (extraction, in a bulk load) waits for
// the index. The batches hold distinct articles, so the order in which
// Bleve takes them in does not matter.
const builders = 2

// inFlight is the number of batches a Loader lets Bleve hold in memory
// before they are on disk, counting those being built: while some are
// persisted the next are analysed.
const inFlight = 3

// Entry is one article with its claims, as given to PutMany.
type Entry struct {
	Article claims.Article
	Claims  []claims.Claim
}

// Put stores article a with its claims cs, replacing everything the index
// held for a.ID: claims no longer in cs are deleted. cs may be empty (the
// article is recorded with no claims). Article.Text is not stored. Every
// claim must have an ID of the form "<a.ID>:<n>", unique in cs, and Article
// equal to a.ID; otherwise Put fails with ErrInvalid and writes nothing.
func (x *Index) Put(a claims.Article, cs []claims.Claim) error {
	return x.PutMany([]Entry{{Article: a, Claims: cs}})
}

// PutMany stores several articles as Put does, batching their documents
// (a few thousand per batch, each article whole in one batch) for bulk
// loads; memory stays bounded however many entries are given (see
// inFlight). It returns once everything is on disk (for an on-disk index).
// Every entry is checked before anything is written; an article may appear
// only once. Batches written before a failure stay written. Nothing is done
// for an empty entries.
func (x *Index) PutMany(entries []Entry) error {
	l := x.Loader()
	err := l.Put(entries)
	if cerr := l.Close(); err == nil {
		err = cerr
	}
	return err
}

// A Loader puts articles into the index over several calls, as PutMany
// does in one: a bulk load that hands over a chunk of articles at a time
// (extracting the next meanwhile) keeps every core busy across chunks, as
// no Put waits for the batches of the one before to reach disk, only for
// room among the batches in memory. Close waits until everything is on
// disk. From Index.Loader to Close the loader holds the index's write
// lock: no other write may start in between. A Loader is used by one
// goroutine at a time.
type Loader struct {
	x        *Index
	building chan struct{} // a slot per batch being built
	held     chan struct{} // a slot per batch built or not yet on disk
	stop     chan struct{} // closed at the first failure
	wg       sync.WaitGroup
	batches  int // numbered in the order they were cut

	mu     sync.Mutex
	first  int // the number of the first batch that failed, -1 for none
	err    error
	closed bool
}

// Loader returns a loader of the index; the caller must Close it.
func (x *Index) Loader() *Loader {
	x.mu.Lock()
	return &Loader{
		x:        x,
		building: make(chan struct{}, builders),
		held:     make(chan struct{}, inFlight),
		stop:     make(chan struct{}),
		first:    -1,
	}
}

// Put stores entries as PutMany does, except that it returns once they are
// searchable, without waiting for them to reach disk. Once a batch has
// failed, of this Put or of an earlier one, it starts no more batches and
// returns the failure of the first batch that failed.
func (l *Loader) Put(entries []Entry) error {
	x := l.x
	if x.readOnly {
		return fmt.Errorf("put: %w", ErrReadOnly)
	}
	if l.closed {
		return fmt.Errorf("put: loader closed")
	}
	if err := validate(entries); err != nil {
		return fmt.Errorf("put: %w", err)
	}
	all := entries
	var built sync.WaitGroup
	for len(entries) > 0 && !l.failed() {
		n := batchLen(entries)
		part := entries[:n]
		entries = entries[n:]
		l.held <- struct{}{}
		l.building <- struct{}{}
		k := l.batches
		l.batches++
		built.Add(1)
		l.wg.Go(func() {
			defer func() { <-l.held }()
			done, err := x.putBatch(part)
			<-l.building
			built.Done()
			if err == nil {
				err = x.wait(done, l.stop)
			}
			if err != nil && !errors.Is(err, errStopped) {
				l.fail(k, err)
			}
		})
	}
	built.Wait()
	if err := l.failure(); err != nil {
		return err
	}
	if err := x.widenSpan(all); err != nil {
		return fmt.Errorf("put: %w", err)
	}
	return nil
}

// Close waits until everything put is on disk (for an on-disk index),
// releases the index's write lock and returns the failure of the first
// batch that failed, if any. Closing a closed loader does nothing.
func (l *Loader) Close() error {
	if l.closed {
		return nil
	}
	l.closed = true
	l.wg.Wait()
	l.x.mu.Unlock()
	return l.failure()
}

func (l *Loader) fail(k int, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.first < 0 {
		close(l.stop)
	}
	if l.first < 0 || k < l.first {
		l.first, l.err = k, err
	}
}

func (l *Loader) failed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.first >= 0
}

func (l *Loader) failure() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.err != nil {
		return fmt.Errorf("put: %w", l.err)
	}
	return nil
}

// batchLen returns how many of entries, at least one, go in the next batch.
func batchLen(entries []Entry) int {
	n, docs, size := 0, 0, 0
	for n < len(entries) {
		d, z := len(entries[n].Claims)+1, 0
		for i := range entries[n].Claims {
			z += len(entries[n].Claims[i].Text)
		}
		if n > 0 && (docs+d > batchDocs || size+z > batchBytes) {
			break
		}
		docs, size = docs+d, size+z
		n++
	}
	return n
}

// submit hands b to Bleve. Once it returns b is searchable; the channel it
// returns receives nil when b is on disk, or the error that kept it from
// getting there. It is nil for an in-memory index, where there is nothing
// to wait for.
func (x *Index) submit(b *bleve.Batch) (<-chan error, error) {
	var done chan error
	if x.persistErr != nil {
		done = make(chan error, 1)
		b.SetPersistedCallback(func(err error) {
			select {
			case done <- err:
			default:
			}
		})
	}
	defer x.span.drop()
	if err := x.b.Batch(b); err != nil {
		return nil, err
	}
	return done, nil
}

// errStopped is what wait returns when it is stopped.
var errStopped = errors.New("stopped")

// wait waits until the batch that submit returned done for is on disk, or
// until stop is closed (a nil stop never is).
func (x *Index) wait(done <-chan error, stop <-chan struct{}) error {
	if done == nil {
		return nil
	}
	select {
	case err := <-done:
		return err
	case err := <-x.persistErr:
		return fmt.Errorf("persist: %w", err)
	case <-stop:
		return errStopped
	}
}

// write submits b and waits until it is on disk.
func (x *Index) write(b *bleve.Batch) error {
	done, err := x.submit(b)
	if err != nil {
		return err
	}
	return x.wait(done, nil)
}

func validate(entries []Entry) error {
	articles := make(map[string]bool, len(entries))
	for i := range entries {
		a := &entries[i].Article
		if a.ID == "" || strings.ContainsRune(a.ID, 0) {
			return fmt.Errorf("article %d has no valid id: %w", i, ErrInvalid)
		}
		if articles[a.ID] {
			return fmt.Errorf("article %q given twice: %w", a.ID, ErrInvalid)
		}
		articles[a.ID] = true
		ids := make(map[string]bool, len(entries[i].Claims))
		for j := range entries[i].Claims {
			c := &entries[i].Claims[j]
			switch {
			case !strings.HasPrefix(c.ID, a.ID+":") || len(c.ID) == len(a.ID)+1:
				return fmt.Errorf("article %q: claim %d has id %q, want %q followed by a number: %w", a.ID, j, c.ID, a.ID+":", ErrInvalid)
			case ids[c.ID]:
				return fmt.Errorf("article %q: claim id %q given twice: %w", a.ID, c.ID, ErrInvalid)
			case c.Article != a.ID:
				return fmt.Errorf("article %q: claim %q belongs to article %q: %w", a.ID, c.ID, c.Article, ErrInvalid)
			}
			ids[c.ID] = true
		}
	}
	return nil
}

// putBatch writes entries in one Bleve batch, deleting the documents of
// their articles that the entries no longer hold. The article document is
// written with its claims, so an interrupted load never leaves an article
// record whose hash promises claims that are not there.
//
// Once it returns, the batch is searchable; the channel is as for submit.
func (x *Index) putBatch(entries []Entry) (<-chan error, error) {
	ids := make([]string, len(entries))
	for i := range entries {
		ids[i] = entries[i].Article.ID
	}
	old, err := x.docsOf(ids)
	if err != nil {
		return nil, err
	}
	keep := make(map[string]bool)
	for i := range entries {
		keep[articleDocID(entries[i].Article.ID)] = true
		for j := range entries[i].Claims {
			keep[entries[i].Claims[j].ID] = true
		}
	}
	b := x.b.NewBatch()
	for _, id := range old {
		if !keep[id] {
			b.Delete(id)
		}
	}
	for i := range entries {
		a := &entries[i].Article
		for j := range entries[i].Claims {
			c := &entries[i].Claims[j]
			if err := x.index(b, c.ID, claimDoc(a, c)); err != nil {
				return nil, fmt.Errorf("article %q: claim %q: %w", a.ID, c.ID, err)
			}
		}
		doc, err := articleDoc(a, entries[i].Claims)
		if err != nil {
			return nil, fmt.Errorf("article %q: %w", a.ID, err)
		}
		if err := x.index(b, articleDocID(a.ID), doc); err != nil {
			return nil, fmt.Errorf("article %q: %w", a.ID, err)
		}
	}
	done, err := x.submit(b)
	if err != nil {
		return nil, fmt.Errorf("write batch: %w", err)
	}
	return done, nil
}

// index adds to b the document of id with the given values.
func (x *Index) index(b *bleve.Batch, id string, values map[string]any) error {
	doc, err := x.docs.document(id, values)
	if err != nil {
		return err
	}
	return b.IndexAdvanced(doc)
}

// Move records that articles already in the index, their content and
// metadata unchanged, are now read from another file: each article's record
// is written again with its new Path and the claims it has, which are
// neither extracted nor indexed again. An id not in the index fails with
// ErrNoArticle, and nothing is written.
func (x *Index) Move(arts []claims.Article) error {
	if x.readOnly {
		return fmt.Errorf("move: %w", ErrReadOnly)
	}
	for lo := 0; lo < len(arts); lo += moveChunk {
		chunk := arts[lo:min(lo+moveChunk, len(arts))]
		ids := make([]string, len(chunk))
		for i := range chunk {
			ids[i] = chunk[i].ID
		}
		cs, err := x.Claims(ids...)
		if err != nil {
			return fmt.Errorf("move: %w", err)
		}
		byArticle := map[string][]claims.Claim{}
		for _, c := range cs {
			byArticle[c.Article] = append(byArticle[c.Article], c)
		}
		x.mu.Lock()
		b := x.b.NewBatch()
		for i := range chunk {
			a := &chunk[i]
			doc, err := articleDoc(a, byArticle[a.ID])
			if err == nil {
				err = x.index(b, articleDocID(a.ID), doc)
			}
			if err != nil {
				x.mu.Unlock()
				return fmt.Errorf("move %q: %w", a.ID, err)
			}
		}
		err = x.write(b)
		x.mu.Unlock()
		if err != nil {
			return fmt.Errorf("move: %w", err)
		}
	}
	return nil
}

// moveChunk is how many article records Move writes in one batch.
const moveChunk = 1000

// Delete removes article id and all its claims. Deleting an article that is
// not in the index does nothing.
func (x *Index) Delete(id string) error {
	if x.readOnly {
		return fmt.Errorf("delete %q: %w", id, ErrReadOnly)
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	old, err := x.docsOf([]string{id})
	if err != nil {
		return fmt.Errorf("delete %q: %w", id, err)
	}
	if len(old) == 0 {
		return nil
	}
	b := x.b.NewBatch()
	for _, d := range old {
		b.Delete(d)
	}
	if err := x.write(b); err != nil {
		return fmt.Errorf("delete %q: %w", id, err)
	}
	return nil
}

// docsOf returns the ids of every document (claims and article records) of
// the given articles.
func (x *Index) docsOf(articles []string) ([]string, error) {
	qs := make([]query.Query, len(articles))
	for i, a := range articles {
		qs[i] = termQuery(fieldArticle, a)
	}
	q := query.NewDisjunctionQuery(qs)
	var out []string
	err := x.each(q, nil, func(h hitFields) error {
		out = append(out, h.id)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("find documents: %w", err)
	}
	return out, nil
}

// articlePrefix starts the document id of every article record; claim ids,
// which start with their article's id and a colon, never do.
const articlePrefix = "\x00"

func articleDocID(id string) string { return articlePrefix + id }

// claimDoc is the document indexed for claim c of article a.
func claimDoc(a *claims.Article, c *claims.Claim) map[string]any {
	d := map[string]any{
		fieldType:     typeClaim,
		fieldText:     c.Text,
		fieldFolded:   c.Text,
		fieldArticle:  a.ID,
		fieldModality: c.Modality.String(),
		fieldLine:     float64(c.Line),
	}
	if a.Outlet != "" {
		d[fieldOutlet] = a.Outlet
	}
	if !a.Published.IsZero() {
		d[fieldPublished] = sortableTime(a.Published)
		d[fieldDay] = a.Published.Format(dayLayout)
		d[fieldPublishedAt] = a.Published.Format(time.RFC3339Nano)
	}
	if len(c.Entities) > 0 {
		var keys, forms, types []string
		var ents strings.Builder
		for i := range c.Entities {
			e := &c.Entities[i]
			k := entityKey(e)
			keys = appendKeyTerms(keys, k)
			forms = append(forms, e.Text)
			types = appendUnique(types, e.Type.String())
			if i > 0 {
				ents.WriteByte('\n')
			}
			ents.WriteString(clean(k))
			ents.WriteByte('\t')
			ents.WriteString(e.Type.String())
			ents.WriteByte('\t')
			ents.WriteString(clean(e.Text))
		}
		if len(keys) > 0 {
			d[fieldKeys] = keys
		}
		d[fieldEntity] = forms
		d[fieldEntities] = ents.String()
		d[fieldEntityType] = types
	}
	var nums []float64
	var units []string
	for i := range c.Quantities {
		q := &c.Quantities[i]
		nums = appendFinite(nums, q.Value)
		if q.Low < q.High {
			nums = appendFinite(nums, q.Low)
			nums = appendFinite(nums, q.High)
		}
		if q.Unit != "" {
			units = appendUnique(units, q.Unit)
		}
	}
	if len(nums) > 0 {
		d[fieldNumber] = nums
	}
	if len(units) > 0 {
		d[fieldUnit] = units
	}
	var dates []string
	for i := range c.Times {
		dates = appendDateTerms(dates, &c.Times[i])
	}
	if len(dates) > 0 {
		d[fieldDate] = dates
	}
	return d
}

// articleDoc is the record indexed for article a with its claims cs.
func articleDoc(a *claims.Article, cs []claims.Claim) (map[string]any, error) {
	enc, err := encodeClaims(cs)
	if err != nil {
		return nil, err
	}
	d := map[string]any{
		fieldType:    typeArticle,
		fieldArticle: a.ID,
		fieldPath:    a.Path,
		fieldTitle:   a.Title,
		fieldURL:     a.URL,
		fieldHash:    a.Hash,
		fieldCount:   float64(len(cs)),
		fieldSchema:  schema(),
		fieldBlob:    string(enc),
	}
	if a.Outlet != "" {
		d[fieldOutlet] = a.Outlet
	}
	if !a.Published.IsZero() {
		d[fieldPublishedAt] = a.Published.Format(time.RFC3339Nano)
	}
	return d, nil
}

// sortableTime is t in UTC, written so that later times sort after
// earlier ones as strings (years 0 to 9999).
func sortableTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000000000Z")
}

// entityKey is e's name key, computed from its text when the claim has
// none.
func entityKey(e *claims.Entity) string {
	if e.Key != "" {
		return e.Key
	}
	return names.Key(e.Text)
}

// appendKeyTerms adds key and, for a key of several parts, each part, so
// that a surname alone finds the full name.
func appendKeyTerms(terms []string, key string) []string {
	if key == "" {
		return terms
	}
	terms = appendUnique(terms, key)
	parts := strings.Fields(key)
	if len(parts) > 1 {
		for _, p := range parts {
			terms = appendUnique(terms, p)
		}
	}
	return terms
}

// appendDateTerms adds the date terms of t: its TIMEX value and, when it is
// resolved, each day it covers (for spans of a week or less), the month it
// lies in and the year it lies in, so that a search for a day, month or
// year finds the times within it.
func appendDateTerms(terms []string, t *claims.Time) []string {
	if t.Value != "" {
		terms = appendUnique(terms, t.Value)
	}
	if t.Low.IsZero() {
		return terms
	}
	lo, hi := day(t.Low), day(t.High)
	if t.High.IsZero() || hi.Before(lo) {
		hi = lo
	}
	if !hi.After(lo.AddDate(0, 0, 6)) {
		for d := lo; !d.After(hi); d = d.AddDate(0, 0, 1) {
			terms = appendUnique(terms, d.Format(dayLayout))
		}
	}
	if lo.Year() == hi.Year() {
		if lo.Month() == hi.Month() {
			terms = appendUnique(terms, lo.Format(monthLayout))
		}
		terms = appendUnique(terms, lo.Format(yearLayout))
	}
	return terms
}

const (
	dayLayout   = "2006-01-02"
	monthLayout = "2006-01"
	yearLayout  = "2006"
)

// day is t's calendar date at midnight UTC.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func appendUnique(s []string, v string) []string {
	for _, w := range s {
		if w == v {
			return s
		}
	}
	return append(s, v)
}

// appendFinite adds v unless it is not a finite number or stands for an
// open bound (quantity.Unbounded).
func appendFinite(s []float64, v float64) []float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) || v == quantity.Unbounded {
		return s
	}
	for _, w := range s {
		if w == v {
			return s
		}
	}
	return append(s, v)
}

// clean replaces tabs and newlines, which separate the stored entity
// record, by spaces.
func clean(s string) string {
	if !strings.ContainsAny(s, "\t\n") {
		return s
	}
	return strings.NewReplacer("\t", " ", "\n", " ").Replace(s)
}

func termQuery(field, term string) *query.TermQuery {
	q := bleve.NewTermQuery(term)
	q.SetField(field)
	return q
}
