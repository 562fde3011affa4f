package names

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var dumpMisses = flag.Int("names.dump", 0, "log up to this many missed and false pairs of the OFAC name suite")

// evalDir returns the evaluation data directory, or skips the test.
func evalDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("CROSSCHECK_EVAL")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "eval")
	}
	if _, err := os.Stat(filepath.Join(dir, "names", "same_person.tsv")); err != nil {
		t.Skipf("evaluation data not found in %s (set CROSSCHECK_EVAL): %v", dir, err)
	}
	return dir
}

// namePair is one labelled pair of the OFAC suite.
type namePair struct {
	a, b     string
	category string
}

// readPairs reads the name columns and the category column of a suite file.
func readPairs(t *testing.T, path, categoryColumn string) []namePair {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open suite: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var col map[string]int
	var pairs []namePair
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if col == nil {
			col = make(map[string]int, len(fields))
			for i, name := range fields {
				col[name] = i
			}
			for _, name := range []string{"name_a", "name_b", categoryColumn} {
				if _, ok := col[name]; !ok {
					t.Fatalf("%s: no column %q", path, name)
				}
			}
			continue
		}
		pairs = append(pairs, namePair{
			a:        fields[col["name_a"]],
			b:        fields[col["name_b"]],
			category: fields[col[categoryColumn]],
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read suite: %v", err)
	}
	return pairs
}

// listOrder turns a list entry "SURNAME, Given Names" into running order
// "Given Names SURNAME".
func listOrder(name string) string {
	surname, given, ok := strings.Cut(name, ",")
	if !ok {
		return name
	}
	return strings.TrimSpace(given) + " " + strings.TrimSpace(surname)
}

func keysMatch(p namePair) bool {
	return Key(listOrder(p.a)) == Key(listOrder(p.b))
}

func namesMatch(p namePair) bool {
	return Match(listOrder(p.a), listOrder(p.b))
}

// suiteScore is how a matcher fares on the OFAC suite.
type suiteScore struct {
	total, matched map[string]int // same-person pairs by category
	tp, fp, diff   int            // spelling variants matched; different-person pairs matched, in all
	missed, falses []namePair
}

func (s suiteScore) recall() float64 {
	return float64(s.tp) / float64(s.total["spelling_variant"])
}

func (s suiteScore) precision() float64 {
	if s.tp+s.fp == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fp)
}

// scoreSuite runs match over the same-person and different-person pairs.
func scoreSuite(same, diff []namePair, match func(namePair) bool) suiteScore {
	s := suiteScore{total: map[string]int{}, matched: map[string]int{}, diff: len(diff)}
	for _, p := range same {
		s.total[p.category]++
		if match(p) {
			s.matched[p.category]++
		} else if p.category == "spelling_variant" {
			s.missed = append(s.missed, p)
		}
	}
	s.tp = s.matched["spelling_variant"]
	for _, p := range diff {
		if match(p) {
			s.fp++
			s.falses = append(s.falses, p)
		}
	}
	return s
}

// logScore logs the figures of s, and with -names.dump some missed and
// false pairs.
func logScore(t *testing.T, name string, s suiteScore) {
	t.Helper()
	t.Logf("%s: spelling_variant recall %.4f (%d/%d)", name, s.recall(), s.tp, s.total["spelling_variant"])
	t.Logf("%s: precision %.4f (TP %d, FP %d)", name, s.precision(), s.tp, s.fp)
	t.Logf("%s: different_person false-match rate %.4f (%d/%d)", name, float64(s.fp)/float64(s.diff), s.fp, s.diff)
	cats := make([]string, 0, len(s.total))
	for c := range s.total {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		t.Logf("%s: same_person %-30s recall %.4f (%d/%d)", name, c, float64(s.matched[c])/float64(s.total[c]), s.matched[c], s.total[c])
	}
	for i := 0; i < *dumpMisses && i < len(s.missed); i++ {
		p := s.missed[i]
		t.Logf("%s missed: %q %q -> %q %q", name, p.a, p.b, Key(listOrder(p.a)), Key(listOrder(p.b)))
	}
	for i := 0; i < *dumpMisses && i < len(s.falses); i++ {
		p := s.falses[i]
		t.Logf("%s false:  %q %q -> %q %q", name, p.a, p.b, Key(listOrder(p.a)), Key(listOrder(p.b)))
	}
}

// TestOFACNameKeys measures the name key and Match on OFAC SDN name pairs:
// recall on spelling variants of one person, precision against pairs of
// different people with the same or a similar surname. With the key, a
// pair matches when the full keys of both names, in running order, are
// equal; with Match, when Match says so.
//
// The key's recall floor sits just under the measured 0.76. The suite's
// spelling variants are pairs with a token similarity of at least 0.88,
// which includes typos ("Podobed", "Pobobed"), added or lost syllables
// ("Ghodrat", "Ghodratollah") and different names ("Rahim", "Rahman"); a
// Soundex-style key that merges all labials, all dentals and all velars
// and sibilants reaches only 0.81, at the price of giving Putin and Biden
// one key.
//
// Match must reach the product's recall of 0.85 at a precision of 0.95. It
// measures 0.857 at 0.990: most of what it still misses are short names,
// whose keys must be equal (Loera, Loesa; Bong, Pong), names that are
// derived from or different from each other (Rahim, Rahman; Domingo,
// Dominguez; Valeryevich, Vasilyevich) and pairs with a different number
// of parts. Most of its false matches are different people with the same
// written name.
func TestOFACNameKeys(t *testing.T) {
	const (
		wantKeyRecall      = 0.75
		wantMatchRecall    = 0.85
		wantPrecision      = 0.95
		spellingVariant    = "spelling_variant"
		minSpellingVariant = 1000
	)
	dir := evalDir(t)
	same := readPairs(t, filepath.Join(dir, "names", "same_person.tsv"), "category")
	diff := readPairs(t, filepath.Join(dir, "names", "different_person.tsv"), "kind")

	key := scoreSuite(same, diff, keysMatch)
	if key.total[spellingVariant] < minSpellingVariant || len(diff) == 0 {
		t.Fatalf("suite has %d spelling variants and %d different-person pairs", key.total[spellingVariant], len(diff))
	}
	logScore(t, "Key", key)
	match := scoreSuite(same, diff, namesMatch)
	logScore(t, "Match", match)

	if got := key.recall(); got < wantKeyRecall {
		t.Errorf("Key: spelling_variant recall = %.4f, want >= %.2f", got, wantKeyRecall)
	}
	if got := key.precision(); got < wantPrecision {
		t.Errorf("Key: precision = %.4f, want >= %.2f", got, wantPrecision)
	}
	if got := match.recall(); got < wantMatchRecall {
		t.Errorf("Match: spelling_variant recall = %.4f, want >= %.2f", got, wantMatchRecall)
	}
	if got := match.precision(); got < wantPrecision {
		t.Errorf("Match: precision = %.4f, want >= %.2f", got, wantPrecision)
	}
}
