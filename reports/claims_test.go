package reports

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/claims"
)

func sampleClaims() ([]claims.Article, []claims.Claim) {
	arts := []claims.Article{
		{ID: "harbour-gazette", Path: "corpus/harbour-gazette.txt", Title: "Fire at the old harbour", Outlet: "Gazette",
			URL: "https://gazette.example/fire", Published: day("2024-03-05"), Hash: "ab12"},
		{ID: "harbour-courier", Path: "corpus/harbour courier.txt", Title: "Harbour fire: the mayor speaks"},
	}
	cs := []claims.Claim{
		{
			ID: "harbour-gazette:1", Article: "harbour-gazette", Line: 2, Start: 40, End: 91,
			Text:       "The fire broke out on Monday evening near pier 3.",
			Times:      []claims.Time{{Text: "on Monday evening", Value: "2024-03-04TEV", Start: 59, End: 76}},
			Quantities: []claims.Quantity{{Text: "3", Value: 3, Low: 3, High: 3, Start: 88, End: 89}},
		},
		{
			ID: "harbour-gazette:2", Article: "harbour-gazette", Line: 4, Start: 120, End: 185,
			Text:     "About 200 firefighters were called in, Jürgen Müller said.",
			Modality: claims.Attributed, AttributedTo: "Jürgen Müller",
			Entities:   []claims.Entity{{Text: "Jürgen Müller", Type: claims.Person, Key: "jurgen muller", Start: 159, End: 173}},
			Quantities: []claims.Quantity{{Text: "About 200 firefighters", Value: 200, Low: 180, High: 220, Unit: "firefighter", Approx: true, Start: 120, End: 142}},
		},
		{
			ID: "harbour-courier:1", Article: "harbour-courier", Line: 5, Start: 300, End: 360,
			Text:       `"We will rebuild by autumn," the mayor said of more than 40 homes.`,
			Quotes:     []claims.Quote{{Speaker: "the mayor", Text: "We will rebuild by autumn,", Start: 301, End: 327}},
			Quantities: []claims.Quantity{{Text: "more than 40 homes", Value: 41, Low: 41, High: math.MaxFloat64, Unit: "home", Start: 340, End: 358}},
			Modality:   claims.Hedged,
		},
		{ID: "stray:1", Article: "stray", Line: 1, Text: "A claim of an article not listed."},
	}
	return arts, cs
}

func TestClaimsGolden(t *testing.T) {
	arts, cs := sampleClaims()
	for _, tt := range []struct {
		file   string
		format Format
		asJSON bool
	}{
		{"claims.json.golden", JSON, true},
		{"claims.txt.golden", Text, false},
	} {
		t.Run(tt.file, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteClaims(&buf, tt.format, arts, cs, Options{Width: 80}); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.file, buf.Bytes(), tt.asJSON)
		})
	}
}

func TestClaimsJSONContract(t *testing.T) {
	arts, cs := sampleClaims()
	var buf bytes.Buffer
	if err := WriteClaims(&buf, JSON, arts, cs, Options{}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema   string           `json:"schema"`
		Articles []map[string]any `json:"articles"`
		Claims   []map[string]any `json:"claims"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != "crosscheck.claims/v1" {
		t.Errorf("schema = %q, want crosscheck.claims/v1", doc.Schema)
	}
	for _, a := range doc.Articles {
		for _, k := range []string{"id", "path", "title", "published"} {
			if _, ok := a[k]; !ok {
				t.Errorf("article lacks %q: %v", k, a)
			}
		}
	}
	if got := doc.Articles[0]["published"]; got != "2024-03-05" {
		t.Errorf("published = %v, want 2024-03-05", got)
	}
	if got, ok := doc.Articles[1]["published"]; !ok || got != nil {
		t.Errorf("unknown published = %v, want null", got)
	}
	for _, c := range doc.Claims {
		for _, k := range []string{"id", "article", "line", "start", "end", "text", "modality", "attributed_to"} {
			if _, ok := c[k]; !ok {
				t.Errorf("claim lacks %q: %v", k, c)
			}
		}
		for _, k := range []string{"entities", "quantities", "times", "quotes"} {
			if _, ok := c[k].([]any); !ok {
				t.Errorf("claim %v: %q = %#v, want a list", c["id"], k, c[k])
			}
		}
	}
	q := doc.Claims[1]["quantities"].([]any)[0].(map[string]any)
	want := map[string]any{"text": "About 200 firefighters", "value": 200.0, "low": 180.0, "high": 220.0,
		"unit": "firefighter", "approx": true, "start": 120.0, "end": 142.0}
	if d := cmp.Diff(q, want); d != "" {
		t.Errorf("quantity (-got +want):\n%s", d)
	}
	open := doc.Claims[2]["quantities"].([]any)[0].(map[string]any)
	if h, ok := open["high"]; !ok || h != nil {
		t.Errorf("unbounded high = %v, want null", h)
	}
	tm := doc.Claims[0]["times"].([]any)[0].(map[string]any)
	if d := cmp.Diff(tm, map[string]any{"text": "on Monday evening", "value": "2024-03-04TEV", "start": 59.0, "end": 76.0}); d != "" {
		t.Errorf("time (-got +want):\n%s", d)
	}
}

func TestClaimsEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteClaims(&buf, JSON, nil, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"schema\": \"crosscheck.claims/v1\",\n  \"articles\": [],\n  \"claims\": []\n}\n"
	if got := buf.String(); got != want {
		t.Errorf("empty claims JSON = %q, want %q", got, want)
	}
	buf.Reset()
	if err := WriteClaims(&buf, Text, nil, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "no articles\n" {
		t.Errorf("empty claims text = %q, want %q", got, "no articles\n")
	}
}

func TestClaimsUnsupportedFormat(t *testing.T) {
	for _, f := range []Format{Markdown, HTML, SARIF} {
		var buf bytes.Buffer
		err := WriteClaims(&buf, f, nil, nil, Options{})
		if err == nil || !strings.Contains(err.Error(), "not supported") {
			t.Errorf("WriteClaims(%v) = %v, want a not-supported error", f, err)
		}
	}
}

func TestQuantityString(t *testing.T) {
	tests := []struct {
		q    claims.Quantity
		want string
	}{
		{claims.Quantity{Value: 200, Low: 200, High: 200, Unit: "firefighter"}, "200 firefighter"},
		{claims.Quantity{Value: 7000, Low: 6500, High: 7500, Unit: "soldier", Approx: true}, "~6500..7500 soldier"},
		{claims.Quantity{Value: 201, Low: 201, High: math.MaxFloat64, Unit: "person"}, ">=201 person"},
		{claims.Quantity{Value: 2.5, Low: 2.5, High: 2.5}, "2.5"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := quantityString(tt.q); got != tt.want {
				t.Errorf("quantityString(%+v) = %q, want %q", tt.q, got, tt.want)
			}
		})
	}
}
