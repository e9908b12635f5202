package guidance_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/guidance"
)

func readTestText(b *testing.B, name string) string {
	b.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "texts", name))
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

// benchPage is a long municipal page: the form step of the realistic tests
// followed by n paragraphs of the bureaucratic text.
func benchPage(b *testing.B, n int) string {
	form := readTestText(b, "form-fore.html")
	text := readTestText(b, "sv-fore.txt")
	var sb strings.Builder
	for range n {
		sb.WriteString("<p>" + text + "</p>")
	}
	return strings.Replace(form, "</main>", sb.String()+"</main>", 1)
}

// BenchmarkRules runs every guidance rule over one page, as a check does.
func BenchmarkRules(b *testing.B) {
	for _, n := range []int{0, 20, 200} {
		src := benchPage(b, n)
		b.Run(strconv.Itoa(n)+"-paragraphs", func(b *testing.B) {
			d, err := a11y.FromHTMLString(src, "")
			if err != nil {
				b.Fatal(err)
			}
			rules := guidance.Rules()
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := a11y.Check(context.Background(), d, a11y.WithRules(rules...)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPageComplexity(b *testing.B) {
	d, err := a11y.FromHTMLString(benchPage(b, 20), "")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		guidance.PageComplexity(d)
	}
}

func BenchmarkFindWords(b *testing.B) {
	text := strings.Repeat(readTestText(b, "sv-fore.txt"), 10)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		guidance.FindWords(text, "sv")
	}
}
