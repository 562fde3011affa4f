package quantity

import (
	"unicode"
	"unicode/utf8"
)

// kind is the class of a token.
type kind uint8

const (
	kWord  kind = iota + 1 // letters, with inner apostrophes
	kNum                   // digits, with thousands groups and one decimal part
	kPunct                 // any other single character
)

// token is a span of the sentence.
type token struct {
	s, e int    // byte offsets
	ent  *entry // lexicon entry of a word, nil if none
	kind kind
	sp   bool // white space or the start of the sentence comes before it
}

// tokenize appends the tokens of src to toks. Words are looked up in the
// lexicon by their lower-case form low, which has src's byte offsets.
func tokenize(src, low string, toks []token) []token {
	sp := true
	for i := 0; i < len(src); {
		c := src[i]
		var t token
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			sp = true
			i++
			continue
		case c >= '0' && c <= '9':
			t = token{s: i, e: scanNumber(src, i), kind: kNum}
		case c < utf8.RuneSelf:
			if isASCIILetter(c) {
				t = token{s: i, e: scanWord(src, i), kind: kWord}
			} else {
				t = token{s: i, e: i + 1, kind: kPunct}
			}
		default:
			r, size := utf8.DecodeRuneInString(src[i:])
			switch {
			case unicode.IsSpace(r):
				sp = true
				i += size
				continue
			case unicode.IsLetter(r):
				t = token{s: i, e: scanWord(src, i), kind: kWord}
			default:
				t = token{s: i, e: i + size, kind: kPunct}
			}
		}
		t.sp = sp
		if t.kind == kWord {
			t.ent = lexicon[low[t.s:t.e]]
		}
		toks = append(toks, t)
		sp = false
		i = t.e
	}
	return toks
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanNumber returns the end of the number starting at i: digits, groups of a
// comma and exactly three digits, and one decimal part.
func scanNumber(s string, i int) int {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	for j+3 < len(s) && s[j] == ',' && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) &&
		(j+4 == len(s) || !isDigit(s[j+4])) {
		j += 4
	}
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		j++
		for j < len(s) && isDigit(s[j]) {
			j++
		}
	}
	return j
}

// scanWord returns the end of the word starting at i: letters, and
// apostrophes (' or ’) between letters.
func scanWord(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) {
				j++
				continue
			}
			if c == '\'' && j+1 < len(s) && j > i && isASCIILetter(s[j+1]) {
				j++
				continue
			}
			return j
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == '’' && j > i && j+size < len(s) && isASCIILetter(s[j+size]) {
			j += size
			continue
		}
		if !unicode.IsLetter(r) {
			return j
		}
		j += size
	}
	return j
}

// lowerASCII lower-cases the ASCII letters of s, keeping every byte offset.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && !(s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, len(s))
	copy(b, s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return string(b)
}

// mayHold is a cheap test that rejects, without allocating, a sentence with
// neither a digit nor a word that begins like a number word.
func mayHold(s string) bool {
	var key uint64
	n := 0 // letters of the current word
	for i := 0; i <= len(s); i++ {
		var c byte
		if i < len(s) {
			c = s[i]
		}
		if isDigit(c) {
			return true
		}
		if isASCIILetter(c) {
			if n < 5 {
				key = key<<8 | uint64(c|0x20)
			}
			n++
			continue
		}
		if n > 0 {
			if _, ok := numberStems[key]; ok {
				return true
			}
			key, n = 0, 0
		}
	}
	return false
}

// stemKey packs up to the first five letters of a lower-case word.
func stemKey(w string) uint64 {
	var k uint64
	for i := 0; i < len(w) && i < 5; i++ {
		k = k<<8 | uint64(w[i])
	}
	return k
}

// numberStems are the words of up to five letters, and the first five letters
// of the longer words, that can start a quantity.
var numberStems = func() map[uint64]struct{} {
	m := make(map[uint64]struct{})
	for _, w := range []string{"zero", "one", "two", "three", "four", "fourt", "five", "six",
		"sixte", "sixty", "sixti", "sixth", "seven", "eight", "nine", "ninet", "ninth", "ten",
		"tens", "tenth", "eleve", "twelv", "twelf", "thirt", "third", "fifte", "fifty", "fifti",
		"fifth", "twent", "forty", "forti", "hundr", "thous", "milli", "billi", "trill",
		"dozen", "score", "first", "secon", "half", "halve", "quart", "few", "handf", "coupl",
		"singl", "sever"} {
		m[stemKey(w)] = struct{}{}
	}
	return m
}()
