package review

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/bitextlab/zhen/align"
	"github.com/google/go-cmp/cmp"
)

func TestCSV(t *testing.T) {
	const head = "\ufeffzh,en,confidence,bead,paragraph\r\n"
	tests := []struct {
		name    string
		pairs   []align.Pair
		want    string
		guarded int
	}{
		{"none", nil, head, 0},
		{"plain", []align.Pair{{ZH: "一。", EN: "One.", Type: "1-1", Confidence: 0.9, Paragraph: 2}},
			head + "\"一。\",\"One.\",0.9000,\"1-1\",2\r\n", 0},
		{"quoting", []align.Pair{{ZH: "甲，乙\n丙", EN: `"Quoted," he said.`, Type: "1-2", Confidence: 0.5}},
			head + "\"甲，乙\n丙\",\"\"\"Quoted,\"\" he said.\",0.5000,\"1-2\",0\r\n", 0},
		{"line breaks of every kind and edge space", []align.Pair{{ZH: "a\u2028b", EN: " lead\ttrail\t", Type: "1-1"}, {ZH: "c\rd", EN: "e\vf\u0085", Type: "1-1"}},
			head + "\"a\u2028b\",\" lead\ttrail\t\",0.0000,\"1-1\",0\r\n\"c\rd\",\"e\vf\u0085\",0.0000,\"1-1\",0\r\n", 0},
		{"formulas guarded", []align.Pair{{ZH: "=1+1", EN: "-5% rise", Type: "1-1"}, {ZH: "@SUM(A1)", EN: "+86 10", Type: "1-1"}},
			head + "\"'=1+1\",\"'-5% rise\",0.0000,\"1-1\",0\r\n\"'@SUM(A1)\",\"'+86 10\",0.0000,\"1-1\",0\r\n", 4},
		{"unpaired", []align.Pair{{ZH: "", EN: "Only English.", Type: "0-1"}},
			head + "\"\",\"Only English.\",0.0000,\"0-1\",0\r\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := NewCSVWriter(&buf)
			for _, p := range tt.pairs {
				if err := w.Write(p); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, buf.String()); diff != "" {
				t.Errorf("CSV mismatch (-want +got):\n%s", diff)
			}
			if w.Guarded() != tt.guarded {
				t.Errorf("Guarded() = %d, want %d", w.Guarded(), tt.guarded)
			}
		})
	}
}

func TestCSVStickyError(t *testing.T) {
	w := NewCSVWriter(failWriter{})
	long := align.Pair{ZH: strings.Repeat("长", 5000), EN: "x", Type: "1-1"}
	err1 := w.Write(long)
	err2 := w.Flush()
	if err2 == nil || !strings.HasPrefix(err2.Error(), "review: csv: ") {
		t.Fatalf("Write, Flush = %v, %v; want a review: csv: error", err1, err2)
	}
	if err3 := w.Write(long); err3 != err2 {
		t.Errorf("Write after the error = %v, want the sticky %v", err3, err2)
	}
	var zero CSVWriter
	if err := zero.Write(long); err != ErrNoDestination {
		t.Errorf("zero CSVWriter Write = %v", err)
	}
	if err := NewCSVWriter(nil).Flush(); err != ErrNoDestination {
		t.Errorf("nil destination Flush = %v", err)
	}
}

// readCSV reads what CSVWriter wrote with encoding/csv.
func readCSV(t testing.TB, data []byte) [][]string {
	t.Helper()
	body, ok := bytes.CutPrefix(data, []byte("\ufeff"))
	if !ok {
		t.Fatalf("no byte order mark")
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.FieldsPerRecord = 5
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv: %v\n%q", err, data)
	}
	return recs
}

// FuzzCSVRoundTrip: encoding/csv reads every record back to the pair's
// text (CR LF inside a field read as LF, formulas with their apostrophe).
func FuzzCSVRoundTrip(f *testing.F) {
	f.Add("甲，乙\n丙", `"a",b`)
	f.Add("=1", " x\r\n")
	f.Add("\r", "\u2028")
	f.Fuzz(func(t *testing.T, zh, en string) {
		var buf bytes.Buffer
		w := NewCSVWriter(&buf)
		w.Write(align.Pair{ZH: zh, EN: en, Type: "1-1", Paragraph: 7})
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		recs := readCSV(t, buf.Bytes())
		if len(recs) != 2 {
			t.Fatalf("%d records, want 2", len(recs))
		}
		want := func(s string) string {
			if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
				s = "'" + s
			}
			return strings.ReplaceAll(s, "\r\n", "\n")
		}
		got := recs[1]
		// encoding/csv trims nothing but reads a lone CR in a quoted
		// field as it is; CR LF becomes LF.
		if got[0] != want(zh) || got[1] != want(en) || got[4] != "7" {
			t.Fatalf("record %q, want %q %q", got, want(zh), want(en))
		}
	})
}

// TestCSVLibreOffice converts the CSV of the seed pairs (and of awkward
// text) to .xlsx with LibreOffice and checks that every cell reads back
// as written: every Chinese character, line breaks, quotes, and formulas
// kept as text. It skips when LibreOffice is not installed (also in CI:
// installing it costs CI more than a minute).
func TestCSVLibreOffice(t *testing.T) {
	lo, err := exec.LookPath("libreoffice")
	if err != nil {
		t.Skip("libreoffice not installed (apt-get install libreoffice-calc): skipping the spreadsheet check")
	}
	pairs := seedPairs()
	pairs = append(pairs,
		align.Pair{ZH: "甲，乙\n丙「丁」", EN: `"Quoted," he said; 2,000 people.`, Type: "1-1", Confidence: 0.5, Paragraph: 8},
		align.Pair{ZH: "=HYPERLINK(\"http://x\")", EN: "-5% rise", Type: "1-1", Confidence: 0.5, Paragraph: 9},
		align.Pair{ZH: "（2022年10月20日）𠀋", EN: "October 20, 2022", Type: "1-1", Confidence: 0.5, Paragraph: 9},
	)
	dir := t.TempDir()
	var buf bytes.Buffer
	w := NewCSVWriter(&buf)
	for _, p := range pairs {
		w.Write(p)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "pairs.csv")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// Quoted fields as text: every text cell exactly as written.
	rows := convertXLSX(t, lo, in, "CSV:44,34,76,1,,0,true")
	want := readCSV(t, buf.Bytes())
	if len(rows) != len(want) {
		t.Fatalf("%d rows in the spreadsheet, want %d", len(rows), len(want))
	}
	han := 0
	for i := range want {
		for _, j := range []int{0, 1, 3} {
			if rows[i][j] != want[i][j] {
				t.Errorf("row %d column %d: spreadsheet has %q, want %q", i+1, j+1, rows[i][j], want[i][j])
			}
			for _, r := range want[i][j] {
				if unicode.Is(unicode.Han, r) {
					han++
				}
			}
		}
		if i > 0 {
			c, err := strconv.ParseFloat(rows[i][2], 64)
			if err != nil || strconv.FormatFloat(c, 'f', 4, 64) != want[i][2] {
				t.Errorf("row %d: confidence %q, want %s", i+1, rows[i][2], want[i][2])
			}
		}
	}
	// LibreOffice's defaults otherwise (it may read "October 20, 2022" as
	// a date): the Chinese column exactly, and no formula anywhere.
	rows = convertXLSX(t, lo, in, "CSV:44,34,76,1")
	for i := range want {
		if rows[i][0] != want[i][0] {
			t.Errorf("default import, row %d: Chinese %q, want %q", i+1, rows[i][0], want[i][0])
		}
	}
	if han < 200 {
		t.Errorf("only %d Han characters checked", han)
	}
}

// convertXLSX converts the CSV file in to .xlsx with LibreOffice (lo)
// and the CSV filter options filter, and returns the cells.
func convertXLSX(t *testing.T, lo, in, filter string) [][]string {
	t.Helper()
	dir := filepath.Dir(in)
	out := filepath.Join(dir, "out")
	os.RemoveAll(out)
	cmd := exec.Command(lo, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--infilter="+filter, "--convert-to", "xlsx", "--outdir", out, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, b)
	}
	return readXLSX(t, filepath.Join(out, strings.TrimSuffix(filepath.Base(in), ".csv")+".xlsx"))
}

// readXLSX returns the cell values of the first sheet of an .xlsx file
// (shared strings, inline strings and numbers), row by row.
func readXLSX(t *testing.T, name string) [][]string {
	t.Helper()
	z, err := zip.OpenReader(name)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	read := func(part string) []byte {
		f, err := z.Open(part)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var sst struct {
		SI []struct {
			T string `xml:"t"`
			R []struct {
				T string `xml:"t"`
			} `xml:"r"`
		} `xml:"si"`
	}
	if err := xml.Unmarshal(read("xl/sharedStrings.xml"), &sst); err != nil {
		t.Fatal(err)
	}
	shared := make([]string, len(sst.SI))
	for i, si := range sst.SI {
		s := si.T
		for _, r := range si.R {
			s += r.T
		}
		shared[i] = s
	}
	var sheet struct {
		Rows []struct {
			Cells []struct {
				Ref    string `xml:"r,attr"`
				Type   string `xml:"t,attr"`
				V      string `xml:"v"`
				Inline string `xml:"is>t"`
				F      string `xml:"f"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := xml.Unmarshal(read("xl/worksheets/sheet1.xml"), &sheet); err != nil {
		t.Fatal(err)
	}
	col := regexp.MustCompile(`^[A-Z]+`)
	var rows [][]string
	for _, r := range sheet.Rows {
		row := make([]string, 5)
		for _, c := range r.Cells {
			k := int(col.FindString(c.Ref)[0] - 'A')
			if k >= len(row) {
				continue
			}
			if c.F != "" {
				t.Errorf("cell %s holds the formula %q", c.Ref, c.F)
			}
			switch c.Type {
			case "s":
				i, _ := strconv.Atoi(c.V)
				row[k] = shared[i]
			case "inlineStr":
				row[k] = c.Inline
			default:
				row[k] = c.V
			}
		}
		rows = append(rows, row)
	}
	return rows
}
