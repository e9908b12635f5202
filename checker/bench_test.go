package checker_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp/jsonv2"
	"github.com/chromedp/cdproto/domsnapshot"
	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/internal/pagegen"
)

// BenchmarkSnapshot measures the two halves of turning a page state into a
// document, on generated municipal-form pages (500 sections ≈ 14 000
// elements, 2000 sections ≈ 56 000 elements):
//
//   - capture: the DOMSnapshot.captureSnapshot call, with Chrome's work and
//     the decoding of its answer;
//   - convert: FromSnapshot, building the a11y.Document and its indexes.
func BenchmarkSnapshot(b *testing.B) {
	tb := tab(b)
	for _, sections := range []int{500, 2000} {
		ctx, cancel := openForm(b, tb, sections)
		res, err := chromedp.Call(ctx, domsnapshot.CaptureSnapshot, checker.CaptureParams())
		if err != nil {
			b.Fatal(err)
		}
		doc, err := checker.FromSnapshot(&res, checker.SnapshotOptions{})
		if err != nil {
			b.Fatal(err)
		}
		elements := float64(doc.Count())
		b.Run(fmt.Sprintf("sections=%d/capture", sections), func(b *testing.B) {
			for b.Loop() {
				if _, err := chromedp.Call(ctx, domsnapshot.CaptureSnapshot, checker.CaptureParams()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(elements, "elements")
		})
		b.Run(fmt.Sprintf("sections=%d/convert", sections), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := checker.FromSnapshot(&res, checker.SnapshotOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(elements, "elements")
		})
		b.Run(fmt.Sprintf("sections=%d/snapshot", sections), func(b *testing.B) {
			for b.Loop() {
				if _, err := checker.Snapshot(ctx); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(elements, "elements")
		})
		cancel()
	}
}

// BenchmarkSnapshotDecode compares the general JSON decoder with the
// snapshot's own on the answer for a generated page of 2000 sections.
func BenchmarkSnapshotDecode(b *testing.B) {
	ctx, cancel := openForm(b, tab(b), 2000)
	defer cancel()
	raw, err := chromedp.Call(ctx, rawCapture, checker.CaptureParams())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("general", func(b *testing.B) {
		b.SetBytes(int64(len(raw)))
		b.ReportAllocs()
		for b.Loop() {
			var res domsnapshot.CaptureSnapshotResult
			if err := jsonv2.Unmarshal(raw, &res, chromedp.DefaultUnmarshalOptions); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("snapshot", func(b *testing.B) {
		b.SetBytes(int64(len(raw)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := checker.DecodeSnapshot(raw); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// openForm navigates tb to a generated form page of the given number of
// sections and returns a context for working on it.
func openForm(b *testing.B, tb *checker.Tab, sections int) (context.Context, context.CancelFunc) {
	page := pagegen.Form(sections)
	url := serve(b, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(page)
	})
	ctx, cancel := context.WithTimeout(tb.Context(), 10*time.Minute)
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		cancel()
		b.Fatal(err)
	}
	return ctx, cancel
}
