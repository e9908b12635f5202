// Package a11ytest runs rules over annotated HTML fixtures, in the manner of
// x/tools' analysistest.
//
// A fixture is an HTML file under testdata/<rule-id>/. Elements carry the
// outcomes the rule must produce for them:
//
//	<img src="a.png" data-want="failed no-name">
//	<img src="b.png" alt="Karta" data-want="passed">
//
// The grammar is data-want="<outcome>[ <message-key-suffix regexp>]"; several
// expectations on one element are separated by "|". Page-level outcomes go on
// <html>. The harness records the annotations, removes the attribute, runs the
// rule and compares in both directions: an outcome on an unannotated element
// fails the test, and so does an annotation left unmatched. A file whose name
// ends in _inapplicable.html must produce no outcome at all. Files whose names
// end in _browser.html need a rendered page and are only run by RunBrowser.
package a11ytest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/internal/testenv"
)

// WantAttr is the annotation attribute.
const WantAttr = "data-want"

// TestData returns the absolute path of ./testdata of the calling test.
func TestData() string {
	p, err := filepath.Abs("testdata")
	if err != nil {
		panic(err)
	}
	return p
}

// Want is one expected outcome.
type Want struct {
	Outcome a11y.Outcome
	Key     *regexp.Regexp // matched against the message key suffix; nil matches any
	text    string
}

// ParseWant parses a data-want value.
func ParseWant(v string) ([]Want, error) {
	var out []Want
	for _, part := range strings.Split(v, "|") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		oc, rest, _ := strings.Cut(part, " ")
		o, err := a11y.ParseOutcome(oc)
		if err != nil {
			return nil, err
		}
		w := Want{Outcome: o, text: part}
		if rest = strings.TrimSpace(rest); rest != "" {
			re, err := regexp.Compile(rest)
			if err != nil {
				return nil, fmt.Errorf("a11ytest: bad key pattern %q: %w", rest, err)
			}
			w.Key = re
		}
		out = append(out, w)
	}
	return out, nil
}

// Annotations removes the data-want attributes from doc and returns them by element.
func Annotations(doc *a11y.Document) (map[*a11y.Node][]Want, error) {
	wants := map[*a11y.Node][]Want{}
	for n := range doc.Elements() {
		for i, a := range n.Attr {
			if a.Key != WantAttr {
				continue
			}
			w, err := ParseWant(a.Val)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", a11y.Selector(n), err)
			}
			wants[n] = append(wants[n], w...)
			n.Attr = append(n.Attr[:i:i], n.Attr[i+1:]...)
			break
		}
	}
	doc.Index()
	return wants, nil
}

// Run checks every static fixture in dir/<rule-id>/ for each rule.
func Run(t *testing.T, dir string, rules ...*a11y.Rule) {
	t.Helper()
	for _, r := range rules {
		files, _ := filepath.Glob(filepath.Join(dir, r.ID, "*.html"))
		if len(files) == 0 {
			t.Errorf("rule %s: no fixtures in %s", r.ID, filepath.Join(dir, r.ID))
			continue
		}
		ran := 0
		for _, f := range files {
			if strings.HasSuffix(f, "_browser.html") {
				continue
			}
			ran++
			t.Run(r.ID+"/"+filepath.Base(f), func(t *testing.T) {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				doc, err := a11y.FromHTMLString(string(b), "file://"+filepath.ToSlash(f))
				if err != nil {
					t.Fatal(err)
				}
				CheckDoc(t, doc, strings.HasSuffix(f, "_inapplicable.html"), r)
			})
		}
		if ran == 0 && r.Needs&(a11y.NeedsStyle|a11y.NeedsLayout|a11y.NeedsInteraction) == 0 {
			t.Errorf("rule %s: only browser fixtures, but the rule needs no rendered facts", r.ID)
		}
	}
}

// CheckDoc runs rule over an annotated document and reports every
// difference between the annotations and the outcomes.
func CheckDoc(t testing.TB, doc *a11y.Document, inapplicable bool, rule *a11y.Rule) {
	t.Helper()
	wants, err := Annotations(doc)
	if err != nil {
		t.Fatal(err)
	}
	res, err := a11y.Check(context.Background(), doc, a11y.WithRules(rule))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		t.Errorf("rule error: %v", e)
	}
	if inapplicable {
		for _, f := range res.Findings {
			t.Errorf("inapplicable fixture got %s %s on %s", f.Outcome, f.Key, f.Selector)
		}
		return
	}
	for _, p := range Diff(wants, res.Findings) {
		t.Error(p)
	}
}

// Diff compares annotations with findings and returns the problems, sorted.
func Diff(wants map[*a11y.Node][]Want, findings []a11y.Finding) []string {
	var problems []string
	used := map[*a11y.Node][]bool{}
	for n, ws := range wants {
		used[n] = make([]bool, len(ws))
	}
	for _, f := range findings {
		ws := wants[f.Node]
		suffix := string(f.Key)
		if i := strings.IndexByte(suffix, '.'); i >= 0 {
			suffix = suffix[i+1:]
		}
		matched := false
		for i, w := range ws {
			if used[f.Node][i] || w.Outcome != f.Outcome {
				continue
			}
			if w.Key != nil && !w.Key.MatchString(suffix) {
				continue
			}
			used[f.Node][i] = true
			matched = true
			break
		}
		if !matched {
			problems = append(problems, fmt.Sprintf("unexpected %s (%s) on %s %s", f.Outcome, f.Key, f.Selector, f.Snippet))
		}
	}
	for n, ws := range wants {
		for i, w := range ws {
			if !used[n][i] {
				problems = append(problems, fmt.Sprintf("want %q on %s %s: not reported", w.text, a11y.Selector(n), a11y.Snippet(n)))
			}
		}
	}
	sort.Strings(problems)
	return problems
}

// RunBrowserFunc, when set by the checker's test support, runs the fixtures
// in a real browser. It is a variable so that this package does not import
// the browser side.
var RunBrowserFunc func(t *testing.T, dir string, rules ...*a11y.Rule)

// RunBrowser runs every fixture (static and _browser) in Chrome. It skips when
// no Chrome is found, unless DELAKTIG_REQUIRE_BROWSER is set.
func RunBrowser(t *testing.T, dir string, rules ...*a11y.Rule) {
	t.Helper()
	testenv.Chrome(t)
	if RunBrowserFunc == nil {
		t.Fatal("a11ytest: no browser runner registered (import the checker's test support)")
	}
	RunBrowserFunc(t, dir, rules...)
}
