package claims

import (
	"time"

	"github.com/crosscheck/crosscheck/claims/quantity"
	"github.com/crosscheck/crosscheck/claims/timex"
)

// Version names how claims are extracted. It changes whenever extraction
// gives other claims for the same article, so that stored claims of an
// earlier version are known to be out of date and extracted again.
const Version = "4"

// Article is one news article: where it came from and what is known about it.
// Fields that the corpus metadata does not state are left empty; an unknown
// publication date is the zero time.
type Article struct {
	// ID is the file name without its extension ("-" read from standard input
	// is "stdin").
	ID string
	// Path is the path the article was read from, as given.
	Path string
	// Title is the metadata title, or the article's first non-empty line.
	Title     string
	Outlet    string
	URL       string
	Published time.Time
	// Hash is the hex SHA-256 of the article's bytes; an unchanged hash means
	// unchanged claims.
	Hash string
	// Text is the article's full text, exactly as read.
	Text string
}

// HasDate reports whether the article's publication date is known.
func (a *Article) HasDate() bool { return !a.Published.IsZero() }

// Claim is one sentence of an article with everything extracted from it.
// Offsets are byte offsets into the article file; Line is 1-based.
type Claim struct {
	// ID is "<article>:<n>", n counting the article's claims from 1.
	ID      string
	Article string
	Line    int
	// Column is the 1-based column of Start on its line, in characters.
	Column     int
	Start, End int
	Text       string
	Entities   []Entity
	Quantities []Quantity
	Times      []Time
	// TimesFrom is the id of the claim whose times this one inherited, when
	// it continues that claim's sentence without a time of its own.
	TimesFrom string
	Modality  Modality
	// Cue is the span of the words that set the modality ("reportedly",
	// "Moscow says"); empty for an asserted claim.
	Cue          Span
	AttributedTo string
	Quotes       []Quote
	Tense        timex.Tense
}

// Entity is a person, place or organisation named in a claim.
type Entity struct {
	// Text is the mention as written, without titles such as "General".
	Text string     `json:"text"`
	Type EntityType `json:"type"`
	// Key is the name key: equal for spellings of one name across
	// transliterations (Shidko, Zhidko and Schidko share one).
	Key   string `json:"key"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Quantity is a number stated in a claim, with the noun it counts.
type Quantity = quantity.Quantity

// Time is a time expression of a claim, normalised against the article's
// publication date when that is known.
type Time = timex.Time

// Quote is a passage in quotation marks with its speaker, when the sentence
// (or the one around it) names one.
type Quote struct {
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}
