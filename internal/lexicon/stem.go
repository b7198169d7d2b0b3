package lexicon

import "bytes"

// Stemming: a light, deterministic suffix stripper used for BOTH the English
// glosses at generation time and English text at matching time, so that the
// two always agree. Irregular forms are first mapped to their base (table
// irregular) and British spellings to American ones (britishToAmerican).
// Then it follows the shape of Porter's steps 1a, 1b and 5a (plural and
// possessive endings, -ed, -ing, final -e), written from the published
// description, plus a few derivational endings (see stepDeriv), with two
// changes for readability of the stems:
// "-ies"/"-ied" become "-y" ("parties" → "party", "studied" → "study"), and
// words ending in "-ss", "-us" or "-is" keep their final s ("status",
// "analysis", "process"). Only ASCII suffixes are touched; words that contain
// a digit or a non-ASCII letter are returned unchanged.

// stemBytes stems the lower-cased word w in place and returns the stem. It
// allocates only when an irregular form's base is longer than cap(w), or
// when cap(w) = len(w) and an e must be appended.
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
	if base, ok := irregular[string(w)]; ok {
		w = append(w[:0], base...)
	}
	if len(w) <= 2 {
		return w
	}
	w = britishToAmerican(w)
	w = step1a(w)
	w = step1b(w)
	w = stepDeriv(w)
	w = step5a(w)
	return w
}

// britishToAmerican rewrites British spellings in place so that both
// spellings get one stem: "-ise" verbs and their forms (organise, organised,
// organisation → z; only when a vowel–consonant sequence precedes, so "rise"
// and "wise" stay), "-our" (colour, labour, behaviour, favourite → or; again
// only after a vowel–consonant sequence, so "four", "hour", "your" stay) and
// final "-tre"/"-bre" (centre, metre, fibre → -ter, -ber, also plural).
func britishToAmerican(w []byte) []byte {
	n := len(w)
	if i := bytes.Index(w, []byte("isation")); i > 0 && measure(w[:i]) > 0 {
		w[i+1] = 'z'
	} else {
		for _, suf := range [...]string{"ise", "ises", "ised", "ising", "iser", "isers"} {
			if hasSuffix(w, suf) && measure(w[:n-len(suf)]) > 0 {
				w[n-len(suf)+1] = 'z'
				break
			}
		}
	}
	if i := bytes.Index(w, []byte("our")); i > 0 && measure(w[:i]) > 0 {
		w = append(w[:i+1], w[i+2:]...) // drop the u
		n--
	}
	switch {
	case hasSuffix(w, "tre") || hasSuffix(w, "bre"):
		w[n-2], w[n-1] = 'e', 'r'
	case (hasSuffix(w, "tres") || hasSuffix(w, "bres")) && n > 5:
		w[n-3], w[n-2] = 'e', 'r'
	}
	return w
}

// Stem returns the stem of one lower-case English word, as used for the
// lexicon vocabulary: irregular forms mapped to their base ("made" → make),
// British spellings to American ones, then possessive, plural, -ed, -ing and
// a few derivational endings removed ("parties" → "party", "developing" and
// "development" → "develop", "party's" → "party", "cooperation" →
// "cooperat"). Stems are keys, not always words. Stem does not lower-case or
// tokenise; see [Lexicon.AppendEnglish] for that. Words with a digit or a
// non-ASCII letter are returned unchanged.
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
	if n := len(w); hasSuffix(w, "ly") && measure(w[:n-2]) > 1 {
		w = w[:n-2] // "mutually" → "mutual", "nationally" → "national"
	}
	if n := len(w); hasSuffix(w, "al") && measure(w[:n-2]) > 1 {
		w = w[:n-2] // "national" → "nation", "civilizational" → "civilization"
	}
	n := len(w)
	switch {
	case hasSuffix(w, "ization"):
		if measure(w[:n-7]) > 0 {
			w = w[:n-4]
			w[n-5] = 'e'
		}
	case hasSuffix(w, "ation"):
		if measure(w[:n-5]) > 0 {
			w = w[:n-2]
			w[n-3] = 'e'
		}
	case hasSuffix(w, "ment"):
		if measure(w[:n-4]) > 1 {
			w = w[:n-4]
		}
	}
	return w
}

// irregular maps irregular English forms to their base form, which is then
// stemmed like any word ("made" → make → make, "children" → child).
var irregular = map[string]string{}

func init() {
	// Pairs: form, base. Verbs (past, participle), then nouns.
	pairs := [...]string{
		"made", "make", "said", "say", "told", "tell", "found", "find", "held", "hold",
		"led", "lead", "met", "meet", "built", "build", "brought", "bring",
		"thought", "think", "bought", "buy", "sought", "seek", "taught", "teach",
		"caught", "catch", "kept", "keep", "lost", "lose",
		"paid", "pay", "sent", "send", "spent", "spend", "stood", "stand",
		"understood", "understand", "won", "win", "wrote", "write", "written", "write",
		"spoke", "speak", "spoken", "speak", "chose", "choose", "chosen", "choose",
		"began", "begin", "begun", "begin", "became", "become", "came", "come",
		"grew", "grow", "grown", "grow", "knew", "know", "known", "know",
		"drew", "draw", "drawn", "draw", "fell", "fall", "fallen", "fall",
		"felt", "feel", "fought", "fight", "forgot", "forget", "forgotten", "forget",
		"gave", "give", "given", "give", "heard", "hear", "hid", "hide", "hidden", "hide",
		"ran", "run", "risen", "rise", "sat", "sit", "saw", "see",
		"seen", "see", "shown", "show", "sold", "sell", "struck", "strike",
		"took", "take", "taken", "take", "threw", "throw", "thrown", "throw",
		"woke", "wake", "woken", "wake", "wore", "wear", "worn", "wear",
		"broke", "break", "broken", "break", "drove", "drive", "driven", "drive",
		"ate", "eat", "eaten", "eat", "flew", "fly", "flown", "fly", "froze", "freeze",
		"frozen", "freeze", "laid", "lay", "lain", "lie", "rode", "ride", "ridden", "ride",
		"rang", "ring", "rung", "ring", "sang", "sing", "sung", "sing", "sank", "sink",
		"sunk", "sink", "shook", "shake", "shaken", "shake", "slept", "sleep",
		"stole", "steal", "stolen", "steal", "swore", "swear", "sworn", "swear",
		"swam", "swim", "tore", "tear", "torn", "tear", "wept", "weep", "fed", "feed",
		"fled", "flee", "dealt", "deal", "meant", "mean", "lent", "lend", "bent", "bend",
		"dug", "dig", "hung", "hang", "shot", "shoot", "went", "go", "gone", "go",
		"got", "get", "gotten", "get", "forgave", "forgive", "forgiven", "forgive",
		"arose", "arise", "arisen", "arise", "awoke", "awake", "beaten", "beat",
		"bitten", "bite", "blew", "blow", "blown", "blow", "bred", "breed",
		"clung", "cling", "crept", "creep", "flung", "fling",
		"forbade", "forbid", "forbidden", "forbid", "foresaw", "foresee", "foreseen", "foresee",
		"knelt", "kneel", "leapt", "leap", "mistook", "mistake",
		"mistaken", "mistake", "overcame", "overcome", "overtook", "overtake", "overtaken", "overtake",
		"sped", "speed", "spun", "spin", "sprang", "spring", "sprung", "spring",
		"stuck", "stick", "stung", "sting", "strove", "strive", "striven", "strive",
		"swept", "sweep", "swung", "swing", "undertook", "undertake", "undertaken", "undertake",
		"upheld", "uphold", "withdrew", "withdraw", "withdrawn", "withdraw",
		"men", "man", "women", "woman", "children", "child", "feet", "foot",
		"teeth", "tooth", "mice", "mouse", "geese", "goose", "lives", "life",
		"wives", "wife", "knives", "knife", "halves", "half", "selves", "self",
		"thieves", "thief", "wolves", "wolf", "shelves", "shelf", "loaves", "loaf",
		"criteria", "criterion", "phenomena", "phenomenon", "analyses", "analysis",
		"crises", "crisis", "theses", "thesis", "hypotheses", "hypothesis",
		"indices", "index", "appendices", "appendix", "oxen", "ox", "dice", "die",
	}
	for i := 0; i < len(pairs); i += 2 {
		irregular[pairs[i]] = pairs[i+1]
	}
}
