package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker/config"
	"github.com/delaktig/delaktig/checker/report"
)

// policyFlags are the CI flags of check and audit: settings file, baseline,
// suppressions, history and evidence bundle. fs is the flag set they belong
// to, so that a setting can tell a flag given from its default.
type policyFlags struct {
	config, baseline, suppressions, history, out, formats *string
	fs                                                    *flag.FlagSet
}

func addPolicyFlags(fs *flag.FlagSet, withOut bool) policyFlags {
	p := policyFlags{
		config:       fs.String("config", "", "settings file (default: ./"+config.FileName+" when present); its locale, output and organisation apply unless a flag says otherwise"),
		baseline:     fs.String("baseline", "", baselineUsage(fs)),
		suppressions: fs.String("suppressions", "", "a suppressions file: findings it waives are listed apart and do not fail the run"),
		history:      fs.String("history", "", "a folder of earlier reports for the trend chart in the HTML report"),
		fs:           fs,
	}
	if withOut {
		p.out = fs.String("out", "", "also write an evidence bundle into this folder: report.json, report.html, SARIF, JUnit, EARL, Markdown, statement drafts, screenshots, meta.json (default: output.dir of the settings file, when it has an output section)")
		p.formats = addFormatsFlag(fs)
	}
	return p
}

// baselineUsage describes --baseline; only commands that have --fail-on
// can fail on new findings alone.
func baselineUsage(fs *flag.FlagSet) string {
	if fs.Lookup("fail-on") != nil {
		return "an earlier report.json: mark findings new, fixed or unchanged (with --fail-on new, fail only on new ones)"
	}
	return "an earlier report.json: mark findings new, fixed or unchanged"
}

// addFormatsFlag adds --formats, the report files of an evidence bundle.
func addFormatsFlag(fs *flag.FlagSet) *string {
	return fs.String("formats", "", "report files to write into the evidence bundle, for example html,sarif,junit (default: output.formats of the settings file, else every format but text; report.json is always written)")
}

// given reports whether the flag name was set on the command line.
func given(fs *flag.FlagSet, name string) bool {
	if fs == nil {
		return false
	}
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			set = true
		}
	})
	return set
}

// policy is what the settings file and the CI flags add to a run.
type policy struct {
	cfg        config.Config
	hash       string
	baseline   *report.Report
	supp       *report.Suppressions
	history    []report.HistoryPoint
	out        string
	newOnly    bool // --fail-on new
	never      bool // --fail-on none
	diff       *report.DiffResult
	applied    *report.Applied
	baseSource string
	// fileOut is the bundle folder the settings file asks for ("" when its
	// output section names neither dir nor formats).
	fileOut string
}

// language returns the report language: --lang when given, else
// DELAKTIG_LANG, else the settings file's locale, else flagValue (the
// default taken from LC_ALL, LC_MESSAGES or LANG). A project's settings
// file thus wins over the locale of the machine that runs it.
func (p *policy) language(fs *flag.FlagSet, flagValue string) string {
	switch {
	case given(fs, "lang"):
		return flagValue
	case os.Getenv("DELAKTIG_LANG") != "":
		return flagValue
	case p != nil && p.cfg.Locale != "":
		return p.cfg.Locale
	}
	return flagValue
}

// organisation returns who runs the service, for the statement drafts: the
// settings file's organisation over def, field by field.
func (p *policy) organisation(def report.Organisation) report.Organisation {
	o := p.cfg.Organisation
	take := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	out := def
	take(&out.Name, o.Name)
	take(&out.Service, o.Service)
	take(&out.URL, o.URL)
	take(&out.ContactEmail, o.ContactEmail)
	take(&out.ContactPhone, o.ContactPhone)
	take(&out.FeedbackURL, o.FeedbackURL)
	take(&out.EnforcementURL, o.EnforcementURL)
	return out
}

// bundle writes the evidence bundle of r into dir: the report files the
// settings ask for, both statement drafts with the organisation, and the
// screenshots in x.
func (p *policy) bundle(dir string, r *report.Report, o report.Options, x *report.Extras, org report.Organisation, secrets []string, chrome string) (*report.BundleMeta, error) {
	return report.WriteBundle(dir, r, report.BundleExtras{
		Options:       o,
		Extras:        x,
		Formats:       p.cfg.Output.Formats,
		Statements:    []report.Jurisdiction{report.Sweden, report.Norway},
		Org:           org,
		ChromeVersion: chrome,
		ConfigHash:    p.hash,
		Secrets:       secrets,
	})
}

// loadPolicy reads the settings file (the named one, else ./delaktig.yaml
// when present), lays the flags over it and loads the files it names. spec
// and failOn are the --rules and --fail-on flags; it returns them with the
// file's values filled in where the flags are not set. Every error is a
// setup error (exit 2); the settings file's errors name file and line.
func loadPolicy(pf policyFlags, spec, failOn string) (*policy, string, string, error) {
	p := &policy{}
	cfg := config.Config{}
	path := *pf.config
	if path == "" {
		if _, err := os.Stat(config.FileName); err == nil {
			path = config.FileName
		}
	}
	if path != "" {
		c, err := config.Load(path)
		if err != nil {
			return nil, "", "", usagef("%v", err)
		}
		if err := c.Validate(); err != nil {
			return nil, "", "", usagef("%v", err)
		}
		if err := c.ValidateRules(append(defaultRules(), append(flowRules(), experimentalRules()...)...)); err != nil {
			return nil, "", "", usagef("%v", err)
		}
		cfg = *c
	}
	flags := config.Config{Baseline: *pf.baseline, Suppressions: *pf.suppressions, History: *pf.history}
	if pf.out != nil {
		flags.Output.Dir = *pf.out
	}
	if pf.formats != nil && strings.TrimSpace(*pf.formats) != "" {
		for _, f := range strings.Split(*pf.formats, ",") {
			f = strings.TrimSpace(f)
			if _, ok := report.FormatByName(f); !ok {
				return nil, "", "", usagef("unknown format %q in --formats: use %s", f, oneOf(report.FormatNames()))
			}
			if !slices.Contains(flags.Output.Formats, f) {
				flags.Output.Formats = append(flags.Output.Formats, f)
			}
		}
	}
	if failOn != "" {
		flags.FailOn = failOn
	}
	file := cfg
	cfg = cfg.Merge(flags)
	p.cfg = cfg
	p.hash = cfg.Hash()
	if spec == "" && len(cfg.Rules) > 0 {
		spec = cfg.Rules.Spec()
	}
	failOn = cfg.FailOn
	switch failOn {
	case "new":
		p.newOnly, failOn = true, "any"
	case "none":
		p.never, failOn = true, "any"
	case "":
		failOn = "any"
	}
	// the bundle folder comes from the flag, else from the settings file's
	// output section (its dir, else the default folder when the section
	// names only the formats); without either no bundle is written
	if file.Where("output.dir") != "" || file.Where("output.formats") != "" {
		p.fileOut = file.Output.Dir
		if p.fileOut == "" {
			p.fileOut = config.Default().Output.Dir
		}
	}
	if pf.out != nil {
		p.out = *pf.out
		if p.out == "" {
			p.out = p.fileOut
		}
	}
	if cfg.Baseline != "" {
		f, err := os.Open(cfg.Baseline)
		if err != nil {
			return nil, "", "", usagef("cannot read the baseline: %v", pathError(err))
		}
		p.baseline, err = report.ReadJSON(f)
		f.Close()
		if err != nil {
			return nil, "", "", usagef("%s: %v; make the baseline with --format json", cfg.Baseline, err)
		}
		p.baseSource = cfg.Baseline
	}
	if p.newOnly && p.baseline == nil {
		return nil, "", "", usagef("--fail-on new needs a baseline: pass --baseline OLD.json (a report made with --format json)")
	}
	if cfg.Suppressions != "" {
		s, err := report.LoadSuppressions(cfg.Suppressions)
		if err != nil {
			return nil, "", "", usagef("%v", err)
		}
		p.supp = s
	}
	if cfg.History != "" {
		h, err := report.LoadHistory(cfg.History)
		if err != nil {
			return nil, "", "", usagef("%v", err)
		}
		p.history = h
	}
	return p, spec, failOn, nil
}

// apply waives the suppressed findings of r and compares r with the
// baseline. An expired suppression is a setup error (exit 2).
func (p *policy) apply(r *report.Report) error {
	if p.supp != nil {
		a, err := p.supp.Apply(r, time.Now())
		p.applied = a
		if err != nil {
			if errors.Is(err, report.ErrSuppressionExpired) {
				return usagef("%v; renew the waiver with a new date and reason, or fix the barrier", err)
			}
			return usagef("%v", err)
		}
	}
	if p.baseline != nil {
		d := report.Diff(p.baseline, r)
		d.Source = p.baseSource
		p.diff = &d
	}
	return nil
}

// extras are the writers' extras for the run.
func (p *policy) extras(rules []*a11y.Rule, shots map[string][]byte) *report.Extras {
	x := &report.Extras{Screenshots: shots, Rules: rules, History: p.history, Suppressions: p.applied}
	if p.diff != nil {
		x.Diff = p.diff
	}
	return x
}

// write writes r in format f with the extras (every format carries the
// baseline comparison); for the machine formats the comparison is also
// printed on standard error, for the CI log.
func (p *policy) write(s *stdio, f report.Format, r *report.Report, o report.Options, x *report.Extras) error {
	err := f.WriteWith(s.out, r, o, x)
	if err == nil && p.diff != nil && f.Name != "text" {
		p.printDiff(s.err)
	}
	return err
}

// printDiff prints the baseline comparison: counts, then each new and fixed
// finding.
func (p *policy) printDiff(w io.Writer) {
	d := p.diff
	fmt.Fprintf(w, "compared with %s: %d new, %d fixed, %d unchanged\n", p.baseSource, len(d.New), len(d.Fixed), len(d.Unchanged))
	for _, e := range d.New {
		fmt.Fprintf(w, "  new:   %s %q %q\n", e.Finding.Rule, e.Page, e.Finding.Selector)
	}
	for _, e := range d.Fixed {
		fmt.Fprintf(w, "  fixed: %s %q %q\n", e.Finding.Rule, e.Page, e.Finding.Selector)
	}
}

// fails reports whether the run fails on findings (exit 1).
func (p *policy) fails(r *report.Report, min a11y.Impact) bool {
	switch {
	case p.never:
		return false
	case p.newOnly && p.diff != nil:
		return p.diff.NewFailures(min) > 0
	}
	return r.Failures(min) > 0
}

// finish applies the policy to r, writes it in o's format and, when asked,
// the evidence bundle (with secrets scrubbed from every file), and returns
// the exit code; loadFailed says a target or step could not be loaded.
func (p *policy) finish(s *stdio, o *checkOptions, r *report.Report, shots map[string][]byte, secrets []string, chrome string, loadFailed bool) int {
	if err := p.apply(r); err != nil {
		s.errorf("%v", err)
		return exitUsage
	}
	color := report.ColorAuto
	if os.Getenv("NO_COLOR") != "" {
		color = report.ColorNever
	}
	x := p.extras(o.rules, shots)
	if err := p.write(s, o.format, r, report.Options{Lang: o.lang, Outcomes: o.outcomes, Color: color}, x); err != nil {
		s.errorf("%v", err)
		return exitUsage
	}
	if p.out != "" {
		_, err := p.bundle(p.out, r, report.Options{Lang: o.lang, Outcomes: o.outcomes}, x, p.organisation(report.Organisation{}), secrets, chrome)
		if err != nil {
			s.errorf("%v", err)
			return exitUsage
		}
	}
	switch {
	case loadFailed:
		return exitLoad
	case p.fails(r, o.failOn):
		return exitFailures
	}
	return exitOK
}
