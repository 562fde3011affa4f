package names

// The phonetic key of one word reduces its folded spelling to what
// transliterations of the same name keep in common:
//
//   - consonants fall into classes that transliteration systems swap
//     freely: k g q c(hard) ck kh gh h (Russian Kh and G for Arabic and
//     Persian H, Ukrainian H for Russian G, Libyan G for Q); t d th dh
//     (Turkish Ahmet/Ahmed, Arabic dh/th); s z ts tz c(soft) (Kuznetsov,
//     Kusnezow); sh zh sch ch j tch tsch dj dzh cz tx, the hushing sounds
//     (Shidko, Zhidko, Schidko, Jidko), except ch before r or l
//     (Christopher) and between a vowel and a consonant (Achmed, Rochman),
//     which is kh; f ph; v w; x is ks; a final ng stays apart from n (Wang,
//     Wan), p from b and f, b from v;
//   - letters that only mark a sound are dropped: h after most consonants
//     (Bhutto, Jhon), at the end of a word (Hawatmah) and before a
//     consonant at its start (Burmese Htun), the u of qu and gu before a
//     vowel (Marquez, Guillen), doubled consonants, the y of an initial ye
//     (Yevgeny, Evgeny);
//   - y, j, w and v that close a diphthong count as vowels (Husayn,
//     Sergej, Dawlat, Zimousky/Zimovsky), and French ou before a vowel is
//     w (Anouar, Anwar);
//   - vowels carry little, as transliterations disagree most about them:
//     a word with three or more consonants keeps only whether it starts
//     with a vowel (Mohammed, Muhammad; Aleksandr, Oleksandr); a word with
//     two consonants keeps each vowel run as back (o, u) or not, judged by
//     the run's first vowel or, at the end of the word, its last, so that
//     Salih, Saleh and Salah meet while Maria and Mario, Tom and Tim stay
//     apart; a word with at most one consonant keeps its vowels in three
//     classes (a; e i y; o u), so that Li, Lu and Liu stay apart.

// isVowel reports whether c is a vowel letter or a vowel class.
func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// isVowelY is isVowel that also counts y, for the letters around a
// semivowel.
func isVowelY(c byte) bool { return isVowel(c) || c == 'y' }

// vowelClass maps a vowel to its class: a; e, i; o, u.
func vowelClass(c byte) byte {
	switch c {
	case 'a':
		return 'a'
	case 'o', 'u':
		return 'u'
	}
	return 'i'
}

// phones appends to dst the sound classes of the folded word t: the
// consonant classes b f k l m n N (final ng) p r s t v x (hushing) y,
// bytes of other scripts unchanged, and the vowels a e i o u.
func phones(dst, t []byte) []byte {
	at := func(i int) byte {
		if i < len(t) {
			return t[i]
		}
		return 0
	}
	for i := 0; i < len(t); i++ {
		c, n := t[i], at(i+1)
		switch c {
		case 'a', 'e', 'i', 'u':
			dst = append(dst, c)
		case 'o':
			if n == 'u' && isVowel(at(i+2)) {
				dst, i = append(dst, 'v'), i+1 // French ou before a vowel: Anouar
			} else {
				dst = append(dst, c)
			}
		case 'y':
			switch {
			case i == 0 && n == 'e': // Yevgeny, Yelena: the Russian initial Е
			case i == 0 && isVowel(n):
				dst = append(dst, 'y')
			default:
				dst = append(dst, 'i')
			}
		case 'w', 'v':
			if i > 0 && isVowelY(t[i-1]) && n != 0 && !isVowelY(n) {
				dst = append(dst, 'u') // Dawlat, Zimousky/Zimovsky
			} else {
				dst = append(dst, 'v')
			}
		case 'j':
			switch {
			case i > 0 && n == 0 && (t[i-1] == 'i' || t[i-1] == 'y' || t[i-1] == 'e'):
				dst = append(dst, 'i') // Zelenskyj, Sergej
			case i > 0 && t[i-1] == 'l':
				dst = append(dst, 'i') // Serbian and Albanian lj: Anatoljevich
			default:
				dst = append(dst, 'x')
			}
		case 'h':
			// The h of a digraph went with its consonant. Otherwise h is
			// sounded at the start of a word before a vowel, after a vowel
			// unless it ends the word, and after l, m, n and r (Serhiy);
			// before a consonant at the start (Burmese Htun, Hla) and after
			// other consonants it is silent.
			switch {
			case i == 0:
				if isVowelY(n) {
					dst = append(dst, 'k')
				}
			case isVowelY(t[i-1]):
				if n != 0 {
					dst = append(dst, 'k')
				}
			case t[i-1] == 'l' || t[i-1] == 'm' || t[i-1] == 'n' || t[i-1] == 'r':
				dst = append(dst, 'k')
			}
		case 's':
			switch {
			case n == 'h':
				dst, i = append(dst, 'x'), i+1
			case n == 'c' && at(i+2) == 'h':
				dst, i = append(dst, 'x'), i+2
			default:
				dst = append(dst, 's')
			}
		case 'z':
			if n == 'h' {
				dst, i = append(dst, 'x'), i+1
			} else {
				dst = append(dst, 's')
			}
		case 'c':
			switch {
			case n == 'h' && (at(i+2) == 'r' || at(i+2) == 'l'):
				dst, i = append(dst, 'k'), i+1 // Christopher
			case n == 'h' && i > 0 && isVowelY(t[i-1]) && at(i+2) != 0 && !isVowelY(at(i+2)):
				dst, i = append(dst, 'k'), i+1 // German, Dutch, Indonesian ch: Achmed, Rochman
			case n == 'h' || n == 'z':
				dst, i = append(dst, 'x'), i+1
			case n == 'k':
				dst, i = append(dst, 'k'), i+1
			case n == 'e' || n == 'i' || n == 'y':
				dst = append(dst, 's')
			default:
				dst = append(dst, 'k')
			}
		case 'g':
			switch {
			case n == 'h':
				dst, i = append(dst, 'k'), i+1
			case n == 'u' && (at(i+2) == 'e' || at(i+2) == 'i'):
				dst, i = append(dst, 'k'), i+1 // Guillen, Miguel
			default:
				dst = append(dst, 'k')
			}
		case 'k':
			if n == 'h' {
				i++
			}
			dst = append(dst, 'k')
		case 'q':
			if n == 'u' && isVowel(at(i+2)) {
				i++ // Marquez
			}
			dst = append(dst, 'k')
		case 'p':
			if n == 'h' {
				dst, i = append(dst, 'f'), i+1
			} else {
				dst = append(dst, 'p')
			}
		case 't':
			switch n {
			case 'h':
				dst, i = append(dst, 't'), i+1
			case 'x':
				dst, i = append(dst, 'x'), i+1 // Basque tx: Bengoetxea
			default:
				dst = append(dst, 't')
			}
		case 'd':
			if n == 'h' || (n == 'z' && at(i+2) != 'h') {
				i++ // dh; Belarusian dz: Dzmitry, Vadzim
			}
			dst = append(dst, 't')
		case 'x':
			dst = append(dst, 'k', 's')
		case 'n':
			if n == 'g' && i+2 == len(t) {
				dst, i = append(dst, 'N'), i+1
			} else {
				dst = append(dst, 'n')
			}
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// appendTokenKey appends the key of the folded word t to dst.
func appendTokenKey(dst, t []byte) []byte {
	if len(t) == 0 {
		return dst
	}
	var phArr [64]byte
	p := phones(phArr[:0], t)
	// t before s or a hushing sound merges into it (ts, tz, tsch, tch, dzh,
	// dj); doubled consonants count once.
	q := p[:0]
	consonants := 0
	for i, c := range p {
		if c == 't' && i+1 < len(p) && (p[i+1] == 's' || p[i+1] == 'x') {
			continue
		}
		if !isVowel(c) {
			if len(q) > 0 && q[len(q)-1] == c {
				continue
			}
			consonants++
		}
		q = append(q, c)
	}
	p = q
	if len(p) == 0 {
		return append(dst, t...) // only silent letters ("h")
	}
	for i := 0; i < len(p); {
		c := p[i]
		if !isVowel(c) {
			dst = append(dst, c)
			i++
			continue
		}
		j := i
		for j < len(p) && isVowel(p[j]) {
			j++
		}
		switch {
		case consonants <= 1:
			dst = appendRunClass(dst, p[i:j], j == len(p))
		case consonants == 2 && j == len(p):
			dst = append(dst, backOrFront(p[j-1]))
		case consonants == 2:
			dst = append(dst, backOrFront(p[i]))
		case i == 0:
			dst = append(dst, 'a')
		}
		i = j
	}
	return dst
}

// appendRunClass appends the classes of the first and last vowel of a
// vowel run, once when they agree ("ee", "ie" and "i" all give "i"). A lone
// final e counts as a, as the Arabic feminine ending is spelt a, ah, e or
// eh.
func appendRunClass(dst, run []byte, final bool) []byte {
	if final && len(run) == 1 && run[0] == 'e' {
		return append(dst, 'a')
	}
	first, last := vowelClass(run[0]), vowelClass(run[len(run)-1])
	dst = append(dst, first)
	if last != first {
		dst = append(dst, last)
	}
	return dst
}

// backOrFront maps a vowel to u for the back vowels o and u and to a for
// the others.
func backOrFront(c byte) byte {
	if c == 'o' || c == 'u' {
		return 'u'
	}
	return 'a'
}
