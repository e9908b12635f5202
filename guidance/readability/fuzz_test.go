package readability

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		svPlain, svOfficial, nbPlain, enPlain,
		"Du behöver:\n- pass\n1. Logga in\na) buss\n\n", "Hej… då?! »Ja.« (Nej.)", "t.ex. kl. 08.00 1.1.2026.",
		"\r\n\r\n.\n.", "مرحبا. Hej؟", "\xff\xfe.\xc3", "1.\n2)", "a-", "'", "...", "",
	} {
		f.Add(s, "sv")
	}
	f.Add("Mr. Smith, No. 5, e.g. here.", "en")
	f.Add("f.eks. mv.", "nb-NO")
	f.Fuzz(func(t *testing.T, text, lang string) {
		prevEnd := 0
		for _, s := range Sentences(text, lang) {
			if s.Start < prevEnd || s.Start >= s.End || s.End > len(text) {
				t.Fatalf("sentence span [%d,%d) after %d in text of %d bytes", s.Start, s.End, prevEnd, len(text))
			}
			if s.Text != text[s.Start:s.End] {
				t.Fatalf("sentence text %q is not text[%d:%d]", s.Text, s.Start, s.End)
			}
			if len(s.Words) == 0 {
				t.Fatalf("sentence %q has no words", s.Text)
			}
			for _, w := range s.Words {
				r, _ := utf8.DecodeRuneInString(w)
				if w == "" || !isWordStart(r) {
					t.Fatalf("bad word %q in %q", w, s.Text)
				}
			}
			prevEnd = s.End
		}
		st := Analyze(text, lang)
		if _, err := json.Marshal(st); err != nil {
			t.Fatalf("stats do not encode: %v", err)
		}
		if st.Words < st.Sentences || st.LongWords > st.Words || st.UniqueWords > st.Words {
			t.Fatalf("inconsistent stats %+v", st)
		}
		if _, c := GuessLang(text); c < 0 || c > 1 {
			t.Fatalf("confidence %v out of range", c)
		}
	})
}
