package components

import (
	"io"
	"testing"
)

// BenchmarkPageRender renders the busiest gallery page (three fields with
// errors, the summary, the help block, the language picker).
func BenchmarkPageRender(b *testing.B) {
	var page *Page
	for _, e := range gallery("sv") {
		if e.Name == "error-summary" {
			page = e.Page
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := page.Render(io.Discard, "sv"); err != nil {
			b.Fatal(err)
		}
	}
}
