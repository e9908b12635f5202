package komponenter

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/andybalholm/cascadia"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
)

// flowFile is a decoded flow file (design.md, "Flow file").
type flowFile struct {
	Name     string         `yaml:"name"`
	Start    string         `yaml:"start"`
	Lang     string         `yaml:"lang"`
	Viewport map[string]int `yaml:"viewport"`
	Steps    []flowStep     `yaml:"steps"`
}

// flowStep is one step: its name and its one action with the action's
// argument; maps keep their order.
type flowStep struct {
	Name   string
	Action string
	Arg    *yaml.Node
}

func (s *flowStep) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: a step is a mapping", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i].Value, n.Content[i+1]
		switch key {
		case "name":
			s.Name = val.Value
		case "audit":
		case "goto", "click", "fill", "select", "check", "press", "wait_for", "expect":
			if s.Action != "" {
				return fmt.Errorf("line %d: two actions in one step", n.Line)
			}
			s.Action, s.Arg = key, val
		default:
			return fmt.Errorf("line %d: unknown key %q", n.Content[i].Line, key)
		}
	}
	if s.Action == "" {
		return fmt.Errorf("line %d: a step without an action", n.Line)
	}
	return nil
}

// pairs returns a mapping argument's pairs in order.
func (s *flowStep) pairs(t *testing.T) [][2]string {
	t.Helper()
	require.Equal(t, yaml.MappingNode, s.Arg.Kind, "%s takes a mapping", s.Action)
	var out [][2]string
	for i := 0; i+1 < len(s.Arg.Content); i += 2 {
		out = append(out, [2]string{s.Arg.Content[i].Value, s.Arg.Content[i+1].Value})
	}
	return out
}

func loadFlow(t *testing.T) *flowFile {
	t.Helper()
	var f flowFile
	dec := yaml.NewDecoder(bytes.NewReader(Flow()))
	dec.KnownFields(true)
	require.NoError(t, dec.Decode(&f))
	require.NotEmpty(t, f.Steps)
	return &f
}

// pageState is a page the flow reached.
type pageState struct {
	Step   string
	URL    string
	Status int
	Body   []byte
}

// httpRunner plays a flow with plain HTTP, the way a browser without
// JavaScript would: it follows links, fills, checks and selects fields,
// and submits forms (URL-encoded or multipart). Every selector must match
// exactly one element on the page it is used on (wait_for: at least one).
type httpRunner struct {
	t       *testing.T
	client  *http.Client
	base    *url.URL
	cur     pageState
	doc     *html.Node
	values  map[*html.Node]string
	checked map[*html.Node]bool
	// States are the pages reached, in order.
	States []pageState
	// Used counts the selectors used per step action.
	Used int
}

func newHTTPRunner(t *testing.T, base string) *httpRunner {
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	u, err := url.Parse(base)
	require.NoError(t, err)
	return &httpRunner{t: t, client: &http.Client{Jar: jar}, base: u}
}

func (r *httpRunner) load(step string, res *http.Response) {
	r.t.Helper()
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(r.t, err)
	require.Less(r.t, res.StatusCode, 500, "%s: %s", res.Request.URL, body)
	doc, err := html.Parse(bytes.NewReader(body))
	require.NoError(r.t, err)
	r.cur = pageState{Step: step, URL: res.Request.URL.String(), Status: res.StatusCode, Body: body}
	r.doc = doc
	r.values = map[*html.Node]string{}
	r.checked = map[*html.Node]bool{}
	r.States = append(r.States, r.cur)
}

func (r *httpRunner) find(sel string) []*html.Node {
	r.t.Helper()
	if text, ok := strings.CutPrefix(sel, "text="); ok {
		var out []*html.Node
		for _, n := range cascadia.MustCompile("a, button").MatchAll(r.doc) {
			if textOf(n) == text {
				out = append(out, n)
			}
		}
		return out
	}
	s, err := cascadia.Compile(sel)
	require.NoError(r.t, err, "selector %q", sel)
	return s.MatchAll(r.doc)
}

func (r *httpRunner) one(action, sel string) *html.Node {
	r.t.Helper()
	found := r.find(sel)
	require.Len(r.t, found, 1, "%s %q on %s matches exactly one element", action, sel, r.cur.URL)
	r.Used++
	return found[0]
}

func (r *httpRunner) resolve(ref string) string {
	cur, _ := url.Parse(r.cur.URL)
	if r.cur.URL == "" {
		cur = r.base
	}
	u, err := cur.Parse(ref)
	require.NoError(r.t, err)
	return u.String()
}

// Run plays the steps.
func (r *httpRunner) Run(steps []flowStep) {
	r.t.Helper()
	for i, s := range steps {
		name := s.Name
		if name == "" {
			name = fmt.Sprintf("step %d", i+1)
		}
		switch s.Action {
		case "goto":
			res, err := r.client.Get(r.resolve(s.Arg.Value))
			require.NoError(r.t, err)
			r.load(name, res)
		case "click":
			r.click(name, r.one("click", s.Arg.Value))
		case "fill":
			for _, p := range s.pairs(r.t) {
				n := r.one("fill", p[0])
				require.Contains(r.t, []string{"input", "textarea"}, n.Data, "fill %s", p[0])
				r.values[n] = p[1]
			}
		case "select":
			for _, p := range s.pairs(r.t) {
				n := r.one("select", p[0])
				require.Equal(r.t, "select", n.Data)
				found := false
				for _, o := range cascadia.MustCompile("option").MatchAll(n) {
					found = found || attrOf(o, "value") == p[1]
				}
				require.True(r.t, found, "select %s has an option %q", p[0], p[1])
				r.values[n] = p[1]
			}
		case "check":
			n := r.one("check", s.Arg.Value)
			typ := attrOf(n, "type")
			require.Contains(r.t, []string{"checkbox", "radio"}, typ)
			if typ == "radio" {
				for _, o := range r.find(`input[type=radio]`) {
					if attrOf(o, "name") == attrOf(n, "name") {
						r.checked[o] = false
					}
				}
			}
			r.checked[n] = true
		case "wait_for":
			require.NotEmpty(r.t, r.find(s.Arg.Value), "wait_for %q on %s", s.Arg.Value, r.cur.URL)
			r.Used++
		case "expect":
			want := map[string]string{}
			for _, p := range s.pairs(r.t) {
				want[p[0]] = p[1]
			}
			if u := want["url_contains"]; u != "" {
				assert.Contains(r.t, r.cur.URL, u, "step %d", i+1)
			}
			if txt := want["text"]; txt != "" {
				body := cascadia.MustCompile("body").MatchFirst(r.doc)
				assert.Contains(r.t, textOf(body), txt, "step %d on %s", i+1, r.cur.URL)
			}
		default:
			r.t.Fatalf("step %d: %s is not played over HTTP", i+1, s.Action)
		}
	}
}

// click follows a link or submits the form of a submit button.
func (r *httpRunner) click(step string, n *html.Node) {
	r.t.Helper()
	switch {
	case n.Data == "a":
		res, err := r.client.Get(r.resolve(attrOf(n, "href")))
		require.NoError(r.t, err)
		r.load(step, res)
	case n.Data == "button" && (attrOf(n, "type") == "" || attrOf(n, "type") == "submit"),
		n.Data == "input" && attrOf(n, "type") == "submit":
		form := n.Parent
		for form != nil && form.Data != "form" {
			form = form.Parent
		}
		require.NotNil(r.t, form, "the button is in a form")
		r.submit(step, form, n)
	default:
		r.t.Fatalf("click on a <%s> that is neither a link nor a submit button", n.Data)
	}
}

// field is one name/value pair of a form submission; file marks a file
// field (submitted without a file).
type field struct {
	name, value string
	file        bool
}

func (r *httpRunner) submit(step string, form, button *html.Node) {
	r.t.Helper()
	var fields []field
	for _, n := range cascadia.MustCompile("input, textarea, select, button").MatchAll(form) {
		name := attrOf(n, "name")
		if name == "" || hasAttrOf(n, "disabled") {
			continue
		}
		switch n.Data {
		case "button":
			if n == button {
				fields = append(fields, field{name: name, value: attrOf(n, "value")})
			}
		case "textarea":
			v, ok := r.values[n]
			if !ok {
				v = strings.TrimPrefix(textRaw(n), "\n")
			}
			fields = append(fields, field{name: name, value: v})
		case "select":
			v, ok := r.values[n]
			if !ok {
				opts := cascadia.MustCompile("option").MatchAll(n)
				for _, o := range opts {
					if hasAttrOf(o, "selected") {
						v, ok = attrOf(o, "value"), true
					}
				}
				if !ok && len(opts) > 0 {
					v = attrOf(opts[0], "value")
				}
			}
			fields = append(fields, field{name: name, value: v})
		case "input":
			switch typ := attrOf(n, "type"); typ {
			case "checkbox", "radio":
				on, ok := r.checked[n]
				if !ok {
					on = hasAttrOf(n, "checked")
				}
				if on {
					v := attrOf(n, "value")
					if v == "" {
						v = "on"
					}
					fields = append(fields, field{name: name, value: v})
				}
			case "submit", "button", "reset", "image":
				if n == button {
					fields = append(fields, field{name: name, value: attrOf(n, "value")})
				}
			case "file":
				fields = append(fields, field{name: name, file: true})
			default:
				v, ok := r.values[n]
				if !ok {
					v = attrOf(n, "value")
				}
				fields = append(fields, field{name: name, value: v})
			}
		}
	}
	action := r.cur.URL
	if a, ok := attrOK(form, "action"); ok {
		action = r.resolve(a)
	}
	var body bytes.Buffer
	ctype := "application/x-www-form-urlencoded"
	if attrOf(form, "enctype") == "multipart/form-data" {
		mw := multipart.NewWriter(&body)
		for _, f := range fields {
			if f.file {
				_, err := mw.CreateFormFile(f.name, "")
				require.NoError(r.t, err)
				continue
			}
			require.NoError(r.t, mw.WriteField(f.name, f.value))
		}
		require.NoError(r.t, mw.Close())
		ctype = mw.FormDataContentType()
	} else {
		vals := url.Values{}
		for _, f := range fields {
			if !f.file {
				vals.Add(f.name, f.value)
			}
		}
		body.WriteString(vals.Encode())
	}
	require.Equal(r.t, "post", strings.ToLower(attrOf(form, "method")))
	req, err := http.NewRequest(http.MethodPost, action, &body)
	require.NoError(r.t, err)
	req.Header.Set("Content-Type", ctype)
	res, err := r.client.Do(req)
	require.NoError(r.t, err)
	r.load(step, res)
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attrOf(n *html.Node, key string) string { v, _ := attrOK(n, key); return v }

func hasAttrOf(n *html.Node, key string) bool { _, ok := attrOK(n, key); return ok }

func textRaw(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func textOf(n *html.Node) string { return strings.Join(strings.Fields(textRaw(n)), " ") }

// serve starts the service on a test server and returns its address.
func serve(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// TestFlowCompletes plays the flow file over HTTP from the start page to
// the receipt: every selector exists where it is used, every expectation
// holds, and the receipt shows a case number.
func TestFlowCompletes(t *testing.T) {
	f := loadFlow(t)
	assert.Equal(t, "http://127.0.0.1:8080/", f.Start)
	assert.Equal(t, "sv", f.Lang)
	r := newHTTPRunner(t, serve(t))
	r.Run(f.Steps)
	var names []string
	for _, s := range r.States {
		names = append(names, s.Step)
	}
	assert.Equal(t, []string{"Startsida", "Barnet", "Barnet, med fel", "Förskola", "Vårdnadshavare", "Kontrollera dina svar", "Kvittens"}, names)
	last := r.States[len(r.States)-1]
	assert.Regexp(t, `FS-\d{4}-\d{4}`, string(last.Body))
	assert.Contains(t, string(last.Body), "sara.lind@exempel.se")
	assert.Equal(t, http.StatusUnprocessableEntity, r.States[2].Status, "the page with errors says so in its status")
	// The check page showed the answers the flow gave.
	check := string(r.States[5].Body)
	for _, want := range []string{"Alva Lind", "20220315-2380", "2040-08-16", "Kastanjen", "Eken", "15 till 30 timmar", "Arabiska", "allergisk mot nötter", "Sara Lind", "070-123 45 67"} {
		assert.Contains(t, check, want)
	}
	assert.Greater(t, r.Used, 15, "the flow's selectors were all looked up")
}
