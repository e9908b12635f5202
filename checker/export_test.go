package checker

import (
	"github.com/chromedp/cdproto/cdp/jsonv2"
	"github.com/chromedp/cdproto/domsnapshot"
	"github.com/chromedp/chromedp"
)

// DecodeSnapshot decodes a DOMSnapshot.captureSnapshot answer as the
// snapshot does.
func DecodeSnapshot(raw []byte) (domsnapshot.CaptureSnapshotResult, error) {
	var r snapshotResult
	err := jsonv2.Unmarshal(raw, &r, chromedp.DefaultUnmarshalOptions)
	return domsnapshot.CaptureSnapshotResult(r), err
}
