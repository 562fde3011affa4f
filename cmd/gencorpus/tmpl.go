package main

import (
	"fmt"
	"strings"
)

// varID names a value a template refers to as {Name}.
type varID uint8

const (
	vT    varID = iota // the story's town
	vC                 // country
	vCadj              // country adjective
	vCap               // capital
	vR                 // province
	vF                 // foreign partner country
	vFadj              // its adjective
	vM                 // macro-region
	vP0                // person mentions: role and full name first, surname after
	vP1
	vP2
	vP3
	vP4
	vP5
	vPX // the person a person-sentence is about
	vS0 // surnames only, in the article's spelling, for headlines
	vS1
	vS4
	vN // slot values
	vW
	vQ
	vV
	vX
	vH
	vY
	numVars
)

var varNames = map[string]varID{
	"T": vT, "C": vC, "Cadj": vCadj, "Cap": vCap, "R": vR, "F": vF, "Fadj": vFadj, "M": vM,
	"P0": vP0, "P1": vP1, "P2": vP2, "P3": vP3, "P4": vP4, "P5": vP5, "PX": vPX,
	"S0": vS0, "S1": vS1, "S4": vS4,
	"N": vN, "W": vW, "Q": vQ, "V": vV, "X": vX, "H": vH, "Y": vY,
}

type segKind uint8

const (
	segLit segKind = iota
	segVar
	segKeyOpen
	segKeyClose
)

type seg struct {
	kind segKind
	v    varID
	text string
}

// tmpl is a parsed sentence template: literal text, {Name} values and a key
// span between « and » that becomes the gold "contains" string.
type tmpl []seg

// parseTmpl parses s; it reports unknown names and unbalanced key marks.
func parseTmpl(s string) (tmpl, error) {
	var t tmpl
	open := false
	for len(s) > 0 {
		i := strings.IndexAny(s, "{«»")
		if i < 0 {
			t = append(t, seg{kind: segLit, text: s})
			break
		}
		if i > 0 {
			t = append(t, seg{kind: segLit, text: s[:i]})
			s = s[i:]
		}
		switch {
		case strings.HasPrefix(s, "{"):
			j := strings.IndexByte(s, '}')
			if j < 0 {
				return nil, fmt.Errorf("unclosed { in %q", s)
			}
			v, ok := varNames[s[1:j]]
			if !ok {
				return nil, fmt.Errorf("unknown value {%s}", s[1:j])
			}
			t = append(t, seg{kind: segVar, v: v})
			s = s[j+1:]
		case strings.HasPrefix(s, "«"):
			if open {
				return nil, fmt.Errorf("nested « in %q", s)
			}
			open = true
			t = append(t, seg{kind: segKeyOpen})
			s = s[len("«"):]
		default:
			if !open {
				return nil, fmt.Errorf("» without « in %q", s)
			}
			open = false
			t = append(t, seg{kind: segKeyClose})
			s = s[len("»"):]
		}
	}
	if open {
		return nil, fmt.Errorf("unclosed « in template")
	}
	return t, nil
}

func mustParse(s string) tmpl {
	t, err := parseTmpl(s)
	if err != nil {
		panic(fmt.Sprintf("template %q: %v", s, err))
	}
	return t
}

func mustParseAll(ss []string) []tmpl {
	out := make([]tmpl, len(ss))
	for i, s := range ss {
		out[i] = mustParse(s)
	}
	return out
}

// hasKey reports whether the template marks a key span.
func (t tmpl) hasKey() bool {
	for _, s := range t {
		if s.kind == segKeyOpen {
			return true
		}
	}
	return false
}
