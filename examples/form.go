package examples

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"
	"unicode/utf8"
)

type fieldKind int

const (
	kindText fieldKind = iota
	kindEmail
	kindTel
	kindTextarea
	kindSelect
	kindRadio
	kindCheckboxes
	kindCheckbox
	kindFile
)

type option struct {
	value, label string
}

// field describes one question: its texts in the accessible variant, its
// markup hints and how its answer is checked.
type field struct {
	name         string
	label        string
	hint         string
	kind         fieldKind
	required     bool
	autocomplete string
	inputmode    string
	width        string // CSS class giving the input a width that fits the answer
	noSpellcheck bool
	options      []option
	// missing is the message shown when a required field is empty.
	missing string
	// check cleans a non-empty answer, or returns a message saying how to fix it.
	check func(value string, now time.Time) (clean, msg string)
}

const (
	maxFile        = 10 << 20
	msgFileTooBig  = "Filen är för stor. Den kan vara högst 10 MB. Välj en mindre fil eller skicka intyget med post."
	msgFileType    = "Läkarintyget måste vara en PDF-, JPG- eller PNG-fil. Välj en annan fil."
	msgFileEmpty   = "Filen är tom. Välj en annan fil."
	msgPnrFormat   = "Skriv personnumret med 12 siffror, till exempel 19450101-1234"
	msgPnrInvalid  = "Personnumret stämmer inte. Kontrollera att du har skrivit rätt siffror, till exempel 19450101-1234"
	msgDateFormat  = "Skriv datumet som år-månad-dag, till exempel 2025-11-03"
	msgDateFuture  = "Datumet kan inte vara senare än i dag. Kontrollera datumet på läkarintyget."
	msgChooseAgain = "Välj ett av alternativen i listan"
)

var municipalities = []option{
	{"", "Välj kommun"},
	{"Björkvik", "Björkvik"},
	{"Långsjö", "Långsjö"},
	{"Norrsunda", "Norrsunda"},
}

// formFields returns the fields of a form step in variant v, in page order.
func formFields(v Variant, step int) []field {
	switch step {
	case stepPerson:
		return personFields(v)
	case stepAbout:
		return aboutFields(v)
	case stepCheck:
		return []field{{
			name: "intyg", label: "Jag intygar att uppgifterna i ansökan är riktiga",
			kind: kindCheckbox, required: true, options: []option{{"ja", "Ja"}},
			missing: "Kryssa i rutan för att intyga att uppgifterna stämmer",
		}}
	}
	return nil
}

func personFields(v Variant) []field {
	pnr := field{
		name: "personnummer", label: "Personnummer", hint: "12 siffror, till exempel 19450101-1234",
		kind: kindText, required: true, inputmode: "numeric", width: "bredd-13", noSpellcheck: true,
		missing: "Skriv ditt personnummer", check: checkPersonnummer,
	}
	if v == Inaccessible {
		pnr.check = checkPersonnummerDigits
	}
	return []field{
		{
			name: "fornamn", label: "Förnamn", kind: kindText, required: true, autocomplete: "given-name",
			width: "bredd-20", noSpellcheck: true, missing: "Skriv ditt förnamn", check: maxLength(100, "Förnamnet"),
		},
		{
			name: "efternamn", label: "Efternamn", kind: kindText, required: true, autocomplete: "family-name",
			width: "bredd-20", noSpellcheck: true, missing: "Skriv ditt efternamn", check: maxLength(100, "Efternamnet"),
		},
		pnr,
		{
			name: "adress", label: "Gatuadress", hint: "Till exempel Storgatan 12 eller Björkvägen 3 lgh 1102",
			kind: kindText, required: true, autocomplete: "street-address", width: "bredd-30",
			missing: "Skriv din gatuadress, till exempel Storgatan 12", check: maxLength(200, "Adressen"),
		},
		{
			name: "postnummer", label: "Postnummer", hint: "5 siffror", kind: kindText, required: true,
			autocomplete: "postal-code", inputmode: "numeric", width: "bredd-6", noSpellcheck: true,
			missing: "Skriv ditt postnummer", check: checkPostcode,
		},
		{
			name: "ort", label: "Ort", kind: kindText, required: true, autocomplete: "address-level2",
			width: "bredd-20", missing: "Skriv orten där du bor, till exempel Norrsunda", check: maxLength(100, "Orten"),
		},
		{
			name: "epost", label: "E-postadress", hint: "Vi skickar en bekräftelse på ansökan till den här adressen.",
			kind: kindEmail, required: true, autocomplete: "email", width: "bredd-30", noSpellcheck: true,
			missing: "Skriv din e-postadress", check: checkEmail,
		},
		{
			name: "telefon", label: "Telefonnummer", hint: "Vi ringer bara om vi behöver fråga något om ansökan.",
			kind: kindTel, autocomplete: "tel", width: "bredd-20", noSpellcheck: true, check: checkPhone,
		},
	}
}

func aboutFields(v Variant) []field {
	fields := []field{
		{
			name: "roll", label: "Ska du köra bilen själv eller åka med som passagerare?",
			hint: "Som passagerare kan du få tillstånd om du behöver förarens hjälp även utanför bilen.",
			kind: kindRadio, required: true,
			options: []option{{"forare", "Jag ska köra själv (förare)"}, {"passagerare", "Jag ska åka med (passagerare)"}},
			missing: "Välj om du ska köra själv eller åka med som passagerare",
		},
		{
			name: "tidigare", label: "Har du haft parkeringstillstånd för rörelsehindrade tidigare?",
			kind: kindRadio, required: true, options: []option{{"ja", "Ja"}, {"nej", "Nej"}},
			missing: "Välj Ja om du har haft parkeringstillstånd tidigare, annars Nej",
		},
		{
			name: "hjalpmedel", label: "Vilka hjälpmedel använder du när du förflyttar dig?",
			hint: "Välj alla som stämmer. Om du inte använder något hjälpmedel kan du hoppa över frågan.",
			kind: kindCheckboxes,
			options: []option{
				{"rullator", "Rullator"}, {"rullstol", "Rullstol"}, {"kapp", "Käpp eller kryckor"}, {"annat", "Annat hjälpmedel"},
			},
		},
		{
			name: "beskrivning", label: "Vilken sjukdom eller funktionsnedsättning har du, och hur påverkar den din förmåga att gå?",
			hint: "Skriv till exempel hur långt du kan gå utan att vila och vad som gör det svårt. Högst 2 000 tecken.",
			kind: kindTextarea, required: true,
			missing: "Beskriv hur din sjukdom eller funktionsnedsättning påverkar din förmåga att gå",
			check:   checkDescription,
		},
		{
			name: "kommun", label: "Vilken kommun är du folkbokförd i?",
			hint: "Norrsunda kommun tar hand om ansökningar för Björkvik, Långsjö och Norrsunda.",
			kind: kindSelect, required: true, options: municipalities,
			missing: "Välj den kommun där du är folkbokförd",
		},
		{
			name: "intygsdatum", label: "Vilket datum är läkarintyget skrivet?",
			hint: "Datumet står på intyget. Skriv år-månad-dag, till exempel 2025-11-03.",
			kind: kindText, required: true, width: "bredd-10", noSpellcheck: true,
			missing: "Skriv vilket datum läkarintyget är skrivet", check: checkDate,
		},
		{
			name: "lakarintyg", label: "Ladda upp läkarintyget",
			hint: "Filen kan vara PDF, JPG eller PNG och högst 10 MB. Om du inte kan ladda upp intyget kan du skicka det med post. Vi berättar hur när du har skickat ansökan.",
			kind: kindFile,
		},
	}
	if v == Inaccessible {
		// The vendor's form asks for the applicant's personal identity number again.
		fields = append([]field{{
			name: "sokandepnr", label: "Sökandes personnummer", kind: kindText, required: true,
			missing: msgPnrFormat, check: checkPersonnummerDigits,
		}}, fields...)
	}
	return fields
}

func fileFieldName(fields []field) string {
	for _, f := range fields {
		if f.kind == kindFile {
			return f.name
		}
	}
	return ""
}

// submission is a parsed form post.
type submission struct {
	form    url.Values
	files   map[string][]*multipart.FileHeader
	cleanup func()
}

func parseSubmission(w http.ResponseWriter, r *http.Request) (submission, error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			return submission{}, fmt.Errorf("examples: read multipart form: %w", err)
		}
		mf := r.MultipartForm
		return submission{form: r.PostForm, files: mf.File, cleanup: func() { _ = mf.RemoveAll() }}, nil
	}
	if err := r.ParseForm(); err != nil {
		return submission{}, fmt.Errorf("examples: read form: %w", err)
	}
	return submission{form: r.PostForm}, nil
}

// validate checks a submission against fields. It returns the cleaned answers
// of the fields that were answered, and a message per field that needs fixing.
// A file field left empty keeps the file in prev.
func validate(fields []field, sub submission, prev url.Values, now time.Time) (url.Values, map[string]string) {
	clean := url.Values{}
	errs := map[string]string{}
	for _, f := range fields {
		switch f.kind {
		case kindFile:
			name, msg := checkFile(sub.files[f.name])
			switch {
			case msg != "":
				errs[f.name] = msg
			case name != "":
				clean.Set(f.name, name)
			case prev.Get(f.name) != "":
				clean.Set(f.name, prev.Get(f.name))
			}
		case kindCheckboxes:
			for _, val := range sub.form[f.name] {
				if !hasOption(f.options, val) {
					errs[f.name] = msgChooseAgain
					break
				}
				clean.Add(f.name, val)
			}
		default:
			val := strings.TrimSpace(sub.form.Get(f.name))
			switch {
			case val == "" && f.required:
				errs[f.name] = f.missing
			case val == "":
			case f.options != nil && !hasOption(f.options, val):
				errs[f.name] = msgChooseAgain
			case f.check != nil:
				c, msg := f.check(val, now)
				if msg != "" {
					errs[f.name] = msg
				} else {
					clean.Set(f.name, c)
				}
			default:
				clean.Set(f.name, val)
			}
		}
	}
	return clean, errs
}

func hasOption(opts []option, val string) bool {
	for _, o := range opts {
		if o.value == val && val != "" {
			return true
		}
	}
	return false
}

// overlay returns the values to show again after a failed submission: what was
// posted for the step's fields, and what is stored for the rest.
func overlay(fields []field, stored, posted url.Values) url.Values {
	out := url.Values{}
	for k, v := range stored {
		out[k] = v
	}
	for _, f := range fields {
		if f.kind == kindFile {
			continue
		}
		if vals, ok := posted[f.name]; ok {
			out[f.name] = vals
		} else {
			delete(out, f.name)
		}
	}
	return out
}

// checkFile checks an uploaded medical certificate and returns its base name.
// No upload, or a browser's empty file part, returns "" and no message.
func checkFile(headers []*multipart.FileHeader) (name, msg string) {
	if len(headers) == 0 || headers[0].Filename == "" {
		return "", ""
	}
	h := headers[0]
	name = h.Filename[strings.LastIndexAny(h.Filename, `/\`)+1:]
	if h.Size == 0 {
		return "", msgFileEmpty
	}
	if h.Size > maxFile {
		return "", msgFileTooBig
	}
	f, err := h.Open()
	if err != nil {
		return "", msgFileType
	}
	defer f.Close()
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	ext := strings.ToLower(path.Ext(name))
	var ok bool
	switch ext {
	case ".pdf":
		ok = bytes.HasPrefix(head, []byte("%PDF-"))
	case ".jpg", ".jpeg":
		ok = bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF})
	case ".png":
		ok = bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n"))
	}
	if !ok {
		return "", msgFileType
	}
	return name, ""
}

func maxLength(n int, what string) func(string, time.Time) (string, string) {
	return func(v string, _ time.Time) (string, string) {
		if utf8.RuneCountInString(v) > n {
			return "", fmt.Sprintf("%s kan vara högst %d tecken", what, n)
		}
		return v, ""
	}
}

// personnummerDigits returns the 12 digits of a personal identity number
// written as ÅÅÅÅMMDDNNNN or ÅÅÅÅMMDD-NNNN, with or without spaces.
func personnummerDigits(v string) (string, bool) {
	v = strings.Join(strings.Fields(v), "")
	if len(v) == 13 && (v[8] == '-' || v[8] == '+') {
		v = v[:8] + v[9:]
	}
	if len(v) != 12 || !allDigits(v) {
		return "", false
	}
	return v, true
}

// validPersonnummer reports whether 12 digits are a possible personal identity
// or coordination number: a real date of birth, not in the future, and a
// correct check digit.
func validPersonnummer(d string, now time.Time) bool {
	year := atoi(d[0:4])
	month := atoi(d[4:6])
	day := atoi(d[6:8])
	if day > 60 { // coordination numbers add 60 to the day
		day -= 60
	}
	if year < 1870 || month < 1 || month > 12 || day < 1 {
		return false
	}
	born := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if born.Day() != day || born.After(now) {
		return false
	}
	return luhnValid(d[2:])
}

func checkPersonnummer(v string, now time.Time) (string, string) {
	d, ok := personnummerDigits(v)
	if !ok {
		return "", msgPnrFormat
	}
	if !validPersonnummer(d, now) {
		return "", msgPnrInvalid
	}
	return d[:8] + "-" + d[8:], ""
}

// checkPersonnummerDigits is the inaccessible variant's check: exactly twelve
// digits, no hyphen or spaces allowed.
func checkPersonnummerDigits(v string, now time.Time) (string, string) {
	if len(v) != 12 || !allDigits(v) || !validPersonnummer(v, now) {
		return "", msgPnrFormat
	}
	return v, ""
}

// luhnValid checks the Luhn check digit that ends a Swedish personal identity number.
func luhnValid(d string) bool {
	sum := 0
	for i := 0; i < len(d); i++ {
		n := int(d[i] - '0')
		if i%2 == len(d)%2 {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
	}
	return sum%10 == 0
}

func checkPostcode(v string, _ time.Time) (string, string) {
	d := strings.Join(strings.Fields(v), "")
	if len(d) != 5 || !allDigits(d) || d[0] == '0' {
		return "", "Skriv postnumret med 5 siffror, till exempel 123 45"
	}
	return d[:3] + " " + d[3:], ""
}

func checkEmail(v string, _ time.Time) (string, string) {
	const msg = "Skriv e-postadressen i rätt format, till exempel namn@exempel.se"
	local, domain, ok := strings.Cut(v, "@")
	if !ok || local == "" || len(v) > 254 || strings.ContainsAny(v, " \t\r\n<>\"(),;:") || strings.Contains(domain, "@") {
		return "", msg
	}
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") || strings.Contains(domain, "..") {
		return "", msg
	}
	return v, ""
}

func checkPhone(v string, _ time.Time) (string, string) {
	const msg = "Skriv telefonnumret med siffror, till exempel 070-123 45 67"
	digits := 0
	for i, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0, r == ' ', r == '-', r == '(', r == ')':
		default:
			return "", msg
		}
	}
	if digits < 7 || digits > 15 {
		return "", msg
	}
	return v, ""
}

func checkDescription(v string, _ time.Time) (string, string) {
	v = strings.ReplaceAll(v, "\r\n", "\n")
	if n := utf8.RuneCountInString(v); n > 2000 {
		return "", fmt.Sprintf("Texten kan vara högst 2 000 tecken. Korta den med %d tecken.", n-2000)
	}
	return v, ""
}

// checkDate accepts ÅÅÅÅ-MM-DD, ÅÅÅÅMMDD or the same with spaces or slashes.
func checkDate(v string, now time.Time) (string, string) {
	d := strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' || r == '/' || r == '.' {
			return -1
		}
		return r
	}, v)
	if len(d) != 8 || !allDigits(d) {
		return "", msgDateFormat
	}
	t, err := time.Parse("20060102", d)
	if err != nil || t.Year() < 1900 {
		return "", msgDateFormat
	}
	y, m, day := now.Date()
	if t.After(time.Date(y, m, day, 0, 0, 0, 0, time.UTC)) {
		return "", msgDateFuture
	}
	return t.Format("2006-01-02"), ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// fieldView is a field as a template shows it.
type fieldView struct {
	ID, Name, Label, Hint, Type string
	Autocomplete, Inputmode     string
	Width                       string
	NoSpellcheck, Required      bool
	Value                       string
	Options                     []optionView
	// Note tells which file was uploaded earlier.
	Note                    string
	Error                   string
	HintID, NoteID, ErrorID string
	DescribedBy             string
}

type optionView struct {
	ID, Value, Label string
	Selected         bool
}

// Is reports whether value is among the field's answers.
func (f *fieldView) Is(value string) bool {
	for _, o := range f.Options {
		if o.Value == value {
			return o.Selected
		}
	}
	return false
}

func (k fieldKind) inputType() string {
	switch k {
	case kindEmail:
		return "email"
	case kindTel:
		return "tel"
	case kindRadio:
		return "radio"
	case kindCheckboxes, kindCheckbox:
		return "checkbox"
	case kindFile:
		return "file"
	}
	return "text"
}

// views prepares fields for a template, with the values to show and the errors.
func views(fields []field, vals url.Values, errs map[string]string) map[string]*fieldView {
	out := make(map[string]*fieldView, len(fields))
	for _, f := range fields {
		fv := &fieldView{
			ID: f.name, Name: f.name, Label: f.label, Hint: f.hint, Type: f.kind.inputType(),
			Autocomplete: f.autocomplete, Inputmode: f.inputmode, Width: f.width,
			NoSpellcheck: f.noSpellcheck, Required: f.required,
			Value: vals.Get(f.name), Error: errs[f.name],
		}
		for _, o := range f.options {
			ov := optionView{ID: f.name + "-" + o.value, Value: o.value, Label: o.label}
			for _, got := range vals[f.name] {
				ov.Selected = ov.Selected || got == o.value
			}
			fv.Options = append(fv.Options, ov)
		}
		if f.kind == kindRadio || f.kind == kindCheckboxes {
			fv.ID = fv.Options[0].ID
		}
		if f.kind == kindFile && fv.Value != "" {
			fv.Note = "Du har redan laddat upp filen " + fv.Value + ". Välj en ny fil bara om du vill byta."
		}
		var ids []string
		if fv.Hint != "" {
			fv.HintID = f.name + "-tips"
			ids = append(ids, fv.HintID)
		}
		if fv.Note != "" {
			fv.NoteID = f.name + "-uppladdad"
			ids = append(ids, fv.NoteID)
		}
		if fv.Error != "" {
			fv.ErrorID = f.name + "-fel"
			ids = append(ids, fv.ErrorID)
		}
		fv.DescribedBy = strings.Join(ids, " ")
		out[f.name] = fv
	}
	return out
}

type summarySection struct {
	Heading string
	Rows    []summaryRow
}

// summaryRow is one answer on the check page, with a link to change it.
type summaryRow struct {
	Key, Value string
	// Href and Change are the change link's target and its hidden text.
	Href, Change string
}

// summary lists the stored answers for the check page.
func summary(v Variant, vals url.Values) []summarySection {
	link := func(step int, id string) string {
		return v.Path(steps[step]) + "?fran=" + returnToCheck + "#" + id
	}
	label := func(fields []field, name string) string {
		var labels []string
		for _, f := range fields {
			if f.name != name {
				continue
			}
			for _, got := range vals[name] {
				for _, o := range f.options {
					if o.value == got {
						labels = append(labels, o.label)
					}
				}
			}
		}
		return strings.Join(labels, ", ")
	}
	orNone := func(s, none string) string {
		if s == "" {
			return none
		}
		return s
	}
	about := aboutFields(v)
	person := []summaryRow{
		{"Förnamn", vals.Get("fornamn"), link(stepPerson, "fornamn"), "förnamn"},
		{"Efternamn", vals.Get("efternamn"), link(stepPerson, "efternamn"), "efternamn"},
		{"Personnummer", vals.Get("personnummer"), link(stepPerson, "personnummer"), "personnummer"},
		{"Adress", postalAddress(vals, "\n"), link(stepPerson, "adress"), "adress"},
		{"E-postadress", vals.Get("epost"), link(stepPerson, "epost"), "e-postadress"},
		{"Telefonnummer", orNone(vals.Get("telefon"), "Inget telefonnummer"), link(stepPerson, "telefon"), "telefonnummer"},
	}
	application := []summaryRow{
		{"Ansöker som", label(about, "roll"), link(stepAbout, "roll-forare"), "om du ansöker som förare eller passagerare"},
		{"Haft tillstånd tidigare", label(about, "tidigare"), link(stepAbout, "tidigare-ja"), "om du har haft tillstånd tidigare"},
		{"Hjälpmedel", orNone(label(about, "hjalpmedel"), "Inga hjälpmedel"), link(stepAbout, "hjalpmedel-rullator"), "hjälpmedel"},
		{"Hur du påverkas", vals.Get("beskrivning"), link(stepAbout, "beskrivning"), "beskrivningen"},
		{"Folkbokförd i", vals.Get("kommun"), link(stepAbout, "kommun"), "kommun"},
		{"Läkarintygets datum", vals.Get("intygsdatum"), link(stepAbout, "intygsdatum"), "läkarintygets datum"},
		{"Läkarintyg", orNone(vals.Get("lakarintyg"), "Ingen fil. Du skickar intyget med post."), link(stepAbout, "lakarintyg"), "läkarintyget"},
	}
	if v == Inaccessible {
		application = append([]summaryRow{{"Sökandes personnummer", vals.Get("sokandepnr"), "", ""}}, application...)
	}
	return []summarySection{{"Personuppgifter", person}, {"Om ansökan", application}}
}
