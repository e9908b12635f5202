package components

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// ErrField is wrapped by the errors Render returns for a field that lacks
// something it must have (an id, a label).
var ErrField = errors.New("components: incomplete field")

func fieldErr(kind, what string) error {
	return fmt.Errorf("%w: %s needs %s", ErrField, kind, what)
}

// fieldView is the shared part of every field's template data: the label
// and its marks, the hint and error with their ids, and the ids an input
// refers to with aria-describedby.
type fieldView struct {
	ID, Name    string
	Label       template.HTML
	Optional    bool
	Hint        template.HTML
	HintID      string
	Error       string
	ErrorID     string
	DescribedBy string
}

func newFieldView(id, name string, label template.HTML, hint template.HTML, errMsg string, optional bool) fieldView {
	f := fieldView{ID: id, Name: name, Label: label, Optional: optional, Hint: hint, Error: strings.TrimSpace(errMsg)}
	if f.Name == "" {
		f.Name = id
	}
	if f.Hint != "" {
		f.HintID = id + "-hint"
	}
	if f.Error != "" {
		f.ErrorID = id + "-error"
	}
	f.DescribedBy = ids(f.HintID, f.ErrorID)
	return f
}

// ids joins the non-empty ids with spaces, for aria-describedby.
func ids(list ...string) string {
	var out []string
	for _, s := range list {
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}

func esc(s string) template.HTML { return template.HTML(template.HTMLEscapeString(s)) }

// widths are the widths (in characters) inputs can be given.
var widths = []int{2, 3, 4, 5, 10, 13, 20, 30}

// widthClass returns the width class for a field that takes about n
// characters: the narrowest width that fits, or "" (full width).
func widthClass(n int) string {
	if n <= 0 {
		return ""
	}
	for _, w := range widths {
		if n <= w {
			return fmt.Sprintf("dk-input--w%d", w)
		}
	}
	return ""
}

// TextInput is a one-line text field with a label, an optional hint and an
// error message. The hint and the error are tied to the input with
// aria-describedby, and an error also sets aria-invalid. Fields are
// required unless Optional: optional fields say so in their label, and no
// field uses the required attribute, so that errors come from the server,
// in the page's language, in the error summary (the pattern that tested
// best in the UK government's research).
type TextInput struct {
	// ID is the input's id; the hint and error get ID+"-hint" and
	// ID+"-error". Required.
	ID string
	// Name is the form field name; ID when empty.
	Name string
	// Label is the visible label. Required.
	Label string
	// Hint helps people answer (a format, where to find the value).
	Hint string
	// Error is the error message, which says what to do ("Skriv barnets
	// förnamn"); empty when the value is accepted.
	Error string
	// Value is the current value.
	Value string
	// Type is "text" (the default), "email", "tel", "url" or "password".
	Type string
	// Autocomplete is passed through as the autocomplete attribute
	// ("given-name", "email", "off"), for WCAG 1.3.5.
	Autocomplete string
	// InputMode is passed through as the inputmode attribute ("numeric").
	InputMode string
	// Width is about how many characters the answer has; the field is
	// made that wide so that it hints at the answer's length. 0 is full
	// width.
	Width int
	// NoSpellcheck turns spell checking off (names, numbers, codes).
	NoSpellcheck bool
	// Optional marks the field as optional in its label.
	Optional bool
}

type inputView struct {
	fieldView
	Type, Value, Autocomplete, InputMode, Class string
	NoSpellcheck                                bool
}

var inputTypes = []string{"text", "email", "tel", "url", "password"}

func (c TextInput) view() (inputView, error) {
	if c.ID == "" {
		return inputView{}, fieldErr("text input", "an ID")
	}
	if strings.TrimSpace(c.Label) == "" {
		return inputView{}, fieldErr("text input "+c.ID, "a label")
	}
	typ := c.Type
	if typ == "" {
		typ = "text"
	}
	if !slices.Contains(inputTypes, typ) {
		return inputView{}, fmt.Errorf("components: text input %s: type %q is not one of %v", c.ID, typ, inputTypes)
	}
	return inputView{
		fieldView:    newFieldView(c.ID, c.Name, esc(c.Label), esc(c.Hint), c.Error, c.Optional),
		Type:         typ,
		Value:        c.Value,
		Autocomplete: c.Autocomplete,
		InputMode:    c.InputMode,
		Class:        widthClass(c.Width),
		NoSpellcheck: c.NoSpellcheck,
	}, nil
}

// Render writes the field in lang.
func (c TextInput) Render(w io.Writer, lang string) error {
	v, err := c.view()
	if err != nil {
		return err
	}
	return execute(w, "text-input", lang, v)
}

// PersonalNumber is the field for a Swedish personnummer or a Norwegian
// fødselsnummer: a text input labelled and explained from the catalog
// ("Personnummer", "12 siffror: födelsedatum (ååååmmdd) och fyra siffror
// till."), with inputmode="numeric" for a number keyboard, autocomplete
// "off" (there is no autocomplete token for it) and no spell checking. The
// field is a text input, not type=number: leading zeros, hyphens and
// pasted spaces must survive, and the server should accept the number with
// or without a hyphen or century.
type PersonalNumber struct {
	// ID is the input's id. Required.
	ID string
	// Name is the form field name; ID when empty.
	Name string
	// Country is "SE" (personnummer) or "NO" (fødselsnummer). Empty
	// takes NO for pages in nb or nn and SE for the others.
	Country string
	// Label and Hint replace the catalog's texts when set ("Barnets
	// personnummer").
	Label, Hint string
	// Error is the error message; Value the current value.
	Error, Value string
	// Optional marks the field as optional.
	Optional bool
}

// Render writes the field in lang.
func (c PersonalNumber) Render(w io.Writer, lang string) error {
	if c.ID == "" {
		return fieldErr("personal number", "an ID")
	}
	cat := shipped.resolve(lang)
	country := strings.ToUpper(c.Country)
	if country == "" {
		country = "SE"
		if cat.Tag == "nb" || cat.Tag == "nn" {
			country = "NO"
		}
	}
	if country != "SE" && country != "NO" {
		return fmt.Errorf("components: personal number %s: country %q is neither SE nor NO", c.ID, c.Country)
	}
	prefix := "pnr." + strings.ToLower(country) + "."
	label, hint := esc(c.Label), esc(c.Hint)
	if c.Label == "" {
		t, err := shipped.localize(cat, prefix+"label", nil)
		if err != nil {
			return err
		}
		label = t.HTML(cat.Tag)
	}
	if c.Hint == "" {
		t, err := shipped.localize(cat, prefix+"hint", nil)
		if err != nil {
			return err
		}
		hint = t.HTML(cat.Tag)
	}
	width := 13 // "19850612-1234"; an 11-digit fødselsnummer fits too
	v := inputView{
		fieldView:    newFieldView(c.ID, c.Name, label, hint, c.Error, c.Optional),
		Type:         "text",
		Value:        c.Value,
		Autocomplete: "off",
		InputMode:    "numeric",
		Class:        widthClass(width),
		NoSpellcheck: true,
	}
	return execute(w, "text-input", cat.Tag, v)
}

// Textarea is a multi-line text field. With MaxChars it tells the limit in
// text that is there without JavaScript ("Du kan skriva högst 500
// tecken."); with JavaScript it also shows how many characters are left
// and, a moment after typing stops, announces it in a polite live region.
// It does not set maxlength: text over the limit is kept (cutting pasted
// text off silently loses words) and the server rejects it with an error
// message, while the count says how many characters too many there are.
// Count characters on the server with CharCount.
type Textarea struct {
	// ID is the textarea's id. Required.
	ID string
	// Name is the form field name; ID when empty.
	Name string
	// Label is the visible label. Required.
	Label string
	// Hint, Error and Value are as for TextInput.
	Hint, Error, Value string
	// Rows is the visible height in lines; 5 when 0.
	Rows int
	// MaxChars is the most characters the answer may have; 0 for no limit
	// and no count.
	MaxChars int
	// Autocomplete is passed through.
	Autocomplete string
	// Optional marks the field as optional.
	Optional bool
}

type textareaView struct {
	fieldView
	Value, Autocomplete string
	Rows, Max           int
	CountID, StatusID   string
	Messages            string // JSON for the script
}

// CharCount counts the characters of s as the Textarea's script does:
// Unicode code points, with a CR LF line break (as forms send them)
// counted once.
func CharCount(s string) int {
	return utf8.RuneCountInString(strings.ReplaceAll(s, "\r\n", "\n"))
}

// Render writes the field in lang.
func (c Textarea) Render(w io.Writer, lang string) error {
	if c.ID == "" {
		return fieldErr("textarea", "an ID")
	}
	if strings.TrimSpace(c.Label) == "" {
		return fieldErr("textarea "+c.ID, "a label")
	}
	if c.MaxChars < 0 {
		return fmt.Errorf("components: textarea %s: negative MaxChars", c.ID)
	}
	cat := shipped.resolve(lang)
	v := textareaView{
		fieldView:    newFieldView(c.ID, c.Name, esc(c.Label), esc(c.Hint), c.Error, c.Optional),
		Value:        c.Value,
		Autocomplete: c.Autocomplete,
		Rows:         c.Rows,
		Max:          c.MaxChars,
	}
	if v.Rows <= 0 {
		v.Rows = 5
	}
	if c.MaxChars > 0 {
		v.CountID = c.ID + "-count"
		v.StatusID = c.ID + "-status"
		v.DescribedBy = ids(v.HintID, v.CountID, v.ErrorID)
		msgs, err := countMessages(cat)
		if err != nil {
			return err
		}
		v.Messages = msgs
	}
	return execute(w, "textarea", cat.Tag, v)
}

// Radios is a group of radio buttons in a fieldset whose legend asks the
// question. Each option may have a hint of its own, tied to its radio
// button. The hint and error of the group are tied to the fieldset.
type Radios struct {
	// ID is the id of the first radio button (the error summary links
	// there); the others get ID+"-2", ID+"-3"… Required.
	ID string
	// Name is the form field name; ID when empty.
	Name string
	// Legend asks the question. Required.
	Legend string
	// Hint and Error are as for TextInput.
	Hint, Error string
	// Options are the answers, in order. At least one.
	Options []Option
	// Optional marks the question as optional.
	Optional bool
}

// Checkboxes is a group of checkboxes in a fieldset, laid out as Radios.
type Checkboxes struct {
	// ID is the id of the first checkbox; the others get ID+"-2"… Required.
	ID string
	// Name is the form field name, shared by every box; ID when empty.
	Name string
	// Legend asks the question. Required.
	Legend string
	// Hint and Error are as for TextInput.
	Hint, Error string
	// Options are the answers, in order. At least one.
	Options []Option
	// Optional marks the question as optional.
	Optional bool
}

// Option is one answer of Radios, Checkboxes or Select.
type Option struct {
	// Value is sent with the form.
	Value string
	// Label is shown. Required.
	Label string
	// Hint explains the option (Radios and Checkboxes only).
	Hint string
	// Selected marks the option as chosen.
	Selected bool
}

type choiceView struct {
	fieldView
	Type    string
	Options []optionView
}

type optionView struct {
	ID, Value, Label, Hint, HintID string
	Selected                       bool
}

func choices(kind, typ, id, name, legend, hint, errMsg string, options []Option, optional bool) (choiceView, error) {
	if id == "" {
		return choiceView{}, fieldErr(kind, "an ID")
	}
	if strings.TrimSpace(legend) == "" {
		return choiceView{}, fieldErr(kind+" "+id, "a legend")
	}
	if len(options) == 0 {
		return choiceView{}, fieldErr(kind+" "+id, "options")
	}
	v := choiceView{fieldView: newFieldView(id, name, esc(legend), esc(hint), errMsg, optional), Type: typ}
	for i, o := range options {
		if strings.TrimSpace(o.Label) == "" {
			return choiceView{}, fieldErr(kind+" "+id, fmt.Sprintf("a label for option %d", i+1))
		}
		ov := optionView{ID: id, Value: o.Value, Label: o.Label, Hint: o.Hint, Selected: o.Selected}
		if i > 0 {
			ov.ID = fmt.Sprintf("%s-%d", id, i+1)
		}
		if o.Hint != "" {
			// Numbered for every option: the first option's id is the
			// group's, so ID+"-hint" is already the group's hint.
			ov.HintID = fmt.Sprintf("%s-%d-hint", id, i+1)
		}
		v.Options = append(v.Options, ov)
	}
	return v, nil
}

// Render writes the group in lang.
func (c Radios) Render(w io.Writer, lang string) error {
	v, err := choices("radios", "radio", c.ID, c.Name, c.Legend, c.Hint, c.Error, c.Options, c.Optional)
	if err != nil {
		return err
	}
	return execute(w, "choices", lang, v)
}

// Render writes the group in lang.
func (c Checkboxes) Render(w io.Writer, lang string) error {
	v, err := choices("checkboxes", "checkbox", c.ID, c.Name, c.Legend, c.Hint, c.Error, c.Options, c.Optional)
	if err != nil {
		return err
	}
	return execute(w, "choices", lang, v)
}

// Select is a drop-down list with a label. When no option is selected, a
// first empty option asks the user to choose ("Välj ett alternativ"), so
// that nothing is chosen for them. Prefer Radios for fewer than about
// eight options: they show every answer at once.
type Select struct {
	// ID is the select's id. Required.
	ID string
	// Name is the form field name; ID when empty.
	Name string
	// Label is the visible label. Required.
	Label string
	// Hint and Error are as for TextInput.
	Hint, Error string
	// Options are the answers. At least one.
	Options []Option
	// Autocomplete is passed through ("country-name").
	Autocomplete string
	// Optional marks the field as optional.
	Optional bool
}

type selectView struct {
	fieldView
	Options      []optionView
	Prompt       bool
	Autocomplete string
}

// Render writes the field in lang.
func (c Select) Render(w io.Writer, lang string) error {
	if c.ID == "" {
		return fieldErr("select", "an ID")
	}
	if strings.TrimSpace(c.Label) == "" {
		return fieldErr("select "+c.ID, "a label")
	}
	if len(c.Options) == 0 {
		return fieldErr("select "+c.ID, "options")
	}
	v := selectView{fieldView: newFieldView(c.ID, c.Name, esc(c.Label), esc(c.Hint), c.Error, c.Optional), Prompt: true, Autocomplete: c.Autocomplete}
	for i, o := range c.Options {
		if strings.TrimSpace(o.Label) == "" {
			return fieldErr("select "+c.ID, fmt.Sprintf("a label for option %d", i+1))
		}
		if o.Selected {
			v.Prompt = false
		}
		v.Options = append(v.Options, optionView{Value: o.Value, Label: o.Label, Selected: o.Selected})
	}
	return execute(w, "select", lang, v)
}

// DateInput asks for a date in three labelled fields — day, month and
// year — grouped in a fieldset whose legend asks the question.
//
// Three fields rather than one field with a format hint or a date picker:
// in the UK government's usability testing, the pattern it publishes for
// dates people know (a birth date, a start date), people make fewer
// mistakes when each part has its own labelled field, since they need not
// know or type a format with separators (2021-03-27, 27.03.2021 and
// 27/3/2021 are all normal somewhere in the Nordics), each field gets a
// number keyboard, and the error can point at the part that is wrong.
// Calendar pickers were slower and hard to use with a screen reader or a
// keyboard. The fields come in the order the language writes dates: year,
// month, day for Swedish (as in 2021-03-27), day, month, year otherwise.
type DateInput struct {
	// ID is the prefix of the fields' ids: ID+"-day", ID+"-month",
	// ID+"-year". Link an error summary to FirstID. Required.
	ID string
	// Name is the prefix of the field names (Name+"-day"…); ID when empty.
	Name string
	// Legend asks the question. Required.
	Legend string
	// Hint replaces the catalog's example ("Till exempel år 2021, månad 3
	// och dag 27.").
	Hint string
	// Error is the error message.
	Error string
	// Day, Month and Year are the current values.
	Day, Month, Year string
	// Invalid lists the parts the error is about ("day", "month", "year");
	// with an Error and no Invalid, all three are marked invalid.
	Invalid []string
	// Autocomplete is the token for the whole date, "bday" for a birth
	// date; the fields get "bday-day", "bday-month" and "bday-year".
	Autocomplete string
	// Optional marks the question as optional.
	Optional bool
}

type dateView struct {
	fieldView
	Parts []datePart
}

type datePart struct {
	ID, Name, Key, Value, Autocomplete, Class, DescribedBy string
	Invalid                                                bool
}

// FirstID returns the id of the date's first field in lang, for links from
// an error summary.
func (c DateInput) FirstID(lang string) string {
	return c.ID + "-" + dateOrder(shipped.resolve(lang))[0]
}

func dateOrder(c *catalog) []string {
	if c.DateOrder == "ymd" {
		return []string{"year", "month", "day"}
	}
	return []string{"day", "month", "year"}
}

// Render writes the date fields in lang.
func (c DateInput) Render(w io.Writer, lang string) error {
	if c.ID == "" {
		return fieldErr("date input", "an ID")
	}
	if strings.TrimSpace(c.Legend) == "" {
		return fieldErr("date input "+c.ID, "a legend")
	}
	for _, p := range c.Invalid {
		if p != "day" && p != "month" && p != "year" {
			return fmt.Errorf("components: date input %s: unknown part %q", c.ID, p)
		}
	}
	cat := shipped.resolve(lang)
	hint := esc(c.Hint)
	if c.Hint == "" {
		t, err := shipped.localize(cat, "date.hint", nil)
		if err != nil {
			return err
		}
		hint = t.HTML(cat.Tag)
	}
	v := dateView{fieldView: newFieldView(c.ID, c.Name, esc(c.Legend), hint, c.Error, c.Optional)}
	values := map[string]string{"day": c.Day, "month": c.Month, "year": c.Year}
	for _, part := range dateOrder(cat) {
		p := datePart{
			ID:    c.ID + "-" + part,
			Name:  v.Name + "-" + part,
			Key:   "date." + part,
			Value: values[part],
			Class: "dk-input--w2",
		}
		if part == "year" {
			p.Class = "dk-input--w4"
		}
		if c.Autocomplete != "" {
			p.Autocomplete = c.Autocomplete + "-" + part
		}
		if v.Error != "" && (len(c.Invalid) == 0 || slices.Contains(c.Invalid, part)) {
			p.Invalid = true
			p.DescribedBy = v.ErrorID
		}
		v.Parts = append(v.Parts, p)
	}
	return execute(w, "date", cat.Tag, v)
}

// FileUpload is a file field whose accepted types and largest size are
// said in text ("Filtyper du kan använda: PDF, JPG eller PNG. Filen får
// vara högst 10 MB."), not only in the accept attribute, which people
// cannot see. JPEG is named JPG, as people know it. Name at most four
// types: a longer run of names in capitals is hard to read. The form
// around it needs Form.Multipart.
type FileUpload struct {
	// ID is the input's id. Required.
	ID string
	// Name is the form field name; ID when empty.
	Name string
	// Label is the visible label. Required.
	Label string
	// Hint and Error are as for TextInput.
	Hint, Error string
	// Accept lists the file name extensions accepted, with the dot
	// (".pdf", ".jpg"); they are also written to the accept attribute.
	Accept []string
	// MaxBytes is the largest file accepted; 0 says nothing of size.
	MaxBytes int64
	// Multiple lets people choose several files.
	Multiple bool
	// Optional marks the field as optional.
	Optional bool
}

type fileView struct {
	fieldView
	Accept   string
	Rules    template.HTML
	RulesID  string
	Multiple bool
}

// typeNames maps file name extensions to the names people know the types
// by: JPEG and JPG are one type.
var typeNames = map[string]string{"JPEG": "JPG", "TIFF": "TIF", "HTM": "HTML"}

// Render writes the field in lang.
func (c FileUpload) Render(w io.Writer, lang string) error {
	if c.ID == "" {
		return fieldErr("file upload", "an ID")
	}
	if strings.TrimSpace(c.Label) == "" {
		return fieldErr("file upload "+c.ID, "a label")
	}
	cat := shipped.resolve(lang)
	v := fileView{fieldView: newFieldView(c.ID, c.Name, esc(c.Label), esc(c.Hint), c.Error, c.Optional), Multiple: c.Multiple}
	var names []string
	for _, ext := range c.Accept {
		ext = strings.TrimSpace(ext)
		if !strings.HasPrefix(ext, ".") || len(ext) < 2 {
			return fmt.Errorf("components: file upload %s: %q is not a file name extension like .pdf", c.ID, ext)
		}
		name := strings.ToUpper(ext[1:])
		if n, ok := typeNames[name]; ok {
			name = n
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	v.Accept = strings.Join(c.Accept, ",")
	var rules []template.HTML
	if len(names) > 0 {
		// The list and its sentence in one language.
		in := shipped.common(cat, "list.or", "file.types")
		list := names[0]
		if len(names) > 1 {
			t, err := shipped.localizeIn(in, "list.or", Data{"first": strings.Join(names[:len(names)-1], ", "), "last": names[len(names)-1]})
			if err != nil {
				return err
			}
			list = t.Value
		}
		t, err := shipped.localizeIn(in, "file.types", Data{"types": list})
		if err != nil {
			return err
		}
		rules = append(rules, t.HTML(cat.Tag))
	}
	if c.MaxBytes > 0 {
		t, err := shipped.localize(cat, "file.size", Data{"size": FormatSize(c.MaxBytes)})
		if err != nil {
			return err
		}
		rules = append(rules, t.HTML(cat.Tag))
	}
	if len(rules) > 0 {
		for i, r := range rules {
			if i > 0 {
				v.Rules += " "
			}
			v.Rules += r
		}
		v.RulesID = c.ID + "-rules"
		v.DescribedBy = ids(v.HintID, v.RulesID, v.ErrorID)
	}
	return execute(w, "file", cat.Tag, v)
}

// FormatSize writes a size in bytes for people: whole megabytes ("10 MB")
// or kilobytes ("500 kB"), rounded down, taking 1 MB as 1024 × 1024 bytes
// as file managers do.
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d kB", n>>10)
	default:
		return fmt.Sprintf("%d B", n)
	}
}
