package rules

import (
	"path"
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// DocumentTitleDescriptive: the page title says what the page is about.
// Whether a title describes its page is a judgement, so the rule asks a
// person (cantTell), except for titles that are plainly left over from a
// template or editor ("Untitled Document", "index.html"), which fail.
//
// ACT c4a8a4. The target is the first <title> of the top document; pages
// without a title or with a blank one are inapplicable (document-title fails
// them).
var DocumentTitleDescriptive = &a11y.Rule{
	ID:       "document-title-descriptive",
	WCAG:     []string{"2.4.2"},
	ACT:      []string{"c4a8a4"},
	EN301549: []string{"9.2.4.2"},
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopePage,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{documentTitleDescriptiveCheck, documentTitleDescriptivePlaceholder},
	Tags:     []string{"page", "navigation", "judgement"},
	Since:    "0.1.0",
	Run:      runDocumentTitleDescriptive,
}

const (
	documentTitleDescriptiveCheck       a11y.Msg = "document-title-descriptive.check"
	documentTitleDescriptivePlaceholder a11y.Msg = "document-title-descriptive.placeholder"
)

// questionTitleDescribes asks whether the title describes the page.
const questionTitleDescribes = "document-title-descriptive.describes-page"

// placeholderTitles are titles editors and project templates put in new
// pages, lower-case. None of them can describe a page of an e-service.
var placeholderTitles = map[string]bool{
	"untitled": true, "untitled document": true, "untitled page": true, "document": true,
	"new document": true, "new page": true, "page title": true, "title": true, "title here": true,
	"your title here": true, "my page": true, "react app": true, "vite app": true, "vite + react": true,
	"vite + react + ts": true, "vite + vue": true, "vite + vue + ts": true, "angular app": true,
	"welcome to nginx!": true, "lorem ipsum": true, "test page": true,
	"namnlöst dokument": true, "namnlös": true, "nytt dokument": true, "ny sida": true,
	"sidans titel": true, "uten tittel": true, "dokument uten tittel": true, "ny side": true, "sidetittel": true,
}

// fileTitleExt lists extensions of a title that is a file name.
var fileTitleExt = map[string]bool{".html": true, ".htm": true, ".php": true, ".asp": true, ".aspx": true, ".jsp": true, ".cshtml": true}

func runDocumentTitleDescriptive(p *a11y.Pass) error {
	if topHTML(p) == nil {
		return nil
	}
	t := firstTitle(p)
	if t == nil {
		return nil
	}
	text := strings.Join(strings.Fields(titleText(t)), " ")
	if blank(text) {
		return nil
	}
	low := strings.ToLower(text)
	if placeholderTitles[low] || !strings.ContainsAny(low, " /") && fileTitleExt[path.Ext(low)] {
		p.Fail(t, documentTitleDescriptivePlaceholder, a11y.Data{"title": excerpt(text)})
		return nil
	}
	p.CantTell(t, documentTitleDescriptiveCheck, a11y.Data{"title": excerpt(text)}, a11y.Ask(questionTitleDescribes))
	return nil
}
