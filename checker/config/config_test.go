package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker/config"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadExample(t *testing.T) {
	c, err := config.Load(filepath.Join("testdata", "delaktig.yaml"))
	require.NoError(t, err)
	assert.Equal(t, config.Rules{"all", "-meta-viewport"}, c.Rules)
	assert.Equal(t, "all,-meta-viewport", c.Rules.Spec())
	assert.Equal(t, "serious", c.FailOn)
	assert.Equal(t, "sv", c.Locale)
	assert.Equal(t, "Sundsvalls kommun", c.Organisation.Name)
	assert.Equal(t, "tillganglighet@example.se", c.Organisation.ContactEmail)
	assert.Equal(t, "https://www.digg.se/tdosanmalan", c.Organisation.EnforcementURL)
	assert.Equal(t, ".delaktig/baseline.json", c.Baseline)
	assert.Equal(t, []string{"html", "sarif", "junit", "md", "json"}, c.Output.Formats)
	assert.Equal(t, filepath.Join("testdata", "delaktig.yaml")+":3", c.Where("fail_on"))
	assert.Equal(t, filepath.Join("testdata", "delaktig.yaml")+":19", c.Where("output.formats[1]"))
	assert.Equal(t, filepath.Join("testdata", "delaktig.yaml")+":9", c.Where("organisation.contact_email"))
	assert.NoError(t, c.Validate())
	assert.Equal(t, config.FailPolicy{Min: a11y.Serious}, c.Policy())
}

func TestRulesAsList(t *testing.T) {
	c, err := config.Parse([]byte("rules:\n  - all\n  - -color-contrast\n  - wcag:1.4.*\n  - tag:forms\n"), "d.yaml")
	require.NoError(t, err)
	assert.Equal(t, "all,-color-contrast,wcag:1.4.*,tag:forms", c.Rules.Spec())
	require.NoError(t, c.Validate())
	_, err = config.Parse([]byte("rules: {a: 1}\n"), "d.yaml")
	assert.Error(t, err)
}

func TestParseErrorsGiveLines(t *testing.T) {
	for src, want := range map[string]string{
		"locale: sv\nbogus: 1\n":                "d.yaml: yaml: unmarshal errors:\n  line 2: field bogus not found",
		"output:\n  dir: x\n  format: [html]\n": "line 3: field format not found",
		"organisation:\n  name: [a]\n":          "line 2",
		"fail_on: [\n":                          "d.yaml",
	} {
		_, err := config.Parse([]byte(src), "d.yaml")
		if assert.Error(t, err, src) {
			assert.Contains(t, err.Error(), want, src)
		}
	}
	c, err := config.Parse(nil, "empty.yaml")
	require.NoError(t, err)
	assert.NoError(t, c.Validate())
	_, err = config.Load(filepath.Join(t.TempDir(), "missing.yaml"))
	assert.Error(t, err)
}

func TestValidateNamesLines(t *testing.T) {
	src := strings.Join([]string{
		"rules: [all, 'Bad Rule!']",           // 1
		"fail_on: high",                       // 2
		"locale: fr",                          // 3
		"organisation:",                       // 4
		"  contact_email: not-an-email",       // 5
		"  feedback_url: javascript:alert(1)", // 6
		"  contact_phone: call us",            // 7
		"output:",                             // 8
		"  formats: [json, pdf, json]",        // 9
	}, "\n") + "\n"
	c, err := config.Parse([]byte(src), "delaktig.yaml")
	require.NoError(t, err)
	err = c.Validate()
	require.Error(t, err)
	assert.True(t, errors.Is(err, config.ErrInvalid))
	lines := strings.Split(err.Error(), "\n")
	want := []string{
		`config: delaktig.yaml:1: rules[1]: "Bad Rule!" is not a rule selection`,
		`config: delaktig.yaml:2: fail_on: "high" is not one of new, none, minor, moderate, serious, critical`,
		`config: delaktig.yaml:3: locale: "fr" is not a language reports are written in`,
		`config: delaktig.yaml:5: organisation.contact_email: "not-an-email" is not an e-mail address`,
		`config: delaktig.yaml:6: organisation.feedback_url: "javascript:alert(1)" is not a web address`,
		`config: delaktig.yaml:7: organisation.contact_phone: "call us" holds no digits`,
		`config: delaktig.yaml:9: output.formats[1]: unknown format "pdf"`,
		`config: delaktig.yaml:9: output.formats[2]: format "json" listed twice`,
	}
	require.Len(t, lines, len(want), err.Error())
	for i, w := range want {
		assert.True(t, strings.HasPrefix(lines[i], w), "line %d: got %q, want prefix %q", i, lines[i], w)
	}
}

func TestFailOnNewNeedsBaseline(t *testing.T) {
	c, err := config.Parse([]byte("fail_on: new\n"), "d.yaml")
	require.NoError(t, err)
	err = c.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "d.yaml:1: fail_on: \"new\" needs a baseline")
	c.Baseline = "base.json"
	assert.NoError(t, c.Validate())
}

func TestValidateRules(t *testing.T) {
	all := []*a11y.Rule{{ID: "image-alt", WCAG: []string{"1.1.1"}}, {ID: "label", WCAG: []string{"3.3.2"}, Tags: []string{"forms"}}}
	c, err := config.Parse([]byte("rules:\n  - all\n  - -image-alt\n  - -imgae-alt\n"), "d.yaml")
	require.NoError(t, err)
	err = c.ValidateRules(all)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "d.yaml:4: rules[2]:")
	assert.NotContains(t, err.Error(), "rules[1]")
}

func TestMerge(t *testing.T) {
	file, err := config.Load(filepath.Join("testdata", "delaktig.yaml"))
	require.NoError(t, err)
	flags := config.Config{FailOn: "new", Output: config.Output{Formats: []string{"sarif"}}, Organisation: report.Organisation{ContactPhone: "010-1"}}
	m := config.Default().Merge(*file).Merge(flags)
	assert.Equal(t, "new", m.FailOn)
	assert.Equal(t, []string{"sarif"}, m.Output.Formats)
	assert.Equal(t, "delaktig-report", m.Output.Dir)
	assert.Equal(t, "sv", m.Locale, "from the file")
	assert.Equal(t, "Sundsvalls kommun", m.Organisation.Name, "organisation merged field by field")
	assert.Equal(t, "010-1", m.Organisation.ContactPhone)
	assert.Equal(t, config.Rules{"all", "-meta-viewport"}, m.Rules)
	assert.Empty(t, m.Where("fail_on"), "the flag's value has no line")
	assert.Equal(t, filepath.Join("testdata", "delaktig.yaml")+":2", m.Where("rules"))
	assert.Empty(t, m.Where("output.formats[1]"), "the file's list was replaced")
	assert.NoError(t, m.Validate())

	d := config.Default().Merge(config.Config{})
	assert.Equal(t, config.Default().Hash(), d.Hash(), "merging nothing changes nothing")
}

func TestDefaultIsValid(t *testing.T) {
	d := config.Default()
	assert.NoError(t, d.Validate())
	assert.Equal(t, "all", d.Rules.Spec())
}

func TestHash(t *testing.T) {
	a, err := config.Parse([]byte("locale: sv\n# comment\nfail_on: serious\n"), "a.yaml")
	require.NoError(t, err)
	b, err := config.Parse([]byte("fail_on: serious\nlocale:   sv\n"), "b.yaml")
	require.NoError(t, err)
	assert.Equal(t, a.Hash(), b.Hash(), "comments, order and file name do not matter")
	assert.Len(t, a.Hash(), 64)
	b.Locale = "nb"
	assert.NotEqual(t, a.Hash(), b.Hash())
}

func TestPolicy(t *testing.T) {
	r := report.Build(report.Page{URL: "u", Findings: []a11y.Finding{
		{Rule: "a", Outcome: a11y.Failed, Impact: a11y.Moderate, XPath: "/html[1]/body[1]/p[1]"},
	}})
	for failOn, want := range map[string]bool{"": true, "minor": true, "moderate": true, "serious": false, "critical": false, "none": false} {
		assert.Equal(t, want, config.Config{FailOn: failOn}.Policy().Fails(r, nil), failOn)
	}
	same := report.Diff(r, r)
	assert.False(t, config.Config{FailOn: "new"}.Policy().Fails(r, &same), "nothing new")
	fresh := report.Diff(report.Build(), r)
	assert.True(t, config.Config{FailOn: "new"}.Policy().Fails(r, &fresh))
	assert.True(t, config.Config{FailOn: "new"}.Policy().Fails(r, nil), "no baseline: every failure counts")
}

func TestExampleFileIsUsable(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "delaktig.yaml"))
	require.NoError(t, err)
	assert.Contains(t, string(data), "enforcement_url")
}
