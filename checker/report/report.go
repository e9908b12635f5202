// Package report is Delaktig's report model and its writers.
//
// A Report is the schema-1 object that design.md fixes as a contract:
//
//	{"schema": 1, "tool": {...}, "pages": [{"url", "step", "title", "lang", "mode",
//	  "findings": [...], "readability", "complexity"}], "flow": {...}, "summary": {...}}
//
// Fields may be added; none is renamed or removed without a schema bump.
//
// A Report keeps every outcome the rules produced. Writers choose which
// outcomes to list (failed and cantTell by default) and render messages in
// the language they are given, so one run can be written in several
// languages. Build and NewPage turn a11y results into a Report.
package report

import (
	"io"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/locale"
)

// Schema is the version of the report's JSON shape.
const Schema = 1

// ToolName is the tool name written in reports.
const ToolName = "delaktig"

// Report is one run of the checker over one or more pages, or one flow.
type Report struct {
	Schema  int     `json:"schema"`
	Tool    Tool    `json:"tool"`
	Pages   []Page  `json:"pages"`
	Flow    *Flow   `json:"flow,omitempty"`
	Summary Summary `json:"summary"`

	// Additions allowed by the schema.

	// Generated is when the report was made (zero: not written).
	Generated time.Time `json:"generated,omitzero"`
	// Locale is the language the messages are written in; writers set it.
	Locale string `json:"locale,omitempty"`
	// Errors lists targets that could not be loaded or checked, each naming
	// the target.
	Errors []string `json:"errors,omitempty"`
	// Baseline is the comparison with an earlier report, when one was
	// made; the JSON writer fills it from Extras.Diff.
	Baseline *Comparison `json:"baseline,omitempty"`
	// Waivers lists the findings a suppressions file waived, with the
	// entry's reason, expiry and line (see Suppressions.Apply).
	Waivers []Waiver `json:"waivers,omitempty"`
}

// Tool names the program that made the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Page is one checked page, or one audited step of a flow.
type Page struct {
	// URL is the page's address; for a local file, the path as given.
	URL string `json:"url"`
	// Step is the flow step's name ("" outside a flow).
	Step string `json:"step"`
	// Title is the text of the page's <title>.
	Title string `json:"title"`
	// Lang is the page's declared language (the lang attribute of <html>).
	Lang string `json:"lang"`
	// Mode is how the page was read: "static" or "browser".
	Mode a11y.Mode `json:"mode"`
	// Findings holds the outcomes, in document order then rule order.
	Findings []a11y.Finding `json:"findings"`
	// Readability holds plain-language measures of the page's text.
	Readability any `json:"readability,omitempty"`
	// Complexity holds form-complexity measures of the page.
	Complexity any `json:"complexity,omitempty"`

	// Errors lists rule faults on this page (each also a cantTell finding).
	Errors []string `json:"errors,omitempty"`
}

// Flow describes a flow audit as a whole.
type Flow struct {
	Name       string         `json:"name,omitempty"`
	Steps      int            `json:"steps"`
	Complexity any            `json:"complexity,omitempty"`
	Findings   []a11y.Finding `json:"findings,omitempty"`
}

// Summary counts every outcome of a report, whichever outcomes a writer
// lists. Suppressed findings are counted only in Suppressed.
type Summary struct {
	Failed      int      `json:"failed"`
	CantTell    int      `json:"cantTell"`
	RulesFailed []string `json:"rules_failed"`

	// Additions allowed by the schema.
	Passed       int `json:"passed"`
	Inapplicable int `json:"inapplicable"`
	Suppressed   int `json:"suppressed"`
	Pages        int `json:"pages"`
	Errors       int `json:"errors"`
}

// Version returns the version of the running program as the Go toolchain
// recorded it: the module version of an installed release, else "devel"
// with the commit when known.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	v := "devel"
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		v += "+" + rev + dirty
	}
	return v
}

// NewPage makes the Page of a checked document. res may be nil for a page
// that was loaded but not checked.
func NewPage(doc *a11y.Document, res *a11y.Result) Page {
	p := Page{Findings: []a11y.Finding{}}
	if doc != nil {
		p.URL = doc.URL
		p.Mode = doc.Mode
		p.Title, _ = doc.Title()
		p.Title = strings.Join(strings.Fields(p.Title), " ")
		if h := doc.HTML(); h != nil {
			p.Lang = strings.TrimSpace(h.Get("lang"))
		}
	}
	if res != nil {
		p.Findings = append(p.Findings, res.Findings...)
		for _, err := range res.Errors {
			p.Errors = append(p.Errors, firstLine(err.Error()))
		}
	}
	return p
}

// Build makes a report of the pages, with the tool's name and version and
// the summary filled in.
func Build(pages ...Page) *Report {
	r := &Report{
		Schema: Schema,
		Tool:   Tool{Name: ToolName, Version: Version()},
		Pages:  append([]Page{}, pages...),
	}
	r.Summarize()
	return r
}

// AddError records a target that could not be loaded or checked and updates
// the summary. The message should name the target.
func (r *Report) AddError(msg string) {
	r.Errors = append(r.Errors, firstLine(msg))
	r.Summarize()
}

// Summarize recomputes Summary from the pages, the flow and the errors.
// Call it after changing them by hand.
func (r *Report) Summarize() {
	s := Summary{Pages: len(r.Pages), Errors: len(r.Errors), RulesFailed: []string{}}
	failed := map[string]bool{}
	r.each(func(f *a11y.Finding) {
		if f.Suppressed != "" {
			s.Suppressed++
			return
		}
		switch f.Outcome {
		case a11y.Failed:
			s.Failed++
			failed[f.Rule] = true
		case a11y.CantTell:
			s.CantTell++
		case a11y.Passed:
			s.Passed++
		case a11y.Inapplicable:
			s.Inapplicable++
		}
	})
	for _, p := range r.Pages {
		s.Errors += len(p.Errors)
	}
	for id := range failed {
		s.RulesFailed = append(s.RulesFailed, id)
	}
	sort.Strings(s.RulesFailed)
	r.Summary = s
}

// Failures counts the failed findings, not suppressed, whose impact is at
// least min. A zero min counts every failure.
func (r *Report) Failures(min a11y.Impact) int {
	n := 0
	r.each(func(f *a11y.Finding) {
		if f.Outcome == a11y.Failed && f.Suppressed == "" && f.Impact >= min {
			n++
		}
	})
	return n
}

func (r *Report) each(fn func(*a11y.Finding)) {
	for i := range r.Pages {
		for j := range r.Pages[i].Findings {
			fn(&r.Pages[i].Findings[j])
		}
	}
	if r.Flow != nil {
		for j := range r.Flow.Findings {
			fn(&r.Flow.Findings[j])
		}
	}
}

// Options control what a writer lists and in which language.
type Options struct {
	// Lang is the language of messages and report words (a BCP 47 tag,
	// negotiated to en, sv or nb). Empty means English.
	Lang string
	// Outcomes lists the outcomes to list. Empty means failed and cantTell.
	// Suppressed findings are listed only when every outcome is asked for.
	Outcomes []a11y.Outcome
	// Color selects ANSI colours in the text writer.
	Color ColorMode
}

// ColorMode says when the text writer uses ANSI colours.
type ColorMode uint8

// The colour modes.
const (
	// ColorAuto colours only when the writer is a terminal.
	ColorAuto ColorMode = iota
	// ColorNever never colours.
	ColorNever
	// ColorAlways always colours.
	ColorAlways
)

// AllOutcomes lists every outcome, for Options.Outcomes.
func AllOutcomes() []a11y.Outcome {
	return []a11y.Outcome{a11y.Failed, a11y.CantTell, a11y.Passed, a11y.Inapplicable}
}

// DefaultOutcomes lists the outcomes written when none are asked for.
func DefaultOutcomes() []a11y.Outcome { return []a11y.Outcome{a11y.Failed, a11y.CantTell} }

func (o Options) outcomes() []a11y.Outcome {
	if len(o.Outcomes) == 0 {
		return DefaultOutcomes()
	}
	return o.Outcomes
}

func (o Options) lists(f *a11y.Finding) bool {
	want := o.outcomes()
	if f.Suppressed != "" && len(want) < len(AllOutcomes()) {
		return false
	}
	return slices.Contains(want, f.Outcome)
}

// Format is one output format of a report.
type Format struct {
	// Name is the value of --format.
	Name string
	// Ext is the usual file extension, with the dot.
	Ext string
	// Write writes the report.
	Write func(w io.Writer, r *Report, o Options) error
	// WriteWith writes the report with extras: the baseline comparison,
	// screenshots, rules and history, as far as the format shows them.
	WriteWith func(w io.Writer, r *Report, o Options, x *Extras) error
}

// formats lists the output formats in the order help shows them.
var formats = []Format{
	{Name: "text", Ext: ".txt", Write: WriteText, WriteWith: WriteTextWith},
	{Name: "json", Ext: ".json", Write: WriteJSON, WriteWith: WriteJSONWith},
	{Name: "html", Ext: ".html", Write: WriteHTML, WriteWith: WriteHTMLWith},
	{Name: "sarif", Ext: ".sarif", Write: WriteSARIF, WriteWith: WriteSARIFWith},
	{Name: "junit", Ext: ".junit.xml", Write: WriteJUnit, WriteWith: WriteJUnitWith},
	{Name: "md", Ext: ".md", Write: WriteMarkdown, WriteWith: WriteMarkdownWith},
	{Name: "earl", Ext: ".earl.jsonld", Write: WriteEARL, WriteWith: WriteEARLWith},
}

// Formats returns the output formats.
func Formats() []Format { return slices.Clone(formats) }

// FormatNames returns the names of the output formats.
func FormatNames() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.Name
	}
	return out
}

// FormatByName returns the output format with the given name.
func FormatByName(name string) (Format, bool) {
	for _, f := range formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// view returns a copy of r listing only the findings o asks for, with
// messages rendered in o's language. r itself is not changed.
func (r *Report) view(o Options) *Report {
	v, _, _ := r.viewIndex(o)
	return v
}

// viewIndex is view that also returns, for each page and for the flow, the
// index in r of every finding the view lists.
func (r *Report) viewIndex(o Options) (v *Report, pages [][]int, flow []int) {
	c := *r
	v = &c
	v.Locale = locale.Match(o.Lang)
	v.Pages = make([]Page, len(r.Pages))
	pages = make([][]int, len(r.Pages))
	for i, p := range r.Pages {
		p.Findings, pages[i] = o.filter(p.Findings, v.Locale)
		v.Pages[i] = p
	}
	if r.Flow != nil {
		fl := *r.Flow
		fl.Findings, flow = o.filter(fl.Findings, v.Locale)
		v.Flow = &fl
	}
	v.Summary.RulesFailed = append([]string{}, r.Summary.RulesFailed...)
	return v, pages, flow
}

// filter returns the findings o lists, localised, with their indices in fs.
func (o Options) filter(fs []a11y.Finding, lang string) ([]a11y.Finding, []int) {
	out := []a11y.Finding{}
	var index []int
	var keyed []int
	for i := range fs {
		if o.lists(&fs[i]) {
			if fs[i].Key != "" {
				keyed = append(keyed, len(out))
			}
			index = append(index, i)
			out = append(out, fs[i])
			// The engine locates only failed and cantTell findings;
			// locate any other outcome listed here.
			a11y.FillTarget(&out[len(out)-1])
		}
	}
	// Render only findings that carry a message key: a finding read back
	// from JSON keeps the text it was written with.
	tmp := make([]a11y.Finding, len(keyed))
	for i, j := range keyed {
		tmp[i] = out[j]
	}
	a11y.Localize(tmp, lang)
	for i, j := range keyed {
		out[j] = tmp[i]
	}
	return out, index
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
