"""Codes as input: a place's ID or any code it carries (ISO 3166-1/2/3, GeoNames, Wikidata, M49).

The tables are built on first use from ``index.places.codes``, once per index and behind a lock.
A code is compared as its scheme writes it: ISO letters and Wikidata QIDs in any case (``jpn``,
``q17``), ISO numeric and M49 codes as three digits (``8`` is ``008``), IDs in lower case.

:func:`code_shaped` and :meth:`CodeTable.country_code` are the reading of a query to ``resolve``
written in capitals, two or three letters: an ISO 3166-1 code first (docs/codes.md says why);
:func:`code_query` adds ISO 3166-2 codes ("US-CA") to what ``resolve`` reads so.
"""

from __future__ import annotations

import re
import threading
import weakref
from bisect import bisect_left
from collections.abc import Iterable
from itertools import chain

from ..errors import AmbiguousCodeError, UnknownPlaceError
from ..index import Index
from ..surface import is_acronym
from ..vocab import CODE_KEYS, SCHEMES, Kind
from .candidates import Candidate

__all__ = ["CodeTable", "code_first", "code_query", "code_shaped", "code_table", "scheme_label", "subdivision_suffix"]

_PAIR = re.compile(r"([^=;]+)=([^;]*)")
#: An ISO 3166-2 code in capitals: the country's alpha-2, a hyphen, one to three letters or digits.
_SUBDIVISION = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
_GEONAMES = "geonames="
_DIGITS = frozenset({"iso3166_1_numeric", "m49"})
#: The order readings are listed in an error message: the commonest schemes first.
_ORDER = ("id", "iso3166_1_alpha2", "iso3166_1_alpha3", "iso3166_1_numeric", "iso3166_2", "iso3166_3",
          "m49", "wikidata", "geonames")  # fmt: skip
_LABEL = {
    "id": "ID",
    "iso3166_1_alpha2": "ISO 3166-1 alpha-2 code",
    "iso3166_1_alpha3": "ISO 3166-1 alpha-3 code",
    "iso3166_1_numeric": "ISO 3166-1 numeric code",
    "iso3166_2": "ISO 3166-2 code",
    "iso3166_3": "ISO 3166-3 code",
    "geonames": "GeoNames ID",
    "wikidata": "Wikidata ID",
    "m49": "UN M49 code",
}
assert set(_ORDER) == SCHEMES == set(_LABEL), "every scheme is ordered and labelled"


def scheme_label(scheme: str) -> str:
    """``iso3166_1_alpha3`` in words: ``ISO 3166-1 alpha-3 code``."""
    return _LABEL[scheme]


def canonical(scheme: str, code: str) -> str | None:
    """``code`` as ``scheme`` stores it, or ``None`` when it cannot be one of its codes."""
    text = code.strip()
    if not text or not text.isascii():
        return None
    if scheme in _DIGITS or scheme == "geonames":
        if not text.isdigit():
            return None
        number = str(int(text))
        if scheme == "geonames":
            # GeoNames writes its ids without leading zeros: "012" is Algeria's ISO number only
            return number if number == text else None
        return number.zfill(3)
    return text.lower() if scheme == "id" else text.upper()


def code_shaped(query: str) -> bool:
    """A query in capitals of two or three ASCII letters: read as a code before a name.

    >>> [code_shaped(q) for q in ("CIV", "AO", " ITA ", "Ita", "us", "USSR", "U.S.", "C1")]
    [True, True, True, False, False, False, False, False]
    """
    text = query.strip()
    return 2 <= len(text) <= 3 and text.isascii() and text.isalpha() and text.isupper()


def code_query(query: str) -> bool:
    """A query ``resolve`` reads as a code before a name: :func:`code_shaped`, or an ISO 3166-2
    code in capitals ("US-CA", "JP-01": no name is written so).

    >>> [code_query(q) for q in ("CIV", "US-CA", " JP-01 ", "SI-015", "us-ca", "Al-Ain", "AB-CDEF")]
    [True, True, True, True, False, False, False]
    """
    return code_shaped(query) or _SUBDIVISION.fullmatch(query.strip()) is not None


def code_first(index: Index, query: str) -> bool:
    """Does ``resolve`` read ``query`` as a code before a name: in capitals (:func:`code_query`),
    or an ISO 3166-2 code that some place carries, in lower case ("us-ca" is California's ID, no
    typo of "Lusaca")?"""
    if "-" not in query:
        return query.isupper() and code_shaped(query)
    if code_query(query):
        return True
    return (
        _SUBDIVISION.fullmatch(query.strip().upper()) is not None and code_table(index).country_code(query) is not None
    )


class CodeTable:
    """Every code of every place, by scheme: what ``get`` and ``convert`` look codes up in."""

    def __init__(self, index: Index) -> None:
        self.index = index
        rows: dict[str, dict[str, list[int]]] = {key: {} for key in CODE_KEYS if key != "geonames"}
        kinds: dict[str, set[Kind]] = {key: set() for key in SCHEMES}
        place_kind = index.places.kind
        for row, packed in enumerate(index.places.codes.decode_rows()):
            kind = place_kind[row]
            kinds["id"].add(kind)
            if packed.startswith(_GEONAMES) and ";" not in packed:
                kinds["geonames"].add(kind)  # most places carry a GeoNames ID alone: read on demand
                continue
            for key, value in _PAIR.findall(packed):
                code = canonical(key, value) if key in CODE_KEYS else None
                if code is not None:
                    if key != "geonames":
                        rows[key].setdefault(code, []).append(row)
                    kinds[key].add(kind)
        self._rows = {key: _tabled(table) for key, table in rows.items()}
        #: The kinds of place that carry each scheme's codes (only countries and territories
        #: carry ISO 3166-1 codes): what a conversion to that scheme may reach.
        self.kinds: dict[str, frozenset[Kind]] = {key: frozenset(found) for key, found in kinds.items()}
        self._lock = threading.Lock()

    def _table(self, scheme: str) -> dict[str, int | tuple[int, ...]]:
        """The codes of ``scheme``. GeoNames IDs, carried by nearly every place, are read on their
        first use: text and names never need them, and reading them doubles the table's cost."""
        table = self._rows.get(scheme)
        if table is None:
            with self._lock:
                table = self._rows.get(scheme)
                if table is None:
                    found: dict[str, list[int]] = {}
                    for row, packed in enumerate(self.index.places.codes.decode_rows()):
                        for key, value in _PAIR.findall(packed):
                            if key == scheme and (code := canonical(key, value)) is not None:
                                found.setdefault(code, []).append(row)
                    table = self._rows[scheme] = _tabled(found)
        return table

    def rows(self, code: str, scheme: str) -> tuple[int, ...]:
        """The rows of the places ``code`` names in ``scheme`` (usually one; none when unknown)."""
        text = canonical(scheme, code)
        if text is None:
            return ()
        if scheme == "id":
            try:
                return (self.index.row_of(text),)
            except UnknownPlaceError:
                return ()
        found = self._table(scheme).get(text)
        return () if found is None else (found,) if isinstance(found, int) else found

    def readings(self, code: str, schemes: Iterable[str] = _ORDER) -> list[tuple[str, int]]:
        """Every ``(scheme, row)`` that ``code`` reads as."""
        return [(scheme, row) for scheme in schemes for row in self.rows(code, scheme)]

    def find(self, code: object, scheme: str | None = None) -> int:
        """The row of the one place ``code`` names (in ``scheme``, or in any scheme).

        ``UnknownPlaceError`` when none does, ``AmbiguousCodeError`` when several do, and
        ``ValueError`` for a scheme that is not in :data:`~toponym.vocab.SCHEMES`.
        """
        if scheme is not None and scheme not in SCHEMES:
            raise ValueError(f"unknown code scheme {scheme!r}; use one of: {', '.join(_ORDER)}")
        if isinstance(code, int) and not isinstance(code, bool):
            code = str(code)
        if not isinstance(code, str):
            raise UnknownPlaceError(f"{code!r} is not a place ID or code; give a string such as 'jp' or 'JPN'")
        if scheme is None:
            try:  # a place's own ID is never re-read as another place's code
                return self.index.row_of(code)
            except UnknownPlaceError:
                pass
        found = self.readings(code, (scheme,) if scheme else _ORDER)
        if scheme is None and any(s == "iso3166_1_numeric" for s, _ in found):
            # three digits are a country's ISO number before one of the first GeoNames ids ("380"
            # is Italy, GeoNames' record 380 a village): scheme="geonames" reads the village
            found = [(s, row) for s, row in found if s != "geonames"]
        places = dict.fromkeys(row for _, row in found)
        if len(places) == 1:
            return found[0][1]
        if not places:
            where = f"as {scheme_label(scheme)}" if scheme else "as an ID or a code"
            raise UnknownPlaceError(f"no place has {code!r} {where}; use resolve() or lookup() to find a place by name")
        ids, names = self.index.places.ids, self.index.places.name
        listed = "; ".join(f"{scheme_label(s)} of {ids[r]} ({names[r]})" for s, r in found)
        # readings in several schemes: scheme= picks one; several places in one scheme: the IDs do
        several = len({s for s, _ in found}) > 1
        hint = "pass scheme= to say which is meant" if several else "get the one meant by its ID"
        raise AmbiguousCodeError(f"{code!r} names {len(places)} places: {listed}; {hint}")

    def country_code(self, query: str) -> tuple[int, str] | None:
        """The place a query in capitals names as an ISO 3166-1 alpha-2 or alpha-3 code (or, with
        a hyphen, an ISO 3166-2 code), with the scheme; ``None`` when it is no such code."""
        text = query.strip().upper()
        scheme = "iso3166_2" if "-" in text else "iso3166_1_alpha2" if len(text) == 2 else "iso3166_1_alpha3"
        found = self._rows[scheme].get(text)
        return (found, scheme) if isinstance(found, int) else None

    def subdivision_suffix(self, text: str) -> tuple[int, ...]:
        """Subdivisions whose ISO 3166-2 code is ``text`` after the country's part ("OR" is US-OR,
        as postal and press abbreviations write it)."""
        return subdivision_suffix(self.index, text)

    def acronym(self, cand: Candidate) -> bool:
        """May a query in capitals reach this candidate? Only through a stored name written in
        capitals: spelt just so ("UK", "NY"), or in another script ("РФ" for "RF") when the place is
        no town; never a name matched with case or accents ignored ("Ita", "Civ", "Qūṣ")."""
        if not is_acronym(self.index.names.text[cand.name]):
            return False
        return cand.method == "exact" or self.index.places.kind[cand.place] != "city"


def _tabled(table: dict[str, list[int]]) -> dict[str, int | tuple[int, ...]]:
    # one place per code almost always: a tuple only where a code is shared (Wikidata gives
    # Moscow the city and Moscow the federal subject one item)
    return {code: found[0] if len(found) == 1 else tuple(found) for code, found in table.items()}


_tables: weakref.WeakKeyDictionary[Index, CodeTable] = weakref.WeakKeyDictionary()
_lock = threading.Lock()
_suffixes: weakref.WeakKeyDictionary[Index, dict[str, tuple[int, ...]]] = weakref.WeakKeyDictionary()
_SUFFIX = re.compile(r"iso3166_2=[A-Z]{2}-([A-Z0-9]{1,3})(?:;|$)")


def subdivision_suffix(index: Index, text: str) -> tuple[int, ...]:
    """Places whose ISO 3166-2 code is ``text`` after the country's part ("OR" is US-OR, as
    postal and press addresses write it). Its own table, a tenth of the code table's cost to build:
    text ("Portland, OR") needs no other code."""
    table = _suffixes.get(index)
    if table is None:
        with _lock:
            table = _suffixes.get(index)
            if table is None:
                found: dict[str, list[int]] = {}
                places = index.places
                codes, kind = places.codes, places.kind
                # a place with an ISO 3166-2 code has it as its ID ("us-ky"), not a GeoNames one
                # ("gn-4296499"): rows are sorted by ID, and the GeoNames block is skipped
                lo, hi = bisect_left(places.ids, "gn-0"), bisect_left(places.ids, "gn-:")
                for row in chain(range(lo), range(hi, len(kind))):
                    if (kind[row] == "subdivision" or kind[row] == "territory") and (
                        m := _SUFFIX.search(codes[row])
                    ) is not None:
                        found.setdefault(m.group(1), []).append(row)
                table = _suffixes[index] = {code: tuple(rows) for code, rows in found.items()}
    return table.get(text.strip().upper(), ())


def code_table(index: Index) -> CodeTable:
    """The code table of ``index``, built on first use (thread-safe; one per index)."""
    table = _tables.get(index)
    if table is None:
        with _lock:
            table = _tables.get(index)
            if table is None:
                table = _tables[index] = CodeTable(index)
    return table
