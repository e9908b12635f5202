package guidance_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/guidance"
)

// browserLike gives every element the computed styles a browser would
// report for the few properties the guidance rules read: display and an
// inherited text-transform. It stands in for a snapshot from Chrome.
func browserLike(t *testing.T, d *a11y.Document, display map[string]string, upper map[string]bool) {
	t.Helper()
	for n := range d.Elements() {
		st := map[string]string{"display": "inline", "text-transform": "none"}
		if v, ok := display[n.Data]; ok {
			st["display"] = v
		}
		if p := n.Parent; p != nil && p.Style != nil {
			st["text-transform"] = p.Style["text-transform"]
		}
		if upper[n.ID()] {
			st["text-transform"] = "uppercase"
		}
		n.Style = st
	}
	d.Mode = a11y.ModeBrowser
	d.Facts |= a11y.NeedsStyle
}

func TestAllCapsComputedStyle(t *testing.T) {
	d := doc(t, `<html lang="sv"><body><main>
<div id="banner"><p>Sista dag för ansökan är den 1 mars</p><p>Skicka in i tid</p></div>
<p><span id="kort">Obs</span> Läs noga innan du börjar fylla i.</p>
<p><span id="lang">detta är en lång text i versaler</span></p>
</main></body></html>`)
	browserLike(t, d, map[string]string{"main": "block", "div": "block", "p": "block", "body": "block", "html": "block"},
		map[string]bool{"banner": true, "kort": true, "lang": true})
	res, err := a11y.Check(context.Background(), d, a11y.WithRules(guidance.PlainLanguageAllCaps))
	require.NoError(t, err)
	var where []string
	for _, f := range res.Findings {
		if assert.Equal(t, a11y.Failed, f.Outcome) {
			where = append(where, f.Node.ID())
		}
	}
	// The banner is reported once (not its inheriting paragraphs); the short
	// span is fine; the long span is reported.
	assert.Equal(t, []string{"banner", "lang"}, where)
}

func TestComputedDisplay(t *testing.T) {
	d := doc(t, `<html lang="sv"><body><main><span class="kort">Kort ett</span><span class="kort">Kort två</span><b>fet</b> text</main></body></html>`)
	browserLike(t, d, map[string]string{"span": "block", "main": "block", "body": "block", "html": "block"}, nil)
	assert.Equal(t, []string{"Kort ett", "Kort två", "fet text"}, texts(guidance.TextBlocks(d)))
}
