"""Places: gazetteer mentions -> candidate event locations with ACLED geo_precision and a reason.

The gazetteer finds the names; this stage decides what each one means for an event:
- how precise it is, from the words around it (lexicons/precision_words.tsv: "داخل مدينة X" 1,
  "قرب X" / "بادية X" / "ريف X" / "X countryside" 2, a governorate or region 3); a phrase before
  names joined by "and"/"و" covers each of them ("near Abu Kamal and Mayadin");
- whether it can be an event location at all: not the dateline place, not a capital or country
  standing for its government ("ألقت دمشق بالمسؤولية", "بين واشنطن وطهران"), not a name inside an
  actor's name ("قوات سوريا الديمقراطية"), not where an attacker was based or fired from.
Countries, regions and governorates are *coarse*: the events stage drops them when a finer place
is given for the same event.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple
from functools import lru_cache

from extract.actors import ActorMention
from extract.claims import ClaimMention
from extract.lexicons import fold, read_table
from extract.sentences import CLAUSE_MARK
from extract.spans import cover_finder, overlap_finder, touch_finder
from gazetteer.model import FACILITY_KINDS, distance_km

PRECISION_BY_KIND = {"country": 3, "region": 3, "governorate": 3}
COARSE_KINDS = frozenset({"country", "region", "governorate"})
LOOK_BEHIND = 48           # characters before a name searched for a precision phrase
ORIGIN_WINDOW = 40         # characters before a name searched for "stationed / launched from"


class LocatedPlace(NamedTuple):
    start: int
    end: int
    place: object            # gazetteer.Place
    precision: int
    reason: str
    coarse: bool
    excluded: str | None = None     # why this is not an event location, or None
    explicit: bool = False          # a precision phrase was found (not the kind's default)
    candidates: tuple = ()          # every gazetteer reading of the name, best first
    area: bool = False              # the phrase names a part of the place's area ("the countryside of X")

    @property
    def usable(self) -> bool:
        return self.excluded is None


@dataclass(frozen=True)
class _PrecisionRules:
    before: re.Pattern          # matched on the REVERSED text before a name: anchored at the name
    before_settled: re.Pattern  # the same with a settlement word between phrase and name
    after: re.Pattern
    origin: re.Pattern
    echo: re.Pattern            # "its echoes were heard in X": X is where the blast was heard
    speaker: re.Pattern         # "an official in X told": X is where a source speaks from
    rules: dict


@lru_cache(maxsize=1)
def precision_rules() -> _PrecisionRules:
    before, after, origin, echo, speaker, settlement, rules = [], [], [], [], [], [], {}
    for row in read_table("precision_words.tsv"):
        if len(row) < 3:
            continue
        phrase, side, precision = fold(row[0]), row[1], row[2]
        reason = row[3] if len(row) > 3 else ""
        area = row[4] if len(row) > 4 and row[4] in ("area", "side") else ""
        if precision == "settlement":
            settlement.append(phrase)
        elif precision == "origin":
            origin.append(phrase)
        elif precision == "echo":
            echo.append(phrase)
        elif precision == "speaker":
            speaker.append(phrase)
        else:
            rules[(side, phrase)] = (int(precision), reason, area)
            (before if side == "before" else after).append(phrase)

    def alt(items):
        return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(items), key=len, reverse=True))

    def reversed_alt(items):
        return alt(p[::-1] for p in items)
    # A phrase must end right before the name; matching the reversed text at its start finds it
    # without trying every position of the window. The phrase starts a word (an attached و/ف/ب allowed).
    # an attached و/ف then ب/ل ("التابعة لقضاء X", "وبريف X"), read reversed: ب/ل first
    phrase_start = r"[بل]?[وف]?(?=[\s(]|$)"
    return _PrecisionRules(
        before=re.compile(rf"\s+(?P<p>{reversed_alt(before)}){phrase_start}"),
        before_settled=re.compile(rf"\s+(?:{reversed_alt(settlement)})\s+(?P<p>{reversed_alt(before)}){phrase_start}"),
        after=re.compile(rf"^(?:'s)?\s+(?:(?:city|town)\s+)?(?P<p>{alt(after)})(?!\w)"),
        # (no look-behind before the phrases: re then finds their first letters fast; the word's
        # start is checked after a match, by _starts_word)
        origin=re.compile(rf"(?:{alt(origin)})(?!\w)"),
        echo=re.compile(rf"(?:{alt(echo)})"),
        speaker=re.compile(rf"(?:{alt(speaker)})(?!\w)"),
        rules=rules,
    )


def _folded(text: str, a: int, b: int, doc=None) -> str:
    """fold(text[a:b]), sliced from the article's folded copy when there is one (no re-folding)."""
    a = a if a > 0 else 0                          # (not max/min: called tens of times per article)
    n = len(text)
    b = b if b < n else n
    if doc is None:
        return fold(text[a:b])
    return doc.folded_slice(a, b)


def precision_phrase(text: str, start: int, end: int, doc=None) -> tuple[int, str, bool] | None:
    """(precision, reason template, names-part-of-an-area: "", "area" or "side") from the words right around
    text[start:end], or None. `doc`: the article's FoldedText, if at hand."""
    r = precision_rules()
    behind = _folded(text, start - LOOK_BEHIND, start, doc)[::-1]
    plain, settled = r.before.match(behind), r.before_settled.match(behind)
    # the phrase reaching furthest back wins; on a tie the longer phrase (no settlement word)
    m = settled if settled and (not plain or settled.end() > plain.end()) else plain
    found = []
    if m:
        found.append(r.rules[("before", " ".join(m.group("p")[::-1].split()))])
    ahead = _folded(text, end, end + 30, doc)
    m = r.after.search(ahead)
    if m:
        found.append(r.rules[("after", " ".join(m.group("p").split()))])
    if not found:
        return None
    return max(found, key=lambda f: f[0])        # "in rural X city": the vaguer word wins


def _default_reason(kind: str) -> str:
    if kind in FACILITY_KINDS:
        return "at {name}"
    if kind in COARSE_KINDS:
        return "{name} " + ("governorate" if kind == "governorate" else kind) + " (no finer place given)"
    return "in {name}"


def _is_origin(pieces: list[str]) -> bool:
    """"مجموعات متمركزة قرب X", "rockets fired from X": where the attacker was, not the target.
    Only precision and settlement words, and one other word right before the name ("from the
    direction of the occupied Golan Heights"), may stand between the phrase and the name.
    `pieces`: the folded text before the name, split at clause breaks."""
    window = pieces[-1][-ORIGIN_WINDOW:]
    if len(pieces) > 1 and len(window) < 24 and _COMPASS_ONLY.fullmatch(window):
        # an apposition that only says where the origin lies: "from the direction of the
        # Mediterranean, west of Latakia"
        window = pieces[-2]
    # any origin phrase followed only by such words ("قادمة من اتجاه مدينة X": "من اتجاه" is)
    return any(_leads_to_name(window[f.end():]) for f in _overlapping_matches(precision_rules().origin, window))


SPEAKER_GAP = 24           # characters between a source's place and its speech verb ("district ", "، ")
_SAID_AFTER = re.compile(r"\s*(?:\S+\s+)?(?:[إأا]ن|:)(?!\w)")   # "... في العمادية إن", "... في القامشلي، لـ X: "


def _where_a_source_speaks(text: str, m, verb_starts: list[int], doc=None) -> bool:
    """"A local official in Amadiya district told Rudaw", "قال مصدر محلي في القامشلي": the name says
    where the source is, when a speaker phrase stands right before it (precision kind "speaker") and
    a speech verb right after it, only place words between."""
    i = bisect.bisect_left(verb_starts, m.end)
    verb_after = i < len(verb_starts) and verb_starts[i] - m.end <= SPEAKER_GAP and \
        _leads_to_name(_folded(text, m.end, verb_starts[i], doc) + " x")
    # "وقال مسؤول محلي في العمادية إن": the verb first, then the speaker, then what was said
    verb_before = i > 0 and m.start - verb_starts[i - 1] <= 2 * SPEAKER_GAP and \
        _SAID_AFTER.match(text, m.end, m.end + SPEAKER_GAP) is not None
    if not (verb_after or verb_before):
        return False
    pieces = CLAUSE_MARK.split(_folded(text, m.start - 2 * ORIGIN_WINDOW, m.start, doc))
    window = pieces[-1][-ORIGIN_WINDOW:]
    return any(_leads_to_name(window[f.end():]) for f in _overlapping_matches(precision_rules().speaker, window))


def _heard_there(pieces: list[str]) -> bool:
    """"سُمعت أصداؤها في مدينة حمص", "heard as far as Homs": the blast was heard there, it did not
    happen there (an echo word earlier in the name's clause)."""
    clause = pieces[-1]
    return any(_starts_word(clause, m.start()) for m in precision_rules().echo.finditer(clause))


def _starts_word(s: str, i: int) -> bool:
    """s[i] begins a word, or follows one attached letter و/ف/ب that does."""
    if i and s[i - 1] in "وفب":
        i -= 1
    return i == 0 or not s[i - 1].isalnum()


def _leads_to_name(stretch: str) -> bool:
    """Only precision and settlement words, and at most one other word standing last, right
    before the name ("the occupied"), not earlier ("is from Manbij in the town of Saraqib")."""
    words = _place_words()
    other = [not (w in words or (w[0] in "وفب" and w[1:] in words)) for w in stretch.split()]
    return not any(other[:-1])


def _overlapping_matches(pattern: re.Pattern, text: str) -> list[re.Match]:
    """Every match of pattern at a word's start, overlapping ones too ("قادمة من اتجاه": "قادمة من"
    and "من اتجاه")."""
    found, pos = [], 0
    while (m := pattern.search(text, pos)) is not None:
        if _starts_word(text, m.start()):
            found.append(m)
        pos = m.start() + 1
    return found


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Every word of a precision or settlement phrase ("قرب", "مدينة", "the", "outskirts", "of")."""
    return frozenset(w for row in read_table("precision_words.tsv") if len(row) >= 3 and row[2] not in ("origin", "echo", "speaker")
                     for w in fold(row[0]).split())


# an apposition that only gives a compass bearing from a place ("..., west of", "، غربي")
_COMPASS_ONLY = re.compile(r"\s*(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west|[وف]?(?:شمال|جنوب|شرق|غرب)\S*"
                           r"(?:\s+(?:شرق|غرب)\S*)?)(?:\s+of)?\s*")
_PROVINCE_BEFORE = re.compile(r"(?:محافظة|محافظه|محافظتي|\b(?:provinces?|governorates?)\s+of)\s*$", re.I)
# "Daraa province", "Quneitra and Daraa provinces" (said of both names)
_PROVINCE_AFTER = re.compile(r"(?:\s+(?:and|or)\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:provinces|governorates)"
                             r"|\s*(?:provinces?|governorates?))\b", re.I)


def _choose_candidate(candidates, text: str, start: int, end: int, as_before: bool = False):
    """The gazetteer's best candidate, or the governorate when the text says "province" (or the
    name is coordinated with one that did: `as_before`, "the provinces of Daraa and Quneitra")."""
    wants_governorate = as_before or _PROVINCE_BEFORE.search(text, max(0, start - 16), start) or \
        _PROVINCE_AFTER.match(text, end, end + 48)
    if wants_governorate:
        for c in candidates:
            if c.kind == "governorate":
                return c
    return candidates[0]


def locate_places(text: str, mentions, actors: list[ActorMention], claims: list[ClaimMention],
                  dateline_span: tuple[int, int] | None, event_words=(), doc=None) -> list[LocatedPlace]:
    """Every gazetteer mention with its precision, reason and (if any) why it is no event location."""
    out = []
    in_speech_frame = cover_finder([c.frame for c in claims])
    # a word of a source's name is no place: "the Iraqi Security Media Cell" is not Çal (Cell)
    source_names = touch_finder([c.speaker_span for c in claims if c.speaker_span is not None])
    overlapping_actors = overlap_finder(actors)
    overlapping_words = overlap_finder(event_words)
    verb_starts = sorted(c.start for c in claims)
    # echo words are rare: look for them once in the article, then near each name only if found
    echoes = precision_rules().echo.search(doc.folded if doc is not None else fold(text)) is not None
    prev_end = 0
    prev_phrase = None
    prev_governorate = False
    for m in mentions:
        if not m.candidates:
            continue
        coordinated = _coordinated(text, prev_end, m)
        place = _choose_candidate(m.candidates, text, m.start, m.end, prev_governorate and coordinated)
        prev_governorate = place.kind == "governorate"
        kind = place.kind
        phrase = precision_phrase(text, m.start, m.end, doc)
        if phrase is None and prev_phrase is not None and coordinated:
            phrase = prev_phrase              # "near Abu Kamal and Mayadin": near both
        prev_phrase = phrase
        seat_of = _governorate_reading(place, m.candidates) if phrase is None else None
        if seat_of is not None and \
                _after_unnamed_place(text, max(prev_end, m.start - UNNAMED_WINDOW), m.start, overlapping_actors):
            # "shelled Ftireh in Idleb", "قرية فطيرة في إدلب": a place the gazetteer lacks, said to lie in
            # the governorate the seat names; the governorate is all that is known
            out.append(LocatedPlace(m.start, m.end, seat_of, 3, f"{seat_of.name} governorate (the place named "
                                    f"in it is not in the gazetteer)", True,
                                    _exclusion(m, seat_of.kind, text, overlapping_actors(m.start, m.end), in_speech_frame, echoes,
                                               dateline_span, doc), False, tuple(m.candidates)))
            prev_end = m.end
            continue
        prev_end = m.end
        precision, reason, area = phrase if phrase else (1, _default_reason(kind), False)
        precision = max(precision, PRECISION_BY_KIND.get(kind, 1))
        if kind in COARSE_KINDS and phrase and precision == 3 and "governorate" not in reason:
            reason = _default_reason(kind)
        excluded = _exclusion(m, kind, text, overlapping_actors(m.start, m.end), in_speech_frame, echoes, dateline_span, doc)
        if excluded is None and any((b - a) > (m.end - m.start) for a, b in source_names(m.start, m.end)):
            excluded = "part of a source's name"
        if excluded is None and verb_starts and _where_a_source_speaks(text, m, verb_starts, doc):
            excluded = "where a source spoke from"      # "a local official in Amadiya district told Rudaw"
        if excluded is None and overlapping_words(m.start, m.end):
            excluded = "part of an event word"        # "طائرات حربية" is not the village Harbiye
        # "rural Idlib" is the governorate's countryside; "eastern Baghdad" is a side of a big city
        coarse = kind in COARSE_KINDS or (bool(area) and _is_governorate_seat(place, m.candidates)
                                          and not (area == "side" and place.population >= BIG_CITY_POPULATION))
        out.append(LocatedPlace(m.start, m.end, place, precision, reason.format(name=place.name),
                                coarse, excluded, phrase is not None, tuple(m.candidates), bool(area)))
    return out


# no comma: "near Tal Tamer, and Qamishli was hit" starts a new clause
COORDINATORS = frozenset({"and", "or", "و", "او", "أو"})


def _coordinated(text: str, prev_end: int, m) -> bool:
    """The place mention m is joined to the one ending at prev_end by a bare "and"/"or"/comma
    ("near X and Y", "قرب البوكمال والميادين"), so a precision phrase before the first covers it."""
    if not prev_end or m.start - prev_end > 8:
        return False
    gap = text[prev_end:m.start].strip()
    if text[m.start] == "و" and m.name_start > m.start:       # an attached و: "والميادين"
        gap = (gap + " و").strip()
    return gap in COORDINATORS


ACROSS_BORDER_KM = 30     # a town abroad this close to a place of the sentence is its neighbour, not a homonym


def disambiguate_by_governorate(places: list[LocatedPlace], sentences) -> list[LocatedPlace]:
    """A sentence that names a governorate ("... in Hama countryside", "بريف إدلب") says where its
    other names lie: pick their reading in that governorate, and drop a name with no reading there
    that would put the event in another country (a village named like a town abroad), unless it
    lies right next to another place of the sentence ("near al-Qaim in Anbar and near Albukamal,
    just across the border")."""
    out = list(places)
    order = sorted(range(len(out)), key=lambda i: out[i].start)
    starts = [out[i].start for i in order]
    for sent in sentences:
        idx = [i for i in order[bisect.bisect_left(starts, sent.start):bisect.bisect_left(starts, sent.end)]
               if out[i].usable]
        # a governorate, not a named region: "the Qalamoun" lies in Rural Damascus, but "near Damascus"
        # in the same sentence is still the city, not an airport of Rural Damascus
        regions = {(out[i].place.admin1, out[i].place.country) for i in idx
                   if out[i].coarse and out[i].place.kind not in ("country", "region") and out[i].place.admin1}
        if not regions:
            continue
        admins = {a for a, _ in regions}
        countries = {c for _, c in regions}
        for i in idx:
            p = out[i]
            if p.coarse or p.place.admin1 in admins:
                continue
            # a town's reading stays a town ("near Albukamal, just across the border" is not the
            # crossing of the Anbar town named before it)
            local = [c for c in p.candidates if c.admin1 in admins and _same_class(c, p.place)]
            if local:
                out[i] = p._replace(place=local[0], reason=p.reason.replace(p.place.name, local[0].name))
            elif p.place.country not in countries and \
                    not any(distance_km(p.place, out[j].place) <= ACROSS_BORDER_KM for j in idx if j != i and not out[j].coarse):
                out[i] = p._replace(excluded="outside the governorate the sentence names")
    return out


def _same_class(a, b) -> bool:
    """Both settlements, or both facilities, or both something else."""
    def cls(p):
        return "settlement" if p.kind in ("city", "town") else "facility" if p.kind in FACILITY_KINDS else p.kind
    return cls(a) == cls(b)


UNNAMED_WINDOW = 50        # characters before a governorate seat searched for a name the gazetteer lacks
# English: a capitalised name (with an optional al-/ar-... article), an optional settlement noun, "in".
_UNNAMED_EN = re.compile(r"(?P<name>(?:\b(?:al|el|ad|ar|as|ash|at|az|an|ed)-)?\b[A-Z][\w'’-]*"
                         r"(?:[ -](?:al-|el-)?[A-Z][\w'’-]*){0,2})"
                         r"(?:\s+(?:town|village|city|area|camp|neighbou?rhood))?\s+in\s+(?:the\s+)?$")
# Arabic: a settlement noun, one or two words (the name), then "في" or an attached ب on the seat.
_SETTLEMENT_NOUNS = ("بلدة", "قرية", "منطقة", "حي", "مخيم", "مزرعة")
_UNNAMED_AR = re.compile(rf"(?<!\w)(?:{'|'.join(_SETTLEMENT_NOUNS)})\s+\w+(?:\s+\w+)?\s+(?:في\s+)?$")


def _governorate_reading(place, candidates):
    """The governorate a city or town name also names (Idlib, Raqqa, Deir ez-Zor), or None."""
    if place.kind not in ("city", "town"):
        return None
    return next((c for c in candidates if c.kind == "governorate"), None)


def _after_unnamed_place(text: str, lo: int, start: int, overlapping_actors) -> bool:
    """True when text[lo:start] ends with a place name the gazetteer did not find, followed by
    "in"/"في" ("Dardara in", "قرية فطيرة في"): what follows is that place's governorate."""
    before = text[lo:start]
    tail = before.rstrip()
    # cheap gates first: the patterns end in "in"/"in the", or hold a settlement noun
    m = _UNNAMED_EN.search(before) if tail.endswith((" in", " the")) else None
    if m:
        name_start = lo + m.start("name")
        lead = text[:name_start].rstrip()
        if not lead or lead[-1] in ".!?\n:" or lo + m.start() == lo and lo > 0 and text[lo - 1].isalnum():
            return False                  # a capital that only opens a sentence, or a cut-off word
        if overlapping_actors(name_start, lo + m.end("name")):
            return False                  # "Hezbollah in Damascus": a side, not a place
        return not set(m.group("name").lower().split()) & _calendar_words()
    return any(noun in before for noun in _SETTLEMENT_NOUNS) and bool(_UNNAMED_AR.search(before))


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Month and weekday names: capitalised, but never a place ("On 3 May in Idleb")."""
    return frozenset(fold(r[0]) for name in ("months.tsv", "weekdays.tsv") for r in read_table(name) if r)


BIG_CITY_POPULATION = 1_000_000   # a city this big has sides of its own ("eastern Baghdad", "west Mosul")


def _is_governorate_seat(place, candidates) -> bool:
    """"ريف دير الزور", "rural Idleb": the countryside of a governorate's seat is the governorate's
    countryside, as coarse as the governorate itself."""
    return any(c.kind == "governorate" for c in candidates) and place.kind in ("city", "town")


def _exclusion(m, kind, text, actors, in_speech_frame, echoes, dateline_span, doc=None) -> str | None:
    if dateline_span and m.start < dateline_span[1] and dateline_span[0] < m.end:
        return "dateline"
    for a in actors:
        if a.start < m.end and m.start < a.end:
            if a.kind == "metonym":
                return "metonym"
            if a.kind == "speech":
                if in_speech_frame(m.start, m.end):
                    return "metonym"
                continue
            if a.kind in ("actor", "weak") and (a.end - a.start) > (m.end - m.start):
                return "part of an actor's name"
    # the text before the name, folded once, in clauses: where the attacker was, where it was heard
    pieces = CLAUSE_MARK.split(_folded(text, m.start - 2 * ORIGIN_WINDOW, m.start, doc))
    if _is_origin(pieces):
        return "origin"
    if echoes and _heard_there(pieces):
        return "heard from afar"
    return None
