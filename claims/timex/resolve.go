package timex

import (
	"strconv"
	"time"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// Calendar spans of the value types.

func monthSpan(y, m int) (time.Time, time.Time) {
	return day(y, m, 1), day(y, m+1, 0)
}

func quarterSpan(y, q int) (time.Time, time.Time) {
	return day(y, 3*q-2, 1), day(y, 3*q+1, 0)
}

func halfSpan(y, h int) (time.Time, time.Time) {
	return day(y, 6*h-5, 1), day(y, 6*h+1, 0)
}

func yearSpan(y int) (time.Time, time.Time) { return day(y, 1, 1), day(y, 12, 31) }

// seasonSpan uses meteorological seasons; winter y runs from December of y
// into February of y+1.
func seasonSpan(y, s int) (time.Time, time.Time) {
	start := [...]int{0, 3, 6, 9, 12}[s]
	return day(y, start, 1), day(y, start+3, 0)
}

// isoWeekSpan returns Monday..Sunday of the ISO week holding t.
func isoWeekSpan(t time.Time) (time.Time, time.Time) {
	wd := (int(t.Weekday()) + 6) % 7 // Monday = 0
	mon := t.AddDate(0, 0, -wd)
	return mon, mon.AddDate(0, 0, 6)
}

// Value formatting.

func pad(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func dayValue(t time.Time) string {
	b := make([]byte, 0, 14)
	b = pad(b, t.Year(), 4)
	b = append(b, '-')
	b = pad(b, int(t.Month()), 2)
	b = append(b, '-')
	b = pad(b, t.Day(), 2)
	return string(b)
}

func weekValue(t time.Time) string {
	y, w := t.ISOWeek()
	b := make([]byte, 0, 11)
	b = pad(b, y, 4)
	b = append(b, '-', 'W')
	b = pad(b, w, 2)
	return string(b)
}

func monthValue(y, m int) string {
	b := make([]byte, 0, 7)
	b = pad(b, y, 4)
	b = append(b, '-')
	b = pad(b, m, 2)
	return string(b)
}

func yearValue(y int) string { return string(pad(nil, y, 4)) }

// isoWeekday numbers Monday 1 .. Sunday 7.
func isoWeekday(wd time.Weekday) int {
	if wd == time.Sunday {
		return 7
	}
	return int(wd)
}

// distance is the number of days from t to the interval [lo, hi].
func distance(t, lo, hi time.Time) time.Duration {
	switch {
	case t.Before(lo):
		return lo.Sub(t)
	case t.After(hi):
		return t.Sub(hi)
	}
	return 0
}

// pickYear chooses the year of a period written without one ("June 28",
// "April", "the third quarter"): the nearest to the publication date, where
// a period on the side the tense rules out (after it in the past, before it
// in the future) counts three times as far.
func pickYear(pub time.Time, tense Tense, span func(y int) (time.Time, time.Time)) int {
	y := pub.Year()
	best, bestD := y, time.Duration(-1)
	for _, c := range [...]int{y, y - 1, y + 1} {
		lo, hi := span(c)
		d := distance(pub, lo, hi)
		if tense == Past && lo.After(pub) || tense == Future && hi.Before(pub) {
			d *= 3
		}
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// matchWeekday returns the year, of those around the publication date, in
// which month/d falls on weekday wd ("Monday, Oct. 26"), the nearest to the
// publication date; y when there is none.
func matchWeekday(pub time.Time, y, m, d int, wd time.Weekday) int {
	if validDate(y, m, d) && day(y, m, d).Weekday() == wd {
		return y
	}
	best, bestD := y, time.Duration(-1)
	for c := pub.Year() - 1; c <= pub.Year()+1; c++ {
		if !validDate(c, m, d) || day(c, m, d).Weekday() != wd {
			continue
		}
		t := day(c, m, d)
		if dd := distance(pub, t, t); bestD < 0 || dd < bestD {
			best, bestD = c, dd
		}
	}
	return best
}

// pickPeriodYear is pickYear for reporting periods (quarters, halves),
// which a past-tense sentence never places after the publication date.
func pickPeriodYear(pub time.Time, tense Tense, span func(y int) (time.Time, time.Time)) int {
	if tense == Past {
		y := pub.Year()
		for _, c := range [...]int{y, y - 1} {
			if lo, _ := span(c); !lo.After(pub) {
				return c
			}
		}
	}
	return pickYear(pub, tense, span)
}

// placeWeekday finds the day with weekday wd: dir -1 strictly before pub,
// +1 strictly after, otherwise on or before (past) or on or after (future).
func placeWeekday(pub time.Time, wd time.Weekday, dir int, tense Tense) time.Time {
	back := (int(pub.Weekday()) - int(wd) + 7) % 7
	fwd := (int(wd) - int(pub.Weekday()) + 7) % 7
	switch {
	case dir < 0:
		if back == 0 {
			back = 7
		}
		return pub.AddDate(0, 0, -back)
	case dir > 0:
		if fwd == 0 {
			fwd = 7
		}
		return pub.AddDate(0, 0, fwd)
	case tense == Future:
		return pub.AddDate(0, 0, fwd)
	}
	return pub.AddDate(0, 0, -back)
}

// narrow applies a START/MID/END modifier to a multi-day interval: its
// first, middle or last third.
func narrow(lo, hi time.Time, mod Mod) (time.Time, time.Time) {
	n := int(hi.Sub(lo).Hours()/24) + 1
	if n < 3 {
		return lo, hi
	}
	third := n / 3
	switch mod {
	case ModStart:
		return lo, lo.AddDate(0, 0, third-1)
	case ModMid:
		return lo.AddDate(0, 0, third), hi.AddDate(0, 0, -third)
	case ModEnd:
		return hi.AddDate(0, 0, -third+1), hi
	}
	return lo, hi
}

// unresolvedValue is the value of a relative expression of unit u when the
// publication date is unknown.
func unresolvedValue(u Unit) string {
	switch u {
	case Day:
		return "XXXX-XX-XX"
	case Week:
		return "XXXX-WXX"
	case Weekend:
		return "XXXX-WXX-WE"
	case Month:
		return "XXXX-XX"
	case Season:
		return "XXXX-XX"
	case Quarter:
		return "XXXX-QX"
	case Half:
		return "XXXX-HX"
	case Year:
		return "XXXX"
	case Decade:
		return "XXXX"
	case Century:
		return "XXXX"
	}
	return "XXXX"
}

// setPeriod fills Value, Low and High for the period of unit u that holds
// base (a Season needs its number s).
func (t *Time) setPeriod(u Unit, base time.Time, s int) {
	y, m := base.Year(), int(base.Month())
	t.Unit = u
	switch u {
	case Day:
		t.Value, t.Low, t.High = dayValue(base), base, base
	case Week:
		t.Value = weekValue(base)
		t.Low, t.High = isoWeekSpan(base)
	case Weekend:
		lo, _ := isoWeekSpan(base)
		t.Value = weekValue(base) + "-WE"
		t.Low, t.High = lo.AddDate(0, 0, 5), lo.AddDate(0, 0, 6)
	case Month:
		t.Value = monthValue(y, m)
		t.Low, t.High = monthSpan(y, m)
	case Season:
		t.Value = yearValue(y) + "-" + seasonCodes[s]
		t.Low, t.High = seasonSpan(y, s)
	case Quarter:
		q := (m-1)/3 + 1
		t.Value = yearValue(y) + "-Q" + strconv.Itoa(q)
		t.Low, t.High = quarterSpan(y, q)
	case Half:
		h := (m-1)/6 + 1
		t.Value = yearValue(y) + "-H" + strconv.Itoa(h)
		t.Low, t.High = halfSpan(y, h)
	case Year:
		t.Value = yearValue(y)
		t.Low, t.High = yearSpan(y)
	case Decade:
		d := floorDiv(y, 10)
		t.Value = strconv.Itoa(d) + "X"
		t.Low, t.High = day(d*10, 1, 1), day(d*10+9, 12, 31)
	case Century:
		c := floorDiv(y, 100)
		t.Value = strconv.Itoa(c) + "XX"
		t.Low, t.High = day(c*100, 1, 1), day(c*100+99, 12, 31)
	}
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// offset moves base by n units.
func offset(base time.Time, u Unit, n int) time.Time {
	switch u {
	case Day:
		return base.AddDate(0, 0, n)
	case Week, Weekend:
		return base.AddDate(0, 0, 7*n)
	case Month:
		return day(base.Year(), int(base.Month())+n, 1)
	case Quarter:
		return day(base.Year(), int(base.Month())+3*n, 1)
	case Half:
		return day(base.Year(), int(base.Month())+6*n, 1)
	case Season:
		return day(base.Year()+n, int(base.Month()), 1)
	case Year:
		return day(base.Year()+n, int(base.Month()), min(base.Day(), 28))
	case Decade:
		return day(base.Year()+10*n, 1, 1)
	case Century:
		return day(base.Year()+100*n, 1, 1)
	}
	return base
}

// seasonOf returns the season number of a season value ("1998-SU").
func seasonOf(v string) int {
	if len(v) >= 7 {
		for i, c := range seasonCodes {
			if i > 0 && v[5:7] == c {
				return i
			}
		}
	}
	return 0
}

// resolve places a recognised expression on the calendar.
func resolve(sp spec, pub time.Time, tense Tense, anchor *Time) Time {
	t := Time{Kind: sp.kind, Unit: sp.unit, Mod: sp.mod}
	if sp.hasWD {
		wd := sp.wd
		t.Weekday = &wd
	}
	if sp.hasRel {
		r := sp.rel
		t.Rel = &r
	}
	known := !pub.IsZero()
	if anchor != nil && (!anchor.Resolved() || anchor.Kind == KindRef) {
		anchor = nil
	}
	switch sp.kind {
	case KindRef:
		t.Value = sp.ref
		return t
	case KindDate:
		y := sp.year
		switch {
		case y > 0:
		case sp.hasYearOff && known:
			y = pub.Year() + sp.yearOff
		case known:
			y = pickYear(pub, tense, func(y int) (time.Time, time.Time) {
				d := day(y, sp.month, min(sp.day, daysIn(y, sp.month)))
				return d, d
			})
			if sp.hasWD {
				y = matchWeekday(pub, y, sp.month, sp.day, sp.wd)
			}
		default:
			t.Value = "XXXX-" + string(pad(nil, sp.month, 2)) + "-" + string(pad(nil, sp.day, 2))
			return t
		}
		if !validDate(y, sp.month, sp.day) {
			t.Value = yearValue(y) + "-" + string(pad(nil, sp.month, 2)) + "-" + string(pad(nil, sp.day, 2))
			return t
		}
		t.setPeriod(Day, day(y, sp.month, sp.day), 0)
	case KindWeekday:
		if !known {
			t.Value = "XXXX-WXX-" + strconv.Itoa(isoWeekday(sp.wd))
			return t
		}
		tn := tense
		if sp.this && tn != Past {
			tn = Future
		}
		t.setPeriod(Day, placeWeekday(pub, sp.wd, sp.dir, tn), 0)
	case KindMonth:
		y := sp.year
		switch {
		case y > 0:
		case sp.hasYearOff && known:
			y = pub.Year() + sp.yearOff
		case !known:
			t.Value = "XXXX-" + string(pad(nil, sp.month, 2))
			return t
		case sp.this:
			y = pub.Year()
		case sp.dir < 0:
			// "last June": the latest June before the publication month,
			// skipping the month just gone, which would be "last month"
			y = pub.Year()
			if sp.month >= int(pub.Month())-1 {
				y--
			}
		case sp.dir > 0:
			y = pub.Year()
			if sp.month <= int(pub.Month()) {
				y++
			}
		default:
			y = pickYear(pub, tense, func(y int) (time.Time, time.Time) { return monthSpan(y, sp.month) })
		}
		t.setPeriod(Month, day(y, sp.month, 1), 0)
	case KindSeason:
		s := sp.num
		y := sp.year
		span := func(y int) (time.Time, time.Time) { return seasonSpan(y, s) }
		switch {
		case y > 0:
		case !known:
			t.Value = "XXXX-" + seasonCodes[s]
			return t
		case sp.this:
			y = pub.Year()
			if s == seasonWinter && pub.Month() <= 2 {
				y--
			}
		case sp.dir < 0:
			y = pub.Year() + 1
			for {
				if _, hi := span(y); hi.Before(pub) {
					break
				}
				y--
			}
		case sp.dir > 0:
			y = pub.Year() - 1
			for {
				if lo, _ := span(y); lo.After(pub) {
					break
				}
				y++
			}
		default:
			y = pickYear(pub, tense, span)
		}
		t.setPeriod(Season, day(y, [...]int{0, 3, 6, 9, 12}[s], 1), s)
	case KindQuarter, KindHalf:
		u, n, letter := Quarter, 3, "-Q"
		span := func(y int) (time.Time, time.Time) { return quarterSpan(y, sp.num) }
		if sp.kind == KindHalf {
			u, n, letter = Half, 6, "-H"
			span = func(y int) (time.Time, time.Time) { return halfSpan(y, sp.num) }
		}
		num, y := sp.num, sp.year
		if sp.month > 0 && num == 0 {
			// "the quarter ended July 31": the calendar quarter of the
			// middle of the three months ending then
			ey := y
			if ey == 0 && known {
				ey = pickYear(pub, Past, func(y int) (time.Time, time.Time) {
					d := day(y, sp.month, min(sp.day, daysIn(y, sp.month)))
					return d, d
				})
			}
			if ey != 0 {
				mid := day(ey, sp.month, min(sp.day, daysIn(ey, sp.month))).AddDate(0, 0, -45)
				y, num = mid.Year(), (int(mid.Month())-1)/n+1
			} else {
				mid := day(2001, sp.month, min(sp.day, daysIn(2001, sp.month))).AddDate(0, 0, -45)
				num = (int(mid.Month())-1)/n + 1
			}
		}
		if num == 0 {
			// the quarter under discussion, else the last one completed
			switch {
			case anchor != nil && anchor.Unit == u:
				num = (int(anchor.Low.Month())-1)/n + 1
				if y == 0 {
					y = anchor.Low.Year()
				}
			case known:
				last := offset(day(pub.Year(), int(pub.Month()), 1), u, -1)
				num = (int(last.Month())-1)/n + 1
				if y == 0 {
					y = last.Year()
				}
			default:
				t.Value = yearValueOrX(y) + letter + "X"
				return t
			}
		}
		if y == 0 {
			switch {
			case sp.hasYearOff && known:
				y = pub.Year() + sp.yearOff
			case known:
				sp.num = num
				y = pickPeriodYear(pub, tense, span)
			default:
				t.Value = "XXXX" + letter + strconv.Itoa(num)
				return t
			}
		}
		t.setPeriod(u, day(y, (num-1)*n+1, 1), 0)
	case KindYear:
		t.setPeriod(Year, day(sp.year, 1, 1), 0)
	case KindDecade:
		t.setPeriod(Decade, day(sp.decade*10, 1, 1), 0)
	case KindCentury:
		t.setPeriod(Century, day(sp.cent*100, 1, 1), 0)
	case KindRelative:
		if !resolveRelative(&t, sp, pub, tense, anchor) {
			if sp.shift || sp.rel.Anchored {
				t.Value = unresolvedValue(sp.unit)
			} else {
				t.Value = unresolvedValue(sp.rel.Unit)
			}
			if sp.byTense {
				t.Value = unresolvedValue(Weekend)
			}
			t.Unit = sp.unit
			return t
		}
	}
	if sp.mod == ModStart || sp.mod == ModMid || sp.mod == ModEnd {
		t.Low, t.High = narrow(t.Low, t.High, sp.mod)
	}
	if sp.clip != 0 && known {
		if sp.clip < 0 && t.High.After(pub) && !t.Low.After(pub) {
			t.High = pub
		}
		if sp.clip > 0 && t.Low.Before(pub) && !t.High.Before(pub) {
			t.Low = pub
		}
	}
	return t
}

func yearValueOrX(y int) string {
	if y == 0 {
		return "XXXX"
	}
	return yearValue(y)
}

// resolveRelative places offsets; it reports false when the base they count
// from is unknown.
func resolveRelative(t *Time, sp spec, pub time.Time, tense Tense, anchor *Time) bool {
	known := !pub.IsZero()
	if sp.shift {
		// the period under discussion, a year (rel.N years) before
		if anchor != nil && sp.num == 0 {
			u, use := anchor.Unit, false
			switch {
			case sp.unit == Year:
				// "a year earlier/ago": after a quarter or half; after a
				// month, season or named year only when "earlier"
				use = u == Quarter || u == Half ||
					sp.rel.Anchored && (u == Month || u == Season || u == Year && anchor.Kind == KindYear)
			case u < sp.unit:
				// "the year-ago quarter" after "the quarter ended Sept. 30"
				u, use = sp.unit, anchor.Kind == KindDate
			default:
				use = u <= Year && anchor.Kind != KindRelative
			}
			if use {
				base := day(anchor.Low.Year()+sp.rel.N, int(anchor.Low.Month()), anchor.Low.Day())
				if u == Week {
					base = anchor.Low.AddDate(sp.rel.N, 0, 0)
				}
				t.setPeriod(u, base, seasonOf(anchor.Value))
				return true
			}
		}
		if !known {
			return false
		}
		switch {
		case sp.unit == Quarter && sp.num > 0:
			t.setPeriod(Quarter, day(pub.Year()+sp.rel.N, 3*sp.num-2, 1), 0)
		case sp.unit == Quarter || sp.unit == Half:
			last := offset(day(pub.Year(), int(pub.Month()), 1), sp.unit, -1)
			t.setPeriod(sp.unit, last.AddDate(sp.rel.N, 0, 0), 0)
		case sp.unit == Month:
			t.setPeriod(Month, day(pub.Year()+sp.rel.N, int(pub.Month()), 1), 0)
		default:
			t.setPeriod(Year, day(pub.Year()+sp.rel.N, 1, 1), 0)
		}
		return true
	}
	base := pub
	if sp.rel.Anchored {
		switch {
		case anchor != nil:
			if sp.rel.Unit < anchor.Unit && !(anchor.Unit == Weekend && sp.rel.Unit == Day) {
				return false
			}
			base = anchor.Low
		case sp.counted:
			// "three days later" with nothing before it: from publication
		default:
			return false
		}
	}
	if base.IsZero() {
		return false
	}
	if sp.unit == Weekend && sp.byTense {
		// "the weekend": the one before (past) or after (future)
		wd := int(base.Weekday())
		var sat time.Time
		if tense == Future {
			sat = base.AddDate(0, 0, (6-wd+7)%7)
			if wd == 0 {
				sat = base.AddDate(0, 0, -1)
			}
		} else {
			sat = base.AddDate(0, 0, -((wd - 6 + 7) % 7))
			if wd == 0 {
				sat = base.AddDate(0, 0, -1)
			}
		}
		t.setPeriod(Weekend, sat, 0)
		return true
	}
	t.setPeriod(sp.rel.Unit, offset(base, sp.rel.Unit, sp.rel.N), 0)
	return true
}
