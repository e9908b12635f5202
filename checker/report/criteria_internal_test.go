package report

import (
	"testing"

	"github.com/delaktig/delaktig/a11y/wcag"
	"github.com/stretchr/testify/assert"
)

// TestCriterionTitlesInEveryLanguage: every WCAG 2.2 success criterion has a
// Swedish and a Norwegian title of its own, level AAA included.
func TestCriterionTitlesInEveryLanguage(t *testing.T) {
	for _, c := range wcag.All() {
		if c.Obsolete {
			continue
		}
		for _, lang := range []string{"sv", "nb"} {
			got := scTitle(c.Number, lang)
			assert.NotEmpty(t, got, "%s %s", c.Number, lang)
			assert.NotEqual(t, c.Title, got, "%s (%s) has no %s title", c.Number, c.Title, lang)
		}
	}
	assert.Equal(t, "Kontrast (förbättrad)", scTitle("1.4.6", "sv"))
	assert.Equal(t, "Contrast (Enhanced)", scTitle("1.4.6", "en"))
}
