package rules

import "github.com/delaktig/delaktig/a11y"

// MetaRefreshNoException: the page does not reload or redirect itself after
// any delay at all, not even a long one (the AAA form of meta-refresh). Only
// an immediate redirect (0 seconds) passes.
//
// ACT bisz58. The target is the first <meta http-equiv="refresh"> of a
// document whose content attribute the HTML refresh steps accept.
var MetaRefreshNoException = &a11y.Rule{
	ID:       "meta-refresh-no-exception",
	WCAG:     []string{"2.2.4", "3.2.5"},
	ACT:      []string{"bisz58"},
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{metaRefreshNoExceptionImmediate, metaRefreshNoExceptionDelay},
	Tags:     []string{"page", "timing", "aaa"},
	Since:    "0.1.0",
	Run:      runMetaRefreshNoException,
}

const (
	metaRefreshNoExceptionImmediate a11y.Msg = "meta-refresh-no-exception.immediate"
	metaRefreshNoExceptionDelay     a11y.Msg = "meta-refresh-no-exception.delay"
)

func runMetaRefreshNoException(p *a11y.Pass) error {
	for m, secs := range firstRefreshes(p) {
		if secs == 0 {
			p.Pass(m, metaRefreshNoExceptionImmediate)
		} else {
			p.Fail(m, metaRefreshNoExceptionDelay, a11y.Data{"seconds": secs})
		}
	}
	return nil
}
