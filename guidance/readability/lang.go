package readability

import "strings"

// langMask is a set of the languages this package has rules for.
type langMask uint8

const (
	langSV langMask = 1 << iota
	langNB
	langNN
	langDA
	langEN

	langNordic = langSV | langNB | langNN | langDA
	langAll    = langNordic | langEN
)

// langCodes maps every supported mask bit to its BCP 47 primary subtag,
// in the order GuessLang breaks ties.
var langCodes = [...]struct {
	mask langMask
	code string
}{
	{langSV, "sv"},
	{langNB, "nb"},
	{langNN, "nn"},
	{langDA, "da"},
	{langEN, "en"},
}

// parseLang reduces a language tag such as "sv-SE", "nb_NO", "no" or "eng"
// to the mask of the language it names. An unknown or empty tag gives 0.
func parseLang(tag string) langMask {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	switch strings.ToLower(tag) {
	case "sv", "swe":
		return langSV
	case "nb", "no", "nob", "nor":
		return langNB
	case "nn", "nno":
		return langNN
	case "da", "dan":
		return langDA
	case "en", "eng":
		return langEN
	}
	return 0
}
