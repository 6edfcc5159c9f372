"""The text lexicon: what the text scanner needs beyond the keys, so that running text is matched
without a resolver call per word.

Two kinds of entry, in one hash table (``text_blob``, ``text_slots``):

* **Prefixes** of keys. A key of several words ("bosnia and herzegovina") files each of its leading
  token runs ("bosnia", "bosnia and") with ``TEXT_MORE``: the scanner reads the next word only
  while a longer key may follow. A key written wholly in a script without spaces ("北京市") files
  its leading characters ("北", "北京") with ``TEXT_GROW``.
* **Words** of the languages written without spaces (``words/<lang>.frequent.txt``), with a rank
  class (``text_rank``) the segmenter turns into a cost: a place name is a segment of the best
  segmentation of its run, not any substring (北京 in 他去北京。 is; 日本 in 日本語 is not, as 日本語
  is a word). A country's name glued to 人 ("people") is no word: 日本人 is Japan and its people, and
  Japanese and Chinese annotation marks the country in it (the scanner then reads 日本 before 人).

Unspaced keys and words are filed under their folded form (one form per Han character), as the
scanner reads runs folded. The flags do not depend on any text; what a match means is decided at
query time from the keys' compiled answers.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Sequence

from ..charclass import is_unspaced
from ..index.schema import TEXT_GROW, TEXT_MORE
from ..index.strings import build_table
from ..normalize import fold_key, normalize_name
from ..vocab import MAJOR_KINDS
from .merge import MergedPlace

__all__ = ["nations", "patch_text_sections", "text_sections", "word_rank"]

#: What a country's name glued to it means in Japanese and Chinese: the country's people.
_PEOPLE = "人"

#: Longest entry filed for a script without spaces, in characters (the scanner reads no further).
UNSPACED_MAX = 16


def word_rank(rank: int) -> int:
    """The rank class of the ``rank``-th most frequent word (0-based): 1 + round(8 ln(rank + 1)),
    so that a cost linear in it is a unigram model's -log p under Zipf's law; 0 means no word."""
    return min(255, 1 + round(8 * math.log(rank + 1)))


def _unspaced(text: str) -> bool:
    return bool(text) and all(is_unspaced(ch) for ch in text)


def _prefixes(key: str) -> list[tuple[str, int]]:
    """The text entries a key needs, with their flags: the leading token runs of a key of several
    words (``TEXT_MORE``), the leading characters of a key in a script without spaces (``TEXT_GROW``)."""
    if " " in key:
        tokens = key.split(" ")
        return [(" ".join(tokens[:n]), TEXT_MORE) for n in range(1, len(tokens))]
    if _unspaced(key):
        folded = fold_key(key)
        return [(folded[:i], TEXT_GROW) for i in range(1, min(len(folded), UNSPACED_MAX))]
    return []


def _sections(flags: dict[str, int], ranks: dict[str, int]) -> dict[str, array[int] | bytes]:
    ordered = sorted(flags)
    return {
        "text_blob": "".join(f"{text}\n" for text in ordered).encode("utf-8"),
        "text_slots": build_table(ordered),
        "text_flags": array("B", (flags[t] for t in ordered)),
        "text_rank": array("B", (ranks.get(t, 0) for t in ordered)),
    }


def nations(places: Iterable[MergedPlace]) -> frozenset[str]:
    """The folded names, in scripts without spaces, of countries and the like."""
    return frozenset(
        folded
        for p in places
        if p.src.kind in MAJOR_KINDS
        for name in p.names
        if _unspaced(folded := fold_key(normalize_name(name)))
    )


def text_sections(
    keys: Iterable[str], frequent: dict[str, tuple[str, ...]], nations: frozenset[str] = frozenset()
) -> dict[str, array[int] | bytes]:
    """The text lexicon of an index whose keys are ``keys``; ``frequent`` maps a language to its
    most frequent words in rank order (only words of scripts without spaces are filed, and not a
    name of ``nations`` with 人 after it)."""
    flags: dict[str, int] = {}
    ranks: dict[str, int] = {}
    for key in keys:
        for prefix, bit in _prefixes(key):
            flags[prefix] = flags.get(prefix, 0) | bit
    for words in frequent.values():
        for rank, word in enumerate(words):
            folded = fold_key(word)
            if not _unspaced(folded) or len(folded) > UNSPACED_MAX:
                continue
            if folded.endswith(_PEOPLE) and folded[: -len(_PEOPLE)] in nations:
                continue
            ranks[folded] = min(ranks.get(folded, 255), word_rank(rank))
            flags.setdefault(folded, 0)
            for i in range(1, len(folded)):
                flags[folded[:i]] = flags.get(folded[:i], 0) | TEXT_GROW
    return _sections(flags, ranks)


def patch_text_sections(
    entries: Sequence[str], flags: Sequence[int], rank: Sequence[int], added: Iterable[str]
) -> dict[str, array[int] | bytes] | None:
    """The text lexicon of an index whose text entries are ``entries`` (with their ``flags`` and
    ``rank``) once the keys ``added`` are filed in (an overlay's), or ``None`` when it needs no
    new entry or flag."""
    need = [(p, bit) for key in added for p, bit in _prefixes(key)]
    if not need:
        return None
    merged = dict(zip(entries, flags, strict=True))
    changed = False
    for prefix, bit in need:
        have = merged.get(prefix, 0)
        if prefix not in merged or not have & bit:
            merged[prefix] = have | bit
            changed = True
    if not changed:
        return None
    ranks = {t: r for t, r in zip(entries, rank, strict=True) if r}
    return _sections(merged, ranks)
