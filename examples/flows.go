package examples

import (
	"embed"
	"io/fs"
	"path"
	"strings"
)

// FlowFS holds the flow files that walk the e-service from start page to
// receipt: flows/tillganglig.yaml and flows/otillganglig.yaml. Their start URL
// is http://127.0.0.1:8080/<variant>/; replace it with the address [Handler]
// is served on.
//
//go:embed flows/*.yaml
var FlowFS embed.FS

// Flows returns the flow files keyed by variant name ("tillganglig",
// "otillganglig").
func Flows() map[string][]byte {
	out := map[string][]byte{}
	names, _ := fs.Glob(FlowFS, "flows/*.yaml")
	for _, name := range names {
		b, err := FlowFS.ReadFile(name)
		if err != nil {
			continue
		}
		out[strings.TrimSuffix(path.Base(name), ".yaml")] = b
	}
	return out
}
