"""The cascade: a query's candidate names, strictest key first, then fuzzy matching.

Normalised key → accent-folded key → transliterated key → fuzzy (blocked candidates within one or
two edits). Everything here works on index rows; :mod:`.ranking` orders what it finds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from ..index import Index
from ..index.blocking import key_edits
from ..index.schema import TIER_NORMAL, TIER_TRANSLIT
from ..normalize import b_row, fold_key, normalize_name, script_of, translit_key
from ..romanized import pinyin_word
from ..surface import is_acronym, letters, whole_word_char
from ..vocab import MAJOR_KINDS, NAME_LEVELS, Method

__all__ = ["FUZZY_MAX", "NO_FUZZY_SCRIPTS", "SCORE", "Candidate", "Query", "gather", "misspelt"]

SCORE: dict[Method, float] = {"exact": 100.0, "normalized": 98.0, "folded": 95.0, "transliterated": 90.0}
FUZZY_MAX = 89.0
#: Scripts never fuzzy-matched: one Han character is a whole word, so an "edit" is another name.
NO_FUZZY_SCRIPTS = frozenset({"Han", "Mixed"})
#: A name of a minority language's locale only ("Hɛlɛŋ", Vai for Greece): reached by dropping its
#: accents or by transliteration, it is too weak to answer an ASCII query ("Helen") on its own.
_MINOR = NAME_LEVELS.index("minor-language")
_MAJOR = NAME_LEVELS.index("major-language")
_TIER_METHOD: dict[int, Method] = {TIER_NORMAL: "normalized", 1: "folded", TIER_TRANSLIT: "transliterated"}


@dataclass(frozen=True, slots=True)
class Query:
    """A query as the cascade reads it."""

    text: str | None
    """As typed; ``None`` for a bare key ranked at build time (never an exact spelling)."""
    norm: str
    folded: str
    upper: bool
    ascii: bool

    @classmethod
    def of(cls, text: str) -> Query:
        norm = normalize_name(text)
        return cls(text, norm, fold_key(norm), text.isupper(), text.isascii())

    @classmethod
    def bare(cls, key: str) -> Query:
        """A key as a bare query spelling it, not exactly a stored name (what the build ranks)."""
        norm = normalize_name(key)
        return cls(None, norm, fold_key(norm), key.isupper(), key.isascii())


@dataclass(slots=True)
class Candidate:
    """A place reached through one of its names."""

    place: int
    name: int
    method: Method
    score: float
    weak: bool = False
    """Listed by ``resolve_all`` but never the answer of a bare ``resolve`` (see :func:`gather`)."""
    support: int = 0
    """Fuzzy only: how many stored spellings of this place lie near the query."""
    spelled: int = 0
    """Fuzzy only: edits between the query and the name with accents and apostrophes kept."""
    endorsed: bool = True
    """Fuzzy only: a closest spelling means this place when typed exactly (or means no one place)."""
    open: bool = False
    """Fuzzy only: every closest spelling means no one place typed exactly (ambiguous, stopped)."""


#: ``spelling(name_row)``: the place a bare query spelling that name exactly resolves to, or
#: ``None`` when that is no one place; fuzzy matching reads a typo as its nearest spelling.
Spelling = Callable[[int], "int | None"]


def gather(index: Index, q: Query) -> list[Candidate]:
    """Every candidate of ``q`` that a stored name reaches (no fuzzy matching: see :func:`misspelt`)."""
    norm = q.norm
    if not norm:
        return []
    names = index.names
    text_of, place_of = names.text, names.place
    is_word = q.folded in index.policy.words
    # an English word typed in ASCII ("my", "non") is not a name that needs accents or another
    # script to match ("Mỹ", "Ньон"); a single letter is no name at all on its own, but one Hangul
    # syllable or Han character is a whole word
    strict = is_word and q.ascii
    typed = q.text or ""  # a key ranked at build time types no dot
    letter = len(norm) < 2 and not whole_word_char(norm)
    rank = names.rank
    found: list[Candidate] = []
    for n, tier in index.keys.lookup(norm):
        text = text_of[n]
        # "us" is a word, "US" a country; "uk" is not "UK": short acronyms need capitals
        if not q.upper and is_acronym(text) and (is_word or letters(text) <= 2):
            continue
        method = _TIER_METHOD[tier]
        if tier == TIER_NORMAL and text == q.text:
            method = "exact"
        weak = letter or (tier != TIER_NORMAL and (strict or rank[n] <= _MINOR))
        # "del" is a word of many languages, "Del." Delaware's abbreviation: without its dot, an
        # abbreviation that spells a word is the word
        weak = weak or (text[-1] == "." and "." not in typed and q.folded in index.policy.no_fuzzy_words)
        found.append(Candidate(place_of[n], n, method, SCORE[method], weak))
    if typed.endswith(".") and any(c.method == "exact" for c in found) and q.folded in index.policy.no_fuzzy_words:
        # "Man." typed with its dot is Manitoba's abbreviation, not the word "man" (Isle of Man)
        for c in found:
            c.weak = c.weak or c.method != "exact"
    if q.folded != norm:  # "i've" reaches "IVe" only by dropping its apostrophe: weak for a word
        for n, tier in index.keys.lookup(q.folded):
            method = "folded" if tier != TIER_TRANSLIT else "transliterated"
            found.append(Candidate(place_of[n], n, method, SCORE[method], strict or rank[n] <= _MINOR))
    if not found and (written := b_row(q.folded)) != q.folded:
        # katakana's "v" syllables where a name is stored with the "b" row (ヴェトナム, ベトナム)
        for n, _tier in index.keys.lookup(written):
            found.append(Candidate(place_of[n], n, "folded", SCORE["folded"], strict or rank[n] <= _MINOR))
    if not found:
        trans = translit_key(q.folded)
        if trans and trans != q.folded:
            for n, _ in index.keys.lookup(trans):
                weak = strict or rank[n] <= _MINOR
                found.append(Candidate(place_of[n], n, "transliterated", SCORE["transliterated"], weak))
    return found


def misspelt(index: Index, q: Query, spelling: Spelling) -> list[Candidate]:
    """The places ``q`` may be a typo of, when :func:`gather` found nothing (a key ranked at build
    time is never read as a typo)."""
    return _fuzzy(index, q.text, q.folded, spelling) if q.text is not None and q.norm else []


def _word_edits(length: int) -> int:
    """Edits a word of a name of several words tolerates: one, two from six letters."""
    return 1 if length < 6 else 2


def _per_word(words: list[str], key: str, index: Index) -> bool:
    """May a query of several ``words`` be a typo of a stored ``key`` of as many words? A typo's
    edits fall in the words a typist types; a word of the query that is a word of some language
    (never fuzzy-matched alone: the policy's ``no_fuzzy_words``) is no typo of the key's word when
    more edits off than that word tolerates ("Republic of Congo" is no "Republic of Togo", "South
    Asia" no "South Sea"). Any other word is a typo of any length ("Sri Lnkaa"), and word counts
    that differ (a space dropped or typed) are left to the whole key's allowance."""
    if len(words) < 2:
        return True
    other = key.split()
    if len(other) != len(words):
        return True
    no_fuzzy = index.policy.no_fuzzy_words
    return all(
        a == b or a not in no_fuzzy or OSA.distance(a, b) <= _word_edits(len(b))
        for a, b in zip(words, other, strict=True)
    )


def _letters(key: str) -> int:
    """A key's length without its spaces and hyphens: a typist drops and swaps letters, marks
    and digits (a Devanagari vowel sign is no ``isalnum`` character, but typed as one)."""
    return len(key) - key.count(" ") - key.count("-")


def _fuzzy(index: Index, query: str, folded: str, spelling: Spelling) -> list[Candidate]:
    # searched with one more letter's allowance: the query may be a longer name cut short; its
    # letters count, not its hyphens and spaces ("us-ca" is four letters, no typo of "Lusaca")
    letters = _letters(folded)
    edits = key_edits(letters + 1) if letters >= 5 else 0
    if not edits or folded in index.policy.no_fuzzy_words or folded in index.policy.elsewhere:
        return []  # a word, or a real place the index lacks ("Payerne" is no typo of "Bayern")
    if not folded.isascii() and script_of(folded) in NO_FUZZY_SCRIPTS:
        return []
    # each stored key tolerates what its own letters allow: a five-letter query may be a
    # six-letter name with a letter dropped (two edits), a five-letter name takes one ("al ain"
    # is no name two letters off "ae-ajx")
    key_text = index.keys.text
    words = folded.split()
    hits = [
        h
        for h in index.fuzzy.near(folded, edits)
        if h[1] <= key_edits(h[2])
        and h[1] <= key_edits(_letters(key_text[h[0]]))
        and _per_word(words, key_text[h[0]], index)
    ]
    if not hits:
        return []
    best = hits[0][1]
    norm = normalize_name(query)
    names = index.names
    place_of, rank, text_of, names_under = names.place, names.rank, names.text, index.keys.names_under
    by_place: dict[int, Candidate] = {}  # one candidate per place: its closest, best-vouched spelling
    near: dict[int, int] = {}  # place -> how many of its keys lie within the allowed distance
    closest: dict[int, list[int]] = {}  # place -> its names at the least accent-aware distance
    for row, dist, length in hits:
        filed = names_under(row)  # fuzzy positions are key rows
        for place in {place_of[n] for n in filed}:
            near[place] = near.get(place, 0) + 1
        if dist != best:
            continue
        score = min(FUZZY_MAX, 100.0 * (1.0 - dist / max(length, len(folded))))
        for n in filed:
            place = place_of[n]
            # accents and apostrophes count here, as an exact query's do: "Lobtasė" is nearer
            # the "Lobatsė" of the district than the "Lobatse" of the town
            spelled = OSA.distance(norm, normalize_name(text_of[n]))
            have = by_place.get(place)
            order = (spelled, -score, -rank[n])
            if have is None or order < (have.spelled, -have.score, -rank[have.name]):
                by_place[place] = Candidate(place, n, "fuzzy", score, spelled=spelled)
                if have is None or spelled < have.spelled:
                    closest[place] = []
            if by_place[place].spelled == spelled:
                closest[place].append(n)
    if pinyin_word(folded):
        # a word read whole as pinyin is a Chinese place's name of its own, no typo of a town's
        # (Jiekeng is no Jieyang): a country, a unit or the like only (:mod:`toponym.romanized`)
        kinds = index.places.kind
        by_place = {
            p: c
            for p, c in by_place.items()
            if (kinds[p] in MAJOR_KINDS or kinds[p] == "subdivision") and rank[c.name] >= _MAJOR
        }
    for place, cand in by_place.items():
        # a place that several near spellings point to is the likelier intent of a typo
        cand.support = near[place]
        # a typo means what its closest spelling means typed exactly
        answers = {spelling(n) for n in closest[place]}
        cand.endorsed = place in answers or None in answers
        cand.open = answers == {None}
    return list(by_place.values())
