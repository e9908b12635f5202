package checkertest_test

import (
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/checker/checkertest"
	"github.com/delaktig/delaktig/checker/flowfile"
	"github.com/delaktig/delaktig/examples"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExampleService walks both variants of the example e-service with
// their flow files and every default rule, as `delaktig demo` does.
func TestExampleService(t *testing.T) {
	b := checkertest.Browser(t)
	srv := httptest.NewServer(examples.Handler())
	defer srv.Close()

	failedRules := map[string]map[string]int{}
	for _, variant := range []string{"tillganglig", "otillganglig"} {
		data := examples.Flows()[variant]
		require.NotEmpty(t, data, variant)
		flow, err := flowfile.Parse(data, variant+".yaml")
		require.NoError(t, err)
		flow.Start = srv.URL + "/" + variant + "/"

		res, err := checker.Run(t.Context(), b, flow, checker.Options{
			Rules: rules.All(), Locale: "sv", StepTimeout: 60 * time.Second,
		})
		require.NoError(t, err, variant)
		require.True(t, res.Completed)

		var names []string
		for _, p := range res.Steps {
			if p.Page != nil {
				names = append(names, p.Name)
				assert.Empty(t, p.Page.Result.Errors, "rule errors on %s", p.Name)
				assert.NotEmpty(t, p.Page.Screenshot)
				assert.True(t, strings.HasPrefix(p.Page.URL, srv.URL+"/"+variant+"/"), p.Page.URL)
			}
		}
		assert.Equal(t, []string{"Startsida", "Personuppgifter", "Om ansökan", "Kontrollera dina svar", "Kvittens"}, names)

		counts := map[string]int{}
		for _, p := range res.Pages() {
			for _, f := range p.Result.Findings {
				if f.Outcome == a11y.Failed {
					counts[f.Rule]++
				}
			}
		}
		failedRules[variant] = counts
		var list []string
		for r, n := range counts {
			list = append(list, r+"×"+itoa(n))
		}
		sort.Strings(list)
		t.Logf("%s: %d rules failed: %s", variant, len(counts), strings.Join(list, " "))
	}
	good, bad := failedRules["tillganglig"], failedRules["otillganglig"]
	assert.Greater(t, len(bad), len(good)+5, "the inaccessible variant fails many more rules")
	for _, r := range []string{"image-alt", "html-has-lang", "form-field-name"} {
		assert.Positive(t, bad[r], "the inaccessible variant fails %s", r)
		assert.Zero(t, good[r], "the accessible variant passes %s", r)
	}
}
