package guidance_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/delaktig/delaktig/guidance"
)

func TestWordListsLoad(t *testing.T) {
	require.NoError(t, guidance.WordsErr())
	assert.Equal(t, []string{"sv", "nb", "en"}, guidance.WordListLangs())
}

// TestWordListQuality checks every list: at least 150 entries, phrases in
// lower case with single spaces, no phrase twice, stems long enough not to
// catch unrelated words, and a suggestion that differs from the phrase.
func TestWordListQuality(t *testing.T) {
	for _, lang := range guidance.WordListLangs() {
		t.Run(lang, func(t *testing.T) {
			list := guidance.WordList(lang)
			assert.GreaterOrEqual(t, len(list), 150, "entries")
			seen := map[string]bool{}
			for _, e := range list {
				assert.False(t, seen[e.Phrase], "duplicate %q", e.Phrase)
				seen[e.Phrase] = true
				assert.Equal(t, strings.ToLower(e.Phrase), e.Phrase, "phrase not lower case")
				assert.Equal(t, strings.Join(strings.Fields(e.Phrase), " "), e.Phrase, "phrase spacing")
				assert.NotEmpty(t, strings.TrimSpace(e.Suggestion), e.Phrase)
				assert.False(t, strings.ContainsAny(e.Suggestion, "\t\n"), e.Phrase)
				bare := strings.ReplaceAll(e.Phrase, "*", "")
				for _, alt := range strings.Split(e.Suggestion, " / ") {
					assert.NotEqual(t, bare, strings.ToLower(strings.TrimSpace(alt)), "suggestion repeats %q", e.Phrase)
				}
				for _, w := range strings.Fields(e.Phrase) {
					stem, isStem := strings.CutSuffix(w, "*")
					assert.False(t, strings.Contains(stem, "*"), "star inside %q", e.Phrase)
					if isStem {
						assert.GreaterOrEqual(t, utf8.RuneCountInString(stem), 4, "stem %q too short", w)
					}
					for _, r := range stem {
						assert.True(t, unicode.IsLetter(r) || r == '-' || r == '.', "odd character %q in %q", r, e.Phrase)
					}
				}
				// Every phrase (with its stems as written) must find itself.
				m := guidance.FindWords(bare, lang)
				if assert.Len(t, m, 1, "phrase %q does not match itself", e.Phrase) {
					assert.Equal(t, bare, m[0].Text)
				}
			}
		})
	}
}

func TestWordListLangs(t *testing.T) {
	assert.NotEmpty(t, guidance.WordList("sv-SE"))
	assert.NotEmpty(t, guidance.WordList("no"), "no is bokmål")
	assert.Equal(t, guidance.WordList("nb"), guidance.WordList("NB-no"))
	assert.Nil(t, guidance.WordList("nn"), "nynorsk has no list")
	assert.Nil(t, guidance.WordList("fi"))
	assert.Nil(t, guidance.WordList(""))
	assert.Nil(t, guidance.FindWords("Vederbörande", "da"))
	// WordList returns a copy.
	l := guidance.WordList("sv")
	l[0].Phrase = "x"
	assert.NotEqual(t, "x", guidance.WordList("sv")[0].Phrase)
}

func TestFindWords(t *testing.T) {
	type hit struct{ text, phrase string }
	for _, tc := range []struct {
		lang, text string
		want       []hit
	}{
		{"sv", "Vederbörande ska inkomma med erforderliga handlingar.",
			[]hit{{"Vederbörande", "vederbörande"}, {"inkomma med", "inkomm* med"}, {"erforderliga", "erforderlig*"}}},
		// Inflected forms through stems; the longest phrase wins.
		{"sv", "Kommunen tillhandahåller blanketten. Mötet äger rum i morgon.",
			[]hit{{"tillhandahåller", "tillhandahåll*"}, {"äger rum", "äger rum"}}},
		{"sv", "Bidrag beviljas i enlighet med reglerna och beviljades förra året.",
			[]hit{{"beviljas", "beviljas"}, {"i enlighet med", "i enlighet med"}, {"beviljades", "bevilja*"}}},
		// Phrases do not match across punctuation.
		{"sv", "Du ska inkomma. Med ansökan följer ett intyg.", []hit{{"inkomma", "inkomma"}}},
		// A stem needs the whole word to start with it and allows at most
		// five more letters.
		{"sv", "Erforderligheterna och tillhandahållandeprocessen.", nil},
		{"nb", "Påkrevd dokumentasjon fremsendes iht. forskriften.",
			[]hit{{"Påkrevd", "påkrevd"}, {"fremsendes", "fremsend*"}, {"iht", "iht"}, {"forskriften", "forskrift*"}}},
		{"nb", "Søknaden er innvilget.", []hit{{"innvilget", "innvilg*"}}},
		{"en", "Prior to travel, utilise the form in accordance with the rules.",
			[]hit{{"Prior to", "prior to"}, {"utilise", "utilis*"}, {"in accordance with", "in accordance with"}}},
		{"en", "Commencement of works.", []hit{{"Commencement", "commenc*"}}},
		{"en", "Start before the end.", nil},
		{"sv", "", nil},
	} {
		got := guidance.FindWords(tc.text, tc.lang)
		var hits []hit
		for _, m := range got {
			hits = append(hits, hit{m.Text, m.Entry.Phrase})
			assert.Equal(t, m.Text, tc.text[m.Start:m.End], "offsets of %q", m.Text)
			assert.NotEmpty(t, m.Entry.Suggestion)
		}
		assert.Equal(t, tc.want, hits, "%s: %s", tc.lang, tc.text)
	}
}

func TestFindWordsNoOverlap(t *testing.T) {
	text := strings.Repeat("i enlighet med i syfte att ", 50)
	got := guidance.FindWords(text, "sv")
	require.Len(t, got, 100)
	for i := 1; i < len(got); i++ {
		assert.LessOrEqual(t, got[i-1].End, got[i].Start)
	}
}
