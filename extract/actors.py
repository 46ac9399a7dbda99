"""Actors: who struck (actor1) and who was struck (actor2), from a lexicon of aliases.

lexicons/actors.tsv maps Arabic and English aliases to canonical names an analyst reads
("US forces", "Iran-aligned militias", "Israel", "Syrian government"). lexicons/role_cues.tsv
holds the words around a name that say which side it is on ("by X", "X shelled", "على منشآت
مرتبطة بـX", "مقتل متعاقد أميركي"). `assign_roles` weighs those cues for one event.
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple
from functools import lru_cache

from extract.lexicons import FoldedText, TermMatcher, fold_word, read_table
from extract.sentences import crosses_clause
from extract.triggers import weapon_types

CUE_WINDOW = 28                # characters between a cue and the name it speaks of
ADJECTIVE_WINDOW = 14          # a nationality word this close to the event word names its attacker
VICTIM_WINDOW = 30             # people named this soon after the event word are who it hit

# Cue strengths: a stronger cue wins; at equal strength the name nearest the event word wins.
BLAMED = 6
ADJACENT_ADJECTIVE = 5
EXPLICIT = 4
POSITIONAL = 1


class ActorMention(NamedTuple):
    start: int
    end: int
    actor: str               # canonical name
    kind: str                # actor | adjective | metonym | speech | weak


class RoleCue(NamedTuple):
    start: int
    end: int
    role: str                # attacker | target
    side: str                # before | after (where the cue stands relative to the name)


@lru_cache(maxsize=1)
def actor_matcher() -> TermMatcher:
    return TermMatcher({row[0]: (row[1], row[2]) for row in read_table("actors.tsv") if len(row) >= 3}, shared=True)


@lru_cache(maxsize=1)
def cue_matcher() -> TermMatcher:
    """One matcher for all cues; a word may be a cue both ways ("killed": "X killed", "killed X")."""
    cues: dict[str, list[tuple[str, str]]] = {}
    for row in read_table("role_cues.tsv"):
        if len(row) >= 3:
            cues.setdefault(row[0], []).append((row[1], row[2]))
    return TermMatcher(cues, shared=True)


def find_actors(doc: FoldedText, lo: int = 0, hi: int | None = None) -> list[ActorMention]:
    """Actor names in text order (longest alias wins where two overlap); lo/hi: folded offsets."""
    return [ActorMention(m.start, m.end, m.value[0], m.value[1]) for m in actor_matcher().find(doc, lo, hi)]


def find_role_cues(doc: FoldedText, lo: int = 0, hi: int | None = None) -> list[RoleCue]:
    return [RoleCue(m.start, m.end, role, side) for m in cue_matcher().find(doc, lo, hi)
            for role, side in m.value]


@lru_cache(maxsize=1)
def agent_nouns() -> frozenset[str]:
    """Folded Arabic nouns for what strikes (lexicons/agent_nouns.tsv), with and without ال."""
    return frozenset(noun for noun in weapon_types() if not noun.isascii())


_ATTACHED = ("و", "ف", "ب", "ل")
# the last word or two before an offset, and a model designation after them ("طائرات F-16 العراقية")
_WORD_BEFORE = re.compile(r"(\w+)(?:\s+\w+)?(?:\s+[\w-]*\d[\w-]*)?\s+$")
_MODEL = re.compile(r"\d")


def _after_agent_noun(text: str, start: int) -> bool:
    """The Arabic adjective at `start` follows a noun for what strikes, possibly with one
    more adjective or a model between ("طائرات حربية إسرائيلية", "مدفعية تركية", "طائرات F-16 العراقية")."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    words = [w for w in text[m.start():start].split() if not _MODEL.search(w)]
    nouns = agent_nouns()
    for word in words[-2:]:
        folded = fold_word(word)
        if folded in nouns or (folded[:1] in _ATTACHED and folded[1:] in nouns):
            return True
    return False


def _is_weapon_noun(word: str) -> bool:
    """An Arabic noun for what strikes, or an English one, singular or plural ("a drone belonging to")."""
    folded = fold_word(word)
    if not folded.isascii():
        return folded in agent_nouns()
    types = weapon_types()
    return folded in types or folded + "s" in types


def _owns_the_weapon(text: str, trigger_start: int, trigger_end: int, name_start: int) -> bool:
    """"قصف مدفعية النظام", "قصفت مدفعية الحرس الثوري": an Arabic weapon noun right before a name,
    as the event phrase's last word or the one word between it and the name, makes the name its
    owner. Not after a verbal noun of targeting: "استهداف مدفعية قسد" is the SDF's artillery hit."""
    gap = text[trigger_end:name_start].split()
    phrase = text[trigger_start:trigger_end].split()
    if len(gap) > 1 or not phrase or phrase[0].lstrip("وفب") in _TARGETING_NOUNS:
        return False
    weapon = gap[0] if gap else phrase[-1]
    return fold_word(weapon) in agent_nouns()


def _cue_role(mention: ActorMention, cues: list[RoleCue], text: str, used: set | None = None,
              others: list[ActorMention] = ()) -> str | None:
    """The role the words right around a name give it, or None. `used` holds the "between" cues
    already given to a first name: "between X and Y" makes X the first side and Y the second."""
    lo = bisect.bisect_left(cues, mention.start - CUE_WINDOW - 40, key=_cue_start)
    hi = bisect.bisect_right(cues, mention.end + CUE_WINDOW, key=_cue_start)
    cues = cues[lo:hi]
    before = [c for c in cues if c.side == "before" and mention.start - CUE_WINDOW <= c.end <= mention.start
              and not crosses_clause(text, c.end, mention.start)
              and not any(c.end <= o.start and o.end <= mention.start for o in others)]
    if before:
        cue = max(before, key=lambda c: (c.end, c.end - c.start))
        if cue.role == "owner":
            # "طائرة مسيرة تابعة للقوات التركية": a weapon owned strikes; "مواقع تابعة لـX": a site is hit
            owned = text[max(0, cue.start - 30):cue.start].split()[-2:]
            return "attacker" if any(_is_weapon_noun(w) for w in owned) else "target"
        if cue.role == "member":
            # "members of X" takes the role of the cue right before it: "هجوم شنه عناصر من X"
            # (X attacked), "مقتل عناصر من X" (X was hit); alone it is the side hit
            lead = [c for c in cues if c.role != "member" and 0 <= cue.start - c.end <= 2]
            return lead[-1].role if lead else "target"
        if used is not None and cue.role == "attacker" and _is_between(text, cue):
            if cue.start in used:
                return "target"
            used.add(cue.start)
        return cue.role
    # a cue speaks of the nearest name: another name in between takes it
    after = [c for c in cues if c.side == "after" and mention.end <= c.start <= mention.end + CUE_WINDOW
             and not crosses_clause(text, mention.end, c.start)
             and not any(mention.end <= o.start and o.end <= c.start for o in others)]
    if after:
        return min(after, key=lambda c: c.start).role
    return None


# verbal nouns whose ل-genitive is the object, not the author ("استهداف لقوات النظام")
_TARGETING_NOUNS = ("استهداف", "استهدافا")


def _is_past_verb(word: str) -> bool:
    """An Arabic past-tense verb of the 3rd person feminine or plural ("قصفت", "شنت", "استهدفوا"),
    whose subject follows it; not a plural noun ("غارات", "ضربات")."""
    word = word.lstrip("وف")
    return bool(word) and _is_arabic(word[0]) and not word.startswith("ال") and \
        (word.endswith("وا") or word.endswith("ت") and not word.endswith("ات"))


def _cue_start(c: RoleCue) -> int:
    return c.start


def _is_between(text: str, cue: RoleCue) -> bool:
    return text[cue.start:cue.end].lower().lstrip("و") in ("between", "بين")


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff"


_AND_ONLY = re.compile(r"\s*(?:and|و)\s*(?:the\s+)?", re.I)



class RoleVote(NamedTuple):
    actor: str
    role: str
    strength: int
    distance: int
    weak: bool


ALLY_GAP = 5        # characters between an ally cue and the name it qualifies ("backed by the")


def _is_ally(m: ActorMention, ally_cues: list[RoleCue]) -> bool:
    return any(0 <= c.start - m.end <= 2 if c.side == "after" else 0 <= m.start - c.end <= ALLY_GAP
               for c in ally_cues)


def role_votes(trigger_start: int, trigger_end: int, mentions: list[ActorMention],
               cues: list[RoleCue], text: str) -> list[RoleVote]:
    """One vote per actor name in the event's window: which role, how sure, how far."""
    votes = []
    used: set[int] = set()
    between_first = None
    allies = [c for c in cues if c.role == "ally"]
    for m in mentions:
        if allies and _is_ally(m, allies):
            continue              # "X and their Russian allies pounded": X did it, Russia stood by
        distance = trigger_start - m.end if m.end <= trigger_start else m.start - trigger_end
        distance = max(distance, 0)
        weak = m.kind == "weak"
        if m.start < trigger_end and trigger_start < m.end and not weak and m.kind != "adjective":
            # part of the event phrase: Arabic verb-subject order ("قصفت قوات النظام بالمدفعية"),
            # or a name that holds the event word ("Russian warplanes", "الطيران الإسرائيلي")
            votes.append(RoleVote(m.actor, "attacker", EXPLICIT, 0, False))
            continue
        if m.start >= trigger_start and m.end <= trigger_end and m.kind == "adjective":
            # inside an event phrase of two words: "intercepted an Israeli missile attack"
            votes.append(RoleVote(m.actor, "attacker", ADJACENT_ADJECTIVE, 0, weak))
            continue
        if not weak and m.kind != "adjective" and 0 <= m.start - trigger_end <= 16 and \
                _owns_the_weapon(text, trigger_start, trigger_end, m.start):
            # "قصفت مدفعية الحرس الثوري", "قصف مدفعية النظام": the weapon named is the side's
            votes.append(RoleVote(m.actor, "attacker", EXPLICIT, distance, False))
            continue
        if 0 <= m.start - trigger_end <= 1 and not weak and m.kind != "adjective" and \
                _is_past_verb(text[trigger_start:trigger_end].split(None, 1)[0]) and text[m.start] != "ل":
            # verb-subject order: "قصفت قوات النظام مدينة أريحا", "شنت طائرات روسية غارات"
            votes.append(RoleVote(m.actor, "attacker", EXPLICIT, distance, False))
            continue
        if 0 <= m.start - trigger_end <= 1 and m.kind == "actor" and _is_arabic(text[m.start]) \
                and text[m.start] not in _ATTACHED and _is_arabic(text[trigger_end - 1]) \
                and not any(w.lstrip("وفب").startswith(_TARGETING_NOUNS) for w in text[trigger_start:trigger_end].split()):
            # the name right after an Arabic event word is its doer: "قصف الحرس الثوري مقرات" (the
            # masculine verb, or the verbal noun with its agent: "هجوم داعش"); not after "استهداف"
            votes.append(RoleVote(m.actor, "attacker", EXPLICIT, distance, False))
            continue
        if 0 <= m.start - trigger_end <= 1 and text[m.start] == "ل" and not weak and m.kind != "adjective" \
                and not text[trigger_start:trigger_end].endswith(_TARGETING_NOUNS):
            # genitive right after the event noun: "قصف صاروخي لقوات النظام" is the regime's shelling
            votes.append(RoleVote(m.actor, "attacker", EXPLICIT, distance, False))
            continue
        # Arabic adjectives follow their noun ("طائرة مسيّرة تركية"), English ones precede it ("Turkish drone")
        modifies = m.start >= trigger_end if _is_arabic(text[m.start]) else m.end <= trigger_start
        if m.kind == "adjective" and not modifies and m.end <= trigger_start and _is_arabic(text[m.start]) \
                and distance <= ADJECTIVE_WINDOW and not crosses_clause(text, m.end, trigger_start) \
                and _after_agent_noun(text, m.start):
            # verb-subject-object: "شنت طائرات إسرائيلية غارات": the planes' side carried out the raids
            votes.append(RoleVote(m.actor, "attacker", ADJACENT_ADJECTIVE, distance, weak))
            continue
        if m.kind == "adjective" and modifies and distance <= ADJECTIVE_WINDOW and not crosses_clause(
                text, min(m.end, trigger_end), max(m.start, trigger_start)):
            between = [c for c in cues if c.start >= trigger_end]
            cue = _cue_role(m, between, text, None, mentions)
            # "مقتل متعاقد أميركي": a victim noun in between makes the adjective the target's
            if cue == "target" and m.start > trigger_end:
                votes.append(RoleVote(m.actor, "target", EXPLICIT, distance, weak))
            else:
                votes.append(RoleVote(m.actor, "attacker", ADJACENT_ADJECTIVE, distance, weak))
            continue
        if between_first is not None and not weak and (_AND_ONLY.fullmatch(text, between_first, m.start) or
                                                       text[m.start] == "و" and not text[between_first:m.start].strip()):
            # "between X and Y": Y is the other side, however long X's name ("the U.S.-backed SDF")
            votes.append(RoleVote(m.actor, "target", EXPLICIT, distance, False))
            between_first = None
            continue
        given = len(used)
        cue = _cue_role(m, cues, text, used, mentions)
        between_first = m.end if len(used) > given else None      # X of "between X and Y"
        if weak and m.start >= trigger_end and distance <= VICTIM_WINDOW and not crosses_clause(
                text, trigger_end, m.start):
            # "shot dead 2 civilians", "opened fire at a man": the people are the target
            votes.append(RoleVote(m.actor, "target", EXPLICIT, distance, False))
        elif cue:
            votes.append(RoleVote(m.actor, cue, EXPLICIT, distance, weak))
        elif m.kind != "adjective":
            role = "attacker" if m.end <= trigger_start else "target"
            votes.append(RoleVote(m.actor, role, POSITIONAL, distance, weak))
    return votes


def choose_actors(votes: list[RoleVote]) -> tuple[str | None, str | None]:
    """actor1 = strongest attacker vote; actor2 = strongest target vote for another actor,
    armed sides before civilians."""
    attackers = sorted((v for v in votes if v.role == "attacker" and not v.weak),
                       key=lambda v: (-v.strength, v.distance))
    actor1 = attackers[0].actor if attackers else None
    targets = sorted((v for v in votes if v.role == "target" and v.actor != actor1),
                     key=lambda v: (v.weak, -v.strength, v.distance))
    actor2 = targets[0].actor if targets else None
    if actor1 is None:
        # the only named side, when the text says nothing of its role, struck
        rest = sorted((v for v in votes if v.actor != actor2 and not v.weak and v.strength <= POSITIONAL
                       and v.role == "attacker"),
                      key=lambda v: v.distance)
        actor1 = rest[0].actor if rest else None
    return actor1, actor2
