package checker_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"image/png"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/internal/testenv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testPNR = "19121212-1212"

// service is a small two-step e-service for flow tests.
type service struct {
	start, form, check string
	mu                 sync.Mutex
	got                map[string]string // what the last submission held
}

func newService(t *testing.T) *service {
	s := &service{}
	s.check = serve(t, func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		if r.PostForm.Has("namn") {
			s.mu.Lock()
			s.got = map[string]string{}
			for k := range r.PostForm {
				s.got[k] = r.PostForm.Get(k)
			}
			s.mu.Unlock()
		}
		e := html.EscapeString
		fmt.Fprintf(w, `<!doctype html><html lang="sv"><head><title>Kontrollera dina svar</title></head><body><main>
<h1 id="steg-2">Steg 2 av 2: Kontrollera</h1>
<dl><dt>Namn</dt><dd id="namn">%s</dd><dt>Personnummer</dt><dd id="pnr">%s</dd><dt>Kommun</dt><dd id="kommun">%s</dd><dt>Samtycke</dt><dd>%s</dd><dt>Roll</dt><dd>%s</dd></dl>
<form method="post"><input type="hidden" name="pnr" value="%s"><img src="data:," id="kvitto-bild">
<button id="skicka" onclick="return confirm('Skicka ansökan?')">Skicka</button></form>
</main></body></html>`, e(r.PostForm.Get("namn")), e(r.PostForm.Get("pnr")), e(r.PostForm.Get("kommun")),
			e(r.PostForm.Get("samtycke")), e(r.PostForm.Get("roll")), e(r.PostForm.Get("pnr")))
	})
	s.form = serve(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<!doctype html><html lang="sv"><head><title>Personuppgifter</title>
<style>.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); opacity: 0 }</style></head>
<body><main><h1 id="steg-1">Steg 1 av 2: Personuppgifter</h1>
<form id="f" method="post" action="%s">
<label for="namn">Namn</label><input id="namn" name="namn" autocomplete="name">
<label for="pnr">Personnummer</label><input id="pnr" name="pnr">
<label for="kommun">Kommun</label><select id="kommun" name="kommun"><option value="">Välj</option><option value="2281">Sundsvall</option><option value="2262">Timrå</option></select>
<input type="checkbox" id="samtycke" name="samtycke" value="ja" class="visually-hidden"><label for="samtycke">Jag samtycker</label>
<fieldset><legend>Roll</legend><label><input type="radio" name="roll" value="forare" id="roll-forare"> Förare</label><label><input type="radio" name="roll" value="passagerare" id="roll-pass"> Passagerare</label></fieldset>
<img src="data:," id="utan-alt"><p id="fel" hidden>Fyll i namn</p>
<button type="submit">Fortsätt</button>
</form></main></body></html>`, s.check)
	})
	s.start = serve(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<!doctype html><html lang="sv"><head><title>Ansök om tillstånd</title></head><body><main>
<h1>Ansök om tillstånd</h1><p>Det tar ungefär fem minuter.</p>
<a class="start" href="%s">Starta e-tjänsten</a></main></body></html>`, s.form)
	})
	return s
}

// flowRule is a flow rule of the tests' own: it records what it saw.
type flowSeen struct {
	mu    sync.Mutex
	pages []string
	meta  map[string]any
}

func (f *flowSeen) rule() *a11y.Rule {
	return &a11y.Rule{
		ID: "test-flow", Scope: a11y.ScopeFlow, Needs: a11y.NeedsDOM,
		Messages: []a11y.Msg{"test-flow.seen"},
		RunFlow: func(p *a11y.FlowPass) error {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.pages = nil
			for _, pg := range p.Pages {
				f.pages = append(f.pages, pg.Step)
			}
			f.meta = p.Meta
			p.Pass(len(p.Pages)-1, nil, "test-flow.seen")
			return nil
		},
	}
}

func env(vals map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		v, ok := vals[name]
		return v, ok
	}
}

// everyString calls f with every string of a document a report could show.
func everyString(doc *a11y.Document, f func(where, s string)) {
	f("url", doc.URL)
	for e := range doc.Elements() {
		for _, a := range e.Attr {
			f("attribute "+a.Key, a.Val)
		}
		if e.Value != nil {
			f("value", *e.Value)
		}
		for c := range e.Children() {
			if c.Type == a11y.TextNode {
				f("text", c.Data)
			}
		}
	}
}

func TestRunFlow(t *testing.T) {
	svc := newService(t)
	seen := &flowSeen{}
	flow := &checker.Flow{
		Name:  "Ansök om tillstånd",
		Start: svc.start,
		Lang:  "sv",
		Steps: []checker.Step{
			checker.Goto(svc.start).Named("Startsida"),
			checker.Expect{Text: "Starta  e-tjänsten"},
			checker.Click("text=Starta e-tjänsten").Named("Personuppgifter"),
			checker.WaitFor("#steg-1"),
			checker.FillFields(
				checker.Field{Selector: "#namn", Value: "Anna Andersson"},
				checker.Field{Selector: "#pnr", Value: "${env:TEST_PNR}"},
			),
			checker.Select(map[string]string{"#kommun": "Sundsvall"}),
			checker.Check("#samtycke"),
			checker.Check("#roll-pass"),
			checker.Click("button[type=submit]").Named("Kontrollera"),
			checker.Expect{URLContains: strings.TrimPrefix(svc.check, "http://127.0.0.1"), Text: "Steg 2 av 2"},
			checker.Click("#skicka").Named("Skicka").Audit(false),
		},
	}
	var logged []string
	var logMu sync.Mutex
	res, err := checker.Run(t.Context(), browser(t), flow, checker.Options{
		Rules: []*a11y.Rule{imgRule, seen.rule()},
		Env:   env(map[string]string{"TEST_PNR": testPNR}),
		Logf: func(format string, args ...any) {
			logMu.Lock()
			logged = append(logged, fmt.Sprintf(format, args...))
			logMu.Unlock()
		},
	})
	require.NoError(t, err)
	require.True(t, res.Completed)
	require.Len(t, res.Steps, len(flow.Steps))

	// the service got what the flow typed, the secret included
	svc.mu.Lock()
	assert.Equal(t, map[string]string{"namn": "Anna Andersson", "pnr": testPNR, "kommun": "2281", "samtycke": "ja", "roll": "passagerare"}, svc.got)
	svc.mu.Unlock()

	var audited []string
	for _, s := range res.Steps {
		if s.Page != nil {
			audited = append(audited, s.Name)
		}
	}
	assert.Equal(t, []string{"Startsida", "Personuppgifter", "Kontrollera"}, audited)
	assert.Equal(t, "fill #namn, #pnr", res.Steps[4].Name, "an unnamed step is described without its values")

	personal := res.Steps[2].Page
	assert.Equal(t, "Personuppgifter", personal.Title)
	assert.Equal(t, []string{"#utan-alt"}, failed(personal.Result.Findings, "test-img"))
	require.NotEmpty(t, personal.Screenshot)
	_, err = png.DecodeConfig(bytes.NewReader(personal.Screenshot))
	require.NoError(t, err)

	confirmPage := res.Steps[8].Page
	require.NotNil(t, confirmPage)
	assert.Equal(t, svc.check, confirmPage.URL)
	assert.Equal(t, []string{"#kvitto-bild"}, failed(confirmPage.Result.Findings, "test-img"))
	assert.Equal(t, 200, confirmPage.Status)

	// the secret is masked everywhere
	for _, s := range res.Steps {
		if s.Page == nil {
			continue
		}
		everyString(s.Page.Doc, func(where, v string) {
			assert.NotContains(t, v, testPNR, "%s of %s", where, s.Name)
		})
		for _, f := range s.Page.Result.Findings {
			assert.NotContains(t, f.Snippet+f.Message+f.Selector, testPNR)
		}
	}
	assert.Equal(t, checker.Mask, confirmPage.Doc.ByID(confirmPage.Doc.Root, "pnr").Text())
	for _, l := range logged {
		assert.NotContains(t, l, testPNR)
	}
	// one progress line per step, with the failures found so far: the
	// images without alt of step 3 and step 9
	require.Len(t, logged, len(flow.Steps))
	assert.Equal(t, `step 1 "Startsida" done, 0 failures so far`, logged[0])
	assert.Equal(t, `step 3 "Personuppgifter" done, 1 failure so far`, logged[2])
	assert.Equal(t, `step 9 "Kontrollera" done, 2 failures so far`, logged[8])

	// the confirm dialog of the last step was accepted and recorded
	last := res.Steps[len(res.Steps)-1]
	require.Len(t, last.Dialogs, 1)
	assert.Equal(t, "confirm", last.Dialogs[0].Type)
	assert.Nil(t, last.Page, "audit: false")

	// the flow rules saw the audited pages and the flow's facts
	require.NotNil(t, res.Flow)
	assert.Equal(t, []string{"Startsida", "Personuppgifter", "Kontrollera"}, seen.pages)
	assert.Equal(t, "sv", seen.meta[checker.MetaLang])
	assert.Equal(t, true, seen.meta[checker.MetaCompleted])
	assert.Equal(t, len(flow.Steps), seen.meta[checker.MetaSteps])
	require.Len(t, res.Flow.Findings, 1)
	assert.Equal(t, "Kontrollera", res.Flow.Findings[0].Step)
	assert.Len(t, res.Pages(), 3)
}

func TestRunFailingSteps(t *testing.T) {
	svc := newService(t)
	b := browser(t)
	opts := func(seen *flowSeen) checker.Options {
		return checker.Options{Rules: []*a11y.Rule{imgRule, seen.rule()}, NoScreenshots: true,
			Env: env(map[string]string{"TEST_PNR": testPNR})}
	}

	t.Run("selector never appears", func(t *testing.T) {
		seen := &flowSeen{}
		res, err := checker.Run(t.Context(), b, &checker.Flow{Start: svc.start, Steps: []checker.Step{
			checker.Goto("").Named("Startsida"),
			checker.Click("a.start").Named("Personuppgifter"),
			checker.Click("#finns-inte").Named("Nästa").WithTimeout(time.Second),
			checker.Click("button"),
		}}, opts(seen))
		require.Error(t, err)
		var se *checker.StepError
		require.ErrorAs(t, err, &se)
		assert.Equal(t, 2, se.Index)
		assert.Equal(t, "Nästa", se.Name)
		assert.Equal(t, "#finns-inte", se.Selector)
		assert.ErrorIs(t, err, checker.ErrNotFound)
		assert.Contains(t, err.Error(), `step 3 "Nästa"`)
		assert.Contains(t, err.Error(), `click "#finns-inte"`)
		assert.Same(t, res.Err, err)
		assert.False(t, res.Completed)
		require.Len(t, res.Steps, 3, "the steps after the failing one are not tried")
		assert.Equal(t, []string{"#utan-alt"}, failed(res.Steps[1].Page.Result.Findings, "test-img"), "earlier findings are kept")
		assert.Equal(t, "Nästa", seen.meta[checker.MetaFailedStep])
		assert.Equal(t, false, seen.meta[checker.MetaCompleted])
		assert.Equal(t, 2, seen.meta[checker.MetaDone])
	})

	t.Run("hidden element", func(t *testing.T) {
		_, err := checker.Run(t.Context(), b, &checker.Flow{Start: svc.form, Steps: []checker.Step{
			checker.Goto(""),
			checker.WaitFor("#fel").WithTimeout(800 * time.Millisecond),
		}}, opts(&flowSeen{}))
		require.ErrorIs(t, err, checker.ErrNotFound)
		assert.Contains(t, err.Error(), "hidden")
	})

	t.Run("expectation", func(t *testing.T) {
		_, err := checker.Run(t.Context(), b, &checker.Flow{Start: svc.start, Steps: []checker.Step{
			checker.Goto(""),
			checker.Expect{Text: "Steg 9 av 9"}.Named("Rätt sida"),
		}}, opts(&flowSeen{}))
		require.ErrorIs(t, err, checker.ErrExpectation)
		assert.Contains(t, err.Error(), `"Steg 9 av 9"`)
		assert.Contains(t, err.Error(), `"Rätt sida"`)
	})

	t.Run("unset variable", func(t *testing.T) {
		_, err := checker.Run(t.Context(), b, &checker.Flow{Start: svc.form, Steps: []checker.Step{
			checker.Goto(""),
			checker.Fill(map[string]string{"#pnr": "${env:SAKNAS}"}),
		}}, opts(&flowSeen{}))
		require.ErrorIs(t, err, checker.ErrEnv)
		assert.Contains(t, err.Error(), "SAKNAS")
	})

	t.Run("unreachable", func(t *testing.T) {
		res, err := checker.Run(t.Context(), b, &checker.Flow{Start: svc.start, Steps: []checker.Step{
			checker.Goto("/finns-inte/"),
		}}, opts(&flowSeen{}))
		require.ErrorIs(t, err, checker.ErrUnreachable)
		assert.Contains(t, err.Error(), "404")
		require.NotNil(t, res)
	})

	t.Run("bad selector", func(t *testing.T) {
		start := time.Now()
		_, err := checker.Run(t.Context(), b, &checker.Flow{Start: svc.start, Steps: []checker.Step{
			checker.Goto(""),
			checker.Click("a[[[").Named("Trasig"),
		}}, opts(&flowSeen{}))
		require.Error(t, err)
		assert.Contains(t, err.Error(), "not a valid selector")
		assert.Less(t, time.Since(start), 20*time.Second, "a bad selector fails at once")
	})

	t.Run("page crash", func(t *testing.T) {
		crash := stepFunc(func(ctx context.Context, s *checker.Session) error {
			_, err := chromedp.Call(ctx, page.Crash, cdp.Empty{})
			return err
		})
		res, err := checker.Run(t.Context(), b, &checker.Flow{Start: svc.start, Steps: []checker.Step{
			checker.Goto("").Named("Startsida"),
			crash,
			checker.Click("a.start").Named("Krasch"),
		}}, checker.Options{Rules: []*a11y.Rule{imgRule}, NoScreenshots: true, StepTimeout: 15 * time.Second})
		start := time.Now()
		require.ErrorIs(t, err, checker.ErrBrowserGone)
		assert.Contains(t, err.Error(), `step 2 "custom"`)
		assert.Contains(t, err.Error(), "crashed")
		require.NotNil(t, res.Steps[0].Page, "the first step's audit is kept")
		assert.Len(t, res.Steps, 2)
		_ = start
	})
}

func TestRunImplicitStartAndKeys(t *testing.T) {
	svc := newService(t)
	res, err := checker.Run(t.Context(), browser(t), &checker.Flow{Start: svc.form, Steps: []checker.Step{
		checker.Fill(map[string]string{"#namn": "Bo"}),
		checker.Press("Enter").Named("Skicka med Enter"),
		checker.WaitFor("#steg-2"),
	}}, checker.Options{Rules: []*a11y.Rule{imgRule}, NoScreenshots: true})
	require.NoError(t, err)
	require.Len(t, res.Steps, 4)
	assert.Equal(t, -1, res.Steps[0].Index)
	assert.Equal(t, "Start", res.Steps[0].Name)
	require.NotNil(t, res.Steps[0].Page)
	require.NotNil(t, res.Steps[2].Page, "press is audited")
	assert.Equal(t, svc.check, res.Steps[2].Page.URL)
	assert.Equal(t, "Bo", res.Steps[2].Page.Doc.ByID(res.Steps[2].Page.Doc.Root, "namn").Text())
}

func TestRunFlowValidation(t *testing.T) {
	_, err := checker.Run(t.Context(), nil, &checker.Flow{Start: "/relativ", Steps: nil}, checker.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "start address")
	assert.Contains(t, err.Error(), "no steps")
}

func TestParseKey(t *testing.T) {
	for _, k := range []string{"Enter", "tab", "Shift+Tab", "Escape", "Space", "ArrowDown", "a", "Ctrl+a"} {
		_, _, err := checker.ParseKey(k)
		assert.NoError(t, err, k)
	}
	for _, k := range []string{"Hyper+x", "F13x", ""} {
		_, _, err := checker.ParseKey(k)
		assert.Error(t, err, k)
	}
}

func TestScreenshotMasksSecrets(t *testing.T) {
	tb := tab(t)
	url := servePage(t, `<!doctype html><body style="margin:0;background:#fff;font:40px sans-serif">
<p id="p">Personnummer: `+testPNR+`</p><input id="i" value="`+testPNR+`" style="font-size:30px"></body>`)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	_, err := tb.Navigate(ctx, url, 0)
	require.NoError(t, err)
	_, err = tb.WaitSettled(ctx, checker.Wait{})
	require.NoError(t, err)
	plain, err := tb.Screenshot(ctx, false, nil)
	require.NoError(t, err)
	secrets := &checker.Secrets{}
	secrets.Add(testPNR)
	masked, err := tb.Screenshot(ctx, false, secrets)
	require.NoError(t, err)
	assert.NotEqual(t, plain, masked)
	full, err := tb.Screenshot(ctx, true, secrets)
	require.NoError(t, err)
	_, err = png.DecodeConfig(bytes.NewReader(full))
	require.NoError(t, err)

	// the painted area is dark where the secret was
	img, err := png.Decode(bytes.NewReader(masked))
	require.NoError(t, err)
	orig, err := png.Decode(bytes.NewReader(plain))
	require.NoError(t, err)
	dark, changed := 0, 0
	for y := 0; y < 120; y++ {
		for x := 0; x < 800; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			r0, g0, b0, _ := orig.At(x, y).RGBA()
			if r != r0 || g != g0 || b != b0 {
				changed++
				if r < 0x4000 && g < 0x4000 && b < 0x4000 {
					dark++
				}
			}
		}
	}
	assert.Positive(t, changed)
	assert.Equal(t, changed, dark, "only the secret's area changed, painted over")
}

func TestSecrets(t *testing.T) {
	var nilSecrets *checker.Secrets
	assert.Equal(t, "x", nilSecrets.Mask("x"))
	s := &checker.Secrets{}
	s.Add("")
	s.Add("ab")
	s.Add(testPNR)
	s.Add("1212")
	assert.Equal(t, 3, s.Len())
	assert.Equal(t, "pnr "+checker.Mask+" och "+checker.Mask, s.Mask("pnr "+testPNR+" och 1212"))
	assert.Equal(t, checker.Mask, s.Mask("ab"), "a short secret is masked as a whole value")
	assert.Equal(t, "abc", s.Mask("abc"), "but not inside other text")
	err := s.MaskError(fmt.Errorf("wrapped: %w", errors.Join(checker.ErrEnv, errors.New("value "+testPNR))))
	assert.NotContains(t, err.Error(), testPNR)
	assert.ErrorIs(t, err, checker.ErrEnv)
	assert.Equal(t, []string{"A", "B_2"}, checker.EnvRefs("${env:A}-${env:B_2}-${env:}"))
}

func TestRunLostBrowser(t *testing.T) {
	requireLinux(t)
	path := testenv.Chrome(t)
	b, err := checker.New(t.Context(), checker.WithChrome(path))
	require.NoError(t, err)
	defer b.Close()
	svc := newService(t)
	kill := stepFunc(func(ctx context.Context, s *checker.Session) error {
		pids := checker.ProcessesUsing(b.UserDataDir())
		return exec.Command("kill", "-9", itoa(mainProcess(t, pids))).Run()
	})
	res, err := checker.Run(t.Context(), b, &checker.Flow{Start: svc.start, Steps: []checker.Step{
		checker.Goto("").Named("Startsida"),
		kill,
		checker.Click("a.start").Named("Personuppgifter"),
	}}, checker.Options{Rules: []*a11y.Rule{imgRule}, NoScreenshots: true, StepTimeout: 10 * time.Second})
	require.ErrorIs(t, err, checker.ErrBrowserGone)
	require.NotNil(t, res)
	require.NotNil(t, res.Steps[0].Page, "the findings made before the browser died are kept")
	assert.NotNil(t, res.Steps[0].Page.Result)
}

// stepFunc is a step written in Go.
type stepFunc func(ctx context.Context, s *checker.Session) error

func (f stepFunc) Do(ctx context.Context, s *checker.Session) error { return f(ctx, s) }
func (f stepFunc) ChangesPage() bool                                { return false }
func (f stepFunc) StepName() string                                 { return "custom" }
