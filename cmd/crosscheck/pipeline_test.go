package main

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/claims"
)

// TestReadText checks that an article's text, let go after loading, is
// read back as it was, and that a file changed or removed since loading is
// an input error rather than another text under the old hash.
func TestReadText(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	const text = "Officials said 40 people died.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	load := func() *claims.Article {
		arts, errs := claims.Load([]string{path}, claims.LoadOptions{})
		if len(errs) > 0 || len(arts) != 1 {
			t.Fatalf("Load = %v, %v", arts, errs)
		}
		arts[0].Text = ""
		return arts[0]
	}

	a := load()
	if err := readText(a); err != nil || a.Text != text {
		t.Fatalf("readText = %v, text %q; want nil, %q", err, a.Text, text)
	}

	a = load()
	if err := os.WriteFile(path, []byte("Officials said 41 people died.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var ie *claims.InputError
	if err := readText(a); !errors.As(err, &ie) || ie.Path != path || a.Text != "" {
		t.Errorf("changed file: readText = %v, text %q; want an input error naming %s and no text", err, a.Text, path)
	}

	a = load()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := readText(a); !errors.As(err, &ie) || ie.Path != path {
		t.Errorf("removed file: readText = %v; want an input error naming %s", err, path)
	}
}
