package checker

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/remote"
)

// ErrNoBrowser is returned by New when no Chrome or Chromium binary can be
// found or started.
var ErrNoBrowser = errors.New("checker: no Chrome or Chromium found: install one (apt-get install -y chromium) or set DELAKTIG_CHROME to its path")

// ErrBrowserGone is wrapped by errors that happen because Chrome crashed, was
// closed, or the connection to it was lost.
var ErrBrowserGone = errors.New("checker: lost the connection to the browser")

// Flags are the command-line switches New starts Chrome with, besides a fresh
// --user-data-dir and the pipe chromedp talks through.
var Flags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
}

// chromeNames are the binaries looked up on PATH when no path is given.
var chromeNames = []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"}

// Viewport is a layout viewport size in CSS pixels.
type Viewport struct {
	Width  int `json:"width" yaml:"width"`
	Height int `json:"height" yaml:"height"`
}

// DefaultViewport is the viewport of a new tab: a common laptop screen.
var DefaultViewport = Viewport{Width: 1280, Height: 800}

// Option configures New.
type Option func(*config)

type config struct {
	chrome       string
	remote       string
	tabs         int
	viewport     Viewport
	startTimeout time.Duration
	logf         func(string, ...any)
}

// WithChrome uses the Chrome or Chromium binary at path. Without it, New looks
// for chromium, chromium-browser, google-chrome and headless-shell on PATH.
// (The command-line tool reads DELAKTIG_CHROME and passes it here; the library
// reads no environment variable.)
func WithChrome(path string) Option { return func(c *config) { c.chrome = path } }

// WithRemote attaches to a Chrome that already runs, at a DevTools address:
// "ws://host:port/devtools/browser/…", or "http://host:9222" (the websocket
// address is then read from /json/version). Close then closes only the tabs
// the Browser opened.
func WithRemote(url string) Option { return func(c *config) { c.remote = url } }

// WithTabs sets how many tabs may be in use at the same time (default 4).
func WithTabs(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.tabs = n
		}
	}
}

// WithViewport sets the viewport of new tabs (default DefaultViewport).
func WithViewport(v Viewport) Option { return func(c *config) { c.viewport = v } }

// WithStartTimeout bounds how long starting or attaching may take (default 30 s).
func WithStartTimeout(d time.Duration) Option { return func(c *config) { c.startTimeout = d } }

// WithLogf receives the browser's protocol errors, which are otherwise dropped.
func WithLogf(f func(format string, args ...any)) Option { return func(c *config) { c.logf = f } }

// Browser is a running (or attached) Chrome with a pool of tabs. It is safe
// for concurrent use.
type Browser struct {
	cfg config

	allocCtx    context.Context
	allocCancel context.CancelFunc
	ctx         context.Context // the browser's own chromedp context
	cancel      context.CancelFunc
	dataDir     string // our temporary profile; "" when attached
	path        string // the Chrome binary; "" when attached

	slots chan struct{}
	mu    sync.Mutex
	idle  []*Tab

	closeOnce sync.Once
	stopWatch func() bool
	done      chan struct{}
	closeErr  error
}

// New starts a headless Chrome (or attaches to one, see WithRemote). ctx bounds
// the browser's life: when it ends, Chrome and every process it started are
// stopped and the temporary profile is removed, as by Close. New returns an
// error wrapping ErrNoBrowser when no browser binary is found or it cannot run.
func New(ctx context.Context, opts ...Option) (*Browser, error) {
	cfg := config{tabs: 4, viewport: DefaultViewport, startTimeout: 30 * time.Second}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.viewport.Width <= 0 || cfg.viewport.Height <= 0 {
		cfg.viewport = DefaultViewport
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	b := &Browser{cfg: cfg, slots: make(chan struct{}, cfg.tabs), done: make(chan struct{})}

	logf := cfg.logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if cfg.remote != "" {
		u := cfg.remote
		if !strings.Contains(u, "://") {
			u = "http://" + u
		}
		b.allocCtx, b.allocCancel = remote.NewAllocator(ctx, u)
	} else {
		path, err := findChrome(cfg.chrome)
		if err != nil {
			return nil, err
		}
		sweepProfiles()
		dir, err := os.MkdirTemp("", profilePrefix)
		if err != nil {
			return nil, fmt.Errorf("checker: create a profile directory: %w", err)
		}
		_ = os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o600)
		b.path, b.dataDir = path, dir
		aopts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(path)}
		for _, f := range Flags {
			aopts = append(aopts, chromedp.Flag(strings.TrimPrefix(f, "--"), true))
		}
		aopts = append(aopts, chromedp.UserDataDir(dir))
		b.allocCtx, b.allocCancel = chromedp.NewExecAllocator(ctx, aopts...)
	}
	b.ctx, b.cancel = chromedp.NewContext(b.allocCtx, chromedp.WithErrorf(logf), chromedp.WithLogf(logf))

	timer := time.AfterFunc(cfg.startTimeout, b.cancel)
	err := chromedp.Do(b.ctx)
	timedOut := !timer.Stop()
	if err != nil {
		b.shutdown(false)
		switch {
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case cfg.remote != "":
			return nil, fmt.Errorf("checker: attach to the browser at %s: %w", cfg.remote, err)
		case timedOut:
			return nil, fmt.Errorf("checker: %s did not start within %v: %w", b.path, cfg.startTimeout, ErrNoBrowser)
		default:
			return nil, fmt.Errorf("checker: start %s: %w (%w)", b.path, ErrNoBrowser, err)
		}
	}
	b.stopWatch = context.AfterFunc(ctx, func() {
		b.closeOnce.Do(func() { b.shutdown(false) })
	})
	return b, nil
}

// Temporary profiles are named profilePrefix+random in the temporary
// directory and hold ownerFile, the process id of the program that made them.
const (
	profilePrefix = "delaktig-chrome-"
	ownerFile     = "delaktig-owner"
)

// sweepProfiles removes the temporary profiles left behind by programs that
// ended without Close (a test binary that was killed, say): those whose
// owner is no longer running and that no process uses.
func sweepProfiles() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), profilePrefix+"*"))
	for _, dir := range dirs {
		b, err := os.ReadFile(filepath.Join(dir, ownerFile))
		if err != nil {
			continue // not ours, or being created
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || pid == os.Getpid() || processAlive(pid) || len(ProcessesUsing(dir)) > 0 {
			continue
		}
		_ = os.RemoveAll(dir)
	}
}

// findChrome returns the browser binary to run.
func findChrome(path string) (string, error) {
	if path != "" {
		p, err := exec.LookPath(path)
		if err != nil {
			return "", fmt.Errorf("checker: browser %q: %w", path, ErrNoBrowser)
		}
		return p, nil
	}
	for _, name := range chromeNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// UserDataDir returns the temporary profile directory of a started Chrome
// ("" when attached to a remote one). It is removed by Close.
func (b *Browser) UserDataDir() string { return b.dataDir }

// Remote reports whether the Browser is attached to a Chrome it did not start.
func (b *Browser) Remote() bool { return b.cfg.remote != "" }

// Done returns a channel closed once the browser has been shut down and
// cleaned up, by Close or because the context given to New ended.
func (b *Browser) Done() <-chan struct{} { return b.done }

// Version returns the browser's product string, such as "Chrome/156.0.8078.79".
func (b *Browser) Version(ctx context.Context) (string, error) {
	cctx, cancel := b.join(ctx)
	defer cancel()
	res, err := chromedp.CallBrowser(cctx, browser.GetVersion, cdp.Empty{})
	if err != nil {
		return "", b.wrap(err)
	}
	return res.Product, nil
}

// Close closes every tab, stops Chrome (when New started it) and every process
// it started, and removes the temporary profile. It waits until that is done
// and may be called more than once.
func (b *Browser) Close() error {
	b.closeOnce.Do(func() {
		if b.stopWatch != nil {
			b.stopWatch()
		}
		b.shutdown(true)
	})
	<-b.done
	return b.closeErr
}

// shutdown stops the browser; graceful asks Chrome to close first.
func (b *Browser) shutdown(graceful bool) {
	defer close(b.done)
	if graceful && b.ctx.Err() == nil {
		finished := make(chan struct{})
		go func() {
			defer close(finished)
			_ = chromedp.Cancel(b.ctx)
		}()
		select {
		case <-finished:
		case <-time.After(5 * time.Second):
		}
	}
	b.cancel()
	b.allocCancel() // waits for the browser process to exit
	if b.dataDir != "" {
		killLeftovers(b.dataDir)
		b.closeErr = removeAll(b.dataDir)
	}
}

// removeAll removes dir, retrying for a moment while late writers finish.
func removeAll(dir string) error {
	deadline := time.Now().Add(3 * time.Second)
	for {
		err := os.RemoveAll(dir)
		if err == nil || time.Now().After(deadline) {
			if err != nil {
				return fmt.Errorf("checker: remove profile %s: %w", dir, err)
			}
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// join returns a context of the browser that also ends when caller ends and
// carries caller's deadline.
func (b *Browser) join(caller context.Context) (context.Context, context.CancelFunc) {
	return joinContext(b.ctx, caller)
}

// joinContext derives a context from base (a chromedp context) that is also
// cancelled when caller is, and has caller's deadline.
func joinContext(base, caller context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(base)
	var cancelDeadline context.CancelFunc = func() {}
	if d, ok := caller.Deadline(); ok {
		ctx, cancelDeadline = context.WithDeadline(ctx, d)
	}
	stop := context.AfterFunc(caller, func() { cancel(context.Cause(caller)) })
	return ctx, func() {
		stop()
		cancelDeadline()
		cancel(context.Canceled)
	}
}

// wrap marks err as caused by a lost browser when the browser is gone.
func (b *Browser) wrap(err error) error {
	if err == nil || errors.Is(err, ErrBrowserGone) {
		return err
	}
	if b.ctx.Err() != nil {
		return fmt.Errorf("%w: %w", ErrBrowserGone, err)
	}
	return err
}

// alive reports whether the browser connection still works.
func (b *Browser) alive() bool { return b.ctx.Err() == nil }
