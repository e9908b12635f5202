package report_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/checker/checkertest"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stepNames are the steps of the large report's flow.
var stepNames = []string{"Startsida", "Logga in", "Personuppgifter", "Adress", "Fordon", "Intyg från läkare",
	"Bilagor", "Betalning", "Granska och skicka", "Kvitto"}

// badStep is one step of a poorly built e-service: fields without labels,
// images without text, empty links and buttons, faint text, a table
// without headers, duplicate ids and page text with markup and bidi
// controls, so that the real rules find many kinds of problems. Each step
// repeats its blocks a different number of times.
func badStep(s int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="sv"><head><title>%s – Parkeringstillstånd</title>
<meta name="viewport" content="width=device-width, maximum-scale=1">
</head><body>
<div class="top"><img src="/logo.png?steg=%d"><a href="/"><img src="/hem.png"></a><a href="/hjalp"></a></div>
<div class="content">
<div style="font-size:28px;font-weight:bold">%s</div>
<p style="color:#aaa;background:#fff">Fyll i alla fält. Fält med stjärna * måste fyllas i.</p>
<form action="/steg-%d" method="post">
`, stepNames[s], s, stepNames[s], s+2)
	blocks := 2 + s%2
	for i := 0; i < blocks; i++ {
		fmt.Fprintf(&b, `<div class="row"><span style="color:#bbb">Fält %d *</span>
<input type="text" name="f%d" id="falt" autocomplete="nickname-x" placeholder="Skriv här">
<input type="checkbox" id="k%d"><span onclick="toggle(%d)">Jag godkänner &lt;villkoren&gt; ‮ovillkorligt‬</span>
<select name="val%d"><option>Välj</option><option>Ja</option></select>
<a href="#"><img src="/ikon-%d.png"></a>
<button type="button"><img src="/plus.png"></button>
<div role="button" tabindex="3">Mer</div>
<img src="/foto-%d.jpg" alt="bild">
</div>
`, i+1, i, i, i, i, i, i)
	}
	b.WriteString(`<table><tr><td>Avgift</td><td>Giltighet</td></tr><tr><td>500 kr</td><td>3 år</td></tr></table>
<div role="tablist"><div role="tab">Mer</div></div>
<ul><div>Fel i listan</div></ul>
<input type="submit" value="">
</form></div>
<iframe src="/karta.html"></iframe>
</body></html>`)
	return b.String()
}

// largeReport is a flow of ten steps whose pages the real rules checked
// (without a browser), with about five hundred failed and cantTell
// findings across many rules, screenshots with the findings' boxes,
// readability and complexity facts, flow findings, waived findings, a
// baseline, a history and a page that could not be loaded.
func largeReport(t testing.TB) (*report.Report, *report.Extras) {
	t.Helper()
	all := rules.All()
	var pages []report.Page
	for s := range stepNames {
		url := fmt.Sprintf("https://e-tjanst.example.se/parkering/steg-%d", s+1)
		doc, err := a11y.FromHTMLString(badStep(s), url)
		require.NoError(t, err)
		res, err := a11y.Check(context.Background(), doc, a11y.WithRules(all...))
		require.NoError(t, err)
		p := report.NewPage(doc, res)
		p.Step = stepNames[s]
		p.Mode = a11y.ModeBrowser
		waived := s%3 != 0
		for k := range p.Findings {
			f := &p.Findings[k]
			f.Node = nil
			if f.Selector != "html" && f.Outcome != a11y.Passed && f.Outcome != a11y.Inapplicable {
				f.Box = &a11y.Rect{X: float64(10 + (k*37)%260), Y: float64(20 + (k*53)%900), Width: 40, Height: 24}
			}
			if !waived && f.Rule == "image-alt" && f.Outcome == a11y.Failed {
				f.Suppressed = "Dekorativ ikon, åtgärdas i version 4"
				waived = true
			}
		}
		p.Readability = map[string]any{"lang": "sv", "lix": 38.5 + float64(s), "words": 120 + 17*s, "long_words": 0.21}
		p.Complexity = map[string]any{"fields": 4 + s, "required": 3 + s/2}
		pages = append(pages, p)
	}
	r := report.Build(pages...)
	r.Flow = &report.Flow{Name: "Ansök om parkeringstillstånd för rörelsehindrade", Steps: len(pages),
		Findings: []a11y.Finding{{
			Rule: "consistent-help", Outcome: a11y.Failed, WCAG: []string{"3.2.6"}, Level: "A", ACT: []string{}, Impact: a11y.Moderate,
			Step: "Adress", Message: "Länken till hjälpen flyttade från sidhuvudet till sidfoten."}, {
			Rule: "redundant-entry", Outcome: a11y.CantTell, WCAG: []string{"3.3.7"}, Level: "A", ACT: []string{}, Impact: a11y.Moderate,
			Step: "Granska och skicka", Message: "Adressen frågas efter igen; kontrollera att den är ifylld i förväg."}}}
	r.Tool.Version = "test"
	r.Generated = time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)
	r.AddError("cannot load https://e-tjanst.example.se/parkering/bekraftelse: HTTP 502 Bad Gateway")
	r.Summarize()

	old := report.Build(pages[:6]...)
	diff := report.Diff(old, r)
	x := &report.Extras{
		Rules:           all,
		Diff:            &diff,
		Screenshots:     map[string][]byte{},
		ScreenshotScale: 1,
		History: []report.HistoryPoint{
			{When: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Label: "juni", Failed: 612, ByImpact: [5]int{0, 80, 200, 210, 122}, CantTell: 90},
			{When: time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC), Label: "augusti", Failed: 540, ByImpact: [5]int{0, 70, 180, 190, 100}, CantTell: 80},
		},
	}
	for _, p := range r.Pages {
		x.Screenshots[report.PageKey(p)] = screenshotPNG(t, 320, 960)
	}
	return r, x
}

// screenshotPNG draws a small picture of a page: a header band and rows of
// grey fields.
func screenshotPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	m := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.RGBA{0x1b, 0x3a, 0x6b, 0xff}, color.RGBA{0xdd, 0xdd, 0xdd, 0xff}})
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			switch {
			case y < 48:
				m.SetColorIndex(x, y, 1)
			case (y-48)%60 > 20 && (y-48)%60 < 50 && x > 10 && x < w-10:
				m.SetColorIndex(x, y, 2)
			}
		}
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, m))
	return b.Bytes()
}

// TestMain closes the browser of the Chrome tests when the tests end.
func TestMain(m *testing.M) { os.Exit(checkertest.Main(m)) }

// reportServer serves one HTML report at /report.html and records every
// request it receives.
type reportServer struct {
	*httptest.Server
	mu  sync.Mutex
	got []string
}

func newReportServer(t *testing.T, body []byte) *reportServer {
	s := &reportServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.got = append(s.got, r.URL.Path)
		s.mu.Unlock()
		if r.URL.Path != "/report.html" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(body)
	}))
	t.Cleanup(s.Close)
	return s
}

// requests returns the paths requested so far.
func (s *reportServer) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.got)
}

// pageFetches is what the page itself says it fetched or was refused.
type pageFetches struct {
	Resources  []string `json:"resources"`
	Violations []string `json:"violations"`
}

// cspWatch runs before the report's own script and keeps every violation
// of the page's Content-Security-Policy.
const cspWatch = `globalThis.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => {
	globalThis.__cspViolations.push(e.violatedDirective + " " + e.blockedURI + " " + e.sample);
});`

// The HTML report of a large flow passes every rule of Delaktig in Chrome,
// with reflow at 320 px, 200 % zoom and text spacing, in every language,
// and with the keyboard walk; it fetches nothing, its filter and groups
// work from the keyboard, it prints every finding, and it does not scroll
// sideways 320 pixels wide.
//
// The keyboard walk, the slowest check, is made on the Swedish report
// only: the tab stops, their order and their focus styles are the same
// markup and style sheet in every language, whereas text, which differs,
// is measured in each one by the rendering checks.
func TestHTMLReportInChrome(t *testing.T) {
	b := checkertest.Browser(t)
	r, x := largeReport(t)
	for _, lang := range []string{"sv", "nb", "en"} {
		var buf bytes.Buffer
		require.NoError(t, report.WriteHTMLWith(&buf, r, report.Options{Lang: lang}, x))
		t.Run(lang, func(t *testing.T) {
			t.Logf("%d findings listed, %d bytes", strings.Count(buf.String(), `<li class="finding"`), buf.Len())
			auditReport(t, b, newReportServer(t, buf.Bytes()), lang == "sv")
		})
	}
}

// auditReport loads a report in a tab and checks it: as loaded, with the
// keyboard walk when walk is set; driven from the keyboard; 320 pixels
// wide; printed; and with every group open, with reflow, zoom and text
// spacing.
func auditReport(t *testing.T, b *checker.Browser, srv *reportServer, walk bool) {
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	tab, err := b.Tab(ctx)
	require.NoError(t, err)
	defer tab.Release()
	tctx := tab.Context()

	// Record the page's Content-Security-Policy violations from before its
	// own script runs: an attempt to fetch anything, or an inline script or
	// style the policy does not allow, would be one.
	watch, err := chromedp.Call(tctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspWatch})
	require.NoError(t, err)
	defer func() {
		_, _ = chromedp.Call(tctx, page.RemoveScriptToEvaluateOnNewDocument, page.RemoveScriptToEvaluateOnNewDocumentParams{Identifier: watch.Identifier})
	}()
	// And every request Chrome makes for the tab, data: URIs aside.
	var mu sync.Mutex
	var requested []string
	lctx, stopListening := context.WithCancel(tctx)
	defer stopListening()
	require.NoError(t, chromedp.Listen(lctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok && e.Request != nil && !strings.HasPrefix(e.Request.URL, "data:") {
			mu.Lock()
			requested = append(requested, e.Request.URL)
			mu.Unlock()
		}
	}))

	start := time.Now()
	url := srv.URL + "/report.html"
	status, err := tab.Navigate(ctx, url, 20*time.Second)
	require.NoError(t, err)
	if status != 0 {
		require.Equal(t, http.StatusOK, status)
	}
	_, err = tab.WaitSettled(ctx, checker.Wait{Load: 20 * time.Second, Quiet: 200 * time.Millisecond, Max: 3 * time.Second})
	require.NoError(t, err)
	t.Logf("loaded in %v", time.Since(start).Round(time.Millisecond))

	// As loaded, with the findings of each page collapsed: the keyboard
	// walk visits every tab stop. The rendering checks are made below with
	// every group open, where all of the report's text is laid out.
	doc := auditState(t, ctx, tab, "as loaded", checker.Interactions{Keyboard: walk})
	if walk {
		w := doc.Focus()
		require.NotNil(t, w, "the keyboard walk was made")
		assert.True(t, w.Complete, "the keyboard walk reached every element (stopped: %s)", w.Stopped)
		assert.GreaterOrEqual(t, len(w.Steps), 10, "the walk visited the report's controls")
	}

	keyboardUse(t, tctx)
	noSidewaysScroll(t, ctx, tab, "as loaded")
	printsEverything(t, tctx)

	// Every group open, as a reader who opened them all (or a printout)
	// sees the report: every rule, reflow at 320 pixels, 200 % zoom and
	// text spacing. Its tab stops are the summaries walked above and more
	// of the same kind.
	closed, err := chromedp.Run(tctx, chromedp.Evaluate[int](`document.querySelectorAll("details").forEach(d => { d.open = true; }), document.querySelectorAll("details:not([open])").length`))
	require.NoError(t, err)
	require.Zero(t, closed)
	auditState(t, ctx, tab, "opened", checker.Interactions{Reflow: true, Zoom: true, TextSpacing: true})
	noSidewaysScroll(t, ctx, tab, "opened")

	fetched, err := chromedp.Run(tctx, chromedp.Evaluate[pageFetches](`({resources: performance.getEntriesByType("resource").map(e => e.name),
		violations: globalThis.__cspViolations || null})`))
	require.NoError(t, err)
	mu.Lock()
	assert.Equal(t, []string{url}, requested, "Chrome requested the document and nothing else")
	mu.Unlock()
	assert.Empty(t, fetched.Resources, "the page fetches nothing")
	require.NotNil(t, fetched.Violations, "the policy watch ran")
	assert.Empty(t, fetched.Violations, "the page breaks none of its own policy")
	assert.Equal(t, []string{"/report.html"}, srv.requests(), "the server saw one request: the document")
	t.Logf("took %v", time.Since(start).Round(time.Millisecond))
}

// auditState snapshots the tab's page, makes the interaction checks of in
// and runs every rule; it fails the test on each failed finding and logs
// what is left to a person.
func auditState(t *testing.T, ctx context.Context, tab *checker.Tab, state string, in checker.Interactions) *a11y.Document {
	t.Helper()
	start := time.Now()
	sctx, cancel := context.WithTimeout(tab.Context(), 60*time.Second)
	doc, err := checker.Snapshot(sctx)
	cancel()
	require.NoError(t, err)
	snapped := time.Since(start)
	in.MaxStops = 400
	in.Budget = 2 * time.Minute
	rep, err := tab.Interact(ctx, doc, in)
	require.NoError(t, err)
	interacted := time.Since(start)
	res, err := a11y.Check(ctx, doc, a11y.WithRules(rules.All()...))
	require.NoError(t, err)
	t.Logf("%s: snapshot %v, interactions %v (keyboard %v over %d stops, reflow %v, zoom %v, spacing %v), rules %v",
		state, snapped.Round(time.Millisecond), (interacted - snapped).Round(time.Millisecond),
		rep.Keyboard.Round(time.Millisecond), rep.Stops, rep.Reflow.Round(time.Millisecond), rep.Zoom.Round(time.Millisecond),
		rep.TextSpacing.Round(time.Millisecond), (time.Since(start) - interacted).Round(time.Millisecond))
	assert.Empty(t, rep.Errors, "%s: every interaction check was made", state)
	for _, e := range res.Errors {
		t.Errorf("%s: rule error: %v", state, e)
	}
	failed, cantTell := 0, 0
	for _, f := range res.Findings {
		switch f.Outcome {
		case a11y.Failed:
			failed++
			t.Errorf("%s: the report fails %s at %s: %s", state, f.Rule, f.Selector, f.Message)
		case a11y.CantTell:
			cantTell++
			t.Logf("%s: to check by hand: %s at %s: %s", state, f.Rule, f.Selector, f.Message)
		}
	}
	t.Logf("%s: %d failed, %d to check by hand, %d findings", state, failed, cantTell, len(res.Findings))
	assert.Zero(t, failed, "%s: failed findings", state)
	return doc
}

// focusState is where focus is and what the filter shows.
type focusState struct {
	ID       string   `json:"id"`
	Summary  string   `json:"summary"` // "page" or "group" when a summary has focus
	Open     bool     `json:"open"`    // its details element is open
	Value    string   `json:"value"`
	Shown    int      `json:"shown"`    // findings not hidden by the filter
	Outcomes []string `json:"outcomes"` // outcomes of the findings shown
	Status   string   `json:"status"`
	Hidden   int      `json:"hidden"`  // groups the filter hid
	Visible  int      `json:"visible"` // findings of the pages rendered on screen
}

// focusStateJS reads a focusState.
const focusStateJS = `(() => {
	const a = document.activeElement, d = a && a.tagName === "SUMMARY" ? a.parentElement : null;
	const shown = [...document.querySelectorAll("li.finding:not([hidden])")];
	return {
		id: a && a.id || "",
		summary: d ? (d.classList.contains("page-findings") ? "page" : "group") : "",
		open: !!(d && d.open),
		value: a && a.tagName === "SELECT" ? a.value : "",
		shown: shown.length,
		outcomes: [...new Set(shown.map(e => e.dataset.outcome))].sort(),
		status: (document.getElementById("filter-shown") || {}).textContent || "",
		hidden: document.querySelectorAll(".fgroup[hidden]").length,
		visible: [...document.querySelectorAll(".page-findings li.finding")].filter(e => e.checkVisibility()).length,
	};
})()`

// keyboardUse drives the filter and the groups with keys only.
func keyboardUse(t *testing.T, tctx context.Context) {
	t.Helper()
	state := func() focusState {
		st, err := chromedp.Run(tctx, chromedp.Evaluate[focusState](focusStateJS))
		require.NoError(t, err)
		return st
	}
	press := func(key string, opts ...chromedp.KeyOption) focusState {
		require.NoError(t, chromedp.Do(tctx, chromedp.KeyEvent(key, opts...)))
		return state()
	}
	// tabUntil presses Tab until ok holds, at most max times.
	tabUntil := func(what string, max int, ok func(focusState) bool) focusState {
		for range max {
			if st := press(kb.Tab); ok(st) {
				return st
			}
		}
		require.Failf(t, "not reached with Tab", "%s: not reached in %d presses", what, max)
		return focusState{}
	}
	// Start from the top, as a freshly loaded page.
	_, err := chromedp.Run(tctx, chromedp.Evaluate[bool](`(document.activeElement && document.activeElement.blur(), window.scrollTo(0, 0), true)`))
	require.NoError(t, err)
	all := state()
	require.Positive(t, all.Shown)
	assert.Zero(t, all.Visible, "the findings start collapsed")

	st := tabUntil("the outcome filter", 40, func(s focusState) bool { return s.ID == "f-outcome" })
	assert.Empty(t, st.Value, "the filter starts showing everything")
	st = press(kb.ArrowDown)
	assert.Equal(t, "failed", st.Value, "the arrow key chose the first outcome")
	assert.Equal(t, []string{"failed"}, st.Outcomes, "only failures are shown")
	assert.Less(t, st.Shown, all.Shown)
	assert.Positive(t, st.Shown)
	assert.Positive(t, st.Hidden, "groups without failures are hidden")
	assert.Contains(t, st.Status, strconv.Itoa(st.Shown), "the status says how many are shown")

	// The first page's findings open and close with Enter, a group inside
	// with Space.
	st = tabUntil("the first page's findings", 20, func(s focusState) bool { return s.Summary == "page" })
	assert.False(t, st.Open)
	st = press(kb.Enter)
	assert.True(t, st.Open, "Enter opened the page's findings")
	assert.Zero(t, st.Visible, "the groups inside are still collapsed")
	st = press(kb.Tab)
	require.Equal(t, "group", st.Summary, "Tab goes on to the first group inside")
	assert.False(t, st.Open)
	st = press(" ")
	assert.True(t, st.Open, "Space opened the group")
	assert.Positive(t, st.Visible, "its findings are on screen")
	st = press(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift))
	require.Equal(t, "page", st.Summary, "Shift+Tab goes back to the page's summary")
	st = press(kb.Enter)
	assert.False(t, st.Open, "Enter closed the page's findings")
	assert.Zero(t, st.Visible)

	// Back to every outcome.
	tabBack := func() {
		for range 20 {
			if s := press(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)); s.ID == "f-outcome" {
				return
			}
		}
		require.Fail(t, "the outcome filter not reached with Shift+Tab")
	}
	tabBack()
	st = press(kb.ArrowUp)
	assert.Empty(t, st.Value)
	assert.Equal(t, all.Shown, st.Shown, "every finding is shown again")
	assert.Zero(t, st.Hidden)
}

// noSidewaysScroll lays the page out 320 CSS pixels wide and checks that
// the page itself does not scroll sideways, and that a table that scrolls
// sideways in its own box takes focus, so that it can be scrolled with the
// keyboard, while one that fits is no tab stop.
func noSidewaysScroll(t *testing.T, ctx context.Context, tab *checker.Tab, state string) {
	t.Helper()
	type layout struct {
		Scroll    float64 `json:"scroll"`
		Width     float64 `json:"width"`
		Scrolling int     `json:"scrolling"` // table boxes that scroll sideways
		Stops     int     `json:"stops"`     // table boxes that take focus
	}
	measure := func() layout {
		l, err := chromedp.Run(tab.Context(), chromedp.Evaluate[layout](`new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
			const wraps = [...document.querySelectorAll(".table-wrap[role=region]")];
			done({scroll: document.scrollingElement.scrollWidth, width: window.innerWidth,
				scrolling: wraps.filter(w => w.scrollWidth > w.clientWidth + 1).length,
				stops: wraps.filter(w => w.tabIndex === 0).length});
		})))`, chromedp.EvalAwaitPromise))
		require.NoError(t, err)
		return l
	}
	old := tab.Viewport()
	wide := measure()
	assert.Zero(t, wide.Scrolling, "%s: the tables fit %d pixels wide", state, old.Width)
	assert.Zero(t, wide.Stops, "%s: tables that fit are no tab stops", state)
	require.NoError(t, tab.SetViewport(ctx, checker.Viewport{Width: 320, Height: 640}))
	defer func() { require.NoError(t, tab.SetViewport(ctx, old)) }()
	narrow := measure()
	assert.Equal(t, 320.0, narrow.Width, "%s: the window is 320 pixels wide", state)
	assert.LessOrEqual(t, narrow.Scroll, narrow.Width+1, "%s: the page scrolls sideways 320 pixels wide", state)
	assert.Equal(t, narrow.Scrolling, narrow.Stops, "%s: every table box that scrolls takes focus", state)
}

// printsEverything lays the page out for print with its groups closed, as
// a browser does when the script cannot open them: every finding is
// printed, and the filter and the contents, which do nothing on paper, are
// left out.
func printsEverything(t *testing.T, tctx context.Context) {
	t.Helper()
	_, err := chromedp.Call(tctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	require.NoError(t, err)
	defer func() {
		_, err := chromedp.Call(tctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
		require.NoError(t, err)
	}()
	type printed struct {
		Closed, Findings, Shown int
		Filter, Nav             bool
	}
	got, err := chromedp.Run(tctx, chromedp.Evaluate[printed](`(() => {
		const fs = [...document.querySelectorAll("li.finding")];
		return {Closed: document.querySelectorAll("details:not([open])").length, Findings: fs.length,
			Shown: fs.filter(e => e.checkVisibility()).length,
			Filter: document.getElementById("filters").checkVisibility(), Nav: document.querySelector("nav").checkVisibility()};
	})()`))
	require.NoError(t, err)
	require.Positive(t, got.Closed, "the groups are closed")
	assert.Equal(t, got.Findings, got.Shown, "every finding is printed")
	assert.False(t, got.Filter, "the filter is not printed")
	assert.False(t, got.Nav, "the contents are not printed")
}

// The large report is what the Chrome test needs: about five hundred
// findings to list, failed and cantTell, from many rules, on every page.
func TestLargeReportFixture(t *testing.T) {
	r, x := largeReport(t)
	listed, failed, cantTell := 0, 0, 0
	ruleSet := map[string]bool{}
	for _, p := range r.Pages {
		for _, f := range p.Findings {
			switch {
			case f.Suppressed != "":
			case f.Outcome == a11y.Failed:
				failed++
			case f.Outcome == a11y.CantTell:
				cantTell++
			default:
				continue
			}
			listed++
			ruleSet[f.Rule] = true
		}
	}
	assert.InDelta(t, 500, listed, 50)
	assert.Greater(t, failed, 250)
	assert.Greater(t, cantTell, 100)
	assert.GreaterOrEqual(t, len(ruleSet), 25)
	assert.Positive(t, r.Summary.Suppressed)
	assert.Len(t, x.Screenshots, len(r.Pages))
	var b bytes.Buffer
	require.NoError(t, report.WriteHTMLWith(&b, r, report.Options{Lang: "sv"}, x))
	out := b.String()
	assert.GreaterOrEqual(t, strings.Count(out, `<li class="finding"`), listed)
	assert.Equal(t, len(r.Pages), strings.Count(out, `<details class="page-findings fgroup">`), "each page's findings collapse")
	assert.Equal(t, len(r.Pages), strings.Count(out, `<div class="shot">`))
	assert.Contains(t, out, `<span class="box"`)
}
