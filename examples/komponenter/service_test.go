package komponenter

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/guidance"
)

// localFlow returns the flow's steps for a language: the same walk on
// /<lang>/ without the Swedish expectations.
func localFlow(t *testing.T, lang string) []flowStep {
	var out []flowStep
	for _, s := range loadFlow(t).Steps {
		switch s.Action {
		case "expect":
			if lang != "sv" {
				continue
			}
		case "goto":
			s.Arg = &yaml.Node{Kind: yaml.ScalarNode, Value: strings.Replace(s.Arg.Value, "/sv/", "/"+lang+"/", 1)}
		}
		out = append(out, s)
	}
	return out
}

// step builds a one-action flow step.
func step(name, action, arg string, pairs ...string) flowStep {
	s := flowStep{Name: name, Action: action, Arg: &yaml.Node{Kind: yaml.ScalarNode, Value: arg}}
	if len(pairs) > 0 {
		s.Arg = &yaml.Node{Kind: yaml.MappingNode}
		for i := 0; i+1 < len(pairs); i += 2 {
			s.Arg.Content = append(s.Arg.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: pairs[i]}, &yaml.Node{Kind: yaml.ScalarNode, Value: pairs[i+1]})
		}
	}
	return s
}

// allStates walks the service in every language and returns every kind of
// page it has: the flow's pages, each step with errors, a start date with a
// wrong part, the saved page and the accessibility statement.
func allStates(t *testing.T) []pageState {
	base := serve(t)
	var states []pageState
	for _, lang := range langs {
		r := newHTTPRunner(t, base)
		r.Run(localFlow(t, lang))
		states = append(states, r.States...)

		r = newHTTPRunner(t, base)
		r.Run([]flowStep{
			step("barnet", "goto", "/"+lang+"/barnet"),
			step("barnet, fel format", "fill", "", "#barn-fornamn", "Alva", "#barn-efternamn", "Lind", "#barn-pnr", "2022031", "#start-month", "13", "#start-day", "31", "#start-year", "2040"),
			step("barnet, fel format", "click", "#fortsatt"),
			step("barnet, sparad", "click", "button[value=save]"),
			step("forskola", "goto", "/"+lang+"/forskola"),
			step("forskola, fel", "fill", "", "#annat", strings.Repeat("å", 501)),
			step("forskola, fel", "click", "#fortsatt"),
			step("vardnadshavare", "goto", "/"+lang+"/vardnadshavare"),
			step("vardnadshavare, fel", "fill", "", "#epost", "sara.lind", "#telefon", "ring mig"),
			step("vardnadshavare, fel", "click", "#fortsatt"),
			step("tillganglighet", "goto", "/"+lang+"/tillganglighet"),
		})
		states = append(states, r.States...)
	}
	return states
}

// TestEveryPageStatic checks every page of the service, in every language,
// with every accessibility and plain-language rule: no finding may fail.
func TestEveryPageStatic(t *testing.T) {
	all := append(rules.All(), guidance.Rules()...)
	states := allStates(t)
	require.Len(t, states, 3*15, "the flow's 7 pages and 8 more, in three languages")
	asked := map[string]int{}
	for i, s := range states {
		t.Run(fmt.Sprintf("%02d %s", i, s.Step), func(t *testing.T) {
			doc, err := a11y.FromHTML(bytes.NewReader(s.Body), s.URL)
			require.NoError(t, err)
			res, err := a11y.Check(context.Background(), doc, a11y.WithRules(all...))
			require.NoError(t, err)
			for _, f := range res.Findings {
				switch f.Outcome {
				case a11y.Failed:
					t.Errorf("%s: %s %s at %s: %s", s.URL, f.Rule, f.Key, f.Selector, f.Snippet)
				case a11y.CantTell:
					asked[string(f.Key)]++
				}
			}
			assert.Empty(t, res.Errors)
		})
	}
	t.Logf("%d pages checked; cantTell by key: %v", len(states), asked)
}

// TestFlowRulesStatic runs the flow rules (consistent help, redundant
// entry, step indicator…) over the pages the flow file reaches over HTTP,
// in every language: none may fail.
func TestFlowRulesStatic(t *testing.T) {
	base := serve(t)
	page := append(rules.All(), guidance.Rules()...)
	for _, lang := range langs {
		r := newHTTPRunner(t, base)
		steps := localFlow(t, lang)
		r.Run(steps)
		var pages []*a11y.FlowPage
		for _, s := range r.States {
			doc, err := a11y.FromHTML(bytes.NewReader(s.Body), s.URL)
			require.NoError(t, err)
			res, err := a11y.Check(context.Background(), doc, a11y.WithRules(page...))
			require.NoError(t, err)
			pages = append(pages, &a11y.FlowPage{Step: s.Step, URL: s.URL, Doc: doc, Facts: res.Facts, Findings: res.Findings})
		}
		meta := map[string]any{
			guidance.MetaName: "Ansök om plats i förskola", guidance.MetaStart: base, guidance.MetaLang: lang,
			guidance.MetaSteps: len(steps), guidance.MetaDone: len(steps), guidance.MetaCompleted: true,
		}
		res, err := a11y.CheckFlow(context.Background(), pages, meta, a11y.WithRules(guidance.FlowRules()...))
		require.NoError(t, err)
		require.NotEmpty(t, res.Findings, "the flow rules said something")
		outcomes := map[string]int{}
		for _, f := range res.Findings {
			assert.NotEqual(t, a11y.Failed, f.Outcome, "%s: %s %s %s", lang, f.Rule, f.Key, f.Message)
			outcomes[f.Outcome.String()+" "+string(f.Key)]++
		}
		t.Logf("%s: flow rules over %d pages: %v", lang, len(pages), outcomes)
	}
}

// TestErrorsShown checks what a page with errors says and keeps.
func TestErrorsShown(t *testing.T) {
	r := newHTTPRunner(t, serve(t))
	r.Run([]flowStep{
		step("barnet", "goto", "/sv/barnet"),
		step("", "fill", "", "#barn-fornamn", `"><script>alert(1)</script>`, "#barn-pnr", "20220315-2381", "#start-year", "2040", "#start-month", "2", "#start-day", "30"),
		step("fel", "click", "#fortsatt"),
	})
	body := string(r.cur.Body)
	assert.Equal(t, http.StatusUnprocessableEntity, r.cur.Status)
	assert.Contains(t, body, "<title>Fel: Om barnet – Ansök om plats i förskola – Norrsunda kommun</title>")
	assert.Contains(t, body, "Det finns 3 fel")
	assert.Contains(t, body, `<a href="#barn-efternamn">Skriv barnets efternamn.</a>`)
	assert.Contains(t, body, `<a href="#barn-pnr">Kontrollera personnumret. Någon siffra verkar vara fel.</a>`)
	assert.Contains(t, body, `<a href="#start-year">Skriv ett datum som finns`, "Swedish dates start with the year")
	assert.NotContains(t, body, "<script>alert(1)</script>")
	assert.Contains(t, body, `value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`, "the answer is kept, escaped")
	day := r.one("check", "#start-day")
	assert.Equal(t, "true", attrOf(day, "aria-invalid"), "30 February: the day is wrong")
	assert.False(t, hasAttrOf(r.one("check", "#start-month"), "aria-invalid"))
	assert.Equal(t, "20220315-2381", attrOf(r.one("check", "#barn-pnr"), "value"))

	// The English page says the same in English, linking to the day first.
	r.Run([]flowStep{step("en", "goto", "/en/barnet"), step("fel", "click", "#fortsatt")})
	body = string(r.cur.Body)
	assert.Contains(t, body, "There are 3 problems")
	assert.Contains(t, body, `<a href="#start-day">`)
	assert.Contains(t, body, `lang="en" dir="ltr"`)
}

// TestChangeFromCheckPage follows a change link from the check page and
// comes back to it after the step.
func TestChangeFromCheckPage(t *testing.T) {
	r := newHTTPRunner(t, serve(t))
	steps := localFlow(t, "sv")
	r.Run(steps[:len(steps)-3]) // up to the check page
	require.Contains(t, r.cur.URL, "/sv/kontrollera")
	link := r.one("click", `a[href="forskola?tillbaka=kontrollera#timmar"]`)
	assert.Equal(t, "Ändra timmar i veckan", textOf(link), "the hidden text says what changes")
	r.click("ändra", link)
	require.Contains(t, r.cur.URL, "/sv/forskola?tillbaka=kontrollera")
	assert.True(t, hasAttrOf(r.one("check", "#timmar-2"), "checked"), "the answer is shown again")
	r.Run([]flowStep{step("", "check", "#timmar-3"), step("tillbaka", "click", "#fortsatt")})
	require.Contains(t, r.cur.URL, "/sv/kontrollera", "back to the check page, not to the next step")
	assert.Contains(t, string(r.cur.Body), "Mer än 30 timmar")
}

func TestSaveAndContinue(t *testing.T) {
	r := newHTTPRunner(t, serve(t))
	r.Run([]flowStep{
		step("barnet", "goto", "/sv/barnet"),
		step("", "fill", "", "#barn-fornamn", "Alva"),
		step("sparad", "click", "button[name=action][value=save]"),
	})
	require.Contains(t, r.cur.URL, "/sv/sparad?steg=barnet")
	body := string(r.cur.Body)
	assert.Contains(t, body, "Dina svar är sparade")
	assert.Contains(t, body, "inom 30 dagar")
	r.click("fortsätt", r.one("click", `a[href="barnet"]`))
	assert.Equal(t, "Alva", attrOf(r.one("check", "#barn-fornamn"), "value"))
	assert.Empty(t, r.find("#dk-error-summary"), "saving does not check the page")
}

func TestLanguagePicker(t *testing.T) {
	r := newHTTPRunner(t, serve(t))
	r.Run([]flowStep{
		step("barnet", "goto", "/sv/barnet"),
		step("", "fill", "", "#barn-fornamn", "Alva"),
		step("sparad", "click", "button[value=save]"),
		step("forskola", "goto", "/sv/barnet"),
	})
	nb := r.one("click", `a[hreflang=nb]`)
	assert.Equal(t, "Norsk bokmål", textOf(nb))
	assert.Equal(t, "../nb/barnet", attrOf(nb, "href"))
	assert.Len(t, r.find(".dk-langs a"), 3, "sv, nb and en")
	r.click("nb", nb)
	require.Contains(t, r.cur.URL, "/nb/barnet")
	assert.Contains(t, string(r.cur.Body), `<html lang="nb" dir="ltr">`)
	assert.Contains(t, string(r.cur.Body), "Steg 1 av 4")
	assert.Equal(t, "Alva", attrOf(r.one("check", "#barn-fornamn"), "value"), "answers follow the language switch")
	assert.Equal(t, "start-day", attrOf(r.find(".dk-date input")[0], "id"), "Norwegian dates start with the day")
	r.Run([]flowStep{step("start", "goto", "/en/")})
	assert.Equal(t, "../sv/", attrOf(r.one("click", `a[hreflang=sv]`), "href"))
	res, err := r.client.Get(r.resolve("/de/"))
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusNotFound, res.StatusCode)
}

func TestExtendSession(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	post := func(path string, header map[string]string) *http.Response {
		req, err := http.NewRequest(http.MethodPost, srv.URL+path, nil)
		require.NoError(t, err)
		for k, v := range header {
			req.Header.Set(k, v)
		}
		res, err := noFollow.Do(req)
		require.NoError(t, err)
		res.Body.Close()
		return res
	}
	assert.Equal(t, http.StatusNoContent, post("/sv/forlang?tillbaka=barnet", map[string]string{"X-Requested-With": "delaktig"}).StatusCode)
	res := post("/sv/forlang?tillbaka=barnet", nil)
	assert.Equal(t, http.StatusSeeOther, res.StatusCode)
	assert.Equal(t, "barnet", res.Header.Get("Location"))
	assert.Equal(t, "./", post("/sv/forlang?tillbaka=https://evil.example/", nil).Header.Get("Location"), "no open redirect")

	// The step pages carry the warning, which says how long is left.
	res, err := http.Get(srv.URL + "/sv/forskola")
	require.NoError(t, err)
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Contains(t, string(b), `data-dk-timeout="1500"`)
	assert.Contains(t, string(b), "Om 5 minuter stänger vi formuläret")
	assert.Contains(t, string(b), `action="forlang?tillbaka=forskola"`)
}

func TestSessionsExpire(t *testing.T) {
	now := time.Date(2030, 1, 10, 9, 0, 0, 0, time.UTC)
	s := newService(func() time.Time { return now })
	h := s.routes()
	get := func(path string, cookies []*http.Cookie) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		for _, c := range cookies {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	first := get("/sv/barnet", nil)
	cookies := first.Result().Cookies()
	require.Len(t, cookies, 1)
	assert.True(t, cookies[0].HttpOnly)
	now = now.Add(20 * time.Minute)
	assert.Empty(t, get("/sv/barnet", cookies).Result().Cookies(), "the session is still there")
	now = now.Add(31 * time.Minute)
	assert.Len(t, get("/sv/barnet", cookies).Result().Cookies(), 1, "after 30 idle minutes a new session starts")
}

func TestForgedPostRejected(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	res, err := http.PostForm(srv.URL+"/sv/barnet", url.Values{"barn-fornamn": {"Alva"}, "token": {"guess"}})
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusForbidden, res.StatusCode)
}

func TestFileUpload(t *testing.T) {
	base := serve(t)
	r := newHTTPRunner(t, base)
	r.Run([]flowStep{step("", "goto", "/sv/vardnadshavare")})
	token := attrOf(r.one("check", "input[name=token]"), "value")
	upload := func(name string, size int) string {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		for k, v := range map[string]string{"token": token, "namn": "Sara Lind", "epost": "sara@exempel.se", "telefon": "070-1234567", "action": "next"} {
			require.NoError(t, mw.WriteField(k, v))
		}
		fw, err := mw.CreateFormFile("intyg", name)
		require.NoError(t, err)
		_, _ = fw.Write(bytes.Repeat([]byte("x"), size))
		require.NoError(t, mw.Close())
		req, _ := http.NewRequest(http.MethodPost, base+"sv/vardnadshavare", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		res, err := r.client.Do(req)
		require.NoError(t, err)
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.Request.URL.Path + "\n" + string(b)
	}
	out := upload("intyg.exe", 10)
	assert.True(t, strings.Contains(out, "Välj en fil av typen PDF, JPG eller PNG."), "wrong type")
	assert.True(t, strings.Contains(out, "Filtyper du kan använda: PDF, JPG eller PNG. Filen får vara högst 5 MB."), "the rules are said")
	out = upload("intyg.pdf", maxProof+10)
	assert.True(t, strings.Contains(out, "Välj en fil som är högst 5 MB."), "too large")
	out = upload("intyg.pdf", maxProof+2<<20)
	assert.True(t, strings.Contains(out, "Välj en fil som är högst 5 MB."), "even a file far too large gets the page back")
	out = upload(`..\..\Intyg "2026".PDF`, 100)
	assert.True(t, strings.HasPrefix(out, "/sv/kontrollera"), "a good file moves on: %.60s", out)
	assert.True(t, strings.Contains(out, "<dd class=\"dk-answers__value\">Intyg &#34;2026&#34;.PDF</dd>"), "only the base name is kept, escaped")
}

func TestPersonnummer(t *testing.T) {
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	for in, want := range map[string]string{
		"20220315-2380": "20220315-2380",
		"202203152380":  "20220315-2380",
		"220315-2380":   "20220315-2380",
		"2203152380":    "20220315-2380",
		"20220375 2387": "20220375-2387", // samordningsnummer
		"800101-0001":   "19800101-0001", // born last century
	} {
		got, err := personnummer(in, now)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for in, want := range map[string]error{
		"20220315-2381": errPnrCheck,
		"20221315-2380": errPnrDate,
		"2022031":       errPnrFormat,
		"abc":           errPnrFormat,
	} {
		_, err := personnummer(in, now)
		assert.ErrorIs(t, err, want, in)
	}
	got, err := personnummer("2703152385", now)
	require.NoError(t, err)
	assert.Equal(t, "19270315-2385", got, "2027 has not come yet in 2026")
}

func TestCheckDate(t *testing.T) {
	now := time.Date(2030, 6, 15, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		y, m, d string
		parts   []string
		err     error
	}{
		{"2030", "6", "15", nil, nil},
		{"2031", "2", "28", nil, nil},
		{"", "", "", nil, errDateEmpty},
		{"2030", "6", "14", nil, errDatePast},
		{"2030", "13", "1", []string{"month"}, errDateReal},
		{"2031", "2", "30", []string{"day"}, errDateReal},
		{"30", "x", "0", []string{"day", "month", "year"}, errDateReal},
	} {
		parts, err := checkDate(c.y, c.m, c.d, now)
		assert.Equal(t, c.parts, parts, "%v", c)
		assert.ErrorIs(t, err, c.err, "%v", c)
	}
	assert.True(t, plausibleEmail("sara.lind@exempel.se"))
	assert.False(t, plausibleEmail("sara.lind"))
	assert.False(t, plausibleEmail("a@b"))
	assert.True(t, plausiblePhone("+46 70-123 45 67"))
	assert.False(t, plausiblePhone("ring mig"))
	assert.Equal(t, "16 August 2040", formatDate("en", "2040", "8", "16"))
	assert.Equal(t, "16.08.2040", formatDate("nb", "2040", "8", "16"))
}

// TestMountedUnderPrefix serves the handler under a path prefix: relative
// links and redirects keep the prefix.
func TestMountedUnderPrefix(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/forskola/", http.StripPrefix("/forskola", Handler()))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	r := newHTTPRunner(t, srv.URL+"/forskola/")
	r.Run([]flowStep{step("start", "goto", "/forskola/")})
	assert.True(t, strings.HasSuffix(r.cur.URL, "/forskola/sv/"), r.cur.URL)
	r.Run([]flowStep{step("barnet", "click", "#starta"), step("fel", "click", "#fortsatt")})
	assert.True(t, strings.HasSuffix(r.cur.URL, "/forskola/sv/barnet"), r.cur.URL)
	assert.Contains(t, string(r.cur.Body), "Det finns 4 fel")
	res, err := r.client.Get(r.resolve("../stil.css"))
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, res.Header.Get("Content-Type"), "text/css")
}
