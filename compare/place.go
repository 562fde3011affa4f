package compare

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/claims/names"
)

// reBearing finds a place given by its direction from a landmark: "34 miles
// west of the town of Bireun", "55 kilometres south of Bireun".
var reBearing = gate(`\b(?:(\d[\d.,]*)\s*(?i:km|kilometres|kilometers|miles|mi)\s+)?((?i)north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+(?:the\s+)?(?:(?:town|city|village|capital|province|island|port)\s+of\s+)?(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?)`, false, "north", "south", "east", "west")

var compass = map[string]float64{
	"north": 0, "northeast": 45, "east": 90, "southeast": 135,
	"south": 180, "southwest": 225, "west": 270, "northwest": 315,
}

// bearing is one "direction of landmark" statement of a claim.
type bearing struct {
	claim      *claims.Claim
	start, end int
	landmark   string // name key
	dir        string
	angle      float64
}

func bearingsOf(cl *claims.Claim) []bearing {
	var out []bearing
	for _, m := range reBearing.FindAllStringSubmatchIndex(cl.Text, -1) {
		dir := strings.ToLower(strings.ReplaceAll(cl.Text[m[4]:m[5]], "-", ""))
		key := names.Key(cl.Text[m[6]:m[7]])
		if key == "" {
			continue
		}
		out = append(out, bearing{claim: cl, start: cl.Start + m[0], end: cl.Start + m[1], landmark: key, dir: dir, angle: compass[dir]})
	}
	return out
}

// places finds one place located in directions from the same landmark that
// cannot both be right: a quarter turn or more apart (west against south;
// south against south-east is only imprecise).
func (c *corpus) places(story string, articles []string) []Discrepancy {
	byLandmark := map[string][]bearing{}
	for _, a := range articles {
		for _, cl := range c.byArticle[a] {
			for _, b := range bearingsOf(cl) {
				byLandmark[b.landmark] = append(byLandmark[b.landmark], b)
			}
		}
	}
	var out []Discrepancy
	for _, k := range sortedKeys(byLandmark) {
		bs := byLandmark[k]
		sort.SliceStable(bs, func(i, j int) bool { return bs[i].claim.ID < bs[j].claim.ID })
		for i, x := range bs {
			for _, y := range bs[i+1:] {
				if x.claim.Article == y.claim.Article {
					continue
				}
				diff := math.Abs(x.angle - y.angle)
				if diff > 180 {
					diff = 360 - diff
				}
				if diff < 90 {
					continue
				}
				ex := c.evidence(x.claim, x.start, x.end, x.dir+" of "+k)
				ey := c.evidence(y.claim, y.start, y.end, y.dir+" of "+k)
				d := Discrepancy{
					Kind:       Place,
					Severity:   Error,
					Story:      story,
					Confidence: 0.8,
					Summary:    fmt.Sprintf("%s puts it %s, %s %s", x.claim.Article, ex.Text, y.claim.Article, ey.Text),
					Evidence:   []Evidence{ex, ey},
				}
				d.ID = fingerprint(Place, k, x.dir, y.dir, normText(x.claim.Text), normText(y.claim.Text))
				out = append(out, d)
			}
		}
	}
	return out
}
