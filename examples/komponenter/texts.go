package komponenter

// texts are the service's own texts in one language: what it asks and
// what it answers. The components add their own texts (step indicator,
// error summary, help block…) from their catalogs.
type texts struct {
	Service, Organisation string
	StepNames             []string
	Start                 string
	Intro                 []string
	YouNeed               string
	Needs                 []string
	Time                  string
	StartButton           string
	Next, Send            string

	// Step 1: the child.
	ChildTitle, ChildFirst, ChildLast, ChildPnr, ChildPnrHint string
	StartDate, StartDateHint                                  string

	// Step 2: the preschool.
	SchoolTitle, Schools, SchoolsHint string
	SchoolHints                       map[string]string
	Hours, HoursHint                  string
	HoursOptions                      [][2]string // value, label
	HomeLang, HomeLangHint            string
	HomeLangs                         [][2]string
	Other, OtherHint                  string

	// Step 3: the guardian.
	GuardianTitle, Name, Email, EmailHint, Phone, PhoneHint string
	Proof, ProofHint                                        string

	// Step 4 and after.
	CheckTitle, CheckIntro, CheckChild, CheckChildName, CheckStart    string
	CheckSchools, CheckHours, CheckLang, CheckOther, CheckGuardian    string
	CheckEmail, CheckPhone, CheckProof, CheckPromise                  string
	ReceiptTitle, NextTitle                                           string
	ReceiptNext                                                       []string
	SavedTitle                                                        string
	AccessibilityTitle                                                string
	AccessibilityText                                                 []string
	ErrFirst, ErrLast, ErrPnr, ErrPnrFormat, ErrPnrCheck              string
	ErrDate, ErrDateReal, ErrDatePast, ErrSchools, ErrHours, ErrOther string
	ErrName, ErrEmail, ErrEmailFormat, ErrPhone, ErrPhoneFormat       string
	ErrProofType, ErrProofSize                                        string
}

// catalog holds the service's texts in the languages it is offered in.
var catalog = map[string]*texts{
	"sv": {
		Service: "Ansök om plats i förskola", Organisation: "Norrsunda kommun",
		StepNames: []string{"Barnet", "Förskola", "Vårdnadshavare", "Kontrollera"},
		Start:     "Ansök om plats i förskola",
		Intro: []string{
			"Här ansöker du om plats i förskola för ditt barn. Barnet kan börja förskolan när det är ett år.",
			"Vi erbjuder en plats inom fyra månader från den dag vi får din ansökan.",
		},
		YouNeed:     "Du behöver:",
		Needs:       []string{"barnets personnummer", "veta vilka förskolor du vill söka till", "ditt telefonnummer och din e-postadress"},
		Time:        "Det tar ungefär tio minuter. Du kan spara och fortsätta senare.",
		StartButton: "Starta e-tjänsten", Next: "Fortsätt", Send: "Skicka ansökan",

		ChildTitle: "Om barnet", ChildFirst: "Barnets förnamn", ChildLast: "Barnets efternamn",
		ChildPnr: "Barnets personnummer", ChildPnrHint: "12 siffror: födelsedatum (ååååmmdd) och fyra siffror till.",
		StartDate: "När vill du att barnet ska börja?", StartDateHint: "Till exempel år 2026, månad 8 och dag 17.",

		SchoolTitle: "Förskola", Schools: "Vilka förskolor vill du söka till?", SchoolsHint: "Du kan välja flera.",
		SchoolHints: map[string]string{
			"kastanjen": "Storgatan 3 i Norrby. Öppet 6.30–18.30.",
			"linden":    "Skolvägen 8 i Söderby. Öppet 6.30–18.00.",
			"eken":      "Ekbacken 1 i Västerby. Har en avdelning med teckenspråk.",
		},
		Hours: "Hur många timmar i veckan behöver barnet vara på förskolan?", HoursHint: "Du kan ändra det senare.",
		HoursOptions: [][2]string{{"15", "Upp till 15 timmar"}, {"30", "15 till 30 timmar"}, {"40", "Mer än 30 timmar"}},
		HomeLang:     "Vilket språk talar barnet hemma?", HomeLangHint: "Om barnet talar ett annat språk än svenska kan förskolan ge stöd på det språket.",
		HomeLangs: [][2]string{{"sv", "Svenska"}, {"ar", "Arabiska"}, {"so", "Somaliska"}, {"ti", "Tigrinja"}, {"pl", "Polska"}, {"fa", "Persiska"}, {"ur", "Urdu"}, {"annat", "Ett annat språk"}},
		Other:     "Vill du berätta något mer om barnet?", OtherHint: "Till exempel om allergier eller om barnet behöver extra stöd.",

		GuardianTitle: "Vårdnadshavare", Name: "Ditt namn", Email: "Din e-postadress", EmailHint: "Vi skickar en bekräftelse till den här adressen.",
		Phone: "Ditt telefonnummer", PhoneHint: "Vi ringer om vi har frågor om ansökan.",
		Proof: "Intyg om arbete eller studier", ProofHint: "Behövs om barnet ska vara på förskolan mer än 15 timmar i veckan. Du kan också skicka det senare.",

		CheckTitle: "Kontrollera dina svar", CheckIntro: "Läs igenom dina svar. Du kan ändra dem innan du skickar ansökan.",
		CheckChild: "Barnet", CheckChildName: "Barnets namn", CheckStart: "Önskat startdatum",
		CheckSchools: "Förskolor", CheckHours: "Timmar i veckan", CheckLang: "Språk hemma", CheckOther: "Mer om barnet",
		CheckGuardian: "Vårdnadshavare", CheckEmail: "E-post", CheckPhone: "Telefon", CheckProof: "Intyg",
		CheckPromise: "När du skickar ansökan intygar du att uppgifterna stämmer.",
		ReceiptTitle: "Vi har fått din ansökan", NextTitle: "Vad händer nu?",
		ReceiptNext: []string{
			"Vi skickar ett erbjudande om plats senast fyra månader efter att vi fick din ansökan.",
			"Du svarar på erbjudandet i e-tjänsten eller genom att ringa oss.",
		},
		SavedTitle:         "Dina svar är sparade",
		AccessibilityTitle: "Tillgänglighetsredogörelse",
		AccessibilityText: []string{
			"Norrsunda kommun vill att alla ska kunna använda e-tjänsten.",
			"Om något inte fungerar för dig kan du ringa oss eller skriva till oss. Du kan också ansöka på papper.",
		},
		ErrFirst: "Skriv barnets förnamn.", ErrLast: "Skriv barnets efternamn.",
		ErrPnr: "Skriv barnets personnummer.", ErrPnrFormat: "Skriv personnumret med 12 siffror: födelsedatum och fyra siffror till.",
		ErrPnrCheck: "Kontrollera personnumret. Någon siffra verkar vara fel.",
		ErrDate:     "Skriv vilket datum barnet ska börja.", ErrDateReal: "Skriv ett datum som finns, till exempel år 2026, månad 8 och dag 17.",
		ErrDatePast: "Skriv ett datum som inte har passerat.",
		ErrSchools:  "Välj minst en förskola.", ErrHours: "Välj hur många timmar i veckan barnet behöver vara på förskolan.",
		ErrOther: "Skriv högst 500 tecken.",
		ErrName:  "Skriv ditt namn.", ErrEmail: "Skriv din e-postadress.", ErrEmailFormat: "Skriv e-postadressen med ett @, till exempel namn@exempel.se.",
		ErrPhone: "Skriv ditt telefonnummer.", ErrPhoneFormat: "Skriv telefonnumret med siffror, till exempel 070-123 45 67.",
		ErrProofType: "Välj en fil av typen PDF, JPG eller PNG.", ErrProofSize: "Välj en fil som är högst 5 MB.",
	},
	"nb": {
		Service: "Søk om plass i barnehage", Organisation: "Norrsunda kommun",
		StepNames: []string{"Barnet", "Barnehage", "Foresatte", "Se over"},
		Start:     "Søk om plass i barnehage",
		Intro: []string{
			"Her søker du om plass i barnehage (förskola) for barnet ditt. Barnet kan begynne i barnehagen når det er ett år.",
			"Vi tilbyr en plass innen fire måneder fra den dagen vi får søknaden din.",
		},
		YouNeed:     "Du trenger:",
		Needs:       []string{"det svenske personnummeret til barnet", "å vite hvilke barnehager du vil søke på", "telefonnummeret og e-postadressen din"},
		Time:        "Det tar omtrent ti minutter. Du kan lagre og fortsette senere.",
		StartButton: "Start søknaden", Next: "Neste", Send: "Send søknaden",

		ChildTitle: "Om barnet", ChildFirst: "Fornavnet til barnet", ChildLast: "Etternavnet til barnet",
		ChildPnr: "Det svenske personnummeret til barnet", ChildPnrHint: "12 siffer: fødselsdatoen (ååååmmdd) og fire siffer til.",
		StartDate: "Når vil du at barnet skal begynne?", StartDateHint: "For eksempel 17 8 2026",

		SchoolTitle: "Barnehage", Schools: "Hvilke barnehager vil du søke på?", SchoolsHint: "Du kan velge flere.",
		SchoolHints: map[string]string{
			"kastanjen": "Storgatan 3 i Norrby. Åpent 6.30–18.30.",
			"linden":    "Skolvägen 8 i Söderby. Åpent 6.30–18.00.",
			"eken":      "Ekbacken 1 i Västerby. Har en avdeling med tegnspråk.",
		},
		Hours: "Hvor mange timer i uken trenger barnet å være i barnehagen?", HoursHint: "Du kan endre det senere.",
		HoursOptions: [][2]string{{"15", "Opptil 15 timer"}, {"30", "15 til 30 timer"}, {"40", "Mer enn 30 timer"}},
		HomeLang:     "Hvilket språk snakker barnet hjemme?", HomeLangHint: "Hvis barnet snakker et annet språk enn svensk, kan barnehagen gi støtte på det språket.",
		HomeLangs: [][2]string{{"sv", "Svensk"}, {"ar", "Arabisk"}, {"so", "Somali"}, {"ti", "Tigrinja"}, {"pl", "Polsk"}, {"fa", "Persisk"}, {"ur", "Urdu"}, {"annat", "Et annet språk"}},
		Other:     "Vil du fortelle oss noe mer om barnet?", OtherHint: "For eksempel om allergier eller om barnet trenger ekstra støtte.",

		GuardianTitle: "Foresatte", Name: "Navnet ditt", Email: "E-postadressen din", EmailHint: "Vi sender en bekreftelse til denne adressen.",
		Phone: "Telefonnummeret ditt", PhoneHint: "Vi ringer hvis vi har spørsmål om søknaden.",
		Proof: "Bekreftelse på arbeid eller studier", ProofHint: "Trengs hvis barnet skal være i barnehagen mer enn 15 timer i uken. Du kan også sende den senere.",

		CheckTitle: "Se over svarene dine", CheckIntro: "Les gjennom svarene dine. Du kan endre dem før du sender søknaden.",
		CheckChild: "Barnet", CheckChildName: "Navnet til barnet", CheckStart: "Ønsket oppstart",
		CheckSchools: "Barnehager", CheckHours: "Timer i uken", CheckLang: "Språk hjemme", CheckOther: "Mer om barnet",
		CheckGuardian: "Foresatte", CheckEmail: "E-post", CheckPhone: "Telefon", CheckProof: "Bekreftelse",
		CheckPromise: "Når du sender søknaden, bekrefter du at opplysningene stemmer.",
		ReceiptTitle: "Vi har fått søknaden din", NextTitle: "Hva skjer nå?",
		ReceiptNext: []string{
			"Vi sender et tilbud om plass senest fire måneder etter at vi fikk søknaden din.",
			"Du svarer på tilbudet i den digitale tjenesten eller ved å ringe oss.",
		},
		SavedTitle:         "Svarene dine er lagret",
		AccessibilityTitle: "Tilgjengelighetserklæring",
		AccessibilityText: []string{
			"Norrsunda kommun vil at alle skal kunne bruke den digitale tjenesten.",
			"Hvis noe ikke fungerer for deg, kan du ringe eller skrive til oss. Du kan også søke på papir.",
		},
		ErrFirst: "Skriv fornavnet til barnet.", ErrLast: "Skriv etternavnet til barnet.",
		ErrPnr: "Skriv personnummeret til barnet.", ErrPnrFormat: "Skriv personnummeret med 12 siffer: fødselsdatoen og fire siffer til.",
		ErrPnrCheck: "Sjekk personnummeret. Et av sifrene ser ut til å være feil.",
		ErrDate:     "Skriv hvilken dato barnet skal begynne.", ErrDateReal: "Skriv en dato som finnes, for eksempel 17 8 2026.",
		ErrDatePast: "Skriv en dato som ikke har passert.",
		ErrSchools:  "Velg minst én barnehage.", ErrHours: "Velg hvor mange timer i uken barnet trenger å være i barnehagen.",
		ErrOther: "Skriv høyst 500 tegn.",
		ErrName:  "Skriv navnet ditt.", ErrEmail: "Skriv e-postadressen din.", ErrEmailFormat: "Skriv e-postadressen med @, for eksempel navn@eksempel.no.",
		ErrPhone: "Skriv telefonnummeret ditt.", ErrPhoneFormat: "Skriv telefonnummeret med siffer, for eksempel 070-123 45 67.",
		ErrProofType: "Velg en fil av typen PDF, JPG eller PNG.", ErrProofSize: "Velg en fil som er på høyst 5 MB.",
	},
	"en": {
		Service: "Apply for a preschool place", Organisation: "Norrsunda kommun",
		StepNames: []string{"Child", "Preschool", "Guardian", "Check"},
		Start:     "Apply for a preschool place",
		Intro: []string{
			"Here you apply for a place in preschool (förskola) for your child. Your child can start preschool at the age of one.",
			"We offer a place within four months from the day we get your application.",
		},
		YouNeed:     "You need:",
		Needs:       []string{"your child's Swedish personal identity number", "to know which preschools you want to apply to", "your phone number and email address"},
		Time:        "It takes about ten minutes. You can save your answers and continue later.",
		StartButton: "Start now", Next: "Continue", Send: "Send the application",

		ChildTitle: "About your child", ChildFirst: "Child's first name", ChildLast: "Child's last name",
		ChildPnr: "Child's personal identity number", ChildPnrHint: "12 digits: the date of birth (yyyymmdd) and 4 more digits.",
		StartDate: "When do you want your child to start?", StartDateHint: "For example, 17 8 2026",

		SchoolTitle: "Preschool", Schools: "Which preschools do you want to apply to?", SchoolsHint: "You can choose more than one.",
		SchoolHints: map[string]string{
			"kastanjen": "Storgatan 3 in Norrby. Open from 6.30 to 18.30.",
			"linden":    "Skolvägen 8 in Söderby. Open from 6.30 to 18.00.",
			"eken":      "Ekbacken 1 in Västerby. Has a group that uses sign language.",
		},
		Hours: "How many hours a week does your child need to be at preschool?", HoursHint: "You can change this later.",
		HoursOptions: [][2]string{{"15", "Up to 15 hours"}, {"30", "15 to 30 hours"}, {"40", "More than 30 hours"}},
		HomeLang:     "Which language does your child speak at home?", HomeLangHint: "If your child speaks a language other than Swedish, the preschool can give support in that language.",
		HomeLangs: [][2]string{{"sv", "Swedish"}, {"ar", "Arabic"}, {"so", "Somali"}, {"ti", "Tigrinya"}, {"pl", "Polish"}, {"fa", "Persian"}, {"ur", "Urdu"}, {"annat", "Another language"}},
		Other:     "Do you want to tell us anything else about your child?", OtherHint: "For example, about allergies or if your child needs extra support.",

		GuardianTitle: "Guardian", Name: "Your name", Email: "Your email address", EmailHint: "We will send a confirmation to this address.",
		Phone: "Your phone number", PhoneHint: "We will call you if we have questions about the application.",
		Proof: "Letter about your work or studies", ProofHint: "Needed if your child will be at preschool for more than 15 hours a week. You can also send it later.",

		CheckTitle: "Check your answers", CheckIntro: "Read your answers. You can change them before you send the application.",
		CheckChild: "Your child", CheckChildName: "Child's name", CheckStart: "Start date",
		CheckSchools: "Preschools", CheckHours: "Hours a week", CheckLang: "Language at home", CheckOther: "More about your child",
		CheckGuardian: "Guardian", CheckEmail: "Email", CheckPhone: "Phone", CheckProof: "Letter",
		CheckPromise: "When you send the application, you confirm that the information is correct.",
		ReceiptTitle: "We have received your application", NextTitle: "What happens next?",
		ReceiptNext: []string{
			"We will send you an offer of a place within four months after we got your application.",
			"You answer the offer in the online service or by phoning us.",
		},
		SavedTitle:         "Your answers are saved",
		AccessibilityTitle: "Accessibility statement",
		AccessibilityText: []string{
			"Norrsunda kommun wants everyone to be able to use this online service.",
			"If something does not work for you, you can phone us or write to us. You can also apply on paper.",
		},
		ErrFirst: "Enter your child's first name.", ErrLast: "Enter your child's last name.",
		ErrPnr: "Enter your child's personal identity number.", ErrPnrFormat: "Enter the personal identity number with 12 digits: the date of birth and 4 more digits.",
		ErrPnrCheck: "Check the personal identity number. One of the digits seems to be wrong.",
		ErrDate:     "Enter the date your child will start.", ErrDateReal: "Enter a real date, for example 17 8 2026.",
		ErrDatePast: "Enter a date that has not passed.",
		ErrSchools:  "Choose at least one preschool.", ErrHours: "Choose how many hours a week your child needs to be at preschool.",
		ErrOther: "Use at most 500 characters.",
		ErrName:  "Enter your name.", ErrEmail: "Enter your email address.", ErrEmailFormat: "Enter the email address with an @, for example name@example.com.",
		ErrPhone: "Enter your phone number.", ErrPhoneFormat: "Enter the phone number with digits, for example 070-123 45 67.",
		ErrProofType: "Choose a file of the type PDF, JPG or PNG.", ErrProofSize: "Choose a file of at most 5 MB.",
	},
}

// langs are the languages the service is offered in, in the order the
// language picker shows them.
var langs = []string{"sv", "nb", "en"}
