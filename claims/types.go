package claims

import (
	"fmt"
)

// EntityType is the kind of thing an entity names.
type EntityType int

// The entity types. Other is a proper name of unknown type.
const (
	Other EntityType = iota
	Person
	Place
	Org
)

var entityTypeNames = [...]string{Other: "other", Person: "person", Place: "place", Org: "org"}

func (t EntityType) String() string {
	if t < 0 || int(t) >= len(entityTypeNames) {
		return fmt.Sprintf("EntityType(%d)", int(t))
	}
	return entityTypeNames[t]
}

// MarshalText encodes the type as its name.
func (t EntityType) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText decodes a type name; an unknown name is an error.
func (t *EntityType) UnmarshalText(b []byte) error {
	v, err := ParseEntityType(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// ParseEntityType returns the type named s ("person", "place", "org", "other").
func ParseEntityType(s string) (EntityType, error) {
	for i, n := range entityTypeNames {
		if n == s {
			return EntityType(i), nil
		}
	}
	return Other, fmt.Errorf("unknown entity type %q (want person, place, org or other)", s)
}

// Modality says how firmly a claim is made.
type Modality int

// The modalities, from firm to not at all. Asserted is the zero value.
const (
	Asserted   Modality = iota // stated as fact by the article
	Attributed                 // stated as what someone says ("Moscow says", "according to")
	Hedged                     // uncertain ("reportedly", "could", "probably")
	Negated                    // denied ("did not", "no ... was")
)

var modalityNames = [...]string{Asserted: "asserted", Attributed: "attributed", Hedged: "hedged", Negated: "negated"}

func (m Modality) String() string {
	if m < 0 || int(m) >= len(modalityNames) {
		return fmt.Sprintf("Modality(%d)", int(m))
	}
	return modalityNames[m]
}

// MarshalText encodes the modality as its name.
func (m Modality) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText decodes a modality name; an unknown name is an error.
func (m *Modality) UnmarshalText(b []byte) error {
	v, err := ParseModality(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// ParseModality returns the modality named s.
func ParseModality(s string) (Modality, error) {
	for i, n := range modalityNames {
		if n == s {
			return Modality(i), nil
		}
	}
	return Asserted, fmt.Errorf("unknown modality %q (want asserted, attributed, hedged or negated)", s)
}
