package guidance

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// FlowRedundantEntry: what a person has already entered is not asked for
// again (WCAG 3.3.7 Redundant Entry). Typing a personal identity number or
// an address a second time costs effort and memory, and mistakes; people
// with cognitive disabilities or motor impairments pay most.
//
// The rule compares the questions of each step (PageFacts.Fields, without
// site search boxes) with those of the earlier steps. A later question asks
// for the same thing when it has
//
//   - the same kind (personal identity number, name, address, postal code,
//     city, date of birth, e-mail, phone — see Field.Kind; a full name
//     matches a given or family name), or
//   - the same autocomplete token, or
//   - the same name attribute, type and label,
//
// and both are about the same person: when the label, the fieldset legends
// or the nearest heading before a field name someone else ("barnets",
// "ombud", "arbeidsgiver", "child", "billing"), the two must name the same.
//
// Such a question fails when it arrives empty (the live value in a browser,
// the value attribute, the text of a textarea or the selected option in
// static HTML) and the earlier one was required (the required or
// aria-required attribute, an asterisk at the end of its label, or words
// such as "obligatoriskt", "påkrevd", "required"); it is cantTell when the
// earlier one was optional (the person may have left it empty), or when the
// later one is a list or group to choose from (the earlier answer may be
// offered there), and it passes when it arrives filled in. A page offering
// to reuse an earlier answer ("Samma adress som ovan", "Same as") passes
// address questions. Passwords, one-time codes and confirmation fields
// ("Bekräfta e-post", "Gjenta passord") are exempt: WCAG allows asking again
// for security. A step that shows the same form as an earlier one (the same
// questions again, after an error or on the way back) is not compared with
// it, nor is a field with the same name at the same address (the same
// field shown again with an error message); questions that cannot be
// edited (readonly, disabled) are not asked. A flow with questions on at least two steps and none asked again
// passes once.
var FlowRedundantEntry = &a11y.Rule{
	ID:       "flow-redundant-entry",
	WCAG:     []string{"3.3.7"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeFlow,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{entryPrefilled, entryAskedAgain, entryMaybeAgain, entryNoneAgain},
	Tags:     []string{"forms", "process"},
	Since:    flowSince,
	RunFlow:  runRedundantEntry,
}

const (
	entryPrefilled  a11y.Msg = "flow-redundant-entry.prefilled"
	entryAskedAgain a11y.Msg = "flow-redundant-entry.asked-again"
	entryMaybeAgain a11y.Msg = "flow-redundant-entry.maybe-again"
	entryNoneAgain  a11y.Msg = "flow-redundant-entry.none-again"
)

// questionEnteredBefore asks whether a person must type an earlier answer again.
const questionEnteredBefore = "flow-redundant-entry.entered-before"

// question is a field of a step as the rule compares it.
type question struct {
	Field
	page     int
	subjects []string // who or what the field is about, when not the user
	value    string   // the value on arrival
	hasValue bool     // whether the field arrived filled in
}

var (
	// confirmWords mark a field that asks for a value again on purpose.
	confirmWords = regexp.MustCompile(`(?:^|[^\pL])(?:bekräfta|upprepa|repetera|bekreft|gjenta|gjengi|confirm|repeat|re-enter|retype|verify)`)
	// secretWords mark passwords and one-time codes.
	secretWords = regexp.MustCompile(`lösenord|passord|password|passphrase|pin-?kod|pin-?kode|engångskod|engangskode|one-time|verification code|verifieringskod|bekräftelsekod|säkerhetskod|sikkerhetskode|otp`)
	// reuseWords mark a control that copies an earlier answer.
	reuseWords = regexp.MustCompile(`samma (?:\pL+ )?som|samme (?:\pL+ )?som|same (?:\pL+ )?as|använd (?:min|samma)|bruk (?:min|samme)|use (?:my|the same)`)
	// subjectWords name someone or something other than the person filling
	// in the form (lower case, matched on whole words).
	subjectWords = map[string]string{
		// sv
		"barn": "child", "barnet": "child", "barnets": "child", "barnen": "child", "barnens": "child",
		"ombud": "agent", "ombudet": "agent", "ombudets": "agent", "fullmaktshavare": "agent",
		"make": "spouse", "maka": "spouse", "makes": "spouse", "makas": "spouse", "maken": "spouse", "makan": "spouse",
		"sambo": "spouse", "sambon": "spouse", "sambons": "spouse", "partner": "spouse", "partnerns": "spouse",
		"medsökande": "co-applicant", "vårdnadshavare": "guardian", "förälder": "guardian", "förälderns": "guardian",
		"god man": "guardian", "förvaltare": "guardian", "kontaktperson": "contact", "kontaktpersonens": "contact",
		"anhörig": "relative", "anhörigs": "relative", "närstående": "relative",
		"arbetsgivare": "employer", "arbetsgivarens": "employer", "företag": "company", "företagets": "company",
		"organisation": "company", "organisationens": "company", "förening": "company", "föreningens": "company",
		"läkare": "doctor", "läkarens": "doctor", "hyresvärd": "landlord", "hyresvärdens": "landlord",
		"mottagare": "recipient", "mottagarens": "recipient", "faktura": "billing", "fakturaadress": "billing",
		"leverans": "delivery", "leveransadress": "delivery",
		// nb
		"barnas": "child", "ektefelle": "spouse", "ektefellens": "spouse", "samboer": "spouse",
		"verge": "guardian", "vergens": "guardian", "foresatt": "guardian", "foresatte": "guardian", "forelder": "guardian",
		"fullmektig": "agent", "fullmektigens": "agent", "pårørende": "relative",
		"arbeidsgiver": "employer", "arbeidsgivers": "employer", "arbeidsgiverens": "employer",
		"foretak": "company", "foretaket": "company", "foretakets": "company", "bedrift": "company", "bedriftens": "company",
		"lege": "doctor", "legens": "doctor", "utleier": "landlord", "mottaker": "recipient", "mottakers": "recipient",
		"fakturaadresse": "billing", "leveringsadresse": "delivery", "medsøker": "co-applicant",
		// en
		"child": "child", "child's": "child", "children's": "child", "spouse": "spouse", "spouse's": "spouse",
		"partner's": "spouse", "guardian": "guardian", "guardian's": "guardian", "parent": "guardian", "parent's": "guardian",
		"agent": "agent", "agent's": "agent", "representative": "agent", "proxy": "agent",
		"employer": "employer", "employer's": "employer", "company": "company", "company's": "company",
		"organization": "company", "organisation's": "company", "doctor": "doctor", "doctor's": "doctor",
		"landlord": "landlord", "recipient": "recipient", "recipient's": "recipient", "co-applicant": "co-applicant",
		"billing": "billing", "shipping": "delivery", "delivery": "delivery", "emergency": "contact", "kin": "relative",
	}
)

// kindGroup maps field kinds that ask the same thing in parts: a full name
// holds a given and a family name.
func kindsMatch(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	names := func(k string) bool { return k == KindName || k == KindGivenName || k == KindFamilyName }
	return names(a) && names(b) && (a == KindName || b == KindName)
}

// autocompleteToken returns the field-name token of an autocomplete value
// ("shipping street-address" → "street-address"), "" for on, off and none.
func autocompleteToken(ac string) string {
	f := strings.Fields(strings.ToLower(ac))
	for i := len(f) - 1; i >= 0; i-- {
		t := f[i]
		switch {
		case t == "on" || t == "off" || t == "webauthn":
			return ""
		case t == "home" || t == "work" || t == "mobile" || t == "fax" || t == "pager" ||
			t == "shipping" || t == "billing" || strings.HasPrefix(t, "section-"):
			continue
		}
		return t
	}
	return ""
}

func runRedundantEntry(p *a11y.FlowPass) error {
	facts := flowPageFacts(p.Pages)
	qs := make([][]question, len(p.Pages))
	sig := make([]string, len(p.Pages))
	addr := make([]string, len(p.Pages))
	reuse := make([]bool, len(p.Pages))
	formSteps := 0
	for i := range p.Pages {
		doc := flowDoc(p.Pages, i)
		if doc == nil {
			continue
		}
		addr[i] = pageAddress(p.Pages[i].URL, doc.URL)
		qs[i] = questions(doc, i, formFieldsOf(doc, facts[i]))
		sig[i] = questionSignature(qs[i])
		reuse[i] = offersReuse(doc)
		if len(qs[i]) > 0 {
			formSteps++
		}
	}
	if formSteps < 2 {
		return nil
	}
	repeated := false
	for b := range p.Pages {
		for _, later := range qs[b] {
			earlier, ok := askedBefore(qs, sig, addr, b, later)
			if !ok {
				continue
			}
			repeated = true
			d := a11y.Data{
				"field": later.Label, "step": stepName(p.Pages, b),
				"previous_field": earlier.Label, "previous": stepName(p.Pages, earlier.page),
			}
			if later.Label == "" {
				d["field"] = later.Name
			}
			if earlier.Label == "" {
				d["previous_field"] = earlier.Name
			}
			switch {
			case later.hasValue:
				p.Pass(b, later.Node, entryPrefilled, d)
			case reuse[b] && addressKind(later.Kind):
				p.Pass(b, later.Node, entryPrefilled, d)
			case !earlier.Required && !markedRequired(earlier.Label) || later.Type == "select" || strings.HasSuffix(later.Type, "-group"):
				p.CantTell(b, later.Node, entryMaybeAgain, d, a11y.Ask(questionEnteredBefore))
			default:
				p.Fail(b, later.Node, entryAskedAgain, d)
			}
		}
	}
	if !repeated {
		var steps []string
		last := -1
		for i := range qs {
			if len(qs[i]) > 0 {
				steps = append(steps, stepName(p.Pages, i))
				last = i
			}
		}
		p.Pass(last, nil, entryNoneAgain, a11y.Data{"steps": joinNames(steps), "count": len(steps)})
	}
	return nil
}

// requiredMarks are the words that mark a label as required.
var requiredMarks = regexp.MustCompile(`obligatorisk|måste fyllas i|måste anges|påkrevd|må fylles ut|må oppgis|required|mandatory`)

// markedRequired reports whether a label says its field is required: it
// ends with an asterisk or says so in words.
func markedRequired(label string) bool {
	l := strings.ToLower(strings.TrimSpace(label))
	if strings.HasSuffix(l, "*") || strings.Contains(l, " * ") || strings.Contains(l, "*)") {
		return true
	}
	if strings.Contains(l, "frivillig") || strings.Contains(l, "valfri") || strings.Contains(l, "optional") {
		return false
	}
	return requiredMarks.MatchString(l)
}

// addressKind reports whether a kind is part of a postal address.
func addressKind(k string) bool {
	return k == KindAddress || k == KindPostalCode || k == KindCity
}

// askedBefore returns the question of an earlier step that q asks again.
// A field of the same name at the same address is the same field shown
// again (after an error, or audited twice), not a new question.
func askedBefore(qs [][]question, sig, addr []string, b int, q question) (question, bool) {
	for a := b - 1; a >= 0; a-- {
		if sig[a] != "" && sig[a] == sig[b] {
			continue // the same form shown again
		}
		for _, e := range qs[a] {
			if addr[a] != "" && addr[a] == addr[b] && e.Name != "" && e.Name == q.Name {
				continue
			}
			if sameQuestion(e, q) {
				return e, true
			}
		}
	}
	return question{}, false
}

// pageAddress returns a page's address without query and fragment, "" when
// it has none.
func pageAddress(urls ...string) string {
	for _, s := range urls {
		if u, err := url.Parse(strings.TrimSpace(s)); err == nil && s != "" {
			u.RawQuery, u.Fragment, u.RawFragment = "", "", ""
			return u.String()
		}
	}
	return ""
}

// sameQuestion reports whether two fields ask for the same information
// about the same person.
func sameQuestion(a, b question) bool {
	if !slices.Equal(a.subjects, b.subjects) {
		return false
	}
	switch {
	case kindsMatch(a.Kind, b.Kind):
		return true
	case a.Kind != "" && b.Kind != "":
		return false
	}
	if ta, tb := autocompleteToken(a.Autocomplete), autocompleteToken(b.Autocomplete); ta != "" && ta == tb {
		return true
	}
	return a.Name != "" && a.Name == b.Name && a.Type == b.Type && normText(a.Label) != "" && normText(a.Label) == normText(b.Label)
}

// askedTypes are the field types whose answers a person types or picks
// and could be asked again.
var askedTypes = map[string]bool{
	"text": true, "email": true, "tel": true, "number": true, "date": true, "url": true, "month": true,
	"textarea": true, "select": true, "radio-group": true,
}

// questions turns a page's fields into the questions the rule compares.
func questions(doc *a11y.Document, page int, fields []Field) []question {
	var out []question
	var headings []*a11y.Node
	for h := range doc.Elements(atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6) {
		if flowVisible(doc, h) {
			headings = append(headings, h)
		}
	}
	for _, f := range fields {
		if f.Node == nil || f.Node.Document() != doc || !askedTypes[f.Type] {
			continue
		}
		n := f.Node
		if n.Has("readonly") || n.Has("disabled") || strings.EqualFold(strings.TrimSpace(n.Get("aria-readonly")), "true") {
			continue
		}
		low := strings.ToLower(f.Label + " " + f.Name + " " + f.ID)
		if confirmWords.MatchString(low) || secretWords.MatchString(low) || strings.Contains(f.Autocomplete, "password") ||
			strings.Contains(f.Autocomplete, "one-time-code") {
			continue
		}
		q := question{Field: f, page: page}
		q.Kind = questionKind(f)
		q.value, q.hasValue = arrivalValue(doc, f)
		q.subjects = subjectsOf(fieldContext(doc, n, f.Label, headings))
		out = append(out, q)
	}
	return out
}

// questionKind returns what a field asks for: the input type says e-mail
// or phone before the words of its label do ("E-postadress" is no postal
// address).
func questionKind(f Field) string {
	switch f.Type {
	case "email":
		return KindEmail
	case "tel":
		return KindPhone
	}
	if f.Kind == KindAddress && autocompleteToken(f.Autocomplete) == "" {
		low := strings.ToLower(f.Label + " " + f.Name + " " + f.ID)
		if strings.Contains(low, "e-post") || strings.Contains(low, "epost") || strings.Contains(low, "e-mail") ||
			strings.Contains(low, "email") {
			return KindEmail
		}
	}
	return f.Kind
}

// fieldContext returns the text that says who a field is about: its label,
// the legends of the fieldsets around it and the nearest heading before it.
func fieldContext(doc *a11y.Document, n *a11y.Node, label string, headings []*a11y.Node) string {
	parts := []string{label}
	for m := n.FlatParent(); m != nil; m = m.FlatParent() {
		if m.Is(atom.Fieldset) {
			for c := range m.ElementChildren() {
				if c.Is(atom.Legend) {
					parts = append(parts, c.Text())
					break
				}
			}
		}
	}
	var heading *a11y.Node
	for _, h := range headings {
		if h.Index < n.Index {
			heading = h
		}
	}
	if heading != nil {
		parts = append(parts, heading.Text())
	}
	return strings.ToLower(strings.Join(parts, " "))
}

// subjectsOf returns the sorted subjects the text names.
func subjectsOf(text string) []string {
	var out []string
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !(r == '\'' || r == '’' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 127 && unicode.IsLetter(r))
	})
	for i, w := range words {
		w = strings.ReplaceAll(strings.Trim(w, "-'’"), "’", "'")
		s, ok := subjectWords[w]
		if !ok && i+1 < len(words) {
			s, ok = subjectWords[w+" "+words[i+1]]
		}
		if ok && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// arrivalValue returns the value a field had when the page was audited and
// whether it is filled in.
func arrivalValue(doc *a11y.Document, f Field) (string, bool) {
	n := f.Node
	switch f.Type {
	case "radio-group":
		name, form := n.Get("name"), n.Closest(func(m *a11y.Node) bool { return m.Is(atom.Form) })
		for e := range doc.Elements(atom.Input) {
			if e.Get("name") != name || !strings.EqualFold(strings.TrimSpace(e.Get("type")), "radio") {
				continue
			}
			if form != nil && !form.Contains(e) {
				continue
			}
			if e.Checked != nil && *e.Checked || e.Checked == nil && e.Has("checked") {
				return e.Get("value"), true
			}
		}
		return "", false
	case "select":
		if n.Value != nil {
			return *n.Value, strings.TrimSpace(*n.Value) != ""
		}
		var first *a11y.Node
		for o := range doc.Elements(atom.Option) {
			if !n.Contains(o) || o.Has("disabled") {
				continue
			}
			if first == nil {
				first = o
			}
			if o.Has("selected") {
				v := optionValue(o)
				return v, strings.TrimSpace(v) != ""
			}
		}
		if first != nil && !n.Has("multiple") {
			v := optionValue(first)
			return v, strings.TrimSpace(v) != ""
		}
		return "", false
	case "textarea":
		if n.Value != nil {
			return *n.Value, strings.TrimSpace(*n.Value) != ""
		}
		v := n.Text()
		return v, strings.TrimSpace(v) != ""
	}
	if n.Value != nil {
		return *n.Value, strings.TrimSpace(*n.Value) != ""
	}
	v := n.Get("value")
	return v, strings.TrimSpace(v) != ""
}

// optionValue returns an option's value: its value attribute or its text.
func optionValue(o *a11y.Node) string {
	if v, ok := o.AttrValue("value"); ok {
		return v
	}
	return strings.Join(strings.Fields(o.Text()), " ")
}

// questionSignature identifies the form a page shows by its questions.
func questionSignature(qs []question) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString(q.Type)
		b.WriteByte('|')
		b.WriteString(q.Name)
		b.WriteByte('|')
		b.WriteString(normText(q.Label))
		b.WriteByte('\n')
	}
	return b.String()
}

// offersReuse reports whether the page has a checkbox or button that
// copies an earlier answer ("Samma adress som folkbokföringsadressen").
func offersReuse(doc *a11y.Document) bool {
	for e := range doc.Elements(atom.Input, atom.Button) {
		if !flowVisible(doc, e) {
			continue
		}
		if t := strings.ToLower(strings.TrimSpace(e.Get("type"))); e.Is(atom.Input) && t != "checkbox" && t != "radio" && t != "button" {
			continue
		}
		if reuseWords.MatchString(strings.ToLower(doc.Name(e))) {
			return true
		}
	}
	return false
}
