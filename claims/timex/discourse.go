package timex

import "time"

// Discourse extracts the times of the sentences of one article in order,
// carrying the time the text is about from sentence to sentence so that
// anaphoric expressions ("a year earlier", "that day", "the year-ago
// quarter", "the following month") resolve against it. The zero value is an
// article with an unknown publication date.
type Discourse struct {
	// Published is the article's publication date; the zero time is unknown.
	Published time.Time
	anchor    *Time
}

// NewDiscourse returns a Discourse for an article published on published
// (the zero time when unknown).
func NewDiscourse(published time.Time) *Discourse {
	return &Discourse{Published: published}
}

// Extract returns the times of the next sentence of the article, as the
// package-level Extract does with the publication date, the clause tenses
// and the anchor left by the sentences before. The last resolved time that
// stands on its own (not a vague reference, not "a year earlier" or "that
// day") becomes the anchor for the sentences after.
func (d *Discourse) Extract(sentence string) []Time {
	times := Extract(sentence, Context{Published: d.Published, Anchor: d.anchor})
	for i := len(times) - 1; i >= 0; i-- {
		if times[i].Resolved() && standalone(times[i]) {
			a := times[i]
			d.anchor = &a
			break
		}
	}
	return times
}

// Anchor returns the time the article was last about, or nil before any
// resolved time has been seen.
func (d *Discourse) Anchor() *Time { return d.anchor }
