package quantity

import (
	"encoding/json"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// q is the part of a Quantity most cases check.
type q struct {
	Text    string
	Value   float64
	Low     float64
	High    float64
	Unit    string
	Bound   Bound
	Approx  bool
	Ordinal bool
}

func short(qs []Quantity) []q {
	var out []q
	for _, x := range qs {
		out = append(out, q{x.Text, x.Value, x.Low, x.High, x.Unit, x.Bound, x.Approx, x.Ordinal})
	}
	return out
}

// exact, approx, atLeast, atMost and rng build expectations tersely.
func exact(text string, v float64, unit string) q { return q{text, v, v, v, unit, Exact, false, false} }

func approx(text string, v, lo, hi float64, unit string) q {
	return q{text, v, lo, hi, unit, Approx, true, false}
}

func atLeast(text string, v float64, unit string) q {
	return q{text, v, v, Unbounded, unit, AtLeast, false, false}
}

func atMost(text string, v float64, unit string) q {
	return q{text, v, 0, v, unit, AtMost, false, false}
}

func rng(text string, lo, hi float64, unit string) q {
	return q{text, (lo + hi) / 2, lo, hi, unit, Range, false, false}
}

func ordinal(text string, v float64, unit string) q {
	return q{text, v, v, v, unit, Exact, false, true}
}

var floatOpt = cmpopts.EquateApprox(0, 1e-9)

// checkInvariants fails when a quantity's offsets, text or interval are
// inconsistent.
func checkInvariants(t *testing.T, src string, qs []Quantity) {
	t.Helper()
	for i, x := range qs {
		if x.Start < 0 || x.End > len(src) || x.Start >= x.End || src[x.Start:x.End] != x.Text {
			t.Errorf("quantity %d: offsets [%d,%d) do not give text %q in %q", i, x.Start, x.End, x.Text, src)
		}
		if !(x.Low <= x.Value && x.Value <= x.High) || x.Low < 0 {
			t.Errorf("quantity %d %q: got interval %v <= %v <= %v, want ordered and non-negative", i, x.Text, x.Low, x.Value, x.High)
		}
		if !(x.Canon.Low <= x.Canon.Value && x.Canon.Value <= x.Canon.High) {
			t.Errorf("quantity %d %q: got canonical %v <= %v <= %v, want ordered", i, x.Text, x.Canon.Low, x.Canon.Value, x.Canon.High)
		}
		if x.Bounded() != (x.Canon.High < Unbounded) {
			t.Errorf("quantity %d %q: got High %v and canonical High %v, want both bounded or both open", i, x.Text, x.High, x.Canon.High)
		}
		if i > 0 && qs[i-1].Start > x.Start {
			t.Errorf("quantity %d %q: got start %d before previous start %d, want ordered", i, x.Text, x.Start, qs[i-1].Start)
		}
		if _, err := json.Marshal(x); err != nil {
			t.Errorf("quantity %d %q: cannot marshal: %v", i, x.Text, err)
		}
	}
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []q
	}{
		// seeds
		{"seed bases and soldiers", "Russia maintains three military bases in the country and has about 7,000 soldiers stationed there.",
			[]q{exact("three military bases", 3, "base"), approx("about 7,000 soldiers", 7000, 6500, 7500, "soldier")}},
		{"seed migrant workers", "Tajikistan is also economically dependent on Russia because of energy imports and the more than one million Tajik migrant workers.",
			[]q{atLeast("more than one million Tajik migrant workers", 1e6, "worker")}},
		{"seed trade", "Bilateral trade in the first five months of 2022 saw a 46.2 percent year-on-year increase",
			[]q{exact("five months", 5, "month"), exact("46.2 percent", 46.2, "percent")}},
		{"seed ordinal base", "The 201st Russian military base in Tajikistan, spread across the cities of Dushanbe and Bokhtar, is the largest it has outside its own borders.",
			[]q{ordinal("201st Russian military base", 201, "base")}},
		{"seed radios", "We also provided all the communications equipment used along the border, including 4,800 radios.",
			[]q{exact("4,800 radios", 4800, "radio")}},
		{"seed millions of", "The talks are also expected to address the situation of millions of Central Asian migrant workers in Russia.",
			[]q{approx("millions of Central Asian migrant workers", 44721360, 2e6, 1e9-1, "worker")}},
		{"seed tens of thousands", "Tajikistan was engulfed in a five-year civil war that claimed tens of thousands of lives.",
			[]q{exact("five-year", 5, "year"), approx("tens of thousands of lives", 44721, 20000, 99999, "life")}},
		{"seed percent sign", "Remittances could fall by 40% in 2022, and the economy could shrink by 2 %.",
			[]q{exact("40%", 40, "percent"), exact("2 %", 2, "percent")}},

		// news counts
		{"killing at least one", "A magnitude-6.1 earthquake struck on Tuesday at 07:37 a.m. UTC (3:37 a.m. EDT), killing at least one and leaving two others missing.",
			[]q{exact("magnitude-6.1", 6.1, "magnitude"), atLeast("at least one", 1, ""), exact("two others", 2, "other")}},
		{"killed and injured", "Twelve people were killed and 70 others were injured by a landslide.",
			[]q{exact("Twelve people", 12, "person"), exact("70 others", 70, "other")}},
		{"people injured", "We have recorded 24 people dead and 249 people injured.",
			[]q{exact("24 people", 24, "person"), exact("249 people", 249, "person")}},
		{"dead and injured headline", "Indonesia earthquake: 24 dead and over 200 injured as 6.1 magnitude quake hits Aceh province",
			[]q{exact("24 dead", 24, "dead"), atLeast("over 200 injured", 200, "injured"), exact("6.1 magnitude", 6.1, "magnitude")}},
		{"dozens injured", "Five dead, dozens injured in Indonesia quake",
			[]q{exact("Five dead", 5, "dead"), approx("dozens injured", 49, 24, 99, "injured")}},
		{"hundreds more", "The quake left hundreds more injured.",
			[]q{approx("hundreds more injured", 447, 200, 999, "injured")}},
		{"partitive", "He said at least 25 of the injured were hospitalised.",
			[]q{atLeast("at least 25 of the injured", 25, "injured")}},
		{"partitive with inner count", "Three of the four Israeli soldiers died.",
			[]q{exact("Three of the four Israeli soldiers", 3, "soldier"), exact("four Israeli soldiers", 4, "soldier")}},
		{"participle before noun", "Three clearly-marked United Nations schools were hit.",
			[]q{exact("Three clearly-marked United Nations schools", 3, "school")}},
		{"adjective after noun", "The strike left one armed militant dead and three wounded.",
			[]q{exact("one armed militant", 1, "militant"), exact("three wounded", 3, "wounded")}},
		{"verb is not a unit", "The crowd of 25,000 cheered.", []q{exact("25,000", 25000, "")}},
		{"irregular plurals", "Nine Israelis and six Hamas gunmen and seven young children.",
			[]q{exact("Nine Israelis", 9, "israeli"), exact("six Hamas gunmen", 6, "gunman"), exact("seven young children", 7, "child")}},

		// number words
		{"number words", "The army sent seven thousand troops.", []q{exact("seven thousand troops", 7000, "troop")}},
		{"compound words", "One hundred and twenty-five people died.", []q{exact("One hundred and twenty-five people", 125, "person")}},
		{"spaced compound", "Twenty five people were hurt.", []q{exact("Twenty five people", 25, "person")}},
		{"a hundred", "A hundred people came.", []q{exact("A hundred people", 100, "person")}},
		{"two numbers in a row", "The vote was five six times.", []q{exact("five", 5, ""), exact("six times", 6, "time")}},
		{"zero", "Zero people came.", []q{exact("Zero people", 0, "person")}},
		{"a single", "It responded with a single shell.", []q{exact("a single shell", 1, "shell")}},
		{"not a single", "There was not a single Uzbek name.", []q{exact("not a single Uzbek name", 0, "name")}},

		// bounds and approximations
		{"about", "The camp holds about 7,000 refugees.", []q{approx("about 7,000 refugees", 7000, 6500, 7500, "refugee")}},
		{"around small", "We received around 50 people.", []q{approx("around 50 people", 50, 45, 55, "person")}},
		{"some", "Some 30 people were killed.", []q{approx("Some 30 people", 30, 27, 33, "person")}},
		{"roughly", "Roughly 15 minutes later it ended.", []q{approx("Roughly 15 minutes", 15, 14, 16, "min")}},
		{"an estimated", "An estimated 14 children are missing.", []q{approx("An estimated 14 children", 14, 13, 15, "child")}},
		{"some millions", "Some 2.44 million people voted.", []q{approx("Some 2.44 million people", 2.44e6, 2.3912e6, 2.4888e6, "person")}},
		{"at least", "At least five people died.", []q{atLeast("At least five people", 5, "person")}},
		{"over", "Over 200 people were injured.", []q{atLeast("Over 200 people", 200, "person")}},
		{"more than a year-like count", "An earthquake killed more than 1000 people.", []q{atLeast("more than 1000 people", 1000, "person")}},
		{"up to", "Up to 50 people may be trapped.", []q{atMost("Up to 50 people", 50, "person")}},
		{"fewer than", "Fewer than 20 people came.", []q{atMost("Fewer than 20 people", 20, "person")}},
		{"nearly", "Nearly 90 percent of the city lost power.",
			[]q{{"Nearly 90 percent", 90, 85, 90, "percent", AtMost, true, false}}},
		{"almost", "Turnout was almost 90%.", []q{{"almost 90%", 90, 85, 90, "percent", AtMost, true, false}}},
		{"just over", "It took just over 40 minutes.", []q{{"just over 40 minutes", 40, 40, 44, "min", AtLeast, true, false}}},
		{"only", "Only three ministers attended.", []q{exact("Only three ministers", 3, "minister")}},
		{"a total of", "Police said a total of 520 rockets had been fired.", []q{exact("a total of 520 rockets", 520, "rocket")}},
		{"or so", "There were 30 or so cars.", []q{approx("30 or so cars", 30, 27, 33, "car")}},
		{"or more", "Ten or more boats sank.", []q{atLeast("Ten or more boats", 10, "boat")}},
		{"odd", "The team of 40-odd volunteers arrived.", []q{approx("40-odd volunteers", 40, 36, 44, "volunteer")}},

		// vague counts
		{"a dozen", "A dozen boats sank.", []q{approx("A dozen boats", 12, 10.8, 13.2, "boat")}},
		{"dozens of", "Dozens of homes were destroyed.", []q{approx("Dozens of homes", 49, 24, 99, "home")}},
		{"hundreds alone", "Hundreds fled the town.", []q{approx("Hundreds", 447, 200, 999, "")}},
		{"scores of", "Scores of people were hurt.", []q{approx("Scores of people", 63, 40, 99, "person")}},
		{"several hundred", "Several hundred people gathered.", []q{approx("Several hundred people", 547, 300, 999, "person")}},
		{"several dozen", "Several dozen people were wounded.", []q{approx("Several dozen people", 65, 36, 119, "person")}},
		{"a few thousand", "A few thousand people attended.", []q{approx("A few thousand people", 3464, 2000, 5999, "person")}},
		{"a handful", "A handful of protesters gathered.", []q{approx("A handful of protesters", math.Sqrt(18), 2, 9, "protester")}},
		{"a couple of", "A couple of hours passed.", []q{approx("A couple of hours", math.Sqrt(6), 2, 3, "h")}},
		{"bare several", "It damaged several houses.", nil},

		// ranges
		{"between", "Between 30 and 40 people were hurt.", []q{rng("Between 30 and 40 people", 30, 40, "person")}},
		{"hyphen range", "Some 30-40 houses burned.", []q{{"Some 30-40 houses", 35, 30, 40, "house", Range, true, false}}},
		{"to range", "The storm killed 5 to 10 people.", []q{rng("5 to 10 people", 5, 10, "person")}},
		{"or range", "He was jailed for two or three years.", []q{{"two or three years", 2.5, 2, 3, "year", Range, true, false}}},
		{"word hyphen range", "It lasted about five-six months.", []q{{"about five-six months", 5.5, 5, 6, "month", Range, true, false}}},
		{"mixed range", "Between five and 10 people were hurt.", []q{rng("Between five and 10 people", 5, 10, "person")}},
		{"shared scale", "Between 2 and 3 million people fled.", []q{rng("Between 2 and 3 million people", 2e6, 3e6, "person")}},
		{"from to is a change", "The seats rose from 65 to 125.", []q{exact("65", 65, ""), exact("125", 125, "")}},
		{"score is not a range", "He won 3-1 and the vote was 5-4.", nil},

		// percentages and fractions
		{"per cent", "He was 99.9 per cent sure.", []q{exact("99.9 per cent", 99.9, "percent")}},
		{"two-thirds", "Two-thirds of the voters stayed home.", []q{exact("Two-thirds", 2.0/3, "fraction")}},
		{"one-fifth", "At least one-fifth of the victims are children.", []q{{"At least one-fifth", 0.2, 0.2, 1, "fraction", AtLeast, false, false}}},
		{"a third of", "A third of the houses were lost.", []q{exact("A third", 1.0/3, "fraction")}},
		{"half of", "Half of the staff quit.", []q{exact("Half", 0.5, "fraction")}},
		{"more than half", "More than half the votes were cast.", []q{{"More than half", 0.5, 0.5, 1, "fraction", AtLeast, false, false}}},
		{"half a million", "She earned half a million.", []q{exact("half a million", 5e5, "")}},
		{"one in five", "One in five adults smokes.", []q{exact("One in five", 0.2, "fraction")}},
		{"and a half", "It took two and a half years.", []q{exact("two and a half years", 2.5, "year")}},

		// measures and money
		{"miles", "The epicentre was six miles beneath the surface.", []q{exact("six miles", 6, "mile")}},
		{"kilometres", "The quake hit at a depth of just 10 kilometres.", []q{exact("just 10 kilometres", 10, "km")}},
		{"glued km", "The rocket landed about 32km from Tel Aviv.", []q{approx("about 32km", 32, 31.36, 32.64, "km")}},
		{"glued metres", "The wall is 3m high.", []q{exact("3m", 3, "m")}},
		{"square km", "The island covers 300 sq km.", []q{exact("300 sq km", 300, "km2")}},
		{"mph", "The car hit 120 mph.", []q{exact("120 mph", 120, "mph")}},
		{"tonnes", "The rocket carried 3.5 tonnes of cargo.", []q{exact("3.5 tonnes", 3.5, "t")}},
		{"dollars symbol", "The bill costs $5 million.", []q{exact("$5 million", 5e6, "usd")}},
		{"dollars glued m", "The bill costs $5m.", []q{exact("$5m", 5e6, "usd")}},
		{"euros bn", "The bank lent €2.5bn to the firm.", []q{exact("€2.5bn", 2.5e9, "eur")}},
		{"US dollar sign", "It paid US$40 million.", []q{exact("US$40 million", 4e7, "usd")}},
		{"rubles", "He was paid 300,000 rubles.", []q{exact("300,000 rubles", 3e5, "rub")}},
		{"dollars word", "They spent 5 million dollars on it.", []q{exact("5 million dollars", 5e6, "usd")}},
		{"currency code", "The budget is USD 5 million.", []q{exact("USD 5 million", 5e6, "usd")}},
		{"magnitude hyphen", "A 6.1-magnitude quake hit the coast.", []q{exact("6.1-magnitude", 6.1, "magnitude")}},
		{"magnitude prefix", "Earthquake Of Magnitude 6.1 Strikes Aceh", []q{exact("Magnitude 6.1", 6.1, "magnitude")}},
		{"magnitude bound", "There were two aftershocks of more than 5.0 magnitude.",
			[]q{exact("two aftershocks", 2, "aftershock"), atLeast("more than 5.0 magnitude", 5, "magnitude")}},
		{"compound length", "It is a 25,000-mile-long stretch.", []q{exact("25,000-mile-long", 25000, "mile")}},
		{"compound noun", "It elected a 125-seat national legislature.", []q{exact("125-seat", 125, "seat")}},
		{"strong", "It was hit by a 7,000-strong force.", []q{exact("7,000-strong force", 7000, "force")}},
		{"duration", "The offensive began 12 days ago.", []q{exact("12 days", 12, "day")}},
		{"within", "Results will be announced within 10 days.", []q{atMost("within 10 days", 10, "day")}},

		// ages
		{"age hyphen", "The 69-year-old president spoke to his 34-year-old son.",
			[]q{exact("69-year-old", 69, "year-old"), exact("34-year-old", 34, "year-old")}},
		{"age words", "A three-year-old girl was wounded.", []q{exact("three-year-old", 3, "year-old")}},
		{"aged", "His cousins, labourers aged 22, died.", []q{exact("aged 22", 22, "year-old")}},
		{"years old", "The man, 40 years old, was freed.", []q{exact("40 years old", 40, "year-old")}},

		// ordinals
		{"ordinal digits", "The 201st base is the largest.", []q{ordinal("201st base", 201, "base")}},
		{"ordinal word", "It was his first trip abroad.", []q{ordinal("first trip", 1, "trip")}},
		{"ordinal 4th", "The 4th parliamentary election of Turkmenistan ended.", []q{ordinal("4th parliamentary election", 4, "election")}},
		{"second largest", "Troops moved into Gaza's second largest city.", []q{ordinal("second largest city", 2, "city")}},
		{"ordinal in name", "The G20 summit met for the 3rd time.", []q{ordinal("3rd time", 3, "time")}},

		// not quantities
		{"year", "He arrived in 2022.", nil},
		{"year since", "He has ruled since 1992.", nil},
		{"year modifier", "The 2004 tsunami was huge.", nil},
		{"year after comma", "It happened on July 03, 2013 in Aceh.", nil},
		{"decade", "The war ended in the 1990s.", nil},
		{"month day", "The treaty was signed on June 28.", nil},
		{"day month", "The treaty was signed on 28 June.", nil},
		{"day ordinal", "It started on Tuesday, July 2nd, 2013.", nil},
		{"day of month", "It started on the 2nd of July.", nil},
		{"month year", "The election was held in October 2020.", nil},
		{"iso date", "Created: 2022-06-29Updated: 2022-06-29 05:15 By: staff", nil},
		{"clock", "The quake hit at 7:09 p.m. local time.", nil},
		{"clock gmt", "The quake hit at 0737 GMT.", nil},
		{"clock four digits", "Polls closed (1300 GMT).", nil},
		{"clock pm glued", "It struck at 3.45pm and again at 3pm.", nil},
		{"clock am", "It struck at 7 a.m. and at 9 am.", nil},
		{"ratio slash", "It rained 24/7.", nil},
		{"ordinal adjective", "They are second-tier players.", nil},
		{"at first", "At first nobody came.", nil},
		{"one of", "He is one of Russia's closest allies.", nil},
		{"one on one", "The talks were one-on-one.", nil},
		{"no one", "No one was hurt.", nil},
		{"one day", "One day he will return.", nil},
		{"pronoun one", "She has not managed to avoid one.", nil},
		{"every single one", "We gave every single one of them.", nil},
		{"identifier hyphen", "Covid-19 and the CN-235 aircraft.", nil},
		{"identifier glued", "The MH17 flight and the G20.", nil},
		{"identifier after name", "He owns a Boeing 737 and Resolution 1860.", nil},
		{"number sign", "He lives at No. 10 and #5.", nil},
		{"apostrophe year", "It was the class of '98.", nil},
		{"empty", "", nil},
		{"no digits", "Western journalists have been refused permission to cover the vote.", nil},
		{"citation mark", "It was a serious misdemeanour.[16] Nobody came.", nil},
		{"list number", "1. The first item is here.", []q{ordinal("first item", 1, "item")}},
		{"dotted date", "Today is 11.18.2014.", nil},
		{"month abbreviation", "It was extended to Nov. 16 and Sept. 30.", nil},
		{"year in words", "In nineteen ninety-one Keating was convicted.", nil},
		{"contraction", "Only one can't hear it.", []q{exact("Only one", 1, "")}},
		{"appositive age", "Abed Sultan, 20, a student, and McBride, 54.",
			[]q{exact("20", 20, "year-old"), exact("54", 54, "year-old")}},
		{"comma before a count", "In the district, 10 people were killed, 140 were injured.",
			[]q{exact("10 people", 10, "person"), exact("140", 140, "")}},
		{"identifier before plural counts", "The medical director told the Guardian 41 bodies had been brought in.",
			[]q{exact("41 bodies", 41, "body")}},
		{"years and counts", "In 2004 a tremor sparked a tsunami that killed 170,000 people.",
			[]q{exact("170,000 people", 170000, "person")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Extract(tc.in)
			checkInvariants(t, tc.in, got)
			if diff := cmp.Diff(tc.want, short(got), floatOpt); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

// TestExtractConcurrent checks that pooled parsers do not leak state between
// goroutines.
func TestExtractConcurrent(t *testing.T) {
	inputs := append([]string{}, benchSentences...)
	inputs = append(inputs, "Some 30-40 houses burned.", "One in five adults smokes.", strings.Repeat("7 days, ", 2000))
	want := make([][]Quantity, len(inputs))
	for i, s := range inputs {
		want[i] = Extract(s)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(inputs))
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range inputs {
				i := (k + g) % len(inputs)
				if diff := cmp.Diff(want[i], Extract(inputs[i])); diff != "" {
					errs <- inputs[i][:min(40, len(inputs[i]))] + ":\n" + diff
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent Extract differs from sequential (-want +got) for %s", e)
	}
}

func TestExtractNounAndOf(t *testing.T) {
	tests := []struct {
		in         string
		text       string
		noun, of   string
		canonValue float64
		canonUnit  string
	}{
		{"Russia maintains three military bases in the country.", "three military bases", "military bases", "", 3, "base"},
		{"the more than one million Tajik migrant workers.", "more than one million Tajik migrant workers", "Tajik migrant workers", "", 1e6, "worker"},
		{"Some 2.44 million people, accounting for some 88.41 percent of the country's eligible voters, voted.", "some 88.41 percent", "percent", "voter", 88.41, "percent"},
		{"Ninety percent of the 288 candidates come from one party.", "Ninety percent", "percent", "candidate", 90, "percent"},
		{"Two-thirds of the voters stayed home.", "Two-thirds", "", "voter", 200.0 / 3, "percent"},
		{"One in five adults smokes.", "One in five", "", "adult", 20, "percent"},
		{"The quake originated six miles beneath the surface.", "six miles", "miles", "", 6 * 1.609344, "km"},
		{"It ruled for two decades.", "two decades", "decades", "", 20, "year"},
		{"Two weeks ago he left.", "Two weeks", "weeks", "", 14, "day"},
		{"It lasted 24 hours.", "24 hours", "hours", "", 86400, "s"},
		{"The rocket carried 3.5 tonnes.", "3.5 tonnes", "tonnes", "", 3500, "kg"},
		{"The bill costs $5 million.", "$5 million", "$", "", 5e6, "usd"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got := Extract(tc.in)
			checkInvariants(t, tc.in, got)
			for _, x := range got {
				if x.Text != tc.text {
					continue
				}
				if x.Noun != tc.noun || x.Of != tc.of || math.Abs(x.Canon.Value-tc.canonValue) > 1e-6 || x.Canon.Unit != tc.canonUnit {
					t.Errorf("Extract(%q) %q: got noun %q, of %q, canon %v %s; want %q, %q, %v %s",
						tc.in, tc.text, x.Noun, x.Of, x.Canon.Value, x.Canon.Unit, tc.noun, tc.of, tc.canonValue, tc.canonUnit)
				}
				return
			}
			t.Errorf("Extract(%q) = %v, want a quantity %q", tc.in, short(got), tc.text)
		})
	}
}

func TestExtractOffsets(t *testing.T) {
	src := "Russia’s army — “about 7,000 soldiers” — and 249 people injured."
	got := Extract(src)
	checkInvariants(t, src, got)
	want := []struct {
		text       string
		start, end int
	}{
		{"about 7,000 soldiers", strings.Index(src, "about"), strings.Index(src, "”")},
		{"249 people", strings.Index(src, "249"), strings.Index(src, " injured")},
	}
	if len(got) != len(want) {
		t.Fatalf("Extract(%q) = %v, want %d quantities", src, short(got), len(want))
	}
	for i, w := range want {
		if got[i].Text != w.text || got[i].Start != w.start || got[i].End != w.end {
			t.Errorf("quantity %d: got %q [%d,%d), want %q [%d,%d)", i, got[i].Text, got[i].Start, got[i].End, w.text, w.start, w.end)
		}
	}
}

func TestOverlaps(t *testing.T) {
	first := func(s string) Quantity {
		t.Helper()
		qs := Extract(s)
		if len(qs) == 0 {
			t.Fatalf("Extract(%q) found nothing", s)
		}
		return qs[0]
	}
	tests := []struct {
		a, b string
		want bool
	}{
		{"six miles beneath the surface", "at a depth of 10 kilometres", true},
		{"34 miles west of the town", "55 kilometres south of the town", true},
		{"17 miles from Tel Aviv", "55 kilometres from Tel Aviv", false},
		{"killing at least five people", "leaving 24 dead", true},
		{"killing at least 40 people", "41 bodies", true},
		{"about 400 people", "400 people", true},
		{"about 7,000 soldiers", "8,000 soldiers", false},
		{"turnout was almost 90%", "turnout reached 93.87 percent", false},
		{"some 30 people", "40 people", false},
		{"over 2.5 million people", "2.5 million voters", true},
		{"for two decades", "after 21 years", true},
		{"two weeks ago", "14 days ago", true},
		{"dozens injured", "249 people injured", false},
		{"dozens injured", "at least 50 people", true},
		{"Two-thirds of voters", "66 percent of voters", false},
		{"one-fifth of victims", "20 percent of victims", true},
	}
	for _, tc := range tests {
		t.Run(tc.a+" vs "+tc.b, func(t *testing.T) {
			a, b := first(tc.a), first(tc.b)
			if got := a.Overlaps(b); got != tc.want {
				t.Errorf("%q [%v,%v] Overlaps %q [%v,%v] = %v, want %v", a.Text, a.Canon.Low, a.Canon.High, b.Text, b.Canon.Low, b.Canon.High, got, tc.want)
			}
			if got := b.Overlaps(a); got != tc.want {
				t.Errorf("%q Overlaps %q = %v, want %v (symmetry)", b.Text, a.Text, got, tc.want)
			}
		})
	}
}

func TestJSON(t *testing.T) {
	src := "More than 200 people were injured and about 7,000 soldiers stayed."
	qs := Extract(src)
	b, err := json.Marshal(qs)
	if err != nil {
		t.Fatalf("cannot marshal %v: %v", qs, err)
	}
	for _, want := range []string{`"bound":"at-least"`, `"bound":"approx"`, `"high":1.7976931348623157e+308`, `"unit":"person"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("got JSON %s, want it to contain %s", b, want)
		}
	}
	var back []Quantity
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("cannot unmarshal %s: %v", b, err)
	}
	if diff := cmp.Diff(qs, back); diff != "" {
		t.Errorf("JSON round trip mismatch (-want +got):\n%s", diff)
	}
	exactOnly, err := json.Marshal(Extract("It has 24 bases.")[0])
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(exactOnly), `"bound"`) {
		t.Errorf("got JSON %s, want an exact quantity to omit its bound", exactOnly)
	}
}

func TestBound(t *testing.T) {
	for _, b := range []Bound{Exact, Approx, AtLeast, AtMost, Range} {
		text, err := b.MarshalText()
		if err != nil {
			t.Fatalf("%v.MarshalText: %v", b, err)
		}
		if string(text) != b.String() {
			t.Errorf("got MarshalText %q, want String %q", text, b.String())
		}
		var back Bound
		if err := back.UnmarshalText(text); err != nil || back != b {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v, nil", text, back, err, b)
		}
	}
	if got := Bound(9).String(); got != "bound(9)" {
		t.Errorf("got Bound(9).String() = %q, want %q", got, "bound(9)")
	}
	if _, err := Bound(9).MarshalText(); err == nil {
		t.Error("got no error marshalling Bound(9), want one")
	}
	var b Bound
	if err := b.UnmarshalText([]byte("roughly")); err == nil {
		t.Error("got no error unmarshalling \"roughly\", want one")
	}
	if err := b.UnmarshalText(nil); err != nil || b != Exact {
		t.Errorf("UnmarshalText(nil) = %v, %v; want exact, nil", b, err)
	}
}

func TestSingular(t *testing.T) {
	tests := map[string]string{
		"soldiers": "soldier", "Soldiers": "soldier", "military bases": "military base",
		"bases": "base", "people": "person", "children": "child", "men": "man", "women": "woman",
		"gunmen": "gunman", "casualties": "casualty", "allies": "ally", "lives": "life",
		"wives": "wife", "houses": "house", "churches": "church", "boxes": "box", "crises": "crisis",
		"crisis": "crisis", "news": "news", "police": "police", "staff": "staff", "series": "series",
		"buses": "bus", "heroes": "hero", "shoes": "shoe", "volcanoes": "volcano", "Israelis": "israeli",
		"taxis": "taxi", "kilometres": "kilometre", "miles": "mile", "status": "status",
		"glass": "glass", "year-olds": "year-old", "ties": "tie", "headaches": "headache",
		"feet": "foot", "Yemen": "yemen", "data": "data", "areas": "area", "gas": "gas",
		"analyses": "analysis", "  Troops ": "troop", "": "", "s": "s", "Russia's": "russia's",
	}
	for in, want := range tests {
		if got := Singular(in); got != want {
			t.Errorf("Singular(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPrecheckKeepsTriggers guards the cheap test against rejecting a word
// that can start a quantity.
func TestPrecheckKeepsTriggers(t *testing.T) {
	for w, e := range lexicon {
		if e.flags&trigger == 0 {
			continue
		}
		for _, s := range []string{w, strings.ToUpper(w), "(" + w + ")"} {
			if !mayHold(s) {
				t.Errorf("mayHold(%q) = false, want true for a number word", s)
			}
		}
	}
	if mayHold("Western journalists have been refused permission.") {
		t.Error("mayHold of a sentence without numbers = true, want false")
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Russia maintains three military bases and has about 7,000 soldiers.",
		"between 30 and 40 million", "30-40", "$5m", "one-on-one", "7:09 p.m.",
		"2022-06-29", "a couple of", "half a dozen", "tens of thousands of", "1,000,000.5",
		"twenty-first", "one in", "magnitude-", "-5", "a", "’s 5", "5 -", "€",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, s, Extract(s))
	})
}
