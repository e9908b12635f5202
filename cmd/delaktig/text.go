package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/locale"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/delaktig/delaktig/guidance"
	"github.com/delaktig/delaktig/guidance/readability"
	nethtml "golang.org/x/net/html"
	"golang.org/x/text/language"
)

func init() {
	register(&command{
		name:    "text",
		args:    "[flags] FILE|-",
		summary: "readability and plain-language report for a text or an HTML page",
		run:     runText,
	})
}

const textAbout = `Reads a plain text or an HTML page (a file, or - for standard input) and
reports how easy it is to read: LIX, sentence length, formal words,
unexplained abbreviations, vague links and error messages. For an HTML page
it also measures the form: questions, choices, uploads and the time it takes.
A file is read as HTML when its name ends in .html or .htm, or when it starts
with "<"; otherwise as plain text, with paragraphs separated by blank lines.`

// textOptions is the text command's configuration, from its flags.
type textOptions struct {
	lang     string // report language
	textLang string // language of the text, "" to use the page's or guess
	// langGiven says --lang was given: a plain text whose language cannot
	// be guessed is then taken to be in the report's language.
	langGiven bool
	format    string
	failOn    a11y.Impact
	opts      guidance.Options
}

func runText(ctx context.Context, s *stdio, args []string) int {
	fs := newFlags(s, commands["text"], textAbout)
	lang := fs.String("lang", defaultLang(), "language of the report: sv, nb or en; the default comes from DELAKTIG_LANG or LANG")
	format := fs.String("format", "text", "output format: text or json")
	textLang := fs.String("text-lang", "", "language the text is written in (sv, nb, en…), when the page does not say; guessed when empty, and for a plain text that cannot be guessed the --lang given")
	maxLIX := fs.Float64("max-lix", guidance.DefaultOptions().MaxLIX, "highest LIX accepted for a text meant for everyone")
	maxWords := fs.Int("max-sentence-words", guidance.DefaultOptions().MaxSentenceWords, "longest sentence accepted, in words")
	failOn := fs.String("fail-on", "any", "exit 1 only for failures at least this serious: critical, serious, moderate, minor or any")
	pos, code, ok := parseCommand(s, fs, args)
	if !ok {
		return code
	}
	o, err := textConfig(*lang, *format, *textLang, *failOn, *maxLIX, *maxWords)
	if err == nil {
		fs.Visit(func(f *flag.Flag) { o.langGiven = o.langGiven || f.Name == "lang" })
		switch {
		case len(pos) == 0:
			err = usagef("no text given: name a file, or - for standard input, for example: delaktig text ansokan.html")
		case len(pos) > 1:
			err = usagef("text reads one file at a time (got %d); run it once per file", len(pos))
		}
	}
	if err != nil {
		s.errorf("%v", err)
		return exitCode(err)
	}
	return textReport(ctx, s, o, pos[0])
}

// textConfig validates the flags.
func textConfig(lang, format, textLang, failOn string, maxLIX float64, maxWords int) (*textOptions, error) {
	o := &textOptions{format: format, opts: guidance.DefaultOptions()}
	var err error
	if o.lang, err = parseLang(lang); err != nil {
		return nil, err
	}
	if format != "text" && format != "json" {
		return nil, usagef("unknown --format %q: use text or json", format)
	}
	if textLang = strings.TrimSpace(textLang); textLang != "" {
		if _, err := language.Parse(textLang); err != nil {
			return nil, usagef("unknown --text-lang %q: use a language code such as sv, nb or en", textLang)
		}
		o.textLang = textLang
	}
	if failOn != "any" {
		if o.failOn, err = a11y.ParseImpact(failOn); err != nil {
			return nil, usagef("unknown --fail-on %q: use critical, serious, moderate, minor or any", failOn)
		}
	}
	if !(maxLIX > 0 && maxLIX < 1000) {
		return nil, usagef("--max-lix must be a number above 0, for example --max-lix 40")
	}
	if maxWords < 1 {
		return nil, usagef("--max-sentence-words must be at least 1, for example --max-sentence-words 20")
	}
	o.opts.MaxLIX = maxLIX
	o.opts.MaxSentenceWords = maxWords
	return o, nil
}

// textInput is a text read into a document.
type textInput struct {
	name    string
	doc     *a11y.Document
	isHTML  bool
	text    string             // the plain text, for plain input
	paras   map[*a11y.Node]int // paragraph numbers of plain input
	lang    string             // language of the text
	guessed bool               // lang was guessed
}

// readText reads a file or standard input.
func readText(s *stdio, name string) ([]byte, error) {
	if name == "-" {
		return readLimited(s.in)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, &loadError{name, pathError(err)}
	}
	defer f.Close()
	b, err := readLimited(f)
	if err != nil {
		return nil, &loadError{name, err}
	}
	return b, nil
}

// looksHTML reports whether input is an HTML page rather than plain text.
func looksHTML(name string, b []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return true
	case ".txt", ".md", ".text":
		return false
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(t) > 0 && t[0] == '<'
}

var blankLine = regexp.MustCompile(`\n[ \t\r]*\n`)

// plainPage turns a plain text into a page: a paragraph per block of
// lines separated by a blank line, lines kept, the text escaped.
func plainPage(text, lang string) string {
	var b strings.Builder
	b.WriteString("<!doctype html><html")
	if lang != "" {
		b.WriteString(` lang="` + html.EscapeString(lang) + `"`)
	}
	b.WriteString("><head><title></title></head><body><main>")
	for _, para := range blankLine.Split(strings.ReplaceAll(text, "\r\n", "\n"), -1) {
		if strings.TrimSpace(para) == "" {
			continue
		}
		lines := strings.Split(strings.TrimSpace(para), "\n")
		for i, l := range lines {
			lines[i] = html.EscapeString(l)
		}
		b.WriteString("<p>" + strings.Join(lines, "<br>") + "</p>")
	}
	b.WriteString("</main></body></html>")
	return b.String()
}

func loadText(s *stdio, o *textOptions, name string) (*textInput, error) {
	b, err := readText(s, name)
	if err != nil {
		return nil, err
	}
	b = decode(b, "")
	display := name
	if name == "-" {
		display = "stdin"
	}
	in := &textInput{name: display, isHTML: looksHTML(name, b)}
	if in.isHTML {
		doc, err := a11y.FromHTML(bytes.NewReader(b), display)
		if err != nil {
			return nil, &loadError{name, err}
		}
		if guidance.DeclaredLang(doc) == "" && o.textLang != "" {
			if h := doc.HTML(); h != nil {
				h.Attr = append(h.Attr, nethtml.Attribute{Key: "lang", Val: o.textLang})
				doc.Index()
			}
		}
		in.doc = doc
		in.lang = guidance.DeclaredLang(doc)
		if in.lang == "" {
			in.lang, _ = readability.GuessLang(guidance.PageText(doc))
			in.guessed = in.lang != ""
		}
		return in, nil
	}
	in.text = string(b)
	in.lang = o.textLang
	if in.lang == "" {
		var conf float64
		in.lang, conf = readability.GuessLang(in.text)
		in.guessed = in.lang != ""
		if in.lang == "" && conf > 0 && o.langGiven {
			// The text has function words of the languages the guesser
			// knows, but too few to choose (a short text is often bokmål
			// and nynorsk alike): take it to be in the language the
			// reader asked the report in.
			in.lang = o.lang
		}
	}
	doc, err := a11y.FromHTMLString(plainPage(in.text, in.lang), display)
	if err != nil {
		return nil, &loadError{name, err}
	}
	in.doc = doc
	in.paras = map[*a11y.Node]int{}
	n := 0
	for p := range doc.Elements() {
		if p.Data == "p" {
			n++
			in.paras[p] = n
		}
	}
	return in, nil
}

// textRules returns the rules for an input: every guidance rule for a
// page; for a plain text, the rules about the text itself, without the
// ones about the lang attribute a plain text cannot have.
func textRules(o *textOptions, isHTML bool) []*a11y.Rule {
	all := guidance.RulesWithOptions(o.opts)
	if isHTML {
		return all
	}
	var out []*a11y.Rule
	for _, r := range all {
		if r.Scope == a11y.ScopeText && r.ID != guidance.PlainLanguagePageLang.ID && r.ID != guidance.PlainLanguagePassageLang.ID {
			out = append(out, r)
		}
	}
	return out
}

func textReport(ctx context.Context, s *stdio, o *textOptions, name string) int {
	in, err := loadText(s, o, name)
	if err != nil {
		var le *loadError
		if !errors.As(err, &le) {
			err = &loadError{name, err}
		}
		s.errorf("%v", err)
		return exitLoad
	}
	res, err := a11y.Check(ctx, in.doc, a11y.WithRules(textRules(o, in.isHTML)...), a11y.WithLocale(o.lang))
	if err != nil && res == nil {
		s.errorf("%v", err)
		return exitUsage
	}
	if err != nil {
		res.Errors = append(res.Errors, err)
	}
	var stats *readability.Stats
	if in.isHTML {
		stats = guidance.Readability(in.doc)
		if stats != nil && stats.Lang == "" && in.lang != "" {
			stats = guidance.TextReadability(guidance.PageText(in.doc), in.lang)
		}
	} else {
		stats = guidance.TextReadability(in.text, in.lang)
	}
	page := report.NewPage(in.doc, res)
	if stats != nil {
		page.Readability = stats
	}
	var cx *guidance.Complexity
	if in.isHTML {
		c := guidance.PageComplexity(in.doc)
		cx = &c
		page.Complexity = cx
	}
	r := report.Build(page)
	r.Generated = time.Now().UTC().Truncate(time.Second)
	switch o.format {
	case "json":
		err = report.WriteJSON(s.out, r, report.Options{Lang: o.lang})
	default:
		err = writeTextReport(s.out, o, in, stats, cx, res.Findings)
	}
	if err != nil {
		s.errorf("write report: %v", err)
		return exitUsage
	}
	if r.Failures(o.failOn) > 0 {
		return exitFailures
	}
	return exitOK
}

// writeTextReport writes the report for people, in o.lang. Text from the
// input is cleaned so that it cannot control the terminal.
func writeTextReport(w io.Writer, o *textOptions, in *textInput, st *readability.Stats, cx *guidance.Complexity, fs []a11y.Finding) error {
	cat := locale.For(o.lang)
	ui := func(key string, data map[string]any) string { return cat.UIText(key, data) }
	var b strings.Builder
	line := func(indent int, s string) {
		b.WriteString(strings.Repeat("  ", indent) + s + "\n")
	}
	line(0, ui("text.heading", nil))
	line(0, ui("text.source", map[string]any{"name": report.Clean(in.name)}))
	switch {
	case in.lang == "":
		line(0, ui("text.lang-unknown", nil))
	case in.guessed:
		line(0, ui("text.lang-guessed", map[string]any{"lang": report.Clean(in.lang)}))
	default:
		line(0, ui("text.lang", map[string]any{"lang": report.Clean(in.lang)}))
	}
	b.WriteByte('\n')
	line(0, ui("text.readability", nil))
	if st == nil {
		line(1, ui("text.no-text", nil))
	} else {
		line(1, ui("text.words", map[string]any{"n": st.Words}))
		line(1, ui("text.sentences", map[string]any{"n": st.Sentences}))
		line(1, ui("text.lix", map[string]any{"lix": oneDecimal(st.LIX, cat.Lang), "level": ui("text.lix-level."+st.LIXLevel, nil)}))
		line(1, ui("text.long-sentences", map[string]any{"n": st.LongSentences}))
		line(1, ui("text.mean-sentence", map[string]any{"n": oneDecimal(st.MeanSentenceWords, cat.Lang)}))
		if st.StyleOK {
			line(1, ui("text.passive", map[string]any{"n": st.PassiveSentences}))
		}
	}
	if cx != nil && cx.Fields > 0 {
		b.WriteByte('\n')
		line(0, ui("text.complexity", nil))
		line(1, ui("text.fields", map[string]any{"n": cx.Fields, "required": cx.Required}))
		line(1, ui("text.choices", map[string]any{"n": cx.Choices}))
		line(1, ui("text.free-text", map[string]any{"n": cx.FreeText}))
		line(1, ui("text.uploads", map[string]any{"n": cx.Uploads}))
		line(1, ui("text.known-info", map[string]any{"n": cx.KnownInfo}))
		line(1, ui("text.time", map[string]any{"minutes": int(math.Ceil(float64(cx.Seconds) / 60))}))
		line(1, ui("text.score", map[string]any{"score": cx.Score, "level": ui("text.level."+cx.Level, nil)}))
		for _, r := range cx.Reasons {
			line(2, "- "+report.Clean(r.Text(o.lang)))
		}
	}
	b.WriteByte('\n')
	line(0, ui("text.findings", nil))
	counts := map[a11y.Outcome]int{}
	for _, f := range fs {
		counts[f.Outcome]++
		if f.Outcome != a11y.Failed && f.Outcome != a11y.CantTell {
			continue
		}
		mark := "✗"
		if f.Outcome == a11y.CantTell {
			mark = "?"
		}
		line(1, fmt.Sprintf("%s %s — %s (%s)", mark, cat.Outcome(f.Outcome.String()), cat.Title(f.Rule), f.Rule))
		line(2, report.Clean(where(cat, in, f)))
		line(2, report.Clean(f.Message))
		if f.Question != "" {
			line(2, ui("report.question", map[string]any{"question": cat.Question(f.Question)}))
		}
	}
	if counts[a11y.Failed]+counts[a11y.CantTell] == 0 {
		line(1, ui("text.no-findings", nil))
	}
	b.WriteByte('\n')
	var sum []string
	for _, oc := range []a11y.Outcome{a11y.Failed, a11y.CantTell, a11y.Passed} {
		sum = append(sum, ui("report.count."+oc.String(), map[string]any{"n": counts[oc]}))
	}
	line(0, strings.Join(sum, " · "))
	_, err := io.WriteString(w, b.String())
	return err
}

// where names the place of a finding: the paragraph of a plain text, the
// element of a page, or the whole text.
func where(cat *locale.Catalog, in *textInput, f a11y.Finding) string {
	if in.paras != nil {
		if n, ok := in.paras[f.Node]; ok {
			return cat.UIText("text.paragraph", map[string]any{"n": n})
		}
		return cat.UIText("text.whole", nil)
	}
	if f.Node == nil || f.Node == in.doc.HTML() || f.Selector == "" {
		return cat.UIText("text.whole", nil)
	}
	return f.Selector
}

// oneDecimal formats f with at most one decimal, with a decimal comma in
// Swedish and Norwegian.
func oneDecimal(f float64, lang string) string {
	s := strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
	if lang == "sv" || lang == "nb" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
