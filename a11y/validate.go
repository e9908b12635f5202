package a11y

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/delaktig/delaktig/a11y/locale"
	"github.com/delaktig/delaktig/a11y/wcag"
)

var (
	kebab = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	actID = regexp.MustCompile(`^[0-9a-z]{6}$`)
)

// Validate checks a rule set: ids unique and kebab-case, WCAG criteria known
// (and not obsolete), EN 301 549 clauses known and matching the criteria, ACT
// ids well-formed, Run set for the scope, Needs set, every message key
// prefixed by the rule id, and every message, title and help present in every
// shipped catalog with the same placeholders. It returns every problem found.
func Validate(rules []*Rule) error {
	var errs []error
	bad := func(r *Rule, format string, args ...any) {
		errs = append(errs, fmt.Errorf("a11y: rule %s: %s", r.ID, fmt.Sprintf(format, args...)))
	}
	if err := locale.Err(); err != nil {
		errs = append(errs, err)
	}
	seen := map[string]bool{}
	for _, r := range append([]*Rule{Engine}, rules...) {
		if r == nil {
			errs = append(errs, errors.New("a11y: nil rule"))
			continue
		}
		if !kebab.MatchString(r.ID) {
			bad(r, "id is not kebab-case")
		}
		if seen[r.ID] {
			bad(r, "id used twice")
		}
		seen[r.ID] = true
		if r.Needs == 0 {
			bad(r, "Needs is not set")
		}
		if r.Scope == ScopeFlow && r.RunFlow == nil || r.Scope != ScopeFlow && r.Run == nil {
			bad(r, "no Run function for scope %s", r.Scope)
		}
		if r.Impact == 0 {
			bad(r, "Impact is not set")
		}
		if len(r.Messages) == 0 {
			bad(r, "no Messages declared")
		}
		for _, sc := range r.WCAG {
			if err := wcag.Valid(sc); err != nil {
				bad(r, "WCAG %s: %v", sc, err)
			}
		}
		for _, cl := range r.EN301549 {
			c, ok := wcag.EN301549(cl)
			if !ok {
				bad(r, "unknown EN 301 549 clause %s", cl)
				continue
			}
			if c.SC != "" && !slices.Contains(r.WCAG, c.SC) {
				bad(r, "EN 301 549 clause %s maps to WCAG %s, which the rule does not list", cl, c.SC)
			}
		}
		for _, sc := range r.WCAG {
			if cl, ok := wcag.ClauseForSC(sc); ok && !slices.Contains(r.EN301549, cl) {
				bad(r, "WCAG %s has EN 301 549 clause %s, which the rule does not list", sc, cl)
			}
		}
		for _, id := range r.ACT {
			if !actID.MatchString(id) {
				bad(r, "ACT id %q is not six characters", id)
			}
		}
		for _, m := range r.Messages {
			if !strings.HasPrefix(string(m), r.ID+".") && !(r == Engine && strings.HasPrefix(string(m), "engine.")) {
				bad(r, "message key %s does not start with %s.", m, r.ID)
			}
		}
		errs = append(errs, validateTexts(r)...)
	}
	return errors.Join(errs...)
}

func validateTexts(r *Rule) []error {
	var errs []error
	en := locale.Get("en")
	for _, lang := range locale.Langs() {
		cat := locale.Get(lang)
		if cat == nil {
			errs = append(errs, fmt.Errorf("a11y: no %s catalog", lang))
			continue
		}
		rt, ok := cat.Rules[r.ID]
		if !ok {
			errs = append(errs, fmt.Errorf("a11y: rule %s: no %s text", r.ID, lang))
			continue
		}
		if strings.TrimSpace(rt.Title) == "" || strings.TrimSpace(rt.Help) == "" {
			errs = append(errs, fmt.Errorf("a11y: rule %s: %s title or help missing", r.ID, lang))
		}
		for _, m := range r.Messages {
			_, name, _ := strings.Cut(string(m), ".")
			t, ok := rt.Messages[name]
			if !ok {
				errs = append(errs, fmt.Errorf("a11y: rule %s: message %s missing in %s", r.ID, m, lang))
				continue
			}
			if lang == "en" || en == nil {
				continue
			}
			et := en.Rules[r.ID].Messages[name]
			if !slices.Equal(locale.Placeholders(et.Other+et.One), locale.Placeholders(t.Other+t.One)) {
				errs = append(errs, fmt.Errorf("a11y: rule %s: message %s: %s placeholders %v differ from en %v",
					r.ID, m, lang, locale.Placeholders(t.Other+t.One), locale.Placeholders(et.Other+et.One)))
			}
		}
	}
	return errs
}
