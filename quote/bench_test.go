package quote

import (
	"testing"

	"github.com/parallax-news/parallax"
)

// benchArticle is a ~4 KB wire-style report written for these tests, with
// the constructions the stage handles: quotes before and after their
// speaker, a split quote, a multi-paragraph quote, partial quotes,
// readouts, "according to", pronouns and outlet-voice sentences.
const benchArticle = `Leaders agree on grain corridor, but Kyiv warns of 'empty words'

ISTANBUL — Turkish President Recep Tayyip Erdogan said on Friday that Russia and Ukraine had agreed to reopen a shipping corridor for grain, a deal he called "a turning point for millions of hungry people."

The agreement, signed in Istanbul after two days of talks, allows cargo ships to leave three Ukrainian ports under the supervision of a joint coordination center, according to a statement from the Turkish presidency.

"This is not only about Ukraine and Russia. It is about the food on the tables of families in Africa and Asia," Erdogan told reporters at the signing ceremony.

UN Secretary-General Antonio Guterres, who attended the ceremony, described the deal as "a beacon of hope." He added that the United Nations would monitor every ship.

The Kremlin said the corridor would stay open for 120 days. Its readout of a call between Vladimir Putin and Erdogan said Moscow expected "concrete steps" on Western sanctions in return.

"We have fulfilled all our obligations," Kremlin spokesman Dmitry Peskov said. "Now it is up to our partners."

Ukrainian officials were more cautious. Foreign Minister Dmytro Kuleba said Kyiv would judge Moscow by its actions, not its signatures.

"We have seen Russia break agreements before," Kuleba wrote in a post on social media. "If the ships are attacked, the deal is dead.

"Our navy will be ready either way."

The corridor covers about 20 million tonnes of grain stuck in silos since the invasion began, according to the UN's World Food Programme. Prices for wheat fell 4 percent on the news, traders said.

Putin also told Erdogan that Russian warships would not approach the convoys, adding that the Black Sea Fleet would "ensure safety in its zone," the Kremlin reported.

Kuleba, speaking on national television late on Friday, called the Russian promises "empty words" and said Ukraine would escort the ships itself if needed.

"Russia's word means nothing," he said, "until the first ship reaches the Bosphorus."

The deal does not cover fertilizer exports, which Moscow has long demanded. A spokesperson for the European Commission said the bloc would "study the text carefully" before commenting on sanctions relief.

In what the Turkish presidency described as a "historic moment," delegations from both countries shook hands with Erdogan but did not speak to each other.

The first ship is expected to leave Odesa next week, the UN said in a statement. It said inspections would take place in Istanbul.

Analysts said the corridor could ease global food prices within weeks, but warned that the deal remained fragile. "Everything depends on whether the guns stay silent in the Black Sea," said Elena Markova, a researcher at the Carnegie Endowment.

Markova noted that earlier local truces had collapsed within days. She said insurers would hesitate to cover ships until the first convoys passed safely, and that freight rates were likely to stay high through the autumn.

Shipping companies were also wary. "Nobody will send a vessel into a war zone on the strength of a press conference," a senior executive at a Greek shipping firm said, speaking on condition of anonymity because he was not authorized to talk to reporters.

Guterres told the Security Council on Saturday that the agreement was "the best chance we have had in months" and urged both sides to respect it. According to the United Nations, the coordination center will be staffed by officials from Turkey, Russia, Ukraine and the UN.

Peskov, asked whether Putin would meet Zelenskyy, said there were no such plans. The Ukrainian president's office did not respond to a request for comment.

The port of Odesa handled more than half of Ukraine's grain exports before the war, according to industry data.`

func benchDoc() *parallax.Document {
	return newDoc(benchArticle,
		person("Recep Tayyip Erdogan", "Erdogan").titled("Turkish President"),
		person("Antonio Guterres", "Guterres").titled("UN Secretary-General"),
		person("Vladimir Putin", "Putin").titled("Russian President"),
		person("Dmitry Peskov", "Peskov").titled("Kremlin spokesman"),
		person("Dmytro Kuleba", "Kuleba").titled("Foreign Minister"),
		person("Elena Markova", "Markova"),
		person("Volodymyr Zelenskyy", "Zelenskyy").titled("Ukrainian president"),
		gov("Kremlin"),
		org("United Nations", "UN"),
		org("World Food Programme"),
		org("European Commission"),
		org("Carnegie Endowment"),
		place("Russia"), place("Ukraine"), place("Kyiv"), place("Moscow"), place("Istanbul"), place("Odesa"), place("Turkey"),
	)
}

func BenchmarkFind(b *testing.B) {
	doc := benchDoc()
	b.ReportAllocs()
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		Find(doc)
	}
}
