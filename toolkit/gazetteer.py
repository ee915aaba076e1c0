"""General knowledge the actor rules use: countries with their demonyms and capitals, common name
variants, and words of titles and roles. Not tuned to any text; extend with a user alias table."""
from __future__ import annotations

import functools
import re

# country | demonyms (comma separated) | capital
_COUNTRIES = """
Afghanistan|Afghan|Kabul
Albania|Albanian|Tirana
Algeria|Algerian|Algiers
Angola|Angolan|Luanda
Argentina|Argentine,Argentinian|Buenos Aires
Armenia|Armenian|Yerevan
Australia|Australian|Canberra
Austria|Austrian|Vienna
Azerbaijan|Azerbaijani,Azeri|Baku
Bahrain|Bahraini|Manama
Bangladesh|Bangladeshi|Dhaka
Belarus|Belarusian|Minsk
Belgium|Belgian|Brussels
Benin|Beninese|Porto-Novo
Bhutan|Bhutanese|Thimphu
Bolivia|Bolivian|La Paz
Bosnia and Herzegovina|Bosnian|Sarajevo
Botswana|Botswanan,Motswana|Gaborone
Brazil|Brazilian|Brasília
Bulgaria|Bulgarian|Sofia
Burkina Faso|Burkinabe,Burkinabè|Ouagadougou
Burundi|Burundian|Gitega
Cambodia|Cambodian|Phnom Penh
Cameroon|Cameroonian|Yaoundé
Canada|Canadian|Ottawa
Central African Republic|Central African|Bangui
Chad|Chadian|N'Djamena
Chile|Chilean|Santiago
China|Chinese|Beijing
Colombia|Colombian|Bogotá
Costa Rica|Costa Rican|San José
Croatia|Croatian,Croat|Zagreb
Cuba|Cuban|Havana
Cyprus|Cypriot|Nicosia
Czech Republic|Czech|Prague
Democratic Republic of Congo|Congolese|Kinshasa
Denmark|Danish,Dane|Copenhagen
Djibouti|Djiboutian|Djibouti
Dominican Republic|Dominican|Santo Domingo
Ecuador|Ecuadorian|Quito
Egypt|Egyptian|Cairo
El Salvador|Salvadoran|San Salvador
Eritrea|Eritrean|Asmara
Estonia|Estonian|Tallinn
Eswatini|Swazi|Mbabane
Ethiopia|Ethiopian|Addis Ababa
Fiji|Fijian|Suva
Finland|Finnish,Finn|Helsinki
France|French|Paris
Gabon|Gabonese|Libreville
Gambia|Gambian|Banjul
Georgia|Georgian|Tbilisi
Germany|German|Berlin
Ghana|Ghanaian|Accra
Greece|Greek|Athens
Guatemala|Guatemalan|Guatemala City
Guinea|Guinean|Conakry
Haiti|Haitian|Port-au-Prince
Honduras|Honduran|Tegucigalpa
Hungary|Hungarian|Budapest
Iceland|Icelandic,Icelander|Reykjavik
India|Indian|New Delhi
Indonesia|Indonesian|Jakarta
Iran|Iranian|Tehran
Iraq|Iraqi|Baghdad
Ireland|Irish|Dublin
Israel|Israeli|Jerusalem
Italy|Italian|Rome
Ivory Coast|Ivorian|Yamoussoukro
Jamaica|Jamaican|Kingston
Japan|Japanese|Tokyo
Jordan|Jordanian|Amman
Kazakhstan|Kazakh,Kazakhstani|Astana
Kenya|Kenyan|Nairobi
Kosovo|Kosovar|Pristina
Kuwait|Kuwaiti|Kuwait City
Kyrgyzstan|Kyrgyz|Bishkek
Laos|Lao,Laotian|Vientiane
Latvia|Latvian|Riga
Lebanon|Lebanese|Beirut
Lesotho|Basotho|Maseru
Liberia|Liberian|Monrovia
Libya|Libyan|Tripoli
Lithuania|Lithuanian|Vilnius
Luxembourg|Luxembourgish|Luxembourg
Madagascar|Malagasy|Antananarivo
Malawi|Malawian|Lilongwe
Malaysia|Malaysian|Kuala Lumpur
Maldives|Maldivian|Malé
Mali|Malian|Bamako
Malta|Maltese|Valletta
Mauritania|Mauritanian|Nouakchott
Mauritius|Mauritian|Port Louis
Mexico|Mexican|Mexico City
Moldova|Moldovan|Chișinău
Mongolia|Mongolian|Ulaanbaatar
Montenegro|Montenegrin|Podgorica
Morocco|Moroccan|Rabat
Mozambique|Mozambican|Maputo
Myanmar|Burmese|Naypyidaw
Namibia|Namibian|Windhoek
Nepal|Nepali,Nepalese|Kathmandu
Netherlands|Dutch|Amsterdam
New Zealand|New Zealander|Wellington
Nicaragua|Nicaraguan|Managua
Niger|Nigerien|Niamey
Nigeria|Nigerian|Abuja
North Korea|North Korean|Pyongyang
North Macedonia|Macedonian|Skopje
Norway|Norwegian|Oslo
Oman|Omani|Muscat
Pakistan|Pakistani|Islamabad
Palestine|Palestinian|Ramallah
Panama|Panamanian|Panama City
Papua New Guinea|Papua New Guinean|Port Moresby
Paraguay|Paraguayan|Asunción
Peru|Peruvian|Lima
Philippines|Filipino,Philippine|Manila
Poland|Polish,Pole|Warsaw
Portugal|Portuguese|Lisbon
Qatar|Qatari|Doha
Republic of the Congo|Congolese|Brazzaville
Romania|Romanian|Bucharest
Russia|Russian|Moscow
Rwanda|Rwandan|Kigali
Saudi Arabia|Saudi,Saudi Arabian|Riyadh
Senegal|Senegalese|Dakar
Serbia|Serbian,Serb|Belgrade
Sierra Leone|Sierra Leonean|Freetown
Singapore|Singaporean|Singapore
Slovakia|Slovak|Bratislava
Slovenia|Slovenian,Slovene|Ljubljana
Somalia|Somali|Mogadishu
South Africa|South African|Pretoria
South Korea|South Korean,Korean|Seoul
South Sudan|South Sudanese|Juba
Spain|Spanish,Spaniard|Madrid
Sri Lanka|Sri Lankan|Colombo
Sudan|Sudanese|Khartoum
Sweden|Swedish,Swede|Stockholm
Switzerland|Swiss|Bern
Syria|Syrian|Damascus
Taiwan|Taiwanese|Taipei
Tajikistan|Tajik|Dushanbe
Tanzania|Tanzanian|Dodoma
Thailand|Thai|Bangkok
Togo|Togolese|Lomé
Trinidad and Tobago|Trinidadian|Port of Spain
Tunisia|Tunisian|Tunis
Turkey|Turkish,Turk|Ankara
Turkmenistan|Turkmen|Ashgabat
Uganda|Ugandan|Kampala
Ukraine|Ukrainian|Kyiv
United Arab Emirates|Emirati|Abu Dhabi
United Kingdom|British,Briton|London
United States|American|Washington
Uruguay|Uruguayan|Montevideo
Uzbekistan|Uzbek|Tashkent
Venezuela|Venezuelan|Caracas
Vietnam|Vietnamese|Hanoi
Yemen|Yemeni|Sanaa
Zambia|Zambian|Lusaka
Zimbabwe|Zimbabwean|Harare
England|English|London
Scotland|Scottish,Scot|Edinburgh
Wales|Welsh|Cardiff
Europe|European|
Africa|African|
Asia|Asian|
"""

# Variant -> canonical name, for names written several ways in news.
VARIANTS = {
    "US": "United States", "U.S.": "United States", "U.S": "United States", "USA": "United States",
    "U.S.A.": "United States", "United States of America": "United States", "America": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
    "UN": "United Nations", "U.N.": "United Nations", "EU": "European Union", "E.U.": "European Union",
    "DR Congo": "Democratic Republic of Congo", "Democratic Republic of the Congo": "Democratic Republic of Congo",
    "DRC": "Democratic Republic of Congo", "Côte d'Ivoire": "Ivory Coast", "Burma": "Myanmar",
    "Kiev": "Kyiv", "UAE": "United Arab Emirates", "Czechia": "Czech Republic", "Holland": "Netherlands",
    "Russian Federation": "Russia", "Republic of Korea": "South Korea", "NATO": "NATO", "Nato": "NATO",
    "AU": "African Union", "WHO": "World Health Organization", "IMF": "International Monetary Fund",
    "ISIS": "Islamic State", "ISIL": "Islamic State", "Daesh": "Islamic State",
    "Islamic State of Iraq and Syria": "Islamic State", "Islamic State of Iraq and the Levant": "Islamic State",
    "GOP": "Republican Party",
}

# Members and adjectives of the parties that dominate US and UK news ("every Democrat", "the
# Democratic nomination", "Tories", "Lib Dems") -> the party. Other parties need a user alias table.
_PARTY_WORDS = {
    "Democrat": "Democratic Party", "Democrats": "Democratic Party", "Democratic": "Democratic Party",
    "Republican": "Republican Party", "Republicans": "Republican Party",
    "Tory": "Conservative Party", "Tories": "Conservative Party", "Conservative": "Conservative Party",
    "Conservatives": "Conservative Party", "Labour": "Labour Party",
    "Lib Dem": "Liberal Democrats", "Lib Dems": "Liberal Democrats", "Liberal Democrat": "Liberal Democrats",
    "Liberal Democrats": "Liberal Democrats",
}

# Words that head titles and roles; a name never starts with them.
_TITLE_WORDS = """
president vice-president vice prime minister ministers secretary senator sen sen. rep rep. representative
congressman congresswoman governor gov gov. mayor king queen prince princess pope cardinal bishop archbishop
rev rev. reverend father sister pastor deacon crown imam rabbi sheikh emir sultan chancellor chairman chairwoman chair chairperson ceo cfo
director spokesman spokeswoman spokesperson ambassador envoy judge justice attorney general gen gen. lt
lt. col col. colonel major maj maj. captain capt capt. commander admiral sergeant sgt officer lieutenant
mp mps mep meps mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady speaker leader chief premier
deputy commissioner superintendent inspector detective coach manager founder dean head chairman
first lady senior junior former acting interim opposition foreign defence defense finance interior
cabinet state health education trade justice home
"""


@functools.lru_cache(maxsize=1)
def _tables():
    places, demonyms, capitals = set(), {}, set()
    for line in _COUNTRIES.strip().splitlines():
        country, dems, capital = line.split("|")
        places.add(country)
        for d in dems.split(","):
            if d:
                demonyms.setdefault(d, country)
        if capital:
            places.add(capital)
            capitals.add(capital)
    for v, c in VARIANTS.items():
        if c in places:
            places.add(v)
    return places, demonyms, capitals


_ROLE_HEADS = {w for w in _TITLE_WORDS.split()}
_PURE_MODIFIERS = {"first", "senior", "junior", "former", "acting", "interim", "opposition", "foreign", "defence",
                   "defense", "finance", "interior", "cabinet", "state", "health", "education", "trade", "home",
                   "vice", "crown", "deputy", "head", "chief", "general", "leader", "major", "justice", "officer", "director",
                   "manager", "coach", "founder", "dean", "lady", "lord", "speaker", "chair", "miss", "sir", "dame"}


def is_role_word(word: str) -> bool:
    """A capitalised word that can be part of a title or role ("Vice", "President", "Sen.")."""
    return word[:1].isupper() and word.lower() in _ROLE_HEADS


def is_title_head(word: str) -> bool:
    """A capitalised word that makes a run of role words a title ("President", "Secretary"),
    as opposed to modifiers that also occur in ordinary names ("General", "Chief", "State")."""
    return is_role_word(word) and word.lower() not in _PURE_MODIFIERS


def is_place(name: str) -> bool:
    """A country, capital city or common variant of one ("Kinshasa", "U.S.")."""
    return name in _tables()[0]


def country_of_demonym(word: str) -> str | None:
    """The country of a demonym: "Rwandan" -> "Rwanda"; None when unknown (e.g. "Hutu")."""
    table = _tables()[1]
    return table.get(word) or (table.get(word[:-1]) if word.endswith("s") else None)


# Diseases and pathogens in the news: the model tags them as people or organisations, but they are
# not actors.
_NOT_ACTORS = {w.casefold() for w in """COVID-19 COVID Covid-19 Covid coronavirus SARS-CoV-2 SARS MERS Ebola HIV AIDS
HIV/AIDS H1N1 H5N1 Zika mpox monkeypox malaria cholera polio measles tuberculosis Omicron Delta""".split()}


def is_not_actor(name: str) -> bool:
    """A name the model tags that is no actor: "COVID-19", "Ebola"."""
    return name.casefold() in _NOT_ACTORS


def party_of(word: str) -> str | None:
    """The party of a member or adjective: "Democrats" -> "Democratic Party"; None otherwise."""
    return _PARTY_WORDS.get(word)


def canonical_variant(name: str) -> str:
    """The canonical form of a common name variant: "U.S." -> "United States"."""
    return VARIANTS.get(name, name)
