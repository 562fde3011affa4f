package reports

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
)

// writeMarkdown renders the report as a pull-request comment: the counts, a
// table of unresolved discrepancies, then each discrepancy with its sources
// quoted, the differing span in bold, and how to resolve it.
func writeMarkdown(w io.Writer, r Report, opt Options) error {
	b := bufio.NewWriter(w)
	c := countOf(r)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }

	p("## crosscheck report\n\n")
	if c.Total == 0 {
		p("No discrepancies in %d %s, %d %s.\n", len(r.Articles), plural(len(r.Articles), "article", "articles"),
			len(r.Stories), plural(len(r.Stories), "story", "stories"))
		writeMarkdownStale(b, r.Stale)
		return b.Flush()
	}
	p("**%d %s** in %d %s, %d %s.\n\n", c.Total, plural(c.Total, "discrepancy", "discrepancies"),
		len(r.Articles), plural(len(r.Articles), "article", "articles"),
		len(r.Stories), plural(len(r.Stories), "story", "stories"))
	p("| | %s |\n| --- |%s\n", joinCells(severities, func(s compare.Severity) string { return s.String() }),
		strings.Repeat(" ---: |", len(severities)))
	p("| count | %s |\n\n", joinCells(severities, func(s compare.Severity) string { return fmt.Sprint(c.BySeverity[s]) }))
	var st []string
	for _, s := range statuses {
		st = append(st, fmt.Sprintf("%d %s", c.ByStatus[s], s))
	}
	p("Status: %s. **%d failing** (unresolved at or above %s).\n", strings.Join(st, ", "), c.Failing, r.FailOn)

	p("\n### Unresolved\n\n")
	if c.ByStatus[compare.Unresolved] == 0 {
		p("None: every discrepancy is resolved or accepted.\n")
	} else {
		p("| ID | Kind | Severity | Summary |\n| --- | --- | --- | --- |\n")
		var open []compare.Discrepancy
		for _, g := range groups(r) {
			for _, k := range g.Kinds {
				for _, d := range k.Discrepancies {
					if d.Status == compare.Unresolved {
						open = append(open, d)
					}
				}
			}
		}
		slices.SortStableFunc(open, func(a, b compare.Discrepancy) int { return cmp.Compare(b.Severity, a.Severity) })
		for _, d := range open {
			p("| %s | %s | %s | %s |\n", codeSpan(d.ID), d.Kind, d.Severity, mdEscape(d.Summary))
		}
	}

	for _, g := range groups(r) {
		p("\n### Story: %s\n", mdEscape(storyLabel(g.Story)))
		if len(g.Story.Articles) > 0 {
			var as []string
			for _, a := range g.Story.Articles {
				as = append(as, codeSpan(a))
			}
			p("\nArticles: %s\n", strings.Join(as, ", "))
		}
		for _, k := range g.Kinds {
			p("\n#### %s\n", kindTitle(k.Kind))
			for _, d := range k.Discrepancies {
				writeMarkdownDiscrepancy(b, d, opt)
			}
		}
	}
	writeMarkdownStale(b, r.Stale)
	return b.Flush()
}

func writeMarkdownDiscrepancy(b *bufio.Writer, d compare.Discrepancy, opt Options) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("\n##### %s · %s · %s · %s\n\n", codeSpan(d.ID), d.Kind, d.Severity, d.Status)
	if d.Summary != "" {
		p("%s ", mdEscape(d.Summary))
	}
	p("(confidence %s)\n", percent(d.Confidence))
	if d.Update {
		p("\nAn update: a later article revises an earlier figure.\n")
	}
	if d.Canonical != "" || len(d.Spellings) > 0 {
		var parts []string
		if d.Canonical != "" {
			parts = append(parts, "canonical **"+mdEscape(d.Canonical)+"**")
		}
		if len(d.Spellings) > 0 {
			var sp []string
			for _, s := range d.Spellings {
				sp = append(sp, fmt.Sprintf("%s ×%d", mdEscape(s.Text), s.Total))
			}
			parts = append(parts, "spellings "+strings.Join(sp, ", "))
		}
		p("\nName: %s.\n", strings.Join(parts, "; "))
	}
	for _, e := range d.Evidence {
		p("\n> %s\n>\n> — %s", mdPieces(splitEvidence(e)), codeSpan(location(e)))
		if spanOutside(e) {
			p(" · span **%s**", mdEscape(oneLine(e.Text)))
		}
		if e.Value != "" {
			p(" · value %s", codeSpan(oneLine(e.Value)))
		}
		p("\n")
	}
	if res := d.Resolution; res != nil {
		p("\n**Resolution:** %s\n", mdEscape(resolutionLine(*res)))
	}
	if d.Status == compare.Unresolved {
		p("\nResolve: %s\n", codeSpan(opt.resolveHint(d.ID)))
	}
}

func writeMarkdownStale(b *bufio.Writer, ss []StaleResolution) {
	if len(ss) == 0 {
		return
	}
	fmt.Fprintf(b, "\n### Stale resolutions\n\nThese resolutions match no discrepancy: the discrepancy is gone or its content changed.\n\n")
	for _, s := range ss {
		fmt.Fprintf(b, "- %s: %s\n", codeSpan(s.ID), mdEscape(resolutionLine(s.Resolution)))
	}
}

func joinCells[T any](xs []T, f func(T) string) string {
	var parts []string
	for _, x := range xs {
		parts = append(parts, f(x))
	}
	return strings.Join(parts, " | ")
}

// mdPieces renders a sentence with its differing span in bold.
func mdPieces(ps []piece) string {
	var b strings.Builder
	for i, p := range ps {
		if p.Mark {
			b.WriteString("**" + mdEscapeAt(p.Text, i == 0) + "**")
			continue
		}
		b.WriteString(mdEscapeAt(p.Text, i == 0))
	}
	return b.String()
}

// mdEscape makes s plain text in Markdown: on one line, with the characters
// that start emphasis, code, links, HTML, tables, math or a block
// backslash-escaped, and "@" kept from mentioning anyone.
func mdEscape(s string) string { return mdEscapeAt(oneLine(s), true) }

// mdEscapeAt escapes s, which must be on one line, keeping its spaces;
// lineStart says whether s starts a line, where list and heading markers
// must be escaped too.
func mdEscapeAt(s string, lineStart bool) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '#', '&', '!', '$', '{', '}':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '@':
			// a word joiner after @ keeps a mention from notifying anyone
			b.WriteString("@\u2060")
		case '-', '+', '=':
			if lineStart && i == 0 {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		case '.', ')':
			if lineStart && isDigits(s[:i]) && i > 0 {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		default:
			if r < ' ' || r == 0x7f {
				b.WriteRune('\uFFFD')
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// codeSpan puts s in an inline code span whose backtick fence is longer
// than any run of backticks in s.
func codeSpan(s string) string {
	s = oneLine(s)
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if longest > 0 || strings.HasPrefix(s, " ") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}
