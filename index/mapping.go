package index

import (
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/crosscheck/crosscheck/claims/names"
)

// The two document types, stored in fieldType.
const (
	typeClaim   = "claim"
	typeArticle = "article"
)

// Analyzers and the token filter this package registers with Bleve.
const (
	// analyzerFolded splits text into Unicode words, strips the English
	// possessive and folds each word with names.Fold (lower case, Latin
	// diacritics removed, Cyrillic transliterated). Folding happens on
	// tokens, after tokenising, so term offsets stay byte offsets into the
	// original text.
	analyzerFolded = "crosscheck_folded"
	// analyzerFoldedKeyword folds the whole value as one term.
	analyzerFoldedKeyword = "crosscheck_folded_keyword"
	tokenFilterFold       = "crosscheck_fold"
)

// Field names. Claim documents use fieldType through fieldLine; article
// documents use fieldType, fieldArticle, fieldOutlet, fieldPublishedAt and
// fieldPath through fieldBlob. Each field is indexed only as far as search
// reads it: the sentence is indexed once, folded (exact spellings rank first
// by how Search ranks names, not by a second field), without word positions
// (Search checks phrases in the sentences it finds), and the publication
// time is one sortable term and one date term rather than a datetime
// field's many prefix terms; together that indexes a claim in under half
// the time.
const (
	fieldType        = "type"
	fieldText        = "text"         // stored only: the sentence
	fieldFolded      = "folded"       // the sentence, folded analyser
	fieldKeys        = "keys"         // entity name keys and their parts, keyword
	fieldEntity      = "entity"       // entity surface forms, folded
	fieldEntities    = "ents"         // stored only: one "key\ttype\ttext" line per entity
	fieldEntityType  = "entity_type"  // keyword: person, place, org, other
	fieldNumber      = "number"       // numeric: quantity values and range ends
	fieldUnit        = "unit"         // keyword, folded
	fieldDate        = "date"         // keyword: TIMEX values and the days, months, years they lie in
	fieldArticle     = "article"      // keyword, stored
	fieldOutlet      = "outlet"       // folded keyword, stored
	fieldPublished   = "published"    // keyword with doc values: the publication time in UTC, to sort by
	fieldDay         = "day"          // keyword: the publication date where published, to filter by
	fieldPublishedAt = "published_at" // stored only: RFC 3339 with nanoseconds and offset
	fieldModality    = "modality"     // keyword
	fieldLine        = "line"         // stored only: the claim's line

	fieldPath   = "path"   // stored only
	fieldTitle  = "title"  // stored only
	fieldURL    = "url"    // stored only
	fieldHash   = "hash"   // keyword, stored
	fieldCount  = "claims" // stored only: number of claims
	fieldSchema = "schema" // stored only: fingerprint of the claim encoding
	fieldBlob   = "blob"   // stored only: the encoded claims
)

var registerOnce sync.Once

// register adds this package's token filter to Bleve's registry. Every
// constructor calls it before Bleve reads or builds a mapping.
func register() {
	registerOnce.Do(func() {
		err := registry.RegisterTokenFilter(tokenFilterFold,
			func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
				return foldFilter{}, nil
			})
		if err != nil {
			panic(fmt.Sprintf("index: register token filter: %v", err))
		}
		scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback] = onAsyncError
	})
}

// foldFilter folds each token with names.Fold, keeping its offsets.
type foldFilter struct{}

// Filter folds every token in place.
func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if !plainLower(t.Term) {
			t.Term = []byte(names.Fold(string(t.Term)))
		}
	}
	return in
}

// plainLower reports whether b is lower-case ASCII already.
func plainLower(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// newMapping returns the explicit mapping of a crosscheck index: no dynamic
// fields, no _all field, claim and article documents chosen by fieldType.
// No field keeps term vectors: Search checks phrases and finds what to
// highlight by analysing the sentences it returns again.
func newMapping() (*mapping.IndexMappingImpl, error) {
	register()
	im := bleve.NewIndexMapping()
	im.TypeField = fieldType
	im.DefaultType = "unknown"
	im.DefaultAnalyzer = standard.Name
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	im.DefaultMapping = bleve.NewDocumentDisabledMapping()

	err := im.AddCustomAnalyzer(analyzerFolded, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{en.PossessiveName, tokenFilterFold},
	})
	if err != nil {
		return nil, fmt.Errorf("folded analyser: %w", err)
	}
	err = im.AddCustomAnalyzer(analyzerFoldedKeyword, map[string]any{
		"type":          custom.Name,
		"tokenizer":     single.Name,
		"token_filters": []string{tokenFilterFold},
	})
	if err != nil {
		return nil, fmt.Errorf("folded keyword analyser: %w", err)
	}

	claim := bleve.NewDocumentStaticMapping()
	claim.AddFieldMappingsAt(fieldType, filterField(keywordField(false)))
	claim.AddFieldMappingsAt(fieldText, storedField())
	claim.AddFieldMappingsAt(fieldFolded, textField(analyzerFolded, false))
	claim.AddFieldMappingsAt(fieldKeys, keywordField(false))
	claim.AddFieldMappingsAt(fieldEntity, textField(analyzerFolded, false))
	claim.AddFieldMappingsAt(fieldEntities, storedField())
	claim.AddFieldMappingsAt(fieldEntityType, filterField(keywordField(false)))
	claim.AddFieldMappingsAt(fieldNumber, numericField(false))
	claim.AddFieldMappingsAt(fieldUnit, filterField(textField(analyzerFoldedKeyword, false)))
	claim.AddFieldMappingsAt(fieldDate, filterField(keywordField(false)))
	claim.AddFieldMappingsAt(fieldArticle, filterField(keywordField(true)))
	claim.AddFieldMappingsAt(fieldOutlet, filterField(textField(analyzerFoldedKeyword, true)))
	claim.AddFieldMappingsAt(fieldPublished, sortField())
	claim.AddFieldMappingsAt(fieldDay, filterField(keywordField(false)))
	claim.AddFieldMappingsAt(fieldPublishedAt, storedField())
	claim.AddFieldMappingsAt(fieldModality, filterField(keywordField(false)))
	claim.AddFieldMappingsAt(fieldLine, storedNumericField())
	claim.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	im.AddDocumentMapping(typeClaim, claim)

	article := bleve.NewDocumentStaticMapping()
	article.AddFieldMappingsAt(fieldType, filterField(keywordField(false)))
	article.AddFieldMappingsAt(fieldArticle, filterField(keywordField(true)))
	article.AddFieldMappingsAt(fieldOutlet, filterField(textField(analyzerFoldedKeyword, true)))
	article.AddFieldMappingsAt(fieldPublishedAt, storedField())
	article.AddFieldMappingsAt(fieldPath, storedField())
	article.AddFieldMappingsAt(fieldTitle, storedField())
	article.AddFieldMappingsAt(fieldURL, storedField())
	article.AddFieldMappingsAt(fieldHash, filterField(keywordField(true)))
	article.AddFieldMappingsAt(fieldCount, storedNumericField())
	article.AddFieldMappingsAt(fieldSchema, storedField())
	article.AddFieldMappingsAt(fieldBlob, storedField())
	article.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	im.AddDocumentMapping(typeArticle, article)

	if err := im.Validate(); err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	return im, nil
}

func keywordField(store bool) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = store
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = false
	return f
}

// filterField makes f a field that queries only filter on and never score
// by: it keeps no term frequencies or norms.
func filterField(f *mapping.FieldMapping) *mapping.FieldMapping {
	f.SkipFreqNorm = true
	return f
}

func textField(analyzer string, store bool) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzer
	f.Store = store
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = false
	return f
}

// storedField is kept with the document but not indexed or analysed.
func storedField() *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Index = false
	f.Store = true
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = false
	return f
}

func numericField(store bool) *mapping.FieldMapping {
	f := bleve.NewNumericFieldMapping()
	f.Store = store
	f.IncludeInAll = false
	f.DocValues = false
	return f
}

// storedNumericField is a number kept with the document but not indexed.
func storedNumericField() *mapping.FieldMapping {
	f := numericField(true)
	f.Index = false
	return f
}

// sortField is a keyword that results are sorted by: one term per
// document, kept in doc values.
func sortField() *mapping.FieldMapping {
	f := filterField(keywordField(false))
	f.DocValues = true
	return f
}
