"""Assembling events: event words, places, actors, numbers, dates and claims -> coded events.

How an analyst reads a report, as rules:
1. Each event word opens a *mention*. A generic word ("الهجوم", "the attack") in a sentence
   that already has an event word belongs to it; a definite generic that opens a sentence
   refers back to the nearest earlier mention whose sides agree with it. A weapon named as the
   instrument of a generic attack in its clause ("with a grenade", "بقنبلة يدوية") gives it its type.
2. A usable place belongs to the nearest event word before it in its sentence (or after it,
   when the place comes first). Places joined only by "و"/"and"/commas and precision words form
   one group ("بادية مدينة الميادين وريف البوكمال"). An event word with no place whose clause
   says "in the area" / "في المنطقة" is placed near the last place of the nearest earlier event
   (precision 2).
3. A casualty figure belongs to the event word it is told with ("killed in clashes"), else to the
   place named right after it ("killing three civilians in Ariha and two in Jisr al-Shughur"), else
   to the nearest place group or event word before it in its sentence; a
   sentence with no event word ("No fatalities were reported.") continues the last event with a
   place told before it in its paragraph. A figure given for a group of several places is given
   to none of them.
4. Mentions of the same strike (same sub-event type, sides that agree, dates that agree) form a
   *strike set*. A set yields one event per fine place; mentions without a fine place ("US
   strikes in Syria") lend the set their date, sides and claims, and their figures only when the
   set has a single place (a total for several sites is not any one site's figure).
5. A set with only a governorate or region is coded there (precision 3), once per governorate
   it names ("the countryside of Hama and Idlib": two events); one with only a country or no
   place at all is not coded. A set with fine places is also coded in a governorate it names
   where none of them lies ("... بريف حمص الغربي، ومواقع أخرى في منطقة الديماس بريف دمشق").
6. Told apart: "a separate strike"/"غارة أخرى", or a sentence opened by "In a separate
   incident"/"وفي حادثة أخرى", starts a new set (keeping the attacker of the last
   one of its kind); "استهداف X بعدد من الصواريخ، وY بطائرة مسيرة" is one act against two
   targets, each with its own weapon: two events, Y's taking X's attacker; "similar strikes"/
   "ضربات مماثلة", or an event word after "a day after"/"بعد أيام من" in its clause, recalled
   beside the report start a set of their own that takes no side, date or carried claim from
   the others and lends none;
   "in response to an attack"/"رداً على هجوم" names the answered attack: its sides are
   read after those words, else they are the answer's reversed; it takes no attacker or
   claim from the answer, and a later "the strikes" refers to the answer, "the attack" may
   refer to it. "X in Y" (Y the governorate of X, also a clause later with no event word
   between), "in Y, <event word> X" (a clause opened by "in" and X's governorate),
   "X in the countryside of Y" (Y a town within 50 km), "X in Y" / "X التابعة لقضاء Y" (Y a town
   within 30 km), "X south of Y", "between X and Y" and "Y's X" give one place, X; but X read as a
   namesake of Y (abroad, or more than 250 km off, and not in the governorate Y's seat stands
   for) gives way to Y.
7. A set with no date of its own takes the date of the set told before it (the report's time
   frame), or a day told in the lead before any event ("a toll for yesterday, Saturday:"), else
   the publication date with time_precision 2.
8. An event word whose clause recalls an earlier event ("last year's attack", "since 2019", a year
   before the publication's, "had been arrested" with no date; lexicons/background_markers.tsv)
   or speaks of one that did not happen ("strikes could derail talks", "ready to respond to any
   attack"), or whose sentence tells a drill, yields no event; nor does one whose own date lies
   more than a month before publication.
9. A claim speaks of the events of its sentence (and of the following sentences of its paragraph
   that name no source); a blame, or a denial that names what it denies, only of that event.
   An event keeps one claim per (claimant, stance). A source telling of its own side's strike
   claims it ("U.S. jets struck ..., the Pentagon said"); a clash has no author to claim it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from extract.actors import BLAMED, ActorMention, RoleCue, RoleVote, choose_actors, role_votes
from extract.claims import ClaimMention
from extract.lexicons import FoldedText, TermMatcher, fold, fold_word, read_table
from extract.model import Claim, Event
from gazetteer.model import FACILITY_KINDS, distance_km
from extract.places import COORDINATORS, LocatedPlace
from extract.sentences import Sentence, crosses_clause
from extract.spans import cover_finder, touch_finder
from extract.triggers import Trigger

BLAME_SCOPE = 90            # characters after a blame verb in which the event it speaks of is named
CIVILIANS = "Civilians"
_GAP_WORD = re.compile(r"[^\s,،]+")
_LINKS: dict[str, frozenset[str]] | None = None


def _link_words(role: str) -> frozenset[str]:
    """lexicons/place_links.tsv: connectors join a place group; qualifiers tie a place to its governorate
    (and "inside" ones say it lies in the place named next).
    Connectors also include every word of a precision phrase (ريف, desert, outskirts ...)."""
    global _LINKS
    if _LINKS is None:
        rows = read_table("place_links.tsv")
        connectors = {fold(r[0]) for r in rows if r[1:2] == ["connector"]}
        for row in read_table("precision_words.tsv"):
            if len(row) >= 3 and row[2] != "origin":
                connectors.update(fold(w) for w in row[0].split())
        _LINKS = {"connector": frozenset(connectors),
                  **{role: frozenset(fold(r[0]) for r in rows if r[1:2] == [role])
                     for role in ("qualifier", "inside", "anaphor")}}
    return _LINKS[role]


def same_group_gap(gap: str) -> bool:
    """True when only connectors and precision words stand between two place names."""
    words = _link_words("connector")
    for m in _GAP_WORD.finditer(gap):            # word by word: a long gap fails at its first word
        token = fold_word(m.group())
        if token and token not in words and not (token[0] in "وف" and token[1:] in words):
            return False
    return True


def _namesake_far_from(x: LocatedPlace, y: LocatedPlace, said_km: int = 0) -> bool:
    """X, said to lie near or in Y, was read as a namesake elsewhere: abroad, or in the same country
    too far for the words ("the village of Maghar, west of Kobani" is not Israel's Maghar; al-Tanf,
    east of Damascus, is al-Tanf)."""
    d = distance_km(x.place, y.place) - said_km
    if d <= REFERENCE_KM or _in_governorate_of_seat(x, y):
        return False
    return x.place.country != y.place.country or d > NAMESAKE_KM


def _in_governorate_of_seat(finer: LocatedPlace, seat: LocatedPlace) -> bool:
    """The seat's name may stand for its governorate ("السخنة شرقي حمص": Sukhnah, in eastern Homs
    governorate, 150 km from the city): a place of that governorate is no namesake."""
    return any(c.kind == "governorate" and c.admin1 == finer.place.admin1 for c in seat.candidates or (seat.place,))


def _has_conjunction(gap: str) -> bool:
    """An "and"/"or"/"و" stands in the gap: what follows is another place, not a part of the first."""
    return any(fold_word(w) in COORDINATORS for w in gap.split())


def _part_of_gap(gap: str) -> bool:
    """"X district of Y", "X in Y city": only qualifier words, with no "and" (not "between X and Y")."""
    return qualifier_gap(gap) and not _has_conjunction(gap)


NEARBY_KM = 30            # "X in Y" with Y this close: Y is the town or district X lies in


def _inside_of_gap(gap: str) -> bool:
    """"X in Y", "X التابعة لقضاء Y": qualifier words only, one of them saying X lies in Y."""
    if not _part_of_gap(gap):
        return False
    words = [fold_word(m.group()) for m in _GAP_WORD.finditer(gap)]
    inside = _link_words("inside")
    return any(w in inside or w[:1] in "بل" and len(w) > 2 for w in words)


def qualifier_gap(gap: str) -> bool:
    """True when only qualifier words stand between a place and a governorate ("X town in Y")."""
    words = _link_words("qualifier")
    return all(t in words or not t for t in (fold_word(m.group()) for m in _GAP_WORD.finditer(gap)))


# "X, 20 km south of Y", "X جنوب Y": Y is a reference point for X.
_REFERENCE_GAP = re.compile(
    r"^[\s,،]*(?:(?:area|region|town|village|front|منطقة|بلدة|قرية)\s+)?"
    r"(?:(?:about|some|nearly|على\s+بعد|نحو|حوالي)?\s*(?P<km>\d+)\s*(?:km|kilometers|kilometres|كم|كيلومترا?)\s*)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of"
    r"|(?:شمال|جنوب|شرق|غرب)(?:ي|ي?\s+(?:شرق|غرب)ي?)?)\s*(?:مدينة|بلدة|the\s+(?:city|town)\s+of)?\s*$",
    re.I)


@dataclass
class PlaceUnit:
    places: list[LocatedPlace]
    casualties: list = field(default_factory=list)
    date: object = None


@dataclass
class Mention:
    trigger: Trigger
    sentence: Sentence
    spans: list[tuple[int, int]]                 # the trigger and any generic words folded into it
    event_type: str = ""
    sub_event_type: str = ""
    units: list[PlaceUnit] = field(default_factory=list)
    coarse: list[LocatedPlace] = field(default_factory=list)
    casualties: list = field(default_factory=list)
    votes: list[RoleVote] = field(default_factory=list)
    actor1: str | None = None
    actor2: str | None = None
    date: object = None                           # a DateMention
    claims: list[ClaimMention] = field(default_factory=list)
    antecedent: "Mention | None" = None
    set_id: int = -1
    headline: bool = False                        # told in the headline: a summary, not located there
    distinct: bool = False                        # "a separate strike": not the event told before
    recalled: bool = False                        # "similar strikes": an earlier event compared with
    recalled_after: int = -1                      # where "a day after" recalls it, when that is how
    answers_to: "Mention | None" = None           # set on an attack that `answers_to` retaliated for
    answer_from: int = -1                         # where its "in response to" ends: its sides are told after
    same_act_as: "Mention | None" = None          # a second target of that mention's act, with its own weapon
    listed: bool = False                          # opens an item of a bulleted list: an event of its own
    background: bool = False                      # an earlier event recalled ("last year's attack")

    @property
    def start(self) -> int:
        return self.spans[0][0]


# ---------------------------------------------------------------- 1. mentions
def build_mentions(triggers: list[Trigger], sentences: list[Sentence], headline_end: int,
                   doc: FoldedText) -> list[Mention]:
    """One mention per event word; a generic word after another event word of its sentence joins it."""
    text = doc.text
    mentions: list[Mention] = []
    markers = _markers()
    # which marker kinds the article holds at all, from the shared lexicon pass (most hold none:
    # no check per event word then)
    here = {m.value for m in _marker_matcher().find(doc)}
    # "a day after a drone attack", "بعد أيام من غارات": an earlier event told beside the news
    earlier_events = [r.start for r in _relation_matcher().find(doc) if r.value[0] == "events"]
    for t in triggers:
        sent = _sentence_of(sentences, t.start)
        if sent is None:
            continue
        marker = _distinct_marker(text, t, "after" in here) if "before" in here or "after" in here else None
        opens_sentence = not mentions or mentions[-1].sentence is not sent
        if marker is None and "opening" in here and opens_sentence and \
                markers["opening"].match(doc.folded_slice(sent.start, t.start)):
            marker = "distinct"                         # "وفي حادثة أخرى، قتل طفلان بانفجار لغم"
        if marker is None and opens_sentence and _LIST_ITEM.match(text, sent.start) and \
                _introduced_list(text, sent.start):
            marker = "listed"                           # a bulletin's "- 3 عناصر ... قتلوا بانفجار لغم"
        recalled_after = _recalling_phrase(earlier_events, sent, t, mentions) if earlier_events and marker is None else -1
        if recalled_after >= 0:
            marker = "recalled"
        if marker is None and "answer" in here and \
                markers["answer"].search(doc.folded_slice(sent.clause_at(t.start)[0], t.start)):
            marker = "distinct"                         # "ردت وحدات من الجيش ... بضربات مدفعية"
        if marker is not None:
            mentions.append(Mention(t, sent, [(t.start, t.end)], t.event_type, t.sub_event_type,
                                    headline=t.start < headline_end, distinct=True,
                                    recalled=marker == "recalled", recalled_after=recalled_after,
                                    listed=marker == "listed"))
            continue
        prev = mentions[-1] if mentions and mentions[-1].sentence is sent else None
        before = doc.folded_slice(max(sent.start, t.start - RESPONSE_REACH), t.start)
        if prev is not None and _attempted(before):
            prev.spans.append((t.start, t.end))        # "... as they were trying to infiltrate"
            continue
        if prev is not None and not t.generic and not prev.trigger.generic and \
                _weapons_listed(text, prev.spans[-1][1], t.start):
            prev.spans.append((t.start, t.end))        # "fired missiles and drones": one attack
            continue
        response = _markers()["response"].search(before)
        answered = response is not None
        if prev is not None and t.generic and not t.definite and not answered:
            prev.spans.append((t.start, t.end))
            continue
        if answered and prev is not None:
            folded_end = doc.folded_offset(max(sent.start, t.start - RESPONSE_REACH)) + response.end()
            mentions.append(Mention(t, sent, [(t.start, t.end)], t.event_type, t.sub_event_type,
                                    headline=t.start < headline_end, distinct=True, answers_to=prev,
                                    answer_from=doc.span(folded_end, folded_end)[0]))
            continue
        if prev is not None and t.generic and t.definite and not prev.trigger.generic:
            prev.spans.append((t.start, t.end))
            continue
        if prev is not None and _second_target_of(text, prev, t):
            # "استهداف قاعدة عين الأسد بعدد من الصواريخ، وقاعدة حرير بطائرة مسيرة": the same act
            # against a second target, with its own weapon
            mentions.append(Mention(t, sent, [(t.start, t.end)], t.event_type, t.sub_event_type,
                                    headline=t.start < headline_end, same_act_as=prev))
            continue
        if prev is not None and prev.trigger.generic and not prev.trigger.definite and \
                not t.generic and _instrument_of(text, prev, t):
            # "gunmen targeted a checkpoint with a grenade": the weapon says what the attack was
            prev.trigger, prev.event_type, prev.sub_event_type = t, t.event_type, t.sub_event_type
            prev.spans.append((t.start, t.end))
            continue
        mentions.append(Mention(t, sent, [(t.start, t.end)], t.event_type, t.sub_event_type,
                                headline=t.start < headline_end))
    return mentions


# the start of an item of a bulleted or numbered list ("- ", "• ", "3) "): each item tells its own event
_LIST_ITEM = re.compile(r"[ \t]*(?:[-–—•*▪●]|\d{1,2}[.)])\s")


def _introduced_list(text: str, item_start: int) -> bool:
    """The list the item belongs to is introduced by a line ending with a colon ("وتوزعوا على النحو
    التالي:", "as follows:"): a bulletin of separate events, not a summary's bullets."""
    for line in reversed(text[:item_start].rstrip().split("\n")):
        if line.strip() and not _LIST_ITEM.match(line):
            return line.rstrip().endswith(":")
    return False


def _recalling_phrase(relation_starts: list[int], sent: Sentence, t: Trigger, mentions: list) -> int:
    """Where a phrase such as "a day after" stands in t's clause, after the sentence's previous
    event word and before t (t is the earlier event it recalls); else -1."""
    lo = sent.clause_at(t.start)[0]
    if mentions and mentions[-1].sentence is sent:
        lo = max(lo, mentions[-1].spans[-1][1])
    return next((r for r in relation_starts if lo <= r < t.start), -1)


def _weapons_listed(text: str, prev_end: int, start: int) -> bool:
    """Two event words joined only by "and"/"or"/"و" ("missiles and drones", "صواريخ وطائرات مسيرة")
    name the weapons of one attack."""
    gap = text[prev_end:start].strip()
    if text[start] == "و" and not gap:
        gap = "و"                                    # the conjunction attached to the second word
    return gap in COORDINATORS


_MARKERS: dict | None = None


RESPONSE_REACH = 40         # characters between "in response to" and the event word it introduces


@lru_cache(maxsize=1)
def _marker_matcher() -> TermMatcher:
    """The event markers whose presence in an article is checked once (lexicons/event_markers.tsv)."""
    return TermMatcher({r[0]: r[1] for r in read_table("event_markers.tsv")
                        if len(r) >= 2 and r[1] in ("before", "after", "opening", "answer")}, shared=True)


def _markers() -> dict:
    global _MARKERS
    if _MARKERS is None:
        rows = read_table("event_markers.tsv")
        _MARKERS = {side: re.compile("|".join(re.escape(fold(r[0])) for r in rows if r[1] == side))
                    for side in ("before", "after", "response")}
        # at a sentence's start, after an optional "و" or "and"
        _MARKERS["opening"] = re.compile(r"^\W*(?:و|and\s+)?(?:" + "|".join(
            re.escape(fold(r[0])) for r in rows if r[1] == "opening") + r")(?!\w)")
        _MARKERS["attempt"] = tuple(fold(r[0]) for r in rows if r[1] == "attempt")
        _MARKERS["answer"] = re.compile(r"(?<!\w)(?:" + "|".join(
            re.escape(fold(r[0])) for r in rows if r[1] == "answer") + r")(?!\w)")
    return _MARKERS


def _attempted(before: str) -> bool:
    """"as they were trying to infiltrate": the event word (after the folded text `before`) tells
    what the side struck was doing. ("struck ... in response to a rocket attack": the "response"
    markers in the same text say it names the attack answered.)"""
    before = before.rstrip()
    if before.endswith("ال"):
        before = before[:-2].rstrip()
    return before.endswith(_markers()["attempt"])


_INSTRUMENT = re.compile(r"(?:\b(?:with|using)\s+(?:an?\s+|the\s+|\w+\s+)?|\bby\s+means\s+of\s+)$", re.I)


def _instrument_of(text: str, prev: Mention, t: Trigger) -> bool:
    """True when event word t names the weapon of prev, in prev's clause: "with a grenade",
    "using an IED", "بقنبلة يدوية" (an attached ب)."""
    clause = prev.sentence.clause_at(prev.spans[-1][1] - 1)
    if not clause[0] <= t.start < clause[1]:
        # "struck a headquarters in Erbil, in Iraq's Kurdistan region, with ballistic missiles":
        # an explicit "with" may come a clause later in the same sentence
        return bool(_INSTRUMENT.search(text, max(prev.sentence.start, t.start - 20), t.start))
    return text[t.start] == "ب" or bool(_INSTRUMENT.search(text, max(clause[0], t.start - 20), t.start)) \
        or bool(_COUNTED_INSTRUMENT.search(text, max(clause[0], t.start - 12), t.start))


# "بعدد من الصواريخ", "بعشرات القذائف", "بـ3 صواريخ": the ب of the instrument stands on its count
_COUNTED_INSTRUMENT = re.compile(r"(?<!\w)ب(?:عدد\s+من|عشرات|ـ?\s*[\d٠-٩]+)\s+$")


def _second_target_of(text: str, prev: Mention, t: Trigger) -> bool:
    """t is the weapon of a second target of prev's act: prev is a targeting word that took its
    own weapon ("استهداف X بعدد من الصواريخ"), and "، وY" then t with an attached ب follow in the
    same sentence, with no other event word between."""
    if len(prev.spans) < 2 or not prev.spans[0][1] <= prev.trigger.start or t.generic or text[t.start] != "ب":
        return False
    gap = text[prev.spans[-1][1]:t.start]
    return bool(_COORDINATED_TARGET.match(gap)) and not crosses_clause(gap, gap.find("و") + 1, len(gap))


_COORDINATED_TARGET = re.compile(r"^\s*[،,]?\s*و\S+(?:\s+\S+){0,6}\s+$")


def _distinct_marker(text: str, t: Trigger, inside: bool = True) -> str | None:
    """"a separate strike", "غارة أخرى": the words right around the event word mark a new event;
    "similar strikes", "ضربات مماثلة" an earlier one recalled. Returns "distinct", "recalled" or None.
    (After a phrase merged from several words, "ضربات مماثلة استهدفت", its first word is looked at too.)"""
    words = _marker_words()
    before = text[max(0, t.start - 12):t.start].rsplit(None, 1)
    kind = words["before"].get(fold_word(before[-1])) if before else None
    if kind is None:
        kind = _word_after(text, t.end, words["after"])
    if kind is None and inside and " " in text[t.start:t.end]:
        kind = _word_after(text, text.find(" ", t.start, t.end), words["after"])
    return kind


def _word_after(text: str, end: int, table: dict):
    """table's value for the word right after offset `end`, or None."""
    after = text[end:end + 12].split(None, 1)
    return table.get(fold_word(after[0].strip("،,."))) if after else None


_MARKER_WORDS: dict | None = None


def _marker_words() -> dict:
    """The one-word "before"/"after" markers -> "distinct" or "recalled" (only one word is
    compared, so phrases never match)."""
    global _MARKER_WORDS
    if _MARKER_WORDS is None:
        rows = read_table("event_markers.tsv")
        _MARKER_WORDS = {side: {fold(r[0]): (r[2] if len(r) > 2 and r[2] else "distinct") for r in rows if r[1] == side}
                         for side in ("before", "after")}
    return _MARKER_WORDS


def _sentence_of(sentences: list[Sentence], offset: int) -> Sentence | None:
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return s
    return None


# ---------------------------------------------------------------- 2. places
def attach_places(mentions: list[Mention], places: list[LocatedPlace], text: str) -> None:
    """Give each usable place to the event word that governs it, grouping coordinated places."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence.start, []).append(m)
    headline = max((m.spans[-1][1] for m in mentions if m.headline), default=0)
    headline = _line_end(text, headline) if headline else 0
    usable = [p for p in places if p.usable and p.start >= headline]
    event_words = sorted(span for m in mentions for span in m.spans)
    openers = frozenset(m.spans[0][0] for m in mentions)
    usable = _drop_admin_qualifiers(usable, text, event_words, [ms[0].sentence for ms in by_sentence.values()],
                                    openers)
    last_unit: dict[int, tuple[PlaceUnit, LocatedPlace]] = {}
    stretches: dict[int, tuple] = {}       # id of a place standing for "between X and Y" -> (X, Y)
    sentence_starts = sorted(by_sentence)
    for p in usable:
        i = bisect.bisect_right(sentence_starts, p.start) - 1
        sent_mentions = by_sentence[sentence_starts[i]] if i >= 0 else None
        if not sent_mentions or p.start >= sent_mentions[0].sentence.end:
            continue
        before = [m for m in sent_mentions if m.spans[0][0] < p.start]
        owner = before[-1] if before else sent_mentions[0]
        after = next((m for m in sent_mentions if m.spans[0][0] >= p.end), None)
        if after is not None and after.same_act_as is owner and owner.spans[-1][1] <= p.start:
            owner = after                  # "..., وقاعدة حرير بطائرة مسيرة": the target before its weapon
        if p.coarse:
            owner.coarse.append(p)
            continue
        prev = last_unit.get(id(owner))
        road = prev and prev[0] is owner.units[-1] and _road_pair(text, prev[1], p)
        if road or prev and prev[0] is owner.units[-1] and _between_pair(text, prev[1], p):
            # "the area between X and Y", "the Palmyra-Homs highway": one event, placed at X,
            # near it (precision 2)
            first = prev[1]
            where = f"on the {first.place.name}-{p.place.name} road" if road else \
                f"between {first.place.name} and {p.place.name}"
            between = first._replace(precision=max(first.precision, 2), explicit=True, reason=where)
            prev[0].places[prev[0].places.index(first)] = between
            last_unit[id(owner)] = (prev[0], between)
            stretches[id(between)] = (first, p)
            continue
        if prev and prev[0] is owner.units[-1] and id(prev[1]) in stretches and \
                _on_the_stretch(text, stretches[id(prev[1])], p):
            # "على طريق القنيطرة - دمشق قرب بلدة خان أرنبة": the spot on the road is near the town
            prev[0].places[prev[0].places.index(prev[1])] = p
            last_unit[id(owner)] = (prev[0], p)
            continue
        if prev and same_group_gap(text[prev[1].end:p.start]) and prev[0] is owner.units[-1]:
            prev[0].places.append(p)
            last_unit[id(owner)] = (prev[0], p)
            continue
        unit = PlaceUnit([p])
        owner.units.append(unit)
        last_unit[id(owner)] = (unit, p)
    _place_area_anaphors(mentions, text)


@lru_cache(maxsize=1)
def _anaphor_pattern() -> re.Pattern:
    phrases = sorted(_link_words("anaphor"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)")


def _place_area_anaphors(mentions: list[Mention], text: str) -> None:
    """"Iraqi aircraft later bombed hideouts in the area": a mention with no place of its own whose
    clause says "in the area" / "في المنطقة" after its event word took place near the last place of
    the nearest earlier event that has one (precision 2)."""
    placed: Mention | None = None
    for m in mentions:
        if m.units:
            placed = m if not m.recalled else placed
            continue
        if placed is None or m.coarse or m.headline or m.recalled or m.background:
            continue                               # ("similar attacks in the area" are no one event)
        clause_end = m.sentence.clause_at(m.spans[-1][1] - 1)[1]
        if not _anaphor_pattern().search(fold(text[m.spans[-1][1]:clause_end])):
            continue
        where = placed.units[-1].places[-1]
        m.units.append(PlaceUnit([where._replace(
            precision=max(where.precision, 2), explicit=True,
            reason=f"in the area of {where.place.name} (named before)")]))


STRETCH_DETOUR_KM = 20    # a place this much off the straight line between X and Y still lies on the road


def _on_the_stretch(text: str, ends: tuple, p: LocatedPlace) -> bool:
    """p, named with a precision word right after "the X-Y road" / "between X and Y" (no "and",
    no new clause), lies along it: it says where on the road the event was."""
    first, second = ends
    if not p.explicit or crosses_clause(text, second.end, p.start) or _has_conjunction(text[second.end:p.start]):
        return False
    along = distance_km(first.place, p.place) + distance_km(p.place, second.place)
    return along <= distance_km(first.place, second.place) + STRETCH_DETOUR_KM


_BETWEEN_BEFORE = re.compile(r"(?:between|بين)\s+(?:the\s+)?(?:(?:town|village|city|مدينة|بلدة|قرية)\s+(?:of\s+)?)?$", re.I)
_AND_GAP = re.compile(r"^\s*(?:and|و)\s*(?:the\s+)?(?:(?:town|village|city|مدينة|بلدة|قرية)\s+(?:of\s+)?)?$", re.I)


def _between_pair(text: str, first: LocatedPlace, second: LocatedPlace) -> bool:
    """"between X and Y" names one stretch of ground, not two events."""
    gap = text[first.end:second.start]
    if not (_AND_GAP.match(gap) or gap.strip() == "و" or text[second.start] == "و" and not gap.strip()):
        return False
    return bool(_BETWEEN_BEFORE.search(text[max(0, first.start - 30):first.start]))


_DASH = re.compile(r"\s*[-–—]\s*")
_ROAD_AFTER = re.compile(r"\s+(?:highway|road|motorway|route)\b", re.I)
_ROAD_BEFORE = re.compile(r"(?:طريق|اوتوستراد|أوتوستراد|الطريق الدولي)\s+(?:[وب]?\S+\s+)?$")


def _road_pair(text: str, first: LocatedPlace, second: LocatedPlace) -> bool:
    """"the Palmyra-Homs highway", "طريق تدمر - حمص": the road between two places, not two events."""
    if not _DASH.fullmatch(text, first.end, second.start):
        return False
    return bool(_ROAD_AFTER.match(text, second.end) or _ROAD_BEFORE.search(text, max(0, first.start - 30), first.start))


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


# "Baghdad's heavily fortified Green Zone": a possessive, then at most three words before the next name
_POSSESSIVE = re.compile(r"['’]s$")
_SHORT_GAP = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,3}")
# "in Deir ez-Zor", "في دير الزور", "بدير الزور": the words that say which area a place lies in
_IN_BEFORE = re.compile(r"(?:\b(?:in|of)|(?<!\w)في)\s+(?:the\s+)?$", re.I)
REFERENCE_KM = 100        # "X, south of Y": farther than this (plus any distance said), X read is a namesake...
NAMESAKE_KM = 250         # ...when abroad, or in the same country farther than this
REGION_SPAN_KM = 120      # "a region in the countryside of Y": Y's point this close may be a governorate it spans
QUALIFIER_REACH = 80      # characters from a place to the "in <governorate>" that still qualifies it


def _drop_admin_qualifiers(places: list[LocatedPlace], text: str, event_words: list[tuple[int, int]] = (),
                           sentences: list[Sentence] = (), openers: frozenset = frozenset()) -> list[LocatedPlace]:
    """"Dardara in al-Hasakeh": the second name only says which governorate the first is in; so
    does "Conoco field, which hosts a coalition base in Deir ez-Zor" when no event word stands
    between. "Baghdad's Green Zone": the possessive only says where the second place is."""
    out: list[LocatedPlace] = []
    for p in places:
        prev = out[-1] if out else None
        if prev is not None and prev.place.kind in ("city", "town") and p.place.admin1 == prev.place.admin1 \
                and _is_possessive_of(text, prev, p):
            out[-1] = p
            continue
        if prev is not None and not prev.coarse and _far_governorate_of(prev, p, text, event_words, sentences,
                                                                        openers):
            continue
        if prev is not None and _locates_facility(prev, p, text, event_words):
            continue                      # "the Kharab al-Jir base in the Rmelan countryside": the base
        if prev is not None and _in_countryside_of(prev, p, text, event_words):
            continue                      # "قرية تل حميس بريف القامشلي": the village
        if prev is not None and _region_in_governorate(prev, p, text[prev.end:p.start]):
            continue                      # "جبل البشري بريف الرقة": the range, which spans Raqqa too
        if prev is not None and not p.coarse and _opening_governorate(prev, p, text, sentences):
            out[-1] = p                   # "..., and in Hasakah artillery shelled Tal Tamr": Tal Tamr
            continue
        if prev is not None and not prev.coarse and not p.coarse and p.place.kind in ("city", "town") \
                and p.start - prev.end <= QUALIFIER_REACH and _namesake_far_from(prev, p) \
                and _part_of_gap(text[prev.end:p.start]):
            # "the Hamdaniyah district of Aleppo city": X read as a namesake far away (Iraq's
            # Hamdaniya) is a part of Y the gazetteer lacks; Y is where it happened
            out[-1] = p
            continue
        if prev is not None and not prev.coarse and not p.coarse and p.place.kind in ("city", "town") \
                and p.start - prev.end <= QUALIFIER_REACH and _inside_of_gap(text[prev.end:p.start]) \
                and distance_km(prev.place, p.place) <= NEARBY_KM:
            continue                      # "ناحية كاني ماسي التابعة لقضاء العمادية": Kani Masi
        if prev is not None and prev.place.kind != "country" and qualifier_gap(text[prev.end:p.start]):
            if _names_governorate_of(p, prev):
                continue
            governorate = next((c for c in (p.candidates or (p.place,)) if c.kind == "governorate"), None)
            if governorate is not None and not prev.coarse and prev.place.country == governorate.country:
                # "Eastern Ghariyeh in Dar'a": the first name's reading lies in another governorate
                local = [c for c in prev.candidates if c.admin1 == governorate.admin1]
                if local:
                    out[-1] = prev._replace(place=local[0], reason=prev.reason.replace(prev.place.name, local[0].name))
                else:
                    out[-1] = p._replace(place=governorate, precision=3, coarse=True,
                                      reason=f"{governorate.name} governorate (the place named in it is not "
                                             f"in the gazetteer)")
                continue
        reference = _REFERENCE_GAP.match(text[prev.end:p.start]) if prev is not None else None
        if reference and (not prev.coarse or prev.place.kind == "region"):
            # "الشدادي جنوب الحسكة", "X south of Y": Y only helps find X; a named region too
            # ("جبل الزاوية جنوبي إدلب"), but not a governorate, which a town near Y narrows
            said_km = int(reference.group("km")) if reference.group("km") else 0
            if not prev.coarse and not p.coarse and _namesake_far_from(prev, p, said_km):
                # X read as a namesake far away ("the village of Maghar, west of Kobani" is not
                # Israel's Maghar): all that is known is that it lies near Y
                out[-1] = p._replace(precision=max(p.precision, 2), explicit=True,
                                     reason=f"near {p.place.name} (the place named beside it is not in the gazetteer)")
            continue
        out.append(p)
    return out


def _is_possessive_of(text: str, owner: LocatedPlace, p: LocatedPlace) -> bool:
    """"Baghdad's Green Zone": owner, in the possessive, names where p is."""
    gap = text[owner.end:p.start]
    said = _POSSESSIVE.search(text, owner.start, owner.end) or gap.startswith(("'s", "’s"))
    return bool(said) and _SHORT_GAP.fullmatch(gap) is not None


def _far_governorate_of(finer: LocatedPlace, p: LocatedPlace, text: str, event_words, sentences,
                        openers: frozenset = frozenset()) -> bool:
    """p, a few words on in the same sentence after "in", names the governorate `finer` lies in,
    and no event word stands between them: p only says where `finer` is. (`openers`: the event
    words that open a mention; a weapon after p, "بطائرة مسيرة", belongs to the mention before.)"""
    gap = text[finer.end:p.start]
    if not 0 < len(gap) <= QUALIFIER_REACH:
        return False
    sent = _sentence_of(sentences, finer.start)
    if sent is None or p.end > sent.end:
        return False
    # (event_words: sorted spans; only those starting in the gap or after p are looked at)
    first = bisect.bisect_left(event_words, (finer.end,))
    for a, b in event_words[first:]:
        if a >= p.start:
            break
        if b <= p.start:
            return False
    # an event word later in the sentence may be p's own ("..., and in Hasakah artillery shelled")
    for a, _ in event_words[bisect.bisect_left(event_words, (p.end,)):]:
        if a >= sent.end:
            break
        if a in openers:
            return False
    attached_in = text[p.start] == "ب" and p.place.arabic_name and not p.place.arabic_name.startswith("ب")
    return (attached_in or _IN_BEFORE.search(gap) is not None) and _names_governorate_of(p, finer)


# "in" opening a clause: at the sentence start, after a comma, "and", or an attached و ("وفي")
_CLAUSE_OPENING_IN = re.compile(r"(?:^|[,،;؛]\s*|\band\s+|(?<!\w)و)\s*(?:\b[Ii]n|في)\s+(?:the\s+)?$")


FACILITY_AREA_KM = 25     # a town this close to a facility named just before it can only locate it


def _locates_facility(facility: LocatedPlace, p: LocatedPlace, text: str, event_words) -> bool:
    """"the Kharab al-Jir airbase used by US forces in the Rmelan countryside", "قاعدة حرير قرب
    أربيل": a town named right after a facility, close to it, with no event word between, only
    says where the facility is."""
    if facility.place.kind not in FACILITY_KINDS or p.place.kind not in ("town", "city") or p.coarse:
        return False
    if not _named_right_after(facility, p, event_words) or crosses_clause(text, facility.end, p.start):
        return False
    return distance_km(facility.place, p.place) <= FACILITY_AREA_KM


def _named_right_after(first: LocatedPlace, p: LocatedPlace, event_words) -> bool:
    """p follows `first` within a qualifier's reach, with no event word between them."""
    return 0 < p.start - first.end <= QUALIFIER_REACH and \
        not any(first.end <= a and b <= p.start for a, b in event_words)


COUNTRYSIDE_KM = 50      # how far from a town its "countryside" reaches in reports (about a district)


def _in_countryside_of(finer: LocatedPlace, p: LocatedPlace, text: str, event_words) -> bool:
    """"قرية تل حميس بريف القامشلي", "the village of X in the Tell Abiad countryside": a place named
    right before "in the countryside of" a town lies in it; the town only says where. Not across
    "and" ("shelled Tal Tamr and the countryside of Hasakah" names two areas)."""
    if finer.coarse or not p.area or p.coarse or p.place.kind not in ("town", "city") or \
            finer.place.kind not in ("town", "city", *FACILITY_KINDS):
        return False
    if not _named_right_after(finer, p, event_words):
        return False
    words = _link_words("qualifier") | _link_words("connector")
    for m in _GAP_WORD.finditer(text, finer.end, p.start):
        token = fold_word(m.group())
        bare = token[1:] if token[:1] == "ب" else token          # an attached "in": بريف
        if token in COORDINATORS or token[:1] == "و" or bare not in words:
            return False
    return distance_km(finer.place, p.place) <= COUNTRYSIDE_KM


def _opening_governorate(opening: LocatedPlace, finer: LocatedPlace, text: str, sentences) -> bool:
    """"In Hasakah, artillery shelled the village of Tal Tamr", "وفي الحسكة، قصفت المدفعية قرية تل تمر":
    a clause opened by "in" and a governorate's name, with a finer place of that governorate later
    in the sentence: the name only says where the finer place is."""
    if "city" in opening.reason or "inside" in opening.reason or not _names_governorate_of(opening, finer):
        return False
    sent = next((s for s in sentences if s.start <= opening.start and finer.end <= s.end), None)
    # (^ is the sentence's start)
    return sent is not None and _CLAUSE_OPENING_IN.search(text[sent.start:opening.start]) is not None


def _region_in_governorate(region: LocatedPlace, p: LocatedPlace, gap: str) -> bool:
    """"Jebel Bishri in the countryside of Raqqa": a region that spans governorates is said to lie in
    one of them whose point is within REGION_SPAN_KM (only place-link words between, no "and")."""
    if region.place.kind != "region" or _has_conjunction(gap):
        return False
    links = _link_words("connector") | _link_words("qualifier")
    # "بريف": an attached preposition on the link word
    if not all(w in links or w[:1] in "بلو" and w[1:] in links for w in map(fold_word, gap.split())):
        return False
    return any(c.kind == "governorate" and distance_km(c, region.place) <= REGION_SPAN_KM
               for c in p.candidates or (p.place,))


def _names_governorate_of(p: LocatedPlace, finer: LocatedPlace) -> bool:
    """True when one reading of p is the governorate the finer place lies in."""
    admin1 = getattr(finer.place, "admin1", "") or ""
    if not admin1 or p.place.id == finer.place.id:
        return False
    readings = p.candidates or (p.place,)
    return any(c.kind == "governorate" and (c.name == admin1 or c.admin1 == admin1) for c in readings) \
        or p.place.admin1 == admin1 and p.place.kind == "governorate"


# ---------------------------------------------------------------- 3. figures
def attach_casualties(mentions: list[Mention], casualties: list, text: str = "") -> None:
    """Each figure goes to the nearest place group or event word before it in its sentence; a figure
    that opens its sentence ("قتل عنصران ... جراء استهداف") goes to that sentence's first event word;
    a sentence with no event word ("No fatalities were reported.") continues the last event told
    before it in its paragraph that has a place (an aside such as "drones were seen overhead"
    names no event the figure could be about)."""
    anchors: list[tuple[int, object, Mention]] = []
    for m in mentions:
        anchors.append((m.start, m, m))
        for u in m.units:
            anchors.append((u.places[0].start, u, m))
    anchors.sort(key=lambda a: a[0])
    starts = [a[0] for a in anchors]
    first_of_sentence: dict[int, Mention] = {}
    for m in mentions:
        first_of_sentence.setdefault(m.sentence.start, m)
    opener_starts = sorted(first_of_sentence)
    span_owner = sorted((a, m) for m in mentions for a, _ in m.spans)
    span_starts = [a for a, _ in span_owner]
    for c in casualties:
        i = bisect.bisect_right(starts, c.start) - 1
        told_with = _event_word_after(c, span_owner, span_starts, text)
        if told_with is not None and (i < 0 or told_with is not anchors[i][2]):
            told_with.casualties.append(c)          # "nine soldiers were killed in clashes": the clashes'
            continue
        here = _place_told_after(c, anchors, starts, text)
        if here is not None:
            here.casualties.append(c)               # "killing three civilians in Ariha and two in Jisr"
            continue
        if i >= 0 and anchors[i][2].sentence.start <= c.start < anchors[i][2].sentence.end:
            anchors[i][1].casualties.append(c)
            continue
        j = bisect.bisect_right(opener_starts, c.start) - 1
        opener = first_of_sentence[opener_starts[j]] if j >= 0 else None
        opener = opener if opener is not None and c.start < opener.sentence.end else None
        if opener is not None:
            opener.casualties.append(c)
        elif i >= 0:
            anchors[_continued_anchor(anchors, i, c.start, text)][1].casualties.append(c)


# "killed in clashes", "مقتل تسعة جنود أتراك في اشتباكات", "مقتل ثلاثة جراء قصف": the event word the
# figure is told with
_FIGURE_TO_EVENT = re.compile(r"\s*(?:[^\s,،.]+\s+){0,2}(?:(?:in|during|by)\s+(?:an?\s+|the\s+)?|(?:جراء|في|خلال|اثر|إثر|بسبب)\s+)(?:\S+\s+)?$", re.I)


# "three civilians in Ariha", "ثلاثة مدنيين في أريحا": the figure's own place comes right after it
_FIGURE_TO_PLACE = re.compile(r"\s*(?:[^\s,،.]+\s+)?(?:in|at|في)\s+(?:the\s+)?"
                              r"(?:(?:town|village|city|مدينة|بلدة|قرية)\s+(?:of\s+)?)?$", re.I)


def _place_told_after(c, anchors: list, starts: list, text: str) -> PlaceUnit | None:
    """The place unit named right after figure c ("killing three civilians in Ariha"), in the same
    sentence, with only a noun and "in"/"في" between; else None."""
    k = bisect.bisect_left(starts, c.end)
    if k >= len(anchors):
        return None
    start, unit, m = anchors[k]
    if not isinstance(unit, PlaceUnit) or start - c.end > 40 or not m.sentence.start <= c.start < m.sentence.end \
            or any(a < c.end and c.start < b for a, b in m.spans):
        return None                                 # ("a body was found in X": the figure is the event word)
    return unit if _FIGURE_TO_PLACE.fullmatch(text, c.end, start) else None


def _event_word_after(c, span_owner: list, span_starts: list, text: str):
    """The mention whose event word comes right after figure c, joined to it by "in"/"جراء"/an
    attached "ب", in the same sentence; else None."""
    j = bisect.bisect_left(span_starts, c.end)
    if j >= len(span_owner):
        return None
    start, m = span_owner[j]
    if not m.sentence.start <= c.start < m.sentence.end or start - c.end > 40:
        return None
    gap = text[c.end:start]
    if not gap.strip() and text[start] == "ب":
        return m                                    # "مقتل ثلاثة بقصف"
    return m if _FIGURE_TO_EVENT.fullmatch(gap) else None


def _continued_anchor(anchors: list, i: int, offset: int, text: str) -> int:
    """The anchor a sentence with no event word continues: the nearest earlier one whose event has
    a place, within the paragraph; else the nearest earlier one."""
    for j in range(i, -1, -1):
        start, _, m = anchors[j]
        if text and "\n\n" in text[start:offset]:
            break
        if m.units or m.coarse:
            return j
    return i


def figure(casualties: list, kind: str) -> int | None:
    """Killed or injured in one stretch of text: disjoint mentions add up ("1 contractor and 5
    soldiers wounded" is 6); an explicit none is 0; nothing said is None."""
    counts = [c.count for c in casualties if c.kind == kind and c.count is not None]
    if not counts:
        return None
    return sum(counts)


def _none_at_all(casualties: list, kind: str) -> int | None:
    """0 when a figure told for several places together says nobody was hurt (true of each of
    them: "shelled Naqoura and Alma al-Shaab, without casualties"), else None."""
    return 0 if figure(casualties, kind) == 0 else None


def combine_figures(values: list[int | None]) -> int | None:
    """The same event's figure told several times: the largest credible one."""
    known = [v for v in values if v is not None]
    return max(known) if known else None


# ---------------------------------------------------------------- 4. sides
def attach_actors(mentions: list[Mention], actors: list[ActorMention], cues: list[RoleCue],
                  claims: list[ClaimMention], text: str) -> None:
    """actor1/actor2 of each mention from the names in its stretch of its sentence."""
    in_a_frame = cover_finder([c.frame for c in claims])
    speaker_names = touch_finder([c.speaker_span for c in claims if c.speaker_span is not None])
    # a capital named outside a speech frame is a place ("Baghdad's Green Zone"), not a side; a
    # name that is (or holds) the speaker's ("U.S. Central Command said") only speaks
    named = [a for a in actors if a.kind != "speech" and not in_a_frame(a.start, a.end)
             and not speaker_names(a.start, a.end)]
    named_starts = [a.start for a in named]           # both lists are in text order
    cue_starts = [c.start for c in cues]
    for i, m in enumerate(mentions):
        lo = m.sentence.start
        hi = m.sentence.end
        if i > 0 and mentions[i - 1].sentence is m.sentence:
            lo = mentions[i - 1].spans[-1][1]
        if i + 1 < len(mentions) and mentions[i + 1].sentence is m.sentence:
            hi = mentions[i + 1].spans[0][0]
        lo = _own_statement(text, max(lo, m.answer_from), m.spans[0][0])
        first, last = bisect.bisect_left(named_starts, lo), bisect.bisect_left(named_starts, hi)
        window = [a for a in named[first:last] if a.end <= hi]
        t0, t1 = m.spans[0][0], m.spans[0][1]
        # a cue at or past the next event word speaks of that event ("X سارعت إلى الرد بقصف")
        in_window = cues[bisect.bisect_left(cue_starts, lo):bisect.bisect_left(cue_starts, hi)]
        m.votes = role_votes(t0, t1, window, in_window, text)
    for c in claims:
        if c.defended and c.claimant_actor:
            # "the SDF said they had repelled an attack on Thiban": the speaker was the side attacked
            target = _blamed_mention(c, mentions)
            if target is not None:
                target.votes.append(RoleVote(c.claimant_actor, "target", BLAMED, 0, False))
            continue
        # a blame names who struck; so does an actor claiming the attack for itself
        attacker = c.blamed if c.stance == "blame" else c.claimant_actor if c.stance == "claim" else None
        if attacker:
            target = _blamed_mention(c, mentions)
            # a side claiming its strike "in retaliation for an attack" did not make that attack
            if target is not None and target.answers_to is not None and c.stance == "claim":
                target = target.answers_to
            if target is not None:
                target.votes.append(RoleVote(attacker, "attacker", BLAMED, 0, False))
    for m in mentions:
        m.actor1, m.actor2 = choose_actors(m.votes)
    for m in mentions:
        if m.same_act_as is not None:
            m.actor1 = m.actor1 or m.same_act_as.actor1
        if m.answers_to is not None:
            # the attack answered was made by the side the answer struck, against the answering side
            m.actor1 = m.actor1 or (m.answers_to.actor2 if m.answers_to.actor2 != m.actor2 else None)
            m.actor2 = m.actor2 or (m.answers_to.actor1 if m.answers_to.actor1 != m.actor1 else None)


# "X said ..., while Y reported ...": a conjunction that joins two statements in one sentence;
# "X struck Y after rockets were fired": "after" opens another event's clause
_INDEPENDENT = re.compile(r"(?<!\w)(?:فيما|بينما|في حين|while|whereas|after|following)(?!\w)", re.I)


def _own_statement(text: str, lo: int, t0: int) -> int:
    """lo moved past the last "فيما"/"while" before the event word at t0: the names of the
    statement before it are not this event's sides ("قالت موسكو إنها دمرت مقرات لـX، فيما أفاد
    الدفاع المدني بمقتل مدنيين في غارة"). After the event word the same conjunction often goes
    on telling the same event ("فيما سقط الثالث قرب قاعدة للقوات الأميركية"), so it is kept."""
    before = None
    for before in _INDEPENDENT.finditer(text, lo, t0):
        pass
    return before.end() if before else lo


def _blamed_mention(claim: ClaimMention, mentions: list[Mention]) -> Mention | None:
    """The event a blame speaks of: named just after the verb, else the last one before it."""
    same = [m for m in mentions if m.sentence.start == claim.sentence[0]]
    after = [m for m in same if any(claim.start <= s < claim.end + BLAME_SCOPE for s, _ in m.spans)]
    if after:
        return after[0]
    before = [m for m in same if m.spans[0][0] < claim.start]
    return before[-1] if before else None


def _agree(x, y) -> bool:
    return x is None or y is None or x == y


def compatible(a: Mention, b: Mention) -> bool:
    """Two mentions can be the same event when their sides do not contradict each other."""
    # (civilians killed beside an armed side do not make the strike another one: "killed 23 people
    # ... the camp, dominated by HTS")
    if not (_agree(a.actor1, b.actor1) and (_agree(a.actor2, b.actor2) or CIVILIANS in (a.actor2, b.actor2))):
        return False
    if a.actor1 and a.actor1 == b.actor2 or a.actor2 and a.actor2 == b.actor1:
        return False
    return True


# ---------------------------------------------------------------- 5. event types and coreference
def resolve_types(mentions: list[Mention], text: str) -> None:
    """A definite generic word takes the type of the nearest earlier compatible mention."""
    for i, m in enumerate(mentions):
        if not (m.trigger.generic and m.trigger.definite):
            continue
        # "the strikes" prefers the nearest earlier strike to a nearer rocket attack ("the attack"
        # after an ambush told with its grenades refers to the ambush), else the nearest one
        own_kinds = m.trigger.sub_event_type.split("|")
        chosen = nearest = None
        for p in reversed(mentions[:i]):
            # only a mention whose type is known can lend it: a specific one, or one that found its own
            if (not p.trigger.generic or p.antecedent is not None) and not p.recalled and compatible(m, p) \
                    and (p.answers_to is None or _event_noun(text, m) == _event_noun(text, p)):
                # (the attack an answer was for is told in passing: "the strikes" after "struck ... in
                # retaliation for a drone attack" are the answer; "the attack" may be that attack)
                nearest = nearest or p
                if p.sub_event_type in own_kinds:
                    chosen = p
                    break
        chosen = chosen or nearest
        if chosen is not None:
            m.antecedent = chosen
            m.event_type, m.sub_event_type = chosen.event_type, chosen.sub_event_type


_ARABIC_CLITICS = re.compile(r"^[وف]?(?:[بلك]?ال|لل|[بلك])(?=\w\w\w)")


def _event_noun(text: str, m: Mention) -> str:
    """The last word of a mention's event word, folded, without article, clitics or plural s:
    "the attacks" and "a drone attack" -> "attack", "بالهجوم" -> "هجوم"."""
    word = fold_word(text[m.trigger.start:m.trigger.end].split()[-1])
    return _ARABIC_CLITICS.sub("", word) if not word.isascii() else word.removesuffix("s")


def group_strike_sets(mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions of the same strike: linked by reference, or same type with agreeing sides and dates."""
    sets: list[list[Mention]] = []
    for m in mentions:
        home = None
        if m.distinct or m.background:
            pass
        elif m.antecedent is not None and m.antecedent.set_id >= 0:
            home = m.antecedent.set_id
        else:
            for sid in range(len(sets) - 1, -1, -1):
                s = sets[sid]
                if s[0].background or s[0].recalled:
                    continue                # a recalled event takes no later mention in
                if s[0].sub_event_type == m.sub_event_type and all(compatible(m, o) for o in s) \
                        and _dates_agree(m, s):
                    home = sid
                    break
        if home is None:
            sets.append([m])
            m.set_id = len(sets) - 1
        else:
            sets[home].append(m)
            m.set_id = home
    return sets


def _dates_agree(m: Mention, others: list[Mention]) -> bool:
    d = _own_date(m)
    if d is None:
        return True
    return all(_own_date(o) is None or _own_date(o).date == d.date for o in others)


def _dates_told(m: Mention) -> list:
    """The dates told with a mention: its places' own, then its own."""
    return [u.date for u in m.units if u.date is not None] + ([m.date] if m.date is not None else [])


def _own_date(m: Mention):
    exact = [d for d in _dates_told(m) if d.precision == 1 and d.kind != "relative"]
    return exact[0] if exact else None


# ---------------------------------------------------------------- 6. dates
_SAID_ON = re.compile(r"[\s,،]*(?:on\s+|يوم\s+)?")      # "said on Tuesday", "قال، الثلاثاء،"


def attach_dates(mentions: list[Mention], dates: list, claims: list[ClaimMention], text: str = "") -> None:
    """The date of a mention (and of each place group): in its own clause first, else its sentence;
    dates inside a speech frame ("قال كيربي، الجمعة، إن") are when it was said, not when it happened,
    and so are those right after a speech verb ("said on Tuesday they had struck ... late on
    Monday") when the sentence gives another date."""
    in_a_frame = cover_finder([c.frame for c in claims])
    verb_ends = sorted(c.end for c in claims)

    def said_then(d) -> bool:
        i = bisect.bisect_right(verb_ends, d.start) - 1
        return i >= 0 and _SAID_ON.fullmatch(text, verb_ends[i], d.start) is not None
    usable = sorted((d for d in dates if not in_a_frame(d.start, d.end)), key=lambda d: d.start)
    starts = [d.start for d in usable]
    for m in mentions:
        in_sentence = usable[bisect.bisect_left(starts, m.sentence.start):bisect.bisect_left(starts, m.sentence.end)]
        # (the day a statement was made still dates the event when the sentence gives no other:
        # "As reported on 28 April", "the SDF said on Saturday they had repelled")
        in_sentence = [d for d in in_sentence if not said_then(d)] or in_sentence
        if m.recalled_after >= 0:
            # "struck X early on Tuesday, a day after a drone attack on Y": the day is the news's
            in_sentence = [d for d in in_sentence if d.start >= m.recalled_after]
        if not in_sentence:
            continue
        m.date = _nearest_date(in_sentence, m.sentence, m.spans[0][0])
        for u in m.units:
            clause = m.sentence.clause_at(u.places[0].start)
            own = [d for d in in_sentence if clause[0] <= d.start < clause[1]]
            if own:
                u.date = _nearest_date(own, m.sentence, u.places[0].start)


def _nearest_date(candidates: list, sentence: Sentence, anchor: int):
    clause = sentence.clause_at(anchor)
    same_clause = [d for d in candidates if clause[0] <= d.start < clause[1]]
    pool = same_clause or candidates
    return min(pool, key=lambda d: (abs(d.start - anchor), d.precision))


def set_date(members: list[Mention]):
    """The date a strike set is known by: the most precise stated one, the first told on a tie."""
    dated = [m.date for m in members if m.date is not None]
    dated += [u.date for m in members for u in m.units if u.date is not None]
    if not dated:
        return None
    rank = {"absolute": 0, "weekday": 1, "relative": 2}
    return min(dated, key=lambda d: (d.precision, rank.get(d.kind, 3), d.start))


@dataclass(frozen=True)
class RelativeDate:
    """A date told only relative to the main events or the publication ("بعد أيام من غارات")."""
    date: date
    precision: int
    kind: str = "relative"
    start: int = 0
    end: int = 0


def _relation_matcher() -> TermMatcher:
    global _RELATIONS
    if _RELATIONS is None:
        _RELATIONS = TermMatcher({r[0]: (r[1], int(r[2]), int(r[3])) for r in read_table("date_relations.tsv")
                                  if len(r) >= 4}, shared=True)
    return _RELATIONS


_RELATIONS = None


def date_relative_mentions(mentions: list[Mention], doc: FoldedText, published: date | None) -> None:
    """Undated mentions whose clause says "days after ..." get a week-precise date from the anchor."""
    if published is None:
        return
    relations = _relation_matcher().find(doc)
    if not relations:
        return
    main = [d for m in mentions for d in [m.date] + [u.date for u in m.units]
            if d is not None and d.precision == 1]
    main_date = max((d.date for d in main), default=published)
    for m in mentions:
        if m.date is not None or any(u.date for u in m.units):
            continue
        clause = m.sentence.clause_at(m.start)
        for r in relations:
            if clause[0] <= r.start < m.start:
                anchor, days, precision = r.value
                base = main_date if anchor == "events" else published
                m.date = RelativeDate(base + timedelta(days=days), precision, "relative", r.start, r.end)


# ---------------------------------------------------------------- 6b. background
# (?<!\d) checked after the "19"/"20" (as "no digit three back"): a pattern that starts with a
# look-behind is tried at every character; one that starts with digits is found by re's fast scan
_YEAR = re.compile(r"(?:19|20)(?<!\d\d\d)\d\d(?!\d)")
_YEAR_AHEAD = re.compile(r"\s*(?:عام\s+|العام\s+|سنة\s+)?(?:19|20)\d\d(?!\d)")


@lru_cache(maxsize=1)
def background_matcher() -> TermMatcher:
    """lexicons/background_markers.tsv: phrase -> kind (always, year, perfect, unreal, caveat, drill)."""
    return TermMatcher({r[0]: r[1] for r in read_table("background_markers.tsv") if len(r) >= 2}, shared=True)


def background_markers(doc: FoldedText, published: date | None) -> dict[str, list[int]]:
    """Offsets (in the original text) of an article's background words: "always" (with the years
    before the publication's, "since <year>" and the unreal words), "perfect" and "drill"."""
    always, perfect, drill = [], [], []
    for m in background_matcher().find(doc):
        if m.value in ("always", "unreal") or m.value == "year" and _YEAR_AHEAD.match(doc.text, m.end):
            always.append(m.start)
        elif m.value == "perfect":
            perfect.append(m.start)
        elif m.value == "drill":
            drill.append(m.start)
    if published is not None:
        always += [m.start() for m in _YEAR.finditer(doc.text) if int(m.group()) < published.year]
    return {"always": sorted(always), "perfect": perfect, "drill": drill}


RECALLED_AFTER_DAYS = 31      # an event dated more than a month before publication is recalled


def _dated_long_before(m: Mention, published: date | None) -> bool:
    """The mention's own date (a day or a month, not a relative guess) lies more than a month
    before publication."""
    if published is None:
        return False
    return any(d.kind != "relative" and (published - d.date).days > RECALLED_AFTER_DAYS for d in _dates_told(m))


def mark_background(mentions: list[Mention], doc: FoldedText, published: date | None) -> None:
    """Flag the mentions whose clause recalls an earlier event or one that did not happen, or whose
    sentence tells an exercise; they yield no event."""
    found = background_markers(doc, published)

    def within(offsets, a, b):
        i = bisect.bisect_left(offsets, a)
        return i < len(offsets) and offsets[i] < b
    markers = sorted(found["always"] + found["perfect"])
    for m in mentions:
        if _dated_long_before(m, published):
            m.background = True         # "Last October, a similar attack...": recalled, not reported
            continue
        if within(found["drill"], m.sentence.start, m.sentence.end):
            m.background = True         # "live-fire drills with warplanes and artillery": no attack
            continue
        if not within(markers, m.sentence.start, m.sentence.end):
            continue                    # (clauses are split only in sentences with a marker)
        a, b = m.sentence.clause_at(m.start)
        if within(found["always"], a, b):
            m.background = True
        elif within(found["perfect"], a, b):
            m.background = not _dates_told(m)


# ---------------------------------------------------------------- 7. claims
def attach_claims(mentions: list[Mention], claims: list[ClaimMention], sentences: list[Sentence],
                  text: str) -> None:
    """A claim speaks of the events of its sentence, and of the following sentences of the same
    paragraph that name no source of their own; one in a sentence that tells no event, of the
    events of the paragraph's sentence before it."""
    by_sentence: dict[int, list[ClaimMention]] = {}
    for c in claims:
        if c.claimant:
            by_sentence.setdefault(c.sentence[0], []).append(c)
    carried: list[ClaimMention] = []
    prev_end = 0
    current: dict[int, list[ClaimMention]] = {}
    told_in = {m.sentence.start for m in mentions}
    last_told = None                   # the paragraph's last sentence that tells an event
    for s in sentences:
        if "\n" in text[prev_end:s.start]:
            carried, last_told = [], None
        own = by_sentence.get(s.start)
        if own:
            carried = own
            if s.start not in told_in and last_told is not None:
                # "... a car bomb exploded in al-Bab. The SDF denied any involvement.": a statement
                # that tells no event speaks of the events of the sentence before it
                current[last_told] = current[last_told] + own
        current[s.start] = own or carried
        if s.start in told_in:
            last_told = s.start
        prev_end = s.end
    # a blame speaks of the one event it names ("تتهمها الولايات المتحدة بتنفيذ هجوم بطائرة مسيّرة"
    # blames the militias for the drone attack, not for the strikes told in the same sentence)
    # so does a denial that names what it denies ("denied any link to the attacks on U.S. forces")
    blamed = {id(c): _blamed_mention(c, mentions) for c in claims if c.claimant and c.stance in ("blame", "deny")}
    for m in mentions:
        # (a recalled event is spoken of only by a source in its own sentence)
        told = by_sentence.get(m.sentence.start, []) if m.recalled else current.get(m.sentence.start, [])
        m.claims = [c for c in told if blamed.get(id(c)) is None or _same_event(blamed[id(c)], m)]


def _same_event(a: Mention, b: Mention) -> bool:
    """True when b is a, or one of them refers back to the other ("the attack")."""
    return a is b or b.antecedent is a or a.antecedent is b


# ---------------------------------------------------------------- 8. events
@dataclass
class ArticleFacts:
    """What the events stage needs to know about the article itself."""
    article_id: str
    text: str
    published: date | None
    outlet: str | None
    url: str | None
    language: str | None
    original_source: str | None
    lead_date: object = None      # a day told in the lead before any event ("رصد المرصد ... يوم أمس السبت")


def resolve_sub_event(m: Mention, actor1: str | None, actor2: str | None) -> tuple[str, str]:
    """For words coded "A|B": attack on civilians vs armed clash (by the target), arrest vs
    abduction (by whether a state force acted)."""
    if "|" not in m.sub_event_type:
        return m.event_type, m.sub_event_type
    types, subs = m.event_type.split("|"), m.sub_event_type.split("|")
    if m.trigger.decided_by == "state-actor":
        first = actor1 in state_forces()
    else:
        first = actor2 == CIVILIANS or actor2 is None
    i = 0 if first else 1
    return types[i] if i < len(types) else types[0], subs[i]


_STATE_FORCES: frozenset[str] | None = None


def state_forces() -> frozenset[str]:
    global _STATE_FORCES
    if _STATE_FORCES is None:
        _STATE_FORCES = frozenset(row[0] for row in read_table("state_forces.tsv"))
    return _STATE_FORCES


def _majority(values: list[str | None]) -> str | None:
    known = [v for v in values if v]
    # on a tie the side named first wins (a set's order would change from run to run)
    return max(dict.fromkeys(known), key=known.count) if known else None


def events_from_sets(sets: list[list[Mention]], facts: ArticleFacts) -> list[Event]:
    events: list[Event] = []
    dated: list[tuple[int, object]] = []          # (text position, date) of the sets told so far
    if facts.lead_date is not None:
        dated.append((facts.lead_date.start, facts.lead_date))   # the bulletin's day frames its items
    actor_of_kind: dict[str, str] = {}             # the last attacker named for each sub-event type
    for members in sets:
        if members[0].background:
            continue                    # recalled, not reported: no event of its own
        fine = [(m, u) for m in members for u in m.units]
        sdate = set_date(members)
        # where the set is told: its first mention outside the headline (a headline sums up)
        told_at = next((m.start for m in members if not m.headline), members[0].start)
        if sdate is None and dated:
            # "Clashes also broke out...", "a drone later struck...": the report's time frame
            earlier = [d for d in dated if d[0] < told_at]
            sdate = max(earlier, key=lambda d: d[0])[1] if earlier else None
        set_actor1 = _majority([m.actor1 for m in members])
        kind = members[0].sub_event_type
        if set_actor1 is None and members[0].distinct and not (members[0].recalled or members[0].listed) \
                and members[0].answers_to is None:
            set_actor1 = actor_of_kind.get(kind)        # "غارة أخرى": another strike by the same side
        if set_actor1:
            actor_of_kind[kind] = set_actor1
        if sdate is not None and not members[0].recalled:
            dated.append((told_at, sdate))              # (a recalled event is not the report's time frame)
        set_actor2 = _majority([m.actor2 for m in members if m.actor2 != set_actor1])
        set_claims = _unique_claims(c for m in members if not m.units for c in m.claims)
        if fine:
            by_place: dict[str, list[tuple[Mention, PlaceUnit]]] = {}
            for m, u in fine:
                for p in u.places:
                    by_place.setdefault(p.place.id, []).append((m, u))
            # a governorate of the set where none of its fine places lies is struck too ("مواقع في
            # محيط مطار الضبعة بريف حمص الغربي، ومواقع أخرى في منطقة الديماس بريف دمشق": Homs)
            areas = []
            if any(m.coarse for m in members):
                covered = frozenset(p.place.admin1 for _, u in fine for p in u.places)
                areas = _events_in_areas(members, sdate, set_actor1, set_actor2, set_claims, facts,
                                         covered=covered, alone=False)
            single = len(by_place) == 1 and not areas
            for place_id, uses in by_place.items():
                events.append(_event_at(uses, place_id, members, single, sdate, set_actor1, set_actor2,
                                        set_claims, facts))
            events.extend(areas)
        else:
            events.extend(_events_in_areas(members, sdate, set_actor1, set_actor2, set_claims, facts))
    return events


def _events_in_areas(members: list[Mention], sdate, set_actor1, set_actor2, set_claims,
                     facts: ArticleFacts, covered: frozenset = frozenset(), alone: bool = True) -> list[Event]:
    """A strike set located only coarsely: one event per governorate it names ("the countryside
    of Hama and Idlib": two). A figure told with one area is that area's; one told with several
    is shared, and goes to none of them. `covered`: governorates where the set has a finer place
    (they need no area event); `alone`: the set has no finer place (else its figures are shared)."""
    by_area: dict[str, list[tuple[Mention, LocatedPlace]]] = {}
    for m in members:
        for p in m.coarse:
            if p.place.kind != "country":
                area = governorate_of_countryside(p)
                # with finer places, only a governorate is an area of its own: a named region
                # ("grazing sheep in the Badia") says where they were
                if area.place.admin1 not in covered and (alone or area.place.kind == "governorate"):
                    by_area.setdefault(area.place.admin1 or area.place.id, []).append((m, area))
    # a named region (Jabal al-Zawiya) is narrower than a governorate or its countryside
    chosen = {key: min(told, key=lambda t: (t[1].place.kind != "region", t[1].precision))
              for key, told in by_area.items()}
    single = alone and len(chosen) == 1
    events = []
    for key, (holder, p) in chosen.items():
        if single:
            unit = PlaceUnit([p])                 # the set's figures, as for one fine place
        else:
            others = [q for k, (h, q) in chosen.items() if k != key and h is holder]
            unit = PlaceUnit([p, *others], list(holder.casualties))
        events.append(_event_at([(holder, unit)], p.place.id, members, single, sdate, set_actor1,
                                set_actor2, set_claims, facts))
    return events


def governorate_of_countryside(p: LocatedPlace) -> LocatedPlace:
    """"the southern countryside of Idleb" with no finer place: the governorate itself, precision 3
    (the countryside of a governorate's seat is coarse, and the seat's point would claim a town)."""
    if p.place.kind not in ("city", "town"):
        return p
    governorate = next((c for c in p.candidates if c.kind == "governorate"), None)
    if governorate is None:
        return p
    return p._replace(place=governorate, precision=3,
                   reason=f"{p.reason.replace(p.place.name, governorate.name)} governorate (no finer place given)")


def _unique_claims(claims) -> list[ClaimMention]:
    """One claim per (claimant, stance) on an event; the first given (its own place's sentence first) is kept."""
    seen, out = set(), []
    for c in claims:
        key = (c.claimant, c.stance)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _as_told_of(claim: ClaimMention, actor1: str | None) -> ClaimMention:
    """A source telling of its own side's strike claims it: "U.S. jets struck ..., the Pentagon said"."""
    if claim.stance == "report" and actor1 is not None and claim.claimant_actor == actor1:
        return claim._replace(stance="claim")
    return claim


def _names_only(m: Mention, place_id: str) -> bool:
    """The mention names this place and no other (a governorate that only says where it lies aside)."""
    places = [pl for unit in m.units for pl in unit.places]
    if not places or any(pl.place.id != place_id for pl in places):
        return False
    return all(c.place.admin1 == places[0].place.admin1 for c in m.coarse)


def _event_at(uses, place_id, members, single_place, sdate, set_actor1, set_actor2, set_claims,
              facts: ArticleFacts) -> Event:
    m, u = uses[0]
    p = next(pl for pl in u.places if pl.place.id == place_id)
    # told several times: a mention that says how near ("on the outskirts of") beats a bare name
    told = [pl for _, unit in uses for pl in unit.places if pl.place.id == place_id]
    best = min(told, key=lambda pl: (not pl.explicit, pl.precision))
    precision, reason = best.precision, best.reason
    # figures: the place's own, unless it shares them with other places; else the set's, if one place
    own_k = [figure(unit.casualties, "killed") if len(unit.places) == 1 else _none_at_all(unit.casualties, "killed")
             for _, unit in uses]
    own_i = [figure(unit.casualties, "injured") if len(unit.places) == 1 else _none_at_all(unit.casualties, "injured")
             for _, unit in uses]
    # a mention that names this place alone: its figures are this place's ("two fighters were
    # killed in the strike near al-Qaim", in a set that also struck Albukamal)
    for x in {id(x): x for x, _ in uses if x.casualties and _names_only(x, place_id)}.values():
        own_k.append(figure(x.casualties, "killed"))
        own_i.append(figure(x.casualties, "injured"))
    shared = any(len(unit.places) > 1 and unit.casualties for _, unit in uses)
    killed, injured = combine_figures(own_k), combine_figures(own_i)
    if single_place and not shared:
        if killed is None:
            killed = combine_figures([figure(x.casualties, "killed") for x in members])
        if injured is None:
            injured = combine_figures([figure(x.casualties, "injured") for x in members])
    actor1 = m.actor1 or set_actor1
    actor2 = m.actor2 or (set_actor2 if set_actor2 != actor1 else None)
    event_type, sub_event_type = resolve_sub_event(m, actor1, actor2)
    d = u.date or m.date or sdate
    if d is not None:
        event_date, time_precision = d.date.isoformat(), d.precision
    elif facts.published is not None:
        event_date, time_precision = facts.published.isoformat(), 2
    else:
        event_date, time_precision = None, None
    # (a clash has no author to claim it: both sides fought)
    struck_by = actor1 if event_type != "Battles" else None
    claims = _unique_claims([_as_told_of(c, struck_by) for x, _ in uses for c in x.claims]
                            + [_as_told_of(c, struck_by) for c in set_claims])
    sent = m.sentence if m.sentence.start <= p.start < m.sentence.end else None
    ex_start, ex_end = (sent.start, sent.end) if sent else _sentence_bounds(facts.text, p.start)
    excerpt = facts.text[ex_start:ex_end]
    event = Event(
        article=facts.article_id, event_date=event_date, time_precision=time_precision,
        event_type=event_type, sub_event_type=sub_event_type, actor1=actor1, actor2=actor2,
        location=p.place.name, admin1=p.place.admin1 or None, country=p.place.country or None,
        latitude=p.place.latitude, longitude=p.place.longitude, geo_precision=precision,
        geo_reason=reason, fatalities=killed, injured=injured, source=facts.outlet,
        excerpt=excerpt, language=facts.language,
        claims=[Claim(c.claimant, c.stance, facts.text[c.sentence[0]:c.sentence[1]]) for c in claims],
        place_id=p.place.id, original_source=facts.original_source, url=facts.url,
        excerpt_start=ex_start, excerpt_end=ex_end,
    )
    event.notes = summarize(event)
    return event


def _sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    start = max(text.rfind(".", 0, offset), text.rfind("\n", 0, offset)) + 1
    end_dot, end_nl = text.find(".", offset), text.find("\n", offset)
    ends = [e for e in (end_dot, end_nl) if e >= 0]
    end = min(ends) if ends else len(text)
    while start < end and text[start].isspace():
        start += 1
    return start, end


_VERBS = {
    "Air/drone strike": "carried out an air/drone strike on",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "hit {target} with an explosive device",
    "Suicide bomb": "carried out a suicide bombing against",
    "Grenade": "threw a grenade at",
    "Armed clash": "clashed with",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
}


_PREPOSITIONS = ("in ", "inside ", "near ", "at ", "around ", "on ", "outside ", "east ", "west ", "north ",
                 "south ", "between ")


def _where(reason: str) -> str:
    """geo_reason as a phrase that follows a verb: "desert near X" -> "in the desert near X"."""
    if reason.startswith(_PREPOSITIONS):
        return reason
    if reason.startswith(("desert", "countryside", "front line")):
        return "in the " + reason.replace(" (no finer place given)", "")
    return "in " + reason.replace(" (no finer place given)", "")


def summarize(e: Event) -> str:
    """A one-sentence English summary built from the coded fields."""
    who = e.actor1 or "an unidentified actor"
    target = "civilians" if e.actor2 == "Civilians" else e.actor2 or ""       # a side's name, else prose
    verb = _VERBS.get(e.sub_event_type, f"was involved in a {e.sub_event_type.lower()} event with")
    if "{target}" in verb:
        action = verb.format(target=target or "a target")
    elif target:
        action = f"{verb} {target}"
    else:
        action = {"Armed clash": "fought", "Attack": "carried out an attack",
                  "Shelling/artillery/missile attack": "carried out shelling"}.get(
            e.sub_event_type, verb.rsplit(" ", 1)[0] if verb.endswith((" on", " at", " against", " with")) else verb)
    where = _where(e.geo_reason) if e.geo_reason else (f"in {e.location}" if e.location else "")
    figures = []
    if e.fatalities is not None:
        figures.append(f"{e.fatalities} killed")
    if e.injured:
        figures.append(f"{e.injured} injured")
    tail = ("; " + ", ".join(figures)) if figures else ""
    when = f"On {e.event_date}, " if e.event_date else ""
    sentence = f"{when}{who} {action} {where}{tail}."
    return sentence[0].upper() + sentence[1:]
