package checker_test

import (
	"bytes"
	"context"
	"image/png"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html/atom"
)

// imgRule is a small rule of the tests' own: every img fails without alt
// and passes with it.
var imgRule = &a11y.Rule{
	ID: "test-img", Scope: a11y.ScopeElement, Needs: a11y.NeedsDOM, Impact: a11y.Serious,
	Messages: []a11y.Msg{"test-img.missing", "test-img.ok"},
	Run: func(p *a11y.Pass) error {
		for img := range p.Elements(atom.Img) {
			if img.Has("alt") {
				p.Pass(img, "test-img.ok")
			} else {
				p.Fail(img, "test-img.missing")
			}
		}
		return nil
	},
}

// failed returns the selectors of the failed findings of a rule.
func failed(fs []a11y.Finding, rule string) []string {
	var out []string
	for _, f := range fs {
		if f.Rule == rule && f.Outcome == a11y.Failed {
			out = append(out, f.Selector)
		}
	}
	return out
}

func TestCheckURLWaitsForLateContent(t *testing.T) {
	api := serve(t, func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(400 * time.Millisecond)
		_, _ = w.Write([]byte(`<img id="from-fetch" src="data:,">`))
	})
	url := servePage(t, `<!doctype html><html lang="sv"><head><title>Sen</title></head><body>
<img id="at-once" src="data:,">
<div id="slot"></div>
<script>
setTimeout(() => { document.body.insertAdjacentHTML('beforeend', '<img id="after-timeout" src="data:,">'); }, 150);
window.addEventListener('load', () => fetch(`+"`"+api+"`"+`).then(r => r.text()).then(t => { document.getElementById('slot').innerHTML = t; }));
</script></body></html>`)
	p, err := checker.CheckURL(t.Context(), browser(t), url, checker.Options{Rules: []*a11y.Rule{imgRule}})
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"#at-once", "#after-timeout", "#from-fetch"}, failed(p.Result.Findings, "test-img"))
	assert.True(t, p.Settled.Loaded)
	assert.True(t, p.Settled.Quiet)
	assert.Equal(t, "Sen", p.Title)
	assert.Equal(t, "sv", p.Lang)
	assert.Equal(t, 200, p.Status)
	assert.Equal(t, url, p.URL)
	assert.Nil(t, p.Screenshot, "no screenshot unless asked for")
	assert.Positive(t, p.Timing.Snapshot)
}

func TestCheckURLScreenshot(t *testing.T) {
	url := servePage(t, `<!doctype html><html><head><title>Sida</title></head><body><main><img src="data:,"></main></body></html>`)
	p, err := checker.CheckURL(t.Context(), browser(t), url, checker.Options{Rules: []*a11y.Rule{imgRule}, Screenshots: true})
	require.NoError(t, err)
	require.NotEmpty(t, p.Screenshot)
	assert.True(t, bytes.HasPrefix(p.Screenshot, []byte("\x89PNG\r\n\x1a\n")))
	cfg, err := png.DecodeConfig(bytes.NewReader(p.Screenshot))
	require.NoError(t, err)
	assert.Equal(t, checker.DefaultViewport.Width, cfg.Width)
	assert.Equal(t, checker.DefaultViewport.Height, cfg.Height)

	_, err = checker.CheckURL(t.Context(), browser(t), url, checker.Options{})
	require.ErrorIs(t, err, a11y.ErrNoRules)
}

func TestCheckURLUnreachable(t *testing.T) {
	// a port nobody listens on
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closed := "http://" + l.Addr().String() + "/ansokan"
	require.NoError(t, l.Close())
	_, err = checker.CheckURL(t.Context(), browser(t), closed, checker.Options{})
	require.ErrorIs(t, err, checker.ErrUnreachable)
	assert.Contains(t, err.Error(), closed)
	assert.Contains(t, err.Error(), "ERR_CONNECTION_REFUSED")

	missing := serve(t, func(w http.ResponseWriter, r *http.Request) { http.Error(w, "finns inte", http.StatusNotFound) })
	_, err = checker.CheckURL(t.Context(), browser(t), missing, checker.Options{})
	require.ErrorIs(t, err, checker.ErrUnreachable)
	var le *checker.LoadError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, 404, le.Status)
	assert.Equal(t, missing, le.URL)

	// a server that accepts and never answers
	hang := make(chan struct{})
	defer close(hang)
	slow := serve(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-hang:
		case <-r.Context().Done():
		}
	})
	start := time.Now()
	_, err = checker.CheckURL(t.Context(), browser(t), slow, checker.Options{Wait: checker.Wait{Load: time.Second}})
	require.ErrorIs(t, err, checker.ErrUnreachable)
	assert.Contains(t, err.Error(), "no answer")
	assert.Less(t, time.Since(start), 10*time.Second)

	// the tab is still usable afterwards
	ok := servePage(t, `<title>ok</title>`)
	p, err := checker.CheckURL(t.Context(), browser(t), ok, checker.Options{Rules: []*a11y.Rule{imgRule}})
	require.NoError(t, err)
	assert.Equal(t, "ok", p.Title)
}

func TestLoadURL(t *testing.T) {
	url := servePage(t, `<!doctype html><title>Bara laddad</title><img src="data:,">`)
	doc, err := checker.LoadURL(t.Context(), browser(t), url, checker.Options{})
	require.NoError(t, err)
	title, _ := doc.Title()
	assert.Equal(t, "Bara laddad", title)
	assert.Equal(t, a11y.ModeBrowser, doc.Mode)
	missing := serve(t, func(w http.ResponseWriter, r *http.Request) { http.Error(w, "borta", http.StatusGone) })
	_, err = checker.LoadURL(t.Context(), browser(t), missing, checker.Options{})
	require.ErrorIs(t, err, checker.ErrUnreachable)
	assert.Contains(t, err.Error(), "410")
}

func TestCheckURLDialogs(t *testing.T) {
	url := servePage(t, `<!doctype html><title>Dialog</title><body><p id="out"></p><script>
alert("Välkommen!");
const yes = confirm("Vill du fortsätta?");
const name = prompt("Namn?", "Anna");
document.getElementById("out").textContent = yes + " " + name;
</script>`)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	p, err := checker.CheckURL(ctx, browser(t), url, checker.Options{Rules: []*a11y.Rule{imgRule}})
	require.NoError(t, err)
	require.Len(t, p.Dialogs, 3)
	assert.Equal(t, "alert", p.Dialogs[0].Type)
	assert.Equal(t, "Välkommen!", p.Dialogs[0].Message)
	assert.Equal(t, "confirm", p.Dialogs[1].Type)
	assert.Equal(t, "prompt", p.Dialogs[2].Type)
	out := p.Doc.ByID(p.Doc.Root, "out")
	require.NotNil(t, out)
	assert.Equal(t, "true Anna", out.Text())
}

func TestBeforeUnloadDoesNotBlock(t *testing.T) {
	tb := tab(t)
	url := servePage(t, `<!doctype html><title>Osparat</title><body><button id="b">x</button><script>
window.addEventListener("beforeunload", e => { e.preventDefault(); e.returnValue = ""; });
</script>`)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	_, err := tb.Navigate(ctx, url, 0)
	require.NoError(t, err)
	_, err = tb.WaitSettled(ctx, checker.Wait{})
	require.NoError(t, err)
	// a user gesture makes Chrome ask before leaving
	require.NoError(t, chromedp.Do(tb.Context(), chromedp.Click(chromedp.CSS("#b"))))
	next := servePage(t, `<title>Nästa</title>`)
	_, err = tb.Navigate(ctx, next, 0)
	require.NoError(t, err)
	_, err = tb.WaitSettled(ctx, checker.Wait{})
	require.NoError(t, err)
	title, err := chromedp.Run(tb.Context(), chromedp.Title())
	require.NoError(t, err)
	assert.Equal(t, "Nästa", title)
	d := tb.Dialogs()
	require.Len(t, d, 1)
	assert.Equal(t, "beforeunload", d[0].Type)
}

func TestCheckURLRestlessPage(t *testing.T) {
	url := servePage(t, `<!doctype html><title>Klocka</title><p id="clock"></p><script>
setInterval(() => { document.getElementById("clock").textContent = String(Date.now()); }, 50);
</script>`)
	start := time.Now()
	p, err := checker.CheckURL(t.Context(), browser(t), url, checker.Options{
		Rules: []*a11y.Rule{imgRule}, Wait: checker.Wait{Quiet: time.Second, Max: 2 * time.Second},
	})
	require.NoError(t, err)
	assert.True(t, p.Settled.Loaded)
	assert.False(t, p.Settled.Quiet, "a page that changes all the time never falls quiet")
	assert.Less(t, time.Since(start), 15*time.Second)
}

func TestCheckURLViewport(t *testing.T) {
	url := servePage(t, `<!doctype html><title>Smal</title><div id="full" style="width:100%">x</div>`)
	p, err := checker.CheckURL(t.Context(), browser(t), url, checker.Options{
		Rules: []*a11y.Rule{imgRule}, Viewport: &checker.Viewport{Width: 320, Height: 640},
	})
	require.NoError(t, err)
	assert.Equal(t, 320.0, p.Doc.Viewport.Width)
	full := p.Doc.ByID(p.Doc.Root, "full")
	require.NotNil(t, full.Box)
	assert.LessOrEqual(t, full.Box.Width, 320.0)
}
