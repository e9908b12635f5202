package rules

import "github.com/delaktig/delaktig/a11y"

// ariaRules lists this family's rules in registry order.
var ariaRules = []*a11y.Rule{}
