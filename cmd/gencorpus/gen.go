package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// generate writes the story's articles into dir and returns its metadata
// and gold entries. buf is scratch space the caller may reuse.
func (g *storyGen) generate(dir string, buf *[]byte) *storyOut {
	out := &storyOut{idx: g.sp.idx}
	g.setup()
	g.plantAll()
	var yaml bytes.Buffer
	for a, id := range g.sp.articleIDs {
		text, words, err := g.article(a, (*buf)[:0])
		*buf = text
		if err != nil {
			out.err = err
			return out
		}
		if err := g.check(a, text); err != nil {
			out.err = err
			return out
		}
		name := id + ".txt"
		if err := os.WriteFile(filepath.Join(dir, name), text, 0o644); err != nil {
			out.err = fmt.Errorf("write article: %w", err)
			return out
		}
		out.words += int64(words)
		out.bytes += int64(len(text))
		pub := g.sp.date.AddDate(0, 0, g.offs[a])
		o := outlets[g.outlet[a]]
		title := firstLineOf(text)
		fmt.Fprintf(&yaml, "- file: %s\n  title: %s\n  outlet: %s\n  url: %s\n  published: %s\n",
			name, jsonString(title), jsonString(o.name),
			jsonString(fmt.Sprintf("https://%s/%s/%s-%s", o.domain, pub.Format("2006/01/02"), slug(title), id)),
			pub.Format(time.DateOnly))
	}
	out.yaml = yaml.Bytes()
	g.gold(out)
	return out
}

func firstLineOf(b []byte) string {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return string(b[:i])
	}
	return string(b)
}

// check verifies that every planted fact's key occurs exactly once in the
// article and on one line, and that a name variant's spellings occur.
func (g *storyGen) check(a int, text []byte) error {
	id := g.sp.articleIDs[a]
	for _, s := range g.slots {
		if s.plant == plNone || s.forms[a] == fAbsent {
			continue
		}
		k := s.keys[a]
		if k == "" {
			return fmt.Errorf("article %s: planted fact has no key", id)
		}
		if c := bytes.Count(text, []byte(k)); c != 1 {
			return fmt.Errorf("article %s: key %q occurs %d times", id, k, c)
		}
	}
	for i, nv := range g.nv {
		if nv.art < 0 {
			continue
		}
		p := &g.c.pool.people[g.sp.cast[i]]
		want := []string{p.surname}
		if nv.art == a {
			want = []string{nv.variant}
			if nv.mixed {
				want = append(want, p.surname)
			}
		}
		for _, w := range want {
			if !wordIn(text, w) {
				return fmt.Errorf("article %s: surname %q does not occur", id, w)
			}
		}
		if g.nvLines[i] == nil {
			g.nvLines[i] = make([]int, g.n)
		}
		g.nvLines[i][a] = lineOf(text, p.surname)
		if nv.art == a {
			g.nvVarLine[i] = lineOf(text, nv.variant)
		}
	}
	return nil
}

// wordIn reports whether w occurs in text as a whole word: not preceded or
// followed by an ASCII letter or digit.
func wordIn(text []byte, w string) bool {
	isWord := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }
	for off := 0; ; {
		i := bytes.Index(text[off:], []byte(w))
		if i < 0 {
			return false
		}
		i += off
		j := i + len(w)
		if (i == 0 || !isWord(text[i-1])) && (j == len(text) || !isWord(text[j])) {
			return true
		}
		off = i + 1
	}
}

// group lists the articles whose form of s is one of fs with their keys.
func (g *storyGen) group(s *slot, fs ...form) []alt {
	var out []alt
	for a, f := range s.forms {
		for _, want := range fs {
			if f == want {
				out = append(out, alt{Article: g.sp.articleIDs[a], Contains: s.keys[a], Line: s.lines[a]})
			}
		}
	}
	return out
}

var slotLabels = [numSlots]string{
	slEventDay: "the day of the event", slPrior: "when the envoy visited", slSince: "the year since which the town has been the provincial centre",
	slBases: "the foreign military presence", slParaphrase: "the reaction of one official to another", slScope: "how many migrant workers the town relies on",
}

func (g *storyGen) label(i int) string {
	s := g.slots[i]
	typ := g.sp.typ
	switch s.kind {
	case skNum:
		return typ.nums[s.sub].label
	case skFraming:
		return typ.framingLabel
	case skModality:
		return "the claim of " + typ.claims[s.sub].label
	case skQuote:
		return "the quote of " + g.c.pool.people[g.sp.cast[s.speaker]].surname
	}
	return slotLabels[i]
}

// gold builds the story's positives and negatives from the keys the
// articles recorded.
func (g *storyGen) gold(out *storyOut) {
	sid := g.sp.id
	town := g.sp.town
	np, nn := 0, 0
	what := func(label string, x, y []alt, verb string) string {
		return fmt.Sprintf("%s (%s): %q in %s %s %q in %s.", label, town, x[0].Contains, x[0].Article, verb, y[0].Contains, y[0].Article)
	}
	addPos := func(primary kind, kinds []kind, w string, groups ...[]alt) {
		np++
		out.positives = append(out.positives, positive{ID: fmt.Sprintf("%s-p%02d", sid, np), What: w, Kinds: kinds, Requires: groups})
		out.primary = append(out.primary, primary)
	}
	for i, s := range g.slots {
		switch s.plant {
		case plPos:
			x, y := g.group(s, fCanon), g.group(s, fVariant)
			var k kind
			kinds := []kind{}
			switch s.kind {
			case skEventDay, skPrior, skSince:
				k = kindDate
			case skNum:
				k = kindNumber
			case skBases:
				k = kindFraming
				kinds = append(kinds, kindNumber)
			case skFraming:
				k = kindFraming
			case skModality:
				k = kindModality
			case skQuote:
				k = kindQuote
			}
			kinds = append([]kind{k}, kinds...)
			addPos(k, kinds, what(g.label(i), x, y, "versus"), x, y)
		case plUpdate:
			x, y := g.group(s, fCanon), g.group(s, fLate)
			addPos(kindUpdate, []kind{kindNumber, kindUpdate}, "[update] "+what(g.label(i), x, y, "later raised to"), x, y)
		case plNeg:
			x, y := g.group(s, fCanon), g.group(s, fAlt)
			nn++
			out.negatives = append(out.negatives, negative{ID: fmt.Sprintf("%s-n%02d", sid, nn),
				What: what(g.label(i), x, y, "agrees with"), Between: [][]alt{x, y}})
		}
	}
	for i, nv := range g.nv {
		if nv.art < 0 {
			continue
		}
		p := &g.c.pool.people[g.sp.cast[i]]
		var x []alt
		for a, id := range g.sp.articleIDs {
			if a != nv.art || nv.mixed {
				x = append(x, alt{Article: id, Contains: p.surname, Line: g.nvLines[i][a]})
			}
		}
		y := []alt{{Article: g.sp.articleIDs[nv.art], Contains: nv.variant, Line: g.nvVarLine[i]}}
		w := fmt.Sprintf("%s %s is spelled %s in %s and %s elsewhere.", p.first, p.surname, nv.variant, y[0].Article, p.surname)
		if nv.mixed {
			w = fmt.Sprintf("%s %s is spelled both %s and %s in %s.", p.first, p.surname, p.surname, nv.variant, y[0].Article)
		}
		addPos(kindNameVariant, []kind{kindNameVariant}, w, x, y)
	}
}
