package checker

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/locale"
	"golang.org/x/net/html/atom"
)

// Error exploration submits the forms of an audited page wrongly on purpose,
// as people do by mistake, and audits what the page shows then: whether the
// error is identified in text, tied to its field, says how to fix it, and is
// announced (rules error-identified, error-associated, error-suggestion and
// error-announced).
//
// It works in a second tab of the same browser context (the same cookies
// and session), which loads the page's address again; the tab that walks a
// flow is left as it was. Each pass loads the page afresh:
//
//   - the empty pass clears the form's text fields and check boxes and
//     sends it;
//   - the invalid pass types text of the wrong form into fields that expect
//     a certain form (type email, tel, number or url, a pattern, an
//     inputmode) and sends it.
//
// The form is sent the way a user would: a click on its submit button, else
// Enter in its first text field, else a click on an element after the form
// that reads like the way on ("Nästa", "Fortsätt", "Neste", "Next"…), and
// only when nothing reacts, its requestSubmit method.
//
// Only forms that must refuse the submission are explored: the empty pass
// needs a field marked as required (required, aria-required, or an
// asterisk or "obligatorisk" in its label, placeholder or row), the
// invalid pass a field of a certain form. Search forms are left alone. A
// form the server accepted anyway (the next page came, without the form)
// gives no error state. The server still sees the submissions: do not
// explore a production service where a submission has effects; turn it off
// with Options.ExploreErrors.

// ExploredState is one error state of a form.
type ExploredState struct {
	// Pass is a11y.ErrorPassEmpty or a11y.ErrorPassInvalid.
	Pass string
	// Form is a CSS selector of the form in the explored page.
	Form string
	// Page is the audited error state; nil when the pass gave none.
	Page *PageResult
	// Note says why a pass gave no error state ("" when it gave one).
	Note string
	// Took is how long the pass took, its audit included.
	Took time.Duration
}

// maxExploredForms bounds the forms explored on one page.
const maxExploredForms = 2

// ExploreErrors explores the error states of the forms of the page the tab
// shows, whose audited snapshot is doc, and audits each state with opts
// (the keyboard walk of opts.Interactions included; the renderings are
// those of the page itself and are not made again). It takes a screenshot
// of each state unless opts.NoScreenshots is set. secrets are masked as in
// Audit. A pass that fails is reported in its Note; the error reports a lost
// browser, a crashed page or ctx ending.
func (t *Tab) ExploreErrors(ctx context.Context, doc *a11y.Document, opts Options, secrets *Secrets) ([]*ExploredState, error) {
	forms := explorableForms(doc)
	if len(forms) == 0 {
		return nil, nil
	}
	sib, err := t.sibling(ctx)
	if err != nil {
		return nil, err
	}
	defer sib.close()
	var out []*ExploredState
	for _, f := range forms {
		for _, pass := range []string{a11y.ErrorPassEmpty, a11y.ErrorPassInvalid} {
			if !mayApply(doc, f.node, pass) {
				continue
			}
			start := time.Now()
			st, err := sib.explorePass(ctx, doc.URL, f, pass, opts, secrets)
			if err != nil {
				if gone(sib, err) || ctx.Err() != nil {
					return out, err
				}
				st = &ExploredState{Pass: pass, Form: f.selector, Note: secrets.MaskError(err).Error()}
			}
			if st == nil {
				continue
			}
			st.Took = time.Since(start)
			out = append(out, st)
		}
	}
	return out, nil
}

// exploreStep explores the error states of a flow step's audited page, when
// the options ask for it, and returns them as extra steps named after the
// step ("Personuppgifter (fel: tomt formulär)").
func exploreStep(ctx context.Context, s *Session, sr *StepResult) []*StepResult {
	if !s.opts.ExploreErrors || sr.Page == nil || sr.Page.Doc == nil || isExplored(sr) {
		return nil
	}
	sctx, cancel := s.tab.join(ctx)
	defer cancel()
	sctx, cancel2 := context.WithTimeout(sctx, s.opts.stepTimeout())
	defer cancel2()
	states, err := s.tab.ExploreErrors(sctx, sr.Page.Doc, *s.opts, s.secrets)
	if err != nil {
		s.opts.logf("step %d %q: exploring its errors failed: %v", sr.Index+1, sr.Name, s.secrets.MaskError(err))
	}
	cat := locale.For(s.opts.Locale)
	var out []*StepResult
	for _, st := range states {
		if st.Page == nil {
			s.opts.logf("step %d %q: %s pass: %s", sr.Index+1, sr.Name, st.Pass, st.Note)
			continue
		}
		p := st.Page
		s.secrets.MaskFindings(p.Result.Findings)
		p.Title = s.secrets.Mask(p.Title)
		p.Lang = s.secrets.Mask(p.Lang)
		name := sr.Name + " (" + cat.UIText("checker.explored."+st.Pass, nil) + ")"
		out = append(out, &StepResult{Index: sr.Index, Name: name, Line: sr.Line, URL: p.URL, Page: p, Dialogs: p.Dialogs, Duration: st.Took})
		s.opts.logf("step %d %q: explored %s pass: %d findings", sr.Index+1, sr.Name, st.Pass, len(p.Result.Findings))
	}
	return out
}

// isExplored reports whether a step result is an explored error state.
func isExplored(sr *StepResult) bool {
	return sr.Page != nil && sr.Page.Doc != nil && sr.Page.Doc.ErrorState() != nil
}

// formRef is a form of an audited page worth exploring.
type formRef struct {
	node      *a11y.Node
	selector  string
	signature []string // the names of its fields, sorted
}

// fieldTypes are the input types a user fills in.
var skippedInputs = map[string]bool{"hidden": true, "submit": true, "reset": true, "button": true, "image": true}

// formFields returns the fields of a form: its input, select and textarea
// descendants (no buttons or hidden inputs), then fields elsewhere whose
// form attribute names it.
func formFields(doc *a11y.Document, form *a11y.Node) []*a11y.Node {
	var out []*a11y.Node
	isField := func(n *a11y.Node) bool {
		if !n.Is(atom.Input, atom.Select, atom.Textarea) || n.Namespace != a11y.NamespaceHTML {
			return false
		}
		return !n.Is(atom.Input) || !skippedInputs[strings.ToLower(strings.TrimSpace(n.Get("type")))]
	}
	for n := range doc.Elements() {
		if n != form && form.Contains(n) && isField(n) {
			out = append(out, n)
		}
	}
	if id := form.ID(); id != "" {
		for n := range doc.Elements() {
			if isField(n) && n.Get("form") == id && !form.Contains(n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// fieldKeys returns the key of each field: name, id and the count of
// earlier fields with the same name and id (as exploreLib's keysOf).
func fieldKeys(fields []*a11y.Node) []string {
	seen := map[string]int{}
	out := make([]string, len(fields))
	for i, f := range fields {
		base := f.Get("name") + "|" + f.Get("id")
		out[i] = fmt.Sprintf("%s|%d", base, seen[base])
		seen[base]++
	}
	return out
}

// explorableForms returns the forms of doc worth exploring: forms with a
// field a user types into, not search forms, at most maxExploredForms.
func explorableForms(doc *a11y.Document) []formRef {
	var out []formRef
	for f := range doc.Elements(atom.Form) {
		if len(out) >= maxExploredForms {
			break
		}
		if f.Namespace != a11y.NamespaceHTML || doc.Hidden(f) || strings.EqualFold(strings.TrimSpace(f.Get("role")), "search") {
			continue
		}
		fields := formFields(doc, f)
		typing, search := 0, 0
		names := map[string]bool{}
		for _, n := range fields {
			names[n.Get("name")] = true
			t := strings.ToLower(strings.TrimSpace(n.Get("type")))
			if n.Is(atom.Textarea) || n.Is(atom.Input) && t != "checkbox" && t != "radio" && t != "file" && t != "range" && t != "color" {
				typing++
			}
			if t == "search" || slices.Contains([]string{"q", "s", "query", "search", "sok", "sök", "sok-fras"}, strings.ToLower(n.Get("name"))) {
				search++
			}
		}
		if typing == 0 && !hasCheckbox(fields) || search > 0 && typing <= 1 {
			continue
		}
		sig := make([]string, 0, len(names))
		for n := range names {
			sig = append(sig, n)
		}
		sort.Strings(sig)
		out = append(out, formRef{node: f, selector: a11y.Selector(f), signature: sig})
	}
	return out
}

// requiredWords mark a field as required in its label, placeholder or row
// (as exploreLib's REQ).
var requiredWords = regexp.MustCompile(`(?i)\*|obligatorisk|krävs|måste fyllas|required|mandatory|påkrevd|må fylles|må fyllast`)

// mayApply reports whether a pass may apply to a form of doc, before the
// page is loaded again: the empty pass needs a field marked as required,
// the invalid pass a field that expects a certain form. exploreLib decides
// for certain.
func mayApply(doc *a11y.Document, form *a11y.Node, pass string) bool {
	for _, n := range formFields(doc, form) {
		if n.Has("disabled") || n.Has("readonly") {
			continue
		}
		t := strings.ToLower(strings.TrimSpace(n.Get("type")))
		im := strings.ToLower(strings.TrimSpace(n.Get("inputmode")))
		if pass == a11y.ErrorPassInvalid {
			if n.Is(atom.Input) && (slices.Contains([]string{"email", "tel", "number", "url"}, t) || n.Has("pattern") ||
				slices.Contains([]string{"email", "tel", "numeric", "decimal"}, im)) {
				return true
			}
			continue
		}
		if n.Has("required") || strings.EqualFold(strings.TrimSpace(n.Get("aria-required")), "true") ||
			requiredWords.MatchString(n.Get("placeholder")+" "+n.Get("aria-label")+" "+n.Get("title")) {
			return true
		}
		for _, l := range doc.Labels(n) {
			if requiredWords.MatchString(l.Text()) {
				return true
			}
		}
		if p := parentElement(n); p != nil && !holdsOtherField(p, n) && requiredWords.MatchString(p.Text()) {
			return true
		}
	}
	return false
}

func hasCheckbox(fields []*a11y.Node) bool {
	for _, n := range fields {
		if n.Is(atom.Input) && strings.EqualFold(strings.TrimSpace(n.Get("type")), "checkbox") {
			return true
		}
	}
	return false
}

// sibling opens a tab in the same browser context as t (same cookies and
// storage), outside the pool; close it with close.
func (t *Tab) sibling(ctx context.Context) (*Tab, error) {
	s := &Tab{b: t.b, isolated: true, mon: newMonitor(), viewport: t.viewport}
	s.ctx, s.cancel = chromedp.NewContext(t.ctx, chromedp.WithListener(s.mon.handle))
	s.mon.onDialog = func(ev *page.EventJavascriptDialogOpening) {
		go func() {
			_, _ = chromedp.Call(s.ctx, page.HandleJavaScriptDialog,
				page.HandleJavaScriptDialogParams{Accept: true, PromptText: ev.DefaultPrompt})
		}()
	}
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(s.ctx) }()
	select {
	case err := <-done:
		if err != nil {
			s.cancel()
			return nil, t.b.wrap(fmt.Errorf("checker: open a second tab: %w", err))
		}
	case <-ctx.Done():
		s.cancel()
		<-done
		return nil, ctx.Err()
	}
	if tg := chromedp.FromContext(s.ctx).Target; tg != nil {
		s.mon.mu.Lock()
		s.mon.frame = cdp.FrameID(tg.TargetID)
		s.mon.mu.Unlock()
	}
	if err := s.SetViewport(ctx, s.viewport); err != nil {
		s.close()
		return nil, err
	}
	cctx, cancel := s.join(ctx)
	defer cancel()
	if _, err := chromedp.Call(cctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		s.close()
		return nil, s.wrap(fmt.Errorf("checker: emulate focus: %w", err))
	}
	return s, nil
}

// exploreLib defines the exploration's helpers in an isolated world.
const exploreLib = `(() => {
const st = {form: null, fields: [], log: null, mo: null};
globalThis.__delaktigExplore = st;
const up = n => n.parentElement || (n.parentNode && n.parentNode.host) || null;
const norm = s => String(s == null ? "" : s).replace(/\s+/g, " ").trim();
const FIELD = "input,select,textarea";
const isField = el => el.matches(FIELD) && (el.tagName !== "INPUT" || !/^(hidden|submit|reset|button|image)$/i.test(el.getAttribute("type") || ""));
const fieldsOf = form => {
	const out = [...form.querySelectorAll(FIELD)].filter(isField);
	if (form.id) for (const el of document.querySelectorAll("[form]")) if (el.getAttribute("form") === form.id && isField(el) && !form.contains(el)) out.push(el);
	return out;
};
const keysOf = fields => {
	const seen = new Map();
	return fields.map(el => {
		const base = (el.getAttribute("name") || "") + "|" + (el.getAttribute("id") || "");
		const k = seen.get(base) || 0;
		seen.set(base, k + 1);
		return base + "|" + k;
	});
};
const textish = el => el.tagName === "TEXTAREA" ||
	(el.tagName === "INPUT" && /^(text|email|tel|number|url|search|password|date|time|datetime-local|month|week)$/i.test(el.type || "text"));
const REQ = /\*|obligatorisk|krävs|måste fyllas|required|mandatory|påkrevd|må fylles|må fyllast/i;
const requiredOf = el => {
	if (el.required || el.getAttribute("aria-required") === "true") return true;
	const texts = [el.getAttribute("placeholder"), el.getAttribute("aria-label"), el.getAttribute("title")];
	if (el.labels) for (const l of el.labels) texts.push(l.textContent);
	const p = el.parentElement;
	if (p && [...p.querySelectorAll(FIELD)].filter(isField).length <= 1) texts.push(p.textContent);
	return texts.some(t => t && REQ.test(t));
};
const typedValue = el => {
	if (el.tagName !== "INPUT") return null;
	const t = (el.type || "").toLowerCase(), im = (el.getAttribute("inputmode") || "").toLowerCase();
	const pattern = el.getAttribute("pattern");
	let cands = null;
	if (t === "email" || im === "email") cands = ["x@"];
	else if (t === "number") cands = ["12e"];
	else if (t === "tel" || t === "url" || im === "tel" || im === "numeric" || im === "decimal") cands = ["abc"];
	if (pattern && textish(el)) {
		let re = null;
		for (const flags of ["v", "u", ""]) { try { re = new RegExp("^(?:" + pattern + ")$", flags); break; } catch (x) {} }
		const list = cands || ["abc", "!!!", "1"];
		cands = re ? list.filter(v => !re.test(v)) : list;
		if (!cands.length) cands = null;
	}
	return cands ? cands[0] : null;
};
const setValue = (el, v) => {
	const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
	const d = Object.getOwnPropertyDescriptor(proto, "value");
	if (d && d.set) d.set.call(el, v); else el.value = v;
	el.dispatchEvent(new Event("input", {bubbles: true}));
	el.dispatchEvent(new Event("change", {bubbles: true}));
};
const visible = el => {
	if (!el || !el.isConnected) return false;
	const cs = getComputedStyle(el);
	if (cs.visibility === "hidden" || cs.display === "none") return false;
	const r = el.getBoundingClientRect();
	return r.width > 0 && r.height > 0;
};
const aim = el => {
	el.scrollIntoView({block: "center", inline: "center"});
	const r = el.getBoundingClientRect();
	const x = r.left + r.width / 2, y = r.top + r.height / 2;
	const h = document.elementFromPoint(x, y);
	return {x, y, covered: !!h && h !== el && !el.contains(h)};
};
st.find = sig => {
	for (const f of document.forms) {
		const names = new Set(fieldsOf(f).map(el => el.getAttribute("name") || ""));
		if (sig.every(n => names.has(n))) return f;
	}
	return null;
};
st.prepare = (sig, pass) => {
	const form = st.find(sig);
	if (!form) return {found: false, fields: []};
	st.form = form;
	const fields = fieldsOf(form), keys = keysOf(fields);
	st.fields = fields;
	const out = [];
	fields.forEach((el, i) => {
		const info = {key: keys[i], i, required: requiredOf(el), typed: false, value: "", empty: false};
		if (el.disabled || el.readOnly) { out.push(info); return; }
		if (pass === "empty") {
			if (textish(el)) { if (el.value !== "") setValue(el, ""); info.empty = true; }
			else if (el.type === "checkbox") {
				if (el.checked) { el.checked = false; el.dispatchEvent(new Event("input", {bubbles: true})); el.dispatchEvent(new Event("change", {bubbles: true})); }
				info.empty = true;
			}
		} else {
			const v = typedValue(el);
			if (v !== null) { info.typed = true; info.value = v; if (el.value !== "") setValue(el, ""); }
		}
		out.push(info);
	});
	return {found: true, fields: out};
};
st.focusField = i => { const el = st.fields[i]; if (!el) return false; el.focus(); return true; };
st.blurField = i => { const el = st.fields[i]; if (el && el.blur) el.blur(); return true; };
st.submitter = () => {
	const f = st.form;
	const cands = [...f.querySelectorAll("button,input")].filter(b => (b.tagName === "BUTTON" && b.type === "submit") || (b.tagName === "INPUT" && /^(submit|image)$/i.test(b.type)));
	if (f.id) for (const b of document.querySelectorAll("button[form],input[form]")) {
		if (b.getAttribute("form") === f.id && /^(submit|image)$/i.test(b.type)) cands.push(b);
	}
	for (const b of cands) if (visible(b) && !b.disabled) return aim(b);
	return null;
};
st.firstText = () => {
	for (const el of st.fields) if (textish(el) && visible(el) && !el.disabled && !el.readOnly) { el.focus(); return true; }
	return false;
};
const NEXT = /^(nästa|fortsätt|gå vidare|skicka|spara och fortsätt|neste|fortsett|gå videre|send|lagre og fortsett|next|continue|submit|save and continue)(?=$|[^\p{L}])/iu;
st.nextLike = () => {
	for (const el of document.querySelectorAll("a,button,input,[role=button],[onclick],div,span")) {
		if (!(st.form.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) && !st.form.contains(el)) continue;
		const txt = norm(el.tagName === "INPUT" ? el.value : el.textContent);
		if (!txt || txt.length > 40 || !NEXT.test(txt) || !visible(el)) continue;
		if (!el.matches("a[href],button,input[type=button],input[type=submit],[role=button],[onclick]") && getComputedStyle(el).cursor !== "pointer") continue;
		return aim(el);
	}
	return null;
};
st.requestSubmit = () => { try { st.form.requestSubmit(); } catch (x) { st.form.submit(); } return true; };
const liveOf = n => {
	for (let e = n && n.nodeType === 1 ? n : n && n.parentElement, i = 0; e && i < 32; e = up(e), i++) {
		const role = (e.getAttribute("role") || "").trim().toLowerCase();
		const live = (e.getAttribute("aria-live") || "").trim().toLowerCase();
		if (role === "alert" || role === "status" || role === "log" || live === "polite" || live === "assertive") return e;
	}
	return null;
};
st.observe = () => {
	const log = {submit: 0, prevented: false, invalid: [], mutations: 0, live: new Set()};
	st.log = log;
	document.addEventListener("submit", e => { log.submit++; setTimeout(() => { log.prevented = log.prevented || e.defaultPrevented; }, 0); }, true);
	document.addEventListener("invalid", e => { log.invalid.push(e.target); }, true);
	const note = list => {
		for (const m of list) {
			log.mutations++;
			const l = liveOf(m.target);
			if (l) log.live.add(l);
			for (const a of m.addedNodes || []) {
				if (a.nodeType !== 1) continue;
				const l2 = liveOf(a);
				if (l2) log.live.add(l2);
				for (const x of a.querySelectorAll("[role=alert],[role=status],[aria-live]")) log.live.add(x);
			}
		}
	};
	st.mo = new MutationObserver(note);
	st.mo.observe(document.documentElement, {subtree: true, childList: true, characterData: true, attributes: true});
	return true;
};
st.report = () => {
	const log = st.log;
	return {submit: log.submit, prevented: log.prevented, invalid: log.invalid.length, mutations: log.mutations};
};
st.live = () => [...st.log.live].filter(el => el.isConnected && norm(el.textContent) !== "");
st.invalid = () => st.log.invalid.filter(el => el.isConnected);
return true;
})()`

// prepared is what exploreLib's prepare() answers.
type prepared struct {
	Found  bool         `json:"found"`
	Fields []fieldState `json:"fields"`
}

// fieldState is what the exploration did to one field.
type fieldState struct {
	Key      string `json:"key"`
	I        int    `json:"i"`
	Required bool   `json:"required"`
	Typed    bool   `json:"typed"`
	Value    string `json:"value"`
	Empty    bool   `json:"empty"`
}

// aimed is a point to click, from exploreLib.
type aimed struct {
	X, Y    float64
	Covered bool `json:"covered"`
}

// reaction is what exploreLib's report() answers.
type reaction struct {
	Submit    int  `json:"submit"`
	Prevented bool `json:"prevented"`
	Invalid   int  `json:"invalid"`
	Mutations int  `json:"mutations"`
}

func (r reaction) any() bool { return r.Submit > 0 || r.Invalid > 0 || r.Mutations > 0 }

// reactWait is how long the exploration waits for a page to react to one
// way of sending a form before it tries the next.
const reactWait = 400 * time.Millisecond

// explorePass loads url in the tab, submits the form f wrongly and audits
// the result. It returns nil when the pass does not apply to the form.
func (t *Tab) explorePass(ctx context.Context, url string, f formRef, pass string, opts Options, secrets *Secrets) (*ExploredState, error) {
	cctx, cancel := t.join(ctx)
	defer cancel()
	w := opts.Wait.withDefaults()
	if _, err := t.Navigate(cctx, url, w.Load); err != nil {
		return nil, err
	}
	if _, err := t.WaitSettled(cctx, w); err != nil {
		return nil, err
	}
	wd, err := newWorld(cctx)
	if err != nil {
		return nil, t.wrap(err)
	}
	defer releaseObjects(cctx)
	if _, err := evalIn[bool](cctx, wd, exploreLib, false); err != nil {
		return nil, fmt.Errorf("checker: prepare the exploration: %w", err)
	}
	sig := jsonString(f.signature)
	prep, err := evalIn[prepared](cctx, wd, fmt.Sprintf(`globalThis.__delaktigExplore.prepare(%s, %q)`, sig, pass), false)
	if err != nil {
		return nil, fmt.Errorf("checker: prepare the form: %w", err)
	}
	if !prep.Found {
		return &ExploredState{Pass: pass, Form: f.selector, Note: "the form is not on the page loaded again from its address"}, nil
	}
	applies := false
	for _, fs := range prep.Fields {
		if pass == a11y.ErrorPassEmpty && fs.Required && fs.Empty || pass == a11y.ErrorPassInvalid && fs.Typed {
			applies = true
		}
	}
	if !applies {
		return nil, nil
	}
	for _, fs := range prep.Fields {
		if !fs.Typed {
			continue
		}
		if _, err := evalIn[bool](cctx, wd, fmt.Sprintf(`globalThis.__delaktigExplore.focusField(%d)`, fs.I), false); err != nil {
			return nil, err
		}
		if _, err := chromedp.Call(cctx, input.InsertText, input.InsertTextParams{Text: fs.Value}); err != nil {
			return nil, t.wrap(fmt.Errorf("checker: type into a field: %w", err))
		}
		if _, err := evalIn[bool](cctx, wd, fmt.Sprintf(`globalThis.__delaktigExplore.blurField(%d)`, fs.I), false); err != nil {
			return nil, err
		}
	}
	before, err := Snapshot(cctx)
	if err != nil {
		return nil, t.wrap(err)
	}
	origin, err := chromedp.Run(cctx, chromedp.Evaluate[float64](`performance.timeOrigin`))
	if err != nil {
		return nil, t.wrap(err)
	}
	if _, err := evalIn[bool](cctx, wd, `globalThis.__delaktigExplore.observe()`, false); err != nil {
		return nil, err
	}
	how, err := t.submitForm(cctx, wd, origin)
	if err != nil {
		return nil, err
	}
	if _, err := t.WaitSettled(cctx, w); err != nil {
		return nil, err
	}
	sub := &submission{pass: pass, submitted: how, before: before, fields: prep.Fields, signature: f.signature, world: wd}
	now, err := chromedp.Run(cctx, chromedp.Evaluate[float64](`performance.timeOrigin`))
	if err != nil {
		return nil, t.wrap(err)
	}
	sub.reloaded = now != origin
	if !sub.reloaded {
		if sub.react, err = evalIn[reaction](cctx, wd, `globalThis.__delaktigExplore.report()`, false); err != nil {
			return nil, fmt.Errorf("checker: read the page's reaction: %w", err)
		}
	} else {
		w2, err := newWorld(cctx)
		if err != nil {
			return nil, t.wrap(err)
		}
		if _, err := evalIn[bool](cctx, w2, exploreLib, false); err != nil {
			return nil, err
		}
		found, err := evalIn[bool](cctx, w2, fmt.Sprintf(`!!globalThis.__delaktigExplore.find(%s)`, sig), false)
		if err != nil {
			return nil, err
		}
		if !found {
			return &ExploredState{Pass: pass, Form: f.selector, Note: "the page accepted the submission: the next page came, without the form"}, nil
		}
	}
	putSubmission(t, sub)
	defer takeSubmission(t)
	aopts := opts
	aopts.Interactions = Interactions{Keyboard: opts.Interactions.Keyboard, MaxStops: opts.Interactions.MaxStops, Budget: opts.Interactions.Budget}
	p, err := t.Audit(ctx, aopts, !opts.NoScreenshots, secrets)
	if err != nil {
		return nil, err
	}
	if r, ok := t.lastDocument(); ok && sub.reloaded {
		p.Status = int(r.status)
	}
	p.Dialogs = t.Dialogs()
	return &ExploredState{Pass: pass, Form: f.selector, Page: p}, nil
}

// submitForm sends the prepared form the way a user would and returns how.
func (t *Tab) submitForm(ctx context.Context, w world, origin float64) (string, error) {
	// reacted polls the page until it reacts to the submission, for at
	// most reactWait
	reacted := func() (bool, error) {
		deadline := time.Now().Add(reactWait)
		for {
			select {
			case <-ctx.Done():
				return false, ctx.Err()
			case <-time.After(50 * time.Millisecond):
			}
			if act := t.mon.now(); act.loading {
				return true, nil
			}
			r, err := evalIn[reaction](ctx, w, `globalThis.__delaktigExplore.report()`, false)
			if err != nil {
				// the world went away with its document: the page navigated
				now, err2 := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.timeOrigin`))
				if err2 == nil && now != origin {
					return true, nil
				}
				return false, t.wrap(fmt.Errorf("checker: read the page's reaction: %w", err))
			}
			if r.any() {
				return true, nil
			}
			if time.Now().After(deadline) {
				return false, nil
			}
		}
	}
	click := func(expr string) (bool, error) {
		at, err := evalIn[*aimed](ctx, w, expr, false)
		if err != nil || at == nil {
			return false, err
		}
		if err := chromedp.Do(ctx, chromedp.MouseClickXY(at.X, at.Y)); err != nil {
			return false, t.wrap(fmt.Errorf("checker: click: %w", err))
		}
		return true, nil
	}
	if ok, err := click(`globalThis.__delaktigExplore.submitter()`); err != nil {
		return "", err
	} else if ok {
		if r, err := reacted(); err != nil || r {
			return "button", err
		}
	}
	if ok, err := evalIn[bool](ctx, w, `globalThis.__delaktigExplore.firstText()`, false); err != nil {
		return "", err
	} else if ok {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
			return "", t.wrap(fmt.Errorf("checker: press Enter: %w", err))
		}
		if r, err := reacted(); err != nil || r {
			return "enter", err
		}
	}
	if ok, err := click(`globalThis.__delaktigExplore.nextLike()`); err != nil {
		return "", err
	} else if ok {
		if r, err := reacted(); err != nil || r {
			return "click", err
		}
	}
	if _, err := evalIn[bool](ctx, w, `globalThis.__delaktigExplore.requestSubmit()`, false); err != nil {
		return "", err
	}
	_, err := reacted()
	return "script", err
}

// submission is what the exploration knows of one submission, for the
// audit of the state it led to.
type submission struct {
	pass, submitted string
	before          *a11y.Document
	fields          []fieldState
	signature       []string
	world           world
	reloaded        bool
	react           reaction
}

// pending holds the submission of each tab whose next audit is an error state.
var pending sync.Map // *Tab → *submission

func putSubmission(t *Tab, s *submission) { pending.Store(t, s) }

func takeSubmission(t *Tab) *submission {
	v, ok := pending.LoadAndDelete(t)
	if !ok {
		return nil
	}
	return v.(*submission)
}

// record stores the error state of doc (the state after the submission).
func (s *submission) record(ctx context.Context, t *Tab, doc *a11y.Document) error {
	var live, invalid []*a11y.Node
	if !s.reloaded {
		index := backendIndex(doc)
		ids, err := backendIDs(ctx, s.world, `globalThis.__delaktigExplore.live()`)
		if err != nil {
			return fmt.Errorf("checker: find the live regions: %w", err)
		}
		live = compact(nodesOf(doc, index, ids))
		if ids, err = backendIDs(ctx, s.world, `globalThis.__delaktigExplore.invalid()`); err != nil {
			return fmt.Errorf("checker: find the invalid fields: %w", err)
		}
		invalid = compact(nodesOf(doc, index, ids))
	}
	if doc.Extra == nil {
		doc.Extra = map[string]any{}
	}
	doc.Extra[a11y.ErrorStateKey] = buildErrorState(s, doc, live, invalid)
	return nil
}

func compact(ns []*a11y.Node) []*a11y.Node {
	out := ns[:0]
	for _, n := range ns {
		if n != nil {
			out = append(out, n)
		}
	}
	return out
}
