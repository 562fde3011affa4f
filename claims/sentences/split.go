package sentences

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Span is the byte range of one sentence in the text it was split from:
// text[Start:End] is the sentence, without leading or trailing whitespace.
type Span struct {
	Start int
	End   int
}

// In returns the sentence that s marks in text, or "" when s does not fit
// text (a span from another text, or a zero Span).
func (s Span) In(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Split returns the sentences of text as byte spans, in order and without
// overlap. Every span is trimmed of whitespace (Unicode white space, plus
// zero-width spaces and byte-order marks) and holds at least one letter or
// digit: empty sentences and punctuation-only lines such as "(" or "* * *"
// are dropped. A line break always ends a sentence. Empty or blank text
// gives nil. Invalid UTF-8 is tolerated: the offending bytes are treated as
// ordinary characters and offsets stay byte offsets into text.
//
// Split is safe for concurrent use.
func Split(text string) []Span {
	return AppendSplit(nil, text)
}

// AppendSplit appends the sentences of text to dst and returns the extended
// slice; it is Split for callers that reuse a slice across articles. dst may
// be nil. When text has no sentence, dst is returned unchanged.
func AppendSplit(dst []Span, text string) []Span {
	if dst == nil {
		dst = make([]Span, 0, len(text)/96+2)
	}
	s := scratchPool.Get().(*splitter)
	s.text, s.out = text, dst
	s.run()
	dst = s.out
	s.text, s.out = "", nil
	if cap(s.toks) > 4096 || cap(s.marks) > 1024 {
		s.toks, s.marks = nil, nil
	}
	scratchPool.Put(s)
	return dst
}

// Byte classes for scanning.
const (
	classOther = iota
	classSpace // ' ', '\t'
	classBreak // a line break
	classStop  // '.', '?', '!'
	classLead  // the lead byte of a character that may be a space, a line break or a full-width stop
)

var byteClass = func() (c [256]uint8) {
	c[' '], c['\t'] = classSpace, classSpace
	c['\n'], c['\r'], c['\v'], c['\f'] = classBreak, classBreak, classBreak, classBreak
	c['.'], c['?'], c['!'] = classStop, classStop, classStop
	// U+0085, U+00A0; U+1680, U+180E; U+2000-U+2060; U+3000, U+3002;
	// U+FEFF, U+FF01, U+FF0E, U+FF1F, U+FF61.
	for _, b := range []byte{0xC2, 0xE1, 0xE2, 0xE3, 0xEF} {
		c[b] = classLead
	}
	return c
}()

var scratchPool = sync.Pool{New: func() any { return &splitter{toks: make([]token, 0, 128)} }}

// token is a run of non-space characters within one line. Two tokens can
// touch when a word was cut between two glued sentences.
type token struct {
	start, end int
	// depth is the number of bracket pairs, balanced on the line, whose
	// inside holds the end of this token; no sentence ends there.
	depth int32
}

// marker is a list-item label on the line: "1.", "2)", "(b)", "iv)".
type marker struct {
	tok    int
	delim  uint8 // markDot "1.", markDotParen "1.)", markParen "1)", markParens "(1)"
	num    int   // digits; 0 when not a number
	letter int   // a=1 ... z=26; 0 when not a single letter
	roman  int   // value of a roman numeral; 0 when not one
	upper  bool  // the letter or numeral is upper case
	// start is set when the label opens the line or follows the end of a
	// clause ("store. w)", "items: 1."), where a list can begin.
	start bool
	// chained is set when the label continues a list that began at a
	// start label ("1. ... 2. ... 3.").
	chained bool
}

const (
	markDot = iota + 1
	markDotParen
	markParen
	markParens
)

// open is a bracket opened at a token and not yet closed.
type open struct {
	tok  int
	kind int
}

type splitter struct {
	text  string
	toks  []token
	stack []open
	marks []marker
	out   []Span
}

// run splits s.text line by line.
func (s *splitter) run() {
	t := s.text
	start := 0
	for i := 0; i < len(t); {
		switch byteClass[t[i]] {
		case classBreak:
			s.line(start, i)
			i++
			start = i
		case classLead:
			r, n := utf8.DecodeRuneInString(t[i:])
			if r == '\u0085' || r == '\u2028' || r == '\u2029' {
				s.line(start, i)
				start = i + n
			}
			i += n
		default:
			i++
		}
	}
	s.line(start, len(t))
}

// line splits the text between two line breaks.
func (s *splitter) line(a, b int) {
	t := s.text
	s.toks = s.toks[:0]
	for i := a; i < b; {
		switch byteClass[t[i]] {
		case classSpace:
			i++
			continue
		case classLead:
			if r, n := utf8.DecodeRuneInString(t[i:b]); isSpace(r) {
				i += n
				continue
			}
		}
		start := i
		stops := false // the word holds a possible sentence end
	word:
		for i < b {
			switch byteClass[t[i]] {
			case classSpace:
				break word
			case classStop:
				stops = true
			case classLead:
				r, n := utf8.DecodeRuneInString(t[i:b])
				if isSpace(r) {
					break word
				}
				stops = stops || isWideStop(r)
				i += n
				continue
			}
			i++
		}
		if stops {
			s.addToken(start, i)
		} else {
			s.toks = append(s.toks, token{start: start, end: i})
		}
	}
	if len(s.toks) == 0 {
		return
	}
	s.pairBrackets()
	s.collectMarkers()
	s.decide()
}

// addToken appends the word t[start:end], cut where two sentences are
// glued together.
func (s *splitter) addToken(start, end int) {
	addr := looksLikeAddress(s.text[start:end])
	for {
		cut := -1
		if !addr {
			cut = s.gluedCut(start, end)
		}
		if cut < 0 {
			s.toks = append(s.toks, token{start: start, end: end})
			return
		}
		s.toks = append(s.toks, token{start: start, end: cut})
		start = cut
	}
}

// gluedCut returns where a second sentence starts inside the word
// t[start:end] ("world.Today", "1,000.That", "period．Does"), or -1. The
// word is not a URL or an e-mail address.
func (s *splitter) gluedCut(start, end int) int {
	w := s.text[start:end]
	if len(w) < 4 {
		return -1
	}
	for j := 1; j+2 < len(w); j++ {
		c := w[j]
		switch {
		case c == '.' || c == '?' || c == '!':
			if !isLowerASCII(w[j-1]) && !isDigit(w[j-1]) {
				continue
			}
			if j < 2 || !isAlnumASCII(w[j-2]) {
				continue
			}
			if !isUpperASCII(w[j+1]) || !isLowerASCII(w[j+2]) {
				continue
			}
			if hasInnerDot(w[j+1:]) {
				continue
			}
			return start + j + 1
		case c == 0xE3 || c == 0xEF:
			r, n := utf8.DecodeRuneInString(w[j:])
			if !isWideStop(r) {
				j += n - 1
				continue
			}
			k := j + n
			for k < len(w) {
				r, n := utf8.DecodeRuneInString(w[k:])
				if !isWideStop(r) && !isCloser(r) {
					break
				}
				k += n
			}
			if k < len(w) {
				return start + k
			}
			return -1
		}
	}
	return -1
}

// looksLikeAddress reports whether w is a URL or an e-mail address, whose
// dots never end a sentence inside the word.
func looksLikeAddress(w string) bool {
	return strings.Contains(w, "://") || strings.IndexByte(w, '@') >= 0 ||
		len(w) > 4 && strings.EqualFold(w[:4], "www.")
}

// hasInnerDot reports whether the word rest, once trailing punctuation is
// removed, still holds a dot or a slash, as a domain or a path does.
func hasInnerDot(rest string) bool {
	e := len(rest)
	for e > 0 && strings.IndexByte(".,;:!?\"')]", rest[e-1]) >= 0 {
		e--
	}
	return strings.ContainsAny(rest[:e], "./")
}

// Bracket kinds for pairing.
const (
	kindParen = iota + 1
	kindSquare
	kindCurly
)

// pairBrackets finds the bracket pairs that open and close on the line and
// marks the tokens whose end lies between them.
func (s *splitter) pairBrackets() {
	t := s.text
	s.stack = s.stack[:0]
	for i := range s.toks {
		tk := &s.toks[i]
		w := t[tk.start:tk.end]
		if isAlnumASCII(w[0]) && isAlnumASCII(w[len(w)-1]) {
			continue
		}
		// Opening brackets among the quotes at the start of the word.
		j := 0
		for j < len(w) {
			r, n := utf8.DecodeRuneInString(w[j:])
			if !isOpener(r) {
				break
			}
			if k := openKind(w[j]); k != 0 && len(s.stack) < 64 {
				s.stack = append(s.stack, open{tok: i, kind: k})
			}
			j += n
		}
		// Closing brackets among the punctuation at the end of the word.
		e := len(w)
		for e > j {
			r, n := utf8.DecodeLastRuneInString(w[j:e])
			if closeKind(r) == 0 && !isCloser(r) && !isTrailingPunct(r) {
				break
			}
			e -= n
		}
		for p := e; p < len(w); p++ {
			if k := closeKind(rune(w[p])); k != 0 {
				s.closeBracket(k, i)
			}
		}
	}
	var d int32
	for i := range s.toks {
		d += s.toks[i].depth
		s.toks[i].depth = d
	}
}

// closeBracket closes the innermost open bracket of kind k, if any, at
// token i. Unmatched brackets opened inside it are dropped.
func (s *splitter) closeBracket(k, i int) {
	for m := len(s.stack) - 1; m >= 0; m-- {
		if s.stack[m].kind != k {
			continue
		}
		o := s.stack[m].tok
		s.stack = s.stack[:m]
		if o < i {
			s.toks[o].depth++
			s.toks[i].depth--
		}
		return
	}
}

func openKind(c byte) int {
	switch c {
	case '(':
		return kindParen
	case '[':
		return kindSquare
	case '{':
		return kindCurly
	}
	return 0
}

func closeKind(r rune) int {
	switch r {
	case ')':
		return kindParen
	case ']':
		return kindSquare
	case '}':
		return kindCurly
	}
	return 0
}

// collectMarkers lists the list-item labels of the line.
func (s *splitter) collectMarkers() {
	s.marks = s.marks[:0]
	for i, tk := range s.toks {
		if n := tk.end - tk.start; n < 2 || n > 7 {
			continue
		}
		if c := s.text[tk.end-1]; c != '.' && c != ')' {
			continue
		}
		m, ok := parseMarker(s.text[tk.start:tk.end])
		if !ok {
			continue
		}
		m.tok = i
		m.start = i == 0 || s.endsClause(i-1)
		for k := len(s.marks) - 1; k >= 0 && k >= len(s.marks)-50; k-- {
			if q := s.marks[k]; (q.start || q.chained) && follows(q, m) {
				m.chained = true
				break
			}
		}
		s.marks = append(s.marks, m)
	}
}

// endsClause reports whether token i is a bullet or ends with terminal
// punctuation, a colon or a semicolon, before any closing quotes.
func (s *splitter) endsClause(i int) bool {
	w := s.word(i)
	if isBulletOnly(w) {
		return true
	}
	for len(w) > 0 {
		r, n := utf8.DecodeLastRuneInString(w)
		switch {
		case isCloser(r):
			w = w[:len(w)-n]
			continue
		case r == '.' || r == '?' || r == '!' || r == ':' || r == ';' || r == '…' || isWideStop(r):
			return true
		}
		return false
	}
	return false
}

// parseMarker reads a list-item label: 1-2 digits, one letter or a short
// lower- or upper-case roman numeral, written "1.", "1.)", "1)" or "(1)".
// Letters and numerals with a bare period must be lower case, so that
// initials ("J. Smith") are not taken for labels.
func parseMarker(w string) (marker, bool) {
	var m marker
	if len(w) < 2 || len(w) > 7 {
		return m, false
	}
	body := w
	switch {
	case w[0] == '(' && w[len(w)-1] == ')':
		m.delim, body = markParens, w[1:len(w)-1]
	case strings.HasSuffix(w, ".)"):
		m.delim, body = markDotParen, w[:len(w)-2]
	case w[len(w)-1] == ')':
		m.delim, body = markParen, w[:len(w)-1]
	case w[len(w)-1] == '.':
		m.delim, body = markDot, w[:len(w)-1]
	default:
		return m, false
	}
	if len(body) == 0 || len(body) > 4 {
		return m, false
	}
	if isDigit(body[0]) {
		if len(body) > 2 || !isDigit(body[len(body)-1]) {
			return m, false
		}
		for i := 0; i < len(body); i++ {
			m.num = m.num*10 + int(body[i]-'0')
		}
		return m, m.num > 0
	}
	m.upper = isUpperASCII(body[0])
	if len(body) == 1 && isLetterASCII(body[0]) {
		m.letter = int(body[0]|0x20) - 'a' + 1
	}
	m.roman = romanValue(body)
	if m.letter == 0 && m.roman == 0 {
		return m, false
	}
	if m.upper && m.delim == markDot {
		return m, false
	}
	return m, true
}

// romanValue returns the value of a roman numeral of one case, or 0.
func romanValue(s string) int {
	upper := isUpperASCII(s[0])
	v, prev := 0, 0
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		if isUpperASCII(c) != upper {
			return 0
		}
		var d int
		switch c | 0x20 {
		case 'i':
			d = 1
		case 'v':
			d = 5
		case 'x':
			d = 10
		case 'l':
			d = 50
		default:
			return 0
		}
		if d < prev {
			v -= d
		} else {
			v += d
			prev = d
		}
	}
	return v
}

// decide places the sentence ends of the line and emits its spans.
func (s *splitter) decide() {
	n := len(s.toks)
	sent := 0
	mi := 0
	for i := 0; i < n; i++ {
		for mi < len(s.marks) && s.marks[mi].tok < i {
			mi++
		}
		if i > sent && s.breakBefore(i, mi) {
			s.emit(sent, i-1)
			sent = i
		}
		if i+1 < n && s.breakAfter(i, sent) {
			s.emit(sent, i)
			sent = i + 1
		}
	}
	s.emit(sent, n-1)
}

// emit appends the sentence from token a to token b, unless it holds no
// letter or digit.
func (s *splitter) emit(a, b int) {
	if a > b {
		return
	}
	sp := Span{s.toks[a].start, s.toks[b].end}
	if hasAlnum(s.text[sp.Start:sp.End]) {
		s.out = append(s.out, sp)
	}
}

// breakBefore reports whether a sentence starts at token i without
// punctuation before it: a bullet, or the next label of a list.
func (s *splitter) breakBefore(i, mi int) bool {
	if s.toks[i-1].depth > 0 || isBulletOnly(s.word(i-1)) {
		return false
	}
	w := s.word(i)
	if r, _ := utf8.DecodeRuneInString(w); isBullet(r) {
		return true
	}
	if mi >= len(s.marks) || s.marks[mi].tok != i {
		return false
	}
	m := s.marks[mi]
	if m.delim == markDot && m.num > 0 {
		// "1. above ... 2. above" is prose; a numbered item starts with a
		// capital.
		if nw := s.nextWord(i + 1); nw.kind != startUpper {
			return false
		}
	}
	if m.chained {
		return true
	}
	if !m.start {
		return false
	}
	// The first label of a list: "... the store. w) hello x) hello".
	for k := mi + 1; k < len(s.marks) && k <= mi+50; k++ {
		if follows(m, s.marks[k]) {
			return true
		}
	}
	return false
}

// follows reports whether label b comes right after label a in one list.
func follows(a, b marker) bool {
	if a.delim != b.delim {
		return false
	}
	switch {
	case a.num > 0 && b.num == a.num+1:
		return true
	case a.letter > 0 && b.letter == a.letter+1 && a.upper == b.upper:
		return true
	case a.roman > 0 && b.roman == a.roman+1 && a.upper == b.upper:
		return true
	}
	return false
}

// Kinds of terminal punctuation at the end of a word.
const (
	termNone      = iota
	termPeriod    // "word."
	termEllipsis  // "word...", "word…", "..."
	termLong      // "word...." (a period and an ellipsis)
	termStrong    // "?", "!", full-width stops
	termDashQuote // an interrupted quotation: `to--"`
)

// term describes how a word ends.
type term struct {
	kind int
	// word is the word before its terminal punctuation, without opening
	// quotes, brackets or bullets.
	word string
}

// terminal reads the end of token i: closing quotes, brackets and
// reference marks are skipped, then the terminal punctuation is read.
func (s *splitter) terminal(i int) term {
	w := s.text[s.toks[i].start:s.toks[i].end]
	e := len(w)
	quote := false
	for e > 0 {
		if w[e-1] == ']' {
			if k := citationStart(w[:e]); k > 0 {
				e = k
				continue
			}
		}
		r, n := utf8.DecodeLastRuneInString(w[:e])
		if !isCloser(r) {
			break
		}
		quote = quote || isQuote(r)
		e -= n
	}
	e = skipFootnote(w, e)
	rs := e
	strong, dots := false, 0
	for rs > 0 {
		r, n := utf8.DecodeLastRuneInString(w[:rs])
		switch {
		case r == '.':
			dots++
		case r == '…':
			dots += 3
		case r == '?' || r == '!' || r == '‼' || r == '⁇' || r == '⁈' || r == '⁉' || isWideStop(r):
			strong = true
		default:
			n = 0
		}
		if n == 0 {
			break
		}
		rs -= n
	}
	if rs == e {
		if quote && endsWithDash(w[:e]) {
			return term{kind: termDashQuote}
		}
		return term{}
	}
	if rs > 0 && (w[rs-1] == '[' || w[rs-1] == '(') {
		// "[...]", "(?)", "(!)": a mark inside the sentence.
		return term{}
	}
	t := term{word: trimLead(w[:rs])}
	switch {
	case strong:
		t.kind = termStrong
	case dots >= 4:
		t.kind = termLong
	case dots == 3:
		t.kind = termEllipsis
	default:
		t.kind = termPeriod
	}
	return t
}

// citationStart returns where a reference mark such as "[1]", "[2–11]" or
// "[a]" at the end of w starts, or -1.
func citationStart(w string) int {
	i := len(w) - 2
	for i >= 0 && len(w)-i < 12 {
		c := w[i]
		switch {
		case c == '[':
			if i == len(w)-2 {
				return -1
			}
			return i
		case isDigit(c) || isLowerASCII(c) || c == ',' || c == '-':
		case c >= 0x80:
			// An en dash inside the mark: E2 80 93.
		default:
			return -1
		}
		i--
	}
	return -1
}

// skipFootnote returns the end of w[:e] before footnote digits glued to a
// period ("(type 2).10", "martyr.3"); decimals such as "3.10" stay whole.
func skipFootnote(w string, e int) int {
	d := e
	for d > 0 && e-d < 3 && isDigit(w[d-1]) {
		d--
	}
	if d == e || d < 2 || w[d-1] != '.' {
		return e
	}
	if c := w[d-2]; isLowerASCII(c) || c == ')' {
		return d
	}
	return e
}

// breakAfter reports whether a sentence ends after token i; sent is the
// first token of the current sentence.
func (s *splitter) breakAfter(i, sent int) bool {
	if c := s.text[s.toks[i].end-1]; isLetterASCII(c) || c == ',' || c == ';' || c == ':' {
		// Most words end so.
		return false
	}
	if s.toks[i].depth > 0 || s.closersOnly(i+1) {
		return false
	}
	ci := i
	for k := 0; k < 4 && ci > sent && s.closersOnly(ci); k++ {
		ci--
	}
	t := s.terminal(ci)
	switch t.kind {
	case termNone:
		return false
	case termStrong:
		nw := s.nextWord(i + 1)
		return nw.kind != startLower && nw.kind != startNone
	case termDashQuote, termEllipsis, termLong:
		if t.word == "" && t.kind == termEllipsis && s.isDot(i+1) {
			return false
		}
		return s.nextWord(i+1).kind == startUpper
	}
	// A period.
	if t.word == "" {
		return s.dotRun(ci, i, sent)
	}
	if s.isDot(i + 1) {
		// "word. . . . Next": the period ends the sentence and the spaced
		// ellipsis opens the next one; any other run of dots is decided
		// at its last dot.
		k := 1
		for k < 8 && s.isDot(i+1+k) {
			k++
		}
		return k == 3 && s.nextWord(i+1+k).kind == startUpper
	}
	return s.periodEnds(t.word, ci, i, sent)
}

// dotRun decides at a free-standing period, the last of a run of them
// (". . . ."), whether the sentence ends.
func (s *splitter) dotRun(ci, i, sent int) bool {
	if s.isDot(i + 1) {
		return false
	}
	j, k := ci, 1
	for k < 8 && j-1 >= sent && s.isDot(j-1) {
		j--
		k++
	}
	if k == 3 {
		// A spaced ellipsis inside a sentence (". . . what"), or one
		// that follows a period that already ended the sentence.
		return false
	}
	return s.nextWord(i+1).kind == startUpper
}

// periodEnds decides whether word (token ci, before its period) ends the
// sentence; i is the last token of the word with its closers.
func (s *splitter) periodEnds(word string, ci, i, sent int) bool {
	nw := s.nextWord(i + 1)
	if nw.kind == startNone {
		return false
	}
	first := ci == sent || ci == sent+1 && isBulletOnly(s.word(sent))
	if first && isLabel(word) {
		// "1. The first item", "Q. What ...", "• 9. ...".
		return false
	}
	if strings.IndexByte(word, '.') >= 0 {
		if !isInitialism(word) {
			// A number with decimals, a domain, a URL.
			return nw.kind == startUpper
		}
		if len(word) == 3 {
			switch word[0] | 0x20 {
			case 'a', 'p':
				if word[2]|0x20 == 'm' {
					// "a.m.", "p.m."
					return s.timeEnds(nw, ci, sent)
				}
			}
			switch strings.ToLower(word) {
			case "e.g", "i.e", "c.f", "n.b":
				return false
			}
		}
		return nw.starter
	}
	if len(word) == 1 && isLetterASCII(word[0]) {
		if nw.kind == startDigit {
			return false
		}
		if isUpperASCII(word[0]) && s.nameBefore(ci, sent) {
			// An initial: "Michael J. Fox".
			return false
		}
		return nw.starter
	}
	switch abbrevOf(word) {
	case title, never:
		return false
	case beforeNumber:
		return nw.kind == startUpper
	case general:
		return nw.starter
	}
	return nw.kind == startUpper
}

// timeEnds decides after "a.m." or "p.m.": a capitalised word starts a new
// sentence unless it continues the time ("7 p.m. Tuesday", "3 p.m. Moscow
// time") or the sentence so far is only a time phrase ("At 5 a.m. Mr.
// Smith went ...").
func (s *splitter) timeEnds(nw next, ci, sent int) bool {
	if nw.kind != startUpper {
		return false
	}
	if _, ok := timeFollowers[nw.text]; ok {
		return false
	}
	if after := s.nextWord(nw.tok + 1); after.text == "time" {
		return false
	}
	if ci-sent <= 4 {
		lead := s.nextWord(sent)
		if _, ok := timeLeads[lead.text]; ok {
			return false
		}
	}
	return true
}

// nameBefore reports whether the token before ci, in the same sentence, is
// a capitalised name or an initial, which makes a single capital letter
// with a period an initial.
func (s *splitter) nameBefore(ci, sent int) bool {
	if ci-1 < sent {
		return false
	}
	w := trimLead(s.word(ci - 1))
	if w == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	l, _ := utf8.DecodeLastRuneInString(w)
	if unicode.IsLetter(l) {
		return true
	}
	return len(w) == 2 && w[1] == '.'
}

// Kinds of the first character of the next word.
const (
	startNone  = iota // end of the line
	startUpper        // an upper-case or caseless letter, or a symbol such as "$" or "©"
	startLower
	startDigit
	startOther
)

// next describes the word after a possible sentence end.
type next struct {
	kind int
	// text is the leading run of ASCII letters of the word ("It" for
	// "It's"), for list look-ups.
	text    string
	starter bool // the word commonly opens a sentence
	tok     int
}

// nextWord describes the first word at or after token j, skipping tokens
// that are only dashes or opening quotes and brackets.
func (s *splitter) nextWord(j int) next {
	for k := 0; k < 4 && j < len(s.toks); k, j = k+1, j+1 {
		w := s.word(j)
		p := 0
		for p < len(w) {
			r, n := utf8.DecodeRuneInString(w[p:])
			if !isOpener(r) {
				break
			}
			p += n
		}
		if p == len(w) || isDashes(w[p:]) {
			continue
		}
		nx := next{tok: j}
		r, _ := utf8.DecodeRuneInString(w[p:])
		switch {
		case unicode.IsLower(r):
			nx.kind = startLower
		case unicode.IsUpper(r), unicode.IsLetter(r), unicode.IsSymbol(r):
			nx.kind = startUpper
		case r == '#' || unicode.IsDigit(r):
			nx.kind = startDigit
		default:
			nx.kind = startOther
		}
		q := p
		for q < len(w) && isLetterASCII(w[q]) {
			q++
		}
		nx.text = w[p:q]
		if nx.kind == startUpper {
			_, nx.starter = starters[nx.text]
		}
		return nx
	}
	return next{tok: len(s.toks)}
}

func (s *splitter) word(i int) string {
	return s.text[s.toks[i].start:s.toks[i].end]
}

// isDot reports whether token i is a free-standing period, possibly with
// closing quotes or brackets (". . .”").
func (s *splitter) isDot(i int) bool {
	if i >= len(s.toks) {
		return false
	}
	w := s.word(i)
	if len(w) == 0 || w[0] != '.' {
		return false
	}
	for _, r := range w[1:] {
		if !isCloser(r) {
			return false
		}
	}
	return true
}

// closersOnly reports whether token i is only closing quotes and brackets.
func (s *splitter) closersOnly(i int) bool {
	if i >= len(s.toks) || isAlnumASCII(s.text[s.toks[i].start]) {
		return false
	}
	for _, r := range s.word(i) {
		if !isCloser(r) {
			return false
		}
	}
	return true
}

// abbrevOf classifies word (without its period) as an abbreviation.
func abbrevOf(word string) abbrevClass {
	if len(word) > 7 {
		return notAbbrev
	}
	var buf [8]byte
	vowel, upper := false, 0
	for i := 0; i < len(word); i++ {
		c := word[i]
		if !isLetterASCII(c) {
			return notAbbrev
		}
		if isUpperASCII(c) {
			upper++
		}
		buf[i] = c | 0x20
		switch buf[i] {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			vowel = true
		}
	}
	if e, ok := abbrevs[string(buf[:len(word)])]; ok {
		if e.capOnly && !isUpperASCII(word[0]) {
			return notAbbrev
		}
		return e.class
	}
	// Short words without a vowel are abbreviations ("Pkwy.", "Bldg.",
	// "tbsp."), unless written in capitals like an acronym ("BBC.").
	if !vowel && len(word) <= 4 && upper < len(word) {
		return general
	}
	return notAbbrev
}

// isInitialism reports whether w (without its final period) is a
// multi-period abbreviation such as "U.S", "a.m", "Ph.D" or "e.g".
func isInitialism(w string) bool {
	parts, run := 1, 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c == '.':
			if run == 0 {
				return false
			}
			parts, run = parts+1, 0
		case isLetterASCII(c):
			if run++; run > 2 {
				return false
			}
		default:
			return false
		}
	}
	return run > 0 && parts >= 2
}

// isLabel reports whether a sentence-opening word before a period is a
// list label or a single letter: "1", "12", "a", "Q", "iv".
func isLabel(w string) bool {
	w = trimBullets(w)
	switch {
	case len(w) == 0 || len(w) > 4:
		return false
	case isDigit(w[0]):
		return len(w) <= 2 && isDigit(w[len(w)-1])
	case len(w) == 1:
		return isLetterASCII(w[0])
	}
	return romanValue(w) > 0
}

// trimLead removes opening quotes, brackets and bullets from the start of w.
func trimLead(w string) string {
	for len(w) > 0 {
		r, n := utf8.DecodeRuneInString(w)
		if !isOpener(r) && !isBullet(r) {
			break
		}
		w = w[n:]
	}
	return w
}

func trimBullets(w string) string {
	for len(w) > 0 {
		r, n := utf8.DecodeRuneInString(w)
		if !isBullet(r) {
			break
		}
		w = w[n:]
	}
	return w
}

func isBulletOnly(w string) bool {
	return w != "" && trimBullets(w) == ""
}

// isSpace reports whether r is white space for trimming and tokenising:
// Unicode white space plus zero-width spaces and the byte-order mark.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200B' || r == '\u2060' || r == '\uFEFF' || r == '\u180E'
}

// isOpener reports whether r opens a quotation or bracket, or is another
// mark that can precede the first word of a sentence.
func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '\'', '`', '“', '‘', '„', '‚', '«', '‹', '¿', '¡', '*', '_', '「', '『', '（', '【', '《':
		return true
	}
	return false
}

// isCloser reports whether r closes a quotation or bracket.
func isCloser(r rune) bool {
	switch r {
	case ')', ']', '}', '"', '\'', '”', '’', '»', '›', '」', '』', '）', '】', '》', '〉':
		return true
	}
	return false
}

func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', '」', '』':
		return true
	}
	return false
}

// isTrailingPunct reports whether r may follow a word before or after its
// closing brackets: "word.)", "word),", "word?]".
func isTrailingPunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '…', '"', '\'', '”', '’', '»', '-', '–', '—':
		return true
	}
	return false
}

// isBullet reports whether r marks a list item.
func isBullet(r rune) bool {
	switch r {
	case '•', '◦', '▪', '▫', '‣', '⁃', '●', '■', '□', '∙':
		return true
	}
	return false
}

// isWideStop reports whether r is a full-width or ideographic sentence end.
func isWideStop(r rune) bool {
	switch r {
	case '。', '．', '！', '？', '｡':
		return true
	}
	return false
}

// isDashes reports whether w is only hyphens and dashes ("-", "--", "—").
func isDashes(w string) bool {
	for _, r := range w {
		if r != '-' && r != '–' && r != '—' && r != '―' && r != '‒' {
			return false
		}
	}
	return w != ""
}

func endsWithDash(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return r == '-' || r == '–' || r == '—' || r == '―'
}

// hasAlnum reports whether w holds a letter or a digit.
func hasAlnum(w string) bool {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if isAlnumASCII(c) {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		i += n
	}
	return false
}

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isLowerASCII(c byte) bool  { return 'a' <= c && c <= 'z' }
func isUpperASCII(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isLetterASCII(c byte) bool { return isLowerASCII(c) || isUpperASCII(c) }
func isAlnumASCII(c byte) bool  { return isLetterASCII(c) || isDigit(c) }
