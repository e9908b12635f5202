package guidance

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed words/*.tsv
var wordFiles embed.FS

// WordEntry is one entry of a word list: a bureaucratic word or phrase and
// the plainer words to use instead.
type WordEntry struct {
	// Phrase is the word or phrase in lower case, words separated by one
	// space. A word ending in "*" is a stem: it matches words that start
	// with it and have at most MaxStemSuffix more letters ("bevilja*"
	// matches "bevilja", "beviljas" and "beviljades").
	Phrase string `json:"phrase"`
	// Suggestion is the plainer alternative; alternatives are separated by
	// " / ", and "…" stands for words the writer fills in.
	Suggestion string `json:"suggestion"`
}

// MaxStemSuffix is the number of letters a stem word ("bevilja*") may be
// followed by and still match.
const MaxStemSuffix = 5

// WordMatch is one place in a text where a word list entry matched.
type WordMatch struct {
	Entry WordEntry `json:"entry"`
	// Text is the matched words as written in the text.
	Text string `json:"text"`
	// Start and End are byte offsets of Text in the text searched.
	Start int `json:"start"`
	End   int `json:"end"`
}

// wordList is the parsed list of one language, indexed for matching.
type wordList struct {
	entries []WordEntry
	// byFirst indexes entries by their first word; stem words are keyed
	// by the stem without "*".
	exact map[string][]int
	stem  map[string][]int
	// tokens holds each entry's words, parallel to entries.
	tokens [][]string
}

var (
	wordsOnce sync.Once
	wordLists map[string]*wordList
	wordsErr  error
)

// wordLangs are the languages with a word list.
var wordLangs = []string{"sv", "nb", "en"}

func loadWords() {
	wordLists = map[string]*wordList{}
	for _, lang := range wordLangs {
		b, err := wordFiles.ReadFile("words/" + lang + ".tsv")
		if err != nil {
			wordsErr = fmt.Errorf("guidance: word list %s: %w", lang, err)
			return
		}
		wl, err := parseWordList(string(b))
		if err != nil {
			wordsErr = fmt.Errorf("guidance: word list %s: %w", lang, err)
			return
		}
		wordLists[lang] = wl
	}
}

// parseWordList reads "phrase<TAB>suggestion" lines; blank lines and lines
// starting with "#" are skipped.
func parseWordList(src string) (*wordList, error) {
	wl := &wordList{exact: map[string][]int{}, stem: map[string][]int{}}
	sc := bufio.NewScanner(strings.NewReader(src))
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		phrase, sugg, ok := strings.Cut(s, "\t")
		if !ok {
			return nil, fmt.Errorf("line %d: want phrase<TAB>suggestion", line)
		}
		phrase = strings.Join(strings.Fields(phrase), " ")
		sugg = strings.TrimSpace(sugg)
		if phrase == "" || sugg == "" {
			return nil, fmt.Errorf("line %d: empty phrase or suggestion", line)
		}
		toks := strings.Split(phrase, " ")
		i := len(wl.entries)
		wl.entries = append(wl.entries, WordEntry{Phrase: phrase, Suggestion: sugg})
		wl.tokens = append(wl.tokens, toks)
		if first, ok := strings.CutSuffix(toks[0], "*"); ok {
			wl.stem[first] = append(wl.stem[first], i)
		} else {
			wl.exact[toks[0]] = append(wl.exact[toks[0]], i)
		}
	}
	return wl, sc.Err()
}

func listFor(lang string) *wordList {
	wordsOnce.Do(loadWords)
	return wordLists[baseLang(lang)]
}

// WordsErr reports a malformed embedded word list (tests check it is nil).
func WordsErr() error {
	wordsOnce.Do(loadWords)
	return wordsErr
}

// WordList returns the word list of a language (a BCP 47 tag: sv, nb or no,
// en, with or without a region), in file order, or nil when there is none.
// Nynorsk and Danish have no list.
func WordList(lang string) []WordEntry {
	wl := listFor(lang)
	if wl == nil {
		return nil
	}
	return append([]WordEntry(nil), wl.entries...)
}

// WordListLangs returns the languages that have a word list.
func WordListLangs() []string { return append([]string(nil), wordLangs...) }

// token is one word of a text with its byte offsets.
type token struct {
	start, end int
	lower      string
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// tokenize splits text into words: runs of letters, digits and marks; a
// hyphen or apostrophe between two such characters, or a full stop between a
// letter and a lower-case letter ("t.ex", "p.g.a"), joins them. Invalid UTF-8
// separates words.
func tokenize(text string) []token {
	var out []token
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError || !isWordRune(r) {
			i += size
			continue
		}
		start := i
		i += size
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if r != utf8.RuneError && isWordRune(r) {
				i += size
				continue
			}
			if i+size < len(text) && (r == '-' || r == '\u2011' || r == '\'' || r == '\u2019' || r == '.') {
				prev, _ := utf8.DecodeLastRuneInString(text[:i])
				next, _ := utf8.DecodeRuneInString(text[i+size:])
				ok := isWordRune(prev) && isWordRune(next)
				if r == '.' {
					ok = unicode.IsLetter(prev) && unicode.IsLower(next)
				}
				if ok {
					i += size
					continue
				}
			}
			break
		}
		out = append(out, token{start: start, end: i, lower: strings.ToLower(text[start:i])})
	}
	return out
}

// onlySpace reports whether s holds nothing but white space.
func onlySpace(s string) bool { return strings.TrimFunc(s, unicode.IsSpace) == "" }

// matchWord reports whether the text word w matches the list word k
// (a word, or a stem ending in "*").
func matchWord(k, w string) bool {
	stem, ok := strings.CutSuffix(k, "*")
	if !ok {
		return k == w
	}
	rest, ok := strings.CutPrefix(w, stem)
	return ok && utf8.RuneCountInString(rest) <= MaxStemSuffix && !strings.ContainsAny(rest, "-.'")
}

// FindWords returns the places where text uses an entry of lang's word
// list, in text order. Where several entries match at one place the longest
// phrase wins, and matches never overlap. The words of a phrase must be
// separated by white space only. It returns nil for a language without a
// list.
func FindWords(text, lang string) []WordMatch {
	wl := listFor(lang)
	if wl == nil {
		return nil
	}
	toks := tokenize(text)
	var out []WordMatch
	for i := 0; i < len(toks); {
		best, bestLen := -1, 0
		try := func(cands []int) {
			for _, e := range cands {
				kt := wl.tokens[e]
				if len(kt) <= bestLen || i+len(kt) > len(toks) {
					continue
				}
				ok := true
				for j, k := range kt {
					t := toks[i+j]
					if !matchWord(k, t.lower) || j > 0 && !onlySpace(text[toks[i+j-1].end:t.start]) {
						ok = false
						break
					}
				}
				if ok {
					best, bestLen = e, len(kt)
				}
			}
		}
		w := toks[i].lower
		try(wl.exact[w])
		// A stem matches a word that starts with it and has at most
		// MaxStemSuffix letters more.
		n := utf8.RuneCountInString(w)
		cut := len(w)
		for k := 0; k <= MaxStemSuffix && k < n; k++ {
			if c := wl.stem[w[:cut]]; c != nil {
				try(c)
			}
			_, size := utf8.DecodeLastRuneInString(w[:cut])
			cut -= size
		}
		if best < 0 {
			i++
			continue
		}
		last := toks[i+bestLen-1]
		out = append(out, WordMatch{Entry: wl.entries[best], Text: text[toks[i].start:last.end], Start: toks[i].start, End: last.end})
		i += bestLen
	}
	return out
}
