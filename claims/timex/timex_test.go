package timex

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// wed is a Wednesday publication date used throughout.
var wed = time.Date(2022, 6, 29, 9, 30, 0, 0, time.UTC)

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// found is what a test expects of one expression.
type found struct {
	Text  string
	Value string
	Mod   Mod
}

func summarise(times []Time) []found {
	var out []found
	for _, t := range times {
		out = append(out, found{t.Text, t.Value, t.Mod})
	}
	return out
}

// checkOffsets asserts the Text/Start/End contract.
func checkOffsets(t *testing.T, sentence string, times []Time) {
	t.Helper()
	for _, tm := range times {
		if tm.Start < 0 || tm.End > len(sentence) || tm.Start >= tm.End || sentence[tm.Start:tm.End] != tm.Text {
			t.Errorf("offsets [%d,%d) of %q do not give its text in %q", tm.Start, tm.End, tm.Text, sentence)
		}
	}
}

type extractCase struct {
	name     string
	sentence string
	want     []found
}

func runExtractCases(t *testing.T, ctx Context, cases []extractCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Extract(c.sentence, ctx)
			checkOffsets(t, c.sentence, got)
			if diff := cmp.Diff(c.want, summarise(got)); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", c.sentence, diff)
			}
		})
	}
}

func TestExtractDates(t *testing.T) {
	runExtractCases(t, Context{Published: wed}, []extractCase{
		{"month day", "The summit opened on June 28 in Dushanbe.", []found{{"June 28", "2022-06-28", 0}}},
		{"day month year", "It was signed on 28 June 2022 in Madrid.", []found{{"28 June 2022", "2022-06-28", 0}}},
		{"abbreviated month, past", "Shares fell sharply on Oct. 20.", []found{{"Oct. 20", "2021-10-20", 0}}},
		{"abbreviated month, future", "The offer expires Aug. 5.", []found{{"Aug. 5", "2022-08-05", 0}}},
		{"iso", "Created: 2022-06-29 05:15", []found{{"2022-06-29", "2022-06-29", 0}}},
		{"iso with clock", "Updated 2022-06-29T03:20:58Z", []found{{"2022-06-29", "2022-06-29", 0}}},
		{"ordinal with year", "The quake struck on July 2nd, 2013.", []found{{"July 2nd, 2013", "2013-07-02", 0}}},
		{"weekday and date", "Tuesday, July 2nd, 2013", []found{{"Tuesday, July 2nd, 2013", "2013-07-02", 0}}},
		{"weekday and bracketed date", "Putin is leaving Russia on Tuesday (June 28) for the first time.", []found{{"Tuesday (June 28)", "2022-06-28", 0}}},
		{"day of month", "The truce began on the 6th of January.", []found{{"the 6th of January", "2022-01-06", 0}}},
		{"ordinal word", "The vote is set for March eighth.", []found{{"March eighth", "2023-03-08", 0}}},
		{"us numeric", "The form is dated 6/28/2022.", []found{{"6/28/2022", "2022-06-28", 0}}},
		{"approximate", "The deal should close around Nov. 1.", []found{{"around Nov. 1", "2022-11-01", ModApprox}}},
		{"date last year", "On 20 December last year the truce collapsed.", []found{{"20 December last year", "2021-12-20", 0}}},
		{"weekday fixes the year", "The paper said in an editorial on Monday, Oct. 26, 2020 that it agreed.", []found{{"Monday, Oct. 26, 2020", "2020-10-26", 0}}},
	})
}

func TestExtractMonthsYears(t *testing.T) {
	runExtractCases(t, Context{Published: wed}, []extractCase{
		{"bare month", "He was given command in April.", []found{{"April", "2022-04", 0}}},
		{"month year", "This process was completed in April 2020.", []found{{"April 2020", "2020-04", 0}}},
		{"month of year", "It happened in June of 2019.", []found{{"June of 2019", "2019-06", 0}}},
		{"early month", "His last trip abroad took him to China in early February.", []found{{"early February", "2022-02", ModStart}}},
		{"mid month", "In mid-June, however, Tokayev changed course.", []found{{"mid-June", "2022-06", ModMid}}},
		{"future month", "Five schools are scheduled to open in September.", []found{{"September", "2022-09", 0}}},
		{"month last year", "In April last year an 8.6-magnitude quake struck.", []found{{"April last year", "2021-04", 0}}},
		{"last month name", "Prices peaked last April.", []found{{"April", "2022-04", 0}}},
		{"last month name a year back", "Prices peaked last May.", []found{{"May", "2021-05", 0}}},
		{"next month name", "Elections are due next March.", []found{{"March", "2023-03", 0}}},
		{"the month", "The March accession will make them members.", []found{{"March", "2023-03", 0}}},
		{"year", "Trade grew in 2022.", []found{{"2022", "2022", 0}}},
		{"since year", "He has been in power since 1992.", []found{{"1992", "1992", ModOnOrAfter}}},
		{"until year", "The ban lasts until 2030.", []found{{"2030", "2030", ModOnOrBefore}}},
		{"year as modifier", "Following the 1991 collapse of the Soviet Union, war broke out.", []found{{"1991", "1991", 0}}},
		{"fiscal year", "Sales rose in fiscal 1989.", []found{{"fiscal 1989", "1989", 0}}},
		{"mid year", "Output recovered by mid-2021.", []found{{"mid-2021", "2021", ModMid}}},
		{"post year", "The post-1959 government nationalised it.", []found{{"post-1959", "1959", ModAfter}}},
		{"early decade", "He led the party in the early 1990s.", []found{{"the early 1990s", "199X", ModStart}}},
		{"apostrophe decade", "It was a hit in the '80s.", []found{{"the '80s", "198X", 0}}},
		{"century", "The city was founded in the 19th century.", []found{{"the 19th century", "18XX", 0}}},
		{"this century", "It is the worst disaster of this century.", []found{{"this century", "20XX", 0}}},
		{"year end", "The deal should close by year-end.", []found{{"year-end", "2022", ModEnd}}},
	})
}

func TestExtractQuartersSeasons(t *testing.T) {
	oct := Context{Published: date(1989, 10, 26)}
	runExtractCases(t, oct, []extractCase{
		{"ordinal quarter", "Net income rose 11% in the third quarter.", []found{{"the third quarter", "1989-Q3", 0}}},
		{"hyphenated quarter", "Travelers's third-quarter net income rose 11%.", []found{{"third-quarter", "1989-Q3", 0}}},
		{"fourth quarter ahead", "It expects a fourth-quarter charge.", []found{{"fourth-quarter", "1989-Q4", 0}}},
		{"first quarter, past", "It earned $5 million in the first quarter.", []found{{"the first quarter", "1989-Q1", 0}}},
		{"quarter of year", "Sales fell in the third quarter of 1984.", []found{{"the third quarter of 1984", "1984-Q3", 0}}},
		{"next year's quarter", "Orders pick up in next year's first quarter.", []found{{"next year's first quarter", "1990-Q1", 0}}},
		{"the quarter", "It lost $5.5 million for the quarter.", []found{{"the quarter", "1989-Q3", 0}}},
		{"the current quarter", "Margins will narrow in the current quarter.", []found{{"the current quarter", "1989-Q4", 0}}},
		{"q notation", "Revenue in Q2 2021 doubled.", []found{{"Q2 2021", "2021-Q2", 0}}},
		{"half", "Growth slowed in the first half of 1989.", []found{{"the first half of 1989", "1989-H1", 0}}},
		{"year-ago quarter", "It earned $10 million in the year-ago quarter.", []found{{"the year-ago quarter", "1988-Q3", 0}}},
		{"quarter ended", "It lost $92 million for the quarter ended Sept. 30.", []found{{"the quarter", "1989-Q3", 0}, {"Sept. 30", "1989-09-30", 0}}},
		{"fiscal quarter ended", "In the quarter ended July 31, it had 5.6 million shares.", []found{{"the quarter", "1989-Q2", 0}, {"July 31", "1989-07-31", 0}}},
		{"months period", "For the nine months, net fell from $3 million a year earlier.", []found{{"a year earlier", "1988", 0}}},
		{"this summer", "The plant closes this summer.", []found{{"this summer", "1989-SU", 0}}},
		{"last fall", "Talks began last fall.", []found{{"last fall", "1988-FA", 0}}},
		{"season of year", "It opened in the spring of 1987.", []found{{"the spring of 1987", "1987-SP", 0}}},
	})
}

func TestExtractRelative(t *testing.T) {
	runExtractCases(t, Context{Published: wed}, []extractCase{
		{"yesterday", "Another soldier was killed yesterday.", []found{{"yesterday", "2022-06-28", 0}}},
		{"yesterday afternoon", "The quake struck yesterday afternoon.", []found{{"yesterday afternoon", "2022-06-28", 0}}},
		{"today", "The toll rose today.", []found{{"today", "2022-06-29", 0}}},
		{"tomorrow", "Talks resume tomorrow.", []found{{"tomorrow", "2022-06-30", 0}}},
		{"last night", "Abbas last night delivered a plea.", []found{{"last night", "2022-06-28", 0}}},
		{"day before yesterday", "It began the day before yesterday.", []found{{"the day before yesterday", "2022-06-27", 0}}},
		{"last week", "A visit to Tajikistan last week underscored it.", []found{{"last week", "2022-W25", 0}}},
		{"this week", "The ministers meet this week.", []found{{"this week", "2022-W26", 0}}},
		{"two weeks ago", "Two weeks ago, Kurilla was in Tajikistan.", []found{{"Two weeks ago", "2022-W24", 0}}},
		{"last weekend", "Shoigu visited Ukraine last weekend.", []found{{"last weekend", "2022-W25-WE", 0}}},
		{"last year", "Rahmon was the only guest last year.", []found{{"last year", "2021", 0}}},
		{"next month", "The law takes effect next month.", []found{{"next month", "2022-07", 0}}},
		{"this month", "Prices rose this month.", []found{{"this month", "2022-06", 0}}},
		{"days ago", "The assault began 11 days ago.", []found{{"11 days ago", "2022-06-18", 0}}},
		{"approximate ago", "It closed nearly four years ago.", []found{{"nearly four years ago", "2018", ModApprox}}},
		{"a year earlier", "Wages were 3.8 percent higher than a year earlier.", []found{{"a year earlier", "2021", 0}}},
		{"decade ago", "A decade ago, the region was calm.", []found{{"A decade ago", "2012", 0}}},
		{"past year", "Prices doubled over the past year.", []found{{"the past year", "2021", 0}}},
		{"earlier this year", "A constitution was adopted earlier this year.", []found{{"earlier this year", "2022", 0}}},
		{"early next year", "The plant opens early next year.", []found{{"early next year", "2023", ModStart}}},
		{"end of the month", "Troops arrive by the end of the month.", []found{{"the end of the month", "2022-06", ModEnd}}},
		{"vague past", "Several years ago the mine closed.", []found{{"Several years ago", "PAST_REF", 0}}},
	})
}

func TestExtractRefs(t *testing.T) {
	runExtractCases(t, Context{Published: wed}, []extractCase{
		{"now", "Russia now controls Luhansk.", []found{{"now", "PRESENT_REF", 0}}},
		{"right now", "Right now my evidence is scant.", []found{{"Right now", "PRESENT_REF", 0}}},
		{"currently", "Some 1 million Gazans are currently without power.", []found{{"currently", "PRESENT_REF", 0}}},
		{"these days", "These days the streets are empty.", []found{{"These days", "PRESENT_REF", 0}}},
		{"recently", "Relations have recently become strained.", []found{{"recently", "PAST_REF", 0}}},
		{"recent months", "He has in recent months increased engagement.", []found{{"recent months", "PAST_REF", 0}}},
		{"formerly", "The firm was formerly state-owned.", []found{{"formerly", "PAST_REF", 0}}},
		{"the past", "In the past it considered a merger.", []found{{"the past", "PAST_REF", 0}}},
		{"the future", "It will help Kenya in the future.", []found{{"the future", "FUTURE_REF", 0}}},
		{"near future", "Rates will fall in the near future.", []found{{"the near future", "FUTURE_REF", 0}}},
		{"future before noun", "It must prepare for future disasters.", []found{{"future", "FUTURE_REF", 0}}},
		{"soon", "The embassy will soon oversee the work.", []found{{"soon", "FUTURE_REF", 0}}},
		{"soon afterwards is relative", "His body was found soon afterwards.", nil},
		{"coming months", "The economy will slow in coming months.", []found{{"coming months", "FUTURE_REF", 0}}},
	})
}

// TestWeekdayTense places bare weekdays by the tense of their clause, from a
// Wednesday publication date.
func TestWeekdayTense(t *testing.T) {
	runExtractCases(t, Context{Published: wed}, []extractCase{
		{"past", "The meeting took place on Tuesday.", []found{{"Tuesday", "2022-06-28", 0}}},
		{"past, same weekday", "Putin arrived in Tajikistan on Wednesday.", []found{{"Wednesday", "2022-06-29", 0}}},
		{"past, earlier weekday", "Voters cast ballots Sunday.", []found{{"Sunday", "2022-06-26", 0}}},
		{"past, later weekday", "The talks ended on Friday.", []found{{"Friday", "2022-06-24", 0}}},
		{"future", "The leaders will join the talks on Friday.", []found{{"Friday", "2022-07-01", 0}}},
		{"future, same weekday", "He will speak on Wednesday.", []found{{"Wednesday", "2022-06-29", 0}}},
		{"future, earlier weekday", "Talks will resume Monday.", []found{{"Monday", "2022-07-04", 0}}},
		{"scheduled", "A meeting was scheduled for Tuesday.", []found{{"Tuesday", "2022-07-05", 0}}},
		{"is due to", "Putin is due to meet Aliyev on Monday.", []found{{"Monday", "2022-07-04", 0}}},
		{"expected to", "He is expected to sign the bill on Thursday.", []found{{"Thursday", "2022-06-30", 0}}},
		{"plans to", "She plans to travel on Saturday.", []found{{"Saturday", "2022-07-02", 0}}},
		{"is to", "The president is to visit Kyiv on Friday.", []found{{"Friday", "2022-07-01", 0}}},
		{"clauses differ", "Officials said Tuesday that talks will resume Thursday.", []found{{"Tuesday", "2022-06-28", 0}, {"Thursday", "2022-06-30", 0}}},
		{"last weekday", "Prices fell last Friday.", []found{{"last Friday", "2022-06-24", 0}}},
		{"next weekday", "Prices may fall next Tuesday.", []found{{"next Tuesday", "2022-07-05", 0}}},
		{"late weekday", "Five people were confirmed dead, an official told AFP late Tuesday.", []found{{"late Tuesday", "2022-06-28", ModEnd}}},
		{"part of day", "The election ended Sunday evening as scheduled.", []found{{"Sunday evening", "2022-06-26", 0}}},
		{"possessive", "Sunday's vote was calm.", []found{{"Sunday's", "2022-06-26", 0}}},
	})
}

func TestWeekdayChoosesYear(t *testing.T) {
	// Oct. 26 was a Sunday in 1997 and a Monday in 1998.
	got := Extract("The Times said in an editorial on Monday, Oct. 26:", Context{Published: date(1998, 6, 1)})
	if len(got) != 1 || got[0].Value != "1998-10-26" {
		t.Errorf("got %+v, want one time 1998-10-26", got)
	}
}

func TestContextTense(t *testing.T) {
	for _, c := range []struct {
		tense Tense
		want  string
	}{
		{Past, "2022-06-24"},
		{Future, "2022-07-01"},
		{TenseUnknown, "2022-06-24"},
	} {
		t.Run(c.tense.String(), func(t *testing.T) {
			got := Extract("Talks on Friday.", Context{Published: wed, Tense: c.tense})
			if len(got) != 1 || got[0].Value != c.want {
				t.Errorf("Extract with tense %v = %+v, want one time %s", c.tense, got, c.want)
			}
		})
	}
}

// TestUnknownPublication checks that nothing is guessed without a
// publication date.
func TestUnknownPublication(t *testing.T) {
	tue := time.Tuesday
	cases := []struct {
		sentence string
		value    string
		weekday  *time.Weekday
		rel      *Rel
		resolved bool
	}{
		{"The meeting took place on Tuesday.", "XXXX-WXX-2", &tue, nil, false},
		{"Kurilla was in Tajikistan two weeks ago.", "XXXX-WXX", nil, &Rel{Unit: Week, N: -2}, false},
		{"He visited last week.", "XXXX-WXX", nil, &Rel{Unit: Week, N: -1}, false},
		{"Another soldier was killed yesterday.", "XXXX-XX-XX", nil, &Rel{Unit: Day, N: -1}, false},
		{"The summit opened on June 28.", "XXXX-06-28", nil, nil, false},
		{"Troops withdrew in April.", "XXXX-04", nil, nil, false},
		{"It lost money in the third quarter.", "XXXX-Q3", nil, nil, false},
		{"It lost money in the quarter.", "XXXX-QX", nil, nil, false},
		{"Trade grew in 2022.", "2022", nil, nil, true},
		{"Rahmon has ruled since 1992.", "1992", nil, nil, true},
	}
	for _, c := range cases {
		t.Run(c.sentence, func(t *testing.T) {
			got := Extract(c.sentence, Context{})
			if len(got) != 1 {
				t.Fatalf("Extract(%q) = %+v, want one time", c.sentence, got)
			}
			g := got[0]
			if g.Value != c.value || g.Resolved() != c.resolved {
				t.Errorf("got value %q resolved %v, want %q resolved %v", g.Value, g.Resolved(), c.value, c.resolved)
			}
			if diff := cmp.Diff(c.weekday, g.Weekday); diff != "" {
				t.Errorf("weekday (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(c.rel, g.Rel); diff != "" {
				t.Errorf("rel (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFalseFriends(t *testing.T) {
	runExtractCases(t, Context{Published: wed}, []extractCase{
		{"modal may", "He may resign, officials said.", nil},
		{"sentence-initial May", "May God help us all.", nil},
		{"surname May", "Theresa May spoke to reporters.", nil},
		{"verb march", "Protesters march to the palace.", nil},
		{"the March on", "The March on Washington drew crowds.", nil},
		{"first name", "April Smith told reporters the plan failed.", nil},
		{"quantity with comma", "About 2,000 troops are stationed there.", nil},
		{"quantity without comma", "Some 2000 troops are stationed there.", nil},
		{"quantity noun", "The army sent 1500 soldiers.", nil},
		{"money", "The fine was $1990.", nil},
		{"ordinal unit", "The 201st brigade moved north.", nil},
		{"decimal", "A 6.1-magnitude quake struck.", nil},
		{"newspaper", "He told the Sunday Times he would stay.", nil},
		{"abbreviation", "The Sun reported the story.", nil},
		{"plural weekday", "The market is closed on Mondays.", nil},
		{"durations", "He signed a two-year contract after a 24-hour strike.", nil},
		{"fall of", "Since the fall of the regime, prices rose.", nil},
		{"current account", "The current account deficit widened.", nil},
		{"percent", "Inflation hit 1990 percent.", nil},
	})
}

func TestMods(t *testing.T) {
	got := Extract("in early February", Context{Published: wed})
	if len(got) != 1 {
		t.Fatalf("got %+v, want one time", got)
	}
	if !got[0].Low.Equal(date(2022, 2, 1)) || !got[0].High.Equal(date(2022, 2, 9)) {
		t.Errorf("early February = [%s, %s], want [2022-02-01, 2022-02-09]", got[0].Low, got[0].High)
	}
	got = Extract("in the early 1990s", Context{})
	if len(got) != 1 || !got[0].Low.Equal(date(1990, 1, 1)) || got[0].High.Year() != 1993 {
		t.Errorf("the early 1990s = %+v, want 1990-01-01 to some day in 1993", got)
	}
	got = Extract("earlier this year", Context{Published: wed})
	if len(got) != 1 || !got[0].Low.Equal(date(2022, 1, 1)) || !got[0].High.Equal(date(2022, 6, 29)) {
		t.Errorf("earlier this year = %+v, want [2022-01-01, 2022-06-29]", got)
	}
}

func TestIntervals(t *testing.T) {
	cases := []struct {
		sentence string
		low      time.Time
		high     time.Time
	}{
		{"It happened last week.", date(2022, 6, 20), date(2022, 6, 26)},
		{"It happened last weekend.", date(2022, 6, 25), date(2022, 6, 26)},
		{"It happened in April.", date(2022, 4, 1), date(2022, 4, 30)},
		{"It happened in 2022.", date(2022, 1, 1), date(2022, 12, 31)},
		{"It happened in the third quarter of 2021.", date(2021, 7, 1), date(2021, 9, 30)},
		{"It happened yesterday.", date(2022, 6, 28), date(2022, 6, 28)},
		{"It happened in the 1990s.", date(1990, 1, 1), date(1999, 12, 31)},
	}
	for _, c := range cases {
		t.Run(c.sentence, func(t *testing.T) {
			got := Extract(c.sentence, Context{Published: wed})
			if len(got) != 1 {
				t.Fatalf("got %+v, want one time", got)
			}
			if !got[0].Low.Equal(c.low) || !got[0].High.Equal(c.high) {
				t.Errorf("got [%s, %s], want [%s, %s]", got[0].Low.Format(time.DateOnly), got[0].High.Format(time.DateOnly),
					c.low.Format(time.DateOnly), c.high.Format(time.DateOnly))
			}
		})
	}
}

func first(t *testing.T, sentence string, pub time.Time) Time {
	t.Helper()
	got := Extract(sentence, Context{Published: pub})
	if len(got) == 0 {
		t.Fatalf("Extract(%q) found nothing", sentence)
	}
	return got[0]
}

func TestRelate(t *testing.T) {
	cases := []struct {
		name string
		a, b string
		pubA time.Time
		pubB time.Time
		want Relation
	}{
		{"week holds day", "It happened last week.", "It happened on June 22.", wed, wed, RelationOverlap},
		{"month holds day", "It happened in April.", "It happened on April 30.", wed, wed, RelationOverlap},
		{"early month excludes late day", "It happened in early February.", "It happened on February 20.", wed, wed, RelationDisjoint},
		{"since opens the interval", "He has ruled since 1992.", "He ruled in 1995.", wed, wed, RelationOverlap},
		{"before since", "He has ruled since 1992.", "He ruled in 1990.", wed, wed, RelationDisjoint},
		{"early decade", "It grew in the early 1990s.", "It grew in 1999.", wed, wed, RelationDisjoint},
		{"different publication dates agree", "It happened yesterday.", "It happened on Tuesday.", wed, date(2022, 6, 30), RelationOverlap},
		{"weeks apart, unknown dates", "It happened two weeks ago.", "It happened last week.", time.Time{}, time.Time{}, RelationDisjoint},
		{"same offset, unknown dates", "It happened last week.", "It happened last week.", time.Time{}, time.Time{}, RelationOverlap},
		{"different units, unknown dates", "It happened last week.", "It happened yesterday.", time.Time{}, time.Time{}, RelationUnknown},
		{"two Tuesdays", "It happened on Tuesday.", "It happened on Tuesday.", time.Time{}, time.Time{}, RelationOverlap},
		{"Tuesday and Wednesday", "It happened on Tuesday.", "It happened on Wednesday.", time.Time{}, time.Time{}, RelationDisjoint},
		{"resolved day and other weekday", "It happened yesterday.", "It happened on Monday.", wed, time.Time{}, RelationDisjoint},
		{"resolved day and its weekday", "It happened yesterday.", "It happened on Tuesday.", wed, time.Time{}, RelationUnknown},
		{"refs", "It is calm now.", "It is calm currently.", wed, wed, RelationOverlap},
		{"past and future refs", "It was calm recently.", "It will be calm soon.", wed, wed, RelationDisjoint},
		{"ref and date", "It is calm now.", "It was calm on Monday.", wed, wed, RelationUnknown},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, b := first(t, c.a, c.pubA), first(t, c.b, c.pubB)
			if got := a.Relate(b); got != c.want {
				t.Errorf("Relate(%q=%s, %q=%s) = %v, want %v", a.Text, a.Value, b.Text, b.Value, got, c.want)
			}
			if got := b.Relate(a); got != c.want {
				t.Errorf("Relate is not symmetric: reversed gives %v, want %v", got, c.want)
			}
			if got := a.Overlaps(b); got != (c.want == RelationOverlap) {
				t.Errorf("Overlaps = %v, want %v", got, c.want == RelationOverlap)
			}
			if got := a.Disjoint(b); got != (c.want == RelationDisjoint) {
				t.Errorf("Disjoint = %v, want %v", got, c.want == RelationDisjoint)
			}
		})
	}
}

func TestContinues(t *testing.T) {
	cases := []struct {
		sentence string
		want     bool
	}{
		{"They will later be joined by the presidents of Armenia, Azerbaijan, and Belarus.", true},
		{"Later that day, a shell hit a house in the Beach refugee camp.", true},
		{"Then the talks broke down.", true},
		{"Afterwards, the ministers met in private.", true},
		{"\u201cThey were killed instantly,\u201d he said.", true},
		{"He said on Tuesday that the talks had failed.", false},
		{"It was the worst quake since 2004.", false},
		{"The talks failed.", false},
		{"Police later arrested two men.", false},
		{"", false},
	}
	for _, c := range cases {
		t.Run(c.sentence, func(t *testing.T) {
			if got := Continues(c.sentence); got != c.want {
				t.Errorf("Continues(%q) = %v, want %v", c.sentence, got, c.want)
			}
		})
	}
}

func TestTenseOf(t *testing.T) {
	cases := []struct {
		sentence string
		want     Tense
	}{
		{"He said the talks failed.", Past},
		{"The rebels were driven back.", Past},
		{"Moscow has increased its military presence.", Past},
		{"The agreement had been signed.", Past},
		{"The talks will resume on Monday.", Future},
		{"They'll meet again.", Future},
		{"A meeting was scheduled for Tuesday.", Future},
		{"Putin is due to meet Aliyev.", Future},
		{"The company is expected to report earnings.", Future},
		{"She plans to travel to Minsk.", Future},
		{"The president is to visit Kyiv.", Future},
		{"The losses were due to heavy rain.", Past},
		{"The country is dependent on Russian energy.", Present},
		{"Officials say the toll is rising.", Present},
		{"A quiet street in Dushanbe.", TenseUnknown},
		{"", TenseUnknown},
	}
	for _, c := range cases {
		t.Run(c.sentence, func(t *testing.T) {
			if got := TenseOf(c.sentence); got != c.want {
				t.Errorf("TenseOf(%q) = %v, want %v", c.sentence, got, c.want)
			}
		})
	}
}

func TestDiscourse(t *testing.T) {
	cases := []struct {
		name      string
		pub       time.Time
		sentences []string
		want      []string // the value of the last expression of the last sentence
	}{
		{"year earlier after quarter", date(1989, 10, 26), []string{
			"The company reported a third-quarter loss of $5 million.",
			"A year earlier, it earned $2 million.",
		}, []string{"1989-Q3", "1988-Q3"}},
		{"year-ago quarter twice", date(1989, 10, 26), []string{
			"Net rose in the third quarter.",
			"It earned less in the year-ago quarter.",
			"Revenue was lower a year ago.",
		}, []string{"1989-Q3", "1988-Q3", "1988-Q3"}},
		{"following year", date(1998, 4, 18), []string{
			"The plant opened in 1995.",
			"The following year it closed.",
		}, []string{"1995", "1996"}},
		{"that day", wed, []string{
			"The school was shelled on Tuesday.",
			"Earlier that day, a house was hit.",
		}, []string{"2022-06-28", "2022-06-28"}},
		{"that day without anchor", wed, []string{
			"Earlier that day, a house was hit.",
		}, []string{"XXXX-XX-XX"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := NewDiscourse(c.pub)
			var got []string
			for _, s := range c.sentences {
				times := d.Extract(s)
				checkOffsets(t, s, times)
				if len(times) == 0 {
					got = append(got, "")
					continue
				}
				got = append(got, times[len(times)-1].Value)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("values (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEmptyAndNoTime(t *testing.T) {
	for _, s := range []string{"", " ", "The quick brown fox.", "x", "\u201c\u201d"} {
		if got := Extract(s, Context{Published: wed}); got != nil {
			t.Errorf("Extract(%q) = %+v, want nil", s, got)
		}
	}
}

func TestJSON(t *testing.T) {
	got := Extract("Troops arrived in early February and left on June 28.", Context{Published: wed})
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"text":"early February","value":"2022-02","start":18,"end":32,"mod":"START"},` +
		`{"text":"June 28","value":"2022-06-28","start":45,"end":52}]`
	if string(b) != want {
		t.Errorf("JSON\n got %s\nwant %s", b, want)
	}
}

func TestEnumStrings(t *testing.T) {
	if got := Future.String(); got != "future" {
		t.Errorf("Future.String() = %q", got)
	}
	var tn Tense
	if err := tn.UnmarshalText([]byte("past")); err != nil || tn != Past {
		t.Errorf("UnmarshalText(past) = %v, %v; want Past, nil", tn, err)
	}
	if err := tn.UnmarshalText([]byte("someday")); err == nil {
		t.Errorf("UnmarshalText(someday) gave no error")
	}
	for _, c := range []struct{ got, want string }{
		{KindWeekday.String(), "weekday"}, {Week.String(), "week"}, {ModOnOrAfter.String(), "ON_OR_AFTER"},
		{RelationDisjoint.String(), "disjoint"}, {Kind(200).String(), "Kind(200)"},
	} {
		if c.got != c.want {
			t.Errorf("String() = %q, want %q", c.got, c.want)
		}
	}
}
