package components

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/cascadia"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/delaktig/delaktig/a11y"
)

// rendered is a component's output, parsed twice: as x/net/html for
// selectors and as an a11y document for names and descriptions.
type rendered struct {
	t    *testing.T
	src  string
	root *html.Node
	doc  *a11y.Document
}

// render renders c in lang inside a minimal page in that language.
func render(t *testing.T, c Component, lang string) *rendered {
	t.Helper()
	out, err := HTML(c, lang)
	require.NoError(t, err)
	src := string(out)
	if _, isPage := c.(*Page); !isPage {
		l := Match(lang)
		src = `<!DOCTYPE html><html lang="` + l.Tag + `" dir="` + l.Dir + `"><head><title>t</title></head><body><main>` + src + `</main></body></html>`
	}
	root, err := html.Parse(strings.NewReader(src))
	require.NoError(t, err)
	doc, err := a11y.FromHTMLString(src, "https://example.test/")
	require.NoError(t, err)
	return &rendered{t: t, src: src, root: root, doc: doc}
}

// all returns the elements sel matches.
func (r *rendered) all(sel string) []*html.Node {
	return cascadia.MustCompile(sel).MatchAll(r.root)
}

// one returns the one element sel matches.
func (r *rendered) one(sel string) *html.Node {
	r.t.Helper()
	found := r.all(sel)
	require.Len(r.t, found, 1, "%s in\n%s", sel, r.src)
	return found[0]
}

// node returns the a11y node with the given id.
func (r *rendered) node(id string) *a11y.Node {
	r.t.Helper()
	n := r.doc.ByID(r.doc.Root, id)
	require.NotNil(r.t, n, "#%s", id)
	return n
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func TestTextInput(t *testing.T) {
	r := render(t, TextInput{ID: "epost", Label: "E-postadress", Hint: "Vi skickar kvittot hit.", Error: "Skriv e-postadressen med ett @.",
		Type: "email", Autocomplete: "email", InputMode: "email", Width: 30, NoSpellcheck: true, Value: "anna"}, "sv")
	in := r.one("input#epost")
	assert.Equal(t, "email", attr(in, "type"))
	assert.Equal(t, "email", attr(in, "autocomplete"))
	assert.Equal(t, "email", attr(in, "inputmode"))
	assert.Equal(t, "false", attr(in, "spellcheck"))
	assert.Equal(t, "true", attr(in, "aria-invalid"))
	assert.Equal(t, "anna", attr(in, "value"))
	assert.Equal(t, "epost-hint epost-error", attr(in, "aria-describedby"))
	assert.Contains(t, attr(in, "class"), "dk-input--w30")
	n := r.node("epost")
	assert.Equal(t, "E-postadress", r.doc.Name(n))
	assert.Equal(t, "Vi skickar kvittot hit. Fel: Skriv e-postadressen med ett @.", r.doc.Description(n))
	assert.False(t, hasAttr(in, "required"), "no browser validation: the server writes the errors")

	// Without hint and error: no describedby, no aria-invalid.
	r = render(t, TextInput{ID: "namn", Label: "Namn", Optional: true}, "sv")
	in = r.one("input#namn")
	assert.False(t, hasAttr(in, "aria-describedby"))
	assert.False(t, hasAttr(in, "aria-invalid"))
	assert.Equal(t, "text", attr(in, "type"))
	assert.Equal(t, "Namn (frivilligt)", r.doc.Name(r.node("namn")))

	_, err := HTML(TextInput{Label: "Namn"}, "sv")
	assert.ErrorIs(t, err, ErrField)
	_, err = HTML(TextInput{ID: "x", Label: " "}, "sv")
	assert.ErrorIs(t, err, ErrField)
	_, err = HTML(TextInput{ID: "x", Label: "X", Type: "number"}, "sv")
	assert.Error(t, err)
}

func TestTextarea(t *testing.T) {
	r := render(t, Textarea{ID: "msg", Label: "Meddelande", Hint: "Skriv kort.", MaxChars: 200, Value: "\nhej"}, "sv")
	area := r.one("textarea#msg")
	assert.Equal(t, "msg-hint msg-count", attr(area, "aria-describedby"))
	assert.False(t, hasAttr(area, "maxlength"), "text over the limit is kept")
	require.NotNil(t, area.FirstChild)
	assert.Equal(t, "\nhej", area.FirstChild.Data, "a leading line break survives parsing")
	assert.Equal(t, "Du kan skriva högst 200 tecken.", text(r.one("#msg-count")), "the limit is said without JavaScript")
	live := r.one("[aria-live]")
	assert.Equal(t, "polite", attr(live, "aria-live"))
	box := r.one("[data-dk-count]")
	assert.Equal(t, "200", attr(box, "data-dk-count"))
	var msgs map[string]struct {
		Lang  string
		Forms map[string]string
	}
	require.NoError(t, json.Unmarshal([]byte(attr(box, "data-dk-messages")), &msgs))
	assert.Equal(t, "Du har {count} tecken kvar.", msgs["left"].Forms["other"])
	assert.Equal(t, "sv", msgs["left"].Lang)
	assert.Contains(t, msgs["over"].Forms["other"], "för mycket")

	// Polish carries its three forms to the script.
	r = render(t, Textarea{ID: "msg", Label: "Wiadomość", MaxChars: 5}, "pl")
	require.NoError(t, json.Unmarshal([]byte(attr(r.one("[data-dk-count]"), "data-dk-messages")), &msgs))
	assert.Contains(t, msgs["left"].Forms, "few")
	assert.Contains(t, msgs["left"].Forms, "many")
	assert.Equal(t, "Możesz wpisać najwyżej 5 znaków.", text(r.one("#msg-count")))

	// Without a limit, no count.
	r = render(t, Textarea{ID: "msg", Label: "Meddelande"}, "sv")
	assert.Empty(t, r.all("[data-dk-count], [aria-live]"))
	assert.Equal(t, 9, CharCount("å\r\nä\nöabcd"), "CR LF counts once, letters once")
}

func TestChoices(t *testing.T) {
	opts := []Option{{Value: "post", Label: "Med post"}, {Value: "digital", Label: "Digitalt", Hint: "Du behöver en digital brevlåda.", Selected: true}}
	r := render(t, Radios{ID: "svar", Name: "svarssatt", Legend: "Hur vill du få svaret?", Hint: "Välj ett sätt.", Error: "Välj hur du vill få svaret.", Options: opts}, "sv")
	fs := r.one("fieldset")
	assert.Equal(t, "svar-hint svar-error", attr(fs, "aria-describedby"))
	assert.Equal(t, "Hur vill du få svaret?", text(r.one("fieldset > legend")))
	radios := r.all("input[type=radio]")
	require.Len(t, radios, 2)
	assert.Equal(t, "svar", attr(radios[0], "id"), "the first option has the group's id, for the error summary")
	assert.Equal(t, "svar-2", attr(radios[1], "id"))
	assert.Equal(t, "svarssatt", attr(radios[1], "name"))
	assert.True(t, hasAttr(radios[1], "checked"))
	assert.False(t, hasAttr(radios[0], "checked"))
	assert.Equal(t, "svar-2-hint", attr(radios[1], "aria-describedby"))
	r2 := render(t, Checkboxes{ID: "val", Legend: "Vilka?", Hint: "Välj flera.", Options: []Option{{Value: "a", Label: "A", Hint: "Om A"}, {Value: "b", Label: "B"}}}, "sv")
	assert.Equal(t, "val-1-hint", attr(r2.one("input#val"), "aria-describedby"), "the first option's hint is not the group's")
	assert.Equal(t, "val-hint", attr(r2.one("fieldset"), "aria-describedby"))
	assert.Equal(t, "Digitalt", r.doc.Name(r.node("svar-2")))
	assert.Equal(t, "Du behöver en digital brevlåda.", r.doc.Description(r.node("svar-2")))
	assert.Equal(t, "Hur vill du få svaret?", r.doc.Name(r.doc.ByID(r.doc.Root, "svar").Parent.Parent.Parent), "the fieldset is named by its legend")

	r = render(t, Checkboxes{ID: "dagar", Legend: "Vilka dagar?", Options: []Option{{Value: "mon", Label: "Måndag"}}, Optional: true}, "sv")
	assert.Equal(t, "checkbox", attr(r.one("input#dagar"), "type"))
	assert.Equal(t, "Vilka dagar? (frivilligt)", text(r.one("legend")))

	_, err := HTML(Radios{ID: "x", Legend: "Q"}, "sv")
	assert.ErrorIs(t, err, ErrField, "options are required")
	_, err = HTML(Checkboxes{ID: "x", Legend: "Q", Options: []Option{{Value: "a"}}}, "sv")
	assert.ErrorIs(t, err, ErrField, "every option needs a label")
}

func TestSelect(t *testing.T) {
	opts := []Option{{Value: "n", Label: "Norrby"}, {Value: "s", Label: "Söderby"}}
	r := render(t, Select{ID: "del", Label: "Kommundel", Options: opts, Error: "Välj kommundel."}, "sv")
	options := r.all("option")
	require.Len(t, options, 3)
	assert.Equal(t, "", attr(options[0], "value"))
	assert.Equal(t, "Välj ett alternativ", text(options[0]))
	assert.Equal(t, "true", attr(r.one("select"), "aria-invalid"))

	opts[1].Selected = true
	r = render(t, Select{ID: "del", Label: "Kommundel", Options: opts}, "sv")
	assert.Len(t, r.all("option"), 2, "no prompt once something is chosen")
	assert.True(t, hasAttr(r.one("option[value=s]"), "selected"))

	// A prompt in a fallback language says so on the option itself.
	opts[1].Selected = false
	r = render(t, Select{ID: "del", Label: "Degmada", Options: opts}, "so")
	assert.Equal(t, "en", attr(r.all("option")[0], "lang"))
}

func TestDateInput(t *testing.T) {
	d := DateInput{ID: "start", Legend: "När ska barnet börja?", Day: "17", Month: "13", Year: "2026", Error: "Skriv en månad mellan 1 och 12.", Invalid: []string{"month"}, Autocomplete: "bday"}
	r := render(t, d, "sv")
	inputs := r.all("fieldset input")
	require.Len(t, inputs, 3)
	var ids []string
	for _, in := range inputs {
		ids = append(ids, attr(in, "id"))
		assert.Equal(t, "numeric", attr(in, "inputmode"))
		assert.Equal(t, "text", attr(in, "type"))
	}
	assert.Equal(t, []string{"start-year", "start-month", "start-day"}, ids, "Swedish writes year, month, day")
	assert.Equal(t, "start-year", d.FirstID("sv"))
	assert.Equal(t, "År", r.doc.Name(r.node("start-year")))
	assert.Equal(t, "true", attr(r.one("#start-month"), "aria-invalid"))
	assert.Equal(t, "start-error", attr(r.one("#start-month"), "aria-describedby"))
	assert.False(t, hasAttr(r.one("#start-day"), "aria-invalid"), "only the wrong part is marked")
	assert.Equal(t, "bday-month", attr(r.one("#start-month"), "autocomplete"))
	assert.Equal(t, "13", attr(r.one("#start-month"), "value"))
	assert.Equal(t, "start-hint start-error", attr(r.one("fieldset"), "aria-describedby"))
	assert.Contains(t, text(r.one("#start-hint")), "år 2021, månad 3 och dag 27")

	r = render(t, d, "nb")
	assert.Equal(t, "start-day", attr(r.all("fieldset input")[0], "id"), "Norwegian writes day, month, year")
	assert.Equal(t, "start-day", d.FirstID("nb"))

	d.Invalid = nil
	r = render(t, d, "en")
	assert.Len(t, r.all("input[aria-invalid=true]"), 3, "an error without parts marks every part")
	d.Invalid = []string{"week"}
	_, err := HTML(d, "en")
	assert.Error(t, err)
}

func TestPersonalNumber(t *testing.T) {
	r := render(t, PersonalNumber{ID: "pnr"}, "sv")
	in := r.one("input#pnr")
	assert.Equal(t, "numeric", attr(in, "inputmode"))
	assert.Equal(t, "off", attr(in, "autocomplete"))
	assert.Equal(t, "text", attr(in, "type"), "not type=number: hyphens and leading zeros survive")
	assert.Equal(t, "Personnummer", r.doc.Name(r.node("pnr")))
	assert.Contains(t, r.doc.Description(r.node("pnr")), "12 siffror")

	r = render(t, PersonalNumber{ID: "fnr"}, "nb")
	assert.Equal(t, "Fødselsnummer", r.doc.Name(r.node("fnr")))
	assert.Contains(t, r.doc.Description(r.node("fnr")), "11 siffer")

	r = render(t, PersonalNumber{ID: "fnr", Country: "no"}, "en")
	assert.Contains(t, r.doc.Name(r.node("fnr")), "fødselsnummer")

	r = render(t, PersonalNumber{ID: "pnr", Label: "Barnets personnummer", Error: "Skriv 12 siffror."}, "sv")
	assert.Equal(t, "Barnets personnummer", r.doc.Name(r.node("pnr")))
	assert.Equal(t, "true", attr(r.one("#pnr"), "aria-invalid"))

	// Somali falls back to English for the label, marked as English.
	r = render(t, PersonalNumber{ID: "pnr"}, "so")
	assert.Equal(t, "en", attr(r.one("label span"), "lang"))

	_, err := HTML(PersonalNumber{ID: "x", Country: "DK"}, "sv")
	assert.Error(t, err)
}

func TestFileUpload(t *testing.T) {
	r := render(t, FileUpload{ID: "intyg", Label: "Intyg", Accept: []string{".pdf", ".jpg"}, MaxBytes: 10 << 20, Multiple: true}, "sv")
	in := r.one("input[type=file]")
	assert.Equal(t, ".pdf,.jpg", attr(in, "accept"))
	assert.True(t, hasAttr(in, "multiple"))
	assert.Equal(t, "intyg-rules", attr(in, "aria-describedby"))
	assert.Equal(t, "Filtyper du kan använda: PDF eller JPG. Filen får vara högst 10 MB.", text(r.one("#intyg-rules")))

	r = render(t, FileUpload{ID: "intyg", Label: "Intyg", Accept: []string{".pdf", ".jpg", ".jpeg", ".png", ".docx"}}, "ar")
	assert.Equal(t, "أنواع الملفات التي يمكنك استخدامها: PDF, JPG, PNG أو DOCX.", text(r.one("#intyg-rules")), "JPEG is JPG")
	r = render(t, FileUpload{ID: "intyg", Label: "Intyg", Accept: []string{".pdf"}, MaxBytes: 1 << 20}, "ti")
	spans := r.all("#intyg-rules span[lang=en]")
	require.Len(t, spans, 2, "Tigrinya lacks both sentences")
	assert.Equal(t, "File types you can use: PDF.", text(spans[0]))
	r = render(t, FileUpload{ID: "intyg", Label: "Intyg", Accept: []string{".png", ".jpg"}}, "so")
	assert.Equal(t, "File types you can use: PNG or JPG.", text(r.one("#intyg-rules span[lang=en]")), "one language per sentence, though Somali has \"or\"")
	r = render(t, FileUpload{ID: "intyg", Label: "Intyg", MaxBytes: 500 << 10}, "en")
	assert.Equal(t, "The file can be at most 500 kB.", text(r.one("#intyg-rules")))
	r = render(t, FileUpload{ID: "intyg", Label: "Intyg"}, "en")
	assert.Empty(t, r.all("#intyg-rules"))

	_, err := HTML(FileUpload{ID: "f", Label: "F", Accept: []string{"pdf"}}, "sv")
	assert.Error(t, err, "extensions start with a dot")
	assert.Equal(t, "512 B", FormatSize(512))
}

func TestErrorSummaryAndTitle(t *testing.T) {
	p := &Page{Organisation: "Norrsunda kommun", Service: "Ansök om plats i förskola", Title: "Barnet", Heading: "Barnet",
		Errors: &ErrorSummary{Errors: []FieldError{{ID: "fornamn", Message: "Skriv barnets förnamn."}, {ID: "start-year", Message: "Skriv ett år."}}}}
	r := render(t, p, "sv")
	s := r.one("#dk-error-summary")
	assert.Equal(t, "-1", attr(s, "tabindex"))
	assert.True(t, hasAttr(s, "autofocus"), "focus without JavaScript")
	assert.False(t, hasAttr(s, "role"), "no role=alert")
	assert.Equal(t, "Det finns 2 fel", text(r.one("#dk-error-summary h2")))
	links := r.all("#dk-error-summary a")
	require.Len(t, links, 2)
	assert.Equal(t, "#fornamn", attr(links[0], "href"))
	assert.Equal(t, "Skriv barnets förnamn.", text(links[0]))
	title, _ := r.doc.Title()
	assert.Equal(t, "Fel: Barnet – Ansök om plats i förskola – Norrsunda kommun", title)
	assert.Contains(t, r.src, "data-dk-error-summary", "the script finds it")

	r = render(t, p, "en")
	assert.Equal(t, "There are 2 problems", text(r.one("#dk-error-summary h2")))
	p.Errors.Errors = p.Errors.Errors[:1]
	r = render(t, p, "en")
	assert.Equal(t, "There is 1 problem", text(r.one("#dk-error-summary h2")))
	r = render(t, p, "pl")
	assert.Equal(t, "Jest 1 błąd", text(r.one("#dk-error-summary h2")))

	// Somali has no text for "Error:", so the title, which cannot mark a
	// part's language, goes without it.
	r = render(t, p, "so")
	title, _ = r.doc.Title()
	assert.Equal(t, "Barnet – Ansök om plats i förskola – Norrsunda kommun", title)
	assert.Equal(t, "en", attr(r.one("#dk-error-summary h2 span"), "lang"))

	p.Errors = &ErrorSummary{}
	r = render(t, p, "sv")
	assert.Empty(t, r.all("#dk-error-summary"), "no errors, no summary")
	title, _ = r.doc.Title()
	assert.Equal(t, "Barnet – Ansök om plats i förskola – Norrsunda kommun", title)
	assert.Equal(t, 0, (*ErrorSummary)(nil).Len())
}

func TestPageLayout(t *testing.T) {
	p := basePage("ar", samples["ar"])
	p.Content = []Component{Paragraph{Text: samples["ar"].Intro}}
	r := render(t, p, "ar")
	h := r.one("html")
	assert.Equal(t, "ar", attr(h, "lang"))
	assert.Equal(t, "rtl", attr(h, "dir"))
	skip := r.one("body > a.dk-skip")
	assert.Equal(t, "#dk-main", attr(skip, "href"))
	assert.Equal(t, r.all("body > *")[0], skip, "the skip link comes first")
	assert.Equal(t, "-1", attr(r.one("main#dk-main"), "tabindex"))
	assert.Equal(t, "#dk-help", attr(r.one("header a.dk-header__help"), "href"))
	r.one("footer section#dk-help")
	r.one("header nav.dk-langs")
	title, _ := r.doc.Title()
	assert.Equal(t, samples["ar"].Step+" – "+samples["ar"].Service+" – Norrsunda kommun", title)
	assert.Len(t, r.all("style"), 1, "the style sheet is inlined")
	assert.Len(t, r.all("script"), 1)

	p.Stylesheet, p.Nonce = "/dk.css", "n0nce"
	r = render(t, p, "sv")
	assert.Equal(t, "/dk.css", attr(r.one("link[rel=stylesheet]"), "href"))
	assert.Empty(t, r.all("style"))
	assert.Equal(t, "n0nce", attr(r.one("script"), "nonce"))

	// An unknown language renders in English.
	r = render(t, &Page{Organisation: "Org"}, "de")
	assert.Equal(t, "en", attr(r.one("html"), "lang"))
	_, err := HTML(&Page{}, "sv")
	assert.Error(t, err, "a page needs an organisation")
}

func TestStepIndicator(t *testing.T) {
	r := render(t, &StepIndicator{Current: 2, Steps: []string{"Barnet", "Förskola", "Vårdnadshavare", "Kontrollera"}}, "sv")
	assert.Equal(t, "Steg 2 av 4", text(r.one(".dk-steps__progress")))
	items := r.all("ol > li")
	require.Len(t, items, 4)
	assert.Equal(t, "step", attr(items[1], "aria-current"))
	assert.Len(t, r.all("[aria-current]"), 1)
	assert.Contains(t, text(items[0]), "(klart)")
	assert.NotContains(t, text(items[2]), "(klart)")
	var list *a11y.Node
	for n := range r.doc.Elements() {
		if n.Data == "ol" {
			list = n
		}
	}
	require.NotNil(t, list)
	assert.Equal(t, "Steg 2 av 4", r.doc.Name(list), "the list is named by the progress text")
	r = render(t, &StepIndicator{Current: 3, Steps: []string{"a", "b", "c", "d"}}, "ur")
	assert.Equal(t, "4 میں سے مرحلہ 3", text(r.one(".dk-steps__progress")))
	_, err := HTML(&StepIndicator{Current: 5, Steps: []string{"a"}}, "sv")
	assert.Error(t, err)
}

func TestAnswers(t *testing.T) {
	r := render(t, &Answers{Rows: []Answer{
		{Question: "Barnets namn", Value: "Alva Lind", ChangeURL: "barnet#fornamn"},
		{Question: "BVC", Value: "Norrby", ChangeURL: "barnet#bvc"},
		{Question: "Annat", ChangeURL: "forskola#annat", ChangeContext: "det du skrev om annat"},
		{Question: "Adress", Value: "Storgatan 1\n990 01 Norrsunda"},
	}}, "sv")
	links := r.all("dl a")
	require.Len(t, links, 3)
	var names []string
	for n := range r.doc.Elements() {
		if n.Data == "a" {
			names = append(names, r.doc.Name(n))
		}
	}
	assert.Equal(t, []string{"Ändra barnets namn", "Ändra BVC", "Ändra det du skrev om annat"}, names)
	assert.Equal(t, "Ändra", text(links[0].FirstChild), "the visible text is short")
	assert.Equal(t, "Inget svar", text(r.all("dd.dk-answers__value")[2]))
	assert.Len(t, r.all("dl > div > dt"), 4)
	assert.Len(t, r.all("dd.dk-answers__change"), 3, "no change link without a URL")
}

func TestConfirmationAndSaved(t *testing.T) {
	r := render(t, &Confirmation{Heading: "Vi har fått din ansökan", CaseNumber: "FS-2026-0042", Email: "anna@exempel.se"}, "sv")
	assert.Equal(t, "Vi har fått din ansökan", text(r.one(".dk-panel h1")))
	assert.Equal(t, "FS-2026-0042", text(r.one(".dk-panel strong")))
	assert.Contains(t, r.src, "Vi har skickat en bekräftelse till anna@exempel.se.")
	_, err := HTML(&Confirmation{Heading: "x"}, "sv")
	assert.Error(t, err)

	r = render(t, &Saved{Days: 30, ResumeURL: "barnet"}, "nn")
	assert.Equal(t, "Svara dine er lagra", text(r.one("h1")))
	assert.Contains(t, r.src, "innan 30 dagar")
	assert.Equal(t, "barnet", attr(r.one("a"), "href"))

	r = render(t, &SaveForLater{Days: 1}, "sv")
	b := r.one("button")
	assert.Equal(t, "action", attr(b, "name"))
	assert.Equal(t, "save", attr(b, "value"))
	assert.True(t, hasAttr(b, "formnovalidate"))
	assert.Equal(t, "Spara och fortsätt senare", text(b))
	assert.Equal(t, "Vi sparar dina svar i 1 dag.", text(r.one("p")))
}

func TestHelp(t *testing.T) {
	h := &Help{Phone: "0980-31 92 00", Email: "hjalp@norrsunda.example", Address: []string{"Norrsunda kommun", "990 01 Norrsunda"},
		Hours:      []Hours{{From: time.Monday, To: time.Friday, Opens: "8.00", Closes: "17.00"}, {From: time.Saturday, To: time.Saturday, Opens: "10.00", Closes: "13.00"}},
		BookingURL: "/boka"}
	r := render(t, h, "sv")
	assert.Equal(t, "tel:0980319200", attr(r.one("a[href^='tel:']"), "href"))
	assert.Equal(t, "mailto:hjalp@norrsunda.example", attr(r.one("a[href^='mailto:']"), "href"))
	dds := r.all("dd")
	var lines []string
	for _, d := range dds {
		lines = append(lines, text(d))
	}
	assert.Contains(t, lines, "Måndag–fredag klockan 8.00–17.00")
	assert.Contains(t, lines, "Lördag klockan 10.00–13.00")
	assert.Equal(t, "Boka en tid och få hjälp", text(r.one("a[href='/boka']")))
	assert.Len(t, r.all("dd br"), 1)

	r = render(t, h, "en")
	assert.Contains(t, r.src, "Monday to Friday, 8.00 to 17.00")
	r = render(t, h, "ar")
	assert.Contains(t, r.src, "من الاثنين إلى الجمعة، من الساعة 8.00 إلى الساعة 17.00")

	// Somali has the weekdays but not the pattern: the whole line is in
	// English, marked as English, rather than a mix.
	r = render(t, h, "so")
	span := r.all("dd span[lang=en]")
	require.NotEmpty(t, span)
	assert.Equal(t, "Monday to Friday, 8.00 to 17.00", text(span[0]))
	assert.Equal(t, "Telefoon", text(r.all("dt")[0]), "Somali texts that exist are used")

	for _, bad := range []*Help{{Phone: "ring oss"}, {Email: "x"}, {Email: `a@b.se" onclick="x`}, {Hours: []Hours{{From: 9, To: 1}}}} {
		_, err := HTML(bad, "sv")
		assert.Error(t, err)
	}
}

func TestLanguagePicker(t *testing.T) {
	r := render(t, &LanguagePicker{Languages: []string{"sv", "en", "ar"}, Href: func(l string) string { return "/" + l + "/start" }}, "sv")
	links := r.all("a")
	require.Len(t, links, 3)
	assert.Equal(t, "Svenska", text(links[0]))
	assert.Equal(t, "true", attr(links[0], "aria-current"))
	assert.Equal(t, "العربية", text(links[2]))
	assert.Equal(t, "ar", attr(links[2], "lang"))
	assert.Equal(t, "ar", attr(links[2], "hreflang"))
	assert.Equal(t, "rtl", attr(links[2], "dir"))
	assert.Equal(t, "/en/start", attr(links[1], "href"))
	nav := r.one("nav")
	assert.Equal(t, "Språk", r.doc.Name(r.doc.ByID(r.doc.Root, "dk-langs-label").Parent))
	_ = nav

	r = render(t, &LanguagePicker{}, "fa")
	assert.Len(t, r.all("a"), len(Languages()))
	assert.Equal(t, "?lang=nb", attr(r.one("a[lang=nb]"), "href"))
	_, err := HTML(&LanguagePicker{Languages: []string{"de"}}, "sv")
	assert.Error(t, err)
}

func TestTimeoutWarning(t *testing.T) {
	r := render(t, &TimeoutWarning{WarnAfter: 25 * time.Minute, Remaining: 5 * time.Minute, ExtendURL: "/forlang"}, "sv")
	d := r.one("dialog")
	assert.Equal(t, "true", attr(d, "aria-modal"))
	assert.False(t, hasAttr(d, "open"), "closed until the script opens it")
	assert.Equal(t, "1500", attr(d, "data-dk-timeout"))
	assert.Contains(t, text(r.one("#dk-timeout-text")), "Om 5 minuter")
	assert.Equal(t, "Förläng tiden", text(r.one("dialog form button")))
	assert.Equal(t, "/forlang", attr(r.one("dialog form"), "action"))
	assert.Equal(t, "post", attr(r.one("dialog form"), "method"))
	r = render(t, &TimeoutWarning{WarnAfter: time.Minute, Remaining: time.Minute, ExtendURL: "/x"}, "sv")
	assert.Contains(t, text(r.one("#dk-timeout-text")), "Om 1 minut stänger")
	_, err := HTML(&TimeoutWarning{WarnAfter: time.Minute, Remaining: time.Second, ExtendURL: "/x"}, "sv")
	assert.Error(t, err)
}

func TestContent(t *testing.T) {
	r := render(t, &Form{Action: "/skicka", Multipart: true, Hidden: []Hidden{{Name: "csrf", Value: "tok"}},
		Content: []Component{Heading{Text: "Rubrik", Level: 3}, Paragraph{Text: "Read this", Lang: "en"}, List{Items: []string{"a", "b"}, Numbered: true},
			Group{Class: "dk-button-group", Content: []Component{Button{Text: "Fortsätt", ID: "next", Name: "action", Value: "next"}, Button{Text: "Avbryt", Href: "/", Secondary: true}}}}}, "sv")
	f := r.one("form")
	assert.Equal(t, "multipart/form-data", attr(f, "enctype"))
	assert.True(t, hasAttr(f, "novalidate"))
	assert.Equal(t, "tok", attr(r.one("input[type=hidden]"), "value"))
	assert.Equal(t, "Rubrik", text(r.one("h3")))
	assert.Equal(t, "en", attr(r.one("p"), "lang"))
	assert.Len(t, r.all("ol > li"), 2)
	assert.Equal(t, "next", attr(r.one("button#next"), "value"))
	assert.Equal(t, "/", attr(r.one("a.dk-button--secondary"), "href"))
	r = render(t, Paragraph{Text: "مرحبا", Lang: "ar"}, "sv")
	assert.Equal(t, "rtl", attr(r.one("p"), "dir"))
	r = render(t, Paragraph{Text: "x", Lang: "no such tag!"}, "sv")
	assert.False(t, hasAttr(r.one("p"), "lang"), "invalid tags are not written")
	_, err := HTML(Heading{Text: "x", Level: 7}, "sv")
	assert.Error(t, err)
	_, err = HTML(Button{}, "sv")
	assert.Error(t, err)
	_, err = HTML(List{}, "sv")
	assert.Error(t, err)
}

// hostile is what an attacker types into a form, or what a careless
// service passes through.
const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)>`

// TestHostileValuesEscaped puts hostile text in every caller-given string
// and checks that it comes out as text: no element or attribute appears.
func TestHostileValuesEscaped(t *testing.T) {
	opt := []Option{{Value: hostile, Label: hostile, Hint: hostile}}
	p := &Page{
		Organisation: hostile, Service: hostile, Title: hostile, Heading: hostile,
		HomeURL: "javascript:alert(3)", ServiceURL: hostile, HelpURL: hostile, AccessibilityURL: hostile,
		Errors: &ErrorSummary{Errors: []FieldError{{ID: hostile, Message: hostile}}},
		Steps:  &StepIndicator{Current: 1, Steps: []string{hostile}},
		Languages: &LanguagePicker{Languages: []string{"sv"}, Href: func(string) string {
			return hostile
		}},
		Content: []Component{&Form{Action: hostile, Hidden: []Hidden{{Name: hostile, Value: hostile}}, Content: []Component{
			TextInput{ID: hostile, Name: hostile, Label: hostile, Hint: hostile, Error: hostile, Value: hostile, Autocomplete: hostile, InputMode: hostile},
			Textarea{ID: hostile, Label: hostile, Error: hostile, Value: "</textarea>" + hostile, MaxChars: 10},
			Radios{ID: hostile, Legend: hostile, Error: hostile, Options: opt},
			Checkboxes{ID: hostile, Legend: hostile, Options: opt},
			Select{ID: hostile, Label: hostile, Options: opt},
			DateInput{ID: hostile, Legend: hostile, Error: hostile, Day: hostile},
			PersonalNumber{ID: hostile, Label: hostile, Error: hostile, Value: hostile},
			FileUpload{ID: hostile, Label: hostile, Accept: []string{"." + hostile}},
			&Answers{Rows: []Answer{{Question: hostile, Value: hostile, ChangeURL: hostile, ChangeContext: hostile}}},
			&Confirmation{Heading: hostile, CaseNumber: hostile},
			&Saved{Days: 1, ResumeURL: "javascript:alert(4)"},
			Heading{Text: hostile}, Paragraph{Text: hostile}, List{Items: []string{hostile}},
			Button{Text: hostile, Name: hostile, Value: hostile, ID: hostile}, Button{Text: hostile, Href: hostile},
			Group{Class: hostile},
		}}},
		Help:    &Help{Phone: "0980 " + hostile, Address: []string{hostile}, BookingURL: hostile, Hours: []Hours{{Opens: hostile, Closes: hostile}}},
		Timeout: &TimeoutWarning{WarnAfter: time.Minute, Remaining: time.Minute, ExtendURL: hostile},
	}
	var b bytes.Buffer
	require.NoError(t, p.Render(&b, "sv"))
	out := b.String()
	root, err := html.Parse(strings.NewReader(out))
	require.NoError(t, err)
	scripts := cascadia.MustCompile("script").MatchAll(root)
	require.Len(t, scripts, 1, "only the components' own script")
	require.NotNil(t, scripts[0].FirstChild)
	assert.Equal(t, Script, scripts[0].FirstChild.Data, "and it is ours")
	assert.Empty(t, cascadia.MustCompile("img, [onerror], [onclick]").MatchAll(root), "no injected element or handler")
	assert.NotContains(t, out, "javascript:", "unsafe URLs are neutralised")
	assert.Contains(t, out, "&lt;script&gt;alert(1)&lt;/script&gt;", "hostile text is shown as text")
	assert.Len(t, cascadia.MustCompile("textarea").MatchAll(root), 1)

	// Hostile text in the two places the brief names: a label and an error.
	r := render(t, TextInput{ID: "x", Label: `"><script>alert(1)</script>`, Error: `"><script>alert(2)</script>`}, "sv")
	assert.Empty(t, r.all("main script"))
	assert.Equal(t, `"><script>alert(1)</script>`, text(r.one("label")))
	assert.Equal(t, `Fel: "><script>alert(2)</script>`, text(r.one(".dk-error-message")))
	assert.Equal(t, `"><script>alert(1)</script>`, r.doc.Name(r.node("x")))
}

func TestErrFieldIsSentinel(t *testing.T) {
	_, err := HTML(Select{Label: "x", Options: []Option{{Label: "a"}}}, "sv")
	assert.True(t, errors.Is(err, ErrField))
	assert.Contains(t, err.Error(), "components:")
}
