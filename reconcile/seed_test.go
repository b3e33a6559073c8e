package reconcile

import (
	"strings"

	"github.com/parallax-news/parallax"
)

// The ceasefire corpus: five reports of one phone call between two heads
// of state, in the manner of real wire and broadcast copy, plus a lightly
// edited reprint of the first. The call's length conflicts (90 minutes in
// one outlet's own voice against more than two hours and two and a half
// hours); the scope of the agreed halt follows the cited side ("energy and
// infrastructure" from the White House and its envoy, "energy
// infrastructure" from the Kremlin); a 30-day halt to energy strikes and a
// proposed 30-day full ceasefire are different facts; the prisoner
// exchange is reported compatibly ("175 each", "175", "175 from each
// side"; "Wednesday" and "March 19").
var seedCast = []castMember{
	{key: "donald trump", typ: parallax.Person, forms: []string{"Donald Trump", "Trump"}},
	{key: "vladimir putin", typ: parallax.Person, forms: []string{"Vladimir Putin", "Putin"}},
	{key: "volodymyr zelensky", typ: parallax.Person, forms: []string{"Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelensky", "Zelenskyy"}},
	{key: "steve witkoff", typ: parallax.Person, forms: []string{"Steve Witkoff", "Witkoff"}},
	{key: "alexander grushko", typ: parallax.Person, forms: []string{"Alexander Grushko", "Grushko"}},
	{key: "kremlin", typ: parallax.Government, forms: []string{"Kremlin"}},
	{key: "white house", typ: parallax.Government, forms: []string{"White House"}},
	{key: "kyiv", typ: parallax.Place, forms: []string{"Kyiv", "Kiev"}},
	{key: "ukraine", typ: parallax.Place, forms: []string{"Ukraine"}},
	{key: "russia", typ: parallax.Place, forms: []string{"Russia"}},
	{key: "moscow", typ: parallax.Place, forms: []string{"Moscow"}},
	{key: "washington", typ: parallax.Place, forms: []string{"Washington"}},
	{key: "black sea", typ: parallax.Place, forms: []string{"Black Sea"}},
	{key: "saudi arabia", typ: parallax.Place, forms: []string{"Saudi Arabia"}},
}

var gulfWire = `Donald Trump and Vladimir Putin have agreed on a limited halt to Russian strikes on energy and infrastructure targets in Ukraine, {{according to envoy Steve Witkoff|a:steve witkoff}}.

Witkoff {{said|a:steve witkoff}} on {{Tuesday|d:2025-03-18:day:publication}} that the agreement came after a phone call between the two leaders that lasted {{more than two hours|q:duration:minute:120:inf:more_than}}.

He went on to say that Putin accepted a proposal to halt strikes on the energy infrastructure of Ukraine for {{30 days|q:duration:day:30:30}} and backed a maritime truce in the Black Sea.

Ukrainian President Volodymyr Zelensky has already agreed to the proposed ceasefire in the biggest war in Europe since 1945.

Washington hoped its proposal would persuade Moscow to accept a {{30-day|q:duration:day:30:30}} full ceasefire and then move towards a permanent peace deal.

However, Putin rejected an immediate and complete ceasefire across the whole front line, %s.

Putin also told Trump that Russia and Ukraine will exchange {{175 prisoners of war each|q:count:prisoner:175:175::each}} on {{Wednesday|d:2025-03-19:day:publication}}, adding that Moscow will hand over to Kiev {{23|q:count:soldier:23:23}} critically wounded soldiers, {{the Kremlin reported|a:kremlin}}.

Putin demanded an end to all foreign military aid and intelligence sharing with Kiev as the key condition for preventing escalation of the conflict, {{according to the Kremlin|a:kremlin}}.
`

var seedCorpus = []fixture{
	{id: "gulf-0", source: "Gulf Wire", published: "2025-03-18T20:00:00Z", text: sprintf(gulfWire, "according to the readout released afterwards")},
	{id: "capital-1", source: "Capital Daily", published: "2025-03-18T21:00:00Z", text: `WASHINGTON — Donald Trump and Vladimir Putin agreed during a lengthy phone call on {{Tuesday|d:2025-03-18:day:publication}} to seek a limited ceasefire against energy and infrastructure targets in the war, {{according to the White House|a:white house}}.

The White House is pushing Russia to accept its {{30-day|q:duration:day:30:30}} cease-fire proposal aimed at ending the invasion of Ukraine.

Russia and Ukraine are scheduled to exchange {{175 prisoners of war|q:count:prisoner:175:175}} on {{Wednesday|d:2025-03-19:day:publication}}, and Russia will hand over {{23|q:count:soldier:23:23}} severely wounded soldiers to Ukraine, {{according to the Kremlin|a:kremlin}}.

Putin urged Trump to end foreign military and intelligence assistance to Ukraine, {{according to the Kremlin|a:kremlin}}.

Ukrainian President Volodymyr Zelenskyy remains skeptical that Putin is ready for peace as Russian forces continue to pound the country.

The Zaporizhzhia nuclear plant, the largest in Europe, generated nearly a quarter of the electricity of Ukraine before the invasion.

"{{They are surrounded by Russian soldiers, and I believe if it was not for me they would not be here any longer|qt:donald trump}}," Trump said.
`},
	{id: "eurasia-2", source: "Eurasia Today", published: "2025-03-18T22:00:00Z", text: `Trump and Putin agree to 30-day energy truce

Vladimir Putin has agreed to the proposal of Donald Trump for a {{30-day|q:duration:day:30:30}} mutual halt to attacks on energy infrastructure in Ukraine, {{according to the Kremlin|a:kremlin}}.

{{The Kremlin said|a:kremlin}} the two leaders spoke by phone for {{two and a half hours|q:duration:minute:150:150}}.

Putin has already instructed the Russian military to implement the temporary truce, {{the Kremlin said|a:kremlin}}.

Russia and Ukraine are set to swap {{175 prisoners from each side|q:count:prisoner:175:175::each}} on {{March 19|d:2025-03-19:day}}.

"{{The leaders agreed to maintain bilateral contacts for a diplomatic solution to the Ukrainian crisis|qt:kremlin}}," {{the Kremlin said|a:kremlin}}.
`},
	{id: "harbor-3", source: "Harbor Broadcast", published: "2025-03-18T23:00:00Z", text: `Donald Trump and Vladimir Putin on {{Tuesday|d:2025-03-18:day:publication}} agreed to an immediate pause in strikes against energy infrastructure in Ukraine, keeping negotiations open for a broader deal to end the conflict.

Trump and Putin spoke during a {{90-minute|q:duration:minute:90:90}} phone call on {{Tuesday|d:2025-03-18:day:publication}}.

{{According to the Kremlin|a:kremlin}}, Putin agreed to pause strikes on energy targets in Ukraine for {{30 days|q:duration:day:30:30}} and had already given the order to his military.

Russia and Ukraine will exchange {{175 prisoners of war each|q:count:prisoner:175:175::each}} on {{Wednesday|d:2025-03-19:day:publication}}, {{the Kremlin said|a:kremlin}}.

Zelenskyy said Ukraine is open to any proposals that lead to a sustainable and just peace, but he rejected the demand to halt military aid and intelligence sharing with Kyiv.

Russian Deputy Foreign Minister Alexander Grushko {{said|a:alexander grushko}} on {{Monday|d:2025-03-17:day:publication}} that Moscow would seek ironclad security guarantees in any future peace deal.
`},
	{id: "network-4", source: "Network News", published: "2025-03-19T01:00:00Z", text: `- Donald Trump and Vladimir Putin found agreement on how to pursue a ceasefire in Ukraine, {{the White House said|a:white house}}.

Trump and Putin agreed that the movement to peace will begin with an energy and infrastructure ceasefire, {{according to a White House readout|a:white house}}.

The call between the two leaders lasted {{at least 90 minutes|q:duration:minute:90:inf:at_least}}, {{the White House said|a:white house}}.

The Trump administration wants Moscow to back a {{30-day|q:duration:day:30:30}} full ceasefire in Ukraine.

"{{We will be talking about land and we will be talking about power plants|qt:donald trump}}," Trump told reporters on {{Sunday|d:2025-03-16:day:publication}}.

Analysts are skeptical that Russia will easily agree to a ceasefire or then fully abide by a truce.

Grushko {{said|a:alexander grushko}} the Kremlin would seek ironclad security guarantees in any potential peace deal that would keep Ukraine out of the alliance.
`},
	// A reprint of Gulf Wire with a new ending to one sentence and a
	// paragraph dropped.
	{id: "peninsula-5", source: "Peninsula Daily", published: "2025-03-19T06:00:00Z", text: strings.Replace(
		sprintf(gulfWire, "the Kremlin said"),
		"Ukrainian President Volodymyr Zelensky has already agreed to the proposed ceasefire in the biggest war in Europe since 1945.\n\n", "", 1)},
}
