package rules

import (
	"regexp/syntax"
	"unicode/utf8"
)

// A scanner evaluates one pattern at every position of a paragraph in a
// single pass, for patterns that a per-position match would make costly
// (a bounded repetition of any character, such as Q.{1,200}, costs the
// window times the repetition at every position). It runs the pattern's
// program as a Thompson NFA (each instruction at most once per position,
// the newest thread kept), so a paragraph costs at most its length times
// the program size, whatever the pattern.
//
// A Before pattern is run forwards and marks where a match ends; an After
// pattern is reversed, run backwards and marks where a match starts. A
// match may reach at most MaxContext bytes from the position, as with the
// per-position matcher: "^" and "$" match at the paragraph's ends only.
type scanner struct {
	prog *syntax.Prog
}

// scanCostLimit is the per-position cost (window bytes times program
// instructions) above which a side is evaluated by a scanner.
const scanCostLimit = 40000

func newScanner(re *syntax.Regexp) (*scanner, error) {
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil, err
	}
	return &scanner{prog: prog}, nil
}

// thread is an instruction reached by a match that started at start.
type thread struct {
	pc    uint32
	start int
}

// scanState holds the buffers of one scanner run.
type scanState struct {
	seen     []uint32 // generation per instruction
	gen      uint32
	stack    []thread
	pending  []thread // threads waiting at a rune instruction
	next     []thread
	consumed []thread
}

// run marks in out (len hi-lo+1, index p-lo) the positions p of text[lo:hi]
// where a match of the scanner's pattern ends (forward) or starts
// (backward, for a reversed pattern) within MaxContext bytes.
func (sc *scanner) run(st *scanState, text string, lo, hi int, forward bool, out []bool) {
	n := len(sc.prog.Inst)
	if len(st.seen) < n {
		st.seen = make([]uint32, n)
		st.gen = 0
	}
	st.pending = st.pending[:0]
	p := lo
	if !forward {
		p = hi
	}
	prev := rune(-1) // the rune before p in scan order
	for {
		var cur rune = -1 // the rune after p in scan order
		size := 0
		if forward && p < hi {
			cur, size = utf8.DecodeRuneInString(text[p:hi])
		} else if !forward && p > lo {
			cur, size = utf8.DecodeLastRuneInString(text[lo:p])
		}
		// The threads at p: a new one starting here, then the older ones
		// (newest first, so the first thread to reach an instruction is
		// the one with the latest start).
		st.consumed = append(st.consumed[:0], thread{uint32(sc.prog.Start), p})
		st.consumed = append(st.consumed, st.pending...)
		// Does a match end at p? The text beyond p is not part of it.
		if sc.closure(st, st.consumed, syntax.EmptyOpContext(prev, -1), p, forward, false) {
			out[abs(p-lo)] = true
		}
		if size == 0 {
			return
		}
		// Step over the rune at p.
		sc.closure(st, st.consumed, syntax.EmptyOpContext(prev, cur), p, forward, true)
		st.pending, st.next = st.next, st.pending
		if forward {
			p += size
		} else {
			p -= size
		}
		// Keep the threads that consume cur and can still end within
		// MaxContext of where they started.
		k := 0
		for _, t := range st.pending {
			if in := &sc.prog.Inst[t.pc]; matchRune(in, cur) && abs(p-t.start) <= MaxContext {
				st.pending[k] = thread{in.Out, t.start}
				k++
			}
		}
		st.pending = st.pending[:k]
		prev = cur
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// closure follows the empty transitions of threads under the context
// flags ctx. It reports whether a thread reaches a match (within
// MaxContext of its start); when step is set it collects the threads at
// rune instructions in st.next instead.
func (sc *scanner) closure(st *scanState, threads []thread, ctx syntax.EmptyOp, p int, forward, step bool) bool {
	st.gen++
	if st.gen == 0 { // wrapped: clear
		clear(st.seen)
		st.gen = 1
	}
	st.next = st.next[:0]
	for _, t := range threads {
		st.stack = append(st.stack[:0], t)
		for len(st.stack) > 0 {
			t := st.stack[len(st.stack)-1]
			st.stack = st.stack[:len(st.stack)-1]
			if st.seen[t.pc] == st.gen {
				continue
			}
			st.seen[t.pc] = st.gen
			in := &sc.prog.Inst[t.pc]
			switch in.Op {
			case syntax.InstAlt, syntax.InstAltMatch:
				st.stack = append(st.stack, thread{in.Arg, t.start}, thread{in.Out, t.start})
			case syntax.InstNop, syntax.InstCapture:
				st.stack = append(st.stack, thread{in.Out, t.start})
			case syntax.InstEmptyWidth:
				if syntax.EmptyOp(in.Arg)&^ctx == 0 {
					st.stack = append(st.stack, thread{in.Out, t.start})
				}
			case syntax.InstMatch:
				if !step && abs(p-t.start) <= MaxContext {
					return true
				}
			case syntax.InstFail:
			default: // rune instructions
				if step {
					st.next = append(st.next, t)
				}
			}
		}
	}
	return false
}

// matchRune reports whether a rune instruction consumes r.
func matchRune(in *syntax.Inst, r rune) bool {
	switch in.Op {
	case syntax.InstRuneAny:
		return true
	case syntax.InstRuneAnyNotNL:
		return r != '\n'
	case syntax.InstRune1:
		return r == in.Rune[0]
	}
	return in.MatchRune(r)
}
