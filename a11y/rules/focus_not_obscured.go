package rules

import (
	"math"
	"strconv"

	"github.com/delaktig/delaktig/a11y"
)

// FocusNotObscured: an element that receives keyboard focus is not entirely
// hidden by content the author put over it (sticky headers and footers,
// cookie banners, chat buttons). WCAG 2.4.11 Focus Not Obscured (Minimum),
// level AA.
//
// The rule reads the focus walk (a11y.FocusWalk under a11y.FocusKey): an
// element whose box was entirely covered while it had focus fails, one that
// stayed at least partly in view passes, and one covered only by content the
// user opened during the walk (which WCAG does not count) passes with that
// note. One outside the viewport with nothing over it (a header that slid
// away with its links) is cantTell: nothing covers it, but it is not seen. Steps whose coverage the source did not measure are cantTell.
var FocusNotObscured = &a11y.Rule{
	ID:       "focus-not-obscured",
	WCAG:     []string{"2.4.11"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsInteraction,
	Messages: []a11y.Msg{obscuredNot, obscuredPartly, obscuredByUser, obscuredHidden, obscuredOffscreen, obscuredNotMeasured, obscuredNoWalk},
	Tags:     []string{"keyboard", "focus", "wcag22"},
	Since:    "0.1.0",
	Run:      runFocusNotObscured,
}

const (
	obscuredNot         a11y.Msg = "focus-not-obscured.in-view"
	obscuredPartly      a11y.Msg = "focus-not-obscured.partly-hidden"
	obscuredByUser      a11y.Msg = "focus-not-obscured.user-opened"
	obscuredHidden      a11y.Msg = "focus-not-obscured.hidden"
	obscuredOffscreen   a11y.Msg = "focus-not-obscured.offscreen"
	obscuredNotMeasured a11y.Msg = "focus-not-obscured.not-measured"
	obscuredNoWalk      a11y.Msg = "focus-not-obscured.no-walk"
)

// questionFocusInView asks whether a focused element can be seen.
const questionFocusInView = "focus-not-obscured.in-view"

func runFocusNotObscured(p *a11y.Pass) error {
	walk := p.Doc.Focus()
	if walk == nil {
		p.CantTell(nil, obscuredNoWalk, a11y.Ask(questionFocusInView))
		return nil
	}
	seen := map[*a11y.Node]bool{}
	for _, s := range walk.Steps {
		if s == nil || s.Node == nil || seen[s.Node] {
			continue
		}
		seen[s.Node] = true
		if !s.CoverageMeasured {
			p.CantTell(s.Node, obscuredNotMeasured, a11y.Ask(questionFocusInView))
			continue
		}
		pct := a11y.Data{"percent": strconv.Itoa(int(math.Round(s.Obscured * 100)))}
		var by a11y.Arg
		if s.ObscuredBy != nil {
			by = a11y.Related{s.ObscuredBy}
		}
		switch {
		case s.Obscured >= 1 && s.ObscuredByUser:
			p.Pass(s.Node, obscuredByUser, pct, by)
		case s.Obscured >= 1 && s.ObscuredBy == nil:
			// out of the viewport, not under author content
			p.CantTell(s.Node, obscuredOffscreen, pct, a11y.Ask(questionFocusInView))
		case s.Obscured >= 1:
			p.Fail(s.Node, obscuredHidden, pct, by)
		case s.Obscured > 0:
			p.Pass(s.Node, obscuredPartly, pct, by)
		default:
			p.Pass(s.Node, obscuredNot, pct)
		}
	}
	return nil
}
