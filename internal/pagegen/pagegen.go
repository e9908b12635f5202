// Package pagegen generates municipal-form pages of a chosen size for
// benchmarks: each section is a fieldset with labelled and unlabelled inputs,
// a radio group, a small data table, images with and without alt text and
// links, about 1 KB of HTML. 2000 sections make a page of about 2 MB.
package pagegen

import (
	"bytes"
	"fmt"
)

// Form returns a page with the given number of sections.
func Form(sections int) []byte {
	var b bytes.Buffer
	b.Grow(sections*1100 + 2048)
	b.WriteString(`<!doctype html><html lang="sv"><head><meta charset="utf-8">` +
		`<title>Ansökan om bygglov – Norrsunda kommun</title>` +
		`<style>body{font-family:sans-serif;color:#222;background:#fff}.hint{color:#595959}.faint{color:#aaa}</style></head><body>` +
		`<a href="#main" class="skip">Hoppa till innehållet</a><header><nav aria-label="Huvudmeny"><ul>` +
		`<li><a href="/">Start</a></li><li><a href="/bygga">Bygga och bo</a></li><li><a href="/kontakt">Kontakt</a></li></ul></nav></header>` +
		`<main id="main"><h1>Ansökan om bygglov</h1><form action="/skicka" method="post">`)
	for i := 0; i < sections; i++ {
		fmt.Fprintf(&b, `<fieldset><legend>Del %[1]d: Uppgifter om åtgärd</legend>`+
			`<h2>Avsnitt %[1]d</h2><p class="hint">Fyll i uppgifterna nedan. Fält markerade med * är obligatoriska.</p>`+
			`<label for="f%[1]d-a">Fastighetsbeteckning *</label><input id="f%[1]d-a" name="a%[1]d" required autocomplete="off">`+
			`<input name="b%[1]d" placeholder="Area i kvadratmeter">`+
			`<div role="radiogroup" aria-labelledby="rg%[1]d"><span id="rg%[1]d">Typ av byggnad</span>`+
			`<label><input type="radio" name="t%[1]d" value="1"> Bostad</label><label><input type="radio" name="t%[1]d" value="2"> Garage</label></div>`+
			`<table><caption>Tidigare lov</caption><tr><th>År</th><th>Åtgärd</th></tr><tr><td>2019</td><td>Tillbyggnad</td></tr></table>`+
			`<img src="/bilder/karta%[1]d.png" alt="Karta över fastigheten"><img src="/bilder/ritning%[1]d.png">`+
			`<p class="faint">Läs mer om <a href="/regler/%[1]d">regler för bygglov</a> eller <a href="/hjalp">klicka här</a>.</p>`+
			`<button type="button" onclick="spara(%[1]d)">Spara</button><div class="btn" onclick="rensa(%[1]d)"></div>`+
			`</fieldset>`, i+1)
	}
	b.WriteString(`<button type="submit">Skicka ansökan</button></form></main>` +
		`<footer><p>Norrsunda kommun, telefon 0123-45 67 89</p></footer></body></html>`)
	return b.Bytes()
}
