"""What a build reads: the input files of a gazetteer folder, in reading order, the modules whose
code decides what an index holds, and the digest over both.

Kept apart from the readers so that a source checkout can tell whether its index is current (see
:mod:`toponym.checkout`) without importing the build.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

__all__ = ["BUILD_CODE", "build_code", "candidate_files", "digest_of", "ordered_generated", "source_files"]

_PACKAGE = Path(__file__).resolve().parent.parent
#: The modules whose code decides what an index holds: their text is part of every digest.
BUILD_CODE = (
    "build/*.py",
    "index/schema.py",
    "index/format.py",
    "index/strings.py",
    "index/blocking.py",
    "resolver/candidates.py",
    "resolver/ranking.py",
    "normalize.py",
    "charclass.py",
    "surface.py",
    "vocab.py",
    "_han.py",
    "_unicode.py",
    # the extractor's table of sports results the build compiles into the index
    "extractor/results.py",
)


def candidate_files(root: Path) -> list[Path]:
    """Every path a gazetteer folder's inputs may be at, files or not, in reading order."""
    policy = root / "policy.toml"
    return [
        *sorted((root / "curated").glob("**/*.toml")),
        *ordered_generated(root / "generated"),
        *([policy] if policy.exists() or policy.is_symlink() else []),
        *sorted((root / "words").glob("*.txt")),
        *sorted((root / "words").glob("*.tsv")),
    ]


def ordered_generated(folder: Path) -> list[Path]:
    """Generated files in priority order: a ``# priority: N`` header, then the file name."""
    if not folder.is_dir():
        return []

    def priority(path: Path) -> tuple[int, str]:
        try:
            with path.open("rb") as f:
                for line in f:
                    if not line.startswith(b"#"):
                        break
                    m = re.match(rb"#\s*priority:\s*(-?\d+)", line)
                    if m:
                        return int(m.group(1)), path.name
        except OSError:
            pass  # read_gazetteer reports the file
        return 1000, path.name

    return sorted(folder.glob("*.tsv"), key=priority)


def source_files(root: Path) -> list[Path]:
    """Every input of a gazetteer folder, in reading order (generated files by priority); what is
    named like one but is no file (a folder, a link to nothing) is left to :func:`read_gazetteer`."""
    return [p for p in candidate_files(root) if p.is_file()]


def build_code() -> list[Path]:
    return sorted({p for pattern in BUILD_CODE for p in _PACKAGE.glob(pattern)})


def digest_of(root: Path, files: list[Path] | None = None, *, code: bool = True) -> str:
    """SHA-256 over the inputs of a gazetteer folder and (``code``) the text of the build code."""
    digest = hashlib.sha256()
    for path in source_files(root) if files is None else files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    for path in build_code() if code else ():
        digest.update(b"code:" + path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
