package testenv

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestUndocumentedFields(t *testing.T) {
	got, err := UndocumentedFields("testdata/pkg")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Bare.C", "Bare.D"}, got); diff != "" {
		t.Errorf("UndocumentedFields() mismatch (-want +got):\n%s", diff)
	}
}

func TestFuncsWithoutExample(t *testing.T) {
	got, err := FuncsWithoutExample("testdata/pkg")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"WithoutExample"}, got); diff != "" {
		t.Errorf("FuncsWithoutExample() mismatch (-want +got):\n%s", diff)
	}
}

func TestFuncsWithoutExampleMissingDir(t *testing.T) {
	got, err := FuncsWithoutExample("testdata/none")
	if err != nil || len(got) != 0 {
		t.Errorf("FuncsWithoutExample(missing dir) = %v, %v; want nothing", got, err)
	}
}

// errorRecorder is a testing.TB that keeps the errors reported to it.
type errorRecorder struct {
	testing.TB
	errs []string
}

func (r *errorRecorder) Helper() {}
func (r *errorRecorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestCheckAPI(t *testing.T) {
	r := &errorRecorder{TB: t}
	CheckAPI(r, "testdata/pkg")
	want := []string{
		"field Bare.C has no doc comment",
		"field Bare.D has no doc comment",
		"func WithoutExample has no ExampleWithoutExample",
	}
	if diff := cmp.Diff(want, r.errs); diff != "" {
		t.Errorf("CheckAPI() mismatch (-want +got):\n%s", diff)
	}
}
