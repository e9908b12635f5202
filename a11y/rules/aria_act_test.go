package rules

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/internal/testenv"
)

// ariaACTCase is one entry of the W3C ACT test case lists.
type ariaACTCase struct {
	RuleID   string `json:"ruleId"`
	Expected string `json:"expected"`
	Path     string `json:"path"`
}

// ariaACTOutcome aggregates findings into one outcome per test case, as the
// W3C comparison does: any failed, else any cantTell, else any passed, else
// inapplicable.
func ariaACTOutcome(fs []a11y.Finding) a11y.Outcome {
	out := a11y.Inapplicable
	for _, f := range fs {
		switch f.Outcome {
		case a11y.Failed:
			return a11y.Failed
		case a11y.CantTell:
			out = a11y.CantTell
		case a11y.Passed:
			if out == a11y.Inapplicable {
				out = a11y.Passed
			}
		}
	}
	return out
}

// TestAriaACT runs the W3C ACT test cases of the ARIA family's rules through
// the static source. A failed outcome on a passed or inapplicable case (a
// false failure) fails the test, and so does a failed case the rule passes
// or finds inapplicable; the score of each rule and every difference from
// the expected outcome are logged.
func TestAriaACT(t *testing.T) {
	dir := testenv.Shared(t, "act")
	var cases []ariaACTCase
	for _, f := range []string{"testcases.json", "testcases-nonwcag.json"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		require.NoError(t, err)
		var cs []ariaACTCase
		require.NoError(t, json.Unmarshal(b, &cs), f)
		cases = append(cases, cs...)
	}
	ours := map[string]*a11y.Rule{}
	for _, r := range ariaRules {
		for _, id := range r.ACT {
			ours[id] = r
		}
	}
	type score struct{ right, total, cantTell, falseFail, missed int }
	scores := map[string]*score{}
	for _, c := range cases {
		r := ours[c.RuleID]
		if r == nil || filepath.Ext(c.Path) != ".html" {
			continue
		}
		s := scores[c.RuleID]
		if s == nil {
			s = &score{}
			scores[c.RuleID] = s
		}
		t.Run(strings.TrimPrefix(c.Path, "cases/"), func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, c.Path))
			require.NoError(t, err)
			doc, err := a11y.FromHTMLString(string(b), "http://127.0.0.1/"+c.Path)
			require.NoError(t, err)
			res, err := a11y.Check(context.Background(), doc, a11y.WithRules(r))
			require.NoError(t, err)
			require.Empty(t, res.Errors)
			got := ariaACTOutcome(res.Findings)
			want, err := a11y.ParseOutcome(c.Expected)
			require.NoError(t, err)
			s.total++
			switch {
			case got == want:
				s.right++
			case got == a11y.CantTell:
				s.cantTell++
			case got == a11y.Failed:
				s.falseFail++
			case want == a11y.Failed:
				s.missed++
			}
			if got != want {
				t.Logf("%s: want %s, got %s", c.Path, want, got)
				for _, f := range res.Findings {
					t.Logf("  %s %s %s %v", f.Outcome, f.Key, f.Selector, f.Data)
				}
			}
			if want != a11y.Failed {
				require.NotEqual(t, a11y.Failed, got, "false failure on a %s case", want)
			} else {
				require.Contains(t, []a11y.Outcome{a11y.Failed, a11y.CantTell}, got, "failure missed")
			}
		})
	}
	ids := make([]string, 0, len(scores))
	for id := range scores {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		s := scores[id]
		t.Logf("ACT %s %-30s %2d/%2d right, %d cantTell, %d false failures, %d failures missed",
			id, ours[id].ID, s.right, s.total, s.cantTell, s.falseFail, s.missed)
	}
}
