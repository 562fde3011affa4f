package index

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"
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

func TestDropNotes(t *testing.T) {
	defer func(n int) { dropBatch = n }(dropBatch)
	dropBatch = 3
	dir := filepath.Join(t.TempDir(), "idx")
	x, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	values := map[string][]byte{}
	var drop []string
	for i := range 25 {
		name := fmt.Sprintf("story/%02d", i)
		values[name] = []byte(name)
		if i%5 != 0 {
			drop = append(drop, name)
		}
	}
	must(t, x.SetNotes(values))
	before := x.pages.released.Load()
	// Names not stored are passed over; the order does not matter.
	slices.Reverse(drop)
	must(t, x.DropNotes(append(drop, "story/none")))
	// 21 names in batches of 3, each followed by a release of the pages.
	if got := x.pages.released.Load() - before; got < 7 {
		t.Errorf("%d releases of the pages while dropping 21 notes in batches of 3, want 7 or more", got)
	}
	must(t, x.Close())
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for i := range 25 {
		name := fmt.Sprintf("story/%02d", i)
		want := ""
		if i%5 == 0 {
			want = name
		}
		if got, err := r.Note(name); err != nil || string(got) != want {
			t.Errorf("Note(%q) after DropNotes = %q, %v; want %q", name, got, err, want)
		}
	}
	if err := r.DropNotes([]string{"story/00"}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("DropNotes on a read-only index: %v, want ErrReadOnly", err)
	}
	if got, _ := r.Note("story/00"); string(got) != "story/00" {
		t.Errorf("a read-only index dropped a note: %q left", got)
	}
}

func TestNoteNames(t *testing.T) {
	disk, err := Create(filepath.Join(t.TempDir(), "idx"))
	if err != nil {
		t.Fatal(err)
	}
	defer disk.Close()
	for name, x := range map[string]*Index{"on disk": disk, "in memory": newMem(t)} {
		values := map[string][]byte{}
		for _, n := range []string{"story/b/2", "story/a/1", "story/b/1", "story/c", "story/d/", "stories", "storz/e/1", "support/x"} {
			values[n] = []byte("v")
		}
		must(t, x.SetNotes(values))
		for _, c := range []struct {
			prefix  string
			folders bool
			want    []string
		}{
			{"story/b/", false, []string{"story/b/1", "story/b/2"}},
			{"story/", false, []string{"story/a/1", "story/b/1", "story/b/2", "story/c", "story/d/"}},
			{"story/", true, []string{"story/a/", "story/b/", "story/d/"}},
			{"stor", true, []string{"story/", "storz/"}},
			{"none/", false, nil},
			{"none/", true, nil},
		} {
			list, what := x.NoteNames, "NoteNames"
			if c.folders {
				list, what = x.NoteFolders, "NoteFolders"
			}
			got, err := list(c.prefix)
			if err != nil {
				t.Fatalf("%s: %s(%q): %v", name, what, c.prefix, err)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("%s: %s(%q) = %q, want %q", name, what, c.prefix, got, c.want)
			}
		}
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

// TestNotesCompressed checks that notes are kept compressed and read back
// whole, and that a note damaged on disk reads as no note.
func TestNotesCompressed(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	x, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	value := bytes.Repeat([]byte(`{"corroborated":["a:1","b:2"]},`), 1000)
	// Hashes do not compress: they are kept as they are.
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(i*2654435761>>13) ^ byte(i>>3)
	}
	// A large note of hashes is told by its beginning; a large
	// repetitive one is compressed.
	var hashes []byte
	for h := sha256.Sum256(nil); len(hashes) < 1<<20; h = sha256.Sum256(h[:]) {
		hashes = append(hashes, h[:]...)
	}
	text := bytes.Repeat(value, 40)
	if err := x.SetNotes(map[string][]byte{"big": value, "small": []byte("x"), "random": random, "hashes": hashes, "text": text}); err != nil {
		t.Fatal(err)
	}
	db, err := x.notes.open()
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string][]byte{}
	if err := db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(notesBucket).ForEach(func(k, v []byte) error {
			stored[string(k)] = append([]byte(nil), v...)
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	if n := len(stored["big"]); n == 0 || n > len(value)/4 {
		t.Errorf("a %d-byte repetitive note takes %d bytes stored, want a quarter or less", len(value), n)
	}
	if n := len(stored["random"]); n != len(random)+1 || stored["random"][0] != noteRaw {
		t.Errorf("a %d-byte incompressible note takes %d bytes stored, want it kept as it is after a marker", len(random), n)
	}
	if n := len(stored["hashes"]); n != len(hashes)+1 || stored["hashes"][0] != noteRaw {
		t.Errorf("a %d-byte note of hashes takes %d bytes stored, want it kept as it is after a marker", len(hashes), n)
	}
	if n := len(stored["text"]); n == 0 || n > len(text)/4 || stored["text"][0] != noteSnappy {
		t.Errorf("a %d-byte repetitive note takes %d bytes stored, want a quarter or less", len(text), n)
	}
	for name, want := range map[string][]byte{"big": value, "small": []byte("x"), "random": random, "hashes": hashes, "text": text} {
		if got, err := x.Note(name); err != nil || !bytes.Equal(got, want) {
			t.Errorf("Note(%q) = %d bytes, %v; want the %d bytes stored", name, len(got), err, len(want))
		}
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(notesBucket).Put([]byte("big"), append([]byte{noteSnappy}, "not snappy"...))
	}); err != nil {
		t.Fatal(err)
	}
	if got, err := x.Note("big"); err != nil || got != nil {
		t.Errorf("damaged note: Note = %q, %v; want nil, nil", got, err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
}
