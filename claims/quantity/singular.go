package quantity

import "strings"

// Singular returns the singular of an English noun or noun phrase, lower case
// and trimmed: "Soldiers" → "soldier", "military bases" → "military base"
// (only the last word of a phrase changes), "casualties" → "casualty",
// "people" → "person", "lives" → "life". A word that is already singular, an
// invariant noun ("police", "news", "series") and a word with no plural form
// are returned lower-cased; the empty string gives "".
func Singular(noun string) string {
	s := lowerASCII(strings.TrimSpace(noun))
	if s == "" {
		return ""
	}
	k := strings.LastIndexAny(s, " -")
	head := s[k+1:]
	one := singularWord(head)
	if one == head {
		return s
	}
	return s[:k+1] + one
}

// invariantS are nouns that end in s and are singular, or the same in both
// numbers.
var invariantS = map[string]bool{
	"news": true, "series": true, "species": true, "means": true, "headquarters": true,
	"barracks": true, "crossroads": true, "gas": true, "bus": true, "lens": true, "chaos": true,
	"kudos": true, "ethos": true, "pathos": true, "cosmos": true, "atlas": true, "bias": true,
	"alias": true, "canvas": true, "christmas": true, "texas": true, "kansas": true,
	"arkansas": true, "pancreas": true, "mathematics": true, "politics": true, "economics": true,
	"physics": true, "athletics": true, "gymnastics": true, "ethics": true, "logistics": true,
	"clothes": true, "thanks": true, "remains": true, "premises": true,
	"congratulations": true, "diabetes": true, "measles": true, "mumps": true, "rabies": true,
	"herpes": true, "scissors": true, "trousers": true, "jeans": true, "pants": true,
	"whereabouts": true, "aegis": true, "this": true, "yes": true,
	"has": true, "was": true, "does": true, "is": true, "its": true, "us": true, "as": true,
	"thus": true, "plus": true, "minus": true, "bonus": true, "campus": true, "virus": true,
	"status": true, "census": true, "consensus": true, "focus": true, "genius": true,
	"apparatus": true, "corpus": true, "onus": true, "impetus": true, "hiatus": true,
	"emphasis": true, "basis": true, "crisis": true, "analysis": true, "thesis": true,
	"diagnosis": true, "hypothesis": true, "oasis": true, "axis": true, "tennis": true,
	"paris": true, "mars": true, "marquis": true, "chassis": true, "corps": true,
	"sms": true, "aids": true, "isis": true, "dallas": true, "honduras": true,
	"laos": true, "cyprus": true, "belarus": true, "mauritius": true, "barbados": true,
	"bahamas": true, "netherlands": true,
}

// irregularSingular maps irregular plurals in -s to their singular.
var irregularSingular = map[string]string{
	"lives": "life", "wives": "wife", "knives": "knife", "wolves": "wolf", "halves": "half",
	"leaves": "leaf", "shelves": "shelf", "thieves": "thief", "loaves": "loaf", "calves": "calf",
	"selves": "self", "elves": "elf", "scarves": "scarf", "hooves": "hoof", "sheaves": "sheaf",
	"crises": "crisis", "analyses": "analysis", "theses": "thesis", "diagnoses": "diagnosis",
	"hypotheses": "hypothesis", "oases": "oasis", "parentheses": "parenthesis",
	"syntheses": "synthesis", "axes": "axis", "bases": "base", "indices": "index",
	"matrices": "matrix", "appendices": "appendix", "vertices": "vertex", "gases": "gas",
	"buses": "bus", "lenses": "lens", "atlases": "atlas", "statuses": "status",
	"viruses": "virus", "bonuses": "bonus", "campuses": "campus", "censuses": "census",
	"aliases": "alias", "biases": "bias", "canvases": "canvas", "focuses": "focus",
	"geniuses": "genius", "apparatuses": "apparatus", "corpuses": "corpus",
	"headaches": "headache", "avalanches": "avalanche", "niches": "niche", "caches": "cache",
	"moustaches": "moustache", "mustaches": "mustache", "aches": "ache", "tranches": "tranche",
	"creches": "creche", "psyches": "psyche", "quiches": "quiche", "cliches": "cliche",
	"heroes": "hero", "potatoes": "potato", "tomatoes": "tomato", "tornadoes": "tornado",
	"volcanoes": "volcano", "echoes": "echo", "vetoes": "veto", "torpedoes": "torpedo",
	"mosquitoes": "mosquito", "embargoes": "embargo", "dominoes": "domino",
	"cargoes": "cargo", "mangoes": "mango", "buffaloes": "buffalo", "desperadoes": "desperado",
	"quizzes": "quiz", "whizzes": "whiz", "ties": "tie", "lies": "lie", "pies": "pie",
	"dies": "die", "movies": "movie", "cookies": "cookie", "zombies": "zombie",
	"calories": "calorie", "rookies": "rookie", "hippies": "hippie", "goalies": "goalie",
	"prairies": "prairie", "species": "species", "series": "series", "statistics": "statistic",
	"glasses": "glass", "menus": "menu", "emus": "emu",
	"gurus": "guru", "tutus": "tutu", "haikus": "haiku", "tofus": "tofu",
}

// menExceptions end in -men but are singular.
var menExceptions = map[string]bool{
	"specimen": true, "abdomen": true, "omen": true, "stamen": true, "regimen": true,
	"acumen": true, "hymen": true, "amen": true, "semen": true, "lumen": true, "yemen": true,
	"germen": true, "nomen": true, "cognomen": true, "bitumen": true,
}

// singularWord returns the singular of one lower-case word.
func singularWord(w string) string {
	if s, ok := irregularPlural[w]; ok {
		return s
	}
	if s, ok := irregularSingular[w]; ok {
		return s
	}
	n := len(w)
	if n > 3 && strings.HasSuffix(w, "men") && !menExceptions[w] {
		return w[:n-3] + "man"
	}
	if n < 3 || w[n-1] != 's' || invariantS[w] || isPossessive(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || singularIs(w):
		return w
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") ||
		strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zzes"):
		return w[:n-2]
	}
	return w[:n-1]
}

// isPlural reports whether a lower-case word looks like a plural noun.
func isPlural(w string) bool {
	if _, ok := irregularPlural[w]; ok {
		return true
	}
	if _, ok := irregularSingular[w]; ok {
		return true
	}
	n := len(w)
	if n > 3 && strings.HasSuffix(w, "men") && !menExceptions[w] {
		return true
	}
	if n < 3 || w[n-1] != 's' || invariantS[w] || isPossessive(w) {
		return false
	}
	return !(strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || singularIs(w))
}

// singularIs reports whether a word in -is is singular: "crisis", "arthritis",
// "axis", but not "Israelis" or "taxis".
func singularIs(w string) bool {
	if !strings.HasSuffix(w, "is") {
		return false
	}
	if strings.HasSuffix(w, "sis") || strings.HasSuffix(w, "tis") {
		return true
	}
	switch w {
	case "his", "this", "is", "axis", "iris", "penis", "tennis", "chassis", "marquis", "trellis", "pelvis",
		"aegis", "cannabis", "metropolis", "acropolis", "necropolis", "paris", "tunis", "memphis",
		"clitoris", "epidermis", "debris", "glottis", "ibis", "elvis", "lewis", "davis", "francis",
		"ellis", "morris", "harris", "dennis", "travis", "chris", "boris", "doris", "louis", "willis":
		return true
	}
	return false
}
