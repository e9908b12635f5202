package rules

import (
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// AutocompletePersonal: a field that asks for the user's own details (name,
// e-mail, phone, address, postcode, town, date of birth…) says so with the
// matching autocomplete value. Browsers can then fill it in, and assistive
// tools can show a familiar icon or word; this helps people with motor,
// memory, language or reading difficulties, who otherwise type the same
// details on every page of every e-service.
//
// Targets are text-like inputs, selects and textareas whose label (or
// aria-label, placeholder, title, name or id) names one of those details,
// in Swedish, Norwegian or English. A field passes with a fitting token. It
// fails without one when its label or accessible name names the detail; when
// only its name or id attribute does, or when the label, the group's legend
// or the heading before it mentions another person (a child, a partner, a
// contact person…), the rule asks instead (cantTell). Personal identity
// numbers have no autocomplete value and are not checked. Invalid values are
// left to autocomplete-valid.
var AutocompletePersonal = &a11y.Rule{
	ID:       "autocomplete-personal",
	WCAG:     []string{"1.3.5"},
	EN301549: []string{"9.1.3.5"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{autocompletePersonalMatches, autocompletePersonalMissing, autocompletePersonalMissingMaybe,
		autocompletePersonalOtherPerson, autocompletePersonalDifferent},
	Tags:  []string{"forms", "autocomplete"},
	Since: "0.1.0",
	Run:   runAutocompletePersonal,
}

const (
	autocompletePersonalMatches      a11y.Msg = "autocomplete-personal.matches"
	autocompletePersonalMissing      a11y.Msg = "autocomplete-personal.missing"
	autocompletePersonalMissingMaybe a11y.Msg = "autocomplete-personal.missing-maybe"
	autocompletePersonalOtherPerson  a11y.Msg = "autocomplete-personal.other-person"
	autocompletePersonalDifferent    a11y.Msg = "autocomplete-personal.different-token"
)

// Questions of autocomplete-personal.
const (
	questionOwnData   = "autocomplete-personal.own-data"
	questionRightKind = "autocomplete-personal.right-token"
)

// inputPurpose is one detail about the user a field can ask for.
type inputPurpose struct {
	token  string   // the autocomplete value to suggest
	accept []string // the field names that fit
	words  []string // label phrases (lower case, whole words)
	exact  []string // labels that name it only when they are the whole label
	attrs  []string // name or id values, lower case without separators
}

// inputPurposes are tried in order: the more specific first.
var inputPurposes = []inputPurpose{
	{token: "email", accept: []string{"email"},
		words: []string{"e-post", "epost", "e-postadress", "epostadress", "e-postadresse", "epostadresse", "e-mail", "email", "e-mailadress", "mejl", "mejladress", "mail", "mailadress", "email address", "e-mail address"},
		attrs: []string{"email", "epost", "mail", "emailaddress", "epostadress", "epostadresse", "mejl"}},
	{token: "given-name", accept: []string{"given-name"},
		words: []string{"förnamn", "tilltalsnamn", "fornavn", "first name", "given name", "forename"},
		attrs: []string{"fornamn", "förnamn", "firstname", "fname", "givenname", "fornavn", "forename"}},
	{token: "family-name", accept: []string{"family-name"},
		words: []string{"efternamn", "etternavn", "last name", "surname", "family name"},
		attrs: []string{"efternamn", "lastname", "lname", "surname", "familyname", "etternavn"}},
	{token: "name", accept: []string{"name"},
		exact: []string{"namn", "ditt namn", "fullständigt namn", "för- och efternamn", "navn", "ditt navn", "fullt navn", "fornavn og etternavn", "name", "full name", "your name"},
		attrs: []string{"fullname", "namn", "navn", "yourname"}},
	{token: "tel", accept: []string{"tel", "tel-national"},
		words: []string{"telefon", "telefonnummer", "telefonnr", "tel", "mobil", "mobilnummer", "mobilnr", "mobiltelefon", "mobiltelefonnummer", "tlf", "phone", "phone number", "telephone", "telephone number", "mobile", "mobile number"},
		attrs: []string{"telefon", "telefonnummer", "tel", "phone", "phonenumber", "mobil", "mobile", "mobilnummer", "tlf", "telephone"}},
	{token: "postal-code", accept: []string{"postal-code"},
		words: []string{"postnummer", "postnr", "post code", "postcode", "postal code", "zip", "zip code"},
		attrs: []string{"postnummer", "postnr", "postcode", "postalcode", "zip", "zipcode"}},
	{token: "address-level2", accept: []string{"address-level2"},
		words: []string{"ort", "postort", "poststed", "city", "town"},
		attrs: []string{"ort", "postort", "poststed", "city", "town"}},
	{token: "street-address", accept: []string{"street-address", "address-line1", "address-line2", "address-line3"},
		words: []string{"adress", "gatuadress", "utdelningsadress", "postadress", "hemadress", "bostadsadress", "folkbokföringsadress", "leveransadress", "fakturaadress", "adresse", "gateadresse", "postadresse", "hjemmeadresse", "street address", "address", "home address", "postal address"},
		attrs: []string{"adress", "gatuadress", "address", "street", "streetaddress", "adresse", "gateadresse", "address1", "addressline1", "postadress"}},
	{token: "country-name", accept: []string{"country", "country-name"},
		words: []string{"land", "country", "country of residence"},
		attrs: []string{"land", "country", "countryname"}},
	{token: "bday", accept: []string{"bday", "bday-day", "bday-month", "bday-year"},
		words: []string{"födelsedatum", "födelsedag", "fødselsdato", "date of birth", "birth date", "birthday"},
		attrs: []string{"fodelsedatum", "födelsedatum", "birthdate", "dateofbirth", "dob", "birthday", "bday", "fodselsdato"}},
	{token: "username", accept: []string{"username", "email"},
		words: []string{"användarnamn", "brukernavn", "username", "user name"},
		attrs: []string{"anvandarnamn", "användarnamn", "username", "brukernavn", "login"}},
	{token: "current-password", accept: []string{"current-password", "new-password"},
		words: []string{"lösenord", "passord", "password"},
		attrs: []string{"password", "losenord", "lösenord", "passord", "pwd"}},
	{token: "organization", accept: []string{"organization"},
		words: []string{"företag", "företagsnamn", "företagets namn", "organisation", "organisationens namn", "organisationsnamn", "bedrift", "bedriftens navn", "firmanavn", "company", "company name", "organization", "organisation name"},
		attrs: []string{"foretag", "företag", "company", "companyname", "organization", "organisation", "bedrift"}},
}

// otherPersonWords show that a field asks about someone other than the user.
var otherPersonWords = []string{
	"barn", "barnet", "barnets", "barnens", "elev", "elevens", "make", "maka", "makes", "makas", "maken", "makens", "makan", "makans",
	"partner", "partnerns", "sambo", "sambons", "vårdnadshavare", "vårdnadshavaren", "vårdnadshavarens", "förälder", "förälderns",
	"föräldrar", "ombud", "ombudet", "ombudets", "kontaktperson", "kontaktpersonens", "anhörig", "anhörigs", "närstående",
	"referensperson", "mottagare", "mottagaren", "mottagarens", "arbetsgivare", "arbetsgivarens", "hyresvärd", "god man",
	"medsökande", "medsökandes", "fullmaktshavare",
	"ektefelle", "ektefellen", "ektefellens", "samboer", "samboeren", "samboerens", "foresatt", "foresatte", "forelder",
	"verge", "vergen", "fullmektig", "pårørende", "mottaker", "mottakeren", "mottakerens", "arbeidsgiver", "arbeidsgiverens",
	"utleier", "medsøker",
	"child", "child's", "children", "spouse", "spouse's", "partner's", "guardian", "parent", "parent's", "contact person",
	"emergency contact", "recipient", "recipient's", "employer", "employer's", "landlord", "representative", "co-applicant",
	"next of kin", "reference",
}

// excludedAttrWords keep name/id matches from firing on identity numbers and searches.
var excludedAttrWords = []string{"personnummer", "fodselsnummer", "organisationsnummer", "orgnr", "search", "sok"}

func runAutocompletePersonal(p *a11y.Pass) error {
	css := newAuthorStyles(p.Doc)
	headingBefore := map[*a11y.Node]*a11y.Node{}
	last := map[*a11y.Node]*a11y.Node{}
	for n := range p.Elements() {
		doc := docRootOf(n)
		if _, ok := headingLevelOf(p, n); ok {
			last[doc] = n
		}
		if n.Is(atom.Input, atom.Select, atom.Textarea) {
			headingBefore[n] = last[doc]
		}
	}
	for n := range p.Elements(atom.Input, atom.Select, atom.Textarea) {
		if n.Is(atom.Input) {
			switch inputKind(n) {
			case "text", "email", "tel", "url", "password", "number", "date":
			default:
				continue
			}
		}
		if disabledElement(n) || n.Has("readonly") {
			continue
		}
		shown := shownField(p, css, n)
		if shown == visNo {
			continue
		}
		label, _ := visibleLabelText(p, css, n)
		purpose, strong := detectPurpose(p, n, label)
		if purpose == nil {
			continue
		}
		toks := strings.Fields(strings.ToLower(n.Get("autocomplete")))
		field, valid := autocompleteField(toks)
		if len(toks) > 0 && !valid && !(len(toks) == 1 && (toks[0] == "on" || toks[0] == "off")) {
			continue // autocomplete-valid reports invalid values
		}
		data := a11y.Data{"label": excerpt(label), "token": purpose.token}
		if label == "" {
			data["label"] = excerpt(p.Name(n))
		}
		switch {
		case valid && hasString(purpose.accept, field):
			p.Pass(n, autocompletePersonalMatches, data)
		case otherPerson(p, n, label, headingBefore[n]):
			p.CantTell(n, autocompletePersonalOtherPerson, data, a11y.Ask(questionOwnData))
		case valid:
			data["value"] = excerpt(field)
			p.CantTell(n, autocompletePersonalDifferent, data, a11y.Ask(questionRightKind))
		case strong && shown == visYes:
			p.Fail(n, autocompletePersonalMissing, data)
		default:
			p.CantTell(n, autocompletePersonalMissingMaybe, data, a11y.Ask(questionOwnData))
		}
	}
	return nil
}

// autocompleteField returns the field name of valid autocomplete tokens.
func autocompleteField(toks []string) (string, bool) {
	if len(toks) == 0 || !validAutocomplete(toks) {
		return "", false
	}
	for _, t := range toks {
		if autofillFields[t] || autofillContactFields[t] {
			return t, true
		}
	}
	return "", false
}

// cleanLabel drops required and optional marks from a label, for exact matches.
func cleanLabel(s string) string {
	s = normalizeText(s)
	if i := strings.IndexByte(s, '('); i > 0 {
		s = s[:i]
	}
	s = labelMarks.Replace(s)
	for _, w := range requiredWords {
		s = strings.ReplaceAll(s, w, "")
	}
	for _, w := range optionalWords {
		s = strings.ReplaceAll(s, w, "")
	}
	return strings.Join(strings.Fields(s), " ")
}

// purposeTexts memoises, per document, what detectPurpose reads in a text:
// forms repeat their labels and placeholders (one block per person, per
// room, per year), and the word lists are long.
type purposeTexts struct {
	clean map[string]string    // cleanLabel
	words map[string]textWords // wordsIn
}

// textWords is what a normalised text says: whether it names an identity
// number or a search, and the first purpose whose words it holds (-1: none).
type textWords struct {
	excluded bool
	first    int
}

// purposeTextsKey keys a document's purposeTexts in a11y.Document.Memo.
type purposeTextsKey struct{}

func purposeTextsOf(p *a11y.Pass) *purposeTexts {
	return p.Doc.Memo(purposeTextsKey{}, func() any {
		return &purposeTexts{clean: map[string]string{}, words: map[string]textWords{}}
	}).(*purposeTexts)
}

func (t *purposeTexts) cleanLabel(s string) string {
	if c, ok := t.clean[s]; ok {
		return c
	}
	c := cleanLabel(s)
	t.clean[s] = c
	return c
}

func (t *purposeTexts) wordsIn(text string) textWords {
	if w, ok := t.words[text]; ok {
		return w
	}
	w := textWords{first: -1}
	w.excluded = anyWord(text, []string{"personnummer", "fødselsnummer", "organisationsnummer", "organisasjonsnummer", "sök", "søk", "search"})
	for i := range inputPurposes {
		if anyWord(text, inputPurposes[i].words) {
			w.first = i
			break
		}
	}
	t.words[text] = w
	return w
}

// detectPurpose finds the detail a field asks for: from its visible label or
// its accessible name (strong: what the field says it asks for), else its
// placeholder, title, name or id (weak).
func detectPurpose(p *a11y.Pass, n *a11y.Node, label string) (*inputPurpose, bool) {
	texts := purposeTextsOf(p)
	strongText := normalizeText(label + " " + p.Name(n))
	strong := texts.wordsIn(strongText)
	if strong.excluded {
		return nil, false
	}
	exact := texts.cleanLabel(label)
	if exact == "" {
		exact = texts.cleanLabel(p.Name(n))
	}
	for i := range inputPurposes {
		ip := &inputPurposes[i]
		if i == strong.first || hasString(ip.exact, exact) {
			return ip, true
		}
	}
	weakText := normalizeText(n.Get("placeholder") + " " + n.Get("title") + " " + n.Get("aria-label"))
	attrs := []string{attrKey(n.Get("name")), attrKey(n.ID())}
	for _, a := range attrs {
		for _, x := range excludedAttrWords {
			if strings.Contains(a, x) {
				return nil, false
			}
		}
	}
	weak := texts.wordsIn(weakText).first
	for i := range inputPurposes {
		ip := &inputPurposes[i]
		if i == weak {
			return ip, false
		}
		for _, a := range attrs {
			if a != "" && hasString(ip.attrs, a) {
				return ip, false
			}
		}
	}
	return nil, false
}

// attrKey lower-cases a name or id and drops separators and a trailing
// bracket pair ("first_name", "firstName", "person[email]" → "firstname",
// "firstname", "email").
func attrKey(s string) string {
	s = strings.ToLower(s)
	if i := strings.LastIndexByte(s, '['); i >= 0 && strings.HasSuffix(s, "]") {
		if inner := s[i+1 : len(s)-1]; inner != "" {
			s = inner
		}
	}
	return attrSeparators.Replace(s)
}

var (
	attrSeparators = strings.NewReplacer("_", "", "-", "", ".", "", " ", "")
	labelMarks     = strings.NewReplacer("*", "", ":", "")
	wordSeparators = strings.NewReplacer("_", " ", "-", " ")
)

// otherPerson reports whether the field's label, aria-label, the legends of
// its groups or the heading before it mention someone other than the user.
func otherPerson(p *a11y.Pass, n *a11y.Node, label string, heading *a11y.Node) bool {
	parts := []string{label, n.Get("aria-label"), n.Get("name"), n.ID()}
	for g := groupContainer(p, n); g != nil; g = groupContainer(p, g) {
		parts = append(parts, groupLegend(p, g))
	}
	if heading != nil {
		parts = append(parts, heading.Text())
	}
	text := normalizeText(strings.Join(parts, " ; "))
	text = wordSeparators.Replace(text)
	return anyWord(text, otherPersonWords)
}
