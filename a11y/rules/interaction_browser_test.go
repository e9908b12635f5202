package rules_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/a11ytest"
	"github.com/delaktig/delaktig/a11y/acttest"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/checker/checkertest"
	"github.com/delaktig/delaktig/internal/testenv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// interactionFixtures are the rules whose browser fixtures need the
// checker's interaction checks, and the checks each needs. Error rules are
// checked on the error state of the fixture's form (the invalid pass for
// files ending in _invalid_browser.html, the empty pass otherwise).
var interactionFixtures = []struct {
	rule    *a11y.Rule
	in      checker.Interactions
	explore bool
}{
	{rules.KeyboardTrap, checker.Interactions{Keyboard: true}, false},
	{rules.KeyboardUnreachable, checker.Interactions{Keyboard: true}, false},
	{rules.FocusOrder, checker.Interactions{Keyboard: true}, false},
	{rules.FocusVisible, checker.Interactions{Keyboard: true}, false},
	{rules.FocusNotObscured, checker.Interactions{Keyboard: true}, false},
	{rules.Reflow, checker.Interactions{Reflow: true}, false},
	{rules.ResizeText, checker.Interactions{Zoom: true}, false},
	{rules.TextSpacingClipped, checker.Interactions{TextSpacing: true}, false},
	{rules.ErrorIdentified, checker.Interactions{}, true},
	{rules.ErrorSuggestion, checker.Interactions{}, true},
	{rules.ErrorAssociated, checker.Interactions{}, true},
	{rules.ErrorAnnounced, checker.Interactions{}, true},
}

// TestInteractionBrowser runs the browser fixtures of the rules that read
// the checker's interaction checks: each fixture is loaded in a pooled tab
// of the test binary's Chrome, snapshotted and driven, then compared with
// its annotations.
func TestInteractionBrowser(t *testing.T) {
	b := checkertest.Browser(t)
	dir := a11ytest.TestData()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close) // after the parallel subtests
	for _, fx := range interactionFixtures {
		files, _ := filepath.Glob(filepath.Join(dir, fx.rule.ID, "*_browser.html"))
		sort.Strings(files)
		require.NotEmpty(t, files, "rule %s has no browser fixtures", fx.rule.ID)
		for _, f := range files {
			rel, _ := filepath.Rel(dir, f)
			url := srv.URL + "/" + filepath.ToSlash(rel)
			t.Run(filepath.ToSlash(rel), func(t *testing.T) {
				t.Parallel()
				ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
				defer cancel()
				doc := loadInteracted(ctx, t, b, url, fx.in)
				if fx.explore {
					pass := a11y.ErrorPassEmpty
					if strings.HasSuffix(f, "_invalid_browser.html") {
						pass = a11y.ErrorPassInvalid
					}
					doc = errorState(ctx, t, b, doc, fx.rule, pass)
				}
				a11ytest.CheckDoc(t, doc, strings.HasSuffix(f, "_inapplicable_browser.html"), fx.rule)
			})
		}
	}
}

// loadInteracted loads url in a pooled tab, waits until it settles,
// snapshots it and makes the interaction checks in.
func loadInteracted(ctx context.Context, t *testing.T, b *checker.Browser, url string, in checker.Interactions) *a11y.Document {
	t.Helper()
	tab, err := b.Tab(ctx)
	require.NoError(t, err)
	defer tab.Release()
	_, err = tab.Navigate(ctx, url, checkertest.FixtureWait.Load)
	require.NoError(t, err)
	_, err = tab.WaitSettled(ctx, checkertest.FixtureWait)
	require.NoError(t, err)
	doc, err := checker.Snapshot(tab.Context())
	require.NoError(t, err)
	rep, err := tab.Interact(ctx, doc, in)
	require.NoError(t, err)
	require.Empty(t, rep.Errors)
	return doc
}

// errorState explores the errors of the form of doc (a loaded page) and
// returns the document of the pass asked for.
func errorState(ctx context.Context, t *testing.T, b *checker.Browser, doc *a11y.Document, rule *a11y.Rule, pass string) *a11y.Document {
	t.Helper()
	tab, err := b.Tab(ctx)
	require.NoError(t, err)
	defer tab.Release()
	states, err := tab.ExploreErrors(ctx, doc, checker.Options{Rules: []*a11y.Rule{rule}, Wait: checkertest.FixtureWait, NoScreenshots: true}, nil)
	require.NoError(t, err)
	for _, st := range states {
		if st.Pass == pass {
			require.NotNil(t, st.Page, "the %s pass gave no error state: %s", pass, st.Note)
			return st.Page.Doc
		}
	}
	require.Failf(t, "no error state", "no %s pass among %d states", pass, len(states))
	return nil
}

// TestKeyboardTrapACT runs keyboard-trap on the W3C cases of ACT rule
// a1b64e in Chrome with the keyboard walk. No passed or inapplicable case
// may fail (W3C's consistency), every failed case must be failed or
// cantTell, and the traps must be caught. (The traps of the cases give focus
// back on a 10 ms timer; on a very busy machine a timer can run so late
// that the walk takes focus as escaped, which gives cantTell, never a false
// verdict. ACT 80af7b is not claimed: its passed cases hold traps left with
// a key the page explains, which the rule fails.)
func TestKeyboardTrapACT(t *testing.T) {
	dir := testenv.Shared(t, "act")
	b := checkertest.Browser(t)
	suite, err := acttest.LoadSuite(dir)
	require.NoError(t, err)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	src := func(ctx context.Context, c acttest.Case) (*a11y.Document, error) {
		ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		tab, err := b.Tab(ctx)
		if err != nil {
			return nil, err
		}
		defer tab.Release()
		if _, err := tab.Navigate(ctx, srv.URL+"/"+c.Path, checkertest.FixtureWait.Load); err != nil {
			return nil, err
		}
		if _, err := tab.WaitSettled(ctx, checkertest.FixtureWait); err != nil {
			return nil, err
		}
		doc, err := checker.Snapshot(tab.Context())
		if err != nil {
			return nil, err
		}
		_, err = tab.Interact(ctx, doc, checker.Interactions{Keyboard: true})
		return doc, err
	}
	var cases []acttest.Case
	for _, c := range suite.Cases {
		if c.RuleID == "a1b64e" {
			cases = append(cases, c)
		}
	}
	require.NotEmpty(t, cases)
	results := acttest.Run(t.Context(), []*a11y.Rule{rules.KeyboardTrap}, cases, src, acttest.Workers(4))
	caught := 0
	for _, r := range results {
		require.NoError(t, r.Err, r.Case.ID)
		switch {
		case r.Case.Expected == a11y.Failed && r.Outcome == a11y.Failed:
			caught++
		case r.Case.Expected == a11y.Failed && r.Outcome != a11y.CantTell:
			t.Errorf("%s: want failed, got %s", r.Case.ID, r.Outcome)
		case r.Case.Expected != a11y.Failed && r.Outcome == a11y.Failed:
			t.Errorf("%s (expected %s): failed falsely", r.Case.ID, r.Case.Expected)
		}
	}
	assert.GreaterOrEqual(t, caught, 2, "the traps of the failed cases are caught")
}
