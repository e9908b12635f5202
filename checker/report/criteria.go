package report

import (
	"slices"
	"strings"

	"github.com/delaktig/delaktig/a11y/wcag"
)

// Group is a group of people a barrier stops, named in plain words in the
// HTML report's summary.
type Group uint8

// The groups, in the order the summary lists them.
const (
	// GroupScreenReader: people who use a screen reader.
	GroupScreenReader Group = iota + 1
	// GroupNoMouse: people who cannot use a mouse (keyboard, switch or
	// voice users, people with limited use of their hands).
	GroupNoMouse
	// GroupLowVision: people with low vision.
	GroupLowVision
	// GroupCognitive: people with cognitive disabilities.
	GroupCognitive
	// GroupOlder: older people.
	GroupOlder
	// GroupHearing: people who are deaf or hard of hearing.
	GroupHearing
	// GroupSeizures: people who can have seizures from flashing light.
	GroupSeizures
)

var groupNames = [...]string{"", "screen-reader", "no-mouse", "low-vision", "cognitive", "older", "hearing", "seizures"}

// String returns the group's key: "screen-reader", "no-mouse", "low-vision",
// "cognitive", "older", "hearing" or "seizures".
func (g Group) String() string {
	if int(g) < len(groupNames) {
		return groupNames[g]
	}
	return "unknown"
}

// Need is one of the functional performance statements of EN 301 549
// clause 4.2, with the names Norway's accessibility statements use.
type Need uint8

// The needs, in the order of EN 301 549 clause 4.2.
const (
	NeedWithoutVision Need = iota + 1
	NeedLimitedVision
	NeedWithoutColour
	NeedWithoutHearing
	NeedLimitedHearing
	NeedWithoutVoice
	NeedLimitedManipulation
	NeedLimitedReach
	NeedPhotosensitive
	NeedLimitedCognition
	NeedPrivacy
)

var needNames = [...]string{"",
	"Bruk uten syn",
	"Bruk med begrenset syn",
	"Bruk uten oppfatning av farge",
	"Bruk uten hørsel",
	"Bruk med begrenset hørsel",
	"Bruk uten vokal kapasitet",
	"Bruk med begrenset manipulasjon eller styrke",
	"Bruk med begrenset rekkevidde",
	"Minimer fotosensitive anfall",
	"Bruk med begrenset kognisjon",
	"Personvern",
}

// String returns the need's Norwegian name, such as "Bruk uten syn".
func (n Need) String() string {
	if int(n) < len(needNames) {
		return needNames[n]
	}
	return "unknown"
}

// Needs returns every need in the order of EN 301 549 clause 4.2.
func Needs() []Need {
	out := make([]Need, 0, len(needNames)-1)
	for i := 1; i < len(needNames); i++ {
		out = append(out, Need(i))
	}
	return out
}

// scFacts is what the reports say about a success criterion beyond its
// English title: who a failure stops, which functional needs it touches,
// and its names in Swedish and Norwegian.
type scFacts struct {
	groups []Group
	needs  []Need
	// sv is the criterion's Swedish title; svWhy says in plain Swedish what
	// a failure means for people (used for inaccessible content in a
	// Swedish accessibility statement).
	sv, svWhy string
	// nb is the criterion's Norwegian bokmål title.
	nb string
}

// Shorthands for the table below.
const (
	gSR, gKB, gLV, gCog, gOld, gHear, gSeiz = GroupScreenReader, GroupNoMouse, GroupLowVision, GroupCognitive, GroupOlder, GroupHearing, GroupSeizures
	nWV, nLV, nNC, nWH, nLH                 = NeedWithoutVision, NeedLimitedVision, NeedWithoutColour, NeedWithoutHearing, NeedLimitedHearing
	nLM, nLR, nPS, nLC                      = NeedLimitedManipulation, NeedLimitedReach, NeedPhotosensitive, NeedLimitedCognition
)

func gs(g ...Group) []Group { return g }
func ns(n ...Need) []Need   { return n }

// facts maps each WCAG 2.2 level A and AA success criterion (and 4.1.1,
// which EN 301 549 V3.2.1 and Norway still list) to the groups and needs a
// failure affects. The mapping is our reading of the criteria's intent and
// of EN 301 549 Annex B; it names the people most often stopped, not every
// person who might be.
var facts = map[string]scFacts{
	"1.1.1": {gs(gSR, gLV, gCog), ns(nWV, nLV, nLC), "Icke-textuellt innehåll",
		"Bilder och andra element som inte är text saknar en textbeskrivning, så den som inte ser dem går miste om informationen.", "Ikke-tekstlig innhold"},
	"1.2.1": {gs(gSR, gHear), ns(nWV, nWH, nLH), "Enbart ljud och enbart video (förinspelat)",
		"Förinspelat ljud eller förinspelad video saknar ett alternativ i text eller ljud.", "Bare lyd og bare video (forhåndsinnspilt)"},
	"1.2.2": {gs(gHear, gCog), ns(nWH, nLH, nLC), "Undertexter (förinspelat)",
		"Förinspelad video saknar undertexter.", "Teksting (forhåndsinnspilt)"},
	"1.2.3": {gs(gSR), ns(nWV, nLV), "Syntolkning eller mediealternativ (förinspelat)",
		"Förinspelad video saknar syntolkning eller en textversion av det som visas.", "Synstolking eller mediealternativ (forhåndsinnspilt)"},
	"1.2.4": {gs(gHear), ns(nWH, nLH), "Undertexter (direktsänt)",
		"Direktsänd video saknar undertexter.", "Teksting (direkte)"},
	"1.2.5": {gs(gSR), ns(nWV, nLV), "Syntolkning (förinspelat)",
		"Förinspelad video saknar syntolkning.", "Synstolking (forhåndsinnspilt)"},
	"1.3.1": {gs(gSR, gCog), ns(nWV, nLV, nLC), "Information och relationer",
		"Rubriker, listor, tabeller och formulärfält är inte kodade så att hjälpmedel förstår hur innehållet hänger ihop.", "Informasjon og relasjoner"},
	"1.3.2": {gs(gSR), ns(nWV, nLV, nLC), "Meningsfull ordningsföljd",
		"Innehållet läses upp i en ordning som ändrar dess betydelse.", "Meningsfylt rekkefølge"},
	"1.3.3": {gs(gSR, gLV, gCog), ns(nWV, nLV, nNC, nLC), "Sensoriska kännetecken",
		"Instruktioner bygger bara på form, färg, storlek eller placering.", "Sensoriske egenskaper"},
	"1.3.4": {gs(gLV, gKB, gOld), ns(nLV, nLM, nLR), "Visningsriktning",
		"Tjänsten går bara att använda med skärmen vänd åt ett visst håll.", "Visningsretning"},
	"1.3.5": {gs(gCog, gOld, gKB), ns(nLM, nLC), "Identifiera syftet med inmatning",
		"Formulärfält för personuppgifter talar inte om vad de ska innehålla, så webbläsaren kan inte fylla i dem åt användaren.", "Identifiser formål med inndata"},
	"1.4.1": {gs(gLV, gOld), ns(nLV, nNC), "Användning av färg",
		"Information förmedlas bara med färg.", "Bruk av farge"},
	"1.4.2": {gs(gSR, gCog), ns(nWV, nLH, nLC), "Ljudkontroll",
		"Ljud som spelas upp automatiskt går inte att stänga av.", "Styring av lyd"},
	"1.4.3": {gs(gLV, gOld), ns(nLV, nNC), "Kontrast (minimum)",
		"Texten har för låg kontrast mot bakgrunden.", "Kontrast (minimum)"},
	"1.4.4": {gs(gLV, gOld), ns(nLV), "Ändra textstorlek",
		"Texten går inte att förstora till 200 procent utan att innehåll eller funktioner försvinner.", "Endring av tekststørrelse"},
	"1.4.5": {gs(gLV, gSR), ns(nWV, nLV, nLC), "Bilder av text",
		"Text visas som bild i stället för som riktig text.", "Bilder av tekst"},
	"1.4.10": {gs(gLV, gOld), ns(nLV), "Omflödning",
		"Innehållet går inte att läsa på en smal skärm eller vid kraftig förstoring utan att man måste skrolla i sidled.", "Dynamisk tilpasning (Reflow)"},
	"1.4.11": {gs(gLV, gOld), ns(nLV, nNC), "Kontrast för icke-textuellt innehåll",
		"Knappar, fältkanter eller ikoner har för låg kontrast.", "Kontrast for ikke-tekstlig innhold"},
	"1.4.12": {gs(gLV, gCog), ns(nLV, nLC), "Textavstånd",
		"Innehåll försvinner eller överlappar när användaren ökar avståndet mellan rader, ord eller bokstäver.", "Tekstavstand"},
	"1.4.13": {gs(gLV, gCog, gKB), ns(nLV, nLM, nLC), "Innehåll vid hovring eller fokus",
		"Innehåll som visas när man pekar på eller fokuserar något går inte att stänga, eller försvinner för tidigt.", "Pekerfølsomt innhold eller innhold ved tastaturfokus"},
	"2.1.1": {gs(gKB, gSR), ns(nWV, nLV, nLM), "Tangentbord",
		"Allt går inte att använda med enbart tangentbord.", "Tastatur"},
	"2.1.2": {gs(gKB, gSR), ns(nWV, nLM), "Ingen tangentbordsfälla",
		"Tangentbordsfokus fastnar i en del av sidan.", "Ingen tastaturfelle"},
	"2.1.4": {gs(gKB, gSR), ns(nWV, nLM), "Kortkommandon med tecken",
		"Kortkommandon med en enda bokstav kan utlösas av misstag och går inte att stänga av.", "Hurtigtaster som består av ett tegn"},
	"2.2.1": {gs(gCog, gOld, gSR), ns(nWV, nLV, nLM, nLC), "Justerbar tidsgräns",
		"Tidsgränser går inte att förlänga eller stänga av.", "Justerbar hastighet"},
	"2.2.2": {gs(gCog, gSR), ns(nWV, nLV, nLC), "Pausa, stoppa, dölja",
		"Innehåll som rör sig eller uppdateras av sig självt går inte att pausa.", "Pause, stopp, skjul"},
	"2.3.1": {gs(gSeiz), ns(nPS), "Tre blinkningar eller under tröskelvärdet",
		"Innehåll blinkar på ett sätt som kan utlösa epileptiska anfall.", "Terskelverdi på maksimalt tre glimt"},
	"2.4.1": {gs(gSR, gKB), ns(nWV, nLM), "Hoppa över block",
		"Det går inte att hoppa förbi upprepat innehåll, som menyer, direkt till huvudinnehållet.", "Hoppe over blokker"},
	"2.4.2": {gs(gSR, gCog), ns(nWV, nLC), "Sidans titel",
		"Sidan saknar en titel som säger vad den innehåller.", "Sidetitler"},
	"2.4.3": {gs(gKB, gSR), ns(nWV, nLM, nLC), "Fokusordning",
		"Tangentbordsfokus flyttas i en ordning som inte följer innehållets logik.", "Fokusrekkefølge"},
	"2.4.4": {gs(gSR, gCog), ns(nWV, nLC), "Länkars syfte (i sitt sammanhang)",
		"Det framgår inte vart länkar leder.", "Formål med lenke (i kontekst)"},
	"2.4.5": {gs(gCog, gSR), ns(nWV, nLC), "Flera sätt",
		"Det finns bara ett sätt att hitta till sidorna.", "Flere måter"},
	"2.4.6": {gs(gSR, gCog), ns(nWV, nLC), "Rubriker och etiketter",
		"Rubriker och fältetiketter beskriver inte innehållet.", "Overskrifter og ledetekster"},
	"2.4.7": {gs(gKB, gLV), ns(nLV, nLM, nLC), "Synligt fokus",
		"Det syns inte var tangentbordsfokus är.", "Synlig fokus"},
	"2.4.11": {gs(gKB, gLV), ns(nLV, nLM), "Fokus inte dolt (minimum)",
		"Det som har tangentbordsfokus döljs helt av annat innehåll.", "Fokus ikke skjult (minimum)"},
	"2.5.1": {gs(gKB, gOld), ns(nLM), "Pekgester",
		"Funktioner kräver gester med flera fingrar eller svepbanor och saknar ett enklare alternativ.", "Pekerbevegelser"},
	"2.5.2": {gs(gKB, gOld), ns(nLM), "Pekaravbrytning",
		"Funktioner utlöses redan när man trycker ned, så ett felaktigt tryck går inte att avbryta.", "Pekeravbrytelse"},
	"2.5.3": {gs(gKB, gSR), ns(nWV, nLM), "Etikett i namn",
		"Den synliga texten på knappar och fält finns inte med i deras namn för hjälpmedel, så röststyrning fungerar inte.", "Ledetekst i navn"},
	"2.5.4": {gs(gKB, gOld), ns(nLM, nLR), "Rörelseaktivering",
		"Funktioner styrs genom att man skakar eller lutar enheten, utan något alternativ.", "Bevegelsesaktivering"},
	"2.5.7": {gs(gKB, gOld), ns(nLM), "Dragrörelser",
		"Funktioner kräver att man drar och släpper, utan ett alternativ med enkla klick.", "Drabevegelser"},
	"2.5.8": {gs(gKB, gOld, gLV), ns(nLV, nLM), "Målstorlek (minimum)",
		"Klickytor är för små eller sitter för tätt.", "Målstørrelse (minimum)"},
	"3.1.1": {gs(gSR, gCog), ns(nWV, nLC), "Sidans språk",
		"Sidans språk är inte angivet, så skärmläsare kan läsa upp texten med fel uttal.", "Språk på siden"},
	"3.1.2": {gs(gSR, gCog), ns(nWV, nLC), "Språk för delar",
		"Textavsnitt på andra språk är inte märkta med sitt språk.", "Språk på deler av innhold"},
	"3.2.1": {gs(gSR, gCog), ns(nWV, nLV, nLC), "Vid fokus",
		"Något oväntat händer när ett element får fokus.", "Fokus"},
	"3.2.2": {gs(gSR, gCog), ns(nWV, nLV, nLC), "Vid inmatning",
		"Något oväntat händer när man fyller i eller ändrar ett fält.", "Inndata"},
	"3.2.3": {gs(gCog, gLV, gOld), ns(nLV, nLC), "Konsekvent navigering",
		"Navigeringen ligger i olika ordning på olika sidor.", "Konsekvent navigering"},
	"3.2.4": {gs(gCog, gSR), ns(nWV, nLC), "Konsekvent identifiering",
		"Samma funktion har olika namn på olika sidor.", "Konsekvent identifikasjon"},
	"3.2.6": {gs(gCog, gOld), ns(nLC), "Konsekvent hjälp",
		"Hjälp och kontaktuppgifter finns på olika ställen på olika sidor.", "Konsekvent hjelp"},
	"3.3.1": {gs(gSR, gCog, gOld), ns(nWV, nLV, nNC, nLC), "Identifiering av fel",
		"Fel i formulär beskrivs inte i text.", "Identifikasjon av feil"},
	"3.3.2": {gs(gCog, gSR, gOld), ns(nWV, nLC), "Etiketter eller instruktioner",
		"Formulärfält saknar etiketter eller instruktioner.", "Ledetekster eller instruksjoner"},
	"3.3.3": {gs(gCog, gOld), ns(nWV, nLC), "Förslag vid fel",
		"Felmeddelanden säger inte hur felet kan rättas.", "Forslag ved feil"},
	"3.3.4": {gs(gCog, gOld), ns(nWV, nLC), "Förhindra fel (juridiska, ekonomiska, data)",
		"Det går inte att granska, rätta eller ångra uppgifter innan de skickas in.", "Forhindring av feil (juridiske feil, økonomiske feil, datafeil)"},
	"3.3.7": {gs(gCog, gOld), ns(nLM, nLC), "Överflödig inmatning",
		"Man måste fylla i samma uppgifter flera gånger.", "Overflødig inntasting"},
	"3.3.8": {gs(gCog, gOld), ns(nLC), "Tillgänglig autentisering (minimum)",
		"Inloggningen kräver att man minns, skriver av eller löser något, utan ett enklare alternativ.", "Tilgjengelig autentisering (minimum)"},
	"4.1.1": {gs(gSR), ns(nWV), "Parsning",
		"Koden har fel som kan göra att hjälpmedel tolkar sidan fel.", "Parsing (oppdeling)"},
	"4.1.2": {gs(gSR, gKB), ns(nWV, nLM), "Namn, roll, värde",
		"Knappar, fält och andra kontroller saknar namn eller roll som hjälpmedel kan läsa.", "Navn, rolle, verdi"},
	"4.1.3": {gs(gSR, gCog), ns(nWV, nLC), "Statusmeddelanden",
		"Statusmeddelanden läses inte upp av skärmläsare.", "Statusbeskjeder"},
}

// GroupsFor returns the groups of people that failing success criterion sc
// stops, in the order of the Group constants; nil for a criterion without
// a mapping (level AAA, unknown).
func GroupsFor(sc string) []Group {
	f, ok := facts[sc]
	if !ok {
		return nil
	}
	out := slices.Clone(f.groups)
	slices.Sort(out)
	return slices.Compact(out)
}

// NeedsFor returns the functional needs (EN 301 549 clause 4.2) that
// success criterion sc serves, in clause order; nil when unmapped.
func NeedsFor(sc string) []Need {
	f, ok := facts[sc]
	if !ok {
		return nil
	}
	out := slices.Clone(f.needs)
	slices.Sort(out)
	return slices.Compact(out)
}

// aaaTitles are the Swedish and Norwegian titles of the level AAA success
// criteria, which the law does not require but rules such as
// color-contrast-enhanced report.
var aaaTitles = map[string][2]string{
	"1.2.6":  {"Teckenspråk (förinspelat)", "Tegnspråk (forhåndsinnspilt)"},
	"1.2.7":  {"Utökad syntolkning (förinspelat)", "Utvidet synstolking (forhåndsinnspilt)"},
	"1.2.8":  {"Mediealternativ (förinspelat)", "Mediealternativ (forhåndsinnspilt)"},
	"1.2.9":  {"Endast ljud (direktsänt)", "Bare lyd (direkte)"},
	"1.3.6":  {"Identifiera syfte", "Identifiser formål"},
	"1.4.6":  {"Kontrast (förbättrad)", "Kontrast (forbedret)"},
	"1.4.7":  {"Lågt eller inget bakgrundsljud", "Lav eller ingen bakgrunnslyd"},
	"1.4.8":  {"Visuell presentation", "Visuell presentasjon"},
	"1.4.9":  {"Bilder av text (inga undantag)", "Bilder av tekst (ingen unntak)"},
	"2.1.3":  {"Tangentbord (inga undantag)", "Tastatur (ingen unntak)"},
	"2.2.3":  {"Ingen tidsgräns", "Ingen tidsbegrensning"},
	"2.2.4":  {"Avbrott", "Avbrudd"},
	"2.2.5":  {"Ny inloggning", "Ny autentisering"},
	"2.2.6":  {"Tidsgränser för inaktivitet", "Tidsavbrudd"},
	"2.3.2":  {"Tre blinkningar", "Tre glimt"},
	"2.3.3":  {"Animering från interaktioner", "Animasjon fra interaksjoner"},
	"2.4.8":  {"Plats", "Plassering"},
	"2.4.9":  {"Syftet med länkar (endast länktexten)", "Formål med lenke (kun lenketekst)"},
	"2.4.10": {"Avsnittsrubriker", "Overskrifter for avsnitt"},
	"2.4.12": {"Fokus inte dolt (förbättrad)", "Fokus ikke skjult (forbedret)"},
	"2.4.13": {"Fokusmarkeringens utseende", "Fokusutseende"},
	"2.5.5":  {"Målets storlek (förbättrad)", "Målstørrelse (forbedret)"},
	"2.5.6":  {"Samtidiga inmatningssätt", "Samtidige inndatamekanismer"},
	"3.1.3":  {"Ovanliga ord", "Uvanlige ord"},
	"3.1.4":  {"Förkortningar", "Forkortelser"},
	"3.1.5":  {"Läsnivå", "Lesenivå"},
	"3.1.6":  {"Uttal", "Uttale"},
	"3.2.5":  {"Förändring på begäran", "Endring på forespørsel"},
	"3.3.5":  {"Hjälp", "Hjelp"},
	"3.3.6":  {"Förebygga fel (alla)", "Feilforebygging (alle)"},
	"3.3.9":  {"Tillgänglig autentisering (förbättrad)", "Tilgjengelig autentisering (forbedret)"},
}

// scTitle returns a success criterion's title in lang: the Swedish or
// Norwegian title from the tables, else the English one from wcag.
func scTitle(sc, lang string) string {
	if f, ok := facts[sc]; ok {
		switch lang {
		case "sv":
			return f.sv
		case "nb":
			return f.nb
		}
	}
	if t, ok := aaaTitles[sc]; ok {
		switch lang {
		case "sv":
			return t[0]
		case "nb":
			return t[1]
		}
	}
	if c, ok := wcag.Lookup(sc); ok {
		return c.Title
	}
	return sc
}

// UnderstandingURL returns the address of the W3C "Understanding" page of a
// WCAG 2.2 success criterion, or "" for an unknown one. The page name is
// the criterion's title in lower case, with words joined by hyphens and
// punctuation dropped ("Contrast (Minimum)" → contrast-minimum), which is
// how W3C names these pages.
func UnderstandingURL(sc string) string {
	c, ok := wcag.Lookup(sc)
	if !ok {
		return ""
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(c.Title) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '-' || r == ' ' || r == ',' || r == '/':
			dash = true
		}
	}
	return "https://www.w3.org/WAI/WCAG22/Understanding/" + b.String() + ".html"
}

// ACTRuleURL returns the W3C page of an ACT rule id ("23a2a8").
func ACTRuleURL(id string) string {
	return "https://www.w3.org/WAI/standards-guidelines/act/rules/" + id + "/"
}
