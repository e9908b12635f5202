package a11y

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Color is an sRGB colour with straight (not premultiplied) alpha. R, G and B
// run from 0 to 255 and may be fractional; A runs from 0 (transparent) to 1
// (opaque). The zero value is transparent black.
type Color struct {
	R, G, B float64
	A       float64
}

// ErrUnknownColor is returned, wrapped with the offending input, by
// [ParseColor] for a value it cannot read as a colour.
var ErrUnknownColor = errors.New("a11y: unknown color")

// ErrCurrentColor is returned by [ParseColor] for the keyword currentcolor,
// whose value is the element's own color property; the caller resolves it.
var ErrCurrentColor = errors.New("a11y: color is currentcolor")

// ParseColor reads a CSS colour value, ignoring ASCII case and surrounding
// white space. It accepts:
//
//   - the 148 named colours of CSS Color 4, and transparent;
//   - #rgb, #rgba, #rrggbb and #rrggbbaa;
//   - rgb() and rgba() with commas, rgb(r, g, b[, a]), or with spaces and an
//     optional slash, rgb(r g b[ / a]); channels are numbers (0–255) or
//     percentages, in the comma form all of one kind;
//   - hsl() and hsla() in both forms; the hue is a number of degrees or an
//     angle in deg, grad, rad or turn, saturation and lightness are
//     percentages (plain numbers are also allowed in the space form);
//   - color(srgb r g b[ / a]) with channels from 0 to 1 or percentages.
//
// The alpha value is a number from 0 to 1 or a percentage. In the space forms
// any component may be none, meaning 0. Values out of range are clamped as CSS
// does. The keyword currentcolor returns [ErrCurrentColor]; everything else,
// including var(), calc() and other colour spaces, returns an error wrapping
// [ErrUnknownColor].
func ParseColor(s string) (Color, error) {
	fail := func() (Color, error) {
		shown := s
		if len(shown) > 64 {
			shown = shown[:64] + "…"
		}
		return Color{}, fmt.Errorf("%w %q", ErrUnknownColor, shown)
	}
	// CSS keywords are ASCII case-insensitive; strings.ToLower would also fold
	// characters such as U+212A KELVIN SIGN into ASCII letters.
	in := strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}, strings.Trim(s, " \t\n\r\f"))
	isSpace := func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' }

	switch {
	case in == "transparent":
		return Color{}, nil
	case in == "currentcolor":
		return Color{}, ErrCurrentColor
	case strings.HasPrefix(in, "#"):
		hex := in[1:]
		if len(hex) != 3 && len(hex) != 4 && len(hex) != 6 && len(hex) != 8 {
			return fail()
		}
		if strings.Trim(hex, "0123456789abcdef") != "" {
			return fail()
		}
		v, err := strconv.ParseUint(hex, 16, 32)
		if err != nil {
			return fail()
		}
		var ch [4]float64
		ch[3] = 255
		n := 1 // hex digits per channel
		if len(hex) > 4 {
			n = 2
		}
		for i := range len(hex) / n {
			shift := uint(len(hex)-(i+1)*n) * 4
			x := float64(v >> shift & (1<<(4*n) - 1))
			if n == 1 {
				x *= 17 // #f → ff
			}
			ch[i] = x
		}
		return Color{R: ch[0], G: ch[1], B: ch[2], A: ch[3] / 255}, nil
	case strings.HasSuffix(in, ")"):
		// handled below
	default:
		// The named colours of CSS Color 4 as name:rrggbb, each after a space.
		const named = `
 aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff
 beige:f5f5dc bisque:ffe4c4 black:000000 blanchedalmond:ffebcd blue:0000ff
 blueviolet:8a2be2 brown:a52a2a burlywood:deb887 cadetblue:5f9ea0 chartreuse:7fff00
 chocolate:d2691e coral:ff7f50 cornflowerblue:6495ed cornsilk:fff8dc crimson:dc143c
 cyan:00ffff darkblue:00008b darkcyan:008b8b darkgoldenrod:b8860b darkgray:a9a9a9
 darkgreen:006400 darkgrey:a9a9a9 darkkhaki:bdb76b darkmagenta:8b008b
 darkolivegreen:556b2f darkorange:ff8c00 darkorchid:9932cc darkred:8b0000
 darksalmon:e9967a darkseagreen:8fbc8f darkslateblue:483d8b darkslategray:2f4f4f
 darkslategrey:2f4f4f darkturquoise:00ced1 darkviolet:9400d3 deeppink:ff1493
 deepskyblue:00bfff dimgray:696969 dimgrey:696969 dodgerblue:1e90ff firebrick:b22222
 floralwhite:fffaf0 forestgreen:228b22 fuchsia:ff00ff gainsboro:dcdcdc
 ghostwhite:f8f8ff gold:ffd700 goldenrod:daa520 gray:808080 green:008000
 greenyellow:adff2f grey:808080 honeydew:f0fff0 hotpink:ff69b4 indianred:cd5c5c
 indigo:4b0082 ivory:fffff0 khaki:f0e68c lavender:e6e6fa lavenderblush:fff0f5
 lawngreen:7cfc00 lemonchiffon:fffacd lightblue:add8e6 lightcoral:f08080
 lightcyan:e0ffff lightgoldenrodyellow:fafad2 lightgray:d3d3d3 lightgreen:90ee90
 lightgrey:d3d3d3 lightpink:ffb6c1 lightsalmon:ffa07a lightseagreen:20b2aa
 lightskyblue:87cefa lightslategray:778899 lightslategrey:778899
 lightsteelblue:b0c4de lightyellow:ffffe0 lime:00ff00 limegreen:32cd32 linen:faf0e6
 magenta:ff00ff maroon:800000 mediumaquamarine:66cdaa mediumblue:0000cd
 mediumorchid:ba55d3 mediumpurple:9370db mediumseagreen:3cb371
 mediumslateblue:7b68ee mediumspringgreen:00fa9a mediumturquoise:48d1cc
 mediumvioletred:c71585 midnightblue:191970 mintcream:f5fffa mistyrose:ffe4e1
 moccasin:ffe4b5 navajowhite:ffdead navy:000080 oldlace:fdf5e6 olive:808000
 olivedrab:6b8e23 orange:ffa500 orangered:ff4500 orchid:da70d6 palegoldenrod:eee8aa
 palegreen:98fb98 paleturquoise:afeeee palevioletred:db7093 papayawhip:ffefd5
 peachpuff:ffdab9 peru:cd853f pink:ffc0cb plum:dda0dd powderblue:b0e0e6
 purple:800080 rebeccapurple:663399 red:ff0000 rosybrown:bc8f8f royalblue:4169e1
 saddlebrown:8b4513 salmon:fa8072 sandybrown:f4a460 seagreen:2e8b57 seashell:fff5ee
 sienna:a0522d silver:c0c0c0 skyblue:87ceeb slateblue:6a5acd slategray:708090
 slategrey:708090 snow:fffafa springgreen:00ff7f steelblue:4682b4 tan:d2b48c
 teal:008080 thistle:d8bfd8 tomato:ff6347 turquoise:40e0d0 violet:ee82ee
 wheat:f5deb3 white:ffffff whitesmoke:f5f5f5 yellow:ffff00 yellowgreen:9acd32
`
		if in == "" || strings.Trim(in, "abcdefghijklmnopqrstuvwxyz") != "" {
			return fail()
		}
		i := strings.Index(named, " "+in+":")
		if i < 0 {
			return fail()
		}
		i += len(in) + 2
		v, err := strconv.ParseUint(named[i:i+6], 16, 32)
		if err != nil {
			return fail()
		}
		return Color{R: float64(v >> 16), G: float64(v >> 8 & 0xff), B: float64(v & 0xff), A: 1}, nil
	}

	// Functional notation: name(args).
	open := strings.IndexByte(in, '(')
	if open < 0 {
		return fail()
	}
	name, args := in[:open], in[open+1:len(in)-1]
	if strings.ContainsAny(args, "()") {
		return fail() // nested functions such as calc() or var()
	}

	// Split the arguments into components and an optional alpha.
	legacy := strings.Contains(args, ",")
	var comps []string
	alpha := ""
	if legacy {
		for part := range strings.SplitSeq(args, ",") {
			part = strings.TrimFunc(part, isSpace)
			if part == "" || strings.IndexFunc(part, isSpace) >= 0 || strings.Contains(part, "/") {
				return fail()
			}
			comps = append(comps, part)
		}
		if len(comps) == 4 {
			comps, alpha = comps[:3], comps[3]
		}
	} else {
		head, a, slash := strings.Cut(args, "/")
		comps = strings.FieldsFunc(head, isSpace)
		if slash {
			f := strings.FieldsFunc(a, isSpace)
			if len(f) != 1 {
				return fail()
			}
			alpha = f[0]
		}
	}

	// component splits one token into a number and its unit: "", "%", an
	// angle unit, or "none" (only allowed outside the comma form).
	component := func(tok string) (float64, string, bool) {
		if tok == "none" {
			return 0, "none", !legacy
		}
		unit := ""
		for _, u := range []string{"%", "deg", "grad", "rad", "turn"} {
			if strings.HasSuffix(tok, u) {
				unit, tok = u, strings.TrimSuffix(tok, u)
				break
			}
		}
		// A CSS <number>: digits with an optional fraction and exponent. The
		// character check keeps out what strconv also accepts (inf, nan, hex,
		// underscores); a point must be followed by a digit.
		if tok == "" || strings.Trim(tok, "0123456789+-.eE") != "" ||
			strings.HasSuffix(tok, ".") || strings.Contains(tok, ".e") || strings.Contains(tok, ".E") {
			return 0, "", false
		}
		v, err := strconv.ParseFloat(tok, 64)
		if err != nil {
			return 0, "", false
		}
		return v, unit, true
	}
	clamp := func(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

	c := Color{A: 1}
	if alpha != "" {
		v, unit, ok := component(alpha)
		switch {
		case !ok:
			return fail()
		case unit == "%":
			v /= 100
		case unit != "" && unit != "none":
			return fail()
		}
		c.A = clamp(v, 0, 1)
	}

	switch name {
	case "rgb", "rgba":
		if len(comps) != 3 {
			return fail()
		}
		var ch [3]float64
		kind := ""
		for i, tok := range comps {
			v, unit, ok := component(tok)
			if !ok || (unit != "" && unit != "%" && unit != "none") {
				return fail()
			}
			if legacy {
				if i > 0 && unit != kind {
					return fail() // the comma form does not mix numbers and percentages
				}
				kind = unit
			}
			if unit == "%" {
				v *= 255.0 / 100
			}
			ch[i] = clamp(v, 0, 255)
		}
		c.R, c.G, c.B = ch[0], ch[1], ch[2]
	case "hsl", "hsla":
		if len(comps) != 3 {
			return fail()
		}
		h, unit, ok := component(comps[0])
		if !ok {
			return fail()
		}
		switch unit {
		case "", "deg", "none":
		case "grad":
			h *= 0.9
		case "rad":
			h *= 180 / math.Pi
		case "turn":
			h *= 360
		default:
			return fail()
		}
		var sl [2]float64
		for i, tok := range comps[1:] {
			v, unit, ok := component(tok)
			if !ok || (legacy && unit != "%") || (unit != "%" && unit != "" && unit != "none") {
				return fail()
			}
			sl[i] = clamp(v, 0, 100) / 100
		}
		if math.IsInf(h, 0) || math.IsNaN(h) {
			return fail()
		}
		h = math.Mod(h, 360)
		if h < 0 {
			h += 360
		}
		// CSS Color 4, "Converting HSL colors to sRGB colors".
		sat, light := sl[0], sl[1]
		f := func(n float64) float64 {
			k := math.Mod(n+h/30, 12)
			a := sat * math.Min(light, 1-light)
			return 255 * (light - a*math.Max(-1, math.Min(math.Min(k-3, 9-k), 1)))
		}
		c.R, c.G, c.B = f(0), f(8), f(4)
	case "color":
		if legacy || len(comps) != 4 || comps[0] != "srgb" {
			return fail()
		}
		var ch [3]float64
		for i, tok := range comps[1:] {
			v, unit, ok := component(tok)
			switch {
			case !ok:
				return fail()
			case unit == "%":
				v /= 100
			case unit != "" && unit != "none":
				return fail()
			}
			ch[i] = clamp(v, 0, 1) * 255
		}
		c.R, c.G, c.B = ch[0], ch[1], ch[2]
	default:
		return fail()
	}
	return c, nil
}

// Over composites c over bg with the source-over operator and returns the
// result, with straight alpha. An opaque bg gives an opaque result.
func (c Color) Over(bg Color) Color {
	a := c.A + bg.A*(1-c.A)
	if a <= 0 {
		return Color{}
	}
	mix := func(fg, b float64) float64 { return (fg*c.A + b*bg.A*(1-c.A)) / a }
	return Color{R: mix(c.R, bg.R), G: mix(c.G, bg.G), B: mix(c.B, bg.B), A: a}
}

// Luminance returns the relative luminance of c as WCAG 2 defines it, from 0
// (black) to 1 (white). Alpha is ignored: composite c with [Color.Over] first.
//
// Channels are linearised with the sRGB transfer function, whose linear
// segment ends at 0.04045. WCAG 2.0–2.2 print 0.03928, a value taken from an
// early sRGB draft; the W3C has since acknowledged 0.04045 as correct. The
// two thresholds only disagree for channel values between 10.02 and 10.31
// (of 255), so no 8-bit colour gives a different result.
func (c Color) Luminance() float64 {
	lin := func(v float64) float64 {
		v = math.Max(0, math.Min(255, v)) / 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast returns the WCAG contrast ratio of a and b, (L1 + 0.05) / (L2 +
// 0.05) with L1 the larger relative luminance: 1 for equal colours, 21 for
// black and white. The order of the arguments does not matter. Alpha is
// ignored: composite translucent colours over their backdrop first.
func Contrast(a, b Color) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// String returns c in CSS syntax: "rgb(r, g, b)" when opaque, otherwise
// "rgba(r, g, b, a)". Channels are rounded to two decimals and alpha to three.
func (c Color) String() string {
	f := func(v float64, places float64) string {
		p := math.Pow(10, places)
		return strconv.FormatFloat(math.Round(v*p)/p+0, 'f', -1, 64)
	}
	if c.Opaque() {
		return "rgb(" + f(c.R, 2) + ", " + f(c.G, 2) + ", " + f(c.B, 2) + ")"
	}
	return "rgba(" + f(c.R, 2) + ", " + f(c.G, 2) + ", " + f(c.B, 2) + ", " + f(c.A, 3) + ")"
}

// Opaque reports whether c has full alpha, so that nothing behind it shows.
func (c Color) Opaque() bool {
	return c.A >= 1
}

// IsLargeText reports whether text of the given computed font size (in CSS
// pixels) and numeric font weight counts as large scale text in WCAG: at
// least 18 point (24 px), or at least 14 point when bold (weight 700 or more).
// 14 pt is 18.67 px; the threshold is 18.66 px so that a size set as 14pt
// still qualifies after the browser rounds it.
func IsLargeText(fontSizePx float64, fontWeight int) bool {
	return fontSizePx >= 24 || (fontWeight >= 700 && fontSizePx >= 18.66)
}

// ContrastThreshold returns the minimum contrast ratio WCAG requires for text:
// 4.5 (3 for large text) under 1.4.3 Contrast (Minimum), level AA, or 7 (4.5
// for large text) under 1.4.6 Contrast (Enhanced), level AAA, when enhanced.
func ContrastThreshold(large, enhanced bool) float64 {
	switch {
	case enhanced && large:
		return 4.5
	case enhanced:
		return 7
	case large:
		return 3
	}
	return 4.5
}

// ParseLength converts a CSS length or number to CSS pixels, ignoring ASCII
// case and surrounding white space. The value is a CSS number followed by:
//
//   - px: the number itself;
//   - pt, pc, in, cm, mm, q: absolute units at 96 px per inch (1pt = 4/3 px);
//   - em: the number times fontSizePx;
//   - rem: the number times rootFontSizePx;
//   - %: the number / 100 times fontSizePx;
//   - nothing: the number times fontSizePx, as for a unitless line-height.
//
// Pass as fontSizePx the size the property resolves against: the parent's
// font size for font-size itself, the element's own for line-height and
// letter-spacing. Percentages of other properties (widths) are not lengths
// of the font and must not be passed here. Negative values keep their sign.
// ok is false for keywords (normal, medium), other units, functions and
// anything that does not give a finite number.
func ParseLength(s string, fontSizePx, rootFontSizePx float64) (px float64, ok bool) {
	in := strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}, strings.Trim(s, " \t\n\r\f"))
	i := strings.LastIndexAny(in, "0123456789")
	if i < 0 {
		return 0, false
	}
	num, unit := in[:i+1], in[i+1:]
	// The same <number> check as in ParseColor.
	if strings.Trim(num, "0123456789+-.eE") != "" || strings.HasSuffix(num, ".") ||
		strings.Contains(num, ".e") || strings.Contains(num, ".E") {
		return 0, false
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, false
	}
	var scale float64
	switch unit {
	case "px":
		scale = 1
	case "pt":
		scale = 96.0 / 72
	case "pc":
		scale = 16
	case "in":
		scale = 96
	case "cm":
		scale = 96 / 2.54
	case "mm":
		scale = 96 / 25.4
	case "q":
		scale = 96 / 25.4 / 4
	case "em", "":
		scale = fontSizePx
	case "rem":
		scale = rootFontSizePx
	case "%":
		scale = fontSizePx / 100
	default:
		return 0, false
	}
	px = v * scale
	if math.IsInf(px, 0) || math.IsNaN(px) {
		return 0, false
	}
	return px, true
}
