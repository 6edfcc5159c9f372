"""Malformed gazetteer folders, made from the fixture: each must give problems as file:line.

:func:`variants` yields (what was done, a function that does it to a copy of the fixture folder):
every value of the curated TOML, the policy and the ranking replaced by a value of each wrong type
(``place = "x"``, ``names = 3``, ``lat = "north"``, a table where a list belongs...), TSV rows cut,
widened and garbled, bytes that are not UTF-8 in every kind of file, a folder where a file belongs,
empty files, and random edits of the raw text. ``tests/unit/test_validate_fuzz.py`` runs them.
"""

from __future__ import annotations

import random
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

__all__ = ["WRONG_VALUES", "dump_toml", "variants"]

#: A value of every TOML type, and shapes that trip readers expecting another.
WRONG_VALUES: tuple[Any, ...] = (
    "x", "", 3, -1, 2**63 - 1, 1.5, float("nan"), float("inf"), True, [], ["x"], [1, 2], [{}], {}, {"a": 1},
    {"name": "x"}, [[1]], "\x00", "a\nb", "ñ" * 300,
)  # fmt: skip

Edit = Callable[[Path], None]


def _key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() and key.isascii() else _string(key)


def _string(value: str) -> str:
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return (
            "nan"
            if value != value
            else ("inf" if value > 0 else "-inf")
            if value in (float("inf"), -float("inf"))
            else repr(value)
        )
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"


def dump_toml(data: dict[str, Any]) -> str:
    """TOML for ``data``: each top-level list of tables as ``[[key]]`` blocks (so that readers find
    their lines), every other value inline."""

    def tables(value: Any) -> bool:
        return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)

    # inline values first: after a [[key]] header, a bare key would belong to that table
    lines = [f"{_key(key)} = {_value(value)}" for key, value in data.items() if not tables(value)]
    for key, value in data.items():
        if tables(value):
            for entry in value:
                lines += ["", f"[[{_key(key)}]]", *(f"{_key(k)} = {_value(v)}" for k, v in entry.items())]
    return "\n".join(lines) + "\n"


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value in nested dicts and lists (the lists' first two items only)."""
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data[:2]):
            yield from _paths(v, (*prefix, i))


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {k: _replaced(v, rest, value) if k == head else v for k, v in data.items()}
    return [_replaced(v, rest, value) if i == head else v for i, v in enumerate(data)]


def _toml_edits(rel: str, data: dict[str, Any], rng: random.Random) -> Iterator[tuple[str, Edit]]:
    for path in _paths(data):
        if not path:
            continue
        for value in rng.sample(WRONG_VALUES, 4):
            text = dump_toml(_replaced(data, path, value))

            def edit(root: Path, rel: str = rel, text: str = text) -> None:
                (root / rel).write_text(text, encoding="utf-8")

            yield f"{rel}: {'.'.join(map(str, path))} = {value!r}", edit


def _write(rel: str, raw: bytes) -> Edit:
    def edit(root: Path) -> None:
        (root / rel).write_bytes(raw)

    return edit


def _folder_for(rel: str) -> Edit:
    def edit(root: Path) -> None:
        (root / rel).unlink()
        (root / rel).mkdir()
        (root / rel / "inside.toml").write_text("x = 1\n", encoding="utf-8")

    return edit


def _tsv_edits(rel: str, raw: bytes, rng: random.Random) -> Iterator[tuple[str, Edit]]:
    lines = raw.split(b"\n")
    data_rows = [i for i, line in enumerate(lines) if line and not line.startswith(b"#")]
    for i in data_rows[:3]:
        cols = lines[i].split(b"\t")
        for what, row in (
            ("cut to one column", cols[0]),
            ("widened", lines[i] + b"\textra\tmore\tcolumns\there"),
            ("emptied", b"\t" * (len(cols) - 1)),
            ("a NUL", lines[i].replace(b"\t", b"\t\0", 1)),
            ("numbers garbled", b"\t".join(c if not c[:1].isdigit() and c[:1] != b"-" else b"1e999x" for c in cols)),
            ("codes garbled", b"\t".join(b"=;==;" if b"=" in c else c for c in cols)),
            ("a lone tab", b"\t"),
        ):
            yield f"{rel} line {i + 1} {what}", _write(rel, b"\n".join([*lines[:i], row, *lines[i + 1 :]]))
    for n in range(4):
        at = rng.randrange(len(raw))
        yield (
            f"{rel}: random bytes at {at} (#{n})",
            _write(rel, raw[:at] + rng.randbytes(rng.randrange(1, 9)) + raw[at:]),
        )


def variants(fixture: Path, seed: int = 3) -> Iterator[tuple[str, Edit]]:
    """Every malformed variant of the ``fixture`` folder, as an edit to apply to a copy of it."""
    rng = random.Random(seed)
    files = sorted(p.relative_to(fixture).as_posix() for p in fixture.rglob("*") if p.is_file())
    for rel in files:
        raw = (fixture / rel).read_bytes()
        yield f"{rel}: empty", _write(rel, b"")
        yield f"{rel}: not UTF-8", _write(rel, raw[: len(raw) // 2] + b"\xff\xfe\xc3" + raw[len(raw) // 2 :])
        yield f"{rel}: a BOM", _write(rel, b"\xef\xbb\xbf" + raw)
        yield f"{rel}: binary", _write(rel, bytes(range(256)) * 4)
        yield f"{rel}: a folder", _folder_for(rel)
        if rel.endswith(".toml"):
            data = tomllib.loads(raw.decode("utf-8"))
            yield from _toml_edits(rel, data, rng)
            for key in data:
                for value in WRONG_VALUES[:8]:
                    yield f"{rel}: {key} = {value!r}", _write(rel, dump_toml({**data, key: value}).encode())
            yield f"{rel}: unknown top-level value", _write(rel, raw + b'\nextra = "x"\n')
        else:
            yield from _tsv_edits(rel, raw, rng)
        for n in range(3):
            at = rng.randrange(len(raw))
            cut = raw[:at] + raw[at + rng.randrange(1, 40) :]
            yield f"{rel}: a stretch deleted at {at} (#{n})", _write(rel, cut)
    yield "curated: a folder named .toml", _mkdir("curated/more.toml")
    yield "generated: a folder named .tsv", _mkdir("generated/more.places.tsv")
    yield "words: a folder named .txt", _mkdir("words/more.txt")
    yield "policy.toml: a folder", _mkdir("policy.toml", replace=True)
    yield "curated: a dangling symbolic link", _symlink("curated/gone.toml", "nowhere.toml")
    yield "curated: a symbolic link loop", _symlink("curated/loop.toml", "loop.toml")


def _mkdir(rel: str, *, replace: bool = False) -> Edit:
    def edit(root: Path) -> None:
        if replace and (root / rel).exists():
            (root / rel).unlink()
        (root / rel).mkdir(parents=True)

    return edit


def _symlink(rel: str, target: str) -> Edit:
    def edit(root: Path) -> None:
        (root / rel).symlink_to(target)

    return edit
