package index

import (
	"fmt"
)

// notePrefix keeps notes apart from the index's own internal keys.
const notePrefix = "note/"

// SetNote stores a small blob under a name, beside the claims: what the
// last comparison found, for search to show. A nil or empty value removes
// the note. It fails with ErrReadOnly on an index opened with Open.
func (x *Index) SetNote(name string, value []byte) error {
	if x.readOnly {
		return fmt.Errorf("set note %s: %w", name, ErrReadOnly)
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	key := []byte(notePrefix + name)
	b := x.b.NewBatch()
	if len(value) == 0 {
		b.DeleteInternal(key)
		if err := x.write(b); err != nil {
			return fmt.Errorf("delete note %s: %w", name, err)
		}
		return nil
	}
	b.SetInternal(key, value)
	if err := x.write(b); err != nil {
		return fmt.Errorf("set note %s: %w", name, err)
	}
	return nil
}

// Note returns the blob stored under name by SetNote, or nil when there is
// none.
func (x *Index) Note(name string) ([]byte, error) {
	v, err := x.b.GetInternal([]byte(notePrefix + name))
	if err != nil {
		return nil, fmt.Errorf("read note %s: %w", name, err)
	}
	return v, nil
}
