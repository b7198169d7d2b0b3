package lexicon

import "unicode/utf8"

// trie is a character trie over headwords, stored as one open-addressing
// hash table of edges keyed by (parent node, rune). Walking it costs one
// probe per character, and copying it (for [Lexicon.With]) is two slice
// copies.
type trie struct {
	keys  []uint64 // edge key | occupied bit; 0 = empty slot
	child []int32  // child node of the edge in the same slot
	word  []int32  // per node: entry ID, or -1 when no headword ends here
	shift uint     // 64 - log2(len(keys))
	used  int      // occupied slots
}

const occupied = 1 << 63

func edgeKey(node int32, r rune) uint64 {
	return occupied | uint64(uint32(node))<<21 | uint64(r&0x1FFFFF)
}

// init makes an empty trie with room for about edges edges (the table
// grows when needed).
func (t *trie) init(edges int) {
	size := 1024
	for size < edges+edges/2 {
		size <<= 1
	}
	t.keys = make([]uint64, size)
	t.child = make([]int32, size)
	t.shift = 64
	for s := size; s > 1; s >>= 1 {
		t.shift--
	}
	t.word = append(make([]int32, 0, edges/2+1), -1) // root
	t.used = 0
}

func (t *trie) slot(k uint64) int {
	return int((k * 0x9E3779B97F4A7C15) >> t.shift)
}

// next returns the child of node along r, or -1.
func (t *trie) next(node int32, r rune) int32 {
	k := edgeKey(node, r)
	mask := len(t.keys) - 1
	for i := t.slot(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.child[i]
		case 0:
			return -1
		}
	}
}

// add inserts word s (a non-empty string) with entry ID id, keeping an
// existing ID for the same string when keep is true.
func (t *trie) add(s string, id int32, keep bool) {
	t.addFrom(0, s, id, keep, nil)
}

// addFrom inserts s below node. When path is not nil, path[k] is set to the
// node reached after the first k bytes of s, for each rune boundary k.
func (t *trie) addFrom(node int32, s string, id int32, keep bool, path []int32) {
	for i, r := range s {
		if path != nil {
			path[i] = node
		}
		c := t.next(node, r)
		if c < 0 {
			if (t.used+1)*3 > len(t.keys)*2 {
				t.grow()
			}
			c = int32(len(t.word))
			t.word = append(t.word, -1)
			k := edgeKey(node, r)
			mask := len(t.keys) - 1
			i := t.slot(k)
			for t.keys[i] != 0 {
				i = (i + 1) & mask
			}
			t.keys[i], t.child[i] = k, c
			t.used++
		}
		node = c
	}
	if path != nil {
		path[len(s)] = node
	}
	if !keep || t.word[node] < 0 {
		t.word[node] = id
	}
}

func (t *trie) grow() {
	keys, child := t.keys, t.child
	t.keys = make([]uint64, len(keys)*2)
	t.child = make([]int32, len(keys)*2)
	t.shift--
	mask := len(t.keys) - 1
	for j, k := range keys {
		if k == 0 {
			continue
		}
		i := t.slot(k)
		for t.keys[i] != 0 {
			i = (i + 1) & mask
		}
		t.keys[i], t.child[i] = k, child[j]
	}
}

func (t *trie) clone() trie {
	c := *t
	c.keys = append([]uint64(nil), t.keys...)
	c.child = append([]int32(nil), t.child...)
	c.word = append([]int32(nil), t.word...)
	return c
}

// lookup returns the entry ID of exactly s, or -1.
func (t *trie) lookup(s string) int32 {
	if s == "" {
		return -1
	}
	node := int32(0)
	for _, r := range s {
		if node = t.next(node, r); node < 0 {
			return -1
		}
	}
	return t.word[node]
}

// sortedAdder inserts words given in sorted order, reusing the path of the
// previous word for the shared prefix, which saves most probes.
type sortedAdder struct {
	t    *trie
	prev string
	path []int32 // path[k] = node after prev[:k], at rune boundaries
}

func (a *sortedAdder) add(s string, id int32, keep bool) {
	c := 0
	for c < len(s) && c < len(a.prev) && s[c] == a.prev[c] {
		c++
	}
	for c > 0 && c < len(a.prev) && !utf8.RuneStart(a.prev[c]) {
		c--
	}
	if !utf8.ValidString(s) || !utf8.ValidString(a.prev) {
		c = 0 // rune boundaries are only certain in valid UTF-8
	}
	node := int32(0)
	if c > 0 {
		node = a.path[c]
	}
	if cap(a.path) < len(s)+1 {
		a.path = make([]int32, len(s)+1, 2*len(s)+2)
		node, c = 0, 0 // the new buffer holds no path yet
	}
	a.path = a.path[:len(s)+1]
	t := a.t
	t.addFrom(node, s[c:], id, keep, a.path[c:])
	a.prev = s
}
