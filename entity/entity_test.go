package entity

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// want describes one expected entity. Mentions are written as "surface" or
// "surface#n" for the n-th occurrence (from 0) of surface in the text, which
// the test turns into exact byte spans.
type want struct {
	name     string
	typ      parallax.EntityType
	title    string
	mentions []string
}

func p(name, title string, m ...string) want { return want{name, parallax.Person, title, m} }
func o(name string, m ...string) want        { return want{name, parallax.Organization, "", m} }
func l(name string, m ...string) want        { return want{name, parallax.Place, "", m} }
func g(name string, m ...string) want        { return want{name, parallax.Government, "", m} }

// spanOf resolves "surface#n" in text.
func spanOf(t *testing.T, text, ref string) parallax.Span {
	t.Helper()
	surface, n := ref, 0
	if i := strings.LastIndexByte(ref, '#'); i > 0 {
		k, err := strconv.Atoi(ref[i+1:])
		if err == nil {
			surface, n = ref[:i], k
		}
	}
	off := 0
	for {
		i := strings.Index(text[off:], surface)
		if i < 0 {
			t.Fatalf("mention %q not in text", ref)
		}
		if n == 0 {
			return parallax.Span{Start: off + i, End: off + i + len(surface)}
		}
		n--
		off += i + len(surface)
	}
}

func TestRecognize(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want // every entity, in order of first mention
	}{
		{
			name: "title cue with demonym",
			text: "Russian President Vladimir Putin spoke to reporters in Moscow on Tuesday.",
			want: []want{p("Vladimir Putin", "Russian President", "Vladimir Putin"), l("Moscow", "Moscow")},
		},
		{
			name: "acronym nationality and possessive",
			text: "U.S. President Donald Trump's proposal was welcomed. Trump said talks would continue.",
			want: []want{l("United States", "U.S."), p("Donald Trump", "U.S. President", "Donald Trump", "Trump#1")},
		},
		{
			name: "lower-case title and bare surname",
			text: "US special envoy Steve Witkoff met officials. Witkoff said the meeting went well.",
			want: []want{l("United States", "US"), p("Steve Witkoff", "US special envoy", "Steve Witkoff", "Witkoff#1")},
		},
		{
			name: "institution in title",
			text: "Kremlin spokesperson Dmitry Peskov told reporters that Moscow was ready.",
			want: []want{g("Kremlin", "Kremlin"), p("Dmitry Peskov", "Kremlin spokesperson", "Dmitry Peskov"), l("Moscow", "Moscow")},
		},
		{
			name: "multi-word title with of",
			text: "The talks were led by Secretary of State Marco Rubio. Rubio later flew home.",
			want: []want{p("Marco Rubio", "Secretary of State", "Marco Rubio", "Rubio#1")},
		},
		{
			name: "long title",
			text: "Russian Deputy Foreign Minister Alexander Grushko said on Monday that NATO must stay away.",
			want: []want{p("Alexander Grushko", "Russian Deputy Foreign Minister", "Alexander Grushko"), o("NATO", "NATO")},
		},
		{
			name: "Zelensky spellings fold into one person",
			text: "Ukrainian President Volodymyr Zelenskyy spoke in Kyiv. Later, Zelensky said the plan was fair.",
			want: []want{p("Volodymyr Zelenskyy", "Ukrainian President", "Volodymyr Zelenskyy", "Zelensky#1"), l("Kyiv", "Kyiv")},
		},
		{
			name: "Kiev and Kyiv are one place",
			text: "Aid will flow to Kiev. Officials in Kyiv welcomed it.",
			want: []want{l("Kyiv", "Kiev", "Kyiv")},
		},
		{
			name: "Kremlin readout",
			text: "According to the Kremlin readout, the call lasted two hours. The Kremlin said more talks were planned.",
			want: []want{g("Kremlin", "Kremlin", "Kremlin#1")},
		},
		{
			name: "capital as subject and as actor of a causative is government",
			text: "Washington hoped its proposal would convince Moscow to accept a ceasefire.",
			want: []want{g("Washington", "Washington"), g("Moscow", "Moscow")},
		},
		{
			name: "capital as plain object is a place",
			text: "The delegation will visit Moscow to attend the talks, which led Washington to restart aid.",
			want: []want{l("Moscow", "Moscow"), g("Washington", "Washington")},
		},
		{
			name: "capital with modal verb and adverb",
			text: "Moscow will also hand over 23 wounded soldiers to Kyiv, the Kremlin reported.",
			want: []want{g("Moscow", "Moscow"), l("Kyiv", "Kyiv"), g("Kremlin", "Kremlin")},
		},
		{
			name: "coordinated capitals",
			text: "He said Washington and Moscow have already begun discussing assets.",
			want: []want{g("Washington", "Washington"), g("Moscow", "Moscow")},
		},
		{
			name: "capital possessive with political noun",
			text: "The plan needs Moscow's support, but tourists still crowd Moscow's streets.",
			want: []want{g("Moscow", "Moscow"), l("Moscow", "Moscow#1")},
		},
		{
			name: "Trump-Putin call is two persons",
			text: "President Donald Trump spoke with Russian President Vladimir Putin. The Trump-Putin call lasted two hours.",
			want: []want{
				p("Donald Trump", "President", "Donald Trump", "Trump#1"),
				p("Vladimir Putin", "Russian President", "Vladimir Putin", "Putin#1"),
			},
		},
		{
			name: "hyphenated country pair",
			text: "The deal marks a shift in U.S.-Russia relations and the Russia-Ukraine war.",
			want: []want{l("United States", "U.S."), l("Russia", "Russia", "Russia#1"), l("Ukraine", "Ukraine")},
		},
		{
			name: "sentence openers are not names",
			text: "However, the talks stalled. On Tuesday, officials met again. According to officials, nothing changed.",
			want: nil,
		},
		{
			name: "Black Sea moratorium",
			text: "Both sides backed the Black Sea moratorium on firing.",
			want: []want{l("Black Sea", "Black Sea")},
		},
		{
			name: "Truth Social is not a person",
			text: "Trump wrote in a Truth Social post that the war must end.",
			want: []want{p("Trump", "", "Trump"), o("Truth Social", "Truth Social")},
		},
		{
			name: "prime minister",
			text: "British Prime Minister Keir Starmer met French officials in Paris.",
			want: []want{p("Keir Starmer", "British Prime Minister", "Keir Starmer"), l("Paris", "Paris")},
		},
		{
			name: "abbreviated titles",
			text: "Gov. Gavin Newsom of California and Sen. Lindsey Graham traded barbs, while Dr. Anthony Fauci stayed silent.",
			want: []want{
				p("Gavin Newsom", "Gov.", "Gavin Newsom"),
				l("California", "California"),
				p("Lindsey Graham", "Sen.", "Lindsey Graham"),
				p("Anthony Fauci", "Dr.", "Anthony Fauci"),
			},
		},
		{
			name: "mayor, chief executive and judge",
			text: "Mayor Eric Adams spoke after Chief Executive Tim Cook of Apple, and Judge Tanya Chutkan ruled later.",
			want: []want{
				p("Eric Adams", "Mayor", "Eric Adams"),
				p("Tim Cook", "Chief Executive", "Tim Cook"),
				o("Apple", "Apple"),
				p("Tanya Chutkan", "Judge", "Tanya Chutkan"),
			},
		},
		{
			name: "courtesy title is no role",
			text: "Mr. Putin declined to comment.",
			want: []want{p("Putin", "", "Putin")},
		},
		{
			name: "role anaphora with nationality",
			text: "Russian President Vladimir Putin and U.S. President Donald Trump spoke. The Russian president later said he was pleased, and the U.S. president agreed.",
			want: []want{
				p("Vladimir Putin", "Russian President", "Vladimir Putin", "The Russian president"),
				l("United States", "U.S.", "U.S.#1"),
				p("Donald Trump", "U.S. President", "Donald Trump", "the U.S. president"),
			},
		},
		{
			name: "ambiguous bare role stays unresolved",
			text: "Russian President Vladimir Putin called U.S. President Donald Trump. The president said nothing.",
			want: []want{
				p("Vladimir Putin", "Russian President", "Vladimir Putin"),
				l("United States", "U.S."),
				p("Donald Trump", "U.S. President", "Donald Trump"),
			},
		},
		{
			name: "leader and envoy anaphora",
			text: "White House special envoy Steve Witkoff met Russian President Vladimir Putin. The envoy said the Russian leader was serious.",
			want: []want{
				g("White House", "White House"),
				p("Steve Witkoff", "White House special envoy", "Steve Witkoff", "The envoy"),
				p("Vladimir Putin", "Russian President", "Vladimir Putin", "the Russian leader"),
			},
		},
		{
			name: "appositive titles both ways",
			text: "Dmitry Peskov, Putin's spokesperson, told reporters that Russia's foreign minister, Sergei Lavrov, would travel.",
			want: []want{
				p("Dmitry Peskov", "spokesperson", "Dmitry Peskov"),
				p("Putin", "", "Putin"),
				l("Russia", "Russia"),
				p("Sergei Lavrov", "Russia's foreign minister", "Sergei Lavrov"),
			},
		},
		{
			name: "two people share a surname",
			text: "Steve Witkoff arrived first. His son Alex Witkoff followed. Witkoff said the trip was private.",
			want: []want{p("Steve Witkoff", "", "Steve Witkoff"), p("Alex Witkoff", "", "Alex Witkoff", "Witkoff#2")},
		},
		{
			name: "dateline and wire service",
			text: "WASHINGTON (AP) - The White House said on Tuesday that talks would resume.",
			want: []want{l("Washington", "WASHINGTON"), o("AP", "AP"), g("White House", "White House")},
		},
		{
			name: "title-case headline needs support from the body",
			text: "Trump And Putin Agree On Energy Truce\n\nPresident Donald Trump and Russian President Vladimir Putin agreed on a truce.",
			want: []want{
				p("Donald Trump", "President", "Trump", "Donald Trump"),
				p("Vladimir Putin", "Russian President", "Putin", "Vladimir Putin"),
			},
		},
		{
			name: "plural sentence opener with speech verb",
			text: "Analysts say the deal is fragile. Diplomats said little.",
			want: nil,
		},
		{
			name: "acronym defined in parentheses",
			text: "The Ukrainian Grain Export Association (UGEA) warned of delays. UGEA said ports were blocked.",
			want: []want{o("Ukrainian Grain Export Association", "Ukrainian Grain Export Association", "UGEA", "UGEA#1")},
		},
		{
			name: "organization suffix beats speech verb",
			text: "Acme Chemicals said its plant in Zaporizhzhia was damaged.",
			want: []want{o("Acme Chemicals", "Acme Chemicals"), l("Zaporizhzhia", "Zaporizhzhia")},
		},
		{
			name: "shouting and events are not entities",
			text: "We need a Complete Ceasefire and an END to this War, he wrote, calling it the worst since World War II.",
			want: nil,
		},
		{
			name: "months and pronouns",
			text: "On March 23, he said they would meet in Jeddah, Saudi Arabia.",
			want: []want{l("Jeddah", "Jeddah"), l("Saudi Arabia", "Saudi Arabia")},
		},
		{
			name: "given name that is a month",
			text: "Former prime minister Theresa May said the vote was close.",
			want: []want{p("Theresa May", "Former prime minister", "Theresa May")},
		},
		{
			name: "middle initial",
			text: "Former president George W. Bush said he was worried.",
			want: []want{p("George W. Bush", "Former president", "George W. Bush")},
		},
		{
			name: "given name before a place name",
			text: "Michael Jordan said he would visit Jordan.",
			want: []want{p("Michael Jordan", "", "Michael Jordan"), l("Jordan", "Jordan#1")},
		},
		{
			name: "seats of power",
			text: "Downing Street said the Élysée had been informed, and the Pentagon declined to comment.",
			want: []want{g("Downing Street", "Downing Street"), g("Élysée", "Élysée"), o("Pentagon", "Pentagon")},
		},
		{
			name: "Kyiv would agree",
			text: "Ukraine President Volodymyr Zelenskyy said last week that Kyiv would agree to a 30-day ceasefire.",
			want: []want{
				l("Ukraine", "Ukraine"),
				p("Volodymyr Zelenskyy", "Ukraine President", "Volodymyr Zelenskyy"),
				g("Kyiv", "Kyiv"),
			},
		},
		{
			name: "curly possessive and plural possessive",
			text: "The United Nations’ International Atomic Energy Agency criticized Trump’s plan, and President Trump replied.",
			want: []want{
				o("United Nations", "United Nations"),
				o("IAEA", "International Atomic Energy Agency"),
				p("Trump", "President", "Trump", "Trump#1"),
			},
		},
		{
			name: "possessive country in title",
			text: "Ukraine’s President Volodymyr Zelensky has already agreed to the US-proposed ceasefire.",
			want: []want{
				l("Ukraine", "Ukraine"),
				p("Volodymyr Zelensky", "Ukraine’s President", "Volodymyr Zelensky"),
				l("United States", "US"),
			},
		},
		{
			name: "connector names",
			text: "Syria's former leader Bashar al-Assad met Saudi Crown Prince Mohammed bin Salman in Riyadh.",
			want: []want{
				l("Syria", "Syria"),
				p("Bashar al-Assad", "Syria's former leader", "Bashar al-Assad"),
				l("Saudi Arabia", "Saudi"),
				p("Mohammed bin Salman", "Saudi Crown Prince", "Mohammed bin Salman"),
				l("Riyadh", "Riyadh"),
			},
		},
		{
			name: "hyphenated given name",
			text: "Jean-Claude Juncker said Europe would respond.",
			want: []want{p("Jean-Claude Juncker", "", "Jean-Claude Juncker"), l("Europe", "Europe")},
		},
		{
			name: "unknown place after preposition",
			text: "Fighting continued near Pokrovsk and in Velyka Novosilka on Sunday.",
			want: []want{l("Pokrovsk", "Pokrovsk"), l("Velyka Novosilka", "Velyka Novosilka")},
		},
		{
			name: "quoted speaker inversion",
			text: `"We are ready," said Kallas.`,
			want: []want{p("Kallas", "", "Kallas")},
		},
		{
			name: "media and outlets",
			text: "Grushko said in an interview with Izvestia, according to an NBC News translation cited by Bloomberg.",
			want: []want{p("Grushko", "", "Grushko"), o("Izvestia", "Izvestia"), o("NBC News", "NBC News"), o("Bloomberg", "Bloomberg")},
		},
		{
			name: "given name before an outlet's name makes it a surname",
			text: "Former mayor Michael Bloomberg endorsed her on Wednesday. \"This is too important,\" Bloomberg said, citing a report by Reuters.",
			want: []want{p("Michael Bloomberg", "Former mayor", "Michael Bloomberg", "Bloomberg#1"), o("Reuters", "Reuters")},
		},
		{
			name: "given name from the gendered tables marks a person",
			text: "Republican candidate Rick Perry toured Iowa. Perry said little.",
			want: []want{p("Rick Perry", "", "Rick Perry", "Perry#1"), l("Iowa", "Iowa")},
		},
		{
			name: "organization absorbs a place name",
			text: "Olena Kovalenko of the Kyiv School of Economics said the Bank of England was watching.",
			want: []want{p("Olena Kovalenko", "", "Olena Kovalenko"), o("Kyiv School of Economics", "Kyiv School of Economics"), o("Bank of England", "Bank of England")},
		},
		{
			name: "field word inside title and qualified anaphor",
			text: "Russian Deputy Foreign Minister Sergei Vershinin met UN trade chief Rebeca Grynspan. The deputy minister left early.",
			want: []want{
				p("Sergei Vershinin", "Russian Deputy Foreign Minister", "Sergei Vershinin", "The deputy minister"),
				o("United Nations", "UN"),
				p("Rebeca Grynspan", "UN trade chief", "Rebeca Grynspan"),
			},
		},
		{
			name: "particles inside a name",
			text: "European Commission President Ursula von der Leyen spoke to the SWIFT payments system board.",
			want: []want{o("European Commission", "European Commission"), p("Ursula von der Leyen", "European Commission President", "Ursula von der Leyen"), o("SWIFT", "SWIFT")},
		},
		{
			name: "place after preposition and article",
			text: "Ships waited off the Bosphorus, near Odesa and Izmail.",
			want: []want{l("Bosphorus", "Bosphorus"), l("Odesa", "Odesa"), l("Izmail", "Izmail")},
		},
		{
			name: "family name first",
			text: "Chinese President Xi Jinping met Brazil's Luiz Inácio Lula da Silva in Beijing. Xi said ties were strong.",
			want: []want{
				p("Xi Jinping", "Chinese President", "Xi Jinping", "Xi#1"),
				l("Brazil", "Brazil"),
				p("Luiz Inácio Lula da Silva", "", "Luiz Inácio Lula da Silva"),
				l("Beijing", "Beijing"),
			},
		},
		{
			name: "short lower-case verb keeps a sentence out of headline mode",
			text: "Former German Chancellor Angela Merkel met New York Gov. Kathy Hochul in Albany.",
			want: []want{
				p("Angela Merkel", "Former German Chancellor", "Angela Merkel"),
				l("New York", "New York"),
				p("Kathy Hochul", "New York Gov.", "Kathy Hochul"),
				l("Albany", "Albany"),
			},
		},
		{
			name: "descriptive institution and its short form",
			text: "Twenty people were hurt, the regional health ministry said. The ministry said the figure would rise, and the health ministry added that none were critical.",
			want: []want{o("regional health ministry", "regional health ministry", "The ministry", "health ministry#1")},
		},
		{
			name: "according to a descriptive institution",
			text: "The fire started in a tank, according to the regional fire service.",
			want: []want{o("regional fire service", "regional fire service")},
		},
		{
			name: "the company refers back to the last company",
			text: "Acme Chemicals said 14 workers were hurt. The company said it would cooperate.",
			want: []want{o("Acme Chemicals", "Acme Chemicals", "The company")},
		},
		{
			name: "the company with no company before it",
			text: "The company said it would cooperate with investigators.",
			want: nil,
		},
		{
			name: "indefinite institutions name nobody",
			text: "A union representative said the plant was unsafe, and a parliamentary committee will meet.",
			want: nil,
		},
		{
			name: "possessive modifier and later short form",
			text: "Workers rallied, said Piotr Lenz, a representative of the chemical workers' union. Managers rejected the union's account.",
			want: []want{p("Piotr Lenz", "", "Piotr Lenz"), o("chemical workers' union", "chemical workers' union", "the union")},
		},
		{
			name: "everyday nouns with institution heads",
			text: "Mourners attended the memorial service, then queued at the food court.",
			want: nil,
		},
		{
			name: "institution before a name or a role is not one",
			text: "Lavrov told the state news agency TASS that the ministry spokesman was ill.",
			want: []want{p("Lavrov", "", "Lavrov"), o("TASS", "TASS")},
		},
		{
			name: "seat of power keeps its name inside a phrase",
			text: "The Kremlin press service said the call was constructive.",
			want: []want{g("Kremlin", "Kremlin")},
		},
		{
			name: "administration is a government, not the person",
			text: "The Trump administration said President Trump would call Putin, and Trump administration officials agreed.",
			want: []want{g("Trump administration", "Trump administration", "Trump administration#1"), p("Trump", "President", "Trump#1")},
		},
		{
			name: "nationality officials as a source",
			text: "Ukrainian officials said the talks went well. Russian officials in Moscow were silent. Ukrainian officials last week agreed.",
			want: []want{g("Ukrainian officials", "Ukrainian officials", "Ukrainian officials#1"), l("Moscow", "Moscow")},
		},
		{
			name: "bare police and government as speakers",
			text: "Police said two men were arrested. The government said it would act.",
			want: []want{o("police", "Police"), g("government", "government")},
		},
		{
			name: "place inside a descriptive institution",
			text: "The Kessling fire brigade said 60 firefighters took part.",
			want: []want{o("Kessling fire brigade", "Kessling fire brigade")},
		},
		{
			name: "the ministry after a capitalized ministry",
			text: "Turkey's Defence Ministry will host the talks, the ministry said.",
			want: []want{l("Turkey", "Turkey"), o("Defence Ministry", "Defence Ministry", "the ministry")},
		},
		{
			name: "possessive business name absorbs its place",
			text: "Insurers such as Lloyd's of London will wait, brokers in London said.",
			want: []want{o("Lloyd's of London", "Lloyd's of London"), l("London", "London#1")},
		},
		{
			name: "initiative absorbs its place",
			text: "The Black Sea Grain Initiative expired, and ships left the Black Sea.",
			want: []want{o("Black Sea Grain Initiative", "Black Sea Grain Initiative"), l("Black Sea", "Black Sea#1")},
		},
		{
			name: "bank by its form",
			text: "Moscow wants Rosselkhozbank reconnected to the payments system.",
			want: []want{g("Moscow", "Moscow"), o("Rosselkhozbank", "Rosselkhozbank")},
		},
		{
			name: "shares as a verb after a person",
			text: "Vladimir Putin shares that view.",
			want: []want{p("Vladimir Putin", "", "Vladimir Putin")},
		},
		{
			name: "first word of a company",
			text: "Halvard Group shares fell 4%. Halvard said sales were strong, and the group said nothing more.",
			want: []want{o("Halvard Group", "Halvard Group", "Halvard#1", "the group")},
		},
		{
			name: "company by appositive",
			text: "The plant is owned by Norvik, a chemicals company. Norvik said it would invest, the firm added.",
			want: []want{o("Norvik", "Norvik", "Norvik#1", "the firm")},
		},
		{
			name: "unknown full name in mid-sentence",
			text: "The report was written by Hanna Sorel and reviewed by the board.",
			want: []want{p("Hanna Sorel", "", "Hanna Sorel")},
		},
		{
			name: "capitalized phrases that are no names",
			text: "They demanded a Complete Ceasefire, and residents of the Lower Quay district agreed that a complete halt was needed.",
			want: nil,
		},
		{
			name: "called on a capital to act",
			text: "The envoy called on Kyiv to accept the plan and urged Moscow to stop.",
			want: []want{g("Kyiv", "Kyiv"), g("Moscow", "Moscow")},
		},
		{
			name: "field word inside a lower-case title",
			text: "The blaze was contained, regional fire chief Marta Kowalczyk told reporters. Officials met trade chief Anna Berg.",
			want: []want{p("Marta Kowalczyk", "regional fire chief", "Marta Kowalczyk"), p("Anna Berg", "chief", "Anna Berg")},
		},
		{
			name: "river and oblast",
			text: "Boats patrolled the Ostra River while shelling hit Donetsk Oblast.",
			want: []want{l("Ostra River", "Ostra River"), l("Donetsk Oblast", "Donetsk Oblast")},
		},
		{
			name: "regions",
			text: "Negotiations will begin in the Middle East, while fighting rages in Donbas and Crimea.",
			want: []want{l("Middle East", "Middle East"), l("Donbas", "Donbas"), l("Crimea", "Crimea")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Recognize(tt.text, splitSentences(tt.text))
			checkInvariants(t, tt.text, got)
			var wantStr, gotStr []string
			for _, w := range tt.want {
				var spans []string
				for _, m := range w.mentions {
					s := spanOf(t, tt.text, m)
					spans = append(spans, fmt.Sprintf("%d-%d %q", s.Start, s.End, tt.text[s.Start:s.End]))
				}
				wantStr = append(wantStr, fmt.Sprintf("%s %q title=%q [%s]", w.typ, w.name, w.title, strings.Join(spans, ", ")))
			}
			for _, e := range got {
				var spans []string
				for _, s := range e.Mentions {
					spans = append(spans, fmt.Sprintf("%d-%d %q", s.Start, s.End, tt.text[s.Start:s.End]))
				}
				gotStr = append(gotStr, fmt.Sprintf("%s %q title=%q [%s]", e.Type, e.Name, e.Title, strings.Join(spans, ", ")))
			}
			if !slices.Equal(wantStr, gotStr) {
				t.Errorf("Recognize(%q)\n got:\n  %s\nwant:\n  %s", tt.text, strings.Join(gotStr, "\n  "), strings.Join(wantStr, "\n  "))
			}
		})
	}
}

func TestRecognizeAliasesAndKeys(t *testing.T) {
	text := "Russian President Vladimir Putin spoke to Kiev. Putin's aides said the Russian president was tired. Kyiv disagreed."
	got := Recognize(text, splitSentences(text))
	byName := map[string]parallax.Entity{}
	for _, e := range got {
		byName[e.Name] = e
	}
	putin := byName["Vladimir Putin"]
	wantAliases := []string{"Russian President Vladimir Putin", "Vladimir Putin", "Putin", "the Russian president"}
	if !slices.Equal(putin.Aliases, wantAliases) || putin.Key != "vladimir putin" {
		t.Errorf("Putin: aliases %q key %q, want %q key %q", putin.Aliases, putin.Key, wantAliases, "vladimir putin")
	}
	kyiv := byName["Kyiv"]
	if !slices.Equal(kyiv.Aliases, []string{"Kiev", "Kyiv"}) || kyiv.Key != "kyiv" {
		t.Errorf("Kyiv: aliases %q key %q", kyiv.Aliases, kyiv.Key)
	}
}

func TestRecognizeOnlyInsideSentences(t *testing.T) {
	text := "Vladimir Putin spoke. Donald Trump listened."
	// Only the second sentence is given.
	got := Recognize(text, []parallax.Sentence{{Span: parallax.Span{Start: 22, End: len(text)}}})
	if len(got) != 1 || got[0].Name != "Donald Trump" {
		t.Fatalf("got %+v, want only Donald Trump", got)
	}
	// Spans out of range are ignored, not a panic.
	if got := Recognize(text, []parallax.Sentence{{Span: parallax.Span{Start: -5, End: 999}}, {Span: parallax.Span{Start: 30, End: 10}}}); len(got) != 2 {
		t.Fatalf("clamped spans: got %d entities, want 2", len(got))
	}
}
