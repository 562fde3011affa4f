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
// Match decides whether two written names are the same name, tolerant of
// the spelling noise that the key does not absorb, and TokenMatch does the
// same for one part, such as two surnames. Two parts match when their keys
// are equal, or when their keys are a small weighted edit distance apart
// and their folded spellings are alike (Jaro-Winkler at least 0.8):
//
//   - swaps that transliterations make between consonant classes the key
//     keeps apart (b/p, b/v, f/p, f/v, s/sh, g/j, th/z, d/dj, m/n, j/y),
//     a swap of two neighbouring consonants, the loss of h, w or y inside
//     a word, and a change to the vowel start (Uladzimir, Vladimir;
//     Hamdouni, Amdouni) cost half an edit; any other edit costs one;
//   - a key of c >= 3 consonants absorbs (c-1)/2 halves: a single half
//     edit for 3 or 4 consonants, one edit for 5 or 6, and so on; one
//     more edit is absorbed when the folded spellings are very close
//     (Jaro-Winkler at least 0.95), which covers typos the key amplifies;
//   - keys of at most two consonants keep their vowels and must be equal
//     (Tom and Tim, Sun and Sung, Lin and Lim stay apart);
//   - a part that only extends the other (Rustam, Rustamov; Donets,
//     Donetsk; Putin, Puting) is a derived name and matches only with an
//     equal key;
//   - an initial h before a vowel (Haroun, Aroun) and a joined Arabic
//     article (Elkaddafi, Gaddafi) may be set aside, and a final au, eu or
//     ou, the Belarusian spelling of the Russian -ov and -ev, matches them
//     (Rybakou, Rybakov).
//
// Match requires the same number of Parts, matched in order, so a surname
// alone never matches a full name, a reordered name does not match, and
// names that share a surname but not a given name stay apart (Kim Jong Un
// and Kim Chol; Emomali Rahmon, Emomali Sobirzoda and Rustam Emomali).
// Names and parts with no letters never match, not even each other. Letters
// of scripts with no ASCII spelling match only when their keys are equal.
//
// Some distinct names still match: those the key already merges (see
// below), and those that differ only by a rule above, such as an initial h
// (Hamal, Amal) or a swap of s and sh in a long name.
//
// The key is a skeleton: vowels of long words and several consonant
// distinctions are dropped, so different names that differ only there
// share a key (Mahmud and Muhammad, Hamid and Hamad, Gomez and Hamza).
// Callers that need to tell people apart should compare more than the key
// of a single part; Match, which compares every part, is the tool for that.
package names
