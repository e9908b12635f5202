package a11y

import "strings"

// Declaration is one CSS declaration.
type Declaration struct {
	Property  string // lower-case
	Value     string // trimmed, without !important
	Important bool
}

// InlineStyle returns the declarations of n's style attribute, in order.
func InlineStyle(n *Node) []Declaration {
	s, ok := n.AttrValue("style")
	if !ok {
		return nil
	}
	return ParseDeclarations(s)
}

// ParseDeclarations parses a CSS declaration list ("color: red; margin: 0 !important").
// Malformed declarations are skipped, as browsers do; semicolons inside
// quotes or parentheses do not end a declaration.
func ParseDeclarations(s string) []Declaration {
	var out []Declaration
	depth, quote := 0, byte(0)
	start := 0
	emit := func(part string) {
		i := strings.IndexByte(part, ':')
		if i <= 0 {
			return
		}
		prop := strings.ToLower(strings.TrimSpace(part[:i]))
		val := strings.TrimSpace(part[i+1:])
		if prop == "" || strings.ContainsAny(prop, " \t\n{}") {
			return
		}
		d := Declaration{Property: prop}
		lower := strings.ToLower(val)
		if j := strings.LastIndex(lower, "!"); j >= 0 && strings.TrimSpace(lower[j+1:]) == "important" {
			d.Important = true
			val = strings.TrimSpace(val[:j])
		}
		if val == "" {
			return
		}
		d.Value = val
		out = append(out, d)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			if depth > 0 {
				depth--
			}
		case c == ';' && depth == 0:
			emit(s[start:i])
			start = i + 1
		}
	}
	emit(s[start:])
	return out
}

// InlineValue returns the last inline declaration of prop on n (the one that
// wins, !important first) and whether there is one.
func InlineValue(n *Node, prop string) (Declaration, bool) {
	var best Declaration
	found := false
	for _, d := range InlineStyle(n) {
		if d.Property != prop {
			continue
		}
		if found && best.Important && !d.Important {
			continue
		}
		best, found = d, true
	}
	return best, found
}
