package checker

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/delaktig/delaktig/a11y"
	"golang.org/x/net/html/atom"
)

// buildErrorState compares the page after a submission (doc) with the page
// just before it (s.before) and describes the error state. live and invalid
// are the live regions that got text and the fields the browser's
// constraint validation flagged, when the document stayed the same.
func buildErrorState(s *submission, doc *a11y.Document, live, invalid []*a11y.Node) *a11y.ErrorState {
	es := &a11y.ErrorState{Pass: s.pass, Submitted: s.submitted}
	switch {
	case s.reloaded:
		es.Reaction = a11y.ReactionReloaded
	case s.react.Invalid > 0 && s.react.Submit == 0:
		es.Reaction = a11y.ReactionNative
	case s.react.Mutations > 0:
		es.Reaction = a11y.ReactionUpdated
	default:
		es.Reaction = a11y.ReactionNone
	}
	title, _ := doc.Title()
	was, _ := s.before.Title()
	es.Title = norm(title)
	es.TitleChanged = es.Title != norm(was)

	after := newRender(doc)
	prev := newRender(s.before)
	es.Form = findForm(doc, s.signature)
	if es.Form == nil {
		return es
	}
	fields := formFields(doc, es.Form)
	keys := fieldKeys(fields)
	var beforeFields map[string]*a11y.Node
	if bf := findForm(s.before, s.signature); bf != nil {
		bfields := formFields(s.before, bf)
		beforeFields = map[string]*a11y.Node{}
		for i, k := range fieldKeys(bfields) {
			beforeFields[k] = bfields[i]
		}
	}
	info := map[string]fieldState{}
	for _, f := range s.fields {
		info[f.Key] = f
	}
	flagged := map[*a11y.Node]bool{}
	for _, n := range invalid {
		flagged[n] = true
	}
	sum := findSummary(doc, after, prev, fields)
	es.Summary = sum.node
	for i, n := range fields {
		fs, touched := info[keys[i]]
		f := &a11y.ErrorField{Node: n, Invalid: invalidAttr(n), NativeInvalid: flagged[n]}
		if touched {
			f.Value, f.Required, f.Typed = fs.Value, fs.Required, fs.Typed
		}
		b := beforeFields[keys[i]]
		f.Restyled = b != nil && !n.Focused && restyled(b, n)
		f.Messages = newTextNear(after, prev, n, b)
		f.Tied = tiedMessages(after, prev, n)
		f.InSummary = sum.names(doc, n)
		tried := touched && (s.pass == a11y.ErrorPassEmpty && fs.Required && fs.Empty || s.pass == a11y.ErrorPassInvalid && fs.Typed)
		if tried || f.ShowsError() {
			es.Fields = append(es.Fields, f)
		}
	}
	for n := range doc.Elements() {
		if n.Focused {
			es.Focus = n
		}
	}
	if s.reloaded {
		for n := range doc.Elements() {
			if strings.EqualFold(strings.TrimSpace(n.Get("role")), "alert") && after.visibleText(n) != "" && !prev.hasText(after.visibleText(n)) {
				es.Announced = append(es.Announced, n)
			}
		}
	} else {
		for _, n := range live {
			if after.visibleText(n) != "" || norm(n.Text()) != "" {
				es.Announced = append(es.Announced, n)
			}
		}
	}
	return es
}

// render is a rendering of a document with the text of its pages, for
// comparing two states.
type render struct {
	doc  *a11y.Document
	r    *a11y.Rendering
	text string // all visible text of the page, normalised
}

func newRender(doc *a11y.Document) *render {
	rd := &render{doc: doc, r: a11y.NewRendering(doc)}
	if b := doc.Body(); b != nil {
		rd.text = rd.visibleText(b)
	}
	return rd
}

// visibleText returns the normalised text of n's text nodes a user can see.
func (rd *render) visibleText(n *a11y.Node) string {
	var b strings.Builder
	walkTexts(n, nil, func(t *a11y.Node) {
		if rd.r.TextVisible(t) {
			b.WriteString(t.Data)
			b.WriteByte(' ')
		}
	})
	return norm(b.String())
}

// hasText reports whether the page showed text s anywhere.
func (rd *render) hasText(s string) bool { return s != "" && strings.Contains(rd.text, s) }

// walkTexts calls f for every text node under n in the flat tree, skipping
// the subtree of skip, scripts, styles, templates and options.
func walkTexts(n, skip *a11y.Node, f func(*a11y.Node)) {
	var visit func(m *a11y.Node, depth int)
	visit = func(m *a11y.Node, depth int) {
		if depth > 256 || m == skip {
			return
		}
		if m.Type == a11y.TextNode {
			f(m)
			return
		}
		if m.Type == a11y.ElementNode && m.Is(atom.Script, atom.Style, atom.Template, atom.Option, atom.Noscript, atom.Textarea, atom.Select) {
			return
		}
		for c := range m.FlatChildren() {
			visit(c, depth+1)
		}
	}
	visit(n, 0)
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// findForm returns the first form whose fields' names include signature.
func findForm(doc *a11y.Document, signature []string) *a11y.Node {
	for f := range doc.Elements(atom.Form) {
		names := map[string]bool{}
		for _, n := range formFields(doc, f) {
			names[n.Get("name")] = true
		}
		all := true
		for _, s := range signature {
			if !names[s] {
				all = false
				break
			}
		}
		if all {
			return f
		}
	}
	return nil
}

func invalidAttr(n *a11y.Node) bool {
	v, ok := n.AttrValue("aria-invalid")
	v = strings.ToLower(strings.TrimSpace(v))
	return ok && v != "" && v != "false"
}

// lookProps are the computed properties whose change shows a field as wrong.
var lookProps = []string{
	"border-top-color", "border-right-color", "border-bottom-color", "border-left-color",
	"border-top-style", "border-right-style", "border-bottom-style", "border-left-style",
	"border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
	"background-color", "background-image", "outline-style", "outline-color", "outline-width",
	"color", "box-shadow",
}

// restyled reports whether a field looks different after the submission.
func restyled(before, after *a11y.Node) bool {
	if before.Style == nil || after.Style == nil {
		return false
	}
	for _, p := range lookProps {
		a, okA := before.StyleValue(p)
		b, okB := after.StyleValue(p)
		if okA && okB && a != b {
			return true
		}
	}
	return false
}

// isField reports whether n is a form field a user fills in.
func isField(n *a11y.Node) bool {
	return n.Type == a11y.ElementNode && n.Is(atom.Input, atom.Select, atom.Textarea) &&
		(!n.Is(atom.Input) || !skippedInputs[strings.ToLower(strings.TrimSpace(n.Get("type")))])
}

// fieldRow returns the element around field n that holds its label, hints
// and messages: the highest of its three nearest ancestors holding no other
// field (radio buttons and check boxes of the same name count as one), or
// its parent when even that holds another field.
func fieldRow(n *a11y.Node) *a11y.Node {
	row := parentElement(n)
	for p, depth := row, 0; p != nil && depth < 3; p, depth = parentElement(p), depth+1 {
		if p.Is(atom.Form, atom.Body, atom.Html) || holdsOtherField(p, n) {
			break
		}
		row = p
	}
	return row
}

func holdsOtherField(p, n *a11y.Node) bool {
	other := false
	var visit func(m *a11y.Node, depth int)
	visit = func(m *a11y.Node, depth int) {
		if other || depth > 64 {
			return
		}
		for c := range m.FlatChildren() {
			if c.Type != a11y.ElementNode {
				continue
			}
			if c != n && isField(c) && (c.Get("name") == "" || c.Get("name") != n.Get("name")) {
				other = true
				return
			}
			visit(c, depth+1)
		}
	}
	visit(p, 0)
	return other
}

// maxMessages bounds the messages kept per field.
const maxMessages = 3

// newTextNear returns the visible elements in the row or the labels of
// field n whose text the page did not show before the submission (b is the
// field before, or nil); of nested elements only the outermost is kept.
func newTextNear(after, before *render, n, b *a11y.Node) []*a11y.Node {
	var places []*a11y.Node
	if row := fieldRow(n); row != nil {
		places = append(places, row)
	}
	for _, l := range after.doc.Labels(n) {
		if len(places) == 0 || !places[0].Contains(l) {
			places = append(places, l)
		}
	}
	was := before.text
	if b != nil {
		if row := fieldRow(b); row != nil {
			was = before.visibleText(row)
		}
		for _, l := range before.doc.Labels(b) {
			was += " " + before.visibleText(l)
		}
	}
	var out []*a11y.Node
	for _, place := range places {
		walkTexts(place, n, func(t *a11y.Node) {
			txt := norm(t.Data)
			if len([]rune(txt)) < 2 || strings.Contains(was, txt) || !after.r.TextVisible(t) {
				return
			}
			p := parentElement(t)
			if p == nil {
				return
			}
			for i, o := range out {
				if o == p || o.Contains(p) {
					return
				}
				if p.Contains(o) {
					out[i] = p
					return
				}
			}
			out = append(out, p)
		})
	}
	// merge messages split over inline elements into their common block
	for i, m := range out {
		for j := i + 1; j < len(out); j++ {
			if parentElement(out[j]) == parentElement(m) && parentElement(m) != nil && !isRow(parentElement(m), n) {
				out[i] = parentElement(m)
				out = append(out[:j], out[j+1:]...)
				j--
			}
		}
	}
	if len(out) > maxMessages {
		out = out[:maxMessages]
	}
	return out
}

// isRow reports whether p is the row of field n (messages are not merged into it).
func isRow(p, n *a11y.Node) bool { return p == fieldRow(n) || p.Contains(n) }

// tiedMessages returns the elements aria-errormessage or aria-describedby
// of field n names that show text, when the text is new (or the element was
// hidden) since before the submission; for aria-errormessage any shown text.
func tiedMessages(after, before *render, n *a11y.Node) []*a11y.Node {
	var out []*a11y.Node
	for _, attr := range []string{"aria-errormessage", "aria-describedby"} {
		v, ok := n.AttrValue(attr)
		if !ok {
			continue
		}
		found, _ := after.doc.IDRefs(n, v)
		for _, m := range found {
			txt := after.visibleText(m)
			if txt == "" || containsNode(out, m) {
				continue
			}
			if attr == "aria-describedby" {
				if old := before.doc.ByID(before.doc.Root, m.ID()); old != nil && before.visibleText(old) == txt {
					continue // a hint that was there before
				}
			}
			out = append(out, m)
		}
	}
	return out
}

func containsNode(ns []*a11y.Node, n *a11y.Node) bool {
	for _, m := range ns {
		if m == n {
			return true
		}
	}
	return false
}

// summary is an error summary of a page.
type summary struct {
	node   *a11y.Node
	linked map[*a11y.Node]bool // fields its links point to
	text   string
}

// summaryClass matches class names of error summaries and alerts.
var summaryClass = regexp.MustCompile(`(?i)error|fel|feil|summary|sammanfatt|oppsummer|alert|varning|advarsel`)

// findSummary finds an error summary: links with new text pointing to the
// form's fields (their container), or else a shown alert with new text.
func findSummary(doc *a11y.Document, after, before *render, fields []*a11y.Node) summary {
	byID := map[string]*a11y.Node{}
	for _, f := range fields {
		if id := f.ID(); id != "" {
			byID[id] = f
		}
	}
	s := summary{linked: map[*a11y.Node]bool{}}
	var first *a11y.Node
	for a := range doc.Elements(atom.A) {
		href := strings.TrimSpace(a.Get("href"))
		if !strings.HasPrefix(href, "#") || len(href) < 2 {
			continue
		}
		f := byID[href[1:]]
		if f == nil {
			if target := doc.ByID(a, href[1:]); target != nil {
				for _, ff := range fields {
					if target.Contains(ff) {
						f = ff
						break
					}
				}
			}
		}
		txt := after.visibleText(a)
		if f == nil || txt == "" || before.hasText(txt) {
			continue
		}
		s.linked[f] = true
		if first == nil {
			first = a
		}
	}
	if first != nil {
		s.node = summaryContainer(doc, first)
	} else {
		for n := range doc.Elements() {
			if n.Is(atom.Form, atom.Body, atom.Html) || holdsAnyField(n) {
				continue
			}
			role := strings.ToLower(strings.TrimSpace(n.Get("role")))
			if role != "alert" && !(summaryClass.MatchString(n.Get("class")) && hasList(n)) {
				continue
			}
			txt := after.visibleText(n)
			if txt == "" || before.hasText(txt) {
				continue
			}
			s.node = n
			break
		}
	}
	if s.node != nil {
		s.text = strings.ToLower(after.visibleText(s.node))
	}
	return s
}

// names reports whether the summary links to field n or names its label.
func (s summary) names(doc *a11y.Document, n *a11y.Node) bool {
	if s.linked[n] {
		return true
	}
	if s.node == nil {
		return false
	}
	for _, l := range doc.Labels(n) {
		if t := strings.ToLower(norm(strings.Trim(l.Text(), " *:"))); len([]rune(t)) >= 3 && strings.Contains(s.text, t) {
			return true
		}
	}
	return false
}

// summaryContainer returns the element holding an error summary's link.
func summaryContainer(doc *a11y.Document, link *a11y.Node) *a11y.Node {
	var list *a11y.Node
	for p := parentElement(link); p != nil && !p.Is(atom.Body, atom.Form, atom.Html); p = parentElement(p) {
		role := strings.ToLower(strings.TrimSpace(p.Get("role")))
		if role == "alert" || role == "group" || role == "region" || p.Has("tabindex") || summaryClass.MatchString(p.Get("class")) || p.Is(atom.Section, atom.Aside) {
			return p
		}
		if list == nil && p.Is(atom.Ul, atom.Ol) {
			list = p
		}
	}
	if list != nil {
		if p := parentElement(list); p != nil && !p.Is(atom.Body, atom.Form, atom.Main) {
			return p
		}
		return list
	}
	return parentElement(link)
}

func holdsAnyField(n *a11y.Node) bool {
	found := false
	var visit func(m *a11y.Node, depth int)
	visit = func(m *a11y.Node, depth int) {
		if found || depth > 64 {
			return
		}
		for c := range m.FlatChildren() {
			if isField(c) {
				found = true
				return
			}
			if c.Type == a11y.ElementNode {
				visit(c, depth+1)
			}
		}
	}
	visit(n, 0)
	return found
}

func hasList(n *a11y.Node) bool {
	for c := range n.ElementChildren() {
		if c.Is(atom.Ul, atom.Ol) {
			return true
		}
		if hasList(c) {
			return true
		}
	}
	return false
}

// jsonString returns v as a JavaScript literal.
func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
