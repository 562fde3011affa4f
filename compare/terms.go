package compare

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/names"
)

// stopwords carry no content of their own.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be
	because been before being below between both but by can could did do does doing down during each
	few for from further had has have having he her here hers herself him himself his how i if in into is
	it its itself just me more most my myself no nor not now of off on once only or other our ours
	ourselves out over own same she should so some such than that the their theirs them themselves then
	there these they this those through to too under until up very was we were what when where which
	while who whom why will with would you your yours yourself yourselves said says say told according
	would could may might must shall also however meanwhile one two three four five six seven eight nine
	ten first last year years week weeks day days month months time today yesterday tomorrow ago later
	new since still even much many well s t don didn isn wasn weren hasn haven hadn won wouldn`) {
		m[w] = true
	}
	return m
}()

// stem cuts common English inflections, enough to let "joined" meet "join"
// and "bases" meet "base".
func stem(w string) string {
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ied"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return w[:len(w)-2]
	case len(w) > 4 && strings.HasSuffix(w, "es") && strings.ContainsRune("sxz", rune(w[len(w)-3])):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// words returns the folded content words of s, stemmed, without stop words
// and without numbers. The detectors ask for the words of the same texts
// pair after pair: ASCII text is read without folding a copy (appendWords).
func words(s string) []string { return appendWords(nil, s) }

// foldedWords is words for any text: the letter runs of its folded form.
func foldedWords(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(names.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(f) < 2 || stopwords[f] {
			continue
		}
		out = append(out, stem(f))
	}
	return out
}

// termsOf returns the terms of a claim, distinct and sorted: its content
// words and, marked with a prefix, the name keys of its entities (whole and
// surname alone).
func termsOf(c *claims.Claim) []string {
	t := words(c.Text)
	for _, k := range entityKeys(c) {
		t = append(t, "@"+k)
	}
	slices.Sort(t)
	return slices.Compact(t)
}

// entityKeys returns the distinct name keys of a claim's entities and of
// their last parts.
func entityKeys(c *claims.Claim) []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range c.Entities {
		for _, k := range []string{e.Key, surnameKey(e.Key)} {
			if k != "" && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}

// surnameKey returns the key of a name's last part.
func surnameKey(key string) string {
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		return key[i+1:]
	}
	return key
}

// vocab holds document frequencies of terms over a set of documents, for
// inverse-document-frequency weights.
type vocab struct {
	df map[string]int
	n  int
}

func newVocab() *vocab { return &vocab{df: map[string]int{}} }

// add counts a document of the given distinct terms.
func (v *vocab) add(terms []string) {
	v.n++
	for _, t := range terms {
		v.df[t]++
	}
}

// idf weighs a term: rare terms weigh more, a term in every document least
// (but not nothing, so that two claims alone can still be alike). Name keys
// count double.
func (v *vocab) idf(t string) float64 {
	w := math.Log(1 + float64(v.n)/float64(max(1, v.df[t])))
	if strings.HasPrefix(t, "@") {
		w *= 2
	}
	return w
}

// cosine is the cosine similarity of two term sets under idf weights,
// summed in term order so that it is the same to the last bit in every run.
func (v *vocab) cosine(a, b map[string]bool) float64 {
	var dot, na, nb float64
	for _, t := range sortedKeys(a) {
		w := v.idf(t)
		na += w * w
		if b[t] {
			dot += w * w
		}
	}
	for _, t := range sortedKeys(b) {
		w := v.idf(t)
		nb += w * w
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}
