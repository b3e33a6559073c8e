package quantity

import (
	"fmt"
	"math"
	"strconv"

	"github.com/parallax-news/parallax"
)

// describe renders one quantity on one line, the format of the golden file.
func describe(text string, q parallax.Quantity) string {
	lb, rb := "[", "]"
	if q.Value.LoOpen {
		lb = "("
	}
	if q.Value.HiOpen || q.Value.Unbounded() {
		rb = ")"
	}
	s := fmt.Sprintf("%d-%d %q %s%s, %s%s %s %s", q.Span.Start, q.Span.End, text[q.Span.Start:q.Span.End],
		lb, num2s(q.Value.Lo), num2s(q.Value.Hi), rb, q.Unit, q.Dimension)
	if q.Qualifier != "" {
		s += " qual=" + q.Qualifier
	}
	if q.Scope != "" {
		s += " scope=" + q.Scope
	}
	return s
}

func num2s(v float64) string {
	if math.IsInf(v, 1) {
		return "+Inf"
	}
	return strconv.FormatFloat(v, 'g', 10, 64)
}
