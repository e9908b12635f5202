package components

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/checker/checkertest"
)

func TestMain(m *testing.M) { os.Exit(checkertest.Main(m)) }

// galleryServer serves every gallery page at /<lang>/<name>, and answers
// the time-out warning's extension posts.
func galleryServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{lang}/{name}", func(w http.ResponseWriter, r *http.Request) {
		lang := r.PathValue("lang")
		if _, ok := LanguageOf(lang); !ok {
			http.NotFound(w, r)
			return
		}
		entries := gallery(lang)
		// A time-out warning that opens after one second.
		soon := basePage(lang, samples[lang])
		soon.Timeout = &TimeoutWarning{WarnAfter: time.Second, Remaining: 5 * time.Minute, ExtendURL: "/forlang"}
		entries = append(entries, galleryEntry{Name: "timeout-soon", Page: soon})
		for _, e := range entries {
			if e.Name == r.PathValue("name") {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				if err := e.Page.Render(w, lang); err != nil {
					http.Error(w, err.Error(), http.StatusInternalServerError)
				}
				return
			}
		}
		http.NotFound(w, r)
	})
	mux.HandleFunc("POST /forlang", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Requested-With") == "delaktig" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		http.Redirect(w, r, "/sv/timeout", http.StatusSeeOther)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// browserWait is how long a gallery page may take to load and settle.
var browserWait = checker.Wait{Load: 15 * time.Second, Quiet: 100 * time.Millisecond, Max: 3 * time.Second}

type browserCase struct {
	name, url    string
	viewport     *checker.Viewport
	interactions checker.Interactions
	res          *checker.PageResult
	err          error
}

// interactions returns the interaction checks for a language. By default
// Swedish pages get every check (keyboard walk, reflow at 320 px, 200 %
// zoom, text spacing) and Arabic pages the layout checks (reflow, zoom,
// text spacing), so that every component is driven left to right and laid
// out right to left; the keyboard walk is the slow part. DK_INTERACT_LANGS
// (a comma-separated list of languages, or "all") gives every check to the
// languages it names instead. With -short, no page is driven.
func interactions(lang string) checker.Interactions {
	if testing.Short() {
		return checker.Interactions{}
	}
	if want := os.Getenv("DK_INTERACT_LANGS"); want != "" {
		if want == "all" || slices.Contains(strings.Split(want, ","), lang) {
			return checker.AllInteractions()
		}
		return checker.Interactions{}
	}
	switch lang {
	case "sv":
		return checker.AllInteractions()
	case "ar":
		in := checker.AllInteractions()
		in.Keyboard = false
		return in
	}
	return checker.Interactions{}
}

// TestBrowserCheck loads every component page in every shipped language in
// Chrome, where the rules that need styles and layout (contrast, target
// size, focus visibility, reflow) can decide, and requires zero failed
// findings. Swedish and Arabic pages are also driven (see interactions),
// or, with -short, checked in a 320 px wide viewport.
func TestBrowserCheck(t *testing.T) {
	b := checkertest.Browser(t)
	srv := galleryServer(t)
	narrow := &checker.Viewport{Width: 320, Height: 640}
	var cases []*browserCase
	for _, l := range Languages() {
		for _, e := range gallery(l.Tag) {
			c := &browserCase{name: l.Tag + "/" + e.Name, url: srv.URL + "/" + l.Tag + "/" + e.Name}
			c.interactions = interactions(l.Tag)
			cases = append(cases, c)
			if !c.interactions.Reflow && (l.Tag == "sv" || l.Tag == "ar") {
				// Without the reflow check, look at the narrow layout
				// directly.
				cases = append(cases, &browserCase{name: c.name + "@320", url: c.url, viewport: narrow})
			}
		}
	}
	all := checkRules()
	work := make(chan *browserCase)
	var wg sync.WaitGroup
	for range max(4, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for c := range work {
				c.res, c.err = checker.CheckURL(t.Context(), b, c.url, checker.Options{Rules: all, Locale: "en", Wait: browserWait, Viewport: c.viewport, Interactions: c.interactions})
			}
		})
	}
	for _, c := range cases {
		work <- c
	}
	close(work)
	wg.Wait()

	asked := map[string]int{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.NoError(t, c.err)
			assert.Equal(t, a11y.ModeBrowser, c.res.Doc.Mode)
			assert.Empty(t, failures(c.res.Result), "failed findings")
			cantTells(c.res.Result, asked)
		})
	}
	t.Logf("%d page states checked in Chrome; cantTell by key: %v", len(cases), asked)
}

// page opens url in a pooled tab and returns the tab, waited until the
// page settled.
func openTab(t *testing.T, b *checker.Browser, url string) *checker.Tab {
	t.Helper()
	tab, err := b.Tab(t.Context())
	require.NoError(t, err)
	t.Cleanup(tab.Release)
	_, err = tab.Navigate(t.Context(), url, browserWait.Load)
	require.NoError(t, err)
	_, err = tab.WaitSettled(t.Context(), browserWait)
	require.NoError(t, err)
	return tab
}

func eval[T any](t *testing.T, tab *checker.Tab, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab.Context(), 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	require.NoError(t, err, js)
	return v
}

// waitFor polls js until it is true.
func waitFor(t *testing.T, tab *checker.Tab, js string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if eval[bool](t, tab, js) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s did not become true within %s", js, within)
}

// TestBrowserBehaviour checks what the script adds: the error summary
// takes focus, the character count counts and speaks, and the time-out
// warning opens, extends and closes.
func TestBrowserBehaviour(t *testing.T) {
	b := checkertest.Browser(t)
	srv := galleryServer(t)

	t.Run("error summary takes focus", func(t *testing.T) {
		tab := openTab(t, b, srv.URL+"/sv/error-summary")
		assert.Equal(t, "dk-error-summary", eval[string](t, tab, `document.activeElement.id`))
		// A link moves focus to its field.
		eval[bool](t, tab, `document.querySelector("#dk-error-summary a[href='#beslut']").click(), true`)
		assert.Equal(t, "beslut", eval[string](t, tab, `document.activeElement.id`))
	})

	t.Run("character count", func(t *testing.T) {
		tab := openTab(t, b, srv.URL+"/pl/textarea")
		assert.Equal(t, "Zostało Ci 200 znaków.", eval[string](t, tab, `document.querySelector("[data-dk-count-status]").textContent`))
		eval[bool](t, tab, `document.getElementById("meddelande").focus(), true`)
		ctx, cancel := context.WithTimeout(tab.Context(), 10*time.Second)
		defer cancel()
		_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: strings.Repeat("ą", 197)})
		require.NoError(t, err)
		assert.Equal(t, "Zostały Ci 3 znaki.", eval[string](t, tab, `document.querySelector("[data-dk-count-status]").textContent`))
		assert.Equal(t, "", eval[string](t, tab, `document.querySelector("[data-dk-count-live]").textContent`), "the live region waits until typing stops")
		waitFor(t, tab, `document.querySelector("[data-dk-count-live]").textContent === "Zostały Ci 3 znaki."`, 5*time.Second)
		_, err = chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: "abcde"})
		require.NoError(t, err)
		assert.Equal(t, "Wpisano o 2 znaki za dużo.", eval[string](t, tab, `document.querySelector("[data-dk-count-status]").textContent`))
		assert.Equal(t, 202, eval[int](t, tab, `document.getElementById("meddelande").value.length`), "nothing is cut off")
	})

	t.Run("count in a fallback language is marked", func(t *testing.T) {
		tab := openTab(t, b, srv.URL+"/ti/textarea")
		assert.Equal(t, "en", eval[string](t, tab, `document.querySelector("[data-dk-count-status]").lang`))
	})

	t.Run("time-out warning", func(t *testing.T) {
		tab := openTab(t, b, srv.URL+"/sv/timeout-soon")
		waitFor(t, tab, `document.getElementById("dk-timeout").open`, 5*time.Second)
		assert.True(t, eval[bool](t, tab, `document.getElementById("dk-timeout").matches(":modal")`), "opened as a modal dialog")
		assert.True(t, eval[bool](t, tab, `document.getElementById("dk-timeout").contains(document.activeElement)`), "focus moves into the dialog")
		assert.Contains(t, eval[string](t, tab, `document.getElementById("dk-timeout-text").textContent`), "5 minuter")
		eval[bool](t, tab, `document.querySelector("#dk-timeout button").click(), true`)
		waitFor(t, tab, `!document.getElementById("dk-timeout").open`, 5*time.Second)
		assert.Contains(t, eval[string](t, tab, `location.pathname`), "/sv/timeout-soon", "extended in the background, no reload")
		// It opens again after the same wait, and Escape asks for more time too.
		waitFor(t, tab, `document.getElementById("dk-timeout").open`, 5*time.Second)
		ctx, cancel := context.WithTimeout(tab.Context(), 10*time.Second)
		defer cancel()
		require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent("\x1b")))
		waitFor(t, tab, `!document.getElementById("dk-timeout").open`, 5*time.Second)
	})
}
