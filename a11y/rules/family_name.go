package rules

import "github.com/delaktig/delaktig/a11y"

// nameRules lists this family's rules in registry order.
var nameRules = []*a11y.Rule{}
