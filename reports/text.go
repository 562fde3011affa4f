package reports

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/crosscheck/crosscheck/compare"
)

const (
	defaultWidth = 100
	minWidth     = 40
	// minColumn is the least width of one source's column; below it the
	// sources are stacked.
	minColumn = 30
	indent    = "  "
	columnGap = " | "
)

// ANSI escapes used when Options.Color is set.
const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
	ansiMark  = "\x1b[1;4;33m" // bold, underlined, yellow
	ansiRed   = "\x1b[1;31m"
	ansiYel   = "\x1b[1;33m"
	ansiCyan  = "\x1b[1;36m"
	ansiGreen = "\x1b[32m"
)

// Plain-text marks around a differing span when there is no colour.
const (
	markOpen  = '«'
	markClose = '»'
)

type textWriter struct {
	w     *bufio.Writer
	opt   Options
	width int
}

func (t *textWriter) style(code, s string) string {
	if !t.opt.Color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func (t *textWriter) line(parts ...string) {
	for _, p := range parts {
		t.w.WriteString(p)
	}
	t.w.WriteByte('\n')
}

// writeText renders the report for a person at a terminal.
func writeText(w io.Writer, r Report, opt Options) error {
	width := opt.Width
	if width <= 0 {
		width = defaultWidth
	}
	width = max(width, minWidth)
	t := &textWriter{w: bufio.NewWriter(w), opt: opt, width: width}
	t.header(r)
	// Stories are written on every core, a batch at a time, each into a
	// buffer of its own; the buffers are written in order.
	gs := groups(r)
	bufs := make([]bytes.Buffer, min(len(gs), storyBatch))
	for lo := 0; lo < len(gs); lo += storyBatch {
		batch := gs[lo:min(lo+storyBatch, len(gs))]
		var next atomic.Int64
		var wg sync.WaitGroup
		for range min(runtime.GOMAXPROCS(0), len(batch)) {
			wg.Go(func() {
				for {
					i := int(next.Add(1) - 1)
					if i >= len(batch) {
						return
					}
					bufs[i].Reset()
					st := &textWriter{w: bufio.NewWriter(&bufs[i]), opt: opt, width: width}
					st.story(batch[i])
					st.w.Flush()
				}
			})
		}
		wg.Wait()
		for i := range batch {
			t.w.Write(bufs[i].Bytes())
		}
	}
	t.stale(r.Stale)
	return t.w.Flush()
}

// storyBatch is how many stories writeText writes at a time.
const storyBatch = 256

func (t *textWriter) header(r Report) {
	c := countOf(r)
	what := fmt.Sprintf("%d %s", c.Total, plural(c.Total, "discrepancy", "discrepancies"))
	if c.Total == 0 {
		what = "no discrepancies"
	}
	where := fmt.Sprintf(" in %d %s, %d %s",
		len(r.Articles), plural(len(r.Articles), "article", "articles"),
		len(r.Stories), plural(len(r.Stories), "story", "stories"))
	if displayWidth("crosscheck: "+what+where) <= t.width {
		t.line(t.style(ansiBold, "crosscheck: "+what), where)
	} else {
		t.wrapped("", "crosscheck: "+what+where)
	}
	if c.Total == 0 {
		return
	}
	var sev, st []string
	for _, s := range severities {
		sev = append(sev, fmt.Sprintf("%d %s", c.BySeverity[s], t.severityLabel(s, s.String())))
	}
	for _, s := range statuses {
		st = append(st, fmt.Sprintf("%d %s", c.ByStatus[s], s))
	}
	t.line(indent, "severity  ", strings.Join(sev, ", "))
	t.line(indent, "status    ", strings.Join(st, ", "))
	t.line(indent, "failing   ", fmt.Sprintf("%d unresolved at or above %s", c.Failing, r.FailOn))
}

func (t *textWriter) severityLabel(s compare.Severity, text string) string {
	switch s {
	case compare.Error:
		return t.style(ansiRed, text)
	case compare.Warning:
		return t.style(ansiYel, text)
	}
	return t.style(ansiCyan, text)
}

func (t *textWriter) story(g storyGroup) {
	t.line()
	t.line(t.style(ansiBold, "== Story: "+clean(storyLabel(g.Story))), fmt.Sprintf(" — %d %s",
		g.Count, plural(g.Count, "discrepancy", "discrepancies")))
	if len(g.Story.Articles) > 0 {
		t.wrapped(indent+"articles: ", strings.Join(g.Story.Articles, ", "))
	}
	for _, k := range g.Kinds {
		t.line()
		t.line(t.style(ansiBold, fmt.Sprintf("-- %s (%d)", kindTitle(k.Kind), len(k.Discrepancies))))
		for _, d := range k.Discrepancies {
			t.line()
			t.discrepancy(d)
		}
	}
}

func (t *textWriter) discrepancy(d compare.Discrepancy) {
	status := d.Status.String()
	if d.Status != compare.Unresolved {
		status = t.style(ansiGreen, status)
	}
	sev := strings.ToUpper(d.Severity.String())
	id := clean(d.ID)
	rest := d.Kind.String() + "  " + d.Status.String() + "  confidence " + percent(d.Confidence)
	if displayWidth(indent+sev+"  "+id+"  "+rest) <= t.width {
		t.line(indent, t.severityLabel(d.Severity, sev), "  ", t.style(ansiBold, id), "  ",
			d.Kind.String(), "  ", status, "  confidence ", percent(d.Confidence))
	} else {
		t.line(indent, t.severityLabel(d.Severity, sev), "  ", t.style(ansiBold, id))
		t.line(indent, d.Kind.String(), "  ", status, "  confidence ", percent(d.Confidence))
	}
	if d.Summary != "" {
		t.wrapped(indent, oneLine(d.Summary))
	}
	if d.Update {
		t.wrapped(indent, "update: a later article revises an earlier figure")
	}
	if d.Canonical != "" || len(d.Spellings) > 0 {
		var sp []string
		for _, s := range d.Spellings {
			sp = append(sp, fmt.Sprintf("%s ×%d", s.Text, s.Total))
		}
		line := ""
		if d.Canonical != "" {
			line = "canonical: " + d.Canonical
		}
		if len(sp) > 0 {
			if line != "" {
				line += "; "
			}
			line += "spellings: " + strings.Join(sp, ", ")
		}
		t.wrapped(indent, line)
	}
	t.evidence(d.Evidence)
	if res := d.Resolution; res != nil {
		t.wrapped(indent, resolutionLine(*res))
	}
	if d.Status == compare.Unresolved {
		hint := clean(t.opt.resolveHint(d.ID))
		if displayWidth(indent+"resolve: "+hint) <= t.width {
			t.line(indent, t.style(ansiDim, "resolve: "+hint))
		} else {
			// a command is not wrapped, so it can be copied whole
			t.line(indent, t.style(ansiDim, "resolve:"))
			t.line(indent, t.style(ansiDim, hint))
		}
	}
}

// resolutionLine says who decided what, leaving out what is unknown.
func resolutionLine(r compare.Resolution) string {
	var b strings.Builder
	b.WriteString(r.Status.String())
	if r.By != "" {
		b.WriteString(" by " + r.By)
	}
	if r.Date != "" {
		b.WriteString(" on " + r.Date)
	}
	if r.Value != "" {
		b.WriteString("; right value: " + oneLine(r.Value))
	}
	if r.Note != "" {
		b.WriteString("; note: " + oneLine(r.Note))
	}
	return b.String()
}

// evidence lays the sources out two to a row when the width allows, each
// stacked under the other otherwise.
func (t *textWriter) evidence(es []compare.Evidence) {
	avail := t.width - len(indent)
	colW := (avail - len(columnGap)) / 2
	perRow := 2
	if colW < minColumn {
		perRow = 1
	}
	for i := 0; i < len(es); i += perRow {
		if i > 0 {
			t.line()
		}
		if perRow == 1 || i+1 == len(es) {
			for _, l := range t.evidenceCell(es[i], avail) {
				t.line(indent, l)
			}
			continue
		}
		left := t.evidenceCell(es[i], colW)
		right := t.evidenceCell(es[i+1], colW)
		for j := range max(len(left), len(right)) {
			var l, r string
			if j < len(left) {
				l = left[j]
			}
			if j < len(right) {
				r = right[j]
			}
			pad := strings.Repeat(" ", max(colW-displayWidth(stripANSI(l)), 0))
			if r == "" {
				t.line(indent, l, pad, strings.TrimRight(columnGap, " "))
				continue
			}
			t.line(indent, l, pad, columnGap, r)
		}
	}
}

// evidenceCell renders one source in lines of at most width columns: where
// it is, its sentence with the span marked, and the span's value.
func (t *textWriter) evidenceCell(e compare.Evidence, width int) []string {
	out := []string{t.style(ansiDim, truncate(strings.Map(printable, location(e)), width))}
	out = append(out, t.wrapPieces(splitEvidence(e), width)...)
	if spanOutside(e) {
		out = append(out, t.wrapPieces([]piece{{Text: "span: "}, {Text: oneLine(e.Text), Mark: true}}, width)...)
	}
	if e.Value != "" {
		out = append(out, wrapPlain("value: "+oneLine(e.Value), width)...)
	}
	return out
}

// cell is one rune of wrapped text; mark is set inside a differing span.
type cell struct {
	r    rune
	mark bool
}

// wrapPieces word-wraps pieces to width columns, marking the differing
// spans with ANSI when colour is on and with «» otherwise.
func (t *textWriter) wrapPieces(ps []piece, width int) []string {
	n := 0
	for _, p := range ps {
		n += len(p.Text) + 2
	}
	cells := make([]cell, 0, n)
	for _, p := range ps {
		if p.Mark && !t.opt.Color {
			cells = append(cells, cell{r: markOpen})
		}
		for _, r := range p.Text {
			cells = append(cells, cell{r: printable(r), mark: p.Mark && t.opt.Color})
		}
		if p.Mark && !t.opt.Color {
			cells = append(cells, cell{r: markClose})
		}
	}
	return renderLines(wrapCells(cells, width))
}

// renderLines renders each line of cells.
func renderLines(lines [][]cell) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = renderCells(l)
	}
	return out
}

// wrapCells breaks cells into lines of at most width columns at spaces,
// cutting a word longer than a line. The lines share one backing array.
func wrapCells(cells []cell, width int) [][]cell {
	var lines [][]cell
	buf := make([]cell, 0, len(cells))
	start, curW := 0, 0 // the current line is buf[start:]
	flush := func() {
		lines = append(lines, buf[start:len(buf):len(buf)])
		start, curW = len(buf), 0
	}
	for i := 0; i < len(cells); {
		if cells[i].r == ' ' {
			i++
			continue
		}
		j := i
		w := 0
		for j < len(cells) && cells[j].r != ' ' {
			w += runeWidth(cells[j].r)
			j++
		}
		word := cells[i:j]
		i = j
		sep := 0
		if len(buf) > start {
			sep = 1
		}
		if curW+sep+w <= width {
			if sep == 1 {
				// the space takes the mark of the letter before it, so a
				// marked phrase stays marked across its spaces
				buf = append(buf, cell{r: ' ', mark: buf[len(buf)-1].mark && word[0].mark})
			}
			buf = append(buf, word...)
			curW += sep + w
			continue
		}
		if len(buf) > start {
			flush()
		}
		for len(word) > 0 {
			n, ww := 0, 0
			for n < len(word) && ww+runeWidth(word[n].r) <= width {
				ww += runeWidth(word[n].r)
				n++
			}
			if n == 0 {
				n, ww = 1, runeWidth(word[0].r)
			}
			buf, curW = append(buf, word[:n]...), ww
			word = word[n:]
			if len(word) > 0 {
				flush()
			}
		}
	}
	if len(buf) > start || len(lines) == 0 {
		flush()
	}
	return lines
}

func renderCells(cs []cell) string {
	var b strings.Builder
	b.Grow(len(cs) + 8)
	on := false
	for _, c := range cs {
		if c.mark != on {
			if c.mark {
				b.WriteString(ansiMark)
			} else {
				b.WriteString(ansiReset)
			}
			on = c.mark
		}
		b.WriteRune(c.r)
	}
	if on {
		b.WriteString(ansiReset)
	}
	return b.String()
}

// wrapped writes s word-wrapped to the width, the first line after prefix
// and the others indented to match it.
func (t *textWriter) wrapped(prefix, s string) {
	pw := displayWidth(prefix)
	lines := wrapPlain(s, max(t.width-pw, 10))
	for i, l := range lines {
		if i == 0 {
			t.line(prefix, l)
		} else {
			t.line(strings.Repeat(" ", pw), l)
		}
	}
}

func wrapPlain(s string, width int) []string {
	if fitsAsIs(s, width) {
		return []string{s}
	}
	cells := make([]cell, 0, len(s))
	for _, r := range s {
		cells = append(cells, cell{r: printable(r)})
	}
	return renderLines(wrapCells(cells, width))
}

// fitsAsIs reports whether wrapping s to width would give s itself: one
// line, no character to replace, and no space to drop (leading, trailing or
// doubled).
func fitsAsIs(s string, width int) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	w := 0
	space := false
	for _, r := range s {
		if r == ' ' {
			if space {
				return false
			}
			space = true
		} else {
			space = false
		}
		if printable(r) != r {
			return false
		}
		if w += runeWidth(r); w > width {
			return false
		}
	}
	return true
}

func (t *textWriter) stale(ss []StaleResolution) {
	if len(ss) == 0 {
		return
	}
	t.line()
	t.line(t.style(ansiBold, fmt.Sprintf("== Stale resolutions (%d)", len(ss))))
	t.wrapped(indent, "These resolutions match no discrepancy: the discrepancy is gone or its content changed. Remove them or resolve the new discrepancy.")
	for _, s := range ss {
		t.wrapped(indent+s.ID+"  ", resolutionLine(s.Resolution))
	}
}

// truncate cuts s to width columns, ending it with "…" when cut.
func truncate(s string, width int) string {
	if displayWidth(s) <= width {
		return s
	}
	var b strings.Builder
	w := 0
	for _, r := range s {
		rw := runeWidth(r)
		if w+rw > width-1 {
			break
		}
		b.WriteRune(r)
		w += rw
	}
	b.WriteRune('…')
	return b.String()
}

// runeWidth is the number of terminal columns r takes: none for combining
// marks and format characters, two for East Asian wide characters, one
// otherwise.
func runeWidth(r rune) int {
	if r < 0x300 { // Latin, before the first combining mark
		return 1
	}
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	case unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana),
		r >= 0xFF01 && r <= 0xFF60, r >= 0x3000 && r <= 0x303F:
		return 2
	}
	return 1
}

func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

// stripANSI removes the escape sequences this package writes.
func stripANSI(s string) string {
	if !strings.Contains(s, "\x1b[") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] == ';' || (s[j] >= '0' && s[j] <= '9')) {
				j++
			}
			i = j // skip the final letter
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// printable replaces control characters, which could move the cursor or
// change colours, by U+FFFD; tabs and line breaks become spaces.
func printable(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return ' '
	case unicode.IsControl(r):
		return '\uFFFD'
	}
	return r
}

func clean(s string) string { return strings.Map(printable, s) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
