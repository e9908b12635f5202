package guidance

import (
	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/guidance/readability"
)

// Readability measures the page's running text for pages[].readability in
// the report: ProseText, the visible text of <main> (or of <body> without
// one) without the labels of form fields and buttons.
// The language is the one the page declares, or else the one
// readability.GuessLang finds. It returns nil for a document without text.
func Readability(doc *a11y.Document) *readability.Stats {
	if doc == nil || doc.Root == nil {
		return nil
	}
	st := readability.Analyze(ProseText(doc), DeclaredLang(doc))
	if st.Words == 0 {
		return nil
	}
	return &st
}

// TextReadability measures a plain text in lang (a BCP 47 tag; "" guesses
// the language). It returns nil for a text without words.
func TextReadability(text, lang string) *readability.Stats {
	st := readability.Analyze(text, lang)
	if st.Words == 0 {
		return nil
	}
	return &st
}
