package checker

import (
	"bytes"
	"encoding/json"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"sync"

	"github.com/delaktig/delaktig/a11y"
)

// Mask replaces secret values (password fields, values taken from the
// environment) in everything the checker returns.
const Mask = "••••"

// minMaskLen is the shortest secret replaced wherever it occurs in text;
// shorter ones are only replaced where they are a whole value (a field's
// value, an attribute), so that masking "1" does not garble a page.
const minMaskLen = 4

// Secrets are the values a flow took from the environment. The checker masks
// them in every document (text, attributes, field values, generated
// content, URL), finding, error message and screenshot it returns. A nil
// *Secrets masks nothing. It is safe for concurrent use.
type Secrets struct {
	mu   sync.RWMutex
	vals []string
}

// Add records a secret value. Empty values are ignored.
func (s *Secrets) Add(v string) {
	if s == nil || v == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, have := range s.vals {
		if have == v {
			return
		}
	}
	s.vals = append(s.vals, v)
	// longest first, so that a secret containing another is masked whole
	for i := len(s.vals) - 1; i > 0 && len(s.vals[i]) > len(s.vals[i-1]); i-- {
		s.vals[i], s.vals[i-1] = s.vals[i-1], s.vals[i]
	}
}

// Len returns the number of secrets recorded.
func (s *Secrets) Len() int {
	if s == nil {
		return 0
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.vals)
}

func (s *Secrets) list() []string {
	if s == nil {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return append([]string(nil), s.vals...)
}

// Mask returns text with every secret replaced by Mask.
func (s *Secrets) Mask(text string) string {
	for _, v := range s.list() {
		if text == v {
			return Mask
		}
		if len(v) >= minMaskLen && strings.Contains(text, v) {
			text = strings.ReplaceAll(text, v, Mask)
		}
	}
	return text
}

// MaskError returns err with its message masked; errors.Is and errors.As
// still see the original chain.
func (s *Secrets) MaskError(err error) error {
	if err == nil || s.Len() == 0 {
		return err
	}
	msg := err.Error()
	if m := s.Mask(msg); m != msg {
		return &maskedError{msg: m, err: err}
	}
	return err
}

type maskedError struct {
	msg string
	err error
}

func (e *maskedError) Error() string { return e.msg }
func (e *maskedError) Unwrap() error { return e.err }

// MaskDocument masks the secrets in every node of doc: text, comments,
// attribute values, live values, generated content, and the URL.
func (s *Secrets) MaskDocument(doc *a11y.Document) {
	if doc == nil || s.Len() == 0 {
		return
	}
	doc.URL = s.Mask(doc.URL)
	walkAll(doc.Root, func(n *a11y.Node) {
		switch n.Type {
		case a11y.TextNode, a11y.CommentNode:
			n.Data = s.Mask(n.Data)
		case a11y.ElementNode:
			for i := range n.Attr {
				n.Attr[i].Val = s.Mask(n.Attr[i].Val)
			}
			if n.Value != nil {
				if m := s.Mask(*n.Value); m != *n.Value {
					n.Value = &m
				}
			}
			n.Before = s.Mask(n.Before)
			n.After = s.Mask(n.After)
		}
		if n.AX != nil {
			n.AX.Name = s.Mask(n.AX.Name)
		}
	})
	doc.Index()
}

// MaskFindings masks the secrets in the text of findings: snippets,
// selectors, messages and data.
func (s *Secrets) MaskFindings(fs []a11y.Finding) {
	if s.Len() == 0 {
		return
	}
	for i := range fs {
		f := &fs[i]
		f.Snippet = s.Mask(f.Snippet)
		f.Selector = s.Mask(f.Selector)
		f.XPath = s.Mask(f.XPath)
		f.Message = s.Mask(f.Message)
		for k, v := range f.Data {
			if str, ok := v.(string); ok {
				f.Data[k] = s.Mask(str)
			}
		}
		for j := range f.Related {
			f.Related[j].Snippet = s.Mask(f.Related[j].Snippet)
			f.Related[j].Selector = s.Mask(f.Related[j].Selector)
		}
	}
}

// walkAll visits n and every node below it: light children, shadow roots
// and frames' documents.
func walkAll(n *a11y.Node, f func(*a11y.Node)) {
	stack := []*a11y.Node{n}
	for len(stack) > 0 {
		m := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if m == nil {
			continue
		}
		f(m)
		if m.Shadow != nil {
			stack = append(stack, m.Shadow)
		}
		if m.Content != nil {
			stack = append(stack, m.Content)
		}
		for c := m.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
}

// maskRectsScript returns the rectangles (x, y, width, height in CSS pixels
// of the page, or of the viewport when its argument is false) of the text
// and the form fields that show one of the secrets it is given.
const maskRectsScript = `((secrets, whole) => {
	const out = [];
	const sx = whole ? window.scrollX : 0, sy = whole ? window.scrollY : 0;
	const add = r => { if (r.width > 0 && r.height > 0) out.push([r.left + sx, r.top + sy, r.width, r.height]); };
	const visit = root => {
		const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let n = w.nextNode(); n; n = w.nextNode()) {
			for (const s of secrets) {
				for (let i = n.data.indexOf(s); i >= 0; i = n.data.indexOf(s, i + s.length)) {
					const r = document.createRange();
					r.setStart(n, i);
					r.setEnd(n, i + s.length);
					for (const rect of r.getClientRects()) add(rect);
				}
			}
		}
		for (const el of root.querySelectorAll("input, textarea, select")) {
			const v = String(el.value || "");
			if (secrets.some(s => v === s || (s.length >= MIN && v.includes(s)))) for (const rect of el.getClientRects()) add(rect);
		}
		for (const el of root.querySelectorAll("*")) if (el.shadowRoot) visit(el.shadowRoot);
	};
	visit(document);
	return out;
})`

// maskExpression returns the script call that lists what to paint over.
func maskExpression(secrets []string, whole bool) string {
	arg, _ := json.Marshal(secrets)
	w := "false"
	if whole {
		w = "true"
	}
	return strings.Replace(maskRectsScript, "MIN", string(rune('0'+minMaskLen)), 1) + "(" + string(arg) + ", " + w + ")"
}

// paintOver covers the rectangles (CSS pixels; scale converts to image
// pixels) of a PNG with an opaque colour.
func paintOver(pngData []byte, rects [][4]float64, scale float64) ([]byte, error) {
	if len(rects) == 0 {
		return pngData, nil
	}
	src, err := png.Decode(bytes.NewReader(pngData))
	if err != nil {
		return nil, errors.Join(errors.New("checker: decode the screenshot"), err)
	}
	img := image.NewRGBA(src.Bounds())
	draw.Draw(img, img.Bounds(), src, src.Bounds().Min, draw.Src)
	ink := image.NewUniform(color.RGBA{R: 40, G: 40, B: 40, A: 255})
	for _, r := range rects {
		box := image.Rect(int(r[0]*scale)-2, int(r[1]*scale)-2, int((r[0]+r[2])*scale)+2, int((r[1]+r[3])*scale)+2)
		draw.Draw(img, box.Intersect(img.Bounds()), ink, image.Point{}, draw.Src)
	}
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// pngWidth returns the width in pixels of a PNG.
func pngWidth(data []byte) (int, error) {
	c, err := png.DecodeConfig(bytes.NewReader(data))
	return c.Width, err
}
