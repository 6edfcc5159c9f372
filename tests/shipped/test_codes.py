"""Codes on the shipped gazetteer: every country from every ISO code and from its English names,
every stored code back to its place, and no town for a query in capitals that is no code."""

from __future__ import annotations

import itertools
import string

import pytest

from toponym import AmbiguousCodeError, Gazetteer, Place
from toponym.surface import is_acronym

ISO_1 = ("iso3166_1_alpha2", "iso3166_1_alpha3", "iso3166_1_numeric")


@pytest.fixture(scope="module")
def countries(shipped: Gazetteer) -> list[Place]:
    return [p for p in shipped.places() if "iso3166_1_alpha2" in p.codes]


def test_every_iso_3166_1_entry_is_a_country_or_territory_with_all_three_codes(countries: list[Place]) -> None:
    assert len(countries) == 249
    assert {p.kind for p in countries} == {"country", "territory"}
    assert all(key in p.codes for p in countries for key in ISO_1)


@pytest.mark.parametrize("key", ISO_1)
def test_every_country_from_every_iso_code_through_get(shipped: Gazetteer, countries: list[Place], key: str) -> None:
    wrong = []
    for place in countries:
        code = place.codes[key]
        for written in {code, code.lower(), f" {code} "}:
            for scheme in (None, key):
                got = shipped.get(written, scheme=scheme)
                if got.id != place.id:
                    wrong.append((written, scheme, place.id, got.id))
    assert not wrong, wrong[:20]


@pytest.mark.parametrize("key", ISO_1[:2])
def test_every_country_from_its_iso_letters_in_capitals_through_resolve(
    shipped: Gazetteer, countries: list[Place], key: str
) -> None:
    found = {p.codes[key]: shipped.resolve(p.codes[key]) for p in countries}
    wrong = {code: m and m.place.id for code, m in found.items() if m is None or m.place.codes.get(key) != code}
    assert not wrong, wrong


def test_numbers_are_not_read_as_codes_by_resolve(shipped: Gazetteer, countries: list[Place]) -> None:
    """A bare number in text is rarely a code: ``get`` and ``convert`` read them, ``resolve`` does not."""
    assert [p.codes["iso3166_1_numeric"] for p in countries if shipped.resolve(p.codes["iso3166_1_numeric"])] == []


def _english_names(place: Place) -> set[str]:
    """The place's short name (its display name) and its English names of type ``official``."""
    official = {n.name for n in place.names if n.type == "official" and "en" in (n.langs or (n.lang,))}
    return {place.name} | official


def test_every_country_from_its_english_short_and_official_names(shipped: Gazetteer, countries: list[Place]) -> None:
    pairs = [(name, place) for place in countries for name in sorted(_english_names(place))]
    wrong = [
        (name, place.id, m and m.place.id)
        for name, place in pairs
        if (m := shipped.resolve(name)) is None or m.place != place
    ]
    assert len(pairs) > 400  # 249 short names and the official forms
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("query", "expected"),
    [("AO", "ao"), ("CIV", "ci"), ("ITA", "it"), ("TUR", "tr"), ("BRA", "br"), ("AUS", "au"), ("CAN", "ca"),
     ("CHN", "cn"), ("FRA", "fr"), ("IND", "in"), ("MEX", "mx"), ("LA", "la"), ("HK", "hk"), ("USA", "us"),
     ("UK", "gb"), ("UAE", "ae"), ("DRC", "cd"), ("GDR", "ddde"), ("SU", "suhh"), ("RF", "ru"), ("EU", None),
     ("UN", None), ("XYZ", None)],
)  # fmt: skip
def test_queries_in_capitals(shipped: Gazetteer, query: str, expected: str | None) -> None:
    """ISO codes first (AO is Angola, not Austria; CIV Côte d'Ivoire, not Kyiv), then stored acronyms
    (UK, UAE, DRC; РФ as RF); EU and UN are no places in the index, and no town takes them."""
    m = shipped.resolve(query)
    assert (m and m.place.id) == expected


def test_a_query_in_capitals_that_is_no_code_gets_no_town(shipped: Gazetteer, countries: list[Place]) -> None:
    """Every two- and three-letter query in capitals: an ISO 3166-1 code gives its country; any other
    reaches only a stored name written in capitals, never when matched with case or accents ignored
    or by fuzzy matching, and no town at all: a town's recorded abbreviation (NY, SF, KL) is held
    back, listed by ``lookup`` and answered with a hint."""
    codes = {p.codes[k]: p.id for p in countries for k in ISO_1[:2]}
    wrong, answered = [], 0
    for n in (2, 3):
        for letters in itertools.product(string.ascii_uppercase, repeat=n):
            query = "".join(letters)
            m = shipped.resolve(query)
            if query in codes:
                if m is None or m.place.id != codes[query]:
                    wrong.append((query, m and m.place.id))
                continue
            if m is None:
                continue
            answered += 1
            if m.place.kind == "city" or not is_acronym(m.matched):
                wrong.append((query, m.place.id, m.method, m.matched))
    assert not wrong, wrong[:30]
    assert answered < 200  # stored acronyms only: UK, UAE, DRC, ...
    held = shipped.lookup("NY")
    assert held.status == "stopped" and "hint" in held.reason and held.candidates[0].place.name == "New York City"
    assert shipped.resolve("NY", country="us").place.name == "New York City"  # type: ignore[union-attr]


def test_every_subdivision_from_its_iso_3166_2_code_through_resolve(shipped: Gazetteer) -> None:
    """A column of subdivision codes ("US-CA", "JP-01") resolves code by code, in capitals or in
    lower case as the places' IDs write them ("us-ca" is California, no typo of "Lusaca"); a
    query in capitals shaped as a code that is none reaches only names stored in capitals."""
    coded = [p for p in shipped.places() if "iso3166_2" in p.codes]
    assert len(coded) > 5000
    wrong = [
        (query, m and m.place.id)
        for p in coded
        for query in (p.codes["iso3166_2"], p.codes["iso3166_2"].lower())
        if (m := shipped.resolve(query)) is None or m.place is not p
    ]
    assert not wrong, wrong[:20]
    known = {p.codes["iso3166_2"] for p in coded}
    unknown = [q for p in coded if (q := p.codes["iso3166_2"][:-1] + "Q") not in known]
    found = [(q, m.place.id) for q in unknown if (m := shipped.resolve(q)) is not None and not is_acronym(m.matched)]
    assert len(unknown) > 3000 and not found, found[:20]


def test_every_stored_code_finds_its_place(shipped: Gazetteer) -> None:
    """Each code of each place, looked up in its scheme, is that place; a code that two places share
    is refused with both named."""
    shared = []
    checked = 0
    for place in shipped.places():
        for scheme, code in place.codes.items():
            checked += 1
            try:
                got = shipped.get(code, scheme=scheme)
            except AmbiguousCodeError as exc:
                assert place.id in str(exc)
                shared.append(code)
                continue
            assert got is place, (scheme, code, place.id, got.id)
    assert checked > 50_000
    assert len(set(shared)) <= 3, shared  # Q649: Moscow the city and the federal subject


def test_country_hints_in_every_iso_code_and_case(shipped: Gazetteer, countries: list[Place]) -> None:
    wrong = [
        (code, place.id)
        for place in countries
        for key in ISO_1
        for code in {place.codes[key], place.codes[key].lower()}
        if shipped.resolver.country_id(code) != place.id
    ]
    assert not wrong, wrong[:20]


def test_convert_country_names_to_codes_and_back(shipped: Gazetteer, countries: list[Place]) -> None:
    names = [p.name for p in countries]
    assert shipped.convert(names, to="iso3166_1_alpha3") == [p.codes["iso3166_1_alpha3"] for p in countries]
    alpha3 = [p.codes["iso3166_1_alpha3"] for p in countries]
    assert shipped.convert(alpha3, to="iso3166_1_numeric") == [p.codes["iso3166_1_numeric"] for p in countries]
    assert shipped.convert(alpha3, to="name") == names
    news = [
        "Deutschland",
        "Allemagne",
        "Германия",
        "ドイツ",
        "EEUU",
        "Estados Unidos",
        "Gambia",
        "Mexico",
        "DEU",
        "276",
    ]
    assert shipped.convert(news, to="iso3166_1_alpha2") == ["DE", "DE", "DE", "DE", "US", "US", "GM", "MX", "DE", "DE"]


def test_the_suffix_table_text_reads_holds_every_iso_3166_2_code(shipped: Gazetteer) -> None:
    """The table "Louisville, KY" is read by skips the GeoNames block of IDs: it must hold every
    place with an ISO 3166-2 code all the same (Guinea's "gn-b", an ISO ID, sits beside them)."""
    from toponym.resolver.codes import subdivision_suffix

    index = shipped.resolver.index
    every: dict[str, list[int]] = {}
    for row, packed in enumerate(index.places.codes.decode_rows()):
        for part in packed.split(";"):
            if part.startswith("iso3166_2="):
                every.setdefault(part.partition("-")[2], []).append(row)
    assert len(every) > 1500
    assert all(subdivision_suffix(index, code) == tuple(rows) for code, rows in every.items())
    assert "gn-b" in {index.places.ids[r] for r in subdivision_suffix(index, "B")}  # Guinea's Boké, GN-B


#: The World Bank's country names (World Development Indicators), as its tables write them: an
#: official name inverted after a comma, a short one qualified in parentheses; the UN's and the
#: IMF's forms of a few more.
WORLD_BANK = {
    "Korea, Rep.": "kr",
    "Korea, Dem. People's Rep.": "kp",
    "Iran, Islamic Rep.": "ir",
    "Egypt, Arab Rep.": "eg",
    "Yemen, Rep.": "ye",
    "Venezuela, RB": "ve",
    "Congo, Dem. Rep.": "cd",
    "Congo, Rep.": "cg",
    "Micronesia, Fed. Sts.": "fm",
    "Sint Maarten (Dutch part)": "sx",
    "St. Martin (French part)": "mf",
    "Macedonia, FYR": "mk",
    "Hong Kong SAR, China": "hk",
    "Lao PDR": "la",
    "Gambia, The": "gm",
    "Bahamas, The": "bs",
    "Kyrgyz Republic": "kg",
    "Slovak Republic": "sk",
    "Virgin Islands (U.S.)": "vi",
    "West Bank and Gaza": "ps",
    "Netherlands (Kingdom of the)": "nl",
    "Türkiye, Republic of": "tr",
    "Republic of Congo": "cg",
    # the UN's trade tables abbreviate words of official names ("Fed." is Federal or Federated)
    "Central African Rep.": "cf",
    "Rep. of Moldova": "md",
    "Dem. Rep. of the Congo": "cd",
    "Lao People's Dem. Rep.": "la",
    "Fed. Rep. of Germany": "de",
    "Micronesia (Fed. States of)": "fm",
    "China, Hong Kong SAR": "hk",
}


@pytest.mark.parametrize(("name", "country"), sorted(WORLD_BANK.items()))
def test_country_names_as_statistical_tables_write_them(shipped: Gazetteer, name: str, country: str) -> None:
    found = shipped.resolve(name)
    assert found is not None and found.place.id == country


@pytest.mark.parametrize(
    ("name", "region"),
    [("North Africa", "m49-015"), ("East Africa", "m49-014"), ("South Asia", "m49-034"), ("East Asia", "m49-030")],
)
def test_world_regions_by_the_names_english_writes(shipped: Gazetteer, name: str, region: str) -> None:
    """ "North Africa" was North America by a typo reading, "South Asia" the South China Sea."""
    found = shipped.resolve(name)
    assert found is not None and found.place.id == region


@pytest.mark.parametrize(("name", "country"), [("Kirghizia", "kg"), ("Kirgizia", "kg"), ("Byelorussia", "by")])
def test_soviet_era_english_names_of_countries(shipped: Gazetteer, name: str, country: str) -> None:
    """Kirghizia was read only as a typo of Kyrgyzstan."""
    found = shipped.resolve(name)
    assert found is not None and found.place.id == country and found.method == "exact"


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Eswatini (Swaziland)", "sz"),
        ("Côte d'Ivoire (Ivory Coast)", "ci"),
        ("Falkland Islands (Malvinas)", "fk"),
        ("Mumbai (Bombay)", "gn-1275339"),
        ("Kunashir (Kunashiri)", "kunashir"),
        ("Berlin (Paris)", None),
    ],
)
def test_a_name_and_another_of_the_same_place_in_parentheses(shipped: Gazetteer, name: str, place: str | None) -> None:
    """The name in parentheses is the region the place lies in ("Paris (Texas)") or another name of
    the place itself, its former or other side's name; two places are no answer."""
    found = shipped.resolve(name)
    assert (found.place.id if found else None) == place
