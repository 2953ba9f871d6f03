package collect

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// LockName is the lock file in DATA/<survey-id>/. Two collectors on one
// folder would each keep their own index of response ids and store a
// retried answer twice, so a collector holds an exclusive flock on this
// file while it runs. The kernel drops a flock when its holder dies, so a
// lock file left by a killed collector blocks nothing: it is the flock
// that counts, not the file. The file is never removed (removing it would
// let a starting collector lock a fresh file while a third still holds
// the old one); it holds the holder's pid and address for the message a
// second collector prints, and is emptied when the holder stops.
const LockName = "collect.lock"

// holder is what the lock file says about the collector holding it.
type holder struct {
	PID   int    `json:"pid"`
	Addr  string `json:"addr,omitempty"`
	Since string `json:"since,omitempty"`
}

// lockDir takes the data folder's lock or says who holds it.
func lockDir(dir, addr string, now time.Time) (*os.File, error) {
	path := filepath.Join(dir, LockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		defer f.Close()
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errorText.Errorf(errLockFailed, path, err)
		}
		var h holder
		data, _ := os.ReadFile(path)
		if json.Unmarshal(data, &h) != nil || h.PID == 0 {
			// The holder has locked but not yet written who it is.
			return nil, errorText.Errorf(errLockedUnknown, dir, path)
		}
		if h.Addr == "" {
			h.Addr = "?"
		}
		return nil, errorText.Errorf(errLocked, dir, h.PID, h.Addr, path)
	}
	line, _ := json.Marshal(holder{PID: os.Getpid(), Addr: addr, Since: now.UTC().Format(time.RFC3339)})
	if err := writeHolder(f, append(line, '\n')); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func writeHolder(f *os.File, data []byte) error {
	if err := f.Truncate(0); err != nil {
		return err
	}
	if _, err := f.WriteAt(data, 0); err != nil {
		return err
	}
	return f.Sync()
}

// unlockDir empties the lock file, so that a look at it does not name a
// collector that has stopped, and releases the flock.
func unlockDir(f *os.File) error {
	if f == nil {
		return nil
	}
	_ = f.Truncate(0)
	return f.Close() // closing the last descriptor releases the flock
}
