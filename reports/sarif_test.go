package reports

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/crosscheck/crosscheck/compare"
)

// evalDir locates the shared evaluation data, or skips the test.
func evalDir(t *testing.T) string {
	t.Helper()
	candidates := []string{os.Getenv("CROSSCHECK_EVAL"), "../../shared/eval", "../../../shared/eval"}
	for _, dir := range candidates {
		if dir == "" {
			continue
		}
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	t.Skip("evaluation data not found: set CROSSCHECK_EVAL or clone shared/ beside the repository")
	return ""
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	schemaPath := filepath.Join(evalDir(t), "sarif-schema-2.1.0.json")
	f, err := os.Open(schemaPath)
	if os.IsNotExist(err) {
		t.Skipf("SARIF schema %s not found", schemaPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("read schema: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "file:///sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}

	// the schema must reject a broken log, or passing proves nothing
	broken := bytes.Replace(render(t, SARIF, sampleReport(), Options{}), []byte(`"level": "error"`), []byte(`"level": "fatal"`), 1)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(broken))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err == nil {
		t.Fatalf("schema accepts a result with level \"fatal\"")
	}

	reports := map[string]Report{
		"sample":               sampleReport(),
		"sample, fail on info": func() Report { r := sampleReport(); r.FailOn = compare.Info; return r }(),
		"empty":                {},
		"no line":              {Discrepancies: []compare.Discrepancy{{ID: "x", Evidence: []compare.Evidence{{Article: "a b/c.txt"}}}}},
	}
	for name, r := range reports {
		t.Run(name, func(t *testing.T) {
			out := render(t, SARIF, r, Options{})
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("output is not JSON: %v", err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("output does not validate against the SARIF 2.1.0 schema: %v", err)
			}
		})
	}
}

// sarifLog is the part of a SARIF log the tests read.
type sarifLog struct {
	Version string `json:"version"`
	Runs    []struct {
		ColumnKind string `json:"columnKind"`
		Tool       struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID               string `json:"id"`
					ShortDescription struct{ Text string }
					Help             struct{ Text string }
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []sarifResult `json:"results"`
	} `json:"runs"`
}

type sarifResult struct {
	RuleID              string `json:"ruleId"`
	RuleIndex           int    `json:"ruleIndex"`
	Level               string `json:"level"`
	Message             struct{ Text string }
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Locations           []sarifLocationJSON
	RelatedLocations    []sarifLocationJSON `json:"relatedLocations"`
	Suppressions        []struct {
		Kind          string `json:"kind"`
		Status        string `json:"status"`
		Justification string `json:"justification"`
	} `json:"suppressions"`
}

type sarifLocationJSON struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region *struct {
			StartLine   int `json:"startLine"`
			StartColumn int `json:"startColumn"`
			EndColumn   int `json:"endColumn"`
		} `json:"region"`
	} `json:"physicalLocation"`
}

func decodeSARIF(t *testing.T, out []byte) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q with %d runs, want 2.1.0 with one run", log.Version, len(log.Runs))
	}
	return log
}

func TestSARIFContent(t *testing.T) {
	r := sampleReport()
	r.FailOn = compare.Info
	log := decodeSARIF(t, render(t, SARIF, r, Options{}))
	run := log.Runs[0]
	if run.Tool.Driver.Name != "crosscheck" {
		t.Errorf("driver = %q, want crosscheck", run.Tool.Driver.Name)
	}
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q, want unicodeCodePoints", run.ColumnKind)
	}
	var ruleIDs []string
	for _, rule := range run.Tool.Driver.Rules {
		ruleIDs = append(ruleIDs, rule.ID)
		if rule.ShortDescription.Text == "" || rule.Help.Text == "" {
			t.Errorf("rule %s lacks a description or help", rule.ID)
		}
	}
	if d := cmp.Diff(ruleIDs, []string{"name-variant", "number", "date", "framing", "modality", "quote", "place"}); d != "" {
		t.Errorf("rules (-got +want):\n%s", d)
	}

	evidence := 0
	for _, d := range r.Discrepancies {
		evidence += len(d.Evidence)
	}
	if len(run.Results) != evidence {
		t.Fatalf("%d results, want one per evidence location: %d", len(run.Results), evidence)
	}
	i := 0
	for _, d := range r.Discrepancies {
		for j, e := range d.Evidence {
			res := run.Results[i]
			i++
			if res.RuleID != d.Kind.String() || run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
				t.Errorf("result for %s: rule %q at index %d, want %q", d.ID, res.RuleID, res.RuleIndex, d.Kind)
			}
			wantLevel := map[compare.Severity]string{compare.Error: "error", compare.Warning: "warning", compare.Info: "note"}[d.Severity]
			if res.Level != wantLevel {
				t.Errorf("result for %s: level %q, want %q", d.ID, res.Level, wantLevel)
			}
			if res.Message.Text != d.Summary {
				t.Errorf("result for %s: message %q, want the summary %q", d.ID, res.Message.Text, d.Summary)
			}
			if got := res.PartialFingerprints[FingerprintKey]; got != d.ID {
				t.Errorf("result for %s: fingerprint %q, want the id", d.ID, got)
			}
			if len(res.Locations) != 1 || res.Locations[0].PhysicalLocation.Region == nil {
				t.Fatalf("result for %s: locations %+v, want one with a region", d.ID, res.Locations)
			}
			loc := res.Locations[0].PhysicalLocation
			if loc.Region.StartLine != e.Line || loc.Region.StartColumn != e.Column || loc.Region.EndColumn != e.EndColumn {
				t.Errorf("result %d of %s: region %+v, want line %d columns %d..%d", j, d.ID, *loc.Region, e.Line, e.Column, e.EndColumn)
			}
			if len(res.RelatedLocations) != len(d.Evidence)-1 {
				t.Errorf("result for %s: %d related locations, want %d", d.ID, len(res.RelatedLocations), len(d.Evidence)-1)
			}
			suppressed := len(res.Suppressions) > 0
			if suppressed != (d.Status != compare.Unresolved) {
				t.Errorf("result for %s (%v): suppressed = %v", d.ID, d.Status, suppressed)
			}
			if suppressed && (res.Suppressions[0].Kind != "external" || res.Suppressions[0].Justification == "") {
				t.Errorf("result for %s: suppression %+v, want kind external with a justification", d.ID, res.Suppressions[0])
			}
		}
	}
	if got := run.Results[len(run.Results)-1].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "corpus/summit-times.txt" {
		t.Errorf("uri = %q, want the article's relative path", got)
	}
}

func TestSARIFFailOn(t *testing.T) {
	r := sampleReport()
	for _, tt := range []struct {
		failOn compare.Severity
		want   int
	}{
		{compare.Info, 15},
		{compare.Warning, 11},
		{compare.Error, 4},
	} {
		t.Run(tt.failOn.String(), func(t *testing.T) {
			r.FailOn = tt.failOn
			log := decodeSARIF(t, render(t, SARIF, r, Options{}))
			if got := len(log.Runs[0].Results); got != tt.want {
				t.Errorf("%d results at or above %v, want %d", got, tt.failOn, tt.want)
			}
		})
	}
}

func TestArtifactURI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"corpus/a.txt", "corpus/a.txt"},
		{"./corpus/a.txt", "corpus/a.txt"},
		{"a.txt", "a.txt"},
		{"seeds/a b.txt", "seeds/a%20b.txt"},
		{"news/Zürich.txt", "news/Z%C3%BCrich.txt"},
		{"50%.txt", "50%25.txt"},
		{"a:b.txt", "./a:b.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := artifactURI(tt.in); got != tt.want {
				t.Errorf("artifactURI(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
