package guidance_test

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/guidance"
	"github.com/delaktig/delaktig/guidance/readability"
)

// The texts in testdata/texts are municipal information texts written for
// these tests: each says the same thing twice, first as an authority often
// writes it (-fore, -for), then rewritten in plain language (-efter, -etter).

func readText(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "texts", name+".txt"))
	require.NoError(t, err)
	return string(b)
}

// page wraps a plain text in an HTML page: paragraphs at blank lines, lines
// kept.
func page(lang, text string) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="` + lang + `"><head><title>Test</title></head><body><main>`)
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		b.WriteString("<p>" + strings.ReplaceAll(html.EscapeString(para), "\n", "<br>") + "</p>")
	}
	b.WriteString(`</main></body></html>`)
	return b.String()
}

func run(t *testing.T, src string) map[a11y.Msg]int {
	t.Helper()
	res, err := a11y.Check(context.Background(), doc(t, src), a11y.WithRules(guidance.Rules()...))
	require.NoError(t, err)
	require.Empty(t, res.Errors)
	return keys(res.Findings)
}

func TestRealisticTexts(t *testing.T) {
	for _, tc := range []struct {
		lang, before, after string
	}{
		{"sv", "sv-fore", "sv-efter"},
		{"nb", "nb-for", "nb-etter"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			before, after := readText(t, tc.before), readText(t, tc.after)

			// The bureaucratic text is hard to read, the rewrite is easy.
			sb := readability.Analyze(before, tc.lang)
			sa := readability.Analyze(after, tc.lang)
			assert.Greater(t, sb.LIX, 50.0, "before")
			assert.Less(t, sa.LIX, 30.0, "after")
			assert.Zero(t, sa.LongSentences, "after")
			assert.Greater(t, sb.MeanSentenceWords, 1.5*sa.MeanSentenceWords)

			// The word list finds many formal words before and none after.
			assert.GreaterOrEqual(t, len(guidance.FindWords(before, tc.lang)), 15)
			assert.Empty(t, guidance.FindWords(after, tc.lang), "after")

			// The rules agree, page by page.
			kb := run(t, page(tc.lang, before))
			ka := run(t, page(tc.lang, after))
			assert.Equal(t, 1, kb["plain-language-lix.high"])
			assert.Equal(t, 1, ka["plain-language-lix.ok"])
			assert.GreaterOrEqual(t, kb["plain-language-word-choice.plainer"], 12)
			assert.Equal(t, 1, ka["plain-language-word-choice.none"])
			assert.GreaterOrEqual(t, kb["plain-language-long-sentence.long"], 1)
			assert.Equal(t, 1, ka["plain-language-long-sentence.none"])
			// Both are recognised as written in the declared language.
			assert.Equal(t, 1, kb["plain-language-page-lang.matches"])
			assert.Equal(t, 1, ka["plain-language-page-lang.matches"])
			// The rewrite gives a phone number; the original no way to get help.
			assert.Equal(t, 1, kb["inclusion-contact.missing"])
			assert.Equal(t, 1, ka["inclusion-contact.found"])
		})
	}
}

// TestRealisticWrongLang: the Swedish rewrite published with the page
// language left at English fails, and so does the Norwegian one under
// Swedish: the guesser is less sure which Norwegian it is, but its
// function words are clearly not Swedish.
func TestRealisticWrongLang(t *testing.T) {
	k := run(t, page("en", readText(t, "sv-efter")))
	assert.Equal(t, 1, k["plain-language-page-lang.differs"])
	assert.Zero(t, k["plain-language-passage-lang.other-language"], "the page, not its parts, is mislabelled")
	k = run(t, page("sv", readText(t, "nb-etter")))
	assert.Equal(t, 1, k["plain-language-page-lang.differs"])
}

// TestRealisticForm checks a whole form step written the old way against
// its rewrite.
func TestRealisticForm(t *testing.T) {
	old := readFile(t, "form-fore.html")
	plain := readFile(t, "form-efter.html")
	ko, kp := run(t, old), run(t, plain)
	assert.Equal(t, 2, ko["plain-language-error-message.vague"])
	assert.Equal(t, 2, kp["plain-language-error-message.instructs"])
	assert.Equal(t, 1, ko["plain-language-link-text.context"])
	assert.Zero(t, kp["plain-language-link-text.vague"]+kp["plain-language-link-text.context"])
	assert.Equal(t, 1, ko["plain-language-sensory.phrase"])
	assert.Zero(t, kp["plain-language-sensory.phrase"])
	assert.Equal(t, 1, ko["plain-language-abbreviation.unexplained"])
	assert.Equal(t, 1, kp["plain-language-abbreviation.explained"])
	assert.Equal(t, 1, ko["plain-language-all-caps.run"])
	assert.Equal(t, 1, kp["plain-language-all-caps.none"])
	assert.Equal(t, 1, ko["inclusion-contact.missing"])
	assert.Equal(t, 1, kp["inclusion-contact.found"])
	assert.Equal(t, 1, ko["inclusion-other-languages.missing"])
	assert.Equal(t, 1, kp["inclusion-other-languages.found"])
	assert.Equal(t, 1, ko["inclusion-time-limit.session"])
	assert.Equal(t, 1, kp["inclusion-time-limit.extendable"])

	co, cp := guidance.PageComplexity(doc(t, old)), guidance.PageComplexity(doc(t, plain))
	assert.Greater(t, co.Score, cp.Score)
	assert.Greater(t, co.KnownInfo, cp.KnownInfo)
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "texts", name))
	require.NoError(t, err)
	return string(b)
}
