package compare

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/names"
	"github.com/crosscheck/crosscheck/claims/quantity"
	"github.com/crosscheck/crosscheck/claims/timex"
)

// Thresholds of claim alignment (cosine of idf-weighted terms) above which
// two claims are taken to speak of the same thing, per detector.
const (
	alignDate     = 0.22
	alignNumber   = 0.25
	alignFraming  = 0.12
	alignModality = 0.30
	// A hedged proposition this like a clause of an insisting claim speaks
	// of the same thing.
	alignClause = 0.25
	// A disputed proposition this like a clause of a claim is that claim.
	alignDispute = 0.35
	// Claims this alike with no discrepancy between them say the same thing.
	alignSame = 0.5
	// Times of day on one named day need less else in common.
	alignClock = 0.12
	// Counts of what happened to people (killed, injured) are the event's
	// own figures: they are compared even when the sentences differ.
	alignCasualty = 0
	// Counts of one particular kind of thing in claims naming the same place
	// or person need a little more in common.
	alignThing = 0.1
)

// dates finds one event dated differently: two aligned claims whose times
// cannot be the same while none of their times agree.
func (c *corpus) dates(story string, x, y *claims.Claim, align float64, keys []string) []Discrepancy {
	if len(keys) == 0 {
		return nil
	}
	if d, ok := c.clocks(story, x, y, align, keys); ok {
		return []Discrepancy{d}
	}
	if len(x.Times) == 0 || len(y.Times) == 0 || align < alignDate {
		return nil
	}
	// Claims alike only in the names they share (the town of an
	// earthquake and of an envoy's visit) speak of different events.
	if !c.shareContent(x, y) {
		return nil
	}
	var conflict [2]int
	found := false
	for i, tx := range x.Times {
		for j, ty := range y.Times {
			if !sameGrain(tx, ty) {
				continue // a day and a year are seldom the same event's date
			}
			switch c.relate(x, y, tx, ty) {
			case timex.RelationOverlap:
				return nil // they can be speaking of the same time
			case timex.RelationDisjoint:
				if !found {
					conflict, found = [2]int{i, j}, true
				}
			}
		}
	}
	if !found {
		return nil
	}
	tx, ty := x.Times[conflict[0]], y.Times[conflict[1]]
	sev, conf := Error, 0.6+0.35*math.Min(1, align/0.5)
	switch {
	case tx.Rel != nil && !tx.Resolved() || ty.Rel != nil && !ty.Resolved():
		// Both relative to publication dates that are unknown: they differ
		// only if the articles were written at about the same time.
		sev, conf = Warning, conf*0.8
	case !tx.Resolved() || !ty.Resolved():
		conf *= 0.9
	}
	d := Discrepancy{
		Kind:       Date,
		Severity:   sev,
		Story:      story,
		Confidence: round2(conf),
		Summary:    fmt.Sprintf("%s says %q, %s says %q for the same event", x.Article, tx.Text, y.Article, ty.Text),
		Evidence: []Evidence{
			c.evidence(x, tx.Start, tx.End, tx.Value),
			c.evidence(y, ty.Start, ty.End, ty.Value),
		},
	}
	d.ID = fingerprint(Date, append(keys, tx.Value, ty.Value, normText(x.Text), normText(y.Text))...)
	return []Discrepancy{d}
}

// relate says whether two times of two claims can be the same time. Beyond
// timex's Relate, it reads two things as news writers mean them:
//
//   - Two "since" (or "before", "until") times state the start (or end) of
//     a state of affairs, so what must agree is their anchors: "since 1973"
//     and "since 1985" give different starts, although the spans they open
//     overlap; "since 1992" and "since the early 1990s" agree.
//   - The same relative expression ("two weeks ago", "last week") in articles
//     published less than one of its units apart means the same time, even
//     where the calendar unit it falls in changed between the publication
//     days: a week-old "two weeks ago" is approximate.
func (c *corpus) relate(x, y *claims.Claim, tx, ty claims.Time) timex.Relation {
	if tx.Resolved() && ty.Resolved() && tx.Mod == ty.Mod && openMod(tx.Mod) {
		if tx.Low.After(ty.High) || ty.Low.After(tx.High) {
			return timex.RelationDisjoint
		}
		return timex.RelationOverlap
	}
	if tx.Rel != nil && ty.Rel != nil && *tx.Rel == *ty.Rel && !tx.Rel.Anchored {
		ax, ay := c.arts[x.Article], c.arts[y.Article]
		if ax != nil && ay != nil && ax.HasDate() && ay.HasDate() && closerThan(ax.Published, ay.Published, tx.Rel.Unit) {
			return timex.RelationOverlap
		}
	}
	return tx.Relate(ty)
}

// openMod tells whether a modifier opens a time on one side: "since",
// "after", "before", "until".
func openMod(m timex.Mod) bool {
	switch m {
	case timex.ModBefore, timex.ModAfter, timex.ModOnOrAfter, timex.ModOnOrBefore:
		return true
	}
	return false
}

// closerThan tells whether two publication days lie less than one unit of
// time apart (units above a month count as a month).
func closerThan(a, b time.Time, u timex.Unit) bool {
	d := a.Sub(b)
	if d < 0 {
		d = -d
	}
	day := 24 * time.Hour
	switch u {
	case timex.Day:
		return d < day
	case timex.Week, timex.Weekend:
		return d < 7*day
	}
	return d < 28*day
}

// clocks finds one event at times of day that cannot be the same, on a day
// the two claims do not disagree about.
func (c *corpus) clocks(story string, x, y *claims.Claim, align float64, keys []string) (Discrepancy, bool) {
	a, b, ok := clockConflict(c.feat(x).clocks, c.feat(y).clocks)
	if !ok || align < alignClock {
		return Discrepancy{}, false
	}
	// The same day, named in both, ties the two times to one event.
	sameDay, otherDay := false, false
	for _, tx := range x.Times {
		for _, ty := range y.Times {
			otherDay = otherDay || tx.Disjoint(ty)
			sameDay = sameDay || tx.Unit == timex.Day && ty.Unit == timex.Day && tx.Overlaps(ty)
		}
	}
	if otherDay && !sameDay {
		return Discrepancy{}, false // another day: the date check speaks
	}
	if !sameDay && align < alignDate {
		return Discrepancy{}, false
	}
	d := Discrepancy{
		Kind:       Date,
		Severity:   Warning,
		Story:      story,
		Confidence: round2(0.5 + 0.3*math.Min(1, align/0.5)),
		Summary:    fmt.Sprintf("%s says %q, %s says %q for the same event", x.Article, a.text, y.Article, b.text),
		Evidence: []Evidence{
			c.evidence(x, a.start, a.end, fmt.Sprintf("T%02d:%02d", a.minutes/60, a.minutes%60)),
			c.evidence(y, b.start, b.end, fmt.Sprintf("T%02d:%02d", b.minutes/60, b.minutes%60)),
		},
	}
	d.ID = fingerprint(Date, append(keys, d.Evidence[0].Value, d.Evidence[1].Value, normText(x.Text), normText(y.Text))...)
	return d, true
}

// sameGrain tells whether two times are stated at a comparable granularity:
// days and weekdays with days, weeks with weeks, months with months, years
// with years.
func sameGrain(a, b claims.Time) bool {
	grain := func(t claims.Time) timex.Unit {
		if t.Unit == timex.Weekend {
			return timex.Day
		}
		return t.Unit
	}
	return grain(a) == grain(b)
}

// counted is a figure of a claim and what it counts.
type counted struct {
	q claims.Quantity
	m measure
}

// countsOf returns the figures of a claim that the number detector
// compares: not ordinals, nor spans of time but the length of a sentence,
// and only those whose measure is known.
func countsOf(cl *claims.Claim) []counted {
	var out []counted
	for _, q := range cl.Quantities {
		if q.Ordinal {
			continue
		}
		if isDuration(unitOf(q)) {
			// Spans of time are the date detector's, except the length
			// of a sentence: "a prison term of 12 years".
			if isTerm(cl, q) {
				out = append(out, counted{q, measure{what: "term:" + unitOf(q), scope: map[string]bool{}}})
			}
			continue
		}
		m := measureOf(cl, q)
		if m.what == "" {
			continue
		}
		out = append(out, counted{q, m})
	}
	return out
}

// numbers finds one counted thing with values that cannot both be right: the
// same measure (what is counted and what happened to it) in the same scope,
// in claims about the same event. A different figure in a later article that
// is higher is an update (a rising toll), not a contradiction; so are growing
// lower bounds ("more than 640", later "above 680").
func (c *corpus) numbers(story string, x, y *claims.Claim, align float64, keys []string) []Discrepancy {
	if len(x.Quantities) == 0 || len(y.Quantities) == 0 || c.differentEvents(x, y) {
		return nil
	}
	read := func(cl *claims.Claim) []counted {
		f := c.feat(cl)
		if !f.countOK {
			f.counted, f.countOK = countsOf(cl), true
		}
		return f.counted
	}
	cx, cy := read(x), read(y)
	related := func(a, b counted) bool {
		if !sameMeasure(a.m, b.m) || !sameScope(a.q.Noun, b.q.Noun) {
			return false
		}
		if a.m.casualty || a.m.specific {
			return align >= alignCasualty
		}
		if !genericUnit(a.m.what) && len(keys) > 0 {
			// A particular thing (shells, helicopters) counted in claims
			// that name the same place or person.
			return align >= alignThing
		}
		return align >= alignNumber && (len(keys) > 0 || align >= 2*alignNumber || !genericUnit(a.m.what))
	}
	// A measure on which some pair of figures agrees is not in conflict.
	agreed := map[string]bool{}
	for _, a := range cx {
		for _, b := range cy {
			if related(a, b) && overlaps(a.q, b.q) && a.q.Value == b.q.Value {
				agreed[a.m.what] = true
			}
		}
	}
	var out []Discrepancy
	for _, a := range cx {
		for _, b := range cy {
			if !related(a, b) || agreed[a.m.what] {
				continue
			}
			later, earlier, rising := c.revision(x, y, a.q.Value, b.q.Value)
			// Growing tolls, and other counts of what happened, are
			// updates even where their bounds overlap ("at least one",
			// later "24 dead"; "at least 51 protesters detained", later
			// "77") and rough figures that grow ("several dozen", later
			// "around 100"); a rough figure and an exact one it may be,
			// in either order ("38,120 evacuated" and "about 38,500"),
			// are one count.
			latest, first := b.q, a.q
			if later == x.Article {
				latest, first = a.q, b.q
			}
			rough := func(q claims.Quantity) bool { return q.Approx || q.Bound == quantity.Approx }
			revised := !(rough(first) != rough(latest) && (first.Bound == quantity.Exact || latest.Bound == quantity.Exact))
			if overlaps(a.q, b.q) && !(rising && a.m.happened && a.q.Value != b.q.Value && revised) {
				continue
			}
			d := Discrepancy{
				Kind:       Number,
				Severity:   Warning,
				Story:      story,
				Confidence: round2(0.5 + 0.4*math.Min(1, align/0.6)),
				Evidence: []Evidence{
					c.evidence(x, a.q.Start, a.q.End, quantityValue(a.q)),
					c.evidence(y, b.q.Start, b.q.End, quantityValue(b.q)),
				},
			}
			if a.q.Bound == b.q.Bound && !a.q.Approx && !b.q.Approx {
				d.Severity = Error
			}
			d.Summary = fmt.Sprintf("%s counts %q, %s counts %q", x.Article, a.q.Text, y.Article, b.q.Text)
			if rising {
				d.Update = true
				d.Severity = Info
				d.Summary = fmt.Sprintf("%s revises the figure of %s: %s (an update, not a contradiction)", later, earlier, d.Summary)
			}
			d.ID = fingerprint(Number, append(keys, a.m.what, quantityValue(a.q), quantityValue(b.q), normText(x.Text), normText(y.Text))...)
			out = append(out, d)
		}
	}
	return out
}

// overlaps tells whether two quantities can be the same figure. Figures
// converted from other units (six miles, 10 kilometres) were rounded when
// written, so they may differ by a tenth.
func overlaps(a, b claims.Quantity) bool {
	if a.Overlaps(b) {
		return true
	}
	if a.Unit == b.Unit {
		return false
	}
	ca, cb := a.Canon, b.Canon
	return ca.Low*0.9 <= cb.High && cb.Low*0.9 <= ca.High
}

// differentEvents tells whether two claims speak of events at different
// times: some of their (own or inherited) times lie more than a month apart.
// Closer times may be steps of one event ("since the conflict began on
// December 27").
func (c *corpus) differentEvents(x, y *claims.Claim) bool {
	const apart = 30 * 24 * time.Hour
	for _, tx := range c.eventTimes(x) {
		for _, ty := range c.eventTimes(y) {
			if !tx.Resolved() || !ty.Resolved() || !tx.Disjoint(ty) {
				continue
			}
			if tx.Low.Sub(ty.High) > apart || ty.Low.Sub(tx.High) > apart {
				return true
			}
		}
	}
	return false
}

// eventTimes returns a claim's times or, for a claim without any, the week
// before its article was published: the news is about now. A claim without
// times that follows a claim about the distant past ("In April last year a
// quake struck ... Five people died") takes that claim's times instead:
// background stays background. Nil when nothing is known.
func (c *corpus) eventTimes(cl *claims.Claim) []claims.Time {
	if len(cl.Times) > 0 {
		return cl.Times
	}
	a := c.arts[cl.Article]
	if a == nil || !a.HasDate() {
		return nil
	}
	if bg := c.background(cl, a); bg != nil {
		return bg
	}
	return []claims.Time{{Value: a.Published.Format(time.DateOnly), Low: a.Published.AddDate(0, 0, -7), High: a.Published, Kind: timex.KindDate, Unit: timex.Week}}
}

// background returns the times of the distant-past claim right before cl, if
// cl continues it.
func (c *corpus) background(cl *claims.Claim, a *claims.Article) []claims.Time {
	cs := c.byArticle[cl.Article]
	for i, o := range cs {
		if o.ID != cl.ID || i == 0 {
			continue
		}
		prev := cs[i-1]
		if prev.Line < cl.Line-1 {
			return nil
		}
		for _, t := range prev.Times {
			if t.Resolved() && a.Published.Sub(t.High) > 90*24*time.Hour {
				return prev.Times
			}
		}
		return nil
	}
	return nil
}

// revision tells whether the later of two dated articles gives the higher
// figure, as running tolls do.
func (c *corpus) revision(x, y *claims.Claim, vx, vy float64) (later, earlier string, ok bool) {
	ax, ay := c.arts[x.Article], c.arts[y.Article]
	if ax == nil || ay == nil || !ax.HasDate() || !ay.HasDate() || ax.Published.Equal(ay.Published) {
		return "", "", false
	}
	if ax.Published.After(ay.Published) {
		return x.Article, y.Article, vx > vy
	}
	return y.Article, x.Article, vy > vx
}

// quantityValue writes a quantity's canonical value or interval with its
// unit: "7000 soldier", "6500..7500 soldier", ">=200 injured".
func quantityValue(q claims.Quantity) string {
	m := q.Canon
	u := unitOf(q)
	switch {
	case m.Low == m.High:
		return fmt.Sprintf("%g %s", m.Value, u)
	case m.High >= quantity.Unbounded:
		return fmt.Sprintf(">=%g %s", m.Low, u)
	}
	return fmt.Sprintf("%g..%g %s", m.Low, m.High, u)
}

// unitOf is the unit a quantity is compared in.
func unitOf(q claims.Quantity) string {
	if q.Canon.Unit != "" {
		return canonicalUnit(q.Canon.Unit)
	}
	return canonicalUnit(q.Unit)
}

// canonicalUnit maps the nouns news uses for one count to one unit: the dead,
// deaths and fatalities are one count.
func canonicalUnit(u string) string {
	switch u {
	case "dead", "death", "fatality", "killed", "life", "body", "death toll", "toll", "victim":
		return "death"
	case "injured", "injury", "wounded", "hurt", "casualty":
		return "injured"
	case "troop", "soldier", "serviceman", "servicemen", "personnel":
		return "soldier"
	}
	return u
}

// sameScope tells whether two counted noun phrases can count the same
// thing: their proper modifiers ("Tajik migrant workers" against "Central
// Asian migrant workers") must not differ.
func sameScope(a, b string) bool {
	pa, pb := properWords(a), properWords(b)
	if len(pa) == 0 || len(pb) == 0 {
		return true
	}
	for w := range pa {
		if !pb[w] {
			return false
		}
	}
	return true
}

func properWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		if r := []rune(w); len(r) > 0 && r[0] >= 'A' && r[0] <= 'Z' {
			out[names.TokenKey(w)] = true
		}
	}
	return out
}

// superlatives mark a thing as one of a kind: "the largest", "the only".
var superlatives = map[string]bool{"only": true, "sole": true, "single": true, "main": true, "principal": true}

// framing finds one subject counted in one source and presented as a single,
// numbered or superlative thing in another: three bases against "the 201st
// base, the largest".
func (c *corpus) framing(story string, x, y *claims.Claim, align float64, keys []string) []Discrepancy {
	related := align >= alignFraming || len(keys) > 0
	if d, ok := c.characterised(story, x, y, keys); ok && related {
		return []Discrepancy{d}
	}
	for _, p := range [][2]*claims.Claim{{x, y}, {y, x}} {
		a, b := p[0], p[1]
		for _, qa := range a.Quantities {
			if qa.Ordinal || !countable(qa.Unit) || qa.Low < 2 || qa.Approx && qa.Bound != quantity.Exact {
				continue
			}
			for _, qb := range b.Quantities {
				if !qb.Ordinal || qb.Unit != qa.Unit {
					continue
				}
				// Claims that share no name and little else must at least
				// qualify the thing alike: "military bases", "military base".
				if shared, bare := sharesModifier(qa.Noun, qb.Noun); !shared || bare && !related {
					continue
				}
				if hasCount(b, qa.Unit) {
					continue
				}
				sup := superlativeIn(b.Text)
				d := Discrepancy{
					Kind:       Framing,
					Severity:   Info,
					Story:      story,
					Confidence: round2(0.45 + 0.3*math.Min(1, align/0.4)),
					Summary:    fmt.Sprintf("%s counts %q; %s presents one %q%s", a.Article, qa.Text, b.Article, qb.Text, sup),
					Evidence: []Evidence{
						c.evidence(a, qa.Start, qa.End, quantityValue(qa)),
						c.evidence(b, qb.Start, qb.End, "1 "+qb.Unit),
					},
				}
				d.ID = fingerprint(Framing, append(keys, qa.Unit, quantityValue(qa), normText(a.Text), normText(b.Text))...)
				return []Discrepancy{d}
			}
		}
	}
	return nil
}

// reCharacterise finds a source characterising something: "called it",
// "described the vote as", "framed it as". What it is called follows.
var reCharacterise = gate(`(?i)\b(?:called|calls|described|describes|framed|frames|termed|terms|branded|brands|labell?ed|labels|characteri[sz]ed|characteri[sz]es|portrayed|portrays|presented|presents|dismissed|dismisses|hailed|hails)\s+(it|this|that|them|the\s+[\p{L}-]+(?:\s+[^,;:.]{1,40}?\s+as\b)?)\s+(?:as\s+)?`, false, "call", "describe", "frame", "term", "brand", "label", "characteri", "portray", "present", "dismiss", "hail")

// reRoutine finds a characterisation that plays something down as routine:
// "a routine working visit", "a moderate tremor of the kind the town
// experiences every few years", "seasonal flooding".
var reRoutine = regexp.MustCompile(`(?i)\b(?:routine|ordinary|usual|regular|normal|typical|moderate|mild|minor|modest|small-scale|seasonal|ceremonial|symbolic|largely technical|local|isolated|limited|confined|of the kind|every (?:few|couple of|other) (?:days|weeks|months|years|springs|summers|autumns|winters)|most (?:years|springs|summers|autumns|winters))\b`)

// reCause finds a cause given for something: "caused by a landslide", "the
// result of years of neglect", "blamed on the contractor".
var reCause = regexp.MustCompile(`(?i)\b(?:caused by|the result of|a result of|the consequence of|due to|blamed on|because of|triggered by|brought on by|the work of)\b`)

// reNoFault finds a characterisation that blames nobody: an accident, a
// natural disaster, something nobody foresaw.
var reNoFault = regexp.MustCompile(`(?i)\b(?:accident|accidental|natural disaster|act of god|freak|unforeseeable|unforeseen|nobody (?:could have )?foreseen|nobody foresaw|no one (?:could have )?foreseen|no one foresaw)\b`)

// characterisation returns what a claim calls something ("the strongest
// earthquake to hit the town in decades"), where that starts in the claim's
// text, and what is so called: "it" for a pronoun, else the noun ("vote" of
// "described the vote in the town as"). Empty when the claim characterises
// nothing.
func characterisation(cl *claims.Claim) (text string, start int, object string) {
	m := reCharacterise.FindStringSubmatchIndex(cl.Text)
	if m == nil {
		return "", 0, ""
	}
	rest := cl.Text[m[1]:]
	if i := strings.IndexAny(rest, ";:()–—\"“”"); i >= 0 {
		rest = rest[:i]
	}
	object = "it"
	if obj := strings.Fields(strings.ToLower(cl.Text[m[2]:m[3]])); obj[0] == "the" {
		object = stem(obj[1])
	}
	return strings.TrimRight(rest, " .!?"), m[1], object
}

// placeWords say where, not what: they do not make two characterisations
// alike.
var placeWords = map[string]bool{"near": true, "across": true, "outside": true, "inside": true, "through": true, "around": true, "along": true, "within": true}

// characterised finds one thing characterised in two incompatible ways by two
// sources: played down as routine in one and not in the other ("the
// strongest earthquake in decades" against "a moderate tremor of the kind
// the town has every few years"), or put down to different causes ("an
// accident caused by a landslide" against "the result of years of
// neglect"; "a natural disaster nobody foresaw" against "the result of
// safety failures"). Both must characterise the same thing (a pronoun, or
// the same noun: "described the vote as") and share no content word but
// names and places; ones that share a word are told alike.
func (c *corpus) characterised(story string, x, y *claims.Claim, keys []string) (Discrepancy, bool) {
	chx, chy := c.feat(x).character, c.feat(y).character
	cx, ix, ox := chx.text, chx.start, chx.object
	cy, iy, oy := chy.text, chy.start, chy.object
	if cx == "" || cy == "" || ox != oy {
		return Discrepancy{}, false
	}
	wy := termSet(cy)
	for _, cl := range []*claims.Claim{x, y} {
		for _, e := range cl.Entities {
			for _, w := range words(e.Text) {
				delete(wy, w)
			}
		}
	}
	for _, w := range words(cx) {
		if wy[w] && !placeWords[w] {
			return Discrepancy{}, false
		}
	}
	var why string
	rx, ry := reRoutine.MatchString(cx), reRoutine.MatchString(cy)
	kx, ky := reCause.MatchString(cx), reCause.MatchString(cy)
	fx, fy := reNoFault.MatchString(cx), reNoFault.MatchString(cy)
	switch {
	case rx != ry:
		why = "one plays it down as routine"
	case kx && ky:
		why = "they give different causes"
	case fx && !fy && ky, fy && !fx && kx:
		why = "one calls it an accident, the other gives a cause"
	default:
		return Discrepancy{}, false
	}
	d := Discrepancy{
		Kind:       Framing,
		Severity:   Info,
		Story:      story,
		Confidence: 0.55,
		Summary:    fmt.Sprintf("%s calls it %q, %s %q: %s", x.Article, cx, y.Article, cy, why),
		Evidence: []Evidence{
			c.evidence(x, x.Start+ix, x.Start+ix+len(cx), normText(cx)),
			c.evidence(y, y.Start+iy, y.Start+iy+len(cy), normText(cy)),
		},
	}
	d.ID = fingerprint(Framing, append(keys, "characterised", normText(cx), normText(cy))...)
	return d, true
}

// sharesModifier tells whether two counted noun phrases name the same kind of
// thing: "three military bases" and "the 201st Russian military base" share
// "military". A bare noun ("bases") may be any kind: shared, but bare.
func sharesModifier(a, b string) (shared, bare bool) {
	ma, mb := modifiers(a), modifiers(b)
	if len(ma) == 0 || len(mb) == 0 {
		return true, true
	}
	for w := range ma {
		if mb[w] {
			return true, false
		}
	}
	return false, false
}

// modifiers returns the lower-case words of a noun phrase before its head.
func modifiers(np string) map[string]bool {
	fs := strings.Fields(strings.ToLower(np))
	out := map[string]bool{}
	for i := 0; i+1 < len(fs); i++ {
		out[strings.Trim(fs[i], ",.")] = true
	}
	return out
}

// reTermBefore and reTermAfter find the words that make a span of time the
// length of a sentence or a ban: "a prison term of 12 years", "sentenced to
// 12 years", "jailed for six months", "12 years in prison".
var (
	reTermBefore = regexp.MustCompile(`(?i)\b(?:term of|sentence of|sentenced to|jailed for|imprisoned for|in prison for|in jail for|banned for|ban of|detention of)\s+(?:up to\s+|at least\s+|more than\s+|another\s+)?$`)
	reTermAfter  = regexp.MustCompile(`(?i)^\s*(?:in prison|in jail|behind bars|of imprisonment|in a (?:penal colony|labour camp|labor camp))\b`)
)

// isTerm tells whether a span of time in a claim is the length of a
// sentence or a ban, a figure of its own rather than a date.
func isTerm(cl *claims.Claim, q claims.Quantity) bool {
	if q.Start < cl.Start || q.End > cl.End {
		return false
	}
	return reTermBefore.MatchString(cl.Text[:q.Start-cl.Start]) || reTermAfter.MatchString(cl.Text[q.End-cl.Start:])
}

// isDuration tells whether a unit measures time: spans of time ("two
// decades", "21 years in power") are told approximately and belong to the
// date detector, not to counts.
func isDuration(unit string) bool {
	switch unit {
	case "second", "minute", "hour", "day", "week", "month", "year", "decade", "century":
		return true
	}
	return false
}

// countable tells whether a unit counts things that can be framed as one of
// a kind: bases, schools, not times, years or percentages.
func countable(unit string) bool {
	switch unit {
	case "", "time", "percent", "fraction", "year", "month", "week", "day", "hour", "minute",
		"year-old", "km", "mile", "usd", "magnitude":
		return false
	}
	return true
}

func hasCount(cl *claims.Claim, unit string) bool {
	for _, q := range cl.Quantities {
		if !q.Ordinal && q.Unit == unit && q.Low >= 2 {
			return true
		}
	}
	return false
}

// superlativeIn names a superlative of the sentence, for the summary.
func superlativeIn(s string) string {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, ",.;:")
		if superlatives[w] || len(w) > 5 && strings.HasSuffix(w, "est") && !strings.HasSuffix(w, "interest") {
			return fmt.Sprintf(", %q", w)
		}
	}
	return ""
}

// modality finds one claim made firmly in one source and hedged in another.
func (c *corpus) modality(story string, x, y *claims.Claim, align float64, keys []string) []Discrepancy {
	if d, ok := c.disputed(story, x, y, keys); ok {
		return []Discrepancy{d}
	}
	loose := align < alignModality || len(keys) == 0
	hx, hy := x.Modality == claims.Hedged, y.Modality == claims.Hedged
	if hx == hy {
		return nil
	}
	if x.Modality == claims.Negated || y.Modality == claims.Negated {
		return nil
	}
	firm, hedged := x, y
	if hx {
		firm, hedged = y, x
	}
	if c.passiveBelief(firm) {
		return nil // "nine others were believed trapped" is hedged too
	}
	if !c.hedgeConcerns(hedged, firm) {
		return nil
	}
	// What the hedge bears on must be something the firm claim says, of
	// the same subject: "troops stationed there could have been placed on
	// alert" hedges nothing of "7,000 soldiers are stationed there", nor
	// "dock workers could have joined the walkout" of "workers joined the
	// strike".
	_, subject, scope := hedgeParts(hedged)
	if sharedWords(scope, firm.Text) == 0 || !covers(firm.Text, subject) {
		return nil
	}
	if loose {
		// Claims less alike, or naming no one in common, still differ in
		// modality when one insists on what the other hedges ("beyond any
		// doubt" against "99.9 per cent sure") about the same thing: the
		// hedged proposition must be like a clause of the insisting claim.
		if !c.feat(firm).booster || c.clauseAlign(hedgeScope(hedged), firm.Text) < alignClause {
			return nil
		}
	}
	how := "asserts"
	if firm.Modality == claims.Attributed {
		how = "attributes to " + orSomeone(firm.AttributedTo)
	}
	d := Discrepancy{
		Kind:       ModalityKind,
		Severity:   Info,
		Story:      story,
		Confidence: round2(0.4 + 0.5*math.Min(1, align/0.7)),
		Summary:    fmt.Sprintf("%s %s what %s hedges (%q)", firm.Article, how, hedged.Article, cueText(hedged)),
		Evidence: []Evidence{
			c.evidence(firm, firm.Cue.Start, firm.Cue.End, firm.Modality.String()),
			c.evidence(hedged, hedged.Cue.Start, hedged.Cue.End, hedged.Modality.String()),
		},
	}
	d.ID = fingerprint(ModalityKind, append(keys, firm.Modality.String(), hedged.Modality.String(), normText(firm.Text), normText(hedged.Text))...)
	return []Discrepancy{d}
}

// hedgeConcerns tells whether the hedge of one claim bears on what the other
// says: the clause around the hedge shares at least two content words with
// it. "Interlocutors could criticise" hedges nothing of "Putin travelled
// abroad", however alike the rest of the two sentences. The words of each
// claim are read once.
func (c *corpus) hedgeConcerns(hedged, firm *claims.Claim) bool {
	return sharedClauseWords(c.words(hedged), c.words(firm)) >= 2
}

// sharedClauseWords counts the words of the clause of the hedged claim h
// that the firm claim f has, but for the words of either's names (names say
// who; the shared words must say what).
func sharedClauseWords(h, f *claimWords) int {
	if !h.hedged {
		return 0
	}
	shared := 0
	for w := range common(h.clause, f.content) {
		if _, named := slices.BinarySearch(h.names, w); !named {
			shared++
		}
	}
	return shared
}

// wordsOf returns the words of a claim that hedgeConcerns reads.
func wordsOf(cl *claims.Claim) *claimWords {
	distinct := func(ws []string) []string {
		slices.Sort(ws)
		return slices.Compact(ws)
	}
	var names []string
	for _, e := range cl.Entities {
		names = append(names, words(e.Text)...)
	}
	cw := &claimWords{names: distinct(names)}
	for _, w := range words(cl.Text) {
		if _, named := slices.BinarySearch(cw.names, w); !named {
			cw.content = append(cw.content, w)
		}
	}
	cw.content = distinct(cw.content)
	if clause := hedgeClause(cl); clause != "" {
		cw.hedged, cw.clause = true, distinct(words(clause))
	}
	return cw
}

// words returns the words of a claim of the corpus that hedgeConcerns
// reads, computed once.
func (c *corpus) words(cl *claims.Claim) *claimWords {
	f := c.feat(cl)
	if f.what == nil {
		f.what = wordsOf(cl)
	}
	return f.what
}

// shareContent reports whether two claims of the corpus share a word that
// is not a word of a name of either: sharedWords(x.Text, y.Text, x, y) > 0
// on the words of each claim read once.
func (c *corpus) shareContent(x, y *claims.Claim) bool {
	for range common(c.words(x).content, c.words(y).content) {
		return true
	}
	return false
}

// quoteWords returns the words of each quotation of a claim of the corpus,
// read once.
func (c *corpus) quoteWords(cl *claims.Claim) [][]string {
	f := c.feat(cl)
	if f.quotes == nil {
		f.quotes = make([][]string, len(cl.Quotes))
		for i, q := range cl.Quotes {
			f.quotes[i] = words(q.Text)
		}
	}
	return f.quotes
}

// passiveBelief reports whether a claim of the corpus is worded as what is
// believed or feared (rePassiveBelief), matched once.
func (c *corpus) passiveBelief(cl *claims.Claim) bool {
	f := c.feat(cl)
	if f.passive == 0 {
		f.passive = 1
		if rePassiveBelief.MatchString(cl.Text) {
			f.passive = 2
		}
	}
	return f.passive == 2
}

// hedgeClause returns the clause of a hedged claim around its cue: from the
// punctuation before the cue to the punctuation after it. A cue in an
// opening frame ("According to unconfirmed reports, ...", "Reportedly,
// ...") bears on the clause after the frame, which is returned instead.
func hedgeClause(cl *claims.Claim) string {
	clause, _, _ := hedgeParts(cl)
	return clause
}

// hedgeParts returns the clause a hedge bears on (see hedgeClause), the
// words of the clause before the cue (its subject: "dock workers in the
// port" of "dock workers in the port could have joined") and its scope: the
// words after the cue. The subject is known only for a modal cue ("could",
// "reportedly"), not for a stance of the speaker ("99.9 per cent sure");
// after an opening frame the clause is split at its own modal, if any
// ("..., the driver may have been detained"), and without one the scope is
// the whole clause. All are empty when the claim has no cue.
func hedgeParts(cl *claims.Claim) (clause, subject, scope string) {
	if cl.Cue.End <= cl.Cue.Start || cl.Cue.Start < cl.Start || cl.Cue.End > cl.End {
		return "", "", ""
	}
	s := strings.ReplaceAll(cl.Text, " - ", " – ")
	a, b := cl.Cue.Start-cl.Start, cl.Cue.End-cl.Start
	cueEnd := b
	if i := strings.LastIndexAny(s[:a], ",;:()–—"); i >= 0 {
		a = i + 1
	} else {
		a = 0
	}
	if i := strings.IndexAny(s[b:], ",;:()–—"); i >= 0 {
		b += i
	} else {
		b = len(s)
	}
	if frame := strings.ToLower(strings.TrimSpace(s[a:b])); a == 0 && b < len(s) && s[b] == ',' &&
		(strings.HasPrefix(frame, "according to ") || frame == strings.ToLower(cueText(cl))) {
		rest := s[b+1:]
		if i := strings.IndexAny(rest, ",;:()–—"); i >= 0 {
			rest = rest[:i]
		}
		// A modal of the clause itself narrows the scope to what follows
		// it: "..., the driver may have been detained".
		scope = rest
		if loc := reModal.FindAllStringIndex(rest, -1); loc != nil {
			subject, scope = rest[:loc[0][0]], rest[loc[len(loc)-1][1]:]
		}
		return rest, subject, scope
	}
	scope = s[cueEnd:b]
	if i := strings.IndexAny(scope, "\"“”"); i >= 0 {
		scope = scope[:i]
	}
	if reModal.MatchString(cueText(cl)) {
		subject = s[a : cl.Cue.Start-cl.Start]
	}
	return s[a:b], subject, scope
}

// reDispute finds a claim disputed: "disputed Israel's claim that ...",
// "denied reports that ...". The proposition follows.
var reDispute = gate(`(?i)\b(?:denied|denies|deny|disputed|disputes|dispute|rejected|rejects|refuted|refutes|dismissed|dismisses|contested|contests)\b`, false, "deni", "deny", "dispute", "reject", "refute", "dismiss", "contest")

// disputed finds one claim put forward in one source ("the army maintained
// that mortars had been fired from the school") and disputed in another ("he
// disputed Israel's claim that mortars were fired from inside"): the
// proposition after the dispute must be like a clause of the other claim,
// which disputes nothing itself.
func (c *corpus) disputed(story string, x, y *claims.Claim, keys []string) (Discrepancy, bool) {
	for _, p := range [][2]*claims.Claim{{x, y}, {y, x}} {
		claim, dispute := p[0], p[1]
		loc := c.feat(dispute).dispute
		if loc == nil || c.feat(claim).dispute != nil || claim.Modality == claims.Negated || refused(dispute.Text[:loc[0]]) {
			continue
		}
		scope := dispute.Text[loc[1]:]
		if i := strings.IndexAny(scope, ";:()–—\"“”"); i >= 0 {
			scope = scope[:i]
		}
		// "Israel's claim that mortars were fired": the proposition is what
		// follows "that".
		if i := strings.Index(scope, " that "); i >= 0 && len(strings.Fields(scope[:i])) <= 5 {
			scope = scope[i+len(" that "):]
		}
		if sharedWords(scope, claim.Text, claim, dispute) < 2 || c.clauseAlign(scope, claim.Text) < alignDispute {
			continue
		}
		d := Discrepancy{
			Kind:       ModalityKind,
			Severity:   Warning,
			Story:      story,
			Confidence: 0.6,
			Summary:    fmt.Sprintf("%s puts forward what %s disputes (%q)", claim.Article, dispute.Article, dispute.Text[loc[0]:loc[1]]),
			Evidence: []Evidence{
				c.evidence(claim, claim.Start, claim.End, claim.Modality.String()),
				c.evidence(dispute, dispute.Start+loc[0], dispute.Start+loc[1], "disputed"),
			},
		}
		d.ID = fingerprint(ModalityKind, append(keys, "disputed", normText(claim.Text), normText(dispute.Text))...)
		return d, true
	}
	return Discrepancy{}, false
}

// covers tells whether a text holds every content word of a phrase.
func covers(text, phrase string) bool {
	tw := termSet(text)
	for _, w := range words(phrase) {
		if !tw[w] {
			return false
		}
	}
	return true
}

// refused tells whether a dispute verb is passive ("lawyers have been
// denied access", "the appeal was rejected"): something refused to
// someone, not a claim disputed. before is the text before the verb.
func refused(before string) bool {
	fs := strings.Fields(strings.ToLower(before))
	if len(fs) == 0 {
		return false
	}
	switch fs[len(fs)-1] {
	case "been", "was", "were", "is", "are", "be", "being":
		return true
	}
	return false
}

// sharedWords counts the distinct content words two texts share, leaving
// out the words of the names in the given claims: names say who, the shared
// words must say what.
func sharedWords(a, b string, named ...*claims.Claim) int {
	tb := termSet(b)
	for _, cl := range named {
		for _, e := range cl.Entities {
			for _, w := range words(e.Text) {
				delete(tb, w)
			}
		}
	}
	n := 0
	for w := range termSet(a) {
		if tb[w] {
			n++
		}
	}
	return n
}

// reModal finds the modal words that hedge a clause.
var reModal = gate(`(?i)\b(?:may|might|could|reportedly|allegedly|possibly|probably|apparently|likely)\b`, false, "may", "might", "could", "reportedly", "allegedly", "possibly", "probably", "apparently", "likely")

// rePassiveBelief finds a claim worded as what is believed or feared
// ("were believed trapped", "are feared dead"): hedged, even without "to".
var rePassiveBelief = regexp.MustCompile(`(?i)\b(?:is|are|was|were|been|being)\s+(?:widely\s+|still\s+)?(?:believed|feared|thought|presumed|suspected|rumou?red)\b`)

// reBooster finds words that insist on a claim's certainty.
var reBooster = gate(`(?i)\b(?:beyond (?:any|all|reasonable) doubt|without (?:any )?doubt|no doubt|established|definitely|certainly|undoubtedly|clearly|categorically|confirmed)\b`, false, "doubt", "established", "definitely", "certainly", "clearly", "categorically", "confirmed")

// hedgeScope returns what a hedge bears on: the words after the cue, to the
// end of its clause ("sure there were no militants at the school"), or the
// clause an opening frame with the cue introduces.
func hedgeScope(cl *claims.Claim) string {
	_, _, scope := hedgeParts(cl)
	return scope
}

// clauseAlign is the best likeness of a clause to the clauses of a sentence
// (cut at commas, semicolons, colons, dashes and quotation marks).
func (c *corpus) clauseAlign(clause, sentence string) float64 {
	ct := termSet(clause)
	best := 0.0
	for _, part := range strings.FieldsFunc(sentence, func(r rune) bool {
		return strings.ContainsRune(",;:–—\"“”", r)
	}) {
		if s := c.vocab.cosine(ct, termSet(part)); s > best {
			best = s
		}
	}
	return best
}

// termSet is the set of content words of a text.
func termSet(s string) map[string]bool {
	t := map[string]bool{}
	for _, w := range words(s) {
		t[w] = true
	}
	return t
}

func orSomeone(s string) string {
	if s == "" {
		return "a source"
	}
	return s
}

func cueText(cl *claims.Claim) string {
	if cl.Cue.End > cl.Cue.Start && cl.Cue.Start >= cl.Start && cl.Cue.End <= cl.End {
		return cl.Text[cl.Cue.Start-cl.Start : cl.Cue.End-cl.Start]
	}
	return cl.Modality.String()
}

// quotes finds one speaker's quotation worded differently in two sources. A
// quotation that is a part of the other is not a difference.
func (c *corpus) quotes(story string, x, y *claims.Claim, align float64, keys []string) []Discrepancy {
	var out []Discrepancy
	if len(x.Quotes) == 0 || len(y.Quotes) == 0 {
		return nil
	}
	qwx, qwy := c.quoteWords(x), c.quoteWords(y)
	for i, qx := range x.Quotes {
		wx := qwx[i]
		if len(wx) < 4 {
			continue
		}
		sx := speakerOf(x, qx)
		for j, qy := range y.Quotes {
			wy := qwy[j]
			sy := speakerOf(y, qy)
			if len(wy) < 4 || !sameSpeaker(sx, sy) {
				continue
			}
			jac := jaccard(wx, wy)
			if jac < 0.4 || isExcerpt(qx.Text, qy.Text) {
				continue // different words, or one quotes a part of the other
			}
			who := sx
			if who == "" {
				who = sy
			}
			d := Discrepancy{
				Kind:       QuoteKind,
				Severity:   Info,
				Story:      story,
				Confidence: round2(0.4 + 0.5*jac),
				Summary:    fmt.Sprintf("%s's quotation is worded differently in %s and %s", orSomeone(who), x.Article, y.Article),
				Evidence: []Evidence{
					c.evidence(x, qx.Start, qx.End, normText(qx.Text)),
					c.evidence(y, qy.Start, qy.End, normText(qy.Text)),
				},
			}
			d.ID = fingerprint(QuoteKind, names.Key(who), normText(qx.Text), normText(qy.Text))
			out = append(out, d)
		}
	}
	return out
}

// speakerOf names who speaks a quotation of a claim: its own speaker or,
// when the quotation names none, the person the claim attributes it to
// ("..., union leader Yelena Zhekhov said" attributes the sentence to
// Yelena Zhekhov). A source that is not a person named in the claim
// ("officials") speaks no quotation: empty.
func speakerOf(cl *claims.Claim, q claims.Quote) string {
	if q.Speaker != "" || cl.AttributedTo == "" {
		return q.Speaker
	}
	for _, e := range cl.Entities {
		if e.Type == claims.Person && strings.Contains(cl.AttributedTo, e.Text) {
			return e.Text
		}
	}
	return ""
}

// isExcerpt tells whether one quotation is a part of the other: their longest
// common run of words covers all of the shorter one, or all but its first or
// last word where the excerpt was cut from a quotation at least a fifth
// longer. Quotations that differ in one word inside ("Safety rules at the
// mine" against "Safety at the mine"), or in the first word of two alike
// long ones ("This case" against "This trial"), are not excerpts.
func isExcerpt(a, b string) bool {
	wa, wb := strings.Fields(normText(a)), strings.Fields(normText(b))
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 0 {
		return true
	}
	// Longest common substring of words, by dynamic programming.
	best := 0
	prev := make([]int, len(wb)+1)
	cur := make([]int, len(wb)+1)
	for i := 1; i <= len(wa); i++ {
		for j := 1; j <= len(wb); j++ {
			if wa[i-1] == wb[j-1] {
				cur[j] = prev[j-1] + 1
				best = max(best, cur[j])
			} else {
				cur[j] = 0
			}
		}
		prev, cur = cur, prev
	}
	// A cut excerpt may differ in one word at its edge ("We are trying to
	// build" of "... and are trying to build"), but then it is a clear part
	// of the other: a quotation one or two words shorter with one word
	// changed is the same quotation reworded.
	return best == len(wa) || best == len(wa)-1 && 5*len(wa) <= 4*len(wb)
}

// sameSpeaker compares speakers by the name key of their last name part.
// Two unnamed speakers are not known to be the same.
func sameSpeaker(a, b string) bool {
	ka, kb := surnameKey(names.Key(a)), surnameKey(names.Key(b))
	return ka != "" && ka == kb
}

// jaccard returns the Jaccard index of the sets of two word lists.
func jaccard(a, b []string) float64 {
	sa, sb := map[string]bool{}, map[string]bool{}
	for _, w := range a {
		sa[w] = true
	}
	for _, w := range b {
		sb[w] = true
	}
	inter := 0
	for w := range sa {
		if sb[w] {
			inter++
		}
	}
	union := len(sa) + len(sb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
