"""Case forms of Polish, Czech, Ukrainian, Finnish, Slovenian and more, Nordic genitives, Bengali and Tamil
endings and Korean particles, in running text.

The rules are data (``toponym/extractor/lexicons/{pl,cs,uk,fi,ko}.toml``); these tests hold the
scanner to reading them as the files say: a form counts only when its key is a name in the
language, in a text that holds the language's letters and is not told to be in another language.
"""

from __future__ import annotations

import pytest

import toponym


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.id) for m in toponym.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Premier spotkał się wczoraj w Warszawie z ambasadorem, który wrócił z Niemiec.",
            [("Warszawie", "gn-756135"), ("Niemiec", "de")],
        ),
        (
            "Według ministra sytuacja w Rosji jest trudna, a wojna na Ukrainie trwa już długo.",
            [("Rosji", "ru"), ("Ukrainie", "ua")],
        ),
        (
            "Konferencja odbędzie się w Krakowie, a następna w Berlinie lub w Londynie.",
            [("Krakowie", "gn-3094802"), ("Berlinie", "gn-2950159"), ("Londynie", "gn-2643743")],
        ),
        (
            "Delegacja z Francji przyleciała do Stanów Zjednoczonych, a potem do Japonii.",
            [("Francji", "fr"), ("Stanów Zjednoczonych", "us"), ("Japonii", "jp")],
        ),
        (
            "Mecz w Poznaniu zakończył się remisem, a kibice z Gdańska wrócili do domu.",
            [("Poznaniu", "gn-3088171"), ("Gdańska", "gn-3099434")],  # "Gdańska" is stored, a word
        ),
        ("Rozmowy w Polsce dotyczyły sytuacji na Białorusi.", [("Polsce", "pl"), ("Białorusi", "by")]),
        # "Lublina" is stored untagged, a word of Polish: read as Lublin's genitive, it stands
        ("Prezydent pojechał do Lublina.", [("Lublina", "gn-765876")]),
        # a feminine name in -cz (Bydgoszcz); a river whose Polish name is stored twice, tagged
        # Polish and Dutch
        ("Pociąg z Bydgoszczy jedzie do Torunia.", [("Bydgoszczy", "gn-3102014"), ("Torunia", "gn-3083271")]),
        ("Statek płynął Wisłą aż do Gdańska.", [("Wisłą", "vistula-river"), ("Gdańska", "gn-3099434")]),
        # "do", "a", "i" are as common in Czech, Slovak and Serbo-Croatian: the text is told in none
        (
            "Minister przyjechał do Warszawy, a potem do Krakowa i Gdańska.",
            [("Warszawy", "gn-756135"), ("Krakowa", "gn-3094802"), ("Gdańska", "gn-3099434")],
        ),
    ],
)
def test_polish_case_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rząd w województwie mazowieckim ogłosił nowe środki.", [("województwie mazowieckim", "pl-14")]),
        ("Mieszkańcy województwa kujawsko-pomorskiego protestują.", [("województwa kujawsko-pomorskiego", "pl-04")]),
        ("Województwo śląskie ogłosiło nowe środki.", [("Województwo śląskie", "pl-24")]),
        ("W województwie nowym nie ma takiej ulicy.", []),  # an adjective that makes no stored name
    ],
)
def test_a_polish_voivodeship_in_lower_case_and_declined(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Prezident se sešel v Praze s velvyslancem, který přijel z Německa.",
            [("Praze", "gn-3067696"), ("Německa", "de")],
        ),
        ("Situace v Rusku je vážná a válka na Ukrajině pokračuje.", [("Rusku", "ru"), ("Ukrajině", "ua")]),
        ("Konference se koná v Brně a příští rok ve Vídni.", [("Brně", "gn-3078610"), ("Vídni", "gn-2761369")]),
        # the city, not the region whose French name is "Plzeň"
        ("V Ostravě a Plzni se konaly protesty.", [("Ostravě", "gn-3068799"), ("Plzni", "gn-3068160")]),
        (
            "Žije v České republice a pracuje ve Spojených státech.",
            [("České republice", "cz"), ("Spojených státech", "us")],
        ),
        ("Epidemie v Guineji se šíří, řekl ministr.", [("Guineji", "gn")]),  # a name in -ea
        # the genitive of a soft stem: Paříž, Olomouc
        ("Ministr přiletěl z Paříže a odjel do Olomouce.", [("Paříže", "gn-2988507"), ("Olomouce", "gn-3069011")]),
        # a form that is a key only without its marks: "Číně" folds to Friulian "Cine"
        ("Vývoz do Japonska a v Číně roste, řekl ministr.", [("Japonska", "jp"), ("Číně", "cn")]),
    ],
)
def test_czech_case_forms_and_the_preposition_v(text: str, expected: list[tuple[str, str]]) -> None:
    # "v" is Czech "in": the name after it is no second team of a fixture ("Arsenal v Chelsea")
    assert found(text) == expected


def test_a_fixture_still_parts_its_teams() -> None:
    assert ("Chelsea", "gn-2653265") not in found("Arsenal v Chelsea : 2-1 .")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Зустріч відбулася у Києві, а делегація з Польщі прибула до Львова.",
         [("Києві", "gn-703448"), ("Польщі", "pl"), ("Львова", "gn-702550")]),
        ("Ситуація в Україні складна, а вибух у Харкові пошкодив будинки.", [("Україні", "ua"), ("Харкові", "gn-706483")]),
        ("Посол у Німеччині зустрівся з делегацією з Франції та Італії.", [("Німеччині", "de"), ("Франції", "fr"), ("Італії", "it")]),
        # a name that begins with an adjective: both words take the case
        ("Вибори у Південній Кореї відбулися в неділю.", [("Південній Кореї", "kr")]),
        ("Делегація з Саудівської Аравії прибула до Києва.", [("Саудівської Аравії", "sa"), ("Києва", "gn-703448")]),
        ("Посол у Сполучених Штатах заявив, що візит відбудеться.", [("Сполучених Штатах", "us")]),
        ("У великій кімнаті було тихо і темно.", []),  # an adjective before a noun that makes no name
    ],
)  # fmt: skip
def test_ukrainian_case_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kokous pidettiin Helsingissä, ja seuraava järjestetään Tampereella.",
            [("Helsingissä", "gn-658225"), ("Tampereella", "gn-634963")],
        ),
        (
            "Hän asuu Suomessa, mutta työskentelee Ruotsissa ja matkustaa usein Venäjälle.",
            [("Suomessa", "fi"), ("Ruotsissa", "se"), ("Venäjälle", "ru")],
        ),
        # a name in a consonant takes an "i" before the ending
        (
            "Hän on asunut Bostonissa jo vuosia, mutta hän on syntynyt Tampereella ja hänen perheensä asuu siellä.",
            [("Bostonissa", "gn-4930956"), ("Tampereella", "gn-634963")],
        ),
    ],
)
def test_finnish_case_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("প্রধানমন্ত্রী ঢাকা থেকে ভারতে যান।", [("ঢাকা", "gn-1185241"), ("ভারতে", "in")]),
        ("ঢাকায় আজ বৃষ্টি হয়েছে, আর কলকাতার আবহাওয়া ভালো।", [("ঢাকায়", "gn-1185241"), ("কলকাতার", "gn-1275004")]),
        # a form that begins a sentence is one: a script without case writes no capital there
        ("বাংলাদেশের ক্রিকেট দল জাপানে খেলতে গেছে।", [("বাংলাদেশের", "bd"), ("জাপানে", "jp")]),
        ("তিনি রাশিয়াকে সমর্থন করেন।", [("রাশিয়াকে", "ru")]),
        ("আমি আজ বাজারে গিয়েছিলাম এবং অনেক মানুষের সাথে কথা বলেছি।", []),
    ],
)
def test_bengali_case_endings(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("முதலமைச்சர் சென்னையில் இருந்து டெல்லிக்கு சென்றார்.", [("சென்னையில்", "gn-1264527"), ("டெல்லிக்கு", "in-dl")]),
        # the ending's vowel in place of the name's virama (ஜப்பான்) or final "u" (கொழும்பு)
        ("இந்தியாவின் பிரதமர் ஜப்பானுக்கு பயணம் மேற்கொண்டார்.", [("இந்தியாவின்", "in"), ("ஜப்பானுக்கு", "jp")]),
        ("இலங்கையில் கனமழை பெய்தது, கொழும்பில் வெள்ளம்.", [("இலங்கையில்", "lk"), ("கொழும்பில்", "gn-1248991")]),
        ("நான் இன்று கடைக்கு சென்றேன்.", []),
    ],
)  # fmt: skip
def test_tamil_case_endings(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Regeringen i Stockholm sa att Finlands president besöker Norges huvudstad på måndag.",
         [("Stockholm", "gn-2673730"), ("Finlands", "fi"), ("Norges", "no")]),
        ("Borgmesteren i Aarhus talte om Tysklands økonomi og Frankrigs valg.",
         [("Aarhus", "gn-2624652"), ("Tysklands", "de"), ("Frankrigs", "fr")]),
        # a country's form that begins a sentence is the country's
        ("Norges regjering møtte Sveriges statsminister på fredag.", [("Norges", "no"), ("Sveriges", "se")]),
        # Swedish without "å": "ä" and "ö" tell it from English, "ü" and "ß" from German
        ("Sveriges statsminister besökte Göteborg och Malmö.",
         [("Sveriges", "se"), ("Göteborg", "gn-2711537"), ("Malmö", "gn-2692969")]),
        ("Finlands och Norges ministrar möttes i Stockholm.",
         [("Finlands", "fi"), ("Norges", "no"), ("Stockholm", "gn-2673730")]),
    ],
)  # fmt: skip
def test_swedish_danish_and_norwegian_genitives(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # German puts the genitive's -s on the last word of a name of several words, hyphenated
        # or not, and on a name whose first word is a key itself ("Baden" is a town)
        ("Der Ministerpräsident Baden-Württembergs traf den Regierungschef Saudi-Arabiens in Stuttgart.",
         [("Baden-Württembergs", "de-bw"), ("Saudi-Arabiens", "sa"), ("Stuttgart", "gn-2825297")]),
        ("Die Küste Schleswig-Holsteins und die Inseln Mecklenburg-Vorpommerns liegen an der Ostsee.",
         [("Schleswig-Holsteins", "de-sh"), ("Mecklenburg-Vorpommerns", "de-mv"), ("Ostsee", "baltic-sea")]),
        ("Der Botschafter Sri Lankas sprach in Berlin über die Lage Sierra Leones.",
         [("Sri Lankas", "lk"), ("Berlin", "gn-2950159"), ("Sierra Leones", "sl")]),
        # Swedish, Danish and Norwegian too, each by its own names
        ("Nya Zeelands premiärminister besökte Sri Lankas huvudstad på måndag.",
         [("Nya Zeelands", "nz"), ("Sri Lankas", "lk")]),
        ("New Zealands regering og Sri Lankas præsident mødtes i Aarhus på mandag.",
         [("New Zealands", "nz"), ("Sri Lankas", "lk"), ("Aarhus", "gn-2624652")]),
        ("Nord-Koreas leder møtte Sør-Afrikas president i Bergen på fredag.",
         [("Nord-Koreas", "kp"), ("Sør-Afrikas", "za"), ("Bergen", "gn-3161732")]),
        # the name as written is no genitive ("Nordrhein-Westfalen")
        ("Sie fuhr am Montag durch Nordrhein-Westfalen nach Bayern.", [("Nordrhein-Westfalen", "de-nw"), ("Bayern", "de-by")]),
    ],
)  # fmt: skip
def test_a_genitive_on_the_last_word_of_a_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the adjective that begins a name takes its ending, the noun after it none: the name is
        # read on from the adjective's form that begins a stored name ("Schwarzes", not "Schwarze")
        ("Die Fähren fahren seit Mai wieder im Schwarzen Meer.", [("Schwarzen Meer", "black-sea")]),
        ("Die Löhne im Vereinigten Königreich steigen kaum.", [("Vereinigten Königreich", "gb")]),
        ("Der Handel mit dem Fernen Osten wuchs im letzten Jahr.", [("Fernen Osten", "far-east")]),
        ("Im Roten Meer fuhren weniger Tanker.", [("Roten Meer", "red-sea")]),
        # no name: a word with the ending before a noun that makes none
        ("Seinen Hund führte er am Abend aus.", []),
    ],
)
def test_an_inflected_adjective_that_begins_a_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a key that may begin such a name is read as before where the words after it make none:
        # an idle village's name stays no candidate ("Arab", Alabama), a frequent word no name
        ("Families in Arab East Jerusalem protested on Monday.", []),
        ("Investors bought shares in Tyndall Australia Holdings last week.", []),
        # "Para Estado" is a name of Pará that answers nothing: no German genitive in Spanish text
        ("Para Estados Unidos , la decisión llegó tarde .", [("Estados Unidos", "us")]),
    ],
)
def test_no_genitive_is_read_where_the_words_after_a_key_make_no_name(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


def test_a_form_two_languages_make_is_read_by_the_texts_own() -> None:
    """German makes "-s" genitives of prominent places and Swedish of its own names; a German text
    that holds "ö" reads its genitive by the German rule, not drops it as Swedish."""
    text = "Der römische Chronist nennt die Hafenstadt unter der Kontrolle Tarragonas einen wichtigen Ort."
    assert found(text) == [("Tarragonas", "gn-3108288")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rosji nie udało się przekonać sąsiadów, powiedział ekspert.", [("Rosji", "ru")]),
        (
            "Saksan liittokansleri vieraili Helsingissä ja Oulussa.",
            [("Saksan", "de"), ("Helsingissä", "gn-658225"), ("Oulussa", "gn-643492")],
        ),
        # a country named by an adjective: its forms are the adjective's, which begins a sentence
        ("Polski rząd ogłosił nowe przepisy.", []),
    ],
)
def test_a_countrys_form_that_begins_a_sentence(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_a_korean_mention_is_the_name_without_its_particle() -> None:
    text = "서울에서 회의가 열렸고 일본과 한국의 관계가 논의되었다."
    assert found(text) == [("서울", "gn-1835848"), ("일본", "jp"), ("한국", "kr")]
    # the particle is a word of its own: a rewrite keeps it
    assert toponym.normalize_text("서울에서 회의가 열렸다.", lang="en") == "Seoul에서 회의가 열렸다."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("마셜 제도에서는 선거가 열렸다.", [("마셜 제도", "mh")]),
        ("보스니아 헤르체고비나의 수도는 사라예보이다.", [("보스니아 헤르체고비나", "ba"), ("사라예보", "gn-3191281")]),
        ("남아프리카 공화국과 협정을 맺었다.", [("남아프리카 공화국", "za")]),
    ],
)
def test_a_korean_particle_goes_on_the_last_word_of_a_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("وصل الوفد بالعراق ثم لبنان", "وصل الوفد بIraq ثم Lebanon"),  # "in": kept, the name rewritten
        ("قال إن للعراق دورا كبيرا", "قال إن لIraq دورا كبيرا"),  # "ل" before the article takes its alif
        ("המשלחת הגיעה לירושלים אתמול", "המשלחת הגיעה לJerusalem אתמול"),
        ("Он прилетел в Москву утром.", "Он прилетел в Moscow утром."),  # a fused ending is the name's
    ],
)
def test_a_rewrite_keeps_the_word_glued_before_a_name(text: str, want: str) -> None:
    """Arabic and Hebrew glue a preposition or a conjunction to the name ("ب", "ל": in, to); the
    mention is the whole word, as their annotators mark it, but a rewrite that drops the glued word
    loses what the sentence says."""
    assert toponym.normalize_text(text, lang="en") == want


@pytest.mark.parametrize(
    "text",
    [
        # German and French texts that hold Polish letters: "Marie" is no Polish form of Mara (Tanzania)
        "Die Prinzessin Marie besuchte Łódź und Kraków mit ihrem Mann, der aus Gdańsk stammt.",
        "La princesse Marie a visité Łódź et Kraków avec son mari, venu de Gdańsk.",
        # English text holds no Polish, Czech or Finnish letter: "The", "Party" are read as written
        "Princess Marie and the Party leaders met Tony Khan at The Hague.",
    ],
)
def test_no_case_form_is_read_in_another_language(text: str) -> None:
    assert not {"tz-13", "gn-2553604"} & {place for _, place in found(text)}
    assert all(m.text == m.match.query or m.place.kind != "subdivision" for m in toponym.extract(text))


def test_a_form_is_read_only_where_its_language_names_the_place() -> None:
    # "Deutsche" with the Czech ending -e taken off is "Deutsch", which names Germany in no Czech
    # source (an untagged alias, and a village in Czechia): no Czech form of Germany
    assert ("Deutsche", "de") not in found("Deutsche Mannschaft gewinnt in Brno, sagt der Trainer aus Přerov.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Srečanje je bilo v Ljubljani, minister pa je odpotoval v Nemčijo.", [("Ljubljani", "gn-3196359"), ("Nemčijo", "de")]),
        ("Predsednik vlade se je vrnil iz Avstrije, jutri bo na Hrvaškem.", [("Avstrije", "at"), ("Hrvaškem", "hr")]),
        ("Delegacija iz Kitajske je prispela v Evropo in nato še v Francijo.",
         [("Kitajske", "cn"), ("Evropo", "m49-150"), ("Francijo", "fr")]),
        # the "e" that drops before an ending (Koper); a town that is its municipality's seat stands
        ("Župani iz Kopra so se srečali z ministrom.", [("Kopra", "gn-3197753")]),
    ],
)  # fmt: skip
def test_slovenian_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Novinarji so poročali iz Zagreba, kjer je bilo srečanje.",  # Slovenian
        "Novinari su izvještavali iz Zagreba, gdje je održan sastanak.",  # Croatian
    ],
)
def test_a_form_two_languages_make_is_read_in_the_language_of_the_text(text: str) -> None:
    assert found(text) == [("Zagreba", "gn-3186886")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Greek: genitive -ς, -ου, accusative -ο
        ("Ο πρωθυπουργός της Ελλάδας μίλησε για την Κύπρο.", [("Ελλάδας", "gr"), ("Κύπρο", "cy")]),
        ("Ο πρόεδρος της Γαλλίας επισκέφθηκε τη Γερμανία.", [("Γαλλίας", "fr"), ("Γερμανία", "de")]),
        # Hebrew: the prepositions and the conjunction written with the name
        ("השגריר בישראל נפגש עם נציגים מצרפת ומגרמניה.", [("בישראל", "il"), ("מצרפת", "fr"), ("ומגרמניה", "de")]),
        # Serbo-Croatian
        ("Sastanak je održan u Zagrebu, a ministar je otputovao u Njemačku.", [("Zagrebu", "gn-3186886"), ("Njemačku", "de")]),
        ("Situacija u Hrvatskoj i Srbiji je stabilna, rekao je predsjednik koji je otišao.", [("Hrvatskoj", "hr"), ("Srbiji", "rs")]),
        # Hungarian
        ("A találkozót Budapesten tartották, a miniszter Németországba és Romániába utazott, közölte a kormány.",
         [("Budapesten", "gn-3054643"), ("Németországba", "de"), ("Romániába", "ro")]),
        # Romanian
        ("Președintele României s-a întâlnit la București cu ministrul Franței.",
         [("României", "ro"), ("București", "gn-683506"), ("Franței", "fr")]),
        # a name in -u takes the article's "l" alone
        ("Primarul Chișinăului a declarat că ședința a fost amânată.", [("Chișinăului", "gn-618426")]),
        # Slovak
        ("Stretnutie sa konalo v Bratislave a minister odcestoval do Maďarska a Rakúska.",
         [("Bratislave", "gn-3060972"), ("Maďarska", "hu"), ("Rakúska", "at")]),
        # a short text: "Bratislave" is a frequent word, Serbo-Croatian's form first, and Slovak's
        ("Vláda rokovala v Bratislave a v Košiciach.", [("Bratislave", "gn-3060972"), ("Košiciach", "gn-724443")]),
    ],
)  # fmt: skip
def test_greek_hebrew_serbo_croatian_hungarian_romanian_and_slovak_forms(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a frequent word ("in Jerusalem" is one), in a text too short to tell its language: the
        # script tells it
        ("ביקר בירושלים", [("בירושלים", "gn-281184")]),
        ("ביקר בחיפה", [("בחיפה", "gn-294801")]),
        ("ביקר בלונדון", [("בלונדון", "gn-2643743")]),
        # untagged names of Jerusalem that are words ("to pay", "worth noting"): Hebrew names it ירושלים
        ("הוא רצה לשלם את החשבון", []),
        ("ראוי לציון שהוא בא", []),
    ],
)
def test_a_hebrew_form_is_read_by_the_script_and_the_names_hebrew_gives(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        # an adjective is no case form: "Hrvatski" (Croatian), "Polskie" (Polish, plural)
        ("Hrvatski sabor je jučer izglasao zakon, rekao je ministar.", "hr"),
        ("Polskie Radio podało, że rząd zbierze się w piątek.", "pl"),
        # an ordinary word is read as a form only of a place by its own name, near or prominent:
        # "Biały Dom" (the White House) is no form of Biała, a part of Bielsko-Biała's name;
        # Serbo-Croatian "Onda" ("then") no form of Ondo, Nigeria
        ("Biały Dom ogłosił w piątek, że prezydent przyjedzie.", "gn-3103402"),
        ("Onda je ministar otišao kući, rekao je.", "gn-2326171"),
        # a source's error, dropped: iso-codes' Slovak "Domov" ("home") for Laos
        ("Odišiel z domova a vrátil sa Domova večer, povedal.", "la"),
    ],
)
def test_words_that_are_no_case_forms(text: str, not_found: str) -> None:
    assert not_found not in {place for _, place in found(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Susitikimas vyko Vilniuje, o ministras išvyko į Lenkiją ir Vokietiją, pranešė Lietuvos vyriausybė.",
         [("Vilniuje", "gn-593116"), ("Lenkiją", "pl"), ("Vokietiją", "de"), ("Lietuvos", "lt")]),
        # the accusative of a name in -as after "į" (to)
        ("Premjeras išskrido į Londoną, o jo pavaduotojas išvyko į Kauną, pranešė vyriausybė.",
         [("Londoną", "gn-2643743"), ("Kauną", "gn-598316")]),
        ("Tikšanās notika Rīgā, un ministrs devās uz Vāciju un Krieviju, paziņoja Latvijas valdība.",
         [("Rīgā", "gn-456172"), ("Vāciju", "de"), ("Krieviju", "ru"), ("Latvijas", "lv")]),
    ],
)  # fmt: skip
def test_lithuanian_and_latvian_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a frequent word that begins a sentence is the word: "Wolę" ("I prefer"), Lithuanian
        # "Vienos" ("of one"); in the sentence, capitalised, the place (Wola, Vienna)
        ("Wolę kawę od herbaty. Mieszkam na Woli od lat.", "gn-755330"),
        ("Vienos dienos užteko. Jis studijavo Vienos universitete.", "gn-2761369"),
    ],
)
def test_a_frequent_word_that_begins_a_sentence_is_no_case_form(text: str, place: str) -> None:
    mentions = toponym.extract(text)
    assert [m.place.id for m in mentions] == [place]
    assert mentions[0].start > text.index(".")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the case forms of a metropolis's untagged name in its own script are frequent words
        # because the city is written of so often; spoken there, the language reads them
        ("Поезд из Одессы прибыл в Киев с опозданием.", [("Одессы", "gn-698740"), ("Киев", "gn-703448")]),
        ("Делегация из Казани встретилась с мэром.", [("Казани", "gn-551487")]),
        ("Мы прилетели в Воронеж из Ростова утром.", [("Воронеж", "gn-472045"), ("Ростова", "gn-501175")]),
        ("Вчора потяг з Одеси прибув до Харкова.", [("Одеси", "gn-698740"), ("Харкова", "gn-706483")]),
    ],
)  # fmt: skip
def test_a_metropolis_by_its_own_name_in_a_case_form_that_is_a_frequent_word(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        # "Горький", Nizhny Novgorod's name until 1990, reads as no respelling of its name: the
        # genitive of the writer's name names streets and parks
        ("Они гуляли по улице Горького до вечера.", "gn-520555"),
        # a clitic is no case ending: "بمدينة" is "in the city of", not Medina
        ("وافق المجلس على المشروع بمدينة نصر أمس.", "gn-109223"),
    ],
)
def test_a_frequent_word_is_no_form_of_a_metropolis_by_another_name(text: str, not_found: str) -> None:
    assert not_found not in {place for _, place in found(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Az Index szerint a miniszterelnök Budapesten tárgyalt.", [("Budapesten", "gn-3054643")]),
        ("I går reste statsministern till Tysklands huvudstad.", [("Tysklands", "de")]),
    ],
)
def test_a_capital_i_is_no_turkish_letter(text: str, expected: list[tuple[str, str]]) -> None:
    # Hungarian and Swedish endings are not read in a text with Turkish "ı"; its capital is "I",
    # which every text in Latin letters may hold
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ის თბილისში ცხოვრობს, მაგრამ ქუთაისიდან არის.", [("თბილისში", "gn-611717"), ("ქუთაისიდან", "gn-613607")]),
        # the dative, and before "და" ("and") with -ა; a name in -ა loses it in the genitive
        ("საქართველოს პრეზიდენტი ეწვია საფრანგეთსა და გერმანიას.", [("საქართველოს", "ge"), ("საფრანგეთსა", "fr"), ("გერმანიას", "de")]),
        ("გერმანიის მთავრობამ ბათუმს მიაშურა.", [("გერმანიის", "de"), ("ბათუმს", "gn-615532")]),
        # the lari's genitive is no form of Lara, a worker's of Muş, "in the centre" of no region
        ("ფასი ათი ლარის ოდენობით გაიზარდა.", []),
        ("მუშის ხელფასი ცენტრში გაიზარდა.", []),
    ],
)  # fmt: skip
def test_georgian_case_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a case form before a name is no given name ("Janet Reno"): two places, one after the other
        ("A miniszterelnök Budapestről Debrecenbe utazott.", [("Budapestről", "gn-3054643"), ("Debrecenbe", "gn-721472")]),
        # "von" is no given name though "Von" is one: no "second surname" after it
        ("Er fuhr von Berlin München entgegen.", [("Berlin", "gn-2950159"), ("München", "gn-2867714")]),
    ],
)  # fmt: skip
def test_a_name_after_a_case_form_or_a_particle_is_no_surname(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Estonian: the ending on a name in a vowel, the genitive's vowel first on one in a consonant
        ("Peaminister kohtus Tallinnas ja sõitis seejärel Tartusse ja Venemaale.", [("Tallinnas", "gn-588409"), ("Tartusse", "gn-588335"), ("Venemaale", "ru")]),
        ("Valitsus arutas olukorda Ukrainas ja Saksamaal, kõik ministrid olid Berliinis.", [("Ukrainas", "ua"), ("Saksamaal", "de"), ("Berliinis", "gn-2950159")]),
        # Azerbaijani: no apostrophe before the ending, a glide after a vowel
        ("Prezident Bakıda Türkiyənin nümayəndələri ilə görüşdü; sonra Gəncəyə getdi.", [("Bakıda", "gn-587084"), ("Türkiyənin", "tr"), ("Gəncəyə", "gn-586523")]),
        # Kazakh, in Cyrillic letters
        ("Президент Алматыда кездесті, кейін Астанаға барды, Мәскеуге сапармен барды.", [("Алматыда", "gn-1526384"), ("Астанаға", "gn-1526273"), ("Мәскеуге", "gn-524901")]),
    ],
)  # fmt: skip
def test_estonian_azerbaijani_and_kazakh_case_forms(text: str, expected: list[tuple[str, str]]) -> None:
    # none of the three has a word list that tells a text's language: its own letters tell it
    # (õ, ə, the Kazakh letters), and the form must be a name in the language
    assert found(text) == expected


def test_estonian_endings_are_not_read_without_estonian_letters() -> None:
    # "Tallinnas" in a text with no "õ" is read as written (no key), as in Portuguese text with "ões"
    assert found("Peaminister kohtus Tallinnas eile.") == []
    assert found("As negociações em Tallinnas foram longas.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kryeministri vizitoi Tiranën dhe Durrësin, pastaj udhëtoi për në Kosovë.", [("Tiranën", "gn-3183875"), ("Durrësin", "gn-3185728"), ("Kosovë", "xk")]),
        # a name in -i, and one in -ër, which loses its "ë"
        ("Qeveria e Shqipërisë dhe bashkia e Shkodrës diskutuan me Italinë.", [("Shqipërisë", "al"), ("Shkodrës", "gn-3184081"), ("Italinë", "it")]),
    ],
)  # fmt: skip
def test_albanian_definite_and_case_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town of a few tens of thousands, in a case form right after "in": it stands alone, as
        # "in Bayreuth" does
        ("Mieszka od lat w Kłodzku.", [("Kłodzku", "gn-3096053")]),
        ("Он родился и вырос в Кимрах.", [("Кимрах", "gn-548652")]),
        # ... also where its name is a word of English or a frequent word of the language
        ("Ljeto provodi sa ženom u Splitu.", [("Splitu", "gn-3190261")]),
        ("Žije v Přerově už dvacet let.", [("Přerově", "gn-3067580")]),
        # a stored case form (an alias) after the Russian preposition
        ("Она работает в Кинешме.", [("Кинешме", "gn-548605")]),
        # a town of 50,000 people or more, in a case form that is a frequent word of its language
        # (its news names it often); Slovenian "v", though Serbo-Croatian makes the form too
        ("Pretresi su održani u Zagrebu i u Osijeku.", [("Zagrebu", "gn-3186886"), ("Osijeku", "gn-3193935")]),
        ("Živi v Ljubljani, dela v Mariboru.", [("Ljubljani", "gn-3196359"), ("Mariboru", "gn-3195506")]),
    ],
)
def test_a_case_form_after_a_preposition_of_place_stands(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Він переїхав з Дніпра до Берліна.", [("Дніпра", "gn-709930"), ("Берліна", "gn-2950159")]),
        ("Вона живе у Дніпрі, а працює у Кременчуці.", [("Дніпрі", "gn-709930"), ("Кременчуці", "gn-704147")]),
        ("Він повернувся з Криму.", [("Криму", "crimea")]),
        ("Він захоплюється Берліном і Одесою.", [("Берліном", "gn-2950159"), ("Одесою", "gn-698740")]),
        ("Делегація з Полтави прибула вчора.", [("Полтави", "gn-696643")]),
    ],
)
def test_ukrainian_genitive_dative_and_instrumental(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the genitive of a Polish plural name in -ice takes no ending
        ("Pociąg z Katowic do Krakowa jest opóźniony.", [("Katowic", "gn-3096472"), ("Krakowa", "gn-3094802")]),
        ("Wrócił z Gliwic i z Kielc, mówi rzecznik.", [("Gliwic", "gn-3099230"), ("Kielc", "gn-769250")]),
        # a Czech name in -ec loses its e before an ending
        ("Zápas v Liberci skončil remízou, řekl trenér.", [("Liberci", "gn-3071961")]),
    ],
)
def test_forms_without_an_ending_or_a_fleeting_e(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the preposition, not the case form, is what changed: a town's name that is a word, with no
        # case ending, still needs another place of the text ("Split" is an English word)
        "Il a dit: Split the bill.",
        # "у" in Russian is "at", "by" (someone's): no preposition of place
        "Встреча у Путина прошла вчера.",
    ],
)
def test_no_place_where_no_case_form_follows_a_preposition_of_place(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Kolína" is Czech for "of Kolín"; only an untagged "Kolina" of Colina, Chile, reaches it,
        # by dropping its accent: no place without another of the text
        ("Přijel z Kolína do Prahy vlakem.", [("Prahy", "gn-3067696")]),
        # after a preposition of place the spelling without accents still names the town
        ("Il habite à Môtiers depuis dix ans.", [("Môtiers", "gn-2991325")]),
    ],
)
def test_a_word_with_accents_that_only_a_spelling_without_them_reaches(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # German glues the direction to the name, and the genitive goes on the compound
        (
            "Die Dürre trifft vor allem Süditalien und den Nordirak.",
            [("Süditalien", "it"), ("Nordirak", "iq")],
        ),
        (
            "Die Bauern Norddeutschlands und Westsibiriens klagen.",
            [("Norddeutschlands", "de"), ("Westsibiriens", "siberia")],
        ),
        ("Das Unwetter zog über Nordhessen hinweg.", [("Nordhessen", "de-he")]),
        # Dutch, Finnish, Norwegian write a hyphen; the direction's own key (Dutch "Noord" is the
        # French département Nord) goes with it
        (
            "De gevechten in Noord-Syrië en Noord-Irak gaan door.",
            [("Noord-Syrië", "sy"), ("Noord-Irak", "iq")],
        ),
        (
            "Pohjois-Italia ja Keski-Eurooppa kärsivät helteestä.",
            [("Pohjois-Italia", "it"), ("Keski-Eurooppa", "m49-150")],
        ),
        ("Die Lage in Süd-Italien bleibt angespannt.", [("Süd-Italien", "it")]),
        # Swedish, Danish and Norwegian glue it too, and the genitive goes on the compound
        (
            "Regeringen diskuterade läget i Nordtyskland och Östukraina.",
            [("Nordtyskland", "de"), ("Östukraina", "ua")],
        ),
        ("Uvejret ramte Sydsverige og Nordtysklands kyst.", [("Sydsverige", "se"), ("Nordtysklands", "de")]),
        # ... and a case form after the hyphen is the compound's (no part of a longer word)
        (
            "Hän asui Pohjois-Italiassa ja kävi Etelä-Suomessa.",
            [("Pohjois-Italiassa", "it"), ("Etelä-Suomessa", "fi")],
        ),
    ],
)
def test_a_direction_written_with_a_name_is_part_of_the_mention(text: str, expected: list[tuple[str, str]]) -> None:
    """A part of a country named by its direction ("Süditalien", "Noord-Syrië") is one word with
    the name: the mention is the whole word, as annotators mark it, and the named place's."""
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # keys of their own stay their own places
        (
            "Nach Südafrika und Nordirland reisten sie über Westfalen.",
            [("Südafrika", "za"), ("Nordirland", "gb-nir"), ("Westfalen", "westphalia")],
        ),
        ("In voormalig Oost-Duitsland en in Noord-Brabant.", [("Oost-Duitsland", "ddde"), ("Noord-Brabant", "nl-nb")]),
        # a river has no south ("Nordrhein" is a region), the East Indies are no part of India, and a
        # direction's word before a name that is no place ("Westerwelle") makes nothing
        ("Der Handel mit Ostindien begann in Nordrhein, sagte Westerwelle.", []),
    ],
)
def test_a_direction_compound_reads_only_a_part_of_a_place(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Er lebt in Süditalien.", "Er lebt in Süd-Italy."),  # the name lost its capital: a hyphen
        ("Hij woont in Zuid-Frankrijk.", "Hij woont in Zuid-France."),
        ("Das Wetter Norditaliens ist mild.", "Das Wetter Nord-Italy ist mild."),
    ],
)
def test_a_rewrite_keeps_the_direction(text: str, want: str) -> None:
    """Rewritten to its place's name, a direction compound keeps its direction: "Süditalien" is
    the south of Italy, not Italy."""
    assert toponym.normalize_text(text, lang="en") == want


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a name in a vowel and "а" is not declined: "Самое" ("the most") is no case form of Самоа
        ("Самое главное — не спешить с выводами .", []),
        ("Он прилетел на Самоа в понедельник .", ["Самоа"]),
        ("Он вернулся из Москвы и Кубы .", ["Москвы", "Кубы"]),
    ],
)
def test_a_name_in_a_vowel_and_a_is_not_declined(text: str, names: list[str]) -> None:
    assert [m.text for m in toponym.extract(text)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a case form in capitals is a word's, but a country's or a metropolis's
        ("ТАБЛИЦА СИМВОЛОВ : ЗНАК ИЕНЫ И ЗНАК ФУНТА", []),  # the yen's sign, no Jena
        ("ДЛИННОЕ ТИРЕ И КОРОТКОЕ ТИРЕ", []),  # a dash, no Tyre
        ("DEUTSCHLANDS WIRTSCHAFT WÄCHST WIEDER", ["DEUTSCHLANDS"]),
    ],
)
def test_a_case_form_in_capitals_names_only_a_renowned_place(text: str, names: list[str]) -> None:
    assert [m.text for m in toponym.extract(text)] == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a city abroad that no Hungarian, Czech or Finnish name names is written as others write it,
        # and declined so
        (
            "A tárgyalásokat Washingtonban tartották, ahol az amerikai elnök is részt vett a megbeszélésen.",
            [("Washingtonban", "gn-4140963")],
        ),
        (
            "A miniszterelnök szerdán Londonba repült, ahol a brit kormányfővel is tárgyalt, és a két ország együttműködéséről beszéltek.",
            [("Londonba", "gn-2643743")],
        ),
        (
            "Ministr zahraničí se ve středu sešel ve Washingtonu se svým americkým protějškem a jednali o sankcích.",
            [("Washingtonu", "gn-4140963")],
        ),
        (
            "Ulkoministeri tapasi keskiviikkona Washingtonissa yhdysvaltalaisen kollegansa, ja he keskustelivat siitä, mitä pakotteet tarkoittavat.",
            [("Washingtonissa", "gn-4140963")],
        ),
        # a city the language names otherwise is declined by that name only: Finnish "Lontoo", not "London"
        (
            "Hän sanoi, että Londonissa ja Lontoossa on paljon ihmisiä, ja he ovat kaikki tyytyväisiä.",
            [("Lontoossa", "gn-2643743")],
        ),
    ],
)
def test_a_city_abroad_written_as_elsewhere_is_declined(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hungarian, Finnish, Czech and Serbo-Croatian put the ending on a name's last word
        (
            "A tárgyalásokat New Yorkban tartották, ahol az amerikai elnök is részt vett a megbeszélésen.",
            [("New Yorkban", "gn-5128581")],
        ),
        (
            "Hän asuu nyt New Yorkissa, mutta hän on syntynyt Helsingissä.",
            [("New Yorkissa", "gn-5128581"), ("Helsingissä", "gn-658225")],
        ),
        (
            "Ministr zahraničí se ve středu sešel v New Yorku se svým americkým protějškem.",
            [("New Yorku", "gn-5128581")],
        ),
        ("Ministar je u srijedu u New Yorku razgovarao s američkim kolegom.", [("New Yorku", "gn-5128581")]),
        # ... and on a name's last part after its hyphen ("Nagy-Britannia", Great Britain)
        (
            "A látogatás Nagy-Britanniában véget ért, a miniszterelnök hazautazott Budapestre.",
            [("Nagy-Britanniában", "gb"), ("Budapestre", "gn-3054643")],
        ),
    ],
)
def test_the_ending_on_the_last_word_of_a_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a short text told in no language: a city of half a million abroad is declined as any
        ("Schůzka se konala ve Washingtonu.", [("Washingtonu", "gn-4140963")]),
        ("Зустріч відбулася у Вашингтоні.", [("Вашингтоні", "gn-4140963")]),
        # ... a smaller town abroad is no form without a text that tells the language
        ("Byl jsem v Daytonu.", []),
    ],
)
def test_a_renowned_city_is_declined_in_a_short_text(text: str, names: list[tuple[str, str]]) -> None:
    assert [(m.text, m.place.id) for m in toponym.extract(text)] == names
