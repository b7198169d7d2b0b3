package lexicon

// Stemming: a light, deterministic suffix stripper used for BOTH the English
// glosses at generation time and English text at matching time, so that the
// two always agree. It follows the shape of Porter's steps 1a, 1b and 5a
// (plural and possessive endings, -ed, -ing, final -e), written from the
// published description, plus a few derivational endings (see stepDeriv),
// with two changes for readability of the stems:
// "-ies"/"-ied" become "-y" ("parties" → "party", "studied" → "study"), and
// words ending in "-ss", "-us" or "-is" keep their final s ("status",
// "analysis", "process"). Only ASCII suffixes are touched; words that contain
// a digit or a non-ASCII letter are returned unchanged.

// stemBytes stems the lower-cased word w in place and returns the stem (a
// prefix of w, possibly with one byte changed or appended within cap). It
// never allocates when cap(w) ≥ len(w)+1.
func stemBytes(w []byte) []byte {
	for _, c := range w {
		if c < 'a' || c > 'z' {
			if c != '\'' {
				return w
			}
		}
	}
	// Possessive: "party's" → "party"; a lone apostrophe inside stays.
	if n := len(w); n > 2 && w[n-2] == '\'' && w[n-1] == 's' {
		w = w[:n-2]
	}
	if len(w) <= 2 {
		return w
	}
	w = step1a(w)
	w = step1b(w)
	w = stepDeriv(w)
	w = step5a(w)
	return w
}

// Stem returns the stem of one lower-case English word, as used for the
// lexicon vocabulary: possessive, plural, -ed and -ing endings removed
// ("parties" → "party", "developing" → "develop", "Party's" is expected
// lower-cased as "party's" → "party"). It does not lower-case or tokenise;
// see [Lexicon.AppendEnglish] for that.
func Stem(word string) string {
	b := make([]byte, len(word), len(word)+1)
	copy(b, word)
	s := stemBytes(b)
	if string(s) == word {
		return word
	}
	return string(s)
}

func hasSuffix(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

// isCons reports whether w[i] is a consonant in Porter's sense: not a vowel,
// and y counts as a consonant only at the start or after a vowel.
func isCons(w []byte, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !isCons(w, i-1)
	case '\'':
		return true
	}
	return true
}

// measure returns Porter's m: the number of vowel–consonant sequences in w.
func measure(w []byte) int {
	m, i, n := 0, 0, len(w)
	for i < n && isCons(w, i) {
		i++
	}
	for i < n {
		for i < n && !isCons(w, i) {
			i++
		}
		if i >= n {
			break
		}
		for i < n && isCons(w, i) {
			i++
		}
		m++
	}
	return m
}

func hasVowel(w []byte) bool {
	for i := range w {
		if !isCons(w, i) {
			return true
		}
	}
	return false
}

// endsCVC reports whether w ends consonant–vowel–consonant where the last
// consonant is not w, x or y ("hop", "mak"), the condition for restoring an e.
func endsCVC(w []byte) bool {
	n := len(w)
	if n < 3 || !isCons(w, n-1) || isCons(w, n-2) || !isCons(w, n-3) {
		return false
	}
	switch w[n-1] {
	case 'w', 'x', 'y':
		return false
	}
	return true
}

func step1a(w []byte) []byte {
	n := len(w)
	switch {
	case hasSuffix(w, "sses"):
		return w[:n-2]
	case hasSuffix(w, "ies"):
		if n <= 4 { // "ties", "lies" → "tie", "lie"
			return w[:n-1]
		}
		w = w[:n-2]
		w[n-3] = 'y'
		return w
	case hasSuffix(w, "ss"), hasSuffix(w, "us"), hasSuffix(w, "is"):
		return w
	case w[n-1] == 's':
		return w[:n-1]
	}
	return w
}

func step1b(w []byte) []byte {
	n := len(w)
	switch {
	case hasSuffix(w, "eed"):
		if measure(w[:n-3]) > 0 {
			return w[:n-1]
		}
		return w
	case hasSuffix(w, "ied") && n > 4:
		w = w[:n-2]
		w[n-3] = 'y'
		return w
	case hasSuffix(w, "ed") && hasVowel(w[:n-2]):
		w = w[:n-2]
	case hasSuffix(w, "ing") && hasVowel(w[:n-3]):
		w = w[:n-3]
	default:
		return w
	}
	n = len(w)
	switch {
	case hasSuffix(w, "at"), hasSuffix(w, "bl"), hasSuffix(w, "iz"):
		return append(w, 'e')
	case n >= 2 && w[n-1] == w[n-2] && isCons(w, n-1):
		switch w[n-1] {
		case 'l', 's', 'z':
			return w
		}
		return w[:n-1]
	case measure(w) == 1 && endsCVC(w):
		return append(w, 'e')
	}
	return w
}

func step5a(w []byte) []byte {
	n := len(w)
	if n < 2 || w[n-1] != 'e' {
		return w
	}
	m := measure(w[:n-1])
	if m > 1 || (m == 1 && !endsCVC(w[:n-1])) {
		return w[:n-1]
	}
	return w
}

// stepDeriv removes a few derivational suffixes so that nouns, adjectives and
// adverbs meet their verbs and nouns ("cooperation"/"cooperate",
// "development"/"develop", "political"/"politics", "mutually"/"mutual"),
// under Porter's measure conditions so short words keep their ending
// ("nation", "station", "central", "early").
func stepDeriv(w []byte) []byte {
	n := len(w)
	switch {
	case hasSuffix(w, "ization") || hasSuffix(w, "isation"):
		if measure(w[:n-7]) > 0 {
			w = w[:n-4]
			w[n-5] = 'e'
			return w
		}
	case hasSuffix(w, "ation"):
		if measure(w[:n-5]) > 0 {
			w = w[:n-2]
			w[n-3] = 'e'
			return w
		}
	case hasSuffix(w, "ment"):
		if measure(w[:n-4]) > 1 {
			return w[:n-4]
		}
	case hasSuffix(w, "ly"):
		if measure(w[:n-2]) > 1 {
			return w[:n-2]
		}
	case hasSuffix(w, "al"):
		if measure(w[:n-2]) > 1 {
			return w[:n-2]
		}
	}
	return w
}
