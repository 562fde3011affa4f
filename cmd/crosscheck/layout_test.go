package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/crosscheck/crosscheck"

// TestOneWayFlow checks that data flows one way, articles → claims → index →
// compare → reports, with only cmd wiring them together, and that only the
// index imports Bleve. Test files count too.
func TestOneWayFlow(t *testing.T) {
	forbidden := map[string][]string{
		"claims":  {module + "/index", module + "/compare", module + "/reports", module + "/cmd", "github.com/blevesearch/"},
		"index":   {module + "/compare", module + "/reports", module + "/cmd"},
		"compare": {module + "/index", module + "/reports", module + "/cmd", "github.com/blevesearch/"},
		"reports": {module + "/index", module + "/cmd", "github.com/blevesearch/"},
	}
	root := filepath.Join("..", "..")
	checked := 0
	for top, bad := range forbidden {
		err := filepath.WalkDir(filepath.Join(root, top), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			checked++
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				for _, b := range bad {
					if strings.HasPrefix(p, b) {
						t.Errorf("%s imports %s: %s must not depend on it", path, p, top)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if checked == 0 {
		t.Fatal("no Go files checked")
	}
}
