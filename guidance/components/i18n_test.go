package components

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rawCatalog reads a shipped catalog file without the package's loader, so
// that the completeness test does not trust the code it tests.
func rawCatalog(t *testing.T, tag string) map[string]any {
	t.Helper()
	b, err := fs.ReadFile(localeFS, "locales/"+tag+".json")
	require.NoError(t, err)
	var f struct {
		Texts map[string]any `json:"texts"`
	}
	require.NoError(t, json.Unmarshal(b, &f))
	return f.Texts
}

// rawForms returns every form of a raw text: one for a string, one per
// plural category for an object.
func rawForms(v any) map[string]string {
	switch x := v.(type) {
	case string:
		return map[string]string{"other": x}
	case map[string]any:
		out := map[string]string{}
		for k, s := range x {
			str, _ := s.(string)
			out[k] = str
		}
		return out
	}
	return nil
}

var rawPlaceholder = regexp.MustCompile(`\{[a-z_]+\}`)

// rawPlaceholders returns the sorted placeholders of all forms together.
func rawPlaceholders(forms map[string]string) []string {
	var out []string
	for _, s := range forms {
		for _, p := range rawPlaceholder.FindAllString(s, -1) {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	sort.Strings(out)
	return out
}

// TestCompleteness enforces the catalogs' contract: a language is complete
// when every key of English is present, non-empty in every form, with the
// same placeholders as English; at least eight languages are complete,
// among them the Nordic ones. It also prints the completeness table.
func TestCompleteness(t *testing.T) {
	en := rawCatalog(t, Base)
	var complete []string
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-4s %-14s %-4s %-9s %5s  %s", "lang", "name", "dir", "fallback", "texts", "missing")
	for _, l := range Languages() {
		raw := rawCatalog(t, l.Tag)
		var missing []string
		for key, want := range en {
			got, ok := raw[key]
			forms := rawForms(got)
			switch {
			case !ok || forms == nil:
				missing = append(missing, key)
				continue
			}
			empty := false
			for _, s := range forms {
				if strings.TrimSpace(s) == "" {
					empty = true
				}
			}
			if empty || !slices.Equal(rawPlaceholders(forms), rawPlaceholders(rawForms(want))) {
				missing = append(missing, key)
			}
		}
		sort.Strings(missing)
		// The loader must agree with this independent reading.
		assert.Equal(t, missing, nilIfEmpty(Missing(l.Tag)), "Missing(%s)", l.Tag)
		if len(missing) == 0 {
			complete = append(complete, l.Tag)
		}
		fb := l.Fallback
		if fb == "" {
			fb = "–"
		}
		fmt.Fprintf(&table, "\n%-4s %-14s %-4s %-9s %2d/%2d  %d", l.Tag, l.Name, l.Dir, fb, len(en)-len(missing), len(en), len(missing))
	}
	t.Logf("catalog completeness:%s", table.String())
	assert.Equal(t, complete, Complete())
	assert.GreaterOrEqual(t, len(complete), 8, "at least eight complete languages")
	for _, must := range []string{"sv", "nb", "nn", "en"} {
		assert.Contains(t, complete, must)
	}
	assert.Empty(t, Problems(), "texts present but unusable")
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func TestLanguages(t *testing.T) {
	var tags []string
	for _, l := range Languages() {
		tags = append(tags, l.Tag)
		assert.NotEmpty(t, l.Name)
		assert.Contains(t, []string{"dmy", "ymd"}, l.DateOrder)
	}
	assert.Equal(t, []string{"sv", "nb", "nn", "en", "ar", "so", "ti", "pl", "ur", "fa"}, tags)
	for _, tag := range []string{"ar", "ur", "fa"} {
		l, ok := LanguageOf(tag)
		require.True(t, ok)
		assert.Equal(t, "rtl", l.Dir, tag)
	}
	nn, _ := LanguageOf("nn")
	assert.Equal(t, "nb", nn.Fallback, "nynorsk falls back to bokmål")
	so, _ := LanguageOf("so")
	assert.Equal(t, "en", so.Fallback)
	_, ok := LanguageOf("de")
	assert.False(t, ok)
}

func TestFallbacksShipped(t *testing.T) {
	for _, l := range Languages() {
		fb := Fallbacks(l.Tag)
		assert.Len(t, fb, len(Missing(l.Tag)), l.Tag)
		for _, key := range Missing(l.Tag) {
			assert.NotEmpty(t, fb[key], "%s %s", l.Tag, key)
			assert.NotEqual(t, l.Tag, fb[key])
		}
	}
	// Somali has the words for day, month and year but not the skip link.
	so := Fallbacks("so")
	assert.Equal(t, "en", so["page.skip"])
	assert.NotContains(t, so, "date.day")
	txt, err := Localize("so", "page.skip", nil)
	require.NoError(t, err)
	assert.Equal(t, Text{Value: "Skip to main content", Lang: "en"}, txt)
	txt, err = Localize("so", "date.day", nil)
	require.NoError(t, err)
	assert.Equal(t, Text{Value: "Maalin", Lang: "so"}, txt)
}

// testCatalogs builds a catalog set from JSON texts per language.
func testCatalogs(t *testing.T, files map[string]string) (*catalogs, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys["locales/"+name+".json"] = &fstest.MapFile{Data: []byte(body)}
	}
	return loadCatalogs(fsys)
}

func catalogJSON(lang, dir, fallback, texts string) string {
	return fmt.Sprintf(`{"lang": %q, "name": "N-%s", "dir": %q, "fallback": %q, "dateOrder": "dmy", "texts": {%s}}`, lang, lang, dir, fallback, texts)
}

func TestFallbackChain(t *testing.T) {
	set, err := testCatalogs(t, map[string]string{
		"en": catalogJSON("en", "ltr", "", `"a": "A en", "b": "B en", "c": "C {n} en"`),
		"nb": catalogJSON("nb", "ltr", "en", `"a": "A nb"`),
		"nn": catalogJSON("nn", "ltr", "nb", `"c": "C {n} nn"`),
		"ar": catalogJSON("ar", "rtl", "en", `"c": "C {x} ar"`),
	})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"a": "nb", "b": "en"}, set.fallbacks("nn"), "nn → nb → en, key by key")
	assert.Equal(t, []string{"a", "b"}, set.missing("nn"))
	assert.Equal(t, []string{"en"}, set.complete())
	m, from := set.lookup(set.byTag["nn"], "a")
	assert.Equal(t, "nb", from.Tag)
	assert.Equal(t, "A nb", m.forms[0])
	// A text whose placeholders differ from English is unusable: it falls
	// back and is reported.
	assert.Equal(t, "en", set.fallbacks("ar")["c"])
	require.Len(t, set.byTag["ar"].problems, 1)
	assert.Contains(t, set.byTag["ar"].problems[0], "placeholders")
	txt, err := set.localize(set.byTag["ar"], "c", Data{"n": 3})
	require.NoError(t, err)
	assert.Equal(t, Text{Value: "C 3 en", Lang: "en"}, txt)
}

func TestLoadErrors(t *testing.T) {
	en := catalogJSON("en", "ltr", "", `"a": "A", "p": {"one": "{count} thing", "other": "{count} things"}`)
	for name, files := range map[string]map[string]string{
		"no base":           {"sv": catalogJSON("sv", "ltr", "en", `"a": "A"`)},
		"unknown key":       {"en": en, "sv": catalogJSON("sv", "ltr", "en", `"zzz": "?"`)},
		"bad dir":           {"en": en, "sv": catalogJSON("sv", "up", "en", ``)},
		"no fallback":       {"en": en, "sv": catalogJSON("sv", "ltr", "", ``)},
		"fallback missing":  {"en": en, "sv": catalogJSON("sv", "ltr", "xx", ``)},
		"fallback loop":     {"en": en, "nb": catalogJSON("nb", "ltr", "nn", ``), "nn": catalogJSON("nn", "ltr", "nb", ``)},
		"base has fallback": {"en": catalogJSON("en", "ltr", "sv", `"a": "A"`), "sv": catalogJSON("sv", "ltr", "en", ``)},
		"wrong file name":   {"en": en, "sv": catalogJSON("nb", "ltr", "en", ``)},
		"not json":          {"en": en, "sv": `{"lang": "sv",`},
		"unknown field":     {"en": en, "sv": `{"lang": "sv", "name": "S", "dir": "ltr", "fallback": "en", "dateOrder": "dmy", "texts": {}, "extra": 1}`},
		"bad plural form":   {"en": en, "sv": catalogJSON("sv", "ltr", "en", `"p": {"several": "x {count}"}`)},
		"empty base text":   {"en": catalogJSON("en", "ltr", "", `"a": " "`)},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := testCatalogs(t, files)
			assert.Error(t, err)
		})
	}
	// Unusable texts are not load errors: they fall back and are listed.
	set, err := testCatalogs(t, map[string]string{
		"en": en,
		"pl": catalogJSON("pl", "ltr", "en", `"a": "", "p": {"one": "{count} rzecz", "other": "{count} rzeczy"}`),
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "p"}, set.missing("pl"))
	assert.Len(t, set.byTag["pl"].problems, 2)
	assert.Contains(t, strings.Join(set.byTag["pl"].problems, "\n"), "no few form")
}

func TestPlurals(t *testing.T) {
	for _, c := range []struct {
		lang  string
		count int
		want  string
	}{
		{"en", 1, "You have 1 character left."},
		{"en", 5, "You have 5 characters left."},
		{"sv", 1, "Du har 1 tecken kvar."},
		{"pl", 1, "Został Ci 1 znak."},
		{"pl", 3, "Zostały Ci 3 znaki."},
		{"pl", 5, "Zostało Ci 5 znaków."},
		{"pl", 22, "Zostały Ci 22 znaki."},
		{"pl", 112, "Zostało Ci 112 znaków."},
		{"ar", 0, "لم يبقَ لك أي حرف."},
		{"ar", 1, "بقي لك حرف واحد."},
		{"ar", 2, "بقي لك حرفان."},
		{"ar", 7, "بقي لك 7 أحرف."},
		{"ar", 11, "بقي لك 11 حرفًا."},
		{"ar", 100, "بقي لك 100 حرف."},
		{"ur", 1, "آپ کے پاس 1 حرف باقی ہے۔"},
		{"ur", 4, "آپ کے پاس 4 حروف باقی ہیں۔"},
	} {
		txt, err := Localize(c.lang, "count.left", Data{"count": c.count})
		require.NoError(t, err)
		assert.Equal(t, c.want, txt.Value, "%s %d", c.lang, c.count)
		assert.Equal(t, c.lang, txt.Lang)
	}
	_, err := Localize("sv", "count.left", nil)
	assert.Error(t, err, "a plural text needs a count")
	_, err = Localize("sv", "confirmation.email", nil)
	assert.Error(t, err, "a placeholder needs a value")
	_, err = Localize("sv", "no.such.key", nil)
	assert.Error(t, err)
}

func TestMatch(t *testing.T) {
	for in, want := range map[string]string{
		"sv":               "sv",
		"sv-FI":            "sv",
		"nb-NO":            "nb",
		"no":               "nb",
		"da":               "nb",
		"nn":               "nn",
		"ar-SE":            "ar",
		"fa-IR":            "fa",
		"ur":               "ur",
		"ti-ER":            "ti",
		"so":               "so",
		"pl-PL":            "pl",
		"de":               "en",
		"":                 "en",
		"x-bogus-%%":       "en",
		"de, sv;q=0.8":     "sv",
		"fr;q=0.9, ar;q=1": "ar",
	} {
		assert.Equal(t, want, Match(in).Tag, "Match(%q)", in)
	}
	assert.Equal(t, "nb", Match("fr", "nb").Tag, "the first usable preference wins")
}

func TestTextHTML(t *testing.T) {
	assert.Equal(t, "a &lt;b&gt;", string(Text{Value: "a <b>", Lang: "sv"}.HTML("sv")))
	assert.Equal(t, `<span lang="en">Skip</span>`, string(Text{Value: "Skip", Lang: "en"}.HTML("so")))
	assert.Equal(t, `<span lang="en" dir="ltr">Skip</span>`, string(Text{Value: "Skip", Lang: "en"}.HTML("ar")))
	assert.Equal(t, `<span lang="ar" dir="rtl">مساعدة</span>`, string(Text{Value: "مساعدة", Lang: "ar"}.HTML("sv")))
}
