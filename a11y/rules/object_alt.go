package rules

import (
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// ObjectAlt: an <object> that shows an image, a sound or a video has a
// non-empty accessible name (aria-label, aria-labelledby or title), so that
// screen reader users know what it is. Fallback content inside the object is
// not a name: it is only shown when the resource cannot be.
//
// ACT 8fc3b6. Targets are <object> elements included in the accessibility
// tree, without an explicit role, whose resource is an image, audio or
// video. The media type comes from the type attribute, else from the file
// extension of data. When neither tells, an object without a name is
// cantTell; an object of another kind (a web page, a PDF) is not a target.
var ObjectAlt = &a11y.Rule{
	ID:       "object-alt",
	WCAG:     []string{"1.1.1"},
	ACT:      []string{"8fc3b6"},
	EN301549: []string{"9.1.1.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{objectAltHasName, objectAltNoName, objectAltUnsure, objectAltUnknownType},
	Tags:     []string{"images", "media", "names"},
	Since:    "0.1.0",
	Run:      runObjectAlt,
}

const (
	objectAltHasName     a11y.Msg = "object-alt.has-name"
	objectAltNoName      a11y.Msg = "object-alt.no-name"
	objectAltUnsure      a11y.Msg = "object-alt.no-name-unsure"
	objectAltUnknownType a11y.Msg = "object-alt.unknown-type"
)

func runObjectAlt(p *a11y.Pass) error {
	for n := range p.Elements(atom.Object) {
		if p.Doc.ExplicitRole(n) != "" {
			continue
		}
		if !p.InAXTree(n) {
			continue
		}
		switch objectMedia(n) {
		case mediaOther:
			continue
		case mediaUnknown:
			if name := p.Name(n); name != "" {
				p.Pass(n, objectAltHasName, nameData(name))
			} else {
				p.CantTell(n, objectAltUnknownType, askObjectMedia)
			}
			continue
		}
		requireName(p, n, nameMsgs{objectAltHasName, objectAltNoName, objectAltUnsure})
	}
	return nil
}

// The kinds of resource an <object> may embed.
type mediaKind uint8

const (
	mediaUnknown mediaKind = iota
	mediaOther             // a document, a plug-in, nothing at all
	mediaImage             // image/*
	mediaAV                // audio/* or video/*
)

// objectMedia tells what an <object> embeds from its type attribute or the
// extension of its data URL.
func objectMedia(n *a11y.Node) mediaKind {
	data := strings.TrimSpace(n.Get("data"))
	if data == "" {
		return mediaOther // nothing to show: the fallback content is rendered
	}
	if t := strings.ToLower(strings.TrimSpace(n.Get("type"))); t != "" {
		if k := mimeKind(t); k != mediaUnknown {
			return k
		}
	}
	if strings.HasPrefix(strings.ToLower(data), "data:") {
		mt, _, _ := strings.Cut(strings.TrimPrefix(strings.ToLower(data), "data:"), ";")
		mt, _, _ = strings.Cut(mt, ",")
		if k := mimeKind(mt); k != mediaUnknown {
			return k
		}
		return mediaUnknown
	}
	u, err := url.Parse(data)
	if err != nil {
		return mediaUnknown
	}
	switch strings.ToLower(path.Ext(u.Path)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".bmp", ".ico", ".tif", ".tiff", ".apng", ".jxl":
		return mediaImage
	case ".mp3", ".wav", ".ogg", ".oga", ".m4a", ".aac", ".flac", ".opus", ".weba",
		".mp4", ".m4v", ".webm", ".ogv", ".mov", ".avi", ".mkv", ".mpeg", ".mpg", ".3gp":
		return mediaAV
	case ".html", ".htm", ".xhtml", ".php", ".asp", ".aspx", ".jsp", ".pdf", ".txt", ".xml", ".json",
		".swf", ".jar", ".class", ".doc", ".docx", ".odt", ".rtf", ".csv":
		return mediaOther
	}
	return mediaUnknown
}

// mimeKind classifies a MIME type.
func mimeKind(t string) mediaKind {
	t, _, _ = strings.Cut(t, ";")
	t = strings.TrimSpace(t)
	switch {
	case t == "":
		return mediaUnknown
	case strings.HasPrefix(t, "image/"):
		return mediaImage
	case strings.HasPrefix(t, "audio/"), strings.HasPrefix(t, "video/"), t == "application/ogg":
		return mediaAV
	}
	return mediaOther
}
