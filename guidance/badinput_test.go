package guidance_test

import (
	"context"
	"encoding/json"
	"html"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/guidance"
)

// check runs every guidance rule over src and fails the test on a rule
// error (a panic becomes one too).
func check(t *testing.T, src string) []a11y.Finding {
	t.Helper()
	res, err := a11y.Check(context.Background(), doc(t, src), a11y.WithRules(guidance.Rules()...))
	require.NoError(t, err)
	require.Empty(t, res.Errors)
	_, err = json.Marshal(res.Findings)
	require.NoError(t, err)
	return res.Findings
}

func keys(fs []a11y.Finding) map[a11y.Msg]int {
	out := map[a11y.Msg]int{}
	for _, f := range fs {
		out[f.Key]++
	}
	return out
}

func TestEmptyInput(t *testing.T) {
	for _, src := range []string{``, `<html></html>`, `<html lang="sv"><body></body></html>`, `<html lang="sv"><body><main></main></body></html>`} {
		fs := check(t, src)
		k := keys(fs)
		// Only the page-level inclusion rules have something to say about
		// a page without text: no help and no other languages.
		for key := range k {
			assert.Contains(t, []a11y.Msg{"inclusion-contact.missing", "inclusion-other-languages.missing"}, key, "%q", src)
		}
		assert.Nil(t, guidance.Readability(doc(t, src)))
		c := guidance.PageComplexity(doc(t, src))
		assert.Zero(t, c.Fields)
		assert.Zero(t, c.Words)
		assert.Equal(t, "low", c.Level)
		assert.NotNil(t, c.Reasons)
	}
	assert.Nil(t, guidance.Readability(nil))
	assert.Equal(t, "low", guidance.PageComplexity(nil).Level)
	f := guidance.Facts(nil)
	require.NotNil(t, f)
	assert.Empty(t, f.Fields)
	assert.Nil(t, guidance.TextReadability("", "sv"))
	assert.Nil(t, guidance.TextReadability(" \n\t ", ""))
	assert.Empty(t, guidance.FindWords("", "sv"))
}

// TestHugeSentence: one sentence of 10,000 words is one long sentence, with
// a short quote, and the page's LIX is far above the limit.
func TestHugeSentence(t *testing.T) {
	words := make([]string, 10000)
	for i := range words {
		words[i] = [...]string{"ansökan", "ska", "inkomma", "med", "erforderliga", "handlingar", "och"}[i%7]
	}
	text := strings.Join(words, " ") + "."
	fs := check(t, `<html lang="sv"><body><main><p>`+text+`</p></main></body></html>`)
	var long []a11y.Finding
	for _, f := range fs {
		if f.Key == "plain-language-long-sentence.long" {
			long = append(long, f)
		}
	}
	require.Len(t, long, 1)
	assert.Equal(t, 10000, long[0].Data["words"])
	assert.Less(t, len([]rune(long[0].Data["start"].(string))), 100)
	k := keys(fs)
	assert.Equal(t, 1, k["plain-language-lix.high"])
	assert.Equal(t, 2, k["plain-language-word-choice.plainer"], "each word once per element")
	st := guidance.TextReadability(text, "sv")
	require.NotNil(t, st)
	assert.Equal(t, 10000, st.Words)
	assert.Equal(t, 1, st.Sentences)
}

// TestMixedScripts: Arabic, Cyrillic, CJK, emoji and bidirectional
// controls in one page give clear results and no crash.
func TestMixedScripts(t *testing.T) {
	src := `<html lang="sv"><body><main>
<p>Du kan få hjälp på arabiska: العربية هنا. Или по-русски: помощь. 中文帮助。 🙂 ‮kod‬</p>
<p>مرحبا بكم في خدمة البلدية. يمكنكم تقديم الطلب عبر الإنترنت أو في مكتب الخدمة.</p>
<p><a href="/ar">العربية</a> <a href="/ru">Русский</a></p>
</main><footer><a href="tel:+46980319200">0980-31 92 00</a></footer></body></html>`
	fs := check(t, src)
	k := keys(fs)
	assert.Equal(t, 1, k["inclusion-other-languages.found"])
	assert.Equal(t, 1, k["inclusion-contact.found"])
	for _, f := range fs {
		assert.NotEqual(t, a11y.Failed, f.Outcome, "%s %v", f.Key, f.Data)
	}
	assert.Empty(t, guidance.FindWords("العربية هنا 中文帮助 🙂", "sv"))
}

// TestUnknownLanguage: a page in a language the guesser does not know gets
// no verdict on its language and no word-list findings.
func TestUnknownLanguage(t *testing.T) {
	fi := `Voit hakea pysäköintilupaa, jos sinun on vaikea kävellä. Tarvitset lääkärinlausunnon, josta näkyy, kuinka kauan sinulla on ollut vaikeuksia kävellä. Vastaamme neljän viikon kuluessa.`
	k := keys(check(t, `<html lang="fi"><body><main><p>`+fi+`</p></main></body></html>`))
	assert.Zero(t, k["plain-language-page-lang.differs"])
	assert.Zero(t, k["plain-language-word-choice.plainer"])
	assert.Zero(t, k["plain-language-word-choice.none"])
	// The same text declared Swedish: the guesser sees Swedish letters but
	// none of its words, so a person is asked rather than told.
	k = keys(check(t, `<html lang="sv"><body><main><p>`+fi+`</p></main></body></html>`))
	assert.Zero(t, k["plain-language-page-lang.differs"])
	assert.Zero(t, k["plain-language-page-lang.matches"])
	// An unknown made-up language tag.
	k = keys(check(t, `<html lang="xx-unknown"><body><main><p>`+fi+`</p></main></body></html>`))
	assert.Zero(t, k["plain-language-page-lang.differs"])
}

func TestHostileText(t *testing.T) {
	src := `<html lang="sv"><body><main><p>` + html.EscapeString(`<script>alert(1)</script> "citat" & `) + "\x00\xff\xfe ogiltig UTF-8 \u202e" +
		strings.Repeat("(", 5000) + "LSS" + strings.Repeat(")", 5000) + `</p>` +
		strings.Repeat("<div>", 600) + "Djupt nästlad text om LSS (lagen om stöd och service)." + strings.Repeat("</div>", 600) +
		`</main></body></html>`
	fs := check(t, src)
	assert.NotEmpty(t, fs)
	assert.NotPanics(t, func() { guidance.PageComplexity(doc(t, src)) })
	assert.NotPanics(t, func() { guidance.Facts(doc(t, src)) })
}
