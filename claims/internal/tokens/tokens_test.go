package tokens

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jdkato/prose/v3/tokenize"
)

var samples = []string{
	"", " ", "  \n ", "U.S. Gen. Mr. e.g. A.B U.S Xyz. XYZ. Abcd. a.b.c.d.",
	"He didn't say “they'll come” ('s's) $5 [x] ‘quoted’ isn’t N'T don'T",
	":-) (╯°□°）╯︵┻━┻ xD 8D ¯\\(ツ)/¯ :-)) (-_-). \"(:\" ''s n't 'll's",
	"end.Next  two  spaces\ttab\u00a0nbsp\u2003em \xff\xfe bad utf8 ... !!! ?\"",
	"It’s the “Institute for the Study of War”, (ISW) said: “no”.",
}

func corpus(t *testing.T) []string {
	t.Helper()
	dirs := []string{filepath.Join("..", "..", "..", "seeds")}
	if dir := os.Getenv("CROSSCHECK_EVAL"); dir != "" {
		dirs = append(dirs, filepath.Join(dir, "clusters"))
	}
	var out []string
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || filepath.Ext(path) != ".txt" {
				return err
			}
			b, err := os.ReadFile(path)
			out = append(out, string(b))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestAppendLikeProse(t *testing.T) {
	prose := tokenize.New()
	for _, text := range append(samples, corpus(t)...) {
		got := Append(nil, text)
		want := prose.Tokenize(text)
		if d := cmp.Diff(want, got, cmp.Comparer(func(a, b []Token) bool { return len(a) == 0 && len(b) == 0 || cmp.Equal(a, b) })); len(want)+len(got) > 0 && d != "" {
			t.Errorf("tokens of %.60q differ (-prose +ours):\n%s", text, d)
		}
	}
}

func TestAppendKeepsDst(t *testing.T) {
	dst := Append(nil, "One two.")
	got := Append(dst, "Three")
	want := []string{"One", "two", ".", "Three"}
	var texts []string
	for _, tk := range got {
		texts = append(texts, tk.Text)
	}
	if d := cmp.Diff(want, texts); d != "" {
		t.Errorf("texts (-want +got):\n%s", d)
	}
}

func FuzzAppend(f *testing.F) {
	for _, s := range samples {
		f.Add(s)
	}
	prose := tokenize.New()
	f.Fuzz(func(t *testing.T, text string) {
		got := Append(nil, text)
		want := prose.Tokenize(text)
		if len(got) != len(want) {
			t.Fatalf("%q: got %d tokens %v, want %d %v", text, len(got), got, len(want), want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q: token %d is %+v, want %+v", text, i, got[i], want[i])
			}
		}
	})
}

func BenchmarkAppend(b *testing.B) {
	text := "Russian President Vladimir Putin arrived in Dushanbe on Wednesday for talks with Emomali Rahmon, the Kremlin said. “We didn’t expect it,” he said.\n"
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var buf []Token
	for b.Loop() {
		buf = Append(buf[:0], text)
	}
}

func BenchmarkProseTokenize(b *testing.B) {
	text := "Russian President Vladimir Putin arrived in Dushanbe on Wednesday for talks with Emomali Rahmon, the Kremlin said. “We didn’t expect it,” he said.\n"
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	prose := tokenize.New()
	for b.Loop() {
		prose.Tokenize(text)
	}
}
