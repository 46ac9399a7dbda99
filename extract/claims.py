"""Claims: who says what about an event, and how (claim, report, deny, blame).

lexicons/claim_verbs.tsv lists speech verbs with their stance and where the speaker's name
stands; lexicons/claimants.tsv maps the speakers' names to the claimant names strikemap shows
(البنتاغون -> US Department of Defense). A speaker who is an actor ("Damascus blamed Tel Aviv")
is named by its canonical actor. A blame also tells the events stage who struck.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from extract.actors import ActorMention
from extract.lexicons import FoldedText, TermMatcher, fold, read_table
from extract.sentences import Sentence
from extract.spans import overlap_finder, starting_in, within

SPEAKER_WINDOW = 90           # characters between a speech verb and its speaker's name
SHORT_WINDOW = 30             # "said X": how far after the verb a speaker may be named
SUBJECT_REACH = 40            # "قال X": how far after an Arabic speech verb its subject starts
BLAMED_WINDOW = 60            # characters between a blame verb and the name of the blamed
# The word that opens reported speech: everything before it is the speech frame ("قال X، الجمعة، إن").
# (a colon opens a quotation: "وقال مصدر عسكري: نفذ العدو ..." is said by the source, not the enemy)
_COMPLEMENTIZER = re.compile(r"(?<!\w)(?:[إأا]ن(?:ه|ها|هم)?|ب[أا]ن(?:ه|ها|هم)?|that)(?!\w)|:", re.I)
# An object pronoun on the verb ("تتهمها", "اتهمه") points back to a name already given.
_OBJECT_PRONOUN = re.compile(r"(?:ها|هم|ه|هن)$")


PREVIOUS = "(previous)"          # claimants.tsv: "the ministry", "الوزارة" point back to the last source
LATTER = "(latter)"              # claimants.tsv: "the latter", "الأخيرة" point back to the last side named


class ClaimMention(NamedTuple):
    start: int                 # the speech verb
    end: int
    stance: str
    claimant: str | None
    blamed: str | None         # for a blame: the canonical actor said to have struck
    frame: tuple[int, int]     # the speech frame (verb and speaker, not what was said)
    sentence: tuple[int, int]
    claimant_actor: str | None = None   # the speaker as an actor, when it is one ("قسد", "IS")
    speaker_span: tuple[int, int] | None = None   # where the speaker is named
    defended: bool = False     # the speaker says it repelled the attack ("said they had repelled"): the side hit


@lru_cache(maxsize=1)
def verb_matcher() -> TermMatcher:
    return TermMatcher({row[0]: (row[1], row[2]) for row in read_table("claim_verbs.tsv") if len(row) >= 3}, shared=True)


@lru_cache(maxsize=1)
def claimant_matcher() -> TermMatcher:
    return TermMatcher({row[0]: row[1] for row in read_table("claimants.tsv") if len(row) >= 2}, shared=True)


@lru_cache(maxsize=1)
def claimant_sides() -> dict[str, str]:
    """Claimant -> the actor it speaks for (claimants.tsv, third column): the Pentagon for US forces."""
    return {row[1]: row[2] for row in read_table("claimants.tsv") if len(row) >= 3 and row[2]}


@lru_cache(maxsize=1)
def _outlet_terms() -> frozenset[str]:
    """Folded names of news outlets (lexicons/outlets.tsv)."""
    return frozenset(fold(row[0]) for row in read_table("outlets.tsv") if row)


# "Ankara-backed factions", "a Damascus-based activist": a name in such a compound is no speaker
_COMPOUND_MODIFIER = re.compile(r"-(?:based|backed|aligned|allied|brokered|led|linked|affiliated|controlled|"
                                r"held|supported|run)\b", re.I)
_TOLD = re.compile(r"(?:\btold\s+(?:the\s+)?|(?<!\w)لـ?\s*)$", re.I)


def _told_to(text: str, m, verb_ends: frozenset) -> bool:
    """"قال مصدر عسكري في تصريح لـ سانا", "a source told North Press": the outlet heard it; it is
    not the speaker. (Right after the verb, "وفقاً للمرصد", the ل names the source.)"""
    if m.term not in _outlet_terms() or any(m.start - k in verb_ends for k in range(3)):
        return False
    if text[m.start] == "ل" and not m.term.startswith("ل"):
        return True                                       # attached: "لكوردستان24"
    return _TOLD.search(text, max(0, m.start - 10), m.start) is not None


def _speaker(sources: list, lo: int, hi: int, actors: list[ActorMention], nearest_to: int,
             starts_before: int | None = None):
    """The claimant named in text[lo:hi] (starting before `starts_before`, when given): a known
    source first, else an actor; nearest wins."""
    first = hi if starts_before is None else starts_before
    # (sources and actors are in text order: only those starting in [lo, first) are looked at)
    names = [(m.start, m.end, m.value) for m in starting_in(sources, lo, first) if m.end <= hi]
    if not names:
        names = [(a.start, a.end, a.actor) for a in starting_in(actors, lo, first)
                 if a.end <= hi and a.kind not in ("adjective", "weak")]
    if not names:
        return None
    return min(names, key=lambda n: min(abs(n[0] - nearest_to), abs(n[1] - nearest_to)))


def find_claims(doc: FoldedText, sentences: list[Sentence], actors: list[ActorMention],
                stretches: list[tuple[int, int]] | None = None, reports_in=None) -> list[ClaimMention]:
    """Speech verbs with their speaker, stance and frame; only inside `stretches` when given, and a
    plain report only where `reports_in(offset)` holds, when given (elsewhere only denials, blames
    and claims of responsibility are read)."""
    text = doc.text
    out = []
    if stretches:
        lo, hi = doc.folded_offset(stretches[0][0]), doc.folded_offset(stretches[-1][1])
        in_stretches = within(stretches)
        inside = lambda m: in_stretches(m.start)                              # noqa: E731
    else:
        lo, hi, inside = 0, None, (lambda m: True)                           # noqa: E731
    verbs = [m for m in verb_matcher().find(doc, lo, hi) if inside(m) and m.value[0] != "none"
             and (reports_in is None or m.value[0] != "report" or reports_in(m.start))]
    if not verbs:
        return out
    verb_ends = frozenset(v.end for v in verbs)
    speakers = [a for a in actors if not _COMPOUND_MODIFIER.match(text, a.end)]
    sources = [m for m in claimant_matcher().find(doc, lo, hi) if inside(m) and not _told_to(text, m, verb_ends)
               and not _COMPOUND_MODIFIER.match(text, m.end)]
    last_source = None              # the last source named by its own name, for "the ministry said"
    sentence_starts = [s.start for s in sentences]
    actors_at = overlap_finder(actors)
    for m in verbs:
        stance, side = m.value
        i = bisect.bisect_right(sentence_starts, m.start) - 1
        sent = sentences[i] if i >= 0 and m.start < sentences[i].end else None
        if sent is None:
            continue
        comp = _COMPLEMENTIZER.search(text, m.end, min(sent.end, m.end + SPEAKER_WINDOW + 20))
        after_hi = comp.start() if comp else min(sent.end, m.end + SPEAKER_WINDOW)
        speaker = None
        if side in ("after", "follows"):
            # verb-subject order: the speaker comes within a few words ("أفاد مصدر أمني ... بمقتل
            # منتسب في الحشد الشعبي": the PMF is in what was said, not who said it)
            speaker = _speaker(sources, m.end, after_hi, speakers, m.end, starts_before=m.end + SUBJECT_REACH)
        if speaker is None and side in ("before", "either"):
            speaker = _speaker(sources, _before_lo(text, m, sent), m.start, speakers, m.start)
        if speaker is None and side == "either":
            # "said the Pentagon", "أعلنت الوزارة": a speaker right after the verb
            speaker = _speaker(sources, m.end, min(after_hi, m.end + SHORT_WINDOW), speakers, m.end)
        if speaker is None and side == "after":
            # English-style "X said" also occurs in Arabic ("البنتاغون أعلن")
            speaker = _speaker(sources, max(sent.start, m.start - 40), m.start, speakers, m.start)
        speaker_after = speaker is not None and speaker[0] >= m.end
        frame_lo = min(m.start, speaker[0]) if speaker else m.start
        # "قال X، الجمعة، إن": with the speaker after the verb, the frame runs to "إن"/"that"
        frame_hi = max(after_hi if comp and (speaker_after or speaker is None) else m.end,
                       speaker[1] if speaker else m.end)
        if stance == "report" and _says_it_did(doc, m, speaker, sent.end):
            stance = "claim"            # "said on Monday they had struck": the speaker claims the attack
        defended = stance == "report" and _says_it_did(doc, m, speaker, sent.end, "defended")
        blamed = _blamed(text, m, actors, speaker, sent) if stance == "blame" else None
        if speaker and speaker[2] == PREVIOUS:
            speaker = (speaker[0], speaker[1], last_source) if last_source else None
        elif speaker and speaker[2] == LATTER:
            speaker = _the_latter(speaker, m, actors, sent)
        elif speaker and stance in ("report", "claim") and _is_source(sources, speaker):
            last_source = speaker[2]
        speaker_actor = None
        if speaker:
            speaker_actor = claimant_sides().get(speaker[2]) or next(
                (a.actor for a in actors_at(speaker[0], speaker[1]) if a.kind not in ("adjective", "weak")), None)
        out.append(ClaimMention(m.start, m.end, stance, speaker[2] if speaker else None, blamed,
                                (frame_lo, frame_hi), (sent.start, sent.end), speaker_actor,
                                (speaker[0], speaker[1]) if speaker else None, defended))
    return out


def _the_latter(speaker, verb, actors: list[ActorMention], sent: Sentence):
    """"فيما نفت الأخيرة", "the latter denied": the side named last before it in its sentence, when
    the word stands right next to its verb ("في الآونة الأخيرة" is no speaker); else None."""
    if not (0 <= speaker[0] - verb.end <= 2 or 0 <= verb.start - speaker[1] <= 2):
        return None
    named = [a for a in actors if sent.start <= a.start and a.end <= min(speaker[0], verb.start)
             and a.kind not in ("adjective", "weak")]
    return (speaker[0], speaker[1], named[-1].actor) if named else None


# what may follow a closing "..., X said": a day or time, then the sentence's end
_CLOSING_ATTRIBUTION = re.compile(r"(?:\s+(?:the\s+)?[A-Z][\w'’.-]*){0,4}"        # "told North Press", "told AFP"
                                  r"\s*(?:(?:late\s+|early\s+)?on\s+\w+|in\s+a\s+statement|today|yesterday)?\s*[.!?\"”']*\s*$")
_LAST_CLAUSE_MARK = re.compile(r".*[,،;؛]", re.S)


def _before_lo(text: str, verb, sent: Sentence) -> int:
    """Where a speaker named before the verb may start. In a closing attribution ("..., killing a
    commander of Kataib Hezbollah, two Iraqi security sources said.") only the last clause speaks:
    a name before its comma is what was reported, not who reported it."""
    lo = max(sent.start, verb.start - SPEAKER_WINDOW)
    if _CLOSING_ATTRIBUTION.fullmatch(text, verb.end, sent.end):
        last_mark = _LAST_CLAUSE_MARK.match(text, lo, verb.start)
        if last_mark:
            lo = last_mark.end()
    return lo


@lru_cache(maxsize=2)
def _claimed_acts(role: str = "struck") -> tuple[re.Pattern, re.Pattern]:
    """lexicons/claimed_acts.tsv as two patterns: English "[on Monday] [that] it/they/its jets [had] <act>",
    Arabic "[، aside،] [، في بيان،] [عن] <act>" (matched on the folded text after the speaker);
    `role` "struck" for the acts of an attacker, "defended" for a side that repelled one."""
    rows = [r for r in read_table("claimed_acts.tsv") if (r[2] if len(r) > 2 and r[2] else "struck") == role]
    def alternation(lang):
        return "|".join(re.escape(fold(r[0])) for r in sorted(rows, key=lambda r: -len(r[0])) if r[1] == lang)
    english = re.compile(r"\s+(?:(?:late\s+|early\s+)?on\s+\w+\s+|in\s+a\s+statement\s+)?(?:that\s+)?"
                         r"(?:it|they|its\s+[a-z]+)\s+(?:had\s+|have\s+)?(?:"
                         + alternation("en") + r")\b", re.I)
    # a short aside between commas may come first: "أعلنت الخلية، اليوم الأحد، تنفيذ ضربة"
    # (the speaker's name may close with a quote: أعلنت "المقاومة الإسلامية في العراق"، فجر اليوم، استهداف)
    arabic = re.compile(r"[\s\"'»”]*(?:[،,][^،,.]{1,25}[،,])?[\s،,]*(?:في\s+بيان\S*[\s،,]*)?(?:عن\s+)?[وب]?(?:"
                        + alternation("ar") + r")(?!\w)")
    return english, arabic


_ANNOUNCES = re.compile(r"[وف]?اعلن")
@lru_cache(maxsize=1)
def _claimed_thing() -> re.Pattern:
    """"IS claimed, through its Amaq agency, an attack": "claimed", an aside, then one of the things
    claim_verbs.tsv says can be claimed ("claimed the attack", "claimed the ambush"...)."""
    nouns = {r[0].split()[-1].rstrip("s") for r in read_table("claim_verbs.tsv") if r[0].startswith("claimed the ")}
    return re.compile(r"\s*(?:,[^,.]{1,60},\s*)?(?:an?|the)\s+(?:\w+\s+)?(?:"
                      + "|".join(re.escape(n) for n in sorted(nouns)) + r")s?\b", re.I)


def _says_it_did(doc: FoldedText, verb, speaker, sent_end: int, role: str = "struck") -> bool:
    """The speaker says it carried out the attack (role "struck": "said they had struck", "أعلنت X
    استهداف") or repelled one (role "defended": "said they had repelled", "أعلنت X التصدي لهجوم")."""
    english, arabic = _claimed_acts(role)
    text = doc.text
    if text[verb.start].isascii():
        return english.match(text, verb.end, sent_end) is not None or \
            (role == "struck" and text[verb.start:verb.end].lower() in ("claimed", "claims") and
             _claimed_thing().match(text, verb.end, sent_end) is not None)
    if speaker is None or speaker[0] < verb.end or not _ANNOUNCES.match(fold(text[verb.start:verb.end])):
        return False
    return arabic.match(doc.folded_slice(speaker[1], sent_end)) is not None


def _is_source(sources: list, speaker) -> bool:
    return any(m.start == speaker[0] and m.end == speaker[1] for m in sources)


def _blamed(text: str, verb, actors: list[ActorMention], speaker, sent: Sentence) -> str | None:
    """Who the speaker says struck: the name after the blame verb, or before it when the verb
    carries an object pronoun ("جماعات متحالفة مع إيران، تتهمها الولايات المتحدة")."""
    def not_speaker(a: ActorMention) -> bool:
        return speaker is None or not (a.start < speaker[1] and speaker[0] < a.end)

    candidates = [a for a in actors if a.kind != "weak" and not_speaker(a)]
    if _OBJECT_PRONOUN.search(text[verb.start:verb.end]) and not text[verb.start:verb.end].endswith("ة"):
        before = [a for a in candidates if sent.start <= a.start and a.end <= verb.start]
        if before:
            return before[-1].actor
    after = [a for a in candidates if verb.end <= a.start <= verb.end + BLAMED_WINDOW and a.end <= sent.end]
    return after[0].actor if after else None
