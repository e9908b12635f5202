package readability

import (
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of a text.
//
// Text is exactly text[Start:End] of the text given to Sentences: the
// sentence from its first character to its closing punctuation, without
// surrounding white space, list bullets or enumerators ("1.", "a)").
// Words holds the sentence's words in order (see Words).
type Sentence struct {
	Text  string   `json:"text"`
	Words []string `json:"words"`
	Start int      `json:"start"`
	End   int      `json:"end"`
}

// Sentences splits text into sentences. lang is a BCP 47 tag ("sv",
// "nb-NO", "nn", "da", "en"); it selects the abbreviations that do not end
// a sentence, and an empty or unknown tag uses those of every supported
// language.
//
// A sentence ends:
//   - after "?", "!" and their Arabic and CJK forms, when white space or the
//     end of the text follows;
//   - after "…" or "..." unless the next word starts with a lower-case letter;
//   - after "." when white space and then no lower-case letter follows, unless
//     the word before the stop is an abbreviation that introduces what follows
//     ("t.ex.", "bl.a.", "dvs.", "f.eks.", "kl.", "ca.", "nr.", "e.g.", "Mr.",
//     "Dr."), a number abbreviation followed by a number ("s. 12", "No. 5"),
//     or a single capital letter followed by a capitalised word ("A. Berg");
//     abbreviations that close a list ("osv.", "m.m.", "mv.", "o.l.", "etc.")
//     end the sentence unless a lower-case word or a number follows;
//   - at a blank line, and at a line break when the next line starts with a
//     capital or caseless letter, a list bullet ("-", "*", "•"…), an
//     enumerator ("1.", "2)", "a)") or other punctuation — so headings and
//     list items written without final punctuation are sentences of their
//     own, while a line break followed by a lower-case word or a number
//     continues the sentence; after a line ending in ":", every line up to
//     the next blank line is a list item of its own;
//   - at the end of the text.
//
// Closing quotes and brackets after the final punctuation belong to the
// sentence. Full stops inside numbers, dates and times ("3.5", "1.1.2026",
// "08.00") and inside abbreviations ("t.ex.") never end a sentence.
// Fragments without any word are not reported.
func Sentences(text, lang string) []Sentence {
	mask := parseLang(lang)
	if mask == 0 {
		mask = langAll
	}
	// Typical prose has a word per 6–8 bytes and a sentence per 60–100.
	out := make([]Sentence, 0, len(text)/128+1)
	all := make([]string, 0, len(text)/8+1)
	segment(text, mask, func(start, end int, words []string) {
		n := len(all)
		all = append(all, words...)
		out = append(out, Sentence{Text: text[start:end], Words: all[n:len(all):len(all)], Start: start, End: end})
	})
	// all may have been reallocated while growing: point every sentence into
	// the final array so the slices share one allocation.
	n := 0
	for i := range out {
		k := len(out[i].Words)
		out[i].Words = all[n : n+k : n+k]
		n += k
	}
	return out
}

// Words returns the words of text in order.
//
// A word is a run of letters and digits in any script, including combining
// marks; a hyphen between two such characters joins a compound
// ("e-tjänst", "COVID-19"), an apostrophe between letters joins a
// contraction ("don't"), a full stop joins digits ("1.1.2026", "08.00") or a
// letter to a following lower-case letter ("t.ex", "bl.a", "kommun.se"), and
// a comma or colon joins digits ("1,5", "10:30"). List enumerators at the
// start of a line ("1.", "a)") are not words.
func Words(text string) []string {
	var out []string
	segment(text, langAll, func(_, _ int, words []string) {
		out = append(out, words...)
	})
	return out
}

// ASCII character classes.
const (
	cLetter = 1 << iota
	cDigit
	cLower
	cUpper
	cSpace
)

var ascii = func() (t [utf8.RuneSelf]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cLetter | cLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = cLetter | cUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit
	}
	for _, c := range " \t\n\r\v\f" {
		t[c] = cSpace
	}
	return t
}()

// runeAt decodes the rune at s[i], which must be in range.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return decodeAt(s, i)
}

// decodeAt is runeAt's slow path, kept apart so that runeAt inlines.
//
//go:noinline
func decodeAt(s string, i int) (rune, int) {
	return utf8.DecodeRuneInString(s[i:])
}

func isWordStart(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&(cLetter|cDigit) != 0
	}
	return isWordStartSlow(r)
}

func isWordStartSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isWordCont reports whether r continues a word: a letter, digit,
// combining mark, zero-width (non-)joiner or soft hyphen.
func isWordCont(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&(cLetter|cDigit) != 0
	}
	return isWordContSlow(r)
}

func isWordContSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) ||
		r == '\u200c' || r == '\u200d' || r == '\u00ad'
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cLetter != 0
	}
	return is(unicode.Letter, r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cDigit != 0
	}
	return is(unicode.Digit, r)
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cLower != 0
	}
	return is(unicode.Lower, r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cUpper != 0
	}
	return is(unicode.Upper, r) || is(unicode.Title, r)
}

// is is unicode.Is, kept out of line so that the callers above inline.
//
//go:noinline
func is(t *unicode.RangeTable, r rune) bool {
	return unicode.Is(t, r)
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cSpace != 0
	}
	return unicode.IsSpace(r)
}

// isLineBreak reports whether r ends a line. A carriage return is handled by
// the caller, because "\r\n" is one break.
func isLineBreak(r rune) bool {
	return r == '\n' || r == '\v' || r == '\f' || r == '\u0085' || r == '\u2028' || r == '\u2029'
}

// isBullet reports whether r marks a list item or heading at the start of a
// line.
func isBullet(r rune) bool {
	switch r {
	case '-', '*', '+', '>', '#', '•', '‣', '◦', '·', '▪', '▫', '■', '□', '○', '●', '–', '—', '✓', '✔', '→':
		return true
	}
	return false
}

// isCloser reports whether r closes a quotation or bracket.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '»', '«', '”', '’', '›', '‹', '」', '』', '）':
		return true
	}
	return false
}

// terminalKind classifies sentence-final punctuation.
func terminalKind(r rune) (question, ellipsis, ok bool) {
	switch r {
	case '.':
		return false, false, true
	case '?', '!', '؟', '。', '！', '？', '‼', '⁇', '⁈', '⁉', '‽', '۔':
		return true, false, true
	case '…':
		return false, true, true
	}
	return false, false, false
}

// scanWord returns the end of the word starting at s[i], which must be a
// word-start rune.
func scanWord(s string, i int) int {
	n := len(s)
	j := i
	var prevDigit, prevLetter bool
	for j < n {
		// Fast path: ASCII letters and digits.
		if c := s[j]; c < utf8.RuneSelf {
			if k := ascii[c]; k&(cLetter|cDigit) != 0 {
				prevDigit, prevLetter = k&cDigit != 0, k&cLetter != 0
				j++
				continue
			}
		}
		r, size := runeAt(s, j)
		if isWordCont(r) {
			if isDigit(r) {
				prevDigit, prevLetter = true, false
			} else if isLetter(r) {
				prevDigit, prevLetter = false, true
			}
			j += size
			continue
		}
		if j == i || j+size >= n {
			break
		}
		next, nsize := runeAt(s, j+size)
		join := false
		switch r {
		case '-', '\u2010', '\u2011':
			join = isWordStart(next)
		case '\'', '\u2019':
			join = prevLetter && isLetter(next)
		case '.':
			join = prevDigit && isDigit(next) || prevLetter && isLower(next)
		case ',', ':':
			join = prevDigit && isDigit(next)
		}
		if !join {
			break
		}
		prevDigit, prevLetter = isDigit(next), isLetter(next)
		j += size + nsize
	}
	return j
}

// segmenter holds the state of one pass over a text.
type segmenter struct {
	text  string
	langs langMask
	emit  func(start, end int, words []string)

	start     int // start of the current sentence, or -1
	end       int // end of its last non-space character
	words     []string
	lastWord  string
	lastEnd   int  // end of the last word, or -1
	lineStart bool // only white space and bullets seen on this line
	list      bool // the lines follow one that ended with ":"
}

// segment calls emit for every sentence of text that has at least one
// word. The words slice is reused between calls.
func segment(text string, langs langMask, emit func(start, end int, words []string)) {
	s := segmenter{text: text, langs: langs, emit: emit, start: -1, lastEnd: -1, lineStart: true,
		words: make([]string, 0, 64)}
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case ascii[c]&(cLetter|cDigit) != 0:
				i = s.word(i)
			case c == ' ' || c == '\t':
				i++
			case c == '\r':
				if i+1 < n && text[i+1] == '\n' {
					i++
				} else {
					i = s.newline(i, 1)
				}
			case c == '\n' || c == '\v' || c == '\f':
				i = s.newline(i, 1)
			case c == '.' || c == '?' || c == '!':
				i = s.terminal(i)
			default:
				i = s.punct(i, rune(c), 1)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordStart(r):
			i = s.word(i)
		case isLineBreak(r):
			i = s.newline(i, size)
		case isSpace(r):
			i += size
		default:
			if _, _, ok := terminalKind(r); ok {
				i = s.terminal(i)
			} else {
				i = s.punct(i, r, size)
			}
		}
	}
	s.flush()
}

func (s *segmenter) flush() {
	if s.start >= 0 && len(s.words) > 0 && s.end > s.start {
		s.emit(s.start, s.end, s.words)
	}
	s.start, s.end, s.lastEnd = -1, -1, -1
	s.words = s.words[:0]
}

func (s *segmenter) begin(i int) {
	if s.start < 0 {
		s.start = i
	}
}

// punct handles a character that is neither part of a word, white space
// nor sentence-final punctuation.
func (s *segmenter) punct(i int, r rune, size int) int {
	if s.lineStart && s.start < 0 && isBullet(r) {
		return i + size
	}
	s.begin(i)
	s.end = i + size
	s.lineStart = false
	return i + size
}

// word handles the word starting at text[i].
func (s *segmenter) word(i int) int {
	j := scanWord(s.text, i)
	if s.lineStart && s.start < 0 && isEnumerator(s.text, i, j) {
		s.lineStart = false
		return j + 1
	}
	s.begin(i)
	w := s.text[i:j]
	s.words = append(s.words, w)
	s.lastWord, s.lastEnd, s.end = w, j, j
	s.lineStart = false
	return j
}

// isEnumerator reports whether text[i:j], at the start of a line, is a list
// enumerator: one to three digits followed by "." or ")", or one letter
// followed by ")", and then white space.
func isEnumerator(text string, i, j int) bool {
	if j+1 >= len(text) || text[j+1] >= utf8.RuneSelf || ascii[text[j+1]]&cSpace == 0 {
		return false
	}
	p := text[j]
	if j-i == 1 && text[i] < utf8.RuneSelf && ascii[text[i]]&cLetter != 0 {
		return p == ')'
	}
	if j-i > 3 || (p != '.' && p != ')') {
		return false
	}
	for k := i; k < j; k++ {
		if text[k] < '0' || text[k] > '9' {
			return false
		}
	}
	return true
}

// nextContent returns the index of the first non-space rune at or after
// text[i], or len(text).
func nextContent(text string, i int) int {
	for i < len(text) {
		r, size := runeAt(text, i)
		if !isSpace(r) && !isLineBreak(r) {
			return i
		}
		i += size
	}
	return i
}

// terminal handles a run of sentence-final punctuation starting at text[i].
func (s *segmenter) terminal(i int) int {
	text := s.text
	n := len(text)
	question, ellipsis := false, false
	dots := 0
	j := i
	for j < n {
		r, size := runeAt(text, j)
		q, e, ok := terminalKind(r)
		if !ok {
			break
		}
		if r == '.' {
			dots++
		}
		question = question || q
		ellipsis = ellipsis || e
		j += size
	}
	if dots >= 2 {
		ellipsis = true
	}
	k := j
	for k < n {
		r, size := runeAt(text, k)
		if !isCloser(r) {
			break
		}
		k += size
	}
	s.begin(i)
	s.lineStart = false

	boundary := false
	if k == n {
		boundary = true
	} else if r, _ := runeAt(text, k); isSpace(r) || isLineBreak(r) {
		next := nextContent(text, k)
		if next == n {
			boundary = true
		} else {
			c, _ := runeAt(text, next)
			switch {
			case question:
				boundary = true
			case ellipsis:
				boundary = !isLower(c)
			default:
				boundary = !isLower(c) && !s.abbreviated(i, c)
			}
		}
	}
	if !boundary {
		s.end = j
		return j
	}
	s.end = k
	s.list = false
	s.flush()
	return k
}

// abbreviated reports whether the single full stop at text[i], followed by
// a sentence-like gap and then the rune next, ends an abbreviation rather
// than a sentence.
func (s *segmenter) abbreviated(i int, next rune) bool {
	if s.lastEnd != i {
		return false
	}
	w := s.lastWord
	switch abbrevKind(w, s.langs) {
	case abbrInner:
		return true
	case abbrNumber:
		return isDigit(next)
	case abbrFinal:
		return isDigit(next)
	}
	if r, size := utf8.DecodeRuneInString(w); size == len(w) && isUpper(r) {
		return isUpper(next) // an initial: "A. Berg"
	}
	return false
}

// newline handles the line break of the given size at text[i].
func (s *segmenter) newline(i, size int) int {
	s.lineStart = true
	after := i + size
	text := s.text
	// Look at the next line: a blank line always ends the sentence.
	j := after
	for j < len(text) {
		r, rs := runeAt(text, j)
		if r == '\r' || isLineBreak(r) {
			s.list = false
			s.flush()
			return after
		}
		if !isSpace(r) {
			break
		}
		j += rs
	}
	if s.start < 0 {
		return after
	}
	if j == len(text) || s.list {
		s.flush()
		return after
	}
	if text[s.end-1] == ':' {
		s.list = true
		s.flush()
		return after
	}
	r, _ := runeAt(text, j)
	brk := true
	if isLower(r) || isDigit(r) {
		brk = isEnumerator(text, j, scanWord(text, j))
	}
	if brk {
		s.flush()
	}
	return after
}
