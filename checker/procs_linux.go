//go:build linux

package checker

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
	"time"
)

// killLeftovers kills every process that still runs with dir as its
// --user-data-dir. Chrome passes the switch to all its helper processes
// (zygote, renderers, GPU and network services), and dir is unique to one
// Browser, so this finds exactly the processes that Browser started, also
// those that outlived the main process. It looks again until several passes
// in a row find nothing, as a helper can fork while its parent dies.
func killLeftovers(dir string) {
	deadline := time.Now().Add(3 * time.Second)
	for quiet := 0; quiet < 3 && time.Now().Before(deadline); time.Sleep(15 * time.Millisecond) {
		if pids := ProcessesUsing(dir); len(pids) > 0 {
			for _, pid := range pids {
				_ = syscall.Kill(pid, syscall.SIGKILL)
			}
			quiet = 0
		} else {
			quiet++
		}
	}
}

// ProcessesUsing returns the ids of the running processes whose command line
// holds --user-data-dir=dir: the processes of the Chrome that a Browser with
// that UserDataDir started. Tests use it to check that Close leaves nothing
// behind. It returns nil on systems without /proc.
func ProcessesUsing(dir string) []int {
	want := []byte("--user-data-dir=" + dir)
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	self := os.Getpid()
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == self {
			continue
		}
		cmdline, err := os.ReadFile("/proc/" + e.Name() + "/cmdline")
		if err != nil {
			continue
		}
		if hasArg(cmdline, want) && !zombie(e.Name()) {
			pids = append(pids, pid)
		}
	}
	return pids
}

// hasArg reports whether cmdline holds arg as a whole argument. Chrome's
// helper processes rewrite their title, so their arguments can be separated
// by spaces instead of NUL bytes.
func hasArg(cmdline, arg []byte) bool {
	for i := 0; ; {
		j := bytes.Index(cmdline[i:], arg)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(arg)
		before := start == 0 || cmdline[start-1] == 0 || cmdline[start-1] == ' '
		after := end == len(cmdline) || cmdline[end] == 0 || cmdline[end] == ' '
		if before && after {
			return true
		}
		i = start + 1
	}
}

// processAlive reports whether a process with this id runs.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}

// zombie reports whether the process has exited and only waits to be reaped.
func zombie(pid string) bool {
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return true
	}
	// the state follows the parenthesised command name
	i := bytes.LastIndexByte(b, ')')
	return i >= 0 && i+2 < len(b) && (b[i+2] == 'Z' || b[i+2] == 'X')
}
