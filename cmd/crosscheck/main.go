// Command crosscheck reads news articles about the same story from different
// outlets, turns their sentences into normalised claims and reports where the
// sources disagree.
//
// Exit codes: 0 clean, 1 unresolved conflicts (check), 2 usage or input error.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"

	"github.com/spf13/pflag"
)

// The exit codes, in one place.
const (
	exitOK         = 0
	exitConflicts  = 1
	exitUsage      = 2
	exitInputError = 2
)

func main() {
	tuneGC()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// tuneGC trades memory for time: crosscheck allocates much short-lived
// garbage while extracting and indexing, so the collector runs half as
// often as Go's default, up to a soft limit on the heap beyond which it
// runs as needed. GOGC and GOMEMLIMIT, when set, are left to rule.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1536 << 20)
	}
}

// env is what a command may touch: its streams and the process environment.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

// command is one subcommand: its name, a one-line summary, its usage text
// with examples, its flags, and what it does.
type command struct {
	name    string
	summary string
	usage   string
	flags   func(fs *pflag.FlagSet) func(ctx context.Context, e env, args []string) int
}

func commands() []command {
	return []command{
		claimsCommand(),
		reportCommand(),
		checkCommand(),
		resolveCommand(),
		searchCommand(),
	}
}

// usageError is a mistake on the command line; it exits with exitUsage.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 {
			for _, c := range commands() {
				if c.name == args[1] {
					fmt.Fprint(stdout, c.usage)
					return exitOK
				}
			}
		}
		printUsage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		fs := pflag.NewFlagSet(c.name, pflag.ContinueOnError)
		fs.SetOutput(io.Discard)
		fs.SortFlags = false
		do := c.flags(fs)
		if err := fs.Parse(args[1:]); err != nil {
			if errors.Is(err, pflag.ErrHelp) {
				fmt.Fprint(stdout, c.usage)
				return exitOK
			}
			fmt.Fprintf(stderr, "crosscheck %s: %v (see crosscheck %s --help)\n", c.name, err, c.name)
			return exitUsage
		}
		return do(ctx, e, fs.Args())
	}
	fmt.Fprintf(stderr, "crosscheck: unknown command %q (see crosscheck --help)\n", args[0])
	return exitUsage
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "crosscheck finds where news articles about one story disagree.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: crosscheck COMMAND [flags] ARGS...")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'crosscheck COMMAND --help' for a command's flags and examples.")
	fmt.Fprintln(w, "Exit codes: 0 clean, 1 unresolved conflicts, 2 usage or input error.")
}

// fail prints one error line for a command and returns the exit code for it.
func fail(e env, cmd string, err error) int {
	msg := err.Error()
	msg = strings.TrimSpace(msg)
	fmt.Fprintf(e.stderr, "crosscheck %s: %s\n", cmd, msg)
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitInputError
}
