package rules

import (
	"strconv"
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// nameRules lists this family's rules in registry order: elements that need
// an accessible name (images, buttons, links, form fields, frames…) and the
// judgement rules asking whether a name describes its element.
var nameRules = []*a11y.Rule{
	ImageAlt,
	InputImageAlt,
	SVGImgAlt,
	ObjectAlt,
	ButtonName,
	LinkName,
	FormFieldName,
	SummaryName,
	MenuitemName,
	FrameTitle,
	HeadingName,
	ImageAltDescriptive,
	LabelDescriptive,
}

// Questions a person answers to settle this family's cantTell outcomes.
const (
	// askNameWithStyles: the static view suggests no name, but style sheets
	// it cannot evaluate may hide the element or give it generated text.
	askNameWithStyles a11y.Question = "name-with-styles"
	// askNameDescriptive: does the name describe the image?
	askNameDescriptive a11y.Question = "image-name-descriptive"
	// askLabelDescriptive: does the label describe the field's purpose?
	askLabelDescriptive a11y.Question = "label-descriptive"
	// askObjectMedia: does the object show an image, sound or video?
	askObjectMedia a11y.Question = "object-media"
)

// maxNameQuoted bounds the accessible name a message quotes.
const maxNameQuoted = 120

// nameData returns the data of a message quoting an accessible name, trimmed.
func nameData(name string) a11y.Data {
	if len(name) > maxNameQuoted {
		cut := maxNameQuoted
		for cut > 0 && !utf8Start(name[cut]) {
			cut--
		}
		name = name[:cut] + "…"
	}
	return a11y.Data{"name": name}
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// nameMsgs are the three outcomes of a rule requiring a non-empty name.
type nameMsgs struct {
	has, none, unsure a11y.Msg
}

// requireName records whether n has a non-empty accessible name: passed,
// failed, or cantTell when the static view cannot settle it (style sheets it
// cannot evaluate might hide the element or give it generated text).
func requireName(p *a11y.Pass, n *a11y.Node, m nameMsgs) {
	if name := p.Name(n); name != "" {
		p.Pass(n, m.has, nameData(name))
		return
	}
	if !nameSettled(p, n) {
		p.CantTell(n, m.unsure, askNameWithStyles)
		return
	}
	p.Fail(n, m.none)
}

// nameSettled reports whether the document's facts settle both the name of
// n and whether n is rendered at all.
func nameSettled(p *a11y.Pass, n *a11y.Node) bool {
	return p.Doc.NameCertain(n) && p.Doc.RenderingCertain(n)
}

// progHidden reports the ACT "programmatically hidden": not
// rendered, visibility hidden, or inside aria-hidden="true".
func progHidden(p *a11y.Pass, n *a11y.Node) bool {
	if p.Hidden(n) {
		return true
	}
	for e := n; e != nil; e = e.FlatParent() {
		if e.IsElement() && strings.EqualFold(strings.TrimSpace(e.Get("aria-hidden")), "true") {
			return true
		}
	}
	return false
}

// decorativeRole reports the roles none and presentation.
func decorativeRole(role string) bool { return role == "none" || role == "presentation" }

// visibleForJudgement reports whether n can be seen, as far as the document
// tells: not hidden, not moved off the page by an inline style, and with a
// box of some size when layout is known. Judgement rules use it; they never
// fail, so a wrong guess costs a needless question, not a false failure.
func visibleForJudgement(p *a11y.Pass, n *a11y.Node) bool {
	if p.Hidden(n) {
		return false
	}
	if p.Has(a11y.NeedsLayout) && n.Box != nil {
		b := *n.Box
		if b.Empty() && !hasVisibleOverflow(n) || b.X+b.Width <= 0 || b.Y+b.Height <= 0 {
			return false
		}
	}
	for e := n; e != nil; e = e.FlatParent() {
		if e.IsElement() && movedOffPage(e) {
			return false
		}
	}
	return true
}

// hasVisibleOverflow reports an element whose content may show outside an
// empty box.
func hasVisibleOverflow(n *a11y.Node) bool {
	v, ok := n.StyleValue("overflow")
	return !ok || strings.TrimSpace(v) == "visible"
}

// movedOffPage reports the inline styles that take an element out of sight
// while keeping it for screen readers: absolute positioning far to the top or
// left, large negative margins, and the clip patterns of "visually hidden"
// classes.
func movedOffPage(n *a11y.Node) bool {
	if !n.Has("style") {
		return false // every test below reads the style attribute
	}
	pos, _ := a11y.InlineValue(n, "position")
	positioned := pos.Value == "absolute" || pos.Value == "fixed"
	far := func(prop string) bool {
		d, ok := a11y.InlineValue(n, prop)
		if !ok {
			return false
		}
		px, ok := cssPixels(d.Value)
		return ok && px <= -1000
	}
	if positioned && (far("left") || far("top")) {
		return true
	}
	if far("margin-left") || far("margin-top") {
		return true
	}
	if positioned {
		if c, ok := a11y.InlineValue(n, "clip"); ok {
			v := strings.ReplaceAll(strings.ToLower(c.Value), " ", "")
			if v == "rect(0,0,0,0)" || v == "rect(0000)" || v == "rect(1px,1px,1px,1px)" || v == "rect(1px1px1px1px)" {
				return true
			}
		}
	}
	if c, ok := a11y.InlineValue(n, "clip-path"); ok {
		v := strings.ReplaceAll(strings.ToLower(c.Value), " ", "")
		if v == "inset(50%)" || v == "inset(100%)" || v == "circle(0)" || v == "polygon(0000)" {
			return true
		}
	}
	return false
}

// cssPixels reads a length in px (or a unitless 0).
func cssPixels(v string) (float64, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	v = strings.TrimSuffix(v, "px")
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	return f, err == nil
}
