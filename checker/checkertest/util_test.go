package checkertest_test

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// fileServer serves dir for the duration of the test.
func fileServer(t *testing.T, dir string) string {
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL
}

func itoa(i int) string { return strconv.Itoa(i) }
