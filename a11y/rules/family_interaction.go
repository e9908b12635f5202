package rules

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/delaktig/delaktig/a11y"
)

// interactionRules lists this family's rules in registry order: rules that
// read what a browser source learned by driving the page (package checker's
// interaction checks): the keyboard walk, the renderings at 320 CSS pixels,
// at 200 % zoom and with wider text spacing, and the error states of forms
// submitted wrongly on purpose.
var interactionRules = []*a11y.Rule{
	KeyboardTrap,
	KeyboardUnreachable,
	FocusOrder,
	Reflow,
	ResizeText,
	TextSpacingClipped,
	ErrorIdentified,
	ErrorSuggestion,
	ErrorAssociated,
	ErrorAnnounced,
}

// maxLossFindings bounds the elements one rendering rule reports per kind of loss.
const maxLossFindings = 20

// lossMsgs are the message keys of a rendering rule.
type lossMsgs struct {
	clipped, shortened, overlap a11y.Msg
	question                    string
}

// reportLoss reports the text a rendering made unreadable and returns
// whether there was any.
func reportLoss(p *a11y.Pass, loss *a11y.ContentLoss, m lossMsgs) bool {
	n := 0
	for _, c := range loss.Clipped {
		if n >= maxLossFindings {
			break
		}
		n++
		d := a11y.Data{"text": shortText(c.Text, 60), "px": pixelText(c.Hidden)}
		if c.Ellipsis {
			p.CantTell(c.Node, m.shortened, d, a11y.Ask(m.question))
		} else {
			p.Fail(c.Node, m.clipped, d)
		}
	}
	for i, o := range loss.Overlaps {
		if i >= maxLossFindings {
			break
		}
		n++
		p.Fail(o.A, m.overlap, a11y.Data{"other": shortText(o.B.Text(), 40)}, a11y.Related{o.B})
	}
	return n > 0
}

// vagueErrorMessages are whole error messages that only say something is
// wrong, in the form errorKey gives them.
var vagueErrorMessages = map[string]bool{
	"fel": true, "felaktig": true, "felaktigt": true, "ogiltig": true, "ogiltigt": true, "ogiltigt värde": true,
	"felaktigt värde": true, "felaktig inmatning": true, "ogiltig inmatning": true, "felaktigt format": true,
	"ogiltigt format": true, "fel format": true, "fel värde": true, "obligatoriskt": true, "obligatoriskt fält": true,
	"fältet är obligatoriskt": true, "något gick fel": true, "ett fel uppstod": true, "kontrollera fältet": true,
	"feil": true, "ugyldig": true, "ugyldig verdi": true, "ugyldig inndata": true, "ugyldig format": true,
	"feil format": true, "feil verdi": true, "obligatorisk": true, "obligatorisk felt": true, "påkrevd": true,
	"påkrevd felt": true, "feltet er påkrevd": true, "feltet er obligatorisk": true, "noe gikk galt": true,
	"error": true, "invalid": true, "invalid value": true, "invalid input": true, "invalid format": true,
	"wrong value": true, "incorrect value": true, "required": true, "required field": true,
	"this field is required": true, "field is required": true, "something went wrong": true,
}

// instructionWords match a message that says what to do: an instruction
// verb, an example or a format, in Swedish, Norwegian or English.
var instructionWords = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:` +
	`skriv|fyll i|ange|välj|kryssa|markera|bifoga|använd|` +
	`t\.ex\.|till exempel|exempelvis|format|åååå|ååmmdd|siffror|tecken|` +
	`fyll inn|fyll ut|oppgi|velg|kryss av|bruk|legg ved|` +
	`f\.eks\.|for eksempel|sifre|tegn|` +
	`enter|type|choose|select|fill in|tick|use|attach|` +
	`e\.g\.|for example|digits|characters|yyyy` +
	`)(?:$|[^\p{L}])`)

// errorKey reduces a message to the form vagueErrorMessages uses: lower
// case, spaces collapsed, a leading "Fel:"/"Feil:"/"Error:" and the
// surrounding punctuation removed.
func errorKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	trim := func(s string) string {
		return strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r) })
	}
	s = trim(s)
	for _, prefix := range []string{"fel:", "feil:", "error:"} {
		if rest, ok := strings.CutPrefix(s, prefix); ok && trim(rest) != "" {
			s = trim(rest)
		}
	}
	return s
}

// errorAdvice classifies an error message: -1 when it only says something
// is wrong, 1 when it says what to do, 0 when a person must judge.
func errorAdvice(text string) int {
	switch k := errorKey(text); {
	case k == "":
		return 0
	case vagueErrorMessages[k]:
		return -1
	case instructionWords.MatchString(k):
		return 1
	}
	return 0
}

// errorFieldsShown returns the fields of an error state that show an error.
func errorFieldsShown(es *a11y.ErrorState) []*a11y.ErrorField {
	var out []*a11y.ErrorField
	for _, f := range es.Fields {
		if f != nil && f.Node != nil && f.ShowsError() {
			out = append(out, f)
		}
	}
	return out
}

// errorTarget returns the node page-level outcomes of an error state go on:
// the form, or the page.
func errorTarget(es *a11y.ErrorState) *a11y.Node { return es.Form }

// percentText formats a fraction as a whole percentage.
func percentText(f float64) string { return strconv.Itoa(int(math.Round(f * 100))) }
