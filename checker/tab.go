package checker

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/inspector"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Tab is one browser tab taken from a Browser's pool. A Tab is used by one
// goroutine at a time; give it back with Release.
type Tab struct {
	b        *Browser
	ctx      context.Context
	cancel   context.CancelFunc
	isolated bool
	mon      *monitor
	viewport Viewport
	broken   bool
	released bool
}

// Dialog is a JavaScript dialog (alert, confirm, prompt, beforeunload) that a
// page opened and the checker closed by accepting it.
type Dialog struct {
	Type    string `json:"type"`
	Message string `json:"message"`
	URL     string `json:"url"`
}

// Tab returns a tab from the pool, waiting while all tabs are in use. The tab
// shares cookies and storage with the other pooled tabs.
func (b *Browser) Tab(ctx context.Context) (*Tab, error) { return b.acquire(ctx, false) }

// IsolatedTab returns a new tab in a fresh browser context (its own cookies,
// storage and cache), closed with everything it holds on Release. It counts
// against the same limit as pooled tabs. Flows run in isolated tabs.
func (b *Browser) IsolatedTab(ctx context.Context) (*Tab, error) { return b.acquire(ctx, true) }

func (b *Browser) acquire(ctx context.Context, isolated bool) (*Tab, error) {
	if !b.alive() {
		return nil, ErrBrowserGone
	}
	select {
	case b.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-b.ctx.Done():
		return nil, ErrBrowserGone
	}
	if !isolated {
		b.mu.Lock()
		if n := len(b.idle); n > 0 {
			t := b.idle[n-1]
			b.idle = b.idle[:n-1]
			b.mu.Unlock()
			t.released = false
			return t, nil
		}
		b.mu.Unlock()
	}
	t, err := b.newTab(ctx, isolated)
	if err != nil {
		<-b.slots
		return nil, err
	}
	return t, nil
}

func (b *Browser) newTab(ctx context.Context, isolated bool) (*Tab, error) {
	if !b.alive() {
		return nil, ErrBrowserGone
	}
	t := &Tab{b: b, isolated: isolated, mon: newMonitor(), viewport: b.cfg.viewport}
	opts := []chromedp.ContextOption{chromedp.WithListener(t.mon.handle)}
	if isolated {
		opts = append(opts, chromedp.WithNewBrowserContext())
	}
	t.ctx, t.cancel = chromedp.NewContext(b.ctx, opts...)
	t.mon.onDialog = func(ev *page.EventJavascriptDialogOpening) {
		// A dialog blocks the page until it is handled; answer from another
		// goroutine, as listeners must not send commands.
		go func() {
			_, _ = chromedp.Call(t.ctx, page.HandleJavaScriptDialog,
				page.HandleJavaScriptDialogParams{Accept: true, PromptText: ev.DefaultPrompt})
		}()
	}
	// The first action creates the target; it must run on the tab's own
	// context, which then bounds the target's life.
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(t.ctx) }()
	select {
	case err := <-done:
		if err != nil {
			t.cancel()
			return nil, b.wrap(fmt.Errorf("checker: open a tab: %w", err))
		}
	case <-ctx.Done():
		t.cancel()
		<-done
		return nil, ctx.Err()
	}
	if tg := chromedp.FromContext(t.ctx).Target; tg != nil {
		t.mon.mu.Lock()
		t.mon.frame = cdp.FrameID(tg.TargetID)
		t.mon.mu.Unlock()
	}
	if err := t.SetViewport(ctx, t.viewport); err != nil {
		t.cancel()
		return nil, err
	}
	// A background tab has no focus: without this, the Tab key moves no
	// focus and focus rings are not painted.
	if _, err := chromedp.Call(t.ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.cancel()
		return nil, b.wrap(fmt.Errorf("checker: emulate focus: %w", err))
	}
	return t, nil
}

// Context returns the tab's chromedp context, for chromedp actions and
// protocol calls (chromedp.Run, chromedp.Call). Do not cancel it; derive
// contexts with timeouts from it.
func (t *Tab) Context() context.Context { return t.ctx }

// Browser returns the browser the tab belongs to.
func (t *Tab) Browser() *Browser { return t.b }

// Viewport returns the tab's current viewport.
func (t *Tab) Viewport() Viewport { return t.viewport }

// SetViewport resizes the tab's layout viewport.
func (t *Tab) SetViewport(ctx context.Context, v Viewport) error {
	if v.Width <= 0 || v.Height <= 0 {
		return fmt.Errorf("checker: bad viewport %dx%d", v.Width, v.Height)
	}
	cctx, cancel := t.join(ctx)
	defer cancel()
	if err := chromedp.Do(cctx, chromedp.EmulateViewport(int64(v.Width), int64(v.Height))); err != nil {
		return t.wrap(fmt.Errorf("checker: set viewport: %w", err))
	}
	t.viewport = v
	return nil
}

// Dialogs returns the JavaScript dialogs the tab's pages opened (and the
// checker accepted) since the last call, and forgets them.
func (t *Tab) Dialogs() []Dialog { return t.mon.takeDialogs() }

// Release gives the tab back. A pooled tab is kept for reuse unless it broke;
// an isolated tab is closed with its browser context.
func (t *Tab) Release() {
	if t.released {
		return
	}
	t.released = true
	b := t.b
	keep := !t.isolated && !t.broken && b.alive() && !t.mon.crashedNow()
	if keep {
		t.mon.takeDialogs()
		b.mu.Lock()
		b.idle = append(b.idle, t)
		b.mu.Unlock()
	} else {
		t.close()
	}
	<-b.slots
}

func (t *Tab) close() {
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		_ = chromedp.Cancel(t.ctx)
	}()
	select {
	case <-finished:
	case <-time.After(3 * time.Second):
		t.cancel()
	}
}

// join derives a context of the tab bounded by the caller's context. It
// ends at once when the page crashes, as no answer will come.
func (t *Tab) join(ctx context.Context) (context.Context, context.CancelFunc) {
	cctx, cancel := joinContext(t.ctx, ctx)
	stop := make(chan struct{})
	go func() {
		select {
		case <-t.mon.crash:
			cancel()
		case <-stop:
		case <-cctx.Done():
		}
	}()
	return cctx, func() {
		close(stop)
		cancel()
	}
}

// wrap marks errors caused by a crashed page or a lost browser, and marks the
// tab broken so that it is not reused.
func (t *Tab) wrap(err error) error {
	if err == nil {
		return nil
	}
	if t.mon.crashedNow() || t.ctx.Err() != nil || !t.b.alive() {
		t.broken = true
		if t.mon.crashedNow() {
			return fmt.Errorf("%w: the page crashed: %w", ErrBrowserGone, err)
		}
		return t.b.wrap(fmt.Errorf("%w: %w", ErrBrowserGone, err))
	}
	return err
}

// monitor follows a tab's network and page events, in the order Chrome sends
// them, to tell when the page has settled.
type monitor struct {
	mu        sync.Mutex
	inflight  map[network.RequestID]time.Time
	frame     cdp.FrameID // the main frame, learned from the first navigation
	loading   bool        // the main frame is loading
	lastNet   time.Time   // last request start or end
	lastNav   time.Time   // last navigation or load event of the main frame
	docStatus map[cdp.LoaderID]docResponse
	loader    cdp.LoaderID // the loader of the last navigation the checker started
	dialogs   []Dialog
	crashed   bool
	crash     chan struct{} // closed when the page crashes
	onDialog  func(*page.EventJavascriptDialogOpening)
}

type docResponse struct {
	status int64
	url    string
}

func newMonitor() *monitor {
	return &monitor{inflight: map[network.RequestID]time.Time{}, docStatus: map[cdp.LoaderID]docResponse{}, crash: make(chan struct{})}
}

// longLived is how long a request may stay open before it no longer keeps a
// page from settling (long polling, streaming, slow analytics).
const longLived = 2 * time.Second

// handle runs in the tab's message loop: it must be fast and send nothing.
func (m *monitor) handle(ev any) {
	now := time.Now()
	m.mu.Lock()
	defer m.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		switch ev.Type {
		case network.ResourceTypeEventSource, network.ResourceTypeWebSocket, network.ResourceTypePing:
			return
		}
		m.inflight[ev.RequestID] = now
		m.lastNet = now
	case *network.EventLoadingFinished:
		delete(m.inflight, ev.RequestID)
		m.lastNet = now
	case *network.EventLoadingFailed:
		delete(m.inflight, ev.RequestID)
		m.lastNet = now
	case *network.EventResponseReceived:
		if ev.Type == network.ResourceTypeDocument && ev.Response != nil && m.isMain(ev.FrameID) {
			if len(m.docStatus) > 64 {
				clear(m.docStatus)
			}
			m.docStatus[ev.LoaderID] = docResponse{status: ev.Response.Status, url: ev.Response.URL}
		}
	case *page.EventFrameStartedLoading:
		if m.isMain(ev.FrameID) {
			m.loading = true
			m.lastNav = now
		}
	case *page.EventFrameStoppedLoading:
		if m.isMain(ev.FrameID) {
			m.loading = false
			m.lastNav = now
		}
	case *page.EventFrameNavigated:
		if ev.Frame != nil && ev.Frame.ParentID == "" {
			m.frame = ev.Frame.ID
			m.lastNav = now
		}
	case *page.EventLoadEventFired:
		m.lastNav = now
	case *page.EventJavascriptDialogOpening:
		m.dialogs = append(m.dialogs, Dialog{Type: string(ev.Type), Message: ev.Message, URL: ev.URL})
		if m.onDialog != nil {
			m.onDialog(ev)
		}
	case *inspector.EventTargetCrashed:
		if !m.crashed {
			m.crashed = true
			close(m.crash)
		}
	}
}

func (m *monitor) isMain(id cdp.FrameID) bool { return m.frame == "" || id == m.frame }

// activity is a copy of the monitor's state at one moment.
type activity struct {
	loading  bool
	inflight int
	lastNet  time.Time
	lastNav  time.Time
	crashed  bool
}

func (m *monitor) now() activity {
	m.mu.Lock()
	defer m.mu.Unlock()
	a := activity{loading: m.loading, lastNet: m.lastNet, lastNav: m.lastNav, crashed: m.crashed}
	cutoff := time.Now().Add(-longLived)
	for _, started := range m.inflight {
		if started.After(cutoff) {
			a.inflight++
		}
	}
	return a
}

func (m *monitor) crashedNow() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.crashed
}

func (m *monitor) takeDialogs() []Dialog {
	m.mu.Lock()
	defer m.mu.Unlock()
	d := m.dialogs
	m.dialogs = nil
	return d
}

// document returns what the monitor saw of the main document's response for
// a loader, and whether it saw it.
func (m *monitor) document(loader cdp.LoaderID) (docResponse, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.docStatus[loader]
	return r, ok
}
