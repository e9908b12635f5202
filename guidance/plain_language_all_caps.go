package guidance

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// PlainLanguageAllCaps: text is not set in capitals. Words in capitals lose
// their shape, so people with dyslexia and people still learning the
// language read them slower, and screen readers may spell them out. The
// rule fails
//
//   - a run of four or more consecutive words written in capitals in the
//     page's text (TextBlocks), reported with its start;
//   - an element whose text-transform is uppercase (computed in a browser,
//     inline style in static mode) and whose visible text has four or more
//     words, reported once at the element that sets it.
//
// Short labels and acronyms in capitals are fine. A page with text and no
// such run passes once. There is no WCAG success criterion for capitals.
var PlainLanguageAllCaps = &a11y.Rule{
	ID:       "plain-language-all-caps",
	Impact:   a11y.Minor,
	Scope:    a11y.ScopeText,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{allCapsRun, allCapsStyle, allCapsNone},
	Tags:     []string{"plain-language", "readability"},
	Since:    "0.1.0",
	Run:      runAllCaps,
}

const (
	allCapsRun   a11y.Msg = "plain-language-all-caps.run"
	allCapsStyle a11y.Msg = "plain-language-all-caps.transformed"
	allCapsNone  a11y.Msg = "plain-language-all-caps.none"
)

// minCapsWords is the shortest run of capitals the rule reports.
const minCapsWords = 4

func runAllCaps(p *a11y.Pass) error {
	blocks := TextBlocks(p.Doc)
	if len(blocks) == 0 {
		return nil
	}
	found := false
	for _, b := range blocks {
		if run := capsRun(b.Text); run != "" {
			found = true
			p.Fail(b.Node, allCapsRun, a11y.Data{"start": startOf(run)})
		}
	}
	root := ContentRoot(p.Doc)
	if root == nil {
		return nil
	}
	walkFlat(root, func(n *a11y.Node) bool {
		if n.Type != a11y.ElementNode {
			return n.Type == a11y.DocumentNode || n.Type == a11y.ShadowRootNode
		}
		if n.Namespace != a11y.NamespaceHTML || skipTags[n.DataAtom] || p.Hidden(n) {
			return !skipTags[n.DataAtom]
		}
		if !uppercased(n) || parentUppercased(n) {
			return true
		}
		text := visibleText(p, n)
		if words := len(tokenize(text)); words >= minCapsWords && capsRun(text) == "" {
			found = true
			p.Fail(n, allCapsStyle, a11y.Data{"start": startOf(text), "words": words})
			return false
		}
		return true
	})
	if !found {
		p.Pass(nil, allCapsNone)
	}
	return nil
}

// uppercased reports whether n's text-transform is uppercase.
func uppercased(n *a11y.Node) bool {
	v, ok := n.StyleValue("text-transform")
	return ok && strings.EqualFold(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important")), "uppercase")
}

// parentUppercased reports whether the flat-tree parent is uppercased too
// (computed styles inherit, so only the topmost element is reported).
func parentUppercased(n *a11y.Node) bool {
	par := n.FlatParent()
	return par != nil && par.Type == a11y.ElementNode && uppercased(par)
}

// capsRun returns the first run of minCapsWords or more consecutive words
// in capitals in text (separated by white space or light punctuation), or "".
func capsRun(text string) string {
	toks := tokenize(text)
	start, n := -1, 0
	for i, t := range toks {
		w := text[t.start:t.end]
		letters := strings.IndexFunc(w, isLetter) >= 0
		joined := i > 0 && softGap(text[toks[i-1].end:t.start])
		switch {
		case !letters && joined && n > 0:
			continue // numbers inside a run neither break nor count
		case capsWord(w) && (n == 0 || joined):
			if n == 0 {
				start = t.start
			}
			n++
			if n >= minCapsWords {
				end := t.end
				for j := i + 1; j < len(toks) && capsWord(text[toks[j].start:toks[j].end]) && softGap(text[toks[j-1].end:toks[j].start]); j++ {
					end = toks[j].end
				}
				if !acronymList(text[start:end]) {
					return text[start:end]
				}
			}
		case capsWord(w):
			start, n = t.start, 1
		default:
			start, n = -1, 0
		}
	}
	return ""
}

// acronymList reports whether a run of capitals is a list of short
// abbreviations ("CSN, SKV, EU, EES"): every word has at most five letters
// and every gap between them holds a comma, semicolon or slash. Such a list
// is not shouting.
func acronymList(run string) bool {
	toks := tokenize(run)
	for i, t := range toks {
		if len([]rune(run[t.start:t.end])) > 5 {
			return false
		}
		if i > 0 && !strings.ContainsAny(run[toks[i-1].end:t.start], ",;/") {
			return false
		}
	}
	return true
}

// softGap reports whether the text between two words keeps them in one run:
// white space and commas, colons, dashes.
func softGap(s string) bool {
	return strings.Trim(s, " \t\n,:;–—-&") == ""
}
