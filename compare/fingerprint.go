package compare

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/claims/names"
)

// fingerprint makes a discrepancy id from its normalised content: the kind,
// and parts such as name keys, differing values and normalised sentences.
// The parts are sorted, so their order does not matter; offsets and line
// numbers are never part of it, so the id survives edits elsewhere in an
// article.
func fingerprint(k Kind, parts ...string) string {
	ps := append([]string(nil), parts...)
	sort.Strings(ps)
	h := sha256.New()
	h.Write([]byte(k.String()))
	for _, p := range ps {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return k.String() + "-" + hex.EncodeToString(h.Sum(nil))[:10]
}

// normText folds a sentence for fingerprints: lower case, ASCII letters,
// punctuation dropped and white space collapsed, so that curly against
// straight quotes or a re-wrapped line do not change an id.
func normText(s string) string {
	f := names.Fold(s)
	var b strings.Builder
	space := false
	for _, r := range f {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}
