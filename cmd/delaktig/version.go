package main

import (
	"context"
	"fmt"
	"runtime"

	"github.com/delaktig/delaktig/checker/report"
)

func init() {
	register(&command{
		name:    "version",
		summary: "print the version",
		run:     runVersion,
	})
}

func runVersion(_ context.Context, s *stdio, args []string) int {
	fs := newFlags(s, commands["version"], "Prints the version of delaktig and of the Go toolchain that built it.")
	pos, code, ok := parseCommand(s, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		s.errorf("version takes no arguments")
		return exitUsage
	}
	fmt.Fprintf(s.out, "%s %s (report schema %d, %s %s/%s)\n", report.ToolName, report.Version(),
		report.Schema, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}
