package reports

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/compare"
)

// toJSON is the whole jsonReport of r, which writeJSON writes piece by
// piece.
func toJSON(r Report) jsonReport {
	out := jsonReport{
		Schema:        ReportSchema,
		FailOn:        r.FailOn,
		Counts:        countsJSON(r),
		Articles:      make([]jsonArticle, 0, len(r.Articles)),
		Stories:       make([]jsonStory, 0, len(r.Stories)),
		Discrepancies: make([]jsonDiscrepancy, 0, len(r.Discrepancies)),
		Stale:         make([]jsonStale, 0, len(r.Stale)),
	}
	for _, a := range r.Articles {
		out.Articles = append(out.Articles, articleJSON(a))
	}
	for _, s := range r.Stories {
		out.Stories = append(out.Stories, storyJSON(s))
	}
	for _, d := range r.Discrepancies {
		out.Discrepancies = append(out.Discrepancies, discrepancyJSON(d))
	}
	for _, s := range r.Stale {
		out.Stale = append(out.Stale, staleJSON(s))
	}
	return out
}

// TestWriteJSONStreams checks that the report written one element at a
// time is byte for byte the report encoded at once, for reports with and
// without discrepancies, stale resolutions and characters that HTML would
// have escaped.
func TestWriteJSONStreams(t *testing.T) {
	full := sampleReport()
	full.Stale = []StaleResolution{{ID: "number-0000000000", Resolution: compare.Resolution{Status: compare.Accepted, Note: "<b>old</b> & gone"}}}
	for name, r := range map[string]Report{
		"sample":     sampleReport(),
		"with stale": full,
		"empty":      {},
		"one story":  {Stories: []compare.Story{{ID: "story-1", Title: "Q&A <live>"}}},
	} {
		var want, got bytes.Buffer
		if err := encodeJSON(&want, toJSON(r)); err != nil {
			t.Fatal(err)
		}
		if err := writeJSON(&got, r); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want.String(), got.String()); diff != "" {
			t.Errorf("%s: streamed report differs (-at once +streamed):\n%s", name, diff)
		}
	}
}
