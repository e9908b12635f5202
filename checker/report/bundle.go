package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/delaktig/delaktig/a11y"
)

// Redacted replaces secret values in an evidence bundle.
const Redacted = "[redacted]"

// minSecret is the shortest secret scrubbed from a bundle: shorter values
// ("1", "ja") occur everywhere, and replacing them would wreck the report.
const minSecret = 4

// ErrSecretInBundle is returned by WriteBundle when a secret value is still
// found in a written file (a screenshot that holds it, say). The file is
// removed.
var ErrSecretInBundle = errors.New("report: a secret value is in a bundle file")

// BundleExtras is what an evidence bundle holds besides the report.
type BundleExtras struct {
	// Options choose the language and outcomes of the human-readable
	// reports. report.json always holds every outcome.
	Options Options
	// Extras are passed to every writer; their Screenshots are also
	// written to screenshots/.
	Extras *Extras
	// Formats lists the report formats to write besides report.json (see
	// FormatNames); empty means every format but text (report.txt is
	// written only when listed).
	// report.json is always written: it is the record the others are made
	// from, and the baseline of the next run.
	Formats []string
	// Snapshots holds what was captured of each page (the DOM as HTML, a
	// DOM snapshot as JSON), keyed by PageKey; written to snapshots/.
	Snapshots map[string][]byte
	// Statements lists the accessibility statements to draft, with Org.
	Statements []Jurisdiction
	// Org names the organisation for the statements.
	Org Organisation
	// ChromeVersion is the browser's version string ("" for static runs).
	ChromeVersion string
	// ConfigHash is the hash of the settings used (config.Config.Hash).
	ConfigHash string
	// Secrets lists values that must not reach any file: the values of
	// ${env:…} in the flow. Each is replaced by Redacted in every text
	// field before writing (also in its URL-encoded forms), and every
	// written file is then searched for it. Values shorter than four bytes
	// cannot be scrubbed safely and are only counted in meta.json.
	Secrets []string
	// Written is the time recorded as the bundle's writing time; zero
	// means now.
	Written time.Time
}

// BundleMeta is meta.json: what made the bundle and what it holds.
type BundleMeta struct {
	Tool               Tool         `json:"tool"`
	Schema             int          `json:"schema"`
	FingerprintVersion string       `json:"fingerprintVersion"`
	Rules              []BundleRule `json:"rules"`
	Chrome             string       `json:"chrome,omitempty"`
	ConfigHash         string       `json:"configHash,omitempty"`
	Generated          time.Time    `json:"generated,omitzero"`
	Written            time.Time    `json:"written"`
	Summary            Summary      `json:"summary"`
	Coverage           struct {
		Total      int `json:"total"`
		Decided    int `json:"decided"`
		NeedPerson int `json:"needPerson"`
	} `json:"coverage"`
	// Redactions counts secret values replaced; ShortSecrets counts
	// secrets too short to scrub.
	Redactions   int `json:"redactions"`
	ShortSecrets int `json:"shortSecrets,omitempty"`
	// Files lists every other file of the bundle with its SHA-256.
	Files []BundleFile `json:"files"`
}

// BundleRule is one rule that ran.
type BundleRule struct {
	ID    string   `json:"id"`
	Since string   `json:"since,omitempty"`
	WCAG  []string `json:"wcag,omitempty"`
	ACT   []string `json:"act,omitempty"`
}

// BundleFile is one file of a bundle.
type BundleFile struct {
	Path   string `json:"path"`
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// WriteBundle writes an evidence bundle into dir (created if needed):
// report.json (every outcome), report.html, report.sarif, report.junit.xml,
// report.earl.jsonld, report.md (those b.Formats names, all when it names
// none), screenshots/*, snapshots/*, the requested statement drafts
// (statement.sv.md and .html, statement.nb.md and .html),
// and meta.json with the tool, rule and Chrome versions, the settings'
// hash, timestamps and the SHA-256 of every file. Secret values are
// scrubbed first and searched for afterwards (see BundleExtras.Secrets).
// It returns the meta it wrote.
func WriteBundle(dir string, r *Report, b BundleExtras) (*BundleMeta, error) {
	sc := newScrubber(b.Secrets)
	rr := sc.report(r)
	x := sc.extras(b.Extras)
	org := Organisation{
		Name: sc.s(b.Org.Name), Service: sc.s(b.Org.Service), URL: sc.s(b.Org.URL), ContactEmail: sc.s(b.Org.ContactEmail),
		ContactPhone: sc.s(b.Org.ContactPhone), FeedbackURL: sc.s(b.Org.FeedbackURL), EnforcementURL: sc.s(b.Org.EnforcementURL),
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("report: bundle: %w", err)
	}
	meta := &BundleMeta{
		Tool: rr.Tool, Schema: Schema, FingerprintVersion: FingerprintVersion,
		Chrome: b.ChromeVersion, ConfigHash: b.ConfigHash, Generated: rr.Generated, Summary: rr.Summary,
		Written: b.Written, ShortSecrets: sc.short,
	}
	if meta.Written.IsZero() {
		meta.Written = time.Now().UTC()
	}
	for _, rule := range x.rules(rr) {
		meta.Rules = append(meta.Rules, BundleRule{ID: rule.ID, Since: rule.Since, WCAG: rule.WCAG, ACT: rule.ACT})
	}
	m := BuildMatrix(rr, x.rules(rr))
	meta.Coverage.Total, meta.Coverage.Decided, meta.Coverage.NeedPerson = m.Total, m.Decided, m.NeedPerson

	write := func(name string, fn func(io.Writer) error) error {
		var buf bytes.Buffer
		if err := fn(&buf); err != nil {
			return err
		}
		return meta.add(dir, name, buf.Bytes())
	}
	all := b.Options
	all.Outcomes = AllOutcomes()
	steps := []bundleStep{{"report.json", func(w io.Writer) error { return WriteJSONWith(w, rr, all, x) }}}
	for _, f := range formats {
		listed := slices.Contains(b.Formats, f.Name)
		if f.Name == "json" || len(b.Formats) > 0 && !listed || len(b.Formats) == 0 && f.Name == "text" {
			continue
		}
		steps = append(steps, bundleStep{"report" + f.Ext, func(w io.Writer) error { return f.WriteWith(w, rr, b.Options, x) }})
	}
	for _, j := range b.Statements {
		s, err := DraftStatement(j, rr, StatementInput{Org: org, Rules: x.rules(rr), Date: rr.Generated})
		if err != nil {
			return nil, err
		}
		steps = append(steps,
			bundleStep{"statement." + s.Lang + ".md", s.WriteMarkdown},
			bundleStep{"statement." + s.Lang + ".html", s.WriteHTML})
	}
	for _, st := range steps {
		if err := write(st.name, st.fn); err != nil {
			return nil, fmt.Errorf("report: bundle: %s: %w", st.name, err)
		}
	}
	for i, p := range rr.Pages {
		key := PageKey(r.Pages[i])
		if img := b.screenshot(key); len(img) > 0 {
			if err := meta.add(dir, fileName("screenshots", i, PageKey(p), img), img); err != nil {
				return nil, fmt.Errorf("report: bundle: %w", err)
			}
		}
		if snap, ok := b.Snapshots[key]; ok {
			if utf8.Valid(snap) {
				snap = []byte(sc.s(string(snap)))
			}
			if err := meta.add(dir, fileName("snapshots", i, PageKey(p), snap), snap); err != nil {
				return nil, fmt.Errorf("report: bundle: %w", err)
			}
		}
	}
	meta.Redactions = sc.count
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(meta); err != nil {
		return nil, fmt.Errorf("report: bundle: meta.json: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "meta.json"), buf.Bytes(), 0o644); err != nil {
		return nil, fmt.Errorf("report: bundle: %w", err)
	}
	// Search every file for the secrets, whatever wrote it.
	var leaks []error
	for _, f := range append(slices.Clone(meta.Files), BundleFile{Path: "meta.json"}) {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("report: bundle: %w", err)
		}
		if sc.found(data) {
			_ = os.Remove(path)
			leaks = append(leaks, fmt.Errorf("%w: %s (removed)", ErrSecretInBundle, f.Path))
		}
	}
	return meta, errors.Join(leaks...)
}

// bundleStep is one report file of a bundle and how to write it.
type bundleStep struct {
	name string
	fn   func(io.Writer) error
}

func (b *BundleExtras) screenshot(key string) []byte {
	if b.Extras == nil {
		return nil
	}
	return b.Extras.Screenshots[key]
}

// add writes one file of the bundle and records it.
func (m *BundleMeta) add(dir, name string, data []byte) error {
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	m.Files = append(m.Files, BundleFile{Path: name, Bytes: len(data), SHA256: hex.EncodeToString(sum[:])})
	return nil
}

// fileName names a page's screenshot or snapshot: the page's number and a
// slug of its key, with an extension from the content.
func fileName(sub string, i int, key string, data []byte) string {
	ext := ".bin"
	switch ct := http.DetectContentType(data); {
	case ct == "image/png":
		ext = ".png"
	case ct == "image/jpeg":
		ext = ".jpg"
	case ct == "image/webp":
		ext = ".webp"
	case ct == "image/gif":
		ext = ".gif"
	case strings.HasPrefix(ct, "text/html"):
		ext = ".html"
	case json.Valid(data):
		ext = ".json"
	case strings.HasPrefix(ct, "text/"):
		ext = ".txt"
	}
	var slug strings.Builder
	dash := false
	for _, r := range strings.ToLower(key) {
		if slug.Len() >= 40 {
			break
		}
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && slug.Len() > 0 {
				slug.WriteByte('-')
			}
			dash = false
			slug.WriteRune(r)
		case r == 'å' || r == 'ä':
			slug.WriteByte('a')
		case r == 'ö' || r == 'ø':
			slug.WriteByte('o')
		case r == 'æ':
			slug.WriteString("ae")
		default:
			dash = true
		}
	}
	name := fmt.Sprintf("%02d", i+1)
	if slug.Len() > 0 {
		name += "-" + slug.String()
	}
	return sub + "/" + name + ext
}

// scrubber replaces secret values in text.
type scrubber struct {
	forms []string // each secret and its URL-encoded forms, longest first
	short int
	count int
}

func newScrubber(secrets []string) *scrubber {
	sc := &scrubber{}
	seen := map[string]bool{}
	for _, s := range secrets {
		if s == "" {
			continue
		}
		if len(s) < minSecret {
			sc.short++
			continue
		}
		for _, f := range []string{s, url.QueryEscape(s), url.PathEscape(s), strings.ReplaceAll(url.QueryEscape(s), "+", "%20")} {
			if !seen[f] {
				seen[f] = true
				sc.forms = append(sc.forms, f)
			}
		}
	}
	slices.SortFunc(sc.forms, func(a, b string) int { return len(b) - len(a) })
	return sc
}

// s returns v with every secret replaced.
func (sc *scrubber) s(v string) string {
	for _, f := range sc.forms {
		if n := strings.Count(v, f); n > 0 {
			sc.count += n
			v = strings.ReplaceAll(v, f, Redacted)
		}
	}
	return v
}

func (sc *scrubber) found(data []byte) bool {
	for _, f := range sc.forms {
		if bytes.Contains(data, []byte(f)) {
			return true
		}
	}
	return false
}

// value scrubs a JSON-like value (readability, complexity, message data).
func (sc *scrubber) value(v any) any {
	if v == nil || len(sc.forms) == 0 {
		return v
	}
	if s, ok := v.(string); ok {
		return sc.s(s)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var out any
	if json.Unmarshal(b, &out) != nil {
		return nil
	}
	return sc.walk(out)
}

func (sc *scrubber) walk(v any) any {
	switch x := v.(type) {
	case string:
		return sc.s(x)
	case []any:
		for i := range x {
			x[i] = sc.walk(x[i])
		}
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[sc.s(k)] = sc.walk(e)
		}
		return out
	}
	return v
}

func (sc *scrubber) finding(f a11y.Finding) a11y.Finding {
	f.Node = nil
	f.Selector, f.Snippet, f.Message, f.Help = sc.s(f.Selector), sc.s(f.Snippet), sc.s(f.Message), sc.s(f.Help)
	f.XPath, f.Question, f.Suppressed, f.Step = sc.s(f.XPath), sc.s(f.Question), sc.s(f.Suppressed), sc.s(f.Step)
	if f.Data != nil {
		d := a11y.Data{}
		for k, v := range f.Data {
			d[k] = sc.value(v)
		}
		f.Data = d
	}
	if f.Related != nil {
		rel := make([]a11y.Target, len(f.Related))
		for i, t := range f.Related {
			rel[i] = a11y.Target{Selector: sc.s(t.Selector), XPath: sc.s(t.XPath), Snippet: sc.s(t.Snippet)}
		}
		f.Related = rel
	}
	return f
}

func (sc *scrubber) findings(fs []a11y.Finding) []a11y.Finding {
	if fs == nil {
		return nil
	}
	out := make([]a11y.Finding, len(fs))
	for i, f := range fs {
		out[i] = sc.finding(f)
	}
	return out
}

// report returns a copy of r with every text field scrubbed.
func (sc *scrubber) report(r *Report) *Report {
	c := *r
	c.Pages = make([]Page, len(r.Pages))
	for i, p := range r.Pages {
		p.URL, p.Step, p.Title, p.Lang = sc.s(p.URL), sc.s(p.Step), sc.s(p.Title), sc.s(p.Lang)
		p.Findings = sc.findings(p.Findings)
		if p.Findings == nil {
			p.Findings = []a11y.Finding{}
		}
		p.Readability, p.Complexity = sc.value(p.Readability), sc.value(p.Complexity)
		p.Errors = sc.strings(p.Errors)
		c.Pages[i] = p
	}
	if r.Flow != nil {
		fl := *r.Flow
		fl.Name = sc.s(fl.Name)
		fl.Findings = sc.findings(fl.Findings)
		fl.Complexity = sc.value(fl.Complexity)
		c.Flow = &fl
	}
	c.Errors = sc.strings(r.Errors)
	c.Summary.RulesFailed = slices.Clone(r.Summary.RulesFailed)
	if r.Waivers != nil {
		c.Waivers = slices.Clone(r.Waivers)
		for i := range c.Waivers {
			w := &c.Waivers[i]
			w.Page, w.Rule, w.Selector, w.Step, w.Reason, w.File = sc.s(w.Page), sc.s(w.Rule), sc.s(w.Selector), sc.s(w.Step), sc.s(w.Reason), sc.s(w.File)
		}
	}
	c.Baseline = nil
	return &c
}

func (sc *scrubber) strings(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = sc.s(s)
	}
	return out
}

// extras returns a copy of x with its text scrubbed and its screenshots
// keyed as the scrubbed report's pages are.
func (sc *scrubber) extras(x *Extras) *Extras {
	if x == nil {
		return nil
	}
	c := *x
	if x.Screenshots != nil {
		c.Screenshots = map[string][]byte{}
		for k, v := range x.Screenshots {
			c.Screenshots[sc.s(k)] = v
		}
	}
	if x.Diff != nil {
		d := DiffResult{Source: sc.s(x.Diff.Source)}
		for _, list := range []struct{ src, dst *[]DiffEntry }{{&x.Diff.New, &d.New}, {&x.Diff.Fixed, &d.Fixed}, {&x.Diff.Unchanged, &d.Unchanged}} {
			for _, e := range *list.src {
				*list.dst = append(*list.dst, DiffEntry{Fingerprint: e.Fingerprint, Page: sc.s(e.Page), Finding: sc.finding(e.Finding)})
			}
		}
		c.Diff = &d
	}
	if x.History != nil {
		c.History = slices.Clone(x.History)
		for i := range c.History {
			c.History[i].Label = sc.s(c.History[i].Label)
		}
	}
	if x.Suppressions != nil {
		a := *x.Suppressions
		a.File = sc.s(a.File)
		scrub := func(es []Suppression) []Suppression {
			out := slices.Clone(es)
			for i := range out {
				e := &out[i]
				e.Rule, e.Fingerprint, e.Selector, e.URL, e.Step, e.Reason = sc.s(e.Rule), sc.s(e.Fingerprint), sc.s(e.Selector), sc.s(e.URL), sc.s(e.Step), sc.s(e.Reason)
			}
			return out
		}
		a.Entries, a.Unused, a.Expired = scrub(a.Entries), scrub(a.Unused), scrub(a.Expired)
		c.Suppressions = &a
	}
	return &c
}
