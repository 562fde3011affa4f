package compare

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/names"
)

// derivational are endings that make another word of a name rather than
// another spelling of it: Azerbaijan and Azerbaijani, Afghan and Afghans.
var derivational = map[string]bool{
	"": true, "s": true, "es": true, "e": true, "a": true, "i": true, "is": true, "n": true, "an": true,
	"ans": true, "ian": true, "ians": true, "ese": true, "ish": true, "ic": true, "ns": true,
	"'s": true, "’s": true,
}

// mention is one written form of a name's last part.
type mention struct {
	typ   claims.EntityType
	claim *claims.Claim
	start int
	end   int
	text  string
}

// nameVariants finds names written more than one way, across the whole
// corpus: words of names (given names and surnames alike) that share a name
// key but not a spelling. Spellings that differ only in case, by a
// derivational ending, or so much that they are other words sharing a key,
// are not variants. Every spelling is listed with its count per article, and
// the most common is suggested as canonical.
func (c *corpus) nameVariants(storyOf map[string]string) []Discrepancy {
	groups := map[string][]mention{}
	var ids []string
	for _, id := range sortedKeys(c.byArticle) {
		for _, cl := range c.byArticle[id] {
			for _, e := range cl.Entities {
				ws := nameWords(e.Text)
				for i, w := range ws {
					k := names.Key(w.text)
					if len([]rune(w.text)) < 4 || k == "" || strings.Contains(k, " ") {
						continue
					}
					// A given name and a surname are different names even
					// when they sound alike (Ehud Barak, Barack Obama).
					k += "/" + position(i, len(ws), e.Type)
					if _, ok := groups[k]; !ok {
						ids = append(ids, k)
					}
					groups[k] = append(groups[k], mention{typ: e.Type, claim: cl, start: e.Start + w.start, end: e.Start + w.end, text: w.text})
				}
			}
		}
	}
	sort.Strings(ids)
	ids = mergeNear(ids, groups)
	var out []Discrepancy
	for _, k := range ids {
		if d, ok := c.variant(k, groups[k], storyOf); ok {
			out = append(out, d)
		}
	}
	return out
}

// lowerWords returns the words the corpus writes in lower case.
func (c *corpus) lowerWords() map[string]bool {
	if c.lower != nil {
		return c.lower
	}
	c.lower = map[string]bool{}
	for _, cs := range c.byArticle {
		for _, cl := range cs {
			for _, w := range strings.FieldsFunc(cl.Text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
				if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && strings.ToLower(w) == w {
					c.lower[w] = true
				}
			}
		}
	}
	return c.lower
}

// position tells where a word stands in a name: a person's given name
// ("first"), or any other word of a name ("last").
func position(i, n int, t claims.EntityType) string {
	if i == 0 && n > 1 && t == claims.Person {
		return "first"
	}
	return "last"
}

// mergeNear joins groups whose keys differ only by two neighbouring sounds
// swapped, a slip the key does not absorb (UNRWA and Unwra), when their
// spellings also match by names.TokenMatch. A sound more or less, or another
// sound, is another name (Zhatrovskiy and Zhatovskiy may be two people). It
// returns the remaining group keys, sorted.
func mergeNear(ids []string, groups map[string][]mention) []string {
	buckets := map[string][]string{}
	for _, id := range ids {
		key, pos, _ := strings.Cut(id, "/")
		b := key[:1] + "/" + pos
		buckets[b] = append(buckets[b], id)
	}
	merged := map[string]bool{}
	for _, b := range sortedKeys(buckets) {
		ks := buckets[b]
		for i, a := range ks {
			if merged[a] {
				continue
			}
			for _, o := range ks[i+1:] {
				if merged[o] || !transposed(groupKey(a), groupKey(o)) || !names.TokenMatch(groups[a][0].text, groups[o][0].text) {
					continue
				}
				groups[a] = append(groups[a], groups[o]...)
				delete(groups, o)
				merged[o] = true
			}
		}
	}
	out := ids[:0]
	for _, id := range ids {
		if !merged[id] {
			out = append(out, id)
		}
	}
	return out
}

// groupKey is the name key part of a group id ("key/position").
func groupKey(id string) string {
	k, _, _ := strings.Cut(id, "/")
	return k
}

// transposed reports whether two keys differ by one swap of neighbours.
func transposed(a, b string) bool {
	if len(a) != len(b) || a == b {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

type word struct {
	text       string
	start, end int
}

// nameWords splits a name into its words, with their offsets in the name.
func nameWords(name string) []word {
	var out []word
	start := -1
	for i, r := range name + " " {
		if r == ' ' || r == '\n' || r == '\t' {
			if start >= 0 {
				out = append(out, word{text: name[start:i], start: start, end: i})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return out
}

func (c *corpus) variant(key string, ms []mention, storyOf map[string]string) (Discrepancy, bool) {
	// Spellings, case-folded, with their mentions.
	bySpelling := map[string][]mention{}
	for _, m := range ms {
		s := strings.ToLower(m.text)
		bySpelling[s] = append(bySpelling[s], m)
	}
	if len(bySpelling) < 2 {
		return Discrepancy{}, false
	}
	// English words spelled the British or the American way are one word.
	for _, s := range sortedKeys(bySpelling) {
		for _, o := range sortedKeys(bySpelling) {
			if s < o && bySpelling[s] != nil && bySpelling[o] != nil && orthographic(s, o) {
				bySpelling[s] = append(bySpelling[s], bySpelling[o]...)
				delete(bySpelling, o)
			}
		}
	}
	// A word the corpus also writes in lower case is a common word in a
	// name (the Associated Press), not a spelling of a name (Peres).
	for _, s := range sortedKeys(bySpelling) {
		if c.lowerWords()[s] {
			delete(bySpelling, s)
		}
	}
	// Fold derivations into their base word.
	spellings := sortedKeys(bySpelling)
	for _, s := range spellings {
		for _, base := range spellings {
			if base != s && isDerivation(s, base) && bySpelling[base] != nil {
				bySpelling[base] = append(bySpelling[base], bySpelling[s]...)
				delete(bySpelling, s)
				break
			}
		}
	}
	// Spellings far apart as strings are different words that happen to share
	// a key ("West" and "Visit"), not one name spelled two ways.
	for _, s := range sortedKeys(bySpelling) {
		near := false
		for _, o := range sortedKeys(bySpelling) {
			if o != s && spellingDistance(s, o) <= 0.4 {
				near = true
				break
			}
		}
		if !near {
			delete(bySpelling, s)
		}
	}
	if len(bySpelling) < 2 {
		return Discrepancy{}, false
	}
	d := Discrepancy{Kind: NameVariant, Severity: Warning, Confidence: 0.85}
	stories := map[string]bool{}
	var total int
	for _, s := range sortedKeys(bySpelling) {
		ms := bySpelling[s]
		sp := Spelling{Text: ms[0].text, Counts: map[string]int{}, Total: len(ms)}
		total += len(ms)
		firstIn := map[string]bool{}
		for _, m := range ms {
			sp.Counts[m.claim.Article]++
			stories[storyOf[m.claim.Article]] = true
			if !firstIn[m.claim.Article] {
				firstIn[m.claim.Article] = true
				d.Evidence = append(d.Evidence, c.evidence(m.claim, m.start, m.end, strings.SplitN(key, "/", 2)[0]))
			}
		}
		d.Spellings = append(d.Spellings, sp)
	}
	// The most common spelling first; among equally common ones, the one
	// closest to all the others (the medoid).
	spread := map[string]float64{}
	for _, a := range d.Spellings {
		for _, b := range d.Spellings {
			spread[a.Text] += spellingDistance(a.Text, b.Text)
		}
	}
	sort.SliceStable(d.Spellings, func(i, j int) bool {
		a, b := d.Spellings[i], d.Spellings[j]
		if a.Total != b.Total {
			return a.Total > b.Total
		}
		return spread[a.Text] < spread[b.Text]
	})
	d.Canonical = d.Spellings[0].Text
	var forms []string
	var parts []string
	for _, sp := range d.Spellings {
		forms = append(forms, fmt.Sprintf("%q (%d)", sp.Text, sp.Total))
		parts = append(parts, strings.ToLower(sp.Text))
	}
	d.Summary = fmt.Sprintf("one name written %d ways: %s; suggest %q", len(d.Spellings), strings.Join(forms, ", "), d.Canonical)
	if len(stories) == 1 {
		for s := range stories {
			d.Story = s
		}
	}
	d.ID = fingerprint(NameVariant, append(parts, strings.SplitN(key, "/", 2)[0])...)
	return d, true
}

// ukUS are the endings that British and American spelling write apart.
var ukUS = [][2]string{{"ise", "ize"}, {"isation", "ization"}, {"our", "or"}, {"ence", "ense"}, {"re", "er"}, {"ogue", "og"}, {"yse", "yze"}, {"lled", "led"}, {"lling", "ling"}}

// orthographic reports whether a and b are one English word in British and
// American spelling: Defence and Defense, Organisation and Organization.
func orthographic(a, b string) bool {
	for _, p := range ukUS {
		for _, q := range [][2]string{{p[0], p[1]}, {p[1], p[0]}} {
			for i := strings.Index(a, q[0]); i >= 0; {
				if a[:i]+q[1]+a[i+len(q[0]):] == b {
					return true
				}
				j := strings.Index(a[i+1:], q[0])
				if j < 0 {
					break
				}
				i += j + 1
			}
		}
	}
	return false
}

// isDerivation reports whether s and base are one word with different
// derivational endings: Azerbaijan and Azerbaijani, Palestine and
// Palestinian, Press and Presse, Ivanov and Ivanova.
func isDerivation(s, base string) bool {
	n := 0
	for n < len(s) && n < len(base) && s[n] == base[n] {
		n++
	}
	if n < 4 {
		return false
	}
	return derivational[s[n:]] && derivational[base[n:]]
}

// spellingDistance is the edit distance of two folded spellings over the
// length of the longer, in [0, 1].
func spellingDistance(a, b string) float64 {
	ra, rb := []rune(names.Fold(a)), []rune(names.Fold(b))
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(rb)]) / float64(max(len(ra), len(rb), 1))
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
