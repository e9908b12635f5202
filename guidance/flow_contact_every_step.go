package guidance

import (
	"github.com/delaktig/delaktig/a11y"
)

// FlowContactEveryStep: from every step of the flow, people can reach a
// person another way — a phone number, an e-mail or postal address,
// opening hours, or a link to contact or help. Whoever gets stuck halfway
// (a question they do not understand, a document they cannot upload, a
// login that does not work) must not have to leave the e-service to find
// out how to get help; municipalities must offer an analogue alternative.
//
// The rule reads the help items of every step (PageFacts.Help, as the
// inclusion-contact rule exports them). Links to questions and answers alone
// do not count: they are self-help, not a person. The flow passes when every
// step has a way to contact someone, and fails once, on the first step
// without one, naming all such steps. A flow without pages is inapplicable.
var FlowContactEveryStep = &a11y.Rule{
	ID:       "flow-contact-every-step",
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeFlow,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{contactEveryStep, contactSomeSteps},
	Tags:     []string{"inclusion", "help"},
	Since:    flowSince,
	RunFlow:  runContactEveryStep,
}

const (
	contactEveryStep a11y.Msg = "flow-contact-every-step.every-step"
	contactSomeSteps a11y.Msg = "flow-contact-every-step.missing"
)

// humanContact lists the help kinds that reach a person.
var humanContact = map[string]bool{
	HelpContactLink: true, HelpPhone: true, HelpEmail: true, HelpAddress: true, HelpHours: true,
}

func runContactEveryStep(p *a11y.FlowPass) error {
	facts := flowPageFacts(p.Pages)
	var missing []string
	first := -1
	audited := 0
	for i, f := range facts {
		if flowDoc(p.Pages, i) == nil {
			continue
		}
		audited++
		ok := false
		for _, h := range f.Help {
			if humanContact[h.Kind] {
				ok = true
				break
			}
		}
		if !ok {
			missing = append(missing, stepName(p.Pages, i))
			if first < 0 {
				first = i
			}
		}
	}
	if audited == 0 {
		return nil
	}
	if len(missing) == 0 {
		p.Pass(len(p.Pages)-1, nil, contactEveryStep, a11y.Data{"count": audited})
		return nil
	}
	p.Fail(first, nil, contactSomeSteps, a11y.Data{"steps": joinNames(missing), "count": len(missing), "total": audited})
	return nil
}
