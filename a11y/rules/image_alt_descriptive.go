package rules

import (
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// ImageAltDescriptive: the text alternative of an image says what the image
// shows or does. Only a person can judge that, so every target is cantTell
// with the question "does the name describe the image?"; the rule never
// fails, not even for names such as "image" or a file name.
//
// ACT qt1vmo. Targets are <img>, <canvas> and <svg> elements that are
// visible, included in the accessibility tree and have a non-empty accessible
// name, except images inside an element named by aria-label or
// aria-labelledby (that name replaces theirs) and <img> elements with no
// image to show (no src or srcset).
var ImageAltDescriptive = &a11y.Rule{
	ID:       "image-alt-descriptive",
	WCAG:     []string{"1.1.1"},
	ACT:      []string{"qt1vmo"},
	EN301549: []string{"9.1.1.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{imageAltDescriptiveCheck},
	Tags:     []string{"images", "names", "judgement"},
	Since:    "0.1.0",
	Run:      runImageAltDescriptive,
}

const imageAltDescriptiveCheck a11y.Msg = "image-alt-descriptive.check"

func runImageAltDescriptive(p *a11y.Pass) error {
	for n := range p.Elements() {
		isImage := n.Is(atom.Img, atom.Canvas) || n.Namespace == a11y.NamespaceSVG && n.Data == "svg"
		if !isImage || !p.InAXTree(n) || !visibleForJudgement(p, n) {
			continue
		}
		name := p.Name(n)
		if name == "" {
			continue
		}
		if n.Is(atom.Img) && strings.TrimSpace(n.Get("src")) == "" && strings.TrimSpace(n.Get("srcset")) == "" {
			continue
		}
		if namedByAuthorAbove(p, n) {
			continue
		}
		p.CantTell(n, imageAltDescriptiveCheck, askNameDescriptive, nameData(name))
	}
	return nil
}

// namedByAuthorAbove reports whether a flat-tree ancestor of n takes its
// name from aria-label or aria-labelledby.
func namedByAuthorAbove(p *a11y.Pass, n *a11y.Node) bool {
	for e := n.FlatParent(); e != nil; e = e.FlatParent() {
		if !e.IsElement() || !e.Has("aria-label") && !e.Has("aria-labelledby") {
			continue
		}
		switch p.Doc.NameSource(e) {
		case a11y.NameSourceAriaLabel, a11y.NameSourceLabelledBy:
			return true
		}
	}
	return false
}
