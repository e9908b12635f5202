package a11y

// KeyboardKey is the Document.Extra key of what a source learned while
// driving a page with the keyboard, besides the focus walk itself (which is
// under FocusKey): the value is a *KeyboardFacts. A source that stores it
// also sets NeedsInteraction in Document.Facts.
const KeyboardKey = "keyboard"

// KeyboardFacts are the results of a keyboard walk that the FocusWalk
// contract has no place for: how a walk that could not go on was stuck, and
// which elements react to the mouse.
type KeyboardFacts struct {
	// Trap describes where the walk got stuck or went round in a circle,
	// and what the source tried to get out; nil when the walk met no such
	// place.
	Trap *KeyboardTrap
	// Presses is how many key presses the walk made.
	Presses int
	// Unmapped counts the elements that received focus but could not be
	// matched to a node of the document (created after the snapshot).
	Unmapped int

	// ClickChecked is true when the source looked for elements that react
	// to pointer clicks; Clickable then lists them.
	ClickChecked bool
	// Clickable lists elements that react to a click or look clickable and
	// that the document's engine does not take as focusable. It never holds
	// html, body or elements inside a focusable element.
	Clickable []*Clickable
	// ClickLimited is true when there were more candidates than the source
	// asked the browser about; the rest were judged by attributes and
	// styles alone.
	ClickLimited bool
}

// Trap kinds, KeyboardTrap.Kind.
const (
	// TrapStuck: the Tab key left focus on the same element.
	TrapStuck = "stuck"
	// TrapCycle: the Tab key moved focus round a group of elements that
	// does not hold the rest of the page.
	TrapCycle = "cycle"
	// TrapModal: the group focus went round is an open modal dialog, where
	// keeping focus is what the dialog should do.
	TrapModal = "modal"
)

// KeyboardTrap is a place where moving on with the Tab key did not lead
// through the rest of the page.
type KeyboardTrap struct {
	// Kind is TrapStuck, TrapCycle or TrapModal.
	Kind string
	// Node is the element focus stayed on (TrapStuck) or the first element
	// of the group (TrapCycle, TrapModal); nil when it could not be matched
	// to the document.
	Node *Node
	// Cycle lists the elements focus went round (TrapCycle, TrapModal).
	Cycle []*Node
	// Dialog is the modal dialog holding the group (TrapModal).
	Dialog *Node
	// Backward is true when Shift+Tab moved focus out of the place.
	Backward bool
	// Escape is true when pressing Escape and then Tab moved focus out.
	Escape bool
}

// Trapped reports whether the trap holds focus whatever standard key the
// user presses: neither Shift+Tab nor Escape and Tab get out, and it is not
// a modal dialog.
func (t *KeyboardTrap) Trapped() bool {
	return t != nil && t.Kind != TrapModal && !t.Backward && !t.Escape
}

// Clickable is an element that reacts to pointer clicks or looks as if it does.
type Clickable struct {
	// Node is the element.
	Node *Node
	// Attribute is true when the element has an event handler attribute
	// (onclick, onmousedown, onmouseup, onpointerdown, onpointerup,
	// ontouchstart, ontouchend).
	Attribute bool
	// Listener is true when the browser reported an event listener for one
	// of Events on the element itself.
	Listener bool
	// Events lists the pointer event types the element listens to.
	Events []string
	// Pointer is true when the element's computed cursor is "pointer"
	// (and its parent's is not).
	Pointer bool
}

// Keyboard returns the document's keyboard facts, or nil when the source
// stored none.
func (d *Document) Keyboard() *KeyboardFacts {
	k, _ := d.Extra[KeyboardKey].(*KeyboardFacts)
	return k
}
