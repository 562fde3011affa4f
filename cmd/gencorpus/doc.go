// Command gencorpus writes a synthetic news corpus with known gold, for
// measuring crosscheck at scale (a thousand to a hundred thousand articles
// and more).
//
//	gencorpus -n 10000 -stories 1250 -seed 7 -out /tmp/corpus10k
//
// The output folder must be new or empty. Everything in it is flat, so that
// crosscheck's loader, which reads articles.yaml from each article's own
// folder and takes a file's stem as the article id, finds all of it:
//
//   - <story>-<k>.txt, one per article: a headline line, a blank line, then
//     paragraphs of one to four sentences separated by blank lines, 400 to
//     1,200 words in all. Story and article numbers are zero-padded to one
//     width, so no article id is a prefix of another.
//   - articles.yaml: a YAML list of {file, title, outlet, url, published}.
//     A story's articles are published one to three days after its event;
//     stories spread over three to forty years (four days a story).
//   - gold.json: in the form score.py reads. "stories" maps each story to
//     its articles; "positives" are the planted discrepancies with their
//     kinds and "requires" groups; "negatives" the planted agreements with
//     their "between" groups; "identities" holds one group of surname
//     spellings per person. Every alternative names an article, a
//     "contains" string and the line of the paragraph it is on.
//
// # Determinism
//
// The same flags give byte-identical files. A PCG seeded from -seed plans
// the pools of invented countries, people and towns and every story's
// date, event, country and cast in sequence; each story is then written by
// a generator of its own, seeded from -seed and the story's number, so the
// parallel workers' scheduling cannot change a byte. Metadata and gold
// entries are written in story order. No map is iterated.
//
// # What is planted
//
// A story states its facts (the event's day, counts, an earlier visit, a
// year, a framing, claims, quotes) the same way in every article that
// mentions them, except where something is planted. Each story gets about
// -rate × articles positives, cycling through the kinds for balance:
//
//   - name-variant: one article spells a principal's surname another way
//     (Zh/Sh/Sch/J, kh/h, -iy/-y/-yy, doubled letters, ts/tz), throughout
//     or, now and then, alongside the usual spelling.
//   - number: a different count of the same thing that cannot be the same
//     figure ("about 7,000" against "about 3,500"; "more than 200" against
//     "90"). The two articles share a publication day, or the one with the
//     other figure is the latest and lower, so it never reads as an update.
//   - update (kinds number and update): from some publication day on, the
//     articles give a higher figure of a rising count ("rose to 31").
//   - date: the event on the day before ("on Monday" against "on
//     Tuesday"), "last week" against "two weeks ago" in articles published
//     on the same day (from different days the two may name one calendar
//     week), or another year.
//   - framing: "three military bases" against "the 201st base, the
//     largest" (kinds framing and number), or the event type's own pair.
//   - modality: an asserted or attributed claim against a hedged one
//     ("could reportedly have", "may have, according to").
//   - quote: the same speaker's quote, reworded.
//
// and about -neg-rate × articles negatives: the same day written as a
// weekday, a date or "yesterday"; "two weeks ago" and the date it means; a
// year and its part of a decade ("since 1987", "since the late 1980s"); an
// approximate count and a close exact one, a lower bound and its bare
// figure; two hedges; a full quote and its first part; two verbs of the
// same meaning; a count of one group and a vague count of a wider one.
//
// Every planted sentence names the story's own town, which no other story
// has, so it is unique in the corpus, and its "contains" string occurs once
// in its article, on one line. Background sentences state no counts, dates
// or hedges and name no people, so they cannot disagree.
//
// People come from a pool of invented names in which different people share
// first names, some surnames have spelling variants, and some differ from
// another person's surname only by the ending. Different names (surnames,
// given names, towns, provinces, countries) never share a name key, nor a
// key with two neighbouring sounds swapped: invented from a few syllables,
// they would do so far more often than real names, and read as one name
// spelled two ways.
//
// Exit codes: 0 written, 1 the corpus could not be written, 2 usage error
// (a bad flag or a non-empty output folder).
package main
