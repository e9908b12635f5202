package guidance

import (
	"regexp"
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// FlowAccessibleAuthentication: logging in does not depend on remembering,
// transcribing or solving something (WCAG 3.3.8 Accessible Authentication
// (Minimum)). A password is allowed when people can paste it or let a
// password manager fill it in; a code sent by SMS is allowed when people
// can paste it; a CAPTCHA that asks to type distorted text is not, unless
// there is another way.
//
// On every step the rule looks at
//
//   - password fields and one-time-code fields (autocomplete
//     "one-time-code", or a label, name or id such as "Engångskod",
//     "Engangskode", "Verification code"): a field that blocks pasting
//     (an onpaste, oncopy or ondrop attribute that returns false or calls
//     preventDefault, on the field or around it) fails; a password field
//     with autocomplete="off" is cantTell (some password managers then stay
//     away); a code split into one-character boxes is cantTell (pasting may
//     not fill them); a field with none of these passes;
//   - CAPTCHAs: an image whose address, id, class, title or text says
//     captcha, with a text field to type it into, fails unless the page
//     offers another way to log in (a link or button such as "Logga in på
//     annat sätt", "BankID", "MinID"), which makes it cantTell; an audio
//     CAPTCHA does not count, it is a test too. A CAPTCHA widget
//     (reCAPTCHA, hCaptcha, Turnstile, an element with data-sitekey or
//     named captcha) is cantTell, since some widgets only ask to recognise
//     objects, which WCAG allows.
//
// Event listeners added by scripts are not visible in the page's markup; a
// page that blocks pasting that way passes here and needs a person to try.
// Steps without a login, code or CAPTCHA are inapplicable.
var FlowAccessibleAuthentication = &a11y.Rule{
	ID:       "flow-accessible-authentication",
	WCAG:     []string{"3.3.8"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeFlow,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{authOK, authPasteBlocked, authAutocompleteOff, authSplitCode, authCaptcha, authCaptchaWidget},
	Tags:     []string{"authentication", "forms"},
	Since:    flowSince,
	RunFlow:  runAccessibleAuthentication,
}

const (
	authOK              a11y.Msg = "flow-accessible-authentication.ok"
	authPasteBlocked    a11y.Msg = "flow-accessible-authentication.paste-blocked"
	authAutocompleteOff a11y.Msg = "flow-accessible-authentication.autocomplete-off"
	authSplitCode       a11y.Msg = "flow-accessible-authentication.split-code"
	authCaptcha         a11y.Msg = "flow-accessible-authentication.captcha"
	authCaptchaWidget   a11y.Msg = "flow-accessible-authentication.captcha-widget"
)

// The questions of the rule's cantTell outcomes.
const (
	questionPasswordManager = "flow-accessible-authentication.password-manager"
	questionCaptchaOther    = "flow-accessible-authentication.captcha-alternative"
)

var (
	codeWords      = regexp.MustCompile(`engångskod|engangskode|engångslösenord|engangspassord|sms-kod|sms-kode|kod från sms|kode fra sms|verifieringskod|bekräftelsekod|säkerhetskod|sikkerhetskode|one-time|verification code|security code|(?:^|[^\pL])otp(?:$|[^\pL])`)
	blockingScript = regexp.MustCompile(`return\s+false|preventdefault|returnvalue\s*=\s*false`)
	otherWayWords  = regexp.MustCompile(`annat sätt|annen måte|another way|other way|bankid|e-legitimation|minid|id-porten|freja`)
)

func runAccessibleAuthentication(p *a11y.FlowPass) error {
	for i := range p.Pages {
		doc := flowDoc(p.Pages, i)
		if doc == nil {
			continue
		}
		checkSecretFields(p, i, doc)
		checkCaptchas(p, i, doc)
	}
	return nil
}

// checkSecretFields judges the password and one-time-code fields of page i.
func checkSecretFields(p *a11y.FlowPass, i int, doc *a11y.Document) {
	split := splitCodeBoxes(doc)
	for e := range doc.Elements(atom.Input) {
		if !flowVisible(doc, e) {
			continue
		}
		typ := strings.ToLower(strings.TrimSpace(e.Get("type")))
		ac := strings.ToLower(strings.TrimSpace(e.Get("autocomplete")))
		password := typ == "password"
		first, inSplit := split[e]
		code := inSplit || strings.Contains(ac, "one-time-code") ||
			(typ == "" || typ == "text" || typ == "number" || typ == "tel") &&
				codeWords.MatchString(strings.ToLower(doc.Name(e)+" "+e.Get("name")+" "+e.Get("id")))
		if !password && !code {
			continue
		}
		kind := "password"
		if !password {
			kind = "code"
		}
		d := a11y.Data{"field": quote(doc.Name(e)), "step": stepName(p.Pages, i), "kind": kind}
		switch {
		case blocksPaste(e):
			p.Fail(i, e, authPasteBlocked, d)
		case inSplit:
			if first {
				p.CantTell(i, e, authSplitCode, d, a11y.Ask(questionPasswordManager))
			}
		case password && autocompleteOff(e):
			p.CantTell(i, e, authAutocompleteOff, d, a11y.Ask(questionPasswordManager))
		default:
			p.Pass(i, e, authOK, d)
		}
	}
}

// blocksPaste reports whether n, or an element around it, has an onpaste,
// oncopy or ondrop attribute that cancels the event.
func blocksPaste(n *a11y.Node) bool {
	for m := n; m != nil; m = m.FlatParent() {
		if m.Type != a11y.ElementNode {
			continue
		}
		for _, attr := range []string{"onpaste", "ondrop"} {
			if v, ok := m.AttrValue(attr); ok && blockingScript.MatchString(strings.ToLower(v)) {
				return true
			}
		}
	}
	return false
}

// autocompleteOff reports whether a field turns autofill off, itself or
// through its form.
func autocompleteOff(n *a11y.Node) bool {
	if v, ok := n.AttrValue("autocomplete"); ok && strings.TrimSpace(v) != "" {
		return strings.EqualFold(strings.TrimSpace(v), "off")
	}
	f := n.Closest(func(m *a11y.Node) bool { return m.Is(atom.Form) })
	return f != nil && strings.EqualFold(strings.TrimSpace(f.Get("autocomplete")), "off")
}

// splitCodeBoxes returns the inputs that belong to a run of four or more
// one-character boxes in one form (a code split over several fields),
// each with whether it is the run's first.
func splitCodeBoxes(doc *a11y.Document) map[*a11y.Node]bool {
	out := map[*a11y.Node]bool{}
	var run []*a11y.Node
	flush := func() {
		if len(run) >= 4 {
			for k, n := range run {
				out[n] = k == 0
			}
		}
		run = run[:0]
	}
	formOf := func(n *a11y.Node) *a11y.Node { return n.Closest(func(m *a11y.Node) bool { return m.Is(atom.Form) }) }
	for e := range doc.Elements(atom.Input) {
		typ := strings.ToLower(strings.TrimSpace(e.Get("type")))
		if (typ == "" || typ == "text" || typ == "number" || typ == "tel" || typ == "password") &&
			strings.TrimSpace(e.Get("maxlength")) == "1" && flowVisible(doc, e) {
			if len(run) > 0 && formOf(run[len(run)-1]) != formOf(e) {
				flush()
			}
			run = append(run, e)
			continue
		}
		if typ == "hidden" || !flowVisible(doc, e) {
			continue
		}
		flush()
	}
	flush()
	return out
}

// checkCaptchas judges the CAPTCHAs of page i.
func checkCaptchas(p *a11y.FlowPass, i int, doc *a11y.Document) {
	otherWay := false
	for e := range doc.Elements(atom.A, atom.Button) {
		if flowVisible(doc, e) && otherWayWords.MatchString(strings.ToLower(doc.Name(e))) {
			otherWay = true
			break
		}
	}
	hasTextField := false
	for e := range doc.Elements(atom.Input) {
		t := strings.ToLower(strings.TrimSpace(e.Get("type")))
		if (t == "" || t == "text") && flowVisible(doc, e) {
			hasTextField = true
			break
		}
	}
	d := a11y.Data{"step": stepName(p.Pages, i)}
	// An image to transcribe first: it is the stronger sign.
	for e := range doc.Elements(atom.Img, atom.Canvas, atom.Svg, atom.Input) {
		if e.TreeRoot() != doc.Root || !hasTextField {
			break
		}
		if e.Is(atom.Input) && !strings.EqualFold(strings.TrimSpace(e.Get("type")), "image") {
			continue
		}
		if !strings.Contains(captchaAttrs(e), "captcha") {
			continue
		}
		if otherWay {
			p.CantTell(i, e, authCaptchaWidget, d, a11y.Ask(questionCaptchaOther))
		} else {
			p.Fail(i, e, authCaptcha, d)
		}
		return
	}
	for e := range doc.Elements(atom.Div, atom.Iframe, atom.Span, atom.Section) {
		if e.TreeRoot() != doc.Root || !captchaWidget(captchaAttrs(e)) && !e.Has("data-sitekey") {
			continue
		}
		p.CantTell(i, e, authCaptchaWidget, d, a11y.Ask(questionCaptchaOther))
		return
	}
}

// captchaWidget reports whether lower-case attribute values name a
// CAPTCHA widget: reCAPTCHA, hCaptcha, Friendly Captcha, Turnstile or any
// element called captcha.
func captchaWidget(attrs string) bool {
	return strings.Contains(attrs, "captcha") || strings.Contains(attrs, "cf-turnstile") ||
		strings.Contains(attrs, "challenges.cloudflare.com")
}

// captchaAttrs returns the attribute values that may name a CAPTCHA, lower case.
func captchaAttrs(e *a11y.Node) string {
	return strings.ToLower(e.Get("id") + " " + e.Get("class") + " " + e.Get("src") + " " + e.Get("title") + " " +
		e.Get("data-sitekey") + " " + e.Get("alt") + " " + e.Get("name"))
}
