package names

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"putin", "putin"},
		{"Zelenskyy", "zelenskyy"},
		{"ZELENSKYY", "zelenskyy"},
		{"Зеленский", "zelenskiy"},
		{"Щербаков Жуков", "shcherbakov zhukov"},
		{"Đoković", "dokovic"},
		{"Erdoğan", "erdogan"},
		{"Erdog\u0306an", "erdogan"}, // decomposed: g + combining breve
		{"Straße", "strasse"},
		{"Ærø Łódź Øster", "aero lodz oster"},
		{"Nguyễn Tấn Dũng", "nguyen tan dung"},
		{"O’Brien", "o'brien"},
		{"Jean\u2013Luc", "jean-luc"},
		{"Sa'id\u00a0Ali", "sa'id ali"},
		{"Lt. Gen. (ret.)", "lt. gen. (ret.)"},
		{"習近平", "習近平"},
		{"ΑΘΗΝΑ", "αθηνα"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldASCIILowerDoesNotAllocate(t *testing.T) {
	s := "emomali rahmon"
	if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
		t.Errorf("Fold of lower-case ASCII allocates %v times, want 0", n)
	}
}

func TestParts(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{" , 123 ", nil},
		{"Emomali Rahmon", []string{"emomali", "rahmon"}},
		{"Dr. Ayman al-Zawahiri", []string{"ayman", "zawahiri"}},
		{"President Vladimir Putin", []string{"vladimir", "putin"}},
		{"Lt. Gen. Aleksandr Dvornikov", []string{"aleksandr", "dvornikov"}},
		{"Prime Minister Narendra Modi", []string{"narendra", "modi"}},
		{"Martin Luther King Jr.", []string{"martin", "luther", "king"}},
		{"General", []string{"general"}},
		{"Al-Assad", []string{"assad"}},
		{"Bashar el Assad", []string{"bashar", "assad"}},
		{"Osama bin Laden", []string{"osama", "laden"}},
		{"Bin Laden", []string{"bin", "laden"}},
		{"Ben Wallace", []string{"ben", "wallace"}},
		{"Salah ad-Din", []string{"salah", "din"}},
		{"Fazl ur Rehman", []string{"fazl", "rehman"}},
		{"Zia-ul-Haq", []string{"zia", "haq"}},
		{"Abdulaziz", []string{"abd", "aziz"}},
		{"Abd al-Aziz", []string{"abd", "aziz"}},
		{"Abdul Aziz", []string{"abd", "aziz"}},
		{"Abdurrahman", []string{"abd", "rahman"}},
		{"Abdikadir", []string{"abd", "kadir"}},
		{"Abdullah", []string{"abd", "lah"}},
		{"Abdi", []string{"abdi"}},
		{"Sa'id", []string{"said"}},
		{"O’Brien", []string{"obrien"}},
		{"Kim Jong-un", []string{"kim", "jong", "un"}},
		{"RAHMON, Emomali", []string{"rahmon", "emomali"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Parts(tt.in)); diff != "" {
				t.Errorf("Parts(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// sameKeyGroups lists groups of spellings of one name that must share a
// key.
var sameKeyGroups = [][]string{
	{"Shidko", "Zhidko", "Schidko", "Jidko", "Шидко"},
	{"Rahmon", "Rakhmon", "Рахмон"},
	{"Emomali Rahmon", "Emomali Rakhmon", "President Emomali Rahmon"},
	{"Gaddafi", "Qaddafi", "Kadhafi", "al-Gaddafi", "el-Qaddafi"},
	{"Muammar Gaddafi", "Moammar Kadhafi", "Muammar al-Qaddafi"},
	{"Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyj", "Зеленский", "ZELENSKY"},
	{"Yevgeniy Prigozhin", "Evgeny Prigozhin", "Yevgeny Prigozhin", "Evgenii Prigozhin"},
	{"Sergei Shoigu", "Sergey Shoygu", "Serhiy Shoigu"},
	{"Oleksandr Syrskyi", "Aleksandr Syrsky", "Alexander Syrskiy"},
	{"Mohammed", "Muhammad", "Mohamed", "Mohammad"},
	{"Hussein", "Husayn", "Hossein", "Husain"},
	{"Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"},
	{"Kim Jong-un", "Kim Jong Un"},
	{"Abdulaziz", "Abd al-Aziz", "Abdul Aziz", "Abdel Aziz"},
	{"Abdurrahman", "Abd ar-Rahman", "Abdul Rahman", "Abd al-Rahman"},
	{"Nasrallah", "Nasrullah"},
	{"Salih", "Saleh", "Salah"},
	{"Lee", "Li"},
	{"Omar", "Umar"},
	{"Ahmet", "Ahmed", "Ahmad", "Akhmed"},
	{"Mikhailovich", "Mihailovich"},
	{"Marquez", "Markes"},
	{"Kuznetsov", "Kusnezow"},
	{"Hawatma", "Hawatmeh", "Hawatmah"},
	{"Dr. Ayman al-Zawahiri", "Ayman al Zawahiri", "Ayman Zawahiri"},
}

// TestKeyEqual checks that each of sameKeyGroups shares one key.
func TestKeyEqual(t *testing.T) {
	for _, g := range sameKeyGroups {
		t.Run(g[0], func(t *testing.T) {
			want := Key(g[0])
			if want == "" {
				t.Fatalf("Key(%q) is empty", g[0])
			}
			for _, name := range g[1:] {
				if got := Key(name); got != want {
					t.Errorf("Key(%q) = %q, want %q (the key of %q)", name, got, want, g[0])
				}
			}
		})
	}
}

// TestKeyDifferent lists sets of names whose keys must all differ.
func TestKeyDifferent(t *testing.T) {
	sets := []struct {
		name  string
		names []string
		key   func(string) string
	}{
		{"full names", []string{"Emomali Rahmon", "Emomali Sobirzoda", "Rustam Emomali"}, Key},
		{"surnames", []string{
			"Putin", "Shoigu", "Shidko", "Sobirzoda", "Belousov", "Tokayev", "Dvornikov",
			"Knyazev", "Kurilla", "Ushakov", "Lukashenko", "Aliyev", "Biden", "Modi",
		}, TokenKey},
		{"short names", []string{"Li", "Lu", "Liu", "Le", "An", "Al", "O", "Yi", "Wang", "Wan"}, TokenKey},
		{"two-consonant names", []string{"Tom", "Tim", "Maria", "Mario", "Omar", "Amir", "Juan", "Jean", "Ivan", "Ivanov"}, TokenKey},
		{"near misses", []string{"Putin", "Puting", "Pitt", "Putnam"}, TokenKey},
		{"Korean given names", []string{"Jong Un", "Jong Il", "Jong Nam"}, Key},
	}
	for _, s := range sets {
		t.Run(s.name, func(t *testing.T) {
			seen := map[string]string{}
			for _, n := range s.names {
				k := s.key(n)
				if k == "" {
					t.Errorf("key of %q is empty", n)
				}
				if other, ok := seen[k]; ok {
					t.Errorf("%q and %q share the key %q", other, n, k)
				}
				seen[k] = n
			}
		})
	}
}

func TestKeyEdgeCases(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"   ", ""},
		{"123 -- ,.", ""},
		{"Putin", "ptn"},
		{"  putin  ", "ptn"},
		{"Vladimir Putin", "vltmr ptn"},
		{"Vladimir   Putin", "vltmr ptn"},
		{"H", "h"},
		{"習近平", "習近平"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Key(tt.in); got != tt.want {
				t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestKeyJoinsTokenKeys(t *testing.T) {
	for _, name := range []string{"Dr. Ayman al-Zawahiri", "Abd al-Rahman ibn Khaldun", "Kim Jong-un", "Oleksandr Syrskyi"} {
		t.Run(name, func(t *testing.T) {
			var keys []string
			for _, p := range Parts(name) {
				keys = append(keys, TokenKey(p))
			}
			if got, want := Key(name), strings.Join(keys, " "); got != want {
				t.Errorf("Key(%q) = %q, want the joined token keys %q", name, got, want)
			}
		})
	}
}

func TestTokenKey(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"-", ""},
		{"Rahmon", "rkmn"},
		{"RAKHMON", "rkmn"},
		{"Sa'id", TokenKey("said")},
		{"Al Assad", TokenKey("alassad")}, // letters are read as one word
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := TokenKey(tt.in); got != tt.want {
				t.Errorf("TokenKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b    string
		similar bool
	}{
		{"Putin", "Putin", true},
		{"Vladimir Putin", "President Vladimir Putin", true},
		{"Zelensky", "Zelenskyy", true},
		{"Volodymyr Zelensky", "Volodymyr Zelenskiy", true},
		{"Emomali Rahmon", "Emomali Rakhmon", true},
		{"Muammar Gaddafi", "Moammar Kadhafi", true},
		{"Putin", "Pitt", false},
		{"Putin", "Puting", false},
		{"Putin", "Putnam", false},
		{"Emomali Rahmon", "Emomali Sobirzoda", false},
		{"Emomali Rahmon", "Rustam Emomali", false},
		{"Rahmon", "Emomali Rahmon", false},
		{"", "Putin", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			s := Similarity(tt.a, tt.b)
			if s < 0 || s > 1 {
				t.Fatalf("Similarity(%q, %q) = %v, outside [0, 1]", tt.a, tt.b, s)
			}
			if back := Similarity(tt.b, tt.a); back != s {
				t.Errorf("Similarity(%q, %q) = %v but Similarity(%q, %q) = %v", tt.a, tt.b, s, tt.b, tt.a, back)
			}
			if got := s >= SimilarThreshold; got != tt.similar {
				t.Errorf("Similarity(%q, %q) = %v, similar = %v, want %v", tt.a, tt.b, s, got, tt.similar)
			}
		})
	}
}

func TestSimilarityRanks(t *testing.T) {
	// Each name is less similar to "Emomali Rahmon" than the one before.
	ranked := []string{
		"Emomali Rahmon",
		"Emomali Rakhmon",
		"Rahmon",
		"Emomali Rahmonov",
		"Rustam Emomali",
		"Joe Biden",
	}
	prev := 2.0
	for _, name := range ranked {
		s := Similarity("Emomali Rahmon", name)
		if s >= prev {
			t.Errorf("Similarity(%q, %q) = %v, want below %v (the name ranked above)", "Emomali Rahmon", name, s, prev)
		}
		prev = s
	}
}

func TestJaroWinkler(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"", "", 1},
		{"abc", "", 0},
		{"abc", "xyz", 0},
		{"martha", "marhta", 0.9611},
		{"dixon", "dicksonx", 0.8133},
		{"jellyfish", "smellyfish", 0.8963},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			got := jaroWinkler(tt.a, tt.b)
			if d := got - tt.want; d > 0.0001 || d < -0.0001 {
				t.Errorf("jaroWinkler(%q, %q) = %.4f, want %.4f", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

var benchNames = []string{
	"Vladimir Putin", "Emomali Rahmon", "Dr. Ayman al-Zawahiri", "Volodymyr Zelenskyy",
	"Muammar al-Qaddafi", "Lt. Gen. Aleksandr Dvornikov", "Kim Jong-un", "Recep Tayyip Erdoğan",
}

func BenchmarkKey(b *testing.B) {
	n := 0
	for _, s := range benchNames {
		n += len(s)
	}
	b.SetBytes(int64(n / len(benchNames)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = Key(benchNames[i%len(benchNames)])
	}
}

func BenchmarkFold(b *testing.B) {
	n := 0
	for _, s := range benchNames {
		n += len(s)
	}
	b.SetBytes(int64(n / len(benchNames)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = Fold(benchNames[i%len(benchNames)])
	}
}

func BenchmarkSimilarity(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = Similarity(benchNames[i%len(benchNames)], benchNames[(i+1)%len(benchNames)])
	}
}
