// Package recognizers scores Parallax's number, unit, duration and date
// extractors on the English spec files of Microsoft Recognizers-Text
// (Specs/Number, Specs/NumberWithUnit, Specs/DateTime). It reads the spec
// JSON from a directory given by the caller; the data is never part of this
// repository.
package recognizers
