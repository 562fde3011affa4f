// Package claims turns news articles into normalised claims: one claim per
// sentence, with its exact text and byte offsets in the article file, the
// people, places and organisations it names (each with a transliteration-proof
// name key), the quantities and times it states (normalised to values and
// intervals), its modality (asserted, attributed, hedged or negated) and the
// quotes it carries with their speakers.
//
// The package knows nothing of indexes or comparison: it reads articles and
// returns plain values. Page furniture (bylines, datelines, "Back to top",
// "Also Read: ...", copyright lines) is recognised by its shape and yields no
// claim.
package claims
