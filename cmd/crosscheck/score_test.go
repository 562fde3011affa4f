package main

// The gold files of ../shared/eval are scored by goldscore, which follows
// score.py there, so that they can be checked from go test on a machine
// that has only Go.

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/cmd/internal/goldscore"
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

// scoredReport is the part of a report that scoring reads.
type scoredReport = goldscore.Report

// scoreReport scores a report by the rules of score.py.
func scoreReport(g goldscore.Gold, r scoredReport) goldscore.Score { return goldscore.Compute(g, r) }

func readGold(t *testing.T, path string) goldscore.Gold {
	t.Helper()
	g, err := goldscore.ReadGold(path)
	if err != nil {
		t.Fatal(err)
	}
	return g
}
