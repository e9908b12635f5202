package rules

import (
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// FormFieldName: every form field (text box, check box, radio button,
// select list, slider…) has a non-empty accessible name, so that screen
// reader and voice control users know what to enter or choose.
//
// ACT e086e5. Targets are elements included in the accessibility tree with
// one of the roles checkbox, combobox, listbox, menuitemcheckbox,
// menuitemradio, radio, searchbox, slider, spinbutton, switch or textbox;
// disabled fields count too. A <label> only names a field it is associated
// with (for= or nesting) and only labelable elements (not a <div
// role="textbox">). Native date, time and colour inputs, which have no ARIA
// role, are fields too. A field named only by its placeholder passes, with its
// own message: the placeholder disappears once people type.
var FormFieldName = &a11y.Rule{
	ID:       "form-field-name",
	WCAG:     []string{"4.1.2"},
	ACT:      []string{"e086e5"},
	EN301549: []string{"9.4.1.2"},
	Impact:   a11y.Critical,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{formFieldNameHasName, formFieldNamePlaceholder, formFieldNameNoName, formFieldNameUnsure},
	Tags:     []string{"forms", "names"},
	Since:    "0.1.0",
	Run:      runFormFieldName,
}

const (
	formFieldNameHasName     a11y.Msg = "form-field-name.has-name"
	formFieldNamePlaceholder a11y.Msg = "form-field-name.placeholder-only"
	formFieldNameNoName      a11y.Msg = "form-field-name.no-name"
	formFieldNameUnsure      a11y.Msg = "form-field-name.no-name-unsure"
)

// formFieldRoles are the roles of fields people fill in or choose from.
var formFieldRoles = map[string]bool{
	"checkbox": true, "combobox": true, "listbox": true, "menuitemcheckbox": true, "menuitemradio": true,
	"radio": true, "searchbox": true, "slider": true, "spinbutton": true, "switch": true, "textbox": true,
}

// isFormField reports an element with a form field role, or one of the
// native date, time and colour inputs, which have no ARIA role but are
// fields people fill in all the same.
func isFormField(p *a11y.Pass, n *a11y.Node) bool {
	role := p.Role(n)
	if role != "" && role != "generic" && formFieldRoles[role] { // most elements are generic
		return true
	}
	if role != "" || !n.Is(atom.Input) {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(n.Get("type"))) {
	case "date", "datetime-local", "month", "week", "time", "color":
		return true
	}
	return false
}

func runFormFieldName(p *a11y.Pass) error {
	for n := range p.Elements() {
		if !isFormField(p, n) || !p.InAXTree(n) {
			continue
		}
		if name := p.Name(n); name != "" && p.Doc.NameSource(n) == a11y.NameSourcePlaceholder {
			p.Pass(n, formFieldNamePlaceholder, nameData(name))
			continue
		}
		requireName(p, n, nameMsgs{formFieldNameHasName, formFieldNameNoName, formFieldNameUnsure})
	}
	return nil
}
