package rules

import "github.com/delaktig/delaktig/a11y"

// ButtonName: every button has a non-empty accessible name, so that screen
// reader and voice control users know what it does and can address it.
//
// ACT 97a4e1. Targets are elements with the role button included in the
// accessibility tree, except image buttons (<input type="image">, see
// input-image-alt). A focusable <button role="none"> is still a button
// (presentational role conflict). Submit and reset inputs have a default
// name and pass; the value attribute of a <button> element is not a name.
var ButtonName = &a11y.Rule{
	ID:       "button-name",
	WCAG:     []string{"4.1.2"},
	ACT:      []string{"97a4e1"},
	EN301549: []string{"9.4.1.2"},
	Impact:   a11y.Critical,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{buttonNameHasName, buttonNameNoName, buttonNameUnsure},
	Tags:     []string{"buttons", "forms", "names"},
	Since:    "0.1.0",
	Run:      runButtonName,
}

const (
	buttonNameHasName a11y.Msg = "button-name.has-name"
	buttonNameNoName  a11y.Msg = "button-name.no-name"
	buttonNameUnsure  a11y.Msg = "button-name.no-name-unsure"
)

func runButtonName(p *a11y.Pass) error {
	for n := range p.Elements() {
		if p.Role(n) != "button" || isImageButton(n) || !p.InAXTree(n) {
			continue
		}
		requireName(p, n, nameMsgs{buttonNameHasName, buttonNameNoName, buttonNameUnsure})
	}
	return nil
}
