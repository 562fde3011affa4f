package main

// The scorer below follows ../shared/eval/score.py, so that the gold files
// there can be checked from go test on a machine that has only Go.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// evalDir returns the evaluation data folder beside the repository, or skips
// the test when it is absent.
func evalDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("CROSSCHECK_EVAL")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "eval")
	}
	if _, err := os.Stat(filepath.Join(dir, "seeds-gold.json")); err != nil {
		t.Skipf("evaluation data not found at %s (set CROSSCHECK_EVAL): %v", dir, err)
	}
	return dir
}

type goldAlt struct {
	Article  string `json:"article"`
	Contains string `json:"contains"`
}

type goldItem struct {
	ID       string      `json:"id"`
	What     string      `json:"what"`
	Kinds    []string    `json:"kinds"`
	Requires [][]goldAlt `json:"requires"`
	Between  [][]goldAlt `json:"between"`
}

type gold struct {
	Stories         map[string][]string `json:"stories"`
	CrossStoryKinds []string            `json:"cross_story_forbidden_kinds"`
	Positives       []goldItem          `json:"positives"`
	Bonus           []goldItem          `json:"bonus"`
	Negatives       []goldItem          `json:"negatives"`
	Identities      struct {
		Groups [][]string `json:"groups"`
	} `json:"identities"`
}

type reportEvidence struct {
	Article  string `json:"article"`
	Sentence string `json:"sentence"`
	Text     string `json:"text"`
}

type reportDiscrepancy struct {
	ID       string           `json:"id"`
	Kind     string           `json:"kind"`
	Severity string           `json:"severity"`
	Evidence []reportEvidence `json:"evidence"`
}

type scoredReport struct {
	Discrepancies []reportDiscrepancy `json:"discrepancies"`
}

// score is what scoring a report against a gold file finds.
type score struct {
	Positives, Found    int
	Bonus, BonusFound   int
	Negatives, Violated int // negatives violated
	Identity, Cross     int // identity and cross-story violations
	Loud, Total         int
	Missed              []string
	Violations          []string
}

func (s score) String() string {
	return fmt.Sprintf("positives %d/%d, bonus %d/%d, negatives violated %d/%d, identity violations %d, cross-story violations %d, discrepancies %d (%d error or warning)",
		s.Found, s.Positives, s.BonusFound, s.Bonus, s.Violated, s.Negatives, s.Identity, s.Cross, s.Total, s.Loud)
}

var foldQuotes = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`, "\u2013", "-", "\u2014", "-", "\u00a0", " ")

func foldScore(s string) string { return strings.Join(strings.Fields(foldQuotes.Replace(s)), " ") }

func articleOf(ev reportEvidence) string {
	a := ev.Article
	if i := strings.LastIndexByte(a, '/'); i >= 0 {
		a = a[i+1:]
	}
	return strings.TrimSuffix(a, ".txt")
}

func matches(ev reportEvidence, alt goldAlt) bool {
	a := articleOf(ev)
	if a != alt.Article && !strings.HasPrefix(a, alt.Article) {
		return false
	}
	n := foldScore(alt.Contains)
	return strings.Contains(foldScore(ev.Sentence), n) || strings.Contains(foldScore(ev.Text), n)
}

func groupHit(evs []reportEvidence, group []goldAlt) bool {
	for _, ev := range evs {
		for _, alt := range group {
			if matches(ev, alt) {
				return true
			}
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func found(ds []reportDiscrepancy, p goldItem) bool {
	for _, d := range ds {
		if !contains(p.Kinds, d.Kind) {
			continue
		}
		all := true
		for _, g := range p.Requires {
			if !groupHit(d.Evidence, g) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

func scoreReport(g gold, r scoredReport) score {
	var s score
	ds := r.Discrepancies
	s.Total = len(ds)
	s.Positives, s.Bonus, s.Negatives = len(g.Positives), len(g.Bonus), len(g.Negatives)
	for _, p := range g.Positives {
		if found(ds, p) {
			s.Found++
		} else {
			s.Missed = append(s.Missed, p.ID)
		}
	}
	for _, p := range g.Bonus {
		if found(ds, p) {
			s.BonusFound++
		}
	}
	for _, n := range g.Negatives {
		for _, d := range ds {
			applies := d.Kind != "name-variant"
			if len(n.Kinds) > 0 {
				applies = contains(n.Kinds, d.Kind)
			}
			if applies && groupHit(d.Evidence, n.Between[0]) && groupHit(d.Evidence, n.Between[1]) {
				s.Violated++
				s.Violations = append(s.Violations, fmt.Sprintf("negative %s by %s", n.ID, d.ID))
				break
			}
		}
	}
	for _, d := range ds {
		if d.Kind != "name-variant" {
			continue
		}
		hit := map[int]bool{}
		for _, ev := range d.Evidence {
			t := foldScore(ev.Text)
			for i, grp := range g.Identities.Groups {
				for _, form := range grp {
					if regexp.MustCompile(`\b` + regexp.QuoteMeta(form) + `\b`).MatchString(t) {
						hit[i] = true
					}
				}
			}
		}
		if len(hit) > 1 {
			s.Identity++
			s.Violations = append(s.Violations, "identity merged by "+d.ID)
		}
	}
	storyOf := map[string]string{}
	for st, arts := range g.Stories {
		for _, a := range arts {
			storyOf[a] = st
		}
	}
	for _, d := range ds {
		if !contains(g.CrossStoryKinds, d.Kind) {
			continue
		}
		stories := map[string]bool{}
		for _, ev := range d.Evidence {
			if st, ok := storyOf[articleOf(ev)]; ok {
				stories[st] = true
			}
		}
		if len(stories) > 1 {
			s.Cross++
			s.Violations = append(s.Violations, "cross-story "+d.ID)
		}
	}
	for _, d := range ds {
		if d.Severity == "error" || d.Severity == "warning" {
			s.Loud++
		}
	}
	return s
}

func readGold(t *testing.T, path string) gold {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g gold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return g
}
