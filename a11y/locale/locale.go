// Package locale holds Delaktig's message catalogs (English, Swedish and
// Norwegian bokmål) and renders messages in the reader's language.
//
// Catalogs are JSON files embedded from <lang>/*.json; each file holds a part
// of the catalog (a rule family, the report's words) and the parts of one
// language are merged. A message key is "<rule-id>.<message>"; placeholders are
// named ({ratio}); a message may have plural forms {"one": …, "other": …},
// chosen by the "count" value of its data.
package locale

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

//go:embed */*.json
var files embed.FS

// RuleText is the text of one rule in one language.
type RuleText struct {
	Title    string          `json:"title"`
	Help     string          `json:"help"`
	Messages map[string]Text `json:"messages"`
}

// Text is a message: a plain string, or plural forms.
type Text struct {
	One   string
	Other string
}

// UnmarshalJSON accepts "text" or {"one": "…", "other": "…"}.
func (t *Text) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		t.One, t.Other = s, s
		return nil
	}
	var p struct{ One, Other string }
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("locale: message must be a string or {\"one\",\"other\"}: %w", err)
	}
	if p.One == "" || p.Other == "" {
		return fmt.Errorf("locale: plural message needs both \"one\" and \"other\"")
	}
	t.One, t.Other = p.One, p.Other
	return nil
}

// Catalog is every text of one language.
type Catalog struct {
	Lang      string
	Outcomes  map[string]string
	Impacts   map[string]string
	Rules     map[string]RuleText
	Questions map[string]string
	// UI holds the words of reports and the command line, keyed by a dotted name.
	UI map[string]string

	fallback *Catalog
}

type part struct {
	Outcomes  map[string]string   `json:"outcomes"`
	Impacts   map[string]string   `json:"impacts"`
	Rules     map[string]RuleText `json:"rules"`
	Questions map[string]string   `json:"questions"`
	UI        map[string]string   `json:"ui"`
}

var (
	loadOnce sync.Once
	catalogs map[string]*Catalog
	loadErr  error
	tags     = []language.Tag{language.English, language.Swedish, language.MustParse("nb")}
	names    = []string{"en", "sv", "nb"}
	matcher  = language.NewMatcher(tags)
)

// Langs returns the shipped catalog languages: en, sv, nb.
func Langs() []string { return append([]string(nil), names...) }

func load() {
	catalogs = map[string]*Catalog{}
	for _, lang := range names {
		c := &Catalog{Lang: lang, Outcomes: map[string]string{}, Impacts: map[string]string{},
			Rules: map[string]RuleText{}, Questions: map[string]string{}, UI: map[string]string{}}
		entries, err := fs.Glob(files, lang+"/*.json")
		if err != nil {
			loadErr = err
			return
		}
		sort.Strings(entries)
		for _, e := range entries {
			b, err := files.ReadFile(e)
			if err != nil {
				loadErr = err
				return
			}
			var p part
			if err := json.Unmarshal(b, &p); err != nil {
				loadErr = fmt.Errorf("locale: %s: %w", e, err)
				return
			}
			if err := merge(c, &p, e); err != nil {
				loadErr = err
				return
			}
		}
		catalogs[lang] = c
	}
	for _, lang := range names[1:] {
		catalogs[lang].fallback = catalogs["en"]
	}
}

func merge(c *Catalog, p *part, file string) error {
	for k, v := range p.Outcomes {
		c.Outcomes[k] = v
	}
	for k, v := range p.Impacts {
		c.Impacts[k] = v
	}
	for k, v := range p.Questions {
		if _, dup := c.Questions[k]; dup {
			return fmt.Errorf("locale: %s: question %q defined twice", file, k)
		}
		c.Questions[k] = v
	}
	for k, v := range p.UI {
		if _, dup := c.UI[k]; dup {
			return fmt.Errorf("locale: %s: ui text %q defined twice", file, k)
		}
		c.UI[k] = v
	}
	for k, v := range p.Rules {
		if _, dup := c.Rules[k]; dup {
			return fmt.Errorf("locale: %s: rule %q defined twice", file, k)
		}
		c.Rules[k] = v
	}
	return nil
}

// Err reports a malformed embedded catalog (tests check it is nil).
func Err() error {
	loadOnce.Do(load)
	return loadErr
}

// Match returns the shipped language best matching a BCP 47 tag or an
// Accept-Language list: sv → sv; nb, nn, no, da → nb; anything else → en.
func Match(lang string) string {
	lang = strings.TrimSpace(lang)
	if lang == "" {
		return "en"
	}
	prefs, _, err := language.ParseAcceptLanguage(lang)
	if err != nil || len(prefs) == 0 {
		return "en"
	}
	for _, p := range prefs {
		base, _ := p.Base()
		switch base.String() {
		case "nn", "no", "da":
			return "nb"
		}
		_, idx, conf := matcher.Match(p)
		if conf != language.No {
			return names[idx]
		}
	}
	return "en"
}

// For returns the catalog for a language tag (negotiated with Match). It
// never returns nil: a malformed embedded catalog yields an empty one.
func For(lang string) *Catalog {
	loadOnce.Do(load)
	if c := catalogs[Match(lang)]; c != nil {
		return c
	}
	return &Catalog{Lang: "en"}
}

// Get returns the catalog of exactly the shipped language lang, or nil.
func Get(lang string) *Catalog {
	loadOnce.Do(load)
	return catalogs[lang]
}

func splitKey(key string) (rule, msg string) {
	i := strings.IndexByte(key, '.')
	if i < 0 {
		return key, ""
	}
	return key[:i], key[i+1:]
}

// Lookup returns the raw text of a message key, falling back to English.
func (c *Catalog) Lookup(key string) (Text, bool) {
	rule, msg := splitKey(key)
	for cat := c; cat != nil; cat = cat.fallback {
		if r, ok := cat.Rules[rule]; ok {
			if t, ok := r.Messages[msg]; ok {
				return t, true
			}
		}
	}
	return Text{}, false
}

// Has reports whether the catalog itself (without fallback) holds key.
func (c *Catalog) Has(key string) bool {
	rule, msg := splitKey(key)
	_, ok := c.Rules[rule].Messages[msg]
	return ok
}

// Message renders a message key with its data. A missing key renders as the
// key itself, so a gap shows instead of hiding.
func (c *Catalog) Message(key string, data map[string]any) string {
	t, ok := c.Lookup(key)
	if !ok {
		return key
	}
	s := t.Other
	if n, ok := count(data); ok && n == 1 {
		s = t.One
	}
	return Fill(s, data)
}

func count(data map[string]any) (float64, bool) {
	v, ok := data["count"]
	if !ok {
		return 0, false
	}
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case float64:
		return x, true
	case string:
		f, err := strconv.ParseFloat(x, 64)
		return f, err == nil
	}
	return 0, false
}

// Title returns a rule's title, falling back to English, then to the id.
func (c *Catalog) Title(rule string) string {
	for cat := c; cat != nil; cat = cat.fallback {
		if r, ok := cat.Rules[rule]; ok && r.Title != "" {
			return r.Title
		}
	}
	return rule
}

// Help returns a rule's advice on how to fix a failure, falling back to English.
func (c *Catalog) Help(rule string) string {
	for cat := c; cat != nil; cat = cat.fallback {
		if r, ok := cat.Rules[rule]; ok && r.Help != "" {
			return r.Help
		}
	}
	return ""
}

// Question returns the text of a cantTell question key.
func (c *Catalog) Question(key string) string {
	for cat := c; cat != nil; cat = cat.fallback {
		if q, ok := cat.Questions[key]; ok {
			return q
		}
	}
	return key
}

// Outcome returns the word for an outcome ("failed" → "Underkänd").
func (c *Catalog) Outcome(o string) string {
	for cat := c; cat != nil; cat = cat.fallback {
		if s, ok := cat.Outcomes[o]; ok {
			return s
		}
	}
	return o
}

// Impact returns the word for an impact ("serious").
func (c *Catalog) Impact(i string) string {
	for cat := c; cat != nil; cat = cat.fallback {
		if s, ok := cat.Impacts[i]; ok {
			return s
		}
	}
	return i
}

// UIText returns a report or command-line text, filled with data.
func (c *Catalog) UIText(key string, data map[string]any) string {
	for cat := c; cat != nil; cat = cat.fallback {
		if s, ok := cat.UI[key]; ok {
			return Fill(s, data)
		}
	}
	return key
}

var placeholder = regexp.MustCompile(`\{([a-zA-Z_][a-zA-Z0-9_]*)\}`)

// Fill replaces {name} placeholders with values from data; unknown names
// are left as they are.
func Fill(s string, data map[string]any) string {
	if !strings.Contains(s, "{") {
		return s
	}
	// the matches of the placeholder pattern, found without the regexp
	// engine: messages are filled for every reported finding
	var b strings.Builder
	b.Grow(len(s) + 32)
	for i := 0; i < len(s); {
		end := placeholderEnd(s, i)
		if end < 0 {
			b.WriteByte(s[i])
			i++
			continue
		}
		m := s[i:end]
		i = end
		v, ok := data[m[1:len(m)-1]]
		if !ok {
			b.WriteString(m)
			continue
		}
		switch x := v.(type) {
		case string:
			b.WriteString(x)
		case float64:
			b.WriteString(strconv.FormatFloat(x, 'f', -1, 64))
		case fmt.Stringer:
			b.WriteString(x.String())
		default:
			b.WriteString(fmt.Sprint(x))
		}
	}
	return b.String()
}

// placeholderEnd returns the end of the placeholder "{name}" starting at i,
// or -1 when none starts there.
func placeholderEnd(s string, i int) int {
	if s[i] != '{' || i+1 >= len(s) || !identByte(s[i+1], true) {
		return -1
	}
	for j := i + 2; j < len(s); j++ {
		switch {
		case s[j] == '}':
			return j + 1
		case !identByte(s[j], false):
			return -1
		}
	}
	return -1
}

func identByte(c byte, first bool) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || !first && '0' <= c && c <= '9'
}

// Placeholders returns the sorted, de-duplicated placeholder names in s.
func Placeholders(s string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}

// Files lists the embedded catalog files (for tests and documentation).
func Files() []string {
	var out []string
	_ = fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && path.Ext(p) == ".json" {
			out = append(out, p)
		}
		return nil
	})
	return out
}
