package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// formRules lists this family's rules in registry order: what the forms of
// an e-service need beyond names and roles (visible labels, groups, required
// fields, personal-data autofill, error messages).
var formRules = []*a11y.Rule{
	VisibleLabel,
	GroupFieldset,
	RequiredMarked,
	AutocompletePersonal,
	FormErrorTied,
}

// inputKind returns the lower-case type of an <input>, "text" when missing
// or unknown to HTML.
func inputKind(n *a11y.Node) string {
	t := strings.ToLower(trimHTMLSpace(n.Get("type")))
	switch t {
	case "hidden", "text", "search", "tel", "url", "email", "password", "date", "month", "week",
		"time", "datetime-local", "number", "range", "color", "checkbox", "radio", "file",
		"submit", "image", "reset", "button":
		return t
	}
	return "text"
}

// disabledElement reports whether n is disabled (ACT): actually disabled in HTML
// (the disabled attribute on a form control, an option in a disabled
// optgroup, a control in a disabled fieldset outside its first legend), or
// inside an element with aria-disabled="true".
func disabledElement(n *a11y.Node) bool {
	if n.Is(atom.Button, atom.Input, atom.Select, atom.Textarea, atom.Optgroup, atom.Option, atom.Fieldset) && n.Has("disabled") {
		return true
	}
	if n.Is(atom.Option) {
		if g := n.Parent; g != nil && g.Is(atom.Optgroup) && g.Has("disabled") {
			return true
		}
	}
	if n.Is(atom.Button, atom.Input, atom.Select, atom.Textarea, atom.Fieldset) {
		for a := n.Parent; a != nil; a = a.Parent {
			if a.Is(atom.Fieldset) && a.Has("disabled") {
				var legend *a11y.Node
				for c := range a.ElementChildren() {
					if c.Is(atom.Legend) {
						legend = c
						break
					}
				}
				if legend == nil || !legend.Contains(n) {
					return true
				}
			}
		}
	}
	for e := n; e != nil; e = e.FlatParent() {
		if e.Type == a11y.ElementNode && strings.EqualFold(trimHTMLSpace(e.Get("aria-disabled")), "true") {
			return true
		}
	}
	return false
}

// fieldRoles are the widget roles of fields people fill in or choose.
var fieldRoles = map[string]bool{
	"textbox": true, "searchbox": true, "combobox": true, "listbox": true, "spinbutton": true,
	"slider": true, "checkbox": true, "radio": true, "switch": true,
}

// formField reports whether n is a field people fill in or choose: an input
// other than a button or hidden input, a select, a textarea, or an element
// with a field role.
func formField(p *a11y.Pass, n *a11y.Node) bool {
	switch {
	case n.Is(atom.Input):
		switch inputKind(n) {
		case "hidden", "submit", "reset", "button", "image":
			return false
		}
		return true
	case n.Is(atom.Select, atom.Textarea):
		return true
	case n.Is(atom.Button, atom.A):
		return false
	}
	return n.Has("role") && fieldRoles[p.Role(n)]
}

// shownField reports how certainly a field is in front of users: in the
// accessibility tree and not hidden, as far as the document tells.
func shownField(p *a11y.Pass, css *authorStyles, n *a11y.Node) visibility {
	if !p.InAXTree(n) {
		return visNo
	}
	return css.rendered(p, n)
}

// labelSource is an element whose text labels a field: a <label> or an
// element aria-labelledby names.
type labelSource struct {
	node *a11y.Node
	text string
	seen visibility
}

// labelSourcesKey keys the memoised label sources of a document's fields in
// a11y.Document.Memo.
type labelSourcesKey struct{}

// fieldLabelSources returns the labels and aria-labelledby targets of n that
// have text, with how certainly each is seen. Several form rules ask for the
// same fields: the answer is made once per document, and callers must not
// change it.
func fieldLabelSources(p *a11y.Pass, css *authorStyles, n *a11y.Node) []labelSource {
	memo := p.Doc.Memo(labelSourcesKey{}, func() any { return map[*a11y.Node][]labelSource{} }).(map[*a11y.Node][]labelSource)
	if out, ok := memo[n]; ok {
		return out
	}
	out := findLabelSources(p, css, n)
	memo[n] = out
	return out
}

func findLabelSources(p *a11y.Pass, css *authorStyles, n *a11y.Node) []labelSource {
	var out []labelSource
	add := func(e *a11y.Node) {
		for _, o := range out {
			if o.node == e {
				return
			}
		}
		t := a11y.CollapseSpace(labelText(e, n))
		if t == "" {
			return
		}
		out = append(out, labelSource{node: e, text: t, seen: css.visible(p, e)})
	}
	for _, l := range p.Doc.Labels(n) {
		add(l)
	}
	if v, ok := n.AttrValue("aria-labelledby"); ok {
		refs, _ := p.Doc.IDRefs(n, v)
		for _, r := range refs {
			if r != n {
				add(r)
			}
		}
	}
	return out
}

// labelText returns the text of a label element without the text of the
// field it holds (a select's options, a textarea's content).
func labelText(l, field *a11y.Node) string {
	var b strings.Builder
	var walk func(m *a11y.Node)
	walk = func(m *a11y.Node) {
		b.WriteString(m.Before) // generated content, when a browser source knows it
		defer b.WriteString(m.After)
		for c := range m.FlatChildren() {
			switch {
			case c == field:
			case c.Type == a11y.TextNode:
				b.WriteString(c.Data)
			case c.Type == a11y.ElementNode:
				if c.Is(atom.Script, atom.Style, atom.Template, atom.Select, atom.Textarea, atom.Datalist) {
					continue
				}
				if d, ok := a11y.InlineValue(c, "display"); ok && strings.EqualFold(d.Value, "none") {
					continue
				}
				if c.Has("hidden") {
					continue
				}
				walk(c)
			}
		}
	}
	walk(l)
	return b.String()
}

// visibleLabelText returns the text of the labels of n that are seen (or
// may be), and whether any of them is certainly seen.
func visibleLabelText(p *a11y.Pass, css *authorStyles, n *a11y.Node) (string, bool) {
	var parts []string
	sure := false
	for _, l := range fieldLabelSources(p, css, n) {
		if l.seen == visNo {
			continue
		}
		parts = append(parts, l.text)
		if l.seen == visYes {
			sure = true
		}
	}
	return strings.Join(parts, " "), sure
}

// formOwner returns the form a field belongs to (its form attribute, else
// the nearest form ancestor), or nil.
func formOwner(p *a11y.Pass, n *a11y.Node) *a11y.Node {
	if id, ok := n.AttrValue("form"); ok {
		if f := p.Doc.ByID(n, id); f != nil && f.Is(atom.Form) {
			return f
		}
		return nil
	}
	return n.Closest(func(e *a11y.Node) bool { return e.Is(atom.Form) })
}

// groupContainer returns the nearest flat-tree ancestor of n that groups
// fields: a fieldset (keeping its group role) or an element with the
// explicit role group or radiogroup.
func groupContainer(p *a11y.Pass, n *a11y.Node) *a11y.Node {
	for e := flatParentElement(n); e != nil; e = flatParentElement(e) {
		r := roleOrImplicit(p, e)
		if r != "group" && r != "radiogroup" {
			continue
		}
		if e.Is(atom.Fieldset) || p.Doc.ExplicitRole(e) == r {
			return e
		}
	}
	return nil
}

// groupLegend returns the text that names a group container: its accessible
// name (a fieldset's legend, aria-label, aria-labelledby).
func groupLegend(p *a11y.Pass, g *a11y.Node) string {
	if g == nil {
		return ""
	}
	return p.Name(g)
}

// fieldGroup is the radio buttons or checkboxes of one form sharing a name.
type fieldGroup struct {
	kind    string // "radio" or "checkbox"
	name    string
	members []*a11y.Node
}

// fieldGroupsKey keys the field groups of a document in a11y.Document.Memo.
type fieldGroupsKey struct{}

// fieldGroups returns the radio and checkbox groups of the document, in
// document order: inputs of the same type, form and name. They are found
// once per document; callers must not change them.
func fieldGroups(p *a11y.Pass) []*fieldGroup {
	return p.Doc.Memo(fieldGroupsKey{}, func() any { return findFieldGroups(p) }).([]*fieldGroup)
}

func findFieldGroups(p *a11y.Pass) []*fieldGroup {
	type key struct {
		kind, name string
		form       *a11y.Node
		root       *a11y.Node
	}
	var out []*fieldGroup
	byKey := map[key]*fieldGroup{}
	for n := range p.Elements(atom.Input) {
		kind := inputKind(n)
		if kind != "radio" && kind != "checkbox" {
			continue
		}
		name := n.Get("name")
		if name == "" {
			continue
		}
		k := key{kind, name, formOwner(p, n), n.TreeRoot()}
		g := byKey[k]
		if g == nil {
			g = &fieldGroup{kind: kind, name: name}
			byKey[k] = g
			out = append(out, g)
		}
		g.members = append(g.members, n)
	}
	return out
}

// normalizeText lower-cases s and collapses white space, for word matching.
func normalizeText(s string) string {
	return a11y.CollapseSpace(strings.ToLower(s))
}

// hasWord reports whether text (normalised) contains phrase as whole words.
func hasWord(text, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], phrase)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(phrase)
		if (start == 0 || !wordRune(lastRune(text[:start]))) && (end == len(text) || !wordRune(firstRune(text[end:]))) {
			return true
		}
		i = start + 1
		if i >= len(text) {
			return false
		}
	}
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// anyWord reports whether text holds one of the phrases as whole words.
func anyWord(text string, phrases []string) bool {
	for _, ph := range phrases {
		if hasWord(text, ph) {
			return true
		}
	}
	return false
}
