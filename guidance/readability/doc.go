// Package readability measures how easy a text is to read, for the plain
// language checks of Delaktig. It knows Swedish (sv), Norwegian bokmål (nb)
// and nynorsk (nn), Danish (da) and English (en).
//
// The building blocks are sentence and word segmentation (Sentences, Words)
// that know the abbreviations, numbers, dates, headings and list items of
// Nordic public-sector text, and a language guess (GuessLang). Analyze
// combines them into one Stats value:
//
//   - LIX (Björnsson 1968), with the LIXLevel bands;
//   - OVIX, word variation (Hultman and Westman 1977);
//   - Flesch reading ease (Flesch 1948) and Flesch–Kincaid grade (Kincaid et
//     al. 1975), for English only;
//   - mean sentence length, the share of sentences over 25 words and mean
//     word length;
//   - passive constructions and nominal style, by word-list heuristics.
//
// Every formula is documented, with its source, on the function that
// computes it. The package is pure computation: no I/O, no global state
// after initialisation, safe for concurrent use.
//
// Texts come from audited pages and may be hostile or malformed. Every
// function accepts any string, including invalid UTF-8, without panicking,
// and every Stats encodes as JSON (no NaN or infinity).
package readability
