package checker_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/acttest"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/internal/testenv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/ax-disagreements.txt from this run")

// axDisagreements lists, one a line, every element whose role or name the
// engine computes differently from Chrome's accessibility tree on the rule
// fixtures and the W3C ACT cases.
const axDisagreements = "testdata/ax-disagreements.txt"

// oracleWait is how long an oracle page may take to settle: the pages are
// small and local.
var oracleWait = checker.Wait{Load: 15 * time.Second, Quiet: 50 * time.Millisecond, Max: 2 * time.Second}

// oraclePage is one page to cross-check: its label in the disagreement
// file and its address.
type oraclePage struct {
	label, url string
	lines      []string
	stats      axStats
	err        error
}

// axStats counts the elements compared and the agreements.
type axStats struct {
	elements, roles, names int
}

func (s *axStats) add(o axStats) {
	s.elements += o.elements
	s.roles += o.roles
	s.names += o.names
}

// TestAXOracleAgreement loads every rule fixture (a11y/rules/testdata) and
// every W3C ACT case in Chrome, reads Chrome's full accessibility tree once
// per page, and compares the engine's role and accessible name with
// Chrome's for every element Chrome includes in its tree. Each disagreement
// is a line of testdata/ax-disagreements.txt (sorted); the test fails when
// there are more than that file holds, so fixing the engine is always
// allowed and a regression never is. Run with -update to rewrite the file.
func TestAXOracleAgreement(t *testing.T) {
	b := browser(t)
	act := testenv.Shared(t, "act")
	root := testenv.ModuleRoot()
	require.NotEmpty(t, root)
	fixtures := filepath.Join(root, "a11y", "rules", "testdata")

	fixSrv := httptest.NewServer(http.FileServer(http.Dir(fixtures)))
	defer fixSrv.Close()
	actSrv := httptest.NewServer(http.FileServer(http.Dir(act)))
	defer actSrv.Close()

	var pages []*oraclePage
	require.NoError(t, filepath.WalkDir(fixtures, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		if strings.HasSuffix(path, "_static.html") {
			return nil // a page a browser would leave or change (see checkertest)
		}
		rel, err := filepath.Rel(fixtures, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		pages = append(pages, &oraclePage{label: "rules/" + rel, url: fixSrv.URL + "/" + rel})
		return nil
	}))
	nFixtures := len(pages)
	require.NotZero(t, nFixtures, "no rule fixtures in %s", fixtures)
	suite, err := acttest.LoadSuite(act)
	require.NoError(t, err)
	for _, c := range suite.Cases {
		pages = append(pages, &oraclePage{label: "act/" + c.Path, url: actSrv.URL + "/" + c.Path})
	}

	start := time.Now()
	work := make(chan *oraclePage)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for p := range work {
				p.lines, p.stats, p.err = oracleCheck(t.Context(), b, p.label, p.url)
			}
		})
	}
	for _, p := range pages {
		work <- p
	}
	close(work)
	wg.Wait()
	took := time.Since(start)

	var lines []string
	var total axStats
	for _, p := range pages {
		if p.err != nil {
			t.Errorf("%s: %v", p.label, p.err)
			continue
		}
		lines = append(lines, p.lines...)
		total.add(p.stats)
	}
	slices.Sort(lines)
	require.NotZero(t, total.elements)
	fmt.Printf("AX oracle: %d pages (%d fixtures, %d ACT cases) in %v; %d elements in Chrome's tree: roles agree on %d (%.1f%%), names on %d (%.1f%%); %d disagreements\n",
		len(pages), nFixtures, len(pages)-nFixtures, took.Round(time.Second), total.elements,
		total.roles, 100*float64(total.roles)/float64(total.elements),
		total.names, 100*float64(total.names)/float64(total.elements), len(lines))

	if *update {
		var buf bytes.Buffer
		buf.WriteString(disagreementHeader)
		for _, l := range lines {
			buf.WriteString(l + "\n")
		}
		require.NoError(t, os.WriteFile(axDisagreements, buf.Bytes(), 0o644))
	}
	committed, err := readDisagreements(axDisagreements)
	if errors.Is(err, fs.ErrNotExist) {
		committed = nil
	} else {
		require.NoError(t, err)
	}
	added, gone := lineDiff(committed, lines)
	const rewrite = "go test ./checker -run TestAXOracleAgreement -update"
	if len(lines) > len(committed) {
		t.Errorf("the engine disagrees with Chrome's accessibility tree %d times, more than the %d of %s; new:\n%s\n(rewrite the file with %s once the change is intended)",
			len(lines), len(committed), axDisagreements, strings.Join(added, "\n"), rewrite)
	} else if len(added)+len(gone) > 0 {
		t.Logf("%d disagreements gone and %d new (%d in all, %s holds %d): record them with %s\ngone:\n%s\nnew:\n%s",
			len(gone), len(added), len(lines), axDisagreements, len(committed), rewrite, strings.Join(gone, "\n"), strings.Join(added, "\n"))
	}
}

// lineDiff returns the lines of now that was lacks and the lines of was
// that now lacks, counting repeated lines.
func lineDiff(was, now []string) (added, gone []string) {
	count := map[string]int{}
	for _, l := range was {
		count[l]++
	}
	for _, l := range now {
		if count[l] > 0 {
			count[l]--
			continue
		}
		added = append(added, l)
	}
	for _, l := range was {
		if count[l] > 0 {
			count[l]--
			gone = append(gone, l)
		}
	}
	return added, gone
}

const disagreementHeader = `# Where the engine's role or accessible name differs from Chrome's accessibility tree, on the rule
# fixtures (rules/…) and the W3C ACT cases (act/…). One line per element: page, selector, what
# differs, the engine's value and Chrome's (quoted). Written by
# go test ./checker -run TestAXOracleAgreement -update; TestAXOracleAgreement fails when a change
# adds lines.
`

// readDisagreements reads the lines of the disagreement file, without
// comments.
func readDisagreements(file string) ([]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out, sc.Err()
}

// oracleCheck loads url in a pooled tab, snapshots it, joins Chrome's
// accessibility tree into the document and compares.
func oracleCheck(ctx context.Context, b *checker.Browser, label, url string) ([]string, axStats, error) {
	ctx, cancel := context.WithTimeout(ctx, oracleWait.Load+oracleWait.Max+60*time.Second)
	defer cancel()
	tb, err := b.Tab(ctx)
	if err != nil {
		return nil, axStats{}, err
	}
	defer tb.Release()
	if _, err := tb.Navigate(ctx, url, oracleWait.Load); err != nil {
		return nil, axStats{}, err
	}
	if _, err := tb.WaitSettled(ctx, oracleWait); err != nil {
		return nil, axStats{}, err
	}
	cctx, cancel2 := context.WithTimeout(tb.Context(), 60*time.Second)
	defer cancel2()
	doc, err := checker.Snapshot(cctx)
	if err != nil {
		return nil, axStats{}, err
	}
	if err := checker.AXOracle(cctx, doc); err != nil {
		return nil, axStats{}, err
	}
	lines, stats := compareAX(label, doc)

	return lines, stats, nil
}

// compareAX compares the engine's role and name of every element Chrome
// includes in its accessibility tree with Chrome's, and returns one line
// per disagreement.
func compareAX(label string, doc *a11y.Document) ([]string, axStats) {
	var lines []string
	var s axStats
	for e := range doc.Elements() {
		if e.AX == nil || e.AX.Ignored {
			continue
		}
		s.elements++
		ours, theirs := doc.Role(e), e.AX.Role
		if sameRole(ours, theirs) {
			s.roles++
		} else {
			lines = append(lines, fmt.Sprintf("%s\t%s\trole\t%q\t%q", label, a11y.Selector(e), ours, theirs))
		}
		name, want := normalizeName(doc.Name(e)), normalizeName(e.AX.Name)
		if name == want {
			s.names++
		} else {
			lines = append(lines, fmt.Sprintf("%s\t%s\tname\t%q\t%q", label, a11y.Selector(e), name, want))
		}
	}
	return lines, s
}

// sameRole compares an engine role with a Chrome role, up to synonyms.
func sameRole(ours, chrome string) bool {
	return canonicalRole(ours) == canonicalRole(chrome)
}

// canonicalRole maps role synonyms to one name:
//   - presentation and none;
//   - img and image (ARIA 1.3's name for it, which Chrome reports);
//   - graphics-document and Chrome's SvgRoot for an <svg> element;
//   - table, row and cell and Chrome's LayoutTable, LayoutTableRow and
//     LayoutTableCell, which Chrome reports for a table it guesses is used
//     for layout (a guess HTML-AAM does not make);
//   - the engine's "" (no role) and Chrome's other roles of its own, which
//     have no ARIA equivalent and are written in CamelCase ("LabelText",
//     "Video", "Abbr").
//
// "generic" stays apart from "" and "none": Chrome keeps a generic
// container in its tree with the role "generic", as the engine names it.
func canonicalRole(r string) string {
	switch r {
	case "presentation", "none":
		return "none"
	case "img", "image":
		return "image"
	case "SvgRoot":
		return "graphics-document"
	case "LayoutTable":
		return "table"
	case "LayoutTableRow":
		return "row"
	case "LayoutTableCell":
		return "cell"
	}
	if r != "" && r[0] >= 'A' && r[0] <= 'Z' {
		return ""
	}
	return r
}

// normalizeName trims and collapses white space.
func normalizeName(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestCanonicalRole(t *testing.T) {
	assert.True(t, sameRole("presentation", "none"))
	assert.True(t, sameRole("img", "image"))
	assert.True(t, sameRole("", "LabelText"))
	assert.True(t, sameRole("button", "button"))
	assert.False(t, sameRole("button", "link"))
	assert.True(t, sameRole("graphics-document", "SvgRoot"))
	assert.True(t, sameRole("cell", "LayoutTableCell"))
	assert.False(t, sameRole("columnheader", "LayoutTableCell"))
	assert.False(t, sameRole("", "generic"))
	assert.False(t, sameRole("none", "generic"))
}

func TestCompareAX(t *testing.T) {
	doc, err := a11y.FromHTMLString(`<!doctype html><html><body>
<button id="b">Skicka</button><img id="i" src="x.png" alt="Karta"><label id="l">Namn</label>
<div id="d" role="presentation">x</div><input id="s" type="submit"><p id="p">Text</p></body></html>`, "http://127.0.0.1/")
	require.NoError(t, err)
	set := func(id, role, name string, ignored bool) {
		n := doc.ByID(doc.Root, id)
		require.NotNil(t, n, id)
		n.AX = &a11y.AXFacts{Role: role, Name: name, Ignored: ignored}
	}
	set("b", "button", "Skicka", false)
	set("i", "image", " Karta ", false)
	set("l", "LabelText", "", false)
	set("d", "generic", "", false)
	set("s", "button", "Skicka in", false)
	set("p", "paragraph", "", true) // ignored by Chrome: not compared
	lines, stats := compareAX("page.html", doc)
	assert.Equal(t, axStats{elements: 5, roles: 4, names: 4}, stats)
	assert.Equal(t, []string{
		"page.html\t#d\trole\t\"presentation\"\t\"generic\"",
		"page.html\t#s\tname\t" + fmt.Sprintf("%q", doc.Name(doc.ByID(doc.Root, "s"))) + "\t\"Skicka in\"",
	}, lines)
}

func TestLineDiff(t *testing.T) {
	added, gone := lineDiff([]string{"a", "b", "b", "c"}, []string{"b", "c", "c", "d"})
	assert.Equal(t, []string{"c", "d"}, added)
	assert.Equal(t, []string{"a", "b"}, gone)
}
