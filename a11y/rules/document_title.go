package rules

import "github.com/delaktig/delaktig/a11y"

// DocumentTitle: an HTML page has a <title> with text, so that people know
// which page (and which step of an e-service) they are on from the browser
// tab, the window list and the first thing a screen reader announces.
//
// ACT 2779a5. The target is the top document's <html> element; the first
// <title> element anywhere in it counts, as browsers use it (titles of frames,
// shadow trees, templates and SVG do not). Whether the title also describes
// the page is document-title-descriptive.
var DocumentTitle = &a11y.Rule{
	ID:       "document-title",
	WCAG:     []string{"2.4.2"},
	ACT:      []string{"2779a5"},
	EN301549: []string{"9.2.4.2"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopePage,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{documentTitleHasTitle, documentTitleMissing, documentTitleEmpty},
	Tags:     []string{"page", "navigation"},
	Since:    "0.1.0",
	Run:      runDocumentTitle,
}

const (
	documentTitleHasTitle a11y.Msg = "document-title.has-title"
	documentTitleMissing  a11y.Msg = "document-title.missing"
	documentTitleEmpty    a11y.Msg = "document-title.empty"
)

func runDocumentTitle(p *a11y.Pass) error {
	root := topHTML(p)
	if root == nil {
		return nil
	}
	t := firstTitle(p)
	switch {
	case t == nil:
		p.Fail(root, documentTitleMissing)
	case blank(titleText(t)):
		p.Fail(root, documentTitleEmpty, a11y.Related{t})
	default:
		p.Pass(root, documentTitleHasTitle, a11y.Data{"title": excerpt(titleText(t))})
	}
	return nil
}
