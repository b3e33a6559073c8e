package dates

// Years written in words: "nineteen seventy-eight", "two thousand and
// eighteen", "one thousand seven hundred and eighty nine", and decades:
// "the seventies", "the two thousands".

// below100 reads a number from 0 to 99 written in words at i.
func (s *scanner) below100(i int) (int, int, bool) {
	w := s.w(i)
	if t, ok := tensWords[w]; ok {
		j := i + 1
		if s.p(j, "-") && s.glued(j) && s.glued(j+1) {
			j++
		}
		if u, ok := cardinals[s.w(j)]; ok && u < 10 {
			return t + u, j + 1, true
		}
		return t, i + 1, true
	}
	if v, ok := cardinals[w]; ok {
		return v, i + 1, true
	}
	if w == "zero" {
		return 0, i + 1, true
	}
	return 0, i, false
}

// numberWords reads a whole number below ten thousand written in words:
// "two thousand and fourteen", "seven hundred and eighty nine".
func (s *scanner) numberWords(i int) (int, int, bool) {
	total, j, any := 0, i, false
	if v, k, ok := s.below100(j); ok && v > 0 && v < 10 && s.w(k) == "thousand" {
		total += 1000 * v
		j, any = k+1, true
	}
	if v, k, ok := s.below100(j); ok && v > 0 && v < 10 && s.w(k) == "hundred" {
		total += 100 * v
		j, any = k+1, true
	}
	k := j
	if any && s.w(k) == "and" {
		k++
	}
	if v, next, ok := s.below100(k); ok && v > 0 {
		return total + v, next, true
	}
	return total, j, any
}

// yearWords reads a year written in words at i: a whole number ("two
// thousand and eighteen") or two pairs ("nineteen seventy eight",
// "nineteen oh one", "nineteen hundred"). The phrase must end there, so
// that "two thousand people" stays a count.
func (s *scanner) yearWords(i int) (int, int, bool) {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != word {
		return 0, i, false
	}
	if a, k, ok := s.below100(i); ok && a >= 10 {
		switch s.w(k) {
		case "thousand":
		case "hundred":
			// "nineteen hundred", "nineteen hundred and five"
			j := k + 1
			if s.w(j) == "and" {
				j++
			}
			if b, next, ok := s.below100(j); ok && b > 0 && s.yearEnds(next) {
				return 100*a + b, next, true
			}
			if s.yearEnds(k + 1) {
				return 100 * a, k + 1, true
			}
		case "oh", "zero":
			if u, next, ok := s.below100(k + 1); ok && u > 0 && u < 10 && s.yearEnds(next) {
				return 100*a + u, next, true
			}
		default:
			if b, next, ok := s.below100(k); ok && b >= 10 && s.yearEnds(next) {
				return 100*a + b, next, true
			}
		}
	}
	if v, next, ok := s.numberWords(i); ok && v >= minFullYear && v <= maxYear && s.yearEnds(next) {
		return v, next, true
	}
	return 0, i, false
}

// yearEnds reports whether a year in words can end before token i.
func (s *scanner) yearEnds(i int) bool {
	if s.ends(i) {
		return true
	}
	switch s.w(i) {
	case "and", "to", "until", "till", "through":
		return true
	}
	return false
}

// decadeAt matches "the seventies", "the nineteen seventies", "the
// twenty-tens", "the two thousand and tens", "the two thousands", "the
// noughties" with "the" at i. Without a century, decades are the last
// century's, as news tells them.
func (s *scanner) decadeAt(i int) int {
	j := i + 1
	century := 1900
	explicit := false
	switch {
	case s.w(j) == "nineteen":
		j, explicit = j+1, true
	case s.w(j) == "twenty":
		century, j, explicit = 2000, j+1, true
		if s.p(j, "-") {
			j++
		}
	case s.w(j) == "two" && s.w(j+1) == "thousand":
		if s.w(j+2) == "and" {
			century, j, explicit = 2000, j+3, true
		} else if s.w(j+2) == "thousands" {
			return s.add(mention{form: fDecade, n: 2000}, i, j+3)
		}
	case s.w(j) == "two" && s.w(j+1) == "thousands":
		return s.add(mention{form: fDecade, n: 2000}, i, j+2)
	case s.w(j) == "noughties":
		return s.add(mention{form: fDecade, n: 2000}, i, j+1)
	}
	d, ok := decadeWords[s.w(j)]
	if !ok || (d == 10 && !explicit) {
		return i // "the tens" alone is a count
	}
	return s.add(mention{form: fDecade, n: century + d}, i, j+1)
}
