package rules

import (
	"math"
	"unicode"

	"github.com/delaktig/delaktig/a11y"
)

// ColorContrast: visible text has a contrast ratio of at least 4.5:1 with
// its background, 3:1 for large text (18 pt, or 14 pt bold). ACT afw4f7.
//
// The rule applies to every HTML element with visible text children in the
// flat tree, except text inside a disabled widget or group and text that
// names a disabled widget (its label, an aria-labelledby target). Text
// without letters or digits expresses no human language and is left out.
//
// The text colour is composited over every background between the canvas
// and the text, with opacity and translucent colours applied, over a white
// canvas when the page sets none. Following ACT's "highest possible
// contrast", a gradient fails only when no part of it gives enough contrast
// and passes only when every part does; in between, and whenever a
// background image, an overlapping element, a filter or blend mode, a text
// shadow or positioning outside the ancestors' backgrounds makes the colours
// unsure, the answer is cantTell with the reason. A single letter, or text in
// an icon font, that would fail is cantTell: it may be a symbol (1.4.11).
var ColorContrast = &a11y.Rule{
	ID:       "color-contrast",
	WCAG:     []string{"1.4.3"},
	ACT:      []string{"afw4f7"},
	EN301549: []string{"9.1.4.3"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsStyle | a11y.NeedsLayout,
	Messages: contrastMessages("color-contrast"),
	Tags:     []string{"color", "contrast", "text"},
	Since:    "0.1.0",
	Run:      contrastRun("color-contrast", false),
}

// The message names of the contrast rules (color-contrast and color-contrast-enhanced).
const (
	contrastEnough     = "enough"
	contrastLow        = "low"
	contrastRange      = "range"
	contrastImage      = "image"
	contrastShadow     = "shadow"
	contrastOverlap    = "overlap"
	contrastEffect     = "effect"
	contrastPositioned = "positioned"
	contrastColor      = "color"
	contrastSymbol     = "symbol"
)

// Question names of the contrast rules, after the rule id ("color-contrast.readable").
const (
	questionTextContrast = "readable"
	questionTextSymbol   = "symbol"
)

func contrastMessages(id string) []a11y.Msg {
	var out []a11y.Msg
	for _, m := range []string{contrastEnough, contrastLow, contrastRange, contrastImage, contrastShadow,
		contrastOverlap, contrastEffect, contrastPositioned, contrastColor, contrastSymbol} {
		out = append(out, a11y.Msg(id+"."+m))
	}
	return out
}

// contrastVerdict is the outcome for one element's text.
type contrastVerdict struct {
	outcome a11y.Outcome
	msg     string
	data    a11y.Data
	by      *a11y.Node
}

// worse reports whether v should be reported instead of w: a certain
// failure first, then a doubt, then a pass.
func (v contrastVerdict) worse(w contrastVerdict) bool {
	rank := func(o a11y.Outcome) int {
		switch o {
		case a11y.Failed:
			return 3
		case a11y.CantTell:
			return 2
		case a11y.Passed:
			return 1
		}
		return 0
	}
	return rank(v.outcome) > rank(w.outcome)
}

func contrastRun(id string, enhanced bool) func(*a11y.Pass) error {
	return func(p *a11y.Pass) error {
		r := p.Doc.Rendering()
		disabled := newDisabledContext(p)
		for e := range p.Elements() {
			if e.Namespace != a11y.NamespaceHTML {
				continue
			}
			if !hasLetterChild(e) {
				continue // no text of its own to judge, visible or not
			}
			var texts []*a11y.Node
			text := ""
			for c := range e.FlatChildren() {
				if c.Type == a11y.TextNode && r.TextVisible(c) {
					texts = append(texts, c)
					text += c.Data
				}
			}
			if len(texts) == 0 || letterCount(text) == 0 || disabled.excluded(e) {
				continue
			}
			var v contrastVerdict
			seen := false
			for _, t := range texts {
				w, ok := contrastOf(r, e, t, enhanced)
				if !ok {
					continue
				}
				if !seen || w.worse(v) {
					v, seen = w, true
				}
			}
			if !seen {
				continue // same colour as the background: not visible
			}
			if v.outcome == a11y.Failed && (singleLetter(text) || iconFontFamily(r.Style(e, "font-family"))) {
				v = contrastVerdict{outcome: a11y.CantTell, msg: contrastSymbol, data: v.data}
			}
			args := []a11y.Arg{v.data}
			if v.outcome == a11y.CantTell {
				q := questionTextContrast
				if v.msg == contrastSymbol {
					q = questionTextSymbol
				}
				args = append(args, a11y.Ask(id+"."+q))
			}
			if v.by != nil && v.by != e {
				args = append(args, a11y.Related{v.by})
			}
			key := a11y.Msg(id + "." + v.msg)
			switch v.outcome {
			case a11y.Passed:
				p.Pass(e, key, args...)
			case a11y.Failed:
				p.Fail(e, key, args...)
			default:
				p.CantTell(e, key, args...)
			}
		}
		return nil
	}
}

// contrastOf decides the contrast of text node t of element e. ok is false
// when the text has exactly the colour of its background (it is not visible).
func contrastOf(r *a11y.Rendering, e, t *a11y.Node, enhanced bool) (contrastVerdict, bool) {
	large := a11y.IsLargeText(r.FontSize(e), r.FontWeight(e))
	want := a11y.ContrastThreshold(large, enhanced)
	data := a11y.Data{"want": contrastText(want)}
	fg, ok := r.TextColor(e)
	if !ok {
		return contrastVerdict{outcome: a11y.CantTell, msg: contrastColor, data: data}, true
	}
	bd := r.Colors(e, fg, t.Box, true)
	lo, hi := math.Inf(1), 0.0
	var loPair, hiPair a11y.ColorPair
	for _, pr := range bd.Pairs {
		c := a11y.Contrast(pr.FG, pr.BG)
		if c < lo {
			lo, loPair = c, pr
		}
		if c > hi {
			hi, hiPair = c, pr
		}
	}
	if len(bd.Pairs) == 0 {
		return contrastVerdict{outcome: a11y.CantTell, msg: contrastColor, data: data}, true
	}
	const eps = 1e-6
	shadows, shadowsOK := r.TextShadows(e)
	if bd.Doubt == "" && shadowsOK && len(shadows) == 0 && hi < 1+eps {
		return contrastVerdict{}, false
	}
	// the colours reported are those of the best contrast found, or of the
	// worst when the text passes anyway
	data["fg"], data["bg"] = colorHex(hiPair.FG), colorHex(hiPair.BG)
	if r.Style(e, "-webkit-text-stroke-width") != "0px" {
		if w, ok := a11y.ParseLength(r.Style(e, "-webkit-text-stroke-width"), 16, 16); !ok || w > 0 {
			return contrastVerdict{outcome: a11y.CantTell, msg: contrastEffect, data: data, by: e}, true
		}
	}
	if bd.Doubt != "" {
		msg := map[a11y.Doubt]string{
			a11y.DoubtImage: contrastImage, a11y.DoubtOverlap: contrastOverlap, a11y.DoubtEffect: contrastEffect,
			a11y.DoubtPositioned: contrastPositioned, a11y.DoubtColor: contrastColor,
		}[bd.Doubt]
		if msg == "" {
			msg = contrastEffect
		}
		return contrastVerdict{outcome: a11y.CantTell, msg: msg, data: data, by: bd.By}, true
	}
	if !shadowsOK {
		return contrastVerdict{outcome: a11y.CantTell, msg: contrastShadow, data: data}, true
	}
	if len(shadows) > 0 {
		// The shadow's colour lies around the letters: it is part of the
		// background. Decide only when the text passes, or fails, against
		// both the background and every shadow.
		slo, shi := lo, hi
		for _, s := range shadows {
			if s.A == 0 {
				continue
			}
			for _, pr := range bd.Pairs {
				c := a11y.Contrast(pr.FG, s.Over(pr.BG))
				slo, shi = math.Min(slo, c), math.Max(shi, c)
			}
		}
		switch {
		case slo+eps >= want:
			data["ratio"] = contrastText(slo)
			return contrastVerdict{outcome: a11y.Passed, msg: contrastEnough, data: data}, true
		case shi+eps < want:
			data["ratio"] = contrastText(shi)
			return contrastVerdict{outcome: a11y.Failed, msg: contrastLow, data: data}, true
		}
		return contrastVerdict{outcome: a11y.CantTell, msg: contrastShadow, data: data}, true
	}
	switch {
	case lo+eps >= want:
		data["ratio"] = contrastText(lo)
		data["fg"], data["bg"] = colorHex(loPair.FG), colorHex(loPair.BG)
		return contrastVerdict{outcome: a11y.Passed, msg: contrastEnough, data: data}, true
	case hi+eps < want:
		data["ratio"] = contrastText(hi)
		return contrastVerdict{outcome: a11y.Failed, msg: contrastLow, data: data}, true
	}
	data["min"], data["max"] = contrastText(lo), contrastText(hi)
	return contrastVerdict{outcome: a11y.CantTell, msg: contrastRange, data: data}, true
}

// singleLetter reports whether text holds one letter and no other letter or
// digit: a character such as "X" that may be a symbol rather than a word.
func singleLetter(text string) bool {
	n := 0
	for _, r := range text {
		switch {
		case unicode.IsLetter(r):
			n++
		case unicode.IsNumber(r):
			return false
		}
	}
	return n == 1
}

// hasLetterChild reports whether some text child of e in the flat tree holds
// a letter or a digit, before asking whether it is visible, which costs far
// more: most elements have only white space between their children.
func hasLetterChild(e *a11y.Node) bool {
	for c := range e.FlatChildren() {
		if c.Type == a11y.TextNode && letterCount(c.Data) > 0 {
			return true
		}
	}
	return false
}
