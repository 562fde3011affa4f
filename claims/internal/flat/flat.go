// Package flat reads the binary models prose embeds (its "flat" format:
// little-endian integers, strings with a 16-bit length) and holds the
// bounded caches the readers of those models keep per word.
package flat

import (
	"encoding/binary"
	"fmt"
	"sync"
	"sync/atomic"
)

// Reader reads a model's bytes in turn. The first read past the end sets
// Err, and every later read returns a zero value, so a decoder can read a
// whole header and check Err once.
type Reader struct {
	b    []byte
	pos  int
	what string
	Err  error
}

// NewReader reads b, a model named what in errors ("tagger model").
func NewReader(b []byte, what string) *Reader { return &Reader{b: b, what: what} }

// Bytes returns the next n bytes, a slice of the model's own.
func (r *Reader) Bytes(n int) []byte {
	if r.Err != nil {
		return nil
	}
	if n < 0 || r.pos+n > len(r.b) {
		r.Err = fmt.Errorf("%s truncated at byte %d", r.what, r.pos)
		return nil
	}
	out := r.b[r.pos : r.pos+n]
	r.pos += n
	return out
}

// U8 reads one byte.
func (r *Reader) U8() uint8 {
	if b := r.Bytes(1); b != nil {
		return b[0]
	}
	return 0
}

// U32 reads a little-endian 32-bit integer.
func (r *Reader) U32() uint32 {
	if b := r.Bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

// Str16 reads a string of at most 65,535 bytes, after its 16-bit length.
func (r *Reader) Str16() string {
	b := r.Bytes(2)
	if b == nil {
		return ""
	}
	return string(r.Bytes(int(binary.LittleEndian.Uint16(b))))
}

// U32s reads n little-endian 32-bit integers.
func (r *Reader) U32s(n int) []uint32 {
	b := r.Bytes(n * 4)
	if b == nil {
		return nil
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[i*4:])
	}
	return out
}

// Cache holds values by string for all goroutines, up to Max of them: past
// the bound, Put keeps nothing more (a corpus's common words come first).
// The zero value keeps nothing; set Max before use.
type Cache[T any] struct {
	Max int64
	m   sync.Map
	n   atomic.Int64
}

// Get returns the value kept for k.
func (c *Cache[T]) Get(k string) (T, bool) {
	v, ok := c.m.Load(k)
	if !ok {
		var zero T
		return zero, false
	}
	return v.(T), true
}

// Put keeps v for k unless k has a value already or the cache is full.
func (c *Cache[T]) Put(k string, v T) {
	if c.n.Load() >= c.Max {
		return
	}
	if _, loaded := c.m.LoadOrStore(k, v); !loaded {
		c.n.Add(1)
	}
}

// Clear empties the cache.
func (c *Cache[T]) Clear() {
	c.m.Clear()
	c.n.Store(0)
}
