//go:build findingsdump

package rules_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/internal/pagegen"
)

func TestDumpFindings(t *testing.T) {
	dir := os.Getenv("DUMP_DIR")
	for _, n := range []int{100, 2000} {
		page := pagegen.Form(n)
		for _, w := range []int{1, 4} {
			for _, all := range []bool{false, true} {
				doc, err := a11y.FromHTML(bytes.NewReader(page), "bench.html")
				if err != nil {
					t.Fatal(err)
				}
				opts := []a11y.Option{a11y.WithRules(rules.All()...), a11y.WithWorkers(w)}
				if all {
					opts = append(opts, a11y.WithAllTargets())
				}
				res, err := a11y.Check(context.Background(), doc, opts...)
				if err != nil {
					t.Fatal(err)
				}
				f, err := os.Create(fmt.Sprintf("%s/s%d_w%d_all%v.jsonl", dir, n, w, all))
				if err != nil {
					t.Fatal(err)
				}
				bw := bufio.NewWriter(f)
				for _, fi := range res.Findings {
					b, err := json.Marshal(fi)
					if err != nil {
						t.Fatal(err)
					}
					idx := -1
					if fi.Node != nil {
						idx = fi.Node.Index
					}
					fmt.Fprintf(bw, "%d %s\n", idx, b)
				}
				fb, err := json.Marshal(res.Facts)
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(bw, "FACTS %s\nERRORS %v\n", fb, res.Errors)
				bw.Flush()
				f.Close()
			}
		}
	}
}

func TestPrimeCost(t *testing.T) {
	page := pagegen.Form(2000)
	for range 3 {
		doc, _ := a11y.FromHTML(bytes.NewReader(page), "bench.html")
		t0 := time.Now()
		for e := range doc.Elements() {
			doc.Role(e)
			doc.InAXTree(e)
			doc.Focusable(e)
		}
		t1 := time.Now()
		for e := range doc.Elements() {
			doc.Name(e)
		}
		t2 := time.Now()
		_, _ = a11y.Check(context.Background(), doc, a11y.WithRules(rules.All()...), a11y.WithWorkers(1))
		t3 := time.Now()
		doc2, _ := a11y.FromHTML(bytes.NewReader(page), "bench.html")
		t4 := time.Now()
		_, _ = a11y.Check(context.Background(), doc2, a11y.WithRules(rules.All()...), a11y.WithWorkers(1))
		t5 := time.Now()
		t.Logf("elements=%d prime=%v names=%v check-after=%v | cold check=%v", doc.Count(), t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t5.Sub(t4))
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestCPUCost(t *testing.T) {
	all := rules.All()
	for _, n := range []int{100, 2000} {
		page := pagegen.Form(n)
		var cpus, walls []time.Duration
		reps := 15
		for range reps {
			c0, w0 := cpuTime(), time.Now()
			doc, _ := a11y.FromHTML(bytes.NewReader(page), "bench.html")
			_, _ = a11y.Check(context.Background(), doc, a11y.WithRules(all...))
			cpus = append(cpus, cpuTime()-c0)
			walls = append(walls, time.Since(w0))
		}
		slices.Sort(cpus)
		slices.Sort(walls)
		t.Logf("sections=%d cpu median=%v min=%v | wall median=%v min=%v", n, cpus[reps/2], cpus[0], walls[reps/2], walls[0])
	}
}
