package claims

import "testing"

func TestIsFurniture(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Back to top button", true},
		{"Trends 24h", true},
		{"You may like", true},
		{"source site", true},
		{"© Communities 2019 - Privacy", true},
		{"Also Read: Russian President Offers One-Year Nuclear Limits if U.S. Agrees", true},
		{"Related: Erdogan Calls Putin, Discusses Ending the War in Ukraine", true},
		{"Now you can see non-English news...", true},
		{"By: Florian Naumann", true},
		{"By Jane Q. Reporter", true},
		{"2022-06-29T03:20:58.718Z", true},
		{"July 03, 2013 6:22AM", true},
		{"News/Politics 2024-03-25T10:34:43.598Z", true},
		{"© IMAGO/Maksim Blinov", true},
		{"Update from June 28, 7:09 p.m .:", true},
		{"This story was first published by Eurasianet.org.", true},
		{"The information on this site is from external sources that are not under our control.", true},
		{"Read more: Floods hit the capital", true},
		{"Photo: Reuters", true},
		{"(", true},
		{"fn/dpa", true},
		{"", true},
		// Reporting stays, including short sentences and headlines.
		{"And few are quite certain why.", false},
		{"Russia: Putin travels abroad for the first time since the start of the war", false},
		{"Putin meets Rahmon, plans talks with Aliyev", false},
		{"Russia maintains three military bases in the country and has about 7,000 soldiers stationed there.", false},
		{"The Kremlin said in a statement: talks would focus on security.", false},
		{"Moscow/Dushanbe – Vladimir Putin is leaving Russia on Tuesday (June 28) for the first time.", false},
		{"Officials said the site of the blast was sealed off.", false},
		{"Not all news on the site expresses the point of view of the site.", true},
		{"The news agency reported that the site of the blast was sealed off.", false},
		{"Officials said the website had spread false news about the attack.", false},
		{"Rescue workers searched the site of the collapse as news of the deaths spread.", false},
		{"Inspectors were denied access to the nuclear site, state news agency IRNA reported.", false},
		{"Visit our website for the latest news.", true},
		{"The inclusion of any links does not necessarily imply a recommendation.", true},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := IsFurniture(tt.line); got != tt.want {
				t.Errorf("IsFurniture(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}
