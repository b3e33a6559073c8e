package sqlite

import (
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/storetest"
)

// TestConformance runs the parallax.Store suite against a file store (WAL,
// separate read pool) and an in-memory one (a single connection).
func TestConformance(t *testing.T) {
	t.Run("file", func(t *testing.T) {
		storetest.Run(t, func(t *testing.T) parallax.Store {
			return openAt(t, filepath.Join(t.TempDir(), "parallax.db"))
		})
	})
	t.Run("memory", func(t *testing.T) {
		storetest.Run(t, func(t *testing.T) parallax.Store { return openMemory(t) })
	})
}
