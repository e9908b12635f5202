package checker

import (
	"context"
	"fmt"
	"math"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// maxShotHeight bounds a full-page screenshot, in CSS pixels.
const maxShotHeight = 16384

// Screenshot returns a PNG of the tab's viewport, or of the whole page when
// full is true (cut at 16 384 CSS pixels). Text and form fields showing one
// of the secrets are painted over.
func (t *Tab) Screenshot(ctx context.Context, full bool, secrets *Secrets) ([]byte, error) {
	cctx, cancel := t.join(ctx)
	defer cancel()
	params := page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng}
	width := float64(t.viewport.Width)
	if full {
		m, err := chromedp.Call(cctx, page.GetLayoutMetrics, cdp.Empty{})
		if err != nil {
			return nil, t.wrap(fmt.Errorf("checker: measure the page: %w", err))
		}
		if m.CSSContentSize != nil {
			width = math.Ceil(m.CSSContentSize.Width)
			height := math.Min(math.Ceil(m.CSSContentSize.Height), maxShotHeight)
			params.Clip = &page.Viewport{X: 0, Y: 0, Width: width, Height: height, Scale: 1}
			params.CaptureBeyondViewport = new(true)
		}
	}
	var rects [][4]float64
	if vals := secrets.list(); len(vals) > 0 {
		var err error
		rects, err = chromedp.Run(cctx, chromedp.Evaluate[[][4]float64](maskExpression(vals, full)))
		if err != nil {
			return nil, t.wrap(fmt.Errorf("checker: find secrets to hide in the screenshot: %w", err))
		}
	}
	res, err := chromedp.Call(cctx, page.CaptureScreenshot, params)
	if err != nil {
		return nil, t.wrap(fmt.Errorf("checker: take a screenshot: %w", err))
	}
	scale := 1.0
	if cfg, err := pngWidth(res.Data); err == nil && width > 0 {
		scale = float64(cfg) / width
	}
	return paintOver(res.Data, rects, scale)
}
