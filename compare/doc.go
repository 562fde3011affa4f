// Package compare aligns the claims of articles about one story and finds
// where they disagree: names spelled differently, numbers and dates that do
// not overlap, a count in one source against a singular in another, a claim
// asserted in one source and hedged in another, a quote worded differently.
//
// Articles are first grouped into stories; claims are compared only within a
// story, and only with the candidates a Candidates source (the claim index)
// returns, never all pairs. Each discrepancy carries a content-based
// fingerprint that stays the same when unrelated text moves.
package compare
