// Package flowfile reads Delaktig's flow files: YAML that describes a walk
// through an e-service, step by step, as a checker.Flow.
//
//	name: Ansök om parkeringstillstånd
//	start: http://127.0.0.1:8080/          # steps' relative URLs resolve against this
//	lang: sv                               # expected page language (optional)
//	viewport: {width: 1280, height: 800}   # optional
//	steps:
//	  - name: Startsida
//	    goto: /
//	  - name: Personuppgifter
//	    click: "a.start"                   # CSS selector, or text=Exact visible text
//	  - fill: {"#namn": "Anna Andersson", "#pnr": "${env:TEST_PNR}"}
//	  - select: {"#kommun": "Sundsvall"}
//	  - check: "#samtycke"
//	  - press: Enter
//	  - wait_for: "#steg-2"
//	  - expect: {url_contains: "/steg-2", text: "Steg 2 av 4"}
//
// Each step has exactly one action (goto, click, fill, select, check, press,
// wait_for, expect) and optionally a name, "audit: true|false" to force or
// skip the audit after it, and "timeout: 20s". ${env:NAME} is allowed in
// addresses and values; it is resolved when the flow runs and never written
// to any output. Every error names the file and the line.
package flowfile

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/delaktig/delaktig/checker"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// Error is one problem of a flow file.
type Error struct {
	File string
	Line int
	Msg  string
}

// Error returns "file:line: message".
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// MaxSize bounds the size of a flow file.
const MaxSize = 1 << 20

// Load reads and parses the flow file at path.
func Load(path string) (*checker.Flow, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("flowfile: %w", err)
	}
	if st.Size() > MaxSize {
		return nil, &Error{File: path, Msg: fmt.Sprintf("the file is larger than %d bytes", MaxSize)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("flowfile: %w", err)
	}
	return Parse(data, path)
}

// Parse parses a flow file; file names it in error messages, and its base
// name (without extension) names the flow when the file gives no name. All
// problems found are returned together, each an *Error.
func Parse(data []byte, file string) (*checker.Flow, error) {
	if len(data) > MaxSize {
		return nil, &Error{File: file, Msg: fmt.Sprintf("the file is larger than %d bytes", MaxSize)}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(file, err)
	}
	p := &parser{file: file}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &Error{File: file, Msg: "the file is empty"}
	}
	f := p.flow(doc.Content[0])
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	if f.Name == "" {
		f.Name = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	}
	return f, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns the YAML parser's error into an *Error with its line.
func yamlError(file string, err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{File: file, Line: line, Msg: "not valid YAML: " + m[2]}
	}
	return &Error{File: file, Msg: "not valid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

type parser struct {
	file string
	errs []error
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	p.errs = append(p.errs, &Error{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// pairs returns a mapping's key and value nodes, reporting duplicate keys
// and non-scalar keys.
func (p *parser) pairs(n *yaml.Node, what string) [][2]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be a mapping of keys to values", what)
		return nil
	}
	seen := map[string]bool{}
	var out [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, "a key of %s is not a plain value", what)
			continue
		}
		if seen[k.Value] {
			p.errorf(k, "%q is given twice in %s", k.Value, what)
			continue
		}
		seen[k.Value] = true
		out = append(out, [2]*yaml.Node{k, v})
	}
	return out
}

// str returns a scalar's text, reporting other node kinds.
func (p *parser) str(n *yaml.Node, what string) (string, bool) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errorf(n, "%s must be a text value", what)
		return "", false
	}
	return n.Value, true
}

var flowKeys = []string{"name", "start", "lang", "viewport", "steps"}

func (p *parser) flow(n *yaml.Node) *checker.Flow {
	f := &checker.Flow{}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "a flow file must be a mapping with the keys %s", strings.Join(flowKeys, ", "))
		return f
	}
	var steps *yaml.Node
	for _, kv := range p.pairs(n, "the flow") {
		k, v := kv[0], kv[1]
		switch k.Value {
		case "name":
			f.Name, _ = p.str(v, "name")
		case "start":
			if s, ok := p.str(v, "start"); ok {
				u, err := url.Parse(s)
				if err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "file") {
					p.errorf(v, "start must be an absolute http, https or file address, not %q", s)
				} else if strings.Contains(s, "${") {
					p.errorf(v, "start cannot hold references; use them in goto")
				}
				f.Start = s
			}
		case "lang":
			if s, ok := p.str(v, "lang"); ok {
				if _, err := language.Parse(s); err != nil {
					p.errorf(v, "lang %q is not a language tag such as sv, nb or en", s)
				}
				f.Lang = s
			}
		case "viewport":
			f.Viewport = p.viewport(v)
		case "steps":
			steps = v
		default:
			p.errorf(k, "unknown key %q (the flow's keys are %s)", k.Value, strings.Join(flowKeys, ", "))
		}
	}
	if f.Start == "" && !p.has(n, "start") {
		p.errorf(n, "the flow has no start address (start: http://…)")
	}
	if steps == nil {
		p.errorf(n, "the flow has no steps")
		return f
	}
	if steps.Kind != yaml.SequenceNode {
		p.errorf(steps, "steps must be a list (each step starts with -)")
		return f
	}
	if len(steps.Content) == 0 {
		p.errorf(steps, "the flow has no steps")
	}
	for _, s := range steps.Content {
		if st := p.step(s); st != nil {
			f.Steps = append(f.Steps, st)
		}
	}
	return f
}

func (p *parser) has(n *yaml.Node, key string) bool {
	for i := 0; i < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

func (p *parser) viewport(n *yaml.Node) *checker.Viewport {
	v := &checker.Viewport{}
	for _, kv := range p.pairs(n, "viewport") {
		k, val := kv[0], kv[1]
		var dst *int
		switch k.Value {
		case "width":
			dst = &v.Width
		case "height":
			dst = &v.Height
		default:
			p.errorf(k, "unknown key %q in viewport (want width and height)", k.Value)
			continue
		}
		i, err := strconv.Atoi(val.Value)
		if val.Kind != yaml.ScalarNode || err != nil || i < 1 || i > 10000 {
			p.errorf(val, "viewport %s must be a number of CSS pixels from 1 to 10000", k.Value)
			continue
		}
		*dst = i
	}
	if v.Width == 0 || v.Height == 0 {
		p.errorf(n, "viewport needs both width and height")
		return nil
	}
	return v
}

var actionKeys = []string{"goto", "click", "fill", "select", "check", "press", "wait_for", "expect"}

var badRef = regexp.MustCompile(`\$\{[^}]*\}?`)

// value checks the references of a value: only ${env:NAME} is known.
func (p *parser) value(n *yaml.Node, s string) {
	for _, ref := range badRef.FindAllString(s, -1) {
		if len(checker.EnvRefs(ref)) != 1 {
			p.errorf(n, "unknown reference %q: write ${env:NAME} to use the environment variable NAME", ref)
		}
	}
}

// selector checks a selector.
func (p *parser) selector(n *yaml.Node, s string) {
	switch {
	case strings.TrimSpace(s) == "":
		p.errorf(n, "the selector is empty")
	case strings.Contains(s, "${"):
		p.errorf(n, "selectors cannot hold references; use them in values")
	case strings.HasPrefix(s, checker.TextPrefix) && strings.TrimSpace(strings.TrimPrefix(s, checker.TextPrefix)) == "":
		p.errorf(n, "text= needs the visible text to look for")
	}
}

func (p *parser) step(n *yaml.Node) checker.Step {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "a step must be a mapping such as {click: \"a.start\"}")
		return nil
	}
	a := &checker.Action{Line: n.Line}
	var actions []string
	nerr := len(p.errs)
	for _, kv := range p.pairs(n, "the step") {
		k, v := kv[0], kv[1]
		switch k.Value {
		case "name":
			a.Name, _ = p.str(v, "name")
		case "audit":
			var on bool
			if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" || v.Decode(&on) != nil {
				p.errorf(v, "audit must be true or false")
				continue
			}
			a.AuditOverride = &on
		case "timeout":
			s, ok := p.str(v, "timeout")
			if !ok {
				continue
			}
			d, err := time.ParseDuration(s)
			if err != nil || d <= 0 {
				p.errorf(v, "timeout %q is not a duration such as 20s or 1m", s)
				continue
			}
			a.Timeout = d
		case "goto", "click", "check", "press", "wait_for":
			actions = append(actions, k.Value)
			a.Kind = checker.Kind(k.Value)
			s, ok := p.str(v, k.Value)
			if !ok {
				continue
			}
			a.Target = s
			switch k.Value {
			case "goto":
				if strings.TrimSpace(s) == "" {
					p.errorf(v, "goto needs an address")
				}
				p.value(v, s)
			case "press":
				if _, _, err := checker.ParseKey(s); err != nil {
					p.errorf(v, "%s", strings.TrimPrefix(err.Error(), "checker: "))
				}
			default:
				p.selector(v, s)
			}
		case "fill", "select":
			actions = append(actions, k.Value)
			a.Kind = checker.Kind(k.Value)
			pairs := p.pairs(v, k.Value)
			if v.Kind == yaml.MappingNode && len(pairs) == 0 {
				p.errorf(v, "%s needs at least one field: {\"#selector\": \"value\"}", k.Value)
			}
			for _, fv := range pairs {
				p.selector(fv[0], fv[0].Value)
				val, ok := p.str(fv[1], fmt.Sprintf("the value of %q", fv[0].Value))
				if !ok {
					continue
				}
				p.value(fv[1], val)
				a.Fields = append(a.Fields, checker.Field{Selector: fv[0].Value, Value: val})
			}
		case "expect":
			actions = append(actions, k.Value)
			a.Kind = checker.KindExpect
			for _, ev := range p.pairs(v, "expect") {
				s, ok := p.str(ev[1], ev[0].Value)
				if !ok {
					continue
				}
				p.value(ev[1], s)
				switch ev[0].Value {
				case "url_contains":
					a.Expect.URLContains = s
				case "text":
					a.Expect.Text = s
				default:
					p.errorf(ev[0], "unknown key %q in expect (want url_contains and text)", ev[0].Value)
				}
			}
			if v.Kind == yaml.MappingNode && a.Expect.URLContains == "" && a.Expect.Text == "" {
				p.errorf(v, "expect needs url_contains or text")
			}
		default:
			p.errorf(k, "unknown key %q in a step (a step has one of %s, and optionally name, audit and timeout)",
				k.Value, strings.Join(actionKeys, ", "))
		}
	}
	switch {
	case len(actions) == 0 && len(p.errs) == nerr:
		p.errorf(n, "the step has no action (give one of %s)", strings.Join(actionKeys, ", "))
		return nil
	case len(actions) > 1:
		p.errorf(n, "the step has %d actions (%s); give each its own step", len(actions), strings.Join(actions, ", "))
		return nil
	case len(actions) == 0:
		return nil
	}
	return a
}
