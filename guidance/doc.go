// Package guidance checks the language and the burden of public e-services:
// whether people can read the text, understand the errors and links, get help
// another way, and finish the form in reasonable time.
//
// It has three parts.
//
// Rules (Rules, RulesWithOptions) run on the same a11y.Rule / a11y.Pass model
// as the accessibility rules, so their findings appear in the same report.
// The plain-language-… rules look at the visible text of a page: the text of
// <main>, or of <body> when there is no <main>, without hidden or
// aria-hidden content (see TextBlocks). The inclusion-… rules look at the
// whole page for what municipalities ask of their services: a way to get help
// other than the web form, help in other languages, and time limits people
// can extend. Rules without a WCAG success criterion carry the tag
// "plain-language" or "inclusion" and an empty WCAG list.
//
// Measures (Readability, PageComplexity, FlowComplexity) give the numbers a
// report shows for a page and for a whole flow: pages[].readability,
// pages[].complexity and flow.complexity in the schema-1 report.
//
// Facts (Facts, PageFacts) describe a page for the flow rules that compare
// steps: where help is, whether a step indicator is shown, which fields are
// asked. The inclusion-contact rule exports them with a11y.Pass.Export.
//
// Word lists of bureaucratic words with plainer alternatives, for Swedish,
// Norwegian bokmål and English, are embedded from words/*.tsv (see WordList
// and FindWords).
//
// Texts come from audited pages and are hostile: every function accepts any
// document or string without panicking, and findings carry page text only
// as message data, which report writers escape.
package guidance
