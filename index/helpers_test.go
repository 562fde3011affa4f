package index

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/names"
)

// newMem returns an empty in-memory index closed at the end of the test.
func newMem(t testing.TB) *Index {
	t.Helper()
	x, err := NewMemory()
	if err != nil {
		t.Fatalf("NewMemory: %v", err)
	}
	t.Cleanup(func() {
		if err := x.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return x
}

func article(id, outlet string, published time.Time) claims.Article {
	return claims.Article{
		ID:        id,
		Path:      "corpus/" + id + ".txt",
		Title:     "Title of " + id,
		Outlet:    outlet,
		URL:       "https://example.org/" + id,
		Published: published,
		Hash:      "hash-" + id,
	}
}

// claim returns claim n of article a with the given text, naming ents; the
// entities' offsets are found in text.
func claim(a string, n int, text string, ents ...claims.Entity) claims.Claim {
	c := claims.Claim{
		ID:      a + ":" + strconv.Itoa(n),
		Article: a,
		Line:    n,
		Start:   100 * n,
		End:     100*n + len(text),
		Text:    text,
	}
	for _, e := range ents {
		if i := strings.Index(text, e.Text); i >= 0 {
			e.Start, e.End = c.Start+i, c.Start+i+len(e.Text)
		}
		c.Entities = append(c.Entities, e)
	}
	return c
}

func entity(typ claims.EntityType, text string) claims.Entity {
	return claims.Entity{Text: text, Type: typ, Key: names.Key(text)}
}

func person(text string) claims.Entity { return entity(claims.Person, text) }
func place(text string) claims.Entity  { return entity(claims.Place, text) }

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// put stores a with cs or fails the test.
func put(t testing.TB, x *Index, a claims.Article, cs ...claims.Claim) {
	t.Helper()
	if err := x.Put(a, cs); err != nil {
		t.Fatalf("Put(%s): %v", a.ID, err)
	}
}

// hitIDs returns the claim ids of r in order.
func hitIDs(r Results) []string {
	ids := make([]string, len(r.Hits))
	for i, h := range r.Hits {
		ids[i] = h.ID
	}
	return ids
}

// writeIndex creates an on-disk index in dir holding es, and closes it.
func writeIndex(tb testing.TB, dir string, es []Entry) {
	tb.Helper()
	x, err := Create(dir)
	if err != nil {
		tb.Fatal(err)
	}
	if err := x.PutMany(es); err != nil {
		tb.Fatalf("PutMany: %v", err)
	}
	if err := x.Close(); err != nil {
		tb.Fatal(err)
	}
}

// writeNotes stores notes in the on-disk index in dir, opening it for
// writing and closing it again.
func writeNotes(tb testing.TB, dir string, notes map[string][]byte) {
	tb.Helper()
	x, err := OpenOrCreate(dir)
	if err != nil {
		tb.Fatal(err)
	}
	if err := x.SetNotes(notes); err != nil {
		tb.Fatal(err)
	}
	if err := x.Close(); err != nil {
		tb.Fatal(err)
	}
}
