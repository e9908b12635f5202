// Package wcag holds the success criteria of WCAG 2.0, 2.1 and 2.2 and the
// clauses of EN 301 549 V3.2.1 clause 9 (web) as data, with lookups between
// them.
//
// Success criteria are named by their canonical number, such as "1.4.3", and
// EN 301 549 clauses by their clause number, such as "9.1.4.3". EN 301 549
// V3.2.1 restates the 50 level A and AA criteria of WCAG 2.1; the criteria new
// in WCAG 2.2 have no clause in it.
//
// Success criterion 4.1.1 Parsing was removed in WCAG 2.2. It stays in the
// table, marked [Criterion.Obsolete], because WCAG 2.0 and 2.1 and
// EN 301 549 V3.2.1 (clause 9.4.1.1) still list it; [Valid] reports it with
// [ErrObsolete] so that new rules do not cite it.
package wcag

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Criterion is one WCAG success criterion.
type Criterion struct {
	Number    string // canonical number, "1.4.3"
	Title     string // English short title as in WCAG 2.2, "Contrast (Minimum)"
	Level     string // conformance level: "A", "AA" or "AAA"
	Version   string // WCAG version that introduced it: "2.0", "2.1" or "2.2"
	Obsolete  bool   // removed in WCAG 2.2 (only 4.1.1 Parsing)
	Guideline string // number of its guideline, "1.4"
}

// Clause is one requirement of EN 301 549 V3.2.1 clause 9.
type Clause struct {
	ID    string // clause number, "9.1.4.3"
	Title string // the standard's title, "Contrast (minimum)"
	SC    string // WCAG success criterion the clause restates; "" for 9.6
	Note  string // how the clause differs from a plain success criterion, or ""
}

// ErrUnknown is returned, wrapped, by [Valid] for a string that names no
// WCAG success criterion.
var ErrUnknown = errors.New("wcag: unknown success criterion")

// ErrObsolete is returned, wrapped, by [Valid] for a success criterion that
// WCAG 2.2 removed (4.1.1 Parsing).
var ErrObsolete = errors.New("wcag: success criterion obsolete in wcag 2.2")

var (
	bySC     = map[string]int{}    // criterion number → index in criteria
	byClause = map[string]int{}    // clause ID → index in clauses
	scClause = map[string]string{} // criterion number → clause ID
)

func init() {
	for i := range criteria {
		c := &criteria[i]
		c.Guideline = c.Number[:strings.LastIndexByte(c.Number, '.')]
		bySC[c.Number] = i
	}
	for i, cl := range clauses {
		byClause[cl.ID] = i
		if cl.SC != "" {
			scClause[cl.SC] = cl.ID
		}
	}
}

// Lookup returns the success criterion numbered num, such as "1.4.3".
// Obsolete criteria are found too; check [Criterion.Obsolete] or use [Valid].
func Lookup(num string) (Criterion, bool) {
	i, ok := bySC[num]
	if !ok {
		return Criterion{}, false
	}
	return criteria[i], true
}

// All returns every success criterion of WCAG 2.0, 2.1 and 2.2, including the
// obsolete 4.1.1, in numeric order (1.4.9 before 1.4.10). The slice is a copy.
func All() []Criterion {
	return slices.Clone(criteria)
}

// ForVersion returns, in numeric order, the success criteria in force in WCAG
// version v ("2.0", "2.1" or "2.2") at levels up to and including maxLevel
// ("A", "AA" or "AAA"). Criteria removed by v (4.1.1 from 2.2 on) are left out.
// It returns nil for an unknown version or level.
func ForVersion(v, maxLevel string) []Criterion {
	vr, lr := versionRank(v), levelRank(maxLevel)
	if vr < 0 || lr < 0 {
		return nil
	}
	var out []Criterion
	for _, c := range criteria {
		if versionRank(c.Version) > vr || levelRank(c.Level) > lr {
			continue
		}
		if c.Obsolete && vr >= versionRank("2.2") {
			continue
		}
		out = append(out, c)
	}
	return out
}

// Valid reports whether sc is a success criterion a rule may cite. It wraps
// [ErrUnknown] for anything that is not a WCAG 2.x criterion number and
// [ErrObsolete] for criteria removed in WCAG 2.2.
func Valid(sc string) error {
	c, ok := Lookup(sc)
	if !ok {
		return fmt.Errorf("%w %q", ErrUnknown, sc)
	}
	if c.Obsolete {
		return fmt.Errorf("%w: %s %s", ErrObsolete, c.Number, c.Title)
	}
	return nil
}

// EN301549 returns the EN 301 549 V3.2.1 clause numbered id, such as
// "9.1.4.3" or "9.6". Void and informative clauses are not found.
func EN301549(id string) (Clause, bool) {
	i, ok := byClause[id]
	if !ok {
		return Clause{}, false
	}
	return clauses[i], true
}

// ClauseForSC returns the EN 301 549 V3.2.1 clause that restates success
// criterion sc: "9.1.4.3" for "1.4.3". Level AAA criteria and criteria new in
// WCAG 2.2 have none.
func ClauseForSC(sc string) (string, bool) {
	id, ok := scClause[sc]
	return id, ok
}

// Clauses returns the web requirements of EN 301 549 V3.2.1: the 50 clauses
// that restate WCAG 2.1 level A and AA criteria, in numeric order, followed by
// 9.6 (conformance requirements, with an empty SC). The slice is a copy.
func Clauses() []Clause {
	return slices.Clone(clauses)
}

// Principle returns the number and English title of the principle that ref
// belongs to; ref is a principle, guideline or criterion number ("1", "1.4"
// or "1.4.3"). It returns empty strings when ref names no principle.
func Principle(ref string) (num, title string) {
	num, _, _ = strings.Cut(ref, ".")
	for _, p := range principles {
		if p.num == num {
			return p.num, p.en
		}
	}
	return "", ""
}

// Guideline returns the number and English title of the guideline that ref
// belongs to; ref is a guideline or criterion number ("1.4" or "1.4.3"). It
// returns empty strings when ref names no guideline.
func Guideline(ref string) (num, title string) {
	parts := strings.SplitN(ref, ".", 3)
	if len(parts) < 2 {
		return "", ""
	}
	num = parts[0] + "." + parts[1]
	for _, g := range guidelines {
		if g.num == num {
			return g.num, g.title
		}
	}
	return "", ""
}

// PrincipleTitle returns the title of principle num ("1" to "4") in language
// lang: "sv" (Swedish), "nb" (Norwegian Bokmål) or "en" (English, also used
// for any other lang). It returns "" for an unknown principle.
func PrincipleTitle(num, lang string) string {
	for _, p := range principles {
		if p.num != num {
			continue
		}
		switch lang {
		case "sv":
			return p.sv
		case "nb":
			return p.nb
		}
		return p.en
	}
	return ""
}

// CompareSC compares two dotted numbers (criteria, guidelines or clauses)
// part by part as integers, so "1.4.9" sorts before "1.4.10". Parts that are
// not decimal integers compare as strings after all numeric parts. A number
// that is a prefix of the other sorts first, and numbers that are equal part
// by part ("1.04" and "1.4") are ordered by their text, so the result is 0
// only for identical strings. The result is -1, 0 or +1.
func CompareSC(a, b string) int {
	origA, origB := a, b
	for a != "" || b != "" {
		if a == "" {
			return -1
		}
		if b == "" {
			return 1
		}
		var pa, pb string
		pa, a, _ = strings.Cut(a, ".")
		pb, b, _ = strings.Cut(b, ".")
		if c := comparePart(pa, pb); c != 0 {
			return c
		}
	}
	return strings.Compare(origA, origB)
}

func comparePart(a, b string) int {
	na, errA := strconv.ParseUint(a, 10, 64)
	nb, errB := strconv.ParseUint(b, 10, 64)
	switch {
	case errA == nil && errB == nil:
		if na < nb {
			return -1
		}
		if na > nb {
			return 1
		}
		return 0
	case errA == nil:
		return -1
	case errB == nil:
		return 1
	}
	return strings.Compare(a, b)
}

func versionRank(v string) int {
	return slices.Index([]string{"2.0", "2.1", "2.2"}, v)
}

func levelRank(l string) int {
	return slices.Index([]string{"A", "AA", "AAA"}, l)
}
