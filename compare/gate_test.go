package compare

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// gates are the gated expressions of the comparison, by name.
var gates = map[string]gated{
	"reCharacterise": reCharacterise,
	"reBooster":      reBooster,
	"reDispute":      reDispute,
	"reModal":        reModal,
	"reBearing":      reBearing,
	"reClock":        reClock,
}

// gateTexts are lines to try the gates on: the seed articles and the
// detector cases, with sentences made to match each expression.
func gateTexts(t testing.TB) []string {
	texts := []string{
		"Officials called it a routine visit.", "He DESCRIBED the vote as rigged.",
		"It was confirmed beyond any doubt.", "The ministry denied reports that troops left.",
		"Troops could reportedly be involved.", "The quake struck 55 kilometres south-west of the town of Bireun.",
		"It hit at 3.45pm, or about 0737 GMT.", "Kelvin: the \u212aelvin sign, the long \u017f.",
		"", "no digits am pm", "12 hours", "north of Kyiv",
	}
	var files []string
	for _, glob := range []string{filepath.Join("..", "seeds", "*.txt"), filepath.Join("testdata", "detectors", "*.txtar")} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, ".txtar") {
			for _, af := range txtar.Parse(data).Files {
				texts = append(texts, strings.Split(string(af.Data), "\n")...)
			}
			continue
		}
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	return texts
}

// TestGatesChangeNothing checks that every gated expression finds exactly
// what its expression finds, on real text, and that the gates do let the
// matching sentences through (the test would not notice a gate that is
// always open otherwise).
func TestGatesChangeNothing(t *testing.T) {
	texts := gateTexts(t)
	for name, g := range gates {
		matched, skipped := 0, 0
		for _, s := range texts {
			want := g.re.FindAllStringSubmatchIndex(s, -1)
			got := g.FindAllStringSubmatchIndex(s, -1)
			if len(got) != len(want) {
				t.Errorf("%s on %q: gated found %d matches, the expression %d", name, s, len(got), len(want))
			}
			if want != nil {
				matched++
			}
			if !g.possible(s) {
				skipped++
			}
		}
		if matched == 0 || skipped == 0 {
			t.Errorf("%s: %d texts matched, %d skipped by the gate; want some of each", name, matched, skipped)
		}
	}
}

// FuzzGates checks that no text the expressions match is kept out by their
// gates.
func FuzzGates(f *testing.F) {
	for _, s := range gateTexts(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, g := range gates {
			if g.re.MatchString(s) && !g.possible(s) {
				t.Errorf("%s matches %q, which its gate keeps out", name, s)
			}
		}
	})
}

func TestContainsFold(t *testing.T) {
	for _, tc := range []struct {
		s, w string
		want bool
	}{
		{"Officials CALLED it", "call", true},
		{"recall", "call", true},
		{"cal", "call", false},
		{"", "a", false},
		{"x", "", true},
		{"Straße", "strasse", false},
	} {
		if got := containsFold(tc.s, tc.w); got != tc.want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", tc.s, tc.w, got, tc.want)
		}
	}
}
