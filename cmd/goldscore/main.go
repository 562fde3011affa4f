// Command goldscore scores a crosscheck JSON report against a gold file,
// by the rules of the evaluation's score.py, fast enough for generated
// corpora of a hundred thousand articles:
//
//	goldscore [-v] GOLD.json REPORT.json
//
// It prints the missed positives and the violations (all of them with -v,
// else the first ten of each), score.py's summary line, and recall and
// precision: positives found over positives, and positives found over
// positives found plus violations. It exits 0 when every positive is found
// and nothing is violated, 1 otherwise, 2 on bad input.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/crosscheck/crosscheck/cmd/internal/goldscore"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("goldscore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	verbose := fs.Bool("v", false, "print every missed positive and violation")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "usage: goldscore [-v] GOLD.json REPORT.json")
		return 2
	}
	g, err := goldscore.ReadGold(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "goldscore: %v\n", err)
		return 2
	}
	r, err := goldscore.ReadReport(fs.Arg(1))
	if err != nil {
		fmt.Fprintf(stderr, "goldscore: %v\n", err)
		return 2
	}
	s := goldscore.Compute(g, r)
	limit := 10
	if *verbose {
		limit = -1
	}
	for i, id := range s.Missed {
		if i == limit {
			fmt.Fprintf(stdout, "... and %d more missed\n", len(s.Missed)-limit)
			break
		}
		fmt.Fprintf(stdout, "MISSED  positive %s\n", id)
	}
	for i, v := range s.Violations {
		if i == limit {
			fmt.Fprintf(stdout, "... and %d more violations\n", len(s.Violations)-limit)
			break
		}
		fmt.Fprintln(stdout, v)
	}
	fmt.Fprintf(stdout, "score: %s\n", s)
	fmt.Fprintf(stdout, "recall %.3f, precision %.3f\n", s.Recall(), s.Precision())
	if s.Found == s.Positives && s.AllViolations() == 0 {
		return 0
	}
	return 1
}
