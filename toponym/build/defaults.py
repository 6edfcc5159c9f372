"""Compiled answers: what a bare query gets, ranked once at build time, so a query costs a lookup.

Every key is ranked as a bare query spelling it (with :mod:`toponym.resolver.ranking`, the same
pure functions queries use), and every stored name gets the answer a query spelling it exactly
gets. Keys whose answer depends on how the query is written (dictionary words and keys short
enough to be acronyms: "china" or "China", "us" or "US") stay :data:`RANK_AT_QUERY`. A key with no
cased letter (Han, Arabic, Hangul) has no such spellings: every query of it ranks alike.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from ..index import Index
from ..index.schema import (
    METHOD_EXACT,
    NO_ANSWER,
    NO_EXPLANATION,
    RANK_AT_QUERY,
    TIER_FOLDED,
    TIER_NORMAL,
    TIER_TRANSLIT,
    pack_entry,
)
from ..model import Explanation
from ..normalize import fold_key
from ..resolver.candidates import Query, gather
from ..resolver.hints import NO_HINTS
from ..resolver.ranking import rank
from ..vocab import NAME_TYPES

__all__ = ["Answers", "compile_answers"]

_TIER = {"normalized": TIER_NORMAL, "folded": TIER_FOLDED, "transliterated": TIER_TRANSLIT}
_Why = tuple[str, int, str | None]


@dataclass(slots=True)
class Answers:
    """The compiled answers of an index: sections, and the explanations they point into."""

    key_best: array[int]
    key_explain: array[int]
    name_answer: array[int]
    name_method: array[int]
    name_explain: array[int]
    explanations: list[_Why]

    def sections(self) -> dict[str, array[int]]:
        return {
            "key_best": self.key_best,
            "key_explain": self.key_explain,
            "name_answer": self.name_answer,
            "name_method": self.name_method,
            "name_explain": self.name_explain,
        }


_DEMONYM = NAME_TYPES.index("demonym")


def _case_free(key: str) -> bool:
    """Whether no query of ``key`` can be upper-, lower- or title-case, nor ASCII: then neither the
    acronym rule nor the English-word rules can tell two of its spellings apart."""
    return not key.isascii() and key.upper() == key.lower()


def _dotted_word(index: Index, row: int, key: str) -> bool:
    """Whether ``key`` is a word of some language filed for an abbreviation written with a dot."""
    if key not in index.policy.no_fuzzy_words:
        return False
    text = index.names.text
    return any(text[n].endswith(".") for n, _ in index.keys.entries(row))


def _why(e: Explanation) -> _Why:
    return e.rule, e.candidates, e.policy


def _rank_key(index: Index, key: str) -> tuple[int, _Why | None]:
    """(entry code or NO_ANSWER, explanation) of a bare query spelling ``key``."""
    q = Query.bare(key)
    rows = rank(index, q, gather(index, q), NO_HINTS)
    if not rows or rows[0].tied or rows[0].stopped:
        return NO_ANSWER, None
    c = rows[0].cand
    return pack_entry(c.name, _TIER[c.method]), _why(rows[0].explanation)


def _keys(index: Index, answers: Answers) -> None:
    words, ordinary = index.policy.words, index.policy.ordinary_keys
    text = index.keys.text
    interned = {why: i for i, why in enumerate(answers.explanations)}
    for row in range(len(index.keys)):
        key = text[row]
        # short keys may be acronyms, and words ("china", "İsland") be words or names, by the
        # query's case; an ordinary word's key by its accents (Spanish "se" is a word, "Sé" a name)
        if key in ordinary:
            continue
        if _dotted_word(index, row, key):
            continue  # "Calif." and "calif": the answer depends on the dot a query types
        if (len(key) > 3 and fold_key(key) not in words) or _case_free(key):
            best, why = _rank_key(index, key)
            answers.key_best[row] = best
            if why is not None:
                if why not in interned:
                    interned[why] = len(answers.explanations)
                    answers.explanations.append(why)
                answers.key_explain[row] = interned[why]


def _names(index: Index, answers: Answers) -> None:
    """The answer to a query spelling each stored name exactly: the key's compiled answer, in that
    very spelling when the answering place has it (an exact spelling beats a normalised one)."""
    keys, text, place_of, type_code = index.keys, index.names.text, index.names.place, index.names.type_code
    for k in range(len(keys)):
        best = answers.key_best[k]
        entries = keys.entries(k)
        for m, tier in entries:
            if tier != TIER_NORMAL:
                continue  # a name is filed unchanged under its normalised spelling: key k
            answers.name_explain[m] = answers.key_explain[k]
            if best < 0:
                answers.name_answer[m] = best
                continue
            n, method = keys.decode(best)
            spelled = text[m]
            if n == m or text.equals(n, spelled):
                method = METHOD_EXACT
            else:
                place = place_of[n]
                # a demonym answers no bare query ("Pakistani" is Pakistan's only by a hint)
                exact = [
                    e
                    for e, t in entries
                    if t == TIER_NORMAL
                    and place_of[e] == place
                    and type_code[e] != _DEMONYM
                    and text.equals(e, spelled)
                ]
                if exact:
                    n, method = exact[0], METHOD_EXACT
            answers.name_answer[m], answers.name_method[m] = n, method


def compile_answers(index: Index) -> Answers:
    """Rank every key and every stored spelling of ``index`` (whose own answers are ignored)."""
    n_keys, n_names = len(index.keys), len(index.names)
    answers = Answers(
        key_best=array("i", [RANK_AT_QUERY]) * n_keys,
        key_explain=array("H", [NO_EXPLANATION]) * n_keys,
        # a name that normalises to nothing is filed under no key: no query reaches a place by it
        name_answer=array("i", [NO_ANSWER]) * n_names,
        name_method=array("B", bytes(n_names)),
        name_explain=array("H", [NO_EXPLANATION]) * n_names,
        explanations=[("only", 0, None)],
    )
    _keys(index, answers)
    _names(index, answers)
    return answers
