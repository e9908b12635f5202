package a11y_test

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/delaktig/delaktig/a11y"
)

func TestParseColorNamed(t *testing.T) {
	// Every CSS Color 4 named colour with the value Chromium computes for it.
	const table = `
aliceblue=f0f8ff antiquewhite=faebd7 aqua=00ffff aquamarine=7fffd4 azure=f0ffff beige=f5f5dc
bisque=ffe4c4 black=000000 blanchedalmond=ffebcd blue=0000ff blueviolet=8a2be2 brown=a52a2a
burlywood=deb887 cadetblue=5f9ea0 chartreuse=7fff00 chocolate=d2691e coral=ff7f50
cornflowerblue=6495ed cornsilk=fff8dc crimson=dc143c cyan=00ffff darkblue=00008b darkcyan=008b8b
darkgoldenrod=b8860b darkgray=a9a9a9 darkgreen=006400 darkgrey=a9a9a9 darkkhaki=bdb76b
darkmagenta=8b008b darkolivegreen=556b2f darkorange=ff8c00 darkorchid=9932cc darkred=8b0000
darksalmon=e9967a darkseagreen=8fbc8f darkslateblue=483d8b darkslategray=2f4f4f
darkslategrey=2f4f4f darkturquoise=00ced1 darkviolet=9400d3 deeppink=ff1493 deepskyblue=00bfff
dimgray=696969 dimgrey=696969 dodgerblue=1e90ff firebrick=b22222 floralwhite=fffaf0
forestgreen=228b22 fuchsia=ff00ff gainsboro=dcdcdc ghostwhite=f8f8ff gold=ffd700
goldenrod=daa520 gray=808080 green=008000 greenyellow=adff2f grey=808080 honeydew=f0fff0
hotpink=ff69b4 indianred=cd5c5c indigo=4b0082 ivory=fffff0 khaki=f0e68c lavender=e6e6fa
lavenderblush=fff0f5 lawngreen=7cfc00 lemonchiffon=fffacd lightblue=add8e6 lightcoral=f08080
lightcyan=e0ffff lightgoldenrodyellow=fafad2 lightgray=d3d3d3 lightgreen=90ee90 lightgrey=d3d3d3
lightpink=ffb6c1 lightsalmon=ffa07a lightseagreen=20b2aa lightskyblue=87cefa
lightslategray=778899 lightslategrey=778899 lightsteelblue=b0c4de lightyellow=ffffe0 lime=00ff00
limegreen=32cd32 linen=faf0e6 magenta=ff00ff maroon=800000 mediumaquamarine=66cdaa
mediumblue=0000cd mediumorchid=ba55d3 mediumpurple=9370db mediumseagreen=3cb371
mediumslateblue=7b68ee mediumspringgreen=00fa9a mediumturquoise=48d1cc mediumvioletred=c71585
midnightblue=191970 mintcream=f5fffa mistyrose=ffe4e1 moccasin=ffe4b5 navajowhite=ffdead
navy=000080 oldlace=fdf5e6 olive=808000 olivedrab=6b8e23 orange=ffa500 orangered=ff4500
orchid=da70d6 palegoldenrod=eee8aa palegreen=98fb98 paleturquoise=afeeee palevioletred=db7093
papayawhip=ffefd5 peachpuff=ffdab9 peru=cd853f pink=ffc0cb plum=dda0dd powderblue=b0e0e6
purple=800080 rebeccapurple=663399 red=ff0000 rosybrown=bc8f8f royalblue=4169e1
saddlebrown=8b4513 salmon=fa8072 sandybrown=f4a460 seagreen=2e8b57 seashell=fff5ee sienna=a0522d
silver=c0c0c0 skyblue=87ceeb slateblue=6a5acd slategray=708090 slategrey=708090 snow=fffafa
springgreen=00ff7f steelblue=4682b4 tan=d2b48c teal=008080 thistle=d8bfd8 tomato=ff6347
turquoise=40e0d0 violet=ee82ee wheat=f5deb3 white=ffffff whitesmoke=f5f5f5 yellow=ffff00
yellowgreen=9acd32`
	entries := strings.Fields(table)
	require.Len(t, entries, 148)
	for _, e := range entries {
		name, hex, _ := strings.Cut(e, "=")
		v, err := strconv.ParseUint(hex, 16, 32)
		require.NoError(t, err)
		want := a11y.Color{R: float64(v >> 16), G: float64(v >> 8 & 0xff), B: float64(v & 0xff), A: 1}
		for _, in := range []string{name, strings.ToUpper(name), " " + name + "\n"} {
			got, err := a11y.ParseColor(in)
			require.NoError(t, err, in)
			assert.Equal(t, want, got, in)
		}
	}
}

func TestParseColorSyntax(t *testing.T) {
	rgb := func(r, g, b float64) a11y.Color { return a11y.Color{R: r, G: g, B: b, A: 1} }
	rgba := func(r, g, b, a float64) a11y.Color { return a11y.Color{R: r, G: g, B: b, A: a} }
	tests := []struct {
		in   string
		want a11y.Color
	}{
		{"transparent", rgba(0, 0, 0, 0)},
		{"TransParent", rgba(0, 0, 0, 0)},
		{"RebeccaPurple", rgb(0x66, 0x33, 0x99)},

		{"#fff", rgb(255, 255, 255)},
		{"#ABC", rgb(0xaa, 0xbb, 0xcc)},
		{"#fff8", rgba(255, 255, 255, 0x88/255.0)},
		{"#0000", rgba(0, 0, 0, 0)},
		{"#1a2B3c", rgb(0x1a, 0x2b, 0x3c)},
		{"#12345678", rgba(0x12, 0x34, 0x56, 0x78/255.0)},

		{"rgb(1,2,3)", rgb(1, 2, 3)},
		{"  rgb( 1 , 2 , 3 )  ", rgb(1, 2, 3)},
		{"RGB(1,2,3)", rgb(1, 2, 3)},
		{"rgba(1,2,3)", rgb(1, 2, 3)},
		{"rgb(1,2,3,0.5)", rgba(1, 2, 3, 0.5)},
		{"rgba(1, 2, 3, 50%)", rgba(1, 2, 3, 0.5)},
		{"rgba(0,0,0,.5)", rgba(0, 0, 0, 0.5)},
		{"rgb(10%,20%,30%)", rgb(25.5, 51, 76.5)},
		{"rgb(1.5,2.5,3.5)", rgb(1.5, 2.5, 3.5)},
		{"rgb(1e2,+2,3E0)", rgb(100, 2, 3)},
		{"rgb(300,-5,20)", rgb(255, 0, 20)},
		{"rgb(1,2,3,2)", rgb(1, 2, 3)},
		{"rgb(1,2,3,-1)", rgba(1, 2, 3, 0)},
		{"rgb(1 2 3)", rgb(1, 2, 3)},
		{"rgb(1\t2\n3)", rgb(1, 2, 3)},
		{"rgb(1 2 3 / 0.25)", rgba(1, 2, 3, 0.25)},
		{"rgb(1 2 3/25%)", rgba(1, 2, 3, 0.25)},
		{"rgba(1 2 3 / 1)", rgb(1, 2, 3)},
		{"rgb(10% 20 30%)", rgb(25.5, 20, 76.5)},
		{"rgb(none 2 3)", rgb(0, 2, 3)},
		{"rgb(1 2 3 / none)", rgba(1, 2, 3, 0)},

		{"hsl(120,100%,50%)", rgb(0, 255, 0)},
		{"hsl(120deg, 100%, 50%)", rgb(0, 255, 0)},
		{"hsl(120 100% 50%)", rgb(0, 255, 0)},
		{"hsl(120 100 50)", rgb(0, 255, 0)},
		{"hsl(0.5turn 100% 50%)", rgb(0, 255, 255)},
		{"hsl(200grad 100% 50%)", rgb(0, 255, 255)},
		{"hsl(3.141592653589793rad 100% 50%)", rgb(0, 255, 255)},
		{"hsl(-120 100% 50%)", rgb(0, 0, 255)},
		{"hsl(480 100% 50%)", rgb(0, 255, 0)},
		{"hsla(240,100%,50%,0.3)", rgba(0, 0, 255, 0.3)},
		{"hsl(240 100% 50% / 30%)", rgba(0, 0, 255, 0.3)},
		{"hsl(none 100% 50%)", rgb(255, 0, 0)},
		{"hsl(30 50% 40%)", rgb(153, 102, 51)},
		{"hsl(210, 60%, 25%)", rgb(25.5, 63.75, 102)},
		{"HSL(45DEG 80% 70% / .25)", rgba(239.7, 209.1, 117.3, 0.25)},
		{"hsl(120 150% 50%)", rgb(0, 255, 0)},
		{"hsl(120 100% 120%)", rgb(255, 255, 255)},
		{"hsl(0 0% 50%)", rgb(127.5, 127.5, 127.5)},

		{"color(srgb 1 0 0)", rgb(255, 0, 0)},
		{"color(srgb 0.5 0.25 0.125 / 0.5)", rgba(127.5, 63.75, 31.875, 0.5)},
		{"color(SRGB 50% 25% 10%)", rgb(127.5, 63.75, 25.5)},
		{"color(srgb none 1 0)", rgb(0, 255, 0)},
		{"color(srgb 2 -1 0.5)", rgb(255, 0, 127.5)},
	}
	for _, tt := range tests {
		got, err := a11y.ParseColor(tt.in)
		require.NoError(t, err, tt.in)
		assert.InDelta(t, tt.want.R, got.R, 1e-9, "%s R", tt.in)
		assert.InDelta(t, tt.want.G, got.G, 1e-9, "%s G", tt.in)
		assert.InDelta(t, tt.want.B, got.B, 1e-9, "%s B", tt.in)
		assert.InDelta(t, tt.want.A, got.A, 1e-9, "%s A", tt.in)
	}
}

func TestParseColorInvalid(t *testing.T) {
	for _, in := range []string{
		"", " ", "notacolor", "red blue", "inherit", "initial", "none", "blåa",
		"blac\u212a", // KELVIN SIGN folds to k under Unicode rules, not under CSS's
		"#", "#12", "#12345", "#1234567", "#123456789", "#ggg", "#-12", "# fff", "##fff",
		"rgb", "rgb()", "rgb(1,2)", "rgb(1,2,3,4,5)", "rgb(1,2,3,)", "rgb(,1,2,3)",
		"rgb(1 2 3 4)", "rgb(1 2 / 3)", "rgb(1, 2 3)", "rgb(1 2 3 / 0.5 / 1)", "rgb(1 2 3 /)",
		"rgb(10%,20,30%)", "rgb(none,2,3)", "rgb(1,2,3,none)", "rgb(1deg,2,3)", "rgb(1 2 3 / 1deg)",
		"rgb (1,2,3)", "rgb(1,2,3", "rgb(calc(1),2,3)", "rgb(var(--x))", "rgb(5.,2,3)",
		"rgb(1.e2,2,3)", "rgb(inf,2,3)", "rgb(nan,2,3)", "rgb(0x10,2,3)", "rgb(1_0,2,3)",
		"rgb(1e999,2,3)", "rgb(1,2,3)x", "xrgb(1,2,3)", "rgb(1;2;3)",
		"hsl(120,100,50)", "hsl(120%,100%,50%)", "hsl(120 100% 50% / 1deg)", "hsl(120deg 100deg 50%)",
		"hsl(1e308turn 100% 50%)", "hsl(120 100%)",
		"color(display-p3 1 0 0)", "color(srgb 1, 0, 0)", "color(srgb 1 0)", "color(1 0 0)",
		"lab(50% 40 59)", "oklch(70% 0.1 120)", "hwb(120 0% 0%)",
	} {
		_, err := a11y.ParseColor(in)
		require.Error(t, err, "%q", in)
		assert.ErrorIs(t, err, a11y.ErrUnknownColor, "%q", in)
		assert.NotErrorIs(t, err, a11y.ErrCurrentColor, "%q", in)
		assert.Contains(t, err.Error(), strconv.Quote(in), "the message names the input")
	}
}

func TestParseColorErrorMessage(t *testing.T) {
	_, err := a11y.ParseColor("<script>")
	assert.EqualError(t, err, `a11y: unknown color "<script>"`)

	long := strings.Repeat("x", 10000)
	_, err = a11y.ParseColor(long)
	require.ErrorIs(t, err, a11y.ErrUnknownColor)
	assert.Less(t, len(err.Error()), 120, "long input is cut in the message")
}

func TestParseColorCurrentColor(t *testing.T) {
	for _, in := range []string{"currentcolor", "currentColor", " CURRENTCOLOR "} {
		_, err := a11y.ParseColor(in)
		assert.ErrorIs(t, err, a11y.ErrCurrentColor, in)
		assert.NotErrorIs(t, err, a11y.ErrUnknownColor, in)
	}
}

func TestColorLuminance(t *testing.T) {
	assert.InDelta(t, 0, a11y.Color{A: 1}.Luminance(), 1e-12)
	assert.InDelta(t, 1, a11y.Color{R: 255, G: 255, B: 255, A: 1}.Luminance(), 1e-12)
	// Pure primaries give the BT.709 coefficients.
	assert.InDelta(t, 0.2126, a11y.Color{R: 255, A: 1}.Luminance(), 1e-12)
	assert.InDelta(t, 0.7152, a11y.Color{G: 255, A: 1}.Luminance(), 1e-12)
	assert.InDelta(t, 0.0722, a11y.Color{B: 255, A: 1}.Luminance(), 1e-12)
	// 10.2/255 = 0.04 lies between 0.03928 and 0.04045: the linear segment applies.
	v := 10.2
	assert.InDelta(t, v/255/12.92, a11y.Color{R: v, G: v, B: v, A: 1}.Luminance(), 1e-15)
	// Above the threshold the power curve applies.
	v = 128
	assert.InDelta(t, math.Pow((v/255+0.055)/1.055, 2.4), a11y.Color{R: v, G: v, B: v, A: 1}.Luminance(), 1e-15)
	// Alpha is ignored, out-of-range channels are clamped.
	assert.Equal(t, a11y.Color{R: 255, A: 1}.Luminance(), a11y.Color{R: 255, A: 0.2}.Luminance())
	assert.InDelta(t, 1, a11y.Color{R: 300, G: 300, B: 300, A: 1}.Luminance(), 1e-12)
}

func TestContrast(t *testing.T) {
	mustParse := func(s string) a11y.Color {
		c, err := a11y.ParseColor(s)
		require.NoError(t, err, s)
		return c
	}
	tests := []struct {
		fg, bg string
		want   float64
		delta  float64
	}{
		{"black", "white", 21, 1e-9},
		{"#fff", "#000", 21, 1e-9},
		{"white", "white", 1, 1e-12},
		{"#777", "#777", 1, 1e-12},
		{"#777", "white", 4.48, 0.005},
		{"#767676", "white", 4.54, 0.005},
		{"#595959", "white", 7.0, 0.01},
		{"red", "white", 4.0, 0.005},
		{"blue", "white", 8.59, 0.005},
		{"#0000ee", "white", 9.40, 0.005},
	}
	for _, tt := range tests {
		fg, bg := mustParse(tt.fg), mustParse(tt.bg)
		assert.InDelta(t, tt.want, a11y.Contrast(fg, bg), tt.delta, "%s on %s", tt.fg, tt.bg)
		assert.Equal(t, a11y.Contrast(fg, bg), a11y.Contrast(bg, fg), "%s on %s is symmetric", tt.fg, tt.bg)
	}
	// #767676 is the lightest grey meeting 4.5:1 on white; #777 fails it.
	assert.GreaterOrEqual(t, a11y.Contrast(mustParse("#767676"), mustParse("white")), a11y.ContrastThreshold(false, false))
	assert.Less(t, a11y.Contrast(mustParse("#777"), mustParse("white")), a11y.ContrastThreshold(false, false))
}

func TestColorOver(t *testing.T) {
	white := a11y.Color{R: 255, G: 255, B: 255, A: 1}
	half := a11y.Color{A: 0.5}
	got := half.Over(white)
	assert.InDelta(t, 127.5, got.R, 1e-12)
	assert.InDelta(t, 127.5, got.G, 1e-12)
	assert.InDelta(t, 127.5, got.B, 1e-12)
	assert.InDelta(t, 1, got.A, 1e-12)
	assert.True(t, got.Opaque())

	red := a11y.Color{R: 255, A: 1}
	assert.Equal(t, red, red.Over(white), "an opaque colour hides the backdrop")
	assert.Equal(t, white, a11y.Color{}.Over(white), "transparent shows the backdrop")
	assert.Equal(t, a11y.Color{}, a11y.Color{R: 9, A: 0}.Over(a11y.Color{G: 9, A: 0}), "nothing over nothing")

	// Translucent over translucent: a = 0.5 + 0.5×0.5.
	got = a11y.Color{R: 255, A: 0.5}.Over(a11y.Color{B: 255, A: 0.5})
	assert.InDelta(t, 0.75, got.A, 1e-12)
	assert.InDelta(t, 170, got.R, 1e-9)
	assert.InDelta(t, 0, got.G, 1e-9)
	assert.InDelta(t, 85, got.B, 1e-9)
	assert.False(t, got.Opaque())
	// Compositing the result over white equals compositing both layers in turn.
	viaResult := got.Over(white)
	inTurn := a11y.Color{R: 255, A: 0.5}.Over(a11y.Color{B: 255, A: 0.5}.Over(white))
	assert.InDelta(t, inTurn.R, viaResult.R, 1e-9)
	assert.InDelta(t, inTurn.G, viaResult.G, 1e-9)
	assert.InDelta(t, inTurn.B, viaResult.B, 1e-9)
}

func TestColorString(t *testing.T) {
	tests := []struct {
		c    a11y.Color
		want string
	}{
		{a11y.Color{R: 255, G: 0, B: 10, A: 1}, "rgb(255, 0, 10)"},
		{a11y.Color{R: 127.5, G: 127.5, B: 127.5, A: 1}, "rgb(127.5, 127.5, 127.5)"},
		{a11y.Color{R: 1.234567, G: 2, B: 3, A: 0.5}, "rgba(1.23, 2, 3, 0.5)"},
		{a11y.Color{R: -0.0001, A: 0.33333}, "rgba(0, 0, 0, 0.333)"},
		{a11y.Color{}, "rgba(0, 0, 0, 0)"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.c.String())
		back, err := a11y.ParseColor(tt.c.String())
		require.NoError(t, err, tt.c.String())
		assert.Equal(t, tt.want, back.String(), "round trip")
	}
	assert.Equal(t, "rgb(1, 2, 3)", fmt.Sprint(a11y.Color{R: 1, G: 2, B: 3, A: 1}))
}

func TestColorOpaque(t *testing.T) {
	assert.True(t, a11y.Color{A: 1}.Opaque())
	assert.False(t, a11y.Color{A: 0.999}.Opaque())
	assert.False(t, a11y.Color{}.Opaque())
}

func TestIsLargeText(t *testing.T) {
	tests := []struct {
		px     float64
		weight int
		want   bool
	}{
		{24, 400, true},
		{32, 100, true},
		{23.99, 400, false},
		{23.99, 700, true},
		{18.66, 700, true},
		{18.6667, 700, true}, // 14pt
		{18.65, 700, false},
		{18.67, 600, false},
		{18.66, 900, true},
		{16, 700, false},
		{0, 0, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, a11y.IsLargeText(tt.px, tt.weight), "%vpx weight %d", tt.px, tt.weight)
	}
}

func TestContrastThreshold(t *testing.T) {
	assert.Equal(t, 4.5, a11y.ContrastThreshold(false, false))
	assert.Equal(t, 3.0, a11y.ContrastThreshold(true, false))
	assert.Equal(t, 7.0, a11y.ContrastThreshold(false, true))
	assert.Equal(t, 4.5, a11y.ContrastThreshold(true, true))
}

func TestParseLength(t *testing.T) {
	const font, root = 20.0, 16.0
	tests := []struct {
		in   string
		want float64
	}{
		{"16px", 16},
		{" 12PX ", 12},
		{"12pt", 16},
		{"1pc", 16},
		{"1in", 96},
		{"2.54cm", 96},
		{"25.4mm", 96},
		{"4q", 96 / 25.4},
		{"1.5em", 30},
		{".5em", 10},
		{"2rem", 32},
		{"150%", 30},
		{"1.5", 30},
		{"0", 0},
		{"-2px", -2},
		{"1e1px", 10},
		{"+3px", 3},
	}
	for _, tt := range tests {
		got, ok := a11y.ParseLength(tt.in, font, root)
		require.True(t, ok, "%q", tt.in)
		assert.InDelta(t, tt.want, got, 1e-9, "%q", tt.in)
	}
	for _, in := range []string{
		"", "px", "normal", "medium", "auto", "12 px", "12ex", "12ch", "12vw", "calc(1px)", "1e400px",
		"1.px", "12px px", "--1px", "1.5.5px", "infinitypx", "nanpx", "0x10px", "1_0px", "12pxx", "e5px",
	} {
		_, ok := a11y.ParseLength(in, font, root)
		assert.False(t, ok, "%q", in)
	}
	_, ok := a11y.ParseLength("1em", math.Inf(1), root)
	assert.False(t, ok, "non-finite result")
}

func FuzzParseColor(f *testing.F) {
	for _, s := range []string{
		"red", "#abc", "#aabbccdd", "rgb(1,2,3)", "rgba(1 2 3 / 50%)", "hsl(120deg 100% 50%)",
		"hsla(1turn,0%,0%,.5)", "color(srgb 1 0 0 / none)", "currentcolor", "transparent", "rgb(1e308,1,1)",
		"hsl(1e300rad 1 1)", "hsl(0 1 70)", "12px", "1.5em",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = a11y.ParseLength(s, 16, 16)
		c, err := a11y.ParseColor(s)
		if err != nil {
			if !errors.Is(err, a11y.ErrUnknownColor) && !errors.Is(err, a11y.ErrCurrentColor) {
				t.Fatalf("ParseColor(%q): error %v wraps no sentinel", s, err)
			}
			return
		}
		for _, v := range []float64{c.R, c.G, c.B} {
			if !(v >= 0 && v <= 255) {
				t.Fatalf("ParseColor(%q) = %+v: channel out of range", s, c)
			}
		}
		if !(c.A >= 0 && c.A <= 1) {
			t.Fatalf("ParseColor(%q) = %+v: alpha out of range", s, c)
		}
		back, err := a11y.ParseColor(c.String())
		if err != nil {
			t.Fatalf("ParseColor(%q).String() = %q does not parse: %v", s, c.String(), err)
		}
		// String rounds channels to 0.01 and alpha to 0.001.
		if math.Abs(back.R-c.R) > 0.0051 || math.Abs(back.G-c.G) > 0.0051 || math.Abs(back.B-c.B) > 0.0051 ||
			math.Abs(back.A-c.A) > 0.00051 || back.String() != c.String() {
			t.Fatalf("round trip of %q: %+v then %+v", s, c, back)
		}
		if r := a11y.Contrast(c, back); !(r >= 1 && r <= 21) {
			t.Fatalf("contrast %v out of [1, 21]", r)
		}
	})
}

func BenchmarkParseColor(b *testing.B) {
	for _, in := range []string{"rgb(118, 118, 118)", "rgba(0, 0, 0, 0.5)", "lightgoldenrodyellow", "#767676", "hsl(210 60% 25% / 50%)"} {
		b.Run(in, func(b *testing.B) {
			for b.Loop() {
				if _, err := a11y.ParseColor(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func ExampleContrast() {
	text, _ := a11y.ParseColor("#767676")
	bg, _ := a11y.ParseColor("white")
	ratio := a11y.Contrast(text, bg)
	large := a11y.IsLargeText(16, 400)
	fmt.Printf("%.2f:1, needs %.1f:1, passes: %v\n", ratio, a11y.ContrastThreshold(large, false), ratio >= a11y.ContrastThreshold(large, false))

	overlay, _ := a11y.ParseColor("rgba(0, 0, 0, .5)")
	fmt.Println(overlay.Over(bg))
	// Output:
	// 4.54:1, needs 4.5:1, passes: true
	// rgb(127.5, 127.5, 127.5)
}
