package rules

import "github.com/delaktig/delaktig/a11y"

// TextSpacingLine: a line-height set with !important in a style attribute is at
// least 1.5 times the font size. People with dyslexia or low vision use
// tools that widen the spacing of text; an important declaration in a style
// attribute beats those tools, so it must already leave enough room.
//
// ACT 78fd32. Targets are HTML elements with seen text-node children whose
// line-height comes from an important declaration of a style attribute (their
// own, or inherited from an ancestor's). Relative values are compared
// directly; absolute ones need the computed font size, and are cantTell when
// style sheets the document does not evaluate may set it. A failure is only
// reported when the element is certainly seen and its text certainly wraps
// onto several lines (the rule is about the space between lines); otherwise
// it is cantTell. Text that certainly stays on one line is inapplicable.
var TextSpacingLine = &a11y.Rule{
	ID:       "text-spacing-line",
	WCAG:     []string{"1.4.12"},
	ACT:      []string{"78fd32"},
	EN301549: []string{"9.1.4.12"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{textSpacingLineWide, textSpacingLineNarrow, textSpacingLineUnknownSize, textSpacingLineNarrowMaybe},
	Tags:     []string{"text-spacing", "css"},
	Since:    "0.1.0",
	Run:      runTextSpacingLine,
}

const (
	textSpacingLineWide        a11y.Msg = "text-spacing-line.wide-enough"
	textSpacingLineNarrow      a11y.Msg = "text-spacing-line.too-narrow"
	textSpacingLineUnknownSize a11y.Msg = "text-spacing-line.unknown-font-size"
	textSpacingLineNarrowMaybe a11y.Msg = "text-spacing-line.too-narrow-maybe"
)

func runTextSpacingLine(p *a11y.Pass) error {
	textSpacing(p, spacingRule{prop: "line-height", min: 1.5},
		textSpacingLineWide, textSpacingLineNarrow, textSpacingLineUnknownSize, textSpacingLineNarrowMaybe)
	return nil
}
