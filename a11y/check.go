package a11y

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/delaktig/delaktig/a11y/locale"
	"github.com/delaktig/delaktig/a11y/wcag"
)

// Engine is the pseudo-rule that owns the engine's own findings: facts a
// rule needed but the document lacked, rule errors, bad suppressions.
var Engine = &Rule{
	ID:       "engine",
	Impact:   Moderate,
	Scope:    ScopePage,
	Needs:    NeedsDOM,
	Messages: []Msg{MsgNeedsStyle, MsgNeedsLayout, MsgNeedsInteraction, MsgRuleError, MsgSuppressionNoReason},
	Since:    "0.1.0",
	Run:      func(*Pass) error { return nil },
}

// The engine's message keys.
const (
	MsgNeedsStyle          Msg = "engine.needs-style"
	MsgNeedsLayout         Msg = "engine.needs-layout"
	MsgNeedsInteraction    Msg = "engine.needs-interaction"
	MsgRuleError           Msg = "engine.rule-error"
	MsgSuppressionNoReason Msg = "engine.suppression-no-reason"
)

// Options configure Check. The zero value is usable once Rules is set.
type Options struct {
	// Rules to run, in order.
	Rules []*Rule
	// Locale of the rendered messages ("en", "sv", "nb"; anything the
	// locale package negotiates). Empty means English.
	Locale string
	// IgnoreSuppressions reports suppressed findings as if no suppression
	// were given.
	IgnoreSuppressions bool
	// AllTargets fills selector, XPath and snippet for every finding, not
	// only for failed and cantTell ones.
	AllTargets bool
	// Workers is the number of goroutines the rules run on; 0 lets Check
	// choose (one for small documents, else up to GOMAXPROCS, at most 4).
	// The findings are the same whatever the number.
	Workers int
}

// Option changes Options.
type Option = func(*Options)

// DefaultOptions returns the options Check starts from.
func DefaultOptions() Options { return Options{Locale: "en"} }

// WithRules sets the rules to run.
func WithRules(rules ...*Rule) Option {
	return func(o *Options) { o.Rules = append(o.Rules[:0:0], rules...) }
}

// WithAllTargets fills selector, XPath and snippet on passed and
// inapplicable findings too (for reports listing every outcome).
func WithAllTargets() Option { return func(o *Options) { o.AllTargets = true } }

// WithWorkers sets the number of goroutines Check runs the rules on (1:
// one after the other on the calling goroutine; 0: Check chooses).
func WithWorkers(n int) Option { return func(o *Options) { o.Workers = n } }

// WithLocale sets the language of rendered messages (a BCP 47 tag).
func WithLocale(lang string) Option { return func(o *Options) { o.Locale = lang } }

// Result is what Check found in one document.
type Result struct {
	// Findings holds every outcome, in document order then rule order.
	Findings []Finding
	// Facts holds what rules exported for flow rules.
	Facts []any
	// Errors holds rule faults (each also reported as a cantTell finding).
	Errors []error
}

// Err returns the rule faults joined, or nil.
func (r *Result) Err() error { return errors.Join(r.Errors...) }

// ErrNoRules is returned by Check when no rule was given.
var ErrNoRules = errors.New("a11y: no rules to run (use a11y.WithRules(rules.All()...))")

// Check runs the rules over doc and returns every outcome. A rule needing a
// fact the document lacks is not run: it answers one page-level cantTell. A
// rule that fails or panics answers cantTell with key engine.rule-error and
// the run goes on. Check returns an error only when ctx ends or no rule was given.
func Check(ctx context.Context, doc *Document, opts ...Option) (*Result, error) {
	o := DefaultOptions()
	for _, f := range opts {
		f(&o)
	}
	if len(o.Rules) == 0 {
		return nil, ErrNoRules
	}
	res := &Result{}
	workers := o.workers(doc)
	parts, stopped := runRules(ctx, doc, o.Rules, workers)
	for i := range parts {
		res.Facts = append(res.Facts, parts[i].facts...)
		if parts[i].err != nil {
			res.Errors = append(res.Errors, parts[i].err)
		}
	}
	if stopped != nil {
		res.Findings = buildFindings(parts, nil)
		return res, stopped
	}
	var marks bool
	if !o.IgnoreSuppressions {
		var extra []outcome
		extra, marks = suppressionOutcomes(doc)
		if len(extra) > 0 {
			parts = append(parts, rulePart{rule: Engine, outcomes: extra})
		}
	}
	res.Findings = buildFindings(parts, sortedOrder(parts))
	if marks {
		markSuppressed(res.Findings)
	}
	if workers > 1 {
		finishTwo(res.Findings, o.Locale, o.AllTargets)
	} else {
		fillTargets(res.Findings, o.AllTargets)
		localize(res.Findings, o.Locale, o.AllTargets)
	}
	return res, nil
}

// finishTwo does what fillTargets and localize do, on two goroutines: this
// one fills selectors, XPaths and boxes, the other snippets and messages.
// The two write different fields and different caches. The findings are
// fresh from Check: no target is filled yet.
func finishTwo(fs []Finding, lang string, all bool) {
	want := func(f *Finding) bool { return all || f.Outcome == Failed || f.Outcome == CantTell }
	for i := range fs {
		if f := &fs[i]; want(f) && len(f.relatedNodes) > 0 {
			f.Related = make([]Target, len(f.relatedNodes))
		}
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := range fs {
			f := &fs[i]
			if !want(f) {
				continue
			}
			for j, r := range f.relatedNodes {
				f.Related[j].Snippet = Snippet(r)
			}
			if n := f.Node; n != nil && n.Type == ElementNode {
				f.Snippet = Snippet(n)
			}
		}
		localize(fs, lang, all)
	})
	for i := range fs {
		f := &fs[i]
		if !want(f) {
			continue
		}
		for j, r := range f.relatedNodes {
			f.Related[j].Selector, f.Related[j].XPath = Selector(r), XPath(r)
		}
		n := f.Node
		if n == nil || n.Type != ElementNode {
			continue
		}
		f.Selector = Selector(n)
		f.XPath = XPath(n)
		if n.Box != nil {
			b := *n.Box
			f.Box = &b
		}
	}
	wg.Wait()
	for i := range fs {
		if f := &fs[i]; want(f) {
			f.relatedNodes = nil
		}
	}
}

// rulePart holds what one rule recorded.
type rulePart struct {
	rule     *Rule
	outcomes []outcome
	facts    []any
	err      error
}

// parallelMin is the number of elements from which Check shares the rules
// out among several goroutines by default: below it, working out every
// element's facts up front and copying them for each goroutine costs more
// than the rules.
const parallelMin = 600

// workers returns the number of goroutines Check runs doc's rules on.
func (o *Options) workers(doc *Document) int {
	if o.Workers > 0 {
		return o.Workers
	}
	if doc.Count() < parallelMin {
		return 1
	}
	return min(runtime.GOMAXPROCS(0), maxAutoWorkers)
}

// maxAutoWorkers bounds the goroutines Check uses by default: each keeps a
// copy of the engine's tables and derives the values its rules memoise
// (Document.Memo) on its own, so more goroutines repeat more of that work.
const maxAutoWorkers = 4

// runRules runs the document-scoped rules among rules over doc, on up to
// workers goroutines, and returns what each recorded, in rule order. The
// rules are shared out in a fixed way (round robin, in order), so a check
// always runs each rule on the same goroutine with the same cache. With
// several goroutines, the facts of every element are worked out first
// (see prime); each goroutine but the first sees the document through a
// view that starts from a copy of them and shares the names computed on
// any goroutine. When ctx ends it stops starting rules and returns the parts of
// the rules that ran, with ctx's error.
func runRules(ctx context.Context, doc *Document, rules []*Rule, workers int) ([]rulePart, error) {
	var run []*Rule
	for _, r := range rules {
		if r.Scope != ScopeFlow && r.Run != nil {
			run = append(run, r)
		}
	}
	parts := make([]rulePart, len(run))
	// rules the document lacks facts for only answer cantTell: they go to
	// the first goroutine and do not count in the sharing
	heavy := 0
	for _, r := range run {
		if r.Needs&^doc.Facts == 0 {
			heavy++
		}
	}
	workers = max(1, min(workers, heavy))
	if workers == 1 {
		all := make([]int, len(run))
		for i := range all {
			all[i] = i
		}
		return finishedParts(parts, runShare(ctx, doc, run, all, parts))
	}
	// round robin over the rules that run, the others to the first share
	shares := make([][]int, workers)
	k := 0
	for i, r := range run {
		if r.Needs&^doc.Facts != 0 {
			shares[0] = append(shares[0], i)
			continue
		}
		shares[k%workers] = append(shares[k%workers], i)
		k++
	}
	// the facts every rule reads are worked out once, here, and every
	// goroutine starts from them; the views are made before any starts
	doc.owner().prime(workers)
	views := make([]*Document, workers)
	for w := 1; w < workers; w++ {
		views[w] = doc.view()
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Go(func() { errs[w] = runShare(ctx, views[w], run, shares[w], parts) })
	}
	errs[0] = runShare(ctx, doc, run, shares[0], parts)
	wg.Wait()
	var err error
	for _, e := range errs {
		if e != nil {
			err = e
			break
		}
	}
	return finishedParts(parts, err)
}

// finishedParts drops the parts of rules that did not run when err is set.
func finishedParts(parts []rulePart, err error) ([]rulePart, error) {
	if err == nil {
		return parts, nil
	}
	return slices.DeleteFunc(parts, func(p rulePart) bool { return p.rule == nil }), err
}

// runShare runs the rules run[i] for i in share over doc, storing what
// rule run[i] recorded in parts[i]. The rules record their outcomes one
// after the other in shared blocks. It returns ctx's error when ctx ends
// before all the rules ran.
func runShare(ctx context.Context, doc *Document, run []*Rule, share []int, parts []rulePart) error {
	var free []outcome
	for _, i := range share {
		if err := ctx.Err(); err != nil {
			return err
		}
		r := run[i]
		if cap(free) < 256 {
			free = make([]outcome, 0, max(1024, doc.Count()))
		}
		p := &Pass{Doc: doc, Rule: r, outcomes: free}
		if missing := r.Needs &^ doc.Facts; missing != 0 {
			key := MsgNeedsLayout
			switch {
			case missing&NeedsInteraction != 0 && missing&(NeedsLayout|NeedsStyle) == 0:
				key = MsgNeedsInteraction
			case missing&NeedsLayout == 0 && missing&NeedsStyle != 0:
				key = MsgNeedsStyle
			}
			p.CantTell(nil, key, Data{"needs": missing.String()})
			parts[i] = rulePart{rule: r, outcomes: p.outcomes}
			free = p.outcomes[len(p.outcomes):]
			continue
		}
		err := runRule(p)
		if err != nil {
			p.outcomes = append(p.outcomes[:0], outcome{
				node: p.PageNode(), key: MsgRuleError, o: CantTell,
				data: Data{"error": err.Error()},
			})
		}
		parts[i] = rulePart{rule: r, outcomes: p.outcomes, facts: p.facts, err: err}
		free = p.outcomes[len(p.outcomes):]
	}
	return nil
}

// buildFindings makes the findings of parts in one allocation: in the order
// given (indexes into the parts' outcomes taken one after the other), or in
// recording order when order is nil. Findings are large; each is built once,
// in its final place.
func buildFindings(parts []rulePart, order []int32) []Finding {
	total := 0
	for _, part := range parts {
		total += len(part.outcomes)
	}
	if total == 0 {
		if order == nil {
			return nil
		}
		return []Finding{}
	}
	out := make([]Finding, total)
	levels := make([]string, len(parts))
	for i, part := range parts {
		levels[i] = levelOf(part.rule.WCAG)
	}
	if order == nil {
		i := 0
		for pi, part := range parts {
			for j := range part.outcomes {
				part.outcomes[j].fill(&out[i], part.rule, levels[pi])
				i++
			}
		}
		return out
	}
	// where each part starts in the joined sequence
	starts := make([]int32, len(parts)+1)
	for i, part := range parts {
		starts[i+1] = starts[i] + int32(len(part.outcomes))
	}
	pi := 0
	for i, g := range order {
		if g < starts[pi] || g >= starts[pi+1] {
			pi = partOf(starts, g)
		}
		part := parts[pi]
		part.outcomes[g-starts[pi]].fill(&out[i], part.rule, levels[pi])
	}
	return out
}

// partOf returns the part whose range of starts holds g.
func partOf(starts []int32, g int32) int {
	lo, hi := 0, len(starts)-2
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if starts[mid] <= g {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

func fillTargets(fs []Finding, all bool) {
	for i := range fs {
		if all || fs[i].Outcome == Failed || fs[i].Outcome == CantTell {
			FillTarget(&fs[i])
		}
	}
}

// CheckFlow runs the flow-scoped rules among opts' rules over the audited
// pages of a flow. meta carries flow-level facts from the checker.
func CheckFlow(ctx context.Context, pages []*FlowPage, meta map[string]any, opts ...Option) (*Result, error) {
	o := DefaultOptions()
	for _, f := range opts {
		f(&o)
	}
	res := &Result{}
	for _, r := range o.Rules {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		if r.Scope != ScopeFlow || r.RunFlow == nil {
			continue
		}
		fp := &FlowPass{Rule: r, Pages: pages, Meta: meta}
		err := func() (err error) {
			defer func() {
				if v := recover(); v != nil {
					err = fmt.Errorf("a11y: rule %s panicked: %v\n%s", r.ID, v, debug.Stack())
				}
			}()
			return fp.runFlow()
		}()
		if err != nil {
			res.Errors = append(res.Errors, err)
			f := newFinding(r, nil, CantTell, MsgRuleError)
			f.Data = Data{"error": firstLine(err.Error())}
			fp.findings = []Finding{f}
		}
		res.Findings = append(res.Findings, fp.findings...)
	}
	fillTargets(res.Findings, o.AllTargets)
	localize(res.Findings, o.Locale, o.AllTargets)
	return res, nil
}

func (p *FlowPass) runFlow() error {
	if err := p.Rule.RunFlow(p); err != nil {
		return fmt.Errorf("a11y: rule %s: %w", p.Rule.ID, err)
	}
	return nil
}

func runRule(p *Pass) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("a11y: rule %s panicked: %v\n%s", p.Rule.ID, v, debug.Stack())
		}
	}()
	if err := p.Rule.Run(p); err != nil {
		return fmt.Errorf("a11y: rule %s: %w", p.Rule.ID, err)
	}
	return nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// sortedOrder returns the outcomes of parts, taken one after the other, in
// document order of their nodes, keeping recording order (so rule order)
// for the same node. Node indexes are dense, so a counting sort does it in
// linear time; nodes with indexes far beyond the count fall back to a
// comparison sort.
func sortedOrder(parts []rulePart) []int32 {
	total := 0
	for _, part := range parts {
		total += len(part.outcomes)
	}
	pos := make([]int, 0, total)
	maxPos, sorted := -1, true
	for _, part := range parts {
		for i := range part.outcomes {
			p := -1
			if n := part.outcomes[i].node; n != nil {
				p = n.Index
			}
			if len(pos) > 0 && p < pos[len(pos)-1] {
				sorted = false
			}
			maxPos = max(maxPos, p)
			pos = append(pos, p)
		}
	}
	order := make([]int32, total)
	if sorted {
		for i := range order {
			order[i] = int32(i)
		}
		return order
	}
	minPos := 0
	for _, p := range pos {
		minPos = min(minPos, p)
	}
	if span := maxPos - minPos + 1; span <= 4*total+1<<20 {
		// counting sort: stable, linear
		first := make([]int32, span+1)
		for _, p := range pos {
			first[p-minPos+1]++
		}
		for i := 1; i <= span; i++ {
			first[i] += first[i-1]
		}
		for i, p := range pos {
			order[first[p-minPos]] = int32(i)
			first[p-minPos]++
		}
		return order
	}
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(pos[a], pos[b]) })
	return order
}

// levelOf returns the least demanding conformance level among the criteria:
// a finding mapped to an A and an AA criterion matters at level A.
func levelOf(scs []string) string {
	best := ""
	for _, sc := range scs {
		c, ok := wcag.Lookup(sc)
		if !ok {
			continue
		}
		if best == "" || len(c.Level) < len(best) {
			best = c.Level
		}
	}
	return best
}

// Localize renders Message and Help of each finding in the language lang
// (negotiated by the locale package), from its key and data.
func Localize(fs []Finding, lang string) { localize(fs, lang, true) }

// localize renders messages; unless all is set, only those of failed and
// cantTell findings, the ones reports list by default.
func localize(fs []Finding, lang string, all bool) {
	cat := locale.For(lang)
	for i := range fs {
		f := &fs[i]
		if !all && f.Outcome != Failed && f.Outcome != CantTell {
			continue
		}
		f.Message = cat.Message(string(f.Key), f.Data)
		ruleID := f.Rule
		if strings.HasPrefix(string(f.Key), "engine.") {
			ruleID = "engine"
		}
		if f.Key == MsgRuleError || f.Key == MsgSuppressionNoReason {
			ruleID = string(f.Key) // these have advice of their own
		}
		f.Help = cat.Help(ruleID)
	}
}
