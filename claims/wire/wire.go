// Package wire encodes Go values in a compact binary form, for what
// crosscheck keeps on disk for itself: the claims of each article in the
// index, and what the comparison of a story found.
//
// Unlike encoding/gob, an encoding carries no description of its type: it
// is decoded into the type it was encoded from, and the stores that keep
// encodings tell types apart themselves (a fingerprint of the claim types
// for the index, the build of crosscheck for the comparison's cache). In
// return a value is read without first reading and compiling its type's
// description, which gob does for every value stored on its own, and it
// comes back exactly: a nil pointer or slice stays nil, a pointer to a
// zero value and an empty slice or map stay non-nil.
//
// Booleans, integers, floats, strings, slices, arrays, maps, pointers and
// structs of those are encoded, field by field in declaration order, and
// values whose pointer implements encoding.BinaryUnmarshaler, such as
// time.Time, through their MarshalBinary. Interfaces, channels, functions
// and structs with unexported fields (other than through a
// BinaryMarshaler) are refused, rather than partly kept.
package wire

import (
	"bytes"
	"encoding"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"sync"
)

// ErrCorrupt is wrapped by the errors of Decode for data that is not an
// encoding of the type decoded into.
var ErrCorrupt = errors.New("wire: corrupt data")

// Append appends the encoding of v to dst.
func Append(dst []byte, v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return dst, errors.New("wire: cannot encode nil")
	}
	c, err := codecOf(rv.Type())
	if err != nil {
		return dst, err
	}
	e := encoder{b: dst}
	c.enc(&e, rv)
	return e.b, e.err
}

// Decode decodes data, all of it, into *v: v is a non-nil pointer to a
// value of the type that was encoded.
func Decode(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("wire: decode into %T, want a non-nil pointer", v)
	}
	c, err := codecOf(rv.Type().Elem())
	if err != nil {
		return err
	}
	d := decoder{b: data}
	c.dec(&d, rv.Elem())
	if d.err == nil && len(d.b) > 0 {
		d.fail("%d bytes left over", len(d.b))
	}
	return d.err
}

type encoder struct {
	b   []byte
	err error
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s", ErrCorrupt, fmt.Sprintf(format, args...))
	}
	d.b = nil
}

func (d *decoder) uvarint() uint64 {
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("bad unsigned number")
		return 0
	}
	d.b = d.b[n:]
	return x
}

func (d *decoder) varint() int64 {
	x, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail("bad number")
		return 0
	}
	d.b = d.b[n:]
	return x
}

// take returns the next n bytes, or nil after failing when there are fewer.
func (d *decoder) take(n uint64) []byte {
	if n > uint64(len(d.b)) {
		d.fail("%d bytes wanted, %d left", n, len(d.b))
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

// count reads the length of a slice or map written as length+1 (0 for
// nil), of elements of at least min bytes each. It reports nil as false.
func (d *decoder) count(min int) (n int, ok bool) {
	x := d.uvarint()
	if x == 0 || d.err != nil {
		return 0, false
	}
	x--
	// A length the remaining bytes cannot hold is damage, not a reason
	// to allocate it.
	limit := uint64(len(d.b))
	if min > 0 {
		limit /= uint64(min)
	} else {
		limit = 1 << 16
	}
	if x > limit {
		d.fail("length %d of %d bytes", x, len(d.b))
		return 0, false
	}
	return int(x), true
}

// A codec encodes and decodes the values of one type. min is the least
// number of bytes a value takes.
type codec struct {
	enc func(e *encoder, v reflect.Value)
	dec func(d *decoder, v reflect.Value)
	min int
}

var (
	codecs   sync.Map // reflect.Type -> *codec
	building sync.Mutex
)

func codecOf(t reflect.Type) (*codec, error) {
	if c, ok := codecs.Load(t); ok {
		return c.(*codec), nil
	}
	building.Lock()
	defer building.Unlock()
	if c, ok := codecs.Load(t); ok {
		return c.(*codec), nil
	}
	made := map[reflect.Type]*codec{}
	c, err := build(t, made)
	if err != nil {
		return nil, err
	}
	for t, c := range made {
		codecs.Store(t, c)
	}
	return c, nil
}

var (
	binaryMarshaler   = reflect.TypeFor[encoding.BinaryMarshaler]()
	binaryUnmarshaler = reflect.TypeFor[encoding.BinaryUnmarshaler]()
)

// build makes the codec of t, and of the types within it, into made. A
// type met again while being built (a recursive type) gets the codec being
// built, whose functions are in place by the time they are called.
func build(t reflect.Type, made map[reflect.Type]*codec) (*codec, error) {
	if c, ok := made[t]; ok {
		return c, nil
	}
	if c, ok := codecs.Load(t); ok {
		return c.(*codec), nil
	}
	c := &codec{}
	made[t] = c
	if t.Implements(binaryMarshaler) && reflect.PointerTo(t).Implements(binaryUnmarshaler) {
		marshaled(c)
		return c, nil
	}
	switch t.Kind() {
	case reflect.Bool:
		c.min = 1
		c.enc = func(e *encoder, v reflect.Value) {
			b := byte(0)
			if v.Bool() {
				b = 1
			}
			e.b = append(e.b, b)
		}
		c.dec = func(d *decoder, v reflect.Value) {
			switch b := d.take(1); {
			case b == nil:
			case b[0] > 1:
				d.fail("boolean %d", b[0])
			default:
				v.SetBool(b[0] == 1)
			}
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		c.min = 1
		c.enc = func(e *encoder, v reflect.Value) { e.b = binary.AppendVarint(e.b, v.Int()) }
		c.dec = func(d *decoder, v reflect.Value) {
			x := d.varint()
			if v.OverflowInt(x) {
				d.fail("%d overflows %v", x, v.Type())
				return
			}
			v.SetInt(x)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		c.min = 1
		c.enc = func(e *encoder, v reflect.Value) { e.b = binary.AppendUvarint(e.b, v.Uint()) }
		c.dec = func(d *decoder, v reflect.Value) {
			x := d.uvarint()
			if v.OverflowUint(x) {
				d.fail("%d overflows %v", x, v.Type())
				return
			}
			v.SetUint(x)
		}
	case reflect.Float32:
		c.min = 4
		c.enc = func(e *encoder, v reflect.Value) {
			e.b = binary.LittleEndian.AppendUint32(e.b, math.Float32bits(float32(v.Float())))
		}
		c.dec = func(d *decoder, v reflect.Value) {
			if b := d.take(4); b != nil {
				v.SetFloat(float64(math.Float32frombits(binary.LittleEndian.Uint32(b))))
			}
		}
	case reflect.Float64:
		c.min = 8
		c.enc = func(e *encoder, v reflect.Value) {
			e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v.Float()))
		}
		c.dec = func(d *decoder, v reflect.Value) {
			if b := d.take(8); b != nil {
				v.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64(b)))
			}
		}
	case reflect.String:
		c.min = 1
		c.enc = func(e *encoder, v reflect.Value) {
			s := v.String()
			e.b = binary.AppendUvarint(e.b, uint64(len(s)))
			e.b = append(e.b, s...)
		}
		c.dec = func(d *decoder, v reflect.Value) {
			if b := d.take(d.uvarint()); d.err == nil {
				v.SetString(string(b))
			}
		}
	case reflect.Slice:
		return c, sliceCodec(c, t, made)
	case reflect.Array:
		ec, err := build(t.Elem(), made)
		if err != nil {
			return nil, err
		}
		n := t.Len()
		c.min = n * ec.min
		c.enc = func(e *encoder, v reflect.Value) {
			for i := range n {
				ec.enc(e, v.Index(i))
			}
		}
		c.dec = func(d *decoder, v reflect.Value) {
			for i := 0; i < n && d.err == nil; i++ {
				ec.dec(d, v.Index(i))
			}
		}
	case reflect.Map:
		return c, mapCodec(c, t, made)
	case reflect.Pointer:
		ec, err := build(t.Elem(), made)
		if err != nil {
			return nil, err
		}
		c.min = 1
		c.enc = func(e *encoder, v reflect.Value) {
			if v.IsNil() {
				e.b = append(e.b, 0)
				return
			}
			e.b = append(e.b, 1)
			ec.enc(e, v.Elem())
		}
		c.dec = func(d *decoder, v reflect.Value) {
			switch b := d.take(1); {
			case b == nil:
			case b[0] == 0:
				v.SetZero()
			case b[0] == 1:
				p := reflect.New(t.Elem())
				ec.dec(d, p.Elem())
				v.Set(p)
			default:
				d.fail("pointer flag %d", b[0])
			}
		}
	case reflect.Struct:
		return c, structCodec(c, t, made)
	default:
		return nil, fmt.Errorf("wire: cannot encode %v values", t)
	}
	return c, nil
}

// marshaled makes c encode through MarshalBinary and UnmarshalBinary, as a
// length and the bytes.
func marshaled(c *codec) {
	c.min = 1
	c.enc = func(e *encoder, v reflect.Value) {
		b, err := v.Interface().(encoding.BinaryMarshaler).MarshalBinary()
		if err != nil && e.err == nil {
			e.err = fmt.Errorf("wire: %v: %w", v.Type(), err)
		}
		e.b = binary.AppendUvarint(e.b, uint64(len(b)))
		e.b = append(e.b, b...)
	}
	c.dec = func(d *decoder, v reflect.Value) {
		b := d.take(d.uvarint())
		if d.err != nil {
			return
		}
		if err := v.Addr().Interface().(encoding.BinaryUnmarshaler).UnmarshalBinary(b); err != nil {
			d.fail("%v: %v", v.Type(), err)
		}
	}
}

// sliceCodec writes a slice as its length plus one (0 for nil), then its
// elements; a slice of bytes as its bytes.
func sliceCodec(c *codec, t reflect.Type, made map[reflect.Type]*codec) error {
	c.min = 1
	if t.Elem().Kind() == reflect.Uint8 {
		c.enc = func(e *encoder, v reflect.Value) {
			if v.IsNil() {
				e.b = append(e.b, 0)
				return
			}
			e.b = binary.AppendUvarint(e.b, uint64(v.Len())+1)
			e.b = append(e.b, v.Bytes()...)
		}
		c.dec = func(d *decoder, v reflect.Value) {
			n, ok := d.count(1)
			if !ok {
				if d.err == nil {
					v.SetZero()
				}
				return
			}
			s := reflect.MakeSlice(t, n, n)
			copy(s.Bytes(), d.take(uint64(n)))
			v.Set(s)
		}
		return nil
	}
	ec, err := build(t.Elem(), made)
	if err != nil {
		return err
	}
	c.enc = func(e *encoder, v reflect.Value) {
		if v.IsNil() {
			e.b = append(e.b, 0)
			return
		}
		n := v.Len()
		e.b = binary.AppendUvarint(e.b, uint64(n)+1)
		for i := range n {
			ec.enc(e, v.Index(i))
		}
	}
	c.dec = func(d *decoder, v reflect.Value) {
		n, ok := d.count(ec.min)
		if !ok {
			if d.err == nil {
				v.SetZero()
			}
			return
		}
		s := reflect.MakeSlice(t, n, n)
		for i := 0; i < n && d.err == nil; i++ {
			ec.dec(d, s.Index(i))
		}
		v.Set(s)
	}
	return nil
}

// mapCodec writes a map as its length plus one (0 for nil), then its keys
// and values in the order of the keys' encodings, so that equal maps are
// written alike.
func mapCodec(c *codec, t reflect.Type, made map[reflect.Type]*codec) error {
	kc, err := build(t.Key(), made)
	if err != nil {
		return err
	}
	vc, err := build(t.Elem(), made)
	if err != nil {
		return err
	}
	c.min = 1
	c.enc = func(e *encoder, v reflect.Value) {
		if v.IsNil() {
			e.b = append(e.b, 0)
			return
		}
		type entry struct {
			key []byte
			val reflect.Value
		}
		entries := make([]entry, 0, v.Len())
		it := v.MapRange()
		for it.Next() {
			k := encoder{}
			kc.enc(&k, it.Key())
			if k.err != nil && e.err == nil {
				e.err = k.err
			}
			entries = append(entries, entry{k.b, it.Value()})
		}
		slices.SortFunc(entries, func(a, b entry) int { return bytes.Compare(a.key, b.key) })
		e.b = binary.AppendUvarint(e.b, uint64(len(entries))+1)
		for _, en := range entries {
			e.b = append(e.b, en.key...)
			vc.enc(e, en.val)
		}
	}
	c.dec = func(d *decoder, v reflect.Value) {
		n, ok := d.count(kc.min + vc.min)
		if !ok {
			if d.err == nil {
				v.SetZero()
			}
			return
		}
		m := reflect.MakeMapWithSize(t, n)
		k, x := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
		for range n {
			k.SetZero()
			x.SetZero()
			kc.dec(d, k)
			vc.dec(d, x)
			if d.err != nil {
				return
			}
			m.SetMapIndex(k, x)
		}
		v.Set(m)
	}
	return nil
}

// structCodec writes a struct's fields in order.
func structCodec(c *codec, t reflect.Type, made map[reflect.Type]*codec) error {
	var fields []*codec
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			return fmt.Errorf("wire: cannot encode %v: field %s is unexported", t, f.Name)
		}
		fc, err := build(f.Type, made)
		if err != nil {
			return err
		}
		fields = append(fields, fc)
		c.min += fc.min
	}
	c.enc = func(e *encoder, v reflect.Value) {
		for i, fc := range fields {
			fc.enc(e, v.Field(i))
		}
	}
	c.dec = func(d *decoder, v reflect.Value) {
		for i, fc := range fields {
			if d.err != nil {
				return
			}
			fc.dec(d, v.Field(i))
		}
	}
	return nil
}
