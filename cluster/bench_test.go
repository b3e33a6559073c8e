package cluster

import (
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/streamgen"
)

// benchStream is the synthetic stream the benchmarks run on: n articles
// over 30 days, so a larger stream is a denser one and the 72h window holds
// about a tenth of it.
func benchStream(n int) streamgen.Config {
	return streamgen.Config{Seed: 1, Articles: n, Span: 30 * 24 * time.Hour}
}

// BenchmarkAdd measures Clusterer.Add per article over whole synthetic
// streams of 10k, 100k and 1M articles. Features are computed once per
// stream size, before timing (the 1M stream holds about 1 GB of them). Metrics: ns/article (wall clock, Add only), cpu-ns/article
// (process CPU time, GC included), tail-ns/article (the last tenth of the
// stream, to show the cost stays flat), B/article (heap held by the
// clusterer at nine tenths of the stream, from runtime.MemStats after GC,
// divided by the articles of the active stories then) and est-B/article (the same
// from Stats.Bytes). The 1M stream takes minutes to generate; -short skips
// streams over 10k.
func BenchmarkAdd(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("stream=%d", n), func(b *testing.B) { runStream(b, n, false) })
	}
}

// BenchmarkNaiveAllPairs is the baseline for BenchmarkAdd: the same
// clusterer, but every article is scored against every active story
// instead of the candidates from the inverted index.
func BenchmarkNaiveAllPairs(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("stream=%d", n), func(b *testing.B) { runStream(b, n, true) })
	}
}

// streamInputs holds the features of the last stream generated, so that
// sub-benchmarks rerun with a larger b.N do not generate it again.
var streamInputs struct {
	n   int
	ins []Input
}

func inputs(n int) []Input {
	if streamInputs.n == n {
		return streamInputs.ins
	}
	streamInputs.ins = nil
	runtime.GC()
	gen := streamgen.New(benchStream(n))
	fz := NewFeaturizer()
	ins := make([]Input, 0, n)
	for {
		it, ok := gen.Next()
		if !ok {
			break
		}
		in := fz.Features(it.Article.Title, it.Article.Body, nil)
		in.ID, in.Time = it.Article.ID, it.Article.Published
		in.Title = ""
		ins = append(ins, in)
	}
	streamInputs.n, streamInputs.ins = n, ins
	return ins
}

func runStream(b *testing.B, n int, exhaustive bool) {
	if testing.Short() && n > 10_000 {
		b.Skip("long stream")
	}
	ins := inputs(n)
	// Memory is measured at nine tenths of the stream, where the window is
	// full; at the very end only the tails of the last stories remain.
	probe := n - n/10
	var wall, cpu, tail time.Duration
	var mem, est, window, recent float64
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		c := New(Config{})
		c.exhaustive = exhaustive
		b.StartTimer()
		step := min(1000, max(1, n/20))
		for lo := 0; lo < n; lo += step {
			hi := min(lo+step, n)
			c0, t0 := cpuTime(), time.Now()
			for i := lo; i < hi; i++ {
				c.Add(ins[i])
			}
			d := time.Since(t0)
			wall += d
			cpu += cpuTime() - c0
			if lo >= probe {
				tail += d
			}
			if hi == probe || lo < probe && hi > probe {
				b.StopTimer()
				runtime.GC()
				var after runtime.MemStats
				runtime.ReadMemStats(&after)
				st := c.Stats()
				window += float64(st.WindowArticles)
				recent += float64(st.DupArticles)
				mem += float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(max(1, st.WindowArticles))
				est += float64(st.Bytes) / float64(max(1, st.WindowArticles))
				b.StartTimer()
			}
		}
		runtime.KeepAlive(c)
	}
	b.StopTimer()
	per := float64(b.N * n)
	b.ReportMetric(float64(wall.Nanoseconds())/per, "ns/article")
	b.ReportMetric(float64(cpu.Nanoseconds())/per, "cpu-ns/article")
	b.ReportMetric(float64(tail.Nanoseconds())/(float64(b.N)*float64(n-probe)), "tail-ns/article")
	b.ReportMetric(mem/float64(b.N), "B/article")
	b.ReportMetric(est/float64(b.N), "est-B/article")
	b.ReportMetric(window/float64(b.N), "window-articles")
	b.ReportMetric(recent/float64(b.N), "72h-articles")
}

// cpuTime is the CPU time used by the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkFeatures measures Features on a realistic news article.
func BenchmarkFeatures(b *testing.B) {
	fz := NewFeaturizer()
	b.ReportAllocs()
	b.SetBytes(int64(len(benchArticle)))
	for b.Loop() {
		fz.Features(benchTitle, benchArticle, nil)
	}
}

// BenchmarkMinHash measures the near-duplicate sketch alone.
func BenchmarkMinHash(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchArticle)))
	for b.Loop() {
		MinHash(benchArticle)
	}
}

const benchTitle = "Port strike halts container traffic as talks collapse"

// benchArticle is a news report written for these benchmarks.
const benchArticle = `ROTTERDAM — Container traffic at the port of Vellmar came to a standstill on Tuesday after dock workers walked out for the second time this month, leaving more than 40 ships waiting at anchor and freight forwarders scrambling to reroute cargo.

The strike, called by the Harbour Workers' Union after overnight talks with the port employers' association broke down, is expected to last at least 48 hours. Union leader Marta Oosterhuis said members had rejected a pay offer of 3.5 percent, arguing that it fell far short of inflation over the past two years.

"We have been patient for eighteen months," Oosterhuis told reporters outside the terminal gates. "The employers have made record profits and now they ask us to accept a real-terms pay cut. That is not going to happen."

The employers' association said in a statement that its offer was "fair and final" and accused the union of holding the regional economy hostage. A spokesman, Pieter van Dam, said the walkout would cost the port about €25 million a day in lost handling fees and could push shipping lines to divert vessels to rival ports in Antwerp and Hamburg.

Logistics companies reported delays across the supply chain. One freight forwarder, who asked not to be named, said perishable goods were already being flown in at several times the usual cost. Supermarket chains said shelves were stocked for now but warned of shortages of fresh produce if the dispute dragged on into next week.

The economy ministry urged both sides to return to the table and offered a mediator. Economy Minister Hans Kuiper said the government would not intervene directly but was "monitoring the situation closely" given the port's importance to national trade.

The last major strike at Vellmar, in 2019, lasted five days and cost an estimated €140 million, according to figures published by the port authority at the time.`
