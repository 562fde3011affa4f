package timex

import (
	"unicode"
	"unicode/utf8"
)

// tokKind separates words, numbers and punctuation.
type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
)

// Number suffixes: "2nd", "1990s", "3Q", "12am".
const (
	sufNone uint8 = iota
	sufOrd
	sufS
	sufQ
	sufClock
)

// tok is one token of a sentence with its byte offsets.
type tok struct {
	s, e  int
	kind  tokKind
	cls   class // word class from the lexicon (cNone when unknown)
	val   int   // lexicon value; number value for tNum (-1 with separators)
	nd    int   // digits in a number
	suf   uint8 // number suffix
	cap   bool  // word starts with an upper-case letter
	upper bool  // word is all upper case
	ch    rune  // punctuation character (apostrophes folded to '\'')
	// hot is the index of the first token at or after this one that is a
	// number or a word of a hot class (len(toks) when none is).
	hot int
}

// scanner tokenises a sentence into a reusable buffer.
type scanner struct {
	toks []tok
	// hot is set when the sentence has a number or a word that only occurs
	// in time expressions; without one Extract has nothing to find.
	hot bool
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// letterAt reports whether a letter starts at s[i] and its width.
func letterAt(s string, i int) (bool, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return isASCIILetter(c), 1
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r), w
}

// scan splits s into words, numbers and punctuation. Words are runs of
// letters; numbers are runs of digits that may hold "," or "." between digits
// and may carry a letter suffix; everything else is one punctuation token per
// character, spaces dropped.
func (sc *scanner) scan(s string) []tok {
	toks := sc.toks[:0]
	sc.hot = false
	var buf [24]byte
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case isDigit(c):
			j := i
			val, sep := 0, false
			for j < len(s) {
				if isDigit(s[j]) {
					if val < 1e8 {
						val = val*10 + int(s[j]-'0')
					}
					j++
					continue
				}
				if (s[j] == ',' || s[j] == '.') && j+1 < len(s) && isDigit(s[j+1]) {
					sep = true
					j++
					continue
				}
				break
			}
			t := tok{s: i, e: j, kind: tNum, val: val, nd: j - i}
			if sep {
				t.val = -1
			}
			k := j
			for k < len(s) && isASCIILetter(s[k]) {
				k++
			}
			if k > j {
				// only the suffixes of ordinals, decades, quarters and
				// clock times stick to a number; other letters ("29T03",
				// "30kg") are words of their own
				suf := sufNone
				switch lower2(s[j:k]) {
				case "st", "nd", "rd", "th", "d":
					suf = sufOrd
				case "s":
					suf = sufS
				case "q":
					suf = sufQ
				case "am", "pm":
					suf = sufClock
				}
				if suf != sufNone {
					t.suf, t.e = suf, k
				}
			}
			toks = append(toks, t)
			sc.hot = true
			i = t.e
		default:
			ok, w := letterAt(s, i)
			if !ok {
				r := rune(c)
				if c >= utf8.RuneSelf {
					r, w = utf8.DecodeRuneInString(s[i:])
				}
				if r == '\u2019' || r == '\u2018' || r == '`' {
					r = '\''
				}
				toks = append(toks, tok{s: i, e: i + w, kind: tPunct, ch: r})
				i += w
				continue
			}
			j := i
			n := 0
			upper, lower := 0, 0
			for j < len(s) {
				ok, w := letterAt(s, j)
				if !ok {
					break
				}
				if w == 1 {
					b := s[j]
					if b >= 'A' && b <= 'Z' {
						upper++
						b += 'a' - 'A'
					} else {
						lower++
					}
					if n < len(buf) {
						buf[n] = b
					}
				} else if n < len(buf) {
					buf[n] = 0xff // never in the lexicon
				}
				n++
				j += w
			}
			t := tok{s: i, e: j, kind: tWord, cap: s[i] >= 'A' && s[i] <= 'Z', upper: upper > 0 && lower == 0}
			if n <= len(buf) {
				if l, ok := lexicon[string(buf[:n])]; ok {
					t.cls, t.val = l.cls, l.val
					sc.hot = sc.hot || hotClass[l.cls]
				}
			}
			toks = append(toks, t)
			i = j
		}
	}
	next := len(toks)
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].kind == tNum || toks[k].kind == tWord && hotClass[toks[k].cls] {
			next = k
		}
		toks[k].hot = next
	}
	sc.toks = toks
	return toks
}

// lower2 lower-cases a short ASCII suffix without allocating for the common
// lower-case case.
func lower2(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b := []byte(s)
			for k := range b {
				if b[k] >= 'A' && b[k] <= 'Z' {
					b[k] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
