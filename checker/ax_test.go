package checker_test

import (
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/checker"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const axPage = `<!doctype html><html lang="sv"><head><title>Ansökan</title></head><body>
<main><h1 id="h">Ansök om parkeringstillstånd</h1>
<form><label for="namn">Namn</label><input id="namn">
<label><input id="samtycke" type="checkbox"> Jag samtycker</label>
<button id="skicka">Skicka</button>
<a id="hjalp" href="/hjalp">Hjälp med ansökan</a>
<img id="logo" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Norrsunda kommun">
<div id="dold" aria-hidden="true"><button id="dold-knapp">Dold</button></div>
</form></main></body></html>`

func TestAXOracle(t *testing.T) {
	tb := tab(t)
	doc := loadIn(t, tb, axPage)
	require.NoError(t, checker.AXOracle(tb.Context(), doc))

	want := map[string]a11y.AXFacts{
		"h":        {Role: "heading", Name: "Ansök om parkeringstillstånd"},
		"namn":     {Role: "textbox", Name: "Namn"},
		"samtycke": {Role: "checkbox", Name: "Jag samtycker"},
		"skicka":   {Role: "button", Name: "Skicka"},
		"hjalp":    {Role: "link", Name: "Hjälp med ansökan"},
		"logo":     {Role: "image", Name: "Norrsunda kommun"},
	}
	for id, w := range want {
		n := byID(t, doc, doc.Root, id)
		require.NotNil(t, n.AX, id)
		assert.Equal(t, w.Role, n.AX.Role, id)
		assert.Equal(t, w.Name, n.AX.Name, id)
		assert.False(t, n.AX.Ignored, id)
		// The engine agrees with Chrome on these plain elements.
		assert.Equal(t, w.Name, doc.Name(n), "engine name of #%s", id)
	}
	hidden := byID(t, doc, doc.Root, "dold-knapp")
	if hidden.AX != nil {
		assert.True(t, hidden.AX.Ignored, "aria-hidden content is ignored")
	}
	assert.False(t, doc.InAXTree(hidden))
}

func TestQueryAX(t *testing.T) {
	tb := tab(t)
	doc := loadIn(t, tb, axPage)
	btn := byID(t, doc, doc.Root, "skicka")
	link := byID(t, doc, doc.Root, "hjalp")
	require.NoError(t, checker.QueryAX(tb.Context(), []*a11y.Node{btn, nil}))
	require.NotNil(t, btn.AX)
	assert.Equal(t, "button", btn.AX.Role)
	assert.Equal(t, "Skicka", btn.AX.Name)
	assert.Nil(t, link.AX, "only the nodes asked about are queried")
}

// customPage holds custom elements that give themselves a role and a name
// through ElementInternals, which no snapshot shows.
const customPage = `<!doctype html><html lang="sv"><head><title>Ansökan</title></head><body>
<main><h1>Ansökan</h1>
<fancy-button id="skicka"></fancy-button>
<fancy-button id="ikon" data-unnamed></fancy-button>
<plain-box id="ruta"></plain-box>
<fancy-button id="med-roll" role="link" aria-label="Läs mer"></fancy-button>
<plain-box id="dold" hidden></plain-box>
</main>
<script>
customElements.define("fancy-button", class extends HTMLElement {
	constructor() {
		super();
		const i = this.attachInternals();
		i.role = "button";
		const unnamed = this.hasAttribute("data-unnamed");
		if (!unnamed) i.ariaLabel = "Skicka ansökan";
		this.attachShadow({mode: "closed"}).innerHTML = unnamed ? "<span aria-hidden=true>→</span>" : "<span>→</span>";
		this.tabIndex = 0;
	}
});
customElements.define("plain-box", class extends HTMLElement {
	constructor() { super(); this.attachShadow({mode: "open"}).innerHTML = "<p>Text i rutan</p>"; }
});
</script></body></html>`

func TestAskUncertain(t *testing.T) {
	tb := tab(t)
	doc := loadIn(t, tb, customPage)
	skicka := byID(t, doc, doc.Root, "skicka")
	ikon := byID(t, doc, doc.Root, "ikon")
	ruta := byID(t, doc, doc.Root, "ruta")
	medRoll := byID(t, doc, doc.Root, "med-roll")

	// the snapshot alone cannot know the roles the elements gave themselves
	assert.NotEqual(t, "button", doc.Role(skicka))
	assert.ElementsMatch(t, []*a11y.Node{skicka, ikon, ruta}, doc.Uncertain(10),
		"custom elements without a role attribute, hidden ones left out")
	assert.Len(t, doc.Uncertain(2), 2, "the limit holds")

	n, err := checker.AskUncertain(tb.Context(), doc)
	require.NoError(t, err)
	assert.Equal(t, 3, n)
	assert.Equal(t, "button", doc.Role(skicka))
	assert.Equal(t, "Skicka ansökan", doc.Name(skicka))
	assert.Equal(t, a11y.NameSourceBrowser, doc.NameSource(skicka))
	assert.Equal(t, "button", doc.Role(ikon))
	assert.Empty(t, doc.Name(ikon))
	assert.Equal(t, "generic", doc.Role(ruta))
	assert.Nil(t, medRoll.AX, "an element with a role attribute is settled by the engine")
	assert.Equal(t, "link", doc.Role(medRoll))

	// the rules see Chrome's answers: the button without a name fails
	res, err := a11y.Check(t.Context(), doc, a11y.WithRules(rules.ButtonName))
	require.NoError(t, err)
	var failed []string
	for _, f := range res.Findings {
		if f.Outcome == a11y.Failed {
			failed = append(failed, f.Selector)
		}
	}
	assert.Equal(t, []string{"#ikon"}, failed)

	// a static document has no browser to ask
	static, err := a11y.FromHTMLString(customPage, "x.html")
	require.NoError(t, err)
	assert.Empty(t, static.Uncertain(10))
}
