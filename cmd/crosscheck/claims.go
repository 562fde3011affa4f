package main

import (
	"context"
	"fmt"

	"github.com/spf13/pflag"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/reports"
)

func claimsCommand() command {
	return command{
		name:    "claims",
		summary: "print the claims extracted from articles",
		usage: `Usage: crosscheck claims [--published YYYY-MM-DD] [--format text|json] PATH...

Reads articles (files, folders, or - for standard input) and prints their
claims: one per sentence, with entities and their name keys, quantities,
times, modality and quotes. Offsets are byte offsets into the article file.
Metadata comes from articles.yaml in each article's folder.

Flags:
  --published DATE   publication date of articles whose metadata gives none
  --format FORMAT    text (default) or json (schema crosscheck.claims/v1)

Examples:
  crosscheck claims seeds/000_830fac7def8ef1e6.txt
  crosscheck claims --format json seeds > claims.json
  echo "Putin arrived on Wednesday." | crosscheck claims --published 2025-10-08 -
`,
		flags: func(fs *pflag.FlagSet) func(context.Context, env, []string) int {
			published := fs.String("published", "", "")
			format := fs.String("format", "text", "")
			return func(ctx context.Context, e env, args []string) int {
				f, err := reports.ParseFormat(*format)
				if err != nil || (f != reports.Text && f != reports.JSON) {
					return fail(e, "claims", usageError{fmt.Sprintf("--format %q: want text or json", *format)})
				}
				if len(args) == 0 {
					return fail(e, "claims", usageError{"no PATH given (see crosscheck claims --help)"})
				}
				opt := claims.LoadOptions{Stdin: e.stdin}
				if *published != "" {
					d, err := claims.ParseDate(*published)
					if err != nil {
						return fail(e, "claims", usageError{fmt.Sprintf("--published: %v (want YYYY-MM-DD)", err)})
					}
					opt.Published = d
				}
				x, err := claims.NewExtractor()
				if err != nil {
					return fail(e, "claims", err)
				}
				arts, errs := claims.Load(args, opt)
				perArticle, xerrs := extractAll(ctx, x, arts, nil)
				errs = append(errs, xerrs...)
				var all []claims.Claim
				infos := make([]claims.Article, len(arts))
				for i, a := range arts {
					infos[i] = *a
					all = append(all, perArticle[i]...)
				}
				if len(arts) > 0 {
					if err := reports.WriteClaims(e.stdout, f, infos, all, reports.Options{}); err != nil {
						return fail(e, "claims", err)
					}
				}
				return reportErrors(e, "claims", errs)
			}
		},
	}
}

// reportErrors prints one line per input problem and returns the exit code:
// exitOK when there is none.
func reportErrors(e env, cmd string, errs claims.ErrorList) int {
	if len(errs) == 0 {
		return exitOK
	}
	for _, err := range errs {
		fmt.Fprintf(e.stderr, "crosscheck %s: %v\n", cmd, err)
	}
	return exitInputError
}
