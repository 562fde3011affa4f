package compare

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"

	"github.com/crosscheck/crosscheck/claims/wire"
)

// storyNames is what the name variants need of one story: the candidate
// groups its mentions of names fall in, and the mentions themselves, in
// memory or, when cached is set, in the cache until a group needs them.
type storyNames struct {
	roots   []string // sorted
	spotted []spot
	cached  bool
}

// namesOf is what the name variants need of a story's result.
func namesOf(r *storyResult) storyNames {
	seen := map[string]bool{}
	var roots []string
	for _, root := range r.groups {
		if root != "" && !seen[root] {
			seen[root] = true
			roots = append(roots, root)
		}
	}
	slices.Sort(roots)
	return storyNames{roots: roots, spotted: r.spotted, cached: r.spotsCached}
}

// variantRun is what nameVariants found.
type variantRun struct {
	found []Discrepancy // in the order of their groups
	// built is how many groups were built from their mentions, of all;
	// the others' variants came from the cache.
	built, groups int
	// changed are the articles whose disputes by name variants may differ
	// from the run that filled the cache: those of the stories whose
	// mentions were read in this run, and of every story mentioning a
	// group built anew. All of them when nothing came from the cache.
	changed []string
	// puts are the variants to cache, and keep the keys of every group's
	// variant.
	puts map[string][]byte
	keep []string
}

// complete reports whether no group's variant came from the cache.
func (v *variantRun) complete() bool { return v.built == v.groups }

// nameVariants builds the name-variant discrepancies of the run from the
// stories' mentions of names (names, by story), a candidate group at a
// time. With a cache, the variant of a group is read back when the group's
// inputs are those of a run that cached it: its spellings and which of
// them are written in lower case, the stories that mention it, by their
// cache keys, and the order of their articles (see variantKey). Only the
// groups whose inputs changed are built, from the mentions of their
// stories, read from the cache for the stories that were not compared in
// this run.
func (g *global) nameVariants(stories []Story, names []storyNames, keys []string, storyOf map[string]string, src Source, cache Cache) (variantRun, error) {
	of := map[string][]int32{}
	for i, n := range names {
		for _, root := range n.roots {
			of[root] = append(of[root], int32(i))
		}
	}
	roots := sortedKeys(of)
	run := variantRun{groups: len(roots)}
	found := make([][]Discrepancy, len(roots))
	build := make([]bool, len(roots))
	vkeys := make([]string, len(roots))
	if cache == nil {
		for k := range build {
			build[k] = true
		}
	} else {
		errs := make([]error, len(roots))
		workers := workersFor(len(roots), 64)
		parallel(workers, func(w int) {
			for k := w; k < len(roots); k += workers {
				vkeys[k] = g.variantKey(roots[k], of[roots[k]], stories, names, keys)
				data, err := cache.Get(vkeys[k])
				if err != nil {
					errs[k] = fmt.Errorf("story cache: %w", err)
					continue
				}
				// A variant not there, or not read, is built again.
				if data == nil || wire.Decode(data, &found[k]) != nil {
					build[k] = true
				}
			}
		})
		for _, err := range errs {
			if err != nil {
				return variantRun{}, err
			}
		}
		run.keep = vkeys
	}

	// The mentions of the stories of the groups to build.
	need := map[int32]bool{}
	for k, root := range roots {
		if build[k] {
			run.built++
			for _, i := range of[root] {
				if names[i].cached && names[i].spotted == nil {
					need[i] = true
				}
			}
		}
	}
	if err := g.readSpots(stories, names, keys, slices.Sorted(maps.Keys(need)), src, cache); err != nil {
		return variantRun{}, err
	}
	workers := workersFor(run.built, 16)
	parallel(workers, func(w int) {
		n := 0
		for k, root := range roots {
			if !build[k] {
				continue
			}
			if n++; n%workers != w {
				continue
			}
			var ss []spot
			for _, i := range of[root] {
				for _, s := range names[i].spotted {
					if s.group == root {
						ss = append(ss, s)
					}
				}
			}
			slices.SortStableFunc(ss, func(a, b spot) int {
				if a.order != b.order {
					return a.order - b.order
				}
				return a.rank - b.rank
			})
			found[k] = nil
			if d, ok := variant(root, ss, storyOf, g.names.lower); ok {
				found[k] = []Discrepancy{d}
			}
		}
	})
	for _, ds := range found {
		run.found = append(run.found, ds...)
	}

	changed := map[string]bool{}
	for i, n := range names {
		if !n.cached {
			for _, a := range stories[i].Articles {
				changed[a] = true
			}
		}
	}
	if cache != nil {
		run.puts = map[string][]byte{}
	}
	for k, root := range roots {
		if !build[k] {
			continue
		}
		for _, i := range of[root] {
			for _, a := range stories[i].Articles {
				changed[a] = true
			}
		}
		if cache != nil {
			data, err := wire.Append(nil, found[k])
			if err != nil {
				return variantRun{}, err
			}
			run.puts[vkeys[k]] = data
		}
	}
	run.changed = slices.Sorted(maps.Keys(changed))
	return run, nil
}

// variantKey is the cache key of the variant of the group root, mentioned
// by the stories in (their numbers in stories, ascending): a fingerprint
// of the group's spellings, which of them are written in lower case in the
// corpus, each story's key or, for a story without one, its mentions of
// the group, and the order of the stories' articles in the corpus. A
// story's number enters only when it is the one story of the group (the
// variant then names it), and articles' ranks only by their order: an
// article added elsewhere changes neither.
func (g *global) variantKey(root string, in []int32, stories []Story, names []storyNames, keys []string) string {
	h := sha256.New()
	b := append([]byte(root), 0)
	for _, s := range g.names.spellings[root] {
		b = append(append(b, s...), 0)
		if g.names.lower[s] {
			b = append(b, 1)
		}
	}
	if len(in) == 1 {
		b = append(append(b, stories[in[0]].ID...), 0)
	}
	h.Write(b)
	type ranked struct {
		rank int
		id   string
	}
	var arts []ranked
	for _, i := range in {
		for _, a := range stories[i].Articles {
			arts = append(arts, ranked{g.rank[a], a})
		}
		b = append(append(b[:0], '\n'), keys[i]...)
		if keys[i] == "" {
			for _, sp := range names[i].spotted {
				if sp.group == root {
					b = fmt.Appendf(b, "%d\x00%s\x00%s\x00%s\x00%d\x00%+v\x00", sp.order, sp.spelling, sp.text, sp.article, sp.count, sp.first)
				}
			}
		}
		h.Write(b)
	}
	slices.SortFunc(arts, func(x, y ranked) int { return x.rank - y.rank })
	b = b[:0]
	for _, a := range arts {
		b = append(append(b, a.id...), 0)
	}
	h.Write(b)
	return "variant-" + hex.EncodeToString(h.Sum(nil))[:32]
}

// readSpots reads the cached mentions of names of the stories which, on
// all processors; a story whose mentions are not in the cache, or cannot
// be read, has them read anew from its claims.
func (g *global) readSpots(stories []Story, names []storyNames, keys []string, which []int32, src Source, cache Cache) error {
	errs := make([]error, len(which))
	workers := workersFor(len(which), 16)
	parallel(workers, func(w int) {
		for k := w; k < len(which); k += workers {
			i := which[k]
			data, err := cache.Get(spotsKey(keys[i]))
			var ss []spot
			if err == nil && data != nil {
				ss, err = decodeSpots(data, g.rank)
				if err != nil {
					data, err = nil, nil
				}
			}
			if err == nil && data == nil {
				ss, _, err = g.spotAnew(stories[i], nil, src)
			}
			names[i].spotted, errs[k] = ss, err
		}
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// contradictionsOf is, per claim in the evidence of ds in the articles in
// only (all when nil), the discrepancies that dispute it, sorted.
func contradictionsOf(ds []Discrepancy, only map[string]bool) map[string]Support {
	out := map[string]Support{}
	for _, d := range ds {
		for _, ev := range d.Evidence {
			if only != nil && !only[ev.Article] {
				continue
			}
			sp := out[ev.ClaimID]
			if n := len(sp.Contradicted); n > 0 && sp.Contradicted[n-1] == d.ID {
				continue
			}
			sp.Contradicted = append(sp.Contradicted, d.ID)
			out[ev.ClaimID] = sp
		}
	}
	for id, sp := range out {
		slices.Sort(sp.Contradicted)
		out[id] = sp
	}
	return out
}
