package checker

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestExpandBox(t *testing.T) {
	sides := boxShorthands["border-color"]
	for _, tc := range []struct {
		in   string
		want [4]string
	}{
		{"0px", [4]string{"0px", "0px", "0px", "0px"}},
		{"1px 2px", [4]string{"1px", "2px", "1px", "2px"}},
		{"1px 2px 3px", [4]string{"1px", "2px", "3px", "2px"}},
		{"1px 2px 3px 4px", [4]string{"1px", "2px", "3px", "4px"}},
		{"rgb(0, 0, 0) color(srgb 1 0 0)", [4]string{"rgb(0, 0, 0)", "color(srgb 1 0 0)", "rgb(0, 0, 0)", "color(srgb 1 0 0)"}},
		{"  solid  dashed ", [4]string{"solid", "dashed", "solid", "dashed"}},
	} {
		m := map[string]string{}
		expandBox(m, sides, tc.in)
		assert.Equal(t, tc.want, [4]string{m[sides[0]], m[sides[1]], m[sides[2]], m[sides[3]]}, tc.in)
	}
	for _, bad := range []string{"", "a b c d e"} {
		m := map[string]string{}
		expandBox(m, sides, bad)
		assert.Empty(t, m, "%q is no box value", bad)
	}
}

func TestRequested(t *testing.T) {
	got := requested([]string{"color", "padding-top", "padding-right", "padding-bottom", "padding-left", "border-top-width", "display"})
	assert.Equal(t, []string{"color", "padding", "border-top-width", "display"}, got, "only complete groups become shorthands")
	full := requested(StyleProperties)
	assert.Len(t, full, len(StyleProperties)-12)
	assert.Empty(t, prunedFrom(full))
	assert.Equal(t, []string{"opacity"}, prunedFrom(requested(without(StyleProperties, "opacity"))))
	assert.Equal(t, full, captureProperties(&styleScan{Opaque: true}))
	less := captureProperties(&styleScan{Props: map[string][]string{
		"opacity":          {"1", "0.5"},
		"filter":           {"none", "inherit"},
		"background-image": {"initial", "*"},
		"background-clip":  {"initial", "revert"},
		"outline-color":    {"currentcolor"},
		"text-shadow":      {"var(--s)"},
	}})
	for _, p := range []string{"opacity", "background-image", "text-shadow"} {
		assert.Contains(t, less, p)
	}
	for _, p := range []string{"filter", "background-clip", "outline-color", "box-shadow"} {
		assert.NotContains(t, less, p, "only initial values or CSS-wide keywords are declared")
	}
	assert.Contains(t, less, "color", "properties the user agent sets are always asked for")
}

func without(props []string, p string) []string {
	var out []string
	for _, q := range props {
		if q != p {
			out = append(out, q)
		}
	}
	return out
}
