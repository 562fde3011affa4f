// Package names normalises personal names so that spellings of one name in
// different transliterations and languages compare equal.
//
// Fold lower-cases a string and folds Latin diacritics to ASCII (and
// transliterates Cyrillic), for search indexes. Parts splits a name into
// its parts after dropping titles ("Dr.", "President"), suffixes ("Jr.")
// and particles ("al-", "bin"). TokenKey reduces one part to a phonetic key
// that transliterations of the same name share ("Rahmon" and "Rakhmon",
// "Zelensky" and "Zelenskiy"), and Key joins the keys of all parts in order.
// Similarity scores two names for ranking fuzzy matches, reaching
// SimilarThreshold when their keys are equal.
//
// The key is a skeleton: vowels of long words and several consonant
// distinctions are dropped, so different names that differ only there
// share a key (Mahmud and Muhammad, Hamid and Hamad, Gomez and Hamza).
// Callers that need to tell people apart should compare more than the key
// of a single part.
package names
