package guidance

import (
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// FlowConsistentIdentification: components that do the same thing on
// several steps have the same name (WCAG 3.2.4 Consistent Identification).
// A button called "Nästa" on one step and "Fortsätt" on the next makes
// people wonder whether it does something else; a screen reader user who
// searches for the name does not find it.
//
// The rule only compares components whose function it can tell is the same:
//
//   - links to the same target (resolved, without fragment) in the same
//     kind of landmark, other than those below;
//   - form fields with the same name attribute and type;
//   - the buttons and links that go on to the next step or back,
//     recognised by their words ("Nästa", "Fortsätt", "Gå vidare", "Neste",
//     "Next", "Continue"; "Tillbaka", "Föregående", "Forrige", "Back"),
//     numbers left out ("Fortsätt till steg 3").
//
// A component is compared with the same component on the nearest earlier
// step that has it. Names that are equal, or where one holds all the words
// of the other, are consistent. Names without a word in common fail for the
// buttons and links that go on or back, and for links in the parts of the
// page repeated on every step (header, navigation, footer, complementary
// and search landmarks); elsewhere they are cantTell, since a link in the
// content may be named after its context and a field name can be reused
// for another question. Names that share some words are cantTell. When a
// step has several components of the same function with different names,
// the rule leaves them alone. Each step with consistent components passes
// once, with their count.
var FlowConsistentIdentification = &a11y.Rule{
	ID:       "flow-consistent-identification",
	WCAG:     []string{"3.2.4"},
	EN301549: []string{"9.3.2.4"},
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopeFlow,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{identConsistent, identDifferent, identMaybe},
	Tags:     []string{"consistency"},
	Since:    flowSince,
	RunFlow:  runConsistentIdentification,
}

const (
	identConsistent a11y.Msg = "flow-consistent-identification.consistent"
	identDifferent  a11y.Msg = "flow-consistent-identification.different"
	identMaybe      a11y.Msg = "flow-consistent-identification.maybe-different"
)

// questionSameFunction asks whether two components do the same thing.
const questionSameFunction = "flow-consistent-identification.same-function"

// furnitureRegions are the landmarks that hold a site's repeated parts.
var furnitureRegions = map[string]bool{
	"banner": true, "navigation": true, "contentinfo": true, "complementary": true, "search": true,
}

// component is one control of a page whose function the rule can identify.
type component struct {
	key   string // function identity across pages
	field bool
	// furniture is set on links in the landmarks repeated on every page
	// (header, navigation, footer, complementary, search): their names are
	// not shaped by the content around them.
	furniture bool
	name      string
	node      *a11y.Node
}

var (
	nextWords = regexp.MustCompile(`^(?:nästa|fortsätt|gå vidare|vidare|neste|fortsett|gå videre|videre|next|continue|proceed)(?:\s|$)`)
	backWords = regexp.MustCompile(`^(?:tillbaka|föregående|gå tillbaka|bakåt|tilbake|forrige|gå tilbake|back|previous|go back)(?:\s|$)`)
)

func runConsistentIdentification(p *a11y.FlowPass) error {
	facts := flowPageFacts(p.Pages)
	comps := make([]map[string][]component, len(p.Pages))
	for i := range p.Pages {
		if doc := flowDoc(p.Pages, i); doc != nil {
			comps[i] = components(doc, p.Pages[i].URL, facts[i])
		}
	}
	for b := range p.Pages {
		consistent := 0
		var firstOK *a11y.Node
		keys := make([]string, 0, len(comps[b]))
		for k := range comps[b] {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(x, y string) int { return comps[b][x][0].node.Index - comps[b][y][0].node.Index })
		for _, key := range keys {
			cur := comps[b][key]
			a := -1
			for j := b - 1; j >= 0; j-- {
				if len(comps[j][key]) > 0 {
					a = j
					break
				}
			}
			if a < 0 {
				continue
			}
			old := comps[a][key]
			verdict, curName, oldName, node := compareNames(old, cur)
			d := a11y.Data{"name": curName, "previous_name": oldName, "step": stepName(p.Pages, b), "previous": stepName(p.Pages, a)}
			switch {
			case verdict == nameSame:
				consistent++
				if firstOK == nil || node.Index < firstOK.Index {
					firstOK = node
				}
			case verdict == nameDifferent && (cur[0].furniture || strings.HasPrefix(key, "step|")):
				p.Fail(b, node, identDifferent, d)
			case verdict == nameDifferent || verdict == nameOverlap:
				p.CantTell(b, node, identMaybe, d, a11y.Ask(questionSameFunction))
			}
		}
		if consistent > 0 {
			p.Pass(b, firstOK, identConsistent, a11y.Data{"count": consistent, "step": stepName(p.Pages, b)})
		}
	}
	return nil
}

// The verdicts of compareNames.
const (
	nameUnsure = iota // several names on a page: left alone
	nameSame
	nameOverlap
	nameDifferent
)

// compareNames compares the names of the same component on two pages. It
// returns the verdict, the names compared and the node to report.
func compareNames(old, cur []component) (int, string, string, *a11y.Node) {
	oldNames, curNames := nameSet(old), nameSet(cur)
	node := cur[0].node
	if slices.Equal(oldNames, curNames) {
		return nameSame, cur[0].name, old[0].name, node
	}
	if len(oldNames) != 1 || len(curNames) != 1 {
		return nameUnsure, "", "", node
	}
	wo, wc := withoutDigits(oldNames[0]), withoutDigits(curNames[0])
	ow, cw := strings.Fields(wo), strings.Fields(wc)
	switch {
	case wo == wc || wordsWithin(ow, cw) || wordsWithin(cw, ow):
		return nameSame, cur[0].name, old[0].name, node
	case sharesStem(ow, cw):
		return nameOverlap, cur[0].name, old[0].name, node
	default:
		return nameDifferent, cur[0].name, old[0].name, node
	}
}

// nameSet returns the distinct normalised names, sorted.
func nameSet(cs []component) []string {
	var out []string
	for _, c := range cs {
		n := normText(c.name)
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// wordsWithin reports whether every word of a is among the words of b.
func wordsWithin(a, b []string) bool {
	if len(a) == 0 {
		return false
	}
	for _, w := range a {
		if !slices.Contains(b, w) {
			return false
		}
	}
	return true
}

// stopWords are small words two names may share without saying the same.
var stopWords = map[string]bool{
	"till": true, "och": true, "för": true, "med": true, "din": true, "ditt": true, "dina": true, "att": true, "den": true, "det": true,
	"til": true, "og": true, "for": true, "dine": true, "the": true, "and": true, "your": true, "you": true, "with": true,
}

// sharesStem reports whether a word of a and a word of b begin alike: one
// a prefix of the other, at least five letters ("kontakt", "kontakta"), or
// the same word of three letters or more that is not a small word ("till",
// "och", "the").
func sharesStem(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			s, l := x, y
			if len(s) > len(l) {
				s, l = l, s
			}
			if len([]rune(s)) >= 5 && strings.HasPrefix(l, s) || x == y && len([]rune(x)) >= 3 && !stopWords[x] {
				return true
			}
		}
	}
	return false
}

// components returns a page's identifiable components by function.
func components(doc *a11y.Document, base string, f *PageFacts) map[string][]component {
	out := map[string][]component{}
	add := func(c component) { out[c.key] = append(out[c.key], c) }
	self := targetKey(base, base)
	for e := range doc.Elements() {
		if e.TreeRoot() != doc.Root || !flowVisible(doc, e) {
			continue
		}
		role := doc.Role(e)
		if role != "button" && role != "link" {
			continue
		}
		name := strings.TrimSpace(doc.Name(e))
		if name == "" {
			continue
		}
		// Going on or back is one function wherever it leads.
		switch low := normText(name); {
		case nextWords.MatchString(low):
			add(component{key: "step|next", name: quote(name), node: e})
			continue
		case backWords.MatchString(low):
			add(component{key: "step|back", name: quote(name), node: e})
			continue
		}
		if role != "link" || !e.Is(atom.A, atom.Area) || !e.Has("href") {
			continue
		}
		target := targetKey(base, e.Get("href"))
		if target == "" || target == self {
			continue
		}
		region := flowRegion(doc, e)
		add(component{key: "link|" + region + "|" + target, name: quote(name), node: e, furniture: furnitureRegions[region]})
	}
	for _, fl := range formFieldsOf(doc, f) {
		if fl.Name == "" || fl.Node == nil || fl.Label == "" || fl.Node.Document() != doc {
			continue
		}
		add(component{key: "field|" + fl.Type + "|" + fl.Name, field: true, name: fl.Label, node: fl.Node})
	}
	return out
}
