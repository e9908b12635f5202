package components

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// galleryEntry is one test page: a component shown the way a service uses
// it, inside the page layout.
type galleryEntry struct {
	Name string
	Page *Page
}

// basePage returns the layout every gallery page shares: header, language
// picker, help block and footer.
func basePage(lang string, s sample) *Page {
	return &Page{
		Organisation:     "Norrsunda kommun",
		Service:          s.Service,
		Title:            s.Step,
		HomeURL:          "https://norrsunda.example/",
		ServiceURL:       "/",
		AccessibilityURL: "/tillganglighet",
		Languages:        &LanguagePicker{},
		Help: &Help{
			Phone:      "0980-31 92 00",
			PhoneTel:   "+46980319200",
			Email:      "kontaktcenter@norrsunda.example",
			Address:    []string{"Norrsunda kommun", "Kontaktcenter", "990 01 Norrsunda"},
			Hours:      []Hours{{From: time.Monday, To: time.Thursday, Opens: "8.00", Closes: "17.00"}, {From: time.Friday, To: time.Friday, Opens: "8.00", Closes: "15.00"}},
			BookingURL: "/boka",
		},
		Heading: s.Step,
	}
}

// form puts fields in a form with a continue button.
func form(s sample, fields ...Component) *Form {
	return &Form{Action: "/steg", Content: append(fields, Button{Text: s.Next, ID: "fortsatt"})}
}

// gallery returns a page per component, and per error state, in lang.
func gallery(lang string) []galleryEntry {
	s := samples[lang]
	page := func(name string, f func(p *Page)) galleryEntry {
		p := basePage(lang, s)
		f(p)
		return galleryEntry{Name: name, Page: p}
	}
	name := TextInput{ID: "fornamn", Label: s.Name, Hint: s.NameHint, Autocomplete: "off", Width: 20, NoSpellcheck: true}
	email := TextInput{ID: "epost", Label: s.Email, Type: "email", Autocomplete: "email", NoSpellcheck: true, Width: 30}
	message := Textarea{ID: "meddelande", Label: s.Message, Hint: s.MessageHint, MaxChars: 200, Optional: true}
	how := Radios{ID: "beslut", Legend: s.How, Options: []Option{{Value: "post", Label: s.Post}, {Value: "digital", Label: s.Digital, Hint: s.DigitalHint}}}
	schools := Checkboxes{ID: "forskolor", Legend: s.Schools, Hint: s.SchoolsHint, Options: []Option{
		{Value: "kastanjen", Label: "Kastanjen", Hint: "Storgatan 3, Norrby"}, {Value: "linden", Label: "Linden", Hint: "Skolvägen 8, Söderby"}, {Value: "eken", Label: "Eken"}}}
	town := Select{ID: "kommundel", Label: s.Town, Options: []Option{{Value: "norr", Label: "Norrby"}, {Value: "soder", Label: "Söderby"}, {Value: "vast", Label: "Västerby"}}}
	date := DateInput{ID: "start", Legend: s.Date}
	pnrSE := PersonalNumber{ID: "pnr", Country: "SE", Label: s.ChildPnr}
	pnrNO := PersonalNumber{ID: "fnr", Country: "NO"}
	file := FileUpload{ID: "intyg", Label: s.File, Accept: []string{".pdf", ".jpg", ".jpeg", ".png", ".docx"}, MaxBytes: 5 << 20, Optional: true}
	withErr := func(p *Page, id, msg string, c Component) {
		p.Errors = &ErrorSummary{}
		p.Errors.Add(id, msg)
		p.Content = []Component{form(s, c)}
	}

	var out []galleryEntry
	out = append(out,
		page("layout", func(p *Page) {
			p.Title, p.Heading = "", s.Service
			p.Content = []Component{Paragraph{Text: s.Intro, Lead: true}, List{Items: s.Bullets}, Button{Text: s.Start, Href: "/steg-1"}}
		}),
		page("text-input", func(p *Page) { n := name; n.Value = "Alva"; p.Content = []Component{form(s, n, email)} }),
		page("text-input-error", func(p *Page) { n := name; n.Error = s.NameErr; withErr(p, n.ID, s.NameErr, n) }),
		page("textarea", func(p *Page) { p.Content = []Component{form(s, message)} }),
		page("textarea-error", func(p *Page) {
			m := message
			m.Value, m.Error = string(bytes.Repeat([]byte("a"), 210)), s.MessageErr
			withErr(p, m.ID, s.MessageErr, m)
		}),
		page("radios", func(p *Page) { p.Content = []Component{form(s, how)} }),
		page("radios-error", func(p *Page) { r := how; r.Error = s.HowErr; withErr(p, r.ID, s.HowErr, r) }),
		page("checkboxes", func(p *Page) {
			c := schools
			c.Options = append([]Option(nil), c.Options...)
			c.Options[1].Selected = true
			p.Content = []Component{form(s, c)}
		}),
		page("checkboxes-error", func(p *Page) { c := schools; c.Error = s.SchoolsErr; withErr(p, c.ID, s.SchoolsErr, c) }),
		page("select", func(p *Page) { p.Content = []Component{form(s, town)} }),
		page("select-error", func(p *Page) { t := town; t.Error = s.TownErr; withErr(p, t.ID, s.TownErr, t) }),
		page("date", func(p *Page) {
			d := date
			d.Day, d.Month, d.Year = "17", "8", "2026"
			p.Content = []Component{form(s, d)}
		}),
		page("date-error", func(p *Page) {
			d := date
			d.Day, d.Month, d.Year, d.Error, d.Invalid = "17", "13", "2026", s.DateErr, []string{"month"}
			p.Errors = &ErrorSummary{Errors: []FieldError{{ID: d.ID + "-month", Message: s.DateErr}}}
			p.Content = []Component{form(s, d)}
		}),
		page("personal-number", func(p *Page) { p.Content = []Component{form(s, pnrSE)} }),
		page("personal-number-error", func(p *Page) { n := pnrNO; n.Value, n.Error = "123", s.PnrErr; withErr(p, n.ID, s.PnrErr, n) }),
		page("file-upload", func(p *Page) {
			p.Content = []Component{&Form{Action: "/steg", Multipart: true, Content: []Component{file, Button{Text: s.Next}}}}
		}),
		page("file-upload-error", func(p *Page) {
			f := file
			f.Error = s.FileErr
			p.Errors = &ErrorSummary{Errors: []FieldError{{ID: f.ID, Message: s.FileErr}}}
			p.Content = []Component{&Form{Action: "/steg", Multipart: true, Content: []Component{f, Button{Text: s.Next}}}}
		}),
		page("error-summary", func(p *Page) {
			n, r, d := name, how, date
			n.Error, r.Error, d.Error = s.NameErr, s.HowErr, s.DateErr
			p.Errors = &ErrorSummary{}
			p.Errors.Add(n.ID, s.NameErr)
			p.Errors.Add(r.ID, s.HowErr)
			p.Errors.Add(d.FirstID(lang), s.DateErr)
			p.Content = []Component{form(s, n, r, d)}
		}),
		page("steps", func(p *Page) {
			p.Steps = &StepIndicator{Current: 2, Steps: s.Steps}
			p.Content = []Component{form(s, how)}
		}),
		page("answers", func(p *Page) {
			p.Title, p.Heading = s.Check, s.Check
			p.Steps = &StepIndicator{Current: 4, Steps: s.Steps}
			p.Content = []Component{
				&Answers{Rows: []Answer{
					{Question: s.AnswerName, Value: "Alva Lind", ChangeURL: "/steg-1#fornamn"},
					{Question: s.AnswerDate, Value: "2026-08-17", ChangeURL: "/steg-1#start-day"},
					{Question: s.AnswerText, ChangeURL: "/steg-2#meddelande"},
				}},
				form(s),
			}
			p.Content[1].(*Form).Content = []Component{Button{Text: s.Send}}
		}),
		page("confirmation", func(p *Page) {
			p.Title, p.Heading = s.Received, ""
			p.Content = []Component{&Confirmation{Heading: s.Received, CaseNumber: "FS-2026-0042", Email: "alva@exempel.se"}}
		}),
		page("help", func(p *Page) {
			p.Content = []Component{Paragraph{Text: s.Intro}}
		}),
		page("languages", func(p *Page) {
			p.Languages = &LanguagePicker{Languages: []string{"sv", "nb", "en", "ar"}, Href: func(l string) string { return "/" + l + "/" }}
			if _, ok := map[string]bool{"sv": true, "nb": true, "en": true, "ar": true}[lang]; !ok {
				p.Languages.Languages = append(p.Languages.Languages, lang)
			}
			p.Content = []Component{Paragraph{Text: s.Intro}}
		}),
		page("timeout", func(p *Page) {
			p.Timeout = &TimeoutWarning{WarnAfter: 25 * time.Minute, Remaining: 5 * time.Minute, ExtendURL: "/forlang"}
			p.Content = []Component{form(s, name)}
		}),
		page("save-for-later", func(p *Page) {
			f := form(s, name)
			f.Content = append(f.Content, &SaveForLater{Days: 30})
			p.Content = []Component{f}
		}),
		page("saved", func(p *Page) {
			p.Heading = ""
			p.Content = []Component{&Saved{Days: 30, ResumeURL: "/steg-1"}}
		}),
	)
	return out
}

// renderPage renders a gallery page and fails the test on error.
func renderPage(t testing.TB, p *Page, lang string) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, p.Render(&b, lang))
	return b.Bytes()
}
