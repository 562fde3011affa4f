package names

import "testing"

func TestExploreVariants(t *testing.T) {
	groups := [][]string{{"Barsukou", "Barsukov"}, {"Carbajal", "Carvajal"}, {"Ibrahima", "Ibraima"}, {"Hamdouni", "Amdouni"}, {"Haroun", "Aroun"}, {"Akram", "Arkam"}, {"Gibran", "Jibran"}, {"Kadhim", "Kazim"}, {"Janeth", "Yaneth"}, {"Mikalayevich", "Nikolaevich"}, {"Uladzimir", "Vladimir"}, {"Elkaddafi", "Gaddafi"}, {"Alzahrani", "Zahrani"}, {"Lukashenko", "Lukashenka"}, {"Aleksandr", "Alyaksandr"}, {"Tsertsel", "Tertel"}, {"Harith", "Haris"}, {"Yermoshina", "Yarmoshina"}, {"Mohsen", "Mohsem"}, {"Zulkifli", "Zulkepli"}, {"Djamel", "Damel"}, {"Resit", "Reshit"}, {"Adanov", "Adanof"}, {"Guberek", "Guberex"}, {"Stiapan", "Stsiapan"}, {"Moallem", "Moualem"}, {"Helena", "Elena"}, {"Al Assad", "Assad"}}
	for _, g := range groups {
		t.Logf("%s/%s %v %s/%s d%d jw %.3f", g[0], g[1], TokenMatch(g[0], g[1]), TokenKey(g[0]), TokenKey(g[1]), keyDistance([]byte(TokenKey(g[0])), []byte(TokenKey(g[1])), 99), jaroWinklerBytes([]byte(Fold(g[0])), []byte(Fold(g[1]))))
	}
}
