"""Language by script share, and the same-length folding used for matching."""
from extract.language import detect_language, fold, read_lexicon


def test_arabic_report_with_latin_acronyms_is_arabic():
    assert detect_language('وأكد كيربي في مقابلة مع شبكة "CNN" أن الضربات استهدفت مواقع قرب الميادين') == "ar"


def test_english_report_with_arabic_name_is_english():
    assert detect_language("The strike hit a depot in Deir ez-Zor (دير الزور) late on Thursday, a monitor said.") == "en"


def test_neither_script_is_und():
    assert detect_language("") == "und"
    assert detect_language("2023-03-24 14 ١٤ -- !!") == "und"
    assert detect_language("Привет мир, это не арабский") == "und"


def test_fold_keeps_length_and_unifies_variants():
    text = "إصابة آخر في ٢٤ آذار – BEIRUT"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "اصابه اخر في 24 اذار - beirut"


def test_read_lexicon_skips_comments():
    rows = read_lexicon("outlets.tsv")
    assert ["رويترز", "Reuters"] in rows
    assert not any(row[0].startswith("#") for row in rows)


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_fold_always_keeps_length_and_detect_never_raises(text):
    assert len(fold(text)) == len(text)
    assert detect_language(text) in ("ar", "en", "und")
