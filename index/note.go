package index

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/golang/snappy"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Notes live beside the Bleve index, in their own bbolt file: Bleve keeps
// its internal values in memory, which notes of a large corpus (one per
// article, one per story) would fill.
const notesFile = "notes.bolt"

var notesBucket = []byte("notes")

// notes is the note store of an index: a bbolt file for an on-disk index,
// opened on first use (and, read-only, not at all when there is none), or a
// map in memory.
type notes struct {
	dir      string
	readOnly bool

	once sync.Once
	db   *bolt.DB // nil when in memory or, read-only, absent
	err  error

	opened atomic.Pointer[bolt.DB] // db once open, for release

	mu  sync.Mutex
	mem map[string][]byte
}

func (n *notes) open() (*bolt.DB, error) {
	n.once.Do(func() {
		if n.dir == "" {
			return
		}
		path := filepath.Join(n.dir, notesFile)
		if n.readOnly {
			if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
				return
			}
		}
		// bbolt's list of free pages as a hashmap rather than an array
		// sorted anew by every commit: a notes file left with two million
		// free pages (8 GB, after several builds each dropped the last
		// one's notes) took 350 ms a commit with the array, 38 ms with
		// the map, and a comparison at 100,000 articles after a new build
		// 675 s instead of 265 s. The file's format is the same.
		db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: 5 * time.Second, ReadOnly: n.readOnly, FreelistType: bolt.FreelistMapType})
		if errors.Is(err, bolterrors.ErrTimeout) {
			n.err = fmt.Errorf("%q: %w", n.dir, ErrLocked)
			return
		}
		if err != nil {
			n.err = fmt.Errorf("%s: %w: %w", path, ErrCorrupt, err)
			return
		}
		n.db = db
		n.opened.Store(db)
		readAround(db)
	})
	return n.db, n.err
}

// readAround undoes bbolt's advice to the kernel not to read ahead of a
// page of its map that is faulted in (MADV_RANDOM): what a run reads of
// the notes was written a batch at a time, each batch's notes side by side
// in the order of their names, so the pages around one are mostly read
// soon after. From a cold page cache a report at 100,000 articles read its
// articles' records in 8.4-9.0 s instead of 34.5 s (67 s -> 38 s in all);
// with the file cached, no difference. bbolt advises anew when it maps a
// grown file, which only a write does.
func readAround(db *bolt.DB) {
	_ = db.View(func(tx *bolt.Tx) error {
		adviseNormal(usedMap(db, tx))
		return nil
	})
}

func (n *notes) close() error {
	n.opened.Store(nil)
	if n.db == nil {
		return nil
	}
	return n.db.Close()
}

func (n *notes) get(name string) ([]byte, error) {
	v, _, err := n.read(name)
	return v, err
}

// read is get, also giving the length of the note as stored in the file.
func (n *notes) read(name string) (v []byte, stored int, err error) {
	db, err := n.open()
	if err != nil {
		return nil, 0, err
	}
	if db == nil {
		n.mu.Lock()
		defer n.mu.Unlock()
		return n.mem[name], 0, nil
	}
	var out []byte
	var read int
	err = db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(notesBucket); b != nil {
			v := b.Get([]byte(name))
			read = len(v)
			out = unpackNote(v)
		}
		return nil
	})
	return out, read, err
}

// Notes are kept compressed with Snappy, after a byte that says so: what
// the comparison notes (findings, corroboration) is repetitive text, which
// Snappy makes three to four times smaller, and quick to read back. A note
// that Snappy hardly shrinks (hashes) is kept as it is, after another byte,
// so that reading it is a copy.
const (
	noteSnappy = 's'
	noteRaw    = 'r'
)

// sampleNote is the size from which a note is kept as it is, without
// compressing it whole, when Snappy hardly shrinks its first sampleNote
// bytes: the comparison's grouping state, tens of megabytes of hashes, is
// written on every run.
const sampleNote = 1 << 16

func packNote(v []byte) []byte {
	if len(v) > 4*sampleNote && !shrinks(len(snappy.Encode(nil, v[:sampleNote])), sampleNote) {
		return append([]byte{noteRaw}, v...)
	}
	buf := make([]byte, 1+snappy.MaxEncodedLen(len(v)))
	buf[0] = noteSnappy
	packed := buf[:1+len(snappy.Encode(buf[1:], v))]
	if !shrinks(len(packed), len(v)) {
		return append([]byte{noteRaw}, v...)
	}
	return packed
}

// shrinks reports whether n bytes packed into packed bytes are worth
// keeping packed: by an eighth at least.
func shrinks(packed, n int) bool { return packed <= n-n/8 }

// unpackNote returns the value of a stored note, nil for none. Notes are
// what the index remembers of the last comparison, to show or to reuse, so
// a damaged one counts as none.
func unpackNote(stored []byte) []byte {
	if len(stored) > 0 && stored[0] == noteRaw {
		return bytes.Clone(stored[1:])
	}
	if len(stored) == 0 || stored[0] != noteSnappy {
		return nil
	}
	v, err := snappy.Decode(nil, stored[1:])
	if err != nil {
		return nil
	}
	return v
}

func (n *notes) set(values map[string][]byte) error {
	db, err := n.open()
	if err != nil {
		return err
	}
	if db == nil {
		n.mu.Lock()
		defer n.mu.Unlock()
		if n.mem == nil {
			n.mem = map[string][]byte{}
		}
		for name, v := range values {
			if len(v) == 0 {
				delete(n.mem, name)
			} else {
				n.mem[name] = append([]byte(nil), v...)
			}
		}
		return nil
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(notesBucket)
		if err != nil {
			return err
		}
		for name, v := range values {
			if len(v) == 0 {
				err = b.Delete([]byte(name))
			} else {
				err = b.Put([]byte(name), packNote(v))
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		readAround(db)
	}
	return err
}

// SetNote stores a blob under a name, beside the claims: what the last
// comparison found, for search to show, or what it may reuse. A nil or
// empty value removes the note. It fails with ErrReadOnly on an index
// opened with Open.
func (x *Index) SetNote(name string, value []byte) error {
	if err := x.SetNotes(map[string][]byte{name: value}); err != nil {
		return fmt.Errorf("set note %s: %w", name, err)
	}
	return nil
}

// Note returns the blob stored under name by SetNote, or nil when there is
// none.
func (x *Index) Note(name string) ([]byte, error) {
	v, stored, err := x.notes.read(name)
	x.readMapped(stored)
	if err != nil {
		return nil, fmt.Errorf("read note %s: %w", name, err)
	}
	return v, nil
}

// SetNotes stores many notes at once, as SetNote would one by one, in one
// transaction: far faster for thousands of notes. A nil or empty value
// removes its note. It fails with ErrReadOnly on an index opened with Open.
func (x *Index) SetNotes(values map[string][]byte) error {
	if x.readOnly {
		return fmt.Errorf("set notes: %w", ErrReadOnly)
	}
	if len(values) == 0 {
		return nil
	}
	err := x.notes.set(values)
	// Writing a note reads the pages of bbolt's tree on its way, through
	// the map, and committing reads them again.
	x.readMapped(len(values) * readCost)
	if err != nil {
		return fmt.Errorf("set notes: %w", err)
	}
	return nil
}

// dropBatch is how many notes DropNotes removes per transaction. Removing
// a note maps in the pages around it, and committing the removal maps
// them in again: one transaction that removed the 112,000 notes of a
// 100,000-article corpus (after a new build of crosscheck, which keeps
// other notes) mapped 1.8 GB of the notes' file for a moment; in batches
// of 2,000 with the pages released after each, 110 MB.
var dropBatch = 2000

// DropNotes removes the named notes, in name order, dropBatch of them per
// transaction, releasing the mapped pages of the notes' file after each:
// for removing many more notes than SetNotes writes at once. A failure may
// leave some of the notes removed and the others not. It fails with
// ErrReadOnly on an index opened with Open.
func (x *Index) DropNotes(names []string) error {
	if x.readOnly {
		return fmt.Errorf("drop notes: %w", ErrReadOnly)
	}
	names = slices.Sorted(slices.Values(names))
	for lo := 0; lo < len(names); lo += dropBatch {
		batch := names[lo:min(lo+dropBatch, len(names))]
		values := make(map[string][]byte, len(batch))
		for _, name := range batch {
			values[name] = nil
		}
		if err := x.notes.set(values); err != nil {
			return fmt.Errorf("drop notes: %w", err)
		}
		x.notes.release()
		x.pages.released.Add(1)
	}
	return nil
}

// NoteNames returns, in order, the names of the stored notes that begin
// with prefix.
func (x *Index) NoteNames(prefix string) ([]string, error) {
	names, err := x.notes.names(prefix, false)
	if err != nil {
		return nil, fmt.Errorf("note names %s: %w", prefix, err)
	}
	return names, nil
}

// NoteFolders returns, in order, the folders of the notes whose names
// begin with prefix: each name cut after the first "/" that follows the
// prefix, once. With the notes "story/a/1", "story/a/2" and "story/b/1",
// NoteFolders("story/") is "story/a/" and "story/b/". It reads one name of
// each folder, not all the folder's names.
func (x *Index) NoteFolders(prefix string) ([]string, error) {
	names, err := x.notes.names(prefix, true)
	if err != nil {
		return nil, fmt.Errorf("note folders %s: %w", prefix, err)
	}
	return names, nil
}

// names lists the names that begin with prefix or, with folders set, their
// folders (see NoteFolders); names without a "/" after the prefix are not
// in a folder.
func (n *notes) names(prefix string, folders bool) ([]string, error) {
	folder := func(name string) (string, bool) {
		k := strings.IndexByte(name[len(prefix):], '/')
		if k < 0 {
			return "", false
		}
		return name[:len(prefix)+k+1], true
	}
	db, err := n.open()
	if err != nil {
		return nil, err
	}
	var out []string
	if db == nil {
		n.mu.Lock()
		for name := range n.mem {
			if !strings.HasPrefix(name, prefix) {
				continue
			}
			if !folders {
				out = append(out, name)
			} else if f, ok := folder(name); ok {
				out = append(out, f)
			}
		}
		n.mu.Unlock()
		slices.Sort(out)
		return slices.Compact(out), nil
	}
	err = db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(notesBucket)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		walked := 0
		for k, _ := c.Seek([]byte(prefix)); k != nil && bytes.HasPrefix(k, []byte(prefix)); {
			// Walking the names maps in the pages that hold them, which
			// the read transaction keeps in place.
			if walked++; walked%dropBatch == 0 {
				releaseAddr(usedMap(db, tx))
			}
			name := string(k)
			if !folders {
				out = append(out, name)
				k, _ = c.Next()
				continue
			}
			f, ok := folder(name)
			if !ok {
				k, _ = c.Next()
				continue
			}
			out = append(out, f)
			// The names of the folder sort before its name with the
			// "/" replaced by the next byte, "0".
			k, _ = c.Seek([]byte(f[:len(f)-1] + "0"))
		}
		return nil
	})
	return out, err
}

// ReadNote reads the note name of the index in dir without opening the
// index: what a run needs before it does. No index, or no such note, gives
// nil.
func ReadNote(dir, name string) ([]byte, error) {
	n := &notes{dir: dir, readOnly: true}
	defer n.close()
	v, err := n.get(name)
	if err != nil {
		return nil, fmt.Errorf("read note %s: %w", name, err)
	}
	return v, nil
}
