package segment

// Layout names reported in Report.Layout for bilingual files.
const (
	LayoutBlocks      = "blocks"      // all of one language, then all of the other
	LayoutInterleaved = "interleaved" // paragraph and translation, alternating
)

// split is the assignment of a bilingual file's lines to the two documents.
type split struct {
	layout string
	owner  []Lang // per line index; line i has number i+1
}

// ownerOfLine returns the document that line number no (1-based) went to.
func (sp *split) ownerOfLine(no int) Lang {
	if no < 1 || no > len(sp.owner) {
		return Unknown
	}
	return sp.owner[no-1]
}

// linesOf returns the lines of one document, with a synthetic blank line
// (no == 0) wherever lines of the other document were cut out, so that
// paragraphs never join across them.
func (sp *split) linesOf(all []line, lang Lang) []line {
	var out []line
	last := -1
	for i := range all {
		if sp.owner[i] != lang {
			continue
		}
		if last >= 0 && last != i-1 {
			out = append(out, line{})
		}
		out = append(out, all[i])
		last = i
	}
	return out
}

// splitBilingual assigns each line to the Chinese or the English document.
// When the file holds only one language it returns a nil split and that
// language (Unknown when there are neither hanzi nor Latin letters).
func splitBilingual(lines []line) (*split, Lang) {
	type item struct {
		idx  int
		lang Lang
		vol  int // text volume: Latin letters, or three per hanzi
	}
	var seq []item
	var zhVol, enVol, zhN, enN int
	for i := range lines {
		l := &lines[i]
		if l.blank() || l.lang == Unknown {
			continue
		}
		c := countScripts(l.text)
		if l.lang == Chinese {
			zhN++
			zhVol += 3 * c.han
			seq = append(seq, item{i, Chinese, 3 * c.han})
		} else {
			enN++
			enVol += c.latin
			seq = append(seq, item{i, English, c.latin})
		}
	}
	// One language, or so little of the other that it is a stray paragraph
	// (an image description, a name list) rather than a translation.
	switch {
	case zhN == 0 && enN == 0:
		return nil, Unknown
	case zhN == 0 || 6*zhVol < enVol:
		return nil, English
	case enN == 0 || 6*enVol < zhVol:
		return nil, Chinese
	}
	// Blocks: the cut k that leaves the least text on the wrong side, with
	// either language first.
	n := len(seq)
	zhBefore := make([]int, n+1) // volume of Chinese lines before k
	enBefore := make([]int, n+1)
	for k, it := range seq {
		zhBefore[k+1], enBefore[k+1] = zhBefore[k], enBefore[k]
		if it.lang == Chinese {
			zhBefore[k+1] += it.vol
		} else {
			enBefore[k+1] += it.vol
		}
	}
	best, bestK, zhFirst := zhVol+enVol+1, 0, true
	for k := 0; k <= n; k++ {
		if c := enBefore[k] + zhVol - zhBefore[k]; c < best {
			best, bestK, zhFirst = c, k, true
		}
		if c := zhBefore[k] + enVol - enBefore[k]; c < best {
			best, bestK, zhFirst = c, k, false
		}
	}
	sp := &split{owner: make([]Lang, len(lines))}
	first, second := Chinese, English
	if !zhFirst {
		first, second = English, Chinese
	}
	// Blocks when at most a tenth of the text sits on the wrong side of the
	// cut: stray paragraphs (captions, notes), not an alternation.
	if best*10 <= zhVol+enVol && bestK > 0 && bestK < n {
		sp.layout = LayoutBlocks
		cut := seq[bestK].idx
		for i := range lines {
			if i < cut {
				sp.owner[i] = first
			} else {
				sp.owner[i] = second
			}
		}
	} else {
		sp.layout = LayoutInterleaved
		cur := seq[0].lang
		for i := range lines {
			l := &lines[i]
			if !l.blank() && l.lang != Unknown {
				cur = l.lang
			}
			sp.owner[i] = cur
		}
	}
	return sp, Unknown
}
