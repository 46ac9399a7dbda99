"""Event words ("غارة", "shelled", "عبوة ناسفة") -> ACLED event_type / sub_event_type.

The words and their codes live in lexicons/triggers.tsv. A *generic* word ("الهجوم",
"the attack", "القصف") names an event without saying how it was carried out; when it sits next
to a specific word ("هجوم بطائرة مسيّرة", "drone attack") it is folded into it, and later the
events stage lets a definite generic ("the attack") refer back to an earlier event. A generic
word whose subject is a weapon noun of lexicons/agent_nouns.tsv takes the noun's type
("قصفت طائرات": planes shelled, an air strike).
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple
from functools import lru_cache

from extract.lexicons import FoldedText, TermMatcher, fold_word, read_table
from extract.sentences import crosses_clause

# A generic word this close to a specific one is part of the same phrase ("drone attack").
ADJACENT_CHARS = 16
AIR_STRIKE = "Air/drone strike"
MISSILE = "Shelling/artillery/missile attack"
_ENGLISH_DEFINITE = re.compile(r"(?:\bthe|\bthis|\bthat|\bthese|\bthose|\bsaid)\s+(?:\w+\s+){0,2}$", re.I)
_ARABIC_DEFINITE = re.compile(r"^[وفبكل]{0,2}ال")


class Trigger(NamedTuple):
    start: int
    end: int
    event_type: str
    sub_event_type: str
    generic: bool
    definite: bool          # "الهجوم", "the strikes": refers to an event named before
    decided_by: str = "civilian-target"   # for "A|B" codes: what chooses between A and B


@lru_cache(maxsize=1)
def trigger_matcher() -> TermMatcher:
    return TermMatcher({row[0]: (row[1], row[2], row[3], row[4] if len(row) > 4 and row[4] else "civilian-target")
                        for row in read_table("triggers.tsv") if len(row) >= 4}, shared=True)


_ENGLISH_VERB = re.compile(r"(?:\w+ed|struck|hit|shot down)$", re.I)


def _is_definite(text: str, start: int, end: int) -> bool:
    surface = text[start:end]
    if _ARABIC_DEFINITE.match(surface):
        return True
    if _ENGLISH_VERB.match(surface):
        return False      # a verb ("said it had targeted", "a drone that struck") refers back to nothing
    return bool(_ENGLISH_DEFINITE.search(text[max(0, start - 30):start]))


def find_triggers(doc: FoldedText) -> list[Trigger]:
    """Event words in text order; generic words next to a specific one are folded into it."""
    found = []
    for m in trigger_matcher().find(doc):
        event_type, sub_event_type, kind, decided_by = m.value
        if kind == "none":
            continue                  # "artillery positions": a place struck, not an event
        generic = kind == "generic"
        # only a generic word's definiteness is ever read ("the attack" refers back; "the airstrike" names one)
        found.append(Trigger(m.start, m.end, event_type, sub_event_type, generic,
                             generic and _is_definite(doc.text, m.start, m.end), decided_by))
    typed = typed_by_weapon(absorb_adjacent_generics(found, doc.text), doc.text)
    # (a vaccination campaign "targeting" children is no attack; from the shared lexicon pass,
    # most articles name no undertaking at all)
    undertakings = [m.end for m in undertaking_matcher().find(doc)]
    if not undertakings:
        return typed
    return [t for t in typed if not (t.generic and _aim_of_an_undertaking(doc, t.start, undertakings))]


UNDERTAKING_WORDS = 4       # words between a civil undertaking and the generic word it is the subject of


@lru_cache(maxsize=1)
def undertaking_matcher() -> TermMatcher:
    """lexicons/civil_undertakings.tsv: the undertakings (looked for in the shared lexicon pass)."""
    return TermMatcher({r[0]: r[1] for r in read_table("civil_undertakings.tsv") if r[1:2] == ["undertaking"]},
                       shared=True)


@lru_cache(maxsize=1)
def _report_words() -> frozenset[str]:
    """lexicons/civil_undertakings.tsv: the words that open what a source said ("أن", "that"); too
    common for the shared pass, they are compared word by word in the few gaps looked at."""
    return frozenset(fold_word(r[0]) for r in read_table("civil_undertakings.tsv") if r[1:2] == ["report"])


def _aim_of_an_undertaking(doc: FoldedText, start: int, undertaking_ends: list[int]) -> bool:
    """A civil undertaking named earlier in the generic word's clause, at most four words before it
    and with no report word between: the word says whom it aims at ("حملة تلقيح ... تستهدف الأطفال")."""
    i = bisect.bisect_right(undertaking_ends, start) - 1
    if i < 0:
        return False
    if crosses_clause(doc.text, undertaking_ends[i], start):
        return False
    words = [fold_word(w) for w in doc.text[undertaking_ends[i]:start].split()]
    return len(words) <= UNDERTAKING_WORDS and not any(w in _report_words() for w in words)


def absorb_adjacent_generics(triggers: list[Trigger], text: str) -> list[Trigger]:
    """Drop a generic word that is part of a specific phrase; the phrase keeps its definiteness."""
    out: list[Trigger] = []
    for t in triggers:
        if out and _adjacent(out[-1], t, text):
            prev = out[-1]
            if prev.generic and not t.generic:
                out[-1] = Trigger(prev.start, t.end, t.event_type, t.sub_event_type, False,
                                  prev.definite or t.definite, t.decided_by)
                continue
            if t.generic and not prev.generic:
                out[-1] = Trigger(prev.start, t.end, prev.event_type, prev.sub_event_type, False,
                                  prev.definite, prev.decided_by)
                continue
            if prev.generic and t.generic:
                # "استهدف القصف", "the strikes targeted": one word; a definite one keeps it referring back
                lead = t if t.definite and not prev.definite else prev
                out[-1] = Trigger(prev.start, t.end, lead.event_type, lead.sub_event_type, True,
                                  prev.definite or t.definite, lead.decided_by)
                continue
        out.append(t)
    return out


@lru_cache(maxsize=1)
def weapon_types() -> dict[str, str]:
    """Folded weapon noun -> the sub-event type it gives a generic event word (lexicons/agent_nouns.tsv)."""
    types = {}
    for row in read_table("agent_nouns.tsv"):
        if len(row) > 1 and row[1]:
            noun = fold_word(row[0])
            types[noun] = row[1]
            if not noun.isascii():
                types["ال" + noun] = row[1]
    return types


def _weapon_noun_type(word: str) -> str | None:
    types = weapon_types()
    folded = fold_word(word)
    found = types.get(folded)
    if found is None and len(folded) > 3 and folded[0] in "وفبل":
        found = types.get(folded[1:])            # "وطائرات", "بالمدفعية"
    if found is None and not folded.isascii():
        for ending in ("ها", "هم", "ه"):         # a possessive: "طائراتها" (its planes)
            if folded.endswith(ending) and types.get(folded[:-len(ending)]):
                return types[folded[:-len(ending)]]
    return found


def typed_by_weapon(triggers: list[Trigger], text: str) -> list[Trigger]:
    """A generic strike or attack word whose subject is a weapon noun takes the noun's type: the
    Arabic noun right after it ("قصفت طائرات": verb first), or a noun (one adjective allowed
    between) right before it ("Turkish artillery struck", "طائرات تركية قصفت"). A word with
    punctuation attached is no subject ("planes, struck"): it is not in the lexicon as written."""
    out = []
    for t in triggers:
        if t.generic and not t.event_type.startswith("Strategic developments"):
            sub_event_type = None
            after = text[t.end:t.end + 24].split(None, 1) if text[t.end:t.end + 1] == " " else ()
            if after and not after[0].isascii():
                sub_event_type = _weapon_noun_type(after[0])
            if sub_event_type is None:
                sub_event_type = _subject_noun_type(text, t.start)
            if sub_event_type is not None:
                t = t._replace(event_type="Explosions/Remote violence", sub_event_type=sub_event_type,
                               generic=False)
        elif t.sub_event_type == MISSILE and _subject_noun_type(text, t.start) == AIR_STRIKE:
            # "أن الطائرة استهدفت السيارة بصاروخين", "a drone fired two missiles": an aircraft's missiles
            t = t._replace(sub_event_type=AIR_STRIKE)
        out.append(t)
    return out


def _subject_noun_type(text: str, start: int) -> str | None:
    """The type a weapon noun right before the event word gives it, as its subject, or None."""
    before = text[max(0, start - 40):start]
    if not before.endswith(" "):
        return None
    found = None
    for word in before.split()[-2:]:
        found = found or _weapon_noun_type(word)
    return found


# "these raids come a week after similar strikes": words that order two events in time keep them apart
_SEQUENCE = re.compile(r"(?<!\w)(?:بعد|قبل|منذ|after|before|since|following)(?!\w)", re.I)


def _adjacent(a: Trigger, b: Trigger, text: str) -> bool:
    gap = text[a.end:b.start]
    return len(gap) <= ADJACENT_CHARS and not any(c in gap for c in ".،,؛;\n") and not _SEQUENCE.search(gap)
