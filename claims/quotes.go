package claims

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// quoteSpans finds the quotations in s: text between curly double quotes,
// straight double quotes or guillemets. The spans exclude the marks. A
// quotation left open runs to the end of s (news style leaves a quotation
// open when it goes on in the next paragraph).
func quoteSpans(s string) []Span {
	var out []Span
	open := -1
	var closer rune
	for i, r := range s {
		switch {
		case open < 0 && (r == '“' || r == '«' || r == '„'):
			open, closer = i+utf8.RuneLen(r), closing(r)
		case open < 0 && r == '"':
			open, closer = i+1, '"'
		case open >= 0 && (r == closer || closer == '”' && r == '"' || closer == '"' && r == '”'):
			if i > open {
				out = append(out, Span{open, i})
			}
			open = -1
		}
	}
	if open >= 0 && open < len(s) && strings.TrimSpace(s[open:]) != "" {
		out = append(out, Span{open, len(s)})
	}
	return out
}

// closing returns the mark that closes a quotation opened with r.
func closing(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '«':
		return '»'
	}
	return '“' // for „
}

var (
	speechVerbs = `(?:said|says|say|told|added|asked|wrote|stated|explained|insisted|noted|declared|stressed|warned|replied|continued|was quoted as saying|is quoted as saying|was quoted)`
	// After the quotation: `," Putin said`, `," said the head of the agency`.
	reAfterNameVerb = regexp.MustCompile(`^[,.!?]?\s*((?:\p{Lu}[\p{L}'’.\-]*\s+){0,5}\p{Lu}[\p{L}'’.\-]*|he|she|they)\s+` + speechVerbs + `\b`)
	reAfterVerbName = regexp.MustCompile(`^[,.!?]?\s*` + speechVerbs + `\s+((?:the |a )?[\p{L}\p{N}'’.\- ]{2,60}?)(?:[,.;:!?]|$)`)
	// Before the quotation: `Putin said he wanted ...: “`.
	reBeforeNameVerb = regexp.MustCompile(`((?:\p{Lu}[\p{L}'’.\-]*\s+){0,5}\p{Lu}[\p{L}'’.\-]*|he|she|they)\s+` + speechVerbs + `\b[^“"”]{0,120}[:,]\s*$`)
)

// beforeNameVerb matches reBeforeNameVerb in before, which can only match
// text that ends in a colon or comma and spaces.
func beforeNameVerb(before string) []string {
	trimmed := strings.TrimRight(before, "\t\n\f\r ")
	if !strings.HasSuffix(trimmed, ":") && !strings.HasSuffix(trimmed, ",") {
		return nil
	}
	return reBeforeNameVerb.FindStringSubmatch(before)
}

// findQuotes finds the quotations of one paragraph (base is its offset in the
// article) and their speakers. A pronoun speaker is replaced by lastPerson,
// the most recent person named before the quotation, when there is one.
func findQuotes(para string, base int, lastPerson func(at int) string) []Quote {
	var out []Quote
	for _, sp := range quoteSpans(para) {
		text := strings.TrimSpace(strings.TrimRight(para[sp.Start:sp.End], " ,"))
		if text == "" {
			continue
		}
		after := para[sp.End:]
		if len(after) > 0 {
			_, n := utf8.DecodeRuneInString(after)
			after = after[n:]
		}
		_, n := utf8.DecodeLastRuneInString(para[:sp.Start])
		before := para[:sp.Start-n]
		speaker := ""
		if m := reAfterNameVerb.FindStringSubmatch(after); m != nil {
			speaker = m[1]
		} else if m := reAfterVerbName.FindStringSubmatch(after); m != nil {
			speaker = cleanSource(m[1])
		} else if m := beforeNameVerb(before); m != nil {
			speaker = m[1]
		}
		switch strings.ToLower(speaker) {
		case "he", "she", "they":
			speaker = ""
			if lastPerson != nil {
				speaker = lastPerson(base + sp.Start)
			}
		}
		out = append(out, Quote{Speaker: strings.TrimSpace(speaker), Text: text, Start: base + sp.Start, End: base + sp.End})
	}
	return out
}
