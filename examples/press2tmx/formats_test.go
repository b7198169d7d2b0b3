package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWordAndWebPageGiveTheTextFilesPairs: the built-in press release as a
// Word file (headings styled as headings) and as a saved web page (with
// navigation, a script, a style and a footer around it) gives exactly the
// pairs of the text file, and the report lists what the web page lost.
func TestWordAndWebPageGiveTheTextFilesPairs(t *testing.T) {
	code, want, errs := runCmd(t, "", "-q", "-format", "tsv", seed001)
	if code != exitOK {
		t.Fatalf("text file: exit %d: %s", code, errs)
	}
	for _, tc := range []struct {
		file    string
		reports []string // what -report must mention
	}{
		{"../../testdata/formats/press001.docx", []string{"docx"}},
		{"../../testdata/formats/press001.html", []string{"html", "nav"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			code, got, errs := runCmd(t, "", "-q", "-format", "tsv", tc.file)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("pairs differ from the text file's (-text +%s):\n%s", tc.file, diff)
			}
			_, _, rep := runCmd(t, "", "-q", "-report", "-format", "tsv", tc.file)
			for _, w := range tc.reports {
				if !strings.Contains(rep, w) {
					t.Errorf("-report does not mention %q:\n%s", w, rep)
				}
			}
		})
	}
}
