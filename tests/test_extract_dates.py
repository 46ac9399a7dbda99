"""Date expressions resolved against the publication date (ACLED event_date + time_precision)."""
from datetime import date

import pytest

from extract.dates import find_date_expressions, most_recent_weekday, resolve_event_date

FRIDAY = date(2023, 3, 24)      # a Friday publication date
SUNDAY = date(2023, 3, 26)


def only(text, published=FRIDAY, language=None):
    mentions = find_date_expressions(text, published, language)
    assert len(mentions) == 1, mentions
    m = mentions[0]
    return str(m.date), m.precision, m.kind, text[m.start:m.end]


@pytest.mark.parametrize("text, expected", [
    ("نفذ الجيش ضربات جوية مساء الخميس في سوريا", ("2023-03-23", 1, "weekday", "مساء الخميس")),
    ("أطلقت ثلاثة صواريخ صباح الجمعة", ("2023-03-24", 1, "weekday", "صباح الجمعة")),
    ("وقال المتحدث، الجمعة، إن", ("2023-03-24", 1, "weekday", "الجمعة")),
    ("قصفت الطائرات يوم الخميس مواقع", ("2023-03-23", 1, "weekday", "يوم الخميس")),
    ("ويوم الأحد سقطت قذائف", ("2023-03-19", 1, "weekday", "ويوم الأحد")),
    ("في نحو الساعة 1:38 ليل الخميس - الجمعة", ("2023-03-23", 1, "weekday", "ليل الخميس - الجمعة")),
    ("ليل الأربعاء إلى الخميس", ("2023-03-22", 1, "weekday", "ليل الاربعاء الى الخميس")),
    ("ليل الأربعاء الخميس", ("2023-03-22", 1, "weekday", "ليل الاربعاء الخميس")),
    ("في الرابع عشر من الشهر الجاري", ("2023-03-14", 1, "absolute", "الرابع عشر من الشهر الجاري")),
    ("وقعت الغارة ليلة الخميس", ("2023-03-23", 1, "weekday", "ليلة الخميس")),
    ("الخميس الماضي", ("2023-03-23", 1, "weekday", "الخميس الماضي")),
    ("الجمعة الماضي", ("2023-03-17", 1, "weekday", "الجمعة الماضي")),
    ("فجر اليوم", ("2023-03-24", 1, "relative", "فجر اليوم")),
    ("قصف مدفعي أمس على القرية", ("2023-03-23", 1, "relative", "أمس")),
    ("مساء أمس", ("2023-03-23", 1, "relative", "مساء أمس")),
    ("أمس الأول", ("2023-03-22", 1, "relative", "أمس الأول")),
    ("قبل يومين", ("2023-03-22", 1, "relative", "قبل يومين")),
    ("قبل ثلاثة أيام", ("2023-03-21", 1, "relative", "قبل ثلاثة أيام")),
    ("منذ ٤ أيام", ("2023-03-20", 1, "relative", "منذ ٤ أيام")),
    ("منذ أيام", ("2023-03-21", 2, "relative", "منذ أيام")),
    ("قبل أيام", ("2023-03-21", 2, "relative", "قبل أيام")),
    ("الأسبوع الماضي", ("2023-03-17", 2, "relative", "الأسبوع الماضي")),
])
def test_arabic_relative_and_weekdays(text, expected):
    got = only(text, language="ar")
    assert got[:3] == expected[:3]
    # the span is the expression (folding never changes offsets)
    assert got[3].replace("ا", "").replace("إ", "").replace("أ", "") == \
        expected[3].replace("ا", "").replace("إ", "").replace("أ", "")


@pytest.mark.parametrize("text, expected", [
    ("U.S. aircraft struck the depots on Thursday evening", ("2023-03-23", 1, "weekday", "on Thursday evening")),
    ("The strikes were carried out late Thursday", ("2023-03-23", 1, "weekday", "late Thursday")),
    ("Officials said on Friday that", ("2023-03-24", 1, "weekday", "on Friday")),
    ("The base was hit last Friday", ("2023-03-17", 1, "weekday", "last Friday")),
    ("Thursday night into Friday", ("2023-03-23", 1, "weekday", "Thursday night into Friday")),
    ("Rockets hit the base overnight", ("2023-03-23", 1, "relative", "overnight")),
    ("A drone struck a car yesterday", ("2023-03-23", 1, "relative", "yesterday")),
    ("The ministry said today", ("2023-03-24", 1, "relative", "today")),
    ("in a strike earlier this week", ("2023-03-22", 2, "relative", "earlier this week")),
    ("clashes last week", ("2023-03-17", 2, "relative", "last week")),
    ("an attack days ago", ("2023-03-21", 2, "relative", "days ago")),
    ("killed two days ago", ("2023-03-22", 1, "relative", "two days ago")),
    ("shelled the day before yesterday", ("2023-03-22", 1, "relative", "the day before yesterday")),
    ("raids in recent days", ("2023-03-21", 2, "relative", "in recent days")),
    ("a drone struck a few hours ago", ("2023-03-24", 1, "relative", "hours ago")),
])
def test_english_relative_and_weekdays(text, expected):
    assert only(text, language="en") == expected


@pytest.mark.parametrize("text, expected", [
    ("On 9 May 2020, clashes took place", ("2020-05-09", 1, "absolute", "On 9 May 2020")),
    ("The attack of 24 March 2023 was", ("2023-03-24", 1, "absolute", "24 March 2023")),
    ("DAMASCUS, March 24 (AFP)", ("2023-03-24", 1, "absolute", "March 24")),
    ("March 24, 2022 was", ("2022-03-24", 1, "absolute", "March 24, 2022")),
    ("بتاريخ ٢٤ آذار ٢٠٢٣ قصفت", ("2023-03-24", 1, "absolute", "٢٤ آذار ٢٠٢٣")),
    ("في 24 آذار/مارس 2023", ("2023-03-24", 1, "absolute", "24 آذار/مارس 2023")),
    ("في 3 تشرين الأول", ("2022-10-03", 1, "absolute", "3 تشرين الأول")),
    ("يوم 12 كانون الثاني 2021", ("2021-01-12", 1, "absolute", "12 كانون الثاني 2021")),
    ("في الـ15 من شباط", ("2023-02-15", 1, "absolute", "الـ15 من شباط")),
    ("١٠ أيار", ("2022-05-10", 1, "absolute", "١٠ أيار")),
    ("بتاريخ 24/3/2023", ("2023-03-24", 1, "absolute", "24/3/2023")),
    ("(2023-03-20)", ("2023-03-20", 1, "absolute", "2023-03-20")),
    ("في كانون الثاني 2023", ("2023-01-15", 3, "absolute", "كانون الثاني 2023")),
    ("في 21 الجاري", ("2023-03-21", 1, "absolute", "21 الجاري")),
    ("يوم 28 من الشهر الماضي", ("2023-02-28", 1, "absolute", "28 من الشهر الماضي")),
    ("في شباط الماضي", ("2023-02-15", 3, "absolute", "في شباط")),
    ("fighting in March", ("2023-03-15", 3, "absolute", "in March")),
    ("since May 2022", ("2022-05-15", 3, "absolute", "May 2022")),
])
def test_absolute_dates(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize("text", [
    "مارس الجيش ضغوطاً على الفصائل",       # مارس = "exercised", not March
    "he may go there",                       # may the verb
    "في الساعات الماضية",
    "a peaceful march through the town",
    "وقال المرصد السوري لحقوق الإنسان إن",
])
def test_not_dates(text):
    assert find_date_expressions(text, FRIDAY) == []


def test_weekday_rule():
    assert most_recent_weekday(SUNDAY, 6) == SUNDAY                # the publication day itself
    assert most_recent_weekday(SUNDAY, 6, "past") == date(2023, 3, 19)
    assert most_recent_weekday(SUNDAY, 0) == date(2023, 3, 20)      # the Monday before Sunday 26th
    assert most_recent_weekday(SUNDAY, 0, "next") == date(2023, 3, 27)


def test_month_precision_never_after_publication():
    [m] = find_date_expressions("in March", date(2023, 3, 5), "en")
    assert m.date == date(2023, 3, 5) and m.precision == 3


def test_language_restricts_patterns():
    assert find_date_expressions("on Thursday", FRIDAY, "ar") == []
    assert len(find_date_expressions("on Thursday", FRIDAY, "en")) == 1
    assert len(find_date_expressions("on Thursday", FRIDAY, "und")) == 1


def test_no_publication_date_keeps_only_full_dates():
    assert [m.kind for m in find_date_expressions("on Thursday, 9 May 2020 and 24 March", None)] == ["absolute"]


def test_resolve_event_date_takes_the_first_expression():
    assert resolve_event_date("صباح الجمعة، بعد ضربات مساء الخميس", FRIDAY, "ar") == (date(2023, 3, 24), 1)
    assert resolve_event_date("no date here", FRIDAY, "en") is None


def test_offsets_in_a_longer_text():
    text = ("أربيل (كوردستان24)- قالت الوزارة إن الجيش نفذ ضربات جوية مساء الخميس في سوريا، "
            "وأطلقت مجموعات ثلاثة صواريخ صباح الجمعة.")
    found = find_date_expressions(text, FRIDAY, "ar")
    assert [text[m.start:m.end] for m in found] == ["مساء الخميس", "صباح الجمعة"]
    assert [m.part for m in found] == ["evening", "morning"]


# ---- properties: never raise, offsets inside the text, mentions never overlap
from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from(["مساء", " ", "الخميس", "ليل", "-", "الجمعة", "الماضي", "أمس", "قبل", "ثلاثة", "أيام",
                           "24", "٢٤", "آذار", "/", "مارس", "2023", "on", "Thursday", "evening", "last", "week",
                           "March", "May", "in", "days", "ago", "\n", "،", "İ", "ـ", "31", "2", "فبراير", "30"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)),
       st.sampled_from(["ar", "en", "und", None]))
def test_find_date_expressions_never_raises(text, published, language):
    found = find_date_expressions(text, published, language)
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert m.precision in (1, 2, 3)
        assert m.kind in ("weekday", "relative", "absolute")
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


def test_seed_article_dates(seed_article_path):
    text = seed_article_path.read_text(encoding="utf-8")
    found = {text[m.start:m.end]: (str(m.date), m.precision) for m in find_date_expressions(text, FRIDAY, "ar")}
    assert found["مساء الخميس"] == ("2023-03-23", 1)
    assert found["ليل الخميس - الجمعة"] == ("2023-03-23", 1)
    assert found["صباح الجمعة"] == ("2023-03-24", 1)


@pytest.mark.parametrize("text, expected", [
    # Arabic ordinal days (the day is masculine: الرابع, not الرابعة), before Levantine and standard months
    ("قصفت الطائرات في الرابع والعشرين من آذار مواقع", ("2023-03-24", 1, "absolute", "الرابع والعشرين من آذار")),
    ("في الحادي عشر من شباط/فبراير 2022", ("2022-02-11", 1, "absolute", "الحادي عشر من شباط/فبراير 2022")),
    ("يوم الأول من كانون الثاني", ("2023-01-01", 1, "absolute", "الأول من كانون الثاني")),
    ("في العشرين من مارس", ("2023-03-20", 1, "absolute", "العشرين من مارس")),
    # a day and month after publication is last year's
    ("في الأول من تشرين الأول", ("2022-10-01", 1, "absolute", "الأول من تشرين الأول")),
    ("on the twenty-fourth of March", ("2023-03-24", 1, "absolute", "on the twenty-fourth of March")),
    ("on the twenty fourth of March 2021", ("2021-03-24", 1, "absolute", "on the twenty fourth of March 2021")),
])
def test_ordinal_day_words(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize("text", [
    "The first may have been a drone.",       # "may" the verb, not the month
    "They may first strike the depot.",
    "وقال المسؤول الثاني إن",                  # an ordinal with no month is no date
])
def test_ordinal_words_without_a_month_are_no_dates(text):
    assert find_date_expressions(text, FRIDAY, None) == []


def test_ordinal_inside_a_month_name_stays_the_month():
    # "تشرين الثاني" is November, not "the second" of something
    assert only("في تشرين الثاني الماضي") == ("2022-11-15", 3, "absolute", "في تشرين الثاني")


def test_last_and_a_month_is_that_month_before_publication():
    assert only("Last October, a drone attack hit the base.", published=date(2024, 1, 29)) == \
        ("2023-10-15", 3, "absolute", "Last October")
