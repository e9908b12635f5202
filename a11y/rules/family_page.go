package rules

import "github.com/delaktig/delaktig/a11y"

// pageRules lists this family's rules in registry order.
var pageRules = []*a11y.Rule{}
