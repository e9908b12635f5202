package rules

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// ErrorSuggestion: an error message says how to put the mistake right,
// not only that something is wrong. WCAG 3.3.3 Error Suggestion.
//
// The rule reads error states a browser source made by sending a form
// empty, or with values of the wrong form (a11y.ErrorState). Targets are
// the messages shown for the fields marked as wrong (near the field, or tied
// to it; the error summary when it is the only message). A message that
// only says the value is wrong ("Ogiltigt värde", "Ugyldig verdi",
// "Invalid value", "Fel") fails; one with an instruction, an example or a
// format ("Skriv …", "Fyll i …", "Velg …", "till exempel", "ÅÅÅÅMMDD") passes;
// anything else is cantTell.
var ErrorSuggestion = &a11y.Rule{
	ID:       "error-suggestion",
	WCAG:     []string{"3.3.3"},
	EN301549: []string{"9.3.3.3"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsInteraction,
	Messages: []a11y.Msg{suggestionSaysHow, suggestionVague, suggestionCheck},
	Tags:     []string{"forms", "errors", "plain-language"},
	Since:    "0.1.0",
	Run:      runErrorSuggestion,
}

const (
	suggestionSaysHow a11y.Msg = "error-suggestion.says-how"
	suggestionVague   a11y.Msg = "error-suggestion.vague"
	suggestionCheck   a11y.Msg = "error-suggestion.check"
)

// questionSaysHow asks whether a message says how to fix the error.
const questionSaysHow = "error-suggestion.says-how"

func runErrorSuggestion(p *a11y.Pass) error {
	es := p.Doc.ErrorState()
	if es == nil {
		return nil
	}
	seen := map[*a11y.Node]bool{}
	judge := func(m *a11y.Node) {
		if m == nil || seen[m] {
			return
		}
		seen[m] = true
		text := strings.Join(strings.Fields(m.Text()), " ")
		if text == "" {
			return
		}
		d := a11y.Data{"text": shortText(text, 80)}
		switch errorAdvice(text) {
		case -1:
			p.Fail(m, suggestionVague, d)
		case 1:
			p.Pass(m, suggestionSaysHow, d)
		default:
			p.CantTell(m, suggestionCheck, d, a11y.Ask(questionSaysHow))
		}
	}
	summaryOnly := false
	for _, f := range errorFieldsShown(es) {
		for _, m := range f.Messages {
			judge(m)
		}
		for _, m := range f.Tied {
			judge(m)
		}
		if len(f.Messages) == 0 && len(f.Tied) == 0 && f.InSummary {
			summaryOnly = true
		}
	}
	if summaryOnly {
		judge(es.Summary)
	}
	return nil
}
