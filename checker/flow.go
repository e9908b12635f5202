package checker

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/delaktig/delaktig/a11y"
)

// Flow is a walk through an e-service, as a user makes it: the steps of a
// flow file (see package checker/flowfile) or steps built in Go.
type Flow struct {
	// Name names the service and the task ("Ansök om parkeringstillstånd").
	Name string
	// Start is the absolute address that steps' relative addresses resolve
	// against. When the first step is not a Goto, Run loads Start first.
	Start string
	// Lang is the language the pages are expected to be in (optional).
	Lang string
	// Viewport overrides the tab's viewport for the flow (optional).
	Viewport *Viewport
	// Steps are done in order.
	Steps []Step
}

// Step is one thing a user does. ctx is a chromedp context of the flow's tab
// with the step's time limit, so a step written in Go can run chromedp
// actions on it; s gives the flow's helpers. Built-in steps are *Action
// values. A step may implement StepName() string to name itself and
// ChangesPage() bool to tell whether Run must wait for the page and audit it
// afterwards (steps that do not say are audited).
type Step interface {
	Do(ctx context.Context, s *Session) error
}

// Meta keys Run gives flow rules in a11y.FlowPass.Meta.
const (
	MetaName       = "flow.name"        // string: Flow.Name
	MetaStart      = "flow.start"       // string: Flow.Start
	MetaLang       = "flow.lang"        // string: the expected language, Flow.Lang
	MetaSteps      = "flow.steps"       // int: the number of steps in the flow
	MetaDone       = "flow.done"        // int: the number of steps completed
	MetaCompleted  = "flow.completed"   // bool: every step was completed
	MetaFailedStep = "flow.failed_step" // string: the name of the step that failed, when one did
	MetaError      = "flow.error"       // string: why it failed (secrets masked)
	MetaDialogs    = "flow.dialogs"     // []Dialog: every JavaScript dialog the flow met
)

// FlowResult is what Run found.
type FlowResult struct {
	Name  string
	Start string
	// Steps holds one result per step done or attempted, in order.
	Steps []*StepResult
	// Flow holds the findings of the flow rules (nil when none ran).
	Flow *a11y.Result
	// Completed is true when every step was done.
	Completed bool
	// Err is the error that stopped the flow (also returned by Run).
	Err error
	// Duration is how long the whole flow took.
	Duration time.Duration
}

// Pages returns the audited states of the flow, in order.
func (r *FlowResult) Pages() []*PageResult {
	var out []*PageResult
	for _, s := range r.Steps {
		if s.Page != nil {
			out = append(out, s.Page)
		}
	}
	return out
}

// StepResult is the outcome of one step.
type StepResult struct {
	// Index is the step's position in Flow.Steps (0-based; -1 for the
	// implicit load of Flow.Start).
	Index int
	// Name is the step's name, or a description of its action.
	Name string
	// Line is the step's line in the flow file (0 when unknown).
	Line int
	// URL is the page's address after the step (secrets masked).
	URL string
	// Page is the audited state after the step; nil when not audited.
	Page *PageResult
	// Dialogs lists the JavaScript dialogs the step met.
	Dialogs []Dialog
	// Duration is how long the step took, its audit included.
	Duration time.Duration
	// Err is why the step failed, if it did.
	Err error
}

// StepError is the error of a step that could not be done. It names the
// step, its line in the flow file when known, and the selector involved.
type StepError struct {
	Index    int
	Name     string
	Line     int
	Selector string
	Err      error
}

// Error describes the failed step.
func (e *StepError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "checker: step %d %q", e.Index+1, e.Name)
	if e.Line > 0 {
		fmt.Fprintf(&b, " (line %d)", e.Line)
	}
	b.WriteString(": ")
	b.WriteString(strings.TrimPrefix(e.Err.Error(), "checker: "))
	return b.String()
}

// Unwrap returns the cause.
func (e *StepError) Unwrap() error { return e.Err }

// Errors that step errors wrap.
var (
	// ErrNotFound: no element matched a step's selector within its time limit.
	ErrNotFound = errors.New("checker: no element matches")
	// ErrExpectation: an expect step did not hold.
	ErrExpectation = errors.New("checker: the expectation did not hold")
	// ErrEnv: a ${env:NAME} reference names an unset variable.
	ErrEnv = errors.New("checker: environment variable not set")
)

// Session is what a step sees of its flow run.
type Session struct {
	tab     *Tab
	flow    *Flow
	base    *url.URL
	opts    *Options
	secrets *Secrets
	// settled is set by a step that waited for the page itself.
	settled bool
}

// Tab returns the flow's tab.
func (s *Session) Tab() *Tab { return s.tab }

// Flow returns the flow being run.
func (s *Session) Flow() *Flow { return s.flow }

// Secrets returns the values taken from the environment so far.
func (s *Session) Secrets() *Secrets { return s.secrets }

// Options returns the run's options.
func (s *Session) Options() Options { return *s.opts }

var envRef = regexp.MustCompile(`\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}`)

// EnvRefs returns the names of the variables v refers to with ${env:NAME}.
func EnvRefs(v string) []string {
	var out []string
	for _, m := range envRef.FindAllStringSubmatch(v, -1) {
		out = append(out, m[1])
	}
	return out
}

// Expand replaces ${env:NAME} references in v by the variables' values
// (looked up with Options.Env) and records those values as secrets, so that
// nothing the checker returns shows them.
func (s *Session) Expand(v string) (string, error) {
	var missing []string
	out := envRef.ReplaceAllStringFunc(v, func(ref string) string {
		name := envRef.FindStringSubmatch(ref)[1]
		var val string
		ok := false
		if s.opts.Env != nil {
			val, ok = s.opts.Env(name)
		}
		if !ok {
			missing = append(missing, name)
			return ""
		}
		s.secrets.Add(val)
		return val
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("%w: %s", ErrEnv, strings.Join(missing, ", "))
	}
	return out, nil
}

// Resolve expands ref and resolves it against the flow's start address.
func (s *Session) Resolve(ref string) (string, error) {
	v, err := s.Expand(ref)
	if err != nil {
		return "", err
	}
	u, err := url.Parse(strings.TrimSpace(v))
	if err != nil {
		return "", fmt.Errorf("checker: bad address %q: %w", s.secrets.Mask(v), err)
	}
	return s.base.ResolveReference(u).String(), nil
}

// stepName returns a step's name.
func stepName(st Step) string {
	if n, ok := st.(interface{ StepName() string }); ok {
		if name := n.StepName(); name != "" {
			return name
		}
	}
	return fmt.Sprintf("%T", st)
}

// audits reports whether Run audits the page after st.
func audits(st Step) bool {
	if a, ok := st.(*Action); ok {
		if a.AuditOverride != nil {
			return *a.AuditOverride
		}
		return a.ChangesPage()
	}
	if c, ok := st.(interface{ ChangesPage() bool }); ok {
		return c.ChangesPage()
	}
	return true
}

// changesPage reports whether Run waits for the page to settle after st.
func changesPage(st Step) bool {
	if c, ok := st.(interface{ ChangesPage() bool }); ok {
		return c.ChangesPage()
	}
	return true
}

func stepTimeout(st Step, opts *Options) time.Duration {
	if a, ok := st.(*Action); ok && a.Timeout > 0 {
		return a.Timeout
	}
	return opts.stepTimeout()
}

func stepLine(st Step) int {
	if a, ok := st.(*Action); ok {
		return a.Line
	}
	return 0
}

// Validate reports what makes the flow impossible to run.
func (f *Flow) Validate() error {
	var errs []error
	u, err := url.Parse(f.Start)
	switch {
	case f.Start == "":
		errs = append(errs, errors.New("checker: the flow has no start address"))
	case err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "file"):
		errs = append(errs, fmt.Errorf("checker: the start address %q is not an absolute http, https or file address", f.Start))
	}
	if len(f.Steps) == 0 {
		errs = append(errs, errors.New("checker: the flow has no steps"))
	}
	for i, st := range f.Steps {
		if st == nil {
			errs = append(errs, fmt.Errorf("checker: step %d is empty", i+1))
		}
	}
	if f.Viewport != nil && (f.Viewport.Width <= 0 || f.Viewport.Height <= 0) {
		errs = append(errs, fmt.Errorf("checker: bad viewport %dx%d", f.Viewport.Width, f.Viewport.Height))
	}
	return errors.Join(errs...)
}

// Run walks the flow in a fresh, isolated tab of b (its own cookies and
// storage): it does each step, waits after every step that changes the page
// until the page settles, and audits it (one snapshot, the page rules, a
// screenshot unless Options.NoScreenshots). Then it runs the flow rules over
// the audited states. A step that fails (a selector that never appears, an
// expectation that does not hold, a page that cannot be loaded, a crashed
// page or a lost browser) stops the flow: Run returns the result so far,
// with every earlier step's findings, and a *StepError naming the step.
// Values from ${env:NAME} are masked in everything returned.
func Run(ctx context.Context, b *Browser, flow *Flow, opts Options) (*FlowResult, error) {
	if err := flow.Validate(); err != nil {
		return nil, err
	}
	if len(opts.Rules) == 0 {
		return nil, a11y.ErrNoRules
	}
	base, _ := url.Parse(flow.Start)
	started := time.Now()
	res := &FlowResult{Name: flow.Name, Start: flow.Start}
	tab, err := b.IsolatedTab(ctx)
	if err != nil {
		return nil, err
	}
	defer tab.Release()
	vp := opts.Viewport
	if flow.Viewport != nil {
		vp = flow.Viewport
	}
	if vp != nil {
		if err := tab.SetViewport(ctx, *vp); err != nil {
			return nil, err
		}
	}
	s := &Session{tab: tab, flow: flow, base: base, opts: &opts, secrets: &Secrets{}}

	steps := flow.Steps
	first := -1
	if _, ok := steps[0].(*Action); !ok || steps[0].(*Action).Kind != KindGoto {
		steps = append([]Step{Goto(flow.Start).Named("Start")}, steps...)
	} else {
		first = 0
	}
	var dialogs []Dialog
	for i, st := range steps {
		index := i + first
		sr := &StepResult{Index: index, Name: s.secrets.Mask(stepName(st)), Line: stepLine(st)}
		res.Steps = append(res.Steps, sr)
		stepStart := time.Now()
		err := runStep(ctx, s, st, sr)
		sr.Dialogs = tab.Dialogs()
		for k := range sr.Dialogs {
			sr.Dialogs[k].Message = s.secrets.Mask(sr.Dialogs[k].Message)
			sr.Dialogs[k].URL = s.secrets.Mask(sr.Dialogs[k].URL)
		}
		dialogs = append(dialogs, sr.Dialogs...)
		sr.Duration = time.Since(stepStart)
		if err != nil {
			se := &StepError{Index: index, Name: sr.Name, Line: sr.Line, Err: s.secrets.MaskError(err)}
			var sel *selectorError
			if errors.As(err, &sel) {
				se.Selector = sel.selector
			}
			sr.Err = se
			res.Err = se
			opts.logf("step %d %q failed: %v (%s so far)", index+1, sr.Name, se.Err, failuresSoFar(res.Steps))
			break
		}
		opts.logf("step %d %q done, %s so far", index+1, sr.Name, failuresSoFar(res.Steps))
		if more := exploreStep(ctx, s, sr); len(more) > 0 {
			res.Steps = append(res.Steps, more...)
			opts.logf("step %d %q: %d error states explored, %s so far", index+1, sr.Name, len(more), failuresSoFar(res.Steps))
		}
	}
	res.Completed = res.Err == nil
	res.Flow = runFlowRules(ctx, flow, res, dialogs, s, &opts)
	res.Duration = time.Since(started)
	return res, res.Err
}

// failuresSoFar counts the failed findings of the audited steps, for the
// progress lines.
func failuresSoFar(steps []*StepResult) string {
	n := 0
	for _, sr := range steps {
		if sr.Page == nil || sr.Page.Result == nil {
			continue
		}
		for _, f := range sr.Page.Result.Findings {
			if f.Outcome == a11y.Failed {
				n++
			}
		}
	}
	if n == 1 {
		return "1 failure"
	}
	return fmt.Sprintf("%d failures", n)
}

// runStep does one step with its time limit, then waits and audits.
func runStep(ctx context.Context, s *Session, st Step, sr *StepResult) error {
	limit := stepTimeout(st, s.opts)
	sctx, cancel := s.tab.join(ctx)
	defer cancel()
	sctx, cancel2 := context.WithTimeout(sctx, limit)
	defer cancel2()
	s.settled = false
	if err := st.Do(sctx, s); err != nil {
		if sctx.Err() != nil && ctx.Err() == nil && !errors.Is(err, ErrNotFound) && !errors.Is(err, ErrExpectation) {
			err = fmt.Errorf("checker: not done within %v: %w", limit, err)
		}
		return s.tab.wrap(err)
	}
	if changesPage(st) && !s.settled {
		if _, err := s.tab.WaitSettled(sctx, s.opts.Wait); err != nil {
			return s.tab.wrap(err)
		}
	}
	if !audits(st) {
		sr.URL = s.secrets.Mask(currentURL(sctx))
		return nil
	}
	shot := !s.opts.NoScreenshots
	p, err := s.tab.Audit(sctx, *s.opts, shot, s.secrets)
	if err != nil {
		return s.tab.wrap(err)
	}
	s.secrets.MaskFindings(p.Result.Findings)
	p.Title = s.secrets.Mask(p.Title)
	p.Lang = s.secrets.Mask(p.Lang)
	if r, ok := s.tab.lastDocument(); ok {
		p.Status = int(r.status)
	}
	sr.Page = p
	sr.URL = p.URL
	return nil
}

// runFlowRules runs the flow-scoped rules over the audited states.
func runFlowRules(ctx context.Context, flow *Flow, res *FlowResult, dialogs []Dialog, s *Session, opts *Options) *a11y.Result {
	var pages []*a11y.FlowPage
	for _, sr := range res.Steps {
		if sr.Page == nil || isExplored(sr) {
			continue
		}
		pages = append(pages, &a11y.FlowPage{
			Step: sr.Name, URL: sr.Page.URL, Doc: sr.Page.Doc,
			Facts: sr.Page.Result.Facts, Findings: sr.Page.Result.Findings,
		})
	}
	done := 0
	for _, sr := range res.Steps {
		if sr.Err == nil && sr.Index >= 0 && !isExplored(sr) {
			done++
		}
	}
	meta := map[string]any{
		MetaName: flow.Name, MetaStart: s.secrets.Mask(flow.Start), MetaLang: flow.Lang,
		MetaSteps: len(flow.Steps), MetaDone: done, MetaCompleted: res.Err == nil, MetaDialogs: dialogs,
	}
	if res.Err != nil {
		var se *StepError
		if errors.As(res.Err, &se) {
			meta[MetaFailedStep] = se.Name
		}
		meta[MetaError] = res.Err.Error()
	}
	fr, err := a11y.CheckFlow(context.WithoutCancel(ctx), pages, meta, a11y.WithRules(opts.Rules...), a11y.WithLocale(opts.Locale))
	if err != nil || fr == nil {
		return fr
	}
	s.secrets.MaskFindings(fr.Findings)
	return fr
}

// EnvRefs lists the environment variables the flow's built-in steps refer
// to with ${env:NAME}, each once, so that a caller can check them before it
// runs the flow.
func (f *Flow) EnvRefs() []string {
	var out []string
	seen := map[string]bool{}
	add := func(v string) {
		for _, n := range EnvRefs(v) {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	for _, st := range f.Steps {
		a, ok := st.(*Action)
		if !ok {
			if e, ok := st.(Expect); ok {
				a = e.action()
			} else {
				continue
			}
		}
		add(a.Target)
		for _, fl := range a.Fields {
			add(fl.Value)
		}
		add(a.Expect.URLContains)
		add(a.Expect.Text)
	}
	return out
}
