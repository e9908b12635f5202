package rules

import "github.com/delaktig/delaktig/a11y"

// VisibleLabel: every form field has a label people can see, tied to the
// field (a <label>, or text aria-labelledby names). A placeholder is not a
// label: it disappears as soon as someone types, often has too little
// contrast, and people with memory or attention difficulties lose track of
// what the field was for. A title only shows on mouse hover.
//
// Targets are fields (inputs other than buttons, selects, textareas and
// elements with a field role) in the accessibility tree that are not
// disabled. A field passes with a label or labelledby text that is seen. It
// fails when its name comes only from the placeholder or the title, or when
// its label is hidden from view; a name given only by aria-label is cantTell
// (visible text nearby may still act as the label). Fields without any name
// are left to the rules about names. In static mode a label that a <style>
// rule may hide makes a failure cantTell.
var VisibleLabel = &a11y.Rule{
	ID:       "visible-label",
	WCAG:     []string{"1.3.1", "3.3.2"},
	EN301549: []string{"9.1.3.1", "9.3.3.2"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{visibleLabelVisible, visibleLabelPlaceholderOnly, visibleLabelTitleOnly,
		visibleLabelHidden, visibleLabelARIALabelOnly, visibleLabelMaybeHidden, visibleLabelNoLabelMaybeShown},
	Tags:  []string{"forms", "labels"},
	Since: "0.1.0",
	Run:   runVisibleLabel,
}

const (
	visibleLabelVisible         a11y.Msg = "visible-label.visible"
	visibleLabelPlaceholderOnly a11y.Msg = "visible-label.placeholder-only"
	visibleLabelTitleOnly       a11y.Msg = "visible-label.title-only"
	visibleLabelHidden          a11y.Msg = "visible-label.label-hidden"
	visibleLabelARIALabelOnly   a11y.Msg = "visible-label.aria-label-only"
	visibleLabelMaybeHidden     a11y.Msg = "visible-label.maybe-hidden"
	// visibleLabelNoLabelMaybeShown: no label at all, but the field itself
	// may be hidden by style sheets the static source cannot apply.
	visibleLabelNoLabelMaybeShown a11y.Msg = "visible-label.no-label-maybe-shown"
)

// Questions of visible-label.
const (
	questionVisibleText = "visible-label.visible-text"
	questionLabelShown  = "visible-label.label-shown"
	// questionFieldShownToUsers asks whether the field is shown at all.
	questionFieldShownToUsers = "visible-label.field-shown"
)

func runVisibleLabel(p *a11y.Pass) error {
	css := newAuthorStyles(p.Doc)
	for n := range p.Elements() {
		if !formField(p, n) || disabledElement(n) {
			continue
		}
		shown := shownField(p, css, n)
		if shown == visNo {
			continue
		}
		sources := fieldLabelSources(p, css, n)
		best := visNo
		for _, l := range sources {
			if l.seen > best {
				best = l.seen
			}
		}
		if best >= visLikely {
			p.Pass(n, visibleLabelVisible, a11y.Data{"label": excerpt(sources[0].text)})
			continue
		}
		unsure := best != visNo || shown != visYes || !p.Doc.NameCertain(n)
		var fail a11y.Msg
		switch {
		case len(sources) > 0:
			fail = visibleLabelHidden
		case p.Doc.NameSource(n) == "placeholder":
			fail = visibleLabelPlaceholderOnly
		case p.Doc.NameSource(n) == "title":
			fail = visibleLabelTitleOnly
		case p.Doc.NameSource(n) == "aria-label":
			p.CantTell(n, visibleLabelARIALabelOnly, a11y.Data{"name": excerpt(p.Name(n))}, a11y.Ask(questionVisibleText))
			continue
		default:
			continue // no name at all: the name rules report it
		}
		switch {
		case unsure && len(sources) == 0:
			p.CantTell(n, visibleLabelNoLabelMaybeShown, a11y.Data{"name": excerpt(p.Name(n))}, a11y.Ask(questionFieldShownToUsers))
			continue
		case unsure:
			p.CantTell(n, visibleLabelMaybeHidden, a11y.Data{"name": excerpt(p.Name(n))}, a11y.Ask(questionLabelShown))
			continue
		}
		p.Fail(n, fail, a11y.Data{"name": excerpt(p.Name(n))})
	}
	return nil
}
