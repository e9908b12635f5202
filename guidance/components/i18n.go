package components

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

//go:embed locales/*.json
var localeFS embed.FS

// Base is the language every other language falls back to in the end. Its
// catalog defines the keys and their placeholders.
const Base = "en"

// Language is one language the components ship texts in.
type Language struct {
	// Tag is the BCP 47 tag written in lang attributes ("sv", "nb", "ar").
	Tag string
	// Name is the language's name in the language itself ("Svenska",
	// "العربية"), for language pickers.
	Name string
	// Dir is the writing direction: "ltr" or "rtl".
	Dir string
	// Fallback is the language whose text is used, key by key, for texts
	// this language lacks ("nb" for nn, "en" for most). The chain ends at
	// Base, which has no fallback.
	Fallback string
	// DateOrder is the order of the day, month and year fields of a date:
	// "dmy" or "ymd".
	DateOrder string
}

// Text is a localized text and the language it is actually in, which
// differs from the language asked for when the text fell back.
type Text struct {
	Value string
	Lang  string
}

// Data holds the values of a text's placeholders ("{count}"). The value of
// "count" also chooses the plural form of texts that have several.
type Data map[string]any

// catalogFile is the JSON form of one language's catalog.
type catalogFile struct {
	Lang      string                     `json:"lang"`
	Name      string                     `json:"name"`
	Dir       string                     `json:"dir"`
	Fallback  string                     `json:"fallback"`
	DateOrder string                     `json:"dateOrder"`
	Texts     map[string]json.RawMessage `json:"texts"`
}

// message is one text of a catalog: a single form, or one form per plural
// category.
type message struct {
	forms  map[plural.Form]string
	plural bool
}

// catalog is one loaded language.
type catalog struct {
	Language
	tag   language.Tag
	texts map[string]message
	// problems explains why texts present in the file are unusable.
	problems []string
}

// catalogs is a loaded set of languages.
type catalogs struct {
	order []string // shipped order
	byTag map[string]*catalog
	keys  []string // the keys of Base, sorted
}

// shippedOrder is the order Languages returns: the Nordic languages, then
// English, then the languages of large groups of new arrivals.
var shippedOrder = []string{"sv", "nb", "nn", "en", "ar", "so", "ti", "pl", "ur", "fa"}

var formNames = map[string]plural.Form{
	"zero": plural.Zero, "one": plural.One, "two": plural.Two,
	"few": plural.Few, "many": plural.Many, "other": plural.Other,
}

// formName returns the CLDR name of a plural form.
func formName(f plural.Form) string {
	for n, v := range formNames {
		if v == f {
			return n
		}
	}
	return "other"
}

var placeholderRE = regexp.MustCompile(`\{([a-z][a-z0-9_]*)\}`)

// placeholders returns the sorted, distinct placeholder names of s.
func placeholders(s string) []string {
	var out []string
	for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}

// integerForms returns the plural forms whole numbers take in tag; those
// are the forms a plural text must have, since the components only count.
func integerForms(tag language.Tag) []plural.Form {
	seen := map[plural.Form]bool{}
	for n := 0; n <= 1000; n++ {
		seen[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)] = true
	}
	var out []plural.Form
	for f := range seen {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// loadCatalogs reads every locales/*.json of fsys. Malformed files are
// errors; texts that are empty, lack a plural form the language needs, or
// whose placeholders differ from Base's are left out of the catalog (so
// they fall back) and recorded as problems.
func loadCatalogs(fsys fs.FS) (*catalogs, error) {
	names, err := fs.Glob(fsys, "locales/*.json")
	if err != nil {
		return nil, fmt.Errorf("components: list catalogs: %w", err)
	}
	set := &catalogs{byTag: map[string]*catalog{}}
	raw := map[string]*catalogFile{}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("components: read %s: %w", name, err)
		}
		var f catalogFile
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&f); err != nil {
			return nil, fmt.Errorf("components: decode %s: %w", name, err)
		}
		if want := strings.TrimSuffix(path.Base(name), ".json"); f.Lang != want {
			return nil, fmt.Errorf("components: %s declares lang %q", name, f.Lang)
		}
		tag, err := language.Parse(f.Lang)
		if err != nil {
			return nil, fmt.Errorf("components: %s: %w", name, err)
		}
		if f.Name == "" {
			return nil, fmt.Errorf("components: %s has no name", name)
		}
		if f.Dir != "ltr" && f.Dir != "rtl" {
			return nil, fmt.Errorf("components: %s: dir %q is neither ltr nor rtl", name, f.Dir)
		}
		if f.DateOrder != "dmy" && f.DateOrder != "ymd" {
			return nil, fmt.Errorf("components: %s: dateOrder %q is neither dmy nor ymd", name, f.DateOrder)
		}
		if f.Lang == Base && f.Fallback != "" {
			return nil, fmt.Errorf("components: %s: the base language has no fallback", name)
		}
		if f.Lang != Base && f.Fallback == "" {
			return nil, fmt.Errorf("components: %s names no fallback language", name)
		}
		raw[f.Lang] = &f
		set.byTag[f.Lang] = &catalog{
			Language: Language{Tag: f.Lang, Name: f.Name, Dir: f.Dir, Fallback: f.Fallback, DateOrder: f.DateOrder},
			tag:      tag,
			texts:    map[string]message{},
		}
	}
	base, ok := raw[Base]
	if !ok {
		return nil, fmt.Errorf("components: no %s catalog", Base)
	}
	// Fallback chains must end at Base without a loop.
	for tag, c := range set.byTag {
		seen := map[string]bool{tag: true}
		for fb := c.Fallback; fb != ""; fb = set.byTag[fb].Fallback {
			if set.byTag[fb] == nil {
				return nil, fmt.Errorf("components: %s falls back to %q, which is not shipped", tag, fb)
			}
			if seen[fb] {
				return nil, fmt.Errorf("components: the fallbacks of %s loop at %s", tag, fb)
			}
			seen[fb] = true
		}
	}
	// The base catalog defines keys and placeholders; it must be whole.
	want := map[string][]string{}
	bc := set.byTag[Base]
	for key, v := range base.Texts {
		m, err := decodeMessage(v)
		if err != nil {
			return nil, fmt.Errorf("components: %s.json %s: %w", Base, key, err)
		}
		if p := checkMessage(bc, m, nil); p != "" {
			return nil, fmt.Errorf("components: %s.json %s: %s", Base, key, p)
		}
		bc.texts[key] = m
		want[key] = m.placeholders()
		set.keys = append(set.keys, key)
	}
	sort.Strings(set.keys)
	for tag, f := range raw {
		if tag == Base {
			continue
		}
		c := set.byTag[tag]
		for key, v := range f.Texts {
			ph, known := want[key]
			if !known {
				return nil, fmt.Errorf("components: %s.json: unknown key %s", tag, key)
			}
			m, err := decodeMessage(v)
			if err != nil {
				return nil, fmt.Errorf("components: %s.json %s: %w", tag, key, err)
			}
			if m.plural != bc.texts[key].plural {
				c.problems = append(c.problems, fmt.Sprintf("%s: plural forms where %s has none, or none where it has", key, Base))
				continue
			}
			if p := checkMessage(c, m, ph); p != "" {
				c.problems = append(c.problems, key+": "+p)
				continue
			}
			c.texts[key] = m
		}
		sort.Strings(c.problems)
	}
	for _, tag := range shippedOrder {
		if set.byTag[tag] != nil {
			set.order = append(set.order, tag)
		}
	}
	var extra []string
	for tag := range set.byTag {
		if !slices.Contains(set.order, tag) {
			extra = append(extra, tag)
		}
	}
	sort.Strings(extra)
	set.order = append(set.order, extra...)
	return set, nil
}

// decodeMessage reads a text: a JSON string, or an object of plural forms.
func decodeMessage(v json.RawMessage) (message, error) {
	var s string
	if err := json.Unmarshal(v, &s); err == nil {
		return message{forms: map[plural.Form]string{plural.Other: s}}, nil
	}
	var forms map[string]string
	if err := json.Unmarshal(v, &forms); err != nil {
		return message{}, errors.New("neither a string nor an object of plural forms")
	}
	m := message{forms: map[plural.Form]string{}, plural: true}
	for name, s := range forms {
		f, ok := formNames[name]
		if !ok {
			return message{}, fmt.Errorf("unknown plural form %q", name)
		}
		m.forms[f] = s
	}
	return m, nil
}

// placeholders returns the placeholders of all forms together.
func (m message) placeholders() []string {
	var all []string
	for _, s := range m.forms {
		for _, p := range placeholders(s) {
			if !slices.Contains(all, p) {
				all = append(all, p)
			}
		}
	}
	sort.Strings(all)
	return all
}

// checkMessage says what makes m unusable in c ("" when nothing): an empty
// form, a missing plural form, or placeholders other than want (all forms
// together; a form may leave one out, as "one" forms that spell the number
// do). want nil skips the placeholder check.
func checkMessage(c *catalog, m message, want []string) string {
	for f, s := range m.forms {
		if strings.TrimSpace(s) == "" {
			return fmt.Sprintf("empty %s form", formName(f))
		}
	}
	if m.plural {
		for _, f := range integerForms(c.tag) {
			if _, ok := m.forms[f]; !ok {
				return fmt.Sprintf("no %s form, which %s needs", formName(f), c.Tag)
			}
		}
		if m.plural && !slices.Contains(placeholders(strings.Join(formsText(m), " ")), "count") {
			return "plural forms without a {count} placeholder"
		}
	}
	if want != nil && !slices.Equal(m.placeholders(), want) {
		return fmt.Sprintf("placeholders %v, want %v", m.placeholders(), want)
	}
	return ""
}

func formsText(m message) []string {
	var out []string
	for _, s := range m.forms {
		out = append(out, s)
	}
	return out
}

// shipped is the package's catalog set, loaded from the embedded files.
var shipped = mustLoad()

func mustLoad() *catalogs {
	set, err := loadCatalogs(localeFS)
	if err != nil {
		panic(err)
	}
	return set
}

// Languages returns every shipped language in a stable order: sv, nb, nn,
// en, ar, so, ti, pl, ur, fa.
func Languages() []Language { return shipped.languages() }

func (s *catalogs) languages() []Language {
	out := make([]Language, 0, len(s.order))
	for _, tag := range s.order {
		out = append(out, s.byTag[tag].Language)
	}
	return out
}

// LanguageOf returns the shipped language with the given tag (exactly, as
// Languages lists it).
func LanguageOf(tag string) (Language, bool) {
	c, ok := shipped.byTag[tag]
	if !ok {
		return Language{}, false
	}
	return c.Language, true
}

// Keys returns the keys of every text, sorted.
func Keys() []string { return slices.Clone(shipped.keys) }

// Missing returns the keys lang has no usable text of its own for, sorted:
// absent, empty, without a plural form the language needs, or with
// placeholders other than Base's. For a language that is not shipped it
// returns every key.
func Missing(lang string) []string { return shipped.missing(lang) }

func (s *catalogs) missing(lang string) []string {
	c := s.byTag[lang]
	var out []string
	for _, k := range s.keys {
		if c == nil {
			out = append(out, k)
			continue
		}
		if _, ok := c.texts[k]; !ok {
			out = append(out, k)
		}
	}
	return out
}

// Complete returns the shipped languages that have every text of their
// own, in the order of Languages.
func Complete() []string { return shipped.complete() }

func (s *catalogs) complete() []string {
	var out []string
	for _, tag := range s.order {
		if len(s.missing(tag)) == 0 {
			out = append(out, tag)
		}
	}
	return out
}

// Fallbacks returns, for every key lang lacks (see Missing), the language
// its text is taken from: the first language along lang's fallback chain
// that has it. A component writes that text with a lang attribute naming
// that language (WCAG 3.1.2). A language that is not shipped resolves to
// another one first (see Match), so every key of it "falls back".
func Fallbacks(lang string) map[string]string { return shipped.fallbacks(lang) }

func (s *catalogs) fallbacks(lang string) map[string]string {
	c := s.resolve(lang)
	out := map[string]string{}
	for _, k := range s.keys {
		if _, from := s.lookup(c, k); from.Tag != lang {
			out[k] = from.Tag
		}
	}
	return out
}

// Problems lists, per language, the texts its catalog has but that are
// unusable (see Missing), with the reason. Languages without problems are
// left out.
func Problems() map[string][]string {
	out := map[string][]string{}
	for tag, c := range shipped.byTag {
		if len(c.problems) > 0 {
			out[tag] = slices.Clone(c.problems)
		}
	}
	return out
}

// matcher picks a shipped language for a requested one. Base is listed
// first so that it is what the matcher falls back to.
func (s *catalogs) matcher() (language.Matcher, []string) {
	tags := []string{Base}
	for _, t := range s.order {
		if t != Base {
			tags = append(tags, t)
		}
	}
	lt := make([]language.Tag, len(tags))
	for i, t := range tags {
		lt[i] = s.byTag[t].tag
	}
	return language.NewMatcher(lt), tags
}

// aliases are languages readers of a shipped language read well enough
// that its texts serve them better than English.
var aliases = map[string]string{"no": "nb", "da": "nb"}

// Match returns the shipped language that serves best a reader who asks
// for the given languages, in order of preference. Each may be a tag
// ("nb-NO") or a whole Accept-Language header value. Norwegian ("no") and
// Danish get bokmål; anything unknown, or nothing, gets Base.
func Match(prefs ...string) Language { return shipped.match(prefs...).Language }

func (s *catalogs) match(prefs ...string) *catalog {
	var tags []language.Tag
	for _, p := range prefs {
		if c, ok := s.byTag[p]; ok && len(tags) == 0 {
			return c // an exact tag needs no matching
		}
		parsed, _, err := language.ParseAcceptLanguage(p)
		if err != nil {
			continue
		}
		for _, t := range parsed {
			base, _ := t.Base()
			if a, ok := aliases[base.String()]; ok {
				t = s.byTag[a].tag
			}
			tags = append(tags, t)
		}
	}
	if len(tags) == 0 {
		return s.byTag[Base]
	}
	m, order := s.matcher()
	_, idx, conf := m.Match(tags...)
	if conf == language.No {
		return s.byTag[Base]
	}
	return s.byTag[order[idx]]
}

// resolve returns the catalog for a language a component is rendered in.
func (s *catalogs) resolve(lang string) *catalog {
	if c, ok := s.byTag[lang]; ok {
		return c
	}
	return s.match(lang)
}

// lookup finds key's message along c's fallback chain, and the catalog it
// came from. Every key exists in Base, so only an unknown key returns false.
func (s *catalogs) lookup(c *catalog, key string) (message, *catalog) {
	for cur := c; cur != nil; cur = s.byTag[cur.Fallback] {
		if m, ok := cur.texts[key]; ok {
			return m, cur
		}
		if cur.Fallback == "" {
			break
		}
	}
	return message{}, s.byTag[Base]
}

// common returns the first catalog along c's fallback chain that has all
// of keys, so that texts built from several keys are in one language.
func (s *catalogs) common(c *catalog, keys ...string) *catalog {
	for cur := c; cur != nil; cur = s.byTag[cur.Fallback] {
		all := true
		for _, k := range keys {
			if _, ok := cur.texts[k]; !ok {
				all = false
				break
			}
		}
		if all || cur.Fallback == "" {
			return cur
		}
	}
	return s.byTag[Base]
}

// Localize returns the text of key in lang, falling back along lang's
// chain when lang lacks it, with the placeholders filled from data. The
// value of data["count"] (an integer) chooses the plural form. The Text's
// Lang tells which language it is in.
func Localize(lang, key string, data Data) (Text, error) {
	return shipped.localize(shipped.resolve(lang), key, data)
}

func (s *catalogs) localize(c *catalog, key string, data Data) (Text, error) {
	m, from := s.lookup(c, key)
	if m.forms == nil {
		return Text{}, fmt.Errorf("components: unknown text %q", key)
	}
	return format(from, m, data)
}

// localizeIn returns key's text from exactly catalog c.
func (s *catalogs) localizeIn(c *catalog, key string, data Data) (Text, error) {
	m, ok := c.texts[key]
	if !ok {
		return Text{}, fmt.Errorf("components: no text %q in %s", key, c.Tag)
	}
	return format(c, m, data)
}

// format chooses the form of m for data["count"] and fills placeholders.
func format(c *catalog, m message, data Data) (Text, error) {
	s := m.forms[plural.Other]
	if m.plural {
		n, ok := toInt(data["count"])
		if !ok {
			return Text{}, fmt.Errorf("components: plural text needs an integer count, got %v", data["count"])
		}
		f := plural.Cardinal.MatchPlural(c.tag, n, 0, 0, 0, 0)
		if v, ok := m.forms[f]; ok {
			s = v
		}
	}
	var missing []string
	s = placeholderRE.ReplaceAllStringFunc(s, func(ph string) string {
		name := ph[1 : len(ph)-1]
		v, ok := data[name]
		if !ok {
			missing = append(missing, name)
			return ph
		}
		return fmt.Sprint(v)
	})
	if len(missing) > 0 {
		return Text{}, fmt.Errorf("components: no value for %s", strings.Join(missing, ", "))
	}
	return Text{Value: s, Lang: c.Tag}, nil
}

func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case int32:
		return int(n), true
	case uint:
		return int(n), true
	}
	return 0, false
}

// directionOf returns the writing direction of a shipped language, "ltr"
// for others.
func directionOf(tag string) string {
	base, _, _ := strings.Cut(tag, "-")
	if c, ok := shipped.byTag[strings.ToLower(base)]; ok {
		return c.Dir
	}
	return "ltr"
}

// HTML returns the text escaped for element content on a page in
// pageLang. A text in another language is wrapped in a span whose lang
// attribute names its language, with a dir attribute when its direction
// differs from the page's.
func (t Text) HTML(pageLang string) template.HTML {
	esc := template.HTMLEscapeString(t.Value)
	if t.Lang == "" || t.Lang == pageLang {
		return template.HTML(esc)
	}
	dir := ""
	if d := directionOf(t.Lang); d != directionOf(pageLang) {
		dir = ` dir="` + d + `"`
	}
	return template.HTML(`<span lang="` + template.HTMLEscapeString(t.Lang) + `"` + dir + `>` + esc + `</span>`)
}
