package index

import (
	"cmp"
	"fmt"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	bleveindex "github.com/blevesearch/bleve_index_api"
	gocmp "github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/timex"
)

// mappedField is what indexing makes of one field of a document.
type mappedField struct {
	Name   string
	At     []uint64
	Opts   bleveindex.FieldIndexingOptions
	Value  string
	Length int
	Terms  map[string]string // term -> frequency and locations
}

// mappedFields analyses the fields of doc and lists them in a fixed order.
func mappedFields(doc *document.Document) []mappedField {
	var out []mappedField
	doc.VisitFields(func(f bleveindex.Field) {
		f.Analyze()
		m := mappedField{Name: f.Name(), At: f.ArrayPositions(), Opts: f.Options(), Value: string(f.Value()), Length: f.AnalyzedLength(), Terms: map[string]string{}}
		if len(m.At) == 0 {
			m.At = nil
		}
		for term, tf := range f.AnalyzedTokenFrequencies() {
			m.Terms[term] = fmt.Sprintf("%d %v", tf.Frequency(), tf.Locations)
		}
		out = append(out, m)
	})
	slices.SortFunc(out, func(a, b mappedField) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), slices.Compare(a.At, b.At))
	})
	return out
}

// TestDocumentsAsTheMappingMapsThem builds the documents of the seeds'
// claims and articles, and of claims with every kind of value, both
// through the index mapping (as Bleve's Batch.Index does) and through
// docMaker: every field must come out alike, options, value and terms.
func TestDocumentsAsTheMappingMapsThem(t *testing.T) {
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	maker, err := newDocMaker(im)
	if err != nil {
		t.Fatal(err)
	}
	entries := seedEntries(t)
	// No outlet, no date, a range with a unit, a time, a name with a
	// diacritic and an apostrophe.
	a := article("plain", "", date(1, 1, 1))
	a.Published = a.Published.AddDate(-1, 0, 0) // the zero time
	c := claim("plain", 1, "Between 3,000 and 4,500 Škoda workers' shifts ended on Friday.", person("Škoda"), place("Friday"))
	c.Quantities = []claims.Quantity{{Text: "between 3,000 and 4,500", Value: 3750, Low: 3000, High: 4500, Unit: "Worker"}, {Text: "-2", Value: -2, Low: -2, High: -2}}
	c.Times = []claims.Time{{Text: "Friday", Value: "2022-06-17", Low: date(2022, 6, 17), High: date(2022, 6, 17), Kind: timex.KindDate, Unit: timex.Day}}
	c.Modality = claims.Hedged
	entries = append(entries, Entry{Article: a, Claims: []claims.Claim{c, claim("plain", 2, "")}})

	docs := 0
	check := func(id string, values map[string]any) {
		t.Helper()
		want := document.NewDocument(id)
		if err := im.MapDocument(want, values); err != nil {
			t.Fatalf("MapDocument(%s): %v", id, err)
		}
		got, err := maker.document(id, values)
		if err != nil {
			t.Fatalf("document(%s): %v", id, err)
		}
		if got.ID() != id || got.Indexed() != want.Indexed() {
			t.Errorf("document(%s): id %q, indexed %v; want %q, %v", id, got.ID(), got.Indexed(), id, want.Indexed())
		}
		if diff := gocmp.Diff(mappedFields(want), mappedFields(got)); diff != "" {
			t.Errorf("document(%s) (-mapping +docMaker):\n%s", id, diff)
		}
		docs++
	}
	for _, e := range entries {
		for i := range e.Claims {
			check(e.Claims[i].ID, claimDoc(&e.Article, &e.Claims[i]))
		}
		values, err := articleDoc(&e.Article, e.Claims)
		if err != nil {
			t.Fatal(err)
		}
		check(articleDocID(e.Article.ID), values)
	}
	t.Logf("%d documents alike", docs)

	// A value the mapping does not know is refused, not dropped.
	for _, values := range []map[string]any{
		{fieldType: typeClaim, "nosuch": "x"},
		{fieldType: "nosuch"},
		{fieldType: typeClaim, fieldNumber: "7"},
		{fieldType: typeClaim, fieldFolded: 7.0},
		{fieldType: typeClaim, fieldFolded: 7},
	} {
		if _, err := maker.document("x", values); err == nil {
			t.Errorf("document(%v): no error", values)
		}
	}
}
