package a11y_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/andybalholm/cascadia"
	"github.com/delaktig/delaktig/a11y"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func parse(t testing.TB, s string) *a11y.Document {
	t.Helper()
	d, err := a11y.FromHTMLString(s, "test.html")
	require.NoError(t, err)
	return d
}

func TestFromHTMLIndexesElementsByAtomAndID(t *testing.T) {
	d := parse(t, `<!doctype html><html lang="sv"><head><title>Ansökan</title></head><body>
	<main><h1 id="rubrik">Ansök</h1><img src="a.png"><p>Text <img src="b.png" id="b"></p></main></body></html>`)
	var imgs []string
	for n := range d.Elements(atom.Img) {
		imgs = append(imgs, n.Get("src"))
	}
	assert.Equal(t, []string{"a.png", "b.png"}, imgs)
	assert.Equal(t, "b.png", d.ByID(d.Root, "b").Get("src"))
	assert.Nil(t, d.ByID(d.Root, "saknas"))
	title, ok := d.Title()
	assert.True(t, ok)
	assert.Equal(t, "Ansökan", title)
	assert.Equal(t, "sv", d.HTML().Get("lang"))
	assert.True(t, d.Body().Is(atom.Body))
	assert.Equal(t, a11y.ModeStatic, d.Mode)
	assert.True(t, d.Has(a11y.NeedsDOM))
	assert.False(t, d.Has(a11y.NeedsLayout))
	// document order
	prev := -1
	for n := range d.Elements() {
		assert.Greater(t, n.Index, prev)
		prev = n.Index
	}
}

func TestFromHTMLTemplatesShadowRootsAndFrames(t *testing.T) {
	d := parse(t, `<body>
	<template id="tpl"><img src="inert.png"></template>
	<div id="host"><template shadowrootmode="open"><label>Namn <slot></slot></label></template><input id="light"></div>
	<iframe id="f" srcdoc="<p id=inner>Hej</p>"></iframe></body>`)
	host := d.ByID(d.Root, "host")
	require.NotNil(t, host.Shadow, "declarative shadow root attached")
	assert.Equal(t, a11y.ShadowRootNode, host.Shadow.Type)
	assert.Equal(t, host, host.Shadow.Host)
	// the template element itself is gone from the light tree
	for c := range host.ElementChildren() {
		assert.NotEqual(t, "template", c.Data)
	}
	// flat tree: label from the shadow root, with the slotted input inside it
	var flat []string
	for c := range host.FlatChildren() {
		flat = append(flat, c.Data)
	}
	assert.Equal(t, []string{"label"}, flat)
	light := d.ByID(d.Root, "light")
	assert.Equal(t, "label", light.FlatParent().Data, "a slotted node's flat parent is the slot's parent")

	tpl := d.ByID(d.Root, "tpl")
	require.NotNil(t, tpl.Content)
	f := d.ByID(d.Root, "f")
	require.NotNil(t, f.Content, "srcdoc parsed")
	var inner *a11y.Node
	for n := range d.Elements(atom.P) {
		inner = n
	}
	require.NotNil(t, inner)
	assert.Equal(t, "inner", inner.ID())
	assert.Nil(t, d.ByID(d.Root, "inner"), "ids are scoped to their tree")
	assert.Equal(t, inner, d.ByID(inner, "inner"))
	// template content is not an element of the page
	for n := range d.Elements(atom.Img) {
		t.Errorf("template content indexed: %s", a11y.Snippet(n))
	}
}

func TestFromHTMLSurvivesHostileInput(t *testing.T) {
	deep := strings.Repeat("<div>", 10000) + "x" + strings.Repeat("</div>", 10000)
	for name, in := range map[string]string{
		"empty":    "",
		"garbage":  "\x00\xff\xfe<<<>>>&&&\x01<a <b =",
		"deep":     deep,
		"cyclic":   `<div id=a aria-labelledby="b"><div id=b aria-labelledby="a" aria-owns="a">x</div></div>`,
		"unclosed": `<table><tr><td><select><option><p>`,
	} {
		t.Run(name, func(t *testing.T) {
			d, err := a11y.FromHTMLString(in, name)
			require.NoError(t, err)
			for n := range d.Elements() {
				_ = a11y.Selector(n)
				_ = d.Name(n)
				_ = d.Role(n)
			}
		})
	}
}

func TestSelectorSelectsExactlyTheElement(t *testing.T) {
	src := `<html><body><main><form>
	<div><input name=a><input name=b></div><div><input name=c><span><input name=d></span></div>
	<p id="x y">odd id</p><p id="dup">1</p><p id="dup">2</p><p id="ok">3</p><p>4</p>
	</form></main></body></html>`
	d := parse(t, src)
	ref, err := html.Parse(strings.NewReader(src))
	require.NoError(t, err)
	for n := range d.Elements() {
		sel := a11y.Selector(n)
		s, err := cascadia.Compile(sel)
		require.NoError(t, err, sel)
		got := cascadia.QueryAll(ref, s)
		require.Len(t, got, 1, "selector %q", sel)
		var b strings.Builder
		require.NoError(t, html.Render(&b, got[0]))
		assert.Equal(t, b.String(), a11y.OuterHTML(n), sel)
		assert.True(t, strings.HasPrefix(a11y.XPath(n), "/html[1]"))
	}
	assert.Equal(t, "#ok", a11y.Selector(d.ByID(d.Root, "ok")))
}

func TestSnippetIsBounded(t *testing.T) {
	d := parse(t, `<img alt="`+strings.Repeat("x", 1<<20)+`" src="a.png">`)
	for n := range d.Elements(atom.Img) {
		s := a11y.Snippet(n)
		assert.LessOrEqual(t, len(s), a11y.MaxSnippet)
		assert.True(t, strings.HasPrefix(s, "<img alt="))
	}
}

func TestParseDeclarations(t *testing.T) {
	got := a11y.ParseDeclarations(`color: red; background: url("a;b.png") ; line-height: 1.2 !IMPORTANT;broken; :x; font-size:`)
	assert.Equal(t, []a11y.Declaration{
		{Property: "color", Value: "red"},
		{Property: "background", Value: `url("a;b.png")`},
		{Property: "line-height", Value: "1.2", Important: true},
	}, got)
	d := parse(t, `<p style="letter-spacing: 1px !important; letter-spacing: 3px">x</p>`)
	for n := range d.Elements(atom.P) {
		v, ok := a11y.InlineValue(n, "letter-spacing")
		assert.True(t, ok)
		assert.Equal(t, "1px", v.Value, "important wins over a later normal declaration")
	}
}

// testRule fails every <img> and passes every <p>; it panics on <blink>.
var testRule = &a11y.Rule{
	ID: "test-rule", Impact: a11y.Serious, Needs: a11y.NeedsDOM, WCAG: []string{"1.1.1"},
	Messages: []a11y.Msg{"test-rule.bad", "test-rule.good"},
	Run: func(p *a11y.Pass) error {
		for n := range p.Elements() {
			switch n.Data {
			case "img":
				p.Fail(n, "test-rule.bad", a11y.Data{"src": n.Get("src")})
			case "p":
				p.Pass(n, "test-rule.good")
			case "blink":
				panic("boom")
			case "marquee":
				return errors.New("cannot")
			}
		}
		return nil
	},
}

var layoutRule = &a11y.Rule{ID: "layout-rule", Impact: a11y.Minor, Needs: a11y.NeedsDOM | a11y.NeedsLayout,
	Messages: []a11y.Msg{"layout-rule.x"}, Run: func(p *a11y.Pass) error { p.Fail(nil, "layout-rule.x"); return nil }}

func TestCheckOutcomesNeedsAndErrors(t *testing.T) {
	d := parse(t, `<html><body><p>a</p><img src="x.png"></body></html>`)
	res, err := a11y.Check(context.Background(), d, a11y.WithRules(testRule, layoutRule))
	require.NoError(t, err)
	require.Len(t, res.Findings, 3)
	byRule := map[string][]a11y.Finding{}
	for _, f := range res.Findings {
		byRule[f.Rule] = append(byRule[f.Rule], f)
	}
	require.Len(t, byRule["layout-rule"], 1)
	lf := byRule["layout-rule"][0]
	assert.Equal(t, a11y.CantTell, lf.Outcome, "a rule needing layout answers cantTell in static mode, never a guess")
	assert.Equal(t, a11y.MsgNeedsLayout, lf.Key)
	assert.Equal(t, "html", lf.Selector)
	img := byRule["test-rule"][1]
	assert.Equal(t, a11y.Failed, img.Outcome)
	assert.Equal(t, a11y.Serious, img.Impact)
	assert.Equal(t, "A", img.Level)
	assert.Equal(t, []string{"1.1.1"}, img.WCAG)
	assert.Equal(t, "x.png", img.Data["src"])
	assert.Equal(t, a11y.Passed, byRule["test-rule"][0].Outcome)
	assert.Zero(t, byRule["test-rule"][0].Impact, "impact only on failures")

	_, err = a11y.Check(context.Background(), d)
	assert.ErrorIs(t, err, a11y.ErrNoRules)

	for _, tag := range []string{"blink", "marquee"} {
		d := parse(t, `<p>a</p><`+tag+`>x</`+tag+`>`)
		res, err := a11y.Check(context.Background(), d, a11y.WithRules(testRule))
		require.NoError(t, err)
		require.Len(t, res.Errors, 1, tag)
		require.Len(t, res.Findings, 1)
		assert.Equal(t, a11y.CantTell, res.Findings[0].Outcome)
		assert.Equal(t, a11y.MsgRuleError, res.Findings[0].Key)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = a11y.Check(ctx, d, a11y.WithRules(testRule))
	assert.ErrorIs(t, err, context.Canceled)
}

func TestSuppressionsNeedAReason(t *testing.T) {
	d := parse(t, `<body>
	<div data-a11y-ignore="test-rule: decorative carousel (#12)"><img src="a.png"></div>
	<div data-a11y-ignore="test-rule"><img src="b.png"></div>
	<img src="c.png"></body>`)
	res, err := a11y.Check(context.Background(), d, a11y.WithRules(testRule))
	require.NoError(t, err)
	var suppressed, open, engine int
	for _, f := range res.Findings {
		switch {
		case f.Rule == "engine":
			engine++
			assert.Equal(t, a11y.MsgSuppressionNoReason, f.Key)
			assert.Equal(t, a11y.Failed, f.Outcome)
		case f.Suppressed != "":
			suppressed++
			assert.Equal(t, "decorative carousel (#12)", f.Suppressed)
		default:
			open++
		}
	}
	assert.Equal(t, 1, suppressed)
	assert.Equal(t, 2, open, "a suppression without a reason hides nothing")
	assert.Equal(t, 1, engine)
}

func TestSelect(t *testing.T) {
	a := &a11y.Rule{ID: "image-alt", WCAG: []string{"1.1.1"}, ACT: []string{"23a2a8"}, Tags: []string{"images"}}
	b := &a11y.Rule{ID: "color-contrast", WCAG: []string{"1.4.3"}}
	c := &a11y.Rule{ID: "label", WCAG: []string{"4.1.2", "1.3.1"}, Tags: []string{"forms"}}
	all := []*a11y.Rule{a, b, c}
	ids := func(rs []*a11y.Rule) (out []string) {
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return
	}
	for spec, want := range map[string][]string{
		"":                     {"image-alt", "color-contrast", "label"},
		"all,-color-contrast":  {"image-alt", "label"},
		"-label":               {"image-alt", "color-contrast"},
		"wcag:1.4.*":           {"color-contrast"},
		"tag:forms,act:23a2a8": {"image-alt", "label"},
		"image-*":              {"image-alt"},
		"level:AA":             {"color-contrast"},
	} {
		got, err := a11y.Select(all, spec)
		require.NoError(t, err, spec)
		assert.Equal(t, want, ids(got), spec)
	}
	_, err := a11y.Select(all, "no-such-rule")
	assert.ErrorContains(t, err, "no-such-rule")
	_, err = a11y.Select(all, "bogus:x")
	assert.Error(t, err)
}

func TestOutcomeText(t *testing.T) {
	for _, o := range []a11y.Outcome{a11y.Inapplicable, a11y.Passed, a11y.Failed, a11y.CantTell} {
		b, err := o.MarshalText()
		require.NoError(t, err)
		var back a11y.Outcome
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, o, back)
	}
	assert.Equal(t, "cantTell", a11y.CantTell.String())
	_, err := a11y.ParseImpact("fatal")
	assert.Error(t, err)
}
