package index

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/quantity"
	"github.com/crosscheck/crosscheck/claims/timex"
)

// richClaims returns claims that use every field, including pointers to
// zero values, empty and nil slices, open bounds and times in a zone.
func richClaims(a string) []claims.Claim {
	sunday := time.Sunday
	c1 := claim(a, 1, "About 7,000 soldiers were killed near Izium on Sunday, General Zhidko said.",
		place("Izium"), person("Zhidko"))
	c1.Quantities = []claims.Quantity{{
		Text: "About 7,000 soldiers", Value: 7000, Low: 6500, High: 7500, Unit: "soldier",
		Approx: true, Bound: quantity.Approx, Noun: "soldiers",
		Canon: quantity.Measure{Value: 7000, Low: 6500, High: 7500, Unit: "soldier"},
		Start: 0, End: 20,
	}, {
		Text: "more than 200", Value: 200, Low: 200, High: quantity.Unbounded, Bound: quantity.AtLeast,
	}}
	c1.Times = []claims.Time{{
		Text: "on Sunday", Value: "2022-06-26", Start: 45, End: 54,
		Low: date(2022, 6, 26), High: date(2022, 6, 26),
		Weekday: &sunday, Rel: &timex.Rel{}, Kind: timex.KindWeekday, Unit: timex.Day,
	}, {
		Text: "early June", Value: "2022-06", Mod: timex.ModStart,
		Low: date(2022, 6, 1), High: date(2022, 6, 10), Kind: timex.KindMonth, Unit: timex.Month,
	}}
	c1.Modality = claims.Attributed
	c1.AttributedTo = "General Zhidko"
	c1.Quotes = []claims.Quote{{Speaker: "Zhidko", Text: "we held the line", Start: 3, End: 19}}
	c1.Tense = timex.Past

	c2 := claim(a, 2, "Nothing else happened.")
	c2.Entities = []claims.Entity{} // empty, not nil
	c2.Quotes = []claims.Quote{}

	c3 := claim(a, 3, "Sometime later, \"it is over\", he said.")
	c3.Times = []claims.Time{{Text: "later", Value: "FUTURE_REF", Kind: timex.KindRef, Rel: &timex.Rel{Unit: timex.Week, N: -1, Anchored: true}}}
	c3.Modality = claims.Hedged
	return []claims.Claim{c1, c2, c3}
}

func TestEncodeClaimsRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		cs   []claims.Claim
	}{
		{"rich", richClaims("a")},
		{"empty", []claims.Claim{}},
		{"nil", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := encodeClaims(tc.cs)
			if err != nil {
				t.Fatalf("encodeClaims: %v", err)
			}
			got, err := decodeClaims(b, true)
			if err != nil {
				t.Fatalf("decodeClaims: %v", err)
			}
			if diff := cmp.Diff(tc.cs, got); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
		})
	}
}

// TestVersion1BlobsStillRead decodes what crosscheck wrote before version
// 2 blobs: exactly under the schema it was written with, and, as gob alone
// gives it, under another, where the pointer to Sunday and the empty slices
// are lost.
func TestVersion1BlobsStillRead(t *testing.T) {
	cs := richClaims("a")
	b, err := encodeClaimsV1(cs)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeClaims(b, true)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(cs, got); d != "" {
		t.Errorf("version 1 blob (-want +got):\n%s", d)
	}
	if got[0].Times[0].Weekday == nil || got[1].Entities == nil {
		t.Errorf("version 1 blob, exact: lost Weekday %v or Entities %#v", got[0].Times[0].Weekday, got[1].Entities)
	}
	got, err = decodeClaims(b, false)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Times[0].Weekday != nil || got[1].Entities != nil {
		t.Errorf("gob without presence bits kept Weekday %v and Entities %#v; the presence record is then not needed",
			got[0].Times[0].Weekday, got[1].Entities)
	}
}

func TestDecodeClaimsRejectsDamage(t *testing.T) {
	b, err := encodeClaims(richClaims("a"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"version", append([]byte{99}, b[1:]...)},
		{"truncated", b[:len(b)/2]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, err := decodeClaims(tc.b, true); err == nil {
				t.Errorf("decodeClaims = %d claims, nil error; want an error", len(got))
			}
		})
	}
}

func TestClaimsRoundTrip(t *testing.T) {
	x := newMem(t)
	zone := time.FixedZone("CEST", 2*3600)
	a := article("kyiv", "Kyiv Post", time.Date(2022, 6, 28, 10, 30, 15, 123456789, zone))
	b := article("paris", "Le Monde", time.Time{})
	ca, cb := richClaims("kyiv"), richClaims("paris")
	if err := x.PutMany([]Entry{{a, ca}, {b, cb}}); err != nil {
		t.Fatalf("PutMany: %v", err)
	}
	for _, tc := range []struct {
		name string
		ids  []string
		want []claims.Claim
	}{
		{"one", []string{"kyiv"}, ca},
		{"order given", []string{"paris", "kyiv"}, slices.Concat(cb, ca)},
		{"all by id", nil, slices.Concat(ca, cb)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := x.Claims(tc.ids...)
			if err != nil {
				t.Fatalf("Claims: %v", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Claims(%q) (-want +got):\n%s", tc.ids, diff)
			}
		})
	}
	if _, err := x.Claims("kyiv", "nowhere"); !errors.Is(err, ErrNoArticle) {
		t.Errorf("Claims(nowhere) error = %v, want ErrNoArticle", err)
	}
}

func TestArticles(t *testing.T) {
	x := newMem(t)
	if recs, err := x.Articles(); err != nil || recs != nil {
		t.Fatalf("Articles of an empty index = %v, %v; want nil, nil", recs, err)
	}
	zone := time.FixedZone("", -5*3600)
	a := article("b-article", "Reuters", time.Date(2022, 6, 28, 23, 59, 1, 5, zone))
	b := article("a-article", "", time.Time{})
	b.Hash = "other"
	put(t, x, a, richClaims(a.ID)...)
	put(t, x, b)
	got, err := x.Articles()
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	want := []Record{
		{ID: "a-article", Path: b.Path, Title: b.Title, URL: b.URL, Hash: "other"},
		{ID: "b-article", Path: a.Path, Title: a.Title, Outlet: "Reuters", URL: a.URL, Published: a.Published, Hash: a.Hash, Claims: 3},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Articles (-want +got):\n%s", diff)
	}
	if _, off := got[1].Published.Zone(); off != -5*3600 {
		t.Errorf("Published zone offset = %d, want %d", off, -5*3600)
	}
	st, err := x.Stats()
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if want := (Stats{Articles: 2, Claims: 3}); st != want {
		t.Errorf("Stats = %+v, want %+v", st, want)
	}
}

// TestArticlesMany lists a few thousand articles, put in several batches,
// then some replaced and some deleted: every live record comes back once,
// whole, in id order.
func TestArticlesMany(t *testing.T) {
	x := newMem(t)
	var entries []Entry
	var want []Record
	for i := range 5000 {
		a := article(fmt.Sprintf("art-%05d", i), fmt.Sprintf("Outlet %d", i%9), date(2024, 1, 1).Add(time.Duration(i)*time.Hour))
		var cs []claims.Claim
		for n := range i % 3 {
			cs = append(cs, claim(a.ID, n+1, "Officials met in the capital."))
		}
		entries = append(entries, Entry{Article: a, Claims: cs})
		want = append(want, Record{ID: a.ID, Path: a.Path, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Published: a.Published, Hash: a.Hash, Claims: len(cs)})
	}
	for lo := 0; lo < len(entries); lo += 1000 {
		if err := x.PutMany(entries[lo : lo+1000]); err != nil {
			t.Fatal(err)
		}
	}
	list := func(when string) {
		t.Helper()
		got, err := x.Articles()
		if err != nil {
			t.Fatalf("Articles %s: %v", when, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Articles %s (-want +got):\n%s", when, diff)
		}
	}
	list("after putting")
	var kept []Record
	for i, r := range want {
		switch i % 10 {
		case 3:
			if err := x.Delete(r.ID); err != nil {
				t.Fatal(err)
			}
			continue
		case 7:
			e := entries[i]
			e.Article.Hash, e.Article.Title = "changed", "Changed title"
			put(t, x, e.Article, e.Claims...)
			r.Hash, r.Title = "changed", "Changed title"
		}
		kept = append(kept, r)
	}
	want = kept
	list("after replacing and deleting")
}

func TestPutReplaces(t *testing.T) {
	x := newMem(t)
	a := article("a", "Kyiv Post", date(2022, 6, 28))
	put(t, x, a,
		claim("a", 1, "The bridge over the Donets collapsed."),
		claim("a", 2, "Engineers inspected the viaduct."),
		claim("a", 3, "Trains were halted."))
	a.Hash = "changed"
	next := []claims.Claim{
		claim("a", 1, "The dam upstream burst."),
		claim("a", 4, "Trains resumed."),
	}
	put(t, x, a, next...)

	got, err := x.Claims("a")
	if err != nil {
		t.Fatalf("Claims: %v", err)
	}
	if diff := cmp.Diff(next, got); diff != "" {
		t.Errorf("Claims after replacement (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"viaduct", nil},         // claim 2 deleted
		{"bridge", nil},          // claim 1's old text gone
		{"dam", []string{"a:1"}}, // claim 1's new text
		{"trains", []string{"a:4"}},
	} {
		r, err := x.Search(Query{Text: tc.text})
		if err != nil {
			t.Fatalf("Search(%q): %v", tc.text, err)
		}
		if diff := cmp.Diff(tc.want, hitIDs(r), cmpNilEmpty); diff != "" {
			t.Errorf("Search(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
	recs, err := x.Articles()
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	if len(recs) != 1 || recs[0].Hash != "changed" || recs[0].Claims != 2 {
		t.Errorf("Articles = %+v, want one record with hash changed and 2 claims", recs)
	}
	if st, _ := x.Stats(); st != (Stats{Articles: 1, Claims: 2}) {
		t.Errorf("Stats = %+v, want 1 article, 2 claims", st)
	}
}

// cmpNilEmpty treats nil and empty slices alike.
var cmpNilEmpty = cmp.Comparer(func(a, b []string) bool { return slices.Equal(a, b) })

func TestPutRejectsInvalid(t *testing.T) {
	a := article("a", "", time.Time{})
	for _, tc := range []struct {
		name string
		e    []Entry
	}{
		{"no article id", []Entry{{Article: claims.Article{}}}},
		{"article twice", []Entry{{Article: a}, {Article: a}}},
		{"no claim id", []Entry{{Article: a, Claims: []claims.Claim{{Article: "a"}}}}},
		{"claim twice", []Entry{{Article: a, Claims: []claims.Claim{claim("a", 1, "x"), claim("a", 1, "y")}}}},
		{"claim of another article", []Entry{{Article: a, Claims: []claims.Claim{claim("b", 1, "x")}}}},
		{"claim id of another article", []Entry{{Article: a, Claims: []claims.Claim{{ID: "b:1", Article: "a"}}}}},
		{"claim id without number", []Entry{{Article: a, Claims: []claims.Claim{{ID: "a:", Article: "a"}}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := newMem(t)
			if err := x.PutMany(tc.e); !errors.Is(err, ErrInvalid) {
				t.Errorf("PutMany error = %v, want ErrInvalid", err)
			}
			if st, _ := x.Stats(); st != (Stats{}) {
				t.Errorf("Stats after a refused put = %+v, want nothing written", st)
			}
		})
	}
}

func TestPutManyBatches(t *testing.T) {
	x := newMem(t)
	// More documents than one batch holds, and one article larger than a
	// batch on its own.
	var entries []Entry
	for i := range 30 {
		id := "art" + string(rune('a'+i%26)) + string(rune('a'+i/26))
		n := 60
		if i == 7 {
			n = batchDocs + 10
		}
		cs := make([]claims.Claim, n)
		for j := range cs {
			cs[j] = claim(id, j+1, "Claim number "+id+" of the batch.")
		}
		entries = append(entries, Entry{article(id, "Outlet", date(2022, 1, 1)), cs})
	}
	if err := x.PutMany(entries); err != nil {
		t.Fatalf("PutMany: %v", err)
	}
	st, err := x.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if want := (Stats{Articles: 30, Claims: 29*60 + batchDocs + 10}); st != want {
		t.Errorf("Stats = %+v, want %+v", st, want)
	}
}

func TestDelete(t *testing.T) {
	x := newMem(t)
	put(t, x, article("a", "Kyiv Post", date(2022, 6, 28)), claim("a", 1, "Shelling hit Kharkiv.", place("Kharkiv")))
	put(t, x, article("b", "Reuters", date(2022, 6, 29)), claim("b", 1, "Kharkiv was shelled again.", place("Kharkiv")))
	if err := x.Delete("a"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if err := x.Delete("never-indexed"); err != nil {
		t.Errorf("Delete of an absent article: %v, want nil", err)
	}
	recs, err := x.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].ID != "b" {
		t.Errorf("Articles after Delete = %+v, want only b", recs)
	}
	if _, err := x.Claims("a"); !errors.Is(err, ErrNoArticle) {
		t.Errorf("Claims(a) after Delete: error %v, want ErrNoArticle", err)
	}
	r, err := x.Search(Query{Text: "Kharkiv"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"b:1"}, hitIDs(r)); diff != "" {
		t.Errorf("Search after Delete (-want +got):\n%s", diff)
	}
}

func TestCandidates(t *testing.T) {
	x := newMem(t)
	a1 := claim("a", 1, "General Zhidko commanded the eastern group.", person("Zhidko"))
	put(t, x, article("a", "Kyiv Post", date(2022, 6, 28)),
		a1,
		claim("a", 2, "Zhidko was promoted in spring.", person("Zhidko")))
	put(t, x, article("b", "Le Monde", date(2022, 6, 29)),
		claim("b", 1, "Shidko led the offensive.", person("Shidko")),
		claim("b", 2, "The eastern group lost forty tanks.", place("Donbas")),
		claim("b", 3, "Bakers raised bread prices."))
	put(t, x, article("c", "Reuters", date(2022, 6, 30)),
		claim("c", 1, "Volodymyr Zhidko spoke at the briefing.", person("Volodymyr Zhidko")),
		claim("c", 2, "Weather in Lisbon was sunny."))

	for _, tc := range []struct {
		name   string
		c      claims.Claim
		within []string
		want   []string // all of these, in any order
		not    []string // none of these
	}{
		{"shared key and terms", a1, nil, []string{"b:1", "b:2", "c:1"}, []string{"a:1", "a:2", "b:3", "c:2"}},
		{"within", a1, []string{"c"}, []string{"c:1"}, []string{"b:1", "b:2", "a:2"}},
		{"within own article only", a1, []string{"a"}, nil, []string{"a:2", "b:1", "c:1"}},
		{"unindexed claim", claim("z", 1, "Bread prices rose in Lisbon."), nil, []string{"b:3", "c:2"}, []string{"a:1", "b:1"}},
		{"nothing in common", claim("z", 1, "Quantum chromodynamics."), nil, nil, []string{"a:1", "b:1", "b:2", "b:3", "c:1", "c:2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := x.Candidates(tc.c, tc.within, 0)
			if err != nil {
				t.Fatalf("Candidates: %v", err)
			}
			for _, id := range tc.want {
				if !slices.Contains(got, id) {
					t.Errorf("Candidates = %q, want it to hold %s", got, id)
				}
			}
			for _, id := range tc.not {
				if slices.Contains(got, id) {
					t.Errorf("Candidates = %q, want it without %s", got, id)
				}
			}
		})
	}

	t.Run("key ranks first", func(t *testing.T) {
		got, err := x.Candidates(a1, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 || (got[0] != "b:1" && got[0] != "c:1") {
			t.Errorf("Candidates = %q, want a claim naming Zhidko first", got)
		}
	})
	t.Run("limit", func(t *testing.T) {
		got, err := x.Candidates(a1, nil, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 {
			t.Errorf("Candidates with limit 1 = %q, want 1 id", got)
		}
	})
	t.Run("many", func(t *testing.T) {
		cs := []claims.Claim{a1, claim("z", 1, "Bread prices rose."), claim("z", 2, "Quantum.")}
		got, err := x.CandidatesMany(cs, nil, 0)
		if err != nil {
			t.Fatalf("CandidatesMany: %v", err)
		}
		for i, c := range cs {
			want, err := x.Candidates(c, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got[i]); diff != "" {
				t.Errorf("CandidatesMany[%d] differs from Candidates (-want +got):\n%s", i, diff)
			}
		}
	})
}

func TestConcurrentUse(t *testing.T) {
	x := newMem(t)
	const writers, articles = 2, 10
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range articles {
				id := fmt.Sprintf("w%d-%d", w, i)
				cs := []claims.Claim{claim(id, 1, "Zhidko inspected the line.", person("Zhidko"))}
				if err := x.Put(article(id, "Outlet", date(2022, 6, 28)), cs); err != nil {
					t.Errorf("Put: %v", err)
				}
			}
		})
	}
	wg.Go(func() {
		for range 20 {
			if _, err := x.Search(Query{Text: "Zhidko"}); err != nil {
				t.Errorf("Search: %v", err)
			}
			if _, err := x.Candidates(claim("z", 1, "Zhidko", person("Zhidko")), nil, 5); err != nil {
				t.Errorf("Candidates: %v", err)
			}
		}
	})
	wg.Wait()
	st, err := x.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if want := (Stats{Articles: writers * articles, Claims: writers * articles}); st != want {
		t.Errorf("Stats = %+v, want %+v", st, want)
	}
}

func TestMove(t *testing.T) {
	x := newMem(t)
	a := article("a", "Kyiv Post", date(2022, 6, 28))
	a.Path = "old/a.txt"
	put(t, x, a, claim("a", 1, "Shelling hit Kharkiv.", place("Kharkiv")), claim("a", 2, "Kharkiv was quiet."))
	before, err := x.Claims("a")
	if err != nil {
		t.Fatal(err)
	}
	a.Path = "new/a.txt"
	if err := x.Move([]claims.Article{a}); err != nil {
		t.Fatalf("Move: %v", err)
	}
	recs, err := x.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Path != "new/a.txt" || recs[0].Hash != a.Hash || recs[0].Claims != 2 {
		t.Errorf("Articles after Move = %+v, want a at new/a.txt with its hash and 2 claims", recs)
	}
	after, err := x.Claims("a")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("claims after Move (-before +after):\n%s", diff)
	}
	r, err := x.Search(Query{Text: "Kharkiv"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a:1", "a:2"}, hitIDs(r), cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("Search after Move (-want +got):\n%s", diff)
	}
	b := article("b", "Reuters", date(2022, 6, 29))
	if err := x.Move([]claims.Article{b}); !errors.Is(err, ErrNoArticle) {
		t.Errorf("Move of an article not indexed: error %v, want ErrNoArticle", err)
	}
}
