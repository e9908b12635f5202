package rules_test

import (
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/a11ytest"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/stretchr/testify/require"
)

func TestValidate(t *testing.T) {
	require.NoError(t, a11y.Validate(append(rules.All(), rules.Experimental()...)))
}

func TestFixtures(t *testing.T) {
	a11ytest.Run(t, a11ytest.TestData(), append(rules.All(), rules.Experimental()...)...)
}
