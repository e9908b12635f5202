package rules

import "github.com/delaktig/delaktig/a11y"

// renderedRules lists this family's rules in registry order.
var renderedRules = []*a11y.Rule{}
