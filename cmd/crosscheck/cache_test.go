package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/index"
)

func TestStoryCachePrune(t *testing.T) {
	x, err := index.Create(filepath.Join(t.TempDir(), "idx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.SetNote("support/a", []byte("kept")); err != nil {
		t.Fatal(err)
	}
	old := storyCache{idx: x, build: "b1"}
	stored := func(c storyCache, keys ...string) {
		t.Helper()
		values := map[string][]byte{}
		for _, k := range keys {
			values[k] = []byte(c.build + " " + k)
		}
		if err := c.Put(values); err != nil {
			t.Fatal(err)
		}
	}
	has := func(c storyCache, key string) bool {
		t.Helper()
		v, err := c.Get(key)
		if err != nil {
			t.Fatal(err)
		}
		return v != nil
	}
	listed := func() []string {
		t.Helper()
		v, err := x.Note(storiesNote)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Fields(string(v))
	}

	stored(old, "k1", "k2", "k3")
	if err := old.Prune([]string{"k3", "k1", "k2"}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"story/b1/k1", "story/b1/k2", "story/b1/k3"}, listed()); diff != "" {
		t.Errorf("listed after the first run (-want +got):\n%s", diff)
	}
	// A run that keeps k1 only drops the others.
	if err := old.Prune([]string{"k1"}); err != nil {
		t.Fatal(err)
	}
	if !has(old, "k1") || has(old, "k2") || has(old, "k3") {
		t.Errorf("after keeping k1: k1 %v, k2 %v, k3 %v; want true, false, false", has(old, "k1"), has(old, "k2"), has(old, "k3"))
	}
	// Another build keeps its own notes: the old build's go, and so do
	// those that a stopped run of a third build wrote but never listed.
	next := storyCache{idx: x, build: "b2"}
	stopped := storyCache{idx: x, build: "b0"}
	stored(stopped, "k1", "k5")
	stored(next, "k1", "k4")
	if err := next.Prune([]string{"k1", "k4"}); err != nil {
		t.Fatal(err)
	}
	if has(old, "k1") || !has(next, "k1") || !has(next, "k4") {
		t.Errorf("after a new build: old k1 %v, new k1 %v, new k4 %v; want false, true, true", has(old, "k1"), has(next, "k1"), has(next, "k4"))
	}
	if has(stopped, "k1") || has(stopped, "k5") {
		t.Errorf("notes of a stopped run of another build kept: k1 %v, k5 %v", has(stopped, "k1"), has(stopped, "k5"))
	}
	if diff := cmp.Diff([]string{"story/b2/k1", "story/b2/k4"}, listed()); diff != "" {
		t.Errorf("listed after a new build (-want +got):\n%s", diff)
	}
	// Notes of a stopped run of the same build stay, for the next run to
	// find.
	stored(next, "k6")
	if err := next.Prune([]string{"k1"}); err != nil {
		t.Fatal(err)
	}
	if !has(next, "k6") || has(next, "k4") {
		t.Errorf("after keeping k1: unlisted k6 %v, listed k4 %v; want true, false", has(next, "k6"), has(next, "k4"))
	}
	if v, err := x.Note("support/a"); err != nil || string(v) != "kept" {
		t.Errorf("a note the cache does not list: %q, %v; want it kept", v, err)
	}
}
