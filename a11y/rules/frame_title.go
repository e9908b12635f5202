package rules

import (
	"strconv"
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// FrameTitle: every frame people can reach has a non-empty accessible name
// (usually its title attribute), so that screen reader users know what the
// embedded content is before they enter it.
//
// ACT cae760 (not yet approved by W3C). Targets are <iframe> and <frame>
// elements included in the accessibility tree, except those taken out of the
// keyboard order (negative tabindex) and those marked as decorative (an
// explicit role of none or presentation). The name attribute of a frame is
// not its accessible name.
var FrameTitle = &a11y.Rule{
	ID:       "frame-title",
	WCAG:     []string{"4.1.2"},
	ACT:      []string{"cae760"},
	EN301549: []string{"9.4.1.2"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{frameTitleHasName, frameTitleNoName, frameTitleUnsure},
	Tags:     []string{"frames", "names"},
	Since:    "0.1.0",
	Run:      runFrameTitle,
}

const (
	frameTitleHasName a11y.Msg = "frame-title.has-name"
	frameTitleNoName  a11y.Msg = "frame-title.no-name"
	frameTitleUnsure  a11y.Msg = "frame-title.no-name-unsure"
)

func runFrameTitle(p *a11y.Pass) error {
	for n := range p.Elements() {
		if !n.Is(atom.Iframe, atom.Frame) || decorativeRole(p.Doc.ExplicitRole(n)) {
			continue
		}
		if ti, err := strconv.Atoi(strings.TrimSpace(n.Get("tabindex"))); err == nil && ti < 0 {
			continue
		}
		if !p.InAXTree(n) {
			continue
		}
		requireName(p, n, nameMsgs{frameTitleHasName, frameTitleNoName, frameTitleUnsure})
	}
	return nil
}
