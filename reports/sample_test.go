package reports

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare"
)

// ev builds evidence for span in sentence, which starts at column 1 of line
// in the article; columns count code points, offsets count bytes from an
// invented line start.
func ev(article string, line int, sentence, span, value string) compare.Evidence {
	i := strings.Index(sentence, span)
	if i < 0 {
		i = 0
	}
	col := utf8.RuneCountInString(sentence[:i]) + 1
	return compare.Evidence{
		Article:   article,
		ClaimID:   article + ":" + itoa(line),
		Line:      line,
		Column:    col,
		EndColumn: col + utf8.RuneCountInString(span),
		Start:     100*line + i,
		End:       100*line + i + len(span),
		Sentence:  sentence,
		Text:      span,
		Value:     value,
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// sampleReport is a small invented report: two stories, discrepancies of
// every kind and status, multi-byte text, and markup in article text.
func sampleReport() Report {
	return Report{
		FailOn:      compare.Warning,
		Comparisons: 42,
		Articles: []ArticleInfo{
			{ID: "harbour-gazette", Path: "corpus/harbour-gazette.txt", Title: "Fire at the old harbour", Outlet: "Gazette",
				URL: "https://gazette.example/fire", Published: day("2024-03-05"), Story: "harbour-fire", Claims: 12},
			{ID: "harbour-herald", Path: "corpus/harbour-herald.txt", Title: "Blaze <script>alert('x')</script> at harbour", Outlet: "Herald",
				Published: day("2024-03-06"), Story: "harbour-fire", Claims: 9},
			{ID: "harbour-courier", Path: "corpus/harbour courier.txt", Title: "Harbour fire: the mayor speaks", Outlet: "Courier",
				Story: "harbour-fire", Claims: 7},
			{ID: "summit-post", Path: "corpus/summit-post.txt", Title: "Leaders meet in Zürich", Outlet: "Post",
				Published: day("2024-05-01"), Story: "zurich-summit", Claims: 15},
			{ID: "summit-times", Path: "corpus/summit-times.txt", Title: "Zürich summit opens", Outlet: "Times",
				Published: day("2024-05-01"), Story: "zurich-summit", Claims: 11},
		},
		Stories: []compare.Story{
			{ID: "harbour-fire", Title: "Fire at the old harbour", Articles: []string{"harbour-gazette", "harbour-herald", "harbour-courier"}},
			{ID: "zurich-summit", Title: "Summit in Zürich", Articles: []string{"summit-post", "summit-times"}},
		},
		Discrepancies: []compare.Discrepancy{
			{
				ID: "a1f3c9e07b2d4e18", Kind: compare.Number, Severity: compare.Error, Story: "harbour-fire",
				Summary:    "Firefighters at the scene: 120 in one source, about 200 in another.",
				Confidence: 0.91,
				Evidence: []compare.Evidence{
					ev("harbour-gazette", 4, "Some 120 firefighters fought the blaze through the night.", "120 firefighters", "120 firefighter"),
					ev("harbour-herald", 7, "About 200 firefighters from three districts were called in, officials said.", "About 200 firefighters", "180..220 firefighter"),
				},
			},
			{
				ID: "b2e4d0f18c3e5f29", Kind: compare.Date, Severity: compare.Warning, Story: "harbour-fire",
				Status:     compare.Resolved,
				Resolution: &compare.Resolution{Status: compare.Resolved, Value: "2024-03-04", Note: "Herald corrected its story.", By: "editor", Date: "2024-03-07"},
				Summary:    "When the fire started: Monday in one source, Tuesday in another.",
				Confidence: 0.78,
				Evidence: []compare.Evidence{
					ev("harbour-gazette", 2, "The fire broke out on Monday evening near pier 3.", "on Monday evening", "2024-03-04"),
					ev("harbour-herald", 3, "The fire, which started on Tuesday, destroyed two warehouses.", "on Tuesday", "2024-03-05"),
				},
			},
			{
				ID: "c3f5e1a29d4f6a3a", Kind: compare.NameVariant, Severity: compare.Warning, Story: "harbour-fire",
				Status:     compare.Accepted,
				Resolution: &compare.Resolution{Status: compare.Accepted, Note: "Transliteration; house style is Müller."},
				Summary:    "One name spelled 3 ways: Jürgen Müller, Juergen Mueller, Jurgen Muller.",
				Confidence: 0.84,
				Canonical:  "Jürgen Müller",
				Spellings: []compare.Spelling{
					{Text: "Jürgen Müller", Counts: map[string]int{"harbour-gazette": 2, "harbour-courier": 1}, Total: 3},
					{Text: "Juergen Mueller", Counts: map[string]int{"harbour-herald": 1}, Total: 1},
					{Text: "Jurgen Muller", Counts: map[string]int{"harbour-courier": 1}, Total: 1},
				},
				Evidence: []compare.Evidence{
					ev("harbour-gazette", 5, "Fire chief Jürgen Müller said the cause was unclear.", "Jürgen Müller", "jurgen muller"),
					ev("harbour-herald", 8, "Chief Juergen Mueller declined to comment.", "Juergen Mueller", "jurgen muller"),
					ev("harbour-courier", 2, "Jurgen Muller, the fire chief, arrived at 9 p.m.", "Jurgen Muller", "jurgen muller"),
				},
			},
			{
				ID: "d4a6f2b3ae5a7b4b", Kind: compare.QuoteKind, Severity: compare.Info, Story: "harbour-fire",
				Summary:    "The mayor's quote is worded differently.",
				Confidence: 0.66,
				Evidence: []compare.Evidence{
					ev("harbour-herald", 9, `The mayor said: "We will rebuild *everything* — <script>alert('x')</script> — by summer."`, `We will rebuild *everything* — <script>alert('x')</script> — by summer.`, ""),
					ev("harbour-courier", 5, `"We will rebuild by autumn," the mayor told reporters.`, "We will rebuild by autumn,", ""),
				},
			},
			{
				ID: "e5b7a3c4bf6b8c5c", Kind: compare.Framing, Severity: compare.Warning, Story: "zurich-summit",
				Summary:    "Delegations: 3 named in one source, \"the largest summit ever\" in another.",
				Confidence: 0.58,
				Update:     false,
				Evidence: []compare.Evidence{
					ev("summit-post", 3, "Three delegations — from São Paulo, Kraków and 東京 — arrived on Wednesday.", "Three delegations", "3 delegation"),
					ev("summit-times", 4, "It is the largest summit ever held in Zürich, organisers said.", "the largest summit ever", "superlative"),
				},
			},
			{
				ID: "f6c8b4d5c07c9d6d", Kind: compare.ModalityKind, Severity: compare.Info, Story: "zurich-summit",
				Summary:    "A trade deal is signed in one source, only expected in another.",
				Confidence: 0.52,
				Evidence: []compare.Evidence{
					ev("summit-post", 6, "The two sides signed a trade deal on Thursday.", "signed", "asserted"),
					ev("summit-times", 8, "A trade deal could reportedly be signed later this week.", "could reportedly be signed", "hedged"),
				},
			},
			{
				ID: "07d9c5e6d18dae7e", Kind: compare.Number, Severity: compare.Error, Story: "zurich-summit",
				Summary:    "Protesters: 5,000 in one source, 50,000 in another; a later article revises the figure.",
				Confidence: 0.88,
				Update:     true,
				Evidence: []compare.Evidence{
					ev("summit-post", 9, "Police said 5,000 protesters gathered on the Bahnhofstraße.", "5,000 protesters", "5000 protester"),
					ev("summit-times", 10, "By evening, 50,000 protesters filled the streets, police said.", "50,000 protesters", "50000 protester"),
				},
			},
		},
		Stale: []StaleResolution{
			{ID: "9999aaaabbbbcccc", Resolution: compare.Resolution{Status: compare.Accepted, Note: "Old spelling dispute.", By: "editor", Date: "2024-01-02"}},
		},
	}
}
