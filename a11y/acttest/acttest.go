// Package acttest runs Delaktig's rules over the W3C ACT rules test cases
// and scores them the way W3C scores implementations.
//
// The suite is a folder holding rules.json, testcases.json,
// testcases-nonwcag.json and the case pages (see LoadSuite). For each case,
// Outcome runs the rules that implement the case's ACT rule on the page and
// folds their findings into one outcome: any failed gives failed, else any
// cantTell gives cantTell, else any passed gives passed, else inapplicable.
//
// Where a page comes from is a Source. Static reads the case file as HTML.
// A browser source plugs in without changes here: serve the suite folder as
// the web root (httptest over http.Dir), and load StaticBase-style URLs,
// server URL + "/" + Case.Path, in Chrome:
//
//	browser := func(ctx context.Context, c acttest.Case) (*a11y.Document, error) {
//		return snapshot(ctx, srv.URL+"/"+c.Path)
//	}
//	results := acttest.Run(ctx, set, suite.Cases, browser, acttest.Workers(4))
//	acttest.NewRecord(results).WriteFile("testdata/browser.json") // under -update
//
// Each mode keeps the outcomes it is expected to give in a Record
// (testdata/static.json, testdata/browser.json), so that a change in any
// rule that makes a case worse fails the tests; GenerateDoc fills the
// browser column of docs/act.md from testdata/browser.json once it exists.
//
// Scores follow W3C's method: a rule is complete when every failed case is
// failed and no passed or inapplicable case is failed; partial when some
// failed cases are failed or answered cantTell and none is falsely failed;
// inconsistent when a passed or inapplicable case is failed; untested when
// no failed case is caught at all.
package acttest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/delaktig/delaktig/a11y"
)

// Rule is one W3C ACT rule of the suite.
type Rule struct {
	ID       string   `json:"ruleId"`
	Name     string   `json:"ruleName"`
	Type     string   `json:"ruleType"` // "atomic" or "composite"
	Approved bool     `json:"approved"` // approved by W3C
	WCAG     []string `json:"wcag"`
	Level    string   `json:"level"`
}

// Case is one test case: a page and the outcome W3C expects for one ACT rule.
type Case struct {
	// ID is W3C's case id, "23a2a8-failed-1".
	ID string
	// RuleID and RuleName name the ACT rule.
	RuleID, RuleName string
	// Approved tells whether the ACT rule is approved by W3C.
	Approved bool
	// Title is the case's title, "Failed Example 1".
	Title string
	// Expected is passed, failed or inapplicable.
	Expected a11y.Outcome
	// Path is the page's slash-separated path inside the suite folder,
	// "cases/23a2a8/failed-1.html"; it is also the page's path when the
	// folder is served as a web root.
	Path string
	// File is the page's path on disk.
	File string
}

// Suite is the W3C ACT rules test suite.
type Suite struct {
	// Dir is the suite folder.
	Dir string
	// Repository, Commit and Date say which version of W3C's data it is.
	Repository, Commit, Date string
	// Rules lists every ACT rule present, ordered by id.
	Rules []Rule
	// Cases lists every case, in W3C's order.
	Cases []Case
}

// caseFiles are the suite's case lists.
var caseFiles = []string{"testcases.json", "testcases-nonwcag.json"}

// LoadSuite reads the suite in dir.
func LoadSuite(dir string) (*Suite, error) {
	var meta struct {
		Source struct {
			W3C struct {
				Repository, Commit, Date string
			} `json:"w3c"`
		} `json:"source"`
		Rules []Rule `json:"rules"`
	}
	if err := readJSON(filepath.Join(dir, "rules.json"), &meta); err != nil {
		return nil, err
	}
	cases, err := Cases(dir)
	if err != nil {
		return nil, err
	}
	sort.Slice(meta.Rules, func(i, j int) bool { return meta.Rules[i].ID < meta.Rules[j].ID })
	return &Suite{
		Dir:        dir,
		Repository: meta.Source.W3C.Repository,
		Commit:     meta.Source.W3C.Commit,
		Date:       meta.Source.W3C.Date,
		Rules:      meta.Rules,
		Cases:      cases,
	}, nil
}

// Cases reads the cases of the suite in dir from testcases.json and
// testcases-nonwcag.json.
func Cases(dir string) ([]Case, error) {
	var out []Case
	seen := map[string]bool{}
	for _, name := range caseFiles {
		var raw []struct {
			TestcaseID string `json:"testcaseId"`
			RuleID     string `json:"ruleId"`
			RuleName   string `json:"ruleName"`
			Approved   bool   `json:"approved"`
			Title      string `json:"title"`
			Expected   string `json:"expected"`
			Path       string `json:"path"`
		}
		if err := readJSON(filepath.Join(dir, name), &raw); err != nil {
			return nil, err
		}
		for _, r := range raw {
			exp, err := a11y.ParseOutcome(r.Expected)
			if err != nil || exp == a11y.CantTell {
				return nil, fmt.Errorf("acttest: %s: case %s: bad expected outcome %q", name, r.TestcaseID, r.Expected)
			}
			clean := path.Clean(r.Path)
			if r.TestcaseID == "" || r.RuleID == "" || !filepath.IsLocal(filepath.FromSlash(clean)) {
				return nil, fmt.Errorf("acttest: %s: malformed case %q (path %q)", name, r.TestcaseID, r.Path)
			}
			if seen[r.TestcaseID] {
				return nil, fmt.Errorf("acttest: %s: case %s listed twice", name, r.TestcaseID)
			}
			seen[r.TestcaseID] = true
			out = append(out, Case{
				ID: r.TestcaseID, RuleID: r.RuleID, RuleName: r.RuleName, Approved: r.Approved,
				Title: r.Title, Expected: exp, Path: clean, File: filepath.Join(dir, filepath.FromSlash(clean)),
			})
		}
	}
	return out, nil
}

func readJSON(file string, v any) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("acttest: %w", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("acttest: %s: %w", file, err)
	}
	return nil
}

// Source loads the page of a case into a Document. The case carries both
// the file on disk (File) and its path under the suite's web root (Path),
// so a source can read the file or load the served page.
type Source func(ctx context.Context, c Case) (*a11y.Document, error)

// StaticBase is the address static documents are given: a case's URL is
// StaticBase + "/" + its Path.
const StaticBase = "http://127.0.0.1"

// Static reads the case file without a browser. An .html file is parsed as
// HTML. An .svg or .xml file is a document whose root is not <html> (an
// <svg> or <math> element), as a browser loads it: it is parsed with the
// HTML parser, which reads SVG and MathML as foreign content, and its first
// element becomes the document's root element.
func Static(_ context.Context, c Case) (*a11y.Document, error) {
	f, err := os.Open(c.File)
	if err != nil {
		return nil, fmt.Errorf("acttest: case %s: %w", c.ID, err)
	}
	defer f.Close()
	doc, err := a11y.FromHTML(f, StaticBase+"/"+c.Path)
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(path.Ext(c.Path)) {
	case ".svg", ".xml":
		rootElement(doc)
	}
	return doc, nil
}

// rootElement makes the first element inside <body> the document's only
// child, dropping the <html>, <head> and <body> the HTML parser added.
func rootElement(doc *a11y.Document) {
	body := doc.Body()
	if body == nil {
		return
	}
	var el *a11y.Node
	for c := range body.ElementChildren() {
		el = c
		break
	}
	if el == nil {
		return
	}
	el.Parent, el.PrevSibling, el.NextSibling = nil, nil, nil
	doc.Root.FirstChild, doc.Root.LastChild = nil, nil
	a11y.AppendChild(doc.Root, el)
	doc.Index()
}

// ErrNotImplemented is returned by Outcome when no rule of the set
// implements the case's ACT rule.
var ErrNotImplemented = errors.New("acttest: no rule implements this ACT rule")

// Implementing returns the rules of set that implement the ACT rule id.
func Implementing(set []*a11y.Rule, actID string) []*a11y.Rule {
	var out []*a11y.Rule
	for _, r := range set {
		if slices.Contains(r.ACT, actID) {
			out = append(out, r)
		}
	}
	return out
}

// Outcome runs the rules of set that implement c's ACT rule on the page src
// gives for c, and returns their combined outcome.
func Outcome(ctx context.Context, set []*a11y.Rule, c Case, src Source) (a11y.Outcome, error) {
	r := runCase(ctx, Implementing(set, c.RuleID), c, src)
	return r.Outcome, r.Err
}

// CaseResult is the outcome of one case.
type CaseResult struct {
	Case Case
	// Rules are the ids of the rules that ran.
	Rules []string
	// Outcome is the combined outcome (cantTell when Err is set).
	Outcome a11y.Outcome
	// Findings are the findings of those rules on the page.
	Findings []a11y.Finding
	// Err is set when the page could not be loaded or checked.
	Err error
}

// RunOption changes how Run works.
type RunOption func(*runOptions)

type runOptions struct{ workers int }

// Workers runs up to n cases at a time (default 1). The source must then be
// safe for concurrent use; Static is.
func Workers(n int) RunOption { return func(o *runOptions) { o.workers = max(1, n) } }

// Run runs every case whose ACT rule some rule of set implements and
// returns the results in the order of cases. Cases of other ACT rules are
// left out. When ctx ends, the cases not yet run give cantTell with the
// context's error.
func Run(ctx context.Context, set []*a11y.Rule, cases []Case, src Source, opts ...RunOption) []CaseResult {
	o := runOptions{workers: 1}
	for _, f := range opts {
		f(&o)
	}
	type job struct {
		c  Case
		rs []*a11y.Rule
	}
	var jobs []job
	impl := map[string][]*a11y.Rule{}
	for _, c := range cases {
		rs, ok := impl[c.RuleID]
		if !ok {
			rs = Implementing(set, c.RuleID)
			impl[c.RuleID] = rs
		}
		if len(rs) > 0 {
			jobs = append(jobs, job{c, rs})
		}
	}
	out := make([]CaseResult, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(o.workers, max(1, len(jobs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = runCase(ctx, jobs[i].rs, jobs[i].c, src)
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func runCase(ctx context.Context, rs []*a11y.Rule, c Case, src Source) CaseResult {
	res := CaseResult{Case: c, Outcome: a11y.CantTell}
	for _, r := range rs {
		res.Rules = append(res.Rules, r.ID)
	}
	if len(rs) == 0 {
		res.Err = fmt.Errorf("%w: %s (%s)", ErrNotImplemented, c.RuleID, c.ID)
		return res
	}
	if err := ctx.Err(); err != nil {
		res.Err = fmt.Errorf("acttest: case %s: %w", c.ID, err)
		return res
	}
	doc, err := src(ctx, c)
	if err != nil {
		res.Err = err
		return res
	}
	found, err := a11y.Check(ctx, doc, a11y.WithRules(rs...))
	if err != nil {
		res.Err = fmt.Errorf("acttest: case %s: %w", c.ID, err)
		return res
	}
	for _, f := range found.Findings {
		if slices.Contains(res.Rules, f.Rule) {
			res.Findings = append(res.Findings, f)
		}
	}
	res.Outcome = Combine(res.Findings)
	return res
}

// Combine folds findings into one outcome for the page: any failed gives
// failed, else any cantTell gives cantTell, else any passed gives passed,
// else inapplicable. Suppressed findings count like the others: ACT pages
// carry no suppressions, and a suppression must not hide a false failure.
func Combine(fs []a11y.Finding) a11y.Outcome {
	seen := map[a11y.Outcome]bool{}
	for _, f := range fs {
		seen[f.Outcome] = true
	}
	for _, o := range []a11y.Outcome{a11y.Failed, a11y.CantTell, a11y.Passed} {
		if seen[o] {
			return o
		}
	}
	return a11y.Inapplicable
}
