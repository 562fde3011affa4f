package compare

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/crosscheck/crosscheck/claims"
)

// StoryOptions tune how articles are grouped into stories.
type StoryOptions struct {
	// Threshold is the least average similarity at which two groups of
	// articles are one story.
	Threshold float64
	// Window is the largest gap between the publication dates of two
	// articles of one story, when both dates are known.
	Window time.Duration
	// Near is the gap within which two dated articles count as published
	// together: their content similarity weighs up to 2.5 times as much.
	Near time.Duration
}

// DefaultStoryOptions are the defaults of Compare.
var DefaultStoryOptions = StoryOptions{Threshold: 0.2, Window: 10 * 24 * time.Hour, Near: 2 * 24 * time.Hour}

// singletonWeight damps terms found in one article only: they cannot be
// shared, but a long article full of them is less like any other.
const singletonWeight = 0.2

// articleVector is an article's weighted terms: content words, word pairs and
// name keys, each weighted by (1 + log tf) * idf over the articles.
func articleVectors(arts []claims.Article, byArticle map[string][]*claims.Claim) []map[string]float64 {
	tfs := make([]map[string]float64, len(arts))
	df := map[string]int{}
	for i, a := range arts {
		tf := map[string]float64{}
		for _, c := range byArticle[a.ID] {
			ws := words(c.Text)
			for j, w := range ws {
				tf[w]++
				if j > 0 {
					tf[ws[j-1]+" "+w]++
				}
			}
			for _, k := range entityKeys(c) {
				tf["@"+k]++
			}
		}
		for t := range tf {
			df[t]++
		}
		tfs[i] = tf
	}
	n := float64(len(arts))
	for _, tf := range tfs {
		for t, f := range tf {
			w := (1 + math.Log(f)) * math.Log((n+1)/float64(df[t]))
			if df[t] < 2 {
				w *= singletonWeight
			}
			tf[t] = w
		}
	}
	return tfs
}

func cosineWeighted(a, b map[string]float64) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var dot, na, nb float64
	for t, x := range a {
		na += x * x
		dot += x * b[t]
	}
	for _, y := range b {
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// groupStories groups articles into stories by the similarity of their
// content words, word pairs and names (average linkage, so that one shared
// aside does not chain two stories together). Articles published close
// together weigh their similarity up; articles published further apart than
// the window are never one story. Stories are numbered in the order of their
// first article id.
func groupStories(arts []claims.Article, byArticle map[string][]*claims.Claim, opt StoryOptions) []Story {
	n := len(arts)
	if n == 0 {
		return nil
	}
	vecs := articleVectors(arts, byArticle)
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s := cosineWeighted(vecs[i], vecs[j]) * dateFactor(arts[i], arts[j], opt)
			sim[i][j], sim[j][i] = s, s
		}
	}
	groups := make([][]int, n)
	for i := range groups {
		groups[i] = []int{i}
	}
	link := func(a, b []int) float64 {
		var sum float64
		for _, i := range a {
			for _, j := range b {
				if sim[i][j] < 0 {
					return -1
				}
				sum += sim[i][j]
			}
		}
		return sum / float64(len(a)*len(b))
	}
	for {
		bi, bj, best := -1, -1, opt.Threshold
		for i := range groups {
			for j := i + 1; j < len(groups); j++ {
				if s := link(groups[i], groups[j]); s >= best {
					bi, bj, best = i, j, s
				}
			}
		}
		if bi < 0 {
			break
		}
		groups[bi] = append(groups[bi], groups[bj]...)
		groups = append(groups[:bj], groups[bj+1:]...)
	}
	out := make([]Story, 0, len(groups))
	for _, g := range groups {
		ids := make([]string, len(g))
		for k, i := range g {
			ids[k] = arts[i].ID
		}
		sort.Strings(ids)
		out = append(out, Story{Articles: ids})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Articles[0] < out[j].Articles[0] })
	title := map[string]string{}
	for _, a := range arts {
		title[a.ID] = a.Title
	}
	for i := range out {
		out[i].ID = fmt.Sprintf("story-%d", i+1)
		out[i].Title = title[out[i].Articles[0]]
	}
	return out
}

// dateFactor weighs the content similarity of two articles by their
// publication dates: -1 (never one story) when both are dated further apart
// than the window, 2.5 when published within Near of each other, falling to
// 1 at three times Near, and 1 when either date is unknown.
func dateFactor(a, b claims.Article, opt StoryOptions) float64 {
	if !a.HasDate() || !b.HasDate() {
		return 1
	}
	d := a.Published.Sub(b.Published)
	if d < 0 {
		d = -d
	}
	switch {
	case opt.Window > 0 && d > opt.Window:
		return -1
	case d <= opt.Near:
		return 2.5
	case d >= 3*opt.Near:
		return 1
	}
	return 2.5 - 1.5*float64(d-opt.Near)/float64(2*opt.Near)
}
