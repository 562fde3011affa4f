package names

import (
	"unicode/utf8"
)

// word is one word of a folded name: bytes lo..hi of the folded buffer.
type word struct {
	lo, hi int
	hyphen bool // the word is joined to the next one by a hyphen
}

// split folds name into buf and returns its words. Words are separated by
// anything that is not a letter, a combining mark or an apostrophe;
// apostrophes and marks inside or around a word are dropped ("Sa'id" is
// one word "said").
func split(name string, buf []byte, words []word) ([]byte, []word) {
	in := false
	lo := 0
	for i := 0; i < len(name); {
		r, c := rune(name[i]), classOther
		if r < utf8.RuneSelf {
			c = asciiClass[r]
			i++
			if c == classLetter {
				if !in {
					in, lo = true, len(buf)
				}
				buf = append(buf, lowerASCII[r])
				continue
			}
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(name[i:])
			i += size
			c = classify(r)
		}
		switch c {
		case classLetter:
			if !in {
				in, lo = true, len(buf)
			}
			buf = appendFolded(buf, r)
		case classMark, classApostrophe:
		case classHyphen:
			if in {
				words = append(words, word{lo: lo, hi: len(buf), hyphen: true})
				in = false
			}
		default:
			if in {
				words = append(words, word{lo: lo, hi: len(buf)})
				in = false
			}
		}
	}
	if in {
		words = append(words, word{lo: lo, hi: len(buf)})
	}
	return buf, words
}

// lowerASCII maps an ASCII byte to lower case.
var lowerASCII = func() (t [utf8.RuneSelf]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] += 'a' - 'A'
		}
	}
	return t
}()

// asciiClass is classify for ASCII runes.
var asciiClass = func() (t [utf8.RuneSelf]runeClass) {
	for r := range t {
		t[r] = classify(rune(r))
	}
	return t
}()

// kind says what a word can be besides a name part.
type kind uint8

const (
	title      kind = 1 << iota // an honorific, rank or office before a name: Dr., General
	suffix                      // a generation or degree after a name: Jr., III
	article                     // the Arabic article, dropped anywhere: al-, el-
	sunArticle                  // the Arabic article assimilated to the next consonant: ash-, ad-, ur-
	particle                    // "son of", "daughter of" and ul between parts: bin, ibn, ben
)

// kinds lists the words that Parts may drop.
var kinds = func() map[string]kind {
	m := map[string]kind{}
	add := func(k kind, words ...string) {
		for _, w := range words {
			m[w] |= k
		}
	}
	add(title,
		"mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "sir", "dame", "lord",
		"lady", "madam", "madame", "mme", "mlle", "monsieur", "herr", "frau", "senor", "senora",
		"gen", "general", "lt", "lieut", "lieutenant", "col", "colonel", "maj", "major", "capt",
		"captain", "cmdr", "commander", "adm", "admiral", "brig", "brigadier", "sgt", "sergeant",
		"cpl", "corporal", "pvt", "private", "marshal", "field", "commodore",
		"president", "pres", "vice", "prime", "minister", "premier", "chancellor", "secretary",
		"deputy", "foreign", "defence", "defense", "sen", "senator", "rep", "representative",
		"gov", "governor", "mayor", "ambassador", "amb", "judge", "justice", "chief", "former",
		"acting", "king", "queen", "prince", "princess", "emperor", "sultan", "emir", "crown",
		"pope", "rev", "reverend", "fr", "father", "bishop", "archbishop", "cardinal", "rabbi",
		"imam", "ayatollah", "sheikh", "shaikh", "shaykh", "sheik", "hajji", "haji", "hadji",
		"mullah", "mulla", "mawlawi", "maulvi", "maulana", "mufti", "eng", "engineer",
	)
	add(suffix, "jr", "junior", "sr", "senior", "ii", "iii", "iv", "phd", "esq")
	add(article, "al", "el")
	add(sunArticle,
		"ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az",
		"ud", "udh", "un", "ur", "us", "ush", "ut", "uth", "uz",
	)
	add(particle, "bin", "ibn", "ben", "bint", "binti", "bte", "binte", "ul")
	return m
}()

// kindOf returns the kind of the folded word w; 0 for a plain name part.
func kindOf(w []byte) kind {
	if len(w) > len("archbishop") {
		return 0
	}
	return kinds[string(w)]
}

// normalize appends to out the words that are name parts: it drops
// leading titles and trailing suffixes (as long as a word remains), the
// Arabic article, the assimilated article when the next word starts with
// its consonant (after a hyphen, or anywhere but first), and particles
// between parts; it splits "Abd al-" compounds. buf holds the folded
// letters.
func normalize(buf []byte, words, out []word) []word {
	text := func(w word) []byte { return buf[w.lo:w.hi] }
	for len(words) > 1 && kindOf(text(words[0]))&title != 0 {
		words = words[1:]
	}
	for len(words) > 1 && kindOf(text(words[len(words)-1]))&suffix != 0 {
		words = words[:len(words)-1]
	}
	last := len(words) - 1
	for i, w := range words {
		t := text(w)
		if k := kindOf(t); k != 0 {
			switch {
			case k&article != 0 && last > 0:
				continue
			case k&particle != 0 && i > 0 && i < last:
				continue
			case k&sunArticle != 0 && i < last && (w.hyphen || i > 0) &&
				hasPrefix(text(words[i+1]), t[1:]):
				continue
			}
		}
		if len(t) > 3 && t[0] == 'a' && t[1] == 'b' && t[2] == 'd' {
			if rest := abdRest(t[3:]); rest >= 0 {
				out = append(out, word{lo: w.lo, hi: w.lo + 3})
				if rest < len(t)-3 {
					out = append(out, word{lo: w.lo + 3 + rest, hi: w.hi, hyphen: w.hyphen})
				}
				continue
			}
		}
		out = append(out, w)
	}
	return out
}

// abdRest reports where the name after "Abd" starts in t, the letters that
// follow "abd" in a word: after "ul" of "Abdul" (len(t), nothing follows),
// "ul" of "Abdulaziz" (2), "ur" of "Abdurrahman" (2), "i" of "Abdikadir"
// (1), at once in "Abdrabbah" (0). It returns -1 when the word is not such
// a compound ("Abdi", "Abdo").
func abdRest(t []byte) int {
	vowel := func(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }
	switch {
	case len(t) == 2 && vowel(t[0]) && (t[1] == 'l' || t[1] == 'r' || t[1] == 's' || t[1] == 'n'): // abdul, abdel, abdur
		return 2
	case len(t) == 3 && t[0] == 'o' && t[1] == 'u' && t[2] == 'l': // abdoul
		return 3
	case len(t) >= 4 && vowel(t[0]) && t[1] == 'l': // abdulaziz, abdullah
		return 2
	case len(t) >= 5 && t[0] == 'o' && t[1] == 'u' && t[2] == 'l': // abdoulaye
		return 3
	case len(t) >= 4 && vowel(t[0]) && !vowel(t[1]) && t[1] == t[2]: // abdurrahman
		return 2
	case len(t) >= 4 && vowel(t[0]) && !vowel(t[1]) && vowel(t[2]): // abdurahman, abdikadir
		return 1
	case len(t) >= 4 && !vowel(t[0]) && vowel(t[1]): // abdrabbah
		return 0
	}
	return -1
}

func hasPrefix(b, prefix []byte) bool {
	return len(b) >= len(prefix) && string(b[:len(prefix)]) == string(prefix)
}

// Parts returns the parts of name in order after folding (see Fold) and
// normalisation: leading titles ("Dr.", "President", "Gen."), trailing
// suffixes ("Jr.", "III"), the Arabic article ("al-", "el-", "ash-" before
// "Sh...") and patronymic particles between parts ("bin", "ibn", "ben") are
// dropped, hyphens and white space separate parts, apostrophes vanish, and
// "Abdul"/"Abd al-" compounds become "abd" plus the rest ("Abdulaziz" is
// "abd", "aziz"). A name made only of titles keeps them. Parts returns nil
// for a name with no letters.
func Parts(name string) []string {
	var bufArr [128]byte
	var wordArr [16]word
	var partArr [16]word
	buf, words := split(name, bufArr[:0], wordArr[:0])
	words = normalize(buf, words, partArr[:0])
	if len(words) == 0 {
		return nil
	}
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = string(buf[w.lo:w.hi])
	}
	return parts
}

// Key returns the name key of name: the TokenKey of each of its Parts,
// joined by single spaces in order, so titles, suffixes and particles play
// no part ("President Emomali Rahmon" and "Emomali Rahmon" share a key).
// Spellings of one name in different transliterations share a key
// ("Emomali Rakhmon" and "Emomali Rahmon", "Muammar Gaddafi" and "Moammar
// al-Qaddafi"), while names that sound different keep different keys; see
// the package comment for names that sound alike. Key returns "" for a
// name with no letters.
func Key(name string) string {
	var bufArr [128]byte
	var wordArr [16]word
	var keyArr [128]byte
	var partArr [16]word
	buf, words := split(name, bufArr[:0], wordArr[:0])
	words = normalize(buf, words, partArr[:0])
	key := keyArr[:0]
	for i, w := range words {
		if i > 0 {
			key = append(key, ' ')
		}
		key = appendTokenKey(key, buf[w.lo:w.hi])
	}
	return string(key)
}

// TokenKey returns the key of one name part, as used by Key: "Rahmon" and
// "Rakhmon" both give "rkmn". word is folded first; its letters are read as
// one part even if word holds spaces, hyphens or other separators, which
// are skipped, and no title or particle is dropped (pass the Parts of a
// name for that). TokenKey returns "" when word has no letters.
func TokenKey(word string) string {
	var bufArr [64]byte
	var keyArr [64]byte
	buf := bufArr[:0]
	for _, r := range word {
		if classify(r) == classLetter {
			buf = appendFolded(buf, r)
		}
	}
	return string(appendTokenKey(keyArr[:0], buf))
}
