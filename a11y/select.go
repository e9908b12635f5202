package a11y

import (
	"fmt"
	"path"
	"strings"
)

// Select returns the rules of all that a selection spec picks, in all's order.
// The spec is a comma-separated list applied left to right, as staticcheck's
// checks option: "all" (every rule), a rule id, an id glob ("aria-*"),
// "wcag:1.4.*" (rules mapped to matching criteria), "act:23a2a8",
// "tag:forms", "level:A", and any of these prefixed with "-" to remove.
// A spec starting with "-" starts from every rule. An empty spec selects all.
func Select(all []*Rule, spec string) ([]*Rule, error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return append([]*Rule(nil), all...), nil
	}
	on := make(map[*Rule]bool, len(all))
	parts := strings.Split(spec, ",")
	if strings.HasPrefix(strings.TrimSpace(parts[0]), "-") {
		for _, r := range all {
			on[r] = true
		}
	}
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		neg := strings.HasPrefix(part, "-")
		part = strings.TrimPrefix(part, "-")
		matched := 0
		for _, r := range all {
			ok, err := selects(r, part)
			if err != nil {
				return nil, err
			}
			if ok {
				on[r] = !neg
				matched++
			}
		}
		if matched == 0 {
			return nil, fmt.Errorf("a11y: rule selection %q matches no rule (see delaktig rules)", part)
		}
	}
	var out []*Rule
	for _, r := range all {
		if on[r] {
			out = append(out, r)
		}
	}
	return out, nil
}

func selects(r *Rule, sel string) (bool, error) {
	if sel == "all" || sel == "*" {
		return true, nil
	}
	kind, val, found := strings.Cut(sel, ":")
	if !found {
		return path.Match(sel, r.ID)
	}
	var list []string
	switch kind {
	case "wcag":
		list = r.WCAG
	case "act":
		list = r.ACT
	case "en", "en301549":
		list = r.EN301549
	case "tag":
		list = r.Tags
	case "level":
		lv := levelOf(r.WCAG)
		return lv != "" && strings.EqualFold(lv, val), nil
	case "scope":
		return r.Scope.String() == val, nil
	default:
		return false, fmt.Errorf("a11y: unknown rule selector %q (want an id, wcag:, act:, en:, tag:, level: or scope:)", kind)
	}
	for _, v := range list {
		ok, err := path.Match(val, v)
		if err != nil {
			return false, fmt.Errorf("a11y: bad pattern in %q: %w", sel, err)
		}
		if ok {
			return true, nil
		}
	}
	return false, nil
}
