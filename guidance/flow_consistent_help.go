package guidance

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// FlowConsistentHelp: help offered on several steps stays in the same place
// (WCAG 3.2.6 Consistent Help). People who need help look for it where they
// found it last time; help that moves is help they do not find.
//
// The rule reads the help items of every step (PageFacts.Help: phone
// numbers, e-mail and postal addresses, opening hours, links to contact,
// chat or questions and answers — the human contact details, contact
// mechanisms, self-help and automated contact WCAG names). It matches the
// items of a step with those of the nearest earlier step that has help: by
// link target or by number or address, and else, when each step has one item
// of a kind left in the same landmark outside the main content, by kind. For each matched item it compares
//
//   - where the item is relative to the page's main content (before it,
//     inside it or after it; the main landmark, else the first form, else the
//     first h1 marks it) and the landmark it sits in, and
//   - the order of the matched items among themselves.
//
// A step where an item moved fails, naming the item, the step and the step
// it is compared with; a step whose shared help stayed put passes. Help that
// appears on one step only is not compared, and a flow with fewer than two
// steps with help is inapplicable.
var FlowConsistentHelp = &a11y.Rule{
	ID:       "flow-consistent-help",
	WCAG:     []string{"3.2.6"},
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopeFlow,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{helpSamePlace, helpMoved, helpReordered},
	Tags:     []string{"help", "consistency"},
	Since:    flowSince,
	RunFlow:  runConsistentHelp,
}

const (
	helpSamePlace a11y.Msg = "flow-consistent-help.same-place"
	helpMoved     a11y.Msg = "flow-consistent-help.moved"
	helpReordered a11y.Msg = "flow-consistent-help.reordered"
)

// The positions of a help item relative to the page's main content.
const (
	zoneUnknown = iota
	zoneBefore
	zoneInside
	zoneAfter
)

var zoneNames = [...]string{"unknown", "before-main", "main", "after-main"}

// helpPos is one help item of a page, as the rule compares it.
type helpPos struct {
	key    string // identity across pages
	kind   string
	text   string
	region string
	zone   int
	index  int // document order (Node.Index, else Order)
	node   *a11y.Node
}

func runConsistentHelp(p *a11y.FlowPass) error {
	facts := flowPageFacts(p.Pages)
	items := make([][]helpPos, len(p.Pages))
	withHelp := 0
	for i, f := range facts {
		items[i] = helpPositions(flowDoc(p.Pages, i), p.Pages[i], f)
		if len(items[i]) > 0 {
			withHelp++
		}
	}
	if withHelp < 2 {
		return nil
	}
	prev := -1
	for i := range p.Pages {
		if len(items[i]) == 0 {
			continue
		}
		if prev < 0 {
			prev = i
			continue
		}
		compareHelp(p, prev, i, items[prev], items[i])
		prev = i
	}
	return nil
}

// compareHelp compares the help of page b with that of the earlier page a.
func compareHelp(p *a11y.FlowPass, a, b int, ia, ib []helpPos) {
	pairs := matchHelp(ia, ib)
	if len(pairs) == 0 {
		return
	}
	data := func(h helpPos) a11y.Data {
		return a11y.Data{"help": h.text, "kind": h.kind, "step": stepName(p.Pages, b), "previous": stepName(p.Pages, a)}
	}
	failed := false
	for _, pr := range pairs {
		x, y := ia[pr[0]], ib[pr[1]]
		zoneMoved := x.zone != zoneUnknown && y.zone != zoneUnknown && x.zone != y.zone
		regionMoved := x.region != y.region
		if zoneMoved || regionMoved {
			d := data(y)
			d["before"] = zoneNames[x.zone] + "/" + regionLabel(x.region)
			d["now"] = zoneNames[y.zone] + "/" + regionLabel(y.region)
			p.Fail(b, y.node, helpMoved, d)
			failed = true
		}
	}
	if failed {
		return
	}
	// The order of the shared items among themselves.
	sort.SliceStable(pairs, func(i, j int) bool { return ia[pairs[i][0]].index < ia[pairs[j][0]].index })
	seqA := make([]int, len(pairs)) // positions in a's order
	for k := range pairs {
		seqA[k] = k
	}
	byB := make([]int, len(pairs))
	copy(byB, seqA)
	sort.SliceStable(byB, func(i, j int) bool { return ib[pairs[byB[i]][1]].index < ib[pairs[byB[j]][1]].index })
	if moved := firstMoved(seqA, byB); moved >= 0 {
		y := ib[pairs[moved][1]]
		p.Fail(b, y.node, helpReordered, data(y))
		return
	}
	// Report on the first shared item, preferring help outside the main
	// content: that is the repeated help the criterion is about.
	first := ib[pairs[0][1]]
	for _, pr := range pairs {
		y := ib[pr[1]]
		inMain := func(h helpPos) bool { return h.zone == zoneInside || h.region == RegionMain }
		if inMain(first) && !inMain(y) || inMain(first) == inMain(y) && y.index < first.index {
			first = y
		}
	}
	d := data(first)
	d["count"] = len(pairs)
	p.Pass(b, first.node, helpSamePlace, d)
}

// regionLabel names a landmark region for message data.
func regionLabel(r string) string {
	if r == RegionNone {
		return "none"
	}
	return r
}

// matchHelp pairs the items of two pages: by identity first, then, for a
// kind with exactly one unmatched item on each page, by kind. Each pair holds
// an index into a and one into b.
func matchHelp(a, b []helpPos) [][2]int {
	var pairs [][2]int
	usedA := make([]bool, len(a))
	usedB := make([]bool, len(b))
	for j, y := range b {
		best := -1
		for i, x := range a {
			if usedA[i] || x.key != y.key {
				continue
			}
			// Prefer an occurrence in the same place, when an item is
			// offered twice (in the header and in the footer).
			if best < 0 || (a[best].region != y.region && x.region == y.region) {
				best = i
			}
		}
		if best >= 0 {
			usedA[best], usedB[j] = true, true
			pairs = append(pairs, [2]int{best, j})
		}
	}
	// A key offered twice on a page and once on the other is matched once;
	// the other occurrence is the same mechanism, not a new one.
	seen := map[string]bool{}
	for _, pr := range pairs {
		seen[a[pr[0]].key] = true
	}
	// Pairing by kind is for page furniture only: an address in the main
	// content of two steps is most often content (the person's own
	// address on a summary, where to send a document), not help.
	left := func(items []helpPos, used []bool) map[string][]int {
		m := map[string][]int{}
		for i, h := range items {
			if !used[i] && !seen[h.key] && h.zone != zoneInside && h.region != RegionMain {
				m[h.kind+"|"+h.region] = append(m[h.kind+"|"+h.region], i)
			}
		}
		return m
	}
	la, lb := left(a, usedA), left(b, usedB)
	for k, is := range la {
		if js := lb[k]; len(is) == 1 && len(js) == 1 {
			pairs = append(pairs, [2]int{is[0], js[0]})
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i][1] < pairs[j][1] })
	return pairs
}

// firstMoved compares the order of the same items in two sequences (want
// and got hold the same values) and returns the first value of got that is
// out of order — not on a longest common subsequence — or -1.
func firstMoved(want, got []int) int {
	n := len(want)
	if n != len(got) {
		return -1
	}
	// Longest common subsequence, by dynamic programming: the lists are short.
	l := make([][]int, n+1)
	for i := range l {
		l[i] = make([]int, n+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := n - 1; j >= 0; j-- {
			if want[i] == got[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	if l[0][0] == n {
		return -1
	}
	inLCS := map[int]bool{}
	for i, j := 0, 0; i < n && j < n; {
		switch {
		case want[i] == got[j]:
			inLCS[got[j]] = true
			i++
			j++
		case l[i+1][j] >= l[i][j+1]:
			i++
		default:
			j++
		}
	}
	for _, v := range got {
		if !inLCS[v] {
			return v
		}
	}
	return -1
}

// helpPositions lists the help items of a page with their identity and
// position.
func helpPositions(doc *a11y.Document, pg *a11y.FlowPage, f *PageFacts) []helpPos {
	base := f.URL
	if base == "" && pg != nil {
		base = pg.URL
	}
	var anchor *a11y.Node
	if doc != nil {
		anchor = mainAnchor(doc)
	}
	out := make([]helpPos, 0, len(f.Help))
	for _, h := range f.Help {
		hp := helpPos{key: helpKey(base, h), kind: h.Kind, text: h.Text, region: h.Region, index: h.Order, node: h.Node}
		if h.Node != nil {
			hp.index = h.Node.Index
			if anchor != nil {
				hp.zone = zoneOf(anchor, h.Node)
			}
		}
		if hp.node != nil && hp.node.Document() != doc {
			hp.node = nil // facts of another document: no element to point at
		}
		out = append(out, hp)
	}
	return out
}

// mainAnchor returns the element that marks a page's main content: the
// main landmark, else the first form, else the first h1.
func mainAnchor(doc *a11y.Document) *a11y.Node {
	var h1, form *a11y.Node
	for n := range doc.Elements() {
		if n.TreeRoot() != doc.Root || doc.Hidden(n) {
			continue
		}
		switch {
		case doc.Role(n) == "main":
			return n
		case h1 == nil && n.Is(atom.H1):
			h1 = n
		case form == nil && n.Is(atom.Form) && !inSearch(doc, n) && doc.Role(n) != "search":
			form = n
		}
	}
	if form != nil {
		return form
	}
	return h1
}

// zoneOf tells where n is relative to the main content's anchor. After an
// h1 anchor is the page's content up to its end: without landmarks, the
// footer cannot be told from the content, so that zone is unknown.
func zoneOf(anchor, n *a11y.Node) int {
	switch {
	case n.Contains(anchor):
		return zoneUnknown // a block holding the whole page
	case anchor.Is(atom.H1):
		if n.Index < anchor.Index {
			return zoneBefore
		}
		return zoneUnknown
	case anchor.Contains(n):
		return zoneInside
	case n.Index < anchor.Index:
		return zoneBefore
	default:
		return zoneAfter
	}
}

// helpKey is the identity of a help item across pages.
func helpKey(base string, h HelpItem) string {
	switch h.Kind {
	case HelpPhone:
		src := h.Text
		if strings.HasPrefix(strings.ToLower(h.Href), "tel:") {
			src = h.Href[4:]
		}
		return h.Kind + "|" + phoneDigits(src)
	case HelpEmail:
		src := h.Text
		if strings.HasPrefix(strings.ToLower(h.Href), "mailto:") {
			src = h.Href[7:]
		}
		src, _, _ = strings.Cut(src, "?")
		return h.Kind + "|" + strings.ToLower(strings.TrimSpace(src))
	}
	if h.Href != "" {
		if k := targetKey(base, h.Href); k != "" {
			return h.Kind + "|" + k
		}
	}
	return h.Kind + "|" + normText(h.Text)
}

// phoneDigits normalises a phone number to its national digits: +46 98 …
// and 0098 … become 098 …; Norwegian and other numbers lose their country
// code.
func phoneDigits(s string) string {
	s = strings.TrimSpace(s)
	intl := strings.HasPrefix(s, "+") || strings.HasPrefix(s, "00")
	var b strings.Builder
	for _, r := range s {
		if unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	d := b.String()
	if !intl {
		return d
	}
	d = strings.TrimPrefix(d, "00")
	for _, cc := range []string{"46", "47", "45", "358", "354"} {
		if strings.HasPrefix(d, cc) {
			rest := strings.TrimPrefix(d[len(cc):], "0") // +46 (0)98…
			if cc == "47" {
				return rest
			}
			return "0" + rest
		}
	}
	return d
}
