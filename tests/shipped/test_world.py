"""World coverage, measured on the full shipped gazetteer (issue: world coverage; ambiguity as data).

Every test here runs against ``toponym.default_gazetteer()`` (the index compiled from gazetteer/)
and is marked ``world``: ``pytest -m world`` runs only these, ``-m "not world"`` skips them. The
figures are printed (``pytest -s``) and a shortfall fails with the measured figure and examples.
"""

from __future__ import annotations

import importlib.util
import random
import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from rapidfuzz.distance import OSA

from toponym import Gazetteer
from toponym.model import Match
from toponym.normalize import fold_key, normalize_name, script_of
from toponym.resolver.candidates import NO_FUZZY_SCRIPTS
from toponym.vocab import MAJOR_LANGUAGES

from ..conftest import SHIPPED

pytestmark = pytest.mark.world

GENERATED = SHIPPED / "generated"
CURATED = SHIPPED / "curated"
ROOT = SHIPPED.parent

MIN_PLACES = 40_000
# the alias audit drops ~28,000 short untagged aliases of small places (``toponym audit``)
MIN_NAMES = 575_000
COUNTRY_NAME_RECALL = 0.99
TYPO_RECALL = 0.95
# names whose typos are measured: 6,000 gave a recall that swung from 0.949 to 0.960 between seeds
# on one index, and any new name draws a new sample; 18,000 hold it within about 0.003
TYPO_SAMPLE = 18_000
CITY_PEOPLE = 100_000
TYPO_SEED = 20_240_601
COMMON_WORDS = 1_000
COMMON_WORD_ANSWER_RATE = 0.01


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def _key(name: str) -> str:
    return fold_key(normalize_name(name))


def _codes(field: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in field.split(";") if item)


# --- coverage counts and code invariants ---


def test_place_and_name_counts(shipped: Gazetteer) -> None:
    idx = shipped.index
    kinds = Counter(idx.places.kind)
    pairs = {(idx.names.place[n], idx.names.text[n]) for n in range(len(idx.names))}
    print(f"\nplaces {len(idx)}, distinct (place, name) pairs {len(pairs)}; per kind {dict(kinds.most_common())}")
    assert len(idx) >= MIN_PLACES
    assert len(pairs) >= MIN_NAMES
    assert kinds["city"] and kinds["subdivision"] and kinds["country"]


def test_every_iso_code_is_present_with_its_codes(shipped: Gazetteer) -> None:
    """Every ISO 3166-1/-2/-3 entry of the generated pycountry layer is in the index, codes intact."""
    iso_keys = ("iso3166_1_alpha2", "iso3166_1_alpha3", "iso3166_1_numeric", "iso3166_2", "iso3166_3")
    seen: Counter[str] = Counter()
    wrong: list[str] = []
    for pid, _kind, _name, _parent, _country, _pop, codes, *_point_groups in _tsv(GENERATED / "pycountry.places.tsv"):
        expected = {k: v for k, v in _codes(codes).items() if k in iso_keys}
        if not expected:
            continue
        seen.update(expected.keys())
        try:
            place = shipped.get(pid)
        except LookupError:
            wrong.append(f"{pid}: missing")
            continue
        got = {k: place.codes.get(k) for k in expected}
        if got != expected:
            wrong.append(f"{pid}: {got} != {expected}")
    print(f"\nISO codes checked: {dict(seen)}")
    assert seen["iso3166_1_alpha2"] == 249 and seen["iso3166_2"] > 5_000 and seen["iso3166_3"] > 0
    assert not wrong, wrong[:20]


def test_cities_carry_geonames_ids(shipped: Gazetteer) -> None:
    bad = []
    for place in shipped.places():
        if place.kind != "city":
            continue
        gid = place.codes.get("geonames", "")
        if not gid.isdigit() or (place.id.startswith("gn-") and place.id != f"gn-{gid}"):
            bad.append((place.id, gid))
    assert not bad, bad[:20]


def test_countries_and_territories_carry_wikidata_qids(shipped: Gazetteer) -> None:
    bad = [
        (p.id, p.codes.get("wikidata"))
        for p in shipped.places()
        if p.kind in ("country", "territory") and not re.fullmatch(r"Q[1-9][0-9]*", p.codes.get("wikidata", ""))
    ]
    assert not bad, bad


# --- country names from ISO and CLDR ---


def _country_name_pairs() -> tuple[list[tuple[str, str]], int]:
    """(country id, name) from ISO (pycountry) and CLDR (babel) for countries and territories, less
    the names those sources give to two or more of them; and the number of pairs left out."""
    kind: dict[str, str] = {}
    for source in ("pycountry", "babel"):
        for row in _tsv(GENERATED / f"{source}.places.tsv"):
            kind.setdefault(row[0], row[1])
    pairs: set[tuple[str, str]] = set()
    # a name the curated layer drops from a place (a source error, with a note) is not its name
    dropped = {(str(r["id"]), _key(str(n))) for r in _curated_records() for n in list(r.get("drop_names", []))}
    for source in ("pycountry", "babel"):
        for row in _tsv(GENERATED / f"{source}.names.tsv"):
            if kind.get(row[0]) in ("country", "territory") and (row[0], _key(row[1])) not in dropped:
                pairs.add((row[0], row[1]))
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for pid, name in pairs:
        owners[_key(name)].add(pid)
    kept = sorted((pid, name) for pid, name in pairs if len(owners[_key(name)]) == 1)
    return kept, len(pairs) - len(kept)


def test_iso_and_cldr_country_names_resolve_to_their_country(shipped: Gazetteer) -> None:
    pairs, shared = _country_name_pairs()
    failures = []
    for pid, name in pairs:
        m = shipped.resolve(name)
        if m is None or m.place.id != pid:
            failures.append((name, pid, m.place.id if m else None))
    recall = 1 - len(failures) / len(pairs)
    print(f"\nISO/CLDR country names: {len(pairs)} pairs ({shared} shared names left out), recall {recall:.4%}")
    for failure in failures:
        print("  name, expected, got:", failure)
    assert len(pairs) > 50_000
    assert recall >= COUNTRY_NAME_RECALL, failures[:50]


@pytest.fixture(scope="module")
def audit_drops() -> set[tuple[str, str]]:
    """(place, name) pairs the alias audit drops from the shipped gazetteer."""
    from toponym.build import audit_gazetteer

    return {(d.place, d.name) for d in audit_gazetteer(SHIPPED).decisions if d.place and d.name}


def _shared_country_names() -> dict[str, tuple[str, set[str]]]:
    """Key -> (a spelling, the countries and territories ISO/CLDR give it to), for keys of 2+."""
    owners: defaultdict[str, set[str]] = defaultdict(set)
    spelling: dict[str, str] = {}
    kind: dict[str, str] = {}
    for source in ("pycountry", "babel"):
        for row in _tsv(GENERATED / f"{source}.places.tsv"):
            kind.setdefault(row[0], row[1])
    # a name the curated layer drops from a place (a source error, with a note) is not its name
    dropped = {(str(r["id"]), _key(str(n))) for r in _curated_records() for n in list(r.get("drop_names", []))}
    for source in ("pycountry", "babel"):
        for row in _tsv(GENERATED / f"{source}.names.tsv"):
            if kind.get(row[0]) in ("country", "territory") and (row[0], _key(row[1])) not in dropped:
                owners[_key(row[1])].add(row[0])
                spelling.setdefault(_key(row[1]), row[1])
    return {k: (spelling[k], ids) for k, ids in owners.items() if len(ids) > 1}


@pytest.mark.once
def test_names_sources_share_are_listed_not_guessed(shipped: Gazetteer, audit_drops: set[tuple[str, str]]) -> None:
    """A name ISO/CLDR give to several countries: ``resolve_all`` lists every country that keeps it
    (the alias audit's drops are its decisions, listed by ``toponym audit``), and ``resolve``
    answers only by policy or by a rank key that separates the top two (match quality, kind, the
    likelihood of the place), never by the order the sources were read in."""
    from toponym.resolver.hints import NO_HINTS

    shared = _shared_country_names()
    dropped = {(pid, _key(name)) for pid, name in audit_drops}
    problems = []
    answered = 0
    for name, ids in sorted(shared.values()):
        ranked = shipped.resolve_all(name)
        missing = {pid for pid in ids - {m.place.id for m in ranked} if (pid, _key(name)) not in dropped}
        if missing:
            problems.append(f"{name}: resolve_all lacks {sorted(missing)}")
        best = shipped.resolve(name)
        if best is None:
            continue
        answered += 1
        rows = shipped.resolver._rows(name, NO_HINTS)
        if len(rows) > 1 and rows[0].key == rows[1].key and not best.reason.startswith("policy"):
            problems.append(f"{name}: answered {best.place.id} over an equal candidate ({best.reason})")
    print(f"\nnames shared by countries in ISO/CLDR: {len(shared)}, answered by a rule or policy: {answered}")
    assert len(shared) > 10
    assert not problems, problems


def _bucket(m: Match) -> str:
    return "exact" if m.method in ("exact", "normalized") else m.method


# --- typos ---


def _written_about(shipped: Gazetteer, pid: str) -> bool:
    """A place people write about: a country or territory, a first-level subdivision, a city of
    100,000 people or more. A typo of a hamlet's name is more likely another place the index lacks,
    so the resolver answers it only with a hint (policy.toml ``[fuzzy]``)."""
    place = shipped.get(pid)
    if place is None:
        return False
    if place.kind in ("country", "territory"):
        return True
    if place.kind == "subdivision":
        parent = shipped.get(place.parent) if place.parent else None
        return parent is None or parent.kind in ("country", "territory")
    return place.kind == "city" and (place.population or 0) >= CITY_PEOPLE


def _typo_sample(shipped: Gazetteer) -> list[tuple[str, str]]:
    """Seeded sample of (name, place id): names of 6+ characters of places people write about whose
    plain resolve is their place."""
    idx = shipped.index
    rng = random.Random(TYPO_SEED)
    order = list(range(len(idx.names)))
    rng.shuffle(order)
    picked: list[tuple[str, str]] = []
    seen: set[str] = set()
    for n in order:
        name = idx.names.text[n]
        if len(_key(name)) < 6 or name in seen:
            continue
        pid = idx.places.ids[idx.names.place[n]]
        if not _written_about(shipped, pid):
            continue
        m = shipped.resolve(name)
        if m is None or m.place.id != pid:
            continue
        seen.add(name)
        picked.append((name, pid))
        if len(picked) == TYPO_SAMPLE:
            break
    return picked


def _alphabets(names: list[str]) -> dict[str, str]:
    """Per script, the base letters (those that fold to themselves) seen in ``names``."""
    letters: defaultdict[str, set[str]] = defaultdict(set)
    for name in names:
        for ch in name.lower():
            if ch.isalpha() and not unicodedata.combining(ch) and _key(ch) == ch:
                letters[script_of(ch)].add(ch)
    return {script: "".join(sorted(chars)) for script, chars in letters.items()}


def _edit(text: str, alphabet: str, rng: random.Random) -> str:
    """One random insertion, deletion, substitution or transposition of adjacent characters."""
    chars = list(text)
    op = rng.choice("idst") if len(chars) > 1 else "i"
    i = rng.randrange(len(chars))
    if op == "i":
        chars.insert(i, rng.choice(alphabet))
    elif op == "d":
        del chars[i]
    elif op == "s":
        chars[i] = rng.choice([c for c in alphabet if c != chars[i].lower()] or alphabet)
    else:
        i = min(i, len(chars) - 2)
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def _stored(shipped: Gazetteer, text: str) -> bool:
    keys = shipped.index.keys
    norm = normalize_name(text)
    return not norm or norm in keys or fold_key(norm) in keys


def _out_of_scope(name: str, query: str) -> str | None:
    """Why a typo falls outside what the recall target measures, or ``None``.

    * ``by design``: the name is in a script the resolver never fuzzy-matches (Han, or Han mixed
      with kana: one Han character is a word of its own, so an "edit" is another name);
    * ``other script``: the typo put in a letter of a script the name has none of (the generator
      falls back to Latin letters for a script without an alphabet of its own, e.g. Cherokee,
      whose capitals fold to small letters);
    * ``farther``: the typo's key lies more than two edits (the most the resolver allows) from the
      name's key, so it is no 1–2-edit typo to the resolver: a second random edit may straddle the
      first (OSA counts a letter inserted into a transposed pair as two more edits), and key
      normalisation may add one (a letter replaced at the end of "Kepulauan Virgin A.S.", an
      apostrophe folded away in one key and kept in the other).
    """
    if script_of(_key(name)) in NO_FUZZY_SCRIPTS:
        return "by design"
    own = {script_of(ch) for ch in name if ch.isalpha()}
    if any(ch.isalpha() and script_of(ch) not in own for ch in query):
        return "other script"
    if OSA.distance(_key(query), _key(name)) > 2:
        return "farther"
    return None


@dataclass(frozen=True)
class _TypoRun:
    tally: Counter[tuple[int, str | None, bool]]  # (edits, why out of scope, recalled) -> typos
    failures: list[tuple[str, str, str, str | None]]
    names: int

    def recall(self, scoped: bool) -> float:
        rows = [(k, v) for k, v in self.tally.items() if k[1] is None or not scoped]
        return sum(v for k, v in rows if k[2]) / sum(v for _, v in rows)

    def part(self, **want: object) -> str:
        rows = [
            (k, v) for k, v in self.tally.items() if all(dict(edits=k[0], why=k[1])[f] == w for f, w in want.items())
        ]
        n = sum(v for _, v in rows)
        return f"{sum(v for k, v in rows if k[2]) / n:.4f} of {n}" if n else "-"


@pytest.fixture(scope="module")
def typo_run(shipped: Gazetteer) -> _TypoRun:
    """1–2-edit typos of a seeded sample of names, each resolved once."""
    sample = _typo_sample(shipped)
    alphabets = _alphabets([name for name, _ in sample])
    rng = random.Random(TYPO_SEED + 1)
    tally: Counter[tuple[int, str | None, bool]] = Counter()
    failures = []
    for name, pid in sample:
        script = script_of(name)
        alphabet = alphabets.get(script) or alphabets["Latin"]
        edits = rng.choice((1, 2))
        for _attempt in range(50):
            query = name
            for _ in range(edits):
                query = _edit(query, alphabet, rng)
            if not _stored(shipped, query):
                break
        else:
            continue
        m = shipped.resolve(query)
        ok = m is not None and m.place.id == pid
        why = _out_of_scope(name, query)
        tally[(edits, why, ok)] += 1
        if not ok and why is None:
            failures.append((query, name, pid, m.place.id if m else None))
    run = _TypoRun(tally, failures, len(sample))
    total = sum(tally.values())
    out = Counter(why for (_, why, _), v in tally.items() for _ in range(v) if why is not None)
    print(
        f"\ntypo recall@1 {run.recall(True):.4f} over {total - sum(out.values())} typos in scope "
        f"(1 edit {run.part(edits=1, why=None)}, 2 edits {run.part(edits=2, why=None)}); over all {total} typos "
        f"of {len(sample)} names {run.recall(False):.4f}; out of scope: {dict(out)}, recalled "
        f"{run.part(why='by design')}, {run.part(why='other script')}, {run.part(why='farther')}"
    )
    for failure in failures[:60]:
        print("  query, name, expected, got:", failure)
    return run


def test_typo_recall(typo_run: _TypoRun) -> None:
    """Recall@1 over the typos the resolver is meant to answer; the others are reported apart (see
    ``_out_of_scope``) and measured by the next test."""
    total = sum(typo_run.tally.values())
    scoped = sum(v for (_, why, _), v in typo_run.tally.items() if why is None)
    assert total >= 0.95 * typo_run.names
    assert scoped >= 0.95 * total
    recall = typo_run.recall(True)
    assert recall >= TYPO_RECALL, f"recall@1 {recall:.4f}; e.g. {typo_run.failures[:20]}"


@pytest.mark.xfail(
    strict=True,
    reason="measured 0.9343 over all 18000 typos of names of countries, first-level units and cities of 100k+ (0.9566 "
    "in scope; a word that reads as pinyin is no typo of a town's name): the 430 out of scope all but miss (Han names, never fuzzy-matched by design; typos three key edits "
    "from the name; letters of another script)",
)
def test_typo_recall_over_every_typo(typo_run: _TypoRun) -> None:
    """The same target over every typo, out-of-scope ones included: the honest figure for a caller
    who cannot choose which typos they get."""
    assert typo_run.recall(False) >= TYPO_RECALL


# --- common words ---


def _english_place_name(word: str, m: Match) -> bool:
    """Is ``word`` a reviewed or English name of the place it resolved to (London, China, York)?
    Those are answers, not false alarms: the answer comes from a ``[[prefer]]`` entry, or the place
    stores the word as a name tagged ``en``. (A bare display name does not count: GeoNames calls
    cities "David" and "George" in every language.)"""
    if m.reason.startswith("policy"):
        return True
    key = _key(word)
    return any(_key(n.name) == key and any(t.split("-")[0] == "en" for t in n.langs) for n in m.place.names)


@pytest.mark.parametrize(
    "village",
    [
        # a word read whole as pinyin is a Chinese place's name of its own (villages the index lacks)
        "Jiekeng",  # was Jieyang
        "Huangshe",  # was Huangshi
        "Xuanhe",  # was Rwanda, through a minor language's "Ruande"
        "Waihai",  # was Weihai
    ],
)
def test_a_real_place_the_index_lacks_is_no_typo_of_another(shipped: Gazetteer, village: str) -> None:
    assert shipped.resolve(village) is None


@pytest.mark.parametrize(
    ("typo", "place"),
    [
        ("Shanhgai", "gn-1796236"),  # no pinyin: a typo of Shanghai
        ("Gunagzhou", "gn-1809858"),
        ("Jieyagn", "gn-1797121"),
    ],
)
def test_typos_of_places_people_write_about_stay_answered(shipped: Gazetteer, typo: str, place: str) -> None:
    m = shipped.resolve(typo)
    assert m is not None and m.place.id == place and m.method == "fuzzy"


def test_common_english_words_get_no_answer(shipped: Gazetteer) -> None:
    wordfreq = pytest.importorskip("wordfreq")
    words: list[str] = wordfreq.top_n_list("en", COMMON_WORDS)
    queries = sorted({q for w in words for q in (w.lower(), w.title())})
    answered = [(q, m) for q in queries if (m := shipped.resolve(q)) is not None]
    places = [(q, m) for q, m in answered if _english_place_name(q, m)]
    false = [(q, m) for q, m in answered if not _english_place_name(q, m)]
    rate = len(false) / len(queries)
    print(
        f"\n{len(queries)} queries (top {COMMON_WORDS} English words, lower- and title-case): {len(answered)} answered "
        f"({len(answered) / len(queries):.2%}); {len(places)} of them English names of the place "
        f"({', '.join(sorted({q.lower() for q, _ in places}))}); the other {len(false)} ({rate:.2%}):"
    )
    for q, m in false:
        print(f"  {q!r} -> {m.place.id} ({m.place.kind}) {m.method} {m.matched!r} [{m.lang}] {m.score}")
    # the bar counts every answer, real English place names included ("London", "China")
    assert len(answered) / len(queries) <= COMMON_WORD_ANSWER_RATE, [(q, m.place.id) for q, m in answered]


@pytest.mark.parametrize("name", ["Phoenix", "PHOENIX", "Queens"])
def test_a_metropolis_named_by_a_common_word_is_the_city_written_as_a_name(shipped: Gazetteer, name: str) -> None:
    # written with its capital (a column of cities writes it so); in lower case it is the word
    found = shipped.resolve(name)
    assert found is not None and found.place.kind == "city" and (found.place.population or 0) >= 1_000_000
    assert shipped.resolve(name.lower()) is None


def test_a_town_named_by_a_common_word_stays_unanswered_with_its_capital(shipped: Gazetteer) -> None:
    assert [shipped.resolve(q) for q in ("Nice", "Reading", "Mobile")] == [None, None, None]


# --- compiled answers ---

COMPILED_SAMPLE = 6_000


def _signature(m: Match | None) -> tuple[object, ...] | None:
    return m and (m.place.id, m.method, m.score, m.matched, m.lang, m.name_type, m.perspective, m.reason)


def test_compiled_answers_agree_with_query_time_ranking(shipped: Gazetteer) -> None:
    """A bare query answered from the compiled defaults gets what ranking it at query time gives:
    the same place, method, matched name and explanation. Sampled over stored names and keys in
    every case form, plus every key with a ``[[prefer]]`` entry or a stop rule."""
    from toponym.resolver.fastpath import SLOW
    from toponym.resolver.hints import NO_HINTS

    idx, resolver = shipped.index, shipped.resolver
    rng = random.Random(TYPO_SEED)
    names = [idx.names.text[rng.randrange(len(idx.names))] for _ in range(COMPILED_SAMPLE)]
    keys = [idx.keys.text[rng.randrange(len(idx.keys))] for _ in range(COMPILED_SAMPLE)]
    queries = [*names, *keys, *(n.upper() for n in names[:1000]), *(n.title() for n in names[:1000])]
    queries += [*idx.policy.prefer, *idx.policy.stop]
    compiled = disagree = 0
    wrong = []
    for q in queries:
        fast = resolver._fast(q)
        if fast is SLOW:
            continue
        compiled += 1
        slow = resolver._slow(q, NO_HINTS)
        if _signature(fast) != _signature(slow):
            disagree += 1
            wrong.append((q, _signature(fast), _signature(slow)))
    print(f"\n{compiled} of {len(queries)} queries answered from compiled defaults; {disagree} disagree")
    assert compiled > 0.9 * len(queries)
    assert not wrong, wrong[:10]


# --- the curated layer wins ---


def _curated_records() -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    for path in sorted(CURATED.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        records.extend(data.get("place", []))
    return records


def _generated_ids() -> set[str]:
    return {row[0] for path in sorted(GENERATED.glob("*.places.tsv")) for row in _tsv(path)}


def test_curated_records_win_over_generated_ones(shipped: Gazetteer) -> None:
    """Where a curated record has a generated ID, its fields, codes and names are the index's."""
    generated = _generated_ids()
    overlap = [r for r in _curated_records() if r["id"] in generated]
    problems = []
    for record in overlap:
        pid = str(record["id"])
        place = shipped.get(pid)
        if not place.curated:
            problems.append(f"{pid}: not marked curated")
        for field in ("kind", "name", "parent", "population"):
            if field in record and getattr(place, field) != record[field]:
                problems.append(f"{pid}: {field} {getattr(place, field)!r} != curated {record[field]!r}")
        codes = record.get("codes", {})
        assert isinstance(codes, dict)
        for code, value in codes.items():
            if place.codes.get(code) != str(value):
                problems.append(f"{pid}: code {code}={place.codes.get(code)!r} != curated {value!r}")
        stored = {n.name: n for n in place.names}
        names = record.get("names", [])
        assert isinstance(names, list)
        types: defaultdict[str, set[str]] = defaultdict(set)
        for entry in names:
            types[entry["name"].strip()].add(entry.get("type", "official"))
        for name, allowed in types.items():
            got = stored.get(name)
            if got is None:
                problems.append(f"{pid}: curated name {name!r} missing")
            elif got.type not in allowed and allowed != {"official"}:
                problems.append(f"{pid}: {name!r} typed {got.type!r}, curated {sorted(allowed)}")
        dropped = record.get("drop_names", [])
        assert isinstance(dropped, list)
        for name in dropped:
            # a name the record drops is stored only as the record itself gives it ("Deutsch", a
            # source's official name of Germany, is its German adjective)
            kept = [n for n in place.names if normalize_name(n.name) == normalize_name(name)]
            if any(n.name not in types or n.type not in types[n.name] for n in kept):
                problems.append(f"{pid}: dropped name {name!r} still stored as the source gave it")
    print(f"\ncurated records over generated IDs: {len(overlap)}")
    assert len(overlap) >= 20
    assert not problems, problems


@pytest.mark.parametrize(("pid", "file"), [("ru-sak", "ru.toml"), ("jp-01", "jp.toml"), ("gn-524901", "ru.toml")])
def test_region_overlaps_carry_curated_and_generated_names(shipped: Gazetteer, pid: str, file: str) -> None:
    """The Russia–Japan records that override generated ones: curated display name, codes and
    names win, and the generated names stay beside them (less the ones the record drops)."""
    record = next(r for r in tomllib.loads((CURATED / file).read_text("utf-8"))["place"] if r["id"] == pid)
    place = shipped.get(pid)
    assert place.curated and place.name == record["name"]
    assert {k: place.codes.get(k) for k in record["codes"]} == record["codes"]
    names = {n.name for n in place.names}
    assert {n["name"] for n in record["names"]} <= names
    dropped = {normalize_name(n) for n in record.get("drop_names", [])}
    generated = {
        row[1].strip()
        for path in sorted(GENERATED.glob("*.names.tsv"))
        for row in _tsv(path)
        if row[0] == pid and normalize_name(row[1]) not in dropped
    }
    assert len(generated) >= 5
    assert generated <= names, sorted(generated - names)
    assert pid in _generated_ids()  # an overlap: the generated layer has this place too


def test_iso_duplicates_are_one_place(shipped: Gazetteer) -> None:
    """Territories ISO lists twice (3166-1 and 3166-2) are one place: the subdivision ID names the
    territory, which carries both codes, and the subdivision's names in any language reach it."""
    same = tomllib.loads((ROOT / "gazetteer" / "policy.toml").read_text("utf-8"))["same"]
    assert len(same) >= 20
    for entry in same:
        place = shipped.get(entry["place"])
        assert shipped.get(entry["also"]) is place
        assert place.codes.get("iso3166_2") == entry["also"].upper(), entry
    for name, pid in [
        ("Аоминь", "mo"),
        ("La Reunion", "re"),
        ("Französische Südgebiete", "tf"),
        ("Landskapet Åland", "ax"),
    ]:
        assert _id(shipped, name) == pid, name
    assert _id(shipped, "Taiwan Sheng") == "cn-tw"  # the PRC's claimed province stays its own place


@pytest.mark.parametrize(
    ("traditional", "simplified_or_japanese", "pid"),
    [
        ("國後島", "国后岛", "kunashir"),
        ("擇捉島", "择捉岛", "iturup"),
        ("齒舞群島", "歯舞群島", "habomai"),
        ("千島群島", "千岛群岛", "kuril-islands"),
        ("韓國", "韩国", "kr"),
        ("西伯利亞", "西伯利亚", "siberia"),
    ],
)
def test_han_forms_share_a_key(shipped: Gazetteer, traditional: str, simplified_or_japanese: str, pid: str) -> None:
    """Traditional, simplified and Japanese forms of one name reach one place, whichever is stored."""
    assert _id(shipped, traditional) == _id(shipped, simplified_or_japanese) == pid


@pytest.mark.parametrize(
    ("written", "stored", "pid"),
    [("ヴェトナム", "ベトナム", "vn"), ("ヴェラルーシ", "ベラルーシ", "by"), ("ヴァチカン", "バチカン", "gn-6691831")],
)
def test_katakana_v_syllables_reach_a_name_stored_with_the_b_row(
    shipped: Gazetteer, written: str, stored: str, pid: str
) -> None:
    """Japanese writes "v" as ヴ or with the "b" row: a name stored one way is found the other, not
    read as a typo of another place (ヴェトナム was Cheltenham's チェルトナム two edits off)."""
    assert _id(shipped, written) == _id(shipped, stored) == pid


def test_an_alias_many_towns_bear_is_theirs(shipped: Gazetteer, audit_drops: set[tuple[str, str]]) -> None:
    """GeoNames gives Tallahassee "Newton", a name it bore in 1824, and Alice Springs "Stuart": the
    names many towns bear as their own (audit rule ``town-name-alias``), which read a physicist or
    a person in a text that names Florida or the Northern Territory. A town far larger keeps the
    name (Florence), and so does a town whose own name holds it (Ciudad Victoria's "Victoria") or
    whose name in another language it is (German "Freiburg" for Fribourg, which few towns bear)."""
    assert {("gn-4174715", "Newton"), ("gn-2077895", "Stuart")} <= audit_drops
    assert "gn-4174715" not in _ids(shipped.resolve_all("Newton"))
    assert "gn-3176959" in _ids(shipped.resolve_all("Florence"))
    assert "gn-3530580" in _ids(shipped.resolve_all("Victoria", country="mx"))
    assert "gn-2660718" in _ids(shipped.resolve_all("Freiburg"))
    text = "Newton says a body at rest stays so, wrote a physicist who works in Florida."
    assert [(m.text, m.place.id) for m in shipped.extract(text)] == [("Florida", "us-fl")]


@pytest.mark.parametrize(("name", "country"), [("Cameron", "cm"), ("Talia", "it"), ("Melita", "mt")])
def test_a_given_name_in_a_minor_language_is_no_countrys_name(
    shipped: Gazetteer, audit_drops: set[tuple[str, str]], name: str, country: str
) -> None:
    """Occitan "Cameron", Ladin "Talia" and Latin "Melita" name Cameroon, Italy and Malta; in
    English text they are people ("Livecorp's Cameron Hall says"): the audit drops them
    (``given-name-alias``), and the country keeps its names in the major languages."""
    assert (country, name) in audit_drops
    assert country not in _ids(shipped.resolve_all(name))
    assert shipped.extract(f"{name} Hall says the plan will work .") == []


@pytest.mark.parametrize(("name", "place"), [("Belediye", "si-085"), ("Sziget", "mt-20"), ("జిల్లా", "ug-411")])
def test_a_languages_word_for_a_kind_of_place_is_no_places_name(
    shipped: Gazetteer, audit_drops: set[tuple[str, str]], name: str, place: str
) -> None:
    """A source gives Novo Mesto the Turkish name "Belediye" ("municipality", of "X Belediyesi"),
    Senglea the Hungarian "Sziget" ("island") and Ntungamo the Telugu "జిల్లా" ("district"): the
    audit drops them (``generic-word-alias``), and a Turkish text's "Belediye" (the town hall) is
    no place; a name several places bear whole, in a language that ends many names with it,
    stays ("Nord")."""
    assert (place, name) in audit_drops
    assert place not in _ids(shipped.resolve_all(name))
    assert shipped.extract(f"{name} başkanı açıklama yaptı.") == []
    assert "fr-59" in _ids(shipped.resolve_all("Nord"))


def test_sakhalin_is_the_island(shipped: Gazetteer) -> None:
    m = shipped.resolve("Sakhalin")
    assert m is not None and m.place.id == "sakhalin" and m.place.kind == "island"
    assert {"sakhalin", "ru-sak"} <= {x.place.id for x in shipped.resolve_all("Sakhalin")}
    oblast = shipped.resolve("Sakhalin", kinds={"subdivision"})
    assert oblast is not None and oblast.place.id == "ru-sak"


def test_shikotan_is_the_island_not_the_settlement(shipped: Gazetteer) -> None:
    m = shipped.resolve("Shikotan")
    assert m is not None and m.place.id == "shikotan" and m.place.kind == "island"
    for other in shipped.resolve_all("Shikotan")[1:]:
        assert other.place.kind != "island"


# --- ambiguity as data ---


def _ids(matches: list[Match]) -> list[str]:
    return [m.place.id for m in matches]


def _id(shipped: Gazetteer, name: str, **hints: object) -> str | None:
    m = shipped.resolve(name, **hints)
    return m.place.id if m else None


def test_georgia(shipped: Gazetteer) -> None:
    m = shipped.resolve("Georgia")
    assert m is not None and m.place.id == "ge" and m.reason.startswith("policy")
    assert {"ge", "us-ga"} <= set(_ids(shipped.resolve_all("Georgia")))
    assert _id(shipped, "Georgia", country="us") == "us-ga"
    assert _id(shipped, "Georgia", kinds={"subdivision"}) == "us-ga"
    assert _id(shipped, "Georgia", country="ge") == "ge"


def test_congo(shipped: Gazetteer) -> None:
    m = shipped.resolve("Congo")
    assert m is not None and m.place.id == "cg" and m.reason.startswith("policy")
    assert {"cg", "cd"} <= set(_ids(shipped.resolve_all("Congo")))
    assert _id(shipped, "Congo", country="cd") == "cd"
    assert _id(shipped, "Congo-Kinshasa") == "cd" and _id(shipped, "Congo-Brazzaville") == "cg"


def test_victoria(shipped: Gazetteer) -> None:
    m = shipped.resolve("Victoria")
    assert m is not None and m.place.id == "au-vic" and m.reason.startswith("policy")
    everything = shipped.resolve_all("Victoria")
    assert len(everything) >= 10
    hinted = {c: _id(shipped, "Victoria", country=c) for c in ("ca", "sc", "mx")}
    for country, pid in hinted.items():
        assert pid is not None and shipped.get(pid).country == country and shipped.get(pid).kind == "city"
    assert set(hinted.values()) <= set(_ids(everything))


def test_paris(shipped: Gazetteer) -> None:
    m = shipped.resolve("Paris")
    assert m is not None and m.place.id == "gn-2988507" and m.place.country == "fr"
    everything = shipped.resolve_all("Paris")
    texas = _id(shipped, "Paris", country="us")
    assert texas is not None and texas in _ids(everything) and shipped.get(texas).country == "us"
    assert _id(shipped, "Paris", kinds={"subdivision"}) == "fr-75c"
    assert "fr-75c" in _ids(everything)


def test_lang_hint_reranks_a_tie(shipped: Gazetteer) -> None:
    """A name ISO/CLDR give to two countries alike (no answer alone): a language whose name it is
    for only one of them picks that one."""
    checked = 0
    for name, ids in sorted(_shared_country_names().values()):
        if shipped.resolve(name) is not None:
            continue
        ranked = [m for m in shipped.resolve_all(name) if m.place.id in ids][:2]
        if len(ranked) < 2 or not ranked[0].explanation.ambiguous:
            continue
        tags: dict[str, set[str]] = {}
        for m in ranked:
            spelled = normalize_name(name)  # the names a query so spelled reaches as well as any
            tags[m.place.id] = {
                t.split("-")[0] for n in m.place.names if normalize_name(n.name) == spelled for t in n.langs
            }
        for pid, own in tags.items():
            others = set().union(*(t for p, t in tags.items() if p != pid))
            for tag in sorted(own - others - {"und"})[:2]:
                assert _id(shipped, name, lang=tag) == pid, (name, tag, pid)
                checked += 1
    print(f"\nlanguage hints that settle a tie between two countries: {checked}")
    assert checked >= 2


# --- European historical regions and rivers (world-european-regions.toml, world-rivers.toml) ---


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Mecklenburg", "mecklenburg"),
        ("Mähren", "moravia"),
        ("Morawy", "moravia"),
        ("Lausitz", "lusatia"),
        ("Łużyce", "lusatia"),
        ("Franken", "franconia"),
        ("Franconie", "franconia"),
        ("Schwaben", "swabia"),
        ("Westfalen", "westphalia"),
        ("Westphalia", "westphalia"),
        ("Ostpreußen", "east-prussia"),
        ("East Prussia", "east-prussia"),
        ("Siebenbürgen", "transylvania"),
        ("Erdély", "transylvania"),
        ("Lothringen", "lorraine"),
        ("Lorraine", "lorraine"),
        ("Eifel", "eifel"),
        ("Allgäu", "allgau"),
        ("Erzgebirge", "ore-mountains"),
        ("Krušné hory", "ore-mountains"),
        ("Harz", "harz"),
        ("Ruhrgebiet", "ruhr"),
        ("Ruhr", "ruhr"),
        ("Sauerland", "sauerland"),
        ("Oberpfalz", "gn-2859444"),
        ("Emsland", "emsland"),
        ("Ostfriesland", "east-frisia"),
        ("Dalmatien", "dalmatia"),
        ("Dalmatia", "dalmatia"),
        ("Anhalt", "anhalt"),
        ("Holstein", "holstein"),
        ("Schleswig", "schleswig"),
        ("Pfalz", "palatinate"),
        ("Palatinate", "palatinate"),
        ("Rheinland", "rhineland"),
        ("Rhineland", "rhineland"),
        ("Provence", "provence"),
        ("Прованс", "provence"),
        ("Bourgogne", "burgundy"),
        ("Burgundy", "burgundy"),
        ("Galizien", "galicia-eastern-europe"),
        ("Bukowina", "bukovina"),
        ("Dobrogea", "dobruja"),
        ("Trakya", "thrace"),
        ("Slavonija", "slavonia"),
        ("Mazury", "masuria"),
        ("Schwarzwald", "black-forest"),
        ("Walachei", "wallachia"),
        ("Saône", "saone-river"),
        ("Weser", "weser-river"),
        ("Neckar", "neckar-river"),
        ("Havel River", "havel-river"),
        ("Spree", "spree-river"),
        ("Isar", "isar-river"),
        ("Inn River", "inn-river"),
        ("Vltava", "vltava-river"),
        ("Etsch", "adige-river"),
        ("Aare", "aare-river"),
        ("Drina", "drina-river"),
        ("Prut", "prut-river"),
    ],
)
def test_european_regions_and_rivers(shipped: Gazetteer, name: str, place: str) -> None:
    assert _id(shipped, name) == place


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Burgund", "burgundy"),  # was Burundi, a typo's distance away
        ("Savoyen", "savoy"),  # was the Salween
        ("Moravia", "moravia"),  # was a canton of Costa Rica
        ("Transylvania", "transylvania"),  # was Romania, which a source gives the name
        ("Lusatia", "lusatia"),  # was Lusaka
        ("Franconia", "franconia"),  # was Franconia, Virginia
        ("Swabia", "swabia"),  # was the Bavarian administrative region alone
        ("Vogtland", "vogtland"),  # was Portland
    ],
)
def test_a_european_region_wins_over_the_homonym_or_typo_that_answered_it(
    shipped: Gazetteer, name: str, place: str
) -> None:
    m = shipped.resolve(name)
    assert m is not None and m.place.id == place and m.method != "fuzzy"


def test_the_homonyms_of_european_regions_stay_reachable(shipped: Gazetteer) -> None:
    assert _id(shipped, "Romania") == "ro"
    assert _id(shipped, "Moravia", country="cr") == "gn-3622800"
    assert _id(shipped, "Franconia", country="us") == "gn-4759968"
    assert _id(shipped, "Swabia", kinds={"subdivision"}) == "gn-2835521"
    assert _id(shipped, "Savoie") == "fr-73" and "savoy" in _ids(shipped.resolve_all("Savoie"))
    assert _id(shipped, "Galicia") == "es-ga" and "galicia-eastern-europe" in _ids(shipped.resolve_all("Galicia"))
    assert _id(shipped, "Moldau") == "md"


@pytest.mark.parametrize(("word", "river"), [("Inn", "inn-river"), ("Havel", "havel-river"), ("Oder", "oder-river")])
def test_a_river_named_like_a_word_or_a_person_needs_a_hint(shipped: Gazetteer, word: str, river: str) -> None:
    assert shipped.resolve(word) is None
    assert _id(shipped, word, kinds={"river"}) == river


# --- landmarks (world-landmarks.toml) ---


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Heathrow", "heathrow-airport"),  # was Heathrow, Florida, a town of 6,000
        ("Maracanã", "maracana-stadium"),  # was the town in Pará
        ("Partenón", "parthenon"),
        ("Красная площадь", "red-square"),
        ("天安门广场", "tiananmen-square"),
        ("Uluru", "uluru"),  # was a fuzzy answer to Eluru, India
        ("Grand Canyon", "grand-canyon"),  # was a village of 2,000 people
        ("Central Park", "central-park"),  # was a town of Washington State
        ("大堡礁", "great-barrier-reef"),
    ],
)
def test_a_landmark_wins_over_a_town_of_its_name(shipped: Gazetteer, name: str, place: str) -> None:
    m = shipped.resolve(name)
    assert m is not None and m.place.id == place and m.place.kind == "landmark" and m.place.lat is not None


def test_the_towns_a_landmark_shares_its_name_with_stay_reachable(shipped: Gazetteer) -> None:
    assert _id(shipped, "Heathrow", country="us") == "gn-4158296"
    assert _id(shipped, "La Rambla") != "las-ramblas"  # a town of Córdoba; the promenade is "Las Ramblas"
    assert shipped.resolve("White House") is None  # a government's seat: left out on purpose


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The plane landed at Heathrow on Monday .", [("Heathrow", "heathrow-airport")]),
        # the kind in lower case after the name is no part of it
        ("Two flights were delayed at Stansted airport this morning .", [("Stansted", "stansted-airport")]),
        ("Shares fell on Wall Street on Friday .", [("Wall Street", "wall-street")]),
        ("Tankers queued to enter the Suez Canal .", [("Suez Canal", "suez-canal")]),
        ("Coral bleaching hit the Great Barrier Reef again .", [("Great Barrier Reef", "great-barrier-reef")]),
        # "area" in lower case after a place's name is no part of a region's name ("Wide Bay" is
        # Queensland's), but stays one where the words before it name no place
        ("Rents rose in the Bay Area and fell in the Wide Bay area .", [("Bay Area", "san-francisco-bay-area")]),
        ("Traffic in the Greater Toronto area slowed .", [("Greater Toronto area", "greater-toronto-area")]),
    ],
)
def test_a_landmark_in_text(shipped: Gazetteer, text: str, want: list[tuple[str, str]]) -> None:
    assert [(m.text, m.place.id) for m in shipped.extract(text)] == want


# --- islands (world-islands.toml) ---


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("North Island", "north-island"),  # was a fuzzy answer to Northern Ireland
        ("South Island", "south-island"),  # was an alias of Coronado, California
        ("Long Island", "long-island"),  # was a district of the Bahamas
        ("Elba", "elba"),  # was a town of Alabama
        ("Upolu", "upolu"),  # was a fuzzy answer to Opole
        ("Funen", "funen"),  # was a fuzzy answer to Lünen
        ("Isla de Pascua", "easter-island"),
        ("Fraser Island", "kgari"),
    ],
)
def test_an_island_wins_over_what_answered_its_name(shipped: Gazetteer, name: str, place: str) -> None:
    m = shipped.resolve(name)
    assert m is not None and m.place.id == place and m.place.kind == "island" and m.place.lat is not None


@pytest.mark.parametrize("name", ["Huai River", "淮河", "Хуайхэ"])
def test_the_huai_river_is_no_typo_of_the_han(shipped: Gazetteer, name: str) -> None:
    m = shipped.resolve(name)  # "Huai River" was a fuzzy answer to Korea's Han River
    assert m is not None and m.place.id == "huai-river" and m.method == "exact"


def test_the_places_an_island_shares_its_name_with_stay_reachable(shipped: Gazetteer) -> None:
    assert _id(shipped, "Long Island", country="bs") == "bs-li"
    assert _id(shipped, "Flores", country="uy") == "uy-fs"
    assert [(m.text, m.place.id) for m in shipped.extract("Fossils were found on the island of Flores .")] == [
        ("Flores", "flores-island")
    ]


# --- generated docs ---


def _gen_coverage() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_coverage", ROOT / "scripts" / "gen_coverage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_coverage_doc_is_current(shipped: Gazetteer) -> None:
    """docs/coverage.md is what scripts/gen_coverage.py writes for the current index."""
    text = _gen_coverage().render(shipped.index)
    committed = (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    assert committed == text, "docs/coverage.md is stale: run python scripts/gen_coverage.py"


# --- Alpine passes (world-mountains.toml) ---


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Gothard", "gotthard-pass"),
        ("Gotthard", "gotthard-pass"),
        ("San Gottardo", "gotthard-pass"),
        ("Simplon", "simplon-pass"),
        ("Sempione", "simplon-pass"),
        ("Brennerpass", "brenner-pass"),
        ("Brennero", "brenner-pass"),
        ("Grand-Saint-Bernard", "great-st-bernard-pass"),
    ],
)
def test_an_alpine_pass_by_its_names(shipped: Gazetteer, name: str, place: str) -> None:
    assert _id(shipped, name) == place


def test_an_alpine_pass_in_text_and_a_surname_that_is_not_one(shipped: Gazetteer) -> None:
    text = "Le tunnel du Gothard sera fermé ; les camions passeront par le Simplon ."
    assert [m.place.id for m in shipped.extract(text)] == ["gotthard-pass", "simplon-pass"]
    assert shipped.resolve("Brenner") is None  # a surname first: only the long forms name the pass


def test_australian_states_by_the_capitals_news_writes(shipped: Gazetteer) -> None:
    assert (_id(shipped, "NSW"), _id(shipped, "QLD")) == ("au-nsw", "au-qld")
    text = "Floods hit NSW and QLD this week , the NSW Government said ."
    assert [m.place.id for m in shipped.extract(text)] == ["au-nsw", "au-qld", "au-nsw"]


def test_a_bilingual_town_by_each_of_its_names(shipped: Gazetteer) -> None:
    # "Bienne" was also a source's untagged name of Vienna, which outranked the Swiss town
    assert (_id(shipped, "Biel"), _id(shipped, "Bienne")) == ("gn-2661513", "gn-2661513")
    assert _id(shipped, "Vienne", lang="fr") != "gn-2661513"


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Sari", "gn-116996"),  # the Iranian city, not Surrey spelt as Serbian writes it in Latin letters
        ("Hanam", "gn-1897007"),  # the Korean city, not Hà Nam
        ("Saba", "nl-bq2"),  # the Caribbean island, not Sabah
        ("Istok", "gn-789996"),  # the town in Kosovo, not Burkina Faso's Est region
    ],
)
def test_a_place_s_own_name_beats_another_s_name_transliterated_by_rule(
    shipped: Gazetteer, name: str, place: str
) -> None:
    found = shipped.resolve(name)
    assert found is not None and found.place.id == place


def test_a_name_transliterated_by_rule_still_answers_where_no_own_name_competes(shipped: Gazetteer) -> None:
    found = shipped.resolve("Nemačka")  # Germany, in Serbian's Latin letters
    assert found is not None and found.place.id == "de"


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Matamoros", "gn-3523466"),  # Heroica Matamoros, not the smaller Matamoros in Coahuila
        ("Belem", "gn-3405870"),  # Belém typed without its accent, not a town named Belem
    ],
)
def test_a_city_s_name_without_its_honorific_or_its_accents_is_its_own(
    shipped: Gazetteer, name: str, place: str
) -> None:
    found = shipped.resolve(name)
    assert found is not None and found.place.id == place


def test_no_name_in_a_major_language_names_two_countries_but_congo(shipped: Gazetteer) -> None:
    """A source's translation copied from the next country's entry ties the two countries: each
    such name is dropped in the curated layer (the two Congos share "Congo" in English for real)."""
    index = shipped.index
    places, names = index.places, index.names
    holders: dict[tuple[str, str], set[str]] = {}
    for row in range(len(places)):
        if places.kind[row] not in ("country", "territory"):
            continue
        for n in places.names_of(row):
            for tag in names.tags(n):
                if tag.split("-")[0] in MAJOR_LANGUAGES:
                    holders.setdefault((names.text[n], tag.split("-")[0]), set()).add(places.ids[row])
    shared = {key: sorted(ids) for key, ids in holders.items() if len(ids) > 1}
    assert shared == {("Congo", "en"): ["cd", "cg"]}
    found = shipped.resolve("فلسطین")  # Palestine in Persian
    assert found is not None and found.place.id == "ps"


@pytest.mark.parametrize(
    "name",
    [
        "Far East",
        "the Far East",
        "Fernost",
        "Ferner Osten",
        "Extrême-Orient",
        "Lejano Oriente",
        "極東",
        "远东",
        "Viễn Đông",
    ],
)
def test_the_far_east_by_its_names(shipped: Gazetteer, name: str) -> None:
    # German "Fernost" was a fuzzy answer to Vermont, Vietnamese "Viễn Đông" to the South China Sea
    assert _id(shipped, name) == "far-east"


@pytest.mark.parametrize("name", ["Near East", "Proche-Orient", "Vicino Oriente"])
def test_the_near_east_is_the_middle_east(shipped: Gazetteer, name: str) -> None:
    assert _id(shipped, name) == "middle-east"


@pytest.mark.parametrize(
    ("name", "sea"),
    [
        # Serbian and Croatian were fuzzy answers to Egypt's Red Sea Governorate, Vietnamese to a province
        ("Crno more", "black-sea"), ("Црно море", "black-sea"), ("Biển Đen", "black-sea"), ("Černé moře", "black-sea"),
        ("Svarta havet", "black-sea"), ("Fekete-tenger", "black-sea"),
        # the Red Sea's names in these languages were the Egyptian or Sudanese provinces'
        ("Crveno more", "red-sea"), ("Laut Merah", "red-sea"), ("Ερυθρά Θάλασσα", "red-sea"),
        # Finnish "Välimeri" and Swedish "Nordsjön" were fuzzy answers to towns
        ("Välimeri", "mediterranean-sea"), ("Nordsjön", "north-sea"), ("Biển Caspi", "caspian-sea"),
    ],
)  # fmt: skip
def test_seas_in_more_languages(shipped: Gazetteer, name: str, sea: str) -> None:
    assert _id(shipped, name) == sea
