package names

// Matching tolerates the spelling noise that the key does not absorb:
// a part matches another when their keys are equal, or when the keys are
// within a small weighted edit distance and the folded spellings agree
// closely enough that the vowels, which the key of a long word drops, are
// not what tells the two apart.
//
// Key edits cost halves of an edit:
//
//   - a substitution between consonant classes that transliterations swap
//     (see near), a transposition of two neighbouring consonants (Akram,
//     Arkam; UNRWA, Unwra), the loss of a weak consonant inside the word
//     (k, which holds h: Ibrahima, Ibraima; v, which holds w and u:
//     Moallem, Moualem), or a change to the vowel start (Uladzimir,
//     Vladimir; Hamdouni, Amdouni): one half;
//   - any other insertion, deletion or substitution: two halves.
//
// A key with c consonants absorbs (c-1)/2 halves when c >= 3 (one half for
// 3 or 4 consonants, two for 5 or 6, three for 7 or 8, ...); a key of at
// most two consonants keeps its vowels and must be equal, as short names
// differ in single sounds (Tom, Tim; Lin, Lim; Sun, Sung). When the folded
// spellings have a Jaro-Winkler similarity of at least closeJW, one more
// full edit is absorbed, which covers typos that the key amplifies
// (Guberek, Guberex; Stiapan, Stsiapan). No fuzzy match is made below
// floorJW, so that keys that meet only because their vowels were dropped
// (Putin, Biden: ptn, btn) stay apart.

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
// close by the rules of Match ("Gurbanguly", "Gurbanguli"; "Mikalayevich",
// "Nikolaevich"), or they are equal after a joined Arabic article
// ("Elkaddafi", "Gaddafi") or an initial h before a vowel ("Haroun",
// "Aroun") is set aside. Distinct common surnames do not match ("Putin",
// "Biden"; "Belousov", "Blinov"), nor do names of at most two consonants
// whose keys differ ("Tom", "Tim"). Like TokenKey, TokenMatch reads the
// letters of each argument as one part and drops no title or particle.
// TokenMatch is symmetric; it is false when either argument has no
// letters.
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
	if partsMatch(a, b, false) {
		return true
	}
	// A dropped initial h ("Haroun", "Aroun") or joined article
	// ("Elkaddafi", "Gaddafi"; "Alzahrani", "Zahrani"). The rest must pass
	// the spelling check even when its key is equal, since setting letters
	// aside makes keys meet more easily.
	ha, hb := dropH(a), dropH(b)
	switch {
	case ha != nil && hb == nil && isVowel(b[0]) && partsMatch(ha, b, true):
		return true
	case hb != nil && ha == nil && isVowel(a[0]) && partsMatch(a, hb, true):
		return true
	}
	aa, ab := dropArticle(a), dropArticle(b)
	switch {
	case aa != nil && ab == nil && partsMatch(aa, b, true):
		return true
	case ab != nil && aa == nil && partsMatch(a, ab, true):
		return true
	}
	return false
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

// partsMatch reports whether the folded parts a and b have equal keys or
// keys within the tolerance described at the top of this file. With
// checkSpelling, equal keys must also pass the spelling floor.
func partsMatch(a, b []byte, checkSpelling bool) bool {
	if string(a) == string(b) {
		return true
	}
	var keyA, keyB [64]byte
	ka := appendTokenKey(keyA[:0], a)
	kb := appendTokenKey(keyB[:0], b)
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

// subCost returns the cost in halves of substituting the class y at index
// j of one key for x at index i of the other.
func subCost(x, y byte, i, j int) int {
	switch {
	case x == y:
		return 0
	case near(x, y):
		return 1
	case i == 0 && j == 0 && (x == 'a' && vowelStart(y) || y == 'a' && vowelStart(x)):
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
	var rows [3][maxKey + 1]int
	prev2, prev, cur := rows[0][:len(b)+1], rows[1][:len(b)+1], rows[2][:len(b)+1]
	prev[0] = 0
	for j := 1; j <= len(b); j++ {
		prev[j] = prev[j-1] + indelCost(b, j-1)
	}
	prevMin := 0
	for i := 1; i <= len(a); i++ {
		cur[0] = prev[0] + indelCost(a, i-1)
		curMin := cur[0]
		for j := 1; j <= len(b); j++ {
			x, y := a[i-1], b[j-1]
			d := prev[j-1] + subCost(x, y, i-1, j-1)
			d = min(d, prev[j]+indelCost(a, i-1), cur[j-1]+indelCost(b, j-1))
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
// folded, so mostly ASCII. Words longer than maxWord bytes give 0.
func jaroWinklerBytes(a, b []byte) float64 {
	const maxWord = 64
	if len(a) > len(b) || len(a) == len(b) && string(a) > string(b) {
		a, b = b, a
	}
	if len(a) == 0 || len(b) > maxWord {
		return 0
	}
	window := max(len(b)/2-1, 0)
	var matchedA, matchedB [maxWord]bool
	matches := 0
	for i, c := range a {
		lo, hi := max(0, i-window), min(len(b), i+window+1)
		for j := lo; j < hi; j++ {
			if !matchedB[j] && b[j] == c {
				matchedA[i], matchedB[j] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	transposed, j := 0, 0
	for i, c := range a {
		if !matchedA[i] {
			continue
		}
		for !matchedB[j] {
			j++
		}
		if c != b[j] {
			transposed++
		}
		j++
	}
	m := float64(matches)
	jaro := (m/float64(len(a)) + m/float64(len(b)) + (m-float64(transposed)/2)/m) / 3
	if jaro <= 0.7 {
		return jaro
	}
	prefix := 0
	for prefix < 4 && prefix < len(a) && a[prefix] == b[prefix] {
		prefix++
	}
	return jaro + float64(prefix)*0.1*(1-jaro)
}
