package rules

import "github.com/delaktig/delaktig/a11y"

// structureRules lists this family's rules in registry order.
var structureRules = []*a11y.Rule{}
