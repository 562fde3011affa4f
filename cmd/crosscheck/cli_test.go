package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadInput checks that each kind of bad input gives one line on
// standard error naming the file and the problem, and exit code 2, and that
// a bad article does not lose the good ones.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", "Putin arrived in Dushanbe on Wednesday.\n")
	empty := write("empty.txt", "\n\n")
	binary := write("binary.txt", "PK\x03\x04\x00\x00")
	latin1 := write("latin1.txt", "Caf\xe9 society.\n")
	corrupt := filepath.Join(dir, "corrupt-index")
	if err := os.MkdirAll(corrupt, 0o755); err != nil {
		t.Fatal(err)
	}
	write("corrupt-index/index_meta.json", "{not json")
	idx := filepath.Join(t.TempDir(), "idx")

	tests := []struct {
		name string
		args []string
		want string // in the one error line
		out  string // in standard output, when the good article must still be there
	}{
		{"missing file", []string{"claims", filepath.Join(dir, "nope.txt")}, "nope.txt: no such file or folder", ""},
		{"empty file", []string{"claims", empty, good}, "empty.txt: empty file", "Putin arrived"},
		{"binary file", []string{"claims", binary}, "binary.txt:1: binary file", ""},
		{"invalid UTF-8", []string{"claims", latin1}, "latin1.txt:1: invalid UTF-8 at byte offset 3", ""},
		{"bad --published", []string{"claims", "--published", "28/06/2022", good}, `--published: bad date "28/06/2022"`, ""},
		{"unknown flag", []string{"report", "--frobnicate", good}, "unknown flag: --frobnicate", ""},
		{"unknown format", []string{"report", "--index", idx, "--format", "pdf", good}, `--format "pdf"`, ""},
		{"corrupt index", []string{"report", "--index", corrupt, good}, "corrupt-index", ""},
		{"report with a bad article", []string{"report", "--index", idx, "--format", "json", binary, good}, "binary.txt:1: binary file", `"good"`},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), tt.args, nil, &out, &errb)
			lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
			if code != exitUsage || len(lines) != 1 || !strings.Contains(lines[0], tt.want) {
				t.Errorf("crosscheck %v: exit %d, stderr %q; want exit 2 and one line containing %q", tt.args, code, errb.String(), tt.want)
			}
			if tt.out != "" && !strings.Contains(out.String(), tt.out) {
				t.Errorf("standard output lost the good article: %q", out.String())
			}
		})
	}
	if b, err := os.ReadFile(filepath.Join(corrupt, "index_meta.json")); err != nil || string(b) != "{not json" {
		t.Errorf("the corrupt index was changed: %q, %v", b, err)
	}
}
