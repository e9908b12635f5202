package rules

import "github.com/delaktig/delaktig/a11y"

// TextSpacingLetter: a letter-spacing set with !important in a style attribute is at
// least 0.12 times the font size. People with dyslexia or low vision use
// tools that widen the spacing of text; an important declaration in a style
// attribute beats those tools, so it must already leave enough room.
//
// ACT 24afc2. Targets are HTML elements with seen text-node children whose
// letter-spacing comes from an important declaration of a style attribute (their
// own, or inherited from an ancestor's). Relative values are compared
// directly; absolute ones need the computed font size, and are cantTell when
// style sheets the document does not evaluate may set it. A failure is only
// reported when the element is certainly seen; otherwise it is cantTell.
var TextSpacingLetter = &a11y.Rule{
	ID:       "text-spacing-letter",
	WCAG:     []string{"1.4.12"},
	ACT:      []string{"24afc2"},
	EN301549: []string{"9.1.4.12"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{textSpacingLetterWide, textSpacingLetterNarrow, textSpacingLetterUnknownSize, textSpacingLetterNarrowMaybe},
	Tags:     []string{"text-spacing", "css"},
	Since:    "0.1.0",
	Run:      runTextSpacingLetter,
}

const (
	textSpacingLetterWide        a11y.Msg = "text-spacing-letter.wide-enough"
	textSpacingLetterNarrow      a11y.Msg = "text-spacing-letter.too-narrow"
	textSpacingLetterUnknownSize a11y.Msg = "text-spacing-letter.unknown-font-size"
	textSpacingLetterNarrowMaybe a11y.Msg = "text-spacing-letter.too-narrow-maybe"
)

func runTextSpacingLetter(p *a11y.Pass) error {
	textSpacing(p, spacingRule{prop: "letter-spacing", min: 0.12},
		textSpacingLetterWide, textSpacingLetterNarrow, textSpacingLetterUnknownSize, textSpacingLetterNarrowMaybe)
	return nil
}
