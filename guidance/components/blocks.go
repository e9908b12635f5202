package components

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Answers is the check-your-answers list: a description list of questions
// and answers, each with a change link whose visible text is short
// ("Ändra") and whose full name says what it changes ("Ändra barnets
// namn"), through visually hidden text.
type Answers struct {
	// Rows are the questions and answers, in the order they were asked.
	Rows []Answer
}

// Answer is one row of Answers.
type Answer struct {
	// Question is the question, or a short name for it. Required.
	Question string
	// Value is the answer; line breaks are kept. Empty shows "Inget svar".
	Value string
	// ChangeURL is where to change the answer; empty leaves the link out.
	ChangeURL string
	// ChangeContext is the hidden end of the change link's name ("barnets
	// namn"); empty uses Question, with its first letter in lower case
	// unless it starts an acronym.
	ChangeContext string
}

type answerView struct {
	Question, Value, ChangeURL, Context string
}

// Render writes the list in lang.
func (c *Answers) Render(w io.Writer, lang string) error {
	var rows []answerView
	for i, r := range c.Rows {
		if strings.TrimSpace(r.Question) == "" {
			return fmt.Errorf("components: answers: row %d has no question", i+1)
		}
		ctx := r.ChangeContext
		if ctx == "" {
			ctx = lowerFirst(r.Question)
		}
		rows = append(rows, answerView{Question: r.Question, Value: r.Value, ChangeURL: r.ChangeURL, Context: ctx})
	}
	return execute(w, "answers", lang, rows)
}

// lowerFirst lower-cases the first letter of s when the next one is lower
// case too, so "Barnets namn" becomes "barnets namn" and "BVC" stays.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	next, _ := utf8.DecodeRuneInString(s[n:])
	if unicode.IsUpper(r) && unicode.IsLower(next) {
		return string(unicode.ToLower(r)) + s[n:]
	}
	return s
}

// Confirmation is the panel on the receipt page: the page's h1 and the
// case number, large, so that people can write it down; and, when an
// e-mail address is given, a line saying a confirmation was sent there.
type Confirmation struct {
	// Heading says what happened ("Vi har fått din ansökan"). Required.
	Heading string
	// CaseNumber is the case's number ("FS-2025-0042"). Required.
	CaseNumber string
	// Email is where a confirmation was sent (optional).
	Email string
}

// Render writes the panel in lang.
func (c *Confirmation) Render(w io.Writer, lang string) error {
	if strings.TrimSpace(c.Heading) == "" || strings.TrimSpace(c.CaseNumber) == "" {
		return fmt.Errorf("components: confirmation needs a heading and a case number")
	}
	return execute(w, "confirmation", lang, c)
}

// SaveForLater is the secondary button that saves the answers so far and
// ends the visit, with a line saying how long they are kept. It submits
// the form it is in with Name=Value and formnovalidate, so that the
// server saves without checking the page.
type SaveForLater struct {
	// Name and Value are sent with the form; "action" and "save" when
	// empty.
	Name, Value string
	// Days is how many days the answers are kept; 0 leaves the line out.
	Days int
}

// Render writes the button in lang.
func (c *SaveForLater) Render(w io.Writer, lang string) error {
	v := *c
	if v.Name == "" {
		v.Name = "action"
	}
	if v.Value == "" {
		v.Value = "save"
	}
	if v.Days < 0 {
		return fmt.Errorf("components: save for later: negative days")
	}
	return execute(w, "save", lang, v)
}

// Saved is the page content after SaveForLater: an h1 saying the answers
// are saved, how long they are kept, and a link to continue.
type Saved struct {
	// Days is how many days the answers are kept.
	Days int
	// ResumeURL is where to continue. Required.
	ResumeURL string
}

// Render writes the content in lang.
func (c *Saved) Render(w io.Writer, lang string) error {
	if c.ResumeURL == "" || c.Days < 0 {
		return fmt.Errorf("components: saved needs a resume URL and days ≥ 0")
	}
	return execute(w, "saved", lang, c)
}

// Heading is a heading of the given level (1–6; 2 when 0).
type Heading struct {
	Text  string
	Level int
	// Lang is the text's language when it is not the page's.
	Lang string
}

// Render writes the heading in lang.
func (c Heading) Render(w io.Writer, lang string) error {
	lvl := c.Level
	if lvl == 0 {
		lvl = 2
	}
	if lvl < 1 || lvl > 6 || strings.TrimSpace(c.Text) == "" {
		return fmt.Errorf("components: heading needs text and a level from 1 to 6")
	}
	return execute(w, "heading", lang, struct {
		Heading
		Level int
	}{c, lvl})
}

// Paragraph is a paragraph of text. Lead makes it the larger first
// paragraph of a page.
type Paragraph struct {
	Text string
	Lead bool
	// Lang is the text's language when it is not the page's.
	Lang string
}

// Render writes the paragraph in lang.
func (c Paragraph) Render(w io.Writer, lang string) error {
	return execute(w, "paragraph", lang, c)
}

// List is a bulleted or, with Numbered, numbered list of short texts.
type List struct {
	Items    []string
	Numbered bool
	// Lang is the items' language when it is not the page's.
	Lang string
}

// Render writes the list in lang.
func (c List) Render(w io.Writer, lang string) error {
	if len(c.Items) == 0 {
		return fmt.Errorf("components: list needs items")
	}
	return execute(w, "list", lang, c)
}

// Form is a form that posts to Action. It has novalidate: the server
// checks the answers and shows errors in the page's language, the same
// way in every browser.
type Form struct {
	// Action is where the form posts; empty posts to the page itself.
	Action string
	// Multipart is needed for FileUpload.
	Multipart bool
	// Hidden are hidden fields, such as a token against cross-site
	// request forgery.
	Hidden []Hidden
	// Content is the form's fields and buttons, in order.
	Content []Component
}

// Hidden is a hidden form field.
type Hidden struct {
	Name, Value string
}

// Render writes the form in lang.
func (c *Form) Render(w io.Writer, lang string) error {
	return execute(w, "form", lang, c)
}

// Button is a submit button, or with Href a link that looks like one (to
// start a service).
type Button struct {
	// Text is the button's text ("Fortsätt"). Required.
	Text string
	// ID is the element's id (optional).
	ID string
	// Name and Value are sent with the form.
	Name, Value string
	// Href makes the button a link to Href.
	Href string
	// Secondary gives the button less weight than the page's main action.
	Secondary bool
}

// Render writes the button in lang.
func (c Button) Render(w io.Writer, lang string) error {
	if strings.TrimSpace(c.Text) == "" {
		return fmt.Errorf("components: button needs text")
	}
	return execute(w, "button", lang, c)
}

// Group renders its components one after the other, in a div with the
// given class names (the style sheet knows "dk-button-group").
type Group struct {
	Class   string
	Content []Component
}

// Render writes the group in lang.
func (c Group) Render(w io.Writer, lang string) error {
	return execute(w, "group", lang, c)
}
