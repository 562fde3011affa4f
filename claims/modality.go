package claims

import (
	"regexp"
	"strings"
)

// Span is a byte range [Start, End) of an article.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

var (
	reAccordingTo = regexp.MustCompile(`\b(?i:according to) ((?:the |a |an )?[\p{L}\p{N}'’.\- ]{2,60}?)(?:[,.;:]|$| (?:on|in|at|which|who|that|,)\b)`)
	reSubjectVerb = regexp.MustCompile(`((?:the |a )?(?:\p{Lu}[\p{L}'’.\-]*)(?: (?:(?:of|for|the|de|and) )*\p{Lu}[\p{L}'’.\-]*){0,6}|(?:the )?(?:officials?|experts?|analysts?|observers?|witnesses|police|authorities|ministers?|ministry|spokes(?:man|woman|person)|government|president|agency|army|military|company|diplomats?|sources?|residents?|doctors?|rescuers?)) (?:says|said|say|claims?|claimed|stated|told|reported|announced|insisted|estimates|believes|warned|confirmed)\b`)
	reVerbSubject = regexp.MustCompile(`[,”"] (?:says|said|added|told|according to) ((?:the |a )?[\p{L}\p{N}'’.\- ]{2,60}?)(?:[,.;:]|$)`)
)

// modalityOf says how firmly a sentence makes its claim and names the words
// that say so (the cue). Hedges win over attribution, attribution over
// negation. Cues inside quotations longer than three words belong to the
// quoted speaker and are passed over, except hedges.
func modalityOf(s string) (m Modality, source string, cue Span) {
	masked := maskQuotes(s)
	lower := strings.ToLower(masked)
	if start, end, ok := findHedge(lower); ok && s[start:end] != "May" {
		return Hedged, attributionSource(s, masked), widenCue(lower, Span{start, end})
	}
	if start, end, ok := findAttribution(lower); ok {
		src := attributionSource(s, masked)
		if src != "" {
			if i := strings.Index(s, src); i >= 0 && i < start && start-i-len(src) < 3 {
				start = i
			}
		}
		return Attributed, src, Span{start, end}
	}
	if start, end, ok := findNegation(lower); ok {
		return Negated, "", Span{start, end}
	}
	return Asserted, "", Span{}
}

// widenCue extends a cue over the hedges right after it ("could reportedly").
func widenCue(lower string, sp Span) Span {
	for {
		rest := lower[sp.End:]
		trimmed := strings.TrimLeft(rest, " ")
		if len(rest)-len(trimmed) > 1 || !isWordStart(trimmed, 0) {
			return sp
		}
		end, ok := hedgeAt(trimmed, 0)
		if !ok {
			return sp
		}
		sp.End += len(rest) - len(trimmed) + end
	}
}

// attributionSource names who a sentence attributes its claim to: "according
// to X", "X says", "..., said X". Empty when nobody is named.
func attributionSource(s, masked string) string {
	if containsFoldASCII(masked, "according to") {
		if m := reAccordingTo.FindStringSubmatchIndex(masked); m != nil {
			return cleanSource(s[m[2]:m[3]])
		}
	}
	if from := verbSubjectFrom(masked); from >= 0 {
		if m := reVerbSubject.FindStringSubmatchIndex(masked[from:]); m != nil {
			return cleanSource(s[from+m[2] : from+m[3]])
		}
	}
	if from := subjectVerbFrom(masked); from >= 0 {
		if m := reSubjectVerb.FindStringSubmatchIndex(masked[from:]); m != nil {
			return cleanSource(s[from+m[2] : from+m[3]])
		}
	}
	return ""
}

func cleanSource(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"the ", "a ", "an ", "The ", "A ", "An "} {
		s = strings.TrimPrefix(s, p)
	}
	return strings.TrimSpace(s)
}

// maskQuotes blanks the text of quotations longer than three words, keeping
// byte offsets, so that cues inside them do not count for the sentence.
func maskQuotes(s string) string {
	spans := quoteSpans(s)
	if len(spans) == 0 {
		return s
	}
	b := []byte(s)
	for _, q := range spans {
		if len(strings.Fields(s[q.Start:q.End])) <= 3 {
			continue
		}
		for i := q.Start; i < q.End; i++ {
			if b[i] < 0x80 {
				b[i] = ' '
			}
		}
	}
	return string(b)
}
