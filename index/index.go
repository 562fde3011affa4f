package index

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bolterrors "go.etcd.io/bbolt/errors"
)

// FormatVersion is the version of the index layout (mapping, document
// fields, claim encoding) this build writes and reads. An index of any
// other version is refused with ErrVersion; build it again.
const FormatVersion = 2

// versionKey is the Bleve internal key that holds the format version.
var versionKey = []byte("crosscheck.format")

// lockTimeout is how long opening waits for another process to release the
// index before failing with ErrLocked.
var lockTimeout = "5s"

// Index is a claim index. Its methods are safe for concurrent use; writes
// are serialised. An Index must be closed.
type Index struct {
	b        bleve.Index
	dir      string // "" for an in-memory index
	readOnly bool

	standard analysis.Analyzer // Bleve's standard analyser, which knows English stop words
	folded   analysis.Analyzer // the folded and entity fields' analyser

	docs *docMaker // for a writer: builds the documents put

	mu sync.Mutex // serialises writes

	notes *notes

	// persistErr receives the errors Bleve's persister reports in the
	// background for an on-disk writer; a write waiting for its batches
	// to reach disk fails with them.
	persistErr chan error

	// pages counts the bytes read through the index's memory maps;
	// stopReleasing stops releasing their pages in the background.
	pages         pageReleaser
	stopReleasing func()

	// span keeps the first and last publication day between writes.
	span daySpan

	// windowed counts the searches newestFirst answered from a window of
	// days, for tests.
	windowed atomic.Int64
}

// Open opens the existing index in dir for reading: searching and listing
// work, Put and Delete fail with ErrReadOnly, and nothing in dir is
// written. It fails with an error wrapping ErrNotExist when dir does not
// exist or is empty, ErrCorrupt when dir holds something that is not a
// readable crosscheck index, ErrVersion when the index has another format
// version, and ErrLocked when another process is writing to it.
func Open(dir string) (*Index, error) {
	st, err := inspect(dir)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	if st != present {
		return nil, fmt.Errorf("open index %q: %w", dir, ErrNotExist)
	}
	x, err := openExisting(dir, true)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	return x, nil
}

// Create makes a new index in dir for reading and writing. dir must not
// exist or be an empty directory; anything else fails with an error
// wrapping ErrExist and is left untouched. Missing parent directories are
// created.
func Create(dir string) (*Index, error) {
	st, err := inspect(dir)
	if err != nil && !errors.Is(err, ErrCorrupt) {
		return nil, fmt.Errorf("create index: %w", err)
	}
	if err != nil || st == present {
		return nil, fmt.Errorf("create index %q: %w", dir, ErrExist)
	}
	x, err := create(dir, st)
	if err != nil {
		return nil, fmt.Errorf("create index: %w", err)
	}
	return x, nil
}

// OpenOrCreate opens the index in dir for reading and writing, or creates
// one when dir does not exist or is empty. A dir that holds anything else
// fails with an error wrapping ErrCorrupt and is never deleted or
// overwritten; an index of another format version fails with ErrVersion,
// and one that another process has open fails with ErrLocked.
func OpenOrCreate(dir string) (*Index, error) {
	st, err := inspect(dir)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	if st != present {
		x, err := create(dir, st)
		if err != nil {
			return nil, fmt.Errorf("create index: %w", err)
		}
		return x, nil
	}
	// Check the index read-only first, so that a foreign or newer index is
	// refused before Bleve's background merging may touch its files.
	x, err := openExisting(dir, true)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	if err := x.Close(); err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	x, err = openExisting(dir, false)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	return x, nil
}

// NewMemory returns an empty index that lives in memory only and is lost on
// Close. It uses Bleve's scorch engine with an empty path: no files, no
// background persisting or merging, each write batch kept as one in-memory
// segment (so bulk loads should use PutMany or a Loader). Bleve's own
// NewMemOnly uses the older upsidedown engine, which loaded the same 50,000
// sentences about ten times slower. With every batch kept, queries on a
// large in-memory index run about twice as slow as on a merged on-disk one
// (see BenchmarkSearch and BenchmarkCandidates); for tests and small
// corpora it is the fastest to build.
func NewMemory() (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("new memory index: %w", err)
	}
	b, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("new memory index: %w", err)
	}
	x, err := wrap(b, "", false)
	if err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("new memory index: %w", err)
	}
	if err := b.SetInternal(versionKey, []byte(strconv.Itoa(FormatVersion))); err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("new memory index: %w", err)
	}
	return x, nil
}

// Dir returns the directory of the index, "" for an in-memory one.
func (x *Index) Dir() string { return x.dir }

// ReadOnly reports whether the index was opened with Open.
func (x *Index) ReadOnly() bool { return x.readOnly }

// Close releases the index; for an on-disk index it waits until everything
// written is on disk. Using the index after Close returns errors.
func (x *Index) Close() error {
	if x.stopReleasing != nil {
		x.stopReleasing()
	}
	nerr := x.notes.close()
	if x.persistErr != nil {
		writers.CompareAndDelete(storePath(x.dir), x)
	}
	if err := x.b.Close(); err != nil {
		return fmt.Errorf("close index %q: %w", x.dir, err)
	}
	if nerr != nil {
		return fmt.Errorf("close index %q: %w", x.dir, nerr)
	}
	return nil
}

// Present reports whether dir holds an index's files, without opening or
// changing them: OpenOrCreate then opens it rather than creating one.
func Present(dir string) bool {
	st, err := inspect(dir)
	return err == nil && st == present
}

type dirState int

const (
	absent  dirState = iota // no such path
	empty                   // an empty directory
	present                 // a directory with index files
)

// inspect tells what dir holds without changing it. A path that is not a
// directory, or a directory without Bleve's index files, is ErrCorrupt.
func inspect(dir string) (dirState, error) {
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return absent, nil
	}
	if err != nil {
		return absent, err
	}
	if !fi.IsDir() {
		return absent, fmt.Errorf("%q is not a directory: %w", dir, ErrCorrupt)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return absent, err
	}
	if len(entries) == 0 {
		return empty, nil
	}
	for _, name := range []string{"index_meta.json", filepath.Join("store", "root.bolt")} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil || !fi.Mode().IsRegular() || fi.Size() == 0 {
			return absent, fmt.Errorf("%q has no %s: %w", dir, name, ErrCorrupt)
		}
	}
	return present, nil
}

// create makes a new on-disk index in dir, which is absent or empty. On
// failure it removes what it made.
func create(dir string, st dirState) (x *Index, err error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	defer func() {
		if err == nil {
			return
		}
		if st == absent {
			_ = os.RemoveAll(dir)
			return
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			_ = os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}()
	b, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", dir, err)
	}
	// The new index waits for every batch to be on disk; writing the
	// version is its only batch. Reopening it gives it the runtime
	// configuration of every writer, which is not stored in the index.
	if err := b.SetInternal(versionKey, []byte(strconv.Itoa(FormatVersion))); err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("%q: %w", dir, err)
	}
	if err := b.Close(); err != nil {
		return nil, fmt.Errorf("%q: %w", dir, err)
	}
	x, err = openExisting(dir, false)
	if err != nil {
		return nil, err
	}
	return x, nil
}

// runtimeConfig is the scorch configuration an index is opened with; it is
// not stored in the index.
//
// A writer uses unsafe batches: Bleve's Batch returns once the batch is
// searchable, without waiting for it to reach disk, so that analysing and
// building the next batch overlaps with persisting this one. Every write of
// this package then waits for its last batch to be persisted (see
// Index.write), so nothing is lost on Close and a write that returned is on
// disk, as with safe batches.
func runtimeConfig(readOnly bool) map[string]any {
	return map[string]any{
		"read_only":    readOnly,
		"bolt_timeout": lockTimeout,
		"unsafe_batch": !readOnly,

		"asyncErrorCallbackName": asyncErrorCallback,
	}
}

// asyncErrorCallback names the function scorch calls with the errors of
// its background work; it hands persisting errors to the writer of the
// index they happened in.
const asyncErrorCallback = "crosscheck"

// writers maps the store path of each open on-disk writer (as scorch
// names it) to its Index.
var writers sync.Map

func storePath(dir string) string { return dir + string(os.PathSeparator) + "store" }

func onAsyncError(err error, path string) {
	if !errors.Is(err, scorch.ErrPersist) {
		return
	}
	if v, ok := writers.Load(path); ok {
		select {
		case v.(*Index).persistErr <- err:
		default:
		}
	}
}

// openExisting opens the index in dir, which inspect found present, and
// checks that it is a crosscheck index of FormatVersion.
func openExisting(dir string, readOnly bool) (*Index, error) {
	register()
	b, err := bleve.OpenUsing(dir, runtimeConfig(readOnly))
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("%q: %w", dir, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("%q: %w: %w", dir, ErrCorrupt, err)
	}
	fail := func(err error) (*Index, error) {
		_ = b.Close()
		return nil, fmt.Errorf("%q: %w", dir, err)
	}
	adv, err := b.Advanced()
	if err != nil {
		return fail(fmt.Errorf("%w: %w", ErrCorrupt, err))
	}
	if _, ok := adv.(*scorch.Scorch); !ok {
		return fail(fmt.Errorf("%w: index type %T, want scorch", ErrCorrupt, adv))
	}
	v, err := b.GetInternal(versionKey)
	if err != nil {
		return fail(fmt.Errorf("%w: %w", ErrCorrupt, err))
	}
	if v == nil {
		return fail(fmt.Errorf("%w: no crosscheck format version", ErrCorrupt))
	}
	n, err := strconv.Atoi(string(v))
	if err != nil {
		return fail(fmt.Errorf("%w: format version %q", ErrVersion, v))
	}
	switch {
	case n < FormatVersion:
		return fail(fmt.Errorf("%w: format version %d, written by an older crosscheck (this one reads %d); remove the folder and run crosscheck report to build it again from the articles", ErrVersion, n, FormatVersion))
	case n > FormatVersion:
		return fail(fmt.Errorf("%w: format version %d, written by a newer crosscheck (this one reads %d)", ErrVersion, n, FormatVersion))
	}
	x, err := wrap(b, dir, readOnly)
	if err != nil {
		return fail(fmt.Errorf("%w: %w", ErrCorrupt, err))
	}
	if !readOnly {
		x.persistErr = make(chan error, 1)
		writers.Store(storePath(dir), x)
	}
	return x, nil
}

// wrap makes an Index of an open Bleve index, finding its analysers.
func wrap(b bleve.Index, dir string, readOnly bool) (*Index, error) {
	m := b.Mapping()
	x := &Index{b: b, dir: dir, readOnly: readOnly, notes: &notes{dir: dir, readOnly: readOnly}}
	x.standard = m.AnalyzerNamed(standard.Name)
	x.folded = m.AnalyzerNamed(analyzerFolded)
	if x.standard == nil || x.folded == nil {
		return nil, fmt.Errorf("mapping has no %s or %s analyser", standard.Name, analyzerFolded)
	}
	if !readOnly {
		im, ok := m.(*mapping.IndexMappingImpl)
		if !ok {
			return nil, fmt.Errorf("mapping of type %T", m)
		}
		var err error
		if x.docs, err = newDocMaker(im); err != nil {
			return nil, err
		}
	}
	if dir != "" && !readOnly {
		x.stopReleasing = x.releaseInBackground(releasePeriod)
	}
	return x, nil
}
