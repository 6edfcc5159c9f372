"""Ordinary words of twelve languages get no answer: the 1,000 most frequent words of each (wordfreq),
lower- and title-case, answer for at most 1 %, the words that are themselves names of countries,
first-level subdivisions or cities of 100,000+ in that language excepted (and printed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from toponym import Gazetteer, Place
from toponym.normalize import normalize_name

from ..conftest import SHIPPED

pytestmark = pytest.mark.world

LANGS = ("en", "es", "fr", "de", "it", "pt", "nl", "ru", "ja", "zh", "ko", "ar")
TOP = 1_000
RATE = 0.01
CITY_PEOPLE = 100_000


def _spoken(path: Path) -> dict[str, set[str]]:
    """Territory -> languages spoken there (the build's CLDR table)."""
    out: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            territory, langs = line.split("\t")
            out[territory] = set(langs.split(","))
    return out


SPOKEN = _spoken(SHIPPED / "words" / "territory-languages.tsv")


def _prominent(gz: Gazetteer, p: Place) -> bool:
    if p.kind in ("country", "territory", "former-country"):
        return True
    if p.kind == "subdivision":
        parent = gz.get(p.parent) if p.parent else None
        return parent is None or parent.kind in ("country", "territory")
    return p.kind == "city" and (p.population or 0) >= CITY_PEOPLE


def _name_in(gz: Gazetteer, word: str, lang: str) -> Place | None:
    """The prominent place ``word`` names in ``lang``: its canonical name, a name tagged with the
    language, or an untagged name where the language is spoken ("Milano")."""
    for form in {word, word[:1].upper() + word[1:]}:
        key = normalize_name(form)
        for m in gz.resolve_all(form, limit=10):
            p = m.place
            if m.method == "fuzzy" or not _prominent(gz, p):
                continue
            if key == normalize_name(p.name):
                return p
            local = lang in SPOKEN.get(p.country or p.id, set())
            for n in p.names:
                tags = {t.split("-")[0] for t in n.langs}
                if normalize_name(n.name) == key and (lang in tags or (local and tags <= {"und"})):
                    return p
    return None


@pytest.mark.parametrize("lang", LANGS)
def test_frequent_words_get_no_answer(shipped: Gazetteer, lang: str) -> None:
    wordfreq = pytest.importorskip("wordfreq")
    counted, answered, names = 0, [], []
    for word in wordfreq.top_n_list(lang, TOP):
        place = _name_in(shipped, word, lang)
        if place is not None:
            names.append(f"{word}={place.id}")
            continue
        counted += 1
        for form in dict.fromkeys([word.lower(), word[:1].upper() + word[1:].lower()]):
            m = shipped.resolve(form)
            if m is not None:
                answered.append(f"{form} -> {m.place.id} ({m.method}, {m.matched!r})")
                break
    print(f"\n{lang}: {len(answered)} of {counted} words answered; names excepted: {', '.join(names)}")
    assert counted >= 0.9 * TOP
    assert len(answered) <= RATE * counted, answered


@pytest.mark.parametrize(("exonym", "english"), [("Florenz", "Florence"), ("Mailand", "Milan"), ("Neapel", "Naples")])
def test_exonyms_beyond_the_core_words_are_names(shipped: Gazetteer, exonym: str, english: str) -> None:
    """A frequent word beyond a language's 1,000 commonest that the sources give in that language
    to a coded subdivision and a prominent place has too (German "Mailand": the province of Milan
    in German, the city untagged) is a name, not an ordinary word: it resolves to the city."""
    city, found = shipped.resolve(english), shipped.resolve(exonym)
    assert city is not None and found is not None and found.place.id == city.place.id
