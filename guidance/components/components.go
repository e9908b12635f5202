package components

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Component is anything the package renders: a page, a field, a block of
// content. Render writes its HTML in the given language (a shipped tag, or
// any tag, which Match resolves) to w. Texts the components write
// themselves come from the language's catalog; texts the caller gives
// (labels, hints, errors, values) are written as given, escaped, and are
// taken to be in the page's language.
type Component interface {
	Render(w io.Writer, lang string) error
}

// HTML renders c in lang and returns its markup, for use as a value in the
// caller's own html/template templates.
func HTML(c Component, lang string) (template.HTML, error) {
	var b strings.Builder
	if err := c.Render(&b, lang); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

//go:embed templates/*.gohtml
var templateFS embed.FS

// templates holds every component's template, parsed once.
var templates = template.Must(template.New("components").ParseFS(templateFS, "templates/*.gohtml"))

// view is what a component's template sees: the component's own data in
// D, and methods for texts in the page's language.
type view struct {
	cat *catalog
	// D is the component's data, prepared by its Render.
	D any
}

// execute renders the named template with data in lang.
func execute(w io.Writer, name, lang string, data any) error {
	v := &view{cat: shipped.resolve(lang), D: data}
	if err := templates.ExecuteTemplate(w, name, v); err != nil {
		return fmt.Errorf("components: render %s: %w", name, err)
	}
	return nil
}

// Lang returns the tag of the language the page is rendered in.
func (v *view) Lang() string { return v.cat.Tag }

// Dir returns the writing direction of that language.
func (v *view) Dir() string { return v.cat.Dir }

// data builds Data from alternating names and values.
func data(args []any) (Data, error) {
	if len(args)%2 != 0 {
		return nil, fmt.Errorf("components: odd number of text arguments")
	}
	d := Data{}
	for i := 0; i < len(args); i += 2 {
		name, ok := args[i].(string)
		if !ok {
			return nil, fmt.Errorf("components: text argument name %v is not a string", args[i])
		}
		d[name] = args[i+1]
	}
	return d, nil
}

// Text returns key's text with placeholders filled from name/value pairs.
func (v *view) Text(key string, args ...any) (Text, error) {
	d, err := data(args)
	if err != nil {
		return Text{}, err
	}
	return shipped.localize(v.cat, key, d)
}

// T returns key's text as element content: escaped, and wrapped in an
// element with a lang attribute when it is in a fallback language.
func (v *view) T(key string, args ...any) (template.HTML, error) {
	t, err := v.Text(key, args...)
	if err != nil {
		return "", err
	}
	return t.HTML(v.cat.Tag), nil
}

// Own returns key's text only when it is in the page's language, else "".
// It is for places that cannot carry a lang attribute of their own, such
// as the document title: there a text in another language is left out.
func (v *view) Own(key string, args ...any) (string, error) {
	t, err := v.Text(key, args...)
	if err != nil || t.Lang != v.cat.Tag {
		return "", err
	}
	return t.Value, nil
}

// Render renders a nested component in the page's language.
func (v *view) Render(c Component) (template.HTML, error) {
	if c == nil {
		return "", nil
	}
	return HTML(c, v.cat.Tag)
}

// LangAttrs returns lang and dir attributes for an element whose text is
// in lang, when that is not the page's language; nothing otherwise.
func (v *view) LangAttrs(lang string) template.HTMLAttr {
	if lang == "" || lang == v.cat.Tag {
		return ""
	}
	if _, err := language.Parse(lang); err != nil {
		return "" // never write a tag that is not one
	}
	a := ` lang="` + template.HTMLEscapeString(lang) + `"`
	if d := directionOf(lang); d != v.cat.Dir {
		a += ` dir="` + d + `"`
	}
	return template.HTMLAttr(a)
}

// sentenceCase upper-cases the first letter of s.
func sentenceCase(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
