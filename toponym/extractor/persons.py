"""Person names around a place name (rules of :func:`.proper.proper`): a first name before it, a
second surname, a given name before a surname, a couple."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..vocab import COUNTRY_KINDS, MAJOR_KINDS
from .casing import dated
from .raw import Raw
from .wordlists import Names, load_lexicon, names

if TYPE_CHECKING:
    from .evidence import Evidence

__all__ = [
    "SURNAME",
    "couple",
    "first_name_before",
    "given_before_particle",
    "given_before_surname",
    "given_name",
    "initialled",
    "particle_surname",
    "person_of_title",
    "titled_first_name",
    "word_before",
]

#: A surname after a given name, one space on: a capital, then letters with at least one in lower
#: case ("Suarez", "O'Malley", "McNeil"; not "WSRL").
SURNAME = re.compile(r" ([^\W\d_a-z](?:['’][^\W\d_a-z])?[^\W\d_]*[^\W\d_A-Z][^\W\d_]*)\b")
#: A couple after a name: "and" (in the languages of the given names; their first letters, read
#: before any name is looked up), a given name and a surname ("Brent and Lynnette Hain").
_CONJUNCTION_STARTS = frozenset("a&yeui")
_COUPLE = re.compile(
    r" (?:and|&|y|e|et|und|en|i) ([^\W\d_a-z][^\W\d_A-Z]+) ([^\W\d_a-z](?:['’][^\W\d_a-z])?[^\W\d_]*[^\W\d_A-Z][^\W\d_]*)\b"
)


def first_name_before(text: str, r: Raw, word: str, ask: Evidence) -> bool | None:
    """Is ``r`` a town's or a unit's name (or a river's...) written right after a person's first
    name: a given name ("Jesús Medina", "Lindsay Davenport", "José Bono", "John Shannon": ``True``)
    or a given name and a surname (a second surname: "Pedro Ruiz Castellón", not in a byline
    before its dateline: "por Elena Martín Tokio , 12 jun ( EFE )"), or, before a town's name,
    a capitalised word that is no name of a place and no word of any language ("Janet Reno",
    "Чарльза Дарвина", "Иоанн Грозный": ``False``)? ``None`` when it is not. Words that begin names of places ("Landkreis", "Western",
    "Нижнем") are ordinary words, a name of several words is stored whole ("Kuala Lumpur"), and a
    country or region is no surname ("Gazprom Germany"). The caller rules out German text but for
    a given name: there the word before a place is as often a noun ("Residenzstadt Mannheim").
    ``word`` is the word right before ``r`` (:func:`word_before`)."""
    space = r.start - 1
    if len(word) < 2 or not word.isalpha() or not word[0].isupper() or not word[1:].islower():
        return None  # most often a word in lower case: "in London"
    # a given name that is a word too, before one of the commonest surnames ("Ken Henderson")
    given = ask.given(word) or (word in _given_words() and ask.surname(r.query))
    if len(word) < 3 and not given:
        return None
    # a second surname is no person's name alone later in the text (``False``)
    prior = _word_ending(text, space - len(word) - 1)  # "von Berlin München": no given name
    second = prior[:1].isupper() and ask.given(prior) and not dated(text, r.end)
    if not (given or second or (not ask.ordinary(word) and not ask.frequent(word) and not ask.named(word))):
        return None
    kind = ask.kind(r.query)
    # a unit's name is a surname after a given name ("José Bono", "Alejandro Toledo", "John Kerry"),
    # not after any capitalised word: "Губернатору Подмосковья" is the governor of the region
    if kind == "city" or (kind == "subdivision" and (given or second)):
        return given
    if " " in r.query or not given or kind is None:
        return None
    # ... and so is a river's, a mountain's or an island's one word after a given name ("John
    # Shannon"; "the Murray Darling River" is no Murray Darling), and a country's after a given name
    # that is no word and no renowned place ("Michael Jordan", "Tom Holland"; not "Victoria Australia")
    if kind not in MAJOR_KINDS or (kind in COUNTRY_KINDS and _person_country(r, word, ask)):
        return True
    return None


def _person_country(r: Raw, word: str, ask: Evidence) -> bool:
    """Is the country ``r`` a surname after ``word``: a given name that is no function word ("Les
    Suisse"), no renowned place ("Victoria Australia") and no qualifier ("Nazi Germany"), before a
    name not in capitals (a byline's dateline: "Javier Martín GRECIA")?"""
    return (
        ask.given(word)
        and not ask.function_word(word)
        and not ask.renowned(word)
        and word not in _qualifiers()
        and not r.query.isupper()
    )


@functools.cache
def _qualifiers() -> frozenset[str]:
    """Given names that qualify a country (``country_qualifiers`` of ``lexicons/names.toml``)."""
    return frozenset(load_lexicon("names.toml")["country_qualifiers"])


@functools.cache
def _given_words() -> frozenset[str]:
    """Given names that are common English words too (``given_words`` of ``lexicons/names.toml``)."""
    return frozenset(load_lexicon("names.toml")["given_words"])


def particle_surname(text: str, r: Raw, particle: str, ask: Evidence, particles: frozenset[str]) -> bool:
    """Is ``r`` the rest of a surname after its particle, the word right before it
    (:func:`word_before`), the particle after a given name ("Vincenzo De Luca", "Andrea Di Lecce")?"""
    if particle not in particles:
        return False
    given = _word_ending(text, r.start - 2 - len(particle))
    return len(given) > 2 and given.isalpha() and given[0].isupper() and given[1:].islower() and ask.given(given)


#: Particles inside a surname, after one that opens it (``particles`` of ``names.toml``):
#: "Israel van der Berg", "Gerard van ter Horst".
_INNER_PARTICLES = frozenset({"der", "den", "ter", "Der", "Den", "Ter"})
#: Particles that are articles too ("Paris La Défense", "Paris la nuit").
_ARTICLES = frozenset({"La", "Le", "Lo"})


def given_before_surname(text: str, r: Raw, ask: Evidence, particles: frozenset[str]) -> bool:
    """Is ``r`` a given name before a surname (:func:`given_name`), its particles
    (:func:`given_before_particle`), or "and", another given name and the surname they share
    (:func:`couple`)? Each begins with a space right after ``r``."""
    if text[r.end : r.end + 1] != " ":
        return False
    surname = SURNAME.match(text, r.end)
    return (
        (surname is not None and given_name(r, surname.group(1), ask))
        or couple(text, r, ask)
        or given_before_particle(text, r, ask, particles)
        or initialled(text, r, ask)
    )


#: Middle initials and a surname after a name: " J. C. Duggan", " F. Kennedy".
_INITIALS_SURNAME = re.compile(r"((?: [A-Z]\.){1,2}) [A-Z][a-z]+\b")


def initialled(text: str, r: Raw, ask: Evidence) -> bool:
    """Is ``r`` a given name before middle initials and a surname ("Angus J. C. Duggan"; not
    "Washington D. C.", whose initials name a place, nor a renowned place's name)?"""
    m = _INITIALS_SURNAME.match(text, r.end)
    return (
        m is not None
        and " " not in r.query
        and ask.kind(m.group(1).replace(" ", "")) is None
        and not ask.renowned(r.query)
    )


def given_before_particle(text: str, r: Raw, ask: Evidence, particles: frozenset[str]) -> bool:
    """Is ``r`` a given name before a surname that opens with one or two particles ("Dominique
    Van Roost", "Dominique de Villepin", "Israel van der Berg")? After a particle in capitals that
    is no article the rest of the surname may be any word ("Van Roost"); else it is no ordinary
    word, and after one in lower case no place's name ("Victoria de Durango" is a town)."""
    pos, opening = r.end, ""
    for inner in (False, True):
        end = text.find(" ", pos + 1, pos + 7)
        word = text[pos + 1 : end] if text[pos : pos + 1] == " " and end > 0 else ""
        if not (word in particles or word.capitalize() in particles or (inner and word in _INNER_PARTICLES)):
            break
        pos, opening = end, opening or word
    surname = SURNAME.match(text, pos) if opening else None
    if surname is None or not ask.given(r.query):
        return False
    if opening in particles and opening not in _ARTICLES:
        return True
    return given_name(r, surname.group(1), ask) and not (opening.islower() and ask.named(surname.group(1)))


def word_before(text: str, start: int) -> str:
    """The word of the same line one space before ``start`` (see :func:`_word_ending`), or ``""``."""
    return _word_ending(text, start - 1)


def _word_ending(text: str, space: int) -> str:
    """The word of the same line that ends at the space ``text[space]`` (its last 32 characters:
    no first name is longer), or ``""``."""
    if space < 1 or text[space] != " ":
        return ""
    lo = max(0, space - 32)
    before = text.rfind(" ", lo, space)
    return text[before + 1 if before >= 0 else lo : space].rsplit("\n", 1)[-1]


def couple(text: str, r: Raw, ask: Evidence) -> bool:
    """Is ``r`` a given name before another and a surname the two share ("Brent and Lynnette
    Hain", "Lynn and Bob Fodge")? Not where the second given name is a place's too ("Sheffield and
    Devon White"), the first a country's or a first-level division's ("Georgia and Lynn Smith"), or
    the surname an ordinary word ("Georgia and Southland Life")."""
    m = _COUPLE.match(text, r.end) if text[r.end + 1 : r.end + 2] in _CONJUNCTION_STARTS else None
    return (
        m is not None
        and ask.given(r.query)
        and ask.given(m.group(1))
        and not ask.named(m.group(1))
        and not ask.ordinary(m.group(2))
        and not ask.national(r.query)
    )


#: The endings of Russian surnames (and their case forms): "Михайлов", "Михайлова", "Михайловым",
#: "Достоевский", "Достоевского". A frequent word so shaped after a given name is its surname.
_RUSSIAN_SURNAME = re.compile(r"[а-яё]{2,}(?:[оеё]в|[ыи]н|[сц]к(?:ий|ая|ого|ой|ому|им|ом))(?:а|у|ым|ой|е|ы)?")
#: A Spanish patronymic surname: a stressed vowel written with its accent, then "-ez" ("González",
#: "Jiménez", "Núñez", "Álvarez"): frequent words of Spanish because they are surnames.
_SPANISH_SURNAME = re.compile(r"(?:[ÁÉÍÓÚ]|[^\W\d_][^\W\d_A-Z]*[áéíóú])[^\W\d_A-Z]*ez")


def given_name(r: Raw, surname: str, ask: Evidence) -> bool:
    """Is ``r`` a person's given name, the capitalised word after it (one space on) a surname
    ("Peter Mitchell", "Paola Suárez", "Tyler Houston", a town of that name or not)? Not where that
    word is an ordinary or frequent word ("Paris School", "Venice International", "Florida Senator
    Marco Rubio"), unless it is one of the commonest surnames and names no place but a town, after
    a name that is no country's, first-level division's, sea's or metropolis's ("Murray Smith",
    "Mary Miller"; "Murray Darling" is the rivers; "India Rice" heads a report on India, and a
    person would take every "India" after it; "Sydney Fish Markets" are the city's). A name a
    reader knows as a place (:meth:`.Evidence.renowned`) is no given name before a given name
    either, as news writes it before a person's ("Georgia John Lewis"; "Isabel Salazar" and "Diana
    Orlando" are people: Diana is a region of Madagascar)."""
    return (
        ask.given(r.query)
        and (
            (ask.surname(surname) and ask.kind(surname) in (None, "city") and not ask.renowned(r.query))
            or (
                not ask.ordinary(surname)
                and (
                    not ask.frequent(surname)
                    or _RUSSIAN_SURNAME.fullmatch(surname[1:]) is not None
                    or _SPANISH_SURNAME.fullmatch(surname) is not None
                )
            )
        )
        and surname not in names().calendar
        and not (ask.renowned(r.query) and ask.given(surname))
    )


def titled_first_name(text: str, r: Raw, words: Names) -> bool:
    """Is ``r`` a surname after a capitalised first name that a title or an initial precedes
    ("President Bill Clinton", "Dr. Jane Salisbury"), whatever word the first name spells?"""
    space = r.start - 1
    if space < 3 or text[space] != " " or not text[r.start].isupper():
        return False
    first = text.rfind(" ", max(0, space - 16), space) + 1
    word = text[first:space]
    return first > 0 and word[:1].isupper() and word[1:].islower() and word.isalpha() and words.titled(text, first)


#: "Of" right before a name, after a title (see :func:`person_of_title`).
_OF = re.compile(r"(?:^|\s)(?:of|for|de|del|du|des|por|di|della|do|da|von|van|z)\s$")


def person_of_title(text: str, r: Raw, given: str, ask: Evidence) -> bool:
    """Is the word ``given`` after ``r`` a given name that begins the name of a person whose title
    is "of" ``r``, a country or a state that is no given name itself ("la canciller de Alemania
    Angela Merkel", "el senador por Pensilvania Arlen Specter"; not "Jordan Henderson",
    "l'Australien Phil Anderson", a demonym)?"""
    return (
        _OF.search(text, max(0, r.start - 6), r.start) is not None
        and ask.given(given)
        and not ask.given(r.query)
        and ask.national(r.query)
    )
