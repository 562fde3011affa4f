package compare

import (
	"bytes"
	"context"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/google/go-cmp/cmp"
)

// TestScanRecords checks that an article's scan record reads back as it
// was written, and that a damaged one is an error, never a wrong record.
func TestScanRecords(t *testing.T) {
	arts, cs := seedArticles(t)
	byArticle := map[string][]*claims.Claim{}
	for i := range cs {
		byArticle[cs[i].Article] = append(byArticle[cs[i].Article], &cs[i])
	}
	var g bagger
	in := interner{}
	for _, a := range arts {
		r := recordOf(&g, byArticle[a.ID])
		if r.claims == 0 || len(r.bag.terms) == 0 || len(r.lower) == 0 || len(r.names) == 0 {
			t.Fatalf("%s: record lacks claims, terms, lower-case words or names: %d, %d, %d, %d",
				a.ID, r.claims, len(r.bag.terms), len(r.lower), len(r.names))
		}
		data := r.encode()
		got, err := decodeRecord(data)
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		if d := cmp.Diff(r, got, cmp.AllowUnexported(scanRecord{}, bag{}, nameMention{})); d != "" {
			t.Errorf("%s: record read back differs (-written +read):\n%s", a.ID, d)
		}
		// Read with the strings of the records read before.
		shared, err := decodeRecordWith(data, in)
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		if d := cmp.Diff(r, shared, cmp.AllowUnexported(scanRecord{}, bag{}, nameMention{})); d != "" {
			t.Errorf("%s: record read back with shared strings differs (-written +read):\n%s", a.ID, d)
		}
		for n := range len(data) {
			if _, err := decodeRecord(data[:n]); err == nil {
				t.Errorf("%s: record cut to %d of %d bytes read without error", a.ID, n, len(data))
			}
		}
		if _, err := decodeRecord(append(data[:len(data):len(data)], 0)); err == nil {
			t.Errorf("%s: record with a byte too many read without error", a.ID)
		}
		if _, err := decodeRecord(append([]byte{recordVersion + 1}, data[1:]...)); err == nil {
			t.Errorf("%s: record of another version read without error", a.ID)
		}
	}
}

func FuzzDecodeRecord(f *testing.F) {
	f.Add([]byte{recordVersion, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 1, 1, 1, 'a', 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := decodeRecord(b)
		shared, errShared := decodeRecordWith(b, interner{"a": "a"})
		if (err == nil) != (errShared == nil) {
			t.Fatalf("read with shared strings: error %v, without: %v", errShared, err)
		}
		if err != nil {
			return
		}
		if len(r.bag.counts) != len(r.bag.terms) {
			t.Fatalf("%d counts for %d terms", len(r.bag.counts), len(r.bag.terms))
		}
		if d := cmp.Diff(r, shared, cmp.AllowUnexported(scanRecord{}, bag{}, nameMention{})); d != "" {
			t.Fatalf("read with shared strings differs (-without +with):\n%s", d)
		}
	})
}

// TestLearn checks that Learn gives, byte for byte, the cache entries that
// CompareFrom writes for what it learns of each article, and that a
// comparison reading them gives the result of one without a cache.
func TestLearn(t *testing.T) {
	arts, cs := seedArticles(t)
	m := memoryOf(cs)
	written := mapCache{}
	want, err := CompareFrom(context.Background(), arts, m, nil, Options{Cache: written})
	if err != nil {
		t.Fatal(err)
	}
	learnt := mapCache{}
	for i := range arts {
		k, v := Learn(&arts[i], m[arts[i].ID])
		if k == "" {
			t.Fatalf("%s: no key", arts[i].ID)
		}
		if !bytes.Equal(v, written[k]) {
			t.Errorf("%s: Learn gives %d bytes under %s, CompareFrom wrote %d", arts[i].ID, len(v), k, len(written[k]))
		}
		learnt[k] = v
	}
	// With every record learnt, the claims of each article are read once,
	// to compare its story; without, once more, to learn them.
	for _, c := range []struct {
		cache mapCache
		reads int
	}{{learnt, 1}, {mapCache{}, 2}} {
		counting := &countingSource{src: m}
		got, err := CompareFrom(context.Background(), arts, counting, nil, Options{Cache: c.cache})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want, got, ignorePhases); d != "" {
			t.Errorf("with %d records cached: result differs (-want +got):\n%s", len(c.cache), d)
		}
		for _, a := range arts {
			if n := counting.read[a.ID]; n != c.reads {
				t.Errorf("with %d records cached: claims of %s read %d times, want %d", len(c.cache), a.ID, n, c.reads)
			}
		}
	}
	noHash := arts[0]
	noHash.Hash = ""
	if k, v := Learn(&noHash, m[noHash.ID]); k != "" || v != nil {
		t.Errorf("article without a hash: Learn = %q, %d bytes; want none", k, len(v))
	}
}

// countingSource counts how often each article's claims are read.
type countingSource struct {
	mu   sync.Mutex
	src  Source
	read map[string]int
}

func (c *countingSource) Claims(ids ...string) ([]claims.Claim, error) {
	c.mu.Lock()
	if c.read == nil {
		c.read = map[string]int{}
	}
	for _, id := range ids {
		c.read[id]++
	}
	c.mu.Unlock()
	return c.src.Claims(ids...)
}

// TestArticleLine checks that the fingerprint of an article tells apart
// articles that differ in any of its fields, however their strings split.
func TestArticleLine(t *testing.T) {
	pub := time.Date(2025, 10, 9, 14, 3, 0, 1500, time.FixedZone("", 5*3600))
	base := claims.Article{ID: "a.txt", Hash: "f00d", Published: pub, Title: `Putin in "Dushanbe"`, Outlet: "Радио Озоди", URL: "https://example.org/a?b=c\td"}
	variants := []claims.Article{base, {}}
	for _, f := range []func(a *claims.Article){
		func(a *claims.Article) { a.ID = "b.txt" },
		func(a *claims.Article) { a.Hash = "f00e" },
		func(a *claims.Article) { a.Published = pub.Add(time.Nanosecond) },
		func(a *claims.Article) { a.Published = pub.In(time.UTC) },
		func(a *claims.Article) { a.Published = time.Time{} },
		func(a *claims.Article) { a.Published = pub.In(time.FixedZone("", -60)) },
		func(a *claims.Article) { a.Published = pub.Add(time.Second).In(time.FixedZone("", -60)) },
		func(a *claims.Article) { a.Title = "" },
		func(a *claims.Article) { a.Outlet, a.URL = a.Outlet+" "+a.URL, "" },
		func(a *claims.Article) { a.Title, a.Outlet = a.Title+a.Outlet, "" },
		func(a *claims.Article) { a.ID, a.Hash = "a.txtf00d", "" },
	} {
		a := base
		f(&a)
		variants = append(variants, a)
	}
	seen := map[string]int{}
	for i := range variants {
		line := string(appendArticleLine(nil, &variants[i]))
		if again := string(appendArticleLine(nil, &variants[i])); again != line {
			t.Errorf("article %d: written %q, then %q", i, line, again)
		}
		if j, ok := seen[line]; ok {
			t.Errorf("articles %d and %d written alike: %+v, %+v", j, i, variants[j], variants[i])
		}
		seen[line] = i
	}
}
