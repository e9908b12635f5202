package guidance

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// FlowTiming: time limits in the flow can be turned off, adjusted or
// extended (WCAG 2.2.1 Timing Adjustable). An e-service that ends the
// session while someone reads, looks up a document or types slowly loses
// what they entered and makes them start again.
//
// The rule looks at the whole flow:
//
//   - a <meta http-equiv="refresh"> with a delay between 1 second and 20
//     hours on any step reloads or leaves the page on its own; the steps
//     that have one fail, in one finding (cantTell when the page also has a
//     control to get more time: whether it stops the refresh is unknown);
//   - text that tells of a time limit ("Du loggas ut efter 20 minuter",
//     "Sessionen avslutas efter 20 minuters inaktivitet", "Økten utløper",
//     "Your session will expire") is cantTell, asking whether people are
//     warned and can extend the time — unless some step has a control to
//     get more time ("Förläng", "Forleng", "Extend", "Mer tid") or the flow
//     met a dialog about the time limit, which passes.
//
// Refreshes of 0 seconds are redirects, not time limits, and delays above
// 20 hours fall under WCAG's 20-hour exception. A flow without any sign of a
// time limit is inapplicable. The page rules meta-refresh and
// inclusion-time-limit judge each page; this rule gives the flow's answer.
var FlowTiming = &a11y.Rule{
	ID:       "flow-timing",
	WCAG:     []string{"2.2.1"},
	EN301549: []string{"9.2.2.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeFlow,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{timingExtendable, timingRefresh, timingRefreshExtend, timingSession},
	Tags:     []string{"timing", "process"},
	Since:    flowSince,
	RunFlow:  runFlowTiming,
}

const (
	timingExtendable    a11y.Msg = "flow-timing.extendable"
	timingRefresh       a11y.Msg = "flow-timing.refresh"
	timingRefreshExtend a11y.Msg = "flow-timing.refresh-extend"
	timingSession       a11y.Msg = "flow-timing.session"
)

// questionCanExtend asks whether people are warned and can get more time.
const questionCanExtend = "flow-timing.can-extend"

// maxRefresh is WCAG 2.2.1's 20-hour exception, in seconds.
const maxRefresh = 20 * 60 * 60

var (
	// timeLimitText matches text about a time limit (lower case).
	timeLimitText = regexp.MustCompile(`(?:` +
		// sv
		`session(?:en)? (?:går ut|löper ut|avslutas|upphör|stängs)|(?:blir|loggas) (?:automatiskt )?(?:utloggad|ut)\b|` +
		`utloggad efter|minuter(?:s)? (?:utan aktivitet|inaktivitet|av inaktivitet)|` +
		`(?:inte gör något|är inaktiv)[^.]{0,40}(?:\d+|en|två|tre) (?:minuter|timm(?:e|ar))|` +
		// nb
		`økt(?:en)? (?:din )?(?:utløper|avsluttes|går ut)|(?:blir|logges) (?:automatisk )?(?:logget ut|utlogget|ut)\b|` +
		`tidsavbrudd|minutter (?:uten aktivitet|inaktivitet)|` +
		// en
		`session (?:will )?(?:expire|expires|time out|times out|end|ends)|session has expired|timed out|` +
		`(?:logged|signed) out (?:automatically|after)|minutes of inactivity|` +
		// a limit with its length
		`(?:tidsgräns|tidsgrense|time limit)[^.]{0,20}\d+ ?(?:minut|min\b|timm|time|hour)` +
		`)`)
	// minutesText finds the length of a time limit.
	minutesText = regexp.MustCompile(`(\d{1,4})\s*(?:minut|min\b)`)
	// moreTimeText matches the name of a control that gives more time.
	moreTimeText = regexp.MustCompile(`förläng|mer tid|fortsätt vara inloggad|stanna kvar|forleng|forbli innlogget|fortsett økten|extend|more time|stay (?:logged|signed) in|keep me (?:logged|signed) in|continue (?:the )?session`)
)

// timeLimitHints are words every text timeLimitText matches holds; the
// pattern is costly and most paragraphs have none of them.
var timeLimitHints = []string{"session", "logg", "minut", "timm", "økt", "timed out", "signed out", "tidsavbrudd", "tidsgr", "time limit"}

// mayTellTimeLimit reports whether lower-case text may tell of a time limit.
func mayTellTimeLimit(low string) bool {
	for _, h := range timeLimitHints {
		if strings.Contains(low, h) {
			return true
		}
	}
	return false
}

// timingSign is a sign of a time limit on one page.
type timingSign struct {
	page    int
	node    *a11y.Node
	seconds int    // meta refresh delay
	text    string // time limit text
	minutes int
}

func runFlowTiming(p *a11y.FlowPass) error {
	var refreshes, texts []timingSign
	extendOn := map[int]bool{}
	for i := range p.Pages {
		doc := flowDoc(p.Pages, i)
		if doc == nil {
			continue
		}
		if moreTimeControl(doc) {
			extendOn[i] = true
		}
		for m := range doc.Elements(atom.Meta) {
			if !strings.EqualFold(strings.TrimSpace(m.Get("http-equiv")), "refresh") {
				continue
			}
			if secs, ok := metaRefreshDelay(m.Get("content")); ok && secs > 0 && secs <= maxRefresh {
				refreshes = append(refreshes, timingSign{page: i, node: m, seconds: secs})
				break
			}
		}
		for _, b := range AllTextBlocks(doc) {
			low := strings.ToLower(b.Text)
			if !mayTellTimeLimit(low) || !timeLimitText.MatchString(low) {
				continue
			}
			s := timingSign{page: i, node: b.Node, text: startOf(b.Text)}
			if m := minutesText.FindStringSubmatch(low); m != nil {
				s.minutes, _ = strconv.Atoi(m[1])
			}
			texts = append(texts, s)
			break
		}
	}
	dialogWarns := false
	for _, d := range metaDialogs(p.Meta) {
		low := strings.ToLower(d.Message)
		if mayTellTimeLimit(low) && timeLimitText.MatchString(low) || moreTimeText.MatchString(low) {
			dialogWarns = true
		}
	}

	// Refreshes: one finding for the steps without a control, one for those with.
	var plain, withControl []timingSign
	for _, r := range refreshes {
		if extendOn[r.page] {
			withControl = append(withControl, r)
		} else {
			plain = append(plain, r)
		}
	}
	if len(plain) > 0 {
		p.Fail(plain[0].page, plain[0].node, timingRefresh, refreshData(p, plain))
	}
	if len(withControl) > 0 {
		p.CantTell(withControl[0].page, withControl[0].node, timingRefreshExtend, refreshData(p, withControl), a11y.Ask(questionCanExtend))
	}

	if len(texts) == 0 {
		return nil
	}
	var steps []string
	for _, t := range texts {
		steps = append(steps, stepName(p.Pages, t.page))
	}
	d := a11y.Data{"steps": joinNames(steps), "text": texts[0].text, "step": stepName(p.Pages, texts[0].page), "count": len(texts)}
	if texts[0].minutes > 0 {
		d["minutes"] = texts[0].minutes
	}
	if len(extendOn) > 0 || dialogWarns {
		p.Pass(texts[0].page, texts[0].node, timingExtendable, d)
		return nil
	}
	p.CantTell(texts[0].page, texts[0].node, timingSession, d, a11y.Ask(questionCanExtend))
	return nil
}

// refreshData describes the refreshes of a flow for a message.
func refreshData(p *a11y.FlowPass, rs []timingSign) a11y.Data {
	var steps []string
	least := rs[0].seconds
	for _, r := range rs {
		steps = append(steps, stepName(p.Pages, r.page))
		least = min(least, r.seconds)
	}
	return a11y.Data{"steps": joinNames(steps), "seconds": least, "count": len(rs), "step": stepName(p.Pages, rs[0].page)}
}

// moreTimeControl reports whether a page has a shown control that gives
// more time.
func moreTimeControl(doc *a11y.Document) bool {
	for e := range doc.Elements() {
		if !e.Is(atom.Button, atom.A, atom.Input) && doc.Role(e) != "button" && doc.Role(e) != "link" {
			continue
		}
		if !flowVisible(doc, e) {
			continue
		}
		if moreTimeText.MatchString(strings.ToLower(doc.Name(e))) {
			return true
		}
	}
	return false
}

// metaRefreshDelay reads the delay of a meta refresh content value ("30",
// "1200;url=/start").
func metaRefreshDelay(content string) (int, bool) {
	s := strings.TrimSpace(content)
	end := 0
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end == 0 || end > 9 {
		return 0, false
	}
	n, err := strconv.Atoi(s[:end])
	return n, err == nil
}
