package rules_test

import (
	"testing"

	"github.com/delaktig/delaktig/a11y/a11ytest"
	"github.com/delaktig/delaktig/a11y/rules"
	_ "github.com/delaktig/delaktig/checker/checkertest"
)

// TestRenderedBrowser runs the rendered family's fixtures (static and
// _browser) in Chrome through the checker's snapshot. The focus rules
// (focus-visible, focus-not-obscured) join once the checker's keyboard walk
// stores an a11y.FocusWalk under a11y.FocusKey; until then their fixtures
// would only meet engine.needs-interaction.
func TestRenderedBrowser(t *testing.T) {
	a11ytest.RunBrowser(t, a11ytest.TestData(), rules.ColorContrast, rules.ColorContrastEnhanced,
		rules.LinkInTextBlock, rules.NonTextContrast, rules.TargetSize, rules.ScrollableRegionFocusable,
		rules.LabelInName)
}
