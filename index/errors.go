package index

import "errors"

// The errors an index returns, to be checked with errors.Is. Each comes
// wrapped with the directory or article it concerns.
var (
	// ErrNotExist means there is no index at the directory: it does not
	// exist or is empty.
	ErrNotExist = errors.New("no index")
	// ErrExist means Create was given a path that already holds something.
	ErrExist = errors.New("path already exists")
	// ErrCorrupt means the directory exists but is not a readable crosscheck
	// index. The directory is left untouched.
	ErrCorrupt = errors.New("not a readable crosscheck index")
	// ErrVersion means the index was written in a format version this
	// build does not read, by a newer or an unknown crosscheck.
	ErrVersion = errors.New("unsupported index format version")
	// ErrLocked means another process holds the index open for writing
	// (or, when opening for writing, for reading).
	ErrLocked = errors.New("index is in use by another process")
	// ErrReadOnly means a write was attempted on an index opened with Open.
	ErrReadOnly = errors.New("index is open read-only")
	// ErrNoArticle means an article asked for is not in the index.
	ErrNoArticle = errors.New("article not in the index")
	// ErrInvalid means an article or claim cannot be stored as given (no
	// id, a claim of another article, a repeated claim id).
	ErrInvalid = errors.New("invalid article or claim")
)
