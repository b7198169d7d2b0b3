package review_test

import (
	"fmt"
	"strings"

	"github.com/bitextlab/zhen/align"
	"github.com/bitextlab/zhen/align/review"
)

func ExampleNewCSVWriter() {
	var out strings.Builder
	w := review.NewCSVWriter(&out)
	w.Write(align.Pair{ZH: "党的十八大以来，\n成就显著。", EN: `"Since 2012," he said.`, Type: "1-2", Confidence: 0.55, Paragraph: 4})
	w.Write(align.Pair{ZH: "=1+1", EN: "One plus one.", Type: "1-1", Confidence: 0.9, Paragraph: 5})
	if err := w.Flush(); err != nil {
		fmt.Println(err)
	}
	csv, bom := strings.CutPrefix(out.String(), "\ufeff")
	fmt.Println("byte order mark:", bom)
	fmt.Print(strings.ReplaceAll(csv, "\r\n", "⏎\n"))
	fmt.Println("guarded:", w.Guarded())
	// Output:
	// byte order mark: true
	// zh,en,confidence,bead,paragraph⏎
	// "党的十八大以来，
	// 成就显著。","""Since 2012,"" he said.",0.5500,"1-2",4⏎
	// "'=1+1","One plus one.",0.9000,"1-1",5⏎
	// guarded: 1
}
