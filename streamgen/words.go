package streamgen

import "strings"

// The word lists are written for this generator. Everything is fictional:
// names and places are common first names, surnames and invented towns.

var firstNames = strings.Fields(`Anna Ben Carla David Elena Farid Grace Hugo Irene Jonas Kira Leo Maria
Nadia Omar Paula Quentin Rosa Samuel Tara Umar Vera Walter Xenia Yusuf Zoe Adam Bianca Conrad Dalia
Emil Fatima Georg Hana Ivan Julia Karim Lena Marco Nina Oscar Petra Rafael Sofia Tomas Ursula Viktor
Wanda Yara Amir Beatriz Cyril Dana Erik Flora Gideon Helga Ilya Jana`)

var surnames = strings.Fields(`Abbott Bakker Castillo Dimitrov Eriksen Fontaine Garcia Haddad Ivanova
Jensen Kowalski Lindqvist Moreau Nakamura Okafor Petrov Quinn Rossi Schmidt Tanaka Ueda Varga Weber
Xu Yilmaz Zielinski Andersen Brennan Costa Delgado Engel Fischer Gallo Hoffmann Iqbal Janssen Keller
Lopez Mendes Novak Ortega Pereira Ramos Santos Torres Urban Vogel Wagner Young Zimmer Bauer Carter
Duarte Esposito Ferreira Grant Horvat Ibrahim`)

// Invented town names, also used as the roots of coined words.
var places = strings.Fields(`Arlen Brevik Calder Dunmore Eskel Farrow Galway Hollin Istra Jorvik
Kessling Lindor Marrow Norwick Oban Pellin Quarry Redmere Selwyn Tarrow Ulmen Varna Westby Yarrow
Zennor Ashford Bellmont Corran Dorset Elmira Fenwick Glenrock Harlow Ivel Juniper Kilmore Larch
Mossley Newholm Orrin Prestwick Ramsey Stanmore Thorne Upton Verity Whitby Yelland Zorran Amberley
Brightwater Castlereagh Dunhaven Eastmoor Fallowfield Greyhaven Highbury Inverleith Kingsbridge`)

var orgSuffixes = strings.Fields(`Holdings Group Bank Council Authority Union Institute Partners
Energy Airlines Logistics Motors Pharma Foods Mining Telecom`)

var outlets = []string{"Continental Press", "Riverside Gazette", "Northern Courier", "Daily Ledger",
	"Metro Herald", "Coastal Times", "Valley Tribune", "Capital Wire", "Evening Standard-Post",
	"Harbor Chronicle", "Plains Observer", "Union Dispatch", "Highland Record", "Summit Journal",
	"Lakeside Examiner", "Central Bulletin", "Western Echo", "Eastern Sentinel", "Global Desk",
	"Bay Monitor"}

// A category is a kind of event: its topical words and headline patterns.
// Several stories of one category share these words and are told apart by
// their names, places and numbers, as in real news.
type category struct {
	words     []string
	headlines []string
}

// Headline slots: {P} person surname, {F} full name, {L} place, {O}
// organization, {C} coined name, {T} topic word, {N} number, {S} one of the
// story's own nouns.
var categories = []category{
	{strings.Fields(`earthquake magnitude quake aftershock epicenter tremor rubble rescuers collapsed
		buildings seismic injured survivors shaking fault geologists evacuated tsunami damage`),
		[]string{"Magnitude {N} earthquake strikes near {L}", "{L} quake: rescuers search rubble for survivors",
			"Aftershocks rattle {L} after deadly earthquake"}},
	{strings.Fields(`election ballot voters polls candidate campaign turnout vote count runoff
		incumbent opposition coalition parliament seats recount electoral results`),
		[]string{"{F} claims victory in {L} election", "{L} votes: {P} leads as count continues",
			"Opposition disputes {L} election results"}},
	{strings.Fields(`trial jury verdict prosecutors defendant court judge testimony witness
		sentencing charges fraud appeal lawyer acquitted convicted hearing`),
		[]string{"Jury finds {F} guilty of fraud", "{P} trial hears testimony from key witness",
			"Judge delays sentencing of {F}"}},
	{strings.Fields(`storm hurricane flooding winds rainfall landfall evacuation shelters outages
		forecasters surge coastal downpour meteorologists levee gusts inundated`),
		[]string{"Storm {C} makes landfall near {L}", "Flooding forces thousands from homes in {L}",
			"{L} braces as Storm {C} strengthens"}},
	{strings.Fields(`fire blaze firefighters flames smoke wildfire plant warehouse hectares
		containment evacuated residents arson embers crews burning extinguished`),
		[]string{"Fire at {O} plant in {L} forces evacuation", "Firefighters battle blaze near {L}",
			"{L} wildfire spreads across {N} hectares", "Blaze destroys {S} in {L}"}},
	{strings.Fields(`shooting gunman police suspect victims wounded motive shots arrested
		investigators lockdown firearm officers manhunt killed witnesses scene`),
		[]string{"Gunman kills {N} in {L} shooting", "Police name suspect in {L} shooting",
			"{L} shooting: {P} charged with murder"}},
	{strings.Fields(`merger acquisition shareholders deal billion takeover shares bid regulators
		antitrust valuation investors stock board premium offer approval`),
		[]string{"{O} agrees to buy rival in ${N} billion deal", "{O} shareholders back takeover bid",
			"Regulators review {O} merger", "{O} bets on {S} with takeover"}},
	{strings.Fields(`strike workers union wages walkout picket negotiations contract pay
		employers dispute talks stoppage bargaining pension overtime shifts`),
		[]string{"{O} workers walk out over pay", "Strike at {O} enters day {N}",
			"{P} says union will keep picketing {O}"}},
	{strings.Fields(`summit leaders talks agreement ministers delegation diplomatic treaty
		negotiators ceasefire communique sanctions envoy bilateral cooperation accord`),
		[]string{"Leaders meet in {L} for talks on {C} accord", "{F} hails {L} summit agreement",
			"Talks in {L} end without deal", "{L} talks turn to {S} dispute"}},
	{strings.Fields(`crash plane aircraft pilot runway passengers crew airline flight wreckage
		investigators recorders takeoff landing aviation debris emergency`),
		[]string{"Plane carrying {N} crashes near {L}", "{O} flight skids off runway in {L}",
			"Investigators recover recorders from {L} crash"}},
	{strings.Fields(`protest demonstrators rally march police crowds clashes tear gas banners
		square organizers arrests curfew activists slogans barricades`),
		[]string{"Thousands march in {L} against {C} law", "Police clash with protesters in {L}",
			"{L} protest organizers vow to return"}},
	{strings.Fields(`final championship match goal striker coach trophy fans stadium penalty
		season tournament victory defeat squad midfielder referee`),
		[]string{"{L} wins championship final", "{F} scores twice as {L} lifts trophy",
			"Coach {P} hails {L} squad after final"}},
}

// Concrete nouns: each story draws a few as its own subject matter (the
// tanker, the vaccine, the bridge), which sets it apart from other stories
// of its category.
var concreteNouns = strings.Fields(`tanker vaccine bridge pipeline reactor dam tunnel mine ferry railway
hospital school factory refinery stadium airport harbor warehouse satellite drone submarine reservoir
vineyard orchard quarry library museum cathedral prison barracks embassy casino marina motorway
highway viaduct canal lighthouse observatory laboratory brewery bakery slaughterhouse sawmill mill
smelter foundry shipyard dockyard terminal depot substation turbine windfarm solar battery chip
semiconductor smartphone laptop software algorithm database server cable fiber antenna radar missile
rifle ammunition helicopter jet glider balloon yacht trawler barge container pallet crane forklift
tractor harvester fertilizer pesticide grain wheat maize rice coffee cocoa sugar cotton timber copper
lithium cobalt nickel gold silver diamond oil gas coal uranium hydrogen insulin antibiotic ventilator
scanner wheelchair ambulance clinic pharmacy nursery kindergarten university dormitory apartment
tower skyscraper villa cottage farmhouse barn greenhouse garden park forest glacier volcano river lake
reef island peninsula valley canyon desert savanna wetland estuary delta avalanche landslide drought
locust pandemic outbreak virus bacteria parasite mosquito wolf bear elephant whale salmon bee falcon
painting sculpture manuscript festival concert opera ballet film documentary novel newspaper podcast
lottery pension mortgage tariff subsidy bond currency cryptocurrency token ledger audit invoice
passport visa ballot referendum constitution amendment treaty tribunal verdict warrant subpoena`)

// General news vocabulary: words any story may use.
var generalWords = strings.Fields(`officials government people city country region state minister
president spokesman statement report official authorities public local national international
company market economy million percent plans program support security service services health
department agency policy power water area community system groups members workers families
children local response decision situation questions concerns pressure information process
center district office review plan funding budget crisis measures risk impact costs`)

var generalVerbs = strings.Fields(`announced confirmed warned expected reported described criticized
urged promised estimated denied welcomed rejected questioned planned launched delayed approved
continued raised announced insisted suggested noted`)

// Sentence patterns; the same slots as headlines plus {G} general word and
// {V} general verb.
var storyPatterns = []string{
	"{F} {V} that the {T} in {L} had left {N} {G} without {G}.",
	"The {T} near {L} {V} {G} and {T}, {G} said.",
	"{P} told reporters the {T} was the worst the {G} had seen in {N} years.",
	"{O} {V} a {G} {G} after the {T}, according to {P}.",
	"In {L}, {T} and {T} {V} the {G} on {D}.",
	"Officials in {L} said {N} {G} were affected by the {T}.",
	"\"We are doing everything we can,\" said {F}, who leads the {G} {G} in {L}.",
	"The {C} {G} {V} {T} as {T} continued.",
	"{P} {V} the {G} of {O} over the {T}.",
	"At least {N} {T} were reported across {L} by {D}.",
	"The {T} has drawn {G} from {O} and the {C} {G}.",
	"The {S} at the centre of the {T} belongs to {O}.",
	"{P} said the {S} and the {S} would be inspected after the {T}.",
	"Work on the {S} near {L} was halted, {G} said.",
	"The {S} had been {V} by {O} in {N}.",
}

var generalPatterns = []string{
	"The {G} {V} new {G} for the {G} {G}.",
	"Analysts said the {G} could affect {G} and {G} in the coming {G}.",
	"A {G} for the {G} {V} the {G} but gave no further details.",
	"The {G} has {V} {G} {G} of {N} percent this year.",
	"Critics {V} the {G}, saying {G} {G} had been ignored.",
}

var weekdays = strings.Fields(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday`)

// Light edits a syndicating outlet makes: swapped words and added lines.
var swaps = map[string]string{
	"said": "stated", "officials": "authorities", "people": "residents", "told": "informed",
	"city": "town", "warned": "cautioned", "reported": "said", "least": "minimum",
	"continued": "went on", "affected": "hit", "worst": "most severe",
}

var taglines = []string{
	"This story was first published by {S}.",
	"Reporting by {S}; editing by the desk.",
	"Additional reporting by {S}.",
	"{S} contributed to this report.",
}
