package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeReport(t *testing.T, path string, r *report.Report) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	var b bytes.Buffer
	require.NoError(t, report.WriteJSON(&b, r, report.Options{}))
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
}

func TestLoadHistory(t *testing.T) {
	dir := t.TempDir()
	mk := func(day int, impacts ...a11y.Impact) *report.Report {
		var fs []a11y.Finding
		for _, i := range impacts {
			fs = append(fs, a11y.Finding{Rule: "r", Outcome: a11y.Failed, Impact: i})
		}
		fs = append(fs, a11y.Finding{Rule: "q", Outcome: a11y.CantTell})
		r := onePage("u", fs...)
		r.Generated = time.Date(2026, 8, day, 0, 0, 0, 0, time.UTC)
		return r
	}
	writeReport(t, filepath.Join(dir, "b.json"), mk(20, a11y.Critical))
	writeReport(t, filepath.Join(dir, "a.json"), mk(10, a11y.Critical, a11y.Critical, a11y.Minor))
	writeReport(t, filepath.Join(dir, "run-3", "report.json"), mk(25))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "meta.json"), []byte(`{"tool": "x"}`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "broken.json"), []byte(`{`), 0o644))
	h, err := report.LoadHistory(dir)
	require.NoError(t, err)
	require.Len(t, h, 3, "reports only, oldest first")
	assert.Equal(t, "a.json", h[0].Label)
	assert.Equal(t, 3, h[0].Failed)
	assert.Equal(t, [5]int{0, 1, 0, 0, 2}, h[0].ByImpact)
	assert.Equal(t, 1, h[0].CantTell)
	assert.Equal(t, "run-3/report.json", h[2].Label)
	assert.Equal(t, 0, h[2].Failed)

	_, err = report.LoadHistory(filepath.Join(dir, "missing"))
	assert.Error(t, err)
}

func TestHistoryChart(t *testing.T) {
	r := flowSample(t)
	x := flowExtras(t, r)
	out := htmlOf(t, r, report.Options{}, x)
	assert.Contains(t, out, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 260" role="img" aria-labelledby="hist-title hist-desc" class="chart">`)
	assert.Equal(t, 3, strings.Count(out, "<g><title>"), "two earlier runs and this one")
	assert.Contains(t, out, `<th scope="row"><bdi>2026-08-01 run-1/report.json</bdi></th><td>3</td><td>3</td><td>2</td><td>1</td><td>9</td><td>4</td>`)
	assert.Contains(t, out, "Trend over earlier runs")
	// Thirty runs at most.
	for i := 0; i < 40; i++ {
		x.History = append(x.History, report.HistoryPoint{When: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i), Label: "old", Failed: i})
	}
	out = htmlOf(t, r, report.Options{}, x)
	assert.Equal(t, 30, strings.Count(out, "<g><title>"))
}
