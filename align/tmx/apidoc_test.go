package tmx

import (
	"testing"

	"github.com/bitextlab/zhen/internal/testenv"
)

// TestAPIDocs checks the package's public API by the project's rules: every
// exported struct field has a comment, every exported function an Example.
func TestAPIDocs(t *testing.T) { testenv.CheckAPI(t, ".") }
