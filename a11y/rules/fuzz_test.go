package rules_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/rules"
)

// fuzzSeeds are pages that have broken parsers and name engines before:
// malformed markup, pathological nesting, reference cycles.
var fuzzSeeds = []string{
	"",
	"\x00\xff\xfe<",
	"<html",
	"<!doctype html><html><body><img src=a.png><input id=x><label for=x></label></body></html>",
	"<table><tr><td><table><tr><td><form><select><option><optgroup><option>",
	"<p><b><i></p></b></i><a href><a href></a>",
	"<svg><title>x</title><foreignObject><math><mi><img></mi></math></foreignObject></svg>",
	"<template shadowrootmode=open><slot></slot><template shadowrootmode=open></template></template><p>x</p>",
	"<iframe srcdoc=\"<iframe srcdoc='<img>'></iframe>\"></iframe>",
	// Deep nesting, beyond a11y.MaxDepth.
	strings.Repeat("<div>", 3000) + "<img src=x>" + strings.Repeat("</div>", 3000),
	nestedInteractive(1000),
	strings.Repeat("<ul><li>", 800),
	// Cyclic and self references in name and description computation.
	`<div role=button aria-labelledby="a"></div><span id=a aria-labelledby="b">x</span><span id=b aria-labelledby="a">y</span>`,
	`<button id=self aria-labelledby="self self" aria-describedby="self">x</button>`,
	`<input id=i aria-labelledby=l><label id=l for=i>Name <input aria-labelledby=i value=v></label>`,
	`<div id=t role=table aria-owns="r"><div id=r role=row aria-owns="t"></div></div>`,
	`<a href=# aria-describedby="d1"><span id=d1 aria-labelledby="d2"><span id=d2 aria-describedby="d1">z</span></span></a>`,
	// Hostile attribute values.
	`<html lang="` + strings.Repeat("x-", 500) + `"><img alt="` + strings.Repeat("\u202e", 100) + `" style="color:rgb(1e999,-1,NaN);font-size:-1e308px">`,
	`<meta http-equiv=refresh content="-1; url=javascript:alert(1)"><meta name=viewport content="maximum-scale=0,,,=,user-scalable">`,
	`<input type=text autocomplete="section-x shipping billing email email" aria-invalid=spelling aria-required=maybe>`,
}

// FuzzCheck parses arbitrary bytes and runs every rule over them. A rule
// that panics or returns an error (reported as engine.rule-error) is a bug.
func FuzzCheck(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	all := append(rules.All(), rules.Experimental()...)
	if len(all) == 0 {
		all = []*a11y.Rule{a11y.Engine}
	}
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := a11y.FromHTMLString(src, "http://127.0.0.1/fuzz.html")
		if err != nil {
			t.Fatalf("FromHTML over a string cannot fail: %v", err)
		}
		res, err := a11y.Check(context.Background(), doc, a11y.WithRules(all...))
		if err != nil {
			t.Fatalf("Check: %v", err)
		}
		for _, e := range res.Errors {
			t.Errorf("rule fault: %v", e)
		}
		for _, fd := range res.Findings {
			if fd.Key == a11y.MsgRuleError {
				t.Errorf("rule %s: engine.rule-error finding: %v", fd.Rule, fd.Data)
			}
			if fd.Node != nil && fd.Node.Type == a11y.ElementNode && fd.Selector == "" && (fd.Outcome == a11y.Failed || fd.Outcome == a11y.CantTell) {
				t.Errorf("rule %s: finding on <%s> has no selector", fd.Rule, fd.Node.Data)
			}
		}
	})
}

// nestedInteractive is a page of n focusable buttons nested in each other.
func nestedInteractive(n int) string {
	return strings.Repeat("<span aria-hidden=false role=button tabindex=0>", n)
}

// BenchmarkCheckNested runs every rule over nested focusable buttons of
// growing depth: the time per page should grow about linearly with depth.
func BenchmarkCheckNested(b *testing.B) {
	all := append(rules.All(), rules.Experimental()...)
	for _, n := range []int{50, 100, 200} {
		src := nestedInteractive(n)
		b.Run(fmt.Sprintf("depth=%d", n), func(b *testing.B) {
			for b.Loop() {
				doc, err := a11y.FromHTMLString(src, "http://127.0.0.1/nested.html")
				if err != nil {
					b.Fatal(err)
				}
				if _, err := a11y.Check(context.Background(), doc, a11y.WithRules(all...)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
