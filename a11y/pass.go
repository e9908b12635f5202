package a11y

import (
	"iter"

	"golang.org/x/net/html/atom"
)

// Pass is what a rule sees while it checks one document: the document, the
// memoised engine helpers (roles, names, tree inclusion, focus) and the
// functions that record outcomes. Rules never learn whether the document came
// from static HTML or from a browser.
type Pass struct {
	Doc  *Document
	Rule *Rule

	// outcomes are kept small while the rule runs: Check sorts them and
	// builds each Finding once, in its final place
	outcomes []outcome
	facts    []any
}

// outcome is one recorded outcome of a Pass, before it becomes a Finding.
type outcome struct {
	node  *Node
	key   Msg
	data  Data
	extra *outcomeExtra // nil when the outcome has neither
	o     Outcome
}

// outcomeExtra holds the less common arguments of an outcome.
type outcomeExtra struct {
	question string
	related  []*Node
}

// NewPass returns a Pass of rule over doc. The engine makes passes itself;
// this is for tests and for drivers that run one rule by hand.
func NewPass(doc *Document, rule *Rule) *Pass { return &Pass{Doc: doc, Rule: rule} }

// Findings returns the outcomes recorded so far.
func (p *Pass) Findings() []Finding {
	out := make([]Finding, len(p.outcomes))
	level := levelOf(p.Rule.WCAG)
	for i := range p.outcomes {
		p.outcomes[i].fill(&out[i], p.Rule, level)
	}
	return out
}

// Facts returns the facts exported so far.
func (p *Pass) Facts() []any { return p.facts }

// Elements iterates over the document's elements (see Document.Elements).
func (p *Pass) Elements(atoms ...atom.Atom) iter.Seq[*Node] { return p.Doc.Elements(atoms...) }

// Has reports whether the document carries the facts f.
func (p *Pass) Has(f Needs) bool { return p.Doc.Has(f) }

// Role returns the computed role of n (see Document.Role).
func (p *Pass) Role(n *Node) string { return p.Doc.Role(n) }

// Name returns the accessible name of n (see Document.Name).
func (p *Pass) Name(n *Node) string { return p.Doc.Name(n) }

// Description returns the accessible description of n.
func (p *Pass) Description(n *Node) string { return p.Doc.Description(n) }

// InAXTree reports whether n is included in the accessibility tree.
func (p *Pass) InAXTree(n *Node) bool { return p.Doc.InAXTree(n) }

// Hidden reports whether n is hidden from every user (see Document.Hidden).
func (p *Pass) Hidden(n *Node) bool { return p.Doc.Hidden(n) }

// Focusable reports whether n can receive focus.
func (p *Pass) Focusable(n *Node) bool { return p.Doc.Focusable(n) }

// Tabbable reports whether n is in the sequential focus navigation order.
func (p *Pass) Tabbable(n *Node) bool { return p.Doc.Tabbable(n) }

// Export records a fact for flow rules: a pointer to a small JSON-encodable struct.
func (p *Pass) Export(fact any) { p.facts = append(p.facts, fact) }

// Pass records that n passed the rule.
func (p *Pass) Pass(n *Node, key Msg, args ...Arg) { p.add(n, Passed, key, args) }

// Fail records that n failed the rule.
func (p *Pass) Fail(n *Node, key Msg, args ...Arg) { p.add(n, Failed, key, args) }

// CantTell records that the rule could not decide for n; pass Ask(…) to
// name the question a person or an oracle must answer.
func (p *Pass) CantTell(n *Node, key Msg, args ...Arg) { p.add(n, CantTell, key, args) }

// Inapplicable records an explicit inapplicable outcome for n. Rules
// normally emit nothing for targets they do not apply to.
func (p *Pass) Inapplicable(n *Node, key Msg, args ...Arg) { p.add(n, Inapplicable, key, args) }

// PageNode returns the node page-level outcomes attach to: the top
// document's root element, or the document node for an empty document.
func (p *Pass) PageNode() *Node {
	if h := p.Doc.HTML(); h != nil {
		return h
	}
	return p.Doc.Root
}

func (p *Pass) add(n *Node, o Outcome, key Msg, args []Arg) {
	if n == nil {
		n = p.PageNode()
	}
	oc := outcome{node: n, key: key, o: o}
	if len(args) > 0 {
		var a findingArgs
		a.collect(args)
		oc.data = a.data
		if a.question != "" || a.related != nil {
			oc.extra = &outcomeExtra{question: a.question, related: a.related}
		}
	}
	p.outcomes = append(p.outcomes, oc)
}

// fill sets the fields of f, a zero Finding, for an outcome of rule r;
// level is r's level. Setting only the fields an outcome has, in place,
// spares copying whole findings (most of their fields empty) in Check.
func (oc *outcome) fill(f *Finding, r *Rule, level string) {
	f.Rule = r.ID
	f.Outcome = oc.o
	f.WCAG = r.WCAG
	f.ACT = r.ACT
	f.EN301549 = r.EN301549
	f.Key = oc.key
	f.Node = oc.node
	f.Level = level
	if oc.data != nil {
		f.Data = oc.data
	}
	if oc.extra != nil {
		f.Question, f.relatedNodes = oc.extra.question, oc.extra.related
	}
	if oc.o == Failed {
		f.Impact = r.Impact
	}
}

func newFinding(r *Rule, n *Node, o Outcome, key Msg) Finding {
	f := Finding{
		Rule:     r.ID,
		Outcome:  o,
		WCAG:     r.WCAG,
		ACT:      r.ACT,
		EN301549: r.EN301549,
		Key:      key,
		Node:     n,
		Level:    levelOf(r.WCAG),
	}
	if o == Failed {
		f.Impact = r.Impact
	}
	return f
}

// FillTarget sets the selector, XPath, snippet and box of a finding from its
// node. Check does it for failed and cantTell findings (computing targets for
// every passed element would cost more than the rules); drivers that list
// every outcome call it for the rest.
func FillTarget(f *Finding) {
	for _, r := range f.relatedNodes {
		f.Related = append(f.Related, TargetOf(r))
	}
	f.relatedNodes = nil
	n := f.Node
	if n == nil || n.Type != ElementNode || f.Selector != "" {
		return
	}
	f.Selector = Selector(n)
	f.XPath = XPath(n)
	f.Snippet = Snippet(n)
	if n.Box != nil {
		b := *n.Box
		f.Box = &b
	}
}

// FlowPage is one audited state of a flow, as flow rules see it.
type FlowPage struct {
	Step     string
	URL      string
	Doc      *Document
	Facts    []any
	Findings []Finding
}

// FlowPass is what a flow rule sees: every audited state of a flow, in order.
type FlowPass struct {
	Rule  *Rule
	Pages []*FlowPage
	// Meta carries flow-level facts from the checker (for example a step
	// that could not be completed), keyed by names the checker documents.
	Meta map[string]any

	findings []Finding
}

// Findings returns the outcomes recorded so far.
func (p *FlowPass) Findings() []Finding { return p.findings }

// Fail records a failure on page i (n may be nil for the page as a whole).
func (p *FlowPass) Fail(i int, n *Node, key Msg, args ...Arg) { p.add(i, n, Failed, key, args) }

// Pass records a pass on page i.
func (p *FlowPass) Pass(i int, n *Node, key Msg, args ...Arg) { p.add(i, n, Passed, key, args) }

// CantTell records an undecided outcome on page i.
func (p *FlowPass) CantTell(i int, n *Node, key Msg, args ...Arg) {
	p.add(i, n, CantTell, key, args)
}

func (p *FlowPass) add(i int, n *Node, o Outcome, key Msg, args []Arg) {
	var page *FlowPage
	if i >= 0 && i < len(p.Pages) {
		page = p.Pages[i]
	}
	if n == nil && page != nil && page.Doc != nil {
		n = page.Doc.HTML()
	}
	f := newFinding(p.Rule, n, o, key)
	if page != nil {
		f.Step = page.Step
	}
	var a findingArgs
	a.collect(args)
	f.Data, f.Question, f.relatedNodes = a.data, a.question, a.related
	p.findings = append(p.findings, f)
}
