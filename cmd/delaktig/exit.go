package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
)

// Exit codes, as design.md fixes them.
const (
	exitOK       = 0 // no failures at or above --fail-on
	exitFailures = 1 // failures found
	exitUsage    = 2 // usage or setup error; the message says what to do
	exitLoad     = 3 // a target could not be loaded
)

// usageError is a mistake on the command line or in the setup: exit 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// loadError is a target that could not be read: exit 3.
type loadError struct {
	target string
	err    error
}

func (e *loadError) Error() string { return "cannot load " + e.target + ": " + e.err.Error() }

func (e *loadError) Unwrap() error { return e.err }

// exitCode maps an error to its exit code.
func exitCode(err error) int {
	var le *loadError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &le):
		return exitLoad
	}
	return exitUsage
}

// parseFlags parses flags that may come before, between or after the
// positional arguments (delaktig check page.html --format json); "--" ends
// the flags. It returns the positional arguments. -h prints the flags to
// standard output and returns flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// flagError turns a flag-parsing error into the exit code: 0 for -h (the
// usage was printed), 2 otherwise (the flag package printed the problem).
func flagError(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}

// oneOf formats a list of choices for messages: "text, json or html".
func oneOf(choices []string) string {
	switch len(choices) {
	case 0:
		return ""
	case 1:
		return choices[0]
	}
	return strings.Join(choices[:len(choices)-1], ", ") + " or " + choices[len(choices)-1]
}

// newFlags returns the flag set of a command; its usage shows the
// command's synopsis, what it does and its flags.
func newFlags(s *stdio, c *command, about string) *flag.FlagSet {
	fs := flag.NewFlagSet("delaktig "+c.name, flag.ContinueOnError)
	fs.SetOutput(s.err)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: delaktig %s %s\n\n%s\n\nFlags:\n", c.name, c.args, about)
		fs.PrintDefaults()
	}
	return fs
}

// parseCommand parses a command's arguments. It returns ok false with the
// exit code when the command must stop: after -h (usage on standard output,
// exit 0) or after a bad flag (message and usage on standard error, exit 2).
func parseCommand(s *stdio, fs *flag.FlagSet, args []string) (pos []string, code int, ok bool) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(s.out)
			fs.Usage()
			return nil, exitOK, false
		}
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, flagError(err), false
	}
	return pos, exitOK, true
}
