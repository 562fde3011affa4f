package names

// Matching tolerates the spelling noise that the key does not absorb (see
// the package comment for the rules). Key edits are counted in halves of
// an edit, so that the swaps transliterations make cost less than typos:
// subCost, indelCost and a swap of neighbours say what each edit costs,
// and partsMatch how many halves a key of a given length absorbs. The
// spelling floor keeps apart keys that meet only because the key of a
// long word drops its vowels (Putin, Biden: ptn, btn).
//
// The budget is kept below one full edit for keys of 3 or 4 consonants:
// one full edit there joins common names that differ in one sound (Karim,
// Kazim, Kalim; Nasir, Nasim; Rahim, Rahman; Petrov, Petkov; Austria,
// Australia), while the transliteration swaps that a half edit admits
// rarely separate two names of that length.

const (
	// floorJW is the folded-spelling Jaro-Winkler similarity below which
	// two parts with different keys never match.
	floorJW = 0.80
	// closeJW is the similarity at and above which one more full key edit
	// is absorbed.
	closeJW = 0.95
	// jwSlack absorbs rounding in the Jaro-Winkler sums, so that a
	// similarity that is exactly a threshold on paper reaches it.
	jwSlack = 1e-9
	// minArticleRest is the least number of letters that must follow a
	// joined article ("Elkaddafi") for it to be read as one.
	minArticleRest = 4
)

// Match reports whether the written names a and b are the same name,
// tolerant of transliteration and spelling noise: both must have the same
// number of Parts, and each part must match the part in the same position
// by TokenMatch. Titles, suffixes, particles and the Arabic article play no
// part ("President Emomali Rahmon" matches "Emomali Rakhmon"), but order
// does, and a name never matches a shorter form of itself ("Rahmon" does
// not match "Emomali Rahmon": compare surnames with TokenMatch), nor a name
// with another given name and the same surname ("Kim Jong Un" and "Kim
// Chol"). Match is symmetric; it is false when either name has no letters,
// so two empty names do not match.
func Match(a, b string) bool {
	var bufA, bufB [128]byte
	var wordsA, wordsB, partsA, partsB [16]word
	ba, wa := split(a, bufA[:0], wordsA[:0])
	pa := normalize(ba, wa, partsA[:0])
	bb, wb := split(b, bufB[:0], wordsB[:0])
	pb := normalize(bb, wb, partsB[:0])
	if len(pa) == 0 || len(pa) != len(pb) {
		return false
	}
	for i := range pa {
		if !tokenMatch(ba[pa[i].lo:pa[i].hi], bb[pb[i].lo:pb[i].hi]) {
			return false
		}
	}
	return true
}

// TokenMatch reports whether a and b are spellings of one name part, such
// as two surnames: their TokenKeys are equal ("Rahmon", "Rakhmon"), or
// close by the rules of the package comment ("Severodonetsk",
// "Sievjerodonetsk"; "Mikalayevich", "Nikolaevich"), or they are so after
// a joined Arabic article ("Elkaddafi", "Gaddafi") or an initial h before
// a vowel ("Haroun", "Aroun") is set aside, or after a Belarusian final
// -au, -eu or -ou is read as the Russian -ov or -ev of the other
// ("Rybakou", "Rybakov"). Distinct common surnames do not match ("Putin",
// "Biden"; "Belousov", "Blinov"), nor do names of at most two consonants
// whose keys differ ("Tom", "Tim"), nor, unless their keys are equal, a
// name and a longer name that starts with it ("Rustam", "Rustamov"). Like TokenKey, TokenMatch reads
// the letters of each argument as one part and drops no title or
// particle. TokenMatch is symmetric; it is false when either argument has
// no letters.
func TokenMatch(a, b string) bool {
	var bufA, bufB [64]byte
	return tokenMatch(appendLetters(bufA[:0], a), appendLetters(bufB[:0], b))
}

// appendLetters appends the folded letters of s to dst, skipping
// everything else.
func appendLetters(dst []byte, s string) []byte {
	for _, r := range s {
		if classify(r) == classLetter {
			dst = appendFolded(dst, r)
		}
	}
	return dst
}

// tokenMatch is TokenMatch for the folded parts a and b.
func tokenMatch(a, b []byte) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if string(a) == string(b) {
		return true
	}
	var keyA, keyB, keyRest [64]byte
	ka := appendTokenKey(keyA[:0], a)
	kb := appendTokenKey(keyB[:0], b)
	if partsMatch(a, ka, b, kb, false) {
		return true
	}
	// A dropped initial h ("Haroun", "Aroun") or joined article
	// ("Elkaddafi", "Gaddafi"; "Alzahrani", "Zahrani"). The rest must pass
	// the spelling check even when its key is equal, since setting letters
	// aside makes keys meet more easily.
	ha, hb := dropH(a), dropH(b)
	switch {
	case ha != nil && isVowel(b[0]):
		if partsMatch(ha, appendTokenKey(keyRest[:0], ha), b, kb, true) {
			return true
		}
	case hb != nil && isVowel(a[0]):
		if partsMatch(a, ka, hb, appendTokenKey(keyRest[:0], hb), true) {
			return true
		}
	}
	aa, ab := dropArticle(a), dropArticle(b)
	switch {
	case aa != nil && ab == nil:
		if partsMatch(aa, appendTokenKey(keyRest[:0], aa), b, kb, true) {
			return true
		}
	case ab != nil && aa == nil:
		if partsMatch(a, ka, ab, appendTokenKey(keyRest[:0], ab), true) {
			return true
		}
	}
	// The Belarusian ending for the Russian -ov, -ev ("Barsukou",
	// "Barsukov"; "Karaeu", "Karaev").
	var spelt [64]byte
	switch {
	case endsInVowelU(a) && endsInVowelV(b) && len(a) <= len(spelt):
		va := append(spelt[:0], a...)
		va[len(va)-1] = 'v'
		return partsMatch(va, appendTokenKey(keyRest[:0], va), b, kb, false)
	case endsInVowelU(b) && endsInVowelV(a) && len(b) <= len(spelt):
		vb := append(spelt[:0], b...)
		vb[len(vb)-1] = 'v'
		return partsMatch(a, ka, vb, appendTokenKey(keyRest[:0], vb), false)
	}
	return false
}

// endsInVowelU reports whether w ends in au, eu or ou, the Belarusian
// spelling of a final -ov or -ev.
func endsInVowelU(w []byte) bool {
	n := len(w)
	return n > 3 && w[n-1] == 'u' && (w[n-2] == 'a' || w[n-2] == 'e' || w[n-2] == 'o')
}

// endsInVowelV reports whether w ends in a vowel and v or w.
func endsInVowelV(w []byte) bool {
	n := len(w)
	return n > 3 && (w[n-1] == 'v' || w[n-1] == 'w') && isVowel(w[n-2])
}

// dropH returns w without its initial h when a vowel follows it, or nil.
func dropH(w []byte) []byte {
	if len(w) > 2 && w[0] == 'h' && isVowel(w[1]) {
		return w[1:]
	}
	return nil
}

// dropArticle returns w without a joined Arabic article al or el when at
// least minArticleRest letters follow it, or nil.
func dropArticle(w []byte) []byte {
	if len(w) >= 2+minArticleRest && (w[0] == 'a' || w[0] == 'e') && w[1] == 'l' {
		return w[2:]
	}
	return nil
}

// partsMatch reports whether the folded parts a and b, whose keys are ka
// and kb, have equal keys, or keys within the tolerance of the package
// comment: a Jaro-Winkler similarity of at least floorJW, neither part a
// prefix of the other, and a keyDistance of at most (c-1)/2 halves for the
// c >= 3 consonants of the shorter key, two halves more at closeJW. With
// checkSpelling, equal keys must also pass the spelling floor.
func partsMatch(a, ka, b, kb []byte, checkSpelling bool) bool {
	equal := string(ka) == string(kb)
	if equal && !checkSpelling {
		return true
	}
	jw := jaroWinklerBytes(a, b)
	if jw < floorJW-jwSlack {
		return false
	}
	if equal {
		return true
	}
	if hasPrefix(a, b) || hasPrefix(b, a) {
		return false // a derived name: Rustam, Rustamov; Donets, Donetsk
	}
	if !isASCII(ka) || !isASCII(kb) {
		return false // letters of other scripts: only equal keys
	}
	c := min(consonants(ka), consonants(kb))
	if c <= 2 {
		return false
	}
	limit := (c - 1) / 2
	if jw >= closeJW-jwSlack {
		limit += 2
	}
	return keyDistance(ka, kb, limit) <= limit
}

// isASCII reports whether b holds only ASCII bytes.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// consonants returns the number of consonant classes in the key k.
func consonants(k []byte) int {
	n := 0
	for _, c := range k {
		if !isVowel(c) {
			n++
		}
	}
	return n
}

// near reports whether the consonant classes x and y are ones that
// transliterations and spellings of a name swap but the key keeps apart:
//
//   - b and p (Arabic has no p, Korean Bong and Pong), b and v (Spanish
//     Carbajal and Carvajal), f and p (Thai and Malay ph and p, Zulkifli and
//     Zulkepli), f and v (final devoicing: Adanov and Adanof);
//   - s and the hushing x (Indonesian sy, Turkish s for ş: Resit and
//     Reshit);
//   - k and x (g and j: Gibran and Jibran; ch read as k or tsh);
//   - t and s (Arabic th, dh and z: Kadhim and Kazim, Harith and Haris);
//   - t and x (d and dj: Djamel and Damel);
//   - m and n, which assimilate (Belarusian Mikalay, Russian Nikolay);
//   - x and y (j read as y or dzh: Janeth and Yaneth).
func near(x, y byte) bool {
	if x > y {
		x, y = y, x
	}
	switch x {
	case 'b':
		return y == 'p' || y == 'v'
	case 'f':
		return y == 'p' || y == 'v'
	case 'k':
		return y == 'x'
	case 'm':
		return y == 'n'
	case 's':
		return y == 't' || y == 'x'
	case 't':
		return y == 'x'
	case 'x':
		return y == 'y'
	}
	return false
}

// nearMask has bit y-'a' of nearMask[x] set when near(x, y), for the
// lower-case classes; the final ng class N is near nothing.
var nearMask = func() (m [128]uint32) {
	for x := byte('a'); x <= 'z'; x++ {
		for y := byte('a'); y <= 'z'; y++ {
			if near(x, y) {
				m[x] |= 1 << (y - 'a')
			}
		}
	}
	return m
}()

// vowelStart reports whether c, the first class of a key, may stand for
// the vowel start of another spelling: the initial h that French and
// Spanish spellings drop (k), the y of an initial Ye (y) and the
// Belarusian ў (v).
func vowelStart(c byte) bool { return c == 'k' || c == 'y' || c == 'v' }

// indelCost returns the cost in halves of inserting or deleting the class
// at index i of key k: half for the vowel start 'a' and for a weak
// consonant inside the key (k, v, y; not at either end, so that Rustam
// and Rustamov, Donets and Donetsk stay apart), two halves otherwise.
func indelCost(k []byte, i int) int {
	c := k[i]
	switch {
	case i == 0 && c == 'a':
		return 1
	case i > 0 && i < len(k)-1 && (c == 'k' || c == 'v' || c == 'y'):
		return 1
	}
	return 2
}

// subCost returns the cost in halves of substituting y for x, where first
// says both are the first class of their keys.
func subCost(x, y byte, first bool) int {
	switch {
	case x == y:
		return 0
	case x < 128 && y >= 'a' && nearMask[x]>>(y-'a')&1 != 0:
		return 1
	case first && (x == 'a' && vowelStart(y) || y == 'a' && vowelStart(x)):
		return 1
	}
	return 2
}

// maxKey is the longest key keyDistance compares; longer keys are too far
// apart to match.
const maxKey = 48

// keyDistance returns the weighted edit distance between the keys a and b
// in halves of an edit (an optimal string alignment distance with the
// costs of indelCost, subCost and one half for swapping two neighbouring
// classes). It stops early and returns limit+1 once the distance must
// exceed limit.
func keyDistance(a, b []byte, limit int) int {
	if len(a) > maxKey || len(b) > maxKey {
		return limit + 1
	}
	var delA, insB [maxKey]int
	for i := range a {
		delA[i] = indelCost(a, i)
	}
	for j := range b {
		insB[j] = indelCost(b, j)
	}
	var rows [3][maxKey + 1]int
	prev2, prev, cur := rows[0][:len(b)+1], rows[1][:len(b)+1], rows[2][:len(b)+1]
	for j := 1; j <= len(b); j++ {
		prev[j] = prev[j-1] + insB[j-1]
	}
	prevMin := 0
	for i := 1; i <= len(a); i++ {
		x, del := a[i-1], delA[i-1]
		var nearX uint32
		if x < 128 {
			nearX = nearMask[x]
		}
		cur[0] = prev[0] + del
		curMin := cur[0]
		for j := 1; j <= len(b); j++ {
			y := b[j-1]
			sub := 2 // subCost, inlined
			switch {
			case x == y:
				sub = 0
			case y >= 'a' && nearX>>(y-'a')&1 != 0:
				sub = 1
			case i == 1 && j == 1:
				sub = subCost(x, y, true)
			}
			d := min(prev[j-1]+sub, prev[j]+del, cur[j-1]+insB[j-1])
			if i > 1 && j > 1 && x != y && x == b[j-2] && a[i-2] == y {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			curMin = min(curMin, d)
		}
		// A transposition reaches back two rows, so both must be over.
		if curMin > limit && prevMin > limit {
			return limit + 1
		}
		prevMin = curMin
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// jaroWinklerBytes is jaroWinkler over the bytes of a and b, which are
// folded, so mostly ASCII, without allocating. Words longer than maxWord
// bytes give 0.
func jaroWinklerBytes(a, b []byte) float64 {
	const maxWord = 64
	if len(a) > len(b) || len(a) == len(b) && string(a) > string(b) {
		a, b = b, a
	}
	if len(a) == 0 || len(b) > maxWord {
		return 0
	}
	var matchedA, matchedB [maxWord]bool
	return jaroWinklerOf(a, b, matchedA[:len(a)], matchedB[:len(b)])
}
