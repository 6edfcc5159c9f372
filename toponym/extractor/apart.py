"""Whether a capitalised name stands apart from the words around it: no part of a run of
capitalised words (a person's or an organisation's name), or, in German, where every noun has a
capital, a noun after its article rather than a name."""

from __future__ import annotations

from collections.abc import Container

from ..normalize import fold_key, normalize_name
from .raw import Raw

__all__ = ["ARTICLES", "NOUN_CAPITALS", "article_before", "compounding", "in_compound", "noun_after", "set_apart"]

#: Plural articles: before a capitalised word they make it a plural noun ("los Reyes", the King
#: and Queen), not a town (measured: singular ones, and "de", cost Spanish and French their towns).
_ARTICLES = frozenset({"los", "las", "les"})
#: Articles by language: a capitalised word after one (and not in the name the scan read) is a
#: noun, a town's name that is also a word is the word ("in der Halle", "de la Libertad").
ARTICLES: dict[str, frozenset[str]] = {
    "de": frozenset({"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"}),
    "es": frozenset({"el", "la", "los", "las", "un", "una"}),
    "ca": frozenset({"el", "la", "els", "les", "un", "una"}),
    "fr": frozenset({"le", "la", "les", "un", "une"}),
    "it": frozenset({"il", "lo", "la", "gli", "le", "un", "una"}),
    "pt": frozenset({"o", "os", "as", "um", "uma"}),
    "nl": frozenset({"de", "het", "een"}),
}
#: German articles no other language writes: the text need not be told German ("Der Zug fährt").
_GERMAN_ONLY = frozenset({"der", "dem", "einem", "einen", "eines", "einer", "im", "vom", "zum", "beim"})
_ANY_ARTICLE = frozenset().union(*ARTICLES.values(), _GERMAN_ONLY)
#: German articles, as written inside a sentence or first in one: the capitalised word after one
#: is a noun.
_NOUN_ARTICLES = ARTICLES["de"] | {w.capitalize() for w in ARTICLES["de"]}
#: Languages that write every noun with a capital.
NOUN_CAPITALS = frozenset({"de", "lb"})
#: Languages that join a name to a noun after it with a hyphen, into one word ("Rwanda-tribunaal",
#: "Hampshire-varkens", "Volta-Congo-Sprache"): the name is part of that word, no mention.
_COMPOUNDING = frozenset({"nl", "af", "de", "lb", "da", "sv", "nb", "nn", "no", "is", "fi"})
#: Opening quotation marks.
_QUOTES = frozenset("«\"“„‘'")
#: What ends a capitalised word that ends a sentence or a quotation.
_SENTENCE_END = frozenset('.!?:"»”')


def set_apart(text: str, raw: Raw, nouns: bool = False) -> bool:
    """Is ``raw`` no part of a run of capitalised words ("Miguel Arias Cañete", "Pineda Ruiz"), nor
    right after an opening quotation mark (a brand's or a building's name: «Славута»,
    «Домодедово»)? The word before may end a sentence; in a language that writes its nouns with a
    capital (``nouns``), it may be a noun after its article ("die Kreisstadt Torgau", "an der
    Universität Gießen"): a name in apposition, not a person's."""
    if raw.start and text[raw.start - 1] in _QUOTES and not _elided(text, raw.start - 1):
        return False
    before = text[max(0, raw.start - 60) : raw.start].split()
    if (
        before
        and before[-1][:1].isupper()
        and before[-1][-1] not in _SENTENCE_END
        and not (nouns and len(before) > 1 and before[-2] in _NOUN_ARTICLES)
    ):
        return False
    if before and before[-1] in _ARTICLES:
        return False
    after = text[raw.end : raw.end + 40].split()
    return not (after and after[0][:1].isupper())


def _elided(text: str, at: int) -> bool:
    """Is the apostrophe at ``at`` an elision ("d'Arras", "l'Italie"), not a quotation mark?"""
    return text[at] == "'" and at > 0 and text[at - 1].isalpha()


def article_before(text: str, raw: Raw, words: Container[str]) -> str | None:
    """The article right before ``raw`` (in lower case) when ``raw`` is a word of ``words`` and no
    start of a longer name ("in der Halle", the hall; "por la Libertad", freedom; not "der
    Detroit Red Wings"); ``words`` holds keys with their accents folded. The caller asks whether
    the text's language has that article."""
    before = text[max(0, raw.start - 8) : raw.start].split()
    article = before[-1].lower() if before else ""
    if article not in _ANY_ARTICLE or fold_key(normalize_name(raw.query)) not in words:  # keys folded: "löwen"
        return None
    after = text[raw.end : raw.end + 40].split()
    return None if after and after[0][:1].isupper() else article


def noun_after(article: str, languages: tuple[str, ...]) -> bool:
    """Is ``article`` one of the first language of ``languages`` (the text's likeliest), or one
    only German writes ("der", "dem"): the word after it a noun, as no town's name takes an article
    it does not begin with? Not an article of a language the text is less likely in: Romanian
    "la București" is "in Bucharest", though French and Catalan write "la" before a noun."""
    return article in _GERMAN_ONLY or (bool(languages) and article in ARTICLES.get(languages[0], ()))


def in_compound(text: str, raw: Raw) -> bool:
    """Is ``raw`` joined by a hyphen to a word in lower case after it ("Rwanda-tribunaal",
    "U.S.-led")?"""
    return text.startswith("-", raw.end) and text[raw.end + 1 : raw.end + 2].islower()


def compounding(languages: tuple[str, ...]) -> bool:
    """Does one of ``languages`` write such compounds as one word, a name inside a noun (Dutch,
    German, the Nordic languages)? English writes "U.S.-led" of the country."""
    return any(lang in _COMPOUNDING for lang in languages)
