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
	// Hedges make a claim uncertain. A hedge inside scare quotes
	// ("probably") still hedges.
	reHedge = regexp.MustCompile(`\b(?:\d+(?:\.\d+)?\s*(?:per ?cent|%)\s+(?:sure|certain|confident)|reportedly|allegedly|apparently|purportedly|probably|possibly|perhaps|presumably|supposedly|seemingly|likely|unlikely|unconfirmed|rumou?red|rumou?rs?|speculat(?:ion|ed|es|e)|could|might|may|(?:is|are|was|were|been) (?:said|believed|thought|understood|reported|alleged|rumou?red) to|appears? to|seems? to|it is unclear|not clear whether)\b`)
	// Attribution puts a claim in someone's mouth.
	reAttrib = regexp.MustCompile(`\b(?:according to|says|said|say|claims?|claimed|states|stated|told|reports|reported|announced|insists?|insisted|alleges|noted|added|argued|estimates|estimated|believes|warned|confirmed|quoted)\b`)
	// Negation denies it.
	reNegation = regexp.MustCompile(`\b(?:not|never|no|none|nobody|nothing|neither|nor|without)\b|n['’]t\b`)

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
	if loc := reHedge.FindStringIndex(lower); loc != nil && !isMonthMay(s, loc) {
		return Hedged, attributionSource(s, masked), widenCue(lower, reHedge, loc)
	}
	if loc := reAttrib.FindStringIndex(lower); loc != nil {
		src := attributionSource(s, masked)
		if src != "" {
			if i := strings.Index(s, src); i >= 0 && i < loc[0] && loc[0]-i-len(src) < 3 {
				loc[0] = i
			}
		}
		return Attributed, src, Span{loc[0], loc[1]}
	}
	if loc := reNegation.FindStringIndex(lower); loc != nil {
		return Negated, "", Span{loc[0], loc[1]}
	}
	return Asserted, "", Span{}
}

// widenCue extends a cue over the hedges right after it ("could reportedly").
func widenCue(lower string, re *regexp.Regexp, loc []int) Span {
	sp := Span{loc[0], loc[1]}
	for {
		rest := lower[sp.End:]
		trimmed := strings.TrimLeft(rest, " ")
		next := re.FindStringIndex(trimmed)
		if next == nil || next[0] != 0 || len(rest)-len(trimmed) > 1 {
			return sp
		}
		sp.End += len(rest) - len(trimmed) + next[1]
	}
}

// isMonthMay tells the month May from the modal verb may.
func isMonthMay(s string, loc []int) bool {
	return s[loc[0]:loc[1]] == "May"
}

// attributionSource names who a sentence attributes its claim to: "according
// to X", "X says", "..., said X". Empty when nobody is named.
func attributionSource(s, masked string) string {
	if m := reAccordingTo.FindStringSubmatchIndex(masked); m != nil {
		return cleanSource(s[m[2]:m[3]])
	}
	if m := reVerbSubject.FindStringSubmatchIndex(masked); m != nil {
		return cleanSource(s[m[2]:m[3]])
	}
	if m := reSubjectVerb.FindStringSubmatchIndex(masked); m != nil {
		return cleanSource(s[m[2]:m[3]])
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
