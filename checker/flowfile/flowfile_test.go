package flowfile_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/checker/flowfile"
	"github.com/delaktig/delaktig/examples"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// the example of the design document
const designExample = `name: Ansök om parkeringstillstånd
start: http://127.0.0.1:8080/          # steps' relative URLs resolve against this
lang: sv                               # expected page language (optional)
viewport: {width: 1280, height: 800}   # optional
steps:
  - name: Startsida
    goto: /
  - name: Personuppgifter
    click: "a.start"                   # CSS selector, or text=Exact visible text
  - fill: {"#namn": "Anna Andersson", "#pnr": "${env:TEST_PNR}"}
  - select: {"#kommun": "Sundsvall"}
  - check: "#samtycke"
  - press: Enter
  - wait_for: "#steg-2"
  - expect: {url_contains: "/steg-2", text: "Steg 2 av 4"}
  - name: Kontrollera svaren
    click: "button[type=submit]"
`

func action(t *testing.T, st checker.Step) *checker.Action {
	t.Helper()
	a, ok := st.(*checker.Action)
	require.True(t, ok, "%T", st)
	return a
}

func TestParseDesignExample(t *testing.T) {
	f, err := flowfile.Parse([]byte(designExample), "ansokan.yaml")
	require.NoError(t, err)
	assert.Equal(t, "Ansök om parkeringstillstånd", f.Name)
	assert.Equal(t, "http://127.0.0.1:8080/", f.Start)
	assert.Equal(t, "sv", f.Lang)
	require.NotNil(t, f.Viewport)
	assert.Equal(t, checker.Viewport{Width: 1280, Height: 800}, *f.Viewport)
	require.Len(t, f.Steps, 9)

	kinds := []checker.Kind{}
	for _, st := range f.Steps {
		kinds = append(kinds, action(t, st).Kind)
	}
	assert.Equal(t, []checker.Kind{"goto", "click", "fill", "select", "check", "press", "wait_for", "expect", "click"}, kinds)

	g := action(t, f.Steps[0])
	assert.Equal(t, "Startsida", g.Name)
	assert.Equal(t, "/", g.Target)
	assert.Equal(t, 6, g.Line)
	assert.Nil(t, g.AuditOverride)

	fill := action(t, f.Steps[2])
	assert.Equal(t, []checker.Field{{Selector: "#namn", Value: "Anna Andersson"}, {Selector: "#pnr", Value: "${env:TEST_PNR}"}}, fill.Fields,
		"fields keep the file's order")
	assert.Equal(t, "fill #namn, #pnr", fill.StepName())
	assert.Equal(t, checker.Expect{URLContains: "/steg-2", Text: "Steg 2 av 4"}, action(t, f.Steps[7]).Expect)
	assert.Equal(t, "Enter", action(t, f.Steps[5]).Target)
	assert.Equal(t, []string{"TEST_PNR"}, f.EnvRefs())
	assert.NoError(t, f.Validate())
}

func TestParseOptions(t *testing.T) {
	f, err := flowfile.Parse([]byte(`start: https://example.org/e-tjanst/
steps:
  - goto: ansok?steg=1
    audit: false
    timeout: 45s
  - fill: {"#postnummer": 12345, "#tom": ""}
    audit: true
  - click: "text=Nästa steg"
`), "/flows/min-tjanst.yml")
	require.NoError(t, err)
	assert.Equal(t, "min-tjanst", f.Name, "the file names a flow without a name")
	g := action(t, f.Steps[0])
	require.NotNil(t, g.AuditOverride)
	assert.False(t, *g.AuditOverride)
	assert.Equal(t, 45*time.Second, g.Timeout)
	fill := action(t, f.Steps[1])
	assert.Equal(t, []checker.Field{{Selector: "#postnummer", Value: "12345"}, {Selector: "#tom", Value: ""}}, fill.Fields)
	require.NotNil(t, fill.AuditOverride)
	assert.True(t, *fill.AuditOverride)
	assert.Equal(t, "text=Nästa steg", action(t, f.Steps[2]).Target)
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		line       int
		want       string
	}{
		{"not yaml", "start: [\n", 1, "not valid YAML"},
		{"not a mapping", "- goto: /\n", 1, "must be a mapping"},
		{"no start", "steps:\n  - goto: /\n", 1, "no start address"},
		{"relative start", "start: /tjanst\nsteps:\n  - goto: /\n", 1, "absolute"},
		{"bad lang", "start: http://x/\nlang: svenska!\nsteps:\n  - goto: /\n", 2, "language tag"},
		{"no steps", "start: http://x/\n", 1, "no steps"},
		{"empty steps", "start: http://x/\nsteps: []\n", 2, "no steps"},
		{"unknown flow key", "start: http://x/\nstps:\n  - goto: /\n", 2, `unknown key "stps"`},
		{"unknown step key", "start: http://x/\nsteps:\n  - goto: /\n  - klick: a\n", 4, `unknown key "klick"`},
		{"no action", "start: http://x/\nsteps:\n  - goto: /\n  - name: Tom\n", 4, "no action"},
		{"two actions", "start: http://x/\nsteps:\n  - goto: /\n    click: a\n", 3, "2 actions (goto, click)"},
		{"empty selector", "start: http://x/\nsteps:\n  - click: \"\"\n", 3, "selector is empty"},
		{"null value", "start: http://x/\nsteps:\n  - fill: {\"#a\": }\n", 3, "must be a text value"},
		{"bad key", "start: http://x/\nsteps:\n  - press: Entr\n", 3, "unknown key \"Entr\""},
		{"bad reference", "start: http://x/\nsteps:\n  - fill:\n      \"#pnr\": \"${TEST_PNR}\"\n", 4, "${env:NAME}"},
		{"reference in selector", "start: http://x/\nsteps:\n  - click: \"${env:SEL}\"\n", 3, "selectors cannot hold references"},
		{"bad audit", "start: http://x/\nsteps:\n  - goto: /\n    audit: ja\n", 4, "true or false"},
		{"bad timeout", "start: http://x/\nsteps:\n  - goto: /\n    timeout: fem\n", 4, "duration"},
		{"bad viewport", "start: http://x/\nviewport: {width: 0, height: 800}\nsteps:\n  - goto: /\n", 2, "from 1 to 10000"},
		{"empty expect", "start: http://x/\nsteps:\n  - expect: {}\n", 3, "url_contains or text"},
		{"duplicate key", "start: http://x/\nsteps:\n  - fill:\n      \"#a\": x\n      \"#a\": y\n", 5, "given twice"},
		{"text= without text", "start: http://x/\nsteps:\n  - click: \"text=\"\n", 3, "visible text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := flowfile.Parse([]byte(tc.yaml), "f.yaml")
			require.Error(t, err)
			var fe *flowfile.Error
			require.ErrorAs(t, err, &fe)
			found := false
			for _, e := range unwrapAll(err) {
				var one *flowfile.Error
				if errors.As(e, &one) && strings.Contains(one.Msg, tc.want) {
					found = true
					assert.Equal(t, tc.line, one.Line, one.Error())
					assert.True(t, strings.HasPrefix(one.Error(), "f.yaml:"), one.Error())
				}
			}
			assert.True(t, found, "no error containing %q in %v", tc.want, err)
		})
	}
}

func unwrapAll(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func TestParseReportsEveryProblem(t *testing.T) {
	_, err := flowfile.Parse([]byte("start: http://x/\nsteps:\n  - klick: a\n  - goto: /\n    press: Entr\n"), "f.yaml")
	require.Error(t, err)
	assert.Len(t, unwrapAll(err), 3, "%v", err)
}

func TestLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "flode.yaml")
	require.NoError(t, os.WriteFile(path, []byte(designExample), 0o600))
	f, err := flowfile.Load(path)
	require.NoError(t, err)
	assert.Len(t, f.Steps, 9)
	_, err = flowfile.Load(filepath.Join(t.TempDir(), "saknas.yaml"))
	require.Error(t, err)
	big := filepath.Join(t.TempDir(), "stor.yaml")
	require.NoError(t, os.WriteFile(big, make([]byte, flowfile.MaxSize+1), 0o600))
	_, err = flowfile.Load(big)
	require.Error(t, err)
}

func TestExampleFlows(t *testing.T) {
	flows := examples.Flows()
	require.NotEmpty(t, flows)
	for name, data := range flows {
		f, err := flowfile.Parse(data, name+".yaml")
		require.NoError(t, err, name)
		assert.NotEmpty(t, f.Name)
		assert.Equal(t, "sv", f.Lang)
		assert.NotEmpty(t, f.Steps)
		assert.NoError(t, f.Validate())
	}
}
