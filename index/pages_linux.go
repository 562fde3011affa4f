//go:build linux

package index

import "golang.org/x/sys/unix"

// releaseMap drops the pages of b, a read-only shared map of a file, from
// the process: a later read maps them in again from the page cache.
func releaseMap(b []byte) {
	if len(b) > 0 {
		_ = unix.Madvise(b, unix.MADV_DONTNEED)
	}
}

// releaseAddr is releaseMap for the n bytes mapped at addr.
func releaseAddr(addr uintptr, n int) {
	if addr != 0 && n > 0 {
		_, _, _ = unix.Syscall(unix.SYS_MADVISE, addr, uintptr(n), unix.MADV_DONTNEED)
	}
}
