package rules_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/rules"
)

// ariaOutcomes runs one rule over a page and returns its outcomes by message key.
func ariaOutcomes(t *testing.T, doc *a11y.Document, rule *a11y.Rule) map[a11y.Msg]a11y.Outcome {
	t.Helper()
	res, err := a11y.Check(context.Background(), doc, a11y.WithRules(rule))
	require.NoError(t, err)
	require.Empty(t, res.Errors)
	out := map[a11y.Msg]a11y.Outcome{}
	for _, f := range res.Findings {
		out[f.Key] = f.Outcome
	}
	return out
}

func TestAriaHiddenFocusKeyboardWalk(t *testing.T) {
	page := `<!doctype html><html lang="sv"><body><button id=b>Stäng</button>
		<div aria-hidden="true"><a href="#" id=s>Vakt</a></div></body></html>`
	rule := rules.ByID("aria-hidden-focus")
	require.NotNil(t, rule)

	// without a walk: the link is in the tab order
	doc, err := a11y.FromHTMLString(page, "test:")
	require.NoError(t, err)
	assert.Equal(t, map[a11y.Msg]a11y.Outcome{"aria-hidden-focus.focusable": a11y.Failed}, ariaOutcomes(t, doc, rule))

	// a complete walk that never stopped on the link: focus moved on
	doc, err = a11y.FromHTMLString(page, "test:")
	require.NoError(t, err)
	b := doc.ByID(doc.Root, "b")
	doc.Facts |= a11y.NeedsInteraction
	doc.Extra = map[string]any{a11y.FocusKey: &a11y.FocusWalk{Complete: true, Steps: []*a11y.FocusRendering{{Node: b}}}}
	assert.Equal(t, map[a11y.Msg]a11y.Outcome{"aria-hidden-focus.no-focus": a11y.Passed}, ariaOutcomes(t, doc, rule))

	// a complete walk that reached it fails even with a focus script
	doc, err = a11y.FromHTMLString(page+`<script>document.getElementById('s').addEventListener('focus', f)</script>`, "test:")
	require.NoError(t, err)
	s := doc.ByID(doc.Root, "s")
	doc.Extra = map[string]any{a11y.FocusKey: &a11y.FocusWalk{Complete: true, Steps: []*a11y.FocusRendering{{Node: doc.ByID(doc.Root, "b")}, {Node: s}}}}
	assert.Equal(t, map[a11y.Msg]a11y.Outcome{"aria-hidden-focus.focusable": a11y.Failed}, ariaOutcomes(t, doc, rule))

	// an incomplete walk decides nothing: the focus script makes it cantTell
	doc, err = a11y.FromHTMLString(page+`<script>document.getElementById('s').addEventListener('focus', f)</script>`, "test:")
	require.NoError(t, err)
	doc.Extra = map[string]any{a11y.FocusKey: &a11y.FocusWalk{Complete: false, Stopped: "limit"}}
	assert.Equal(t, map[a11y.Msg]a11y.Outcome{"aria-hidden-focus.focusable-unsure": a11y.CantTell}, ariaOutcomes(t, doc, rule))
}

func TestAriaRulesComputedStyles(t *testing.T) {
	// a browser document: computed styles settle what a static check cannot
	doc, err := a11y.FromHTMLString(`<!doctype html><html><head><style>.av{display:none}</style></head><body>
		<div class=av><span role="lnik" id=x>x</span></div><span role="lnik" id=y>y</span></body></html>`, "test:")
	require.NoError(t, err)
	for n := range doc.Elements() {
		n.Style = map[string]string{"display": "block", "visibility": "visible"}
	}
	doc.ByID(doc.Root, "x").Parent.Style["display"] = "none"
	doc.Facts |= a11y.NeedsStyle
	doc.Mode = a11y.ModeBrowser
	doc.Index()
	res, err := a11y.Check(context.Background(), doc, a11y.WithRules(rules.ByID("aria-role-valid")))
	require.NoError(t, err)
	require.Len(t, res.Findings, 1)
	assert.Equal(t, a11y.Failed, res.Findings[0].Outcome)
	assert.Equal(t, "y", res.Findings[0].Node.ID())
}

func TestAriaRulesRegistered(t *testing.T) {
	for _, id := range []string{"4e8ab6", "5f99a7", "674b10", "6a7281", "6cfa84", "307n5z", "46ca7f", "5c01ea", "kb1m8s", "bc4a75", "ff89c9"} {
		assert.Len(t, rules.ByACT(id), 1, id)
	}
	assert.NotNil(t, rules.ByID("aria-deprecated"))
}
