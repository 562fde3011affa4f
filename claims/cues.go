package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// The modality cues are found by hand-written scanners rather than regular
// expressions: they run on every sentence, and a scan over word starts with a
// set lookup is many times cheaper than a backtracking search. Each scanner
// finds exactly what its pattern, given in its doc comment, would find:
// the leftmost match, and among matches at one position the first
// alternative. A word is a maximal run of ASCII letters, digits and
// underscores, and a word boundary is what `\b` means in Go's regexp syntax.

// isWordByte reports whether b is an ASCII word character (`\w`).
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

// wordEnd returns the end of the word starting at i.
func wordEnd(s string, i int) int {
	for i < len(s) && isWordByte(s[i]) {
		i++
	}
	return i
}

// isWordStart reports whether a word starts at i.
func isWordStart(s string, i int) bool {
	return i < len(s) && isWordByte(s[i]) && (i == 0 || !isWordByte(s[i-1]))
}

// nextWord returns the word that follows the word ending at j after exactly
// one space, and its end; "" when there is none.
func nextWord(s string, j int) (string, int) {
	if j+1 >= len(s) || s[j] != ' ' || !isWordByte(s[j+1]) {
		return "", j
	}
	e := wordEnd(s, j+1)
	return s[j+1 : e], e
}

var hedgeWords = setOf("reportedly", "allegedly", "apparently", "purportedly", "probably", "possibly",
	"perhaps", "presumably", "supposedly", "seemingly", "likely", "unlikely", "unconfirmed", "rumored",
	"rumoured", "rumor", "rumors", "rumour", "rumours", "speculation", "speculated", "speculates",
	"speculate", "could", "might", "may")

var hedgeReportVerbs = setOf("said", "believed", "thought", "understood", "reported", "alleged", "rumored", "rumoured")

var attribWords = setOf("says", "said", "say", "claim", "claims", "claimed", "states", "stated", "told",
	"reports", "reported", "announced", "insist", "insists", "insisted", "alleges", "noted", "added",
	"argued", "estimates", "estimated", "believes", "warned", "confirmed", "quoted")

var negationWords = setOf("not", "never", "no", "none", "nobody", "nothing", "neither", "nor", "without")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// findHedge finds the first hedge in lower, a lower-cased sentence, as the
// pattern
//
//	\b(?:\d+(?:\.\d+)?\s*(?:per ?cent|%)\s+(?:sure|certain|confident)|reportedly|allegedly|
//	apparently|purportedly|probably|possibly|perhaps|presumably|supposedly|seemingly|likely|
//	unlikely|unconfirmed|rumou?red|rumou?rs?|speculat(?:ion|ed|es|e)|could|might|may|
//	(?:is|are|was|were|been) (?:said|believed|thought|understood|reported|alleged|rumou?red) to|
//	appears? to|seems? to|it is unclear|not clear whether)\b
//
// would. It returns the match's start and end, and false when there is none.
func findHedge(lower string) (int, int, bool) {
	for i := 0; i < len(lower); i++ {
		if !isWordStart(lower, i) {
			continue
		}
		if e, ok := hedgeAt(lower, i); ok {
			return i, e, true
		}
		i = wordEnd(lower, i) - 1
	}
	return 0, 0, false
}

// hedgeAt matches the hedge pattern of findHedge at the word start i.
func hedgeAt(s string, i int) (int, bool) {
	if e, ok := certaintyAt(s, i); ok {
		return e, true
	}
	j := wordEnd(s, i)
	w := s[i:j]
	if hedgeWords[w] {
		return j, true
	}
	w2, j2 := nextWord(s, j)
	if w2 == "" {
		return 0, false
	}
	switch w {
	case "is", "are", "was", "were", "been":
		if hedgeReportVerbs[w2] {
			if w3, j3 := nextWord(s, j2); w3 == "to" {
				return j3, true
			}
		}
	case "appear", "appears", "seem", "seems":
		if w2 == "to" {
			return j2, true
		}
	case "it":
		if w3, j3 := nextWord(s, j2); w2 == "is" && w3 == "unclear" {
			return j3, true
		}
	case "not":
		if w3, j3 := nextWord(s, j2); w2 == "clear" && w3 == "whether" {
			return j3, true
		}
	}
	return 0, false
}

// certaintyAt matches `\d+(?:\.\d+)?\s*(?:per ?cent|%)\s+(?:sure|certain|confident)\b`
// at i: certainty put in numbers ("99.9 per cent sure").
func certaintyAt(s string, i int) (int, bool) {
	j := digitsEnd(s, i)
	if j == i {
		return 0, false
	}
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		j = digitsEnd(s, j+1)
	}
	j = spacesEnd(s, j)
	switch rest := s[j:]; {
	case strings.HasPrefix(rest, "per cent"):
		j += len("per cent")
	case strings.HasPrefix(rest, "percent"):
		j += len("percent")
	case strings.HasPrefix(rest, "%"):
		j++
	default:
		return 0, false
	}
	k := spacesEnd(s, j)
	if k == j {
		return 0, false
	}
	for _, w := range [...]string{"sure", "certain", "confident"} {
		if strings.HasPrefix(s[k:], w) && (k+len(w) == len(s) || !isWordByte(s[k+len(w)])) {
			return k + len(w), true
		}
	}
	return 0, false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// spacesEnd skips `\s*`: ASCII tab, newline, form feed, carriage return and
// space.
func spacesEnd(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case '\t', '\n', '\f', '\r', ' ':
			i++
			continue
		}
		break
	}
	return i
}

// findAttribution finds the first attribution verb in lower, a lower-cased
// sentence, as the pattern
//
//	\b(?:according to|says|said|say|claims?|claimed|states|stated|told|reports|reported|
//	announced|insists?|insisted|alleges|noted|added|argued|estimates|estimated|believes|
//	warned|confirmed|quoted)\b
//
// would.
func findAttribution(lower string) (int, int, bool) {
	for i := 0; i < len(lower); i++ {
		if !isWordStart(lower, i) {
			continue
		}
		j := wordEnd(lower, i)
		w := lower[i:j]
		if attribWords[w] {
			return i, j, true
		}
		if w == "according" {
			if w2, j2 := nextWord(lower, j); w2 == "to" {
				return i, j2, true
			}
		}
		i = j - 1
	}
	return 0, 0, false
}

// findNegation finds the first negation in lower, a lower-cased sentence, as
// the pattern
//
//	\b(?:not|never|no|none|nobody|nothing|neither|nor|without)\b|n['’]t\b
//
// would.
func findNegation(lower string) (int, int, bool) {
	for i := 0; i < len(lower); i++ {
		if isWordStart(lower, i) {
			j := wordEnd(lower, i)
			if negationWords[lower[i:j]] {
				return i, j, true
			}
		}
		if lower[i] != 'n' {
			continue
		}
		k := i + 1
		switch {
		case strings.HasPrefix(lower[k:], "'"):
			k++
		case strings.HasPrefix(lower[k:], "’"):
			k += len("’")
		default:
			continue
		}
		if k < len(lower) && lower[k] == 't' && (k+1 == len(lower) || !isWordByte(lower[k+1])) {
			return i, k + 1, true
		}
	}
	return 0, 0, false
}

// subjectVerbFrom returns the offset from which reSubjectVerb needs to
// search s: no match can start before it, as a match is a run of letters,
// spaces, apostrophes, dots and hyphens followed by a space and a speech
// verb. It returns -1 when s has no speech verb after a space, so that the
// pattern cannot match at all.
func subjectVerbFrom(s string) int {
	v := -1
	for i := 0; i+1 < len(s) && v < 0; i++ {
		if s[i] != ' ' || !isWordStart(s, i+1) {
			continue
		}
		j := wordEnd(s, i+1)
		if subjectVerbs[s[i+1:j]] {
			v = i
		}
	}
	if v < 0 {
		return -1
	}
	for v > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:v])
		if !(unicode.IsLetter(r) || r == ' ' || r == '\'' || r == '’' || r == '.' || r == '-') {
			break
		}
		v -= n
	}
	return v
}

var subjectVerbs = setOf("says", "said", "say", "claim", "claims", "claimed", "stated", "told", "reported",
	"announced", "insisted", "estimates", "believes", "warned", "confirmed")

// verbSubjectFrom returns the offset from which reVerbSubject needs to
// search s: the first comma or closing quotation mark followed by a space and
// "says", "said", "added", "told" or "according to". It returns -1 when
// there is none.
func verbSubjectFrom(s string) int {
	for i := 0; i < len(s); i++ {
		var n int
		switch {
		case s[i] == ',' || s[i] == '"':
			n = 1
		case strings.HasPrefix(s[i:], "”"):
			n = len("”")
		default:
			continue
		}
		rest := s[i+n:]
		if !strings.HasPrefix(rest, " ") {
			continue
		}
		rest = rest[1:]
		for _, v := range [...]string{"says", "said", "added", "told", "according to"} {
			if strings.HasPrefix(rest, v) {
				return i
			}
		}
	}
	return -1
}

// containsFoldASCII reports whether s contains needle, a lower-case ASCII
// string, ignoring ASCII case.
func containsFoldASCII(s, needle string) bool {
	return containsAnyFoldASCII(s, needle)
}

// containsAnyFoldASCII reports whether s contains any of the needles,
// lower-case ASCII strings, ignoring ASCII case.
func containsAnyFoldASCII(s string, needles ...string) bool {
	var buf [1024]byte
	if len(s) > len(buf) {
		for _, n := range needles {
			if indexFoldASCII(s, n) >= 0 {
				return true
			}
		}
		return false
	}
	b := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		b[i] = lowerASCII(s[i])
	}
	folded := unsafe.String(unsafe.SliceData(b), len(b))
	for _, n := range needles {
		if strings.Contains(folded, n) {
			return true
		}
	}
	return false
}

// indexFoldASCII returns the offset of the first needle, a lower-case ASCII
// string, in s, ignoring ASCII case, or -1.
func indexFoldASCII(s, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		k := 0
		for k < len(needle) && lowerASCII(s[i+k]) == needle[k] {
			k++
		}
		if k == len(needle) {
			return i
		}
	}
	return -1
}

func lowerASCII(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// mayBeCopyright is the cheap test before reCopyright: whether s holds any
// word the pattern needs, ignoring case. The Kelvin sign and the long s fold
// to k and s in the pattern, so a line with either goes to the pattern too.
func mayBeCopyright(s string) bool {
	if strings.Contains(s, "©") || strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f") {
		return true
	}
	return containsAnyFoldASCII(s, "(c)", "copyright", "all right", "privacy", "cookie", "term")
}
