package checker_test

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/cdp/jsonv2"
	"github.com/chromedp/cdproto/domsnapshot"
	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/internal/pagegen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rawCapture is captureSnapshot with its answer kept as JSON text.
var rawCapture = cdp.Command[domsnapshot.CaptureSnapshotParams, jsonv2.Value]{Method: domsnapshot.CommandCaptureSnapshot}

// frameShadowPage has what the rarer members of a snapshot hold: a frame's
// document, shadow roots, pseudo-elements, form values, escapes in text.
const frameShadowPage = `<!doctype html><html lang="sv"><head><title>Ram &amp; "skugga"</title>
<style>p::before { content: "→ "; } li::marker { color: red; }</style></head><body>
<iframe title="f" srcdoc="<p>i ramen <a href=#>länk</a></p>"></iframe>
<div id="host"></div><ul><li>ett</li></ul>
<form><input value="förifyllt"><input type="checkbox" checked><textarea>rad 1
rad 2	tabb \ "citat"</textarea><select><option>a<option selected>b</select></form>
<p onclick="void 0">klickbar 😀 text</p></body></html>`

func TestSnapshotDecoderAgreesWithTheGeneralDecoder(t *testing.T) {
	tb := tab(t)
	for name, page := range map[string]string{
		"every element": everyElement, "states": stateElements, "frame and shadow": frameShadowPage,
		"form": string(pagegen.Form(20)),
	} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(tb.Context(), 30*time.Second)
			defer cancel()
			require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(servePage(t, page))))
			_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](
				`{ const h = document.getElementById("host"); if (h) h.attachShadow({mode: "open"}).innerHTML = "<span>i skuggan</span><slot></slot>"; }`))
			require.NoError(t, err)
			params := checker.CaptureParams()
			params.IncludeDOMRects = new(true)
			params.IncludeTextColorOpacities = new(true)
			params.IncludeBlendedBackgroundColors = new(true)
			raw, err := chromedp.Call(ctx, rawCapture, params)
			require.NoError(t, err)
			var want domsnapshot.CaptureSnapshotResult
			require.NoError(t, jsonv2.Unmarshal(raw, &want, chromedp.DefaultUnmarshalOptions))
			got, err := checker.DecodeSnapshot(raw)
			require.NoError(t, err)
			require.NotEmpty(t, want.Documents)
			assert.Equal(t, want, got)
		})
	}
}
