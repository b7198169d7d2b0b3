package align

import (
	"testing"

	"github.com/bitextlab/zhen/internal/apicheck"
)

// TestAPIDocs checks the package's public API by the project's rules: every
// exported struct field has a comment, every exported function an Example.
func TestAPIDocs(t *testing.T) {
	fields, err := apicheck.UndocumentedFields(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fields {
		t.Errorf("field %s has no doc comment", f)
	}
	funcs, err := apicheck.FuncsWithoutExample(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range funcs {
		t.Errorf("func %s has no Example%s", f, f)
	}
}
