package main

import (
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/delaktig/delaktig/internal/testenv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const auditSecret = "19121212-1212"

// auditService serves a two-page form: a start page with an image without
// alt text, and a page that shows what was typed.
func auditService(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><html lang="sv"><head><title>Ansökan</title></head><body><main>
<h1>Ansökan</h1><img src="data:," id="logga">
<form method="post" action="/svar"><label for="pnr">Personnummer</label><input id="pnr" name="pnr">
<button type="submit">Fortsätt</button></form></main></body></html>`)
	})
	mux.HandleFunc("/svar", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		fmt.Fprintf(w, `<!doctype html><html lang="sv"><head><title>Svar</title></head><body><main>
<h1 id="svar">Dina svar</h1><p>Personnummer: %s</p><img src="data:," alt="Kvitto"></main></body></html>`, html.EscapeString(r.PostForm.Get("pnr")))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func writeFlow(t *testing.T, start string, steps string) string {
	return writeFile(t, t.TempDir(), "ansokan.yaml", "name: Ansökan\nstart: "+start+"\nlang: sv\nsteps:\n"+steps)
}

const auditSteps = `  - name: Start
    goto: /
  - fill: {"#pnr": "${env:DELAKTIG_TEST_PNR}"}
  - name: Svar
    click: "button[type=submit]"
  - expect: {text: "Dina svar"}
`

func TestAudit(t *testing.T) {
	testenv.Chrome(t)
	srv := auditService(t)
	flow := writeFlow(t, srv.URL+"/", auditSteps)
	t.Setenv("DELAKTIG_TEST_PNR", auditSecret)
	out := filepath.Join(t.TempDir(), "bevis")

	r := delaktig(t, "", "audit", "--format", "json", "--outcomes", "all", "--out", out, flow)
	require.Equal(t, exitFailures, r.code, r.errout)
	assert.NotContains(t, r.out, auditSecret)
	assert.NotContains(t, r.errout, auditSecret)
	rep := decodeJSON(t, r.out)
	pages := rep["pages"].([]any)
	require.Len(t, pages, 2)
	first, second := pages[0].(map[string]any), pages[1].(map[string]any)
	assert.Equal(t, "Start", first["step"])
	assert.Equal(t, "Svar", second["step"])
	assert.Equal(t, "browser", first["mode"])
	assert.Equal(t, srv.URL+"/svar", second["url"])
	assert.NotNil(t, first["complexity"])
	var failed []string
	for _, f := range first["findings"].([]any) {
		f := f.(map[string]any)
		if f["outcome"] == "failed" {
			failed = append(failed, f["rule"].(string)+" "+f["selector"].(string))
		}
	}
	assert.Contains(t, failed, "test-img-alt #logga")
	fl := rep["flow"].(map[string]any)
	assert.Equal(t, float64(4), fl["steps"])
	assert.Equal(t, "Ansökan", fl["name"])
	var flowRules []string
	for _, f := range fl["findings"].([]any) {
		flowRules = append(flowRules, f.(map[string]any)["rule"].(string)+" "+f.(map[string]any)["outcome"].(string))
	}
	assert.Contains(t, flowRules, "flow-complete passed", "the flow rules ran over the audited steps")

	// the evidence bundle holds the report and the screenshots, and never the secret
	for _, name := range []string{"report.json", "report.html", "meta.json"} {
		assert.FileExists(t, filepath.Join(out, name))
	}
	shots, _ := filepath.Glob(filepath.Join(out, "screenshots", "*"))
	assert.Len(t, shots, 2)
	require.NoError(t, filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		assert.NotContains(t, string(b), auditSecret, p)
		return nil
	}))
}

func TestAuditStepFails(t *testing.T) {
	testenv.Chrome(t)
	srv := auditService(t)
	flow := writeFlow(t, srv.URL+"/", `  - name: Start
    goto: /
  - name: Nästa
    click: "#finns-inte"
    timeout: 1s
`)
	r := delaktig(t, "", "audit", "--format", "json", flow)
	assert.Equal(t, exitLoad, r.code, r.errout)
	assert.Contains(t, r.errout, `step 2 "Nästa" (line 7)`)
	assert.Contains(t, r.errout, `"#finns-inte"`)
	rep := decodeJSON(t, r.out)
	assert.Len(t, rep["pages"].([]any), 1, "the first step's findings are reported")
	assert.NotEmpty(t, rep["errors"])
}

func TestAuditUsage(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "trasig.yaml", "start: http://127.0.0.1:1/\nsteps:\n  - klick: a\n")
	r := delaktig(t, "", "audit", bad)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.errout, "trasig.yaml:3:")

	r = delaktig(t, "", "audit")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.errout, "name one flow file")

	r = delaktig(t, "", "audit", filepath.Join(dir, "saknas.yaml"))
	assert.Equal(t, exitUsage, r.code)

	os.Unsetenv("DELAKTIG_TEST_PNR")
	flow := writeFlow(t, "http://127.0.0.1:1/", auditSteps)
	r = delaktig(t, "", "audit", flow)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.errout, "set DELAKTIG_TEST_PNR")

	plain := writeFlow(t, "http://127.0.0.1:1/", "  - goto: /\n")
	r = delaktig(t, "", "audit", "--chrome", filepath.Join(dir, "ingen-chrome"), plain)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.errout, "apt-get install -y chromium")

	r = delaktig(t, "", "audit", "--format", "pdf", plain)
	assert.Equal(t, exitUsage, r.code)
}

func TestCheckURLInBrowser(t *testing.T) {
	testenv.Chrome(t)
	srv := auditService(t)
	r := delaktig(t, "", "check", "--format", "json", srv.URL+"/")
	assert.Equal(t, exitFailures, r.code, r.errout)
	page := decodeJSON(t, r.out)["pages"].([]any)[0].(map[string]any)
	assert.Equal(t, "browser", page["mode"])
	assert.Equal(t, "Ansökan", page["title"])
}

func TestDemo(t *testing.T) {
	testenv.Chrome(t)
	out := filepath.Join(t.TempDir(), "demo", "report.html")
	r := delaktig(t, "", "demo", "--variant", "tillganglig", "--lang", "sv", "--out", out)
	require.Equal(t, exitOK, r.code, r.errout)
	// the five steps, and the error states explored on its forms
	assert.Regexp(t, `Tillgänglig: ([5-9]|[1-9][0-9]) pages checked`, r.out)
	// the accessible variant passes every rule, in every step and error state
	assert.Contains(t, r.out, "pages checked, 0 failures", "the accessible variant has no failures")
	assert.Contains(t, r.out, "wrote "+out)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(b), "Tillgänglig – Startsida")
	assert.Contains(t, string(b), "Tillgänglig – Kvittens")
	assert.NotContains(t, string(b), "Otillgänglig – Startsida")

	r = delaktig(t, "", "demo", "--variant", "annan")
	assert.Equal(t, exitUsage, r.code)
	assert.True(t, strings.Contains(r.errout, "tillganglig"))
}
