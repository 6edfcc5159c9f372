"""What an index must prove before it is used: each section's checksum (:func:`.columns.checksum`),
and sizes that agree.

:func:`check_structure` then holds every section to the counts the meta and the blobs give, and
the codes stored in sections to the rows they point at, so that no reader, Python or C, indexes
outside a table and no probe loops for ever, even in an index with valid checksums that another
program wrote.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..vocab import KINDS, NAME_TYPES
from .columns import ascending, bounds, strays, total
from .schema import (
    ENTRY_TIER_BITS,
    METHOD_MASK,
    METHOD_SPELLED,
    NO_ANSWER,
    RANK_AT_QUERY,
    SECTIONS,
    TEXT_GROW,
    TEXT_MORE,
)

__all__ = ["IntegrityError", "check_structure"]


class IntegrityError(ValueError):
    """A section or the meta of an index is not what its header says (the loader turns this into
    :class:`~toponym.errors.IndexFormatError`)."""


# --- structure ------------------------------------------------------------------------------------


def _range(name: str, part: Any, low: int, high: int, *, allow: tuple[int, ...] = ()) -> None:
    """Every value of ``part`` in ``low <= v < high`` (or one of ``allow``)."""
    if strays(part, low, high, allow):
        raise IntegrityError(f"section {name} holds a value outside {low}..{high - 1}")


def _ascending(name: str, part: Any, first: int, last: int) -> None:
    """``part`` is a table of where each row's entries start, ending at ``last``."""
    if not len(part) or part[0] != first or part[-1] != last or not ascending(part):
        raise IntegrityError(f"section {name} is not an ascending table of starts ending at {last}")


def _slots(name: str, part: Any, count: int) -> None:
    """An open-addressing table over ``count`` strings: a power of two, with an empty slot (a probe
    ends), each used slot naming a row."""
    from .strings import row_bits

    size = len(part)
    if size < 8 or size & (size - 1) or size <= count:
        raise IntegrityError(f"section {name} is no hash table for {count} strings")
    low, high = bounds(part, (1 << row_bits(count)) - 1)
    if high > count or low != 0:
        raise IntegrityError(f"section {name} holds a slot outside its strings, or no empty slot")


def check_structure(meta: Any, parts: Mapping[str, Any], counts: Mapping[str, int]) -> None:
    """Hold the sections to each other and to the meta; ``counts`` gives the strings in each blob
    (``names``, ``keys``, ``words``, ``text``, ``place_ids``, ...). Raises :class:`IntegrityError`."""
    places, names, keys, words = counts["place_ids"], counts["names"], counts["keys"], counts["words"]
    texts = counts["text"]
    fuzzy = int(meta.header.get("fuzzy_keys", 0))
    rows = {
        "place": places,
        "name": names,
        "key": keys,
        "word": words,
        "text": texts,
        "display": len(parts["display_tag"]),
        "fuzzy": fuzzy,
        "segment": len(parts["fuzzy_hash"]),
    }
    for s in SECTIONS:
        if s.rows in rows and s.name != "key_codes":  # entries, counted by key_ncodes below
            extra = 1 if s.name in ("place_first_name", "display_first") else 0
            if len(parts[s.name]) != rows[s.rows] + extra:
                raise IntegrityError(f"section {s.name} holds {len(parts[s.name])} rows, not {rows[s.rows] + extra}")
    per_place = (counts["place_names"], counts["place_codes"], len(meta.place_curated))
    if any(count != places for count in per_place) or not 0 <= fuzzy <= keys:
        raise IntegrityError("the meta's tables disagree on the number of places")
    _range("place_kind", parts["place_kind"], 0, len(KINDS))
    for name in ("place_parent", "place_country"):
        _range(name, parts[name], -1, places)
    _ascending("place_first_name", parts["place_first_name"], 0, names)
    _ascending("display_first", parts["display_first"], 0, rows["display"])
    _range("display_tag", parts["display_tag"], 0, len(meta.display_tags))
    _range("display_name", parts["display_name"], 0, names)
    _range("name_place", parts["name_place"], 0, places)
    _range("name_lang", parts["name_lang"], 0, len(meta.langs))
    if len(meta.first_langs) != len(meta.langs) or not all(isinstance(t, str) for t in meta.first_langs):
        raise IntegrityError("the meta's first_langs is not one tag for each entry of langs")
    _range("name_persp", parts["name_persp"], 0, len(meta.perspectives))
    _range("name_type", parts["name_type"], 0, len(NAME_TYPES))
    _range("name_rank", parts["name_rank"], 0, len(meta.ranking.get("name_weight", ())))
    _range("name_answer", parts["name_answer"], 0, names, allow=(NO_ANSWER, RANK_AT_QUERY))
    _range("name_method", parts["name_method"], 0, (METHOD_SPELLED | METHOD_MASK) + 1)
    for name in ("name_explain", "key_explain"):
        _range(name, parts[name], 0, max(1, len(meta.explanations)))
    _range("key_codes", parts["key_codes"], 0, names << ENTRY_TIER_BITS)
    _range("key_best", parts["key_best"], 0, names << ENTRY_TIER_BITS, allow=(NO_ANSWER, RANK_AT_QUERY))
    if total(parts["key_ncodes"]) != len(parts["key_codes"]):
        raise IntegrityError("section key_ncodes does not count the entries of key_codes")
    _range("text_flags", parts["text_flags"], 0, (TEXT_MORE | TEXT_GROW) + 1)
    slot_tables = (("name_slots", names), ("key_slots", keys), ("word_slots", words), ("text_slots", texts))
    for slots, count in (*slot_tables, ("place_id_slots", places)):
        _slots(slots, parts[slots], count)
    _range("fuzzy_ref", parts["fuzzy_ref"], 0, max(fuzzy, 1))
    if not ascending(parts["fuzzy_hash"]):
        raise IntegrityError("section fuzzy_hash is not sorted")
    _check_meta_rows(meta, places)


def _check_meta_rows(meta: Any, places: int) -> None:
    """The rows the meta's small tables point at."""
    for row, groups in meta.place_part_of.items():
        if not 0 <= row < places or not all(0 <= g < places for g in groups):
            raise IntegrityError("the meta's groups name a place outside the index")
    if not all(0 <= row < places for row in meta.place_display):
        raise IntegrityError("the meta's display names name a place outside the index")
    if not all(0 <= row < places for row, _ in meta.prefer.values()):
        raise IntegrityError("the meta's [[prefer]] entries name a place outside the index")
