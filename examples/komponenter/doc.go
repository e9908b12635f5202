// Package komponenter is an example e-service built only from the
// components of package guidance/components: "Ansök om plats i förskola"
// (apply for a preschool place) for the fictional Norrsunda kommun, in
// Swedish, with Norwegian bokmål and English a click away in the language
// picker.
//
// The service has a start page, four steps — the child, the preschool, the
// guardian, and check your answers — and a receipt with a case number.
// Every page has the same header, help block and footer; every step has a
// step indicator, a time-out warning and "Spara och fortsätt senare". The
// server checks every answer and shows what is wrong in an error summary
// and at each field, in the page's language. Answers are kept in memory per
// session cookie, and steps move on with POST-redirect-GET.
//
// [Handler] serves the service; [FlowFS] holds a flow file in the format of
// Delaktig's design (flows/forskola.yaml) that walks it from the start page
// through a page with errors to the receipt. Its start URL is
// http://127.0.0.1:8080/; a caller serving [Handler] elsewhere replaces it.
package komponenter
