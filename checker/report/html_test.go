package report_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

func htmlOf(t *testing.T, r *report.Report, o report.Options, x *report.Extras) string {
	t.Helper()
	return render(t, func(b *bytes.Buffer) error { return report.WriteHTMLWith(b, r, o, x) })
}

// The policy allows exactly the inline script, by its hash.
func TestHTMLScriptHashMatchesPolicy(t *testing.T) {
	out := htmlOf(t, flowSample(t), report.Options{}, nil)
	m := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindStringSubmatch(out)
	require.Len(t, m, 2)
	sum := sha256.Sum256([]byte(m[1]))
	hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	assert.Contains(t, report.HTMLPolicy, "script-src "+hash)
	assert.Contains(t, report.HTMLPolicy, "default-src 'none'")
	assert.Contains(t, report.HTMLPolicy, "img-src data:")
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(out)
	require.Len(t, csp, 2)
	assert.Equal(t, report.HTMLPolicy, html.UnescapeString(csp[1]))
	assert.NotRegexp(t, `(?i)<link|<iframe|https?://[^"<\s]*\.(js|css|png|woff)`, out, "nothing is fetched")
}

func TestHTMLStructure(t *testing.T) {
	r := flowSample(t)
	out := htmlOf(t, r, report.Options{Lang: "sv"}, flowExtras(t, r))
	doc, err := html.Parse(strings.NewReader(out))
	require.NoError(t, err)
	var headings []int
	landmarks := map[string]int{}
	var htmlLang string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				htmlLang = attr(n, "lang")
			case "h1", "h2", "h3", "h4", "h5", "h6":
				headings = append(headings, int(n.Data[1]-'0'))
			case "header", "nav", "main", "footer":
				landmarks[n.Data]++
			case "th":
				assert.NotEmpty(t, attr(n, "scope"), "table headers have a scope")
			case "img":
				assert.NotEmpty(t, attr(n, "alt"), "images have alt text")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	assert.Equal(t, "sv", htmlLang)
	assert.Equal(t, map[string]int{"header": 1, "nav": 1, "main": 1, "footer": 1}, landmarks)
	require.NotEmpty(t, headings)
	assert.Equal(t, 1, headings[0])
	ones := 0
	for i, h := range headings {
		if h == 1 {
			ones++
		}
		if i > 0 {
			assert.LessOrEqual(t, h, headings[i-1]+1, "heading levels do not skip (heading %d)", i)
		}
	}
	assert.Equal(t, 1, ones, "one h1")
	assert.Contains(t, out, `<a class="skip" href="#main">Hoppa till rapporten</a>`)
	assert.Contains(t, out, `<main id="main"`)
}

func TestHTMLSummaryInPlainWords(t *testing.T) {
	r := flowSample(t)
	out := htmlOf(t, r, report.Options{}, nil)
	assert.Contains(t, out, "Can a person complete this service?")
	assert.Contains(t, out, `<p class="answer no">No.`, "a critical failure stops people")
	assert.Contains(t, out, `<a href="#page-1"><bdi>Step 1: Startsida</bdi></a>: demo-img`, "the step that stops people")
	assert.Contains(t, out, "People who use a screen reader", "who the missing alt text stops")
	assert.Contains(t, out, "People with low vision")
	assert.Contains(t, out, "The tool decided ")
	assert.NotContains(t, out, "conforms")

	// Without critical failures, the answer is hedged, never a claim.
	for i := range r.Pages {
		for j := range r.Pages[i].Findings {
			f := &r.Pages[i].Findings[j]
			if f.Impact == 4 {
				f.Impact = 3
			}
		}
	}
	out = htmlOf(t, r, report.Options{}, nil)
	assert.Contains(t, out, `<p class="answer hard">Perhaps`)
	r = report.Build(report.Page{URL: "a.html"})
	out = htmlOf(t, r, report.Options{}, nil)
	assert.Contains(t, out, `<p class="answer yes">The automated checks found nothing that stops people completely. That is not proof`)
}

func TestHTMLScreenshotMarks(t *testing.T) {
	r := flowSample(t)
	x := &report.Extras{Screenshots: map[string][]byte{"Personuppgifter": pngOf(t, 800, 1000)}, ScreenshotScale: 2}
	out := htmlOf(t, r, report.Options{}, x)
	assert.Contains(t, out, `width="400" height="500"`, "CSS size of a 2x screenshot")
	// Box {40, 300, 300×20} on a 400×500 CSS-pixel page.
	assert.Contains(t, out, `<span class="box" style="left:10.000%;top:60.000%;width:75.000%;height:4.000%" aria-hidden="true"><span>1</span></span>`)
	assert.Contains(t, out, `<span class="badge num">1</span>`, "the finding carries its number")
	assert.Contains(t, out, "Number 1 on the screenshot")
	assert.Equal(t, 1, strings.Count(out, "data:image/png;base64,"), "only the page with a screenshot has one")

	// Not an image: not embedded.
	x.Screenshots["Personuppgifter"] = []byte("<svg onload=alert(1)>")
	out = htmlOf(t, r, report.Options{}, x)
	assert.NotContains(t, out, "data:image")
	assert.NotContains(t, out, "<svg onload")
}

func TestHTMLWorksWithoutScript(t *testing.T) {
	out := htmlOf(t, flowSample(t), report.Options{Outcomes: report.AllOutcomes()}, nil)
	// The filter form is hidden until the script shows it; no finding is
	// hidden in the markup.
	assert.Contains(t, out, `<form id="filters" hidden`)
	assert.NotRegexp(t, `<li class="finding"[^>]*hidden`, out)
	assert.Equal(t, 10, strings.Count(out, `<li class="finding"`), "every finding, waived ones in their own list")
	assert.Contains(t, out, `<details class="group fgroup">`, "groups are collapsed")
	assert.Contains(t, out, "@media print")
	assert.Contains(t, out, "@media (max-width:40rem)")
}

func TestHTMLBidiNeutralised(t *testing.T) {
	out := htmlOf(t, sample(t), report.Options{}, nil)
	assert.False(t, bidiControls.MatchString(out))
	assert.Contains(t, out, `\u202eevil\u202c`)
	assert.NotContains(t, out, "\x1b")
}

func TestHTMLCoverageHonest(t *testing.T) {
	out := htmlOf(t, flowSample(t), report.Options{}, nil)
	assert.Contains(t, out, "The tool decided 4 of the 55 WCAG 2.2 A/AA criteria; 51 need a person.")
	assert.Contains(t, out, "This is not a statement of conformance.")
	assert.Contains(t, out, `<th scope="row">4.1.1 Parsing (not in WCAG 2.2)</th>`)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// The report's colours keep text at 4.5:1 or more on its backgrounds, and
// white badge text on coloured badges too.
func TestHTMLPaletteContrast(t *testing.T) {
	css, err := os.ReadFile(filepath.Join("html_template", "report.css"))
	require.NoError(t, err)
	vars := map[string]a11y.Color{}
	for _, m := range regexp.MustCompile(`--([a-z]+):(#[0-9a-f]{6})`).FindAllStringSubmatch(string(css), -1) {
		c, err := a11y.ParseColor(m[2])
		require.NoError(t, err)
		vars[m[1]] = c
	}
	white, _ := a11y.ParseColor("#fff")
	require.Contains(t, vars, "soft")
	for _, name := range []string{"fg", "muted", "link", "fail", "tell", "pass", "mark"} {
		c, ok := vars[name]
		require.True(t, ok, name)
		for bgName, bg := range map[string]a11y.Color{"white": white, "soft": vars["soft"]} {
			assert.GreaterOrEqual(t, a11y.Contrast(c, bg), 4.5, "--%s on %s", name, bgName)
		}
	}
	// Lines and outlines need 3:1 against white (non-text contrast).
	assert.GreaterOrEqual(t, a11y.Contrast(vars["line"], white), 3.0)
}
