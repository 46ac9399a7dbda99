"""Numbers and casualty counts: digits, Arabic-Indic digits and number words, killed and injured.

`parse_number` reads one number ("14", "١٤", "ستة", "خمسة وعشرين", "twenty-five", "a dozen");
vague words ("dozens", "عشرات") are not numbers and give None.

`find_casualties` returns EVERY killed/injured mention in a text with its offsets; which figure an
event takes is the extractor's decision (a report may say "جرح جنود" in one place and "إصابة خمسة
جنود" in another). Rules, all driven by lexicons/casualty_words.tsv, number_words.tsv and
vague_quantities.tsv:
- a count next to a casualty word: "مقتل 14 مسلحاً", "إصابة خمسة جنود", "killed 14 fighters",
  "at least five people were killed", "ثلاثة جرحى"; "at least N" keeps N (ACLED: lowest figure);
- a singular person with no number is 1 ("مقتل متعاقد أميركي", "إصابة آخر", "killed a civilian"),
  an Arabic dual is 2 ("مقتل جنديين", "قتيلان");
- a plural with no number is unknown: count None, vague_word "plural" ("جرح جنود");
- a vague quantity takes ACLED's conservative figure from vague_quantities.tsv ("dozens" 12,
  "عشرات" 10, "several" 10), with vague_word set;
- a "nobody was hurt" phrase gives count 0 ("no casualties", "من دون أضرار", "Neither fatalities
  nor injuries were reported" gives killed 0 and injured 0).
Matching runs on `fold(text)` (same length), so offsets are offsets into the original text.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from extract.language import KeywordScanner, finditer_near, fold, phrase_alternation, read_lexicon

# Diacritics and tatweel are dropped before a word is looked up (parse_number only; no offsets).
_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")


class CasualtyMention(NamedTuple):
    """One report of people killed or injured; count None means a number was not given."""
    start: int
    end: int
    kind: str                  # "killed" | "injured"
    count: int | None
    vague_word: str | None = None   # the vague quantity ("dozens", "عشرات"), "plural", or "none"


def _load_number_words() -> dict[str, tuple[int, str]]:
    return {fold(word): (int(value), role) for word, value, _lang, role, *_ in read_lexicon("number_words.tsv")}


def _load_vague() -> dict[str, int]:
    return {fold(phrase): int(count) for phrase, count, *_ in read_lexicon("vague_quantities.tsv")}


def _load_casualty_words() -> dict[str, list[tuple[str, str, str | None]]]:
    roles: dict[str, list[tuple[str, str, str | None]]] = {}
    for row in read_lexicon("casualty_words.tsv"):
        phrase, role, language = row[0], row[1], row[2]
        value = row[3] if len(row) > 3 else None
        roles.setdefault(role, []).append((fold(phrase), language, value))
    return roles


NUMBER_WORDS = _load_number_words()
VAGUE = _load_vague()
CASUALTY_WORDS = _load_casualty_words()


def _alternation(phrases) -> str:
    return phrase_alternation(phrases)


def _words(role: str, value: str | None = None) -> list[str]:
    return [p for p, _lang, v in CASUALTY_WORDS.get(role, []) if value is None or v == value]


_B = r"(?<![\w])"                     # start of a word
_E = r"(?![\w])"                      # end of a word
_PREFIX = r"(?:[وبلف]{1,2})?"         # attached Arabic conjunction/preposition: وإصابة، بمقتل
_ARTICLE = r"(?:ال)?"
_NUMBER_WORD = rf"(?:{_alternation(NUMBER_WORDS)})"
_NUMBER = (rf"(?:\d+(?:[,\u066c]\d{{3}})*|{_NUMBER_WORD}{_E}(?:(?:\s+و|\s+|-){_NUMBER_WORD}{_E}){{0,3}})")
_QUALIFIER = rf"(?:(?:{_alternation(_words('qualifier'))}){_E}\s+)?"
# "between 43 and 52", "15-20", "ما بين 5 و7": a range keeps its lower figure (ACLED's conservative rule).
_RANGE_TAIL = rf"(?:\s*(?:-|\s(?:and|to|or|او|الي)\s|\sو)\s*(?:\d+|{_NUMBER_WORD}){_E})?"
_VAGUE_RE = rf"(?:{_alternation(VAGUE)})"
# A count followed by a unit of time or distance is not a casualty figure: "killed two days ago".
_NOT_PEOPLE = (r"(?!\s+(?:days?|weeks?|months?|years?|hours?|minutes?|km|kilomet\w*|miles?|metres?|meters?"
               r"|ايام|يوما|يوم|اسابيع|اشهر|ساعات|ساعه|كيلومتر\w*|كم|متر)(?!\w))")


def _person(role: str) -> str:
    words = _words(role)
    return rf"(?:{_ARTICLE}(?:{_alternation(words)}))" if words else r"(?!x)x"


_BEFORE = {kind: rf"(?:{_alternation(_words(kind + '_before'))})" for kind in ("killed", "injured")}
_AFTER = {kind: rf"(?:{_alternation(_words(kind + '_after'))})" for kind in ("killed", "injured")}
_KILLED_BEFORE, _KILLED_AFTER = re.compile(_BEFORE["killed"]), re.compile(_AFTER["killed"])
_BEFORE_ANY = rf"(?:{_BEFORE['killed']}|{_BEFORE['injured']})"

# "مقتل 14 مسلحاً", "killed at least 14", "إصابة آخر", "جرح جنود", "مقتل وإصابة 10"
_TRIGGER_FIRST = re.compile(
    rf"{_B}{_PREFIX}(?P<trigger>{_BEFORE_ANY}){_E}(?P<both>\s+و?{_BEFORE_ANY}{_E})?(?:\s+of)?\s+{_QUALIFIER}"
    rf"(?:(?P<num>{_NUMBER}){_E}{_RANGE_TAIL}{_NOT_PEOPLE}|(?P<vague>{_VAGUE_RE}){_E}|(?P<dual>{_person('person_dual')}){_E}"
    rf"|(?P<single>{_person('person_singular')}){_E}{_NOT_PEOPLE}"
    # a number word may follow its noun: "مقتل مسلحين اثنين", "إصابة عناصر ثلاثة"
    rf"|(?P<plural>{_person('person_plural')}){_E}(?:\s+(?P<num_after>{_NUMBER}){_E}{_NOT_PEOPLE})?)")

# Words that may stand between a count and its casualty word: "five [Syrian army] soldiers were killed".
_GAP_STOP = (r"(?:days?|weeks?|months?|years?|hours?|after|before|in|on|at|from|by|when|and|or|with|during"
             r"|since|than|ago|يوم|ايام|يومين|بعد|قبل|في|من|علي|الي|عن|امس|منذ|خلال)")
# (an initialism with dots is one word: "three U.S. soldiers were killed")
_GAP_WORD = rf"\s+(?!{_GAP_STOP}{_E})(?:(?:[a-z]\.){{2,}}|[^\s\d.,;:!?()،؛\"]+)"
_AUX = r"(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|been|reportedly|also|later|all)\s+){0,2}"
# "at least five people were killed", "ثلاثة جرحى", "14 قتيلاً", "dozens of people were wounded"
# "nine fighters from Iran-backed groups were killed": the people's unit may follow them
_UNIT_GAP = rf"(?:\s+(?:from|of|من)(?:\s+the)?(?:{_GAP_WORD}){{1,3}}?)?"
_COUNT_FIRST = re.compile(
    rf"{_B}(?:و)?{_QUALIFIER}(?:(?P<num>{_NUMBER}){_E}{_RANGE_TAIL}|(?P<vague>{_VAGUE_RE}){_E})(?:{_GAP_WORD}){{0,8}}?{_UNIT_GAP}\s+{_AUX}"
    rf"(?P<after>{_AFTER['killed']}|{_AFTER['injured']}){_E}")
# "a baby girl was killed", "an HTS commander was wounded": one person, named without a number.
_SINGLE_FIRST = re.compile(
    rf"{_B}(?:a|an|one)(?:{_GAP_WORD}){{1,5}}?\s+was\s+(?:(?:reportedly|also|later)\s+)?"
    rf"(?P<after>{_AFTER['killed']}|{_AFTER['injured']}){_E}")
# "عنصر من «قسد» قتل باستهداف مسيرة", "طفل قضى متأثراً بجراحه": one person (and the side they were
# from), then the verb
_SINGLE_FIRST_AR = re.compile(
    rf"{_B}[وف]?(?:{_person('person_singular')}){_E}(?:\s+(?:من|في)(?:\s+[^\s\d.,;:!?()،؛]+){{1,3}})?\s+"
    rf"(?P<single>{_alternation(_words('single_after'))}){_E}")
_SINGLE_KILLED = frozenset(_words("single_after", "killed"))
_TOLL = re.compile(rf"{_B}(?:death\s+toll|toll|(?:حصيله|عدد)\s+(?:القتلي|الضحايا|الشهداء))(?:\s+\S+){{0,3}}?\s+"
                   rf"(?:to|of|at|reached|الي|بلغت)\s+{_QUALIFIER}(?P<num>{_NUMBER}){_E}"
                   # "the death toll from Tuesday's strikes on a market in X rose to 12": a verb of
                   # rising may come further on; "ارتفعت حصيلة قتلى القصف على X إلى 12" puts it first
                   rf"|{_B}(?:death\s+)?toll(?:\s+[^\s.;:!?]+){{1,14}}?\s+(?:rose|climbed|increased|jumped|has\s+risen|had\s+risen)"
                   rf"\s+to\s+{_QUALIFIER}(?P<num_rose>{_NUMBER}){_E}"
                   rf"|{_B}[وف]?ارتفع(?:ت)?\s+(?:حصيله|عدد)(?:\s+[^\s.؛:!؟]+){{1,14}}?\s+الي\s+{_QUALIFIER}(?P<num_ar>{_NUMBER}){_E}")
_SELF = {kind: re.compile(rf"{_B}{_PREFIX}(?P<word>{_alternation(_words('self_' + kind))}){_E}")
         for kind in ("killed", "injured")}
_NONE = {which: re.compile(rf"{_B}(?:من\s+)?{_PREFIX}(?:{_alternation(_words('none', which))}){_E}")
         for which in ("killed", "injured", "both")}
# "مقتل رجل وطفلين", "killing two soldiers and a civilian": a second count joined by "and" adds to the
# first. Only definite counts (a number, one or two people) and only when the phrase ends there
# ("and an unknown number of civilians" adds nothing; "and a child was wounded" is another figure).
_WORD = r"[^\s\d.,;:!?()،؛\"]+"
# "قيادي في وحدات مقاومة سنجار (اليبشه) واثنان من مرافقيه", "ثلاثة عناصر من قسد ومدني": the first
# people's unit may come between
_OF_UNIT = rf"\s+(?:من|of)(?:\s+the)?(?:\s+{_WORD}){{1,3}}"      # "of Iran-backed Kataib Hezbollah"
_IN_UNIT = rf"\s+(?:في|in)(?:\s+{_WORD}){{1,4}}(?:\s*\([^()]{{1,30}}\))?"
_AND_MORE = re.compile(
    rf"(?:(?:\s+{_WORD}){{0,2}}(?:{_OF_UNIT}|(?P<in_unit>{_IN_UNIT}))|\s+{_WORD})?\s+(?:and\s+|و)(?:(?P<num>{_NUMBER}){_E}{_NOT_PEOPLE}"
    rf"|(?P<dual>{_person('person_dual')}){_E}|(?P<single>{_person('person_singular')}){_E}{_NOT_PEOPLE})"
    rf"(?P<noun>(?:\s+(?:من|of)(?:\s+(?:the|his|their|its))?)?\s+{_WORD})?"
    rf"(?=\s*(?:[.,;:!?()،؛\"]|$|\s(?:in|on|at|near|when|after|and|في|قرب|جراء|بعد)(?!\w)))"
    rf"(?!\s+(?:was|were)\s)")
# what follows the second count of "N in X and M in Y": its own place
_IN_NEXT = re.compile(r"\s+(?:(?:in|at|near|في)\s|ب\w)")
# One keyword scan gates every pattern above (see language.KeywordScanner).
_SCANNER = KeywordScanner({
    "before": _words("killed_before") + _words("injured_before"),
    "after": _words("killed_after") + _words("injured_after"),
    "toll": ["toll", fold("حصيلة"), fold("عدد القتلى"), fold("عدد الضحايا"), fold("عدد الشهداء")],
    "single": _words("single_after"),
    **{"self_" + kind: _words("self_" + kind) for kind in ("killed", "injured")},
    **{"none_" + which: _words("none", which) for which in ("killed", "injured", "both")},
})
_SELF_VALUES = {p: int(v) for role in ("self_killed", "self_injured") for p, _l, v in CASUALTY_WORDS.get(role, [])}


@lru_cache(maxsize=4096)
def parse_number(text: str) -> int | None:
    """The number a string states (digits, Arabic-Indic digits, number words), or None.
    (Remembered: reports repeat the same few figures, "خمسة", "two", "14".)"""
    if not text:
        return None
    folded = " ".join(_DIACRITICS.sub("", fold(text)).replace("-", " ").split())
    digits = folded.replace(",", "").replace("\u066c", "")
    if digits.isdecimal():        # not isdigit(): superscripts are "digits" int() refuses
        return int(digits)
    if folded in NUMBER_WORDS:
        value, role = NUMBER_WORDS[folded]
        return value
    tokens = folded.split()
    total = current = 0
    seen = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        # two-word entries ("a dozen", "a hundred")
        pair = f"{token} {tokens[i + 1]}" if i + 1 < len(tokens) else None
        if pair in NUMBER_WORDS:
            token, i = pair, i + 1
        elif token not in NUMBER_WORDS and token.startswith("و") and token[1:] in NUMBER_WORDS:
            token = token[1:]              # "وعشرين" in "خمسة وعشرين"
        elif token in ("and", "و"):
            i += 1
            continue
        if token not in NUMBER_WORDS:
            return None
        value, role = NUMBER_WORDS[token]
        seen = True
        if role == "multiply":
            current = max(current, 1) * value
        elif role == "scale":
            total += max(current, 1) * value
            current = 0
        else:
            current += value
        i += 1
    return total + current if seen else None


def _without_marks(folded: str) -> tuple[str, list[int] | None]:
    """The folded text without diacritics and tatweel ("قُتل" reads as "قتل"), and the offsets (in
    the stripped text) after which each dropped mark stood (None when nothing was dropped)."""
    if not _DIACRITICS.search(folded):
        return folded, None
    return _DIACRITICS.sub("", folded), [m.start() - k for k, m in enumerate(_DIACRITICS.finditer(folded))]


def _original_offset(points: list[int], i: int) -> int:
    """Offset before stripping of stripped offset `i` (a kept character)."""
    return i + bisect.bisect_right(points, i)


def find_casualties(text: str, language: str | None = None) -> list[CasualtyMention]:
    """Every killed/injured mention in the text, in text order, with offsets into `text`."""
    folded, origin = _without_marks(fold(text))
    hits = _SCANNER.scan(folded)
    found: list[CasualtyMention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, kind: str, count: int | None, vague: str | None) -> None:
        if origin is not None:
            start, end = _original_offset(origin, start), _original_offset(origin, end - 1) + 1
        found.append(CasualtyMention(start, end, kind, count, vague))

    def free(start: int, end: int) -> bool:
        # taken spans never overlap: sorted, only the neighbours of [start, end) can touch it
        i = bisect.bisect_left(taken, (start,))
        return (i == 0 or taken[i - 1][1] <= start) and (i == len(taken) or taken[i][0] >= end)

    def take(start: int, end: int) -> None:
        bisect.insort(taken, (start, end))

    # "nobody was hurt" phrases first, so "no one was killed" never reads as "one ... killed".
    # The longest phrase wins: "no injuries or fatalities" (both) over the "no injuries" in it.
    nones = [(m, which) for which, pattern in _NONE.items()
             for m in finditer_near(pattern, hits.get('none_' + which), folded, back=8 + _SCANNER.lead('none_' + which))]
    for m, which in sorted(nones, key=lambda n: (n[0].start() - n[0].end(), n[0].start())):
        if not free(m.start(), m.end()):
            continue
        take(m.start(), m.end())
        for kind in (("killed", "injured") if which == "both" else (which,)):
            add(m.start(), m.end(), kind, 0, "none")
    for kind, pattern in _SELF.items():
        for m in finditer_near(pattern, hits.get('self_' + kind), folded, back=3 + _SCANNER.lead('self_' + kind), ahead=2):
            if free(m.start(), m.end()):
                take(m.start(), m.end())
                add(m.start(), m.end(), kind, _SELF_VALUES.get(m.group("word")), None)
    for m in finditer_near(_TRIGGER_FIRST, hits.get('before'), folded, back=3 + _SCANNER.lead('before'), ahead=90):
        if not free(m.start(), m.end()):
            continue
        count, vague = _count_of(m)
        end = m.end()
        more = _AND_MORE.match(folded, end) if count is not None and vague is None else None
        breakdown = None
        if more is not None and more.group("in_unit") and \
                _IN_NEXT.match(folded, more.end("noun") if more.group("noun") else more.end()):
            # "killing three civilians in Ariha and two in Jisr al-Shughur": one figure per place
            breakdown, more = more, None
        if more is not None:
            count, end = count + _count_of(more)[0], more.end("noun") if more.group("noun") else more.end()
        take(m.start(), end)
        kinds = [_trigger_kind(m.group("trigger"))]
        if m.group("both"):
            kinds = ["killed", "injured"]
            count, vague = None, "killed and injured"     # one figure for both: neither is known
        for kind in kinds:
            add(m.start(), end, kind, count, vague)
        if breakdown is not None:
            first = next(g for g in ("num", "dual", "single") if breakdown.group(g))
            b_start, b_end = breakdown.start(first), breakdown.end("noun") if breakdown.group("noun") else breakdown.end(first)
            if free(b_start, b_end):
                take(b_start, b_end)
                for kind in kinds:
                    add(b_start, b_end, kind, _count_of(breakdown)[0], vague)
    for m in finditer_near(_TOLL, hits.get('toll'), folded, back=12 + _SCANNER.lead('toll'), ahead=160):
        if free(m.start(), m.end()):
            take(m.start(), m.end())
            add(m.start(), m.end(), "killed", parse_number(m.group("num") or m.group("num_rose") or m.group("num_ar")), None)
    for m in finditer_near(_COUNT_FIRST, hits.get('after'), folded, back=120, ahead=2):
        if not free(m.start(), m.end()):
            continue
        take(m.start(), m.end())
        kind = "killed" if _KILLED_AFTER.fullmatch(m.group("after")) else "injured"
        count, vague = _count_of(m)
        add(m.start(), m.end(), kind, count, vague)
    for m in finditer_near(_SINGLE_FIRST, hits.get('after'), folded, back=80, ahead=2):
        if free(m.start(), m.end()):
            take(m.start(), m.end())
            kind = "killed" if _KILLED_AFTER.fullmatch(m.group("after")) else "injured"
            add(m.start(), m.end(), kind, 1, None)
    for m in finditer_near(_SINGLE_FIRST_AR, hits.get('single'), folded, back=60, ahead=2):
        if free(m.start(), m.end()):
            take(m.start(), m.end())
            add(m.start(), m.end(), "killed" if m.group("single") in _SINGLE_KILLED else "injured", 1, None)
    found.sort(key=lambda c: (c.start, c.kind != "killed"))
    return found


def _trigger_kind(trigger: str) -> str:
    return "killed" if _KILLED_BEFORE.fullmatch(trigger) else "injured"


def _count_of(m: re.Match) -> tuple[int | None, str | None]:
    groups = m.groupdict()
    if groups.get("num"):
        return parse_number(groups["num"]), None
    if groups.get("num_after"):
        return parse_number(groups["num_after"]), None
    if groups.get("vague"):
        word = " ".join(groups["vague"].split())
        return VAGUE.get(word), word
    if groups.get("dual"):
        return 2, None
    if groups.get("single"):
        return 1, None
    return None, "plural"
