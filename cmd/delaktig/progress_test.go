package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestProgress(t *testing.T) {
	var errout bytes.Buffer
	s := &stdio{err: &errout}
	assert.False(t, showProgress(s, false), "a buffer is not a terminal: quiet")
	assert.True(t, showProgress(s, true))
	logf := progress(s, time.Now().Add(-1500*time.Millisecond))
	logf("step %d %q done", 2, "Person\x1b[2Juppgifter")
	line := errout.String()
	assert.True(t, strings.HasPrefix(line, "delaktig: "), line)
	assert.Contains(t, line, "1.5s")
	assert.Contains(t, line, `step 2 "Person\x1b[2Juppgifter" done`, "%q keeps the escape visible")
	assert.NotContains(t, line, "\x1b")
}

func TestProgressControlCharacters(t *testing.T) {
	var errout bytes.Buffer
	progress(&stdio{err: &errout}, time.Now())("%s", "Kvit\x1b[2Jtens\r")
	assert.Contains(t, errout.String(), "Kvit?[2Jtens?\n")
}
