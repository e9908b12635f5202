package rules

import (
	"math"
	"strconv"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// OrientationLock: the page is not locked to portrait or landscape by
// rotating it with CSS when the device turns. People who have their tablet
// or phone mounted on a wheelchair or a bed cannot turn it; a page that
// rotates itself a quarter turn against the device stays sideways for them.
//
// ACT b33eff. Targets are seen elements that a <style> rule under an
// (orientation: landscape|portrait) media query gives a rotate property or a
// transform with rotate, rotate3d, rotateZ, matrix or matrix3d. The rule
// works out the element's rotation in each orientation from the style
// attribute and the <style> sheets (importance, specificity, order) and fails
// a difference of a quarter turn. Media queries with other conditions,
// selectors it cannot read, 3D rotations and skews make it cantTell; linked
// style sheets are not read, so an orientation lock in them is not found.
var OrientationLock = &a11y.Rule{
	ID:       "orientation-lock",
	WCAG:     []string{"1.3.4"},
	ACT:      []string{"b33eff"},
	EN301549: []string{"9.1.3.4"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{orientationLockFollows, orientationLockLocked, orientationLockUnsure},
	Tags:     []string{"css", "mobile"},
	Since:    "0.1.0",
	Run:      runOrientationLock,
}

const (
	orientationLockFollows a11y.Msg = "orientation-lock.follows-device"
	orientationLockLocked  a11y.Msg = "orientation-lock.locked"
	orientationLockUnsure  a11y.Msg = "orientation-lock.unsure"
)

// questionOrientation asks whether the page turns with the device.
const questionOrientation = "orientation-lock.turns-with-device"

func runOrientationLock(p *a11y.Pass) error {
	css := newAuthorStyles(p.Doc)
	if !css.anyTreeDeclares("transform", "rotate") {
		return nil
	}
	for e := range p.Elements() {
		t := css.tree(e)
		if !t.props["transform"] && !t.props["rotate"] {
			continue
		}
		h := t.node(e)
		if h == nil || !orientationTarget(t, h) {
			continue
		}
		seen := css.visible(p, e)
		if seen == visNo || !hasSeeableContent(e) {
			continue
		}
		land, okL := orientedRotation(t, e, "landscape")
		port, okP := orientedRotation(t, e, "portrait")
		if !okL || !okP {
			p.CantTell(e, orientationLockUnsure, a11y.Ask(questionOrientation))
			continue
		}
		rel := math.Mod(port-land, 360)
		if rel < 0 {
			rel += 360
		}
		data := a11y.Data{"degrees": strconv.FormatFloat(math.Round(rel), 'f', -1, 64)}
		quarter := math.Abs(rel-90) < 1 || math.Abs(rel-270) < 1
		switch {
		case !quarter:
			p.Pass(e, orientationLockFollows, data)
		case seen == visYes:
			p.Fail(e, orientationLockLocked, data)
		default:
			p.CantTell(e, orientationLockUnsure, a11y.Ask(questionOrientation))
		}
	}
	return nil
}

// hasSeeableContent reports whether n holds something to see: text, or an image,
// video, canvas, SVG, frame or form control.
func hasSeeableContent(n *a11y.Node) bool {
	if !blank(n.Text()) {
		return true
	}
	found := false
	var walk func(m *a11y.Node)
	walk = func(m *a11y.Node) {
		for c := range m.FlatChildren() {
			if found {
				return
			}
			if c.Type == a11y.ElementNode {
				if c.Is(atom.Img, atom.Video, atom.Canvas, atom.Svg, atom.Iframe, atom.Input, atom.Select, atom.Textarea, atom.Button, atom.Object, atom.Embed) || c.Namespace == a11y.NamespaceSVG {
					found = true
					return
				}
				walk(c)
			}
		}
	}
	walk(n)
	return found
}

// orientationTarget reports whether a rule under an orientation media query
// gives the element h a rotate property or a rotating transform.
func orientationTarget(t *treeStyles, h *html.Node) bool {
	for _, r := range t.rules {
		if !strings.Contains(r.media, "orientation") || screenMedia(r.media) == condFalse {
			continue
		}
		rotates := false
		for _, d := range r.decls {
			switch d.Property {
			case "rotate":
				_, _, valid := parseRotateProperty(d.Value)
				rotates = rotates || valid
			case "transform":
				_, _, valid, rotating := parseTransform(d.Value)
				rotates = rotates || valid && rotating
			}
		}
		if !rotates {
			continue
		}
		for _, sel := range r.sels {
			if sel.pseudo == "" && sel.sel != nil && sel.sel.Match(h) {
				return true
			}
		}
	}
	return false
}

// orientedRotation returns the rotation of e about the z axis, in degrees,
// when the device is in orientation o ("landscape" or "portrait"); ok is
// false when the sheets do not settle it.
func orientedRotation(t *treeStyles, e *a11y.Node, o string) (float64, bool) {
	total := 0.0
	for _, prop := range []string{"rotate", "transform"} {
		d, ok := orientedValue(t, e, prop, o)
		if !ok {
			return 0, false
		}
		if d == nil {
			continue
		}
		var deg float64
		var sure bool
		if prop == "rotate" {
			deg, sure, _ = parseRotateProperty(d.Value)
		} else {
			deg, sure, _, _ = parseTransform(d.Value)
		}
		if !sure {
			return 0, false
		}
		total += deg
	}
	return total, true
}

// validRotationDecl reports whether a rotate or transform declaration is one
// browsers keep (an invalid value is dropped, as if not written).
func validRotationDecl(d a11y.Declaration) bool {
	if d.Property == "rotate" {
		_, _, ok := parseRotateProperty(d.Value)
		return ok
	}
	_, _, ok, _ := parseTransform(d.Value)
	return ok
}

// orientedValue returns the declaration of prop that wins on e in
// orientation o (nil when none); ok is false when a rule whose condition or
// selector cannot be evaluated might win.
func orientedValue(t *treeStyles, e *a11y.Node, prop, o string) (*a11y.Declaration, bool) {
	type cand struct {
		d         a11y.Declaration
		inline    bool
		spec      cascadia.Specificity
		order     int
		undecided bool
	}
	beats := func(a, b *cand) bool {
		if a.d.Important != b.d.Important {
			return a.d.Important
		}
		if a.inline != b.inline {
			return a.inline
		}
		if a.spec != b.spec {
			return b.spec.Less(a.spec)
		}
		return a.order > b.order
	}
	var cands []cand
	for i, d := range a11y.InlineStyle(e) {
		if d.Property == prop && validRotationDecl(d) {
			cands = append(cands, cand{d: d, inline: true, order: i})
		}
	}
	h := t.node(e)
	for _, r := range t.rules {
		cond := evalMedia(r.media, o)
		if cond == condFalse {
			continue
		}
		for _, d := range r.decls {
			if d.Property != prop || !validRotationDecl(d) {
				continue
			}
			matched, unreadable := false, false
			var spec cascadia.Specificity
			for _, sel := range r.sels {
				switch {
				case sel.pseudo != "":
				case sel.sel == nil:
					matched, unreadable = true, true
				case h != nil && sel.sel.Match(h):
					if !matched || spec.Less(sel.spec) {
						spec = sel.spec
					}
					matched = true
				}
			}
			if matched {
				cands = append(cands, cand{d: d, spec: spec, order: r.order, undecided: unreadable || cond == condUnknown})
			}
		}
	}
	var best *cand
	for i := range cands {
		if c := &cands[i]; !c.undecided && (best == nil || beats(c, best)) {
			best = c
		}
	}
	for i := range cands {
		if c := &cands[i]; c.undecided && (best == nil || beats(c, best)) {
			return nil, false
		}
	}
	if best == nil {
		return nil, true
	}
	return &best.d, true
}

// Results of evalMedia.
const (
	condFalse = iota
	condTrue
	condUnknown
)

// evalMedia evaluates the condition of a rule (as parseSheet records it) on
// a screen in orientation o. Only media types and the orientation feature are
// known; any other feature makes the answer condUnknown.
func evalMedia(media, o string) int {
	if media == "" {
		return condTrue
	}
	all := condTrue
	for _, part := range strings.Split(media, " and ") {
		// a part may itself be a query list: true when any query is
		any := condFalse
		for _, q := range splitTopLevel(part, ',') {
			v := evalMediaQuery(strings.TrimSpace(q), o)
			if v == condTrue {
				any = condTrue
				break
			}
			if v == condUnknown {
				any = condUnknown
			}
		}
		switch any {
		case condFalse:
			return condFalse
		case condUnknown:
			all = condUnknown
		}
	}
	return all
}

// evalMediaQuery evaluates one media query (or one "and" part of it).
func evalMediaQuery(q, o string) int {
	q = strings.TrimPrefix(q, "only ")
	switch q {
	case "screen", "all", "":
		return condTrue
	case "print", "speech":
		return condFalse
	}
	if strings.HasPrefix(q, "(") && strings.HasSuffix(q, ")") {
		f := strings.ReplaceAll(q[1:len(q)-1], " ", "")
		switch f {
		case "orientation:landscape", "orientation:portrait":
			if f == "orientation:"+o {
				return condTrue
			}
			return condFalse
		}
	}
	return condUnknown
}

// parseCSSAngle reads a CSS angle in degrees ("90deg", "1.57rad", "0.25turn", "0").
func parseCSSAngle(s string) (float64, bool) {
	l, ok := parseLengthValue(s)
	if !ok {
		return 0, false
	}
	switch l.unit {
	case "deg":
		return l.value, true
	case "rad":
		return l.value * 180 / math.Pi, true
	case "grad":
		return l.value * 0.9, true
	case "turn":
		return l.value * 360, true
	case "":
		return 0, l.value == 0
	}
	return 0, false
}

// parseRotateProperty reads the rotate property: the rotation about the z
// axis in degrees; sure is false for a rotation about another axis.
func parseRotateProperty(v string) (deg float64, sure, valid bool) {
	f := strings.Fields(strings.ToLower(strings.TrimSpace(v)))
	switch len(f) {
	case 1:
		if f[0] == "none" {
			return 0, true, true
		}
		a, ok := parseCSSAngle(f[0])
		return a, ok, ok
	case 2:
		axis, angle := f[0], f[1]
		if _, ok := parseCSSAngle(axis); ok {
			axis, angle = angle, axis
		}
		a, ok := parseCSSAngle(angle)
		if !ok {
			return 0, false, false
		}
		switch axis {
		case "z":
			return a, true, true
		case "x", "y":
			return 0, a == 0, true
		}
		return 0, false, false
	case 4:
		var xyz [3]float64
		for i := range 3 {
			n, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return 0, false, false
			}
			xyz[i] = n
		}
		a, ok := parseCSSAngle(f[3])
		if !ok {
			return 0, false, false
		}
		return zRotation(xyz, a)
	}
	return 0, false, false
}

// zRotation turns a rotation by a about an axis into a rotation about z.
func zRotation(xyz [3]float64, a float64) (deg float64, sure, valid bool) {
	switch {
	case xyz[0] == 0 && xyz[1] == 0 && xyz[2] > 0:
		return a, true, true
	case xyz[0] == 0 && xyz[1] == 0 && xyz[2] < 0:
		return -a, true, true
	case a == 0:
		return 0, true, true
	}
	return 0, false, true
}

// parseTransform reads a transform value: the rotation about the z axis in
// degrees it makes; sure is false when it also rotates about another axis,
// skews or mirrors; rotating is true when it uses one of the functions ACT
// b33eff names (rotate, rotate3d, rotateZ, matrix, matrix3d).
func parseTransform(v string) (deg float64, sure, valid, rotating bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	if v == "none" {
		return 0, true, true, false
	}
	sure = true
	for v != "" {
		open := strings.IndexByte(v, '(')
		if open <= 0 {
			return 0, false, false, false
		}
		close := strings.IndexByte(v[open:], ')')
		if close < 0 {
			return 0, false, false, false
		}
		name := strings.TrimSpace(v[:open])
		var args []string
		for _, a := range strings.Split(v[open+1:open+close], ",") {
			args = append(args, strings.TrimSpace(a))
		}
		v = strings.TrimSpace(v[open+close+1:])
		nums := func(want int) ([]float64, bool) {
			if len(args) != want {
				return nil, false
			}
			out := make([]float64, want)
			for i, a := range args {
				f, err := strconv.ParseFloat(a, 64)
				if err != nil {
					return nil, false
				}
				out[i] = f
			}
			return out, true
		}
		switch name {
		case "rotate", "rotatez":
			rotating = true
			if len(args) != 1 {
				return 0, false, false, false
			}
			a, ok := parseCSSAngle(args[0])
			if !ok {
				return 0, false, false, false
			}
			deg += a
		case "rotate3d":
			rotating = true
			if len(args) != 4 {
				return 0, false, false, false
			}
			var xyz [3]float64
			for i := range 3 {
				f, err := strconv.ParseFloat(args[i], 64)
				if err != nil {
					return 0, false, false, false
				}
				xyz[i] = f
			}
			a, ok := parseCSSAngle(args[3])
			if !ok {
				return 0, false, false, false
			}
			d, s, _ := zRotation(xyz, a)
			deg += d
			sure = sure && s
		case "matrix", "matrix3d":
			rotating = true
			want, ai, bi, ci, di := 6, 0, 1, 2, 3
			if name == "matrix3d" {
				want, ci, di = 16, 4, 5
			}
			m, ok := nums(want)
			if !ok {
				return 0, false, false, false
			}
			a, b, c, d := m[ai], m[bi], m[ci], m[di]
			const eps = 1e-6
			if math.Abs(a-d) > eps || math.Abs(b+c) > eps || a*a+b*b < eps {
				sure = false // skewed, mirrored or flattened
			}
			if name == "matrix3d" {
				for _, k := range []int{2, 3, 6, 7, 8, 9, 11} {
					if math.Abs(m[k]) > eps {
						sure = false // a 3D rotation or a perspective
					}
				}
			}
			deg += math.Atan2(b, a) * 180 / math.Pi
		case "rotatex", "rotatey":
			if len(args) != 1 {
				return 0, false, false, false
			}
			a, ok := parseCSSAngle(args[0])
			if !ok {
				return 0, false, false, false
			}
			if math.Mod(a, 360) != 0 {
				sure = false
			}
		case "translate", "translatex", "translatey", "translatez", "translate3d", "perspective":
		case "scale", "scalex", "scaley", "scalez", "scale3d":
			for _, a := range args {
				f, err := strconv.ParseFloat(strings.TrimSuffix(a, "%"), 64)
				if err != nil {
					return 0, false, false, false
				}
				if f < 0 {
					sure = false // a mirror
				}
			}
		case "skew", "skewx", "skewy":
			sure = false
		default:
			return 0, false, false, false
		}
	}
	return deg, sure, true, rotating
}
