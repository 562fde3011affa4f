package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/crosscheck/crosscheck/compare"
)

func resolveCommand() command {
	return command{
		name:    "resolve",
		summary: "record an editor's decision on a discrepancy",
		usage: `Usage: crosscheck resolve ID --status resolved|accepted [--value V] --note "..."
                          [--by NAME] [--resolutions FILE]

Records a decision on the discrepancy ID (as report and check print it) in
the resolutions file, dated today (UTC). An earlier decision on the same id
is replaced; the file's other entries and its comments are kept. check then
counts the discrepancy as settled.

  resolved   the right value is known (give it with --value) or the sources
             were corrected
  accepted   a known, tolerated difference, such as a transliteration

Flags:
  --status STATUS      resolved or accepted (required)
  --value V            the right value, when it is known
  --note TEXT          why (required)
  --by NAME            who decided (default $USER, else "unknown")
  --resolutions FILE   the decisions file (default resolutions.yaml in the
                       working directory; created when missing)

Examples:
  crosscheck resolve name-variant-f998baedea --status resolved --value Zhidko \
      --note "Russian Жидко; Shidko is a German-style transliteration" \
      --resolutions seeds/resolutions.yaml
  crosscheck resolve date-0ed35b67c1 --status resolved --value Friday \
      --note "Kremlin schedule: the CIS meeting was on Friday" --by jane
`,
		flags: func(fs *pflag.FlagSet) func(context.Context, env, []string) int {
			status := fs.String("status", "", "")
			value := fs.String("value", "", "")
			note := fs.String("note", "", "")
			by := fs.String("by", "", "")
			path := fs.String("resolutions", resolutionsFile, "")
			return func(ctx context.Context, e env, args []string) int {
				if len(args) != 1 {
					return fail(e, "resolve", usageError{fmt.Sprintf("want one discrepancy ID, got %d arguments (see crosscheck resolve --help)", len(args))})
				}
				id := args[0]
				if err := compare.ValidID(id); err != nil {
					return fail(e, "resolve", usageError{err.Error()})
				}
				st, err := compare.ParseStatus(*status)
				if *status == "" {
					return fail(e, "resolve", usageError{"missing --status (want resolved or accepted)"})
				}
				if err != nil || st == compare.Unresolved {
					return fail(e, "resolve", usageError{fmt.Sprintf("--status %q: want resolved or accepted", *status)})
				}
				if strings.TrimSpace(*note) == "" {
					return fail(e, "resolve", usageError{"missing --note: say why the discrepancy is " + st.String()})
				}
				if *path == "" {
					return fail(e, "resolve", usageError{"--resolutions: empty file name"})
				}
				who := strings.TrimSpace(*by)
				if who == "" {
					who = strings.TrimSpace(e.getenv("USER"))
				}
				if who == "" {
					who = "unknown"
				}
				res := compare.Resolution{
					Status: st,
					Value:  strings.TrimSpace(*value),
					Note:   strings.TrimSpace(*note),
					By:     who,
					Date:   time.Now().UTC().Format(time.DateOnly),
				}
				rs, err := compare.LoadResolutions(*path)
				if err != nil {
					return fail(e, "resolve", err)
				}
				_, replaced := rs.Get(id)
				if err := rs.Set(id, res); err != nil {
					return fail(e, "resolve", usageError{err.Error()})
				}
				if err := rs.Save(); err != nil {
					return fail(e, "resolve", err)
				}
				verb := "added"
				if replaced {
					verb = "replaced"
				}
				fmt.Fprintf(e.stdout, "%s %s in %s: %s\n", verb, id, *path, describe(res))
				return exitOK
			}
		},
	}
}

// describe is a decision in one line.
func describe(r compare.Resolution) string {
	var b strings.Builder
	b.WriteString(r.Status.String())
	if r.Value != "" {
		fmt.Fprintf(&b, ", value %q", r.Value)
	}
	fmt.Fprintf(&b, ", note %q, by %s, %s", r.Note, r.By, r.Date)
	return b.String()
}
