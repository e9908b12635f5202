package guidance

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// PlainLanguageErrorMessage: error messages tell people what to do. The
// messages are the visible text of
//
//   - elements that an invalid field (aria-invalid other than "false")
//     points to with aria-errormessage or aria-describedby;
//   - elements with role alert, and elements whose class names an error
//     ("error", "error-message", "fel", "feil"…) that hold no form field
//     and are not headings (an error summary's title is no message);
//     an error summary with a list is judged item by item.
//
// A message that only says that something is wrong ("Ogiltigt värde",
// "Felaktig inmatning", "Ugyldig verdi", "Invalid value", "Fel") fails, and
// so does any short message (at most eight words) that calls the answer
// wrong without an instruction ("Personnumret är ogiltigt", "Feil i
// feltet", "The date is not valid"). A
// message with an instruction ("Skriv …", "Välj …", "Fyll i …", "Velg …",
// "Enter …") or a format hint ("med 12 siffror", "till exempel",
// "ÅÅÅÅ-MM-DD") passes. Anything else is cantTell: a person must judge
// whether it says how to fix the error.
//
// WCAG 3.3.3 Error Suggestion: when the error and a fix are known, the fix
// is suggested. (Whether errors are identified at all is 3.3.1, checked by
// the form rules.)
var PlainLanguageErrorMessage = &a11y.Rule{
	ID:       "plain-language-error-message",
	WCAG:     []string{"3.3.3"},
	EN301549: []string{"9.3.3.3"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeText,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{errMsgInstructs, errMsgVague, errMsgCheck},
	Tags:     []string{"plain-language", "forms"},
	Since:    "0.1.0",
	Run:      runErrorMessage,
}

const (
	errMsgInstructs a11y.Msg = "plain-language-error-message.instructs"
	errMsgVague     a11y.Msg = "plain-language-error-message.vague"
	errMsgCheck     a11y.Msg = "plain-language-error-message.check"
)

// questionErrorSaysFix asks whether an error message says how to fix the error.
const questionErrorSaysFix = "plain-language-error-message.says-fix"

// vagueErrors are whole messages that only say something is wrong, lower
// case, without final punctuation.
var vagueErrors = map[string]bool{
	// sv
	"fel": true, "ogiltigt värde": true, "ogiltig": true, "ogiltigt": true, "felaktig inmatning": true,
	"felaktigt värde": true, "felaktigt format": true, "ogiltigt format": true, "felaktig": true,
	"felaktigt": true, "något gick fel": true, "ett fel uppstod": true, "ett fel har uppstått": true,
	"obligatoriskt": true, "obligatoriskt fält": true, "fältet är obligatoriskt": true, "fel värde": true,
	"ogiltig inmatning": true, "fel i formuläret": true, "valideringsfel": true, "ogiltigt datum": true,
	"ogiltigt personnummer": true, "felaktigt personnummer": true, "ogiltig e-postadress": true,
	// nb
	"feil": true, "ugyldig verdi": true, "ugyldig": true, "ugyldig format": true, "feil format": true,
	"feil verdi": true, "ugyldig inndata": true, "noe gikk galt": true, "det oppstod en feil": true,
	"en feil oppstod": true, "obligatorisk": true, "obligatorisk felt": true, "feltet er obligatorisk": true,
	"påkrevd": true, "påkrevd felt": true, "feltet er påkrevd": true, "ugyldig dato": true,
	"ugyldig fødselsnummer": true, "ugyldig e-postadresse": true, "valideringsfeil": true,
	// en
	"error": true, "invalid": true, "invalid value": true, "invalid input": true, "invalid format": true,
	"incorrect value": true, "wrong value": true, "something went wrong": true, "an error occurred": true,
	"required": true, "required field": true, "this field is required": true, "field is required": true,
	"invalid date": true, "invalid email": true, "invalid email address": true, "validation error": true,
	"please correct the errors": true, "there is an error": true, "error!": true,
}

// instructs matches an instruction or a format hint, on lower-case text.
var instructs = regexp.MustCompile(`(?:^|[^\pL])(?:` +
	// sv
	`skriv|välj|fyll i|ange|kryssa i|kryssa för|markera|bifoga|ladda upp|kontrollera|använd|lägg till|` +
	`till exempel|t\.ex\.|exempel:|högst|minst|åååå|ååmmdd|måste|behöver|` +
	// nb
	`velg|fyll inn|fyll ut|oppgi|kryss av|last opp|legg ved|sjekk|bruk|legg til|` +
	`for eksempel|f\.eks\.|høyst|dd\.mm\.åååå|må|trenger|` +
	// nn
	`vel|til dømes|høgst|treng|` +
	// en
	`enter|choose|select|fill in|use|upload|attach|tick|check|make sure|type|write|` +
	`for example|e\.g\.|at most|at least|dd/mm/yyyy|yyyy|must|need to|should|` +
	// a count of characters: "med 12 siffror", "11 sifre", "10 digits"
	`\d+ (?:siffror|tecken|bokstäver|sifre|siffer|tegn|bokstaver|digits|characters|letters)` +
	`)(?:$|[^\pL])`)

// complains matches, on lower-case text, a word saying that an answer is
// wrong: "ogiltigt", "felaktig", "fel", "ugyldig", "feil", "invalid",
// "incorrect", "not valid".
var complains = regexp.MustCompile(`(?:^|[^\pL])(?:` +
	`ogiltig|ogiltigt|ogiltiga|felaktig|felaktigt|felaktiga|fel|inte giltig|inte giltigt|ej giltig|ej giltigt|` +
	`ugyldig|ugyldige|ugyldigt|feil|feilaktig|feilaktige|ikke gyldig|ikkje gyldig|` +
	`invalid|incorrect|wrong|not valid|error` +
	`)(?:$|[^\pL])`)

// maxComplaintWords is the length up to which a message that only calls an
// answer wrong counts as vague; a longer one may explain the fix in words
// the patterns do not know.
const maxComplaintWords = 8

// errorClassWord matches the Nordic class names of error messages.
var errorClassWord = regexp.MustCompile(`(?:^|[-_])(?:fel|feil|felmeddelande|feilmelding|valideringsfel|valideringsfeil)(?:$|[-_])`)

// errorClass reports whether a class attribute names an error message:
// a class containing "error", or a Nordic word for error between hyphens.
func errorClass(class string) bool {
	for _, c := range strings.Fields(strings.ToLower(class)) {
		if strings.Contains(c, "error") || c == "invalid-feedback" || errorClassWord.MatchString(c) {
			return true
		}
	}
	return false
}

// vagueKey reduces a message to the form vagueErrors uses: lower case,
// white space collapsed, leading "Fel:"/"Error:" labels and surrounding
// punctuation and symbols removed.
func vagueKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	trim := func(s string) string {
		return strings.TrimFunc(s, func(r rune) bool {
			return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
		})
	}
	s = trim(s)
	for _, prefix := range []string{"fel:", "feil:", "error:", "varning:", "advarsel:", "warning:"} {
		if rest, ok := strings.CutPrefix(s, prefix); ok && trim(rest) != "" {
			s = trim(rest)
		}
	}
	return s
}

// classifyError returns the message key for an error text.
func classifyError(text string) a11y.Msg {
	low := strings.ToLower(strings.Join(strings.Fields(text), " "))
	key := vagueKey(text) // without a leading "Fel:" or "Error:" label
	switch {
	case vagueErrors[key]:
		return errMsgVague
	case instructs.MatchString(low):
		return errMsgInstructs
	case complains.MatchString(key) && len(strings.Fields(key)) <= maxComplaintWords:
		return errMsgVague
	}
	return errMsgCheck
}

func runErrorMessage(p *a11y.Pass) error {
	var targets []*a11y.Node
	seen := map[*a11y.Node]bool{}
	add := func(n *a11y.Node) {
		if n != nil && !seen[n] && !p.Hidden(n) {
			seen[n] = true
			targets = append(targets, n)
		}
	}
	for e := range p.Elements() {
		if e.Namespace != a11y.NamespaceHTML {
			continue
		}
		if inv, ok := e.AttrValue("aria-invalid"); ok && isInvalid(inv) {
			for _, attr := range []string{"aria-errormessage", "aria-describedby"} {
				found, _ := p.Doc.IDRefs(e, e.Get(attr))
				for _, m := range found {
					add(m)
				}
			}
		}
		if p.Doc.ExplicitRole(e) == "alert" || errorClass(e.Get("class")) && !holdsField(e) && !isHeading(p, e) {
			add(e)
		}
	}
	judged := map[*a11y.Node]bool{}
	for _, t := range targets {
		items := summaryItems(t)
		if len(items) == 0 {
			items = []*a11y.Node{t}
		}
		for _, it := range items {
			if containsOther(it, targets, t) || judged[it] {
				continue // judged through the inner target, or already
			}
			judged[it] = true
			text := strings.Join(strings.Fields(visibleText(p, it)), " ")
			if text == "" {
				continue
			}
			key := classifyError(text)
			d := a11y.Data{"text": quote(text)}
			switch key {
			case errMsgVague:
				p.Fail(it, key, d)
			case errMsgCheck:
				p.CantTell(it, key, d, a11y.Ask(questionErrorSaysFix))
			default:
				p.Pass(it, key, d)
			}
		}
	}
	return nil
}

// isInvalid reports whether an aria-invalid value marks the field invalid.
func isInvalid(v string) bool {
	v = strings.ToLower(strings.TrimSpace(v))
	return v != "" && v != "false"
}

// holdsField reports whether n contains a form field: then it is a field's
// wrapper ("has-error"), not a message.
func holdsField(n *a11y.Node) bool {
	found := false
	walkFlat(n, func(m *a11y.Node) bool {
		if m != n && m.Is(atom.Input, atom.Select, atom.Textarea) {
			found = true
		}
		return !found
	})
	return found
}

// summaryItems returns the list items of an error summary, or nil.
func summaryItems(n *a11y.Node) []*a11y.Node {
	var out []*a11y.Node
	walkFlat(n, func(m *a11y.Node) bool {
		if m.Is(atom.Li) {
			out = append(out, m)
			return false
		}
		return true
	})
	return out
}

// containsOther reports whether n holds another target than self.
func containsOther(n *a11y.Node, targets []*a11y.Node, self *a11y.Node) bool {
	for _, t := range targets {
		if t != self && t != n && n.Contains(t) {
			return true
		}
	}
	return false
}

// visibleText returns the text of n that is not hidden or aria-hidden.
func visibleText(p *a11y.Pass, n *a11y.Node) string {
	var b strings.Builder
	for _, bl := range blocksOf(p.Doc, n) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(bl.Text)
	}
	return b.String()
}

// walkFlat visits n and its flat-tree descendants in tree order; returning
// false from f skips the node's children.
func walkFlat(n *a11y.Node, f func(*a11y.Node) bool) {
	var visit func(m *a11y.Node, depth int)
	visit = func(m *a11y.Node, depth int) {
		if depth > maxWalkDepth || !f(m) {
			return
		}
		for _, c := range flatKids(m) {
			visit(c, depth+1)
		}
	}
	visit(n, 0)
}
