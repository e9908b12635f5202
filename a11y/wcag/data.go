package wcag

// This file holds the success-criterion and clause tables. It is kept by hand
// and checked by the package tests (counts per version and level, numeric
// order, and the clause mapping in both directions).
//
// Sources: WCAG 2.0 (2008), WCAG 2.1 (2018, edited 2023), WCAG 2.2 (2023,
// edited 2024) and EN 301 549 V3.2.1 (2021-03) clause 9.

// principles lists the four WCAG principles in order.
var principles = []struct {
	num        string
	en, sv, nb string
}{
	{"1", "Perceivable", "Möjlig att uppfatta", "Mulig å oppfatte"},
	{"2", "Operable", "Hanterbar", "Mulig å betjene"},
	{"3", "Understandable", "Begriplig", "Forståelig"},
	{"4", "Robust", "Robust", "Robust"},
}

// guidelines lists every WCAG 2.2 guideline with its title. Guideline 2.3 was
// called "Seizures" in WCAG 2.0; the later title is used.
var guidelines = []struct{ num, title string }{
	{"1.1", "Text Alternatives"},
	{"1.2", "Time-based Media"},
	{"1.3", "Adaptable"},
	{"1.4", "Distinguishable"},
	{"2.1", "Keyboard Accessible"},
	{"2.2", "Enough Time"},
	{"2.3", "Seizures and Physical Reactions"},
	{"2.4", "Navigable"},
	{"2.5", "Input Modalities"},
	{"3.1", "Readable"},
	{"3.2", "Predictable"},
	{"3.3", "Input Assistance"},
	{"4.1", "Compatible"},
}

// criteria lists every success criterion of WCAG 2.0, 2.1 and 2.2 in numeric
// order. Titles are the WCAG 2.2 ones (2.5.5 was "Target Size" in WCAG 2.1).
// Guideline is filled in from Number when the package is initialised.
var criteria = []Criterion{
	// 1.1 Text Alternatives
	{Number: "1.1.1", Title: "Non-text Content", Level: "A", Version: "2.0"},

	// 1.2 Time-based Media
	{Number: "1.2.1", Title: "Audio-only and Video-only (Prerecorded)", Level: "A", Version: "2.0"},
	{Number: "1.2.2", Title: "Captions (Prerecorded)", Level: "A", Version: "2.0"},
	{Number: "1.2.3", Title: "Audio Description or Media Alternative (Prerecorded)", Level: "A", Version: "2.0"},
	{Number: "1.2.4", Title: "Captions (Live)", Level: "AA", Version: "2.0"},
	{Number: "1.2.5", Title: "Audio Description (Prerecorded)", Level: "AA", Version: "2.0"},
	{Number: "1.2.6", Title: "Sign Language (Prerecorded)", Level: "AAA", Version: "2.0"},
	{Number: "1.2.7", Title: "Extended Audio Description (Prerecorded)", Level: "AAA", Version: "2.0"},
	{Number: "1.2.8", Title: "Media Alternative (Prerecorded)", Level: "AAA", Version: "2.0"},
	{Number: "1.2.9", Title: "Audio-only (Live)", Level: "AAA", Version: "2.0"},

	// 1.3 Adaptable
	{Number: "1.3.1", Title: "Info and Relationships", Level: "A", Version: "2.0"},
	{Number: "1.3.2", Title: "Meaningful Sequence", Level: "A", Version: "2.0"},
	{Number: "1.3.3", Title: "Sensory Characteristics", Level: "A", Version: "2.0"},
	{Number: "1.3.4", Title: "Orientation", Level: "AA", Version: "2.1"},
	{Number: "1.3.5", Title: "Identify Input Purpose", Level: "AA", Version: "2.1"},
	{Number: "1.3.6", Title: "Identify Purpose", Level: "AAA", Version: "2.1"},

	// 1.4 Distinguishable
	{Number: "1.4.1", Title: "Use of Color", Level: "A", Version: "2.0"},
	{Number: "1.4.2", Title: "Audio Control", Level: "A", Version: "2.0"},
	{Number: "1.4.3", Title: "Contrast (Minimum)", Level: "AA", Version: "2.0"},
	{Number: "1.4.4", Title: "Resize Text", Level: "AA", Version: "2.0"},
	{Number: "1.4.5", Title: "Images of Text", Level: "AA", Version: "2.0"},
	{Number: "1.4.6", Title: "Contrast (Enhanced)", Level: "AAA", Version: "2.0"},
	{Number: "1.4.7", Title: "Low or No Background Audio", Level: "AAA", Version: "2.0"},
	{Number: "1.4.8", Title: "Visual Presentation", Level: "AAA", Version: "2.0"},
	{Number: "1.4.9", Title: "Images of Text (No Exception)", Level: "AAA", Version: "2.0"},
	{Number: "1.4.10", Title: "Reflow", Level: "AA", Version: "2.1"},
	{Number: "1.4.11", Title: "Non-text Contrast", Level: "AA", Version: "2.1"},
	{Number: "1.4.12", Title: "Text Spacing", Level: "AA", Version: "2.1"},
	{Number: "1.4.13", Title: "Content on Hover or Focus", Level: "AA", Version: "2.1"},

	// 2.1 Keyboard Accessible
	{Number: "2.1.1", Title: "Keyboard", Level: "A", Version: "2.0"},
	{Number: "2.1.2", Title: "No Keyboard Trap", Level: "A", Version: "2.0"},
	{Number: "2.1.3", Title: "Keyboard (No Exception)", Level: "AAA", Version: "2.0"},
	{Number: "2.1.4", Title: "Character Key Shortcuts", Level: "A", Version: "2.1"},

	// 2.2 Enough Time
	{Number: "2.2.1", Title: "Timing Adjustable", Level: "A", Version: "2.0"},
	{Number: "2.2.2", Title: "Pause, Stop, Hide", Level: "A", Version: "2.0"},
	{Number: "2.2.3", Title: "No Timing", Level: "AAA", Version: "2.0"},
	{Number: "2.2.4", Title: "Interruptions", Level: "AAA", Version: "2.0"},
	{Number: "2.2.5", Title: "Re-authenticating", Level: "AAA", Version: "2.0"},
	{Number: "2.2.6", Title: "Timeouts", Level: "AAA", Version: "2.1"},

	// 2.3 Seizures and Physical Reactions
	{Number: "2.3.1", Title: "Three Flashes or Below Threshold", Level: "A", Version: "2.0"},
	{Number: "2.3.2", Title: "Three Flashes", Level: "AAA", Version: "2.0"},
	{Number: "2.3.3", Title: "Animation from Interactions", Level: "AAA", Version: "2.1"},

	// 2.4 Navigable
	{Number: "2.4.1", Title: "Bypass Blocks", Level: "A", Version: "2.0"},
	{Number: "2.4.2", Title: "Page Titled", Level: "A", Version: "2.0"},
	{Number: "2.4.3", Title: "Focus Order", Level: "A", Version: "2.0"},
	{Number: "2.4.4", Title: "Link Purpose (In Context)", Level: "A", Version: "2.0"},
	{Number: "2.4.5", Title: "Multiple Ways", Level: "AA", Version: "2.0"},
	{Number: "2.4.6", Title: "Headings and Labels", Level: "AA", Version: "2.0"},
	{Number: "2.4.7", Title: "Focus Visible", Level: "AA", Version: "2.0"},
	{Number: "2.4.8", Title: "Location", Level: "AAA", Version: "2.0"},
	{Number: "2.4.9", Title: "Link Purpose (Link Only)", Level: "AAA", Version: "2.0"},
	{Number: "2.4.10", Title: "Section Headings", Level: "AAA", Version: "2.0"},
	{Number: "2.4.11", Title: "Focus Not Obscured (Minimum)", Level: "AA", Version: "2.2"},
	{Number: "2.4.12", Title: "Focus Not Obscured (Enhanced)", Level: "AAA", Version: "2.2"},
	{Number: "2.4.13", Title: "Focus Appearance", Level: "AAA", Version: "2.2"},

	// 2.5 Input Modalities
	{Number: "2.5.1", Title: "Pointer Gestures", Level: "A", Version: "2.1"},
	{Number: "2.5.2", Title: "Pointer Cancellation", Level: "A", Version: "2.1"},
	{Number: "2.5.3", Title: "Label in Name", Level: "A", Version: "2.1"},
	{Number: "2.5.4", Title: "Motion Actuation", Level: "A", Version: "2.1"},
	{Number: "2.5.5", Title: "Target Size (Enhanced)", Level: "AAA", Version: "2.1"},
	{Number: "2.5.6", Title: "Concurrent Input Mechanisms", Level: "AAA", Version: "2.1"},
	{Number: "2.5.7", Title: "Dragging Movements", Level: "AA", Version: "2.2"},
	{Number: "2.5.8", Title: "Target Size (Minimum)", Level: "AA", Version: "2.2"},

	// 3.1 Readable
	{Number: "3.1.1", Title: "Language of Page", Level: "A", Version: "2.0"},
	{Number: "3.1.2", Title: "Language of Parts", Level: "AA", Version: "2.0"},
	{Number: "3.1.3", Title: "Unusual Words", Level: "AAA", Version: "2.0"},
	{Number: "3.1.4", Title: "Abbreviations", Level: "AAA", Version: "2.0"},
	{Number: "3.1.5", Title: "Reading Level", Level: "AAA", Version: "2.0"},
	{Number: "3.1.6", Title: "Pronunciation", Level: "AAA", Version: "2.0"},

	// 3.2 Predictable
	{Number: "3.2.1", Title: "On Focus", Level: "A", Version: "2.0"},
	{Number: "3.2.2", Title: "On Input", Level: "A", Version: "2.0"},
	{Number: "3.2.3", Title: "Consistent Navigation", Level: "AA", Version: "2.0"},
	{Number: "3.2.4", Title: "Consistent Identification", Level: "AA", Version: "2.0"},
	{Number: "3.2.5", Title: "Change on Request", Level: "AAA", Version: "2.0"},
	{Number: "3.2.6", Title: "Consistent Help", Level: "A", Version: "2.2"},

	// 3.3 Input Assistance
	{Number: "3.3.1", Title: "Error Identification", Level: "A", Version: "2.0"},
	{Number: "3.3.2", Title: "Labels or Instructions", Level: "A", Version: "2.0"},
	{Number: "3.3.3", Title: "Error Suggestion", Level: "AA", Version: "2.0"},
	{Number: "3.3.4", Title: "Error Prevention (Legal, Financial, Data)", Level: "AA", Version: "2.0"},
	{Number: "3.3.5", Title: "Help", Level: "AAA", Version: "2.0"},
	{Number: "3.3.6", Title: "Error Prevention (All)", Level: "AAA", Version: "2.0"},
	{Number: "3.3.7", Title: "Redundant Entry", Level: "A", Version: "2.2"},
	{Number: "3.3.8", Title: "Accessible Authentication (Minimum)", Level: "AA", Version: "2.2"},
	{Number: "3.3.9", Title: "Accessible Authentication (Enhanced)", Level: "AAA", Version: "2.2"},

	// 4.1 Compatible
	{Number: "4.1.1", Title: "Parsing", Level: "A", Version: "2.0", Obsolete: true},
	{Number: "4.1.2", Title: "Name, Role, Value", Level: "A", Version: "2.0"},
	{Number: "4.1.3", Title: "Status Messages", Level: "AA", Version: "2.1"},
}

// noteParsing explains how clause 9.4.1.1 relates to WCAG 2.2.
const noteParsing = "WCAG 2.2 removed SC 4.1.1 and the 2023 edition of WCAG 2.1 says to treat it as always satisfied " +
	"for HTML and XML content; EN 301 549 V3.2.1 still lists the clause"

// noteConformance explains clause 9.6, the one clause without a success criterion.
const noteConformance = "WCAG 2.1 level AA conformance requirements (full pages, complete processes, " +
	"accessibility-supported technologies, non-interference); no single success criterion"

// clauses lists the requirements of EN 301 549 V3.2.1 clause 9 that apply to
// web pages: one clause per WCAG 2.1 level A and AA success criterion, in
// numeric order, followed by 9.6. Titles are the standard's own (sentence
// case, British spelling, "Focus Order" as printed). Clauses the standard
// marks "Void" (the level AAA criteria) and the informative 9.0 and 9.5 are
// not listed.
var clauses = []Clause{
	{ID: "9.1.1.1", Title: "Non-text content", SC: "1.1.1"},
	{ID: "9.1.2.1", Title: "Audio-only and video-only (pre-recorded)", SC: "1.2.1"},
	{ID: "9.1.2.2", Title: "Captions (pre-recorded)", SC: "1.2.2"},
	{ID: "9.1.2.3", Title: "Audio description or media alternative (pre-recorded)", SC: "1.2.3"},
	{ID: "9.1.2.4", Title: "Captions (live)", SC: "1.2.4"},
	{ID: "9.1.2.5", Title: "Audio description (pre-recorded)", SC: "1.2.5"},
	{ID: "9.1.3.1", Title: "Info and relationships", SC: "1.3.1"},
	{ID: "9.1.3.2", Title: "Meaningful sequence", SC: "1.3.2"},
	{ID: "9.1.3.3", Title: "Sensory characteristics", SC: "1.3.3"},
	{ID: "9.1.3.4", Title: "Orientation", SC: "1.3.4"},
	{ID: "9.1.3.5", Title: "Identify input purpose", SC: "1.3.5"},
	{ID: "9.1.4.1", Title: "Use of colour", SC: "1.4.1"},
	{ID: "9.1.4.2", Title: "Audio control", SC: "1.4.2"},
	{ID: "9.1.4.3", Title: "Contrast (minimum)", SC: "1.4.3"},
	{ID: "9.1.4.4", Title: "Resize text", SC: "1.4.4"},
	{ID: "9.1.4.5", Title: "Images of text", SC: "1.4.5"},
	{ID: "9.1.4.10", Title: "Reflow", SC: "1.4.10"},
	{ID: "9.1.4.11", Title: "Non-text contrast", SC: "1.4.11"},
	{ID: "9.1.4.12", Title: "Text spacing", SC: "1.4.12"},
	{ID: "9.1.4.13", Title: "Content on hover or focus", SC: "1.4.13"},
	{ID: "9.2.1.1", Title: "Keyboard", SC: "2.1.1"},
	{ID: "9.2.1.2", Title: "No keyboard trap", SC: "2.1.2"},
	{ID: "9.2.1.4", Title: "Character key shortcuts", SC: "2.1.4"},
	{ID: "9.2.2.1", Title: "Timing adjustable", SC: "2.2.1"},
	{ID: "9.2.2.2", Title: "Pause, stop, hide", SC: "2.2.2"},
	{ID: "9.2.3.1", Title: "Three flashes or below threshold", SC: "2.3.1"},
	{ID: "9.2.4.1", Title: "Bypass blocks", SC: "2.4.1"},
	{ID: "9.2.4.2", Title: "Page titled", SC: "2.4.2"},
	{ID: "9.2.4.3", Title: "Focus Order", SC: "2.4.3"},
	{ID: "9.2.4.4", Title: "Link purpose (in context)", SC: "2.4.4"},
	{ID: "9.2.4.5", Title: "Multiple ways", SC: "2.4.5"},
	{ID: "9.2.4.6", Title: "Headings and labels", SC: "2.4.6"},
	{ID: "9.2.4.7", Title: "Focus visible", SC: "2.4.7"},
	{ID: "9.2.5.1", Title: "Pointer gestures", SC: "2.5.1"},
	{ID: "9.2.5.2", Title: "Pointer cancellation", SC: "2.5.2"},
	{ID: "9.2.5.3", Title: "Label in name", SC: "2.5.3"},
	{ID: "9.2.5.4", Title: "Motion actuation", SC: "2.5.4"},
	{ID: "9.3.1.1", Title: "Language of page", SC: "3.1.1"},
	{ID: "9.3.1.2", Title: "Language of parts", SC: "3.1.2"},
	{ID: "9.3.2.1", Title: "On focus", SC: "3.2.1"},
	{ID: "9.3.2.2", Title: "On input", SC: "3.2.2"},
	{ID: "9.3.2.3", Title: "Consistent navigation", SC: "3.2.3"},
	{ID: "9.3.2.4", Title: "Consistent identification", SC: "3.2.4"},
	{ID: "9.3.3.1", Title: "Error identification", SC: "3.3.1"},
	{ID: "9.3.3.2", Title: "Labels or instructions", SC: "3.3.2"},
	{ID: "9.3.3.3", Title: "Error suggestion", SC: "3.3.3"},
	{ID: "9.3.3.4", Title: "Error prevention (legal, financial, data)", SC: "3.3.4"},
	{ID: "9.4.1.1", Title: "Parsing", SC: "4.1.1", Note: noteParsing},
	{ID: "9.4.1.2", Title: "Name, role, value", SC: "4.1.2"},
	{ID: "9.4.1.3", Title: "Status messages", SC: "4.1.3"},
	{ID: "9.6", Title: "WCAG conformance requirements", Note: noteConformance},
}
