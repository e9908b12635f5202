package checker_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/examples"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// errorRules are the rules that judge explored error states.
var errorRules = []*a11y.Rule{rules.ErrorIdentified, rules.ErrorSuggestion, rules.ErrorAssociated, rules.ErrorAnnounced}

// outcomes returns, for each rule of a page's findings, its findings' "outcome key" pairs.
func outcomes(p *checker.PageResult) map[string][]string {
	out := map[string][]string{}
	for _, f := range p.Result.Findings {
		key := strings.TrimPrefix(string(f.Key), f.Rule+".")
		out[f.Rule] = append(out[f.Rule], f.Outcome.String()+" "+key)
	}
	return out
}

func hasOutcome(list []string, want string) bool {
	for _, s := range list {
		if s == want {
			return true
		}
	}
	return false
}

// exploreExample walks the personal-details step of a variant of the
// example e-service with error exploration and returns the flow's result.
func exploreExample(t *testing.T, srv *httptest.Server, v examples.Variant, in checker.Interactions, extra ...*a11y.Rule) *checker.FlowResult {
	t.Helper()
	flow := &checker.Flow{
		Name:  "Personuppgifter",
		Start: srv.URL + v.Root(),
		Steps: []checker.Step{checker.Goto(v.Path(examples.Steps()[1])).Named("Personuppgifter")},
	}
	opts := checker.Options{
		Rules: append(append([]*a11y.Rule{}, errorRules...), extra...), Locale: "sv",
		Wait: ixWait, NoScreenshots: true, ExploreErrors: true, Interactions: in,
	}
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	res, err := checker.Run(ctx, browser(t), flow, opts)
	require.NoError(t, err)
	return res
}

// stepsNamed returns the flow's steps by name.
func stepsNamed(res *checker.FlowResult) map[string]*checker.StepResult {
	out := map[string]*checker.StepResult{}
	for _, s := range res.Steps {
		out[s.Name] = s
	}
	return out
}

func TestExploreAccessibleExample(t *testing.T) {
	srv := httptest.NewServer(examples.Handler())
	defer srv.Close()
	res := exploreExample(t, srv, examples.Accessible, checker.Interactions{})
	steps := stepsNamed(res)
	require.Len(t, res.Steps, 3, "the step and its two error states: %v", steps)
	empty, invalid := steps["Personuppgifter (fel: tomt formulär)"], steps["Personuppgifter (fel: värden i fel format)"]
	require.NotNil(t, empty)
	require.NotNil(t, invalid)
	assert.Equal(t, res.Steps[0].Index, empty.Index)

	es := empty.Page.Doc.ErrorState()
	require.NotNil(t, es)
	assert.Equal(t, a11y.ReactionReloaded, es.Reaction)
	assert.Equal(t, "button", es.Submitted)
	require.NotNil(t, es.Summary)
	require.NotNil(t, es.Focus)
	assert.True(t, es.Summary.Contains(es.Focus), "the error summary takes focus")
	assert.True(t, es.TitleChanged)
	shown := 0
	for _, f := range es.Fields {
		if f.ShowsError() {
			shown++
			assert.True(t, f.Invalid, f.Node.Get("name"))
			assert.NotEmpty(t, f.Tied, f.Node.Get("name"))
			assert.True(t, f.InSummary, f.Node.Get("name"))
		}
	}
	assert.GreaterOrEqual(t, shown, 6, "every required field of the step shows its error")

	for _, st := range []*checker.StepResult{empty, invalid} {
		got := outcomes(st.Page)
		for _, r := range errorRules {
			for _, o := range got[r.ID] {
				assert.False(t, strings.HasPrefix(o, "failed"), "%s: %s %s", st.Name, r.ID, o)
			}
		}
		assert.Contains(t, got[rules.ErrorAnnounced.ID], "passed focus-summary", st.Name)
		assert.Contains(t, got[rules.ErrorIdentified.ID], "passed in-text", st.Name)
		assert.Contains(t, got[rules.ErrorAssociated.ID], "passed tied", st.Name)
		assert.True(t, hasOutcome(got[rules.ErrorSuggestion.ID], "passed says-how"), "%s: %v", st.Name, got[rules.ErrorSuggestion.ID])
	}
	// the invalid pass typed into the e-mail field and its error is about the format
	var epost *a11y.ErrorField
	for _, f := range invalid.Page.Doc.ErrorState().Fields {
		if f.Node.Get("name") == "epost" {
			epost = f
		}
	}
	require.NotNil(t, epost)
	assert.True(t, epost.Typed)
	assert.Equal(t, "x@", epost.Value)
	assert.True(t, epost.ShowsError())
}

func TestExploreInaccessibleExample(t *testing.T) {
	srv := httptest.NewServer(examples.Handler())
	defer srv.Close()
	res := exploreExample(t, srv, examples.Inaccessible, checker.Interactions{Keyboard: true}, rules.KeyboardUnreachable)
	steps := stepsNamed(res)
	require.Len(t, res.Steps, 2, "the step and its empty error state (no field has a type or pattern): %v", steps)
	empty := steps["Personuppgifter (fel: tomt formulär)"]
	require.NotNil(t, empty)
	es := empty.Page.Doc.ErrorState()
	require.NotNil(t, es)
	assert.Equal(t, "click", es.Submitted, "the only way to send the form is the Nästa div")
	assert.Equal(t, a11y.ReactionReloaded, es.Reaction)
	assert.Nil(t, es.Summary)
	assert.False(t, es.TitleChanged)
	restyled := 0
	for _, f := range es.Fields {
		if f.ShowsError() {
			assert.False(t, f.Invalid)
			assert.Empty(t, f.Tied)
			assert.NotEmpty(t, f.Messages, f.Node.Get("name"))
			if f.Restyled {
				restyled++
			}
		}
	}
	assert.GreaterOrEqual(t, restyled, 6, "the red border")

	got := outcomes(empty.Page)
	assert.Contains(t, got[rules.ErrorAnnounced.ID], "failed silent")
	assert.Contains(t, got[rules.ErrorAssociated.ID], "failed not-tied")
	assert.Contains(t, got[rules.ErrorSuggestion.ID], "failed vague")
	assert.NotContains(t, got[rules.ErrorSuggestion.ID], "passed says-how")
	assert.Contains(t, got[rules.ErrorIdentified.ID], "passed in-text", "\"Ogiltigt värde\" stands next to each field")

	// the step's own page: its "Nästa" is a div with onclick
	step := steps["Personuppgifter"]
	require.NotNil(t, step)
	unreachable := 0
	for _, f := range step.Page.Result.Findings {
		if f.Rule == rules.KeyboardUnreachable.ID && f.Outcome == a11y.Failed {
			unreachable++
			assert.Contains(t, f.Selector, "btnNext")
		}
	}
	assert.Equal(t, 1, unreachable)
}
