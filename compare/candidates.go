package compare

import (
	"cmp"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/claims"
)

// Bounds of the in-memory candidate search within one story.
const (
	// storyTerms is how many content terms of a claim are looked up: its
	// rarest in the story that some other claim has.
	storyTerms = 10
	// storyCommonShare and storyCommonFloor bound a term's frequency in a
	// story: a term in more than max(storyCommonFloor, claims/
	// storyCommonShare) claims is too common to say that two claims are
	// about the same thing, and its long posting list would cost time.
	storyCommonShare = 50
	storyCommonFloor = 100
)

// storyIndex is an inverted index of the claims of one story: for each term
// (content words and name keys, as termsOf gives them) the positions of the
// claims that have it. It answers which claims of other articles share the
// most weight of terms with a claim, without pairing all claims.
type storyIndex struct {
	c      *corpus
	claims []*claims.Claim
	pos    []int32   // of each claim in the corpus
	art    []int32   // of each claim's article among the story's
	rank   []int32   // of each claim's id among the index's ids
	post   [][]int32 // by term
	common int
	// score and touched are scratch space of one query, and so are the
	// rest, kept from one query to the next.
	score       []float64
	touched     []int32
	keys, words []termDF
	hits        []hit
	scores      []float64
	out         []int32
}

// termDF is a term of a query and its document frequency.
type termDF struct {
	t  int32 // terms are numbered in the order of their text
	df int
}

// hit is a candidate of a query: its number, its rank and its score.
type hit struct {
	i, rank int32
	score   float64
}

// newStoryIndex indexes the claims of the given articles.
func (c *corpus) newStoryIndex(articles []string) *storyIndex {
	x := &storyIndex{c: c, post: make([][]int32, len(c.idfs))}
	for k, a := range articles {
		x.claims = append(x.claims, c.byArticle[a]...)
		for len(x.art) < len(x.claims) {
			x.art = append(x.art, int32(k))
		}
	}
	x.pos = make([]int32, len(x.claims))
	for i, cl := range x.claims {
		x.pos[i] = c.pos[cl]
		for _, t := range c.terms[x.pos[i]] {
			x.post[t] = append(x.post[t], int32(i))
		}
	}
	byID := make([]int32, len(x.claims))
	for i := range byID {
		byID[i] = int32(i)
	}
	slices.SortFunc(byID, func(a, b int32) int { return strings.Compare(x.claims[a].ID, x.claims[b].ID) })
	x.rank = make([]int32, len(x.claims))
	for r, i := range byID {
		x.rank[i] = int32(r)
	}
	x.common = max(storyCommonFloor, len(x.claims)/storyCommonShare)
	x.score = make([]float64, len(x.claims))
	return x
}

// candidates returns up to limit claims of other articles of the story that
// share terms with claim k of the index, most alike first: by the
// idf-weighted overlap of the shared terms over the candidate's norm, ties
// broken by claim id. All name keys of the claim are looked up, and its
// storyTerms rarest content words; terms too common in the story are not.
// The candidates are given by their place in the index; none when the claim
// shares nothing. The list is the index's own, good until the next query.
func (x *storyIndex) candidates(k int, limit int) []int32 {
	art := x.art[k]
	keys, words := x.keys[:0], x.words[:0]
	for _, t := range x.c.terms[x.pos[k]] {
		df := len(x.post[t])
		if df < 2 || df > x.common {
			continue
		}
		if x.c.isKey[t] {
			keys = append(keys, termDF{t, df})
		} else {
			words = append(words, termDF{t, df})
		}
	}
	// Sorted, so that scores are summed in one order and come out the same
	// to the last bit in every run.
	x.keys, x.words = keys, words
	byRarity := func(a, b termDF) int { return cmp.Or(cmp.Compare(a.df, b.df), cmp.Compare(a.t, b.t)) }
	slices.SortFunc(keys, byRarity)
	slices.SortFunc(words, byRarity)
	if len(words) > storyTerms {
		words = words[:storyTerms]
	}
	x.touched = x.touched[:0]
	for _, group := range [2][]termDF{keys, words} {
		for _, t := range group {
			w := x.c.idfs[t.t]
			w *= w
			for _, i := range x.post[t.t] {
				if x.art[i] == art {
					continue
				}
				if x.score[i] == 0 {
					x.touched = append(x.touched, i)
				}
				x.score[i] += w
			}
		}
	}
	hits := x.hits[:0]
	for _, i := range x.touched {
		s := x.score[i]
		if n := x.c.norm(x.pos[i]); n > 0 {
			s /= n
		}
		hits = append(hits, hit{i, x.rank[i], s})
		x.score[i] = 0
	}
	better := func(a, b hit) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.rank, b.rank))
	}
	if len(hits) > 2*limit {
		// Only the best limit are wanted: keep those at or above the
		// limit-th best score before sorting.
		scores := x.scores[:0]
		for _, h := range hits {
			scores = append(scores, h.score)
		}
		x.scores = scores
		cut := nthLargest(scores, limit)
		kept := hits[:0]
		for _, h := range hits {
			if h.score >= cut {
				kept = append(kept, h)
			}
		}
		hits = kept
	}
	slices.SortFunc(hits, better)
	if len(hits) > limit {
		hits = hits[:limit]
	}
	x.hits = hits
	out := x.out[:0]
	for _, h := range hits {
		out = append(out, h.i)
	}
	x.out = out
	return out
}

// nthLargest returns the n-th largest of xs (1-based; n <= len(xs)),
// reordering xs: a quickselect.
func nthLargest(xs []float64, n int) float64 {
	lo, hi, k := 0, len(xs)-1, n-1
	for lo < hi {
		p := xs[(lo+hi)/2]
		i, j := lo, hi
		for i <= j {
			for xs[i] > p {
				i++
			}
			for xs[j] < p {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return xs[k]
		}
	}
	return xs[k]
}
