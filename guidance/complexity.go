package guidance

import (
	"math"
	"sort"
	"strings"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/locale"
	"github.com/delaktig/delaktig/guidance/readability"
)

// Complexity measures the burden of one page of a form: what it asks, how
// long it takes, and one score. It is pages[].complexity in the schema-1
// report.
type Complexity struct {
	// Fields is the number of questions: fields, plus groups of radio
	// buttons or checkboxes sharing a name (see PageFacts.Fields).
	Fields int `json:"fields"`
	// Required is the number of required questions.
	Required int `json:"required"`
	// Choices is the number of options to choose among: radio buttons,
	// checkboxes and select options.
	Choices int `json:"choices"`
	// FreeText is the number of free-text fields (<textarea>).
	FreeText int `json:"free_text"`
	// Uploads is the number of file fields.
	Uploads int `json:"uploads"`
	// KnownInfo is the number of questions about information the
	// authority probably holds already: personal identity number, name,
	// address, date of birth (population registers have them).
	KnownInfo int `json:"known_info"`
	// KnownKinds lists the kinds of those questions (Kind… constants).
	KnownKinds []string `json:"known_kinds,omitempty"`
	// Words is the number of words of the page's text (PageText, labels
	// included: people read them too).
	Words int `json:"words"`
	// LIX is the LIX of the page's running text (ProseText), 0 below
	// Options.MinLIXWords words.
	LIX float64 `json:"lix"`
	// ReadingSeconds is the time to read the text at TimeModel.ReadingWPM.
	ReadingSeconds int `json:"reading_seconds"`
	// FillSeconds is the time to answer the questions (TimeModel).
	FillSeconds int `json:"fill_seconds"`
	// Seconds is the estimated time for the page: reading, answering and
	// TimeModel.PageSeconds.
	Seconds int `json:"seconds"`
	// Score runs from 0 (nothing to do) to 100 (very burdensome); see
	// Score for the model.
	Score int `json:"score"`
	// Level names the score's band: "low" (below 20), "moderate" (below
	// 40), "high" (below 60) or "very-high".
	Level string `json:"level"`
	// Reasons explain the score, largest first.
	Reasons []Reason `json:"reasons"`
}

// Flow measures a whole flow: the sums of its pages, the questions asked
// on more than one step, and one score. FlowComplexity computes it; it is
// flow.complexity in the schema-1 report.
type Flow struct {
	// Steps is the number of pages.
	Steps int `json:"steps"`
	// Complexity holds the sums over the pages (LIX is the highest of any
	// page), and the flow's score, level and reasons.
	Complexity
	// AskedTwice lists the questions asked on more than one step, by kind
	// when known ("personal-id"), else by label. Page content.
	AskedTwice []string `json:"asked_twice,omitempty"`
}

// Reason is one part of a complexity score.
type Reason struct {
	// Key is a message key of the locale catalogs ("complexity.time"),
	// rendered with Data.
	Key string `json:"key"`
	// Points is what this part adds to the score.
	Points int `json:"points"`
	// Data fills the message's placeholders.
	Data map[string]any `json:"data,omitempty"`
}

// Text renders the reason in a language (en, sv, nb; others negotiated).
func (r Reason) Text(lang string) string { return locale.For(lang).Message(r.Key, r.Data) }

// The reason keys (messages of the pseudo-rule "complexity" in the catalogs).
const (
	ReasonTime       = "complexity.time"
	ReasonFields     = "complexity.fields"
	ReasonFreeText   = "complexity.free-text"
	ReasonUploads    = "complexity.uploads"
	ReasonKnownInfo  = "complexity.known-info"
	ReasonAskedTwice = "complexity.asked-twice"
	ReasonReading    = "complexity.reading"
	ReasonSteps      = "complexity.steps"
)

// ReasonKeys lists every reason key (for catalog tests and writers).
func ReasonKeys() []string {
	return []string{ReasonTime, ReasonFields, ReasonFreeText, ReasonUploads, ReasonKnownInfo, ReasonAskedTwice, ReasonReading, ReasonSteps}
}

// TimeModel is the model behind the time estimates, in seconds. It
// estimates the time of a person who is not in a hurry and not practised
// at forms — the people an e-service must not lose — not of an expert.
//
// The per-field times build on the Keystroke-Level Model (Card, Moran and
// Newell 1980, "The keystroke-level model for user performance time with
// interactive systems", CACM 23(7)): pointing ≈ 1.1 s, mental preparation ≈
// 1.35 s, and a keystroke from 0.2 s (good typist) to 1.2 s (unfamiliar with
// the keyboard). A ten-letter name at 0.5 s a key, plus pointing, preparing
// and reading the label, is about 10 s; a twelve-digit personal identity
// number must also be recalled or looked up and checked, about 15 s. A
// choice needs reading every option (about 1 s each, Hick–Hyman for
// unfamiliar items); free text means composing an answer, a minute for a
// few sentences; an upload means finding or scanning a document, a minute
// and a half. Reading speed is set to 120 words a minute: half the adult
// average for silent reading of about 240 words a minute (Brysbaert 2019,
// "How many words do we read per minute?", Journal of Memory and Language
// 109), for people with reading difficulties or reading in a second
// language. The model is an estimate to compare pages and versions, not a
// measurement.
type TimeModel struct {
	Text          float64 // a short text field: a name, a street
	PersonalID    float64 // personnummer, fødselsnummer
	Contact       float64 // e-mail or phone number
	Date          float64 // a date
	Number        float64 // a number
	Select        float64 // a select, plus SelectOption per option
	SelectOption  float64 // per option of a select beyond the tenth
	RadioGroup    float64 // a radio group, plus Option per option
	Checkbox      float64 // one checkbox
	CheckboxGroup float64 // a group of checkboxes, plus Option per option
	Option        float64 // reading one option of a group
	FreeText      float64 // a <textarea>
	Upload        float64 // a file field
	PageSeconds   float64 // finding one's place and going on, per page
	ReadingWPM    float64 // reading speed, words per minute
}

// DefaultTimeModel returns the model PageComplexity uses.
func DefaultTimeModel() TimeModel {
	return TimeModel{
		Text: 10, PersonalID: 15, Contact: 12, Date: 12, Number: 8,
		Select: 6, SelectOption: 0.2, RadioGroup: 5, Checkbox: 3, CheckboxGroup: 4, Option: 1,
		FreeText: 60, Upload: 90, PageSeconds: 5, ReadingWPM: 120,
	}
}

// FieldSeconds estimates the time to answer one question.
func (m TimeModel) FieldSeconds(f Field) float64 {
	switch f.Type {
	case "textarea":
		return m.FreeText
	case "file":
		return m.Upload
	case "select":
		return m.Select + m.SelectOption*math.Max(0, float64(f.Options-10))
	case "radio-group":
		return m.RadioGroup + m.Option*float64(f.Options)
	case "checkbox-group":
		return m.CheckboxGroup + m.Option*float64(f.Options)
	case "checkbox", "radio":
		return m.Checkbox
	case "date", "datetime-local", "month", "week", "time":
		return m.Date
	case "number", "range":
		return m.Number
	case "email", "tel":
		return m.Contact
	case "color":
		return m.Select
	}
	switch f.Kind {
	case KindPersonalID:
		return m.PersonalID
	case KindEmail, KindPhone:
		return m.Contact
	case KindBirthDate:
		return m.Date
	}
	return m.Text
}

// knownKinds are the kinds of question an authority can usually answer
// from population registers once the user has identified themselves.
var knownKinds = map[string]bool{
	KindPersonalID: true, KindName: true, KindGivenName: true, KindFamilyName: true,
	KindAddress: true, KindPostalCode: true, KindCity: true, KindBirthDate: true,
}

// PageComplexity measures one page with DefaultTimeModel.
func PageComplexity(doc *a11y.Document) Complexity {
	return PageComplexityWithModel(doc, DefaultTimeModel())
}

// PageComplexityWithModel measures one page with the time model m.
func PageComplexityWithModel(doc *a11y.Document, m TimeModel) Complexity {
	c := Complexity{Reasons: []Reason{}}
	if doc == nil || doc.Root == nil {
		c.Level = levelOf(0)
		return c
	}
	fs := fields(doc)
	fill := 0.0
	for _, f := range fs {
		c.Fields++
		if f.Required {
			c.Required++
		}
		switch f.Type {
		case "radio-group", "checkbox-group", "select", "checkbox":
			c.Choices += f.Options
		case "textarea":
			c.FreeText++
		case "file":
			c.Uploads++
		}
		if knownKinds[f.Kind] {
			c.KnownInfo++
			c.KnownKinds = appendUnique(c.KnownKinds, f.Kind)
		}
		fill += m.FieldSeconds(f)
	}
	c.Words = len(readability.Words(PageText(doc)))
	if st := readability.Analyze(ProseText(doc), DeclaredLang(doc)); st.Words >= DefaultOptions().MinLIXWords {
		c.LIX = math.Round(st.LIX*10) / 10
	}
	reading := 0.0
	if m.ReadingWPM > 0 {
		reading = float64(c.Words) / m.ReadingWPM * 60
	}
	c.ReadingSeconds = int(math.Round(reading))
	c.FillSeconds = int(math.Round(fill))
	c.Seconds = int(math.Round(reading + fill + m.PageSeconds))
	score(&c, 1, nil)
	return c
}

// FlowComplexity sums the pages of a flow and scores the whole. facts
// holds each page's facts (from Facts or the inclusion-contact rule), in
// the same order; it may be shorter or hold nil entries, and then fewer
// repeated questions are found. Two pages with exactly the same fields
// are taken as the same step audited twice (after a validation error, say)
// and their questions are not counted as asked twice.
func FlowComplexity(pages []Complexity, facts []*PageFacts) Flow {
	fc := Flow{Steps: len(pages)}
	fc.Reasons = []Reason{}
	for _, p := range pages {
		fc.Fields += p.Fields
		fc.Required += p.Required
		fc.Choices += p.Choices
		fc.FreeText += p.FreeText
		fc.Uploads += p.Uploads
		fc.KnownInfo += p.KnownInfo
		for _, k := range p.KnownKinds {
			fc.KnownKinds = appendUnique(fc.KnownKinds, k)
		}
		fc.Words += p.Words
		fc.LIX = math.Max(fc.LIX, p.LIX)
		fc.ReadingSeconds += p.ReadingSeconds
		fc.FillSeconds += p.FillSeconds
		fc.Seconds += p.Seconds
	}
	fc.AskedTwice = askedTwice(facts)
	score(&fc.Complexity, fc.Steps, fc.AskedTwice)
	return fc
}

// fieldKey identifies a question across steps: its kind, else its
// autocomplete token, else its label in lower case.
func fieldKey(f Field) string {
	if f.Kind != "" {
		return f.Kind
	}
	if toks := strings.Fields(f.Autocomplete); len(toks) > 0 && toks[len(toks)-1] != "on" && toks[len(toks)-1] != "off" {
		return toks[len(toks)-1]
	}
	return strings.ToLower(strings.Join(strings.Fields(f.Label), " "))
}

func askedTwice(facts []*PageFacts) []string {
	var out []string
	first := map[string]int{} // key → page index where first asked
	signatures := map[string]bool{}
	for i, pf := range facts {
		if pf == nil || len(pf.Fields) == 0 {
			continue
		}
		sig := fieldSignature(pf.Fields)
		if signatures[sig] {
			continue // the same step again
		}
		signatures[sig] = true
		for _, f := range pf.Fields {
			k := fieldKey(f)
			if k == "" {
				continue
			}
			j, ok := first[k]
			if !ok {
				first[k] = i
				continue
			}
			if j != i {
				out = appendUnique(out, quote(k))
			}
		}
	}
	return out
}

// fieldSignature identifies a page's set of questions.
func fieldSignature(fs []Field) string {
	keys := make([]string, 0, len(fs))
	for _, f := range fs {
		keys = append(keys, f.Type+"\x00"+f.Name+"\x00"+f.ID+"\x00"+f.Label)
	}
	sort.Strings(keys)
	return strings.Join(keys, "\x01")
}

func appendUnique(list []string, s string) []string {
	for _, v := range list {
		if v == s {
			return list
		}
	}
	return append(list, s)
}

// score fills Score, Level and Reasons. The score adds points, each part
// capped, and is capped at 100:
//
//	time       2 per estimated minute                         at most 40
//	fields     1 per question beyond the fifth                at most 15
//	free text  4 per free-text field                          at most 12
//	uploads    6 per file field                               at most 12
//	known info 3 per question the authority can answer itself at most 9
//	twice      4 per question asked on more than one step     at most 12
//	reading    1 per LIX point above 40                       at most 12
//	steps      2 per step beyond the third (flows)            at most 10
//
// The weights put time first, as it is what users feel; the other parts
// name the causes an editor can change. The parts a single page can have
// add up to 100 at most; a flow can also score for questions asked twice
// and for many steps.
func score(c *Complexity, steps int, twice []string) {
	var rs []Reason
	add := func(key string, points, max float64, data map[string]any) {
		p := int(math.Round(math.Min(points, max)))
		if p > 0 {
			rs = append(rs, Reason{Key: key, Points: p, Data: data})
		}
	}
	minutes := float64(c.Seconds) / 60
	add(ReasonTime, 2*minutes, 40, map[string]any{"minutes": int(math.Ceil(minutes))})
	add(ReasonFields, float64(c.Fields-5), 15, map[string]any{"count": c.Fields})
	add(ReasonFreeText, 4*float64(c.FreeText), 12, map[string]any{"count": c.FreeText})
	add(ReasonUploads, 6*float64(c.Uploads), 12, map[string]any{"count": c.Uploads})
	add(ReasonKnownInfo, 3*float64(c.KnownInfo), 9, map[string]any{"count": c.KnownInfo, "kinds": strings.Join(c.KnownKinds, ", ")})
	add(ReasonAskedTwice, 4*float64(len(twice)), 12, map[string]any{"count": len(twice), "fields": strings.Join(twice, ", ")})
	add(ReasonReading, c.LIX-40, 12, map[string]any{"lix": c.LIX})
	add(ReasonSteps, 2*float64(steps-3), 10, map[string]any{"count": steps})
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Points > rs[j].Points })
	total := 0
	for _, r := range rs {
		total += r.Points
	}
	c.Score = min(total, 100)
	c.Level = levelOf(c.Score)
	c.Reasons = rs
	if c.Reasons == nil {
		c.Reasons = []Reason{}
	}
}

func levelOf(score int) string {
	switch {
	case score < 20:
		return "low"
	case score < 40:
		return "moderate"
	case score < 60:
		return "high"
	}
	return "very-high"
}
