package jsonschema_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/delaktig/delaktig/internal/jsonschema"
	"github.com/delaktig/delaktig/internal/testenv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const person = `{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "type": "object",
  "additionalProperties": false,
  "required": ["name", "age"],
  "properties": {
    "name": {"type": "string", "minLength": 1, "maxLength": 10, "pattern": "^[A-ZÅÄÖ]"},
    "age": {"type": "integer", "minimum": 0, "maximum": 150},
    "score": {"type": "number", "exclusiveMinimum": 0, "multipleOf": 0.5},
    "kind": {"enum": ["a", "b", 3]},
    "fixed": {"const": {"x": [1, 2]}},
    "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 3, "uniqueItems": true},
    "pair": {"type": "array", "items": [{"type": "string"}, {"type": "integer"}], "additionalItems": false},
    "home": {"type": "string", "format": "uri"},
    "ref": {"type": "string", "format": "uri-reference"},
    "when": {"type": ["string", "null"], "format": "date-time"},
    "friend": {"$ref": "#/definitions/friend"},
    "extra": {"type": "object", "additionalProperties": {"type": "boolean"}, "patternProperties": {"^n_": {"type": "number"}}},
    "either": {"anyOf": [{"type": "string"}, {"type": "boolean"}]},
    "one": {"oneOf": [{"type": "integer"}, {"type": "number", "minimum": 10}]},
    "both": {"allOf": [{"type": "string"}, {"minLength": 2}]},
    "never": {"not": {"type": "string"}},
    "nothing": false
  },
  "definitions": {
    "friend": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "friend": {"$ref": "#/definitions/friend"}}}
  }
}`

func compile(t *testing.T, s string) *jsonschema.Schema {
	t.Helper()
	sc, err := jsonschema.Compile([]byte(s))
	require.NoError(t, err)
	return sc
}

func TestValid(t *testing.T) {
	sc := compile(t, person)
	for _, doc := range []string{
		`{"name": "Åsa", "age": 41}`,
		`{"name": "Anna", "age": 30.0, "score": 2.5, "kind": 3, "fixed": {"x": [1.0, 2]}, "tags": ["a", "b"],
		  "pair": ["x", 2], "home": "https://example.org/a?b#c", "ref": "docs/rules.md#x", "when": null,
		  "friend": {"name": "B", "friend": {"name": "C"}}, "extra": {"ok": true, "n_1": 2},
		  "either": false, "one": 3, "both": "ab", "never": 1}`,
		`{"name": "Bo", "age": 0, "when": "2026-09-01T12:00:00.5Z"}`,
	} {
		assert.NoError(t, sc.ValidateJSON([]byte(doc)), doc)
	}
}

func TestInvalid(t *testing.T) {
	sc := compile(t, person)
	for doc, want := range map[string]string{
		`[]`:                                                  "is array, want object",
		`{"age": 1}`:                                          `missing required property "name"`,
		`{"name": "Bo", "age": 1.5}`:                          "is number, want integer",
		`{"name": "Bo", "age": -1}`:                           "want at least 0",
		`{"name": "Bo", "age": 151}`:                          "want at most 150",
		`{"name": "", "age": 1}`:                              "want at least 1",
		`{"name": "Bosse Bossesson", "age": 1}`:               "want at most 10",
		`{"name": "bo", "age": 1}`:                            "does not match the pattern",
		`{"name": "Bo", "age": 1, "x": 1}`:                    `property "x" is not allowed`,
		`{"name": "Bo", "age": 1, "score": 0}`:                "want more than 0",
		`{"name": "Bo", "age": 1, "score": 0.7}`:              "multiple of 0.5",
		`{"name": "Bo", "age": 1, "kind": "c"}`:               "is not one of",
		`{"name": "Bo", "age": 1, "fixed": {"x": [2, 1]}}`:    "is not {",
		`{"name": "Bo", "age": 1, "tags": []}`:                "want at least 1",
		`{"name": "Bo", "age": 1, "tags": ["a","b","c","d"]}`: "want at most 3",
		`{"name": "Bo", "age": 1, "tags": ["a", "a"]}`:        "want unique items",
		`{"name": "Bo", "age": 1, "tags": [1]}`:               "/tags/0: is integer, want string",
		`{"name": "Bo", "age": 1, "pair": [1, 2]}`:            "/pair/0: is integer",
		`{"name": "Bo", "age": 1, "pair": ["a", 2, 3]}`:       "want at most 2",
		`{"name": "Bo", "age": 1, "home": "relative/path"}`:   "want an absolute URI",
		`{"name": "Bo", "age": 1, "home": "http://a b"}`:      "not a valid uri",
		`{"name": "Bo", "age": 1, "when": "yesterday"}`:       "not a valid date-time",
		`{"name": "Bo", "age": 1, "when": 5}`:                 "want string or null",
		`{"name": "Bo", "age": 1, "friend": {"friend": {}}}`:  `/friend: missing required property "name"`,
		`{"name": "Bo", "age": 1, "extra": {"ok": 1}}`:        "/extra/ok: is integer, want boolean",
		`{"name": "Bo", "age": 1, "extra": {"n_x": "s"}}`:     "/extra/n_x: is string, want number",
		`{"name": "Bo", "age": 1, "either": 1}`:               "matches none of anyOf",
		`{"name": "Bo", "age": 1, "one": 12}`:                 "matches 2 schemas of oneOf",
		`{"name": "Bo", "age": 1, "one": 1.5}`:                "matches none of oneOf",
		`{"name": "Bo", "age": 1, "both": "a"}`:               "/both: is 1 characters long",
		`{"name": "Bo", "age": 1, "never": "s"}`:              "must not match",
		`{"name": "Bo", "age": 1, "nothing": 1}`:              "no value is allowed",
	} {
		err := sc.ValidateJSON([]byte(doc))
		var se *jsonschema.Error
		if assert.ErrorAs(t, err, &se, doc) {
			assert.Contains(t, err.Error(), want, doc)
		}
	}
}

func TestAllProblemsListed(t *testing.T) {
	sc := compile(t, person)
	err := sc.ValidateJSON([]byte(`{"name": 1, "age": "x", "y": 2}`))
	var se *jsonschema.Error
	require.ErrorAs(t, err, &se)
	assert.Len(t, se.Problems, 3)
}

func TestNotJSON(t *testing.T) {
	sc := compile(t, person)
	assert.Error(t, sc.ValidateJSON([]byte(`{"name":`)))
	assert.Error(t, sc.ValidateJSON([]byte(`{} {}`)))
}

func TestBadSchema(t *testing.T) {
	for _, s := range []string{
		`{"properties": {"a": {"$ref": "#/definitions/missing"}}}`,
		`{"$ref": "other.json#/x"}`,
		`{"pattern": "(unclosed"}`,
		`{"patternProperties": {"[": {}}}`,
		`not json`,
	} {
		_, err := jsonschema.Compile([]byte(s))
		assert.ErrorIs(t, err, jsonschema.ErrSchema, s)
	}
}

func TestDraft04ExclusiveBounds(t *testing.T) {
	sc := compile(t, `{"type": "number", "minimum": 1, "exclusiveMinimum": true, "maximum": 5, "exclusiveMaximum": true}`)
	assert.NoError(t, sc.ValidateJSON([]byte(`3`)))
	assert.Error(t, sc.ValidateJSON([]byte(`1`)))
	assert.Error(t, sc.ValidateJSON([]byte(`5`)))
}

func TestSelfReferenceTerminates(t *testing.T) {
	sc := compile(t, `{"definitions": {"a": {"$ref": "#/definitions/a"}}, "$ref": "#/definitions/a"}`)
	err := sc.ValidateJSON([]byte(`1`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nest deeper")
}

// The SARIF 2.1.0 schema compiles, accepts a minimal log and rejects a bad one.
func TestSARIFSchema(t *testing.T) {
	dir := testenv.Shared(t, "schemas")
	data, err := os.ReadFile(filepath.Join(dir, "sarif-schema-2.1.0.json"))
	require.NoError(t, err)
	sc, err := jsonschema.Compile(data)
	require.NoError(t, err)
	ok := `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": "r", "helpUri": "https://example.org/r"}]}},
	  "results": [{"ruleId": "r", "kind": "fail", "level": "error", "message": {"text": "m"},
	    "locations": [{"physicalLocation": {"artifactLocation": {"uri": "page.html"}}, "logicalLocations": [{"kind": "element", "fullyQualifiedName": "main > img"}]}],
	    "partialFingerprints": {"x/v1": "abc"}}]}]}`
	require.NoError(t, sc.ValidateJSON([]byte(ok)))
	for _, bad := range []string{
		strings.Replace(ok, `"2.1.0"`, `"2.0.0"`, 1),
		strings.Replace(ok, `"level": "error"`, `"level": "fatal"`, 1),
		strings.Replace(ok, `"message": {"text": "m"}`, `"message": {}`, 1),
		strings.Replace(ok, `"https://example.org/r"`, `"r.html"`, 1),
		strings.Replace(ok, `"kind": "fail"`, `"kind": "fail", "bogus": 1`, 1),
	} {
		assert.Error(t, sc.ValidateJSON([]byte(bad)), bad)
	}
	assert.False(t, errors.Is(sc.ValidateJSON([]byte(ok)), jsonschema.ErrSchema))
}
