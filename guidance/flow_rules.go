package guidance

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// The keys of a11y.FlowPass.Meta that the flow rules read. The checker that
// walks a flow fills them (its own Meta… constants carry the same strings);
// a caller running the flow rules by hand may set any of them. A missing key
// means "not known": the rules that need it say nothing.
const (
	// MetaName is the flow's name (string).
	MetaName = "flow.name"
	// MetaStart is the flow's start address (string).
	MetaStart = "flow.start"
	// MetaLang is the language the pages are expected to be in (string).
	MetaLang = "flow.lang"
	// MetaSteps is the number of steps the flow has (int).
	MetaSteps = "flow.steps"
	// MetaDone is the number of steps completed (int).
	MetaDone = "flow.done"
	// MetaCompleted tells whether every step was completed (bool);
	// flow-complete reads it.
	MetaCompleted = "flow.completed"
	// MetaFailedStep is the name of the step that could not be done
	// (string).
	MetaFailedStep = "flow.failed_step"
	// MetaError says why that step failed (string, secrets masked).
	MetaError = "flow.error"
	// MetaDialogs lists the JavaScript dialogs the flow met: a slice of
	// values that encode as JSON objects with "type", "message" and "url"
	// (the checker's Dialog). flow-timing reads their messages.
	MetaDialogs = "flow.dialogs"
)

// FlowRules returns the flow rules, in a stable order: rules that compare
// the audited steps of a flow (Scope a11y.ScopeFlow). They read the page
// facts the inclusion-contact rule exports (see PageFacts) and compute them
// from FlowPage.Doc when a page has none, so they also work when that rule
// did not run. The slice is new; the rules are the package's variables.
func FlowRules() []*a11y.Rule {
	return []*a11y.Rule{
		FlowComplete,
		FlowConsistentHelp,
		FlowConsistentNavigation,
		FlowConsistentIdentification,
		FlowRedundantEntry,
		FlowTiming,
		FlowAccessibleAuthentication,
		FlowStepIndicator,
		FlowContactEveryStep,
	}
}

// flowSince is the version that introduced the flow rules.
const flowSince = "0.1.0"

// flowPageFacts returns the facts of every page: the *PageFacts a page rule
// exported, or else the facts computed from the page's document. Pages
// without a document get empty facts.
func flowPageFacts(pages []*a11y.FlowPage) []*PageFacts {
	out := make([]*PageFacts, len(pages))
	for i, pg := range pages {
		if pg == nil {
			out[i] = Facts(nil)
			continue
		}
		for _, f := range pg.Facts {
			if pf, ok := f.(*PageFacts); ok && pf != nil {
				out[i] = pf
				break
			}
		}
		if out[i] == nil {
			out[i] = Facts(pg.Doc)
		}
	}
	return out
}

// flowDoc returns page i's document, or nil.
func flowDoc(pages []*a11y.FlowPage, i int) *a11y.Document {
	if i < 0 || i >= len(pages) || pages[i] == nil || pages[i].Doc == nil || pages[i].Doc.Root == nil {
		return nil
	}
	return pages[i].Doc
}

// stepName names page i for a message: its step name, or else its
// address, or else its number.
func stepName(pages []*a11y.FlowPage, i int) string {
	if i < 0 || i >= len(pages) || pages[i] == nil {
		return strconv.Itoa(i + 1)
	}
	if s := strings.TrimSpace(pages[i].Step); s != "" {
		return quote(s)
	}
	if u := strings.TrimSpace(pages[i].URL); u != "" {
		return quote(u)
	}
	return strconv.Itoa(i + 1)
}

// maxListed bounds the names a message lists.
const maxListed = 8

// joinNames lists names for a message: "A, B, C", cut after maxListed.
func joinNames(names []string) string {
	if len(names) > maxListed {
		return strings.Join(names[:maxListed], ", ") + ", …"
	}
	return strings.Join(names, ", ")
}

// metaString returns a string meta value.
func metaString(meta map[string]any, key string) (string, bool) {
	v, ok := meta[key]
	if !ok || v == nil {
		return "", false
	}
	switch x := v.(type) {
	case string:
		return x, true
	case interface{ String() string }:
		return x.String(), true
	case error:
		return x.Error(), true
	}
	return "", false
}

// metaBool returns a boolean meta value.
func metaBool(meta map[string]any, key string) (value, ok bool) {
	switch x := meta[key].(type) {
	case bool:
		return x, true
	case string:
		b, err := strconv.ParseBool(x)
		return b, err == nil
	}
	return false, false
}

// metaInt returns an integer meta value.
func metaInt(meta map[string]any, key string) (int, bool) {
	switch x := meta[key].(type) {
	case int:
		return x, true
	case int64:
		return int(x), true
	case int32:
		return int(x), true
	case float64:
		return int(x), x == float64(int(x))
	case json.Number:
		n, err := x.Int64()
		return int(n), err == nil
	}
	return 0, false
}

// flowDialog is one JavaScript dialog the flow met.
type flowDialog struct {
	Type    string `json:"type"`
	Message string `json:"message"`
	URL     string `json:"url"`
}

// metaDialogs reads MetaDialogs: any value that encodes as a JSON list of
// objects with type, message and url.
func metaDialogs(meta map[string]any) []flowDialog {
	v, ok := meta[MetaDialogs]
	if !ok || v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var out []flowDialog
	if json.Unmarshal(b, &out) != nil {
		return nil
	}
	return out
}

// normText normalises a name for comparison: lower case, white space
// collapsed, punctuation and arrows at both ends removed.
func normText(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
	})
}

// normWords splits a normalised name into words of letters and digits.
func normWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// withoutDigits removes numbers from a name ("Fortsätt till steg 3").
func withoutDigits(s string) string {
	var kept []string
	for _, w := range normWords(s) {
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// targetKey returns the identity of a link target: the address resolved
// against the page's, without its fragment, "" for links that go nowhere
// (fragment-only, javascript:, empty).
func targetKey(base, href string) string {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	low := strings.ToLower(href)
	if strings.HasPrefix(low, "javascript:") || strings.HasPrefix(low, "data:") {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if b, err := url.Parse(base); err == nil && base != "" {
		u = b.ResolveReference(u)
	}
	u.Fragment, u.RawFragment = "", ""
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if u.Path == "" && u.Host != "" {
		u.Path = "/"
	}
	return u.String()
}

// landmarkRoles are the roles of landmark regions.
var landmarkRoles = map[string]bool{
	"banner": true, "navigation": true, "main": true, "complementary": true,
	"contentinfo": true, "search": true, "region": true, "form": true,
}

// flowRegion returns the role of the innermost landmark around n, "" when
// none (a region or form without a name is no landmark).
func flowRegion(doc *a11y.Document, n *a11y.Node) string {
	for m := n.FlatParent(); m != nil; m = m.FlatParent() {
		if m.Type != a11y.ElementNode {
			continue
		}
		r := doc.Role(m)
		if !landmarkRoles[r] {
			continue
		}
		if (r == "region" || r == "form") && strings.TrimSpace(doc.Name(m)) == "" {
			continue
		}
		return r
	}
	return ""
}

// inSearch reports whether a form control is a site search box: inside a
// search landmark, of type search, or in a form whose role is search.
func inSearch(doc *a11y.Document, n *a11y.Node) bool {
	if n == nil {
		return false
	}
	if strings.EqualFold(strings.TrimSpace(n.Get("type")), "search") {
		return true
	}
	return n.ClosestFlat(func(m *a11y.Node) bool {
		return m.Type == a11y.ElementNode && (doc.Role(m) == "search" || m.Is(atom.Search))
	}) != nil
}

// formFieldsOf returns the questions of a page, without site search boxes.
func formFieldsOf(doc *a11y.Document, f *PageFacts) []Field {
	var out []Field
	for _, fl := range f.Fields {
		if doc != nil && fl.Node != nil && inSearch(doc, fl.Node) {
			continue
		}
		if fl.Node == nil && fl.Type == "search" {
			continue
		}
		out = append(out, fl)
	}
	return out
}

// flowVisible reports whether n is shown: not hidden and not aria-hidden.
func flowVisible(doc *a11y.Document, n *a11y.Node) bool {
	return !doc.Hidden(n) && !doc.AriaHidden(n)
}
