package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode"
)

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progress returns the checker's log function for a run that started at
// start: one line per step on standard error, with the time since the
// start. Control characters (from step names or page errors) are shown as
// "?", so a page cannot drive the terminal.
func progress(s *stdio, start time.Time) func(format string, args ...any) {
	return func(format string, args ...any) {
		line := strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return '?'
			}
			return r
		}, fmt.Sprintf(format, args...))
		fmt.Fprintf(s.err, "delaktig: %6.1fs  %s\n", time.Since(start).Seconds(), line)
	}
}

// showProgress reports whether progress lines are wanted: asked for with
// -v, or standard error is a terminal.
func showProgress(s *stdio, verbose bool) bool {
	return verbose || isTerminal(s.err)
}
