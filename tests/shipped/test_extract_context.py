"""How the rest of a text settles an ambiguous name, on the shipped gazetteer (sentences written
for these tests): the places it names below country level, and the country it is set in."""

from __future__ import annotations

import pytest

from toponym import Gazetteer

LONDON_UK, LONDON_ON = "gn-2643743", "gn-6058560"
PARIS_FR, PARIS_TX = "gn-2988507", "gn-4717560"


def ids(gz: Gazetteer, text: str, name: str) -> set[str]:
    return {m.place.id for m in gz.extract(text) if m.text == name}


def test_a_name_repeated_is_no_evidence_for_its_own_answer(shipped: Gazetteer) -> None:
    """Three "London" lend the London the name means alone no support against "Ontario"."""
    text = "The mayor of London opened a library. London councillors and London police came. Ontario paid for it."
    assert ids(shipped, text, "London") == {LONDON_ON}
    # read two ways ("in London" is specific, "London" is not), it is still one name
    text = "The mayor of London opened a library in London. London police came. Ontario paid for it."
    assert ids(shipped, text, "London") == {LONDON_ON}
    assert ids(shipped, "Paris police and Paris firefighters searched the woods with Texas rangers.", "Paris") == {
        PARIS_TX
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Refugees settled in London this spring. Canada took 40,000, and Canada will take more.", LONDON_ON),
        # named once, a country is a place the text speaks of, not where it is set
        ("The Prime Minister of Canada visited London on Monday.", LONDON_UK),
        # the country of the name's own answer is named too: nothing to settle
        ("Canada and Britain met in London. Canada hosts the next round.", LONDON_UK),
    ],
)
def test_a_country_named_again_and_again_is_where_the_text_is_set(shipped: Gazetteer, text: str, expected: str) -> None:
    assert ids(shipped, text, "London") == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the United States is where the text is set; Paris, Texas, is a town of 25,000 people, and
        # the text names nothing in Texas: the capital of France
        ("The U.S. envoy flew from Moscow to Paris. U.S. officials said the U.S. would wait.", {PARIS_FR}),
        # a place of Texas named: the town is the text's own (its state's support, not its country's)
        ("Schools in Paris and Waco stay shut. U.S. forecasters said the U.S. storm will last.", {PARIS_TX}),
    ],
)
def test_a_country_a_text_is_set_in_does_not_move_a_metropolis_to_a_town_of_it(
    shipped: Gazetteer, text: str, expected: set[str]
) -> None:
    assert ids(shipped, text, "Paris") == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # Dallas lies in Texas, which holds a Paris of 25,000: the text names no place of Texas
        ("Flights from Dallas to Paris resumed on Monday.", "Paris", PARIS_FR),
        ("She lived in Rome and New York before the war.", "Rome", "gn-3169070"),
        # the state named: the town there
        ("Snow fell on Rome, Utica and Syracuse across New York State.", "Rome", "gn-5134295"),
    ],
)
def test_a_region_a_named_place_lies_in_does_not_move_a_metropolis_to_a_town_of_it(
    shipped: Gazetteer, text: str, name: str, expected: str
) -> None:
    assert ids(shipped, text, name) == {expected}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a word list holds "Plymouth" as the English city's name, no word: the town of 7,500 in
        # the state the text names is the one meant
        ("The pilgrims came ashore at Plymouth and wintered in Massachusetts.", "Plymouth", "gn-4947597"),
        # ... and the country the text names again and again counts for that village too, not for
        # every town of the name in that country alike (a tie, and the English city)
        (
            "Turkeys are raised all over the United States. Cranberries grow in the United States too. "
            "The United States holds a feast each year. The first was held in Plymouth, and Massachusetts marks it.",
            "Plymouth",
            "gn-4947597",
        ),
        # a village of that name in the region does not tie with the region's unit of the name
        (
            "Voters in Guerrero, Mexico, went to the polls. The mayor of Acatepec said Mexico must act.",
            "Acatepec",
            "gn-8582016",
        ),
        # England, which only London implies, says nothing of the English village named Berkeley
        ("A lab in London and one at Berkeley shared the prize.", "Berkeley", "gn-5327684"),
        # two states named alike, a town in one and a village in the other: the town
        ("Sheriffs in Ohio and Washington State are looking for a man from Barberton.", "Barberton", "gn-5146491"),
        ("Police in Vermont and Massachusetts are searching for a man from Rutland.", "Rutland", "gn-5240509"),
    ],
)
def test_villages_take_the_support_of_what_the_text_names_and_towns_go_first(
    shipped: Gazetteer, text: str, name: str, expected: str
) -> None:
    assert ids(shipped, text, name) == {expected}


def test_without_context_a_name_means_what_it_means_alone(shipped: Gazetteer) -> None:
    assert ids(shipped, "London and Paris.", "London") == {LONDON_UK}
    assert ids(shipped, "London and Paris.", "Paris") == {PARIS_FR}
    assert [m.place.id for m in shipped.extract("London", context=False)] == [LONDON_UK]


def places(gz: Gazetteer, text: str) -> list[tuple[str, str | None]]:
    """Each mention's text and its place's parent."""
    return [(m.text, m.place.parent) for m in gz.extract(text)]


@pytest.mark.parametrize(
    ("text", "name", "region"),
    [
        # a dateline: the town in Kentucky, not Scotland's Glasgow, and its later mentions too
        ("GLASGOW, Ky. -- A bridge was closed on Monday. Glasgow police said it reopens soon.", "Glasgow", "us-ky"),
        ("The mayor of Georgetown, Ky., spoke. Georgetown College closed early.", "Georgetown", "us-ky"),
        # a town of 8,000 whose namesake has 9 million: the region written after it still moves it
        ("LONDON, Ky. (AP) -- A fire destroyed a house. London police said.", "London", "us-ky"),
        # a dateline may drop the abbreviation's dot before the agency
        ("EDMONTON, Ky (WCLU) -- The county school board met on Thursday night.", "Edmonton", "us-ky"),
        # or be tokenised, with its date on the next line
        ("Retailer sees loss .\nRICHMOND , Va .\n2024-03-05\nThe company said on Tuesday .", "Richmond", "us-va"),
        # the town's parent is the state where the text names the province (Bizkaia, Basque Country)
        ("Los vecinos de Sestao ( Vizcaya ) protestaron ayer.", "Sestao", "es-pv"),
        # a dateline of a name that alone ties, before its country, with the comma tokenised
        ("Dutch couple kidnapped .\nSAN JOSE , Costa Rica 2024-03-05\nThe police said .", "SAN JOSE", "cr-sj"),
        # the town of 10,000 in that state, not a village there (a town of California ties with it alone)
        ("The bonds of Fairview, Texas, were rated Baa1.", "Fairview", "us-tx"),
        # a list of towns, each with its state: the list goes on with a town, not with a region
        (
            "Storms delayed flights in Louisville, Kentucky, Richmond, Virginia, and Tampa, Florida.",
            "Richmond",
            "us-va",
        ),
    ],
)
def test_a_town_written_before_its_state_is_the_one_in_that_state(
    shipped: Gazetteer, text: str, name: str, region: str
) -> None:
    found = [parent for surface, parent in places(shipped, text) if surface.casefold() == name.casefold()]
    assert found and set(found) == {region}


@pytest.mark.parametrize(
    "text",
    [
        "Es war so kalt wie in Leipzig, Dresden, Spitzbergen oder der Antarktis.",
        "Sie lebte in London , Rom , New York und Paris .",
    ],
)
def test_a_name_after_another_and_a_comma_is_an_item_of_a_list(shipped: Gazetteer, text: str) -> None:
    """ "Dresden, Spitzbergen" and "Rom , New York" are items of lists, not towns before their regions."""
    found = dict(places(shipped, text))
    assert found.get("Dresden", "de-sn") == "de-sn" and found.get("Rom", "it-62") == "it-62"
    assert ("Dresden" in found or "Rom" in found) and found.get("New York", "us-ny") == "us-ny"


def test_a_town_the_text_puts_where_no_such_place_is_known_is_no_answer(shipped: Gazetteer) -> None:
    """No Paris in Idaho is known: the French capital would be a wrong answer, here and after."""
    found = places(shipped, "He grew up in Paris, Idaho, and moved west. Paris had one school.")
    assert found == [("Idaho", "us")]


def test_the_town_settles_which_region_it_is_in(shipped: Gazetteer) -> None:
    """Alone, "Toledo" is read as Belize's district; after a town of Spain it is the province."""
    alone = {m.place.id for m in shipped.extract("Llueve en Toledo.")}
    found = {
        m.place.id
        for m in shipped.extract("Hubo lluvias en Madridejos (Toledo). Toledo pide ayudas.")
        if m.text == "Toledo"
    }
    assert found == {"es-to"} and alone != found


@pytest.mark.parametrize(
    "text",
    [
        "He is a surgeon at a hospital in Bronx, New York. He was born there.",
        "The hearing was held in Albany, New York, on Monday.",  # alone, "Albany" is elsewhere
        "Flights to Buffalo, New York, resumed.",
    ],
)
def test_a_state_whose_name_is_a_city_s_first_is_the_state_after_its_town(shipped: Gazetteer, text: str) -> None:
    """Bare, "New York" is the city; after a town of the state, a comma between, it is the state,
    and the town is the state's town of that name."""
    found = [(m.text, m.place.id, m.place.parent) for m in shipped.extract(text)]
    assert found[-1][:2] == ("New York", "us-ny")
    assert len(found) == 2 and found[0][2] == "us-ny"
    assert shipped.resolve("New York").place.id != "us-ny"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # alone "León" ties (the city, Nicaragua's), "Astorga" is first a town of Brazil
        (
            "La feria del libro se celebra este año en Astorga ( León ) .",
            [("Astorga", "gn-3129231"), ("León", "es-le")],
        ),
        ("El accidente ocurrió en el término de Agreda ( Soria ) .", [("Agreda", "gn-3130909"), ("Soria", "es-so")]),
        # a unit of that name a reader does not know by it is none ("Innisfail", a town of 7,700
        # people, has a municipal district of its name): listed with two cities of Alberta, it is
        # the town there
        (
            "The choir sings in Lethbridge, Innisfail and Calgary .",
            [("Lethbridge", "gn-6053154"), ("Innisfail", "gn-5983430"), ("Calgary", "gn-5913490")],
        ),
    ],
)
def test_a_region_that_alone_names_no_one_place_is_the_unit_holding_the_town_before_it(
    shipped: Gazetteer, text: str, want: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.place.id) for m in shipped.extract(text)] == want


@pytest.mark.parametrize(
    ("text", "name", "unit"),
    [
        ("Hundreds of olive farms flooded in the province of Aydin overnight.", "Aydin", "tr-09"),
        ("Rebels shelled villages in Idlib province on Monday.", "Idlib", "sy-id"),
        ("Former New York Gov. Mario Cuomo spoke.", "New York", "us-ny"),
    ],
)
def test_a_unit_s_word_beside_a_city_s_name_says_it_is_the_unit(
    shipped: Gazetteer, text: str, name: str, unit: str
) -> None:
    """A city outranks the unit of its name; "province", "Gov." beside it say the unit, for the
    name's later mentions too, while a name without them stays the city."""
    assert ids(shipped, text, name) == {unit}
    assert ids(shipped, text + f" Later {name} was quiet.", name) == {unit}
    assert ids(shipped, f"He lives in {name} now.", name) - {unit}
    assert ids(shipped, f"He lives in {name} now. The province of Leon is far.", name) - {unit}


@pytest.mark.parametrize(
    ("text", "name", "unit"),
    [
        ("Sie war Richterin am Obergericht des Kantons Bern.", "Bern", "ch-be"),
        ("Im Kanton Zürich wird am Sonntag gewählt.", "Zürich", "ch-zh"),
    ],
)
def test_a_german_unit_s_word_before_a_name_says_the_unit_and_stays_apart(
    shipped: Gazetteer, text: str, name: str, unit: str
) -> None:
    """German writes the unit's word before its name, declined ("des Kantons Bern"), and marks the
    name alone: the mention is the name, the canton (not the city, nor a judge's surname)."""
    assert [(m.text, m.place.id) for m in shipped.extract(text)] == [(name, unit)]


@pytest.mark.parametrize(
    ("text", "name", "town", "other"),
    [
        ("Tourists crowded the beaches of the resort town of Pattaya last week.", "Pattaya", "gn-1614295", "th-s"),
        ("They met near the Iraqi city of Dohuk .", "Dohuk", "gn-96994", "iq-da"),
        ("Visitaron la ciudad de México y Puebla .", "México", "gn-3530597", "mx"),
        ("He was born in the city of Kuwait in 1960 .", "Kuwait", "gn-285787", "kw"),
    ],
)
def test_a_kind_of_settlement_before_a_unit_s_name_says_it_is_the_town(
    shipped: Gazetteer, text: str, name: str, town: str, other: str
) -> None:
    """A country or a unit outranks the town of its name; "the town of", "la ciudad de" before it
    say the town (in that country), while a plural says nothing ("the towns of Ohio")."""
    assert ids(shipped, text, name) == {town}
    assert other in {m.place.id for m in shipped.extract(f"He lives in {name} .")}
    assert ids(shipped, "The towns of Ohio and Indiana voted .", "Ohio") == {"us-oh"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region of a list, not of the name before it
        (
            "Flights from Sydney, Victoria and Queensland resumed.",
            [("Sydney", "au-nsw"), ("Victoria", "au"), ("Queensland", "au")],
        ),
        ("Les cantons de Zurich, Vaud et Genève ont voté.", [("Zurich", "ch-zh"), ("Vaud", "ch"), ("Genève", "ch-ge")]),
        # regions one after another
        ("Texas, California and Ohio sued.", [("Texas", "us"), ("California", "us"), ("Ohio", "us")]),
        # a country after a name places nothing this way ("Mika Salo ( Finland )" in results is a driver)
        ("The summit in Paris, France, ended.", [("Paris", "fr-idf"), ("France", None)]),
    ],
)
def test_a_region_after_a_name_that_is_no_region_of_it_changes_nothing(
    shipped: Gazetteer, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert places(shipped, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's postal code after its town places the town, and names the state itself
        (
            "The plant in Paris, TX closed in May. Paris lost 300 jobs.",
            [("Paris", "us-tx"), ("TX", "us-tx"), ("Paris", "us-tx")],
        ),
        (
            "Offices in Laval, QC and London, ON will close.",
            [("Laval", "ca-qc"), ("QC", "ca-qc"), ("London", "ca-on"), ("ON", "ca-on")],
        ),
        ("SPRINGFIELD, IL (AP) -- Lawmakers met on Monday.", [("SPRINGFIELD", "us-il"), ("IL", "us-il")]),
        # a wire's dateline: the double dash touches what follows
        ("LOUISVILLE, KY--(Wire) -- The firm reported results.", [("LOUISVILLE", "us-ky"), ("KY", "us-ky")]),
        ("A Louisville, KY-based firm grew.", [("Louisville", "us-ky"), ("KY", "us-ky")]),
        # a dateline before a story that opens with a one-letter word
        ("AUSTIN, Texas A state senator said on Monday that talks failed.", [("AUSTIN", "us-tx"), ("Texas", "us-tx")]),
        # no town of the name in a unit of that code: people, and a country's code, are left alone
        ("Talks with Kowalski, DE and Nguyen, NY ended.", []),
        ("He flew from Paris, FR to Lyon.", [("Paris", "fr-idf"), ("Lyon", "fr-ara")]),
    ],
)
def test_a_town_written_before_its_regions_code_is_the_one_there(
    shipped: Gazetteer, text: str, expected: list[tuple[str, str]]
) -> None:
    found = [(m.text, m.place.id if m.place.kind == "subdivision" else m.place.parent) for m in shipped.extract(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the town of the name near the town written after it, not the name's first answer
        ("Treated water is drunk in Richmond, west of Sydney.", [("Richmond", "au-nsw"), ("Sydney", "au-nsw")]),
        ("Un incendie a touché Richmond, au nord de Sydney.", [("Richmond", "au-nsw"), ("Sydney", "au-nsw")]),
        ("Hubo lluvias en Valencia, a 150 km al oeste de Caracas.", [("Valencia", "ve-g"), ("Caracas", "ve-a")]),
        (
            "Die Polizei in Frankfurt, etwa 80 km östlich von Berlin, ermittelt.",
            [("Frankfurt", "de-bb"), ("Berlin", "de-be")],
        ),
        # near a town across a border, a name keeps its answer
        (
            "Ferries reached Malaga, some 100 km east of Gibraltar, on time.",
            [("Malaga", "es-an"), ("Gibraltar", "gi")],
        ),
        # no place of the name near that town: no answer (not Jamaica's capital)
        ("A cyclist was hurt in Kingston, south of Brisbane, on Sunday.", [("Brisbane", "au-qld")]),
    ],
)
def test_a_name_written_near_a_town_is_its_place_there(
    shipped: Gazetteer, text: str, expected: list[tuple[str, str]]
) -> None:
    found = [(m.text, m.place.id if m.place.kind != "city" else m.place.parent) for m in shipped.extract(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the other states of its country make "Georgia" the state, named or holding a town
        ("Voters in Alabama, Georgia and Tennessee went to the polls.", "us-ga"),
        ("The storm hit Miami and Tampa before it moved into Georgia.", "us-ga"),
        # other countries, and places inside it, keep the country
        ("Georgia and Armenia signed a deal in Tbilisi.", "ge"),
        ("Russia invaded Georgia in 2008, officials in Washington said.", "ge"),
        ("Troops from Georgia and Ukraine trained in Texas.", "ge"),
        # a province of a neighbour by the country's name is a claim on the same land: the
        # neighbour's places say nothing about it
        ("China says the time is right for Taiwan talks, officials in Beijing and Shanghai said.", "tw"),
    ],
)
def test_a_countrys_name_that_is_a_state_of_another_is_settled_by_its_peers(
    shipped: Gazetteer, text: str, expected: str
) -> None:
    assert ids(shipped, text, "Georgia" if "Georgia" in text else "Taiwan") == {expected}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a country's name that is an alias of a place inside it stays the country beside that
        # place: the place speaks for its country
        ("MEXICO CITY (Reuters) - Mexico's central bank cut rates.", "Mexico", "mx"),
        ("ALGIERS (Reuters) - Algeria said on Monday that Algiers would host the talks.", "Algeria", "dz"),
        ("Guatemala City was calm as Guatemala voted.", "Guatemala", "gt"),
        # the capital is the city, not the unit of its name around it
        ("MEXICO CITY (Reuters) - Mexico's central bank cut rates.", "MEXICO CITY", "gn-3530597"),
    ],
)
def test_a_countrys_name_stays_the_country_beside_a_place_inside_it(
    shipped: Gazetteer, text: str, name: str, expected: str
) -> None:
    assert ids(shipped, text, name) == {expected}


def test_a_name_placed_again_elsewhere_is_that_place_from_there_on(shipped: Gazetteer) -> None:
    """A later region after the name places it anew; a country after it lifts the earlier pin."""
    text = "He grew up in Paris, Idaho, then studied in Paris, France. Paris was far from home."
    assert [(m.text, m.place.parent) for m in shipped.extract(text)] == [
        ("Idaho", "us"),
        ("Paris", "fr-idf"),
        ("France", None),
        ("Paris", "fr-idf"),
    ]
    text = "GLASGOW, Ky. -- Glasgow police said. Glasgow, Scotland, sent help."
    assert [m.place.parent for m in shipped.extract(text) if m.text.casefold() == "glasgow"] == [
        "us-ky",
        "us-ky",
        "gb-sct",
    ]


@pytest.mark.parametrize(
    ("text", "name", "parent"),
    [
        # a country after a name moves it there, here and after
        ("He moved to London, Canada, last year. London is cold in winter.", "London", "ca-on"),
        ("She lives in Paris, Canada.", "Paris", "ca-on"),
        ("Moscow, Russia, said nothing.", "Moscow", "ru-mow"),  # already there
        # the likeliest of its places there, as a country hint ranks them (not a tie)
        ("Victoria, Canada, is rainy.", "Victoria", "ca-bc"),
        ("Valencia, Venezuela, grew fast.", "Valencia", "ve-g"),
    ],
)
def test_a_country_after_a_name_is_where_it_lies(shipped: Gazetteer, text: str, name: str, parent: str) -> None:
    found = [m.place.parent for m in shipped.extract(text) if m.text == name]
    assert found and set(found) == {parent}


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a country's name before its own is its city of that name; the second is the country
        ('They tagged the location "Singapore, Singapore" on their photos.', ["city", "country"]),
        ("The office moved to Panama, Panama, in May. Panama is a hub.", ["city", "country", "country"]),
        # a country's name that begins a list is the country
        ("Singapore, Malaysia and Thailand signed the pact.", ["country", "country", "country"]),
    ],
)
def test_a_countrys_name_before_its_own_is_its_city(shipped: Gazetteer, text: str, kinds: list[str]) -> None:
    assert [m.place.kind for m in shipped.extract(text)] == kinds


def test_a_country_after_a_name_never_takes_its_answer_away(shipped: Gazetteer) -> None:
    """A town that no place of the country bears keeps its answer (no pin drops it), and a driver's
    country in results or a list of places moves nothing."""
    assert [m.text for m in shipped.extract("1. Mika Salo, Finland, 1:54")] == ["Finland"]
    assert [(m.text, m.place.id) for m in shipped.extract("Talks between Moscow, Ukraine and the West.")] == [
        ("Moscow", "gn-524901"),
        ("Ukraine", "ua"),
    ]


def test_a_country_the_text_names_weighs_for_its_own_places(shipped: Gazetteer) -> None:
    """Two English towns named below do not move "Washington" to England in a text that names the
    United States twice: the answer's own country counts as often as the text names it."""
    text = "Washington (CNN) The United States will send envoys to Bolton and Plymouth, a United States official said."
    assert [m.place.parent for m in shipped.extract(text) if m.text == "Washington"] == ["us-dc"]


SION_CH = "gn-2658576"


def test_a_text_is_written_from_the_country_it_names_three_places_of_in_its_language(shipped: Gazetteer) -> None:
    """A Swiss paper in French names Lausanne, Yverdon and Aarau and never Switzerland: its "Sion"
    is the Swiss town (not Zion), as a region named beside it would say."""
    text = "Le comité s'est réuni à Lausanne, puis à Yverdon et à Aarau. La séance suivante aura lieu à Sion en mars."
    assert ids(shipped, text, "Sion") == {SION_CH}


@pytest.mark.parametrize(
    "text",
    [
        # two places are not yet where a text is from
        "Le comité s'est réuni à Lausanne et à Yverdon. La séance suivante aura lieu à Sion en mars.",
        # English is written everywhere: it says nothing of where a text is from
        "The committee met in Lausanne, then in Yverdon and Aarau. The next session will be in Sion in March.",
    ],
)
def test_no_country_a_text_is_written_from(shipped: Gazetteer, text: str) -> None:
    assert ids(shipped, text, "Sion") == set()


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Une Bulle a éclaté hier.", "Bulle"),  # a Swiss town, and a word of French
        ("La situation des Suisses en Russie inquiète.", "Suisses"),  # the people, not the country
    ],
)
def test_the_country_a_text_is_written_from_vouches_for_no_word(shipped: Gazetteer, sentence: str, word: str) -> None:
    text = "Le comité s'est réuni à Lausanne, puis à Yverdon et à Aarau. " + sentence
    assert word not in {m.text for m in shipped.extract(text)}


def test_a_region_in_brackets_places_the_town_even_when_its_name_is_first_a_city(shipped: Gazetteer) -> None:
    """Bare, "La Rioja" is a city of Argentina, and "Alfaro" a city of Ecuador (and a surname);
    in a dateline the bracket says: the village of La Rioja, Spain, and the region it lies in."""
    text = "Alfaro ( La Rioja ) , 23 may ( EFE ) . La empresa abrirá una planta en Alfaro ."
    found = [(m.text, m.place.id) for m in shipped.extract(text)]
    assert found == [("Alfaro", "gn-3130399"), ("La Rioja", "es-ri"), ("Alfaro", "gn-3130399")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The treaty promised Constantinople (Istanbul) to the tsar.",
            [("Constantinople", "gn-745044"), ("Istanbul", "gn-745044")],
        ),
        ("She grew up in Bombay (Mumbai).", [("Bombay", "gn-1275339"), ("Mumbai", "gn-1275339")]),
    ],
)
def test_another_name_of_the_same_place_in_brackets_is_no_region(
    shipped: Gazetteer, text: str, expected: list[tuple[str, str]]
) -> None:
    """A name in brackets that answers the same place as the name before it glosses it: it is no
    region that places the town (Istanbul's province, Mumbai's district)."""
    assert [(m.text, m.place.id) for m in shipped.extract(text)] == expected


def test_a_region_in_brackets_places_a_village_named_by_a_frequent_word(shipped: Gazetteer) -> None:
    """ "Sort" is an English word: a village of that name is no candidate, but where the region in
    brackets after it places it."""
    placed = [
        (m.text, m.place.id) for m in shipped.extract("Una feria se celebra en Sort ( Lleida ) este fin de semana .")
    ]
    assert placed == [("Sort", "gn-3108663"), ("Lleida", "es-l")]
    assert shipped.extract("Una feria se celebra en Sort este fin de semana .") == []


def test_a_city_after_a_comma_is_no_region_of_the_name_before(shipped: Gazetteer) -> None:
    """Only brackets read a city's name as the region of that name: a comma may join two cities."""
    found = {m.text: m.place.id for m in shipped.extract("Vuelos entre Madrid, Barcelona y Sevilla .")}
    assert found.get("Madrid") == "gn-3117735" and found.get("Barcelona") == "gn-3128760"


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        # one sentence: three common words of German tell its language
        ("Der Verein zog im Sommer nach Mittweida um .", "Mittweida", "gn-2870318"),
        # a German noun after its article is no part of a name: the town stands in apposition
        ("Der Rat der Stadt Torgau hat den Plan gestern beschlossen .", "Torgau", "gn-2821807"),
        ("Er lehrte an der Universität Gießen und lebte dort bis 1950 .", "Gießen", "gn-2920512"),
        # Spanish or Catalan (they share their commonest words): a town where either is spoken
        ("El alcalde de Torrelavega ha presentado hoy el plan de la ciudad .", "Torrelavega", "gn-3107775"),
        # an elided article is no quotation mark
        ("Le maire d'Annemasse a présenté hier le plan de la ville aux habitants .", "Annemasse", "gn-3037538"),
    ],
)
def test_a_town_in_a_sentence_in_the_language_of_its_country(
    shipped: Gazetteer, text: str, name: str, place: str
) -> None:
    assert ids(shipped, text, name) == {place}


@pytest.mark.parametrize(
    "text",
    [
        "Dort wurde er im Jahr 1950 geboren und lebte in der Stadt .",  # "there", an alias of Dordrecht
        "Der Sänger Thomas Torgau trat gestern in der Halle auf .",  # a person: a given name before it
        "Die Mannschaft spielte am Abend in der Halle gegen den Meister .",  # "the hall", no Halle (Saale)
        "Die Spieler traten gestern bei den Löwen nur als Ersatz an .",  # "the lions" (with its umlaut), no Leuven
        "Según el presidente de la Libertad , el alcalde de la ciudad ha dimitido .",  # a club, not the town
    ],
)
def test_a_word_or_a_person_is_no_town_of_the_text_s_language(shipped: Gazetteer, text: str) -> None:
    assert {m.text for m in shipped.extract(text)} == set()


def test_a_unit_named_by_its_side_of_a_country_needs_that_country(shipped: Gazetteer) -> None:
    """ "EASTERN DIVISION" heads a baseball table, not Fiji's division; the text that names Ghana or
    Uganda says which "Eastern Region" it means. "Northern Territory" is a name, not a side."""
    assert shipped.extract("AMERICAN LEAGUE\nEASTERN DIVISION\nW L PCT GB\nNEW YORK 74 58 .561 -") == []
    assert ids(shipped, "In Ghana, the Eastern Region voted for the opposition.", "Eastern Region") == {"gh-ep"}
    assert ids(shipped, "In Uganda, the Eastern Region voted for the opposition.", "Eastern Region") == {"ug-e"}
    assert ids(shipped, "Police in the Northern Territory shut the road.", "Northern Territory") == {"au-nt"}
    # a side alone: "Far North Queensland" is no region of Cameroon; Cameroon's text says it is
    assert {m.text for m in shipped.extract("Police in Far North Queensland shut the road.")} == {"Queensland"}
    assert ids(shipped, "Boko Haram attacked villages in Cameroon's Far North.", "Far North") == {"cm-en"}
    # Arabic sides alone: "south-west of Baghdad" is no region of Cameroon; a text on Cameroon says it is
    assert [m.text for m in shipped.extract("قتل شخصان في حي يقع جنوب غرب بغداد أمس .")] == ["بغداد"]
    assert ids(shipped, "زار الوزير منطقة جنوب غرب الكاميرون .", "جنوب غرب") == {"cm-sw"}
    # in Spanish and Portuguese too: "o Nordeste" is Brazil's north-east, "el Sudeste de Europa"
    # south-east Europe, not Haiti's Nord-Est and Sud-Est, whose names in those languages they are
    assert shipped.extract("O governo anunciou novas medidas para o Nordeste.") == []
    assert [m.text for m in shipped.extract("Firmaron un pacto para el Sudeste de Europa.")] == ["Europa"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Toen hij terugkeerde naar Kongo , bezocht hij Kinshasa .", [("Kongo", "cd"), ("Kinshasa", "gn-2314302")]),
        ("Er flog nach Brazzaville und dann in den Kongo .", [("Brazzaville", "gn-2260535"), ("Kongo", "cg")]),
        # no place of either in the text: no answer
        ("Hij reisde naar Kongo .", []),
        # a stop that one country's name is (an English word) is settled by nothing
        ("Pain is what he felt in Madrid .", [("Madrid", "gn-3117735")]),
    ],
)
def test_a_name_two_countries_share_is_the_one_the_text_names_a_place_in(
    shipped: Gazetteer, text: str, want: list[tuple[str, str]]
) -> None:
    """Dutch and German "Kongo" is either Congo (a stop: no default); a town of one in the text says which."""
    assert [(m.text, m.place.id) for m in shipped.extract(text)] == want


def test_the_country_a_text_is_set_in_settles_a_tie(shipped: Gazetteer) -> None:
    """The name "San Jose" alone ties California's city with Costa Rica's capital: a text set in Costa
    Rica means the capital, not the province or the town of that name there, which rank below it."""
    text = "SAN JOSE, Costa Rica (AP) — An earthquake shook Costa Rica on Monday, officials in San Jose said."
    assert ids(shipped, text, "SAN JOSE") == ids(shipped, text, "San Jose") == {"gn-3621849"}


def test_the_country_a_text_is_set_in_settles_a_word(shipped: Gazetteer) -> None:
    """A town whose name is a frequent word of some language stands in a text set in its country."""
    text = "Refugees demand to vote in Doboj, Bosnia's Moslem leaders said. Bosnia holds elections in September."
    assert ids(shipped, text, "Doboj") == {"gn-3201984"}


def test_a_stop_stays_unanswered_in_a_text_set_in_a_country_of_its_places(shipped: Gazetteer) -> None:
    """The name "White House" is a stop of the policy (the president's house): a text about the United
    States does not make it the town of that name in Tennessee."""
    text = "The White House said the United States would act. United States officials agreed."
    assert ids(shipped, text, "White House") == set()


def test_support_shared_by_places_of_one_region_goes_to_the_first_of_them(shipped: Gazetteer) -> None:
    """Alone, "La Rioja" is a city of Argentina; beside Calahorra, Spain's region and its province
    (of one name) are supported alike, and the region ranks first."""
    text = "Los Reyes visitaron La Rioja y terminaron su viaje en Calahorra."
    assert ids(shipped, text, "La Rioja") == {"es-ri"}


@pytest.mark.parametrize(
    ("text", "name", "parent"),
    [
        # a town placed by its county later in the text settles the name read before it
        (
            "A woman from Edmonton was charged on Monday. A man from Clacton, Essex, was charged too.",
            "Edmonton",
            "gb-eng",
        ),
        # a town placed in the country of the first answer moves nothing
        ("Edmonton police held a man from Red Deer, Alberta, on Monday.", "Edmonton", "ca-ab"),
        # within one country the first answer stands: the city, not the province of its name
        ("Detenidos en Girona y Barcelona. El alijo llegó a Tossa de Mar ( Girona ).", "Girona", "es-ct"),
    ],
)
def test_the_towns_a_text_places_later_settle_a_name_before_them(
    shipped: Gazetteer, text: str, name: str, parent: str
) -> None:
    found = [m.place for m in shipped.extract(text) if m.text == name]
    assert found and found[0].parent == parent
    assert found[0].kind == "city"


@pytest.mark.parametrize(("name", "place"), [("Rhône", "rhone-river"), ("Galicia", "galicia-eastern-europe")])
def test_context_moves_a_name_to_a_place_of_no_country(shipped: Gazetteer, name: str, place: str) -> None:
    """A river or a region across borders (no country of its own) takes the support of the text's
    places like any candidate: the rule that keeps "Mexico" beside "Mexico City" holds only where
    the name's first answer is a country."""
    resolver, index = shipped.resolver, shipped.resolver.index
    found = resolver.resolve_in_context(name, {index.row_of(place): 1.0})
    assert found is not None and found.place.id == place


def test_an_english_word_heading_a_longer_name_is_no_place(shipped: Gazetteer) -> None:
    """University is a town in Florida, and Florida is named: "the University of South Florida" is
    still a university, and the town of a word needs a place that the word itself names."""
    text = "A team at the University of South Florida, Tampa, built it."
    assert "University" not in [m.text for m in shipped.extract(text)]
    assert "Tampa" in [m.text for m in shipped.extract(text)]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # "in" and a region after a name place it there, as a comma does
        ("Delegates flew to Perth in Scotland for the talks.", "Perth", {"gn-2640358"}),
        ("The plant is near London in Ontario.", "London", {"gn-6058560"}),
        # ... with the part of the region between ("in southern Queensland", "in far north-west NSW")
        ("Scanners were put in at Roma in southern Queensland last year.", "Roma", {"gn-2151187"}),
        ("The plant is near London in south-western Ontario.", "London", {"gn-6058560"}),
        # a river or a range crosses regions: one written after it places nothing, nor hides it
        ("Floods on the Murray River in South Australia rose.", "Murray River", {"murray-river"}),
        ("Rain fell on the Darling River in far western New South Wales.", "Darling River", {"darling-river"}),
        ("Rain fell on the Darling River in New South Wales.", "Darling River", {"darling-river"}),
        # ... and where no place of the name lies there, it names no place the index holds (a
        # town of Victoria the index lacks is no city of Oregon), a list or not
        ("Ships load at Portland in Victoria and Fremantle in WA.", "Portland", set()),
        ("Cattle leave from Portland, Victoria, every week.", "Portland", set()),
        # a metropolis before a comma and a region that holds none of its name begins a list
        ("The firm has offices in Sydney, Victoria and Perth.", "Sydney", {"gn-2147714"}),
        ("He is originally from Paris, Idaho, and lives there still.", "Paris", set()),
        # a word before "in" is the word, not a village of the region
        ("She teaches at McMaster University in Ontario.", "University", set()),
        # ... and a country or a unit before a settlement's word places the name after it
        (
            "Flights from Seattle to the Canadian city of Vancouver and to Portland resumed.",
            "Vancouver",
            {"gn-6173331"},
        ),
        ("Rain fell on the Northern Territory settlement of Batchelor.", "Batchelor", set()),
    ],
)
def test_a_region_written_after_a_name_or_before_its_kind_places_it(
    shipped: Gazetteer, text: str, name: str, expected: set[str]
) -> None:
    assert ids(shipped, text, name) == expected


def test_a_local_unit_named_after_a_river_takes_no_support_from_its_region(shipped: Gazetteer) -> None:
    """The Murray River Council (New South Wales) bears the river's name: a text on New South Wales
    names the river, whose name ranks first; a country's name likewise keeps against a place inside
    it that shares it."""
    text = "Farmers near Albury in New South Wales want more water released into the Murray River."
    assert ids(shipped, text, "Murray River") == {"murray-river"}
    assert ids(shipped, "Mexico City and Mexico signed the deal.", "Mexico") == {"mx"}


def test_a_word_a_source_gave_a_city_as_a_name_is_the_word(shipped: Gazetteer) -> None:
    """GeoNames' untagged "Gold" for Gold Coast is dropped (curated source error): the word in a
    text on Queensland is no mention, the city's name is."""
    text = "Gold prices lifted miners across Queensland, and investors on the Gold Coast cheered."
    assert ids(shipped, text, "Gold") == set()
    assert ids(shipped, text, "Gold Coast") == {"gn-2165087"}


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        # towns of a few tens of thousands, listed beside a city that stands: France's
        ("The tour visits Nantes, Vannes and Lorient.", {"Vannes": "fr", "Lorient": "fr"}),
        ("The cyclists rode through Lyon, Annecy, Chambéry and Albertville.", {"Annecy": "fr", "Albertville": "fr"}),
        # words of English ("sedan", "lens") that French towns are named, beside a third that stands
        ("Sedan, Lens et Metz jouent samedi.", {"Sedan": "fr", "Lens": "fr"}),
        ("El viaje pasa por Sevilla, Écija y Carmona.", {"Écija": "es", "Carmona": "es"}),
        # none of them stands alone, and each answers a town of Germany
        ("Die Buslinie verbindet Wiehl, Gummersbach und Engelskirchen.", {"Wiehl": "de", "Engelskirchen": "de"}),
        # a slash joins a list too
        ("Concerten: Antwerpen / Gent / Hasselt.", {"Gent": "be", "Hasselt": "be"}),
    ],
)
def test_names_listed_beside_places_that_stand_are_places_of_their_country(
    shipped: Gazetteer, text: str, listed: dict[str, str]
) -> None:
    """A list is one kind of thing: the country of the names in it that stand holds the others."""
    found = {m.text: m.place.country for m in shipped.extract(text)}
    assert {name: found.get(name) for name in listed} == listed


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "en" places the centre in Washington in Spanish: it joins no list
        ("Según el centro Wilson en Washington, la cifra es baja.", "Wilson"),
        # a given name beside one place is a person
        ("Warren and Dallas watched the game.", "Warren"),
        ("Paris, Martin and Simon signed the letter.", "Martin"),
        # surnames of no one country are no list of places
        ("Lynch, Batchelor, Barton and Riel were held.", "Barton"),
        # nothing but a comma or "and" joins a list: the country in brackets is a player's
        ("Ivanisevic ( Croatia ) , Becker and Muster won.", "Becker"),
        # the end of a longer name is no item of the list ("Stoke Newington", a district of London)
        ("Engines came from Islington, Stoke Newington and Enfield.", "Newington"),
    ],
)
def test_what_is_no_list_of_places_lends_no_support(shipped: Gazetteer, text: str, name: str) -> None:
    assert name not in {m.text for m in shipped.extract(text)}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # alone a city of Argentina; beside two Spanish regions, Spain's region
        ("El río Ebro cruza Cantabria, La Rioja y Aragón.", "La Rioja", "es-ri"),
        # alone a department of Colombia; listed with two towns of Castile and León, the Spanish
        # city (in Cantabria: the region they share does not hold it, their country does)
        ("Los trenes entre Santander, Valladolid y Burgos vuelven a circular.", "Santander", "gn-3109718"),
        # a country listed with countries stays the country, not a province of a neighbour
        ("The band toured Belgium, Luxembourg and the Netherlands.", "Luxembourg", "lu"),
        # a city of millions is not moved to a small town of its list's country
        ("Flights to Paris, Dallas and Houston were cancelled.", "Paris", PARIS_FR),
    ],
)
def test_a_list_settles_which_place_an_ambiguous_name_of_it_is(
    shipped: Gazetteer, text: str, name: str, expected: str
) -> None:
    assert ids(shipped, text, name) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "The Kimberley region of Western Australia has a new mine; zinc prices rose in London.",
        "Cattle stations in the Kimberley and the Pilbara, in Western Australia, need cooks; buyers in London want beef.",
    ],
)
def test_a_region_the_text_names_outweighs_one_a_metropolis_only_implies(shipped: Gazetteer, text: str) -> None:
    """Western Australia holds the Kimberley region; England, which London implies but the text
    does not name, holds a town called Kimberley: alike supported, the region named wins (not the
    city in South Africa that "Kimberley" is alone)."""
    assert ids(shipped, text, "Kimberley") == {"kimberley-region"}


def test_a_region_a_metropolis_implies_still_settles_a_name_that_is_its_own_city(shipped: Gazetteer) -> None:
    text = "Mayor of New York: Brooklyn and Manhattan voters back the plan."
    assert ids(shipped, text, "New York") == {"gn-5128581"}


def test_a_long_list_asks_what_the_text_implies_once(shipped: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a text only implies depends on the text, not on the name being settled: a list of
    hundreds of towns (a column pasted as text) works it out once, not once a name."""
    from toponym.extractor import setting

    calls = []
    real = setting.implied

    def counted(*args: object) -> frozenset[int]:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(setting, "implied", counted)
    names = ["Springfield", "Paris", "London", "Richmond", "Georgia", "Kingston", "Victoria", "Perth"] * 40
    found = shipped.extract(", ".join(names) + ".")
    assert len(found) > 100 and len(calls) <= 2


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The heat wave in Phoenix broke a record set last year .", ["Phoenix"]),
        ("The Phoenix probe sent its first pictures from Mars .", []),  # the word, no city
        ("A new theatre opened in Queens on Friday .", ["Queens"]),
    ],
)
def test_a_metropolis_named_by_a_common_word_is_the_city_after_a_preposition_of_place(
    shipped: Gazetteer, text: str, found: list[str]
) -> None:
    assert [m.text for m in shipped.extract(text) if m.place.kind == "city"] == found


@pytest.mark.parametrize(
    ("name", "parent", "text"),
    [
        # a borough's council sets the text in the borough, though it is no mention
        ("Edmonton", "gb-eng", "Pupils from an Edmonton school planted a garden. Jane Hill, Enfield Council's head of parks, judged it."),
        ("Edmonton", "gb-eng", "A woman from Edmonton won the prize. The Enfield Borough Council paid for it."),
        # without it, the city of Alberta
        ("Edmonton", "ca-ab", "Pupils from an Edmonton school planted a garden. Jane Hill, head of parks, judged it."),
        # a body named after a name the text mentions adds nothing to what the name says alone
        ("London", "ca-on", "The mayor of London opened a library. Jim Wood, London Council's head of parks, came. Ontario paid for it."),
    ],
)  # fmt: skip
def test_a_local_body_says_where_a_text_is_set(shipped: Gazetteer, name: str, parent: str, text: str) -> None:
    parents = dict(places(shipped, text))  # each mention's text: its place's parent
    assert parents.get(name) == parent
    assert not parents.keys() & {"Enfield", "Enfield Council", "London Council"}  # the bodies are no mentions


@pytest.mark.parametrize(
    ("name", "parent", "text"),
    [
        # an area code of Ontario: the city of Ontario, not the English capital
        ("London", "ca-on", "A man was hurt in a crash on Monday, London police said. Call them at 519-555-0199."),
        ("London", "ca-on", "Tips on the London theft go to (226) 555-0142, police said."),
        # a town that needs support takes it from the code: West Virginia's, south-west Missouri's
        ("Huntington", "us-wv", "Huntington police said the man fled. Call 304.555.0107."),
        ("Springfield", "us-mo", "Flooding closed roads near Springfield on Tuesday. Call 417-555-0107 for updates."),
        # Atlanta's code: the state of Georgia, not the country
        ("Georgia", "us", "Georgia officials said the vote is on Tuesday. Call 404-555-0107."),
        # a toll-free number serves no place, and numbers set apart by spaces are no telephone number
        ("London", "gb-eng", "A man was hurt in a crash on Monday, London police said. Call 1-800-555-0199."),
        ("London", "gb-eng", "A man was hurt in a crash on Monday in London. The score was 519 555 0199."),
    ],
)  # fmt: skip
def test_an_area_code_says_where_a_text_is_set(shipped: Gazetteer, name: str, parent: str, text: str) -> None:
    parents = dict(places(shipped, text))
    assert parents.get(name) == parent
    assert all(m.text[:1].isalpha() for m in shipped.extract(text))  # a number is no mention


@pytest.mark.parametrize(
    ("text", "name", "region"),
    [
        # local news names counties of its state: a town a famous namesake overshadows is the town there
        ("Laurel County deputies said the owner, John Smith of London, was not hurt.", "London", "us-ky"),
        ("Metcalfe County deputies said the driver, of Edmonton, was not hurt.", "Edmonton", "us-ky"),
        # the state alone is no local news: the namesakes stand
        ("Kentucky Senator Jane Doe flew to London for talks on Monday.", "London", "gb-eng"),
        ("Deputies in Kentucky said the driver, of Edmonton, was not hurt.", "Edmonton", "ca-ab"),
    ],
)  # fmt: skip
def test_counties_named_make_a_text_local_to_their_state(shipped: Gazetteer, text: str, name: str, region: str) -> None:
    assert dict(places(shipped, text)).get(name) == region


@pytest.mark.parametrize(
    ("text", "name", "region"),
    [
        # a university named after its state, with its campus after it: the campus is in that state
        ("Dr Jane Roe, of the University of California at Santa Cruz, led the study.", "Santa Cruz", "us-ca"),
        ("Researchers at the University of Alabama at Birmingham report their findings.", "Birmingham", "us-al"),
        ("Scientists from the University of Arkansas in Fayetteville said so.", "Fayetteville", "us-ar"),
        # an affiliation alone says where a person works, not where the text is set
        ("The University of Maryland's Dr Jane Roe spoke at a meeting in Pasadena this week.", "Pasadena", None),
    ],
)  # fmt: skip
def test_a_university_places_its_campus(shipped: Gazetteer, text: str, name: str, region: str | None) -> None:
    assert dict(places(shipped, text)).get(name) == region


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a city the world knows beside a metropolis: England, which only "London" implies, is no
        # reason for the towns of England that bear its name (listed or not)
        ("Trade talks in Boston and London ended on Friday.", "Boston", "gn-4930956"),
        ("Officials in Washington and London said so.", "Washington", "gn-4140963"),
        ("The minister flew to Washington and then to London.", "Washington", "gn-4140963"),
        # ... while towns that are no metropolis still lend their region to a list ("Nantes, Vannes")
        ("The tour visits Nantes, Vannes and Lorient.", "Vannes", "gn-2970777"),
    ],
)  # fmt: skip
def test_a_metropolis_does_not_move_a_renowned_city(shipped: Gazetteer, text: str, name: str, expected: str) -> None:
    assert ids(shipped, text, name) == {expected}
