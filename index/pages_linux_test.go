package index

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/claims"
)

// residentKB sums the resident memory of the process's maps of the segments
// and notes under dir, from /proc/self/smaps (scorch's own root file, a few
// pages, is left out).
func residentKB(t *testing.T, dir string) int {
	t.Helper()
	data, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skipf("no smaps: %v", err)
	}
	total, inDir := 0, false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":") {
			inDir = len(f) >= 6 && strings.HasPrefix(f[5], dir) &&
				(strings.HasSuffix(f[5], ".zap") || strings.HasSuffix(f[5], notesFile))
			continue
		}
		if inDir && f[0] == "Rss:" {
			kb, err := strconv.Atoi(f[1])
			if err != nil {
				t.Fatalf("smaps: %q: %v", line, err)
			}
			total += kb
		}
	}
	return total
}

// pagesCorpus writes an index of 300 articles of 12 long claims each in a
// new folder, and returns the folder and the claims by article.
func pagesCorpus(t *testing.T) (string, map[string][]claims.Claim) {
	dir := t.TempDir()
	var es []Entry
	want := map[string][]claims.Claim{}
	for i := range 300 {
		a := article(fmt.Sprintf("a%03d", i), "Outlet", date(2024, 5, 1+i%28))
		var cs []claims.Claim
		for n := range 12 {
			cs = append(cs, claim(a.ID, n+1, fmt.Sprintf("Claim %d of article %d says that %d people met Ivan Petrov in Dushanbe on Friday, and %s.", n, i, n*i, strings.Repeat("more words ", 20)), person("Ivan Petrov"), place("Dushanbe")))
		}
		es = append(es, Entry{Article: a, Claims: cs})
		want[a.ID] = cs
	}
	writeIndex(t, dir, es)
	return dir, want
}

func TestReadPagesAreReleased(t *testing.T) {
	defer func(v int64) { releaseAfter = v }(releaseAfter)
	releaseAfter = 64 << 10

	dir, want := pagesCorpus(t)
	notes := map[string][]byte{}
	for i := range 40 {
		notes[fmt.Sprintf("note/%d", i)] = bytes.Repeat([]byte(fmt.Sprintf("%d:%x ", i, i*7919)), 8000)
	}
	writeNotes(t, dir, notes)

	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	readAll := func() {
		t.Helper()
		for id, cs := range want {
			got, err := x.Claims(id)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(cs, got); d != "" {
				t.Fatalf("claims of %s after pages were released (-put +read):\n%s", id, d)
			}
		}
		for name, v := range notes {
			got, err := x.Note(name)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, v) {
				t.Fatalf("note %s after pages were released: %d bytes, want %d", name, len(got), len(v))
			}
		}
	}
	readAll()
	if x.pages.released.Load() == 0 {
		t.Fatalf("no release after reading %d articles and %d notes", len(want), len(notes))
	}
	readAll() // pages released while reading map in again

	// What the reads left mapped is given back by a release.
	releaseAfter = 1 << 40
	readAll()
	if kb := residentKB(t, dir); kb == 0 {
		t.Fatalf("nothing of %s resident after reading it all", dir)
	}
	x.releaseMaps()
	if kb := residentKB(t, dir); kb != 0 {
		t.Errorf("%d kB of %s resident after a release, want 0", kb, dir)
	}
	readAll()
}

func TestWritableIndexReleasesPagesInBackground(t *testing.T) {
	defer func(v int64) { releaseAfter = v }(releaseAfter)
	releaseAfter = 1 << 40 // no release for reading

	dir, want := pagesCorpus(t)
	x, err := OpenOrCreate(dir)
	if err != nil {
		t.Fatal(err)
	}
	for id := range want {
		if _, err := x.Claims(id); err != nil {
			t.Fatal(err)
		}
	}
	wait := max(20*releasePeriod, 5*time.Second)
	deadline := time.Now().Add(wait)
	for residentKB(t, dir) > 0 && time.Now().Before(deadline) {
		time.Sleep(releasePeriod / 5)
	}
	if kb := residentKB(t, dir); kb > 0 {
		t.Errorf("%d kB of the segments still resident %v after reading them", kb, wait)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	n := x.pages.released.Load()
	if n == 0 {
		t.Fatal("no release in the background")
	}
	time.Sleep(3 * releasePeriod)
	if m := x.pages.released.Load(); m != n {
		t.Errorf("%d releases after Close", m-n)
	}
}

// TestReleaseWhenMuchIsMapped counts small reads: pages are released after
// releaseAfter bytes read, or sooner, at the next checkMapped bytes, once
// the file pages mapped in reach mappedLimit, however few bytes were read.
func TestReleaseWhenMuchIsMapped(t *testing.T) {
	var mapped int64
	p := pageReleaser{mapped: func() int64 { return mapped }}
	read := func() (n int64) {
		for {
			n += 1000 + readCost
			if p.add(1000) {
				p.done()
				return n
			}
			if n > 2*releaseAfter {
				t.Fatalf("no release after %d bytes", n)
			}
		}
	}
	if n := read(); n < releaseAfter {
		t.Errorf("little mapped: released after %d bytes, want %d or more", n, releaseAfter)
	}
	mapped = mappedLimit
	if n := read(); n < checkMapped || n >= checkMapped+1000+readCost {
		t.Errorf("%d bytes mapped: released after %d bytes, want about %d", mapped, n, checkMapped)
	}
	// The real count: this process has mapped some file pages (its own
	// executable, at least).
	if m := mappedFileBytes(); m <= 0 {
		t.Errorf("mappedFileBytes = %d, want more than 0", m)
	}
}

// notesAdvice returns the VmFlags of the maps of the notes file under dir,
// in the order of their addresses, from /proc/self/smaps.
func notesAdvice(t *testing.T, dir string) []string {
	t.Helper()
	data, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skipf("no smaps: %v", err)
	}
	var flags []string
	in := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if f := strings.Fields(line); len(f) >= 5 && strings.Count(f[0], "-") == 1 && !strings.HasSuffix(f[0], ":") {
			in = len(f) >= 6 && f[5] == filepath.Join(dir, notesFile)
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			flags = append(flags, strings.TrimPrefix(line, "VmFlags:"))
		}
	}
	return flags
}

func TestNotesAreReadAround(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	x, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	must(t, x.SetNote("a", []byte("1")))
	check := func(when string) {
		t.Helper()
		flags := notesAdvice(t, dir)
		if len(flags) == 0 {
			t.Fatalf("%s: the notes file is not mapped", when)
		}
		// "rr" is MADV_RANDOM: no reading ahead. The map's first part
		// holds the file as far as it is used; bbolt maps more.
		if slices.Contains(strings.Fields(flags[0]), "rr") {
			t.Errorf("%s: the notes file is mapped with flags %q, advised not to read ahead", when, flags[0])
		}
	}
	check("opened")
	// Notes larger than the map make bbolt map the grown file anew.
	for i := range 4 {
		big := bytes.Repeat([]byte(fmt.Sprintf("%d", i)), 1<<20)
		must(t, x.SetNotes(map[string][]byte{fmt.Sprintf("big/%d", i): append(big, byte(i))}))
	}
	check("grown")
}
