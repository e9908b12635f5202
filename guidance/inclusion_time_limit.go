package guidance

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// InclusionTimeLimit: time limits can be extended. Many e-services end the
// session after some minutes without activity, and people who read slowly,
// use assistive technology or must fetch a paper lose what they entered.
// The rule looks for signs of a time limit:
//
//   - a <meta http-equiv="refresh"> with a delay (the meta-refresh rule
//     judges the markup; this rule asks whether users are warned);
//   - text about a session that ends ("Du loggas ut efter 20 minuter",
//     "Økten din utløper", "Your session will expire").
//
// When the page also has a control to get more time ("Förläng", "Forleng
// økten", "Extend", "Mer tid") the rule passes; otherwise it is cantTell,
// asking a person whether users are warned and can extend the time. Pages
// without any sign are inapplicable.
//
// WCAG 2.2.1 Timing Adjustable.
var InclusionTimeLimit = &a11y.Rule{
	ID:       "inclusion-time-limit",
	WCAG:     []string{"2.2.1"},
	EN301549: []string{"9.2.2.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopePage,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{timeLimitExtendable, timeLimitRefresh, timeLimitSession},
	Tags:     []string{"inclusion", "timing"},
	Since:    "0.1.0",
	Run:      runTimeLimit,
}

const (
	timeLimitExtendable a11y.Msg = "inclusion-time-limit.extendable"
	timeLimitRefresh    a11y.Msg = "inclusion-time-limit.refresh"
	timeLimitSession    a11y.Msg = "inclusion-time-limit.session"
)

// questionTimeLimit asks whether users are warned and can extend the time.
const questionTimeLimit = "inclusion-time-limit.can-extend"

// sessionText matches text about a time limit (lower case).
var sessionText = regexp.MustCompile(`(?:` +
	// sv
	`sessionen (?:går ut|löper ut|avslutas|upphör)|din session|du (?:blir|loggas) (?:automatiskt )?utloggad|` +
	`loggas (?:automatiskt )?ut|utloggad efter|tidsgräns|efter \d+ minuter? (?:utan aktivitet|av inaktivitet)|inaktiv i \d+ minuter|` +
	// nb
	`økten (?:din )?(?:utløper|avsluttes|går ut)|du blir (?:automatisk )?logget ut|logges (?:automatisk )?ut|` +
	`tidsavbrudd|etter \d+ minutter uten aktivitet|inaktiv i \d+ minutter|` +
	// en
	`session (?:will )?(?:expire|time out|times out|end)|session has expired|timed out|time limit|` +
	`(?:logged|signed) out (?:automatically|after)|after \d+ minutes of inactivity` +
	`)`)

// extendText matches the text of a control that gives more time (lower case).
var extendText = regexp.MustCompile(`förläng|mer tid|fortsätt vara inloggad|stanna kvar|forleng|forbli innlogget|fortsett økten|extend|more time|stay (?:logged|signed) in|keep me (?:logged|signed) in|continue session`)

func runTimeLimit(p *a11y.Pass) error {
	if p.Doc.Body() == nil {
		return nil
	}
	extendable := false
	for e := range p.Elements() {
		if !e.Is(atom.Button, atom.A, atom.Input) && p.Role(e) != "button" {
			continue
		}
		if p.Hidden(e) {
			continue
		}
		if extendText.MatchString(strings.ToLower(p.Name(e))) {
			extendable = true
			break
		}
	}
	for m := range p.Elements(atom.Meta) {
		if !strings.EqualFold(strings.TrimSpace(m.Get("http-equiv")), "refresh") {
			continue
		}
		secs, ok := refreshDelay(m.Get("content"))
		if !ok || secs == 0 {
			continue
		}
		if extendable {
			p.Pass(m, timeLimitExtendable)
		} else {
			p.CantTell(m, timeLimitRefresh, a11y.Data{"seconds": secs}, a11y.Ask(questionTimeLimit))
		}
	}
	for _, b := range AllTextBlocks(p.Doc) {
		low := strings.ToLower(b.Text)
		if !sessionText.MatchString(low) {
			continue
		}
		if extendable {
			p.Pass(b.Node, timeLimitExtendable)
		} else {
			p.CantTell(b.Node, timeLimitSession, a11y.Data{"text": startOf(b.Text)}, a11y.Ask(questionTimeLimit))
		}
		break
	}
	return nil
}

// refreshDelay reads the delay of a meta refresh content value ("30",
// "300; url=/logout").
func refreshDelay(content string) (int, bool) {
	s := strings.TrimSpace(content)
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.') {
		end++
	}
	if end == 0 {
		return 0, false
	}
	f, err := strconv.ParseFloat(s[:end], 64)
	if err != nil || f < 0 || f > 1e9 {
		return 0, false
	}
	return int(f), true
}
