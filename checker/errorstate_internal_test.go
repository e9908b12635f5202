package checker

import (
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const beforeForm = `<!doctype html><html lang="sv"><head><title>Personuppgifter</title></head><body>
<form id="f">
<div class="falt"><label for="namn">Namn</label><p id="namn-tips">Som i folkbokföringen.</p>
<input id="namn" name="namn" required aria-describedby="namn-tips"></div>
<div class="rad"><input name="ort" placeholder="Ort *"></div>
<div class="rad"><input name="tel" placeholder="Telefon"></div>
<button>Fortsätt</button>
</form></body></html>`

const afterForm = `<!doctype html><html lang="sv"><head><title>Fel: Personuppgifter</title></head><body>
<div id="summary" tabindex="-1"><h2>Det finns fel</h2><ul><li><a href="#namn">Skriv ditt namn</a></li></ul></div>
<form id="f">
<div class="falt"><label for="namn">Namn</label><p id="namn-tips">Som i folkbokföringen.</p>
<p id="namn-fel"><span style="position:absolute;clip:rect(0 0 0 0)">Fel: </span>Skriv ditt namn.</p>
<input id="namn" name="namn" required aria-invalid="true" aria-describedby="namn-tips namn-fel"></div>
<div class="rad"><input name="ort" placeholder="Ort *"><span class="err">Ogiltigt värde</span></div>
<div class="rad"><input name="tel" placeholder="Telefon"></div>
<button>Fortsätt</button>
</form></body></html>`

func mustDoc(t *testing.T, src string) *a11y.Document {
	t.Helper()
	doc, err := a11y.FromHTMLString(src, "http://example.test/personuppgifter")
	require.NoError(t, err)
	return doc
}

func TestBuildErrorState(t *testing.T) {
	before, after := mustDoc(t, beforeForm), mustDoc(t, afterForm)
	after.ByID(after.Root, "summary").Focused = true
	// the field with only a red border: its border colour changed
	var ortBefore, ortAfter *a11y.Node
	for n := range before.Elements() {
		if n.Get("name") == "tel" {
			ortBefore = n
		}
	}
	for n := range after.Elements() {
		if n.Get("name") == "tel" {
			ortAfter = n
		}
	}
	ortBefore.Style = map[string]string{"border-top-color": "rgb(118, 118, 118)"}
	ortAfter.Style = map[string]string{"border-top-color": "rgb(221, 0, 0)"}

	sub := &submission{
		pass: a11y.ErrorPassEmpty, submitted: "button", before: before, reloaded: true,
		signature: []string{"namn", "ort", "tel"},
		fields: []fieldState{
			{Key: "namn|namn|0", Required: true, Empty: true},
			{Key: "ort||0", Required: true, Empty: true},
			{Key: "tel||0", Empty: true},
		},
	}
	es := buildErrorState(sub, after, nil, nil)
	assert.Equal(t, a11y.ReactionReloaded, es.Reaction)
	assert.True(t, es.TitleChanged)
	assert.Equal(t, "Fel: Personuppgifter", es.Title)
	require.NotNil(t, es.Form)
	require.NotNil(t, es.Summary)
	assert.Equal(t, "summary", es.Summary.ID())
	assert.Equal(t, es.Summary, es.Focus)

	byName := map[string]*a11y.ErrorField{}
	for _, f := range es.Fields {
		byName[f.Node.Get("name")] = f
	}
	require.Len(t, es.Fields, 3, "the two required fields, and the one that shows an error")

	namn := byName["namn"]
	assert.True(t, namn.Required)
	assert.True(t, namn.Invalid)
	assert.True(t, namn.InSummary)
	require.Len(t, namn.Tied, 1, "the hint was there before; only the error is new")
	assert.Equal(t, "namn-fel", namn.Tied[0].ID())
	require.Len(t, namn.Messages, 1)
	assert.Equal(t, "namn-fel", namn.Messages[0].ID(), "the visually hidden prefix is part of the message, not a message")

	ort := byName["ort"]
	assert.True(t, ort.Required)
	assert.False(t, ort.Invalid)
	assert.Empty(t, ort.Tied)
	require.Len(t, ort.Messages, 1)
	assert.Equal(t, "Ogiltigt värde", ort.Messages[0].Text())
	assert.False(t, ort.InSummary)

	tel := byName["tel"]
	assert.False(t, tel.Required)
	assert.True(t, tel.Restyled)
	assert.Empty(t, tel.Messages)
	assert.True(t, tel.ShowsError())
}

func TestBuildErrorStateReactions(t *testing.T) {
	doc := mustDoc(t, beforeForm)
	sub := &submission{pass: a11y.ErrorPassEmpty, before: doc, signature: []string{"namn"}}
	for _, c := range []struct {
		react reaction
		want  string
	}{
		{reaction{Invalid: 1}, a11y.ReactionNative},
		{reaction{Submit: 1, Invalid: 1}, a11y.ReactionNone},
		{reaction{Submit: 1, Prevented: true, Mutations: 3}, a11y.ReactionUpdated},
		{reaction{}, a11y.ReactionNone},
	} {
		sub.react = c.react
		es := buildErrorState(sub, doc, nil, nil)
		assert.Equal(t, c.want, es.Reaction, "%+v", c.react)
		assert.False(t, es.TitleChanged)
		for _, f := range es.Fields {
			assert.False(t, f.ShowsError(), "nothing changed on the page")
		}
	}
}

func TestFieldKeysMatchTheScript(t *testing.T) {
	doc := mustDoc(t, `<form><input name="a"><input name="a"><input id="x"><input type="hidden" name="h"><select name="s"></select><button>OK</button></form>`)
	var form *a11y.Node
	for f := range doc.Elements() {
		if f.Data == "form" {
			form = f
		}
	}
	assert.Equal(t, []string{"a||0", "a||1", "|x|0", "s||0"}, fieldKeys(formFields(doc, form)))
}
