package rules

import "github.com/delaktig/delaktig/a11y"

// formRules lists this family's rules in registry order.
var formRules = []*a11y.Rule{}
