package compare

import (
	"math/rand/v2"
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

// TestGateReadsOnce checks that a gate lets a text through exactly when one
// of its words is in it (containsFold), on real text and on texts made of
// pieces of its words.
func TestGateReadsOnce(t *testing.T) {
	texts := gateTexts(t)
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{" ", ".", "\x0e", "1", "é", "A", "z", "\u212a"}
	for _, g := range gates {
		for _, w := range g.words {
			pieces = append(pieces, w, strings.ToUpper(w), w[:len(w)/2], w[len(w)/2:])
		}
	}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for name, g := range gates {
		open := 0
		for _, s := range texts {
			want := strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")
			if !want && (!g.digit || strings.ContainsAny(s, "0123456789")) {
				for _, w := range g.words {
					want = want || containsFold(s, w)
				}
			}
			if got := g.possible(s); got != want {
				t.Errorf("%s: possible(%q) = %v, want %v", name, s, got, want)
			}
			if want {
				open++
			}
		}
		if open == 0 || open == len(texts) {
			t.Errorf("%s: %d of %d texts let through; want some", name, open, len(texts))
		}
	}
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

// containsFold is what a gate looks for in a text, one word at a time: it
// reports whether s contains word, a word of lower-case ASCII letters and
// dots, in any mix of ASCII case. It may also report true for a few control
// characters in place of a dot, which a gate can afford.
func containsFold(s, word string) bool {
	if len(word) == 0 {
		return true
	}
	first := word[0]
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 != first {
			continue
		}
		k := 1
		for k < len(word) && s[i+k]|0x20 == word[k] {
			k++
		}
		if k == len(word) {
			return true
		}
	}
	return false
}
