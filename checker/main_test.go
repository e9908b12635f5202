package checker_test

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/internal/testenv"
	"github.com/stretchr/testify/require"
)

// One Chrome serves every test of the binary that does not test the
// browser's own life cycle; TestMain closes it.
var shared struct {
	once sync.Once
	b    *checker.Browser
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.b != nil {
		_ = shared.b.Close()
	}
	os.Exit(code)
}

// browser returns the shared browser, skipping the test when no Chrome exists.
func browser(t testing.TB) *checker.Browser {
	t.Helper()
	path := testenv.Chrome(t)
	shared.once.Do(func() {
		shared.b, shared.err = checker.New(context.Background(), checker.WithChrome(path))
	})
	require.NoError(t, shared.err)
	return shared.b
}

// tab takes a pooled tab of the shared browser for the duration of the test.
func tab(t testing.TB) *checker.Tab {
	t.Helper()
	tb, err := browser(t).Tab(t.Context())
	require.NoError(t, err)
	t.Cleanup(tb.Release)
	return tb
}
