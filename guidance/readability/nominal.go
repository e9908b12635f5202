package readability

import (
	"strings"
	"unicode/utf8"
)

// nominalSuffix is a noun-forming suffix with its inflected endings and the
// least number of letters that must come before it.
type nominalSuffix struct {
	endings []string
	minStem int
}

// nominalSuffixes lists, per language, the derivational suffixes that turn
// verbs and adjectives into abstract nouns, each with its inflected forms
// (Swedish "-ning, -ningen, -ningar, -ningarna").
var nominalSuffixes = map[langMask][]nominalSuffix{
	langSV: {
		{inflect("ning", "", "en", "ar", "arna", "s", "ens"), 2},
		{inflect("ering", "", "en", "ar", "arna", "s", "ens"), 2},
		{inflect("het", "", "en", "er", "erna", "s", "ens"), 2},
		{inflect("else", "", "n", "r", "rna", "ns"), 2},
		{inflect("ande", "", "t", "n", "na", "ts"), 3},
		{inflect("tion", "", "en", "er", "erna", "s", "ens"), 1},
		{inflect("itet", "", "en", "er", "erna", "s", "ens"), 2},
	},
	langNB: {
		{inflect("ing", "", "en", "er", "ene", "a", "ens"), 3},
		{inflect("het", "", "en", "er", "ene", "a", "ens"), 2},
		{inflect("else", "", "n", "r", "ne", "ns"), 2},
		{inflect("sjon", "", "en", "er", "ene", "ens"), 1},
	},
	langNN: {
		{inflect("ing", "", "a", "ar", "ane", "en"), 3},
		{inflect("heit", "", "a", "er", "ene", "ar", "ane"), 2},
		{inflect("het", "", "a", "er", "ene", "en"), 2},
		{inflect("else", "", "n", "r", "ne", "ar", "ane"), 2},
		{inflect("sjon", "", "en", "ar", "ane", "er", "ene"), 1},
	},
	langDA: {
		{inflect("ing", "", "en", "er", "erne", "ens"), 3},
		{inflect("hed", "", "en", "er", "erne", "ens"), 2},
		{inflect("else", "", "n", "r", "rne", "ns"), 2},
		{inflect("tion", "", "en", "er", "erne", "ens"), 1},
	},
	langEN: {
		{inflect("tion", "", "s"), 1},
		{inflect("ment", "", "s"), 3},
		{inflect("ness", "", "es"), 2},
		{inflect("ity", ""), 3},
		{inflect("itie", "s"), 3},
		{inflect("ance", "", "s"), 3},
		{inflect("ence", "", "s"), 3},
	},
}

// nominalExceptions end in a nominal suffix without being abstract nouns.
var nominalExceptions = map[string]bool{
	// Swedish present participles used as adjectives and prepositions.
	"följande": true, "gällande": true, "kommande": true, "nuvarande": true, "motsvarande": true,
	"beträffande": true, "förestående": true, "avseende": true, "innevarande": true,
	// English words that merely end like a suffix.
	"comment": true, "comments": true, "element": true, "elements": true,
}

// nominalEnding is one inflected ending of a nominal suffix.
type nominalEnding struct {
	ending  string
	minStem int
}

// nominalIndex finds the endings of a language by their last two bytes.
var nominalIndex = func() map[langMask]map[[2]byte][]nominalEnding {
	idx := map[langMask]map[[2]byte][]nominalEnding{}
	for lang, list := range nominalSuffixes {
		m := map[[2]byte][]nominalEnding{}
		for _, s := range list {
			for _, e := range s.endings {
				k := [2]byte{e[len(e)-2], e[len(e)-1]}
				m[k] = append(m[k], nominalEnding{e, s.minStem})
			}
		}
		idx[lang] = m
	}
	return idx
}()

func inflect(suffix string, tails ...string) []string {
	out := make([]string, len(tails))
	for i, t := range tails {
		out[i] = suffix + t
	}
	return out
}

// nominal reports whether the lower-case word w ends in one of the nominal
// endings of idx, a language's entry in nominalIndex.
func nominal(w string, idx map[[2]byte][]nominalEnding) bool {
	if len(w) < 4 || idx == nil {
		return false
	}
	for _, e := range idx[[2]byte{w[len(w)-2], w[len(w)-1]}] {
		if strings.HasSuffix(w, e.ending) && utf8.RuneCountInString(w[:len(w)-len(e.ending)]) >= e.minStem {
			return !nominalExceptions[w]
		}
	}
	return false
}
