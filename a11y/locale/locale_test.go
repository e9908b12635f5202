package locale_test

import (
	"testing"

	"github.com/delaktig/delaktig/a11y/locale"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCatalogsLoad(t *testing.T) {
	require.NoError(t, locale.Err())
	for _, l := range locale.Langs() {
		require.NotNil(t, locale.Get(l), l)
	}
}

// Every text in one catalog exists in every other, with the same placeholders:
// no silent gaps in Swedish or Norwegian.
func TestCatalogsComplete(t *testing.T) {
	en := locale.Get("en")
	for _, lang := range locale.Langs() {
		c := locale.Get(lang)
		for _, pair := range [][2]*locale.Catalog{{en, c}, {c, en}} {
			a, b := pair[0], pair[1]
			for id, rt := range a.Rules {
				bt, ok := b.Rules[id]
				if !assert.True(t, ok, "rule %s in %s but not in %s", id, a.Lang, b.Lang) {
					continue
				}
				assert.NotEmpty(t, bt.Title, "%s title of %s", b.Lang, id)
				assert.NotEmpty(t, bt.Help, "%s help of %s", b.Lang, id)
				for m, txt := range rt.Messages {
					bm, ok := bt.Messages[m]
					if !assert.True(t, ok, "message %s.%s in %s but not in %s", id, m, a.Lang, b.Lang) {
						continue
					}
					assert.Equal(t, locale.Placeholders(txt.One+txt.Other), locale.Placeholders(bm.One+bm.Other),
						"placeholders of %s.%s in %s and %s", id, m, a.Lang, b.Lang)
				}
			}
			for k, v := range a.UI {
				bv, ok := b.UI[k]
				if assert.True(t, ok, "ui %s in %s but not in %s", k, a.Lang, b.Lang) {
					assert.Equal(t, locale.Placeholders(v), locale.Placeholders(bv), "ui %s", k)
				}
			}
			for k := range a.Questions {
				_, ok := b.Questions[k]
				assert.True(t, ok, "question %s in %s but not in %s", k, a.Lang, b.Lang)
			}
			for k := range a.Outcomes {
				_, ok := b.Outcomes[k]
				assert.True(t, ok, "outcome %s in %s but not in %s", k, a.Lang, b.Lang)
			}
		}
	}
}

func TestMatch(t *testing.T) {
	for in, want := range map[string]string{
		"sv": "sv", "sv-SE": "sv", "nb": "nb", "nn": "nb", "no": "nb", "da": "nb",
		"en-GB": "en", "fr": "en", "": "en", "sv-FI,en;q=0.5": "sv", "x-bogus-!!": "en",
	} {
		assert.Equal(t, want, locale.Match(in), in)
	}
}

func TestMessageRendering(t *testing.T) {
	sv := locale.For("sv-SE")
	assert.Equal(t, "sv", sv.Lang)
	msg := sv.Message("engine.rule-error", map[string]any{"error": "x"})
	assert.Contains(t, msg, "x")
	assert.NotContains(t, msg, "{error}")
	assert.Equal(t, "no-such.key", sv.Message("no-such.key", nil), "a gap shows as the key")
	assert.Equal(t, "Underkänd", sv.Outcome("failed"))
	assert.Equal(t, "2 of {y}", locale.Fill("{x} of {y}", map[string]any{"x": 2}))
	assert.Equal(t, []string{"a", "b"}, locale.Placeholders("{b} {a} {b}"))
}
