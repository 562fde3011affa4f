package claims

import "testing"

func TestModalityOf(t *testing.T) {
	tests := []struct {
		sentence string
		want     Modality
		source   string
		cue      string
	}{
		{"Russia maintains three military bases in the country.", Asserted, "", ""},
		{"These include growing cooperation with North Korea, whose troops Moscow says have joined the fighting in Ukraine.", Attributed, "Moscow", "Moscow says"},
		{"It is part of his pivot to the East, which includes North Korea, whose troops could reportedly be involved in the war.", Hedged, "", "could reportedly"},
		{"According to a Kremlin statement, Putin will on Thursday participate in a summit.", Attributed, "Kremlin statement", "According to"},
		{"The Institute for the Study of War reported that General Gennady Shidko “probably” replaced Alexander Dvornikov.", Hedged, "Institute for the Study of War", "probably"},
		{"He didn’t come this year either.", Negated, "", "n’t"},
		{"So far, there has been no official confirmation from Russia.", Negated, "", "no"},
		{"Remittances could fall by 40% in 2022.", Hedged, "", "could"},
		{"The talks took place in May.", Asserted, "", ""},
		// A negation inside a long quotation is the speaker's, not the article's.
		{"“We will not give up on this region,” the minister said.", Attributed, "minister", "minister said"},
		// Scare quotes around a hedge still hedge.
		{"Officials described the outcome as “likely”.", Hedged, "", "likely"},
		{"The leaders will join the talks on Friday, according to the Kremlin.", Attributed, "Kremlin", "according to"},
		// Certainty put in numbers is less than certainty.
		{"An initial investigation left him 99.9 per cent sure there were no militants at the school.", Hedged, "", "99.9 per cent sure"},
		{"“Our hope is to turn them over to the Tajik government,” said the head of US Central Command.", Attributed, "head of US Central Command", "said"},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			m, src, cue := modalityOf(tt.sentence)
			gotCue := tt.sentence[cue.Start:cue.End]
			if m != tt.want || src != tt.source || gotCue != tt.cue {
				t.Errorf("modalityOf(%q) = %v, %q, cue %q; want %v, %q, cue %q", tt.sentence, m, src, gotCue, tt.want, tt.source, tt.cue)
			}
		})
	}
}

func TestFindQuotes(t *testing.T) {
	tests := []struct {
		para string
		want []Quote
	}{
		{
			`“We are trying to build relationships with the political forces,” Putin was quoted by the Associated Press as saying.`,
			[]Quote{{Speaker: "Putin", Text: "We are trying to build relationships with the political forces"}},
		},
		{
			`In Dushanbe, Putin said he wanted to improve relations: “We are doing everything to normalize the situation.”`,
			[]Quote{{Speaker: "Putin", Text: "We are doing everything to normalize the situation."}},
		},
		{
			`"Our hope is to turn them over," said the head of US Central Command.`,
			[]Quote{{Speaker: "head of US Central Command", Text: "Our hope is to turn them over"}},
		},
		{
			`“Today, much depends on the cooperation of our military institutions,” Russian Defense Minister Andrei Belousov said after the meeting.`,
			[]Quote{{Speaker: "Russian Defense Minister Andrei Belousov", Text: "Today, much depends on the cooperation of our military institutions"}},
		},
		{
			`“This support will continue. I am attached to Tajik sovereignty.`,
			[]Quote{{Speaker: "", Text: "This support will continue. I am attached to Tajik sovereignty."}},
		},
		{`No quotation here.`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.para, func(t *testing.T) {
			got := findQuotes(tt.para, 0, nil)
			if len(got) != len(tt.want) {
				t.Fatalf("findQuotes(%q) = %+v, want %+v", tt.para, got, tt.want)
			}
			for i := range got {
				if got[i].Speaker != tt.want[i].Speaker || got[i].Text != tt.want[i].Text {
					t.Errorf("quote %d = %q by %q, want %q by %q", i, got[i].Text, got[i].Speaker, tt.want[i].Text, tt.want[i].Speaker)
				}
				if tt.para[got[i].Start:got[i].End] == "" {
					t.Errorf("quote %d has an empty span", i)
				}
			}
		})
	}
}
