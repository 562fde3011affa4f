package compare

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/claims"
)

const resolutionsSample = `# comments are kept
name-variant-f998baedea:
  status: accepted        # or resolved
  value: Zhidko           # the right value, when known
  note: "Russian Жидко"
  by: jane
  date: 2026-11-22

# a date decided
date-0ed35b67c1:
  status: resolved
  value: Friday
  note: per the published schedule
# end of file
`

// writeResolutions writes content to a new resolutions file and returns its path.
func writeResolutions(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "resolutions.yaml")
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func loadResolutions(t *testing.T, path string) *Resolutions {
	t.Helper()
	rs, err := LoadResolutions(path)
	if err != nil {
		t.Fatalf("LoadResolutions(%s): %v", path, err)
	}
	return rs
}

func TestResolutionValidID(t *testing.T) {
	tests := []struct {
		id      string
		wantErr string // substring; empty for a valid id
	}{
		{"name-variant-f998baedea", ""},
		{"date-0ed35b67c1", ""},
		{"number-0123456789", ""},
		{"framing-abcdefabcd", ""},
		{"modality-0000000000", ""},
		{"quote-ffffffffff", ""},
		{"", "want KIND-"},
		{"f998baedea", "want KIND-"},
		{"variant-f998baedea", `unknown kind "variant"`},
		{"Date-0ed35b67c1", `unknown kind "Date"`},
		{"date-0ed35b67c", "10 lower-case hex digits"},
		{"date-0ed35b67c1a", "10 lower-case hex digits"},
		{"date-0ED35B67C1", "10 lower-case hex digits"},
		{"date-0ed35b67g1", "10 lower-case hex digits"},
		{"date-", "10 lower-case hex digits"},
		{" date-0ed35b67c1", "unknown kind"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			err := ValidID(tt.id)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("ValidID(%q) = %v, want nil", tt.id, err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("ValidID(%q) = %v, want an error saying %q", tt.id, err, tt.wantErr)
			}
		})
	}
}

func TestLoadResolution(t *testing.T) {
	rs := loadResolutions(t, writeResolutions(t, resolutionsSample))
	if got, want := rs.IDs(), []string{"name-variant-f998baedea", "date-0ed35b67c1"}; !slices.Equal(got, want) {
		t.Errorf("IDs() = %v, want %v", got, want)
	}
	if rs.Len() != 2 {
		t.Errorf("Len() = %d, want 2", rs.Len())
	}
	got, ok := rs.Get("name-variant-f998baedea")
	want := Resolution{Status: Accepted, Value: "Zhidko", Note: "Russian Жидко", By: "jane", Date: "2026-11-22"}
	if !ok {
		t.Fatal("Get: no decision on name-variant-f998baedea")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Get (-want +got):\n%s", diff)
	}
	if _, ok := rs.Get("date-0000000000"); ok {
		t.Error("Get of an unknown id found a decision")
	}
}

func TestLoadResolutionEmpty(t *testing.T) {
	tests := []struct {
		name, content string
	}{
		{"missing file", ""},
		{"empty file", "\n"},
		{"comments only", "# nothing decided yet\n"},
		{"null document", "~\n"},
		{"document marker", "---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "resolutions.yaml")
			if tt.name != "missing file" {
				path = writeResolutions(t, tt.content)
			}
			rs := loadResolutions(t, path)
			if rs.Len() != 0 || rs.IDs() != nil || rs.Path() != path {
				t.Errorf("Len %d, IDs %v, Path %q; want 0, nil, %q", rs.Len(), rs.IDs(), rs.Path(), path)
			}
			if stale := rs.Apply([]Discrepancy{{ID: "date-0ed35b67c1"}}); stale != nil {
				t.Errorf("Apply: stale %v, want none", stale)
			}
		})
	}
}

func TestLoadResolutionMalformed(t *testing.T) {
	const anyLine = -1
	tests := []struct {
		name     string
		content  string
		wantLine int
		wantErr  string
	}{
		// The YAML parser places syntax errors at the start of the
		// construct they break; anyLine accepts the line it gives.
		{"bad YAML", "date-0ed35b67c1:\n  status: [accepted\n", anyLine, "malformed YAML: did not find expected"},
		{"tab indentation", "date-0ed35b67c1:\n\tstatus: accepted\n", anyLine, "malformed YAML"},
		{"top level is a list", "- date-0ed35b67c1\n", 1, "want a mapping of discrepancy ids"},
		{"top level is a string", "accepted\n", 1, "want a mapping of discrepancy ids"},
		{"entry is a string", "# c\ndate-0ed35b67c1: accepted\n", 2, "want a mapping of status"},
		{"entry is empty", "date-0ed35b67c1:\nquote-0123456789:\n  status: accepted\n", 1, "want a mapping of status"},
		{"entry is a list", "date-0ed35b67c1:\n  - accepted\n", 2, "want a mapping of status"},
		{"status unresolved", "date-0ed35b67c1:\n  note: x\n  status: unresolved\n", 3, `status "unresolved"`},
		{"status misspelt", "date-0ed35b67c1:\n  status: acepted\n", 2, `status "acepted"`},
		{"status capitalised", "date-0ed35b67c1:\n  status: Accepted\n", 2, `status "Accepted"`},
		{"no status", "\ndate-0ed35b67c1:\n  note: x\n", 2, "no status"},
		{"unknown field", "date-0ed35b67c1:\n  status: accepted\n  reason: x\n", 3, `unknown field "reason"`},
		{"repeated field", "date-0ed35b67c1:\n  status: accepted\n  status: resolved\n", 3, "field status is also on line 2"},
		{"field is a mapping", "date-0ed35b67c1:\n  status: accepted\n  note:\n    a: b\n", 4, "note is not a plain value"},
		{"bad id", "date-0ed35b67c1:\n  status: accepted\nrumour-0123456789:\n  status: accepted\n", 3, `unknown kind "rumour"`},
		{"short id", "date-0ed35:\n  status: accepted\n", 1, "10 lower-case hex digits"},
		{"repeated id", "date-0ed35b67c1:\n  status: accepted\ndate-0ed35b67c1:\n  status: resolved\n", 3, "date-0ed35b67c1 is also on line 1"},
		{"second document", "date-0ed35b67c1:\n  status: accepted\n---\nquote-0123456789:\n  status: accepted\n", 3, "more than one YAML document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeResolutions(t, tt.content)
			rs, err := LoadResolutions(path)
			if err == nil {
				t.Fatalf("LoadResolutions = %v entries, want an error", rs.Len())
			}
			var ie *claims.InputError
			if !errors.As(err, &ie) || !errors.Is(err, claims.ErrInput) {
				t.Fatalf("error %T %v, want a *claims.InputError", err, err)
			}
			lineOK := ie.Line == tt.wantLine || tt.wantLine == anyLine && ie.Line > 0
			if ie.Path != path || !lineOK || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q (path %s, line %d), want path %s, line %d, saying %q", err, ie.Path, ie.Line, path, tt.wantLine, tt.wantErr)
			}
			if msg := err.Error(); strings.Contains(msg, "\n") {
				t.Errorf("error %q spans lines, want one", msg)
			}
		})
	}
}

func TestLoadResolutionUnreadable(t *testing.T) {
	dir := t.TempDir()
	_, err := LoadResolutions(dir)
	var ie *claims.InputError
	if !errors.As(err, &ie) || ie.Path != dir || !strings.Contains(err.Error(), "cannot read resolutions") {
		t.Errorf("LoadResolutions(a folder) = %v, want an input error naming it", err)
	}
}

func TestSetResolutionKeepsComments(t *testing.T) {
	path := writeResolutions(t, resolutionsSample)
	rs := loadResolutions(t, path)
	added := Resolution{Status: Resolved, Value: "7,000", Note: "the ministry's figure: 7,000 #1", By: "omar", Date: "2026-11-23"}
	changed := Resolution{Status: Resolved, Value: "Zhidko", Note: "checked again", By: "jane", Date: "2026-11-23"}
	if err := rs.Set("number-0a1b2c3d4e", added); err != nil {
		t.Fatal(err)
	}
	if err := rs.Set("name-variant-f998baedea", changed); err != nil {
		t.Fatal(err)
	}
	if err := rs.Save(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, c := range []string{"# comments are kept", "# or resolved", "# the right value, when known", "# a date decided", "# end of file"} {
		if !strings.Contains(text, c) {
			t.Errorf("comment %q lost:\n%s", c, text)
		}
	}
	back := loadResolutions(t, path)
	if got, want := back.IDs(), []string{"name-variant-f998baedea", "date-0ed35b67c1", "number-0a1b2c3d4e"}; !slices.Equal(got, want) {
		t.Errorf("IDs after save = %v, want %v", got, want)
	}
	wants := map[string]Resolution{
		"name-variant-f998baedea": changed,
		"date-0ed35b67c1":         {Status: Resolved, Value: "Friday", Note: "per the published schedule"},
		"number-0a1b2c3d4e":       added,
	}
	for id, want := range wants {
		got, _ := back.Get(id)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s after save (-want +got):\n%s", id, diff)
		}
		if got, _ := rs.Get(id); got != want {
			t.Errorf("%s before save: %+v, want %+v", id, got, want)
		}
	}
	// An untouched file saves to the same decisions and comments again.
	if err := back.Save(); err != nil {
		t.Fatal(err)
	}
	again, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(text, string(again)); diff != "" {
		t.Errorf("saving again changed the file (-first +second):\n%s", diff)
	}
}

func TestSetResolutionValues(t *testing.T) {
	// Values that YAML would read as something else than the string must
	// come back as the same string.
	values := []string{"7000", "yes", "null", "~", "2026-11-22", "Friday: late", "# not a comment", "line one\nline two", `"quoted"`, "  padded  ", "Жидко"}
	path := filepath.Join(t.TempDir(), "sub-resolutions.yaml")
	rs := loadResolutions(t, path)
	for i, v := range values {
		id := "number-00000000" + string(rune('a'+i/16)) + string("0123456789abcdef"[i%16])
		if err := rs.Set(id, Resolution{Status: Accepted, Value: v, Note: v, By: v}); err != nil {
			t.Fatal(err)
		}
	}
	if err := rs.Save(); err != nil {
		t.Fatal(err)
	}
	back := loadResolutions(t, path)
	for i, id := range back.IDs() {
		got, _ := back.Get(id)
		if got.Value != values[i] || got.Note != values[i] || got.By != values[i] {
			b, _ := os.ReadFile(path)
			t.Errorf("%s: value %q, note %q, by %q; want %q\n%s", id, got.Value, got.Note, got.By, values[i], b)
		}
	}
}

func TestSetResolutionEmptyFile(t *testing.T) {
	tests := []struct {
		name, content string
		wantPrefix    string
	}{
		{"missing", "", ""},
		{"comments only", "# decisions of the desk\n\n# one per id\n", "# decisions of the desk\n\n# one per id\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "resolutions.yaml")
			if tt.content != "" {
				path = writeResolutions(t, tt.content)
			}
			rs := loadResolutions(t, path)
			r := Resolution{Status: Accepted, Note: "fine", By: "jane", Date: "2026-11-22"}
			if err := rs.Set("quote-0123456789", r); err != nil {
				t.Fatal(err)
			}
			if err := rs.Save(); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want := tt.wantPrefix + "quote-0123456789:\n  status: accepted\n  note: \"fine\"\n  by: jane\n  date: 2026-11-22\n"
			if diff := cmp.Diff(want, string(b)); diff != "" {
				t.Errorf("file (-want +got):\n%s", diff)
			}
			if got, _ := loadResolutions(t, path).Get("quote-0123456789"); got != r {
				t.Errorf("read back %+v, want %+v", got, r)
			}
		})
	}
}

func TestSetResolutionRejects(t *testing.T) {
	tests := []struct {
		name string
		id   string
		r    Resolution
	}{
		{"bad id", "rumour-0123456789", Resolution{Status: Accepted}},
		{"unresolved", "date-0123456789", Resolution{Status: Unresolved}},
		{"unknown status", "date-0123456789", Resolution{Status: Status(7)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeResolutions(t, resolutionsSample)
			rs := loadResolutions(t, path)
			if err := rs.Set(tt.id, tt.r); err == nil {
				t.Errorf("Set(%q, %v) = nil, want an error", tt.id, tt.r.Status)
			}
			if got := rs.IDs(); len(got) != 2 {
				t.Errorf("IDs after a rejected Set = %v, want the two of the file", got)
			}
			if _, ok := rs.Get(tt.id); ok {
				t.Errorf("Get(%q) finds the rejected decision", tt.id)
			}
		})
	}
}

func TestSaveResolutionAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "resolutions.yaml")
	if err := os.WriteFile(path, []byte(resolutionsSample), 0o600); err != nil {
		t.Fatal(err)
	}
	rs := loadResolutions(t, path)
	if err := rs.Set("quote-0123456789", Resolution{Status: Accepted, Note: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := rs.Save(); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].Name() != "resolutions.yaml" {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v after Save, want only resolutions.yaml", names)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("mode after Save: %v, %v; want 0600 kept", st.Mode().Perm(), err)
	}

	// A folder that does not exist: Save fails and creates nothing.
	missing := filepath.Join(dir, "gone", "resolutions.yaml")
	rs = loadResolutions(t, missing)
	if err := rs.Set("quote-0123456789", Resolution{Status: Accepted, Note: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := rs.Save(); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("Save into a missing folder = %v, want an error naming %s", err, missing)
	}
	if _, err := os.Stat(filepath.Dir(missing)); err == nil {
		t.Errorf("Save created %s", filepath.Dir(missing))
	}

	// A folder in the file's place is not replaced.
	blocked := filepath.Join(dir, "blocked.yaml")
	if err := os.Mkdir(blocked, 0o755); err != nil {
		t.Fatal(err)
	}
	rs = &Resolutions{path: blocked, byID: map[string]Resolution{}}
	if err := rs.Set("quote-0123456789", Resolution{Status: Accepted, Note: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := rs.Save(); err == nil {
		t.Error("Save over a folder = nil, want an error")
	}
	if st, err := os.Stat(blocked); err != nil || !st.IsDir() {
		t.Errorf("the folder at %s was replaced", blocked)
	}
}

func TestApplyResolution(t *testing.T) {
	rs := loadResolutions(t, writeResolutions(t, resolutionsSample))
	ds := []Discrepancy{
		{ID: "date-0ed35b67c1", Severity: Error},
		{ID: "quote-0123456789", Severity: Info, Status: Accepted, Resolution: &Resolution{Status: Accepted}},
		{ID: "number-0123456789", Severity: Warning},
	}
	stale := rs.Apply(ds)
	if want := []string{"name-variant-f998baedea"}; !slices.Equal(stale, want) {
		t.Errorf("stale = %v, want %v", stale, want)
	}
	want := []Discrepancy{
		{ID: "date-0ed35b67c1", Severity: Error, Status: Resolved, Resolution: &Resolution{Status: Resolved, Value: "Friday", Note: "per the published schedule"}},
		{ID: "quote-0123456789", Severity: Info},
		{ID: "number-0123456789", Severity: Warning},
	}
	if diff := cmp.Diff(want, ds); diff != "" {
		t.Errorf("after Apply (-want +got):\n%s", diff)
	}
	// The discrepancy holds a copy: changing it leaves the decisions alone.
	ds[0].Resolution.Value = "Saturday"
	if r, _ := rs.Get("date-0ed35b67c1"); r.Value != "Friday" {
		t.Errorf("decision changed through a discrepancy: %+v", r)
	}
	if stale := rs.Apply(nil); !slices.Equal(stale, rs.IDs()) {
		t.Errorf("Apply(nil) = %v, want every id %v", stale, rs.IDs())
	}
}
