package guidance

import (
	"regexp"
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

const (
	// colours and shapes, every inflection, in sv, nb and en
	sensoryLooks = `röd|röda|rött|grön|gröna|grönt|blå|blåa|blått|gul|gula|gult|orange|orangea|lila|svart|svarta|vit|vita|vitt|grå|gråa|grått|` +
		`rund|runda|fyrkantig|fyrkantiga|trekantig|trekantiga|` +
		`rød|røde|rødt|grønn|grønne|grønt|blå|blåe|gule|oransje|lilla|hvit|hvite|hvitt|firkantet|firkantede|trekantet|runde|` +
		`red|green|blue|yellow|orange|purple|black|white|grey|gray|round|square|circular|triangular`
	// the things instructions point to
	sensoryThings = `knapp|knappen|knappar|knapparna|ruta|rutan|rutor|rutorna|fält|fältet|fälten|länk|länken|ikon|ikonen|pil|pilen|symbol|symbolen|markering|markeringen|text|texten|cirkel|cirkeln|` +
		`knappen|knappene|boks|boksen|felt|feltet|lenke|lenken|ikonet|pila|pilen|teksten|sirkel|sirkelen|` +
		`button|buttons|box|boxes|field|fields|link|links|icon|icons|arrow|arrows|symbol|text|circle|tick|mark`
)

// sensoryPatterns match on lower-case text.
var sensoryPatterns = []*regexp.Regexp{
	// "den röda knappen", "det gröna fältet", "the red button", "den runda"
	regexp.MustCompile(`(?:^|[^\pL])(?:den|det|de|the)\s+(?:` + sensoryLooks + `)(?:\s+(?:` + sensoryThings + `))?(?:$|[^\pL])`),
	// "röd knapp", "grønn knapp", "red button", "green link"
	regexp.MustCompile(`(?:^|[^\pL])(?:` + sensoryLooks + `)\s+(?:` + sensoryThings + `)(?:$|[^\pL])`),
	// "markerade med rött", "merket med rødt", "shown in red", "i rött"
	regexp.MustCompile(`(?:^|[^\pL])(?:markerad|markerade|markerat|märkt|märkta|merket|markert|shown|marked|highlighted|i|in|med|with)\s+(?:rött|rødt|red|grönt|grønt|green|gult|yellow|rød farge|röd färg)(?:$|[^\pL])`),
	// positions
	regexp.MustCompile(`(?:^|[^\pL])(?:` +
		`till höger|till vänster|på höger sida|på vänster sida|i högra|i vänstra|högra hörnet|vänstra hörnet|högra spalten|vänstra spalten|längst upp till|längst ner till|` +
		`til høyre|til venstre|på høyre side|på venstre side|i høyre|i venstre|øverst til|nederst til|høyre hjørne|venstre hjørne|høyre kolonne|venstre kolonne|` +
		`on the right|on the left|to the right|to the left|right-hand|left-hand|top right|top left|bottom right|bottom left|upper right|upper left|lower right|lower left|in the corner|` +
		`i hörnet|i hjørnet` +
		`)(?:$|[^\pL])`),
	// sound
	regexp.MustCompile(`(?:^|[^\pL])(?:när du hör|ett pipljud|en signal hörs|när du hører|et pip|et lydsignal|når du hører|when you hear|a beep|the beep|the tone)(?:$|[^\pL])`),
}

// findSensory returns the first sensory phrase in text, in lower case, or "".
func findSensory(text string) string {
	low := strings.ToLower(text)
	best, at := "", -1
	for _, re := range sensoryPatterns {
		if loc := re.FindStringIndex(low); loc != nil && (at < 0 || loc[0] < at) {
			at = loc[0]
			best = strings.TrimFunc(low[loc[0]:loc[1]], func(r rune) bool { return !isLetter(r) })
		}
	}
	return best
}

func runSensory(p *a11y.Pass) error {
	for _, b := range TextBlocks(p.Doc) {
		if ph := findSensory(b.Text); ph != "" {
			p.CantTell(b.Node, sensoryPhrase, a11y.Data{"phrase": quote(ph)}, a11y.Ask(questionSensoryOnly))
		}
	}
	return nil
}
