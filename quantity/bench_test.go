package quantity

import "testing"

// benchArticle is a made-up wire report of about 4 KB, written for this
// benchmark, with the mix of quantities, dates and names real reports have.
const benchArticle = `KYIV/MOSCOW, March 19 (Wire) - Russia and Ukraine exchanged 372 prisoners of war on Wednesday, 175 from each side plus 22 severely wounded Ukrainian soldiers, a day after the Russian and U.S. presidents agreed in a phone call lasting more than two hours to pause strikes on energy facilities for 30 days.

The Kremlin said the call ran for roughly two and a half hours; the White House put it at "at least 90 minutes". Ukraine's President Volodymyr Zelenskiy said in a televised address at 9:30 p.m. that Kyiv would support a 30-day halt "if it is real", but that Russian forces had launched some 40 drones overnight, hitting a hospital in Sumy and leaving about 1,200 residents without power.

Ukraine's air force said it shot down 56 of the 90 drones launched and that six ballistic missiles were fired at the Dnipropetrovsk region. Two people were killed and at least 14 injured, including three children, regional governor Serhiy Lysak said. More than 300 rescuers worked through the night.

The energy truce, if it holds, would be the first concrete step toward ending a war that has killed tens of thousands of soldiers on both sides since February 24, 2022, and displaced nearly a quarter of Ukraine's pre-war population. Russia controls just under 20% of Ukrainian territory, an area of about 113,000 square kilometres (43,600 square miles).

Western officials estimate Russia loses between 1,000 and 1,500 troops a day. Moscow has spent an estimated $211bn on the war, according to a 2024 study, while Ukraine's 2025 budget allocates 2.2 trillion hryvnias ($53 billion) - 26.3 percent of gross domestic product - to defence. The European Union has pledged €50bn over four years, and the United States approved $61 billion in April 2024.

Talks between technical teams are expected to begin in Jeddah, Saudi Arabia, on March 23. A 12-point peace plan proposed by China in 2023 has gained little traction. The U.S. envoy, Steve Witkoff, flew 6,000 miles to Moscow last week and met Putin for almost five hours.

The Zaporizhzhia nuclear power plant, Europe's largest, with six reactors and a capacity of 5,700 megawatts, has been occupied since March 2022. Before the invasion it generated about 20 percent of Ukraine's electricity. The International Atomic Energy Agency keeps a team of 4 to 5 inspectors at the site on rotations of several weeks.

The Black Sea grain corridor, which carried 33 million tonnes of grain before it collapsed in July 2023, has been replaced by a Ukrainian-run route hugging the coast that moved over 60 million tonnes last year. Insurers charge a war-risk premium of 1% of hull value for a seven-day voyage, down from 3 per cent in 2023.

Analysts at the Institute for the Study of War said Russian forces had advanced 4,168 square kilometres in 2024, seven times more than in 2023, at the cost of more than 420,000 casualties. Russia's defence ministry said 1,500 Ukrainian troops were captured in the Kursk region, where Ukraine had seized about 1,300 sq km in August.

"No one should be under illusions," said a senior European diplomat, one of dozens who met in Brussels on Monday for a 3-hour session. "A 30-day ceasefire is a start, not a peace." NATO's Article 5 was not discussed, the diplomat added, speaking on condition of anonymity. The G7 foreign ministers will meet in Charlevoix, Quebec, on March 12-14; Boeing 737 flights to Kyiv remain suspended, and F-16 deliveries continue.

Polls show that 63% of Ukrainians oppose territorial concessions, down from 87% in May 2022, while fewer than half of Russians believe the war will end this year. A quarter of respondents in one survey said they expected fighting to last more than three years. The survey of 2,005 adults, conducted March 1-8 by phone, has a margin of error of 2.2 percentage points.`

func BenchmarkFind(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchArticle)))
	for b.Loop() {
		Find(benchArticle)
	}
}

func BenchmarkNumber(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Number("one hundred seventy-five")
	}
}

func BenchmarkNumbers(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchArticle)))
	for b.Loop() {
		Numbers(benchArticle)
	}
}

func BenchmarkNumberRanges(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchArticle)))
	for b.Loop() {
		NumberRanges(benchArticle)
	}
}

func BenchmarkMeasures(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchArticle)))
	for b.Loop() {
		Measures(benchArticle)
	}
}
