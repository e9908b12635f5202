package a11y

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCollapseSpace checks the allocation-free path of CollapseSpace
// against the definition: fields split on Unicode white space, joined by
// one space.
func TestCollapseSpace(t *testing.T) {
	cases := []string{
		"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "\u00a0a", "a\u00a0b", "a\u0085",
		"Förnamn", "e-post *", "a\u2003b", "\xff \xfe", "a \xff", "\v", "x\fy", "x\ry",
	}
	pieces := []string{"a", "ö", " ", "  ", "\t", "\n", "\u00a0", "\u2028", "\xff", "ab"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		require.Equal(t, strings.Join(strings.Fields(s), " "), CollapseSpace(s), "%q", s)
	}
}
