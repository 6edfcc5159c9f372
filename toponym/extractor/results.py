"""Countries of competitors in lines of sports results: "Finot ( Fra )", "Shirov (ESP) 4,5".

The table of abbreviations is made from the index's names (``lexicons/results.toml`` says from
which languages' names and why): at build time, into the index's meta (:func:`compiled_table`),
for reading it costs tens of milliseconds that the first text with a bracket would pay; an index
without it (an older one) makes it on first use. See :class:`Results`.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict

from ..index import Index
from ..normalize import fold_key, normalize_name
from .lookups import Lookups
from .raw import Raw
from .wordlists import results

__all__ = ["META_KEY", "Results", "compiled_table"]

#: The key of the compiled table in ``index.meta.extra``: abbreviation -> place ID.
META_KEY = "results"

#: An abbreviation of two or three letters in brackets, closed or followed by a slash or a comma
#: ("( Rus / 14 )", "( FRA , 4 )"), after a word (:func:`_word_before`).
_BRACKET = re.compile(r"\([ \t]?([A-Z][A-Za-z]{1,2})(?=[ \t]?[)/,])")
#: After the bracket, on a line of results: a number.
_AFTER = re.compile(r"[^)\n]{0,6}\)[ \t]*[\d(]")
_WORDS = re.compile(r"[\s\-‐‑]+")


def _word_before(text: str, lo: int, end: int) -> str:
    """The first letter of the word right before ``text[end]`` (one space or tab between them
    allowed), not reaching before ``lo``; "" when there is none. Read backwards from the bracket:
    a word is a run of word characters, apostrophes, dots and hyphens, and begins at its first
    letter (as the pattern ``[^\\W\\d_][\\w'’.-]*`` finds it)."""
    j = end - 1 if end > lo and text[end - 1] in " \t" else end
    i = j
    while i > lo and (text[i - 1].isalnum() or text[i - 1] in "_'’.-"):
        i -= 1
    for k in range(i, j):
        if text[k].isalnum() and not text[k].isdecimal():
            return text[k]
    return ""


def _abbreviations(name: str) -> list[str]:
    """The abbreviations a country's name makes: the first three letters of a name of one word
    ("Fra"), the first letter of one word and two of the other of a name of two ("VSt", "ZAf"; not
    "Oos" for Oost-Timor, which is Oostenrijk's)."""
    if "," in name:
        return []  # "Vaticaanstad, Staat": an inverted official name
    words = [w for w in _WORDS.split(fold_key(normalize_name(name))) if w]
    out = []
    if len(words) == 1 and len(words[0]) >= 3 and words[0][:3].isalpha():
        out.append(words[0][:3].capitalize())
    if len(words) == 2 and len(words[1]) >= 2 and (words[0][:1] + words[1][:2]).isalpha():
        out.append(words[0][:1].upper() + words[1][:2].capitalize())
    return out


class Results:
    """Finds the bracketed country abbreviations of a text (thread-safe; the table is built once)."""

    def __init__(self, index: Index, lookups: Lookups) -> None:
        self.index = index
        self.lookups = lookups
        self._table: dict[str, str] | None = None
        self._lock = threading.Lock()

    def table(self) -> dict[str, str]:
        """Abbreviation (as written) → the name of the country it stands for."""
        if self._table is None:
            with self._lock:
                if self._table is None:
                    self._table = self._read()
        return self._table

    def _read(self) -> dict[str, str]:
        """The compiled table, else one made now (IDs the index lacks are skipped)."""
        index = self.index
        stored = index.meta.extra.get(META_KEY)
        if not isinstance(stored, dict):
            return {abbr: index.places.name[row] for abbr, row in self.rows().items()}
        ids, names = index.places.ids, index.places.name
        return {abbr: names[row] for abbr, pid in stored.items() if (row := ids.row_of(pid)) >= 0}

    def rows(self) -> dict[str, int]:
        """Abbreviation → the row of its country, made from the names (see the module docstring)."""
        data = results()
        places, names = self.index.places, self.index.names
        codes: dict[str, int] = {}
        by_lang: dict[str, dict[str, set[int]]] = {lang: defaultdict(set) for lang in data.languages}
        # the tables a tag list feeds, read once per list (a country has hundreds of names)
        wanted: dict[int, list[dict[str, set[int]]]] = {}
        lang_of, tag_lists = names.lang, names.langs
        primary = re.compile(rf"(?:^|,)({'|'.join(map(re.escape, data.languages))})(?=[-,]|$)")
        for row in range(len(places)):
            if places.kind[row] not in data.kinds:
                continue
            for item in places.codes[row].split(";"):
                if item.startswith("iso3166_1_alpha3="):
                    codes[item.partition("=")[2].capitalize()] = row
            for n in places.names_of(row):
                tags = lang_of[n]
                made_in = wanted.get(tags)
                if made_in is None:
                    made_in = wanted[tags] = [by_lang[lang] for lang in dict.fromkeys(primary.findall(tag_lists[tags]))]
                if made_in:
                    abbrs = _abbreviations(names.text[n])
                    for made in made_in:
                        for abbr in abbrs:
                            made[abbr].add(row)
        # as written ("Zwe", Zweden): the languages first; in capitals ("ZWE"): the codes first
        written: dict[str, int] = {}
        for lang in data.languages:
            for abbr, rows in by_lang[lang].items():
                if abbr not in written:  # several countries: the one it is the code of, or none
                    coded = codes.get(abbr, -1)
                    written[abbr] = min(rows) if len(rows) == 1 else coded if coded in rows else -1
        capitals = {a.upper(): row for a, row in written.items() if a[1:].islower()}
        capitals.update({code.upper(): row for code, row in codes.items()})
        for code, row in codes.items():
            written.setdefault(code, row)
        out: dict[str, int] = {}
        for abbr, row in (*written.items(), *capitals.items()):
            if row >= 0:
                top = self.lookups.get(places.name[row]).answer
                if top is not None and top.place.id == places.ids[row]:
                    out[abbr] = row
        return out

    def find(self, text: str, lo: int, hi: int) -> list[Raw]:
        """The abbreviations of ``text[lo:hi]`` that name a competitor's country, as candidates
        whose query is the country's name."""
        if text.find("(", lo, hi) < 0:
            return []
        found: list[re.Match[str]] = []
        firsts: list[str] = []  # the first letter of the word before each bracket
        floor = lo
        for m in _BRACKET.finditer(text, lo, hi):
            first = _word_before(text, floor, m.start())
            if first:
                found.append(m)
                firsts.append(first)
                floor = m.end(1)
        if not found:
            return []
        table = self.table()
        out = []
        for m, first in zip(found, firsts, strict=True):
            abbr = m.group(1)
            name = table.get(abbr)
            if name is None or not first.isupper():
                continue
            if abbr.isupper() and not self._results_line(text, m, found):
                continue
            out.append(Raw(m.start(1), m.end(1), name, specific=True))
        return out

    def _results_line(self, text: str, m: re.Match[str], found: list[re.Match[str]]) -> bool:
        """Is the bracket ``m`` on a line of results: a number after it, or another abbreviation
        in brackets on its line?"""
        if _AFTER.match(text, m.end(1)):
            return True
        lo = text.rfind("\n", 0, m.start()) + 1
        hi = text.find("\n", m.end())
        hi = len(text) if hi < 0 else hi
        table = self.table()
        return any(o is not m and lo <= o.start() < hi and o.group(1) in table for o in found)


def merge(raws: list[Raw], extra: list[Raw]) -> list[Raw]:
    """``raws`` with the candidates ``extra`` in order; one of ``extra`` replaces a candidate of
    the same span ("Spa" the town) and gives way to any other it overlaps."""
    spans = {(r.start, r.end) for r in extra}
    kept = [r for r in raws if (r.start, r.end) not in spans]
    for x in extra:
        if not any(r.start < x.end and x.start < r.end for r in kept):
            kept.append(x)
    kept.sort(key=lambda r: r.start)
    return kept


def compiled_table(results: Results) -> dict[str, str]:
    """The table as the build stores it in ``index.meta.extra``: abbreviation → place ID."""
    ids = results.index.places.ids
    return {abbr: ids[row] for abbr, row in sorted(results.rows().items())}
