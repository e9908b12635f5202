package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// textPage returns the first page of a text command's JSON report.
func textPage(t *testing.T, r result) map[string]any {
	t.Helper()
	m := decodeJSON(t, r.out)
	pages, ok := m["pages"].([]any)
	require.True(t, ok, "pages: %v", m["pages"])
	require.Len(t, pages, 1)
	return pages[0].(map[string]any)
}

// findingKeys counts a page's findings by message key.
func findingKeys(page map[string]any) map[string]int {
	out := map[string]int{}
	fs, _ := page["findings"].([]any)
	for _, f := range fs {
		out[f.(map[string]any)["messageKey"].(string)]++
	}
	return out
}

// svPlainText, counted by hand:
//
//	"Du kan ansöka om bygglov, t.ex. för en altan."  9 words ("t.ex." is one
//	    and ends no sentence); long (more than six letters): bygglov
//	"Ansökan ska inkomma till kommunen."             5 words; long: Ansökan,
//	    inkomma, kommunen
//	"Ring oss om du har frågor."                     6 words; none long
//
//	W = 20, S = 3, L = 4: LIX = 20/3 + 100·4/20 = 26.667
const svPlainText = "Du kan ansöka om bygglov, t.ex. för en altan. Ansökan ska inkomma till kommunen.\n\nRing oss om du har frågor.\n"

func TestTextPlainFile(t *testing.T) {
	p := writeFile(t, t.TempDir(), "ansokan.txt", svPlainText)

	r := delaktig(t, "", "text", "--format", "json", p)
	assert.Equal(t, exitFailures, r.code, r.errout)
	page := textPage(t, r)
	rd := page["readability"].(map[string]any)
	assert.Equal(t, "sv", rd["lang"], "guessed")
	assert.EqualValues(t, 20, rd["words"])
	assert.EqualValues(t, 3, rd["sentences"])
	assert.EqualValues(t, 4, rd["long_words"])
	assert.InDelta(t, 20.0/3+20, rd["lix"], 1e-9)
	keys := findingKeys(page)
	assert.Equal(t, 1, keys["plain-language-word-choice.plainer"], "inkomma: %v", keys)
	assert.Nil(t, page["complexity"], "a plain text has no form")

	// The text report, in Swedish, names the paragraph and the plainer word.
	r = delaktig(t, "", "text", "--lang", "sv", p)
	assert.Equal(t, exitFailures, r.code)
	assert.Contains(t, r.out, "Textens språk: sv (gissat)")
	assert.Contains(t, r.out, "LIX: 26,7")
	assert.Contains(t, r.out, "Stycke 1")
	assert.Contains(t, r.out, "inkomma")

	// A higher threshold and a failure level above the word list's pass it.
	r = delaktig(t, "", "text", "--fail-on", "serious", p)
	assert.Equal(t, exitOK, r.code, r.out)
}

func TestTextHTMLAndStdin(t *testing.T) {
	page := `<!doctype html><html lang="sv"><head><title>Steg 1 av 3: Barnet – Ansök om förskola</title></head><body>
<main><h1>Barnet</h1><p>Fyll i uppgifter om barnet. <a href="/info">Klicka här</a> för att läsa mer.</p>
<form><label for="pnr">Barnets personnummer</label><input id="pnr" name="pnr" required>
<label for="msg">Vill du berätta något mer?</label><textarea id="msg" name="msg"></textarea>
<p>Ring 0980-31 92 00 om du behöver hjälp.</p><button>Fortsätt</button></form></main></body></html>`

	r := delaktig(t, page, "text", "--format", "json", "-")
	require.NotEqual(t, exitUsage, r.code, r.errout)
	require.NotEqual(t, exitLoad, r.code, r.errout)
	p := textPage(t, r)
	cx, ok := p["complexity"].(map[string]any)
	require.True(t, ok, "complexity: %v", p["complexity"])
	assert.EqualValues(t, 2, cx["fields"])
	assert.EqualValues(t, 1, cx["required"])
	assert.EqualValues(t, 1, cx["free_text"])
	assert.EqualValues(t, 1, cx["known_info"], "the personnummer")
	assert.NotEmpty(t, cx["reasons"], "the score is explained")
	keys := findingKeys(p)
	assert.Equal(t, 1, keys["plain-language-link-text.context"]+keys["plain-language-link-text.vague"], "klicka här: %v", keys)

	r = delaktig(t, page, "text", "--lang", "nb", "-")
	assert.Contains(t, r.out, "Tekst: stdin")
	assert.Contains(t, r.out, "Skjema", "the form section")
	assert.Contains(t, r.out, "Belastning:")
}

func TestTextLanguageFromReport(t *testing.T) {
	// Bokmål and nynorsk alike: the guess fails. With --lang the text is
	// taken to be in the report's language and the word list applies.
	p := writeFile(t, t.TempDir(), "kort.txt", "Du må fylle ut skjemaet og sende det til kommunen innen fristen. Vedrørende betaling, se under.\n")
	r := delaktig(t, "", "text", "--format", "json", p)
	assert.NotEqual(t, "nb", textPage(t, r)["readability"].(map[string]any)["lang"])

	r = delaktig(t, "", "text", "--lang", "nb", p)
	assert.Contains(t, r.out, "Språket i teksten: nb\n")
	assert.Contains(t, r.out, "Vedrørende")
	assert.Equal(t, exitFailures, r.code)

	// --text-lang wins over both.
	r = delaktig(t, "", "text", "--lang", "nb", "--text-lang", "nn", "--format", "json", p)
	assert.Equal(t, "nn", textPage(t, r)["readability"].(map[string]any)["lang"])
}

func TestTextBadInput(t *testing.T) {
	dir := t.TempDir()

	t.Run("empty", func(t *testing.T) {
		p := writeFile(t, dir, "tom.txt", "")
		r := delaktig(t, "", "text", "--lang", "sv", p)
		assert.Equal(t, exitOK, r.code, r.errout)
		assert.Contains(t, r.out, "Texten har inga ord att mäta.")
		r = delaktig(t, "", "text", "--format", "json", p)
		assert.Equal(t, exitOK, r.code)
		textPage(t, r)
	})

	t.Run("one sentence of 10,000 words", func(t *testing.T) {
		p := writeFile(t, dir, "lang.txt", strings.Repeat("ansökan ", 9999)+"ansökan.")
		r := delaktig(t, "", "text", "--text-lang", "sv", "--format", "json", p)
		assert.Equal(t, exitFailures, r.code, r.errout)
		page := textPage(t, r)
		rd := page["readability"].(map[string]any)
		assert.EqualValues(t, 10000, rd["words"])
		assert.EqualValues(t, 1, rd["sentences"])
		assert.EqualValues(t, 1, rd["long_sentences"])
		keys := findingKeys(page)
		assert.Equal(t, 1, keys["plain-language-lix.high"], "%v", keys)
		assert.Equal(t, 1, keys["plain-language-long-sentence.long"], "%v", keys)
	})

	t.Run("mixed scripts", func(t *testing.T) {
		p := writeFile(t, dir, "blandat.txt", "Ansökan ska skickas in. مرحبا بكم في البلدية. Привет мир. 你好世界。 ትግርኛ ቋንቋ።\n")
		r := delaktig(t, "", "text", "--format", "json", p)
		require.Contains(t, []int{exitOK, exitFailures}, r.code, r.errout)
		rd := textPage(t, r)["readability"].(map[string]any)
		assert.Greater(t, rd["words"], 8.0)
	})

	t.Run("unknown language", func(t *testing.T) {
		p := writeFile(t, dir, "suomi.txt", "Hakemus on lähetettävä kunnalle ennen maaliskuun loppua. Päätös tehdään neljän viikon kuluessa.\n")
		r := delaktig(t, "", "text", "--lang", "sv", p)
		assert.Contains(t, r.out, "Textens språk: gick inte att känna igen", "Finnish is not guessed as Swedish")
		r = delaktig(t, "", "text", "--text-lang", "fi", "--format", "json", p)
		require.Contains(t, []int{exitOK, exitFailures}, r.code, r.errout)
		page := textPage(t, r)
		rd := page["readability"].(map[string]any)
		assert.Equal(t, "fi", rd["lang"])
		assert.Equal(t, false, rd["style_ok"], "no passive or nominal rules for Finnish")
		assert.Zero(t, findingKeys(page)["plain-language-word-choice.plainer"])
	})

	t.Run("control characters", func(t *testing.T) {
		p := writeFile(t, dir, "styr.txt", "VIKTIGT \x1b[31mLÄS DETTA\x1b[0m INNAN DU BÖRJAR.\n")
		r := delaktig(t, "", "text", "--text-lang", "sv", p)
		assert.NotContains(t, r.out, "\x1b", "text from the input cannot control the terminal")
	})
}

func TestTextUsage(t *testing.T) {
	p := writeFile(t, t.TempDir(), "a.txt", svPlainText)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"text"}, "no text given"},
		{[]string{"text", p, p}, "one file at a time"},
		{[]string{"text", "--format", "pdf", p}, `unknown --format "pdf"`},
		{[]string{"text", "--max-lix", "0", p}, "--max-lix must be"},
		{[]string{"text", "--max-sentence-words", "0", p}, "--max-sentence-words must be"},
		{[]string{"text", "--text-lang", "!!", p}, `unknown --text-lang "!!"`},
		{[]string{"text", "--fail-on", "often", p}, `unknown --fail-on "often"`},
	} {
		r := delaktig(t, "", tc.args...)
		assert.Equal(t, exitUsage, r.code, "%v", tc.args)
		assert.Contains(t, r.errout, tc.want, "%v", tc.args)
	}
	r := delaktig(t, "", "text", "/no/such/file.txt")
	assert.Equal(t, exitLoad, r.code)
}
