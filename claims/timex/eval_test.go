package timex

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// evalDir locates the shared evaluation data: $CROSSCHECK_EVAL, else
// ../../../shared/eval beside the repository.
func evalDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("CROSSCHECK_EVAL"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "eval")
}

// tbRow is one TimeBank expression: its document, date, gold value and the
// paragraph with the expression's span.
type tbRow struct {
	doc, typ, gold, text string
	dct                  time.Time
	para                 string
	start, end           int
}

func readTimeBank(t *testing.T, path string) []tbRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			t.Skipf("evaluation file %s is absent; set CROSSCHECK_EVAL to the eval directory", path)
		}
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = 12
	var rows []tbRow
	for n := 0; ; n++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if n == 0 {
			continue
		}
		dct, err := time.Parse("2006-01-02", rec[2][:min(10, len(rec[2]))])
		if err != nil {
			t.Fatalf("%s row %d: dct %q: %v", path, n, rec[2], err)
		}
		ctx := rec[11]
		i := strings.Index(ctx, "[[")
		j := strings.Index(ctx, "]]")
		if i < 0 || j < i {
			t.Fatalf("%s row %d: no [[mark]] in context", path, n)
		}
		para := ctx[:i] + ctx[i+2:j] + ctx[j+2:]
		rows = append(rows, tbRow{doc: rec[1], typ: rec[4], gold: rec[5], text: rec[10], dct: dct,
			para: para, start: i, end: j - 2})
	}
	return rows
}

// splitSentences is a plain splitter for the evaluation: it breaks after
// ".", "!" or "?" followed by a space and a capital letter or quote, unless
// the word before is a short abbreviation.
func splitSentences(s string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(s)-2; i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		k := i + 1
		for k < len(s) && (s[k] == '"' || s[k] == '\'') {
			k++
		}
		if k >= len(s) || s[k] != ' ' {
			continue
		}
		n := k + 1
		for n < len(s) && (s[n] == '"' || s[n] == '\'' || s[n] == '`') {
			n++
		}
		if n >= len(s) || !(s[n] >= 'A' && s[n] <= 'Z') {
			continue
		}
		if c == '.' {
			w := i
			for w > 0 && s[w-1] != ' ' {
				w--
			}
			word := strings.TrimLeft(s[w:i], "(\"'`")
			if len(word) <= 4 && word != "" && word[0] >= 'A' && word[0] <= 'Z' || strings.Contains(word, ".") {
				continue // Mr. Sept. Corp. U.S.
			}
		}
		out = append(out, [2]int{start, k})
		start = k + 1
	}
	return append(out, [2]int{start, len(s)})
}

// errorClass groups gold expressions for the report.
func errorClass(text, gold string) string {
	l := strings.ToLower(text)
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(l, w) {
				return true
			}
		}
		return false
	}
	switch {
	case strings.HasSuffix(gold, "_REF"):
		return "ref"
	case has("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"):
		return "weekday"
	case has("yesterday", "today", "tomorrow", "tonight"):
		return "yesterday/today"
	case has("quarter", "period", "year-ago", "year-earlier", "year ago", "year earlier"):
		return "quarter/year-ago"
	case has(" ago", "earlier", "later"):
		return "ago/earlier"
	case has("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."):
		if strings.IndexAny(l, "0123456789") >= 0 || has("eighth") {
			return "month day"
		}
		return "month"
	case has("week", "month", "year", "decade", "century"):
		return "this/last/next unit"
	case has("summer", "spring", "fall", "winter"):
		return "season"
	}
	return "other"
}

type evalResult struct {
	row  tbRow
	got  string
	ok   bool
	sent string
}

// runTimeBank extracts every row's paragraph sentence by sentence and
// returns each row's result: with a Discourse per document (each
// paragraph's sentences in order) when discourse is set, else each sentence
// on its own with the document date and TenseOf(sentence).
func runTimeBank(rows []tbRow, discourse bool) []evalResult {
	type hit struct {
		start, end int
		value      string
	}
	var out []evalResult
	var disc *Discourse
	curDoc := ""
	done := map[string][]hit{}
	sents := map[string][][2]int{}
	for _, r := range rows {
		if r.doc != curDoc {
			curDoc = r.doc
			disc = NewDiscourse(r.dct)
			clear(done)
			clear(sents)
		}
		hits, ok := done[r.para]
		if !ok {
			ss := splitSentences(r.para)
			sents[r.para] = ss
			for _, s := range ss {
				sent := r.para[s[0]:s[1]]
				var times []Time
				if discourse {
					times = disc.Extract(sent)
				} else {
					times = Extract(sent, Context{Published: r.dct, Tense: TenseOf(sent)})
				}
				for _, tm := range times {
					hits = append(hits, hit{s[0] + tm.Start, s[0] + tm.End, tm.Value})
				}
			}
			done[r.para] = hits
		}
		got, best := "", 0
		for _, h := range hits {
			ov := min(h.end, r.end) - max(h.start, r.start)
			if ov > best {
				got, best = h.value, ov
			}
		}
		sent := r.para
		for _, s := range sents[r.para] {
			if r.start >= s[0] && r.start < s[1] {
				sent = r.para[s[0]:s[1]]
			}
		}
		out = append(out, evalResult{row: r, got: got, ok: got == r.gold, sent: sent})
	}
	return out
}

func TestTimeBankRelativeDates(t *testing.T) {
	path := filepath.Join(evalDir(t), "dates", "timebank_relative.tsv")
	rows := readTimeBank(t, path)
	accuracy := func(res []evalResult, typ string) (float64, int, int) {
		n, ok := 0, 0
		for _, r := range res {
			if r.row.typ == typ {
				n++
				if r.ok {
					ok++
				}
			}
		}
		return float64(ok) / float64(max(n, 1)), ok, n
	}
	alone := runTimeBank(rows, false)
	a, ok, n := accuracy(alone, "DATE")
	t.Logf("DATE value accuracy, each sentence alone: %.3f (%d/%d)", a, ok, n)
	res := runTimeBank(rows, true)
	a, ok, n = accuracy(res, "TIME")
	t.Logf("TIME value accuracy (with Discourse; clock times are not extracted): %.3f (%d/%d)", a, ok, n)
	type tally struct{ n, ok int }
	classes := map[string]*tally{}
	var total tally
	var wrong []evalResult
	for _, r := range res {
		if r.row.typ != "DATE" {
			continue
		}
		c := errorClass(r.row.text, r.row.gold)
		if classes[c] == nil {
			classes[c] = &tally{}
		}
		classes[c].n++
		total.n++
		if r.ok {
			classes[c].ok++
			total.ok++
		} else {
			wrong = append(wrong, r)
		}
	}
	acc := float64(total.ok) / float64(total.n)
	t.Logf("DATE value accuracy with a Discourse per document: %.3f (%d/%d)", acc, total.ok, total.n)
	names := make([]string, 0, len(classes))
	for c := range classes {
		names = append(names, c)
	}
	sort.Strings(names)
	for _, c := range names {
		k := classes[c]
		t.Logf("  %-20s %.3f (%d/%d)", c, float64(k.ok)/float64(k.n), k.ok, k.n)
	}
	if testing.Verbose() {
		misses := 0
		for _, w := range wrong {
			if w.got == "" {
				misses++
			}
		}
		t.Logf("errors: %d (%d not found)", len(wrong), misses)
		for i, w := range wrong {
			if i >= 50 {
				break
			}
			s := w.sent
			if len(s) > 160 {
				s = s[:160]
			}
			t.Logf("  %-24q gold %-12s got %-12s dct %s | %s", w.row.text, w.row.gold, w.got, w.row.dct.Format("2006-01-02"), s)
		}
	}
	if acc < 0.80 {
		t.Errorf("value accuracy %.3f, want >= 0.80", acc)
	}
}

// TestClusterDates checks the hand-labelled dates of the multi-outlet
// clusters at day level (a clock time or part of the day in the gold value
// is not compared; "2008-12-26/27" accepts either day).
func TestClusterDates(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(evalDir(t), "clusters", "*", "date-gold.tsv"))
	if len(dirs) == 0 {
		t.Skipf("no clusters/*/date-gold.tsv under %s; set CROSSCHECK_EVAL to the eval directory", evalDir(t))
	}
	n, ok := 0, 0
	for _, path := range dirs {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		first := true
		for sc.Scan() {
			if first {
				first = false
				continue
			}
			rec := strings.Split(sc.Text(), "\t")
			if len(rec) < 5 {
				continue
			}
			doc, dctS, expr, gold := rec[0], rec[1], rec[2], rec[3]
			var line int
			fmt.Sscan(rec[4], &line)
			dct, err := time.Parse("2006-01-02", dctS[:10])
			if err != nil {
				t.Fatalf("%s: dct %q: %v", path, dctS, err)
			}
			body, err := os.ReadFile(filepath.Join(filepath.Dir(path), doc+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(body), "\n")
			if line >= len(lines) {
				t.Errorf("%s: %s has no line %d", path, doc, line)
				continue
			}
			sent := lines[line]
			i := strings.Index(strings.ToLower(sent), strings.ToLower(expr))
			got := ""
			if i >= 0 {
				for _, tm := range Extract(sent, Context{Published: dct}) {
					if tm.Start < i+len(expr) && i < tm.End {
						got = tm.Value
						break
					}
				}
			}
			n++
			if dayMatch(got, gold) {
				ok++
			} else {
				t.Logf("%s: %q: got %q, want %q (dct %s) | %s", doc, expr, got, gold, dctS, sent)
			}
		}
		f.Close()
	}
	t.Logf("cluster dates: %d/%d at day level", ok, n)
	if ok*10 < n*8 {
		t.Errorf("cluster dates %d/%d, want at least 80%%", ok, n)
	}
}

// dayMatch compares a value with a gold label at day level.
func dayMatch(got, gold string) bool {
	if got == "" {
		return false
	}
	g := strings.Fields(gold)[0]
	cut := func(v string) string {
		if i := strings.IndexByte(v, 'T'); i > 0 {
			return v[:i]
		}
		return v
	}
	if i := strings.IndexByte(g, '/'); i > 0 && len(g) >= 10 {
		return cut(got) == g[:i] || cut(got) == g[:8]+g[i+1:]
	}
	return cut(got) == cut(g)
}
