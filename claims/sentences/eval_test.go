package sentences

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// evalCase is one case of a sentence-boundary suite: an input and the
// sentences it must give.
type evalCase struct {
	RuleNo   int               `json:"rule_no"`
	Rule     string            `json:"rule"`
	Name     string            `json:"name"`
	Input    string            `json:"input"`
	Expected []string          `json:"expected"`
	Options  map[string]string `json:"options"`
}

func (c evalCase) title() string {
	if c.Rule != "" {
		return c.Rule
	}
	return c.Name
}

// evalDir returns the shared evaluation data directory: $CROSSCHECK_EVAL, or
// the shared/eval folder cloned beside the repository.
func evalDir() string {
	if d := os.Getenv("CROSSCHECK_EVAL"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "eval")
}

// loadSuite reads a suite from the evaluation data, skipping the test when
// the data is absent.
func loadSuite(t *testing.T, name string) []evalCase {
	t.Helper()
	path := filepath.Join(evalDir(), "sentences", name)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("evaluation data %s not found; set CROSSCHECK_EVAL to the shared/eval directory", path)
	}
	if err != nil {
		t.Fatalf("read suite: %v", err)
	}
	var cases []evalCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	if len(cases) == 0 {
		t.Fatalf("suite %s is empty", path)
	}
	return cases
}

// texts returns the sentences Split finds in text.
func texts(text string) []string {
	var out []string
	for _, sp := range Split(text) {
		out = append(out, text[sp.Start:sp.End])
	}
	return out
}

// passes reports whether Split gives exactly the expected sentences. With
// collapse, runs of white space count as one space on both sides, since
// the expectations of some suites collapse the white space of their input.
func passes(c evalCase, collapse bool) (bool, []string) {
	got := texts(c.Input)
	if !collapse {
		return slices.Equal(got, c.Expected), got
	}
	norm := func(ss []string) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = strings.Join(strings.Fields(s), " ")
		}
		return out
	}
	return slices.Equal(norm(got), norm(c.Expected)), got
}

// TestGoldenRules scores Split on pySBD's English Golden Rules. Run it with
// -v to see the score and the failing cases.
func TestGoldenRules(t *testing.T) {
	const floor = 46
	cases := loadSuite(t, "golden_rules_en.json")
	ok := 0
	for _, c := range cases {
		pass, got := passes(c, false)
		if pass {
			ok++
			continue
		}
		t.Logf("rule %d %q:\n  input %q\n  got   %q\n  want  %q", c.RuleNo, c.Rule, c.Input, got, c.Expected)
	}
	t.Logf("golden rules: %d/%d", ok, len(cases))
	if ok < floor {
		t.Errorf("golden rules: got %d/%d, want at least %d", ok, len(cases), floor)
	}
}

// TestPragmaticSegmenter scores Split on pragmatic_segmenter's English spec.
// Cases whose options assume a PDF's line breaks or switch its text cleaner
// are counted apart, as are cases that only pass once white space is
// collapsed. The floors sit just below the scores reached, so that a
// regression shows.
func TestPragmaticSegmenter(t *testing.T) {
	const (
		floorAll   = 145
		floorPlain = 136
	)
	cases := loadSuite(t, "pragmatic_segmenter_en.json")
	var all, allCollapsed, plain, plainCollapsed, nPlain int
	for _, c := range cases {
		isPlain := c.Options["doc_type"] == "" && c.Options["clean"] == ""
		strict, _ := passes(c, false)
		loose, got := passes(c, true)
		if isPlain {
			nPlain++
		}
		if strict {
			all++
			if isPlain {
				plain++
			}
		}
		if loose {
			allCollapsed++
			if isPlain {
				plainCollapsed++
			}
		} else if testing.Verbose() {
			g, w := strings.Join(got, "⏎"), strings.Join(c.Expected, "⏎")
			if len(g)+len(w) < 2000 {
				t.Logf("%s %v:\n  got  %q\n  want %q", c.title(), c.Options, g, w)
			} else {
				t.Logf("%s %v: %d sentences, want %d", c.title(), c.Options, len(got), len(c.Expected))
			}
		}
	}
	t.Logf("pragmatic segmenter, all cases: %d/%d exact, %d/%d with white space collapsed", all, len(cases), allCollapsed, len(cases))
	t.Logf("pragmatic segmenter, cases without PDF or cleaner options: %d/%d exact, %d/%d with white space collapsed", plain, nPlain, plainCollapsed, nPlain)
	if allCollapsed < floorAll {
		t.Errorf("pragmatic segmenter: got %d/%d, want at least %d", allCollapsed, len(cases), floorAll)
	}
	if plainCollapsed < floorPlain {
		t.Errorf("pragmatic segmenter without options: got %d/%d, want at least %d", plainCollapsed, nPlain, floorPlain)
	}
}
