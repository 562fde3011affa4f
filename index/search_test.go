package index

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/quantity"
	"github.com/crosscheck/crosscheck/claims/timex"
)

// searchCorpus indexes a few invented articles about one event, with one
// name spelt three ways, and returns the index.
func searchCorpus(t testing.TB) *Index {
	t.Helper()
	x := newMem(t)

	k2 := claim("kyiv", 2, "About 7,000 soldiers were killed on June 28, 2022.")
	k2.Quantities = []claims.Quantity{{Text: "About 7,000 soldiers", Value: 7000, Low: 6500, High: 7500, Unit: "soldier", Approx: true}}
	k2.Times = []claims.Time{{Text: "June 28, 2022", Value: "2022-06-28", Low: date(2022, 6, 28), High: date(2022, 6, 28), Kind: timex.KindDate, Unit: timex.Day}}
	k3 := claim("kyiv", 3, "Putin reportedly ordered the retreat.", person("Putin"))
	k3.Modality = claims.Hedged
	put(t, x, article("kyiv", "Kyiv Post", time.Date(2022, 6, 28, 10, 0, 0, 0, time.UTC)),
		claim("kyiv", 1, "General Zhidko commanded the eastern group near Izium.", person("Zhidko"), place("Izium")),
		k2, k3)

	m2 := claim("monde", 2, "Selon Moscou, 1 500 chars ont été détruits en juin.", place("Moscou"))
	m2.Quantities = []claims.Quantity{{Text: "1 500 chars", Value: 1500, Low: 1500, High: 1500, Unit: "char"}}
	m2.Times = []claims.Time{{Text: "en juin", Value: "2022-06", Low: date(2022, 6, 1), High: date(2022, 6, 30), Kind: timex.KindMonth, Unit: timex.Month}}
	m2.Modality = claims.Attributed
	m3 := claim("monde", 3, "Müller did not visit Kharkiv.", person("Müller"), place("Kharkiv"))
	m3.Modality = claims.Negated
	put(t, x, article("monde", "Le Monde", time.Date(2022, 6, 29, 8, 0, 0, 0, time.UTC)),
		claim("monde", 1, "Le général Shidko a été limogé.", person("Shidko")),
		m2, m3)

	r2 := claim("reuters", 2, "Pitt said more than 5,500 civilians fled Kharkiv.", person("Pitt"), place("Kharkiv"))
	r2.Quantities = []claims.Quantity{{Text: "more than 5,500 civilians", Value: 5500, Low: 5500, High: quantity.Unbounded, Unit: "civilian", Bound: quantity.AtLeast}}
	r2.Modality = claims.Attributed
	r3 := claim("reuters", 3, "The talks are planned for 2023.")
	r3.Times = []claims.Time{{Text: "2023", Value: "2023", Low: date(2023, 1, 1), High: date(2023, 12, 31), Kind: timex.KindYear, Unit: timex.Year}}
	put(t, x, article("reuters", "Reuters", time.Date(2022, 7, 5, 12, 0, 0, 0, time.UTC)),
		claim("reuters", 1, "Schidko was replaced, officials said.", person("Schidko")),
		r2, r3)

	put(t, x, article("blog", "Blog", time.Time{}),
		claim("blog", 1, "Puting is what the blog calls its mascot.", person("Puting")),
		claim("blog", 2, "Volodymyr Zelensky spoke in Kyiv.", person("Volodymyr Zelensky"), place("Kyiv")))
	return x
}

func TestSearch(t *testing.T) {
	x := searchCorpus(t)
	june28 := time.Date(2022, 6, 28, 23, 59, 59, 0, time.UTC)
	for _, tc := range []struct {
		name  string
		q     Query
		want  []string // exactly these, in any order
		first string   // this one first, when set
	}{
		{"variants of a name", Query{Text: "Zhidko"}, []string{"kyiv:1", "monde:1", "reuters:1"}, "kyiv:1"},
		{"variants, other spelling first", Query{Text: "Schidko"}, []string{"kyiv:1", "monde:1", "reuters:1"}, "reuters:1"},
		{"lower case", Query{Text: "zhidko"}, []string{"kyiv:1", "monde:1", "reuters:1"}, "kyiv:1"},
		{"not a lookalike name", Query{Text: "Putin"}, []string{"kyiv:3"}, "kyiv:3"},
		{"not a lookalike the other way", Query{Text: "Pitt"}, []string{"reuters:2"}, ""},
		{"folded", Query{Text: "Muller"}, []string{"monde:3"}, ""},
		{"accented", Query{Text: "détruits"}, []string{"monde:2"}, ""},
		{"accent-free for accented", Query{Text: "detruits"}, []string{"monde:2"}, ""},
		{"all words", Query{Text: "Zhidko eastern"}, []string{"kyiv:1"}, ""},
		{"stop words only rank", Query{Text: "the Kharkiv"}, []string{"monde:3", "reuters:2"}, ""},
		{"phrase", Query{Text: `"eastern group"`}, []string{"kyiv:1"}, ""},
		{"phrase not in order", Query{Text: `"group eastern"`}, nil, ""},
		{"no match", Query{Text: "quantum"}, nil, ""},

		{"source", Query{Source: "Reuters"}, []string{"reuters:1", "reuters:2", "reuters:3"}, ""},
		{"source folded", Query{Source: "le monde"}, []string{"monde:1", "monde:2", "monde:3"}, ""},
		{"source inline", Query{Text: "source:reuters Kharkiv"}, []string{"reuters:2"}, ""},
		{"two sources", Query{Text: "Kharkiv source:reuters outlet:\"Le Monde\""}, []string{"monde:3", "reuters:2"}, ""},
		{"source unknown", Query{Source: "Pravda"}, nil, ""},

		{"since", Query{Since: date(2022, 6, 29)}, []string{"monde:1", "monde:2", "monde:3", "reuters:1", "reuters:2", "reuters:3"}, ""},
		{"until", Query{Until: june28}, []string{"kyiv:1", "kyiv:2", "kyiv:3"}, ""},
		{"until a day takes all of it", Query{Until: date(2022, 6, 28)}, []string{"kyiv:1", "kyiv:2", "kyiv:3"}, ""},
		{"since a day takes all of it", Query{Since: date(2022, 6, 28), Until: date(2022, 6, 28)}, []string{"kyiv:1", "kyiv:2", "kyiv:3"}, ""},
		{"since and until", Query{Since: date(2022, 6, 29), Until: date(2022, 7, 1)}, []string{"monde:1", "monde:2", "monde:3"}, ""},
		{"since with words", Query{Text: "Zhidko", Since: date(2022, 6, 29)}, []string{"monde:1", "reuters:1"}, ""},

		{"entity type", Query{EntityTypes: []claims.EntityType{claims.Place}}, []string{"blog:2", "kyiv:1", "monde:2", "monde:3", "reuters:2"}, ""},
		{"entity type inline", Query{Text: "type:person Kharkiv"}, []string{"monde:3", "reuters:2"}, ""},
		{"entity type org", Query{EntityTypes: []claims.EntityType{claims.Org}}, nil, ""},

		{"modality", Query{Modalities: []claims.Modality{claims.Hedged}}, []string{"kyiv:3"}, ""},
		{"modalities", Query{Modalities: []claims.Modality{claims.Negated, claims.Attributed}}, []string{"monde:2", "monde:3", "reuters:2"}, ""},
		{"modality inline", Query{Text: "modality:negated"}, []string{"monde:3"}, ""},

		{"entity filter", Query{Text: "entity:Zhidko"}, []string{"kyiv:1", "monde:1", "reuters:1"}, "kyiv:1"},
		{"entity filter place", Query{Text: "entity:Kharkiv"}, []string{"monde:3", "reuters:2"}, ""},
		{"entity filter lookalike", Query{Text: "entity:Putin"}, []string{"kyiv:3"}, ""},
		{"entity filter not in text", Query{Text: "entity:eastern"}, nil, ""},
		{"entity filter full name", Query{Text: `entity:"Volodymyr Zelensky"`}, []string{"blog:2"}, ""},
		{"entity filter full name variant", Query{Text: `entity:"Volodymyr Zelenskyy"`}, []string{"blog:2"}, ""},
		{"entity filter surname variant", Query{Text: "entity:Zelenskyy"}, []string{"blog:2"}, ""},
		{"entity filter other first name", Query{Text: `entity:"Oleksandr Zelensky"`}, nil, ""},
		{"surname variant", Query{Text: "Zelenskyy"}, []string{"blog:2"}, ""},

		{"number above", Query{Text: "number:>5000"}, []string{"kyiv:2", "reuters:2"}, ""},
		{"number above bound", Query{Text: "number:>7500"}, nil, ""},
		{"number at least", Query{Text: "number:>=7500"}, []string{"kyiv:2"}, ""},
		{"number range", Query{Text: "number:1000..2000"}, []string{"monde:2"}, ""},
		{"number exact", Query{Text: "number:7,000"}, []string{"kyiv:2"}, ""},
		{"number below", Query{Text: "number:<100"}, nil, ""},
		{"number open range", Query{Text: "number:..1500"}, []string{"monde:2"}, ""},

		{"date month", Query{Text: "date:2022-06"}, []string{"kyiv:2", "monde:2"}, ""},
		{"date day", Query{Text: "date:2022-06-28"}, []string{"kyiv:2"}, ""},
		{"date year", Query{Text: "date:2022"}, []string{"kyiv:2", "monde:2"}, ""},
		{"date other year", Query{Text: "date:2023"}, []string{"reuters:3"}, ""},
		{"date range inside a month", Query{Text: "date:2022-06-20..2022-06-30"}, []string{"kyiv:2"}, ""},
		{"date range of months", Query{Text: "date:2022-06..2022-07"}, []string{"kyiv:2", "monde:2"}, ""},
		{"date range misses", Query{Text: "date:2021-01..2021-12"}, nil, ""},

		{"article", Query{Text: "article:monde"}, []string{"monde:1", "monde:2", "monde:3"}, ""},
		{"articles", Query{Text: "article:monde article:reuters Kharkiv"}, []string{"monde:3", "reuters:2"}, ""},
		{"article with name", Query{Text: "article:reuters Zhidko"}, []string{"reuters:1"}, ""},

		{"unit", Query{Text: "unit:soldier"}, []string{"kyiv:2"}, ""},
		{"everything", Query{}, []string{"blog:1", "blog:2", "kyiv:1", "kyiv:2", "kyiv:3", "monde:1", "monde:2", "monde:3", "reuters:1", "reuters:2", "reuters:3"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := x.Search(tc.q)
			if err != nil {
				t.Fatalf("Search: %v", err)
			}
			got := hitIDs(r)
			sorted := slices.Sorted(slices.Values(got))
			if diff := cmp.Diff(tc.want, sorted, cmpNilEmpty); diff != "" {
				t.Errorf("Search(%+v) = %q (-want +got):\n%s", tc.q, got, diff)
			}
			if tc.first != "" && (len(got) == 0 || got[0] != tc.first) {
				t.Errorf("Search(%+v) = %q, want %s first", tc.q, got, tc.first)
			}
			if r.Total != len(got) {
				t.Errorf("Total = %d, want %d", r.Total, len(got))
			}
		})
	}
}

func TestSearchRanksExactSpellingFirst(t *testing.T) {
	x := searchCorpus(t)
	r, err := x.Search(Query{Text: "Zhidko"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 3 {
		t.Fatalf("hits = %q, want 3", hitIDs(r))
	}
	if r.Hits[0].Similarity != 1 {
		t.Errorf("first hit similarity = %v, want 1", r.Hits[0].Similarity)
	}
	for _, h := range r.Hits[1:] {
		if h.Similarity >= 1 || h.Similarity < 0.9 {
			t.Errorf("variant hit %s similarity = %v, want in [0.9, 1)", h.ID, h.Similarity)
		}
	}
}

func TestSearchLimit(t *testing.T) {
	x := searchCorpus(t)
	for _, limit := range []int{1, 2} {
		r, err := x.Search(Query{Text: "Zhidko", Limit: limit})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) != limit || r.Total != 3 {
			t.Errorf("Limit %d: %d hits, total %d; want %d hits, total 3", limit, len(r.Hits), r.Total, limit)
		}
		if r.Hits[0].ID != "kyiv:1" {
			t.Errorf("Limit %d: first hit %s, want kyiv:1", limit, r.Hits[0].ID)
		}
	}
}

func TestSearchHits(t *testing.T) {
	x := searchCorpus(t)
	for _, tc := range []struct {
		q    string
		id   string
		want string // the sentence highlighted with [ ]
	}{
		{"Zhidko", "kyiv:1", "General [Zhidko] commanded the eastern group near Izium."},
		{"Zhidko", "monde:1", "Le général [Shidko] a été limogé."},
		{"Muller", "monde:3", "[Müller] did not visit Kharkiv."},
		{"detruits chars", "monde:2", "Selon Moscou, 1 500 [chars] ont été [détruits] en juin."},
		{`"eastern group" Izium`, "kyiv:1", "General Zhidko commanded the [eastern group] near [Izium]."},
		{"entity:Kharkiv", "reuters:2", "Pitt said more than 5,500 civilians fled [Kharkiv]."},
		{"number:>5000", "reuters:2", "Pitt said more than 5,500 civilians fled Kharkiv."},
	} {
		t.Run(tc.q+"/"+tc.id, func(t *testing.T) {
			r, err := x.Search(Query{Text: tc.q})
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(r.Hits, func(h Hit) bool { return h.ID == tc.id })
			if i < 0 {
				t.Fatalf("hits %q, want %s among them", hitIDs(r), tc.id)
			}
			h := r.Hits[i]
			if got := h.Highlight("[", "]"); got != tc.want {
				t.Errorf("Highlight = %q, want %q", got, tc.want)
			}
			art, _, _ := strings.Cut(tc.id, ":")
			if h.Article != art || h.Line == 0 || h.Score <= 0 || h.Outlet == "" || h.Published.IsZero() {
				t.Errorf("hit = %+v, want article %s, a line, a score, outlet and date", h, art)
			}
		})
	}
}

func TestSearchErrors(t *testing.T) {
	x := searchCorpus(t)
	for _, q := range []string{"number:many", "number:5..1", "modality:sure", "type:animal", "date:June", "date:2022..", "entity:"} {
		t.Run(q, func(t *testing.T) {
			r, err := x.Search(Query{Text: q})
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("Search(%q) = %d hits, error %v; want a *QueryError", q, len(r.Hits), err)
			}
			if qe.Term != q {
				t.Errorf("QueryError.Term = %q, want %q", qe.Term, q)
			}
		})
	}
}

func TestParseText(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	for _, tc := range []struct {
		in   string
		want parsed
	}{
		{"", parsed{}},
		{"  Zhidko  tanks ", parsed{words: []string{"Zhidko", "tanks"}}},
		{`"eastern group" Izium`, parsed{words: []string{"Izium"}, phrases: []string{"eastern group"}}},
		{`"unterminated phrase`, parsed{phrases: []string{"unterminated phrase"}}},
		{`entity:"Volodymyr Zelensky" said`, parsed{words: []string{"said"}, entities: []string{"Volodymyr Zelensky"}}},
		{"Entity:Putin 10:30", parsed{words: []string{"10:30"}, entities: []string{"Putin"}}},
		{"number:>5000", parsed{numbers: []numRange{{min: f(5000)}}}},
		{"number:<=5,000", parsed{numbers: []numRange{{max: f(5000), maxIncl: true}}}},
		{"number:1000..2000", parsed{numbers: []numRange{{min: f(1000), max: f(2000), minIncl: true, maxIncl: true}}}},
		{"number:7000", parsed{numbers: []numRange{{min: f(7000), max: f(7000), minIncl: true, maxIncl: true}}}},
		{"date:2022-06", parsed{dates: [][]string{{"2022-06"}}}},
		{"date:2022-w25", parsed{dates: [][]string{{"2022-W25"}}}},
		{"date:2021-12-30..2023-02-02", parsed{dates: [][]string{{"2021-12-30", "2021-12-31", "2022", "2023-01", "2023-02-01", "2023-02-02"}}}},
		{"article:kyiv source:reuters type:Place modality:hedged unit:soldier", parsed{
			articles: []string{"kyiv"}, sources: []string{"reuters"}, types: []claims.EntityType{claims.Place},
			modal: []claims.Modality{claims.Hedged}, units: []string{"soldier"},
		}},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := parseText(tc.in)
			if err != nil {
				t.Fatalf("parseText: %v", err)
			}
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(parsed{}, numRange{})); diff != "" {
				t.Errorf("parseText(%q) (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestDateTerms(t *testing.T) {
	for _, tc := range []struct {
		name string
		t    claims.Time
		want []string
	}{
		{"day", claims.Time{Value: "2022-06-28", Low: date(2022, 6, 28), High: date(2022, 6, 28)}, []string{"2022-06-28", "2022-06", "2022"}},
		{"evening", claims.Time{Value: "2022-06-28TEV", Low: date(2022, 6, 28), High: date(2022, 6, 28)}, []string{"2022-06-28TEV", "2022-06-28", "2022-06", "2022"}},
		{"week across months", claims.Time{Value: "2022-W26", Low: date(2022, 6, 27), High: date(2022, 7, 3)},
			[]string{"2022-W26", "2022-06-27", "2022-06-28", "2022-06-29", "2022-06-30", "2022-07-01", "2022-07-02", "2022-07-03", "2022"}},
		{"quarter", claims.Time{Value: "2022-Q3", Low: date(2022, 7, 1), High: date(2022, 9, 30)}, []string{"2022-Q3", "2022"}},
		{"decade", claims.Time{Value: "199", Low: date(1990, 1, 1), High: date(1999, 12, 31)}, []string{"199"}},
		{"unresolved", claims.Time{Value: "XXXX-06-28"}, []string{"XXXX-06-28"}},
		{"nothing", claims.Time{}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := appendDateTerms(nil, &tc.t)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("appendDateTerms (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSearchNewestFirst checks filters without words on a corpus of a few
// hundred articles over two months, published in time zones from UTC-12 to
// UTC+14 so that the day an article is dated and its place in time
// disagree: each search returns the newest matches, as sorting all of them
// would, and counts them all, whether it was answered from the latest days
// or not.
func TestSearchNewestFirst(t *testing.T) {
	x := newMem(t)
	zones := []*time.Location{
		time.FixedZone("UTC-12", -12*3600), time.FixedZone("UTC+14", 14*3600),
		time.FixedZone("UTC+5:30", 5*3600+1800), time.UTC, time.FixedZone("UTC-5", -5*3600),
	}
	base := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	type published struct {
		id string
		at time.Time
	}
	var hedged, counted []published
	for i := range 300 {
		id := fmt.Sprintf("a%03d", i)
		at := base.Add(time.Duration(i*5) * time.Hour).Add(time.Duration(i) * time.Minute).In(zones[i%len(zones)])
		a := article(id, "Outlet", at)
		if i%29 == 0 {
			a.Published = time.Time{} // undated
		}
		cs := []claims.Claim{claim(id, 1, "Officials met in the capital.")}
		if i%3 != 1 {
			c := claim(id, 2, "Troops may have crossed the border.")
			c.Modality = claims.Hedged
			cs = append(cs, c)
			hedged = append(hedged, published{id + ":2", a.Published})
		}
		if i%2 == 0 {
			c := claim(id, 3, "About 40 people were hurt.")
			c.Quantities = []claims.Quantity{{Text: "40 people", Value: 40, Low: 40, High: 40, Unit: "person"}}
			cs = append(cs, c)
			counted = append(counted, published{id + ":3", a.Published})
		}
		put(t, x, a, cs...)
	}
	newest := func(ps []published, n int) []string {
		ps = slices.Clone(ps)
		slices.SortStableFunc(ps, func(a, b published) int {
			switch {
			case a.at.IsZero() != b.at.IsZero():
				if a.at.IsZero() {
					return 1
				}
				return -1
			case !a.at.Equal(b.at):
				return b.at.Compare(a.at)
			}
			return strings.Compare(a.id, b.id)
		})
		var ids []string
		for _, p := range ps[:min(n, len(ps))] {
			ids = append(ids, p.id)
		}
		return ids
	}
	for _, tc := range []struct {
		text  string
		of    []published
		limit int
	}{
		{"modality:hedged", hedged, 1}, {"modality:hedged", hedged, 7}, {"modality:hedged", hedged, 60},
		{"modality:hedged", hedged, 250}, {"number:>30", counted, 5}, {"number:>30", counted, 149},
		{"number:>30", counted, 20}, {"number:>30", counted, 40}, {"number:>30", counted, 70},
		{"modality:hedged", hedged, 80}, {"modality:hedged", hedged, 100}, {"modality:hedged", hedged, 130},
	} {
		res, err := x.Search(Query{Text: tc.text, Limit: tc.limit})
		if err != nil {
			t.Fatalf("%s: %v", tc.text, err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
			if h.Score != 1 {
				t.Errorf("%s: hit %s scores %v, want 1", tc.text, h.ID, h.Score)
			}
		}
		if diff := cmp.Diff(newest(tc.of, tc.limit), got); diff != "" {
			t.Errorf("%s, limit %d: hits not the newest (-want +got):\n%s", tc.text, tc.limit, diff)
		}
		if res.Total != len(tc.of) {
			t.Errorf("%s: total %d, want %d", tc.text, res.Total, len(tc.of))
		}
	}
	if x.windowed.Load() == 0 {
		t.Error("no search was answered from the latest days")
	}
}

// TestSearchNewestFirstAcrossZones checks the edge of the first window of
// days: a claim dated the day before it, published where it was still
// that day, came out after the last claim in the window.
func TestSearchNewestFirstAcrossZones(t *testing.T) {
	x := newMem(t)
	hedged := func(id string, at time.Time) { putHedged(t, x, id, at) }
	newest := date(2024, 3, 31)
	from := newest.AddDate(0, 0, -windowDays) // the first window's first day
	hedged("newest", newest.Add(12*time.Hour))
	hedged("inside", from.AddDate(0, 0, 2))
	hedged("last-inside", from.Add(3*time.Hour))
	// 20:00 the day before the window, 12 hours behind UTC: 08:00 UTC on
	// the window's first day, after "last-inside".
	hedged("outside", time.Date(from.Year(), from.Month(), from.Day()-1, 20, 0, 0, 0, time.FixedZone("UTC-12", -12*3600)))
	for i := range 5 {
		hedged(fmt.Sprintf("old%d", i), from.AddDate(0, -1, -i))
	}
	res, err := x.Search(Query{Text: "modality:hedged", Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.Article)
	}
	if want := []string{"newest", "inside", "outside"}; !slices.Equal(got, want) {
		t.Errorf("hits %v, want %v", got, want)
	}
	if res.Total != 9 {
		t.Errorf("total %d, want 9", res.Total)
	}
}

// TestSearchPhrasePages checks that a phrase whose words many claims hold
// apart is still found in a claim ranked below them, and that Total leaves
// out the claims examined without it.
func TestSearchPhrasePages(t *testing.T) {
	x := newMem(t)
	for i := range 120 {
		id := fmt.Sprintf("a%03d", i)
		text := "The group said the eastern front held."
		if i == 77 {
			text = "A long sentence that mentions the eastern group only once, near its end."
		}
		put(t, x, article(id, "Outlet", date(2024, 1, 1).AddDate(0, 0, i)), claim(id, 1, text))
	}
	res, err := x.Search(Query{Text: `"eastern group"`, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].ID != "a077:1" {
		t.Fatalf("hits %+v, want a077:1 only", res.Hits)
	}
	if res.Total != 1 {
		t.Errorf("total %d, want 1", res.Total)
	}
}

// TestSearchNearFormsOfTheSameName checks that a word finds entity forms a
// few edits away only when they are spellings of the same name: "border"
// is one edit from "Borden" but is not counted as matching it, even where
// more claims name Borden than a search examines, while a surname's variant
// spelling is found and ranked below the spelling asked for.
func TestSearchNearFormsOfTheSameName(t *testing.T) {
	x := newMem(t)
	put(t, x, article("a", "Outlet", date(2025, 10, 9)),
		claim("a", 1, "Troops crossed the border near Dushanbe.", place("Dushanbe")),
		claim("a", 3, "Rakhmon met the delegation.", person("Rakhmon")),
		claim("a", 4, "Rahmon left for Moscow.", person("Rahmon"), place("Moscow")))
	for i := range 5 * DefaultLimit {
		id := fmt.Sprintf("b%03d", i)
		put(t, x, article(id, "Outlet", date(2025, 10, 10)), claim(id, 1, "Borden denied it.", person("Borden")))
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"border", []string{"a:1"}},
		{"Rahmon", []string{"a:4", "a:3"}},
		{"Rakhmon", []string{"a:3", "a:4"}},
		{"entity:Rahmon", []string{"a:4", "a:3"}},
	} {
		res, err := x.Search(Query{Text: tc.text})
		if err != nil {
			t.Fatalf("%s: %v", tc.text, err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		if !slices.Equal(got, tc.want) || res.Total != len(tc.want) {
			t.Errorf("%s: hits %v of %d, want %v of %d", tc.text, got, res.Total, tc.want, len(tc.want))
		}
	}
}

// TestSearchNewestFirstAfterWrites checks that filters alone still return
// the newest claims after articles newer and older than all the others are
// added to an index already searched.
func TestSearchNewestFirstAfterWrites(t *testing.T) {
	x := newMem(t)
	hedged := func(id string, at time.Time) { putHedged(t, x, id, at) }
	for i := range 40 {
		hedged(fmt.Sprintf("mid%02d", i), date(2024, 3, 1).AddDate(0, 0, i))
	}
	first := func() string {
		t.Helper()
		res, err := x.Search(Query{Text: "modality:hedged", Limit: 1})
		if err != nil || len(res.Hits) != 1 {
			t.Fatalf("search: %v, %d hits", err, len(res.Hits))
		}
		return res.Hits[0].Article
	}
	if got := first(); got != "mid39" {
		t.Fatalf("newest %s, want mid39", got)
	}
	hedged("old", date(2019, 1, 1))
	hedged("new", date(2026, 1, 1))
	if got := first(); got != "new" {
		t.Errorf("newest after writes %s, want new", got)
	}
}

// TestSearchCommonWordWithVariants checks a word that more claims hold as
// written than a search examines, and that other claims hold in another
// spelling: the hits are claims with the word as written, and the total
// counts the others once, with filters too; a rarer spelling still ranks
// its own claims first and then the variants.
func TestSearchCommonWordWithVariants(t *testing.T) {
	x := newMem(t)
	for i := range 180 {
		id := fmt.Sprintf("a%03d", i)
		outlet := "Asia-Plus"
		if i%2 == 1 {
			outlet = "Reuters"
		}
		var c claims.Claim
		switch {
		case i < 140:
			c = claim(id, 1, "Rahmon met the delegation in Dushanbe.", person("Rahmon"), place("Dushanbe"))
		case i < 160: // both spellings
			c = claim(id, 1, "Rahmon, or Rakhmon, met the delegation.", person("Rahmon"), person("Rakhmon"))
		default:
			c = claim(id, 1, "Rakhmon met the delegation.", person("Rakhmon"))
		}
		put(t, x, article(id, outlet, date(2025, 10, 1).AddDate(0, 0, i)), c)
	}
	for _, tc := range []struct {
		q             Query
		total         int
		writtenFirst  int // hits with the spelling asked for, before any other
		wantVariantIn bool
	}{
		{Query{Text: "Rahmon", Limit: 20}, 180, 20, false},
		{Query{Text: "Rahmon", Limit: 20, Source: "Reuters"}, 90, 20, false},
		{Query{Text: "Rakhmon", Limit: 50}, 180, 40, true},
	} {
		res, err := x.Search(tc.q)
		if err != nil {
			t.Fatalf("%+v: %v", tc.q, err)
		}
		if res.Total != tc.total {
			t.Errorf("%s (source %q): total %d, want %d", tc.q.Text, tc.q.Source, res.Total, tc.total)
		}
		if len(res.Hits) != tc.q.Limit {
			t.Fatalf("%s: %d hits, want %d", tc.q.Text, len(res.Hits), tc.q.Limit)
		}
		variant := false
		for i, h := range res.Hits {
			written := strings.Contains(h.Sentence, tc.q.Text)
			if i < tc.writtenFirst && !written {
				t.Errorf("%s: hit %d %q lacks the spelling asked for", tc.q.Text, i, h.Sentence)
			}
			if tc.q.Source != "" && h.Outlet != tc.q.Source {
				t.Errorf("%s: hit from %s, want %s only", tc.q.Text, h.Outlet, tc.q.Source)
			}
			if !written {
				variant = true
				if h.Similarity >= 1 {
					t.Errorf("%s: variant hit %q has similarity %v", tc.q.Text, h.Sentence, h.Similarity)
				}
			}
		}
		if variant != tc.wantVariantIn {
			t.Errorf("%s: variant hits %v, want %v", tc.q.Text, variant, tc.wantVariantIn)
		}
	}
}

// TestSearchSpanNote checks the note of the first and last publication
// day: puts widen it, a process that opens the index reads it rather than
// walking the days, and a span that is wrong either way still gives the
// newest claims.
func TestSearchSpanNote(t *testing.T) {
	dir := t.TempDir()
	x, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	hedged := func(id string, at time.Time) { putHedged(t, x, id, at) }
	for i := range 30 {
		hedged(fmt.Sprintf("a%02d", i), date(2024, 3, 1).AddDate(0, 0, 2*i))
	}
	span := func() string {
		t.Helper()
		b, err := x.Note(spanNote)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if got, want := span(), "2024-03-01 2024-04-28"; got != want {
		t.Errorf("span %q, want %q", got, want)
	}
	hedged("old", date(2023, 12, 31))
	hedged("undated", time.Time{})
	if got, want := span(), "2023-12-31 2024-04-28"; got != want {
		t.Errorf("span after an older article %q, want %q", got, want)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	want := []string{"a29", "a28", "a27"}
	for _, note := range []string{"", "2030-01-01 2030-01-02", "1900-01-01 2100-01-01", "2024-04-01 2024-04-02"} {
		if note != "" {
			writeNotes(t, dir, map[string][]byte{spanNote: []byte(note)})
		}
		r, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		first, last, err := r.days()
		if err != nil {
			t.Fatal(err)
		}
		if got := first.Format(dayLayout) + " " + last.Format(dayLayout); note != "" && got != note {
			t.Errorf("days %q, want the note's %q", got, note)
		}
		res, err := r.Search(Query{Text: "modality:hedged", Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.Article)
		}
		if !slices.Equal(got, want) || res.Total != 32 {
			t.Errorf("span %q: hits %v of %d, want %v of 32", note, got, res.Total, want)
		}
		r.Close()
	}
}

// putHedged puts article id, published at at, with one hedged claim.
func putHedged(t *testing.T, x *Index, id string, at time.Time) {
	t.Helper()
	c := claim(id, 1, "Troops may have crossed the border.")
	c.Modality = claims.Hedged
	put(t, x, article(id, "Outlet", at), c)
}
