package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/crosscheck/crosscheck/reports"
)

// defaultIndex is where the claim index lives unless --index says otherwise.
const defaultIndex = ".crosscheck"

func reportCommand() command {
	return command{
		name:    "report",
		summary: "index articles and report where they disagree",
		usage: `Usage: crosscheck report [--index DIR] [--format text|json] [--out FILE] PATH...

Extracts the claims of new or changed articles into the claim index, groups
the articles into stories, and reports every discrepancy between them: names
spelled differently, numbers and dates that do not agree, a count against a
singular, a claim asserted in one source and hedged in another, a quote
worded differently. Unchanged articles are not extracted again.

Flags:
  --index DIR      claim index (default .crosscheck in the working directory)
  --format FORMAT  text (default), json (schema crosscheck.report/v1),
                   markdown, html or sarif
  --out FILE       write the report to FILE instead of standard output
  --stats          print the time of each stage to standard error
  -q, --quiet      no progress bar (there is none when standard error is
                   not a terminal)

Examples:
  crosscheck report seeds
  crosscheck report --format json --out report.json seeds
  crosscheck report --index /tmp/idx --format html --out report.html corpus/
`,
		flags: func(fs *pflag.FlagSet) func(context.Context, env, []string) int {
			var o pipelineOptions
			o.register(fs)
			format := fs.String("format", "text", "")
			out := fs.String("out", "", "")
			return func(ctx context.Context, e env, args []string) int {
				f, err := reports.ParseFormat(*format)
				if err != nil {
					return fail(e, "report", usageError{fmt.Sprintf("--format %q: want text, json, markdown, html or sarif", *format)})
				}
				if len(args) == 0 {
					return fail(e, "report", usageError{"no PATH given (see crosscheck report --help)"})
				}
				r, errs, err := o.run(ctx, e, args)
				if err != nil {
					return fail(e, "report", err)
				}
				if len(r.Articles) == 0 && len(errs) > 0 {
					return reportErrors(e, "report", errs)
				}
				if err := writeReport(e, *out, f, r, ""); err != nil {
					return fail(e, "report", err)
				}
				return reportErrors(e, "report", errs)
			}
		},
	}
}

// writeReport renders r to path, or to standard output when path is empty.
// The file is written whole or not at all. resolutions, when set, is the
// resolutions file the report's resolve commands should name.
func writeReport(e env, path string, f reports.Format, r reports.Report, resolutions string) error {
	opt := reports.Options{Color: f == reports.Text && path == "" && colorOK(e)}
	if resolutions != "" {
		opt.ResolveCommand = "crosscheck resolve --resolutions " + shellQuote(resolutions)
	}
	if path == "" {
		return reports.Write(e.stdout, f, r, opt)
	}
	// The report replaces the file whole, keeping its permissions; a new
	// one is readable by all, as a file the shell creates.
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".crosscheck-report-*")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := reports.Write(tmp, f, r, opt); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// shellQuote quotes s for a POSIX shell when it needs quoting.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// colorOK reports whether standard output is a terminal that may get colour:
// NO_COLOR unset and TERM not dumb.
func colorOK(e env) bool {
	if e.getenv("NO_COLOR") != "" || e.getenv("TERM") == "dumb" {
		return false
	}
	return isTerminal(e.stdout)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
