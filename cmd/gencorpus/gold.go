package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// kind is a discrepancy kind as the gold file names it.
type kind uint8

const (
	kindNameVariant kind = iota
	kindNumber
	kindDate
	kindFraming
	kindModality
	kindQuote
	kindUpdate
	numKinds
)

var kindNames = [numKinds]string{"name-variant", "number", "date", "framing", "modality", "quote", "update"}

// String returns the kind's name in the gold file, or "kind(N)" for a value
// out of range.
func (k kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// MarshalText writes the kind's name; a value out of range is an error.
func (k kind) MarshalText() ([]byte, error) {
	if k >= numKinds {
		return nil, fmt.Errorf("unknown discrepancy kind %d", uint8(k))
	}
	return []byte(kindNames[k]), nil
}

// alt is one alternative of a requires or between group: a sentence of an
// article that contains a distinctive string.
type alt struct {
	Article  string `json:"article"`
	Contains string `json:"contains"`
	Line     int    `json:"line,omitempty"`
}

// positive is a planted discrepancy a report must find.
type positive struct {
	ID       string  `json:"id"`
	What     string  `json:"what"`
	Kinds    []kind  `json:"kinds"`
	Requires [][]alt `json:"requires"`
}

// negative is a planted agreement a report must not call a discrepancy.
type negative struct {
	ID      string  `json:"id"`
	What    string  `json:"what"`
	Between [][]alt `json:"between"`
}

// goldWriter writes gold.json in pieces: the stories, positives and
// negatives of each story as they come, each section into its own hidden
// temporary file in the output folder, so memory stays bounded however
// large the corpus; finish joins them into gold.json and removes them.
type goldWriter struct {
	dir        string
	files      [3]*os.File
	bufs       [3]*bufio.Writer
	counts     [3]int
	nPos, nNeg int
	posByKind  [numKinds]int
}

const (
	secStories = iota
	secPositives
	secNegatives
)

func newGoldWriter(dir string) (*goldWriter, error) {
	g := &goldWriter{dir: dir}
	for i, name := range []string{".gold-stories.tmp", ".gold-positives.tmp", ".gold-negatives.tmp"} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			g.remove()
			return nil, fmt.Errorf("create gold section: %w", err)
		}
		g.files[i] = f
		g.bufs[i] = bufio.NewWriterSize(f, 1<<18)
	}
	return g, nil
}

// remove closes and deletes the temporary section files.
func (g *goldWriter) remove() {
	for _, f := range g.files {
		if f != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}
}

func jsonString(s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		panic(err) // a string always encodes
	}
	return bytes.TrimRight(b.Bytes(), "\n")
}

// start begins a new entry of section sec.
func (g *goldWriter) start(sec int) *bufio.Writer {
	w := g.bufs[sec]
	if g.counts[sec] > 0 {
		w.WriteString(",\n")
	}
	g.counts[sec]++
	return w
}

func (g *goldWriter) addStory(id string, articles []string) {
	w := g.start(secStories)
	w.WriteString("    ")
	w.Write(jsonString(id))
	w.WriteString(": [")
	for i, a := range articles {
		if i > 0 {
			w.WriteString(", ")
		}
		w.Write(jsonString(a))
	}
	w.WriteString("]")
}

// writeGroups writes requires or between groups, one alternative a line.
func writeGroups(w *bufio.Writer, groups [][]alt) {
	w.WriteString("[\n")
	for i, grp := range groups {
		if i > 0 {
			w.WriteString(",\n")
		}
		w.WriteString("        [\n")
		for j, a := range grp {
			if j > 0 {
				w.WriteString(",\n")
			}
			w.WriteString("          {\"article\": ")
			w.Write(jsonString(a.Article))
			w.WriteString(", \"contains\": ")
			w.Write(jsonString(a.Contains))
			if a.Line > 0 {
				fmt.Fprintf(w, ", \"line\": %d", a.Line)
			}
			w.WriteString("}")
		}
		w.WriteString("\n        ]")
	}
	w.WriteString("\n      ]")
}

// addPositive adds p, counting it under its primary kind.
func (g *goldWriter) addPositive(p positive, primary kind) {
	w := g.start(secPositives)
	g.nPos++
	g.posByKind[primary]++
	w.WriteString("    {\n      \"id\": ")
	w.Write(jsonString(p.ID))
	w.WriteString(",\n      \"what\": ")
	w.Write(jsonString(p.What))
	w.WriteString(",\n      \"kinds\": [")
	for i, k := range p.Kinds {
		if i > 0 {
			w.WriteString(", ")
		}
		w.Write(jsonString(k.String()))
	}
	w.WriteString("],\n      \"requires\": ")
	writeGroups(w, p.Requires)
	w.WriteString("\n    }")
}

func (g *goldWriter) addNegative(n negative) {
	w := g.start(secNegatives)
	g.nNeg++
	w.WriteString("    {\n      \"id\": ")
	w.Write(jsonString(n.ID))
	w.WriteString(",\n      \"what\": ")
	w.Write(jsonString(n.What))
	w.WriteString(",\n      \"between\": ")
	writeGroups(w, n.Between)
	w.WriteString("\n    }")
}

// finish writes gold.json from the sections and the identity groups and
// removes the sections. It returns the size of gold.json.
func (g *goldWriter) finish(about string, groups [][]string) (int64, error) {
	defer g.remove()
	for _, b := range g.bufs {
		if err := b.Flush(); err != nil {
			return 0, fmt.Errorf("write gold section: %w", err)
		}
	}
	f, err := os.Create(filepath.Join(g.dir, "gold.json"))
	if err != nil {
		return 0, fmt.Errorf("create gold: %w", err)
	}
	defer f.Close()
	cw := &countingWriter{w: f}
	w := bufio.NewWriterSize(cw, 1<<20)
	section := func(head string, sec int, tail string) error {
		w.WriteString(head)
		if _, err := g.files[sec].Seek(0, io.SeekStart); err != nil {
			return err
		}
		if _, err := io.Copy(w, g.files[sec]); err != nil {
			return err
		}
		w.WriteString(tail)
		return nil
	}
	w.WriteString("{\n  \"about\": ")
	w.Write(jsonString(about))
	w.WriteString(",\n")
	if err := section("  \"stories\": {\n", secStories, "\n  },\n"); err != nil {
		return 0, fmt.Errorf("write gold: %w", err)
	}
	w.WriteString("  \"cross_story_forbidden_kinds\": [\"date\", \"number\", \"framing\", \"modality\"],\n")
	if err := section("  \"positives\": [\n", secPositives, "\n  ],\n"); err != nil {
		return 0, fmt.Errorf("write gold: %w", err)
	}
	if err := section("  \"negatives\": [\n", secNegatives, "\n  ],\n"); err != nil {
		return 0, fmt.Errorf("write gold: %w", err)
	}
	w.WriteString("  \"identities\": {\n    \"about\": ")
	w.Write(jsonString("Surface forms of distinct people: each group holds one person's surname spellings. People who share a first name are in different groups."))
	w.WriteString(",\n    \"groups\": [\n")
	for i, grp := range groups {
		if i > 0 {
			w.WriteString(",\n")
		}
		w.WriteString("      [")
		for j, form := range grp {
			if j > 0 {
				w.WriteString(", ")
			}
			w.Write(jsonString(form))
		}
		w.WriteString("]")
	}
	w.WriteString("\n    ]\n  }\n}\n")
	if err := w.Flush(); err != nil {
		return 0, fmt.Errorf("write gold: %w", err)
	}
	if err := f.Close(); err != nil {
		return 0, fmt.Errorf("write gold: %w", err)
	}
	return cw.n, nil
}
