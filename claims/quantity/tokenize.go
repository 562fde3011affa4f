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

// token is a span of the sentence. It holds no pointer, so filling the pooled
// token slice costs no write barrier.
type token struct {
	s, e int    // byte offsets
	ent  uint16 // index of the word's lexicon entry; 0 not looked up yet, entNone none
	kind kind
	sp   bool // white space or the start of the sentence comes before it
}

// tokenize appends the tokens of src to toks.
func tokenize(src string, toks []token) []token {
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
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) {
			c := s[i]
			if isDigit(c) {
				return true
			}
			if isASCIILetter(c) {
				continue
			}
		}
		if i > start && isNumberStem(s[start:i]) {
			return true
		}
		start = i + 1
	}
	return false
}

// isNumberStem reports whether the ASCII word w (any case), or its first five
// letters, is a stem of a word that can start a quantity.
func isNumberStem(w string) bool {
	if len(w) < 3 {
		return false
	}
	a, b, c := w[0]|0x20, w[1]|0x20, w[2]|0x20
	if a < 'a' || a > 'z' || b < 'a' || b > 'z' || c < 'a' || c > 'z' {
		return false
	}
	if !stemPrefixes[(int(a-'a')*26+int(b-'a'))*26+int(c-'a')] {
		return false
	}
	var key uint64
	for i := 0; i < len(w) && i < 5; i++ {
		key = key<<8 | uint64(w[i]|0x20)
	}
	for _, k := range numberStems[a-'a'] {
		if k == key {
			return true
		}
	}
	return false
}

// stemPrefixes marks the first three letters of the number stems, a filter
// that rejects most words at once.
var stemPrefixes = func() *[26 * 26 * 26]bool {
	var t [26 * 26 * 26]bool
	for _, ks := range numberStems {
		for _, k := range ks {
			for k > 0xffffff {
				k >>= 8
			}
			a, b, c := byte(k>>16), byte(k>>8), byte(k)
			t[(int(a-'a')*26+int(b-'a'))*26+int(c-'a')] = true
		}
	}
	return &t
}()

// numberStems holds, by first letter, the words of up to five letters and the
// first five letters of the longer words that can start a quantity, packed
// one byte a letter.
var numberStems = func() *[26][]uint64 {
	var t [26][]uint64
	for _, w := range []string{"zero", "one", "two", "three", "four", "fourt", "five", "six",
		"sixte", "sixty", "sixti", "sixth", "seven", "eight", "nine", "ninet", "ninth", "ten",
		"tens", "tenth", "eleve", "twelv", "twelf", "thirt", "third", "fifte", "fifty", "fifti",
		"fifth", "twent", "forty", "forti", "hundr", "thous", "milli", "billi", "trill",
		"dozen", "score", "first", "secon", "half", "halve", "quart", "few", "handf", "coupl",
		"singl", "sever"} {
		var key uint64
		for i := 0; i < len(w); i++ {
			key = key<<8 | uint64(w[i])
		}
		t[w[0]-'a'] = append(t[w[0]-'a'], key)
	}
	return &t
}()
