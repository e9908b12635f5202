package checker_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/internal/testenv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// waitNoProcesses polls until no process uses dir as its profile, and returns
// what is left after the deadline.
func waitNoProcesses(dir string, within time.Duration) []int {
	deadline := time.Now().Add(within)
	for {
		left := checker.ProcessesUsing(dir)
		if len(left) == 0 || time.Now().After(deadline) {
			return left
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func requireLinux(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("process accounting reads /proc")
	}
}

func TestNewAndCloseLeaveNothingBehind(t *testing.T) {
	requireLinux(t)
	path := testenv.Chrome(t)
	b, err := checker.New(t.Context(), checker.WithChrome(path), checker.WithTabs(2))
	require.NoError(t, err)
	dir := b.UserDataDir()
	require.NotEmpty(t, dir)
	assert.DirExists(t, dir)

	// Chrome runs with exactly our switches and a profile of its own.
	// The browser process is the one without a --type= switch; its helpers
	// (GPU, renderers) may have lower process ids once the ids wrap around.
	pids := checker.ProcessesUsing(dir)
	require.NotEmpty(t, pids, "no Chrome process uses the profile")
	var args []string
	for _, pid := range pids {
		cmdline, err := os.ReadFile(filepath.Join("/proc", itoa(pid), "cmdline"))
		if err != nil {
			continue // a helper that has just exited
		}
		a := strings.Split(strings.TrimRight(string(cmdline), "\x00"), "\x00")
		if !slices.ContainsFunc(a, func(s string) bool { return strings.HasPrefix(s, "--type=") }) {
			args = a
			break
		}
	}
	require.NotEmpty(t, args, "no browser process among %v", pids)
	for _, f := range checker.Flags {
		assert.Contains(t, args, f)
	}
	assert.NotContains(t, args, "--disable-extensions", "flags from chromedp's defaults leaked in")

	// Use two tabs at once so that several renderers run.
	t1, err := b.Tab(t.Context())
	require.NoError(t, err)
	t2, err := b.Tab(t.Context())
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(t1.Context(), chromedp.Navigate("data:text/html,<p>one")))
	require.NoError(t, chromedp.Do(t2.Context(), chromedp.Navigate("data:text/html,<p>two")))
	version, err := b.Version(t.Context())
	require.NoError(t, err)
	assert.Contains(t, version, "/")
	assert.Greater(t, len(checker.ProcessesUsing(dir)), 1, "expected Chrome's helper processes")

	// Both tabs are in use: a third waits.
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	_, err = b.Tab(ctx)
	require.ErrorIs(t, err, context.DeadlineExceeded, "a third tab while both are in use")
	t1.Release()
	t3, err := b.Tab(t.Context())
	require.NoError(t, err)
	assert.Same(t, t1, t3, "a released tab is reused")
	t2.Release()
	iso, err := b.IsolatedTab(t.Context())
	require.NoError(t, err)
	assert.NotSame(t, t2, iso)
	iso.Release()
	t3.Release()

	require.NoError(t, b.Close())
	assert.Empty(t, checker.ProcessesUsing(dir), "processes left after Close")
	assert.NoDirExists(t, dir)
	require.NoError(t, b.Close(), "a second Close")

	_, err = b.Tab(t.Context())
	assert.ErrorIs(t, err, checker.ErrBrowserGone)
}

func TestContextCancelStopsChrome(t *testing.T) {
	requireLinux(t)
	path := testenv.Chrome(t)
	ctx, cancel := context.WithCancel(t.Context())
	b, err := checker.New(ctx, checker.WithChrome(path))
	require.NoError(t, err)
	dir := b.UserDataDir()
	tb, err := b.Tab(t.Context())
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(tb.Context(), chromedp.Navigate("data:text/html,<p>x")))
	require.NotEmpty(t, checker.ProcessesUsing(dir))

	cancel()
	select {
	case <-b.Done():
	case <-time.After(15 * time.Second):
		t.Fatal("the browser was not shut down after its context ended")
	}
	assert.Empty(t, checker.ProcessesUsing(dir), "processes left after the context ended")
	assert.NoDirExists(t, dir)
	assert.NoError(t, b.Close())
}

func TestCloseAfterChromeWasKilled(t *testing.T) {
	requireLinux(t)
	path := testenv.Chrome(t)
	b, err := checker.New(t.Context(), checker.WithChrome(path))
	require.NoError(t, err)
	dir := b.UserDataDir()
	tb, err := b.Tab(t.Context())
	require.NoError(t, err)
	// Kill the main process only, as a crash would: its helpers must not survive Close.
	pids := checker.ProcessesUsing(dir)
	require.NotEmpty(t, pids)
	main := mainProcess(t, pids)
	require.NoError(t, exec.Command("kill", "-9", itoa(main)).Run())

	err = chromedp.Do(tb.Context(), chromedp.Navigate("data:text/html,<p>x"))
	require.Error(t, err)
	tb.Release()
	require.NoError(t, b.Close())
	assert.Empty(t, waitNoProcesses(dir, time.Second))
	assert.NoDirExists(t, dir)
}

// mainProcess returns the pid among pids whose parent is this test process.
func mainProcess(t *testing.T, pids []int) int {
	self := os.Getpid()
	for _, p := range pids {
		stat, err := os.ReadFile(filepath.Join("/proc", itoa(p), "stat"))
		if err != nil {
			continue
		}
		s := string(stat)
		fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(fields) > 1 && fields[1] == itoa(self) {
			return p
		}
	}
	t.Fatal("no Chrome process is a child of the test")
	return 0
}

func TestNoBrowser(t *testing.T) {
	_, err := checker.New(t.Context(), checker.WithChrome(filepath.Join(t.TempDir(), "no-such-chrome")))
	require.ErrorIs(t, err, checker.ErrNoBrowser)
	assert.Contains(t, checker.ErrNoBrowser.Error(), "apt-get install -y chromium")
	assert.Contains(t, checker.ErrNoBrowser.Error(), "DELAKTIG_CHROME")

	// A binary that exists but is not a browser.
	fake := filepath.Join(t.TempDir(), "chromium")
	require.NoError(t, os.WriteFile(fake, []byte("#!/bin/sh\nexit 1\n"), 0o755))
	_, err = checker.New(t.Context(), checker.WithChrome(fake), checker.WithStartTimeout(10*time.Second))
	require.ErrorIs(t, err, checker.ErrNoBrowser)
}

func TestNoBrowserOnEmptyPath(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := checker.New(t.Context())
	require.ErrorIs(t, err, checker.ErrNoBrowser)
}

func TestRemote(t *testing.T) {
	path := testenv.Chrome(t)
	// A Chrome that the test starts itself, with a debugging port.
	dir := t.TempDir()
	cmd := exec.Command(path, append(append([]string{}, checker.Flags...),
		"--remote-debugging-port=0", "--user-data-dir="+dir, "about:blank")...)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if runtime.GOOS == "linux" {
			for _, p := range checker.ProcessesUsing(dir) {
				_ = exec.Command("kill", "-9", itoa(p)).Run()
			}
		}
	})
	wsURL := readDevToolsURL(t, stderr)
	httpURL := "http://" + strings.Split(strings.TrimPrefix(wsURL, "ws://"), "/")[0]

	for _, addr := range []string{wsURL, httpURL} {
		b, err := checker.New(t.Context(), checker.WithRemote(addr))
		require.NoError(t, err, addr)
		assert.True(t, b.Remote())
		assert.Empty(t, b.UserDataDir())
		tb, err := b.Tab(t.Context())
		require.NoError(t, err)
		require.NoError(t, chromedp.Do(tb.Context(), chromedp.Navigate("data:text/html,<title>remote</title>")))
		title, err := chromedp.Run(tb.Context(), chromedp.Title())
		require.NoError(t, err)
		assert.Equal(t, "remote", title)
		tb.Release()
		require.NoError(t, b.Close())
		// The remote Chrome keeps running.
		assert.Nil(t, cmd.ProcessState)
		require.NoError(t, cmd.Process.Signal(syscall.Signal(0)))
	}

	_, err = checker.New(t.Context(), checker.WithRemote("http://127.0.0.1:1"), checker.WithStartTimeout(5*time.Second))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "127.0.0.1:1")
}
