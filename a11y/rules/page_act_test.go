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

// actCase is one entry of the W3C ACT testcases.json files.
type actCase struct {
	RuleID   string `json:"ruleId"`
	Expected string `json:"expected"`
	Path     string `json:"path"`
	Approved bool   `json:"approved"`
}

// actOutcome aggregates a rule's findings the way ACT compares one
// implementation outcome per test case: any failed, else any cantTell,
// else any passed, else inapplicable.
func actOutcome(fs []a11y.Finding) a11y.Outcome {
	out := a11y.Inapplicable
	for _, f := range fs {
		switch {
		case f.Outcome == a11y.Failed:
			return a11y.Failed
		case f.Outcome == a11y.CantTell:
			out = a11y.CantTell
		case f.Outcome == a11y.Passed && out == a11y.Inapplicable:
			out = a11y.Passed
		}
	}
	return out
}

// TestPageACT runs the W3C ACT test cases of the ACT rules the page family
// implements through the static source, and checks the W3C consistency
// requirement: no failed outcome on a passed or inapplicable case. The score
// per rule (right, cantTell, missed failures) and every difference from the
// expected outcome are logged.
func TestPageACT(t *testing.T) {
	dir := testenv.Shared(t, "act")
	var cases []actCase
	for _, f := range []string{"testcases.json", "testcases-nonwcag.json"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		require.NoError(t, err)
		var cs []actCase
		require.NoError(t, json.Unmarshal(b, &cs), f)
		cases = append(cases, cs...)
	}
	ours := map[string][]*a11y.Rule{}
	for _, r := range pageRules {
		for _, id := range r.ACT {
			ours[id] = append(ours[id], r)
		}
	}
	type score struct{ right, total, falseFail, missed, cantTell, skipped int }
	scores := map[string]*score{}
	for _, c := range cases {
		rs := ours[c.RuleID]
		if len(rs) == 0 {
			continue
		}
		s := scores[c.RuleID]
		if s == nil {
			s = &score{}
			scores[c.RuleID] = s
		}
		if ext := filepath.Ext(c.Path); ext != ".html" && ext != ".htm" {
			s.skipped++ // an SVG or XML document: the static source reads HTML pages only
			continue
		}
		t.Run(strings.TrimPrefix(c.Path, "cases/"), func(t *testing.T) {
			f, err := os.Open(filepath.Join(dir, c.Path))
			require.NoError(t, err)
			defer f.Close()
			doc, err := a11y.FromHTML(f, "http://127.0.0.1/"+c.Path)
			require.NoError(t, err)
			res, err := a11y.Check(context.Background(), doc, a11y.WithRules(rs...))
			require.NoError(t, err)
			require.Empty(t, res.Errors)
			got := actOutcome(res.Findings)
			want, err := a11y.ParseOutcome(c.Expected)
			require.NoError(t, err)
			s.total++
			if got != want {
				t.Logf("%s: want %s, got %s", c.Path, want, got)
			}
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
			if want != a11y.Failed {
				require.NotEqual(t, a11y.Failed, got, "false failure on a %s case: %v", want, res.Findings)
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
		t.Logf("ACT %s (%s): %d/%d right, %d cantTell, %d false failures, %d failed cases missed, %d non-HTML skipped",
			id, ours[id][0].ID, s.right, s.total, s.cantTell, s.falseFail, s.missed, s.skipped)
	}
}
