package rules

import "github.com/delaktig/delaktig/a11y"

// GroupFieldset: radio buttons, and checkboxes that share a name, sit in one
// group with a name that asks the question: a <fieldset> with a <legend>, or
// an element with role=group or role=radiogroup and a label. Without it,
// screen-reader users hear "Yes, radio button, 1 of 2" without the question
// the answers belong to.
//
// Targets are groups of at least two radio buttons, or two checkboxes, of
// the same form with the same name, counting those in the accessibility
// tree. The group passes when all of them have the same nearest group
// container and it has a name; the outcome is given on the container, or on
// the first field when the fields are not grouped.
var GroupFieldset = &a11y.Rule{
	ID:       "group-fieldset",
	WCAG:     []string{"1.3.1", "3.3.2"},
	EN301549: []string{"9.1.3.1", "9.3.3.2"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{groupFieldsetGrouped, groupFieldsetNotGrouped, groupFieldsetNoName},
	Tags:     []string{"forms", "labels"},
	Since:    "0.1.0",
	Run:      runGroupFieldset,
}

const (
	groupFieldsetGrouped    a11y.Msg = "group-fieldset.grouped"
	groupFieldsetNotGrouped a11y.Msg = "group-fieldset.not-grouped"
	groupFieldsetNoName     a11y.Msg = "group-fieldset.no-name"
)

func runGroupFieldset(p *a11y.Pass) error {
	css := newAuthorStyles(p.Doc)
	for _, g := range fieldGroups(p) {
		var members []*a11y.Node
		for _, m := range g.members {
			if shownField(p, css, m) != visNo {
				members = append(members, m)
			}
		}
		if len(members) < 2 {
			continue
		}
		container := groupContainer(p, members[0])
		for _, m := range members[1:] {
			if groupContainer(p, m) != container {
				container = nil
				break
			}
		}
		data := a11y.Data{"kind": g.kind, "count": len(members)}
		switch {
		case container == nil:
			p.Fail(members[0], groupFieldsetNotGrouped, data, a11y.Related(members[1:]))
		case groupLegend(p, container) == "":
			p.Fail(container, groupFieldsetNoName, data, a11y.Related(members))
		default:
			data["legend"] = excerpt(groupLegend(p, container))
			p.Pass(container, groupFieldsetGrouped, data)
		}
	}
	return nil
}
