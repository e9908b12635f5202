package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/delaktig/delaktig/checker/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// waiverFile waives the label question of step 2 until the end of 2999.
const waiverFile = `suppressions:
  - rule: demo-label
    step: Personuppgifter
    reason: "Label wording agreed with the service owner (#88)"
    expires: 2999-12-31
  - rule: demo-never
    reason: "Stale entry"
`

// comparedSample is flowSample with the label question waived by a
// suppressions file (the page itself waives one image), compared with a
// baseline that lacks the contrast failure and has a finding now gone.
func comparedSample(t testing.TB) (*report.Report, *report.Extras) {
	t.Helper()
	r := flowSample(t)
	s, err := report.ParseSuppressions([]byte(waiverFile), "delaktig-waivers.yaml")
	require.NoError(t, err)
	applied, err := s.Apply(r, time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	x := flowExtras(t, r)
	diff := report.Diff(baselineOf(t), r)
	diff.Source = "baseline.json"
	x.Diff = &diff
	x.Suppressions = applied
	return r, x
}

// baselineOf is the baseline of comparedSample: the contrast failure is
// not in it, and it has a question (demo-gone) that is gone.
func baselineOf(t testing.TB) *report.Report {
	old := flowSample(t)
	old.Pages[1].Findings = old.Pages[1].Findings[1:]
	gone := old.Pages[1].Findings[0]
	gone.Rule = "demo-gone"
	old.Pages[0].Findings = append(old.Pages[0].Findings, gone)
	old.Summarize()
	return old
}

func TestDiffWaivedIsNotFixed(t *testing.T) {
	r, x := comparedSample(t)
	d := x.Diff
	var news, fixed []string
	for _, e := range d.New {
		news = append(news, e.Finding.Rule)
	}
	for _, e := range d.Fixed {
		fixed = append(fixed, e.Finding.Rule)
	}
	assert.Equal(t, []string{"demo-contrast"}, news)
	assert.Equal(t, []string{"demo-gone"}, fixed, "the label question is waived now, not fixed")
	assert.Len(t, d.Unchanged, 3, "logo, reflow and the flow's help link")
	require.Len(t, r.Waivers, 1)
	w := r.Waivers[0]
	assert.Equal(t, "Personuppgifter", w.Page)
	assert.Equal(t, "demo-label", w.Rule)
	assert.Equal(t, "#pnr", w.Selector)
	assert.Equal(t, "2999-12-31", w.Expires)
	assert.Equal(t, "delaktig-waivers.yaml", w.File)
	assert.Equal(t, 2, w.Line)
	assert.Same(t, &r.Waivers[0], r.WaiverOf(1, &r.Pages[1].Findings[1]))
	assert.Nil(t, r.WaiverOf(0, &r.Pages[0].Findings[2]), "waived in the page")
	assert.Nil(t, r.WaiverOf(1, &r.Pages[1].Findings[0]), "not waived")
}

func TestBaselineJSON(t *testing.T) {
	r, x := comparedSample(t)
	out := render(t, func(b *bytes.Buffer) error { return report.WriteJSONWith(b, r, report.Options{}, x) })
	var doc struct {
		Baseline struct {
			Source             string         `json:"source"`
			FingerprintVersion string         `json:"fingerprintVersion"`
			Counts             map[string]int `json:"counts"`
			Findings           []struct {
				Status, Fingerprint, Page, Rule, Outcome, Selector, Message string
			} `json:"findings"`
		} `json:"baseline"`
		Waivers []report.Waiver `json:"waivers"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	b := doc.Baseline
	assert.Equal(t, "baseline.json", b.Source)
	assert.Equal(t, report.FingerprintVersion, b.FingerprintVersion)
	assert.Equal(t, map[string]int{"new": 1, "fixed": 1, "unchanged": 3}, b.Counts)
	require.Len(t, b.Findings, 5)
	assert.Equal(t, "new", b.Findings[0].Status)
	assert.Equal(t, "demo-contrast", b.Findings[0].Rule)
	assert.Equal(t, "Personuppgifter", b.Findings[0].Page)
	assert.Equal(t, "#namn-hjalp", b.Findings[0].Selector)
	assert.Equal(t, "fixed", b.Findings[1].Status)
	assert.Equal(t, "demo-gone", b.Findings[1].Rule)
	assert.Equal(t, "cantTell", b.Findings[1].Outcome)
	assert.NotEmpty(t, b.Findings[1].Message, "a fixed finding keeps its message: it is nowhere else")
	for _, f := range b.Findings[2:] {
		assert.Equal(t, "unchanged", f.Status)
		assert.Len(t, f.Fingerprint, 32)
	}
	require.Len(t, doc.Waivers, 1)
	assert.Equal(t, "Label wording agreed with the service owner (#88)", doc.Waivers[0].Reason)

	// The schema-1 fields are still there, and the report reads back.
	back, err := report.ReadJSON(strings.NewReader(out))
	require.NoError(t, err)
	assert.Equal(t, r.Summary.Failed, back.Summary.Failed)
	require.NotNil(t, back.Baseline)
	assert.Equal(t, 1, back.Baseline.Counts.New)

	// Without a baseline there is no such field.
	out = render(t, func(b *bytes.Buffer) error { return report.WriteJSON(b, flowSample(t), report.Options{}) })
	assert.NotContains(t, out, `"baseline"`)
	assert.NotContains(t, out, `"waivers"`)
}

func TestBaselineJUnit(t *testing.T) {
	r, x := comparedSample(t)
	out := render(t, func(b *bytes.Buffer) error { return report.WriteJUnitWith(b, r, report.Options{}, x) })
	var doc struct {
		Suites []struct {
			Name  string `xml:"name,attr"`
			Tests int    `xml:"tests,attr"`
			Props []struct {
				Name  string `xml:"name,attr"`
				Value string `xml:"value,attr"`
			} `xml:"properties>property"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Class   string `xml:"classname,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
					Body    string `xml:",chardata"`
				} `xml:"failure"`
				Skipped *struct {
					Message string `xml:"message,attr"`
				} `xml:"skipped"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	require.NoError(t, xml.Unmarshal([]byte(out), &doc))
	require.Len(t, doc.Suites, 4, "two steps, the flow and the fixed findings")
	props := func(i int) map[string]string {
		m := map[string]string{}
		for _, p := range doc.Suites[i].Props {
			m[p.Name] = p.Value
		}
		return m
	}
	assert.Equal(t, "0", props(0)["baseline.new"])
	assert.Equal(t, "1", props(0)["baseline.unchanged"], "the logo")
	assert.Equal(t, "1", props(0)["baseline.fixed"], "demo-gone was on the start page")
	assert.Equal(t, "1", props(1)["baseline.new"])
	assert.Equal(t, "1", props(1)["baseline.unchanged"], "the reflow question")

	cases := map[string]int{}
	for i, c := range doc.Suites[1].Cases {
		cases[strings.SplitN(c.Name, ":", 2)[0]] = i
	}
	contrast := doc.Suites[1].Cases[cases["demo-contrast"]]
	require.NotNil(t, contrast.Failure)
	assert.Equal(t, "New since the baseline: Text contrast is 2.9:1; at least 4.5:1 is needed", contrast.Failure.Message)
	assert.Contains(t, contrast.Failure.Body, "#namn-hjalp: Text contrast is 2.9:1; at least 4.5:1 is needed — New since the baseline")
	logo := doc.Suites[0].Cases[0]
	require.NotNil(t, logo.Failure)
	assert.True(t, strings.HasPrefix(logo.Failure.Message, "Also in the baseline: "), logo.Failure.Message)
	label := doc.Suites[1].Cases[cases["demo-label"]]
	require.NotNil(t, label.Skipped)
	assert.Equal(t, "Waived by the suppressions file delaktig-waivers.yaml (line 2) until 2999-12-31: Label wording agreed with the service owner (#88)", label.Skipped.Message)

	fixed := doc.Suites[3]
	assert.Equal(t, "Fixed since the baseline", fixed.Name)
	require.Len(t, fixed.Cases, 1)
	assert.Equal(t, "demo-gone: demo-gone — #pnr · Startsida", fixed.Cases[0].Name)
	assert.Nil(t, fixed.Cases[0].Failure, "a fixed finding passes")
	assert.Nil(t, fixed.Cases[0].Skipped)
}

func TestBaselineEARL(t *testing.T) {
	r, x := comparedSample(t)
	out := render(t, func(b *bytes.Buffer) error { return report.WriteEARLWith(b, r, report.Options{}, x) })
	var doc struct {
		Graph []map[string]any `json:"@graph"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	info := map[string]string{}
	var baseline map[string]any
	for _, n := range doc.Graph {
		if n["@id"] == "_:baseline" {
			baseline = n
			continue
		}
		res, ok := n["earl:result"].(map[string]any)
		if !ok {
			continue
		}
		ptr, _ := res["earl:pointer"].(map[string]any)
		sel, _ := ptr["ptr:expression"].(string)
		s, _ := res["earl:info"].(string)
		info[sel] = s
		if sel == "#pnr" {
			assert.Contains(t, res["dct:description"], "Waived by the suppressions file delaktig-waivers.yaml (line 2)")
		}
	}
	assert.Equal(t, "New since the baseline", info["#namn-hjalp"])
	assert.Equal(t, "Also in the baseline", info["#logo"])
	assert.Empty(t, info["#pnr"], "a waived finding took no part in the comparison")
	require.NotNil(t, baseline, "the comparison is a node of the graph")
	assert.Equal(t, "baseline.json", baseline["dct:source"])
	assert.Equal(t, "New: 1 · Fixed: 1 · Unchanged: 3", baseline["dct:description"])
	fixed := baseline["dct:relation"].([]any)
	require.Len(t, fixed, 1)
	assert.Contains(t, fixed[0].(map[string]any)["dct:description"], "#pnr · Startsida")
}

func TestBaselineMarkdown(t *testing.T) {
	r, x := comparedSample(t)
	out := render(t, func(b *bytes.Buffer) error { return report.WriteMarkdownWith(b, r, report.Options{}, x) })
	assert.Contains(t, out, "Since the baseline: **1** new · **1** fixed · 3 unchanged")
	assert.Contains(t, out, "### New findings\n\n1. **Serious** · demo\\-contrast — `#namn-hjalp`")
	assert.Contains(t, out, "### Fixed findings\n\n1. **Needs checking by a person** · demo\\-gone — `#pnr` · Startsida")
	assert.Contains(t, out, "Waived findings: 2\n\n- Findings waived by `delaktig-waivers.yaml`: 1")
}

func TestBaselineText(t *testing.T) {
	r, x := comparedSample(t)
	out := render(t, func(b *bytes.Buffer) error {
		return report.WriteTextWith(b, r, report.Options{Color: report.ColorNever}, x)
	})
	assert.Contains(t, out, "✗ Failed [Serious] (New since the baseline)  #namn-hjalp")
	assert.Contains(t, out, "✗ Failed [Critical] (Also in the baseline)  #logo")
	assert.Contains(t, out, "Compared with the baseline (baseline.json)\n  New: 1 · Fixed: 1 · Unchanged: 3\n")
	assert.Contains(t, out, "  New since the baseline:\n    ✗ demo-contrast — #namn-hjalp · Personuppgifter\n")
	assert.Contains(t, out, "  Fixed since the baseline:\n    ? demo-gone — #pnr · Startsida\n")
	assert.Contains(t, out, "Findings waived by delaktig-waivers.yaml: 1")
	assert.Contains(t, out, "delaktig-waivers.yaml:6: demo-never (Stale entry)", "the entry that waived nothing")

	// Without a baseline, no finding is marked.
	out = render(t, func(b *bytes.Buffer) error { return report.WriteText(b, r, report.Options{Color: report.ColorNever}) })
	assert.NotContains(t, out, "baseline")
}

// Findings waived by the suppressions file say so, with the entry's line,
// reason and end date; only those waived in the page name data-a11y-ignore.
func TestTextWaiverWording(t *testing.T) {
	r, x := comparedSample(t)
	for _, tc := range []struct {
		lang, file, page string
	}{
		{"en", "Waived by the suppressions file delaktig-waivers.yaml (line 2) until 2999-12-31: Label wording agreed with the service owner (#88)",
			"Hidden in the page with data-a11y-ignore: Decorative border, alt text follows in release 4"},
		{"sv", "Undantaget i undantagsfilen delaktig-waivers.yaml (rad 2) till och med 2999-12-31: Label wording agreed with the service owner (#88)",
			"Dold i sidan med data-a11y-ignore: Decorative border, alt text follows in release 4"},
		{"nb", "Unntatt i unntaksfilen delaktig-waivers.yaml (linje 2) til og med 2999-12-31: Label wording agreed with the service owner (#88)",
			"Skjult i siden med data-a11y-ignore: Decorative border, alt text follows in release 4"},
	} {
		out := render(t, func(b *bytes.Buffer) error {
			return report.WriteTextWith(b, r, report.Options{Lang: tc.lang, Outcomes: report.AllOutcomes(), Color: report.ColorNever}, x)
		})
		assert.Contains(t, out, tc.file, tc.lang)
		assert.Contains(t, out, tc.page, tc.lang)
		assert.Equal(t, 1, strings.Count(out, "data-a11y-ignore"), "%s: only the finding waived in the page names the attribute", tc.lang)
	}

	// An entry without an end date says so.
	r = flowSample(t)
	s, err := report.ParseSuppressions([]byte("- rule: demo-contrast\n  reason: Brand colour\n"), "w.yaml")
	require.NoError(t, err)
	_, err = s.Apply(r, time.Now())
	require.NoError(t, err)
	out := render(t, func(b *bytes.Buffer) error {
		return report.WriteText(b, r, report.Options{Outcomes: report.AllOutcomes(), Color: report.ColorNever})
	})
	assert.Contains(t, out, "Waived by the suppressions file w.yaml (line 1), with no end date: Brand colour")
}

func TestSARIFWaiverKinds(t *testing.T) {
	r, x := comparedSample(t)
	var doc struct {
		Runs []struct {
			Results []struct {
				RuleID       string `json:"ruleId"`
				Suppressions []struct {
					Kind          string         `json:"kind"`
					Justification string         `json:"justification"`
					Properties    map[string]any `json:"properties"`
				} `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal([]byte(render(t, func(b *bytes.Buffer) error { return report.WriteSARIFWith(b, r, report.Options{}, x) })), &doc))
	kinds := map[string]string{}
	for _, res := range doc.Runs[0].Results {
		for _, s := range res.Suppressions {
			kinds[res.RuleID] = s.Kind
			if s.Kind == "external" {
				assert.Equal(t, "delaktig-waivers.yaml", s.Properties["file"])
				assert.EqualValues(t, 2, s.Properties["line"])
				assert.Equal(t, "2999-12-31", s.Properties["expires"])
			}
		}
	}
	assert.Equal(t, map[string]string{"demo-img": "inSource", "demo-label": "external"}, kinds)
}

// Every format carries the comparison through Format.WriteWith.
func TestEveryFormatCarriesTheBaseline(t *testing.T) {
	r, x := comparedSample(t)
	want := map[string]string{
		"text":  "New since the baseline",
		"json":  `"status": "fixed"`,
		"sarif": `"baselineState": "absent"`,
		"junit": `name="baseline.fixed" value="1"`,
		"md":    "**1** new",
		"earl":  `"@id": "_:baseline"`,
	}
	for _, f := range report.Formats() {
		require.NotNil(t, f.WriteWith, f.Name)
		if f.Name == "html" {
			continue // the HTML writer has tests of its own
		}
		out := render(t, func(b *bytes.Buffer) error { return f.WriteWith(b, r, report.Options{Color: report.ColorNever}, x) })
		assert.Contains(t, out, want[f.Name], f.Name)
		none := render(t, func(b *bytes.Buffer) error { return f.WriteWith(b, r, report.Options{Color: report.ColorNever}, nil) })
		assert.Equal(t, render(t, func(b *bytes.Buffer) error { return f.Write(b, r, report.Options{Color: report.ColorNever}) }), none,
			"%s: Write is WriteWith without extras", f.Name)
	}
}

func TestBaselineGoldens(t *testing.T) {
	r, x := comparedSample(t)
	for _, tc := range []struct {
		file string
		name string
		opts report.Options
	}{
		{"golden.baseline.en.txt", "text", report.Options{Color: report.ColorNever, Outcomes: report.AllOutcomes()}},
		{"golden.baseline.sv.txt", "text", report.Options{Lang: "sv", Color: report.ColorNever}},
		{"golden.baseline.nb.txt", "text", report.Options{Lang: "nb", Color: report.ColorNever}},
		{"golden.baseline.json", "json", report.Options{}},
		{"golden.baseline.sarif", "sarif", report.Options{}},
		{"golden.baseline.junit.xml", "junit", report.Options{}},
		{"golden.baseline.earl.jsonld", "earl", report.Options{Lang: "sv"}},
		{"golden.baseline.md", "md", report.Options{Lang: "nb"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			f, ok := report.FormatByName(tc.name)
			require.True(t, ok)
			golden(t, tc.file, []byte(render(t, func(b *bytes.Buffer) error { return f.WriteWith(b, r, tc.opts, x) })))
		})
	}
}

// A bundle writes the formats asked for, report.json always, and carries
// the comparison and the waivers into its report.json.
func TestBundleFormats(t *testing.T) {
	r, x := comparedSample(t)
	dir := t.TempDir()
	_, err := report.WriteBundle(dir, r, report.BundleExtras{Extras: x, Formats: []string{"junit", "text"}})
	require.NoError(t, err)
	assert.Equal(t, []string{"meta.json", "report.json", "report.junit.xml", "report.txt",
		"screenshots/01-startsida.png", "screenshots/02-personuppgifter.png"}, bundleFiles(t, dir))
	txt := readText(t, dir, "report.txt")
	assert.Contains(t, txt, "Compared with the baseline (baseline.json)")
	assert.NotContains(t, txt, "\x1b[", "no colours in a file")
	js := readText(t, dir, "report.json")
	assert.Contains(t, js, `"status": "fixed"`)
	assert.Contains(t, js, `"file": "delaktig-waivers.yaml"`)

	// Without a list every format but text.
	dir = t.TempDir()
	_, err = report.WriteBundle(dir, r, report.BundleExtras{})
	require.NoError(t, err)
	assert.Equal(t, []string{"meta.json", "report.earl.jsonld", "report.html", "report.json", "report.junit.xml", "report.md", "report.sarif"},
		bundleFiles(t, dir))
}

func readText(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	require.NoError(t, err)
	return string(b)
}

// TestHTMLWaiverWording: the HTML report tells a finding waived by the
// suppressions file from one hidden in the page.
func TestHTMLWaiverWording(t *testing.T) {
	r, x := comparedSample(t)
	out := render(t, func(b *bytes.Buffer) error {
		return report.WriteHTMLWith(b, r, report.Options{Lang: "en"}, x)
	})
	assert.Contains(t, out, "Waived by the suppressions file delaktig-waivers.yaml (line 2) until 2999-12-31: Label wording agreed with the service owner (#88)")
	assert.Contains(t, out, "Hidden in the page with data-a11y-ignore: Decorative border, alt text follows in release 4")
	assert.Contains(t, out, "Hidden or waived: ")
}
