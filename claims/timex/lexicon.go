package timex

// class is the lexical class of a word; most time words have a class of
// their own.
type class uint8

const (
	cNone     class = iota
	cMonth          // val 1..12
	cMonAbbr        // abbreviated month, val 1..12
	cWeekday        // val time.Weekday
	cWeekdays       // plural weekday ("Mondays"), a set
	cOrd            // ordinal word, val 1..31
	cNum            // cardinal word, val
	cUnit           // singular unit word, val Unit
	cUnits          // plural unit word, val Unit
	cSeason         // val season index 1..4 (SP, SU, FA, WI)
	cPOD            // part of day, val a podMorning..podNight constant
	cDayRel         // yesterday/today/tomorrow/tonight, val day offset (tonight 100)
	cA              // a, an
	cThe
	cLast
	cNext
	cThis
	cPast
	cComing
	cUpcoming
	cPrevious
	cFollowing
	cCurrent
	cSame
	cLatest
	cRecent
	cEarly
	cLate
	cMid
	cEarlier
	cLater
	cAgo
	cNow
	cRight
	cCurrently
	cNowadays
	cThese
	cRecently
	cLately
	cPreviously
	cFormerly
	cFuture
	cSoon
	cNear
	cTerm
	cShort
	cFiscal
	cPeriod
	cEnd
	cBeginning
	cMiddle
	cOf
	cIn
	cOn
	cAt
	cSince
	cUntil
	cBy
	cFrom
	cTo
	cDuring
	cBefore
	cAfter
	cThrough
	cAround
	cAbout
	cNearly
	cAlmost
	cSome
	cSeveral
	cFew
	cMore
	cThan
	cOver
	cJust
	cThat
	cThose
	cCorresponding
	cComparable
	cFull
	cPresent
	cMoment
	cDate
	cOne
	cPost
	cPre
	cHence
	cOr
	cSo
	cItsPoss // its, their, his, her, our
	cWhile
	cQ // the letter Q of "Q3"
	cFY
	cAs
)

// lex is a lexicon entry.
type lex struct {
	cls class
	val int
}

// Season indexes (lex.val of cSeason).
const (
	seasonSpring = 1 + iota
	seasonSummer
	seasonFall
	seasonWinter
)

var seasonCodes = [...]string{"", "SP", "SU", "FA", "WI"}

// Parts of the day (lex.val of cPOD).
const (
	podMorning = 1 + iota
	podAfternoon
	podEvening
	podNight
)

const tonight = 100 // lex.val of "tonight"

// hotClass marks the classes that can head or close a time expression; a
// sentence without one of them (or a number) has none.
var hotClass = func() (h [256]bool) {
	for _, c := range []class{cMonth, cMonAbbr, cWeekday, cUnit, cUnits, cSeason, cPOD, cDayRel, cNow,
		cCurrently, cNowadays, cRecently, cLately, cPreviously, cFormerly, cFuture, cSoon, cRecent, cCurrent,
		cPresent, cMoment, cAt, cAgo, cLater, cPast, cQ, cFY, cTerm, cPeriod} {
		h[c] = true
	}
	return h
}()

var lexicon = func() map[string]lex {
	m := map[string]lex{}
	months := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	for i, w := range months {
		m[w] = lex{cMonth, i + 1}
	}
	for w, v := range map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		m[w] = lex{cMonAbbr, v}
	}
	days := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for i, w := range days {
		m[w] = lex{cWeekday, i}
		m[w+"s"] = lex{cWeekdays, i}
	}
	ords := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
		"nineteenth", "twentieth"}
	for i, w := range ords {
		m[w] = lex{cOrd, i + 1}
	}
	m["thirtieth"] = lex{cOrd, 30}
	nums := []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}
	for i, w := range nums {
		m[w] = lex{cNum, i + 1}
	}
	m["one"] = lex{cOne, 1}
	for w, v := range map[string]int{"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12} {
		m[w] = lex{cNum, v}
	}
	for w, u := range map[string]Unit{"day": Day, "week": Week, "weekend": Weekend, "month": Month, "quarter": Quarter,
		"year": Year, "decade": Decade, "century": Century, "half": Half} {
		m[w] = lex{cUnit, int(u)}
	}
	for w, u := range map[string]Unit{"days": Day, "weeks": Week, "weekends": Weekend, "months": Month, "quarters": Quarter,
		"years": Year, "decades": Decade, "centuries": Century} {
		m[w] = lex{cUnits, int(u)}
	}
	for w, v := range map[string]int{"spring": seasonSpring, "summer": seasonSummer, "fall": seasonFall,
		"autumn": seasonFall, "winter": seasonWinter} {
		m[w] = lex{cSeason, v}
	}
	for w, v := range map[string]int{"morning": podMorning, "afternoon": podAfternoon, "evening": podEvening, "night": podNight} {
		m[w] = lex{cPOD, v}
	}
	for w, v := range map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": tonight} {
		m[w] = lex{cDayRel, v}
	}
	words := map[string]class{
		"a": cA, "an": cA, "the": cThe, "last": cLast, "next": cNext, "this": cThis, "past": cPast,
		"coming": cComing, "upcoming": cUpcoming, "previous": cPrevious, "prior": cPrevious, "following": cFollowing,
		"current": cCurrent, "same": cSame, "latest": cLatest, "recent": cRecent, "early": cEarly, "late": cLate,
		"mid": cMid, "earlier": cEarlier, "later": cLater, "ago": cAgo, "now": cNow, "right": cRight,
		"currently": cCurrently, "nowadays": cNowadays, "these": cThese, "recently": cRecently, "lately": cLately,
		"previously": cPreviously, "formerly": cFormerly, "future": cFuture, "soon": cSoon, "near": cNear,
		"term": cTerm, "short": cShort, "fiscal": cFiscal, "period": cPeriod, "end": cEnd, "beginning": cBeginning,
		"start": cBeginning, "middle": cMiddle, "of": cOf, "in": cIn, "on": cOn, "at": cAt, "since": cSince,
		"until": cUntil, "till": cUntil, "by": cBy, "from": cFrom, "to": cTo, "during": cDuring, "before": cBefore,
		"after": cAfter, "through": cThrough, "throughout": cThrough, "around": cAround, "about": cAbout,
		"nearly": cNearly, "almost": cAlmost, "some": cSome, "several": cSeveral, "few": cFew, "more": cMore,
		"than": cThan, "over": cOver, "just": cJust, "only": cJust, "that": cThat, "those": cThose,
		"corresponding": cCorresponding, "comparable": cComparable, "full": cFull, "present": cPresent,
		"moment": cMoment, "date": cDate, "post": cPost, "pre": cPre, "hence": cHence, "or": cOr,
		"so": cSo, "its": cItsPoss, "their": cItsPoss, "his": cItsPoss, "her": cItsPoss,
		"our": cItsPoss, "while": cWhile, "q": cQ, "fy": cFY, "within": cDuring,
		"approximately": cAbout, "roughly": cAbout, "as": cAs,
	}
	for w, c := range words {
		m[w] = lex{c, 0}
	}
	return m
}()
