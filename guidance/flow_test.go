package guidance_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/a11ytest"
	"github.com/delaktig/delaktig/a11y/locale"
	"github.com/delaktig/delaktig/guidance"
)

// Flow fixtures live in testdata/flow/<rule-id>.txtar, in a txtar-like
// format: lines "-- name --" start a file, text before the first is a
// comment. A file "flow.yaml" starts a flow; the files after it, up to the
// next flow.yaml, are its audited pages in order, each named after its step
// ("Personuppgifter.html"). Pages are annotated as a11ytest fixtures are
// (data-want="<outcome>[ <key-suffix regexp>]", page-level on <html>), and
// data-want-data="key=value; key=value" requires that one finding on the
// element carries those data values. flow.yaml holds:
//
//	name: what the flow shows
//	meta: {flow.completed: false, …}   # a11y.FlowPass.Meta
//	facts: computed                      # leave FlowPage.Facts empty
//	urls: {Personuppgifter: https://…}   # page addresses (default https://e.example/flow/<n>)
//	want: ["failed stopped"]             # findings on no page
//	want_data: {step: Kvittens}          # data one of those carries
//	inapplicable: true                   # no finding at all

// flowHeader is a flow's flow.yaml.
type flowHeader struct {
	Name         string            `yaml:"name"`
	Meta         map[string]any    `yaml:"meta"`
	Facts        string            `yaml:"facts"`
	URLs         map[string]string `yaml:"urls"`
	Want         []string          `yaml:"want"`
	WantData     map[string]string `yaml:"want_data"`
	Inapplicable bool              `yaml:"inapplicable"`
}

// flowFile is one file of a fixture.
type flowFile struct {
	name string
	body string
	line int
}

// flowCase is one flow of a fixture.
type flowCase struct {
	header flowHeader
	line   int
	pages  []flowFile
}

var txtarHeader = regexp.MustCompile(`^-- (.+?) --\s*$`)

// splitTxtar splits a txtar-like archive into its files.
func splitTxtar(src string) []flowFile {
	var files []flowFile
	for i, line := range strings.SplitAfter(src, "\n") {
		if m := txtarHeader.FindStringSubmatch(strings.TrimRight(line, "\r\n")); m != nil {
			files = append(files, flowFile{name: strings.TrimSpace(m[1]), line: i + 1})
			continue
		}
		if len(files) > 0 {
			files[len(files)-1].body += line
		}
	}
	return files
}

// parseFlows reads the flows of a fixture archive.
func parseFlows(t *testing.T, src string) []flowCase {
	t.Helper()
	var out []flowCase
	for _, f := range splitTxtar(src) {
		if f.name == "flow.yaml" {
			var h flowHeader
			require.NoError(t, yaml.Unmarshal([]byte(f.body), &h), "flow.yaml at line %d", f.line)
			out = append(out, flowCase{header: h, line: f.line})
			continue
		}
		require.NotEmpty(t, out, "page %s at line %d comes before any flow.yaml", f.name, f.line)
		out[len(out)-1].pages = append(out[len(out)-1].pages, f)
	}
	return out
}

// wantDataAttr is the annotation of expected message data.
const wantDataAttr = "data-want-data"

// parseWantData parses "k=v; k2=v2".
func parseWantData(s string) map[string]string {
	out := map[string]string{}
	for _, part := range strings.Split(s, ";") {
		k, v, ok := strings.Cut(part, "=")
		if ok {
			out[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return out
}

// hasData reports whether one of the findings carries every value of want.
func hasData(fs []a11y.Finding, want map[string]string) bool {
	for _, f := range fs {
		ok := true
		for k, v := range want {
			got, present := f.Data[k]
			if !present || fmt.Sprint(got) != v {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// builtFlow is a fixture flow ready to check.
type builtFlow struct {
	pages    []*a11y.FlowPage
	wants    map[*a11y.Node][]a11ytest.Want
	wantData map[*a11y.Node]map[string]string
}

// buildFlow parses a flow's pages, takes their annotations and runs the
// page rule that exports the facts, as the checker does.
func buildFlow(t *testing.T, c flowCase) builtFlow {
	t.Helper()
	b := builtFlow{wants: map[*a11y.Node][]a11ytest.Want{}, wantData: map[*a11y.Node]map[string]string{}}
	for k, f := range c.pages {
		step := strings.TrimSuffix(f.name, ".html")
		u := c.header.URLs[step]
		if u == "" {
			u = fmt.Sprintf("https://e.example/flow/%d", k+1)
		}
		doc, err := a11y.FromHTMLString(f.body, u)
		require.NoError(t, err, "page %s", f.name)
		for n := range doc.Elements() {
			if v, ok := n.AttrValue(wantDataAttr); ok {
				b.wantData[n] = parseWantData(v)
				n.Attr = slices.DeleteFunc(n.Attr, func(a html.Attribute) bool { return a.Key == wantDataAttr })
			}
		}
		wants, err := a11ytest.Annotations(doc)
		require.NoError(t, err, "page %s", f.name)
		for n, w := range wants {
			b.wants[n] = w
		}
		page := &a11y.FlowPage{Step: step, URL: u, Doc: doc}
		if c.header.Facts != "computed" {
			res, err := a11y.Check(context.Background(), doc, a11y.WithRules(guidance.InclusionContact))
			require.NoError(t, err)
			page.Facts, page.Findings = res.Facts, res.Findings
		}
		b.pages = append(b.pages, page)
	}
	return b
}

// checkFlowFixture runs rule over every flow of a fixture file.
func checkFlowFixture(t *testing.T, path string, rule *a11y.Rule) {
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	flows := parseFlows(t, string(src))
	require.NotEmpty(t, flows, "%s holds no flow", path)
	outcomes := map[a11y.Outcome]int{}
	for _, c := range flows {
		t.Run(fmt.Sprintf("line%d_%s", c.line, strings.ReplaceAll(c.header.Name, " ", "_")), func(t *testing.T) {
			b := buildFlow(t, c)
			res, err := a11y.CheckFlow(context.Background(), b.pages, c.header.Meta, a11y.WithRules(rule), a11y.WithAllTargets())
			require.NoError(t, err)
			require.NoError(t, res.Err())
			for _, f := range res.Findings {
				outcomes[f.Outcome]++
			}
			if c.header.Inapplicable {
				for _, f := range res.Findings {
					t.Errorf("inapplicable flow got %s %s on %s (step %q)", f.Outcome, f.Key, f.Selector, f.Step)
				}
				return
			}
			var onPages, onFlow []a11y.Finding
			byNode := map[*a11y.Node][]a11y.Finding{}
			for _, f := range res.Findings {
				if f.Node == nil {
					onFlow = append(onFlow, f)
					continue
				}
				onPages = append(onPages, f)
				byNode[f.Node] = append(byNode[f.Node], f)
			}
			for _, p := range a11ytest.Diff(b.wants, onPages) {
				t.Error(p)
			}
			for n, want := range b.wantData {
				assert.True(t, hasData(byNode[n], want), "%s: no finding with data %v; got %v", a11y.Selector(n), want, dataOf(byNode[n]))
			}
			checkFlowLevel(t, c.header, onFlow)
			checkTexts(t, res.Findings)
		})
	}
	// Every rule has passing and failing (or undecided) fixtures.
	assert.Positive(t, outcomes[a11y.Passed], "%s: no passed outcome in any flow", rule.ID)
	assert.Positive(t, outcomes[a11y.Failed]+outcomes[a11y.CantTell], "%s: no failed or cantTell outcome in any flow", rule.ID)
}

func dataOf(fs []a11y.Finding) []a11y.Data {
	var out []a11y.Data
	for _, f := range fs {
		out = append(out, f.Data)
	}
	return out
}

// checkFlowLevel compares the findings on no page with flow.yaml's want.
func checkFlowLevel(t *testing.T, h flowHeader, got []a11y.Finding) {
	t.Helper()
	var wants []a11ytest.Want
	for _, w := range h.Want {
		ws, err := a11ytest.ParseWant(w)
		require.NoError(t, err)
		wants = append(wants, ws...)
	}
	used := make([]bool, len(wants))
	for _, f := range got {
		_, suffix, _ := strings.Cut(string(f.Key), ".")
		matched := false
		for i, w := range wants {
			if !used[i] && w.Outcome == f.Outcome && (w.Key == nil || w.Key.MatchString(suffix)) {
				used[i], matched = true, true
				break
			}
		}
		if !matched {
			t.Errorf("unexpected flow-level %s (%s) %v", f.Outcome, f.Key, f.Data)
		}
	}
	for i, w := range wants {
		if !used[i] {
			t.Errorf("want flow-level %s %v: not reported", w.Outcome, w.Key)
		}
	}
	if len(h.WantData) > 0 {
		assert.True(t, hasData(got, h.WantData), "no flow-level finding with data %v; got %v", h.WantData, dataOf(got))
	}
}

// placeholderLeft matches a placeholder a message did not fill.
var placeholderLeft = regexp.MustCompile(`\{[a-z_]+\}`)

// checkTexts renders every finding in every language: each message exists
// and its data fills every placeholder.
func checkTexts(t *testing.T, fs []a11y.Finding) {
	t.Helper()
	for _, lang := range locale.Langs() {
		cp := slices.Clone(fs)
		a11y.Localize(cp, lang)
		for _, f := range cp {
			assert.NotEqual(t, string(f.Key), f.Message, "%s: %s has no text", lang, f.Key)
			assert.False(t, placeholderLeft.MatchString(f.Message), "%s: %s leaves a placeholder: %s", lang, f.Key, f.Message)
			if f.Question != "" {
				assert.NotEqual(t, f.Question, locale.For(lang).Question(f.Question), "%s: question %s has no text", lang, f.Question)
			}
		}
	}
}

func TestFlowFixtures(t *testing.T) {
	for _, r := range guidance.FlowRules() {
		path := filepath.Join("testdata", "flow", r.ID+".txtar")
		t.Run(r.ID, func(t *testing.T) { checkFlowFixture(t, path, r) })
	}
	// No fixture without its rule.
	files, err := filepath.Glob(filepath.Join("testdata", "flow", "*.txtar"))
	require.NoError(t, err)
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".txtar")
		assert.True(t, slices.ContainsFunc(guidance.FlowRules(), func(r *a11y.Rule) bool { return r.ID == id }), "%s has no rule", f)
	}
}

func TestFlowRulesValidate(t *testing.T) {
	require.NoError(t, a11y.Validate(guidance.FlowRules()))
	// Together with the page rules: ids stay unique.
	require.NoError(t, a11y.Validate(append(guidance.Rules(), guidance.FlowRules()...)))
}

func TestFlowRulesShape(t *testing.T) {
	rules := guidance.FlowRules()
	again := guidance.FlowRules()
	require.Equal(t, len(rules), len(again))
	for i, r := range rules {
		assert.Same(t, r, again[i], "stable order")
		assert.True(t, strings.HasPrefix(r.ID, "flow-"), r.ID)
		assert.Equal(t, a11y.ScopeFlow, r.Scope, r.ID)
		assert.NotNil(t, r.RunFlow, r.ID)
		assert.Nil(t, r.Run, r.ID)
		if len(r.WCAG) == 0 {
			assert.NotEmpty(t, r.Tags, "%s has no success criterion and no tag", r.ID)
		}
	}
	// A page check ignores flow rules.
	doc, err := a11y.FromHTMLString(`<html><body><p>x</p></body></html>`, "https://e.example/")
	require.NoError(t, err)
	res, err := a11y.Check(context.Background(), doc, a11y.WithRules(rules...))
	require.NoError(t, err)
	assert.Empty(t, res.Findings)
}

// TestFlowMetaKeys pins the meta key strings the checker fills.
func TestFlowMetaKeys(t *testing.T) {
	assert.Equal(t, []string{"flow.name", "flow.start", "flow.lang", "flow.steps", "flow.done", "flow.completed",
		"flow.failed_step", "flow.error", "flow.dialogs"},
		[]string{guidance.MetaName, guidance.MetaStart, guidance.MetaLang, guidance.MetaSteps, guidance.MetaDone,
			guidance.MetaCompleted, guidance.MetaFailedStep, guidance.MetaError, guidance.MetaDialogs})
}

// TestFlowRulesEmpty runs every flow rule over no pages, pages without
// documents and empty documents: nothing breaks.
func TestFlowRulesEmpty(t *testing.T) {
	empty, err := a11y.FromHTMLString("", "")
	require.NoError(t, err)
	for _, pages := range [][]*a11y.FlowPage{
		nil,
		{{Step: "A"}, nil, {Step: "B", Doc: &a11y.Document{}}},
		{{Step: "A", Doc: empty}, {Step: "B", Doc: empty}, {Step: "C", Doc: empty}},
	} {
		res, err := a11y.CheckFlow(context.Background(), pages, nil, a11y.WithRules(guidance.FlowRules()...))
		require.NoError(t, err)
		assert.NoError(t, res.Err())
	}
}
