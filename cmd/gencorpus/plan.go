package main

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"time"
)

// config is what the command line asks for.
type config struct {
	n, stories int
	seed       uint64
	rate, neg  float64
	out        string
}

// storyPlan is what is decided about a story before its articles are
// written: everything that must be unique or consistent across stories.
type storyPlan struct {
	idx              int
	id               string
	typ              *eventType
	date             time.Time
	country, foreign int
	town, province   string
	leaderRole       string
	cast             [6]int // P0..P3 officials, P4 event-specific, P5 a foreign envoy
	articleIDs       []string
}

// corpus is the plan of a whole corpus.
type corpus struct {
	cfg     config
	pool    *pool
	stories []storyPlan
}

// startDate is the first day a story can happen on.
var startDate = time.Date(1990, time.January, 1, 0, 0, 0, 0, time.UTC)

// spanDays is how many days the stories spread over: four days a story, at
// least three years and at most forty, so that different stories are
// mostly far apart in time.
func spanDays(stories int) int {
	return min(max(4*stories, 3*365), 40*365)
}

// planCorpus decides pools and stories; it is sequential and cheap, so it
// depends on the seed alone.
func planCorpus(cfg config) *corpus {
	rng := rand.New(rand.NewPCG(cfg.seed, 0x6a09e667f3bcc908))
	nPeople := min(max(3*cfg.stories, 150), 1500)
	c := &corpus{cfg: cfg, pool: newPool(rng, nPeople)}

	counts := articleCounts(rng, cfg.n, cfg.stories)
	sw := len(strconv.Itoa(cfg.stories))
	aw := len(strconv.Itoa(maxOf(counts)))
	span := spanDays(cfg.stories)
	c.stories = make([]storyPlan, cfg.stories)
	for i := range c.stories {
		sp := &c.stories[i]
		sp.idx = i
		sp.id = fmt.Sprintf("s%0*d", sw, i+1)
		sp.typ = eventTypes[rng.IntN(len(eventTypes))]
		sp.date = startDate.AddDate(0, 0, rng.IntN(span))
		sp.country = rng.IntN(len(c.pool.countries))
		sp.foreign = (sp.country + 1 + rng.IntN(len(c.pool.countries)-1)) % len(c.pool.countries)
		sp.town = c.pool.newTown(rng)
		sp.province = c.pool.newProvince(rng)
		sp.leaderRole = []string{"President", "Prime Minister"}[rng.IntN(2)]
		c.pickCast(rng, sp)
		sp.articleIDs = make([]string, counts[i])
		for k := range sp.articleIDs {
			sp.articleIDs[k] = fmt.Sprintf("%s-%0*d", sp.id, aw, k+1)
		}
	}
	return c
}

// pickCast chooses the story's people: officials of its country, the
// event's principal from the foreign country where the event type says so,
// and a foreign envoy. About one story in four has two officials who share
// a first name.
func (c *corpus) pickCast(rng *rand.Rand, sp *storyPlan) {
	chosen := map[int]bool{}
	pick := func(from []int) int {
		for range 8 {
			if len(from) == 0 {
				break
			}
			if p := from[rng.IntN(len(from))]; !chosen[p] {
				chosen[p] = true
				return p
			}
		}
		for {
			if p := rng.IntN(len(c.pool.people)); !chosen[p] {
				chosen[p] = true
				return p
			}
		}
	}
	home := c.pool.countries[sp.country].people
	abroad := c.pool.countries[sp.foreign].people
	for i := range 4 {
		sp.cast[i] = pick(home)
	}
	if rng.IntN(4) == 0 {
		first := c.pool.people[sp.cast[1]].first
		same := c.pool.byFirst[first]
		for range 8 {
			p := same[rng.IntN(len(same))]
			if !chosen[p] {
				delete(chosen, sp.cast[2])
				chosen[p] = true
				sp.cast[2] = p
				break
			}
		}
	}
	if sp.typ.p4Foreign {
		sp.cast[4] = pick(abroad)
	} else {
		sp.cast[4] = pick(home)
	}
	sp.cast[5] = pick(abroad)
	for _, p := range sp.cast {
		c.pool.people[p].used = true
	}
}

// articleCounts spreads n articles over s stories, at least two each, some
// stories drawing much more coverage than others.
func articleCounts(rng *rand.Rand, n, s int) []int {
	counts := make([]int, s)
	cum := make([]float64, s)
	total := 0.0
	for i := range counts {
		counts[i] = 2
		total += 0.3 + rng.ExpFloat64()
		cum[i] = total
	}
	for range n - 2*s {
		x := rng.Float64() * total
		i := sort.SearchFloat64s(cum, x)
		if i >= s {
			i = s - 1
		}
		counts[i]++
	}
	return counts
}

func maxOf(xs []int) int {
	m := 0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}
