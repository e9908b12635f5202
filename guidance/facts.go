package guidance

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// PageFacts describe one page (one step of a flow) for the flow rules that
// compare steps: consistent help (WCAG 3.2.6) compares Help across pages,
// redundant entry (WCAG 3.3.7) compares Fields. The inclusion-contact rule
// exports a *PageFacts for every page it checks; Facts computes the same
// value directly. The struct encodes as JSON with snake_case names.
type PageFacts struct {
	// URL is the document's URL.
	URL string `json:"url"`
	// Lang is the language the page declares, "" when none.
	Lang string `json:"lang"`
	// Landmarks lists the page's landmark regions in document order, by
	// region name (see Region).
	Landmarks []string `json:"landmarks"`
	// Help lists the ways to get help the page offers, in document order.
	Help []HelpItem `json:"help"`
	// OtherLanguages lists the texts of links to help or content in other
	// languages, easy-to-read language or sign language.
	OtherLanguages []string `json:"other_languages,omitempty"`
	// StepIndicator describes the "Steg 2 av 4" indicator, nil when the
	// page has none.
	StepIndicator *StepIndicator `json:"step_indicator,omitempty"`
	// Fields lists the questions the page asks, one per field or per group
	// of radio buttons or checkboxes sharing a name, in document order.
	Fields []Field `json:"fields"`
}

// The regions a HelpItem can sit in: the landmark around it, named after
// its usual HTML element.
const (
	RegionHeader = "header" // banner
	RegionNav    = "nav"    // navigation
	RegionMain   = "main"   // main
	RegionAside  = "aside"  // complementary
	RegionFooter = "footer" // contentinfo
	RegionSearch = "search" // search
	RegionOther  = "region" // region or form with a name
	RegionNone   = ""       // outside every landmark
)

// The kinds of HelpItem.
const (
	HelpContactLink = "contact-link"  // a link to contact or help ("Kontakta oss", "Hjelp")
	HelpSelfHelp    = "self-help"     // a link to questions and answers
	HelpPhone       = "phone"         // a phone number or tel: link
	HelpEmail       = "email"         // an e-mail address or mailto: link
	HelpAddress     = "address"       // a postal or visiting address
	HelpHours       = "opening-hours" // opening or telephone hours
)

// HelpItem is one way to get help, found on a page.
type HelpItem struct {
	// Kind is one of the Help… constants.
	Kind string `json:"kind"`
	// Text is the link text or the matched text, trimmed. It is page content.
	Text string `json:"text"`
	// Href is the link target, for links.
	Href string `json:"href,omitempty"`
	// Region is the landmark the item sits in (Region… constants).
	Region string `json:"region"`
	// RegionIndex is the index of that landmark in PageFacts.Landmarks, -1
	// outside every landmark.
	RegionIndex int `json:"region_index"`
	// Order is the item's position among the page's help items (0-based).
	Order int `json:"order"`
	// Selector selects the element holding the item.
	Selector string `json:"selector"`
	// Node is that element; not encoded.
	Node *a11y.Node `json:"-"`
}

// StepIndicator is a page's indication of where the user is in a flow.
type StepIndicator struct {
	// Current and Total are the step numbers, 0 when unknown.
	Current int `json:"current"`
	Total   int `json:"total"`
	// Text is the indicator's text ("Steg 2 av 4"), trimmed; page content.
	Text string `json:"text"`
	// Selector selects the element holding the indicator.
	Selector string `json:"selector"`
}

// The kinds of Field, for information an authority may already hold or a
// user may be asked twice.
const (
	KindPersonalID = "personal-id" // personnummer, fødselsnummer, samordningsnummer, D-nummer
	KindName       = "name"        // full name
	KindGivenName  = "given-name"
	KindFamilyName = "family-name"
	KindAddress    = "address" // street address
	KindPostalCode = "postal-code"
	KindCity       = "city"
	KindBirthDate  = "birth-date"
	KindEmail      = "email"
	KindPhone      = "phone"
)

// Field is one question of a form.
type Field struct {
	// Label is the field's accessible name (for a group, the name of its
	// fieldset or group, else the shared name attribute). Page content.
	Label string `json:"label"`
	// Name and ID are the field's name and id attributes.
	Name string `json:"name,omitempty"`
	ID   string `json:"id,omitempty"`
	// Type is the input type ("text", "email", "date", "file"…), "select",
	// "textarea", "radio-group", "checkbox" or "checkbox-group".
	Type string `json:"type"`
	// Autocomplete is the autocomplete attribute, trimmed and lower case.
	Autocomplete string `json:"autocomplete,omitempty"`
	// Required is true when the field (or a member of the group) is
	// required or aria-required.
	Required bool `json:"required"`
	// Options is the number of choices of a select or group.
	Options int `json:"options,omitempty"`
	// Kind classifies what is asked (Kind… constants), from autocomplete,
	// then from the label, name and id; "" when unknown.
	Kind string `json:"kind,omitempty"`
	// Selector selects the field (the first member of a group).
	Selector string `json:"selector"`
	// Node is that element; not encoded.
	Node *a11y.Node `json:"-"`
}

// Facts computes the facts of a page. It never returns nil.
func Facts(doc *a11y.Document) *PageFacts {
	f := &PageFacts{Landmarks: []string{}, Help: []HelpItem{}, Fields: []Field{}}
	if doc == nil || doc.Root == nil {
		return f
	}
	f.URL = doc.URL
	f.Lang = DeclaredLang(doc)
	marks := landmarks(doc)
	for _, m := range marks {
		f.Landmarks = append(f.Landmarks, m.region)
	}
	f.Help = helpItems(doc, marks)
	f.OtherLanguages = otherLanguageLinks(doc)
	f.StepIndicator = stepIndicator(doc)
	f.Fields = fields(doc)
	return f
}

// landmark is one landmark region of a page.
type landmark struct {
	node   *a11y.Node
	region string
}

var landmarkRegions = map[string]string{
	"banner": RegionHeader, "navigation": RegionNav, "main": RegionMain, "complementary": RegionAside,
	"contentinfo": RegionFooter, "search": RegionSearch, "region": RegionOther, "form": RegionOther,
}

func landmarks(doc *a11y.Document) []landmark {
	var out []landmark
	for n := range doc.Elements() {
		if n.TreeRoot() != doc.Root || doc.Hidden(n) {
			continue
		}
		role := doc.Role(n)
		reg, ok := landmarkRegions[role]
		if !ok {
			continue
		}
		if (role == "region" || role == "form") && strings.TrimSpace(doc.Name(n)) == "" {
			continue
		}
		out = append(out, landmark{n, reg})
	}
	return out
}

// regionOf returns the innermost landmark around n and its index.
func regionOf(n *a11y.Node, marks []landmark) (string, int) {
	best, idx := RegionNone, -1
	for i, m := range marks {
		if m.node.Contains(n) {
			best, idx = m.region, i // later landmarks that contain n are nested deeper
		}
	}
	return best, idx
}

var (
	phoneIntl     = regexp.MustCompile(`(?:\+|00)(?:46|47|45|358|354)[\s-]?(?:\(0\)\s?)?\d{1,3}(?:[\s-]?\d{2,4}){2,4}`)
	phoneSwedish  = regexp.MustCompile(`(?:^|[^\d])(0\d{1,3}[\s-]\d{2,3}(?:\s?\d{2,3}){1,3})(?:$|[^\d])`)
	phoneNorway   = regexp.MustCompile(`(?:^|[^\d\s-])\s*(\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3})(?:$|[^\d])`)
	phoneKeyword  = regexp.MustCompile(`(?i)(?:^|[^\pL])(?:telefon|tel|tfn|tlf|ring oss på|ring oss|ring|phone|call us on|call us|call|växel|sentralbord|mobil)\pL*[\s.:]*(\+?\d[\d\s-]{4,16}\d)`)
	emailText     = regexp.MustCompile(`[\pL\pN._%+-]+@[\pL\pN.-]+\.\pL{2,}`)
	postcodeSE    = regexp.MustCompile(`(?:^|[^\d])\d{3} ?\d{2}\s+\p{Lu}\p{Ll}+`)
	postcodeNO    = regexp.MustCompile(`(?:^|[^\d])\d{4}\s+\p{Lu}{2,}(?:$|[^\pL])`)
	addressWord   = regexp.MustCompile(`(?i)(?:postadress|besöksadress|utdelningsadress|postadresse|besøksadresse|(?:adress|adresse|address)\s*:|vår adress|vår adresse|adressen vår|our address|postboks|p\.?o\.? box|box \d)`)
	hoursWord     = regexp.MustCompile(`(?i)(?:öppettider|telefontid|telefontider|åpningstid|åpningstider|telefontid|opening hours|office hours|öppet|åpent|open)`)
	hoursTime     = regexp.MustCompile(`(?i)(?:\d{1,2}[.:]\d{2}|kl(?:\.|ockan)?\s*\d{1,2}|\d{1,2}\s*[–-]\s*\d{1,2}|\d{1,2}\s*(?:am|pm))`)
	hoursHeading  = regexp.MustCompile(`(?i)^(?:öppettider|telefontider|åpningstider|opening hours)\b`)
	digitRun      = regexp.MustCompile(`\d`)
	contactPrefix = []string{"kontakt", "hjälp", "hjelp", "help", "contact", "kundtjänst", "kundcent", "kundesenter",
		"kundeservice", "servicecent", "servicesent", "support", "chat", "medborgarservice", "innbyggerservice"}
	selfHelpPhrases = []string{"vanliga frågor", "frågor och svar", "ofte stilte spørsmål", "spørsmål og svar",
		"faq", "frequently asked questions", "questions and answers"}
)

// contactKind classifies a link text: HelpContactLink, HelpSelfHelp or "".
func contactKind(text string) string {
	low := strings.ToLower(strings.Join(strings.Fields(text), " "))
	for _, ph := range selfHelpPhrases {
		if strings.Contains(low, ph) {
			return HelpSelfHelp
		}
	}
	for _, t := range tokenize(low) {
		for _, p := range contactPrefix {
			if strings.HasPrefix(t.lower, p) {
				return HelpContactLink
			}
		}
	}
	return ""
}

// exampleBefore matches text that introduces an example, at the end of
// the text before a number: a phone number in a format hint ("till
// exempel 0980-123 45") is not a way to get help.
var exampleBefore = regexp.MustCompile(`(?i)(?:exempel|eksempel|example|t\.ex\.?|f\.eks\.?|e\.g\.?|such as|som|like)[\s:,]*$`)

// findPhone returns a phone number in text that is not an example, or "".
func findPhone(text string) string {
	for _, re := range []*regexp.Regexp{phoneIntl, phoneKeyword, phoneSwedish, phoneNorway} {
		for _, m := range re.FindAllStringSubmatchIndex(text, 8) {
			start, end := m[0], m[1]
			if len(m) >= 4 && m[2] >= 0 {
				start, end = m[2], m[3] // the number, without its keyword
			}
			num := text[start:end]
			if len(digitRun.FindAllString(num, -1)) < 5 {
				continue
			}
			if exampleBefore.MatchString(text[max(0, start-30):start]) {
				continue
			}
			return strings.TrimSpace(num)
		}
	}
	return ""
}

// helpItems finds the ways to get help on the page, in document order.
func helpItems(doc *a11y.Document, marks []landmark) []HelpItem {
	var items []HelpItem
	seen := map[string]bool{}
	add := func(kind, text, href string, n *a11y.Node) {
		text = quote(text)
		if href == "" {
			// Text found in a block that holds a link of the same kind
			// (a tel: link's number) is that link.
			for _, it := range items {
				if it.Kind == kind && it.Href != "" && n.Contains(it.Node) {
					return
				}
			}
		}
		key := kind + "\x00" + strings.ToLower(text)
		if seen[key] {
			return
		}
		seen[key] = true
		reg, idx := regionOf(n, marks)
		items = append(items, HelpItem{Kind: kind, Text: text, Href: href, Region: reg, RegionIndex: idx, Selector: a11y.Selector(n), Node: n})
	}
	for e := range doc.Elements() {
		if e.TreeRoot() != doc.Root && e.ShadowHost() == nil || doc.Hidden(e) || doc.AriaHidden(e) {
			continue
		}
		switch {
		case e.Is(atom.A, atom.Area) && e.Has("href"):
			href := strings.TrimSpace(e.Get("href"))
			text := strings.TrimSpace(doc.Name(e))
			lowHref := strings.ToLower(href)
			switch {
			case strings.HasPrefix(lowHref, "tel:"):
				add(HelpPhone, text, href, e)
			case strings.HasPrefix(lowHref, "mailto:"):
				add(HelpEmail, text, href, e)
			default:
				if k := contactKind(text); k != "" {
					add(k, text, href, e)
				}
			}
		case e.Is(atom.Address):
			if t := strings.Join(strings.Fields(e.Text()), " "); t != "" {
				add(HelpAddress, t, "", e)
			}
		}
	}
	for _, b := range AllTextBlocks(doc) {
		// Phone numbers, addresses and times all have digits; most
		// paragraphs have none, and the patterns are not cheap.
		digits := strings.ContainsAny(b.Text, "0123456789")
		if digits {
			if ph := findPhone(b.Text); ph != "" {
				add(HelpPhone, ph, "", b.Node)
			}
			if postcodeSE.MatchString(b.Text) || postcodeNO.MatchString(b.Text) || addressWord.MatchString(b.Text) {
				add(HelpAddress, b.Text, "", b.Node)
			}
		}
		if strings.Contains(b.Text, "@") {
			if m := emailText.FindString(b.Text); m != "" {
				add(HelpEmail, m, "", b.Node)
			}
		}
		if hoursHeading.MatchString(b.Text) || digits && hoursWord.MatchString(b.Text) && hoursTime.MatchString(b.Text) {
			add(HelpHours, b.Text, "", b.Node)
		}
	}
	// Items come from two passes; put them in document order.
	sortByIndex(items)
	for i := range items {
		items[i].Order = i
	}
	return items
}

func sortByIndex(items []HelpItem) {
	sort.SliceStable(items, func(i, j int) bool { return items[i].Node.Index < items[j].Node.Index })
}

// otherLanguageWords match links to other languages, easy-to-read
// language or sign language (lower case).
var otherLanguageWords = regexp.MustCompile(`(?:^|[^\pL])(?:` +
	`andra språk|other languages|andre språk|andre språk|languages|language|språk|in english|english|på engelska|på engelsk|` +
	`suomeksi|suomi|العربية|عربي|soomaali|af soomaali|ትግርኛ|tigrinya|فارسی|دری|dari|kurdî|کوردی|polski|bosanski|` +
	`українська|русский|sámegiella|davvisámegiella|meänkieli|romani|romanes|türkçe|español|deutsch|français|` +
	`lättläst|lättläst svenska|lettlest|easy read|teckenspråk|tegnspråk|sign language|översätt|oversett|translate` +
	`)(?:$|[^\pL])`)

// otherLanguageLinks returns the texts of links to other languages.
func otherLanguageLinks(doc *a11y.Document) []string {
	var out []string
	page := baseLang(DeclaredLang(doc))
	for e := range doc.Elements(atom.A) {
		if !e.Has("href") || doc.Hidden(e) {
			continue
		}
		text := strings.TrimSpace(doc.Name(e))
		if text == "" {
			continue
		}
		other := otherLanguageWords.MatchString(strings.ToLower(text))
		if hl := baseLang(e.Get("hreflang")); hl != "" && hl != page {
			other = true
		}
		if l := baseLang(e.Get("lang")); l != "" && page != "" && l != page {
			other = true
		}
		if other {
			out = append(out, quote(text))
		}
	}
	return out
}

var stepPattern = regexp.MustCompile(`(?i)(?:^|[^\pL])(?:steg|trinn|steg|step|sida|side|page|del|part)\s+(\d{1,2})\s*(?:av|of|/|\()\s*(\d{1,2})`)

// stepIndicator finds a step indicator: text like "Steg 2 av 4", an element
// with aria-current="step", or a <progress> element.
func stepIndicator(doc *a11y.Document) *StepIndicator {
	for _, b := range AllTextBlocks(doc) {
		if m := stepPattern.FindStringSubmatch(b.Text); m != nil {
			cur, _ := strconv.Atoi(m[1])
			tot, _ := strconv.Atoi(m[2])
			if cur >= 1 && tot >= cur {
				return &StepIndicator{Current: cur, Total: tot, Text: quote(b.Text), Selector: a11y.Selector(b.Node)}
			}
		}
	}
	for e := range doc.Elements() {
		if doc.Hidden(e) {
			continue
		}
		if strings.EqualFold(strings.TrimSpace(e.Get("aria-current")), "step") {
			si := &StepIndicator{Text: quote(e.Text()), Selector: a11y.Selector(e)}
			if e.Parent != nil {
				i := 0
				for s := range e.Parent.ElementChildren() {
					i++
					if s == e {
						si.Current = i
					}
				}
				si.Total = i
			}
			return si
		}
		if e.Is(atom.Progress) {
			return &StepIndicator{Text: quote(e.Text()), Selector: a11y.Selector(e)}
		}
	}
	return nil
}

// fieldKinds classify a field by words of its label, name or id (lower
// case). The first list that matches wins.
var fieldKinds = []struct {
	kind  string
	words *regexp.Regexp
}{
	{KindPersonalID, regexp.MustCompile(`personnummer|personnr|samordningsnummer|fødselsnummer|fodselsnummer|f-nr|d-nummer|national identity|personal identity|social security|(?:^|[^\pL])(?:pnr|fnr)(?:$|[^\pL])`)},
	{KindBirthDate, regexp.MustCompile(`födelsedatum|födelsedag|fødselsdato|date of birth|birth ?date|(?:^|[^\pL])(?:bday|dob)(?:$|[^\pL])`)},
	{KindGivenName, regexp.MustCompile(`förnamn|fornavn|first ?name|given ?name|tilltalsnamn`)},
	{KindFamilyName, regexp.MustCompile(`efternamn|etternavn|last ?name|surname|family ?name`)},
	{KindPostalCode, regexp.MustCompile(`postnummer|postnr|post ?code|postal ?code|zip`)},
	{KindCity, regexp.MustCompile(`(?:^|[^\pL])(?:ort|postort|poststed|stad|city|town)(?:$|[^\pL])`)},
	// before the address: "E-postadress" and "e-mail address" ask for e-mail
	{KindEmail, regexp.MustCompile(`e-post|epost|e-mail|email`)},
	{KindAddress, regexp.MustCompile(`adress|adresse|address|street`)},
	{KindPhone, regexp.MustCompile(`telefon|mobil|(?:^|[^\pL])(?:tlf|tel)(?:$|[^\pL])|phone`)},
	{KindName, regexp.MustCompile(`^(?:ditt |ditt fullständiga |för- och )?(?:namn|efternamn)$|^(?:ditt |fullt |for- og etter)?navn$|^(?:your |full )?name$|^(?:full_?name|fullname)$`)},
}

// autocompleteKinds maps autocomplete field names to kinds.
var autocompleteKinds = map[string]string{
	"name": KindName, "given-name": KindGivenName, "family-name": KindFamilyName, "additional-name": KindName,
	"street-address": KindAddress, "address-line1": KindAddress, "address-line2": KindAddress,
	"address-line3": KindAddress, "postal-code": KindPostalCode, "address-level2": KindCity,
	"email": KindEmail, "tel": KindPhone, "tel-national": KindPhone, "tel-local": KindPhone,
	"bday": KindBirthDate,
}

// classify returns the kind of a field.
func classify(label, name, id, autocomplete string) string {
	for _, tok := range strings.Fields(autocomplete) {
		if k, ok := autocompleteKinds[tok]; ok {
			return k
		}
	}
	for _, s := range []string{label, name, id} {
		s = strings.ToLower(strings.TrimSpace(s))
		if s == "" {
			continue
		}
		for _, fk := range fieldKinds {
			if fk.words.MatchString(s) {
				return fk.kind
			}
		}
	}
	return ""
}

// skipInputTypes are input types that ask nothing.
var skipInputTypes = map[string]bool{"hidden": true, "submit": true, "button": true, "reset": true, "image": true}

// fields lists the questions of a page.
func fields(doc *a11y.Document) []Field {
	out := []Field{}
	groups := map[string]int{} // "radio|form|name" → index in out
	for e := range doc.Elements(atom.Input, atom.Select, atom.Textarea) {
		if doc.Hidden(e) {
			continue
		}
		typ := e.DataAtom.String()
		if e.DataAtom == atom.Input {
			typ = strings.ToLower(strings.TrimSpace(e.Get("type")))
			if typ == "" {
				typ = "text"
			}
			if skipInputTypes[typ] {
				continue
			}
		}
		required := e.Has("required") || strings.EqualFold(strings.TrimSpace(e.Get("aria-required")), "true")
		name := e.Get("name")
		if (typ == "radio" || typ == "checkbox") && name != "" {
			key := typ + "\x00" + formOf(e) + "\x00" + name
			if i, ok := groups[key]; ok {
				g := &out[i]
				g.Options++
				g.Type = typ + "-group"
				g.Required = g.Required || required
				if gl := groupLabel(doc, e); gl != "" {
					g.Label = gl
				}
				continue
			}
			groups[key] = len(out)
		}
		f := Field{
			Label:        quote(doc.Name(e)),
			Name:         name,
			ID:           e.Get("id"),
			Type:         typ,
			Autocomplete: strings.ToLower(strings.TrimSpace(e.Get("autocomplete"))),
			Required:     required,
			Selector:     a11y.Selector(e),
			Node:         e,
		}
		switch typ {
		case "radio":
			f.Type, f.Options = "radio-group", 1
			if gl := groupLabel(doc, e); gl != "" {
				f.Label = gl
			}
		case "checkbox":
			f.Options = 1
		case "select":
			f.Options = selectOptions(e)
		}
		out = append(out, f)
	}
	for i := range out {
		f := &out[i]
		f.Kind = classify(f.Label, f.Name, f.ID, f.Autocomplete)
	}
	return out
}

// formOf returns an identity of the form a control belongs to.
func formOf(e *a11y.Node) string {
	if id := e.Get("form"); id != "" {
		return "#" + id
	}
	if f := e.Closest(func(n *a11y.Node) bool { return n.Is(atom.Form) }); f != nil {
		return strconv.Itoa(f.Index)
	}
	return ""
}

// groupLabel returns the name of the fieldset or group around a radio
// button or checkbox, or "".
func groupLabel(doc *a11y.Document, e *a11y.Node) string {
	g := e.ClosestFlat(func(n *a11y.Node) bool {
		if n == e {
			return false
		}
		if n.Is(atom.Fieldset) {
			return true
		}
		r := doc.ExplicitRole(n)
		return r == "radiogroup" || r == "group"
	})
	if g == nil {
		return ""
	}
	return quote(doc.Name(g))
}

// selectOptions counts the choices of a <select>: options that are not
// disabled and not an empty placeholder.
func selectOptions(sel *a11y.Node) int {
	n := 0
	walkFlat(sel, func(m *a11y.Node) bool {
		if m.Is(atom.Option) && !m.Has("disabled") {
			v, hasValue := m.AttrValue("value")
			if !(hasValue && strings.TrimSpace(v) == "") {
				n++
			}
		}
		return true
	})
	return n
}
