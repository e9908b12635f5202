package checker

// Mask replaces secret values (password fields, values taken from the
// environment) in everything the checker returns.
const Mask = "••••"
