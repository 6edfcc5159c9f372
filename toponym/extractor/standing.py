"""Which mentions may stand without support from other places of the text: the context-free
policy of :class:`~toponym.extractor.linking.Linker`'s first pass, by kind, population, name and
how the name is written."""

from __future__ import annotations

from collections.abc import Sequence

from ..charclass import KANA
from ..index import Index
from ..index.schema import TIER_NORMAL
from ..memo import BoundedMemo
from ..model import Match
from ..normalize import fold_key, normalize_name
from ..vocab import COUNTRY_KINDS, MAJOR_KINDS, MAJOR_LANGS, MAJOR_LANGUAGES, METROPOLIS, RENOWNED_CITY, word_lists
from .adjectives import EnglishNames
from .affixes import affixes
from .asking import given_first
from .caseless import Caseless
from .casing import token_key
from .chars import SCRIPTS
from .language import Told
from .raw import Raw, unworded
from .spelling import accents_dropped, is_own_name, letters_of
from .windows import Candidates
from .wordlists import descriptive

__all__ = ["CITY_ALONE", "Standing", "prominent"]

#: Scripts several languages with case rules write: there, a short text's words tell the language.
_SHARED_SCRIPTS = (_SCRIPT_LATIN := SCRIPTS.index("Latin"), SCRIPTS.index("Cyrillic"))

#: The people of a country whose first-level units are known by name: a micro-state's parishes and
#: councils (Liechtenstein's Eschen, Malta's local councils) are known as its villages are, and an
#: Arabic clitic or a German "-s" taken off a word must not reach them ("فاشن" is no form of Eschen).
_STATE_COUNTRY = 1_000_000
#: A single-word city needs this population to stand alone in text (geotext uses 15,000 and is
#: noisy; a city that small rarely appears without its region or country nearby).
CITY_ALONE = 100_000
#: A multi-word city name, or one after a preposition of place, is more specific: this
#: population is enough in a script with case ("à Kloten", "In Torshavn", "Le Locle", "à
#: Grindelwald"). Measured on the development sets: 2,000 gains in every language with case but
#: Russian and English, which stay as at 10,000; 1,000 costs Russian.
_CITY_ALONE_MULTI = 2_000
#: ... and one word such a phrase places ("nach Franzburg", "à Lungern", "the town of Roxbury") names
#: any town the index holds (1,000 people or more); not a name of several words: the villages "Prince
#: Charles" and "La Chambre" are as often a prince and a parliament. Measured on the development
#: sets: places gained in Dutch, French, German and English; a Russian river read as its village.
_CITY_ALONE_PLACED = 1_000
#: A segment of a script without spaces is specific by its segmentation only, and katakana writes
#: people's names as it writes towns' ("ウェブスター", Webster): more people are needed.
_CITY_ALONE_SEGMENT = 20_000
#: ... and through an untagged alias no other place bears (:meth:`Standing._untagged`); one that
#: another place bears too needs :data:`_CITY_ALONE_SHARED` ("Wagga": Wagga Wagga's, a Sudanese town's).
_CITY_ALONE_UNTAGGED, _CITY_ALONE_SHARED = 2_000, 20_000
#: ... and this many in a text written in a language of the town's country ("Zwickau" in German,
#: "Davos" in French, "Ieper" in Dutch): on the development sets 15,000 gains most in every
#: language, 10,000 costs Russian (its towns share surnames' forms, "Виноградов"); the town must
#: stand apart from capitalised words (see ``Linker.link``).
_CITY_HOME = 15_000


class Standing:
    """May a mention stand alone? (memoised per process, with the places each query names)."""

    def __init__(self, index: Index, english: EnglishNames) -> None:
        self.index = index
        self.english = english
        self._candidates: BoundedMemo[str, tuple[int, ...]] = BoundedMemo()
        self._town_words: BoundedMemo[str, frozenset[int]] = BoundedMemo()
        self._groups = affixes().groups
        self.caseless = Caseless(index)

    def alone(self, raw: Raw, match: Match, row: int, *, english: bool = True) -> bool:
        """May this mention stand without support from other places of the text?

        Countries, seas and the like may, unless the word is an ordinary word that is not their
        English name ("Here" and "End" are names of the UK and India in some language; "Chad",
        "Turkey", "Jordan" are the countries). Curated places may, unless ordinary words. Cities
        and subdivisions may when prominent (population, first-level subdivision, a coded unit
        below it named as a major language names it; not a side of a country, "Eastern Region")
        and not ordinary words (of English only where the text is not ``english``). Everything else
        ("Reading", "Union", "Set", a village named "Martin") needs a place of the text holding it."""
        place, kind, surface = match.place, match.place.kind, raw.query
        uncommon = raw.word and (not english or self.uncommon(surface))
        if len(match.matched) > 1 and match.matched.isupper() and letters_of(surface) != letters_of(match.matched):
            return False  # "Mac" is not "MAC" (an acronym of Macau); "U.K." is "U K"
        # the first word of a name of several is its short form ("Frankfurt" for Frankfurt am Main)
        own_name = is_own_name(surface, place.name, shortest=5, joins=" ")
        major, big = kind in MAJOR_KINDS, kind == "city" and (place.population or 0) >= METROPOLIS
        tag = match.lang.split("-")[0]
        # a metropolis stands on its own name though English has the word ("shanghai", "cologne");
        # so does a country on its name in a major language, spelt so with its capital and accents,
        # unless English has that very word ("Suède" is Sweden, "suede" the English word; English
        # text writes "Island", "Pole" and "Chili" as other things than Iceland, Poland and Chile)
        if raw.word and not (
            (big and own_name)
            # after a preposition of place, a town's name is the town though some language has the
            # word ("in Gent", "à Bâle", "in Homburg"), unless the word is a common one of English
            # where the text may be English ("in Reading", "in Nice"); so is a first-level unit's
            or (raw.specific and kind == "city" and (place.population or 0) >= _CITY_HOME and uncommon)
            or (raw.specific and kind == "subdivision" and self._first_level(row) and uncommon)
            or (major and (own_name or self.english.is_english(row, match.matched)))
            or (major and self._named_so(surface, match, tag))
        ):
            return False
        if match.method in ("folded", "transliterated") and surface.isascii() and not major:
            return False  # "Der" reaches Győr only as the Serbian "Đer": not without support
        dropped = match.method == "folded" and tag == "und" and accents_dropped(surface, match.matched)
        if dropped and not (major or raw.specific):
            return False  # "Kolína" (Czech, "of Kolín") is no Colina by its "Kolina"; "à Môtiers" is Motiers
        if match.method == "folded" and tag == "ja" and match.name_type == "short" and not major:
            # a Japanese short name reached through other Han characters: Chinese 国后 ("after ...
            # the country") folds to 国後, Kunashir (國後島, with the island's suffix, is a name)
            return False
        caseless = self.caseless
        if caseless.word_first(raw, major) and not raw.specific:
            return False  # 수단 is "means" before it is Sudan: a place of the text must hold it
        if raw.rank and not (major or big or caseless.frequent_because_named(match, row)):
            # a segment of a run without spaces that is an ordinary word of its language (ゴール
            # "goal", プレー "play", 南部 "the south") names a lesser place only with support
            return False
        if (
            kind in ("city", "subdivision")
            and not (raw.specific or place.curated)
            and given_first(self.index, surface, row)
        ):
            return False  # a given name first: "Diana said" is no region of Madagascar ("Victoria" is the state)
        if major:
            # a country's name in any tagged language stands ("Russland", "Giappone"); not a bulk
            # source's untagged alias, often a town's name ("Stanley" for the Falklands)
            return tag != "und" or own_name or place.curated or self.english.is_english(row, match.matched)
        # reviewed names with a language are trusted ("Kunashiri", ja-Latn), and so are names a
        # source tags with a language ("Milano", "Moskau"); a place reached through an untagged
        # bulk alternate ("Sam" for Damascus, "Doodah" for Wichita) needs support; so does a small one
        if place.curated and tag != "und":
            return True
        if surface.isascii() and not own_name and tag == "und":
            return self._untagged(raw, match, row, big)
        if place.curated:
            return True
        pop = place.population or 0
        if kind == "city":
            if raw.specific:
                several = _CITY_ALONE_MULTI if " " in surface else _CITY_ALONE_PLACED
                least = several if surface[:1].isupper() else _CITY_ALONE_SEGMENT
                return pop >= least or self._seat(raw, row)
            return pop >= CITY_ALONE or self._seat(raw, row)
        if kind == "subdivision":  # a side of a country ("EASTERN DIVISION" heads a table) needs it
            unit = raw.specific or self._first_level(row) or self._coded(surface, match, row, tag, own_name)
            return unit and not descriptive(surface) and (raw.specific or not caseless.worded_unit(surface, match, row))
        return raw.specific or pop >= CITY_ALONE

    def _untagged(self, raw: Raw, match: Match, row: int, big: bool) -> bool:
        """May a mention through an untagged alternate name stand alone? Only for a metropolis or a
        first-level region, and at a real word length ("Milano", "Peking", "Kamchatka"), not "Sam"
        for Damascus; or for the seat of a unit of its name."""
        place, surface = match.place, raw.query
        kind, pop = place.kind, place.population or 0
        if kind == "city" and self._seat(raw, row):
            return True
        # after a preposition of place, a town's exonym (untagged in the source: "à Brigue") stands too
        least = _CITY_ALONE_UNTAGGED if len(self.places(surface)) == 1 else _CITY_ALONE_SHARED
        town = kind == "city" and raw.specific and " " not in surface and pop >= least
        # a city of CITY_ALONE people stands by its exonym too, where that is no word or given
        # name of any language ("Salonique", "La Haya", "Osnabrueck", "Den Haag")
        exonym = kind == "city" and pop >= CITY_ALONE and len(surface) >= 6
        if exonym and normalize_name(surface) not in self.index.policy.no_fuzzy_words:
            return True
        unit = kind == "subdivision" and self.index.places.top_level(row)
        return (big or town or unit) and len(surface) >= 5

    def _first_level(self, row: int) -> bool:
        """A first-level unit a reader knows by name: one ISO 3166-2 lists, or of 100,000 people or
        more; not a parish of a territory ("Patrick", Isle of Man; "Warwick", Bermuda)."""
        places = self.index.places
        return places.top_level(row) and (places.iso_coded(row) or places.people[row] >= CITY_ALONE)

    @staticmethod
    def described(raw: Raw, match: Match) -> bool:
        """Is the unit ``match`` names written as its side of a country ("Eastern Region"), which
        stands only where its country or a place in it is named?"""
        return match.place.kind == "subdivision" and descriptive(raw.query)

    def home(self, raw: Raw, match: Match, row: int) -> int:
        """The country (row) of a town that stands alone in a text written in a language of that
        country, though not in any text (:data:`_CITY_HOME` people or more, its name as written,
        no word of any language, no case form); else ``-1``. :class:`~.language.Languages` tells
        the text's language."""
        place = match.place
        surface = raw.query
        if (
            place.kind != "city"
            or (place.population or 0) < _CITY_HOME
            or not self.town_like(raw)
            or raw.group >= 0
            or match.method not in ("exact", "normalized")
            or not surface[:1].isupper()
        ):
            return -1
        if not is_own_name(surface, place.name) and normalize_name(surface) in self.index.policy.no_fuzzy_words:
            # an alias that is a word or a given name ("Dort", German "there", for Dordrecht;
            # "Duran" for Eloy Alfaro) is no town of the text's country without support
            return -1
        return self.index.places.country[row]

    def home_words(self, raws: Sequence[Raw], told: Told, homes: frozenset[int]) -> Sequence[Raw]:
        """``raws``, an English word among them read as a town's own name in a text in the language
        of its country ("Gent" in Dutch: :meth:`town_word`); ``homes`` are the countries where a
        language that tells is spoken (a town elsewhere needs no look at the text's language)."""
        words = raws.words() if isinstance(raws, Candidates) else {r.query for r in raws if r.word}
        towns = {w: where for w in words if not (where := self.town_word(w)).isdisjoint(homes)}
        if not towns or told.language() in (None, "en"):  # the language is told only for such a word
            return raws
        home = told.homeland()
        found = {w for w, where in towns.items() if not where.isdisjoint(home)}
        if not found:
            return raws
        if isinstance(raws, Candidates):
            raws.unword(found)
            return raws
        return unworded(raws, found)

    def foreign_form(self, raw: Raw, match: Match, told: Told) -> bool:
        """Is ``raw`` a form by a language's rules (Polish "Warszawie"; German "Europas", in Latin
        letters) in a text told to be in another? There it is another word ("Marie" in French is no
        Polish form of Mara, "Gansus" in English no genitive of Gansu). Told in none (a short text),
        a language read for its own names needs a country or the like, or a common word of the
        language for a city of half a million or a place where it is spoken ("Byłem w Krakowie",
        "Schůzka se konala ve Washingtonu")."""
        if raw.group < 0:
            return False
        if not (group := self._groups[raw.group]).own:
            return group.script == _SCRIPT_LATIN and bool(told.leading()) and told.elsewhere(group.readers)
        if told.leading():
            return told.elsewhere(group.readers)
        places = self.index.places
        row = self.index.row_of(match.place.id)
        if places.kind[row] in MAJOR_KINDS or group.script not in _SHARED_SCRIPTS:
            return False  # a script of the language's own (Greek, Hebrew) tells it: "ביקר בחיפה"
        if not any(told.uses(lang) for lang in group.readers):
            return True
        return places.prominence[row] < RENOWNED_CITY and places.country[row] not in told.spoken(group.lang)

    def foreign(self, text: str, raw: Raw, match: Match, told: Told) -> bool:
        """Is ``raw`` a form of another language's than the text's (:meth:`foreign_form`), an
        English adjective in English text ("the Argentine bishop"), or a Chinese name of a place
        that Japanese names otherwise, in Japanese text (Japanese 東海 is the Tōkai region, not the
        East China Sea: :meth:`.Caseless.named_otherwise_in_japanese`)?"""
        row = self.index.row_of(match.place.id)
        if self.foreign_form(raw, match, told) or self._foreign_acronym(raw, match, told):
            return True
        if self.english.adjective_in_english(row, raw.query) and told.language() == "en":  # told on need
            return True
        return (
            (match.lang.startswith("zh") or match.lang == "und")
            and KANA.search(text) is not None
            and self.caseless.named_otherwise_in_japanese(match, row)
        )

    def side(self, raw: Raw, match: Match, told: Told) -> bool:
        """May a unit's name be a side's in a sports report: a county's ("Essex beat Kent"), or a
        state's named in its own language in English text ("Bayern Munich", "gave Bayern a lead":
        English says Bavaria)?"""
        if match.place.kind != "subdivision":
            return False
        row = self.index.row_of(match.place.id)
        if not self.index.places.top_level(row):
            return True
        return self.english.named_otherwise(row, raw.query) and "en" in told.leading()

    def _foreign_acronym(self, raw: Raw, match: Match, told: Told) -> bool:
        """Is ``raw`` an acronym of one language's, not English's, in a text told to be in another
        ("VS", Dutch for the United States, is "versus" in English; Portuguese "EUA" an emission
        allowance)? A language's acronym names its place in that language's text only."""
        surface = raw.query
        if len(surface) > 4 or not match.matched.isupper() or match.lang in ("en", "und", "zxx"):
            return False
        lang = told.language()
        if lang is None:
            return False
        # the place's names filed under the spelling's key, any case ("VAUD" is the French "Vaud")
        names, langs, row = self.index.names, frozenset((lang, "en")), self.index.row_of(match.place.id)
        return all(
            langs.isdisjoint(word_lists(names.languages(n)))
            for n, tier in self.index.keys.lookup(normalize_name(surface))
            if tier == TIER_NORMAL and names.place[n] == row
        )

    def named_in(self, name: str, langs: frozenset[str]) -> bool:
        """Is ``name`` a name tagged with one of ``langs`` of some place?"""
        names = self.index.names
        for n, _tier in self.index.keys.lookup(normalize_name(name)):
            if not langs.isdisjoint(names.languages(n)):
                return True
        return False

    def town_word(self, query: str) -> frozenset[int]:
        """The countries (rows) of the towns of :data:`_CITY_HOME` people or more whose own name
        is ``query``: in a text in a language of one of them, the English word is that town."""
        found = self._town_words.get(query)
        if found is None:
            places, names = self.index.places, self.index.names
            rows = (
                {names.place[n] for n, _tier in self.index.keys.lookup(normalize_name(query))}
                if query.isalpha()
                else ()
            )
            found = self._town_words.put(
                query,
                frozenset(
                    places.country[p]
                    for p in rows
                    if places.kind[p] == "city" and places.population[p] >= _CITY_HOME and places.name[p] == query
                ),
            )
        return found

    def town_like(self, raw: Raw) -> bool:
        """May the country a text is written from vouch for ``raw``? Not a word of some language
        ("Une Bulle a éclaté"), one the alias audit demotes ("Selon", "Martin"), nor a case form
        ("des Suisses" are the people): a country's many places vouch for none of its words."""
        return not raw.word and not raw.inflected and normalize_name(raw.query) not in self.index.policy.ordinary

    def uncommon(self, surface: str) -> bool:
        """Is ``surface`` no common word of English (where "Reading" and "Nice" are)?"""
        return fold_key(token_key(surface)) not in self.index.policy.common_words

    def _named_so(self, surface: str, match: Match, tag: str) -> bool:
        # written as a name is: with its capital, or all in capitals (case then tells nothing)
        spelt = match.method == "exact" or (match.method == "normalized" and surface.isupper())
        if not spelt or tag not in MAJOR_LANGS or not (surface[1:].islower() or surface.isupper()):
            return False
        return self.uncommon(surface)

    def _seat(self, raw: Raw, row: int) -> bool:
        """Is the city at ``row`` the seat of a coded subdivision that ``query`` also names, which
        contains it or lies beside it in one region (Neuchâtel, Badajoz; Florenz, Antwerpen)? A
        reader means one of the two; a text names the city alone. Only with a capital: without
        case the name may be a word (Arabic البيضاء, "white"), nor a case form ("реку Нарву", the
        river) but by the rules of a language read for its own names ("iz Kopra", of Koper)."""
        places = self.index.places
        form_ok = raw.group < 0 or self._groups[raw.group].own
        named = set(self.places(raw.query)) if raw.query[:1].isupper() and form_ok else set()
        around = {row, *self.index.ancestors(row)}
        return any(
            places.kind[a] == "subdivision" and places.iso_coded(a) and {a, places.parent[a]} & around for a in named
        )

    def _coded(self, surface: str, match: Match, row: int, tag: str, own_name: bool) -> bool:
        """A unit below the first level with an ISO 3166-2 code (a Spanish or Italian province, a
        French department: Guipúzcoa, Trient, Doubs) stands on its own name or its name in one of
        the major languages, spelt as a name. A name only a minor language's source gives it needs
        support: such sources give Serbian "Jon" for the Yonne and Lithuanian "Heras" for the Hérault,
        which are people's names in text."""
        return (
            self.index.places.iso_coded(row)
            and (own_name or tag in MAJOR_LANGUAGES)
            and match.method == "exact"
            and surface[:1].isupper()
            and surface[1:].islower()
        )

    def prominent(self, row: int) -> bool:
        """See :func:`prominent`."""
        return prominent(self.index, row)

    def countries(self, query: str) -> int:
        """How many countries ``query`` may name (unranked: most names need no ranking)."""
        kind = self.index.places.kind
        return sum(kind[r] in COUNTRY_KINDS for r in self.places(query))

    def places(self, query: str) -> tuple[int, ...]:
        """The places the keys of ``query`` name, as the resolver's cascade gathers them (its
        normalised and folded keys, else its transliterated key), unranked."""
        found = self._candidates.get(query)
        if found is None:
            place = self.index.names.place
            entries = self.index.keys.reach(query)
            found = self._candidates.put(query, tuple(dict.fromkeys(place[n] for n, _tier in entries)))
        return found


def prominent(index: Index, row: int) -> bool:
    """A place a reader may mean by its name alone: a country or the like, a first-level
    subdivision of a country of :data:`_STATE_COUNTRY` people or more, a city of
    :data:`CITY_ALONE` people or more, a curated place."""
    places = index.places
    kind = places.kind[row]
    if kind in MAJOR_KINDS or places.curated[row]:
        return True
    if kind == "subdivision":
        country = places.country[row]
        return places.top_level(row) and (country < 0 or places.people[country] >= _STATE_COUNTRY)
    return kind == "city" and places.population[row] >= CITY_ALONE
