package guidance

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// PlainLanguageSensory: instructions do not rely on colour, shape, position
// or sound alone. The rule finds phrases in the page's text (TextBlocks)
// that point to something by how it looks or where it is: "den röda
// knappen", "till höger", "nedan till vänster", "den gröna", "den runda",
// "på høyre side", "the red button", "on the right". Each element with
// such a phrase is cantTell: a person must check whether the instruction
// also names the thing ("knappen Skicka"), since then it is fine.
//
// Words like "ovan" and "nedan" alone are left out: they follow the
// reading order, which every user has. Pages without such phrases are
// inapplicable.
//
// WCAG 1.3.3 Sensory Characteristics.
var PlainLanguageSensory = &a11y.Rule{
	ID:       "plain-language-sensory",
	WCAG:     []string{"1.3.3"},
	EN301549: []string{"9.1.3.3"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeText,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{sensoryPhrase},
	Tags:     []string{"plain-language"},
	Since:    "0.1.0",
	Run:      runSensory,
}

const sensoryPhrase a11y.Msg = "plain-language-sensory.phrase"

// questionSensoryOnly asks whether an instruction relies only on a sensory
// characteristic.
const questionSensoryOnly = "plain-language-sensory.only-sensory"

// Word sets of the sensory phrases, lower case, in sv, nb and en.
var (
	// colours and shapes, every inflection
	sensoryLooks = wordSet(`röd röda rött grön gröna grönt blå blåa blått gul gula gult orange orangea lila svart svarta vit vita vitt grå gråa grått
		rund runda fyrkantig fyrkantiga trekantig trekantiga
		rød røde rødt grønn grønne grønt blåe gule oransje lilla hvit hvite hvitt firkantet firkantede trekantet runde
		red green blue yellow purple black white grey gray round square circular triangular`)
	// the things instructions point to
	sensoryThings = wordSet(`knapp knappen knappar knapparna ruta rutan rutor rutorna fält fältet fälten länk länken ikon ikonen pil pilen
		symbol symbolen markering markeringen text texten cirkel cirkeln
		knappene boks boksen felt feltet lenke lenken ikonet pila teksten sirkel sirkelen
		button buttons box boxes field fields link links icon icons arrow arrows circle tick mark`)
	// words that point to a colour or shape: "den röda", "the red"
	sensoryDeterminers = wordSet(`den det de the`)
	// words that introduce a colour: "markerade med rött", "shown in red"
	sensoryMarkers = wordSet(`markerad markerade markerat märkt märkta merket markert shown marked highlighted i in med with`)
	// colours as nouns after a marker
	sensoryColours = wordSet(`rött rødt red grönt grønt green gult yellow`)
	// positions and sounds, and colours spelt out
	sensoryPhrases = phraseIndex(
		// positions
		"till höger", "till vänster", "på höger sida", "på vänster sida", "i högra", "i vänstra", "högra hörnet",
		"vänstra hörnet", "högra spalten", "vänstra spalten", "längst upp till", "längst ner till", "i hörnet",
		"til høyre", "til venstre", "på høyre side", "på venstre side", "i høyre", "i venstre", "øverst til",
		"nederst til", "høyre hjørne", "venstre hjørne", "høyre kolonne", "venstre kolonne", "i hjørnet",
		"on the right", "on the left", "to the right", "to the left", "right-hand", "left-hand", "top right",
		"top left", "bottom right", "bottom left", "upper right", "upper left", "lower right", "lower left",
		"in the corner",
		// sounds
		"när du hör", "ett pipljud", "en signal hörs", "när du hører", "et pip", "et lydsignal", "når du hører",
		"when you hear", "a beep", "the beep", "the tone",
		// colours spelt out
		"med röd färg", "med rød farge", "in red colour", "in red color",
	)
)

func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// phraseIndex indexes phrases by their first word.
func phraseIndex(phrases ...string) map[string][][]string {
	m := map[string][][]string{}
	for _, ph := range phrases {
		ws := strings.Fields(ph)
		m[ws[0]] = append(m[ws[0]], ws)
	}
	return m
}

// findSensory returns the first sensory phrase in text, in lower case, or
// "". The words of a phrase must be separated by white space only.
func findSensory(text string) string {
	toks := tokenize(text)
	next := func(i int, set map[string]bool) bool {
		return i < len(toks) && set[toks[i].lower] && onlySpace(text[toks[i-1].end:toks[i].start])
	}
	phrase := func(i, j int) string { return strings.ToLower(text[toks[i].start:toks[j].end]) }
	for i, t := range toks {
		switch w := t.lower; {
		case sensoryDeterminers[w] && next(i+1, sensoryLooks):
			// "den röda", "den röda knappen"
			if next(i+2, sensoryThings) {
				return phrase(i, i+2)
			}
			return phrase(i, i+1)
		case sensoryLooks[w] && next(i+1, sensoryThings):
			return phrase(i, i+1)
		case sensoryMarkers[w] && next(i+1, sensoryColours):
			return phrase(i, i+1)
		}
		for _, ph := range sensoryPhrases[t.lower] {
			j := 1
			for ; j < len(ph) && i+j < len(toks) && toks[i+j].lower == ph[j] && onlySpace(text[toks[i+j-1].end:toks[i+j].start]); j++ {
			}
			if j == len(ph) {
				return phrase(i, i+j-1)
			}
		}
	}
	return ""
}

func runSensory(p *a11y.Pass) error {
	for _, b := range TextBlocks(p.Doc) {
		if ph := findSensory(b.Text); ph != "" {
			p.CantTell(b.Node, sensoryPhrase, a11y.Data{"phrase": quote(ph)}, a11y.Ask(questionSensoryOnly))
		}
	}
	return nil
}
