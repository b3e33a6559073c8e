package dates

import (
	"testing"
	"time"
)

// benchArticle is a realistic wire report (written for this benchmark) dense
// with the expressions this package resolves.
const benchArticle = `Floodwaters rise along the Danube as parliament delays emergency vote

VIENNA — Rescue crews worked through Tuesday night to reinforce levees along the Danube after three days of heavy rain pushed the river to its highest level since 2013, officials said on Wednesday.
The regional government said more than 2,400 residents had been evacuated from low-lying districts since Sunday, and that a further 1,300 homes were without power on Wednesday morning. Emergency services reported four deaths, two of them in the town of Krems, where a bridge collapsed late Monday.
Chancellor Anna Berger, who flew over the worst-hit areas earlier in the day, said the damage would run to "several hundred million euros" and promised that aid would reach families "within days, not months."
Parliament had been scheduled to vote on an emergency relief package on Thursday, but the speaker said on Tuesday that the session would be moved to next week because several lawmakers could not reach Vienna. The vote is now expected to take place on Monday, March 24, according to a statement from the speaker's office.
The opposition Green party accused the government of repeating the mistakes of June 2013, when floods caused damage estimated at 870 million euros. "We were told in 2013 that this would never happen again," party leader Markus Hofer told reporters Wednesday evening. "Twelve years later, the same levees are failing."
The environment ministry said last month that only 60 percent of the flood defences planned after 2013 had been completed. A report published on 14 February 2025 found that work on the Krems section was not due to finish until mid-2026.
Meteorologists expect the rain to ease by Friday, although the national weather service warned that water levels downstream in Hungary would not peak until early April. Hungarian authorities said they were preparing sandbags and would decide on evacuations tomorrow.
The European Commission said it stood ready to help. A spokesperson said Austria could apply for money from the EU Solidarity Fund, which paid out 1.2 billion euros after floods in central Europe in September last year.
Insurers said claims filed since the weekend already exceeded those of the whole of last year. One insurer, which asked not to be named, said it had received 5,000 claims by Tuesday evening, compared with 3,100 in the first two weeks of the 2024 floods.
Residents of Krems said the water rose faster than three days ago, when the first warnings were issued. "On Sunday it was at the doorstep. By Monday it was in the kitchen," said Elisabeth Wagner, 67, who has lived in the town since 1982.
The army deployed 600 soldiers on Monday and will send 400 more on Thursday, the defence ministry said. Troops will stay from March 20 to 28 and again in the first week of April. The ministry said on 3/18/2025 that helicopters would remain on standby until at least the end of March.
The rain began on Saturday, March 15, and the heaviest falls came the next day, when some stations recorded more than 120 millimetres in 24 hours. Forecasters said similar events had occurred in August 2002 and in June 2013, but that the intervals between them were growing shorter.
Berger said she would visit Krems again tomorrow and would meet mayors of the affected districts later this week. Flood insurance claims rose in the fourth quarter of 2024 and over the past three weeks, the worst since the 1990s. Her office said a reconstruction plan would be presented next month and debated in parliament in May.
The Danube is expected to fall below the alert level by Sunday, officials said, though they warned that the ground would remain saturated for weeks and that any new rain could bring the river back up quickly. Schools in the affected districts will stay closed until next Tuesday.
`

func BenchmarkFind(b *testing.B) {
	ref := time.Date(2025, 3, 19, 18, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	b.SetBytes(int64(len(benchArticle)))
	for b.Loop() {
		Find(benchArticle, ref)
	}
}

func BenchmarkFindUnpublished(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchArticle)))
	for b.Loop() {
		Find(benchArticle, time.Time{})
	}
}

func BenchmarkPeriods(b *testing.B) {
	ref := time.Date(2025, 3, 19, 18, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	b.SetBytes(int64(len(benchArticle)))
	for b.Loop() {
		Periods(benchArticle, ref)
	}
}
