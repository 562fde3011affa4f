package goldscore

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCompute(t *testing.T) {
	g := Gold{
		Stories:         map[string][]string{"s1": {"a1", "a2"}, "s2": {"b1"}},
		CrossStoryKinds: []string{"number"},
		Positives: []Item{
			{ID: "p1", Kinds: []string{"number"}, Requires: [][]Alt{{{Article: "a1", Contains: "40 people"}}, {{Article: "a2", Contains: "45 people"}}}},
			{ID: "p2", Kinds: []string{"date"}, Requires: [][]Alt{{{Article: "a1", Contains: "on Monday"}}, {{Article: "a2", Contains: "on Tuesday"}}}},
		},
		Negatives: []Item{
			{ID: "n1", Between: [][]Alt{{{Article: "a1", Contains: "about 6,000 homes"}}, {{Article: "a2", Contains: "5,880 homes"}}}},
			{ID: "n2", Between: [][]Alt{{{Article: "a1", Contains: "Ivanov"}}, {{Article: "a2", Contains: "Ivanova"}}}},
		},
	}
	g.Identities.Groups = [][]string{{"Zhidko", "Shidko"}, {"Zhatov"}}
	r := Report{Discrepancies: []Discrepancy{
		// p1, with typographic quotes and runs of spaces folded.
		{ID: "number-1", Kind: "number", Severity: "error", Evidence: []Evidence{
			{Article: "corpus/a1.txt", Sentence: "Officials said  40 people died."},
			{Article: "a2", Sentence: "“45 people” died."},
		}},
		// The right sentences but the wrong kind: p2 stays missed.
		{ID: "number-2", Kind: "number", Severity: "info", Evidence: []Evidence{
			{Article: "a1", Sentence: "It began on Monday."},
			{Article: "a2", Sentence: "It began on Tuesday."},
		}},
		// n1 violated.
		{ID: "number-3", Kind: "number", Severity: "warning", Evidence: []Evidence{
			{Article: "a1", Sentence: "about 6,000 homes were destroyed"},
			{Article: "a2", Sentence: "5,880 homes were destroyed"},
		}},
		// n2 names no kinds: a name variant does not violate it.
		{ID: "name-variant-1", Kind: "name-variant", Severity: "warning", Evidence: []Evidence{
			{Article: "a1", Sentence: "Ivanov spoke.", Text: "Ivanov"},
			{Article: "a2", Sentence: "Ivanova spoke.", Text: "Ivanova"},
		}},
		// Two identities merged; a word that only contains a form is none.
		{ID: "name-variant-2", Kind: "name-variant", Severity: "warning", Evidence: []Evidence{
			{Article: "a1", Text: "Shidko"}, {Article: "a2", Text: "Zhatov"}, {Article: "a2", Text: "Zhidkov"},
		}},
		// Two stories paired.
		{ID: "number-4", Kind: "number", Severity: "info", Evidence: []Evidence{
			{Article: "a1", Sentence: "12 boats"}, {Article: "b1", Sentence: "13 boats"},
		}},
	}}
	got := Compute(g, r)
	want := Score{
		Positives: 2, Found: 1, Negatives: 2, Violated: 1, Identity: 1, Cross: 1, Loud: 4, Total: 6,
		Missed: []string{"p2"},
		Violations: []string{
			"VIOLATED negative n1 by [number-3]",
			"VIOLATED identity: name-variant-2 merges [Zhidko Zhatov]",
			"VIOLATED cross-story: number-4 (number) pairs [s1 s2]",
		},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Compute (-want +got):\n%s", d)
	}
	if got.Recall() != 0.5 || got.Precision() != 0.25 {
		t.Errorf("recall %v, precision %v; want 0.5, 0.25", got.Recall(), got.Precision())
	}
	if s := (Score{}); s.Recall() != 1 || s.Precision() != 1 {
		t.Errorf("empty score: recall %v, precision %v; want 1, 1", s.Recall(), s.Precision())
	}
}
