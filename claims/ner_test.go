package claims

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	prose "github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/token"

	"github.com/crosscheck/crosscheck/claims/internal/tokens"
	"github.com/crosscheck/crosscheck/claims/sentences"
)

// TestNameWindowLabelsLikeProse checks that the entity model gives every
// name window of every sentence of the seeds and, when CROSSCHECK_EVAL is
// set, of the evaluation clusters, tagged as extraction tags it, the labels
// prose's entity model gives.
func TestNameWindowLabelsLikeProse(t *testing.T) {
	x := extractor(t)
	theirs, err := prose.New()
	if err != nil {
		t.Fatal(err)
	}
	sets := map[string]string{"seeds": filepath.Join("..", "seeds")}
	if dir := os.Getenv("CROSSCHECK_EVAL"); dir != "" {
		sets["clusters"] = filepath.Join(dir, "clusters")
	} else {
		t.Log("CROSSCHECK_EVAL is not set: skipping the evaluation clusters")
	}
	for name, dir := range sets {
		t.Run(name, func(t *testing.T) {
			arts, errs := Load([]string{dir}, LoadOptions{})
			if len(errs) > 0 {
				t.Fatalf("load %s: %v", dir, errs)
			}
			windows := 0
			for _, a := range arts {
				all := tokens.Append(nil, a.Text)
				for _, sp := range sentences.Split(a.Text) {
					start, end := sp.Start, sp.End
					if m := reDateline.FindStringIndex(a.Text[start:end]); m != nil && end-start-m[1] > 20 {
						start += m[1]
					}
					toks := appendTokensIn(nil, all, start, end)
					if len(toks) == 0 {
						continue
					}
					x.tag(toks)
					for _, w := range nameWindows(toks) {
						got := append([]token.Token(nil), toks[w[0]:w[1]]...)
						want := append([]token.Token(nil), got...)
						x.ner.Label(got)
						theirs.Label(want)
						if d := cmp.Diff(want, got); d != "" {
							t.Errorf("%s: labels of window %v of %q differ (-prose +ours):\n%s", a.Path, w, a.Text[start:end], d)
						}
						windows++
					}
				}
			}
			if windows == 0 {
				t.Fatal("no name windows")
			}
			t.Logf("compared %d windows of %d articles", windows, len(arts))
		})
	}
}
