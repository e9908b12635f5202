package rules

import (
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// AutocompleteValid: an autocomplete attribute holds a value the HTML
// standard defines ("given-name", "email", "shipping postal-code"), so that
// browsers can fill the field in and tools can show what it asks for. People
// with motor or memory disabilities rely on autofill; a misspelt token
// silently switches it off.
//
// ACT 73f2c2. Targets are input, select and textarea elements with a
// non-blank autocomplete attribute other than "on" or "off", except disabled
// fields, buttons, checkboxes, radios and file inputs, fields that are
// neither seen nor in the accessibility tree (type=hidden among them), and
// fields outside the tab order with a non-widget role. The value must be:
// an optional section-*, an optional shipping or billing, an optional
// home/work/mobile/fax/pager before a contact field (tel…, email, impp), one
// field name, and an optional webauthn.
var AutocompleteValid = &a11y.Rule{
	ID:       "autocomplete-valid",
	WCAG:     []string{"1.3.5"},
	ACT:      []string{"73f2c2"},
	EN301549: []string{"9.1.3.5"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{autocompleteValidValid, autocompleteValidInvalid, autocompleteValidInvalidMaybeHidden},
	Tags:     []string{"forms", "autocomplete"},
	Since:    "0.1.0",
	Run:      runAutocompleteValid,
}

const (
	autocompleteValidValid              a11y.Msg = "autocomplete-valid.valid"
	autocompleteValidInvalid            a11y.Msg = "autocomplete-valid.invalid"
	autocompleteValidInvalidMaybeHidden a11y.Msg = "autocomplete-valid.invalid-maybe-hidden"
)

// questionFieldShown asks whether a form field is shown to users.
const questionFieldShown = "autocomplete-valid.field-shown"

func runAutocompleteValid(p *a11y.Pass) error {
	css := newAuthorStyles(p.Doc)
	for n := range p.Elements(atom.Input, atom.Select, atom.Textarea) {
		v, ok := n.AttrValue("autocomplete")
		if !ok || trimHTMLSpace(v) == "" {
			continue
		}
		toks := strings.Fields(strings.ToLower(v))
		if len(toks) == 1 && (toks[0] == "on" || toks[0] == "off") {
			continue
		}
		if n.Is(atom.Input) {
			switch inputKind(n) {
			case "button", "checkbox", "file", "image", "radio", "reset", "submit", "hidden":
				continue
			}
		}
		if disabledElement(n) {
			continue
		}
		seen := css.visible(p, n)
		rend := css.rendered(p, n)
		inTree := rend != visNo && p.InAXTree(n)
		if seen == visNo && !inTree {
			continue
		}
		if !p.Tabbable(n) && !isARIAWidget(p.Role(n)) {
			continue
		}
		switch {
		case validAutocomplete(toks):
			p.Pass(n, autocompleteValidValid, a11y.Data{"value": excerpt(v)})
		case seen == visYes || inTree && rend == visYes:
			p.Fail(n, autocompleteValidInvalid, a11y.Data{"value": excerpt(v)})
		default:
			p.CantTell(n, autocompleteValidInvalidMaybeHidden, a11y.Data{"value": excerpt(v)}, a11y.Ask(questionFieldShown))
		}
	}
	return nil
}

// autofillFields are the HTML autofill field names that take no contact
// prefix; autofillContactFields are those that may take one.
var (
	autofillFields = map[string]bool{
		"name": true, "honorific-prefix": true, "given-name": true, "additional-name": true,
		"family-name": true, "honorific-suffix": true, "nickname": true, "username": true,
		"new-password": true, "current-password": true, "one-time-code": true,
		"organization-title": true, "organization": true, "street-address": true,
		"address-line1": true, "address-line2": true, "address-line3": true,
		"address-level4": true, "address-level3": true, "address-level2": true, "address-level1": true,
		"country": true, "country-name": true, "postal-code": true,
		"cc-name": true, "cc-given-name": true, "cc-additional-name": true, "cc-family-name": true,
		"cc-number": true, "cc-exp": true, "cc-exp-month": true, "cc-exp-year": true, "cc-csc": true,
		"cc-type": true, "transaction-currency": true, "transaction-amount": true, "language": true,
		"bday": true, "bday-day": true, "bday-month": true, "bday-year": true, "sex": true,
		"url": true, "photo": true,
	}
	autofillContactFields = map[string]bool{
		"tel": true, "tel-country-code": true, "tel-national": true, "tel-area-code": true,
		"tel-local": true, "tel-local-prefix": true, "tel-local-suffix": true, "tel-extension": true,
		"email": true, "impp": true,
	}
)

// validAutocomplete checks lower-case autocomplete tokens against the HTML
// autofill detail grammar.
func validAutocomplete(toks []string) bool {
	i := 0
	if i < len(toks) && strings.HasPrefix(toks[i], "section-") {
		i++
	}
	if i < len(toks) && (toks[i] == "shipping" || toks[i] == "billing") {
		i++
	}
	contact := false
	if i < len(toks) {
		switch toks[i] {
		case "home", "work", "mobile", "fax", "pager":
			contact = true
			i++
		}
	}
	if i >= len(toks) {
		return false
	}
	f := toks[i]
	if !(autofillContactFields[f] || !contact && autofillFields[f]) {
		return false
	}
	i++
	if i < len(toks) && toks[i] == "webauthn" {
		i++
	}
	return i == len(toks)
}

// ariaWidgetRoles are the ARIA widget roles (WAI-ARIA 1.2, composite and not).
var ariaWidgetRoles = map[string]bool{
	"button": true, "checkbox": true, "gridcell": true, "link": true, "menuitem": true,
	"menuitemcheckbox": true, "menuitemradio": true, "option": true, "progressbar": true,
	"radio": true, "scrollbar": true, "searchbox": true, "separator": true, "slider": true,
	"spinbutton": true, "switch": true, "tab": true, "tabpanel": true, "textbox": true,
	"treeitem": true, "combobox": true, "grid": true, "listbox": true, "menu": true,
	"menubar": true, "radiogroup": true, "tablist": true, "tree": true, "treegrid": true,
}

func isARIAWidget(r string) bool { return ariaWidgetRoles[r] }
