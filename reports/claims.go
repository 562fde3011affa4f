package reports

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/claims"
)

// ClaimsSchema names the JSON claims format; it changes only when a field
// is removed or changes meaning.
const ClaimsSchema = "crosscheck.claims/v1"

type jsonClaims struct {
	Schema   string             `json:"schema"`
	Articles []jsonClaimArticle `json:"articles"`
	Claims   []jsonClaim        `json:"claims"`
}

type jsonClaimArticle struct {
	ID        string  `json:"id"`
	Path      string  `json:"path"`
	Title     string  `json:"title"`
	Outlet    string  `json:"outlet"`
	URL       string  `json:"url"`
	Published *string `json:"published"`
	Hash      string  `json:"hash"`
}

type jsonClaim struct {
	ID           string         `json:"id"`
	Article      string         `json:"article"`
	Line         int            `json:"line"`
	Start        int            `json:"start"`
	End          int            `json:"end"`
	Text         string         `json:"text"`
	Entities     []jsonEntity   `json:"entities"`
	Quantities   []jsonQuantity `json:"quantities"`
	Times        []jsonTime     `json:"times"`
	Modality     string         `json:"modality"`
	AttributedTo string         `json:"attributed_to"`
	Quotes       []jsonQuote    `json:"quotes"`
}

type jsonEntity struct {
	Text  string `json:"text"`
	Type  string `json:"type"`
	Key   string `json:"key"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

type jsonQuantity struct {
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	Low   float64 `json:"low"`
	// High is null when the quantity has no upper bound ("more than 200").
	High   *float64 `json:"high"`
	Unit   string   `json:"unit"`
	Approx bool     `json:"approx"`
	Start  int      `json:"start"`
	End    int      `json:"end"`
}

type jsonTime struct {
	Text  string `json:"text"`
	Value string `json:"value"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

type jsonQuote struct {
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// WriteClaims renders articles and their claims in format f (Text or JSON;
// any other format is an error) to w. JSON follows the
// "crosscheck.claims/v1" schema: articles and claims in the given order, an
// unknown publication date as null, an unbounded quantity's high as null,
// empty lists as [], indented by two spaces, ending with a newline. Text
// shows each article with its claims below it, one compact block per claim;
// claims of articles not in arts come last, under their article id. Empty
// input renders as a document with nothing in it.
func WriteClaims(w io.Writer, f Format, arts []claims.Article, cs []claims.Claim, opt Options) error {
	var err error
	switch f {
	case JSON:
		err = encodeJSON(w, claimsJSON(arts, cs))
	case Text:
		err = writeClaimsText(w, arts, cs, opt)
	default:
		return fmt.Errorf("write claims: format %v not supported (want text or json)", f)
	}
	if err != nil {
		return fmt.Errorf("write %v claims: %w", f, err)
	}
	return nil
}

func claimsJSON(arts []claims.Article, cs []claims.Claim) jsonClaims {
	out := jsonClaims{
		Schema:   ClaimsSchema,
		Articles: make([]jsonClaimArticle, 0, len(arts)),
		Claims:   make([]jsonClaim, 0, len(cs)),
	}
	for _, a := range arts {
		ja := jsonClaimArticle{ID: a.ID, Path: a.Path, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Hash: a.Hash}
		if d := dateString(a.Published); d != "" {
			ja.Published = &d
		}
		out.Articles = append(out.Articles, ja)
	}
	for _, c := range cs {
		jc := jsonClaim{
			ID: c.ID, Article: c.Article, Line: c.Line, Start: c.Start, End: c.End, Text: c.Text,
			Entities:     make([]jsonEntity, 0, len(c.Entities)),
			Quantities:   make([]jsonQuantity, 0, len(c.Quantities)),
			Times:        make([]jsonTime, 0, len(c.Times)),
			Modality:     c.Modality.String(),
			AttributedTo: c.AttributedTo,
			Quotes:       make([]jsonQuote, 0, len(c.Quotes)),
		}
		for _, e := range c.Entities {
			jc.Entities = append(jc.Entities, jsonEntity{Text: e.Text, Type: e.Type.String(), Key: e.Key, Start: e.Start, End: e.End})
		}
		for _, q := range c.Quantities {
			jq := jsonQuantity{Text: q.Text, Value: finite(q.Value), Low: finite(q.Low), Unit: q.Unit, Approx: q.Approx, Start: q.Start, End: q.End}
			if bounded(q) {
				h := q.High
				jq.High = &h
			}
			jc.Quantities = append(jc.Quantities, jq)
		}
		for _, t := range c.Times {
			jc.Times = append(jc.Times, jsonTime{Text: t.Text, Value: t.Value, Start: t.Start, End: t.End})
		}
		for _, q := range c.Quotes {
			jc.Quotes = append(jc.Quotes, jsonQuote{Speaker: q.Speaker, Text: q.Text, Start: q.Start, End: q.End})
		}
		out.Claims = append(out.Claims, jc)
	}
	return out
}

// bounded reports whether q has a finite upper bound; an open one is the
// largest float64 (or an infinity).
func bounded(q claims.Quantity) bool {
	return q.High < math.MaxFloat64 && !math.IsNaN(q.High)
}

func writeClaimsText(w io.Writer, arts []claims.Article, cs []claims.Claim, opt Options) error {
	width := opt.Width
	if width <= 0 {
		width = defaultWidth
	}
	t := &textWriter{w: bufio.NewWriter(w), opt: opt, width: max(width, minWidth)}

	byArticle := map[string][]claims.Claim{}
	var strays []string // article ids of claims whose article is not in arts
	known := map[string]bool{}
	for _, a := range arts {
		known[a.ID] = true
	}
	for _, c := range cs {
		if !known[c.Article] && byArticle[c.Article] == nil {
			strays = append(strays, c.Article)
		}
		byArticle[c.Article] = append(byArticle[c.Article], c)
	}
	if len(arts) == 0 && len(cs) == 0 {
		t.line("no articles")
	}
	first := true
	section := func(head string, meta []string, list []claims.Claim) {
		if !first {
			t.line()
		}
		first = false
		t.line(t.style(ansiBold, "== "+clean(head)), fmt.Sprintf(" — %d %s", len(list), plural(len(list), "claim", "claims")))
		if len(meta) > 0 {
			t.wrapped(indent, strings.Join(meta, " · "))
		}
		for _, c := range list {
			t.claim(c)
		}
	}
	seen := map[string]bool{}
	for _, a := range arts {
		if seen[a.ID] {
			continue // an article listed twice shows its claims once
		}
		seen[a.ID] = true
		var meta []string
		for _, m := range []string{a.Title, a.Outlet, dateString(a.Published), a.Path} {
			if m = oneLine(m); m != "" {
				meta = append(meta, m)
			}
		}
		if !a.HasDate() {
			meta = append(meta, "date unknown")
		}
		section(a.ID, meta, byArticle[a.ID])
	}
	for _, id := range strays {
		section(id, nil, byArticle[id])
	}
	return t.w.Flush()
}

// claim writes one claim: its id, line and modality, the sentence, then one
// line for each kind of thing found in it.
func (t *textWriter) claim(c claims.Claim) {
	t.line()
	head := c.ID
	if c.Line > 0 {
		head += "  line " + strconv.Itoa(c.Line)
	}
	t.line(indent, t.style(ansiBold, clean(head)), "  ", c.Modality.String())
	t.wrapped(indent+"  ", oneLine(c.Text))
	var ents, qs, ts, quotes []string
	for _, e := range c.Entities {
		s := e.Text + " (" + e.Type.String()
		if e.Key != "" {
			s += ", key " + e.Key
		}
		ents = append(ents, s+")")
	}
	for _, q := range c.Quantities {
		qs = append(qs, q.Text+" = "+quantityString(q))
	}
	for _, tm := range c.Times {
		v := tm.Value
		if v == "" {
			v = "?"
		}
		ts = append(ts, tm.Text+" = "+v)
	}
	for _, q := range c.Quotes {
		s := "“" + oneLine(q.Text) + "”"
		if q.Speaker != "" {
			s = q.Speaker + ": " + s
		}
		quotes = append(quotes, s)
	}
	for _, l := range []struct {
		label string
		items []string
	}{
		{"entities: ", ents},
		{"numbers:  ", qs},
		{"times:    ", ts},
		{"quotes:   ", quotes},
	} {
		if len(l.items) > 0 {
			t.wrapped(indent+"  "+l.label, oneLine(strings.Join(l.items, "; ")))
		}
	}
	if c.AttributedTo != "" {
		t.wrapped(indent+"  source:   ", oneLine(c.AttributedTo))
	}
}

// quantityString shows a quantity's normalised value: "200 firefighter",
// "~7000 soldier", "180..220 firefighter", ">=200 person".
func quantityString(q claims.Quantity) string {
	num := func(f float64) string { return strconv.FormatFloat(finite(f), 'f', -1, 64) }
	var s string
	switch {
	case !bounded(q):
		s = ">=" + num(q.Low)
	case q.Low == q.High:
		s = num(q.Value)
	default:
		s = num(q.Low) + ".." + num(q.High)
	}
	if q.Approx {
		s = "~" + s
	}
	if q.Unit != "" {
		s += " " + q.Unit
	}
	return s
}
