package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The exit codes, in one place.
const (
	exitOK    = 0
	exitError = 1 // the corpus could not be written
	exitUsage = 2
)

const usage = `usage: gencorpus -n N -out DIR [-stories S] [-seed K] [-rate R] [-neg-rate Q]

Writes a synthetic news corpus with known discrepancies, for measuring
crosscheck at scale. The same flags always give byte-identical files.

DIR must be new or empty. It receives, flat:
  <story>-<k>.txt  N articles of 400 to 1,200 words: a headline, a blank
                   line, then paragraphs separated by blank lines
  articles.yaml    title, outlet, url and published date of every article
  gold.json        stories, planted positives and negatives and identity
                   groups, in the form score.py reads

Flags:
  -n N          number of articles, at least 2 (required)
  -stories S    number of stories, 1 to N/2 (default N/8)
  -seed K       seed of the generator (default 1)
  -rate R       planted discrepancies per article (default 0.3)
  -neg-rate Q   planted agreeing restatements per article (default 0.2)
  -out DIR      output folder (required)

Example:
  gencorpus -n 10000 -stories 1250 -seed 7 -out /tmp/corpus10k
  crosscheck report --format json /tmp/corpus10k > report.json
  python3 shared/eval/score.py /tmp/corpus10k/gold.json report.json
`

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// usageError is a mistake on the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// parseFlags reads the command line into a config.
func parseFlags(args []string) (config, error) {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var cfg config
	fs.IntVar(&cfg.n, "n", 0, "")
	fs.IntVar(&cfg.stories, "stories", 0, "")
	fs.Uint64Var(&cfg.seed, "seed", 1, "")
	fs.Float64Var(&cfg.rate, "rate", 0.3, "")
	fs.Float64Var(&cfg.neg, "neg-rate", 0.2, "")
	fs.StringVar(&cfg.out, "out", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, err
		}
		return cfg, usageError{err.Error()}
	}
	switch {
	case fs.NArg() > 0:
		return cfg, usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	case cfg.n < 2:
		return cfg, usageError{fmt.Sprintf("-n must be at least 2, got %d", cfg.n)}
	case cfg.n > 10_000_000:
		return cfg, usageError{fmt.Sprintf("-n must be at most 10000000, got %d", cfg.n)}
	case cfg.stories < 0:
		return cfg, usageError{fmt.Sprintf("-stories must not be negative, got %d", cfg.stories)}
	case cfg.stories > cfg.n/2:
		return cfg, usageError{fmt.Sprintf("-stories must be at most N/2 = %d so that every story has two articles, got %d", cfg.n/2, cfg.stories)}
	case cfg.rate < 0 || cfg.rate > 2:
		return cfg, usageError{fmt.Sprintf("-rate must be between 0 and 2, got %g", cfg.rate)}
	case cfg.neg < 0 || cfg.neg > 2:
		return cfg, usageError{fmt.Sprintf("-neg-rate must be between 0 and 2, got %g", cfg.neg)}
	case cfg.out == "":
		return cfg, usageError{"-out is required"}
	}
	if cfg.stories == 0 {
		cfg.stories = max(1, cfg.n/8)
	}
	return cfg, nil
}

func run(args []string, stderr io.Writer) int {
	cfg, err := parseFlags(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stderr, usage)
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "gencorpus: %v\n\n%s", err, usage)
		return exitUsage
	}
	if err := prepareDir(cfg.out); err != nil {
		fmt.Fprintf(stderr, "gencorpus: %v\n", err)
		return exitUsage
	}
	start := time.Now()
	sum, err := write(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "gencorpus: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stderr, "gencorpus: %d articles, %d stories, %d words, %d positives (%s), %d negatives, %d bytes in %s (%.1fs)\n",
		cfg.n, cfg.stories, sum.words, sum.positives, sum.byKind, sum.negatives, sum.bytes, cfg.out, time.Since(start).Seconds())
	return exitOK
}

// prepareDir makes dir when it does not exist; an existing dir must be an
// empty folder, so that no stale article survives into the corpus.
func prepareDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("create output folder: %w", err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("output folder %s: %w", dir, err)
	case len(entries) > 0:
		return fmt.Errorf("output folder %s is not empty; give a new or empty folder", dir)
	}
	return nil
}

// summary counts what write wrote.
type summary struct {
	words, bytes         int64
	positives, negatives int
	byKind               string
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

var errStopped = errors.New("stopped after an earlier error")

// write generates the corpus described by cfg into cfg.out. Stories are
// generated in parallel, each from its own seeded generator, and their
// metadata and gold entries are written in story order.
func write(cfg config) (summary, error) {
	var sum summary
	c := planCorpus(cfg)

	yf, err := os.Create(filepath.Join(cfg.out, "articles.yaml"))
	if err != nil {
		return sum, fmt.Errorf("create metadata: %w", err)
	}
	defer yf.Close()
	yc := &countingWriter{w: yf}
	yw := bufio.NewWriterSize(yc, 1<<20)

	// More workers than processors, so that writing files overlaps.
	workers := 4 * runtime.GOMAXPROCS(0)
	jobs := make(chan int)
	results := make(chan *storyOut, workers)
	tokens := make(chan struct{}, 4*workers)
	var stop atomic.Bool
	go func() {
		for i := range c.stories {
			tokens <- struct{}{}
			jobs <- i
		}
		close(jobs)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for i := range jobs {
				if stop.Load() {
					results <- &storyOut{idx: i, err: errStopped}
					continue
				}
				results <- newStoryGen(c, &c.stories[i]).generate(cfg.out, &buf)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	gold, err := newGoldWriter(cfg.out)
	if err != nil {
		return sum, err
	}
	defer gold.remove()
	var (
		first   error
		pending = map[int]*storyOut{}
		next    int
	)
	for out := range results {
		pending[out.idx] = out
		for pending[next] != nil {
			o := pending[next]
			delete(pending, next)
			<-tokens
			sp := &c.stories[next]
			next++
			if o.err != nil && first == nil {
				first = fmt.Errorf("story %s: %w", sp.id, o.err)
				stop.Store(true)
			}
			if first != nil {
				continue
			}
			yw.Write(o.yaml)
			gold.addStory(sp.id, sp.articleIDs)
			for i, p := range o.positives {
				gold.addPositive(p, o.primary[i])
			}
			for _, n := range o.negatives {
				gold.addNegative(n)
			}
			sum.words += o.words
			sum.bytes += o.bytes
		}
	}
	if first != nil {
		return sum, first
	}
	if err := yw.Flush(); err != nil {
		return sum, fmt.Errorf("write metadata: %w", err)
	}
	if err := yf.Close(); err != nil {
		return sum, fmt.Errorf("write metadata: %w", err)
	}

	var groups [][]string
	for i := range c.pool.people {
		if p := &c.pool.people[i]; p.used {
			groups = append(groups, p.forms())
		}
	}
	about := fmt.Sprintf("Synthetic corpus written by gencorpus -n %d -stories %d -seed %d -rate %g -neg-rate %g. "+
		"'article' is the file's stem; 'contains' is a distinctive part of one sentence of it (for a name-variant, the surname spelling); "+
		"'line' is the 1-based line of the paragraph that holds it.", cfg.n, cfg.stories, cfg.seed, cfg.rate, cfg.neg)
	gsize, err := gold.finish(about, groups)
	if err != nil {
		return sum, err
	}
	sum.bytes += yc.n + gsize

	sum.positives, sum.negatives = gold.nPos, gold.nNeg
	var parts []string
	for k := range numKinds {
		parts = append(parts, fmt.Sprintf("%s %d", k, gold.posByKind[k]))
	}
	sum.byKind = strings.Join(parts, ", ")
	return sum, nil
}
