package claims

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

// TestLoadStamps checks that files whose stamps are unchanged are not read
// again, their articles keeping their hash and title, and that a file
// rewritten with its old size and modification time, or changed too
// recently to be stamped, is read.
func TestLoadStamps(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("files are stamped where change times are read")
	}
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":         "Headline A\n\nThe council met on Monday.",
		"b.txt":         "Headline B\n\nThe council met on Friday.",
		"c.txt":         "Headline C\n\nNobody came.",
		"articles.yaml": "- file: a.txt\n  title: Council meets\n  outlet: Wire\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Loads happen a while after the files were written.
	defer func(c func() time.Time) { clock = c }(clock)
	clock = func() time.Time { return time.Now().Add(time.Minute) }

	type view struct{ ID, Title, Outlet, Hash, Text string }
	load := func(st *Stamps) map[string]view {
		t.Helper()
		arts, errs := Load([]string{dir}, LoadOptions{Stamps: st})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		out := map[string]view{}
		for _, a := range arts {
			out[a.ID] = view{a.ID, a.Title, a.Outlet, a.Hash, a.Text}
		}
		return out
	}
	st := &Stamps{}
	first := load(st)
	if len(st.Files) != 3 {
		t.Fatalf("first load stamped %d files, want 3: %v", len(st.Files), st.Files)
	}
	data, err := st.MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	st = &Stamps{}
	if err := st.UnmarshalText(data); err != nil {
		t.Fatal(err)
	}
	second := load(st)
	for id, v := range second {
		if v.Text != "" {
			t.Errorf("%s: read again though unchanged", id)
		}
		v.Text = first[id].Text
		if v != first[id] {
			t.Errorf("%s unread: %+v, want %+v", id, v, first[id])
		}
	}
	// The folder named by another path, from another working folder,
	// finds the same stamps.
	t.Chdir(filepath.Dir(dir))
	arts, errs := Load([]string{"./" + filepath.Base(dir) + "/"}, LoadOptions{Stamps: st})
	if len(errs) > 0 || len(arts) != 3 {
		t.Fatal(errs)
	}
	for _, a := range arts {
		if a.Text != "" || a.Hash != first[a.ID].Hash {
			t.Errorf("%s named by another path: read again %v, hash %s; want unread, %s", a.ID, a.Text != "", a.Hash, first[a.ID].Hash)
		}
	}
	arts, _ = Load([]string{filepath.Join(dir, "b.txt")}, LoadOptions{})
	unread := &Article{Path: filepath.Join(dir, "b.txt"), Hash: second["b"].Hash}
	if err := unread.ReadText(); err != nil || unread.Text != arts[0].Text {
		t.Errorf("ReadText of an unread article: %q, %v; want %q", unread.Text, err, arts[0].Text)
	}

	// b rewritten with its size and modification time kept.
	b := filepath.Join(dir, "b.txt")
	info, err := os.Stat(b)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte("Headline B\n\nThe council met on Sunday."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(b, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	third := load(st)
	if third["b"].Text == "" || third["b"].Hash == first["b"].Hash {
		t.Errorf("b rewritten, times kept: read %v, hash changed %v; want both", third["b"].Text != "", third["b"].Hash != first["b"].Hash)
	}
	if third["a"].Text != "" || third["c"].Text != "" {
		t.Error("a and c read again though unchanged")
	}

	// Removed, c drops out of the stamps; changed just now, a is read
	// and not stamped.
	if err := os.Remove(filepath.Join(dir, "c.txt")); err != nil {
		t.Fatal(err)
	}
	clock = time.Now
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Headline A\n\nThe council met on Tuesday."), 0o644); err != nil {
		t.Fatal(err)
	}
	fourth := load(st)
	if fourth["a"].Text == "" || fourth["a"].Title != "Council meets" {
		t.Errorf("a changed: %+v, want it read, titled by its metadata", fourth["a"])
	}
	var stamped []string
	for p := range st.Files {
		stamped = append(stamped, filepath.Base(p))
	}
	if d := cmp.Diff([]string{"b.txt"}, stamped); d != "" {
		t.Errorf("stamped files after a change and a removal (-want +got):\n%s", d)
	}
}

// TestStampsText checks that stamps read back as written, and that lines
// that cannot be read are left out.
func TestStampsText(t *testing.T) {
	st := &Stamps{Files: map[string]Stamp{
		"corpus/a.txt":   {Size: 10, Mod: 1700000000123456789, Change: 1700000000223456789, Inode: 42, Hash: hex64, Title: "Putin in \"Dushanbe\"\tand more"},
		"corpus/b c.txt": {Size: 0, Mod: -1, Change: 0, Inode: 0, Hash: hex64, Title: ""},
	}}
	data, err := st.MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	got := &Stamps{}
	if err := got.UnmarshalText(append(data, "corpus/bad.txt\tx\t1\t2\t3\t"+hex64+"\t\nshort\n"...)); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(st.Files, got.Files, cmp.AllowUnexported(Stamp{})); d != "" {
		t.Errorf("stamps read back (-written +read):\n%s", d)
	}
	if err := got.UnmarshalText([]byte("something else\n")); err != nil || len(got.Files) != 0 {
		t.Errorf("another format: %d stamps, %v; want none, no error", len(got.Files), err)
	}
}

const hex64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

// TestFirstLineHoldsNoText checks that the first line kept in a stamp, and
// a title taken from it, do not point into the article's text, which they
// would keep in memory after it is let go.
func TestFirstLineHoldsNoText(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("A headline\n\nThe body of the article."), 0o644); err != nil {
		t.Fatal(err)
	}
	defer func(c func() time.Time) { clock = c }(clock)
	clock = func() time.Time { return time.Now().Add(time.Minute) }
	st := &Stamps{}
	arts, errs := Load([]string{dir}, LoadOptions{Stamps: st})
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatal(errs)
	}
	text := arts[0].Text
	within := func(s string) bool {
		p, lo := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
		return p >= lo && p < lo+uintptr(len(text))
	}
	if arts[0].Title != "A headline" || within(arts[0].Title) {
		t.Errorf("title %q within the text: %v", arts[0].Title, within(arts[0].Title))
	}
	for p, s := range st.Files {
		if runtime.GOOS == "linux" && (s.Title != "A headline" || within(s.Title)) {
			t.Errorf("%s: stamped first line %q within the text: %v", p, s.Title, within(s.Title))
		}
	}
}
