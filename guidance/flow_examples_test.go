package guidance_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/examples"
	"github.com/delaktig/delaktig/guidance"
)

// exampleAnswers returns valid answers for the form steps of the example
// e-service (by step index), as a person would give them.
func exampleAnswers(v examples.Variant) map[int]url.Values {
	pnr := "19121212-1212"
	if v == examples.Inaccessible {
		pnr = "191212121212" // the inaccessible variant takes digits only
	}
	about := url.Values{
		"roll": {"forare"}, "tidigare": {"nej"}, "hjalpmedel": {"rullator"},
		"beskrivning": {"Jag har artros i båda knäna och kan gå högst 100 meter."},
		"kommun":      {"Norrsunda"}, "intygsdatum": {"2025-10-20"},
	}
	if v == examples.Inaccessible {
		about.Set("sokandepnr", pnr)
	}
	return map[int]url.Values{
		1: {
			"fornamn": {"Anna"}, "efternamn": {"Andersson"}, "personnummer": {pnr},
			"adress": {"Storgatan 12"}, "postnummer": {"123 45"}, "ort": {"Norrsunda"},
			"epost": {"anna.andersson@exempel.se"}, "telefon": {"070-123 45 67"},
		},
		2: about,
		3: {"intyg": {"ja"}},
	}
}

// walkExample walks a variant of the example e-service from start page to
// receipt in one session, as a person would, and returns every step's page
// as the checker gives it to the flow rules: the document, and the facts
// and findings of the page rules.
func walkExample(t testing.TB, srv *httptest.Server, v examples.Variant) []*a11y.FlowPage {
	t.Helper()
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	client := &http.Client{Jar: jar}
	answers := exampleAnswers(v)
	steps := examples.Steps()
	var pages []*a11y.FlowPage
	for i, path := range examples.StepPaths(v) {
		resp, err := client.Get(srv.URL + path)
		require.NoError(t, err)
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, resp.StatusCode, path)
		require.Equal(t, path, resp.Request.URL.Path, "%s: the steps before it are done", path)
		doc, err := a11y.FromHTML(strings.NewReader(string(body)), resp.Request.URL.String())
		require.NoError(t, err)
		res, err := a11y.Check(context.Background(), doc, a11y.WithRules(guidance.Rules()...))
		require.NoError(t, err)
		pages = append(pages, &a11y.FlowPage{
			Step: steps[i].Name, URL: resp.Request.URL.String(), Doc: doc,
			Facts: res.Facts, Findings: res.Findings,
		})
		if vals, ok := answers[i]; ok {
			resp, err := client.PostForm(srv.URL+path, vals)
			require.NoError(t, err)
			resp.Body.Close()
			require.Equal(t, http.StatusOK, resp.StatusCode)
			require.Equal(t, examples.StepPaths(v)[i+1], resp.Request.URL.Path, "valid answers on %s lead on", path)
		}
	}
	return pages
}

// findingsOf returns the findings of one rule.
func findingsOf(fs []a11y.Finding, rule string) []a11y.Finding {
	var out []a11y.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// outcomesOf counts the outcomes of one rule.
func outcomesOf(fs []a11y.Finding, rule string) map[a11y.Outcome]int {
	out := map[a11y.Outcome]int{}
	for _, f := range findingsOf(fs, rule) {
		out[f.Outcome]++
	}
	return out
}

// TestFlowRulesOnExampleService runs the flow rules over both variants of
// the example e-service, walked through from start page to receipt.
func TestFlowRulesOnExampleService(t *testing.T) {
	srv := httptest.NewServer(examples.Handler())
	t.Cleanup(srv.Close)
	results := map[examples.Variant]*a11y.Result{}
	for _, v := range examples.Variants() {
		pages := walkExample(t, srv, v)
		require.Len(t, pages, len(examples.Steps()))
		meta := map[string]any{guidance.MetaCompleted: true, guidance.MetaSteps: len(pages), guidance.MetaDone: len(pages)}
		res, err := a11y.CheckFlow(context.Background(), pages, meta, a11y.WithRules(guidance.FlowRules()...), a11y.WithLocale("sv"))
		require.NoError(t, err)
		require.NoError(t, res.Err())
		checkTexts(t, res.Findings)
		results[v] = res
		for _, f := range res.Findings {
			t.Logf("%s: %s %s step=%q %s", v, f.Outcome, f.Key, f.Step, f.Data)
		}
	}
	good, bad := results[examples.Accessible].Findings, results[examples.Inaccessible].Findings

	t.Run("redundant-entry", func(t *testing.T) {
		// The inaccessible variant asks for the personal identity number
		// again on "Om ansökan", empty.
		fails := findingsOf(bad, guidance.FlowRedundantEntry.ID)
		require.Len(t, fails, 1, "%v", fails)
		f := fails[0]
		assert.Equal(t, a11y.Failed, f.Outcome)
		assert.Equal(t, a11y.Msg("flow-redundant-entry.asked-again"), f.Key)
		assert.Equal(t, "Om ansökan", f.Step)
		assert.Equal(t, "Personuppgifter", f.Data["previous"])
		assert.Contains(t, strings.ToLower(f.Data["field"].(string)), "sökandes personnummer")
		assert.Contains(t, strings.ToLower(f.Data["previous_field"].(string)), "personnummer")
		require.NotNil(t, f.Node)
		assert.Equal(t, "sokandepnr", f.Node.Get("name"))
		assert.NotEmpty(t, f.Selector)
		assert.Contains(t, f.Message, "Om ansökan", "the Swedish message names the step")
		// The accessible variant asks nothing twice.
		assert.Equal(t, map[a11y.Outcome]int{a11y.Passed: 1}, outcomesOf(good, guidance.FlowRedundantEntry.ID))
	})
	t.Run("step-indicator", func(t *testing.T) {
		// Three form steps; the accessible variant shows "Steg n av 4" on
		// each, the inaccessible one "Steg 1 - Personuppgifter" without a total.
		assert.Equal(t, map[a11y.Outcome]int{a11y.Passed: 3}, outcomesOf(good, guidance.FlowStepIndicator.ID))
		assert.Equal(t, map[a11y.Outcome]int{a11y.Failed: 3}, outcomesOf(bad, guidance.FlowStepIndicator.ID))
	})
	t.Run("timing", func(t *testing.T) {
		// The inaccessible variant reloads every page after 20 minutes.
		var refresh *a11y.Finding
		for _, f := range findingsOf(bad, guidance.FlowTiming.ID) {
			if f.Key == "flow-timing.refresh" {
				refresh = &f
			}
		}
		require.NotNil(t, refresh)
		assert.Equal(t, a11y.Failed, refresh.Outcome)
		assert.Equal(t, 1200, refresh.Data["seconds"])
		assert.Equal(t, len(examples.Steps()), refresh.Data["count"])
		assert.Zero(t, outcomesOf(good, guidance.FlowTiming.ID)[a11y.Failed])
	})
	t.Run("help", func(t *testing.T) {
		// The accessible variant has the same help block on every page.
		assert.Equal(t, map[a11y.Outcome]int{a11y.Passed: len(examples.Steps()) - 1}, outcomesOf(good, guidance.FlowConsistentHelp.ID))
		assert.Equal(t, map[a11y.Outcome]int{a11y.Passed: 1}, outcomesOf(good, guidance.FlowContactEveryStep.ID))
		assert.Zero(t, outcomesOf(bad, guidance.FlowConsistentHelp.ID)[a11y.Failed])
	})
	t.Run("complete", func(t *testing.T) {
		for _, fs := range [][]a11y.Finding{good, bad} {
			assert.Equal(t, map[a11y.Outcome]int{a11y.Passed: 1}, outcomesOf(fs, guidance.FlowComplete.ID))
		}
	})
	t.Run("accessible variant fails no flow rule", func(t *testing.T) {
		for _, f := range good {
			assert.NotEqual(t, a11y.Failed, f.Outcome, "%s %s on %q: %s", f.Rule, f.Key, f.Step, f.Message)
		}
	})
}

// TestRedundantEntryLiveValues checks the browser side of arrival values:
// Node.Value and Node.Checked, as a snapshot gives them, decide whether a
// question arrives filled in, not the attributes.
func TestRedundantEntryLiveValues(t *testing.T) {
	first, err := a11y.FromHTMLString(`<html lang="sv"><body><form>
<label>Personnummer <input name="pnr" required></label>
<label>E-post <input type="email" name="epost" required></label></form></body></html>`, "https://e.example/1")
	require.NoError(t, err)
	second, err := a11y.FromHTMLString(`<html lang="sv"><body><form>
<label>Personnummer <input id="pnr" name="pnr2" value="191212121212"></label>
<label>E-postadress <input id="epost" type="email" name="epost2"></label></form></body></html>`, "https://e.example/2")
	require.NoError(t, err)
	typed, empty := "anna@exempel.se", ""
	for n := range second.Elements() {
		switch n.ID() {
		case "pnr":
			n.Value = &empty // the script cleared the field the server filled in
		case "epost":
			n.Value = &typed // the script filled it in from the session
		}
	}
	pages := []*a11y.FlowPage{{Step: "Steg 1", Doc: first}, {Step: "Steg 2", Doc: second}}
	res, err := a11y.CheckFlow(context.Background(), pages, nil, a11y.WithRules(guidance.FlowRedundantEntry))
	require.NoError(t, err)
	got := map[string]a11y.Msg{}
	for _, f := range res.Findings {
		require.NotNil(t, f.Node)
		got[f.Node.ID()] = f.Key
	}
	assert.Equal(t, map[string]a11y.Msg{"pnr": "flow-redundant-entry.asked-again", "epost": "flow-redundant-entry.prefilled"}, got)
}

// dialog has the JSON shape of the checker's dialogs.
type dialog struct {
	Type    string `json:"type"`
	Message string `json:"message"`
	URL     string `json:"url"`
}

// TestFlowTimingDialogs checks that dialogs the checker met, given as its
// own struct type, count as a warning with a way to get more time.
func TestFlowTimingDialogs(t *testing.T) {
	doc, err := a11y.FromHTMLString(`<html lang="en"><body><p>Your session will expire after 20 minutes of inactivity.</p></body></html>`, "https://e.example/")
	require.NoError(t, err)
	pages := []*a11y.FlowPage{{Step: "Start", Doc: doc}}
	for _, tc := range []struct {
		meta map[string]any
		want a11y.Outcome
	}{
		{nil, a11y.CantTell},
		{map[string]any{guidance.MetaDialogs: []dialog{{Type: "alert", Message: "Saved"}}}, a11y.CantTell},
		{map[string]any{guidance.MetaDialogs: []dialog{{Type: "confirm", Message: "Your session expires in 2 minutes. Extend it?"}}}, a11y.Passed},
		{map[string]any{guidance.MetaDialogs: "not a list"}, a11y.CantTell},
	} {
		res, err := a11y.CheckFlow(context.Background(), pages, tc.meta, a11y.WithRules(guidance.FlowTiming))
		require.NoError(t, err)
		require.Len(t, res.Findings, 1)
		assert.Equal(t, tc.want, res.Findings[0].Outcome, "%v", tc.meta)
	}
}

// TestFlowRulesOverFixturePages runs every flow rule over the page
// fixtures of the guidance rules, taken as the steps of one long flow, in
// file order and reversed: varied and hostile pages never make a rule fail
// or panic, and every finding has a text in every language.
func TestFlowRulesOverFixturePages(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*", "*.html"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var pages []*a11y.FlowPage
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		doc, err := a11y.FromHTMLString(string(b), "https://e.example/"+filepath.ToSlash(f))
		require.NoError(t, err)
		res, err := a11y.Check(context.Background(), doc, a11y.WithRules(guidance.InclusionContact))
		require.NoError(t, err)
		pages = append(pages, &a11y.FlowPage{Step: filepath.Base(f), URL: doc.URL, Doc: doc, Facts: res.Facts})
	}
	reversed := slices.Clone(pages)
	slices.Reverse(reversed)
	for _, ps := range [][]*a11y.FlowPage{pages, reversed} {
		res, err := a11y.CheckFlow(context.Background(), ps, map[string]any{guidance.MetaCompleted: false, guidance.MetaError: "<script>x</script>"},
			a11y.WithRules(guidance.FlowRules()...))
		require.NoError(t, err)
		require.NoError(t, res.Err())
		assert.NotEmpty(t, res.Findings)
		checkTexts(t, res.Findings)
	}
}

// BenchmarkFlowRulesExample measures the flow rules over the five pages of
// each variant of the example e-service (facts exported by the page
// rules, as in a checker run).
func BenchmarkFlowRulesExample(b *testing.B) {
	srv := httptest.NewServer(examples.Handler())
	defer srv.Close()
	for _, v := range examples.Variants() {
		pages := walkExample(b, srv, v)
		if len(pages) == 0 {
			b.Fatal("no pages")
		}
		b.Run(string(v), func(b *testing.B) {
			for b.Loop() {
				if _, err := a11y.CheckFlow(context.Background(), pages, nil, a11y.WithRules(guidance.FlowRules()...)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
