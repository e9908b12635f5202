package rules

import (
	"strings"
	"unicode"

	"golang.org/x/net/html/atom"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/delaktig/delaktig/a11y"
)

// LabelInName: a widget whose name is set with aria-label or
// aria-labelledby has a name that contains its visible text, so that people
// using speech input can say what they see. ACT 2ee8b8, WCAG 2.5.3.
//
// The rule applies to elements with a widget role that takes its name from
// content (button, checkbox, gridcell, link, menuitem, menuitemcheckbox,
// menuitemradio, option, radio, searchbox, switch, tab, treeitem), with
// visible text and an aria-label or aria-labelledby attribute. The visible
// inner text and the name are compared with ACT's label-in-name algorithm:
// text in round brackets is dropped, case is folded, the text is normalised
// (NFKD, with combining marks removed so that "för" and "for" compare as
// they are written), everything but letters and digits separates words, and
// the label's words must appear, in order and next to each other, in the
// name. A label that is a lone "x" (a close symbol) and text in an icon font
// count as symbols, not words.
//
// ACT leaves out labels and names with abbreviations or words hyphenated
// differently: a mismatch that joining hyphenated words removes gives no
// outcome, and one that an abbreviation ("Ave." for "Avenue") may explain
// is cantTell.
//
// The rule needs only the DOM. With computed styles it reads display and
// visibility from them; without, it reads the style attribute and the
// browser defaults, and because style sheets could hide text or change how
// words are separated, a mismatch in a page with style sheets is cantTell
// rather than failed.
var LabelInName = &a11y.Rule{
	ID:       "label-in-name",
	WCAG:     []string{"2.5.3"},
	ACT:      []string{"2ee8b8"},
	EN301549: []string{"9.2.5.3"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{labelContained, labelSymbol, labelNotContained, labelAbbreviation, labelStyles},
	Tags:     []string{"speech", "names"},
	Since:    "0.1.0",
	Run:      runLabelInName,
}

const (
	labelContained    a11y.Msg = "label-in-name.contained"
	labelSymbol       a11y.Msg = "label-in-name.symbol"
	labelNotContained a11y.Msg = "label-in-name.not-contained"
	labelAbbreviation a11y.Msg = "label-in-name.abbreviation"
	labelStyles       a11y.Msg = "label-in-name.styles"
)

// questionLabelSpoken asks whether the visible label can be spoken as the name.
const questionLabelSpoken = "label-in-name.spoken"

// nameFromContentWidgets are the widget roles that support name from content.
var nameFromContentWidgets = map[string]bool{
	"button": true, "checkbox": true, "gridcell": true, "link": true, "menuitem": true,
	"menuitemcheckbox": true, "menuitemradio": true, "option": true, "radio": true,
	"searchbox": true, "switch": true, "tab": true, "treeitem": true,
}

func runLabelInName(p *a11y.Pass) error {
	r := p.Doc.Rendering()
	computed := p.Has(a11y.NeedsStyle)
	sheets := !computed && hasStyleSheets(p.Doc)
	for n := range p.Elements() {
		if !n.Has("aria-label") && !n.Has("aria-labelledby") {
			continue
		}
		if !nameFromContentWidgets[p.Role(n)] {
			continue
		}
		w := innerTextWalk{r: r, computed: computed}
		w.element(n, true)
		if !w.visibleText {
			continue
		}
		label := w.b.String()
		name := p.Name(n)
		data := a11y.Data{"label": shortText(label, 80), "name": shortText(name, 80)}
		lt := labelTokens(label)
		if len(lt) == 1 && lt[0] == "x" {
			p.Pass(n, labelSymbol, data)
			continue
		}
		if containsRun(labelTokens(name), lt) {
			p.Pass(n, labelContained, data)
			continue
		}
		if containsRun(labelTokens(dehyphen(name)), labelTokens(dehyphen(label))) {
			continue // words hyphenated differently: outside ACT's applicability
		}
		switch {
		case abbreviated(label, name):
			p.CantTell(n, labelAbbreviation, data, a11y.Ask(questionLabelSpoken))
		case sheets:
			p.CantTell(n, labelStyles, data, a11y.Ask(questionLabelSpoken))
		default:
			p.Fail(n, labelNotContained, data)
		}
	}
	return nil
}

// hasStyleSheets reports whether the document has author style sheets
// (<style> elements or linked sheets) that a static check does not apply.
func hasStyleSheets(d *a11y.Document) bool {
	for range d.Elements(atom.Style) {
		return true
	}
	for l := range d.Elements(atom.Link) {
		for _, rel := range strings.Fields(strings.ToLower(l.Get("rel"))) {
			if rel == "stylesheet" {
				return true
			}
		}
	}
	return false
}

// innerTextWalk builds ACT's "visible inner text" of an element.
type innerTextWalk struct {
	r           *a11y.Rendering
	computed    bool // computed styles are known
	b           strings.Builder
	visibleText bool // some visible text node was met
}

// element appends the visible inner text of element e.
func (w *innerTextWalk) element(e *a11y.Node, top bool) {
	if e.Namespace != a11y.NamespaceHTML {
		return // SVG and MathML text is not read here
	}
	display := w.display(e)
	if display == "none" || e.Has("hidden") && !w.computed || unrendered(e) {
		return
	}
	if !top && w.hiddenVisibility(e) {
		// rendered but not visible: a space when it takes room
		if e.Box == nil || e.Box.Width > 0 {
			w.b.WriteByte(' ')
		}
		return
	}
	if w.computed && !top && !w.r.Visible(e) && w.r.Style(e, "visibility") == "visible" {
		if e.Box != nil && e.Box.Width > 0 {
			w.b.WriteByte(' ')
		}
		return
	}
	if e.Is(atom.Br) {
		w.b.WriteByte('\n')
		return
	}
	sep := ""
	switch {
	case blockDisplay(display):
		sep = "\n"
	case display == "table-cell" || display == "table-row":
		sep = " "
	}
	w.b.WriteString(sep)
	icon := iconFontFamily(w.r.Style(e, "font-family"))
	for c := range e.FlatChildren() {
		switch c.Type {
		case a11y.TextNode:
			w.text(c, e, icon)
		case a11y.ElementNode:
			w.element(c, false)
		}
	}
	w.b.WriteString(sep)
}

// text appends the visible inner text of text node t in element parent:
// its text with each run of white space made one space.
func (w *innerTextWalk) text(t, parent *a11y.Node, icon bool) {
	blank := strings.TrimFunc(t.Data, unicode.IsSpace) == ""
	visible := !blank && !w.hiddenVisibility(parent)
	if visible && w.computed {
		visible = w.r.TextVisible(t)
	}
	switch {
	case visible && icon:
		w.visibleText = true
		w.b.WriteByte(' ') // an icon is not a word
	case visible:
		w.visibleText = true
		space := false
		for _, r := range t.Data {
			if unicode.IsSpace(r) {
				space = true
				continue
			}
			if space {
				w.b.WriteByte(' ')
				space = false
			}
			w.b.WriteRune(r)
		}
		if space {
			w.b.WriteByte(' ')
		}
	case blank:
		w.b.WriteByte(' ')
	}
}

// display returns the display of e: computed, else the style attribute's,
// else the browser default for its tag.
func (w *innerTextWalk) display(e *a11y.Node) string {
	if w.computed {
		return strings.ToLower(w.r.Style(e, "display"))
	}
	if d, ok := a11y.InlineValue(e, "display"); ok {
		return strings.ToLower(strings.TrimSpace(d.Value))
	}
	switch e.DataAtom {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Center, atom.Dd, atom.Details,
		atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup,
		atom.Hr, atom.Legend, atom.Listing, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Plaintext,
		atom.Pre, atom.Search, atom.Section, atom.Summary, atom.Ul, atom.Xmp, atom.Html:
		return "block"
	case atom.Li:
		return "list-item"
	case atom.Table:
		return "table"
	case atom.Caption:
		return "table-caption"
	case atom.Tr:
		return "table-row"
	case atom.Td, atom.Th:
		return "table-cell"
	}
	return "inline"
}

// hiddenVisibility reports whether e has visibility hidden or collapse.
func (w *innerTextWalk) hiddenVisibility(e *a11y.Node) bool {
	v := strings.ToLower(w.r.Style(e, "visibility"))
	return v == "hidden" || v == "collapse"
}

// blockDisplay reports whether a display value has an outer display type of
// block (or is table-caption).
func blockDisplay(d string) bool {
	switch d {
	case "block", "flow-root", "list-item", "flex", "grid", "table", "table-caption", "block flow", "block flex",
		"block grid", "block flow-root", "block table", "-webkit-box":
		return true
	}
	return false
}

// unrendered reports elements whose content is never shown as text.
func unrendered(e *a11y.Node) bool {
	return e.Is(atom.Script, atom.Style, atom.Template, atom.Head, atom.Title, atom.Noscript, atom.Datalist)
}

// labelTokens splits text into the words the label-in-name algorithm compares.
func labelTokens(s string) []string {
	s = dropParenthesised(s)
	s = cases.Fold().String(s)
	s = norm.NFKD.String(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			// combining marks: drop, keeping the base letter in its word
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Fields(b.String())
}

// dropParenthesised removes text between round brackets, brackets included.
func dropParenthesised(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
			b.WriteByte(' ')
		case r == ')' && depth > 0:
			depth--
		case r == ')':
			b.WriteByte(' ')
		case depth == 0:
			b.WriteRune(r)
		}
	}
	if depth > 0 {
		// an unclosed bracket: keep the text, drop the bracket
		return strings.NewReplacer("(", " ", ")", " ").Replace(s)
	}
	return b.String()
}

// containsRun reports whether sub appears in list as consecutive items.
func containsRun(list, sub []string) bool {
	if len(sub) == 0 {
		return true
	}
	for i := 0; i+len(sub) <= len(list); i++ {
		match := true
		for j := range sub {
			if list[i+j] != sub[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// dehyphen joins words split by a hyphen ("non-standard" → "nonstandard").
func dehyphen(s string) string {
	return strings.NewReplacer("-", "", "\u2010", "", "\u2011", "", "\u00ad", "").Replace(s)
}

// abbreviated reports whether one text holds a word of letters ending in a
// full stop that begins a longer word of the other ("Ave." and "Avenue").
func abbreviated(label, name string) bool {
	check := func(a, b string) bool {
		words := labelTokens(b)
		for _, f := range strings.Fields(a) {
			if !strings.HasSuffix(f, ".") {
				continue
			}
			t := labelTokens(f)
			if len(t) != 1 || !onlyLetters(t[0]) {
				continue
			}
			for _, w := range words {
				if len(w) > len(t[0]) && strings.HasPrefix(w, t[0]) {
					return true
				}
			}
		}
		return false
	}
	return check(label, name) || check(name, label)
}

func onlyLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}
