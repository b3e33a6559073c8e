package reconcile

import (
	"github.com/parallax-news/parallax"
)

// The fire corpus: six reports of a fictional chemical-plant fire. Northwire
// is a wire story and the Daily Courier a lightly edited reprint of it; the
// fire's duration and the evacuation count conflict; the hospital count
// follows who is cited (the company says 14, the health ministry 22); one
// outlet writes "Tuesday" and another "March 3" for the same day; the plant
// manager's name is written with and without diacritics.
var fireCast = []castMember{
	{key: "castor polymers", typ: parallax.Organization, forms: []string{"Castor Polymers"}},
	{key: "dunmere", typ: parallax.Place, forms: []string{"Dunmere"}},
	{key: "rena okafor", typ: parallax.Person, forms: []string{"Rena Okafor", "Okafor"}},
	{key: "pawel jozwiak", typ: parallax.Person, forms: []string{"Paweł Jóźwiak", "Pawel Jozwiak", "Jóźwiak", "Jozwiak"}},
	{key: "fire service", typ: parallax.Organization, forms: []string{"fire service"}},
	{key: "regional health ministry", typ: parallax.Government, forms: []string{"regional health ministry"}},
	{key: "carla mendes", typ: parallax.Person, forms: []string{"Carla Mendes", "Mendes"}},
	{key: "tom feld", typ: parallax.Person, forms: []string{"Tom Feld"}},
	{key: "anna lenz", typ: parallax.Person, forms: []string{"Anna Lenz"}},
	{key: "environment agency", typ: parallax.Government, forms: []string{"environment agency"}},
}

var fireWire = `DUNMERE — A fire swept through a solvent warehouse at the Castor Polymers plant in Dunmere on {{Tuesday|d:2026-03-03:day:publication}}, forcing authorities to evacuate {{1,200 residents|q:count:resident:1200:1200}} from nearby streets.

The blaze burned for {{six hours|q:duration:minute:360:360}} before crews brought it under control, fire chief Rena Okafor {{told reporters|a:rena okafor}}.

Castor Polymers {{said|a:castor polymers}} {{14 workers|q:count:worker:14:14}} were %s with breathing problems and minor burns.

"{{Our thoughts are with our staff and with every family that had to leave home|qt:pawel jozwiak}}," plant manager Paweł Jóźwiak said.

The fire started in a tank of toluene, a flammable solvent used in paints, {{according to the fire service|a:fire service}}.

Mayor Carla Mendes {{said|a:carla mendes}} schools near the plant would stay closed on {{Wednesday|d:2026-03-04:day:publication}} as a precaution.

A parliamentary committee will hold a hearing on the fire on {{March 12|d:2026-03-12:day}}.
`

var fireCorpus = []fixture{
	{id: "northwire-1", source: "Northwire", published: "2026-03-04T09:00:00Z", text: sprintf(fireWire, "taken to hospital") +
		"\nThe environment agency said it was testing the river for runoff from the water used to fight the fire.\n"},
	{id: "courier-7", source: "Daily Courier", published: "2026-03-04T11:00:00Z", text: "By Northwire staff\n\n" + sprintf(fireWire, "hospitalized") +
		"\nRead more: Chemical safety rules under review\n"},
	{id: "radio-3", source: "Northern Radio", published: "2026-03-04T07:00:00Z", text: `{{About 3,000 people|q:count:person:2700:3300:about}} were evacuated from their homes in Dunmere after a fire broke out at the Castor Polymers plant on {{March 3|d:2026-03-03:day}}.

{{Twenty-two people|q:count:person:22:22}} were treated in hospital, most for smoke inhalation, {{the regional health ministry said|a:regional health ministry}}.

Fire chief Rena Okafor {{said|a:rena okafor}} the fire started in a tank of toluene, a solvent used in paints and glues.

Schools near the plant were closed on {{Wednesday|d:2026-03-04:day:publication}}, Mayor Carla Mendes {{said|a:carla mendes}}.

"{{We saw flames higher than the chimney|qt:tom feld}}," said Tom Feld, who lives two streets from the plant.
`},
	{id: "ledger-4", source: "Dunmere Ledger", published: "2026-03-05T06:00:00Z", text: `The fire at the Castor Polymers plant burned for {{more than 10 hours|q:duration:minute:600:inf:more_than}}, firefighters who fought it told the Ledger.

{{Some 3,000 residents|q:count:resident:2700:3300:about}} were evacuated as the smoke spread over the town.

A total of {{22 people|q:count:person:22:22::total}} were hospitalized, {{according to the regional health ministry|a:regional health ministry}}, among them {{four firefighters|q:count:firefighter:4:4}}.

The fire started in a storage tank of toluene, {{the fire service said|a:fire service}}.

A {{2019|d:2019-01-01:year}} inspection found that the plant stored solvent drums outside approved areas, according to records seen by the Ledger.

Schools near the plant were closed on {{Wednesday|d:2026-03-04:day:publication}} and are due to reopen on {{Monday|d:2026-03-09:day:publication}}.

A parliamentary committee will question Castor Polymers executives at a hearing on {{March 12|d:2026-03-12:day}}.
`},
	{id: "meridian-5", source: "Meridian Post", published: "2026-03-04T14:00:00Z", text: `Castor Polymers {{said|a:castor polymers}} on {{Wednesday|d:2026-03-04:day:publication}} that {{14 workers|q:count:worker:14:14}} were hospitalized after the fire at its Dunmere plant.

The fire burned for {{at least five hours|q:duration:minute:300:inf:at_least}} on {{Tuesday|d:2026-03-03:day:publication}} before it was brought under control, {{according to the fire service|a:fire service}}.

Plant manager Pawel Jozwiak {{said|a:pawel jozwiak}} production would stay suspended until investigators finish their work.

The fire started in a tank of toluene, officials said.

Shares in Castor Polymers fell {{4.2%|q:percent:percent:4.2:4.2}} in Amsterdam trading on {{Wednesday|d:2026-03-04:day:publication}}.

A parliamentary committee will hold a hearing on the fire on {{March 12|d:2026-03-12:day}}.
`},
	{id: "herald-6", source: "Valley Herald", published: "2026-03-04T18:30:00Z", text: `Workers at the Castor Polymers plant in Dunmere had complained for months about poor ventilation in the warehouse where the fire began, a union representative said.

"{{Nobody listened to us|qt:anna lenz}}," said union representative Anna Lenz.

The blaze started in a tank of toluene on {{Tuesday|d:2026-03-03:day:publication}}, {{according to the fire service|a:fire service}}.

Plant manager Paweł Jóźwiak declined to comment on the union's account of the warnings.

Mayor Carla Mendes {{said|a:carla mendes}} the town would ask Castor Polymers to pay for an independent safety review.

A parliamentary committee will hold a hearing on the fire on {{March 12|d:2026-03-12:day}}.
`},
}
