package compare

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"

	"github.com/crosscheck/crosscheck/claims"
)

// scanRecord is what the first pass of CompareFrom learns of one article:
// how many claims it has, its terms for grouping stories, the words its
// claims write in lower case, and the words of the names it mentions. A
// Cache keeps it, so that a run that adds one article to a large corpus
// reads the records of the others instead of all their claims.
type scanRecord struct {
	claims int
	bag    bag
	lower  []string
	names  []nameMention
}

// nameMention is one word of a name, as nameBook.add takes it: its group,
// its spelling, and its place among the article's name words.
type nameMention struct {
	group, text string
	at          int
}

// recordOf computes the scan record of an article's claims.
func recordOf(g *bagger, cls []*claims.Claim) scanRecord {
	r := scanRecord{claims: len(cls), bag: g.bag(cls)}
	lower := map[string]bool{}
	for _, cl := range cls {
		addLowerWords(lower, cl.Text)
	}
	r.lower = sortedKeys(lower)
	nameWordsOf(cls, func(_ *claims.Claim, group string, w word, _ *claims.Entity, at int) {
		r.names = append(r.names, nameMention{group: group, text: w.text, at: at})
	})
	return r
}

// Learn gives the Cache entry in which CompareFrom's first pass keeps what
// it learns of article a from its claims cs (in their order in the
// article), "" and nil when a has no content hash. Putting it in the Cache
// of a later CompareFrom, as articles are extracted, spares that pass
// reading their claims back.
func Learn(a *claims.Article, cs []claims.Claim) (key string, value []byte) {
	key = scanKey(a)
	if key == "" {
		return "", nil
	}
	ptrs := make([]*claims.Claim, len(cs))
	for i := range cs {
		ptrs[i] = &cs[i]
	}
	r := recordOf(&bagger{}, ptrs)
	return key, r.encode()
}

// scanKey is the cache key of an article's scan record: a fingerprint of
// its id, content and metadata, from which its claims are extracted. ""
// when the article has no content hash.
func scanKey(a *claims.Article) string {
	if a.Hash == "" {
		return ""
	}
	h := sha256.New()
	h.Write(appendArticleLine([]byte("scan "), a))
	return "scan-" + hex.EncodeToString(h.Sum(nil))[:32]
}

// recordVersion marks the encoding of scan records.
const recordVersion = 1

// encode writes the record: a version byte, then unsigned varints for
// numbers and lengths, the term hashes as 8 bytes each.
func (r *scanRecord) encode() []byte {
	b := make([]byte, 0, 16+len(r.bag.terms)*9+len(r.lower)*8+len(r.names)*16)
	b = append(b, recordVersion)
	b = binary.AppendUvarint(b, uint64(r.claims))
	b = binary.AppendUvarint(b, uint64(len(r.bag.terms)))
	for _, t := range r.bag.terms {
		b = binary.LittleEndian.AppendUint64(b, t)
	}
	for _, c := range r.bag.counts {
		b = binary.AppendUvarint(b, uint64(c))
	}
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(r.lower)))
	for _, w := range r.lower {
		str(w)
	}
	b = binary.AppendUvarint(b, uint64(len(r.names)))
	for _, m := range r.names {
		str(m.group)
		str(m.text)
		b = binary.AppendUvarint(b, uint64(m.at))
	}
	return b
}

var errRecord = errors.New("damaged scan record")

// decodeRecord reads a record that encode wrote; a damaged or foreign one
// is an error, and then the article's claims are read instead.
func decodeRecord(b []byte) (scanRecord, error) {
	return decodeRecordWith(b, nil)
}

// interner hands out one string per distinct text: records repeat the same
// words and names article after article, and a string made for each would
// be most of what reading them costs.
type interner map[string]string

// of returns the string of b, made the first time only.
func (in interner) of(b []byte) string {
	if s, ok := in[string(b)]; ok {
		return s
	}
	s := string(b)
	in[s] = s
	return s
}

// decodeRecordWith is decodeRecord, taking the strings of the record's
// words and names from in when it is not nil.
func decodeRecordWith(b []byte, in interner) (scanRecord, error) {
	var r scanRecord
	if len(b) == 0 || b[0] != recordVersion {
		return r, errRecord
	}
	b = b[1:]
	bad := false
	num := func() int {
		v, n := binary.Uvarint(b)
		if n <= 0 || v > uint64(len(b))*8+1<<20 {
			bad = true
			return 0
		}
		b = b[n:]
		return int(v)
	}
	str := func() string {
		n := num()
		if bad || n > len(b) {
			bad = true
			return ""
		}
		var s string
		if in != nil {
			s = in.of(b[:n])
		} else {
			s = string(b[:n])
		}
		b = b[n:]
		return s
	}
	r.claims = num()
	nt := num()
	if bad || nt*8 > len(b) {
		return r, errRecord
	}
	r.bag.terms = make([]uint64, nt)
	for i := range r.bag.terms {
		r.bag.terms[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	b = b[8*nt:]
	r.bag.counts = make([]int32, nt)
	for i := range r.bag.counts {
		r.bag.counts[i] = int32(num())
	}
	nl := num()
	if bad || nl > len(b) {
		return r, errRecord
	}
	r.lower = make([]string, nl)
	for i := range r.lower {
		r.lower[i] = str()
	}
	nn := num()
	if bad || nn > len(b) {
		return r, errRecord
	}
	r.names = make([]nameMention, nn)
	for i := range r.names {
		r.names[i] = nameMention{group: str(), text: str(), at: num()}
	}
	if bad || len(b) != 0 {
		return scanRecord{}, errRecord
	}
	return r, nil
}
