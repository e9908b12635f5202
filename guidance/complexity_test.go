package guidance_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/guidance"
	"github.com/delaktig/delaktig/guidance/readability"
)

const formPage = `<!doctype html><html lang="sv"><head><title>Steg 1 av 3</title></head><body>
<header><a href="/">Norrsunda kommun</a><nav><a href="/hjalp">Hjälp</a></nav></header>
<main>
<p>Steg 1 av 3</p>
<form>
<label for="pnr">Personnummer</label><input id="pnr" name="pnr" required>
<label for="namn">Namn</label><input id="namn" name="namn" autocomplete="name" required>
<label for="adr">Adress</label><input id="adr" name="adress" autocomplete="street-address">
<label for="epost">E-post</label><input id="epost" name="epost" type="email" required>
<label for="kommun">Kommun</label><select id="kommun" name="kommun"><option value="">Välj</option><option>A</option><option>B</option><option disabled>C</option></select>
<fieldset><legend>Hur reser du?</legend>
<input type="radio" name="resa" id="r1" required><label for="r1">Buss</label>
<input type="radio" name="resa" id="r2"><label for="r2">Bil</label>
<input type="radio" name="resa" id="r3"><label for="r3">Taxi</label></fieldset>
<fieldset><legend>Vilka hjälpmedel har du?</legend>
<input type="checkbox" name="hm" id="h1"><label for="h1">Rullator</label>
<input type="checkbox" name="hm" id="h2"><label for="h2">Rullstol</label></fieldset>
<input type="checkbox" name="samtycke" id="s" required><label for="s">Jag har läst informationen</label>
<label for="besk">Beskriv dina behov</label><textarea id="besk" name="besk"></textarea>
<label for="fil">Intyg</label><input type="file" id="fil" name="fil">
<input type="hidden" name="token" value="x"><input type="submit" value="Fortsätt">
<input type="text" name="dold" hidden>
</form>
</main>
<footer><p>Ring oss på 0980-31 92 00. Öppettider vardagar klockan 8–17.</p></footer>
</body></html>`

func TestFacts(t *testing.T) {
	f := guidance.Facts(doc(t, formPage))
	assert.Equal(t, "sv", f.Lang)
	assert.Equal(t, []string{"header", "nav", "main", "footer"}, f.Landmarks)

	var kinds, regions []string
	for i, h := range f.Help {
		kinds = append(kinds, h.Kind)
		regions = append(regions, h.Region)
		assert.Equal(t, i, h.Order)
		assert.NotEmpty(t, h.Selector)
	}
	assert.Equal(t, []string{"contact-link", "phone", "opening-hours"}, kinds)
	assert.Equal(t, []string{"nav", "footer", "footer"}, regions)
	assert.Equal(t, 1, f.Help[0].RegionIndex)
	assert.Equal(t, 3, f.Help[1].RegionIndex)
	assert.Equal(t, "0980-31 92 00", f.Help[1].Text)

	require.NotNil(t, f.StepIndicator)
	assert.Equal(t, 1, f.StepIndicator.Current)
	assert.Equal(t, 3, f.StepIndicator.Total)

	type fld struct{ label, typ, kind string }
	var got []fld
	for _, x := range f.Fields {
		got = append(got, fld{x.Label, x.Type, x.Kind})
	}
	assert.Equal(t, []fld{
		{"Personnummer", "text", "personal-id"},
		{"Namn", "text", "name"},
		{"Adress", "text", "address"},
		{"E-post", "email", "email"},
		{"Kommun", "select", ""},
		{"Hur reser du?", "radio-group", ""},
		{"Vilka hjälpmedel har du?", "checkbox-group", ""},
		{"Jag har läst informationen", "checkbox", ""},
		{"Beskriv dina behov", "textarea", ""},
		{"Intyg", "file", ""},
	}, got)
	assert.Equal(t, 2, f.Fields[4].Options, "select: no empty placeholder, no disabled option")
	assert.Equal(t, 3, f.Fields[5].Options)
	assert.True(t, f.Fields[5].Required)

	// JSON uses snake_case and hides the nodes.
	b, err := json.Marshal(f)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Contains(t, m, "step_indicator")
	assert.Contains(t, m["help"].([]any)[0], "region_index")
	assert.NotContains(t, m["help"].([]any)[0], "Node")
}

func TestFieldKinds(t *testing.T) {
	d := doc(t, `<html lang="nb"><body>
<label for="a">Fødselsnummer (11 siffer)</label><input id="a">
<label for="b">Fornavn</label><input id="b">
<label for="c">Etternavn</label><input id="c">
<label for="d">Postnummer</label><input id="d">
<label for="e">Poststed</label><input id="e">
<label for="f">Mobilnummer</label><input id="f" type="tel">
<label for="g">Fødselsdato</label><input id="g" type="date">
<input aria-label="Your name" name="q1" autocomplete="section-a shipping family-name">
<label for="h">Barnehagens navn</label><input id="h">
<label for="i">E-postadresse</label><input id="i" type="email">
<label for="j">Gateadresse</label><input id="j">
</body></html>`)
	var kinds []string
	for _, f := range guidance.Facts(d).Fields {
		kinds = append(kinds, f.Kind)
	}
	assert.Equal(t, []string{"personal-id", "given-name", "family-name", "postal-code", "city", "phone", "birth-date", "family-name", "", "email", "address"}, kinds)
}

// TestTimeModel checks the per-field times against the documented model.
func TestTimeModel(t *testing.T) {
	m := guidance.DefaultTimeModel()
	for _, tc := range []struct {
		f    guidance.Field
		want float64
	}{
		{guidance.Field{Type: "text"}, 10},
		{guidance.Field{Type: "text", Kind: guidance.KindPersonalID}, 15},
		{guidance.Field{Type: "email"}, 12},
		{guidance.Field{Type: "date"}, 12},
		{guidance.Field{Type: "number"}, 8},
		{guidance.Field{Type: "select", Options: 5}, 6},
		{guidance.Field{Type: "select", Options: 290}, 6 + 0.2*280},
		{guidance.Field{Type: "radio-group", Options: 3}, 5 + 3},
		{guidance.Field{Type: "checkbox"}, 3},
		{guidance.Field{Type: "checkbox-group", Options: 2}, 4 + 2},
		{guidance.Field{Type: "textarea"}, 60},
		{guidance.Field{Type: "file"}, 90},
	} {
		assert.InDelta(t, tc.want, m.FieldSeconds(tc.f), 1e-9, "%+v", tc.f)
	}
}

func TestPageComplexity(t *testing.T) {
	d := doc(t, formPage)
	c := guidance.PageComplexity(d)
	assert.Equal(t, 10, c.Fields)
	assert.Equal(t, 5, c.Required)
	assert.Equal(t, 2+3+2+1, c.Choices)
	assert.Equal(t, 1, c.FreeText)
	assert.Equal(t, 1, c.Uploads)
	assert.Equal(t, 3, c.KnownInfo)
	assert.Equal(t, []string{"personal-id", "name", "address"}, c.KnownKinds)
	// 15 + 10 + 10 + 12 + 6 + 8 + 6 + 3 + 60 + 90 = 220 s to answer.
	assert.Equal(t, 220, c.FillSeconds)
	words := len(readability.Words(guidance.PageText(d)))
	assert.Equal(t, words, c.Words)
	assert.Less(t, guidance.Readability(d).Words, words, "readability leaves out labels")
	assert.Equal(t, int(math.Round(float64(words)/120*60)), c.ReadingSeconds)
	assert.Equal(t, c.ReadingSeconds+c.FillSeconds+5, c.Seconds)
	// time 2·(Seconds/60), fields 10−5, free text 4, uploads 6, known 3·3.
	wantScore := int(math.Round(2*float64(c.Seconds)/60)) + 5 + 4 + 6 + 9
	assert.Equal(t, wantScore, c.Score)
	assert.Equal(t, "moderate", c.Level)
	require.NotEmpty(t, c.Reasons)
	for i := 1; i < len(c.Reasons); i++ {
		assert.GreaterOrEqual(t, c.Reasons[i-1].Points, c.Reasons[i].Points)
	}
	assert.Equal(t, "Det finns 10 frågor.", reasonText(c.Reasons, guidance.ReasonFields, "sv"))
	assert.Equal(t, "Det er 10 spørsmål.", reasonText(c.Reasons, guidance.ReasonFields, "nb"))
	assert.Equal(t, "One document must be uploaded.", reasonText(c.Reasons, guidance.ReasonUploads, "en"))

	// The JSON names follow design.md's example.
	b, err := json.Marshal(c)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	for _, k := range []string{"fields", "required", "choices", "free_text", "uploads", "known_info", "seconds", "score", "level", "reasons"} {
		assert.Contains(t, m, k)
	}
	assert.EqualValues(t, 10, m["fields"])
	assert.EqualValues(t, 5, m["required"])
}

func reasonText(rs []guidance.Reason, key, lang string) string {
	for _, r := range rs {
		if r.Key == key {
			return r.Text(lang)
		}
	}
	return ""
}

func TestScoreBounds(t *testing.T) {
	// A form with everything: the score stops at 100.
	src := `<html lang="sv"><body><main><p>` + readText(t, "sv-fore") + `</p><form>`
	for i := 0; i < 60; i++ {
		src += `<textarea aria-label="Beskriv"></textarea><input type="file" aria-label="Bilaga"><input aria-label="Personnummer">`
	}
	src += `</form></main></body></html>`
	c := guidance.PageComplexity(doc(t, src))
	total := 0
	for _, r := range c.Reasons {
		total += r.Points
	}
	assert.Equal(t, 100, total, "every part at its cap: %+v", c.Reasons)
	assert.Equal(t, 100, c.Score)
	assert.Equal(t, "very-high", c.Level)
	f := guidance.Facts(doc(t, src))
	fc := guidance.FlowComplexity([]guidance.Complexity{c, c, c, c, c, c}, []*guidance.PageFacts{f})
	assert.Equal(t, 100, fc.Score, "a flow is capped too")

	// No questions, no text: nothing to do.
	c = guidance.PageComplexity(doc(t, `<html lang="sv"><body><main></main></body></html>`))
	assert.Equal(t, 0, c.Score, "%+v", c.Reasons)
	assert.Equal(t, "low", c.Level)
}

func TestFlowComplexity(t *testing.T) {
	step1 := doc(t, `<html lang="sv"><body><main><form>
<label for="p">Personnummer</label><input id="p" name="pnr">
<label for="t">Telefon</label><input id="t" name="tel" type="tel">
</form></main></body></html>`)
	step1again := doc(t, `<html lang="sv"><body><main><p role="alert">Skriv ditt personnummer.</p><form>
<label for="p">Personnummer</label><input id="p" name="pnr" aria-invalid="true">
<label for="t">Telefon</label><input id="t" name="tel" type="tel">
</form></main></body></html>`)
	step2 := doc(t, `<html lang="sv"><body><main><form>
<label for="pn">Ditt personnummer</label><input id="pn" name="personnr">
<label for="o">Övrigt</label><textarea id="o" name="ovrigt"></textarea>
<label for="tt">Telefon</label><input id="tt" name="telefon" type="tel">
</form></main></body></html>`)
	var cs []guidance.Complexity
	var fs []*guidance.PageFacts
	for _, d := range []*a11y.Document{step1, step1again, step2} {
		cs = append(cs, guidance.PageComplexity(d))
		fs = append(fs, guidance.Facts(d))
	}
	fc := guidance.FlowComplexity(cs, fs)
	assert.Equal(t, 3, fc.Steps)
	assert.Equal(t, cs[0].Fields+cs[1].Fields+cs[2].Fields, fc.Fields)
	assert.Equal(t, cs[0].Seconds+cs[1].Seconds+cs[2].Seconds, fc.Seconds)
	assert.Equal(t, 1, fc.FreeText)
	// Step 1 audited twice is one step: only step 2 repeats its questions.
	assert.Equal(t, []string{"personal-id", "phone"}, fc.AskedTwice)
	assert.Equal(t, guidance.ReasonAskedTwice, findReason(fc.Reasons, guidance.ReasonAskedTwice).Key)
	assert.Equal(t, 8, findReason(fc.Reasons, guidance.ReasonAskedTwice).Points)

	b, err := json.Marshal(fc)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.EqualValues(t, 3, m["steps"])
	assert.Contains(t, m, "fields", "page sums are flattened into the flow object")
	assert.Contains(t, m, "asked_twice")

	// Missing or nil facts are tolerated.
	fc = guidance.FlowComplexity(cs, []*guidance.PageFacts{nil})
	assert.Empty(t, fc.AskedTwice)
	fc = guidance.FlowComplexity(nil, nil)
	assert.Equal(t, 0, fc.Steps)
	assert.Equal(t, "low", fc.Level)
}

func findReason(rs []guidance.Reason, key string) guidance.Reason {
	for _, r := range rs {
		if r.Key == key {
			return r
		}
	}
	return guidance.Reason{}
}
