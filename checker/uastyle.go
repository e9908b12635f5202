package checker

import (
	"errors"
	"strconv"
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// Some properties the rules read are set by the user agent style sheet on
// a few kinds of element only, by the element's name, type and a few
// attributes: the pointer cursor of links, the italics of <em>, the
// underline of links, the native look of form controls, the clipping of
// images and controls. When no author style declares such a property, its
// computed value follows from the element (and, for an inherited property,
// from its parent's value), so a capture leaves it out and the conversion
// works it out (uaValues). Tests render every HTML element, and controls
// in every state (disabled, read-only, in disabled fieldsets, list boxes),
// with no author style and require the worked-out values to equal Chrome's.
//
// What the element alone cannot tell keeps the property in the capture: a
// <dialog> or popover (modal or shown is a state, not an attribute), a
// MathML link, a frame set, an open shadow root (inherited values follow
// the flat tree), or author styles giving a control another appearance.
// The style scan reports these as declarations of the properties
// concerned; should the capture meet one the scan did not see (the page
// changed in between), the conversion fails with errUnmodeled and the
// snapshot is taken again with every property.

// uaModeled lists the properties worked out from the element when the
// page's styles do not declare them, with whether they are inherited.
var uaModeled = map[string]bool{
	"cursor":               true,
	"font-style":           true,
	"text-decoration-line": false,
	"appearance":           false,
	"position":             false,
	"overflow-x":           false,
	"overflow-y":           false,
	"opacity":              false,
}

// errUnmodeled is returned by the conversion when an element's user agent
// style for a property left out of the capture depends on more than the
// element (see uaModeled).
var errUnmodeled = errors.New("checker: the capture left out a property this page's elements need")

// uaStyle holds the user agent's values of the uaModeled properties for one
// element.
type uaStyle struct {
	cursor, fontStyle, decoration, appearance, overflowX, overflowY, opacity string
}

// value returns the value of property p.
func (u *uaStyle) value(p string) string {
	switch p {
	case "cursor":
		return u.cursor
	case "font-style":
		return u.fontStyle
	case "text-decoration-line":
		return u.decoration
	case "appearance":
		return u.appearance
	case "position":
		return "static"
	case "overflow-x":
		return u.overflowX
	case "overflow-y":
		return u.overflowY
	case "opacity":
		return u.opacity
	}
	return ""
}

// uaRoot is what an element with no parent element inherits.
var uaRoot = uaStyle{cursor: "auto", fontStyle: "normal"}

// uaValues returns the user agent's values of the uaModeled properties for
// element n, whose parent element has parent (uaRoot at the top). unsure
// lists the properties whose value depends on more than the element.
func uaValues(n *a11y.Node, parent *uaStyle, hasParent bool) (u uaStyle, unsure []string) {
	u = uaStyle{cursor: parent.cursor, fontStyle: parent.fontStyle, decoration: "none", appearance: "none", overflowX: "visible", overflowY: "visible", opacity: "1"}
	if n.Has("popover") {
		unsure = append(unsure, "position", "overflow-x", "overflow-y")
	}
	switch n.Namespace {
	case a11y.NamespaceSVG:
		switch n.Data {
		case "a":
			if n.Has("href") { // xlink:href too
				u.cursor = "pointer"
			}
		case "svg":
			if hasParent {
				u.overflowX, u.overflowY = "hidden", "hidden"
			}
		case "symbol", "image", "marker", "pattern", "foreignObject":
			u.overflowX, u.overflowY = "hidden", "hidden"
		}
		return u, unsure
	case a11y.NamespaceMath:
		if n.Has("href") {
			unsure = append(unsure, "cursor", "text-decoration-line")
		}
		return u, unsure
	}
	clip := func(v string) { u.overflowX, u.overflowY = v, v }
	switch n.Data {
	case "input", "button", "select", "textarea":
		u.fontStyle = "normal" // the controls' font resets the style
	}
	switch n.Data {
	case "a":
		if n.Has("href") {
			u.cursor, u.decoration = "pointer", "underline"
		}
	case "u", "ins":
		u.decoration = "underline"
	case "abbr", "acronym":
		if n.Has("title") {
			u.decoration = "underline"
		}
	case "s", "strike", "del":
		u.decoration = "line-through"
	case "i", "em", "cite", "var", "dfn", "address":
		u.fontStyle = "italic"
	case "label":
		u.cursor = "default"
	case "button":
		u.cursor, u.appearance = "default", "auto"
	case "meter", "progress":
		u.appearance = "auto"
	case "select":
		u.cursor, u.appearance = "default", "auto"
		if a11y.DisabledControl(n) {
			u.opacity = "0.7"
		}
		if listBox(n) {
			u.overflowX, u.overflowY = "hidden", "scroll"
		} else {
			clip("clip")
		}
	case "textarea":
		u.cursor, u.appearance = "text", "auto"
		if a11y.DisabledControl(n) {
			u.cursor = "default"
		}
		clip("auto")
	case "input":
		u.cursor, u.appearance = "default", "auto"
		clip("clip")
		switch typ := strings.ToLower(strings.TrimSpace(n.Get("type"))); typ {
		case "image":
			u.cursor, u.appearance = "pointer", "none"
		case "file":
			u.appearance = "none"
		case "checkbox", "radio", "range":
			clip("visible")
		case "hidden": // shown only by an author style, which the page then has
			unsure = append(unsure, "cursor", "appearance", "overflow-x", "overflow-y")
		case "button", "submit", "reset", "color", "date", "time", "datetime-local", "month", "week":
		default: // text fields, and unknown types, which are text fields
			u.cursor = "text"
		}
		if a11y.DisabledControl(n) {
			u.cursor = "default"
		}
	case "img", "video", "canvas", "iframe", "embed", "object":
		clip("clip")
	case "hr", "marquee":
		clip("hidden")
	case "dialog":
		unsure = append(unsure, "position", "overflow-x", "overflow-y")
	case "frame", "frameset":
		unsure = append(unsure, "cursor", "overflow-x", "overflow-y")
	}
	return u, unsure
}

// listBox reports whether a <select> shows as a list box rather than a
// drop-down: its size asks for more than one row or, with no usable size,
// it allows several choices.
func listBox(n *a11y.Node) bool {
	if size := htmlSize(n.Get("size")); size > 0 {
		return size > 1
	}
	return n.Has("multiple")
}

// htmlSize reads a size attribute as HTML reads a non-negative integer
// (leading white space, digits, anything after them ignored); 0 when it
// has none.
func htmlSize(v string) int {
	v = strings.TrimLeft(v, " \t\n\f\r")
	v = strings.TrimPrefix(v, "+")
	end := 0
	for end < len(v) && end < 9 && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	size, _ := strconv.Atoi(v[:end])
	return size
}
