from __future__ import annotations

from pathlib import Path

import pytest

from toponym import Gazetteer, IndexFormatError
from toponym.build import compile_gazetteer
from toponym.build.levels import _own_forms, _unaccented, _unqualified
from toponym.index import Index

from ..conftest import FIXTURE


def test_compile_is_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a.bin", tmp_path / "b.bin"
    compile_gazetteer(FIXTURE, a)
    compile_gazetteer(FIXTURE, b)
    assert a.read_bytes() == b.read_bytes()


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "i.bin"
    built = compile_gazetteer(FIXTURE, path)
    loaded = Index.load(path)
    assert loaded.places.ids.decode_rows() == built.places.ids.decode_rows()
    assert loaded.keys.text.decode_rows() == built.keys.text.decode_rows()
    assert loaded.to_bytes() == built.to_bytes()
    assert loaded.digest == built.digest and len(loaded.digest) == 64
    assert Gazetteer(loaded).resolve("Shokotan").place.id == "shikotan"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "content", [b"", b"not an index", b"TOPONYM-INDEX\n\x63\x00\x00\x00", b"TOPONYM-INDEX\n\x01\x00\x00\x00junk"]
)
def test_bad_index_files_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.bin"
    path.write_bytes(content)
    with pytest.raises(IndexFormatError, match="toponym compile"):
        Index.load(path)


def test_missing_index(tmp_path: Path) -> None:
    with pytest.raises(IndexFormatError, match="cannot read"):
        Index.load(tmp_path / "none.bin")


def test_curated_overrides_generated(fixture_gazetteer: Gazetteer) -> None:
    sak = fixture_gazetteer.get("ru-sak")
    assert sak.curated and sak.codes["iso3166_2"] == "RU-SAK"  # generated code kept
    assert "Сахалинская область" in {n.name for n in sak.names}  # curated name added


def test_groups_and_members(fixture_gazetteer: Gazetteer) -> None:
    group = fixture_gazetteer.get("southern-kurils")
    assert set(group.members) == {"shikotan", "kunashir"}
    assert fixture_gazetteer.get("kunashir").part_of == ("southern-kurils",)
    assert fixture_gazetteer.get("kunashir").country == "ru"


def test_format_of(tmp_path: Path, shipped: Gazetteer) -> None:
    """The header's format number, which a source checkout compares to decide on a rebuild."""
    from toponym.index import FORMAT, format_of

    assert format_of(shipped.index.source) == FORMAT
    other = tmp_path / "not-an-index.bin"
    other.write_bytes(b"PK\x03\x04 something else")
    assert format_of(other) is None


def test_the_meta_reads_back_as_it_was_written() -> None:
    """JSON has no tuples: the reader gives the meta back with the types the build wrote."""
    from dataclasses import fields

    from toponym.build.audit import apply, audit
    from toponym.build.defaults import compile_answers
    from toponym.build.merge import merge
    from toponym.build.sources import read_gazetteer
    from toponym.build.tables import build_tables
    from toponym.index.format import read, serialize

    sources = read_gazetteer(FIXTURE)
    places = merge(sources)
    checked = audit(places, sources.words)
    apply(places, checked)
    tables = build_tables(places, sources, checked.ordinary)
    answers = compile_answers(Index(serialize(tables)))
    tables.sections.update(answers.sections())
    tables.meta.explanations = answers.explanations
    meta = read(serialize(tables), "fixture")[0]
    for field in fields(meta):
        assert getattr(meta, field.name) == getattr(tables.meta, field.name), field.name


def test_validation_reads_the_word_files_without_folding_them(tmp_path: Path) -> None:
    """``validate`` skips turning words into keys, never the checks of the word files."""
    import shutil

    from toponym.build.sources import read_gazetteer

    root = tmp_path / "gz"
    shutil.copytree(FIXTURE, root)
    with (root / "words" / "en.common.txt").open("a", encoding="utf-8") as f:
        f.write("bad\tword\n")
    folded, checked = read_gazetteer(root), read_gazetteer(root, fold_words=False)
    assert [str(p) for p in checked.problems] == [str(p) for p in folded.problems]
    assert any("control character" in p.message and p.line > 0 for p in checked.problems)
    assert folded.words.dictionary and not checked.words.dictionary


def test_a_countrys_name_with_its_people_is_no_word_of_the_text_lexicon() -> None:
    """日本人 ("Japanese people") is a frequent word; filed as one, it hides 日本 from the scanner."""
    from toponym.build.textlex import text_sections

    def words(nations: frozenset[str]) -> set[str]:
        sections = text_sections(["日本"], {"ja": ("人", "日本人", "本人", "日本酒")}, nations)
        entries = bytes(sections["text_blob"]).decode("utf-8").split("\n")[:-1]
        return {e for e, rank in zip(entries, sections["text_rank"], strict=True) if rank}

    assert words(frozenset()) == {"人", "日本人", "本人", "日本酒"}
    assert words(frozenset({"日本"})) == {"人", "本人", "日本酒"}  # 本人 ("oneself") is no 本 + 人


def test_a_place_the_index_lacks_is_no_typo_of_one_it_carries(tmp_path: Path) -> None:
    """A name in ``words/*.elsewhere.txt`` is a real place of its own: never read as a typo, while
    the stored names and the other typos answer as before, and the list is no dictionary."""
    import shutil

    root = tmp_path / "gz"
    shutil.copytree(FIXTURE, root)
    before = Gazetteer(compile_gazetteer(root, tmp_path / "before.bin"))
    (root / "words" / "test.elsewhere.txt").write_text("# places elsewhere\nShikotam\n", encoding="utf-8")
    after = Gazetteer(compile_gazetteer(root, tmp_path / "after.bin"))
    typo = before.resolve("Shikotam")
    assert typo is not None and typo.place.id == "shikotan" and typo.method == "fuzzy"
    assert after.resolve("Shikotam") is None
    assert after.resolve("shikotam") is None
    for name in ("Shikotan", "Shokotan", "Shikotn", "Kunashro"):
        assert after.resolve(name) == before.resolve(name) is not None
    assert "shikotam" in after.index.policy.elsewhere and "shikotam" not in after.index.policy.words


def test_given_names_that_are_words_are_no_evidence(tmp_path: Path) -> None:
    """``words/*.given.txt`` holds given names; one that is among the commonest words ("Mark") or
    of two letters ("Ma") is left out, one that a dictionary has as a rarer word ("John") is kept;
    accents are folded ("Jesús" is the census's "JESUS"), and the list makes no dictionary word."""
    from toponym.build.sources import read_words

    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "en.common.txt").write_text("mark\n", encoding="utf-8")
    (tmp_path / "words" / "en.txt").write_text("john\nma\n", encoding="utf-8")
    (tmp_path / "words" / "en.given.txt").write_text("# given names\nMark\nJesus\nJohn\nMa\n", encoding="utf-8")
    words = read_words(tmp_path)
    assert words.given == {"jesus", "john"} and words.dictionary == {"mark", "john", "ma"}


def test_surnames_are_kept_though_words(tmp_path: Path) -> None:
    """``words/*.surnames.txt`` holds the commonest surnames, words of the dictionary or not
    ("Walker" is a walker too), folded; the list makes no dictionary word and no given name."""
    from toponym.build.sources import read_words

    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "en.common.txt").write_text("walker\n", encoding="utf-8")
    (tmp_path / "words" / "en.surnames.txt").write_text("# surnames\nWalker\nMüller\n", encoding="utf-8")
    words = read_words(tmp_path)
    assert words.surnames == {"walker", "muller"} and words.dictionary == {"walker"} and not words.given


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Halle (Saale)", "Halle"),
        ("Frankfurt am Main", "Frankfurt"),
        ("Neustadt an der Weinstraße", "Neustadt"),
        ("Freiburg im Breisgau", "Freiburg"),
        ("Newcastle upon Tyne", "Newcastle"),
        ("Stoke-on-Trent", "Stoke"),
        ("Boulogne-sur-Mer", "Boulogne"),
        ("Zürich (Kreis 11)", None),  # a district of Zürich, not Zürich
        ("Kalibo (poblacion)", None),  # no name in the bracket
        ("Madīnat an Naşr", None),  # an Arabic article, no preposition
        ("Aix-les-Bains", None),
        ("Los Angeles", None),
        ("Heroica Matamoros", "Matamoros"),  # an honorific Mexican official names begin with
        ("Heroica Ciudad de Tlaxiaco", "Ciudad de Tlaxiaco"),
        ("Heroica", None),
    ],
)
def test_the_short_form_of_a_town_s_name_is_without_its_qualifier(name: str, short: str | None) -> None:
    assert _unqualified(name) == short


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Gasteiz / Vitoria", ("Gasteiz", "Vitoria")),  # a name in Basque and in Spanish
        ("Donostia / San Sebastián", ("Donostia", "San Sebastián")),
        ("Halle (Saale)", ("Halle",)),
        ("Zürich (Kreis 4) / Aussersihl", ()),  # a district of Zürich
        ("Aliamanu / Salt Lakes / Foster Village", ()),  # three places counted as one
        ("Vitoria", ()),
    ],
)
def test_the_forms_a_town_s_own_name_takes_in_text(name: str, forms: tuple[str, ...]) -> None:
    assert _own_forms(name) == forms


@pytest.mark.parametrize(
    ("name", "own", "same"),
    [
        ("Belem", "Belém", True),
        ("Sao Paulo", "São Paulo", True),
        ("Belém", "Belém", False),  # the name itself, not a form of it
        ("Belen", "Belém", False),
        ("Moskva", "Москва", False),  # another script is a transliteration, not the name unaccented
    ],
)
def test_a_name_typed_without_its_accents(name: str, own: str, same: bool) -> None:
    assert _unaccented(name, own) is same
