"""The extractor's language knowledge, read from ``lexicons/*.toml`` (data with reasons, not code)."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..normalize import HAN_FOLD

__all__ = ["CJK", "Names", "Results", "apposition", "cjk", "descriptive", "load_lexicon", "names", "results"]

#: A dateline's agency stands between a dash and a dash or a colon ("الدوحة - قنا :", "استنبول - قنا - ا ف ب").
_DASH_BEFORE = re.compile(r"[-–—][ \t]*\Z")
_DASH_AFTER = re.compile(r"[ \t]*[-–—:]")


def _load(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files(__package__).joinpath("lexicons", name).read_text(encoding="utf-8"))


def load_lexicon(name: str) -> dict[str, Any]:
    """The parsed ``lexicons/<name>`` (for a module that keeps its own rules, as :mod:`.chinese`)."""
    return _load(name)


def _with_folded(words: list[str] | str) -> tuple[str, ...]:
    """``words`` and the form each folds to: the scan reads runs with Han characters folded to one
    form (see :func:`toponym.normalize.fold_key`), so the guards must know both."""
    return tuple(dict.fromkeys(w for word in words for w in (word, word.translate(HAN_FOLD))))


@dataclass(frozen=True, slots=True)
class CJK:
    """Guards for names inside runs of Han and kana (``lexicons/cjk.toml``)."""

    suffix: frozenset[str]
    followers: tuple[str, ...]
    heads: tuple[str, ...]


@functools.cache
def cjk() -> CJK:
    data = _load("cjk.toml")
    return CJK(
        suffix=frozenset(_with_folded(data["suffix"])),
        followers=_with_folded(data["followers"]),
        heads=_with_folded(data["heads"]),
    )


@functools.cache
def apposition() -> re.Pattern[str]:
    """What may stand between a place and the place that contains it (``lexicons/apposition.toml``)."""
    data = _load("apposition.toml")
    parts = [rf"\s*{p}\s*" for p in data["punctuation"]] + [rf"\s+{re.escape(w)}\s+" for w in data["words"]]
    return re.compile("|".join(parts))


@functools.cache
def locative() -> re.Pattern[str]:
    """A preposition of place right before a word (``lexicons/locative.toml``): match it ending at the word,
    after a space or an elided word's apostrophe (French "qu'à Wissembourg", "jusqu'à Lyon")."""
    return _word_before(_load("locative.toml")["words"], opening=r"\s'’", flags=re.IGNORECASE)


def directions() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A direction from a place right before a word ("south of", ``lexicons/locative.toml``): match
    it ending at the word; and the endings of such phrases (" of ", " de "), a cheap test first."""
    phrases = _load("locative.toml")["directions"]
    ends = tuple(sorted({" " + p.rsplit(" ", 1)[-1] + " " for p in phrases}))
    return _word_before(phrases, opening=r"\s", flags=re.IGNORECASE), ends


@dataclass(frozen=True, slots=True)
class Settlements:
    """Kinds of settlement written right before a name ("the town of", "der Stadt",
    ``lexicons/locative.toml``), looked up by words, not searched for: a phrase ending in a joining
    word may have one adjective before that word ("la localidad francesa de")."""

    joined: dict[str, frozenset[str]]
    """Joining word ("of", "de") -> the kinds written before it, in lower case."""
    alone: frozenset[str]
    """Kinds written right before the name ("stadt", "gemeente"), in lower case."""
    ends: tuple[str, ...]
    """The last words of the phrases as written before a name (" of ", " Stadt "): a cheap test first."""

    def before(self, text: str, s: int) -> bool:
        """Is a kind of settlement written right before ``text[s:]`` (one space between)?"""
        if not text.endswith(self.ends, 0, s):
            return False
        start = text.rfind(" ", max(0, s - 30), s - 1) + 1
        if start == 0 and s > 30:
            return False  # a word longer than any kind's
        last = text[start : s - 1].lower()
        if last in self.alone:
            return True
        kinds = self.joined.get(last)
        if kinds is None:
            return False
        words = text[max(0, start - 40) : start].lower().split()
        return bool(words) and (words[-1] in kinds or (len(words) > 1 and words[-2] in kinds))


@functools.cache
def settlements() -> Settlements:
    """The kinds of settlement of ``lexicons/locative.toml``."""
    joined: dict[str, set[str]] = {}
    alone: set[str] = set()
    for phrase in _load("locative.toml")["settlements"]:
        head, _, tail = phrase.lower().rpartition(" ")
        if head:
            joined.setdefault(tail, set()).add(head)
        else:
            alone.add(tail)
    ends = {f" {w} " for w in (*joined, *alone)} | {f" {w.capitalize()} " for w in (*joined, *alone)}
    return Settlements({k: frozenset(v) for k, v in joined.items()}, frozenset(alone), tuple(sorted(ends)))


@dataclass(frozen=True, slots=True)
class Names:
    """Words around a place name that make it part of a longer proper name (``lexicons/names.toml``)."""

    organisation: frozenset[str]
    calendar: frozenset[str]
    before: frozenset[str]
    """Words that make the name after them part of a longer one: titles and clubs' heads."""
    titles: frozenset[str]
    """Titles and offices: the name after one is a person's."""
    of_heads: frozenset[str]
    of_sites: frozenset[str]
    """Buildings, streets and squares named after a place, right before it ("Palacio de Navarra")."""
    of_pattern: re.Pattern[str]
    """The head of an organisation and the word joining it to a place, right before the place."""
    of_endings: tuple[str, ...]
    """The joining words as they end right before the place ("de ", "of ", "d'"): a cheap test first."""
    chain_pattern: re.Pattern[str]
    """A capitalised word of an organisation's name, with or without a joining word after it."""
    unchained: tuple[str, ...]
    """Joining words after which the head must stand right before ("of", "of the")."""
    club_pattern: re.Pattern[str]
    """An article that makes a city's name its club's, right before the name."""
    currencies: frozenset[str]
    """Currencies named like places: money after an amount ("100.000 Franken")."""
    agency: tuple[str, ...]
    """What follows a news agency's name, after one space ("Xinhua news agency")."""
    agency_word: re.Pattern[str]
    """... as a whole word (Arabic "برس", Press, is no "برسم")."""
    breeds: tuple[str, ...]
    """What follows a breed's or a craft's name, after one space ("Angus beef", "the Phoenix lander")."""
    speaker: re.Pattern[str]
    """A word right before a name that makes it the speaker, in Spanish ("según Moreno")."""
    speaker_ends: tuple[str, ...]
    """... as it ends right before the name ("según "): a cheap test first."""
    speaker_after: re.Pattern[str]
    """A verb of saying right after a name, in Spanish ("García denunció")."""
    personal: re.Pattern[str]
    """A comma and a relative pronoun said of people only, right after a name ("Moreno , quien")."""
    personal_town: re.Pattern[str]
    """... said of people or teams, right after a town's name ("Salou, who plays")."""
    agencies: frozenset[str]
    """News agencies named like places ("Xinhua", "Anadolu", "Fars")."""
    reporting_after: re.Pattern[str]
    reporting_before: re.Pattern[str]
    descriptors: frozenset[str]
    """What a landmark is, in lower case after its name ("Stansted airport")."""
    epithets: frozenset[str]
    """Honorifics after a city's name ("مكة المكرمة")."""
    particles: frozenset[str]
    """Particles that begin a surname, written with a capital ("Vincenzo De Luca")."""
    landforms: frozenset[str]
    """Words after a place name that make a landform's name, though they name a place too ("Tablelands")."""
    islands: frozenset[str]

    def heads(self, word: str, name: str, kind: Callable[[str], str | None]) -> bool | None:
        """Does ``word``, capitalised after the place name ``name``, make an organisation's or a
        landform's name? ``None`` where it goes on with the place's own: one of :attr:`islands`
        after the name of an island, a group, a territory or a unit ("Pitcairn Island")."""
        if word in self.islands and kind(name) in _ISLANDED:
            return None
        return word in self.organisation

    def club(self, text: str, start: int) -> bool:
        """Is a city's name at ``start`` its football club's ("el Valencia", "il Napoli")?"""
        return self.club_pattern.search(text, max(0, start - 5), start) is not None

    def money(self, text: str, start: int, end: int) -> bool:
        """Is the name at ``text[start:end]`` a currency after an amount ("100.000 Franken")?"""
        return text[start:end] in self.currencies and _AMOUNT.search(text, max(0, start - 24), start) is not None

    def of_organisation(self, text: str, start: int, given: Callable[[str], bool]) -> bool:
        """Is the name at ``start`` the place an organisation is named after ("Banco de España",
        "Bank of England", "Université d'Ottawa")? Not where a person's name stands between the
        head and the place: "Hospital Carlos Haya de Málaga" is named after the person, and is
        in Málaga (``given`` tells a given name)."""
        if not text.endswith(self.of_endings, 0, start):
            return False
        m = self.of_pattern.search(text, max(0, start - 40), start)
        for step in range(_CHAIN if not text.endswith(self.unchained, 0, start) else 1):
            if m is None:
                return False
            if not step and m.group(1) in self.of_sites:
                # a site's head, a street's in lower case too ("rue de Lyon"), but one of a
                # place's streets: "une rue de Tokyo"
                return _INDEFINITE.search(text, max(0, m.start(1) - 6), m.start(1)) is None
            if not m.group(1)[0].isupper():
                return False
            if m.group(1) in self.of_heads:
                return True
            if given(m.group(1)):
                return False
            # the head may stand further back in the organisation's name: "Colegio Oficial de
            # Farmacéuticos de Madrid", "Audiencia Provincial de Navarra"
            pos = m.start(1)
            m = self.chain_pattern.search(text, max(0, pos - 40), pos)
        return False

    def agency_after(self, text: str, end: int) -> bool:
        """Does a word that makes a name a news agency's or a paper's follow ``text[:end]``
        ("Xinhua news agency", "فرانس برس")?"""
        return text.startswith(self.agency, end) and self.agency_word.match(text, end) is not None

    def reports(self, text: str, start: int, end: int) -> bool:
        """Is the name at ``text[start:end]`` a news agency's that the text reports through
        ("according to Xinhua", "Xinhua reported")?"""
        return text[start:end] in self.agencies and (
            self.reporting_after.match(text, end) is not None
            or self.reporting_before.search(text, max(0, start - 16), start) is not None
            # a dateline's agency, between a dash and a dash or a colon: "الدوحة - قنا :"
            or (
                _DASH_AFTER.match(text, end) is not None
                and _DASH_BEFORE.search(text, max(0, start - 4), start) is not None
            )
        )

    def speaks(self, text: str, start: int, end: int) -> bool:
        """Is the name at ``text[start:end]`` the speaker a word right before or after it names
        ("según Moreno", "García denunció")?"""
        return (
            text.endswith(self.speaker_ends, 0, start)
            and self.speaker.search(text, max(0, start - 12), start) is not None
        ) or (self.speaker_after.match(text, end) is not None and not text.endswith(_OF_IN, 0, start))

    def titled(self, text: str, start: int) -> bool:
        """Is the name at ``start`` written right after a title ("President Clinton")?"""
        first = _spaced_word_start(text, start)
        return first >= 0 and text[first : start - 1] in self.titles

    def preceded(self, text: str, start: int) -> bool:
        """Is the name at ``start`` written right after a word of :attr:`before` or an initial
        ("Real Madrid", "Queen Sofía", "J. Kennedy"; without its dot after a name, "John F Kennedy")?"""
        word = text[first : start - 1] if (first := _spaced_word_start(text, start)) >= 0 else ""
        if len(word) == 2 and word[0].isupper() and word[1] == "." and word[0] not in "NSEW":
            return _INITIAL_BEFORE.search(text, max(0, first - 4), first) is None  # not "H. C. Lausanne"
        if len(word) == 1 and word.isupper() and word not in "NSEW":
            return _NAME_BEFORE.search(text, max(0, first - 24), first) is not None
        return word in self.before


#: Places whose name an island's word may follow as part of it (see :meth:`Names.heads`).
_ISLANDED = frozenset({"island", "island-group", "territory", "subdivision", "country"})

#: How many capitalised words back the head of an organisation named "of" a place may stand.
_CHAIN = 4

#: Prepositions that make a name right after them no subject: "el alcalde de Lugo dijo", "la
#: consejera del Gobierno de Aragón añadió".
_OF_IN = (" de ", " del ", " en ", " a ", " al ", " de la ", " por ")

#: An indefinite article right before a word: "une rue de Tokyo" is a street in Tokyo.
_INDEFINITE = re.compile(r"(?:^|[\s'’])(?:une?|una?|uma?)\s$", re.IGNORECASE)

#: An amount right before a word: digits with their separators, then a space.
_AMOUNT = re.compile(r"\d[\d.,' ]* $")

#: Characters that end the word before a name, as a space does.
_OPENERS = frozenset("\"'(«“")


def _spaced_word_start(text: str, start: int) -> int:
    """Where the word one space before ``text[start]`` begins, or ``-1`` (see :func:`_word_start`)."""
    if start < 2 or text[start - 1] != " ":
        return -1
    return _word_start(text, start - 1)


def _word_start(text: str, end: int) -> int:
    """Where the word before ``text[end]`` begins: its characters back to a space, a quote or a
    bracket, or the start of the text; ``-1`` when there is none or it is longer than 15 (read
    character by character: a regular expression tried at each of the 16 places cost more)."""
    lo = max(0, end - 15)
    k = end
    while k > lo and not _opens(text[k - 1]):
        k -= 1
    if k == end or (k == lo and k > 0 and not _opens(text[k - 1])):
        return -1
    return k


def _opens(ch: str) -> bool:
    """Does ``ch`` end the word before a name, as a space does?"""
    return ch.isspace() or ch in _OPENERS


_NAME_BEFORE = re.compile(r"(?:^|\s)[^\W\d_a-z][^\W\d_A-Z]+ \Z")
_INITIAL_BEFORE = re.compile(r"(?:^|\W)\w\. $")


def _of_endings(joins: list[str]) -> tuple[str, ...]:
    # "de " and "of the " end with a space before the place, "d'" and "de l'" with the apostrophe
    return tuple(" " + j + ("" if j.endswith("'") else " ") for j in joins)


def _of_pattern(joins: list[str], optional: bool = False) -> re.Pattern[str]:
    alternatives = sorted((re.escape(e[1:]) for e in _of_endings(joins)), key=len, reverse=True)
    joined = f"(?:{'|'.join(alternatives)})" + ("?" if optional else "")
    return re.compile(rf"(?:^|(?<=[\s\"'’(«“]))([^\W\d_][\w-]*) {joined}$", re.MULTILINE)


def _word_before(words: list[str], opening: str = '\\s"(«“', flags: int = 0) -> re.Pattern[str]:
    """One of ``words`` and a space, ending where the pattern is searched up to: at the start of a
    line or after one of the ``opening`` characters (a regular expression character set)."""
    joined = "|".join(map(re.escape, words))
    return re.compile(rf"(?:^|(?<=[{opening}]))(?:{joined}) $", re.MULTILINE | flags)


def _after_comma(words: list[str]) -> re.Pattern[str]:
    """A comma, then one of ``words`` as a whole word, matched right after a name ("Moreno , quien")."""
    return re.compile(rf"[ \t]?,[ \t]?(?:{'|'.join(map(re.escape, words))})\b")


@functools.cache
def names() -> Names:
    data = _load("names.toml")
    return Names(
        frozenset(data["organisation"]) | (landforms := frozenset(data["landforms"]) | frozenset(data["islands"])),
        frozenset(data["calendar"]),
        frozenset(data["before"]) | frozenset(data["titles"]),
        frozenset(data["titles"]),
        frozenset(data["of_heads"]),
        frozenset(data["of_sites"]),
        _of_pattern(data["of_words"]),
        _of_endings(data["of_words"]),
        _of_pattern(data["of_words"], optional=True),
        _of_endings(data["of_words_unchained"]),
        _word_before(data["club_articles"]),
        frozenset(data["currencies"]),
        tuple(" " + w for w in data["agency"]),
        re.compile(rf" (?:{'|'.join(map(re.escape, data['agency']))})(?!\w)"),
        tuple(" " + w for w in (*data["breeds"], *data["crafts"])),
        _word_before(data["speaker_before"], opening=r"\s"),
        tuple(w + " " for w in data["speaker_before"]),
        re.compile(rf" (?:{'|'.join(map(re.escape, data['speaker_after']))})\b"),
        _after_comma(data["personal"]),
        _after_comma(data["personal_town"]),
        frozenset(data["agencies"]),
        re.compile(rf",? (?:{'|'.join(map(re.escape, data['reporting_after']))})\b"),
        _word_before(data["reporting_before"], flags=re.IGNORECASE),
        frozenset(data["descriptors"]),
        frozenset(data["epithets"]),
        frozenset(data["particles"]),
        landforms,
        frozenset(data["islands"]),
    )


@dataclass(frozen=True, slots=True)
class Results:
    """How competitors' countries are abbreviated in sports results (``lexicons/results.toml``)."""

    languages: tuple[str, ...]
    kinds: frozenset[str]


@functools.cache
def results() -> Results:
    data = _load("results.toml")
    return Results(tuple(data["languages"]), frozenset(data["kinds"]))


@functools.cache
def _describing() -> tuple[frozenset[str], frozenset[str]]:
    data = _load("descriptive.toml")
    return frozenset(data["sides"]), frozenset(data["units"])


def descriptive(surface: str) -> bool:
    """Is ``surface`` a side of a country and a kind of unit ("Eastern Division", "Central
    Region"; ``lexicons/descriptive.toml``), as a league or a firm names its parts, or a side alone
    ("Far North", "Centre")?"""
    low = surface.lower()
    sides, units = _describing()
    if low.removeprefix("far ") in sides:
        return True  # a side alone: "Far North" (Cameroon) is "Far North Queensland" or New Zealand's
    side, _, unit = low.rpartition(" ")
    return bool(side) and unit in units and side in sides
