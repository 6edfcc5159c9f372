"""The resolver, as the extractor asks it: one memoised lookup per distinct query."""

from __future__ import annotations

from ..memo import BoundedMemo
from ..model import Match
from ..normalize import fold_key, normalize_name
from ..resolver import Lookup, Resolver
from ..vocab import MAJOR_KINDS, MAJOR_LANGS, METROPOLIS

__all__ = ["Lookups"]

#: Places named in every language by the common noun ("Welt", "world"): no name of theirs is read over a word.
_GENERIC = frozenset({"m49-001"})
_MISS = object()
#: The people of a town read over a frequent word where its text expects a town (:meth:`Lookups.town_over_word`).
TOWN_OVER_WORD = 15_000
#: The people of a first-level unit read over an English word in a text in a language that names
#: it so (:meth:`Lookups.named_in`): a smaller one's name is as often that language's word too
#: (Spanish "Occidental", Egypt's Gharbia, is "western"; German "Grad", a Slovenian municipality).
UNIT_NAMED_IN = 2_000_000


def _name_tags(match: Match) -> set[str]:
    """The languages (primary subtags) of the names of ``match``'s place spelt as it matched."""
    return {t.split("-")[0] for n in match.place.names if n.name == match.matched for t in (n.langs or (n.lang,))}


class Lookups:
    """Memoised :meth:`Resolver.text_lookup` and what the extractor derives from it."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self._memo: BoundedMemo[str, Lookup] = BoundedMemo()
        self._reach: BoundedMemo[str, frozenset[int]] = BoundedMemo()
        self._kinds = resolver.index.places.kind
        self._adjectives: BoundedMemo[str, Match | None] = BoundedMemo()
        self._named_in: BoundedMemo[tuple[str, str], Match | None] = BoundedMemo()

    def get(self, query: str) -> Lookup:
        """The bare answer for ``query``, and every candidate."""
        found = self._memo.get(query)
        if found is None:
            found = self._memo.put(query, self.resolver.text_lookup(query))
        return found

    def major(self, query: str) -> bool:
        """Is the first candidate of ``query`` a country, sea or the like?"""
        if query not in self._memo and not self.may_be_major(query):
            return False
        top = self.get(query).top
        return top is not None and top.place.kind in MAJOR_KINDS

    def may_be_major(self, query: str) -> bool:
        """Does a key of ``query`` name a country, sea or the like, or a metropolis? The candidates
        the resolver ranks are the places of these keys (its normalised and folded keys, else
        transliterated), so without one the first candidate is none: an inflected word's forms are
        settled without ranking them (most name no major place). A query no key matches may match
        fuzzily: maybe."""
        entries = self.resolver.index.keys.reach(query)
        return not entries or self.names_major(entries)

    def names_major(self, entries: list[tuple[int, int]]) -> bool:
        """Do any of these key entries (name row, tier) name a country, sea or the like, or a
        metropolis?"""
        index = self.resolver.index
        place, kinds, population = index.names.place, self._kinds, index.places.population
        return any(
            kinds[p] in MAJOR_KINDS or (kinds[p] == "city" and (population[p] or 0) >= METROPOLIS)
            for p in (place[n] for n, _tier in entries)
        )

    def notable(self, query: str) -> bool:
        """Does ``query`` name, as its first candidate, a country, sea or the like, or by a name in
        some language a curated place or one as prominent as a metropolis (a large first-level
        unit: California, Crimea)? Not by an untagged alias ("Совето" for Soweto)."""
        lookup = self.get(query)
        row, top = lookup.top_row, lookup.top
        if row < 0 or top is None:
            return False
        places = self.resolver.index.places
        if places.kind[row] in MAJOR_KINDS:
            return True
        notable = bool(places.curated[row]) or places.prominence[row] >= METROPOLIS
        return notable and top.lang.split("-")[0] != "und"

    def reach(self, query: str) -> frozenset[int]:
        """Rows of every candidate of ``query``, their countries and ancestors."""
        found = self._reach.get(query)
        if found is None:
            found = self._reach.put(query, self.resolver.reach(self.get(query)))
        return found

    def named_in(self, query: str, lang: str) -> Match | None:
        """The country, sea or the like, or the first-level unit of :data:`UNIT_NAMED_IN` people,
        that ``query`` names as written by a name tagged ``lang``, when a bare query of it answers
        that place: in a text in that language an English word so written is the name (Spanish
        "Gales" is Wales, French "Canaries" the Canary Islands, German "Island" Iceland). So is a
        metropolis's name that a bare query gets no answer for only because it is a frequent word
        of some language (Italian "Seul", Seoul; French "seul")."""
        found = self._named_in.get((query, lang), _MISS)
        if found is _MISS:
            found = self._named_in.put((query, lang), self._named_in_lang(query, lang))
        return found  # type: ignore[return-value]

    def _named_in_lang(self, query: str, lang: str) -> Match | None:
        lookup = self.get(query)
        answer, metropolis = lookup.answer, False
        if answer is None:
            answer = self._stopped_town(lookup, query, METROPOLIS)  # "a Seul": Seoul's Italian name, French "seul"
            metropolis = answer is not None
        if answer is None or answer.method != "exact":
            return None
        index, place = self.resolver.index, answer.place
        row = index.row_of(place.id)
        if not (
            metropolis
            or place.kind in MAJOR_KINDS
            or (
                place.kind == "subdivision"
                and index.places.top_level(row)
                and index.places.people[row] >= UNIT_NAMED_IN
            )
        ):
            return None
        return answer if lang in _name_tags(answer) else None

    def _stopped_town(self, lookup: Lookup, query: str, people: int) -> Match | None:
        """The city of ``people`` or more that ``lookup`` tops, where a bare query of ``query`` gets
        no answer only because it is a frequent word of some language (:meth:`_only_a_word`), no
        other place as likely; else ``None``."""
        top, rows = lookup.top, lookup.rows
        if lookup.answer is not None or top is None or not rows or rows[0].tied or not rows[0].stopped:
            return None
        if top.place.kind != "city" or (top.place.population or 0) < people or not self._only_a_word(query):
            return None
        return top

    def name_over_word(self, query: str) -> Match | None:
        """The country, sea or world region a capitalised ``query`` names in text although a bare
        query of it gets no answer only because it is a frequent word of some language: "Inde"
        (French, India) is Danish "inde" (inside), "Francia" (Spanish) Hungarian for French,
        "Großbritannien" a frequent German word for being the name. Written with its capital in
        running text, the name is the place, when a source gives it in a major language. An alias
        in a minor one (German "Ende" is a Franco-Provençal name of India), the world (German
        "Welt"), a curated stop ("Kongo": two countries) or a common English word ("china") stay
        unanswered."""
        if len(query) < 4 or not query[:1].isupper():
            return None
        lookup = self.get(query)
        top = lookup.top
        if lookup.answer is not None or top is None or top.place.kind not in MAJOR_KINDS:
            return None
        if not self._only_a_word(query) or top.place.id in _GENERIC:
            return None
        return top if _name_tags(top) & MAJOR_LANGS else None

    def town_over_word(self, query: str) -> Match | None:
        """The town of :data:`TOWN_OVER_WORD` people or more that a capitalised ``query`` names,
        written where a town is expected (after a preposition of place, "die Stadt"), although a
        bare query of it gets no answer only because it is a frequent word of some language other
        than English: "in Minden" (Hungarian "minden", all), "nach Füssen" (German "Füssen", feet)
        are the towns; the name must be the town's own name, or a metropolis's name in a major
        language ("a Seul", Italian and Portuguese for Seoul, French "seul"; Spanish "en Daca"), and
        no other place's as likely."""
        if len(query) < 4 or not query[:1].isupper() or query.isupper():
            return None
        top = self._stopped_town(self.get(query), query, TOWN_OVER_WORD)
        if top is None or top.method != "exact":
            return None
        own = top.matched == top.place.name
        tags = {t.split("-")[0] for t in top.lang.split(",") if t != "sr-Latn"}
        named = (top.place.population or 0) >= METROPOLIS and not tags.isdisjoint(MAJOR_LANGS)
        return top if own or named else None

    def _only_a_word(self, query: str) -> bool:
        """Is ``query`` held back as a frequent word of some language (not English's, not a curated stop)?"""
        policy = self.resolver.index.policy
        norm = normalize_name(query)
        folded = fold_key(norm)
        return norm in policy.ordinary and folded not in policy.stop and folded not in policy.common_words

    def demonym(self, query: str) -> bool:
        """Is ``query`` stored as a place's demonym ("German", "Dutch", "Chechen", "Texan")? Then in
        text it is the adjective or the people, also where a lesser place bears the word as its name
        (a parish of the Isle of Man is called German)."""
        names = self.resolver.index.names
        return any(names.type(n) == "demonym" for n, _tier in self.resolver.index.keys.lookup(normalize_name(query)))

    def adjective(self, query: str) -> Match | None:
        """The country, territory or part of the world ``query`` is the adjective of ("Russian",
        "South African", "European"), for ``extract(demonyms=True)``; not the people ("Russians"),
        and not a region's adjective, which is also a language's or a people's ("English",
        "Jewish")."""
        found = self._adjectives.get(query, _MISS)
        if found is _MISS:
            match = self.resolver.resolve(query, demonyms=True)
            if match is not None and (
                match.name_type != "demonym" or match.place.kind not in MAJOR_KINDS or _plural(match)
            ):
                match = None
            found = self._adjectives.put(query, match)
        return found  # type: ignore[return-value]


def _plural(match: Match) -> bool:
    """Is the demonym matched the plural of another of the place's ("Russians"; "Swiss" is not)?"""
    word = match.matched
    return word.endswith("s") and any(n.type == "demonym" and n.name == word[:-1] for n in match.place.names)
