// Package jsonschema validates JSON documents against a JSON Schema. It
// implements the part of drafts 04 to 07 that schemas such as SARIF 2.1.0
// use, enough to test Delaktig's writers against published schemas:
//
//   - type (a name or a list; "integer" accepts numbers without a fraction),
//     enum and const;
//   - properties, required, additionalProperties (false or a schema),
//     patternProperties, minProperties and maxProperties;
//   - items (one schema or a list), additionalItems, minItems, maxItems and
//     uniqueItems;
//   - minimum, maximum, exclusiveMinimum and exclusiveMaximum (the draft-04
//     boolean and the draft-06 number forms), multipleOf;
//   - minLength, maxLength, pattern (Go regular expressions, which accept the
//     patterns such schemas use);
//   - allOf, anyOf, oneOf and not;
//   - $ref to a JSON pointer inside the same schema ("#", "#/definitions/x");
//   - format "uri" and "uri-reference" (checked loosely with net/url),
//     "date-time" (RFC 3339); other formats are not checked.
//
// Keywords it does not know are ignored, as the specification asks. Remote
// references are not followed: a $ref outside the schema is an error.
package jsonschema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Schema is a compiled schema.
type Schema struct {
	root     any
	patterns map[string]*regexp.Regexp
}

// Error lists every place where a document breaks the schema.
type Error struct {
	// Problems holds one line per violation: a JSON pointer to the value,
	// a colon and what is wrong.
	Problems []string
}

// Error joins the problems, at most twenty of them.
func (e *Error) Error() string {
	ps := e.Problems
	more := ""
	if len(ps) > 20 {
		more = fmt.Sprintf("\n(and %d more)", len(ps)-20)
		ps = ps[:20]
	}
	return "jsonschema: document does not match the schema:\n" + strings.Join(ps, "\n") + more
}

// ErrSchema is wrapped by errors about the schema itself (as opposed to the
// document being checked).
var ErrSchema = errors.New("jsonschema: bad schema")

// Compile reads a schema. It checks that every regular expression compiles
// and that every $ref points inside the schema.
func Compile(data []byte) (*Schema, error) {
	root, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrSchema, err)
	}
	s := &Schema{root: root, patterns: map[string]*regexp.Regexp{}}
	if err := s.prepare(root, "#"); err != nil {
		return nil, err
	}
	return s, nil
}

// prepare walks the schema once, compiling patterns and resolving every
// $ref, so that validation cannot fail on the schema itself.
func (s *Schema) prepare(v any, at string) error {
	switch x := v.(type) {
	case map[string]any:
		if p, ok := x["pattern"].(string); ok {
			if err := s.compilePattern(p, at); err != nil {
				return err
			}
		}
		if pp, ok := x["patternProperties"].(map[string]any); ok {
			for p := range pp {
				if err := s.compilePattern(p, at); err != nil {
					return err
				}
			}
		}
		if ref, ok := x["$ref"].(string); ok {
			if _, err := s.resolve(ref); err != nil {
				return fmt.Errorf("%w: %s: %w", ErrSchema, at, err)
			}
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if k == "enum" || k == "const" || k == "default" || k == "examples" {
				continue
			}
			if err := s.prepare(x[k], at+"/"+escapePointer(k)); err != nil {
				return err
			}
		}
	case []any:
		for i, e := range x {
			if err := s.prepare(e, at+"/"+strconv.Itoa(i)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Schema) compilePattern(p, at string) error {
	if _, ok := s.patterns[p]; ok {
		return nil
	}
	re, err := regexp.Compile(p)
	if err != nil {
		return fmt.Errorf("%w: %s: pattern %q: %w", ErrSchema, at, p, err)
	}
	s.patterns[p] = re
	return nil
}

// resolve follows a $ref that is a JSON pointer fragment ("#/definitions/x").
func (s *Schema) resolve(ref string) (any, error) {
	if !strings.HasPrefix(ref, "#") {
		return nil, fmt.Errorf("$ref %q: only references inside the schema are supported", ref)
	}
	frag := ref[1:]
	if frag == "" {
		return s.root, nil
	}
	if frag[0] != '/' {
		return nil, fmt.Errorf("$ref %q: not a JSON pointer", ref)
	}
	cur := s.root
	for _, tok := range strings.Split(frag[1:], "/") {
		tok, err := url.PathUnescape(tok)
		if err != nil {
			return nil, fmt.Errorf("$ref %q: %w", ref, err)
		}
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[tok]
			if !ok {
				return nil, fmt.Errorf("$ref %q: %q not found", ref, tok)
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return nil, fmt.Errorf("$ref %q: bad index %q", ref, tok)
			}
			cur = c[i]
		default:
			return nil, fmt.Errorf("$ref %q: cannot descend into %T", ref, cur)
		}
	}
	return cur, nil
}

// ValidateJSON decodes data and validates it. A document that is not JSON
// is an error too.
func (s *Schema) ValidateJSON(data []byte) error {
	doc, err := decode(data)
	if err != nil {
		return fmt.Errorf("jsonschema: document is not JSON: %w", err)
	}
	return s.Validate(doc)
}

// Validate checks a decoded document: values as encoding/json decodes them
// into any (map[string]any, []any, string, bool, nil, and float64 or
// json.Number). It returns nil or an *Error.
func (s *Schema) Validate(doc any) error {
	var v validator
	v.s = s
	v.check(s.root, doc, "", 0)
	if len(v.problems) > 0 {
		return &Error{Problems: v.problems}
	}
	return nil
}

func decode(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("extra data after the JSON value")
	}
	return v, nil
}

// maxDepth bounds $ref chains, so a schema that refers to itself without
// consuming the document cannot loop.
const maxDepth = 200

type validator struct {
	s        *Schema
	problems []string
}

func (v *validator) fail(at, format string, args ...any) {
	if at == "" {
		at = "/"
	}
	v.problems = append(v.problems, at+": "+fmt.Sprintf(format, args...))
}

// sub runs check on a throw-away validator and reports whether it passed;
// used by anyOf, oneOf and not, whose branches may fail without the whole
// failing.
func (v *validator) sub(schema, doc any, at string, depth int) []string {
	w := validator{s: v.s}
	w.check(schema, doc, at, depth)
	return w.problems
}

func (v *validator) check(schema, doc any, at string, depth int) {
	if depth > maxDepth {
		v.fail(at, "schema references nest deeper than %d", maxDepth)
		return
	}
	switch sc := schema.(type) {
	case bool:
		if !sc {
			v.fail(at, "no value is allowed here")
		}
		return
	case map[string]any:
		v.checkObject(sc, doc, at, depth)
	default:
		// A schema that is neither an object nor a boolean is treated as
		// the empty schema.
	}
}

func (v *validator) checkObject(sc map[string]any, doc any, at string, depth int) {
	if ref, ok := sc["$ref"].(string); ok {
		target, err := v.s.resolve(ref)
		if err != nil {
			v.fail(at, "%v", err)
			return
		}
		// In drafts up to 07, $ref overrides the keywords beside it.
		v.check(target, doc, at, depth+1)
		return
	}
	if t, ok := sc["type"]; ok {
		v.checkType(t, doc, at)
	}
	if e, ok := sc["enum"].([]any); ok {
		found := false
		for _, c := range e {
			if equal(c, doc) {
				found = true
				break
			}
		}
		if !found {
			v.fail(at, "%s is not one of %s", short(doc), short(e))
		}
	}
	if c, ok := sc["const"]; ok && !equal(c, doc) {
		v.fail(at, "%s is not %s", short(doc), short(c))
	}
	switch d := doc.(type) {
	case map[string]any:
		v.checkProperties(sc, d, at, depth)
	case []any:
		v.checkItems(sc, d, at, depth)
	case string:
		v.checkString(sc, d, at)
	case json.Number, float64:
		v.checkNumber(sc, toFloat(d), at)
	}
	if all, ok := sc["allOf"].([]any); ok {
		for _, s := range all {
			v.check(s, doc, at, depth+1)
		}
	}
	if anyOf, ok := sc["anyOf"].([]any); ok {
		var why []string
		ok := false
		for _, s := range anyOf {
			p := v.sub(s, doc, at, depth+1)
			if len(p) == 0 {
				ok = true
				break
			}
			why = append(why, p[0])
		}
		if !ok {
			v.fail(at, "matches none of anyOf (%s)", strings.Join(why, "; "))
		}
	}
	if oneOf, ok := sc["oneOf"].([]any); ok {
		n := 0
		var why []string
		for _, s := range oneOf {
			p := v.sub(s, doc, at, depth+1)
			if len(p) == 0 {
				n++
			} else {
				why = append(why, p[0])
			}
		}
		switch {
		case n == 0:
			v.fail(at, "matches none of oneOf (%s)", strings.Join(why, "; "))
		case n > 1:
			v.fail(at, "matches %d schemas of oneOf, want exactly one", n)
		}
	}
	if not, ok := sc["not"]; ok {
		if len(v.sub(not, doc, at, depth+1)) == 0 {
			v.fail(at, "matches a schema it must not match")
		}
	}
}

func typeName(doc any) string {
	switch d := doc.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	case json.Number:
		if isInteger(toFloat(d)) {
			return "integer"
		}
		return "number"
	case float64:
		if isInteger(d) {
			return "integer"
		}
		return "number"
	}
	return fmt.Sprintf("%T", doc)
}

func isInteger(f float64) bool { return !math.IsInf(f, 0) && f == math.Trunc(f) }

func (v *validator) checkType(t, doc any, at string) {
	var want []string
	switch x := t.(type) {
	case string:
		want = []string{x}
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				want = append(want, s)
			}
		}
	default:
		return
	}
	got := typeName(doc)
	for _, w := range want {
		if w == got || w == "number" && got == "integer" {
			return
		}
	}
	v.fail(at, "is %s, want %s", got, strings.Join(want, " or "))
}

func (v *validator) checkProperties(sc map[string]any, d map[string]any, at string, depth int) {
	if req, ok := sc["required"].([]any); ok {
		for _, r := range req {
			if name, ok := r.(string); ok {
				if _, has := d[name]; !has {
					v.fail(at, "missing required property %q", name)
				}
			}
		}
	}
	if n, ok := number(sc["minProperties"]); ok && float64(len(d)) < n {
		v.fail(at, "has %d properties, want at least %v", len(d), n)
	}
	if n, ok := number(sc["maxProperties"]); ok && float64(len(d)) > n {
		v.fail(at, "has %d properties, want at most %v", len(d), n)
	}
	props, _ := sc["properties"].(map[string]any)
	patterns, _ := sc["patternProperties"].(map[string]any)
	addl, hasAddl := sc["additionalProperties"]
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		val := d[k]
		where := at + "/" + escapePointer(k)
		matched := false
		if ps, ok := props[k]; ok {
			matched = true
			v.check(ps, val, where, depth+1)
		}
		for p, ps := range patterns {
			if v.s.patterns[p].MatchString(k) {
				matched = true
				v.check(ps, val, where, depth+1)
			}
		}
		if matched || !hasAddl {
			continue
		}
		if b, ok := addl.(bool); ok {
			if !b {
				v.fail(at, "property %q is not allowed", k)
			}
			continue
		}
		v.check(addl, val, where, depth+1)
	}
}

func (v *validator) checkItems(sc map[string]any, d []any, at string, depth int) {
	if n, ok := number(sc["minItems"]); ok && float64(len(d)) < n {
		v.fail(at, "has %d items, want at least %v", len(d), n)
	}
	if n, ok := number(sc["maxItems"]); ok && float64(len(d)) > n {
		v.fail(at, "has %d items, want at most %v", len(d), n)
	}
	if u, ok := sc["uniqueItems"].(bool); ok && u {
		seen := map[string]int{}
		for i, e := range d {
			k := canonical(e)
			if j, dup := seen[k]; dup {
				v.fail(at, "items %d and %d are equal, want unique items", j, i)
				continue
			}
			seen[k] = i
		}
	}
	switch items := sc["items"].(type) {
	case []any:
		for i, e := range d {
			where := at + "/" + strconv.Itoa(i)
			if i < len(items) {
				v.check(items[i], e, where, depth+1)
				continue
			}
			if add, ok := sc["additionalItems"]; ok {
				if b, isBool := add.(bool); isBool && !b {
					v.fail(at, "has %d items, want at most %d", len(d), len(items))
					break
				}
				v.check(add, e, where, depth+1)
			}
		}
	case nil:
	default:
		for i, e := range d {
			v.check(items, e, at+"/"+strconv.Itoa(i), depth+1)
		}
	}
}

func (v *validator) checkString(sc map[string]any, s, at string) {
	n := float64(utf8.RuneCountInString(s))
	if m, ok := number(sc["minLength"]); ok && n < m {
		v.fail(at, "is %v characters long, want at least %v", n, m)
	}
	if m, ok := number(sc["maxLength"]); ok && n > m {
		v.fail(at, "is %v characters long, want at most %v", n, m)
	}
	if p, ok := sc["pattern"].(string); ok && !v.s.patterns[p].MatchString(s) {
		v.fail(at, "%s does not match the pattern %q", short(s), p)
	}
	if f, ok := sc["format"].(string); ok {
		if err := checkFormat(f, s); err != nil {
			v.fail(at, "%s is not a valid %s: %v", short(s), f, err)
		}
	}
}

func checkFormat(format, s string) error {
	switch format {
	case "uri":
		u, err := url.Parse(s)
		if err != nil {
			return err
		}
		if u.Scheme == "" {
			return errors.New("no scheme (want an absolute URI)")
		}
		if strings.ContainsAny(s, " \t\n\"<>\\^`{|}") {
			return errors.New("contains a character a URI cannot hold")
		}
	case "uri-reference":
		if _, err := url.Parse(s); err != nil {
			return err
		}
		if strings.ContainsAny(s, " \t\n\"<>\\^`{|}") {
			return errors.New("contains a character a URI cannot hold")
		}
	case "date-time":
		if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
			return err
		}
	}
	return nil
}

func (v *validator) checkNumber(sc map[string]any, f float64, at string) {
	if m, ok := number(sc["minimum"]); ok {
		if ex, _ := sc["exclusiveMinimum"].(bool); ex && f <= m {
			v.fail(at, "is %v, want more than %v", f, m)
		} else if f < m {
			v.fail(at, "is %v, want at least %v", f, m)
		}
	}
	if m, ok := number(sc["maximum"]); ok {
		if ex, _ := sc["exclusiveMaximum"].(bool); ex && f >= m {
			v.fail(at, "is %v, want less than %v", f, m)
		} else if f > m {
			v.fail(at, "is %v, want at most %v", f, m)
		}
	}
	if m, ok := number(sc["exclusiveMinimum"]); ok && f <= m {
		v.fail(at, "is %v, want more than %v", f, m)
	}
	if m, ok := number(sc["exclusiveMaximum"]); ok && f >= m {
		v.fail(at, "is %v, want less than %v", f, m)
	}
	if m, ok := number(sc["multipleOf"]); ok && m > 0 {
		q := f / m
		if math.Abs(q-math.Round(q)) > 1e-9 {
			v.fail(at, "is %v, want a multiple of %v", f, m)
		}
	}
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case json.Number, float64:
		return toFloat(x), true
	}
	return 0, false
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			return math.NaN()
		}
		return f
	case float64:
		return x
	}
	return math.NaN()
}

// equal compares two decoded JSON values; numbers compare by value.
func equal(a, b any) bool { return canonical(a) == canonical(b) }

// canonical encodes a decoded JSON value with sorted keys and numbers in
// one form, so that equal values give equal strings.
func canonical(v any) string {
	var b strings.Builder
	writeCanonical(&b, v)
	return b.String()
}

func writeCanonical(b *strings.Builder, v any) {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Quote(k))
			b.WriteByte(':')
			writeCanonical(b, x[k])
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			writeCanonical(b, e)
		}
		b.WriteByte(']')
	case json.Number, float64:
		b.WriteString(strconv.FormatFloat(toFloat(x), 'g', -1, 64))
	case string:
		b.WriteString(strconv.Quote(x))
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case nil:
		b.WriteString("null")
	default:
		fmt.Fprintf(b, "%v", x)
	}
}

// short renders a value for an error message, cut to a readable length.
func short(v any) string {
	s := canonical(v)
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return s
}

func escapePointer(k string) string {
	return strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
}
