//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package sqlite

import (
	"errors"
	"os"
)

var errLocked = errors.New("locked")

// Without flock only this process's callers are kept out (see LockWriter).
func lockFile(*os.File) error   { return nil }
func unlockFile(*os.File) error { return nil }
