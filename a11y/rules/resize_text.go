package rules

import (
	"github.com/delaktig/delaktig/a11y"
)

// ResizeText: text can be zoomed to 200 % without text being cut off or
// painted over other text. WCAG 1.4.4 Resize Text.
//
// The rule reads the rendering a browser source made at 200 % zoom
// (a11y.TextResizeResult: the page laid out in a viewport half as wide and
// high, which is what browser zoom does; WCAG technique G142). Text that
// the zoomed page cuts off or paints over other text, and that could be
// read before, fails; text cut off with an ellipsis is cantTell. Scrolling
// is allowed at 200 %. A page with no such loss passes. (Whether the page
// stops zooming with its viewport meta element is the meta-viewport rule's
// question.)
var ResizeText = &a11y.Rule{
	ID:       "resize-text",
	WCAG:     []string{"1.4.4"},
	EN301549: []string{"9.1.4.4"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsInteraction,
	Messages: []a11y.Msg{resizeReadable, resizeClipped, resizeShortened, resizeOverlap, resizeNotMeasured},
	Tags:     []string{"zoom", "layout"},
	Since:    "0.1.0",
	Run:      runResizeText,
}

const (
	resizeReadable    a11y.Msg = "resize-text.readable"
	resizeClipped     a11y.Msg = "resize-text.clipped"
	resizeShortened   a11y.Msg = "resize-text.shortened"
	resizeOverlap     a11y.Msg = "resize-text.overlap"
	resizeNotMeasured a11y.Msg = "resize-text.not-measured"
)

// questionResizeShortened asks whether shortened text can still be read in full.
const questionResizeShortened = "resize-text.shortened"

func runResizeText(p *a11y.Pass) error {
	r := p.Doc.TextResize()
	if r == nil {
		p.CantTell(nil, resizeNotMeasured, a11y.Ask(questionResizeShortened))
		return nil
	}
	if !reportLoss(p, &r.ContentLoss, lossMsgs{resizeClipped, resizeShortened, resizeOverlap, questionResizeShortened}) {
		p.Pass(nil, resizeReadable, a11y.Data{"zoom": percentText(r.Zoom)})
	}
	return nil
}
