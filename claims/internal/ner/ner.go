// Package ner labels tagged tokens with IOB named-entity labels. It gives
// exactly the labels of prose's maximum-entropy entity model
// (github.com/jdkato/prose/v3/ner), reading the same embedded English model,
// but finds a token's weights with one hash look-up per feature, whatever
// the number of labels, instead of one binary search over the model's
// sorted keys per feature and label, and works out the features of each
// distinct word and tag once rather than for every token.
package ner

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/jdkato/prose/v3/ner/maxentmodel"
	"github.com/jdkato/prose/v3/token"

	"github.com/crosscheck/crosscheck/claims/internal/flat"
)

// Labeller assigns entity labels. It is safe for concurrent use: the model
// is read-only after loading, caches are concurrent, and scratch space comes
// from a pool.
type Labeller struct {
	labels []string
	// entries maps a feature's "name-value" to its weights: the model's key
	// "name-value-label" less its label, for every label it ends with.
	entries  map[string]int32
	pairOff  []uint32 // the weights of entry e are pairs pairOff[e]:pairOff[e+1]
	labelIDs []uint8
	weights  []float32

	// The history of a token is the simplified label of the token before
	// it: history value 0 is "None" (no token before), then one per label.
	hist   []string
	histOf []int32 // label -> history value

	bias         int32
	prevTag      []int32 // "prevtag-H", by history value
	shapePrevTag []int32 // "shape+prevtag-S+H", at shape*len(hist)+H
	noPrevWord   int32   // "prevword-None"
	noPrevPos    int32   // "prevpos-None"
	noNextWord   int32   // "nextword-None"
	noNextPos    int32   // "nextpos-None"

	words flat.Cache[*word]
	tags  flat.Cache[*tagInfo]
	pool  sync.Pool
}

// noEntry marks a feature value the model has no weights for.
const noEntry = -1

// The shapes of words, with 0 for a token that has no word before it.
const (
	shapeNone = iota
	shapeNumber
	shapePunct
	shapeDowncase
	shapeUpcase
	shapeMixedcase
	shapeOther
	nShapes
)

var shapeNames = [nShapes]string{"None", "number", "punct", "downcase", "upcase", "mixedcase", "other"}

// word holds the model's entries for the features of one token text.
type word struct {
	lower    string
	shape    uint8
	wordlist int32 // "en-wordlist-True|False"
	prefix3  int32
	shapeF   int32 // "shape-S"
	suffix3  int32
	word     int32
	lowerF   int32 // "word.lower-w"
	wordlen  int32
	prevword int32 // "prevword-w" for the token after this one
	nextword int32 // "nextword-w" for the token before this one
}

// tagInfo holds the model's entries for the features of one tag.
type tagInfo struct {
	lower   string
	pos     int32
	prevpos int32   // for the token after
	nextpos int32   // for the token before
	posPrev []int32 // "pos+prevtag-T+H", by history value
}

var english = sync.OnceValues(func() (*Labeller, error) { return decode(maxentmodel.English) })

// New returns the labeller for the built-in English model. The model is
// decoded on the first call and shared afterwards.
func New() (*Labeller, error) { return english() }

type scratch struct {
	scores []float32
	key    []byte
	words  []*word
	tags   []*tagInfo
}

// Label sets the Label of each token from the Texts and Tags of all the
// tokens, exactly as prose's (*ner.Extracter).Label does: each token is
// labelled in turn, after the label of the token before it. An empty slice
// is left alone; tokens may have any text and tag, empty ones included.
func (l *Labeller) Label(toks []token.Token) {
	if len(toks) == 0 {
		return
	}
	s := l.pool.Get().(*scratch)
	defer l.pool.Put(s)
	n := len(toks)
	if cap(s.words) < n {
		s.words = make([]*word, n)
		s.tags = make([]*tagInfo, n)
	}
	ws, ts := s.words[:n], s.tags[:n]
	for i := range toks {
		ws[i] = l.word(toks[i].Text)
		ts[i] = l.tag(toks[i].Tag)
	}
	nh := int32(len(l.hist))
	h := int32(0) // the history of token i: "None" for the first
	for i := range toks {
		w, t := ws[i], ts[i]
		clear(s.scores)
		// The features in prose's featureOrder, which is the order in
		// which each label's score sums them.
		l.add(s, l.bias)
		l.add(s, w.wordlist)
		next, nextpos := l.noNextWord, l.noNextPos
		nextTag := "None"
		if i+1 < n {
			next, nextpos = ws[i+1].nextword, ts[i+1].nextpos
			nextTag = ts[i+1].lower
		}
		l.add(s, nextpos)
		l.add(s, next)
		l.add(s, t.pos)
		l.add(s, t.posPrev[h])
		l.add(s, w.prefix3)
		prevShape := int32(shapeNone)
		if i == 0 {
			l.add(s, l.noPrevPos)
		} else {
			l.add(s, ts[i-1].prevpos)
		}
		l.add(s, l.prevTag[h])
		if i == 0 {
			l.add(s, l.noPrevWord)
		} else {
			l.add(s, ws[i-1].prevword)
			if i >= 2 {
				prevShape = int32(ws[i-1].shape)
			}
		}
		l.add(s, w.shapeF)
		l.add(s, l.shapePrevTag[prevShape*nh+h])
		l.add(s, w.suffix3)
		l.add(s, w.word)
		s.key = append(append(append(append(s.key[:0], "word+nextpos-"...), w.lower...), '+'), nextTag...)
		if e, ok := l.entries[string(s.key)]; ok {
			l.add(s, e)
		}
		l.add(s, w.lowerF)
		l.add(s, w.wordlen)
		best := 0
		bestScore := float32(math.Inf(-1))
		for j, v := range s.scores {
			if v > bestScore {
				bestScore, best = v, j
			}
		}
		toks[i].Label = l.labels[best]
		h = l.histOf[best]
	}
	clear(ws) // let the words go
	clear(ts)
}

// add adds the weights of an entry to the scores of their labels.
func (l *Labeller) add(s *scratch, e int32) {
	if e == noEntry {
		return
	}
	lo, hi := l.pairOff[e], l.pairOff[e+1]
	ids, wts := l.labelIDs[lo:hi], l.weights[lo:hi]
	wts = wts[:len(ids)]
	scores := s.scores
	for j, id := range ids {
		scores[id] += wts[j]
	}
}

// look returns the entry of a feature's name and value.
func (l *Labeller) look(parts ...string) int32 {
	if e, ok := l.entries[strings.Join(parts, "")]; ok {
		return e
	}
	return noEntry
}

// word returns the entries of a token text, from the cache when it is
// there.
func (l *Labeller) word(text string) *word {
	if w, ok := l.words.Get(text); ok {
		return w
	}
	text = strings.Clone(text) // so that the cache does not hold on to articles
	lower := strings.ToLower(text)
	sh := shapeOf(text)
	_, basicWord := basic[text]
	w := &word{
		lower:    lower,
		shape:    sh,
		wordlist: l.look("en-wordlist-", boolFeature(basicWord)),
		prefix3:  l.look("prefix3-", strings.ToLower(text[:min(len(text), 3)])),
		shapeF:   l.look("shape-", shapeNames[sh]),
		suffix3:  l.look("suffix3-", strings.ToLower(text[len(text)-min(len(text), 3):])),
		word:     l.look("word-", text),
		lowerF:   l.look("word.lower-", lower),
		wordlen:  l.look("wordlen-", strconv.Itoa(len(text))),
		prevword: l.look("prevword-", lower),
		nextword: l.look("nextword-", lower),
	}
	l.words.Put(text, w)
	return w
}

// tag returns the entries of a tag, from the cache when it is there.
func (l *Labeller) tag(tg string) *tagInfo {
	if t, ok := l.tags.Get(tg); ok {
		return t
	}
	tg = strings.Clone(tg)
	lower := strings.ToLower(tg)
	t := &tagInfo{
		lower:   lower,
		pos:     l.look("pos-", tg),
		prevpos: l.look("prevpos-", tg),
		nextpos: l.look("nextpos-", lower),
		posPrev: make([]int32, len(l.hist)),
	}
	for i, h := range l.hist {
		t.posPrev[i] = l.look("pos+prevtag-", tg, "+", h)
	}
	l.tags.Put(tg, t)
	return t
}

var (
	reTrailingNonWord = regexp.MustCompile(`\W+$`)
	reTrailingWord    = regexp.MustCompile(`\w+$`)
)

// shapeOf classifies a word as prose's entity features do, title-casing
// included: the model was trained on these values.
func shapeOf(w string) uint8 {
	if _, err := strconv.ParseFloat(w, 64); err == nil {
		return shapeNumber
	}
	if reTrailingNonWord.MatchString(w) {
		return shapePunct
	}
	if reTrailingWord.MatchString(w) {
		if strings.ToLower(w) == w {
			return shapeDowncase
		}
		//nolint:staticcheck // deliberate: the model was trained on Title's casing
		if strings.Title(w) == w {
			return shapeUpcase
		}
		return shapeMixedcase
	}
	return shapeOther
}

// simplePOS is the history value of a label, as prose computes it.
func simplePOS(label string) string {
	if strings.HasPrefix(label, "V") {
		return "v"
	}
	return strings.Split(label, "-")[0]
}

func boolFeature(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// decode reads a model in prose's flat maximum-entropy format: magic,
// version, cardinality, labels, the sorted feature keys "name-value-label"
// in one blob with their offsets, a weight per key, and correction weights
// that labelling does not use.
func decode(data []byte) (*Labeller, error) {
	r := flat.NewReader(data, "entity model")
	if string(r.Bytes(len("PROSENER"))) != "PROSENER" {
		return nil, errors.New("not a prose flat entity model")
	}
	if v := r.U32(); v != 1 {
		return nil, fmt.Errorf("unsupported entity model version %d", v)
	}
	r.U32() // cardinality
	nLabels := int(r.U32())
	if r.Err == nil && (nLabels == 0 || nLabels > 256) {
		return nil, fmt.Errorf("entity model has %d labels, want 1 to 256", nLabels)
	}
	l := &Labeller{labels: make([]string, nLabels)}
	l.words.Max, l.tags.Max = maxCached, maxCached
	for i := range l.labels {
		l.labels[i] = r.Str16()
	}
	nKeys, blobLen := int(r.U32()), int(r.U32())
	blob := r.Bytes(blobLen)
	keyOff := r.U32s(nKeys + 1)
	wb := r.Bytes(nKeys * 4)
	if r.Err != nil {
		return nil, r.Err
	}
	// The keys stay in the embedded model's bytes, which nothing writes to.
	text := unsafe.String(unsafe.SliceData(blob), len(blob))

	// A key "name-value-label" gives its weight to the feature "name-value"
	// and the label; a key that ends in "-" and more than one label (say
	// "-B-PERSON" and "-PERSON") is found under each reading, as it is by
	// prose, which looks keys up whole.
	type pair struct {
		entry int32
		label uint8
		w     float32
	}
	pairs := make([]pair, 0, nKeys)
	// A feature's keys mostly sit together, sorted, so the last feature
	// saves most look-ups while the map is built.
	l.entries = make(map[string]int32, nKeys)
	last, lastE := "", int32(-1)
	for i := range nKeys {
		lo, hi := keyOff[i], keyOff[i+1]
		if lo > hi || int(hi) > len(text) {
			return nil, fmt.Errorf("entity model: key %d out of range", i)
		}
		key := text[lo:hi]
		w := math.Float32frombits(binary.LittleEndian.Uint32(wb[i*4:]))
		for j, lab := range l.labels {
			n := len(key) - len(lab) - 1
			if n < 0 || key[n] != '-' || key[n+1:] != lab {
				continue
			}
			name := key[:n]
			e := lastE
			if name != last || e < 0 {
				var ok bool
				if e, ok = l.entries[name]; !ok {
					e = int32(len(l.entries))
					l.entries[name] = e
				}
				last, lastE = name, e
			}
			pairs = append(pairs, pair{e, uint8(j), w})
		}
	}
	// Lay the weights out by entry.
	l.pairOff = make([]uint32, len(l.entries)+1)
	for _, p := range pairs {
		l.pairOff[p.entry+1]++
	}
	for i := 1; i < len(l.pairOff); i++ {
		l.pairOff[i] += l.pairOff[i-1]
	}
	l.labelIDs = make([]uint8, len(pairs))
	l.weights = make([]float32, len(pairs))
	next := append([]uint32(nil), l.pairOff[:len(l.entries)]...)
	for _, p := range pairs {
		k := next[p.entry]
		next[p.entry]++
		l.labelIDs[k], l.weights[k] = p.label, p.w
	}
	l.tables()
	l.pool.New = func() any {
		return &scratch{scores: make([]float32, nLabels), key: make([]byte, 0, 64)}
	}
	return l, nil
}

// tables fills the entries of the features that do not depend on the
// tokens' words or tags.
func (l *Labeller) tables() {
	l.hist = []string{"None"}
	l.histOf = make([]int32, len(l.labels))
	for i, lab := range l.labels {
		l.histOf[i] = int32(len(l.hist))
		l.hist = append(l.hist, simplePOS(lab))
	}
	l.bias = l.look("bias-True")
	l.noPrevWord = l.look("prevword-None")
	l.noPrevPos = l.look("prevpos-None")
	l.noNextWord = l.look("nextword-None")
	l.noNextPos = l.look("nextpos-None")
	l.prevTag = make([]int32, len(l.hist))
	l.shapePrevTag = make([]int32, nShapes*len(l.hist))
	for i, h := range l.hist {
		l.prevTag[i] = l.look("prevtag-", h)
		for s, sh := range shapeNames {
			l.shapePrevTag[s*len(l.hist)+i] = l.look("shape+prevtag-", sh, "+", h)
		}
	}
}

// maxCached bounds each cache at some tens of megabytes.
const maxCached = 200_000
