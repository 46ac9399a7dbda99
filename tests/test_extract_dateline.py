"""Wire datelines and source credits."""
import pytest

from extract.dateline import find_original_source, lookup_outlet, parse_dateline


@pytest.mark.parametrize("text, place, outlet", [
    ("أربيل (كوردستان24)- شهد شرق سوريا تصعيداً", "أربيل", "Kurdistan24"),
    ("دمشق - (رويترز) - قالت وسائل إعلام رسمية", "دمشق", "Reuters"),
    ("BEIRUT (Reuters) - U.S. forces struck", "Beirut", "Reuters"),
    ("DAMASCUS, March 24 (AFP) - Israeli strikes hit", "Damascus", "AFP"),
    ("Erbil (Kurdistan24) – A drone attack targeted", "Erbil", "Kurdistan24"),
    ("DEIR EZ-ZOR (SANA) - Shells fell on", "Deir Ez-Zor", "SANA"),
    ("بغداد/ شفق نيوز: أفاد مصدر أمني", "بغداد", "Shafaq News"),
    ("القامشلي (نورث برس) – قصفت القوات التركية", "القامشلي", "North Press Agency"),
    ("BAGHDAD — A roadside bomb struck", "Baghdad", None),
    ("DEIR EZ-ZOR, Syria - Rockets hit", "Deir Ez-Zor", None),
    ("BEIRUT (AP) — Israeli jets struck", "Beirut", "AP"),
    ("دمشق - «الشرق الأوسط»: قُتل ثلاثة عناصر", "دمشق", "Asharq Al-Awsat"),   # the outlet in quotes
])
def test_datelines(text, place, outlet):
    dateline = parse_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.outlet) == (place, outlet)
    assert dateline.start == 0
    assert text[dateline.place_start:dateline.place_end].lower() == place.lower()
    assert not text[dateline.end:].startswith((" ", "-", "–", ":"))


def test_dateline_after_a_title_has_offsets_in_the_whole_text():
    text = "Strikes hit eastern Syria\n\nBEIRUT (Reuters) - U.S. aircraft struck two depots."
    dateline = parse_dateline(text)
    assert text[dateline.place_start:dateline.place_end] == "BEIRUT"
    assert text[dateline.end:].startswith("U.S. aircraft")


@pytest.mark.parametrize("text", [
    "US strikes Syria (video)\nThe strikes came after a drone attack.",
    "Syrian state media (SANA) said the strikes killed two soldiers.",
    "قالت وزارة الدفاع الأميركية (البنتاغون) إن الجيش نفذ ضربات",
    "A drone hit a base on Thursday.",
    "CNN - The Pentagon said",
    "UPDATE 2-U.S. strikes hit depots",
    "",
])
def test_no_dateline(text):
    assert parse_dateline(text) is None


def test_dateline_without_place():
    dateline = parse_dateline("(AFP) - Rockets hit a base")
    assert dateline.place is None and dateline.outlet == "AFP"


@pytest.mark.parametrize("text, source", [
    ("نص الخبر.\n\nالمصدر: الشرق الاوسط", "Asharq Al-Awsat"),
    ("نص الخبر.\nالمصدر : وكالة الأناضول", "Anadolu Agency"),
    ("Story text.\nSource: Reuters", "Reuters"),
    ("Story text ends here. (AFP)", "AFP"),
    ("Story text ends here - AFP", "AFP"),
    ("انتهى الخبر. (رويترز)", "Reuters"),
    ("Story.\n(Reporting by A. Writer in Beirut; Editing by B. Editor)", "Reuters"),
    ("Story.\nSource: Daily Example Gazette", "Daily Example Gazette"),
    ("BEIRUT (Reuters) - Story with no credit line.", "Reuters"),
    ("A story with no credit at all.", None),
])
def test_original_source(text, source):
    assert find_original_source(text) == source


def test_a_mid_text_attribution_is_not_the_original_source():
    text = "أربيل (كوردستان24)- قال الجيش إن الطائرة إيرانية، حسب وكالة رويترز. وتابع التقرير."
    assert find_original_source(text) == "Kurdistan24"


def test_lookup_outlet_folds_spelling_variants():
    assert lookup_outlet("الشرق الأوسط") == lookup_outlet("الشرق الاوسط") == "Asharq Al-Awsat"
    assert lookup_outlet("وكالة فرانس برس") == "AFP"
    assert lookup_outlet("the Associated Press") == "AP"
    assert lookup_outlet("Some Blog") is None


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("BEIRUT (Reuters) -–:/ أربيل(كوردستان24)\nالمصدر: رويترز")), max_size=60))
def test_dateline_functions_never_raise(text):
    dateline = parse_dateline(text)
    if dateline is not None:
        assert 0 <= dateline.start < dateline.end <= len(text)
    source = find_original_source(text)
    assert source is None or isinstance(source, str)
