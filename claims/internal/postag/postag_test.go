package postag

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"
)

// corpus returns the texts of the seeds and, when CROSSCHECK_EVAL is set,
// of the evaluation clusters, one text per paragraph.
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
			if err != nil {
				return err
			}
			out = append(out, strings.Split(string(b), "\n")...)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestTagsLikeProse(t *testing.T) {
	ours, err := New()
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	tok := tokenize.New()
	texts := []string{
		"- @user 0 *T*-1 * *-12 -LRB- -lrb- -ABCD- :-) xD 8D ¯\\(ツ)/¯ (ಠ_ಠ) 1999 +199 -12 well-known",
		"", "A", "Émile Zola wrote in Paris.", "THE END",
	}
	for _, e := range []string{"(-8", "(╯°□°）╯︵┻━┻", "-__-", ":`-(", "XDD", "o_O", "O.o", "^___^", "@_@"} {
		texts = append(texts, "He smiled "+e+" and left.")
	}
	texts = append(texts, corpus(t)...)
	for _, text := range texts {
		toks := tok.Tokenize(text)
		got := append([]token.Token(nil), toks...)
		want := append([]token.Token(nil), toks...)
		ours.TagTokens(got)
		theirs.TagTokens(want)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("tags of %q differ (-prose +ours):\n%s", text, d)
		}
	}
}

func BenchmarkTagTokens(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	toks := tokenize.New().Tokenize("Russian President Vladimir Putin arrived in Dushanbe on Wednesday for talks with Emomali Rahmon, the Kremlin said.")
	b.ReportAllocs()
	for b.Loop() {
		x.TagTokens(toks)
	}
}

func BenchmarkProseTagTokens(b *testing.B) {
	x, err := tag.New()
	if err != nil {
		b.Fatal(err)
	}
	toks := tokenize.New().Tokenize("Russian President Vladimir Putin arrived in Dushanbe on Wednesday for talks with Emomali Rahmon, the Kremlin said.")
	b.ReportAllocs()
	for b.Loop() {
		x.TagTokens(toks)
	}
}
