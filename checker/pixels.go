package checker

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"math"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/a11y"
)

// region is a part of the page in CSS pixels of the top document, whole
// pixels, inside the viewport.
type region struct{ x, y, w, h int }

func (r region) empty() bool { return r.w <= 0 || r.h <= 0 }

// regionAround returns box grown by margin on every side, cut to the
// viewport vp (both in page coordinates).
func regionAround(box, vp a11y.Rect, margin float64) region {
	x0 := math.Max(math.Floor(box.X-margin), math.Ceil(vp.X))
	y0 := math.Max(math.Floor(box.Y-margin), math.Ceil(vp.Y))
	x1 := math.Min(math.Ceil(box.X+box.Width+margin), math.Floor(vp.X+vp.Width))
	y1 := math.Min(math.Ceil(box.Y+box.Height+margin), math.Floor(vp.Y+vp.Height))
	if x1 <= x0 || y1 <= y0 {
		return region{}
	}
	return region{x: int(x0), y: int(y0), w: int(x1 - x0), h: int(y1 - y0)}
}

// union returns the smallest region holding a and b.
func (r region) union(o region) region {
	if r.empty() {
		return o
	}
	if o.empty() {
		return r
	}
	x0, y0 := min(r.x, o.x), min(r.y, o.y)
	x1, y1 := max(r.x+r.w, o.x+o.w), max(r.y+r.h, o.y+o.h)
	return region{x: x0, y: y0, w: x1 - x0, h: y1 - y0}
}

// shot is a captured region: the PNG bytes and, once needed, the image.
type shot struct {
	at  region
	png []byte
	img image.Image
}

// capture takes a PNG of region r of the page at one device pixel per CSS pixel.
func capture(ctx context.Context, r region) (*shot, error) {
	res, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
		Format:           page.CaptureScreenshotFormatPng,
		Clip:             &page.Viewport{X: float64(r.x), Y: float64(r.y), Width: float64(r.w), Height: float64(r.h), Scale: 1},
		OptimizeForSpeed: new(true),
	})
	if err != nil {
		return nil, fmt.Errorf("checker: capture a region: %w", err)
	}
	return &shot{at: r, png: res.Data}, nil
}

func (s *shot) image() (image.Image, error) {
	if s.img == nil {
		img, err := png.Decode(bytes.NewReader(s.png))
		if err != nil {
			return nil, fmt.Errorf("checker: decode a screenshot: %w", err)
		}
		s.img = img
	}
	return s.img, nil
}

// pixelTolerance is how much a colour channel (0–255) may differ between two
// shots before the pixel counts as changed: rendering is deterministic, but
// a channel may round one way or the other.
const pixelTolerance = 2

// changedPixels compares two shots of the same region and returns whether
// any pixel differs, and the bounding box of the pixels that do, in page
// coordinates.
func changedPixels(a, b *shot) (bool, *a11y.Rect, error) {
	if bytes.Equal(a.png, b.png) {
		return false, nil, nil
	}
	ia, err := a.image()
	if err != nil {
		return false, nil, err
	}
	ib, err := b.image()
	if err != nil {
		return false, nil, err
	}
	ba, bb := ia.Bounds(), ib.Bounds()
	w, h := min(ba.Dx(), bb.Dx()), min(ba.Dy(), bb.Dy())
	minX, minY, maxX, maxY := w, h, -1, -1
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			r1, g1, b1, a1 := ia.At(ba.Min.X+x, ba.Min.Y+y).RGBA()
			r2, g2, b2, a2 := ib.At(bb.Min.X+x, bb.Min.Y+y).RGBA()
			if near(r1, r2) && near(g1, g2) && near(b1, b2) && near(a1, a2) {
				continue
			}
			minX, minY = min(minX, x), min(minY, y)
			maxX, maxY = max(maxX, x), max(maxY, y)
		}
	}
	if maxX < 0 {
		return false, nil, nil
	}
	// the image may have more device pixels than the region CSS pixels
	sx, sy := float64(a.at.w)/float64(max(1, ba.Dx())), float64(a.at.h)/float64(max(1, ba.Dy()))
	return true, &a11y.Rect{
		X: float64(a.at.x) + float64(minX)*sx, Y: float64(a.at.y) + float64(minY)*sy,
		Width: float64(maxX-minX+1) * sx, Height: float64(maxY-minY+1) * sy,
	}, nil
}

func near(a, b uint32) bool {
	d := int(a>>8) - int(b>>8)
	return d <= pixelTolerance && d >= -pixelTolerance
}
