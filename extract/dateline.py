"""Wire datelines and source credits: who wrote a report, from where, and who wrote it first.

A dateline opens the body of a wire report and names where the outlet filed from, never an event
location: "أربيل (كوردستان24)-", "دمشق - (رويترز)", "BEIRUT (Reuters) -", "DAMASCUS, March 24 (AFP) -",
"بغداد/ شفق نيوز:". `parse_dateline` returns its place and outlet with offsets, so the place
extractor can skip that span.

A credit names the original source of a republished report: "المصدر: الشرق الاوسط", "Source: Reuters",
or a closing "(AFP)" / "- Reuters" / "(Reporting by ...)". `find_original_source` returns the
canonical outlet name from lexicons/outlets.tsv (or the credited name as written when it is not
listed); without a credit it falls back to the dateline's outlet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.language import fold, read_lexicon

HEAD_CHARS = 600          # a dateline sits in the first lines: after a title, before the story
_DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2212]"
# A place: up to five words, starting with a letter (Deir ez-Zor, BEIRUT, دير الزور, أربيل).
_PLACE = r"(?P<place>[^\W\d_][\w'’.]*(?:(?:[ \t]|-)(?=[^\W\d_])[\w'’.]*){0,4})"
_PAREN_OUTLET = r"\((?P<outlet>[^()\n]{1,40})\)"
_DATELINE_PATTERNS = [
    # PLACE[, DATE] [-] (OUTLET) [-|:]
    re.compile(rf"{_PLACE}(?:[ \t]*[,،][ \t]*(?P<when>[^()\n]{{1,25}}?))?[ \t]*(?:{_DASH}[ \t]*)?"
               rf"{_PAREN_OUTLET}[ \t]*(?P<sep>{_DASH}|:)?[ \t]*"),
    # (OUTLET) - : no place given
    re.compile(rf"{_PAREN_OUTLET}[ \t]*(?P<sep>{_DASH}|:)[ \t]*"),
    # BAGHDAD — / DEIR EZ-ZOR, Syria -  : an upper-case place and a dash, no agency (US papers)
    re.compile(rf"(?P<caps>[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){{0,3}})(?:,[ \t]*[A-Z][A-Za-z]+(?:[ \t][A-Z][A-Za-z]+)?)?"
               rf"[ \t]*(?P<sep>{_DASH})[ \t]*"),
    # PLACE/ OUTLET:  or  PLACE - OUTLET:  (Iraqi and Syrian papers); outlet must be a known one
    # (the outlet may stand in quotes: "دمشق - «الشرق الأوسط»:")
    re.compile(rf"{_PLACE}[ \t]*(?:/|{_DASH})[ \t]*(?P<bare>[«\"“]?[^\W\d_][^\n:/()\-«»]{{0,30}}?[»\"”]?)[ \t]*(?P<sep>:)[ \t]*"),
]
_CREDIT_LINE = re.compile(
    r"^[ \t]*(?:المصدر|المصادر|مصدر الخبر|نقلا عن|نقلاً عن|source|sources|credit)[ \t]*[:：][ \t]*"
    r"(?P<name>[^\n]{1,80}?)[ \t.]*$", re.IGNORECASE | re.MULTILINE)
_REPORTING_BY = re.compile(r"^\(\s*(?:reporting|additional reporting) by [^\n]*\)\s*$", re.IGNORECASE | re.MULTILINE)
_TRAILING_CREDIT = re.compile(rf"(?:\(|{_DASH})[ \t]*(?P<name>[^()\n\-\u2013\u2014]{{1,30}}?)[ \t]*\)?[ \t.]*$")


@dataclass(frozen=True)
class Dateline:
    """Where the outlet filed from; start/end cover the whole dateline, place_* only the place."""
    place: str | None
    outlet: str | None
    start: int
    end: int
    place_start: int | None = None
    place_end: int | None = None


@lru_cache(maxsize=1)
def _outlet_index() -> dict[str, str]:
    return {_outlet_key(alias): canonical for alias, canonical, *_ in read_lexicon("outlets.tsv")}


def _outlet_key(name: str) -> str:
    return " ".join(re.sub(r"[\"'“”«».:()\[\]]", " ", fold(name)).split())


def lookup_outlet(name: str) -> str | None:
    """Canonical outlet name for an alias ("رويترز" -> "Reuters"), or None when it is not listed."""
    index = _outlet_index()
    key = _outlet_key(name)
    if key in index:
        return index[key]
    # "وكالة رويترز", "صحيفة الشرق الأوسط", "the Associated Press": a listed name after a generic word.
    for generic in ("وكاله ", "صحيفه ", "موقع ", "قناه ", "جريده ", "the "):
        if key.startswith(generic) and key[len(generic):] in index:
            return index[key[len(generic):]]
    return None


def normalize_outlet(name: str) -> str:
    """Canonical name when listed, else the name as written, trimmed."""
    return lookup_outlet(name) or " ".join(name.strip(" \t.:-()\"'").split())


def _plausible_outlet(raw: str) -> bool:
    # An unlisted credit in a dateline is still an outlet if it is short: "(SANA)", "(Xinhua)".
    return len(raw.split()) <= 4 and not re.search(r"\d{3,}", raw)


def _display_place(surface: str) -> str:
    # "BEIRUT" -> "Beirut", "DEIR EZ-ZOR" -> "Deir Ez-Zor"; Arabic and mixed case stay as written.
    return surface.title() if surface.isupper() else surface


def parse_dateline(text: str) -> Dateline | None:
    """The wire dateline at the start of the body (first lines, after any title), or None."""
    head = text[:HEAD_CHARS]
    line_start = 0
    for line in head.split("\n"):
        stripped = line.lstrip(" \t\ufeff\u200f\u200e")
        offset = line_start + (len(line) - len(stripped))
        found = _match_dateline(stripped, offset) if stripped else None
        if found:
            return found
        line_start += len(line) + 1
    return None


def _match_dateline(line: str, offset: int) -> Dateline | None:
    for pattern in _DATELINE_PATTERNS:
        m = pattern.match(line)
        if not m or m.end() >= len(line.rstrip()):
            continue       # a dateline is followed by the story on the same line
        groups = m.groupdict()
        if groups.get("caps"):
            if lookup_outlet(m.group("caps")) or len(m.group("caps").split()) > 3:
                continue       # "CNN - ..." is a credit; four capitalised words are a headline
            return Dateline(_display_place(m.group("caps")), None, offset + m.start(), offset + m.end(),
                            offset + m.start("caps"), offset + m.end("caps"))
        raw_outlet = groups.get("outlet") or groups.get("bare")
        known = lookup_outlet(raw_outlet)
        if groups.get("bare") is not None and not known:
            continue
        if not known and not _plausible_outlet(raw_outlet):
            continue
        place = groups.get("place")
        if not m.group("sep") and not (place and place.isupper()):
            continue       # "Syrian state media (SANA) said": a sentence, not a dateline
        if place and not known and len(place.split()) > 3:
            continue       # "US strikes Syria (video)": a headline, not a dateline
        outlet = known or normalize_outlet(raw_outlet)
        if place:
            p_start, p_end = offset + m.start("place"), offset + m.end("place")
            return Dateline(_display_place(place), outlet, offset + m.start(), offset + m.end(), p_start, p_end)
        return Dateline(None, outlet, offset + m.start(), offset + m.end())
    return None


def find_original_source(text: str) -> str | None:
    """Who wrote the report first: a credit line, a closing agency credit, else the dateline outlet."""
    credits = list(_CREDIT_LINE.finditer(text))
    if credits:
        return normalize_outlet(credits[-1].group("name"))
    tail = text.rstrip()[-300:]
    last_line = tail.rsplit("\n", 1)[-1].strip()
    if _REPORTING_BY.match(last_line):
        return "Reuters"    # "(Reporting by ...; Editing by ...)" is Reuters' signature line
    m = _TRAILING_CREDIT.search(last_line)
    if m:
        known = lookup_outlet(m.group("name"))
        if known:
            return known
    dateline = parse_dateline(text)
    return dateline.outlet if dateline else None
