package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// docMaker builds the Bleve document of a claim's or an article's values
// (claimDoc, articleDoc) field by field, as the index mapping maps them.
// Bleve's Batch.Index walks the same values by reflection, looking up the
// mapping of each field of each document: a sixth of the work of putting
// a claim, where this takes a map lookup per field.
type docMaker struct {
	types map[string]map[string]fieldSpec // document type -> field -> how it is indexed
}

// fieldSpec is how the mapping indexes the values of one field.
type fieldSpec struct {
	opts     bleveindex.FieldIndexingOptions
	analyzer analysis.Analyzer // of a text field
	number   bool
}

// newDocMaker reads the field mappings of the claim and article documents
// of im, which is newMapping's or one stored by it.
func newDocMaker(im *mapping.IndexMappingImpl) (*docMaker, error) {
	m := &docMaker{types: map[string]map[string]fieldSpec{}}
	for _, typ := range []string{typeClaim, typeArticle} {
		dm := im.TypeMapping[typ]
		if dm == nil {
			return nil, fmt.Errorf("mapping has no %q documents", typ)
		}
		fields := map[string]fieldSpec{}
		for name, sub := range dm.Properties {
			if !sub.Enabled || len(sub.Fields) == 0 {
				continue
			}
			if len(sub.Fields) != 1 || sub.Fields[0].Name != "" {
				return nil, fmt.Errorf("mapping of field %q of %q documents: want one unnamed field", name, typ)
			}
			fm := sub.Fields[0]
			spec := fieldSpec{opts: fm.Options()}
			switch fm.Type {
			case "text":
				// As the mapping chooses: the field's analyser, else the
				// index's default (no document mapping here sets one).
				an := fm.Analyzer
				if an == "" {
					an = im.DefaultAnalyzer
				}
				if spec.analyzer = im.AnalyzerNamed(an); spec.analyzer == nil {
					return nil, fmt.Errorf("mapping of field %q of %q documents: no analyser %q", name, typ, an)
				}
			case "number":
				spec.number = true
			default:
				return nil, fmt.Errorf("mapping of field %q of %q documents: type %q", name, typ, fm.Type)
			}
			fields[name] = spec
		}
		m.types[typ] = fields
	}
	return m, nil
}

// document is the document of id with the given values: strings and
// numbers, and slices of them, whose elements are indexed at their place
// in the slice. values[fieldType] names the document's type.
func (m *docMaker) document(id string, values map[string]any) (*document.Document, error) {
	typ, _ := values[fieldType].(string)
	fields := m.types[typ]
	if fields == nil {
		return nil, fmt.Errorf("document %q: unknown type %q", id, typ)
	}
	doc := document.NewDocument(id)
	for name, v := range values {
		spec, ok := fields[name]
		if !ok {
			return nil, fmt.Errorf("document %q: field %q is not in the mapping of %q documents", id, name, typ)
		}
		switch v := v.(type) {
		case string:
			if err := spec.addText(doc, name, nil, v); err != nil {
				return nil, err
			}
		case []string:
			for i, s := range v {
				if err := spec.addText(doc, name, []uint64{uint64(i)}, s); err != nil {
					return nil, err
				}
			}
		case float64:
			if err := spec.addNumber(doc, name, nil, v); err != nil {
				return nil, err
			}
		case []float64:
			for i, f := range v {
				if err := spec.addNumber(doc, name, []uint64{uint64(i)}, f); err != nil {
					return nil, err
				}
			}
		default:
			return nil, fmt.Errorf("document %q: field %q holds a %T", id, name, v)
		}
	}
	doc.SetIndexed()
	return doc, nil
}

func (s fieldSpec) addText(doc *document.Document, name string, at []uint64, v string) error {
	if s.number {
		return fmt.Errorf("document %q: numeric field %q holds text", doc.ID(), name)
	}
	doc.AddField(document.NewTextFieldCustom(name, at, []byte(v), s.opts, s.analyzer))
	return nil
}

func (s fieldSpec) addNumber(doc *document.Document, name string, at []uint64, v float64) error {
	if !s.number {
		return fmt.Errorf("document %q: text field %q holds a number", doc.ID(), name)
	}
	doc.AddField(document.NewNumericFieldWithIndexingOptions(name, at, v, s.opts))
	return nil
}
