package claims

import (
	"io/fs"
	"syscall"
)

// changeTime is the change time (nanoseconds since 1970) and inode of a
// file of the given info.
func changeTime(info fs.FileInfo) (ns int64, inode uint64, ok bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return st.Ctim.Nano(), st.Ino, true
}
