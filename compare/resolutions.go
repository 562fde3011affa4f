package compare

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/crosscheck/crosscheck/claims"
)

// idHexDigits is how many hex digits follow the kind in a discrepancy id.
const idHexDigits = 10

// ValidID reports why id cannot be a discrepancy id: an id is a kind name
// ("name-variant", "number", ... as Kinds lists them), a hyphen and 10
// lower-case hex digits, such as "date-0ed35b67c1". It returns nil for a
// valid id; the empty string is not one.
func ValidID(id string) error {
	i := strings.LastIndexByte(id, '-')
	if i < 0 {
		return fmt.Errorf("bad discrepancy id %q: want KIND-%s with KIND one of %s", id, strings.Repeat("x", idHexDigits), kindList())
	}
	if _, err := ParseKind(id[:i]); err != nil {
		return fmt.Errorf("bad discrepancy id %q: unknown kind %q (want one of %s)", id, id[:i], kindList())
	}
	hex := id[i+1:]
	ok := len(hex) == idHexDigits
	for _, r := range hex {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			ok = false
		}
	}
	if !ok {
		return fmt.Errorf("bad discrepancy id %q: want %d lower-case hex digits after %q", id, idHexDigits, id[:i+1])
	}
	return nil
}

func kindList() string {
	var names []string
	for _, k := range Kinds() {
		names = append(names, k.String())
	}
	return strings.Join(names, ", ")
}

// The fields of one decision, in the order Set writes them.
var resolutionFields = []string{"status", "value", "note", "by", "date"}

// Resolutions is an editor's file of decisions on discrepancies: a YAML
// mapping from discrepancy id to {status, value, note, by, date}. It keeps
// the file's YAML tree, so Set and Save change only the entry they touch and
// keep the other entries, their order and the file's comments.
//
// A Resolutions is not safe for concurrent use.
type Resolutions struct {
	path string
	// prefix is the comment lines of a file that holds no mapping yet; the
	// YAML parser drops comments of an empty document, so Save writes them
	// back itself.
	prefix []byte
	doc    *yaml.Node // the document node; nil for an empty file
	byID   map[string]Resolution
	ids    []string // in file order
}

// LoadResolutions reads the resolutions file at path. A missing file is an
// empty set, not an error, and Save creates it. A file that cannot be read,
// malformed YAML, more than one YAML document, a top level that is not a
// mapping, a bad or repeated id, an entry that is not a mapping, an unknown
// or repeated field, a field that is not a plain value, or a status other
// than resolved or accepted is a *claims.InputError naming the file and, when
// known, the line.
func LoadResolutions(path string) (*Resolutions, error) {
	rs := &Resolutions{path: path, byID: map[string]Resolution{}}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return rs, nil
	}
	if err != nil {
		return nil, &claims.InputError{Path: path, Problem: "cannot read resolutions: " + unwrapPathError(err), Err: err}
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlInputError(path, err)
	}
	var more yaml.Node
	if err := dec.Decode(&more); err == nil {
		return nil, &claims.InputError{Path: path, Line: more.Line, Problem: "more than one YAML document", Hint: "keep all decisions in one mapping"}
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlInputError(path, err)
	}
	root := rootOf(&doc)
	if root == nil {
		rs.prefix = commentLines(b)
		return rs, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, &claims.InputError{Path: path, Line: root.Line, Problem: "want a mapping of discrepancy ids to decisions",
			Hint: "each entry is an id with status, value, note, by and date below it"}
	}
	rs.doc = &doc
	lines := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return nil, &claims.InputError{Path: path, Line: k.Line, Problem: "a key is not a discrepancy id"}
		}
		id := k.Value
		if err := ValidID(id); err != nil {
			return nil, &claims.InputError{Path: path, Line: k.Line, Problem: err.Error(), Err: err}
		}
		if prev, dup := lines[id]; dup {
			return nil, &claims.InputError{Path: path, Line: k.Line, Problem: fmt.Sprintf("%s is also on line %d", id, prev), Hint: "keep one decision per id"}
		}
		lines[id] = k.Line
		r, err := decodeResolution(path, id, k, v)
		if err != nil {
			return nil, err
		}
		rs.byID[id] = r
		rs.ids = append(rs.ids, id)
	}
	return rs, nil
}

// rootOf is a document's top-level node, nil when the document is empty or
// holds only a null.
func rootOf(doc *yaml.Node) *yaml.Node {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil
	}
	n := doc.Content[0]
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	return n
}

// decodeResolution reads one entry's mapping.
func decodeResolution(path, id string, k, v *yaml.Node) (Resolution, error) {
	if v.Kind != yaml.MappingNode {
		line := v.Line
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			line = k.Line
		}
		return Resolution{}, &claims.InputError{Path: path, Line: line, Problem: fmt.Sprintf("%s: want a mapping of status, value, note, by, date", id)}
	}
	var r Resolution
	seen := map[string]int{}
	status := ""
	statusLine := 0
	for i := 0; i+1 < len(v.Content); i += 2 {
		fk, fv := v.Content[i], v.Content[i+1]
		name := fk.Value
		if fk.Kind != yaml.ScalarNode || !isField(name) {
			return Resolution{}, &claims.InputError{Path: path, Line: fk.Line, Problem: fmt.Sprintf("%s: unknown field %q", id, name), Hint: "want status, value, note, by or date"}
		}
		if prev, dup := seen[name]; dup {
			return Resolution{}, &claims.InputError{Path: path, Line: fk.Line, Problem: fmt.Sprintf("%s: field %s is also on line %d", id, name, prev)}
		}
		seen[name] = fk.Line
		if fv.Kind != yaml.ScalarNode {
			return Resolution{}, &claims.InputError{Path: path, Line: fv.Line, Problem: fmt.Sprintf("%s: %s is not a plain value", id, name), Hint: "quote it"}
		}
		val := fv.Value
		if fv.Tag == "!!null" {
			val = ""
		}
		switch name {
		case "status":
			status, statusLine = val, fv.Line
		case "value":
			r.Value = val
		case "note":
			r.Note = val
		case "by":
			r.By = val
		case "date":
			r.Date = val
		}
	}
	if status == "" {
		line := statusLine
		if line == 0 {
			line = k.Line
		}
		return Resolution{}, &claims.InputError{Path: path, Line: line, Problem: id + ": no status", Hint: "want status: resolved or status: accepted"}
	}
	st, err := ParseStatus(status)
	if err != nil || st == Unresolved {
		return Resolution{}, &claims.InputError{Path: path, Line: statusLine, Problem: fmt.Sprintf("%s: status %q", id, status), Hint: "want resolved or accepted"}
	}
	r.Status = st
	return r, nil
}

func isField(name string) bool {
	for _, f := range resolutionFields {
		if f == name {
			return true
		}
	}
	return false
}

// yamlLine matches the position the YAML parser puts in its syntax errors,
// which it reports only as text.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

func yamlInputError(path string, err error) error {
	msg := err.Error()
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = strings.Join(strings.Fields(msg), " ")
	return &claims.InputError{Path: path, Line: line, Problem: "malformed YAML: " + msg, Err: err}
}

// unwrapPathError drops the path that an *fs.PathError repeats.
func unwrapPathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// commentLines keeps the comment and blank lines of a file without content.
func commentLines(b []byte) []byte {
	var out []byte
	for line := range bytes.Lines(b) {
		t := bytes.TrimSpace(line)
		if len(t) > 0 && t[0] != '#' {
			continue
		}
		out = append(out, bytes.TrimRight(line, " \t\r\n")...)
		out = append(out, '\n')
	}
	if len(bytes.TrimSpace(out)) == 0 {
		return nil
	}
	return out
}

// Path returns the file the resolutions are read from and saved to.
func (rs *Resolutions) Path() string { return rs.path }

// Len returns how many decisions the file holds.
func (rs *Resolutions) Len() int { return len(rs.ids) }

// IDs returns the discrepancy ids of the decisions in file order; nil when
// there is none.
func (rs *Resolutions) IDs() []string { return append([]string(nil), rs.ids...) }

// Get returns the decision on discrepancy id and whether there is one.
func (rs *Resolutions) Get(id string) (Resolution, bool) {
	r, ok := rs.byID[id]
	return r, ok
}

// Set records the decision r on discrepancy id, replacing an earlier one.
// It edits the file's YAML tree: a new id is added at the end, an existing
// entry keeps its place and the comments of the fields that stay; empty
// fields are left out. Nothing is written until Save. A bad id (see ValidID)
// or a status other than Resolved or Accepted is an error and changes
// nothing.
func (rs *Resolutions) Set(id string, r Resolution) error {
	if err := ValidID(id); err != nil {
		return err
	}
	if r.Status != Resolved && r.Status != Accepted {
		return fmt.Errorf("status %v: want resolved or accepted", r.Status)
	}
	if rs.doc == nil {
		rs.doc = &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}}
	}
	root := rs.doc.Content[0]
	var entry *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == id {
			entry = root.Content[i+1]
			break
		}
	}
	if entry == nil {
		entry = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: id}, entry)
		rs.ids = append(rs.ids, id)
	}
	old := map[string][2]*yaml.Node{}
	for i := 0; i+1 < len(entry.Content); i += 2 {
		old[entry.Content[i].Value] = [2]*yaml.Node{entry.Content[i], entry.Content[i+1]}
	}
	values := map[string]string{"status": r.Status.String(), "value": r.Value, "note": r.Note, "by": r.By, "date": r.Date}
	var content []*yaml.Node
	for _, f := range resolutionFields {
		v := values[f]
		if v == "" {
			continue
		}
		pair, ok := old[f]
		if !ok {
			pair = [2]*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: f}, {Kind: yaml.ScalarNode}}
		}
		if pair[1].Value != v || pair[1].Kind != yaml.ScalarNode {
			pair[1].Kind, pair[1].Value, pair[1].Style, pair[1].Tag = yaml.ScalarNode, v, scalarStyle(f, v), scalarTag(f, v)
			pair[1].Content = nil
		}
		content = append(content, pair[0], pair[1])
	}
	entry.Content = content
	rs.byID[id] = r
	return nil
}

// scalarStyle writes a note, which is prose, in double quotes, and other
// values plain where YAML allows; a value with a line break is a literal
// block.
func scalarStyle(field, v string) yaml.Style {
	switch {
	case strings.Contains(v, "\n"):
		return yaml.LiteralStyle
	case field == "note":
		return yaml.DoubleQuotedStyle
	}
	return 0
}

// scalarTag makes a written value read back as the same string: a date
// stays a plain YYYY-MM-DD, anything else is a string, quoted by the encoder
// only when it would otherwise read as a number, a boolean or null.
func scalarTag(field, v string) string {
	if field == "date" {
		if _, err := time.Parse(time.DateOnly, v); err == nil {
			return "!!timestamp"
		}
	}
	return "!!str"
}

// Save writes the resolutions to their file atomically: to a temporary file
// in the same folder, renamed over the old one, so a failure leaves the old
// file as it was. An existing file keeps its permissions; a new one gets
// 0644. Saving an empty set writes the file's comments, or an empty mapping.
func (rs *Resolutions) Save() error {
	var buf bytes.Buffer
	buf.Write(rs.prefix)
	if rs.doc != nil {
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(rs.doc); err != nil {
			return fmt.Errorf("save resolutions %s: %w", rs.path, err)
		}
		if err := enc.Close(); err != nil {
			return fmt.Errorf("save resolutions %s: %w", rs.path, err)
		}
	} else if buf.Len() == 0 {
		buf.WriteString("{}\n")
	}
	return writeFileAtomic(rs.path, spaceEntries(buf.Bytes()))
}

// spaceEntries puts a blank line before each top-level entry but the first,
// above the comment lines directly over it, so the entries read as blocks.
// Lines that start in the first column are keys, comments or document
// markers: the content of block scalars is always indented.
func spaceEntries(b []byte) []byte {
	lines := bytes.SplitAfter(b, []byte("\n"))
	var out []byte
	var pending [][]byte // comment lines in the first column, not yet written
	seenKey := false
	for _, l := range lines {
		top := len(l) > 0 && l[0] != ' ' && l[0] != '\t' && l[0] != '\n' && l[0] != '\r'
		switch {
		case top && l[0] == '#':
			pending = append(pending, l)
			continue
		case top && !bytes.HasPrefix(l, []byte("---")) && !bytes.HasPrefix(l, []byte("...")):
			if seenKey && len(bytes.TrimSpace(lastLine(out))) > 0 {
				out = append(out, '\n')
			}
			seenKey = true
		}
		for _, p := range pending {
			out = append(out, p...)
		}
		pending = pending[:0]
		out = append(out, l...)
	}
	for _, p := range pending {
		out = append(out, p...)
	}
	return out
}

// lastLine is the last complete line of b, without its line break.
func lastLine(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		return b[i+1:]
	}
	return b
}

func writeFileAtomic(path string, b []byte) (err error) {
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return fmt.Errorf("save resolutions %s: not a regular file", path)
		}
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the temporary name means nothing to the reader
		}
		return fmt.Errorf("save resolutions %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(b); err != nil {
		return fmt.Errorf("save resolutions %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("save resolutions %s: %w", path, err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fmt.Errorf("save resolutions %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save resolutions %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save resolutions %s: %w", path, err)
	}
	return nil
}

// Apply sets the Status and Resolution of each discrepancy from the
// decisions: one with a decision gets its status and a copy of it, one
// without is Unresolved with no Resolution. It returns, in file order, the
// ids of decisions that match no discrepancy (stale: the discrepancy went
// away or its content, and so its id, changed); they stay in the file. Nil
// or empty ds makes every decision stale.
func (rs *Resolutions) Apply(ds []Discrepancy) (stale []string) {
	used := map[string]bool{}
	for i := range ds {
		r, ok := rs.byID[ds[i].ID]
		if !ok {
			ds[i].Status, ds[i].Resolution = Unresolved, nil
			continue
		}
		used[ds[i].ID] = true
		ds[i].Status = r.Status
		ds[i].Resolution = &r
	}
	for _, id := range rs.ids {
		if !used[id] {
			stale = append(stale, id)
		}
	}
	return stale
}
