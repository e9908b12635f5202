package rules

import (
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// RequiredMarked: a field that must be filled in says so both in code
// (required or aria-required="true", so that screen readers announce it) and
// in its visible label (an asterisk explained on the page, or a word such as
// "obligatoriskt", "påkrevd" or "required"). When only one of the two
// exists, some people find out only when the form is rejected.
//
// Targets are fields in the accessibility tree that are not disabled or read
// only; radio buttons are taken as one group per name, marked in the group's
// legend. A required field passes with a visible mark (an asterisk counts
// when the page explains it; otherwise the rule asks), or when the form marks
// its optional fields instead ("valfritt", "valgfritt", "optional"). It
// fails without any visible mark. A field whose label carries a required mark
// fails when it is not required in code. In static mode, style sheets that
// generate marks with CSS content make a missing mark cantTell.
var RequiredMarked = &a11y.Rule{
	ID:       "required-marked",
	WCAG:     []string{"1.3.1", "3.3.2"},
	EN301549: []string{"9.1.3.1", "9.3.3.2"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{requiredMarkedMarked, requiredMarkedOptionalMarked, requiredMarkedNotMarked,
		requiredMarkedNotProgrammatic, requiredMarkedAsteriskUnexplained, requiredMarkedMaybeCSSMark},
	Tags:  []string{"forms", "labels"},
	Since: "0.1.0",
	Run:   runRequiredMarked,
}

const (
	requiredMarkedMarked              a11y.Msg = "required-marked.marked"
	requiredMarkedOptionalMarked      a11y.Msg = "required-marked.optional-marked"
	requiredMarkedNotMarked           a11y.Msg = "required-marked.not-marked"
	requiredMarkedNotProgrammatic     a11y.Msg = "required-marked.not-programmatic"
	requiredMarkedAsteriskUnexplained a11y.Msg = "required-marked.asterisk-unexplained"
	requiredMarkedMaybeCSSMark        a11y.Msg = "required-marked.maybe-css-mark"
)

// Questions of required-marked.
const (
	questionAsteriskExplained = "required-marked.asterisk-explained"
	questionCSSMark           = "required-marked.css-mark"
)

// requiredWords mark a field as required, in Swedish, Norwegian and English.
var requiredWords = []string{
	"obligatorisk", "obligatoriskt", "obligatoriska", "obligatorisk uppgift", "måste fyllas i", "måste anges", "krävs",
	"påkrevd", "påkrevet", "påkrevde", "må fylles ut", "skal fylles ut", "må fylles inn",
	"required", "mandatory", "must be filled in",
}

// requiredMarks are the words that, in a label, can only be a required mark
// (unlike "krävs", which a sentence may hold).
var requiredMarks = []string{"obligatorisk", "obligatoriskt", "påkrevd", "påkrevet", "required", "mandatory"}

// optionalWords mark a field as optional.
var optionalWords = []string{
	"valfri", "valfritt", "valfria", "frivillig", "frivilligt", "frivilliga", "inte obligatorisk", "ej obligatorisk",
	"valgfri", "valgfritt", "valgfrie", "ikke påkrevd", "ikke obligatorisk",
	"optional", "not required",
}

func runRequiredMarked(p *a11y.Pass) error {
	css := newAuthorStyles(p.Doc)
	explained := asteriskExplained(p)
	cssMarks := generatedMarks(css, p)
	optionalForms := map[*a11y.Node]bool{} // forms that mark their optional fields
	markedForms := map[*a11y.Node]bool{}   // forms that mark their required fields
	type item struct {
		target  *a11y.Node
		fields  []*a11y.Node
		text    string
		program bool
	}
	var items []item
	doneRadio := map[*a11y.Node]bool{}
	groups := map[*a11y.Node]*fieldGroup{}
	for _, g := range fieldGroups(p) {
		if g.kind == "radio" {
			for _, m := range g.members {
				groups[m] = g
			}
		}
	}
	for n := range p.Elements() {
		if !formField(p, n) || disabledElement(n) || n.Has("readonly") || doneRadio[n] {
			continue
		}
		if shownField(p, css, n) == visNo {
			continue
		}
		it := item{target: n, fields: []*a11y.Node{n}}
		if g := groups[n]; g != nil {
			for _, m := range g.members {
				doneRadio[m] = true
			}
			it.fields = g.members
			if c := groupContainer(p, n); c != nil {
				it.target = c
				if css.visible(p, c) != visNo {
					it.text = groupLegend(p, c)
				}
			}
		} else {
			it.text, _ = visibleLabelText(p, css, n)
		}
		for _, f := range it.fields {
			if requiredInCode(f) {
				it.program = true
			}
		}
		switch t := normalizeText(it.text); {
		case anyWord(t, optionalWords):
			optionalForms[formOwner(p, n)] = true
		case strings.Contains(t, "*") || anyWord(t, requiredWords):
			markedForms[formOwner(p, n)] = true
		}
		items = append(items, it)
	}
	for _, it := range items {
		text := normalizeText(it.text)
		if text == "" || anyWord(text, optionalWords) {
			continue // no visible label (visible-label reports it), or marked optional
		}
		star := strings.Contains(text, "*")
		word := anyWord(text, requiredWords)
		strong := star || anyWord(text, requiredMarks)
		data := a11y.Data{"label": excerpt(it.text)}
		switch {
		case it.program && word:
			p.Pass(it.target, requiredMarkedMarked, data)
		case it.program && star && explained:
			p.Pass(it.target, requiredMarkedMarked, data)
		case it.program && star:
			p.CantTell(it.target, requiredMarkedAsteriskUnexplained, data, a11y.Ask(questionAsteriskExplained))
		case it.program && optionalForms[formOwner(p, it.fields[0])] && !markedForms[formOwner(p, it.fields[0])]:
			p.Pass(it.target, requiredMarkedOptionalMarked, data)
		case it.program && cssMarks:
			p.CantTell(it.target, requiredMarkedMaybeCSSMark, data, a11y.Ask(questionCSSMark))
		case it.program:
			p.Fail(it.target, requiredMarkedNotMarked, data)
		case strong:
			p.Fail(it.target, requiredMarkedNotProgrammatic, data)
		}
	}
	return nil
}

// requiredInCode reports whether a field is required in code: the required
// attribute on a field that takes it, or aria-required="true".
func requiredInCode(n *a11y.Node) bool {
	if strings.EqualFold(trimHTMLSpace(n.Get("aria-required")), "true") {
		return true
	}
	if !n.Has("required") {
		return false
	}
	if n.Is(atom.Select, atom.Textarea) {
		return true
	}
	if n.Is(atom.Input) {
		switch inputKind(n) {
		case "range", "color", "hidden", "submit", "reset", "button", "image":
			return false
		}
		return true
	}
	return false
}

// asteriskExplained reports whether the page says in text, outside labels,
// what an asterisk means ("Fält markerade med * är obligatoriska",
// "* = påkrevd").
func asteriskExplained(p *a11y.Pass) bool {
	for n := range p.Elements() {
		if n.Is(atom.Label, atom.Script, atom.Style, atom.Template, atom.Head, atom.Title) {
			continue
		}
		t := normalizeText(textOutsideLabels(n, 400))
		if strings.Contains(t, "*") && anyWord(t, requiredWords) {
			return true
		}
	}
	return false
}

// textOutsideLabels returns the text of n without the text of labels,
// legends and fields inside it, or "" when n holds more than limit bytes of
// such text (a block that large is not an explanation of a mark).
func textOutsideLabels(n *a11y.Node, limit int) string {
	var b strings.Builder
	var walk func(m *a11y.Node) bool
	walk = func(m *a11y.Node) bool {
		for c := range m.Children() {
			switch {
			case c.Type == a11y.TextNode:
				b.WriteString(c.Data)
				if b.Len() > limit {
					return false
				}
			case c.Type == a11y.ElementNode:
				if c.Is(atom.Label, atom.Legend, atom.Input, atom.Select, atom.Textarea, atom.Script, atom.Style, atom.Template) {
					continue
				}
				if !walk(c) {
					return false
				}
			}
		}
		return true
	}
	if !walk(n) {
		return ""
	}
	return b.String()
}

// generatedMarks reports whether required marks may come from generated
// content: a browser source saw ::before/::after text with a mark, or (in
// static mode) a <style> rule generates an asterisk, a required word or an
// attribute's text, or a linked sheet the static source cannot read might.
func generatedMarks(css *authorStyles, p *a11y.Pass) bool {
	for n := range p.Elements() {
		if n.Before != "" || n.After != "" {
			if strings.Contains(n.Before+n.After, "*") || anyWord(normalizeText(n.Before+n.After), requiredWords) {
				return true
			}
		}
	}
	if p.Has(a11y.NeedsStyle) {
		return false
	}
	for n := range p.Elements(atom.Html) {
		t := css.tree(n)
		if t.external {
			return true
		}
		for _, r := range t.rules {
			for _, d := range r.decls {
				if d.Property != "content" {
					continue
				}
				v := strings.ToLower(d.Value)
				if strings.Contains(v, "*") || strings.Contains(v, `\2a`) || strings.Contains(v, "attr(") || anyWord(normalizeText(v), requiredWords) {
					return true
				}
			}
		}
	}
	return false
}
