// Command actdoc writes docs/act.md, Delaktig's conformance to the W3C ACT
// rules: it runs every implemented ACT test case in static mode and reads
// browser-mode outcomes from a11y/acttest/testdata/browser.json when present.
//
//	go run ./a11y/acttest/cmd/actdoc [-act DIR] [-out FILE]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/delaktig/delaktig/a11y/acttest"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/internal/testenv"
)

func main() {
	root := testenv.ModuleRoot()
	defAct := ""
	if d := testenv.SharedDir(); d != "" {
		defAct = filepath.Join(d, "act")
	}
	act := flag.String("act", defAct, "folder of the W3C ACT test suite (default: act/ in the shared folder, see DELAKTIG_SHARED)")
	out := flag.String("out", filepath.Join(root, "docs", "act.md"), "file to write")
	flag.Parse()
	if *act == "" {
		fmt.Fprintln(os.Stderr, "actdoc: the W3C ACT suite was not found: pass -act DIR or set DELAKTIG_SHARED to the folder holding act/")
		os.Exit(2)
	}
	set := append(rules.All(), rules.Experimental()...)
	b, err := acttest.GenerateDoc(context.Background(), *act, filepath.Join(root, "a11y", "acttest", "testdata"), set)
	if err != nil {
		fmt.Fprintln(os.Stderr, "actdoc:", err)
		os.Exit(1)
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "actdoc:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "actdoc:", err)
		os.Exit(1)
	}
}
