package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/index"
)

// SearchSchema names the JSON form of search results.
const SearchSchema = "crosscheck.search/v1"

func searchCommand() command {
	return command{
		name:    "search",
		summary: "find claims: who said what about X, where and when",
		usage: `Usage: crosscheck search [--index DIR] [--format text|json] [--limit N]
                        [--source S] [--since DATE] [--until DATE]
                        [--kind person|place|org] [--modality M] QUERY...

Searches the claims of the index that crosscheck report or check built. A
name matches every spelling with the same name key and close spellings
(Zhidko finds Shidko and Schidko; Rakhmon finds Rahmon), exact spellings
first. Each hit shows the sentence with the match highlighted, its article,
line, outlet, date and modality, and how many articles corroborate it and
which discrepancies dispute it, from the last comparison. Searching never
changes the index.

The query takes plain words, "quoted phrases" and field filters:
  entity:NAME          claims naming NAME (entity:"Michael Kurilla")
  number:>5000         a quantity above 5000 (also <, <=, >=, 1000..2000, 7,000)
  date:2022-06         a time within June 2022 (2022, 2022-06-28, 2022-W25,
                       2022-06-01..2022-07)
  article:ID           claims of one article (several article: filters: any)
  source:OUTLET        claims of one outlet
  type:person          claims naming a person (place, org)
  modality:hedged      asserted, attributed, hedged or negated
  unit:soldier         quantities counting soldiers

Flags:
  --index DIR        claim index (default .crosscheck)
  --format FORMAT    text (default) or json (schema crosscheck.search/v1)
  --limit N          at most N hits (default 20)
  --source S         only articles of outlet S
  --since DATE       only articles published on or after DATE (YYYY-MM-DD)
  --until DATE       only articles published on or before DATE
  --kind KIND        only claims naming a person, place or org
  --modality M       only asserted, attributed, hedged or negated claims

Exit codes: 0 (also when nothing matches), 2 for a bad query or flag, or
when there is no index yet.

Examples:
  crosscheck search Zhidko
  crosscheck search --kind person --modality hedged Taliban
  crosscheck search 'entity:Kurilla date:2022-06' --format json
  crosscheck search --source "The Limited Times" --since 2022-06-01 "first trip abroad"
  crosscheck search 'unit:soldier number:>5000'
`,
		flags: func(fs *pflag.FlagSet) func(context.Context, env, []string) int {
			dir := fs.String("index", defaultIndex, "")
			format := fs.String("format", "text", "")
			limit := fs.Int("limit", index.DefaultLimit, "")
			source := fs.String("source", "", "")
			since := fs.String("since", "", "")
			until := fs.String("until", "", "")
			kind := fs.String("kind", "", "")
			modality := fs.String("modality", "", "")
			return func(ctx context.Context, e env, args []string) int {
				if *format != "text" && *format != "json" {
					return fail(e, "search", usageError{fmt.Sprintf("--format %q: want text or json", *format)})
				}
				if *limit <= 0 {
					return fail(e, "search", usageError{fmt.Sprintf("--limit %d: want a positive number", *limit)})
				}
				q := index.Query{Text: strings.Join(args, " "), Source: *source, Limit: *limit}
				if strings.TrimSpace(q.Text) == "" && *source == "" && *kind == "" && *modality == "" && *since == "" && *until == "" {
					return fail(e, "search", usageError{"no QUERY given (see crosscheck search --help)"})
				}
				for _, d := range []struct {
					flag, value string
					into        *time.Time
				}{{"--since", *since, &q.Since}, {"--until", *until, &q.Until}} {
					if d.value == "" {
						continue
					}
					t, err := claims.ParseDate(d.value)
					if err != nil {
						return fail(e, "search", usageError{fmt.Sprintf("%s: %v (want YYYY-MM-DD)", d.flag, err)})
					}
					*d.into = t
				}
				if *kind != "" {
					t, err := claims.ParseEntityType(*kind)
					if err != nil || t == claims.Other {
						return fail(e, "search", usageError{fmt.Sprintf("--kind %q: want person, place or org", *kind)})
					}
					q.EntityTypes = []claims.EntityType{t}
				}
				if *modality != "" {
					m, err := claims.ParseModality(*modality)
					if err != nil {
						return fail(e, "search", usageError{"--modality: " + err.Error()})
					}
					q.Modalities = []claims.Modality{m}
				}
				idx, err := index.Open(*dir)
				if errors.Is(err, index.ErrNotExist) {
					return fail(e, "search", fmt.Errorf("no claim index in %s: build one first with crosscheck report --index %s PATH", *dir, *dir))
				}
				if err != nil {
					return fail(e, "search", err)
				}
				defer idx.Close()
				res, err := idx.Search(q)
				var qe *index.QueryError
				if errors.As(err, &qe) {
					return fail(e, "search", usageError{err.Error()})
				}
				if err != nil {
					return fail(e, "search", err)
				}
				hits, err := describeHits(idx, res.Hits)
				if err != nil {
					return fail(e, "search", err)
				}
				out := searchOutput{Schema: SearchSchema, Query: q.Text, Total: res.Total, Hits: hits}
				if *format == "json" {
					err = writeSearchJSON(e.stdout, out)
				} else {
					err = writeSearchText(e.stdout, out, colorOK(e))
				}
				if err != nil {
					return fail(e, "search", err)
				}
				return exitOK
			}
		},
	}
}

// searchOutput is the crosscheck.search/v1 form of search results.
type searchOutput struct {
	Schema string      `json:"schema"`
	Query  string      `json:"query"`
	Total  int         `json:"total"`
	Hits   []searchHit `json:"hits"`
}

type searchHit struct {
	Claim     string  `json:"claim"`
	Article   string  `json:"article"`
	Line      int     `json:"line"`
	Outlet    string  `json:"outlet"`
	Published *string `json:"published"`
	Modality  string  `json:"modality"`
	// AttributedTo names the source of an attributed claim.
	AttributedTo string        `json:"attributed_to,omitempty"`
	Sentence     string        `json:"sentence"`
	Matches      []searchMatch `json:"matches"`
	Score        float64       `json:"score"`
	// Similarity is 1 for a match as written, less for a variant spelling.
	Similarity float64 `json:"similarity"`
	// CorroboratedBy lists the other articles that say the same thing.
	CorroboratedBy []string `json:"corroborated_by"`
	// ContradictedBy lists the discrepancies that dispute the claim.
	ContradictedBy []string `json:"contradicted_by"`
}

type searchMatch struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// describeHits adds to each hit what the claim store and the last
// comparison know of its claim.
func describeHits(idx *index.Index, hits []index.Hit) ([]searchHit, error) {
	byID := map[string]claims.Claim{}
	var need []string
	seen := map[string]bool{}
	for _, h := range hits {
		if !seen[h.Article] {
			seen[h.Article] = true
			need = append(need, h.Article)
		}
	}
	// Decoding the hits' articles and their support notes take about as
	// long as the search itself: both at once.
	var support map[string]compare.Support
	var supportErr error
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		support, supportErr = loadSupport(idx, need)
	}()
	if len(need) > 0 {
		cs, err := idx.Claims(need...)
		if err != nil {
			<-loaded
			return nil, err
		}
		for _, c := range cs {
			byID[c.ID] = c
		}
	}
	<-loaded
	if supportErr != nil {
		return nil, supportErr
	}
	out := make([]searchHit, 0, len(hits))
	for _, h := range hits {
		sh := searchHit{
			Claim: h.ID, Article: h.Article, Line: h.Line, Outlet: h.Outlet,
			Sentence: h.Sentence, Score: round3(h.Score), Similarity: round3(h.Similarity),
			Matches: []searchMatch{}, CorroboratedBy: []string{}, ContradictedBy: []string{},
		}
		if !h.Published.IsZero() {
			d := h.Published.Format(time.DateOnly)
			sh.Published = &d
		}
		if c, ok := byID[h.ID]; ok {
			sh.Modality = c.Modality.String()
			sh.AttributedTo = c.AttributedTo
		}
		for _, s := range h.Spans {
			if s.Start >= 0 && s.End <= len(h.Sentence) && s.Start < s.End {
				sh.Matches = append(sh.Matches, searchMatch{Start: s.Start, End: s.End, Text: h.Sentence[s.Start:s.End]})
			}
		}
		if sp, ok := support[h.ID]; ok {
			sh.CorroboratedBy = articlesOf(sp.Corroborated)
			sh.ContradictedBy = append(sh.ContradictedBy, sp.Contradicted...)
		}
		out = append(out, sh)
	}
	return out, nil
}

// articlesOf returns the distinct articles of claim ids ("<article>:<n>").
func articlesOf(ids []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, id := range ids {
		if a := claimArticle(id); !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

func writeSearchJSON(w io.Writer, out searchOutput) error {
	if out.Hits == nil {
		out.Hits = []searchHit{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeSearchText prints hits for a person at a terminal: the sentence with
// its matches highlighted (bold on a colour terminal, «» otherwise), then
// where it comes from and how the other sources bear on it.
func writeSearchText(w io.Writer, out searchOutput, color bool) error {
	open, close := "«", "»"
	if color {
		open, close = "\x1b[1;33m", "\x1b[0m"
	}
	if len(out.Hits) == 0 {
		_, err := fmt.Fprintf(w, "no claims match %q\n", out.Query)
		return err
	}
	more := ""
	if out.Total > len(out.Hits) {
		more = fmt.Sprintf(" (of %d)", out.Total)
	}
	if _, err := fmt.Fprintf(w, "%d claims%s\n", len(out.Hits), more); err != nil {
		return err
	}
	for i, h := range out.Hits {
		var b strings.Builder
		last := 0
		for _, m := range h.Matches {
			if m.Start < last {
				continue
			}
			b.WriteString(h.Sentence[last:m.Start])
			b.WriteString(open + m.Text + close)
			last = m.End
		}
		b.WriteString(h.Sentence[last:])
		where := []string{fmt.Sprintf("%s:%d", h.Article, h.Line)}
		if h.Outlet != "" {
			where = append(where, h.Outlet)
		}
		if h.Published != nil {
			where = append(where, *h.Published)
		}
		mod := h.Modality
		if h.AttributedTo != "" {
			mod += " (" + h.AttributedTo + ")"
		}
		if mod != "" {
			where = append(where, mod)
		}
		fmt.Fprintf(w, "\n%2d. %s\n    %s\n", i+1, strings.Join(where, " · "), oneLine(b.String()))
		var bears []string
		if n := len(h.CorroboratedBy); n > 0 {
			bears = append(bears, "corroborated by "+plural(n, "other article", "other articles"))
		}
		if n := len(h.ContradictedBy); n > 0 {
			bears = append(bears, fmt.Sprintf("disputed in %s", strings.Join(h.ContradictedBy, ", ")))
		}
		if len(bears) > 0 {
			fmt.Fprintf(w, "    %s\n", strings.Join(bears, "; "))
		}
	}
	return nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// supportNote names the note in which report and check keep, per article,
// which claims corroborate or dispute each of its claims within its story,
// for search to show.
func supportNote(article string) string { return "support/" + article }

// variantsNote names the note that keeps, per article, the name variants
// disputing its claims (they cross stories), and variantsList the note
// listing the articles that have one.
func variantsNote(article string) string { return "variants/" + article }

const variantsList = "variants"

// variantsSum is a note that earlier versions kept beside variantsList;
// it goes.
const variantsSum = "variants.sum"

// supportWriter records the support of claims in the index as the
// comparison gives it, one note per article, supportFlush notes at a time.
// An article given again has the new support added to what it had in this
// run; an article given without support loses the note of an earlier run.
type supportWriter struct {
	idx     *index.Index
	given   map[string]bool
	pending map[string][]byte // note name -> value
}

func newSupportWriter(idx *index.Index) *supportWriter {
	// The one note of all articles that earlier versions kept goes.
	return &supportWriter{idx: idx, given: map[string]bool{}, pending: map[string][]byte{"support": nil}}
}

// supportByArticle splits the support of claims by their articles.
func supportByArticle(s map[string]compare.Support) map[string]map[string]compare.Support {
	out := map[string]map[string]compare.Support{}
	for id, sp := range s {
		a := claimArticle(id)
		if out[a] == nil {
			out[a] = map[string]compare.Support{}
		}
		out[a][id] = sp
	}
	return out
}

// add implements compare.Options.Support.
func (w *supportWriter) add(articles []string, s map[string]compare.Support) error {
	byArticle := supportByArticle(s)
	for _, a := range articles {
		m := byArticle[a]
		name := supportNote(a)
		if w.given[a] {
			old, ok := w.pending[name]
			if !ok {
				var err error
				if old, err = w.idx.Note(name); err != nil {
					return err
				}
			}
			m = mergeSupport(old, m)
		}
		w.given[a] = true
		w.pending[name] = nil
		if len(m) > 0 {
			b, err := json.Marshal(m)
			if err != nil {
				return err
			}
			w.pending[name] = b
		}
		// The name variants cross stories and come at once, for tens of
		// thousands of articles in a large corpus: the notes are written
		// as they come, a thousand at a time.
		if len(w.pending) >= supportFlush {
			if err := w.flush(); err != nil {
				return err
			}
		}
	}
	return nil
}

// variants implements compare.Options.Variants: it writes the notes of
// the articles given, drops those of the articles given without support,
// and, when complete, those of every article not given; the list of the
// articles that have a note is kept up to date.
func (w *supportWriter) variants(articles []string, s map[string]compare.Support, complete bool) error {
	byArticle := supportByArticle(s)
	old, err := w.idx.Note(variantsList)
	if err != nil {
		return err
	}
	has := map[string]bool{}
	for _, a := range strings.Fields(string(old)) {
		has[a] = true
	}
	if complete {
		for a := range has {
			if len(byArticle[a]) == 0 {
				w.pending[variantsNote(a)] = nil
				delete(has, a)
			}
		}
		w.pending[variantsSum] = nil
	}
	for _, a := range articles {
		m := byArticle[a]
		if len(m) == 0 {
			if has[a] {
				w.pending[variantsNote(a)] = nil
				delete(has, a)
			}
			continue
		}
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		w.pending[variantsNote(a)] = b
		has[a] = true
		if len(w.pending) >= supportFlush {
			if err := w.flush(); err != nil {
				return err
			}
		}
	}
	if list := strings.Join(slices.Sorted(maps.Keys(has)), "\n"); list != string(old) {
		w.pending[variantsList] = []byte(list)
	}
	return w.flush()
}

// supportFlush is how many support notes are written at a time.
const supportFlush = 1000

// flush writes the pending notes.
func (w *supportWriter) flush() error {
	err := w.idx.SetNotes(w.pending)
	clear(w.pending)
	return err
}

// mergeSupport adds the support m to a stored note's.
func mergeSupport(stored []byte, m map[string]compare.Support) map[string]compare.Support {
	var out map[string]compare.Support
	if len(stored) == 0 || json.Unmarshal(stored, &out) != nil || out == nil {
		out = map[string]compare.Support{}
	}
	for id, sp := range m {
		o := out[id]
		o.Corroborated = sortedUnion(o.Corroborated, sp.Corroborated)
		o.Contradicted = sortedUnion(o.Contradicted, sp.Contradicted)
		out[id] = o
	}
	return out
}

// sortedUnion is the sorted distinct strings of a and b.
func sortedUnion(a, b []string) []string {
	out := append(append([]string(nil), a...), b...)
	sort.Strings(out)
	return slices.Compact(out)
}

// loadSupport reads what saveSupport recorded for the given articles;
// nothing recorded is no error, and a damaged note is ignored (search still
// works without it).
func loadSupport(idx *index.Index, articles []string) (map[string]compare.Support, error) {
	out := map[string]compare.Support{}
	for _, a := range articles {
		for _, name := range [2]string{supportNote(a), variantsNote(a)} {
			b, err := idx.Note(name)
			if err != nil {
				return nil, err
			}
			if len(b) == 0 {
				continue
			}
			var m map[string]compare.Support
			if json.Unmarshal(b, &m) != nil {
				continue
			}
			for id, sp := range m {
				o := out[id]
				o.Corroborated = sortedUnion(o.Corroborated, sp.Corroborated)
				o.Contradicted = sortedUnion(o.Contradicted, sp.Contradicted)
				out[id] = o
			}
		}
	}
	return out, nil
}

// claimArticle is the article of a claim id ("<article>:<n>").
func claimArticle(id string) string {
	if i := strings.LastIndexByte(id, ':'); i > 0 {
		return id[:i]
	}
	return id
}
