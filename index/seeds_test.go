package index

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/claims"
)

// seedEntries are the seed articles with the claims extracted from them;
// the test is skipped when the seeds are not there.
func seedEntries(t *testing.T) []Entry {
	t.Helper()
	dir := filepath.Join("..", "seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no seed articles at %s: %v", dir, err)
	}
	arts, errs := claims.Load([]string{dir}, claims.LoadOptions{})
	if len(errs) > 0 {
		t.Fatalf("Load: %v", errs)
	}
	ex, err := claims.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	var entries []Entry
	for _, a := range arts {
		cs, errs := ex.Extract(a)
		if len(errs) > 0 {
			t.Logf("Extract(%s): %v", a.ID, errs)
		}
		entries = append(entries, Entry{Article: *a, Claims: cs})
	}
	return entries
}

// TestSeedsRoundTrip stores the claims extracted from the seed articles in
// an on-disk index and checks that they come back exactly, and that a
// search for one spelling of a name finds the others.
func TestSeedsRoundTrip(t *testing.T) {
	entries := seedEntries(t)
	idx := filepath.Join(t.TempDir(), "idx")
	writeIndex(t, idx, entries)
	x, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, e := range entries {
		got, err := x.Claims(e.Article.ID)
		if err != nil {
			t.Fatalf("Claims(%s): %v", e.Article.ID, err)
		}
		if diff := cmp.Diff(e.Claims, got); diff != "" {
			t.Errorf("Claims(%s) (-put +got):\n%s", e.Article.ID, diff)
		}
	}
	// Every name the seeds spell in several ways: a search for one
	// spelling finds the claims of each.
	spellings := map[string]map[string]string{} // key -> text -> a claim id
	for _, e := range entries {
		for _, c := range e.Claims {
			for _, en := range c.Entities {
				if en.Key == "" || strings.Contains(en.Key, " ") {
					continue
				}
				if spellings[en.Key] == nil {
					spellings[en.Key] = map[string]string{}
				}
				if _, ok := spellings[en.Key][en.Text]; !ok {
					spellings[en.Key][en.Text] = c.ID
				}
			}
		}
	}
	variants := 0
	for key, texts := range spellings {
		if len(texts) < 2 {
			continue
		}
		t.Logf("key %q: %d spellings", key, len(texts))
		for text := range texts {
			res, err := x.Search(Query{Text: "entity:\"" + text + "\"", Limit: 1000})
			if err != nil {
				t.Fatalf("Search(%q): %v", text, err)
			}
			got := hitIDs(res)
			for other, id := range texts {
				variants++
				if !slices.Contains(got, id) {
					t.Errorf("entity:%q (key %q) misses %s, which writes %q", text, key, id, other)
				}
			}
		}
	}
	t.Logf("%d spelling pairs searched", variants)

	recs, err := x.Articles()
	if err != nil || len(recs) != len(entries) {
		t.Fatalf("Articles = %d records, %v; want %d", len(recs), err, len(entries))
	}
	for _, r := range recs {
		if r.Stale || r.Hash == "" {
			t.Errorf("record %+v: want a hash and not stale", r)
		}
	}
}
