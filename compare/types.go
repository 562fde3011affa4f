package compare

import (
	"fmt"
	"time"
)

// Kind is what sort of disagreement a discrepancy is.
type Kind int

// The discrepancy kinds.
const (
	NameVariant  Kind = iota // one entity spelled differently
	Number                   // one counted thing, values that do not overlap
	Date                     // one event, days that do not overlap
	Framing                  // one subject counted in one source, singular or superlative in another
	ModalityKind             // one claim asserted in one source, hedged in another
	QuoteKind                // one speaker's quote worded differently
	Place                    // one place located in different directions from a landmark
)

var kindNames = [...]string{
	NameVariant:  "name-variant",
	Number:       "number",
	Date:         "date",
	Framing:      "framing",
	ModalityKind: "modality",
	QuoteKind:    "quote",
	Place:        "place",
}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// MarshalText encodes the kind as its name ("name-variant", "number", ...).
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText decodes a kind name; an unknown name is an error.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// ParseKind returns the kind named s.
func ParseKind(s string) (Kind, error) {
	for i, n := range kindNames {
		if n == s {
			return Kind(i), nil
		}
	}
	return 0, fmt.Errorf("unknown kind %q", s)
}

// Kinds lists every kind in order.
func Kinds() []Kind {
	ks := make([]Kind, len(kindNames))
	for i := range ks {
		ks[i] = Kind(i)
	}
	return ks
}

// Severity is how much a discrepancy matters. Higher is worse.
type Severity int

// The severities, from least to most severe.
const (
	Info    Severity = iota // framing, modality, quote drift, updates
	Warning                 // a likely conflict, or a name spelled two ways
	Error                   // a hard conflict of facts
)

var severityNames = [...]string{Info: "info", Warning: "warning", Error: "error"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// MarshalText encodes the severity as its name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes a severity name; an unknown name is an error.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseSeverity returns the severity named s ("info", "warning", "error").
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if n == s {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Status is an editor's decision on a discrepancy.
type Status int

// The statuses. Unresolved is the zero value: nobody has decided yet.
const (
	Unresolved Status = iota
	Resolved          // the sources were corrected or the right value is known
	Accepted          // a known, tolerated difference, such as a transliteration
)

var statusNames = [...]string{Unresolved: "unresolved", Resolved: "resolved", Accepted: "accepted"}

func (s Status) String() string {
	if s < 0 || int(s) >= len(statusNames) {
		return fmt.Sprintf("Status(%d)", int(s))
	}
	return statusNames[s]
}

// MarshalText encodes the status as its name.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes a status name; an unknown name is an error.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseStatus returns the status named s ("unresolved", "resolved", "accepted").
func ParseStatus(s string) (Status, error) {
	for i, n := range statusNames {
		if n == s {
			return Status(i), nil
		}
	}
	return 0, fmt.Errorf("unknown status %q (want resolved or accepted)", s)
}

// Resolution is an editor's recorded decision on one discrepancy.
type Resolution struct {
	Status Status `json:"status" yaml:"status"`
	// Value is the right value, when the status is Resolved and it is known.
	Value string `json:"value,omitempty" yaml:"value,omitempty"`
	Note  string `json:"note,omitempty" yaml:"note,omitempty"`
	By    string `json:"by,omitempty" yaml:"by,omitempty"`
	Date  string `json:"date,omitempty" yaml:"date,omitempty"`
}

// Evidence is one source's side of a discrepancy: the claim's exact sentence
// and the span in it that differs.
type Evidence struct {
	Article string `json:"article"`
	// ClaimID is the claim the evidence comes from.
	ClaimID string `json:"claim"`
	Line    int    `json:"line"`
	// Column and EndColumn are the 1-based columns, in Unicode code points,
	// of Text on Line (EndColumn is the column just past it).
	Column    int `json:"column"`
	EndColumn int `json:"end_column"`
	// Start and End are byte offsets of Text in the article file.
	Start int `json:"start"`
	End   int `json:"end"`
	// Sentence is the claim's exact sentence.
	Sentence string `json:"sentence"`
	// Text is the differing span ("Schidko", "on Friday").
	Text string `json:"text"`
	// Value is the normalised value of Text ("2025-W41-5", "6500..7500 soldier").
	Value string `json:"value"`
}

// Spelling is one way a name is written, with how often each article writes it.
type Spelling struct {
	Text   string         `json:"text"`
	Counts map[string]int `json:"counts"`
	Total  int            `json:"total"`
}

// Discrepancy is one disagreement between sources, or within one source.
// Every output format renders this one value.
type Discrepancy struct {
	// ID is a fingerprint of the discrepancy's normalised content (kind, name
	// keys, differing values, normalised sentences); it does not change when
	// unrelated text of an article moves.
	ID       string   `json:"id"`
	Kind     Kind     `json:"kind"`
	Severity Severity `json:"severity"`
	// Status is Unresolved unless an editor's resolution applies.
	Status Status `json:"status"`
	// Resolution is the editor's decision, nil when there is none.
	Resolution *Resolution `json:"resolution,omitempty"`
	// Story is the id of the story whose articles disagree.
	Story string `json:"story"`
	// Summary says in words what differs.
	Summary string `json:"summary"`
	// Confidence in [0, 1] that this is a real disagreement.
	Confidence float64 `json:"confidence"`
	// Update is set when a later article revises an earlier figure: an
	// update, not a contradiction.
	Update bool `json:"update,omitempty"`
	// Canonical is the suggested spelling of a name-variant (the most common).
	Canonical string     `json:"canonical,omitempty"`
	Spellings []Spelling `json:"spellings,omitempty"`
	Evidence  []Evidence `json:"evidence"`
}

// Story is a group of articles about one event; claims are compared only
// within a story.
type Story struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Articles []string `json:"articles"`
}

// Result is what a comparison finds.
type Result struct {
	Stories       []Story
	Discrepancies []Discrepancy
	// Comparisons counts the claim pairs the detectors examined.
	Comparisons int
	// Claims counts the claims of each article.
	Claims map[string]int
	// Reused counts the stories whose findings came from Options.Cache.
	Reused int
	// Support tells, per claim id, which claims of other articles say the
	// same thing and which discrepancies dispute it. Claims with neither
	// are absent.
	Support map[string]Support
	// Phases is how long CompareFrom spent on each of its phases.
	Phases Phases
}

// Phases are the wall times of CompareFrom's phases.
type Phases struct {
	Scan    time.Duration // reading every article's claims once
	Group   time.Duration // grouping the articles into stories
	Stories time.Duration // comparing the stories (or reading their findings back)
	// Weighed is how many articles the grouping weighed and compared with
	// others: the new ones when it took up the state of the last run
	// (their corpus grown by later articles), else all.
	Weighed int
	// VariantGroups is how many groups of names may be one name written
	// more than one way, and VariantsBuilt how many of them were weighed
	// from their mentions: the others' findings came from the cache.
	VariantGroups, VariantsBuilt int
}

// Support is how the rest of a story bears on one claim.
type Support struct {
	// Corroborated lists the claims of other articles that say the same
	// thing without any discrepancy with it.
	Corroborated []string `json:"corroborated,omitempty"`
	// Contradicted lists the discrepancies whose evidence includes it.
	Contradicted []string `json:"contradicted,omitempty"`
}
