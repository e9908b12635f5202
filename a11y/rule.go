package a11y

import (
	"encoding/json"
	"fmt"
	"maps"
)

// Outcome is the result of a rule for one target, with the W3C ACT / EARL
// values as its text form.
type Outcome uint8

// The outcomes, from least to most significant for a report.
const (
	Inapplicable Outcome = iota
	Passed
	Failed
	CantTell
)

var outcomeNames = [...]string{"inapplicable", "passed", "failed", "cantTell"}

// String returns the EARL name: "inapplicable", "passed", "failed" or "cantTell".
func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return fmt.Sprintf("Outcome(%d)", o)
}

// MarshalText implements encoding.TextMarshaler.
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (o *Outcome) UnmarshalText(b []byte) error {
	v, err := ParseOutcome(string(b))
	if err != nil {
		return err
	}
	*o = v
	return nil
}

// ParseOutcome parses an EARL outcome name.
func ParseOutcome(s string) (Outcome, error) {
	for i, n := range outcomeNames {
		if n == s {
			return Outcome(i), nil
		}
	}
	return 0, fmt.Errorf("a11y: unknown outcome %q", s)
}

// Impact is how badly a failure stops people, in axe-core's vocabulary.
type Impact uint8

// The impacts, in increasing order. Zero means unset.
const (
	Minor Impact = iota + 1
	Moderate
	Serious
	Critical
)

var impactNames = [...]string{"", "minor", "moderate", "serious", "critical"}

// String returns "minor", "moderate", "serious" or "critical" ("" when unset).
func (i Impact) String() string {
	if int(i) < len(impactNames) {
		return impactNames[i]
	}
	return fmt.Sprintf("Impact(%d)", i)
}

// MarshalText implements encoding.TextMarshaler.
func (i Impact) MarshalText() ([]byte, error) { return []byte(i.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (i *Impact) UnmarshalText(b []byte) error {
	v, err := ParseImpact(string(b))
	if err != nil {
		return err
	}
	*i = v
	return nil
}

// ParseImpact parses an impact name.
func ParseImpact(s string) (Impact, error) {
	for i, n := range impactNames {
		if n == s && i > 0 {
			return Impact(i), nil
		}
	}
	return 0, fmt.Errorf("a11y: unknown impact %q (want minor, moderate, serious or critical)", s)
}

// Scope is what a rule looks at.
type Scope uint8

// The rule scopes.
const (
	ScopeElement Scope = iota // elements of one page state
	ScopePage                 // one page state as a whole
	ScopeText                 // the text of a page (plain language)
	ScopeFlow                 // facts across the steps of a flow
)

var scopeNames = [...]string{"element", "page", "text", "flow"}

// String returns the scope name.
func (s Scope) String() string {
	if int(s) < len(scopeNames) {
		return scopeNames[s]
	}
	return fmt.Sprintf("Scope(%d)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Scope) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Msg is a message key, "<rule-id>.<message>". Text is looked up in the
// report's locale when the report is written.
type Msg string

// Rule is one accessibility check. A rule is a value: declare it as a package
// variable and list it in a registry slice.
type Rule struct {
	// ID is the stable kebab-case identifier; never reused.
	ID string
	// WCAG lists the success criteria ("1.1.1") a failure violates.
	WCAG []string
	// ACT lists the W3C ACT rule ids the rule implements.
	ACT []string
	// EN301549 lists the EN 301 549 V3.2.1 clauses ("9.1.1.1").
	EN301549 []string
	// Impact is the default impact of a failure.
	Impact Impact
	// Scope is what the rule looks at.
	Scope Scope
	// Needs lists the facts the rule requires. When a document lacks one,
	// the engine does not run the rule and reports one page-level cantTell.
	Needs Needs
	// Messages lists every message key the rule emits.
	Messages []Msg
	// Tags group rules for selection (tag:forms).
	Tags []string
	// Since is the version that introduced the rule.
	Since string
	// Run checks one document. It returns an error only for an engine
	// fault, never for a finding.
	Run func(*Pass) error
	// RunFlow checks facts across the steps of a flow (Scope == ScopeFlow).
	RunFlow func(*FlowPass) error
}

// String returns the rule id.
func (r *Rule) String() string { return r.ID }

// Data carries the values a message's placeholders name. A Data given to a
// Pass method belongs to the finding from then on: the finding may keep the
// map itself, so do not change it afterwards (build a new one per finding).
type Data map[string]any

// Question names what a person (or an oracle) must answer to settle a cantTell.
type Question string

// Ask returns the Question with the given key (a key of the catalogs'
// "questions" section).
func Ask(key string) Question { return Question(key) }

// Related lists other elements a finding refers to (a duplicate id, the
// label that should name a field).
type Related []*Node

// Arg is an optional argument of Pass.Fail, Pass.Pass and Pass.CantTell:
// Data, Question or Related.
type Arg interface{ apply(*findingArgs) }

// findingArgs collects the optional arguments of one outcome.
type findingArgs struct {
	data     Data
	question string
	related  []*Node
	// borrowed is set while data is the caller's own map: a second Data
	// merges into a copy, never into the caller's map.
	borrowed bool
}

func (a *findingArgs) collect(args []Arg) {
	for _, x := range args {
		// the argument kinds are all known: calling them directly keeps
		// a (one per outcome) off the heap
		switch x := x.(type) {
		case Data:
			x.apply(a)
		case Question:
			x.apply(a)
		case Related:
			x.apply(a)
		case nil:
		default:
			// a type embedding one of them
			b := *a
			x.apply(&b)
			*a = b
		}
	}
}

func (d Data) apply(a *findingArgs) {
	if a.data == nil {
		if d == nil {
			a.data = Data{}
		} else {
			a.data, a.borrowed = d, true
		}
		return
	}
	if len(d) == 0 {
		return
	}
	if a.borrowed {
		a.data, a.borrowed = maps.Clone(a.data), false
	}
	for k, v := range d {
		a.data[k] = v
	}
}

func (q Question) apply(a *findingArgs) { a.question = string(q) }

// MaxRelated bounds the related elements kept on one finding; the message
// data carries the full count where it matters.
const MaxRelated = 10

func (r Related) apply(a *findingArgs) {
	for _, n := range r {
		if len(a.related) >= MaxRelated {
			return
		}
		if n != nil {
			a.related = append(a.related, n)
		}
	}
}

// Target locates an element in a page.
type Target struct {
	Selector string `json:"selector,omitempty"`
	XPath    string `json:"xpath,omitempty"`
	Snippet  string `json:"snippet,omitempty"`
}

// Finding is one outcome of one rule for one target. The JSON names are the
// report contract (schema 1): rule, outcome, wcag, level, act, en301549,
// selector, snippet, message, help.
type Finding struct {
	Rule     string   `json:"rule"`
	Outcome  Outcome  `json:"outcome"`
	WCAG     []string `json:"wcag"`
	Level    string   `json:"level,omitempty"`
	ACT      []string `json:"act"`
	EN301549 []string `json:"en301549"`
	Selector string   `json:"selector,omitempty"`
	Snippet  string   `json:"snippet,omitempty"`
	Message  string   `json:"message"`
	Help     string   `json:"help,omitempty"`

	// Additions allowed by the schema.
	Impact     Impact   `json:"impact,omitempty"`
	XPath      string   `json:"xpath,omitempty"`
	Key        Msg      `json:"messageKey"`
	Data       Data     `json:"data,omitempty"`
	Question   string   `json:"question,omitempty"`
	Related    []Target `json:"related,omitempty"`
	Box        *Rect    `json:"box,omitempty"`
	Suppressed string   `json:"suppressed,omitempty"` // the reason given in the page or suppressions file
	Step       string   `json:"step,omitempty"`

	// Node is the element the finding is about (nil for page-level
	// findings of a flow); not serialised.
	Node *Node `json:"-"`

	relatedNodes []*Node // targets of Related, filled by FillTarget
}

// MarshalJSON keeps wcag, act and en301549 as arrays even when empty.
func (f Finding) MarshalJSON() ([]byte, error) {
	type plain Finding
	p := plain(f)
	if p.WCAG == nil {
		p.WCAG = []string{}
	}
	if p.ACT == nil {
		p.ACT = []string{}
	}
	if p.EN301549 == nil {
		p.EN301549 = []string{}
	}
	return json.Marshal(p)
}

// TargetOf returns the selector, XPath and snippet of n.
func TargetOf(n *Node) Target {
	return Target{Selector: Selector(n), XPath: XPath(n), Snippet: Snippet(n)}
}
