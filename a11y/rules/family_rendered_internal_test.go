package rules

import (
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/stretchr/testify/assert"
)

func TestColorHex(t *testing.T) {
	for _, tc := range []struct {
		c    a11y.Color
		want string
	}{
		{a11y.Color{R: 0, G: 0, B: 0, A: 1}, "#000000"},
		{a11y.Color{R: 255, G: 255, B: 255, A: 1}, "#ffffff"},
		{a11y.Color{R: 89, G: 89, B: 89, A: 1}, "#595959"},
		{a11y.Color{R: 15.4, G: 15.6, B: 170, A: 1}, "#0f10aa"},
		{a11y.Color{R: -3, G: 300, B: 127.5, A: 1}, "#00ff80"},
	} {
		assert.Equal(t, tc.want, colorHex(tc.c))
	}
}
