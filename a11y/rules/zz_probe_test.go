//go:build perfprobe

package rules_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/acttest"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/internal/pagegen"
	"github.com/delaktig/delaktig/internal/testenv"
)

func cpuNow() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestProbeCPU(t *testing.T) {
	all := rules.All()
	for _, n := range []int{100, 500, 2000} {
		page := pagegen.Form(n)
		reps := 5
		if n == 100 {
			reps = 20
		}
		var parse, check time.Duration
		minP, minC := time.Hour, time.Hour
		var ms0, ms1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms0)
		nf := 0
		for range reps {
			c0 := cpuNow()
			doc, err := a11y.FromHTML(bytes.NewReader(page), "bench.html")
			if err != nil {
				t.Fatal(err)
			}
			c1 := cpuNow()
			nw := 0
			fmt.Sscan(os.Getenv("WORKERS"), &nw)
			res, err := a11y.Check(context.Background(), doc, a11y.WithRules(all...), a11y.WithWorkers(nw))
			if err != nil {
				t.Fatal(err)
			}
			c2 := cpuNow()
			parse += c1 - c0
			check += c2 - c1
			minP, minC = min(minP, c1-c0), min(minC, c2-c1)
			nf = len(res.Findings)
		}
		runtime.ReadMemStats(&ms1)
		t.Logf("sections=%d min parse=%v check=%v | mean parse=%v check=%v total=%v allocs/op=%d bytes/op=%dMB findings=%d",
			n, minP, minC, parse/time.Duration(reps), check/time.Duration(reps), (parse+check)/time.Duration(reps),
			(ms1.Mallocs-ms0.Mallocs)/uint64(reps), (ms1.TotalAlloc-ms0.TotalAlloc)/uint64(reps)>>20, nf)
	}
}

func TestProbeRules(t *testing.T) {
	page := pagegen.Form(2000)
	type row struct {
		id         string
		cold, warm time.Duration
		n          int
	}
	var rows []row
	warmDoc, _ := a11y.FromHTML(bytes.NewReader(page), "bench.html")
	_, _ = a11y.Check(context.Background(), warmDoc, a11y.WithRules(rules.All()...))
	for _, r := range rules.All() {
		doc, _ := a11y.FromHTML(bytes.NewReader(page), "bench.html")
		runtime.GC()
		c0 := cpuNow()
		res, _ := a11y.Check(context.Background(), doc, a11y.WithRules(r))
		c1 := cpuNow()
		runtime.GC()
		c2 := cpuNow()
		_, _ = a11y.Check(context.Background(), warmDoc, a11y.WithRules(r))
		c3 := cpuNow()
		rows = append(rows, row{r.ID, c1 - c0, c3 - c2, len(res.Findings)})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].warm > rows[j].warm })
	for _, r := range rows {
		t.Logf("%-32s cold=%-12v warm=%-12v findings=%d", r.id, r.cold, r.warm, r.n)
	}
}

// golden dump
func dump(w *bufio.Writer, name string, fs []a11y.Finding) {
	fmt.Fprintf(w, "== %s (%d)\n", name, len(fs))
	for _, f := range fs {
		idx := -1
		if f.Node != nil {
			idx = f.Node.Index
		}
		b, _ := json.Marshal(f)
		fmt.Fprintf(w, "%d %s\n", idx, b)
	}
}

func TestProbeGolden(t *testing.T) {
	out := os.Getenv("GOLDEN_OUT")
	if out == "" {
		t.Skip("GOLDEN_OUT")
	}
	file, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	w := bufio.NewWriter(file)
	defer w.Flush()
	set := append(rules.All(), rules.Experimental()...)
	ctx := context.Background()
	check := func(name string, load func() *a11y.Document, individually bool) {
		nw := 0
		fmt.Sscan(os.Getenv("WORKERS"), &nw)
		res, err := a11y.Check(ctx, load(), a11y.WithRules(set...), a11y.WithAllTargets(), a11y.WithWorkers(nw))
		if err != nil {
			t.Fatal(err)
		}
		dump(w, name+" all", res.Findings)
		if individually {
			for _, r := range set {
				res, err := a11y.Check(ctx, load(), a11y.WithRules(r), a11y.WithAllTargets(), a11y.WithLocale("sv"))
				if err != nil {
					t.Fatal(err)
				}
				dump(w, name+" "+r.ID, res.Findings)
			}
		}
	}
	for _, n := range []int{3, 60} {
		page := pagegen.Form(n)
		check(fmt.Sprintf("form%d", n), func() *a11y.Document {
			d, _ := a11y.FromHTML(bytes.NewReader(page), "bench.html")
			return d
		}, true)
	}
	var files []string
	_ = filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	for _, f := range files {
		src, _ := os.ReadFile(f)
		check(f, func() *a11y.Document {
			d, _ := a11y.FromHTML(bytes.NewReader(src), f)
			return d
		}, true)
	}
	suite, err := acttest.LoadSuite(testenv.Shared(t, "act"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range suite.Cases {
		check("act "+c.ID, func() *a11y.Document {
			d, err := acttest.Static(ctx, c)
			if err != nil {
				return &a11y.Document{Root: &a11y.Node{Type: a11y.DocumentNode}}
			}
			return d
		}, false)
	}
}

func TestProbeParse(t *testing.T) {
	page := pagegen.Form(2000)
	best := time.Hour
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	for range 10 {
		c0 := cpuNow()
		_, _ = a11y.FromHTML(bytes.NewReader(page), "bench.html")
		best = min(best, cpuNow()-c0)
	}
	runtime.ReadMemStats(&ms1)
	t.Logf("parse min=%v allocs/op=%d bytes/op=%dMB", best, (ms1.Mallocs-ms0.Mallocs)/10, (ms1.TotalAlloc-ms0.TotalAlloc)/10>>20)
}

func TestProbeOne(t *testing.T) {
	re := os.Getenv("RULES")
	if re == "" {
		t.Skip()
	}
	k := 10
	fmt.Sscan(os.Getenv("K"), &k)
	n := 2000
	fmt.Sscan(os.Getenv("N"), &n)
	page := pagegen.Form(n)
	var set []*a11y.Rule
	for _, r := range rules.All() {
		if ok, _ := regexp.MatchString("^("+re+")$", r.ID); ok {
			set = append(set, r)
		}
	}
	cold := os.Getenv("MODE") == "cold"
	doc, _ := a11y.FromHTML(bytes.NewReader(page), "bench.html")
	if !cold {
		_, _ = a11y.Check(context.Background(), doc, a11y.WithRules(rules.All()...))
	}
	var total time.Duration
	for range k {
		if cold {
			doc, _ = a11y.FromHTML(bytes.NewReader(page), "bench.html")
		}
		c0 := cpuNow()
		_, _ = a11y.Check(context.Background(), doc, a11y.WithRules(set...))
		total += cpuNow() - c0
	}
	t.Logf("%d rules, %v per check", len(set), total/time.Duration(k))
}

func TestProbeCount(t *testing.T) {
	page := pagegen.Form(2000)
	doc, _ := a11y.FromHTML(bytes.NewReader(page), "bench.html")
	res, _ := a11y.Check(context.Background(), doc, a11y.WithRules(rules.All()...))
	byO := map[string]int{}
	byRule := map[string]int{}
	rel := 0
	for _, f := range res.Findings {
		byO[f.Outcome.String()]++
		if f.Outcome == a11y.Failed || f.Outcome == a11y.CantTell {
			byRule[f.Rule+" "+f.Outcome.String()]++
			rel += len(f.Related)
		}
	}
	t.Logf("outcomes %v related %d nodes %d", byO, rel, doc.Count())
	for k, v := range byRule {
		t.Logf("%s %d", k, v)
	}
}

func TestProbeScale(t *testing.T) {
	type row struct {
		id     string
		a, b   time.Duration
	}
	warm := func(n int) (map[string]time.Duration, time.Duration) {
		page := pagegen.Form(n)
		doc, _ := a11y.FromHTML(bytes.NewReader(page), "bench.html")
		c0 := cpuNow()
		_, _ = a11y.Check(context.Background(), doc, a11y.WithRules(rules.All()...))
		full := cpuNow() - c0
		out := map[string]time.Duration{}
		for _, r := range rules.All() {
			best := time.Hour
			for range 3 {
				c0 := cpuNow()
				_, _ = a11y.Check(context.Background(), doc, a11y.WithRules(r))
				best = min(best, cpuNow()-c0)
			}
			out[r.ID] = best
		}
		return out, full
	}
	a, fa := warm(500)
	b, fb := warm(2000)
	var rows []row
	var sa, sb time.Duration
	for id := range a {
		rows = append(rows, row{id, a[id], b[id]})
		sa += a[id]
		sb += b[id]
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].b-4*rows[i].a > rows[j].b-4*rows[j].a })
	t.Logf("first full check 500=%v 2000=%v; sum warm 500=%v 2000=%v", fa, fb, sa, sb)
	for _, r := range rows[:25] {
		t.Logf("%-32s 500=%-10v 2000=%-10v x%.1f", r.id, r.a, r.b, float64(r.b)/float64(r.a))
	}
}
