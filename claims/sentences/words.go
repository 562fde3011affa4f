package sentences

// abbrevClass says how a word written with a trailing period behaves at a
// possible sentence end.
type abbrevClass uint8

const (
	// notAbbrev is an ordinary word: its period ends the sentence before a
	// capitalised word.
	notAbbrev abbrevClass = iota
	// title precedes a name and never ends a sentence ("Gen.", "Dr.").
	title
	// beforeNumber is followed by a number when it is an abbreviation
	// ("No. 10", "Oct. 5", "p. 55"); before anything else it is an
	// ordinary word.
	beforeNumber
	// general can end a sentence, but only before a word that typically
	// opens one ("Acme Inc. It ..." ends, "Acme Inc. Chief ..." does not).
	general
	// never does not end a sentence within a line ("vs.", "cf.").
	never
)

// abbrevEntry is one known abbreviation.
type abbrevEntry struct {
	class abbrevClass
	// capOnly entries are abbreviations only when capitalised: "Ill."
	// (Illinois) is one, "fell ill." is not.
	capOnly bool
}

// abbrevs maps the lower-case form of an abbreviation, without its period,
// to how it behaves.
var abbrevs = func() map[string]abbrevEntry {
	m := make(map[string]abbrevEntry, 256)
	add := func(class abbrevClass, capOnly bool, words ...string) {
		for _, w := range words {
			m[w] = abbrevEntry{class: class, capOnly: capOnly}
		}
	}
	// Titles and ranks that stand before a name.
	add(title, true,
		"mr", "mrs", "ms", "mx", "messrs", "mmes", "mme", "mlle", "dr", "drs",
		"prof", "profs", "gen", "gens", "col", "lt", "maj", "capt", "cpt",
		"cmdr", "cdr", "adm", "sgt", "cpl", "pvt", "spc", "brig", "gov",
		"govs", "sen", "sens", "rep", "reps", "rev", "fr", "msgr", "hon",
		"pres", "supt", "det", "insp", "amb", "atty", "asst", "assoc", "lieut",
		"comdr", "pfc", "sra", "srta")
	// Words that stand before a number.
	add(beforeNumber, false,
		"no", "nos", "nr", "num", "art", "arts", "fig", "figs", "pp", "vol",
		"vols", "ch", "chap", "sec", "sect", "secs", "para", "pt", "pts",
		"tel", "ext", "rs", "approx", "ca")
	add(beforeNumber, true,
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
		"nov", "dec")
	// Abbreviations that may close a sentence.
	add(general, false,
		"inc", "ltd", "co", "cos", "corp", "llc", "plc", "bros", "jr", "sr",
		"esq", "etc", "al", "dept", "depts", "univ", "assn", "est", "govt",
		"intl", "natl", "min", "max", "misc", "avg", "ave", "blvd", "rd",
		"hwy", "st", "mt", "ft", "mfg", "ret", "ed", "eds", "ibid", "cit",
		"op", "yr", "yrs", "hr", "hrs", "mins", "sq", "lb", "lbs", "oz", "km",
		"mi", "gal", "cie", "dist", "div", "mgr", "mgmt", "admin", "acad")
	// US state and Canadian province abbreviations in news style.
	add(general, true,
		"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga",
		"ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn",
		"miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex",
		"va", "vt", "wash", "wis", "wyo", "alta", "ont", "que", "sask")
	add(never, false, "vs", "cf", "viz", "eg", "ie")
	return m
}()

// starters are capitalised words that commonly open an English sentence.
// After an abbreviation that may or may not end a sentence ("U.S.",
// "Inc."), a following starter decides for a sentence end; any other
// capitalised word is taken to be a name that continues the sentence ("the
// U.S. Government"). Words that often follow such abbreviations inside a
// sentence ("First", "No", "Under", "May") are left out on purpose.
var starters = set(
	"A", "An", "The", "This", "That", "These", "Those", "There", "Here",
	"It", "Its", "He", "She", "His", "Her", "They", "Their", "Them", "We",
	"Our", "Us", "I", "You", "Your", "My",
	"What", "When", "Where", "Which", "Who", "Whom", "Whose", "Why", "How",
	"But", "And", "Or", "Nor", "So", "Yet", "Also", "Still", "Then", "Thus",
	"Hence", "Therefore", "However", "Meanwhile", "Moreover", "Furthermore",
	"Nevertheless", "Nonetheless", "Instead", "Indeed", "Otherwise",
	"Besides", "Additionally", "Finally", "Later", "Earlier",
	"If", "As", "While", "Although", "Though", "Because", "Since", "Unless",
	"Whether", "Once", "After", "Before", "During", "In", "On", "At", "For",
	"With", "Without", "By", "From", "To", "Of", "Among", "Against",
	"Despite", "According", "Over",
	"Is", "Are", "Was", "Were", "Be", "Being", "Been", "Has", "Have", "Had",
	"Do", "Does", "Did", "Can", "Could", "Should", "Would", "Must", "Might",
	"Many", "Most", "Some", "Several", "Few", "More", "Much", "All", "Both",
	"Each", "Every", "Any", "None", "Not", "Only", "Such", "Other",
	"Another", "One", "Two", "Three", "Four", "Five", "Six", "Seven",
	"Eight", "Nine", "Ten",
	"Today", "Yesterday", "Tomorrow", "Now", "Last", "Next",
	"Millions", "Thousands", "Hundreds", "Dozens",
)

// timeFollowers are capitalised words that continue a time of day: "7 p.m.
// Tuesday", "7 p.m. EDT", "7 p.m. Eastern".
var timeFollowers = set(
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
	"Sat", "Sun",
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December", "Jan", "Feb",
	"Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST",
	"PDT", "AKST", "AKDT", "HST", "AST", "ADT", "GMT", "BST", "UTC", "CET",
	"CEST", "EET", "EEST", "WET", "WEST", "MSK", "IST", "JST", "KST", "HKT",
	"SGT", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT", "WIB", "PHT",
	"Eastern", "Central", "Pacific", "Mountain", "Atlantic", "Greenwich",
	"Local",
)

// timeLeads open a sentence with a time phrase ("At 5 a.m. Mr. Smith went
// out"), after which a capitalised word does not start a new sentence.
var timeLeads = set(
	"At", "By", "Until", "Till", "Before", "After", "Around", "About",
	"From", "Since", "Shortly", "Starting", "Beginning", "Between",
	"Sometime", "Just", "Early", "Late", "Past", "Near", "Up",
)

func set(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}
