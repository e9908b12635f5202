package readability

// syllablesEN estimates the number of syllables in the lower-case English
// word w. It counts groups of vowels (a, e, i, o, u and a non-initial y),
// after dropping a silent final "e" ("make"), a silent "-es" ("makes") or
// "-ed" ("walked"); "-le" after a consonant ("table") stays a syllable, and
// "ia", "io" and "iu" count as two ("period", "stadium") except after c,
// g, l, n, s and t ("-tion", "-cial", "-gion", "-lion", "-nion"). A word without
// letters, such as a number, counts as one syllable. The estimate is right
// for most common words; Flesch's formulas were fitted to hand counts, so
// small errors average out over a text.
func syllablesEN(w string) int {
	var buf [64]byte
	b := buf[:0]
	for i := 0; i < len(w) && len(b) < len(buf); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
			b = append(b, c)
		case c >= 0x80:
			// Accented Latin letters in loanwords ("café") are vowels.
			if c >= 0xc0 && i+1 < len(w) {
				b = append(b, 'e')
			}
		}
	}
	if len(b) == 0 {
		return 1
	}
	if len(b) <= 3 {
		return max(1, vowelGroups(b))
	}
	n := len(b)
	switch {
	case b[n-1] == 'd' && b[n-2] == 'e':
		if p := b[n-3]; p != 't' && p != 'd' {
			b = b[:n-2]
		}
	case b[n-1] == 's' && b[n-2] == 'e':
		p := b[n-3]
		sibilant := p == 's' || p == 'x' || p == 'z' || p == 'c' || p == 'g' ||
			(p == 'h' && n >= 4 && (b[n-4] == 'c' || b[n-4] == 's'))
		if !sibilant {
			b = b[:n-2]
		}
	case b[n-1] == 'e':
		p := b[n-2]
		if !(p == 'l' && n >= 3 && !isVowelByte(b[n-3])) && !isVowelByte(p) {
			b = b[:n-1]
		}
	}
	count := vowelGroups(b)
	for i := 0; i+1 < len(b); i++ {
		if b[i] != 'i' || (b[i+1] != 'a' && b[i+1] != 'o' && b[i+1] != 'u') || i == 0 {
			continue
		}
		prev := b[i-1]
		if prev == 't' || prev == 's' || prev == 'c' || prev == 'g' || prev == 'l' || prev == 'n' {
			continue // -tion, -sion, -cial, -tial, -cious, -gion, -lion, -nion
		}
		count++
	}
	return max(1, count)
}

// vowelGroups counts runs of vowels in b; y is a vowel except first.
func vowelGroups(b []byte) int {
	n := 0
	in := false
	for i, c := range b {
		v := isVowelByte(c) && !(c == 'y' && i == 0)
		if v && !in {
			n++
		}
		in = v
	}
	return n
}
