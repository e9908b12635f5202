package rules

import "github.com/delaktig/delaktig/a11y"

// experimentalRules lists this family's rules in registry order.
var experimentalRules = []*a11y.Rule{
	ColorContrastEnhanced,
}
