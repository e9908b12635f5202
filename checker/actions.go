package checker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Kind names what an Action does; the names are the keys of the flow file.
type Kind string

// The actions of a flow.
const (
	KindGoto    Kind = "goto"
	KindClick   Kind = "click"
	KindFill    Kind = "fill"
	KindSelect  Kind = "select"
	KindCheck   Kind = "check"
	KindPress   Kind = "press"
	KindWaitFor Kind = "wait_for"
	KindExpect  Kind = "expect"
)

// TextPrefix starts a selector that finds an element by its exact visible
// text instead of CSS: "text=Starta e-tjänsten". Interactive elements
// (links, buttons, labels…) are preferred; white space is collapsed.
const TextPrefix = "text="

// Field is one form field a Fill or Select step sets.
type Field struct {
	Selector string
	Value    string // may hold ${env:NAME} references
}

// Expect is a check that the flow reached the right page: the address
// contains URLContains and the page's visible text contains Text (both
// optional, white space collapsed). It is a Step; Named and Audit turn it
// into an *Action.
type Expect struct {
	URLContains string
	Text        string
}

// Do checks the expectation.
func (e Expect) Do(ctx context.Context, s *Session) error { return e.action().Do(ctx, s) }

// Named returns the expectation as an action with a name.
func (e Expect) Named(name string) *Action { return e.action().Named(name) }

// Audit returns the expectation as an action audited (or not) afterwards.
func (e Expect) Audit(on bool) *Action { return e.action().Audit(on) }

// StepName describes the expectation.
func (e Expect) StepName() string { return e.action().StepName() }

// ChangesPage is false: an expectation only reads the page.
func (e Expect) ChangesPage() bool { return false }

func (e Expect) action() *Action { return &Action{Kind: KindExpect, Expect: e} }

// Action is a built-in step. Make one with Goto, Click, Fill, Select, Check,
// Press, WaitFor or Expect, and chain Named, Audit and WithTimeout.
type Action struct {
	Kind Kind
	// Target is the address (goto), the selector (click, check, wait_for)
	// or the key (press).
	Target string
	// Fields are the fields a fill or select step sets, in order.
	Fields []Field
	// Expect is what an expect step checks.
	Expect Expect
	// Name names the step in reports ("Personuppgifter").
	Name string
	// AuditOverride forces (true) or skips (false) the audit after the
	// step; nil audits when the action changes the page (goto, click, press).
	AuditOverride *bool
	// Timeout bounds the step; 0 uses Options.StepTimeout.
	Timeout time.Duration
	// Line is the step's line in its flow file (0 when built in Go).
	Line int
}

// Goto loads an address; a relative one resolves against Flow.Start.
func Goto(url string) *Action { return &Action{Kind: KindGoto, Target: url} }

// Click clicks an element (CSS selector, or "text=Exact visible text") with
// the mouse, at its centre, once it is visible and not covered.
func Click(selector string) *Action { return &Action{Kind: KindClick, Target: selector} }

// Fill types values into fields, selector → value, in the selectors' order.
func Fill(values map[string]string) *Action {
	return &Action{Kind: KindFill, Fields: fieldsOf(values)}
}

// FillFields types values into fields in the given order.
func FillFields(fields ...Field) *Action {
	return &Action{Kind: KindFill, Fields: slices.Clone(fields)}
}

// Select chooses options of <select> elements, selector → option value or
// visible label, in the selectors' order.
func Select(values map[string]string) *Action {
	return &Action{Kind: KindSelect, Fields: fieldsOf(values)}
}

// SelectFields chooses options in the given order.
func SelectFields(fields ...Field) *Action {
	return &Action{Kind: KindSelect, Fields: slices.Clone(fields)}
}

// Check checks a checkbox or chooses a radio button (or an ARIA checkbox or
// radio), clicking its label when the control itself is visually hidden.
func Check(selector string) *Action { return &Action{Kind: KindCheck, Target: selector} }

// Press presses a key on the focused element: Enter, Tab, Shift+Tab, Escape,
// Space, Backspace, Delete, ArrowUp, ArrowDown, ArrowLeft, ArrowRight, Home,
// End, PageUp, PageDown, or a single character.
func Press(key string) *Action { return &Action{Kind: KindPress, Target: key} }

// WaitFor waits until an element is visible.
func WaitFor(selector string) *Action { return &Action{Kind: KindWaitFor, Target: selector} }

func fieldsOf(values map[string]string) []Field {
	var out []Field
	for _, k := range slices.Sorted(maps.Keys(values)) {
		out = append(out, Field{Selector: k, Value: values[k]})
	}
	return out
}

// Named sets the step's name.
func (a *Action) Named(name string) *Action { a.Name = name; return a }

// Audit forces (true) or skips (false) the audit after the step.
func (a *Action) Audit(on bool) *Action { a.AuditOverride = &on; return a }

// WithTimeout bounds the step.
func (a *Action) WithTimeout(d time.Duration) *Action { a.Timeout = d; return a }

// ChangesPage reports whether the action normally changes the page: goto,
// click and press.
func (a *Action) ChangesPage() bool {
	switch a.Kind {
	case KindGoto, KindClick, KindPress:
		return true
	}
	return false
}

// StepName returns the step's name, or a description of its action that
// never shows the values it types.
func (a *Action) StepName() string {
	if a.Name != "" {
		return a.Name
	}
	return a.String()
}

// String describes the action without the values it types.
func (a *Action) String() string {
	switch a.Kind {
	case KindFill, KindSelect:
		var sels []string
		for _, f := range a.Fields {
			sels = append(sels, f.Selector)
		}
		return string(a.Kind) + " " + strings.Join(sels, ", ")
	case KindExpect:
		var parts []string
		if a.Expect.URLContains != "" {
			parts = append(parts, fmt.Sprintf("address contains %q", a.Expect.URLContains))
		}
		if a.Expect.Text != "" {
			parts = append(parts, fmt.Sprintf("text %q", a.Expect.Text))
		}
		return "expect " + strings.Join(parts, " and ")
	}
	return string(a.Kind) + " " + a.Target
}

// selectorError names the action and the selector a step failed on.
type selectorError struct {
	kind     Kind
	selector string
	err      error
}

func (e *selectorError) Error() string {
	return fmt.Sprintf("%s %q: %s", e.kind, e.selector, strings.TrimPrefix(e.err.Error(), "checker: "))
}

func (e *selectorError) Unwrap() error { return e.err }

func onSelector(kind Kind, sel string, err error) error {
	if err == nil {
		return nil
	}
	return &selectorError{kind: kind, selector: sel, err: err}
}

// Do performs the action in the session's tab.
func (a *Action) Do(ctx context.Context, s *Session) error {
	switch a.Kind {
	case KindGoto:
		return a.doGoto(ctx, s)
	case KindClick:
		return onSelector(a.Kind, a.Target, a.doClick(ctx, s))
	case KindFill:
		for _, f := range a.Fields {
			v, err := s.Expand(f.Value)
			if err != nil {
				return err
			}
			if err := fill(ctx, s, f.Selector, v); err != nil {
				return onSelector(a.Kind, f.Selector, err)
			}
		}
		return nil
	case KindSelect:
		for _, f := range a.Fields {
			v, err := s.Expand(f.Value)
			if err != nil {
				return err
			}
			if err := choose(ctx, s, f.Selector, v); err != nil {
				return onSelector(a.Kind, f.Selector, err)
			}
		}
		return nil
	case KindCheck:
		return onSelector(a.Kind, a.Target, check(ctx, s, a.Target))
	case KindPress:
		return press(ctx, a.Target)
	case KindWaitFor:
		_, err := poll(ctx, s, a.Target, "visible")
		return onSelector(a.Kind, a.Target, err)
	case KindExpect:
		return expect(ctx, s, a.Expect)
	}
	return fmt.Errorf("checker: unknown action %q", a.Kind)
}

func (a *Action) doGoto(ctx context.Context, s *Session) error {
	u, err := s.Resolve(a.Target)
	if err != nil {
		return err
	}
	w := s.opts.Wait.withDefaults()
	if _, err := s.tab.Navigate(ctx, u, w.Load); err != nil {
		var le *LoadError
		if errors.As(err, &le) {
			le.URL = s.secrets.Mask(le.URL)
		}
		return err
	}
	if _, err := s.tab.WaitSettled(ctx, w); err != nil {
		return err
	}
	s.settled = true
	if r, ok := s.tab.lastDocument(); ok && r.status >= 400 {
		return &LoadError{URL: s.secrets.Mask(u), Status: int(r.status), Reason: fmt.Sprintf("HTTP %d %s", r.status, http.StatusText(int(r.status)))}
	}
	return nil
}

func (a *Action) doClick(ctx context.Context, s *Session) error {
	st, err := poll(ctx, s, a.Target, "click")
	if err != nil {
		return err
	}
	return mouseClick(ctx, st.X, st.Y)
}

func mouseClick(ctx context.Context, x, y float64) error {
	return chromedp.Do(ctx, chromedp.MouseClickXY(x, y))
}

// pageHelpers are the functions the action scripts share. FIND returns the
// element a selector names: CSS, or "text=" and the exact visible text.
const pageHelpers = `
const norm = s => String(s == null ? "" : s).replace(/\s+/g, " ").trim();
const visible = el => {
	if (!el || !el.isConnected || !el.getBoundingClientRect) return false;
	const st = getComputedStyle(el);
	if (st.visibility === "hidden" || st.display === "none") return false;
	const r = el.getBoundingClientRect();
	return r.width > 0 && r.height > 0;
};
const textOf = el => (el instanceof HTMLInputElement) ? el.value : el.innerText;
const byText = want => {
	const inter = "a[href],button,input[type=submit],input[type=button],input[type=reset],summary,label," +
		"[role=button],[role=link],[role=tab],[role=menuitem],[role=option],[role=checkbox],[role=radio],[onclick],[tabindex]";
	for (const el of document.querySelectorAll(inter)) if (norm(textOf(el)) === want && visible(el)) return el;
	let best = null;
	for (const el of (document.body ? document.body.querySelectorAll("*") : [])) {
		if ((best === null || best.contains(el)) && norm(el.innerText) === want && visible(el)) best = el;
	}
	return best;
};
const find = sel => sel.startsWith("text=") ? byText(norm(sel.slice(5))) : document.querySelector(sel);
const describe = el => {
	let d = el.tagName.toLowerCase();
	if (el.id) d += "#" + el.id;
	if (typeof el.className === "string" && el.className.trim()) d += "." + el.className.trim().split(/\s+/).slice(0, 2).join(".");
	return d;
};
const aim = el => {
	el.scrollIntoView({block: "center", inline: "center"});
	const r = el.getBoundingClientRect();
	const x = r.left + r.width / 2, y = r.top + r.height / 2;
	const hit = document.elementFromPoint(x, y);
	if (hit && hit !== el && !el.contains(hit)) return {state: "covered", by: describe(hit)};
	return {state: "ready", x, y};
};
const isChecked = el => ("checked" in el && (el.type === "checkbox" || el.type === "radio")) ? el.checked : el.getAttribute("aria-checked") === "true";
const setNative = (el, v) => {
	const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype :
		el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
	const d = Object.getOwnPropertyDescriptor(proto, "value");
	if (d && d.set) d.set.call(el, v); else el.value = v;
};
const fire = (el, type) => el.dispatchEvent(new Event(type, {bubbles: true}));
`

// stepScript runs one action's page part. Its states: "missing" (no
// element yet), "hidden", "covered", "ready" (x, y: where to click),
// "typing" (focused and emptied: type the value), "done", "no-option",
// "unsupported".
const stepScript = `((sel, mode, value) => {
` + pageHelpers + `
	let el;
	try { el = find(sel); } catch (e) { return {state: "bad-selector", detail: String(e && e.message || e)}; }
	if (!el) return {state: "missing"};
	switch (mode) {
	case "present":
		return {state: "done"};
	case "visible":
		return visible(el) ? {state: "done"} : {state: "hidden"};
	case "click":
		return visible(el) ? aim(el) : {state: "hidden"};
	case "fill": {
		if (!visible(el)) return {state: "hidden"};
		const native = ["date", "time", "month", "week", "datetime-local", "color", "range", "file"];
		const tag = el.tagName;
		if (tag === "INPUT" && native.includes((el.type || "").toLowerCase())) {
			if (el.type === "file") return {state: "unsupported", detail: "a file field"};
			el.focus(); setNative(el, value); fire(el, "input"); fire(el, "change");
			return {state: "done"};
		}
		if (tag === "INPUT" || tag === "TEXTAREA") {
			if (el.disabled || el.readOnly) return {state: "unsupported", detail: "a field that cannot be changed"};
			el.focus(); setNative(el, ""); fire(el, "input");
			return {state: "typing"};
		}
		if (el.isContentEditable) {
			el.focus();
			const r = document.createRange(); r.selectNodeContents(el);
			const s = getSelection(); s.removeAllRanges(); s.addRange(r);
			return {state: "typing"};
		}
		return {state: "unsupported", detail: "not a text field (" + describe(el) + ")"};
	}
	case "select": {
		if (!visible(el)) return {state: "hidden"};
		if (el.tagName !== "SELECT") return {state: "unsupported", detail: "not a select element (" + describe(el) + ")"};
		const want = norm(value);
		const opt = [...el.options].find(o => o.value === value) || [...el.options].find(o => norm(o.label || o.text) === want);
		if (!opt) return {state: "no-option", options: [...el.options].slice(0, 12).map(o => norm(o.label || o.text))};
		el.focus(); setNative(el, opt.value); opt.selected = true; fire(el, "input"); fire(el, "change");
		return {state: "done"};
	}
	case "check": {
		if (isChecked(el)) return {state: "done"};
		if (el.disabled) return {state: "unsupported", detail: "a disabled control"};
		// the control itself, unless it is visually hidden behind a styled
		// label; then its labels; the control anyway as the last resort
		const usable = c => { const r = c.getBoundingClientRect(); return r.width >= 4 && r.height >= 4 && getComputedStyle(c).opacity !== "0"; };
		const cands = [];
		if (visible(el) && usable(el)) cands.push(el);
		if (el.labels) for (const l of el.labels) if (visible(l)) cands.push(l);
		if (visible(el)) cands.push(el);
		if (!cands.length) return {state: "hidden"};
		let last;
		for (const c of cands) { last = aim(c); if (last.state === "ready") return last; }
		return last;
	}
	case "checked":
		return {state: isChecked(el) ? "done" : "unchecked"};
	case "force-check":
		el.click();
		return {state: isChecked(el) ? "done" : "unchecked"};
	}
	return {state: "unsupported", detail: mode};
})`

// stepState is what stepScript answers.
type stepState struct {
	State   string   `json:"state"`
	X       float64  `json:"x"`
	Y       float64  `json:"y"`
	By      string   `json:"by"`
	Detail  string   `json:"detail"`
	Options []string `json:"options"`
}

func stepCall(sel, mode, value string) string {
	args, _ := json.Marshal([]string{sel, mode, value})
	return stepScript + "(..." + string(args) + ")"
}

// poll runs stepScript until it answers a final state or ctx ends. mode
// "visible" and "click" wait for a visible (and, to click, uncovered)
// element; the others act once the element exists.
func poll(ctx context.Context, s *Session, sel, mode string) (stepState, error) {
	return pollValue(ctx, s, sel, mode, "")
}

func pollValue(ctx context.Context, s *Session, sel, mode, value string) (stepState, error) {
	var last stepState
	seen := false
	for {
		st, err := chromedp.Run(ctx, chromedp.Evaluate[stepState](stepCall(sel, mode, value)))
		if err == nil {
			seen = true
			last = st
			switch st.State {
			case "done", "ready", "typing", "unchecked":
				return st, nil
			case "bad-selector":
				return st, fmt.Errorf("checker: not a valid selector: %s", st.Detail)
			case "unsupported":
				return st, fmt.Errorf("checker: cannot do this on %s", st.Detail)
			case "no-option":
				return st, fmt.Errorf("checker: no option %q (the options are: %s)", s.secrets.Mask(value), strings.Join(st.Options, ", "))
			}
		} else if !s.tab.b.alive() || s.tab.mon.crashedNow() {
			return last, err
		}
		select {
		case <-ctx.Done():
			switch {
			case !seen || last.State == "missing":
				return last, fmt.Errorf("%w within the time limit", ErrNotFound)
			case last.State == "hidden":
				return last, fmt.Errorf("%w: the element stayed hidden", ErrNotFound)
			case last.State == "covered":
				return last, fmt.Errorf("%w: the element stayed covered by %s", ErrNotFound, last.By)
			}
			return last, ctx.Err()
		case <-time.After(60 * time.Millisecond):
		}
	}
}

// fill types v into the field sel names, as a user would: focus, empty,
// type (Input.insertText), then a change event.
func fill(ctx context.Context, s *Session, sel, v string) error {
	st, err := pollValue(ctx, s, sel, "fill", v)
	if err != nil {
		return err
	}
	if st.State != "typing" {
		return nil
	}
	if v != "" {
		if _, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: v}); err != nil {
			return err
		}
	}
	_, err = chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`(() => {
		let el = document.activeElement;
		while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
		if (el) el.dispatchEvent(new Event("change", {bubbles: true}));
	})()`))
	return err
}

// choose selects the option v (a value or a visible label) of a <select>.
func choose(ctx context.Context, s *Session, sel, v string) error {
	_, err := pollValue(ctx, s, sel, "select", v)
	return err
}

// check makes sure a checkbox or radio button is checked, clicking it (or
// its label) with the mouse.
func check(ctx context.Context, s *Session, sel string) error {
	st, err := poll(ctx, s, sel, "check")
	if err != nil {
		return err
	}
	if st.State == "done" {
		return nil
	}
	if err := mouseClick(ctx, st.X, st.Y); err != nil {
		return err
	}
	deadline := time.Now().Add(time.Second)
	for time.Now().Before(deadline) {
		st, err := poll(ctx, s, sel, "checked")
		if err == nil && st.State == "done" {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	st, err = poll(ctx, s, sel, "force-check")
	if err == nil && st.State == "done" {
		return nil
	}
	return errors.New("checker: the control did not become checked when clicked")
}

// keys maps the key names of a flow to chromedp's key codes.
var keys = map[string]string{
	"enter": kb.Enter, "return": kb.Enter, "tab": kb.Tab, "escape": kb.Escape, "esc": kb.Escape,
	"space": " ", "backspace": kb.Backspace, "delete": kb.Delete,
	"arrowup": kb.ArrowUp, "arrowdown": kb.ArrowDown, "arrowleft": kb.ArrowLeft, "arrowright": kb.ArrowRight,
	"up": kb.ArrowUp, "down": kb.ArrowDown, "left": kb.ArrowLeft, "right": kb.ArrowRight,
	"home": kb.Home, "end": kb.End, "pageup": kb.PageUp, "pagedown": kb.PageDown,
}

// ParseKey reads a key name ("Enter", "Shift+Tab", "a") into the key and
// its modifiers.
func ParseKey(name string) (key string, mods []chromedp.Modifier, err error) {
	parts := strings.Split(name, "+")
	for _, m := range parts[:len(parts)-1] {
		switch strings.ToLower(strings.TrimSpace(m)) {
		case "shift":
			mods = append(mods, chromedp.ModifierShift)
		case "ctrl", "control":
			mods = append(mods, chromedp.ModifierCtrl)
		case "alt":
			mods = append(mods, chromedp.ModifierAlt)
		case "meta", "cmd":
			mods = append(mods, chromedp.ModifierMeta)
		default:
			return "", nil, fmt.Errorf("checker: unknown modifier %q in key %q", m, name)
		}
	}
	last := parts[len(parts)-1]
	if k, ok := keys[strings.ToLower(strings.TrimSpace(last))]; ok {
		return k, mods, nil
	}
	if r := []rune(last); len(r) == 1 {
		return last, mods, nil
	}
	return "", nil, fmt.Errorf("checker: unknown key %q (use Enter, Tab, Shift+Tab, Escape, Space, an arrow key or one character)", name)
}

func press(ctx context.Context, name string) error {
	key, mods, err := ParseKey(name)
	if err != nil {
		return err
	}
	var opts []chromedp.KeyOption
	if len(mods) > 0 {
		opts = append(opts, chromedp.KeyModifiers(mods...))
	}
	return chromedp.Do(ctx, chromedp.KeyEvent(key, opts...))
}

// expectWait bounds how long an expectation waits to come true.
const expectWait = 5 * time.Second

func expect(ctx context.Context, s *Session, e Expect) error {
	wantURL, err := s.Expand(e.URLContains)
	if err != nil {
		return err
	}
	wantText, err := s.Expand(e.Text)
	if err != nil {
		return err
	}
	wantText = strings.Join(strings.Fields(wantText), " ")
	deadline := time.Now().Add(expectWait)
	type page struct {
		URL  string `json:"url"`
		Text string `json:"text"`
	}
	var last page
	for {
		p, err := chromedp.Run(ctx, chromedp.Evaluate[page](`({url: location.href, text: document.body ? document.body.innerText : ""})`))
		if err == nil {
			last = p
			urlOK := wantURL == "" || strings.Contains(p.URL, wantURL)
			textOK := wantText == "" || strings.Contains(strings.Join(strings.Fields(p.Text), " "), wantText)
			if urlOK && textOK {
				return nil
			}
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if wantURL != "" && !strings.Contains(last.URL, wantURL) {
		return fmt.Errorf("%w: the address %s does not contain %q", ErrExpectation, s.secrets.Mask(last.URL), s.secrets.Mask(wantURL))
	}
	return fmt.Errorf("%w: the page does not show the text %q", ErrExpectation, s.secrets.Mask(wantText))
}

// currentURL returns the tab's address, or "" when it cannot be read.
func currentURL(ctx context.Context) string {
	u, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
	if err != nil {
		return ""
	}
	return u
}
