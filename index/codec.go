package index

import (
	"bytes"
	"crypto/sha256"
	"encoding"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/wire"
)

// An article's claims are stored as one blob: a version byte, then the
// claims. Version 2 writes them with package wire, which keeps them exactly
// (a nil and an empty slice, a nil pointer and one to a zero value) and
// reads them without compiling a decoder per blob.
//
// Version 1, which crosscheck wrote before, is the gob encoding of
// blobV1: gob does not keep the difference between a nil and a non-nil
// pointer to a zero value (a *time.Weekday pointing at Sunday comes back
// nil) or between a nil and an empty slice, so Present records, for each
// pointer, slice and map met in a fixed walk of the claims, whether it was
// nil. Such blobs are still read (an index written before is searched until
// its articles are extracted again, which their schema asks for).
const (
	blobVersion1 = 1
	blobVersion  = 2
)

type blobV1 struct {
	Claims  []claims.Claim
	Present []byte // one bit per pointer, slice or map, in walk order
	Bits    int
}

// schema is a fingerprint of the claims.Claim type as gob sees it (its
// fields, their names and types, recursively) and of claims.Version. An
// article stored under another fingerprint was extracted or encoded by
// another version of crosscheck.
var schema = sync.OnceValue(func() string {
	var b strings.Builder
	b.WriteString(claims.Version + "\n")
	fmt.Fprintf(&b, "blob %d\n", blobVersion)
	describe(&b, reflect.TypeFor[claims.Claim](), map[reflect.Type]bool{})
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:8])
})

func describe(b *strings.Builder, t reflect.Type, seen map[reflect.Type]bool) {
	if t.Name() != "" {
		b.WriteString(t.PkgPath())
		b.WriteByte('.')
		b.WriteString(t.Name())
		if seen[t] || opaque(t) {
			return
		}
		seen[t] = true
	}
	switch t.Kind() {
	case reflect.Pointer:
		b.WriteByte('*')
		describe(b, t.Elem(), seen)
	case reflect.Slice:
		b.WriteString("[]")
		describe(b, t.Elem(), seen)
	case reflect.Array:
		fmt.Fprintf(b, "[%d]", t.Len())
		describe(b, t.Elem(), seen)
	case reflect.Map:
		b.WriteString("map[")
		describe(b, t.Key(), seen)
		b.WriteByte(']')
		describe(b, t.Elem(), seen)
	case reflect.Struct:
		b.WriteByte('{')
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			b.WriteString(f.Name)
			b.WriteByte(' ')
			describe(b, f.Type, seen)
			b.WriteByte(';')
		}
		b.WriteByte('}')
	default:
		b.WriteString(t.Kind().String())
	}
}

var (
	gobEncoderType      = reflect.TypeFor[gob.GobEncoder]()
	binaryMarshalerType = reflect.TypeFor[encoding.BinaryMarshaler]()
)

// opaque reports whether gob encodes t through a marshalling method
// (GobEncode or MarshalBinary; gob ignores MarshalText), so that its
// insides are not walked.
func opaque(t reflect.Type) bool {
	for _, i := range []reflect.Type{gobEncoderType, binaryMarshalerType} {
		if t.Implements(i) || reflect.PointerTo(t).Implements(i) {
			return true
		}
	}
	return false
}

var (
	walkCache sync.Map // reflect.Type -> bool
	walkMu    sync.Mutex
)

// needsWalk reports whether values of t hold pointers, slices or maps whose
// presence must be recorded.
func needsWalk(t reflect.Type) bool {
	if v, ok := walkCache.Load(t); ok {
		return v.(bool)
	}
	walkMu.Lock()
	defer walkMu.Unlock()
	return computeWalk(t, map[reflect.Type]bool{})
}

// computeWalk computes needsWalk. A type met again while it is being
// computed counts as false: Go types recurse only through pointers, slices
// and maps, which are true whatever they hold.
func computeWalk(t reflect.Type, visiting map[reflect.Type]bool) bool {
	if v, ok := walkCache.Load(t); ok {
		return v.(bool)
	}
	if visiting[t] {
		return false
	}
	visiting[t] = true
	var r bool
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		r = true
		computeWalk(t.Elem(), visiting)
	case reflect.Array:
		r = computeWalk(t.Elem(), visiting)
	case reflect.Struct:
		if !opaque(t) {
			for i := range t.NumField() {
				f := t.Field(i)
				if f.IsExported() && computeWalk(f.Type, visiting) {
					r = true
				}
			}
		}
	}
	walkCache.Store(t, r)
	return r
}

type bits struct {
	b []byte
	n int
}

// next returns the next bit; ok is false past the end.
func (s *bits) next() (v, ok bool) {
	if s.n >= len(s.b)*8 {
		return false, false
	}
	v = s.b[s.n/8]&(1<<(s.n%8)) != 0
	s.n++
	return v, true
}

// restore walks v as record did and makes each pointer, slice and map nil
// or non-nil as recorded. It reports false when the bits do not fit v.
func restore(v reflect.Value, s *bits) bool {
	switch v.Kind() {
	case reflect.Pointer:
		present, ok := s.next()
		if !ok {
			return false
		}
		switch {
		case present && v.IsNil():
			v.Set(reflect.New(v.Type().Elem()))
		case !present && !v.IsNil():
			v.SetZero()
		}
		if !v.IsNil() && needsWalk(v.Type().Elem()) {
			return restore(v.Elem(), s)
		}
	case reflect.Slice:
		present, ok := s.next()
		if !ok {
			return false
		}
		switch {
		case present && v.IsNil():
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		case !present && !v.IsNil() && v.Len() == 0:
			v.SetZero()
		}
		if needsWalk(v.Type().Elem()) {
			for i := range v.Len() {
				if !restore(v.Index(i), s) {
					return false
				}
			}
		}
	case reflect.Map:
		present, ok := s.next()
		if !ok {
			return false
		}
		switch {
		case present && v.IsNil():
			v.Set(reflect.MakeMap(v.Type()))
		case !present && !v.IsNil() && v.Len() == 0:
			v.SetZero()
		}
	case reflect.Array:
		if needsWalk(v.Type().Elem()) {
			for i := range v.Len() {
				if !restore(v.Index(i), s) {
					return false
				}
			}
		}
	case reflect.Struct:
		t := v.Type()
		if opaque(t) {
			return true
		}
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && needsWalk(f.Type) {
				if !restore(v.Field(i), s) {
					return false
				}
			}
		}
	}
	return true
}

// encodeClaims encodes cs as a blob. An empty cs encodes to a valid blob.
func encodeClaims(cs []claims.Claim) ([]byte, error) {
	b, err := wire.Append([]byte{blobVersion}, cs)
	if err != nil {
		return nil, fmt.Errorf("encode claims: %w", err)
	}
	return b, nil
}

// decodeClaims decodes a blob made by encodeClaims, or by the version 1
// encoding. Nil pointers and slices of a version 1 blob are restored only
// when exact is set (the blob was written under the current schema);
// otherwise gob's decoding by field name is all there is.
func decodeClaims(b []byte, exact bool) ([]claims.Claim, error) {
	if len(b) == 0 {
		return nil, fmt.Errorf("decode claims: empty record")
	}
	switch b[0] {
	case blobVersion:
		var cs []claims.Claim
		if err := wire.Decode(b[1:], &cs); err != nil {
			return nil, fmt.Errorf("decode claims: %w", err)
		}
		return cs, nil
	case blobVersion1:
		return decodeClaimsV1(b[1:], exact)
	}
	return nil, fmt.Errorf("decode claims: record version %d, want %d", b[0], blobVersion)
}

func decodeClaimsV1(b []byte, exact bool) ([]claims.Claim, error) {
	var bl blobV1
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&bl); err != nil {
		return nil, fmt.Errorf("decode claims: %w", err)
	}
	if exact && bl.Bits > 0 {
		s := bits{b: bl.Present}
		v := reflect.ValueOf(&bl.Claims).Elem()
		if !restore(v, &s) || s.n != bl.Bits {
			return nil, fmt.Errorf("decode claims: presence record does not fit the claims")
		}
	}
	return bl.Claims, nil
}
