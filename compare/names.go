package compare

import (
	"fmt"
	"slices"
	"sort"
	"strings"

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
// first spellings (first gives them) also match by names.TokenMatch. A sound
// more or less, or another sound, is another name (Zhatrovskiy and
// Zhatovskiy may be two people). It returns the remaining group ids, sorted,
// and the group each merged one went into.
func mergeNear(ids []string, first func(id string) string) ([]string, map[string]string) {
	sorted := slices.Clone(ids)
	sort.Strings(sorted)
	known := make(map[string]bool, len(sorted))
	for _, id := range sorted {
		known[id] = true
	}
	into := map[string]string{}
	var near []string
	for _, a := range sorted {
		if _, ok := into[a]; ok {
			continue
		}
		key, pos, _ := strings.Cut(a, "/")
		// The keys one swap of neighbours away, the first sound kept (a
		// name's first sound is the one least often slipped).
		near = near[:0]
		for i := 1; i+1 < len(key); i++ {
			if key[i] == key[i+1] {
				continue
			}
			o := key[:i] + string(key[i+1]) + string(key[i]) + key[i+2:] + "/" + pos
			if o > a && known[o] {
				near = append(near, o)
			}
		}
		sort.Strings(near)
		for _, o := range near {
			if _, ok := into[o]; ok || !names.TokenMatch(first(a), first(o)) {
				continue
			}
			into[o] = a
		}
	}
	var out []string
	for _, id := range sorted {
		if _, ok := into[id]; !ok {
			out = append(out, id)
		}
	}
	return out, into
}

// groupKey is the name key part of a group id ("key/position").
func groupKey(id string) string {
	k, _, _ := strings.Cut(id, "/")
	return k
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

// mergeSpellings decides which lower-case spellings of one name's group are
// spellings of one name: English words spelled the British or the American
// way are one word; a word the corpus also writes in lower case (lower) is a
// common word in a name (the Associated Press), not a spelling of a name
// (Peres); derivations fold into their base word (Azerbaijan and
// Azerbaijani); and spellings far apart as strings are different words that
// happen to share a key ("West" and "Visit"). It returns each kept spelling
// with the spellings folded into it, itself first, in the order folded;
// fewer than two kept spellings mean no variant.
func mergeSpellings(spellings []string, lower map[string]bool) map[string][]string {
	members := make(map[string][]string, len(spellings))
	for _, s := range spellings {
		members[s] = []string{s}
	}
	fold := func(from, into string) {
		members[into] = append(members[into], members[from]...)
		delete(members, from)
	}
	for _, s := range sortedKeys(members) {
		for _, o := range sortedKeys(members) {
			if s < o && members[s] != nil && members[o] != nil && orthographic(s, o) {
				fold(o, s)
			}
		}
	}
	for _, s := range sortedKeys(members) {
		if lower[s] {
			delete(members, s)
		}
	}
	kept := sortedKeys(members)
	for _, s := range kept {
		for _, base := range kept {
			if base != s && isDerivation(s, base) && members[base] != nil {
				fold(s, base)
				break
			}
		}
	}
	for _, s := range sortedKeys(members) {
		near := false
		for _, o := range sortedKeys(members) {
			if o != s && spellingDistance(s, o) <= 0.4 {
				near = true
				break
			}
		}
		if !near {
			delete(members, s)
		}
	}
	return members
}

// variant builds the discrepancy of one group of name words, from its
// mentions (one per article and spelling, a root group's before those of
// groups merged into it, each in article order), when it holds a name
// written more than one way. Every spelling is listed with its count per
// article, and the most common is suggested as canonical.
func variant(key string, ss []spot, storyOf map[string]string, lower map[string]bool) (Discrepancy, bool) {
	bySpelling := map[string][]spot{}
	for _, s := range ss {
		bySpelling[s.spelling] = append(bySpelling[s.spelling], s)
	}
	buckets := mergeSpellings(sortedKeys(bySpelling), lower)
	if len(buckets) < 2 {
		return Discrepancy{}, false
	}
	d := Discrepancy{Kind: NameVariant, Severity: Warning, Confidence: 0.85}
	stories := map[string]bool{}
	value := groupKey(key)
	for _, root := range sortedKeys(buckets) {
		var sp Spelling
		sp.Counts = map[string]int{}
		firstIn := map[string]bool{}
		for _, m := range buckets[root] {
			for _, s := range bySpelling[m] {
				if sp.Text == "" {
					sp.Text = s.text
				}
				sp.Counts[s.article] += s.count
				sp.Total += s.count
				stories[storyOf[s.article]] = true
				if !firstIn[s.article] {
					firstIn[s.article] = true
					ev := s.first
					ev.Value = value
					d.Evidence = append(d.Evidence, ev)
				}
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
	d.ID = fingerprint(NameVariant, append(parts, value)...)
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
