"""Case forms → stored names: Russian endings replaced by nominative ones (``lexicons/ru.toml``).

A form is kept only when the result is a stored key: never a blind strip.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from ..normalize import fold_key
from .lexicon import Lexicon
from .wordlists import russian

__all__ = ["CYRILLIC", "nominative", "ru_forms"]

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: Word-form combinations tried for one phrase (the form as written is skipped).
_MAX_COMBINATIONS = 256


def ru_forms(token: str) -> list[str]:
    """Nominative candidates of a lower-case Russian word form (the form itself first)."""
    table = russian()
    out = [token]
    for ending, repl in table.endings:
        if token.endswith(ending) and len(token) - len(ending) >= table.min_stem:
            stem = token[: len(token) - len(ending)] if ending else token
            for r in repl:
                form = stem + r
                if form not in out:
                    out.append(form)
    return out


def nominative(words: list[str], lexicon: Lexicon, major: Callable[[str], bool]) -> str | None:
    """The stored key a phrase of (lower-case) Russian word forms stands for, or ``None``.

    Several nominatives may exist ("Китая": Китай the country, Китае some village): a form stored
    in Cyrillic beats one reached only by transliterating another language's name ("Пекине" is
    Пекин, not the Latvian "Pekina"); then the one naming a major place (``major``), then the
    first in ending order.
    """
    options = [ru_forms(w) if CYRILLIC.match(w) else [w] for w in words]
    hits: list[str] = []
    for combo in itertools.islice(itertools.product(*options), 1, _MAX_COMBINATIONS):
        key = " ".join(combo)
        if lexicon.has_key(key):
            hits.append(key)
    keys = lexicon.index.keys
    direct = [k for k in hits if k in keys or fold_key(k) in keys]
    for group in (direct, hits):
        found = next((k for k in group if major(k)), None)
        if found is not None:
            return found
    return direct[0] if direct else (hits[0] if hits else None)
