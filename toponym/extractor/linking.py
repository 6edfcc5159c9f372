"""Linking: which candidate mentions stand, and which place each names, with document context.

A first pass gives each distinct candidate its context-free answer and says whether it may stand
alone (:meth:`.standing.Standing.alone`); the places named by those that stand are the text's context. A
name that may not stand alone ("Reading", a village named "Martin") is kept only when a place of
the text contains it; an ambiguous one ("Georgia") is settled by the places around it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain

from ..index import Index
from ..memo import BoundedMemo
from ..model import Match, Mention
from ..resolver import Resolver
from ..resolver.context import peer_countries, shared_by_countries
from ..vocab import COUNTRY_KINDS
from .adjectives import EnglishNames
from .apart import NOUN_CAPITALS, article_before, compounding, in_compound, noun_after, set_apart
from .bodies import Bodies
from .casing import agency_dateline
from .enumeration import listed_support
from .language import Languages, Told
from .lookups import Lookups
from .otherwords import OtherWords
from .phones import AreaCodes
from .placed import Pin, Placer
from .raw import Raw, Signature, by_name, mention
from .setting import Regions, focus_of, supports, widened
from .sports import Teams
from .standing import Standing
from .units import UnitSaid
from .verdict import FirstPass, Verdicts, abroad, adjective_shaped, below_country
from .villages import as_word
from .windows import Candidates
from .wordlists import apposition

__all__ = ["Linker"]

#: Beyond a few mentions, more of the same says nothing new (and the context memo stays small).
_WEIGHT_CAP = 3.0
_MISS = object()
_ContextKey = tuple[str, bool, bool, tuple[tuple[int, float], ...], frozenset[int], frozenset[int]]


#: A stored abbreviation of one word with its dot ("Wis.", "Calif."): written without the dot (or
#: its token, " .", in tokenised text) it is another word.
_ABBREVIATION = re.compile(r"[^\W\d_]+\.")


class Linker:
    """Decides the mentions of one text from its candidates (memoised per process)."""

    def __init__(self, index: Index, resolver: Resolver, lookups: Lookups, languages: Languages) -> None:
        self.index = index
        self.resolver = resolver
        self.lookups = lookups
        self.standing = Standing(index, EnglishNames(index))
        self.languages = languages  # the scanner's: one table of languages for both
        self.other_words = OtherWords(index, languages)
        self.first_pass = Verdicts(index, resolver, lookups, self.standing, languages).first_pass
        self._reach: BoundedMemo[str, frozenset[int]] = BoundedMemo()
        self._countries: BoundedMemo[str, frozenset[int]] = BoundedMemo()
        self._context: BoundedMemo[_ContextKey, Match | None] = BoundedMemo()
        self.unit_said = UnitSaid(lookups)
        self.bodies = Bodies(index, lookups)
        self.area_codes = AreaCodes(index)
        self.placer = Placer(
            index,
            lookups,
            lambda query, rows: self._in_context(query, rows, {}, need_support=True, default=None, placed=True),
        )

    def reach(self, query: str) -> frozenset[int]:
        """Rows of every place ``query`` may name, their countries and ancestors: what can lend
        them support (as :meth:`Resolver.reach`, without ranking)."""
        if (found := self._reach.get(query)) is None:
            found = self._reach.put(query, frozenset(self.index.reach(self.standing.places(query))))
        return found

    def _shared(self, query: str) -> frozenset[int]:
        """The countries whose places lend ``query`` support: those it names alike, with no answer
        of its own (:func:`shared_by_countries`), or a country's and a state's of another when it
        names both ("Georgia": :func:`peer_countries`)."""
        found = self._countries.get(query)
        if found is None:
            found = frozenset()
            countries = self.standing.countries(query)  # unranked: most names need no ranking
            if countries > 1 or (countries and len(self.standing.places(query)) > 1):
                rows = self.lookups.get(query).rows
                found = shared_by_countries(self.index, rows) or peer_countries(self.index, rows)
            self._countries.put(query, found)
        return found

    def _regions(self, query: str) -> frozenset[int]:
        """Every place ``query`` may name and the regions that hold it, below country level."""
        kind = self.index.places.kind
        return frozenset(r for r in self.reach(query) if kind[r] not in COUNTRY_KINDS)

    def _in_context(
        self,
        query: str,
        context: dict[int, float],
        own: dict[int, float],
        *,
        need_support: bool,
        default: Match | None,
        placed: bool = False,
        implied: frozenset[int] = frozenset(),
        local: frozenset[int] = frozenset(),
    ) -> Match | None:
        """:meth:`Resolver.resolve_in_context`, memoised on the part of the context that matters.

        Only the weights of rows that ``query``'s candidates can reach change the answer (and, for
        a name countries share, of places in them), so a name repeated through a long text is
        ranked once per distinct relevant context. A name ``placed`` by the region written after
        it may be a village whatever word it spells ("Alfaro ( La Rioja )"; a surname too).
        """
        reach = self.reach(query)
        if shared := self._shared(query):
            country, kind = self.index.places.country, self.index.places.kind
            reach = reach.union(r for r in context if country[r] in shared or kind[r] in COUNTRY_KINDS)
        weights = ((r, min(_WEIGHT_CAP, context[r] - own.get(r, 0.0))) for r in reach.intersection(context))
        relevant = tuple(sorted(item for item in weights if item[1] > 0))
        if not relevant:
            return None if need_support else default
        near = local.intersection(reach) if local else local
        memo_key = (query, need_support, placed, relevant, implied.intersection(r for r, _ in relevant), near)
        known = self._context.get(memo_key, _MISS)  # one read: another thread may clear the memo
        if known is not _MISS:
            return known  # type: ignore[return-value]
        lookup = self.lookups.get(query)
        word, proper = (False, False) if placed else as_word(self.index, query, lookup.rows)
        found = self.resolver.resolve_in_context(
            lookup, dict(relevant), need_support=need_support, word=word, proper=proper, placed=placed,
            implied=memo_key[4], local=near,
        )  # fmt: skip
        return self._context.put(memo_key, found)

    def _passes(
        self, raws: Sequence[Raw], sigs: list[Signature] | None, text: str | None
    ) -> tuple[dict[Signature, FirstPass], dict[Signature, int], dict[int, float], dict[int, float]]:
        """The first pass of each distinct signature, how many mentions have it, and the text's
        explicit and expanded context (each place weighted by how many mentions name it, and by
        the local bodies of ``text`` when its context is read)."""
        counts: dict[Signature, int]
        if sigs is None:
            counts, firsts = raws.signatures()  # type: ignore[attr-defined]
        else:
            counts, firsts = {}, dict(zip(sigs, raws, strict=True))
            for sig in sigs:  # a text has a few dozen: a loop is cheaper than a Counter
                counts[sig] = counts.get(sig, 0) + 1
        explicit: dict[int, float] = {}  # places named in the text (by strong mentions)
        expanded: dict[int, float] = {}  # ... and everything that contains them
        passes = {}
        first_pass = self.first_pass
        for sig, raw in firsts.items():
            passes[sig] = found = first_pass(raw, sig)
            if found.explicit:
                weight = float(counts[sig])
                for row in found.explicit:
                    explicit[row] = explicit.get(row, 0.0) + weight
                for row in found.expanded:
                    expanded[row] = expanded.get(row, 0.0) + weight
        if text is not None:
            self._bodies(text, raws, passes, explicit, expanded)
        return passes, counts, explicit, expanded

    def link(
        self, text: str, raws: Sequence[Raw], use_context: bool, demonyms: bool = False, told: Told | None = None
    ) -> list[Mention]:
        """The mentions of ``text`` among its candidates ``raws``, each linked to a place; with
        ``demonyms`` a country's adjective names it too, without changing any other answer."""
        told = told or self.languages.teller(text)  # the text's language, told once on first need
        raws = self.standing.home_words(raws, told, self.languages.homes)
        # a long text's candidates are made as they are read: their signatures too
        sigs = None if isinstance(raws, Candidates) else [r.signature for r in raws]
        passes, counts, explicit, expanded = self._passes(raws, sigs, text if use_context else None)
        # a list lends support, which only a linker reading the text's context asks for
        listed = listed_support(text, raws, sigs, passes, self.index, told, self.reach) if use_context else {}
        times = by_name(counts)
        local, homed, named, countries = supports(self.index, explicit, expanded, told.homeland)
        ctx = (named, countries, expanded, Regions(self.index, explicit, expanded))
        # within one text the verdict depends on the first pass and the support only
        decided: dict[tuple[Signature, bool], Match | None] = {}
        between, teams = apposition(), Teams(text, told)
        out: list[Mention] = []
        settled: list[tuple[int, Raw, FirstPass, int]] = []  # mentions the text's focus settled
        held: set[int] = set()  # places of mentions kept on support, or placed by a region after them
        after = iter(zip(raws, sigs, strict=True) if sigs is not None else ((r, r.signature) for r in raws))
        nxt = next(after, None)
        pins: dict[str, Pin] = {}  # names the text places in a region ("Glasgow, Ky.")
        while nxt is not None:
            (raw, sig), nxt = nxt, next(after, None)
            first = abroad(raw, passes[sig], told, self.lookups, self.standing, self.index)  # "à Nice"
            # an adjective read on request; a name placed by the region after it ("Glasgow, Ky.")
            adjective = self.lookups.adjective(raw.query) if demonyms and adjective_shaped(raw, first) else None
            pin = None if adjective or first.never else self.placer.pinned(text, raw, first, nxt, passes, pins)
            if adjective is not None or pin is not None or first.never:
                found = adjective or (pin.match if pin is not None else None)
                if found is not None and not (found.place.kind == "city" and teams.club(raw.start, raw.end)):
                    if pin is not None:
                        held.add(self.index.row_of(found.place.id))
                    out.append(mention(text, raw, found))
                if pin is not None and pin.written is not None:  # its region's code: "Louisville, KY"
                    out.append(pin.written)
                    nxt = next((n for n in chain((nxt,), after) if n is None or n[0].start >= pin.written.end), None)
                continue
            first, lent = self._at_home(text, raw, first, told), listed.get(raw.start)
            support = homed if homed is not local and not first.alone and self.standing.town_like(raw) else local
            if first.described and named:
                support = {**support, **named}  # "In Ghana, the Eastern Region voted"
            if not first.alone:
                support = self._beside(text, raw, support, nxt, passes, between, lent)
                if not support or not use_context:
                    continue
            focused = first.alone  # settled by the text's focus, unless nothing could change it
            # the verdict is remembered for the text's own support or its home's, unless a list lends more
            key = (sig, support is local) if lent is None and (support is local or support is homed) else None
            if first.alone and not (
                use_context and (expanded or countries) and (first.match is None or first.candidates > 1)
            ):
                match, focused = first.match, False  # stands, and nothing in the text could change its answer
            elif key is not None and key in decided:
                match = decided[key]
            else:
                match = self._decide(raw, first, times[sig[0]], support, ctx, use_context, lent)
                if key is not None:
                    decided[key] = match
            if match is None and first.alone and first.match is None:
                match = self._dated(text, raw)
            if match is not None and (match := self._kept(text, raw, match, told, teams, pins, local)) is not None:
                if focused:
                    settled.append((len(out), raw, first, times[sig[0]]))
                elif not first.alone:
                    held.add(self.index.row_of(match.place.id))
                out.append(mention(text, raw, match))
        if settled and held and (wider := widened(self.index, held, expanded)) is not None:
            # the towns a region placed or the text supported settle a name read before them:
            # "an Edmonton woman ... a man from Clacton, Essex" is in England, not Alberta
            wide = (*ctx[:2], wider, Regions(self.index, explicit, wider))
            for i, raw, first, count in settled:
                again = self._decide(raw, first, count, local, wide, use_context)
                if again is not None and self._elsewhere(again, out[i].match):
                    again = self._kept(text, raw, again, told, teams, pins, local)
                    out[i] = out[i] if again is None else mention(text, raw, again)
        return out

    def _bodies(
        self,
        text: str,
        raws: Sequence[Raw],
        passes: dict[Signature, FirstPass],
        explicit: dict[int, float],
        expanded: dict[int, float],
    ) -> None:
        """Add to the text's context the places its local bodies are named after ("Enfield
        Council": where the text is set, though no mention; :class:`.Bodies`) and those its
        telephone numbers' area codes serve (:class:`.AreaCodes`)."""
        strong = {sig[0].casefold() for sig, found in passes.items() if found.explicit}
        bodies = self.bodies.places(text, raws, strong)
        for row, weight in chain(bodies.items(), self.area_codes.places(text).items()):
            explicit[row] = explicit.get(row, 0.0) + weight
            for r in below_country(self.index, row):  # as a mention's first pass expands it
                expanded[r] = expanded.get(r, 0.0) + weight

    def _beside(
        self,
        text: str,
        raw: Raw,
        support: dict[int, float],
        nxt: tuple[Raw, Signature] | None,
        passes: dict[Signature, FirstPass],
        between: re.Pattern[str],
        lent: dict[int, float] | None,
    ) -> dict[int, float]:
        """The support of a name that may not stand alone: only a place named in the text that
        contains it, one named below country level (``support``), or the place written right
        after it ("Nice, France"): any place that name may name and the regions holding it; in
        "Torremolinos ( Málaga )" the province (in Andalusia, where a source puts the town),
        though a bare "Málaga" is the city; not for a word ("Seaton Street, Edmonton" is no town
        of Street in England). Where none of these may hold it, what its list ``lent`` it."""
        beside = passes[nxt[1]].explicit if nxt is not None else ()
        if beside and nxt is not None and between.fullmatch(text, raw.end, nxt[0].start):
            beside = beside if raw.word else (*beside, *self._regions(nxt[0].query))
            support = {**support, **dict.fromkeys(beside, 1.0)}
        if lent is not None and self.reach(raw.query).isdisjoint(support):  # "Nantes, Vannes and Lorient"
            support = {**support, **lent}
        return support

    def _elsewhere(self, again: Match, first: Match) -> bool:
        """Is ``again`` in another country than ``first``? (Within one, the first answer stands.)"""
        country = self.index.places.country
        return country[self.index.row_of(again.place.id)] != country[self.index.row_of(first.place.id)]

    def _kept(
        self, text: str, raw: Raw, match: Match, told: Told, teams: Teams, pins: dict[str, Pin], near: dict[int, float]
    ) -> Match | None:
        """``match`` as the mention's answer: none for a club's city ("Boston Celtics", "el Valencia",
        "Milan's coach" in a sports report: :class:`.Teams`) or a county's side, in a compound word
        of a language that writes them, after an article a noun follows, a name of another
        language's (:meth:`.Standing.foreign`) or one that is a common word of the text's
        (:class:`.OtherWords`); the unit or town its words say."""
        if (in_compound(text, raw) and compounding(told.leading())) or self.standing.foreign(text, raw, match, told):
            return None
        if self.other_words.word(raw, match, told, text):
            return None  # Dutch "Indien" ("if"), German's India
        if (
            _ABBREVIATION.fullmatch(match.matched)
            and not raw.query.endswith(".")
            and not text.startswith((".", " ."), raw.end)
        ):
            return None  # an abbreviation without its dot: Dutch "Wis" ("wipe") is no "Wis.", Wisconsin
        if match.place.kind != "city":
            if self.standing.side(raw, match, told) and teams.club(raw.start, raw.end):
                return None  # "Essex beat Kent by an innings", "gave Bayern a two-goal cushion"
            return self.unit_said.town(text, raw, match, near) or match
        if teams.club(raw.start, raw.end):
            return None
        article = article_before(text, raw, self.index.policy.no_fuzzy_words)
        if article is not None and noun_after(article, told.leading()):
            return None
        unit = self.unit_said.unit(text, raw, match)
        if unit is not None:
            pins[raw.query.casefold()] = Pin(unit)
        return unit or match

    def _dated(self, text: str, raw: Raw) -> Match | None:
        """The likeliest place of a name that alone is a word or a tie, where an agency's dateline
        says it is a place ("Soria , 23 may ( EFE )", "León , 23 may"); else ``None``."""
        return self.lookups.get(raw.query).top if agency_dateline(text, raw.start, raw.end) else None

    def _at_home(self, text: str, raw: Raw, first: FirstPass, told: Told) -> FirstPass:
        """``first``, standing where it is a town of the text's homeland set apart from the words
        around it (:meth:`.Standing.home`)."""
        if first.home >= 0 and first.home in told.homeland() and set_apart(text, raw, told.language() in NOUN_CAPITALS):
            return first._replace(alone=True)
        return first

    def _decide(
        self,
        raw: Raw,
        first: FirstPass,
        count: int,
        support: dict[int, float],
        context: tuple[dict[int, float], dict[int, float], dict[int, float], Regions],
        use_context: bool,
        lent: dict[int, float] | None = None,
    ) -> Match | None:
        # a name lends its own first answer no support: all ``count`` of its mentions are taken
        # out of the context (three "London" in a text about Canada are not three votes for England)
        named, countries, expanded, known = context
        if first.never:
            return None
        if not first.alone:
            if not use_context or not support or self.reach(raw.query).isdisjoint(support):
                return None  # nothing named in the text could support it: skip the ranking
            # only a place named in the text that contains this one (or is it) lends support
            own = dict.fromkeys(first.explicit, float(count))
            return self._in_context(raw.query, support, own, need_support=True, default=None)
        if use_context and (first.match is None or first.candidates > 1):
            row = -1 if first.match is None else self.index.row_of(first.match.place.id)
            focus = focus_of(self.index, row, named, countries, expanded, query=raw.query)
            if focus and self._shared(raw.query):  # its peers among the other countries named ("Georgia")
                focus = {**{r: w for r, w in named.items() if r not in first.explicit}, **focus}
            if lent and row >= 0 and self.index.places.kind[row] not in COUNTRY_KINDS:
                # the places of its list weigh too: "Cantabria, La Rioja y Aragón" (a country stays one)
                focus = focus.copy()
                for r, w in lent.items():
                    focus[r] = focus.get(r, 0.0) + w
            if focus:  # the regions only the text's metropolises imply weigh less (:func:`.context.supported`)
                own = dict.fromkeys(first.expanded, float(count))
                unnamed, local = known.implied(), known.local()
                return self._in_context(
                    raw.query, focus, own, need_support=False, default=first.match, implied=unnamed, local=local
                )
        return first.match
