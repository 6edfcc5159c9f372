"""The aliases the audit (:mod:`.audit`) drops: names a source gives a place that are another
place's, or no name at all, each decision with its rule and reason. The rules:

* ``foreign-country-name`` (an alias is dropped): a country's alias, in no major language, that is the
  canonical or English name of another country ("Mexico" is a Guarani name of Malaysia in a source);
  ``given-name-alias``: one that is a given name ("Cameron", Occitan for Cameroon).
* ``short-untagged-alias`` (an alias is dropped): an untagged alternate of four letters or fewer of
  a place that is not prominent ("Len" for Leh, "Int" for Inta): such strings are words and
  abbreviations far more often than that place. Not a name that ends in its unit, written in the
  script of the place's own country whose characters are syllables or words (Han and kana in
  Japan, Han in China, Hangul in Korea): 秩父市 and 稚内市 are those towns' whole names; nor the name
  of a town of 15,000 people written in the consonants of its country's script (Arabic, Hebrew):
  أملج, Umluj.
* ``part-name`` (an alias is dropped): an untagged alias of a country or territory that is the
  canonical name of a city or unit inside it, and no tagged or reviewed name of the country
  ("Fredericton" and "Charlottetown" for Canada, "Lugano" for Switzerland, in a source of country
  names): the part's name, not the whole's.
* ``address-alias`` (an alias is dropped): an untagged alias of a country or territory written
  "Part, Whole" whose part is the canonical name of a city or unit inside it, and not the country's
  own name ("Edmonton, Alberta" and "Karachi, Pakistan" in a source of country names, "TEXAS,
  U.S.A."): an address of the part, which "City, Region" reads as the part ("Hong Kong, China" and
  "Korea, Republic of" stay).
* ``adjective-alias`` (an alias is dropped): an untagged alias of a country or territory that is
  another of its English names with an adjective's ending ("Korean" for South Korea, "Siberian"
  for Russia, "Rhodesian" for Zimbabwe): the people, the language, often of more than one place.
* ``town-name-alias`` (an alias is dropped): a town's untagged alias that three towns bear as their
  own, one of a third of its people or more ("Newton", a former name of Tallahassee).
* ``generic-word-alias`` (an alias is dropped): a one-word name in a language that the names of 80 or
  more other places in that language end with, or end with a word it begins: the language's word for
  a kind of place that a source gave one place as its name (Turkish "Belediye", "municipality", for
  Novo Mesto, from "X Belediyesi"; Hungarian "Sziget", "island", for Senglea). Not a name the place
  bears in another language or untagged, nor one four places or more bear whole.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal, get_args

from ..charclass import script_of_char
from ..normalize import fold_key, normalize_name
from ..vocab import COUNTRY_KINDS, MAJOR_LANGS
from .merge import MergedPlace

__all__ = [
    "RULES",
    "SHORT",
    "Decision",
    "adjective_aliases",
    "foreign_country_names",
    "generic_words",
    "key",
    "part_names",
    "primaries",
    "short_untagged",
    "town_names",
]

Rule = Literal[
    "ordinary-word",
    "foreign-country-name",
    "short-untagged-alias",
    "part-name",
    "address-alias",
    "adjective-alias",
    "town-name-alias",
    "given-name-alias",
    "generic-word-alias",
]
RULES: tuple[Rule, ...] = get_args(Rule)
#: An untagged alias of this many letters or fewer is a word or an abbreviation (``short-untagged-alias``).
SHORT = 4
#: Scripts whose characters are syllables or words, in the countries that write their places'
#: names in them: there a name of three or four characters that ends in its unit (市, 町, 县, 시) is
#: the whole name, no abbreviation; without its unit it is as often a word or a surname (日高, 宗像),
#: and one character before the unit is as often the end of a longer name (罗山县 is no 山县).
_NATIVE_SCRIPTS = {
    "jp": frozenset({"Han", "Kana"}),
    **dict.fromkeys(("cn", "tw", "hk", "mo"), frozenset({"Han"})),
    **dict.fromkeys(("kr", "kp"), frozenset({"Hangul", "Han"})),
}
_UNIT_ENDINGS = frozenset("市町村区郡県县鎮镇州省시군구읍면")
#: Scripts that write consonants only, in the countries that write their places' names in them:
#: there a town of this many people is named in three or four letters (Eilat, אילת; Jenin, جنين).
_ABJADS = {
    "il": "Hebrew",
    **dict.fromkeys(
        ("ae", "bh", "dz", "eg", "iq", "jo", "kw", "lb", "ly", "ma", "mr", "om", "ps", "qa", "sa", "sd", "sy",
         "tn", "ye"), "Arabic"),
}  # fmt: skip
_ABJAD_TOWN = 15_000
#: A town's untagged alias that is the canonical name of another town of this share of its people or
#: more is the other town's name (``town-name-alias``).
_TOWN_SHARE = 1 / 3
#: ... and that this many towns bear as their canonical name: a name many towns have, not one
#: town's own in another language (German "Freiburg" for Fribourg, French "Berthoud" for Burgdorf).
_TOWN_NAMESAKES = 3
#: A one-word name in a language is that language's word for a kind of place when the names of
#: this many other places in the language end in a word it begins (``generic-word-alias``).
_GENERIC_NAMES = 80
#: ... unless this many places or more bear it as their whole name in the language: a name.
_GENERIC_OWNERS = 4
#: The kinds of place whose canonical name no place holding it may have as an untagged alias.
_PARTS = frozenset({"city", "subdivision"})
#: English endings that make a country's name its adjective ("Korea" -> "Korean", "Togo" ->
#: "Togolese", "Iceland" -> "Icelandic"); a bare "-n" only after a vowel.
_ADJECTIVE_ENDINGS = ("n", "an", "ian", "ean", "ese", "lese", "ic", "ish", "i")
#: Endings no name of a country has but its adjective ("Rhodesian", "Salvadorean", "Faroese").
_ADJECTIVE_ONLY = ("ian", "ean", "ese", "ish", "ic")


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision of the audit."""

    rule: Rule
    key: str
    """The folded key the decision is about (for ``ordinary-word``: the word, accents kept)."""
    place: str | None = None
    """For a dropped alias: the place that loses it."""
    name: str | None = None
    """For a dropped alias: the alias as the source wrote it."""
    detail: str = ""


def key(name: str) -> str:
    return fold_key(normalize_name(name))


#: Word lists named by one tag whose names the sources tag otherwise: Norwegian Bokmål is "nb" in
#: wordfreq and mostly "no" in the sources ("Europa" is tagged "no"); Serbo-Croatian "sh" is
#: written "sr-Latn", "hr" or "bs" there.
_SAME_LANG = {"no": "nb", "nn": "nb", "sr": "sh", "hr": "sh", "bs": "sh"}


def primaries(langs: list[str]) -> set[str]:
    out = {t.split("-")[0] for t in langs if t and t != "und"}
    return out | {_SAME_LANG[t] for t in out if t in _SAME_LANG}


def foreign_country_names(places: dict[str, MergedPlace], given: frozenset[str]) -> list[Decision]:
    """``foreign-country-name`` (see the audit) and ``given-name-alias``: a country's alias in no
    major language that is a given name (``given``, folded keys: Occitan "Cameron" for Cameroon,
    Ladin "Talia" for Italy, Latin "Melita" for Malta), which English text writes of people."""
    countries = [p for p in places.values() if p.src.kind in COUNTRY_KINDS]
    owner: dict[str, set[str]] = defaultdict(set)  # key -> countries whose canonical or English name it is
    for p in countries:
        for n in p.names.values():
            if n.name == p.src.name or "en" in primaries(n.langs) or n.curated:
                owner[key(n.name)].add(p.src.id)
    out: list[Decision] = []
    for p in countries:
        if p.src.kind == "former-country":
            continue  # a former country's names are its own (Заир, Rhodesia)
        for n in p.names.values():
            k = key(n.name)
            others = owner.get(k, set()) - {p.src.id}
            if p.src.id in owner.get(k, ()) or n.curated or primaries(n.langs) & MAJOR_LANGS:
                continue
            if others:
                detail = f"the name of {', '.join(sorted(others))}; given to {p.src.id} only in {','.join(n.langs)}"
                out.append(Decision("foreign-country-name", k, p.src.id, n.name, detail))
            elif k in given and not n.name.isupper():  # "MAC", "NGA": codes, not names
                detail = f"a given name; given to {p.src.id} only in {','.join(n.langs)}"
                out.append(Decision("given-name-alias", k, p.src.id, n.name, detail))
    return out


def short_untagged(places: dict[str, MergedPlace], prominent: set[str]) -> list[Decision]:
    out: list[Decision] = []
    for pid, p in places.items():
        if pid in prominent:
            continue
        native = _NATIVE_SCRIPTS.get(p.src.country or "", frozenset())
        abjad = _ABJADS.get(p.src.country or "") if (p.src.population or 0) >= _ABJAD_TOWN else None
        for n in p.names.values():
            k = key(n.name)
            if n.name == p.src.name or n.curated or primaries(n.langs) or sum(ch.isalpha() for ch in k) > SHORT:
                continue
            if native and len(k) > 2 and k[-1] in _UNIT_ENDINGS and all(script_of_char(ch) in native for ch in k):
                continue  # 秩父市, 보령시: a town's whole name with its unit, in its country's script
            if abjad and len(k) > 2 and all(script_of_char(ch) == abjad for ch in k if ch.isalpha()):
                continue  # אילת, جنين: a consonantal script writes a town's whole name in four letters
            out.append(Decision("short-untagged-alias", k, pid, n.name, f"an untagged alias of {p.src.name!r}"))
    return out


def part_names(places: dict[str, MergedPlace]) -> list[Decision]:
    """``part-name``: an untagged alias of a country or territory that is the canonical name of a
    city or unit it holds (a source of country names gives Canada "Fredericton", Switzerland
    "Lugano"), unless the country has that name tagged or reviewed too ("Panamá", "Hong Kong": the
    whole's name as well). A unit named after its capital is often called by the capital's name
    (Osh, Aktobe, Nakhchivan): units keep such aliases.

    ``address-alias``: an untagged alias written "Part, Whole" whose part before the comma is such
    a canonical name ("Edmonton, Alberta" and "ONTARIO, CANADA" for Canada, "Karachi, Pakistan",
    "TEXAS, U.S.A." for the United States): an address of the part, which the resolver reads as the
    part in the whole; not when that part is the country's own name too ("Hong Kong, China",
    "Korea, Republic of")."""
    parts = _parts(places)
    out: list[Decision] = []
    for pid, p in places.items():
        if p.src.kind not in COUNTRY_KINDS:
            continue  # a unit's alias of its capital's name is often its name too (Osh, Aktobe)
        own = {key(n.name) for n in p.names.values() if n.curated or primaries(n.langs) or n.name == p.src.name}
        for n in p.names.values():
            k = key(n.name)
            if k in own:
                continue
            if pid in parts.get(k, ()):
                out.append(
                    Decision("part-name", k, pid, n.name, f"the canonical name of a place inside {p.src.name!r}")
                )
                continue
            head, comma, _ = n.name.partition(",")
            if comma and key(head) not in own and pid in parts.get(key(head), ()):
                why = f"an address of {head.strip()!r}, a place inside {p.src.name!r}"
                out.append(Decision("address-alias", k, pid, n.name, why))
    return out


def _parts(places: dict[str, MergedPlace]) -> dict[str, set[str]]:
    """Key of a city's or unit's canonical name -> the places that hold such a place."""
    parts: dict[str, set[str]] = defaultdict(set)
    for p in places.values():
        if p.src.kind not in _PARTS:
            continue
        holder, seen = p.src.parent, set()
        while holder and holder in places and holder not in seen:
            seen.add(holder)
            parts[key(p.src.name)].add(holder)
            holder = places[holder].src.parent
        if p.src.country and p.src.country in places:
            parts[key(p.src.name)].add(p.src.country)
    return parts


def adjective_aliases(places: dict[str, MergedPlace], english: frozenset[str]) -> list[Decision]:
    """``adjective-alias``: an untagged alias of a country, territory or former country that is
    another of its names with an English adjective's ending ("Korean" for South Korea, "Siberian"
    for Russia, "Rhodesian" for Zimbabwe, in a source of country names): the adjective, which
    names the people and the language, often of more than one place (North Korea is Korean too).
    The alias ends as only adjectives do ("-ian", "-ese"), or the name it extends is English
    (tagged so, or the canonical name), or its last word is one English writes (``english``,
    folded keys): "Mazedonien" is no "Mazedonie" with an ending."""
    out: list[Decision] = []
    for pid, p in places.items():
        if p.src.kind not in COUNTRY_KINDS:
            continue
        for n in p.names.values():
            alias = n.name
            if n.curated or primaries(n.langs) or alias == p.src.name or not alias.isascii():
                continue
            for other in p.names.values():
                stem = other.name
                ending = alias[len(stem) :] if alias.startswith(stem) else ""
                if ending not in _ADJECTIVE_ENDINGS or (ending == "n" and stem[-1:] not in "aeiou"):
                    continue
                if (
                    alias.endswith(_ADJECTIVE_ONLY)
                    or stem == p.src.name
                    or "en" in primaries(other.langs)
                    or key(alias.split()[-1]) in english
                ):
                    detail = f"{stem!r} with the English adjective's ending -{ending}"
                    out.append(Decision("adjective-alias", key(alias), pid, alias, detail))
                    break
    return out


def town_names(places: dict[str, MergedPlace]) -> list[Decision]:
    """``town-name-alias``: an untagged alias of a town that is the canonical name of three towns or
    more, one of a third of its people or more: a former name or a neighbour's (GeoNames gives Tallahassee
    "Newton", a name it bore in 1824, and Kingston upon Hull "Kingston"), which the other town's
    name outranks alone and which, in a text that names the first town's region, reads a person
    ("Newton's laws ... University of Central Florida") or the other town as the first. A town far
    larger keeps the name ("Moscow" for Moscow, not Idaho's; "Florence" for Florence, not
    Alabama's), as does a town whose own name holds it (:func:`_short_forms`)."""
    towns: dict[str, list[tuple[str, int]]] = defaultdict(list)  # key -> towns of that canonical name
    for pid, p in places.items():
        if p.src.kind == "city":
            towns[key(p.src.name)].append((pid, p.src.population or 0))
    out: list[Decision] = []
    for pid, p in places.items():
        if p.src.kind != "city":
            continue
        own, least = _short_forms(p.src.name), (p.src.population or 0) * _TOWN_SHARE
        for n in p.names.values():
            k = key(n.name)
            if k in own or n.curated or primaries(n.langs) or len(towns.get(k, ())) < _TOWN_NAMESAKES:
                continue
            other = next((q for q, people in towns[k] if q != pid and people >= least), None)
            if other is not None:
                why = f"the canonical name of {other}, a town of a third of the people of {p.src.name!r} or more"
                out.append(Decision("town-name-alias", k, pid, n.name, why))
    return out


def _short_forms(name: str) -> set[str]:
    """Keys of a canonical name, of each half of a name in two languages ("Gasteiz / Vitoria") and
    of each run of its words ("Santiago" of "Santiago de Compostela", "Victoria" of "Ciudad
    Victoria"): the town's own names, short or whole."""
    out: set[str] = set()
    for half in name.split("/"):
        words = half.strip().replace("-", " ").split()
        out.update(key(" ".join(words[i:j])) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    return out


def generic_words(places: dict[str, MergedPlace]) -> list[Decision]:
    """``generic-word-alias``: a one-word name in a language that the names of many other places in
    that language end with, or end with a word it begins ("X Belediyesi", "X జిల్లా"): the
    language's word for a municipality, district, province or island, which a source gave one place
    as its name (Turkish "Belediye" for Novo Mesto, Telugu "జిల్లా", "district", for Ntungamo,
    Hungarian "Sziget", "island", for Senglea). Not a name the place bears in another language or
    untagged, nor one several places bear whole ("Nord")."""
    last: dict[str, list[tuple[str, str]]] = defaultdict(list)  # language -> (last word, place) of its longer names
    whole: dict[tuple[str, str], set[str]] = defaultdict(set)  # (language, key) -> places of that one-word name
    for pid, p in places.items():
        for n in p.names.values():
            words = key(n.name).replace("-", " ").split()
            for lang in primaries(n.langs):
                if len(words) > 1:
                    last[lang].append((words[-1], pid))
                elif words:
                    whole[(lang, words[0])].add(pid)
    for ends in last.values():
        ends.sort()
    out: list[Decision] = []
    for (lang, word), owners in whole.items():
        if len(owners) >= _GENERIC_OWNERS or len(word) <= SHORT:
            continue
        ends = last[lang]
        i, ending = bisect_left(ends, (word,)), set()
        while i < len(ends) and ends[i][0].startswith(word):
            ending.add(ends[i][1])
            i += 1
        if len(ending - owners) < _GENERIC_NAMES:
            continue
        for pid in sorted(owners):
            for n in places[pid].names.values():
                if n.curated or key(n.name) != word or lang not in primaries(n.langs):
                    continue
                if any(key(o.name) == word and lang not in primaries(o.langs) for o in places[pid].names.values()):
                    continue  # its name in another language too ("Para" is Pará's in several)
                detail = (
                    f"the {lang} names of {len(ending - owners)} other places end in it: a word for a kind of place"
                )
                out.append(Decision("generic-word-alias", word, pid, n.name, detail))
    return out
