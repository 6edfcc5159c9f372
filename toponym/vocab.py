"""The closed vocabularies of toponym, each defined once: kinds, name types, methods, code keys.

Every tuple here has a ``Literal`` twin for type checkers; a test holds the two to the same values.
The build scripts (``scripts/_common.py``) import these too, so data and code cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final, Literal, get_args

__all__ = [
    "CODE_KEYS",
    "COUNTRY_KINDS",
    "KINDS",
    "LANG_TAG",
    "MAJOR_KINDS",
    "MAJOR_LANGS",
    "MAJOR_LANGUAGES",
    "METHODS",
    "METROPOLIS",
    "NAME_LEVELS",
    "NAME_TYPES",
    "SCHEMES",
    "STATUSES",
    "TOWN_LOCAL",
    "VILLAGE",
    "Kind",
    "Method",
    "NameType",
    "Status",
    "is_language_tag",
    "shown_tag",
]

Kind = Literal[
    "country",
    "former-country",
    "territory",
    "subdivision",
    "city",
    "island",
    "island-group",
    "peninsula",
    "sea",
    "ocean",
    "gulf",
    "strait",
    "lake",
    "river",
    "mountain",
    "mountain-range",
    "desert",
    "region",
    "macro-region",
    "landmark",
]
#: What a place is; ``Place.kind`` is one of these.
KINDS: Final[tuple[Kind, ...]] = get_args(Kind)

NameType = Literal[
    "official",
    "short",
    "exonym",
    "endonym",
    "romanization",
    "former",
    "misspelling",
    "colloquial",
    "epithet",
    "demonym",
]
#: What a stored name is; ``PlaceName.type`` and ``Match.name_type`` are one of these.
NAME_TYPES: Final[tuple[NameType, ...]] = get_args(NameType)

Method = Literal["exact", "normalized", "folded", "transliterated", "inflected", "fuzzy"]
#: How a query reached its place, from strictest to loosest (``inflected``: a case form in text,
#: such as the Russian locative of a stored nominative).
METHODS: Final[tuple[Method, ...]] = get_args(Method)

#: Keys of ``Place.codes``: the cross-walks a place may carry (only those known).
CODE_KEYS: Final = frozenset(
    {
        "iso3166_1_alpha2",
        "iso3166_1_alpha3",
        "iso3166_1_numeric",
        "iso3166_2",
        "iso3166_3",
        "geonames",
        "wikidata",
        "m49",
    }
)

#: What ``get(code, scheme=...)`` and ``convert(..., src=...)`` accept: a code key, or ``"id"``.
SCHEMES: Final = CODE_KEYS | {"id"}

Status = Literal["matched", "ambiguous", "stopped", "no-match", "invalid"]
#: What a name comes to (``Outcome.status``): one place; several, none dominant; candidates that a
#: bare ``resolve`` declines on purpose (an ordinary word, a stop rule); no place; not a name at all.
STATUSES: Final[tuple[Status, ...]] = get_args(Status)

#: Kinds that are a country, de facto or historic: a place's ``country`` is the nearest of these.
COUNTRY_KINDS: Final[frozenset[Kind]] = frozenset({"country", "territory", "former-country"})
#: Kinds answered even when their name is a common word ("Turkey", "Chad", "Jordan").
#: How much a stored name vouches for its place, weakest first (policy.toml ``[name_weight.<level>]``);
#: a name's level is its index here.
NAME_LEVELS: Final = ("misspelling", "minor-language", "untagged", "major-language", "reviewed")
MAJOR_KINDS: Final[frozenset[Kind]] = COUNTRY_KINDS | frozenset({"ocean", "sea", "macro-region"})
#: A city of this many people is a metropolis: in text it stands on its own name though a language
#: has the word ("Shanghai") and on an untagged alternate ("Milano"); its name is no function word.
METROPOLIS: Final = 1_000_000
#: A city of this many people is one the world knows by its name: a region only a metropolis the
#: text names implies lends its namesakes no support ("Washington" beside "London" is no town of
#: England), and a short text declines it in any language that reads its own names.
RENOWNED_CITY: Final = 500_000
#: A town of this many people has its own name, and in text its case forms, in the languages of its
#: country though they are frequent words there: the news names it ("Mechelen" in Dutch, "Osijeku"
#: in Serbo-Croatian). Its untagged aliases count only beyond a language's core words, in that
#: language only (a town's "Mont" or "Seul" would make the words answers).
TOWN_LOCAL: Final = 50_000
#: A town of fewer people is a village: a reader knows it from where the text puts it, not from
#: its name (its country alone does not place it; a word or a given name of its name is no mention).
VILLAGE: Final = 10_000

#: Languages whose names a source gives with care: a name tagged with one of them vouches for its
#: place (the languages of the word lists in gazetteer/words/, and a few more major ones).
MAJOR_LANGS: Final = frozenset(
    [
        "af",
        "am",
        "ar",
        "bg",
        "bn",
        "bs",
        "ca",
        "cs",
        "da",
        "de",
        "el",
        "en",
        "es",
        "fa",
        "fi",
        "fil",
        "fr",
        "ha",
        "he",
        "hi",
        "hr",
        "hu",
        "id",
        "ig",
        "is",
        "it",
        "ja",
        "ko",
        "lt",
        "lv",
        "mk",
        "ms",
        "nb",
        "nl",
        "no",
        "pl",
        "pt",
        "ro",
        "ru",
        "sh",
        "sk",
        "sl",
        "sr",
        "sv",
        "sw",
        "ta",
        "th",
        "tr",
        "uk",
        "ur",
        "vi",
        "yo",
        "zh",
        "zu",
    ]
)

#: BCP 47 as used here: language, optional script, optional region, optional variants.
LANG_TAG: Final = re.compile(
    r"^(?:[a-z]{2,3}|und)(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?(?:-(?:[0-9a-z]{5,8}|\d[0-9a-z]{3}))*$"
)


#: Which language a name written alike in several is shown in (``Match.lang``, ``PlaceName.lang``)
#: when the caller's ``lang`` hint is not among them: the first of these it is written in, English
#: and the other official languages of the UN first, then widely written ones.
MAJOR_LANGUAGES: Final = (
    "en", "fr", "es", "ru", "zh", "ar", "de", "ja", "pt", "it", "nl", "ko", "pl", "tr", "uk", "fa", "hi", "id", "vi", "sv",
)  # fmt: skip


def shown_tag(tags: Sequence[str]) -> str:
    """The tag to show for a name written alike in the languages ``tags``: a major language as
    such, then a tag of one (``zh-Hant``), in :data:`MAJOR_LANGUAGES` order, else the first tag.

    >>> shown_tag(["af", "de", "en", "nl"]), shown_tag(["ca", "zh-Hant"]), shown_tag(["kk", "ky"])
    ('en', 'zh-Hant', 'kk')
    """
    best, best_rank = tags[0], (2, 0)
    for tag in tags:  # one pass, ranked (an index loads ten thousand of these)
        rank = _MAJOR_RANK.get(tag)
        key = (0, rank) if rank is not None else (1, _MAJOR_RANK.get(tag.split("-", 1)[0], len(_MAJOR_RANK)))
        if key < best_rank and key[1] < len(_MAJOR_RANK):
            best, best_rank = tag, key
    return best


_MAJOR_RANK: Final = {tag: i for i, tag in enumerate(MAJOR_LANGUAGES)}


def is_language_tag(tag: str) -> bool:
    """True for a well-formed BCP 47 tag in canonical case (``ja-Latn``, ``zh-Hant-TW``, ``und``).

    >>> [is_language_tag(t) for t in ("ru", "ja-Latn", "sr-Latn-RS", "JA", "ja_JP", "")]
    [True, True, True, False, False, False]
    """
    return bool(LANG_TAG.match(tag))


#: CLDR's languages that one word list covers: wordfreq's "sh" is Serbo-Croatian, which CLDR and
#: the sources name Croatian, Serbian and Bosnian (where it is spoken, and on names: "Beč"); its
#: "nb" is Norwegian, mostly "no" on names (and "nn", Nynorsk); its "fil" is Filipino, "tl" too.
_MACRO: Final = {"hr": "sh", "sr": "sh", "bs": "sh", "no": "nb", "nn": "nb", "tl": "fil"}


def word_list(lang: str) -> str:
    """The language of the word list that covers CLDR's language ``lang``.

    >>> word_list("hr"), word_list("no"), word_list("tl"), word_list("de")
    ('sh', 'nb', 'fil', 'de')
    """
    return _MACRO.get(lang, lang)


def word_lists(tags: Iterable[str]) -> frozenset[str]:
    """The languages of the word lists that cover a name's language ``tags`` (``und`` kept)."""
    return frozenset(_MACRO.get(t, t) for t in tags)
