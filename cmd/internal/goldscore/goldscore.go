// Package goldscore scores a crosscheck.report/v1 JSON report against a gold
// file in the form of the evaluation's score.py, with the same rules, in
// time that grows with the size of the report rather than its square, so
// that generated corpora of a hundred thousand articles can be scored.
//
// A positive is found when one discrepancy of an allowed kind has, for
// every "requires" group, an evidence entry matching one alternative of
// that group. A negative is violated when one discrepancy (of the negative's
// kinds; by default every kind but name-variant) has evidence matching both
// sides. A name-variant discrepancy must not merge two identity groups, and
// the forbidden kinds must not pair articles of different stories.
package goldscore

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Alt is one alternative of a gold group: a sentence part in an article.
type Alt struct {
	Article  string `json:"article"`
	Contains string `json:"contains"`
}

// Item is a positive, bonus or negative of a gold file.
type Item struct {
	ID       string   `json:"id"`
	What     string   `json:"what"`
	Kinds    []string `json:"kinds"`
	Requires [][]Alt  `json:"requires"`
	Between  [][]Alt  `json:"between"`
}

// Gold is a gold file.
type Gold struct {
	Stories         map[string][]string `json:"stories"`
	CrossStoryKinds []string            `json:"cross_story_forbidden_kinds"`
	Positives       []Item              `json:"positives"`
	Bonus           []Item              `json:"bonus"`
	Negatives       []Item              `json:"negatives"`
	Identities      struct {
		Groups [][]string `json:"groups"`
	} `json:"identities"`
}

// Evidence is the part of a report's evidence that scoring reads.
type Evidence struct {
	Article  string `json:"article"`
	Sentence string `json:"sentence"`
	Text     string `json:"text"`
}

// Discrepancy is the part of a report's discrepancy that scoring reads.
type Discrepancy struct {
	ID       string     `json:"id"`
	Kind     string     `json:"kind"`
	Severity string     `json:"severity"`
	Evidence []Evidence `json:"evidence"`
}

// Report is the part of a report that scoring reads.
type Report struct {
	Discrepancies []Discrepancy `json:"discrepancies"`
}

// Score is what scoring a report finds.
type Score struct {
	Positives, Found  int
	Bonus, BonusFound int
	Negatives         int
	Violated          int // negatives violated
	Identity, Cross   int // identity and cross-story violations
	Loud, Total       int
	Missed            []string // ids of positives not found
	Violations        []string // one line per violation, as score.py prints it
}

// AllViolations counts all violations, as score.py's summary does.
func (s Score) AllViolations() int { return s.Violated + s.Identity + s.Cross }

// Recall is the share of positives found, 1 when there are none.
func (s Score) Recall() float64 {
	if s.Positives == 0 {
		return 1
	}
	return float64(s.Found) / float64(s.Positives)
}

// Precision is the share of judged findings that are right: positives
// found over positives found plus violations (a negative flagged, an
// identity merged, two stories paired). 1 when nothing was judged.
func (s Score) Precision() float64 {
	n := s.Found + s.AllViolations()
	if n == 0 {
		return 1
	}
	return float64(s.Found) / float64(n)
}

// String is score.py's summary line.
func (s Score) String() string {
	return fmt.Sprintf("positives %d/%d, bonus %d/%d, violations %d, discrepancies %d (%d error or warning)",
		s.Found, s.Positives, s.BonusFound, s.Bonus, s.AllViolations(), s.Total, s.Loud)
}

var foldQuotes = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`, "\u2013", "-", "\u2014", "-", "\u00a0", " ")

// fold is score.py's fold: typographic quotes and dashes made plain,
// runs of white space made one space.
func fold(s string) string { return strings.Join(strings.Fields(foldQuotes.Replace(s)), " ") }

func articleOf(a string) string {
	if i := strings.LastIndexByte(a, '/'); i >= 0 {
		a = a[i+1:]
	}
	return strings.TrimSuffix(a, ".txt")
}

// scorer holds a report indexed for scoring.
type scorer struct {
	ds []Discrepancy
	// evs are the folded evidence of each discrepancy.
	evs [][]folded
	// arts are the report's article names, sorted, and byArticle the
	// discrepancies with evidence in each.
	arts      []string
	byArticle map[string][]int
}

type folded struct {
	article, sentence, text string
}

func newScorer(r Report) *scorer {
	s := &scorer{ds: r.Discrepancies, evs: make([][]folded, len(r.Discrepancies)), byArticle: map[string][]int{}}
	for i, d := range r.Discrepancies {
		for _, ev := range d.Evidence {
			a := articleOf(ev.Article)
			s.evs[i] = append(s.evs[i], folded{a, fold(ev.Sentence), fold(ev.Text)})
			if l := s.byArticle[a]; len(l) == 0 || l[len(l)-1] != i {
				s.byArticle[a] = append(l, i)
			}
		}
	}
	for a := range s.byArticle {
		s.arts = append(s.arts, a)
	}
	sort.Strings(s.arts)
	return s
}

// near returns the discrepancies with evidence in an article a group's
// alternatives name (the article itself, or one whose name starts with it),
// ascending.
func (s *scorer) near(group []Alt) []int {
	var out []int
	for _, alt := range group {
		for k := sort.SearchStrings(s.arts, alt.Article); k < len(s.arts) && strings.HasPrefix(s.arts[k], alt.Article); k++ {
			out = append(out, s.byArticle[s.arts[k]]...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func (s *scorer) groupHit(i int, group []Alt) bool {
	for _, ev := range s.evs[i] {
		for _, alt := range group {
			if ev.article != alt.Article && !strings.HasPrefix(ev.article, alt.Article) {
				continue
			}
			n := fold(alt.Contains)
			if strings.Contains(ev.sentence, n) || strings.Contains(ev.text, n) {
				return true
			}
		}
	}
	return false
}

func (s *scorer) found(p Item) bool {
	if len(p.Requires) == 0 {
		for i := range s.ds {
			if slices.Contains(p.Kinds, s.ds[i].Kind) {
				return true
			}
		}
		return false
	}
	for _, i := range s.near(p.Requires[0]) {
		if !slices.Contains(p.Kinds, s.ds[i].Kind) {
			continue
		}
		all := true
		for _, g := range p.Requires {
			if !s.groupHit(i, g) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// Compute scores r against g.
func Compute(g Gold, r Report) Score {
	s := newScorer(r)
	var sc Score
	sc.Total = len(r.Discrepancies)
	sc.Positives, sc.Bonus, sc.Negatives = len(g.Positives), len(g.Bonus), len(g.Negatives)
	for _, p := range g.Positives {
		if s.found(p) {
			sc.Found++
		} else {
			sc.Missed = append(sc.Missed, p.ID)
		}
	}
	for _, p := range g.Bonus {
		if s.found(p) {
			sc.BonusFound++
		}
	}
	for _, n := range g.Negatives {
		if len(n.Between) < 2 {
			continue
		}
		var bad []string
		for _, i := range s.near(n.Between[0]) {
			d := s.ds[i]
			applies := d.Kind != "name-variant"
			if len(n.Kinds) > 0 {
				applies = slices.Contains(n.Kinds, d.Kind)
			}
			if applies && s.groupHit(i, n.Between[0]) && s.groupHit(i, n.Between[1]) {
				bad = append(bad, d.ID)
			}
		}
		if len(bad) > 0 {
			sc.Violated++
			sc.Violations = append(sc.Violations, fmt.Sprintf("VIOLATED negative %s by %v", n.ID, bad))
		}
	}
	ids := newIdentities(g.Identities.Groups)
	for i, d := range r.Discrepancies {
		if d.Kind != "name-variant" {
			continue
		}
		hit := map[int]bool{}
		for _, ev := range s.evs[i] {
			ids.find(ev.text, hit)
		}
		if len(hit) > 1 {
			sc.Identity++
			var names []string
			for _, k := range sortedInts(hit) {
				names = append(names, g.Identities.Groups[k][0])
			}
			sc.Violations = append(sc.Violations, fmt.Sprintf("VIOLATED identity: %s merges %v", d.ID, names))
		}
	}
	storyOf := map[string]string{}
	for st, arts := range g.Stories {
		for _, a := range arts {
			storyOf[a] = st
		}
	}
	for i, d := range r.Discrepancies {
		if !slices.Contains(g.CrossStoryKinds, d.Kind) {
			continue
		}
		stories := map[string]bool{}
		for _, ev := range s.evs[i] {
			if st, ok := storyOf[ev.article]; ok {
				stories[st] = true
			}
		}
		if len(stories) > 1 {
			sc.Cross++
			sc.Violations = append(sc.Violations, fmt.Sprintf("VIOLATED cross-story: %s (%s) pairs %v", d.ID, d.Kind, sortedStrings(stories)))
		}
	}
	for _, d := range r.Discrepancies {
		if d.Severity == "error" || d.Severity == "warning" {
			sc.Loud++
		}
	}
	return sc
}

// identities finds which identity groups a text names, as score.py does
// with a \b-bounded search for each form: forms that are one word are
// looked up by the text's words, others searched for.
type identities struct {
	words map[string][]int
	other []struct {
		re    *regexp.Regexp
		group int
	}
}

func newIdentities(groups [][]string) *identities {
	x := &identities{words: map[string][]int{}}
	for i, g := range groups {
		for _, form := range g {
			if form != "" && strings.IndexFunc(form, func(r rune) bool { return !isWord(r) }) < 0 {
				x.words[form] = append(x.words[form], i)
				continue
			}
			x.other = append(x.other, struct {
				re    *regexp.Regexp
				group int
			}{regexp.MustCompile(`\b` + regexp.QuoteMeta(form) + `\b`), i})
		}
	}
	return x
}

// isWord is what \b sees as a word character in Python's Unicode regexps.
func isWord(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

func (x *identities) find(text string, hit map[int]bool) {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !isWord(r) }) {
		for _, g := range x.words[w] {
			hit[g] = true
		}
	}
	for _, o := range x.other {
		if !hit[o.group] && o.re.MatchString(text) {
			hit[o.group] = true
		}
	}
}

func sortedInts(m map[int]bool) []int {
	var out []int
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

func sortedStrings(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// ReadGold reads a gold file.
func ReadGold(path string) (Gold, error) {
	var g Gold
	return g, readJSON(path, &g)
}

// ReadReport reads a report, "-" from standard input.
func ReadReport(path string) (Report, error) {
	var r Report
	return r, readJSON(path, &r)
}

func readJSON(path string, v any) error {
	f := os.Stdin
	if path != "-" {
		var err error
		if f, err = os.Open(path); err != nil {
			return err
		}
		defer f.Close()
	}
	if err := json.NewDecoder(f).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
