package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// seedsIndex builds an index of the seeds, with their metadata, for the
// search tests to read.
func seedsIndex(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "idx")
	var out, errb bytes.Buffer
	args := []string{"report", "--index", dir, "--format", "json", filepath.Join("..", "..", "seeds")}
	if code := run(context.Background(), args, nil, &out, &errb); code != exitOK {
		t.Fatalf("report: exit %d: %s", code, errb.String())
	}
	return dir
}

func search(t *testing.T, idx string, args ...string) (searchOutput, int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	all := append([]string{"search", "--index", idx, "--format", "json", "--limit", "50"}, args...)
	code := run(context.Background(), all, nil, &out, &errb)
	var res searchOutput
	if code == exitOK {
		if err := json.Unmarshal(out.Bytes(), &res); err != nil {
			t.Fatalf("search %v: output is not JSON: %v\n%s", args, err, out.String())
		}
	}
	return res, code, errb.String()
}

func sentences(res searchOutput) string {
	var b strings.Builder
	for _, h := range res.Hits {
		b.WriteString(h.Article + ": " + h.Sentence + "\n")
	}
	return b.String()
}

func TestSearch(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		want  []string // substrings some hit must contain
		not   []string // substrings no hit may contain
		first string   // substring of the first hit, when set
	}{
		{
			name:  "a name finds every spelling, exact first",
			args:  []string{"Zhidko"},
			want:  []string{"Zhidko sat next to him", "Gennady Shidko", "Schidko was also"},
			first: "Zhidko",
		},
		{
			name:  "Rakhmon finds Rahmon",
			args:  []string{"Rakhmon"},
			want:  []string{"Emomali Rakhmon", "Emomali Rahmon"},
			first: "Rakhmon",
		},
		{
			name: "Putin does not bring unrelated names",
			args: []string{"Putin"},
			not:  []string{"Rustam Emomali, taking the reins"},
		},
		{
			name: "source",
			args: []string{"--source", "The Limited Times", "Taliban"},
			want: []string{"Taliban"},
			not:  []string{"000_830fac7def8ef1e6", "001_8ca9a25990e486d5"},
		},
		{
			name: "since keeps dated articles only",
			args: []string{"--since", "2022-06-01", "Putin"},
			not:  []string{"000_830fac7def8ef1e6", "002_b0bd4bfec0d24fbc"},
			want: []string{"004_ed39305ac47e3b00"},
		},
		{
			name: "until excludes later articles",
			args: []string{"--until", "2022-01-01", "Putin"},
			not:  []string{"004_ed39305ac47e3b00"},
		},
		{
			name: "kind person",
			args: []string{"--kind", "person", "Russia"},
			want: []string{"Vladimir Putin"},
			not:  []string{"Russia maintains three military bases"},
		},
		{
			name: "modality hedged",
			args: []string{"--modality", "hedged", "troops"},
			want: []string{"could reportedly be involved"},
			not:  []string{"Moscow says have joined"},
		},
		{
			name: "entity filter",
			args: []string{"entity:Kurilla"},
			want: []string{"Michael Kurilla"},
			not:  []string{"Dvornikov had only"},
		},
		{
			name: "number filter",
			args: []string{"number:>5000"},
			want: []string{"about 7,000 soldiers"},
			not:  []string{"4,800 radios"},
		},
		{
			name: "article filter",
			args: []string{"article:003_09e1196c59e83186", "Belousov"},
			want: []string{"much depends on the cooperation"},
			not:  []string{"002_b0bd4bfec0d24fbc"},
		},
		{
			name: "quoted phrase",
			args: []string{`"first trip abroad"`},
			want: []string{"first trip abroad"},
			not:  []string{"first time since the war of aggression"},
		},
	}
	idx := seedsIndex(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, code, stderr := search(t, idx, tt.args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got := sentences(res)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("hits:\n%s\nwant one containing %q", got, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("hits:\n%s\nwant none containing %q", got, n)
				}
			}
			if tt.first != "" && (len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Sentence, tt.first)) {
				t.Errorf("hits:\n%s\nwant the first to contain %q", got, tt.first)
			}
		})
	}
}

func TestSearchErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no index", []string{"--index", filepath.Join(t.TempDir(), "none"), "Putin"}, "build one first with crosscheck report"},
		{"bad kind", []string{"--kind", "animal", "Putin"}, `--kind "animal"`},
		{"bad modality", []string{"--modality", "sure", "Putin"}, "--modality"},
		{"bad date", []string{"--since", "June", "Putin"}, "--since"},
		{"bad filter", []string{"number:many"}, "number:many"},
		{"no query", []string{}, "no QUERY"},
	}
	idx := seedsIndex(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, code, stderr := search(t, idx, tt.args...)
			if code != exitUsage || !strings.Contains(stderr, tt.want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want exit 2 and one line containing %q", code, stderr, tt.want)
			}
		})
	}
}

func TestSearchShowsSupport(t *testing.T) {
	res, code, stderr := search(t, seedsIndex(t), "Schidko")
	if code != exitOK {
		t.Fatal(stderr)
	}
	for _, h := range res.Hits {
		if strings.Contains(h.Sentence, "Schidko") {
			if len(h.ContradictedBy) == 0 || !strings.HasPrefix(h.ContradictedBy[0], "name-variant-") {
				t.Errorf("Schidko hit disputed by %v, want the name-variant discrepancy", h.ContradictedBy)
			}
			return
		}
	}
	t.Errorf("no hit for Schidko:\n%s", sentences(res))
}

// TestSupportAfterChange checks that the support search shows after an
// incremental run, where stories found in the cache keep the notes written
// when they were compared, equals that of a fresh index: a changed article
// gives its story new notes, and a name variant it no longer spells drops
// out of the notes of the articles in other stories.
func TestSupportAfterChange(t *testing.T) {
	corpus := copySeeds(t, false)
	queries := []string{"Rahmon", "Rakhmon", "Zhidko", "Putin", "troops", "base", "Thursday", "Friday"}
	support := func(idx string) map[string][2][]string {
		t.Helper()
		out := map[string][2][]string{}
		for _, q := range queries {
			res, code, stderr := search(t, idx, q)
			if code != exitOK {
				t.Fatalf("search %s: %s", q, stderr)
			}
			for _, h := range res.Hits {
				out[h.Claim] = [2][]string{h.CorroboratedBy, h.ContradictedBy}
			}
		}
		return out
	}
	report := func(idx string) string {
		t.Helper()
		var out, errb bytes.Buffer
		args := []string{"report", "--index", idx, "--stats", "--format", "json", corpus}
		if code := run(context.Background(), args, nil, &out, &errb); code != exitOK {
			t.Fatalf("report: exit %d: %s", code, errb.String())
		}
		return errb.String()
	}
	idx := filepath.Join(t.TempDir(), "idx")
	report(idx)
	before := support(idx)
	// disputed counts the claims that a name variant disputes.
	disputed := func(m map[string][2][]string) int {
		n := 0
		for _, s := range m {
			if slices.ContainsFunc(s[1], func(d string) bool { return strings.HasPrefix(d, "name-variant-") }) {
				n++
			}
		}
		return n
	}
	if disputed(before) == 0 {
		t.Fatal("no claim is disputed by a name variant before the change")
	}

	path := filepath.Join(corpus, "004_ed39305ac47e3b00.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, path, strings.ReplaceAll(string(b), "Rakhmon", "Rahmon"))
	if st := report(idx); !strings.Contains(st, "1 changed articles") || strings.Contains(st, " 0 of ") {
		t.Fatalf("the second run should extract one article and reuse a story:\n%s", st)
	}
	incremental := support(idx)
	fresh := filepath.Join(t.TempDir(), "fresh")
	report(fresh)
	if diff := cmp.Diff(support(fresh), incremental); diff != "" {
		t.Errorf("support after the change (-fresh index +incremental):\n%s", diff)
	}
	if disputed(incremental) >= disputed(before) {
		t.Errorf("%d claims disputed by name variants after Rakhmon became Rahmon, %d before: want fewer",
			disputed(incremental), disputed(before))
	}
	// Nothing changed: the notes stay as they are. The article back as it
	// was: the disputes come back.
	report(idx)
	if diff := cmp.Diff(incremental, support(idx)); diff != "" {
		t.Errorf("support after a run with nothing changed (-before +after):\n%s", diff)
	}
	writeTestFile(t, path, string(b))
	report(idx)
	if diff := cmp.Diff(before, support(idx)); diff != "" {
		t.Errorf("support after the change was undone (-first run +now):\n%s", diff)
	}
}
