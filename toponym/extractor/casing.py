"""Capitalisation is evidence in cased scripts: the policy that turns a key hit into a candidate.

Lower-case words never start a mention ("nice", "us"); an all-capitals short token must match a
stored name letter for letter ("US"), a longer one be a dateline, a headline's word or the name of
a country or a metropolis that is no ordinary word ("ALLEMAGNE", "ESPAÑA", not "PARA"); inner
capitals are spelling ("NaN" is not "Nan"). The
verdict on a word depends on the word alone (memoised), except for a word in capitals, which
depends on its line.
"""

from __future__ import annotations

import re

from ..charclass import is_caseless
from ..index import Index
from ..memo import BoundedMemo
from ..normalize import fold_key, normalize_name
from ..vocab import MAJOR_KINDS, NAME_TYPES
from .lookups import Lookups
from .patterns import first_on_line, headline
from .raw import Raw, make_raw
from .wordlists import directions, locative, names, settlements

__all__ = ["CODE_NEIGHBOUR", "Casing", "agency_dateline", "dated", "dateline", "token_key"]

#: What follows an acronym that is part of an identifier ("US-ASCII", "UK_2"); "US-led" is a name.
CODE_NEIGHBOUR = re.compile(r"[-_/.][A-Z0-9]")
_NONE, _RAW, _WORD, _CAPITALS = range(4)


#: What follows the place of a dateline: a country or state, then a date ("1996-08-22", "Aug 3",
#: "3 Aug"), a news agency in brackets, a dash (a wire's double one may touch what follows:
#: "LOUISVILLE, KY--(Marketwire)"), or the story's first words in sentence case ("DETROIT The
#: U.S. ...", "AUSTIN, Texas A leader ...").
_DATELINE = re.compile(
    r"[ \t]*(?:,[ \t]*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?[ \t]*)?"
    r"(?:\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}|,?[ \t]*[A-Z][a-z]{2}[a-z]*\.?[ \t]+\d|\([A-Z][\w .&-]*\)|--|-[ \t]|[—–][ \t]"
    r"|[ \t]+(?=[A-Z][a-z]*[ \t][a-zA-Z])"
    r"|\.?[ \t]*\n[ \t]*(?:\d{4}-\d\d-\d\d|[A-Z][a-z]{2}[a-z]*\.?[ \t]+\d))"
)

#: What follows the place of an agency's dateline, written in title case: its province in brackets
#: or none, the day, the month and the agency in brackets ("Calahorra ( La Rioja ) , 22 may ( EFE
#: )"). A name in title case is read so only before an agency: "Aston Villa 2" is no "London Aug 3".
_AGENCY_DATELINE = re.compile(
    r"[ \t]*(?:\([^()\n]{2,40}\)[ \t]*)?,?[ \t]*\d{1,2}[ \t]+[^\W\d_]{3,}\.?[ \t]*\([ \t]*[A-Z][\w .&-]*\)"
)

#: ... and inside a line, where a score reads alike ("OFK Kikinda 1 Radnicki ( N )"): the region in
#: brackets if any ("Calahorra ( La Rioja ) , 22 may"), a comma, the day and the month in lower case.
_INLINE_DATELINE = re.compile(
    r"[ \t]*(?:\([^()\n]{2,40}\)[ \t]*)?,[ \t]*\d{1,2}[ \t]+[^\W\d_A-Z]{3,}\.?[ \t]*\([ \t]*[A-Z][\w .&-]*\)"
)

#: A byline that starts a line, right before its dateline: "By", "Por", "Par", "Von" and up to
#: four names ("Por Julia Sanz Madrid , 14 jun ( EFE )").
_BYLINE_WORDS = ("By ", "Por ", "Par ", "Von ", "Door ", "Di ", "Da ")
_BYLINE = re.compile(
    rf"(?:^|\n)(?:{'|'.join(w.strip() for w in _BYLINE_WORDS)})(?:[ \t]+[^\W\d_][\w.'’-]*){{1,4}}[ \t]+\Z"
)

#: ... and one inside a line, after the agency's heading it was joined to ("EFE ARAGÓN por Luis
#: Prado Damasco , 16 jun ( EFE )", "CAMPO ABIERTO Por Ana Soler Haro ( La Rioja ) , 15 jun"): the
#: word, then one to four names (group 1).
_INNER_BYLINE = re.compile(r"(?<!\S)(?:[pP]or|[bB]y|[pP]ar|[vV]on|[dD]oor)((?:[ \t]+[^\W\d_][\w.'’-]*){1,4})[ \t]+\Z")

#: A word right before a name (one space): in title case, the name may be the last of a person's.
_WORD_BEFORE = re.compile(r"[^\W\d_][\w.'’-]* \Z")

#: An article and an adjective right before a name: Dutch "het Zuid-Franse Castres" (a town is neuter
#: in Dutch; "de Spaanse Garcia" is a person), German "im englischen Thame", "das historische
#: Meersburg" (a town is neuter in German too; "den spanischen Garcia" is a person). The name is a
#: place, as after a preposition of place. Measured on hand-annotated Dutch and German news: 9
#: places more, 1 wrong (a cycling team).
_ARTICLE_ADJECTIVE = re.compile(
    r"(?:\bhet\s+[\w-]*se|\b(?:im|ins|vom|zum|beim|das)\s+[\w-]*ische[nrsm]?)\s$", re.IGNORECASE
)
#: ... the endings such an adjective has, a cheap test first.
_ADJECTIVE_ENDS = ("se ", "sche ", "schen ", "scher ", "sches ", "schem ", "SE ", "SCHE ", "SCHEN ")
#: A postal code of four or five digits (after a country's letter: "D-80331") that begins an
#: address's last line or follows its comma, right before the town's name.
_POSTAL = re.compile(r"(?:^|(?<=, )|(?<=\())(?:[A-Z]{1,2}-)?\d{4,5} $", re.MULTILINE)


#: A dateline of the press inside running text (a paper's columns read as one line): a comma or
#: a full stop, a day of the month or none, then a news agency in brackets or a long dash
#: ("PARIS, 15 (Havas). —", "BERLIN, 20. — De l'agence Wolff", "GENÈVE. — Jeudi matin").
_PRESS_DATELINE = re.compile(r"[ \t]*[,.][ \t]*(?:\d{1,2}[ \t]*[.,]?[ \t]*)?(?:\([A-Z][\w .&-]*\)|[—–]|--)")


#: A longer name going on after a phrase: a capitalised word, or a joining word and one.
_NAME_GOES_ON = re.compile(r" (?:(?:de|del|di|du|des|of) )?([^\W\d_])")
#: The last word before a point in the text, and the words that end a county's name before its state.
_LAST_WORD = re.compile(r"[^\W\d_][\w'-]*$")
_UNIT_WORDS = frozenset({"county", "parish", "city", "township", "borough"})

#: Capital letters each followed by a dot and a space ("S. A", "N. D").
_SPACED_INITIALS = re.compile(r"(?:[^\W\d_]\.[ \t]+)+[^\W\d_]\.?")
#: Single letters joined by spaces or hyphens ("N-M", "N L").
_LETTERS = re.compile(r"[A-Za-z](?:[ -][A-Za-z])+")


def dateline(text: str, s: int, e: int) -> bool:
    """Is the word in capitals at ``text[s:e]`` the place of a dateline: first on its line, and
    followed by a date, a news agency in brackets or a dash; or anywhere, followed by a day and an
    agency or a long dash?"""
    if first_on_line(text, s) and _DATELINE.match(text, e) is not None:
        return True
    return _PRESS_DATELINE.match(text, e) is not None


def dated(text: str, e: int) -> bool:
    """Does a day, a month and an agency follow ``text[:e]`` inside a line (", 23 may ( EFE )")?"""
    return _INLINE_DATELINE.match(text, e) is not None


def agency_dateline(text: str, s: int, e: int) -> bool:
    """Is the name at ``text[s:e]``, first on its line, after the byline that starts it or inside
    a line after no word of a name or after a byline, the place of an agency's dateline ("Teruel , 14
    jun ( EFE )", "Por Marta Ibáñez Sevilla , 14 jun ( EFE )", "EFE Santoña , 14 jun ( EFE )",
    "EFE ARAGÓN por Luis Prado Damasco , 16 jun ( EFE )")?"""
    if s == 0 or text[s - 1] == "\n":
        return _AGENCY_DATELINE.match(text, e) is not None
    if text.startswith((" ,", ",", " (", "("), e) and _INLINE_DATELINE.match(text, e):
        before = _WORD_BEFORE.search(text, max(0, s - 40), s)
        if before is None or not before.group().istitle():
            return True  # after no name's word: "... Sube 2,10 Lugo , 14 jun ( EFE )", "EFE Santoña , 14 jun"
        inner = _INNER_BYLINE.search(text, max(0, s - 60), s)
        if inner is not None and all(w[0].isupper() for w in inner.group(1).split()):
            return True  # after a byline inside the line: "EFE ARAGÓN por Luis Prado Damasco , 16 jun"
    line = text.rfind("\n", max(0, s - 60), s) + 1  # a byline is short: its line starts near
    if (line == 0 and s > 60) or not text.startswith(_BYLINE_WORDS, line):
        return False
    return _AGENCY_DATELINE.match(text, e) is not None and _BYLINE.search(text, max(0, s - 60), s) is not None


def token_key(token: str) -> str:
    """A token as a key part: lower case for ASCII, normalised otherwise."""
    return token.lower() if token.isascii() else normalize_name(token)


class Casing:
    """The capitalisation policy, with the lookups it needs to check stored spellings."""

    def __init__(self, index: Index, lookups: Lookups) -> None:
        self.index = index
        self.lookups = lookups
        self._memo: BoundedMemo[str, int] = BoundedMemo()
        self._acronyms: BoundedMemo[str, bool] = BoundedMemo()
        self._ordinary: BoundedMemo[str, bool] = BoundedMemo()
        self._major: BoundedMemo[str, bool] = BoundedMemo()
        self._function: BoundedMemo[str, bool] = BoundedMemo()
        self._locative = locative()
        self._directions, self._direction_ends = directions()
        self._settlements = settlements()
        self._descriptors = names().descriptors
        self._epithets = names().epithets

    def single(self, text: str, s: int, e: int) -> Raw | None:
        """The candidate a key hit of one word at ``text[s:e]`` makes, or ``None``."""
        surface = text[s:e]
        dot = text[e : e + 1] == "."
        if (
            text[s - 2 : s] == ", "
            and (dot or text.startswith((" (", " .\n"), e))
            and surface.istitle()
            and self._town_before(text, s - 3 if text[s - 3 : s - 2] == " " else s - 2)
        ):
            # a state's abbreviation after its town, with its dot: "Columbia, Ky.", "Paris, Mo."
            # (alone, "Ky" is no word and "Mo" a name: "Hi, Mo." is a greeting); a dateline may
            # drop the dot before its agency: "EDMONTON, Ky (WBKO)"
            top = self.lookups.get(surface + ".").top
            if top is not None and top.matched == surface + "." and top.method == "exact":
                return make_raw(s, e + dot, surface + ".", False, False, True, -1, 0)
        verdict = self._memo.get(surface)
        if verdict is None:
            verdict = self._memo.put(surface, self._verdict(surface))
        if verdict == _CAPITALS:
            return self._capitals(text, s, e, surface)
        if verdict == _NONE or (verdict == _WORD and text.startswith(" of ", e) and text[e + 4 : e + 5].isupper()):
            return None  # ... or an English word heading a longer name: "University of Central Florida"
        # "in Bayreuth", "à Lorient": a name after a preposition of place is as specific as a name
        # of several words
        specific = self._locative.search(text, max(0, s - 6), s) is not None or (
            text.endswith(self._direction_ends, 0, s) and self._directions.search(text, max(0, s - 20), s) is not None
        )
        if not specific and self._settlements.before(text, s):
            specific = True  # "the town of Hengelo", "der Stadt Gedern": a town, named as one
        if not specific and text.endswith(_ADJECTIVE_ENDS, 0, s) and _ARTICLE_ADJECTIVE.search(text, max(0, s - 40), s):
            specific = True  # "het Zuid-Franse Castres", "im englischen Thame"
        if not specific and agency_dateline(text, s, e):
            specific = True  # the place of a dateline: "Ferrol , 23 may ( EFE )"
        if not specific and s > 5 and text[s - 2].isdigit() and _POSTAL.search(text, max(0, s - 12), s):
            specific = True  # the town of an address, after its postal code: "Beekstraat 18, 8800 Roeselare"
        return make_raw(s, e, surface, False, verdict == _WORD, specific, -1, 0)

    def _town_before(self, text: str, end: int) -> bool:
        """Does a town's name end at ``end``: a capitalised word that names a place as written
        ("Columbia", "PARIS"; not "Hi", "Thanks"), or a county's ("Laurel County")?"""
        m = _LAST_WORD.search(text, max(0, end - 40), end)
        word = m.group() if m else ""
        if not word[:1].isupper() or self.function_word(word):
            return False
        top = self.lookups.get(word).top
        return word.lower() in _UNIT_WORDS or (top is not None and top.method in ("exact", "normalized"))

    def phrase(self, text: str, s: int, e: int) -> Raw | None:
        """The candidate a key of several words at ``text[s:e]`` makes: not initials spaced out
        ("S. A." after a firm's name is a société anonyme, "N. D. L. R." a note of the editors,
        never South Australia or North Dakota, whose abbreviations are written "S.A.", "N.D."), nor
        a word and an option after it ("The -d")."""
        surface = text[s:e]
        if _SPACED_INITIALS.fullmatch(surface) or " -" in surface:
            return None  # ... nor a command's option: "The -d option" is no "The D" (Detroit)
        if _LETTERS.fullmatch(surface) and not self.stored_exactly(surface):
            return None  # letters without their dots: "N-M" is a range, "N L" two variables, no N.M.
        head, _, tail = surface.partition("-")
        if tail.islower() and self.ordinary(head) and self.ordinary(tail) and not self.stored_exactly(surface):
            return None  # an English compound word ("Cut-off"), not the name "Cut Off" (Louisiana)
        # after an article, a name's last word has its capital ("Le Port", "La Plaine"): French "Le
        # port", "La plaine" beginning a sentence are the harbour and the plain (but "Московская
        # область", "Suisse romande" are names)
        first, _, rest = surface.partition(" ")
        if rest[rest.rfind(" ") + 1 :][:1].islower() and self.function_word(first):
            return None
        # an article and a common noun that head a longer name ("El Banco de Sabadell", "La
        # Guardia Civil", "El Centro de Profesores") are not the town of that name
        if " " not in rest and self._heads_name(text, e, first, rest):
            return None
        # a landmark's kind in lower case after its name is no part of it ("Stansted airport" is
        # Stansted Airport, named "Stansted"), unless a name is stored so
        # ... and so is an honorific epithet ("مكة المكرمة" is Mecca, named "مكة")
        kind = rest[rest.rfind(" ") + 1 :]
        descriptor = kind in self._descriptors and first[:1].isupper() and not self.stored_exactly(surface)
        if descriptor or kind in self._epithets:
            name = surface[: len(surface) - len(kind)].rstrip()
            # ... an area's when the words before it name a place: "the Greater Toronto area" is the Area
            if kind != "area" or self.lookups.get(name).rows:
                return (
                    Raw(s, s + len(name), name, specific=True) if " " in name else self.single(text, s, s + len(name))
                )
        return Raw(s, e, surface, specific=True)

    def _heads_name(self, text: str, e: int, first: str, rest: str) -> bool:
        """Are ``first`` (an article) and ``rest`` (a common noun) the head of a longer name going
        on at ``text[e:]`` with a capitalised word?"""
        on = _NAME_GOES_ON.match(text, e)
        if on is None or not on.group(1).isupper() or not first.isalpha():
            return False
        return self.function_word(first) and normalize_name(rest) in self.index.policy.ordinary

    def _verdict(self, surface: str) -> int:
        """What a word alone is, wherever it stands (a word in capitals depends on its line)."""
        letters = sum(ch.isalpha() for ch in surface)
        if surface.isupper() and letters >= 2:
            return _CAPITALS
        if letters < 3 and not self.stored_exactly(surface):
            return _NONE
        if any(ch.isupper() for ch in surface[1:]) and not self.stored_exactly(surface):
            return _NONE  # "NaN", "GiB", "PyPI": inner capitals are spelling, not a variant of "Nan"
        if self._acronym_only(surface):
            return _NONE  # "Mac" is not "MAC", "Usa" not "USA": an acronym is spelt in capitals
        if self.ordinary(surface):
            return _WORD
        # without case, nothing tells the name of a town from a core word of its language
        return _WORD if is_caseless(surface) and normalize_name(surface) in self.index.policy.caseless_words else _RAW

    def ordinary(self, surface: str) -> bool:
        """Is ``surface`` an ordinary word (or a stop entry) when written in lower case?"""
        found = self._ordinary.get(surface)
        if found is None:
            key = token_key(surface)
            folded = fold_key(key)
            # a word written with accents is no English word that has none ("Bâle" is not "bale",
            # "Côme" not "come"); a stop entry holds however it is written
            english = folded in self.index.policy.words and folded == key
            found = self._ordinary.put(surface, english or folded in self.index.policy.stop)
        return found

    def function_word(self, surface: str) -> bool:
        """Is ``surface`` one of the commonest words of some language ("Para", "Como", "Man")?"""
        found = self._function.get(surface)
        if found is None:
            found = self._function.put(surface, normalize_name(surface) in self.index.policy.function_words)
        return found

    def _capitals(self, text: str, s: int, e: int, surface: str) -> Raw | None:
        # a dateline names the place the story is filed from: "TOKYO (Kyodo) -", "MOSCOW, Aug 3",
        # "WELLINGTON 1996-08-22" (a word at the start of its line, then a date, an agency or a dash)
        if len(surface) >= 4 and dateline(text, s, e):
            return Raw(s, e, surface, specific=True)
        # a headline in capitals reads like title case; elsewhere "US", "IT", "OR" must be stored
        # acronyms spelt exactly like this
        if headline(text, s, e) and sum(ch.isalpha() for ch in surface) >= 4:
            return Raw(s, e, surface, word=self.ordinary(surface))
        if CODE_NEIGHBOUR.match(text, e) or (s > 0 and text[s - 1] in "-_/."):
            return None  # part of an identifier: "US-ASCII", "en-US", "ISO/IEC"
        if self.acronym_ok(surface):
            return Raw(s, e, surface)
        # a country's or a metropolis's name in capitals, as a paper heads its news from abroad
        # ("ALLEMAGNE.", "SUISSE Chambres fédérales"), spelt with its accents: a candidate, weighed
        # as the word it may be
        if len(surface) >= 4 and self._major_name(surface):
            return Raw(s, e, surface)
        if len(surface) >= 5 and self._unit_name(surface):
            return Raw(s, e, surface)
        return None

    def _unit_name(self, surface: str) -> bool:
        """Is ``surface`` (in capitals) a first-level unit's name in some language, as its first
        candidate, and no ordinary word: a region heading its news ("NAVARRA : nuevas carreteras",
        Spanish agency agendas)? Measured on hand-annotated Spanish news: 8 places more, 3 wrong (a
        match between two regions' clubs; an adjective in a headline)."""
        lookup = self.lookups.get(surface)
        row, top = lookup.top_row, lookup.top
        if row < 0 or top is None or top.lang.split("-")[0] == "und":
            return False
        places = self.index.places
        if places.kind[row] != "subdivision" or not (places.top_level(row) and places.iso_coded(row)):
            return False
        return not self._a_word(surface)

    def _a_word(self, surface: str) -> bool:
        """Is ``surface`` (in capitals) a word of some language: an ordinary or function word, or a
        stop entry ("PARA" is Spanish "for" before it is Pará)?"""
        norm = normalize_name(surface)
        policy = self.index.policy
        return norm in policy.ordinary or norm in policy.function_words or self.ordinary(surface)

    def _major_name(self, surface: str) -> bool:
        """Is ``surface`` (in capitals) a stored name of a country, sea or the like, or of a
        metropolis (or :meth:`~.Lookups.notable`), letter for letter with its accents when case is
        ignored, and no ordinary word of any language?"""
        found = self._major.get(surface)
        if found is None:
            if self._a_word(surface):
                return self._major.put(surface, False)
            # or a place as prominent as a metropolis by a name in some language, as its first
            # candidate: a large first-level unit ("ANGLETERRE", "GALICIA", "FLORIDA")
            key = normalize_name(surface)
            major = self.lookups.names_major(self.index.keys.lookup(key)) or self.lookups.notable(surface)
            found = self._major.put(surface, major)
        return found

    def _acronym_only(self, surface: str) -> bool:
        """Are all the stored names of the word's key acronyms spelt otherwise ("MAC" for "Mac")?"""
        string = self.index.names.text.table.string
        entries = self.index.keys.lookup(token_key(surface))
        # read name by name: the first that is no acronym spelt otherwise settles it
        spelt = (string(n) for n, _tier in entries)
        return bool(entries) and all(len(t) > 1 and t.isupper() and t != surface for t in spelt)

    def acronym_ok(self, surface: str) -> bool:
        """An all-capitals token is a place only as a stored acronym, and not as a bare ISO code.

        Data sources file ISO 3166 alpha-3 codes as names ("AND" for Andorra, "TLS") and local
        abbreviations of cities ("HH", "SF"); in prose these are words or technical acronyms. A
        country's acronym stands ("UK", "UAE", "USA") unless it is only its alpha-3 code; a
        smaller place's acronym needs an English name tag, or for a state or province (first-level,
        with an ISO 3166-2 code) a short name of three letters or more tagged with a language
        ("NRW", German for North Rhine-Westphalia).
        """
        found = self._acronyms.get(surface)
        if found is None:
            found = self._acronyms.put(surface, self._acronym(surface))
        return found

    def _acronym(self, surface: str) -> bool:
        if "-" not in surface and not self.stored_exactly(surface):
            return False  # the answer must match a stored name spelt so (below): none is, no ranking
        lookup = self.lookups.get(surface)
        match = lookup.answer
        if match is None or match.matched != surface:
            return False
        # one of the place's names is this spelling, tagged English (a country has hundreds of
        # names: compared in the table, not built)
        names, places, row = self.index.names, self.index.places, lookup.answer_row
        spelt = [n for n in places.names_of(row) if names.text.equals(n, surface)]
        english = any("en" in names.langs[names.lang[n]].split(",") for n in spelt)
        if match.place.kind not in MAJOR_KINDS:
            # or a state's short name in its own language: "NRW" is North Rhine-Westphalia in German
            unit = places.top_level(row) and places.iso_coded(row) and len(surface) >= 3
            return english or (
                unit
                and any(
                    NAME_TYPES[names.type_code[n]] == "short" and names.langs[names.lang[n]] != "und" for n in spelt
                )
            )
        return english or match.place.codes.get("iso3166_1_alpha3") != surface

    def stored_exactly(self, surface: str) -> bool:
        return self.index.names.text.row_of(surface) >= 0
