import pytest
from hypothesis import given
from hypothesis import strategies as st

from toponym.normalize import fold_key, is_sound_script, normalize_name, script_of, translit_key

CASES = [
    ("Yuzhno-Sakhalinsk", "yuzhno sakhalinsk"),
    ("Yuzhno–Sakhalinsk", "yuzhno sakhalinsk"),
    ("  Kuril   Islands ", "kuril islands"),
    ("St. Petersburg", "st petersburg"),
    ("Côte d’Ivoire", "côte d'ivoire"),
    ("Kurilʹsk", "kuril'sk"),
    ("ＫＵＲＩＬ", "kuril"),
    ("Straße", "strasse"),
    ("Москва", "москва"),
    ("国後島", "国後島"),
    ("", ""),
    ("---", ""),
]


@pytest.mark.parametrize(("raw", "key"), CASES)
def test_normalize_name(raw: str, key: str) -> None:
    assert normalize_name(raw) == key


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Kraków", "krakow"),
        ("São Tomé", "sao tome"),
        ("Ёлкино", "елкино"),
        ("Łódź", "lodz"),
        ("İstanbul", "istanbul"),
        ("がっこう", "がっこう"),
    ],
)
def test_fold_key(raw: str, folded: str) -> None:
    assert fold_key(normalize_name(raw)) == folded


def test_translit_only_for_sound_scripts() -> None:
    assert translit_key(fold_key(normalize_name("Кунашир"))) == "kunashir"
    assert translit_key(fold_key(normalize_name("Αθήνα"))) == "athena"
    # Han and kana would come out as Mandarin pinyin: refused, romaji is stored instead
    assert translit_key("国後島") is None
    assert translit_key("くなしり") is None
    assert not is_sound_script("東京") and is_sound_script("Tokyo")


def test_script_of() -> None:
    assert script_of("Кунашир") == "Cyrillic"
    assert script_of("サハリン州") == "Mixed"
    assert script_of("123") == "Common"


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once


@given(st.text())
def test_keys_never_raise(text: str) -> None:
    key = fold_key(normalize_name(text))
    trans = translit_key(key)
    assert trans is None or trans.isascii()
