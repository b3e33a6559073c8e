package parallax

// Score is one quality number measured on a public test suite. Suite
// adapters (recognizers, polnear, basil) produce them; `parallax eval`
// prints them with their definitions and checks them against the floors
// recorded in the repository.
type Score struct {
	Suite  string  // "recognizers/NumberModel", "polnear", "basil"
	Metric string  // "accuracy", "content_overlap_f1", ...
	Value  float64 // in [0, 1]
	// Correct and Total give the counts behind Value when it is a ratio
	// of cases; both are zero for F1-style scores.
	Correct, Total int
	// Definition says in one sentence how Value is computed.
	Definition string
}
