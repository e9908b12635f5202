package readability

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPassive(t *testing.T) {
	tests := []struct {
		lang, text string
		want       int
	}{
		// Swedish s-passive after a modal or auxiliary.
		{"sv", "Ansökan ska skickas till kommunen.", 1},
		{"sv", "Blanketten måste fyllas i.", 1},
		{"sv", "Avgiften kan inte betalas kontant.", 1},
		{"sv", "Beslutet kommer att meddelas per post.", 1},
		{"sv", "Ansökan har beviljats.", 1},
		{"sv", "Ärendet behöver kompletteras.", 1},
		// Swedish finite s-passive.
		{"sv", "Beslutet fattas av nämnden.", 1},
		{"sv", "Ansökan skickades i går.", 1},
		{"sv", "Det krävs ett intyg.", 1},
		{"sv", "Bygglov ges för ett år.", 1},
		{"sv", "Ansökan som lämnas in sent behandlas inte.", 2},
		// Swedish bli-passive.
		{"sv", "Ansökan blir beviljad inom en vecka.", 1},
		{"sv", "Ansökan blev avslagen.", 1},
		{"sv", "Bygglovet har blivit godkänt.", 1},
		{"sv", "Beslutet blir inte överklagat.", 1},
		{"sv", "Ansökan skall bliva prövad av nämnden.", 1},
		{"sv", "Ärendet blir mottaget av registraturen.", 1},
		{"sv", "Bidraget blir utbetalt i maj.", 1},
		{"sv", "Texten blev omskriven.", 1},
		{"sv", "Blanketten fylls i av sökanden.", 1},
		{"sv", "Han blir sjuk.", 0},
		// Swedish words that are not passives.
		{"sv", "Det finns många sätt att ansöka.", 0},
		{"sv", "Vi hoppas att du trivs i kommunen.", 0},
		{"sv", "Vi träffas kl. 10 och andas ut.", 0},
		{"sv", "Vi lyckas ofta, och det syns.", 0},
		{"sv", "Deras ansökan och hennes intyg kom fram.", 0},
		{"sv", "Kommunens handläggare ringer dig.", 0},
		{"sv", "Du kan annars ringa oss.", 0},
		{"sv", "Information om diabetes finns här.", 0},
		{"sv", "Du måste skicka blanketten.", 0},
		{"sv", "Det blir svårt att hinna.", 0},
		{"sv", "Hon blev glad.", 0},
		{"sv", "Sveriges kommuner samarbetar.", 0},
		{"sv", "Vi använder cookies.", 0},
		// Norwegian bokmål.
		{"nb", "Søknaden må sendes innen fristen.", 1},
		{"nb", "Søknaden sendes til kommunen.", 1},
		{"nb", "Søknaden blir behandlet innen tre uker.", 1},
		{"nb", "Søknaden er sendt.", 1},
		{"nb", "Vedtaket ble gjort i går.", 1},
		{"nb", "Søknaden er blitt behandlet.", 1},
		{"nb", "Søknaden må være mottatt innen fristen.", 1},
		{"nb", "Skjemaet skal være fylt ut.", 1},
		{"nb", "Avtalen er inngått.", 1},
		{"nb", "Han er opptatt i dag.", 0},
		{"nb", "Det er lett å søke.", 0},
		{"nb", "Det finnes mange tilbud.", 0},
		{"nb", "Jeg synes det er bra.", 0},
		{"nb", "Dette er skjemaet du trenger.", 0},
		{"nb", "Jeg er redd for å søke.", 0},
		{"nb", "Deres søknad og hennes brev kom fram.", 0},
		// Norwegian nynorsk.
		{"nn", "Søknaden må sendast innan fristen.", 1},
		{"nn", "Søknaden vart behandla i går.", 1},
		{"nn", "Søknaden blir sendt til kommunen.", 1},
		{"nn", "Søknaden må vere motteken innan fristen.", 1},
		{"nn", "Søknaden er gjort ferdig.", 1},
		{"nn", "Det finst mange tilbod.", 0},
		{"nn", "Du må seinast søkje i mars.", 0},
		// Danish.
		{"da", "Ansøgningen skal sendes til kommunen.", 1},
		{"da", "Ansøgningen bliver behandlet hurtigt.", 1},
		{"da", "Der findes mange tilbud.", 0},
		// English.
		{"en", "The application is reviewed by the council.", 1},
		{"en", "Your form was sent yesterday.", 1},
		{"en", "The fee has been paid.", 1},
		{"en", "Applications are not accepted after May.", 1},
		{"en", "The permit is being processed.", 1},
		{"en", "Forms are written in plain English.", 1},
		{"en", "We review your application.", 0},
		{"en", "The council is red.", 0},
		{"en", "You need a permit.", 0},
		{"en", "The office is open.", 0},
	}
	for _, tt := range tests {
		st := Analyze(tt.text, tt.lang)
		assert.Equal(t, tt.want, st.Passive, "%s: %s", tt.lang, tt.text)
	}
}

func TestPassiveShare(t *testing.T) {
	// Two passives in the first sentence, one in the third, none in the
	// second: Passive = 3, PassiveSentences = 2, PassiveShare = 2/3.
	st := Analyze("Ansökan skickas och beslutet fattas snabbt. Du får svar. Avgiften ska betalas.", "sv")
	assert.Equal(t, 3, st.Passive)
	assert.Equal(t, 2, st.PassiveSentences)
	assert.InDelta(t, 2.0/3, st.PassiveShare, delta)
}
