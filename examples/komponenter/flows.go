package komponenter

import "embed"

// FlowFS holds flows/forskola.yaml, the flow file that walks the service
// from the start page to the receipt. Its start URL is
// http://127.0.0.1:8080/; replace it with the address Handler is served on.
//
//go:embed flows/*.yaml
var FlowFS embed.FS

// Flow returns the flow file.
func Flow() []byte {
	b, err := FlowFS.ReadFile("flows/forskola.yaml")
	if err != nil {
		panic(err) // embedded at build time
	}
	return b
}
