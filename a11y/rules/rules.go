// Package rules is Delaktig's accessibility rule set. Each rule is a package
// variable declared in its own file, with annotated fixtures in
// testdata/<rule-id>/. All lists the default rules in a stable order;
// Experimental lists rules that are off by default.
package rules

import "github.com/delaktig/delaktig/a11y"

// All returns every default rule, in a stable order.
func All() []*a11y.Rule {
	var out []*a11y.Rule
	for _, fam := range [][]*a11y.Rule{pageRules, nameRules, ariaRules, formRules, structureRules, renderedRules, interactionRules} {
		out = append(out, fam...)
	}
	return out
}

// Experimental returns rules that are off by default: they are still being
// tuned or need a person to confirm most of their outcomes.
func Experimental() []*a11y.Rule {
	return append([]*a11y.Rule(nil), experimentalRules...)
}

// ByID returns the rule with the given id among All and Experimental, or nil.
func ByID(id string) *a11y.Rule {
	for _, r := range append(All(), Experimental()...) {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// ByACT returns the rules (default and experimental) implementing an ACT rule id.
func ByACT(act string) []*a11y.Rule {
	var out []*a11y.Rule
	for _, r := range append(All(), Experimental()...) {
		for _, a := range r.ACT {
			if a == act {
				out = append(out, r)
			}
		}
	}
	return out
}
