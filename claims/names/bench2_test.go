package names

import "testing"

func BenchmarkMatchX(b *testing.B) {
	pairs := [][2]string{{"Emomali Rahmon", "Emomali Rakhmon"}, {"Vladimir Putin", "Joe Biden"}, {"Severodonetsk", "Sievjerodonetsk"}, {"Kim Jong Un", "Kim Chol"}}
	for _, p := range pairs {
		b.Run(p[0], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Match(p[0], p[1])
			}
		})
	}
}
