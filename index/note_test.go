package index

import (
	"bytes"
	"errors"
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
