package checker

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/cdp/jsonv2"
	"github.com/chromedp/cdproto/domsnapshot"
)

// captureSnapshot is DOMSnapshot.captureSnapshot with its answer decoded by
// snapshotResult. The answer for a large page is megabytes of JSON, almost
// all of it arrays of numbers (20 MB for 58 000 elements): the general
// decoder takes 0.3 s on it, growing each array by reflection and allocating
// each rectangle and each style list on its own; snapshotResult takes 0.12 s
// (BenchmarkSnapshotDecode).
var captureSnapshot = cdp.Command[domsnapshot.CaptureSnapshotParams, snapshotResult]{
	Method: domsnapshot.CommandCaptureSnapshot,
}

// snapshotResult is a domsnapshot.CaptureSnapshotResult that decodes itself:
// arrays of numbers are read from their raw text in one pass, arrays of
// arrays share one backing array (each inner slice is capped at its own
// length, so appending to one never writes into the next), and the string
// table is one string that every entry slices. The value is the one the
// general decoder gives (the tests compare them on captured pages and on
// arbitrary input); members it does not know are skipped.
type snapshotResult domsnapshot.CaptureSnapshotResult

// UnmarshalJSONFrom decodes the result from dec.
func (r *snapshotResult) UnmarshalJSONFrom(dec *jsonv2.Decoder) error {
	*r = snapshotResult{}
	return readObject(dec, func(name string) error {
		switch name {
		case "documents":
			return readList(dec, &r.Documents, func() (*domsnapshot.DocumentSnapshot, error) {
				d := &domsnapshot.DocumentSnapshot{}
				return d, readDocument(dec, d)
			})
		case "strings":
			s, err := readStrings(dec)
			r.Strings = s
			return err
		}
		return dec.SkipValue()
	})
}

// errSnapshotJSON reports a value of the wrong kind in the answer.
var errSnapshotJSON = errors.New("checker: the snapshot's JSON is not shaped as expected")

// readObject reads an object (null leaves nothing to read), calling member
// for each name; member reads the value.
func readObject(dec *jsonv2.Decoder, member func(name string) error) error {
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	switch tok.Kind() {
	case 'n':
		return nil
	case '{':
	default:
		return fmt.Errorf("%w: want an object at %s", errSnapshotJSON, dec.StackPointer())
	}
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil {
			return err
		}
		if err := member(tok.String()); err != nil {
			return err
		}
	}
	_, err = dec.ReadToken()
	return err
}

// readList reads an array (null: nil) whose items item reads.
func readList[T any](dec *jsonv2.Decoder, out *[]T, item func() (T, error)) error {
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	switch tok.Kind() {
	case 'n':
		*out = nil
		return nil
	case '[':
	default:
		return fmt.Errorf("%w: want an array at %s", errSnapshotJSON, dec.StackPointer())
	}
	list := []T{}
	for dec.PeekKind() != ']' {
		v, err := item()
		if err != nil {
			return err
		}
		list = append(list, v)
	}
	*out = list
	_, err = dec.ReadToken()
	return err
}

// readDocument reads one document of the snapshot into d.
func readDocument(dec *jsonv2.Decoder, d *domsnapshot.DocumentSnapshot) error {
	return readObject(dec, func(name string) error {
		switch name {
		case "documentURL":
			return readIndex(dec, &d.DocumentURL)
		case "title":
			return readIndex(dec, &d.Title)
		case "baseURL":
			return readIndex(dec, &d.BaseURL)
		case "contentLanguage":
			return readIndex(dec, &d.ContentLanguage)
		case "encodingName":
			return readIndex(dec, &d.EncodingName)
		case "publicId":
			return readIndex(dec, &d.PublicID)
		case "systemId":
			return readIndex(dec, &d.SystemID)
		case "frameId":
			return readIndex(dec, &d.FrameID)
		case "nodes":
			return readPointer(dec, &d.Nodes, readNodes)
		case "layout":
			return readPointer(dec, &d.Layout, readLayout)
		case "textBoxes":
			return readPointer(dec, &d.TextBoxes, readTextBoxes)
		case "scrollOffsetX":
			return jsonv2.UnmarshalDecode(dec, &d.ScrollOffsetX)
		case "scrollOffsetY":
			return jsonv2.UnmarshalDecode(dec, &d.ScrollOffsetY)
		case "contentWidth":
			return jsonv2.UnmarshalDecode(dec, &d.ContentWidth)
		case "contentHeight":
			return jsonv2.UnmarshalDecode(dec, &d.ContentHeight)
		}
		return dec.SkipValue()
	})
}

// readPointer reads an object into a new T (null: nil).
func readPointer[T any](dec *jsonv2.Decoder, out **T, read func(*jsonv2.Decoder, *T) error) error {
	if dec.PeekKind() == 'n' {
		*out = nil
		_, err := dec.ReadToken()
		return err
	}
	v := new(T)
	*out = v
	return read(dec, v)
}

// readNodes reads the DOM tree table.
func readNodes(dec *jsonv2.Decoder, n *domsnapshot.NodeTreeSnapshot) error {
	size := 0 // one item per node in every array: the first gives the length of the nested ones
	return readObject(dec, func(name string) error {
		var err error
		switch name {
		case "parentIndex":
			n.ParentIndex, err = readInts[int64](dec)
		case "nodeType":
			n.NodeType, err = readInts[int64](dec)
		case "nodeName":
			n.NodeName, err = readInts[domsnapshot.StringIndex](dec)
		case "nodeValue":
			n.NodeValue, err = readInts[domsnapshot.StringIndex](dec)
		case "backendNodeId":
			n.BackendNodeID, err = readInts[cdp.BackendNodeID](dec)
		case "attributes":
			n.Attributes, err = readIntLists[domsnapshot.ArrayOfStrings](dec, size)
		case "shadowRootType":
			return readPointer(dec, &n.ShadowRootType, readRareStrings)
		case "textValue":
			return readPointer(dec, &n.TextValue, readRareStrings)
		case "inputValue":
			return readPointer(dec, &n.InputValue, readRareStrings)
		case "inputChecked":
			return readPointer(dec, &n.InputChecked, readRareBooleans)
		case "optionSelected":
			return readPointer(dec, &n.OptionSelected, readRareBooleans)
		case "contentDocumentIndex":
			return readPointer(dec, &n.ContentDocumentIndex, readRareIntegers)
		case "pseudoType":
			return readPointer(dec, &n.PseudoType, readRareStrings)
		case "pseudoIdentifier":
			return readPointer(dec, &n.PseudoIdentifier, readRareStrings)
		case "isClickable":
			return readPointer(dec, &n.IsClickable, readRareBooleans)
		case "currentSourceURL":
			return readPointer(dec, &n.CurrentSourceURL, readRareStrings)
		case "originURL":
			return readPointer(dec, &n.OriginURL, readRareStrings)
		default:
			return dec.SkipValue()
		}
		if size == 0 {
			size = max(len(n.ParentIndex), len(n.NodeType), len(n.NodeName))
		}
		return err
	})
}

// readLayout reads the layout tree table.
func readLayout(dec *jsonv2.Decoder, l *domsnapshot.LayoutTreeSnapshot) error {
	size := 0 // one item per layout object in every array but the rare data
	return readObject(dec, func(name string) error {
		var err error
		switch name {
		case "nodeIndex":
			l.NodeIndex, err = readInts[int64](dec)
		case "styles":
			l.Styles, err = readIntLists[domsnapshot.ArrayOfStrings](dec, size)
		case "bounds":
			l.Bounds, err = readRects(dec, size)
		case "text":
			l.Text, err = readInts[domsnapshot.StringIndex](dec)
		case "stackingContexts":
			return readPointer(dec, &l.StackingContexts, readRareBooleans)
		case "paintOrders":
			l.PaintOrders, err = readInts[int64](dec)
		case "offsetRects":
			l.OffsetRects, err = readRects(dec, size)
		case "scrollRects":
			l.ScrollRects, err = readRects(dec, size)
		case "clientRects":
			l.ClientRects, err = readRects(dec, size)
		case "blendedBackgroundColors":
			l.BlendedBackgroundColors, err = readInts[domsnapshot.StringIndex](dec)
		case "textColorOpacities":
			l.TextColorOpacities, err = readFloats(dec)
		default:
			return dec.SkipValue()
		}
		if size == 0 {
			size = max(len(l.NodeIndex), len(l.Styles), len(l.Bounds))
		}
		return err
	})
}

// readTextBoxes reads the table of inline text boxes.
func readTextBoxes(dec *jsonv2.Decoder, t *domsnapshot.TextBoxSnapshot) error {
	size := 0 // one item per text box in every array
	return readObject(dec, func(name string) error {
		var err error
		switch name {
		case "layoutIndex":
			t.LayoutIndex, err = readInts[int64](dec)
		case "bounds":
			t.Bounds, err = readRects(dec, size)
		case "start":
			t.Start, err = readInts[int64](dec)
		case "length":
			t.Length, err = readInts[int64](dec)
		default:
			return dec.SkipValue()
		}
		if size == 0 {
			size = max(len(t.LayoutIndex), len(t.Bounds))
		}
		return err
	})
}

// readRareStrings, readRareBooleans and readRareIntegers read the tables of
// values only some nodes have: the nodes' indexes and, but for booleans,
// their values.
func readRareStrings(dec *jsonv2.Decoder, r *domsnapshot.RareStringData) error {
	return readRare(dec, &r.Index, &r.Value)
}

func readRareBooleans(dec *jsonv2.Decoder, r *domsnapshot.RareBooleanData) error {
	return readRare[int64](dec, &r.Index, nil)
}

func readRareIntegers(dec *jsonv2.Decoder, r *domsnapshot.RareIntegerData) error {
	return readRare(dec, &r.Index, &r.Value)
}

// readRare reads {"index": [...], "value": [...]} into index and value
// (nil: a value member is skipped).
func readRare[V ~int64](dec *jsonv2.Decoder, index *[]int64, value *[]V) error {
	return readObject(dec, func(name string) error {
		var err error
		switch {
		case name == "index":
			*index, err = readInts[int64](dec)
		case name == "value" && value != nil:
			*value, err = readInts[V](dec)
		default:
			return dec.SkipValue()
		}
		return err
	})
}

// readIndex reads one number into a string index.
func readIndex(dec *jsonv2.Decoder, out *domsnapshot.StringIndex) error {
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	if v.Kind() == 'n' {
		return nil
	}
	n, err := parseInt(v)
	if err != nil {
		return fmt.Errorf("%w at %s: %w", errSnapshotJSON, dec.StackPointer(), err)
	}
	*out = domsnapshot.StringIndex(n)
	return nil
}

// rawArray reads the next value, which must be an array or null (false),
// and returns a numCursor just inside it.
func rawArray(dec *jsonv2.Decoder) (numCursor, bool, error) {
	v, err := dec.ReadValue()
	if err != nil {
		return numCursor{}, false, err
	}
	switch v.Kind() {
	case 'n':
		return numCursor{}, false, nil
	case '[':
		return numCursor{b: v, i: 1}, true, nil
	}
	return numCursor{}, false, fmt.Errorf("%w: want an array at %s", errSnapshotJSON, dec.StackPointer())
}

// readInts reads an array of integers.
func readInts[T ~int64](dec *jsonv2.Decoder) ([]T, error) {
	return readNumbers(dec, appendInts[T])
}

// readFloats reads an array of numbers.
func readFloats(dec *jsonv2.Decoder) ([]float64, error) {
	return readNumbers(dec, appendFloats)
}

// readIntLists reads an array of arrays of integers.
func readIntLists[L ~[]int64](dec *jsonv2.Decoder, size int) ([]L, error) {
	return readNested[int64, L](dec, size, appendInts[int64])
}

// readRects reads an array of rectangles (arrays of numbers).
func readRects(dec *jsonv2.Decoder, size int) ([]domsnapshot.Rectangle, error) {
	return readNested[float64, domsnapshot.Rectangle](dec, size, appendFloats)
}

// readNumbers reads an array of numbers, which add appends to a slice with
// room for all of them.
func readNumbers[E any](dec *jsonv2.Decoder, add func(*numCursor, []E) ([]E, error)) ([]E, error) {
	c, ok, err := rawArray(dec)
	if !ok {
		return nil, err
	}
	out, err := add(&c, make([]E, 0, c.numbers()))
	if err != nil {
		return nil, fmt.Errorf("%w at %s: %w", errSnapshotJSON, dec.StackPointer(), err)
	}
	return out, nil
}

// readNested reads an array of arrays of numbers (or nulls), whose numbers
// add appends to one backing array; each inner slice is capped at its own
// length.
func readNested[E any, L ~[]E](dec *jsonv2.Decoder, size int, add func(*numCursor, []E) ([]E, error)) ([]L, error) {
	c, ok, err := rawArray(dec)
	if !ok {
		return nil, err
	}
	all := make([]E, 0, c.numbers())
	lists, err := readLists(&c, size, func(c *numCursor) (L, error) {
		start := len(all)
		more, err := add(c, all)
		if err != nil {
			return nil, err
		}
		all = more
		return L(all[start:len(all):len(all)]), nil
	})
	if err != nil {
		return nil, fmt.Errorf("%w in %s: %w", errSnapshotJSON, dec.StackPointer(), err)
	}
	return lists, nil
}

// readLists reads the items of the array at c, each an array that list
// reads or null.
func readLists[L any](c *numCursor, size int, list func(*numCursor) (L, error)) ([]L, error) {
	out := make([]L, 0, size)
	for {
		switch c.item() {
		case ']':
			return out, nil
		case 'n':
			c.i += len("null")
			var zero L
			out = append(out, zero)
		case '[':
			c.i++
			l, err := list(c)
			if err != nil {
				return nil, err
			}
			out = append(out, l)
		default:
			return nil, errors.New("want an array")
		}
	}
}

// appendInts appends the integers of the array c is inside of to out and
// leaves c after the array.
func appendInts[T ~int64](c *numCursor, out []T) ([]T, error) {
	b := c.b
	for c.item() != ']' {
		// plain digits are read in place; anything else goes to parseInt
		i := c.i
		neg := b[i] == '-'
		if neg {
			i++
		}
		start := i
		var n int64
		for ; i < len(b) && i-start < 18; i++ {
			d := b[i] - '0'
			if d > 9 {
				break
			}
			n = n*10 + int64(d)
		}
		if i == start || i < len(b) && isNumberByte(b[i]) {
			var err error
			if n, err = parseInt(c.number()); err != nil {
				return nil, err
			}
		} else {
			c.i = i
			if neg {
				n = -n
			}
		}
		out = append(out, T(n))
	}
	c.i++
	return out, nil
}

// appendFloats appends the numbers of the array c is inside of to out and
// leaves c after the array.
func appendFloats(c *numCursor, out []float64) ([]float64, error) {
	for c.item() != ']' {
		f, err := parseFloat(c.number())
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	c.i++
	return out, nil
}

// numCursor walks JSON text of arrays that the decoder has already checked,
// so that only the kinds of items need checking: the text is well formed.
type numCursor struct {
	b []byte
	i int
}

// item skips space and a comma and returns the first byte of the next
// item, or ']' at the end of the array.
func (c *numCursor) item() byte {
	for c.i < len(c.b) {
		switch b := c.b[c.i]; b {
		case ' ', '\t', '\n', '\r', ',':
			c.i++
		default:
			return b
		}
	}
	return ']'
}

// number returns the text of the number at the numCursor (empty when the item
// is not a number) and moves past it.
func (c *numCursor) number() []byte {
	start := c.i
	for c.i < len(c.b) && isNumberByte(c.b[c.i]) {
		c.i++
	}
	return c.b[start:c.i]
}

// numbers counts the numbers in the rest of the text, to size the slice
// that receives them.
func (c *numCursor) numbers() int {
	n := 0
	in := false
	for _, b := range c.b[c.i:] {
		num := isNumberByte(b)
		if num && !in {
			n++
		}
		in = num
	}
	return n
}

func isNumberByte(b byte) bool {
	return b >= '0' && b <= '9' || b == '-' || b == '.' || b == 'e' || b == 'E' || b == '+'
}

// parseInt reads a JSON number that must be an integer in int64's range
// (appendInts reads plain digits itself and leaves the rest to it).
func parseInt(b []byte) (int64, error) {
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("want an integer, got %.40q", b)
	}
	return n, nil
}

// pow10 holds the powers of ten a float64 represents exactly.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseFloat reads a JSON number. Plain decimals of at most 15 digits are
// worked out directly: the digits make an exact integer and dividing it by
// an exact power of ten rounds once, as a full parse does. Anything else
// (an exponent, more digits) goes to strconv.
func parseFloat(b []byte) (float64, error) {
	neg := len(b) > 0 && b[0] == '-'
	digits := b
	if neg {
		digits = b[1:]
	}
	var mant uint64
	n, frac := 0, -1
	for _, c := range digits {
		switch {
		case c >= '0' && c <= '9':
			mant = mant*10 + uint64(c-'0')
			n++
			if frac >= 0 {
				frac++
			}
		case c == '.' && frac < 0:
			frac = 0
		default:
			goto slow
		}
	}
	if n > 0 && n <= 15 && frac != 0 {
		f := float64(mant)
		if frac > 0 {
			f /= pow10[frac]
		}
		if neg {
			f = -f
		}
		return f, nil
	}
slow:
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, fmt.Errorf("want a number, got %.40q", b)
	}
	return f, nil
}

// readStrings reads the string table. Strings without escapes and with
// valid UTF-8 (nearly all) are copied as they are into one buffer; the
// others are unquoted by the decoder's rules. Every entry is then a slice
// of one string.
func readStrings(dec *jsonv2.Decoder) ([]string, error) {
	tok, err := dec.ReadToken()
	if err != nil {
		return nil, err
	}
	switch tok.Kind() {
	case 'n':
		return nil, nil
	case '[':
	default:
		return nil, fmt.Errorf("%w: want an array at %s", errSnapshotJSON, dec.StackPointer())
	}
	var buf []byte
	var ends []int
	for dec.PeekKind() != ']' {
		if dec.PeekKind() != '"' {
			return nil, fmt.Errorf("%w: want a string at %s", errSnapshotJSON, dec.StackPointer())
		}
		v, err := dec.ReadValue()
		if err != nil {
			return nil, err
		}
		text := v[1 : len(v)-1]
		if bytes.IndexByte(text, '\\') < 0 && utf8.Valid(text) {
			buf = append(buf, text...)
		} else {
			var s string
			if err := jsonv2.Unmarshal(v, &s, dec.Options()); err != nil {
				return nil, fmt.Errorf("%w at %s: %w", errSnapshotJSON, dec.StackPointer(), err)
			}
			buf = append(buf, s...)
		}
		ends = append(ends, len(buf))
	}
	if _, err := dec.ReadToken(); err != nil {
		return nil, err
	}
	all := string(buf)
	out := make([]string, len(ends))
	start := 0
	for i, end := range ends {
		out[i] = all[start:end]
		start = end
	}
	return out, nil
}
