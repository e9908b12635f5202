package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// Hostile content as a checked page can supply it.
const (
	xssScript = `<script>alert("x")</script>`
	xssAttr   = `"><img src=x onerror=alert(1)>`
	jsURL     = `javascript:alert(document.cookie)`
	bidi      = "\u202eexe.txt\u202c \u2066iso\u2069 \u202a\u202b\u202d"
	mention   = "@everyone see https://evil.example/ [click](javascript:alert(1)) | pipe `tick` **bold**"
)

var huge = strings.Repeat("A", 1<<20)

// hostileReport is a report whose every page-derived field is hostile, as
// a report read back from JSON could be: scripts, attribute breakouts,
// javascript: URLs, bidi controls, Markdown tricks and 1 MB values.
func hostileReport(t testing.TB) *report.Report {
	t.Helper()
	bad := xssScript + xssAttr + jsURL + bidi + mention
	f := func(out a11y.Outcome) a11y.Finding {
		return a11y.Finding{
			Rule: "demo-img", Outcome: out, WCAG: []string{"1.1.1"}, Level: "A", ACT: []string{"23a2a8"}, EN301549: []string{"9.1.1.1"},
			Selector: "#x" + bad, XPath: "/html[1]/" + bad, Snippet: `<img src="` + bad + huge + `">` + xssScript,
			Message: bad + huge, Help: bad, Impact: a11y.Critical, Question: bad, Box: &a11y.Rect{X: -5, Y: 1e9, Width: 1e12, Height: 10},
		}
	}
	waived := f(a11y.Failed)
	waived.Suppressed = bad + huge
	p := report.Page{
		URL: jsURL + bad, Step: bad + huge, Title: bad + huge, Lang: `"><script>`, Mode: a11y.ModeBrowser,
		Findings:    []a11y.Finding{f(a11y.Failed), f(a11y.CantTell), f(a11y.Passed), waived},
		Readability: map[string]any{bad: bad + huge, "lix": 40},
		Complexity:  map[string]any{"note": bad},
		Errors:      []string{bad + huge},
	}
	r := report.Build(p)
	r.Flow = &report.Flow{Name: bad + huge, Steps: 1, Findings: []a11y.Finding{{Rule: "demo-flow", Outcome: a11y.Failed, Step: bad, Message: bad, Impact: a11y.Moderate}}}
	r.Summarize()
	r.AddError(bad + huge)
	r.Tool.Version = "test"
	r.Generated = time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)
	return r
}

type writer struct {
	name  string
	write func(io.Writer, *report.Report) error
}

func allWriters(x *report.Extras) []writer {
	all := report.Options{Outcomes: report.AllOutcomes()}
	return []writer{
		{"html", func(w io.Writer, r *report.Report) error { return report.WriteHTMLWith(w, r, all, x) }},
		{"sarif", func(w io.Writer, r *report.Report) error { return report.WriteSARIFWith(w, r, all, x) }},
		{"junit", func(w io.Writer, r *report.Report) error { return report.WriteJUnit(w, r, all) }},
		{"earl", func(w io.Writer, r *report.Report) error { return report.WriteEARL(w, r, all) }},
		{"md", func(w io.Writer, r *report.Report) error { return report.WriteMarkdownWith(w, r, all, x) }},
		{"json", func(w io.Writer, r *report.Report) error { return report.WriteJSON(w, r, all) }},
	}
}

// stripCodeSpans removes Markdown code spans as CommonMark finds them: a
// run of n backticks up to the next run of exactly n on the same line.
func stripCodeSpans(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		for i := 0; i < len(line); {
			if line[i] != '`' {
				b.WriteByte(line[i])
				i++
				continue
			}
			n := 0
			for i+n < len(line) && line[i+n] == '`' {
				n++
			}
			end := -1
			for j := i + n; j < len(line); {
				if line[j] != '`' {
					j++
					continue
				}
				m := 0
				for j+m < len(line) && line[j+m] == '`' {
					m++
				}
				if m == n {
					end = j + m
					break
				}
				j += m
			}
			if end < 0 {
				b.WriteString(line[i : i+n])
				i += n
				continue
			}
			i = end
		}
	}
	return b.String()
}

var bidiControls = regexp.MustCompile("[\u202a-\u202e\u2066-\u2069]")

func TestHostileContentThroughEveryWriter(t *testing.T) {
	r := hostileReport(t)
	x := &report.Extras{Screenshots: map[string][]byte{report.PageKey(r.Pages[0]): pngOf(t, 50, 50)}}
	for _, w := range allWriters(x) {
		t.Run(w.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, w.write(&b, r))
			out := b.String()
			if w.name != "json" {
				// JSON is the raw model (escaped by the JSON writer); the
				// others bound every page-derived field.
				assert.Less(t, len(out), 300_000, "1 MB values are cut")
			}
			assert.False(t, bidiControls.MatchString(out), "bidi controls are neutralised")
			switch w.name {
			case "html":
				checkHTMLSafe(t, out)
			case "sarif", "earl", "json":
				assert.True(t, json.Valid(b.Bytes()), "valid JSON")
			case "junit":
				checkXML(t, b.Bytes())
			case "md":
				// Code spans show their content as it is, never as markup;
				// everything outside them must be inert.
				text := stripCodeSpans(out)
				for _, bad := range []string{"<script", "<img", "@everyone", "https://evil", "](javascript"} {
					assert.False(t, strings.Contains(text, bad), "markdown outside code spans holds %q", bad)
				}
				assert.Equal(t, strings.Count(out, "\n"), strings.Count(text, "\n"), "code spans stay on one line")
			}
		})
	}
}

// checkHTMLSafe parses the report as a browser would and asserts that page
// content cannot run or load anything: the only script element is ours,
// no element has an event-handler attribute, and every src and href is a
// fragment or an inline image.
func checkHTMLSafe(t *testing.T, out string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(out))
	require.NoError(t, err)
	scripts := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "script" {
				scripts++
			}
			assert.NotContains(t, []string{"iframe", "object", "embed", "link", "base", "form-action"}, n.Data)
			for _, a := range n.Attr {
				assert.False(t, strings.HasPrefix(strings.ToLower(a.Key), "on"), "event handler attribute %q on <%s>", a.Key, n.Data)
				if a.Key == "src" || a.Key == "href" {
					ok := strings.HasPrefix(a.Val, "#") || strings.HasPrefix(a.Val, "data:image/")
					assert.True(t, ok, "external or script reference in %s: %.60q", a.Key, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	assert.Equal(t, 1, scripts, "only the report's own script")
	assert.Equal(t, 1, strings.Count(strings.ToLower(out), "<script"), "no script tag from page content, even as text")
}

func checkXML(t *testing.T, b []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err, "valid XML")
	}
}
