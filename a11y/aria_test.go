package a11y_test

import (
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoleSpec(t *testing.T) {
	cb, ok := a11y.RoleSpec("checkbox")
	require.True(t, ok)
	assert.Equal(t, []string{"aria-checked"}, cb.Required)
	assert.True(t, cb.ChildrenPresentational)
	assert.Equal(t, a11y.NamingContents|a11y.NamingAuthor, cb.Naming)
	assert.Equal(t, a11y.ModuleARIA, cb.Module)

	cb.Required[0] = "changed"
	again, _ := a11y.RoleSpec("checkbox")
	assert.Equal(t, "aria-checked", again.Required[0], "RoleSpec hands out copies")

	gen, ok := a11y.RoleSpec("generic")
	require.True(t, ok)
	assert.Contains(t, gen.Prohibited, "aria-label")
	assert.Equal(t, a11y.NamingProhibited, gen.Naming)

	li, _ := a11y.RoleSpec("listitem")
	assert.Equal(t, []string{"directory", "list"}, li.Context)
	menu, _ := a11y.RoleSpec("menu")
	assert.Contains(t, menu.Owned, "group>menuitem")

	gd, ok := a11y.RoleSpec("graphics-document")
	require.True(t, ok)
	assert.Equal(t, a11y.ModuleGraphics, gd.Module)
	dp, ok := a11y.RoleSpec("doc-endnote")
	require.True(t, ok)
	assert.True(t, dp.Deprecated)
	assert.Equal(t, a11y.ModuleDPUB, dp.Module)

	_, ok = a11y.RoleSpec("lnik")
	assert.False(t, ok)
}

func TestRoleValidity(t *testing.T) {
	for _, r := range []string{"button", "none", "presentation", "generic", "doc-biblioref", "graphics-symbol", "image", "sectionheader", "directory"} {
		assert.True(t, a11y.IsValidRole(r), r)
	}
	for _, r := range []string{"widget", "command", "landmark", "roletype", "structure", "section", "sectionhead", "select", "input", "range", "window", "composite"} {
		assert.True(t, a11y.IsAbstract(r), r)
		assert.False(t, a11y.IsValidRole(r), r)
	}
	for _, r := range []string{"", "lnik", "Button", "text", "searchfield"} {
		assert.False(t, a11y.IsValidRole(r), r)
		assert.False(t, a11y.IsAbstract(r), r)
	}
	// every superclass named is defined, and every role reaches roletype
	for _, r := range a11y.Roles() {
		info, _ := a11y.RoleSpec(r)
		for _, s := range info.Superclasses {
			_, ok := a11y.RoleSpec(s)
			assert.True(t, ok, "%s: superclass %s", r, s)
		}
		if r != "roletype" && r != "none" && r != "presentation" {
			assert.True(t, a11y.Inherits(r, "roletype"), r)
		}
		for _, a := range append(append(info.Required, info.Supported...), info.Prohibited...) {
			_, ok := a11y.AttrSpec(a)
			assert.True(t, ok, "%s: attribute %s", r, a)
		}
	}
}

func TestInherits(t *testing.T) {
	assert.True(t, a11y.Inherits("switch", "checkbox"))
	assert.True(t, a11y.Inherits("switch", "input"))
	assert.True(t, a11y.Inherits("switch", "widget"))
	assert.True(t, a11y.Inherits("treegrid", "table"))
	assert.True(t, a11y.Inherits("doc-biblioref", "link"))
	assert.True(t, a11y.Inherits("button", "button"))
	assert.True(t, a11y.Inherits("image", "img"))
	assert.False(t, a11y.Inherits("checkbox", "switch"))
	assert.False(t, a11y.Inherits("lnik", "lnik"))
}

func TestRoleAttrs(t *testing.T) {
	assert.True(t, a11y.RoleSupportsAttr("switch", "aria-required"), "inherited from checkbox")
	assert.True(t, a11y.RoleSupportsAttr("button", "aria-pressed"))
	assert.False(t, a11y.RoleSupportsAttr("button", "aria-sort"))
	assert.True(t, a11y.RoleSupportsAttr("generic", "aria-live"), "global")
	assert.False(t, a11y.RoleSupportsAttr("generic", "aria-label"), "prohibited global")
	assert.True(t, a11y.RoleSupportsAttr("separator", "aria-valuenow"))
	assert.False(t, a11y.RoleSupportsAttr("application", "aria-orientation"))
	assert.False(t, a11y.RoleSupportsAttr("button", "aria-bogus"))
	assert.True(t, a11y.RoleProhibitsAttr("paragraph", "aria-labelledby"))
	assert.True(t, a11y.RoleProhibitsAttr("none", "aria-brailleroledescription"))
	assert.False(t, a11y.RoleProhibitsAttr("heading", "aria-label"))
	assert.Equal(t, []string{"aria-expanded"}, a11y.RoleRequiresAttr("combobox"))
	assert.Equal(t, []string{"aria-level"}, a11y.RoleRequiresAttr("heading"))
	assert.Empty(t, a11y.RoleRequiresAttr("option"))
	assert.Contains(t, a11y.RoleAttrs("menuitemcheckbox"), "aria-posinset")
	assert.Contains(t, a11y.GlobalAttrs(), "aria-describedby")
	assert.NotContains(t, a11y.GlobalAttrs(), "aria-disabled")
	assert.True(t, a11y.IsGlobalAttr("aria-braillelabel"))
}

func TestAttrSpec(t *testing.T) {
	a, ok := a11y.AttrSpec("aria-live")
	require.True(t, ok)
	assert.Equal(t, a11y.Token, a.Type)
	assert.ElementsMatch(t, []string{"assertive", "off", "polite"}, a.Tokens)
	assert.True(t, a.Global)
	d, _ := a11y.AttrSpec("aria-disabled")
	assert.True(t, d.DeprecatedGlobal)
	assert.False(t, d.Global)
	g, _ := a11y.AttrSpec("aria-grabbed")
	assert.True(t, g.Deprecated)
	assert.Equal(t, "true/false/undefined", g.Type.String())
	_, ok = a11y.AttrSpec("aria-not-checked")
	assert.False(t, ok)
	assert.Len(t, a11y.Attrs(), 53)
}

func TestIsValidAttrValue(t *testing.T) {
	cases := []struct {
		attr, value string
		valid       bool
	}{
		{"aria-required", "true", true},
		{"aria-required", " FALSE ", true},
		{"aria-required", "undefined", false},
		{"aria-expanded", "undefined", true},
		{"aria-expanded", "collapsed", false},
		{"aria-pressed", "mixed", true},
		{"aria-pressed", "horizontal", false},
		{"aria-checked", "undefined", true},
		{"aria-rowindex", "2", true},
		{"aria-rowindex", "2.5", false},
		{"aria-rowindex", "-1", true},
		{"aria-rowindex", "", false},
		{"aria-valuenow", "1.5", true},
		{"aria-valuenow", "1.", true},
		{"aria-valuenow", ".5", true},
		{"aria-valuenow", "-2e3", true},
		{"aria-valuenow", "two", false},
		{"aria-valuenow", "1e", false},
		{"aria-valuenow", ".", false},
		{"aria-live", "page", false},
		{"aria-live", "polite", true},
		{"aria-current", "page", true},
		{"aria-relevant", "text always", false},
		{"aria-relevant", "text removals", true},
		{"aria-relevant", "all", true},
		{"aria-relevant", "all text", false},
		{"aria-dropeffect", "copy move", true},
		{"aria-errormessage", "my-error", true},
		{"aria-owns", "item1 item2", true},
		{"aria-activedescendant", "", false},
		{"aria-label", "", true},
		{"aria-bogus", "true", false},
	}
	for _, c := range cases {
		assert.Equal(t, c.valid, a11y.IsValidAttrValue(c.attr, c.value), "%s=%q", c.attr, c.value)
	}
}

func TestCanonicalRole(t *testing.T) {
	assert.Equal(t, "none", a11y.CanonicalRole("presentation"))
	assert.Equal(t, "img", a11y.CanonicalRole("image"))
	assert.Equal(t, "button", a11y.CanonicalRole("button"))
	assert.True(t, a11y.IsPresentational("presentation"))
	assert.False(t, a11y.IsPresentational("generic"))
}
