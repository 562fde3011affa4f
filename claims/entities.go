package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/token"

	"github.com/crosscheck/crosscheck/claims/names"
)

// personTitles are role nouns that stand before a person's name: whatever
// follows the last of them in a run of capitalised words is a person.
var personTitles = map[string]bool{
	"president": true, "minister": true, "premier": true, "chancellor": true, "general": true,
	"gen": true, "colonel": true, "col": true, "lieutenant": true, "lt": true, "major": true,
	"captain": true, "capt": true, "admiral": true, "adm": true, "marshal": true, "sergeant": true,
	"sgt": true, "commander": true, "secretary": true, "senator": true, "sen": true,
	"representative": true, "rep": true, "governor": true, "gov": true, "mayor": true,
	"ambassador": true, "judge": true, "justice": true, "king": true, "queen": true, "prince": true,
	"princess": true, "emir": true, "sheikh": true, "pope": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "prof": true, "professor": true, "sir": true, "dame": true, "lord": true, "lady": true,
	"chairman": true, "chairwoman": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"speaker": true, "director": true, "ceo": true, "officer": true, "inspector": true, "detective": true,
	"rabbi": true, "imam": true, "bishop": true, "archbishop": true, "cardinal": true, "father": true,
	"ayatollah": true, "mullah": true, "chief": true, "leader": true, "envoy": true, "adviser": true,
	"advisor": true, "coach": true, "manager": true,
}

// orgWords mark a run of capitalised words as an organisation.
var orgWords = map[string]bool{
	"institute": true, "ministry": true, "council": true, "union": true, "organisation": true,
	"organization": true, "party": true, "agency": true, "bank": true, "court": true, "committee": true,
	"command": true, "army": true, "forces": true, "university": true, "service": true, "office": true,
	"department": true, "parliament": true, "assembly": true, "corporation": true, "company": true,
	"group": true, "association": true, "federation": true, "fund": true, "commission": true,
	"center": true, "centre": true, "times": true, "news": true, "post": true, "embassy": true,
	"alliance": true, "commonwealth": true, "nations": true, "board": true, "inc": true, "ltd": true,
	"corp": true, "foundation": true, "police": true, "navy": true, "guard": true, "taliban": true,
	"kremlin": true, "pentagon": true, "congress": true, "senate": true, "cabinet": true, "government": true,
}

// connectors may stand inside a name between capitalised words: "Institute
// for the Study of War", "Osama bin Laden".
var connectors = map[string]bool{
	"of": true, "for": true, "the": true, "de": true, "du": true, "da": true, "del": true, "der": true,
	"van": true, "von": true, "bin": true, "ibn": true, "al": true, "el": true, "la": true, "le": true,
}

// notNames are capitalised words that are not names on their own.
var notNames = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "i": true, "he": true, "she": true, "it": true, "we": true,
	"they": true, "you": true, "his": true, "her": true, "its": true, "their": true, "our": true,
	"this": true, "that": true, "these": true, "those": true, "there": true, "here": true,
	"update": true, "context": true, "latest": true,
}

// isCapWord reports whether a token looks like part of a proper name: it
// starts with a capital letter, or with a lower-case Arabic article joined by
// a hyphen to a capitalised word ("al-Fakhora", "el-Sisi").
func isCapWord(t token.Token) bool {
	text := t.Text
	if i := strings.IndexByte(text, '-'); i > 0 && i <= 4 && isArticle(text[:i]) {
		text = text[i+1:]
	}
	r, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range t.Text {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isArticle(s string) bool {
	switch s {
	case "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul", "bin", "ibn", "abu":
		return true
	}
	return false
}

func isProperTag(tag string) bool { return tag == "NNP" || tag == "NNPS" }

// mayHaveNames is the cheap test that decides whether a sentence needs the
// entity model: a capitalised word after the first token, or a first token
// the tagger takes for a noun or adjective (a sentence opening with a name
// is often tagged so: "Russia/NN maintains ...").
func mayHaveNames(toks []token.Token) bool {
	for i, t := range toks {
		if isCapWord(t) && (i > 0 || isNounish(t.Tag)) {
			return true
		}
	}
	return false
}

// nameWindow is how many tokens of context the entity model sees on each
// side of a run of capitalised words.
const nameWindow = 2

// nameWindows returns the token ranges [start, end) the entity model needs
// to label: each run of capitalised words with a little context, merged
// where they touch. The model is the costly step of extraction, and most of
// a sentence is no name; a sentence without a possible name gets none.
func nameWindows(toks []token.Token) [][2]int {
	if !mayHaveNames(toks) {
		return nil
	}
	var out [][2]int
	for i := 0; i < len(toks); i++ {
		if !isCapWord(toks[i]) {
			continue
		}
		j := i + 1
		for j < len(toks) && isCapWord(toks[j]) {
			j++
		}
		lo, hi := max(0, i-nameWindow), min(len(toks), j+nameWindow)
		if n := len(out); n > 0 && lo <= out[n-1][1] {
			out[n-1][1] = hi
		} else {
			out = append(out, [2]int{lo, hi})
		}
		i = j - 1
	}
	return out
}

func isNounish(tag string) bool {
	switch tag {
	case "NNP", "NNPS", "NN", "NNS", "JJ":
		return true
	}
	return false
}

func hasLabel(t token.Token) bool { return t.Label != "" && t.Label != "O" }

// entitiesOf finds the names in one tagged and labelled sentence: runs of
// capitalised words (with connectors inside), typed by the entity model's
// labels, with leading titles and modifiers cut off ("Russian President
// Vladimir Putin" is the person "Vladimir Putin").
func entitiesOf(src string, toks []token.Token) []Entity {
	var out []Entity
	for i := 0; i < len(toks); {
		if !startsRun(toks, i) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			if isCapWord(toks[j]) && !inLower(notNames, toks[j].Text) {
				j++
				continue
			}
			// A connector joins only when a capitalised word follows it.
			k := j
			for k < len(toks) && inLower(connectors, toks[k].Text) {
				k++
			}
			if k > j && k < len(toks) && isCapWord(toks[k]) {
				j = k + 1
				continue
			}
			break
		}
		if e, ok := makeEntity(src, toks[i:j]); ok {
			out = append(out, e)
		}
		i = j
	}
	return out
}

func startsRun(toks []token.Token, i int) bool {
	t := toks[i]
	if !isCapWord(t) || inLower(notNames, t.Text) {
		return false
	}
	if i == 0 {
		// A capitalised first word is a name only if the tagger or the
		// entity model says so.
		return isProperTag(t.Tag) || isNounish(t.Tag) && hasLabel(t)
	}
	return true
}

func makeEntity(src string, run []token.Token) (Entity, bool) {
	// Cut everything up to the last person title.
	person := false
	for k := len(run) - 1; k >= 0; k-- {
		if inLower(personTitles, strings.TrimSuffix(run[k].Text, ".")) {
			run = run[k+1:]
			person = true
			break
		}
	}
	// Trailing connectors and lone modifiers are not part of the name.
	for len(run) > 0 && inLower(connectors, run[len(run)-1].Text) {
		run = run[:len(run)-1]
	}
	if len(run) == 0 {
		return Entity{}, false
	}
	proper := false
	for _, t := range run {
		if isProperTag(t.Tag) || hasLabel(t) {
			proper = true
		}
	}
	if !proper {
		return Entity{}, false
	}
	start, end := run[0].Start, run[len(run)-1].End()
	text := src[start:end]
	e := Entity{Text: text, Start: start, End: end, Key: names.Key(text)}
	if e.Key == "" {
		return Entity{}, false
	}
	switch {
	case person:
		e.Type = Person
	default:
		e.Type = typeOf(run)
	}
	return e, true
}

// typeOf types a name from the entity model's labels and its words.
func typeOf(run []token.Token) EntityType {
	var per, place, org int
	for _, t := range run {
		if inLower(orgWords, t.Text) {
			org += 2
		}
		switch strings.TrimPrefix(strings.TrimPrefix(t.Label, "B-"), "I-") {
		case "PERSON":
			per++
		case "GPE", "LOCATION", "GSP", "FACILITY":
			place++
		case "ORGANIZATION":
			org++
		}
	}
	switch {
	case org > 0 && org >= per && org >= place:
		return Org
	case per > 0 && per >= place:
		return Person
	case place > 0:
		return Place
	}
	return Other
}

// settleTypes gives one type to every mention of a name within an article: a
// one-word mention whose key is the surname of a person named in full is
// that person, and a name typed differently in different places takes its
// most common type.
func settleTypes(cs []Claim) {
	surnames := map[string]bool{}
	votes := map[string][4]int{}
	for _, c := range cs {
		for _, e := range c.Entities {
			if e.Type == Person {
				parts := strings.Fields(e.Key)
				surnames[parts[len(parts)-1]] = true
			}
			v := votes[e.Key]
			v[e.Type]++
			votes[e.Key] = v
		}
	}
	for ci := range cs {
		for ei := range cs[ci].Entities {
			e := &cs[ci].Entities[ei]
			if !strings.Contains(e.Key, " ") && surnames[e.Key] && e.Type != Place {
				e.Type = Person
				continue
			}
			v := votes[e.Key]
			best := e.Type
			for t := range v {
				if v[t] > v[best] && EntityType(t) != Other {
					best = EntityType(t)
				}
			}
			e.Type = best
		}
	}
}

// inLower reports whether the lower-cased word is in set, without building
// the lower-cased copy when the word is short ASCII.
func inLower(set map[string]bool, word string) bool {
	var buf [24]byte
	if len(word) > len(buf) {
		return set[strings.ToLower(word)]
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return set[strings.ToLower(word)]
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(word)])]
}
