package rules

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// renderedRules lists this family's rules in registry order: rules that need
// the rendered page (computed styles, boxes, focus renderings), which a
// browser source fills into the document.
var renderedRules = []*a11y.Rule{
	ColorContrast,
	LinkInTextBlock,
	NonTextContrast,
	TargetSize,
	ScrollableRegionFocusable,
	LabelInName,
	FocusVisible,
	FocusNotObscured,
}

// widgetOrGroupRoles are the roles that inherit from widget or group, the
// "inheriting semantic" roles ACT rules use for disabled ancestors.
var widgetOrGroupRoles = map[string]bool{
	"button": true, "checkbox": true, "gridcell": true, "link": true, "menuitem": true,
	"menuitemcheckbox": true, "menuitemradio": true, "option": true, "progressbar": true,
	"radio": true, "scrollbar": true, "searchbox": true, "separator": true, "slider": true,
	"spinbutton": true, "switch": true, "tab": true, "tabpanel": true, "textbox": true,
	"treeitem": true, "combobox": true, "grid": true, "listbox": true, "menu": true,
	"menubar": true, "radiogroup": true, "tablist": true, "tree": true, "treegrid": true,
	"group": true, "row": true, "toolbar": true, "columnheader": true, "rowheader": true,
}

// widgetOrGroup reports whether n has a role inheriting from widget or
// group; native form controls count whatever role is computed for them.
func widgetOrGroup(p *a11y.Pass, n *a11y.Node) bool {
	return widgetOrGroupRoles[p.Role(n)] ||
		n.Is(atom.Button, atom.Input, atom.Select, atom.Textarea, atom.Fieldset, atom.Optgroup, atom.Option)
}

// actDisabled reports whether n is disabled as ACT defines it: actually
// disabled in HTML (a disabled form control, or a control in a disabled
// fieldset outside its first legend, or an option in a disabled optgroup),
// or with aria-disabled="true" on n or a shadow-including ancestor.
func actDisabled(n *a11y.Node) bool {
	for e := n; e != nil; e = e.FlatParent() {
		if e.Type == a11y.ElementNode && strings.EqualFold(strings.TrimSpace(e.Get("aria-disabled")), "true") {
			return true
		}
	}
	if !n.Is(atom.Button, atom.Input, atom.Select, atom.Textarea, atom.Optgroup, atom.Option, atom.Fieldset) {
		return false
	}
	if n.Has("disabled") {
		return true
	}
	if n.Is(atom.Option) {
		if p := n.Parent; p != nil && p.Is(atom.Optgroup) && p.Has("disabled") {
			return true
		}
		return false
	}
	if n.Is(atom.Optgroup) {
		return false
	}
	child := n
	for e := n.Parent; e != nil; child, e = e, e.Parent {
		if !e.Is(atom.Fieldset) || !e.Has("disabled") {
			continue
		}
		if legend := fieldsetFirstLegend(e); legend != nil && legend == child {
			continue // inside the first legend: not disabled by this fieldset
		}
		return true
	}
	return false
}

func fieldsetFirstLegend(fs *a11y.Node) *a11y.Node {
	for c := range fs.ElementChildren() {
		if c.Is(atom.Legend) {
			return c
		}
	}
	return nil
}

// disabledContext finds text that belongs to a disabled widget: inside a
// disabled widget or group, or inside an element that names a disabled
// widget (its label, an aria-labelledby target).
type disabledContext struct {
	p      *a11y.Pass
	labels map[*a11y.Node]bool
	memo   map[*a11y.Node]bool
}

func newDisabledContext(p *a11y.Pass) *disabledContext {
	c := &disabledContext{p: p, labels: map[*a11y.Node]bool{}, memo: map[*a11y.Node]bool{}}
	for n := range p.Elements() {
		if !widgetOrGroup(p, n) || !actDisabled(n) {
			continue
		}
		for _, l := range p.Doc.Labels(n) {
			c.labels[l] = true
		}
		if v, ok := n.AttrValue("aria-labelledby"); ok {
			found, _ := p.Doc.IDRefs(n, v)
			for _, l := range found {
				c.labels[l] = true
			}
		}
	}
	return c
}

// excluded reports whether content of element n belongs to a disabled widget.
func (c *disabledContext) excluded(n *a11y.Node) bool {
	if v, ok := c.memo[n]; ok {
		return v
	}
	v := false
	if c.labels[n] || widgetOrGroup(c.p, n) && actDisabled(n) {
		v = true
	} else if parent := renderedParent(n); parent != nil {
		v = c.excluded(parent)
	}
	c.memo[n] = v
	return v
}

// iconFont reports whether a computed font-family list starts with an icon
// font, whose "letters" are pictures (Material Icons ligatures, Font Awesome…).
func iconFontFamily(family string) bool {
	first, _, _ := strings.Cut(family, ",")
	f := strings.ToLower(strings.Trim(strings.TrimSpace(first), `"'`))
	for _, k := range []string{"icon", "awesome", "glyph", "symbols", "mdl2", "dingbat", "webding", "wingding"} {
		if strings.Contains(f, k) {
			return true
		}
	}
	return false
}

// lettersAndDigits counts the letters and digits of s.
func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			n++
		}
	}
	return n
}

// ratioText formats a contrast ratio for messages, rounded down so that a
// failing ratio never reads as the threshold ("4.49:1", not "4.5:1").
func contrastText(r float64) string {
	return strconv.FormatFloat(math.Floor(r*100)/100, 'f', -1, 64) + ":1"
}

// colorHex formats an opaque colour as #rrggbb.
func colorHex(c a11y.Color) string {
	const digits = "0123456789abcdef"
	var b [7]byte
	b[0] = '#'
	for i, v := range [3]float64{c.R, c.G, c.B} {
		n := int(math.Round(math.Max(0, math.Min(255, v))))
		b[1+2*i], b[2+2*i] = digits[n>>4], digits[n&15]
	}
	return string(b[:])
}

// pxText formats a length in CSS pixels for messages ("23.5").
func pixelText(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// clip shortens page text quoted in a message.
func shortText(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return string(r[:max-1]) + "…"
}

// renderedParent returns the parent element of n in the flat tree, or nil.
func renderedParent(n *a11y.Node) *a11y.Node {
	for p := n.FlatParent(); p != nil; p = p.FlatParent() {
		if p.Type == a11y.ElementNode {
			return p
		}
	}
	return nil
}
