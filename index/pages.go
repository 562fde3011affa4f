package index

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bolt "go.etcd.io/bbolt"
)

// Bleve's segments and the notes' bbolt file are read through read-only
// shared memory maps. A comparison reads every article's claims and every
// note once, and each page it reads stays mapped into the process, counted
// in its resident memory, until the index is closed: at 100,000 articles
// gigabytes of pages that will not be read again. After every
// releaseAfter bytes read, the pages of the maps are handed back
// (madvise MADV_DONTNEED): they stay in the kernel's page cache, and a
// later read maps them in again.
//
// Bleve also reads its segments in the background, merging them while an
// index is written: the segments merged last at 100,000 articles are 140 MB
// each, read from the page cache at over a gigabyte a second, and their
// pages stay mapped as long as the segments live. An index open for writing
// on disk releases the pages every releasePeriod too (at half a second, 600
// MB of them were seen mapped at once).
//
// Only maps known to be the files' are released: a scorch segment that
// has a Data method (zap's segments opened from a file; a segment built in
// memory has none), while a snapshot holding it is open, and the notes'
// file while a read transaction keeps bbolt from mapping it anew.
var releaseAfter int64 = 128 << 20

// releasePeriod is how often an index open for writing releases its maps'
// pages.
const releasePeriod = 100 * time.Millisecond

// checkMapped is how many bytes are read between two looks at how much of
// the process's memory is mapped file pages, and mappedLimit how much of it
// calls for a release (the executable's own pages are some 50 MB of it).
// The kernel maps up to 64 KB around each page read through a map, and a
// look costs a few microseconds: a comparison after a new build, which
// looks every article's record up in the notes and finds none, mapped file
// pages at about a gigabyte a second, up to 650 MB at once when it looked
// every 4 MB and released at 256 MB.
const (
	checkMapped = 64 << 10
	mappedLimit = 128 << 20
)

// readCost is what one read of a stored document or note counts besides
// its bytes: the pages of the id dictionaries and index it goes through.
const readCost = 8 << 10

// pageReleaser counts the bytes read through an index's maps and releases
// their pages as often as releaseAfter says.
type pageReleaser struct {
	read atomic.Int64
	mu   sync.Mutex // one release at a time
	// mapped returns how many bytes of file pages the process has mapped
	// in; nil for mappedFileBytes.
	mapped func() int64

	// released counts the releases, for tests.
	released atomic.Int64
}

// add counts n bytes read; it reports whether the caller should release
// the pages now, which it reports to one caller at a time only. The pages
// mapped in can be many more than the bytes read: where the file is in the
// page cache the kernel maps a read's neighbours too (fault-around, and
// whole large folios after reading in order), which took a check at
// 100,000 articles from 1.6 to 2.5 GiB resident. So every checkMapped bytes
// read it also looks at how much of the process's memory is file pages.
func (p *pageReleaser) add(n int) bool {
	c := int64(n + readCost)
	read := p.read.Add(c)
	if read < releaseAfter {
		if read/checkMapped == (read-c)/checkMapped {
			return false
		}
		mapped := p.mapped
		if mapped == nil {
			mapped = mappedFileBytes
		}
		if mapped() < mappedLimit {
			return false
		}
	}
	if !p.mu.TryLock() {
		return false
	}
	p.read.Store(0)
	return true
}

func (p *pageReleaser) done() {
	p.released.Add(1)
	p.mu.Unlock()
}

// readMapped counts n bytes read through the index's maps, and releases
// the pages read so far when enough have been.
func (x *Index) readMapped(n int) {
	if x.dir == "" || !x.pages.add(n) {
		return
	}
	defer x.pages.done()
	x.releaseMaps()
}

// releaseInBackground releases the maps' pages every period until the returned
// function is called.
func (x *Index) releaseInBackground(period time.Duration) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if x.pages.mu.TryLock() {
					x.releaseMaps()
					x.pages.done()
				}
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
	}
}

// releaseMaps releases the pages of the segments' and the notes' maps.
func (x *Index) releaseMaps() {
	x.releaseSegments()
	x.notes.release()
}

// mappedSegment is a segment read from a file through a memory map: zap's
// Segment, whose Data is that map.
type mappedSegment interface {
	Data() []byte
	Path() string
}

// releaseSegments releases the mapped pages of the index's segments.
func (x *Index) releaseSegments() {
	r, err := x.reader()
	if err != nil {
		return
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return
	}
	for _, s := range snap.Segments() {
		if m, ok := s.Segment().(mappedSegment); ok && m.Path() != "" {
			releaseMap(m.Data())
		}
	}
}

// usedMap is where bbolt maps db's file and how much of it is in use, for
// as long as tx, a transaction, holds the map in place (the file is at
// most as long as the map).
func usedMap(db *bolt.DB, tx *bolt.Tx) (uintptr, int) {
	return db.Info().Data, int(tx.Size())
}

// release releases the mapped pages of the notes' file, if it is open.
func (n *notes) release() {
	db := n.opened.Load() // nil for notes in memory
	if db == nil {
		return
	}
	_ = db.View(func(tx *bolt.Tx) error {
		releaseAddr(usedMap(db, tx))
		return nil
	})
}
