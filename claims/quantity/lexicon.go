package quantity

// flag classifies a lower-case word of the lexicon.
type flag uint32

const (
	fCard     flag = 1 << iota // cardinal number word; num is its value
	fTens                      // twenty ... ninety
	fScale                     // hundred, thousand, million, dozen; num is the multiplier
	fVague                     // dozens, hundreds, millions; num is the scale
	fOrd                       // ordinal word; num is the position
	fFrac                      // fraction word (half, third, quarters); num is the denominator
	fMonth                     // month name
	fMonthCap                  // month name only when capitalised (May, Mar)
	fStop                      // ends a noun phrase
	fDet                       // determiner or possessive pronoun
	fClock                     // follows a clock time (pm, GMT)
	fFew                       // several, few: counts a following scale
	fYearCue                   // precedes a year (in, since, the)
	fNounLy                    // noun ending in -ly, not an adverb
	fNounEd                    // noun ending in -ed or -ing, not a participle
	fPred                      // adjective said of a counted noun: "one militant dead"
	fHeadEd                    // participle that can name who is counted: "200 injured"
)

// trigger marks the words that can start a quantity on their own.
const trigger = fCard | fScale | fVague | fOrd | fFrac | fFew

// unitKind says how a unit converts and whether it is widened by rounding.
type unitKind uint8

const (
	kindMeasure   unitKind = iota + 1 // a continuous measure: widened by half its last digit
	kindPercent                       // percent, percentage point
	kindCurrency                      // money: no conversion between codes
	kindMagnitude                     // earthquake magnitude
)

// unitDef is a measure unit: its short name, its dimension's canonical unit and
// the factor to it.
type unitDef struct {
	unit, canon string
	factor      float64
	kind        unitKind
}

// entry is what the lexicon knows of one lower-case word.
type entry struct {
	flags  flag
	num    float64
	lo, hi float64  // fFew: the multipliers it allows; fVague: the bare interval
	unit   *unitDef // the measure the word names after a number
}

// pair is the second word of a two-word unit ("per cent", "square miles").
type pair struct {
	second string
	def    *unitDef
}

var (
	uKm      = &unitDef{"km", "km", 1, kindMeasure}
	uM       = &unitDef{"m", "km", 0.001, kindMeasure}
	uCm      = &unitDef{"cm", "km", 1e-5, kindMeasure}
	uMm      = &unitDef{"mm", "km", 1e-6, kindMeasure}
	uMile    = &unitDef{"mile", "km", 1.609344, kindMeasure}
	uNmi     = &unitDef{"nautical mile", "km", 1.852, kindMeasure}
	uFt      = &unitDef{"ft", "km", 0.0003048, kindMeasure}
	uYd      = &unitDef{"yd", "km", 0.0009144, kindMeasure}
	uInch    = &unitDef{"inch", "km", 0.0000254, kindMeasure}
	uKm2     = &unitDef{"km2", "km2", 1, kindMeasure}
	uMi2     = &unitDef{"sq mi", "km2", 2.589988110336, kindMeasure}
	uM2      = &unitDef{"m2", "km2", 1e-6, kindMeasure}
	uHa      = &unitDef{"ha", "km2", 0.01, kindMeasure}
	uAcre    = &unitDef{"acre", "km2", 0.0040468564224, kindMeasure}
	uKg      = &unitDef{"kg", "kg", 1, kindMeasure}
	uG       = &unitDef{"g", "kg", 0.001, kindMeasure}
	uTonne   = &unitDef{"t", "kg", 1000, kindMeasure}
	uLb      = &unitDef{"lb", "kg", 0.45359237, kindMeasure}
	uOz      = &unitDef{"oz", "kg", 0.028349523125, kindMeasure}
	uL       = &unitDef{"l", "l", 1, kindMeasure}
	uMl      = &unitDef{"ml", "l", 0.001, kindMeasure}
	uGal     = &unitDef{"gal", "l", 3.785411784, kindMeasure}
	uM3      = &unitDef{"m3", "l", 1000, kindMeasure}
	uBarrel  = &unitDef{"barrel", "barrel", 1, kindMeasure}
	uKmh     = &unitDef{"km/h", "km/h", 1, kindMeasure}
	uMph     = &unitDef{"mph", "km/h", 1.609344, kindMeasure}
	uKnot    = &unitDef{"kn", "km/h", 1.852, kindMeasure}
	uSec     = &unitDef{"s", "s", 1, kindMeasure}
	uMin     = &unitDef{"min", "s", 60, kindMeasure}
	uHour    = &unitDef{"h", "s", 3600, kindMeasure}
	uDay     = &unitDef{"day", "day", 1, kindMeasure}
	uWeek    = &unitDef{"week", "day", 7, kindMeasure}
	uFortn   = &unitDef{"fortnight", "day", 14, kindMeasure}
	uMonth   = &unitDef{"month", "month", 1, kindMeasure}
	uYear    = &unitDef{"year", "year", 1, kindMeasure}
	uDecade  = &unitDef{"decade", "year", 10, kindMeasure}
	uCentury = &unitDef{"century", "year", 100, kindMeasure}
	uPercent = &unitDef{"percent", "percent", 1, kindPercent}
	uPoint   = &unitDef{"percentage point", "percentage point", 1, kindPercent}
	uMag     = &unitDef{"magnitude", "magnitude", 1, kindMagnitude}
	uUSD     = &unitDef{"usd", "usd", 1, kindCurrency}
	uEUR     = &unitDef{"eur", "eur", 1, kindCurrency}
	uGBP     = &unitDef{"gbp", "gbp", 1, kindCurrency}
	uRUB     = &unitDef{"rub", "rub", 1, kindCurrency}
	uJPY     = &unitDef{"jpy", "jpy", 1, kindCurrency}
	uCNY     = &unitDef{"cny", "cny", 1, kindCurrency}
	uINR     = &unitDef{"inr", "inr", 1, kindCurrency}
	uILS     = &unitDef{"ils", "ils", 1, kindCurrency}
	uTJS     = &unitDef{"tjs", "tjs", 1, kindCurrency}
	uUAH     = &unitDef{"uah", "uah", 1, kindCurrency}
	uCHF     = &unitDef{"chf", "chf", 1, kindCurrency}
	uAge     = &unitDef{"year-old", "year-old", 1, 0}
	uAgeMo   = &unitDef{"month-old", "month-old", 1, 0}
	uAgeWk   = &unitDef{"week-old", "week-old", 1, 0}
	uAgeDay  = &unitDef{"day-old", "day-old", 1, 0}
	uFrac    = &unitDef{"fraction", "percent", 100, kindPercent}
)

// unitWords are the single words that name a unit after a number.
var unitWords = map[*unitDef][]string{
	uKm:      {"km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"},
	uM:       {"m", "metre", "metres", "meter", "meters"},
	uCm:      {"cm", "centimetre", "centimetres", "centimeter", "centimeters"},
	uMm:      {"mm", "millimetre", "millimetres", "millimeter", "millimeters"},
	uMile:    {"mile", "miles", "mi"},
	uFt:      {"ft", "foot", "feet"},
	uYd:      {"yard", "yards", "yd", "yds"},
	uInch:    {"inch", "inches"},
	uKm2:     {"km2", "km²"},
	uM2:      {"m2", "m²"},
	uHa:      {"ha", "hectare", "hectares"},
	uAcre:    {"acre", "acres"},
	uKg:      {"kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"},
	uG:       {"gram", "grams", "gramme", "grammes"},
	uTonne:   {"tonne", "tonnes", "ton", "tons"},
	uLb:      {"lb", "lbs"},
	uOz:      {"oz", "ounce", "ounces"},
	uL:       {"litre", "litres", "liter", "liters"},
	uMl:      {"ml", "millilitre", "millilitres", "milliliter", "milliliters"},
	uGal:     {"gallon", "gallons"},
	uM3:      {"m3", "m³"},
	uBarrel:  {"barrel", "barrels", "bbl"},
	uKmh:     {"kmh", "kph", "kmph"},
	uMph:     {"mph"},
	uKnot:    {"knot", "knots"},
	uSec:     {"second", "seconds", "sec", "secs"},
	uMin:     {"minute", "minutes", "min", "mins"},
	uHour:    {"hour", "hours", "hr", "hrs"},
	uDay:     {"day", "days"},
	uWeek:    {"week", "weeks"},
	uFortn:   {"fortnight", "fortnights"},
	uMonth:   {"month", "months"},
	uYear:    {"year", "years", "yr", "yrs"},
	uDecade:  {"decade", "decades"},
	uCentury: {"century", "centuries"},
	uPercent: {"percent", "pct"},
	uMag:     {"magnitude"},
	uUSD:     {"dollar", "dollars", "usd"},
	uEUR:     {"euro", "euros", "eur"},
	uGBP:     {"gbp", "sterling"},
	uRUB:     {"ruble", "rubles", "rouble", "roubles", "rub"},
	uJPY:     {"yen", "jpy"},
	uCNY:     {"yuan", "renminbi", "rmb", "cny"},
	uINR:     {"inr"},
	uILS:     {"shekel", "shekels", "ils"},
	uTJS:     {"somoni", "tjs"},
	uUAH:     {"hryvnia", "hryvnias", "uah"},
	uCHF:     {"chf"},
}

// twoWordUnits are units written as two words, keyed by the first.
var twoWordUnits = map[string][]pair{
	"per":        {{"cent", uPercent}},
	"percentage": {{"point", uPoint}, {"points", uPoint}},
	"nautical":   {{"mile", uNmi}, {"miles", uNmi}},
	"square": {{"kilometre", uKm2}, {"kilometres", uKm2}, {"kilometer", uKm2}, {"kilometers", uKm2},
		{"km", uKm2}, {"mile", uMi2}, {"miles", uMi2}, {"metre", uM2}, {"metres", uM2},
		{"meter", uM2}, {"meters", uM2}},
	"sq":     {{"km", uKm2}, {"mi", uMi2}, {"miles", uMi2}, {"m", uM2}},
	"metric": {{"ton", uTonne}, {"tons", uTonne}, {"tonne", uTonne}, {"tonnes", uTonne}},
	"cubic":  {{"metre", uM3}, {"metres", uM3}, {"meter", uM3}, {"meters", uM3}},
	"us":     {{"dollar", uUSD}, {"dollars", uUSD}},
	"pounds": {{"sterling", uGBP}},
}

// currencySymbols are the symbols written before an amount.
var currencySymbols = map[string]*unitDef{
	"$": uUSD, "€": uEUR, "£": uGBP, "₽": uRUB, "₹": uINR, "₪": uILS, "₴": uUAH,
}

// currencyCodes are the codes and words written before an amount ("USD 5").
var currencyCodes = map[string]*unitDef{
	"usd": uUSD, "eur": uEUR, "gbp": uGBP, "rub": uRUB, "jpy": uJPY, "cny": uCNY,
	"inr": uINR, "chf": uCHF, "rs": uINR, "dlrs": uUSD,
}

// marker is a bound phrase written before a number.
type marker struct {
	words  []string
	bound  Bound
	approx bool
}

var markerList = []marker{
	{words: []string{"about"}, bound: Approx, approx: true},
	{words: []string{"around"}, bound: Approx, approx: true},
	{words: []string{"approximately"}, bound: Approx, approx: true},
	{words: []string{"approx"}, bound: Approx, approx: true},
	{words: []string{"roughly"}, bound: Approx, approx: true},
	{words: []string{"some"}, bound: Approx, approx: true},
	{words: []string{"circa"}, bound: Approx, approx: true},
	{words: []string{"estimated"}, bound: Approx, approx: true},
	{words: []string{"an", "estimated"}, bound: Approx, approx: true},
	{words: []string{"an", "approximate"}, bound: Approx, approx: true},
	{words: []string{"in", "the", "region", "of"}, bound: Approx, approx: true},
	{words: []string{"on", "the", "order", "of"}, bound: Approx, approx: true},
	{words: []string{"nearly"}, bound: AtMost, approx: true},
	{words: []string{"almost"}, bound: AtMost, approx: true},
	{words: []string{"close", "to"}, bound: AtMost, approx: true},
	{words: []string{"approaching"}, bound: AtMost, approx: true},
	{words: []string{"just", "under"}, bound: AtMost, approx: true},
	{words: []string{"just", "below"}, bound: AtMost, approx: true},
	{words: []string{"just", "short", "of"}, bound: AtMost, approx: true},
	{words: []string{"just", "shy", "of"}, bound: AtMost, approx: true},
	{words: []string{"slightly", "less", "than"}, bound: AtMost, approx: true},
	{words: []string{"slightly", "fewer", "than"}, bound: AtMost, approx: true},
	{words: []string{"a", "little", "under"}, bound: AtMost, approx: true},
	{words: []string{"a", "little", "less", "than"}, bound: AtMost, approx: true},
	{words: []string{"just", "over"}, bound: AtLeast, approx: true},
	{words: []string{"just", "above"}, bound: AtLeast, approx: true},
	{words: []string{"just", "more", "than"}, bound: AtLeast, approx: true},
	{words: []string{"slightly", "more", "than"}, bound: AtLeast, approx: true},
	{words: []string{"slightly", "over"}, bound: AtLeast, approx: true},
	{words: []string{"a", "little", "over"}, bound: AtLeast, approx: true},
	{words: []string{"a", "little", "more", "than"}, bound: AtLeast, approx: true},
	{words: []string{"more", "than"}, bound: AtLeast},
	{words: []string{"over"}, bound: AtLeast},
	{words: []string{"above"}, bound: AtLeast},
	{words: []string{"at", "least"}, bound: AtLeast},
	{words: []string{"no", "fewer", "than"}, bound: AtLeast},
	{words: []string{"no", "less", "than"}, bound: AtLeast},
	{words: []string{"not", "less", "than"}, bound: AtLeast},
	{words: []string{"not", "fewer", "than"}, bound: AtLeast},
	{words: []string{"a", "minimum", "of"}, bound: AtLeast},
	{words: []string{"upwards", "of"}, bound: AtLeast},
	{words: []string{"upward", "of"}, bound: AtLeast},
	{words: []string{"in", "excess", "of"}, bound: AtLeast},
	{words: []string{"well", "in", "excess", "of"}, bound: AtLeast},
	{words: []string{"well", "over"}, bound: AtLeast},
	{words: []string{"well", "above"}, bound: AtLeast},
	{words: []string{"greater", "than"}, bound: AtLeast},
	{words: []string{"exceeding"}, bound: AtLeast},
	{words: []string{"fewer", "than"}, bound: AtMost},
	{words: []string{"less", "than"}, bound: AtMost},
	{words: []string{"under"}, bound: AtMost},
	{words: []string{"below"}, bound: AtMost},
	{words: []string{"at", "most"}, bound: AtMost},
	{words: []string{"at", "the", "most"}, bound: AtMost},
	{words: []string{"up", "to"}, bound: AtMost},
	{words: []string{"within"}, bound: AtMost},
	{words: []string{"no", "more", "than"}, bound: AtMost},
	{words: []string{"not", "more", "than"}, bound: AtMost},
	{words: []string{"no", "greater", "than"}, bound: AtMost},
	{words: []string{"a", "maximum", "of"}, bound: AtMost},
	{words: []string{"as", "many", "as"}, bound: AtMost},
	{words: []string{"as", "much", "as"}, bound: AtMost},
	{words: []string{"not", "exceeding"}, bound: AtMost},
	{words: []string{"only"}, bound: Exact},
	{words: []string{"just"}, bound: Exact},
	{words: []string{"exactly"}, bound: Exact},
	{words: []string{"precisely"}, bound: Exact},
	{words: []string{"a", "total", "of"}, bound: Exact},
}

// markersByLast indexes markerList by the marker's last word.
var markersByLast = func() map[string][]*marker {
	m := make(map[string][]*marker)
	for i := range markerList {
		mk := &markerList[i]
		last := mk.words[len(mk.words)-1]
		m[last] = append(m[last], mk)
	}
	return m
}()

// irregularPlural are plural nouns that do not end in s, and invariant nouns
// that count many.
var irregularPlural = map[string]string{
	"people": "person", "men": "man", "women": "woman", "children": "child",
	"feet": "foot", "teeth": "tooth", "geese": "goose", "mice": "mouse",
	"lice": "louse", "oxen": "ox", "brethren": "brother", "police": "police",
	"personnel": "personnel", "staff": "staff", "cattle": "cattle",
	"aircraft": "aircraft", "spacecraft": "spacecraft", "livestock": "livestock",
	"sheep": "sheep", "deer": "deer", "fish": "fish", "offspring": "offspring",
	"criteria": "criterion", "phenomena": "phenomenon", "bacteria": "bacterium",
	"alumni": "alumnus", "nuclei": "nucleus", "fungi": "fungus", "cacti": "cactus",
	"militia": "militia", "crew": "crew", "clergy": "clergy", "infantry": "infantry",
}

// lexicon maps a lower-case word to what is known of it.
var lexicon = buildLexicon()

// entNone marks a token whose word is not in the lexicon.
const entNone = 1<<16 - 1

// entries and lexiconIndex hold the lexicon as a slice and an index into it,
// so that tokens can refer to entries without pointers. Index 0 is unused.
var entries, lexiconIndex = func() ([]entry, map[string]uint16) {
	es := make([]entry, 1, len(lexicon)+1)
	idx := make(map[string]uint16, len(lexicon))
	for w, e := range lexicon {
		idx[w] = uint16(len(es))
		es = append(es, *e)
	}
	if len(es) >= entNone {
		panic("quantity: lexicon too large for token entry indexes")
	}
	return es, idx
}()

func buildLexicon() map[string]*entry {
	m := make(map[string]*entry, 1024)
	get := func(w string) *entry {
		e := m[w]
		if e == nil {
			e = &entry{}
			m[w] = e
		}
		return e
	}
	add := func(f flag, num float64, words ...string) {
		for _, w := range words {
			e := get(w)
			e.flags |= f
			if num != 0 {
				e.num = num
			}
		}
	}
	units := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
		"eighteen", "nineteen"}
	for i, w := range units {
		add(fCard, float64(i), w)
	}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, w := range tens {
		add(fCard|fTens, float64(20+10*i), w)
	}
	add(fScale, 100, "hundred")
	add(fScale, 1e3, "thousand")
	add(fScale, 1e6, "million")
	add(fScale, 1e9, "billion")
	add(fScale, 1e12, "trillion")
	add(fScale, 12, "dozen")
	vague := []struct {
		w      string
		num    float64
		lo, hi float64
	}{
		{"dozens", 12, 24, 99},
		{"scores", 20, 40, 99},
		{"tens", 10, 20, 99},
		{"hundreds", 100, 200, 999},
		{"thousands", 1e3, 2e3, 1e6 - 1},
		{"millions", 1e6, 2e6, 1e9 - 1},
		{"billions", 1e9, 2e9, 1e12 - 1},
		{"trillions", 1e12, 2e12, 1e15 - 1},
	}
	for _, v := range vague {
		e := get(v.w)
		e.flags |= fVague
		e.num, e.lo, e.hi = v.num, v.lo, v.hi
	}
	for _, f := range []struct {
		w      string
		lo, hi float64
	}{{"several", 3, 9}, {"few", 2, 5}, {"handful", 2, 9}, {"couple", 2, 3}} {
		e := get(f.w)
		e.flags |= fFew
		e.lo, e.hi = f.lo, f.hi
	}
	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
		"ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
		"sixteenth", "seventeenth", "eighteenth", "nineteenth"}
	for i, w := range ords[1:] {
		add(fOrd, float64(i+1), w)
	}
	tensOrd := []string{"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
		"eightieth", "ninetieth"}
	for i, w := range tensOrd {
		add(fOrd, float64(20+10*i), w)
	}
	add(fOrd, 100, "hundredth")
	add(fOrd, 1000, "thousandth")
	add(fOrd, 1e6, "millionth")
	add(fFrac, 2, "half", "halves")
	add(fFrac, 3, "third", "thirds")
	add(fFrac, 4, "quarter", "quarters")
	for i, w := range []string{"fifth", "sixth", "seventh", "eighth", "ninth", "tenth"} {
		add(fFrac, float64(5+i), w, w+"s")
	}
	add(fMonth, 0, "january", "february", "march", "april", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "apr", "jun", "jul",
		"aug", "sep", "sept", "oct", "nov", "dec")
	add(fMonthCap, 0, "may", "mar")
	add(fDet, 0, "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
		"our", "my", "your", "whose", "every", "each", "any", "all", "both", "no")
	add(fStop, 0,
		// prepositions and particles
		"in", "on", "at", "of", "for", "from", "to", "by", "with", "into", "onto", "across", "over",
		"under", "near", "after", "before", "during", "since", "until", "till", "between", "among",
		"amongst", "around", "about", "off", "per", "via", "beneath", "above", "below", "along",
		"through", "throughout", "toward", "towards", "against", "without", "within", "outside",
		"inside", "behind", "beyond", "upon", "like", "than", "as", "out", "up", "down", "amid",
		"amidst", "despite", "including", "excluding", "near", "versus", "vs", "whereas",
		// conjunctions and relatives
		"and", "or", "but", "nor", "yet", "so", "while", "when", "where", "who", "whom", "which",
		"what", "why", "how", "whether", "because", "although", "though", "if", "unless", "than",
		"then", "once", "whose",
		// pronouns
		"i", "me", "we", "us", "you", "he", "him", "she", "it", "they", "them", "one",
		"themselves", "itself", "himself", "herself", "ourselves", "there", "here",
		// auxiliaries and frequent verbs that follow a count
		"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
		"do", "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall",
		"should", "said", "say", "says", "told", "tell", "made", "make", "makes", "went", "go",
		"goes", "came", "come", "comes", "ran", "run", "fell", "rose", "saw", "see", "seen", "lost",
		"won", "gave", "give", "took", "take", "takes", "got", "get", "gets", "left", "met", "put",
		"set", "led", "fled", "held", "kept", "sent", "spent", "found", "stood", "struck", "shot",
		"became", "become", "began", "brought", "bought", "caught", "felt", "heard", "knew",
		"meant", "paid", "sold", "sought", "taught", "thought", "wrote", "spoke", "broke", "chose",
		"drove", "flew", "grew", "threw", "wore", "fought", "built", "dug", "hung", "slept",
		"stuck", "sank", "bore", "tore", "swore", "remain", "remains", "include", "includes",
		"live", "lay", "lie", "lies", "lain", "died", "die", "dies", "need", "needs", "want",
		"wants", "seem", "seems", "appear", "appears", "according",
		// adverbs and quantifiers
		"also", "still", "far", "more", "most", "less", "least", "already", "now", "not", "no",
		"never", "ever", "again", "only", "just", "even", "too", "very", "ago", "later", "earlier",
		"away", "apiece", "each", "abroad", "overseas", "respectively", "altogether", "some",
		"any", "all", "both", "either", "neither", "such", "own", "nearly", "almost", "roughly",
		"approximately", "instead", "else", "well", "together", "alone", "aboard", "ahead",
		"back", "home", "yesterday", "today", "tomorrow", "tonight", "overnight", "monday",
		"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms",
		"dr", "st", "gen", "sen", "rep", "prof", "lt", "col", "sgt", "capt", "cpl",
		"somewhere", "everywhere", "anywhere", "nowhere", "this", "that", "these", "those",
	)
	add(fClock, 0, "am", "pm", "gmt", "utc", "edt", "est", "cet", "cest", "bst", "pst", "pdt",
		"cst", "cdt", "mst", "mdt", "msk", "wib", "ist", "jst", "aest", "aedt", "o'clock", "o’clock",
		"hrs", "h", "local")
	add(fYearCue, 0, "in", "since", "from", "until", "till", "by", "during", "before", "after",
		"early", "late", "mid", "fiscal", "year", "of", "the", "between", "summer", "winter",
		"spring", "autumn", "through", "and", "or", "to", "year's", "class", "vintage", "circa")
	add(fNounLy, 0, "family", "ally", "assembly", "supply", "rally", "monopoly", "italy", "july",
		"fly", "belly", "jelly", "bully", "anomaly", "lily", "reply", "majority", "tally",
		"homily", "folly", "gully", "melee", "volley", "valley", "trolley", "holly", "doily",
		"daily", "weekly", "monthly", "quarterly", "elderly", "only", "early", "poly", "sly")
	add(fNounEd, 0, "bed", "beds", "shed", "seed", "speed", "need", "feed", "creed", "breed",
		"steed", "weed", "reed", "sled", "hundred", "thing", "things", "building", "buildings",
		"king", "kings", "ring", "rings", "wing", "wings", "sibling", "siblings", "offspring",
		"meeting", "meetings", "evening", "morning", "mornings", "evenings", "wedding", "ceiling",
		"string", "spring", "swing", "sling", "sting", "bring", "briefing", "briefings", "dwelling",
		"dwellings", "setting", "painting", "paintings", "shooting", "shootings", "bombing",
		"bombings", "killing", "killings", "landing", "landings", "crossing", "crossings",
		"filling", "earning", "earnings", "saving", "savings", "warning", "warnings", "heading",
		"hearing", "hearings", "opening", "openings", "sitting", "timing", "training", "housing",
		"clothing", "beijing", "viking", "pudding", "darling", "duckling", "yearling", "ceiling",
		"embed", "pound", "hatred", "kindred")
	add(fPred, 0, "dead", "alive", "missing", "hurt", "safe", "homeless", "unaccounted", "ill",
		"sick", "critical", "stranded")
	add(fHeadEd, 0, "injured", "wounded", "killed", "displaced", "detained", "arrested", "evacuated",
		"trapped", "hospitalised", "hospitalized", "affected", "infected", "rescued", "captured",
		"kidnapped", "abducted", "jailed", "imprisoned", "executed", "deported", "employed",
		"unemployed", "disappeared", "drowned", "buried", "poisoned", "sickened", "treated",
		"tested", "vaccinated", "registered", "enrolled", "insured", "surveyed", "polled",
		"questioned", "interviewed", "elected", "nominated", "recovered", "confirmed", "missing",
		"stranded", "dead", "hurt", "sentenced", "convicted", "charged", "released", "freed",
		"exiled", "expelled", "relocated", "resettled", "homeless", "deceased", "disabled",
		"retired", "fired", "laid", "burned", "burnt", "maimed", "paralysed", "paralyzed")
	for def, words := range unitWords {
		for _, w := range words {
			get(w).unit = def
		}
	}
	return m
}
