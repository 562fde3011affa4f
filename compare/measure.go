package compare

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/names"
)

// A measure is what a quantity counts, as far as comparing two counts goes:
// the thing counted ("shell", "person") and, for people, what happened to
// them ("death", "injury"), read from the words around the number. Two counts
// of different measures are never in conflict.
type measure struct {
	what string
	// casualty is set when what happened to people is known: such counts
	// are about the story's event even when the sentences differ.
	casualty bool
	// happened is set when what happened to the counted things is known
	// ("protesters detained", "homes destroyed"): a count of an event's
	// outcome, which may grow as the news comes in.
	happened bool
	// specific is set for a share of a named thing ("turnout ... percent"):
	// like casualties, compared even when the sentences differ.
	specific bool
	// scope holds the places and groups the count is limited to: "in Bener
	// Meriah district", "across Asia", "Palestinians".
	scope map[string]bool
	// local is set when the scope names a part of a country (a district, a
	// province, a village): a partial count.
	local bool
	// running is set for a running total of a longer conflict or campaign
	// ("in the conflict", "since the war began", "the total toll"): such
	// totals are compared with each other, not with one incident's count.
	running bool
}

// runningMarks are the words of a clause that make its count a running
// total.
var runningMarks = []string{"in the conflict", "in the war", "in the offensive", "in the fighting",
	"since ", "days of", "weeks of", "total", "overall", "altogether", "the number of"}

// running tells whether a clause (in lower case) makes its count a running
// total.
func running(clause string) bool {
	for _, mark := range runningMarks {
		if strings.Contains(clause, mark) {
			return true
		}
	}
	return false
}

// clauseAround returns the clause of s that holds [start, end): cut at
// commas, semicolons, colons and dashes.
func clauseAround(s string, start, end int) string {
	a := strings.LastIndexAny(s[:start], ",;:–—(") + 1
	b := len(s)
	if i := strings.IndexAny(s[end:], ",;:–—)"); i >= 0 {
		b = end + i
	}
	return s[a:b]
}

// predicates map what happened to counted people to one class.
var predicates = map[string]string{
	"killed": "death", "kill": "death", "killing": "death", "kills": "death", "dead": "death",
	"died": "death", "die": "death", "dying": "death", "death": "death", "deaths": "death",
	"toll": "death", "fatalities": "death", "lives": "death", "bodies": "death", "perished": "death",
	"slain": "death", "drowned": "death",
	"injured": "injury", "injuring": "injury", "injures": "injury", "injury": "injury",
	"injuries": "injury", "wounded": "injury", "wounding": "injury", "hurt": "injury",
	"critical": "critical", "critically": "critical",
	"missing": "missing", "trapped": "trapped",
	"evacuated": "evacuated", "displaced": "displaced", "homeless": "displaced",
	"sheltering": "sheltering", "shelter": "sheltering", "refuge": "sheltering", "inside": "sheltering",
	"arrested": "arrested", "detained": "arrested", "rescued": "rescued",
}

// fillers may stand between a number and what happened ("were so far
// confirmed dead", "others were injured").
var fillers = map[string]bool{
	"were": true, "was": true, "have": true, "has": true, "had": true, "been": true, "being": true,
	"are": true, "is": true, "so": true, "far": true, "reportedly": true, "confirmed": true,
	"already": true, "also": true, "now": true, "feared": true, "believed": true, "people": true,
	"others": true, "other": true, "more": true, "later": true, "still": true, "of": true,
	"whom": true, "them": true, "remain": true, "remained": true, "are.": true, "the": true,
	"who": true, "all": true, "seriously": true, "badly": true, "severely": true,
	"lost": true, "their": true, "his": true, "her": true,
}

// humanNouns count people in general; "children" or "soldiers" count a part
// of them and stay their own unit.
var humanNouns = map[string]bool{
	"person": true, "people": true, "other": true, "individual": true, "victim": true, "": true,
}

// localUnits are the parts of a country a count can be limited to.
var localUnits = map[string]bool{
	"district": true, "districts": true, "province": true, "provinces": true, "village": true,
	"villages": true, "city": true, "town": true, "county": true, "region": true, "state": true,
	"area": true, "camp": true, "neighbourhood": true, "neighborhood": true, "suburb": true,
	"countries": true, "island": true,
}

// scopeWords open a phrase that limits a count to a place.
var scopeWords = map[string]bool{"in": true, "across": true, "throughout": true, "at": true, "near": true, "around": true}

// measureOf reads what a quantity of a claim counts.
func measureOf(cl *claims.Claim, q claims.Quantity) measure {
	m := measure{what: unitOf(q), scope: map[string]bool{}}
	if q.Start < cl.Start || q.End > cl.End {
		return m
	}
	// The count's own clause, and the clause of what happened to it past an
	// aside ("Nine Israelis, including three civilians, have been killed in
	// the conflict").
	clause := clauseAround(cl.Text, q.Start-cl.Start, q.End-cl.Start)
	if rest := skipAside(cl.Text[q.End-cl.Start:]); rest != cl.Text[q.End-cl.Start:] {
		if i := strings.IndexAny(rest, ",;:–—("); i >= 0 {
			rest = rest[:i]
		}
		clause += " " + rest
	}
	clause = strings.ToLower(clause)
	m.running = running(clause)
	tail := skipAside(cl.Text[q.End-cl.Start:])
	after := clauseWords(tail, false)
	before := clauseWords(cl.Text[:q.Start-cl.Start], true)
	noun := q.Noun
	// "bringing to 10 the number of Israelis who have been killed"
	if len(after) > 4 && after[0] == "the" && after[1] == "number" && after[2] == "of" && q.Unit == "" {
		i := 3
		for i < len(after) && stopwords[after[i]] {
			i++
		}
		if i < len(after) {
			fs := strings.Fields(tail)
			if i < len(fs) {
				noun = strings.Trim(fs[i], ",.;:")
			}
			after = after[i+1:]
		}
	}
	unit := strings.ToLower(q.Unit)
	pred, rest := "", after
	for i := 0; i < len(after); i++ {
		w := after[i]
		if p, ok := predicates[w]; ok {
			pred, rest = p, after[i+1:]
			break
		}
		if w == "of" && i == 0 {
			// "59 supporters of the defendant were detained": past the
			// noun's complement to its verb.
			if j := auxAfter(after[1:]); j >= 0 {
				i += j
				continue
			}
		}
		if !fillers[w] {
			break
		}
	}
	if pred == "" && unit == "" {
		// "the number of people detained in the town had risen to 34",
		// "the death toll from the collapse rose to 25": the figure a
		// count reached names its count before the verb.
		if n, p, ok := levelSubject(before); ok {
			noun, pred = n, p
			// A number that rose to a figure is that count revised, not
			// a running total that a new incident is added to ("bringing
			// to 10 the number of Israelis killed").
			m.running = running(strings.Replace(clause, "the number of", "", 1))
		}
	}
	if pred == "" {
		for i := 0; i < len(before) && i < 8; i++ {
			if p, ok := predicates[before[i]]; ok {
				pred = p
				break
			}
		}
	}
	if unit == "" && noun != q.Noun {
		unit = stem(strings.ToLower(noun))
	}
	if demonym(noun) {
		m.scope[names.Fold(strings.ToLower(strings.Fields(noun)[0]))] = true
		unit = "person"
	}
	m.happened = pred != ""
	if pred != "" && (humanNouns[unit] || humanNouns[canonicalUnit(unit)] || unit == "person") {
		m.what, m.casualty = "person:"+pred, true
	} else if pred != "" {
		m.what = canonicalUnit(unit) + ":" + pred
	}
	if unit == "percent" || unit == "fraction" {
		// A share of something: "turnout reached 93.87 percent".
		if subj := q.Of; subj != "" {
			m.what, m.specific = "percent:"+subj, true
		} else if subj := subjectBefore(before); subj != "" {
			m.what, m.specific = "percent:"+subj, true
		}
	}
	// The phrase that limits the count, right after it or after what
	// happened: "killed 170,000 people in the province", not "struck the
	// school in the camp".
	for len(rest) > 0 && fillers[rest[0]] {
		rest = rest[1:]
	}
	if len(rest) > 0 && scopeWords[rest[0]] {
		for _, s := range rest[1:] {
			if s == "and" || s == "when" || s == "after" || s == "as" {
				break
			}
			if localUnits[s] {
				m.local = true
				m.scope[s] = true
			}
		}
		for _, p := range properAfter(cl, q) {
			m.scope[p] = true
		}
	}
	// A sentence that opens with the place: "In Lor district, 4 people
	// were killed".
	if lead := reLeadScope.FindStringSubmatch(cl.Text[:q.Start-cl.Start]); lead != nil {
		for _, w := range strings.Fields(strings.ToLower(lead[1])) {
			if localUnits[w] {
				m.local = true
				m.scope[w] = true
			}
		}
		for _, w := range strings.Fields(lead[1]) {
			if r := []rune(w); len(r) > 0 && unicode.IsUpper(r[0]) {
				m.scope[names.Key(w)] = true
			}
		}
	}
	return m
}

// auxAfter returns the index in ws of the auxiliary verb that ends a noun's
// complement of at most four words ("the defendant were"), or -1.
func auxAfter(ws []string) int {
	for i, w := range ws {
		if i > 4 {
			break
		}
		switch w {
		case "were", "was", "are", "is", "have", "has", "had":
			return i
		}
	}
	return -1
}

// levelVerbs say that a figure reached a level: "rose to", "had risen to",
// "stood at", "reached".
var levelVerbs = map[string]bool{
	"rose": true, "risen": true, "climbed": true, "increased": true, "jumped": true, "grew": true,
	"grown": true, "reached": true, "stood": true, "stands": true, "fell": true, "dropped": true,
}

// npEnds end the noun phrase of "the number of ...".
var npEnds = map[string]bool{
	"from": true, "outside": true, "inside": true, "on": true, "after": true, "since": true,
	"who": true, "that": true, "which": true, "had": true, "has": true, "have": true,
	"was": true, "were": true, "is": true, "are": true,
}

// levelSubject reads the count a figure is the level of, from the clause
// before it (nearest word first): "the number of people detained in X had
// risen to" gives people and arrested, "the death toll from the collapse
// rose to" people and death. The figure must follow a verb of reaching a
// level; a number of victims is a number of deaths.
func levelSubject(before []string) (noun, pred string, ok bool) {
	i := 0
	if i < len(before) && (before[i] == "to" || before[i] == "at") {
		i++
	}
	if i >= len(before) || !levelVerbs[before[i]] {
		return "", "", false
	}
	for j := i + 1; j < len(before); j++ {
		switch {
		case before[j] == "toll":
			return "", "death", true
		case before[j] == "of" && j+1 < len(before) && before[j+1] == "number":
			// The words after "of", in reading order, up to a
			// preposition or the verb.
			var np []string
			for k := j - 1; k > i; k-- {
				if scopeWords[before[k]] || npEnds[before[k]] {
					break
				}
				np = append(np, before[k])
			}
			for k, w := range np {
				if p, ok := predicates[w]; ok {
					if k > 0 {
						noun = np[k-1]
					}
					return noun, p, true
				}
			}
			if len(np) == 0 {
				return "", "", false
			}
			noun = np[len(np)-1]
			if canonicalUnit(stem(noun)) == "death" {
				return "", "death", true
			}
			return noun, "", true
		}
	}
	return "", "", false
}

// reLeadScope is a place phrase opening a sentence, before its comma.
var reLeadScope = regexp.MustCompile(`^(?:In|At|Across|Throughout|Near)\s+([^,]{1,60}),`)

// verbsOfShare link a share to what it is a share of: "turnout reached 93
// percent", "unemployment stood at 5 percent".
var verbsOfShare = map[string]bool{
	"reached": true, "was": true, "is": true, "were": true, "stood": true, "hit": true, "rose": true,
	"fell": true, "of": true, "at": true, "to": true, "by": true, "grew": true, "dropped": true,
	"increased": true, "decreased": true, "jumped": true, "climbed": true, "totalled": true, "totaled": true,
}

// subjectBefore finds the noun a share is of, reading back from the number:
// "turnout" in "turnout reached 93 percent". Empty when there is none.
func subjectBefore(before []string) string {
	for i, w := range before {
		if i > 3 {
			break
		}
		if verbsOfShare[w] || fillers[w] {
			continue
		}
		if stopwords[w] {
			return ""
		}
		return stem(w)
	}
	return ""
}

// properAfter returns the folded names that stand in the scope phrase right
// after a quantity ("killed 170,000 people in the province on Sumatra").
func properAfter(cl *claims.Claim, q claims.Quantity) []string {
	tail := cl.Text[q.End-cl.Start:]
	cut := len(tail)
	for i, r := range tail {
		if r == ',' || r == ';' || r == '.' || r == ':' {
			cut = i
			break
		}
	}
	tail = tail[:cut]
	fs := strings.Fields(tail)
	var out []string
	inScope := false
	for i, f := range fs {
		lw := strings.ToLower(f)
		if lw == "and" || lw == "when" || lw == "after" || lw == "as" || lw == "while" {
			break
		}
		if scopeWords[lw] && i < 2 {
			inScope = true
			continue
		}
		if !inScope {
			continue
		}
		if r := []rune(f); len(r) > 0 && unicode.IsUpper(r[0]) {
			out = append(out, names.Key(f))
		}
	}
	return out
}

// demonym tells whether a counted noun names people by where they come
// from: "Palestinians", "Israelis".
func demonym(noun string) bool {
	fs := strings.Fields(noun)
	if len(fs) == 0 {
		return false
	}
	w := fs[0]
	r := []rune(w)
	if len(r) < 4 || !unicode.IsUpper(r[0]) {
		return false
	}
	lw := strings.ToLower(w)
	for _, suf := range []string{"ians", "ans", "is", "ese", "ish", "ans"} {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// skipAside drops an aside that follows a count before what happened to it:
// "Nine Israelis, including three civilians, have been killed".
func skipAside(s string) string {
	for _, open := range []string{", including ", ", among them ", ", among whom ", " (", " – ", " — "} {
		if !strings.HasPrefix(s, open) {
			continue
		}
		closer := ","
		switch open {
		case " (":
			closer = ")"
		case " – ", " — ":
			closer = strings.TrimSpace(open)
		}
		if i := strings.Index(s[len(open):], closer); i >= 0 {
			return s[len(open)+i+len(closer):]
		}
	}
	return s
}

// clauseWords returns the lower-case words of s up to the first clause
// punctuation, reading backwards (nearest first) when rev is set.
func clauseWords(s string, rev bool) []string {
	if rev {
		if i := strings.LastIndexAny(s, ",;:.()\"“”"); i >= 0 {
			s = s[i+1:]
		}
	} else if i := strings.IndexAny(s, ",;:.()\"“”"); i >= 0 {
		s = s[:i]
	}
	fs := strings.Fields(strings.ToLower(s))
	if rev {
		for i, j := 0, len(fs)-1; i < j; i, j = i+1, j-1 {
			fs[i], fs[j] = fs[j], fs[i]
		}
	}
	return fs
}

// sameMeasure tells whether two measures count the same thing in the same
// scope.
func sameMeasure(a, b measure) bool {
	if a.what != b.what || a.running != b.running {
		return false
	}
	if len(a.scope) == 0 && len(b.scope) == 0 {
		return true
	}
	if len(a.scope) == 0 || len(b.scope) == 0 {
		// One count limited to a part of the country is a partial count.
		return !a.local && !b.local
	}
	for s := range a.scope {
		if b.scope[s] {
			return true
		}
	}
	return false
}

// genericUnit tells whether a unit counts things too general to be one
// story's particular thing without other evidence: people, times, percents.
func genericUnit(u string) bool {
	return humanNouns[u] || u == "percent" || u == "fraction" || u == "time" || u == "thing" || u == "usd"
}
