package entity

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// The gazetteer is kept as compact text tables parsed once on first use, so
// that adding a country or an outlet is a one-line change a reviewer can read.

// countryTable: Canonical|aliases|demonyms (comma-separated).
const countryTable = `Afghanistan||Afghan
Albania||Albanian
Algeria||Algerian
Andorra||Andorran
Angola||Angolan
Argentina||Argentine,Argentinian
Armenia||Armenian
Australia||Australian
Austria||Austrian
Azerbaijan||Azerbaijani,Azeri
Bahamas|The Bahamas|Bahamian
Bahrain||Bahraini
Bangladesh||Bangladeshi
Barbados||Barbadian
Belarus|Byelorussia|Belarusian
Belgium||Belgian
Belize||Belizean
Benin||Beninese
Bhutan||Bhutanese
Bolivia||Bolivian
Bosnia and Herzegovina|Bosnia|Bosnian
Botswana||Botswanan
Brazil||Brazilian
Brunei||Bruneian
Bulgaria||Bulgarian
Burkina Faso||Burkinabe
Burundi||Burundian
Cambodia||Cambodian
Cameroon||Cameroonian
Canada||Canadian
Cape Verde|Cabo Verde|Cape Verdean
Central African Republic||
Chad||Chadian
Chile||Chilean
China|People's Republic of China,PRC|Chinese
Colombia||Colombian
Comoros||Comoran
Congo|Republic of the Congo|Congolese
Democratic Republic of the Congo|DRC,DR Congo|
Costa Rica||Costa Rican
Croatia||Croatian,Croat
Cuba||Cuban
Cyprus||Cypriot
Czech Republic|Czechia|Czech
Denmark||Danish
Djibouti||Djiboutian
Dominican Republic||Dominican
Ecuador||Ecuadorian
Egypt||Egyptian
El Salvador||Salvadoran
Equatorial Guinea||
Eritrea||Eritrean
Estonia||Estonian
Eswatini|Swaziland|
Ethiopia||Ethiopian
Fiji||Fijian
Finland||Finnish
France||French
Gabon||Gabonese
Gambia|The Gambia|Gambian
Georgia||Georgian
Germany||German
Ghana||Ghanaian
Greece||Greek
Guatemala||Guatemalan
Guinea||Guinean
Guinea-Bissau||
Guyana||Guyanese
Haiti||Haitian
Honduras||Honduran
Hungary||Hungarian
Iceland||Icelandic
India||Indian
Indonesia||Indonesian
Iran||Iranian
Iraq||Iraqi
Ireland||Irish
Israel||Israeli
Italy||Italian
Ivory Coast|Côte d'Ivoire,Cote d'Ivoire|Ivorian
Jamaica||Jamaican
Japan||Japanese
Jordan||Jordanian
Kazakhstan||Kazakh
Kenya||Kenyan
Kosovo||Kosovar
Kuwait||Kuwaiti
Kyrgyzstan|Kirghizia|Kyrgyz
Laos||Laotian
Latvia||Latvian
Lebanon||Lebanese
Lesotho||
Liberia||Liberian
Libya||Libyan
Liechtenstein||
Lithuania||Lithuanian
Luxembourg||Luxembourgish
Madagascar||Malagasy
Malawi||Malawian
Malaysia||Malaysian
Maldives||Maldivian
Mali||Malian
Malta||Maltese
Mauritania||Mauritanian
Mauritius||Mauritian
Mexico||Mexican
Moldova|Moldavia|Moldovan
Monaco||Monegasque
Mongolia||Mongolian
Montenegro||Montenegrin
Morocco||Moroccan
Mozambique||Mozambican
Myanmar|Burma|Burmese
Namibia||Namibian
Nepal||Nepali,Nepalese
Netherlands|The Netherlands,Holland|Dutch
New Zealand||
Nicaragua||Nicaraguan
Niger||Nigerien
Nigeria||Nigerian
North Korea|DPRK|North Korean
North Macedonia|Macedonia|Macedonian
Norway||Norwegian
Oman||Omani
Pakistan||Pakistani
Palestine|Palestinian Territories|Palestinian
Panama||Panamanian
Papua New Guinea||
Paraguay||Paraguayan
Peru||Peruvian
Philippines|The Philippines|Filipino,Philippine
Poland||Polish
Portugal||Portuguese
Qatar||Qatari
Romania||Romanian
Russia|Russian Federation|Russian
Rwanda||Rwandan
Saudi Arabia|Saudi|Saudi
Senegal||Senegalese
Serbia||Serbian,Serb
Sierra Leone||
Singapore||Singaporean
Slovakia||Slovak
Slovenia||Slovenian
Somalia||Somali
South Africa||South African
South Korea|Republic of Korea|South Korean
South Sudan||South Sudanese
Spain||Spanish
Sri Lanka||Sri Lankan
Sudan||Sudanese
Suriname||
Sweden||Swedish
Switzerland||Swiss
Syria||Syrian
Taiwan||Taiwanese
Tajikistan||Tajik
Tanzania||Tanzanian
Thailand||Thai
Togo||Togolese
Trinidad and Tobago||
Tunisia||Tunisian
Turkey|Türkiye,Turkiye|Turkish
Turkmenistan||Turkmen
Uganda||Ugandan
Ukraine|the Ukraine|Ukrainian
United Arab Emirates|UAE,U.A.E.,Emirates|Emirati
United Kingdom|UK,U.K.,Britain,Great Britain|British
United States|US,U.S.,USA,U.S.A.,United States of America,America|American
Uruguay||Uruguayan
Uzbekistan||Uzbek
Vatican|Vatican City,Holy See|
Venezuela||Venezuelan
Vietnam|Viet Nam|Vietnamese
Yemen||Yemeni
Zambia||Zambian
Zimbabwe||Zimbabwean
England||English
Scotland||Scottish
Wales||Welsh
Northern Ireland||`

// cityTable: Name|aliases|country|c when it is the seat of government.
// Kyiv/Kiev-style transliteration pairs live here as aliases, which is what
// makes Key fold them.
const cityTable = `Kyiv|Kiev,Kyyiv|Ukraine|c
Moscow||Russia|c
Washington|Washington D.C.,Washington DC,D.C.|United States|c
London||United Kingdom|c
Paris||France|c
Berlin||Germany|c
Beijing|Peking|China|c
Tokyo||Japan|c
Rome||Italy|c
Madrid||Spain|c
Warsaw||Poland|c
Minsk||Belarus|c
Vilnius||Lithuania|c
Riga||Latvia|c
Tallinn||Estonia|c
Helsinki||Finland|c
Stockholm||Sweden|c
Oslo||Norway|c
Copenhagen||Denmark|c
Brussels||Belgium|c
Amsterdam||Netherlands|c
The Hague|Hague|Netherlands|
Vienna||Austria|c
Bern||Switzerland|c
Geneva||Switzerland|
Prague||Czech Republic|c
Bratislava||Slovakia|c
Budapest||Hungary|c
Bucharest||Romania|c
Sofia||Bulgaria|c
Belgrade||Serbia|c
Zagreb||Croatia|c
Athens||Greece|c
Ankara||Turkey|c
Istanbul||Turkey|
Tbilisi|Tiflis|Georgia|c
Yerevan||Armenia|c
Baku||Azerbaijan|c
Chisinau|Chişinău,Kishinev|Moldova|c
Dublin||Ireland|c
Lisbon||Portugal|c
Ottawa||Canada|c
Mexico City||Mexico|c
Brasilia|Brasília|Brazil|c
Buenos Aires||Argentina|c
Santiago||Chile|c
Lima||Peru|c
Bogota|Bogotá|Colombia|c
Caracas||Venezuela|c
Havana||Cuba|c
Cairo||Egypt|c
Tehran|Teheran|Iran|c
Baghdad||Iraq|c
Damascus||Syria|c
Beirut||Lebanon|c
Amman||Jordan|c
Jerusalem||Israel|c
Tel Aviv||Israel|
Riyadh||Saudi Arabia|c
Jeddah|Jiddah|Saudi Arabia|
Doha||Qatar|c
Abu Dhabi||United Arab Emirates|c
Dubai||United Arab Emirates|
Muscat||Oman|c
Sanaa|Sana'a|Yemen|c
Kabul||Afghanistan|c
Islamabad||Pakistan|c
New Delhi|Delhi|India|c
Mumbai|Bombay|India|
Kolkata|Calcutta|India|
Chennai|Madras|India|
Dhaka||Bangladesh|c
Kathmandu||Nepal|c
Bangkok||Thailand|c
Hanoi||Vietnam|c
Ho Chi Minh City|Saigon|Vietnam|
Jakarta||Indonesia|c
Manila||Philippines|c
Kuala Lumpur||Malaysia|c
Seoul||South Korea|c
Pyongyang||North Korea|c
Taipei||Taiwan|c
Hong Kong||China|
Shanghai||China|
Canberra||Australia|c
Sydney||Australia|
Wellington||New Zealand|c
Nairobi||Kenya|c
Addis Ababa||Ethiopia|c
Khartoum||Sudan|c
Lagos||Nigeria|
Abuja||Nigeria|c
Pretoria||South Africa|c
Johannesburg||South Africa|
Cape Town||South Africa|
Kinshasa||Democratic Republic of the Congo|c
Tripoli||Libya|c
Tunis||Tunisia|c
Algiers||Algeria|c
Rabat||Morocco|c
Astana|Nur-Sultan|Kazakhstan|c
Tashkent||Uzbekistan|c
Bishkek||Kyrgyzstan|c
Dushanbe||Tajikistan|c
Ashgabat||Turkmenistan|c
Ulaanbaatar|Ulan Bator|Mongolia|c
New York|New York City,NYC|United States|
Los Angeles||United States|
Chicago||United States|
San Francisco||United States|
Miami||United States|
Houston||United States|
Boston||United States|
Seattle||United States|
Atlanta||United States|
Dallas||United States|
Philadelphia||United States|
Detroit||United States|
Palm Beach|West Palm Beach|United States|
Anchorage||United States|
Munich||Germany|
Frankfurt||Germany|
Hamburg||Germany|
Milan||Italy|
Barcelona||Spain|
Davos||Switzerland|
Saint Petersburg|St. Petersburg,St Petersburg,Petersburg,Leningrad|Russia|
Sochi||Russia|
Kazan||Russia|
Novosibirsk||Russia|
Yekaterinburg||Russia|
Belgorod||Russia|
Kursk||Russia|
Bryansk||Russia|
Kaliningrad||Russia|
Rostov-on-Don|Rostov|Russia|
Sevastopol|Sebastopol|Ukraine|
Kharkiv|Kharkov|Ukraine|
Odesa|Odessa|Ukraine|
Lviv|Lvov,Lwow|Ukraine|
Dnipro|Dnepr,Dnipropetrovsk|Ukraine|
Zaporizhzhia|Zaporizhia,Zaporozhye,Zaporizhzhya|Ukraine|
Mykolaiv|Nikolaev,Nikolayev|Ukraine|
Kherson||Ukraine|
Donetsk||Ukraine|
Luhansk|Lugansk|Ukraine|
Mariupol||Ukraine|
Bakhmut|Artemivsk,Artyomovsk|Ukraine|
Avdiivka|Avdeyevka|Ukraine|
Pokrovsk||Ukraine|
Sumy||Ukraine|
Chernihiv|Chernigov|Ukraine|
Vinnytsia|Vinnitsa|Ukraine|
Poltava||Ukraine|
Bucha||Ukraine|
Kramatorsk||Ukraine|
Osaka||Japan|
Gaza City||Palestine|
Rafah||Palestine|
Khan Younis|Khan Yunis|Palestine|
Ramallah||Palestine|
Aleppo||Syria|
Mosul||Iraq|`

// regionTable: Name|aliases. Regions, seas and disputed areas that news
// names as places in their own right.
const regionTable = `Black Sea|
Azov Sea|Sea of Azov
Baltic Sea|
Red Sea|
Mediterranean|Mediterranean Sea
South China Sea|
Persian Gulf|
Gulf of Mexico|Gulf of America
Strait of Hormuz|
Taiwan Strait|
Middle East|Mideast
Crimea|Crimean Peninsula
Donbas|Donbass
Gaza|Gaza Strip
West Bank|
Golan Heights|
Sinai|Sinai Peninsula
Kashmir|
Xinjiang|
Tibet|
Chechnya|
Dagestan|
Siberia|
Transnistria|
Abkhazia|
South Ossetia|
Nagorno-Karabakh|
Kurdistan|
Balkans|
Baltics|
Caucasus|
Sahel|
Horn of Africa|
Arctic|
Antarctica|
Europe|
Asia|
Africa|
North America|
South America|
Latin America|
Eastern Europe|
Western Europe|
Central Asia|
Southeast Asia|
Scandinavia|
Pacific|Pacific Ocean
Atlantic|Atlantic Ocean
Indian Ocean|
Silicon Valley|
Wall Street|`

// usStates lists US states that are not already countries or cities above.
const usStates = `Alabama,Alaska,Arizona,Arkansas,California,Colorado,Connecticut,Delaware,Florida,Hawaii,Idaho,Illinois,Indiana,Iowa,Kansas,Kentucky,Louisiana,Maine,Maryland,Massachusetts,Michigan,Minnesota,Mississippi,Missouri,Montana,Nebraska,Nevada,New Hampshire,New Jersey,New Mexico,North Carolina,North Dakota,Ohio,Oklahoma,Oregon,Pennsylvania,Rhode Island,South Carolina,South Dakota,Tennessee,Texas,Utah,Vermont,Virginia,West Virginia,Wisconsin,Wyoming`

// institutionTable: Name|aliases|type|country. Type g is Government: seats
// that speak for a state ("the Kremlin said"); o is Organization; c is an
// Organization that is a business, which "the company" may refer to.
const institutionTable = `Kremlin|the Kremlin|g|Russia
White House||g|United States
Downing Street|Number 10,No. 10|g|United Kingdom
Élysée|Elysee,Élysée Palace,Elysee Palace|g|France
Blue House||g|South Korea
Zhongnanhai||g|China
Pentagon||o|United States
State Department|U.S. State Department,US State Department,Department of State|o|United States
Defense Department|Department of Defense|o|United States
Justice Department|Department of Justice,DOJ|o|United States
Treasury|Treasury Department,U.S. Treasury|o|United States
Congress|U.S. Congress,US Congress|o|United States
Senate|U.S. Senate,US Senate|o|United States
House of Representatives||o|United States
Supreme Court|U.S. Supreme Court|o|United States
Federal Reserve|Fed|o|United States
CIA|Central Intelligence Agency|o|United States
FBI|Federal Bureau of Investigation|o|United States
National Security Council|NSC|o|United States
Democratic Party|Democrats|o|United States
Republican Party|Republicans,GOP|o|United States
Foreign Office||o|United Kingdom
Bundestag||o|Germany
Duma|State Duma|o|Russia
Federation Council||o|Russia
FSB||o|Russia
Verkhovna Rada|Rada|o|Ukraine
SBU||o|Ukraine
Knesset||o|Israel
IDF|Israel Defense Forces|o|Israel
Hamas||o|Palestine
Hezbollah||o|Lebanon
Houthis|Houthi|o|Yemen
Taliban||o|Afghanistan
Wagner|Wagner Group|o|Russia
Gazprom||c|Russia
Rosneft||c|Russia
Rosatom||c|Russia
Naftogaz||c|Ukraine
United Nations|UN,U.N.|o|
UN Security Council|U.N. Security Council,United Nations Security Council,Security Council|o|
UN General Assembly|U.N. General Assembly,General Assembly|o|
NATO|Nato,North Atlantic Treaty Organization|o|
European Union|EU,E.U.|o|
European Commission||o|
European Parliament||o|
European Council||o|
IMF|International Monetary Fund|o|
World Bank||o|
WHO|World Health Organization|o|
WTO|World Trade Organization|o|
IAEA|International Atomic Energy Agency|o|
OPEC||o|
OSCE|Organization for Security and Co-operation in Europe|o|
G7|Group of Seven,G-7|o|
G20|Group of 20,G-20|o|
BRICS||o|
ASEAN||o|
African Union||o|
Arab League||o|
International Criminal Court|ICC|o|
International Court of Justice|ICJ|o|
Red Cross|International Committee of the Red Cross,ICRC|o|
Amnesty International||o|
Human Rights Watch||o|
Reuters||o|
AP|Associated Press,The Associated Press|o|
AFP|Agence France-Presse|o|
Bloomberg|Bloomberg News|o|
NBC News|NBC|o|
CBS News|CBS|o|
ABC News|ABC|o|
CNN||o|
Fox News||o|
MSNBC||o|
NPR||o|
BBC||o|
Sky News||o|
Axios||o|
Politico||o|
New York Times|The New York Times,NYT|o|
Washington Post|The Washington Post|o|
Wall Street Journal|The Wall Street Journal,WSJ|o|
Financial Times|FT|o|
Guardian|The Guardian|o|
Economist|The Economist|o|
Al Jazeera||o|
TASS||o|
RIA Novosti|RIA|o|
Interfax||o|
Izvestia||o|
Kommersant||o|
Xinhua||o|
CGTN||o|
Kyiv Independent|The Kyiv Independent|o|
Ukrainska Pravda||o|
Deutsche Welle|DW|o|
Le Monde||o|
Der Spiegel|Spiegel|o|
Truth Social||o|
Twitter||c|
Telegram||c|
Facebook||c|
Meta||c|
Google||c|
Apple||c|
Microsoft||c|
Amazon||c|
Zoom||c|
YouTube||c|
TikTok||c|
OpenAI||c|
Tesla||c|
SpaceX||c|
Starlink||c|`

// firstNames is a sample of common given names across the languages that
// dominate international news. A known given name followed by a capitalized
// token marks a person.
const firstNames = `aaron abdul abdullah abu adam adrian ahmad ahmed aisha alan albert alejandro aleksandr aleksei alex alexander alexandre alexandra alexei alexey ali alice alicia alina amanda amir amy ana anatoly andrea andrei andrej andrew andrii andriy andrzej angela angelina ann anna anne annalena anthony antonio antony antonin ari ariel arnold arseniy artem arthur ashley bashar ben benjamin benny bernard bernie beata bill bob boris brad brian bruce carl carlos carol caroline catherine charles charlie chris christian christine christopher chuck claire claudia colin cory cyril dan daniel danny dara david dean denis denys dmitri dmitriy dmitro dmytro dmitry donald doug douglas ed edward elena eli elizabeth elon emily emma emmanuel eric erik ernest evgeny fatima felipe fernando francesca francis francisco frank friedrich gabriel gary gavin george gerhard gianni giorgia giuseppe gordon grace greg gregory hakan hamad hans harry hassan heather heinz helen henry herman hillary hossein hugo hunter ibrahim igor ilya imran irina isaac ivan jack jacob jacques jake james jamie jan jane janet jared jason javier jd jean jeff jeffrey jen jennifer jens jeremy jerome jessica jill jim jimmy joanna joe joel johann johannes john jon jonathan jorge jose josef joseph josh joshua juan julia julian julie justin kamala karen karine karl karoline kate katherine kathy kevin keir kirill klaus kristi kurt kyle lara larry laura lee leon lindsey lisa liz lloyd louis luis lukas luiz lula maria marco marcus margaret maria mariana marie marine mario mark marko marta martin mary matt matteo matthew max maxim meghan melania michael michel michelle miguel mike mikhail mitch mohamed mohammad mohammed muhammad nancy naftali narendra natalia nathan neil nicholas nick nicola nicolas nikita nikolai nikolay olaf olena oleg oleksandr oleksiy olga oliver omar oscar pam pamela patrick paul pedro pete peter petro philip pierre rachel rafael ramzan ray recep rex richard rishi rob robert roberto roman ron ronald rosa ruslan ryan sam samantha samuel sara sarah scott sean sebastian serge sergei sergey sergii sergiy shinzo simon sophie stefan stephen steve steven susan svetlana tara ted terry theresa thomas tim timothy tobias todd tom tony tulsi ursula valentina valery vasyl victor viktor vladimir vladislav volodymyr walter wei william yevgeny yulia yuri yury yves zach zachary`

// notFirstNames are listed given names that, capitalized before another
// capitalized word, more often start something else: "Will Congress",
// "Al Jazeera", "Stanley Cup", "Clinton Foundation".
var notFirstNames = set(`al will grant hope rush guy brit clinton wilson stanley june april may joy rose
	iris violet hazel dawn crystal amber faith summer misty chip buck earl august`)

// gazEntry is one known name.
type gazEntry struct {
	name    string
	typ     parallax.EntityType
	country string // the state it belongs to or speaks for; "" when none
	capital bool   // seat of government: may act as Government in text
	company bool   // a business: "the company" may refer to it
}

// gazetteer holds the parsed tables.
type gazetteer struct {
	entries  []gazEntry
	lookup   map[string]int    // surface form → entry
	demonyms map[string]string // "Russian" → "Russia"
	first    map[string]bool   // lower-case given names
	maxWords int               // longest surface form in words
	// capDemonyms says every demonym starts with an upper-case letter, so
	// that only capitalized words need looking up.
	capDemonyms bool
}

var (
	gazOnce sync.Once
	gaz     *gazetteer
)

func theGazetteer() *gazetteer {
	gazOnce.Do(func() { gaz = buildGazetteer() })
	return gaz
}

func buildGazetteer() *gazetteer {
	g := &gazetteer{
		lookup:   map[string]int{},
		demonyms: map[string]string{},
		first:    map[string]bool{},
	}
	add := func(e gazEntry, aliases []string) {
		if _, dup := g.lookup[e.name]; dup {
			return // first table wins: Georgia the country, not the state
		}
		g.entries = append(g.entries, e)
		id := len(g.entries) - 1
		for _, a := range append([]string{e.name}, aliases...) {
			a = strings.TrimSpace(a)
			a = strings.TrimPrefix(a, "the ")
			if a == "" {
				continue
			}
			if _, ok := g.lookup[a]; !ok {
				g.lookup[a] = id
			}
			if n := len(strings.Fields(a)); n > g.maxWords {
				g.maxWords = n
			}
		}
	}
	for _, line := range strings.Split(countryTable, "\n") {
		f := strings.Split(line, "|")
		add(gazEntry{name: f[0], typ: parallax.Place, country: f[0]}, splitList(f[1]))
		for _, d := range splitList(f[2]) {
			g.demonyms[d] = f[0]
		}
	}
	for _, line := range strings.Split(cityTable, "\n") {
		f := strings.Split(line, "|")
		add(gazEntry{name: f[0], typ: parallax.Place, country: f[2], capital: f[3] == "c"}, splitList(f[1]))
	}
	for _, line := range strings.Split(regionTable, "\n") {
		f := strings.Split(line, "|")
		add(gazEntry{name: f[0], typ: parallax.Place}, splitList(f[1]))
	}
	for _, s := range splitList(usStates) {
		add(gazEntry{name: s, typ: parallax.Place, country: "United States"}, nil)
	}
	for _, line := range strings.Split(institutionTable, "\n") {
		f := strings.Split(line, "|")
		typ := parallax.Organization
		if f[2] == "g" {
			typ = parallax.Government
		}
		add(gazEntry{name: f[0], typ: typ, country: f[3], company: f[2] == "c"}, splitList(f[1]))
	}
	for _, n := range strings.Fields(firstNames) {
		g.first[n] = true
	}
	// The gendered given names (see gender.go) mark persons too, except
	// those that are as often ordinary words or surnames.
	for n := range givenGender {
		if !notFirstNames[n] {
			g.first[n] = true
		}
	}
	g.capDemonyms = true
	for d := range g.demonyms {
		if r, _ := utf8.DecodeRuneInString(d); !unicode.IsUpper(r) {
			g.capDemonyms = false
		}
	}
	return g
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// find looks a surface form up, trying the forms news uses for the same
// name: "U.S" and "US" for "U.S.", "WASHINGTON" in datelines for
// "Washington".
func (g *gazetteer) find(surface string) (int, bool) {
	if id, ok := g.lookup[surface]; ok {
		return id, true
	}
	if strings.Contains(surface, ".") {
		if id, ok := g.lookup[strings.ReplaceAll(surface, ".", "")]; ok {
			return id, true
		}
	}
	if isUpperWord(surface) && len(surface) >= 4 {
		if id, ok := g.lookup[titleCase(surface)]; ok {
			return id, true
		}
	}
	return -1, false
}
