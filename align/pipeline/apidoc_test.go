package pipeline

import (
	"testing"

	"github.com/bitextlab/zhen/internal/apicheck"
)

// TestAPIDocs checks the package's public API by the project's rules: every
// exported struct field has a comment, every exported function an Example.
func TestAPIDocs(t *testing.T) { apicheck.Check(t, ".") }
