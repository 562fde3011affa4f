package index

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/claims"
)

// snapshot returns every file under dir with a digest of its content.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			out[p+"/"] = [32]byte{}
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[p] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		t.Fatalf("snapshot %s: %v", dir, err)
	}
	return out
}

func TestOnDisk(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "nested", "idx")
	a := article("kyiv", "Kyiv Post", date(2022, 6, 28))
	ca := richClaims("kyiv")
	b := article("paris", "Le Monde", date(2022, 6, 29))
	cb := []claims.Claim{claim("paris", 1, "Le général Shidko a été limogé.", person("Shidko"))}

	if _, err := Open(dir); !errors.Is(err, ErrNotExist) {
		t.Fatalf("Open of a missing dir: %v, want ErrNotExist", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Open created %s", dir)
	}
	if _, err := Open(t.TempDir()); !errors.Is(err, ErrNotExist) {
		t.Fatalf("Open of an empty dir: %v, want ErrNotExist", err)
	}

	x, err := Create(dir)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	put(t, x, a, ca...)
	if err := x.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := Create(dir); !errors.Is(err, ErrExist) {
		t.Fatalf("Create over an index: %v, want ErrExist", err)
	}

	// Read-only: everything reads, nothing writes.
	before := snapshot(t, dir)
	r, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if !r.ReadOnly() || r.Dir() != dir {
		t.Errorf("ReadOnly, Dir = %v, %q; want true, %q", r.ReadOnly(), r.Dir(), dir)
	}
	got, err := r.Claims("kyiv")
	if err != nil {
		t.Fatalf("Claims: %v", err)
	}
	if diff := cmp.Diff(ca, got); diff != "" {
		t.Errorf("Claims after reopening (-want +got):\n%s", diff)
	}
	res, err := r.Search(Query{Text: "Zhidko"})
	if err != nil || len(res.Hits) != 1 {
		t.Errorf("Search = %v, %v; want one hit", hitIDs(res), err)
	}
	if err := r.Put(b, cb); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Put on a read-only index: %v, want ErrReadOnly", err)
	}
	if err := r.Delete("kyiv"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Delete on a read-only index: %v, want ErrReadOnly", err)
	}
	if err := r.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
		t.Errorf("reading changed the index files (-before +after):\n%s", diff)
	}

	// Read-write on the existing index.
	w, err := OpenOrCreate(dir)
	if err != nil {
		t.Fatalf("OpenOrCreate of an index: %v", err)
	}
	put(t, w, b, cb...)

	// While it is open for writing, another opener is refused.
	lockTimeout = "50ms"
	t.Cleanup(func() { lockTimeout = "5s" })
	if _, err := Open(dir); !errors.Is(err, ErrLocked) {
		t.Errorf("Open while another writer has it: %v, want ErrLocked", err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	r, err = Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	recs, err := r.Articles()
	if err != nil || len(recs) != 2 {
		t.Errorf("Articles = %+v, %v; want 2", recs, err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}

	// OpenOrCreate makes an index in a missing or empty dir.
	for _, d := range []string{filepath.Join(root, "fresh"), t.TempDir()} {
		x, err := OpenOrCreate(d)
		if err != nil {
			t.Fatalf("OpenOrCreate(%s): %v", d, err)
		}
		put(t, x, b, cb...)
		if err := x.Close(); err != nil {
			t.Fatal(err)
		}
		r, err := Open(d)
		if err != nil {
			t.Fatalf("Open after OpenOrCreate: %v", err)
		}
		if st, err := r.Stats(); err != nil || st != (Stats{Articles: 1, Claims: 1}) {
			t.Errorf("Stats = %+v, %v; want 1 article, 1 claim", st, err)
		}
		_ = r.Close()
	}
}

func TestOpenRefusesWhatIsNotAnIndex(t *testing.T) {
	makeIndex := func(t *testing.T, dir string) {
		t.Helper()
		x, err := Create(dir)
		if err != nil {
			t.Fatal(err)
		}
		put(t, x, article("a", "Reuters", date(2022, 1, 1)), claim("a", 1, "Text."))
		if err := x.Close(); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir string)
		want  error // of Open and OpenOrCreate; Create always says ErrExist
	}{
		{"other files", func(t *testing.T, dir string) {
			must(t, os.MkdirAll(dir, 0o755))
			must(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not an index"), 0o644))
		}, ErrCorrupt},
		{"a file", func(t *testing.T, dir string) {
			must(t, os.WriteFile(dir, []byte("not an index"), 0o644))
		}, ErrCorrupt},
		{"corrupt meta", func(t *testing.T, dir string) {
			makeIndex(t, dir)
			must(t, os.WriteFile(filepath.Join(dir, "index_meta.json"), []byte("{garbage"), 0o644))
		}, ErrCorrupt},
		{"corrupt store", func(t *testing.T, dir string) {
			makeIndex(t, dir)
			must(t, os.WriteFile(filepath.Join(dir, "store", "root.bolt"), []byte(strings.Repeat("garbage", 1000)), 0o644))
		}, ErrCorrupt},
		{"no store", func(t *testing.T, dir string) {
			makeIndex(t, dir)
			must(t, os.RemoveAll(filepath.Join(dir, "store")))
		}, ErrCorrupt},
		{"foreign bleve index", func(t *testing.T, dir string) {
			b, err := bleve.New(dir, bleve.NewIndexMapping())
			must(t, err)
			must(t, b.Close())
		}, ErrCorrupt},
		{"newer version", func(t *testing.T, dir string) {
			x, err := Create(dir)
			must(t, err)
			b := x.b.NewBatch()
			b.SetInternal(versionKey, []byte(strconv.Itoa(FormatVersion+1)))
			must(t, x.write(b))
			must(t, x.Close())
		}, ErrVersion},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "idx")
			tc.setup(t, dir)
			var before map[string][32]byte
			if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
				before = snapshot(t, dir)
			}
			for _, op := range []struct {
				name string
				open func(string) (*Index, error)
				want error
			}{{"Open", Open, tc.want}, {"OpenOrCreate", OpenOrCreate, tc.want}, {"Create", Create, ErrExist}} {
				x, err := op.open(dir)
				if err == nil {
					_ = x.Close()
				}
				if !errors.Is(err, op.want) {
					t.Errorf("%s: error %v, want %v", op.name, err, op.want)
				} else if !strings.Contains(err.Error(), dir) {
					t.Errorf("%s: error %q does not name %s", op.name, err, dir)
				}
			}
			if before != nil {
				if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
					t.Errorf("opening changed the directory (-before +after):\n%s", diff)
				}
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// smallBatches makes writes cut batches of 5 documents or 200 bytes until
// the test ends.
func smallBatches(t *testing.T) {
	docs, bytes := batchDocs, batchBytes
	batchDocs, batchBytes = 5, 200
	t.Cleanup(func() { batchDocs, batchBytes = docs, bytes })
}

// TestWritesAreOnDiskWhenTheyReturn writes in many small batches, replaces
// and deletes articles and sets a note, then reopens the index: everything
// that returned must be there, and nothing that was replaced or deleted.
func TestWritesAreOnDiskWhenTheyReturn(t *testing.T) {
	smallBatches(t)

	dir := filepath.Join(t.TempDir(), "idx")
	x, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	var es []Entry
	want := map[string][]claims.Claim{}
	for i := range 30 {
		id := fmt.Sprintf("a%02d", i)
		cs := []claims.Claim{
			claim(id, 1, "General Shidko visited the base on Thursday.", person("Shidko")),
			claim(id, 2, fmt.Sprintf("About %d soldiers took part.", 1000+i)),
		}
		es = append(es, Entry{Article: article(id, "Reuters", date(2022, 6, 1+i%28)), Claims: cs})
		want[id] = cs
	}
	must(t, x.PutMany(es))
	// Replace a05 with one claim, delete a07.
	repl := []claims.Claim{claim("a05", 1, "General Zhidko left.", person("Zhidko"))}
	must(t, x.Put(article("a05", "Reuters", date(2022, 7, 1)), repl))
	want["a05"] = repl
	must(t, x.Delete("a07"))
	delete(want, "a07")
	must(t, x.SetNote("support", []byte("last comparison")))
	must(t, x.Close())

	r := reopened(t, dir, Stats{Articles: 29, Claims: 57}, want)
	if _, err := r.Claims("a07"); !errors.Is(err, ErrNoArticle) {
		t.Errorf("Claims of a deleted article: %v, want ErrNoArticle", err)
	}
	note, err := r.Note("support")
	if err != nil || string(note) != "last comparison" {
		t.Errorf("Note = %q, %v; want %q", note, err, "last comparison")
	}
}

func TestPresent(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "idx")
	if Present(dir) {
		t.Error("Present of an absent folder")
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if Present(dir) {
		t.Error("Present of an empty folder")
	}
	notIndex := filepath.Join(base, "other")
	if err := os.MkdirAll(filepath.Join(notIndex, "store"), 0o755); err != nil {
		t.Fatal(err)
	}
	if Present(notIndex) {
		t.Error("Present of a folder without the index files")
	}
	x, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if !Present(dir) {
		t.Error("not Present after Create")
	}
}

// TestLoaderPutsOverSeveralCalls loads articles in several Puts of many
// small batches, one of them replacing an article an earlier Put wrote,
// then reopens the index: after Close everything must be on disk, as one
// PutMany would have left it.
func TestLoaderPutsOverSeveralCalls(t *testing.T) {
	smallBatches(t)

	dir := filepath.Join(t.TempDir(), "idx")
	x, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]claims.Claim{}
	l := x.Loader()
	for chunk := range 4 {
		var es []Entry
		for i := range 25 {
			id := fmt.Sprintf("a%03d", chunk*25+i)
			cs := []claims.Claim{
				claim(id, 1, "General Shidko visited the base on Thursday.", person("Shidko")),
				claim(id, 2, fmt.Sprintf("About %d soldiers took part.", 1000+chunk*25+i)),
				claim(id, 3, "The base is the largest outside Russia.", place("Russia")),
			}
			es = append(es, Entry{Article: article(id, "Reuters", date(2022, 6, 1+i)), Claims: cs})
			want[id] = cs
		}
		if chunk == 3 {
			// a010 again, with one claim fewer.
			cs := []claims.Claim{claim("a010", 1, "General Zhidko left.", person("Zhidko"))}
			es = append(es, Entry{Article: article("a010", "Reuters", date(2022, 7, 1)), Claims: cs})
			want["a010"] = cs
		}
		must(t, l.Put(es))
		// What a Put returned is searchable before the loader is closed.
		r, err := x.Search(Query{Text: "soldiers", Limit: 1000})
		must(t, err)
		n := 25 * (chunk + 1)
		if chunk == 3 {
			n-- // a010 no longer says it
		}
		if r.Total != n {
			t.Errorf("after Put %d: %d claims found, want %d", chunk, r.Total, n)
		}
	}
	must(t, l.Close())
	must(t, l.Close())
	if err := l.Put([]Entry{{Article: article("late", "Reuters", date(2022, 8, 1))}}); err == nil {
		t.Error("Put after Close: no error")
	}
	// The write lock is free again.
	must(t, x.Delete("a000"))
	delete(want, "a000")
	must(t, x.Close())
	reopened(t, dir, Stats{Articles: 99, Claims: 98*3 + 1}, want)
}

// reopened opens the index in dir for reading, closed when the test ends,
// and checks that it holds st and exactly the claims of want's articles.
func reopened(t *testing.T, dir string, st Stats, want map[string][]claims.Claim) *Index {
	t.Helper()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	got, err := r.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if got != st {
		t.Errorf("Stats = %+v, want %+v", got, st)
	}
	for id, cs := range want {
		got, err := r.Claims(id)
		if err != nil {
			t.Fatalf("Claims(%s): %v", id, err)
		}
		if diff := cmp.Diff(cs, got); diff != "" {
			t.Errorf("Claims(%s) (-want +got):\n%s", id, diff)
		}
	}
	return r
}

// TestLoaderFailure fails a loader's batches (the Bleve index under it is
// closed): Put and Close report it, and a later Put writes nothing.
func TestLoaderFailure(t *testing.T) {
	smallBatches(t)

	x, err := NewMemory() // not closed: Bleve's index is closed below
	must(t, err)
	var es []Entry
	for i := range 20 {
		id := fmt.Sprintf("a%02d", i)
		es = append(es, Entry{Article: article(id, "Reuters", date(2022, 6, 1)), Claims: []claims.Claim{
			claim(id, 1, "General Shidko visited the base.", person("Shidko")),
		}})
	}
	l := x.Loader()
	must(t, x.b.Close())
	err = l.Put(es)
	if err == nil || !strings.HasPrefix(err.Error(), "put: ") {
		t.Fatalf("Put on a closed index: %v, want a put error", err)
	}
	if err2 := l.Put(es[:1]); err2 == nil || err2.Error() != err.Error() {
		t.Errorf("Put after a failure: %v, want the first failure %v", err2, err)
	}
	if cerr := l.Close(); cerr == nil || cerr.Error() != err.Error() {
		t.Errorf("Close after a failure: %v, want %v", cerr, err)
	}
}
