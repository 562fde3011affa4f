package claims

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ErrInput marks every problem with the input itself (a missing, empty,
// binary or badly encoded file, malformed metadata), as opposed to a failure
// of the machine. Check it with errors.Is.
var ErrInput = errors.New("bad input")

// InputError is a problem with one input file. Line is 1-based and 0 when the
// problem is not on a particular line.
type InputError struct {
	Path    string
	Line    int
	Problem string
	// Hint says how to fix it, when there is something to say.
	Hint string
	Err  error
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	b.WriteString(e.Problem)
	if e.Hint != "" {
		b.WriteString(" (")
		b.WriteString(e.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns the underlying error, if any.
func (e *InputError) Unwrap() error { return e.Err }

// Is reports that every InputError is an ErrInput.
func (e *InputError) Is(target error) bool { return target == ErrInput }

// ErrorList collects the problems of a run that goes on past them, the way
// go/scanner does: one bad article never loses the others.
type ErrorList []error

// Add appends err unless it is nil.
func (l *ErrorList) Add(err error) {
	if err != nil {
		*l = append(*l, err)
	}
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Unwrap returns the collected errors, so errors.Is and errors.As look at
// each of them.
func (l ErrorList) Unwrap() []error { return l }

// Sort orders the list by message, so reports of the same input are stable.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool { return l[i].Error() < l[j].Error() })
}
