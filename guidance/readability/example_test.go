package readability_test

import (
	"fmt"

	"github.com/delaktig/delaktig/guidance/readability"
)

func ExampleAnalyze() {
	st := readability.Analyze("Du kan ansöka om bygglov hos kommunen. Ansökan behandlas inom fyra veckor. "+
		"Kontakta oss om du har frågor.", "sv")
	fmt.Printf("%d words, %d sentences, %d long words\n", st.Words, st.Sentences, st.LongWords)
	fmt.Printf("LIX %.1f (%s), OVIX %.1f\n", st.LIX, st.LIXLevel, st.OVIX)
	fmt.Printf("passive in %d of %d sentences\n", st.PassiveSentences, st.Sentences)
	// Output:
	// 18 words, 3 sentences, 5 long words
	// LIX 33.8 (medium), OVIX 72.4
	// passive in 1 of 3 sentences
}

func ExampleSentences() {
	text := "Så ansöker du\nTa med t.ex. pass eller körkort. Mötet börjar kl. 08.00 den 1.1.2026!\n- Betala avgiften"
	for _, s := range readability.Sentences(text, "sv") {
		fmt.Printf("%q %d words\n", s.Text, len(s.Words))
	}
	// Output:
	// "Så ansöker du" 3 words
	// "Ta med t.ex. pass eller körkort." 6 words
	// "Mötet börjar kl. 08.00 den 1.1.2026!" 6 words
	// "Betala avgiften" 2 words
}

func ExampleGuessLang() {
	lang, _ := readability.GuessLang("Kva gjer eg om eg ikkje har BankID? Ta kontakt med servicetorget.")
	fmt.Println(lang)
	// Output: nn
}

func ExampleLIXLevel() {
	fmt.Println(readability.LIXLevel(22), readability.LIXLevel(38), readability.LIXLevel(55))
	// Output: very-easy medium very-hard
}
