"""Date expressions in a report, resolved against its publication date (ACLED event_date + time_precision).

`find_date_expressions(text, published, language)` returns every date expression with offsets;
`resolve_event_date(span, published, language)` gives the date of the first one in a span.
Everything is table-driven from lexicons/months.tsv, weekdays.tsv, day_parts.tsv,
relative_days.tsv (and number_words.tsv for "قبل ثلاثة أيام"); patterns are compiled once at
import and run on `fold(text)`, which has the same length as the text, so offsets are exact.

Resolution rules (ACLED codes the day the event happened; time_precision 1 day, 2 week, 3 month):
- A weekday ("الخميس", "يوم الخميس", "مساء الخميس", "on Thursday", "late Thursday") is the most
  recent such day on or before publication: a report published on a Friday that says "الجمعة"
  means that Friday. "الماضي"/"last" means strictly before publication ("last Friday" on a Friday
  is a week earlier); "المقبل"/"next" the first such day after it. Precision 1.
- A night between two days ("ليل الخميس - الجمعة", "Thursday night into Friday", "ليلة الخميس")
  is dated by its first day. Wire reports name a night by the evening it begins, an attack "in the
  night of Thursday to Friday" is normally one the Thursday reports already carried, and choosing
  the first day keeps the date the same whether the strike fell at 23:00 or 01:38. The classical
  reading of "ليلة الجمعة" as the eve of Friday is not used: modern news copy means Friday night.
- Relative days come from relative_days.tsv ("أمس" -1, "فجر اليوم" 0, "قبل يومين" -2, precision 1;
  "قبل أيام"/"منذ أيام"/"days ago" -3 and "الأسبوع الماضي"/"last week" -7, precision 2: the middle
  of the span meant; "الشهر الماضي" precision 3). "قبل N أيام"/"N days ago" is -N, precision 1.
- Absolute dates: "24 March 2023", "March 24", "On 9 May 2020", "٢٤ آذار ٢٠٢٣", "24 آذار/مارس",
  "في الرابع والعشرين من آذار", "the twenty-fourth of March" (ordinal_days.tsv),
  "24/3/2023", "2023-03-24", "في 21 الجاري" (of the publication month), "28 من الشهر الماضي" give
  precision 1; a month with a year ("آذار 2023") or after "في"/"in"
  gives precision 3, dated the 15th (the middle of the month) or the publication date if earlier.
  A day and month without a year take the latest such date on or before publication.
No date is ever later than the publication date except "next"/"المقبل" weekdays.
"""
from __future__ import annotations

import re
from typing import NamedTuple
from datetime import date, timedelta

from extract.language import KeywordScanner, finditer_near, fold, phrase_alternation, read_lexicon
from extract.numbers import NUMBER_WORDS, parse_number


class DateMention(NamedTuple):
    """A date expression: offsets into the text, the resolved date, ACLED time_precision, kind."""
    start: int
    end: int
    date: date
    precision: int          # 1 day, 2 week, 3 month
    kind: str               # "weekday" | "relative" | "absolute"
    part: str | None = None  # part of the day when given: evening, night, dawn, ...


def _alternation(phrases) -> str:
    return phrase_alternation(phrases)


_MONTHS = {fold(name): int(number) for name, number, *_ in read_lexicon("months.tsv")}
_MONTH_LANG = {fold(name): lang for name, _n, lang, *_ in read_lexicon("months.tsv")}
_WEEKDAY_ROWS = read_lexicon("weekdays.tsv")
_WEEKDAYS = {fold(w): int(v) for w, v, _l, role in _WEEKDAY_ROWS if role == "day"}
_PAST = {fold(w) for w, _v, _l, role in _WEEKDAY_ROWS if role == "past"}
_NEXT = {fold(w) for w, _v, _l, role in _WEEKDAY_ROWS if role == "next"}
_DAY_WORDS = [fold(w) for w, _v, _l, role in _WEEKDAY_ROWS if role == "day_word"]
_PARTS = {fold(w): (part, lang, pos) for w, part, lang, pos in read_lexicon("day_parts.tsv")}
_RELATIVE = {fold(p): (int(off), int(prec)) for p, off, prec, _lang in read_lexicon("relative_days.tsv")}
# "twenty-fourth" is also written "twenty fourth"
_ORDINAL_ROWS = [(fold(spelling), int(day), lang) for phrase, day, lang in read_lexicon("ordinal_days.tsv")
                 for spelling in {phrase, phrase.replace("-", " ")}]
_ORDINAL_DAYS = {spelling: day for spelling, day, _lang in _ORDINAL_ROWS}

_B, _E = r"(?<![\w])", r"(?![\w])"
_PREFIX = r"(?:[وبلف]{1,2})?"                 # attached و/ب/ل/ف: "ويوم الخميس", "بالأمس"


def _words(table: dict, lang: str, key=None) -> str:
    return _alternation([w for w, v in table.items() if (key(v) if key else True) == lang])


_WEEKDAY_AR = rf"(?:{_alternation([w for w in _WEEKDAYS if not w.isascii()])})"
_WEEKDAY_EN = rf"(?:{_alternation([w for w in _WEEKDAYS if w.isascii()])})"
_PART_AR = rf"(?:{_alternation([w for w, (_p, lang, pos) in _PARTS.items() if lang == 'ar' and pos == 'before'])})"
_PART_EN_BEFORE = rf"(?:{_alternation([w for w, (_p, lang, pos) in _PARTS.items() if lang == 'en' and pos == 'before'])})"
_PART_EN_AFTER = rf"(?:{_alternation([w for w, (_p, lang, pos) in _PARTS.items() if lang == 'en' and pos == 'after'])})"
_MOD_AR = rf"(?:{_alternation([w for w in _PAST | _NEXT if not w.isascii()])})"
_MOD_EN = rf"(?:{_alternation([w for w in _PAST | _NEXT if w.isascii()])})"
_DAY_WORD = rf"(?:{_alternation(_DAY_WORDS)})"
_RANGE = r"\s*(?:-|/|الي|علي|حتي|to|into|and)\s*"     # folded: إلى -> الي

_ARABIC_WEEKDAY = re.compile(
    rf"{_B}{_PREFIX}(?:(?P<part>{_PART_AR})\s+)?(?:{_DAY_WORD}\s+)?(?P<day>{_WEEKDAY_AR}){_E}"
    rf"(?:(?:{_RANGE}|\s+)(?P<day2>{_WEEKDAY_AR}){_E})?(?:\s+(?P<mod>{_MOD_AR}){_E})?")     # "ليل الأربعاء الخميس"
_ENGLISH_WEEKDAY = re.compile(
    rf"{_B}(?:(?P<part>{_PART_EN_BEFORE})\s+)?(?:on\s+)?(?:(?P<mod>{_MOD_EN})\s+)?(?P<day>{_WEEKDAY_EN}){_E}"
    rf"(?:\s+(?P<part_after>{_PART_EN_AFTER}){_E})?(?:{_RANGE}(?P<day2>{_WEEKDAY_EN}){_E})?")

_RELATIVE_RE = re.compile(
    rf"{_B}{_PREFIX}(?:(?P<part>{_PART_AR}|{_PART_EN_BEFORE})\s+)?(?P<rel>{_alternation(_RELATIVE)}){_E}")
_NUMBER_WORD = rf"(?:{_alternation(NUMBER_WORDS)})"
_COUNT = rf"(?:\d{{1,3}}|{_NUMBER_WORD}(?:\s+و?{_NUMBER_WORD})?)"
_COUNTED_AR = re.compile(rf"{_B}{_PREFIX}(?:قبل|منذ)\s+(?P<n>{_COUNT})\s+(?P<unit>ايام|يوما|يوم|اسابيع|اسبوعا|اسبوع){_E}")
_COUNTED_EN = re.compile(rf"{_B}(?P<n>{_COUNT}|a|an)\s+(?P<unit>days?|weeks?)\s+ago{_E}")

_MONTH = rf"(?:{_alternation(_MONTHS)})"
_DAY_NUM = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
# A day as digits or as an ordinal word. English ordinals need "of" ("the first of May"): "the
# first may be" and "they may first" are no dates; so a month never comes before an ordinal.
_DAY_OR_ORDINAL = (rf"(?:{_DAY_NUM}|(?P<ordinal>{_alternation([w for w, _d, lang in _ORDINAL_ROWS if lang == 'ar'])}){_E}"
                   rf"|(?:the\s+)?(?P<ordinal_en>{_alternation([w for w, _d, lang in _ORDINAL_ROWS if lang == 'en'])})\s+of(?=\s))")
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_DAY_MONTH = re.compile(
    rf"{_B}(?:on\s+)?(?:ال(?:ـ)?)?{_DAY_OR_ORDINAL}\s*(?:من\s+)?(?:شهر\s+)?(?:of\s+)?(?P<m>{_MONTH}){_E}"
    rf"(?:\s*/\s*{_MONTH}{_E})?(?:\s*[,،]?\s*(?:من\s+)?(?:عام\s+|سنه\s+)?{_YEAR}{_E})?")
_MONTH_DAY = re.compile(
    rf"{_B}(?:on\s+)?(?P<m>{_MONTH})\.?\s+{_DAY_NUM}{_E}(?:\s*,?\s*{_YEAR}{_E})?")
_NUMERIC = re.compile(rf"{_B}(?:(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.]{_YEAR}"
                      rf"|(?P<y2>(?:19|20)\d\d)-(?P<m2>[01]?\d)-(?P<d2>[0-3]?\d)){_E}")
_MONTH_YEAR = re.compile(rf"{_B}(?:شهر\s+)?(?P<m>{_MONTH})(?:\s*/\s*{_MONTH})?\s*[,،]?\s*(?:عام\s+|سنه\s+)?{_YEAR}{_E}")
# "في 24 الجاري" (the 24th of this month), "يوم 20 الشهر الماضي" (of last month)
# (or an ordinal word: "في الرابع عشر من الشهر الجاري")
_DAY_OF_RELATIVE_MONTH = re.compile(
    rf"{_B}(?:(?:ال(?:ـ)?)?(?P<d>[0-3]?\d)|(?P<ordinal>{_alternation([w for w, _d, lang in _ORDINAL_ROWS if lang == 'ar'])}))"
    rf"\s+(?:من\s+)?(?:الشهر\s+)?(?P<which>الجاري|الحالي|الماضي|المنصرم|الفائت){_E}")
_MONTH_CONTEXT = re.compile(
    rf"{_B}(?:في|خلال|منذ|مطلع|اواخر|اوائل|منتصف|بدايه|نهايه|شهر|in|during|since|early|late|mid-?|last)\s+"
    rf"(?:شهر\s+)?(?P<m>{_MONTH}){_E}(?!\s*[/\d])")

# One keyword scan gates every pattern above (see language.KeywordScanner); digits are found apart.
_SCANNER = KeywordScanner({
    "weekday_ar": [w for w in _WEEKDAYS if not w.isascii()],
    "weekday_en": [w for w in _WEEKDAYS if w.isascii()],
    "relative": list(_RELATIVE),
    "counted_ar": ["قبل", "منذ"],
    "counted_en": ["ago"],
    "month": list(_MONTHS),
    "month_relative": ["الجاري", "الحالي", "الماضي", "المنصرم", "الفائت"],
})
_NUMERIC_START = re.compile(r"\d[/.\-]\d")


def find_date_expressions(text: str, published: date | None, language: str | None = None) -> list[DateMention]:
    """Every date expression in `text`, resolved against `published`, in text order, non-overlapping."""
    folded = fold(text)
    hits = _SCANNER.scan(folded)
    candidates: list[DateMention] = []
    for finder in (_absolute_dates, _weekday_dates, _relative_dates):
        candidates.extend(finder(folded, hits, published, language))
    return _non_overlapping(candidates)


def resolve_event_date(text_span: str, published: date | None, language: str | None = None) -> tuple[date, int] | None:
    """(date, time_precision) of the first date expression in the span, or None."""
    mentions = find_date_expressions(text_span, published, language)
    return (mentions[0].date, mentions[0].precision) if mentions else None


def _non_overlapping(candidates: list[DateMention]) -> list[DateMention]:
    # Longest first, then leftmost: "مساء الخميس الماضي" beats "الخميس"; "24 آذار 2023" beats "آذار 2023".
    chosen: list[DateMention] = []
    for m in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda c: c.start)


def _wants(language: str | None, lang: str) -> bool:
    return language not in ("ar", "en") or language == lang


# ---------------------------------------------------------------- weekdays

def most_recent_weekday(published: date, weekday: int, modifier: str | None = None) -> date:
    """The weekday on or before `published` ("past": strictly before; "next": strictly after)."""
    if modifier == "next":
        return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    back = (published.weekday() - weekday) % 7
    if back == 0 and modifier == "past":
        back = 7
    return published - timedelta(days=back)


def _weekday_dates(folded: str, hits: dict, published: date | None, language: str | None):
    if published is None:
        return
    patterns = []
    if _wants(language, "ar"):
        patterns.append((_ARABIC_WEEKDAY, hits.get('weekday_ar')))
    if _wants(language, "en"):
        patterns.append((_ENGLISH_WEEKDAY, hits.get('weekday_en')))
    for pattern, anchor in patterns:
        for m in finditer_near(pattern, anchor, folded, back=30, ahead=40):
            groups = m.groupdict()
            modifier = None
            if groups.get("mod"):
                mod = " ".join(groups["mod"].split())
                modifier = "past" if mod in _PAST else "next" if mod in _NEXT else None
            part_word = groups.get("part_after") or groups.get("part")
            part = _PARTS.get(" ".join(part_word.split()), (None,))[0] if part_word else None
            if groups.get("day2") and part is None:
                part = "night"         # "Thursday to Friday" with a night word elsewhere is still a night span
            # "ليل الخميس - الجمعة": the night is dated by its first day (module docstring).
            day = most_recent_weekday(published, _WEEKDAYS[m.group("day")], modifier)
            yield DateMention(m.start(), m.end(), day, 1, "weekday", part)


# ---------------------------------------------------------------- relative days

def _relative_dates(folded: str, hits: dict, published: date | None, language: str | None):
    if published is None:
        return
    for m in finditer_near(_RELATIVE_RE, hits.get('relative'), folded, back=24 + _SCANNER.lead('relative'), ahead=4):
        offset, precision = _RELATIVE[" ".join(m.group("rel").split())]
        part_word = m.group("part")
        part = _PARTS.get(" ".join(part_word.split()), (None,))[0] if part_word else None
        yield DateMention(m.start(), m.end(), published + timedelta(days=offset), precision, "relative", part)
    for pattern, anchor, back, ahead in ((_COUNTED_AR, hits.get('counted_ar'), 3, 40), (_COUNTED_EN, hits.get('counted_en'), 40, 2)):
        for m in finditer_near(pattern, anchor, folded, back=back, ahead=ahead):
            raw = m.group("n")
            n = 1 if raw in ("a", "an") else parse_number(raw)
            if not n or n > 60:
                continue
            weeks = m.group("unit").startswith(("week", "اسب"))
            days = n * 7 if weeks else n
            precision = 2 if weeks else 1
            yield DateMention(m.start(), m.end(), published - timedelta(days=days), precision, "relative")


# ---------------------------------------------------------------- absolute dates

def _month_allowed(name: str, language: str | None) -> bool:
    return _wants(language, _MONTH_LANG.get(name, "en"))


def _infer_year(published: date | None, month: int, day: int) -> date | None:
    if published is None:
        return None
    for year in (published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= published:
            return candidate
    return None


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _mid_month(year: int, month: int, published: date | None) -> date:
    middle = date(year, month, 15)
    if published and published.year == year and published.month == month and published < middle:
        return published
    return middle


def _day_of(m: re.Match) -> int:
    """The day of a day-and-month match: digits ("24") or an ordinal word ("الرابع والعشرين")."""
    if m.group("d"):
        return int(m.group("d"))
    return _ORDINAL_DAYS[" ".join((m.group("ordinal") or m.groupdict().get("ordinal_en")).split())]


def _absolute_dates(folded: str, hits: dict, published: date | None, language: str | None):
    # back: room for the longest day before its month ("الحادي والثلاثين من شهر ")
    month_hits = lambda pattern: finditer_near(pattern, hits.get('month'), folded, back=40, ahead=30)
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for m in month_hits(pattern):
            name = " ".join(m.group("m").split())
            if not _month_allowed(name, language):
                continue
            month, day = _MONTHS[name], _day_of(m) if pattern is _DAY_MONTH else int(m.group("d"))
            when = _make_date(int(m.group("y")), month, day) if m.group("y") else _infer_year(published, month, day)
            if when:
                yield DateMention(m.start(), m.end(), when, 1, "absolute")
    digit_hits = [m.span() for m in _NUMERIC_START.finditer(folded)]
    for m in finditer_near(_NUMERIC, digit_hits, folded, back=12, ahead=12):
        if m.group("d"):
            when = _make_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        else:
            when = _make_date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
        if when:
            yield DateMention(m.start(), m.end(), when, 1, "absolute")
    if published is not None and _wants(language, "ar"):
        for m in finditer_near(_DAY_OF_RELATIVE_MONTH, hits.get("month_relative"), folded, back=40, ahead=2):
            first = published.replace(day=1)
            if m.group("which") not in ("الجاري", "الحالي"):
                first = (first - timedelta(days=1)).replace(day=1)
            when = _make_date(first.year, first.month, _day_of(m))
            if when and when <= published:
                yield DateMention(m.start(), m.end(), when, 1, "absolute")
    for m in month_hits(_MONTH_YEAR):
        name = " ".join(m.group("m").split())
        if _month_allowed(name, language):
            year, month = int(m.group("y")), _MONTHS[name]
            yield DateMention(m.start(), m.end(), _mid_month(year, month, published), 3, "absolute")
    if published is not None:
        for m in month_hits(_MONTH_CONTEXT):
            name = " ".join(m.group("m").split())
            if not _month_allowed(name, language):
                continue
            month = _MONTHS[name]
            year = published.year if month <= published.month else published.year - 1
            yield DateMention(m.start(), m.end(), _mid_month(year, month, published), 3, "absolute")
