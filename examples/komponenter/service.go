package komponenter

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	c "github.com/delaktig/delaktig/guidance/components"
)

// Handler returns the e-service. It serves:
//
//	/                       a redirect to the Swedish start page
//	/stil.css               the components' style sheet
//	/{lang}/                the start page (lang is sv, nb or en)
//	/{lang}/barnet          step 1, the child
//	/{lang}/forskola        step 2, the preschool
//	/{lang}/vardnadshavare  step 3, the guardian (with a file upload)
//	/{lang}/kontrollera     step 4, check your answers, which sends the application
//	/{lang}/kvittens        the receipt with the case number
//	/{lang}/sparad          after "Spara och fortsätt senare"
//	/{lang}/forlang         POST: extends the session (the time-out warning)
//	/{lang}/tillganglighet  the accessibility statement
//
// Every link and redirect is relative, so the handler can be mounted under
// a prefix with http.StripPrefix; mount it on a path that ends in a slash:
//
//	mux.Handle("/forskola/", http.StripPrefix("/forskola", komponenter.Handler()))
func Handler() http.Handler { return newService(time.Now).routes() }

// The steps, by path, in order.
var steps = []string{"barnet", "forskola", "vardnadshavare", "kontrollera"}

// Session limits: answers are dropped after idle minutes without a request,
// unless they were saved, in which case they are kept for savedDays.
const (
	idle      = 30 * time.Minute
	warnAfter = 25 * time.Minute
	savedDays = 30
	maxOther  = 500
	maxProof  = 5 << 20
)

// proofTypes are the file types the proof may have.
var proofTypes = []string{".pdf", ".jpg", ".jpeg", ".png"}

// application is one user's answers, kept in memory per session cookie.
type application struct {
	token                           string
	ChildFirst, ChildLast, ChildPnr string
	Day, Month, Year                string
	Schools                         []string
	Hours, HomeLang, Other          string
	Name, Email, Phone              string
	Proof                           string // the file's name; its content is not kept
	done                            map[string]bool
	CaseNumber, SentTo              string
	seen                            time.Time
	saved                           bool
}

type service struct {
	now      func() time.Time
	mu       sync.Mutex
	sessions map[string]*application
	cases    int
}

func newService(now func() time.Time) *service {
	return &service{now: now, sessions: map[string]*application{}}
}

func (s *service) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) { see(w, "sv/") })
	mux.HandleFunc("GET /stil.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		_, _ = w.Write([]byte(c.CSS))
	})
	mux.HandleFunc("GET /{lang}/{$}", s.withLang(s.start))
	mux.HandleFunc("/{lang}/{page}", s.withLang(s.dispatch))
	return mux
}

// see redirects with 303 See Other to a relative address, which the
// browser resolves against the address it asked for (so a prefix the
// handler is mounted under is kept).
func see(w http.ResponseWriter, loc string) {
	w.Header().Set("Location", loc)
	w.WriteHeader(http.StatusSeeOther)
}

// request is what a page handler gets.
type request struct {
	w    http.ResponseWriter
	r    *http.Request
	lang string
	t    *texts
	app  *application
}

func (s *service) withLang(h func(*request)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		lang := r.PathValue("lang")
		t, ok := catalog[lang]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		h(&request{w: w, r: r, lang: lang, t: t, app: s.session(w, r)})
	}
}

// session returns the caller's application, starting one (and setting its
// cookie) when there is none or it has expired.
func (s *service) session(w http.ResponseWriter, r *http.Request) *application {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if ck, err := r.Cookie("ansokan"); err == nil {
		if a, ok := s.sessions[ck.Value]; ok {
			limit := idle
			if a.saved {
				limit = savedDays * 24 * time.Hour
			}
			if now.Sub(a.seen) <= limit {
				a.seen = now
				return a
			}
			delete(s.sessions, ck.Value)
		}
	}
	id, token := randomID(), randomID()
	a := &application{token: token, done: map[string]bool{}, seen: now}
	s.sessions[id] = a
	http.SetCookie(w, &http.Cookie{Name: "ansokan", Value: id, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode})
	return a
}

func randomID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (s *service) dispatch(q *request) {
	page := q.r.PathValue("page")
	switch {
	case slices.Contains(steps, page):
		s.step(q, page)
	case page == "kvittens" && q.r.Method == http.MethodGet:
		s.receipt(q)
	case page == "sparad" && q.r.Method == http.MethodGet:
		s.saved(q)
	case page == "tillganglighet" && q.r.Method == http.MethodGet:
		s.statement(q)
	case page == "forlang" && q.r.Method == http.MethodPost:
		s.extend(q)
	default:
		http.NotFound(q.w, q.r)
	}
}

// help is the help block every page shows in the same place.
var help = &c.Help{
	Phone:      "0980-31 92 00",
	PhoneTel:   "+46980319200",
	Email:      "kontaktcenter@norrsunda.example",
	Address:    []string{"Norrsunda kommun", "Kontaktcenter", "990 01 Norrsunda"},
	Hours:      []c.Hours{{From: time.Monday, To: time.Thursday, Opens: "8.00", Closes: "17.00"}, {From: time.Friday, To: time.Friday, Opens: "8.00", Closes: "15.00"}},
	BookingURL: "https://norrsunda.example/boka-hjalp",
}

// page returns the layout for the page at slug ("" for the start page).
func (q *request) page(title, slug string) *c.Page {
	return &c.Page{
		Organisation:     q.t.Organisation,
		Service:          q.t.Service,
		Title:            title,
		HomeURL:          "https://norrsunda.example/",
		ServiceURL:       "./",
		AccessibilityURL: "tillganglighet",
		Languages:        &c.LanguagePicker{Languages: langs, Href: func(l string) string { return "../" + l + "/" + slug }},
		Help:             help,
		Stylesheet:       "../stil.css",
	}
}

func (q *request) write(p *c.Page, status int) {
	q.w.Header().Set("Content-Type", "text/html; charset=utf-8")
	q.w.WriteHeader(status)
	if err := p.Render(q.w, q.lang); err != nil {
		// The header is sent; say so in the page rather than hide it.
		fmt.Fprintf(q.w, "<p>%s</p>", strings.ReplaceAll(err.Error(), "<", "&lt;"))
	}
}

func (s *service) start(q *request) {
	t := q.t
	p := q.page("", "")
	p.Heading = t.Start
	p.Content = []c.Component{
		c.Paragraph{Text: t.Intro[0], Lead: true},
		c.Paragraph{Text: t.Intro[1]},
		c.Paragraph{Text: t.YouNeed},
		c.List{Items: t.Needs},
		c.Paragraph{Text: t.Time},
		c.Button{Text: t.StartButton, Href: steps[0], ID: "starta"},
	}
	q.write(p, http.StatusOK)
}

// problems are a page's errors: in order for the summary, and by field.
type problems struct {
	summary c.ErrorSummary
	byField map[string]string
	date    []string // the parts of the date that are wrong
}

func (e *problems) add(id, msg string) {
	if e.byField == nil {
		e.byField = map[string]string{}
	}
	e.summary.Add(id, msg)
	e.byField[id] = msg
}

func (s *service) step(q *request, slug string) {
	a := q.app
	var errs problems
	if q.r.Method == http.MethodPost {
		if slug == "vardnadshavare" {
			q.r.Body = http.MaxBytesReader(q.w, q.r.Body, maxProof+1<<20)
			if err := q.r.ParseMultipartForm(1 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
				var tooBig *http.MaxBytesError
				if !errors.As(err, &tooBig) {
					http.Error(q.w, "the form could not be read", http.StatusBadRequest)
					return
				}
				// Far too large a file: the answers in the request are
				// lost, so show the page as it was, with the error.
				errs.add("intyg", q.t.ErrProofSize)
				s.mu.Lock()
				p := s.stepPage(q, slug, &errs)
				s.mu.Unlock()
				q.write(p, http.StatusRequestEntityTooLarge)
				return
			}
		}
		if err := q.r.ParseForm(); err != nil {
			http.Error(q.w, "the form could not be read", http.StatusBadRequest)
			return
		}
		s.mu.Lock()
		tokenOK := q.r.PostForm.Get("token") == a.token
		s.mu.Unlock()
		if !tokenOK {
			http.Error(q.w, "the form has expired: reload the page", http.StatusForbidden)
			return
		}
		s.mu.Lock()
		switch slug {
		case "barnet":
			errs = s.takeChild(q)
		case "forskola":
			errs = s.takeSchool(q)
		case "vardnadshavare":
			errs = s.takeGuardian(q)
		case "kontrollera":
			for _, st := range steps[:3] {
				if !a.done[st] {
					s.mu.Unlock()
					see(q.w, st)
					return
				}
			}
			s.cases++
			a.CaseNumber = fmt.Sprintf("FS-%d-%04d", s.now().Year(), s.cases)
			a.SentTo = a.Email
			// Keep only what the receipt shows.
			*a = application{token: a.token, CaseNumber: a.CaseNumber, SentTo: a.SentTo, done: map[string]bool{}, seen: a.seen}
			s.mu.Unlock()
			see(q.w, "kvittens")
			return
		}
		if q.r.PostForm.Get("action") == "save" {
			a.saved = true
			s.mu.Unlock()
			see(q.w, "sparad?steg="+slug)
			return
		}
		if errs.summary.Len() == 0 {
			a.done[slug] = true
			next := steps[slices.Index(steps, slug)+1]
			if q.r.URL.Query().Get("tillbaka") == "kontrollera" {
				next = "kontrollera"
			}
			s.mu.Unlock()
			see(q.w, next)
			return
		}
		s.mu.Unlock()
	}
	s.mu.Lock()
	p := s.stepPage(q, slug, &errs)
	s.mu.Unlock()
	status := http.StatusOK
	if errs.summary.Len() > 0 {
		status = http.StatusUnprocessableEntity
	}
	q.write(p, status)
}

// stepPage builds the page of a step, showing errs.
func (s *service) stepPage(q *request, slug string, errs *problems) *c.Page {
	t, a := q.t, q.app
	n := slices.Index(steps, slug)
	title := []string{t.ChildTitle, t.SchoolTitle, t.GuardianTitle, t.CheckTitle}[n]
	p := q.page(title, slug)
	p.Heading = title
	p.Steps = &c.StepIndicator{Current: n + 1, Steps: t.StepNames}
	if errs.summary.Len() > 0 {
		p.Errors = &errs.summary
	}
	p.Timeout = &c.TimeoutWarning{WarnAfter: warnAfter, Remaining: idle - warnAfter, ExtendURL: "forlang?tillbaka=" + slug}
	form := &c.Form{Hidden: []c.Hidden{{Name: "token", Value: a.token}}}
	if q.r.URL.RawQuery != "" {
		form.Action = "?" + q.r.URL.RawQuery
	}
	e := errs.byField
	switch slug {
	case "barnet":
		form.Content = []c.Component{
			c.TextInput{ID: "barn-fornamn", Label: t.ChildFirst, Value: a.ChildFirst, Error: e["barn-fornamn"], Autocomplete: "off", NoSpellcheck: true, Width: 20},
			c.TextInput{ID: "barn-efternamn", Label: t.ChildLast, Value: a.ChildLast, Error: e["barn-efternamn"], Autocomplete: "off", NoSpellcheck: true, Width: 20},
			c.PersonalNumber{ID: "barn-pnr", Country: "SE", Label: t.ChildPnr, Hint: t.ChildPnrHint, Value: a.ChildPnr, Error: e["barn-pnr"]},
			c.DateInput{ID: "start", Legend: t.StartDate, Hint: t.StartDateHint, Day: a.Day, Month: a.Month, Year: a.Year,
				Error: e[dateID(q.lang)], Invalid: errs.date},
		}
	case "forskola":
		var opts []c.Option
		for _, v := range []string{"kastanjen", "linden", "eken"} {
			opts = append(opts, c.Option{Value: v, Label: schoolName(v), Hint: t.SchoolHints[v], Selected: slices.Contains(a.Schools, v)})
		}
		var hours []c.Option
		for _, h := range t.HoursOptions {
			hours = append(hours, c.Option{Value: h[0], Label: h[1], Selected: a.Hours == h[0]})
		}
		var homeLangs []c.Option
		for _, l := range t.HomeLangs {
			homeLangs = append(homeLangs, c.Option{Value: l[0], Label: l[1], Selected: a.HomeLang == l[0]})
		}
		form.Content = []c.Component{
			c.Checkboxes{ID: "forskolor", Legend: t.Schools, Hint: t.SchoolsHint, Options: opts, Error: e["forskolor"]},
			c.Radios{ID: "timmar", Legend: t.Hours, Hint: t.HoursHint, Options: hours, Error: e["timmar"]},
			c.Select{ID: "sprak", Label: t.HomeLang, Hint: t.HomeLangHint, Options: homeLangs, Optional: true},
			c.Textarea{ID: "annat", Label: t.Other, Hint: t.OtherHint, Value: a.Other, MaxChars: maxOther, Optional: true, Error: e["annat"]},
		}
	case "vardnadshavare":
		form.Multipart = true
		form.Content = []c.Component{
			c.TextInput{ID: "namn", Label: t.Name, Value: a.Name, Error: e["namn"], Autocomplete: "name", NoSpellcheck: true, Width: 30},
			c.TextInput{ID: "epost", Label: t.Email, Hint: t.EmailHint, Type: "email", Value: a.Email, Error: e["epost"], Autocomplete: "email", NoSpellcheck: true, Width: 30},
			c.TextInput{ID: "telefon", Label: t.Phone, Hint: t.PhoneHint, Type: "tel", Value: a.Phone, Error: e["telefon"], Autocomplete: "tel", Width: 20},
			c.FileUpload{ID: "intyg", Label: t.Proof, Hint: t.ProofHint, Accept: proofTypes, MaxBytes: maxProof, Optional: true, Error: e["intyg"]},
		}
	case "kontrollera":
		p.Timeout.ExtendURL = "forlang?tillbaka=kontrollera"
		form.Content = []c.Component{c.Paragraph{Text: t.CheckPromise}, c.Button{Text: t.Send, ID: "skicka"}}
		p.Content = append(s.answers(q), form)
		return p
	}
	form.Content = append(form.Content,
		c.Button{Text: t.Next, ID: "fortsatt", Name: "action", Value: "next"},
		&c.SaveForLater{Days: savedDays})
	p.Content = []c.Component{form}
	return p
}

// dateID is the id of the start date's first field, which the error
// summary links to; it depends on the language's date order.
func dateID(lang string) string {
	return c.DateInput{ID: "start"}.FirstID(lang)
}

func schoolName(v string) string {
	return map[string]string{"kastanjen": "Kastanjen", "linden": "Linden", "eken": "Eken"}[v]
}

// answers builds the check-your-answers lists.
func (s *service) answers(q *request) []c.Component {
	t, a := q.t, q.app
	change := func(id string) string { return steps[stepOf(id)] + "?tillbaka=kontrollera#" + id }
	var schools []string
	for _, v := range a.Schools {
		schools = append(schools, schoolName(v))
	}
	label := func(pairs [][2]string, v string) string {
		for _, p := range pairs {
			if p[0] == v {
				return p[1]
			}
		}
		return ""
	}
	return []c.Component{
		c.Paragraph{Text: t.CheckIntro},
		c.Heading{Text: t.CheckChild, Level: 2},
		&c.Answers{Rows: []c.Answer{
			{Question: t.CheckChildName, Value: strings.TrimSpace(a.ChildFirst + " " + a.ChildLast), ChangeURL: change("barn-fornamn")},
			{Question: t.ChildPnr, Value: a.ChildPnr, ChangeURL: change("barn-pnr")},
			{Question: t.CheckStart, Value: formatDate(q.lang, a.Year, a.Month, a.Day), ChangeURL: change(dateID(q.lang))},
			{Question: t.CheckSchools, Value: strings.Join(schools, "\n"), ChangeURL: change("forskolor")},
			{Question: t.CheckHours, Value: label(t.HoursOptions, a.Hours), ChangeURL: change("timmar")},
			{Question: t.CheckLang, Value: label(t.HomeLangs, a.HomeLang), ChangeURL: change("sprak")},
			{Question: t.CheckOther, Value: a.Other, ChangeURL: change("annat")},
		}},
		c.Heading{Text: t.CheckGuardian, Level: 2},
		&c.Answers{Rows: []c.Answer{
			{Question: t.Name, Value: a.Name, ChangeURL: change("namn")},
			{Question: t.CheckEmail, Value: a.Email, ChangeURL: change("epost")},
			{Question: t.CheckPhone, Value: a.Phone, ChangeURL: change("telefon")},
			{Question: t.CheckProof, Value: a.Proof, ChangeURL: change("intyg")},
		}},
	}
}

// stepOf returns the index of the step that asks the field with the id.
func stepOf(id string) int {
	switch {
	case strings.HasPrefix(id, "barn-"), strings.HasPrefix(id, "start"):
		return 0
	case id == "forskolor", id == "timmar", id == "sprak", id == "annat":
		return 1
	}
	return 2
}

var monthsEN = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// formatDate writes a valid date the way the language writes dates.
func formatDate(lang, year, month, day string) string {
	y, _ := strconv.Atoi(year)
	m, _ := strconv.Atoi(month)
	d, _ := strconv.Atoi(day)
	if y == 0 || m < 1 || m > 12 || d == 0 {
		return ""
	}
	switch lang {
	case "nb":
		return fmt.Sprintf("%02d.%02d.%04d", d, m, y)
	case "en":
		return fmt.Sprintf("%d %s %d", d, monthsEN[m-1], y)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

func (s *service) takeChild(q *request) problems {
	t, a, f := q.t, q.app, q.r.PostForm
	a.ChildFirst, a.ChildLast = strings.TrimSpace(f.Get("barn-fornamn")), strings.TrimSpace(f.Get("barn-efternamn"))
	a.ChildPnr = strings.TrimSpace(f.Get("barn-pnr"))
	a.Day, a.Month, a.Year = strings.TrimSpace(f.Get("start-day")), strings.TrimSpace(f.Get("start-month")), strings.TrimSpace(f.Get("start-year"))
	var e problems
	if a.ChildFirst == "" {
		e.add("barn-fornamn", t.ErrFirst)
	}
	if a.ChildLast == "" {
		e.add("barn-efternamn", t.ErrLast)
	}
	switch norm, err := personnummer(a.ChildPnr, s.now()); {
	case a.ChildPnr == "":
		e.add("barn-pnr", t.ErrPnr)
	case err == errPnrFormat:
		e.add("barn-pnr", t.ErrPnrFormat)
	case err != nil:
		e.add("barn-pnr", t.ErrPnrCheck)
	default:
		a.ChildPnr = norm
	}
	switch parts, err := checkDate(a.Year, a.Month, a.Day, s.now()); {
	case err == errDateEmpty:
		e.add(dateID(q.lang), t.ErrDate)
	case err == errDatePast:
		e.add(dateID(q.lang), t.ErrDatePast)
	case err != nil:
		e.add(dateID(q.lang), t.ErrDateReal)
		e.date = parts
	}
	return e
}

func (s *service) takeSchool(q *request) problems {
	t, a, f := q.t, q.app, q.r.PostForm
	a.Schools = nil
	for _, v := range f["forskolor"] {
		if schoolName(v) != "" && !slices.Contains(a.Schools, v) {
			a.Schools = append(a.Schools, v)
		}
	}
	a.Hours = ""
	for _, h := range t.HoursOptions {
		if f.Get("timmar") == h[0] {
			a.Hours = h[0]
		}
	}
	a.HomeLang = ""
	for _, l := range t.HomeLangs {
		if f.Get("sprak") == l[0] {
			a.HomeLang = l[0]
		}
	}
	a.Other = strings.TrimSpace(strings.ReplaceAll(f.Get("annat"), "\r\n", "\n"))
	var e problems
	if len(a.Schools) == 0 {
		e.add("forskolor", t.ErrSchools)
	}
	if a.Hours == "" {
		e.add("timmar", t.ErrHours)
	}
	if c.CharCount(a.Other) > maxOther {
		e.add("annat", t.ErrOther)
	}
	return e
}

func (s *service) takeGuardian(q *request) problems {
	t, a, f := q.t, q.app, q.r.PostForm
	a.Name, a.Email, a.Phone = strings.TrimSpace(f.Get("namn")), strings.TrimSpace(f.Get("epost")), strings.TrimSpace(f.Get("telefon"))
	var e problems
	if a.Name == "" {
		e.add("namn", t.ErrName)
	}
	switch {
	case a.Email == "":
		e.add("epost", t.ErrEmail)
	case !plausibleEmail(a.Email):
		e.add("epost", t.ErrEmailFormat)
	}
	switch {
	case a.Phone == "":
		e.add("telefon", t.ErrPhone)
	case !plausiblePhone(a.Phone):
		e.add("telefon", t.ErrPhoneFormat)
	}
	if q.r.MultipartForm != nil {
		if files := q.r.MultipartForm.File["intyg"]; len(files) > 0 && files[0].Filename != "" {
			fh := files[0]
			switch {
			case !slices.Contains(proofTypes, strings.ToLower(path.Ext(fh.Filename))):
				e.add("intyg", t.ErrProofType)
			case fh.Size > maxProof:
				e.add("intyg", t.ErrProofSize)
			default:
				a.Proof = path.Base(strings.ReplaceAll(fh.Filename, "\\", "/"))
			}
		}
	}
	return e
}

func plausibleEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.ContainsAny(s, " \t<>\"") &&
		!strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".") && !strings.Contains(domain, "@")
}

func plausiblePhone(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case r == '+' && i == 0, r == ' ', r == '-', r == '(', r == ')':
		default:
			return false
		}
	}
	return digits >= 7 && digits <= 15
}

func (s *service) receipt(q *request) {
	s.mu.Lock()
	caseNo, sentTo := q.app.CaseNumber, q.app.SentTo
	s.mu.Unlock()
	if caseNo == "" {
		see(q.w, "./")
		return
	}
	t := q.t
	p := q.page(t.ReceiptTitle, "kvittens")
	p.Content = []c.Component{
		&c.Confirmation{Heading: t.ReceiptTitle, CaseNumber: caseNo, Email: sentTo},
		c.Heading{Text: t.NextTitle, Level: 2},
	}
	for _, line := range t.ReceiptNext {
		p.Content = append(p.Content, c.Paragraph{Text: line})
	}
	q.write(p, http.StatusOK)
}

func (s *service) saved(q *request) {
	step := q.r.URL.Query().Get("steg")
	if !slices.Contains(steps, step) {
		step = steps[0]
	}
	p := q.page(q.t.SavedTitle, "sparad?steg="+step)
	p.Content = []c.Component{&c.Saved{Days: savedDays, ResumeURL: step}}
	q.write(p, http.StatusOK)
}

func (s *service) statement(q *request) {
	p := q.page(q.t.AccessibilityTitle, "tillganglighet")
	p.Heading = q.t.AccessibilityTitle
	for _, line := range q.t.AccessibilityText {
		p.Content = append(p.Content, c.Paragraph{Text: line})
	}
	q.write(p, http.StatusOK)
}

// extend keeps the session alive (the session call already did); a post
// from the components' script gets 204, a plain form post a redirect back.
func (s *service) extend(q *request) {
	if q.r.Header.Get("X-Requested-With") == "delaktig" {
		q.w.WriteHeader(http.StatusNoContent)
		return
	}
	back := q.r.URL.Query().Get("tillbaka")
	if !slices.Contains(steps, back) {
		back = "./"
	}
	see(q.w, back)
}
