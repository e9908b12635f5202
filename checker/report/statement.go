package report

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/locale"
	"github.com/delaktig/delaktig/a11y/wcag"
)

// Organisation is who is responsible for a service, as accessibility
// statements name them. Empty fields become marked gaps in the draft.
type Organisation struct {
	// Name is the public body ("Sundsvalls kommun").
	Name string `yaml:"name" json:"name,omitempty"`
	// Service is the digital service ("Ansök om parkeringstillstånd").
	Service string `yaml:"service" json:"service,omitempty"`
	// URL is the service's address.
	URL string `yaml:"url" json:"url,omitempty"`
	// ContactEmail, ContactPhone and FeedbackURL are how users report
	// accessibility problems and ask for content in another format.
	ContactEmail string `yaml:"contact_email" json:"contactEmail,omitempty"`
	ContactPhone string `yaml:"contact_phone" json:"contactPhone,omitempty"`
	FeedbackURL  string `yaml:"feedback_url" json:"feedbackUrl,omitempty"`
	// EnforcementURL is the supervisory authority's page for complaints
	// (in Sweden Digg's form for reporting inaccessibility, in Norway the
	// authority for universal design of ICT). When empty the statement
	// describes the route in words.
	EnforcementURL string `yaml:"enforcement_url" json:"enforcementUrl,omitempty"`
}

// Jurisdiction selects the law a statement is drafted for.
type Jurisdiction string

// The statements Delaktig drafts.
const (
	// Sweden: a tillgänglighetsredogörelse under the Swedish law on
	// accessibility of digital public services (DOS-lagen), with the parts
	// Digg lists, in Swedish.
	Sweden Jurisdiction = "se"
	// Norway: a tilgjengelighetserklæring under the Norwegian regulation on
	// universal design of ICT, with a status for each of its 47 WCAG 2.1
	// criteria and the user needs affected, in Norwegian bokmål.
	Norway Jurisdiction = "no"
)

// ErrJurisdiction is returned for a jurisdiction without a statement.
var ErrJurisdiction = errors.New("report: no accessibility statement for this jurisdiction (want se or no)")

// StatementInput is what a statement draft needs besides the report.
type StatementInput struct {
	// Org names the organisation and the service, and the contact routes.
	Org Organisation
	// Rules lists the rules that ran (see Extras.Rules); nil means the
	// rules seen in the report.
	Rules []*a11y.Rule
	// Date is the day of the assessment; zero means the report's
	// Generated time, else today.
	Date time.Time
}

// Statement is a draft accessibility statement, written with WriteMarkdown
// or WriteHTML. It is never a conformance claim: it says what automated
// tests found, marks every part the organisation must write with [square
// brackets], and opens with a note that the draft needs review.
type Statement struct {
	// Lang is the statement's language: "sv" or "nb".
	Lang string
	// Title is its heading.
	Title string
	// Status is the compliance wording the draft uses ("delvis förenlig",
	// "inte förenlig"), or "" when the tests found no failure and only a
	// person can decide.
	Status string
	// Matrix is the coverage the statement is based on.
	Matrix *Matrix

	blocks []block
}

type blockKind uint8

const (
	bHeading blockKind = iota
	bPara
	bNote
	bList
	bTable
)

// span is inline text, optionally a link or emphasised. Text is plain:
// writers escape it.
type span struct {
	text, href string
	strong     bool
}

type block struct {
	kind  blockKind
	level int
	spans []span
	items [][]span
	head  []string
	rows  [][]string
}

// norwegianExcluded lists the WCAG 2.1 A/AA criteria the Norwegian
// regulation leaves out.
var norwegianExcluded = []string{"1.2.3", "1.2.4", "1.2.5"}

// NorwegianCriteria returns the 47 WCAG 2.1 level A and AA criteria that
// the Norwegian regulation on universal design of ICT requires: all 50
// except 1.2.3, 1.2.4 and 1.2.5.
func NorwegianCriteria() []string {
	var out []string
	for _, c := range wcag.ForVersion("2.1", "AA") {
		if !slices.Contains(norwegianExcluded, c.Number) {
			out = append(out, c.Number)
		}
	}
	return out
}

// DraftStatement drafts an accessibility statement for j from r.
func DraftStatement(j Jurisdiction, r *Report, in StatementInput) (*Statement, error) {
	ran := in.Rules
	if ran == nil {
		ran = RulesSeen(r)
	}
	m := BuildMatrix(r, ran)
	date := in.Date
	if date.IsZero() {
		date = r.Generated
	}
	if date.IsZero() {
		date = time.Now()
	}
	d := &drafter{r: r, m: m, org: in.Org, date: date.Format(time.DateOnly)}
	switch j {
	case Sweden:
		return d.sweden(), nil
	case Norway:
		return d.norway(), nil
	}
	return nil, fmt.Errorf("%w: %q", ErrJurisdiction, j)
}

type drafter struct {
	r    *Report
	m    *Matrix
	org  Organisation
	date string
	s    *Statement
}

func (d *drafter) h(level int, text string) {
	d.s.blocks = append(d.s.blocks, block{kind: bHeading, level: level, spans: []span{{text: text}}})
}
func (d *drafter) p(spans ...span) { d.s.blocks = append(d.s.blocks, block{kind: bPara, spans: spans}) }
func (d *drafter) note(spans ...span) {
	d.s.blocks = append(d.s.blocks, block{kind: bNote, spans: spans})
}
func (d *drafter) list(items ...[]span) {
	if len(items) > 0 {
		d.s.blocks = append(d.s.blocks, block{kind: bList, items: items})
	}
}
func (d *drafter) table(head []string, rows [][]string) {
	d.s.blocks = append(d.s.blocks, block{kind: bTable, head: head, rows: rows})
}

func tx(s string) span            { return span{text: s} }
func strong(s string) span        { return span{text: s, strong: true} }
func link(text, href string) span { return span{text: text, href: href} }

// orGap returns v, or a bracketed gap for the organisation to fill.
func orGap(v, gap string) string {
	if strings.TrimSpace(v) == "" {
		return "[" + gap + "]"
	}
	return safe(v)
}

// failure is what a statement says about one failed criterion.
type failure struct {
	sc     string
	rules  []string // rule ids
	pages  []string // page names
	count  int
	impact a11y.Impact
}

// failures collects the unwaived failures per criterion, in numeric order.
func (d *drafter) failures(pageName func(i int) string, flowName string) []*failure {
	by := map[string]*failure{}
	add := func(f *a11y.Finding, page string) {
		if f.Outcome != a11y.Failed || f.Suppressed != "" {
			return
		}
		for _, sc := range f.WCAG {
			fl := by[sc]
			if fl == nil {
				fl = &failure{sc: sc}
				by[sc] = fl
			}
			fl.count++
			fl.impact = max(fl.impact, f.Impact)
			if !slices.Contains(fl.rules, f.Rule) {
				fl.rules = append(fl.rules, f.Rule)
			}
			if !slices.Contains(fl.pages, page) {
				fl.pages = append(fl.pages, page)
			}
		}
	}
	for i := range d.r.Pages {
		for j := range d.r.Pages[i].Findings {
			add(&d.r.Pages[i].Findings[j], pageName(i))
		}
	}
	if d.r.Flow != nil {
		for j := range d.r.Flow.Findings {
			add(&d.r.Flow.Findings[j], flowName)
		}
	}
	out := make([]*failure, 0, len(by))
	for _, f := range by {
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b *failure) int { return wcag.CompareSC(a.sc, b.sc) })
	return out
}

func (d *drafter) pageLabel(i int, step string) string {
	pg := d.r.Pages[i]
	if pg.Step != "" {
		return step + " " + strconv.Itoa(i+1) + ": " + safe(limitText(pg.Step, 120))
	}
	return safe(limitText(firstNonEmpty(pg.Title, pg.URL), 120))
}

func ruleTitles(cat *locale.Catalog, ids []string) string {
	titles := make([]string, len(ids))
	for i, id := range ids {
		titles[i] = cat.Title(id)
	}
	return strings.Join(titles, "; ")
}

func (d *drafter) sweden() *Statement {
	cat := locale.For("sv")
	service := orGap(d.org.Service, "tjänstens namn")
	org := orGap(d.org.Name, "organisationens namn")
	d.s = &Statement{Lang: "sv", Title: "Tillgänglighetsredogörelse för " + service, Matrix: d.m}
	// The law asks for EN 301 549, that is WCAG 2.1 A and AA: failures of
	// other criteria (WCAG 2.2 additions, level AAA) are listed apart and do
	// not count against the service's compliance.
	var fails, beyond []*failure
	for _, f := range d.failures(func(i int) string { return d.pageLabel(i, "steg") }, "hela tjänsten") {
		if _, ok := wcag.ClauseForSC(f.sc); ok {
			fails = append(fails, f)
		} else {
			beyond = append(beyond, f)
		}
	}

	d.note(strong("Utkast som måste granskas. "), tx("Verktyget "+safe(d.r.Tool.Name)+" har tagit fram det här utkastet utifrån automatiska tester. "+
		"Automatiska tester hittar bara en del av bristerna. "+org+" måste granska, rätta och komplettera texten – särskilt alla delar inom hakparentes – innan den publiceras."))
	d.p(tx(org + " står bakom " + service + ". Vi vill att så många som möjligt ska kunna använda tjänsten. " +
		"Här beskriver vi hur " + service + " uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, " +
		"vilka kända brister som finns och hur du kan meddela oss brister så att vi kan åtgärda dem."))
	if d.org.URL != "" {
		d.p(tx("Redogörelsen gäller "+service+" på adressen "), link(safe(d.org.URL), d.org.URL), tx("."))
	}

	d.h(2, "Hur tillgänglig är tjänsten?")
	// Digg's wording: "inte förenlig" when most requirements are not met.
	// Automated tests see only part of them, so only failures of more than
	// half of all WCAG 2.2 A/AA criteria justify it; any failure rules out
	// "helt förenlig", and no failure never proves it.
	failedSC := len(fails)
	switch {
	case failedSC == 0:
		d.s.Status = ""
		d.p(strong("[Fyll i efter en manuell granskning: helt förenlig, delvis förenlig eller inte förenlig.] "),
			tx("De automatiska testerna hittade inga brister, men de kan inte visa att tjänsten är helt förenlig med lagen. "+
				"Skriv ”helt förenlig” först när en person har granskat tjänsten mot alla krav i EN 301 549."))
	case failedSC*2 > d.m.Total:
		d.s.Status = "inte förenlig"
		d.p(tx(service+" är "), strong("inte förenlig"), tx(" med lagen om tillgänglighet till digital offentlig service. "+
			"De flesta kraven är inte uppfyllda. Bristerna beskrivs nedan. [Bekräfta efter en manuell granskning.]"))
	default:
		d.s.Status = "delvis förenlig"
		d.p(tx(service+" är "), strong("delvis förenlig"), tx(" med lagen om tillgänglighet till digital offentlig service, "+
			"på grund av de brister som beskrivs nedan. [Bekräfta efter en manuell granskning.]"))
	}

	d.h(2, "Innehåll som inte är tillgängligt")
	d.p(tx("Det innehåll som beskrivs nedan är på ett eller annat sätt inte helt tillgängligt."))
	d.h(3, "Bristande förenlighet med lagkraven")
	if len(fails) == 0 {
		d.p(tx("[De automatiska testerna hittade inga brister. Lägg till de brister som den manuella granskningen hittar.]"))
	}
	item := func(f *failure) []span {
		head := f.sc + " " + scTitle(f.sc, "sv")
		if cl, ok := wcag.ClauseForSC(f.sc); ok {
			head += " (EN 301 549 " + cl + ")"
		}
		why := ""
		if fa, ok := facts[f.sc]; ok {
			why = fa.svWhy + " "
		}
		return []span{strong(head + ": "), tx(why + "Det gäller: " + ruleTitles(cat, f.rules) +
			". Var: " + strings.Join(f.pages, "; ") + ". Antal ställen: " + strconv.Itoa(f.count) + ".")}
	}
	var items [][]span
	for _, f := range fails {
		items = append(items, item(f))
	}
	d.list(items...)
	if len(fails) > 0 {
		d.p(tx("[Skriv för varje brist när ni planerar att åtgärda den, och hur användare kan få informationen på annat sätt under tiden.]"))
	}
	if len(beyond) > 0 {
		d.h(3, "Brister utöver lagkraven")
		d.p(tx("Testerna hittade också brister mot kriterier som lagen inte kräver: tillägg i WCAG 2.2 och kriterier på nivå AAA. " +
			"De påverkar inte hur förenlig tjänsten är med lagen, men gör den svårare att använda. " +
			"[Ta med dem om ni vill berätta vad ni gör utöver lagkraven, annars kan avsnittet tas bort.]"))
		var more [][]span
		for _, f := range beyond {
			more = append(more, item(f))
		}
		d.list(more...)
	}
	d.h(3, "Oskäligt betungande anpassning")
	d.p(tx("[Fyll i: innehåll som ni har undantagit från kraven eftersom en anpassning vore oskäligt betungande (12 § lagen om tillgänglighet till digital offentlig service), " +
		"med en tydlig motivering för varje undantag. Ta bort avsnittet om ni inte har gjort några sådana undantag.]"))
	d.h(3, "Innehåll som inte omfattas av lagkraven")
	d.p(tx("[Fyll i: innehåll som inte omfattas av lagen (9 §), till exempel dokument som publicerades före den 23 september 2018. Ta bort avsnittet om det inte finns något sådant innehåll.]"))

	d.h(2, "Hur vi testat tjänsten")
	var pages []string
	for i := range d.r.Pages {
		pages = append(pages, d.pageLabel(i, "steg"))
	}
	d.p(tx("Utvärderingsmetod: självskattning med automatiska tester, [komplettera med manuell granskning: vem som granskade, när och hur, till exempel med skärmläsare, tangentbord och förstoring]."))
	d.p(tx("Vi testade tjänsten med verktyget " + safe(d.r.Tool.Name) + " version " + safe(d.r.Tool.Version) + " den " + d.date + ". " +
		"Testerna gick igenom " + strconv.Itoa(len(d.r.Pages)) + " sidor eller steg och prövade kraven i WCAG 2.2 nivå A och AA, som omfattar kraven i EN 301 549 (WCAG 2.1)."))
	d.list(textItems(pages)...)
	d.p(tx(fmt.Sprintf("De automatiska testerna kunde avgöra %d av de %d kriterierna i WCAG 2.2 nivå A och AA. "+
		"%d kriterier behöver granskas av en person innan redogörelsen kan sägas vara fullständig.", d.m.Decided, d.m.Total, d.m.NeedPerson)))
	var manual []string
	for _, row := range d.m.Rows {
		if row.WCAG22 && (row.Status == CoverageManual || row.Status == CoveragePartial) {
			manual = append(manual, row.SC+" "+scTitle(row.SC, "sv"))
		}
	}
	if len(manual) > 0 {
		d.p(tx("[Att granska manuellt innan publicering – ta bort listan ur den publicerade texten:]"))
		d.list(textItems(manual)...)
	}
	d.h(2, "Om redogörelsen")
	d.p(tx("Bedömningen av tjänstens förenlighet med lagkraven gjordes den " + d.date + ". " +
		"Redogörelsen upprättades den " + d.date + " och uppdaterades senast den " + d.date + ". [Ändra datumen när en manuell granskning är gjord.]"))

	d.h(2, "Meddela oss brister")
	d.p(tx("Om du upptäcker brister som inte beskrivs här, eller om du behöver innehåll i ett annat format, vill vi gärna veta det. Kontakta oss:"))
	d.list(d.contacts("e-post", "telefon", "webbformulär", "Fyll i hur användare kontaktar er, till exempel e-post, telefon eller ett webbformulär")...)
	d.p(tx("[Skriv hur snabbt ni svarar, till exempel: Vi svarar inom två veckor.]"))

	d.h(2, "Tillsyn")
	d.p(tx("Myndigheten för digital förvaltning (Digg) ansvarar för tillsynen över lagen om tillgänglighet till digital offentlig service. " +
		"Om du inte är nöjd med hur vi hanterar dina synpunkter kan du anmäla det till Digg."))
	if d.org.EnforcementURL != "" {
		d.p(tx("Anmäl via Diggs webbformulär: "), link(safe(d.org.EnforcementURL), d.org.EnforcementURL))
	} else {
		d.p(tx("Digg har ett webbformulär för anmälan om bristande tillgänglighet på sin webbplats, digg.se. [Lägg in en länk till formuläret.]"))
	}
	return d.s
}

func (d *drafter) norway() *Statement {
	cat := locale.For("nb")
	service := orGap(d.org.Service, "løsningens navn")
	org := orGap(d.org.Name, "virksomhetens navn")
	d.s = &Statement{Lang: "nb", Title: "Tilgjengelighetserklæring for " + service, Matrix: d.m}
	fails := d.failures(func(i int) string { return d.pageLabel(i, "steg") }, "hele tjenesten")
	nor := NorwegianCriteria()
	var norFails []*failure
	for _, f := range fails {
		if slices.Contains(nor, f.sc) {
			norFails = append(norFails, f)
		}
	}

	d.note(strong("Utkast som må kontrolleres manuelt. "), tx("Verktøyet "+safe(d.r.Tool.Name)+" har laget dette utkastet ut fra automatiske tester. "+
		"Automatiske tester finner bare en del av bruddene. "+org+" må kontrollere, rette og fullføre erklæringen – særlig alt som står i hakeparentes – før den publiseres."))
	d.p(tx(org + " har ansvaret for " + service + ". Erklæringen viser hvordan løsningen oppfyller kravene i forskrift om universell utforming av informasjons- og kommunikasjonsteknologiske (IKT)-løsninger: " +
		"47 suksesskriterier i WCAG 2.1 på nivå A og AA (alle unntatt 1.2.3, 1.2.4 og 1.2.5)."))
	if d.org.URL != "" {
		d.p(tx("Erklæringen gjelder "), link(safe(d.org.URL), d.org.URL), tx("."))
	}

	d.h(2, "Status")
	if len(norFails) == 0 {
		d.p(tx("De automatiske testene fant ingen brudd på de 47 kravene, men de kan ikke vise at løsningen oppfyller alle kravene. [Fyll inn status etter en manuell kontroll.]"))
	} else {
		d.p(tx("De automatiske testene fant brudd på "), strong(strconv.Itoa(len(norFails))+" av de 47 kravene"),
			tx(". De andre kravene er ikke avgjort: de må kontrolleres manuelt før erklæringen publiseres."))
	}

	d.h(2, "Brudd på kravene")
	if len(norFails) == 0 {
		d.p(tx("[Ingen brudd funnet i automatisk test. Legg inn bruddene som den manuelle kontrollen finner.]"))
	}
	var items [][]span
	for _, f := range norFails {
		var needs []string
		for _, n := range NeedsFor(f.sc) {
			needs = append(needs, n.String())
		}
		items = append(items, []span{strong(f.sc + " " + scTitle(f.sc, "nb") + ": "), tx(ruleTitles(cat, f.rules) +
			". Hvor: " + strings.Join(f.pages, "; ") + ". Antall steder: " + strconv.Itoa(f.count) + ". Brukerbehov som påvirkes: " + strings.Join(needs, ", ") + ".")})
	}
	d.list(items...)
	if len(norFails) > 0 {
		d.p(tx("[Skriv for hvert brudd hva som er grunnen, og når det skal rettes.]"))
	}

	d.h(2, "Status for hvert krav")
	var rows [][]string
	for _, sc := range nor {
		row, _ := d.m.Row(sc)
		status := "Ikke avgjort – må kontrolleres manuelt"
		switch row.Status {
		case CoverageFailed:
			status = "Nei – brudd funnet"
		case CoveragePassed:
			status = "Ikke avgjort – automatisk test fant ingen brudd, må bekreftes"
		case CoveragePartial:
			status = "Ikke avgjort – delvis testet"
		case CoverageNotApplicable:
			status = "Ikke avgjort – ser ikke ut til å være relevant, må bekreftes"
		}
		affected := ""
		if row.Status == CoverageFailed {
			var needs []string
			for _, n := range NeedsFor(sc) {
				needs = append(needs, n.String())
			}
			affected = strings.Join(needs, ", ")
		}
		rows = append(rows, []string{sc + " " + scTitle(sc, "nb"), status, affected})
	}
	d.table([]string{"Krav", "Status", "Brukerbehov som påvirkes"}, rows)

	d.h(2, "Brukerbehov")
	affected := map[Need]int{}
	for _, f := range norFails {
		for _, n := range NeedsFor(f.sc) {
			affected[n]++
		}
	}
	var needItems [][]span
	for _, n := range Needs() {
		if c := affected[n]; c > 0 {
			needItems = append(needItems, []span{strong(n.String() + ": "), tx("påvirkes av brudd på " + strconv.Itoa(c) + " krav.")})
		} else {
			needItems = append(needItems, []span{tx(n.String() + ": ingen brudd funnet i automatisk test.")})
		}
	}
	d.list(needItems...)

	d.h(2, "Hvordan løsningen er testet")
	var pages []string
	for i := range d.r.Pages {
		pages = append(pages, d.pageLabel(i, "steg"))
	}
	d.p(tx("Løsningen ble testet med verktøyet " + safe(d.r.Tool.Name) + " versjon " + safe(d.r.Tool.Version) + " " + d.date + ". " +
		"Testene gikk gjennom " + strconv.Itoa(len(d.r.Pages)) + " sider eller steg:"))
	d.list(textItems(pages)...)
	d.p(tx(fmt.Sprintf("De automatiske testene kunne avgjøre %d av de %d kriteriene i WCAG 2.2 nivå A og AA; %d må kontrolleres av en person. "+
		"[Beskriv den manuelle kontrollen: hvem, når og hvordan, for eksempel med skjermleser, tastatur og forstørring.]", d.m.Decided, d.m.Total, d.m.NeedPerson)))

	d.h(2, "Tilbakemelding")
	d.p(tx("Gi oss beskjed hvis du finner feil eller trenger innholdet i et annet format:"))
	d.list(d.contacts("e-post", "telefon", "skjema", "Fyll inn hvordan brukerne kan kontakte dere, for eksempel e-post, telefon eller skjema")...)

	d.h(2, "Klage")
	d.p(tx("Tilsynet for universell utforming av ikt (Uu-tilsynet) fører tilsyn med kravene. Hvis du ikke får svar, eller ikke er fornøyd med svaret, kan du klage til tilsynet."))
	if d.org.EnforcementURL != "" {
		d.p(tx("Klag her: "), link(safe(d.org.EnforcementURL), d.org.EnforcementURL))
	} else {
		d.p(tx("[Legg inn en lenke til tilsynets side for klager.]"))
	}
	d.note(strong("Dette er et utkast. "), tx("Erklæringen er laget "+d.date+" ut fra automatiske tester og må kontrolleres manuelt før den publiseres."))
	return d.s
}

// contacts lists the organisation's contact routes, or one gap.
func (d *drafter) contacts(email, phone, form, gap string) [][]span {
	var out [][]span
	if d.org.ContactEmail != "" {
		out = append(out, []span{tx(email + ": "), link(safe(d.org.ContactEmail), "mailto:"+d.org.ContactEmail)})
	}
	if d.org.ContactPhone != "" {
		out = append(out, []span{tx(phone + ": " + safe(d.org.ContactPhone))})
	}
	if d.org.FeedbackURL != "" {
		out = append(out, []span{tx(form + ": "), link(safe(d.org.FeedbackURL), d.org.FeedbackURL)})
	}
	if len(out) == 0 {
		out = append(out, []span{tx("[" + gap + ".]")})
	}
	return out
}

func textItems(ss []string) [][]span {
	out := make([][]span, len(ss))
	for i, s := range ss {
		out[i] = []span{tx(s)}
	}
	return out
}

// WriteMarkdown writes the statement as Markdown, for editing and for
// content systems that accept it.
func (s *Statement) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# " + mdLight(s.Title) + "\n")
	for _, b := range s.blocks {
		bw.WriteByte('\n')
		switch b.kind {
		case bHeading:
			bw.WriteString(strings.Repeat("#", b.level) + " " + mdSpans(b.spans) + "\n")
		case bPara:
			bw.WriteString(mdSpans(b.spans) + "\n")
		case bNote:
			bw.WriteString("> " + mdSpans(b.spans) + "\n")
		case bList:
			for _, it := range b.items {
				bw.WriteString("- " + mdSpans(it) + "\n")
			}
		case bTable:
			bw.WriteString("| " + strings.Join(mdCells(b.head), " | ") + " |\n")
			bw.WriteString("|" + strings.Repeat("---|", len(b.head)) + "\n")
			for _, r := range b.rows {
				bw.WriteString("| " + strings.Join(mdCells(r), " | ") + " |\n")
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("report: write statement: %w", err)
	}
	return nil
}

func mdCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = mdLight(c)
	}
	return out
}

func mdSpans(spans []span) string {
	var b strings.Builder
	for _, sp := range spans {
		text := mdLight(sp.text)
		switch {
		case sp.href != "" && safeHref(sp.href):
			b.WriteString("[" + text + "](<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(sp.href) + ">)")
		case sp.strong:
			b.WriteString("**" + strings.TrimSpace(text) + "**")
			if strings.HasSuffix(sp.text, " ") {
				b.WriteByte(' ')
			}
		default:
			b.WriteString(text)
		}
	}
	return b.String()
}

// mdLight escapes text for Markdown that people will edit: characters that
// start emphasis, code, HTML or tables are escaped, and brackets and
// parentheses only where they would make a link or an image; ordinary
// punctuation and the draft's [gaps] stay readable.
func mdLight(s string) string {
	s = safe(s)
	var b strings.Builder
	prev := rune(0)
	for i, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\\' || r == '`' || r == '*' || r == '_' || r == '|':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '#' && i == 0, r == '(' && prev == ']', r == '[' && prev == '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// safeHref reports whether a link target from configuration may be
// written as a link: http, https or mailto only.
func safeHref(h string) bool {
	l := strings.ToLower(strings.TrimSpace(h))
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "mailto:")
}

var statementTemplate = template.Must(template.New("statement").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{margin:0 auto;max-width:48rem;padding:1rem;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.55;color:#1b1b1b;background:#fff;overflow-wrap:anywhere}
a{color:#0b4fa8}a:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px}
.note{border-left:.4rem solid #7a4d00;background:#f3f4f6;padding:.5rem .75rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #8c8c8c;padding:.3rem .5rem;text-align:left;vertical-align:top}thead th{background:#f3f4f6}
.table-wrap{overflow-x:auto}
@media print{a{color:#1b1b1b}}
</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
{{range .Blocks}}{{.}}
{{end}}</main>
</body>
</html>
`))

// WriteHTML writes the statement as a self-contained, accessible HTML page.
func (s *Statement) WriteHTML(w io.Writer) error {
	var blocks []template.HTML
	for _, b := range s.blocks {
		blocks = append(blocks, htmlBlock(b))
	}
	var buf bytes.Buffer
	err := statementTemplate.Execute(&buf, struct {
		Lang, Title string
		Blocks      []template.HTML
	}{s.Lang, safe(s.Title), blocks})
	if err != nil {
		return fmt.Errorf("report: statement html: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("report: write statement: %w", err)
	}
	return nil
}

func htmlBlock(b block) template.HTML {
	esc := template.HTMLEscapeString
	var out strings.Builder
	switch b.kind {
	case bHeading:
		fmt.Fprintf(&out, "<h%d>%s</h%d>", b.level, htmlSpans(b.spans), b.level)
	case bPara:
		out.WriteString("<p>" + htmlSpans(b.spans) + "</p>")
	case bNote:
		out.WriteString(`<p class="note">` + htmlSpans(b.spans) + "</p>")
	case bList:
		out.WriteString("<ul>")
		for _, it := range b.items {
			out.WriteString("<li>" + htmlSpans(it) + "</li>")
		}
		out.WriteString("</ul>")
	case bTable:
		out.WriteString(`<div class="table-wrap"><table><thead><tr>`)
		for _, h := range b.head {
			out.WriteString(`<th scope="col">` + esc(safe(h)) + "</th>")
		}
		out.WriteString("</tr></thead><tbody>")
		for _, r := range b.rows {
			out.WriteString("<tr>")
			for i, c := range r {
				if i == 0 {
					out.WriteString(`<th scope="row">` + esc(safe(c)) + "</th>")
				} else {
					out.WriteString("<td>" + esc(safe(c)) + "</td>")
				}
			}
			out.WriteString("</tr>")
		}
		out.WriteString("</tbody></table></div>")
	}
	return template.HTML(out.String())
}

func htmlSpans(spans []span) string {
	esc := template.HTMLEscapeString
	var b strings.Builder
	for _, sp := range spans {
		text := esc(safe(sp.text))
		switch {
		case sp.href != "" && safeHref(sp.href):
			b.WriteString(`<a href="` + esc(strings.TrimSpace(sp.href)) + `">` + text + "</a>")
		case sp.strong:
			b.WriteString("<strong>" + text + "</strong>")
		default:
			b.WriteString(text)
		}
	}
	return b.String()
}
