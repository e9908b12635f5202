package checkertest_test

import (
	"os"
	"strings"
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/a11ytest"
	"github.com/delaktig/delaktig/checker/checkertest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMain(m *testing.M) { os.Exit(checkertest.Main(m)) }

// boxRule needs layout: every element of class "target" fails when its box
// is narrower than 24 CSS pixels, or when it has none although rendered.
var boxRule = &a11y.Rule{
	ID: "test-box", Scope: a11y.ScopeElement, Needs: a11y.NeedsLayout | a11y.NeedsStyle,
	Messages: []a11y.Msg{"test-box.small", "test-box.no-box", "test-box.ok"},
	Run: func(p *a11y.Pass) error {
		for e := range p.Elements() {
			if !strings.Contains(" "+e.Get("class")+" ", " target ") || p.Hidden(e) {
				continue
			}
			switch {
			case e.Box == nil:
				p.Fail(e, "test-box.no-box")
			case e.Box.Width < 24:
				p.Fail(e, "test-box.small")
			default:
				p.Pass(e, "test-box.ok")
			}
		}
		return nil
	},
}

func TestRegistered(t *testing.T) {
	require.NotNil(t, a11ytest.RunBrowserFunc)
}

func TestRunBrowser(t *testing.T) {
	a11ytest.RunBrowser(t, "testdata", boxRule)
}

func TestProblems(t *testing.T) {
	b := checkertest.Browser(t)
	srv := fileServer(t, "testdata-bad")
	doc, err := checkertest.Load(t.Context(), b, srv+"/test-box/wrong.html")
	require.NoError(t, err)
	problems, err := checkertest.Problems(t.Context(), doc, false, boxRule)
	require.NoError(t, err)
	require.Len(t, problems, 3, "%q", problems)
	joined := strings.Join(problems, "\n")
	assert.Contains(t, joined, `want "passed"`)
	assert.Contains(t, joined, "unexpected failed (test-box.small)")
	assert.Contains(t, joined, "unexpected passed (test-box.ok)")

	// the static harness cannot run this rule: it needs layout
	static, err := a11y.FromHTMLString(`<button class="target">x</button>`, "x")
	require.NoError(t, err)
	res, err := a11y.Check(t.Context(), static, a11y.WithRules(boxRule))
	require.NoError(t, err)
	require.Len(t, res.Findings, 1)
	assert.Equal(t, a11y.CantTell, res.Findings[0].Outcome)
}
