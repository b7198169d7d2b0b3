package tmx

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestFieldDocs checks that every exported field of every exported struct
// type in the package's source has a doc or line comment.
func TestFieldDocs(t *testing.T) {
	for _, missing := range undocumentedFields(t, ".") {
		t.Errorf("%s has no doc comment", missing)
	}
}

// undocumentedFields lists "Type.Field" for the exported fields of exported
// struct types in dir's non-test files that have neither a doc comment nor
// a line comment.
func undocumentedFields(t *testing.T, dir string) []string {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok || !ts.Name.IsExported() {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			for _, fl := range st.Fields.List {
				if fl.Doc != nil || fl.Comment != nil {
					continue
				}
				for _, name := range fl.Names {
					if name.IsExported() {
						missing = append(missing, ts.Name.Name+"."+name.Name)
					}
				}
			}
			return true
		})
	}
	return missing
}

// TestExamplesCoverFuncs checks that every exported function of the
// package has an Example function.
func TestExamplesCoverFuncs(t *testing.T) {
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	funcs := map[string]bool{}    // exported functions of the package
	examples := map[string]bool{} // names after "Example"
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil {
				continue
			}
			if strings.HasSuffix(name, "_test.go") {
				if rest, ok := strings.CutPrefix(fd.Name.Name, "Example"); ok {
					examples[rest] = true
				}
			} else if fd.Name.IsExported() {
				funcs[fd.Name.Name] = true
			}
		}
	}
	for fn := range funcs {
		if !examples[fn] {
			t.Errorf("%s has no Example%s", fn, fn)
		}
	}
}
