package a11y

// cache holds values derived from a document, computed on first use.
// Each engine area keeps its own part.
type cache struct {
	aria *ariaCache
	name *nameCache
	sel  *selCache
}

func newCache() *cache { return &cache{aria: newAriaCache(), name: newNameCache(), sel: newSelCache()} }
