"""Place names inside longer proper names: a person, a team, a firm (``lexicons/names.toml``)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator

from .casing import agency_dateline
from .chars import HYPHENS
from .evidence import Evidence
from .figures import in_figures
from .patterns import first_on_line, line_around, sentence_initial
from .persons import (
    first_name_before,
    given_before_surname,
    particle_surname,
    person_of_title,
    titled_first_name,
    word_before,
)
from .raw import Raw
from .speakers import spoken_of
from .sports import team_before
from .units import said_before
from .wordlists import Names, load_lexicon, locative, names

__all__ = ["Evidence", "forget_people", "proper"]


_HYPHENS = frozenset(HYPHENS)  # a set: an empty slice at the text's end is none


#: A unit's word written before its name ("des Kantons Bern", "der Provinz Posen"): no given name
#: nor surname before a place's.
_UNIT_WORDS = frozenset(w for w in said_before(load_lexicon("units.toml")) if " " not in w)
#: After a name, one match for two questions: spaces before a number, a dash or a "v" (a line of
#: results? see below), or one space and a capitalised word (group 1: a longer proper name?).
_AFTER = re.compile(r"[ \t]+(?=[\d-]|v[ \t])| ([^\W\d_a-z][^\W\d_A-Z]*[^\W\d_])\b")


#: An acronym before a hyphen (see :func:`_branch`).
_ACRONYM = re.compile(r"(?:^|(?<=[\s(\"'«“]))([A-Z]{2,7})\Z")


def _title_line(text: str, i: int, seen: dict[tuple[int, int], bool]) -> bool:
    """Is the line around ``text[i]`` a headline in title case (most of its words capitalised)?
    ``seen`` holds the verdicts on the lines of ``text`` read so far."""
    line = line_around(text, i, i)
    found = seen.get(line)
    if found is None:
        found = seen[line] = _title_case(text[line[0] : line[1]])
    return found


def _title_case(line: str) -> bool:
    words = line.split()  # in C: a line may be a whole page
    if len(words) < 5:
        return False
    return sum(map(str.isupper, [w[0] for w in words])) >= 0.75 * len(words)


def _compound(head: str) -> bool:
    """Does ``head`` (three characters after a hyphen) begin the second part of a compound noun
    whose first part is a place name: a word with a capital, in a script with case, that begins no
    name ("Taiwan-Dollar", "Hamburg-Mannheimer"; "Russia-Japan" is two)? Not a word in lower case:
    "London-based" is the place in some sources' reading, and a dash in running text in others'."""
    return len(head) == 3 and head[0].isupper() and head[1:].isalpha() and head[1:].islower()


def _team(word: str, ordinary: Callable[[str], bool]) -> bool:
    """Is ``word``, written right after a place name, a team's nickname: an ordinary word in the
    plural with a capital ("Chicago Cubs", "Detroit Tigers", "Sydney Bulldogs")?"""
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word[1:].islower() and ordinary(word)


class _Starts:
    """Where a name starts that may be the next word of a name before it: not a case form (read
    as a word) nor a village's name ("Karachi Stock Exchange"); asked only about the position
    right after a name, so a village is looked up only there."""

    __slots__ = ("_ask", "_at")

    def __init__(self, at: dict[int, Raw], ask: Evidence) -> None:
        self._at, self._ask = at, ask

    def __contains__(self, start: int) -> bool:
        r = self._at.get(start)
        return r is not None and not r.inflected and not self._ask.village(r.query)

    def end_of(self, start: int) -> int:
        """Where the name that starts at ``start`` ends."""
        return self._at[start].end


_LOCATIVE = locative()


def _after_preposition(text: str, start: int) -> bool:
    """Is a preposition of place written right before ``text[start:]`` ("in Oviedo", "en Príncipe")?"""
    return _LOCATIVE.search(text, max(0, start - 8), start) is not None


#: Quotation marks, opening -> closing, as languages pair them.
_QUOTES = {'"': '"', "'": "'", "«": "»", "»": "«", "“": "”", "„": "“", "‘": "’", "「": "」", "『": "』", "《": "》"}


def _quoted(text: str, r: Raw, ask: Evidence) -> bool:
    """Does a town's name alone fill a pair of quotation marks (spaces aside)? Then it names what is
    named after the town: a ship ("le s. s. « Lugano »"), a beer ("La cerveza \" San Miguel \""),
    a song, a film, a hotel, a newspaper. Not a region's or a country's, which text quotes as a
    label ("what Japan calls the \"Northern Territories\"")."""
    i = r.start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    close = _QUOTES.get(text[i]) if i >= 0 else None
    if close is None:
        return False
    j = r.end
    while j < len(text) and text[j] == " ":
        j += 1
    # an apostrophe closes a quote only before no letter: "Russia's" is a possessive
    closed = text.startswith(close, j) and not (close == "'" and text[j + 1 : j + 2].isalpha())
    return closed and ask.kind(r.query) == "city"


def _visitors(text: str, r: Raw, starts: _Starts) -> bool:
    """Is ``r`` the visiting team of a fixture list in capitals ("OAKLAND AT BOSTON")? The place
    after "AT" is where the game is played: a place."""
    return text.startswith(" AT ", r.end) and r.end + 4 in starts and text[r.start : r.end].isupper()


def _cyrillic_acronym(surface: str) -> bool:
    """A country's acronym in Cyrillic capitals ("США", "РФ", "КНР") begins no longer name: the
    name after it is a person's ("президент США Барак Обама", "министр финансов РФ Алексей Кудрин")."""
    return len(surface) >= 2 and surface.isupper() and not surface.isascii() and "\u0400" <= surface[0] <= "\u04ff"


#: Words of German, which writes its nouns with a capital: in its text the word before a place is
#: as often a noun ("Residenzstadt Mannheim", "Südraum Leipzigs") as a first name. Matched in
#: lower case, after a space (:data:`_GERMAN_FIRST` at the start of a text).
_GERMAN_WORDS = r"(?:und|der|die|das|den|dem|im|zum|zur|nicht|ein|eine|ist|wird|mit)(?=\s)"
_GERMAN = re.compile(r"\s" + _GERMAN_WORDS)
#: A German preposition of place right before a name.
_GERMAN_IN = re.compile(r"(?:^|\s)(?:in|bei|nach|aus|im)\s$", re.IGNORECASE)
_GERMAN_FIRST = re.compile(_GERMAN_WORDS)


class _German:
    """Whether the words of :data:`_GERMAN` stand near a place in ``text``: searched in the text in
    lower case, made on first need (a search that ignores case cost four times as much)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.low: str | None = None

    def near(self, i: int) -> bool:
        """Is such a word, with the spaces around it, within 400 characters of ``text[i]``?"""
        low = self.low
        if low is None:
            low = self.text.lower()
            if len(low) != len(self.text):  # a letter whose lower case is longer ("İ"): keep the places
                low = "".join(ch if len(ch.lower()) > 1 else ch.lower() for ch in self.text)
            self.low = low
        lo, hi = max(0, i - 400), i + 400
        return _GERMAN.search(low, lo, hi) is not None or (lo == 0 and _GERMAN_FIRST.match(low, 0, hi) is not None)


def _hyphenated(text: str, r: Raw, starts: _Starts, ask: Evidence) -> bool:
    """Is ``r`` a part of a hyphenated word that names no place of its name: the first part of a
    compound noun ("Taiwan-Dollar", "Hamburg-Mannheimer", "Saxe-Weimar"), or of a compound whose
    first part is names joined ("Russland-Japan-Gespräche", "Volta-Kongo-Sprachen"), a case form of the second
    part of a name ("Baden-Württembergs", "Sachsen-Anhalts", "Österreich-Ungarns" are the genitives
    of the state and the empire, not of Württemberg, Anhalt or Hungary), or an organisation's
    branch (:func:`_branch`)?"""
    end = r.end
    while text[end : end + 1] in _HYPHENS and end + 1 in starts:  # names joined: "Russland-Japan-Gespräche"
        end = starts.end_of(end + 1)
    if text[end : end + 1] in _HYPHENS and end + 1 not in starts and _compound(text[end + 1 : end + 4]):
        return True
    if r.start < 2 or text[r.start - 1] not in _HYPHENS:
        return False
    return (r.inflected and text[r.start - 2].isalpha()) or _branch(text, r, ask)


def _branch(text: str, r: Raw, ask: Evidence) -> bool:
    """Is ``r``, a town or a unit, written after a hyphen and an acronym that names no place, as an
    organisation names its branch or its region's desk ("EFE-Cantabria", "PSOE-Andalucía")? Not a
    country: "EU-Canada trade deal", "PLO-Israel talks" name two parties."""
    m = _ACRONYM.search(text, max(0, r.start - 9), r.start - 1)
    return m is not None and not ask.named(m.group(1)) and ask.kind(r.query) in ("city", "subdivision")


def _dateline_into_story(text: str, r: Raw, w: str) -> bool:
    """Is ``r`` a place in capitals first on its line, the word ``w`` after it in title case: a
    dateline running into the story ("WASHINGTON Barack Obama pardoned...")? A name in capitals
    goes on in capitals."""
    surface = text[r.start : r.end]
    return (
        len(surface) > 3
        and w[1:].islower()
        and surface.isupper()
        and surface.replace(" ", "").isalpha()
        and first_on_line(text, r.start)
    )


def _sentence_word(text: str, r: Raw, function_word: Callable[[str], bool]) -> bool:
    """Is ``r`` one of the commonest words of a language, capitalised because it begins a sentence
    ("Para asegurar...", "Como se sabe...", "Man sagt...")? Pará, Como and the Isle of Man are named
    elsewhere in a sentence, or with a place beside them."""
    surface = text[r.start : r.end]
    return (
        surface[:1].isupper() and surface[1:].islower() and sentence_initial(text, r.start) and function_word(surface)
    )


#: A Turkish noun in its possessive form, after its country ("Türkiye Cumhurbaşkanı", its president).
_POSSESSED = re.compile(r"(?=\w*[ışğçöü])\w+[ıiuü]\Z")


def _name_goes_on(text: str, r: Raw, w: str, ask: Evidence, german: _German) -> bool:
    """Does the capitalised word ``w`` after ``r`` go on a proper name ("Vladimir Putin")? An
    ordinary word does after a given name that no reader knows as a place: a surname ("Nigel
    Officer", "Mary Noon": Nigel and Mary are towns of South Africa and Turkmenistan)."""
    if w in names().calendar:
        return False
    if ask.ordinary(w):
        return ask.given(r.query) and not ask.renowned(r.query)
    if person_of_title(text, r, w, ask):  # "la canciller de Alemania Angela Merkel"
        return False
    # one of a language's commonest words starts the sentence after a heading or a dateline
    # ("Hamburg Das Wetter...", "Berne Les malheurs..."): no surname; a particle of two letters
    # may be one ("Patrick De Maeseneire")
    if len(w) > 2 and w[1:].islower() and ask.function_word(w):
        return False
    # a country's name in another language than English before a frequent word of some language
    # is the country before a noun German writes with a capital ("in Brasilien Platz 1", "Italien
    # Erfolg"; "Jordan Henderson" is a person), or a Turkish noun it possesses (Türkiye's)
    if ask.frequent(w) and (ask.exonym(r.query) or (_POSSESSED.match(w) is not None and ask.national(r.query))):
        return False
    # German text writes a noun with a capital after "in Peking", "bei Genf"
    return not (_GERMAN_IN.search(text, max(0, r.start - 6), r.start) and german.near(r.start))


def _tail(text: str, r: Raw, before: str, ask: Evidence, words: Names) -> bool:
    """Is ``r``, an ordinary word capitalised one space after the capitalised word ``before``, the
    last word of a longer proper name ("Boston University", "Prospect Reservoir", "the Victorian
    Farmers Federation", "Goddard Space Flight Center")? Not after a function word ("In Orange"),
    a comma ("Centre, Cairns") or an organisation's word, whose place ends its name ("University
    College Cork"); nor a country's, a division's or a metropolis's name, known in any name."""
    if text[r.start - 1 : r.start] != " " or not before[-1:].isalpha() or before in words.organisation:
        return False
    return not ask.function_word(before) and not (ask.national(r.query) or ask.metropolis(r.query))


def _worded(text: str, r: Raw, before: str, ask: Evidence) -> bool:
    """Is ``r`` a name of several ordinary words ("National Park", "Hot Springs") that may end a
    longer name after ``before`` ("Denali National Park")? Not in capitals, nor after a possessive
    ("Queensland's Gold Coast"), a country's, a state's or a metropolis's name ("the US Pacific
    Northwest") or an ordinary word that begins a sentence ("Vanaf Union Square")."""
    if " " not in r.query or r.query.isupper() or before.endswith(("'s", "’s")) or ask.national(before):
        return False
    if not all(ask.ordinary(w) for w in r.query.split()):
        return False
    if sentence_initial(text, r.start - len(before) - 1) and (ask.ordinary(before) or ask.frequent(before)):
        return False
    return not ask.metropolis(before)


def _person_before(text: str, r: Raw, before: str, ask: Evidence, kept: list[Raw]) -> bool | None:
    """:func:`first_name_before`, but not after a unit's word nor after a case form kept right
    before, which is a place's name ("Budapestről Debrecenbe": no "Janet Reno")."""
    if before in _UNIT_WORDS or (kept and kept[-1].inflected and kept[-1].end == r.start - 1):
        return None
    return first_name_before(text, r, before, ask)


def proper(text: str, raws: list[Raw], ask: Evidence, people: set[str]) -> list[Raw]:
    """Drop place names that begin a longer proper name (``lexicons/names.toml``): followed,
    after one space on the same line, by a capitalised word that is no place and no ordinary
    word ("Vladimir Putin", "Paris Hilton", "Boston Celtics"), or by a word that heads
    organisations ("Manchester United", "Sydney Newsroom") or is a team's nickname ("Chicago
    Cubs"), the visiting team of a fixture list in capitals ("OAKLAND AT BOSTON"); and names that
    end one: an ordinary word ("Boston University"), or ordinary words ("Beppu Hot Springs"). A headline in title case is left alone by the first. ``ask`` answers what the rules ask about words and
    places; the names the text gives people are added to ``people`` (see :func:`forget_people`)."""
    words = names()
    starts = _Starts({r.start: r for r in raws}, ask)
    german = _German(text)
    lines: dict[tuple[int, int], bool] = {}
    out: list[Raw] = []
    for r in raws:
        if _visitors(text, r, starts) or _sentence_word(text, r, ask.function_word) or _quoted(text, r, ask):
            continue
        before = word_before(text, r.start)  # a first name or a particle: capitalised
        # the text around the name says whether it is German (whose nouns take capitals)
        if (capital := before[:1].isupper()) and titled_first_name(text, r, words) and not german.near(r.start):
            people.add(r.query)
            continue
        if capital and particle_surname(text, r, before, ask, words.particles):
            people.add(r.query)  # "Vincenzo De Luca": the surname's, there and alone later
            continue
        given = _person_before(text, r, before, ask, out) if capital else None
        # the byline's name before a dateline is the reporter's ("Por Cristina Heusel Madrid , 23 may")
        if given is not None and (given or not german.near(r.start)) and not agency_dateline(text, r.start, r.end):
            if given and " " not in r.query:
                people.add(r.query)  # the surname is the person's elsewhere in the text
            continue
        after = _AFTER.match(text, r.end)
        if after is not None and after.group(1) is None:  # a number, a dash or a "v" follows
            if in_figures(text, r, words.calendar, ask.national):
                continue
            after = None
        if text.endswith(" v ", 0, r.start) and r.group < 0 and team_before(text, r.start - 3):
            continue  # the second team of a fixture
        if (text[r.end : r.end + 1] in _HYPHENS or text[r.start - 1 : r.start] in _HYPHENS) and _hyphenated(
            text, r, starts, ask
        ):
            continue  # "Taiwan-Dollar", "Baden-Württembergs", "EFE-Cantabria"
        if r.start > 1 and text[r.start - 2].isdigit() and words.money(text, r.start, r.end):
            continue  # a currency after an amount: "100.000 Franken"
        if text[r.end : r.end + 1] == "$" or words.agency_after(text, r.end):
            continue  # a dollar's sign ("US$ 20", "NZ$"), or a news agency's name ("the Xinhua news agency")
        if text.startswith(words.breeds, r.end) and not ask.national(r.query):
            continue  # a breed or a craft named after a place ("Angus beef"); not a country's trade ("U.S. beef")
        if spoken_of(text, r, words, ask):
            people.add(r.query)  # the agency's or the person's in the rest of the text too ("according to Xinhua")
            continue
        if r.query in words.titles and not _after_preposition(text, r.start):
            continue  # a title itself ("el Príncipe consorte Henrik"), not after a preposition of place
        if words.preceded(text, r.start):
            if words.titled(text, r.start):
                people.add(r.query)
            continue  # a title or an initial: "Queen Sofía", "J. Kennedy"
        if words.of_organisation(text, r.start, ask.given):
            continue  # the place an organisation is named after: "Banco de España", "Bank of England"
        if capital and (r.word or _worded(text, r, before, ask)) and _tail(text, r, before, ask, words):
            continue  # the last word of a longer name: "Boston University", "Prospect Reservoir"
        if given_before_surname(text, r, ask, words.particles):
            # a given name, though the surname is a place ("Salvador Ibarra"), and alone later ("Georgia
            # Stevens ... Georgia began"), but a city of millions' ("Paris Hilton visited Paris")
            people.update(() if ask.metropolis(r.query) and not ask.national(r.query) else (r.query,))
            continue
        begins = after is not None and not r.inflected and _begins_name(text, r, after.group(1), starts, ask, german)
        if begins and not _title_line(text, r.start, lines):
            continue
        out.append(r)
    return out


def _begins_name(text: str, r: Raw, w: str, starts: _Starts, ask: Evidence, german: _German) -> bool:
    """Does ``r`` begin a longer proper name, the capitalised word ``w`` after it (see :func:`proper`):
    a head of organisations or landforms, a team's nickname, a surname, or common words and a head
    ("the Kurdistan Democratic Party", "the London Metal Exchange")?"""
    words = names()
    if (
        (r.end + 1 not in starts or w in words.landforms)  # "Barkly Tablelands"
        and text[r.start : r.start + 1].isupper()
        and not _cyrillic_acronym(text[r.start : r.end])
    ):
        heads = words.heads(w, r.query, ask.kind)  # None: the place's own name goes on ("Pitcairn Island")
        named = heads is not None and w[0].isupper() and not _dateline_into_story(text, r, w)
        if named and (heads or _team(w, ask.ordinary) or _name_goes_on(text, r, w, ask, german)):
            return True
    return _heads_chain(text, r, ask)


#: One to three capitalised words, then another: the words after a place name up to a head.
_CHAINED = re.compile(r"((?: [^\W\d_a-z][^\W\d_A-Z]+(?:['’]s)?){1,3}) ([^\W\d_a-z][^\W\d_A-Z]+)\b")


@functools.cache
def _chain_heads() -> frozenset[str]:
    """Heads of organisations a chain of common words joins to a place (``chain_heads`` of names.toml)."""
    return frozenset(load_lexicon("names.toml")["chain_heads"])


def _heads_chain(text: str, r: Raw, ask: Evidence) -> bool:
    """Is ``r`` followed by common words, no places, and the head of an organisation ("Kurdistan
    Democratic Party")?"""
    m = _CHAINED.match(text, r.end)
    if m is None or m.group(2) not in _chain_heads():
        return False
    words = [w.removesuffix("'s").removesuffix("’s") for w in m.group(1).split()]
    return all(ask.ordinary(w) and not ask.named(w) for w in words)


def forget_people(text: str, raws: Iterable[Raw], people: set[str]) -> Iterator[Raw]:
    """The candidates of ``text`` but the names it gives people (:func:`proper`): such a name is
    the person's wherever it stands alone in the text ("President Bill Clinton ... Clinton said"),
    except after a preposition of place ("Lino Oviedo ... vive en Oviedo")."""
    for r in raws:
        if r.query not in people or _after_preposition(text, r.start):
            yield r
