package report

import (
	"errors"
	"fmt"
	"io"

	"github.com/parallax-news/parallax"
)

// JSON writes b as indented JSON, the public contract described by
// schema/brief.schema.json. Nil slices are written as empty arrays so that
// consumers can rely on every array being present; b itself is not changed.
func JSON(w io.Writer, b *parallax.Brief) error {
	if b == nil {
		return errors.New("report: nil brief")
	}
	data, err := parallax.MarshalBrief(b)
	if err != nil {
		return fmt.Errorf("report: write brief json: %w", err)
	}
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("report: write brief json: %w", err)
	}
	return nil
}

// nonNil returns s, or an empty slice when s is nil (JSON [] instead of null).
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
