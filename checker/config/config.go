// Package config reads delaktig.yaml, the settings file of the command line
// and CI runs:
//
//	rules: all,-meta-viewport          # or a list; see a11y.Select
//	fail_on: serious                   # new | none | minor | moderate | serious | critical
//	locale: sv                         # en, sv or nb: language of reports
//	organisation:                      # for accessibility statements
//	  name: Sundsvalls kommun
//	  service: Ansök om parkeringstillstånd
//	  url: https://e.example.se/parkering
//	  contact_email: tillganglighet@example.se
//	  contact_phone: 060-19 10 00
//	  feedback_url: https://example.se/synpunkter
//	  enforcement_url: https://www.digg.se/tdosanmalan
//	baseline: .delaktig/baseline.json  # an earlier report.json to compare with
//	suppressions: .delaktig/suppressions.yaml
//	history: .delaktig/runs            # earlier reports for the trend chart
//	output:
//	  dir: delaktig-report
//	  formats: [html, sarif, junit, md, json]
//
// Config is one plain struct (style.md §7): the command line loads it,
// merges its flags over it with Merge, checks it with Validate, and turns it
// into options for the library. The library itself never reads this file.
//
// How check, audit and demo apply the keys, a flag always winning over the
// file: locale is the report language unless --lang or DELAKTIG_LANG says
// otherwise (it wins over LANG, the locale of the machine that runs it);
// output.dir is where the evidence bundle goes unless --out names another
// folder, and an output section naming only formats writes into the
// default folder, delaktig-report; output.formats are the bundle's report
// files unless --formats lists others (report.json is always written);
// organisation fills in the Swedish and Norwegian statement drafts of the
// bundle. Without an output section and --out no bundle is written.
package config

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker/report"
)

// FileName is the usual name of the settings file.
const FileName = "delaktig.yaml"

// Config is the content of delaktig.yaml. The zero value means "not set"
// for every field; Default gives the values used when nothing is set.
type Config struct {
	// Rules selects the rules to run: "all", "-id", "wcag:1.4.*",
	// "tag:forms" (a11y.Select). YAML accepts a comma-separated string or
	// a list.
	Rules Rules `yaml:"rules" json:"rules,omitempty"`
	// FailOn says which findings fail the run (exit code 1): "new" (new
	// failures against the baseline), "none", or the lowest impact that
	// fails: "minor", "moderate", "serious" or "critical".
	FailOn string `yaml:"fail_on" json:"fail_on,omitempty"`
	// Locale is the language of reports: en, sv or nb (a BCP 47 tag).
	Locale string `yaml:"locale" json:"locale,omitempty"`
	// Organisation names who runs the service, for accessibility statements.
	Organisation report.Organisation `yaml:"organisation" json:"organisation"`
	// Baseline is the path of an earlier report.json to compare with.
	Baseline string `yaml:"baseline" json:"baseline,omitempty"`
	// Suppressions is the path of a suppressions file (report.Suppressions).
	Suppressions string `yaml:"suppressions" json:"suppressions,omitempty"`
	// History is a directory of earlier reports for the trend chart.
	History string `yaml:"history" json:"history,omitempty"`
	// Output says where and in which formats reports are written.
	Output Output `yaml:"output" json:"output"`

	// where maps a field path ("output.formats[1]") to "file:line", for
	// errors that point into the file.
	where map[string]string
}

// Output says where reports go.
type Output struct {
	// Dir is the directory of the evidence bundle.
	Dir string `yaml:"dir" json:"dir,omitempty"`
	// Formats lists the report formats to write into Dir
	// (report.FormatNames); report.json is written whatever it lists.
	Formats []string `yaml:"formats" json:"formats,omitempty"`
}

// Rules is a rule selection: entries for a11y.Select.
type Rules []string

// UnmarshalYAML accepts "all,-x" as well as a list.
func (r *Rules) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*r = nil
		for _, part := range strings.Split(n.Value, ",") {
			if part = strings.TrimSpace(part); part != "" {
				*r = append(*r, part)
			}
		}
		return nil
	case yaml.SequenceNode:
		var list []string
		if err := n.Decode(&list); err != nil {
			return err
		}
		*r = nil
		for _, s := range list {
			*r = append(*r, strings.TrimSpace(s))
		}
		return nil
	}
	return fmt.Errorf("line %d: rules must be a string or a list", n.Line)
}

// Spec returns the selection as a11y.Select takes it ("all,-x").
func (r Rules) Spec() string { return strings.Join(r, ",") }

// Default returns the settings used when neither file nor flags set them.
func Default() Config {
	return Config{
		Rules:  Rules{"all"},
		FailOn: "minor",
		Locale: "en",
		Output: Output{Dir: "delaktig-report", Formats: []string{"html", "json"}},
	}
}

// Load reads and parses a settings file.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(data, path)
}

// Parse parses settings named name (for errors). Unknown keys and values
// of the wrong kind are errors that give the line. Parse does not check
// values: call Validate.
func Parse(data []byte, name string) (*Config, error) {
	c := &Config{where: map[string]string{}}
	if len(bytes.TrimSpace(data)) == 0 {
		return c, nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil {
		return nil, fmt.Errorf("config: %s: %w", name, err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("config: %s: %w", name, err)
	}
	if len(doc.Content) > 0 {
		record(c.where, doc.Content[0], "", name)
	}
	return c, nil
}

// record notes the line of every value in the file under its path.
func record(where map[string]string, n *yaml.Node, path, file string) {
	if path != "" {
		where[path] = file + ":" + strconv.Itoa(n.Line)
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if path != "" {
				k = path + "." + k
			}
			record(where, n.Content[i+1], k, file)
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			record(where, item, path+"["+strconv.Itoa(i)+"]", file)
		}
	}
}

// Where returns "file:line" of a field path such as "fail_on" or
// "output.formats[1]", or "" when the value did not come from a file.
func (c *Config) Where(path string) string {
	if c.where == nil {
		return ""
	}
	if w, ok := c.where[path]; ok {
		return w
	}
	return ""
}

// errAt makes a validation error that points at the field's line and
// wraps ErrInvalid.
func (c *Config) errAt(path, format string, args ...any) error {
	msg := path + ": " + fmt.Sprintf(format, args...)
	if w := c.Where(path); w != "" {
		return &invalid{"config: " + w + ": " + msg}
	}
	return &invalid{"config: " + msg}
}

// ErrInvalid is wrapped by every error Validate and ValidateRules return.
var ErrInvalid = errors.New("config: invalid setting")

// invalid is one problem Validate found.
type invalid struct{ msg string }

// Error returns the message with the file and line.
func (e *invalid) Error() string { return e.msg }

// Unwrap returns ErrInvalid.
func (e *invalid) Unwrap() error { return ErrInvalid }

// FailOnValues lists the values fail_on accepts.
var FailOnValues = []string{"new", "none", "minor", "moderate", "serious", "critical"}

var (
	selectorRe = regexp.MustCompile(`^-?(all|wcag:[0-9]+(\.[0-9*]+)*\*?|tag:[a-z0-9][a-z0-9-]*|[a-z0-9]+(-[a-z0-9]+)*\*?)$`)
	localeOK   = []string{"en", "sv", "nb", "nn", "no"}
)

// Validate checks every value and returns all problems joined, each
// wrapping ErrInvalid and naming the file and line it came from. It does
// not touch the file system. Rule names are checked for form only; use
// ValidateRules to check them against the rule set.
func (c *Config) Validate() error {
	var errs []error
	bad := func(path, format string, args ...any) {
		errs = append(errs, c.errAt(path, format, args...))
	}
	for i, r := range c.Rules {
		if !selectorRe.MatchString(r) {
			bad(fmt.Sprintf("rules[%d]", i), "%q is not a rule selection (want all, a rule id, -id, wcag:1.4.* or tag:name)", r)
		}
	}
	if c.FailOn != "" && !slices.Contains(FailOnValues, c.FailOn) {
		bad("fail_on", "%q is not one of %s", c.FailOn, strings.Join(FailOnValues, ", "))
	}
	if c.Locale != "" {
		tag, err := language.Parse(c.Locale)
		base, _ := tag.Base()
		if err != nil || !slices.Contains(localeOK, base.String()) {
			bad("locale", "%q is not a language reports are written in (want en, sv or nb)", c.Locale)
		}
	}
	o := c.Organisation
	if o.ContactEmail != "" {
		if a, err := mail.ParseAddress(o.ContactEmail); err != nil || a.Address != o.ContactEmail {
			bad("organisation.contact_email", "%q is not an e-mail address", o.ContactEmail)
		}
	}
	for path, v := range map[string]string{
		"organisation.url": o.URL, "organisation.feedback_url": o.FeedbackURL, "organisation.enforcement_url": o.EnforcementURL,
	} {
		if v == "" {
			continue
		}
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			bad(path, "%q is not a web address (want https://…)", v)
		}
	}
	if c.Organisation.ContactPhone != "" && strings.IndexFunc(c.Organisation.ContactPhone, func(r rune) bool { return r >= '0' && r <= '9' }) < 0 {
		bad("organisation.contact_phone", "%q holds no digits", c.Organisation.ContactPhone)
	}
	names := report.FormatNames()
	seen := map[string]bool{}
	for i, f := range c.Output.Formats {
		path := fmt.Sprintf("output.formats[%d]", i)
		switch {
		case !slices.Contains(names, f):
			bad(path, "unknown format %q (want %s)", f, strings.Join(names, ", "))
		case seen[f]:
			bad(path, "format %q listed twice", f)
		}
		seen[f] = true
	}
	if c.FailOn == "new" && c.Baseline == "" {
		bad("fail_on", `"new" needs a baseline to compare with: set baseline`)
	}
	// Report the problems in file order.
	slices.SortStableFunc(errs, func(a, b error) int { return compareWhere(a.Error(), b.Error()) })
	return errors.Join(errs...)
}

// compareWhere orders "config: file:12: …" messages by line.
func compareWhere(a, b string) int {
	return lineOf(a) - lineOf(b)
}

var lineRe = regexp.MustCompile(`:(\d+): `)

func lineOf(s string) int {
	m := lineRe.FindStringSubmatch(s)
	if m == nil {
		return 1 << 30
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// ValidateRules checks the rule selection against a rule set (pass
// rules.All() with rules.Experimental()), so that a misspelt rule id is an
// error that names its line.
func (c *Config) ValidateRules(all []*a11y.Rule) error {
	if len(c.Rules) == 0 {
		return nil
	}
	var errs []error
	for i, r := range c.Rules {
		spec := r
		if strings.HasPrefix(spec, "-") {
			spec = "all," + spec
		}
		if _, err := a11y.Select(all, spec); err != nil {
			errs = append(errs, c.errAt(fmt.Sprintf("rules[%d]", i), "%v", err))
		}
	}
	return errors.Join(errs...)
}

// Merge returns c with every field that o sets replacing c's: o's strings
// when not empty, o's lists when not empty, the organisation field by
// field. Use it to lay flags over the file, and the file over Default().
func (c Config) Merge(o Config) Config {
	out := c
	out.where = map[string]string{}
	for k, v := range c.where {
		out.where[k] = v
	}
	take := func(path string, dst *string, src string) {
		if src != "" {
			*dst = src
			out.from(o, path)
		}
	}
	if len(o.Rules) > 0 {
		out.Rules = slices.Clone(o.Rules)
		out.from(o, "rules")
	}
	take("fail_on", &out.FailOn, o.FailOn)
	take("locale", &out.Locale, o.Locale)
	take("baseline", &out.Baseline, o.Baseline)
	take("suppressions", &out.Suppressions, o.Suppressions)
	take("history", &out.History, o.History)
	take("output.dir", &out.Output.Dir, o.Output.Dir)
	if len(o.Output.Formats) > 0 {
		out.Output.Formats = slices.Clone(o.Output.Formats)
		out.from(o, "output.formats")
	}
	org, oo := &out.Organisation, o.Organisation
	take("organisation.name", &org.Name, oo.Name)
	take("organisation.service", &org.Service, oo.Service)
	take("organisation.url", &org.URL, oo.URL)
	take("organisation.contact_email", &org.ContactEmail, oo.ContactEmail)
	take("organisation.contact_phone", &org.ContactPhone, oo.ContactPhone)
	take("organisation.feedback_url", &org.FeedbackURL, oo.FeedbackURL)
	take("organisation.enforcement_url", &org.EnforcementURL, oo.EnforcementURL)
	return out
}

// from copies the positions of path (and everything under it) from o.
func (c *Config) from(o Config, path string) {
	for k := range c.where {
		if k == path || strings.HasPrefix(k, path+".") || strings.HasPrefix(k, path+"[") {
			delete(c.where, k)
		}
	}
	for k, v := range o.where {
		if k == path || strings.HasPrefix(k, path+".") || strings.HasPrefix(k, path+"[") {
			c.where[k] = v
		}
	}
}

// Hash returns a SHA-256 of the settings' values (not of the file's
// bytes, so comments and layout do not change it), for the evidence
// bundle's meta.json.
func (c Config) Hash() string {
	b, err := json.Marshal(c)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// FailPolicy says when a run fails.
type FailPolicy struct {
	// None never fails on findings.
	None bool
	// NewOnly fails only on failures the baseline does not have.
	NewOnly bool
	// Min is the lowest impact that fails (a11y.Minor: any failure).
	Min a11y.Impact
}

// Policy returns the fail policy of c.FailOn ("" means any failure).
func (c Config) Policy() FailPolicy {
	switch c.FailOn {
	case "none":
		return FailPolicy{None: true}
	case "new":
		return FailPolicy{NewOnly: true, Min: a11y.Minor}
	case "":
		return FailPolicy{Min: a11y.Minor}
	}
	i, err := a11y.ParseImpact(c.FailOn)
	if err != nil {
		return FailPolicy{Min: a11y.Minor}
	}
	return FailPolicy{Min: i}
}

// Fails reports whether the run fails: failed, unwaived findings at or
// above the policy's impact, counting only new ones against diff when the
// policy says so. A NewOnly policy without a diff counts every failure.
func (p FailPolicy) Fails(r *report.Report, diff *report.DiffResult) bool {
	switch {
	case p.None:
		return false
	case p.NewOnly && diff != nil:
		return diff.NewFailures(p.Min) > 0
	}
	return r.Failures(p.Min) > 0
}
