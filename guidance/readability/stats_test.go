package readability

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const delta = 1e-6

// Hand computation for svPlain:
//
//	"Du kan ansöka om bygglov hos kommunen."  7 words; long: bygglov (7), kommunen (8)
//	"Ansökan behandlas inom fyra veckor."      5 words; long: Ansökan (7), behandlas (9)
//	"Kontakta oss om du har frågor."           6 words; long: Kontakta (8)
//
//	W = 18, S = 3, L = 5
//	LIX  = 18/3 + 100·5/18 = 6 + 27.7778 = 33.7778 → "medium"
//	U    = 16 ("du" and "om" occur twice; "Du" and "du" are one word)
//	OVIX = ln 18 / ln(2 − ln 16 / ln 18) = 2.890372 / ln(2 − 0.959250)
//	     = 2.890372 / 0.039942 = 72.3647
//	letters: 31 + 30 + 24 = 85 → mean word length 85/18 = 4.7222
//	passive: "behandlas" (finite s-passive) → 1 of 3 sentences
const svPlain = "Du kan ansöka om bygglov hos kommunen. Ansökan behandlas inom fyra veckor. Kontakta oss om du har frågor."

// Hand computation for svOfficial:
//
//	"Beslutet om parkeringstillstånd fattas av kommunens handläggare."
//	   7 words; long: Beslutet, parkeringstillstånd, kommunens, handläggare; passive: fattas
//	"Ansökningen ska lämnas senast den 1.1.2026 kl. 08.00."
//	   8 words (the date and the time are words); long: Ansökningen; passive: ska lämnas
//	"Handläggningen tar ca. 3 veckor."
//	   5 words; long: Handläggningen
//
//	W = 20, S = 3, L = 6
//	LIX  = 20/3 + 100·6/20 = 6.6667 + 30 = 36.6667 → "medium"
//	U    = 20: no word repeats, so OVIX is undefined (ovix_ok false, 0)
//	letters and digits: 57 + 41 + 26 = 124 → mean word length 124/20 = 6.2
//	nominal: Ansökningen, Handläggningen (-ning) → 2/20 = 0.1
//	passive: 2 sentences of 3
const svOfficial = "Beslutet om parkeringstillstånd fattas av kommunens handläggare. " +
	"Ansökningen ska lämnas senast den 1.1.2026 kl. 08.00. Handläggningen tar ca. 3 veckor."

// Hand computation for nbPlain:
//
//	"Søknaden må sendes innen 1. mars."        6 words; long: Søknaden; passive: må sendes
//	"Den blir behandlet innen tre uker."       6 words; long: behandlet; passive: blir behandlet
//	"Du får svar på e-post."                   5 words; e-post has 5 letters
//
//	W = 17, S = 3, L = 2
//	LIX = 17/3 + 100·2/17 = 5.6667 + 11.7647 = 17.4314 → "very-easy"
const nbPlain = "Søknaden må sendes innen 1. mars. Den blir behandlet innen tre uker. Du får svar på e-post."

// Hand computation for enPlain, with syllables counted by hand:
//
//	"The form is easy to fill in."            7 words: 1+1+1+2+1+1+1 = 8 syllables
//	"You can send it to us by mail."          8 words: 8 syllables
//	"We will reply within two weeks."         6 words: 1+1+2+2+1+1 = 8 syllables
//
//	W = 21, S = 3, Y = 24, L = 0
//	FRE  = 206.835 − 1.015·21/3 − 84.6·24/21 = 206.835 − 7.105 − 96.685714 = 103.044286
//	FKGL = 0.39·21/3 + 11.8·24/21 − 15.59 = 2.73 + 13.485714 − 15.59 = 0.625714
//	LIX  = 21/3 + 0 = 7
const enPlain = "The form is easy to fill in. You can send it to us by mail. We will reply within two weeks."

func TestAnalyzeHandComputed(t *testing.T) {
	tests := []struct {
		name, text, lang string
		want             Stats
		ovix             float64
	}{
		{"sv plain", svPlain, "sv", Stats{
			Lang: "sv", Words: 18, Sentences: 3, LongWords: 5, UniqueWords: 16,
			LIX: 18.0/3 + 100*5.0/18, LIXLevel: "medium", OVIXOK: true,
			MeanSentenceWords: 6, MeanWordLength: 85.0 / 18,
			Passive: 1, PassiveSentences: 1, PassiveShare: 1.0 / 3, StyleOK: true,
		}, 72.3647},
		{"sv official", svOfficial, "sv-SE", Stats{
			Lang: "sv-SE", Words: 20, Sentences: 3, LongWords: 6, UniqueWords: 20,
			LIX: 20.0/3 + 30, LIXLevel: "medium", OVIXOK: false,
			MeanSentenceWords: 20.0 / 3, MeanWordLength: 124.0 / 20,
			Passive: 2, PassiveSentences: 2, PassiveShare: 2.0 / 3,
			Nominal: 2, NominalShare: 0.1, StyleOK: true,
		}, 0},
		{"nb plain", nbPlain, "nb", Stats{
			Lang: "nb", Words: 17, Sentences: 3, LongWords: 2, UniqueWords: 16,
			LIX: 17.0/3 + 200.0/17, LIXLevel: "very-easy", OVIXOK: true,
			MeanSentenceWords: 17.0 / 3, MeanWordLength: 70.0 / 17,
			Passive: 2, PassiveSentences: 2, PassiveShare: 2.0 / 3, StyleOK: true,
		}, 133.8182},
		{"en plain", enPlain, "en", Stats{
			Lang: "en", Words: 21, Sentences: 3, LongWords: 0, UniqueWords: 20, Syllables: 24,
			LIX: 7, LIXLevel: "very-easy", OVIXOK: true,
			Flesch: 103.044286, FKGrade: 0.625714, FleschOK: true,
			MeanSentenceWords: 7, MeanWordLength: 68.0 / 21, StyleOK: true,
		}, 191.4974},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Analyze(tt.text, tt.lang)
			assert.InDelta(t, tt.ovix, got.OVIX, 1e-4, "ovix")
			assert.InDelta(t, tt.want.LIX, got.LIX, delta, "lix")
			assert.InDelta(t, tt.want.Flesch, got.Flesch, 1e-5, "flesch")
			assert.InDelta(t, tt.want.FKGrade, got.FKGrade, 1e-5, "fk grade")
			assert.InDelta(t, tt.want.MeanSentenceWords, got.MeanSentenceWords, delta)
			assert.InDelta(t, tt.want.MeanWordLength, got.MeanWordLength, delta)
			assert.InDelta(t, tt.want.PassiveShare, got.PassiveShare, delta)
			assert.InDelta(t, tt.want.NominalShare, got.NominalShare, delta)
			// The floats are compared above; compare everything else exactly.
			for _, s := range []*Stats{&got, &tt.want} {
				s.OVIX, s.LIX, s.Flesch, s.FKGrade = 0, 0, 0, 0
				s.MeanSentenceWords, s.MeanWordLength, s.PassiveShare, s.NominalShare = 0, 0, 0, 0
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestFormulas(t *testing.T) {
	// LIX: 100 words, 5 sentences, 40 long words → 100/5 + 100·40/100 = 20 + 40 = 60.
	assert.InDelta(t, 60.0, LIX(100, 5, 40), delta)
	// 10 words, 1 sentence, no long word → 10.
	assert.InDelta(t, 10.0, LIX(10, 1, 0), delta)
	assert.Zero(t, LIX(0, 0, 0))
	assert.Zero(t, LIX(10, 0, 3))

	// OVIX: 8 words, 6 unique → ln 8 / ln(2 − ln 6/ln 8) = 2.079442 / ln(2 − 0.861654)
	// = 2.079442 / 0.129581 = 16.0480.
	v, ok := OVIX(8, 6)
	assert.True(t, ok)
	assert.InDelta(t, 16.0480, v, 1e-4)
	// 2 words, 1 unique → ln 2 / ln(2 − 0) = 1.
	v, ok = OVIX(2, 1)
	assert.True(t, ok)
	assert.InDelta(t, 1.0, v, delta)
	for _, c := range [][2]int{{0, 0}, {1, 1}, {5, 5}, {5, 0}, {3, 7}} {
		v, ok := OVIX(c[0], c[1])
		assert.False(t, ok, "%v", c)
		assert.Zero(t, v, "%v", c)
	}

	// Flesch: 100 words, 5 sentences, 150 syllables
	// → 206.835 − 1.015·20 − 84.6·1.5 = 206.835 − 20.3 − 126.9 = 59.635.
	assert.InDelta(t, 59.635, Flesch(100, 5, 150), delta)
	// Flesch–Kincaid: 0.39·20 + 11.8·1.5 − 15.59 = 7.8 + 17.7 − 15.59 = 9.91.
	assert.InDelta(t, 9.91, FleschKincaidGrade(100, 5, 150), delta)
	assert.Zero(t, Flesch(0, 0, 0))
	assert.Zero(t, FleschKincaidGrade(0, 1, 0))
}

func TestLIXLevel(t *testing.T) {
	tests := []struct {
		lix  float64
		want string
	}{
		{0, "very-easy"}, {24.99, "very-easy"}, {25, "easy"}, {29.9, "easy"}, {30, "medium"},
		{39.99, "medium"}, {40, "hard"}, {49.9, "hard"}, {50, "very-hard"}, {75, "very-hard"},
		{math.Inf(1), "very-hard"}, {math.NaN(), ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, LIXLevel(tt.lix), "%v", tt.lix)
	}
}

func TestAnalyzeBadInput(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		for _, text := range []string{"", "   \n\t ", "... !!! ---"} {
			st := Analyze(text, "sv")
			assert.Equal(t, Stats{Lang: "sv", StyleOK: true}, st, "%q", text)
		}
	})
	t.Run("one long sentence without punctuation", func(t *testing.T) {
		words := make([]string, 10000)
		for i := range words {
			words[i] = [...]string{"ansökan", "om", "bygglov", "skickas", "till", "kommunen"}[i%6]
		}
		st := Analyze(strings.Join(words, " "), "sv")
		assert.Equal(t, 10000, st.Words)
		assert.Equal(t, 1, st.Sentences)
		assert.Equal(t, 1, st.LongSentences)
		// ansökan, bygglov, skickas and kommunen are long: 4 of every 6 words.
		// 10000 = 6·1666 + 4, and the last 4 words hold 3 long ones:
		// L = 4·1666 + 3 = 6667, LIX = 10000/1 + 100·6667/10000 = 10066.67.
		assert.Equal(t, 4*1666+3, st.LongWords)
		assert.InDelta(t, 10000+100*6667.0/10000, st.LIX, delta)
		assert.Equal(t, 6, st.UniqueWords)
		assert.True(t, st.OVIXOK)
		assert.Equal(t, 1.0, st.LongSentenceShare)
	})
	t.Run("mixed scripts", func(t *testing.T) {
		text := "مرحبا بكم في البلدية. Du kan ansöka om bidrag här. يمكنك التقديم عبر الإنترنت؟"
		st := Analyze(text, "sv")
		assert.Equal(t, "sv", st.Lang)
		assert.Equal(t, 3, st.Sentences)
		// 4 Arabic + 6 Swedish + 4 Arabic words; long: البلدية (7 letters),
		// التقديم (7) and الإنترنت (8); the Swedish "bidrag" has only 6.
		assert.Equal(t, 14, st.Words)
		assert.Equal(t, 3, st.LongWords)
	})
	t.Run("unknown language", func(t *testing.T) {
		st := Analyze(enPlain, "tlh")
		assert.Equal(t, "tlh", st.Lang)
		assert.Equal(t, 21, st.Words)
		assert.Equal(t, 3, st.Sentences)
		assert.Zero(t, st.Flesch)
		assert.Zero(t, st.FKGrade)
		assert.False(t, st.FleschOK)
		assert.False(t, st.StyleOK)
		assert.Zero(t, st.Passive)
		assert.InDelta(t, 7.0, st.LIX, delta)
	})
	t.Run("flesch only for english", func(t *testing.T) {
		st := Analyze(svPlain, "sv")
		assert.Zero(t, st.Flesch)
		assert.False(t, st.FleschOK)
		assert.Zero(t, st.Syllables)
	})
	t.Run("invalid utf-8", func(t *testing.T) {
		// Invalid bytes are punctuation: the words are "Hej" and "då".
		st := Analyze("Hej\xff\xfe då. \xc3", "sv")
		assert.Equal(t, 2, st.Words)
		assert.Equal(t, 1, st.Sentences)
	})
}

func TestAnalyzeGuessesLanguage(t *testing.T) {
	st := Analyze(enPlain, "")
	assert.Equal(t, "en", st.Lang)
	assert.True(t, st.FleschOK)
	st = Analyze("Hej", "")
	assert.Equal(t, "", st.Lang)
	assert.False(t, st.StyleOK)
}

func TestStatsJSON(t *testing.T) {
	for _, text := range []string{"", "Ett.", "ord ord", svPlain, svOfficial} {
		b, err := json.Marshal(Analyze(text, "sv"))
		require.NoError(t, err, "%q", text)
		var m map[string]any
		require.NoError(t, json.Unmarshal(b, &m))
		for _, k := range []string{"lang", "words", "sentences", "long_words", "lix", "ovix", "flesch", "fk_grade",
			"mean_sentence_words", "long_sentence_share", "passive", "passive_share", "nominal_share"} {
			assert.Contains(t, m, k, "%q", text)
		}
	}
	b, err := json.Marshal(Analyze(svPlain, "sv"))
	require.NoError(t, err)
	assert.Contains(t, string(b), `"lang":"sv","words":18,"sentences":3,"long_words":5`)
	assert.Contains(t, string(b), `"lix_level":"medium"`)
}

func TestNominal(t *testing.T) {
	tests := []struct {
		lang langMask
		word string
		want bool
	}{
		{langSV, "handläggning", true}, {langSV, "handläggningarna", true}, {langSV, "parkering", true},
		{langSV, "tillgänglighet", true}, {langSV, "tillgängligheten", true}, {langSV, "upplevelse", true},
		{langSV, "agerande", true}, {langSV, "information", true}, {langSV, "kapacitet", true},
		{langSV, "följande", false}, {langSV, "kommun", false}, {langSV, "het", false}, {langSV, "ande", false},
		{langNB, "behandling", true}, {langNB, "behandlingen", true}, {langNB, "tilgjengelighet", true},
		{langNB, "opplevelse", true}, {langNB, "informasjon", true}, {langNB, "ting", false}, {langNB, "ingen", false},
		{langNN, "behandlinga", true}, {langNN, "tilgjengelegheit", true}, {langNN, "informasjonar", true},
		{langDA, "behandlingen", true}, {langDA, "tilgængelighed", true}, {langDA, "information", true},
		{langEN, "application", true}, {langEN, "requirements", true}, {langEN, "awareness", true},
		{langEN, "accessibility", true}, {langEN, "assistance", true}, {langEN, "residence", true},
		{langEN, "city", false}, {langEN, "moment", false}, {langEN, "dance", false}, {langEN, "form", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, nominal(tt.word, nominalIndex[tt.lang]), "%v %s", tt.lang, tt.word)
	}
}

func TestSyllablesEN(t *testing.T) {
	tests := map[string]int{
		"the": 1, "form": 1, "easy": 2, "reply": 2, "within": 2, "weeks": 1, "you": 1, "mail": 1,
		"application": 4, "table": 2, "people": 2, "walked": 1, "wanted": 2, "boxes": 2, "makes": 1,
		"pages": 2, "readability": 5, "council": 2, "municipal": 4, "service": 2, "period": 3,
		"stadium": 3, "question": 2, "million": 2, "media": 3, "free": 1, "2026": 1, "don't": 1,
	}
	for w, want := range tests {
		assert.Equal(t, want, syllablesEN(w), w)
	}
}

func TestLongWordsCountLetters(t *testing.T) {
	// Letters only: "20260101" and "1.1.2026" have none, "e-tjänsten" has
	// 9 (the hyphen is not a letter), "COVID-19" has 5, "Bygglov" has 7.
	st := Analyze("Den 20260101 och 1.1.2026 öppnar e-tjänsten för COVID-19 och Bygglov.", "sv")
	assert.Equal(t, 10, st.Words)
	assert.Equal(t, 2, st.LongWords)
}

func TestLanguageTags(t *testing.T) {
	tests := []struct {
		tag      string
		text     string
		flesch   bool
		passives int
	}{
		{"en-GB", enPlain, true, 0},
		{"EN_us", enPlain, true, 0},
		{"no", nbPlain, false, 2},
		{"nb-NO", nbPlain, false, 2},
		{"SV-fi", svPlain, false, 1},
		{"nn-NO", "Søknaden må sendast innan fristen.", false, 1},
	}
	for _, tt := range tests {
		st := Analyze(tt.text, tt.tag)
		assert.Equal(t, tt.tag, st.Lang)
		assert.Equal(t, tt.flesch, st.FleschOK, tt.tag)
		assert.True(t, st.StyleOK, tt.tag)
		assert.Equal(t, tt.passives, st.Passive, tt.tag)
	}
}

func TestWordsAgreeWithAnalyze(t *testing.T) {
	for _, text := range []string{svPlain, svOfficial, nbPlain, enPlain, swedishText(20000)} {
		assert.Equal(t, len(Words(text)), Analyze(text, "sv").Words)
		n := 0
		for _, s := range Sentences(text, "sv") {
			n += len(s.Words)
		}
		assert.Equal(t, len(Words(text)), n)
	}
}
