package index

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestNotes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	x, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := x.Note("support"); err != nil || got != nil {
		t.Fatalf("Note before SetNote = %q, %v; want nil, nil", got, err)
	}
	if err := x.SetNote("support", []byte(`{"a:1":{}}`)); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got, err := r.Note("support"); err != nil || !bytes.Equal(got, []byte(`{"a:1":{}}`)) {
		t.Errorf("Note after reopening = %q, %v; want the stored value", got, err)
	}
	if err := r.SetNote("support", []byte("x")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("SetNote on a read-only index: %v, want ErrReadOnly", err)
	}
}

func TestSetNotes(t *testing.T) {
	x, err := Create(filepath.Join(t.TempDir(), "idx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.SetNotes(map[string][]byte{"a": []byte("1"), "b": []byte("2"), "c": []byte("3")}); err != nil {
		t.Fatal(err)
	}
	// An empty value removes its note; the others are left alone.
	if err := x.SetNotes(map[string][]byte{"b": nil, "c": []byte("4")}); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"a": "1", "b": "", "c": "4"} {
		got, err := x.Note(name)
		if err != nil || string(got) != want {
			t.Errorf("Note(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
	if err := x.SetNotes(nil); err != nil {
		t.Errorf("SetNotes(nil) = %v, want nil", err)
	}
}

func TestNotesReadOnlyWithoutFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	x, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got, err := r.Note("support"); err != nil || got != nil {
		t.Errorf("Note on a read-only index that never kept notes = %q, %v; want nil, nil", got, err)
	}
	if _, err := os.Stat(filepath.Join(dir, notesFile)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("reading a note made %s (%v); a read-only index must not write", notesFile, err)
	}
}
