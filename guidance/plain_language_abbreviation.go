package guidance

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// PlainLanguageAbbreviation: acronyms are explained where readers first
// meet them. The rule looks for words written in capitals ("LSS", "FK",
// "SFI", "NAV"), alone or at the head of a compound ("LSS-handläggaren"),
// in the visible text of the whole page (AllTextBlocks), and
// for each one asks whether the page explains it:
//
//   - by an <abbr> or <dfn> element, or any element with a title, whose
//     text is the acronym;
//   - in parentheses, after the words it stands for: "lagen om stöd och
//     service (LSS)", "Färdtjänstnämnden (FTN)";
//   - in parentheses, a dash or "står för", "betyr", "stands for"… after
//     it: "LSS (lagen om stöd och service)", "LSS – lagen om …".
//
// An acronym explained at its first use passes; one explained only later
// on the page is cantTell (readers may give up before the explanation); one
// explained nowhere fails, unless it is the name of an agency or service
// most people know ("CSN", "NAV"), which is cantTell. Acronyms everyone
// knows ("EU", "PDF", "SMS"), Roman numerals, words of more than five
// letters ("KOMMUN") and words in a run of capitals (see
// plain-language-all-caps) are left out. Lower-case abbreviations
// ("t.ex.", "bl.a.") are not acronyms and are left out.
//
// WCAG 3.1.4 Abbreviations (AAA) asks for a way to find the expanded form.
var PlainLanguageAbbreviation = &a11y.Rule{
	ID:       "plain-language-abbreviation",
	WCAG:     []string{"3.1.4"},
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopeText,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{abbrExplained, abbrExplainedLater, abbrFamiliar, abbrUnexplained},
	Tags:     []string{"plain-language"},
	Since:    "0.1.0",
	Run:      runAbbreviation,
}

const (
	abbrExplained      a11y.Msg = "plain-language-abbreviation.explained"
	abbrExplainedLater a11y.Msg = "plain-language-abbreviation.explained-later"
	abbrFamiliar       a11y.Msg = "plain-language-abbreviation.familiar"
	abbrUnexplained    a11y.Msg = "plain-language-abbreviation.unexplained"
)

// Questions of plain-language-abbreviation.
const (
	questionAbbrKnown = "plain-language-abbreviation.known"
	questionAbbrLate  = "plain-language-abbreviation.in-time"
)

// commonAcronyms are acronyms nearly every adult reader in the Nordic
// countries knows; they need no explanation.
var commonAcronyms = map[string]bool{
	"EU": true, "FN": true, "UN": true, "OK": true, "PDF": true, "SMS": true, "MMS": true, "USA": true,
	"TV": true, "IT": true, "CV": true, "ID": true, "PIN": true, "URL": true, "GPS": true, "DVD": true,
	"CD": true, "WC": true, "AB": true, "AS": true, "ASA": true, "AM": true, "PM": true, "UK": true,
	"WWW": true, "HTML": true, "FAQ": true, "QR": true, "NB": true, "PS": true, "JPG": true, "JPEG": true,
	"PNG": true, "DOC": true, "OBS": true, "DOCX": true, "MB": true, "KB": true, "GB": true, "KM": true, "CM": true,
	"MM": true, "KG": true, "SEK": true, "NOK": true, "EUR": true, "USD": true, "DKK": true, "ISK": true, "CO2": true,
}

// familiarAcronyms are names of agencies and services most people in the
// country know by their acronym; whether this service's readers do is a
// question for a person.
var familiarAcronyms = map[string]bool{
	// Sweden
	"CSN": true, "SCB": true, "SMHI": true, "SVT": true, "SJ": true, "SL": true, "BVC": true, "MVC": true,
	"ROT": true, "RUT": true, "SOS": true, "ICA": true, "SAS": true,
	// Norway
	"NAV": true, "NRK": true, "NSB": true, "SFO": true, "UDI": true, "IKT": true, "DNB": true, "BBC": true,
	"NHS": true,
}

// explainAfter matches an explanation right after an acronym.
var explainAfter = regexp.MustCompile(`^\s*(?:` +
	`\(\s*\pL[\pL\pN'’-]{3,}` + // "(lagen om …", "(bostadsanpassningsbidrag)"
	`|[–—-]\s+\pL+\s+\pL+` + // "– lagen om"
	`|[:,]?\s*(?:står för|betyder|är en förkortning (?:för|av)|står for|betyr|er en forkortelse for|er forkortelse for|stands for|means|is short for)\b` +
	`)`)

// isAcronym reports whether w is written like an acronym: at least two
// letters, every letter a capital, digits and hyphens allowed.
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		case unicode.IsDigit(r), r == '-', r == '\u2011':
		default:
			return false
		}
	}
	return letters >= 2 && letters <= maxAcronymLetters && utf8.RuneCountInString(w) <= 8
}

// acronymPart returns the acronym a word is or starts a compound with
// ("LSS", "LSS-handläggaren", "NAV-kontoret"), or "". A code such as a case
// number ("FS-2026-0042") is no compound: the part after the hyphen must
// be a word in lower case.
func acronymPart(w string) string {
	if isAcronym(w) {
		return w
	}
	head, rest, ok := strings.Cut(w, "-")
	if !ok || !isAcronym(head) {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsLower(r) {
		return ""
	}
	return head
}

// maxAcronymLetters is the most letters an acronym has; longer words in
// capitals ("KOMMUN") are words set in capitals, not acronyms.
const maxAcronymLetters = 5

// capsWord reports whether w has letters and all of them are capitals.
// Letters of scripts without case (Arabic, Chinese) are never capitals.
func capsWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

func isRoman(w string) bool {
	return len(w) <= 4 && strings.Trim(w, "IVXLCDM") == ""
}

// explainedAround reports whether the acronym at tokens[i] of text is
// explained in place: in parentheses after the words it stands for, or
// followed by an explanation.
func explainedAround(text string, toks []token, i int) bool {
	t := toks[i]
	if explainAfter.MatchString(text[t.end:]) {
		return true
	}
	before := strings.TrimRightFunc(text[:t.start], unicode.IsSpace)
	after := strings.TrimLeftFunc(text[t.end:], unicode.IsSpace)
	if !strings.HasPrefix(after, ")") {
		return false
	}
	open := strings.LastIndexByte(before, '(')
	if open < 0 || strings.Contains(before[open:], ")") {
		return false
	}
	// A word before the parenthesis (one compound word is enough:
	// "Färdtjänstnämnden (FTN)"), and at most two between it and the
	// acronym ("(förkortat LSS)").
	words := 0
	for _, u := range toks[:i] {
		if u.end <= open {
			words++
		}
	}
	inside := len(tokenize(before[open+1:]))
	return words >= 1 && inside <= 2
}

type acronymUse struct {
	first      int  // index of the block of the first use
	firstOK    bool // explained at the first use
	explained  int  // index of the first block with an explanation, or -1
	firstBlock Block
}

func runAbbreviation(p *a11y.Pass) error {
	blocks := AllTextBlocks(p.Doc)
	uses := map[string]*acronymUse{}
	var order []string
	for bi, b := range blocks {
		toks := tokenize(b.Text)
		for i, t := range toks {
			w := acronymPart(b.Text[t.start:t.end])
			if w == "" || commonAcronyms[w] || isRoman(w) || inCapsRun(b.Text, toks, i) {
				continue
			}
			u := uses[w]
			if u == nil {
				u = &acronymUse{first: bi, explained: -1, firstBlock: b}
				uses[w] = u
				order = append(order, w)
			}
			if explainedAround(b.Text, toks, i) {
				if u.explained < 0 {
					u.explained = bi
				}
				if bi == u.first {
					u.firstOK = true
				}
			}
		}
	}
	if len(order) == 0 {
		return nil
	}
	// Elements that explain an acronym: <abbr>, <dfn>, or any element
	// with a title whose text is the acronym.
	for e := range p.Elements() {
		if e.Namespace != a11y.NamespaceHTML {
			continue
		}
		title := strings.TrimSpace(e.Get("title"))
		if title == "" && !e.Is(atom.Dfn) {
			continue
		}
		u := uses[strings.TrimSpace(e.Text())]
		if u == nil {
			continue
		}
		bi := blockOf(blocks, e)
		if bi < 0 {
			continue
		}
		if u.explained < 0 || bi < u.explained {
			u.explained = bi
		}
		if bi <= u.first {
			u.firstOK = true
		}
	}
	for _, w := range order {
		u := uses[w]
		d := a11y.Data{"abbr": w}
		switch {
		case u.firstOK:
			p.Pass(u.firstBlock.Node, abbrExplained, d)
		case u.explained >= 0:
			p.CantTell(u.firstBlock.Node, abbrExplainedLater, d, a11y.Ask(questionAbbrLate))
		case familiarAcronyms[w]:
			p.CantTell(u.firstBlock.Node, abbrFamiliar, d, a11y.Ask(questionAbbrKnown))
		default:
			p.Fail(u.firstBlock.Node, abbrUnexplained, d)
		}
	}
	return nil
}

// inCapsRun reports whether tokens[i] is one of three or more consecutive
// words in capitals, or one of two where the other is a long word
// ("NORRSUNDA KOMMUN"): text set in capitals, not an acronym.
func inCapsRun(text string, toks []token, i int) bool {
	lo, hi := i, i
	for lo > 0 && capsWord(text[toks[lo-1].start:toks[lo-1].end]) && onlySpace(text[toks[lo-1].end:toks[lo].start]) {
		lo--
	}
	for hi+1 < len(toks) && capsWord(text[toks[hi+1].start:toks[hi+1].end]) && onlySpace(text[toks[hi].end:toks[hi+1].start]) {
		hi++
	}
	switch hi - lo + 1 {
	case 1:
		return false
	case 2:
		for _, t := range toks[lo : hi+1] {
			if utf8.RuneCountInString(text[t.start:t.end]) > maxAcronymLetters {
				return true
			}
		}
		return false
	}
	return true
}

// blockOf returns the index of the first block held by the innermost
// block element around e, or -1 when e's text is not among the blocks.
func blockOf(blocks []Block, e *a11y.Node) int {
	owner := e.ClosestFlat(isBlock)
	for i, b := range blocks {
		if b.Node == owner || owner == nil && b.Node.Contains(e) {
			return i
		}
	}
	return -1
}
