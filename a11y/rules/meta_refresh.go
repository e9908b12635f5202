package rules

import (
	"strconv"
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// MetaRefresh: the page does not reload or redirect itself after a delay.
// A timed refresh takes people away from the text they are reading and the
// form they are filling in before they are done; people who read or type
// slowly are hit first. An immediate redirect (0) and delays over 20 hours
// are allowed.
//
// ACT bc659a. The target is the first <meta http-equiv="refresh"> of a
// document whose content attribute the HTML refresh steps accept.
var MetaRefresh = &a11y.Rule{
	ID:       "meta-refresh",
	WCAG:     []string{"2.2.1"},
	ACT:      []string{"bc659a"},
	EN301549: []string{"9.2.2.1"},
	Impact:   a11y.Critical,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{metaRefreshImmediate, metaRefreshLong, metaRefreshDelay},
	Tags:     []string{"page", "timing"},
	Since:    "0.1.0",
	Run:      runMetaRefresh,
}

const (
	metaRefreshImmediate a11y.Msg = "meta-refresh.immediate"
	metaRefreshLong      a11y.Msg = "meta-refresh.long"
	metaRefreshDelay     a11y.Msg = "meta-refresh.delay"
)

func runMetaRefresh(p *a11y.Pass) error {
	for m, secs := range firstRefreshes(p) {
		switch {
		case secs == 0:
			p.Pass(m, metaRefreshImmediate)
		case secs > 72000:
			p.Pass(m, metaRefreshLong, a11y.Data{"seconds": secs})
		default:
			p.Fail(m, metaRefreshDelay, a11y.Data{"seconds": secs})
		}
	}
	return nil
}

// firstRefreshes yields, for each document (the page and the frame documents
// the source knows), its first <meta http-equiv="refresh"> with a valid
// content attribute, and the delay in seconds.
func firstRefreshes(p *a11y.Pass) func(yield func(*a11y.Node, int) bool) {
	return func(yield func(*a11y.Node, int) bool) {
		done := map[*a11y.Node]bool{}
		for m := range p.Elements(atom.Meta) {
			root := m.TreeRoot()
			if done[root] || root.Type != a11y.DocumentNode || root.Data == "#template" {
				continue
			}
			if !strings.EqualFold(trimHTMLSpace(m.Get("http-equiv")), "refresh") {
				continue
			}
			content, ok := m.AttrValue("content")
			if !ok {
				continue
			}
			secs, ok := refreshDelay(content)
			if !ok {
				continue
			}
			done[root] = true
			if !yield(m, secs) {
				return
			}
		}
	}
}

// refreshDelay runs the HTML "shared declarative refresh steps" far enough to
// tell whether content is valid and what the delay is. Delays past the int
// range are clamped.
func refreshDelay(s string) (int, bool) {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	secs := 0
	if i == start {
		if i >= len(s) || s[i] != '.' {
			return 0, false
		}
	} else {
		n, err := strconv.Atoi(s[start:i])
		if err != nil {
			n = int(^uint(0) >> 1)
		}
		secs = n
	}
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	if i < len(s) && !(s[i] == ';' || s[i] == ',' || isSpace(s[i])) {
		return 0, false
	}
	return secs, true
}
