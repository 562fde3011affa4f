package claims

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Stamps remember, for the files of a corpus, what their file system
// metadata said when they were last read, and what they held: a file whose
// stamp is unchanged is not read again for its hash, so that a run over a
// large corpus of which one file changed reads that file only.
//
// A stamp is the file's size, modification and change times and inode (on
// systems that have them), the hash of its content and its first line (an
// article's title when its metadata gives none). Writing a file changes its
// change time, which no tool sets back, so a file rewritten with its old
// size and modification time is read again. A file changed within two
// seconds before it was read may change again without its times showing
// it (their resolution is coarse on some file systems): it is not stamped.
type Stamps struct {
	Files map[string]Stamp // by absolute path
}

// Stamp is what Stamps keep of one file.
type Stamp struct {
	Size        int64
	Mod, Change int64 // nanoseconds since 1970
	Inode       uint64
	Hash, Title string
	// racy is set for a file changed too shortly before it was read to
	// be stamped, or on a system without change times.
	racy bool
}

// clock is the time a load reads its files at.
var clock = time.Now

// racyWindow is how recent a file's change may be for it to be stamped.
const racyWindow = 2 * time.Second

// stampOf is the stamp of a file of the given info, read at now, without
// its hash and title.
func stampOf(info fs.FileInfo, now time.Time) Stamp {
	s := Stamp{Size: info.Size(), Mod: info.ModTime().UnixNano()}
	var ok bool
	s.Change, s.Inode, ok = changeTime(info)
	s.racy = !ok || now.UnixNano()-max(s.Mod, s.Change) < int64(racyWindow)
	return s
}

// same reports whether a file stamped s then has stamp now.
func (s Stamp) same(now Stamp) bool {
	return s.Size == now.Size && s.Mod == now.Mod && s.Change == now.Change && s.Inode == now.Inode && s.Hash != ""
}

// MarshalText writes the stamps one file a line, in the order of their
// paths: path, size, times, inode, hash and title, separated by tabs.
func (st *Stamps) MarshalText() ([]byte, error) {
	paths := make([]string, 0, len(st.Files))
	for p := range st.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b bytes.Buffer
	b.WriteString("stamps 1\n")
	for _, p := range paths {
		s := st.Files[p]
		if s.racy || strings.ContainsAny(p, "\t\n") || strings.Contains(s.Title, "\n") {
			continue // such a file is read every time
		}
		fmt.Fprintf(&b, "%s\t%d\t%d\t%d\t%d\t%s\t%s\n", p, s.Size, s.Mod, s.Change, s.Inode, s.Hash, s.Title)
	}
	return b.Bytes(), nil
}

// UnmarshalText reads what MarshalText wrote. Lines it cannot read are
// left out: their files are read again.
func (st *Stamps) UnmarshalText(data []byte) error {
	st.Files = map[string]Stamp{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() || sc.Text() != "stamps 1" {
		return nil
	}
	for sc.Scan() {
		f := strings.SplitN(sc.Text(), "\t", 7)
		if len(f) != 7 {
			continue
		}
		var s Stamp
		var err [4]error
		s.Size, err[0] = strconv.ParseInt(f[1], 10, 64)
		s.Mod, err[1] = strconv.ParseInt(f[2], 10, 64)
		s.Change, err[2] = strconv.ParseInt(f[3], 10, 64)
		s.Inode, err[3] = strconv.ParseUint(f[4], 10, 64)
		if err != [4]error{} || len(f[5]) != 64 {
			continue
		}
		s.Hash, s.Title = f[5], f[6]
		st.Files[f[0]] = s
	}
	return nil
}
