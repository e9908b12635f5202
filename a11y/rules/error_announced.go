package rules

import (
	"regexp"

	"github.com/delaktig/delaktig/a11y"
)

// ErrorAnnounced: when a form is sent with mistakes, people who cannot see
// the screen learn at once that there are errors. WCAG 4.1.3 Status
// Messages.
//
// The rule reads error states a browser source made by sending a form
// empty, or with values of the wrong form (a11y.ErrorState), when the page
// showed errors. It passes when focus moved to the error summary or to a
// field marked as wrong, when a live region (role alert or status,
// aria-live) got the message, or when the page that came back has a title
// that starts by saying there is an error ("Fel: …"). It fails when none of
// these happened: a screen reader then says nothing, or reads the page
// from the top as if nothing went wrong. When the browser's own validation
// answered, the rule asks a person.
var ErrorAnnounced = &a11y.Rule{
	ID:       "error-announced",
	WCAG:     []string{"4.1.3"},
	EN301549: []string{"9.4.1.3"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsInteraction,
	Messages: []a11y.Msg{announcedFocusSummary, announcedFocusField, announcedLive, announcedTitle, announcedSilent, announcedNative},
	Tags:     []string{"forms", "errors", "aria"},
	Since:    "0.1.0",
	Run:      runErrorAnnounced,
}

const (
	announcedFocusSummary a11y.Msg = "error-announced.focus-summary"
	announcedFocusField   a11y.Msg = "error-announced.focus-field"
	announcedLive         a11y.Msg = "error-announced.live-region"
	announcedTitle        a11y.Msg = "error-announced.title"
	announcedSilent       a11y.Msg = "error-announced.silent"
	announcedNative       a11y.Msg = "error-announced.native"
)

// questionErrorsHeard asks whether a screen reader tells about the errors.
const questionErrorsHeard = "error-announced.heard"

// errorTitle matches a title that starts by saying there is an error.
var errorTitle = regexp.MustCompile(`(?i)^\W*(fel|feil|error|virhe)\b`)

func runErrorAnnounced(p *a11y.Pass) error {
	es := p.Doc.ErrorState()
	if es == nil {
		return nil
	}
	if es.Reaction == a11y.ReactionNative {
		p.CantTell(errorTarget(es), announcedNative, a11y.Ask(questionErrorsHeard))
		return nil
	}
	shown := errorFieldsShown(es)
	if len(shown) == 0 && es.Summary == nil {
		return nil
	}
	target := errorTarget(es)
	if f := es.Focus; f != nil {
		if es.Summary != nil && es.Summary.Contains(f) {
			p.Pass(target, announcedFocusSummary, a11y.Related{f})
			return nil
		}
		for _, sf := range shown {
			if sf.Node == f {
				p.Pass(target, announcedFocusField, a11y.Related{f})
				return nil
			}
		}
	}
	if len(es.Announced) > 0 {
		p.Pass(target, announcedLive, a11y.Related(es.Announced))
		return nil
	}
	if es.Reaction == a11y.ReactionReloaded && es.TitleChanged && errorTitle.MatchString(es.Title) {
		p.Pass(target, announcedTitle, a11y.Data{"title": shortText(es.Title, 60)})
		return nil
	}
	p.Fail(target, announcedSilent, a11y.Data{"reaction": es.Reaction})
	return nil
}
