package claims

import (
	"regexp"
	"strings"
	"unicode"
)

// Page furniture is recognised by its shape, not by a list of known lines:
// a line that is a label with a colon and a link title ("Also Read: ...",
// "Related: ..."), a credit or copyright line, a byline or timestamp line, a
// note about the site itself, or a scrap of navigation too short to say
// anything (a few words and no sentence punctuation).

// navLabels are the words that open a link list or credit line before a
// colon: "Also Read:", "Related:", "Source:", "Photo:".
var navLabels = map[string]bool{
	"also": true, "read": true, "related": true, "source": true, "sources": true, "photo": true,
	"photos": true, "image": true, "images": true, "video": true, "watch": true, "listen": true,
	"see": true, "more": true, "tags": true, "topics": true, "share": true, "follow": true,
	"credit": true, "credits": true, "advertisement": true, "sponsored": true, "recommended": true,
	"by": true, "created": true, "updated": true, "published": true, "posted": true, "editor": true,
	"editing": true, "reporting": true, "writing": true, "contact": true, "subscribe": true,
	"trending": true, "latest": true, "top": true, "stories": true, "news": true, "story": true,
}

var (
	reCopyright = regexp.MustCompile(`(?i)(©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b|\bprivacy\b|\bcookies?\b|\bterms of (use|service)\b)`)
	reTimestamp = regexp.MustCompile(`^\W*(\d{4}-\d{2}-\d{2}([T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?|\w{3,9}\.? \d{1,2},? \d{4},? \d{1,2}:\d{2}\s*(am|pm|a\.m\.|p\.m\.)?|\d{1,2}:\d{2}\s*(am|pm)?)\W*$`)
	reISOStamp  = regexp.MustCompile(`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}`)
	reSiteNote  = regexp.MustCompile(`(?i)\b(this|our) (web)?site\b|\b(first|originally) (published|appeared)\b|\bnewsletter\b|\bclick here\b|\b(any|these|external|the) links\b`)
	reSite      = regexp.MustCompile(`(?i)\b(web)?sites?\b`)
	reSiteTopic = regexp.MustCompile(`(?i)\b(news|links?|content|editors?|articles?)\b`)
	reReporting = regexp.MustCompile(`(?i)\b(said|says|told|according to|reported|reports|announced|confirmed)\b`)
	reByline    = regexp.MustCompile(`^(?i:by):?\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*$`)
)

// IsFurniture reports whether a line (or a sentence standing alone) of an
// article is page furniture rather than reporting: navigation scraps, link
// lists, bylines, timestamps, credits, copyright and site notices. An empty
// line is furniture.
func IsFurniture(line string) bool {
	s := strings.TrimSpace(line)
	if s == "" {
		return true
	}
	words := countFields(s)
	if words < 25 && mayBeCopyright(s) && reCopyright.MatchString(s) {
		return true
	}
	if reTimestamp.MatchString(s) || reByline.MatchString(s) {
		return true
	}
	if words < 8 && reISOStamp.MatchString(s) {
		return true
	}
	if mentionsSite(s) && words < 40 && isSiteNotice(s) {
		return true
	}
	// "Also Read: headline", "Related: headline", "By: Name", "Created: date".
	if i := strings.IndexByte(s, ':'); i > 0 && i < 30 {
		label := strings.Fields(strings.ToLower(s[:i]))
		if len(label) > 0 && len(label) <= 3 {
			all := true
			for _, w := range label {
				if !navLabels[strings.Trim(w, "/-")] {
					all = false
					break
				}
			}
			if all {
				return true
			}
		}
	}
	// A label ending in a colon heads what follows; it states nothing.
	if strings.HasSuffix(s, ":") && words <= 8 {
		return true
	}
	// A teaser cut off with an ellipsis.
	if (strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…")) && words <= 10 && !strings.ContainsAny(strings.TrimRight(s, ".…"), ".!?") {
		return true
	}
	// Navigation scraps: a few words without sentence punctuation.
	if words <= 4 && !endsSentence(s) {
		return true
	}
	// Lone punctuation or a bracketed credit like "(fn/dpa)".
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters < 3
}

// isSiteNotice reports whether s, which mentionsSite, is a note about the
// publication itself ("Not all news on the site expresses ..."): a site
// notice phrase, or a site named beside its news, links or content. A
// report that attributes what it says, or a site of something (the site of
// the blast), is reporting.
func isSiteNotice(s string) bool {
	if reReporting.MatchString(s) {
		return false
	}
	if reSiteNote.MatchString(s) {
		return true
	}
	if !reSiteTopic.MatchString(s) {
		return false
	}
	for _, m := range reSite.FindAllStringIndex(s, -1) {
		if !strings.HasPrefix(strings.ToLower(strings.TrimSpace(s[m[1]:])), "of ") {
			return true
		}
	}
	return false
}

// mentionsSite is the cheap test before the site-notice patterns: whether
// the lower-cased s holds a word they need. Only two letters outside ASCII
// lower-case into ASCII (İ and the Kelvin sign); without them, ignoring
// ASCII case is the same test without building the lower-cased copy.
func mentionsSite(s string) bool {
	if strings.Contains(s, "\u0130") || strings.Contains(s, "\u212a") {
		s = strings.ToLower(s)
	}
	return containsAnyFoldASCII(s, "site", "publish", "appeared", "newsletter", "click", "links")
}

// countFields returns len(strings.Fields(s)) without building the fields.
func countFields(s string) int {
	n, in := 0, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			in = false
		case !in:
			in = true
			n++
		}
	}
	return n
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)]»")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}
