// Package store writes to disk, taking its time.
package store

import "time"

// Flush waits for the disk.
func Flush() { settle() }

func settle() { time.Sleep(time.Millisecond) }
