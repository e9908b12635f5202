package readability

import (
	"math/bits"
	"strings"
)

// functionWords maps frequent function words, in lower case, to the
// languages that use them.
var functionWords = map[string]langMask{}

func addFunctionWords(lang langMask, list string) {
	for _, w := range strings.Fields(list) {
		functionWords[w] |= lang
	}
}

func init() {
	addFunctionWords(langSV, `och att det som är för inte med på jag av ett en till har om kan du vi eller när
		också den de vad hur var vill ska skall måste från efter vid mellan genom utan mycket något någon inga
		alla andra bara sig mig dig vem varför hos detta dessa denna nu då så men ut upp sedan finns blir blev
		vara här där därför under kommer eftersom kunna göra ni er hon han deras vår våra själv även redan
		endast enligt i inom samt medan många flera gör ditt dina sitt sina oss dem hos`)
	addFunctionWords(langNB, `og å det som er for ikke med på jeg av et en ei til har om kan du vi eller når
		også hva hvordan hvis hvor hvem hvorfor fra etter ved mellom gjennom uten mye noe noen ingen alle andre
		bare seg meg deg dette disse denne nå da så men ut opp blir ble være vært her der derfor under kommer
		fordi kunne gjøre dere hun han deres vår våre selv innen uker kun må skal vil i hos oss dem inn mange
		flere gjør ditt dine sitt sine`)
	addFunctionWords(langNN, `og å det som er for ikkje med på eg av eit ein ei til har om kan du vi me eller
		når òg kva korleis viss kvar kven kvifor frå etter ved mellom gjennom utan mykje noko nokon nokre ingen
		alle andre berre seg meg deg dette desse denne no då så men ut opp blir vart vert vere vore her der
		difor under kjem fordi kunne gjere de dykk dykkar ho han deira vår våre sjølv innan veker heile må
		skal vil i hjå oss inn mange fleire gjer ditt dine sitt sine`)
	addFunctionWords(langDA, `og at det som er for ikke med på jeg af et en til har om kan du vi eller når
		også hvad hvordan hvis hvor hvem hvorfor fra efter ved mellem gennem uden meget noget nogen nogle ingen
		alle andre kun sig mig dig dette disse denne nu da så men ud op bliver blev være været her der derfor
		under kommer fordi kunne gøre jer hun han deres vores selv inden uger må skal vil i hos os dem ind
		mange flere gør dit dine sit sine`)
	// Words of public services whose spelling sets the Scandinavian
	// languages apart.
	addFunctionWords(langNB, `opplysninger opplysningene tjenester tjenesten tjeneste trenger gjelder dager
		tillatelse tillatelsen barnehagen barnehageplass fødselsnummer søker søkt skjemaet`)
	addFunctionWords(langNN, `opplysningar tenester tenesta teneste treng gjeld dagar løyve søkjer søkt
		skjemaet søkje barnehageplass fødselsnummer`)
	addFunctionWords(langDA, `oplysninger oplysningerne ansøgning ansøgningen ansøge søge hjælp børnehave
		plads pladsen skema skemaet dage gælder bruge behøver tilladelse cpr-nummer`)
	addFunctionWords(langEN, `the and of to is you that in for with your are be this it on or can will not
		have has if an by from we our what how when at as do does was which must may please should these
		there their they a under her no me would been any who about`)
}

// guessWords is how many words GuessLang reads at most, and guessBytes
// how much of the text it segments to find them.
const (
	guessWords = 4000
	guessBytes = 64 << 10
)

// GuessLang guesses the language of text among Swedish ("sv"), Norwegian
// bokmål ("nb"), Norwegian nynorsk ("nn"), Danish ("da") and English
// ("en"), from the first 4,000 words.
//
// Each function word found ("och", "ikkje", "the"…) scores for the
// languages that use it, shared words split their point evenly, so that
// "det" counts a quarter for each Nordic language and "ikkje" a whole point
// for nynorsk; a word spelt with ä or ö scores a point for Swedish and one
// with æ or ø a point shared by Norwegian and Danish. The confidence is
// the best language's lead over the runner-up relative to its score,
// damped until the lead reaches two points, until a fifth of the words
// (c, the coverage) are evidence for the best language, and until one word
// in twenty (f) is one of its function words — letters alone do not make a
// language, or Finnish and Estonian, full of ä and ö, would pass for
// Swedish:
//
//	confidence = (s1 − s2) / s1 · min(1, (s1 − s2) / 2) · min(1, c / 0.2) · min(1, f / 0.05)
//
// GuessLang returns "" with the confidence it reached when the text has
// fewer than five words or the confidence is below 0.3 — for example
// when a sentence is valid bokmål and nynorsk alike.
func GuessLang(text string) (lang string, confidence float64) {
	if len(text) > guessBytes {
		cut := strings.LastIndexAny(text[:guessBytes], " \t\n")
		if cut <= 0 {
			cut = guessBytes
		}
		text = text[:cut]
	}
	var score [len(langCodes)]float64
	var hits, fwHits [len(langCodes)]int
	words := 0
	segment(text, langAll, func(_, _ int, ws []string) {
		for _, w := range ws {
			if words >= guessWords {
				return
			}
			words++
			lw := strings.ToLower(w)
			m := functionWords[lw]
			if m != 0 {
				addScore(&score, m, 1)
				for i, lc := range langCodes {
					if m&lc.mask != 0 {
						fwHits[i]++
					}
				}
			}
			if l := letterEvidence(lw); l != 0 {
				addScore(&score, l, 1)
				m |= l
			}
			for i, lc := range langCodes {
				if m&lc.mask != 0 {
					hits[i]++
				}
			}
		}
	})
	if words < 5 {
		return "", 0
	}
	best, second := 0, -1
	for i := 1; i < len(score); i++ {
		if score[i] > score[best] {
			second, best = best, i
		} else if second < 0 || score[i] > score[second] {
			second = i
		}
	}
	s1, s2 := score[best], score[second]
	if s1 <= 0 {
		return "", 0
	}
	lead := s1 - s2
	coverage := float64(hits[best]) / float64(words)
	function := float64(fwHits[best]) / float64(words)
	confidence = lead / s1 * min(1, lead/2) * min(1, coverage/0.2) * min(1, function/0.05)
	if confidence < 0.3 {
		return "", confidence
	}
	return langCodes[best].code, confidence
}

func addScore(score *[len(langCodes)]float64, m langMask, weight float64) {
	share := weight / float64(bits.OnesCount8(uint8(m)))
	for i, lc := range langCodes {
		if m&lc.mask != 0 {
			score[i] += share
		}
	}
}

// letterEvidence returns the languages whose spelling a word's letters
// point to: ä and ö for Swedish, æ and ø for Norwegian and Danish.
func letterEvidence(w string) langMask {
	var m langMask
	for _, r := range w {
		switch r {
		case 'ä', 'ö':
			m |= langSV
		case 'æ', 'ø':
			m |= langNB | langNN | langDA
		}
	}
	if m == langSV|langNB|langNN|langDA {
		return 0
	}
	return m
}
