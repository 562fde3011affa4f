package claims

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MetadataFile is the name of the optional file in a corpus folder that
// describes its articles: a YAML list of {file, title, outlet, url,
// published}.
const MetadataFile = "articles.yaml"

// Meta is what a corpus folder's MetadataFile says about one article. An
// empty field is unknown.
type Meta struct {
	File      string `yaml:"file"`
	Title     string `yaml:"title"`
	Outlet    string `yaml:"outlet"`
	URL       string `yaml:"url"`
	Published string `yaml:"published"`
}

// LoadOptions adjusts how articles are read.
type LoadOptions struct {
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Published, when not zero, is the publication date of every article
	// whose metadata states none.
	Published time.Time
	// Stamps, when set, tells the files of folders that are unchanged
	// since they were stamped: they are not read, and their articles have
	// the stamp's hash and no Text (ReadText reads it). Load leaves in it
	// the stamps of the files of folders it loaded, read or not.
	Stamps *Stamps
}

// Load reads the articles at paths: files, folders (every regular file below
// them except hidden ones and YAML/JSON metadata, in name order) or "-" for
// standard input. Metadata comes from MetadataFile in each file's folder.
//
// Problems with single files (missing, empty, binary, not UTF-8) and with
// metadata files are collected in the returned ErrorList while the other
// articles are still read. Two files with the same article id are an error
// for the second one.
func Load(paths []string, opt LoadOptions) ([]*Article, ErrorList) {
	var (
		errs  ErrorList
		arts  []*Article
		seen  = map[string]string{}
		metas = map[string]map[string]Meta{}
		now   = clock()
		old   map[string]Stamp
	)
	if opt.Stamps != nil {
		old, opt.Stamps.Files = opt.Stamps.Files, map[string]Stamp{}
	}
	metaFor := func(dir string) map[string]Meta {
		if m, ok := metas[dir]; ok {
			return m
		}
		m, err := ReadMetadata(filepath.Join(dir, MetadataFile))
		errs.Add(err)
		metas[dir] = m
		return m
	}
	add := func(a *Article, err error) {
		if err != nil {
			errs.Add(err)
			return
		}
		if prev, dup := seen[a.ID]; dup {
			errs.Add(&InputError{Path: a.Path, Problem: fmt.Sprintf("article id %q is also the id of %s", a.ID, prev), Hint: "rename one of the files"})
			return
		}
		seen[a.ID] = a.Path
		if !a.HasDate() && !opt.Published.IsZero() {
			a.Published = opt.Published
		}
		arts = append(arts, a)
	}
	for _, p := range paths {
		if p == "-" {
			if opt.Stdin == nil {
				errs.Add(&InputError{Path: "-", Problem: "no standard input"})
				continue
			}
			b, err := io.ReadAll(opt.Stdin)
			if err != nil {
				errs.Add(&InputError{Path: "-", Problem: "cannot read standard input", Err: err})
				continue
			}
			add(newArticle("-", "stdin", b, nil))
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs.Add(statError(p, err))
			continue
		}
		if !info.IsDir() {
			add(readArticle(p, metaFor(filepath.Dir(p))))
			continue
		}
		files, err := articleFiles(p)
		if err != nil {
			errs.Add(&InputError{Path: p, Problem: "cannot list folder", Err: err})
			continue
		}
		if len(files) == 0 {
			errs.Add(&InputError{Path: p, Problem: "folder holds no articles"})
		}
		// The folders' metadata is parsed while the files are read (a
		// large articles.yaml takes as long as reading its articles),
		// and given to the articles after.
		var dirs []string
		parsed := map[string]bool{}
		for _, f := range files {
			d := filepath.Dir(f)
			if _, ok := metas[d]; !ok && !parsed[d] {
				parsed[d] = true
				dirs = append(dirs, d)
			}
		}
		type metaResult struct {
			m   map[string]Meta
			err error
		}
		metaDone := make(chan []metaResult, 1)
		go func() {
			out := make([]metaResult, len(dirs))
			for i, d := range dirs {
				out[i].m, out[i].err = ReadMetadata(filepath.Join(d, MetadataFile))
			}
			metaDone <- out
		}()
		read := readArticles(files, stampKeys(p, files), old, now)
		for i, r := range <-metaDone {
			errs.Add(r.err)
			metas[dirs[i]] = r.m
		}
		for i := range read {
			if a := read[i].a; a != nil {
				withMeta(a, metas[filepath.Dir(files[i])])
				if a.Title == "" {
					a.Title = read[i].stamp.Title
				}
				if opt.Stamps != nil && !read[i].stamp.racy && read[i].key != "" {
					opt.Stamps.Files[read[i].key] = read[i].stamp
				}
			}
			add(read[i].a, read[i].err)
			read[i] = readResult{}
		}
	}
	return arts, errs
}

type readResult struct {
	a     *Article
	key   string // of the stamp
	stamp Stamp  // with the article's hash and first line
	err   error
}

// readWorkers is how many files Load reads at a time: reading waits on
// the disk more than on the processor.
const readWorkers = 16

// readArticles reads files, without their metadata (see withMeta), several
// at a time, but for those whose stamp in stamps (under keys, by file; ""
// for none) is unchanged at now; the results are in the order of the
// files.
func readArticles(files, keys []string, stamps map[string]Stamp, now time.Time) []readResult {
	out := make([]readResult, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(readWorkers, len(files)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				out[i] = readStamped(files[i], keys[i], stamps, now)
				out[i].key = keys[i]
			}
		})
	}
	wg.Wait()
	return out
}

func statError(p string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &InputError{Path: p, Problem: "no such file or folder", Err: err}
	case errors.Is(err, fs.ErrPermission):
		return &InputError{Path: p, Problem: "permission denied", Err: err}
	}
	return &InputError{Path: p, Problem: err.Error(), Err: err}
}

// articleFiles lists the article files below dir in lexical order.
func articleFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		switch strings.ToLower(filepath.Ext(name)) {
		case ".yaml", ".yml", ".json", ".tsv", ".csv":
			return nil
		}
		files = append(files, p)
		return nil
	})
	sort.Strings(files)
	return files, err
}

func readArticle(p string, meta map[string]Meta) (*Article, error) {
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, statError(p, err)
	}
	var m *Meta
	if mm, ok := meta[filepath.Base(p)]; ok {
		m = &mm
	}
	return newArticle(p, articleID(p), b, m)
}

// articleID is the id of the article in file p: its name without its
// extension.
func articleID(p string) string {
	base := filepath.Base(p)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// stampKeys are the keys of the stamps of the files found in folder dir:
// their absolute paths, so that a corpus named by another path or from
// another working folder finds its stamps; "" when it cannot be told.
func stampKeys(dir string, files []string) []string {
	keys := make([]string, len(files))
	abs, err := filepath.Abs(dir)
	if err != nil {
		return keys
	}
	for i, f := range files {
		if rel, err := filepath.Rel(dir, f); err == nil {
			keys[i] = filepath.Join(abs, rel)
		}
	}
	return keys
}

// readStamped reads the article of file p, without metadata, unless its
// stamp in stamps, under key, is unchanged at now.
func readStamped(p, key string, stamps map[string]Stamp, now time.Time) readResult {
	info, err := os.Stat(p)
	if err != nil {
		return readResult{err: statError(p, err)}
	}
	// The file is stamped before it is read: a change while it is read
	// shows in its next stamp.
	st := stampOf(info, now)
	if old, ok := stamps[key]; ok && key != "" && old.same(st) {
		return readResult{a: &Article{ID: articleID(p), Path: p, Hash: old.Hash}, stamp: old}
	}
	a, err := readArticle(p, nil)
	if err != nil {
		return readResult{err: err}
	}
	st.Hash, st.Title = a.Hash, firstLine(a.Text)
	return readResult{a: a, stamp: st}
}

// withMeta gives an article read without metadata (readArticle with none)
// its folder's metadata, meta.
func withMeta(a *Article, meta map[string]Meta) {
	if m, ok := meta[filepath.Base(a.Path)]; ok {
		applyMeta(a, &m)
	}
}

// applyMeta gives a its metadata m (nil for none); an article without a
// title is named by its first line.
func applyMeta(a *Article, m *Meta) {
	if m != nil {
		a.Title, a.Outlet, a.URL = m.Title, m.Outlet, m.URL
		if m.Published != "" {
			// ReadMetadata has checked the date already.
			a.Published, _ = ParseDate(m.Published)
		}
	}
	if a.Title == "" {
		a.Title = firstLine(a.Text)
	}
}

// newArticle checks b and makes an Article of it.
func newArticle(path, id string, b []byte, m *Meta) (*Article, error) {
	if err := CheckText(path, b); err != nil {
		return nil, err
	}
	a := &Article{ID: id, Path: path, Text: string(b), Hash: contentHash(b)}
	applyMeta(a, m)
	return a, nil
}

// contentHash is an article's Hash: the hex SHA-256 of its bytes.
func contentHash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// ReadText reads again the text of an article loaded from a file whose
// Text was let go after loading (to keep a large corpus out of memory), and
// does nothing when the article has its text or came from standard input.
// The file must still hold what it held when loaded, by its Hash; otherwise
// ReadText fails with an *InputError and leaves Text empty.
func (a *Article) ReadText() error {
	if a.Text != "" || a.Path == "-" {
		return nil
	}
	b, err := os.ReadFile(a.Path)
	if err != nil {
		return &InputError{Path: a.Path, Problem: "cannot read file", Err: err}
	}
	if contentHash(b) != a.Hash {
		return &InputError{Path: a.Path, Problem: "file changed while crosscheck was reading the corpus", Hint: "run again"}
	}
	a.Text = string(b)
	return nil
}

// CheckText reports why b cannot be an article: it is empty or only white
// space, binary (holds a NUL byte) or not valid UTF-8. The error names path
// and, for bad bytes, the line.
func CheckText(path string, b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return &InputError{Path: path, Problem: "empty file"}
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return &InputError{Path: path, Line: bytes.Count(b[:i], []byte{'\n'}) + 1, Problem: fmt.Sprintf("binary file (NUL byte at offset %d)", i), Hint: "articles are UTF-8 text"}
	}
	if !utf8.Valid(b) {
		i := 0
		for i < len(b) {
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return &InputError{Path: path, Line: bytes.Count(b[:i], []byte{'\n'}) + 1, Problem: fmt.Sprintf("invalid UTF-8 at byte offset %d", i), Hint: "convert the file to UTF-8"}
	}
	return nil
}

// firstLine is the first line of s that is not blank, at most 200 bytes of
// it, in a string of its own: a title kept while the text is let go.
func firstLine(s string) string {
	for line := range strings.Lines(s) {
		if t := strings.TrimSpace(line); t != "" {
			if len(t) > 200 {
				t = t[:200]
				for !utf8.ValidString(t) {
					t = t[:len(t)-1]
				}
			}
			return strings.Clone(t)
		}
	}
	return ""
}

// ReadMetadata reads a corpus folder's MetadataFile. A missing file is no
// error and gives an empty map; a malformed one, an entry without a file name
// or a bad date is an error naming the file and line.
func ReadMetadata(path string) (map[string]Meta, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]Meta{}, nil
	}
	if err != nil {
		return map[string]Meta{}, &InputError{Path: path, Problem: "cannot read metadata", Err: err}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return map[string]Meta{}, &InputError{Path: path, Problem: "malformed YAML: " + strings.TrimPrefix(err.Error(), "yaml: "), Err: err}
	}
	out := map[string]Meta{}
	if len(doc.Content) == 0 {
		return out, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.SequenceNode {
		return out, &InputError{Path: path, Line: root.Line, Problem: "want a list of {file, title, outlet, url, published}"}
	}
	for _, n := range root.Content {
		var m Meta
		if err := n.Decode(&m); err != nil {
			return map[string]Meta{}, &InputError{Path: path, Line: n.Line, Problem: "malformed entry: " + strings.TrimPrefix(err.Error(), "yaml: "), Err: err}
		}
		if m.File == "" {
			return map[string]Meta{}, &InputError{Path: path, Line: n.Line, Problem: "entry has no file"}
		}
		if m.Published != "" {
			if _, err := ParseDate(m.Published); err != nil {
				return map[string]Meta{}, &InputError{Path: path, Line: n.Line, Problem: err.Error(), Hint: "use YYYY-MM-DD or RFC 3339"}
			}
		}
		out[filepath.Base(m.File)] = m
	}
	return out, nil
}

// ParseDate parses a publication date written as YYYY-MM-DD or RFC 3339. The
// result is the calendar day, at midnight UTC.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		y, m, d := t.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	return time.Time{}, fmt.Errorf("bad date %q", s)
}
