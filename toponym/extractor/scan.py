"""The scan: running text → candidate mentions (:class:`.raw.Raw`).

:mod:`.textscan` reads each chunk of text once and reports its key hits (C's, or the Python twin);
this module turns them into candidates: the capitalisation policy for a word alone
(:mod:`.casing`), the stored form of an inflected word (:mod:`.affixes`), words the tables could
not normalise (read again with :func:`~toponym.normalize.normalize_name`), and dotted acronyms
("U.S."), which the word scan splits into letters.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left

from ..charclass import CJK, HAN, KANA
from ..index import Index
from ..normalize import fold_key, normalize_name
from .affixes import affixes, unread
from .asking import Asking
from .caseless import homograph
from .casing import Casing
from .chars import SCRIPTS, char_tables, extends
from .chinese import abbreviations, organisations
from .compass import Compass
from .contractions import Contractions
from .declined import Declined
from .eras import no_place
from .forms import Forms
from .hyphened import hyphened_names
from .japanese import JOINS, dotted_names, hiragana, japanese, katakana, unit_nouns
from .language import Languages, Told
from .locatives import told_locative
from .locators import locators
from .longs import long_s
from .lookups import Lookups
from .patterns import sentence_initial
from .proper import forget_people, proper
from .raw import Raw, make_raw
from .results import Results, merge
from .standing import prominent
from .straddle import straddled
from .textscan import H_FOLDED, H_IRREGULAR, H_RULE, H_UNSPACED, PyTextScan, TextScan
from .thai import after_unit as thai_after_unit
from .thai import inside as thai_inside
from .thai import southeast
from .units import Features, UnitWords
from .villages import Villages
from .windows import OVERLAP

__all__ = ["COSTS", "Scanner"]

#: Segmentation costs: an unknown character, a key, per rank class of a word, a word's base cost.
COSTS = (140, 60, 8, 20)
#: A surname or a hyphen right after a name: "a Orlando Bloom" is a person, "a Meta-f" a key.
_NAMED_ON = re.compile(r" [^\W\d_a-z]|-")
#: "U.S.", "U.A.E.": capitals each followed by a dot, not glued to a word on either side.
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,4}(?![\w])")
_DOTTED_HINT = re.compile(r"\.[A-Z]\.")


def _lowered(word: str) -> str | None:
    return normalize_name(word) or None


def _folded(word: str) -> str | None:
    return fold_key(normalize_name(word)) or None


#: A word in brackets after a name, which may be the region that places it ("Sort ( Lleida )").
_PLACED = re.compile(r" ?\( ?[^\W\d_]")
#: A country's name that is an adjective (Polska, Hrvatska, Slovensko): its forms are the adjective's
#: too, which a sentence begins with as often ("Polski rząd", the Polish government).
_ADJECTIVAL = re.compile(r"[sšcč]k[aáoé]$", re.IGNORECASE)

#: The script of Arabic's clitic rules (see :meth:`Scanner._form_read`).
_ARABIC = SCRIPTS.index("Arabic")
#: The people of a city whose name a dotted katakana name may be with its dots dropped.
_DOTTED_CITY = 100_000
#: The marks that join the words of a name in katakana, dropped or read as spaces.
_NO_DOTS = str.maketrans("", "", JOINS)
_SPACED = str.maketrans(JOINS, " " * len(JOINS))


class Scanner:
    """Finds candidate mentions; thread-safe for reading (its memories are per process)."""

    def __init__(self, index: Index, lookups: Lookups) -> None:
        self.index = index
        self.lookups = lookups
        self.casing = Casing(index, lookups)
        self.results = Results(index, lookups)
        self.contractions = Contractions(lookups, self.casing.ordinary)
        tables = char_tables()
        found = affixes()
        self._unread = unread(found.groups)
        self.groups = found.groups
        self.scan_args = args = (
            index.text.text.table,
            index.text.flags,
            index.text.rank,
            index.keys.text.table,
            tables.scan_tables(),
            tuple(g.rule() for g in found.groups),
            found.elisions,
            COSTS,
        )
        self.scanner = TextScan(*args)
        self._python = PyTextScan(*args)  # reads the words the tables cannot normalise
        self.languages = languages = Languages(index)
        self.forms = Forms(index, lookups, found.groups, self._python, lambda lang: languages.spoken((lang,)))
        self._own = [g.readers if g.own else None for g in found.groups]
        self.units = UnitWords(lookups)
        self.compass = Compass(index, lookups)
        self.features = Features(lookups)
        self.declined = Declined(lookups)
        self.villages = Villages(index)
        self.ask = Asking(index, lookups, self.casing, self.villages)  # what the rules on longer names ask

    def scan(self, text: str, told: Told | None = None) -> list[Raw]:
        """The candidates of ``text``, read as one window (``told``: its language, told on need)."""
        n = len(text)
        people: set[str] = set()
        raws = self.window(text, 0, n, n, None, people, told)[0]
        return list(forget_people(text, raws, people)) if people else raws

    def _same(self, a: str, b: str) -> bool:
        """Do ``a`` and ``b`` answer the same place?"""
        one, other = self.lookups.get(a).answer, self.lookups.get(b).answer
        return one is not None and other is not None and one.place.id == other.place.id

    def _long_s_name(self, word: str) -> bool:
        """Is ``word`` a stored name, and no ordinary word ("Fur ce point" is "Sur", "on") or given
        name ("l'efcadre de Nelfon" is Nelson's)?"""
        return bool(self.index.keys.reach(word)) and not self.casing.ordinary(word) and not self.ask.given(word)

    def _word_rank(self, word: str) -> int:
        """The rank class of a word of a script without spaces, or 0 (:class:`.TextTable`)."""
        table = self.index.text
        row = table.text.row_of(word)
        return table.rank[row] if row >= 0 else 0

    def _renowned(self, query: str) -> bool:
        """Does ``query`` name a country, a metropolis or a large or first-level unit?"""
        return self.ask.renowned(query) or self.ask.national(query)

    def _dotted_place(self, name: str) -> bool:
        """Is a name of several katakana words joined by the dot a stored name as a whole, with
        spaces for the dots (ノヴィ・サド), or with none (リオ・デ・ジャネイロ is リオデジャネイロ) of a
        city of 100,000 people or a region: a person's given name and surname run together may be
        a small town's (スタン・リー is no Stanley)."""
        keys = self.index.keys  # katakana is its own normal form: the marks are all NFKC changes
        if name.translate(_SPACED) in keys:
            return True
        joined = name.translate(_NO_DOTS)
        if joined not in keys:
            return False
        lookup = self.lookups.get(joined)
        top = lookup.top
        return top is not None and (
            top.place.kind != "city" or self.index.places.people[lookup.top_row] >= _DOTTED_CITY
        )

    def _hyphened_place(self, name: str) -> bool:
        """Is ``name`` (Han words, spaces for the hyphens) a stored name, or one with its unit after
        it, that answers a place?"""
        keys = self.index.keys
        return (name in keys or name[:-1] in keys) and self.lookups.get(name).answer is not None

    def window(
        self, text: str, lo: int, cut: int, hi: int, kana: bool | None, people: set[str], told: Told | None = None
    ) -> tuple[list[Raw], int]:
        """The candidates of ``text[lo:hi]``, read with the whole text around them, and where a
        scan of the whole text goes on after ``cut``: past the key hits that start before it.
        ``kana`` says whether the whole text is Japanese (``None``: the window is the text); the
        names the window gives people are added to ``people`` (:func:`.proper.forget_people`)."""
        off = self._unread(text, lo, hi)  # the languages whose letters the window lacks
        hits = self.scanner.scan(text, lo, hi, off)
        goes_on = cut
        k = len(hits) - 4 if cut < hi else -1
        while k >= 0 and hits[k] > cut - OVERLAP:  # as textscan moves ``last`` past a key hit
            if hits[k] < cut and hits[k + 1] > goes_on and not hits[k + 3] & (H_IRREGULAR | H_UNSPACED | -H_RULE):
                goes_on = hits[k + 1]
            k -= 4
        raws: list[Raw] = []
        self._read(text, hits, hi, raws, told or self.languages.teller(text), off)
        whole = lo == 0 and hi == len(text)
        if (
            (".S." in text or ("." in text and _DOTTED_HINT.search(text)))
            if whole
            else _DOTTED_HINT.search(text, lo, hi)
        ):
            raws = self._dotted(text, raws, lo, hi)
        raws = self.contractions.find(text, lo, hi, raws)
        raws = long_s(text, lo, hi, raws, self._long_s_name)  # "Ruffie" in old print is "Russie"
        if kana is None:  # the window is the text: one scan tells whether it has kana or Han
            found = None if text.isascii() else CJK.search(text)
            kana, han = found is not None and KANA.search(text, found.start()) is not None, found is not None
        else:  # a name ends at ``hi`` at the latest: the head of an organisation may begin there
            han = not kana and not text.isascii() and HAN.search(text, lo, hi + 1) is not None
        if kana:
            raws = dotted_names(text, lo, hi, raws, self._dotted_place) if "・" in text or "=" in text else raws
            raws = locators(text, unit_nouns(text, japanese(text, raws), self._same), self.lookups) if raws else raws
            raws = abbreviations(text, lo, hi, raws, "ja.toml")  # "日米間", "訪日": one-character names
        elif han:
            raws = hyphened_names(text, lo, hi, raws, self._hyphened_place)  # "巴登-符腾堡": one name
            raws = abbreviations(text, lo, hi, raws)  # "中美两国", "访华": Chinese one-character names
            raws = organisations(text, raws) if raws else raws  # "中国队", "北京大学"
            raws = straddled(text, raws, self._word_rank, self._renowned) if raws else raws  # "大数据": no 大数
        if raws:
            raws = self.compass.extend(text, self.units.apart(text, raws))  # "Noord-Syrië": one name
            raws = self.units.extend(text, proper(text, raws, self.ask, people))
        raws = self.features.find(text, lo, hi, raws)  # "la mer Noire": a name the scan cannot start
        raws = self.declined.find(text, lo, hi, raws)  # "w województwie mazowieckim": nor this
        extra = self.results.find(text, lo, hi)  # "Finot ( Fra )" in sports results
        raws = merge(raws, extra) if extra else raws
        if text.isascii():  # no ASCII character continues another
            return raws, goes_on
        n = len(text)
        # a span never splits a character from the mark, joiner or selector that continues it
        return [r for r in raws if r.end >= n or not extends(ord(text[r.end]))], goes_on

    def _read(self, text: str, hits: list[int], hi: int, raws: list[Raw], told: Told, off: int) -> None:
        """Candidates from the hits of one chunk (``hi`` its end), appended to ``raws``; ``told``
        the text's language (told only if a word has forms of a language read for its own names)."""
        last = raws[-1].end if raws else 0
        single = self.casing.single
        forms = self.forms
        i, n = 0, len(hits)
        while i < n:
            s, e, info = hits[i], hits[i + 1], hits[i + 3]
            j = i + 4
            while j < n and hits[j] == s:  # the forms of one word follow its own hit
                j += 4
            if s < last:
                i = j
                continue
            if info & 15 > 1 and text.startswith(("The ", "the "), s):
                if self._after_article(text, s, e, hi, raws, told, off):
                    last, i = raws[-1].end, j  # "The Gulf of Mexico": the longer name after the article, no Gulf
                    continue
                if text.startswith(" of ", e) and text[e + 4 : e + 5].isupper():
                    i = j  # the head of a longer name no source stores: "The Gulf of Carpentaria"
                    continue
            if info & H_IRREGULAR:
                more = self._python.match_at(text, s, hi, _lowered, _folded, off)
                if more and not more[3] & H_IRREGULAR:
                    self._read(text, more, hi, raws, told, off)
                    last = raws[-1].end if raws else last
                i = j
                continue
            k = forms.lasts_from(hits, i, j) if hits[j - 2] < 0 else j  # the hits reading on to a last word's form
            longer = forms.last(text, hits, k, j, hi, told) if k < j else None
            raw: Raw | None = None
            if info & H_UNSPACED:
                # a Thai word for a kind of place before a segment makes it a name, not a word
                rank = 0 if thai_after_unit(text, s) else info // H_RULE
                raw = Raw(s, e, text[s:e], specific=True, rank=rank) if self._whole(text, s, e) else None
            elif longer is not None and not self._foreign(longer, told, text):
                raw = longer  # "Baden-Württembergs", the state's genitive, though "Baden" is a town
            elif info & H_FOLDED and k > i + 4 and (raw := forms.form(text, hits, i + 4, k, hi, told)) is not None:
                raw = None if self._foreign(raw, told, text) else raw  # "Číně": Czech "Čína", no Friulian "Cine"
            elif not info // H_RULE:
                if (
                    info & 15 == 1
                    and k == i + 4
                    and not info & H_FOLDED
                    and self.villages.idle(hits[i + 2])
                    and _PLACED.match(text, e) is None  # "Sort ( Lleida )": the region places it
                ):
                    i = j  # no candidate (and no end for the hits after it, as when it was no key)
                    continue
                raw = single(text, s, e) if info & 15 == 1 else self.casing.phrase(text, s, e)
                if (
                    raw is not None
                    and not raw.specific
                    and told_locative(text, s, told)
                    and not _NAMED_ON.match(text, e)
                ):
                    raw = make_raw(s, e, raw.query, raw.inflected, raw.word, True, raw.group, raw.rank)  # "a Cleveland"
                if raw is not None and k > i + 4 and forms.always(hits, i + 4, k):
                    raw = forms.over(text, raw, hits, i + 4, k, told) or raw
            elif (
                k > i and (raw := forms.form(text, hits, i, k, hi, told)) is not None and self._foreign(raw, told, text)
            ):
                raw = None
            if raw is not None and raw.inflected:
                raw = self._form_read(text, raw)
            if raw is not None:
                raws.append(raw)
                last = raw.end
            i = j

    def _form_read(self, text: str, raw: Raw) -> Raw | None:
        """A case form as a candidate: none in capitals but a country's or a metropolis's ("ЗНАК
        ИЕНЫ" is no Jena); an Arabic clitic form a word where its stored form is a core word of
        Arabic, or the form a homograph ("بصور", "with pictures", is no "in Tyre"; "كمية" no Mie)."""
        surface = text[raw.start : raw.end]
        if surface.isupper() and not self.ask.metropolis(raw.query):
            return None
        if not raw.word and raw.group >= 0 and self.groups[raw.group].script == _ARABIC:
            core = normalize_name(raw.query) in self.index.policy.caseless_words
            if core or homograph(surface):
                return make_raw(raw.start, raw.end, raw.query, True, True, raw.specific, raw.group, raw.rank)
        return raw

    def _after_article(self, text: str, s: int, e: int, hi: int, raws: list[Raw], told: Told, off: int) -> bool:
        """Read the name after the article at ``s`` instead of the key ``text[s:e]`` that holds the
        article ("The Gulf", the Persian Gulf's), where that name goes on past ``e``: the scan takes
        the longest key at each start and so never sees "Gulf of Mexico" inside "The Gulf of Mexico"."""
        more = self._python.match_at(text, s + 4, hi, _lowered, _folded, off)
        if not more or more[1] <= e:
            return False
        before = len(raws)
        self._read(text, more, hi, raws, told, off)
        return len(raws) > before

    def _foreign(self, raw: Raw, told: Told, text: str) -> bool:
        """Is ``raw`` a form by the rules of a language read for its own names, in a text told to be
        in another, or a frequent word that begins a sentence (Lithuanian "Vienos", "of one", is
        Vienna's genitive too; Polish "Wolę", "I prefer", Wola's accusative)? The linker asks the
        first of the forms it links (:meth:`.Standing.foreign_form`); asked here, it is not read
        on (most such forms are none: "The" is no Czech form)."""
        readers = self._own[raw.group]
        if readers is None:
            return False
        # a sentence capitalises its first word whatever it is (a script without case gives no
        # such sign); a country's form stands there unless the country's name is an adjective
        # ("Sveriges regering", Sweden's government; "Polski rząd", the Polish one)
        if (
            text[raw.start].isupper()
            and sentence_initial(text, raw.start)
            and self.ask.frequent(text[raw.start : raw.end])
            and (_ADJECTIVAL.search(raw.query) is not None or not self.lookups.major(raw.query))
        ):
            return True
        return told.elsewhere(readers)

    def _whole(self, text: str, s: int, e: int) -> bool:
        """May a key segment of a run without spaces be a name? Not a single character (中, 北, 原
        are words and abbreviations far more often than the places stored under them), and not a
        piece of a longer katakana word (モン in ソロモン, コモ in ドコモ): katakana writes one
        foreign word at a time, so a name in it runs from one break to the next; nor of a run of
        hiragana."""
        if e - s < 2:
            return False
        # Lao, Tibetan, Myanmar and Khmer have no word list to segment by: a name runs from one break
        # to the next; in Thai, segmented by its frequent words, a long name of a place a reader
        # knows by its name alone where the spelling lets a word begin and end (.thai: Thai spaces
        # phrases, not words, "เดินทางไปญี่ปุ่น"; "วาน", Van, is no name in "เมื่อวาน", "yesterday")
        if (s > 0 and southeast(text[s]) and southeast(text[s - 1])) or (
            e < len(text) and southeast(text[e - 1]) and southeast(text[e])
        ):
            return thai_inside(text, s, e) and self._known(text[s:e])
        if s > 0 and katakana(text[s]) and katakana(text[s - 1]):
            return False
        if e < len(text) and katakana(text[e - 1]) and katakana(text[e]):
            return False
        # a hiragana name glued to hiragana, or short after a kanji, is a word's piece (のみとなる, 高さが)
        glued = s > 0 and (hiragana(text[s - 1]) or (e - s <= 3 and HAN.match(text[s - 1]) is not None))
        return not (hiragana(text[s]) and (glued or (e < len(text) and hiragana(text[e]))))

    def _known(self, name: str) -> bool:
        """Does ``name`` answer a place a reader knows by its name alone (:func:`.standing.prominent`)?"""
        lookup = self.lookups.get(name)
        return lookup.answer is not None and lookup.top_row >= 0 and prominent(self.index, lookup.top_row)

    def _dotted(self, text: str, raws: list[Raw], lo: int, hi: int) -> list[Raw]:
        """Dotted acronyms ("U.S.", "U.K."), which the word scan splits into letters.

        Only a place stored under the same capitals counts ("U.K." is "UK"), so "i.e." stays a word.
        """
        found = []
        starts: list[int] = []
        reach: list[int] = []  # the furthest end of the raws up to each one
        last = -1
        for hint in _DOTTED_HINT.finditer(text, lo, hi):  # ".S." is rare and cheap to find; then look closer
            m = _DOTTED.match(text, hint.start() - 1) if hint.start() > last else None
            if m is None:
                continue
            s, e = m.span()
            last = e
            if raws and not starts:
                starts = [r.start for r in raws]
                reach = list(itertools.accumulate((r.end for r in raws), max))
            i = bisect_left(starts, e)  # the raws starting before the end of this one
            if i and reach[i - 1] > s:
                continue  # overlaps a mention found by the word scan
            top = self.lookups.get(m.group()).top
            letters = m.group().replace(".", "")
            stored = top is not None and top.matched.replace(".", "").replace(" ", "") == letters
            if stored and not no_place(text, s, e, self.casing.function_word):  # "500 B.C.", "N.B. All"
                found.append(Raw(s, e, m.group(), specific=True))
        if not found:
            return raws
        return sorted([*raws, *found], key=lambda r: r.start)
