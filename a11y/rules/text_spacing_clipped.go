package rules

import (
	"github.com/delaktig/delaktig/a11y"
)

// TextSpacingClipped: when people widen the spacing of text (line height
// 1.5, paragraph spacing 2, letter spacing 0.12 and word spacing 0.16 times
// the font size, as WCAG 1.4.12 Text Spacing lists), no text is cut off or
// painted over other text.
//
// The rule reads the rendering a browser source made with that spacing
// forced on every element (a11y.TextSpacingResult). Text cut off by a box
// that hides its overflow, or painted over other text, that could be read
// before, fails; text cut off with an ellipsis is cantTell. A page with no
// such loss passes. (The text-spacing-line, -letter and -word rules catch
// inline styles that stop the spacing from being changed at all.)
var TextSpacingClipped = &a11y.Rule{
	ID:       "text-spacing-clipped",
	WCAG:     []string{"1.4.12"},
	EN301549: []string{"9.1.4.12"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsInteraction,
	Messages: []a11y.Msg{spacingReadable, spacingClipped, spacingShortened, spacingOverlap, spacingNotMeasured},
	Tags:     []string{"text-spacing", "layout"},
	Since:    "0.1.0",
	Run:      runTextSpacingClipped,
}

const (
	spacingReadable    a11y.Msg = "text-spacing-clipped.readable"
	spacingClipped     a11y.Msg = "text-spacing-clipped.clipped"
	spacingShortened   a11y.Msg = "text-spacing-clipped.shortened"
	spacingOverlap     a11y.Msg = "text-spacing-clipped.overlap"
	spacingNotMeasured a11y.Msg = "text-spacing-clipped.not-measured"
)

// questionSpacingShortened asks whether shortened text can still be read in full.
const questionSpacingShortened = "text-spacing-clipped.shortened"

func runTextSpacingClipped(p *a11y.Pass) error {
	r := p.Doc.TextSpacing()
	if r == nil {
		p.CantTell(nil, spacingNotMeasured, a11y.Ask(questionSpacingShortened))
		return nil
	}
	if !reportLoss(p, &r.ContentLoss, lossMsgs{spacingClipped, spacingShortened, spacingOverlap, questionSpacingShortened}) {
		p.Pass(nil, spacingReadable)
	}
	return nil
}
