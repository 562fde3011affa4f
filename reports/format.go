package reports

import (
	"fmt"
	"strings"
)

// Format is an output format.
type Format int

// The output formats. Text is the zero value.
const (
	Text     Format = iota // for a person at a terminal
	JSON                   // for other programs
	Markdown               // for a pull-request comment
	HTML                   // one self-contained page for editors
	SARIF                  // SARIF 2.1.0 for code-scanning services
)

var formatNames = [...]string{Text: "text", JSON: "json", Markdown: "markdown", HTML: "html", SARIF: "sarif"}

// String returns the format's name ("text", "json", "markdown", "html",
// "sarif"), or "Format(n)" for a value outside the list.
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return fmt.Sprintf("Format(%d)", int(f))
	}
	return formatNames[f]
}

// MarshalText encodes the format as its name.
func (f Format) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText decodes a format name as [ParseFormat] does.
func (f *Format) UnmarshalText(b []byte) error {
	v, err := ParseFormat(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// ParseFormat returns the format named s, ignoring case and surrounding
// space; "md" is accepted for Markdown. An unknown or empty name is an error.
func ParseFormat(s string) (Format, error) {
	n := strings.ToLower(strings.TrimSpace(s))
	if n == "md" {
		return Markdown, nil
	}
	for i, name := range formatNames {
		if name == n {
			return Format(i), nil
		}
	}
	return Text, fmt.Errorf("unknown format %q (want %s)", s, strings.Join(formatNames[:], ", "))
}

// Formats lists every format in order.
func Formats() []Format {
	fs := make([]Format, len(formatNames))
	for i := range fs {
		fs[i] = Format(i)
	}
	return fs
}
