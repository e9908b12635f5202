package examples

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/cascadia"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// testNow is the fixed clock of the test servers.
var testNow = time.Date(2026, time.March, 2, 10, 30, 0, 0, time.UTC)

func newTestServer(t *testing.T) *httptest.Server {
	t.Helper()
	s, err := newServer(func() time.Time { return testNow })
	require.NoError(t, err)
	srv := httptest.NewServer(s.routes())
	t.Cleanup(srv.Close)
	return srv
}

// visitor is one browser session against a test server: it keeps cookies and
// follows redirects, recording their status codes.
type visitor struct {
	t         *testing.T
	base      *url.URL
	client    *http.Client
	redirects []int
}

func newVisitor(t *testing.T, srv *httptest.Server) *visitor {
	t.Helper()
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	base, err := url.Parse(srv.URL)
	require.NoError(t, err)
	v := &visitor{t: t, base: base}
	v.client = &http.Client{Jar: jar, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		v.redirects = append(v.redirects, req.Response.StatusCode)
		return nil
	}}
	return v
}

// page is a loaded response.
type loaded struct {
	status int
	url    *url.URL
	body   string
	doc    *html.Node
}

func (v *visitor) do(req *http.Request) loaded {
	v.t.Helper()
	v.redirects = nil
	resp, err := v.client.Do(req)
	require.NoError(v.t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(v.t, err)
	doc, err := html.Parse(bytes.NewReader(b))
	require.NoError(v.t, err)
	return loaded{status: resp.StatusCode, url: resp.Request.URL, body: string(b), doc: doc}
}

func (v *visitor) resolve(ref string) string {
	u, err := url.Parse(ref)
	require.NoError(v.t, err)
	return v.base.ResolveReference(u).String()
}

func (v *visitor) get(path string) loaded {
	v.t.Helper()
	req, err := http.NewRequest(http.MethodGet, v.resolve(path), nil)
	require.NoError(v.t, err)
	return v.do(req)
}

func (v *visitor) post(path string, form url.Values) loaded {
	v.t.Helper()
	req, err := http.NewRequest(http.MethodPost, v.resolve(path), strings.NewReader(form.Encode()))
	require.NoError(v.t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return v.do(req)
}

type upload struct {
	field, filename string
	content         []byte
}

func (v *visitor) postMultipart(path string, form url.Values, files ...upload) loaded {
	v.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vals := range form {
		for _, val := range vals {
			require.NoError(v.t, mw.WriteField(k, val))
		}
	}
	for _, f := range files {
		w, err := mw.CreateFormFile(f.field, f.filename)
		require.NoError(v.t, err)
		_, err = w.Write(f.content)
		require.NoError(v.t, err)
	}
	require.NoError(v.t, mw.Close())
	req, err := http.NewRequest(http.MethodPost, v.resolve(path), &buf)
	require.NoError(v.t, err)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return v.do(req)
}

// validValues returns answers that pass a step in variant vr.
func validValues(vr Variant, step int) url.Values {
	switch step {
	case stepPerson:
		pnr := "19121212-1212"
		if vr == Inaccessible {
			pnr = "191212121212"
		}
		return url.Values{
			"fornamn": {"Anna"}, "efternamn": {"Andersson"}, "personnummer": {pnr},
			"adress": {"Storgatan 12"}, "postnummer": {"123 45"}, "ort": {"Norrsunda"},
			"epost": {"anna.andersson@exempel.se"}, "telefon": {"070-123 45 67"},
		}
	case stepAbout:
		vals := url.Values{
			"roll": {"forare"}, "tidigare": {"nej"}, "hjalpmedel": {"rullator", "kapp"},
			"beskrivning": {"Jag har artros i båda knäna.\nJag kan gå högst 100 meter."},
			"kommun":      {"Norrsunda"}, "intygsdatum": {"2025-10-20"},
		}
		if vr == Inaccessible {
			vals.Set("sokandepnr", "191212121212")
		}
		return vals
	case stepCheck:
		return url.Values{"intyg": {"ja"}}
	}
	return nil
}

// complete posts valid answers up to, but not including, step.
func complete(t *testing.T, v *visitor, vr Variant, step int) {
	t.Helper()
	for s := stepPerson; s < step && s < stepReceipt; s++ {
		var res loaded
		if s == stepAbout {
			res = v.postMultipart(vr.Path(steps[s]), validValues(vr, s))
		} else {
			res = v.post(vr.Path(steps[s]), validValues(vr, s))
		}
		require.Equal(t, http.StatusOK, res.status)
		require.Equal(t, vr.Path(steps[s+1]), res.url.Path, "valid answers on %s should lead on", steps[s].Name)
		require.Equal(t, []int{http.StatusSeeOther}, v.redirects, "POST-redirect-GET on %s", steps[s].Name)
	}
}

func query(t *testing.T, n *html.Node, sel string) []*html.Node {
	t.Helper()
	s, err := cascadia.Compile(sel)
	require.NoError(t, err, "selector %q", sel)
	return s.MatchAll(n)
}

func one(t *testing.T, n *html.Node, sel string) *html.Node {
	t.Helper()
	found := query(t, n, sel)
	require.Len(t, found, 1, "selector %q", sel)
	return found[0]
}

func attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || n.Data == "head") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func title(t *testing.T, doc *html.Node) string {
	return textOfAll(one(t, doc, "title"))
}

func textOfAll(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return strings.TrimSpace(b.String())
}

var expectedTitles = map[Variant][]string{
	Accessible: {
		"Ansök om parkeringstillstånd för rörelsehindrade – Norrsunda kommun",
		"Personuppgifter – steg 2 av 4 – Ansök om parkeringstillstånd – Norrsunda kommun",
		"Om ansökan – steg 3 av 4 – Ansök om parkeringstillstånd – Norrsunda kommun",
		"Kontrollera dina svar – steg 4 av 4 – Ansök om parkeringstillstånd – Norrsunda kommun",
		"Ansökan är skickad – Ansök om parkeringstillstånd – Norrsunda kommun",
	},
	Inaccessible: {
		"Norrsunda kommun - E-tjänst", "Norrsunda kommun - E-tjänst", "Norrsunda kommun - E-tjänst",
		"Norrsunda kommun - E-tjänst", "Norrsunda kommun - E-tjänst",
	},
}

func TestStepPaths(t *testing.T) {
	assert.Equal(t, []string{
		"/tillganglig/", "/tillganglig/personuppgifter", "/tillganglig/om-ansokan",
		"/tillganglig/kontrollera", "/tillganglig/kvittens",
	}, StepPaths(Accessible))
	assert.Equal(t, "/otillganglig/om-ansokan", StepPaths(Inaccessible)[2])
	require.Len(t, Steps(), 5)
	assert.Equal(t, "Kontrollera dina svar", Steps()[3].Name)
}

func TestEveryStepRendersWithItsTitle(t *testing.T) {
	srv := newTestServer(t)
	for _, vr := range Variants() {
		t.Run(string(vr), func(t *testing.T) {
			v := newVisitor(t, srv)
			for i, path := range StepPaths(vr) {
				complete(t, v, vr, i)
				res := v.get(path)
				require.Equal(t, http.StatusOK, res.status, path)
				assert.Equal(t, path, res.url.Path, "GET %s after the steps before it", path)
				assert.Equal(t, expectedTitles[vr][i], title(t, res.doc), path)
				assert.Equal(t, "text/html; charset=utf-8", v.lastContentType(path))
			}
		})
	}
	t.Run("index and extras", func(t *testing.T) {
		v := newVisitor(t, srv)
		res := v.get("/")
		require.Equal(t, http.StatusOK, res.status)
		assert.Len(t, query(t, res.doc, `a[href="/tillganglig/"]`), 1)
		assert.Len(t, query(t, res.doc, `a[href="/otillganglig/"]`), 1)
		res = v.get("/tillganglig/andra-sprak")
		require.Equal(t, http.StatusOK, res.status)
		assert.Equal(t, "Hjälp på andra språk – Norrsunda kommun", title(t, res.doc))
		assert.Len(t, query(t, res.doc, `section[lang="ar"][dir="rtl"]`), 1)
		res = v.get("/otillganglig/info")
		require.Equal(t, http.StatusOK, res.status)
		res = v.get("/tillganglig")
		assert.Equal(t, "/tillganglig/", res.url.Path)
		for _, vr := range Variants() {
			resp, err := http.Get(srv.URL + vr.Root() + "bilder/logo.png")
			require.NoError(t, err)
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			assert.Equal(t, "image/png", resp.Header.Get("Content-Type"))
			assert.True(t, bytes.HasPrefix(b, []byte("\x89PNG")))
			resp, err = http.Get(srv.URL + vr.Root() + "stil.css")
			require.NoError(t, err)
			resp.Body.Close()
			assert.Equal(t, http.StatusOK, resp.StatusCode)
		}
		resp, err := http.Get(srv.URL + "/finns-inte")
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	})
}

func (v *visitor) lastContentType(path string) string {
	resp, err := v.client.Head(v.resolve(path))
	require.NoError(v.t, err)
	resp.Body.Close()
	return resp.Header.Get("Content-Type")
}

func TestLaterStepsRedirectToTheFirstMissingStep(t *testing.T) {
	srv := newTestServer(t)
	for _, vr := range Variants() {
		v := newVisitor(t, srv)
		for _, step := range []int{stepAbout, stepCheck, stepReceipt} {
			res := v.get(vr.Path(steps[step]))
			assert.Equal(t, vr.Path(steps[stepPerson]), res.url.Path, "GET %s with no answers", steps[step].Name)
		}
		res := v.post(vr.Path(steps[stepCheck]), validValues(vr, stepCheck))
		assert.Equal(t, vr.Path(steps[stepPerson]), res.url.Path, "POST to the check page with no answers")
		complete(t, v, vr, stepAbout)
		res = v.get(vr.Path(steps[stepReceipt]))
		assert.Equal(t, vr.Path(steps[stepAbout]), res.url.Path)
	}
}

var caseNumber = regexp.MustCompile(`PT-2026-\d{5}`)

func TestCompleteByPosting(t *testing.T) {
	srv := newTestServer(t)
	for _, vr := range Variants() {
		t.Run(string(vr), func(t *testing.T) {
			v := newVisitor(t, srv)
			complete(t, v, vr, stepCheck)
			check := v.get(vr.Path(steps[stepCheck]))
			body := textOf(check.doc)
			for _, want := range []string{"Anna", "Andersson", "1912121", "Storgatan 12", "123 45 Norrsunda", "anna.andersson@exempel.se", "Rullator, Käpp eller kryckor", "Jag kan gå högst 100 meter", "2025-10-20"} {
				assert.Contains(t, body, want)
			}
			res := v.post(vr.Path(steps[stepCheck]), validValues(vr, stepCheck))
			require.Equal(t, http.StatusOK, res.status)
			require.Equal(t, vr.Path(steps[stepReceipt]), res.url.Path)
			assert.Equal(t, []int{http.StatusSeeOther}, v.redirects)
			first := caseNumber.FindString(textOf(res.doc))
			require.NotEmpty(t, first, "the receipt shows a case number")
			// The receipt asks for the medical certificate by post, as none was uploaded.
			assert.Contains(t, textOf(res.doc), "990 01 Norrsunda")

			// Sending clears the answers: a second application starts empty and gets a new number.
			res = v.get(vr.Path(steps[stepCheck]))
			assert.Equal(t, vr.Path(steps[stepPerson]), res.url.Path)
			assert.Empty(t, attrOf(t, res.doc, `input[name=fornamn]`, "value"))
			complete(t, v, vr, stepReceipt)
			res = v.get(vr.Path(steps[stepReceipt]))
			second := caseNumber.FindString(textOf(res.doc))
			require.NotEmpty(t, second)
			assert.NotEqual(t, first, second)
		})
	}
}

// enclosing returns the nearest ancestor of n with the tag name, or nil.
func enclosing(n *html.Node, tag string) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == tag {
			return p
		}
	}
	return nil
}

func attrOf(t *testing.T, doc *html.Node, sel, name string) string {
	t.Helper()
	val, _ := attr(one(t, doc, sel), name)
	return val
}

func TestUploadedCertificateIsKept(t *testing.T) {
	srv := newTestServer(t)
	v := newVisitor(t, srv)
	complete(t, v, Accessible, stepAbout)
	path := Accessible.Path(steps[stepAbout])
	pdf := []byte("%PDF-1.7\n% läkarintyg\n")

	res := v.postMultipart(path, validValues(Accessible, stepAbout), upload{"lakarintyg", `C:\Dokument\intyg.pdf`, pdf})
	require.Equal(t, Accessible.Path(steps[stepCheck]), res.url.Path)
	assert.Contains(t, textOf(res.doc), "intyg.pdf")
	assert.NotContains(t, textOf(res.doc), `C:\Dokument`)

	// Going back shows the file and keeps it when no new file is chosen.
	res = v.get(path)
	assert.Contains(t, textOf(one(t, res.doc, "#lakarintyg-uppladdad")), "intyg.pdf")
	assert.Contains(t, attrOf(t, res.doc, "#lakarintyg", "aria-describedby"), "lakarintyg-uppladdad")
	res = v.postMultipart(path, validValues(Accessible, stepAbout), upload{"lakarintyg", "", nil})
	require.Equal(t, Accessible.Path(steps[stepCheck]), res.url.Path)
	assert.Contains(t, textOf(res.doc), "intyg.pdf")

	// A file that is not a PDF, JPG or PNG is refused with a message that says what to do.
	res = v.postMultipart(path, validValues(Accessible, stepAbout), upload{"lakarintyg", "intyg.pdf", []byte("MZ\x90\x00not a pdf")})
	require.Equal(t, path, res.url.Path)
	assert.Equal(t, msgFileType, strings.TrimPrefix(textOf(one(t, res.doc, "#lakarintyg-fel")), "Fel: "))
	res = v.postMultipart(path, validValues(Accessible, stepAbout), upload{"lakarintyg", "tom.png", []byte{}})
	assert.Equal(t, msgFileEmpty, strings.TrimPrefix(textOf(one(t, res.doc, "#lakarintyg-fel")), "Fel: "))

	res = v.post(Accessible.Path(steps[stepCheck]), validValues(Accessible, stepCheck))
	require.Equal(t, Accessible.Path(steps[stepReceipt]), res.url.Path)
	assert.NotContains(t, textOf(res.doc), "Skicka läkarintyget med post")
}

// checkErrorPage asserts what an accessible step shows after a failed
// submission and returns the messages of its error summary by field id.
func checkErrorPage(t *testing.T, res loaded) map[string]string {
	t.Helper()
	require.Equal(t, http.StatusOK, res.status)
	assert.True(t, strings.HasPrefix(title(t, res.doc), "Fel: "), "the title tells that the page has errors")
	summary := one(t, res.doc, "#felsammanfattning")
	tab, _ := attr(summary, "tabindex")
	assert.Equal(t, "-1", tab, "the error summary can take focus")
	assert.Contains(t, res.body, `document.getElementById("felsammanfattning").focus()`)
	// The summary comes before the h1, first in main after the step indicator.
	assert.Less(t, strings.Index(res.body, `id="felsammanfattning"`), strings.Index(res.body, "<h1"))

	got := map[string]string{}
	for _, a := range query(t, summary, "a") {
		href, _ := attr(a, "href")
		require.True(t, strings.HasPrefix(href, "#"), href)
		id := href[1:]
		target := query(t, res.doc, "#"+id)
		require.Len(t, target, 1, "summary link %s points at one element", href)
		assert.Contains(t, []string{"input", "select", "textarea"}, target[0].Data, "summary link %s points at a form control", href)
		got[id] = textOf(a)
	}
	// Every aria-describedby names elements that exist; every invalid field names its error.
	for _, n := range query(t, res.doc, "[aria-describedby]") {
		ids, _ := attr(n, "aria-describedby")
		for _, id := range strings.Fields(ids) {
			assert.Len(t, query(t, res.doc, "#"+id), 1, "aria-describedby %q on <%s>", id, n.Data)
		}
	}
	for _, n := range query(t, res.doc, `[aria-invalid="true"]`) {
		id, _ := attr(n, "id")
		name, _ := attr(n, "name")
		ids, _ := attr(n, "aria-describedby")
		assert.Contains(t, strings.Fields(ids), name+"-fel", "invalid field %s describes itself with its error", id)
		errText := textOf(one(t, res.doc, "#"+name+"-fel"))
		assert.Equal(t, "Fel: "+got[id], errText, "the field's error repeats the summary's")
	}
	return got
}

func TestAccessibleValidation(t *testing.T) {
	srv := newTestServer(t)
	v := newVisitor(t, srv)
	person := Accessible.Path(steps[stepPerson])

	t.Run("empty personal details", func(t *testing.T) {
		res := v.post(person, url.Values{})
		require.Equal(t, person, res.url.Path)
		got := checkErrorPage(t, res)
		assert.Equal(t, map[string]string{
			"fornamn":      "Skriv ditt förnamn",
			"efternamn":    "Skriv ditt efternamn",
			"personnummer": "Skriv ditt personnummer",
			"adress":       "Skriv din gatuadress, till exempel Storgatan 12",
			"postnummer":   "Skriv ditt postnummer",
			"ort":          "Skriv orten där du bor, till exempel Norrsunda",
			"epost":        "Skriv din e-postadress",
		}, got)
		assert.Len(t, query(t, res.doc, `[aria-invalid="true"]`), 7)
		assert.Equal(t, "Du behöver rätta 7 uppgifter innan du kan gå vidare", textOf(one(t, res.doc, ".felsammanfattning__rubrik")))
		// The optional phone number is not an error.
		_, invalid := attr(one(t, res.doc, "#telefon"), "aria-invalid")
		assert.False(t, invalid)
	})

	t.Run("invalid values are kept and explained", func(t *testing.T) {
		form := validValues(Accessible, stepPerson)
		form.Set("personnummer", "450101-1234")
		form.Set("postnummer", "1234")
		form.Set("fornamn", "  Anna Maria ")
		res := v.post(person, form)
		got := checkErrorPage(t, res)
		assert.Equal(t, map[string]string{
			"personnummer": "Skriv personnumret med 12 siffror, till exempel 19450101-1234",
			"postnummer":   "Skriv postnumret med 5 siffror, till exempel 123 45",
		}, got)
		assert.Equal(t, "450101-1234", attrOf(t, res.doc, "#personnummer", "value"))
		assert.Equal(t, "1234", attrOf(t, res.doc, "#postnummer", "value"))
		assert.Equal(t, "  Anna Maria ", attrOf(t, res.doc, "#fornamn", "value"))
		assert.Equal(t, "anna.andersson@exempel.se", attrOf(t, res.doc, "#epost", "value"))
		assert.Equal(t, "personnummer-tips personnummer-fel", attrOf(t, res.doc, "#personnummer", "aria-describedby"))

		form.Set("personnummer", "19121212-1213")
		form.Set("postnummer", "123 45")
		res = v.post(person, form)
		assert.Equal(t, map[string]string{"personnummer": msgPnrInvalid}, checkErrorPage(t, res))
	})

	t.Run("empty application questions", func(t *testing.T) {
		complete(t, v, Accessible, stepAbout)
		about := Accessible.Path(steps[stepAbout])
		res := v.postMultipart(about, url.Values{"intygsdatum": {"2026-13-01"}})
		got := checkErrorPage(t, res)
		assert.Equal(t, map[string]string{
			"roll-forare": "Välj om du ska köra själv eller åka med som passagerare",
			"tidigare-ja": "Välj Ja om du har haft parkeringstillstånd tidigare, annars Nej",
			"beskrivning": "Beskriv hur din sjukdom eller funktionsnedsättning påverkar din förmåga att gå",
			"kommun":      "Välj den kommun där du är folkbokförd",
			"intygsdatum": msgDateFormat,
		}, got)
		// Radio groups carry their error on the fieldset.
		fieldset := enclosing(one(t, res.doc, "#roll-forare"), "fieldset")
		require.NotNil(t, fieldset)
		ids, _ := attr(fieldset, "aria-describedby")
		assert.Equal(t, "roll-tips roll-fel", ids)
		assert.Equal(t, "2026-13-01", attrOf(t, res.doc, "#intygsdatum", "value"))

		form := validValues(Accessible, stepAbout)
		form.Set("intygsdatum", "2026-03-03")
		form.Set("kommun", "Stockholm")
		res = v.postMultipart(about, form)
		got = checkErrorPage(t, res)
		assert.Equal(t, map[string]string{"intygsdatum": msgDateFuture, "kommun": msgChooseAgain}, got)
		// Kept: checked radios and checkboxes, the text area.
		assert.Len(t, query(t, res.doc, "#roll-forare[checked]"), 1)
		assert.Len(t, query(t, res.doc, "#hjalpmedel-rullator[checked], #hjalpmedel-kapp[checked]"), 2)
		assert.Len(t, query(t, res.doc, "#hjalpmedel-rullstol[checked]"), 0)
		assert.Equal(t, validValues(Accessible, stepAbout).Get("beskrivning"), textOfAll(one(t, res.doc, "#beskrivning")))
	})

	t.Run("declaration on the check page", func(t *testing.T) {
		complete(t, v, Accessible, stepCheck)
		res := v.post(Accessible.Path(steps[stepCheck]), url.Values{})
		got := checkErrorPage(t, res)
		assert.Equal(t, map[string]string{"intyg": "Kryssa i rutan för att intyga att uppgifterna stämmer"}, got)
		// The summary is still shown.
		assert.Contains(t, textOf(res.doc), "Storgatan 12")
	})
}

func TestAccessiblePagesStructure(t *testing.T) {
	srv := newTestServer(t)
	v := newVisitor(t, srv)
	for i, path := range StepPaths(Accessible) {
		complete(t, v, Accessible, i)
		res := v.get(path)
		require.Equal(t, path, res.url.Path)
		t.Run(steps[i].Name, func(t *testing.T) {
			assert.Equal(t, "sv", attrOf(t, res.doc, "html", "lang"))
			one(t, res.doc, "body > header")
			one(t, res.doc, "body > main#innehall")
			one(t, res.doc, "body > footer")
			one(t, res.doc, `body > a.hoppa[href="#innehall"]:first-child`)
			one(t, res.doc, "h1")
			assert.Empty(t, query(t, res.doc, "[tabindex]:not([tabindex='-1'])"), "no positive tabindex")
			for _, img := range query(t, res.doc, "img") {
				_, ok := attr(img, "alt")
				assert.True(t, ok, "every img has alt")
			}
			help := textOf(one(t, res.doc, "footer .hjalp"))
			for _, want := range []string{"0980-31 92 00", "Öppettider", "Postadress", "Få hjälp på andra språk"} {
				assert.Contains(t, help, want)
			}
			if i < stepReceipt {
				current := one(t, res.doc, `ol.steg__lista > li[aria-current="step"]`)
				assert.Contains(t, textOf(current), indicatorNames[i])
				assert.Len(t, query(t, res.doc, "ol.steg__lista > li"), shownSteps)
			} else {
				assert.Empty(t, query(t, res.doc, "[aria-current]"))
			}
			// Every form control has a label; radios and checkboxes in a group sit in a fieldset with a legend.
			for _, c := range query(t, res.doc, "input:not([type=hidden]), select, textarea") {
				id, _ := attr(c, "id")
				require.NotEmpty(t, id)
				assert.Len(t, query(t, res.doc, `label[for="`+id+`"]`), 1, "label for #%s", id)
				name, _ := attr(c, "name")
				typ, _ := attr(c, "type")
				if (typ == "radio" || typ == "checkbox") && len(query(t, res.doc, `input[name="`+name+`"]`)) > 1 {
					fs := enclosing(c, "fieldset")
					require.NotNil(t, fs, "#%s is in a fieldset", id)
					assert.Len(t, query(t, fs, "fieldset > legend"), 1, "#%s's fieldset has a legend", id)
				}
				if _, req := attr(c, "required"); req && typ != "radio" && typ != "checkbox" {
					assert.Contains(t, textOf(one(t, res.doc, `label[for="`+id+`"]`)), "(obligatoriskt)")
				}
			}
		})
	}
	res := v.get(Accessible.Path(steps[stepPerson]))
	want := map[string]string{
		"fornamn": "given-name", "efternamn": "family-name", "adress": "street-address",
		"postnummer": "postal-code", "ort": "address-level2", "epost": "email", "telefon": "tel",
	}
	for id, token := range want {
		assert.Equal(t, token, attrOf(t, res.doc, "#"+id, "autocomplete"), id)
	}
}

func TestAnswersAreNotAskedTwice(t *testing.T) {
	srv := newTestServer(t)
	v := newVisitor(t, srv)
	complete(t, v, Accessible, stepAbout)

	res := v.get(Accessible.Path(steps[stepPerson]))
	assert.Equal(t, "Storgatan 12", attrOf(t, res.doc, "#adress", "value"))
	assert.Equal(t, "19121212-1212", attrOf(t, res.doc, "#personnummer", "value"))
	assert.Equal(t, "123 45", attrOf(t, res.doc, "#postnummer", "value"), "the postcode is stored in its usual form")

	res = v.get(Accessible.Path(steps[stepAbout]))
	assert.Empty(t, query(t, res.doc, "[name=personnummer], [name=sokandepnr], [name=adress]"))
	box := textOf(one(t, res.doc, ".upplysning"))
	assert.Contains(t, box, "Anna Andersson")
	assert.Contains(t, box, "Storgatan 12, 123 45 Norrsunda")

	// The inaccessible variant asks for the personal identity number again.
	complete(t, v, Inaccessible, stepAbout)
	res = v.get(Inaccessible.Path(steps[stepAbout]))
	assert.Len(t, query(t, res.doc, "input[name=sokandepnr]"), 1)
}

func TestChangeLinksReturnToTheCheckPage(t *testing.T) {
	srv := newTestServer(t)
	v := newVisitor(t, srv)
	complete(t, v, Accessible, stepCheck)
	check := v.get(Accessible.Path(steps[stepCheck]))
	link := one(t, check.doc, `a[href$="#telefon"]`)
	assert.Equal(t, "Ändra telefonnummer", textOf(link))
	href, _ := attr(link, "href")

	res := v.get(href)
	assert.Equal(t, "kontrollera", attrOf(t, res.doc, "input[type=hidden][name=fran]", "value"))
	assert.Equal(t, Accessible.Path(steps[stepCheck]), attrOf(t, res.doc, "a.tillbaka", "href"))
	form := validValues(Accessible, stepPerson)
	form.Set("telefon", "")
	form.Set("fran", "kontrollera")
	res = v.post(Accessible.Path(steps[stepPerson]), form)
	require.Equal(t, Accessible.Path(steps[stepCheck]), res.url.Path)
	assert.Contains(t, textOf(res.doc), "Inget telefonnummer")

	// Every change link leads to a field on its step.
	for _, a := range query(t, check.doc, "dd.svar__andra a") {
		href, _ := attr(a, "href")
		u, err := url.Parse(href)
		require.NoError(t, err)
		page := v.get(u.Path + "?" + u.RawQuery)
		assert.Len(t, query(t, page.doc, "#"+u.Fragment), 1, href)
	}
}

const hostile = `"><script>alert(1)</script>`

func TestHostileInputIsEscaped(t *testing.T) {
	srv := newTestServer(t)
	for _, vr := range Variants() {
		t.Run(string(vr), func(t *testing.T) {
			v := newVisitor(t, srv)
			form := validValues(vr, stepPerson)
			form.Set("fornamn", hostile)
			form.Set("ort", "<b onmouseover=alert(2)>Norrsunda</b>")
			res := v.post(vr.Path(steps[stepPerson]), form)
			require.Equal(t, vr.Path(steps[stepAbout]), res.url.Path)

			about := validValues(vr, stepAbout)
			about.Set("beskrivning", hostile+"\n</textarea><script>alert(3)</script>")
			res = v.postMultipart(vr.Path(steps[stepAbout]), about,
				upload{"lakarintyg", `"><img src=x onerror=alert(4)>.pdf`, []byte("%PDF-1.4\n")})
			require.Equal(t, vr.Path(steps[stepCheck]), res.url.Path)

			assert.NotContains(t, res.body, "<script>alert")
			assert.NotContains(t, res.body, "<b onmouseover")
			assert.NotContains(t, res.body, "<img src=x")
			assert.Contains(t, res.body, "&lt;script&gt;alert(1)&lt;/script&gt;")
			assert.Empty(t, query(t, res.doc, "b, [onerror], [onmouseover]"))
			for _, s := range query(t, res.doc, "script") {
				assert.NotContains(t, textOfAll(s), "alert")
			}
			text := textOf(res.doc)
			assert.Contains(t, text, hostile, "the value is shown as text")
			assert.Contains(t, text, `"><img src=x onerror=alert(4)>.pdf`)

			// Shown again in form fields, the value survives as the attribute's text.
			res = v.get(vr.Path(steps[stepPerson]))
			assert.Equal(t, hostile, attrOf(t, res.doc, "input[name=fornamn]", "value"))
			assert.NotContains(t, res.body, "<script>alert")
			res = v.get(vr.Path(steps[stepAbout]))
			assert.Equal(t, about.Get("beskrivning"), textOfAll(one(t, res.doc, "textarea[name=beskrivning]")))
			assert.NotContains(t, res.body, "<script>alert")
		})
	}
	t.Run("on an error page", func(t *testing.T) {
		v := newVisitor(t, srv)
		res := v.post(Accessible.Path(steps[stepPerson]), url.Values{"efternamn": {hostile}})
		assert.Equal(t, hostile, attrOf(t, res.doc, "#efternamn", "value"))
		assert.NotContains(t, res.body, "<script>alert")
	})
}

func TestInaccessibleVariantHasItsBarriers(t *testing.T) {
	srv := newTestServer(t)
	v := newVisitor(t, srv)
	start := v.get(Inaccessible.Root())
	_, hasLang := attr(one(t, start.doc, "html"), "lang")
	assert.False(t, hasLang, "no page language")
	assert.Empty(t, query(t, start.doc, "main, header, footer, nav, [role], h1, h2, h3"), "no landmarks or headings")
	assert.Len(t, query(t, start.doc, `meta[http-equiv=refresh][content^="1200"]`), 1)
	assert.Len(t, query(t, start.doc, `meta[name=viewport][content*="user-scalable=no"]`), 1)
	assert.Len(t, query(t, start.doc, "img:not([alt])"), 2, "the logo and the icon have no alt")
	assert.Len(t, query(t, start.doc, `img[src^="data:image/svg+xml"]`), 1)
	assert.Len(t, query(t, start.doc, "div[onclick]#btnStart"), 1)
	assert.Equal(t, "klicka här", textOf(one(t, start.doc, `#content a[href="/otillganglig/info"]`)))
	assert.Contains(t, textOf(start.doc), "vederbörande")
	assert.Contains(t, textOf(start.doc), "erforderlig")

	person := v.get(Inaccessible.Path(steps[stepPerson]))
	assert.Empty(t, query(t, person.doc, "label, [autocomplete], fieldset"))
	assert.Len(t, query(t, person.doc, "input[placeholder]"), 8)
	assert.Len(t, query(t, person.doc, `[tabindex="3"]`), 1)
	assert.Empty(t, query(t, person.doc, "button, input[type=submit]"), "only a div moves on")

	res := v.post(Inaccessible.Path(steps[stepPerson]), url.Values{"fornamn": {"Anna"}})
	assert.Equal(t, inaccessibleTitle, title(t, res.doc), "errors do not change the title")
	assert.Len(t, query(t, res.doc, "input.fel"), 6)
	assert.Empty(t, query(t, res.doc, "[aria-invalid], [aria-describedby], [role=alert]"))
	for _, e := range query(t, res.doc, ".err") {
		assert.Equal(t, "Ogiltigt värde", textOf(e))
	}
	assert.Equal(t, "Anna", attrOf(t, res.doc, "input[name=fornamn]", "value"))

	// A personal identity number with a hyphen is refused.
	form := validValues(Inaccessible, stepPerson)
	form.Set("personnummer", "19121212-1212")
	res = v.post(Inaccessible.Path(steps[stepPerson]), form)
	assert.Len(t, query(t, res.doc, "input.fel[name=personnummer]"), 1)

	css := v.get(Inaccessible.Root() + "stil.css").body
	assert.Contains(t, css, "outline: none")
	assert.Contains(t, css, "color: #aaa")
	assert.Contains(t, css, "width: 960px")
}

func TestValidators(t *testing.T) {
	pnr := []struct{ in, clean, msg string }{
		{"19121212-1212", "19121212-1212", ""},
		{"191212121212", "19121212-1212", ""},
		{" 19121212 1212 ", "19121212-1212", ""},
		{"19121272-1219", "19121272-1219", ""}, // coordination number, day 12 + 60
		{"121212-1212", "", msgPnrFormat},
		{"19121212-121", "", msgPnrFormat},
		{"1912121a-1212", "", msgPnrFormat},
		{"19121212-1213", "", msgPnrInvalid},
		{"19450230-1238", "", msgPnrInvalid},
		{"20991231-1234", "", msgPnrInvalid},
	}
	for _, c := range pnr {
		clean, msg := checkPersonnummer(c.in, testNow)
		assert.Equal(t, c.clean, clean, c.in)
		assert.Equal(t, c.msg, msg, c.in)
	}
	_, msg := checkPersonnummerDigits("19121212-1212", testNow)
	assert.Equal(t, msgPnrFormat, msg)
	clean, msg := checkPersonnummerDigits("191212121212", testNow)
	assert.Equal(t, "191212121212", clean)
	assert.Empty(t, msg)

	type c = struct{ in, clean string }
	good := map[string][]c{
		"postcode": {{"12345", "123 45"}, {"123 45", "123 45"}, {" 9 9 0 0 1", "990 01"}},
		"email":    {{"anna@exempel.se", "anna@exempel.se"}, {"a.b+c@sub.exempel.se", "a.b+c@sub.exempel.se"}},
		"phone":    {{"070-123 45 67", "070-123 45 67"}, {"+46 70 123 45 67", "+46 70 123 45 67"}, {"(0980) 31 92 00", "(0980) 31 92 00"}},
		"date":     {{"2025-11-03", "2025-11-03"}, {"20251103", "2025-11-03"}, {"2026-03-02", "2026-03-02"}, {"2025/11/03", "2025-11-03"}},
	}
	bad := map[string][]string{
		"postcode": {"1234", "123456", "012 34", "abcde"},
		"email":    {"anna", "anna@", "@exempel.se", "anna@exempel", "anna@@exempel.se", "anna @exempel.se", "anna@.se", "a@b..se"},
		"phone":    {"12345", "070-ABC", "070+1234567", "1234567890123456"},
		"date":     {"2025-02-30", "03-11-2025", "2026-03-03", "1899-12-31", "igår"},
	}
	checks := map[string]func(string, time.Time) (string, string){
		"postcode": checkPostcode, "email": checkEmail, "phone": checkPhone, "date": checkDate,
	}
	for name, check := range checks {
		for _, g := range good[name] {
			clean, msg := check(g.in, testNow)
			assert.Equal(t, g.clean, clean, "%s %q", name, g.in)
			assert.Empty(t, msg, "%s %q", name, g.in)
		}
		for _, b := range bad[name] {
			_, msg := check(b, testNow)
			assert.NotEmpty(t, msg, "%s %q should be refused", name, b)
		}
	}
	_, msg = checkDate("2026-03-03", testNow)
	assert.Equal(t, msgDateFuture, msg)
	_, msg = checkDescription(strings.Repeat("å", 2003), testNow)
	assert.Equal(t, "Texten kan vara högst 2 000 tecken. Korta den med 3 tecken.", msg)
	_, msg = maxLength(100, "Förnamnet")(strings.Repeat("a", 101), testNow)
	assert.Equal(t, "Förnamnet kan vara högst 100 tecken", msg)
}

func TestSessionsExpire(t *testing.T) {
	now := testNow
	st := newStore(func() time.Time { return now })
	rec := httptest.NewRecorder()
	s1 := st.session(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	cookies := rec.Result().Cookies()
	require.Len(t, cookies, 1)
	assert.True(t, cookies[0].HttpOnly)

	again := func() (*session, int) {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.AddCookie(cookies[0])
		rec := httptest.NewRecorder()
		s := st.session(rec, req)
		return s, len(rec.Result().Cookies())
	}
	now = now.Add(59 * time.Minute)
	s, set := again()
	assert.Same(t, s1, s)
	assert.Zero(t, set)
	now = now.Add(61 * time.Minute)
	s, set = again()
	assert.NotSame(t, s1, s, "an idle session ends after 60 minutes")
	assert.Equal(t, 1, set)

	for i := 0; i < maxSessions+5; i++ {
		st.session(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil))
	}
	assert.LessOrEqual(t, len(st.sessions), maxSessions)
}
