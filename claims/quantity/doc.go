// Package quantity finds the quantities stated in one English sentence: cardinal
// numbers written in digits or words ("7,000", "seven thousand", "2.44
// million", "a dozen"), vague counts ("dozens", "tens of thousands"),
// percentages and fractions ("46.2 percent", "40%", "two-thirds"), ranges
// ("between 30 and 40", "30-40", "two or three") and measures ("six miles",
// "10 kilometres", "$5 million", "6.1-magnitude"), each with the interval it
// allows, the noun it counts and its byte offsets.
//
// # Intervals
//
// Every quantity carries a closed interval [Low, High] and a representative
// Value. An exact number is the point [v, v]. A bound marker opens or widens
// the interval:
//
//   - "more than 200", "over 200", "at least 200": [200, Unbounded], AtLeast.
//   - "fewer than 50", "up to 50", "as many as 50", "within 20 miles": [0,
//     50], AtMost.
//   - "about 7,000", "around", "some", "roughly", "an estimated": Approx, widened
//     symmetrically by the half-width rule below.
//   - "nearly 90", "almost", "close to", "just under": AtMost and Approx, the
//     interval [v-w, v]; "just over", "slightly more than": AtLeast and Approx,
//     [v, v+w].
//   - "only", "just", "exactly", "a total of": Exact; the marker joins the text.
//
// The half-width w of an approximate number is half the place value of its
// least significant non-zero digit, kept between 2% and 10% of the number, and
// at least 1 (or half the number, if smaller) for whole numbers below 20. So "about 7,000" is [6500, 7500],
// "around 50" is [45, 55], "about 230,000" is [225000, 235000], "some 2.44
// million" is about ±2%, and "about five" is [4, 6].
//
// A bare plural of a scale word means at least two of it and fewer than the next
// named scale: "dozens" [24, 99], "scores" [40, 99], "hundreds" [200, 999],
// "thousands" [2000, 999999], "millions" [2e6, 999999999]. "Tens of" and
// "hundreds of" multiply a following scale: "tens of thousands" is [20000,
// 99999] and "hundreds of thousands" is [200000, 999999]. "Several" counts 3 to
// 9 and "a few" 2 to 5 of a following scale, up to just below the next whole
// one ("several hundred" is [300, 999], "a few thousand" [2000, 5999]); "a
// handful" is [2, 9] and "a couple of" [2, 3]; "a dozen" is 12 and "two dozen"
// 24, both approximate. Bare "several" and "a few" are not quantities.
// The Value of such a vague interval is the geometric mean of its ends; the
// Value of an explicit range is its midpoint; the Value of a bounded or
// approximate number is the number as written.
//
// High has no infinity: an open upper bound is the constant Unbounded
// (math.MaxFloat64), which encoding/json writes as a number, so interval
// arithmetic needs no special case and encoding never fails.
//
// # Units
//
// Unit is the counted noun, lower case and singular ("soldiers" → "soldier",
// "Tajik migrant workers" → "worker", "millions of Central Asian migrant
// workers" → "worker"), or a short measure unit ("km", "mile", "percent",
// "magnitude", "usd", "year-old"). Noun keeps the surface noun phrase ("military
// bases"). A number with no noun after it has an empty Unit. A participle is
// the counted noun only when it names people in a state ("over 200 injured",
// "24 dead"), not when it is the verb ("25,000 cheered"). Ages are kept with
// the unit "year-old" ("69-year-old", "aged 22", "25 years old", and a bare
// number set off by commas after a name: "Abed Sultan, 20, a student") so they
// are never compared with durations. Fractions ("two-thirds", "a third of",
// "half of", "one in five") have the unit "fraction", a Value between 0 and 1,
// no High above 1, and Of names what they are a share of. "Not a single
// name" is 0.
//
// Canon restates a measure in one unit per dimension where the conversion is a
// fixed factor: lengths in km, areas in km2, masses in kg, volumes in l, speeds
// in km/h, durations in s (seconds, minutes, hours), day (days, weeks) and year
// (years, decades, centuries), fractions in percent. An exactly written measure
// is widened in Canon by half its last written digit, so "six miles" ([5.5,
// 6.5] mi, about [8.9, 10.5] km) and "10 kilometres" ([9.5, 10.5] km) overlap.
// Counts, percentages, currencies and magnitudes are not widened. Currencies
// keep their own code (usd, eur, gbp, rub, ...): exchange rates are not fixed.
//
// # Not quantities
//
// Years ("in 2022", "since 1992", "the 2004 tsunami"), decades ("the 1990s"),
// dates ("June 28", "28 June", "2022-06-29"), clock times ("7:09 p.m.", "0737
// GMT", "3pm"), identifiers ("Flight 17", "CN-235", "G20", "Covid-19",
// "No. 10", "11.18.2014"), list numbers at the start ("1. The first item"),
// citation marks ("[16]"), spoken years ("nineteen ninety-one"), the
// pronoun "one" ("one of Russia's closest allies", "no one", "one day",
// "one-on-one", "avoid one") and hyphenated ordinal adjectives ("second-tier")
// yield nothing. A four-digit number between 1000 and 2100 is a year unless it
// is followed by a plural noun or a unit, or follows a bound marker such as
// "more than". Ordinals ("the 201st Russian military base", "its first trip")
// are returned with Ordinal set, so a caller can use them as singulars and keep
// them apart from counts. "From 65 to 125" is two numbers, not a range, since
// it usually states a change.
package quantity
