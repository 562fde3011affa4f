//go:build !linux

package index

// Elsewhere mapped pages are left to the kernel.
func releaseMap([]byte)        {}
func releaseAddr(uintptr, int) {}
