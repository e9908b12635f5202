package examples

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/internal/testenv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// newBrowser starts headless Chrome for one test and returns a context with a
// time limit.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	exec := testenv.Chrome(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exec), chromedp.NoSandbox, chromedp.WindowSize(1280, 800))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	require.NoError(t, chromedp.Do(ctx))
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelTimeout)
	return ctx
}

// navigating runs act and waits until a new document has loaded.
func navigating(act chromedp.Action[chromedp.Void]) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := chromedp.Evaluate[chromedp.Void](`window.__oldPage = true`)(ctx, t); err != nil {
			return err
		}
		if _, err := act(ctx, t); err != nil {
			return err
		}
		for {
			fresh, err := chromedp.Evaluate[bool](`window.__oldPage === undefined && document.readyState === "complete"`)(ctx, t)
			if err == nil && fresh {
				return nil
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(20 * time.Millisecond):
			}
		}
	})
}

// expectAction checks a flow's expect step against the current page.
func expectAction(want map[string]any) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		loc, err := chromedp.Location()(ctx, t)
		if err != nil {
			return err
		}
		text, err := chromedp.Text(chromedp.CSS("body"))(ctx, t)
		if err != nil {
			return err
		}
		if u, ok := want["url_contains"].(string); ok && !strings.Contains(loc, u) {
			return fmt.Errorf("url %s does not contain %s", loc, u)
		}
		if w, ok := want["text"].(string); ok && !strings.Contains(text, w) {
			return fmt.Errorf("page %s does not show %q", loc, w)
		}
		return nil
	})
}

// playFlow runs a decoded flow in Chrome against base.
func playFlow(t *testing.T, ctx context.Context, base string, steps []any) {
	t.Helper()
	for i, raw := range steps {
		step := raw.(map[string]any)
		var acts []chromedp.Action[chromedp.Void]
		for key, arg := range step {
			switch key {
			case "name", "audit":
			case "goto":
				acts = append(acts, chromedp.Navigate(base+arg.(string)))
			case "click":
				acts = append(acts, navigating(chromedp.Click(chromedp.CSS(arg.(string)), chromedp.NodeVisible)))
			case "fill":
				for sel, val := range arg.(map[string]any) {
					// Typing key by key would only make the test slow; the value is what is submitted.
					acts = append(acts, chromedp.SetValue(chromedp.CSS(sel), fmt.Sprint(val)))
				}
			case "select":
				for sel, val := range arg.(map[string]any) {
					acts = append(acts, chromedp.SetValue(chromedp.CSS(sel), fmt.Sprint(val)))
				}
			case "check":
				acts = append(acts, chromedp.Click(chromedp.CSS(arg.(string)), chromedp.NodeVisible))
			case "wait_for":
				acts = append(acts, chromedp.WaitVisible(chromedp.CSS(arg.(string))))
			case "expect":
				acts = append(acts, expectAction(arg.(map[string]any)))
			default:
				t.Fatalf("step %d: action %q", i, key)
			}
		}
		require.NoError(t, chromedp.Do(ctx, acts...), "step %d: %v", i, step)
	}
}

func TestFlowsInChrome(t *testing.T) {
	ctx := newBrowser(t)
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	for _, vr := range Variants() {
		var flow struct {
			Steps []any `yaml:"steps"`
		}
		require.NoError(t, yaml.Unmarshal(Flows()[string(vr)], &flow))
		playFlow(t, ctx, srv.URL, flow.Steps)
		loc, err := chromedp.Run(ctx, chromedp.Location())
		require.NoError(t, err)
		text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
		require.NoError(t, err)
		assert.Contains(t, loc, vr.Path(Steps()[stepReceipt]), vr)
		assert.Regexp(t, `PT-\d{4}-\d{5}`, text, vr)
	}
}

func TestAccessibleBehaviourInChrome(t *testing.T) {
	ctx := newBrowser(t)
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	active := func() string {
		t.Helper()
		id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id || document.activeElement.className`))
		require.NoError(t, err)
		return id
	}

	// The skip link is the first thing Tab reaches, its focus is visible, and it moves focus to main.
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/tillganglig/personuppgifter"), chromedp.KeyEvent("\t")))
	assert.Equal(t, "hoppa", active())
	outline, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.activeElement).outlineStyle`))
	require.NoError(t, err)
	assert.Equal(t, "solid", outline, "focus is visible")
	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent("\r")))
	assert.Equal(t, "innehall", active())

	// Submitting empty moves focus to the error summary, whose links move focus to the fields.
	require.NoError(t, chromedp.Do(ctx, navigating(chromedp.Click(chromedp.CSS("#steg-personuppgifter button[type=submit]")))))
	assert.Equal(t, "felsammanfattning", active())
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#felsammanfattning a[href="#personnummer"]`))))
	assert.Equal(t, "personnummer", active())

	// The inaccessible variant's only way on cannot be reached with the keyboard.
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/otillganglig/personuppgifter")))
	tabIndex, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.getElementById("btnNext").tabIndex`))
	require.NoError(t, err)
	assert.Equal(t, -1, tabIndex)
}
