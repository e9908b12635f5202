package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker/config"
	"github.com/delaktig/delaktig/checker/report"
)

// policyFlags are the CI flags of check and audit: settings file, baseline,
// suppressions, history and evidence bundle.
type policyFlags struct {
	config, baseline, suppressions, history, out *string
}

func addPolicyFlags(fs *flag.FlagSet, withOut bool) policyFlags {
	p := policyFlags{
		config:       fs.String("config", "", "settings file (default: ./"+config.FileName+" when present)"),
		baseline:     fs.String("baseline", "", "an earlier report.json: mark findings new, fixed or unchanged (with --fail-on new, fail only on new ones)"),
		suppressions: fs.String("suppressions", "", "a suppressions file: findings it waives are listed apart and do not fail the run"),
		history:      fs.String("history", "", "a folder of earlier reports for the trend chart in the HTML report"),
	}
	if withOut {
		p.out = fs.String("out", "", "also write an evidence bundle into this folder: report.json, report.html, screenshots, meta.json…")
	}
	return p
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
	if failOn != "" {
		flags.FailOn = failOn
	}
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
	// the bundle folder comes from the flag or from an output section that
	// names one; the default folder is not written unasked
	if pf.out != nil {
		p.out = *pf.out
		if p.out == "" && path != "" && cfg.Where("output.dir") != "" {
			p.out = cfg.Output.Dir
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

// write writes r in format f, with the extras where the format shows them;
// formats without them get a line on the baseline comparison: for text on
// standard output, for machine formats on standard error.
func (p *policy) write(s *stdio, f report.Format, r *report.Report, o report.Options, x *report.Extras) error {
	var err error
	switch f.Name {
	case "html":
		err = report.WriteHTMLWith(s.out, r, o, x)
	case "md":
		err = report.WriteMarkdownWith(s.out, r, o, x)
	case "sarif":
		err = report.WriteSARIFWith(s.out, r, o, x)
	default:
		err = f.Write(s.out, r, o)
		if err == nil && p.diff != nil {
			w := s.err
			if f.Name == "text" {
				w = s.out
			}
			p.printDiff(w)
		}
	}
	if err == nil && p.applied != nil && f.Name == "text" {
		n := 0
		for _, e := range p.applied.Entries {
			n += e.Matched
		}
		fmt.Fprintf(s.out, "%d findings waived by %s\n", n, p.applied.File)
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
		_, err := report.WriteBundle(p.out, r, report.BundleExtras{
			Options:       report.Options{Lang: o.lang, Outcomes: o.outcomes},
			Extras:        x,
			ChromeVersion: chrome,
			ConfigHash:    p.hash,
			Secrets:       secrets,
		})
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
