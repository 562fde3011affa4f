package compare

import (
	"regexp"
	"strings"
)

// gated is a regular expression with words that every match contains, at
// least one of them: a text with none of them is not run through the
// expression. Go's case-insensitive alternations of words backtrack through
// every position of a sentence, and most sentences hold none of the words,
// so the gate saves most of their cost and changes no result.
type gated struct {
	re *regexp.Regexp
	// words are lower-case ASCII; a match holds one of them, in any case.
	words []string
	// digit says that every match holds an ASCII digit too.
	digit bool
}

// gate compiles expr with its gate words.
func gate(expr string, digit bool, words ...string) gated {
	for _, w := range words {
		if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz.") != "" {
			panic("compare: gate word " + w + " is not lower-case ASCII")
		}
	}
	return gated{re: regexp.MustCompile(expr), words: words, digit: digit}
}

// possible reports whether s may hold a match.
func (g gated) possible(s string) bool {
	// Under (?i), the Kelvin sign matches k and the long s matches s.
	if strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f") {
		return true
	}
	if g.digit && !strings.ContainsAny(s, "0123456789") {
		return false
	}
	for _, w := range g.words {
		if containsFold(s, w) {
			return true
		}
	}
	return false
}

func (g gated) MatchString(s string) bool {
	return g.possible(s) && g.re.MatchString(s)
}

func (g gated) FindStringIndex(s string) []int {
	if !g.possible(s) {
		return nil
	}
	return g.re.FindStringIndex(s)
}

func (g gated) FindAllStringIndex(s string, n int) [][]int {
	if !g.possible(s) {
		return nil
	}
	return g.re.FindAllStringIndex(s, n)
}

func (g gated) FindStringSubmatchIndex(s string) []int {
	if !g.possible(s) {
		return nil
	}
	return g.re.FindStringSubmatchIndex(s)
}

func (g gated) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !g.possible(s) {
		return nil
	}
	return g.re.FindAllStringSubmatchIndex(s, n)
}

// containsFold reports whether s contains word, a word of lower-case ASCII
// letters and dots, in any mix of ASCII case. It may also report true for
// a few control characters in place of a dot, which a gate can afford.
func containsFold(s, word string) bool {
	if len(word) == 0 {
		return true
	}
	first := word[0]
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 != first {
			continue
		}
		k := 1
		for k < len(word) && s[i+k]|0x20 == word[k] {
			k++
		}
		if k == len(word) {
			return true
		}
	}
	return false
}
