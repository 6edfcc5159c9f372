"""The alias audit: names the sources give that would turn an ordinary word, or another country's
name, into an answer. Run at every build; every decision carries its rule and is listed by
``toponym audit GAZETTEER``.

Rules, each with its reason:

* ``ordinary-word`` (a key is demoted: a bare query of it gets no answer, a hint or the other places
  of a text still reach its places): one of the ``ORDINARY_TOP`` most frequent words of a language
  (``words/<lang>.frequent.txt``) that is not the own name of a prominent place (canonical or
  reviewed; or given in a major language, or local: among the ``ORDINARY_CORE`` commonest, in that
  very language), nor a name English writes (a frequent English word missing from the English
  dictionary) unless among the language's ``ORDINARY_CORE`` commonest.
  "un" (French, Spanish) is an alias of a town in India, "Ende" (German for "end") a Franco-Provençal
  name of India, "Но" (Russian "but") a Cyrillic alias of a town in Ghana; "Essen", "Madrid" and
  "Deutschland" are their places' own names and stay. A frequent word that first-level units of
  four or more countries bear describes them and is none's own name ("Nord", "Zuid", "Centrale";
  "Florida", first-level in the US, Uruguay and Puerto Rico, is a name). Nor is a first-level
  unit named by common English words the owner of their translations ("Sur", Spanish for "south",
  for Bahrain's Southern governorate; "Unidad" for South Sudan's Unity). A town of 50,000 or more
  has its canonical name as its own in the languages of its country ("Mechelen" in Dutch), and an
  alias of five letters or more that is a frequent word of such a language beyond its core, in
  that language only ("Oostende", untagged in the source for Ostend, in Dutch). A
  country's name in a major language is its own in every language ("Великобритания": Russian, and
  Bulgarian).
* Aliases dropped, each by a rule of :mod:`.aliases` (listed there with its reasons):
  ``foreign-country-name``, ``given-name-alias``, ``short-untagged-alias``, ``part-name``,
  ``address-alias``, ``adjective-alias``, ``town-name-alias``, ``generic-word-alias``.

A place is *prominent* when a reader of any text may mean it by name alone: a country, territory or
former country, a first-level subdivision, a city of 100,000 or more, an ocean, sea, gulf, strait or
world region, or a curated physical feature.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from dataclasses import dataclass

from ..charclass import is_han, is_hangul
from ..normalize import fold_key, hangul_units, normalize_name
from ..surface import is_acronym
from ..vocab import COUNTRY_KINDS, MAJOR_LANGS, METROPOLIS, TOWN_LOCAL, word_list
from .aliases import (
    RULES,
    SHORT,
    Decision,
    adjective_aliases,
    foreign_country_names,
    generic_words,
    key,
    part_names,
    primaries,
    short_untagged,
    town_names,
)
from .merge import MergedPlace
from .prominence import people_of
from .records import Words

__all__ = ["FUNCTION_TOP", "ORDINARY_CORE", "ORDINARY_TOP", "RULES", "Audit", "Decision", "apply", "audit"]

#: How many of a language's most frequent words count as ordinary words.
ORDINARY_TOP = 10_000
#: Within this many, a word is ordinary even when English writes it as a name ("ada": Malay "there is").
ORDINARY_CORE = 1_000
#: How many of a language's most frequent words are its function words ("para", "como", "man").
FUNCTION_TOP = 100
_CITY_PROMINENT = 100_000
_PHYSICAL = frozenset({"sea", "ocean", "gulf", "strait", "lake", "river", "mountain", "mountain-range", "desert",
                       "island", "island-group", "peninsula", "region", "macro-region"})  # fmt: skip
_MAJOR_PHYSICAL = frozenset({"ocean", "sea", "macro-region", "gulf", "strait"})
_CASELESS_NAMES = COUNTRY_KINDS | _MAJOR_PHYSICAL
#: A frequent word that first-level units of this many countries bear is a description (see :func:`_descriptive`).
_DESCRIPTIVE_COUNTRIES = 4
#: Places named in every language by the common noun ("Welt", "世界", "العالم" are the world): never
#: an excuse for the word.
_GENERIC = frozenset({"m49-001"})
#: A first-level unit whose cities hold this many people is named in its country's languages by a
#: frequent word of them because news names it ("बिहार", Bihar, in Hindi; "سندھ", Sindh, in Urdu).
_UNIT_NAMED = 5_000_000


@dataclass(frozen=True, slots=True)
class Audit:
    decisions: tuple[Decision, ...]
    ordinary: frozenset[str]
    """Words (normalised, accents kept) a bare query of which gets no answer (rule ``ordinary-word``):
    Spanish "se" is one, "Sé" (a district of São Paulo) not."""
    caseless: frozenset[str] = frozenset()
    """The ``ORDINARY_CORE`` commonest words of each language written without case (normalised),
    but names of countries, seas, gulfs and straits, and of cities of a million people, in any
    language, of cities of 100,000 by a name a source gives in a language (Arabic غزة, Gaza), and
    of large first-level units by their names in a language of their country (Hindi बिहार): in
    running text no capital tells the name from the word (Arabic مدينة "town", الجديدة "the new",
    صباح "morning" name places)."""
    function: frozenset[str] = frozenset()
    """The ``FUNCTION_TOP`` commonest words of each language that name no country and no city of a
    million people in any language (normalised, accents kept): Spanish "para" and Russian "так"
    are (Pará, Tak), French "france" not."""


def _prominent(places: dict[str, MergedPlace]) -> set[str]:
    out: set[str] = set()
    for pid, p in places.items():
        if pid in _GENERIC:
            continue
        kind = p.src.kind
        if (
            kind in COUNTRY_KINDS
            or _first_level(places, p)
            or (kind == "city" and (p.src.population or 0) >= _CITY_PROMINENT)
            or kind in _MAJOR_PHYSICAL
            or (kind in _PHYSICAL and p.curated)
        ):
            out.add(pid)
    return out


@dataclass(frozen=True, slots=True)
class _Own:
    """Names (normalised, accents kept) that are a prominent place's own."""

    anywhere: set[str]
    """Canonical or reviewed: the place's name in whatever language the query is."""
    by_lang: dict[str, set[str]]
    """Per language: names the sources give in it, and local names (a frequent word of a language
    of the place's country)."""
    coded: dict[str, set[str]]
    """Per language: names beyond its core words that a coded subdivision has in it and a prominent
    place has too (German "Venedig", "Florenz": the provinces', and the cities' they are named
    after); see :func:`_coded_names`."""


def _first_level(places: dict[str, MergedPlace], p: MergedPlace) -> bool:
    parent = places.get(p.src.parent) if p.src.parent else None
    return p.src.kind == "subdivision" and (parent is None or parent.src.kind in ("country", "territory"))


def _descriptive(places: dict[str, MergedPlace], words: Words) -> frozenset[str]:
    """Names that describe rather than name: one of a language's ``ORDINARY_TOP`` most frequent words
    that first-level units of ``_DESCRIPTIVE_COUNTRIES`` or more countries bear ("Nord", "Zuid",
    "Centrale", "Ouest": the North, South, Central, West regions of Uganda, Zambia, Cameroon, ...).
    A reader of "Nord" means none of them."""
    core = {k for ranked in words.frequent.values() for k in ranked[:ORDINARY_TOP]}
    countries: dict[str, set[str]] = defaultdict(set)
    for p in places.values():
        if _first_level(places, p):
            for n in p.names.values():
                norm = normalize_name(n.name)
                if norm in core:
                    countries[norm].add(p.src.country or p.src.parent or "")
    return frozenset(k for k, v in countries.items() if len(v) >= _DESCRIPTIVE_COUNTRIES)


def _own_names(places: dict[str, MergedPlace], prominent: set[str], words: Words) -> _Own:
    """The names that are a prominent place's own: canonical or reviewed anywhere; a name the
    sources tag with a major language, or a frequent word of a language of the place's country (the
    local name: "Milano" is untagged in the sources, and Italian), in that language only. Italian
    "Roma" is a name in Italian, but Portuguese "Este" (Sri Lanka's Eastern Province) no excuse for
    Spanish "este"; untagged or minority-language alternates vouch for nothing ("Te" for Dezhou,
    "Gente" for Ghent, a Franco-Provençal "Ende" for India), nor does a name in capitals for the word
    in lower case ("USA" is not Italian "usa"), nor an abbreviation for the word without its dot
    ("Del." is not Spanish "del")."""
    local: dict[str, dict[str, frozenset[str]]] = {}
    for territory, langs in words.territory_langs.items():  # by word list: "hr", "sr", "bs" are "sh"
        local[territory] = {word_list(lang): frozenset(words.frequent.get(word_list(lang), ())) for lang in langs}
    own = _Own(set(), defaultdict(set), _coded_names(places, prominent, words))
    descriptive = _descriptive(places, words)
    cores = {lang: frozenset(ranked[:ORDINARY_CORE]) for lang, ranked in words.frequent.items()}
    for p in places.values():
        # a town's own name is frequent in the language of its country because news names the
        # town ("Mechelen", "Hasselt", "Aalst" in Dutch): local, it is the name; so is an alias of
        # a real word's length beyond the language's core words, in that language only: the
        # town's name in it, which the source gives untagged ("Oostende" for Ostend); a core word
        # is not ("Mont", "Seul")
        if p.src.kind == "city" and p.src.id not in prominent and (p.src.population or 0) >= TOWN_LOCAL:
            norm = normalize_name(p.src.name)
            aliases = {normalize_name(n.name) for n in p.names.values()}
            aliases = {a for a in aliases if sum(ch.isalpha() for ch in a) > SHORT}
            for lang, frequent in local.get(p.src.country or "", {}).items():
                if norm in frequent:
                    own.by_lang[lang].add(norm)
                core = cores.get(lang, frozenset())
                own.coded[lang].update(a for a in aliases if a in frequent and a not in core)
        # a reviewed name with a language is the place's own in that language, whatever its size
        # ("Olot", Catalan: a frequent Catalan word because Catalan news names the town)
        if p.curated and p.src.id not in prominent:
            for n in p.names.values():
                if n.curated:
                    for lang in primaries(n.langs):
                        own.by_lang[lang].add(normalize_name(n.name))
    for pid in prominent:
        p = places[pid]
        spoken = local.get(p.src.country or pid, {})
        first_level = _first_level(places, p)
        # a unit named by common English words ("Southern", Bahrain; "Unity", South Sudan) has
        # their translations for names in other languages ("Sur", "Unidad"): words, not its own
        worded = first_level and all(w in words.common for w in key(p.src.name).split())
        for n in p.names.values():
            if is_acronym(n.name) or n.name.endswith("."):
                continue
            norm = normalize_name(n.name)
            if first_level and norm in descriptive:
                continue
            if worded and not n.curated and key(n.name) != key(p.src.name):
                continue
            major = primaries(n.langs) & MAJOR_LANGS
            # a country's name in a major language is its name in every language that writes it so
            # (Russian "Великобритания" is Bulgarian too, where no source tags it); not a short one
            # (Vietnamese "Áo", Austria, is no excuse for an "Ao" in another language)
            country = major and p.src.kind in COUNTRY_KINDS and sum(ch.isalpha() for ch in norm) > SHORT
            if n.name == p.src.name or n.curated or country:
                own.anywhere.add(norm)
                continue
            # with a unit's word, the forms Korean writes it in are the name too ("캘리포니아 주":
            # 캘리포니아주, 캘리포니아, a frequent word because news names the state); not a core word
            # without it ("나라 현" is Nara, "나라" a country)
            forms = [norm, *(f for f in hangul_units(norm) or () if f is not None and f not in cores.get("ko", ()))]
            for lang in major:
                own.by_lang[lang].update(forms)
            for lang, frequent in spoken.items():
                if norm in frequent:
                    own.by_lang[lang].add(norm)
    return own


def _coded_names(places: dict[str, MergedPlace], prominent: set[str], words: Words) -> dict[str, set[str]]:
    """Per major language, what :attr:`_Own.coded` holds: a name the sources give in it to a
    subdivision below the first level with an ISO 3166-2 code that a prominent place has too, in
    any language ("Venedig": the province in German, the city untagged); 5+ letters of a script
    with case (without case no capital tells the name in text from the word), no English word."""
    named = {normalize_name(n.name) for pid in prominent for n in places[pid].names.values()}
    coded: dict[str, set[str]] = defaultdict(set)
    for p in places.values():
        if p.src.kind != "subdivision" or p.src.id in prominent or "iso3166_2" not in p.src.codes:
            continue
        for n in p.names.values():
            norm = normalize_name(n.name)
            if (
                norm in named
                and sum(ch.isalpha() for ch in norm) >= 5
                and norm != norm.upper()
                and fold_key(norm) not in words.dictionary
            ):
                for lang in primaries(n.langs) & MAJOR_LANGS:
                    coded[lang].add(norm)
    return coded


def _ordinary(words: Words, own: _Own) -> list[Decision]:
    """Every frequent word of a language that is no prominent place's own name in that language
    (among its ``ORDINARY_CORE`` commonest) or in any (beyond them), whether or not a stored name has
    it as its key (a query reaches names through its transliteration too: "мы" is "my"). Frequent
    English words that the dictionary lacks in lower case are names ("Venice", "Britain", "Richmond"): they count in no language beyond its
    ``ORDINARY_CORE`` commonest words."""
    english = words.frequent.get("en", ())
    # names English writes (frequent, but no lower-case dictionary word): the lists of other
    # languages hold them too, from text about the world ("cannes" in French, "essex" in Icelandic)
    english_names = {w for w in english if fold_key(w) not in words.dictionary}
    # beyond a language's core, a name in any major language excuses the word (French "Japon" is
    # Japan, though Turkish "japon" means Japanese); within it, only a name in that language does
    # (French "seul" is no Portuguese "Seul", Seoul; Spanish "este" no Portuguese "Este")
    in_some = set().union(*own.by_lang.values()) | own.anywhere
    found: dict[str, list[str]] = defaultdict(list)
    for lang, ranked in sorted(words.frequent.items()):
        named = own.by_lang.get(lang, set()) | own.anywhere
        for rank, k in enumerate(ranked[:ORDINARY_TOP]):
            if k in english_names and (lang == "en" or rank >= ORDINARY_CORE):
                continue
            if rank < ORDINARY_CORE:
                if k not in named:
                    found[k].append(lang)
            elif k not in in_some and k not in own.coded.get(lang, ()):
                found[k].append(lang)
    return [
        Decision("ordinary-word", k, detail=f"a frequent word in {', '.join(langs)}")
        for k, langs in sorted(found.items())
    ]


def _function(places: dict[str, MergedPlace], words: Words) -> frozenset[str]:
    """The function words of every language: see :attr:`Audit.function`. A country's name in any
    language, or a name of a city of a million people, is none ("France", "Türkiye", "Budapest",
    "София" are frequent words of their languages); a lesser place's name in the language is no
    excuse (Russian "так" is Tak, a Thai province, and "во" Vaud, in Russian: at the start of a
    sentence they are "so" and "in")."""
    names = {normalize_name(n.name) for p in places.values() if p.src.kind in COUNTRY_KINDS for n in p.names.values()}
    # a metropolis's canonical name and its names in a language ("София"), not an untagged alias
    # ("Para" for Belém is Spanish and Portuguese "for")
    names |= {
        normalize_name(n.name)
        for p in places.values()
        if p.src.kind == "city" and (p.src.population or 0) >= METROPOLIS
        for n in p.names.values()
        if n.name == p.src.name or primaries(n.langs)
    }
    return frozenset(k for ranked in words.frequent.values() for k in ranked[:FUNCTION_TOP] if k not in names)


def _caseless(places: dict[str, MergedPlace], words: Words) -> frozenset[str]:
    """:attr:`Audit.caseless`. Han, kana and Hangul are segmented by word frequency instead."""
    named = {
        normalize_name(n.name)
        for p in places.values()
        if p.src.kind in _CASELESS_NAMES or (p.src.kind == "city" and (p.src.population or 0) >= METROPOLIS)
        for n in p.names.values()
    }
    # a city of 100,000 people or more by its name in a language ("غزة", Gaza, in Arabic)
    named |= {
        normalize_name(n.name)
        for p in places.values()
        if p.src.kind == "city" and (p.src.population or 0) >= _CITY_PROMINENT
        for n in p.names.values()
        if primaries(n.langs)
    }
    named |= _units_named(places, words)
    out: set[str] = set()
    for ranked in words.frequent.values():
        for k in ranked[:ORDINARY_CORE]:
            letters = [ch for ch in k if ch.isalpha()]
            segmented = any(is_han(ch) or is_hangul(ch) or "\u3040" <= ch <= "\u30ff" for ch in letters)
            if letters and k.lower() == k.upper() and not segmented and k not in named:
                out.add(k)
    return frozenset(out)


def _units_named(places: dict[str, MergedPlace], words: Words) -> set[str]:
    """The names of a first-level unit of :data:`_UNIT_NAMED` people in a language of its country
    (tagged so): no core word of a script without case. Not a side of a country, a unit named by
    common English words ("Eastern Province": Arabic "الشرقية" is "the eastern")."""
    merged = list(places.values())
    row = {pid: i for i, pid in enumerate(places)}
    people = people_of(merged, array("i", (row.get(p.src.parent, -1) if p.src.parent else -1 for p in merged)))
    out: set[str] = set()
    for p, n_people in zip(merged, people, strict=True):
        if (
            n_people < _UNIT_NAMED
            or not _first_level(places, p)
            or all(w in words.common for w in key(p.src.name).split())
        ):
            continue
        spoken = set(words.territory_langs.get(p.src.country or "", ()))
        out.update(normalize_name(n.name) for n in p.names.values() if not spoken.isdisjoint(primaries(n.langs)))
    return out


def audit(merged: list[MergedPlace], words: Words) -> Audit:
    """Every decision of the audit on ``merged`` places (see the module docstring)."""
    places = {p.src.id: p for p in merged}
    prominent = _prominent(places)
    english = frozenset(key(w) for w in words.frequent.get("en", ()))
    dropped = [
        *foreign_country_names(places, words.given),
        *short_untagged(places, prominent),
        *part_names(places),
        *adjective_aliases(places, english),
        *town_names(places),
        *generic_words(places),
    ]
    own = _own_names(places, prominent, words)
    ordinary = _ordinary(words, own)
    return Audit(
        tuple(dropped + ordinary),
        frozenset(d.key for d in ordinary),
        _caseless(places, words),
        _function(places, words),
    )


def apply(merged: list[MergedPlace], result: Audit) -> None:
    """Remove the aliases the audit drops from ``merged`` places."""
    drops: dict[str, set[str]] = defaultdict(set)
    for d in result.decisions:
        if d.place is not None and d.name is not None:
            drops[d.place].add(d.name)
    for p in merged:
        for name in drops.get(p.src.id, ()):
            p.names.pop(name, None)
