package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// seedsReport runs report --format json over the seeds with a fresh index.
func seedsReport(t *testing.T, index string) []byte {
	t.Helper()
	var out, errb bytes.Buffer
	args := []string{"report", "--index", index, "--format", "json", filepath.Join("..", "..", "seeds")}
	if code := run(context.Background(), args, nil, &out, &errb); code != exitOK {
		t.Fatalf("crosscheck %v: exit %d\n%s", args, code, errb.String())
	}
	return out.Bytes()
}

// TestSeedsGolden compares the JSON report of the seeds with the golden file,
// by meaning (decoded JSON), so that a change of the detectors shows as a
// readable diff. Refresh with: go test ./cmd/crosscheck -run TestSeedsGolden -update
func TestSeedsGolden(t *testing.T) {
	got := seedsReport(t, filepath.Join(t.TempDir(), "idx"))
	golden := filepath.Join("testdata", "seeds-report.golden.json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatal(err)
	}
	// Paths depend on where the test runs from; everything else must match.
	if d := cmp.Diff(w, g); d != "" {
		t.Errorf("seeds report differs from %s (-want +got):\n%s", golden, d)
	}
}

// TestDeterministic runs the same corpus twice, with fresh indexes and with
// the second run reusing the first's index, and wants byte-identical JSON.
func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	first := seedsReport(t, filepath.Join(dir, "a"))
	second := seedsReport(t, filepath.Join(dir, "b"))
	again := seedsReport(t, filepath.Join(dir, "a"))
	if !bytes.Equal(first, second) {
		t.Errorf("two fresh runs differ:\n%s", cmp.Diff(string(first), string(second)))
	}
	if !bytes.Equal(first, again) {
		t.Errorf("a run on the existing index differs from the first:\n%s", cmp.Diff(string(first), string(again)))
	}
}

// TestIncremental checks that a second run on an unchanged corpus extracts
// nothing, and that a changed and a removed article are re-extracted and
// dropped.
func TestIncremental(t *testing.T) {
	corpus := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt"} {
		body := "Putin arrived in Dushanbe on Wednesday for talks with Rahmon.\n"
		if name == "b.txt" {
			body = "Putin arrived in Dushanbe on Thursday for talks with Rakhmon.\n"
		}
		if err := os.WriteFile(filepath.Join(corpus, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	index := filepath.Join(t.TempDir(), "idx")
	stats := func() string {
		t.Helper()
		var out, errb bytes.Buffer
		args := []string{"report", "--index", index, "--stats", "--format", "json", corpus}
		if code := run(context.Background(), args, nil, &out, &errb); code != exitOK {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		return errb.String()
	}
	tests := []struct {
		name   string
		change func()
		want   []string
	}{
		{"first run extracts both and compares their story", func() {},
			[]string{"2 changed articles", "0 of 1 stories unchanged"}},
		{"unchanged corpus extracts nothing and reuses the story's findings", func() {},
			[]string{"0 changed articles", "1 of 1 stories unchanged"}},
		{"a changed article is extracted again", func() {
			os.WriteFile(filepath.Join(corpus, "b.txt"), []byte("Putin left Dushanbe on Friday.\n"), 0o644)
		}, []string{"1 changed articles"}},
		{"a removed article is dropped", func() { os.Remove(filepath.Join(corpus, "a.txt")) }, []string{"1 removed"}},
		{"a moved file keeps its claims", func() {
			os.Mkdir(filepath.Join(corpus, "sub"), 0o755)
			os.Rename(filepath.Join(corpus, "b.txt"), filepath.Join(corpus, "sub", "b.txt"))
		}, []string{"0 changed articles", "0 removed, 1 moved"}},
		{"moved once is moved", func() {}, []string{"0 changed articles", "0 removed, 0 moved"}},
		{"the corpus named by a relative path is the same corpus", func() {
			if abs, err := filepath.Abs(corpus); err == nil {
				if wd, err := os.Getwd(); err == nil {
					if rel, err := filepath.Rel(wd, abs); err == nil {
						corpus = rel
					}
				}
			}
		}, []string{"0 changed articles", "0 removed, 0 moved"}},
		{"a moved file removed is dropped", func() {
			os.WriteFile(filepath.Join(corpus, "c.txt"), []byte("Putin left Dushanbe on Friday.\n"), 0o644)
			os.Remove(filepath.Join(corpus, "sub", "b.txt"))
		}, []string{"1 changed articles", "1 removed"}},
	}
	for _, tt := range tests {
		tt.change()
		got := stats()
		for _, want := range tt.want {
			if !strings.Contains(got, want) {
				t.Errorf("%s: stats\n%s\nwant them to say %q", tt.name, got, want)
			}
		}
	}
}

// TestReportOutFile checks --out: the file holds what standard output
// would, a new one is readable by all, and one replaced keeps its
// permissions.
func TestReportOutFile(t *testing.T) {
	dir := t.TempDir()
	index := filepath.Join(dir, "index")
	want := seedsReport(t, index)
	out := filepath.Join(dir, "report.json")
	report := func() {
		t.Helper()
		args := []string{"report", "--index", index, "--format", "json", "--out", out, filepath.Join("..", "..", "seeds")}
		if code, _, stderr := runCLI(t, args...); code != exitOK {
			t.Fatalf("crosscheck %v: exit %d\n%s", args, code, stderr)
		}
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("--out file differs from standard output:\n%s", cmp.Diff(string(want), string(got)))
		}
	}
	mode := func() os.FileMode {
		t.Helper()
		st, err := os.Stat(out)
		if err != nil {
			t.Fatal(err)
		}
		return st.Mode().Perm()
	}
	report()
	if m := mode(); m != 0o644 {
		t.Errorf("new report file mode %v, want -rw-r--r--", m)
	}
	if err := os.Chmod(out, 0o600); err != nil {
		t.Fatal(err)
	}
	report()
	if m := mode(); m != 0o600 {
		t.Errorf("replaced report file mode %v, want the -rw------- it had", m)
	}
}
