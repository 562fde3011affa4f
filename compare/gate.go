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
	// byFirst lists the words by their first letter, so that a text is
	// read once for all of them.
	byFirst *[256][]string
}

// gate compiles expr with its gate words.
func gate(expr string, digit bool, words ...string) gated {
	for _, w := range words {
		if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz.") != "" {
			panic("compare: gate word " + w + " is not lower-case ASCII")
		}
	}
	byFirst := new([256][]string)
	for _, w := range words {
		if w == "" {
			panic("compare: empty gate word")
		}
		byFirst[w[0]] = append(byFirst[w[0]], w)
	}
	return gated{re: regexp.MustCompile(expr), words: words, digit: digit, byFirst: byFirst}
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
	// Whether s holds a word in any mix of ASCII case (a few control
	// characters pass for a dot, which a gate can afford), in one reading
	// of s.
	for i := 0; i < len(s); i++ {
		for _, w := range g.byFirst[s[i]|0x20] {
			if len(s)-i < len(w) {
				continue
			}
			k := 1
			for k < len(w) && s[i+k]|0x20 == w[k] {
				k++
			}
			if k == len(w) {
				return true
			}
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
