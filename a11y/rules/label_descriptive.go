package rules

import (
	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// LabelDescriptive: the label of a form field tells what to enter or choose
// ("Menu" next to a name field does not). Only a person can judge that, so
// every target is cantTell with the question "does the label, read with what
// is around it, describe the field?"; the rule never fails.
//
// ACT cc0f0a (not yet approved by W3C). Targets are the programmatic labels
// (associated <label> elements and aria-labelledby targets) of visible
// fields with the role checkbox, combobox, listbox, menuitemcheckbox,
// menuitemradio, radio, searchbox, slider, spinbutton, switch or textbox,
// when the label itself is visible. A label shared by several fields is
// asked about once.
var LabelDescriptive = &a11y.Rule{
	ID:       "label-descriptive",
	WCAG:     []string{"2.4.6"},
	ACT:      []string{"cc0f0a"},
	EN301549: []string{"9.2.4.6"},
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{labelDescriptiveCheck},
	Tags:     []string{"forms", "names", "judgement"},
	Since:    "0.1.0",
	Run:      runLabelDescriptive,
}

const labelDescriptiveCheck a11y.Msg = "label-descriptive.check"

func runLabelDescriptive(p *a11y.Pass) error {
	asked := map[*a11y.Node]bool{}
	for n := range p.Elements() {
		if !isFormField(p, n) || !visibleForJudgement(p, n) {
			continue
		}
		labels := p.Doc.Labels(n)
		if v, ok := n.AttrValue("aria-labelledby"); ok {
			refs, _ := p.Doc.IDRefs(n, v)
			labels = append(labels, refs...)
		}
		for _, l := range labels {
			if l == n || asked[l] {
				continue
			}
			text := a11y.CollapseSpace(l.Text())
			if text == "" && !hasPictures(l) || !visibleForJudgement(p, l) {
				continue
			}
			asked[l] = true
			d := nameData(text)
			d["label"] = d["name"]
			delete(d, "name")
			p.CantTell(l, labelDescriptiveCheck, askLabelDescriptive, d, a11y.Related{n})
		}
	}
	return nil
}

// hasPictures reports whether n holds an image that can stand for text.
func hasPictures(n *a11y.Node) bool {
	stack := []*a11y.Node{n}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if e != n && (e.Is(atom.Img, atom.Canvas) || e.Namespace == a11y.NamespaceSVG && e.Data == "svg") {
			return true
		}
		for c := range e.ElementChildren() {
			stack = append(stack, c)
		}
	}
	return false
}
