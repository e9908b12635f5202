package guidance_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/guidance"
)

func doc(t testing.TB, src string) *a11y.Document {
	t.Helper()
	d, err := a11y.FromHTMLString(src, "file:///test.html")
	require.NoError(t, err)
	return d
}

func texts(bs []guidance.Block) []string {
	var out []string
	for _, b := range bs {
		out = append(out, b.Text)
	}
	return out
}

func TestTextBlocks(t *testing.T) {
	d := doc(t, `<!doctype html><html lang="sv"><head><title>T</title><style>p{}</style></head><body>
<header><p>Sidhuvud</p></header>
<main>
  <h1>Ansök om <em>bygglov</em></h1>
  <p>Första   stycket
     fortsätter här.<br>Ny rad.</p>
  <div>Text i div <span>med span</span><p>och ett stycke</p>efter stycket</div>
  <p hidden>Dold</p>
  <p style="display:none">Också dold</p>
  <p aria-hidden="true">Bara för seende men aria-hidden</p>
  <script>var x = "skript";</script>
  <label for="k">Kommun</label><select id="k"><option>Norrsunda</option></select>
  <textarea>Användarens text</textarea>
  <input type="submit" value="Skicka ansökan"><input type="hidden" value="dold">
  <ul><li lang="en">In English</li></ul>
</main>
<footer><p>Sidfot</p></footer>
</body></html>`)
	bs := guidance.TextBlocks(d)
	assert.Equal(t, []string{
		"Ansök om bygglov",
		"Första stycket fortsätter här.\nNy rad.",
		"Text i div med span",
		"och ett stycke",
		"efter stycket",
		"Kommun",
		"Skicka ansökan",
		"In English",
	}, texts(bs))
	assert.Equal(t, "sv", bs[0].Lang)
	assert.Equal(t, "en", bs[len(bs)-1].Lang)
	assert.Equal(t, "h1", bs[0].Node.Data)
	assert.Equal(t, "div", bs[2].Node.Data)
	assert.Equal(t, "div", bs[4].Node.Data, "text after a nested block belongs to the outer block")

	all := texts(guidance.AllTextBlocks(d))
	assert.Equal(t, "Sidhuvud", all[0])
	assert.Equal(t, "Sidfot", all[len(all)-1])

	assert.Equal(t, "Ansök om bygglov\n\nFörsta stycket fortsätter här.\nNy rad.", guidance.PageText(d)[:len("Ansök om bygglov\n\nFörsta stycket fortsätter här.\nNy rad.")])
	assert.Equal(t, "sv", guidance.DeclaredLang(d))
}

func TestContentRoot(t *testing.T) {
	assert.Equal(t, "body", guidance.ContentRoot(doc(t, `<p>Bara body</p>`)).Data)
	assert.Equal(t, "div", guidance.ContentRoot(doc(t, `<div role="main">Huvud</div><main hidden>Dold</main>`)).Data)
	assert.Equal(t, "main", guidance.ContentRoot(doc(t, `<main hidden>Dold</main><main>Synlig</main>`)).Data)
	assert.Nil(t, guidance.ContentRoot(nil))
	assert.Empty(t, guidance.TextBlocks(nil))
	assert.Empty(t, guidance.PageText(doc(t, ``)))
}

func TestTextBlocksShadowDOM(t *testing.T) {
	d := doc(t, `<html lang="nb"><body><main><p>Før</p>
<my-card><template shadowrootmode="open"><h2><slot name="rubrikk"></slot></h2><p>Fra skyggetreet</p><slot></slot></template>
<span slot="rubrikk">Overskrift</span><p>Innhold fra lyset</p></my-card></main></body></html>`)
	assert.Equal(t, []string{"Før", "Overskrift", "Fra skyggetreet", "Innhold fra lyset"}, texts(guidance.TextBlocks(d)))
}

func TestDeclaredLang(t *testing.T) {
	assert.Equal(t, "nb-NO", guidance.DeclaredLang(doc(t, `<html lang=" nb-NO "><body>x</body></html>`)))
	assert.Equal(t, "", guidance.DeclaredLang(doc(t, `<html><body>x</body></html>`)))
	assert.Equal(t, "", guidance.DeclaredLang(nil))
}
