package guidance_test

import (
	"context"
	"fmt"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/guidance"
)

func ExampleFindWords() {
	for _, m := range guidance.FindWords("Vederbörande ska inkomma med erforderliga handlingar.", "sv") {
		fmt.Printf("%s → %s\n", m.Text, m.Entry.Suggestion)
	}
	// Output:
	// Vederbörande → den som … / personen det gäller
	// inkomma med → skicka / lämna
	// erforderliga → nödvändig / som behövs
}

func ExampleRules() {
	doc, _ := a11y.FromHTMLString(`<html lang="sv"><body><main>
<label for="pnr">Personnummer</label><input id="pnr" aria-invalid="true" aria-describedby="fel">
<p id="fel">Ogiltigt värde</p>
</main></body></html>`, "")
	res, _ := a11y.Check(context.Background(), doc,
		a11y.WithRules(guidance.PlainLanguageErrorMessage), a11y.WithLocale("sv"))
	for _, f := range res.Findings {
		fmt.Println(f.Outcome, f.Rule)
		fmt.Println(f.Message)
	}
	// Output:
	// failed plain-language-error-message
	// Felmeddelandet ”Ogiltigt värde” säger bara att något är fel, inte hur man rättar det. Många kör fast och ger upp. Skriv vad personen ska göra, till exempel ”Skriv datumet som ÅÅÅÅ-MM-DD”.
}

func ExamplePageComplexity() {
	doc, _ := a11y.FromHTMLString(`<html lang="sv"><body><main><form>
<label for="p">Personnummer</label><input id="p" required>
<label for="b">Beskriv ditt behov</label><textarea id="b"></textarea>
</form></main></body></html>`, "")
	c := guidance.PageComplexity(doc)
	fmt.Println(c.Fields, c.Required, c.FreeText, c.KnownInfo, c.FillSeconds)
	for _, r := range c.Reasons {
		fmt.Println(r.Points, r.Text("sv"))
	}
	// Output:
	// 2 1 1 1 75
	// 4 En fråga ska besvaras med egen text.
	// 3 Det tar ungefär 2 minuter att läsa och fylla i.
	// 3 En fråga gäller något som myndigheten troligen redan vet (namn, adress eller personnummer).
}
