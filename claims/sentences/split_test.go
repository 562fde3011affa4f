package sentences

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"blank", " \n\t\r\n \u00a0\u200b ", nil},
		{"one sentence without end", "Putin arrives in Dushanbe", []string{"Putin arrives in Dushanbe"}},
		{"two sentences", "Talks began. They ended late.", []string{"Talks began.", "They ended late."}},
		{"question and exclamation", "Why now? Nobody knows! Still, talks go on.", []string{"Why now?", "Nobody knows!", "Still, talks go on."}},

		// Line breaks.
		{"headline then paragraph", "Putin travels abroad\n\nThe president left on Tuesday. He returns Friday.",
			[]string{"Putin travels abroad", "The president left on Tuesday.", "He returns Friday."}},
		{"single line break ends a sentence", "Visit aims to maintain influence\nPutin rarely travels abroad.",
			[]string{"Visit aims to maintain influence", "Putin rarely travels abroad."}},
		{"line break inside a sentence", "Azerbaijan abstained, as the website\nGeopolitical Monitor\npoints out.",
			[]string{"Azerbaijan abstained, as the website", "Geopolitical Monitor", "points out."}},
		{"carriage returns", "First line.\r\nSecond line.\rThird line.", []string{"First line.", "Second line.", "Third line."}},
		{"unicode line separators", "One.\u2028Two.\u2029Three.\u0085Four.", []string{"One.", "Two.", "Three.", "Four."}},
		{"bullet items", "  • The first stop is Dushanbe.\n\n  • Talks with Rahmon follow.",
			[]string{"• The first stop is Dushanbe.", "• Talks with Rahmon follow."}},
		{"bullets on one line", "• Kazakhstan • Kyrgyzstan • Uzbekistan", []string{"• Kazakhstan", "• Kyrgyzstan", "• Uzbekistan"}},
		{"update line", "Update from June 28, 7:09 p.m .:\n\nPutin wants more influence.",
			[]string{"Update from June 28, 7:09 p.m .:", "Putin wants more influence."}},
		{"punctuation-only lines dropped", "Source: dpa\n(\n*  *  *\n)\n—", []string{"Source: dpa"}},

		// Abbreviations.
		{"title before name", "Gen. Michael Kurilla visited. Dr. Jane Roe and Sen. Bob Doe met Gov. Kim.",
			[]string{"Gen. Michael Kurilla visited.", "Dr. Jane Roe and Sen. Bob Doe met Gov. Kim."}},
		{"U.S. before a name", "The U.S. Embassy in Dushanbe will help.", []string{"The U.S. Embassy in Dushanbe will help."}},
		{"U.S. before a lower-case word", "Aid from the U.S. rose in 2022.", []string{"Aid from the U.S. rose in 2022."}},
		{"U.S. ends a sentence", "Troops came from the U.S. The base is large.", []string{"Troops came from the U.S.", "The base is large."}},
		{"U.S. before a title", "He met U.S. Gen. Michael Kurilla.", []string{"He met U.S. Gen. Michael Kurilla."}},
		{"month before a day", "The summit opens Oct. 14 in Dushanbe.", []string{"The summit opens Oct. 14 in Dushanbe."}},
		{"month ends a sentence", "Trade rose by Oct. The figures are new.", []string{"Trade rose by Oct.", "The figures are new."}},
		{"No. before a number", "It was the No. 2 issue. No. Not this year.", []string{"It was the No. 2 issue.", "No.", "Not this year."}},
		{"saint", "He flew to St. Petersburg on Monday.", []string{"He flew to St. Petersburg on Monday."}},
		{"company before a name", "Acme Inc. Chief Executive Jo Lee said so.", []string{"Acme Inc. Chief Executive Jo Lee said so."}},
		{"company ends a sentence", "He works for Acme Inc. It makes radios.", []string{"He works for Acme Inc.", "It makes radios."}},
		{"vs.", "It was Russia vs. Ukraine at the talks.", []string{"It was Russia vs. Ukraine at the talks."}},
		{"e.g. and i.e.", "Several states, e.g. Iran, agree, i.e. They vote yes.", []string{"Several states, e.g. Iran, agree, i.e. They vote yes."}},
		{"state abbreviation", "He lives in Springfield, Ill. The city is small.", []string{"He lives in Springfield, Ill.", "The city is small."}},
		{"lower-case word like an abbreviation", "He fell ill. Doctors came.", []string{"He fell ill.", "Doctors came."}},

		// Times of day.
		{"p.m. before a weekday", "The vote is at 7 p.m. Tuesday in Moscow.", []string{"The vote is at 7 p.m. Tuesday in Moscow."}},
		{"p.m. before a time zone", "It starts at 9 a.m. EDT sharp.", []string{"It starts at 9 a.m. EDT sharp."}},
		{"p.m. before local time", "It starts at 3 p.m. Moscow time.", []string{"It starts at 3 p.m. Moscow time."}},
		{"p.m. ends a sentence", "He landed at 6 p.m. Putin met him.", []string{"He landed at 6 p.m.", "Putin met him."}},
		{"a.m. in an opening time phrase", "At 5 a.m. Russian troops moved.", []string{"At 5 a.m. Russian troops moved."}},

		// Initials and numbers.
		{"initial", "Actor Michael J. Fox spoke.", []string{"Actor Michael J. Fox spoke."}},
		{"several initials", "It was written by J. R. R. Tolkien.", []string{"It was written by J. R. R. Tolkien."}},
		{"pronoun I", "It was you and I. Then we left.", []string{"It was you and I.", "Then we left."}},
		{"decimals", "Trade rose 46.2 percent after a 6.1-magnitude quake.", []string{"Trade rose 46.2 percent after a 6.1-magnitude quake."}},
		{"number ends a sentence", "The toll rose to 1,200. Rescuers kept digging.", []string{"The toll rose to 1,200.", "Rescuers kept digging."}},
		{"money", "He paid $100.00. It was cheap.", []string{"He paid $100.00.", "It was cheap."}},
		{"page", "See p. 55 for more.", []string{"See p. 55 for more."}},

		// Ellipses.
		{"ellipsis ends a sentence", "He paused... Then he left.", []string{"He paused...", "Then he left."}},
		{"ellipsis inside a sentence", "It was ... well, fine … mostly.", []string{"It was ... well, fine … mostly."}},
		{"unicode ellipsis ends a sentence", "He paused… Then he left.", []string{"He paused…", "Then he left."}},
		{"four dots", "I never meant that.... She left.", []string{"I never meant that....", "She left."}},
		{"spaced ellipsis inside", "It was . . . late.", []string{"It was . . . late."}},

		// Quotations and brackets.
		{"quote ends with period then new sentence", "“We control the situation.” Putin said so on Tuesday.",
			[]string{"“We control the situation.”", "Putin said so on Tuesday."}},
		{"straight quote ends with period", `He said "It is over." Then he left.`, []string{`He said "It is over."`, "Then he left."}},
		{"quote then attribution in lower case", `"It is over." she said.`, []string{`"It is over." she said.`}},
		{"quote with comma and attribution", "“This is one example,” Kurilla said. “Here’s another.”",
			[]string{"“This is one example,” Kurilla said.", "“Here’s another.”"}},
		{"question inside quote then attribution", "“Will it last?” he asked.", []string{"“Will it last?” he asked."}},
		{"quotation of several sentences", "“We act. We win,” he said.", []string{"“We act.", "We win,” he said."}},
		{"unclosed quotation", "“This support will continue. I am attached to it.", []string{"“This support will continue.", "I am attached to it."}},
		{"closing bracket stays", "(The talks ended.) Then they ate.", []string{"(The talks ended.)", "Then they ate."}},
		{"parenthesis inside a sentence", "He met Rahmon (who rules. Since 1992.) in June.", []string{"He met Rahmon (who rules. Since 1992.) in June."}},
		{"abbreviation in brackets", "Charles (Ind.) said he would go.", []string{"Charles (Ind.) said he would go."}},
		{"reference mark stays", "He was a martyr.[1] The emperor acted.", []string{"He was a martyr.[1]", "The emperor acted."}},
		{"ellipsis in brackets", `"They [...] left [...]" (Smith 55).`, []string{`"They [...] left [...]" (Smith 55).`}},
		{"interrupted quotation", `"We are doing our best, to--" At this moment he stopped.`,
			[]string{`"We are doing our best, to--"`, "At this moment he stopped."}},
		{"quote before a dash and a lower-case word", "Mix it -- voila! -- you have cake.", []string{"Mix it -- voila! -- you have cake."}},

		// Lists.
		{"numbered list", "1. Talks begin 2. Talks end", []string{"1. Talks begin", "2. Talks end"}},
		{"numbered list after a colon", "Two steps: 1. Talks begin 2. Talks end", []string{"Two steps:", "1. Talks begin", "2. Talks end"}},
		{"scores in prose", "Russia won 2. Then Ukraine won 3. Then it rained.", []string{"Russia won 2.", "Then Ukraine won 3.", "Then it rained."}},
		{"numbers in prose", "For 1. above pay 5 and for 2. above pay 6.", []string{"For 1. above pay 5 and for 2. above pay 6."}},
		{"lettered list", "a) Iran b) Azerbaijan c) Kazakhstan", []string{"a) Iran", "b) Azerbaijan", "c) Kazakhstan"}},
		{"list after a sentence", "Three states attend. (a) Iran (b) Azerbaijan", []string{"Three states attend.", "(a) Iran", "(b) Azerbaijan"}},

		// Glued sentences and addresses.
		{"glued sentences", "Moscow and Baku.Vladimir Putin has visited.", []string{"Moscow and Baku.", "Vladimir Putin has visited."}},
		{"domain ends a sentence", "First published by Eurasianet.org. The rest is ours.", []string{"First published by Eurasianet.org.", "The rest is ours."}},
		{"domain inside a word", "Visit www.testurl.Awesome.com now.", []string{"Visit www.testurl.Awesome.com now."}},
		{"e-mail", "Write to Jane.Doe@example.com. She replies.", []string{"Write to Jane.Doe@example.com.", "She replies."}},
		{"url", "See https://example.com/a.Html. It helps.", []string{"See https://example.com/a.Html.", "It helps."}},
		{"full-width stops", "Test strange period．Does it work．", []string{"Test strange period．", "Does it work．"}},
		{"brand with exclamation", "She works at Yahoo! in London.", []string{"She works at Yahoo! in London."}},
		{"photo credit after a sentence", "He wants closer ties. © IMAGO/Maksim Blinov", []string{"He wants closer ties.", "© IMAGO/Maksim Blinov"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Split(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestSplitOffsets checks that spans point into the original text, across
// multi-byte characters and repeated sentences.
func TestSplitOffsets(t *testing.T) {
	in := "  “Ja.” Ja.\n\nJa. «Нет.»  "
	got := Split(in)
	want := []Span{{2, 11}, {12, 15}, {17, 20}, {21, 32}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Split(%q) (-want +got):\n%s", in, diff)
	}
	for _, sp := range got {
		if sp.In(in) != in[sp.Start:sp.End] {
			t.Errorf("Span%v.In = %q, want %q", sp, sp.In(in), in[sp.Start:sp.End])
		}
	}
}

func TestSpanIn(t *testing.T) {
	text := "Hello there."
	tests := []struct {
		span Span
		want string
	}{
		{Span{0, 5}, "Hello"},
		{Span{6, 12}, "there."},
		{Span{}, ""},
		{Span{5, 3}, ""},
		{Span{-1, 3}, ""},
		{Span{0, 13}, ""},
	}
	for _, tt := range tests {
		if got := tt.span.In(text); got != tt.want {
			t.Errorf("Span%v.In(%q) = %q, want %q", tt.span, text, got, tt.want)
		}
	}
}

func TestAppendSplit(t *testing.T) {
	dst := []Span{{0, 1}}
	got := AppendSplit(dst, "One. Two.")
	want := []Span{{0, 1}, {0, 4}, {5, 9}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("AppendSplit (-want +got):\n%s", diff)
	}
	if got := AppendSplit(dst, "  \n "); len(got) != 1 {
		t.Errorf("AppendSplit of blank text = %v, want dst unchanged", got)
	}
}

// checkSpans reports the first way spans break Split's contract on text:
// offsets in range, ordered and not overlapping, trimmed, non-empty, with a
// letter or digit, never across a line break.
func checkSpans(t *testing.T, text string, spans []Span) {
	t.Helper()
	prev := 0
	for i, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
			t.Fatalf("Split(%q): span %d %v out of order or range (previous end %d)", text, i, sp, prev)
		}
		prev = sp.End
		s := text[sp.Start:sp.End]
		first, _ := utf8.DecodeRuneInString(s)
		last, _ := utf8.DecodeLastRuneInString(s)
		if isSpace(first) || isSpace(last) {
			t.Fatalf("Split(%q): span %d %q is not trimmed", text, i, s)
		}
		if strings.ContainsAny(s, "\n\r\v\f\u0085\u2028\u2029") {
			t.Fatalf("Split(%q): span %d %q crosses a line break", text, i, s)
		}
		if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			t.Fatalf("Split(%q): span %d %q has no letter or digit", text, i, s)
		}
	}
}

// TestSplitInvariants feeds Split random text built from the characters
// that drive its rules.
func TestSplitInvariants(t *testing.T) {
	pieces := []string{
		"a", "Bc", "U.S.", "p.m.", "Dr.", "No.", "1.", "2)", "(a)", "b.", "E.", "I",
		" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u200b", "\u2028",
		".", "...", "…", "?", "!", "．", "。", ",", ";", ":", "-", "--", "—",
		"\"", "'", "“", "”", "‘", "’", "(", ")", "[", "]", "[1]", "{", "}", "«", "»",
		"•", "⁃", "©", "$5", "46.2", "x@y.com", "http://a.b/c.", "www.a.B",
		"Тест", "日本", "\xff", "\xe2\x80", "é",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for range 20000 {
		b.Reset()
		for n := rng.IntN(40); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		checkSpans(t, text, Split(text))
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", "Hello World. My name is Jonas.", "At 5 a.m. Mr. Smith went out.",
		"1.) The first item 2.) The second item", "“Quote.” Next one.\n\n• Item",
		"I never meant that.... She left.", "a. . . . B", "(x. y.) z", "world.Today",
		"period．Does", "\xff\xfe.", "[...]\" (Smith 55).",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, Split(text))
	})
}

func TestSplitDeterministic(t *testing.T) {
	seeds := readSeeds(t)
	for _, text := range seeds {
		a, b := Split(text), Split(text)
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("Split is not deterministic (-first +second):\n%s", diff)
		}
	}
}

func TestSplitConcurrent(t *testing.T) {
	seeds := readSeeds(t)
	want := make([][]Span, len(seeds))
	for i, text := range seeds {
		want[i] = Split(text)
	}
	done := make(chan error, 8)
	for g := range 8 {
		go func() {
			for k := range 50 {
				i := (g + k) % len(seeds)
				if diff := cmp.Diff(want[i], Split(seeds[i])); diff != "" {
					done <- &mismatch{diff}
					return
				}
			}
			done <- nil
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}

type mismatch struct{ diff string }

func (m *mismatch) Error() string { return "concurrent Split differs (-want +got):\n" + m.diff }

// readSeeds returns the seed articles of the repository, or an invented
// article when they are absent.
func readSeeds(tb testing.TB) []string {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(b))
	}
	if len(out) == 0 {
		out = append(out, "Putin visits Tajikistan\n\nGen. Kurilla met U.S. officials at 7 p.m. Tuesday. “We act,” he said.\n")
	}
	return out
}

func BenchmarkSplit(b *testing.B) {
	seeds := readSeeds(b)
	size, sents := 0, 0
	for _, s := range seeds {
		size += len(s)
		sents += len(Split(s))
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range seeds {
			Split(s)
		}
	}
	b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
