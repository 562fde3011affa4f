package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// runJSON runs crosscheck report on paths with a fresh index and decodes the
// JSON report.
func runJSON(t *testing.T, paths ...string) (scoredReport, []byte) {
	t.Helper()
	var out, errb bytes.Buffer
	args := append([]string{"report", "--index", filepath.Join(t.TempDir(), "idx"), "--format", "json"}, paths...)
	if code := run(context.Background(), args, nil, &out, &errb); code != exitOK {
		t.Fatalf("crosscheck %v: exit %d\n%s", args, code, errb.String())
	}
	var r scoredReport
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("report is not JSON: %v", err)
	}
	return r, out.Bytes()
}

// TestSeedsGold scores the seeds' report against the gold file: every
// positive found, nothing violated, at most eight loud discrepancies.
//
//	go test ./cmd/crosscheck -run TestSeedsGold -v
func TestSeedsGold(t *testing.T) {
	dir := evalDir(t)
	g := readGold(t, filepath.Join(dir, "seeds-gold.json"))
	r, _ := runJSON(t, filepath.Join("..", "..", "seeds"))
	s := scoreReport(g, r)
	t.Logf("seeds: %v", s)
	if s.Found != s.Positives || len(s.Violations) > 0 {
		t.Errorf("seeds: missed %v, violations %v", s.Missed, s.Violations)
	}
	if s.Loud > 8 {
		t.Errorf("seeds: %d error or warning discrepancies, want at most 8", s.Loud)
	}
}

// devRecall is the least recall of each dev cluster's positives.
const devRecall = 0.8

// TestDevClusters scores the report of each dev cluster (real multi-outlet
// coverage of one event) against its gold: recall of the positives at least
// devRecall, at most 10% of the negatives violated, no identity merged.
//
//	go test ./cmd/crosscheck -run TestDevClusters -v
func TestDevClusters(t *testing.T) {
	dir := evalDir(t)
	clusters, err := filepath.Glob(filepath.Join(dir, "clusters", "*"))
	if err != nil || len(clusters) == 0 {
		t.Skipf("no clusters in %s", dir)
	}
	found, positives := 0, 0
	for _, c := range clusters {
		if st, err := os.Stat(c); err != nil || !st.IsDir() {
			continue
		}
		t.Run(filepath.Base(c), func(t *testing.T) {
			g := readGold(t, filepath.Join(c, "score-gold.json"))
			r, _ := runJSON(t, c)
			s := scoreReport(g, r)
			t.Logf("%s: %v", filepath.Base(c), s)
			if len(s.Missed) > 0 {
				t.Logf("missed: %v", s.Missed)
			}
			if len(s.Violations) > 0 {
				t.Logf("violations: %v", s.Violations)
			}
			found += s.Found
			positives += s.Positives
			recall := float64(s.Found) / float64(max(1, s.Positives))
			violated := float64(s.Violated) / float64(max(1, s.Negatives))
			t.Logf("%s: recall %.2f, negatives violated %.2f", filepath.Base(c), recall, violated)
			if recall < devRecall || violated > 0.1 || s.Identity+s.Cross > 0 {
				t.Errorf("%s: recall %.2f (want >= %.2f), negatives violated %.2f (want <= 0.10), identity %d, cross-story %d",
					filepath.Base(c), recall, devRecall, violated, s.Identity, s.Cross)
			}
		})
	}
	t.Logf("all dev clusters: recall %d/%d = %.2f", found, positives, float64(found)/float64(max(1, positives)))
}
