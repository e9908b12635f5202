package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/locale"
	"github.com/delaktig/delaktig/a11y/wcag"
)

func init() {
	register(&command{
		name:    "rules",
		args:    "[flags]",
		summary: "list every rule with its WCAG, ACT and EN 301 549 mapping",
		run:     runRules,
	})
}

const rulesAbout = `Lists every rule: its id (for --rules), title, the WCAG success criteria,
W3C ACT rules and EN 301 549 clauses it maps to, its impact and what it
looks at. Experimental rules run only when named in --rules.`

// ruleInfo is one rule as delaktig rules --format json writes it.
type ruleInfo struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Help         string   `json:"help"`
	WCAG         []string `json:"wcag"`
	Level        string   `json:"level,omitempty"`
	ACT          []string `json:"act"`
	EN301549     []string `json:"en301549"`
	Impact       string   `json:"impact"`
	Scope        string   `json:"scope"`
	Needs        string   `json:"needs"`
	Tags         []string `json:"tags,omitempty"`
	Since        string   `json:"since,omitempty"`
	Experimental bool     `json:"experimental"`
}

func runRules(_ context.Context, s *stdio, args []string) int {
	fs := newFlags(s, commands["rules"], rulesAbout)
	format := fs.String("format", "text", "output format: text or json")
	lang := fs.String("lang", defaultLang(), "language of titles and help: sv, nb or en")
	spec := fs.String("rules", "", "list only the rules this selection picks (as check --rules)")
	pos, code, ok := parseCommand(s, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		s.errorf("rules takes no arguments (got %q); use --rules to pick rules", pos[0])
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		s.errorf("unknown --format %q: use text or json", *format)
		return exitUsage
	}
	l, err := parseLang(*lang)
	if err != nil {
		s.errorf("%v", err)
		return exitUsage
	}
	list := append(slices.Clip(defaultRules()), experimentalRules()...)
	if strings.TrimSpace(*spec) != "" {
		if list, err = a11y.Select(list, *spec); err != nil {
			s.errorf("%v", err)
			return exitUsage
		}
	}
	exp := experimentalRules()
	cat := locale.For(l)
	infos := make([]ruleInfo, 0, len(list))
	for _, r := range list {
		infos = append(infos, ruleInfo{
			ID: r.ID, Title: cat.Title(r.ID), Help: cat.Help(r.ID),
			WCAG: nonNil(r.WCAG), Level: level(r.WCAG), ACT: nonNil(r.ACT), EN301549: nonNil(r.EN301549),
			Impact: r.Impact.String(), Scope: r.Scope.String(), Needs: r.Needs.String(),
			Tags: r.Tags, Since: r.Since, Experimental: slices.Contains(exp, r),
		})
	}
	if *format == "json" {
		enc := json.NewEncoder(s.out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(struct {
			Rules []ruleInfo `json:"rules"`
		}{infos}); err != nil {
			s.errorf("write rules: %v", err)
			return exitUsage
		}
		return exitOK
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", cat.UIText("rules.count", map[string]any{"n": len(infos)}))
	for _, ri := range infos {
		b.WriteByte('\n')
		head := ri.ID
		if ri.Title != ri.ID {
			head += " — " + ri.Title
		}
		var notes []string
		if ri.Experimental {
			notes = append(notes, cat.UIText("rules.experimental", nil))
		}
		if strings.Contains(ri.Needs, "layout") || strings.Contains(ri.Needs, "style") || strings.Contains(ri.Needs, "interaction") {
			notes = append(notes, cat.UIText("rules.needs-browser", nil))
		}
		if len(notes) > 0 {
			head += " [" + strings.Join(notes, "; ") + "]"
		}
		b.WriteString(head + "\n")
		var refs []string
		if len(ri.WCAG) > 0 {
			w := "WCAG " + strings.Join(ri.WCAG, ", ")
			if ri.Level != "" {
				w += " (" + cat.UIText("report.level", map[string]any{"level": ri.Level}) + ")"
			}
			refs = append(refs, w)
		}
		if len(ri.EN301549) > 0 {
			refs = append(refs, "EN 301 549 "+strings.Join(ri.EN301549, ", "))
		}
		if len(ri.ACT) > 0 {
			refs = append(refs, "ACT "+strings.Join(ri.ACT, ", "))
		}
		if len(refs) > 0 {
			b.WriteString("    " + strings.Join(refs, " · ") + "\n")
		}
		b.WriteString("    " + cat.UIText("rules.impact", map[string]any{"impact": cat.Impact(ri.Impact)}) +
			" · " + cat.UIText("rules.scope", map[string]any{"scope": cat.UIText("scope."+ri.Scope, nil)}) + "\n")
	}
	if _, err := fmt.Fprint(s.out, b.String()); err != nil {
		return exitUsage
	}
	return exitOK
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// level returns the least demanding WCAG level among the criteria.
func level(scs []string) string {
	best := ""
	for _, sc := range scs {
		if c, ok := wcag.Lookup(sc); ok && (best == "" || len(c.Level) < len(best)) {
			best = c.Level
		}
	}
	return best
}
