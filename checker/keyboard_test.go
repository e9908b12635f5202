package checker_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ixPages serves each entry of m at /<key>.
func ixPages(t *testing.T, m map[string]string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := m[strings.TrimPrefix(r.URL.Path, "/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// ixWait settles small local pages quickly.
var ixWait = checker.Wait{Load: 10 * time.Second, Quiet: 80 * time.Millisecond, Max: 2 * time.Second}

// interacted loads url in a pooled tab, snapshots it and makes the
// interaction checks in.
func interacted(t *testing.T, url string, in checker.Interactions) (*a11y.Document, *checker.InteractionReport, *checker.Tab) {
	t.Helper()
	tb := tab(t)
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	t.Cleanup(cancel)
	_, err := tb.Navigate(ctx, url, ixWait.Load)
	require.NoError(t, err)
	_, err = tb.WaitSettled(ctx, ixWait)
	require.NoError(t, err)
	doc, err := checker.Snapshot(tb.Context())
	require.NoError(t, err)
	rep, err := tb.Interact(ctx, doc, in)
	require.NoError(t, err)
	require.Empty(t, rep.Errors)
	return doc, rep, tb
}

func keyboardOnly() checker.Interactions { return checker.Interactions{Keyboard: true} }

// stepIDs returns the id attributes of the walk's elements, in order.
func stepIDs(w *a11y.FocusWalk) []string {
	var out []string
	for _, s := range w.Steps {
		out = append(out, s.Node.ID())
	}
	return out
}

func stepByID(t *testing.T, w *a11y.FocusWalk, id string) *a11y.FocusRendering {
	t.Helper()
	for _, s := range w.Steps {
		if s.Node.ID() == id {
			return s
		}
	}
	require.Failf(t, "not reached", "the walk did not reach #%s (reached %v)", id, stepIDs(w))
	return nil
}

const walkPage = `<!doctype html><html lang="sv"><head><title>Tangentbord</title><style>
body { font: 16px sans-serif; margin: 0; padding: 20px; }
.bare:focus { outline: none; }
.ring:focus { outline: none; box-shadow: 0 0 0 3px #1a5fb4; }
.far { margin-top: 1600px; display: block; }
#flag.on { background: #c00; }
footer { position: fixed; left: 0; right: 0; bottom: 0; height: 150px; background: #222; color: #fff; }
</style></head><body>
<a id="first" href="#a">Första</a>
<a id="bare" class="bare" href="#b">Utan ram</a>
<button id="ring" class="ring">Egen ram</button>
<input id="field" aria-label="Namn" value="Anna">
<p><span id="flag">Markering</span></p>
<a id="elsewhere" class="bare" href="#c"
  onfocus="document.getElementById('flag').classList.add('on')"
  onblur="document.getElementById('flag').classList.remove('on')">Visar på annan plats</a>
<a id="skipped" href="#d" tabindex="-1">Inte i ordningen</a>
<a id="hidden" class="far" href="#e">Under foten</a>
<div style="height: 40px"></div>
<footer><a id="footer" href="#f">I foten</a></footer>
<script>document.getElementById("field").focus();</script>
</body></html>`

func TestKeyboardWalk(t *testing.T) {
	srv := ixPages(t, map[string]string{"walk": walkPage})
	doc, rep, tb := interacted(t, srv.URL+"/walk", keyboardOnly())
	w := doc.Focus()
	require.NotNil(t, w)
	assert.True(t, w.Complete, "stopped: %s", w.Stopped)
	assert.Equal(t, []string{"first", "bare", "ring", "field", "elsewhere", "hidden", "footer"}, stepIDs(w))
	assert.True(t, doc.Has(a11y.NeedsInteraction))
	assert.Equal(t, 7, rep.Stops)

	for _, id := range []string{"first", "ring", "field", "elsewhere"} {
		s := stepByID(t, w, id)
		assert.True(t, s.PixelsCompared, id)
		assert.True(t, s.Changed, "%s shows focus", id)
	}
	bare := stepByID(t, w, "bare")
	assert.True(t, bare.PixelsCompared)
	assert.False(t, bare.Changed, "outline: none and nothing else changes")
	// the indicator of #elsewhere is the other element's background
	ind := stepByID(t, w, "elsewhere").Indicator
	require.NotNil(t, ind)
	flag := doc.ByID(doc.Root, "flag")
	require.NotNil(t, flag.Box)
	assert.InDelta(t, flag.Box.X, ind.X, 3)

	first := stepByID(t, w, "first")
	assert.True(t, first.CoverageMeasured)
	assert.Zero(t, first.Obscured)
	hidden := stepByID(t, w, "hidden")
	assert.True(t, hidden.CoverageMeasured)
	assert.Greater(t, hidden.Obscured, 0.99, "the fixed footer covers the link scrolled to the bottom edge")
	require.NotNil(t, hidden.ObscuredBy)
	assert.Equal(t, "footer", hidden.ObscuredBy.Data)
	assert.Less(t, stepByID(t, w, "footer").Obscured, 0.01)

	// the page is put back: focus on the field it had, scrolled to the top
	state, err := chromedp.Run(tb.Context(), chromedp.Evaluate[string](`document.activeElement.id + "@" + scrollY + ":" + document.querySelectorAll("style").length + ":" + document.body.lastElementChild.tagName`))
	require.NoError(t, err)
	assert.Equal(t, "field@0:1:SCRIPT", state)
	facts := doc.Keyboard()
	require.NotNil(t, facts)
	assert.Nil(t, facts.Trap)
	assert.Zero(t, facts.Unmapped)
}

// The traps of ACT rules a1b64e and 80af7b: focus given back on blur, and
// two buttons handing focus to each other.
const (
	stuckPage = `<!doctype html><html lang="en"><head><title>Trap</title></head><body>
<a id="l1" href="#">Link 1</a>
<button id="b1" onblur="setTimeout(() => this.focus(), 10)">Button1</button>
<a id="l2" href="#">Link 2</a></body></html>`
	cyclePage = `<!doctype html><html lang="en"><head><title>Trap</title></head><body>
<button id="b1" onblur="setTimeout(() => this.nextElementSibling.focus(), 10)">Button1</button><button
 id="b2" onblur="setTimeout(() => this.previousElementSibling.focus(), 10)">Button2</button>
<button id="b3">Button3</button></body></html>`
	escapePage = `<!doctype html><html lang="en"><head><title>Editor</title></head><body>
<a id="before" href="#">Före</a>
<textarea id="ed" aria-label="Kod"></textarea>
<a id="after" href="#">Efter</a>
<script>
let esc = false;
const ed = document.getElementById("ed");
ed.addEventListener("keydown", e => {
	if (e.key === "Escape") { esc = true; return; }
	if (e.key === "Tab" && !esc) e.preventDefault();
});
ed.addEventListener("focus", () => { esc = false; });
</script></body></html>`
	modalPage = `<!doctype html><html lang="sv"><head><title>Dialog</title></head><body>
<a id="behind" href="#">Bakom</a>
<div role="dialog" aria-modal="true" aria-label="Fråga" id="dlg">
<span tabindex="0" id="s1" onfocus="document.getElementById('close').focus()"></span>
<input id="in" aria-label="Svar"><button id="close">Stäng</button>
<span tabindex="0" id="s2" onfocus="document.getElementById('in').focus()"></span>
</div>
<script>document.getElementById("in").focus();</script></body></html>`
)

func TestKeyboardTraps(t *testing.T) {
	srv := ixPages(t, map[string]string{"stuck": stuckPage, "cycle": cyclePage, "escape": escapePage, "modal": modalPage})
	t.Run("stuck", func(t *testing.T) {
		doc, _, _ := interacted(t, srv.URL+"/stuck", keyboardOnly())
		trap := doc.Keyboard().Trap
		require.NotNil(t, trap)
		assert.Equal(t, a11y.TrapStuck, trap.Kind)
		assert.Equal(t, "b1", trap.Node.ID())
		assert.True(t, trap.Trapped())
		assert.Equal(t, "trap", doc.Focus().Stopped)
		assert.False(t, doc.Focus().Complete)
	})
	t.Run("cycle", func(t *testing.T) {
		doc, _, _ := interacted(t, srv.URL+"/cycle", keyboardOnly())
		trap := doc.Keyboard().Trap
		require.NotNil(t, trap)
		assert.True(t, trap.Trapped(), "%+v", trap)
		assert.Equal(t, "trap", doc.Focus().Stopped)
	})
	t.Run("escape", func(t *testing.T) {
		doc, _, _ := interacted(t, srv.URL+"/escape", keyboardOnly())
		trap := doc.Keyboard().Trap
		require.NotNil(t, trap)
		assert.Equal(t, a11y.TrapStuck, trap.Kind)
		assert.Equal(t, "ed", trap.Node.ID())
		assert.True(t, trap.Backward || trap.Escape, "Shift+Tab or Escape leaves the editor")
		assert.False(t, trap.Trapped())
		assert.Equal(t, "blocked", doc.Focus().Stopped)
	})
	t.Run("modal", func(t *testing.T) {
		doc, _, _ := interacted(t, srv.URL+"/modal", keyboardOnly())
		trap := doc.Keyboard().Trap
		require.NotNil(t, trap)
		assert.Equal(t, a11y.TrapModal, trap.Kind)
		require.NotNil(t, trap.Dialog)
		assert.Equal(t, "dlg", trap.Dialog.ID())
		assert.False(t, trap.Trapped())
		assert.Equal(t, "modal", doc.Focus().Stopped)
	})
}

const clickPage = `<!doctype html><html lang="sv"><head><title>Klick</title><style>
.btn { cursor: pointer; display: inline-block; padding: 4px; background: #8cc4ea; }
</style></head><body>
<div id="onclick" class="btn" onclick="location.hash='a'">Nästa <span id="inner">»</span></div>
<div id="listener">Visa mer</div>
<span id="pointer" class="btn">Ser klickbar ut</span>
<button id="button" onclick="void 0">Knapp</button>
<div id="card" onclick="void 0"><a href="#b">Läs</a></div>
<label id="label" style="cursor:pointer"><input type="checkbox"> Jag godkänner</label>
<div id="focusable" tabindex="0" onclick="void 0">Fokuserbar</div>
<div id="gone" onclick="void 0" style="display:none">Dold</div>
<script>document.getElementById("listener").addEventListener("click", () => {});</script>
</body></html>`

func TestClickable(t *testing.T) {
	srv := ixPages(t, map[string]string{"click": clickPage})
	doc, _, _ := interacted(t, srv.URL+"/click", keyboardOnly())
	facts := doc.Keyboard()
	require.NotNil(t, facts)
	assert.True(t, facts.ClickChecked)
	assert.False(t, facts.ClickLimited)
	got := map[string]*a11y.Clickable{}
	for _, c := range facts.Clickable {
		got[c.Node.ID()] = c
	}
	require.Contains(t, got, "onclick")
	assert.True(t, got["onclick"].Attribute)
	assert.True(t, got["onclick"].Listener, "onclick attributes are listeners too")
	assert.True(t, got["onclick"].Pointer)
	require.Contains(t, got, "listener")
	assert.Equal(t, []string{"click"}, got["listener"].Events)
	assert.False(t, got["listener"].Attribute)
	require.Contains(t, got, "pointer")
	assert.True(t, got["pointer"].Pointer)
	assert.False(t, got["pointer"].Listener)
	for _, id := range []string{"inner", "button", "card", "label", "focusable", "gone"} {
		assert.NotContains(t, got, id)
	}
}

// TestTallFocusableNotObscured: a focusable box taller than the window is
// never wholly in view; the part in view is what counts.
func TestTallFocusableNotObscured(t *testing.T) {
	srv := ixPages(t, map[string]string{"tall": `<!doctype html><html lang="sv"><head><title>Tabell</title></head><body>
<a id="first" href="#">Början</a>
<div id="box" tabindex="0" role="region" aria-label="Avgifter" style="height: 9000px; background: #eee">Avgifter</div>
<a id="last" href="#">Slutet</a></body></html>`})
	doc, _, _ := interacted(t, srv.URL+"/tall", keyboardOnly())
	w := doc.Focus()
	require.NotNil(t, w)
	box := stepByID(t, w, "box")
	require.True(t, box.CoverageMeasured)
	assert.Less(t, box.Obscured, 0.01, "nothing covers the part in view")
	assert.Nil(t, box.ObscuredBy)
}
