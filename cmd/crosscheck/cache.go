package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck/index"
)

// storyCache keeps the findings of each story, and what the comparison
// learnt of each article, in the claim index, between runs of the same
// build of crosscheck: the notes "story/<build>/<key>", listed in the note
// "stories". Another build (a new version) finds other
// keys, so it compares every story again and the old notes are dropped.
type storyCache struct {
	idx   *index.Index
	build string
	// support, when set, is flushed before findings are put: a story
	// found in the cache then always had its support notes written.
	support *supportWriter
}

const storiesNote = "stories"

// buildID is a fingerprint of the running executable, "" when it cannot be
// read (then nothing is cached).
var buildID = sync.OnceValue(func() string {
	path, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
})

// storyNotes begins the name of every note of the cache but its list.
const storyNotes = "story/"

func (c storyCache) note(key string) string { return storyNotes + c.build + "/" + key }

// Get implements compare.Cache.
func (c storyCache) Get(key string) ([]byte, error) {
	return c.idx.Note(c.note(key))
}

// Put implements compare.Cache.
func (c storyCache) Put(values map[string][]byte) error {
	if c.support != nil {
		if err := c.support.flush(); err != nil {
			return err
		}
	}
	notes := make(map[string][]byte, len(values))
	for k, v := range values {
		notes[c.note(k)] = v
	}
	return c.idx.SetNotes(notes)
}

// Prune implements compare.Cache: it drops the notes of the stories listed
// by the last run but not kept, and every note of other builds, listed or
// not (a run stopped before it pruned leaves its notes unlisted), and then
// lists the kept ones, so that a run stopped in between drops the rest next
// time.
func (c storyCache) Prune(keep []string) error {
	old, err := c.idx.Note(storiesNote)
	if err != nil {
		return err
	}
	keys := slices.Clone(keep)
	slices.Sort(keys)
	keys = slices.Compact(keys)
	prefix := c.note("")
	var drop []string
	for rest := string(old); rest != ""; {
		var name string
		name, rest, _ = strings.Cut(rest, "\n")
		k, ours := strings.CutPrefix(name, prefix)
		if _, kept := slices.BinarySearch(keys, k); name != "" && !(ours && kept) {
			drop = append(drop, name)
		}
	}
	if err := c.idx.DropNotes(drop); err != nil {
		return err
	}
	builds, err := c.idx.NoteFolders(storyNotes)
	if err != nil {
		return err
	}
	for _, b := range builds {
		if b == c.note("") {
			continue
		}
		names, err := c.idx.NoteNames(b)
		if err != nil {
			return err
		}
		if err := c.idx.DropNotes(names); err != nil {
			return err
		}
	}
	var list strings.Builder
	list.Grow(len(keys) * (len(prefix) + 40))
	for i, k := range keys {
		if i > 0 {
			list.WriteByte('\n')
		}
		list.WriteString(prefix)
		list.WriteString(k)
	}
	if l := list.String(); l != string(old) {
		return c.idx.SetNote(storiesNote, []byte(l))
	}
	return nil
}
