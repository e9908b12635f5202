package components_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/delaktig/delaktig/guidance/components"
)

func ExampleTextInput() {
	field := components.TextInput{
		ID:           "epost",
		Label:        "Din e-postadress",
		Hint:         "Vi skickar en bekräftelse hit.",
		Error:        "Skriv e-postadressen med ett @, till exempel namn@exempel.se.",
		Type:         "email",
		Autocomplete: "email",
	}
	if err := field.Render(os.Stdout, "sv"); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <div class="dk-field dk-field--error">
	// <label class="dk-label" for="epost">Din e-postadress</label>
	// <p class="dk-hint" id="epost-hint">Vi skickar en bekräftelse hit.</p>
	// <p class="dk-error-message" id="epost-error"><span class="dk-visually-hidden">Fel: </span>Skriv e-postadressen med ett @, till exempel namn@exempel.se.</p>
	// <input class="dk-input" id="epost" name="epost" type="email" value="" autocomplete="email" aria-describedby="epost-hint epost-error" aria-invalid="true">
	// </div>
}

func ExampleStepIndicator() {
	html, err := components.HTML(&components.StepIndicator{Current: 2, Steps: []string{"Barnet", "Förskola", "Vårdnadshavare", "Kontrollera"}}, "sv")
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(strings.Contains(string(html), `aria-current="step"`), strings.Contains(string(html), "Steg 2 av 4"))
	// Output: true true
}

func ExampleFallbacks() {
	// Somali has the words for day, month and year, not the skip link's
	// text: that text falls back to English and is marked lang="en".
	fb := components.Fallbacks("so")
	fmt.Println(fb["page.skip"], fb["date.day"] == "")
	t, _ := components.Localize("so", "page.skip", nil)
	fmt.Println(t.HTML("so"))
	// Output:
	// en true
	// <span lang="en">Skip to main content</span>
}

func ExampleLocalize() {
	for _, n := range []int{1, 3, 5} {
		t, _ := components.Localize("pl", "errors.heading", components.Data{"count": n})
		fmt.Println(t.Value)
	}
	// Output:
	// Jest 1 błąd
	// Są 3 błędy
	// Jest 5 błędów
}
