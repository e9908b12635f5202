package readability

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestGuessLang(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"sv", "Du kan ansöka om bygglov hos kommunen. Ansökan behandlas inom fyra veckor. " +
			"Kontakta oss om du har frågor.", "sv"},
		{"sv form", "Fyll i dina uppgifter och skicka in ansökan. Vi hör av oss när beslutet är klart.", "sv"},
		{"sv short", "Jag vill ansöka om färdtjänst.", "sv"},
		{"nb", "Du kan søke om parkeringstillatelse hvis du har nedsatt funksjonsevne. " +
			"Søknaden blir behandlet innen tre uker, og du får svar på e-post.", "nb"},
		{"nb form", "Hva gjør jeg hvis jeg ikke har BankID? Ta kontakt med servicetorget, så hjelper vi deg.", "nb"},
		{"nb service", "Tjenesten gjelder for alle som trenger hjelp i hverdagen. Du finner skjemaet på nettsiden til kommunen.", "nb"},
		{"nb details", "Fyll inn opplysningene om deg selv. Vi trenger navnet ditt, adressen din og et telefonnummer vi kan nå deg på.", "nb"},
		{"nn", "Du kan søkje om parkeringsløyve dersom du har nedsett funksjonsevne. " +
			"Søknaden blir handsama innan tre veker, og du får svar frå kommunen.", "nn"},
		{"nn form", "Kva gjer eg om eg ikkje har BankID? Ta kontakt med servicetorget, så hjelper me deg.", "nn"},
		{"da", "Du kan søge om parkeringstilladelse, hvis du har et handicap. " +
			"Vi behandler ansøgningen inden for tre uger, og du får svar af kommunen. Hvad koster det?", "da"},
		{"en", "You can apply for a parking permit if you have a disability. " +
			"We will process your application within three weeks.", "en"},
		{"en form", "Please fill in the form and send it to the council with your ID.", "en"},
		{"sv with Arabic", "مرحبا بكم في البلدية. Du kan ansöka om bidrag här och vi hjälper dig gärna med det.", "sv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conf := GuessLang(tt.text)
			assert.Equal(t, tt.want, got)
			assert.GreaterOrEqual(t, conf, 0.3)
			assert.LessOrEqual(t, conf, 1.0)
		})
	}
}

func TestGuessLangUnsure(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"empty", ""},
		{"too short", "Ansök om bygglov"},
		{"four words", "Ansök om bygglov här"},
		{"numbers", "1 2 3 4 5 6 7 8 9 10"},
		{"no function words", "Bygglov Parkering Avfall Skola Kultur Fritid"},
		{"bokmål or nynorsk", "Du må fylle ut skjemaet og sende det til kommunen."},
		{"other language", "Dies ist ein deutscher Satz über die Gemeinde und ihre Dienste."},
		{"arabic", "مرحبا بكم في البلدية يمكنك التقديم عبر الإنترنت"},
		{"finnish, with ä and ö", "Hakemus on lähetettävä kunnalle ennen maaliskuun loppua. Päätös tehdään neljän viikon kuluessa."},
		{"estonian, with ä and ö", "Taotlus tuleb esitada vallavalitsusele enne märtsi lõppu. Otsus tehakse nelja nädala jooksul."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conf := GuessLang(tt.text)
			assert.Equal(t, "", got)
			assert.Less(t, conf, 0.3)
			assert.GreaterOrEqual(t, conf, 0.0)
		})
	}
}
