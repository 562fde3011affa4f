//go:build !linux

package index

// Elsewhere mapped pages are left to the kernel, and not counted.
func releaseMap([]byte)         {}
func releaseAddr(uintptr, int)  {}
func adviseNormal(uintptr, int) {}
func mappedFileBytes() int64    { return 0 }
