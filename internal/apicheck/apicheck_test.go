package apicheck

import (
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

func TestMissingDir(t *testing.T) {
	got, err := FuncsWithoutExample("testdata/none")
	if err != nil || len(got) != 0 {
		t.Errorf("FuncsWithoutExample(missing dir) = %v, %v; want nothing", got, err)
	}
}
