package examples

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
)

// flowRunner plays a flow file against the test server the way a browser
// would, without one: it follows links, fills and submits forms, and runs the
// two kinds of onclick the inaccessible variant uses. Every selector must
// match in the page it is used on.
type flowRunner struct {
	t       *testing.T
	v       *visitor
	cur     loaded
	values  map[*html.Node]string
	checked map[*html.Node]bool
	// matched records the selectors that matched where the flow used them.
	matched map[string]bool
	// pages records the step names of the pages reached.
	pages []string
}

var (
	onclickHref   = regexp.MustCompile(`^location\.href\s*=\s*'([^']*)'$`)
	onclickSubmit = regexp.MustCompile(`^document\.getElementById\('([^']*)'\)\.submit\(\)$`)
)

func (fr *flowRunner) load(res loaded) {
	fr.t.Helper()
	require.Equal(fr.t, http.StatusOK, res.status, res.url.String())
	fr.cur = res
	fr.values = map[*html.Node]string{}
	fr.checked = map[*html.Node]bool{}
}

// find returns the elements sel matches in the current page; sel may be a CSS
// selector or text=Exact visible text.
func (fr *flowRunner) find(sel string) []*html.Node {
	if text, ok := strings.CutPrefix(sel, "text="); ok {
		var out []*html.Node
		for _, n := range query(fr.t, fr.cur.doc, "a, button, input[type=submit], [onclick]") {
			if textOf(n) == text {
				out = append(out, n)
			}
		}
		return out
	}
	return query(fr.t, fr.cur.doc, sel)
}

func (fr *flowRunner) only(action, sel string) *html.Node {
	fr.t.Helper()
	found := fr.find(sel)
	require.Len(fr.t, found, 1, "%s %q on %s matches exactly one element", action, sel, fr.cur.url.Path)
	fr.matched[sel] = true
	return found[0]
}

func (fr *flowRunner) run(steps []any) {
	fr.t.Helper()
	for i, raw := range steps {
		step, ok := raw.(map[string]any)
		require.True(fr.t, ok, "step %d is a mapping", i)
		for key, arg := range step {
			switch key {
			case "name", "audit":
			case "goto":
				fr.load(fr.v.get(arg.(string)))
			case "click":
				fr.click(arg.(string))
			case "fill":
				for sel, val := range arg.(map[string]any) {
					n := fr.only("fill", sel)
					typ, _ := attr(n, "type")
					require.True(fr.t, n.Data == "textarea" || (n.Data == "input" && !slices.Contains([]string{"checkbox", "radio", "file", "submit", "hidden", "button"}, typ)), "fill %q is a text field", sel)
					fr.values[n] = fmt.Sprint(val)
				}
			case "select":
				for sel, val := range arg.(map[string]any) {
					n := fr.only("select", sel)
					require.Equal(fr.t, "select", n.Data)
					want := fmt.Sprint(val)
					var values []string
					for _, o := range query(fr.t, n, "option") {
						values = append(values, optionValue(o))
					}
					require.Contains(fr.t, values, want, "select %q has the option", sel)
					fr.values[n] = want
				}
			case "check":
				sel := arg.(string)
				n := fr.only("check", sel)
				typ, _ := attr(n, "type")
				require.Contains(fr.t, []string{"checkbox", "radio"}, typ, "check %q", sel)
				if typ == "radio" {
					name, _ := attr(n, "name")
					for _, other := range query(fr.t, fr.cur.doc, `input[type=radio][name="`+name+`"]`) {
						fr.checked[other] = false
					}
				}
				fr.checked[n] = true
			case "wait_for":
				sel := arg.(string)
				require.NotEmpty(fr.t, fr.find(sel), "wait_for %q on %s", sel, fr.cur.url.Path)
				fr.matched[sel] = true
			case "expect":
				for k, want := range arg.(map[string]any) {
					switch k {
					case "url_contains":
						assert.Contains(fr.t, fr.cur.url.String(), want, "step %d", i)
					case "text":
						assert.Contains(fr.t, textOf(fr.cur.doc), want, "step %d on %s", i, fr.cur.url.Path)
					default:
						fr.t.Fatalf("step %d: expect %q is not known", i, k)
					}
				}
			default:
				fr.t.Fatalf("step %d: action %q is not used by the example flows", i, key)
			}
		}
		if name, ok := step["name"].(string); ok {
			fr.pages = append(fr.pages, name)
		}
	}
}

func (fr *flowRunner) click(sel string) {
	fr.t.Helper()
	n := fr.only("click", sel)
	typ, _ := attr(n, "type")
	onclick, hasOnclick := attr(n, "onclick")
	switch {
	case n.Data == "a":
		href, ok := attr(n, "href")
		require.True(fr.t, ok, "click %q: link has href", sel)
		fr.load(fr.v.get(fr.cur.url.ResolveReference(mustParse(fr.t, href)).String()))
	case n.Data == "button" && typ != "button" && typ != "reset", n.Data == "input" && typ == "submit":
		form := enclosing(n, "form")
		require.NotNil(fr.t, form, "click %q: submit button in a form", sel)
		fr.submit(form, n)
	case hasOnclick && onclickHref.MatchString(onclick):
		href := onclickHref.FindStringSubmatch(onclick)[1]
		fr.load(fr.v.get(fr.cur.url.ResolveReference(mustParse(fr.t, href)).String()))
	case hasOnclick && onclickSubmit.MatchString(onclick):
		id := onclickSubmit.FindStringSubmatch(onclick)[1]
		form := one(fr.t, fr.cur.doc, "form#"+id)
		fr.submit(form, nil)
	default:
		fr.t.Fatalf("click %q: <%s> does nothing this runner knows", sel, n.Data)
	}
}

func mustParse(t *testing.T, ref string) *url.URL {
	u, err := url.Parse(ref)
	require.NoError(t, err)
	return u
}

func optionValue(o *html.Node) string {
	if v, ok := attr(o, "value"); ok {
		return v
	}
	return textOf(o)
}

// submit sends form's successful controls as a browser would, submitter
// being the button that was clicked (nil for form.submit()).
func (fr *flowRunner) submit(form, submitter *html.Node) {
	fr.t.Helper()
	vals := url.Values{}
	var files []string
	for _, n := range query(fr.t, form, "input, textarea, select, button") {
		name, _ := attr(n, "name")
		if _, disabled := attr(n, "disabled"); name == "" || disabled {
			continue
		}
		typ, _ := attr(n, "type")
		switch {
		case n.Data == "textarea":
			if v, ok := fr.values[n]; ok {
				vals.Add(name, v)
			} else {
				vals.Add(name, textOfAll(n))
			}
		case n.Data == "select":
			v, ok := fr.values[n]
			if !ok {
				opts := query(fr.t, n, "option")
				sel := query(fr.t, n, "option[selected]")
				if len(sel) > 0 {
					v = optionValue(sel[0])
				} else if len(opts) > 0 {
					v = optionValue(opts[0])
				}
			}
			vals.Add(name, v)
		case n.Data == "button" || typ == "submit" || typ == "image" || typ == "reset" || typ == "button":
			if n == submitter {
				v, _ := attr(n, "value")
				vals.Add(name, v)
			}
		case typ == "checkbox" || typ == "radio":
			on, ok := fr.checked[n]
			if !ok {
				_, on = attr(n, "checked")
			}
			if on {
				v, ok := attr(n, "value")
				if !ok {
					v = "on"
				}
				vals.Add(name, v)
			}
		case typ == "file":
			files = append(files, name)
		default:
			v, ok := fr.values[n]
			if !ok {
				v, _ = attr(n, "value")
			}
			vals.Add(name, v)
		}
	}
	action, _ := attr(form, "action")
	target := fr.cur.url.ResolveReference(mustParse(fr.t, action)).String()
	method, _ := attr(form, "method")
	require.Equal(fr.t, "post", strings.ToLower(method), "the example's forms post")
	if enctype, _ := attr(form, "enctype"); enctype == "multipart/form-data" {
		// A browser sends an empty part for a file field left empty.
		var ups []upload
		for _, f := range files {
			ups = append(ups, upload{field: f})
		}
		fr.load(fr.v.postMultipart(target, vals, ups...))
		return
	}
	fr.load(fr.v.post(target, vals))
}

// flowSelectors lists the selectors a decoded flow file uses.
func flowSelectors(t *testing.T, steps []any) []string {
	var out []string
	for _, raw := range steps {
		step := raw.(map[string]any)
		for _, key := range []string{"click", "check", "wait_for"} {
			if s, ok := step[key]; ok {
				out = append(out, s.(string))
			}
		}
		for _, key := range []string{"fill", "select"} {
			if m, ok := step[key]; ok {
				for sel := range m.(map[string]any) {
					out = append(out, sel)
				}
			}
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

func TestFlowFilesWalkTheService(t *testing.T) {
	flows := Flows()
	require.Len(t, flows, 2)
	srv := newTestServer(t)
	for _, vr := range Variants() {
		t.Run(string(vr), func(t *testing.T) {
			src, ok := flows[string(vr)]
			require.True(t, ok)
			fromFS, err := FlowFS.ReadFile("flows/" + string(vr) + ".yaml")
			require.NoError(t, err)
			assert.Equal(t, fromFS, src)

			var flow map[string]any
			require.NoError(t, yaml.Unmarshal(src, &flow))
			assert.NotEmpty(t, flow["name"])
			assert.Equal(t, "http://127.0.0.1:8080"+vr.Root(), flow["start"])
			assert.Equal(t, "sv", flow["lang"])
			steps, ok := flow["steps"].([]any)
			require.True(t, ok, "steps is a list")

			fr := &flowRunner{t: t, v: newVisitor(t, srv), matched: map[string]bool{}}
			fr.run(steps)

			assert.Equal(t, vr.Path(Steps()[stepReceipt]), fr.cur.url.Path, "the flow ends on the receipt")
			assert.Regexp(t, caseNumber, textOf(fr.cur.doc))
			var names []string
			for _, s := range Steps() {
				names = append(names, s.Name)
			}
			assert.Equal(t, names, fr.pages, "one named step per page, with the package's step names")
			for _, sel := range flowSelectors(t, steps) {
				assert.True(t, fr.matched[sel], "selector %q matched the served HTML", sel)
			}
		})
	}
}

// TestFlowRunnerSubmitsLikeABrowser guards the runner itself: a flow that
// leaves a required field empty must not reach the next step.
func TestFlowRunnerSubmitsLikeABrowser(t *testing.T) {
	srv := newTestServer(t)
	var steps []any
	require.NoError(t, yaml.Unmarshal([]byte(`
- goto: /tillganglig/personuppgifter
- fill: {"#fornamn": "Anna"}
- click: "#steg-personuppgifter button[type=submit]"
`), &steps))
	fr := &flowRunner{t: t, v: newVisitor(t, srv), matched: map[string]bool{}}
	fr.run(steps)
	assert.Equal(t, "/tillganglig/personuppgifter", fr.cur.url.Path)
	assert.Equal(t, "Anna", attrOf(t, fr.cur.doc, "#fornamn", "value"))
	assert.Len(t, query(t, fr.cur.doc, `[aria-invalid="true"]`), 6)
}
