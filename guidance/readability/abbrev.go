package readability

import (
	"unicode"
	"unicode/utf8"
)

// abbrKind says how a known abbreviation followed by a full stop affects
// sentence splitting.
type abbrKind uint8

const (
	// abbrNone: not a known abbreviation.
	abbrNone abbrKind = iota
	// abbrInner abbreviations introduce what follows ("t.ex.", "kl.", "Dr.")
	// and never end a sentence.
	abbrInner
	// abbrNumber abbreviations end a sentence unless a number follows
	// ("s. 12", "No. 5", "jan. 2026").
	abbrNumber
	// abbrFinal abbreviations close a list ("osv.", "m.m.", "etc.") and end
	// a sentence unless a lower-case word or a number follows.
	abbrFinal
)

type abbrEntry struct {
	langs langMask
	kind  abbrKind
}

// abbreviations holds abbreviations in lower case without their final full
// stop; inner full stops are kept ("t.ex"), because the word scanner joins
// "t.ex." into the word "t.ex".
var abbreviations = map[string]abbrEntry{}

func addAbbr(langs langMask, kind abbrKind, words ...string) {
	for _, w := range words {
		e := abbreviations[w]
		e.langs |= langs
		if e.kind == abbrNone || kind == abbrInner {
			e.kind = kind
		}
		abbreviations[w] = e
	}
}

func init() {
	nbnnda := langNB | langNN | langDA
	// Used in every supported language.
	addAbbr(langAll, abbrInner, "e.g", "i.e", "ca", "dr", "mr", "mrs", "ms", "prof", "jfr", "vs", "tel", "ibid", "approx", "inkl", "obs")
	addAbbr(langAll, abbrNumber, "art", "fig", "kap", "nr", "no", "p", "s", "jan", "feb", "apr", "jun", "jul", "aug",
		"sep", "sept", "okt", "oct", "nov", "dec", "des")
	addAbbr(langAll, abbrFinal, "etc")

	// Swedish.
	addAbbr(langSV, abbrInner, "t.ex", "bl.a", "dvs", "d.v.s", "kl", "resp", "p.g.a", "pga", "ang", "enl", "fr.o.m",
		"t.o.m", "exkl", "tfn", "f.d", "f.n", "s.k", "fr", "förf", "avd", "ex", "m.a.o", "mao", "t.v", "t.h", "dir",
		"vxl", "mob", "tf", "bet", "ggr", "jmf", "mht", "m.h.t", "nr")
	addAbbr(langSV, abbrNumber, "f", "bil", "sid", "st")
	// Weekdays in opening hours: "mån.–fre. 8–16".
	addAbbr(langSV, abbrNumber, "mån", "tis", "ons", "tor", "tors", "fre", "lör", "sön")
	addAbbr(langSV, abbrFinal, "osv", "o.s.v", "m.m", "mm", "o.l", "o.d", "m.fl", "mfl", "m.m.m", "kr", "usw")

	// Norwegian (bokmål and nynorsk) and Danish.
	addAbbr(nbnnda, abbrInner, "f.eks", "bl.a", "dvs", "d.v.s", "jf", "kl", "pga", "p.g.a", "mht", "m.h.t", "ifm",
		"iht", "i.h.t", "vedr", "ang", "ekskl", "evt", "ev", "tlf", "f.o.m", "t.o.m", "fr.o.m", "ref", "m.a.o",
		"hhv", "sml", "vha", "ift", "iflg", "avd", "adm", "vedl", "pkt")
	addAbbr(langNN, abbrInner, "t.d", "m.a", "mtp", "høvesvis")
	addAbbr(nbnnda, abbrNumber, "bil", "stk", "st")
	addAbbr(nbnnda, abbrNumber, "man", "tir", "ons", "tor", "tors", "fre", "lør", "søn", "mån", "tys", "laur", "sun")
	addAbbr(nbnnda, abbrFinal, "osv", "o.s.v", "mv", "m.v", "m.m", "o.l", "o.a", "m.fl", "mfl", "osb", "kr")

	// English.
	addAbbr(langEN, abbrInner, "cf", "incl", "dept", "viz", "mt", "gov")
	addAbbr(langEN, abbrNumber, "nos", "vol", "pp", "ch", "sec", "para", "mon", "tue", "tues", "wed", "thu",
		"thur", "thurs", "fri", "sat", "sun")
	addAbbr(langEN, abbrFinal, "inc", "ltd", "co", "jr", "sr", "a.m", "p.m", "est")
}

// abbrevKind reports how the word w, written directly before a full stop,
// behaves in a text in the languages langs.
func abbrevKind(w string, langs langMask) abbrKind {
	if len(w) > 12 {
		return abbrNone
	}
	var buf [48]byte
	b := buf[:0]
	for _, r := range w {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	e, ok := abbreviations[string(b)]
	if !ok || e.langs&langs == 0 {
		return abbrNone
	}
	return e.kind
}
