"""The one declaration of the index file: its sections, their element types, and the small codecs
and sentinels stored in them.

The writer (:mod:`toponym.build.tables`), the reader (:mod:`toponym.index.format`) and the C module
(``csrc/layout.h``, generated from this module by :func:`c_header`; a test holds the two together)
all take the layout from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

__all__ = [
    "DEGREE_SCALE",
    "ENTRY_TIER_BITS",
    "FORMAT",
    "MAGIC",
    "METHOD_EXACT",
    "METHOD_MASK",
    "METHOD_SPELLED",
    "NO_ANSWER",
    "NO_EXPLANATION",
    "NO_POINT",
    "RANK_AT_QUERY",
    "SECTIONS",
    "TEXT_GROW",
    "TEXT_MORE",
    "TIER_FOLDED",
    "TIER_NORMAL",
    "TIER_TRANSLIT",
    "WORD_CASELESS",
    "WORD_COMMON",
    "WORD_DICTIONARY",
    "WORD_ELSEWHERE",
    "WORD_FUNCTION",
    "WORD_GIVEN",
    "WORD_NO_FUZZY",
    "WORD_ORDINARY",
    "WORD_ORDINARY_KEY",
    "WORD_SURNAME",
    "Section",
    "c_header",
    "decode_degrees",
    "encode_degrees",
    "entry_name",
    "entry_tier",
    "pack_entry",
]

#: Raised whenever the layout or the meaning of a section changes; a reader refuses other formats.
FORMAT: Final = 12
MAGIC: Final = b"TOPONYM-INDEX\n"

#: Which key of a stored name an entry was filed under (see :mod:`toponym.normalize`).
TIER_NORMAL: Final = 0
TIER_FOLDED: Final = 1
TIER_TRANSLIT: Final = 2
#: A key's entries are ``name_row << ENTRY_TIER_BITS | tier``.
ENTRY_TIER_BITS: Final = 2
_TIER_MASK: Final = (1 << ENTRY_TIER_BITS) - 1

#: ``key_best`` / ``name_answer``: a bare query gets no answer (a stop rule, a tie).
NO_ANSWER: Final = -1
#: ``key_best`` / ``name_answer``: the answer depends on how the query is written; rank it then.
RANK_AT_QUERY: Final = -2
#: ``key_explain`` / ``name_explain`` of an entry without a compiled answer.
NO_EXPLANATION: Final = 0

#: ``word_flags``: what an ordinary word is (bits): an English dictionary word; a common English
#: word; never fuzzy-matched; an ordinary word of some language that names no prominent place in it
#: (normalised, accents kept); the folded key of such a word (a query of it ranks at query time).
WORD_DICTIONARY: Final = 1
WORD_COMMON: Final = 2
WORD_NO_FUZZY: Final = 4
WORD_ORDINARY: Final = 8
WORD_ORDINARY_KEY: Final = 16
#: One of the commonest words of a language ("para", "como", "man"): capitalised at the start of a
#: sentence it is still the word.
WORD_FUNCTION: Final = 32
#: One of the core words of a language written without case (Arabic, Hebrew, Hindi...) that
#: names no country, sea or metropolis: without a capital to tell the name, the word.
WORD_CASELESS: Final = 64
#: The name of a real place the index does not carry (``words/*.elsewhere.txt``): a query spelled
#: as one is that place, no typo of another's name.
WORD_ELSEWHERE: Final = 128
#: A given name (``words/*.given.txt``) that is none of the commonest English words: a town's name
#: written right after one, capitalised, is a surname ("Jesús Medina").
WORD_GIVEN: Final = 256
#: One of the commonest surnames (``words/*.surnames.txt``), a word or not: after a given name that
#: names a place, capitalised, it makes a person ("Angus Walker", "Georgia Miller").
WORD_SURNAME: Final = 512

#: ``text_flags``: a key of more words starts with this entry and a space (it is the start of
#: "bosnia and herzegovina"); a longer key or word of a script without spaces starts with it.
TEXT_MORE: Final = 1
TEXT_GROW: Final = 2

#: ``place_lat`` / ``place_lon`` are millionths of a degree; a place without a point holds NO_POINT.
DEGREE_SCALE: Final = 1_000_000
NO_POINT: Final = -(2**31)

#: ``name_method``: the compiled answer to a stored spelling is that very spelling; other values
#: are the tier of the entry that reached the answer.
METHOD_EXACT: Final = 3
#: ``name_method`` flag: the answer is this very spelling's, ranked as typed at build time, because
#: its key's answer depends on how a query is written (its key is :data:`RANK_AT_QUERY`).
METHOD_SPELLED: Final = 4
#: ``name_method`` bits that hold the method (the tier, or :data:`METHOD_EXACT`).
METHOD_MASK: Final = 3

Rows = Literal["place", "name", "display", "key", "word", "fuzzy", "segment", "slot", "blob", "text"]


@dataclass(frozen=True, slots=True)
class Section:
    """One flat section of the file: ``typecode`` as in :mod:`array` (``"blob"``: raw bytes)."""

    name: str
    typecode: str
    rows: Rows
    doc: str


SECTIONS: Final[tuple[Section, ...]] = (
    Section("place_ids_blob", "blob", "blob", "every place's ID, UTF-8, each ended by a newline"),
    Section("place_id_slots", "I", "slot", "open-addressing hash table over the place IDs"),
    Section("place_names_blob", "blob", "blob", "every place's canonical name, UTF-8, each ended by a newline"),
    Section("place_codes_blob", "blob", "blob", "every place's codes as key=value;key=value, each ended by a newline"),
    Section("place_kind", "B", "place", "the place's kind: an index into vocab.KINDS"),
    Section("place_parent", "i", "place", "row of the administrative parent, or -1"),
    Section("place_country", "i", "place", "row of the de facto country, or -1"),
    Section("place_population", "q", "place", "population, or -1 when unknown"),
    Section("place_first_name", "I", "place", "row of the place's first name; one more row holds the end"),
    Section("place_people", "q", "place", "population, or for a subdivision without one the people of its cities"),
    Section("place_prominence", "d", "place", "how likely a reader means the place by name (policy.toml [prominence])"),
    Section("place_lat", "i", "place", "latitude in millionths of a degree (WGS 84), or NO_POINT"),
    Section("place_lon", "i", "place", "longitude in millionths of a degree (WGS 84), or NO_POINT"),
    Section("display_first", "I", "place", "row of the place's first display entry; one more row holds the end"),
    Section("display_tag", "H", "display", "language of a display entry: an index into meta.display_tags"),
    Section("display_name", "I", "display", "name row a source gives as the place's display name in that language"),
    Section("name_place", "I", "name", "row of the place a name belongs to"),
    Section("name_lang", "H", "name", "index into meta.langs (comma-joined tags)"),
    Section("name_persp", "H", "name", "index into meta.perspectives"),
    Section("name_type", "B", "name", "index into vocab.NAME_TYPES"),
    Section("name_curated", "B", "name", "1 when a person reviewed the name"),
    Section("name_rank", "B", "name", "how the name vouches for its place: an index into NAME_LEVELS"),
    Section("name_answer", "i", "name", "name row a bare query spelling this name exactly resolves to, or a sentinel"),
    Section("name_method", "B", "name", "METHOD_EXACT or the tier that reached name_answer; flag METHOD_SPELLED"),
    Section("name_explain", "H", "name", "why name_answer: an index into meta.explanations"),
    Section("name_slots", "I", "slot", "open-addressing hash table over the names blob"),
    Section("names_blob", "blob", "blob", "every name, UTF-8, each ended by a newline"),
    Section("keys_blob", "blob", "blob", "every lookup key, UTF-8, each ended by a newline; fuzzy keys first"),
    Section("key_slots", "I", "slot", "open-addressing hash table over the keys blob"),
    Section("key_ncodes", "H", "key", "how many entries a key has"),
    Section("key_codes", "I", "key", "the entries of every key, in key order (pack_entry)"),
    Section("key_best", "i", "key", "entry a bare query spelling the key resolves to, or a sentinel"),
    Section("key_explain", "H", "key", "why key_best: an index into meta.explanations"),
    Section("words_blob", "blob", "blob", "ordinary words (folded keys), UTF-8, each ended by a newline"),
    Section("word_slots", "I", "slot", "open-addressing hash table over the words blob"),
    Section("word_flags", "H", "word", "WORD_* bits of each word"),
    Section("fuzzy_hash", "I", "segment", "sorted blocking hashes of every segment of every fuzzy key"),
    Section("fuzzy_ref", "I", "segment", "the fuzzy key (a key row) each hash belongs to"),
    Section("fuzzy_mask", "I", "fuzzy", "character mask of each fuzzy key"),
    Section("text_blob", "blob", "blob", "the text lexicon: key prefixes and words of scripts without spaces"),
    Section("text_slots", "I", "slot", "open-addressing hash table over the text blob"),
    Section("text_flags", "B", "text", "TEXT_* bits of each text entry"),
    Section("text_rank", "B", "text", "rank class of a word of a script without spaces (0: not a word)"),
)
SECTION: Final = {s.name: s for s in SECTIONS}


def encode_degrees(value: float | None) -> int:
    """``place_lat`` / ``place_lon``: degrees as a whole number of millionths (exact for any point
    written with six decimals or fewer), or :data:`NO_POINT`."""
    return NO_POINT if value is None else round(value * DEGREE_SCALE)


def decode_degrees(value: int) -> float | None:
    # a whole number over 10**6 divides to the double nearest its six-decimal value: no rounding
    return None if value == NO_POINT else value / DEGREE_SCALE


def pack_entry(name_row: int, tier: int) -> int:
    """A key's entry for ``name_row`` filed under its ``tier`` key."""
    return name_row << ENTRY_TIER_BITS | tier


def entry_name(code: int) -> int:
    return code >> ENTRY_TIER_BITS


def entry_tier(code: int) -> int:
    return code & _TIER_MASK


# --- the C side ------------------------------------------------------------------------------------

#: Constants of the lookup structures that the C module shares with the Python twins.
BLOOM_BYTES: Final = 1 << 21  # one bit per value of a hash's bits 8-31
BLOOM_SHIFT: Final = 8
DIRECTORY_SHIFT: Final = 14  # a probe starts at the directory entry of its top 18 bits
CHAR_MASK_LETTERS: Final = 26  # a-z one bit each; every other character folded into CHAR_MASK_OTHER bits
CHAR_MASK_OTHER: Final = 6


def c_header() -> str:
    """The text of ``csrc/layout.h``: what the C module must agree on with this module."""
    lines = [
        "/* Generated from toponym/index/schema.py by scripts/gen_layout.py;",
        " * do not edit (tests/conformance/test_layout.py holds the two together). */",
        "#ifndef TOPONYM_LAYOUT_H",
        "#define TOPONYM_LAYOUT_H",
        "",
        f"#define TOPONYM_INDEX_FORMAT {FORMAT}",
        f"#define ENTRY_TIER_BITS {ENTRY_TIER_BITS}",
        f"#define BLOOM_BYTES {BLOOM_BYTES}",
        f"#define BLOOM_SHIFT {BLOOM_SHIFT}",
        f"#define DIRECTORY_SHIFT {DIRECTORY_SHIFT}",
        f"#define CHAR_MASK_LETTERS {CHAR_MASK_LETTERS}",
        f"#define CHAR_MASK_OTHER {CHAR_MASK_OTHER}",
        f"#define NO_ANSWER ({NO_ANSWER})",
        f"#define RANK_AT_QUERY ({RANK_AT_QUERY})",
        f"#define METHOD_EXACT {METHOD_EXACT}",
        f"#define METHOD_MASK {METHOD_MASK}",
        "",
        "#endif",
        "",
    ]
    return "\n".join(lines)
