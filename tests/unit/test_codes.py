"""Codes as input: ``get`` by any code a place carries, ``scheme=``, codes first in ``resolve``, ``convert``.

The fixture gazetteer is extended here (in a temporary copy) with what code reading needs: numeric
codes, a number that is one place's ISO code and another's GeoNames ID, a country whose alpha-2
code is a city's stored acronym (LA), that city's abbreviation that is no code (LAC), and a town
whose name is a code in capitals (Ita).
"""

from __future__ import annotations

import pickle
import re
import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest

from toponym import AmbiguousCodeError, Gazetteer, UnknownPlaceError
from toponym.resolver.codes import code_query, code_shaped, code_table
from toponym.vocab import CODE_KEYS

from ..conftest import FIXTURE

_CODES = {  # extra codes of fixture places
    "jp": "iso3166_1_numeric=392",
    "us": "iso3166_1_alpha3=USA;iso3166_1_numeric=840",
    "ge": "iso3166_1_alpha3=GEO;iso3166_1_numeric=268",
}
_PLACES = """\
la	country	Laos			7000000	iso3166_1_alpha2=LA;iso3166_1_alpha3=LAO;iso3166_1_numeric=418
gn-5368361	city	Los Angeles	us-ga	us	3900000	geonames=5368361
gn-392	city	Ita	pe-lim	pe	5000	geonames=392
"""
_NAMES = """\
la	Laos	en	official
gn-5368361	Los Angeles	en	official
gn-5368361	LA	en	short
gn-5368361	LAC	en	short
gn-392	Ita	und	official
"""


@pytest.fixture(scope="module")
def gz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    folder = tmp_path_factory.mktemp("codes") / "gazetteer"
    shutil.copytree(FIXTURE, folder)
    places = folder / "generated" / "10-fixture.places.tsv"
    lines = []
    for line in places.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if cells[0] in _CODES:
            cells[-1] = f"{cells[-1]};{_CODES[cells[0]]}"
        lines.append("\t".join(cells))
    places.write_text("\n".join(lines) + "\n" + _PLACES, encoding="utf-8")
    names = folder / "generated" / "10-fixture.names.tsv"
    names.write_text(names.read_text(encoding="utf-8") + _NAMES, encoding="utf-8")
    return Gazetteer.from_folder(folder)


# --- get ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "place"),
    [
        ("jp", "jp"),
        ("JP", "jp"),
        ("jpn", "jp"),
        ("JPN", "jp"),
        (" JPN ", "jp"),
        ("840", "us"),
        (840, "us"),
        ("0840", "us"),
        ("Q17", "jp"),
        ("q17", "jp"),
        ("us-ga", "us-ga"),
        ("US-GA", "us-ga"),
        ("suhh", "suhh"),
        ("SUHH", "suhh"),
        ("4700000", "gn-4700000"),
        (4700000, "gn-4700000"),
        ("gn-4700000", "gn-4700000"),
    ],
)
def test_get_takes_the_id_or_any_code_in_the_case_its_scheme_allows(gz: Gazetteer, code: object, place: str) -> None:
    assert gz.get(code).id == place  # type: ignore[arg-type]


def test_every_code_of_every_place_finds_it_in_its_scheme(gz: Gazetteer) -> None:
    checked = 0
    for place in gz.places():
        assert gz.get(place.id, scheme="id") is place
        for scheme, code in place.codes.items():
            assert scheme in CODE_KEYS
            assert gz.get(code, scheme=scheme) is place
            assert gz.get(code.lower(), scheme=scheme) is place
            checked += 1
    assert checked > 20


def test_three_digits_are_a_countrys_iso_number_before_a_geonames_id(gz: Gazetteer) -> None:
    """GeoNames' first few hundred records are villages: "392" is Japan unless the scheme says."""
    assert gz.get("392").id == "jp"
    assert isinstance(AmbiguousCodeError("x"), LookupError)
    assert gz.get("392", scheme="iso3166_1_numeric").id == "jp"
    assert gz.get("392", scheme="geonames").id == "gn-392"
    assert gz.get(392, scheme="geonames").id == "gn-392"


def test_an_unknown_code_or_scheme_says_what_to_do(gz: Gazetteer) -> None:
    for code in ("XX", "Atlantis", "", "Q0", "１２"):
        with pytest.raises(UnknownPlaceError, match=r"no place has .* use resolve\(\) or lookup\(\)"):
            gz.get(code)
    for thing in (None, 3.5, b"jp", True):
        with pytest.raises(UnknownPlaceError, match="give a string such as 'jp'"):
            gz.get(thing)  # type: ignore[arg-type]
    with pytest.raises(UnknownPlaceError, match="ISO 3166-1 alpha-3 code"):
        gz.get("JP", scheme="iso3166_1_alpha3")  # a code of the place, but of another scheme
    with pytest.raises(ValueError, match=re.escape("use one of: id, iso3166_1_alpha2")):
        gz.get("JP", scheme="iso")
    assert not isinstance(ValueError("x"), LookupError)  # an unknown scheme is no lookup failure


# --- resolve reads a query in capitals as a code first ---------------------------------------


def test_code_shaped() -> None:
    assert [code_shaped(q) for q in ("LA", "LAO", " LA ", "La", "la", "LAOS", "L.A.", "L1", "ÉU")] == [
        True, True, True, False, False, False, False, False, False,
    ]  # fmt: skip


def test_an_iso_code_in_capitals_comes_before_a_stored_acronym_of_another_place(gz: Gazetteer) -> None:
    m = gz.resolve("LA")
    assert m is not None and m.place.id == "la"
    assert (m.method, m.matched, m.lang, m.score, m.explanation.rule) == ("exact", "LA", "zxx", 100.0, "code")
    assert m.reason == "code: the ISO 3166-1 alpha-2 code LA"
    assert [c.place.id for c in gz.resolve_all("LA")] == ["la", "gn-5368361"]
    assert pickle.loads(pickle.dumps(m)) == m
    # a hint the code's place does not fit gives the acronym its place back
    hinted = gz.resolve("LA", country="us")
    assert hinted is not None and hinted.place.id == "gn-5368361" and hinted.matched == "LA"
    assert gz.resolve("LA", kinds={"city"}).place.id == "gn-5368361"  # type: ignore[union-attr]
    assert gz.resolve("LAO").place.id == "la"  # type: ignore[union-attr]


def test_a_towns_abbreviation_in_capitals_answers_only_with_a_hint(gz: Gazetteer) -> None:
    """Capitals that are no country's code and reach a town's recorded abbreviation ("LAC") are
    held back: listed, with why, and answered when a hint settles them."""
    assert gz.resolve("LAC") is None
    held = gz.lookup("LAC")
    assert held.status == "stopped" and "hint" in held.reason
    assert [m.place.id for m in held.candidates] == [m.place.id for m in gz.resolve_all("LAC")] == ["gn-5368361"]
    for hinted in (gz.resolve("LAC", country="us"), gz.resolve("LAC", kinds={"city"})):
        assert hinted is not None and hinted.place.id == "gn-5368361" and hinted.matched == "LAC"


def test_a_stored_acronym_of_the_same_place_explains_the_answer(gz: Gazetteer) -> None:
    m = gz.resolve("USA")  # a stored name of the US and its alpha-3 code
    assert m is not None and m.place.id == "us" and m.explanation.rule != "code" and m.name_type == "short"


def test_a_query_in_capitals_that_is_no_code_reaches_no_name_it_matches_only_ignoring_case(gz: Gazetteer) -> None:
    assert gz.resolve("Ita").place.id == "gn-392"  # type: ignore[union-attr]
    assert gz.resolve("ITA") is None and gz.resolve_all("ITA") == []
    outcome = gz.lookup("ITA")
    assert outcome.status == "no-match" and "code" in outcome.reason
    assert gz.resolve("ita") is not None  # lower case keeps today's reading


def test_an_iso_3166_2_code_in_capitals_is_read_as_that_code(gz: Gazetteer) -> None:
    assert [code_query(q) for q in ("US-GA", " RU-SAK ", "SI-015", "us-ga", "Al-Ain", "US-GAXX", "U-GA")] == [
        True, True, True, False, False, False, False,
    ]  # fmt: skip
    m = gz.resolve("RU-SAK")
    assert m is not None and m.place.id == "ru-sak" and m.reason == "code: the ISO 3166-2 code RU-SAK"
    assert gz.lookup("PE-LIM").status == "matched" and gz.resolve("US-GA", country="us").place.id == "us-ga"  # type: ignore[union-attr]
    assert gz.resolve("US-GA", country="ru") is None  # the hint still rules
    assert gz.resolve("ru-sak").place.id == "ru-sak"  # type: ignore[union-attr]  # the place's ID: a code in lower case
    outcome = gz.lookup("RU-XYZ")
    assert outcome.status == "no-match" and "ISO code" in outcome.reason


def test_lower_and_mixed_case_keep_their_reading(gz: Gazetteer) -> None:
    assert gz.resolve("la") is None and gz.resolve("La") is None  # not the code, not the acronym


def test_numbers_are_codes_only_for_get_and_convert(gz: Gazetteer) -> None:
    assert gz.resolve("392") is None and gz.lookup("840").status == "no-match"
    assert gz.get("840").id == "us" and gz.convert("840", to="id") == "us"


def test_text_is_not_read_for_codes(gz: Gazetteer) -> None:
    """In prose a token in capitals is a word or a technical acronym: the extractor reads names."""
    ids = {m.place.id for m in gz.extract("Flights from LA and talks with JPN, GEO and LAO officials.")}
    assert not ids & {"la", "jp", "ge"}


# --- convert -----------------------------------------------------------------------------------


def test_convert_keeps_order_and_reads_codes_then_names(gz: Gazetteer) -> None:
    values = ["Japan", "JPN", "jp", "Q17", "Georgia", "Япония", "Atlantis", None, "", "USA", "LA", "la"]
    assert gz.convert(values, to="iso3166_1_alpha3") == [
        "JPN", "JPN", "JPN", "JPN", "GEO", "JPN", None, None, None, "USA", "LAO", "LAO",
    ]  # fmt: skip
    assert gz.convert(values[:3], to="iso3166_1_numeric", not_found="?") == ["392", "392", "392"]
    assert gz.convert(["Atlantis", "Japan"], to="id", not_found="?") == ["?", "jp"]


def test_convert_to_ids_and_names(gz: Gazetteer) -> None:
    assert gz.convert(["JPN", "Kunashiri"], to="id") == ["jp", "kunashir"]
    assert gz.convert(["JPN", "Грузия"], to="name") == ["Japan", "Georgia"]
    assert gz.convert("JPN", to="name_ru") == "Япония"  # one string, one value
    assert gz.convert(["Kunashiri"], to="iso3166_1_alpha2") == [None]  # an island has no ISO code


def test_convert_looks_among_the_kinds_that_carry_the_scheme(gz: Gazetteer) -> None:
    """Bare "Georgia" is the country; asked for an ISO 3166-2 code, it is the state that has one."""
    assert gz.convert(["Georgia"], to="iso3166_2") == ["US-GA"]
    assert gz.convert(["Springfield"], to="geonames") == [None]  # tied: none dominant


def test_convert_src_says_how_to_read_the_values(gz: Gazetteer) -> None:
    assert gz.convert(["392"], to="id") == ["jp"]  # a country's number before a GeoNames id
    assert gz.convert(["392"], to="id", src="iso3166_1_numeric") == ["jp"]
    assert gz.convert(["392"], to="id", src="geonames") == ["gn-392"]
    assert gz.convert(["jp", "Japan"], to="id", src="name") == [None, "jp"]
    assert gz.convert(["jp", "Japan"], to="id", src="id") == ["jp", None]


def test_convert_refuses_unknown_targets_and_sources(gz: Gazetteer) -> None:
    with pytest.raises(ValueError, match="cannot convert to 'iso3'"):
        gz.convert(["Japan"], to="iso3")
    with pytest.raises(ValueError, match="cannot convert from 'iso'"):
        gz.convert(["Japan"], to="id", src="iso")


def test_code_tables_are_built_once_per_index_even_by_racing_threads(gz: Gazetteer) -> None:
    other = Gazetteer(gz.index.__class__(gz.index.to_bytes()))  # a fresh index: no table yet
    with ThreadPoolExecutor(max_workers=8) as pool:
        tables = list(pool.map(lambda _: code_table(other.index), range(32)))
    assert all(t is tables[0] for t in tables)
    assert code_table(gz.index) is code_table(gz.index) is not tables[0]
    assert other.get("LAO").id == "la"
