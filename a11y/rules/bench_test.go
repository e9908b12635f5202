package rules_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/internal/pagegen"
)

// BenchmarkCheckStatic parses and checks generated municipal-form pages with
// every default rule. The goal on a 2-core machine: the 2000-section page
// (≈ 2 MB) in under 300 ms, time linear in size.
func BenchmarkCheckStatic(b *testing.B) {
	all := rules.All()
	for _, n := range []int{10, 100, 500, 2000} {
		page := pagegen.Form(n)
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				doc, err := a11y.FromHTML(bytes.NewReader(page), "bench.html")
				if err != nil {
					b.Fatal(err)
				}
				if _, err := a11y.Check(context.Background(), doc, a11y.WithRules(all...)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRule checks the generated 500-section page with one rule at a
// time, on a freshly parsed document (parsing is not timed), so that the
// cost of a rule, and of the engine work it causes, shows on its own.
func BenchmarkRule(b *testing.B) {
	page := pagegen.Form(500)
	for _, r := range rules.All() {
		b.Run(r.ID, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				doc, err := a11y.FromHTML(bytes.NewReader(page), "bench.html")
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := a11y.Check(context.Background(), doc, a11y.WithRules(r)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
