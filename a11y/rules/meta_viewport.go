package rules

import (
	"strconv"
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// MetaViewport: the viewport <meta> element does not stop people from
// zooming: no user-scalable=no, and no maximum-scale below 2. People with low
// vision zoom in on their phones to read a form; a page that blocks zoom
// shuts them out.
//
// ACT b4f0c3. Targets are the content attributes of <meta name="viewport">
// that set maximum-scale or user-scalable. The content is read as key=value
// pairs separated by commas, semicolons or spaces, as browsers do.
var MetaViewport = &a11y.Rule{
	ID:       "meta-viewport",
	WCAG:     []string{"1.4.4"},
	ACT:      []string{"b4f0c3"},
	EN301549: []string{"9.1.4.4"},
	Impact:   a11y.Critical,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{metaViewportAllowsZoom, metaViewportUserScalable, metaViewportMaximumScale},
	Tags:     []string{"page", "zoom"},
	Since:    "0.1.0",
	Run:      runMetaViewport,
}

const (
	metaViewportAllowsZoom   a11y.Msg = "meta-viewport.allows-zoom"
	metaViewportUserScalable a11y.Msg = "meta-viewport.user-scalable"
	metaViewportMaximumScale a11y.Msg = "meta-viewport.maximum-scale"
)

func runMetaViewport(p *a11y.Pass) error {
	for m := range p.Elements(atom.Meta) {
		if !strings.EqualFold(trimHTMLSpace(m.Get("name")), "viewport") {
			continue
		}
		content, ok := m.AttrValue("content")
		if !ok {
			continue
		}
		kv := viewportPairs(content)
		us, hasUS := kv["user-scalable"]
		ms, hasMS := kv["maximum-scale"]
		if !hasUS && !hasMS {
			continue
		}
		failed := false
		if hasUS && !userScalableAllowsZoom(us) {
			p.Fail(m, metaViewportUserScalable, a11y.Data{"value": excerpt(us)})
			failed = true
		}
		if hasMS && !maximumScaleAllowsZoom(ms) {
			p.Fail(m, metaViewportMaximumScale, a11y.Data{"value": excerpt(ms)})
			failed = true
		}
		if !failed {
			p.Pass(m, metaViewportAllowsZoom)
		}
	}
	return nil
}

// viewportPairs reads a viewport content attribute into lower-case keys and
// values. The last value of a key wins.
func viewportPairs(s string) map[string]string {
	out := map[string]string{}
	isSep := func(c byte) bool {
		return c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
	}
	i := 0
	for i < len(s) {
		for i < len(s) && (isSep(s[i]) || s[i] == '=') {
			i++
		}
		start := i
		for i < len(s) && !isSep(s[i]) && s[i] != '=' {
			i++
		}
		key := strings.ToLower(s[start:i])
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f') {
			i++
		}
		if i < len(s) && s[i] == '=' {
			i++
			for i < len(s) && isSep(s[i]) {
				i++
			}
			vs := i
			for i < len(s) && !isSep(s[i]) && s[i] != '=' {
				i++
			}
			if key != "" {
				out[key] = strings.ToLower(s[vs:i])
			}
		} else if key != "" {
			out[key] = ""
		}
	}
	return out
}

// viewportNumber reads the leading number of a viewport value, as strtod does.
func viewportNumber(v string) (float64, bool) {
	end := 0
	for end < len(v) && strings.IndexByte("0123456789.+-eE", v[end]) >= 0 {
		end++
	}
	for ; end > 0; end-- {
		if f, err := strconv.ParseFloat(v[:end], 64); err == nil {
			return f, true
		}
	}
	return 0, false
}

// userScalableAllowsZoom applies expectation 1 of ACT b4f0c3.
func userScalableAllowsZoom(v string) bool {
	switch v {
	case "yes", "device-width", "device-height":
		return true
	}
	f, ok := viewportNumber(v)
	return ok && (f <= -1 || f >= 1)
}

// maximumScaleAllowsZoom applies expectation 2 of ACT b4f0c3.
func maximumScaleAllowsZoom(v string) bool {
	switch v {
	case "device-width", "device-height":
		return true
	}
	f, ok := viewportNumber(v)
	return ok && (f < 0 || f >= 2)
}
