package checker_test

import (
	"testing"

	"github.com/delaktig/delaktig/a11y"
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
