// Package checkertest runs annotated a11y fixtures in Chrome. Importing it for
// its side effects registers the runner behind a11ytest.RunBrowser:
//
//	import _ "github.com/delaktig/delaktig/checker/checkertest"
//
//	func TestBrowserFixtures(t *testing.T) {
//		a11ytest.RunBrowser(t, a11ytest.TestData(), rules.All()...)
//	}
//
// Fixtures whose names end in _static.html hold expectations that only hold
// without a browser and are skipped. One Chrome serves the whole test binary; each fixture is served over HTTP
// from the fixture directory, loaded in a pooled tab, waited for until it
// settles and captured with one snapshot. The data-want annotations are read
// from (and removed from) the snapshot's own nodes, so that they are matched
// to exactly the elements the rule saw, then the same diff as the static
// harness compares outcomes and annotations.
//
// Use Main in TestMain to close the browser when the tests end; without it,
// Chrome is stopped by the operating system when the test binary exits.
package checkertest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/a11ytest"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/internal/testenv"
)

func init() { a11ytest.RunBrowserFunc = Run }

// FixtureWait is how long a fixture may take to load and settle. Fixtures
// are small and local, so the quiet period is shorter than an audit's.
var FixtureWait = checker.Wait{Load: 15 * time.Second, Quiet: 100 * time.Millisecond, Max: 3 * time.Second}

var shared struct {
	mu  sync.Mutex
	b   *checker.Browser
	err error
}

// Browser returns the test binary's browser, starting it on first use. It
// skips the test when no Chrome is installed (fails it when
// DELAKTIG_REQUIRE_BROWSER is set).
func Browser(t testing.TB) *checker.Browser {
	t.Helper()
	path := testenv.Chrome(t)
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.b == nil && shared.err == nil {
		shared.b, shared.err = checker.New(context.Background(), checker.WithChrome(path),
			checker.WithTabs(max(4, runtime.GOMAXPROCS(0))))
	}
	if shared.err != nil {
		t.Fatalf("checkertest: start Chrome: %v", shared.err)
	}
	return shared.b
}

// Main runs the tests of m and then closes the shared browser. Use it as
// os.Exit(checkertest.Main(m)) in TestMain.
func Main(m *testing.M) int {
	code := m.Run()
	shared.mu.Lock()
	b := shared.b
	shared.b, shared.err = nil, nil
	shared.mu.Unlock()
	if b != nil {
		if err := b.Close(); err != nil {
			fmt.Fprintln(os.Stderr, "checkertest:", err)
		}
	}
	return code
}

// fixture is one file to check with one rule.
type fixture struct {
	rule *a11y.Rule
	file string // path relative to the fixture directory
	url  string
	doc  *a11y.Document
	err  error
}

// Run checks every fixture of dir/<rule-id>/ with its rule in Chrome, except
// those whose names end in _static.html (expectations that only hold without
// a browser). It is the runner behind a11ytest.RunBrowser.
func Run(t *testing.T, dir string, rules ...*a11y.Rule) {
	t.Helper()
	b := Browser(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()

	var fixtures []*fixture
	for _, r := range rules {
		files, _ := filepath.Glob(filepath.Join(dir, r.ID, "*.html"))
		sort.Strings(files)
		for _, f := range files {
			if strings.HasSuffix(f, "_static.html") {
				continue // expectations of the static source only
			}
			rel, _ := filepath.Rel(dir, f)
			fixtures = append(fixtures, &fixture{rule: r, file: rel, url: srv.URL + "/" + filepath.ToSlash(rel)})
		}
	}
	if len(fixtures) == 0 {
		t.Logf("checkertest: no fixtures in %s", dir)
		return
	}

	// Load the pages concurrently in the pool's tabs, then check them one
	// by one: the browser's parallelism does not depend on -parallel.
	work := make(chan *fixture)
	var wg sync.WaitGroup
	for range max(4, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for f := range work {
				f.doc, f.err = Load(t.Context(), b, f.url)
			}
		})
	}
	for _, f := range fixtures {
		work <- f
	}
	close(work)
	wg.Wait()

	for _, f := range fixtures {
		t.Run(filepath.ToSlash(f.file), func(t *testing.T) {
			if f.err != nil {
				t.Fatalf("load %s: %v", f.file, f.err)
			}
			a11ytest.CheckDoc(t, f.doc, strings.HasSuffix(f.file, "_inapplicable.html"), f.rule)
		})
	}
}

// Load opens url in a pooled tab of b, waits with FixtureWait until it
// settles and returns its snapshot.
func Load(ctx context.Context, b *checker.Browser, url string) (*a11y.Document, error) {
	ctx, cancel := context.WithTimeout(ctx, FixtureWait.Load+FixtureWait.Max+60*time.Second)
	defer cancel()
	return checker.LoadURL(ctx, b, url, checker.Options{Wait: FixtureWait})
}

// Problems checks doc (an annotated fixture's snapshot) with rule and returns
// every difference between its annotations and the outcomes, as CheckDoc
// reports them.
func Problems(ctx context.Context, doc *a11y.Document, inapplicable bool, rule *a11y.Rule) ([]string, error) {
	wants, err := a11ytest.Annotations(doc)
	if err != nil {
		return nil, err
	}
	res, err := a11y.Check(ctx, doc, a11y.WithRules(rule))
	if err != nil {
		return nil, err
	}
	var problems []string
	for _, e := range res.Errors {
		problems = append(problems, "rule error: "+e.Error())
	}
	if inapplicable {
		for _, f := range res.Findings {
			problems = append(problems, fmt.Sprintf("inapplicable fixture got %s %s on %s", f.Outcome, f.Key, f.Selector))
		}
		return problems, nil
	}
	return append(problems, a11ytest.Diff(wants, res.Findings)...), nil
}
