package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html/atom"
)

// The tests run the command in-process over a fixed rule set, so that their
// outcomes do not change as rules are added to the registry.
var (
	testImgAlt = &a11y.Rule{
		ID: "test-img-alt", WCAG: []string{"1.1.1"}, ACT: []string{"23a2a8"}, EN301549: []string{"9.1.1.1"},
		Impact: a11y.Critical, Needs: a11y.NeedsDOM, Tags: []string{"images"}, Messages: []a11y.Msg{"test-img-alt.no-alt", "test-img-alt.ok"},
		Run: func(p *a11y.Pass) error {
			for img := range p.Elements(atom.Img) {
				if img.Has("alt") {
					p.Pass(img, "test-img-alt.ok")
				} else {
					p.Fail(img, "test-img-alt.no-alt")
				}
			}
			return nil
		},
	}
	testMinor = &a11y.Rule{
		ID: "test-minor", WCAG: []string{"1.3.1"}, EN301549: []string{"9.1.3.1"},
		Impact: a11y.Minor, Needs: a11y.NeedsDOM, Messages: []a11y.Msg{"test-minor.b"},
		Run: func(p *a11y.Pass) error {
			for b := range p.Elements(atom.B) {
				p.Fail(b, "test-minor.b")
			}
			return nil
		},
	}
	testLayout = &a11y.Rule{
		ID: "test-layout", WCAG: []string{"1.4.3"}, EN301549: []string{"9.1.4.3"},
		Impact: a11y.Serious, Needs: a11y.NeedsDOM | a11y.NeedsLayout, Messages: []a11y.Msg{"test-layout.x"},
		Run: func(*a11y.Pass) error { return nil },
	}
	testExperimental = &a11y.Rule{
		ID: "test-exp", Impact: a11y.Serious, Needs: a11y.NeedsDOM, Messages: []a11y.Msg{"test-exp.i"},
		Run: func(p *a11y.Pass) error {
			for i := range p.Elements(atom.I) {
				p.Fail(i, "test-exp.i")
			}
			return nil
		},
	}
)

func TestMain(m *testing.M) {
	defaultRules = func() []*a11y.Rule { return []*a11y.Rule{testImgAlt, testMinor, testLayout} }
	experimentalRules = func() []*a11y.Rule { return []*a11y.Rule{testExperimental} }
	for _, v := range []string{"DELAKTIG_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR"} {
		os.Unsetenv(v)
	}
	os.Exit(m.Run())
}

type result struct {
	code        int
	out, errout string
}

func delaktig(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errout bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errout)
	return result{code, out.String(), errout.String()}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

const (
	goodPage  = `<!doctype html><html lang="sv"><head><title>Ansökan</title></head><body><img src="a.png" alt="Karta"></body></html>`
	badPage   = `<!doctype html><html lang="sv"><head><title>Trasig</title></head><body><main><img src="logo.png"><b>x</b></main></body></html>`
	minorPage = `<!doctype html><html lang="en"><head><title>Minor</title></head><body><b>bold</b></body></html>`
)

func decodeJSON(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(s), &m), "output is one JSON object: %s", s)
	return m
}

func TestExitOK(t *testing.T) {
	p := writeFile(t, t.TempDir(), "good.html", goodPage)
	r := delaktig(t, "", "check", "--format", "json", p)
	assert.Equal(t, exitOK, r.code, r.errout)
	m := decodeJSON(t, r.out)
	assert.EqualValues(t, 0, m["summary"].(map[string]any)["failed"])
}

func TestExitFailures(t *testing.T) {
	p := writeFile(t, t.TempDir(), "bad.html", badPage)
	r := delaktig(t, "", "check", p)
	assert.Equal(t, exitFailures, r.code, r.errout)
	assert.Contains(t, r.out, "test-img-alt.no-alt")
	assert.Empty(t, r.errout)
}

func TestFailOn(t *testing.T) {
	p := writeFile(t, t.TempDir(), "minor.html", minorPage)
	for _, tc := range []struct {
		level string
		want  int
	}{{"any", exitFailures}, {"minor", exitFailures}, {"moderate", exitOK}, {"serious", exitOK}, {"critical", exitOK}} {
		r := delaktig(t, "", "check", "--fail-on", tc.level, p)
		assert.Equal(t, tc.want, r.code, "--fail-on %s: %s", tc.level, r.errout)
	}
	bad := writeFile(t, t.TempDir(), "bad.html", badPage)
	assert.Equal(t, exitFailures, delaktig(t, "", "check", "--fail-on", "critical", bad).code)
	// cantTell is never a failure.
	layoutOnly := delaktig(t, "", "check", "--rules", "test-layout", bad)
	assert.Equal(t, exitOK, layoutOnly.code, layoutOnly.errout)
	assert.Contains(t, layoutOnly.out, "To check by a person: 1")
}

func TestUsageErrors(t *testing.T) {
	p := writeFile(t, t.TempDir(), "good.html", goodPage)
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{nil, "Usage:"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"check"}, "no target given"},
		{[]string{"check", "--format", "pdf", p}, `unknown --format "pdf": use text, json`},
		{[]string{"check", "--lang", "!!", p}, `unknown --lang "!!"`},
		{[]string{"check", "--rules", "no-such-rule", p}, `"no-such-rule" matches no rule`},
		{[]string{"check", "--rules", "colour:red", p}, "unknown rule selector"},
		{[]string{"check", "--rules", "-test-img-alt,-test-minor,-test-layout", p}, "selects no rule"},
		{[]string{"check", "--fail-on", "terrible", p}, `unknown --fail-on "terrible"`},
		{[]string{"check", "--outcomes", "maybe", p}, `unknown outcome "maybe"`},
		{[]string{"check", "--timeout", "0s", p}, "--timeout must be more than zero"},
		{[]string{"check", "--no-such-flag", p}, "flag provided but not defined"},
		{[]string{"check", "-", "-"}, "standard input (-) is named twice"},
		{[]string{"rules", "--format", "xml"}, `unknown --format "xml"`},
		{[]string{"rules", "extra"}, "rules takes no arguments"},
		{[]string{"rules", "--rules", "nope"}, "matches no rule"},
		{[]string{"version", "extra"}, "version takes no arguments"},
		{[]string{"help", "nope"}, `unknown command "nope"`},
	} {
		r := delaktig(t, "", tc.args...)
		assert.Equal(t, exitUsage, r.code, "%v", tc.args)
		assert.Contains(t, r.errout, tc.msg, "%v", tc.args)
		assert.Empty(t, r.out, "%v: nothing on standard output", tc.args)
	}
}

func TestNoRulesRegistered(t *testing.T) {
	saved := defaultRules
	defer func() { defaultRules = saved }()
	defaultRules = func() []*a11y.Rule { return nil }
	p := writeFile(t, t.TempDir(), "good.html", goodPage)
	r := delaktig(t, "", "check", p)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.errout, "no rules are registered")
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.html", goodPage)
	bad := writeFile(t, dir, "bad.html", badPage)
	missing := filepath.Join(dir, "missing.html")
	empty := filepath.Join(dir, "empty-folder")
	require.NoError(t, os.Mkdir(empty, 0o755))
	dangling := filepath.Join(dir, "dangling.html")
	require.NoError(t, os.Symlink(filepath.Join(dir, "gone"), dangling))

	notDir := filepath.Join(good, "inside.html") // a path through a file cannot be read
	for _, target := range []string{missing, empty, dangling, notDir} {
		r := delaktig(t, "", "check", target)
		assert.Equal(t, exitLoad, r.code, target)
		assert.Contains(t, r.errout, "cannot load "+target, "the message names the target")
	}

	r := delaktig(t, "", "check", "www.example.invalid")
	assert.Equal(t, exitLoad, r.code)
	assert.Contains(t, r.errout, "cannot load www.example.invalid: no such file or folder; to check a web page, give its full address: https://www.example.invalid")
	r = delaktig(t, "", "check", "sida.html")
	assert.NotContains(t, r.errout, "https://", "a missing .html file is not taken for a web address")

	// Findings gathered before and after the error are still written.
	r = delaktig(t, "", "check", "--format", "json", bad, missing, good)
	assert.Equal(t, exitLoad, r.code, "a target that cannot be loaded wins over failures")
	m := decodeJSON(t, r.out)
	pages := m["pages"].([]any)
	require.Len(t, pages, 2)
	assert.Equal(t, bad, pages[0].(map[string]any)["url"])
	assert.Equal(t, good, pages[1].(map[string]any)["url"])
	assert.EqualValues(t, 2, m["summary"].(map[string]any)["failed"])
	assert.Equal(t, []any{"cannot load " + missing + ": no such file or folder"}, m["errors"])
}

func TestJSONShape(t *testing.T) {
	p := writeFile(t, t.TempDir(), "bad.html", badPage)
	r := delaktig(t, "", "check", "--format", "json", p)
	require.Equal(t, exitFailures, r.code, r.errout)
	m := decodeJSON(t, r.out)
	assert.EqualValues(t, 1, m["schema"])
	tool := m["tool"].(map[string]any)
	assert.Equal(t, "delaktig", tool["name"])
	assert.NotEmpty(t, tool["version"])
	pages := m["pages"].([]any)
	require.Len(t, pages, 1)
	page := pages[0].(map[string]any)
	assert.Equal(t, p, page["url"])
	assert.Equal(t, "", page["step"])
	assert.Equal(t, "Trasig", page["title"])
	assert.Equal(t, "sv", page["lang"])
	assert.Equal(t, "static", page["mode"])
	fs := page["findings"].([]any)
	require.Len(t, fs, 3, "two failures and one cantTell; the pass is not listed by default")
	var img map[string]any
	for _, f := range fs {
		f := f.(map[string]any)
		for _, k := range []string{"rule", "outcome", "wcag", "level", "act", "en301549", "selector", "snippet", "message", "help"} {
			if k == "help" && f["help"] == nil {
				continue // test rules have no help text; engine findings do
			}
			assert.Contains(t, f, k, "finding field %s", k)
		}
		if f["rule"] == "test-img-alt" {
			img = f
		}
	}
	require.NotNil(t, img)
	assert.Equal(t, "failed", img["outcome"])
	assert.Equal(t, []any{"1.1.1"}, img["wcag"])
	assert.Equal(t, "A", img["level"])
	assert.Equal(t, []any{"23a2a8"}, img["act"])
	assert.Equal(t, []any{"9.1.1.1"}, img["en301549"])
	assert.Equal(t, "html > body > main > img", img["selector"])
	assert.Equal(t, `<img src="logo.png">`, img["snippet"])
	assert.Equal(t, "test-img-alt.no-alt", img["message"])
	sum := m["summary"].(map[string]any)
	assert.EqualValues(t, 2, sum["failed"])
	assert.EqualValues(t, 1, sum["cantTell"])
	assert.Equal(t, []any{"test-img-alt", "test-minor"}, sum["rules_failed"])
}

func TestOutcomesAll(t *testing.T) {
	p := writeFile(t, t.TempDir(), "good.html", goodPage)
	r := delaktig(t, "", "check", "--format", "json", "--outcomes", "all", p)
	require.Equal(t, exitOK, r.code)
	fs := decodeJSON(t, r.out)["pages"].([]any)[0].(map[string]any)["findings"].([]any)
	var outcomes []any
	for _, f := range fs {
		outcomes = append(outcomes, f.(map[string]any)["outcome"])
	}
	assert.ElementsMatch(t, []any{"passed", "cantTell"}, outcomes)

	r = delaktig(t, "", "check", "--format", "json", "--outcomes", "passed", p)
	fs = decodeJSON(t, r.out)["pages"].([]any)[0].(map[string]any)["findings"].([]any)
	require.Len(t, fs, 1)
	assert.Equal(t, "passed", fs[0].(map[string]any)["outcome"])
}

func TestSwedishText(t *testing.T) {
	p := writeFile(t, t.TempDir(), "bad.html", badPage)
	r := delaktig(t, "", "check", "--lang", "sv", p)
	require.Equal(t, exitFailures, r.code, r.errout)
	for _, want := range []string{
		"Tillgänglighetsrapport",
		"Sida: " + p,
		"Titel: Trasig",
		"Underkänd [Kritisk]",
		"Kontroller som verktyget inte kunde slutföra",
		"? test-layout · WCAG 1.4.3",
		"Den här kontrollen behöver sidan som den visas",
		"Så åtgärdar du det: Kör kontrollen i en webbläsare",
		"Sammanfattning",
		"Underkända: 2 · Att granska manuellt: 1",
		"Regler med fel: test-img-alt, test-minor",
	} {
		assert.Contains(t, r.out, want)
	}
	assert.NotContains(t, r.out, "\x1b[", "no colour when not writing to a terminal")

	t.Setenv("DELAKTIG_LANG", "nb-NO")
	r = delaktig(t, "", "check", p)
	assert.Contains(t, r.out, "Tilgjengelighetsrapport", "DELAKTIG_LANG sets the default language")
	t.Setenv("DELAKTIG_LANG", "")
	t.Setenv("LANG", "sv_SE.UTF-8")
	r = delaktig(t, "", "check", p)
	assert.Contains(t, r.out, "Tillgänglighetsrapport", "LANG sets the default language")
	r = delaktig(t, "", "check", "--lang", "en", p)
	assert.Contains(t, r.out, "Accessibility report", "--lang wins over the environment")
}

func TestFlagsAfterTargets(t *testing.T) {
	p := writeFile(t, t.TempDir(), "bad.html", badPage)
	r := delaktig(t, "", "check", p, "--format", "json", "--fail-on", "critical")
	assert.Equal(t, exitFailures, r.code, r.errout)
	decodeJSON(t, r.out)
	// After "--" everything is a target, even a name that looks like a flag.
	r = delaktig(t, "", "check", "--", "--format")
	assert.Equal(t, exitLoad, r.code)
	assert.Contains(t, r.errout, "cannot load --format")
}

func TestFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b.html", goodPage)
	writeFile(t, dir, "a.htm", goodPage)
	writeFile(t, dir, "sub/c.HTML", badPage)
	writeFile(t, dir, "notes.txt", badPage)
	writeFile(t, dir, ".git/x.html", badPage)
	r := delaktig(t, "", "check", "--format", "json", dir)
	assert.Equal(t, exitFailures, r.code, r.errout)
	var urls []any
	for _, p := range decodeJSON(t, r.out)["pages"].([]any) {
		urls = append(urls, p.(map[string]any)["url"])
	}
	assert.Equal(t, []any{filepath.Join(dir, "a.htm"), filepath.Join(dir, "b.html"), filepath.Join(dir, "sub/c.HTML")}, urls)
}

func TestStdin(t *testing.T) {
	r := delaktig(t, badPage, "check", "--format", "json", "-")
	assert.Equal(t, exitFailures, r.code, r.errout)
	assert.Equal(t, "stdin", decodeJSON(t, r.out)["pages"].([]any)[0].(map[string]any)["url"])

	for name, input := range map[string]string{
		"empty":   "",
		"garbage": string([]byte{0, 1, 2, 0xff, 0xfe, 0x80, 0x1b, '[', '2', 'J', 0xc3, 0x28, 0, 0, 0x7f}),
		"nul":     strings.Repeat("\x00", 4096),
	} {
		r := delaktig(t, input, "check", "--format", "json", "-")
		assert.Equal(t, exitOK, r.code, "%s: %s", name, r.errout)
		m := decodeJSON(t, r.out)
		assert.Len(t, m["pages"], 1, name)
	}
}

// TestBigFile checks a 20 MB page shaped like large real pages: an inline
// data-URI image, a big inline script and a long form in nested sections.
func TestBigFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("<!doctype html><html lang=en><head><title>Big</title><script>var data = \"")
	b.WriteString(strings.Repeat("0123456789abcdef", 4<<20/16))
	b.WriteString("\";</script></head><body><img alt=\"Karta\" src=\"data:image/png;base64,")
	b.WriteString(strings.Repeat("iVBORw0KGgoAAAANSUhEUgAA", 8<<20/24))
	b.WriteString("\">\n")
	row := `<p>Ansök om parkeringstillstånd för rörelsehindrade <img src="x.png" alt="ikon"></p>` + "\n"
	for b.Len() < 20<<20 {
		b.WriteString("<div>")
		for range 40 {
			b.WriteString("<section><h2>Del</h2>\n")
			for range 40 {
				b.WriteString(row)
			}
			b.WriteString("</section>\n")
		}
		b.WriteString("</div>")
	}
	b.WriteString("<img src=last.png></body></html>")
	require.GreaterOrEqual(t, b.Len(), 20<<20)
	p := writeFile(t, t.TempDir(), "big.html", b.String())
	r := delaktig(t, "", "check", "--format", "json", "--rules", "test-img-alt", p)
	assert.Equal(t, exitFailures, r.code, r.errout)
	sum := decodeJSON(t, r.out)["summary"].(map[string]any)
	assert.EqualValues(t, 1, sum["failed"])
}

func TestTooBig(t *testing.T) {
	r := delaktig(t, strings.Repeat("a", maxInput+1), "check", "-")
	assert.Equal(t, exitLoad, r.code)
	assert.Contains(t, r.errout, "cannot load -: larger than 64 MB")
}

func TestURL(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/bad", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, badPage) })
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte("<html lang=sv><title>R\xe4ksm\xf6rg\xe5s</title><img src=x alt=y></html>"))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/bad", http.StatusFound) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	r := delaktig(t, "", "check", "--format", "json", srv.URL+"/bad")
	assert.Equal(t, exitFailures, r.code, r.errout)
	assert.Equal(t, srv.URL+"/bad", decodeJSON(t, r.out)["pages"].([]any)[0].(map[string]any)["url"])

	r = delaktig(t, "", "check", "--format", "json", srv.URL+"/redirect")
	assert.Equal(t, srv.URL+"/bad", decodeJSON(t, r.out)["pages"].([]any)[0].(map[string]any)["url"], "the page's final URL")

	r = delaktig(t, "", "check", "--format", "json", srv.URL+"/latin1")
	assert.Equal(t, exitOK, r.code, r.errout)
	assert.Equal(t, "Räksmörgås", decodeJSON(t, r.out)["pages"].([]any)[0].(map[string]any)["title"])

	r = delaktig(t, "", "check", srv.URL+"/missing")
	assert.Equal(t, exitLoad, r.code)
	assert.Contains(t, r.errout, "cannot load "+srv.URL+"/missing: the server answered 404 Not Found")

	r = delaktig(t, "", "check", "--timeout", "100ms", srv.URL+"/slow")
	assert.Equal(t, exitLoad, r.code)
	assert.Contains(t, r.errout, "cannot load "+srv.URL+"/slow: no answer within 100ms")
}

func TestCharsetOfFiles(t *testing.T) {
	dir := t.TempDir()
	// UTF-8 without a declaration, non-ASCII text far after the first 1024 bytes.
	late := writeFile(t, dir, "late.html", "<html><title>"+strings.Repeat("x", 2000)+" Åsa</title></html>")
	meta := writeFile(t, dir, "meta.html", "<html><head><meta charset=windows-1252><title>G\xf6teborg</title></head></html>")
	bom := writeFile(t, dir, "bom.html", "\xef\xbb\xbf<html><title>Tromsø</title></html>")
	for p, want := range map[string]string{late: "Åsa", meta: "Göteborg", bom: "Tromsø"} {
		r := delaktig(t, "", "check", "--format", "json", p)
		title := decodeJSON(t, r.out)["pages"].([]any)[0].(map[string]any)["title"].(string)
		assert.True(t, strings.HasSuffix(title, want), "%s: title %q", p, title)
	}
}

func TestBrowserSeam(t *testing.T) {
	saved := browserCheck
	defer func() { browserCheck = saved }()
	var loaded []string
	closed := false
	browserCheck = func(ctx context.Context, o *checkOptions) (loadFunc, func(), error) {
		return func(ctx context.Context, tg target) (*a11y.Document, error) {
			loaded = append(loaded, tg.name)
			d, err := a11y.FromHTMLString(badPage, tg.name)
			if err == nil {
				d.Mode = a11y.ModeBrowser
			}
			return d, err
		}, func() { closed = true }, nil
	}
	file := writeFile(t, t.TempDir(), "good.html", goodPage)
	r := delaktig(t, "", "check", "--format", "json", "https://example.invalid/", file)
	assert.Equal(t, exitFailures, r.code, r.errout)
	assert.Equal(t, []string{"https://example.invalid/"}, loaded, "only URLs go to the browser")
	assert.True(t, closed)
	pages := decodeJSON(t, r.out)["pages"].([]any)
	assert.Equal(t, "browser", pages[0].(map[string]any)["mode"])
	assert.Equal(t, "static", pages[1].(map[string]any)["mode"])

	// --static never starts the browser; files alone do not either.
	browserCheck = func(context.Context, *checkOptions) (loadFunc, func(), error) {
		return nil, nil, fmt.Errorf("no Chrome found: install chromium or pass --static")
	}
	r = delaktig(t, "", "check", file)
	assert.Equal(t, exitOK, r.code, r.errout)
	r = delaktig(t, "", "check", "https://example.invalid/")
	assert.Equal(t, exitUsage, r.code, "a browser that cannot start is a setup error")
	assert.Contains(t, r.errout, "pass --static")
}

// TestCheckConcurrency loads URL targets in parallel, never more than
// --concurrency at a time, and reports them in the order given.
func TestCheckConcurrency(t *testing.T) {
	saved := browserCheck
	defer func() { browserCheck = saved }()
	var mu sync.Mutex
	inFlight, most, asked := 0, 0, 0
	browserCheck = func(ctx context.Context, o *checkOptions) (loadFunc, func(), error) {
		asked = o.concurrency
		return func(ctx context.Context, tg target) (*a11y.Document, error) {
			mu.Lock()
			inFlight++
			most = max(most, inFlight)
			mu.Unlock()
			// the later targets finish first
			n, _ := strconv.Atoi(strings.TrimPrefix(tg.name, "https://example.invalid/"))
			time.Sleep(time.Duration(8-n) * 15 * time.Millisecond)
			mu.Lock()
			inFlight--
			mu.Unlock()
			return a11y.FromHTMLString(goodPage, tg.name)
		}, func() {}, nil
	}
	var args []string
	for i := range 8 {
		args = append(args, fmt.Sprintf("https://example.invalid/%d", i))
	}
	r := delaktig(t, "", append([]string{"check", "--format", "json", "--concurrency", "3"}, args...)...)
	require.Equal(t, exitOK, r.code, r.errout)
	assert.Equal(t, 3, asked)
	assert.LessOrEqual(t, most, 3)
	assert.Greater(t, most, 1, "targets load at the same time")
	pages := decodeJSON(t, r.out)["pages"].([]any)
	require.Len(t, pages, 8)
	for i, p := range pages {
		assert.Equal(t, args[i], p.(map[string]any)["url"], "pages keep the order of the targets")
	}

	r = delaktig(t, "", "check", "--concurrency", "0", "https://example.invalid/")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.errout, "--concurrency")
}

func TestExperimentalRules(t *testing.T) {
	p := writeFile(t, t.TempDir(), "i.html", `<html lang=en><title>t</title><i>x</i></html>`)
	assert.Equal(t, exitOK, delaktig(t, "", "check", p).code, "experimental rules are off by default")
	assert.Equal(t, exitOK, delaktig(t, "", "check", "--rules", "all", p).code, "all means every default rule")
	r := delaktig(t, "", "check", "--rules", "test-exp", p)
	assert.Equal(t, exitFailures, r.code, r.errout)
	assert.Contains(t, r.out, "test-exp.i")
}

func TestRulesCommand(t *testing.T) {
	r := delaktig(t, "", "rules")
	require.Equal(t, exitOK, r.code, r.errout)
	assert.Contains(t, r.out, "Rules: 4")
	assert.Contains(t, r.out, "test-img-alt\n    WCAG 1.1.1 (level A) · EN 301 549 9.1.1.1 · ACT 23a2a8\n    Impact: Critical · Looks at: elements\n")
	assert.Contains(t, r.out, "test-layout [needs a browser]")
	assert.Contains(t, r.out, "test-exp [experimental, runs only when named in --rules]")

	r = delaktig(t, "", "rules", "--lang", "sv")
	assert.Contains(t, r.out, "Allvarlighet: Kritisk · Granskar: element")

	r = delaktig(t, "", "rules", "--format", "json", "--rules", "wcag:1.*")
	require.Equal(t, exitOK, r.code, r.errout)
	list := decodeJSON(t, r.out)["rules"].([]any)
	require.Len(t, list, 3)
	first := list[0].(map[string]any)
	assert.Equal(t, "test-img-alt", first["id"])
	assert.Equal(t, []any{"1.1.1"}, first["wcag"])
	assert.Equal(t, "A", first["level"])
	assert.Equal(t, []any{"23a2a8"}, first["act"])
	assert.Equal(t, []any{"9.1.1.1"}, first["en301549"])
	assert.Equal(t, "critical", first["impact"])
	assert.Equal(t, "element", first["scope"])
	assert.Equal(t, false, first["experimental"])
}

func TestVersionAndHelp(t *testing.T) {
	r := delaktig(t, "", "version")
	assert.Equal(t, exitOK, r.code)
	assert.True(t, strings.HasPrefix(r.out, "delaktig "), r.out)
	assert.Equal(t, r.out, delaktig(t, "", "--version").out)

	r = delaktig(t, "", "help")
	assert.Equal(t, exitOK, r.code)
	for _, c := range []string{"check", "rules", "version"} {
		assert.Contains(t, r.out, "delaktig "+c)
	}
	r = delaktig(t, "", "help", "check")
	assert.Equal(t, exitOK, r.code)
	assert.Contains(t, r.out, "-fail-on")
	r = delaktig(t, "", "check", "x.html", "-h")
	assert.Equal(t, exitOK, r.code)
	assert.Contains(t, r.out, "Usage: delaktig check")
}

// TestRegisteredRules runs the real rule set once over a page with common
// barriers: whatever rules are registered, the run must finish with a
// well-formed report.
func TestRegisteredRules(t *testing.T) {
	saved, savedExp := defaultRules, experimentalRules
	defer func() { defaultRules, experimentalRules = saved, savedExp }()
	defaultRules, experimentalRules = rules.All, rules.Experimental
	p := writeFile(t, t.TempDir(), "page.html", `<!doctype html><html><body><img src=a.png><input id=x><a href=#></a>`+
		`<div aria-labelledby="a"><span id="a" aria-labelledby="b">x</span><span id="b" aria-labelledby="a">y</span></div></body></html>`)
	r := delaktig(t, "", "check", "--format", "json", p)
	if len(rules.All()) == 0 {
		assert.Equal(t, exitUsage, r.code)
		return
	}
	assert.Contains(t, []int{exitOK, exitFailures}, r.code, r.errout)
	m := decodeJSON(t, r.out)
	assert.EqualValues(t, 1, m["schema"])
	assert.Len(t, m["pages"], 1)
}
