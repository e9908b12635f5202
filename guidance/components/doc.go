// Package components renders accessible, plain-language form components
// for public e-services, with their own texts in many languages: the
// building blocks that make a service pass Delaktig's checks in the first
// place.
//
// # Components
//
// Every component is a plain struct with a Render(w io.Writer, lang
// string) error method, so every component is a Component, and HTML(c,
// lang) returns the markup as template.HTML for the caller's own
// templates. Components are html/template templates embedded in the
// package; every value a caller gives — labels, hints, errors, answers,
// URLs — is escaped.
//
//   - Page: the layout — skip link, lang and dir on <html>, a header with
//     the organisation, the service and a help link, <main>, a footer; the
//     title pattern "Step – Service – Organisation".
//   - Fields: TextInput, Textarea (with a character count),
//     Radios and Checkboxes (fieldset and legend, a hint per option),
//     Select, DateInput (day, month and year fields), PersonalNumber
//     (personnummer / fødselsnummer) and FileUpload. A field's hint and
//     error are tied to it with aria-describedby, and an error sets
//     aria-invalid.
//   - Around the fields: ErrorSummary, StepIndicator, Answers (check your
//     answers), Confirmation (the receipt's case number), Help (phone,
//     e-mail, postal address, opening hours, booking), LanguagePicker,
//     TimeoutWarning, SaveForLater and Saved.
//   - Content: Heading, Paragraph, List, Form, Button and Group.
//
// CSS is the shared style sheet and Script the small script that moves
// focus to the error summary, counts characters and opens the time-out
// warning; every component works without it.
//
// Fields are required unless marked Optional, and optional ones say so in
// their label ("(frivilligt)"). No field has the required attribute and
// forms have novalidate: the server checks the answers and writes errors in
// the page's language, in the field and in the error summary.
//
// # Languages
//
// The components' own texts ("Steg 2 av 4", "Ändra", "Det finns 2 fel")
// come from catalogs embedded as locales/<lang>.json, one per language:
// sv, nb, nn, en, ar, so, ti, pl, ur and fa. Arabic, Urdu and Persian are
// written right to left and pages in them get dir="rtl". Complete returns
// the languages that have every text; Missing lists what a language lacks.
//
// A text a language lacks falls back, key by key, along the language's
// documented fallback chain (Language.Fallback): nynorsk to bokmål, every
// other language to English, which has every text. Fallbacks tells which
// keys fell back to which language, and a component writes such a text
// inside an element whose lang attribute names the language it is really in
// (with dir when the direction differs), as WCAG 3.1.2 Language of Parts
// asks. Where no element can carry a lang attribute — the document title —
// a fallback text is left out rather than mislabelled.
//
// Texts with a number have one form per plural category of the language
// (CLDR rules from golang.org/x/text/feature/plural: Polish has one, few
// and many, Arabic six forms). A text counts as present only when it is
// non-empty, has every form the language's whole numbers need, and uses
// the same placeholders ("{count}") as English.
package components
