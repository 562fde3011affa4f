package ner

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	prose "github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/ner/maxentmodel"
	"github.com/jdkato/prose/v3/token"

	"github.com/crosscheck/crosscheck/claims/internal/postag"
	"github.com/crosscheck/crosscheck/claims/internal/tokens"
	"github.com/crosscheck/crosscheck/claims/sentences"
)

func models(tb testing.TB) (*Labeller, *prose.Extracter) {
	tb.Helper()
	ours, err := New()
	if err != nil {
		tb.Fatal(err)
	}
	theirs, err := prose.New()
	if err != nil {
		tb.Fatal(err)
	}
	return ours, theirs
}

// compare labels copies of toks with both models and reports a difference.
func compare(t *testing.T, ours *Labeller, theirs *prose.Extracter, name string, toks []token.Token) {
	t.Helper()
	got := append([]token.Token(nil), toks...)
	want := append([]token.Token(nil), toks...)
	ours.Label(got)
	theirs.Label(want)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("labels of %s differ (-prose +ours):\n%s", name, d)
	}
}

// parse turns "text/TAG text/TAG" into tokens; a word without a slash has
// no tag.
func parse(s string) []token.Token {
	var out []token.Token
	for _, f := range strings.Split(s, " ") {
		tx, tg := f, ""
		if i := strings.LastIndexByte(f, '/'); i >= 0 {
			tx, tg = f[:i], f[i+1:]
		}
		out = append(out, token.Token{Text: tx, Tag: tg, Label: "stale"})
	}
	return out
}

func TestLabelsLikeProseOnEdgeCases(t *testing.T) {
	ours, theirs := models(t)
	long := strings.Repeat("Vladimir/NNP Putin/NNP met/VBD Emomali/NNP Rahmon/NNP in/IN Dushanbe/NNP ,/, Tajikistan/NNP ./. ", 150)
	cases := map[string][]token.Token{
		"empty":            nil,
		"one token":        parse("Moscow/NNP"),
		"one empty token":  {{}},
		"one lower":        parse("said/VBD"),
		"empty tags":       parse("Vladimir Putin visited the United Nations in New York"),
		"empty texts":      parse("/NNP /NNP /IN /"),
		"punctuation":      parse("\"/`` (/( --/: ,/, ./. !/. ?/. '/'' ;/: …/: -/HYPH"),
		"numbers":          parse("On/IN 28/CD June/NNP 2013/CD ,/, 1.5/CD million/CD +3/CD 1e9/CD NaN/NNP Inf/NNP"),
		"non-ASCII":        parse("Émile/NNP Zola/NNP ,/, Gökçe/NNP Şahin/NNP and/CC Jean-Luc/NNP Mélenchon/NNP met/VBD in/IN Zürich/NNP 東京/NNP"),
		"invalid UTF-8":    parse("\xff\xfeA/NNP B\xc3/NNP \xe2\x82/NN"),
		"titles":           parse("NASA/NNP U.S.A./NNP McDonald/NNP O'Brien/NNP iPhone/NN USA/NNP Usa/NNP"),
		"None words":       parse("None/NNP none/NN NONE/NNP ./None None/None"),
		"lowercase tags":   parse("Kremlin/nnp said/vbd it/prp"),
		"odd tags":         parse("A/B-PERSON B/V C/-NONE- D/+ E/a+b F/x-y"),
		"basic words":      parse("I/PRP a/DT able/JJ about/IN Account/NNP account/NN yesterday/NN Young/NNP"),
		"long window":      parse(strings.TrimSpace(long)),
		"spaces in tokens": {{Text: "New York", Tag: "NNP"}, {Text: "", Tag: " "}, {Text: "x y", Tag: "N N"}},
	}
	for name, toks := range cases {
		t.Run(name, func(t *testing.T) { compare(t, ours, theirs, name, toks) })
	}
}

// corpus returns the texts of the seeds and, when CROSSCHECK_EVAL is set,
// of the evaluation clusters.
func corpus(t *testing.T) []string {
	t.Helper()
	dirs := []string{filepath.Join("..", "..", "..", "seeds")}
	if dir := os.Getenv("CROSSCHECK_EVAL"); dir != "" {
		dirs = append(dirs, filepath.Join(dir, "clusters"))
	} else {
		t.Log("CROSSCHECK_EVAL is not set: comparing on the seeds alone")
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
			out = append(out, string(b))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestLabelsLikeProseOnSentences compares the labels of every sentence of
// the corpus, tagged, and of every stretch of one or two tokens of it.
func TestLabelsLikeProseOnSentences(t *testing.T) {
	ours, theirs := models(t)
	tagger, err := postag.New()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, text := range corpus(t) {
		for _, sp := range sentences.Split(text) {
			toks := tokens.Append(nil, text[sp.Start:sp.End])
			if len(toks) == 0 {
				continue
			}
			tagger.TagTokens(toks)
			name := fmt.Sprintf("sentence %q", text[sp.Start:sp.End])
			compare(t, ours, theirs, name, toks)
			for i := range toks {
				for j := i + 1; j <= min(len(toks), i+2); j++ {
					compare(t, ours, theirs, name, toks[i:j])
				}
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no sentences in the corpus")
	}
	t.Logf("compared %d sentences", n)
}

// FuzzLabel compares the labels of both models on token slices made from
// random text: tokens split at spaces, tags after the last slash.
func FuzzLabel(f *testing.F) {
	for _, s := range []string{
		"", "Moscow/NNP", "Vladimir/NNP Putin/NNP met/VBD Rahmon/NNP ./.",
		"Émile Zola/NNP 2013/CD None/None", "\xff/\xfe a/b/c //",
		"the/DT United/NNP Nations/NNPS said/VBD on/IN Monday/NNP",
	} {
		f.Add(s)
	}
	ours, theirs := models(f)
	f.Fuzz(func(t *testing.T, s string) {
		compare(t, ours, theirs, "fuzzed tokens", parse(s))
	})
}

func BenchmarkLabel(b *testing.B) {
	ours, _ := models(b)
	toks := benchTokens(b)
	b.ReportAllocs()
	for b.Loop() {
		ours.Label(toks)
	}
}

func BenchmarkProseLabel(b *testing.B) {
	_, theirs := models(b)
	toks := benchTokens(b)
	b.ReportAllocs()
	for b.Loop() {
		theirs.Label(toks)
	}
}

func benchTokens(b *testing.B) []token.Token {
	b.Helper()
	tagger, err := postag.New()
	if err != nil {
		b.Fatal(err)
	}
	toks := tokens.Append(nil, "Russian President Vladimir Putin arrived in Dushanbe on Wednesday for talks with Emomali Rahmon, the Kremlin said.")
	tagger.TagTokens(toks)
	return toks
}

func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(maxentmodel.English); err != nil {
			b.Fatal(err)
		}
	}
}
