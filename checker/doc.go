// Package checker is Delaktig's browser side. It starts or attaches to Chrome,
// loads pages and walks multi-step flows, and turns each state of a page into
// an a11y.Document with one DOMSnapshot.captureSnapshot call, so that the same
// rules that check static HTML also see computed styles, layout boxes and
// paint order.
//
// The pieces, in the order a caller meets them:
//
//   - [New] starts a headless Chrome (or attaches to a running one with
//     [WithRemote]) and keeps a pool of tabs; [Browser.Close] stops Chrome and
//     every process it started.
//   - [Snapshot] captures the current state of a tab; [FromSnapshot] converts a
//     captured snapshot without a browser (tests, benchmarks).
//   - [CheckURL] loads one address, waits until the page settles and checks it.
//   - [Flow], its [Step]s and [Run] walk an e-service step by step and check
//     every state a step changes; package checker/flowfile reads flows from YAML.
//   - [AXOracle] and [QueryAX] ask Chrome's own accessibility tree, which is an
//     oracle for tests and for a few uncertain nodes, never an input of the rules.
//
// Content of audited pages is hostile: the package never executes page-provided
// strings as code, and values taken from the environment (${env:NAME} in a flow)
// are masked in every document, finding, error and screenshot it returns.
package checker
