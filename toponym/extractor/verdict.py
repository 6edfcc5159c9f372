"""The context-free verdict on a candidate mention (:meth:`Verdicts.first_pass`)."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..index import Index
from ..memo import BoundedMemo
from ..model import Match
from ..normalize import fold_key, normalize_name
from ..resolver import Resolver
from ..resolver.codes import code_shaped
from ..vocab import MAJOR_KINDS
from .affixes import affixes
from .chars import SCRIPTS
from .elsewhere import written_as_elsewhere
from .language import Languages, Told
from .lookups import Lookups
from .raw import Raw, Signature
from .standing import Standing
from .wordlists import load_lexicon

__all__ = ["FirstPass", "Verdicts", "abroad", "adjective_shaped", "below_country"]


_CYRILLIC = SCRIPTS.index("Cyrillic")
#: A Cyrillic name that ends in a vowel and "а" (Самоа, Гоа, Никарагуа): Russian does not decline it.
_INDECLINABLE = re.compile(r"[аеёиоуыэюя]а$")


@functools.cache
def _homonyms() -> frozenset[str]:
    """Names news gives firms or people before places (``lexicons/homonyms.toml``)."""
    return frozenset(load_lexicon("homonyms.toml")["names"])


class FirstPass(NamedTuple):
    """The context-free verdict on a candidate mention."""

    match: Match | None
    candidates: int
    """How many places the name may mean."""
    alone: bool
    """May it stand without support from other places of the text?"""
    explicit: tuple[int, ...]
    """The place it names, when it stands (for the text's context)."""
    expanded: tuple[int, ...]
    """... and the places below country level that contain it."""
    never: bool = False
    """Not a place whatever the text says (an adjective of a country's name)."""
    home: int = -1
    """The country of a town that stands in a text in its language (:meth:`.Standing.home`)."""
    described: bool = False
    """A unit named by its side of a country ("Eastern Region"): the country named supports it."""


def adjective_shaped(raw: Raw, first: FirstPass) -> bool:
    """May ``raw`` be a country's adjective (for ``demonyms=True``)? It names no place, as written."""
    return (first.never or first.match is None) and raw.group < 0


def abroad(raw: Raw, first: FirstPass, told: Told, lookups: Lookups, standing: Standing, index: Index) -> FirstPass:
    """``first``, or for a common English word after a preposition of place in a text told to be in
    another language, where it is no word, the verdict that it stands: "à Nice", "in Split" name the
    towns as "in Gent" does (in English, "in Reading" may be the word: :meth:`.Standing.alone` and
    the stop on the name hold it back). Not where the text may be English. Anywhere in such a text,
    a common English word is the name of a country or a first-level unit that the text's language
    writes so (:meth:`.Lookups.named_in`: Spanish "Gales", French "Canaries", German "Island")."""
    if first.never:
        return first
    if not raw.specific:
        if first.alone and first.match is not None:
            return first
        # written with its capital: a caseless script's word is no name so written (مدينة, "town")
        asked = (raw.word or first.match is None) and raw.group < 0 and raw.query[:1].isupper()
        langs = told.leading() if asked else ()
        named = None if "en" in langs else next(filter(None, (lookups.named_in(raw.query, x) for x in langs)), None)
        if named is None:
            return first
        row = index.row_of(named.place.id)
        return FirstPass(named, len(lookups.get(raw.query).rows), True, (row,), below_country(index, row))
    if first.match is not None:
        return first
    if raw.group >= 0:
        return _case_form(raw, first, lookups, index)
    if standing.uncommon(raw.query):
        return first  # no English word: its answer, or its want of one (a tie), stands
    if normalize_name(raw.query) in index.policy.function_words:
        return first  # one of the commonest words of some language: Dutch "Van" begins a surname
    leading = told.leading()
    if not leading or "en" in leading:
        return first
    lookup = lookups.get(raw.query)
    top, row = lookup.top, lookup.top_row
    if top is None or row < 0 or not standing.alone(raw, top, row, english=False):
        return first
    return FirstPass(top, len(lookup.rows), True, (row,), below_country(index, row))


def _case_form(raw: Raw, first: FirstPass, lookups: Lookups, index: Index) -> FirstPass:
    """``first``, or for a case form after its language's preposition of place that stands but gets
    no answer only because its name is a word (of English, or of some language: "u Splitu", "v
    Přerově"), the verdict that it names its first candidate: the ending and the preposition say it
    is that language's name of a place, as no word of English or of the language is inflected so and
    capitalised. Not a name a curated stop holds back, nor one several places share alike."""
    if not raw.inflected or not first.alone:
        return first  # a form the group may not read for this place (its ``_form_ok``) stays out
    lookup = lookups.get(raw.query)
    top, row = lookup.top, lookup.top_row
    if top is None or row < 0 or lookup.rows[0].tied or lookup.rows[0].cand.weak:
        return first
    policy, norm = index.policy, normalize_name(raw.query)
    folded = fold_key(norm)
    if folded in policy.stop or not (norm in policy.ordinary or folded in policy.common_words):
        return first
    return FirstPass(top, len(lookup.rows), True, (row,), below_country(index, row))


def below_country(index: Index, row: int) -> tuple[int, ...]:
    """The place at ``row`` and the places holding it, below country level: a mention's
    :attr:`FirstPass.expanded`."""
    kind = index.places.kind
    return tuple(dict.fromkeys(r for r in (row, *index.ancestors(row)) if r >= 0 and kind[r] not in MAJOR_KINDS))


class Verdicts:
    """The context-free verdict on each candidate mention, memoised per process: it depends on the
    candidate's signature only."""

    def __init__(
        self, index: Index, resolver: Resolver, lookups: Lookups, standing: Standing, languages: Languages
    ) -> None:
        self.index, self.resolver, self.lookups, self.standing = index, resolver, lookups, standing
        self.languages = languages
        self._first: BoundedMemo[Signature, FirstPass] = BoundedMemo()
        self._groups = affixes().groups

    def first_pass(self, raw: Raw, sig: Signature | None = None) -> FirstPass:
        """The context-free verdict on a raw mention (memoised: it depends on its signature only).

        The answer comes from the answers compiled at build time where they answer (no ranking);
        only a name without one (a tie, a stop, a key ranked at query time) is ranked now.
        """
        sig = raw.signature if sig is None else sig
        found = self._first.get(sig)
        if found is not None:
            return found
        if raw.word and raw.group < 0 and not raw.specific and not self.lookups.may_be_major(raw.query):
            # an ordinary word that names no country, sea or the like never stands alone (see
            # :meth:`.Standing.alone`) but after a preposition of place, whatever it names: no answer is
            # needed to say so
            return self._first.put(sig, FirstPass(None, 0, False, (), ()))
        # text is not read for codes: in prose "IT", "IN" and "OR" are words (text_lookup's answer)
        match: Match | None = (
            self.lookups.get(raw.query).answer if code_shaped(raw.query) else self.resolver.resolve(raw.query)
        )
        if (
            match is not None
            and match.place.kind == "city"
            and raw.word
            and not raw.specific
            and not self.standing.uncommon(raw.query)
        ):
            # a metropolis a common English word names ("Phoenix", "Queens") is the city in a
            # column, but in running text only after a preposition of place or where the text's
            # places settle it: "the Phoenix mission" is none
            match = None
        if match is not None:
            row = self.index.row_of(match.place.id)
            cand: Match | None = match
            cand_row, count = row, len(self.standing.places(raw.query)) or 1  # places of its key, unranked
        else:
            lookup = self.lookups.get(raw.query)
            cand, match = lookup.top, None if raw.word or raw.group >= 0 else self._over_word(raw)
            row, cand_row, count = lookup.top_row if match else -1, lookup.top_row, len(lookup.rows)
        if raw.group >= 0 and not self._form_ok(raw, cand, cand_row):
            return self._first.put(sig, FirstPass(None, count, False, (), ()))
        adjective = (
            cand is not None and cand.place.kind in MAJOR_KINDS and self.standing.english.adjective(cand_row, raw.query)
        )
        if cand is not None and (adjective or self.lookups.demonym(raw.query)):
            return self._first.put(sig, FirstPass(None, count, False, (), (), never=True))
        # a firm's or a person's name before a place's (lexicons/homonyms.toml) needs support
        alone = cand is not None and raw.query not in _homonyms() and self.standing.alone(raw, cand, cand_row)
        home = self.standing.home(raw, match, row) if match is not None and not alone else -1
        home = home if home in self.languages.homes else -1
        explicit: tuple[int, ...] = ()
        expanded: tuple[int, ...] = ()
        if match is not None and alone:
            explicit = (row,)
            # ambiguity is settled by specific evidence: "Atlanta" (in us-ga) settles "Georgia",
            # a bare country does not ("Ukraine" next to "Crimea" is no reason to override the
            # gazetteer's policy); countries named in the text count only in ``explicit``
            expanded = below_country(self.index, row)
        described = not alone and cand is not None and self.standing.described(raw, cand)
        return self._first.put(sig, FirstPass(match, count, alone, explicit, expanded, home=home, described=described))

    def _over_word(self, raw: Raw) -> Match | None:
        """The place a capitalised name that is also a frequent word names: a country or the like
        anywhere, a town where the text expects one (:meth:`.Lookups.town_over_word`)."""
        found = self.lookups.name_over_word(raw.query)
        return self.lookups.town_over_word(raw.query) if found is None and raw.specific else found

    def _form_ok(self, raw: Raw, match: Match | None, row: int) -> bool:
        """May an inflected form stand for this place? A rule group whose base is ``prominent``
        reads only names of prominent places (a clitic stripped off an ordinary Arabic word, a
        German "-s" off any word, would otherwise reach villages); and the name must be one of the
        group's language or of no language, or a city's untagged name in a country that speaks it
        ("Russias" is not the German genitive of the English "Russia"; "Berlins" is of Berlin's); a
        group read for its own names (:attr:`.Group.own`) takes a prominent place's untagged name
        that the language names some place by ("Berlinie": Polish names the Land "Berlin")."""
        group = self._groups[raw.group]
        if match is None or (group.base == "prominent" and not self.standing.prominent(row)):
            return False
        if group.kinds and self.index.places.kind[row] not in group.kinds:
            return False  # a direction compound names no part of a river ("Nordrhein")
        if group.script == _CYRILLIC and _INDECLINABLE.search(match.matched):
            return False  # a name in a vowel and "а" is not declined: "Самое главное" is no Samoa's
        if group.script != SCRIPTS.index("Latin"):
            return True  # a script of its own: the form is of that language's name
        names, places = self.index.names, self.index.places  # names compared in the table, not built
        spoken = places.kind[row] not in MAJOR_KINDS and places.country[row] in self.languages.spoken((group.lang,))
        named = group.own and self.standing.prominent(row) and self.standing.named_in(match.matched, group.names)
        home = named or (spoken and (group.own or places.kind[row] == "city"))
        for n in places.names_of(row):
            if names.text.equals(n, match.matched):
                tags = names.languages(n)
                if not tags.isdisjoint(group.names) or (tags == {"und"} and not group.own) or (home and "und" in tags):
                    return True
                if group.own and written_as_elsewhere(self.index, row, n, group):
                    return True  # "Londonban": Hungarian writes London as English does
        return False
