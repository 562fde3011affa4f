package wire

import (
	"bytes"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type level int

type inner struct {
	Name  string
	Level level
	Day   *time.Weekday
	Tags  []string
	Raw   []byte
	Score float32
}

type node struct {
	Value int
	Next  *node
	Kids  []node
}

type rich struct {
	B      bool
	I      int
	I8     int8
	U16    uint16
	U      uint64
	F      float64
	S      string
	When   time.Time
	Inner  inner
	Ptr    *inner
	Nil    *inner
	Items  []inner
	Empty  []inner
	None   []inner
	Counts map[string]int
	NoMap  map[string]int
	Pairs  [][2]string
	Tree   *node
}

func richValue() rich {
	sunday := time.Sunday
	return rich{
		B: true, I: -42, I8: -128, U16: 65535, U: math.MaxUint64, F: -0.125, S: "Шидко, Zhidko",
		When:  time.Date(2022, 6, 28, 10, 30, 15, 123456789, time.FixedZone("CEST", 2*3600)),
		Inner: inner{Name: "a", Level: 3, Day: &sunday, Tags: []string{"x", ""}, Raw: []byte{}, Score: 1.5},
		Ptr:   &inner{}, // a pointer to a zero value stays one
		Items: []inner{{Name: "b", Tags: []string{}}, {Raw: []byte{0, 1, 255}}},
		Empty: []inner{},
		Counts: map[string]int{
			"Rahmon": 3, "Rakhmon": 1, "": 0,
		},
		Pairs: [][2]string{{"a:1", "b:2"}},
		Tree:  &node{Value: 1, Next: &node{Value: 2}, Kids: []node{{Value: 3}}},
	}
}

func TestRoundTrip(t *testing.T) {
	want := richValue()
	b, err := Append([]byte("prefix"), want)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("prefix")) {
		t.Fatalf("Append dropped what it appends to: %q", b[:6])
	}
	var got rich
	if err := Decode(b[len("prefix"):], &got); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("round trip (-want +got):\n%s", d)
	}
	// cmp.Diff does not tell nil from empty everywhere: say it.
	if got.Empty == nil || got.None != nil || got.Inner.Raw == nil || got.Items[0].Tags == nil ||
		got.Ptr == nil || got.Nil != nil || got.NoMap != nil || got.Inner.Day == nil || *got.Inner.Day != time.Sunday {
		t.Errorf("nil and empty not kept apart: %+v", got)
	}
	if _, off := got.When.Zone(); off != 2*3600 {
		t.Errorf("zone offset %d, want %d", off, 2*3600)
	}
}

func TestEqualMapsEncodeAlike(t *testing.T) {
	m := map[string]int{}
	for i := range 200 {
		m[string(rune('a'+i%26))+string(rune('a'+i/26))] = i
	}
	first, err := Append(nil, m)
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		again, err := Append(nil, m)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatal("the same map encoded two ways")
		}
	}
}

func TestRefusesWhatItCannotKeep(t *testing.T) {
	type hidden struct {
		Shown  int
		hidden int
	}
	type withAny struct{ V any }
	for name, v := range map[string]any{
		"unexported field": hidden{},
		"interface":        withAny{},
		"channel":          make(chan int),
		"function":         func() {},
		"nil":              nil,
	} {
		if _, err := Append(nil, v); err == nil {
			t.Errorf("%s: Append succeeded", name)
		}
	}
	var n int
	if err := Decode([]byte{2}, n); err == nil {
		t.Error("Decode into a non-pointer succeeded")
	}
}

func TestDecodeRejectsDamage(t *testing.T) {
	b, err := Append(nil, richValue())
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"empty":     nil,
		"truncated": b[:len(b)/2],
		"trailing":  append(bytes.Clone(b), 0),
		"huge list": {0, 0xff, 0xff, 0xff, 0xff, 0x0f},
	} {
		var got rich
		if err := Decode(data, &got); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: Decode = %v, want ErrCorrupt", name, err)
		}
	}
	var list []int
	if err := Decode([]byte{0xff, 0xff, 0xff, 0xff, 0x0f}, &list); !errors.Is(err, ErrCorrupt) || list != nil {
		t.Errorf("a list longer than its bytes: Decode = %v, %d elements; want ErrCorrupt", err, len(list))
	}
	var small struct{ V int8 }
	if err := Decode([]byte{0x80, 0x04}, &small); !errors.Is(err, ErrCorrupt) {
		t.Errorf("an int8 out of range: Decode = %v, want ErrCorrupt", err)
	}
}

// FuzzDecode feeds damaged encodings to Decode: it must fail or give a
// value that encodes and decodes to itself, never panic.
func FuzzDecode(f *testing.F) {
	b, err := Append(nil, richValue())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		var v rich
		if Decode(data, &v) != nil {
			return
		}
		again, err := Append(nil, v)
		if err != nil {
			t.Fatal(err)
		}
		var w rich
		if err := Decode(again, &w); err != nil {
			t.Fatalf("decoding a re-encoded value: %v", err)
		}
		if d := cmp.Diff(v, w); d != "" {
			t.Fatalf("re-encoded value differs:\n%s", d)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	data, err := Append(nil, []rich{richValue(), richValue(), richValue()})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var v []rich
		if err := Decode(data, &v); err != nil {
			b.Fatal(err)
		}
	}
}
