package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// Report is the outcome of one bench run: the machine and one row per page
// size. Written as JSON by -json.
type Report struct {
	Date     time.Time `json:"date"`
	Go       string    `json:"go"`
	OS       string    `json:"os"`
	Chrome   string    `json:"chrome"`
	CPUs     int       `json:"cpus"`
	CPUModel string    `json:"cpu_model,omitempty"`
	// Axe is the version of axe-core compared with ("" when skipped).
	Axe  string `json:"axe,omitempty"`
	Runs int    `json:"runs"`
	Rows []Row  `json:"rows"`
}

// Row holds the medians of one page size and the runs they come from.
type Row struct {
	Sections int `json:"sections"`
	// Elements counts the page's elements (document.getElementsByTagName("*")).
	Elements int `json:"elements"`
	// Bytes is the size of the page's HTML.
	Bytes int `json:"bytes"`
	// StyleProperties counts the computed style properties the capture
	// asked for: those the page's styles may set (see
	// checker.PageCaptureParams).
	StyleProperties int `json:"style_properties"`

	// Medians over the runs, in milliseconds.
	Load         float64 `json:"load_ms"`
	DOMSnapshot  float64 `json:"domsnapshot_ms"`
	FirstCapture float64 `json:"first_capture_ms"`
	Convert      float64 `json:"convert_ms"`
	Snapshot     float64 `json:"delaktig_snapshot_ms"`
	Rules        float64 `json:"delaktig_rules_ms"`
	Total        float64 `json:"delaktig_total_ms"`
	Axe          float64 `json:"axe_ms,omitempty"`
	AXTree       float64 `json:"ax_tree_ms,omitempty"`

	// AxeOverDelaktig is Axe / Total; DelaktigOverDOMSnapshot is
	// Total / DOMSnapshot (ratios of the medians).
	AxeOverDelaktig         float64 `json:"axe_over_delaktig,omitempty"`
	DelaktigOverDOMSnapshot float64 `json:"delaktig_over_domsnapshot"`

	// Counts of the last run.
	Failed      int  `json:"delaktig_failed"`
	FailedRules int  `json:"delaktig_failed_rules"`
	CantTell    int  `json:"delaktig_cant_tell"`
	AxeNodes    int  `json:"axe_violation_nodes"`
	AxeRules    int  `json:"axe_violation_rules"`
	AXTreeNodes int  `json:"ax_tree_nodes,omitempty"`
	RuleErrors  int  `json:"delaktig_rule_errors"`
	AxeMeasured bool `json:"axe_measured"`
	AXMeasured  bool `json:"ax_tree_measured"`

	Samples []Sample `json:"samples"`
}

// Sample is one run of one page size, in milliseconds.
type Sample struct {
	Load float64 `json:"load_ms"`
	// DOMContentLoaded and LoadEvent are the page's own navigation timing
	// (from the start of the navigation): most of the load is the wait for
	// the page's images, which the server answers 404.
	DOMContentLoaded float64 `json:"domcontentloaded_ms"`
	LoadEvent        float64 `json:"load_event_ms"`
	// FirstCapture is the first DOMSnapshot call on the page, made before
	// the timed ones and left out of the table: the capture of a real audit
	// is a first one and costs this much.
	FirstCapture float64 `json:"first_capture_ms"`
	DOMSnapshot  float64 `json:"domsnapshot_ms"`
	// Convert is FromSnapshot alone on the raw snapshot's answer: the part
	// of Snapshot spent in Go.
	Convert   float64 `json:"convert_ms"`
	Snapshot  float64 `json:"delaktig_snapshot_ms"`
	Rules     float64 `json:"delaktig_rules_ms"`
	AxeInject float64 `json:"axe_inject_ms,omitempty"`
	Axe       float64 `json:"axe_ms,omitempty"`
	AXTree    float64 `json:"ax_tree_ms,omitempty"`
}

// Total is the time of Delaktig's audit: snapshot and rules.
func (s Sample) Total() float64 { return s.Snapshot + s.Rules }

// ms converts a duration to milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// median returns the median of xs (the mean of the two middle values for an
// even count), or 0 for none. xs is not changed.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// ratio returns a/b, or 0 when either is not positive.
func ratio(a, b float64) float64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	return a / b
}

// summarize fills the medians and ratios of r from its samples.
func (r *Row) summarize() {
	pick := func(f func(Sample) float64) float64 {
		xs := make([]float64, len(r.Samples))
		for i, s := range r.Samples {
			xs[i] = f(s)
		}
		return median(xs)
	}
	r.Load = pick(func(s Sample) float64 { return s.Load })
	r.DOMSnapshot = pick(func(s Sample) float64 { return s.DOMSnapshot })
	r.FirstCapture = pick(func(s Sample) float64 { return s.FirstCapture })
	r.Convert = pick(func(s Sample) float64 { return s.Convert })
	r.Snapshot = pick(func(s Sample) float64 { return s.Snapshot })
	r.Rules = pick(func(s Sample) float64 { return s.Rules })
	r.Total = pick(Sample.Total)
	r.Axe = pick(func(s Sample) float64 { return s.Axe })
	r.AXTree = pick(func(s Sample) float64 { return s.AXTree })
	r.AxeOverDelaktig = ratio(r.Axe, r.Total)
	r.DelaktigOverDOMSnapshot = ratio(r.Total, r.DOMSnapshot)
}

// formatMS writes a duration in milliseconds for the table: "850 ms",
// "12.4 s", or "–" when it was not measured.
func formatMS(v float64) string {
	switch {
	case v <= 0:
		return "–"
	case v < 10:
		return strconv.FormatFloat(v, 'f', 1, 64) + " ms"
	case v < 1000:
		return strconv.FormatFloat(math.Round(v), 'f', 0, 64) + " ms"
	case v < 100_000:
		return strconv.FormatFloat(v/1000, 'f', 2, 64) + " s"
	default:
		return strconv.FormatFloat(v/1000, 'f', 1, 64) + " s"
	}
}

// formatRatio writes a ratio for the table: "12.3×", "0.85×", or "–".
func formatRatio(v float64) string {
	switch {
	case v <= 0:
		return "–"
	case v < 10:
		return strconv.FormatFloat(v, 'f', 2, 64) + "×"
	default:
		return strconv.FormatFloat(v, 'f', 1, 64) + "×"
	}
}

// Header writes the machine and versions above the table.
func (rep *Report) Header(w io.Writer) {
	cpu := strconv.Itoa(rep.CPUs) + " CPUs"
	if rep.CPUModel != "" {
		cpu += " (" + rep.CPUModel + ")"
	}
	axe := "axe-core " + rep.Axe
	if rep.Axe == "" {
		axe = "axe-core not run"
	}
	fmt.Fprintf(w, "Delaktig bench %s: %s %s, %s, %s, %s, median of %d run(s)\n",
		rep.Date.Format("2006-01-02 15:04"), rep.Go, rep.OS, rep.Chrome, cpu, axe, rep.Runs)
}

// Table writes the rows as an aligned text table; the axe and AX tree
// columns only appear when they were measured.
func (rep *Report) Table(w io.Writer) error {
	withAxe, withAX := false, false
	for _, r := range rep.Rows {
		withAxe = withAxe || r.AxeMeasured
		withAX = withAX || r.AXMeasured
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	cols := []string{"sections", "elements", "load", "DOMSnapshot", "D snapshot", "D rules", "D total"}
	if withAxe {
		cols = append(cols, "axe", "axe/D")
	}
	cols = append(cols, "D/DOMSnapshot")
	if withAX {
		cols = append(cols, "AX tree")
	}
	cols = append(cols, "D failed (rules)")
	if withAxe {
		cols = append(cols, "axe violations (rules)")
	}
	fmt.Fprintln(tw, strings.Join(cols, "\t")+"\t")
	for _, r := range rep.Rows {
		cells := []string{
			strconv.Itoa(r.Sections), strconv.Itoa(r.Elements), formatMS(r.Load), formatMS(r.DOMSnapshot),
			formatMS(r.Snapshot), formatMS(r.Rules), formatMS(r.Total),
		}
		if withAxe {
			cells = append(cells, formatMS(r.Axe), formatRatio(r.AxeOverDelaktig))
		}
		cells = append(cells, formatRatio(r.DelaktigOverDOMSnapshot))
		if withAX {
			cells = append(cells, formatMS(r.AXTree))
		}
		cells = append(cells, fmt.Sprintf("%d (%d)", r.Failed, r.FailedRules))
		if withAxe {
			if r.AxeMeasured {
				cells = append(cells, fmt.Sprintf("%d (%d)", r.AxeNodes, r.AxeRules))
			} else {
				cells = append(cells, "–")
			}
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
	}
	return tw.Flush()
}

// WriteJSON writes the report to path, indented.
func (rep *Report) WriteJSON(path string) error {
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return fmt.Errorf("bench: encode the report: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("bench: write %s: %w", path, err)
	}
	return nil
}
