"""Overlays: your own places and names on top of a compiled index (docs/extending.md).

The index an overlay compiles to must be the one a full build of the same records makes: every
section alike but the numbering of explanations (held to the same meaning) and the hash tables
(held to the same lookups).
"""

from __future__ import annotations

import pickle
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from toponym import Gazetteer
from toponym.build import compile_gazetteer, compile_overlay
from toponym.cli import main
from toponym.errors import GazetteerError
from toponym.index import Index
from toponym.index.format import read
from toponym.index.schema import SECTIONS

from ..conftest import FIXTURE

PLACES = """\
[[place]]
id = "acme-harbour"
kind = "city"
name = "Zzyzx Harbour"
parent = "ru-sak"
population = 900
lat = 43.8
lon = 146.8
part_of = ["southern-kurils"]
codes = { wikidata = "Q999999901" }
examples = ["Zzyzx Harbour", "Гавань Зизикс"]
names = [
  { name = "Гавань Зизикс", lang = "ru", perspective = "ru" },
  { name = "Zizix", lang = "en", type = "colloquial" },
  { name = "Zyzzx Hrbr", lang = "en", type = "misspelling" },
  { name = "Zizix-ko", lang = "ja-Latn", display = true },
]

[[place]]
id = "acme-ward"
kind = "subdivision"
name = "Acme Ward"
parent = "ru"
names = [{ name = "Акме", lang = "ru" }]

[[place]]
id = "acme-ward-town"
kind = "city"
name = "Wardtown"
parent = "acme-ward"
population = 40000
names = [{ name = "Springfield", lang = "en", type = "former" }]
"""

POLICY = """
[[prefer]]
name = "Springfield"
place = "acme-ward-town"
reason = "Our records mean our town."
"""

ALIASES = [
    '  { name = "Sikotan-zima", lang = "ja-Latn", type = "romanization" },',
    '  { name = "Shikotan Island", lang = "en" },',
]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Index:
    return compile_gazetteer(FIXTURE, tmp_path_factory.mktemp("base") / "base.bin")


def _overlay(folder: Path, places: str, aliases: list[str], policy: str) -> Path:
    path = folder / "mine.toml"
    alias = '\n[[place]]\nid = "shikotan"\nnames = [\n' + "\n".join(aliases) + "\n]\n"
    path.write_text(places + alias + policy, encoding="utf-8")
    return path


def _full(root: Path, places: str, aliases: list[str], policy: str) -> Index:
    """The same records in the gazetteer itself: the new places a curated file, the names in the
    island's record, the preference in policy.toml."""
    shutil.copytree(FIXTURE, root)
    (root / "curated" / "mine.toml").write_text(places, encoding="utf-8")
    kurils = root / "curated" / "kurils.toml"
    text = kurils.read_text(encoding="utf-8")
    at = text.index("names = [", text.index('id = "shikotan"')) + len("names = [")
    kurils.write_text(text[:at] + "\n" + "\n".join(aliases) + text[at:], encoding="utf-8")
    with (root / "policy.toml").open("a", encoding="utf-8") as f:
        f.write(policy)
    return compile_gazetteer(root)


@pytest.fixture(scope="module")
def overlay_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _overlay(tmp_path_factory.mktemp("overlay"), PLACES, ALIASES, POLICY)


@pytest.fixture(scope="module")
def patched(base: Index, overlay_file: Path) -> Index:
    return compile_overlay(base, [overlay_file])


# the first grows the hash table of the names (built afresh), the second not (its slots are moved);
# "Lima" is the name of other places already (a string table finds it at its first row)
CASES = [(PLACES, ALIASES, POLICY), ("", ['  { name = "Lima", lang = "en", type = "colloquial" },'], "")]


@pytest.mark.parametrize("case", range(len(CASES)))
def test_an_overlay_compiles_to_what_a_full_build_makes(base: Index, tmp_path: Path, case: int) -> None:
    full = _full(tmp_path / "gazetteer", *CASES[case])
    patched = compile_overlay(base, [_overlay(tmp_path, *CASES[case])])
    meta_a, parts_a, _ = read(full.to_bytes(), "full")
    meta_b, parts_b, _ = read(patched.to_bytes(), "patched")
    for s in SECTIONS:
        if s.name.endswith(("_slots", "_explain")) or s.name in ("name_lang", "name_persp"):
            continue
        assert bytes(parts_a[s.name]) == bytes(parts_b[s.name]), s.name
    for field in ("place_curated", "place_part_of",
                  "place_display", "display_tags", "prefer", "stop", "perspective_alias", "id_alias", "ranking"):  # fmt: skip
        assert getattr(meta_a, field) == getattr(meta_b, field), field
    # tags and perspectives are numbered in order of first use: compare them as each name has them
    assert [full.names.tags(n) for n in range(len(full.names))] == [
        patched.names.tags(n) for n in range(len(patched.names))
    ]
    assert [full.names.perspectives[full.names.persp[n]] for n in range(len(full.names))] == [
        patched.names.perspectives[patched.names.persp[n]] for n in range(len(patched.names))
    ]
    for table_a, table_b in ((full.names, patched.names), (full.keys, patched.keys)):
        strings = list(table_a.text)
        assert [table_a.text.row_of(s) for s in strings] == [table_b.text.row_of(s) for s in strings]
    assert [full.explanations[e] for e in full.keys.explain] == [patched.explanations[e] for e in patched.keys.explain]
    assert [full.explanations[e] for e in full.names.explain] == [
        patched.explanations[e] for e in patched.names.explain
    ]


def test_the_overlay_resolves(patched: Index, base: Index) -> None:
    gz = Gazetteer(patched)
    assert gz.resolve("Sikotan-zima").place.id == "shikotan"  # type: ignore[union-attr]
    assert gz.resolve("Zzyzx Harbor").place.id == "acme-harbour"  # type: ignore[union-attr]
    town = gz.get("acme-ward-town")
    assert (town.parent, town.country, [p.id for p in gz.ancestors(town)]) == ("acme-ward", "ru", ["acme-ward", "ru"])
    assert gz.resolve("Springfield").place.id == "acme-ward-town"  # type: ignore[union-attr]
    assert Gazetteer(base).resolve("Springfield") is None  # two towns of the base: ambiguous
    assert gz.get("Q999999901").id == "acme-harbour"
    assert "acme-harbour" in gz.get("southern-kurils").members
    assert gz.get("acme-harbour").name_for(lang="ja") == "Zizix-ko"


PROBLEMS = [
    ('[[place]]\nid = "acme-x"\nkind = "city"\nname = "X"\nparent = "atlantis"\n', 2, "unknown parent 'atlantis'"),
    ('[[place]]\nid = "shikotan"\nkind = "city"\nname = "X"\n', 2, "duplicate id 'shikotan': a place of the base"),
    ('[[place]]\nid = "acme-x"\nkind = "city"\nname = "X"\n\n[[place]]\nid = "acme-x"\nkind = "city"\nname = "Y"\n',
     7, "duplicate id 'acme-x' (first at"),
    ('[[place]]\nid = "acme-x"\nkind = "town"\nname = "X"\n', 2, "unknown kind 'town'"),
    ('[[place]]\nid = "acme-x"\nkind = "city"\nname = "X"\nnames = [\n  { name = "", lang = "en" },\n]\n', 6,
     "empty name"),
    ('[[place]]\nid = "shikotan"\nnames = [\n  { name = "Bad\\u0007", lang = "en" },\n]\n', 1, "control character"),
    ('[[place]]\nid = "shikotan"\nnames = [\n  { name = "Sikotan", lang = "english" },\n]\n', 4,
     "bad language tag 'english'"),
    ('[[place]]\nid = "shikotan"\nnames = [\n  { name = "Shokotan", lang = "en" },\n]\n', 4,
     "already has the name 'Shokotan'"),
    ('[[place]]\nid = "atlantis"\nnames = [{ name = "Atlantis", lang = "en" }]\n', 2, "unknown place 'atlantis'"),
    ('[[place]]\nid = "shikotan"\npopulation = 5\nnames = [{ name = "Sik", lang = "en" }]\n', 2,
     "holds only id, names, note and examples, not 'population'"),
    ('[[same]]\nplace = "jp"\nalso = "ru"\nreason = "no"\n', 1, "'same' is not allowed here"),
    ('place = "x"\n', 1, "place must be [[place]] tables"),
    ('place = [1, 2]\n', 1, "place must be [[place]] tables"),
    ('[[prefer]]\nname = "Lima"\nplace = "shikotan"\nreason = "why"\n', 1, "shikotan has no such name"),
    ('[[place]]\nid = "acme-x"\nkind = "city"\nname = "X"\ncodes = { wikidata = "Q17" }\n', 2,
     "code wikidata=Q17 is jp's already"),
    ('[[place]]\nid = "acme-x"\nkind = "city"\nname = "Xqzzy"\nexamples = ["Lima"]\n', 2,
     "example 'Lima' resolves to"),
    ('[[place]]\nid = "acme-x"\nkind = "city"\nname = "X"\nparent = "acme-y"\n\n[[place]]\nid = "acme-y"\n'
     'kind = "city"\nname = "Y"\nparent = "acme-x"\n', 2, "parent cycle"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "line", "message"), PROBLEMS)
def test_problems_are_reported_at_their_line(base: Index, tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError) as caught:
        compile_overlay(base, [path])
    assert any(p.line == line and message in p.message for p in caught.value.problems), str(caught.value)
    assert f"{path}:{line}: " in str(caught.value)


def test_every_problem_at_once(base: Index, tmp_path: Path) -> None:
    folder = tmp_path / "overlay"
    folder.mkdir()
    for i, (text, _, _) in enumerate(PROBLEMS[:6]):
        (folder / f"{i}.toml").write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError) as caught:
        compile_overlay(base, [folder])
    assert {p.file for p in caught.value.problems} == {f"overlay/{i}.toml" for i in range(6)}


def test_the_command_line(base: Index, overlay_file: Path, tmp_path: Path) -> None:
    base_file, out = tmp_path / "base.bin", tmp_path / "mine.bin"
    base.dump(base_file)
    runner = CliRunner()
    checked = runner.invoke(main, ["validate", "--base", str(base_file), str(overlay_file)])
    assert checked.exit_code == 0 and checked.output.startswith("ok: 3 new places, names for 1"), checked.output
    built = runner.invoke(main, ["compile", "--base", str(base_file), str(overlay_file), "-o", str(out)])
    assert built.exit_code == 0, built.output
    answered = runner.invoke(main, ["resolve", "--index", str(out), "Sikotan-zima"])
    assert answered.output.split("\t")[1] == "shikotan"
    bad = tmp_path / "bad.toml"
    bad.write_text(PROBLEMS[0][0], encoding="utf-8")
    failed = runner.invoke(main, ["compile", "--base", str(base_file), str(bad), "-o", str(out)])
    assert failed.exit_code == 1 and re.search(r"bad\.toml:2: acme-x: unknown parent 'atlantis'", failed.output)
    wrong = runner.invoke(main, ["compile", str(overlay_file), "-o", str(out)])
    assert wrong.exit_code == 2 and "needs --base" in wrong.output


def test_with_overlay_and_pickling(base: Index, overlay_file: Path, tmp_path: Path) -> None:
    gz = Gazetteer.with_overlay(overlay_file, base=Gazetteer(base))
    assert gz.resolve("Shikotan Island").place.id == "shikotan"  # type: ignore[union-attr]
    path = tmp_path / "mine.bin"
    gz.index.dump(path)
    again = pickle.loads(pickle.dumps(Gazetteer.load(path)))
    assert again.resolve("Zizix").place.id == "acme-harbour"  # type: ignore[union-attr]
