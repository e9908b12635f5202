package readability

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sentenceTexts(text, lang string) []string {
	var out []string
	for _, s := range Sentences(text, lang) {
		out = append(out, s.Text)
	}
	return out
}

func TestSentencesAbbreviations(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"sv t.ex.", "sv", "Du kan t.ex. ansöka via e-tjänsten. Det går fort.",
			[]string{"Du kan t.ex. ansöka via e-tjänsten.", "Det går fort."}},
		{"sv t.ex. before a name", "sv", "Välj en kommun, t.ex. Sundsvall. Klicka sedan på Nästa.",
			[]string{"Välj en kommun, t.ex. Sundsvall.", "Klicka sedan på Nästa."}},
		{"sv bl.a.", "sv", "Du behöver bl.a. ett intyg. Skicka det till oss.",
			[]string{"Du behöver bl.a. ett intyg.", "Skicka det till oss."}},
		{"sv bl.a. before a capital", "sv", "Tjänsten finns bl.a. Stockholm och Malmö. Fler kommer.",
			[]string{"Tjänsten finns bl.a. Stockholm och Malmö.", "Fler kommer."}},
		{"sv m.m. mid-sentence", "sv", "Ta med pass, körkort m.m. till mötet. Välkommen!",
			[]string{"Ta med pass, körkort m.m. till mötet.", "Välkommen!"}},
		{"sv m.m. at the end", "sv", "Vi säljer pennor, papper m.m. Nästa vecka börjar rean.",
			[]string{"Vi säljer pennor, papper m.m.", "Nästa vecka börjar rean."}},
		{"sv osv.", "sv", "Skriv namn, adress osv. på blanketten. Skicka den sedan.",
			[]string{"Skriv namn, adress osv. på blanketten.", "Skicka den sedan."}},
		{"sv dvs.", "sv", "Avgiften är 300 kr, dvs. 100 kr per månad. Betala i tid.",
			[]string{"Avgiften är 300 kr, dvs. 100 kr per månad.", "Betala i tid."}},
		{"sv o.l.", "sv", "Möbler o.l. hämtas på tisdagar. Ring oss först.",
			[]string{"Möbler o.l. hämtas på tisdagar.", "Ring oss först."}},
		{"sv nr.", "sv", "Ange ärende nr. 2026/145 i brevet. Tack.",
			[]string{"Ange ärende nr. 2026/145 i brevet.", "Tack."}},
		{"sv kl. and a time", "sv", "Mötet börjar kl. 08.00 i stadshuset. Kom i tid.",
			[]string{"Mötet börjar kl. 08.00 i stadshuset.", "Kom i tid."}},
		{"sv ca.", "sv", "Handläggningen tar ca. 3 veckor. Du får svar per post.",
			[]string{"Handläggningen tar ca. 3 veckor.", "Du får svar per post."}},
		{"sv jfr.", "sv", "Reglerna är nya (jfr. Socialtjänstlagen). De gäller nu.",
			[]string{"Reglerna är nya (jfr. Socialtjänstlagen).", "De gäller nu."}},
		{"sv weekdays in opening hours", "sv", "Vi har öppet mån.–fre. 8–16 och lör. 10–14. Välkommen!",
			[]string{"Vi har öppet mån.–fre. 8–16 och lör. 10–14.", "Välkommen!"}},
		{"sv weekday at the end", "sv", "Vi har stängt på fre. Välkommen!",
			[]string{"Vi har stängt på fre.", "Välkommen!"}},
		{"nb weekdays", "nb", "Åpent man.–fre. 8–15.30. Velkommen!",
			[]string{"Åpent man.–fre. 8–15.30.", "Velkommen!"}},
		{"en weekdays", "en", "Open Mon.–Fri. 9–5. Welcome!",
			[]string{"Open Mon.–Fri. 9–5.", "Welcome!"}},
		{"nb f.eks.", "nb", "Du kan f.eks. søke digitalt. Det går raskt.",
			[]string{"Du kan f.eks. søke digitalt.", "Det går raskt."}},
		{"nb mv.", "nb", "Ta med pass, førerkort mv. til møtet. Velkommen!",
			[]string{"Ta med pass, førerkort mv. til møtet.", "Velkommen!"}},
		{"nb bl.a. and osv.", "nb", "Vi trenger bl.a. attest, vitnemål osv. fra deg. Send dem innen fristen.",
			[]string{"Vi trenger bl.a. attest, vitnemål osv. fra deg.", "Send dem innen fristen."}},
		{"nn t.d.", "nn", "Du kan t.d. søkje digitalt. Det går fort.",
			[]string{"Du kan t.d. søkje digitalt.", "Det går fort."}},
		{"en e.g. and i.e.", "en", "Bring an ID, e.g. a passport. The fee, i.e. the charge, is low.",
			[]string{"Bring an ID, e.g. a passport.", "The fee, i.e. the charge, is low."}},
		{"en etc.", "en", "Bring forms, letters etc. to the office. We open at nine.",
			[]string{"Bring forms, letters etc. to the office.", "We open at nine."}},
		{"en Mr. and Dr.", "en", "Mr. Smith met Dr. Jones today. They talked.",
			[]string{"Mr. Smith met Dr. Jones today.", "They talked."}},
		{"en No.", "en", "Fill in form No. 12 first. Then sign it.",
			[]string{"Fill in form No. 12 first.", "Then sign it."}},
		{"initial", "sv", "Handläggare är A. Berg på socialtjänsten. Ring henne.",
			[]string{"Handläggare är A. Berg på socialtjänsten.", "Ring henne."}},
		{"unknown language uses every list", "xx", "Ta med pass m.m. till mötet, t.ex. i morgon. Tack.",
			[]string{"Ta med pass m.m. till mötet, t.ex. i morgon.", "Tack."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sentenceTexts(tt.text, tt.lang))
		})
	}
}

func TestSentencesNumbersAndPunctuation(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"decimal", "Räntan är 3.5 procent i år. Den kan ändras.",
			[]string{"Räntan är 3.5 procent i år.", "Den kan ändras."}},
		{"decimal comma", "Avgiften är 1,5 procent. Den betalas årligen.",
			[]string{"Avgiften är 1,5 procent.", "Den betalas årligen."}},
		{"date", "Lagen gäller från 1.1.2026 i hela landet. Läs mer nedan.",
			[]string{"Lagen gäller från 1.1.2026 i hela landet.", "Läs mer nedan."}},
		{"date at the end", "Lagen gäller från 1.1.2026. Läs mer nedan.",
			[]string{"Lagen gäller från 1.1.2026.", "Läs mer nedan."}},
		{"ordinal date", "Søknadsfristen er 1. mars hvert år. Søk i tide.",
			[]string{"Søknadsfristen er 1. mars hvert år.", "Søk i tide."}},
		{"question and exclamation", "Har du frågor? Ring oss! Vi svarar gärna.",
			[]string{"Har du frågor?", "Ring oss!", "Vi svarar gärna."}},
		{"ellipsis", "Vi väntar… Sedan kommer beskedet. Det dröjer... Men det kommer.",
			[]string{"Vi väntar…", "Sedan kommer beskedet.", "Det dröjer...", "Men det kommer."}},
		{"ellipsis before lower case", "Vi väntar… och väntar. Klart.",
			[]string{"Vi väntar… och väntar.", "Klart."}},
		{"quote after full stop", `Hon sa: "Kom hit." Sedan gick hon.`,
			[]string{`Hon sa: "Kom hit."`, "Sedan gick hon."}},
		{"guillemets and curly quotes", "Han sa »Nej.« Hon sa ”Ja!” Sedan gick de.",
			[]string{"Han sa »Nej.«", "Hon sa ”Ja!”", "Sedan gick de."}},
		{"parenthesis after full stop", "Läs villkoren. (Se bilaga 2.) Skriv sedan under.",
			[]string{"Läs villkoren.", "(Se bilaga 2.)", "Skriv sedan under."}},
		{"full stop after parenthesis", "Läs villkoren (bilaga 2). Skriv sedan under.",
			[]string{"Läs villkoren (bilaga 2).", "Skriv sedan under."}},
		{"url and e-mail", "Gå till www.sundsvall.se och logga in. Mejla kontakt@sundsvall.se vid frågor.",
			[]string{"Gå till www.sundsvall.se och logga in.", "Mejla kontakt@sundsvall.se vid frågor."}},
		{"question mark inside a url", "Se https://e.example/?id=4 för mer. Tack!",
			[]string{"Se https://e.example/?id=4 för mer.", "Tack!"}},
		{"lower case after a full stop", "Vi ses i Jämtl. län nästa vecka.",
			[]string{"Vi ses i Jämtl. län nästa vecka."}},
		{"no final punctuation", "Ansök om bygglov", []string{"Ansök om bygglov"}},
		{"arabic question mark", "هل لديك سؤال؟ اتصل بنا.", []string{"هل لديك سؤال؟", "اتصل بنا."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sentenceTexts(tt.text, "sv"))
		})
	}
}

func TestSentencesLines(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"heading", "Så ansöker du\nFyll i blanketten och skicka den.",
			[]string{"Så ansöker du", "Fyll i blanketten och skicka den."}},
		{"bulleted list", "Du behöver\n- pass\n- intyg från läkare\n• ett foto",
			[]string{"Du behöver", "pass", "intyg från läkare", "ett foto"}},
		{"numbered list", "Gör så här:\n1. Logga in\n2. Fyll i formuläret\n3) Skicka",
			[]string{"Gör så här:", "Logga in", "Fyll i formuläret", "Skicka"}},
		{"lettered list", "Välj\na) buss\nb) tåg",
			[]string{"Välj", "buss", "tåg"}},
		{"list after a colon without bullets", "Du behöver:\nlegitimation\nintyg från läkare\n\nSedan gör du så här och\nsånt",
			[]string{"Du behöver:", "legitimation", "intyg från läkare", "Sedan gör du så här och\nsånt"}},
		{"wrapped line continues", "Du kan ansöka om bygglov\nhos kommunen. Det kostar\n300 kronor.",
			[]string{"Du kan ansöka om bygglov\nhos kommunen.", "Det kostar\n300 kronor."}},
		{"blank line", "Kontakt\n\nring oss", []string{"Kontakt", "ring oss"}},
		{"crlf", "Rubrik\r\nText här.\r\n\r\nmer text", []string{"Rubrik", "Text här.", "mer text"}},
		{"markdown heading", "# Parkering\nDu kan söka tillstånd.", []string{"Parkering", "Du kan söka tillstånd."}},
		{"lines of punctuation only", "***\nText.\n---\n", []string{"Text."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sentenceTexts(tt.text, "sv"))
		})
	}
}

func TestSentencesSpansAndWords(t *testing.T) {
	text := "  Ansökan kostar ca. 300 kr.\n\n- Betala senast 1.1.2026!  "
	got := Sentences(text, "sv")
	require.Len(t, got, 2)
	for _, s := range got {
		assert.Equal(t, text[s.Start:s.End], s.Text)
	}
	assert.Equal(t, []string{"Ansökan", "kostar", "ca", "300", "kr"}, got[0].Words)
	assert.Equal(t, []string{"Betala", "senast", "1.1.2026"}, got[1].Words)
	assert.Equal(t, 2, got[0].Start)
	assert.Equal(t, "Betala senast 1.1.2026!", got[1].Text)

	// Appending to one sentence's words must not overwrite the next.
	_ = append(got[0].Words, "x")
	assert.Equal(t, "Betala", got[1].Words[0])
}

func TestWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Barn- och ungdomsnämnden driver e-tjänsten.", []string{"Barn", "och", "ungdomsnämnden", "driver", "e-tjänsten"}},
		{"Søknad om støtte til bæreevne, også for ørsmå beløp.", []string{"Søknad", "om", "støtte", "til", "bæreevne", "også", "for", "ørsmå", "beløp"}},
		{"Don't forget COVID-19 rules at 10:30 on 1.1.2026, 3,5 %.", []string{"Don't", "forget", "COVID-19", "rules", "at", "10:30", "on", "1.1.2026", "3,5"}},
		{"Kafé – öppet 08.00–16.00", []string{"Kafé", "öppet", "08.00", "16.00"}},
		{"t.ex. bl.a. f.eks. e.g.", []string{"t.ex", "bl.a", "f.eks", "e.g"}},
		{"hej -- då ''", []string{"hej", "då"}},
		{"", nil},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Words(tt.text), tt.text)
	}
}
