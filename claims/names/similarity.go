package names

import (
	"strings"
	"unicode/utf8"
)

// SimilarThreshold is the Similarity at and above which two names count as
// the same name: Similarity reaches it exactly when their keys are equal
// ("Zelensky" and "Zelenskyy"), never for different names that merely look
// alike ("Putin" and "Puting", "Putin" and "Pitt").
const SimilarThreshold = 0.9

// Similarity returns how alike the names a and b are, in [0, 1], for
// ranking fuzzy search results. It is 1 for names with the same Parts and
// reads in three tiers below that, each ordered by the Jaro-Winkler
// similarity of the folded parts:
//
//   - [SimilarThreshold, 1): equal keys, spelling variants of one name;
//   - [0.8, 0.89]: the parts of one name, by key, are among the parts of
//     the other, as with a surname-only mention ("Rahmon" and "Emomali
//     Rahmon") or a reordered name;
//   - [0, 0.8): any other pair.
//
// Similarity is 0 when either name has no letters.
func Similarity(a, b string) float64 {
	pa, pb := Parts(a), Parts(b)
	if len(pa) == 0 || len(pb) == 0 {
		return 0
	}
	fa, fb := strings.Join(pa, " "), strings.Join(pb, " ")
	if fa == fb {
		return 1
	}
	jw := jaroWinkler(fa, fb)
	ka, kb := partKeys(pa), partKeys(pb)
	switch {
	case equalStrings(ka, kb):
		return SimilarThreshold + (1-SimilarThreshold)*jw
	case contains(ka, kb) || contains(kb, ka):
		return 0.8 + 0.09*jw
	}
	return 0.8 * jw
}

// partKeys returns the TokenKey of each part.
func partKeys(parts []string) []string {
	keys := make([]string, len(parts))
	var buf [64]byte
	for i, p := range parts {
		keys[i] = string(appendTokenKey(buf[:0], []byte(p)))
	}
	return keys
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// contains reports whether every key of sub occurs in all, counting
// repeats.
func contains(all, sub []string) bool {
	if len(sub) > len(all) {
		return false
	}
	used := make([]bool, len(all))
next:
	for _, k := range sub {
		for i, a := range all {
			if !used[i] && a == k {
				used[i] = true
				continue next
			}
		}
		return false
	}
	return true
}

// jaroWinkler returns the Jaro-Winkler similarity of a and b, compared rune
// by rune, with the usual prefix scale 0.1 over at most four runes, applied
// when the Jaro similarity exceeds 0.7.
func jaroWinkler(a, b string) float64 {
	ra, rb := toRunes(a), toRunes(b)
	if len(ra) == 0 && len(rb) == 0 {
		return 1
	}
	if len(ra) == 0 || len(rb) == 0 {
		return 0
	}
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	return jaroWinklerOf(ra, rb, make([]bool, len(ra)), make([]bool, len(rb)))
}

// jaroWinklerOf is the Jaro-Winkler similarity of a and b, a the shorter and
// neither empty, using matchedA and matchedB (as long as a and b, all false)
// as scratch.
func jaroWinklerOf[T comparable](a, b []T, matchedA, matchedB []bool) float64 {
	window := max(len(b)/2-1, 0)
	matches := 0
	for i, r := range a {
		lo, hi := max(0, i-window), min(len(b), i+window+1)
		for j := lo; j < hi; j++ {
			if !matchedB[j] && b[j] == r {
				matchedA[i], matchedB[j] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	transposed, j := 0, 0
	for i, r := range a {
		if !matchedA[i] {
			continue
		}
		for !matchedB[j] {
			j++
		}
		if r != b[j] {
			transposed++
		}
		j++
	}
	m := float64(matches)
	jaro := (m/float64(len(a)) + m/float64(len(b)) + (m-float64(transposed)/2)/m) / 3
	if jaro <= 0.7 {
		return jaro
	}
	prefix := 0
	for prefix < 4 && prefix < len(a) && a[prefix] == b[prefix] {
		prefix++
	}
	return jaro + float64(prefix)*0.1*(1-jaro)
}

func toRunes(s string) []rune {
	rs := make([]rune, 0, utf8.RuneCountInString(s))
	for _, r := range s {
		rs = append(rs, r)
	}
	return rs
}
