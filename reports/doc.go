// Package reports renders crosscheck's results for people and programs.
//
// Every printer receives plain values — a [Report] built from
// [compare.Discrepancy] values, or articles and claims for [WriteClaims] —
// and writes one format to an [io.Writer]: text for a terminal, JSON for
// other programs (schemas "crosscheck.report/v1" and "crosscheck.claims/v1"),
// Markdown for a pull-request comment, a self-contained HTML page for
// editors, and SARIF 2.1.0 for code-scanning services. Printers never
// compute discrepancies, read files or look at the clock: the same values
// always give the same bytes.
package reports
