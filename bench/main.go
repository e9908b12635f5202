// Command bench compares the time of a Delaktig audit with axe-core's in the
// same headless Chrome, on generated municipal-form pages of 10, 100, 500
// and 2000 sections (about 29 elements each).
//
//	go run ./bench [-sizes 10,100,500,2000] [-runs 3] [-ax] [-json FILE]
//	               [-axe FILE | -no-axe] [-chrome PATH]
//
// For each size and run it loads the page afresh in one tab and times the
// load, the raw DOMSnapshot.captureSnapshot call, Delaktig's snapshot (the
// same call plus its conversion into a document), Delaktig's rules, and
// axe.run on the same page; with -ax also Chrome's full accessibility tree.
// It prints the medians as a table, with the ratios axe / Delaktig and
// Delaktig / DOMSnapshot.
//
// axe-core is the version pinned in bench/package.json, installed with npm
// into the user cache directory (delaktig/bench-axe) the first time.
// See bench/README.md for what the columns mean and the figures measured.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	goruntime "runtime"
	"strconv"
	"strings"
	"time"

	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/checker"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case err != nil:
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	sizes   []int
	runs    int
	axeFile string
	noAxe   bool
	ax      bool
	json    string
	chrome  string
	timeout time.Duration
	quiet   bool
}

// parseFlags reads the command line.
func parseFlags(args []string, stderr io.Writer) (options, error) {
	o := options{}
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("sizes", "10,100,500,2000", "comma-separated `list` of page sizes, in sections")
	fs.IntVar(&o.runs, "runs", 3, "runs per size; the table shows the medians")
	fs.StringVar(&o.axeFile, "axe", "", "use this axe.min.js `file` instead of installing axe-core with npm")
	fs.BoolVar(&o.noAxe, "no-axe", false, "do not run axe-core")
	fs.BoolVar(&o.ax, "ax", false, "also time Chrome's full accessibility tree (Accessibility.getFullAXTree)")
	fs.StringVar(&o.json, "json", "", "write the figures to this JSON `file`")
	fs.StringVar(&o.chrome, "chrome", os.Getenv("DELAKTIG_CHROME"), "Chrome or Chromium `binary` (default $DELAKTIG_CHROME, else found on PATH)")
	fs.DurationVar(&o.timeout, "timeout", 15*time.Minute, "bound of each measured step")
	fs.BoolVar(&o.quiet, "q", false, "do not log each run on standard error")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: go run ./bench [flags]\n\nTimes Delaktig and axe-core on generated pages in the same Chrome.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("bench: unexpected arguments %q", fs.Args())
	}
	var err error
	if o.sizes, err = parseSizes(*sizes); err != nil {
		return o, err
	}
	if o.runs < 1 {
		return o, fmt.Errorf("bench: -runs must be at least 1, not %d", o.runs)
	}
	if o.noAxe && o.axeFile != "" {
		return o, errors.New("bench: -axe and -no-axe exclude each other")
	}
	return o, nil
}

// parseSizes reads "10,100,500".
func parseSizes(s string) ([]int, error) {
	var sizes []int
	for f := range strings.SplitSeq(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > 100_000 {
			return nil, fmt.Errorf("bench: bad size %q in -sizes: want a number of sections from 1 to 100000", f)
		}
		sizes = append(sizes, n)
	}
	if len(sizes) == 0 {
		return nil, errors.New("bench: -sizes lists no size")
	}
	return sizes, nil
}

// run is the whole command.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	var axe []byte
	if !o.noAxe {
		path := o.axeFile
		if path == "" {
			dir, err := axeCacheDir()
			if err != nil {
				return err
			}
			if path, err = ensureAxe(dir, stderr); err != nil {
				return err
			}
		}
		if axe, err = os.ReadFile(path); err != nil {
			return fmt.Errorf("bench: read the axe script: %w", err)
		}
	}

	b, err := checker.New(ctx, checker.WithChrome(o.chrome), checker.WithTabs(1))
	if err != nil {
		return err
	}
	defer b.Close()

	cfg := config{sizes: o.sizes, runs: o.runs, rules: rules.All(), axe: axe, ax: o.ax, timeout: o.timeout}
	if !o.quiet {
		cfg.log = stderr
	}
	rep, err := bench(ctx, b, cfg)
	if err != nil {
		return err
	}
	if err := describe(ctx, rep, b, axe); err != nil {
		return err
	}
	rep.Header(stdout)
	fmt.Fprintln(stdout)
	if err := rep.Table(stdout); err != nil {
		return err
	}
	if o.json != "" {
		return rep.WriteJSON(o.json)
	}
	return nil
}

// describe fills the machine fields of rep.
func describe(ctx context.Context, rep *Report, b *checker.Browser, axe []byte) error {
	v, err := b.Version(ctx)
	if err != nil {
		return fmt.Errorf("bench: read the browser version: %w", err)
	}
	rep.Date = time.Now()
	rep.Go = goruntime.Version()
	rep.OS = goruntime.GOOS + "/" + goruntime.GOARCH
	rep.Chrome = v
	rep.CPUs = goruntime.NumCPU()
	rep.CPUModel = cpuModel()
	if axe != nil {
		rep.Axe = axeVersion(axe)
		if rep.Axe == "" {
			rep.Axe = "(unknown version)"
		}
	}
	return nil
}
