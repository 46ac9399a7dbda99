"""scan(): place names in running Arabic and English text, whole tokens, original offsets."""
import pytest

from gazetteer import GazetteerInputError, PlaceMention, load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def found(gaz, text):
    return [(m.surface, m.best.country) for m in gaz.scan(text)]


def test_offsets_are_into_the_original_text(gaz):
    text = "قصفت طائرات مسيّرة مواقع قُربَ «البُوكَمال» وبِالحَسَكَةِ، ثم Deir ez-Zor."
    mentions = gaz.scan(text)
    assert [m.surface for m in mentions] == ["البُوكَمال", "وبِالحَسَكَةِ", "Deir ez-Zor"]
    for m in mentions:
        assert isinstance(m, PlaceMention)
        assert text[m.start:m.end] == m.surface
        assert m.start <= m.name_start < m.end
    hasakah = mentions[1]
    assert text[hasakah.name_start:hasakah.end] == "الحَسَكَةِ"     # و and ب stripped, ال kept
    assert hasakah.best.id == "gn:173811"


@pytest.mark.parametrize("token, name", [
    ("والميادين", "الميادين"), ("بالحسكة", "الحسكة"), ("للقامشلي", "قامشلي"), ("فالرقة", "الرقة"),
    ("ومنبج", "منبج"), ("لـالحسكة", "الحسكة"), ("وبالبوكمال", "البوكمال"),
])
def test_attached_prefixes(gaz, token, name):
    text = f"سقطت قذائف {token} أمس"
    (m,) = gaz.scan(text)
    assert m.surface == token and text[m.name_start:m.end] == name
    assert m.best.country == "Syria"


def test_whole_token_first_a_name_that_starts_like_a_prefix(gaz):
    (m,) = gaz.scan("وصل إلى بغداد")
    assert m.surface == "بغداد" and m.name_start == m.start and m.best.country == "Iraq"
    (m,) = gaz.scan("من لبنان")
    assert m.best.id == "country:LB" and m.name_start == m.start


def test_no_match_inside_a_word(gaz):
    assert gaz.scan("Hitler Hitting Raqqan Homsick") == []
    assert gaz.scan("الحسكاوي منبجي") == []


def test_longest_match_wins(gaz):
    mentions = gaz.scan("near Deir ez-Zor Airport and in حقل العمر")
    assert [m.surface for m in mentions] == ["Deir ez-Zor Airport", "حقل العمر"]
    assert mentions[0].best.kind in ("airport", "air_base")
    assert mentions[1].best.kind == "oil_field"


def test_name_with_and_without_space(gaz):
    a, b = gaz.scan("البوكمال و البو كمال")
    assert a.best.id == b.best.id == "gn:174448"


def test_latin_article_is_part_of_the_surface(gaz):
    (m,) = gaz.scan("Strikes hit al-Mayadin overnight.")
    assert m.surface == "al-Mayadin" and m.best.id == "gn:173480"


def test_english_words_are_not_places(gaz):
    text = ("an IED hit a tall building; the SDF said it was a hit. The Euphrates rose. "
            "Hit by drones, the base at the tell was quiet.")
    assert gaz.scan(text) == []


def test_hit_the_town_in_running_text(gaz):
    assert found(gaz, "Rockets landed in Hit on Monday.") == [("Hit", "Iraq")]


def test_hyphenated_short_articles(gaz):
    surfaces = [m.surface for m in gaz.scan("clashes in an-Nabk and as-Safira")]
    assert surfaces == ["an-Nabk", "as-Safira"]


def test_stop_list_in_text(gaz):
    assert gaz.scan("قال العمر إن الحرس الثوري والجيش يشكلون النصر") == []
    assert found(gaz, "سقط صاروخان في حقل العمر") == [("حقل العمر", "Syria")]


def test_mixed_languages_in_one_text(gaz):
    text = "Rockets hit Qamishli (القامشلي) and al-Hasakeh (الحسكة) near Tal Abyad."
    assert [m.surface for m in gaz.scan(text)] == ["Qamishli", "القامشلي", "al-Hasakeh", "الحسكة", "Tal Abyad"]


def test_seed_article_places(gaz, seed_article_path):
    text = seed_article_path.read_text(encoding="utf-8")
    ids = {m.best.id for m in gaz.scan(text)}
    assert {"gn:170794", "gn:173480", "gn:174448", "gn:173811"} <= ids      # Deir ez-Zor, Mayadin, Albu Kamal, Hasakah
    assert any(m.best.kind == "oil_field" for m in gaz.scan(text))           # حقل العمر
    surfaces = [m.surface for m in gaz.scan(text)]
    assert "مدينة" not in surfaces and "بيان" not in surfaces


def test_mentions_in_text_order_and_non_overlapping(gaz):
    text = "دير الزور والميادين والبوكمال Raqqa Idlib Aleppo Homs " * 3
    ms = gaz.scan(text)
    assert len(ms) == 21
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


def test_empty_and_non_text(gaz):
    assert gaz.scan("") == [] and gaz.scan("   ...  ") == []
    with pytest.raises(GazetteerInputError):
        gaz.scan(None)


def test_common_arabic_words_that_are_also_foreign_place_names(gaz):
    text = "وقال عنه المتحدث إن سنة كاملة مرت وأن الحي القديم في السجن ولا صور"
    assert gaz.scan(text) == []


def test_english_possessive(gaz):
    (m,) = gaz.scan("in Raqqa’s eastern countryside")
    assert m.surface == "Raqqa’s" and m.best.id == "gn:172955"
    assert gaz.lookup("Hasakah's")[0].id == "gn:173811"


def test_a_stop_word_that_looks_like_prefix_plus_name(gaz):
    assert gaz.scan("عناصر من الفرقة الرابعة وفرقة أخرى") == []
    assert [m.surface for m in gaz.scan("فرقة في الرقة وفرقة")] == ["الرقة"]


def test_people_and_outlets_are_not_places(gaz):
    text = "Bashar al-Assad, Ali, Ahmed and Nasser spoke to Al Jazeera; Rami Abdulrahman of the Observatory."
    assert gaz.scan(text) == []
    assert [m.surface for m in gaz.scan("Rockets hit Ain al-Asad")] == ["Ain al-Asad"]


from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from(["دير الزور", "والميادين", "بالحسكة", "للقامشلي", "Deir ez-Zor", "al-Mayadin",
                           "Raqqa's", "an IED", "Hit", "tall", "، ", ". ", " ", "-", "ـ", "ُ", "ّ",
                           "(", "»", "\n", "x", "ب", "ال", "Al", "٣"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_scan_invariants_on_any_mix(text):
    gaz = load_gazetteer()
    mentions = gaz.scan(text)
    for m in mentions:
        assert 0 <= m.start <= m.name_start < m.end <= len(text)
        assert m.surface == text[m.start:m.end] and m.candidates
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_scan_of_a_cut_text_gives_offsets_in_the_whole(gaz):
    text = "Strikes were reported. Drones struck a car near Qamishli on Monday."
    cut = text.index("Drones")
    whole = [(m.start, m.end, m.name_start) for m in gaz.scan(text)]
    assert [(m.start, m.end, m.name_start) for m in gaz.scan(text[cut:], cut)] == whole
    assert [text[m.start:m.end] for m in gaz.scan(text[cut:], cut)] == ["Qamishli"]
