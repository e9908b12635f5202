package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDemoWithoutChrome(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("DELAKTIG_CHROME", "")
	out := filepath.Join(t.TempDir(), "report.html")
	r := delaktig(t, "", "demo", "--out", out)
	require.Equal(t, exitOK, r.code, r.errout)
	assert.Contains(t, r.errout, "apt-get install -y chromium")
	assert.Contains(t, r.errout, "DELAKTIG_CHROME")
	assert.Contains(t, r.out, "Tillgänglig: 5 pages checked")
	assert.Contains(t, r.out, "Otillgänglig: 5 pages checked")
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	html := string(b)
	// the walk sent valid answers on every form, so it reached the receipts
	for _, step := range []string{"Tillgänglig – Startsida", "Tillgänglig – Kvittens", "Otillgänglig – Personuppgifter", "Otillgänglig – Kvittens"} {
		assert.Contains(t, html, step)
	}
}

func TestCheckReadabilityAndComplexity(t *testing.T) {
	dir := t.TempDir()
	form := writeFile(t, dir, "a.html", `<!doctype html><html lang="sv"><head><title>Ansökan</title></head><body><main>
<p>Fyll i ditt namn. Vi behöver det för att kunna svara dig.</p>
<form><label for="n">Namn</label><input id="n" name="n" required><label for="e">E-post</label><input id="e" name="e" type="email"></form></main></body></html>`)
	other := writeFile(t, dir, "b.html", goodPage)
	r := delaktig(t, "", "check", "--format", "json", form, other)
	require.Equal(t, exitOK, r.code, r.errout)
	m := decodeJSON(t, r.out)
	page := m["pages"].([]any)[0].(map[string]any)
	rd, ok := page["readability"].(map[string]any)
	require.True(t, ok, "readability: %v", page["readability"])
	assert.Greater(t, rd["words"], 5.0)
	cx, ok := page["complexity"].(map[string]any)
	require.True(t, ok, "complexity: %v", page["complexity"])
	assert.Equal(t, 2.0, cx["fields"])
	assert.Equal(t, 1.0, cx["required"])
	flow := m["flow"].(map[string]any)
	assert.Equal(t, 2.0, flow["steps"])
	assert.NotEmpty(t, flow["complexity"])
}
