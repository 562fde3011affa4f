package names

import (
	"unicode"
	"unicode/utf8"
)

// cyrillicFold transliterates U+0400..U+045F to lower-case ASCII with the
// conventions English-language news uses for Russian, Ukrainian, Belarusian,
// Serbian and Macedonian names (ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ю yu,
// я ya; soft and hard signs vanish).
var cyrillicFold = [...]string{
	// Ѐ Ё Ђ Ѓ Є Ѕ І Ї Ј Љ Њ Ћ Ќ Ѝ Ў Џ
	"e", "e", "dj", "gj", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "kj", "i", "u", "dz",
	// А..Я
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
	// а..я
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
	// ѐ ё ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ
	"e", "e", "dj", "gj", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "kj", "i", "u", "dz",
}

// runeClass says how name processing treats a rune.
type runeClass uint8

const (
	classOther      runeClass = iota // punctuation, digits, symbols: a word boundary
	classSpace                       // white space: a word boundary
	classLetter                      // a letter, folded by appendFolded
	classMark                        // a combining mark: dropped, the word goes on
	classApostrophe                  // an apostrophe or ayn/hamza sign: dropped inside a word
	classHyphen                      // a hyphen or dash
)

// classify returns the class of r.
func classify(r rune) runeClass {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
			return classLetter
		case r == ' ', r == '\t', r == '\n', r == '\r', r == '\v', r == '\f':
			return classSpace
		case r == '\'', r == '`':
			return classApostrophe
		case r == '-':
			return classHyphen
		}
		return classOther
	}
	switch r {
	case '\u2018', '\u2019', '\u201B', '\u00B4', '\u02B9', '\u02BB', '\u02BC', '\u02BD',
		'\u02BE', '\u02BF', '\u02C8', '\u2032':
		return classApostrophe
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\u00AD':
		return classHyphen
	}
	switch {
	case unicode.IsLetter(r):
		return classLetter
	case unicode.Is(unicode.Mn, r):
		return classMark
	case unicode.IsSpace(r):
		return classSpace
	}
	return classOther
}

// appendFolded appends the lower-case ASCII spelling of the letter r to dst.
// A letter with no ASCII spelling (Greek, Arabic, CJK, ...) is appended
// lower-cased as UTF-8.
func appendFolded(dst []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	case 0xC0 <= r && r <= 0x24F:
		if s := latinFold[r-0xC0]; s != "" {
			return append(dst, s...)
		}
	case 0x400 <= r && r <= 0x45F:
		return append(dst, cyrillicFold[r-0x400]...)
	case r == 0x490 || r == 0x491: // Ґ ґ
		return append(dst, 'g')
	case 0x1E00 <= r && r <= 0x1EFF:
		if s := latinAdditionalFold[r-0x1E00]; s != "" {
			return append(dst, s...)
		}
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// Fold returns s in lower case with Latin diacritics removed and Cyrillic
// transliterated, so "Zelenskyy", "ZELENSKYY" and "Зеленський" fold to
// plain ASCII letters ("zelenskyy", "zelenskyy", "zelenskiy"). Letters such
// as æ, ø, ß and ł are spelt out ("ae", "o", "ss", "l"). Typographic
// apostrophes and dashes become ASCII ' and -, non-ASCII white space a
// single ' ', and combining marks are dropped; ASCII punctuation, digits
// and white space, and letters of scripts with no ASCII spelling
// (lower-cased), are kept as they are. Fold("") is "". A string that is already lower-case ASCII is
// returned without copying.
func Fold(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			break
		}
		i++
	}
	if i == len(s) {
		return s
	}
	buf := make([]byte, i, len(s)+8)
	copy(buf, s[:i])
	for _, r := range s[i:] {
		if r < utf8.RuneSelf {
			buf = appendFolded(buf, r)
			continue
		}
		switch classify(r) {
		case classLetter:
			buf = appendFolded(buf, r)
		case classMark:
		case classApostrophe:
			buf = append(buf, '\'')
		case classHyphen:
			buf = append(buf, '-')
		case classSpace:
			buf = append(buf, ' ')
		default:
			buf = utf8.AppendRune(buf, r)
		}
	}
	return string(buf)
}
