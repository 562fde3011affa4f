package compare

import (
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/claims"
)

// reClock finds times of day: "3.45pm", "07:37 a.m.", "about 3pm", "0737 GMT".
var reClock = gate(`(?i)\b(about |around |approximately |roughly |some )?(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)|\b(about |around )?([01]\d|2[0-3])([0-5]\d)\s*(?:GMT|UTC|hrs|hours)\b`, true, "am", "a.m", "pm", "p.m", "gmt", "utc", "hrs", "hours")

// clock is a time of day of a claim, in minutes after midnight, with its
// span and how loosely it was given.
type clock struct {
	minutes    int
	approx     bool
	start, end int
	text       string
}

// clocksOf returns the times of day a claim states.
func clocksOf(cl *claims.Claim) []clock {
	if !strings.ContainsAny(cl.Text, "0123456789") {
		return nil
	}
	var out []clock
	for _, m := range reClock.FindAllStringSubmatchIndex(cl.Text, -1) {
		sub := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return cl.Text[m[2*i]:m[2*i+1]]
		}
		var h, mins int
		approx := false
		if sub(2) != "" {
			h, _ = strconv.Atoi(sub(2))
			mins, _ = strconv.Atoi(sub(3))
			if h < 1 || h > 12 || mins > 59 {
				continue
			}
			pm := strings.HasPrefix(strings.ToLower(sub(4)), "p")
			h %= 12
			if pm {
				h += 12
			}
			approx = sub(1) != ""
		} else {
			h, _ = strconv.Atoi(sub(6))
			mins, _ = strconv.Atoi(sub(7))
			approx = sub(5) != ""
		}
		out = append(out, clock{minutes: h*60 + mins, approx: approx, start: cl.Start + m[0], end: cl.Start + m[1], text: cl.Text[m[0]:m[1]]})
	}
	return out
}

// agree tells whether two times of day can be the same moment: within a
// quarter of an hour, or half an hour when either is approximate.
func (a clock) agree(b clock) bool {
	d := a.minutes - b.minutes
	if d < 0 {
		d = -d
	}
	if d > 12*60 {
		d = 24*60 - d
	}
	tol := 15
	if a.approx || b.approx {
		tol = 30
	}
	return d <= tol
}

// clockConflict finds two times of day of aligned claims that cannot be the
// same moment, when none of their times agree (a sentence giving one time in
// two zones agrees with either).
func clockConflict(cx, cy []clock) (clock, clock, bool) {
	if len(cx) == 0 || len(cy) == 0 {
		return clock{}, clock{}, false
	}
	for _, a := range cx {
		for _, b := range cy {
			if a.agree(b) {
				return clock{}, clock{}, false
			}
		}
	}
	return cx[0], cy[0], true
}
