package main

import (
	"math/rand/v2"
	"slices"
	"strings"

	namekeys "github.com/crosscheck/crosscheck/claims/names"
)

// country is an invented state with its adjective, capital and macro-region.
type country struct {
	name, adj, capital, macro string
	people                    []int // indexes into pool.people of its citizens
}

// person is an invented public figure. variants are other spellings of the
// surname (transliteration variants) that an outlet may use.
type person struct {
	first, surname string
	variants       []string
	country        int
	used           bool
}

// forms lists every surface form of the person's surname, canonical first.
func (p *person) forms() []string {
	return append([]string{p.surname}, p.variants...)
}

// pool holds the invented countries, people and places of one corpus.
type pool struct {
	countries []country
	people    []person
	taken     map[string]bool // every name in use, for uniqueness
	// keys maps the name key of every word of a name in use to the name it
	// belongs to (a person's surname for all its spellings), so that two
	// different names never share a key: real names that sound alike are
	// rare, invented ones from a few syllables are not, and the key is what
	// tells spellings of one name from another name.
	keys    map[string]string
	byFirst map[string][]int
}

// claimKeys registers the name keys of the words of forms (each a spelling
// of the name owner) and reports whether it could: false, registering
// nothing, when a word's key, or the key with two neighbouring sounds
// swapped, already belongs to another name. Words shorter than four
// letters are never compared as names, and the parts that many towns share
// ("Stara", "Gora") are the same name wherever they stand: both are
// skipped.
func (p *pool) claimKeys(owner string, forms ...string) bool {
	var ks []string
	for _, f := range forms {
		for _, w := range strings.FieldsFunc(f, func(r rune) bool { return r == ' ' || r == '-' }) {
			if len([]rune(w)) < 4 || w != owner && slices.Contains(townShort, w) {
				continue // a part many towns share ("Stara")
			}
			k := namekeys.TokenKey(w)
			for _, n := range append([]string{k}, swaps(k)...) {
				if o, ok := p.keys[n]; ok && o != owner {
					return false
				}
			}
			ks = append(ks, k)
		}
	}
	for _, k := range ks {
		p.keys[k] = owner
	}
	return true
}

// swaps lists the keys made from k by swapping two neighbouring letters.
func swaps(k string) []string {
	var out []string
	for i := 0; i+1 < len(k); i++ {
		if k[i] != k[i+1] {
			b := []byte(k)
			b[i], b[i+1] = b[i+1], b[i]
			out = append(out, string(b))
		}
	}
	return out
}

var countryNames = [][2]string{
	{"Veldania", "Veldanian"}, {"Korastan", "Korastani"}, {"Ostrelia", "Ostrelian"},
	{"Marovia", "Marovian"}, {"Drevnia", "Drevnian"}, {"Kalmora", "Kalmoran"},
	{"Sarvistan", "Sarvistani"}, {"Belmoria", "Belmorian"}, {"Lunavia", "Lunavian"},
	{"Zemlova", "Zemlovan"}, {"Perunia", "Perunian"}, {"Astravia", "Astravian"},
	{"Gorvanya", "Gorvanyan"}, {"Miradonia", "Miradonian"}, {"Valkaria", "Valkarian"},
	{"Norvessa", "Norvessan"}, {"Eskaria", "Eskarian"}, {"Rovenia", "Rovenian"},
	{"Kestrania", "Kestranian"}, {"Ulmekistan", "Ulmeki"}, {"Brazova", "Brazovan"},
	{"Tirgania", "Tirganian"}, {"Selvora", "Selvoran"}, {"Dunavessa", "Dunavessan"},
}

var macroRegions = []string{"Kessar Basin", "Northern Steppe", "Amber Coast", "Varan Highlands", "Inner Sea region", "Tessim Plateau"}

var firstNames = []string{
	"Arvel", "Bogdar", "Velimir", "Evgar", "Feodan", "Gorislav", "Ilvar", "Yarvin",
	"Kastor", "Levan", "Miroslav", "Nestor", "Orlen", "Pavlen", "Radomir", "Stanimir",
	"Tomir", "Vadislav", "Zoran", "Elira", "Milena", "Darina", "Vesna", "Ludmira",
	"Anzhela", "Kamila", "Oksena", "Svetlana", "Gulnara", "Yelena", "Sabir", "Farhod",
	"Rustam", "Ravshan", "Dilnoza", "Nargiza", "Shukhrat", "Ulugbek", "Marat", "Ainura",
}

var (
	surOnsets = []string{"Zh", "Zh", "Zh", "Kh", "Kh", "Sh", "V", "D", "K", "M", "R", "B", "G", "L", "N", "P", "T", "S", "Br", "Gr", "Kr", "Dr", "Tr", "St", "Vl", "Ch", "Y", "Ost", "Ar", "Or", "Is"}
	vowels    = []string{"a", "o", "e", "i", "u", "a", "o", "ya"}
	mids      = []string{"r", "l", "n", "m", "v", "d", "k", "kh", "kh", "sh", "zh", "ss", "nn", "ll", "t", "g", "b", "tr", "sk", "ts", "ch", "rm", "lt", "nd", "rk", "zm"}
	endsV     = []string{"ov", "ev", "in", "ik", "ek", "enko", "ets", "oev", "ich", "ovich", "ak", "ar", "iev", "ok", "ur", "yan", "iy", "skiy", "ovskiy", "in", "ov"}
	endsC     = []string{"skiy", "sky", "zoda", "nov", "rin", "lik", "ltsev", "nski"}
)

// newPool makes a pool of about nPeople people spread over the countries.
func newPool(rng *rand.Rand, nPeople int) *pool {
	p := &pool{taken: map[string]bool{}, keys: map[string]string{}, byFirst: map[string][]int{}}
	for i, cn := range countryNames {
		c := country{name: cn[0], adj: cn[1], macro: macroRegions[i%len(macroRegions)]}
		p.taken[cn[0]] = true
		p.taken[cn[1]] = true
		p.claimKeys(cn[0], cn[0], cn[1])
		p.countries = append(p.countries, c)
	}
	for _, m := range macroRegions {
		p.claimKeys(m, m)
	}
	for _, f := range firstNames {
		p.claimKeys(f, f)
	}
	for _, t := range townShort {
		p.claimKeys(t, t)
	}
	for i := range p.countries {
		p.countries[i].capital = p.newTown(rng)
	}
	for len(p.people) < nPeople {
		c := rng.IntN(len(p.countries))
		first := firstNames[rng.IntN(len(firstNames))]
		sur, vars := p.newSurname(rng)
		p.addPerson(person{first: first, surname: sur, variants: vars, country: c})
		// Now and then a relative or namesake: a different person whose
		// surname differs from this one by its ending only.
		if rng.IntN(12) == 0 && len(p.people) < nPeople {
			if near, ok := p.nearMiss(rng, sur); ok {
				p.addPerson(person{first: firstNames[rng.IntN(len(firstNames))], surname: near, country: rng.IntN(len(p.countries))})
			}
		}
	}
	return p
}

func (p *pool) addPerson(ps person) {
	idx := len(p.people)
	p.people = append(p.people, ps)
	p.countries[ps.country].people = append(p.countries[ps.country].people, idx)
	p.byFirst[ps.first] = append(p.byFirst[ps.first], idx)
}

// newSurname invents a surname not yet taken and its transliteration
// variants, none of which is taken either and none of which contains
// another form of the same name.
func (p *pool) newSurname(rng *rand.Rand) (string, []string) {
	for {
		var b strings.Builder
		b.WriteString(surOnsets[rng.IntN(len(surOnsets))])
		b.WriteString(vowels[rng.IntN(len(vowels))])
		b.WriteString(mids[rng.IntN(len(mids))])
		if rng.IntN(3) == 0 {
			b.WriteString(vowels[rng.IntN(len(vowels))])
			b.WriteString(mids[rng.IntN(len(mids))])
		}
		if rng.IntN(4) == 0 {
			b.WriteString(vowels[rng.IntN(len(vowels))])
			b.WriteString(endsC[rng.IntN(len(endsC))])
		} else {
			b.WriteString(endsV[rng.IntN(len(endsV))])
		}
		s := b.String()
		if len(s) < 5 || len(s) > 13 || p.taken[s] || strings.Contains(s, "yay") || !p.keyFree(s) {
			continue
		}
		var vars []string
		for _, v := range variantsOf(s) {
			if p.taken[v] || v == s || strings.Contains(v, s) || strings.Contains(s, v) || len(vars) == 3 {
				continue
			}
			clash := false
			for _, w := range vars {
				if strings.Contains(v, w) || strings.Contains(w, v) {
					clash = true
				}
			}
			if !clash {
				vars = append(vars, v)
			}
		}
		if !p.claimKeys(s, append([]string{s}, vars...)...) {
			continue
		}
		p.taken[s] = true
		for _, v := range vars {
			p.taken[v] = true
		}
		return s, vars
	}
}

// keyFree tells whether name's key is not yet another name's.
func (p *pool) keyFree(name string) bool {
	k := namekeys.TokenKey(name)
	for _, n := range append([]string{k}, swaps(k)...) {
		if _, ok := p.keys[n]; ok {
			return false
		}
	}
	return true
}

// nearMiss returns a surname sharing sur's stem with another ending, the
// name of a different person.
func (p *pool) nearMiss(rng *rand.Rand, sur string) (string, bool) {
	for _, e := range []string{"ovskiy", "enko", "ovich", "skiy", "ov", "ev", "in", "ik", "ets", "yan", "ur"} {
		if strings.HasSuffix(sur, e) && len(sur)-len(e) >= 3 {
			stem := sur[:len(sur)-len(e)]
			alt := []string{"enko", "ich", "ak", "ar", "yan", "ok"}
			n := stem + alt[rng.IntN(len(alt))]
			// The ending must change the key too: "Stanerkin" and
			// "Stanerkyan" would be one name in two spellings.
			if p.taken[n] || strings.Contains(n, sur) || strings.Contains(sur, n) || !p.claimKeys(n, n) {
				return "", false
			}
			p.taken[n] = true
			return n, true
		}
	}
	return "", false
}

// variantsOf lists transliteration variants of a surname: zh/sh/sch/j at
// the start, kh/h, -iy/-y/-yy endings, -iev/-iyev, single for doubled
// letters and ts/tz. A name with none of these features has none.
func variantsOf(s string) []string {
	var out []string
	add := func(v string) {
		for _, o := range out {
			if o == v {
				return
			}
		}
		out = append(out, v)
	}
	if rest, ok := strings.CutPrefix(s, "Zh"); ok {
		add("Sh" + rest)
		add("Sch" + rest)
		add("J" + rest)
	}
	if strings.Contains(s, "kh") || strings.HasPrefix(s, "Kh") {
		add(strings.ReplaceAll(strings.Replace(s, "Kh", "H", 1), "kh", "h"))
	}
	if stem, ok := strings.CutSuffix(s, "iy"); ok {
		add(stem + "y")
		add(stem + "yy")
	}
	if strings.Contains(s, "iev") {
		add(strings.Replace(s, "iev", "iyev", 1))
	}
	for _, d := range []string{"ss", "nn", "ll"} {
		if strings.Contains(s, d) {
			add(strings.Replace(s, d, d[:1], 1))
		}
	}
	if strings.Contains(s, "ts") {
		add(strings.Replace(s, "ts", "tz", 1))
	}
	if strings.Contains(s[1:], "zh") {
		add(s[:1] + strings.Replace(s[1:], "zh", "j", 1))
	}
	return out
}

var (
	townOnsets = []string{"K", "Kr", "V", "Vl", "Ostr", "D", "Dr", "B", "Br", "M", "N", "P", "Pr", "S", "St", "T", "Tr", "G", "Gr", "L", "R", "Z", "Zl", "Ch", "Sl", "Y", "Ar", "Ol", "Is", "Ul", "Ev"}
	townMids   = []string{"r", "l", "n", "m", "v", "d", "k", "sn", "rn", "lm", "st", "zn", "sk", "dn", "rk", "vn", "br", "gr", "ld", "nt"}
	townShort  = []string{"Vel", "Dol", "Gora", "Pol", "Nova", "Stara", "Bela", "Rud", "Kam", "Brod"}
)

// newTown invents a town name not taken yet, such as "Kresnograd" or
// "Ostrava-Vel".
func (p *pool) newTown(rng *rand.Rand) string {
	for {
		stem := townOnsets[rng.IntN(len(townOnsets))] + vowels[rng.IntN(5)] + townMids[rng.IntN(len(townMids))]
		if rng.IntN(3) == 0 {
			stem += vowels[rng.IntN(5)] + townMids[rng.IntN(len(townMids))]
		}
		var s string
		switch rng.IntN(9) {
		case 0:
			s = stem + "ograd"
		case 1:
			s = stem + "ovsk"
		case 2:
			s = stem + "ino"
		case 3:
			s = stem + "itsa"
		case 4:
			s = stem + "ava-" + townShort[rng.IntN(len(townShort))]
		case 5:
			s = stem + "abad"
		case 6:
			s = stem + "a-" + townShort[rng.IntN(len(townShort))]
		case 7:
			s = stem + "ene"
		default:
			s = stem + "ovo"
		}
		if !p.taken[s] && p.claimKeys(s, s) {
			p.taken[s] = true
			return s
		}
	}
}

// newProvince invents a province name; provinces need not be unique, but
// no other name shares a province's key.
func (p *pool) newProvince(rng *rand.Rand) string {
	for {
		stem := townOnsets[rng.IntN(len(townOnsets))] + vowels[rng.IntN(5)] + townMids[rng.IntN(len(townMids))]
		ends := []string{"a", "ia", "ovia", "en", "ar"}
		s := stem + ends[rng.IntN(len(ends))]
		if p.claimKeys(s, s) {
			return s + " province"
		}
	}
}

// outlet is a news organisation with the web domain its URLs use.
type outlet struct{ name, domain string }

var outlets = []outlet{
	{"The Meridian Post", "meridianpost.example"},
	{"Northwind Herald", "northwindherald.example"},
	{"Continental Wire", "continentalwire.example"},
	{"The Daily Ledger", "dailyledger.example"},
	{"Eastern Observer", "easternobserver.example"},
	{"Global Dispatch", "globaldispatch.example"},
	{"The Evening Courier", "eveningcourier.example"},
	{"Radio Free Steppe", "radiofreesteppe.example"},
	{"The Capital Times", "capitaltimes.example"},
	{"Harbour News Agency", "harbournews.example"},
	{"The Frontier Review", "frontierreview.example"},
	{"World Affairs Monitor", "worldaffairsmonitor.example"},
	{"Bulletin International", "bulletin-intl.example"},
	{"The Sentinel", "sentinel.example"},
	{"Panorama Press", "panoramapress.example"},
	{"Regional Report", "regionalreport.example"},
}
