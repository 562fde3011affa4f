package names

import (
	"flag"
	"fmt"
	"path/filepath"
	"testing"
)

var exploreDump = flag.Bool("explore.dump", false, "")

func TestExplore(t *testing.T) {
	dir := evalDir(t)
	same := readPairs(t, filepath.Join(dir, "names", "same_person.tsv"), "category")
	diff := readPairs(t, filepath.Join(dir, "names", "different_person.tsv"), "kind")
	tp, n := 0, 0
	for _, p := range same {
		if p.category != "spelling_variant" {
			continue
		}
		n++
		if Match(listOrder(p.a), listOrder(p.b)) {
			tp++
		}
	}
	fp := 0
	for _, p := range diff {
		if Match(listOrder(p.a), listOrder(p.b)) {
			fp++
		}
	}
	t.Logf("recall %.4f (%d) fp %d precision %.4f", float64(tp)/float64(n), tp, fp, float64(tp)/float64(tp+fp))
}

func TestExploreDump(t *testing.T) {
	if !*exploreDump {
		t.Skip()
	}
	dir := evalDir(t)
	same := readPairs(t, filepath.Join(dir, "names", "same_person.tsv"), "category")
	diff := readPairs(t, filepath.Join(dir, "names", "different_person.tsv"), "kind")
	for _, p := range same {
		if p.category != "spelling_variant" {
			continue
		}
		a, b := listOrder(p.a), listOrder(p.b)
		if !Match(a, b) {
			fmt.Printf("MISS %q %q | %s\n", a, b, detail(a, b))
		}
	}
	for _, p := range diff {
		a, b := listOrder(p.a), listOrder(p.b)
		if Match(a, b) && Key(a) != Key(b) {
			fmt.Printf("FP %q %q | %s\n", a, b, detail(a, b))
		}
	}
}

func detail(a, b string) string {
	pa, pb := Parts(a), Parts(b)
	if len(pa) != len(pb) {
		return fmt.Sprintf("parts %d/%d", len(pa), len(pb))
	}
	s := ""
	for i := range pa {
		ka, kb := TokenKey(pa[i]), TokenKey(pb[i])
		if pa[i] == pb[i] || ka == kb {
			continue
		}
		c := min(consonants([]byte(ka)), consonants([]byte(kb)))
		s += fmt.Sprintf("[%s/%s %s/%s c%d d%d jw%.2f m%v] ", pa[i], pb[i], ka, kb, c, keyDistance([]byte(ka), []byte(kb), 20), jaroWinklerBytes([]byte(pa[i]), []byte(pb[i])), TokenMatch(pa[i], pb[i]))
	}
	return s
}

var strictSets = [][]string{
	{"Putin", "Shoigu", "Shidko", "Sobirzoda", "Belousov", "Tokayev", "Dvornikov", "Knyazev", "Kurilla", "Ushakov", "Lukashenko", "Aliyev", "Biden", "Modi", "Rahmon", "Emomali", "Rustam", "Naumann", "Blinov", "Ubaidulloev"},
	{"Tajikistan", "Turkmenistan", "Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Afghanistan"},
	{"Russia", "Belarus"}, {"Armenia", "Azerbaijan"}, {"Austria", "Australia"}, {"Iran", "Iraq"}, {"Donetsk", "Luhansk"},
	{"Karim", "Kazim", "Kalim", "Rahim", "Rahman", "Hashim", "Hassan", "Nasir", "Nasim", "Amin", "Amir", "Hamal", "Amal"},
	{"Putin", "Puting", "Pitt", "Putnam"},
}
var matchSets = [][]string{
	{"Severodonetsk", "Sievjerodonetsk"}, {"Kyiv", "Kiev"}, {"Zelensky", "Zelenskyy"}, {"Gurbanguly", "Kurbanguly", "Gurbanguli"},
	{"Berdimuhamedow", "Berdymukhammedov"}, {"Fakhura", "Fakhora"}, {"Khan Younis", "Khan Yunis"}, {"UNRWA", "Unwra"},
}

func TestExploreStrict(t *testing.T) {
	for _, mode := range []int{1} {
		for _, s := range strictSets {
			for i := range s {
				for j := i + 1; j < len(s); j++ {
					if Match(s[i], s[j]) {
						t.Logf("mode %d: %s/%s match %s/%s", mode, s[i], s[j], TokenKey(s[i]), TokenKey(s[j]))
					}
				}
			}
		}
		for _, s := range matchSets {
			for i := range s {
				for j := i + 1; j < len(s); j++ {
					if !Match(s[i], s[j]) {
						t.Logf("mode %d: %s/%s NO match %s/%s jw %.2f", mode, s[i], s[j], Key(s[i]), Key(s[j]), jaroWinklerBytes([]byte(Fold(s[i])), []byte(Fold(s[j]))))
					}
				}
			}
		}
	}
}

