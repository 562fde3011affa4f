package quantity

import "testing"

// benchSentences mixes sentences with and without quantities, as in an
// article.
var benchSentences = []string{
	"Russia maintains three military bases in the country and has about 7,000 soldiers stationed there.",
	"Tajikistan is also economically dependent on Russia because of energy imports and the more than one million Tajik migrant workers.",
	"Bilateral trade in the first five months of 2022 saw a 46.2 percent year-on-year increase compared to the same period in 2021, they noted.",
	"The 201st Russian military base in Tajikistan, spread across the cities of Dushanbe and Bokhtar, is the largest it has outside its own borders.",
	"Putin said he wanted to get an idea of the situation in Central Asia and spoke of a common responsibility for stability in the region.",
	"Twelve people were killed and 70 others were injured by a landslide or collapsing buildings in Bener Meriah district, said Sutopo Purwo Nugroho.",
	"A magnitude-6.1 earthquake struck Indonesia's Aceh province on Tuesday at 07:37 a.m. UTC (3:37 a.m. EDT), killing at least one and leaving two others missing.",
	"The Israeli military however argued Hamas fighters had fired mortar shells at their forces from the school and they had to return fire.",
	"Some 2.44 million people, accounting for some 88.41 percent of the country's eligible voters, cast their ballots as of 4:00 p.m. local time (1100 GMT).",
	"Western journalists have been refused permission to cover the vote.",
}

func BenchmarkExtract(b *testing.B) {
	n := 0
	for _, s := range benchSentences {
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range benchSentences {
			Extract(s)
		}
	}
}

func BenchmarkExtractNoQuantity(b *testing.B) {
	s := "Western journalists have been refused permission to cover the vote, and the Israeli military argued that Hamas fighters had fired mortar shells."
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(s)
	}
}
