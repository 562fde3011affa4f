package claims

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/token"

	"github.com/crosscheck/crosscheck/claims/internal/flat"
	"github.com/crosscheck/crosscheck/claims/internal/ner"
	"github.com/crosscheck/crosscheck/claims/internal/postag"
	"github.com/crosscheck/crosscheck/claims/internal/tokens"
	"github.com/crosscheck/crosscheck/claims/names"
	"github.com/crosscheck/crosscheck/claims/quantity"
	"github.com/crosscheck/crosscheck/claims/sentences"
	"github.com/crosscheck/crosscheck/claims/timex"
)

// Extractor turns articles into claims. Its language models are loaded once,
// by NewExtractor; an Extractor is safe for concurrent use.
type Extractor struct {
	tagger  *postag.Tagger
	ner     *ner.Labeller
	scratch sync.Pool // of *scratch

	windows flat.Cache[[]string] // window key -> labels (labelWindow)
}

// scratch is the working space of one Extract call, reused across calls.
type scratch struct {
	article  []token.Token // the tokens of the article
	sentence []token.Token // a copy of one sentence's tokens, to tag
	// labels are the entity labels of the article's capitalised words, as
	// the model first gave them in the article.
	labels map[string]string
}

// NewExtractor loads the tokenizer, tagger and entity models.
func NewExtractor() (*Extractor, error) {
	tg, err := postag.New()
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	nx, err := ner.New()
	if err != nil {
		return nil, fmt.Errorf("load entity model: %w", err)
	}
	x := &Extractor{tagger: tg, ner: nx}
	x.windows.Max = maxCachedWindows
	x.scratch.New = func() any { return new(scratch) }
	return x, nil
}

// reDateline matches a dateline that opens a sentence: "MOSCOW –",
// "Moscow/Dushanbe –", "DUSHANBE, June 28 (Reuters) -".
var reDateline = regexp.MustCompile(`^\p{Lu}[\p{L}.]*(?:[ /]\p{Lu}[\p{L}.]*){0,3}(?:, [\p{L}\p{N} .]{1,20})?(?: \([^)]{1,30}\))? +[–—-]{1,2} +`)

// Extract returns the claims of an article in order: one per sentence that
// is reporting rather than page furniture. Times are resolved against the
// article's publication date when it is known. A sentence that continues the
// one before it without a time of its own ("They will later be joined")
// inherits that sentence's times. An article without any sentence gives no
// claims and no error. Problems with single sentences are collected and the
// other sentences still extracted.
func (x *Extractor) Extract(a *Article) ([]Claim, ErrorList) {
	var errs ErrorList
	text := a.Text
	lines := lineStarts(text)
	sc := x.scratch.Get().(*scratch)
	defer x.scratch.Put(sc)
	sc.article = tokens.Append(sc.article[:0], text)
	if sc.labels == nil {
		sc.labels = map[string]string{}
	}
	clear(sc.labels)
	toks := sc.article
	spans := sentences.Split(text)

	quotes := x.articleQuotes(text, lines)

	var prev *Claim
	times := timex.NewDiscourse(a.Published)
	out := make([]Claim, 0, len(spans))
	furniture := make([]int8, len(lines)+1) // by line, decided once: 0 not yet, 1 no, 2 yes
	for _, sp := range spans {
		start, end := sp.Start, sp.End
		line := lineOf(lines, start)
		if furniture[line] == 0 {
			furniture[line] = 1
			if IsFurniture(lineText(text, lines, line)) {
				furniture[line] = 2
			}
		}
		f := furniture[line] == 2
		if f || IsFurniture(text[start:end]) {
			prev = nil
			continue
		}
		if m := reDateline.FindStringIndex(text[start:end]); m != nil && end-start-m[1] > 20 {
			start += m[1]
		}
		sc.sentence = appendTokensIn(sc.sentence[:0], toks, start, end)
		c, err := x.claim(a, text, start, end, line, sc.sentence, times, sc.labels)
		if err != nil {
			errs.Add(&InputError{Path: a.Path, Line: line, Problem: err.Error(), Err: err})
			prev = nil
			continue
		}
		c.ID = a.ID + ":" + strconv.Itoa(len(out)+1)
		c.Column = utf8.RuneCountInString(text[lines[line-1]:start]) + 1
		for _, q := range quotes {
			if q.Start < c.End && q.End > c.Start {
				c.Quotes = append(c.Quotes, q)
			}
		}
		if len(c.Times) == 0 && prev != nil && prev.Line >= line-2 && len(prev.Times) > 0 && timex.Continues(c.Text) {
			c.Times = append([]Time(nil), prev.Times...)
			c.TimesFrom = prev.ID
		}
		c.Entities, c.Quantities, c.Times, c.Quotes = fitted(c.Entities), fitted(c.Quantities), fitted(c.Times), fitted(c.Quotes)
		out = append(out, c)
		prev = &out[len(out)-1]
	}
	settleTypes(out)
	return fitted(out), errs
}

// fitted returns s, or a copy of it without spare capacity: claims are kept
// for a long time, and spare room in their slices would be kept with them.
// An empty slice becomes nil.
func fitted[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	if cap(s) == len(s) {
		return s
	}
	return append(make([]T, 0, len(s)), s...)
}

// claim extracts one sentence. It recovers from a panic in a model so one
// odd sentence cannot stop the run.
func (x *Extractor) claim(a *Article, text string, start, end, line int, toks []token.Token, times *timex.Discourse, labels map[string]string) (c Claim, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot extract sentence: %v", r)
		}
	}()
	s := text[start:end]
	c = Claim{Article: a.ID, Line: line, Start: start, End: end, Text: s}
	if len(toks) > 0 {
		x.tag(toks)
		x.label(toks, labels)
		c.Entities = entitiesOf(text, toks)
	}
	for _, q := range quantity.Extract(s) {
		q.Start += start
		q.End += start
		c.Quantities = append(c.Quantities, q)
	}
	c.Tense = timex.TenseOf(s)
	for _, t := range times.Extract(s) {
		t.Start += start
		t.End += start
		c.Times = append(c.Times, t)
	}
	m, src, cue := modalityOf(s)
	c.Modality, c.AttributedTo = m, src
	if cue.End > cue.Start {
		c.Cue = Span{cue.Start + start, cue.End + start}
	}
	return c, nil
}

// tag gives part-of-speech tags to the tokens of a sentence whose tags
// entity finding reads: those up to the end of the entity model's window
// around the last capitalised word. The tagger reads two words ahead, so it
// tags two tokens more, whose tags are then dropped, as they lack the words
// that follow them; the tokens after the window keep no tag. A sentence
// without a capitalised word needs no tags at all.
func (x *Extractor) tag(toks []token.Token) {
	last := -1
	for i := len(toks) - 1; i >= 0; i-- {
		if isCapWord(toks[i]) {
			last = i
			break
		}
	}
	if last < 0 {
		return
	}
	need := min(len(toks), last+1+nameWindow)
	n := min(len(toks), need+2)
	x.tagger.TagTokens(toks[:n])
	for i := need; i < n; i++ {
		toks[i].Tag = ""
	}
}

// label gives the capitalised words of a tagged sentence their entity
// labels. A word the entity model has labelled before in the article takes
// that label again; only windows around words it has not seen go to the
// model, the costly step of extraction. The labels are the article's own, so
// that an article's claims never depend on which articles were extracted
// before it.
func (x *Extractor) label(toks []token.Token, labels map[string]string) {
	for _, w := range nameWindows(toks) {
		win := toks[w[0]:w[1]]
		known := true
		for i := range win {
			if !isCapWord(win[i]) {
				continue
			}
			if l, ok := labels[win[i].Text]; ok {
				win[i].Label = l
			} else {
				known = false
			}
		}
		if known {
			continue
		}
		x.labelWindow(win)
		for _, t := range win {
			if isCapWord(t) {
				if _, ok := labels[t.Text]; !ok {
					labels[t.Text] = t.Label
				}
			}
		}
	}
}

// labelWindow gives the tokens of a window the entity model's labels. The
// model reads only the window's words and tags, so a window seen before
// takes the labels it was given then, from a cache shared by all articles:
// exactly what the model would give, at the cost of a look-up.
func (x *Extractor) labelWindow(win []token.Token) {
	var b strings.Builder
	for _, t := range win {
		b.WriteString(t.Text)
		b.WriteByte(0)
		b.WriteString(t.Tag)
		b.WriteByte(1)
	}
	key := b.String()
	if ls, ok := x.windows.Get(key); ok {
		for i, l := range ls {
			win[i].Label = l
		}
		return
	}
	x.ner.Label(win)
	ls := make([]string, len(win))
	for i, t := range win {
		ls[i] = t.Label
	}
	x.windows.Put(key, ls)
}

// maxCachedWindows bounds the entity model's cache of labelled windows.
const maxCachedWindows = 500_000

// articleQuotes finds the quotations of every paragraph and their speakers.
func (x *Extractor) articleQuotes(text string, lines []int) []Quote {
	if !strings.ContainsAny(text, "\"“«„") {
		return nil
	}
	var out []Quote
	for i, ls := range lines {
		le := len(text)
		if i+1 < len(lines) {
			le = lines[i+1]
		}
		para := text[ls:le]
		if !strings.ContainsAny(para, "\"“«„") {
			continue
		}
		out = append(out, findQuotes(para, ls, nil)...)
	}
	return out
}

// lineStarts returns the byte offset at which each line of text starts.
func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineOf returns the 1-based line holding byte offset off.
func lineOf(starts []int, off int) int {
	return sort.Search(len(starts), func(i int) bool { return starts[i] > off })
}

func lineText(text string, starts []int, line int) string {
	s := starts[line-1]
	e := len(text)
	if line < len(starts) {
		e = starts[line]
	}
	return text[s:e]
}

// appendTokensIn appends to dst a copy of the tokens inside [start, end).
func appendTokensIn(dst, toks []token.Token, start, end int) []token.Token {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= start })
	j := i
	for j < len(toks) && toks[j].End() <= end {
		j++
	}
	return append(dst, toks[i:j]...)
}

// NameKey is the name key of a name as written: equal for spellings of one
// name across transliterations. It is what Entity.Key holds.
func NameKey(name string) string { return names.Key(name) }
