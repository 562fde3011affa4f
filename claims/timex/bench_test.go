package timex

import (
	"testing"
	"time"
)

// benchSentences are news sentences of the kinds Extract sees, most with
// no time expression at all.
var benchSentences = []string{
	"Russian President Vladimir Putin has traveled abroad for the first time since the war of aggression against Ukraine began.",
	"A meeting with President Emomali Rahmon, one of Russia's closest allies, was scheduled for Tuesday in central Asian Tajikistan.",
	"Both countries belong to the military alliance OVKS (Collective Security Treaty Organisation).",
	"Russia maintains three military bases in the country and has about 7,000 soldiers stationed there.",
	"Two weeks ago, American General Michael Kurilla was in Tajikistan and announced that he would surrender a number of planes.",
	"The institute concluded that Zhidko sat next to him during a visit by Defense Minister Sergei Shoigu to Ukraine last weekend.",
	"Bilateral trade in the first five months of 2022 saw a 46.2 percent year-on-year increase compared to the same period in 2021.",
	"In April last year an 8.6-magnitude quake struck 431 kilometres off Banda Aceh, prompting an Indian Ocean-wide tsunami alert.",
	"Twelve people were killed and 70 others were injured by a landslide or collapsing buildings in Bener Meriah district.",
	"The company said net income in the third quarter rose 63% to $113.2 million, or 6.70 guilders a share, from a year earlier.",
}

func BenchmarkExtract(b *testing.B) {
	ctx := Context{Published: time.Date(2022, 6, 29, 0, 0, 0, 0, time.UTC)}
	n := 0
	for _, s := range benchSentences {
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range benchSentences {
			Extract(s, ctx)
		}
	}
}

func BenchmarkExtractNoTime(b *testing.B) {
	s := benchSentences[2]
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(s, Context{})
	}
}

func BenchmarkTenseOf(b *testing.B) {
	n := 0
	for _, s := range benchSentences {
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range benchSentences {
			TenseOf(s)
		}
	}
}
