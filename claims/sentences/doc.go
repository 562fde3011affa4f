// Package sentences splits news text into sentences and reports each one as
// a byte span of the original text, so later stages can point back into the
// article without searching for the sentence again.
//
// The splitter is rule-based and written for news copy, where every line of
// an article file is at least one paragraph:
//
//   - A line break (any of \n, \r, \r\n, \v, \f, U+0085, U+2028, U+2029)
//     always ends a sentence, so headlines, bylines, bullet items and
//     captions come out on their own and no sentence spans a blank line.
//   - Within a line a sentence ends at '.', '?', '!', an ellipsis or a
//     full-width stop when the next word can start a sentence. Closing
//     quotes, brackets and reference marks such as "[1]" that follow the
//     terminal punctuation stay with the sentence that ends there.
//   - Abbreviations do not end a sentence before a name or a number: titles
//     (Gen., Dr., Sen.), months before a day (Oct. 5), No. 10, initials
//     (Michael J. Fox), multi-period forms (U.S., e.g., a.m.). Such a word
//     still ends a sentence before a word that typically opens one ("the
//     U.S. The", "Inc. It", "6 p.m. He").
//   - Numbered, lettered and bulleted list items on one line ("1. ... 2.
//     ...", "a) ... b) ...", "• ... • ...") become sentences of their own.
//   - Text inside a balanced pair of brackets on the same line is never
//     split. Quotations are split like the surrounding text: a quotation of
//     several sentences gives several spans.
//   - Two sentences glued without a space ("Baku.Vladimir") are separated,
//     unless the word looks like a URL, an e-mail address or a domain.
//
// Split is safe for concurrent use; it keeps no state between calls and
// loads no model.
package sentences
