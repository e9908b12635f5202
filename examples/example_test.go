package examples_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"

	"github.com/delaktig/delaktig/examples"
)

// Serve the example e-service and read the title of each step of the
// accessible variant.
func ExampleHandler() {
	srv := httptest.NewServer(examples.Handler())
	defer srv.Close()

	titleRE := regexp.MustCompile(`<title>(.*)</title>`)
	for _, path := range examples.StepPaths(examples.Accessible)[:2] {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			fmt.Println(err)
			return
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(resp.StatusCode, path, titleRE.FindStringSubmatch(string(body))[1])
	}
	// Output:
	// 200 /tillganglig/ Ansök om parkeringstillstånd för rörelsehindrade – Norrsunda kommun
	// 200 /tillganglig/personuppgifter Personuppgifter – steg 2 av 4 – Ansök om parkeringstillstånd – Norrsunda kommun
}

// The flow files are keyed by variant name.
func ExampleFlows() {
	var names []string
	for name := range examples.Flows() {
		names = append(names, name)
	}
	sort.Strings(names)
	fmt.Println(names)
	// Output: [otillganglig tillganglig]
}

// Every step has a path in each variant.
func ExampleStepPaths() {
	for i, s := range examples.Steps() {
		fmt.Printf("%-22s %s\n", s.Name, examples.StepPaths(examples.Inaccessible)[i])
	}
	// Output:
	// Startsida              /otillganglig/
	// Personuppgifter        /otillganglig/personuppgifter
	// Om ansökan             /otillganglig/om-ansokan
	// Kontrollera dina svar  /otillganglig/kontrollera
	// Kvittens               /otillganglig/kvittens
}
