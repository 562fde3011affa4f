package names

// The tables below fold Latin letters with diacritics to their lower-case
// ASCII base letters, following the canonical Unicode decompositions, and
// spell out letters that have no decomposition (æ, ø, ß, ł, þ, ...) the way
// English text usually writes them. An empty entry marks a rune that is not
// a Latin letter (×, ÷) or has no usual ASCII spelling.

// latinFold covers U+00C0..U+024F (Latin-1 Supplement, Latin Extended-A and -B).
var latinFold = [...]string{
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o",
	"o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss", "a", "a", "a", "a", "a", "a",
	"ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o",
	"u", "u", "u", "u", "y", "th", "y", "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c",
	"c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g",
	"g", "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", "i", "i",
	"ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l", "n", "n",
	"n", "n", "n", "n", "n", "ng", "ng", "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r", "r", "r",
	"r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u",
	"u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z",
	"z", "s", "b", "b", "b", "b", "", "", "o", "", "", "d", "d", "d", "d", "", "e", "e", "e", "f",
	"f", "g", "", "", "", "i", "k", "k", "l", "", "", "n", "n", "o", "o", "o", "", "", "p", "p", "",
	"", "", "", "", "t", "t", "t", "t", "u", "u", "", "v", "y", "y", "z", "z", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "dz", "dz", "dz", "lj", "lj", "lj", "nj", "nj", "nj", "a", "a", "i",
	"i", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "e", "a", "a", "a", "a", "ae",
	"ae", "g", "g", "g", "g", "k", "k", "o", "o", "o", "o", "", "", "j", "dz", "dz", "dz", "g", "g",
	"", "", "n", "n", "a", "a", "ae", "ae", "o", "o", "a", "a", "a", "a", "e", "e", "e", "e", "i",
	"i", "i", "i", "o", "o", "o", "o", "r", "r", "r", "r", "u", "u", "u", "u", "s", "s", "t", "t", "",
	"", "h", "h", "", "d", "", "", "z", "z", "a", "a", "e", "e", "o", "o", "o", "o", "o", "o", "o",
	"o", "y", "y", "l", "n", "t", "j", "", "", "a", "c", "c", "l", "t", "s", "z", "", "", "b", "u",
	"", "e", "e", "j", "j", "q", "q", "r", "r", "y", "y",
}

// latinAdditionalFold covers U+1E00..U+1EFF (Latin Extended Additional, used by Vietnamese).
var latinAdditionalFold = [...]string{
	"a", "a", "b", "b", "b", "b", "b", "b", "c", "c", "d", "d", "d", "d", "d", "d", "d", "d", "d",
	"d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "f", "f", "g", "g", "h", "h", "h", "h",
	"h", "h", "h", "h", "h", "h", "i", "i", "i", "i", "k", "k", "k", "k", "k", "k", "l", "l", "l",
	"l", "l", "l", "l", "l", "m", "m", "m", "m", "m", "m", "n", "n", "n", "n", "n", "n", "n", "n",
	"o", "o", "o", "o", "o", "o", "o", "o", "p", "p", "p", "p", "r", "r", "r", "r", "r", "r", "r",
	"r", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t", "t", "t",
	"u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "v", "v", "v", "v", "w", "w", "w", "w", "w",
	"w", "w", "w", "w", "w", "x", "x", "x", "x", "y", "y", "z", "z", "z", "z", "z", "z", "h", "t",
	"w", "y", "a", "s", "", "", "ss", "", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a",
	"a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "e", "e", "e", "e", "e", "e", "e",
	"e", "e", "e", "e", "e", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o", "o", "o",
	"o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "u",
	"u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "y", "y", "y", "y", "y", "y",
	"y", "y", "", "", "", "", "", "",
}
