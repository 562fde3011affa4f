package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/reports"
)

// resolutionsFile is the name of the editors' decisions file that check
// looks for beside the articles and resolve writes by default.
const resolutionsFile = "resolutions.yaml"

func checkCommand() command {
	return command{
		name:    "check",
		summary: "report, then fail while discrepancies are unresolved",
		usage: `Usage: crosscheck check [--index DIR] [--resolutions FILE] [--format FORMAT]
                        [--out FILE] [--fail-on error|warning|info] PATH...

Runs the same pipeline as report, applies the editors' decisions recorded
with crosscheck resolve, writes the report, and exits 1 while any discrepancy
at or above --fail-on is neither resolved nor accepted. The ids of those
discrepancies are printed to standard error. Decisions whose id matches no
discrepancy any more are listed as stale in the report; they stay in the
file.

Flags:
  --index DIR          claim index (default .crosscheck in the working directory)
  --resolutions FILE   editors' decisions (default resolutions.yaml in the first
                       PATH if it is a folder, else in the folder of the first
                       PATH); a missing file means no decisions yet
  --format FORMAT      text (default), json, markdown, html or sarif
  --out FILE           write the report to FILE instead of standard output
  --fail-on SEVERITY   least severity that fails the check: error, warning
                       (default) or info
  --stats              print the time of each stage to standard error
  -q, --quiet          no progress bar (there is none when standard error is
                       not a terminal)

Exit codes:
  0  every discrepancy at or above --fail-on is resolved or accepted
  1  some are unresolved
  2  bad flags, an unreadable or malformed resolutions file, or a bad article

Examples:
  crosscheck check seeds
  crosscheck check --fail-on error --format json --out report.json seeds
  crosscheck check --format sarif --out crosscheck.sarif seeds
  crosscheck check --resolutions decisions.yaml corpus/a.txt corpus/b.txt
`,
		flags: func(fs *pflag.FlagSet) func(context.Context, env, []string) int {
			var o pipelineOptions
			o.register(fs)
			resolutions := fs.String("resolutions", "", "")
			format := fs.String("format", "text", "")
			out := fs.String("out", "", "")
			failOn := fs.String("fail-on", compare.Warning.String(), "")
			return func(ctx context.Context, e env, args []string) int {
				f, err := reports.ParseFormat(*format)
				if err != nil {
					return fail(e, "check", usageError{fmt.Sprintf("--format %q: want text, json, markdown, html or sarif", *format)})
				}
				sev, err := compare.ParseSeverity(*failOn)
				if err != nil {
					return fail(e, "check", usageError{fmt.Sprintf("--fail-on %q: want error, warning or info", *failOn)})
				}
				if len(args) == 0 {
					return fail(e, "check", usageError{"no PATH given (see crosscheck check --help)"})
				}
				path := *resolutions
				if path == "" {
					path = defaultResolutions(args[0])
				}
				rs, err := compare.LoadResolutions(path)
				if err != nil {
					return fail(e, "check", err)
				}
				r, errs, err := o.run(ctx, e, args)
				if err != nil {
					return fail(e, "check", err)
				}
				if len(r.Articles) == 0 && len(errs) > 0 {
					return reportErrors(e, "check", errs)
				}
				r.FailOn = sev
				for _, id := range rs.Apply(r.Discrepancies) {
					res, _ := rs.Get(id)
					r.Stale = append(r.Stale, reports.StaleResolution{ID: id, Resolution: res})
				}
				if err := writeReport(e, *out, f, r, path); err != nil {
					return fail(e, "check", err)
				}
				if len(r.Stale) > 0 {
					verb := "match"
					if len(r.Stale) == 1 {
						verb = "matches"
					}
					fmt.Fprintf(e.stderr, "crosscheck check: %s in %s %s no discrepancy (kept in the file): %s\n",
						plural(len(r.Stale), "resolution", "resolutions"), path, verb, strings.Join(staleIDs(r.Stale), ", "))
				}
				unresolved := failingIDs(r)
				if len(unresolved) > 0 {
					fmt.Fprintf(e.stderr, "crosscheck check: %s at or above %v: %s\n",
						plural(len(unresolved), "unresolved discrepancy", "unresolved discrepancies"), sev, strings.Join(unresolved, ", "))
				}
				if code := reportErrors(e, "check", errs); code != exitOK {
					return code
				}
				if len(unresolved) > 0 {
					return exitConflicts
				}
				return exitOK
			}
		},
	}
}

// defaultResolutions is where check looks for decisions when --resolutions
// is not given: in the first path if it is a folder, else beside it; for
// standard input, in the working directory.
func defaultResolutions(first string) string {
	if first == "-" {
		return resolutionsFile
	}
	if st, err := os.Stat(first); err == nil && st.IsDir() {
		return filepath.Join(first, resolutionsFile)
	}
	return filepath.Join(filepath.Dir(first), resolutionsFile)
}

// failingIDs lists, in report order, the ids of the unresolved discrepancies
// at or above the report's FailOn.
func failingIDs(r reports.Report) []string {
	var ids []string
	for _, d := range r.Discrepancies {
		if d.Status == compare.Unresolved && d.Severity >= r.FailOn {
			ids = append(ids, d.ID)
		}
	}
	return ids
}

func staleIDs(ss []reports.StaleResolution) []string {
	ids := make([]string, len(ss))
	for i, s := range ss {
		ids[i] = s.ID
	}
	return ids
}

// plural is "1 thing" or "n things".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
