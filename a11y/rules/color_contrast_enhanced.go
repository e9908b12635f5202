package rules

import "github.com/delaktig/delaktig/a11y"

// ColorContrastEnhanced: visible text has a contrast ratio of at least 7:1
// with its background, 4.5:1 for large text. ACT 09o5cg, WCAG 1.4.6 (level
// AAA). It works as ColorContrast does, with the enhanced thresholds; as an
// AAA check it is off by default (Experimental).
var ColorContrastEnhanced = &a11y.Rule{
	ID:       "color-contrast-enhanced",
	WCAG:     []string{"1.4.6"},
	ACT:      []string{"09o5cg"},
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsStyle | a11y.NeedsLayout,
	Messages: contrastMessages("color-contrast-enhanced"),
	Tags:     []string{"color", "contrast", "text", "aaa"},
	Since:    "0.1.0",
	Run:      contrastRun("color-contrast-enhanced", true),
}
