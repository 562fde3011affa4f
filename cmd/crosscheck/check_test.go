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
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/compare"
)

// seedsDir is the seed corpus with the editors' committed decisions.
var seedsDir = filepath.Join("..", "..", "seeds")

// checkReport is the part of the JSON report the check tests read.
type checkReport struct {
	FailOn string `json:"fail_on"`
	Counts struct {
		Failing int `json:"failing"`
	} `json:"counts"`
	Discrepancies []checkDiscrepancy `json:"discrepancies"`
	Stale         []struct {
		ID         string          `json:"id"`
		Resolution checkResolution `json:"resolution"`
	} `json:"stale"`
}

type checkDiscrepancy struct {
	ID         string           `json:"id"`
	Severity   string           `json:"severity"`
	Status     string           `json:"status"`
	Resolution *checkResolution `json:"resolution"`
	Evidence   []struct {
		Article string `json:"article"`
		Text    string `json:"text"`
	} `json:"evidence"`
}

type checkResolution struct {
	Status string `json:"status"`
	Value  string `json:"value"`
	Note   string `json:"note"`
}

// runCLI runs crosscheck with args and returns its exit code and output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// decodeCheck parses a JSON report.
func decodeCheck(t *testing.T, out string) checkReport {
	t.Helper()
	var r checkReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out)
	}
	return r
}

// copySeeds copies the seed articles into a new folder, with the committed
// resolutions when withResolutions is set, and returns the folder.
func copySeeds(t *testing.T, withResolutions bool) string {
	t.Helper()
	dir := t.TempDir()
	ents, err := os.ReadDir(seedsDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || (name == resolutionsFile && !withResolutions) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(seedsDir, name))
		if err != nil {
			t.Fatal(err)
		}
		writeTestFile(t, filepath.Join(dir, name), string(b))
	}
	return dir
}

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// seedDecisions loads the committed resolutions of the seeds.
func seedDecisions(t *testing.T) *compare.Resolutions {
	t.Helper()
	rs, err := compare.LoadResolutions(filepath.Join(seedsDir, resolutionsFile))
	if err != nil {
		t.Fatal(err)
	}
	if rs.Len() == 0 {
		t.Fatalf("%s holds no decisions", filepath.Join(seedsDir, resolutionsFile))
	}
	return rs
}

// unresolvedAtLeast lists the ids of unresolved discrepancies at or above
// warning, in report order.
func unresolvedAtLeast(r checkReport, least compare.Severity) []string {
	var ids []string
	for _, d := range r.Discrepancies {
		sev, _ := compare.ParseSeverity(d.Severity)
		if d.Status == "unresolved" && sev >= least {
			ids = append(ids, d.ID)
		}
	}
	return ids
}

// The seeds' committed decisions must cover every discrepancy at or above
// warning, and every decision must still match a discrepancy: this fails
// when the detectors change an id the file records.
func TestCheckSeeds(t *testing.T) {
	idx := t.TempDir()
	code, out, stderr := runCLI(t, "check", "--index", idx, "--format", "json", seedsDir)
	r := decodeCheck(t, out)
	if code != exitOK {
		t.Errorf("check seeds: exit %d, want %d; stderr:\n%s", code, exitOK, stderr)
	}
	if stderr != "" {
		t.Errorf("check seeds: stderr %q, want none", stderr)
	}
	var stale []string
	for _, s := range r.Stale {
		stale = append(stale, s.ID)
	}
	if len(stale) > 0 {
		t.Errorf("check seeds: stale resolutions %v in %s, want none (refresh the ids)", stale, filepath.Join(seedsDir, resolutionsFile))
	}
	if r.FailOn != "warning" || r.Counts.Failing != 0 {
		t.Errorf("check seeds: fail_on %q, failing %d; want warning, 0", r.FailOn, r.Counts.Failing)
	}
	rs := seedDecisions(t)
	for _, d := range r.Discrepancies {
		want, ok := rs.Get(d.ID)
		if !ok {
			continue
		}
		if d.Resolution == nil || d.Status != want.Status.String() || d.Resolution.Value != want.Value || d.Resolution.Note != want.Note {
			t.Errorf("%s: status %q, resolution %+v; want the file's %v %q", d.ID, d.Status, d.Resolution, want.Status, want.Value)
		}
	}

	code, out, stderr = runCLI(t, "check", "--index", idx, seedsDir)
	if code != exitOK || !strings.Contains(out, "failing   0 unresolved at or above warning") {
		t.Errorf("check seeds as text: exit %d, stderr %q, output:\n%s\nwant exit 0 and nothing failing", code, stderr, out)
	}
}

func TestCheck(t *testing.T) {
	const (
		// A new article that places the CIS meeting on another day than
		// the other sources.
		saturday = `Putin in Dushanbe for regional summits

Russian President Vladimir Putin arrived in Tajikistan on Wednesday for talks with Tajik President Emomali Rahmon and a summit with Central Asian leaders.
The leaders of Armenia, Azerbaijan and Belarus will join the talks on Saturday for a broader meeting of the Commonwealth of Independent States (CIS).
The Kremlin said regional security and labour migration would top the agenda.
`
		// A new article that repeats what the others agree on.
		agrees = `Putin visits Tajikistan

Russian President Vladimir Putin arrived in Tajikistan on Wednesday for talks with President Emomali Rahmon.
The two leaders are expected to discuss security on the Afghan border and labour migration.
`
		staleID = "number-0123456789"
	)
	tests := []struct {
		name string
		// article is a new article added to a copy of the seeds; empty for none.
		article string
		// extra is appended to the copied seeds' resolutions.
		extra    string
		wantCode int
		check    func(t *testing.T, r checkReport, stderr string)
	}{
		{
			name:     "conflicting article fails on its new discrepancies only",
			article:  saturday,
			wantCode: exitConflicts,
			check: func(t *testing.T, r checkReport, stderr string) {
				rs := seedDecisions(t)
				ids := unresolvedAtLeast(r, compare.Warning)
				if len(ids) == 0 {
					t.Fatalf("no unresolved discrepancy; stderr %q", stderr)
				}
				lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
				if len(lines) != 1 || !strings.HasPrefix(lines[0], "crosscheck check: ") || !strings.Contains(lines[0], "at or above warning") {
					t.Errorf("stderr %q, want one line naming the unresolved discrepancies", stderr)
				}
				for _, id := range ids {
					if !strings.Contains(stderr, id) {
						t.Errorf("stderr %q does not name %s", stderr, id)
					}
					if _, ok := rs.Get(id); ok {
						t.Errorf("%s is unresolved although the seeds' resolutions decide it", id)
					}
				}
				fromNew := false
				for _, d := range r.Discrepancies {
					if !slices.Contains(ids, d.ID) {
						continue
					}
					for _, e := range d.Evidence {
						if e.Article == "005_new" && strings.Contains(e.Text, "Saturday") {
							fromNew = true
						}
					}
				}
				if !fromNew {
					t.Errorf("no unresolved discrepancy cites the new article's Saturday: %v", ids)
				}
				decided := 0
				for _, d := range r.Discrepancies {
					if want, ok := rs.Get(d.ID); ok {
						decided++
						if d.Status != want.Status.String() {
							t.Errorf("%s: status %q, want %v as before", d.ID, d.Status, want.Status)
						}
					}
				}
				if decided != rs.Len() || len(r.Stale) != 0 {
					t.Errorf("%d of %d decisions still apply, %d stale; want all, none stale", decided, rs.Len(), len(r.Stale))
				}
			},
		},
		{
			name:     "agreeing article keeps the check clean",
			article:  agrees,
			wantCode: exitOK,
			check: func(t *testing.T, r checkReport, stderr string) {
				if stderr != "" || r.Counts.Failing != 0 || len(r.Stale) != 0 {
					t.Errorf("stderr %q, failing %d, stale %d; want none", stderr, r.Counts.Failing, len(r.Stale))
				}
			},
		},
		{
			name: "stale resolution is reported and kept",
			extra: "\n" + staleID + `:
  status: accepted
  value: "7,000"
  note: "a decision on a figure no article gives any more"
`,
			wantCode: exitOK,
			check: func(t *testing.T, r checkReport, stderr string) {
				if len(r.Stale) != 1 || r.Stale[0].ID != staleID || r.Stale[0].Resolution.Value != "7,000" {
					t.Errorf("stale %+v, want only %s with value 7,000", r.Stale, staleID)
				}
				if !strings.Contains(stderr, "1 resolution in ") || !strings.Contains(stderr, staleID) {
					t.Errorf("stderr %q, want a line naming the stale %s", stderr, staleID)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copySeeds(t, true)
			if tt.article != "" {
				writeTestFile(t, filepath.Join(dir, "005_new.txt"), tt.article)
			}
			resPath := filepath.Join(dir, resolutionsFile)
			if tt.extra != "" {
				b, err := os.ReadFile(resPath)
				if err != nil {
					t.Fatal(err)
				}
				writeTestFile(t, resPath, string(b)+tt.extra)
			}
			before, err := os.ReadFile(resPath)
			if err != nil {
				t.Fatal(err)
			}
			code, out, stderr := runCLI(t, "check", "--index", t.TempDir(), "--format", "json", dir)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.wantCode, stderr)
			}
			tt.check(t, decodeCheck(t, out), stderr)
			after, err := os.ReadFile(resPath)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(after, before) {
				t.Errorf("check changed %s", resPath)
			}
		})
	}
}

// Recording decisions on the new discrepancies with resolve makes the check
// pass again.
func TestCheckAfterResolve(t *testing.T) {
	dir := copySeeds(t, true)
	writeTestFile(t, filepath.Join(dir, "005_new.txt"), `Summit week in Dushanbe

Russian President Vladimir Putin arrived in Tajikistan on Wednesday.
The leaders of Armenia, Azerbaijan and Belarus will join the talks on Saturday for a broader meeting of the Commonwealth of Independent States (CIS).
`)
	idx := t.TempDir()
	code, out, stderr := runCLI(t, "check", "--index", idx, "--format", "json", dir)
	ids := unresolvedAtLeast(decodeCheck(t, out), compare.Warning)
	if code != exitConflicts || len(ids) == 0 {
		t.Fatalf("check: exit %d, unresolved %v; want %d and some; stderr %q", code, ids, exitConflicts, stderr)
	}
	for _, id := range ids {
		code, out, stderr := runCLI(t, "resolve", id, "--status", "resolved", "--value", "Friday",
			"--note", "the CIS meeting was on Friday", "--by", "tester", "--resolutions", filepath.Join(dir, resolutionsFile))
		if code != exitOK || !strings.Contains(out, id) {
			t.Fatalf("resolve %s: exit %d, stdout %q, stderr %q; want 0 and the id", id, code, out, stderr)
		}
	}
	code, out, stderr = runCLI(t, "check", "--index", idx, "--format", "json", dir)
	r := decodeCheck(t, out)
	if code != exitOK || len(r.Stale) != 0 {
		t.Errorf("check after resolve: exit %d, %d stale, stderr %q; want 0, none", code, len(r.Stale), stderr)
	}
	for _, d := range r.Discrepancies {
		if slices.Contains(ids, d.ID) && (d.Status != "resolved" || d.Resolution == nil || d.Resolution.Value != "Friday") {
			t.Errorf("%s: status %q, resolution %+v; want resolved, Friday", d.ID, d.Status, d.Resolution)
		}
	}
}

func TestCheckFailOn(t *testing.T) {
	dir := copySeeds(t, false)
	idx := t.TempDir()
	code, out, stderr := runCLI(t, "check", "--index", idx, "--format", "json", "--fail-on", "info", dir)
	if code != exitConflicts {
		t.Fatalf("check without resolutions: exit %d, want %d; stderr %q", code, exitConflicts, stderr)
	}
	bySeverity := map[string][]string{}
	for _, d := range decodeCheck(t, out).Discrepancies {
		bySeverity[d.Severity] = append(bySeverity[d.Severity], d.ID)
	}
	for _, s := range []string{"error", "warning", "info"} {
		if len(bySeverity[s]) == 0 {
			t.Fatalf("the seeds have no %s discrepancy; this test needs one of each severity: %v", s, bySeverity)
		}
	}
	tests := []struct {
		decided  []string // severities whose discrepancies are decided
		failOn   string
		wantCode int
	}{
		{nil, "error", exitConflicts},
		{[]string{"error"}, "error", exitOK},
		{[]string{"error"}, "warning", exitConflicts},
		{[]string{"error", "warning"}, "warning", exitOK},
		{[]string{"error", "warning"}, "info", exitConflicts},
		{[]string{"warning", "info"}, "error", exitConflicts},
		{[]string{"error", "warning", "info"}, "info", exitOK},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.decided, "+")+"/fail-on-"+tt.failOn, func(t *testing.T) {
			var b strings.Builder
			for _, s := range tt.decided {
				for _, id := range bySeverity[s] {
					b.WriteString(id + ":\n  status: accepted\n  note: decided in a test\n")
				}
			}
			res := filepath.Join(t.TempDir(), "decisions.yaml")
			writeTestFile(t, res, b.String())
			code, out, stderr := runCLI(t, "check", "--index", idx, "--resolutions", res, "--format", "json", "--fail-on", tt.failOn, dir)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr %q", code, tt.wantCode, stderr)
			}
			r := decodeCheck(t, out)
			if r.FailOn != tt.failOn {
				t.Errorf("fail_on %q, want %q", r.FailOn, tt.failOn)
			}
			sev, _ := compare.ParseSeverity(tt.failOn)
			if got := unresolvedAtLeast(r, sev); (len(got) > 0) != (tt.wantCode == exitConflicts) || r.Counts.Failing != len(got) {
				t.Errorf("unresolved at or above %s: %v, counts.failing %d", tt.failOn, got, r.Counts.Failing)
			}
		})
	}
}

func TestCheckInputErrors(t *testing.T) {
	tests := []struct {
		name        string
		resolutions string // content of resolutions.yaml; empty for none
		emptyFile   bool   // add an empty article
		args        []string
		// wantStderr are substrings of the one line printed.
		wantStderr []string
	}{
		{
			name:        "status other than resolved or accepted",
			resolutions: "# decisions\ndate-0123456789:\n  status: maybe\n  note: x\n",
			wantStderr:  []string{resolutionsFile + ":3:", `status "maybe"`},
		},
		{
			name:        "entry that is not a mapping",
			resolutions: "date-0123456789: accepted\n",
			wantStderr:  []string{resolutionsFile + ":1:", "want a mapping"},
		},
		{
			name:        "unknown field",
			resolutions: "date-0123456789:\n  status: accepted\n  reason: x\n",
			wantStderr:  []string{resolutionsFile + ":3:", `unknown field "reason"`},
		},
		{
			name:        "bad YAML",
			resolutions: "date-0123456789:\n  status: [accepted\n",
			wantStderr:  []string{resolutionsFile + ":", "malformed YAML"},
		},
		{
			name:        "bad id",
			resolutions: "rumour-0123456789:\n  status: accepted\n",
			wantStderr:  []string{resolutionsFile + ":1:", `unknown kind "rumour"`},
		},
		{name: "bad --fail-on", args: []string{"--fail-on", "fatal"}, wantStderr: []string{`--fail-on "fatal"`}},
		{name: "bad --format", args: []string{"--format", "xml"}, wantStderr: []string{`--format "xml"`}},
		{name: "empty article", emptyFile: true, wantStderr: []string{"empty.txt", "empty file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copySeeds(t, false)
			if tt.resolutions != "" {
				writeTestFile(t, filepath.Join(dir, resolutionsFile), tt.resolutions)
			}
			if tt.emptyFile {
				writeTestFile(t, filepath.Join(dir, "empty.txt"), "\n")
			}
			// With a bad article the report is still made, so the line
			// on unresolved discrepancies may come too; it is not the
			// problem line.
			args := append([]string{"check", "--index", t.TempDir(), "--fail-on", "error", "--format", "json"}, tt.args...)
			code, _, stderr := runCLI(t, append(args, dir)...)
			if code != exitInputError {
				t.Errorf("exit %d, want %d; stderr %q", code, exitInputError, stderr)
			}
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			var problems []string
			for _, l := range lines {
				if !strings.Contains(l, "unresolved discrepanc") {
					problems = append(problems, l)
				}
			}
			if len(problems) != 1 {
				t.Fatalf("stderr %q, want one line naming the problem", stderr)
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(problems[0], w) {
					t.Errorf("stderr %q does not say %q", problems[0], w)
				}
			}
		})
	}
	t.Run("no PATH", func(t *testing.T) {
		code, _, stderr := runCLI(t, "check", "--index", t.TempDir())
		if code != exitUsage || !strings.Contains(stderr, "no PATH") {
			t.Errorf("exit %d, stderr %q; want %d and no PATH", code, stderr, exitUsage)
		}
	})
}

func TestCheckDefaultResolutions(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	writeTestFile(t, file, "x\n")
	tests := []struct {
		first, want string
	}{
		{dir, filepath.Join(dir, resolutionsFile)},
		{file, filepath.Join(dir, resolutionsFile)},
		{filepath.Join(dir, "missing.txt"), filepath.Join(dir, resolutionsFile)},
		{"-", resolutionsFile},
	}
	for _, tt := range tests {
		if got := defaultResolutions(tt.first); got != tt.want {
			t.Errorf("defaultResolutions(%q) = %q, want %q", tt.first, got, tt.want)
		}
	}
}

func TestResolve(t *testing.T) {
	const start = `# Decisions of the desk.
# Keep one entry per discrepancy.

quote-0123456789:
  status: accepted # translations differ
  note: "two translations"
  by: ana
  date: 2026-01-02

# the date question
date-abcdefabcd:
  status: accepted
  note: "relative dates"
`
	today := func() []string {
		now := time.Now().UTC()
		return []string{now.Format(time.DateOnly), now.Add(-time.Minute).Format(time.DateOnly)}
	}
	tests := []struct {
		name     string
		start    string // file content; empty for no file
		args     []string
		wantCode int
		// wantStderr is a substring of the error line.
		wantStderr string
		// want is the decision on the id after the command, with the date
		// left out; nil when the file must be unchanged.
		want *compare.Resolution
		id   string
	}{
		{
			name:     "adds an entry",
			start:    start,
			args:     []string{"name-variant-f998baedea", "--status", "resolved", "--value", "Zhidko", "--note", "Russian Жидко", "--by", "jane"},
			wantCode: exitOK,
			id:       "name-variant-f998baedea",
			want:     &compare.Resolution{Status: compare.Resolved, Value: "Zhidko", Note: "Russian Жидко", By: "jane"},
		},
		{
			name:     "replaces an entry in place",
			start:    start,
			args:     []string{"quote-0123456789", "--status", "resolved", "--value", "the agency's wording", "--note", "checked: the agency's wording is right", "--by", "jane"},
			wantCode: exitOK,
			id:       "quote-0123456789",
			want:     &compare.Resolution{Status: compare.Resolved, Value: "the agency's wording", Note: "checked: the agency's wording is right", By: "jane"},
		},
		{
			name:     "creates a missing file",
			args:     []string{"number-0a1b2c3d4e", "--status", "accepted", "--note", "an estimate against a count", "--by", "jane"},
			wantCode: exitOK,
			id:       "number-0a1b2c3d4e",
			want:     &compare.Resolution{Status: compare.Accepted, Note: "an estimate against a count", By: "jane"},
		},
		{name: "bad kind", start: start, args: []string{"rumour-0123456789", "--status", "accepted", "--note", "x"}, wantCode: exitUsage, wantStderr: `unknown kind "rumour"`},
		{name: "short hash", start: start, args: []string{"date-01234", "--status", "accepted", "--note", "x"}, wantCode: exitUsage, wantStderr: "10 lower-case hex digits"},
		{name: "unresolved status", start: start, args: []string{"date-0123456789", "--status", "unresolved", "--note", "x"}, wantCode: exitUsage, wantStderr: `--status "unresolved"`},
		{name: "unknown status", start: start, args: []string{"date-0123456789", "--status", "fixed", "--note", "x"}, wantCode: exitUsage, wantStderr: `--status "fixed"`},
		{name: "no status", start: start, args: []string{"date-0123456789", "--note", "x"}, wantCode: exitUsage, wantStderr: "missing --status"},
		{name: "no note", start: start, args: []string{"date-0123456789", "--status", "accepted"}, wantCode: exitUsage, wantStderr: "missing --note"},
		{name: "blank note", start: start, args: []string{"date-0123456789", "--status", "accepted", "--note", "  "}, wantCode: exitUsage, wantStderr: "missing --note"},
		{name: "no id", start: start, args: []string{"--status", "accepted", "--note", "x"}, wantCode: exitUsage, wantStderr: "want one discrepancy ID"},
		{name: "two ids", start: start, args: []string{"date-0123456789", "date-abcdefabcd", "--status", "accepted", "--note", "x"}, wantCode: exitUsage, wantStderr: "want one discrepancy ID"},
		{
			name:       "malformed file is left alone",
			start:      "date-abcdefabcd:\n  status: accepted\n  note: [x\n",
			args:       []string{"date-0123456789", "--status", "accepted", "--note", "x"},
			wantCode:   exitInputError,
			wantStderr: resolutionsFile + ":",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), resolutionsFile)
			if tt.start != "" {
				writeTestFile(t, path, tt.start)
			}
			code, stdout, stderr := runCLI(t, append([]string{"resolve", "--resolutions", path}, tt.args...)...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stdout %q, stderr %q", code, tt.wantCode, stdout, stderr)
			}
			if tt.wantStderr != "" && (!strings.Contains(stderr, tt.wantStderr) || strings.Count(stderr, "\n") != 1) {
				t.Errorf("stderr %q, want one line saying %q", stderr, tt.wantStderr)
			}
			after, err := os.ReadFile(path)
			if tt.want == nil {
				if tt.start == "" {
					if err == nil {
						t.Errorf("%s was created", path)
					}
					return
				}
				if string(after) != tt.start {
					t.Errorf("file changed to:\n%s", after)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(stdout, tt.id) || !strings.Contains(stdout, path) {
				t.Errorf("stdout %q, want the id and the file", stdout)
			}
			rs, err := compare.LoadResolutions(path)
			if err != nil {
				t.Fatalf("read back: %v\n%s", err, after)
			}
			got, ok := rs.Get(tt.id)
			if !ok {
				t.Fatalf("%s not in the file:\n%s", tt.id, after)
			}
			if !slices.Contains(today(), got.Date) {
				t.Errorf("date %q, want today (UTC) %v", got.Date, today())
			}
			got.Date = ""
			if diff := cmp.Diff(*tt.want, got); diff != "" {
				t.Errorf("decision (-want +got):\n%s", diff)
			}
			if tt.start == "" {
				return
			}
			// The other entries and the comments are kept.
			old, err := compare.LoadResolutions(writeTemp(t, tt.start))
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range old.IDs() {
				if id == tt.id {
					continue
				}
				o, _ := old.Get(id)
				n, ok := rs.Get(id)
				if !ok || n != o {
					t.Errorf("%s: %+v after, want %+v as before", id, n, o)
				}
			}
			for _, c := range []string{"# Decisions of the desk.", "# Keep one entry per discrepancy.", "# translations differ", "# the date question"} {
				if !strings.Contains(string(after), c) {
					t.Errorf("comment %q lost:\n%s", c, after)
				}
			}
			if ids := rs.IDs(); !slices.Equal(ids[:len(old.IDs())], old.IDs()) {
				t.Errorf("ids in order %v, want %v first", ids, old.IDs())
			}
		})
	}
}

func writeTemp(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), resolutionsFile)
	writeTestFile(t, p, content)
	return p
}

// Without --resolutions, resolve writes resolutions.yaml in the working
// directory; without --by, the decision is $USER's, or "unknown".
func TestResolveDefaults(t *testing.T) {
	tests := []struct {
		user, want string
	}{
		{"jane", "jane"},
		{"", "unknown"},
	}
	for _, tt := range tests {
		t.Run("USER="+tt.user, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			t.Setenv("USER", tt.user)
			code, stdout, stderr := runCLI(t, "resolve", "modality-0123456789", "--status", "accepted", "--note", "hedged on purpose")
			if code != exitOK {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			if !strings.Contains(stdout, resolutionsFile) {
				t.Errorf("stdout %q does not name %s", stdout, resolutionsFile)
			}
			rs, err := compare.LoadResolutions(filepath.Join(dir, resolutionsFile))
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := rs.Get("modality-0123456789"); got.By != tt.want {
				t.Errorf("by %q, want %q", got.By, tt.want)
			}
		})
	}
}

func TestResolveHelp(t *testing.T) {
	for _, name := range []string{"check", "resolve"} {
		code, stdout, _ := runCLI(t, name, "--help")
		if code != exitOK || !strings.Contains(stdout, "Usage: crosscheck "+name) || !strings.Contains(stdout, "Examples:") {
			t.Errorf("%s --help: exit %d, output:\n%s", name, code, stdout)
		}
	}
}
