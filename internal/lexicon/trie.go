package lexicon

import "unicode/utf8"

// trie is a character trie over headwords, stored as one open-addressing
// hash table of edges. Each slot packs an edge into a uint64: an occupied
// bit, the parent node (21 bits), the rune (21 bits) and the child node (21
// bits), so a probe touches one word of memory. Walking costs one probe per
// character; copying (for [Lexicon.With]) is two slice copies.
type trie struct {
	slots []uint64 // packed edges; 0 = empty
	word  []int32  // per node: entry ID, or -1 when no headword ends here
	shift uint     // 64 - log2(len(slots))
	used  int      // occupied slots
}

const (
	occupied   = 1 << 63
	nodeBits   = 21
	nodeMask   = 1<<nodeBits - 1
	maxNodes   = 1 << nodeBits // node IDs fit in 21 bits
	edgeKeyLen = 64 - nodeBits // the key is the slot's top 43 bits
)

// edgeKey is the slot's key part (occupied bit, parent, rune), shifted down.
func edgeKey(node int32, r rune) uint64 {
	return (occupied | uint64(node)<<(2*nodeBits) | uint64(r&0x1FFFFF)<<nodeBits) >> nodeBits
}

// init makes an empty trie with room for about edges edges (the table
// grows when needed).
func (t *trie) init(edges int) {
	size := 1024
	for size < edges+edges/2 {
		size <<= 1
	}
	t.slots = make([]uint64, size)
	t.shift = 64
	for s := size; s > 1; s >>= 1 {
		t.shift--
	}
	t.word = append(make([]int32, 0, edges+1), -1) // root
	t.used = 0
}

func (t *trie) slot(k uint64) int {
	return int((k * 0x9E3779B97F4A7C15) >> t.shift)
}

// next returns the child of node along r, or -1.
func (t *trie) next(node int32, r rune) int32 {
	k := edgeKey(node, r)
	mask := len(t.slots) - 1
	for i := t.slot(k); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s>>nodeBits == k {
			return int32(s & nodeMask)
		}
		if s == 0 {
			return -1
		}
	}
}

// insert adds the edge node –r→ new node, known to be absent, and returns
// the new node, or -1 when the trie is full (maxNodes).
func (t *trie) insert(node int32, r rune) int32 {
	if len(t.word) >= maxNodes {
		return -1
	}
	if (t.used+1)*3 > len(t.slots)*2 {
		t.grow()
	}
	c := int32(len(t.word))
	t.word = append(t.word, -1)
	k := edgeKey(node, r)
	mask := len(t.slots) - 1
	i := t.slot(k)
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = k<<nodeBits | uint64(c)
	t.used++
	return c
}

// add inserts word s (a non-empty string) with entry ID id, keeping an
// existing ID for the same string when keep is true. It reports false when
// the trie is full.
func (t *trie) add(s string, id int32, keep bool) bool {
	return t.addFrom(0, s, id, keep, nil)
}

// addFrom inserts s below node. When path is not nil, path[k] is set to the
// node reached after the first k bytes of s, for each rune boundary k.
func (t *trie) addFrom(node int32, s string, id int32, keep bool, path []int32) bool {
	fresh := false // below a new node every edge is new: no lookup needed
	for i, r := range s {
		if path != nil {
			path[i] = node
		}
		c := int32(-1)
		if !fresh {
			c = t.next(node, r)
		}
		if c < 0 {
			fresh = true
			if c = t.insert(node, r); c < 0 {
				return false
			}
		}
		node = c
	}
	if path != nil {
		path[len(s)] = node
	}
	if !keep || t.word[node] < 0 {
		t.word[node] = id
	}
	return true
}

func (t *trie) grow() {
	old := t.slots
	t.slots = make([]uint64, len(old)*2)
	t.shift--
	mask := len(t.slots) - 1
	for _, s := range old {
		if s == 0 {
			continue
		}
		i := t.slot(s >> nodeBits)
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}

func (t *trie) clone() trie {
	c := *t
	c.slots = append([]uint64(nil), t.slots...)
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
// previous word for the shared prefix, which saves most probes. Words must
// be valid UTF-8.
type sortedAdder struct {
	t    *trie
	prev string
	path []int32 // path[k] = node after prev[:k], at rune boundaries
}

func (a *sortedAdder) add(s string, id int32, keep bool) bool {
	c := 0
	for c < len(s) && c < len(a.prev) && s[c] == a.prev[c] {
		c++
	}
	for c > 0 && c < len(a.prev) && !utf8.RuneStart(a.prev[c]) {
		c--
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
	a.prev = s
	return a.t.addFrom(node, s[c:], id, keep, a.path[c:])
}
