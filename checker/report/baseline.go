package report

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/delaktig/delaktig/a11y"
)

// FingerprintVersion names the fingerprint recipe below. It changes when the
// recipe does, so that a baseline made with another recipe is recognised.
const FingerprintVersion = "delaktig/v1"

// Fingerprints returns the fingerprint of every finding of r: pages[i][j]
// belongs to r.Pages[i].Findings[j] and flow[j] to r.Flow.Findings[j].
//
// A fingerprint names "the same problem on the same element" across runs, so
// that a baseline can tell new findings from known ones. It is the first 16
// bytes, in hex, of a SHA-256 over:
//
//  1. the rule id;
//  2. the page: the flow step's name when there is one, else the URL's path
//     without scheme, host, port, query or fragment (test servers change
//     ports; tracking parameters change per visit);
//  3. the element's tag path from the root ("/html/body/main/form/input"),
//     taken from the XPath with its positions dropped, so that adding an
//     element before it does not change it;
//  4. the element's signature from its snippet: the tag name and the values of
//     attributes that say what the element is (name, type, role, href and src
//     without query, alt, aria-label, title, placeholder, lang, for), plus
//     its id when the id holds no digit (ids with digits are usually
//     generated: #ember123, #react-select-3-input, :r5:); class, style,
//     data-* and id references are left out;
//  5. the element's text as the snippet shows it.
//
// In 4 and 5 white space is folded and every run of digits becomes "0", so
// that dates, counters and generated numbers do not change the fingerprint.
// Findings that are still equal (two identical images without alt text in
// one list) get "-2", "-3" … appended in document order. A finding keeps its
// fingerprint when other elements are added, removed or reordered, when its
// own generated id changes, and when the test server's port changes; it
// changes when the element's path, meaning or text does, which is a change
// a reviewer should see.
func Fingerprints(r *Report) (pages [][]string, flow []string) {
	pages = make([][]string, len(r.Pages))
	for i := range r.Pages {
		p := &r.Pages[i]
		pages[i] = fingerprintList(pageKeyForPrint(p), p.Findings)
	}
	if r.Flow != nil {
		flow = fingerprintList("", r.Flow.Findings)
	}
	return pages, flow
}

func fingerprintList(page string, fs []a11y.Finding) []string {
	out := make([]string, len(fs))
	seen := map[string]int{}
	for j := range fs {
		f := &fs[j]
		key := page
		if key == "" {
			key = "flow:" + f.Step
		}
		base := fingerprintBase(key, f)
		seen[base]++
		if n := seen[base]; n > 1 {
			base += "-" + strconv.Itoa(n)
		}
		out[j] = base
	}
	return out
}

func fingerprintBase(page string, f *a11y.Finding) string {
	h := sha256.New()
	for _, part := range []string{f.Rule, page, tagPath(f), elementSignature(f.Snippet)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// pageKeyForPrint is the page part of a fingerprint.
func pageKeyForPrint(p *Page) string {
	if p.Step != "" {
		return "step:" + p.Step
	}
	return "url:" + urlPath(p.URL)
}

// urlPath returns the path of a URL without host, port, query or fragment;
// a string that is no URL with a scheme (a local file name) is kept whole.
func urlPath(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || u.Opaque != "" {
		return s
	}
	if u.Path == "" {
		return "/"
	}
	return u.Path
}

var positions = regexp.MustCompile(`\[\d+\]`)

// tagPath returns the element's tag names from the root, without positions.
func tagPath(f *a11y.Finding) string {
	if f.XPath != "" {
		return positions.ReplaceAllString(f.XPath, "")
	}
	// Without an XPath (reports from other tools), use the selector's tag
	// names; an id step that anchors it keeps only its digit-free form.
	var parts []string
	for _, step := range strings.Split(f.Selector, ">") {
		step = strings.TrimSpace(step)
		if strings.HasPrefix(step, "#") {
			parts = append(parts, "#"+digits.ReplaceAllString(step[1:], "0"))
			continue
		}
		if i := strings.IndexAny(step, "#.:["); i >= 0 {
			step = step[:i]
		}
		parts = append(parts, step)
	}
	return strings.Join(parts, "/")
}

var digits = regexp.MustCompile(`[0-9]+`)

// signatureAttrs are the attributes that say what an element is.
var signatureAttrs = []string{"name", "type", "role", "href", "src", "alt", "aria-label", "title", "placeholder", "lang", "for"}

// elementSignature reduces a snippet to what identifies the element: its
// tag, meaningful attributes, a digit-free id and its text, normalised.
func elementSignature(snippet string) string {
	if snippet == "" {
		return ""
	}
	// Snippets are short (a11y.MaxSnippet); a report read from elsewhere
	// may hold anything, so only the start is looked at.
	snippet = limitText(snippet, 4096)
	z := html.NewTokenizer(strings.NewReader(snippet))
	var b strings.Builder
	started := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.StartTagToken, html.SelfClosingTagToken:
			if started {
				continue
			}
			started = true
			tok := z.Token()
			b.WriteString(tok.Data)
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				attrs[a.Key] = a.Val
			}
			if id := attrs["id"]; id != "" && !strings.ContainsAny(id, "0123456789") {
				b.WriteString(" id=" + norm(id))
			}
			for _, k := range signatureAttrs {
				v, ok := attrs[k]
				if !ok {
					continue
				}
				if k == "href" || k == "src" {
					if i := strings.IndexAny(v, "?#"); i >= 0 {
						v = v[:i]
					}
				}
				b.WriteString(" " + k + "=" + norm(v))
			}
			b.WriteString(">")
		case html.TextToken:
			if started {
				b.WriteString(norm(string(z.Text())))
			}
		}
	}
}

// norm folds white space and turns digit runs into "0".
func norm(s string) string {
	return digits.ReplaceAllString(strings.Join(strings.Fields(s), " "), "0")
}

// Baseline statuses of a finding, as writers show them.
const (
	// StatusNew marks a finding the baseline lacks.
	StatusNew = "new"
	// StatusUnchanged marks a finding the baseline has too.
	StatusUnchanged = "unchanged"
	// StatusFixed marks a finding of the baseline that the newer report
	// lacks.
	StatusFixed = "fixed"
)

// Comparison is a baseline comparison as the JSON report carries it, under
// "baseline": the counts, then every compared finding with its status (new
// ones first, then fixed, then unchanged). New and unchanged findings are
// also in the pages; fixed ones are only here.
type Comparison struct {
	// Source names the baseline file, when known.
	Source string `json:"source,omitempty"`
	// FingerprintVersion names the fingerprint recipe (FingerprintVersion).
	FingerprintVersion string `json:"fingerprintVersion"`
	// Counts holds how many findings have each status.
	Counts ComparisonCounts `json:"counts"`
	// Findings lists the compared findings.
	Findings []Compared `json:"findings"`
}

// ComparisonCounts counts the findings of a comparison by status.
type ComparisonCounts struct {
	New       int `json:"new"`
	Fixed     int `json:"fixed"`
	Unchanged int `json:"unchanged"`
}

// Compared is one finding of a comparison.
type Compared struct {
	// Status is StatusNew, StatusFixed or StatusUnchanged.
	Status string `json:"status"`
	// Fingerprint is the finding's fingerprint (see Fingerprints).
	Fingerprint string `json:"fingerprint"`
	// Page is the PageKey of the finding's page ("" for the flow).
	Page string `json:"page"`
	// Rule, Outcome, Selector, Step and Message are the finding's.
	Rule     string       `json:"rule"`
	Outcome  a11y.Outcome `json:"outcome"`
	Selector string       `json:"selector,omitempty"`
	Step     string       `json:"step,omitempty"`
	Message  string       `json:"message,omitempty"`
}

// Comparison returns the comparison as the JSON report carries it, with
// messages in lang. It returns nil for a nil d.
func (d *DiffResult) Comparison(lang string) *Comparison {
	if d == nil {
		return nil
	}
	c := &Comparison{
		Source: d.Source, FingerprintVersion: FingerprintVersion,
		Counts:   ComparisonCounts{New: len(d.New), Fixed: len(d.Fixed), Unchanged: len(d.Unchanged)},
		Findings: []Compared{},
	}
	for _, list := range []struct {
		status  string
		entries []DiffEntry
	}{{StatusNew, d.New}, {StatusFixed, d.Fixed}, {StatusUnchanged, d.Unchanged}} {
		for _, e := range list.entries {
			f := localized(e.Finding, lang)
			c.Findings = append(c.Findings, Compared{
				Status: list.status, Fingerprint: e.Fingerprint, Page: e.Page, Rule: f.Rule, Outcome: f.Outcome,
				Selector: f.Selector, Step: f.Step, Message: f.Message,
			})
		}
	}
	return c
}

// localized returns f with its message rendered in lang when it carries a
// message key; a finding read back from JSON keeps the text it has.
func localized(f a11y.Finding, lang string) a11y.Finding {
	f.Node = nil
	if f.Key == "" {
		return f
	}
	one := []a11y.Finding{f}
	a11y.Localize(one, lang)
	return one[0]
}

// DiffEntry is one finding in a baseline comparison.
type DiffEntry struct {
	// Fingerprint is the finding's fingerprint (see Fingerprints).
	Fingerprint string `json:"fingerprint"`
	// Page is the PageKey of the finding's page ("" for a flow finding).
	Page string `json:"page"`
	// Finding is the finding as the newer report has it (the older one for
	// fixed findings).
	Finding a11y.Finding `json:"finding"`
}

// DiffResult compares a report with a baseline: failed and cantTell
// findings that are not suppressed, matched by outcome and fingerprint.
type DiffResult struct {
	// Source names the baseline (its file), for writers; optional.
	Source string `json:"source,omitempty"`
	// New lists findings of the new report that the baseline lacks.
	New []DiffEntry `json:"new"`
	// Fixed lists findings of the baseline that the new report lacks.
	Fixed []DiffEntry `json:"fixed"`
	// Unchanged lists findings that both have.
	Unchanged []DiffEntry `json:"unchanged"`

	status map[string]string
}

// Diff compares report cur with the baseline old. A finding whose outcome
// changed (cantTell to failed) counts as fixed under its old outcome and new
// under its new one. A baseline finding that cur still has but waives (in
// the page or by a suppressions file) is not fixed: it is in none of the
// three lists.
func Diff(old, cur *Report) DiffResult {
	oldSet := diffEntries(old)
	curSet := diffEntries(cur)
	waived := map[string]bool{}
	for _, e := range waivedEntries(cur) {
		waived[diffKey(e)] = true
	}
	d := DiffResult{New: []DiffEntry{}, Fixed: []DiffEntry{}, Unchanged: []DiffEntry{}, status: map[string]string{}}
	have := map[string]bool{}
	for _, e := range oldSet {
		have[diffKey(e)] = true
	}
	now := map[string]bool{}
	for _, e := range curSet {
		k := diffKey(e)
		now[k] = true
		if have[k] {
			d.Unchanged = append(d.Unchanged, e)
			d.status[e.Fingerprint] = StatusUnchanged
		} else {
			d.New = append(d.New, e)
			d.status[e.Fingerprint] = StatusNew
		}
	}
	for _, e := range oldSet {
		if k := diffKey(e); !now[k] && !waived[k] {
			d.Fixed = append(d.Fixed, e)
		}
	}
	return d
}

// waivedEntries returns the waived failed and cantTell findings of r, with
// their fingerprints.
func waivedEntries(r *Report) []DiffEntry {
	if r == nil {
		return nil
	}
	pages, flow := Fingerprints(r)
	var out []DiffEntry
	for i, p := range r.Pages {
		for j, f := range p.Findings {
			if f.Suppressed != "" && (f.Outcome == a11y.Failed || f.Outcome == a11y.CantTell) {
				out = append(out, DiffEntry{Fingerprint: pages[i][j], Finding: a11y.Finding{Outcome: f.Outcome}})
			}
		}
	}
	if r.Flow != nil {
		for j, f := range r.Flow.Findings {
			if f.Suppressed != "" && (f.Outcome == a11y.Failed || f.Outcome == a11y.CantTell) {
				out = append(out, DiffEntry{Fingerprint: flow[j], Finding: a11y.Finding{Outcome: f.Outcome}})
			}
		}
	}
	return out
}

func diffKey(e DiffEntry) string { return e.Finding.Outcome.String() + " " + e.Fingerprint }

func diffEntries(r *Report) []DiffEntry {
	if r == nil {
		return nil
	}
	pages, flow := Fingerprints(r)
	var out []DiffEntry
	add := func(page string, f a11y.Finding, fp string) {
		if f.Suppressed != "" || f.Outcome != a11y.Failed && f.Outcome != a11y.CantTell {
			return
		}
		f.Node = nil
		out = append(out, DiffEntry{Fingerprint: fp, Page: page, Finding: f})
	}
	for i, p := range r.Pages {
		for j, f := range p.Findings {
			add(PageKey(p), f, pages[i][j])
		}
	}
	if r.Flow != nil {
		for j, f := range r.Flow.Findings {
			add("", f, flow[j])
		}
	}
	return out
}

// Status returns the baseline status of a fingerprint in the newer report:
// StatusNew, StatusUnchanged, or "" when the finding took no part in the
// comparison (passed, suppressed, or no comparison was made).
func (d *DiffResult) Status(fingerprint string) string {
	if d == nil {
		return ""
	}
	if d.status == nil {
		d.status = map[string]string{}
		for _, e := range d.Unchanged {
			d.status[e.Fingerprint] = StatusUnchanged
		}
		for _, e := range d.New {
			d.status[e.Fingerprint] = StatusNew
		}
	}
	return d.status[fingerprint]
}

// NewFailures counts the new failed findings with impact at least min (a
// zero min counts all): what "--fail-on new" fails on.
func (d *DiffResult) NewFailures(min a11y.Impact) int {
	if d == nil {
		return 0
	}
	n := 0
	for _, e := range d.New {
		if e.Finding.Outcome == a11y.Failed && e.Finding.Impact >= min {
			n++
		}
	}
	return n
}

// sortedKeys returns the keys of a set in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
