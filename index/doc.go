// Package index stores extracted claims in a Bleve full-text index so that
// they can be compared and searched without extracting them again.
//
// An index holds two kinds of document, told apart by their type field: one
// per claim (its sentence, analysed twice — as written and folded to plain
// lower-case ASCII — the name keys and surface forms of its entities, its
// quantities, units, times, modality, article, outlet and publication date)
// and one per article (path, title, outlet, URL, publication date, content
// hash and the article's claims, encoded whole so that [Index.Claims] gives
// them back exactly as they were put).
//
// [Open] opens an existing index read-only, [Create] makes a new one,
// [OpenOrCreate] does either, and [NewMemory] keeps everything in memory.
// [Index.Put] and [Index.PutMany] replace whatever an article had before (a
// [Loader] does the same over many calls, for bulk loads),
// [Index.Articles] lists the indexed articles with their hashes so unchanged
// ones can be skipped, [Index.Candidates] proposes the claims of other
// articles worth comparing a claim with, and [Index.Search] answers a
// fact-checker's query, matching names across spellings and
// transliterations.
//
// No other package of crosscheck imports Bleve: everything that reaches the
// index goes through this package's types.
package index
