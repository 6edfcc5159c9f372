"""Compiled answers: what a bare query gets, ranked once at build time, so a query costs a lookup.

Every key is ranked as a bare query spelling it (with :mod:`toponym.resolver.ranking`, the same
pure functions queries use), and every stored name gets the answer a query spelling it exactly
gets. Keys whose answer depends on how the query is written (dictionary words and keys short
enough to be acronyms: "china" or "China", "us" or "US") stay :data:`RANK_AT_QUERY`. A key with no
cased letter (Han, Arabic, Hangul) has no such spellings: every query of it ranks alike.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from ..index import Index
from ..index.schema import (
    METHOD_EXACT,
    METHOD_SPELLED,
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
from ..resolver.codes import code_shaped
from ..resolver.hints import NO_HINTS
from ..resolver.ranking import rank
from ..vocab import NAME_TYPES

__all__ = ["Answers", "compile_answers", "recompile_answers"]

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
    interned: dict[_Why, int] = field(default_factory=dict)
    """Each explanation's index in :attr:`explanations` (filled on first use)."""

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


def _keys(index: Index, answers: Answers, rows: Iterable[int]) -> None:
    words, ordinary = index.policy.words, index.policy.ordinary_keys
    text = index.keys.text
    for row in rows:
        key = text[row]
        answers.key_best[row], answers.key_explain[row] = RANK_AT_QUERY, NO_EXPLANATION
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
                answers.key_explain[row] = _intern(answers, why)


def _names(index: Index, answers: Answers, rows: Iterable[int]) -> None:
    """The answer to a query spelling each stored name exactly: the key's compiled answer, in that
    very spelling when the answering place has it (an exact spelling beats a normalised one)."""
    keys, text, place_of, type_code = index.keys, index.names.text, index.names.place, index.names.type_code
    for k in rows:
        best = answers.key_best[k]
        entries = keys.entries(k)
        for m, tier in entries:
            if tier != TIER_NORMAL:
                continue  # a name is filed unchanged under its normalised spelling: key k
            answers.name_explain[m] = answers.key_explain[k]
            if best < 0:
                answers.name_answer[m], answers.name_method[m] = best, 0
                if best == RANK_AT_QUERY:
                    _spelled(index, answers, m)
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


def _spelled(index: Index, answers: Answers, m: int) -> None:
    """Stored spelling ``m``, whose key ranks at query time, ranked as typed: a query spelling it
    exactly ("Orange", "Faro") then costs a lookup. Its answer is flagged :data:`METHOD_SPELLED`,
    for it is this spelling's only, not its key's. A spelling read as a code first ("LVA"), or
    one that reaches no stored name as typed (forms and fuzzy matching decide then), stays ranked
    at query time."""
    spelled = index.names.text[m]
    if code_shaped(spelled):
        return
    q = Query.of(spelled)
    cands = gather(index, q)
    if not cands:
        return
    rows = rank(index, q, cands, NO_HINTS, spelled.islower())
    if not rows or rows[0].tied or rows[0].stopped:
        answers.name_answer[m], answers.name_method[m] = NO_ANSWER, METHOD_SPELLED
        return
    top, e = rows[0], rows[0].explanation
    if Explanation(e.rule, e.candidates, e.policy) != e:
        return  # more than the compiled explanations hold
    method = METHOD_EXACT if top.cand.method == "exact" else _TIER[top.cand.method]
    answers.name_answer[m], answers.name_method[m] = top.cand.name, method | METHOD_SPELLED
    answers.name_explain[m] = _intern(answers, _why(e))


def _intern(answers: Answers, why: _Why) -> int:
    """The index of ``why`` among the compiled explanations, added when new."""
    interned = answers.interned
    if not interned:
        interned.update((w, i) for i, w in enumerate(answers.explanations))
    if why not in interned:
        interned[why] = len(answers.explanations)
        answers.explanations.append(why)
    return interned[why]


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
    _keys(index, answers, range(n_keys))
    _names(index, answers, range(n_keys))
    return answers


def recompile_answers(index: Index, answers: Answers, rows: Collection[int]) -> None:
    """Rank the keys ``rows`` of ``index`` again, and the names filed under them, into ``answers``
    (what an overlay does for the keys its names reach)."""
    ordered = sorted(rows)
    _keys(index, answers, ordered)
    _names(index, answers, ordered)
