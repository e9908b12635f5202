package rules

import (
	"github.com/delaktig/delaktig/a11y"
)

// Reflow: content can be read in a window 320 CSS pixels wide (a 1280 pixel
// window zoomed to 400 %) without scrolling sideways, and without text cut
// off or painted over other text. WCAG 1.4.10 Reflow.
//
// The rule reads the rendering a browser source made at that width
// (a11y.ReflowResult). When the page scrolls sideways, each element that
// sticks out beyond the right edge fails, unless it is content WCAG lets
// need two dimensions (a data table, code, an image, a map, a video…), sits
// in a box that scrolls on its own, or lies wholly off screen: those are
// cantTell, as a person must judge whether the exception holds. Text that
// the narrow layout cuts off or paints over other text fails; text cut off
// with an ellipsis is cantTell. A page that fits passes.
var Reflow = &a11y.Rule{
	ID:       "reflow",
	WCAG:     []string{"1.4.10"},
	EN301549: []string{"9.1.4.10"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsInteraction,
	Messages: []a11y.Msg{reflowFits, reflowOverflows, reflowScrolls, reflowTwoDimensional, reflowScrollContainer, reflowOffscreen,
		reflowClipped, reflowShortened, reflowOverlap, reflowNotMeasured},
	Tags:  []string{"zoom", "layout"},
	Since: "0.1.0",
	Run:   runReflow,
}

const (
	reflowFits            a11y.Msg = "reflow.fits"
	reflowOverflows       a11y.Msg = "reflow.overflows"
	reflowScrolls         a11y.Msg = "reflow.scrolls"
	reflowTwoDimensional  a11y.Msg = "reflow.two-dimensional"
	reflowScrollContainer a11y.Msg = "reflow.scroll-container"
	reflowOffscreen       a11y.Msg = "reflow.offscreen"
	reflowClipped         a11y.Msg = "reflow.clipped"
	reflowShortened       a11y.Msg = "reflow.shortened"
	reflowOverlap         a11y.Msg = "reflow.overlap"
	reflowNotMeasured     a11y.Msg = "reflow.not-measured"
)

// Questions of reflow.
const (
	questionReflowException = "reflow.needs-two-dimensions"
	questionTextShortened   = "reflow.shortened"
)

func runReflow(p *a11y.Pass) error {
	r := p.Doc.Reflow()
	if r == nil {
		p.CantTell(nil, reflowNotMeasured, a11y.Ask(questionReflowException))
		return nil
	}
	lost := false
	if r.Scrolls() {
		lost = true
		width := a11y.Data{"width": pixelText(r.ScrollWidth)}
		if len(r.Overflow) == 0 {
			p.Fail(nil, reflowScrolls, width)
		}
		for i, o := range r.Overflow {
			if i >= maxLossFindings || o == nil || o.Node == nil {
				break
			}
			d := a11y.Data{"px": pixelText(o.Right), "width": pixelText(r.ScrollWidth)}
			var within a11y.Arg = a11y.Data{}
			if o.Within != nil && o.Within != o.Node {
				within = a11y.Related{o.Within}
			}
			switch o.Exception {
			case a11y.ExceptTwoDimensional:
				p.CantTell(o.Node, reflowTwoDimensional, d, within, a11y.Ask(questionReflowException))
			case a11y.ExceptScrollContainer:
				p.CantTell(o.Node, reflowScrollContainer, d, within, a11y.Ask(questionReflowException))
			case a11y.ExceptOffscreen:
				p.CantTell(o.Node, reflowOffscreen, d, a11y.Ask(questionReflowException))
			default:
				p.Fail(o.Node, reflowOverflows, d)
			}
		}
	}
	if reportLoss(p, &r.ContentLoss, lossMsgs{reflowClipped, reflowShortened, reflowOverlap, questionTextShortened}) {
		lost = true
	}
	if !lost {
		p.Pass(nil, reflowFits, a11y.Data{"width": pixelText(r.Width)})
	}
	return nil
}
