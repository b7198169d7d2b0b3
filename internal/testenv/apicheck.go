package testenv

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// UndocumentedFields lists "Type.Field" for the exported fields of exported
// struct types in dir's non-test files that have neither a doc comment nor a
// line comment, sorted.
func UndocumentedFields(dir string) ([]string, error) {
	files, err := parseGoFiles(dir, false)
	if err != nil {
		return nil, err
	}
	var missing []string
	for _, f := range files {
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
	sort.Strings(missing)
	return missing, nil
}

// FuncsWithoutExample lists the exported top-level functions of the package
// in dir that have no Example function of their name in its test files,
// sorted.
func FuncsWithoutExample(dir string) ([]string, error) {
	files, err := parseGoFiles(dir, true)
	if err != nil {
		return nil, err
	}
	funcs := map[string]bool{}    // exported functions of the package
	examples := map[string]bool{} // names after "Example"
	for name, f := range files {
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
	var missing []string
	for fn := range funcs {
		if !examples[fn] {
			missing = append(missing, fn)
		}
	}
	sort.Strings(missing)
	return missing, nil
}

// parseGoFiles reads the Go files of dir (test files too when tests is
// set), with their comments, keyed by file name.
func parseGoFiles(dir string, tests bool) (map[string]*ast.File, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	for _, name := range names {
		if !tests && strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		files[name] = f
	}
	return files, nil
}

// CheckAPI reports through tb every undocumented exported field and every
// exported function without an Example in the package in dir. Public
// packages call it from a one-line test.
func CheckAPI(tb testing.TB, dir string) {
	tb.Helper()
	fields, err := UndocumentedFields(dir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range fields {
		tb.Errorf("field %s has no doc comment", f)
	}
	funcs, err := FuncsWithoutExample(dir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range funcs {
		tb.Errorf("func %s has no Example%s", f, f)
	}
}
