package compare

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/wire"
)

// Cache keeps what the comparison of each story found, between runs, so
// that a story whose articles have not changed is not compared again: the
// work of a run that adds one article to a large corpus is then that of its
// story. It also keeps what the first pass learns of each article (its
// terms, its words in lower case, its names), which is then read instead
// of the article's claims, and the name variant of each group of spellings
// that may be one name, built again only when its stories change. Its keys
// are fingerprints of a story's articles (ids, content hashes, metadata)
// and of the options, or of one article; a cache must also tell apart the
// builds of crosscheck that stored its values, as another build may find
// other things.
type Cache interface {
	// Get returns the value stored under key, nil when there is none.
	Get(key string) ([]byte, error)
	// Put stores values under their keys.
	Put(values map[string][]byte) error
	// Prune drops every stored key not in keep.
	Prune(keep []string) error
}

// cachedStory is a storyResult as a Cache keeps it, but for the claim
// pairs that corroborate each other and the mentions of names that were
// candidate variants, which follow it in values of their own, each read
// only when needed.
type cachedStory struct {
	Found       []Discrepancy
	Comparisons int
	// Groups is what every name group the story mentions was merged into
	// ("" for none) when its mentions were spotted: they hold while the
	// groups are merged the same way.
	Groups map[string]string
}

// cachedSpot is a spot as a Cache keeps it; its article's rank is looked
// up anew.
type cachedSpot struct {
	Group, Spelling, Text, Article string
	Order, Count                   int
	First                          Evidence
}

// storyKey is the cache key of a story: a fingerprint of the options and
// of its articles' scan keys (keyOf, by article id), which fingerprint
// their ids, content and metadata. It is "" when one of its articles has
// no key (no content hash: its claims cannot be told from another
// version's).
func storyKey(s Story, keyOf map[string]string, opt Options) string {
	h := sha256.New()
	b := fmt.Appendf(nil, "limit %d stories %v\n", opt.Limit, opt.Stories)
	for _, id := range s.Articles {
		k := keyOf[id]
		if k == "" {
			return ""
		}
		b = append(append(b, k...), '\n')
	}
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// appendArticleLine appends what fingerprints an article: its id, content
// hash, publication time and zone offset, title, outlet and url, each
// string preceded by its length, so that no two articles write the same
// bytes (a report at 100,000 articles writes 200,000 of them).
func appendArticleLine(b []byte, a *claims.Article) []byte {
	for _, s := range [...]string{a.ID, a.Hash, a.Title, a.Outlet, a.URL} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	if t, err := a.Published.AppendBinary(b); err == nil {
		b = t
	} else { // a zone offset it cannot write (a minute west of UTC)
		b = a.Published.AppendFormat(b, time.RFC3339Nano)
	}
	return append(b, '\n')
}

// encodeStory writes a story's result for a Cache: its cachedStory, and
// apart, under pairsKey, its corroborating claim pairs, the bulk of it,
// which a run that keeps its support notes need not read. A Cache keeps
// the results of one build of crosscheck only, which reads what it wrote.
func encodeStory(r storyResult) (head, pairs []byte, err error) {
	c := cachedStory{Found: r.found, Comparisons: r.comparisons, Groups: r.groups}
	if head, err = wire.Append(nil, c); err != nil {
		return nil, nil, err
	}
	pairs, err = wire.Append(make([]byte, 0, 16*len(r.corroborated)), r.corroborated)
	return head, pairs, err
}

// encodeSpots writes a story's mentions of names that may be variants for a
// Cache, under spotsKey: they are read only when a name they mention has
// changed elsewhere.
func encodeSpots(ss []spot) ([]byte, error) {
	c := make([]cachedSpot, len(ss))
	for i, sp := range ss {
		c[i] = cachedSpot{Group: sp.group, Spelling: sp.spelling, Text: sp.text, Article: sp.article, Order: sp.order, Count: sp.count, First: sp.first}
	}
	return wire.Append(nil, c)
}

// decodeSpots reads what encodeSpots wrote, placing the mentions in the
// articles' ranks of this run.
func decodeSpots(data []byte, rank map[string]int) ([]spot, error) {
	var c []cachedSpot
	if err := wire.Decode(data, &c); err != nil {
		return nil, fmt.Errorf("cached mentions of names: %w", err)
	}
	out := make([]spot, len(c))
	for i, sp := range c {
		out[i] = spot{group: sp.Group, order: sp.Order, spelling: sp.Spelling, text: sp.Text, article: sp.Article, rank: rank[sp.Article], count: sp.Count, first: sp.First}
	}
	return out, nil
}

// pairsKey is the key under which the corroborating claim pairs of the
// story of key are cached.
func pairsKey(key string) string { return "pairs-" + key }

// spotsKey is the key under which the mentions of names that may be
// variants of the story of key are cached.
func spotsKey(key string) string { return "spots-" + key }

// decodeStory reads a cached story's result but its corroborating pairs
// and mentions of names, placing its discrepancies in story (stories are
// numbered anew in every run).
func decodeStory(head []byte, story string) (storyResult, error) {
	var c cachedStory
	if err := wire.Decode(head, &c); err != nil {
		return storyResult{}, fmt.Errorf("cached story: %w", err)
	}
	for i := range c.Found {
		c.Found[i].Story = story
	}
	return storyResult{found: c.Found, comparisons: c.Comparisons, groups: c.Groups}, nil
}
