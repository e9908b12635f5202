// Package examples serves an example Swedish municipal e-service, "Ansök om
// parkeringstillstånd för rörelsehindrade" from the fictional Norrsunda kommun,
// in two variants side by side, together with flow files that walk it.
//
// The e-service has five pages: a start page with information, personal
// details (Personuppgifter), questions about the application (Om ansökan), a
// page to check the answers (Kontrollera dina svar) and a receipt with a case
// number (Kvittens). [Handler] serves:
//
//	/                 a short index linking both variants
//	/tillganglig/     the accessible variant
//	/otillganglig/    the inaccessible variant
//
// The accessible variant is what Delaktig asks of a service: a language,
// a descriptive title per step, a skip link and landmarks, one h1 per page, a
// step indicator, a label and autocomplete token for every field, hints and
// errors tied to their fields, radio buttons grouped in fieldsets, an error
// summary that takes focus, good contrast and visible focus, plain Swedish, the
// same help block on every page, and no question asked twice.
//
// The inaccessible variant is built with mistakes vendors really make: no page
// language, the same title on every page, no landmarks or headings, fields
// with only a placeholder, images without text alternatives, grey text on
// white, a div with onclick as the only way to the next step, radio buttons
// without a group, no autocomplete, a positive tabindex, errors shown by a red
// border and "Ogiltigt värde" only, "Klicka här" links, a page refresh that
// ends the session, zoom turned off, a fixed page width, tiny targets, focus
// outlines removed, bureaucratic Swedish, a rigid format for the personal
// identity number, and that number asked for a second time. It can still be
// completed with valid values, so a flow can walk it from start to receipt.
//
// Both variants keep the answers on the server, in memory, per session cookie,
// and move between steps with POST-redirect-GET. Every value a user enters is
// escaped by html/template before it is written back.
//
// [FlowFS] holds one flow file per variant (flows/tillganglig.yaml and
// flows/otillganglig.yaml) in the format described in Delaktig's design. Their
// start URL is http://127.0.0.1:8080/<variant>/; a caller serving [Handler]
// elsewhere replaces it with the real address.
package examples
