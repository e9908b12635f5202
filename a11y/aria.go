package a11y

import (
	"slices"
	"strings"
	"sync"
)

// This file holds WAI-ARIA as data: the roles of WAI-ARIA 1.2 (with the roles
// the 1.3 drafts add and browsers already map: comment, image, mark,
// sectionfooter, sectionheader, suggestion), the Graphics module and DPUB-ARIA
// 1.1, and every aria-* state and property with its value type.
//
// Where 1.2 and 1.3 disagree the data takes the less demanding side, so that a
// rule built on it never fails content that one of the two versions allows:
// required states follow 1.3 (combobox needs only aria-expanded, scrollbar
// only aria-valuenow, option and tab need no aria-selected), supported states
// are the union of both, and a global property counts as prohibited on a role
// only when both versions prohibit it (plus the braille variants that 1.3
// prohibits wherever it prohibits aria-label). Roles none and presentation also
// prohibit aria-roledescription and aria-brailleroledescription: a role
// description needs a role to describe, and generic, the closest role with
// a definition, prohibits both.

// ValueType is the value type of an ARIA state or property.
type ValueType uint8

// The ARIA value types (WAI-ARIA 1.2 §6.2.4).
const (
	TrueFalse          ValueType = iota + 1 // "true" | "false"
	TrueFalseUndefined                      // "true" | "false" | "undefined"
	Tristate                                // "true" | "false" | "mixed" | "undefined"
	IDRef                                   // one ID reference
	IDRefList                               // space-separated ID references
	Integer                                 // an integer
	Number                                  // a real number
	String                                  // any string
	Token                                   // one of Tokens
	TokenList                               // space-separated tokens from Tokens
)

var valueTypeNames = [...]string{"", "true/false", "true/false/undefined", "tristate", "ID reference",
	"ID reference list", "integer", "number", "string", "token", "token list"}

// String returns the name the ARIA specification uses for the type.
func (t ValueType) String() string {
	if int(t) < len(valueTypeNames) {
		return valueTypeNames[t]
	}
	return "unknown"
}

// AttrInfo describes one aria-* state or property.
type AttrInfo struct {
	Name string
	// State is true for states, false for properties.
	State bool
	Type  ValueType
	// Tokens lists the allowed values of a token or token list.
	Tokens []string
	// Default is the value used when the attribute is absent or invalid ("" when none).
	Default string
	// Global attributes apply to every role unless the role prohibits them.
	Global bool
	// DeprecatedGlobal marks aria-disabled, aria-errormessage, aria-haspopup
	// and aria-invalid: global until WAI-ARIA 1.1, tied to roles since 1.2.
	// Browsers still expose them on any element.
	DeprecatedGlobal bool
	// Deprecated marks attributes deprecated in WAI-ARIA 1.1 (aria-dropeffect, aria-grabbed).
	Deprecated bool
	// Since is the first WAI-ARIA version defining the attribute ("1.0", "1.1", "1.2", "1.3").
	Since string
}

// Naming says where an element of a role may take its accessible name from
// (the "Name From" characteristic of a role).
type Naming uint8

// The name sources, as a bit set.
const (
	NamingAuthor     Naming = 1 << iota // aria-label, aria-labelledby, host-language label
	NamingContents                      // the element's descendants
	NamingProhibited                    // authors must not name the element
)

// Module names the specification that defines a role.
type Module string

// The specifications roles come from.
const (
	ModuleARIA     Module = "wai-aria"
	ModuleGraphics Module = "graphics-aria"
	ModuleDPUB     Module = "dpub-aria"
)

// RoleInfo describes one role. Slices are copies: changing them changes
// nothing in the package.
type RoleInfo struct {
	Name     string
	Module   Module
	Abstract bool
	// Deprecated roles are valid but should be replaced (directory, doc-biblioentry, doc-endnote).
	Deprecated bool
	// Since is the WAI-ARIA version that defines the role ("1.2" for every
	// role of the 1.2 Recommendation, "1.3" for the additions; "1.0" for module roles).
	Since string
	// Superclasses are the direct superclass roles.
	Superclasses []string
	// Required states and properties authors must set (beyond what the host language gives).
	Required []string
	// Supported states and properties defined on the role itself (see Attrs for the inherited ones).
	Supported []string
	// Prohibited global states and properties.
	Prohibited []string
	Naming     Naming
	// ChildrenPresentational is true when descendants are not exposed on their own.
	ChildrenPresentational bool
	// Context lists the required context (parent) roles. An entry "group>menu"
	// means a group that is itself owned by a menu.
	Context []string
	// Owned lists the required owned elements. An entry "group>option" means a
	// group whose own children are options.
	Owned []string
	// Synonym names the role this one is a synonym of ("presentation" → "none", "image" → "img").
	Synonym string
}

type roleDef struct {
	abstract, deprecated, presChildren bool
	module                             Module
	since, synonym                     string
	super, required, supported         []string
	prohibited, context, owned         []string
	nameFrom                           Naming
}

// toks splits a space-separated list.
func toks(s string) []string { return strings.Fields(s) }

const (
	nfA  = NamingAuthor
	nfCA = NamingContents | NamingAuthor
	nfP  = NamingProhibited
)

// unnamedAttrs lists the naming attributes prohibited on roles that cannot be named.
var unnamedAttrs = toks("aria-braillelabel aria-label aria-labelledby")

var roleDefs = map[string]*roleDef{
	// abstract roles
	"roletype":    {abstract: true},
	"structure":   {abstract: true, super: toks("roletype")},
	"widget":      {abstract: true, super: toks("roletype")},
	"window":      {abstract: true, super: toks("roletype"), supported: toks("aria-modal")},
	"command":     {abstract: true, super: toks("widget")},
	"composite":   {abstract: true, super: toks("widget"), supported: toks("aria-activedescendant aria-disabled")},
	"input":       {abstract: true, super: toks("widget"), supported: toks("aria-disabled")},
	"landmark":    {abstract: true, super: toks("section")},
	"range":       {abstract: true, super: toks("structure"), supported: toks("aria-valuemax aria-valuemin aria-valuenow aria-valuetext")},
	"section":     {abstract: true, super: toks("structure")},
	"sectionhead": {abstract: true, super: toks("structure")},
	"select":      {abstract: true, super: toks("composite group"), supported: toks("aria-orientation")},

	// concrete WAI-ARIA roles
	"alert":            {super: toks("section"), nameFrom: nfA},
	"alertdialog":      {super: toks("alert dialog"), nameFrom: nfA},
	"application":      {super: toks("structure"), nameFrom: nfA, supported: toks("aria-activedescendant aria-disabled aria-errormessage aria-expanded aria-haspopup aria-invalid")},
	"article":          {super: toks("document"), nameFrom: nfA, supported: toks("aria-posinset aria-setsize")},
	"banner":           {super: toks("landmark"), nameFrom: nfA},
	"blockquote":       {super: toks("section"), nameFrom: nfA},
	"button":           {super: toks("command"), nameFrom: nfCA, presChildren: true, supported: toks("aria-disabled aria-expanded aria-haspopup aria-pressed")},
	"caption":          {super: toks("section"), nameFrom: nfP, prohibited: unnamedAttrs, context: toks("figure grid group radiogroup table treegrid")},
	"cell":             {super: toks("section"), nameFrom: nfCA, context: toks("row"), supported: toks("aria-colindex aria-colindextext aria-colspan aria-rowindex aria-rowindextext aria-rowspan")},
	"checkbox":         {super: toks("input"), nameFrom: nfCA, presChildren: true, required: toks("aria-checked"), supported: toks("aria-errormessage aria-expanded aria-invalid aria-readonly aria-required")},
	"code":             {super: toks("section"), nameFrom: nfP, prohibited: unnamedAttrs},
	"columnheader":     {super: toks("cell gridcell sectionhead"), nameFrom: nfCA, context: toks("row"), supported: toks("aria-sort")},
	"combobox":         {super: toks("input"), nameFrom: nfA, required: toks("aria-expanded"), supported: toks("aria-activedescendant aria-autocomplete aria-controls aria-errormessage aria-haspopup aria-invalid aria-readonly aria-required")},
	"comment":          {super: toks("article"), nameFrom: nfCA, since: "1.3", supported: toks("aria-level aria-posinset aria-setsize")},
	"complementary":    {super: toks("landmark"), nameFrom: nfA},
	"contentinfo":      {super: toks("landmark"), nameFrom: nfA},
	"definition":       {super: toks("section"), nameFrom: nfA},
	"deletion":         {super: toks("section"), nameFrom: nfP, prohibited: unnamedAttrs},
	"dialog":           {super: toks("window"), nameFrom: nfA},
	"directory":        {super: toks("list"), nameFrom: nfA, deprecated: true},
	"document":         {super: toks("structure"), nameFrom: nfA},
	"emphasis":         {super: toks("section"), nameFrom: nfP, prohibited: unnamedAttrs},
	"feed":             {super: toks("list"), nameFrom: nfA, owned: toks("article")},
	"figure":           {super: toks("section"), nameFrom: nfA},
	"form":             {super: toks("landmark"), nameFrom: nfA},
	"generic":          {super: toks("structure"), nameFrom: nfP, prohibited: toks("aria-braillelabel aria-brailleroledescription aria-label aria-labelledby aria-roledescription")},
	"grid":             {super: toks("composite table"), nameFrom: nfA, owned: toks("caption row rowgroup>row"), supported: toks("aria-multiselectable aria-readonly")},
	"gridcell":         {super: toks("cell widget"), nameFrom: nfCA, context: toks("row"), supported: toks("aria-disabled aria-errormessage aria-expanded aria-haspopup aria-invalid aria-readonly aria-required aria-selected")},
	"group":            {super: toks("section"), nameFrom: nfA, supported: toks("aria-activedescendant aria-disabled")},
	"heading":          {super: toks("sectionhead"), nameFrom: nfCA, required: toks("aria-level")},
	"image":            {super: toks("section"), nameFrom: nfA, presChildren: true, since: "1.3", synonym: "img"},
	"img":              {super: toks("section"), nameFrom: nfA, presChildren: true},
	"insertion":        {super: toks("section"), nameFrom: nfP, prohibited: unnamedAttrs},
	"link":             {super: toks("command"), nameFrom: nfCA, supported: toks("aria-disabled aria-expanded aria-haspopup")},
	"list":             {super: toks("section"), nameFrom: nfA, owned: toks("listitem")},
	"listbox":          {super: toks("select"), nameFrom: nfA, owned: toks("group>option option"), supported: toks("aria-errormessage aria-expanded aria-invalid aria-multiselectable aria-readonly aria-required")},
	"listitem":         {super: toks("section"), nameFrom: nfA, context: toks("directory list"), supported: toks("aria-level aria-posinset aria-setsize")},
	"log":              {super: toks("section"), nameFrom: nfA},
	"main":             {super: toks("landmark"), nameFrom: nfA},
	"mark":             {super: toks("section"), nameFrom: nfP, prohibited: unnamedAttrs, since: "1.3"},
	"marquee":          {super: toks("section"), nameFrom: nfA},
	"math":             {super: toks("section"), nameFrom: nfA},
	"menu":             {super: toks("select"), nameFrom: nfA, owned: toks("group>menuitem group>menuitemradio group>menuitemcheckbox menuitem menuitemcheckbox menuitemradio separator")},
	"menubar":          {super: toks("menu"), nameFrom: nfA, owned: toks("group>menuitem group>menuitemradio group>menuitemcheckbox menuitem menuitemcheckbox menuitemradio separator")},
	"menuitem":         {super: toks("command"), nameFrom: nfCA, context: toks("menu menubar group>menu group>menubar"), supported: toks("aria-disabled aria-expanded aria-haspopup aria-posinset aria-setsize")},
	"menuitemcheckbox": {super: toks("menuitem"), nameFrom: nfCA, presChildren: true, required: toks("aria-checked"), context: toks("menu menubar group>menu group>menubar"), supported: toks("aria-readonly")},
	"menuitemradio":    {super: toks("menuitem"), nameFrom: nfCA, presChildren: true, required: toks("aria-checked"), context: toks("menu menubar group>menu group>menubar"), supported: toks("aria-readonly")},
	"meter":            {super: toks("range"), nameFrom: nfA, presChildren: true, required: toks("aria-valuenow")},
	"navigation":       {super: toks("landmark"), nameFrom: nfA},
	"none":             {super: toks("structure"), nameFrom: nfP, prohibited: toks("aria-braillelabel aria-brailleroledescription aria-label aria-labelledby aria-roledescription")},
	"note":             {super: toks("section"), nameFrom: nfA},
	"option":           {super: toks("input"), nameFrom: nfCA, presChildren: true, context: toks("listbox group>listbox"), supported: toks("aria-checked aria-posinset aria-selected aria-setsize")},
	"paragraph":        {super: toks("section"), nameFrom: nfP, prohibited: unnamedAttrs},
	"presentation":     {super: toks("structure"), nameFrom: nfP, synonym: "none", prohibited: toks("aria-braillelabel aria-brailleroledescription aria-label aria-labelledby aria-roledescription")},
	"progressbar":      {super: toks("range widget"), nameFrom: nfA, presChildren: true},
	"radio":            {super: toks("input"), nameFrom: nfCA, presChildren: true, required: toks("aria-checked"), supported: toks("aria-posinset aria-setsize")},
	"radiogroup":       {super: toks("select"), nameFrom: nfA, supported: toks("aria-errormessage aria-invalid aria-readonly aria-required")},
	"region":           {super: toks("landmark"), nameFrom: nfA},
	"row":              {super: toks("group widget"), nameFrom: nfCA, context: toks("grid rowgroup table treegrid"), owned: toks("cell columnheader gridcell rowheader"), supported: toks("aria-colindex aria-expanded aria-level aria-posinset aria-rowindex aria-rowindextext aria-selected aria-setsize")},
	"rowgroup":         {super: toks("structure"), nameFrom: nfA, context: toks("grid table treegrid"), owned: toks("row")},
	"rowheader":        {super: toks("cell gridcell sectionhead"), nameFrom: nfCA, context: toks("row"), supported: toks("aria-expanded aria-sort")},
	"scrollbar":        {super: toks("range widget"), nameFrom: nfA, presChildren: true, required: toks("aria-valuenow"), supported: toks("aria-disabled aria-orientation")},
	"search":           {super: toks("landmark"), nameFrom: nfA},
	"searchbox":        {super: toks("textbox"), nameFrom: nfA},
	"sectionfooter":    {super: toks("section"), nameFrom: nfA, since: "1.3"},
	"sectionheader":    {super: toks("section"), nameFrom: nfA, since: "1.3"},
	"separator":        {super: toks("structure widget"), nameFrom: nfA, presChildren: true, required: toks("aria-valuenow"), supported: toks("aria-disabled aria-orientation aria-valuemax aria-valuemin aria-valuetext")},
	"slider":           {super: toks("input range"), nameFrom: nfA, presChildren: true, required: toks("aria-valuenow"), supported: toks("aria-errormessage aria-haspopup aria-invalid aria-orientation aria-readonly")},
	"spinbutton":       {super: toks("composite input range"), nameFrom: nfA, supported: toks("aria-errormessage aria-invalid aria-readonly aria-required aria-valuemax aria-valuemin aria-valuenow aria-valuetext")},
	"status":           {super: toks("section"), nameFrom: nfA},
	"strong":           {super: toks("section"), nameFrom: nfP, prohibited: unnamedAttrs},
	"subscript":        {super: toks("section"), nameFrom: nfP, prohibited: unnamedAttrs},
	"suggestion":       {super: toks("section"), nameFrom: nfP, prohibited: unnamedAttrs, since: "1.3", owned: toks("insertion deletion")},
	"superscript":      {super: toks("section"), nameFrom: nfP, prohibited: unnamedAttrs},
	"switch":           {super: toks("checkbox"), nameFrom: nfCA, presChildren: true, required: toks("aria-checked")},
	"tab":              {super: toks("sectionhead widget"), nameFrom: nfCA, presChildren: true, context: toks("tablist"), supported: toks("aria-disabled aria-expanded aria-haspopup aria-posinset aria-selected aria-setsize")},
	"table":            {super: toks("section"), nameFrom: nfA, owned: toks("caption row rowgroup>row"), supported: toks("aria-colcount aria-rowcount")},
	"tablist":          {super: toks("composite"), nameFrom: nfA, owned: toks("tab"), supported: toks("aria-multiselectable aria-orientation")},
	"tabpanel":         {super: toks("section"), nameFrom: nfA},
	"term":             {super: toks("section"), nameFrom: nfA},
	"textbox":          {super: toks("input"), nameFrom: nfA, supported: toks("aria-activedescendant aria-autocomplete aria-errormessage aria-haspopup aria-invalid aria-multiline aria-placeholder aria-readonly aria-required")},
	"time":             {super: toks("section"), nameFrom: nfA},
	"timer":            {super: toks("status"), nameFrom: nfA},
	"toolbar":          {super: toks("group"), nameFrom: nfA, supported: toks("aria-orientation")},
	"tooltip":          {super: toks("section"), nameFrom: nfCA},
	"tree":             {super: toks("select"), nameFrom: nfA, owned: toks("group>treeitem treeitem"), supported: toks("aria-errormessage aria-invalid aria-multiselectable aria-required")},
	"treegrid":         {super: toks("grid tree"), nameFrom: nfA, owned: toks("caption row rowgroup>row")},
	"treeitem":         {super: toks("listitem option"), nameFrom: nfCA, context: toks("tree group>tree group>treeitem"), supported: toks("aria-expanded aria-haspopup aria-level")},

	// WAI-ARIA Graphics Module 1.0
	"graphics-document": {super: toks("document"), nameFrom: nfA, module: ModuleGraphics},
	"graphics-object":   {super: toks("group"), nameFrom: nfCA, module: ModuleGraphics},
	"graphics-symbol":   {super: toks("img"), nameFrom: nfA, presChildren: true, module: ModuleGraphics},

	// Digital Publishing WAI-ARIA Module 1.1
	"doc-abstract":        {super: toks("section"), nameFrom: nfA, module: ModuleDPUB},
	"doc-acknowledgments": {super: toks("landmark"), nameFrom: nfA, module: ModuleDPUB},
	"doc-afterword":       {super: toks("landmark"), nameFrom: nfA, module: ModuleDPUB},
	"doc-appendix":        {super: toks("landmark"), nameFrom: nfA, module: ModuleDPUB},
	"doc-backlink":        {super: toks("link"), nameFrom: nfCA, module: ModuleDPUB},
	"doc-biblioentry":     {super: toks("listitem"), nameFrom: nfA, module: ModuleDPUB, deprecated: true},
	"doc-bibliography":    {super: toks("landmark"), nameFrom: nfA, module: ModuleDPUB},
	"doc-biblioref":       {super: toks("link"), nameFrom: nfCA, module: ModuleDPUB},
	"doc-chapter":         {super: toks("landmark"), nameFrom: nfA, module: ModuleDPUB},
	"doc-colophon":        {super: toks("section"), nameFrom: nfA, module: ModuleDPUB},
	"doc-conclusion":      {super: toks("landmark"), nameFrom: nfA, module: ModuleDPUB},
	"doc-cover":           {super: toks("img"), nameFrom: nfA, presChildren: true, module: ModuleDPUB},
	"doc-credit":          {super: toks("section"), nameFrom: nfA, module: ModuleDPUB},
	"doc-credits":         {super: toks("landmark"), nameFrom: nfA, module: ModuleDPUB},
	"doc-dedication":      {super: toks("section"), nameFrom: nfA, module: ModuleDPUB},
	"doc-endnote":         {super: toks("listitem"), nameFrom: nfA, module: ModuleDPUB, deprecated: true},
	"doc-endnotes":        {super: toks("landmark"), nameFrom: nfA, module: ModuleDPUB},
	"doc-epigraph":        {super: toks("section"), nameFrom: nfA, module: ModuleDPUB},
	"doc-epilogue":        {super: toks("landmark"), nameFrom: nfA, module: ModuleDPUB},
	"doc-errata":          {super: toks("landmark"), nameFrom: nfA, module: ModuleDPUB},
	"doc-example":         {super: toks("figure"), nameFrom: nfA, module: ModuleDPUB},
	"doc-footnote":        {super: toks("section"), nameFrom: nfA, module: ModuleDPUB},
	"doc-foreword":        {super: toks("landmark"), nameFrom: nfA, module: ModuleDPUB},
	"doc-glossary":        {super: toks("landmark"), nameFrom: nfA, module: ModuleDPUB},
	"doc-glossref":        {super: toks("link"), nameFrom: nfCA, module: ModuleDPUB},
	"doc-index":           {super: toks("navigation"), nameFrom: nfA, module: ModuleDPUB},
	"doc-introduction":    {super: toks("landmark"), nameFrom: nfA, module: ModuleDPUB},
	"doc-noteref":         {super: toks("link"), nameFrom: nfCA, module: ModuleDPUB},
	"doc-notice":          {super: toks("note"), nameFrom: nfA, module: ModuleDPUB},
	"doc-pagebreak":       {super: toks("separator"), nameFrom: nfCA, presChildren: true, module: ModuleDPUB},
	"doc-pagefooter":      {super: toks("section"), nameFrom: nfP, module: ModuleDPUB},
	"doc-pageheader":      {super: toks("section"), nameFrom: nfP, module: ModuleDPUB},
	"doc-pagelist":        {super: toks("navigation"), nameFrom: nfA, module: ModuleDPUB},
	"doc-part":            {super: toks("landmark"), nameFrom: nfA, module: ModuleDPUB},
	"doc-preface":         {super: toks("landmark"), nameFrom: nfA, module: ModuleDPUB},
	"doc-prologue":        {super: toks("landmark"), nameFrom: nfA, module: ModuleDPUB},
	"doc-pullquote":       {super: toks("section"), nameFrom: nfA, module: ModuleDPUB},
	"doc-qna":             {super: toks("section"), nameFrom: nfA, module: ModuleDPUB},
	"doc-subtitle":        {super: toks("sectionhead"), nameFrom: nfCA, module: ModuleDPUB},
	"doc-tip":             {super: toks("note"), nameFrom: nfA, module: ModuleDPUB},
	"doc-toc":             {super: toks("navigation"), nameFrom: nfA, module: ModuleDPUB},
}

type attrDef struct {
	state, global, deprecatedGlobal, deprecated bool
	typ                                         ValueType
	tokens                                      []string
	def, since                                  string
}

var attrDefs = map[string]*attrDef{
	"aria-activedescendant":       {typ: IDRef, since: "1.0"},
	"aria-atomic":                 {typ: TrueFalse, global: true, def: "false", since: "1.0"},
	"aria-autocomplete":           {typ: Token, tokens: toks("inline list both none"), def: "none", since: "1.0"},
	"aria-braillelabel":           {typ: String, global: true, since: "1.3"},
	"aria-brailleroledescription": {typ: String, global: true, since: "1.3"},
	"aria-busy":                   {state: true, typ: TrueFalse, global: true, def: "false", since: "1.0"},
	"aria-checked":                {state: true, typ: Tristate, def: "undefined", since: "1.0"},
	"aria-colcount":               {typ: Integer, since: "1.1"},
	"aria-colindex":               {typ: Integer, since: "1.1"},
	"aria-colindextext":           {typ: String, since: "1.2"},
	"aria-colspan":                {typ: Integer, since: "1.1"},
	"aria-controls":               {typ: IDRefList, global: true, since: "1.0"},
	"aria-current":                {state: true, typ: Token, tokens: toks("page step location date time true false"), global: true, def: "false", since: "1.1"},
	"aria-describedby":            {typ: IDRefList, global: true, since: "1.0"},
	"aria-description":            {typ: String, global: true, since: "1.3"},
	"aria-details":                {typ: IDRefList, global: true, since: "1.1"},
	"aria-disabled":               {state: true, typ: TrueFalse, deprecatedGlobal: true, def: "false", since: "1.0"},
	"aria-dropeffect":             {typ: TokenList, tokens: toks("copy execute link move none popup"), global: true, deprecated: true, def: "none", since: "1.0"},
	"aria-errormessage":           {typ: IDRefList, deprecatedGlobal: true, since: "1.1"},
	"aria-expanded":               {state: true, typ: TrueFalseUndefined, def: "undefined", since: "1.0"},
	"aria-flowto":                 {typ: IDRefList, global: true, since: "1.0"},
	"aria-grabbed":                {state: true, typ: TrueFalseUndefined, global: true, deprecated: true, def: "undefined", since: "1.0"},
	"aria-haspopup":               {typ: Token, tokens: toks("false true menu listbox tree grid dialog"), deprecatedGlobal: true, def: "false", since: "1.0"},
	"aria-hidden":                 {state: true, typ: TrueFalseUndefined, global: true, def: "undefined", since: "1.0"},
	"aria-invalid":                {state: true, typ: Token, tokens: toks("grammar false spelling true"), deprecatedGlobal: true, def: "false", since: "1.0"},
	"aria-keyshortcuts":           {typ: String, global: true, since: "1.1"},
	"aria-label":                  {typ: String, global: true, since: "1.0"},
	"aria-labelledby":             {typ: IDRefList, global: true, since: "1.0"},
	"aria-level":                  {typ: Integer, since: "1.0"},
	"aria-live":                   {typ: Token, tokens: toks("assertive off polite"), global: true, def: "off", since: "1.0"},
	"aria-modal":                  {typ: TrueFalse, def: "false", since: "1.1"},
	"aria-multiline":              {typ: TrueFalse, def: "false", since: "1.0"},
	"aria-multiselectable":        {typ: TrueFalse, def: "false", since: "1.0"},
	"aria-orientation":            {typ: Token, tokens: toks("horizontal undefined vertical"), def: "undefined", since: "1.0"},
	"aria-owns":                   {typ: IDRefList, global: true, since: "1.0"},
	"aria-placeholder":            {typ: String, since: "1.1"},
	"aria-posinset":               {typ: Integer, since: "1.0"},
	"aria-pressed":                {state: true, typ: Tristate, def: "undefined", since: "1.0"},
	"aria-readonly":               {typ: TrueFalse, def: "false", since: "1.0"},
	"aria-relevant":               {typ: TokenList, tokens: toks("additions all removals text"), global: true, def: "additions text", since: "1.0"},
	"aria-required":               {typ: TrueFalse, def: "false", since: "1.0"},
	"aria-roledescription":        {typ: String, global: true, since: "1.1"},
	"aria-rowcount":               {typ: Integer, since: "1.1"},
	"aria-rowindex":               {typ: Integer, since: "1.1"},
	"aria-rowindextext":           {typ: String, since: "1.2"},
	"aria-rowspan":                {typ: Integer, since: "1.1"},
	"aria-selected":               {state: true, typ: TrueFalseUndefined, def: "undefined", since: "1.0"},
	"aria-setsize":                {typ: Integer, since: "1.0"},
	"aria-sort":                   {typ: Token, tokens: toks("ascending descending none other"), def: "none", since: "1.0"},
	"aria-valuemax":               {typ: Number, since: "1.0"},
	"aria-valuemin":               {typ: Number, since: "1.0"},
	"aria-valuenow":               {typ: Number, since: "1.0"},
	"aria-valuetext":              {typ: String, since: "1.0"},
}

// RoleSpec returns the definition of a role (lower-case name), abstract roles included.
func RoleSpec(name string) (RoleInfo, bool) {
	d, ok := roleDefs[name]
	if !ok {
		return RoleInfo{}, false
	}
	mod := d.module
	if mod == "" {
		mod = ModuleARIA
	}
	since := d.since
	switch {
	case since != "":
	case mod != ModuleARIA:
		since = "1.0"
	default:
		since = "1.2"
	}
	return RoleInfo{
		Name: name, Module: mod, Abstract: d.abstract, Deprecated: d.deprecated, Since: since,
		Superclasses: slices.Clone(d.super), Required: slices.Clone(d.required),
		Supported: slices.Clone(d.supported), Prohibited: slices.Clone(d.prohibited),
		Naming: d.nameFrom, ChildrenPresentational: d.presChildren,
		Context: slices.Clone(d.context), Owned: slices.Clone(d.owned), Synonym: d.synonym,
	}, true
}

// AttrSpec returns the definition of an aria-* state or property (lower-case name).
func AttrSpec(name string) (AttrInfo, bool) {
	d, ok := attrDefs[name]
	if !ok {
		return AttrInfo{}, false
	}
	return AttrInfo{
		Name: name, State: d.state, Type: d.typ, Tokens: slices.Clone(d.tokens), Default: d.def,
		Global: d.global, DeprecatedGlobal: d.deprecatedGlobal, Deprecated: d.deprecated, Since: d.since,
	}, true
}

// IsAbstract reports whether role is an abstract role. Authors must not use
// abstract roles; an element whose role attribute names only abstract roles
// has no explicit role.
func IsAbstract(role string) bool {
	d, ok := roleDefs[role]
	return ok && d.abstract
}

// IsValidRole reports whether role (lower-case) names a non-abstract role of
// WAI-ARIA, the Graphics module or DPUB-ARIA.
func IsValidRole(role string) bool {
	d, ok := roleDefs[role]
	return ok && !d.abstract
}

// IsPresentational reports whether role is none or presentation.
func IsPresentational(role string) bool { return role == "none" || role == "presentation" }

// CanonicalRole maps a synonym to the role it stands for ("presentation" →
// "none", "image" → "img") and returns other names unchanged.
func CanonicalRole(role string) string {
	if d, ok := roleDefs[role]; ok && d.synonym != "" {
		return d.synonym
	}
	return role
}

// Inherits reports whether role is super or has super among its
// superclasses, transitively. Synonyms count as the role they stand for.
func Inherits(role, super string) bool {
	role, super = CanonicalRole(role), CanonicalRole(super)
	if role == super {
		_, ok := roleDefs[role]
		return ok
	}
	return slices.Contains(ancestorsOf(role), super)
}

// ancestorsOf returns every superclass of role, transitively, without duplicates.
func ancestorsOf(role string) []string {
	roleTables()
	return tables.ancestors[role]
}

// GlobalAttrs returns the global states and properties of WAI-ARIA (the
// deprecated globals of 1.1 excluded), sorted.
func GlobalAttrs() []string {
	roleTables()
	return slices.Clone(tables.globals)
}

// IsGlobalAttr reports whether attr is a global state or property.
func IsGlobalAttr(attr string) bool {
	d, ok := attrDefs[attr]
	return ok && d.global
}

// RoleAttrs returns every state and property a role supports: its own,
// the inherited ones and the required ones, without the globals, sorted.
func RoleAttrs(role string) []string {
	roleTables()
	return slices.Clone(tables.attrs[CanonicalRole(role)])
}

// RoleSupportsAttr reports whether attr may be used on an element of the
// given role: a global not prohibited by the role, or a state or property the
// role defines, inherits or requires.
func RoleSupportsAttr(role, attr string) bool {
	d, ok := attrDefs[attr]
	if !ok {
		return false
	}
	if d.global {
		return !RoleProhibitsAttr(role, attr)
	}
	roleTables()
	_, found := slices.BinarySearch(tables.attrs[CanonicalRole(role)], attr)
	return found
}

// RoleProhibitsAttr reports whether role prohibits attr.
func RoleProhibitsAttr(role, attr string) bool {
	d, ok := roleDefs[role]
	return ok && slices.Contains(d.prohibited, attr)
}

// RoleRequiresAttr lists the states and properties authors must set on an
// element with that explicit role (required states are not inherited), sorted.
func RoleRequiresAttr(role string) []string {
	roleTables()
	return slices.Clone(tables.required[CanonicalRole(role)])
}

// IsValidAttrValue reports whether value is valid for the aria-* attribute
// attr according to its value type. Values are compared ASCII
// case-insensitively after trimming white space, as browsers do. ID
// references are not resolved: any non-empty value is a valid reference.
// Unknown attributes are never valid; an empty value is valid only for
// string types.
func IsValidAttrValue(attr, value string) bool {
	d, ok := attrDefs[attr]
	if !ok {
		return false
	}
	v := strings.ToLower(strings.Trim(value, htmlSpace))
	switch d.typ {
	case String:
		return true
	case IDRef, IDRefList:
		return v != ""
	case TrueFalse:
		return v == "true" || v == "false"
	case TrueFalseUndefined:
		return v == "true" || v == "false" || v == "undefined"
	case Tristate:
		return v == "true" || v == "false" || v == "mixed" || v == "undefined"
	case Integer:
		return isInteger(v)
	case Number:
		return isNumber(v)
	case Token:
		return slices.Contains(d.tokens, v)
	case TokenList:
		toks := strings.Fields(v)
		if len(toks) == 0 {
			return false
		}
		for _, t := range toks {
			if !slices.Contains(d.tokens, t) {
				return false
			}
		}
		// "all" and "none" stand alone.
		if len(toks) > 1 && (slices.Contains(toks, "all") || slices.Contains(toks, "none")) {
			return false
		}
		return true
	}
	return false
}

const htmlSpace = " \t\n\f\r"

func isInteger(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isNumber accepts a decimal number with optional sign, fraction and exponent.
func isNumber(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	mant, exp, hasExp := strings.Cut(s, "e")
	intPart, frac, hasDot := strings.Cut(mant, ".")
	digits := func(x string) bool {
		for i := 0; i < len(x); i++ {
			if x[i] < '0' || x[i] > '9' {
				return false
			}
		}
		return true
	}
	if !digits(intPart) || !digits(frac) || intPart == "" && frac == "" {
		return false
	}
	if hasDot && intPart == "" && frac == "" {
		return false
	}
	if hasExp {
		if exp != "" && (exp[0] == '-' || exp[0] == '+') {
			exp = exp[1:]
		}
		if exp == "" || !digits(exp) {
			return false
		}
	}
	return true
}

// derived tables, built once
var (
	tablesOnce sync.Once
	tables     struct {
		ancestors map[string][]string
		attrs     map[string][]string // role → supported ∪ inherited ∪ required (non-global), sorted
		required  map[string][]string
		globals   []string
	}
)

func roleTables() {
	tablesOnce.Do(func() {
		tables.ancestors = map[string][]string{}
		tables.attrs = map[string][]string{}
		tables.required = map[string][]string{}
		for name := range roleDefs {
			var anc []string
			queue := slices.Clone(roleDefs[name].super)
			for len(queue) > 0 {
				r := queue[0]
				queue = queue[1:]
				if slices.Contains(anc, r) {
					continue
				}
				anc = append(anc, r)
				if d, ok := roleDefs[r]; ok {
					queue = append(queue, d.super...)
				}
			}
			tables.ancestors[name] = anc
			var attrs []string
			for _, r := range append([]string{name}, anc...) {
				d := roleDefs[r]
				attrs = append(attrs, d.supported...)
				attrs = append(attrs, d.required...)
			}
			slices.Sort(attrs)
			tables.attrs[name] = slices.Compact(attrs)
			req := slices.Clone(roleDefs[name].required)
			slices.Sort(req)
			tables.required[name] = req
		}
		for a, d := range attrDefs {
			if d.global {
				tables.globals = append(tables.globals, a)
			}
		}
		slices.Sort(tables.globals)
	})
}

// Roles returns the names of every role defined, abstract ones included, sorted.
func Roles() []string {
	out := make([]string, 0, len(roleDefs))
	for r := range roleDefs {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// Attrs returns the names of every aria-* state and property, sorted.
func Attrs() []string {
	out := make([]string, 0, len(attrDefs))
	for a := range attrDefs {
		out = append(out, a)
	}
	slices.Sort(out)
	return out
}
