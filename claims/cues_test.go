package claims

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/claims/sentences"
)

// The patterns the hand-written scanners stand for, as the reference they
// are checked against.
var (
	refHedge     = regexp.MustCompile(`\b(?:\d+(?:\.\d+)?\s*(?:per ?cent|%)\s+(?:sure|certain|confident)|reportedly|allegedly|apparently|purportedly|probably|possibly|perhaps|presumably|supposedly|seemingly|likely|unlikely|unconfirmed|rumou?red|rumou?rs?|speculat(?:ion|ed|es|e)|could|might|may|(?:is|are|was|were|been) (?:said|believed|thought|understood|reported|alleged|rumou?red) to|appears? to|seems? to|it is unclear|not clear whether)\b`)
	refAttrib    = regexp.MustCompile(`\b(?:according to|says|said|say|claims?|claimed|states|stated|told|reports|reported|announced|insists?|insisted|alleges|noted|added|argued|estimates|estimated|believes|warned|confirmed|quoted)\b`)
	refNegation  = regexp.MustCompile(`\b(?:not|never|no|none|nobody|nothing|neither|nor|without)\b|n['’]t\b`)
	cueSentences = []string{
		"", "may", "May", "99.9 per cent sure", "99.9per cent sure", "99.9 percent  surely", "3.x5 % certain.",
		"he is 100 %\tconfident", "1.2.3 percent sure", "x5 percent sure", "it was said to be", "it was said  to be",
		"they are reported to_", "it is unclear", "It Is Unclear", "not clear whether", "not clear whether_",
		"he didn't", "don’t", "n't", "isn'tx", "ain't no", "canno't", "according to", "according  to",
		"accordingto", "claims, claim, claimed", "saysay", "The data Agency said it", "iPhone said",
		"“We will not give up on this region,” the minister said.", "seems to, appear to", "rumours",
		"the Kelvin sign: \u212a and long \u017f", "İstanbul says no", "could reportedly probably",
		"could  reportedly", "could, reportedly", "mayor", "may_be", "speculatio", "unlikely.",
	}
)

// corpusSentences returns the sentences of the seeds and, when
// CROSSCHECK_EVAL is set, of the evaluation clusters.
func corpusSentences(tb testing.TB) []string {
	tb.Helper()
	out := append([]string(nil), cueSentences...)
	paths := []string{filepath.Join("..", "seeds")}
	if dir := os.Getenv("CROSSCHECK_EVAL"); dir != "" {
		paths = append(paths, filepath.Join(dir, "clusters"))
	}
	arts, _ := Load(paths, LoadOptions{})
	for _, a := range arts {
		for _, sp := range sentences.Split(a.Text) {
			out = append(out, a.Text[sp.Start:sp.End])
		}
	}
	return out
}

func refFind(re *regexp.Regexp, s string) (int, int, bool) {
	if loc := re.FindStringIndex(s); loc != nil {
		return loc[0], loc[1], true
	}
	return 0, 0, false
}

func TestCueScannersMatchPatterns(t *testing.T) {
	scanners := []struct {
		name string
		find func(string) (int, int, bool)
		ref  *regexp.Regexp
	}{
		{"hedge", findHedge, refHedge},
		{"attribution", findAttribution, refAttrib},
		{"negation", findNegation, refNegation},
	}
	for _, s := range corpusSentences(t) {
		for _, in := range []string{s, strings.ToLower(s), strings.ToLower(maskQuotes(s))} {
			for _, sc := range scanners {
				gs, ge, gok := sc.find(in)
				ws, we, wok := refFind(sc.ref, in)
				if gs != ws || ge != we || gok != wok {
					t.Errorf("%s scanner on %q = %d, %d, %v; want %d, %d, %v", sc.name, in, gs, ge, gok, ws, we, wok)
				}
			}
		}
	}
}

func TestAttributionSearchStarts(t *testing.T) {
	for _, s := range corpusSentences(t) {
		for _, in := range []string{s, maskQuotes(s)} {
			if got, want := attributionFrom(in, subjectVerbFrom, reSubjectVerb), refSubmatch(reSubjectVerb, in); got != want {
				t.Errorf("subject-verb source of %q = %q; want %q", in, got, want)
			}
			if got, want := attributionFrom(in, verbSubjectFrom, reVerbSubject), refSubmatch(reVerbSubject, in); got != want {
				t.Errorf("verb-subject source of %q = %q; want %q", in, got, want)
			}
			if got, want := containsFoldASCII(in, "according to"), reAccordingTo.MatchString(in); want && !got {
				t.Errorf("containsFoldASCII(%q, \"according to\") = %v, but the pattern matches", in, got)
			}
			if got, want := mayBeCopyright(in), reCopyright.MatchString(in); want && !got {
				t.Errorf("mayBeCopyright(%q) = %v, but the pattern matches", in, got)
			}
		}
	}
}

func TestFurnitureShortcuts(t *testing.T) {
	for _, s := range append(corpusSentences(t), "SİTE", "CLİCK here", "\u212aLICK", "web\u00a0site\u2003news", "a\xffb c") {
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Errorf("countFields(%q) = %d; want %d", s, got, want)
		}
		if got, want := mentionsSite(s), refMentionsSite(s); got != want {
			t.Errorf("mentionsSite(%q) = %v; want %v", s, got, want)
		}
	}
}

func refMentionsSite(s string) bool {
	lower := strings.ToLower(s)
	for _, w := range []string{"site", "publish", "appeared", "newsletter", "click", "links"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

func attributionFrom(s string, from func(string) int, re *regexp.Regexp) string {
	i := from(s)
	if i < 0 {
		return ""
	}
	if m := re.FindStringSubmatchIndex(s[i:]); m != nil {
		return s[i+m[2] : i+m[3]]
	}
	return ""
}

func refSubmatch(re *regexp.Regexp, s string) string {
	if m := re.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

func FuzzCueScanners(f *testing.F) {
	for _, s := range cueSentences {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, sc := range []struct {
			find func(string) (int, int, bool)
			ref  *regexp.Regexp
		}{{findHedge, refHedge}, {findAttribution, refAttrib}, {findNegation, refNegation}} {
			gs, ge, gok := sc.find(s)
			ws, we, wok := refFind(sc.ref, s)
			if gs != ws || ge != we || gok != wok {
				t.Errorf("scanner for %s on %q = %d, %d, %v; want %d, %d, %v", sc.ref, s, gs, ge, gok, ws, we, wok)
			}
		}
		if got, want := attributionFrom(s, subjectVerbFrom, reSubjectVerb), refSubmatch(reSubjectVerb, s); got != want {
			t.Errorf("subject-verb source of %q = %q; want %q", s, got, want)
		}
		if got, want := attributionFrom(s, verbSubjectFrom, reVerbSubject), refSubmatch(reVerbSubject, s); got != want {
			t.Errorf("verb-subject source of %q = %q; want %q", s, got, want)
		}
		if reAccordingTo.MatchString(s) && !containsFoldASCII(s, "according to") {
			t.Errorf("containsFoldASCII(%q) misses a match of reAccordingTo", s)
		}
		if reCopyright.MatchString(s) && !mayBeCopyright(s) {
			t.Errorf("mayBeCopyright(%q) misses a match of reCopyright", s)
		}
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Errorf("countFields(%q) = %d; want %d", s, got, want)
		}
		if got, want := mentionsSite(s), refMentionsSite(s); got != want {
			t.Errorf("mentionsSite(%q) = %v; want %v", s, got, want)
		}
	})
}

func TestBeforeNameVerbShortcut(t *testing.T) {
	for _, s := range append(corpusSentences(t), "Putin said on Friday: ", "he told reporters,\t", "They said:x", "") {
		if got, want := beforeNameVerb(s), reBeforeNameVerb.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Errorf("beforeNameVerb(%q) = %q; want %q", s, got, want)
		}
	}
}
