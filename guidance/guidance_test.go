package guidance_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/a11ytest"
	"github.com/delaktig/delaktig/a11y/locale"
	"github.com/delaktig/delaktig/guidance"
)

func TestValidate(t *testing.T) {
	require.NoError(t, a11y.Validate(guidance.Rules()))
	require.NoError(t, a11y.Validate(guidance.RulesWithOptions(guidance.Options{MaxLIX: 30})))
}

func TestFixtures(t *testing.T) {
	a11ytest.Run(t, a11ytest.TestData(), guidance.Rules()...)
}

// TestRuleShape checks the conventions of the family: id prefixes, tags
// for rules without a success criterion, and scopes.
func TestRuleShape(t *testing.T) {
	for _, r := range guidance.Rules() {
		switch {
		case len(r.ID) > len("plain-language-") && r.ID[:len("plain-language-")] == "plain-language-":
			assert.Contains(t, r.Tags, "plain-language", r.ID)
			assert.Equal(t, a11y.ScopeText, r.Scope, r.ID)
		case len(r.ID) > len("inclusion-") && r.ID[:len("inclusion-")] == "inclusion-":
			assert.Contains(t, r.Tags, "inclusion", r.ID)
			assert.Equal(t, a11y.ScopePage, r.Scope, r.ID)
		default:
			t.Errorf("rule %s has no family prefix", r.ID)
		}
		assert.Equal(t, a11y.NeedsDOM, r.Needs, r.ID)
	}
}

// TestReasonTexts checks that every complexity reason has a text in every
// catalog, with the same placeholders as English.
func TestReasonTexts(t *testing.T) {
	en := locale.Get("en")
	require.NotNil(t, en)
	for _, lang := range locale.Langs() {
		cat := locale.Get(lang)
		require.NotNil(t, cat, lang)
		for _, key := range guidance.ReasonKeys() {
			require.True(t, cat.Has(key), "%s: %s missing", lang, key)
			got, _ := cat.Lookup(key)
			want, _ := en.Lookup(key)
			assert.Equal(t, locale.Placeholders(want.One+want.Other), locale.Placeholders(got.One+got.Other), "%s %s", lang, key)
		}
	}
}
