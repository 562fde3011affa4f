package claims

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadFolderWithMetadata(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": "Headline A\n\nBody of A.",
		"b.txt": "Headline B\n\nBody of B.",
		"articles.yaml": `- file: a.txt
  title: "Title of A"
  outlet: Example News
  url: https://example.org/a
  published: 2022-06-29
- file: b.txt
  published: "2022-06-28T23:30:00Z"
`,
		".hidden.txt":      "not an article",
		"notes/c.txt":      "Headline C\n\nBody of C.",
		"resolutions.yaml": "{}\n",
	})
	arts, errs := Load([]string{dir}, LoadOptions{})
	if len(errs) != 0 {
		t.Fatalf("Load: %v", errs)
	}
	var got []string
	for _, a := range arts {
		got = append(got, a.ID+"|"+a.Title+"|"+a.Outlet+"|"+dateString(a.Published))
	}
	want := []string{
		"a|Title of A|Example News|2022-06-29",
		"b|Headline B||2022-06-28",
		"c|Headline C||",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Load got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if arts[0].Hash == "" || arts[0].Hash == arts[1].Hash {
		t.Errorf("hashes %q and %q: want distinct content hashes", arts[0].Hash, arts[1].Hash)
	}
}

func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func TestLoadBadInput(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"empty.txt":  " \n\n",
		"binary.txt": "PNG\x00\x01\x02",
		"latin1.txt": "Line one\nCaf\xe9 au lait\n",
		"good.txt":   "A good article.\n",
	})
	tests := []struct {
		name string
		path string
		want string
	}{
		{"missing", filepath.Join(dir, "missing.txt"), "missing.txt: no such file or folder"},
		{"empty", filepath.Join(dir, "empty.txt"), "empty.txt: empty file"},
		{"binary", filepath.Join(dir, "binary.txt"), "binary.txt:1: binary file (NUL byte at offset 3)"},
		{"invalid utf-8", filepath.Join(dir, "latin1.txt"), "latin1.txt:2: invalid UTF-8 at byte offset 12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := Load([]string{tt.path, filepath.Join(dir, "good.txt")}, LoadOptions{})
			if len(errs) != 1 {
				t.Fatalf("Load errors = %v, want one", errs)
			}
			if got := errs[0].Error(); !strings.Contains(got, tt.want) {
				t.Errorf("error = %q, want it to contain %q", got, tt.want)
			}
			if !errors.Is(errs[0], ErrInput) {
				t.Errorf("error %v is not ErrInput", errs[0])
			}
			if len(arts) != 1 || arts[0].ID != "good" {
				t.Errorf("the good article was not loaded alongside the bad one: %v", arts)
			}
		})
	}
}

func TestLoadMalformedMetadata(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"not yaml", "- file: a.txt\n  title: [unclosed\n", "articles.yaml: malformed YAML"},
		{"not a list", "file: a.txt\n", "articles.yaml:1: want a list"},
		{"no file", "- title: x\n", "articles.yaml:1: entry has no file"},
		{"bad date", "- file: a.txt\n  published: 28/06/2022\n", `articles.yaml:1: bad date "28/06/2022"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"a.txt": "Text.\n", "articles.yaml": tt.yaml})
			_, errs := Load([]string{dir}, LoadOptions{})
			if len(errs) == 0 || !strings.Contains(errs[0].Error(), tt.want) {
				t.Errorf("errors = %v, want one containing %q", errs, tt.want)
			}
		})
	}
}

func TestLoadStdinAndPublished(t *testing.T) {
	pub := time.Date(2025, 10, 8, 0, 0, 0, 0, time.UTC)
	arts, errs := Load([]string{"-"}, LoadOptions{Stdin: strings.NewReader("Putin arrived on Wednesday.\n"), Published: pub})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if len(arts) != 1 || arts[0].ID != "stdin" || !arts[0].Published.Equal(pub) {
		t.Errorf("Load(-) = %+v, want one article stdin published %v", arts, pub)
	}
}

func TestLoadDuplicateIDs(t *testing.T) {
	dir := writeFiles(t, map[string]string{"x/a.txt": "One.\n", "y/a.md": "Two.\n"})
	arts, errs := Load([]string{dir}, LoadOptions{})
	if len(arts) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), `article id "a"`) {
		t.Errorf("got %d articles and errors %v, want 1 article and a duplicate-id error", len(arts), errs)
	}
}

// TestReadText checks that an article's text, let go after loading, is
// read back as it was, and that a file changed or removed since loading is
// an input error rather than another text under the old hash.
func TestReadText(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	const text = "Officials said 40 people died.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	load := func() *Article {
		arts, errs := Load([]string{path}, LoadOptions{})
		if len(errs) > 0 || len(arts) != 1 {
			t.Fatalf("Load = %v, %v", arts, errs)
		}
		arts[0].Text = ""
		return arts[0]
	}

	a := load()
	if err := a.ReadText(); err != nil || a.Text != text {
		t.Fatalf("ReadText = %v, text %q; want nil, %q", err, a.Text, text)
	}

	a = load()
	if err := os.WriteFile(path, []byte("Officials said 41 people died.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var ie *InputError
	if err := a.ReadText(); !errors.As(err, &ie) || ie.Path != path || a.Text != "" {
		t.Errorf("changed file: ReadText = %v, text %q; want an input error naming %s and no text", err, a.Text, path)
	}

	a = load()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := a.ReadText(); !errors.As(err, &ie) || ie.Path != path {
		t.Errorf("removed file: ReadText = %v; want an input error naming %s", err, path)
	}
}

// TestLoadFolderInOrder checks that a folder of many files, read several at
// a time, gives its articles and its errors in the order of the files, with
// their metadata, whatever file is read first.
func TestLoadFolderInOrder(t *testing.T) {
	files := map[string]string{"a/" + MetadataFile: "- file: 016.txt\n  title: Sixteen\n"}
	var want []string
	for i := range 3 * readWorkers {
		name := fmt.Sprintf("a/%03d.txt", i)
		switch i % 7 {
		case 3:
			files[name] = "\x00binary"
			want = append(want, "error "+name)
		default:
			files[name] = fmt.Sprintf("Article %d.\n", i)
			want = append(want, fmt.Sprintf("%03d", i))
		}
	}
	dir := writeFiles(t, files)
	arts, errs := Load([]string{dir}, LoadOptions{})
	var got []string
	ai, ei := 0, 0
	for _, w := range want {
		if strings.HasPrefix(w, "error ") {
			if ei < len(errs) && strings.Contains(errs[ei].Error(), filepath.FromSlash(strings.TrimPrefix(w, "error "))) {
				got = append(got, w)
			}
			ei++
			continue
		}
		if ai < len(arts) {
			got = append(got, arts[ai].ID)
		}
		ai++
	}
	if strings.Join(got, " ") != strings.Join(want, " ") || ai != len(arts) || ei != len(errs) {
		t.Errorf("loaded %d articles and %d errors in this order:\n%v\nwant\n%v", len(arts), len(errs), got, want)
	}
	for _, a := range arts {
		if (a.ID == "016") != (a.Title == "Sixteen") {
			t.Errorf("article %s has title %q", a.ID, a.Title)
		}
	}
}
