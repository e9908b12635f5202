package readability

import (
	"strings"
	"unicode/utf8"
)

// wordFlag records what the passive heuristics know about a word form.
type wordFlag uint16

const (
	// wModal: a modal or perfect auxiliary; an s-form after it is an
	// s-passive ("ska skickas", "har beviljats", "skal sendes").
	wModal wordFlag = 1 << iota
	// wSkip: an adverb that may stand between an auxiliary and its verb
	// ("ska inte skickas", "is also reviewed").
	wSkip
	// wNotPassive: an s-form that is not a passive: deponent and reciprocal
	// verbs ("finns", "hoppas", "synes"), possessives ("deras", "hennes"),
	// adverbs ("annars", "alldeles") and nouns ("diabetes").
	wNotPassive
	// wSPassive: a short s-passive too ambiguous for the suffix rule
	// ("görs", "ges", "krävs", "tas").
	wSPassive
	// wBlock: an article, possessive or preposition; an s-form right after
	// it is a noun ("på hennes", "om diabetes").
	wBlock
	// wBecome: a form of "bli"/"bliva"/"blive"/"verte" that forms a
	// passive with a participle.
	wBecome
	// wBe: a form of "be" ("er", "var", "is", "was") that forms a passive
	// with a participle (not used for Swedish, where "är" + participle is
	// stative).
	wBe
	// wParticiple: an irregular past participle ("skriven", "gitt",
	// "written").
	wParticiple
	// wNotParticiple: a word after "bli"/"be" that looks like a participle
	// but is an adjective or noun ("glad", "redd", "hundred").
	wNotParticiple
	// wPronoun: "det", "dette", "hva"…; "er" + "-et" after it is usually a
	// noun ("Det er skjemaet"), not a participle.
	wPronoun
)

// styleRules are the word lists of one language.
var styleRules = map[langMask]map[string]wordFlag{
	langSV: {}, langNB: {}, langNN: {}, langDA: {}, langEN: {},
}

func addWords(langs langMask, f wordFlag, list string) {
	for _, lc := range langCodes {
		if langs&lc.mask == 0 {
			continue
		}
		m := styleRules[lc.mask]
		for _, w := range strings.Fields(list) {
			m[w] |= f
		}
	}
}

func init() {
	nbnnda := langNB | langNN | langDA
	addWords(langNordic, wModal, `ska skall kan kunde kunna kunnat måste bör borde får fick fått vill ville velat
		skulle kommer har hade ha haft behöver brukar lär torde
		skal kunne kunnet må måtte burde fikk vil hadde hatt trenger pleier
		fekk kjem treng
		fik fået havde have behøver`)
	addWords(langNordic, wSkip, `inte ej icke också även alltid bara endast sedan då därefter att snart aldrig gärna
		därför normalt vanligtvis oftast redan först automatiskt direkt alls ens
		ikke alltid bare kun aldri gjerne derfor da deretter å til nå vanligvis allerede fortsatt endelig
		ikkje òg berre difor no allereie vanlegvis framleis
		altid aldrig gerne nu typisk`)
	addWords(langNordic, wNotPassive, `måste
		finns fanns funnits finnas hoppas hoppades hoppats minns mindes minnas mints låtsas låtsades trivs
		trivas trivdes trivts andas andades lyckas lyckades lyckats syns synas syntes synts märks märkas märktes
		känns kännas kändes behövs behövas behövdes behövts tycks tyckas tycktes åldras umgås umgicks slåss brottas
		svettas skäms skämmas skämdes ses träffas träffades träffats hörs hördes möts mötas möttes enas enades kräks
		envisas samsas vistas vistades nöjas förstås
		deras andras allas bådas varandras hennes dess hans vems ens oss hos alias ananas atlas kanvas
		alldeles förgäves likaledes särdeles annorstädes någonstädes ingenstädes ävenledes annars tills dels
		längs tvärs alls
		diabetes hypotes parentes protes karies herpes rabies cookies
		finnes fins fantes funnes synes trives trivdes lykkes lyktes minnes mintes kjennes kjentes møtes møttes
		sees skilles omgås eldes skammes undres føles føltes tykkes
		deres andres hverandres alles begges annerledes forgjeves fremdeles likeledes ellers straks særs
		finst fanst synest syntest trivst lukkast lykkast minnest kjennest møtest sjåast skiljast eldast
		skjemmast undrast kjennast helst minst mest først sist snarast seinast tidlegast lengst best fremst
		findes fandtes mødes ældes hendes hinandens dens dets anderledes forgæves`)
	addWords(langSV, wSPassive, `görs gjordes ges gavs tas togs krävs krävdes skrivs skrevs sänds sändes ställs
		ställdes läggs lades hålls hölls säljs såldes köps köptes bedöms bedömdes avslås avslogs fås dras drogs
		sätts sattes väljs valdes nämns nämndes används användes anses ansågs sägs sades skickas nås sköts
		beviljas godkänns godkändes fylls fylldes byts byttes körs kördes förs fördes utförs utfördes införs
		infördes stängs stängdes följs följdes höjs höjdes sänks sänktes`)
	addWords(nbnnda, wSPassive, `gis tas fås sies nås slås dras`)
	addWords(langNordic, wBlock, `en ett et ei ein eit min din sin vår våra mitt ditt sitt vårt mina dina sina
		mine dine sine våre hans hennes deras dess denna detta dessa denne dette disse desse varje hver kvar
		alla alle någon noen nokon nogen ingen inget
		till til för for på i av af med om från fra frå vid ved hos hjå under efter etter mot mod utan uten uden
		genom gjennom gennem mellan mellom mellem inom innen innan inden bland blant åt enligt ifølge trots tross`)
	addWords(langSV, wBecome, `bli blir blev blivit bliva blevo blivande`)
	addWords(langNB, wBecome, `bli blir ble blitt blei`)
	addWords(langNB, wBe, `er var være vært`)
	addWords(langNN, wBecome, `bli blir blei blitt vart vert verte vorte verta`)
	addWords(langNN, wBe, `er var vere vore vera`)
	addWords(langDA, wBecome, `blive bliver blev blevet bli`)
	addWords(langDA, wBe, `er var være været`)
	addWords(nbnnda, wPronoun, `det dette hva her der som kva dei de den`)
	addWords(langSV, wParticiple, `skriven skrivet skrivna given givet givna tagen taget tagna gjord gjort gjorda
		dragen draget dragna funnen funnet funna bunden bundet bundna bjuden bjudet bjudna buren buret burna
		slagen slaget slagna stulen stulet stulna bruten brutet brutna vunnen vunnet vunna hållen hållet hållna
		sagd sagt sagda vald valt valda löst lösta läst lästa avslagen avslaget avslagna beviljad
		upptagen upptaget upptagna antagen antaget antagna erkänd fastställd fastställt`)
	addWords(langSV, wNotParticiple, `glad glada rädd rädda nöjd nöjda mild vild hård rund sund blind blond ond
		svårt dyrt kallt varmt stort gott hårt kort snabbt sent mörkt tyst fast klart rart sant ont
		intressant relevant konstant elegant grönt brant tomt enkelt privat privata
		kvitt fritt nytt lätt trött rätt mätt tätt platt vitt brett
		en ett den det de min din sin mitt ditt sitt ingen inget något någon av till kvar med`)
	addWords(nbnnda, wParticiple, `gitt tatt sett gjort skrevet funnet født kjent sendt gått fått slått avslått
		godtatt vedtatt bestått forstått oversett gjeve teke skrive funne gjort sendt`)
	addWords(nbnnda, wNotParticiple, `opptatt opptekne redd rædd glad godt stort fint kort sterkt mørkt kaldt varmt tomt sant klart
		helt fullt enkelt rart dyrt rent grønt interessant relevant elegant lett rett nytt ett det et
		en ei ein eit den de ingen noe noen mitt ditt sitt vårt`)

	addWords(langEN, wBe, `am is are was were be been being isn't aren't wasn't weren't`)
	addWords(langEN, wSkip, `not also often usually always never already then generally automatically currently
		normally only still just fully now sometimes rarely easily quickly immediately properly carefully
		clearly typically all both further`)
	addWords(langEN, wParticiple, `made done given taken sent paid held known shown written seen found told kept
		built brought bought chosen sold set put spent left lost meant met said thought understood won begun
		broken driven eaten fallen forgotten hidden spoken stolen sworn torn worn drawn grown thrown born
		hung led fed felt heard laid lent shut struck taught caught sought bound cut hit let spread upheld
		withheld withdrawn forbidden forgiven undertaken overseen read run got gotten become`)
	addWords(langEN, wNotParticiple, `need bed red shed hundred sacred naked wicked kindred feed seed speed
		indeed proceed exceed succeed`)
}

// passiveClass records what a word form could be in a passive
// construction, whatever words surround it.
type passiveClass uint8

const (
	// pcAfterModal: an s-passive when it follows a modal ("ska skickas").
	pcAfterModal passiveClass = 1 << iota
	// pcFinite: a finite s-passive unless it follows an article, possessive
	// or preposition ("beslutet fattas").
	pcFinite
	// pcAfterBecome: a participle after "bli" and its kin.
	pcAfterBecome
	// pcAfterBe: a participle after "be" ("er", "is").
	pcAfterBe
	// pcAfterPronounBe: a participle after "be" that follows "det", "dette"
	// and the like ("Det er skjemaet" has a noun).
	pcAfterPronounBe
)

// classifyPassive computes the passiveClass of a word in language lang,
// given in lower case with its flags; upper says it starts with a capital.
func classifyPassive(lang langMask, lower string, f wordFlag, upper bool) passiveClass {
	var c passiveClass
	if lang != langEN {
		if sForm(lang, lower, f) {
			c |= pcAfterModal
		}
		if !upper && finiteSPassive(lang, lower, f) {
			c |= pcFinite
		}
	}
	if participle(lang, lower, f, wBecome, false) {
		c |= pcAfterBecome
	}
	if participle(lang, lower, f, wBe, false) {
		c |= pcAfterBe
	}
	if participle(lang, lower, f, wBe, true) {
		c |= pcAfterPronounBe
	}
	return c
}

// genitiveEndings end Nordic noun forms in the genitive, not s-passives.
var genitiveEndings = []string{"ens", "ets", "ans", "arnas", "ernas", "ornas", "enes", "ernes"}

// svWeakEndings end Swedish first-conjugation participles.
var svWeakEndings = []string{"ad", "ade", "at"}

// svAdjectiveEndings end Swedish neuter adjectives that would otherwise
// pass for participles.
var svAdjectiveEndings = []string{"tt", "st", "igt", "skt", "alt", "ellt", "elt"}

// nonVerbEndings end Nordic words that an s-passive never ends with.
var nonVerbEndings = []string{"ss", "ies", "us", "is", "ys"}

func hasAnySuffix(w string, list []string) bool {
	for _, s := range list {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// sForm reports whether the lower-case Nordic word w may be an s-passive
// after a modal.
func sForm(lang langMask, w string, f wordFlag) bool {
	if f&wNotPassive != 0 {
		return false
	}
	if f&wSPassive != 0 {
		return true
	}
	if hasAnySuffix(w, nonVerbEndings) || hasAnySuffix(w, genitiveEndings) {
		return false
	}
	if lang == langNN {
		return strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ast") || strings.HasSuffix(w, "est")
	}
	return strings.HasSuffix(w, "s")
}

// finiteSPassive reports whether w, not after an auxiliary, may be a
// finite s-passive: "-as" (Swedish) or "-es" (Swedish, Norwegian bokmål,
// Danish) of five or more letters, or a listed short form.
func finiteSPassive(lang langMask, w string, f wordFlag) bool {
	if f&wNotPassive != 0 || lang == langNN {
		return false
	}
	if f&wSPassive != 0 {
		return true
	}
	if utf8.RuneCountInString(w) < 5 || hasAnySuffix(w, nonVerbEndings) || hasAnySuffix(w, genitiveEndings) {
		return false
	}
	if strings.HasSuffix(w, "es") {
		return true
	}
	return lang == langSV && strings.HasSuffix(w, "as")
}

func isVowelByte(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// consonantBefore reports whether the letter before the suffix of length
// n at the end of w is an ASCII consonant.
func consonantBefore(w string, n int) bool {
	if len(w) <= n {
		return false
	}
	c := w[len(w)-n-1]
	return c < utf8.RuneSelf && ascii[c]&cLetter != 0 && !isVowelByte(c)
}

// participle reports whether the lower-case word w is a past participle
// after an auxiliary of kind aux (wBecome or wBe); afterPronoun says the
// auxiliary followed "det", "dette" or the like.
func participle(lang langMask, w string, f wordFlag, aux wordFlag, afterPronoun bool) bool {
	if f&wNotParticiple != 0 || (lang == langSV && aux == wBe) {
		return false
	}
	if f&wParticiple != 0 {
		return true
	}
	if utf8.RuneCountInString(w) < 4 {
		return false
	}
	if tails := participleTails[lang]; tails != nil && hasAnySuffix(w, tails) {
		// A strong participle with a prefix: mottaget, utbetalt, omskriven,
		// mottatt, gjennomgått, motteken.
		return true
	}
	switch lang {
	case langEN:
		return strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed")
	case langSV:
		// First conjugation: beviljad, beviljat, beviljade.
		if hasAnySuffix(w, svWeakEndings) {
			return true
		}
		// Other weak verbs: ställd, köpt, godkända, betalda; not neuter
		// adjectives (viktigt, enkelt, praktiskt, normalt, bäst).
		if hasAnySuffix(w, svAdjectiveEndings) && w != "betalt" {
			return false
		}
		switch {
		case strings.HasSuffix(w, "d") || strings.HasSuffix(w, "t"):
			return consonantBefore(w, 1)
		case strings.HasSuffix(w, "da") || strings.HasSuffix(w, "ta"):
			return consonantBefore(w, 2)
		}
		return false
	case langNB, langNN, langDA:
		if strings.HasSuffix(w, "et") {
			// behandlet, innvilget; after "Det er" a noun is likelier.
			return !(aux == wBe && afterPronoun)
		}
		if strings.HasSuffix(w, "tt") {
			return false
		}
		if strings.HasSuffix(w, "t") || strings.HasSuffix(w, "d") {
			return consonantBefore(w, 1) // sendt, godkjent, levd, bodd
		}
		if lang == langNN && aux == wBecome && strings.HasSuffix(w, "a") {
			return utf8.RuneCountInString(w) >= 6 // vart behandla
		}
	}
	return false
}

// participleTails end participles formed with a prefix on a strong or
// irregular verb ("mottaget", "utbetalt", "mottatt", "inngått"), which the
// regular-ending rules miss because "-tt", "-alt" or "-en" also end
// adjectives and nouns.
var participleTails = map[langMask][]string{
	langSV: {"tagen", "taget", "tagna", "skriven", "skrivet", "skrivna", "given", "givet", "givna", "gjord",
		"gjort", "gjorda", "dragen", "draget", "dragna", "funnen", "funnet", "bunden", "bundet", "slagen",
		"slaget", "bruten", "brutet", "hållen", "hållet", "betalt", "betald", "betalda"},
	langNB: {"tatt", "gitt", "gjort", "slått", "gått", "skrevet", "funnet"},
	langNN: {"tatt", "gitt", "gjort", "slått", "gått", "teken", "teke", "skriven", "skrive", "gjeven", "gjeve",
		"funnen", "funne"},
	langDA: {"taget", "givet", "gjort", "skrevet", "fundet", "slået", "gået"},
}

// passiveState follows one sentence word by word.
type passiveState struct {
	modal    bool     // an s-form here would be an s-passive
	aux      wordFlag // wBecome or wBe: a participle here would be a passive
	auxAfter bool     // the auxiliary followed a pronoun such as "det"
	prev     wordFlag
	count    int
}

// word feeds the next word of the sentence, with its flags and class, and
// reports whether it completes a passive.
func (p *passiveState) word(f wordFlag, c passiveClass) bool {
	prev := p.prev
	p.prev = f
	if f&wSkip != 0 && (p.modal || p.aux != 0) {
		return false
	}
	passive := p.modal && c&pcAfterModal != 0 ||
		p.aux == wBecome && c&pcAfterBecome != 0 ||
		p.aux == wBe && !p.auxAfter && c&pcAfterBe != 0 ||
		p.aux == wBe && p.auxAfter && c&pcAfterPronounBe != 0 ||
		c&pcFinite != 0 && prev&wBlock == 0
	if passive {
		p.count++
		p.modal, p.aux = false, 0
		return true
	}
	p.modal = f&wModal != 0
	switch {
	case f&wBecome != 0:
		p.auxAfter = prev&wPronoun != 0
		p.aux = wBecome
	case f&wBe != 0:
		p.auxAfter = prev&wPronoun != 0
		p.aux = wBe
	default:
		p.aux = 0
	}
	return false
}
