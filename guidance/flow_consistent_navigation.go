package guidance

import (
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// FlowConsistentNavigation: navigation repeated on several steps keeps its
// links in the same relative order (WCAG 3.2.3 Consistent Navigation).
// People who use a screen reader or magnification learn where a link is;
// links that change places make them search again on every step.
//
// The rule collects the navigation blocks of every step: each navigation
// landmark, and the links of the page header (banner) outside a navigation
// landmark. A block of a step is matched with a block of the nearest earlier
// step that has one: by its accessible name, else by the links they share
// (at least two, and at least half of the smaller block). For a matched pair
// it compares the order of the shared links: added or removed links are
// allowed (a sub-menu that opens, a link to the current page that is left
// out), links that changed places are not. It also compares the order of the
// matched blocks among themselves.
//
// Each matched block passes or fails (naming the step, the link that moved
// and the step it is compared with). Links are compared by their resolved
// target without fragment; links without a target are left out. A flow where
// no block repeats is inapplicable.
var FlowConsistentNavigation = &a11y.Rule{
	ID:       "flow-consistent-navigation",
	WCAG:     []string{"3.2.3"},
	EN301549: []string{"9.3.2.3"},
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopeFlow,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{navSameOrder, navLinkMoved, navBlockMoved},
	Tags:     []string{"navigation", "consistency"},
	Since:    flowSince,
	RunFlow:  runConsistentNavigation,
}

const (
	navSameOrder  a11y.Msg = "flow-consistent-navigation.same-order"
	navLinkMoved  a11y.Msg = "flow-consistent-navigation.link-moved"
	navBlockMoved a11y.Msg = "flow-consistent-navigation.block-moved"
)

// navBlock is a group of navigation links of one page.
type navBlock struct {
	node  *a11y.Node
	name  string // the landmark's accessible name
	kind  string // "navigation" or "banner"
	keys  []string
	names []string
	links []*a11y.Node
}

func runConsistentNavigation(p *a11y.FlowPass) error {
	blocks := make([][]navBlock, len(p.Pages))
	for i := range p.Pages {
		if doc := flowDoc(p.Pages, i); doc != nil {
			blocks[i] = navBlocks(doc, p.Pages[i].URL)
		}
	}
	for b := range p.Pages {
		if len(blocks[b]) == 0 {
			continue
		}
		// For every block of page b, the nearest earlier page with a match.
		type match struct{ page, block, self int }
		var matches []match
		for k, blk := range blocks[b] {
			for a := b - 1; a >= 0; a-- {
				if j := matchBlock(blk, blocks[a]); j >= 0 {
					matches = append(matches, match{a, j, k})
					break
				}
			}
		}
		if len(matches) == 0 {
			continue
		}
		// Blocks matched on the same earlier page keep their order.
		blockMoved := map[int]bool{}
		for x := range matches {
			for y := x + 1; y < len(matches); y++ {
				mx, my := matches[x], matches[y]
				if mx.page == my.page && mx.block > my.block && mx.self < my.self {
					blockMoved[my.self] = true
				}
			}
		}
		for _, m := range matches {
			cur, old := blocks[b][m.self], blocks[m.page][m.block]
			d := a11y.Data{"step": stepName(p.Pages, b), "previous": stepName(p.Pages, m.page), "nav": cur.label()}
			if blockMoved[m.self] {
				p.Fail(b, cur.node, navBlockMoved, d)
				continue
			}
			if k := linkOutOfOrder(old, cur); k >= 0 {
				d["link"] = cur.names[k]
				p.Fail(b, cur.links[k], navLinkMoved, d)
				continue
			}
			d["count"] = len(sharedKeys(old, cur))
			p.Pass(b, cur.node, navSameOrder, d)
		}
	}
	return nil
}

// label names a block for message data: its accessible name, else its
// first links.
func (blk navBlock) label() string {
	if blk.name != "" {
		return blk.name
	}
	n := min(len(blk.names), 3)
	s := strings.Join(blk.names[:n], ", ")
	if len(blk.names) > n {
		s += ", …"
	}
	return quote(s)
}

// navBlocks returns the navigation blocks of a page, in document order.
func navBlocks(doc *a11y.Document, base string) []navBlock {
	var out []navBlock
	var banner *a11y.Node
	for n := range doc.Elements() {
		if n.TreeRoot() != doc.Root || !flowVisible(doc, n) {
			continue
		}
		switch doc.Role(n) {
		case "navigation":
			out = append(out, navBlock{node: n, kind: "navigation", name: quote(doc.Name(n))})
		case "banner":
			if banner == nil {
				banner = n
				out = append(out, navBlock{node: n, kind: "banner", name: quote(doc.Name(n))})
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	for l := range doc.Elements(atom.A, atom.Area) {
		if !l.Has("href") || !flowVisible(doc, l) {
			continue
		}
		key := targetKey(base, l.Get("href"))
		name := strings.TrimSpace(doc.Name(l))
		if key == "" || name == "" {
			continue
		}
		// The innermost block holding the link.
		best := -1
		for i, blk := range out {
			if blk.node.Contains(l) && (best < 0 || out[best].node.Contains(blk.node)) {
				best = i
			}
		}
		if best < 0 {
			continue
		}
		blk := &out[best]
		dup := false
		for _, k := range blk.keys {
			if k == key {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		blk.keys = append(blk.keys, key)
		blk.names = append(blk.names, quote(name))
		blk.links = append(blk.links, l)
	}
	kept := out[:0]
	for _, blk := range out {
		if len(blk.keys) > 0 {
			kept = append(kept, blk)
		}
	}
	return kept
}

// matchBlock returns the index of the block of others that is blk repeated,
// or -1.
func matchBlock(blk navBlock, others []navBlock) int {
	best, bestShared := -1, 0
	for i, o := range others {
		if o.kind != blk.kind {
			continue
		}
		if blk.name != "" && normText(o.name) == normText(blk.name) {
			return i
		}
		if blk.name != "" && o.name != "" {
			continue // two named blocks with different names
		}
		shared := len(sharedKeys(o, blk))
		if shared >= 2 && 2*shared >= min(len(o.keys), len(blk.keys)) && shared > bestShared {
			best, bestShared = i, shared
		}
	}
	return best
}

// sharedKeys returns the link targets both blocks hold, in a's order.
func sharedKeys(a, b navBlock) []string {
	in := map[string]bool{}
	for _, k := range b.keys {
		in[k] = true
	}
	var out []string
	for _, k := range a.keys {
		if in[k] {
			out = append(out, k)
		}
	}
	return out
}

// linkOutOfOrder returns the index in cur of the first shared link that is
// out of the order it has in old, or -1.
func linkOutOfOrder(old, cur navBlock) int {
	shared := sharedKeys(old, cur)
	if len(shared) < 2 {
		return -1
	}
	rank := map[string]int{}
	for i, k := range shared {
		rank[k] = i
	}
	want := make([]int, len(shared))
	for i := range want {
		want[i] = i
	}
	var got []int
	pos := map[int]int{} // rank → index in cur
	for i, k := range cur.keys {
		if r, ok := rank[k]; ok {
			got = append(got, r)
			pos[r] = i
		}
	}
	if r := firstMoved(want, got); r >= 0 {
		return pos[r]
	}
	return -1
}
