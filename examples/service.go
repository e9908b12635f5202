package examples

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
)

// Variant names one of the two versions of the e-service. Its value is the
// first segment of the variant's URL path.
type Variant string

const (
	// Accessible is the variant built to be usable by everyone.
	Accessible Variant = "tillganglig"
	// Inaccessible is the variant built with common vendor mistakes.
	Inaccessible Variant = "otillganglig"
)

// Variants returns both variants, the accessible one first.
func Variants() []Variant { return []Variant{Accessible, Inaccessible} }

// Root returns the URL path of the variant's start page, such as "/tillganglig/".
func (v Variant) Root() string { return "/" + string(v) + "/" }

// Path returns the URL path of step s in the variant, such as
// "/tillganglig/personuppgifter".
func (v Variant) Path(s Step) string { return v.Root() + s.Slug }

// Step is one page on the way through the e-service.
type Step struct {
	// Slug is the path segment after the variant's root; "" for the start page.
	Slug string
	// Name is the step's Swedish name, as the flow files use it.
	Name string
}

// The steps in order. The numbers shown to users ("steg 2 av 4") count the
// start page as step 1 and the check page as step 4; the receipt comes after.
const (
	stepStart = iota
	stepPerson
	stepAbout
	stepCheck
	stepReceipt
)

// shownSteps is how many steps the step indicator counts.
const shownSteps = 4

var steps = []Step{
	{Slug: "", Name: "Startsida"},
	{Slug: "personuppgifter", Name: "Personuppgifter"},
	{Slug: "om-ansokan", Name: "Om ansökan"},
	{Slug: "kontrollera", Name: "Kontrollera dina svar"},
	{Slug: "kvittens", Name: "Kvittens"},
}

// indicatorNames are the step names in the accessible variant's step indicator.
var indicatorNames = [shownSteps]string{"Information", "Personuppgifter", "Om ansökan", "Kontrollera dina svar"}

// Steps returns the pages of the e-service in the order a user meets them.
func Steps() []Step { return slices.Clone(steps) }

// StepPaths returns the URL path of every step of variant v, in order.
func StepPaths(v Variant) []string {
	paths := make([]string, len(steps))
	for i, s := range steps {
		paths[i] = v.Path(s)
	}
	return paths
}

const (
	serviceName  = "Ansök om parkeringstillstånd"
	municipality = "Norrsunda kommun"
	// inaccessibleTitle is the one title every page of the inaccessible variant has.
	inaccessibleTitle = "Norrsunda kommun - E-tjänst"
	// returnToCheck is the value of the "fran" parameter on change links.
	returnToCheck = "kontrollera"
	// maxBody limits a form submission; the file field allows maxFile of it.
	maxBody = 12 << 20
)

//go:embed templates
var templateFS embed.FS

// Handler returns the example e-service: "/" (an index), "/tillganglig/…" and
// "/otillganglig/…". Each call returns an independent service with its own
// sessions and case numbers.
func Handler() http.Handler {
	s, err := newServer(time.Now)
	if err != nil {
		// The templates are embedded and checked by the package's tests.
		panic(err)
	}
	return s.routes()
}

type server struct {
	now   func() time.Time
	store *store
	index *template.Template
	pages map[Variant]map[string]*template.Template
	css   map[Variant][]byte
	logo  []byte

	caseMu sync.Mutex
	cases  int
}

func newServer(now func() time.Time) (*server, error) {
	s := &server{
		now:   now,
		store: newStore(now),
		pages: map[Variant]map[string]*template.Template{},
		css:   map[Variant][]byte{},
	}
	var err error
	s.index, err = template.ParseFS(templateFS, "templates/index.html")
	if err != nil {
		return nil, fmt.Errorf("examples: parse index: %w", err)
	}
	pageNames := map[Variant][]string{
		Accessible:   {"start", "personuppgifter", "om-ansokan", "kontrollera", "kvittens", "andra-sprak"},
		Inaccessible: {"start", "personuppgifter", "om-ansokan", "kontrollera", "kvittens", "info"},
	}
	for _, v := range Variants() {
		dir := "templates/" + string(v) + "/"
		base, err := template.New("layout.html").ParseFS(templateFS, dir+"layout.html")
		if err != nil {
			return nil, fmt.Errorf("examples: parse %s layout: %w", v, err)
		}
		if v == Accessible {
			if base, err = base.ParseFS(templateFS, dir+"delar.html"); err != nil {
				return nil, fmt.Errorf("examples: parse %s parts: %w", v, err)
			}
		}
		s.pages[v] = map[string]*template.Template{}
		for _, name := range pageNames[v] {
			t, err := template.Must(base.Clone()).ParseFS(templateFS, dir+name+".html")
			if err != nil {
				return nil, fmt.Errorf("examples: parse %s page %s: %w", v, name, err)
			}
			s.pages[v][name] = t
		}
		if s.css[v], err = fs.ReadFile(templateFS, dir+"stil.css"); err != nil {
			return nil, fmt.Errorf("examples: read %s style sheet: %w", v, err)
		}
	}
	if s.logo, err = logoPNG(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.serveIndex)
	for _, v := range Variants() {
		root := v.Root()
		mux.Handle("GET "+strings.TrimSuffix(root, "/"), http.RedirectHandler(root, http.StatusMovedPermanently))
		mux.HandleFunc("GET "+root+"{$}", s.withSession(v, s.showStart))
		for _, step := range []int{stepPerson, stepAbout, stepCheck} {
			mux.HandleFunc("GET "+v.Path(steps[step]), s.withSession(v, s.showForm(step)))
			mux.HandleFunc("POST "+v.Path(steps[step]), s.withSession(v, s.submitForm(step)))
		}
		mux.HandleFunc("GET "+v.Path(steps[stepReceipt]), s.withSession(v, s.showReceipt))
		mux.HandleFunc("GET "+root+"stil.css", s.serveStatic("text/css; charset=utf-8", s.css[v]))
		mux.HandleFunc("GET "+root+"bilder/logo.png", s.serveStatic("image/png", s.logo))
		extra := "andra-sprak"
		if v == Inaccessible {
			extra = "info"
		}
		mux.HandleFunc("GET "+root+extra, s.withSession(v, s.showInfoPage(extra)))
	}
	return mux
}

// handlerFunc is a page handler that has its variant's application, locked.
type handlerFunc func(w http.ResponseWriter, r *http.Request, v Variant, app *application)

func (s *server) withSession(v Variant, h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess := s.store.session(w, r)
		sess.mu.Lock()
		defer sess.mu.Unlock()
		h(w, r, v, sess.application(v))
	}
}

func (s *server) serveStatic(contentType string, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("Cache-Control", "public, max-age=3600")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(body)
	}
}

func (s *server) serveIndex(w http.ResponseWriter, r *http.Request) {
	var data struct{ Accessible, Inaccessible string }
	data.Accessible, data.Inaccessible = Accessible.Root(), Inaccessible.Root()
	s.write(w, s.index, data, http.StatusOK)
}

// page is what every page template receives.
type page struct {
	Title string
	// Root is the variant's root path, ending in "/".
	Root string
	// Step is the step number the indicator shows as current, 0 for none.
	Step int
	// Steps are the indicator's items.
	Steps []indicatorItem
	// Back is the target of the "Tillbaka" link, "" for none.
	Back string
	// Action is the form's target.
	Action string
	// ReturnTo is "kontrollera" when a change link brought the user here.
	ReturnTo string
	// F holds the current step's fields by name.
	F map[string]*fieldView
	// Errors lists the step's errors in the order of the fields.
	Errors []errorLink
	// Name and Address repeat what the user entered in step 2.
	Name, Address string
	// Summary holds the answers on the check page.
	Summary []summarySection
	// Receipt is set on the receipt page.
	Receipt *receipt
}

// ErrorHeading is the heading of the error summary.
func (p *page) ErrorHeading() string {
	if len(p.Errors) == 1 {
		return "Du behöver rätta 1 uppgift innan du kan gå vidare"
	}
	return fmt.Sprintf("Du behöver rätta %d uppgifter innan du kan gå vidare", len(p.Errors))
}

type indicatorItem struct {
	Number  int
	Name    string
	Current bool
	Done    bool
}

type errorLink struct {
	ID      string
	Message string
}

// newPage fills the parts every page of variant v shares.
func newPage(v Variant, step int) *page {
	p := &page{Root: v.Root(), Action: v.Path(steps[step])}
	if v == Inaccessible {
		p.Title = inaccessibleTitle
		return p
	}
	p.Title = accessibleTitle(step)
	if step < stepReceipt {
		p.Step = step + 1
		for i, name := range indicatorNames {
			p.Steps = append(p.Steps, indicatorItem{Number: i + 1, Name: name, Current: i == step, Done: i < step})
		}
	}
	if step > stepStart && step < stepReceipt {
		p.Back = v.Path(steps[step-1])
	}
	return p
}

// accessibleTitle is the accessible variant's title for a step.
func accessibleTitle(step int) string {
	switch step {
	case stepStart:
		return "Ansök om parkeringstillstånd för rörelsehindrade – " + municipality
	case stepReceipt:
		return "Ansökan är skickad – " + serviceName + " – " + municipality
	default:
		return fmt.Sprintf("%s – steg %d av %d – %s – %s", indicatorNames[step], step+1, shownSteps, serviceName, municipality)
	}
}

func (s *server) render(w http.ResponseWriter, v Variant, name string, p *page) {
	s.write(w, s.pages[v][name], p, http.StatusOK)
}

func (s *server) write(w http.ResponseWriter, t *template.Template, data any, status int) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, t.Name(), data); err != nil {
		log.Printf("examples: render %s: %v", t.Name(), err)
		http.Error(w, "Sidan kunde inte visas. Försök igen om en stund.", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func (s *server) showStart(w http.ResponseWriter, r *http.Request, v Variant, app *application) {
	s.render(w, v, "start", newPage(v, stepStart))
}

func (s *server) showInfoPage(name string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, v Variant, app *application) {
		p := newPage(v, stepStart)
		p.Step, p.Steps = 0, nil
		if v == Accessible {
			p.Title = "Hjälp på andra språk – " + municipality
		}
		s.render(w, v, name, p)
	}
}

// firstMissing returns the first step before step that the application has not
// completed, or step itself when all are done.
func (app *application) firstMissing(step int) int {
	for i := stepPerson; i < step && i < stepReceipt; i++ {
		if !app.done[i] {
			return i
		}
	}
	return step
}

func (s *server) showForm(step int) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, v Variant, app *application) {
		if missing := app.firstMissing(step); missing != step {
			http.Redirect(w, r, v.Path(steps[missing]), http.StatusSeeOther)
			return
		}
		returnTo := ""
		if r.URL.Query().Get("fran") == returnToCheck && app.firstMissing(stepCheck) == stepCheck {
			returnTo = returnToCheck
		}
		s.renderForm(w, v, step, app, app.values, nil, returnTo)
	}
}

func (s *server) renderForm(w http.ResponseWriter, v Variant, step int, app *application, vals url.Values, errs map[string]string, returnTo string) {
	p := newPage(v, step)
	fields := formFields(v, step)
	p.F = views(fields, vals, errs)
	p.ReturnTo = returnTo
	if returnTo != "" {
		p.Back = v.Path(steps[stepCheck])
	}
	for _, f := range fields {
		if msg := errs[f.name]; msg != "" {
			p.Errors = append(p.Errors, errorLink{ID: p.F[f.name].ID, Message: msg})
		}
	}
	if len(p.Errors) > 0 && v == Accessible {
		p.Title = "Fel: " + p.Title
	}
	p.Name = strings.TrimSpace(app.values.Get("fornamn") + " " + app.values.Get("efternamn"))
	p.Address = postalAddress(app.values, ", ")
	if step == stepCheck {
		p.Summary = summary(v, app.values)
	}
	s.render(w, v, steps[step].Slug, p)
}

func (s *server) submitForm(step int) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, v Variant, app *application) {
		if missing := app.firstMissing(step); missing != step {
			http.Redirect(w, r, v.Path(steps[missing]), http.StatusSeeOther)
			return
		}
		fields := formFields(v, step)
		sub, err := parseSubmission(w, r)
		if sub.cleanup != nil {
			defer sub.cleanup()
		}
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) && fileFieldName(fields) != "" {
				s.renderForm(w, v, step, app, app.values, map[string]string{fileFieldName(fields): msgFileTooBig}, "")
				return
			}
			http.Error(w, "Formuläret kunde inte läsas. Gå tillbaka och försök igen.", http.StatusBadRequest)
			return
		}
		returnTo := ""
		if sub.form.Get("fran") == returnToCheck {
			returnTo = returnToCheck
		}
		clean, errs := validate(fields, sub, app.values, s.now())
		if len(errs) > 0 {
			s.renderForm(w, v, step, app, overlay(fields, app.values, sub.form), errs, returnTo)
			return
		}
		if step == stepCheck {
			app.receipt = &receipt{
				CaseNumber: s.nextCase(),
				Email:      app.values.Get("epost"),
				ByPost:     app.values.Get("lakarintyg") == "",
			}
			app.values = url.Values{}
			app.done = [stepReceipt]bool{}
			http.Redirect(w, r, v.Path(steps[stepReceipt]), http.StatusSeeOther)
			return
		}
		for _, f := range fields {
			if vals, ok := clean[f.name]; ok {
				app.values[f.name] = vals
			} else if f.kind != kindFile {
				delete(app.values, f.name)
			}
		}
		app.done[step] = true
		next := step + 1
		if returnTo != "" && app.firstMissing(stepCheck) == stepCheck {
			next = stepCheck
		}
		http.Redirect(w, r, v.Path(steps[next]), http.StatusSeeOther)
	}
}

func (s *server) showReceipt(w http.ResponseWriter, r *http.Request, v Variant, app *application) {
	if app.receipt == nil {
		http.Redirect(w, r, v.Path(steps[app.firstMissing(stepCheck)]), http.StatusSeeOther)
		return
	}
	p := newPage(v, stepReceipt)
	p.Receipt = app.receipt
	s.render(w, v, "kvittens", p)
}

// receipt is what the receipt page shows about a sent application.
type receipt struct {
	CaseNumber string
	Email      string
	// ByPost is true when no medical certificate was uploaded.
	ByPost bool
}

func (s *server) nextCase() string {
	s.caseMu.Lock()
	defer s.caseMu.Unlock()
	s.cases++
	return fmt.Sprintf("PT-%d-%05d", s.now().Year(), s.cases)
}

// postalAddress joins street, postcode and town, with sep after the street.
func postalAddress(vals url.Values, sep string) string {
	street := vals.Get("adress")
	town := strings.TrimSpace(vals.Get("postnummer") + " " + vals.Get("ort"))
	switch {
	case street == "":
		return town
	case town == "":
		return street
	}
	return street + sep + town
}
