package guidance

import (
	"regexp"
	"strconv"

	"github.com/delaktig/delaktig/a11y"
)

// FlowStepIndicator: a form in several steps shows on every step where the
// person is and how many steps there are ("Steg 2 av 4", "Trinn 2 av 4",
// "Step 2 of 4", or a list of the steps with aria-current="step"). Knowing
// how much is left helps people plan their time and energy, and tells them
// that the form is still going where they expect.
//
// The rule applies to flows with at least three form steps (pages with a
// question other than a site search box). Each form step with an indicator
// passes (PageFacts.StepIndicator); one without fails; one that gives the
// step's number but not the number of steps ("Steg 2 – Om ansökan") fails
// with its own message. When the number of steps an indicator gives changes
// along the flow, the step where it changed is cantTell: the flow may have
// grown because of an answer, or the indicator may be wrong.
//
// The rule maps to no success criterion (WCAG 2.4.8 Location is level AAA
// and wider); it carries the tag "inclusion".
var FlowStepIndicator = &a11y.Rule{
	ID:       "flow-step-indicator",
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopeFlow,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{indicatorShown, indicatorMissing, indicatorNoTotal, indicatorTotalChanged},
	Tags:     []string{"inclusion", "process"},
	Since:    flowSince,
	RunFlow:  runStepIndicator,
}

const (
	indicatorShown        a11y.Msg = "flow-step-indicator.shown"
	indicatorMissing      a11y.Msg = "flow-step-indicator.missing"
	indicatorNoTotal      a11y.Msg = "flow-step-indicator.no-total"
	indicatorTotalChanged a11y.Msg = "flow-step-indicator.total-changed"
)

// questionTotalChanged asks whether a changed number of steps is right.
const questionTotalChanged = "flow-step-indicator.total-right"

// minFormSteps is the fewest form steps a flow needs for the rule to apply.
const minFormSteps = 3

// stepNumberOnly matches "Steg 2", "Trinn 2", "Step 2" without a total.
var stepNumberOnly = regexp.MustCompile(`(?i)(?:^|[^\pL])(?:steg|trinn|step|sida|side|page)\s+(\d{1,2})(?:\s*[-–—:.|]|\s*$)`)

func runStepIndicator(p *a11y.FlowPass) error {
	facts := flowPageFacts(p.Pages)
	var form []int
	for i := range p.Pages {
		if len(formFieldsOf(flowDoc(p.Pages, i), facts[i])) > 0 {
			form = append(form, i)
		}
	}
	if len(form) < minFormSteps {
		return nil
	}
	lastTotal, lastStep := 0, -1
	for _, i := range form {
		si := facts[i].StepIndicator
		d := a11y.Data{"step": stepName(p.Pages, i), "count": len(form)}
		if si == nil {
			if num, node := stepNumberShown(flowDoc(p.Pages, i)); num > 0 {
				d["number"] = num
				p.Fail(i, node, indicatorNoTotal, d)
				continue
			}
			p.Fail(i, nil, indicatorMissing, d)
			continue
		}
		d["text"] = si.Text
		if si.Total > 0 && lastTotal > 0 && si.Total != lastTotal {
			d["total"], d["previous_total"], d["previous"] = si.Total, lastTotal, stepName(p.Pages, lastStep)
			p.CantTell(i, nil, indicatorTotalChanged, d, a11y.Ask(questionTotalChanged))
		} else {
			p.Pass(i, nil, indicatorShown, d)
		}
		if si.Total > 0 {
			lastTotal, lastStep = si.Total, i
		}
	}
	return nil
}

// stepNumberShown returns the step number a page shows without a total
// ("Steg 2 – Om ansökan") and the element showing it, or 0.
func stepNumberShown(doc *a11y.Document) (int, *a11y.Node) {
	if doc == nil {
		return 0, nil
	}
	for _, b := range AllTextBlocks(doc) {
		if m := stepNumberOnly.FindStringSubmatch(b.Text); m != nil {
			n, _ := strconv.Atoi(m[1])
			if n > 0 {
				return n, b.Node
			}
		}
	}
	return 0, nil
}
