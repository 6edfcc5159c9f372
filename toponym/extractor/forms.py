"""Word forms in text: the stored name an inflected word stands for (:mod:`.affixes` makes the
forms, the scan reports those that are keys or begin one; this module chooses).

"Москве" is a form of "москва"; "Нижнем" begins "нижний новгород" when the next word is a form of
"новгород"; a form that only begins a longer key ("This" → "thi", "Farmers" → "farmer") is read on
into the words after it. What a word's forms come to is remembered where it does not depend on
the words after it, and each step of reading on by the words it reads.
"""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz import fuzz

from ..index import Index
from ..memo import BoundedMemo
from ..normalize import fold_key, normalize_name, translit_key
from ..vocab import MAJOR_KINDS, METROPOLIS, TOWN_LOCAL
from .affixes import Group
from .chars import SCRIPTS
from .elsewhere import written_as_elsewhere
from .language import Told
from .lookups import Lookups
from .raw import Raw
from .readon import ReadOn
from .standing import prominent
from .textscan import H_MORE, H_RULE, PyTextScan

__all__ = ["Forms"]

_MISS = object()
#: How alike a city's name in its own script, respelt in Latin letters, and its canonical name
#: must be to be that name ("odessa"/"odesa", "kharkov"/"kharkiv", "rostov"/"rostov-on-don"), not
#: another ("gorkii"/"nizhniy novgorod"): a ratio, or a ratio of the shorter within the longer.
_RESPELT, _RESPELT_PART = 75, 90


def cased(surface: str, form: str) -> str:
    """``form`` written with the surface's initial capital (a key is in lower case)."""
    return form[:1].upper() + form[1:] if surface[:1].isupper() else form


def _within_only(word: str, key: str, rules: Group) -> bool:
    """Is ``key`` made from ``word`` only by suffixes read inside a name of several words
    (:attr:`.Group.within`)? A form read here stands alone, as a name of one word: only a
    country's plural takes the ending so ("in den Niederlanden")."""
    if not rules.within:
        return False
    pairs = [(f, b) for f, b in rules.suffixes if word.endswith(f) and word[: len(word) - len(f)] + b == key]
    return bool(pairs) and all(pair in rules.within for pair in pairs)


def _within_ending(word: str, rules: Group) -> bool:
    """Does ``word`` end in a suffix ``rules`` read only inside a name of several words?"""
    low = word.lower()
    return any(low.endswith(form) for form, _ in rules.within if form)


class Forms:
    """Chooses the stored form of an inflected word (memoised per process)."""

    def __init__(
        self,
        index: Index,
        lookups: Lookups,
        groups: tuple[Group, ...],
        python: PyTextScan,
        spoken: Callable[[str], frozenset[int]],
    ) -> None:
        self.index = index
        self._spoken = spoken  # the countries (rows) that speak a language
        self.lookups = lookups
        self.groups = groups
        self.reading = ReadOn(index, groups, python)  # names of several words, read on from a form
        self._chosen: BoundedMemo[
            tuple[str, tuple[int, ...], tuple[int, ...]], tuple[str, int, tuple[int, ...]] | None
        ] = BoundedMemo()

    def always(self, hits: list[int], a: int, b: int) -> bool:
        """Is one of the form hits ``hits[a:b]`` of a group tried on words that are keys too?"""
        return any(self.groups[hits[k + 3] // H_RULE - 1].always for k in range(a, b, 4))

    def over(self, text: str, raw: Raw, hits: list[int], a: int, b: int, told: Told | None = None) -> Raw | None:
        """A case form of a country or the like over a minor place spelt like it ("Китая" is stored
        as a village, and is the genitive of "Китай", China), or over a spelling that answers
        nothing ("Японии" reaches Japan only through another language's letters, a reading the
        resolver declines, and is the genitive of "Япония"); of a prominent place, by the rules
        of a language read for its own names."""
        if self.lookups.major(raw.query) and self.lookups.get(raw.query).answer is not None:
            return None
        form = self.form(text, hits, a, b, len(text), told)
        if form is None:
            return None
        if self.lookups.major(form.query):
            return form
        # by the rules of a language read for its own names, a prominent place's form over a word
        # that answers no prominent place: "Gdańska" (Gdańsk's genitive) is an ordinary Polish word
        own = self.groups[form.group].own and self._prominent(form.query, own=self.groups[form.group])
        if not own:
            return None
        # ... and over a stored spelling of the same place, which is the form as a bare alias reads
        # it ("Lublina", Lublin's genitive, is stored untagged: a word of Polish, no name alone)
        same = self.lookups.get(raw.query).top_row == self.lookups.get(form.query).top_row
        return form if same or not self._prominent(raw.query, answered=True) else None

    def lasts_from(self, hits: list[int], a: int, b: int) -> int:
        """Where the hits among ``hits[a:b]`` that read a name on to an inflected last word begin
        (``b`` when there are none): the scan puts them after a word's other hits."""
        while b > a and hits[b - 2] < 0 and self.groups[hits[b - 1] // H_RULE - 1].last:
            b -= 4
        return b

    def last(self, text: str, hits: list[int], a: int, b: int, hi: int, told: Told) -> Raw | None:
        """The name of several words whose last word is inflected that a key of one word begins,
        from the hits ``hits[a:b]`` of groups that inflect a name's last word (:meth:`lasts_from`:
        "Baden" + "Württembergs"); ``None`` when the words after it make none. Read by the first
        group in whose language the name is ("Nya Zeelands" is Swedish, "Schleswig-Holsteins"
        German), else by a group that reads any name; never by one of a language the text is told
        not to be in."""
        s, e = hits[a], hits[a + 1]
        surface = text[s:e]
        read: list[tuple[int, str, int]] = []
        for k in range(a, b, 4):
            info = hits[k + 3]
            group = info // H_RULE - 1
            # read on where a word after it may take the ending, or where the word itself takes one
            # inside a name ("im Schwarzen Meer": the adjective's, "Meer" as stored)
            if not (self.reading.ending_ahead(text, e, hi, group) or _within_ending(surface, self.groups[group])):
                continue
            found = self.reading.read(text, e, hi, self.reading.head(surface, hits[k + 2], info), group)
            if found is not None and not (told.leading() and told.elsewhere(self.groups[group].readers)):
                read.append((group, *found))
        chosen = next((r for r in read if self._names(r[1], self.groups[r[0]])), None)
        chosen = chosen or next((r for r in read if not self.groups[r[0]].own), None)
        if chosen is None:
            return None
        group, key, end = chosen
        query = cased(surface, key)
        # of a place the group may reach, by a name that answers it: Spanish "Para Estados Unidos"
        # holds no German genitive of "Para Estado", a name of Pará that no answer gives
        if self.groups[group].base == "prominent" and not self._prominent(query, answered=True):
            return None
        if self.groups[group].span == "name":  # "마셜 제도" of "마셜 제도에서": the particle is no part of it
            end = self._name_end(text, s, end, key)
        return Raw(s, end, query, inflected=True, specific=True, group=group)

    def _names(self, key: str, rules: Group) -> bool:
        """Is ``key`` a name tagged with ``rules``' language?"""
        return self.reading.named_in(key, rules)

    def form(self, text: str, hits: list[int], a: int, b: int, hi: int, told: Told | None = None) -> Raw | None:
        """The inflected candidate from the form hits ``hits[a:b]`` of one word: a name of several
        words it begins ("Нижнем Новгороде"), else a form naming a prominent place, else the first;
        made by the rules of the text's language (``told``) where several languages make it
        ("Zagreba" is Serbo-Croatian and Slovenian for "of Zagreb")."""
        s, e = hits[a], hits[a + 1]
        surface = text[s:e]
        options = tuple(hits[a:b])
        found = None
        makers: tuple[int, ...] = ()  # the groups whose prepositions of place may stand before it
        before = _word_before(text, s)  # such a preposition, maybe
        for k in range(0, len(options), 4):
            info = options[k + 3]
            if info & H_MORE:  # the words after it decide
                group = info // H_RULE - 1
                read = self.reading.read(text, e, hi, self.reading.head(surface, options[k + 2], info), group)
                if read is not None:
                    found, makers = (*read, group), (group,)
                    break
        if found is None:
            # else a word's forms are the same wherever it stands: remembered by its rows and rules
            memo_key = (surface, options[2::4], options[3::4])
            chosen = self._chosen.get(memo_key, _MISS)  # one read: another thread may clear the memo
            if chosen is _MISS:
                chosen = self._chosen.put(memo_key, self._choose(surface, options))
            if not isinstance(chosen, tuple):
                return None
            group, makers = chosen[1], chosen[2]
            if told is not None and len(makers) > 1 and (leading := told.leading()):
                group = next((g for g in makers if not self.groups[g].readers.isdisjoint(leading)), group)
                makers = (group,)
            elif len(makers) > 1 and before:
                # a preposition of place says the language where the text does not ("v Mariboru"
                # is Slovenian, though Serbo-Croatian makes the form too)
                group = next((g for g in makers if before in self.groups[g].places), group)
            found = (chosen[0], e, group)
        query, end, group = found
        if self.groups[group].literal and surface.casefold() in self.groups[group].literal:
            return None  # a word the group reads as written: "Ostindien" is no part of India
        if end == e and self.groups[group].span == "name":
            end = self._name_end(text, s, e, query)
        # after a preposition of place of a language that makes the form
        specific = end > e or (bool(before) and any(before in self.groups[g].places for g in makers))
        return Raw(s, end, cased(surface, query), inflected=True, specific=specific, group=group)

    @staticmethod
    def _name_end(text: str, s: int, e: int, key: str) -> int:
        """Where the stored name ends in the word ``text[s:e]`` that it begins (a particle after it
        is no part of the mention), else the word's end."""
        n = len(key)
        return s + n if n < e - s and normalize_name(text[s : s + n]) == key else e

    def _choose(self, surface: str, options: tuple[int, ...]) -> tuple[str, int, tuple[int, ...]] | None:
        """The form of a word that names a prominent place, else the first that is a key; with the
        group that made it, the first of a language the form's key is a name in, and every group
        that makes it (the text's language picks among them: "Tarragonas" in German text is the
        German genitive, though Swedish, read for its own names, makes it too)."""
        names = self.index.keys.text
        made: dict[str, list[int]] = {}
        low = normalize_name(surface)
        # a language's own names first; only where they make no form, a city it writes as others do
        for of_language in (self._of_language, self._as_elsewhere):
            for k in range(0, len(options), 4):
                row, group = options[k + 2], options[k + 3] // H_RULE - 1
                rules = self.groups[group]
                if (
                    row >= 0
                    and not (rules.prefixed and not low.startswith(tuple(p for p, _ in rules.prefixes)))
                    and not low.endswith(rules.adjectives)
                    and not (
                        _within_only(low, names[row], rules) and not self.lookups.major(cased(surface, names[row]))
                    )
                    and of_language(row, rules)
                ):
                    made.setdefault(names[row], []).append(group)
            if made:
                break
        # a form two groups make is a language's that reads its own names ("Latvijas" is Latvian for
        # Latvia's, not the German genitive of "Latvija"), else one's whose language names the place
        # ("Norddeutschlands" is German, not Nordic), else the first's
        forms = {
            f: min(gs, key=lambda g: (not self.groups[g].own, not self._names(f, self.groups[g])))
            for f, gs in made.items()
        }
        if low in self.index.policy.ordinary or self._clitic_word(low, made):
            # an ordinary word read as a stem with an ending added ("виктор" as the genitive plural of
            # "Виктори", an untagged name of Victoria, BC) is the word: the ending is taken off a name
            # and it is read as a form only of a place as notable as a metropolis: Arabic "دولة"
            # ("state") respelt is Dhule, "كبيرا" ("big") "as Beira", "بمدينة" ("in the city of")
            # "in Mdina"; "بالقاهرة" is "in Cairo", "Калифорнии" of California. By the rules of a
            # language read for its own names, a form of a prominent place by its own name: a
            # language's frequent words hold the case forms of its places ("Krakowie", Greek "Κύπρο"
            # of "Κύπρος"), and its adjectives ("Biały Dom", the White House: "Biała" is a part of
            # Bielsko-Biała's name)
            kept: dict[str, int] = {}
            for f, g in forms.items():
                if self._own_reading(surface, f, g) or (
                    not (len(f) > len(low) and f.startswith(low))
                    and (self.lookups.notable(cased(surface, f)) or self._home_metropolis(cased(surface, f), g))
                ):
                    kept[f] = g
                # else another group that makes it, whose language is spoken there ("Bratislave"
                # is Serbo-Croatian's first, and Slovak for "in Bratislava")
                elif (other := next((h for h in made[f] if self._own_reading(surface, f, h)), -1)) >= 0:
                    kept[f] = other
            forms = kept
        # a country's form first, then a prominent place's by the rules of a language read for its
        # own names ("Budapesten" is Budapest by the Hungarian rules, not the German rule's
        # "Budapeste", Portuguese), then the first
        first = next((f for f in forms if self.lookups.major(cased(surface, f))), None)
        if first is None and len(forms) > 1:
            first = next(
                (f for f, g in forms.items() if self.groups[g].own and self._prominent(cased(surface, f))), None
            )
        form = first or next(iter(forms), None)
        if form is None:
            return None
        return form, forms[form], tuple(made[form])

    def _clitic_word(self, low: str, made: dict[str, list[int]]) -> bool:
        """Is ``low`` an ordinary word with a clitic before it, by the rules of a group that made a
        form of it (Arabic "كدولة", "as a state": ك and "دولة")?"""
        ordinary = self.index.policy.ordinary
        for group in {g for gs in made.values() for g in gs}:
            for form, base in self.groups[group].prefixes:
                if form and low.startswith(form) and base + low[len(form) :] in ordinary:
                    return True
        return False

    def _own_reading(self, surface: str, form: str, group: int) -> bool:
        """May a frequent word be read as ``form`` by ``group``, a language read for its own names?"""
        rules = self.groups[group]
        query = cased(surface, form)
        return rules.own and (self._prominent(query, own=rules) or self._home_town(query, rules))

    def _home_town(self, query: str, rules: Group) -> bool:
        """Is ``query`` the own name of a town of :data:`~toponym.vocab.TOWN_LOCAL` people where ``rules``'
        language is spoken? Its case forms are frequent words of the language because its news
        names the town ("Osijeku", "Mariboru"), as its name is (the build's audit keeps such a
        name a name)."""
        lookup = self.lookups.get(query)
        row = lookup.top_row
        if row < 0 or lookup.answer is None:
            return False
        places = self.index.places
        return (
            places.kind[row] == "city"
            and (places.population[row] or 0) >= TOWN_LOCAL
            and places.country[row] in self._spoken(rules.lang)
            and fold_key(places.name[row]) == fold_key(query)
        )

    def _home_metropolis(self, query: str, group: int) -> bool:
        """Is ``query``'s answer a metropolis where ``group``'s language is spoken, by its own name
        respelt? Such a name needs no language tag (the sources leave most cities' names in their
        own script untagged), and the case endings of "Одесса", "Казань" make frequent words
        because the cities are written of so often. A name that reads otherwise is another name,
        often a former one: "Горький" (Nizhny Novgorod until 1990), whose genitive names streets."""
        rules = self.groups[group]
        if rules.prefixes:  # a clitic before a word is no case ending: Arabic "بمدينة" is "in the city of"
            return False
        lookup = self.lookups.get(query)
        row = lookup.top_row
        if lookup.answer is None or row < 0:
            return False
        places = self.index.places
        if places.prominence[row] < METROPOLIS or places.country[row] not in self._spoken(rules.lang):
            return False
        respelt, own = translit_key(normalize_name(query)), translit_key(normalize_name(places.name[row]))
        return (
            respelt is not None
            and own is not None
            and (fuzz.ratio(respelt, own) >= _RESPELT or fuzz.partial_ratio(respelt, own) >= _RESPELT_PART)
        )

    def _prominent(self, query: str, answered: bool = False, own: Group | None = None) -> bool:
        """Does ``query`` name a prominent place first (``answered``: as its answer, not a stop)?
        With ``own``, a group's reading of an ordinary word: a country or the like, a metropolis,
        or a place where the language is spoken ("Onda", Serbo-Croatian "then", is no form of
        Ondo, Nigeria), by a name of the language, or in Latin letters by the place's own name."""
        lookup = self.lookups.get(query)
        row = lookup.top_row if not answered or lookup.answer is not None else -1
        if row < 0 or not prominent(self.index, row):
            return False
        if own is None:
            return True
        places = self.index.places
        near = places.kind[row] in MAJOR_KINDS or places.prominence[row] >= METROPOLIS
        if not near and places.country[row] not in self._spoken(own.lang):
            return False
        if own.script != SCRIPTS.index("Latin") or lookup.top is None or fold_key(places.name[row]) == fold_key(query):
            return True
        # the name as written, tagged with the language by any record of it ("Wisła" is the
        # Vistula's in Polish and in Dutch)
        names, matched = self.index.names, lookup.top.matched
        return any(
            names.text.equals(n, matched) and not names.languages(n).isdisjoint(own.names) for n in places.names_of(row)
        )

    def _of_language(self, row: int, group: Group) -> bool:
        """Is key ``row`` a name in ``group``'s language (see :attr:`.Group.own`)? A group that
        reads any name says yes. A country's untagged name is any language's ("Pole" is Poland in
        Afrikaans, not a Polish form of "Pola", fields)."""
        if not group.own:
            return True
        names, places = self.index.names, self.index.places
        spoken = self._spoken(group.lang)
        for n, _tier in self.index.keys.entries(row):
            tags = names.languages(n)
            if not tags.isdisjoint(group.names):
                return True
            place = names.place[n]
            if (
                "und" in tags
                and places.country[place] in spoken
                and places.kind[place] not in MAJOR_KINDS
                and self._named_so(place, self.index.keys.text[row], group)
            ):
                return True
        return False

    def _as_elsewhere(self, row: int, group: Group) -> bool:
        """Is key ``row`` a name :func:`.written_as_elsewhere` in ``group``'s language?"""
        names = self.index.names
        return group.own and any(
            written_as_elsewhere(self.index, names.place[n], n, group) for n, _tier in self.index.keys.entries(row)
        )

    def _named_so(self, place: int, key: str, group: Group) -> bool:
        """May an untagged name (key ``key``) of a place where ``group``'s language is spoken be
        that language's? Not where the language names the place otherwise: ציון ("Zion", "a
        mark") and שלם ("whole") are untagged names of Jerusalem, which Hebrew names ירושלים; Κρήτη
        is Crete's in the Greek "Περιφέρεια Κρήτης"."""
        names = self.index.names
        tagged = [m for m in self.index.places.names_of(place) if not names.languages(m).isdisjoint(group.names)]
        return not tagged or any(key in normalize_name(names.text[m]) for m in tagged)


def _word_before(text: str, s: int) -> str:
    """The short word (four letters at most, in lower case) right before ``text[s:]``, after a space;
    empty where there is none."""
    if s < 2 or text[s - 1] != " ":
        return ""
    k = s - 1
    while k > 0 and s - k <= 4 and text[k - 1].isalpha():
        k -= 1
    return text[k : s - 1].casefold() if k == 0 or not text[k - 1].isalnum() else ""
