package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/delaktig/delaktig/checker/report"
	"github.com/delaktig/delaktig/internal/jsonschema"
	"github.com/delaktig/delaktig/internal/testenv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sarifSchema compiles the official SARIF 2.1.0 schema kept in ../shared.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	dir := testenv.Shared(t, "schemas")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var file string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "sarif") && strings.HasSuffix(e.Name(), ".json") {
			file = filepath.Join(dir, e.Name())
		}
	}
	require.NotEmpty(t, file, "no sarif schema in %s", dir)
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	sc, err := jsonschema.Compile(data)
	require.NoError(t, err)
	return sc
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	sc := sarifSchema(t)
	r := flowSample(t)
	for name, out := range map[string]string{
		"default": render(t, func(b *bytes.Buffer) error { return report.WriteSARIFWith(b, r, report.Options{}, flowExtras(t, r)) }),
		"all": render(t, func(b *bytes.Buffer) error {
			return report.WriteSARIF(b, r, report.Options{Outcomes: report.AllOutcomes()})
		}),
		"hostile": render(t, func(b *bytes.Buffer) error {
			return report.WriteSARIF(b, sample(t), report.Options{Outcomes: report.AllOutcomes()})
		}),
		"crafted": render(t, func(b *bytes.Buffer) error {
			return report.WriteSARIF(b, hostileReport(t), report.Options{Outcomes: report.AllOutcomes()})
		}),
		"empty": render(t, func(b *bytes.Buffer) error { return report.WriteSARIF(b, report.Build(), report.Options{}) }),
	} {
		assert.NoError(t, sc.ValidateJSON([]byte(out)), name)
	}
}

type sarifDoc struct {
	Runs []struct {
		Language string `json:"language"`
		Tool     struct {
			Driver struct {
				Rules []struct {
					ID               string                 `json:"id"`
					ShortDescription struct{ Text string }  `json:"shortDescription"`
					HelpURI          string                 `json:"helpUri"`
					Default          struct{ Level string } `json:"defaultConfiguration"`
					Properties       map[string]any         `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
		} `json:"invocations"`
		Results []struct {
			RuleID    string                `json:"ruleId"`
			RuleIndex int                   `json:"ruleIndex"`
			Kind      string                `json:"kind"`
			Level     string                `json:"level"`
			Message   struct{ Text string } `json:"message"`
			Locations []struct {
				Physical *struct {
					Artifact struct{ URI string } `json:"artifactLocation"`
				} `json:"physicalLocation"`
				Logical []struct {
					Name string `json:"name"`
					FQN  string `json:"fullyQualifiedName"`
					Kind string `json:"kind"`
				} `json:"logicalLocations"`
			} `json:"locations"`
			Fingerprints  map[string]string                              `json:"partialFingerprints"`
			Suppressions  []struct{ Kind, Status, Justification string } `json:"suppressions"`
			BaselineState string                                         `json:"baselineState"`
			Properties    map[string]any                                 `json:"properties"`
		} `json:"results"`
	} `json:"runs"`
}

func TestSARIFMapping(t *testing.T) {
	r := flowSample(t)
	x := flowExtras(t, r)
	var doc sarifDoc
	require.NoError(t, json.Unmarshal([]byte(render(t, func(b *bytes.Buffer) error { return report.WriteSARIFWith(b, r, report.Options{}, x) })), &doc))
	require.Len(t, doc.Runs, 1)
	run := doc.Runs[0]
	assert.Equal(t, "en", run.Language)
	assert.True(t, run.Invocations[0].ExecutionSuccessful)
	rules := run.Tool.Driver.Rules
	byKind := map[string][]string{}
	var absent []string
	for _, res := range run.Results {
		require.Less(t, res.RuleIndex, len(rules))
		assert.Equal(t, res.RuleID, rules[res.RuleIndex].ID, "ruleIndex points at the rule")
		assert.Len(t, res.Fingerprints[report.FingerprintVersion], 32)
		if res.BaselineState == "absent" {
			absent = append(absent, res.RuleID)
			assert.Equal(t, "none", res.Level, "a fixed finding is no alert")
			assert.Equal(t, "http://127.0.0.1:8080/", res.Locations[0].Physical.Artifact.URI, "the fixed finding's page")
			assert.Equal(t, "#pnr", res.Locations[0].Logical[0].FQN)
			continue
		}
		byKind[res.Kind+"/"+res.Level] = append(byKind[res.Kind+"/"+res.Level], res.RuleID)
		if len(res.Suppressions) == 0 {
			assert.Contains(t, []string{"new", "unchanged"}, res.BaselineState, "baseline state of %s", res.RuleID)
		}
	}
	assert.Equal(t, []string{"demo-gone"}, absent, "the baseline's finding that is gone is absent")
	assert.Equal(t, []string{"demo-img", "demo-img"}, byKind["fail/error"][:2], "critical → error")
	assert.Contains(t, byKind["fail/error"], "demo-contrast", "serious → error")
	assert.Contains(t, byKind["fail/warning"], "demo-flow-help", "moderate → warning")
	assert.ElementsMatch(t, []string{"demo-label", "demo-reflow"}, byKind["review/none"], "cantTell → review/none")
	assert.Empty(t, byKind["pass/none"], "passed only with every outcome")

	first := run.Results[0]
	assert.Equal(t, "http://127.0.0.1:8080/", first.Locations[0].Physical.Artifact.URI)
	assert.Equal(t, "element", first.Locations[0].Logical[0].Kind)
	assert.Equal(t, "#logo", first.Locations[0].Logical[0].FQN)
	assert.Equal(t, "/html[1]/body[1]/header[1]/img[1]", first.Locations[0].Logical[0].Name)

	waived := run.Results[1]
	require.Len(t, waived.Suppressions, 1, "waived findings are listed with their reason, not dropped")
	assert.Equal(t, "inSource", waived.Suppressions[0].Kind, "waived in the page")
	assert.Contains(t, waived.Suppressions[0].Justification, "Decorative border")

	for _, rule := range rules {
		switch rule.ID {
		case "demo-img":
			assert.Equal(t, "https://www.w3.org/WAI/standards-guidelines/act/rules/23a2a8/", rule.HelpURI)
			assert.Equal(t, "error", rule.Default.Level)
			assert.Equal(t, []any{"https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html"}, rule.Properties["wcagUnderstanding"])
		case "demo-contrast":
			assert.Empty(t, rule.HelpURI, "no ACT rule, no helpUri")
		}
	}

	// Every outcome: passed is kind pass.
	doc = sarifDoc{}
	require.NoError(t, json.Unmarshal([]byte(render(t, func(b *bytes.Buffer) error {
		return report.WriteSARIF(b, r, report.Options{Outcomes: report.AllOutcomes()})
	})), &doc))
	kinds := map[string]string{}
	for _, res := range doc.Runs[0].Results {
		kinds[res.Kind] = res.Level
	}
	assert.Equal(t, "none", kinds["pass"])
}

func TestSARIFTitlesInLocale(t *testing.T) {
	r := sample(t)
	out := render(t, func(b *bytes.Buffer) error { return report.WriteSARIF(b, r, report.Options{Lang: "sv"}) })
	assert.Contains(t, out, `"language": "sv"`)
	assert.Contains(t, out, "Kontroller som verktyget inte kunde slutföra", "engine rule title in Swedish")
	assert.Contains(t, out, `"executionSuccessful": false`, "a target that could not be loaded")
}
