package a11y

// ErrorStateKey is the Document.Extra key of an error state: the value is an
// *ErrorState, and the document is the page as it was after a source
// submitted one of its forms wrongly on purpose (empty, or with values of
// the wrong form). A source that stores it also sets NeedsInteraction.
// Flow rules can tell these explored states from the steps of the flow by
// this key.
const ErrorStateKey = "error-state"

// Error passes, ErrorState.Pass.
const (
	// ErrorPassEmpty: the form was sent with its text fields emptied and
	// its check boxes cleared.
	ErrorPassEmpty = "empty"
	// ErrorPassInvalid: fields that expect a certain form (e-mail address,
	// telephone number, number, URL, a pattern) were given text that does
	// not have it; the other fields were left empty.
	ErrorPassInvalid = "invalid"
)

// Reactions of the page to the submission, ErrorState.Reaction.
const (
	// ReactionReloaded: a new document was loaded (the server answered).
	ReactionReloaded = "reloaded"
	// ReactionUpdated: the same document changed (a script answered).
	ReactionUpdated = "updated"
	// ReactionNative: the browser's own constraint validation stopped the
	// submission and showed its own message.
	ReactionNative = "native"
	// ReactionNone: nothing visible happened.
	ReactionNone = "none"
)

// ErrorState is what a page showed after one of its forms was submitted
// wrongly, compared with the page just before the submission.
type ErrorState struct {
	// Pass is ErrorPassEmpty or ErrorPassInvalid.
	Pass string
	// Submitted says how the form was sent: "button" (a click on its
	// submit button), "enter" (Enter in its first text field), "click" (a
	// click on an element outside the form that looks like the way on) or
	// "script" (the form's requestSubmit, when nothing else worked).
	Submitted string
	// Reaction is ReactionReloaded, ReactionUpdated, ReactionNative or
	// ReactionNone.
	Reaction string
	// Form is the form in this document, when it could be found.
	Form *Node
	// Fields lists the form's fields the source emptied or filled, and
	// every other field that shows an error.
	Fields []*ErrorField
	// Summary is an element listing the errors (with links to the fields,
	// or named and styled as an error summary), when there is one.
	Summary *Node
	// Focus is the element that had focus after the submission (nil: none).
	Focus *Node
	// Announced lists live regions (role alert or status, aria-live) that
	// got text after the submission; after a new document was loaded,
	// elements with role alert that hold text.
	Announced []*Node
	// Title is the document's title; TitleChanged is true when it differs
	// from the title before the submission.
	Title        string
	TitleChanged bool
}

// ErrorField is one form field of an error state.
type ErrorField struct {
	// Node is the field in this document.
	Node *Node
	// Value is what the source typed ("" when it emptied the field; never
	// a value from the flow or the environment).
	Value string
	// Required is true when the field is marked as required (required,
	// aria-required, or an asterisk or required word in its label,
	// placeholder or row).
	Required bool
	// Typed is true when the source gave the field a value of the wrong form.
	Typed bool
	// Invalid is true when the field has aria-invalid other than "false".
	Invalid bool
	// NativeInvalid is true when the browser's constraint validation took
	// the field as invalid.
	NativeInvalid bool
	// Restyled is true when the field's border, background, outline or
	// text colour changed with the submission.
	Restyled bool
	// Messages lists visible elements near the field (in its row or its
	// label) whose text appeared with the submission.
	Messages []*Node
	// Tied lists the elements aria-describedby or aria-errormessage names
	// that hold text that appeared or was shown with the submission.
	Tied []*Node
	// InSummary is true when the error summary links to the field or
	// names it.
	InSummary bool
}

// ShowsError reports whether anything on the page marks the field as wrong.
func (f *ErrorField) ShowsError() bool {
	return f != nil && (f.Invalid || f.Restyled || len(f.Messages) > 0 || len(f.Tied) > 0 || f.InSummary)
}

// ErrorState returns the document's error state, or nil when the document is
// not an explored error state.
func (d *Document) ErrorState() *ErrorState {
	e, _ := d.Extra[ErrorStateKey].(*ErrorState)
	return e
}
