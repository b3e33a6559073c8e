package cluster

// dupIndex holds the sketches of the articles in the near-duplicate window,
// oldest first, with one LSH table per band. Records live in fixed-size
// chunks so memory follows the window without copying; each band table maps
// a band key to its newest record, and records chain to older records with
// the same key by sequence distance, so expiring the oldest record only has
// to drop the table entries that still point at it.
type dupIndex struct {
	chunks []*[dupChunk]dupRec
	base   int64 // sequence number of chunks[0][0]
	head   int64 // oldest live record
	end    int64 // next sequence number
	bands  [lshBands]map[uint64]int64
}

const (
	dupChunk = 1024
	// maxChain bounds the records compared per band: a long chain means
	// boilerplate shared by many articles, not copies.
	maxChain = 32
)

type dupRec struct {
	sig    [SketchSize]uint32
	next   [lshBands]uint32 // distance to the previous record with the same band key; 0 ends the chain
	id     string
	origin string
	t      int64
	slot   int32 // story slot and serial, to find the story while it is active
	serial uint32
}

func newDupIndex() *dupIndex {
	d := &dupIndex{}
	for i := range d.bands {
		d.bands[i] = map[uint64]int64{}
	}
	return d
}

func (d *dupIndex) len() int { return int(d.end - d.head) }

func (d *dupIndex) rec(seq int64) *dupRec {
	off := seq - d.base
	return &d.chunks[off/dupChunk][off%dupChunk]
}

// find returns the live record most similar to sig with estimated Jaccard
// similarity at least minSim; ties go to the newest record.
func (d *dupIndex) find(sig []uint32, minSim float64) (*dupRec, float64) {
	var best *dupRec
	bestSim := minSim
	var seen [lshBands * maxChain]int64
	nseen := 0
	for b := range lshBands {
		seq, ok := d.bands[b][bandKey(sig, b)]
		for steps := 0; ok && seq >= d.head && steps < maxChain; steps++ {
			r := d.rec(seq)
			dup := false
			for _, s := range seen[:nseen] {
				if s == seq {
					dup = true
					break
				}
			}
			if !dup {
				seen[nseen] = seq
				nseen++
				if sim := Resemblance(sig, r.sig[:]); sim > bestSim || sim == bestSim && best == nil {
					best, bestSim = r, sim
				}
			}
			if r.next[b] == 0 {
				break
			}
			seq -= int64(r.next[b])
		}
	}
	return best, bestSim
}

// push adds a record for sig and returns it for the caller to fill in.
func (d *dupIndex) push(sig []uint32) *dupRec {
	if off := d.end - d.base; off/dupChunk == int64(len(d.chunks)) {
		d.chunks = append(d.chunks, new([dupChunk]dupRec))
	}
	seq := d.end
	d.end++
	r := d.rec(seq)
	*r = dupRec{}
	copy(r.sig[:], sig)
	for b := range lshBands {
		k := bandKey(sig, b)
		if prev, ok := d.bands[b][k]; ok && prev >= d.head && seq-prev < 1<<32 {
			r.next[b] = uint32(seq - prev)
		}
		d.bands[b][k] = seq
	}
	return r
}

// expire drops records older than cutoff (unix nanoseconds) and the oldest
// ones beyond capacity.
func (d *dupIndex) expire(cutoff int64, capacity int) {
	for d.head < d.end {
		r := d.rec(d.head)
		if r.t >= cutoff && d.len() <= capacity {
			break
		}
		for b := range lshBands {
			k := bandKey(r.sig[:], b)
			if d.bands[b][k] == d.head {
				delete(d.bands[b], k)
			}
		}
		*r = dupRec{} // release the id strings
		d.head++
		if d.head-d.base == dupChunk {
			d.chunks[0] = nil
			d.chunks = d.chunks[1:]
			d.base += dupChunk
		}
	}
}

// bytes estimates the memory held by the index.
func (d *dupIndex) bytes() int {
	const recSize = SketchSize*4 + lshBands*4 + 2*16 + 8 + 8
	n := len(d.chunks) * dupChunk * recSize
	for _, m := range d.bands {
		n += len(m) * 24 // key, value and swiss-table overhead
	}
	return n
}
