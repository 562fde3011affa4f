package compare

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/wire"
)

// Cache keeps what the comparison of each story found, between runs, so
// that a story whose articles have not changed is not compared again: the
// work of a run that adds one article to a large corpus is then that of its
// story. It also keeps what the first pass learns of each article (its
// terms, its words in lower case, its names), which is then read instead
// of the article's claims. Its keys are fingerprints of a story's articles
// (ids, content hashes, metadata) and of the options, or of one article; a
// cache must also tell apart the builds of crosscheck that stored its
// values, as another build may find other things.
type Cache interface {
	// Get returns the value stored under key, nil when there is none.
	Get(key string) ([]byte, error)
	// Put stores values under their keys.
	Put(values map[string][]byte) error
	// Prune drops every stored key not in keep.
	Prune(keep []string) error
}

// cachedStory is a storyResult as a Cache keeps it, but for the claim
// pairs that corroborate each other, which follow it in their own value
// (decoded only when needed).
type cachedStory struct {
	Found       []Discrepancy
	Comparisons int
	// Spotted are the story's mentions of names that were candidate
	// variants, and Groups what every name group the story mentions was
	// merged into then ("" for none): the mentions hold while the groups
	// are merged the same way.
	Spotted []cachedSpot
	Groups  map[string]string
}

// cachedSpot is a spot as a Cache keeps it; its article's rank is looked
// up anew.
type cachedSpot struct {
	Group, Spelling, Text, Article string
	Order, Count                   int
	First                          Evidence
}

// storyKey is the cache key of a story, "" when one of its articles has no
// content hash (its claims cannot be told from another version's).
func storyKey(s Story, arts map[string]*claims.Article, opt Options) string {
	h := sha256.New()
	fmt.Fprintf(h, "limit %d stories %v\n", opt.Limit, opt.Stories)
	var b []byte
	for _, id := range s.Articles {
		a := arts[id]
		if a == nil || a.Hash == "" {
			return ""
		}
		b = appendArticleLine(b[:0], a)
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// appendArticleLine appends what fingerprints an article, as
// fmt.Sprintf("%q %s %s %q %q %q\n", id, hash, published, title, outlet,
// url) writes it, without fmt's cost (a report at 100,000 articles makes
// 200,000 of them).
func appendArticleLine(b []byte, a *claims.Article) []byte {
	b = strconv.AppendQuote(b, a.ID)
	b = append(append(append(b, ' '), a.Hash...), ' ')
	b = a.Published.AppendFormat(b, time.RFC3339Nano)
	b = strconv.AppendQuote(append(b, ' '), a.Title)
	b = strconv.AppendQuote(append(b, ' '), a.Outlet)
	b = strconv.AppendQuote(append(b, ' '), a.URL)
	return append(b, '\n')
}

// encodeStory writes a story's result for a Cache: the length of the
// encoding of its cachedStory, that encoding, then its corroborating claim
// pairs, so that those can be left unread. A Cache keeps the results of one
// build of crosscheck only, which reads what it wrote.
func encodeStory(r storyResult) ([]byte, error) {
	c := cachedStory{Found: r.found, Comparisons: r.comparisons, Groups: r.groups}
	for _, sp := range r.spotted {
		c.Spotted = append(c.Spotted, cachedSpot{Group: sp.group, Spelling: sp.spelling, Text: sp.text, Article: sp.article, Order: sp.order, Count: sp.count, First: sp.first})
	}
	head, err := wire.Append(nil, c)
	if err != nil {
		return nil, err
	}
	b := binary.AppendUvarint(make([]byte, 0, len(head)+binary.MaxVarintLen64+16*len(r.corroborated)), uint64(len(head)))
	b = append(b, head...)
	return wire.Append(b, r.corroborated)
}

// decodeStory reads a cached story's result, placing its discrepancies in
// story (stories are numbered anew in every run) and its mentions of names
// in the articles' ranks of this run, and its corroborating claim pairs
// when corroborated is set. The mentions hold only while the name groups
// are merged as groups says.
func decodeStory(data []byte, story string, rank map[string]int, corroborated bool) (storyResult, error) {
	n, k := binary.Uvarint(data)
	if k <= 0 || n > uint64(len(data)-k) {
		return storyResult{}, fmt.Errorf("cached story: %w", wire.ErrCorrupt)
	}
	head, rest := data[k:k+int(n)], data[k+int(n):]
	var c cachedStory
	if err := wire.Decode(head, &c); err != nil {
		return storyResult{}, err
	}
	for i := range c.Found {
		c.Found[i].Story = story
	}
	r := storyResult{found: c.Found, comparisons: c.Comparisons, groups: c.Groups}
	if corroborated {
		if err := wire.Decode(rest, &r.corroborated); err != nil {
			return storyResult{}, err
		}
	}
	for _, sp := range c.Spotted {
		r.spotted = append(r.spotted, spot{group: sp.Group, order: sp.Order, spelling: sp.Spelling, text: sp.Text, article: sp.Article, rank: rank[sp.Article], count: sp.Count, first: sp.First})
	}
	return r, nil
}
