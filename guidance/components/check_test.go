package components

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/guidance"
)

// checkRules are the accessibility rules and the plain-language rules.
func checkRules() []*a11y.Rule {
	return append(rules.All(), guidance.Rules()...)
}

// failures returns one line per failed finding (and per rule error) of res.
func failures(res *a11y.Result) []string {
	var out []string
	for _, f := range res.Findings {
		if f.Outcome == a11y.Failed {
			out = append(out, fmt.Sprintf("%s %s at %s: %s", f.Rule, f.Key, f.Selector, f.Snippet))
		}
	}
	for _, e := range res.Errors {
		out = append(out, "rule error: "+e.Error())
	}
	return out
}

// cantTells counts the cantTell findings of res by message key.
func cantTells(res *a11y.Result, into map[string]int) {
	for _, f := range res.Findings {
		if f.Outcome == a11y.CantTell {
			into[string(f.Key)]++
		}
	}
}

// TestGalleryIDs checks, independently of the rules, that every id on
// every gallery page is unique and that every reference to an id resolves.
func TestGalleryIDs(t *testing.T) {
	for _, l := range Languages() {
		for _, e := range gallery(l.Tag) {
			root, err := html.Parse(bytes.NewReader(renderPage(t, e.Page, l.Tag)))
			require.NoError(t, err)
			seen := map[string]bool{}
			var refs []string
			var walk func(n *html.Node)
			walk = func(n *html.Node) {
				for _, a := range n.Attr {
					switch a.Key {
					case "id":
						assert.False(t, seen[a.Val], "%s/%s: id %q twice", l.Tag, e.Name, a.Val)
						seen[a.Val] = true
					case "aria-describedby", "aria-labelledby", "for":
						refs = append(refs, strings.Fields(a.Val)...)
					case "href":
						if id, ok := strings.CutPrefix(a.Val, "#"); ok {
							refs = append(refs, id)
						}
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(root)
			for _, id := range refs {
				assert.True(t, seen[id], "%s/%s: reference to missing id %q", l.Tag, e.Name, id)
			}
		}
	}
}

// TestStaticCheck renders every component in every shipped language and
// checks each page with every accessibility and plain-language rule: no
// finding may fail.
func TestStaticCheck(t *testing.T) {
	all := checkRules()
	asked := map[string]int{}
	pages := 0
	for _, l := range Languages() {
		for _, e := range gallery(l.Tag) {
			t.Run(l.Tag+"/"+e.Name, func(t *testing.T) {
				html := renderPage(t, e.Page, l.Tag)
				doc, err := a11y.FromHTML(bytes.NewReader(html), "https://norrsunda.example/"+l.Tag+"/"+e.Name)
				require.NoError(t, err)
				res, err := a11y.Check(context.Background(), doc, a11y.WithRules(all...))
				require.NoError(t, err)
				assert.Empty(t, failures(res), "failed findings")
				passed := 0
				for _, f := range res.Findings {
					if f.Outcome == a11y.Passed {
						passed++
					}
				}
				assert.Positive(t, passed, "the rules found something to pass")
				cantTells(res, asked)
				pages++
			})
		}
	}
	var keys []string
	for k := range asked {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "\n  %5d %s", asked[k], k)
	}
	t.Logf("%d pages checked; questions for a person (cantTell) by key:%s", pages, b.String())
}
