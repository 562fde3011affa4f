package index

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/names"
)

// DefaultLimit is the number of hits Search returns when Query.Limit is
// zero or less.
const DefaultLimit = 20

// Query is a fact-checker's search. The zero Query matches every claim.
type Query struct {
	// Text holds plain words, "quoted phrases" and field filters:
	// entity:NAME (or entity:"Full Name"), number:>5000, number:<=10,
	// number:1000..2000, number:7,000, date:2022, date:2022-06,
	// date:2022-06-28, date:2022-06-01..2022-07 (times within the period),
	// date:2022-W25 (a TIMEX value), article:ID, source:OUTLET,
	// type:person, modality:hedged and unit:NOUN. Every word, phrase and
	// filter must match, except that several article: or source: filters
	// match any of their values. Each word matches the sentence as written
	// or folded to plain ASCII, and also names spelt differently: entities
	// whose name key part equals the word's (names.TokenKey) or whose
	// surface form is within two edits of it, kept only when
	// names.Similarity says they are the same name. English stop words
	// ("the", "of") only rank.
	Text string
	// Source keeps claims of articles from this outlet (case and accents
	// ignored); empty means any.
	Source string
	// Since and Until keep claims of articles published on or after the
	// day of Since and on or before the day of Until, an article's day
	// being its date where it was published; a zero time is no bound.
	// Articles with no publication date are left out by either bound.
	Since, Until time.Time
	// EntityTypes keeps claims that name an entity of one of these types;
	// empty means any.
	EntityTypes []claims.EntityType
	// Modalities keeps claims of one of these modalities; empty means any.
	Modalities []claims.Modality
	// Limit is the most hits returned, DefaultLimit when zero or less.
	Limit int
}

// Results is what Search finds.
type Results struct {
	// Hits are the best claims found, best first: claims that match every
	// word as written before those that match a name only through a
	// variant spelling, then by relevance.
	Hits []Hit
	// Total is the number of matching claims. Beyond the hits examined for
	// ranking it counts variant-spelling matches that ranking would drop,
	// and claims with a phrase's words that do not hold them in a row, so
	// it is then an upper bound.
	Total int
}

// Hit is one claim found by Search.
type Hit struct {
	// ID is the claim's id.
	ID        string
	Article   string
	Line      int
	Outlet    string
	Published time.Time // zero when unknown
	// Sentence is the claim's exact sentence.
	Sentence string
	// Spans are the byte ranges of Sentence that matched, sorted and not
	// overlapping.
	Spans []Span
	// Score is the search engine's relevance score.
	Score float64
	// Similarity is 1 when every word and entity of the query appears in
	// the claim as written (up to case and accents); otherwise the lowest
	// names.Similarity of a query name to the variant it matched.
	Similarity float64
}

// Span is a byte range of a sentence: Sentence[Start:End].
type Span struct {
	Start, End int
}

// Highlight returns the sentence with open before and close after each
// span, as in h.Highlight("[", "]") or h.Highlight("<mark>", "</mark>").
// Spans separated only by spaces are marked as one ("[eastern group]").
func (h Hit) Highlight(open, close string) string {
	var b strings.Builder
	last := 0
	for _, s := range joinSpans(h.Sentence, h.Spans) {
		if s.Start < last || s.End > len(h.Sentence) || s.Start > s.End {
			continue
		}
		b.WriteString(h.Sentence[last:s.Start])
		b.WriteString(open)
		b.WriteString(h.Sentence[s.Start:s.End])
		b.WriteString(close)
		last = s.End
	}
	b.WriteString(h.Sentence[last:])
	return b.String()
}

// Fuzzy matching of names: a word of fuzzyOne runes or more may differ from
// an entity's form by one edit, one of fuzzyTwo runes or more by two.
const (
	fuzzyOne = 4
	fuzzyTwo = 6
)

// Boosts of the ways a word matches: a name as an entity's form ranks
// above a word of the sentence, which ranks above a variant spelling.
const (
	boostText   = 1.5
	boostFolded = 1
	boostVarKey = 0.8
	boostFuzzy  = 0.5
)

// nameTerm is a query word or entity: filter, kept to rank the hits.
type nameTerm struct {
	raw    string   // as written
	folded []string // its folded tokens
	// key is names.TokenKey of a word, names.Key of an entity filter.
	key    string
	entity bool // an entity: filter
}

// Search finds the claims that match q, best first. It only reads the
// index. An unreadable q.Text fails with a *QueryError.
func (x *Index) Search(q Query) (Results, error) {
	p, err := parseText(q.Text)
	if err != nil {
		return Results{}, fmt.Errorf("search: %w", err)
	}
	if q.Source != "" {
		p.sources = append(p.sources, q.Source)
	}
	p.types = append(p.types, q.EntityTypes...)
	p.modal = append(p.modal, q.Modalities...)

	// Which name keys and near forms are in the index is looked up on one
	// snapshot.
	df, err := x.newDocFreq()
	if err != nil {
		return Results{}, fmt.Errorf("search: %w", err)
	}
	defer df.close()
	var must, should []query.Query
	var terms []nameTerm
	var stop []query.Query
	scored := false
	var exact, variants []query.Query // of the words, in turn
	for _, w := range p.words {
		eq, vs, nt, isStop := x.wordQuery(w, df)
		switch {
		case eq == nil:
		case isStop:
			stop = append(stop, eq)
		default:
			must = append(must, anyOf(append([]query.Query{eq}, vs...)))
			var v query.Query
			if len(vs) > 0 {
				v = anyOf(vs)
			}
			exact, variants = append(exact, eq), append(variants, v)
			terms = append(terms, nt)
			scored = true
		}
	}
	if len(stop) > 0 {
		if scored {
			should = stop
		} else {
			must = append(must, stop...)
			scored = true
		}
	}
	var phrases [][]string // the folded words of each phrase
	for _, ph := range p.phrases {
		words := tokens(x.folded, ph)
		if len(words) == 0 {
			continue
		}
		must = append(must, x.phraseQuery(ph))
		phrases = append(phrases, words)
		scored = true
	}
	marks := x.marks(&p)
	for _, e := range p.entities {
		eq, nt := x.entityQuery(e, df)
		must = append(must, eq)
		terms = append(terms, nt)
		scored = true
	}
	fs := filters(&p, &q, scored)
	bq := combine(must, should, fs)

	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	fetch := limit
	if len(terms) > 0 {
		fetch = max(3*limit, limit+50)
	}
	var res *bleve.SearchResult
	switch {
	case len(must) == 1 && len(exact) == 1 && len(should) == 0 && variants[0] != nil:
		res, err = x.wordSearch(exact[0], variants[0], fs, fetch)
		if err == nil && res == nil {
			res, err = x.scoredSearch(bq, fetch, nil)
		}
	case scored:
		res, err = x.scoredSearch(bq, fetch, phrases)
	default:
		// Filters alone: as a query of their own rather than filtering
		// every document of the index.
		res, err = x.newestFirst(query.NewConjunctionQuery(fs), fetch)
	}
	if err != nil {
		return Results{}, fmt.Errorf("search: %w", err)
	}
	out := Results{Total: int(res.Total)}
	for _, dm := range res.Hits {
		h, ok := x.hit(dm, terms, marks)
		if !ok {
			out.Total--
			continue
		}
		out.Hits = append(out.Hits, h)
	}
	slices.SortStableFunc(out.Hits, compareHits)
	if len(out.Hits) > limit {
		out.Hits = out.Hits[:limit]
	}
	return out, nil
}

// combine returns the query that every must, some should (when any) and
// every filter match. A lone must is searched as it is: each level of
// Bleve's searchers above it costs a step per match, which matters for
// common words that hundreds of thousands of claims hold.
func combine(must, should, filter []query.Query) query.Query {
	if len(must) == 1 && len(should) == 0 && len(filter) == 0 {
		return must[0]
	}
	bq := query.NewBooleanQuery(nil, nil, nil)
	if len(must) > 0 {
		bq.AddMust(must...)
	}
	if len(should) > 0 {
		bq.AddShould(should...)
	}
	if len(filter) > 0 {
		bq.AddFilter(query.NewConjunctionQuery(filter))
	}
	return bq
}

// wordSearch searches one word whose spelling variants are searched too,
// when the word as written is common: a claim found through a variant only
// ranks below every claim with the word as written (compareHits), so with
// fetch of those the hits are theirs, found without the variants, which
// are only counted. Scoring the word alone over hundreds of thousands of
// claims costs half what scoring it with its variants does. It returns nil
// when fewer than fetch claims hold the word as written.
func (x *Index) wordSearch(exact, variants query.Query, filter []query.Query, fetch int) (*bleve.SearchResult, error) {
	res, err := x.scoredSearch(combine([]query.Query{exact}, nil, filter), fetch, nil)
	if err != nil || res.Total < uint64(fetch) {
		return nil, err
	}
	// The claims with a variant and not the word: counted as those with a
	// variant less those with both, which Bleve counts on bitmaps of the
	// terms' postings, rather than by stepping through the word's matches.
	with := func(qs ...query.Query) (int, error) {
		return x.count(query.NewConjunctionQuery(append(qs, filter...)))
	}
	n, err := with(variants)
	if err != nil {
		return nil, err
	}
	both, err := with(variants, exact)
	if err != nil {
		return nil, err
	}
	// Each count reads its own snapshot: a write between them could make
	// both the greater.
	res.Total += uint64(max(n-both, 0))
	return res, nil
}

// scoredSearch runs q for its fetch best matches. The index keeps no word
// positions, so a phrase matches as all of its words; the matches are then
// kept only where the sentence holds each phrase's words in a row, and
// further pages are read while fewer than fetch are left. Total counts the
// claims with the words less those found without the phrase: an upper
// bound when some were not examined.
func (x *Index) scoredSearch(q query.Query, fetch int, phrases [][]string) (*bleve.SearchResult, error) {
	req := bleve.NewSearchRequestOptions(q, fetch, 0, false)
	req.Fields = hitFieldNames
	res, err := x.b.Search(req)
	if err != nil || len(phrases) == 0 {
		return res, err
	}
	var kept []*search.DocumentMatch
	dropped, examined := 0, 0
	for {
		for _, dm := range res.Hits {
			if x.holdsPhrases(dm, phrases) {
				kept = append(kept, dm)
			} else {
				dropped++
			}
		}
		examined += len(res.Hits)
		if len(kept) >= fetch || len(res.Hits) == 0 || uint64(examined) >= res.Total {
			break
		}
		req.From, req.Size = examined, 2*req.Size
		total := res.Total
		if res, err = x.b.Search(req); err != nil {
			return nil, err
		}
		res.Total = total
	}
	res.Hits = kept
	res.Total -= uint64(dropped)
	return res, nil
}

// holdsPhrases reports whether a match's sentence holds the words of every
// phrase in a row, folded.
func (x *Index) holdsPhrases(dm *search.DocumentMatch, phrases [][]string) bool {
	sentence, _ := dm.Fields[fieldText].(string)
	words := tokens(x.folded, sentence)
	for _, ph := range phrases {
		if !containsSeq(words, ph) {
			return false
		}
	}
	return true
}

// hitFieldNames are the stored fields a hit is made of.
var hitFieldNames = []string{fieldText, fieldArticle, fieldLine, fieldEntities, fieldOutlet, fieldPublishedAt}

// newestFirst finds the fetch most recently published claims that q
// matches, newest first, and counts all it matches. Sorting every match by
// date costs in proportion to the matches, a second or more for a filter
// that millions of claims pass, while counting them is quick; so it sorts
// the matches of the latest days first, widening the window until it holds
// fetch matches that no match outside could come before, and counts apart.
func (x *Index) newestFirst(q query.Query, fetch int) (*bleve.SearchResult, error) {
	count := bleve.NewSearchRequestOptions(q, 0, 0, false)
	count.Score = "none"
	counted, err := x.b.Search(count)
	if err != nil {
		return nil, err
	}
	sorted := func(q query.Query) (*bleve.SearchResult, error) {
		req := bleve.NewSearchRequestOptions(q, fetch, 0, false)
		req.Fields = hitFieldNames
		req.SortBy([]string{"-" + fieldPublished})
		req.Score = "none"
		res, err := x.b.Search(req)
		if err != nil {
			return nil, err
		}
		res.Total = counted.Total
		for _, h := range res.Hits {
			h.Score = 1 // every match of filters alone is as relevant
		}
		return res, nil
	}
	if counted.Total <= uint64(fetch) {
		return sorted(q)
	}
	oldest, newest, err := x.days()
	if err != nil || newest.IsZero() {
		return sorted(q)
	}
	for span := windowDays; !newest.AddDate(0, 0, -span).Before(oldest); span *= 4 {
		from := newest.AddDate(0, 0, -span)
		incl := true
		window := bleve.NewTermRangeInclusiveQuery(from.Format(dayLayout), "", &incl, &incl)
		window.SetField(fieldDay)
		res, err := sorted(query.NewConjunctionQuery([]query.Query{q, window}))
		if err != nil {
			return nil, err
		}
		// A claim outside the window was published before the window's
		// first day began where it was published: before 14:00 UTC that
		// day, as no time zone is more than 14 hours from UTC.
		if len(res.Hits) == fetch && !hitTime(res.Hits[fetch-1]).Before(from.Add(14*time.Hour)) {
			x.windowed.Add(1)
			return res, nil
		}
	}
	return sorted(q)
}

// windowDays is the first window of days newestFirst sorts.
const windowDays = 16

// days returns the first and the last publication day of the claims, zero
// times when none has a date. Reading them walks every day of every
// segment, tens of milliseconds for an index of decades, so they are read
// from the span note when there is one, and kept until the next write. A
// span that is stale costs newestFirst time only: it checks its windows
// against the hits.
func (x *Index) days() (oldest, newest time.Time, err error) {
	x.span.Lock()
	defer x.span.Unlock()
	if x.span.known {
		return x.span.oldest, x.span.newest, nil
	}
	if b, err := x.notes.get(spanNote); err == nil {
		if first, last, ok := parseSpan(b); ok {
			x.span.oldest, x.span.newest, x.span.known = first, last, true
			return first, last, nil
		}
	}
	if oldest, newest, err = x.readDays(); err == nil {
		x.span.oldest, x.span.newest, x.span.known = oldest, newest, true
	}
	return oldest, newest, err
}

// daySpan is what days read last, until a write drops it.
type daySpan struct {
	sync.Mutex
	known          bool
	oldest, newest time.Time
}

func (s *daySpan) drop() {
	s.Lock()
	s.known = false
	s.Unlock()
}

// spanNote keeps "FIRST LAST", the first and the last publication day of
// the claims put, for days to read in a process that only searches: puts
// widen it and nothing narrows it, as a span too wide or too narrow costs
// newestFirst time only. An index written before there was a note gets one
// from its days at its next put.
const spanNote = "span"

// widenSpan widens the span note with the days of entries, just put.
func (x *Index) widenSpan(entries []Entry) error {
	lo, hi := "", ""
	for _, e := range entries {
		if e.Article.Published.IsZero() || len(e.Claims) == 0 {
			continue
		}
		d := e.Article.Published.Format(dayLayout)
		if lo == "" || d < lo {
			lo = d
		}
		hi = max(hi, d)
	}
	if lo == "" {
		return nil
	}
	old, err := x.notes.get(spanNote)
	if err != nil {
		return err
	}
	if first, last, ok := parseSpan(old); ok {
		f, l := first.Format(dayLayout), last.Format(dayLayout)
		if f <= lo && l >= hi {
			return nil
		}
		lo, hi = min(lo, f), max(hi, l)
	} else {
		// The days the index held already, these entries' among them.
		oldest, newest, err := x.readDays()
		if err != nil {
			return err
		}
		if !oldest.IsZero() {
			lo, hi = min(lo, oldest.Format(dayLayout)), max(hi, newest.Format(dayLayout))
		}
	}
	if err := x.notes.set(map[string][]byte{spanNote: []byte(lo + " " + hi)}); err != nil {
		return err
	}
	x.span.drop() // a search during the put may have kept the old note
	return nil
}

// parseSpan reads a span note; ok is false for none or a damaged one.
func parseSpan(b []byte) (first, last time.Time, ok bool) {
	f, l, found := strings.Cut(string(b), " ")
	if !found {
		return time.Time{}, time.Time{}, false
	}
	first, err1 := time.Parse(dayLayout, f)
	last, err2 := time.Parse(dayLayout, l)
	return first, last, err1 == nil && err2 == nil && !last.Before(first)
}

func (x *Index) readDays() (oldest, newest time.Time, err error) {
	d, err := x.b.FieldDict(fieldDay)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	defer d.Close()
	var first, last string
	for {
		e, err := d.Next()
		if err != nil {
			return time.Time{}, time.Time{}, err
		}
		if e == nil {
			break
		}
		if first == "" {
			first = e.Term
		}
		last = e.Term
	}
	if last == "" {
		return time.Time{}, time.Time{}, nil
	}
	if oldest, err = time.Parse(dayLayout, first); err != nil {
		return time.Time{}, time.Time{}, err
	}
	newest, err = time.Parse(dayLayout, last)
	return oldest, newest, err
}

// hitTime is the publication time of a hit, the zero time when unknown.
func hitTime(dm *search.DocumentMatch) time.Time {
	s, _ := dm.Fields[fieldPublishedAt].(string)
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// compareHits orders hits by similarity, score, then newest first, then by
// article and line.
func compareHits(a, b Hit) int {
	switch {
	case a.Similarity != b.Similarity:
		return cmpFloat(b.Similarity, a.Similarity)
	case a.Score != b.Score:
		return cmpFloat(b.Score, a.Score)
	case !a.Published.Equal(b.Published):
		return b.Published.Compare(a.Published)
	case a.Article != b.Article:
		return strings.Compare(a.Article, b.Article)
	}
	return a.Line - b.Line
}

func cmpFloat(a, b float64) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

// filters returns the non-scoring conditions of a search. Only claims have
// the fields that words, phrases and most filters look in; the condition
// that a document be a claim, which every claim matches, is added only
// when nothing else keeps article records out.
func filters(p *parsed, q *Query, scored bool) []query.Query {
	var fs []query.Query
	for _, r := range p.numbers {
		nq := bleve.NewNumericRangeInclusiveQuery(r.min, r.max, &r.minIncl, &r.maxIncl)
		nq.SetField(fieldNumber)
		fs = append(fs, nq)
	}
	for _, d := range p.dates {
		fs = append(fs, anyTerm(fieldDate, d))
	}
	if len(p.articles) > 0 {
		fs = append(fs, anyTerm(fieldArticle, p.articles))
	}
	if len(p.sources) > 0 {
		var qs []query.Query
		for _, s := range p.sources {
			mq := bleve.NewMatchQuery(s)
			mq.SetField(fieldOutlet)
			qs = append(qs, mq)
		}
		fs = append(fs, query.NewDisjunctionQuery(qs))
	}
	if len(p.types) > 0 {
		var ts []string
		for _, t := range p.types {
			ts = append(ts, t.String())
		}
		fs = append(fs, anyTerm(fieldEntityType, ts))
	}
	if len(p.modal) > 0 {
		var ms []string
		for _, m := range p.modal {
			ms = append(ms, m.String())
		}
		fs = append(fs, anyTerm(fieldModality, ms))
	}
	for _, u := range p.units {
		mq := bleve.NewMatchQuery(u)
		mq.SetField(fieldUnit)
		fs = append(fs, mq)
	}
	if !q.Since.IsZero() || !q.Until.IsZero() {
		var lo, hi string
		if !q.Since.IsZero() {
			lo = q.Since.Format(dayLayout)
		}
		if !q.Until.IsZero() {
			hi = q.Until.Format(dayLayout)
		}
		incl := true
		dq := bleve.NewTermRangeInclusiveQuery(lo, hi, &incl, &incl)
		dq.SetField(fieldDay)
		fs = append(fs, dq)
	}
	claimsOnly := len(p.numbers)+len(p.dates)+len(p.types)+len(p.modal)+len(p.units) > 0 ||
		!q.Since.IsZero() || !q.Until.IsZero()
	if !scored && !claimsOnly {
		fs = append(fs, termQuery(fieldType, typeClaim))
	}
	return fs
}

// marks returns the folded terms to highlight in a hit's sentence: those
// of the query's words and phrases, stop words aside.
func (x *Index) marks(p *parsed) map[string]bool {
	m := map[string]bool{}
	for _, s := range slices.Concat(p.words, p.phrases) {
		for _, w := range strings.Fields(s) {
			if len(x.standard.Analyze([]byte(w))) == 0 {
				continue
			}
			for _, t := range x.folded.Analyze([]byte(w)) {
				m[string(t.Term)] = true
			}
		}
	}
	return m
}

// anyTerm matches documents with any of terms in field.
func anyTerm(field string, terms []string) query.Query {
	if len(terms) == 1 {
		return termQuery(field, terms[0])
	}
	qs := make([]query.Query, len(terms))
	for i, t := range terms {
		qs[i] = termQuery(field, t)
	}
	return query.NewDisjunctionQuery(qs)
}

// wordQuery matches one plain word: in the sentence as written or folded
// (exact), or as a name key part or a name within a few edits (variants).
// It returns a nil exact for a word with nothing to search (punctuation),
// and isStop for a stop word.
func (x *Index) wordQuery(w string, df *docFreq) (exact query.Query, variants []query.Query, nt nameTerm, isStop bool) {
	folded := tokens(x.folded, w)
	if len(folded) == 0 {
		return nil, nil, nameTerm{}, false
	}
	exact = x.foldedQuery(w, folded, boostFolded)
	if len(tokens(x.standard, w)) == 0 {
		return exact, nil, nameTerm{}, true
	}
	nt = nameTerm{raw: w, folded: folded, key: names.TokenKey(w)}
	if nt.key != "" && df.has(fieldKeys, nt.key) {
		variants = append(variants, boosted(termQuery(fieldKeys, nt.key), boostVarKey))
	}
	if len(folded) == 1 {
		if fq := df.fuzzy(w, folded[0]); fq != nil {
			variants = append(variants, fq)
		}
	}
	return exact, variants, nt, false
}

// anyOf matches what any of qs matches; one query is returned as it is.
func anyOf(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewDisjunctionQuery(qs)
}

// foldedQuery matches the claims whose folded text holds every one of
// folded, the folded words of w: one word as a term of its own, several
// through Bleve's match query.
func (x *Index) foldedQuery(w string, folded []string, boost float64) query.Query {
	if len(folded) == 1 {
		return boosted(termQuery(fieldFolded, folded[0]), boost)
	}
	text := bleve.NewMatchQuery(w)
	text.SetField(fieldFolded)
	text.SetOperator(query.MatchQueryOperatorAnd)
	text.SetBoost(boost)
	return text
}

// has reports whether any document holds term in field; on an error it
// says yes, leaving the search itself to fail or find nothing.
func (d *docFreq) has(field, term string) bool {
	n, err := d.count(field, term)
	return err != nil || n > 0
}

// fuzzy matches the entity forms within one or two edits of term, the
// folded form of the query name raw, that names.Similarity takes for the
// same name as raw: a claim found only through another form would be
// dropped from the hits (rank), so only counting and scoring it would
// cost, for a common word ("minister" is two edits from "ministry") the
// scoring of tens of thousands of claims. It returns nil for short words,
// numbers, and when no form is near enough.
func (d *docFreq) fuzzy(raw, term string) query.Query {
	n := utf8.RuneCountInString(term)
	if n < fuzzyOne || strings.IndexFunc(term, unicode.IsDigit) >= 0 {
		return nil
	}
	edits := 1
	if n >= fuzzyTwo {
		edits = 2
	}
	fr, ok := d.r.(index.IndexReaderFuzzy)
	if !ok {
		return nil
	}
	var near []query.Query
	dict, err := fr.FieldDictFuzzy(fieldEntity, term, edits, "")
	if err != nil {
		return nil
	}
	defer dict.Close()
	for {
		e, err := dict.Next()
		if err != nil || e == nil {
			break
		}
		// Claims naming the form term itself are matched as written,
		// by the word's folded text or the entity's form.
		if e.Term != term && names.Similarity(raw, e.Term) >= names.SimilarThreshold {
			near = append(near, boosted(termQuery(fieldEntity, e.Term), boostFuzzy))
		}
	}
	if len(near) == 0 {
		return nil
	}
	return anyOf(near)
}

// phraseQuery matches the claims that hold all the words of a quoted
// phrase, folded; scoredSearch keeps those that hold them in a row.
func (x *Index) phraseQuery(ph string) query.Query {
	folded := bleve.NewMatchQuery(ph)
	folded.SetField(fieldFolded)
	folded.SetOperator(query.MatchQueryOperatorAnd)
	return folded
}

// entityQuery matches claims naming name: by its name key, by all the
// parts of its key, by all the words of its folded form, or within a few
// edits of a one-word name.
func (x *Index) entityQuery(name string, df *docFreq) (query.Query, nameTerm) {
	nt := nameTerm{raw: name, folded: tokens(x.folded, name), key: names.Key(name), entity: true}
	form := bleve.NewMatchQuery(name)
	form.SetField(fieldEntity)
	form.SetOperator(query.MatchQueryOperatorAnd)
	form.SetBoost(boostText)
	dis := []query.Query{form}
	if nt.key != "" {
		dis = append(dis, boosted(termQuery(fieldKeys, nt.key), boostFolded))
		if parts := strings.Fields(nt.key); len(parts) > 1 {
			all := make([]query.Query, len(parts))
			for i, p := range parts {
				all[i] = termQuery(fieldKeys, p)
			}
			cq := query.NewConjunctionQuery(all)
			cq.SetBoost(boostVarKey)
			dis = append(dis, cq)
		}
	}
	if len(nt.folded) == 1 {
		if fq := df.fuzzy(name, nt.folded[0]); fq != nil {
			dis = append(dis, fq)
		}
	}
	return anyOf(dis), nt
}

// tokens returns the terms a analyses s into.
func tokens(a analysis.Analyzer, s string) []string {
	ts := a.Analyze([]byte(s))
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t.Term)
	}
	return out
}

// storedEntity is one entity of a claim as its document stores it.
type storedEntity struct {
	key, text string
}

func parseEntities(s string) []storedEntity {
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	out := make([]storedEntity, len(lines))
	for i, l := range lines {
		f := strings.SplitN(l, "\t", 3)
		if len(f) == 3 {
			out[i] = storedEntity{key: f[0], text: f[2]}
		}
	}
	return out
}

// hit turns a search match into a Hit, ranking it against the query's
// names; ok is false when a name matched only a different name.
func (x *Index) hit(dm *search.DocumentMatch, terms []nameTerm, marks map[string]bool) (h Hit, ok bool) {
	f := hitFields{id: dm.ID, fields: dm.Fields}
	h = Hit{
		ID:         dm.ID,
		Article:    f.str(fieldArticle),
		Line:       int(f.num(fieldLine)),
		Outlet:     f.str(fieldOutlet),
		Sentence:   f.str(fieldText),
		Score:      dm.Score,
		Similarity: 1,
	}
	if p := f.str(fieldPublishedAt); p != "" {
		h.Published, _ = time.Parse(time.RFC3339Nano, p)
	}
	if len(terms) == 0 && len(marks) == 0 {
		return h, true
	}
	var spans []Span
	sentence := map[string]bool{}
	for _, t := range x.folded.Analyze([]byte(h.Sentence)) {
		term := string(t.Term)
		sentence[term] = true
		if marks[term] {
			spans = append(spans, Span{t.Start, t.End})
		}
	}
	ents := parseEntities(f.str(fieldEntities))
	matched := make([]bool, len(ents))
	for _, nt := range terms {
		sim, ok := x.rank(nt, sentence, ents, matched)
		if !ok {
			return Hit{}, false
		}
		h.Similarity = min(h.Similarity, sim)
	}
	for i, e := range ents {
		if !matched[i] || e.text == "" {
			continue
		}
		for off := 0; ; {
			j := strings.Index(h.Sentence[off:], e.text)
			if j < 0 {
				break
			}
			spans = append(spans, Span{off + j, off + j + len(e.text)})
			off += j + len(e.text)
		}
	}
	h.Spans = mergeSpans(spans)
	return h, true
}

// rank says how closely a claim matches one query name: 1 when the claim
// has it as written (up to case and accents), else the best
// names.Similarity to one of its entities that shares its key or is
// similar enough. It marks the entities that match in matched; ok is false
// when none does and the word is not in the sentence.
func (x *Index) rank(nt nameTerm, sentence map[string]bool, ents []storedEntity, matched []bool) (sim float64, ok bool) {
	exact := false
	if nt.entity {
		for i, e := range ents {
			if containsSeq(tokens(x.folded, e.text), nt.folded) {
				exact, matched[i] = true, true
			}
		}
	} else {
		exact = len(nt.folded) > 0
		for _, t := range nt.folded {
			exact = exact && sentence[t]
		}
	}
	best := -1.0
	for i, e := range ents {
		s, same := x.nameMatch(nt, e)
		if !same && s < names.SimilarThreshold {
			continue
		}
		matched[i] = true
		if same {
			s = max(s, names.SimilarThreshold)
		}
		best = max(best, s)
	}
	switch {
	case exact:
		return 1, true
	case best >= 0:
		return best, true
	}
	return 0, false
}

// nameMatch returns the similarity of a query name to entity e (the best
// over e's whole form and, for a one-word name, each of its words) and
// whether their name keys say they are the same name.
func (x *Index) nameMatch(nt nameTerm, e storedEntity) (sim float64, same bool) {
	if nt.key != "" && e.key != "" {
		if nt.entity {
			same = e.key == nt.key || containsAll(strings.Fields(e.key), strings.Fields(nt.key))
		} else {
			same = slices.Contains(strings.Fields(e.key), nt.key)
		}
	}
	sim = names.Similarity(nt.raw, e.text)
	if len(nt.folded) == 1 {
		for _, w := range strings.FieldsFunc(e.text, notNamePart) {
			sim = max(sim, names.Similarity(nt.raw, w))
		}
	}
	return sim, same
}

func notNamePart(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
}

// containsSeq reports whether sub appears in s as consecutive elements.
func containsSeq(s, sub []string) bool {
	if len(sub) == 0 {
		return false
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if slices.Equal(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// containsAll reports whether s holds every element of sub.
func containsAll(s, sub []string) bool {
	for _, v := range sub {
		if !slices.Contains(s, v) {
			return false
		}
	}
	return len(sub) > 0
}

// joinSpans returns spans with those separated only by spaces joined.
func joinSpans(sentence string, spans []Span) []Span {
	var out []Span
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start >= out[n-1].End && s.Start <= len(sentence) &&
			strings.Trim(sentence[out[n-1].End:s.Start], " ") == "" {
			out[n-1].End = s.End
			continue
		}
		out = append(out, s)
	}
	return out
}

// mergeSpans sorts spans and merges those that overlap or touch.
func mergeSpans(spans []Span) []Span {
	if len(spans) == 0 {
		return nil
	}
	slices.SortFunc(spans, func(a, b Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.Start <= last.End {
			last.End = max(last.End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}
