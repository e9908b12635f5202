package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/delaktig/delaktig/a11y"
)

// SARIFSchema is the address of the SARIF 2.1.0 schema, written as $schema.
const SARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		Language    string            `json:"language"`
		Results     []sarifResult     `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name    string      `json:"name"`
		Version string      `json:"version,omitempty"`
		Rules   []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string         `json:"id"`
		ShortDescription     sarifText      `json:"shortDescription"`
		Help                 *sarifText     `json:"help,omitempty"`
		HelpURI              string         `json:"helpUri,omitempty"`
		DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
		Properties           map[string]any `json:"properties"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool                `json:"executionSuccessful"`
		EndTimeUTC          string              `json:"endTimeUtc,omitempty"`
		Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level   string    `json:"level"`
		Message sarifText `json:"message"`
	}
	sarifResult struct {
		RuleID              string             `json:"ruleId"`
		RuleIndex           int                `json:"ruleIndex"`
		Kind                string             `json:"kind"`
		Level               string             `json:"level"`
		Message             sarifText          `json:"message"`
		Locations           []sarifLocation    `json:"locations"`
		PartialFingerprints map[string]string  `json:"partialFingerprints"`
		Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
		BaselineState       string             `json:"baselineState,omitempty"`
		Properties          map[string]any     `json:"properties"`
	}
	sarifLocation struct {
		PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
		LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
		Message          *sarifText     `json:"message,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifLogical struct {
		Name               string `json:"name,omitempty"`
		FullyQualifiedName string `json:"fullyQualifiedName,omitempty"`
		Kind               string `json:"kind"`
	}
	sarifSuppression struct {
		Kind          string         `json:"kind"`
		Status        string         `json:"status"`
		Justification string         `json:"justification"`
		Properties    map[string]any `json:"properties,omitempty"`
	}
)

// WriteSARIF writes r as a SARIF 2.1.0 log (see WriteSARIFWith).
func WriteSARIF(w io.Writer, r *Report, o Options) error { return WriteSARIFWith(w, r, o, nil) }

// WriteSARIFWith writes r as a SARIF 2.1.0 log with one run, for code
// scanning and CI dashboards (style.md §4):
//
//   - each rule that has a result is a reportingDescriptor: shortDescription
//     is its title in o's language, help its advice, helpUri the W3C ACT
//     rule page when the rule implements one; WCAG criteria, their W3C
//     Understanding pages, EN 301 549 clauses and ACT ids are in properties;
//   - failed is kind "fail" with level from the impact (critical and serious
//     error, moderate warning, minor note); cantTell is kind "review",
//     passed "pass" and inapplicable "notApplicable", all level "none";
//   - a result's artifactLocation is the page's URL, its logicalLocation the
//     element's XPath (name) and CSS selector (fullyQualifiedName), kind
//     "element"; partialFingerprints holds the baseline fingerprint under
//     FingerprintVersion, and baselineState "new" or "unchanged" when x has
//     a Diff; the baseline's findings that are gone are listed too, with
//     baselineState "absent", level "none" and the baseline's message and
//     element;
//   - waived findings are listed with a suppression giving the reason: kind
//     "inSource" when the page waived them (data-a11y-ignore), "external"
//     when a suppressions file did, with its file, line and end date in
//     the suppression's properties.
//
// Outcomes are those o lists (failed and cantTell by default).
func WriteSARIFWith(w io.Writer, r *Report, o Options, x *Extras) error {
	p := prepare(r, o, x)
	run := sarifRun{
		Tool:     sarifTool{Driver: sarifDriver{Name: safe(r.Tool.Name), Version: safe(r.Tool.Version), Rules: []sarifRule{}}},
		Language: p.lang,
		Results:  []sarifResult{},
	}
	inv := sarifInvocation{ExecutionSuccessful: len(r.Errors) == 0}
	if !r.Generated.IsZero() {
		inv.EndTimeUTC = r.Generated.UTC().Format(time.RFC3339)
	}
	for _, e := range r.Errors {
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "error", Message: sarifText{Text: safe(e)}})
	}
	for _, pg := range r.Pages {
		for _, e := range pg.Errors {
			inv.Notifications = append(inv.Notifications, sarifNotification{Level: "warning", Message: sarifText{Text: safe(e)}})
		}
	}
	run.Invocations = []sarifInvocation{inv}

	ruleIndex := map[string]int{}
	addRule := func(e *entry) int {
		if i, ok := ruleIndex[e.Rule]; ok {
			return i
		}
		rule := sarifRule{
			ID:                   e.Rule,
			ShortDescription:     sarifText{Text: p.cat.Title(e.Rule)},
			DefaultConfiguration: sarifConfig{Level: sarifLevel(e.Impact)},
			Properties:           map[string]any{},
		}
		if h := p.cat.Help(e.Rule); h != "" {
			rule.Help = &sarifText{Text: h}
		}
		if len(e.ACT) > 0 {
			rule.HelpURI = ACTRuleURL(e.ACT[0])
		}
		tags := []string{"accessibility"}
		if len(e.WCAG) > 0 {
			var und []string
			for _, sc := range e.WCAG {
				tags = append(tags, "wcag:"+sc)
				if u := UnderstandingURL(sc); u != "" {
					und = append(und, u)
				}
			}
			rule.Properties["wcag"] = e.WCAG
			rule.Properties["wcagLevel"] = e.Level
			rule.Properties["wcagUnderstanding"] = und
		}
		if len(e.EN301549) > 0 {
			rule.Properties["en301549"] = e.EN301549
			for _, c := range e.EN301549 {
				tags = append(tags, "en301549:"+c)
			}
		}
		if len(e.ACT) > 0 {
			var urls []string
			for _, a := range e.ACT {
				urls = append(urls, ACTRuleURL(a))
				tags = append(tags, "act:"+a)
			}
			rule.Properties["act"] = e.ACT
			rule.Properties["actRules"] = urls
		}
		if e.Impact != 0 {
			rule.Properties["impact"] = e.Impact.String()
		}
		rule.Properties["tags"] = tags
		ruleIndex[e.Rule] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, rule)
		return ruleIndex[e.Rule]
	}

	urlOfStep := map[string]string{}
	for _, pg := range r.Pages {
		if pg.Step != "" {
			urlOfStep[pg.Step] = pg.URL
		}
	}
	add := func(e *entry, pageURL, step string) {
		res := sarifResult{
			RuleID:              e.Rule,
			RuleIndex:           addRule(e),
			Kind:                sarifKind(e.Outcome),
			Level:               "none",
			Message:             sarifText{Text: firstNonEmpty(safe(e.Message), p.cat.Title(e.Rule))},
			PartialFingerprints: map[string]string{FingerprintVersion: e.fp},
			Properties:          map[string]any{"outcome": e.Outcome.String()},
		}
		if e.Outcome == a11y.Failed && e.status != StatusFixed {
			res.Level = sarifLevel(e.Impact)
		}
		loc := sarifLocation{}
		if pageURL != "" {
			loc.PhysicalLocation = &sarifPhysical{ArtifactLocation: sarifArtifact{URI: sarifURI(pageURL)}}
		}
		if e.Selector != "" || e.XPath != "" {
			loc.LogicalLocations = []sarifLogical{{Name: safe(e.XPath), FullyQualifiedName: safe(e.Selector), Kind: "element"}}
		}
		if step != "" {
			loc.Message = &sarifText{Text: safe(step)}
		}
		res.Locations = []sarifLocation{loc}
		if e.Suppressed != "" {
			sup := sarifSuppression{Kind: "inSource", Status: "accepted", Justification: safe(e.Suppressed)}
			if w := e.waiver; w != nil {
				sup.Kind = "external"
				sup.Properties = map[string]any{"file": safe(w.File), "line": w.Line}
				if w.Expires != "" {
					sup.Properties["expires"] = safe(w.Expires)
				}
			}
			res.Suppressions = []sarifSuppression{sup}
		}
		switch e.status {
		case StatusNew:
			res.BaselineState = "new"
		case StatusUnchanged:
			res.BaselineState = "unchanged"
		case StatusFixed:
			res.BaselineState = "absent"
		}
		if e.Impact != 0 {
			res.Properties["impact"] = e.Impact.String()
		}
		if e.Snippet != "" && e.Selector != "html" {
			res.Properties["snippet"] = safe(e.Snippet)
		}
		if e.Question != "" {
			res.Properties["question"] = p.cat.Question(e.Question)
		}
		if step != "" {
			res.Properties["step"] = safe(step)
		}
		if len(e.WCAG) > 0 {
			res.Properties["wcag"] = e.WCAG
		}
		run.Results = append(run.Results, res)
	}
	listedOrWaived := func(es []entry, sup []entry) []entry {
		out := slices.Clone(es)
		for _, s := range sup {
			if !slices.ContainsFunc(out, func(e entry) bool { return e.fp == s.fp }) {
				out = append(out, s)
			}
		}
		return out
	}
	for _, pg := range p.pages {
		var sup []entry
		for _, s := range p.suppressed {
			if s.page == pg.index {
				sup = append(sup, s)
			}
		}
		for _, e := range listedOrWaived(pg.listed, sup) {
			add(&e, pg.URL, pg.Step)
		}
	}
	var flowSup []entry
	for _, s := range p.suppressed {
		if s.page < 0 {
			flowSup = append(flowSup, s)
		}
	}
	for _, e := range listedOrWaived(p.flow, flowSup) {
		add(&e, urlOfStep[e.Step], e.Step)
	}
	if d := p.diff(); d != nil {
		urlOfKey := map[string]string{}
		for _, pg := range r.Pages {
			urlOfKey[PageKey(pg)] = pg.URL
		}
		for _, fx := range d.Fixed {
			e := entry{Finding: localized(fx.Finding, p.lang), fp: fx.Fingerprint, status: StatusFixed, page: -2}
			pageURL := urlOfKey[fx.Page]
			if pageURL == "" && fx.Page == "" {
				pageURL = urlOfStep[e.Step]
			}
			if pageURL == "" && strings.Contains(fx.Page, "://") {
				pageURL = fx.Page
			}
			step := e.Step
			if step == "" && pageURL == "" {
				step = fx.Page
			}
			add(&e, pageURL, step)
		}
	}
	log := sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{run}}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("report: encode sarif: %w", err)
	}
	if _, err := w.Write(tidy(buf.Bytes())); err != nil {
		return fmt.Errorf("report: write sarif: %w", err)
	}
	return nil
}

// sarifLevel maps an impact to a SARIF level (style.md §4).
func sarifLevel(i a11y.Impact) string {
	switch i {
	case a11y.Critical, a11y.Serious:
		return "error"
	case a11y.Minor:
		return "note"
	}
	return "warning"
}

// sarifKind maps an outcome to a SARIF result kind.
func sarifKind(o a11y.Outcome) string {
	switch o {
	case a11y.Failed:
		return "fail"
	case a11y.CantTell:
		return "review"
	case a11y.Passed:
		return "pass"
	}
	return "notApplicable"
}

// sarifURI turns a page address into a valid URI reference: a URL that
// parses is written in its normalised form; anything else (a file name
// with spaces, hostile text) is percent-encoded as a relative reference.
func sarifURI(s string) string {
	s = limitText(s, maxField)
	if u, err := url.Parse(s); err == nil {
		out := u.String()
		if !strings.ContainsAny(out, " \t\n\"<>\\^`{|}") && isPrintableASCII(out) {
			return out
		}
	}
	return url.PathEscape(s)
}

func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
