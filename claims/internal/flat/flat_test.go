package flat

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReader(t *testing.T) {
	b := []byte{7, 1, 0, 0, 0, 2, 0, 'h', 'i', 3, 0, 0, 0, 4, 0, 0, 0}
	r := NewReader(b, "test model")
	if got := r.U8(); got != 7 {
		t.Errorf("U8 = %d, want 7", got)
	}
	if got := r.U32(); got != 1 {
		t.Errorf("U32 = %d, want 1", got)
	}
	if got := r.Str16(); got != "hi" {
		t.Errorf("Str16 = %q, want %q", got, "hi")
	}
	if got := r.U32s(2); !cmp.Equal(got, []uint32{3, 4}) {
		t.Errorf("U32s = %v, want [3 4]", got)
	}
	if r.Err != nil {
		t.Fatalf("Err = %v, want nil", r.Err)
	}
	// Reading past the end sets Err once and gives zero values after.
	if got := r.U32(); got != 0 || r.Err == nil || r.Err.Error() != "test model truncated at byte 17" {
		t.Errorf("U32 past the end = %d, Err %v; want 0 and a truncation error", got, r.Err)
	}
	if got := r.Str16(); got != "" {
		t.Errorf("Str16 after an error = %q, want empty", got)
	}
}

func TestCache(t *testing.T) {
	c := Cache[int]{Max: 2}
	c.Put("a", 1)
	c.Put("a", 9) // the first value stays
	c.Put("b", 2)
	c.Put("c", 3) // full
	for k, want := range map[string]int{"a": 1, "b": 2} {
		if got, ok := c.Get(k); !ok || got != want {
			t.Errorf("Get(%q) = %d, %v; want %d, true", k, got, ok, want)
		}
	}
	if _, ok := c.Get("c"); ok {
		t.Error("Get(c) found a value put past the bound")
	}
	c.Clear()
	if _, ok := c.Get("a"); ok {
		t.Error("Get(a) after Clear found a value")
	}
	c.Put("c", 3)
	if got, ok := c.Get("c"); !ok || got != 3 {
		t.Errorf("Get(c) after Clear and Put = %d, %v; want 3, true", got, ok)
	}
}
