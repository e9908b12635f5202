package rules

import (
	"math"
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// NonTextContrast: the edge that shows where a form field is has a contrast
// of at least 3:1 with the colours next to it. WCAG 1.4.11 Non-text Contrast.
//
// The rule looks at visible, enabled text fields, text areas and select
// lists, and at checkboxes and radio buttons the author draws themselves
// (appearance: none). Fields the browser draws in its own style (the grey
// default border) are excepted, as WCAG excepts user agent styling, and so
// are fields with no visible edge at all: 1.4.11 does not require one.
//
// A field passes when its border or its own background contrasts 3:1 with
// the background around it. It fails when the author gave it a border and
// neither the border nor the field's background reaches 3:1. A field told
// apart only by a faint background, or that may be outlined by a box shadow
// or outline, or whose surroundings cannot be decided, is cantTell.
var NonTextContrast = &a11y.Rule{
	ID:       "non-text-contrast",
	WCAG:     []string{"1.4.11"},
	EN301549: []string{"9.1.4.11"},
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsStyle | a11y.NeedsLayout,
	Messages: []a11y.Msg{nonTextEnough, nonTextLow, nonTextFaint, nonTextUnsure},
	Tags:     []string{"color", "contrast", "forms"},
	Since:    "0.1.0",
	Run:      runNonTextContrast,
}

const (
	nonTextEnough a11y.Msg = "non-text-contrast.enough"
	nonTextLow    a11y.Msg = "non-text-contrast.low"
	nonTextFaint  a11y.Msg = "non-text-contrast.faint"
	nonTextUnsure a11y.Msg = "non-text-contrast.unsure"
)

// questionFieldEdge asks whether a field's edge can be seen well enough.
const questionFieldEdge = "non-text-contrast.edge-seen"

// nonTextMin is the WCAG 1.4.11 minimum contrast.
const nonTextMin = 3.0

// uaBorderColors are the colours Chromium gives form field borders in its
// own style sheet (light and dark schemes).
var uaBorderColors = []a11y.Color{{R: 118, G: 118, B: 118, A: 1}, {R: 133, G: 133, B: 133, A: 1}}

// fieldControl reports whether n is a form field the rule checks.
func fieldControl(r *a11y.Rendering, n *a11y.Node) bool {
	switch {
	case n.Is(atom.Textarea, atom.Select):
		return true
	case n.Is(atom.Input):
		switch strings.ToLower(strings.TrimSpace(n.Get("type"))) {
		case "", "text", "email", "password", "search", "tel", "url", "number", "date", "month", "week",
			"time", "datetime-local":
			return true
		case "checkbox", "radio":
			return strings.EqualFold(r.Style(n, "appearance"), "none")
		}
	}
	return false
}

func runNonTextContrast(p *a11y.Pass) error {
	r := p.Doc.Rendering()
	for n := range p.Elements(atom.Input, atom.Select, atom.Textarea) {
		if !fieldControl(r, n) || actDisabled(n) || !r.Visible(n) || n.Box == nil || n.Box.Empty() {
			continue
		}
		checkFieldEdge(p, r, n)
	}
	return nil
}

func checkFieldEdge(p *a11y.Pass, r *a11y.Rendering, n *a11y.Node) {
	type side struct {
		color a11y.Color
	}
	var borders []side
	uaBorder := true
	for _, s := range []string{"top", "right", "bottom", "left"} {
		st := strings.ToLower(r.Style(n, "border-"+s+"-style"))
		w, _ := a11y.ParseLength(r.Style(n, "border-"+s+"-width"), 16, 16)
		if st == "none" || st == "hidden" || w <= 0 {
			continue
		}
		c, ok := r.Color(n, "border-"+s+"-color")
		if !ok {
			p.CantTell(n, nonTextUnsure, a11y.Ask(questionFieldEdge))
			return
		}
		if c.A == 0 {
			continue
		}
		isUA := false
		for _, u := range uaBorderColors {
			if c == u {
				isUA = true
			}
		}
		uaBorder = uaBorder && isUA
		borders = append(borders, side{c})
	}
	if len(borders) > 0 && uaBorder && !strings.EqualFold(r.Style(n, "appearance"), "none") {
		return // the browser's own field style
	}
	around := r.Colors(n, a11y.Color{}, nil, false)
	own := r.Colors(n, a11y.Color{}, nil, true)
	if around.Doubt != "" || own.Doubt != "" || len(around.Pairs) == 0 || len(own.Pairs) == 0 {
		by := around.By
		if by == nil {
			by = own.By
		}
		args := []a11y.Arg{a11y.Ask(questionFieldEdge)}
		if by != nil && by != n {
			args = append(args, a11y.Related{by})
		}
		p.CantTell(n, nonTextUnsure, args...)
		return
	}
	// the lowest contrast over every colour around the field
	worst := func(c func(bg a11y.Color) float64) float64 {
		lo := math.Inf(1)
		for _, pr := range around.Pairs {
			lo = math.Min(lo, c(pr.BG))
		}
		return lo
	}
	fill := own.Pairs[0].BG
	fillRatio := math.Inf(1)
	for _, pr := range own.Pairs {
		fillRatio = math.Min(fillRatio, worst(func(bg a11y.Color) float64 { return a11y.Contrast(pr.BG, bg) }))
	}
	best, bestColor := fillRatio, fill
	for _, b := range borders {
		c := worst(func(bg a11y.Color) float64 { return a11y.Contrast(b.color.Over(bg), bg) })
		if c > best {
			best, bestColor = c, b.color.Over(around.Pairs[0].BG)
		}
	}
	data := a11y.Data{"ratio": contrastText(best), "want": contrastText(nonTextMin),
		"color": colorHex(bestColor), "bg": colorHex(around.Pairs[0].BG)}
	const eps = 1e-6
	switch {
	case best+eps >= nonTextMin:
		p.Pass(n, nonTextEnough, data)
	case len(borders) == 0 && fillRatio < 1+eps:
		// no visible edge at all: 1.4.11 does not ask for one
	case !strings.EqualFold(r.Style(n, "box-shadow"), "none") || !strings.EqualFold(r.Style(n, "outline-style"), "none"):
		p.CantTell(n, nonTextUnsure, data, a11y.Ask(questionFieldEdge))
	case len(borders) == 0:
		p.CantTell(n, nonTextFaint, data, a11y.Ask(questionFieldEdge))
	default:
		p.Fail(n, nonTextLow, data)
	}
}
