// Command delaktig checks web pages and e-services for accessibility (WCAG
// 2.2, EN 301 549) and writes reports people and tools can read.
//
//	delaktig check [flags] TARGET...   check files, folders, URLs or stdin
//	delaktig rules [flags]             list the rules
//	delaktig version                   print the version
//
// Exit codes: 0 no failures at or above --fail-on, 1 failures found, 2 usage
// or setup error, 3 a target could not be loaded. All logic lives in the
// packages; this command only turns flags into options.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// command is one subcommand. Each lives in its own file and adds itself to
// the table with register from an init function, so adding a file adds a
// command.
type command struct {
	name    string // as typed: "check"
	args    string // synopsis after the name: "[flags] TARGET..."
	summary string // one line for the command list
	// run executes the command and returns the exit code.
	run func(ctx context.Context, s *stdio, args []string) int
}

// stdio is what a command reads and writes.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// errorf prints "delaktig: <message>" on standard error.
func (s *stdio) errorf(format string, args ...any) {
	fmt.Fprintf(s.err, "delaktig: "+format+"\n", args...)
}

var commands = map[string]*command{}

func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("delaktig: command " + c.name + " registered twice")
	}
	commands[c.name] = c
}

// run is the whole program: it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	s := &stdio{in: stdin, out: stdout, err: stderr}
	if len(args) == 0 {
		usage(s.err)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if c := commands[args[1]]; c != nil {
				return c.run(context.Background(), s, []string{"-h"})
			}
			s.errorf("unknown command %q; run delaktig help to list the commands", args[1])
			return exitUsage
		}
		usage(s.out)
		return exitOK
	case "-version", "--version":
		name = "version"
	}
	c := commands[name]
	if c == nil {
		s.errorf("unknown command %q; run delaktig help to list the commands", name)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return c.run(ctx, s, args[1:])
}

func usage(w io.Writer) {
	var names []string
	width := 0
	for n, c := range commands {
		names = append(names, n)
		width = max(width, len(n)+1+len(c.args))
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("delaktig checks web pages and e-services for accessibility (WCAG 2.2, EN 301 549).\n\nUsage:\n")
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(&b, "  delaktig %-*s  %s\n", width, strings.TrimSpace(n+" "+c.args), c.summary)
	}
	b.WriteString("\nRun delaktig help COMMAND for a command's flags.\n")
	b.WriteString("Exit codes: 0 no failures at or above --fail-on, 1 failures found,\n2 usage or setup error, 3 a target could not be loaded.\n")
	io.WriteString(w, b.String())
}
