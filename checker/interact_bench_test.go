package checker_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/examples"
)

// BenchmarkInteractions times each interaction check on pages of the
// example e-service: one op is one check of one loaded state. stops/op is
// the number of elements the keyboard walk visited.
func BenchmarkInteractions(b *testing.B) {
	srv := httptest.NewServer(examples.Handler())
	defer srv.Close()
	checks := []struct {
		name string
		in   checker.Interactions
	}{
		{"keyboard", checker.Interactions{Keyboard: true}},
		{"reflow", checker.Interactions{Reflow: true}},
		{"zoom", checker.Interactions{Zoom: true}},
		{"spacing", checker.Interactions{TextSpacing: true}},
	}
	for _, v := range examples.Variants() {
		for _, step := range examples.Steps()[:2] {
			url := srv.URL + v.Path(step)
			for _, c := range checks {
				b.Run(string(v)+"/"+step.Name+"/"+c.name, func(b *testing.B) {
					tb, err := browser(b).Tab(b.Context())
					if err != nil {
						b.Fatal(err)
					}
					defer tb.Release()
					ctx := b.Context()
					if _, err := tb.Navigate(ctx, url, ixWait.Load); err != nil {
						b.Fatal(err)
					}
					if _, err := tb.WaitSettled(ctx, ixWait); err != nil {
						b.Fatal(err)
					}
					stops := 0
					for b.Loop() {
						b.StopTimer()
						doc, err := checker.Snapshot(tb.Context())
						if err != nil {
							b.Fatal(err)
						}
						b.StartTimer()
						rep, err := tb.Interact(ctx, doc, c.in)
						if err != nil || len(rep.Errors) > 0 {
							b.Fatal(err, rep.Errors)
						}
						stops += rep.Stops
					}
					if c.in.Keyboard {
						b.ReportMetric(float64(stops)/float64(b.N), "stops/op")
					}
				})
			}
		}
	}
}

// BenchmarkExploreErrors times the error exploration of the personal
// details step of each variant: both passes, each audited (without a
// keyboard walk) in a second tab.
func BenchmarkExploreErrors(b *testing.B) {
	srv := httptest.NewServer(examples.Handler())
	defer srv.Close()
	for _, v := range examples.Variants() {
		b.Run(string(v), func(b *testing.B) {
			tb, err := browser(b).IsolatedTab(b.Context())
			if err != nil {
				b.Fatal(err)
			}
			defer tb.Release()
			ctx, cancel := context.WithTimeout(b.Context(), 5*time.Minute)
			defer cancel()
			if _, err := tb.Navigate(ctx, srv.URL+v.Path(examples.Steps()[1]), ixWait.Load); err != nil {
				b.Fatal(err)
			}
			if _, err := tb.WaitSettled(ctx, ixWait); err != nil {
				b.Fatal(err)
			}
			doc, err := checker.Snapshot(tb.Context())
			if err != nil {
				b.Fatal(err)
			}
			opts := checker.Options{Rules: errorRules, Wait: ixWait, NoScreenshots: true}
			states := 0
			for b.Loop() {
				st, err := tb.ExploreErrors(ctx, doc, opts, nil)
				if err != nil {
					b.Fatal(err)
				}
				for _, s := range st {
					if s.Page != nil && s.Page.Doc.Has(a11y.NeedsInteraction) {
						states++
					}
				}
			}
			b.ReportMetric(float64(states)/float64(b.N), "states/op")
		})
	}
}
