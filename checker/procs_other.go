//go:build !linux

package checker

// killLeftovers is a no-op where processes cannot be found by command line;
// chromedp stops the main Chrome process itself.
func killLeftovers(string) {}

// ProcessesUsing returns nil on systems without /proc.
func ProcessesUsing(string) []int { return nil }

// processAlive answers true where processes cannot be looked up, so that no
// profile in use is ever removed.
func processAlive(int) bool { return true }
