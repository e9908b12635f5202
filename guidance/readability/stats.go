package readability

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Stats holds the readability measures of a text. Every float is finite,
// so a Stats always encodes as JSON; a measure that cannot be computed is 0
// and its flag (OVIXOK, FleschOK, StyleOK) is false.
type Stats struct {
	// Lang is the language tag Analyze was given, or the one it guessed
	// when given "".
	Lang string `json:"lang"`
	// Words is the number of words (see Words); numbers count as words.
	Words int `json:"words"`
	// Sentences is the number of sentences (see Sentences).
	Sentences int `json:"sentences"`
	// LongWords is the number of words of more than six letters; digits,
	// hyphens and stops are not letters, so numbers are never long.
	LongWords int `json:"long_words"`
	// UniqueWords is the number of distinct words, ignoring case.
	UniqueWords int `json:"unique_words"`
	// LongSentences is the number of sentences of more than 25 words.
	LongSentences int `json:"long_sentences"`
	// Syllables is the number of syllables, counted for English only.
	Syllables int `json:"syllables"`

	// LIX is Björnsson's läsbarhetsindex (see LIX).
	LIX float64 `json:"lix"`
	// LIXLevel classifies LIX (see LIXLevel); "" when there are no words.
	LIXLevel string `json:"lix_level"`
	// OVIX is Hultman and Westman's ordvariationsindex (see OVIX).
	OVIX float64 `json:"ovix"`
	// OVIXOK is false when OVIX is undefined: at most one word, or no word
	// repeated.
	OVIXOK bool `json:"ovix_ok"`
	// Flesch is the Flesch reading ease (see Flesch), English only.
	Flesch float64 `json:"flesch"`
	// FKGrade is the Flesch–Kincaid grade level (see FleschKincaidGrade),
	// English only.
	FKGrade float64 `json:"fk_grade"`
	// FleschOK is true when Flesch and FKGrade were computed: the language
	// is English and the text has words.
	FleschOK bool `json:"flesch_ok"`

	// MeanSentenceWords is Words / Sentences.
	MeanSentenceWords float64 `json:"mean_sentence_words"`
	// LongSentenceShare is LongSentences / Sentences.
	LongSentenceShare float64 `json:"long_sentence_share"`
	// MeanWordLength is the mean number of letters and digits per word.
	MeanWordLength float64 `json:"mean_word_length"`

	// Passive is the number of passive constructions found (see Analyze).
	Passive int `json:"passive"`
	// PassiveSentences is the number of sentences with at least one.
	PassiveSentences int `json:"passive_sentences"`
	// PassiveShare is PassiveSentences / Sentences.
	PassiveShare float64 `json:"passive_share"`
	// Nominal is the number of words with a noun-forming suffix.
	Nominal int `json:"nominal"`
	// NominalShare is Nominal / Words.
	NominalShare float64 `json:"nominal_share"`
	// StyleOK is true when the language has passive and nominal rules
	// (sv, nb, nn, da, en); otherwise Passive and Nominal are 0.
	StyleOK bool `json:"style_ok"`
}

// Analyze computes the readability measures of text written in lang, a
// BCP 47 tag: "sv", "nb" (also "no"), "nn", "da" or "en", with or without
// a region. An unknown tag is echoed in Stats.Lang and gets the measures
// that do not depend on language (counts, LIX, OVIX); an empty tag is
// replaced by GuessLang's guess, if any.
//
// Passive constructions are found with word-list heuristics that flag
// likely passives for a writer to review; they are not a parser:
//   - sv, nb, da: an s-form after a modal or perfect auxiliary ("ska
//     skickas", "har beviljats", "skal sendes"), a finite s-form of five or
//     more letters ending in "-as" (sv) or "-es" ("beslutet fattas",
//     "søknaden sendes", "ansökan skickades"), and a few short ones ("görs",
//     "ges", "krävs", "tas"); deponent and reciprocal verbs ("finns",
//     "hoppas", "trivs", "synes", "träffas"), possessives ("deras",
//     "hennes"), genitives and words after an article or preposition are
//     not counted;
//   - nn: an s-form in "-s", "-ast" or "-est" after a modal ("må sendast");
//   - sv: a form of "bli" followed by a past participle ("blir beviljad",
//     "blev skriven");
//   - nb, nn, da: a form of "bli"/"verte"/"blive" or "være" followed by a past
//     participle ("blir behandlet", "er sendt", "vart gjort");
//   - en: a form of "be" followed by a past participle in "-ed" or an
//     irregular one ("is reviewed", "was sent", "has been given").
//
// Adverbs such as "inte", "ikke", "also" may stand between the auxiliary
// and the verb.
//
// The nominal share approximates the nominal quotient of Hultman and
// Westman (1977), which needs part-of-speech tags, by the share of words
// ending in a noun-forming suffix, in any inflected form:
//
//	nominal_share = N / W
//
// where N counts words ending in sv "-ning", "-ering", "-het", "-else",
// "-ande", "-tion", "-itet"; nb "-ing", "-het", "-else", "-sjon"; nn "-ing",
// "-heit", "-het", "-else", "-sjon"; da "-ing", "-hed", "-else", "-tion";
// en "-tion", "-ment", "-ness", "-ity", "-ance", "-ence"; each suffix needs a
// stem of a few letters before it ("ting" and "city" do not count).
func Analyze(text, lang string) Stats {
	mask := parseLang(lang)
	if strings.TrimSpace(lang) == "" {
		if g, _ := GuessLang(text); g != "" {
			lang = g
			mask = parseLang(g)
		}
	}
	a := newAnalyzer(mask)
	segMask := mask
	if segMask == 0 {
		segMask = langAll
	}
	segment(text, segMask, a.sentence)

	st := Stats{
		Lang:          lang,
		Words:         a.words,
		Sentences:     a.sentences,
		LongWords:     a.long,
		UniqueWords:   len(a.unique),
		LongSentences: a.longSentences,
		StyleOK:       a.rules != nil,
	}
	if st.Words == 0 {
		return st
	}
	st.LIX = LIX(st.Words, st.Sentences, st.LongWords)
	st.LIXLevel = LIXLevel(st.LIX)
	st.OVIX, st.OVIXOK = OVIX(st.Words, st.UniqueWords)
	if mask == langEN {
		st.Syllables = a.syllables
		st.Flesch = Flesch(st.Words, st.Sentences, st.Syllables)
		st.FKGrade = FleschKincaidGrade(st.Words, st.Sentences, st.Syllables)
		st.FleschOK = true
	}
	st.MeanSentenceWords = float64(st.Words) / float64(st.Sentences)
	st.LongSentenceShare = float64(st.LongSentences) / float64(st.Sentences)
	st.MeanWordLength = float64(a.chars) / float64(st.Words)
	if st.StyleOK {
		st.Passive = a.passiveCount
		st.PassiveSentences = a.passiveSentences
		st.PassiveShare = float64(a.passiveSentences) / float64(st.Sentences)
		st.Nominal = a.nominalCount
		st.NominalShare = float64(a.nominalCount) / float64(st.Words)
	}
	return st
}

// analyzer accumulates counts over the sentences of one text.
type analyzer struct {
	lang    langMask
	rules   map[string]wordFlag         // nil when the language has no style rules
	nominal map[[2]byte][]nominalEnding // the language's nominal endings

	// Every word form is classified once: forms maps a word as written to
	// its entry in info, unique holds the distinct lower-case forms.
	forms  map[string]int32
	info   []wordInfo
	unique map[string]struct{}

	passive passiveState

	words, sentences, long, chars, longSentences int
	syllables                                    int
	passiveCount, passiveSentences, nominalCount int
}

// wordInfo is what the analyzer knows about one word form.
type wordInfo struct {
	letters, chars, syllables int32
	nominal                   bool
	flags                     wordFlag
	class                     passiveClass
}

func newAnalyzer(lang langMask) *analyzer {
	a := &analyzer{
		lang:   lang,
		forms:  make(map[string]int32, 1024),
		unique: make(map[string]struct{}, 1024),
	}
	if r, ok := styleRules[lang]; ok && lang != 0 {
		a.rules = r
		a.nominal = nominalIndex[lang]
	}
	return a
}

// classify returns the entry of the word form w, computing it on first use.
func (a *analyzer) classify(w string) *wordInfo {
	if i, ok := a.forms[w]; ok {
		return &a.info[i]
	}
	lower := strings.ToLower(w)
	a.unique[lower] = struct{}{}
	letters, chars := countLetters(w)
	wi := wordInfo{letters: int32(letters), chars: int32(chars)}
	if a.lang == langEN {
		wi.syllables = int32(syllablesEN(lower))
	}
	if a.rules != nil {
		wi.flags = a.rules[lower]
		wi.nominal = nominal(lower, a.nominal)
		r, _ := utf8.DecodeRuneInString(w)
		wi.class = classifyPassive(a.lang, lower, wi.flags, isUpper(r))
	}
	a.forms[w] = int32(len(a.info))
	a.info = append(a.info, wi)
	return &a.info[len(a.info)-1]
}

func (a *analyzer) sentence(_, _ int, words []string) {
	a.sentences++
	if len(words) > 25 {
		a.longSentences++
	}
	a.passive = passiveState{}
	for _, w := range words {
		wi := a.classify(w)
		a.words++
		a.chars += int(wi.chars)
		if wi.letters > 6 {
			a.long++
		}
		a.syllables += int(wi.syllables)
		if a.rules != nil {
			a.passive.word(wi.flags, wi.class)
			if wi.nominal {
				a.nominalCount++
			}
		}
	}
	if a.passive.count > 0 {
		a.passiveCount += a.passive.count
		a.passiveSentences++
	}
}

// countLetters returns the number of letters and of letters plus digits in
// the word w.
func countLetters(w string) (letters, chars int) {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			switch k := ascii[c]; {
			case k&cLetter != 0:
				letters++
				chars++
			case k&cDigit != 0:
				chars++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if unicode.IsLetter(r) {
			letters++
			chars++
		} else if unicode.IsDigit(r) {
			chars++
		}
		i += size
	}
	return letters, chars
}

// LIX returns Björnsson's läsbarhetsindex (Björnsson, C. H. 1968,
// Läsbarhet, Stockholm: Liber):
//
//	LIX = W / S + 100 · L / W
//
// for W words, S sentences and L long words (more than six letters). It is
// 0 when there are no words or sentences.
func LIX(words, sentences, long int) float64 {
	if words <= 0 || sentences <= 0 {
		return 0
	}
	return float64(words)/float64(sentences) + 100*float64(long)/float64(words)
}

// LIXLevel classifies a LIX value with Björnsson's bands. Each band
// includes its lower bound:
//
//	below 25  "very-easy"  (mycket lättläst: children's books)
//	25 to 30  "easy"       (lättläst: popular fiction)
//	30 to 40  "medium"     (normal: daily press)
//	40 to 50  "hard"       (svår: official texts)
//	50 and up "very-hard"  (mycket svår: bureaucratic Swedish)
//
// It returns "" for NaN.
func LIXLevel(lix float64) string {
	switch {
	case math.IsNaN(lix):
		return ""
	case lix < 25:
		return "very-easy"
	case lix < 30:
		return "easy"
	case lix < 40:
		return "medium"
	case lix < 50:
		return "hard"
	}
	return "very-hard"
}

// OVIX returns Hultman and Westman's ordvariationsindex (Hultman, T. G.
// and Westman, M. 1977, Gymnasistsvenska, Lund: Liber Läromedel), a
// type–token measure of lexical variation that does not grow with text
// length the way U / W shrinks:
//
//	OVIX = log(W) / log(2 − log(U) / log(W))
//
// for W words and U unique words (any logarithm base gives the same value).
// ok is false, and the value 0, when the index is undefined: W ≤ 1 makes
// log(W) zero, and U = W (no word repeated) makes the denominator zero.
func OVIX(words, unique int) (ovix float64, ok bool) {
	if words <= 1 || unique <= 0 || unique >= words {
		return 0, false
	}
	lw := math.Log(float64(words))
	d := math.Log(2 - math.Log(float64(unique))/lw)
	v := lw / d
	if d == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// Flesch returns the Flesch reading ease (Flesch, R. 1948, "A new
// readability yardstick", Journal of Applied Psychology 32(3)):
//
//	FRE = 206.835 − 1.015 · W / S − 84.6 · Y / W
//
// for W words, S sentences and Y syllables. It is meant for English; higher
// is easier, 60–70 is plain English. It is 0 without words or sentences.
func Flesch(words, sentences, syllables int) float64 {
	if words <= 0 || sentences <= 0 {
		return 0
	}
	return 206.835 - 1.015*float64(words)/float64(sentences) - 84.6*float64(syllables)/float64(words)
}

// FleschKincaidGrade returns the Flesch–Kincaid grade level (Kincaid, J.
// P., Fishburne, R. P., Rogers, R. L. and Chissom, B. S. 1975, Derivation of
// new readability formulas for Navy enlisted personnel, Research Branch
// Report 8-75):
//
//	FKGL = 0.39 · W / S + 11.8 · Y / W − 15.59
//
// for W words, S sentences and Y syllables: the US school grade needed to
// understand the text. It is 0 without words or sentences.
func FleschKincaidGrade(words, sentences, syllables int) float64 {
	if words <= 0 || sentences <= 0 {
		return 0
	}
	return 0.39*float64(words)/float64(sentences) + 11.8*float64(syllables)/float64(words) - 15.59
}
