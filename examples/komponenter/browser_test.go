package komponenter

import (
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/checker/checkertest"
	"github.com/delaktig/delaktig/guidance"
)

func TestMain(m *testing.M) { os.Exit(checkertest.Main(m)) }

// checkerFlow turns the decoded flow file into the checker's steps, with
// start as the address to resolve against.
func checkerFlow(t *testing.T, f *flowFile, start string) *checker.Flow {
	t.Helper()
	flow := &checker.Flow{Name: f.Name, Start: start, Lang: f.Lang}
	if f.Viewport != nil {
		flow.Viewport = &checker.Viewport{Width: f.Viewport["width"], Height: f.Viewport["height"]}
	}
	for _, s := range f.Steps {
		var a *checker.Action
		switch s.Action {
		case "goto":
			a = checker.Goto(s.Arg.Value)
		case "click":
			a = checker.Click(s.Arg.Value)
		case "check":
			a = checker.Check(s.Arg.Value)
		case "wait_for":
			a = checker.WaitFor(s.Arg.Value)
		case "fill", "select":
			var fields []checker.Field
			for _, p := range s.pairs(t) {
				fields = append(fields, checker.Field{Selector: p[0], Value: p[1]})
			}
			if s.Action == "fill" {
				a = checker.FillFields(fields...)
			} else {
				a = checker.SelectFields(fields...)
			}
		case "expect":
			var e checker.Expect
			for _, p := range s.pairs(t) {
				switch p[0] {
				case "url_contains":
					e.URLContains = p[1]
				case "text":
					e.Text = p[1]
				}
			}
			a = e.Named(s.Name)
		default:
			t.Fatalf("no checker step for %s", s.Action)
		}
		if s.Name != "" {
			a = a.Named(s.Name)
		}
		flow.Steps = append(flow.Steps, a)
	}
	return flow
}

// TestFlowInBrowser runs the flow file in Chrome with the checker's full
// audit (keyboard walk, reflow, zoom, text spacing, and forms submitted
// wrongly to explore their errors; with -short, snapshots only): every
// step completes, and no audited state and no flow rule has a failed
// finding.
func TestFlowInBrowser(t *testing.T) {
	b := checkertest.Browser(t)
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	flow := checkerFlow(t, loadFlow(t), srv.URL+"/")
	opts := checker.DefaultOptions() // every interaction check, and error exploration
	if testing.Short() {
		opts = checker.Options{}
	}
	opts.Rules = append(append(rules.All(), guidance.Rules()...), guidance.FlowRules()...)
	opts.Locale = "sv"
	opts.Wait = checker.Wait{Load: 15 * time.Second, Quiet: 150 * time.Millisecond, Max: 3 * time.Second}
	opts.NoScreenshots = true
	res, err := checker.Run(t.Context(), b, flow, opts)
	require.NoError(t, err)
	require.True(t, res.Completed)
	require.NotNil(t, res.Flow, "the flow rules ran")
	pages := res.Pages()
	require.GreaterOrEqual(t, len(pages), 7, "every page-changing step was audited")
	var titles []string
	for _, p := range pages {
		titles = append(titles, p.Title)
		assert.Equal(t, a11y.ModeBrowser, p.Doc.Mode)
		for _, f := range p.Result.Findings {
			if f.Outcome == a11y.Failed {
				t.Errorf("%s: %s %s at %s: %s", p.URL, f.Rule, f.Key, f.Selector, f.Message)
			}
		}
	}
	assert.Contains(t, titles, "Fel: Om barnet – Ansök om plats i förskola – Norrsunda kommun")
	assert.Contains(t, titles, "Vi har fått din ansökan – Ansök om plats i förskola – Norrsunda kommun")
	outcomes := map[string]int{}
	if res.Flow != nil {
		for _, f := range res.Flow.Findings {
			assert.NotEqual(t, a11y.Failed, f.Outcome, "flow rule %s %s", f.Rule, f.Key)
			outcomes[f.Outcome.String()+" "+string(f.Key)]++
		}
	}
	asked := map[string]int{}
	for _, p := range pages {
		for _, f := range p.Result.Findings {
			if f.Outcome == a11y.CantTell {
				asked[string(f.Key)]++
			}
		}
	}
	t.Logf("%d states audited in Chrome; cantTell by key: %v; flow rules: %v", len(pages), asked, outcomes)
}
