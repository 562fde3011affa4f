package main

import (
	"bytes"
	"encoding/json"
	"index/suffixarray"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	namekeys "github.com/crosscheck/crosscheck/claims/names"
)

// generate runs gencorpus with args into a new folder and returns it.
func generate(t testing.TB, args ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	var stderr bytes.Buffer
	if code := run(append(args, "-out", dir), &stderr); code != exitOK {
		t.Fatalf("run %v: exit %d, stderr:\n%s", args, code, stderr.String())
	}
	return dir
}

// readTree returns every file of dir by name.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

func names(tree map[string][]byte) []string {
	var out []string
	for n := range tree {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

func TestSameFlagsGiveIdenticalFiles(t *testing.T) {
	args := []string{"-n", "80", "-stories", "10", "-seed", "5"}
	a := readTree(t, generate(t, args...))
	// Fewer workers schedule the stories differently; the bytes must not change.
	procs := runtime.GOMAXPROCS(1)
	b := readTree(t, generate(t, args...))
	runtime.GOMAXPROCS(procs)

	if diff := cmp.Diff(names(b), names(a)); diff != "" {
		t.Fatalf("file names differ (-second +first):\n%s", diff)
	}
	if len(a) != 82 {
		t.Errorf("got %d files, want 80 articles, articles.yaml and gold.json", len(a))
	}
	for _, n := range names(a) {
		if !bytes.Equal(a[n], b[n]) {
			t.Errorf("%s differs between two runs with the same flags", n)
		}
	}

	c := readTree(t, generate(t, "-n", "80", "-stories", "10", "-seed", "6"))
	if bytes.Equal(a["gold.json"], c["gold.json"]) {
		t.Error("gold.json is the same for seeds 5 and 6")
	}
	same := 0
	for n, text := range a {
		if strings.HasSuffix(n, ".txt") && bytes.Equal(text, c[n]) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d articles are identical for seeds 5 and 6", same)
	}
}

// goldFile is gold.json as score.py reads it.
type goldFile struct {
	About      string              `json:"about"`
	Stories    map[string][]string `json:"stories"`
	Forbidden  []string            `json:"cross_story_forbidden_kinds"`
	Positives  []goldEntry         `json:"positives"`
	Negatives  []goldEntry         `json:"negatives"`
	Bonus      []goldEntry         `json:"bonus"`
	Identities struct {
		About  string     `json:"about"`
		Groups [][]string `json:"groups"`
	} `json:"identities"`
}

type goldEntry struct {
	ID       string   `json:"id"`
	What     string   `json:"what"`
	Kinds    []string `json:"kinds"`
	Requires [][]alt  `json:"requires"`
	Between  [][]alt  `json:"between"`
}

func readGold(t *testing.T, dir string) goldFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g goldFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		t.Fatalf("gold.json: %v", err)
	}
	return g
}

func TestGoldMatchesArticles(t *testing.T) {
	dir := generate(t, "-n", "240", "-stories", "30", "-seed", "3", "-rate", "0.5", "-neg-rate", "0.4")
	g := readGold(t, dir)
	tree := readTree(t, dir)

	if diff := cmp.Diff(g.Forbidden, []string{"date", "number", "framing", "modality"}); diff != "" {
		t.Errorf("cross_story_forbidden_kinds (-got +want):\n%s", diff)
	}
	if len(g.Bonus) != 0 {
		t.Errorf("got %d bonus entries, want none", len(g.Bonus))
	}

	// Every article belongs to one story, exists, and has the right shape.
	storyOf := map[string]string{}
	for s, arts := range g.Stories {
		if len(arts) < 2 {
			t.Errorf("story %s has %d articles, want at least 2", s, len(arts))
		}
		for _, a := range arts {
			if prev, dup := storyOf[a]; dup {
				t.Errorf("article %s is in stories %s and %s", a, prev, s)
			}
			storyOf[a] = s
		}
	}
	var files []string
	for n := range tree {
		if id, ok := strings.CutSuffix(n, ".txt"); ok {
			files = append(files, id)
		}
	}
	slices.Sort(files)
	var listed []string
	for a := range storyOf {
		listed = append(listed, a)
	}
	slices.Sort(listed)
	if diff := cmp.Diff(listed, files); diff != "" {
		t.Fatalf("articles in gold stories and article files differ (-gold +files):\n%s", diff)
	}
	for _, a := range files {
		text := string(tree[a+".txt"])
		if w := len(strings.Fields(text)); w < minWords || w > maxWords {
			t.Errorf("%s has %d words, want %d to %d", a, w, minWords, maxWords)
		}
		lines := strings.Split(text, "\n")
		if len(lines) < 4 || lines[0] == "" || lines[1] != "" || !strings.HasSuffix(text, ".\n") {
			t.Errorf("%s is not a headline, a blank line and paragraphs: %q", a, text[:min(len(text), 200)])
		}
		for i, other := range files {
			if i > 0 && strings.HasPrefix(other, a) && other != a {
				t.Errorf("article id %s is a prefix of %s", a, other)
			}
		}
	}

	// Every alternative is found in its article; a planted sentence's
	// string occurs once in its article, on the line given, and in no other
	// story.
	var all []byte
	var starts []int
	for _, a := range files {
		starts = append(starts, len(all))
		all = append(all, tree[a+".txt"]...)
		all = append(all, 0)
	}
	corpus := suffixarray.New(all)
	checked := map[string]bool{}
	checkAlt := func(id string, al alt, name bool) string {
		t.Helper()
		text := string(tree[al.Article+".txt"])
		switch {
		case text == "":
			t.Errorf("%s: article %s does not exist", id, al.Article)
		case al.Contains == "" || strings.Contains(al.Contains, "\n"):
			t.Errorf("%s: bad contains %q", id, al.Contains)
		case name && !wordIn([]byte(text), al.Contains):
			t.Errorf("%s: %s does not name %q", id, al.Article, al.Contains)
		case !name && strings.Count(text, al.Contains) != 1:
			t.Errorf("%s: %q occurs %d times in %s, want once", id, al.Contains, strings.Count(text, al.Contains), al.Article)
		}
		lines := strings.Split(text, "\n")
		if al.Line < 1 || al.Line > len(lines) || !strings.Contains(lines[al.Line-1], al.Contains) {
			t.Errorf("%s: %q is not on line %d of %s", id, al.Contains, al.Line, al.Article)
		}
		if !name && !checked[al.Contains] {
			checked[al.Contains] = true
			for _, off := range corpus.Lookup([]byte(al.Contains), -1) {
				i, _ := slices.BinarySearch(starts, off+1)
				if other := files[i-1]; storyOf[other] != storyOf[al.Article] {
					t.Errorf("%s: %q of story %s also occurs in %s of story %s", id, al.Contains, storyOf[al.Article], other, storyOf[other])
				}
			}
		}
		return storyOf[al.Article]
	}
	checkGroups := func(e goldEntry, groups [][]alt, name bool) {
		t.Helper()
		if len(groups) < 2 {
			t.Errorf("%s has %d groups, want at least 2", e.ID, len(groups))
		}
		stories := map[string]bool{}
		for _, grp := range groups {
			if len(grp) == 0 {
				t.Errorf("%s has an empty group", e.ID)
			}
			for _, al := range grp {
				stories[checkAlt(e.ID, al, name)] = true
			}
		}
		if len(stories) != 1 {
			t.Errorf("%s spans %d stories, want 1", e.ID, len(stories))
		}
	}
	kinds := map[string]int{}
	for _, p := range g.Positives {
		if len(p.Kinds) == 0 {
			t.Errorf("%s has no kinds", p.ID)
		}
		for _, k := range p.Kinds {
			if !slices.Contains(kindNames[:], k) {
				t.Errorf("%s has unknown kind %q", p.ID, k)
			}
		}
		for _, k := range p.Kinds {
			kinds[k]++
		}
		checkGroups(p, p.Requires, p.Kinds[0] == "name-variant")
	}
	for _, k := range kindNames {
		if kinds[k] == 0 {
			t.Errorf("no positive of kind %s", k)
		}
	}
	if len(g.Negatives) == 0 {
		t.Error("no negatives")
	}
	for _, n := range g.Negatives {
		checkGroups(n, n.Between, false)
	}

	// Identity groups: no form in two groups, and every name-variant
	// positive stays within one group.
	group := map[string]int{}
	for i, grp := range g.Identities.Groups {
		for _, f := range grp {
			if j, dup := group[f]; dup {
				t.Errorf("form %q is in identity groups %d and %d", f, j, i)
			}
			group[f] = i
		}
	}
	for _, p := range g.Positives {
		if p.Kinds[0] != "name-variant" {
			continue
		}
		seen := map[int]bool{}
		for _, grp := range p.Requires {
			for _, al := range grp {
				i, ok := group[al.Contains]
				if !ok {
					t.Errorf("%s: %q is in no identity group", p.ID, al.Contains)
				}
				seen[i] = true
			}
		}
		if len(seen) != 1 {
			t.Errorf("%s: spellings fall in %d identity groups, want 1", p.ID, len(seen))
		}
	}

	// articles.yaml describes every article, and a story's articles are
	// published within three days.
	var metas []struct {
		File, Title, Outlet, URL, Published string
	}
	if err := yaml.Unmarshal(tree["articles.yaml"], &metas); err != nil {
		t.Fatalf("articles.yaml: %v", err)
	}
	if len(metas) != len(files) {
		t.Errorf("articles.yaml has %d entries, want %d", len(metas), len(files))
	}
	first, last := map[string]time.Time{}, map[string]time.Time{}
	for _, m := range metas {
		id := strings.TrimSuffix(m.File, ".txt")
		text, ok := tree[m.File]
		if !ok {
			t.Errorf("articles.yaml names missing file %q", m.File)
			continue
		}
		if head, _, _ := strings.Cut(string(text), "\n"); m.Title != head {
			t.Errorf("%s: title %q, want the headline %q", m.File, m.Title, head)
		}
		if m.Outlet == "" || !strings.HasPrefix(m.URL, "https://") {
			t.Errorf("%s: outlet %q, url %q", m.File, m.Outlet, m.URL)
		}
		d, err := time.Parse(time.DateOnly, m.Published)
		if err != nil {
			t.Errorf("%s: published %q: %v", m.File, m.Published, err)
			continue
		}
		s := storyOf[id]
		if f, ok := first[s]; !ok || d.Before(f) {
			first[s] = d
		}
		if l, ok := last[s]; !ok || d.After(l) {
			last[s] = d
		}
	}
	for s, f := range first {
		if span := last[s].Sub(f); span > 48*time.Hour {
			t.Errorf("story %s is published over %v, want at most two days apart", s, span)
		}
	}
}

func TestFlags(t *testing.T) {
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "old.txt"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no -n", []string{"-out", out}, exitUsage, "-n must be at least 2, got 0"},
		{"-n 1", []string{"-n", "1", "-out", out}, exitUsage, "-n must be at least 2, got 1"},
		{"-n not a number", []string{"-n", "many", "-out", out}, exitUsage, `invalid value "many" for flag -n`},
		{"-n too large", []string{"-n", "20000000", "-out", out}, exitUsage, "-n must be at most"},
		{"too many stories", []string{"-n", "10", "-stories", "6", "-out", out}, exitUsage, "-stories must be at most N/2 = 5"},
		{"negative stories", []string{"-n", "10", "-stories", "-1", "-out", out}, exitUsage, "-stories must not be negative"},
		{"negative rate", []string{"-n", "10", "-rate", "-0.5", "-out", out}, exitUsage, "-rate must be between 0 and 2"},
		{"bad neg-rate", []string{"-n", "10", "-neg-rate", "3", "-out", out}, exitUsage, "-neg-rate must be between 0 and 2"},
		{"no -out", []string{"-n", "10"}, exitUsage, "-out is required"},
		{"unknown flag", []string{"-n", "10", "-x", "-out", out}, exitUsage, "flag provided but not defined: -x"},
		{"extra argument", []string{"-n", "10", "-out", out, "more"}, exitUsage, `unexpected argument "more"`},
		{"non-empty output folder", []string{"-n", "10", "-out", full}, exitUsage, "is not empty"},
		{"help", []string{"-h"}, exitOK, "Example:\n  gencorpus -n 10000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			code := run(tt.args, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("stderr:\n%s\nwant it to contain %q", stderr.String(), tt.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was created after a usage error", out)
			}
		})
	}
	if got := names(readTree(t, full)); !slices.Equal(got, []string{"old.txt"}) {
		t.Errorf("non-empty output folder now holds %v, want it untouched", got)
	}
}

func TestSummaryLine(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "c")
	var stderr bytes.Buffer
	if code := run([]string{"-n", "20", "-stories", "4", "-out", dir}, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	got := stderr.String()
	if strings.Count(got, "\n") != 1 {
		t.Errorf("summary is not one line: %q", got)
	}
	for _, want := range []string{"20 articles", "4 stories", " words", " positives (name-variant ", " negatives", " bytes in " + dir} {
		if !strings.Contains(got, want) {
			t.Errorf("summary %q lacks %q", got, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, ".gold-positives.tmp")); err == nil {
		t.Error("temporary gold section left in the output folder")
	}
}

// evalDir finds the shared evaluation data or skips the test.
func evalDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("CROSSCHECK_EVAL")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "eval")
	}
	if _, err := os.Stat(filepath.Join(dir, "score.py")); err != nil {
		t.Skipf("no score.py in %s (set CROSSCHECK_EVAL): %v", dir, err)
	}
	return dir
}

// TestScorePyReadsGold runs the evaluation's scorer on a report made from
// the gold itself: it must find every positive and no violation, and a
// report of every negative must violate each one.
func TestScorePyReadsGold(t *testing.T) {
	eval := evalDir(t)
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	dir := generate(t, "-n", "120", "-stories", "15", "-seed", "11")
	g := readGold(t, dir)

	type evidence struct {
		Article  string `json:"article"`
		Sentence string `json:"sentence"`
		Text     string `json:"text"`
	}
	type disc struct {
		ID       string     `json:"id"`
		Kind     string     `json:"kind"`
		Severity string     `json:"severity"`
		Evidence []evidence `json:"evidence"`
	}
	score := func(ds []disc) (string, int) {
		t.Helper()
		b, err := json.Marshal(map[string]any{"discrepancies": ds})
		if err != nil {
			t.Fatal(err)
		}
		rep := filepath.Join(t.TempDir(), "report.json")
		if err := os.WriteFile(rep, b, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(python, filepath.Join(eval, "score.py"), filepath.Join(dir, "gold.json"), rep)
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		return lines[len(lines)-1], code
	}

	var found []disc
	for _, p := range g.Positives {
		d := disc{ID: p.ID, Kind: p.Kinds[len(p.Kinds)-1], Severity: "warning"}
		if p.Kinds[len(p.Kinds)-1] != "update" {
			d.Kind = p.Kinds[0]
		}
		for _, grp := range p.Requires {
			d.Evidence = append(d.Evidence, evidence{Article: grp[0].Article, Sentence: grp[0].Contains, Text: grp[0].Contains})
		}
		found = append(found, d)
	}
	last, code := score(found)
	want := "positives " + itoa(len(g.Positives)) + "/" + itoa(len(g.Positives)) + ", bonus 0/0, violations 0"
	if code != 0 || !strings.Contains(last, want) {
		t.Errorf("score of the gold's own positives: exit %d, %q; want exit 0 and %q", code, last, want)
	}

	var flagged []disc
	for _, n := range g.Negatives {
		d := disc{ID: n.ID, Kind: "number", Severity: "warning"}
		for _, grp := range n.Between {
			d.Evidence = append(d.Evidence, evidence{Article: grp[0].Article, Sentence: grp[0].Contains})
		}
		flagged = append(flagged, d)
	}
	last, code = score(flagged)
	if want := "violations " + itoa(len(g.Negatives)) + ","; code != 1 || !strings.Contains(last, want) {
		t.Errorf("score of a report flagging every negative: exit %d, %q; want exit 1 and %q", code, last, want)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 1)) }

func TestVariantsOf(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Zhorkin", []string{"Shorkin", "Schorkin", "Jorkin"}},
		{"Rakhmanov", []string{"Rahmanov"}},
		{"Khodar", []string{"Hodar"}},
		{"Gorodetskiy", []string{"Gorodetsky", "Gorodetskyy", "Gorodetzkiy"}},
		{"Aliev", []string{"Aliyev"}},
		{"Vossberg", []string{"Vosberg"}},
		{"Bazhov", []string{"Bajov"}},
		{"Voltrik", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if diff := cmp.Diff(variantsOf(tt.in), tt.want); diff != "" {
				t.Errorf("variantsOf(%q) (-got +want):\n%s", tt.in, diff)
			}
		})
	}
}

func TestPoolNames(t *testing.T) {
	c := planCorpus(config{n: 2000, stories: 250, seed: 9})
	forms := map[string]int{}
	firsts := map[string]int{}
	for i, p := range c.pool.people {
		firsts[p.first]++
		for _, f := range p.forms() {
			if j, dup := forms[f]; dup {
				t.Errorf("%q is a form of people %d and %d", f, j, i)
			}
			forms[f] = i
		}
		for _, v := range p.variants {
			if strings.Contains(v, p.surname) || strings.Contains(p.surname, v) {
				t.Errorf("variant %q and surname %q contain one another", v, p.surname)
			}
		}
	}
	shared := 0
	for _, n := range firsts {
		if n > 1 {
			shared++
		}
	}
	if shared == 0 {
		t.Error("no two people share a first name")
	}
	towns := map[string]bool{}
	for _, s := range c.stories {
		if towns[s.town] {
			t.Errorf("town %s is the town of two stories", s.town)
		}
		towns[s.town] = true
		if _, ok := forms[s.town]; ok {
			t.Errorf("town %s is also a surname", s.town)
		}
	}
	// Two different names never share a name key: a key shared by two
	// surnames, towns, provinces or given names would read as one name
	// spelled two ways.
	owner := map[string]string{}
	own := func(name string, words ...string) {
		for _, w := range words {
			for _, part := range strings.Split(w, "-") {
				if len([]rune(part)) < 4 || part != w && slices.Contains(townShort, part) {
					continue
				}
				k := namekeys.TokenKey(part)
				if o, ok := owner[k]; ok && o != name {
					t.Errorf("%s (of %s) and %s share the name key %q", part, name, o, k)
				}
				owner[k] = name
			}
		}
	}
	for _, f := range firstNames {
		own("given name "+f, f)
	}
	for _, p := range c.pool.people {
		own("surname "+p.surname, p.forms()...)
	}
	for _, s := range c.stories {
		own("town "+s.town, s.town)
		prov := strings.TrimSuffix(s.province, " province")
		own("province "+prov, prov)
	}
}

func TestFormatting(t *testing.T) {
	tests := []struct{ got, want string }{
		{commas(7), "7"},
		{commas(7000), "7,000"},
		{commas(1234567), "1,234,567"},
		{commas(-4500), "-4,500"},
		{ordinal(201), "201st"},
		{ordinal(112), "112th"},
		{ordinal(23), "23rd"},
		{ordinal(12), "12th"},
		{decade(1992), "the early 1990s"},
		{decade(1975), "the mid-1970s"},
		{decade(2008), "the late 2000s"},
		{slug("Rescuers search the rubble in Ostrava-Vel!"), "rescuers-search-the-rubble-in-ostrava-vel"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestQuotesReword(t *testing.T) {
	for _, typ := range eventTypes {
		for _, q := range typ.quotes {
			t.Run(typ.name+"/"+q.q1, func(t *testing.T) {
				if len(altGroups(q.q1)) == 0 {
					t.Fatal("quote has nothing to reword")
				}
				for seed := range uint64(20) {
					rng := newRand(seed)
					c := altChoice(rng, q.q1)
					canon, reworded := expandAlt(q.q1, c), expandAlt(q.q1, rewordChoice(rng, q.q1, c))
					if canon == reworded {
						t.Fatalf("seed %d: reworded quote %q is the same", seed, reworded)
					}
				}
			})
		}
	}
}

func TestTemplates(t *testing.T) {
	var withKey, without []tmpl
	for _, typ := range eventTypes {
		withKey = append(withKey, typ.leads...)
		withKey = append(withKey, typ.framing[:]...)
		for _, n := range typ.nums {
			withKey = append(withKey, n.tmpls...)
			withKey = append(withKey, n.late...)
		}
		for _, c := range typ.claims {
			withKey = append(withKey, c.forms[:]...)
		}
		without = append(without, typ.fillers...)
		without = append(without, typ.headlines...)
		for _, n := range typ.nums {
			plain := 0
			for _, tm := range n.tmpls {
				if !startsWithN(tm) {
					plain++
				}
			}
			if plain == 0 {
				t.Errorf("%s: every template of %s begins with the count", typ.name, n.label)
			}
		}
		if len(typ.nums[0].late) == 0 {
			t.Errorf("%s: the rising count has no update templates", typ.name)
		}
	}
	withKey = append(withKey, priorTmpls...)
	withKey = append(withKey, sinceTmpls...)
	withKey = append(withKey, basesTmpls[:]...)
	withKey = append(withKey, paraphraseTmpl)
	withKey = append(withKey, scopeTmpls[:]...)
	withKey = append(withKey, quoteFrames...)
	without = append(without, personTmpls...)
	without = append(without, genericFillers...)
	without = append(without, fillerClauses...)
	without = append(without, fillerSubjects...)
	for i, tm := range withKey {
		if !tm.hasKey() {
			t.Errorf("fact template %d has no «key»", i)
		}
		// The story's town, or a quote that names it, makes the key
		// unique in the corpus.
		town, in := false, false
		for _, s := range tm {
			switch {
			case s.kind == segKeyOpen:
				in = true
			case s.kind == segKeyClose:
				in = false
			case in && s.kind == segVar && (s.v == vT || s.v == vQ):
				town = true
			}
		}
		if !town {
			t.Errorf("fact template %d has no {T} in its «key»", i)
		}
	}
	for _, typ := range eventTypes {
		for _, q := range typ.quotes {
			if !strings.Contains(q.q1, "{T}") {
				t.Errorf("%s: quote %q does not name the town", typ.name, q.q1)
			}
		}
	}
	for i, tm := range without {
		if tm.hasKey() {
			t.Errorf("background template %d has a «key»", i)
		}
		for _, s := range tm {
			if s.kind == segVar && (s.v == vN || s.v == vW || s.v == vQ) {
				t.Errorf("background template %d states a fact", i)
			}
			if s.kind != segLit {
				continue
			}
			words := " " + strings.ToLower(s.text) + " "
			for _, w := range []string{" could ", " may ", " might ", " reportedly ", " according to ", " yesterday ", " week", " monday", " tuesday", " wednesday", " thursday", " friday", " saturday", " sunday"} {
				if strings.Contains(words, w) {
					t.Errorf("background template %d %q has %q", i, s.text, strings.TrimSpace(w))
				}
			}
			if strings.ContainsAny(s.text, "0123456789") {
				t.Errorf("background template %d %q has a digit", i, s.text)
			}
		}
	}
}

func TestParseTmpl(t *testing.T) {
	tests := []struct {
		in, err string
	}{
		{"In {T} «{N} died».", ""},
		{"In {Town}.", "unknown value {Town}"},
		{"In {T.", "unclosed {"},
		{"«a «b» c»", "nested «"},
		{"a» b", "» without «"},
		{"«a b", "unclosed «"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := parseTmpl(tt.in)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if !strings.Contains(got, tt.err) || (tt.err == "") != (err == nil) {
				t.Errorf("parseTmpl(%q) error %q, want %q", tt.in, got, tt.err)
			}
		})
	}
}

// BenchmarkWrite measures writing a corpus of 400 articles, removal of the
// previous one included; bytes are the corpus's size.
func BenchmarkWrite(b *testing.B) {
	args := []string{"-n", "400", "-stories", "50"}
	var size int64
	entries, err := os.ReadDir(generate(b, args...))
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			size += info.Size()
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		os.RemoveAll(generate(b, args...))
	}
}
