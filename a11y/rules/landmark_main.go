package rules

import (
	"strconv"

	"github.com/delaktig/delaktig/a11y"
)

// LandmarkMain: the page marks its main content with exactly one main
// landmark (<main> or role=main). Screen-reader users jump straight to it,
// past the header and menus that repeat on every page of the service. Two
// main landmarks leave them guessing which one is the page.
//
// The target is the top document. Main landmarks hidden from everyone (the
// hidden attribute, display: none) do not count. This is a best practice;
// bypass checks the WCAG criterion it supports. In static mode a main that
// a <style> rule may hide makes a count that depends on it cantTell.
var LandmarkMain = &a11y.Rule{
	ID:       "landmark-main",
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopePage,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{landmarkMainOne, landmarkMainNone, landmarkMainSeveral, landmarkMainUnsure},
	Tags:     []string{"structure", "landmarks", "best-practice"},
	Since:    "0.1.0",
	Run:      runLandmarkMain,
}

const (
	landmarkMainOne     a11y.Msg = "landmark-main.one"
	landmarkMainNone    a11y.Msg = "landmark-main.none"
	landmarkMainSeveral a11y.Msg = "landmark-main.several"
	landmarkMainUnsure  a11y.Msg = "landmark-main.unsure"
)

// questionMainShown asks which main landmarks are shown.
const questionMainShown = "landmark-main.mains-shown"

func runLandmarkMain(p *a11y.Pass) error {
	root := topHTML(p)
	if root == nil || p.Doc.Body() == nil {
		return nil
	}
	css := newAuthorStyles(p.Doc)
	mains := mainLandmarks(p, css)
	certain, likely := 0, 0
	for _, m := range mains {
		switch css.rendered(p, m) {
		case visYes:
			certain++
			likely++
		case visLikely:
			likely++
		}
	}
	switch {
	case len(mains) == 1 && likely == 1:
		p.Pass(root, landmarkMainOne, a11y.Related(mains))
	case len(mains) == 0:
		p.Fail(root, landmarkMainNone)
	case certain > 1:
		p.Fail(root, landmarkMainSeveral, a11y.Data{"count": strconv.Itoa(certain)}, a11y.Related(mains))
	default:
		p.CantTell(root, landmarkMainUnsure, a11y.Related(mains), a11y.Ask(questionMainShown))
	}
	return nil
}
