package report

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/delaktig/delaktig/a11y"
)

// ErrSuppressionExpired is wrapped by Suppressions.Apply for every entry
// whose expiry date has passed: the waiver has to be renewed, with a
// reason, or the barrier fixed.
var ErrSuppressionExpired = errors.New("report: suppression expired")

// Suppression is one entry of a suppressions file: a waiver for the findings
// it matches. Every field given must match; Rule or Fingerprint is required.
// Rule, Selector, URL and Step are patterns where * matches any run of
// characters and ? one character; everything else matches itself.
type Suppression struct {
	// Rule is the rule id ("image-alt", "color-*").
	Rule string `yaml:"rule" json:"rule,omitempty"`
	// Fingerprint is a finding's fingerprint (see Fingerprints).
	Fingerprint string `yaml:"fingerprint" json:"fingerprint,omitempty"`
	// Selector matches the finding's CSS selector.
	Selector string `yaml:"selector" json:"selector,omitempty"`
	// URL matches the page's URL.
	URL string `yaml:"url" json:"url,omitempty"`
	// Step matches the flow step's name.
	Step string `yaml:"step" json:"step,omitempty"`
	// Reason says why the finding is waived; required. It is shown
	// wherever the finding is listed.
	Reason string `yaml:"reason" json:"reason"`
	// Expires is the last day (YYYY-MM-DD) the waiver holds; optional.
	Expires string `yaml:"expires" json:"expires,omitempty"`

	// Line is the entry's line in its file.
	Line int `yaml:"-" json:"line"`
	// Matched counts the findings the entry waived in the last Apply.
	Matched int `yaml:"-" json:"matched"`

	expires time.Time
}

// Suppressions is a parsed suppressions file:
//
//	suppressions:
//	  - rule: image-alt
//	    selector: "#hero > img"
//	    url: "https://e.example.se/ansokan/*"
//	    reason: "Decorative photo, alt text under review (#123)"
//	    expires: 2026-12-31
//	  - fingerprint: 3f1c9a…
//	    reason: "Known vendor widget, replaced in release 4"
type Suppressions struct {
	// File is the name errors use.
	File string
	// Entries holds the waivers in file order.
	Entries []Suppression
}

// LoadSuppressions reads and parses a suppressions file.
func LoadSuppressions(path string) (*Suppressions, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("report: read suppressions: %w", err)
	}
	return ParseSuppressions(data, path)
}

// ParseSuppressions parses a suppressions file named name (for errors). The
// file is a mapping with a "suppressions" list, or the list itself. Errors
// name the line of the entry at fault; all problems are reported together.
func ParseSuppressions(data []byte, name string) (*Suppressions, error) {
	s := &Suppressions{File: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("report: %s: %w", name, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return s, nil
	}
	list := doc.Content[0]
	if list.Kind == yaml.MappingNode {
		var found *yaml.Node
		for i := 0; i+1 < len(list.Content); i += 2 {
			k := list.Content[i]
			if k.Value == "suppressions" {
				found = list.Content[i+1]
				continue
			}
			return nil, fmt.Errorf("report: %s:%d: unknown key %q (want suppressions)", name, k.Line, k.Value)
		}
		if found == nil {
			return s, nil
		}
		list = found
	}
	if list.Kind == yaml.ScalarNode && list.Tag == "!!null" {
		return s, nil
	}
	if list.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("report: %s:%d: suppressions must be a list", name, list.Line)
	}
	var errs []error
	for _, item := range list.Content {
		var e Suppression
		if err := decodeStrict(item, &e); err != nil {
			errs = append(errs, fmt.Errorf("report: %s:%d: %w", name, item.Line, err))
			continue
		}
		e.Line = item.Line
		if err := e.check(); err != nil {
			errs = append(errs, fmt.Errorf("report: %s:%d: %w", name, item.Line, err))
			continue
		}
		s.Entries = append(s.Entries, e)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return s, nil
}

// decodeStrict decodes a mapping node into v, refusing unknown keys.
func decodeStrict(n *yaml.Node, v *Suppression) error {
	if n.Kind != yaml.MappingNode {
		return errors.New("an entry must be a mapping with rule or fingerprint, and reason")
	}
	known := map[string]bool{"rule": true, "fingerprint": true, "selector": true, "url": true, "step": true, "reason": true, "expires": true}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !known[k.Value] {
			return fmt.Errorf("unknown key %q (want rule, fingerprint, selector, url, step, reason, expires)", k.Value)
		}
		if val := n.Content[i+1]; val.Kind != yaml.ScalarNode {
			return fmt.Errorf("%s must be a single value", k.Value)
		}
	}
	return n.Decode(v)
}

func (e *Suppression) check() error {
	e.Rule = strings.TrimSpace(e.Rule)
	e.Fingerprint = strings.TrimSpace(e.Fingerprint)
	e.Reason = strings.TrimSpace(e.Reason)
	if e.Rule == "" && e.Fingerprint == "" {
		return errors.New("an entry needs a rule or a fingerprint")
	}
	if e.Reason == "" {
		return errors.New("an entry needs a reason: say why the finding is waived and who decided")
	}
	if e.Expires != "" {
		t, err := time.Parse(time.DateOnly, strings.TrimSpace(e.Expires))
		if err != nil {
			return fmt.Errorf("expires %q: want a date such as 2026-12-31", e.Expires)
		}
		e.expires = t
	}
	return nil
}

// ExpiresOn returns the entry's last valid day (zero when it does not expire).
func (e *Suppression) ExpiresOn() time.Time { return e.expires }

// Applied is the outcome of applying a suppressions file to a report.
type Applied struct {
	// File is the suppressions file's name.
	File string `json:"file"`
	// Entries holds every entry with the number of findings it waived.
	Entries []Suppression `json:"entries"`
	// Unused lists the entries that matched nothing: stale waivers to
	// remove.
	Unused []Suppression `json:"unused"`
	// Expired lists the entries past their date; they waived nothing.
	Expired []Suppression `json:"expired"`
}

// Apply waives the findings of r that an entry matches, setting their
// Suppressed field to the entry's reason, records each in r.Waivers (so
// that writers can tell them from findings waived in the page), and
// recomputes the summary.
// Findings stay in the report: writers list them apart. Findings already
// waived in the page (data-a11y-ignore) are left as they are. Entries whose
// expiry date is before the day of now waive nothing and make Apply return
// an error wrapping ErrSuppressionExpired, naming each entry and its line;
// the caller should fail the run. The returned Applied is valid either way.
func (s *Suppressions) Apply(r *Report, now time.Time) (*Applied, error) {
	a := &Applied{File: s.File, Unused: []Suppression{}, Expired: []Suppression{}}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	var errs []error
	active := make([]bool, len(s.Entries))
	entries := make([]Suppression, len(s.Entries))
	copy(entries, s.Entries)
	for i := range entries {
		e := &entries[i]
		e.Matched = 0
		if !e.expires.IsZero() && e.expires.Before(today) {
			a.Expired = append(a.Expired, *e)
			errs = append(errs, fmt.Errorf("%w: %s:%d: the waiver for %s expired on %s (%s): fix the finding or renew the waiver with a new date",
				ErrSuppressionExpired, s.File, e.Line, e.describe(), e.Expires, e.Reason))
			continue
		}
		active[i] = true
	}
	fpPages, fpFlow := Fingerprints(r)
	apply := func(p *Page, f *a11y.Finding, fp, page string) {
		if f.Suppressed != "" || f.Outcome == a11y.Passed || f.Outcome == a11y.Inapplicable {
			return
		}
		for i := range entries {
			e := &entries[i]
			if active[i] && e.matches(p, f, fp) {
				f.Suppressed = e.Reason
				e.Matched++
				r.Waivers = append(r.Waivers, Waiver{
					Page: page, Rule: f.Rule, Selector: f.Selector, Step: f.Step, Fingerprint: fp,
					Reason: e.Reason, Expires: strings.TrimSpace(e.Expires), File: s.File, Line: e.Line,
				})
				return
			}
		}
	}
	for i := range r.Pages {
		p := &r.Pages[i]
		for j := range p.Findings {
			apply(p, &p.Findings[j], fpPages[i][j], PageKey(*p))
		}
	}
	if r.Flow != nil {
		for j := range r.Flow.Findings {
			f := &r.Flow.Findings[j]
			apply(&Page{Step: f.Step}, f, fpFlow[j], "")
		}
	}
	for i, e := range entries {
		if active[i] && e.Matched == 0 {
			a.Unused = append(a.Unused, e)
		}
	}
	a.Entries = entries
	r.Summarize()
	return a, errors.Join(errs...)
}

func (e *Suppression) describe() string {
	var parts []string
	if e.Rule != "" {
		parts = append(parts, "rule "+e.Rule)
	}
	if e.Fingerprint != "" {
		parts = append(parts, "fingerprint "+e.Fingerprint)
	}
	if e.Selector != "" {
		parts = append(parts, "selector "+e.Selector)
	}
	if e.URL != "" {
		parts = append(parts, "url "+e.URL)
	}
	if e.Step != "" {
		parts = append(parts, "step "+e.Step)
	}
	return strings.Join(parts, ", ")
}

func (e *Suppression) matches(p *Page, f *a11y.Finding, fp string) bool {
	if e.Fingerprint != "" && e.Fingerprint != fp {
		return false
	}
	if e.Rule != "" && !globMatch(e.Rule, f.Rule) {
		return false
	}
	if e.Selector != "" && !globMatch(e.Selector, f.Selector) {
		return false
	}
	if e.URL != "" && !globMatch(e.URL, p.URL) {
		return false
	}
	step := p.Step
	if step == "" {
		step = f.Step
	}
	if e.Step != "" && !globMatch(e.Step, step) {
		return false
	}
	return true
}

// globMatch reports whether s matches pattern, where * matches any run of
// characters (including none) and ? exactly one; other characters match
// themselves.
func globMatch(pattern, s string) bool {
	p, t := []rune(pattern), []rune(s)
	pi, ti := 0, 0
	star, mark := -1, 0
	for ti < len(t) {
		switch {
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, ti
			pi++
		case pi < len(p) && (p[pi] == '?' || p[pi] == t[ti]):
			pi++
			ti++
		case star >= 0:
			pi = star + 1
			mark++
			ti = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

// Waiver records a finding waived by an entry of a suppressions file: which
// finding, which entry, why and until when. Suppressions.Apply adds one to
// Report.Waivers for each finding it waives; a waived finding without one
// was waived in the page itself (data-a11y-ignore).
type Waiver struct {
	// Page is the PageKey of the finding's page; "" for a flow finding.
	Page string `json:"page"`
	// Rule, Selector and Step are the finding's.
	Rule     string `json:"rule"`
	Selector string `json:"selector,omitempty"`
	Step     string `json:"step,omitempty"`
	// Fingerprint is the finding's fingerprint (see Fingerprints).
	Fingerprint string `json:"fingerprint"`
	// Reason is the entry's reason; Expires its last day (YYYY-MM-DD), ""
	// when it does not expire.
	Reason  string `json:"reason"`
	Expires string `json:"expires,omitempty"`
	// File and Line locate the entry.
	File string `json:"file"`
	Line int    `json:"line"`
}

// WaiverOf returns the suppressions-file entry that waived f, a finding of
// r.Pages[page] (page -1: of r.Flow), or nil when f is not waived or was
// waived in the page. A rule reports an element once, so the page, rule,
// selector, step and reason name the finding.
func (r *Report) WaiverOf(page int, f *a11y.Finding) *Waiver {
	if f.Suppressed == "" || len(r.Waivers) == 0 {
		return nil
	}
	key := ""
	if page >= 0 && page < len(r.Pages) {
		key = PageKey(r.Pages[page])
	}
	for i := range r.Waivers {
		w := &r.Waivers[i]
		if w.Page == key && w.Rule == f.Rule && w.Selector == f.Selector && w.Step == f.Step && w.Reason == f.Suppressed {
			return w
		}
	}
	return nil
}
