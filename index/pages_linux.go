//go:build linux

package index

import (
	"bytes"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

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

// adviseNormal gives the n bytes mapped at addr the kernel's default
// read-ahead.
func adviseNormal(addr uintptr, n int) {
	if addr != 0 && n > 0 {
		_, _, _ = unix.Syscall(unix.SYS_MADVISE, addr, uintptr(n), unix.MADV_NORMAL)
	}
}

// mappedFileBytes is how much of the process's resident memory is pages of
// files (and shared memory): the third field of /proc/self/statm, in pages.
// It is 0 when that cannot be read.
func mappedFileBytes() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := bytes.Fields(b)
	if len(f) < 3 {
		return 0
	}
	n, err := strconv.ParseInt(string(f[2]), 10, 64)
	if err != nil {
		return 0
	}
	return n * int64(os.Getpagesize())
}
