package rules

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCollapseSpace checks the allocation-free path of collapseSpace
// against the definition, and that excerpts are cut by characters.
func TestCollapseSpace(t *testing.T) {
	cases := []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "\u00a0a", "a\u0085", "Förnamn *", "\xff \xfe"}
	pieces := []string{"a", "ö", " ", "  ", "\t", "\n", "\u00a0", "\u2028", "\xff", "ab"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		require.Equal(t, strings.Join(strings.Fields(s), " "), collapseSpace(s), "%q", s)
	}
	long := strings.Repeat("å", maxExcerpt+5)
	require.Equal(t, strings.Repeat("å", maxExcerpt-1)+"…", excerpt(long))
	require.Equal(t, strings.Repeat("å", maxExcerpt), excerpt(strings.Repeat("å", maxExcerpt)))
}
