package acttest

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"github.com/delaktig/delaktig/a11y"
)

// Record holds the outcome a mode gave for each case, by ACT rule id and
// then case id. Committed records (testdata/static.json, testdata/browser.json)
// are what the tests compare each run with.
type Record map[string]map[string]a11y.Outcome

// NewRecord records the outcomes of results.
func NewRecord(results []CaseResult) Record {
	r := Record{}
	for _, res := range results {
		m := r[res.Case.RuleID]
		if m == nil {
			m = map[string]a11y.Outcome{}
			r[res.Case.RuleID] = m
		}
		m[res.Case.ID] = res.Outcome
	}
	return r
}

// ReadRecord reads a record file. A missing file gives an error satisfying
// errors.Is(err, fs.ErrNotExist).
func ReadRecord(file string) (Record, error) {
	r := Record{}
	if err := readJSON(file, &r); err != nil {
		return nil, err
	}
	return r, nil
}

// WriteFile writes the record as indented JSON with sorted keys.
func (r Record) WriteFile(file string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("acttest: encode record: %w", err)
	}
	if err := os.WriteFile(file, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("acttest: %w", err)
	}
	return nil
}

// Results returns the recorded outcomes of the cases as results, in the
// order of cases; cases the record does not hold are left out.
func (r Record) Results(cases []Case) []CaseResult {
	var out []CaseResult
	for _, c := range cases {
		if o, ok := r[c.RuleID][c.ID]; ok {
			out = append(out, CaseResult{Case: c, Outcome: o})
		}
	}
	return out
}

// Change is a case whose outcome is not the recorded one.
type Change struct {
	Case Case
	// Was is the recorded outcome (meaningless when !Recorded).
	Was a11y.Outcome
	// Now is the outcome of this run.
	Now a11y.Outcome
	// Recorded tells whether the record held the case.
	Recorded bool
}

// Regression reports whether the case now gives an outcome further from
// what W3C expects than the recorded one.
func (c Change) Regression() bool {
	return c.Recorded && quality(c.Case.Expected, c.Now) < quality(c.Case.Expected, c.Was)
}

// Improvement reports whether the case now gives an outcome closer to what
// W3C expects than the recorded one.
func (c Change) Improvement() bool {
	return c.Recorded && quality(c.Case.Expected, c.Now) > quality(c.Case.Expected, c.Was)
}

// String describes the change: "23a2a8-failed-1 (expected failed): was failed, now passed".
func (c Change) String() string {
	if !c.Recorded {
		return fmt.Sprintf("%s (expected %s): not recorded, now %s", c.Case.ID, c.Case.Expected, c.Now)
	}
	return fmt.Sprintf("%s (expected %s): was %s, now %s", c.Case.ID, c.Case.Expected, c.Was, c.Now)
}

// Compare returns the results whose outcome differs from the record, and
// the ids of recorded cases that results do not hold (a rule no longer
// implements their ACT rule), sorted.
func (r Record) Compare(results []CaseResult) (changes []Change, dropped []string) {
	seen := map[string]bool{}
	for _, res := range results {
		seen[res.Case.ID] = true
		was, ok := r[res.Case.RuleID][res.Case.ID]
		if ok && was == res.Outcome {
			continue
		}
		changes = append(changes, Change{Case: res.Case, Was: was, Now: res.Outcome, Recorded: ok})
	}
	for _, m := range r {
		for id := range m {
			if !seen[id] {
				dropped = append(dropped, id)
			}
		}
	}
	sort.Strings(dropped)
	return changes, dropped
}
