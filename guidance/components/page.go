package components

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"strings"
	"time"
)

// CSS is the shared style sheet of the components: visible focus (a
// 3 px dark outline and a yellow halo), text contrast of at least 4.5:1,
// targets of at least 44 × 44 CSS pixels for controls (24 px for links in
// running text), a layout that reflows down to 320 px wide, and logical
// properties (margin-inline-start…) so that right-to-left pages mirror.
// Page inlines it unless Page.Stylesheet names a URL that serves it.
//
//go:embed assets/components.css
var CSS string

// Script is the components' small script: it moves focus to the error
// summary, counts characters in text areas and opens the time-out warning.
// Everything works without it. Page includes it.
//
//go:embed assets/components.js
var Script string

// Page is the layout of one page of an e-service: a skip link, a header
// with the organisation, the service's name, a help link and a language
// picker, the main content with the step indicator, the error summary and
// the heading, and a footer with the help block. The html element gets
// the language's lang and dir attributes. The title follows the pattern
// "Step – Service – Organisation", prefixed with "Fel:" (in the page's
// language) when the page shows errors.
type Page struct {
	// Organisation is the authority's name ("Norrsunda kommun"). Required.
	Organisation string
	// Service is the e-service's name ("Ansök om plats i förskola").
	Service string
	// Title names this page ("Barnet", "Kontrollera dina svar"); it comes
	// first in the document title. Empty on a start page whose title is
	// the service's name.
	Title string
	// HomeURL makes the organisation's name a link; ServiceURL does the
	// same for the service's name.
	HomeURL, ServiceURL string
	// HelpURL is the target of the header's help link. Empty links to the
	// Help block when there is one, and leaves the link out otherwise.
	HelpURL string
	// AccessibilityURL links the footer to the accessibility statement.
	AccessibilityURL string
	// Languages is the language picker in the header (optional).
	Languages *LanguagePicker
	// Steps is the step indicator (optional).
	Steps *StepIndicator
	// Errors is the error summary, shown first in the main content when it
	// has errors.
	Errors *ErrorSummary
	// Heading is the page's h1. Leave it empty when Content has its own
	// h1 (Confirmation, Saved, Heading with Level 1).
	Heading string
	// Content is the rest of the main content, in order.
	Content []Component
	// Help is the help-and-contact block in the footer (optional, but
	// every page of a service should have the same one).
	Help *Help
	// Timeout is the time-out warning (optional).
	Timeout *TimeoutWarning
	// Stylesheet is the URL of a copy of CSS; empty inlines CSS.
	Stylesheet string
	// Nonce is set on the page's style and script elements, for a
	// Content-Security-Policy with a nonce.
	Nonce string
}

type pageView struct {
	*Page
	DocTitle string
	HelpHref string
	CSS      template.CSS
	Script   template.JS
}

// Render writes the whole HTML document in lang.
func (p *Page) Render(w io.Writer, lang string) error {
	if strings.TrimSpace(p.Organisation) == "" {
		return fmt.Errorf("components: page needs an organisation")
	}
	cat := shipped.resolve(lang)
	v := pageView{Page: p, HelpHref: p.HelpURL, Script: template.JS(Script)}
	if v.HelpHref == "" && p.Help != nil {
		v.HelpHref = "#" + helpID
	}
	if p.Stylesheet == "" {
		v.CSS = template.CSS(CSS)
	}
	var parts []string
	for _, s := range []string{p.Title, p.Service, p.Organisation} {
		s = strings.TrimSpace(s)
		if s != "" && (len(parts) == 0 || parts[len(parts)-1] != s) {
			parts = append(parts, s)
		}
	}
	title := strings.Join(parts, " – ")
	if p.Errors != nil && len(p.Errors.Errors) > 0 {
		if t, err := shipped.localize(cat, "page.title-error", nil); err == nil && t.Lang == cat.Tag {
			title = t.Value + " " + title
		}
	}
	v.DocTitle = title
	return execute(w, "page", cat.Tag, v)
}

// helpID is the id of the help block, which the header's help link
// targets.
const helpID = "dk-help"

// LanguagePicker links to the same page in other languages. Each language
// is named in itself ("Svenska", "English", "العربية"), and each link
// carries lang and hreflang attributes (and dir for a script written the
// other way), so that screen readers say the name right and people who do
// not read the page's language can find their own.
type LanguagePicker struct {
	// Languages lists the tags to offer, in order; empty offers every
	// shipped language. The page's language is shown as current.
	Languages []string
	// Href returns the address of the page in a language; nil uses
	// "?lang=<tag>".
	Href func(lang string) string
}

type langLink struct {
	Tag, Name, Dir, Href string
	Current              bool
}

// Render writes the picker in lang.
func (c *LanguagePicker) Render(w io.Writer, lang string) error {
	cat := shipped.resolve(lang)
	tags := c.Languages
	if len(tags) == 0 {
		tags = shipped.order
	}
	var links []langLink
	for _, t := range tags {
		l, ok := shipped.byTag[t]
		if !ok {
			return fmt.Errorf("components: language picker: %q is not a shipped language", t)
		}
		href := "?lang=" + url.QueryEscape(t)
		if c.Href != nil {
			href = c.Href(t)
		}
		links = append(links, langLink{Tag: l.Tag, Name: l.Name, Dir: l.Dir, Href: href, Current: l.Tag == cat.Tag})
	}
	return execute(w, "languages", cat.Tag, links)
}

// StepIndicator shows where the user is in the service: "Steg 2 av 4" and
// an ordered list of the steps with the current one marked
// aria-current="step" and the finished ones marked done in text.
type StepIndicator struct {
	// Current is the number of the current step, from 1.
	Current int
	// Steps names the steps, in order.
	Steps []string
}

type stepView struct {
	Current, Total int
	Steps          []stepItem
}

type stepItem struct {
	Number        int
	Name          string
	Current, Done bool
}

// Render writes the indicator in lang.
func (c *StepIndicator) Render(w io.Writer, lang string) error {
	if c.Current < 1 || c.Current > len(c.Steps) {
		return fmt.Errorf("components: step indicator: step %d of %d", c.Current, len(c.Steps))
	}
	v := stepView{Current: c.Current, Total: len(c.Steps)}
	for i, s := range c.Steps {
		v.Steps = append(v.Steps, stepItem{Number: i + 1, Name: s, Current: i+1 == c.Current, Done: i+1 < c.Current})
	}
	return execute(w, "steps", lang, v)
}

// ErrorSummary lists a page's errors at the top of the main content: a
// heading that counts them ("Det finns 2 fel") and a list of links, each
// to the field it is about, with the same message the field shows.
//
// The summary has tabindex="-1" and takes focus when the page loads — by
// the autofocus attribute, and by the script where autofocus is not
// honoured — so that screen readers read it first and keyboard users
// start from it. It has no role="alert": moving focus already makes
// screen readers read it, and an alert on page load is read twice or
// not at all, depending on the screen reader.
type ErrorSummary struct {
	// Errors are the page's errors, in the order of the fields.
	Errors []FieldError
}

// FieldError is one error: the id of the field to link to (for a group of
// radio buttons or checkboxes, its first option's id, which is the
// group's ID; for a date, DateInput.FirstID) and the message.
type FieldError struct {
	ID, Message string
}

// Add appends an error.
func (c *ErrorSummary) Add(id, message string) {
	c.Errors = append(c.Errors, FieldError{ID: id, Message: message})
}

// Len returns the number of errors; 0 for nil.
func (c *ErrorSummary) Len() int {
	if c == nil {
		return 0
	}
	return len(c.Errors)
}

// Render writes the summary in lang; nothing when there are no errors.
func (c *ErrorSummary) Render(w io.Writer, lang string) error {
	if c.Len() == 0 {
		return nil
	}
	for _, e := range c.Errors {
		if e.ID == "" || strings.TrimSpace(e.Message) == "" {
			return fmt.Errorf("components: error summary: an error needs an id and a message")
		}
	}
	return execute(w, "error-summary", lang, c)
}

// Help is the help-and-contact block: how to reach a person instead of, or
// besides, the web form — phone, e-mail, postal address, opening hours and
// a link to book help. Show the same block, in the same place, on every
// page of a service (WCAG 3.2.6 Consistent Help).
type Help struct {
	// Phone is the phone number as people dial it ("0980-31 92 00");
	// PhoneTel is its tel: form ("+46980319200"), the digits of Phone
	// when empty.
	Phone, PhoneTel string
	// Email is the address to write to.
	Email string
	// Address is the postal address, one line per element.
	Address []string
	// Hours are the opening hours of the phone line or the office.
	Hours []Hours
	// BookingURL links to where people book a time for help (at the
	// office, by phone or with an interpreter).
	BookingURL string
}

// Hours is one line of opening hours: the days from From to To (the same
// day for one day) and the times, written as people read them ("8.00",
// "17.00").
type Hours struct {
	From, To      time.Weekday
	Opens, Closes string
}

type helpView struct {
	*Help
	Tel, Mailto template.URL
	Hours       []template.HTML
}

// Render writes the block in lang.
func (c *Help) Render(w io.Writer, lang string) error {
	cat := shipped.resolve(lang)
	v := helpView{Help: c}
	if c.Phone != "" {
		tel := c.PhoneTel
		if tel == "" {
			tel = c.Phone
		}
		// Only digits and a leading plus, so the tel: URL is safe as is.
		var b strings.Builder
		for _, r := range strings.TrimSpace(tel) {
			if r >= '0' && r <= '9' || r == '+' && b.Len() == 0 {
				b.WriteRune(r)
			}
		}
		if b.Len() == 0 {
			return fmt.Errorf("components: help: phone number %q has no digits", tel)
		}
		v.Tel = template.URL("tel:" + b.String())
	}
	if c.Email != "" {
		if !plausibleEmail(c.Email) {
			return fmt.Errorf("components: help: %q is not an e-mail address", c.Email)
		}
		v.Mailto = template.URL("mailto:" + c.Email)
	}
	for _, h := range c.Hours {
		line, err := hoursLine(cat, h)
		if err != nil {
			return err
		}
		v.Hours = append(v.Hours, line)
	}
	return execute(w, "help", cat.Tag, v)
}

// plausibleEmail reports whether s looks like one e-mail address and has
// nothing that could break out of a mailto: URL.
func plausibleEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || at != strings.LastIndexByte(s, '@') || at == len(s)-1 {
		return false
	}
	for _, r := range s {
		if r <= ' ' || strings.ContainsRune("\"'<>()[]\\,;:?&#%", r) {
			return false
		}
	}
	return true
}

// hoursLine writes one line of opening hours, all in one language: the
// first along the fallback chain that has every text the line needs.
func hoursLine(c *catalog, h Hours) (template.HTML, error) {
	if h.From < time.Sunday || h.From > time.Saturday || h.To < time.Sunday || h.To > time.Saturday {
		return "", fmt.Errorf("components: help: weekday out of range")
	}
	first, last := fmt.Sprintf("weekday.%d", h.From), fmt.Sprintf("weekday.%d", h.To)
	in := shipped.common(c, first, last, "help.days", "help.time")
	fd, err := shipped.localizeIn(in, first, nil)
	if err != nil {
		return "", err
	}
	days := fd.Value
	if h.To != h.From {
		ld, err := shipped.localizeIn(in, last, nil)
		if err != nil {
			return "", err
		}
		d, err := shipped.localizeIn(in, "help.days", Data{"first": fd.Value, "last": ld.Value})
		if err != nil {
			return "", err
		}
		days = d.Value
	}
	t, err := shipped.localizeIn(in, "help.time", Data{"days": days, "opens": h.Opens, "closes": h.Closes})
	if err != nil {
		return "", err
	}
	t.Value = sentenceCase(t.Value)
	return t.HTML(c.Tag), nil
}

// TimeoutWarning warns people before the service ends their session and
// lets them extend it. The script opens it as a modal dialog element
// (aria-modal="true", focus moves into it) WarnAfter after the page
// loaded; it says how many minutes are left and has one button, "Förläng
// tiden", that posts to ExtendURL — in the background when it can, by
// submitting its form otherwise — and closes the dialog. Escape also
// extends the time. Without JavaScript the dialog never opens, so a
// service should not end a session sooner than it says elsewhere.
type TimeoutWarning struct {
	// WarnAfter is how long after the page loads the warning opens.
	WarnAfter time.Duration
	// Remaining is how long people then have before the session ends; the
	// warning says it in whole minutes.
	Remaining time.Duration
	// ExtendURL receives a POST that extends the session. When the post
	// comes from the script, the request has the header
	// "X-Requested-With: delaktig"; answer it with a 2xx status. Otherwise
	// answer with a redirect back to the page.
	ExtendURL string
}

type timeoutView struct {
	After     int // seconds
	Minutes   int
	ExtendURL string
}

// Render writes the dialog in lang.
func (c *TimeoutWarning) Render(w io.Writer, lang string) error {
	if c.WarnAfter <= 0 || c.Remaining < time.Minute || c.ExtendURL == "" {
		return fmt.Errorf("components: time-out warning needs WarnAfter, at least a minute Remaining and ExtendURL")
	}
	v := timeoutView{After: int(c.WarnAfter / time.Second), Minutes: int(c.Remaining / time.Minute), ExtendURL: c.ExtendURL}
	return execute(w, "timeout", lang, v)
}

// countMessages encodes the Textarea's "left" and "over" texts, every
// plural form with its language, for the script.
func countMessages(c *catalog) (string, error) {
	type forms struct {
		Lang  string            `json:"lang"`
		Forms map[string]string `json:"forms"`
	}
	out := map[string]forms{}
	for name, key := range map[string]string{"left": "count.left", "over": "count.over"} {
		m, from := shipped.lookup(c, key)
		f := forms{Lang: from.Tag, Forms: map[string]string{}}
		for form, s := range m.forms {
			f.Forms[formName(form)] = s
		}
		out[name] = f
	}
	b, err := json.Marshal(out)
	if err != nil {
		return "", fmt.Errorf("components: encode count texts: %w", err)
	}
	return string(b), nil
}
