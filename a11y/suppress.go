package a11y

import "strings"

// SuppressAttr is the attribute that hides findings on an element and its
// descendants: data-a11y-ignore="image-alt: decorative carousel; label: #123".
// Every entry must give a reason; an entry without one is itself a finding.
const SuppressAttr = "data-a11y-ignore"

type suppression struct {
	rule, reason string
}

func parseSuppressions(v string) []suppression {
	var out []suppression
	for _, part := range strings.Split(v, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		rule, reason, _ := strings.Cut(part, ":")
		out = append(out, suppression{strings.TrimSpace(rule), strings.TrimSpace(reason)})
	}
	return out
}

// suppressionOutcomes returns engine outcomes for suppressions that give
// no reason, and whether the document suppresses anything at all.
func suppressionOutcomes(doc *Document) (extra []outcome, seen bool) {
	for n := range doc.Elements() {
		v, ok := n.AttrValue(SuppressAttr)
		if !ok {
			continue
		}
		seen = true
		for _, s := range parseSuppressions(v) {
			if s.reason == "" || s.rule == "" {
				extra = append(extra, outcome{node: n, key: MsgSuppressionNoReason, o: Failed})
				break
			}
		}
	}
	return extra, seen
}

// markSuppressed marks the findings a suppression covers with its reason.
func markSuppressed(fs []Finding) {
	for i := range fs {
		f := &fs[i]
		if f.Rule == Engine.ID || f.Node == nil {
			continue
		}
		for e := f.Node; e != nil; e = e.FlatParent() {
			if e.Type != ElementNode {
				continue
			}
			v, ok := e.AttrValue(SuppressAttr)
			if !ok {
				continue
			}
			for _, s := range parseSuppressions(v) {
				if s.reason != "" && (s.rule == f.Rule || s.rule == "*") {
					f.Suppressed = s.reason
				}
			}
			if f.Suppressed != "" {
				break
			}
		}
	}
}
