package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"
)

// WriteJSON writes r as one indented schema-1 JSON object, listing the
// outcomes o asks for with messages in o's language. Field order is fixed
// and maps are written with sorted keys, so equal reports give equal bytes.
// Bidirectional-text controls from page content are written as \u escapes,
// which decode to the same strings but cannot reorder what a reader sees;
// <, > and & are written as themselves.
func WriteJSON(w io.Writer, r *Report, o Options) error { return WriteJSONWith(w, r, o, nil) }

// WriteJSONWith writes r as WriteJSON does; with a baseline diff in x, the
// object also holds "baseline" (see Comparison): the counts of new, fixed
// and unchanged findings and each of them with its status. Findings waived
// by a suppressions file are listed under "waivers" whatever x holds.
func WriteJSONWith(w io.Writer, r *Report, o Options, x *Extras) error {
	v := r.view(o)
	if x != nil && x.Diff != nil {
		v.Baseline = x.Diff.Comparison(v.Locale)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("report: encode json: %w", err)
	}
	if _, err := w.Write(tidy(buf.Bytes())); err != nil {
		return fmt.Errorf("report: write json: %w", err)
	}
	return nil
}

// ReadJSON decodes a report written by WriteJSON.
func ReadJSON(rd io.Reader) (*Report, error) {
	var r Report
	if err := json.NewDecoder(rd).Decode(&r); err != nil {
		return nil, fmt.Errorf("report: decode json: %w", err)
	}
	if r.Schema != Schema {
		return nil, fmt.Errorf("report: schema %d, want %d", r.Schema, Schema)
	}
	return &r, nil
}

// tidy rewrites the escapes of JSON text for people and terminals: the
// \u003c, \u003e and \u0026 escapes that encoding/json writes for <, > and &
// become the characters again (snippets stay readable), and bidirectional
// controls become \u escapes. Outside strings JSON has no backslashes and no
// such characters, so each change keeps the decoded value.
func tidy(b []byte) []byte {
	out := make([]byte, 0, len(b)+32)
	for i := 0; i < len(b); {
		c := b[i]
		if c == '\\' && i+1 < len(b) {
			if b[i+1] == 'u' && i+6 <= len(b) {
				switch string(b[i+2 : i+6]) {
				case "003c":
					out = append(out, '<')
					i += 6
					continue
				case "003e":
					out = append(out, '>')
					i += 6
					continue
				case "0026":
					out = append(out, '&')
					i += 6
					continue
				}
			}
			out = append(out, c, b[i+1])
			i += 2
			continue
		}
		if c < utf8.RuneSelf {
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if isBidiControl(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

// isBidiControl reports whether r changes the direction of the text around
// it (the Unicode Bidi_Control characters).
func isBidiControl(r rune) bool {
	switch {
	case r == 0x061C, r == 0x200E, r == 0x200F:
		return true
	case r >= 0x202A && r <= 0x202E:
		return true
	case r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
