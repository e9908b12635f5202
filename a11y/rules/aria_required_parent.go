package rules

import (
	"regexp"
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// AriaRequiredParent: an element whose role only makes sense inside another
// (a list item in a list, a tab in a tab list, a cell in a row) sits in that
// context. ACT ff89c9. A stray list item or tab is announced without its
// list or tab list, so people do not know how many there are or where they are.
//
// Targets are HTML and SVG elements in the accessibility tree with an
// explicit WAI-ARIA role that has required context roles, unless the
// element's implicit role is the same (<li role=listitem> in a <ul> is
// left to HTML). The expectation holds when the element's parent in the
// accessibility tree (its aria-owns owner, else the nearest ancestor that
// is neither presentational nor a plain generic wrapper) has one of the
// context roles; a "group" context must itself sit in the named role, with
// nested groups allowed.
//
// A static check does not run the page's script. When an inline script
// writes markup with one of these roles (innerHTML with role="listitem",
// for instance), the rule adds a page-level cantTell: the context of those
// elements is only known in a browser.
var AriaRequiredParent = &a11y.Rule{
	ID:       "aria-required-parent",
	WCAG:     []string{"1.3.1"},
	ACT:      []string{"ff89c9"},
	EN301549: []string{"9.1.3.1"},
	Impact:   a11y.Critical,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{ariaRequiredParentInContext, ariaRequiredParentOutOfContext, ariaRequiredParentOutOfContextUnsure, ariaRequiredParentScriptBuilt},
	Tags:     []string{"aria", "structure"},
	Since:    "0.1.0",
	Run:      runAriaRequiredParent,
}

const (
	ariaRequiredParentInContext          a11y.Msg = "aria-required-parent.in-context"
	ariaRequiredParentOutOfContext       a11y.Msg = "aria-required-parent.out-of-context"
	ariaRequiredParentOutOfContextUnsure a11y.Msg = "aria-required-parent.out-of-context-unsure"
	ariaRequiredParentScriptBuilt        a11y.Msg = "aria-required-parent.script-built"
)

// questionScriptBuilt asks whether content a page's script builds keeps
// the required context.
const questionScriptBuilt = "aria.script-built-context"

func runAriaRequiredParent(p *a11y.Pass) error {
	for n := range p.Elements() {
		if !ariaMarkup(n) {
			continue
		}
		role := p.Doc.ExplicitRole(n)
		spec, ok := roleSpec(role)
		if !ok || len(spec.Context) == 0 || spec.Module != a11y.ModuleARIA || ariaSameRole(role, p.Doc.ImplicitRole(n)) {
			continue
		}
		in, known := ariaInTree(p, n)
		if !in {
			continue
		}
		parent := p.Doc.AXParent(n)
		data := a11y.Data{"role": role, "context": ariaSpecs().contextNames[spec.Name]}
		if ariaInContext(p, parent, spec.Context) {
			p.Pass(n, ariaRequiredParentInContext, data)
			continue
		}
		parentRole := "<html>"
		if parent != nil {
			if parentRole = p.Doc.Role(parent); parentRole == "" {
				parentRole = "<" + parent.Data + ">"
			}
		}
		data["parent"] = parentRole
		if known {
			p.Fail(n, ariaRequiredParentOutOfContext, data)
		} else {
			p.CantTell(n, ariaRequiredParentOutOfContextUnsure, data, a11y.Ask(questionAriaShown))
		}
	}
	if p.Doc.Mode != a11y.ModeBrowser {
		for _, s := range ariaScriptTexts(p) {
			if m := ariaScriptRole.FindStringSubmatch(s); m != nil {
				if spec, ok := roleSpec(strings.ToLower(m[1])); ok && len(spec.Context) > 0 && spec.Module == a11y.ModuleARIA {
					p.CantTell(nil, ariaRequiredParentScriptBuilt, a11y.Data{"role": spec.Name}, a11y.Ask(questionScriptBuilt))
					break
				}
			}
		}
	}
	return nil
}

// ariaScriptRole finds a role attribute written by script markup.
var ariaScriptRole = regexp.MustCompile(`role\s*=\s*\\?["']?([a-zA-Z]+)`)

// ariaInContext reports whether parent satisfies one of the context
// entries ("list", "group>menu").
func ariaInContext(p *a11y.Pass, parent *a11y.Node, context []string) bool {
	if parent == nil {
		return false
	}
	role := a11y.CanonicalRole(p.Doc.Role(parent))
	for _, c := range context {
		container, outer, nested := strings.Cut(c, ">")
		if !nested {
			if c == role {
				return true
			}
			continue
		}
		if container != role {
			continue
		}
		// climb through nested containers to the role they must sit in
		e := parent
		for i := 0; e != nil && i < 1000 && a11y.CanonicalRole(p.Doc.Role(e)) == container; i++ {
			e = p.Doc.AXParent(e)
		}
		if e != nil && a11y.CanonicalRole(p.Doc.Role(e)) == outer {
			return true
		}
	}
	return false
}
