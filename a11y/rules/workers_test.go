package rules_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/internal/pagegen"
	"github.com/stretchr/testify/require"
)

// TestWorkersSameFindings checks every fixture page and a generated form
// with all the rules on one goroutine and on several: the findings must be
// the same, in the same order. Run with -race it also shows that the
// goroutines share nothing they write.
func TestWorkersSameFindings(t *testing.T) {
	set := append(rules.All(), rules.Experimental()...)
	pages := map[string][]byte{"form": pagegen.Form(8)}
	files, err := filepath.Glob(filepath.Join("testdata", "*", "*.html"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		pages[f] = src
	}
	check := func(src []byte, workers int, rendered bool) ([]byte, *a11y.Result) {
		doc, err := a11y.FromHTML(bytes.NewReader(src), "page.html")
		require.NoError(t, err)
		if rendered {
			// with styles and boxes, so that the rendered rules run too
			doc = renderedPage(t, string(src))
		}
		res, err := a11y.Check(context.Background(), doc, a11y.WithRules(set...), a11y.WithAllTargets(), a11y.WithWorkers(workers))
		require.NoError(t, err)
		out, err := json.Marshal(res.Findings)
		require.NoError(t, err)
		return out, res
	}
	for name, src := range pages {
		for _, rendered := range []bool{false, true} {
			one, res := check(src, 1, rendered)
			require.NotEmpty(t, res.Findings, name)
			for _, w := range []int{2, 3} {
				many, res2 := check(src, w, rendered)
				require.Equal(t, string(one), string(many), "%s (rendered %v) with %d workers", name, rendered, w)
				require.Len(t, res2.Facts, len(res.Facts), name)
				require.Len(t, res2.Errors, len(res.Errors), name)
			}
		}
	}
}

// TestWorkersCancelled checks that a check cancelled before it starts
// returns the context's error whatever the number of goroutines.
func TestWorkersCancelled(t *testing.T) {
	doc, err := a11y.FromHTML(bytes.NewReader(pagegen.Form(2)), "page.html")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, w := range []int{1, 2} {
		res, err := a11y.Check(ctx, doc, a11y.WithRules(rules.All()...), a11y.WithWorkers(w))
		require.ErrorIs(t, err, context.Canceled)
		require.Empty(t, res.Findings)
	}
}
