package readability

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// swedishText returns about n bytes of Swedish municipal prose, built
// deterministically from sentences of plain and of bureaucratic style,
// with headings, lists, abbreviations, numbers and dates.
func swedishText(n int) string {
	parts := []string{
		"Du kan ansöka om bygglov hos kommunen.",
		"Ansökan behandlas inom fyra veckor, t.ex. om du har skickat in alla handlingar.",
		"Beslutet om parkeringstillstånd fattas av kommunens handläggare efter en samlad bedömning av de medicinska förutsättningarna.",
		"Handläggningen tar ca. 3 veckor och avgiften är 1 250 kr.",
		"Mötet börjar kl. 08.00 den 1.1.2026 i stadshusets sessionssal.",
		"Har du frågor?",
		"Kontakta oss på telefon 060-19 10 00!",
		"Ansökningen ska lämnas senast den sista mars, dvs. innan sommaruppehållet.",
		"Tillgängligheten i lokalerna har förbättrats genom ramper, hissar m.m. under året.",
		"Vi behöver bl.a. ett läkarintyg och en kopia av din legitimation.",
		"Om ansökan inte är komplett kommer du att bli kontaktad av en handläggare.",
		"Det finns många sätt att få hjälp, och vi hoppas att du trivs i Sundsvall.",
		"\n\nSå ansöker du\n",
		"\nDu behöver:\n- legitimation\n- intyg från läkare\n1. Logga in med e-legitimation\n2. Fyll i formuläret\n\n",
		"Läs mer på www.sundsvall.se/bygglov eller ring Kontaktcenter.",
		"Överklagandet ska ha kommit in till kommunen inom tre veckor från den dag du fick del av beslutet.",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	b.Grow(n + 256)
	for b.Len() < n {
		b.WriteString(parts[rng.IntN(len(parts))])
		b.WriteByte(' ')
	}
	return b.String()
}

func BenchmarkAnalyze1MB(b *testing.B) {
	text := swedishText(1 << 20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		st := Analyze(text, "sv")
		if st.Words == 0 {
			b.Fatal("no words")
		}
	}
}

func BenchmarkSentences1MB(b *testing.B) {
	text := swedishText(1 << 20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if len(Sentences(text, "sv")) == 0 {
			b.Fatal("no sentences")
		}
	}
}

func BenchmarkGuessLang(b *testing.B) {
	text := swedishText(1 << 20)
	b.ReportAllocs()
	for b.Loop() {
		if lang, _ := GuessLang(text); lang != "sv" {
			b.Fatalf("guessed %q", lang)
		}
	}
}

func TestSwedishTextIsAnalyzable(t *testing.T) {
	text := swedishText(1 << 20)
	st := Analyze(text, "sv")
	if st.Words < 100000 || st.Sentences < 5000 || !st.OVIXOK || st.Passive == 0 || st.Nominal == 0 {
		t.Fatalf("generated text gave unexpected stats %+v", st)
	}
	if lang, _ := GuessLang(text); lang != "sv" {
		t.Fatalf("generated text guessed as %q", lang)
	}
}
