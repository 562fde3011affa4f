// Package postag tags the words of a sentence with Penn Treebank parts of
// speech. It gives exactly the tags of prose's perceptron tagger
// (github.com/jdkato/prose/v3/tag), reading the same embedded English model,
// but finds each feature's weights by hashing rather than by binary search
// over the model's sorted feature strings, which makes tagging several times
// faster.
package postag

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
	"github.com/jdkato/prose/v3/token"

	"github.com/crosscheck/crosscheck/claims/internal/tokens"

	"github.com/crosscheck/crosscheck/claims/internal/flat"
)

// Tagger assigns part-of-speech tags. It is safe for concurrent use: the
// model is read-only after loading and scratch space comes from a pool.
type Tagger struct {
	classes  []string
	features map[string]uint32 // feature string -> index into pairOff
	pairOff  []uint32
	classIDs []uint8
	weights  []float32
	tagMap   map[string]uint8 // words with one tag, bypassing the model
	pool     sync.Pool

	// The features that depend on the previous tags alone, by class (the
	// two sentinels for the sentence start come after the classes).
	bias       int32
	prevTag    []int32  // "i-1 tag T"
	prevTag2   []int32  // "i-2 tag T"
	tagPair    []int32  // "i tag+i-2 tag T1 T2", at T1*nTags+T2
	tagNames   []string // the classes, then -START- and -START2-
	classIndex map[string]int32
	words      flat.Cache[*word]
	sentinel   [4]*word // -START-, -START2-, -END-, -END2- as context words
}

// noFeature marks a feature the model does not know.
const noFeature = -1

// word holds the model's features for one word in each place of the
// context window, found once and cached, so that tagging a token costs one
// lookup rather than one per feature.
type word struct {
	text, norm string
	tag        string // the word's one tag, or "" when the model decides
	suffix     int32  // "i suffix" of the word as written
	pref1      int32  // "i pref1"
	cur        int32  // "i word" of the normalised word
	prev       int32  // "i-1 word"
	prevSuf    int32  // "i-1 suffix"
	prev2      int32  // "i-2 word"
	next       int32  // "i+1 word"
	nextSuf    int32  // "i+1 suffix"
	next2      int32  // "i+2 word"
	afterTags  []tagFeature
}

// tagFeature is the feature "i-1 tag+i word" for one previous tag.
type tagFeature struct {
	prev    int32 // tag index
	feature int32
}

var english = sync.OnceValues(func() (*Tagger, error) { return decode(aptagmodel.English) })

// New returns the tagger for the built-in English model. The model is
// decoded on the first call and shared afterwards.
func New() (*Tagger, error) { return english() }

type scratch struct {
	all    [256]float32 // room for every class id
	scores []float32    // all[:number of classes]
	key    []byte
	ctx    []string
	words  []*word
}

// TagTokens sets the Tag of each token from its Text, treating the tokens as
// one sentence. An empty slice is left alone.
func (t *Tagger) TagTokens(toks []token.Token) {
	if len(toks) == 0 {
		return
	}
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	need := len(toks) + 4
	if cap(s.ctx) < need {
		s.ctx = make([]string, need)
		s.words = make([]*word, need)
	}
	ctx, ws := s.ctx[:need], s.words[:need]
	ws[0], ws[1] = t.sentinel[0], t.sentinel[1]
	for i := range toks {
		ws[i+2] = t.word(toks[i].Text)
	}
	ws[need-2], ws[need-1] = t.sentinel[2], t.sentinel[3]
	for i, w := range ws {
		ctx[i] = w.norm
	}
	p1, p2 := "-START-", "-START2-"
	i1, i2 := int32(len(t.classes)), int32(len(t.classes)+1)
	for i := range toks {
		w := ws[i+2]
		var tg string
		switch {
		case w.tag != "":
			tg = w.tag
		case i1 >= 0 && i2 >= 0:
			tg = t.classes[t.score(s, ws[i:i+5], i1, i2)]
		default:
			tg = t.predict(s, i+2, ctx, toks[i].Text, p1, p2)
		}
		toks[i].Tag = tg
		p2, p1 = p1, tg
		i2, i1 = i1, t.tagIndex(tg)
	}
	clear(ctx) // let the words go
	clear(ws)
}

// tagIndex returns the index of a previous tag in the tag feature tables, or
// -1 for a tag that only a rule gives.
func (t *Tagger) tagIndex(tg string) int32 {
	if i, ok := t.classIndex[tg]; ok {
		return i
	}
	return -1
}

// score scores the word in the middle of the window win (words i-2 to
// i+2) after the tags i1 and i2, adding the features in the order and with
// the arithmetic of prose's tagger, so that ties and rounding come out alike,
// and returns the best class.
func (t *Tagger) score(s *scratch, win []*word, i1, i2 int32) int {
	clear(s.scores)
	w := win[2]
	nt := int32(len(t.classes) + 2)
	t.add(s, t.bias)
	t.add(s, w.suffix)
	t.add(s, w.pref1)
	t.add(s, t.prevTag[i1])
	t.add(s, t.prevTag2[i2])
	t.add(s, t.tagPair[i1*nt+i2])
	t.add(s, w.cur)
	for _, f := range w.afterTags {
		if f.prev == i1 {
			t.add(s, f.feature)
			break
		}
	}
	t.add(s, win[1].prev)
	t.add(s, win[1].prevSuf)
	t.add(s, win[0].prev2)
	t.add(s, win[3].next)
	t.add(s, win[3].nextSuf)
	t.add(s, win[4].next2)
	return best(s.scores)
}

func (t *Tagger) add(s *scratch, f int32) {
	if f == noFeature {
		return
	}
	lo, hi := t.pairOff[f], t.pairOff[f+1]
	ids, wts := t.classIDs[lo:hi], t.weights[lo:hi]
	wts = wts[:len(ids)]
	scores := &s.all // indexed by a uint8, without bounds checks
	for j, id := range ids {
		scores[id] += wts[j]
	}
}

// best returns the first class of the highest score.
func best(scores []float32) int {
	b, id := float32(math.Inf(-1)), -1
	for i, v := range scores {
		if v > b {
			b, id = v, i
		}
	}
	return id
}

// word returns the features of a token text, from the cache when it is
// there.
func (t *Tagger) word(text string) *word {
	if w, ok := t.words.Get(text); ok {
		return w
	}
	w := t.newWord(text, normalize(text))
	t.words.Put(w.text, w)
	return w
}

var noneRe = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)

// newWord finds the features of a word as written (text) and normalised.
func (t *Tagger) newWord(text, norm string) *word {
	// Clone both, so that the cache does not hold on to articles.
	if norm == text {
		text = strings.Clone(text)
		norm = text
	} else {
		text, norm = strings.Clone(text), strings.Clone(norm)
	}
	w := &word{text: text, norm: norm}
	switch {
	case text == "-":
		w.tag = "-"
	case tokens.IsEmoticon(text):
		w.tag = "SYM"
	case strings.HasPrefix(text, "@"):
		w.tag = "NN"
	case text == "0" || strings.HasPrefix(text, "*") && noneRe.MatchString(text):
		w.tag = "-NONE-"
	case isBracketLiteral(text):
		w.tag = text
	default:
		if id, ok := t.tagMap[text]; ok {
			w.tag = t.classes[id]
		}
	}
	var key []byte
	look := func(parts ...string) int32 {
		key = key[:0]
		for _, p := range parts {
			key = append(key, p...)
		}
		if f, ok := t.features[string(key)]; ok {
			return int32(f)
		}
		return noFeature
	}
	w.suffix = look("i suffix ", suffix(text, 3))
	w.pref1 = look("i pref1 ", prefix1(text))
	w.cur = look("i word ", norm)
	w.prev = look("i-1 word ", norm)
	w.prevSuf = look("i-1 suffix ", suffix(norm, 3))
	w.prev2 = look("i-2 word ", norm)
	w.next = look("i+1 word ", norm)
	w.nextSuf = look("i+1 suffix ", suffix(norm, 3))
	w.next2 = look("i+2 word ", norm)
	for i, tg := range t.tagNames {
		if f := look("i-1 tag+i word ", tg, " ", norm); f != noFeature {
			w.afterTags = append(w.afterTags, tagFeature{int32(i), f})
		}
	}
	return w
}

// predict scores the features of the word at ctx[i] after the tags p1 and
// p2 by building each feature's string: the way for tags that only a rule
// gives, which the tables of score do not hold.
func (t *Tagger) predict(s *scratch, i int, ctx []string, word, p1, p2 string) string {
	clear(s.scores)
	suf, pre := suffix(word, 3), prefix1(word)
	t.feat(s, "bias")
	t.feat(s, "i suffix ", suf)
	t.feat(s, "i pref1 ", pre)
	t.feat(s, "i-1 tag ", p1)
	t.feat(s, "i-2 tag ", p2)
	t.feat(s, "i tag+i-2 tag ", p1, " ", p2)
	t.feat(s, "i word ", ctx[i])
	t.feat(s, "i-1 tag+i word ", p1, " ", ctx[i])
	t.feat(s, "i-1 word ", ctx[i-1])
	t.feat(s, "i-1 suffix ", suffix(ctx[i-1], 3))
	t.feat(s, "i-2 word ", ctx[i-2])
	t.feat(s, "i+1 word ", ctx[i+1])
	t.feat(s, "i+1 suffix ", suffix(ctx[i+1], 3))
	t.feat(s, "i+2 word ", ctx[i+2])
	if id := best(s.scores); id >= 0 {
		return t.classes[id]
	}
	return ""
}

func (t *Tagger) feat(s *scratch, parts ...string) {
	s.key = s.key[:0]
	for _, p := range parts {
		s.key = append(s.key, p...)
	}
	if f, ok := t.features[string(s.key)]; ok {
		t.add(s, int32(f))
	}
}

// isBracketLiteral reports whether w is a treebank literal like -LRB-.
func isBracketLiteral(w string) bool {
	if len(w) != 5 || w[0] != '-' || w[4] != '-' {
		return false
	}
	for _, c := range []byte(w[1:4]) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// suffix returns the last n bytes of w, or all of w if shorter.
func suffix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	return w[len(w)-n:]
}

// prefix1 returns the first byte of w: the model was trained on bytes.
func prefix1(w string) string {
	if w == "" {
		return ""
	}
	return w[:1]
}

// normalize maps a word onto the form the model was trained on.
func normalize(w string) string {
	if w == "" {
		return w
	}
	if w[0] != '-' && strings.IndexByte(w, '-') >= 0 {
		return "!HYPHEN"
	}
	if len(w) == 4 && isYear(w) {
		return "!YEAR"
	}
	if w[0] >= '0' && w[0] <= '9' {
		return "!DIGITS"
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
	}
	return w
}

// isYear reports whether the four bytes of w are an optional sign and
// digits, as strconv.Atoi would accept them.
func isYear(w string) bool {
	i := 0
	if w[0] == '+' || w[0] == '-' {
		i = 1
	}
	if i == len(w) {
		return false
	}
	for ; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// decode reads a model in prose's flat format: magic, version, classes,
// feature strings in one sorted blob with their offsets, the sparse weights
// of each feature, and the table of words with one tag.
func decode(data []byte) (*Tagger, error) {
	r := flat.NewReader(data, "tagger model")
	if string(r.Bytes(len("PROSETAG"))) != "PROSETAG" {
		return nil, errors.New("not a prose flat tagger model")
	}
	if v := r.U32(); v != 1 {
		return nil, fmt.Errorf("unsupported tagger model version %d", v)
	}
	t := &Tagger{}
	t.words.Max = maxCachedWords
	nClasses := r.U32()
	if nClasses > 256 {
		return nil, fmt.Errorf("tagger model has %d classes, more than 256", nClasses)
	}
	t.classes = make([]string, nClasses)
	for i := range t.classes {
		t.classes[i] = r.Str16()
	}
	nFeatures, nPairs, blobLen := int(r.U32()), int(r.U32()), int(r.U32())
	blob := r.Bytes(blobLen)
	featOff := r.U32s(nFeatures + 1)
	t.pairOff = r.U32s(nFeatures + 1)
	t.classIDs = append([]uint8(nil), r.Bytes(nPairs)...)
	t.weights = make([]float32, nPairs)
	for i, u := range r.U32s(nPairs) {
		t.weights[i] = math.Float32frombits(u)
	}
	nTags := int(r.U32())
	if r.Err != nil {
		return nil, r.Err
	}
	t.tagMap = make(map[string]uint8, nTags)
	for range nTags {
		w, id := r.Str16(), r.U8()
		if r.Err == nil && int(id) >= len(t.classes) {
			r.Err = fmt.Errorf("tagger model: word %q has class %d of %d", w, id, len(t.classes))
		}
		t.tagMap[w] = id
	}
	if r.Err != nil {
		return nil, r.Err
	}
	// The feature strings stay in the embedded model's bytes, which nothing
	// writes to.
	text := unsafe.String(unsafe.SliceData(blob), len(blob))
	t.features = make(map[string]uint32, nFeatures)
	for i := range nFeatures {
		lo, hi := featOff[i], featOff[i+1]
		if lo > hi || int(hi) > len(text) || t.pairOff[i] > t.pairOff[i+1] || int(t.pairOff[i+1]) > nPairs {
			return nil, fmt.Errorf("tagger model: feature %d out of range", i)
		}
		t.features[text[lo:hi]] = uint32(i)
	}
	for _, id := range t.classIDs {
		if int(id) >= len(t.classes) {
			return nil, fmt.Errorf("tagger model: class %d of %d", id, len(t.classes))
		}
	}
	n := len(t.classes)
	t.pool.New = func() any {
		s := &scratch{key: make([]byte, 0, 64)}
		s.scores = s.all[:n]
		return s
	}
	t.tables()
	return t, nil
}

// tables fills the features that depend on the previous tags alone and the
// context words of the sentence's ends.
func (t *Tagger) tables() {
	t.tagNames = append(append([]string(nil), t.classes...), "-START-", "-START2-")
	t.classIndex = make(map[string]int32, len(t.tagNames))
	for i, tg := range t.tagNames {
		t.classIndex[tg] = int32(i)
	}
	look := func(parts ...string) int32 {
		if f, ok := t.features[strings.Join(parts, "")]; ok {
			return int32(f)
		}
		return noFeature
	}
	t.bias = look("bias")
	nt := len(t.tagNames)
	t.prevTag = make([]int32, nt)
	t.prevTag2 = make([]int32, nt)
	t.tagPair = make([]int32, nt*nt)
	for i, a := range t.tagNames {
		t.prevTag[i] = look("i-1 tag ", a)
		t.prevTag2[i] = look("i-2 tag ", a)
		for j, b := range t.tagNames {
			t.tagPair[i*nt+j] = look("i tag+i-2 tag ", a, " ", b)
		}
	}
	for i, w := range []string{"-START-", "-START2-", "-END-", "-END2-"} {
		t.sentinel[i] = t.newWord(w, w)
	}
}

// maxCachedWords bounds the cache of words at some tens of megabytes.
const maxCachedWords = 150_000
