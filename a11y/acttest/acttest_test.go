package acttest_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/acttest"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/internal/testenv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html/atom"
)

var update = flag.Bool("update", false, "rewrite testdata/static.json and docs/act.md from this run")

const regenerate = "go test ./a11y/acttest -run 'TestACT|TestDoc' -update"

// knownFalseFailures lists cases allowed to fail although W3C expects them
// to pass or be inapplicable, each with the reason and an issue link. Keep
// it empty: a false failure is a bug in a rule.
var knownFalseFailures = map[string]string{}

func registry() []*a11y.Rule { return append(rules.All(), rules.Experimental()...) }

// TestACT runs every case of every implemented ACT rule in static mode. It
// fails on a false failure (a failed outcome on a passed or inapplicable
// case), on a case that now gives an outcome further from W3C's than the
// one recorded in testdata/static.json, and on cases not yet recorded.
func TestACT(t *testing.T) {
	dir := testenv.Shared(t, "act")
	suite, err := acttest.LoadSuite(dir)
	require.NoError(t, err)
	results := acttest.Run(context.Background(), registry(), suite.Cases, acttest.Static, acttest.Workers(4))

	for _, r := range results {
		if r.Err != nil {
			t.Errorf("case %s: %v", r.Case.ID, r.Err)
		}
		if r.IsFalseFailure() {
			if reason, ok := knownFalseFailures[r.Case.ID]; ok {
				t.Logf("known false failure %s: %s", r.Case.ID, reason)
				continue
			}
			t.Errorf("false failure: %s (%s, expected %s) failed by %s: %s\n%s",
				r.Case.ID, r.Case.RuleName, r.Case.Expected, strings.Join(r.Rules, ", "), r.Case.File, describe(r.Findings))
		}
	}

	file := filepath.Join("testdata", acttest.StaticRecord)
	if *update {
		require.NoError(t, acttest.NewRecord(results).WriteFile(file))
	}
	rec, err := acttest.ReadRecord(file)
	if errors.Is(err, fs.ErrNotExist) {
		rec = acttest.Record{}
	} else {
		require.NoError(t, err)
	}
	changes, dropped := rec.Compare(results)
	unrecorded := map[string]int{}
	for _, c := range changes {
		switch {
		case c.Regression():
			t.Errorf("regression: %s", c)
		case !c.Recorded:
			unrecorded[c.Case.RuleID]++
		case c.Improvement():
			t.Logf("improved: %s (run %s to record it)", c, regenerate)
		default:
			t.Logf("changed: %s (run %s to record it)", c, regenerate)
		}
	}
	for _, act := range slices.Sorted(maps.Keys(unrecorded)) {
		t.Errorf("ACT rule %s (%s): %d cases have no recorded outcome yet; record them with %s",
			act, strings.Join(ruleIDs(acttest.Implementing(registry(), act)), ", "), unrecorded[act], regenerate)
	}
	for _, id := range dropped {
		t.Errorf("recorded case %s is no longer run: its ACT rule lost its implementation (run %s if that is intended)", id, regenerate)
	}
	if t.Failed() {
		t.Logf("after fixing the rules, record the outcomes with: %s", regenerate)
	}

	counts := map[acttest.Status]int{}
	approved := map[acttest.Status]int{}
	isApproved := map[string]bool{}
	for _, r := range suite.Rules {
		isApproved[r.ID] = r.Approved
	}
	scores := acttest.Scores(results)
	for _, s := range scores {
		counts[s.Status()]++
		if isApproved[s.ACT] {
			approved[s.Status()]++
		}
	}
	fmt.Printf("ACT static: %d ACT rules implemented, %d cases run: %d complete, %d partial, %d inconsistent, %d untested "+
		"(approved rules: %d complete, %d partial, %d inconsistent, %d untested)\n",
		len(scores), len(results), counts[acttest.Complete], counts[acttest.Partial], counts[acttest.Inconsistent], counts[acttest.Untested],
		approved[acttest.Complete], approved[acttest.Partial], approved[acttest.Inconsistent], approved[acttest.Untested])
}

func ruleIDs(rs []*a11y.Rule) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func describe(fs []a11y.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		if f.Outcome == a11y.Failed {
			fmt.Fprintf(&b, "    %s %s at %s: %s\n", f.Rule, f.Key, f.Selector, f.Snippet)
		}
	}
	return b.String()
}

// TestDoc checks that docs/act.md is what the generator makes now.
func TestDoc(t *testing.T) {
	dir := testenv.Shared(t, "act")
	root := testenv.ModuleRoot()
	require.NotEmpty(t, root)
	got, err := acttest.GenerateDoc(context.Background(), dir, "testdata", registry())
	require.NoError(t, err)
	file := filepath.Join(root, "docs", "act.md")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(file), 0o755))
		require.NoError(t, os.WriteFile(file, got, 0o644))
	}
	want, err := os.ReadFile(file)
	require.NoError(t, err, "docs/act.md is missing: run go run ./a11y/acttest/cmd/actdoc")
	if string(want) != string(got) {
		t.Errorf("docs/act.md is out of date: run go run ./a11y/acttest/cmd/actdoc (or %s)\n%s", regenerate, lineDiff(string(want), string(got), 12))
	}
}

// lineDiff lists up to max lines that differ between want and got.
func lineDiff(want, got string, max int) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a == c {
			continue
		}
		if n++; n > max {
			b.WriteString("…\n")
			break
		}
		fmt.Fprintf(&b, "line %d:\n  - %s\n  + %s\n", i+1, a, c)
	}
	return b.String()
}

func TestLoadSuite(t *testing.T) {
	suite, err := acttest.LoadSuite(testenv.Shared(t, "act"))
	require.NoError(t, err)
	assert.Len(t, suite.Rules, 87)
	approved := 0
	for _, r := range suite.Rules {
		if r.Approved {
			approved++
		}
	}
	assert.Equal(t, 37, approved)
	assert.Len(t, suite.Cases, 1054+137)
	assert.Equal(t, "w3c/wcag-act-rules", suite.Repository)
	assert.True(t, sort.SliceIsSorted(suite.Rules, func(i, j int) bool { return suite.Rules[i].ID < suite.Rules[j].ID }))
	byExpected := map[a11y.Outcome]int{}
	for _, c := range suite.Cases {
		byExpected[c.Expected]++
		assert.True(t, strings.HasPrefix(c.ID, c.RuleID+"-"), c.ID)
		assert.True(t, strings.HasPrefix(c.Path, "cases/"+c.RuleID+"/"), c.Path)
		_, err := os.Stat(c.File)
		assert.NoError(t, err, c.ID)
	}
	assert.Equal(t, map[a11y.Outcome]int{a11y.Passed: 464, a11y.Failed: 392, a11y.Inapplicable: 335}, byExpected)
}

func TestCasesRejectsBadSuite(t *testing.T) {
	dir := t.TempDir()
	_, err := acttest.Cases(dir)
	require.Error(t, err, "no case files")
	write := func(name, s string) { require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644)) }
	write("testcases-nonwcag.json", "[]")
	write("testcases.json", `[{"testcaseId":"x-1","ruleId":"x","expected":"cantTell","path":"cases/x/1.html"}]`)
	_, err = acttest.Cases(dir)
	assert.ErrorContains(t, err, "bad expected outcome")
	write("testcases.json", `[{"testcaseId":"x-1","ruleId":"x","expected":"passed","path":"../../etc/passwd"}]`)
	_, err = acttest.Cases(dir)
	assert.ErrorContains(t, err, "malformed case")
	write("testcases.json", `[{"testcaseId":"x-1","ruleId":"x","expected":"passed","path":"cases/x/1.html"},{"testcaseId":"x-1","ruleId":"x","expected":"failed","path":"cases/x/2.html"}]`)
	_, err = acttest.Cases(dir)
	assert.ErrorContains(t, err, "listed twice")
}

func TestCombine(t *testing.T) {
	f := func(os ...a11y.Outcome) []a11y.Finding {
		var out []a11y.Finding
		for _, o := range os {
			out = append(out, a11y.Finding{Outcome: o})
		}
		return out
	}
	assert.Equal(t, a11y.Inapplicable, acttest.Combine(nil))
	assert.Equal(t, a11y.Inapplicable, acttest.Combine(f(a11y.Inapplicable)))
	assert.Equal(t, a11y.Passed, acttest.Combine(f(a11y.Passed, a11y.Inapplicable)))
	assert.Equal(t, a11y.CantTell, acttest.Combine(f(a11y.Passed, a11y.CantTell)))
	assert.Equal(t, a11y.Failed, acttest.Combine(f(a11y.CantTell, a11y.Failed, a11y.Passed)))
}

func TestStatus(t *testing.T) {
	type c struct{ exp, got a11y.Outcome }
	for name, tc := range map[string]struct {
		cases []c
		want  acttest.Status
	}{
		"all right":                 {[]c{{a11y.Failed, a11y.Failed}, {a11y.Passed, a11y.Passed}, {a11y.Inapplicable, a11y.Inapplicable}}, acttest.Complete},
		"passed as inapplicable":    {[]c{{a11y.Failed, a11y.Failed}, {a11y.Passed, a11y.Inapplicable}, {a11y.Passed, a11y.CantTell}}, acttest.Complete},
		"one failed case missed":    {[]c{{a11y.Failed, a11y.Failed}, {a11y.Failed, a11y.Passed}}, acttest.Partial},
		"failed cases cantTell":     {[]c{{a11y.Failed, a11y.CantTell}, {a11y.Passed, a11y.CantTell}}, acttest.Partial},
		"false failure":             {[]c{{a11y.Failed, a11y.Failed}, {a11y.Passed, a11y.Failed}}, acttest.Inconsistent},
		"false failure inapplic.":   {[]c{{a11y.Failed, a11y.Failed}, {a11y.Inapplicable, a11y.Failed}}, acttest.Inconsistent},
		"nothing caught":            {[]c{{a11y.Failed, a11y.Passed}, {a11y.Failed, a11y.Inapplicable}, {a11y.Passed, a11y.Passed}}, acttest.Untested},
		"no cases":                  {nil, acttest.Untested},
		"false failure beats catch": {[]c{{a11y.Failed, a11y.CantTell}, {a11y.Inapplicable, a11y.Failed}}, acttest.Inconsistent},
	} {
		var s acttest.Score
		for _, x := range tc.cases {
			s.Add(x.exp, x.got)
		}
		assert.Equal(t, tc.want, s.Status(), name)
	}
	var s acttest.Score
	s.Add(a11y.Failed, a11y.Failed)
	s.Add(a11y.Failed, a11y.CantTell)
	s.Add(a11y.Failed, a11y.Passed)
	s.Add(a11y.Passed, a11y.Failed)
	assert.Equal(t, 3, s.Total(a11y.Failed))
	assert.Equal(t, 1, s.Right(a11y.Failed))
	assert.Equal(t, 1, s.Undecided(a11y.Failed))
	assert.Equal(t, 1, s.Wrong(a11y.Failed))
	assert.Equal(t, 1, s.FalseFailures())
}

func TestRecordCompare(t *testing.T) {
	mk := func(id string, exp, got a11y.Outcome) acttest.CaseResult {
		return acttest.CaseResult{Case: acttest.Case{ID: "abc123-" + id, RuleID: "abc123", Expected: exp}, Outcome: got}
	}
	old := []acttest.CaseResult{
		mk("failed-1", a11y.Failed, a11y.Failed),
		mk("failed-2", a11y.Failed, a11y.CantTell),
		mk("passed-1", a11y.Passed, a11y.Passed),
		mk("passed-2", a11y.Passed, a11y.Inapplicable),
		mk("inapplicable-1", a11y.Inapplicable, a11y.Inapplicable),
	}
	file := filepath.Join(t.TempDir(), "rec.json")
	require.NoError(t, acttest.NewRecord(old).WriteFile(file))
	rec, err := acttest.ReadRecord(file)
	require.NoError(t, err)
	assert.Equal(t, a11y.CantTell, rec["abc123"]["abc123-failed-2"])

	changes, dropped := rec.Compare(old)
	assert.Empty(t, changes)
	assert.Empty(t, dropped)

	now := []acttest.CaseResult{
		mk("failed-1", a11y.Failed, a11y.CantTell),     // regression
		mk("failed-2", a11y.Failed, a11y.Failed),       // improvement
		mk("passed-1", a11y.Passed, a11y.Inapplicable), // regression (3 → 2)
		mk("passed-2", a11y.Passed, a11y.Passed),       // improvement
		mk("passed-3", a11y.Passed, a11y.Passed),       // not recorded
	}
	changes, dropped = rec.Compare(now)
	require.Len(t, changes, 5)
	assert.True(t, changes[0].Regression())
	assert.True(t, changes[1].Improvement())
	assert.True(t, changes[2].Regression())
	assert.True(t, changes[3].Improvement())
	assert.False(t, changes[4].Recorded)
	assert.False(t, changes[4].Regression())
	assert.Equal(t, "abc123-failed-1 (expected failed): was failed, now cantTell", changes[0].String())
	assert.Equal(t, []string{"abc123-inapplicable-1"}, dropped)

	_, err = acttest.ReadRecord(filepath.Join(t.TempDir(), "none.json"))
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

// imgName is a small stand-in for an image-name rule (ACT 23a2a8): it fails
// <img> without alt, aria-label or role=presentation.
var imgName = &a11y.Rule{
	ID: "test-img-name", ACT: []string{"23a2a8"}, Impact: a11y.Critical, Needs: a11y.NeedsDOM,
	Messages: []a11y.Msg{"test-img-name.ok", "test-img-name.none"},
	Run: func(p *a11y.Pass) error {
		for img := range p.Elements(atom.Img) {
			switch {
			case img.Get("role") == "presentation" || img.Get("role") == "none" || img.Get("aria-hidden") == "true":
			case strings.TrimSpace(img.Get("alt")+img.Get("aria-label")+img.Get("title")) != "":
				p.Pass(img, "test-img-name.ok")
			case img.Has("alt"):
			default:
				p.Fail(img, "test-img-name.none")
			}
		}
		return nil
	},
}

// needsLayout implements an ACT rule but needs layout: in static mode every
// case answers cantTell.
var needsLayout = &a11y.Rule{
	ID: "test-contrast", ACT: []string{"afw4f7"}, Impact: a11y.Serious, Needs: a11y.NeedsDOM | a11y.NeedsLayout,
	Messages: []a11y.Msg{"test-contrast.x"}, Run: func(*a11y.Pass) error { return nil },
}

func TestRunWithSource(t *testing.T) {
	suite, err := acttest.LoadSuite(testenv.Shared(t, "act"))
	require.NoError(t, err)
	set := []*a11y.Rule{imgName, needsLayout}

	// A source is any function from a case to a document: here a counting
	// wrapper around Static, as a browser source would wrap a page load.
	var loaded []string
	src := func(ctx context.Context, c acttest.Case) (*a11y.Document, error) {
		loaded = append(loaded, c.Path)
		return acttest.Static(ctx, c)
	}
	results := acttest.Run(context.Background(), set, suite.Cases, src)
	want := 0
	for _, c := range suite.Cases {
		if c.RuleID == "23a2a8" || c.RuleID == "afw4f7" {
			want++
		}
	}
	require.Len(t, results, want, "every case of the implemented ACT rules runs, no other")
	assert.Len(t, loaded, len(results), "one load per case")
	for _, r := range results {
		require.Contains(t, []string{"23a2a8", "afw4f7"}, r.Case.RuleID, "only implemented ACT rules run")
		require.NoError(t, r.Err)
		if r.Case.RuleID == "afw4f7" {
			assert.Equal(t, a11y.CantTell, r.Outcome, "%s: a rule needing layout answers cantTell statically", r.Case.ID)
			assert.Equal(t, []string{"test-contrast"}, r.Rules)
		}
	}
	scores := map[string]*acttest.Score{}
	for _, s := range acttest.Scores(results) {
		scores[s.ACT] = s
	}
	assert.Equal(t, acttest.Partial, scores["afw4f7"].Status(), "cantTell on every failed case is partial")
	img := scores["23a2a8"]
	assert.Equal(t, 5, img.Total(a11y.Failed))
	assert.GreaterOrEqual(t, img.Right(a11y.Failed), 1)

	// Several workers give the same results in the same order.
	par := acttest.Run(context.Background(), set, suite.Cases, acttest.Static, acttest.Workers(8))
	require.Len(t, par, len(results))
	for i := range par {
		assert.Equal(t, results[i].Case.ID, par[i].Case.ID)
		assert.Equal(t, results[i].Outcome, par[i].Outcome, par[i].Case.ID)
	}

	// An ended context leaves the remaining cases undecided.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, r := range acttest.Run(ctx, set, suite.Cases, acttest.Static) {
		assert.ErrorIs(t, r.Err, context.Canceled)
		assert.Equal(t, a11y.CantTell, r.Outcome)
	}

	// Outcome of one case, and the URL the static source gives the page.
	var c acttest.Case
	for _, x := range suite.Cases {
		if x.ID == "23a2a8-failed-1" {
			c = x
		}
	}
	o, err := acttest.Outcome(context.Background(), set, c, acttest.Static)
	require.NoError(t, err)
	assert.Equal(t, a11y.Failed, o)
	doc, err := acttest.Static(context.Background(), c)
	require.NoError(t, err)
	assert.Equal(t, "http://127.0.0.1/cases/23a2a8/failed-1.html", doc.URL)

	_, err = acttest.Outcome(context.Background(), []*a11y.Rule{needsLayout}, c, acttest.Static)
	assert.ErrorIs(t, err, acttest.ErrNotImplemented)

	// A source that fails gives cantTell with the error, never a verdict.
	boom := errors.New("browser crashed")
	o, err = acttest.Outcome(context.Background(), set, c, func(context.Context, acttest.Case) (*a11y.Document, error) { return nil, boom })
	assert.ErrorIs(t, err, boom)
	assert.Equal(t, a11y.CantTell, o)
}

func TestWriteDoc(t *testing.T) {
	suite := &acttest.Suite{
		Repository: "w3c/wcag-act-rules", Commit: "800c3b49aa394ed62bc9676e3067c58ebedb788e", Date: "2026-08-20T14:56:51+00:00",
		Rules: []acttest.Rule{
			{ID: "23a2a8", Name: "Image has non-empty accessible name", Approved: true},
			{ID: "afw4f7", Name: "Text has minimum contrast", Approved: true},
			{ID: "zzzzzz", Name: "A | proposed <rule>", Approved: false},
		},
	}
	mk := func(rule string, n int, exp, got a11y.Outcome) acttest.CaseResult {
		return acttest.CaseResult{Case: acttest.Case{ID: fmt.Sprintf("%s-%s-%d", rule, exp, n), RuleID: rule, Expected: exp}, Outcome: got}
	}
	static := []acttest.CaseResult{
		mk("23a2a8", 1, a11y.Failed, a11y.Failed), mk("23a2a8", 2, a11y.Failed, a11y.Failed),
		mk("23a2a8", 1, a11y.Passed, a11y.Passed), mk("23a2a8", 2, a11y.Passed, a11y.Inapplicable),
		mk("23a2a8", 1, a11y.Inapplicable, a11y.Inapplicable),
		mk("afw4f7", 1, a11y.Failed, a11y.CantTell), mk("afw4f7", 1, a11y.Passed, a11y.Failed),
	}
	var b strings.Builder
	require.NoError(t, acttest.WriteDoc(&b, acttest.DocInput{Suite: suite, Rules: []*a11y.Rule{imgName, needsLayout}, Static: static}))
	doc := b.String()
	assert.Contains(t, doc, "(w3c/wcag-act-rules at 800c3b49aa39, 2026-08-20: 3 rules, 2 of them approved by W3C, 0 cases)")
	assert.Contains(t, doc, "**1 of 2 approved rules complete**, 0 partial, 1 inconsistent, 0 untested; of all 3 rules, 1 complete, 0 partial, 1 inconsistent, 1 untested.")
	assert.Contains(t, doc, "**Browser mode** (the page rendered in Chrome): not run.")
	assert.Contains(t, doc, "| [23a2a8](https://www.w3.org/WAI/standards-guidelines/act/rules/23a2a8/) | Image has non-empty accessible name | `test-img-name` | 2/2 | 1/2 · 1✗ | 1/1 | complete | not run |")
	assert.Contains(t, doc, "| `test-contrast` | 0/1 · 1? | 0/1 · 1✗ | — | inconsistent | not run |")
	assert.Contains(t, doc, "| [zzzzzz](https://www.w3.org/WAI/standards-guidelines/act/rules/zzzzzz/proposed/) | A \\| proposed &lt;rule&gt; | — | — | — | — | untested | not run |")
	assert.Less(t, strings.Index(doc, "## Approved rules (2)"), strings.Index(doc, "## Proposed rules (1)"))

	// With browser results the browser column and headline fill in.
	b.Reset()
	browser := []acttest.CaseResult{mk("afw4f7", 1, a11y.Failed, a11y.Failed), mk("afw4f7", 1, a11y.Passed, a11y.Passed)}
	require.NoError(t, acttest.WriteDoc(&b, acttest.DocInput{Suite: suite, Rules: []*a11y.Rule{imgName, needsLayout}, Static: static, Browser: browser}))
	assert.Contains(t, b.String(), "**Browser mode** (the page rendered in Chrome): **1 of 2 approved rules complete**")
	assert.Contains(t, b.String(), "| inconsistent | complete |")
}
