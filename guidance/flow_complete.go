package guidance

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// FlowComplete: the whole process can be done. WCAG's conformance
// requirement 5 ("complete processes") says a page that is part of a process
// conforms only if every page of the process does; a process a user cannot
// finish has no conforming pages at all. Delaktig walks the flow as a user
// would, so a step it cannot do (a button that never appears, a page that
// does not load, an expectation that does not hold) is a strong sign that
// people cannot finish either — or that the flow file is out of date, which
// the message says too.
//
// The rule reads MetaCompleted, MetaFailedStep, MetaError, MetaDone and
// MetaSteps. A flow that was completed passes; one that was not fails once,
// on the last page reached, naming the step that failed and why. Without
// MetaCompleted the rule says nothing. The error text comes from the checker,
// which masks secrets in it.
//
// The rule maps to no success criterion (conformance requirements are not
// success criteria); it carries the tag "process".
var FlowComplete = &a11y.Rule{
	ID:       "flow-complete",
	Impact:   a11y.Critical,
	Scope:    a11y.ScopeFlow,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{completeDone, completeStopped},
	Tags:     []string{"process"},
	Since:    flowSince,
	RunFlow:  runFlowComplete,
}

const (
	completeDone    a11y.Msg = "flow-complete.done"
	completeStopped a11y.Msg = "flow-complete.stopped"
)

// maxErrorText bounds the error text a message quotes.
const maxErrorText = 300

func runFlowComplete(p *a11y.FlowPass) error {
	completed, ok := metaBool(p.Meta, MetaCompleted)
	if !ok {
		return nil
	}
	last := len(p.Pages) - 1
	steps, _ := metaInt(p.Meta, MetaSteps)
	done, _ := metaInt(p.Meta, MetaDone)
	if completed {
		p.Pass(last, nil, completeDone, a11y.Data{"count": max(steps, len(p.Pages))})
		return nil
	}
	step, _ := metaString(p.Meta, MetaFailedStep)
	step = quote(step)
	if step == "" {
		step = "?"
	}
	reason, _ := metaString(p.Meta, MetaError)
	reason = strings.Join(strings.Fields(reason), " ")
	if r := []rune(reason); len(r) > maxErrorText {
		reason = string(r[:maxErrorText-1]) + "…"
	}
	if reason == "" {
		reason = "?"
	}
	p.Fail(last, nil, completeStopped, a11y.Data{"step": step, "error": reason, "done": done, "steps": steps})
	return nil
}
