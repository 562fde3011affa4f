// Package tokens splits text into word and punctuation tokens exactly as
// prose's tokenizer (github.com/jdkato/prose/v3/tokenize) does, with
// offsets into the text, but appends to a slice the caller may reuse and
// tests for abbreviations without a regular expression.
package tokens

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/token"
)

// Token is prose's token: the text, its byte offset, and the part-of-speech
// tag and entity label filled in later.
type Token = token.Token

// IsEmoticon reports whether s is one of the emoticons prose knows.
func IsEmoticon(s string) bool { return emoticons[s] }

// Append appends the tokens of text to dst and returns the extended slice.
// Whitespace separates spans; each span is split into leading punctuation,
// contractions ("do" + "n't"), its core and trailing punctuation, except
// that an emoticon or an abbreviation ("U.S.", "Gen.") stays whole.
// Every token's Text is text[Start:Start+len(Text)]. Empty or blank text
// gives no tokens.
func Append(dst []Token, text string) []Token {
	var start, index int
	var white bool
	for index <= len(text) {
		r, size := utf8.DecodeRuneInString(text[index:])
		if size == 0 {
			break
		} else if index == 0 {
			white = unicode.IsSpace(r)
		}
		if unicode.IsSpace(r) != white {
			if start < index {
				dst = split(text[start:index], start, dst)
			}
			if r == ' ' {
				start = index + 1
			} else {
				start = index
			}
			white = !white
		}
		index += size
	}
	if start < index {
		dst = split(text[start:index], start, dst)
	}
	return dst
}

func blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// split breaks one whitespace-delimited span, at offset base, into tokens.
func split(span string, base int, dst []Token) []Token {
	if blank(span) {
		return dst
	}
	var sufArr [8]Token
	suffixes := sufArr[:0]
	for span != "" {
		if special(span) {
			dst = append(dst, Token{Text: span, Start: base})
			span = ""
			break
		}
		if p := matchPrefix(span); p > 0 {
			dst = append(dst, Token{Text: span[:p], Start: base})
			span, base = span[p:], base+p
			continue
		}
		if i := indexContraction(span); i > 0 {
			dst = append(dst, Token{Text: span[:i], Start: base})
			span, base = span[i:], base+i
			continue
		}
		if s := matchSuffix(span); s > 0 {
			cut := len(span) - s
			suffixes = append(suffixes, Token{Text: span[cut:], Start: base + cut})
			span = span[:cut]
			continue
		}
		dst = append(dst, Token{Text: span, Start: base})
		span = ""
	}
	for i := len(suffixes) - 1; i >= 0; i-- {
		dst = append(dst, suffixes[i])
	}
	return dst
}

// special reports whether a span stays whole: an emoticon, or what the
// pattern `^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$` matches ("U.S.",
// "e.g.", "Gen.", "Mr.").
func special(s string) bool {
	return emoticonStart[s[0]] && emoticons[s] || isInitials(s) || isShortAbbrev(s)
}

// emoticonStart holds the first bytes of the emoticons.
var emoticonStart = func() (b [256]bool) {
	for e := range emoticons {
		b[e[0]] = true
	}
	return b
}()

func isInitials(s string) bool {
	if len(s) < 4 || len(s)%2 != 0 {
		return false
	}
	for i := 0; i < len(s); i += 2 {
		if c := s[i] | 0x20; c < 'a' || c > 'z' || s[i+1] != '.' {
			return false
		}
	}
	return true
}

func isShortAbbrev(s string) bool {
	if len(s) < 3 || len(s) > 4 || s[0] < 'A' || s[0] > 'Z' || s[len(s)-1] != '.' {
		return false
	}
	for _, c := range []byte(s[1 : len(s)-1]) {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

var contractions = [...]string{"'ll", "'s", "'re", "'m", "n't", "’ll", "’s", "’re", "’m", "n’t"}

// matchPrefix returns the length of the punctuation to split off the front
// of s ($ ( " [ “ ‘), or 0; a span that is only that mark keeps it.
func matchPrefix(s string) int {
	n := 0
	switch s[0] {
	case '$', '(', '"', '[':
		n = 1
	case 0xE2:
		if strings.HasPrefix(s, "“") || strings.HasPrefix(s, "‘") {
			n = 3
		}
	}
	if len(s) > n {
		return n
	}
	return 0
}

// matchSuffix returns the length of the punctuation to split off the end of
// s (, ) " ] ! ; . ? : ' ” ’), or 0; a span that is only that mark keeps
// it.
func matchSuffix(s string) int {
	n := 0
	switch s[len(s)-1] {
	case ',', ')', '"', ']', '!', ';', '.', '?', ':', '\'':
		n = 1
	case 0x9D, 0x99:
		if strings.HasSuffix(s, "”") || strings.HasSuffix(s, "’") {
			n = 3
		}
	}
	if len(s) > n {
		return n
	}
	return 0
}

// indexContraction returns the offset of the earliest contraction ending in
// s, compared ignoring ASCII case, or -1. As in prose, an ending counts only
// where it first occurs, and not at all when that is at offset 0.
func indexContraction(s string) int {
	if strings.IndexByte(s, '\'') < 0 && !strings.Contains(s, "’") {
		return -1
	}
	best := -1
	for _, c := range contractions {
		if i := indexFoldASCII(s, c); i > 0 && (best == -1 || i < best) {
			best = i
		}
	}
	return best
}

func indexFoldASCII(s, substr string) int {
	for i := 0; i+len(substr) <= len(s); i++ {
		if equalFoldASCII(s[i:i+len(substr)], substr) {
			return i
		}
	}
	return -1
}

func equalFoldASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		ca, cb := a[i], b[i]
		if ca >= 'A' && ca <= 'Z' {
			ca += 'a' - 'A'
		}
		if cb >= 'A' && cb <= 'Z' {
			cb += 'a' - 'A'
		}
		if ca != cb {
			return false
		}
	}
	return true
}

// emoticons are kept whole by the tokenizer and tagged SYM by the tagger,
// as prose's are.
var emoticons = map[string]bool{
	"(-8": true, "(-;": true, "(-_-)": true, "(._.)": true, "(:": true, "(=": true, "(o:": true,
	"(¬_¬)": true, "(ಠ_ಠ)": true, "(╯°□°）╯︵┻━┻": true, "-__-": true, "8-)": true, "8-D": true,
	"8D": true, ":(": true, ":((": true, ":(((": true, ":()": true, ":)))": true, ":-)": true,
	":-))": true, ":-)))": true, ":-*": true, ":-/": true, ":-X": true, ":-]": true, ":-o": true,
	":-p": true, ":-x": true, ":-|": true, ":-}": true, ":0": true, ":3": true, ":P": true, ":]": true,
	":`(": true, ":`)": true, ":`-(": true, ":o": true, ":o)": true, "=(": true, "=)": true, "=D": true,
	"=|": true, "@_@": true, "O.o": true, "O_o": true, "V_V": true, "XDD": true, "[-:": true,
	"^___^": true, "o_0": true, "o_O": true, "o_o": true, "v_v": true, "xD": true, "xDD": true,
	"¯\\(ツ)/¯": true,
}
