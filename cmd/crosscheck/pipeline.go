package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/pflag"

	"github.com/crosscheck/crosscheck/claims"
	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/index"
	"github.com/crosscheck/crosscheck/reports"
)

// extractAll extracts the claims of every article on all cores. The result
// is in article order. A cancelled context stops handing out work; articles
// not extracted then have no claims.
func extractAll(ctx context.Context, x *claims.Extractor, arts []*claims.Article, done func()) ([][]claims.Claim, claims.ErrorList) {
	out := make([][]claims.Claim, len(arts))
	errs := make([]claims.ErrorList, len(arts))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, len(arts))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if err := arts[i].ReadText(); err != nil {
					errs[i] = claims.ErrorList{err}
				} else {
					out[i], errs[i] = x.Extract(arts[i])
				}
				if done != nil {
					done()
				}
			}
		}()
	}
feed:
	for i := range arts {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	var all claims.ErrorList
	for _, l := range errs {
		all = append(all, l...)
	}
	return out, all
}

// pipelineOptions are the flags shared by report and check.
type pipelineOptions struct {
	index      string
	stats      bool
	quiet      bool
	cpuprofile string
	memprofile string
}

func (o *pipelineOptions) register(fs *pflag.FlagSet) {
	fs.StringVar(&o.index, "index", defaultIndex, "")
	fs.BoolVar(&o.stats, "stats", false, "")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "")
	// A CPU profile of the whole run, for `go tool pprof`; not in the
	// usage text, as it is for working on crosscheck itself.
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "")
	fs.MarkHidden("cpuprofile")
	// A heap profile taken after the comparison, when memory peaks.
	fs.StringVar(&o.memprofile, "memprofile", "", "")
	fs.MarkHidden("memprofile")
}

// extractChunk is how many articles are extracted before their claims are
// written to the index.
const extractChunk = 1000

// progressMin is the least number of items (articles to extract, stories to
// compare) for which a progress bar is worth showing.
const progressMin = 50

// progress returns a function to call per item done of n (what the bar
// says is being done, to items counted in unit), drawing a progress bar on
// standard error when it is a terminal, the work is long enough and the
// run not quiet; otherwise it does nothing. finish clears the bar.
func (o *pipelineOptions) progress(e env, n int, doing, unit string) (tick func(), finish func()) {
	if o.quiet || n < progressMin || !isTerminal(e.stderr) || e.getenv("TERM") == "dumb" {
		return nil, func() {}
	}
	bar := progressbar.NewOptions(n,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionSetDescription(doing),
		progressbar.OptionShowCount(),
		progressbar.OptionSetItsString(unit),
		progressbar.OptionShowIts(),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	var mu sync.Mutex
	return func() {
			mu.Lock()
			bar.Add(1)
			mu.Unlock()
		}, func() {
			bar.Finish()
		}
}

// stageTimer prints how long each stage took, when asked to.
type stageTimer struct {
	w    io.Writer
	on   bool
	last time.Time
}

func newStageTimer(w io.Writer, on bool) *stageTimer {
	return &stageTimer{w: w, on: on, last: time.Now()}
}

// add prints the time d a stage took, for a stage whose work was spread
// over the run; the next stage's time counts from now.
func (t *stageTimer) add(stage string, d time.Duration, format string, args ...any) {
	if !t.on {
		return
	}
	fmt.Fprintf(t.w, "stats: %-8s %8.3fs  %s\n", stage, d.Seconds(), fmt.Sprintf(format, args...))
	t.last = time.Now()
}

// done prints the time a stage took since the last one ended.
func (t *stageTimer) done(stage string, format string, args ...any) {
	t.add(stage, time.Since(t.last), format, args...)
}

// run is the pipeline of report and check: load the articles, extract what
// is new or changed into the index, drop what was removed, compare, and
// build the report. Input problems with single articles are returned in the
// list while the others go on; err is a failure that stops the run (an index
// that cannot be opened).
func (o *pipelineOptions) run(ctx context.Context, e env, paths []string) (reports.Report, claims.ErrorList, error) {
	if o.cpuprofile != "" {
		f, err := os.Create(o.cpuprofile)
		if err != nil {
			return reports.Report{}, nil, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return reports.Report{}, nil, fmt.Errorf("%s: %w", o.cpuprofile, err)
		}
		defer pprof.StopCPUProfile()
	}
	st := newStageTimer(e.stderr, o.stats)
	// An index that exists is opened and listed while the files are read;
	// none is made before there is something to put in it.
	// The files stamped unchanged by the last run are not read again.
	var listing chan listed
	stamps := &claims.Stamps{}
	var stamped []byte
	if index.Present(o.index) {
		var err error
		if stamped, err = index.ReadNote(o.index, stampsNote); err != nil {
			return reports.Report{}, nil, err
		}
		if err := stamps.UnmarshalText(stamped); err != nil {
			return reports.Report{}, nil, err
		}
		listing = make(chan listed, 1)
		go func() { listing <- list(o.index) }()
	}
	arts, errs := claims.Load(paths, claims.LoadOptions{Stdin: e.stdin, Stamps: stamps})
	if len(arts) == 0 && len(errs) > 0 {
		if listing != nil {
			if l := <-listing; l.idx != nil {
				l.idx.Close()
			}
		}
		st.done("load", "0 articles")
		return reports.Report{}, errs, nil // nothing to compare; the index is left alone
	}
	var l listed
	if listing != nil {
		l = <-listing
	} else {
		l = list(o.index)
	}
	if l.err != nil {
		return reports.Report{}, errs, l.err
	}
	defer l.idx.Close()
	read := 0
	for _, a := range arts {
		if a.Text != "" {
			read++
		}
	}
	st.done("load", "%d articles, %d files read, %d in the index", len(arts), read, len(l.records))
	idx, records := l.idx, l.records
	known := map[string]index.Record{}
	for _, r := range records {
		known[r.ID] = r
	}
	var todo []*claims.Article
	var moved []claims.Article
	wd := newWorkDir()
	loaded := make(map[string]bool, len(arts))
	for _, a := range arts {
		loaded[a.ID] = true
		if r, ok := known[a.ID]; ok && unchanged(r, a) {
			a.Text = ""
			if !wd.samePath(r.Path, a.Path) {
				moved = append(moved, *a)
			}
			continue
		}
		// A file's text is read again when its turn to be extracted
		// comes, so that memory holds the texts of two chunks at most.
		if a.Path != "-" {
			a.Text = ""
		}
		todo = append(todo, a)
	}
	// Articles are extracted and indexed a chunk at a time, so that memory
	// holds two chunks' claims, and an interrupted run keeps what it
	// indexed. A chunk is extracted while the one before is indexed: Bleve
	// builds each segment on one core, and extraction takes the other.
	var extractTime, indexTime time.Duration
	n := 0
	if len(todo) > 0 {
		// The models load only when there is something to extract.
		t0 := time.Now()
		x, err := claims.NewExtractor()
		if err != nil {
			return reports.Report{}, errs, err
		}
		extractTime += time.Since(t0)
		tick, finish := o.progress(e, len(todo), "extracting", "articles")
		// What the comparison learns of each article from its claims is
		// learnt as it is extracted, ahead of the indexing that holds the
		// other core, and cached once it is indexed: the comparison then
		// need not read every article's claims back from the index.
		var learnt compare.Cache
		if b := buildID(); b != "" {
			learnt = storyCache{idx: idx, build: b}
		}
		type extracted struct {
			chunk  []*claims.Article
			claims [][]claims.Claim
			errs   claims.ErrorList
			learnt map[string][]byte
		}
		chunks := make(chan extracted, 1)
		stop := make(chan struct{})
		go func() {
			defer close(chunks)
			for lo := 0; lo < len(todo); lo += extractChunk {
				chunk := todo[lo:min(lo+extractChunk, len(todo))]
				t0 := time.Now()
				cs, xerrs := extractAll(ctx, x, chunk, tick)
				extractTime += time.Since(t0)
				if ctx.Err() != nil {
					return // the chunk may be partly extracted: not indexed
				}
				var records map[string][]byte
				if learnt != nil {
					records = make(map[string][]byte, len(chunk))
					for i, a := range chunk {
						if k, v := compare.Learn(a, cs[i]); k != "" {
							records[k] = v
						}
					}
				}
				select {
				case chunks <- extracted{chunk, cs, xerrs, records}:
				case <-stop:
					return
				}
			}
		}()
		// The loader does not wait for one chunk's claims to reach disk
		// before taking the next: only for all of them, at Close.
		loader := idx.Loader()
		var putErr error
		for c := range chunks {
			errs = append(errs, c.errs...)
			if putErr != nil {
				continue
			}
			t1 := time.Now()
			batch := make([]index.Entry, len(c.chunk))
			for i, a := range c.chunk {
				batch[i] = index.Entry{Article: *a, Claims: c.claims[i]}
				n += len(c.claims[i])
			}
			if putErr = loader.Put(batch); putErr == nil && len(c.learnt) > 0 {
				putErr = learnt.Put(c.learnt)
			}
			if putErr != nil {
				close(stop)
				continue
			}
			for _, a := range c.chunk {
				a.Text = "" // claims place themselves; the text is not needed again
			}
			indexTime += time.Since(t1)
		}
		t1 := time.Now()
		if err := loader.Close(); putErr == nil {
			putErr = err
		}
		indexTime += time.Since(t1)
		finish()
		if putErr != nil {
			return reports.Report{}, errs, putErr
		}
	}
	st.add("extract", extractTime, "%d changed articles, %d claims", len(todo), n)
	if err := ctx.Err(); err != nil {
		return reports.Report{}, errs, err
	}
	t0 := time.Now()
	// An article read from another file than it was indexed from (a
	// moved file, or the corpus named by another path) keeps its claims.
	if err := idx.Move(moved); err != nil {
		return reports.Report{}, errs, err
	}
	removed := 0
	for _, r := range records {
		if !loaded[r.ID] && wd.gone(r.Path, paths) {
			if err := idx.Delete(r.ID); err != nil {
				return reports.Report{}, errs, err
			}
			// What search shows of its claims' support goes with it.
			if err := idx.DropNotes([]string{supportNote(r.ID), variantsNote(r.ID)}); err != nil {
				return reports.Report{}, errs, err
			}
			removed++
		}
	}
	st.add("index", indexTime+time.Since(t0), "%d articles written, %d removed, %d moved", len(todo), removed, len(moved))

	values := make([]claims.Article, len(arts))
	for i, a := range arts {
		values[i] = *a
		values[i].Text = ""
		a.Text = ""
	}
	sw := newSupportWriter(idx)
	opt := compare.Options{Support: sw.add}
	if b := buildID(); b != "" {
		opt.Cache = storyCache{idx: idx, build: b, support: sw}
		// Stories found in the cache keep the support notes written when
		// they were compared; the name variants' are kept apart.
		opt.Variants = sw.variants
	}
	// The stories are known once grouped; the bar starts with the first.
	tick, finish := func() {}, func() {}
	opt.Progress = func(done, total int) {
		if done == 1 {
			if t, f := o.progress(e, total, "comparing", "stories"); t != nil {
				tick, finish = t, f
			}
		}
		tick()
	}
	res, err := compare.CompareFrom(ctx, values, idx, nil, opt)
	finish()
	if err != nil {
		return reports.Report{}, errs, err
	}
	if o.memprofile != "" {
		if err := writeHeapProfile(o.memprofile); err != nil {
			return reports.Report{}, errs, err
		}
	}
	if err := sw.flush(); err != nil {
		return reports.Report{}, errs, err
	}
	// The files are stamped once their articles are indexed and compared.
	if b, err := stamps.MarshalText(); err != nil {
		return reports.Report{}, errs, err
	} else if !bytes.Equal(b, stamped) {
		if err := idx.SetNote(stampsNote, b); err != nil {
			return reports.Report{}, errs, err
		}
	}
	claimCount := 0
	for _, n := range res.Claims {
		claimCount += n
	}
	st.done("compare", "%d claims, %d comparisons, %d discrepancies, %d of %d stories unchanged, %d of %d name groups built anew (reading %.1fs, grouping %.1fs for %s, stories %.1fs)",
		claimCount, res.Comparisons, len(res.Discrepancies), res.Reused, len(res.Stories), res.Phases.VariantsBuilt, res.Phases.VariantGroups,
		res.Phases.Scan.Seconds(), res.Phases.Group.Seconds(), plural(res.Phases.Weighed, "article", "articles"), res.Phases.Stories.Seconds())

	r := buildReport(values, res)
	st.done("report", "")
	return r, errs, nil
}

// stampsNote is the note that keeps the stamps of the corpus's files
// (claims.Stamps), by which a run tells the files it need not read again.
const stampsNote = "stamps"

// listed is an open index and the records of its articles.
type listed struct {
	idx     *index.Index
	records []index.Record
	err     error
}

// list opens the index in dir, creating it when there is none, and lists
// its articles. On error, idx is nil.
func list(dir string) listed {
	idx, err := index.OpenOrCreate(dir)
	if err != nil {
		return listed{err: err}
	}
	records, err := idx.Articles()
	if err != nil {
		idx.Close()
		return listed{err: err}
	}
	return listed{idx: idx, records: records}
}

// unchanged reports whether the index holds an article's current claims: the
// same content and the same metadata (the publication date changes how times
// resolve), stored by this version of crosscheck. The file it was read from
// may have moved: claims do not depend on it.
func unchanged(r index.Record, a *claims.Article) bool {
	return !r.Stale && r.Hash == a.Hash && r.Title == a.Title &&
		r.Outlet == a.Outlet && r.URL == a.URL && r.Published.Equal(a.Published)
}

// workDir makes paths absolute against the working folder it was made in;
// it looks the folder up once (filepath.Abs asks the system every time).
type workDir string

func newWorkDir() workDir {
	wd, _ := os.Getwd()
	return workDir(wd)
}

// samePath reports whether two paths name the same file, one perhaps
// relative to the working folder and the other absolute.
func (w workDir) samePath(a, b string) bool { return a == b || w.absolute(a) == w.absolute(b) }

// absolute is path made absolute, or path when it cannot be.
func (w workDir) absolute(path string) string {
	if filepath.IsAbs(path) {
		return filepath.Clean(path)
	}
	if w == "" {
		return path
	}
	return filepath.Join(string(w), path)
}

// gone reports whether an indexed article's file was removed from the
// corpus: its path lies under one of the given paths and no longer exists.
// An article of another corpus, or one whose file is unreadable for another
// reason, is kept.
func (w workDir) gone(path string, roots []string) bool {
	if path == "" || path == "-" {
		return false
	}
	// Paths given relative to another working folder are compared as
	// absolute ones.
	path = w.absolute(path)
	under := false
	for _, root := range roots {
		rel, err := filepath.Rel(w.absolute(root), path)
		if err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
			under = true
			break
		}
	}
	if !under {
		return false
	}
	_, err := os.Stat(path)
	return errors.Is(err, fs.ErrNotExist)
}

// buildReport puts the comparison into the one value every format renders.
func buildReport(arts []claims.Article, res compare.Result) reports.Report {
	storyOf := map[string]string{}
	for _, s := range res.Stories {
		for _, a := range s.Articles {
			storyOf[a] = s.ID
		}
	}
	r := reports.Report{Stories: res.Stories, Discrepancies: res.Discrepancies, Comparisons: res.Comparisons, FailOn: compare.Warning}
	for _, a := range arts {
		r.Articles = append(r.Articles, reports.ArticleInfo{
			ID: a.ID, Path: a.Path, Title: a.Title, Outlet: a.Outlet, URL: a.URL,
			Published: a.Published, Story: storyOf[a.ID], Claims: res.Claims[a.ID],
		})
	}
	sort.Slice(r.Articles, func(i, j int) bool { return r.Articles[i].ID < r.Articles[j].ID })
	return r
}

// writeHeapProfile writes a profile of the live heap to path.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}
