package warc

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// memberStart says that the gzip member at compressed offset c produces the
// uncompressed bytes from offset u on.
type memberStart struct{ u, c int64 }

// gzipStream decompresses concatenated gzip members one at a time, the way
// gzip.Reader's multistream mode does, but remembers where each member
// starts so that a record can name the member it lives in: that is the
// offset Common Crawl indexes give, and the place to look in a corrupt file.
type gzipStream struct {
	src    *bufio.Reader   // compressed input; a ByteReader, so flate does not read ahead
	cnt    *countingReader // under src
	z      *gzip.Reader
	member int64 // compressed offset of the current member
	out    int64 // uncompressed bytes produced
	// starts holds the members that start at or after the oldest position
	// the Reader may still ask about; see prune.
	starts []memberStart
	err    error
}

func newGzipStream(src *bufio.Reader, cnt *countingReader) (*gzipStream, error) {
	g := &gzipStream{src: src, cnt: cnt, starts: []memberStart{{0, 0}}}
	z, err := gzip.NewReader(src)
	if err != nil {
		return nil, g.wrap(err)
	}
	z.Multistream(false)
	g.z = z
	return g, nil
}

func (g *gzipStream) pos() int64 { return g.cnt.n - int64(g.src.Buffered()) }

func (g *gzipStream) wrap(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF {
		return fmt.Errorf("%w: gzip member at %d ends early", ErrTruncated, g.member)
	}
	return fmt.Errorf("%w: gzip member at %d: %v", ErrCorrupt, g.member, err)
}

func (g *gzipStream) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	for {
		n, err := g.z.Read(p)
		g.out += int64(n)
		if err == nil {
			return n, nil
		}
		if err != io.EOF {
			g.err = g.wrap(err)
			return n, g.err
		}
		// The member is complete; start the next one, if any.
		if _, perr := g.src.Peek(1); perr != nil {
			if perr == io.EOF {
				g.err = io.EOF
			} else {
				g.err = fmt.Errorf("after gzip member at %d: %w", g.member, perr)
			}
			if n > 0 {
				return n, nil
			}
			return 0, g.err
		}
		g.member = g.pos()
		if rerr := g.z.Reset(g.src); rerr != nil {
			g.err = g.wrap(rerr)
			if n > 0 {
				return n, nil
			}
			return 0, g.err
		}
		g.z.Multistream(false) // Reset turns it back on
		g.addStart(memberStart{g.out, g.member})
		if n > 0 {
			return n, nil
		}
	}
}

func (g *gzipStream) addStart(s memberStart) {
	// An empty member produces nothing; the member after it holds the
	// bytes from the same offset on.
	if last := &g.starts[len(g.starts)-1]; last.u == s.u {
		*last = s
		return
	}
	g.starts = append(g.starts, s)
}

// memberAt returns the compressed offset of the member holding uncompressed
// offset u, and forgets the members before it: the Reader only moves
// forward, so no later question concerns them.
func (g *gzipStream) memberAt(u int64) int64 {
	i := 0
	for i+1 < len(g.starts) && g.starts[i+1].u <= u {
		i++
	}
	if i > 0 {
		g.starts = append(g.starts[:0], g.starts[i:]...)
	}
	return g.starts[0].c
}
