package checker

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// Defaults of the wait for a page to settle.
const (
	DefaultTimeout   = 30 * time.Second
	DefaultQuiet     = 300 * time.Millisecond
	DefaultSettleMax = 5 * time.Second
)

// Wait bounds the wait for a page to settle after a navigation or an action.
// The zero value uses the defaults.
type Wait struct {
	// Load is how long the page may take to load (default 30 s).
	Load time.Duration
	// Quiet is how long the page must show no network request and no DOM
	// mutation (default 300 ms).
	Quiet time.Duration
	// Max is how long, once loaded, the checker waits for quiet before it
	// takes the page as it is (default 5 s): pages with animations or
	// polling never fall quiet.
	Max time.Duration
}

func (w Wait) withDefaults() Wait {
	if w.Load <= 0 {
		w.Load = DefaultTimeout
	}
	if w.Quiet <= 0 {
		w.Quiet = DefaultQuiet
	}
	if w.Max <= 0 {
		w.Max = DefaultSettleMax
	}
	return w
}

// settleScript installs (once per document) a MutationObserver and returns
// the document's readiness and the milliseconds since the last mutation.
const settleScript = `(() => {
	const k = Symbol.for("delaktig.settle");
	let s = window[k];
	if (!s) {
		s = {t: performance.now()};
		try {
			new MutationObserver(() => { s.t = performance.now(); })
				.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
		} catch (e) {}
		try { Object.defineProperty(window, k, {value: s}); } catch (e) {}
	}
	return {r: document.readyState, q: performance.now() - s.t};
})()`

type settleState struct {
	R string  `json:"r"`
	Q float64 `json:"q"`
}

// Settled tells how a wait for a page ended.
type Settled struct {
	// Loaded is true when the main document finished loading.
	Loaded bool
	// Quiet is true when the page then fell quiet before Wait.Max.
	Quiet bool
	// Took is how long the wait lasted.
	Took time.Duration
}

// WaitSettled waits until the tab's page has loaded (no main-frame load in
// progress, document.readyState "complete") and then shows no network
// request and no DOM mutation for w.Quiet, at least w.Quiet after the call.
// A page that does not load within w.Load, or does not fall quiet within
// w.Max after loading, is taken as it is: the result says so, and the error
// is nil. The error reports a crashed page, a lost browser or ctx ending.
func (t *Tab) WaitSettled(ctx context.Context, w Wait) (Settled, error) {
	w = w.withDefaults()
	start := time.Now()
	var loadedAt time.Time
	for {
		if err := ctx.Err(); err != nil {
			return Settled{Took: time.Since(start)}, err
		}
		act := t.mon.now()
		if act.crashed {
			t.broken = true
			return Settled{Took: time.Since(start)}, fmt.Errorf("%w: the page crashed", ErrBrowserGone)
		}
		if !t.b.alive() || t.ctx.Err() != nil {
			t.broken = true
			return Settled{Took: time.Since(start)}, ErrBrowserGone
		}
		now := time.Now()
		var st settleState
		ok := false
		if !act.loading {
			ectx, cancel := t.join(ctx)
			ectx, cancel2 := context.WithTimeout(ectx, time.Second)
			st, ok = evalSettle(ectx)
			cancel2()
			cancel()
		}
		loaded := ok && !act.loading && st.R == "complete"
		if loaded && loadedAt.IsZero() {
			loadedAt = now
		}
		if !loaded {
			loadedAt = time.Time{}
		}
		quiet := loaded && act.inflight == 0 &&
			now.Sub(act.lastNet) >= w.Quiet && now.Sub(act.lastNav) >= w.Quiet &&
			time.Duration(st.Q*float64(time.Millisecond)) >= w.Quiet && now.Sub(start) >= w.Quiet
		switch {
		case quiet:
			return Settled{Loaded: true, Quiet: true, Took: time.Since(start)}, nil
		case !loaded && now.Sub(start) >= w.Load:
			return Settled{Took: time.Since(start)}, nil
		case loaded && now.Sub(loadedAt) >= w.Max:
			return Settled{Loaded: true, Took: time.Since(start)}, nil
		}
		select {
		case <-ctx.Done():
		case <-time.After(40 * time.Millisecond):
		}
	}
}

// evalSettle runs settleScript; ok is false while no document can answer
// (between two documents, or while a dialog blocks the page).
func evalSettle(ctx context.Context) (settleState, bool) {
	st, err := chromedp.Run(ctx, chromedp.Evaluate[settleState](settleScript))
	return st, err == nil
}
