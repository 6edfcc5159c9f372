"""Read a gazetteer folder (curated TOML, generated TSV, policy, word lists) into records with provenance.

Parsing only: every record keeps the ``file:line`` it came from so that :mod:`.validate` can
point at it. Nothing here judges whether the data is right. The digest covers every input file and
the code that turns them into an index, so a compiled index names exactly what it was built from.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import GazetteerError, Problem
from ..normalize import fold_key, normalize_name
from .curated import read_curated, read_source
from .generated import merge_generated, read_names_tsv, read_places_tsv
from .inputs import BUILD_CODE, build_code, candidate_files, digest_of, source_files
from .policy import read_policy
from .records import Policy, Prefer, Same, SourceName, SourcePlace, Sources, Stop, Words

__all__ = [
    "BUILD_CODE",
    "Policy",
    "Prefer",
    "Same",
    "SourceName",
    "SourcePlace",
    "Sources",
    "Stop",
    "Words",
    "build_code",
    "digest_of",
    "read_gazetteer",
    "read_words",
    "source_files",
]

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def read_gazetteer(root: str | Path, *, fold_words: bool = True) -> Sources:
    """Read a gazetteer folder: ``curated/*.toml``, ``generated/*.tsv``, ``policy.toml``, ``words/*.txt``.
    Without ``fold_words`` the word files are read and checked, not turned into keys (``validate``
    needs no keys, and folding a million words is most of its time)."""
    root = Path(root)
    if not root.is_dir():
        raise GazetteerError([Problem(str(root), 0, "not a directory: expected a gazetteer folder")])
    problems = [
        Problem(_rel(p, root), 0, "not a file (a folder, or a link to nothing): rename or remove it")
        for p in candidate_files(root)
        if not p.is_file()
    ]
    all_files = source_files(root)
    curated_files = [p for p in all_files if p.suffix == ".toml" and p.parent != root]
    generated_files = [p for p in all_files if p.suffix == ".tsv"]
    policy_file = root / "policy.toml"

    curated: list[SourcePlace] = []
    for path in curated_files:
        curated.extend(read_curated(path, _rel(path, root), problems))
    generated: list[SourcePlace] = []
    by_id: dict[str, SourcePlace] = {}
    for path in generated_files:
        if path.name.endswith(".places.tsv"):
            for place in read_places_tsv(path, _rel(path, root), problems):
                if place.id in by_id:
                    merge_generated(by_id[place.id], place)
                else:
                    by_id[place.id] = place
                    generated.append(place)
    for path in generated_files:
        if path.name.endswith(".names.tsv"):
            read_names_tsv(path, _rel(path, root), by_id, problems)
    policy = read_policy(policy_file, _rel(policy_file, root), problems) if policy_file.is_file() else Policy()
    words = read_words(root, problems, fold=fold_words)
    files = [_rel(p, root) for p in all_files]
    return Sources(
        curated,
        generated,
        policy,
        digest_of(root, all_files),
        digest_of(root, all_files, code=False),
        files,
        problems,
        words,
    )


def read_words(root: Path, problems: list[Problem] | None = None, *, fold: bool = True) -> Words:
    """Ordinary words from ``root/words/`` (see :class:`Words`); a file that cannot be read is a
    problem in ``problems``. Without ``fold``, the files are only read and checked."""
    problems = [] if problems is None else problems
    words: set[str] = set()
    common: set[str] = set()
    proper: set[str] = set()
    elsewhere: set[str] = set()
    given: set[str] = set()
    surnames: set[str] = set()
    frequent: dict[str, tuple[str, ...]] = {}
    for path in sorted(p for p in (root / "words").glob("*.txt") if p.is_file()):
        rel = _rel(path, root)
        text = read_source(path, rel, problems) or ""
        for lineno, line in enumerate(text.split("\n") if _CONTROL.search(text.replace("\r\n", "")) else (), 1):
            if _CONTROL.search(line.rstrip("\r")):
                problems.append(
                    Problem(rel, lineno, "a word holds a tab or another control character: one word a line")
                )
        if not fold:
            continue
        norms = [normalize_name(line) for line in text.splitlines() if line and not line.startswith("#")]
        if path.name.endswith(".frequent.txt"):
            # accents kept: Spanish "se" is a word, "Sé" (a district of São Paulo) a name
            frequent[path.name.removesuffix(".frequent.txt")] = tuple(dict.fromkeys(w for w in norms if w))
            continue
        keys = [fold_key(w) for w in norms]
        if path.name.endswith(".elsewhere.txt"):
            elsewhere.update(keys)
            continue
        if path.name.endswith(".given.txt"):
            given.update(keys)
            continue
        if path.name.endswith(".surnames.txt"):
            surnames.update(keys)
            continue
        (proper if path.name.endswith(".proper.txt") else words).update(keys)
        if path.name.endswith(".common.txt"):
            common.update(keys)
    # a given name typed is a person's, no typo of a place's name ("Melita" is no Malita)
    no_fuzzy = proper | words | given | {fold_key(w) for ranked in frequent.values() for w in ranked}
    return Words(
        frozenset(words),
        frozenset(common),
        frozenset(no_fuzzy),
        frozenset(elsewhere),
        frequent,
        _table(root / "words" / "territory-languages.tsv", root, problems),
        _table(root / "words" / "area-codes.tsv", root, problems),
        frozenset(k for k in given - common if len(k) > 2),  # see Words.given
        frozenset(surnames),
    )


def _table(path: Path, root: Path, problems: list[Problem]) -> dict[str, tuple[str, ...]]:
    """A two-column table of ``words/`` (a key, a tab, values joined by commas); none if absent."""
    out: dict[str, tuple[str, ...]] = {}
    if path.is_file():
        for line in (read_source(path, _rel(path, root), problems) or "").splitlines():
            if line and not line.startswith("#") and "\t" in line:
                key, values = line.split("\t", 1)
                out[key] = tuple(values.split(","))
    return out


def _rel(path: Path, root: Path) -> str:
    return (root.name + "/" + path.relative_to(root).as_posix()) if root.name else str(path)
