package checker_test

import (
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/examples"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const renderPage = `<!doctype html><html lang="sv"><head><title>Rendering</title><style>
body { margin: 8px; font: 16px/20px sans-serif; }
#wide { width: 900px; }
#row { height: 20px; overflow: hidden; }
#pair { height: 40px; overflow: hidden; }
#cut { text-overflow: ellipsis; white-space: nowrap; overflow: hidden; width: 60%; }
#table td { padding: 0 40px; white-space: nowrap; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
</style></head><body>
<div id="wide">Den här rutan är niohundra pixlar bred.</div>
<p id="row">Ansökan om parkeringstillstånd handläggs inom fyra veckor av trafikenheten.</p>
<p id="pair">Handläggningstid<br>fyra veckor</p>
<p id="cut">En lång rubrik som kortas med tre punkter när fönstret är smalt nog för det</p>
<table id="table"><tr><td>Tillstånd</td><td>Giltighet</td><td>Avgift</td></tr></table>
<span class="sr">Dold text för skärmläsare som inte får räknas</span>
<div style="height: 1200px"></div>
</body></html>`

// byID returns the element of doc with id, or nil.
func ixByID(doc *a11y.Document, id string) *a11y.Node { return doc.ByID(doc.Root, id) }

func clippedIDs(loss a11y.ContentLoss) map[string]*a11y.ClippedText {
	out := map[string]*a11y.ClippedText{}
	for _, c := range loss.Clipped {
		out[c.Node.ID()] = c
	}
	return out
}

func TestRenderings(t *testing.T) {
	srv := ixPages(t, map[string]string{"render": renderPage})
	doc, rep, tb := interacted(t, srv.URL+"/render", checker.Interactions{Reflow: true, Zoom: true, TextSpacing: true})
	assert.True(t, doc.Has(a11y.NeedsInteraction))
	assert.Positive(t, rep.Reflow)
	assert.Positive(t, rep.Zoom)
	assert.Positive(t, rep.TextSpacing)

	r := doc.Reflow()
	require.NotNil(t, r)
	assert.Equal(t, 320.0, r.Width)
	assert.True(t, r.Scrolls())
	assert.GreaterOrEqual(t, r.ScrollWidth, 900.0)
	causes := map[string]*a11y.Overflow{}
	for _, o := range r.Overflow {
		causes[o.Node.ID()] = o
	}
	require.Contains(t, causes, "wide")
	assert.Empty(t, causes["wide"].Exception)
	assert.InDelta(t, 900+8-320, causes["wide"].Right, 20)
	require.Contains(t, causes, "table")
	assert.Equal(t, a11y.ExceptTwoDimensional, causes["table"].Exception)
	clipped := clippedIDs(r.ContentLoss)
	require.Contains(t, clipped, "row", "one line of text wraps into a box one line high")
	assert.False(t, clipped["row"].Ellipsis)
	assert.Contains(t, clipped["row"].Text, "Ansökan")
	require.Contains(t, clipped, "cut")
	assert.True(t, clipped["cut"].Ellipsis)
	assert.NotContains(t, clipped, "pair", "two lines in a box two lines high")

	z := doc.TextResize()
	require.NotNil(t, z)
	assert.Equal(t, 2.0, z.Zoom)
	assert.Equal(t, 640.0, z.Width)
	assert.NotContains(t, clippedIDs(z.ContentLoss), "pair")

	s := doc.TextSpacing()
	require.NotNil(t, s)
	sc := clippedIDs(s.ContentLoss)
	require.Contains(t, sc, "pair", "with line height 1.5 the second line leaves the box")
	for id := range sc {
		assert.NotEqual(t, "", id, "visually hidden text is not counted")
	}

	// everything is put back
	assert.Equal(t, checker.DefaultViewport, tb.Viewport())
	state, err := chromedp.Run(tb.Context(), chromedp.Evaluate[[]float64](`[innerWidth, document.querySelectorAll("style").length, getComputedStyle(document.body).letterSpacing === "normal" ? 1 : 0]`))
	require.NoError(t, err)
	assert.Equal(t, []float64{1280, 1, 1}, state)
}

func TestRenderingsOfTheExample(t *testing.T) {
	srv := httptest.NewServer(examples.Handler())
	defer srv.Close()
	in := checker.Interactions{Reflow: true}
	good, _, _ := interacted(t, srv.URL+examples.Accessible.Root(), in)
	g := good.Reflow()
	require.NotNil(t, g)
	for _, o := range g.Overflow {
		t.Logf("the accessible variant at 320 pixels: %s sticks out %.0f px", a11y.Selector(o.Node), o.Right)
	}
	assert.Empty(t, g.Clipped)

	bad, _, _ := interacted(t, srv.URL+examples.Inaccessible.Root(), in)
	r := bad.Reflow()
	require.NotNil(t, r)
	assert.True(t, r.Scrolls())
	assert.Greater(t, r.ScrollWidth-r.Width, 4*(g.ScrollWidth-g.Width), "the fixed layout scrolls far more than the fluid one")
	found := false
	for _, o := range r.Overflow {
		if o.Node.ID() == "wrapper" {
			found = true
			assert.Empty(t, o.Exception)
		}
	}
	assert.True(t, found, "the fixed 960 pixel wrapper causes the sideways scrolling")
}

// closedDetailsPage has the paragraphs of a closed <details> above visible
// text: the browser lays them out but does not show them.
const closedDetailsPage = `<!doctype html><html lang="sv"><head><title>Frågor</title><style>
body { margin: 8px; font: 16px/20px sans-serif; }
</style></head><body><main>
<details><summary>Vanliga frågor</summary>
<p>Hur lång tid tar det att få beslut om parkeringstillstånd från kommunen?</p>
<p>Det tar ungefär fyra veckor från det att vi har fått din ansökan och ditt läkarintyg.</p>
<p>Kan jag överklaga beslutet om jag inte får något tillstånd?</p>
<p>Ja, beslutet innehåller information om hur du överklagar det till förvaltningsrätten.</p>
<p>Vad kostar tillståndet och hur länge gäller det efter att det har beviljats?</p>
</details>
<h2>Så ansöker du</h2>
<p>Fyll i ansökan och skicka den till oss tillsammans med ett läkarintyg från din läkare.</p>
<p>Vi skickar beslutet till dig med post så snart ansökan är färdigbehandlad hos oss.</p>
<p>Ring kontaktcenter om du har frågor om ansökan eller om hur du fyller i den.</p>
</main></body></html>`

// TestRenderingsSkipClosedDetails: text in a closed <details> is not
// counted as lying over the text after it at 320 px, at 200 % zoom or with
// wider text spacing.
func TestRenderingsSkipClosedDetails(t *testing.T) {
	srv := ixPages(t, map[string]string{"faq": closedDetailsPage})
	doc, _, _ := interacted(t, srv.URL+"/faq", checker.Interactions{Reflow: true, Zoom: true, TextSpacing: true})
	r, z, s := doc.Reflow(), doc.TextResize(), doc.TextSpacing()
	require.NotNil(t, r)
	require.NotNil(t, z)
	require.NotNil(t, s)
	for name, loss := range map[string]a11y.ContentLoss{"reflow": r.ContentLoss, "zoom": z.ContentLoss, "spacing": s.ContentLoss} {
		assert.Empty(t, loss.Clipped, name)
		assert.Empty(t, loss.Overlaps, name)
	}
}
