package checker

import (
	"math"
	"testing"

	"github.com/chromedp/cdproto/cdp/jsonv2"
	"github.com/chromedp/cdproto/domsnapshot"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decodeBoth decodes raw with the general decoder and with snapshotResult,
// as chromedp does (its options).
func decodeBoth(raw []byte) (want, got domsnapshot.CaptureSnapshotResult, wantErr, gotErr error) {
	wantErr = jsonv2.Unmarshal(raw, &want, chromedp.DefaultUnmarshalOptions)
	var r snapshotResult
	gotErr = jsonv2.Unmarshal(raw, &r, chromedp.DefaultUnmarshalOptions)
	return want, domsnapshot.CaptureSnapshotResult(r), wantErr, gotErr
}

// snapshotSamples are answers shaped as Chrome's, with the corners the
// decoder must get right: escapes, invalid UTF-8, nulls, empty arrays,
// space, exponents, negative and large numbers, unknown members.
var snapshotSamples = []string{
	`{"documents":[],"strings":[]}`,
	`{}`,
	`{"documents":null,"strings":null}`,
	`{"documents":[{"documentURL":0,"title":1,"baseURL":0,"contentLanguage":-1,"encodingName":2,"publicId":-1,"systemId":-1,"frameId":3,
	  "nodes":{"parentIndex":[-1,0,1],"nodeType":[9,1,3],"nodeName":[4,5,6],"nodeValue":[-1,-1,7],"backendNodeId":[1,2,3],
	    "attributes":[[],[8,9],[]],"shadowRootType":{"index":[],"value":[]},"textValue":{"index":[1],"value":[2]},
	    "inputChecked":{"index":[2]},"contentDocumentIndex":{"index":[1],"value":[1]},"isClickable":{"index":[1,2]}},
	  "layout":{"nodeIndex":[0,1,2],"styles":[[10,11],[],[12,13]],"bounds":[[0,0,1280,720],[8.5,-16.25,100.125,1e2],[1.5E-3,0,0.1,1234567.890123]],
	    "text":[-1,-1,7],"stackingContexts":{"index":[0]},"paintOrders":[1,2,3],"blendedBackgroundColors":[14,15,16],"textColorOpacities":[1,0.5,0]},
	  "textBoxes":{"layoutIndex":[2],"bounds":[[8,8,30.015625,17]],"start":[0],"length":[5]},
	  "scrollOffsetX":0,"scrollOffsetY":120.5,"contentWidth":1280,"contentHeight":4000,"somethingNew":{"a":[1,2]}}],
	 "strings":["http://127.0.0.1/","Title \"quoted\"","UTF-8","frame","#document","HTML","#text","héllo \u00e9 \ud83d\ude00 \n\t","class","a,b]c[","display","block","color","rgb(0, 0, 0)","x","y","z"]}`,
	"{\"strings\":[\"bad \xff byte\",\"ok\"]}",
	`{"documents":[{"nodes":{"parentIndex":[ -1 , 0 ],"attributes":[ null , [ 1 , 2 ] ]},"layout":{"nodeIndex":[],"bounds":[null,[]],"styles":[]}}]}`,
	`{"documents":[{"nodes":{"parentIndex":[9007199254740993,-9223372036854775808]}}]}`,
	`{"documents":[{"layout":{"bounds":[[0.1,0.2,0.30000000000000004,123456789012345678]]}}]}`,
	`{"documents":[{"nodes":null,"layout":null,"textBoxes":null}]}`,
}

func TestSnapshotResultDecodesAsTheGeneralDecoder(t *testing.T) {
	for _, s := range snapshotSamples {
		want, got, wantErr, gotErr := decodeBoth([]byte(s))
		require.NoError(t, wantErr, s)
		require.NoError(t, gotErr, s)
		assert.Equal(t, want, got, s)
	}
	_, got, _, err := decodeBoth([]byte(snapshotSamples[3]))
	require.NoError(t, err)
	assert.Equal(t, "a,b]c[", got.Strings[9], "a string holding commas and brackets")
	assert.Equal(t, []float64{8.5, -16.25, 100.125, 100}, []float64(got.Documents[0].Layout.Bounds[1]))
	assert.Len(t, got.Documents[0].Nodes.Attributes[0], 0)
	assert.NotNil(t, got.Documents[0].Nodes.Attributes[0], "an empty array is an empty list, as the general decoder makes it")
}

func TestSnapshotResultListsDoNotOverlap(t *testing.T) {
	var r snapshotResult
	require.NoError(t, jsonv2.Unmarshal([]byte(`{"documents":[{"layout":{"styles":[[1,2],[3,4]],"bounds":[[1,2,3,4],[5,6,7,8]]}}]}`), &r))
	l := r.Documents[0].Layout
	l.Styles[0] = append(l.Styles[0], 99)
	l.Bounds[0] = append(l.Bounds[0], 99)
	assert.Equal(t, []int64{3, 4}, []int64(l.Styles[1]), "appending to one list leaves the next alone")
	assert.Equal(t, []float64{5, 6, 7, 8}, []float64(l.Bounds[1]))
}

// snapshotRejects are answers the general decoder rejects: a value of the
// wrong kind at each level, in a first and in a later item.
var snapshotRejects = []string{
	`{"documents":{}}`,
	`{"documents":[{"nodes":{"parentIndex":{}}}]}`,
	`{"documents":[{"nodes":{"parentIndex":["1"]}}]}`,
	`{"documents":[{"nodes":{"parentIndex":[1.5]}}]}`,
	`{"documents":[{"nodes":{"parentIndex":[1e400]}}]}`,
	`{"documents":[{"nodes":{"parentIndex":[99999999999999999999]}}]}`,
	`{"documents":[{"layout":{"bounds":[[1,"2"]]}}]}`,
	`{"documents":[{"layout":{"bounds":[[1,2,3,4],[5,"6"]]}}]}`,
	`{"documents":[{"layout":{"styles":[[1,2],[true]]}}]}`,
	`{"documents":[{"layout":{"bounds":[1]}}]}`,
	`{"documents":[{"layout":{"styles":[{"a":1}]}}]}`,
	`{"strings":[1]}`,
	`{"strings":"x"}`,
	`{"documents":[],"documents":[]}`,
	`{"documents":[{"title":"x"}]}`,
	`[]`,
}

func TestSnapshotResultRejectsWhatTheGeneralDecoderRejects(t *testing.T) {
	for _, s := range snapshotRejects {
		_, _, wantErr, gotErr := decodeBoth([]byte(s))
		require.Error(t, wantErr, "the general decoder accepts %s", s)
		assert.Error(t, gotErr, s)
	}
}

func TestParseNumbers(t *testing.T) {
	for in, want := range map[string]int64{"0": 0, "-0": 0, "7": 7, "-42": -42, "123456789012345678": 123456789012345678,
		"9223372036854775807": math.MaxInt64, "-9223372036854775808": math.MinInt64} {
		n, err := parseInt([]byte(in))
		require.NoError(t, err, in)
		assert.Equal(t, want, n, in)
	}
	for _, in := range []string{"1.0", "1e3", "9223372036854775808", "", "-"} {
		_, err := parseInt([]byte(in))
		assert.Error(t, err, in)
	}
	for in, want := range map[string]float64{"0": 0, "1.5": 1.5, "-16.25": -16.25, "0.1": 0.1, "1e2": 100, "1.5E-3": 0.0015,
		"0.30000000000000004": 0.30000000000000004, "123456789.123456": 123456789.123456, "1e308": 1e308} {
		f, err := parseFloat([]byte(in))
		require.NoError(t, err, in)
		assert.Equal(t, want, f, in)
	}
	f, err := parseFloat([]byte("-0"))
	require.NoError(t, err)
	assert.True(t, math.Signbit(f), "minus zero keeps its sign")
	for _, in := range []string{"1e400", "", "x"} {
		_, err := parseFloat([]byte(in))
		assert.Error(t, err, in)
	}
}

func FuzzSnapshotResult(f *testing.F) {
	for _, s := range append(snapshotSamples, snapshotRejects...) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		want, got, wantErr, gotErr := decodeBoth(raw)
		if wantErr != nil {
			assert.Error(t, gotErr, "the general decoder rejects %q: %v", raw, wantErr)
			return
		}
		require.NoError(t, gotErr, "%q", raw)
		assert.Equal(t, want, got, "%q", raw)
	})
}
