package reports

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// bigReport repeats the sample report's discrepancies n times with distinct
// ids.
func bigReport(n int) Report {
	r := sampleReport()
	base := r.Discrepancies
	r.Discrepancies = nil
	for i := range n {
		for _, d := range base {
			d.ID = fmt.Sprintf("%s-%d", d.ID, i)
			r.Discrepancies = append(r.Discrepancies, d)
		}
	}
	return r
}

func BenchmarkWrite(b *testing.B) {
	r := bigReport(100)
	for _, f := range Formats() {
		b.Run(f.String(), func(b *testing.B) {
			var buf bytes.Buffer
			if err := Write(&buf, f, r, Options{}); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(buf.Len()))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := Write(io.Discard, f, r, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
