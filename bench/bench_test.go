package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/checker/checkertest"
	"github.com/delaktig/delaktig/internal/pagegen"
	"github.com/delaktig/delaktig/internal/testenv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

func TestMain(m *testing.M) { os.Exit(checkertest.Main(m)) }

func TestMedian(t *testing.T) {
	assert.Zero(t, median(nil))
	assert.Equal(t, 4.0, median([]float64{4}))
	assert.Equal(t, 2.0, median([]float64{9, 1, 2}))
	assert.Equal(t, 2.5, median([]float64{4, 1, 3, 2}))
	xs := []float64{3, 1, 2}
	median(xs)
	assert.Equal(t, []float64{3, 1, 2}, xs, "the samples keep their order")
}

func TestRatio(t *testing.T) {
	assert.InDelta(t, 12.5, ratio(25, 2), 1e-9)
	assert.Zero(t, ratio(0, 2), "nothing measured")
	assert.Zero(t, ratio(3, 0), "no division by zero")
}

func TestSummarize(t *testing.T) {
	r := Row{Samples: []Sample{
		{Load: 10, DOMSnapshot: 100, Snapshot: 90, Rules: 60, Axe: 2000},
		{Load: 30, DOMSnapshot: 120, Snapshot: 80, Rules: 10, Axe: 1000},
		{Load: 20, DOMSnapshot: 110, Snapshot: 100, Rules: 20, Axe: 3000},
	}}
	r.summarize()
	assert.Equal(t, 20.0, r.Load)
	assert.Equal(t, 110.0, r.DOMSnapshot)
	assert.Equal(t, 90.0, r.Snapshot)
	assert.Equal(t, 20.0, r.Rules)
	// the median of the totals (150, 90, 120), not the sum of the medians
	assert.Equal(t, 120.0, r.Total)
	assert.Equal(t, 2000.0, r.Axe)
	assert.Zero(t, r.AXTree)
	assert.InDelta(t, 2000.0/120, r.AxeOverDelaktig, 1e-9)
	assert.InDelta(t, 120.0/110, r.DelaktigOverDOMSnapshot, 1e-9)
}

func TestFormat(t *testing.T) {
	for in, want := range map[float64]string{
		0: "–", 3.25: "3.2 ms", 850.4: "850 ms", 1234: "1.23 s", 46_512: "46.51 s", 123_456: "123.5 s",
	} {
		assert.Equal(t, want, formatMS(in), "%v ms", in)
	}
	for in, want := range map[float64]string{0: "–", 0.854: "0.85×", 1.5: "1.50×", 12.34: "12.3×"} {
		assert.Equal(t, want, formatRatio(in), "%v", in)
	}
}

func TestTable(t *testing.T) {
	rep := &Report{
		Date: time.Date(2026, 3, 4, 5, 6, 0, 0, time.UTC), Go: "go1.26", OS: "linux/amd64",
		Chrome: "Chrome/1.2", CPUs: 2, Axe: "4.14.1", Runs: 3,
		Rows: []Row{
			{Sections: 10, Elements: 312, Load: 120, DOMSnapshot: 20, Snapshot: 25, Rules: 5, Total: 30, Axe: 600,
				AxeOverDelaktig: 20, DelaktigOverDOMSnapshot: 1.5, Failed: 33, FailedRules: 4, AxeNodes: 20, AxeRules: 2, AxeMeasured: true},
			{Sections: 2000, Elements: 56012, Load: 3600, DOMSnapshot: 6200, Snapshot: 7000, Rules: 1000, Total: 8000,
				DelaktigOverDOMSnapshot: 8000.0 / 6200, Failed: 6003, FailedRules: 4},
		},
	}
	var b bytes.Buffer
	rep.Header(&b)
	require.NoError(t, rep.Table(&b))
	out := b.String()
	assert.Contains(t, out, "2026-03-04 05:06")
	assert.Contains(t, out, "Chrome/1.2")
	assert.Contains(t, out, "2 CPUs")
	assert.Contains(t, out, "axe-core 4.14.1")
	assert.Contains(t, out, "median of 3 run(s)")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	require.Len(t, lines, 4, out)
	head, small, big := strings.Fields(lines[1]), lines[2], lines[3]
	assert.Equal(t, "sections", head[0])
	assert.Contains(t, lines[1], "axe/D")
	assert.NotContains(t, lines[1], "AX tree", "not measured")
	for _, cell := range []string{"312", "120 ms", "600 ms", "20.0×", "1.50×", "33 (4)", "20 (2)"} {
		assert.Contains(t, small, cell)
	}
	for _, cell := range []string{"56012", "3.60 s", "6.20 s", "8.00 s", "1.29×", "6003 (4)"} {
		assert.Contains(t, big, cell)
	}
	assert.Equal(t, 3, strings.Count(big, "–"), "axe time, ratio and counts are blank where axe did not run: %s", big)
	// right-aligned: every line of the table ends at the same column
	assert.Equal(t, len([]rune(lines[1])), len([]rune(small)))
	assert.Equal(t, len([]rune(lines[1])), len([]rune(big)))

	b.Reset()
	rep.Rows[0].AxeMeasured = false
	rep.Rows[0].AXMeasured, rep.Rows[0].AXTree = true, 250
	require.NoError(t, rep.Table(&b))
	assert.NotContains(t, b.String(), "axe")
	assert.Contains(t, b.String(), "AX tree")
	assert.Contains(t, b.String(), "250 ms")
}

func TestParseFlags(t *testing.T) {
	o, err := parseFlags(nil, &bytes.Buffer{})
	require.NoError(t, err)
	assert.Equal(t, []int{10, 100, 500, 2000}, o.sizes)
	assert.Equal(t, 3, o.runs)

	o, err = parseFlags([]string{"-sizes", " 5, 50 ,", "-runs", "1", "-no-axe", "-ax", "-json", "x.json"}, &bytes.Buffer{})
	require.NoError(t, err)
	assert.Equal(t, []int{5, 50}, o.sizes)
	assert.True(t, o.noAxe)
	assert.True(t, o.ax)
	assert.Equal(t, "x.json", o.json)

	for _, args := range [][]string{
		{"-sizes", "10,ten"}, {"-sizes", "0"}, {"-sizes", ","}, {"-runs", "0"}, {"-axe", "a.js", "-no-axe"}, {"extra"},
	} {
		_, err := parseFlags(args, &bytes.Buffer{})
		assert.Error(t, err, "%q", args)
	}
}

func TestAxeVersion(t *testing.T) {
	assert.Equal(t, "4.14.1", axeVersion([]byte("/*! axe v4.14.1\n * Copyright")))
	assert.Empty(t, axeVersion([]byte("window.axe = {}")))
	want, err := pinnedAxe()
	require.NoError(t, err)
	assert.Regexp(t, `^\d+\.\d+\.\d+$`, want, "package.json pins an exact version")
}

// fakeInstall makes dir look like an npm install of axe-core version v.
func fakeInstall(t *testing.T, dir, v string) string {
	t.Helper()
	pkg := filepath.Join(dir, "node_modules", "axe-core")
	require.NoError(t, os.MkdirAll(pkg, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(pkg, "package.json"), []byte(`{"name":"axe-core","version":"`+v+`"}`), 0o644))
	script := filepath.Join(pkg, "axe.min.js")
	require.NoError(t, os.WriteFile(script, []byte("/*! axe v"+v+" */"), 0o644))
	return script
}

func TestEnsureAxe(t *testing.T) {
	want, err := pinnedAxe()
	require.NoError(t, err)
	t.Setenv("PATH", t.TempDir()) // no npm: an install would fail

	dir := t.TempDir()
	script := fakeInstall(t, dir, want)
	got, err := ensureAxe(dir, &bytes.Buffer{})
	require.NoError(t, err, "the pinned version is installed: npm is not needed")
	assert.Equal(t, script, got)

	old := t.TempDir()
	fakeInstall(t, old, "3.0.0")
	for _, d := range []string{old, t.TempDir()} {
		_, err = ensureAxe(d, &bytes.Buffer{})
		require.Error(t, err, "another version, or none, needs npm")
		assert.Contains(t, err.Error(), "install Node.js and npm, or pass -axe FILE")
	}
}

// stubAxe stands in for axe-core: one violation per image without alt text
// and one page-level violation. It checks that the options are passed.
const stubAxe = `/*! axe v0.0.1-stub */
window.axe = {
	run: async (context, options) => {
		if (context !== document || !options || options.resultTypes[0] !== "violations") throw new Error("unexpected arguments");
		const images = Array.from(document.querySelectorAll("img:not([alt])"), () => ({}));
		return {violations: [{id: "image-alt", nodes: images}, {id: "page", nodes: [{}]}], passes: []};
	},
};`

// elementCount parses a generated page as a browser does and counts its
// elements.
func elementCount(t *testing.T, sections int) int {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(pagegen.Form(sections)))
	require.NoError(t, err)
	n := 0
	for d := range root.Descendants() {
		if d.Type == html.ElementNode {
			n++
		}
	}
	return n
}

func TestBenchInChrome(t *testing.T) {
	b := checkertest.Browser(t)
	cfg := config{sizes: []int{10}, runs: 2, rules: rules.All(), axe: []byte(stubAxe), ax: true, log: &bytes.Buffer{}}
	rep, err := bench(t.Context(), b, cfg)
	require.NoError(t, err)
	require.Len(t, rep.Rows, 1)
	r := rep.Rows[0]
	assert.Equal(t, 10, r.Sections)
	assert.Positive(t, r.StyleProperties)
	assert.Less(t, r.StyleProperties, len(checker.StyleProperties), "the generated page's styles set few properties")
	assert.Equal(t, len(pagegen.Form(10)), r.Bytes)
	assert.Equal(t, elementCount(t, 10), r.Elements)
	require.Len(t, r.Samples, 2)
	for i, s := range r.Samples {
		for name, v := range map[string]float64{
			"load": s.Load, "first capture": s.FirstCapture, "DOMSnapshot": s.DOMSnapshot, "conversion": s.Convert, "snapshot": s.Snapshot, "rules": s.Rules,
			"axe inject": s.AxeInject, "DOMContentLoaded": s.DOMContentLoaded, "load event": s.LoadEvent, "axe": s.Axe, "AX tree": s.AXTree,
		} {
			assert.Positive(t, v, "run %d: %s", i+1, name)
			assert.Less(t, v, 60_000.0, "run %d: %s", i+1, name)
		}
		assert.GreaterOrEqual(t, s.Load, 100.0, "run %d: the load waits for 100 ms of quiet", i+1)
	}
	assert.Equal(t, median([]float64{r.Samples[0].Total(), r.Samples[1].Total()}), r.Total)
	assert.InDelta(t, r.Axe/r.Total, r.AxeOverDelaktig, 1e-9)
	assert.InDelta(t, r.Total/r.DOMSnapshot, r.DelaktigOverDOMSnapshot, 1e-9)

	// every section has one image without alt text: both tools find them
	assert.Equal(t, 11, r.AxeNodes)
	assert.Equal(t, 2, r.AxeRules)
	assert.GreaterOrEqual(t, r.Failed, 10)
	assert.Positive(t, r.FailedRules)
	assert.Less(t, r.Failed, r.Elements)
	assert.Zero(t, r.RuleErrors)
	assert.Greater(t, r.AXTreeNodes, r.Elements/2, "the accessibility tree covers the page")
	assert.Equal(t, 2, strings.Count(cfg.log.(*bytes.Buffer).String(), "10 sections, run "), "one log line per run")
}

func TestRunCommand(t *testing.T) {
	chrome := testenv.Chrome(t)
	dir := t.TempDir()
	axe := filepath.Join(dir, "axe.min.js")
	require.NoError(t, os.WriteFile(axe, []byte(stubAxe), 0o644))
	out := filepath.Join(dir, "bench.json")
	var stdout, stderr bytes.Buffer
	err := run(t.Context(), []string{"-chrome", chrome, "-sizes", "10", "-runs", "1", "-axe", axe, "-json", out, "-q"}, &stdout, &stderr)
	require.NoError(t, err, stderr.String())
	assert.Empty(t, stderr.String())

	printed := stdout.String()
	assert.Regexp(t, `Chrome/\d+`, printed)
	assert.Contains(t, printed, "axe-core 0.0.1-stub")
	assert.Regexp(t, regexp.MustCompile(`(?m)^\s+10\s+\d+\s+\d`), printed, "a row for 10 sections")

	var rep Report
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &rep))
	assert.Equal(t, "0.0.1-stub", rep.Axe)
	assert.Positive(t, rep.CPUs)
	assert.NotEmpty(t, rep.Go)
	require.Len(t, rep.Rows, 1)
	assert.Equal(t, 11, rep.Rows[0].AxeNodes)
	assert.Positive(t, rep.Rows[0].Total)
	assert.Positive(t, rep.Rows[0].Axe)
}
