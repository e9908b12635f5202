package checker_test

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/net/html/atom"
)

func itoa(i int) string { return strconv.Itoa(i) }

// readDevToolsURL reads Chrome's "DevTools listening on ws://…" line.
func readDevToolsURL(t *testing.T, r io.Reader) string {
	t.Helper()
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if _, after, ok := strings.Cut(sc.Text(), "DevTools listening on "); ok {
				found <- strings.TrimSpace(after)
				break
			}
		}
		_, _ = io.Copy(io.Discard, r)
	}()
	select {
	case u := <-found:
		return u
	case <-time.After(20 * time.Second):
		require.FailNow(t, "Chrome printed no DevTools address")
		return ""
	}
}

var atomDiv = atom.Div
