package index

import (
	"bytes"
	"encoding/gob"
	"reflect"

	"github.com/crosscheck/crosscheck/claims"
)

// encodeClaimsV1 is how crosscheck encoded claims before version 2 blobs,
// kept to show that what it wrote is still read.
func encodeClaimsV1(cs []claims.Claim) ([]byte, error) {
	var s bits
	record(reflect.ValueOf(cs), &s)
	var buf bytes.Buffer
	buf.WriteByte(blobVersion1)
	if err := gob.NewEncoder(&buf).Encode(blobV1{Claims: cs, Present: s.b, Bits: s.n}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (s *bits) add(v bool) {
	if s.n%8 == 0 {
		s.b = append(s.b, 0)
	}
	if v {
		s.b[s.n/8] |= 1 << (s.n % 8)
	}
	s.n++
}

// record appends the presence bits of v's pointers, slices and maps.
func record(v reflect.Value, s *bits) {
	switch v.Kind() {
	case reflect.Pointer:
		s.add(!v.IsNil())
		if !v.IsNil() && needsWalk(v.Type().Elem()) {
			record(v.Elem(), s)
		}
	case reflect.Slice:
		s.add(!v.IsNil())
		if needsWalk(v.Type().Elem()) {
			for i := range v.Len() {
				record(v.Index(i), s)
			}
		}
	case reflect.Map:
		s.add(!v.IsNil())
	case reflect.Array:
		if needsWalk(v.Type().Elem()) {
			for i := range v.Len() {
				record(v.Index(i), s)
			}
		}
	case reflect.Struct:
		t := v.Type()
		if opaque(t) {
			return
		}
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && needsWalk(f.Type) {
				record(v.Field(i), s)
			}
		}
	}
}
