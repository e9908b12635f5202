package acttest

import (
	"sort"

	"github.com/delaktig/delaktig/a11y"
)

// Status is how well an implementation covers one ACT rule, by W3C's method.
type Status string

// The statuses, from best to worst.
const (
	// Complete: every failed case is failed, no passed or inapplicable case is.
	Complete Status = "complete"
	// Partial: some failed cases are failed or answered cantTell, and no
	// passed or inapplicable case is failed.
	Partial Status = "partial"
	// Inconsistent: some passed or inapplicable case is failed.
	Inconsistent Status = "inconsistent"
	// Untested: no failed case is failed or answered cantTell.
	Untested Status = "untested"
)

// Score counts the outcomes of one ACT rule's cases.
type Score struct {
	// ACT is the ACT rule id.
	ACT string
	// Counts[expected][got] counts the cases expected to give one outcome
	// that gave another (indexed by a11y.Outcome).
	Counts [4][4]int
}

// Add counts one case.
func (s *Score) Add(expected, got a11y.Outcome) {
	if int(expected) < len(s.Counts) && int(got) < len(s.Counts) {
		s.Counts[expected][got]++
	}
}

// Total returns the number of cases expected to give outcome e.
func (s *Score) Total(e a11y.Outcome) int {
	n := 0
	for _, c := range s.Counts[e] {
		n += c
	}
	return n
}

// Right returns the number of cases expected to give e that gave e.
func (s *Score) Right(e a11y.Outcome) int { return s.Counts[e][e] }

// Undecided returns the number of cases expected to give e that gave cantTell.
func (s *Score) Undecided(e a11y.Outcome) int { return s.Counts[e][a11y.CantTell] }

// Wrong returns the number of cases expected to give e that gave neither e
// nor cantTell.
func (s *Score) Wrong(e a11y.Outcome) int { return s.Total(e) - s.Right(e) - s.Undecided(e) }

// FalseFailures returns the passed and inapplicable cases that gave failed.
func (s *Score) FalseFailures() int {
	return s.Counts[a11y.Passed][a11y.Failed] + s.Counts[a11y.Inapplicable][a11y.Failed]
}

// Status returns the rule's status by W3C's method.
func (s *Score) Status() Status {
	failed := s.Total(a11y.Failed)
	switch {
	case s.FalseFailures() > 0:
		return Inconsistent
	case failed > 0 && s.Right(a11y.Failed) == failed:
		return Complete
	case s.Right(a11y.Failed)+s.Undecided(a11y.Failed) > 0:
		return Partial
	}
	return Untested
}

// Scores tallies results by ACT rule, ordered by ACT rule id.
func Scores(results []CaseResult) []*Score {
	by := map[string]*Score{}
	for _, r := range results {
		s := by[r.Case.RuleID]
		if s == nil {
			s = &Score{ACT: r.Case.RuleID}
			by[r.Case.RuleID] = s
		}
		s.Add(r.Case.Expected, r.Outcome)
	}
	out := make([]*Score, 0, len(by))
	for _, s := range by {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ACT < out[j].ACT })
	return out
}

// IsFalseFailure reports whether r is a failed outcome on a case expected
// to pass or to be inapplicable.
func (r CaseResult) IsFalseFailure() bool {
	return r.Outcome == a11y.Failed && r.Case.Expected != a11y.Failed
}

// quality ranks an outcome for a case: higher is closer to what W3C expects.
// For a failed case: failed 2, cantTell 1, anything else 0. For a passed or
// inapplicable case: the expected outcome 3, the other non-failing outcome 2
// (not wrong by W3C's method), cantTell 1, failed 0.
func quality(expected, got a11y.Outcome) int {
	if expected == a11y.Failed {
		switch got {
		case a11y.Failed:
			return 2
		case a11y.CantTell:
			return 1
		}
		return 0
	}
	switch got {
	case expected:
		return 3
	case a11y.Failed:
		return 0
	case a11y.CantTell:
		return 1
	}
	return 2
}
