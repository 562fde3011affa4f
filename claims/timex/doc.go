// Package timex finds time expressions in one English sentence and normalises
// them to TIMEX3-style values against the article's publication date.
//
// Extract recognises explicit dates ("June 28", "28 June 2022", "2022-06-29",
// "July 2nd, 2013"), months ("in April", "April 2020", "early February",
// "mid-June"), years and decades ("in 2022", "since 1992", "the early 1990s"),
// quarters, halves and seasons ("the third quarter", "this summer"), weekday
// names ("on Tuesday", "late Wednesday"), expressions relative to the
// publication date ("yesterday", "last week", "two weeks ago", "last
// weekend", "next month") and vague references ("now", "recently", "the
// future"). Each becomes a Time with a value such as 2022-06-28, 2022-W25,
// 2022-04, 2022-Q3, 199X or PRESENT_REF and, when it can be placed on the
// calendar, a closed day interval [Low, High] that Overlaps and Relate compare.
//
// Nothing is guessed when the publication date is unknown: a weekday stays a
// weekday (XXXX-WXX-2 for Tuesday) and "two weeks ago" keeps its offset in a
// Rel so that two unresolved expressions can still be told apart.
//
// A bare weekday or a month without a year is placed by the tense of its
// clause: in the past ("said on Tuesday") it is the latest such day on or
// before the publication date, in the future ("will meet on Tuesday", "is
// scheduled for Tuesday") the next one on or after it. TenseOf gives the
// tense of a sentence; Continues tells whether a sentence carries on the time
// of the one before it; Discourse follows the sentences of one article so that
// anaphoric expressions ("a year earlier", "that day", "the following year")
// find the time they refer back to.
package timex
