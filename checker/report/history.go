package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/delaktig/delaktig/a11y"
)

// HistoryPoint is one earlier run, for the trend chart.
type HistoryPoint struct {
	// When is when the run's report was made (its file's modification
	// time when the report does not say).
	When time.Time `json:"when"`
	// Label names the run: the report file's name relative to the
	// history directory.
	Label string `json:"label"`
	// Failed counts failed findings that were not suppressed.
	Failed int `json:"failed"`
	// ByImpact counts them per impact: index 0 unset, then minor,
	// moderate, serious, critical (a11y.Impact values).
	ByImpact [5]int `json:"byImpact"`
	// CantTell counts findings a person must check.
	CantTell int `json:"cantTell"`
}

// PointOf makes the history point of a report.
func PointOf(r *Report, label string) HistoryPoint {
	h := HistoryPoint{When: r.Generated, Label: label}
	r.each(func(f *a11y.Finding) {
		if f.Suppressed != "" {
			return
		}
		switch f.Outcome {
		case a11y.Failed:
			h.Failed++
			if int(f.Impact) < len(h.ByImpact) {
				h.ByImpact[f.Impact]++
			}
		case a11y.CantTell:
			h.CantTell++
		}
	})
	// A report saved without its findings still has its summary.
	if h.Failed == 0 && r.Summary.Failed > 0 {
		h.Failed = r.Summary.Failed
		h.ByImpact[0] = r.Summary.Failed
	}
	if h.CantTell == 0 {
		h.CantTell = r.Summary.CantTell
	}
	return h
}

// maxHistory bounds the runs a chart shows (the most recent).
const maxHistory = 30

// LoadHistory reads the earlier reports in dir: every *.json file in it and
// every report.json one level down (a directory of evidence bundles), oldest
// first. JSON files that are not schema-1 reports (meta.json, SARIF) are
// skipped; a file that cannot be read is an error.
func LoadHistory(dir string) ([]HistoryPoint, error) {
	var files []string
	top, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("report: history: %w", err)
	}
	files = append(files, top...)
	nested, err := filepath.Glob(filepath.Join(dir, "*", "report.json"))
	if err != nil {
		return nil, fmt.Errorf("report: history: %w", err)
	}
	files = append(files, nested...)
	if len(files) == 0 {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("report: history: %w", err)
		}
	}
	var out []HistoryPoint
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("report: history: %w", err)
		}
		var probe struct {
			Schema int `json:"schema"`
		}
		if json.Unmarshal(data, &probe) != nil || probe.Schema != Schema {
			continue
		}
		r, err := ReadJSON(bytes.NewReader(data))
		if err != nil {
			continue
		}
		label, _ := filepath.Rel(dir, path)
		p := PointOf(r, filepath.ToSlash(label))
		if p.When.IsZero() {
			if st, err := os.Stat(path); err == nil {
				p.When = st.ModTime().UTC()
			}
		}
		out = append(out, p)
	}
	slices.SortStableFunc(out, func(a, b HistoryPoint) int {
		if c := a.When.Compare(b.When); c != 0 {
			return c
		}
		return strings.Compare(a.Label, b.Label)
	})
	return out, nil
}

// errNoHistory is returned by historyChart for nothing to draw.
var errNoHistory = errors.New("report: no history")

// impactColours are the bar colours per impact, dark enough against the
// white chart for non-text contrast (3:1) and told apart by the legend and
// the table beside the chart, not by colour alone.
var impactColours = [5]string{"#5c5c5c", "#3d6b99", "#8a5a00", "#b8430f", "#9b1023"}

// historyChart draws failures per run as stacked bars by impact, as an
// inline SVG. label(i) names impact i in the report's language; runLabel
// says what one bar is for its <title>.
func historyChart(points []HistoryPoint, impactName func(i int) string, title, desc string) (template.HTML, error) {
	if len(points) == 0 {
		return "", errNoHistory
	}
	if len(points) > maxHistory {
		points = points[len(points)-maxHistory:]
	}
	top := 1
	for _, p := range points {
		top = max(top, p.Failed)
	}
	const (
		w, h         = 640, 260
		left, right  = 48, 12
		topPad, base = 16, 200
	)
	plotH := float64(base - topPad)
	slot := float64(w-left-right) / float64(len(points))
	barW := slot * 0.7
	var b strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-labelledby="hist-title hist-desc" class="chart">`, w, h)
	fmt.Fprintf(&b, `<title id="hist-title">%s</title><desc id="hist-desc">%s</desc>`, esc(title), esc(desc))
	// Axis and grid: four steps.
	for i := 0; i <= 4; i++ {
		v := top * i / 4
		y := float64(base) - plotH*float64(v)/float64(top)
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#767676" stroke-width="%s"/>`, left, w-right, y, y, map[bool]string{true: "1.5", false: "0.5"}[i == 0])
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end" font-size="12" fill="#1b1b1b">%d</text>`, left-6, y+4, v)
	}
	for i, p := range points {
		x := float64(left) + slot*float64(i) + (slot-barW)/2
		y := float64(base)
		fmt.Fprintf(&b, `<g><title>%s</title>`, esc(fmt.Sprintf("%s: %d", p.When.UTC().Format(time.DateOnly)+" "+p.Label, p.Failed)))
		for imp := 4; imp >= 0; imp-- {
			n := p.ByImpact[imp]
			if n == 0 {
				continue
			}
			bh := plotH * float64(n) / float64(top)
			y -= bh
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" stroke="#fff" stroke-width="1"/>`, x, y, barW, bh, impactColours[imp])
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="11" fill="#1b1b1b">%d</text>`, x+barW/2, y-4, p.Failed)
		b.WriteString(`</g>`)
	}
	// Legend.
	lx := left
	for imp := 4; imp >= 1; imp-- {
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="12" height="12" fill="%s"/><text x="%d" y="%d" font-size="12" fill="#1b1b1b">%s</text>`,
			lx, base+22, impactColours[imp], lx+16, base+32, esc(impactName(imp)))
		lx += 140
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()), nil
}
