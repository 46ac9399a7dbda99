"""The extraction pipeline: an Article flows through named stages, each adding annotations with
offsets into the original text; this module only composes them.

    sentences -> triggers (no event word: stop) -> dateline -> actors, role cues -> claims
    -> places (gazetteer) -> dates, numbers
    -> events (mentions, places, figures, sides, types, dates, background, claims, strike sets)

Places, dates, actors and claims are looked for only in the sentences that hold an event word
(`event_stretches`): elsewhere they cannot locate, date or attribute an event. Every lexicon of
actors, role cues, claims, event words and background words is matched in ONE Aho-Corasick pass
over the article (lexicons.TermMatcher, shared=True), kept with its FoldedText.
"""
from __future__ import annotations

import bisect
import re

from extract import events as ev
from extract.actors import find_actors, find_role_cues
from extract.claims import find_claims
from extract.dateline import parse_dateline
from extract.dates import find_date_expressions
from extract.lexicons import FoldedText
from extract.model import Article, Event
from extract.numbers import find_casualties
from extract.places import disambiguate_by_governorate, locate_places
from extract.sentences import headline_end, split_sentences
from extract.spans import within
from extract.triggers import find_triggers


def _default_gazetteer():
    from gazetteer import load_gazetteer
    return load_gazetteer()


def event_stretches(sentences, triggers) -> list[tuple[int, int]]:
    """The stretches of text made of sentences that hold an event word, adjacent ones joined:
    places and dates elsewhere cannot locate or date an event, so they are not looked for."""
    stretches: list[tuple[int, int]] = []
    i = 0
    for s in sentences:
        while i < len(triggers) and triggers[i].start < s.start:
            i += 1
        if i < len(triggers) and triggers[i].start < s.end:
            if stretches and stretches[-1][1] >= s.start - 4:
                stretches[-1] = (stretches[-1][0], s.end)
            else:
                stretches.append((s.start, s.end))
    return stretches


def with_next_sentence(stretches: list[tuple[int, int]], sentences, text: str) -> list[tuple[int, int]]:
    """The stretches, each running on over the sentence after it when that sentence is in the same
    paragraph (no line break between)."""
    starts = [s.start for s in sentences]
    out: list[tuple[int, int]] = []
    for a, b in stretches:
        i = bisect.bisect_left(starts, b)
        if i < len(sentences) and "\n" not in text[b:sentences[i].start]:
            b = max(b, sentences[i].end)
        if out and out[-1][1] >= a:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


# "caused no casualties among civilians", "دون إصابات بين المدنيين": the people a "none" is said of
_AMONG = re.compile(r"\s+(?:among|in\s+the\s+ranks\s+of|بين|في\s+صفوف)\s+(?:the\s+)?")


def _shifted(items, offset: int):
    return [x._replace(start=x.start + offset, end=x.end + offset) for x in items]


def _scan_places(gaz, text: str, stretches):
    out = []
    for a, b in stretches:
        out.extend(gaz.scan(text[a:b], a))
    return out


def _inside_a_longer_place(actor, scanned, scanned_starts) -> bool:
    """A capital that stands for its government ("Damascus said") but is here part of a longer
    place name ("Damascus International Airport"): a place, not a side or a speaker."""
    if actor.kind not in ("metonym", "speech"):
        return False
    i = bisect.bisect_right(scanned_starts, actor.start) - 1
    return i >= 0 and scanned[i].end >= actor.end and scanned[i].end - scanned[i].start > actor.end - actor.start


def annotate(article: Article, gazetteer=None) -> dict:
    """Every stage's annotations for one article (for tests and for looking inside)."""
    text = article.text or ""
    language = article.language or "und"
    doc = FoldedText(text)
    sentences = split_sentences(text)
    triggers = find_triggers(doc)
    if not triggers:
        # no event word: nothing to locate, date or attribute
        return {"doc": doc, "sentences": sentences, "actors": [], "cues": [], "claims": [], "places": [],
                "triggers": [], "dates": [], "casualties": []}
    gaz = gazetteer if gazetteer is not None else _default_gazetteer()
    stretches = event_stretches(sentences, triggers)
    dateline = parse_dateline(text)
    dateline_span = (dateline.start, dateline.end) if dateline else None
    for s in sentences:
        if dateline_span and s.start <= dateline_span[0] < s.end:
            # "دمشق (رويترز) - قالت ...": the sentence (and any excerpt of it) starts after the dateline
            s.start = min(max(s.start, dateline_span[1]), s.end)
            while s.start < s.end and text[s.start].isspace():
                s.start += 1
    # one pass from the first event sentence to the last, keeping what lies in event sentences
    lo, hi = doc.folded_offset(stretches[0][0]), doc.folded_offset(stretches[-1][1])
    inside = within(stretches)
    scanned = _scan_places(gaz, text, stretches)
    scanned_starts = [m.start for m in scanned]
    # a statement right after an event sentence may speak of its event ("The SDF denied any
    # involvement."): its speakers and speech verbs are looked for there too
    spoken = with_next_sentence(stretches, sentences, text)
    in_spoken = within(spoken)
    actors = [a for a in find_actors(doc, lo, doc.folded_offset(spoken[-1][1])) if in_spoken(a.start)
              # a name in the dateline ("بغداد (رويترز) -") is where the outlet wrote from, not a side
              and not (dateline_span and dateline_span[0] <= a.start < dateline_span[1])
              and not _inside_a_longer_place(a, scanned, scanned_starts)]
    cues = [c for c in find_role_cues(doc, lo, hi) if inside(c.start)]
    # (there only a denial, a blame or a claim of responsibility: a report there is commentary)
    claims = find_claims(doc, sentences, actors, spoken, reports_in=inside)
    places = locate_places(text, scanned, actors, claims, dateline_span, triggers, doc)
    places = disambiguate_by_governorate(places, sentences)
    dates = []
    if article.published:
        # one pass from the first event sentence to the last (folding once), kept inside event sentences
        a, b = stretches[0][0], stretches[-1][1]
        dates = [d for d in _shifted(find_date_expressions(text[a:b], article.published, language), a)
                 if inside(d.start)]
    lead_date = _lead_date(text, stretches[0][0], article.published, language) if article.published else None
    # a figure before the first event sentence (headline, dateline) has no event to belong to;
    # one after the last may still continue it ("No casualties were reported.")
    first = stretches[0][0]
    casualties = _shifted(find_casualties(text[first:], language), first) if first else find_casualties(text, language)
    # "no civilian casualties were reported": the civilians named there were not hit
    nones = [(c.start, c.end) for c in casualties if c.vague_word == "none"]
    if nones:
        actors = [a for a in actors if a.kind != "weak" or not any(
            s <= a.start and (a.end <= e or _AMONG.fullmatch(text, e, a.start)) for s, e in nones)]
    return {"doc": doc, "sentences": sentences, "actors": actors, "cues": cues, "claims": claims,
            "places": places, "triggers": triggers, "dates": dates, "casualties": casualties,
            "lead_date": lead_date}


LEAD_DATE_DAYS = 7          # a day the lead gives (not in an event sentence) frames the report if this recent


def _lead_date(text: str, first_event: int, published, language):
    """The first day-precise date told in the lead, between the headline and the first event
    sentence ("رصد المرصد مقتل 7 أشخاص يوم أمس السبت، وتوزعوا على النحو التالي:"), within a week
    before publication; else None."""
    lead_start = headline_end(text)
    if first_event <= lead_start:
        return None
    for d in _shifted(find_date_expressions(text[lead_start:first_event], published, language), lead_start):
        if d.precision == 1 and 0 <= (published - d.date).days <= LEAD_DATE_DAYS:
            return d
    return None


def extract_events(article: Article, gazetteer=None) -> list[Event]:
    """The events an analyst would code from `article`; never raises on odd text."""
    a = annotate(article, gazetteer)
    text = article.text or ""
    mentions = ev.build_mentions(a["triggers"], a["sentences"], headline_end(text), a["doc"])
    if not mentions:
        return []
    ev.attach_places(mentions, a["places"], text)
    ev.attach_casualties(mentions, a["casualties"], text)
    ev.attach_actors(mentions, a["actors"], a["cues"], a["claims"], text)
    ev.resolve_types(mentions, text)
    ev.attach_dates(mentions, a["dates"], a["claims"], text)
    ev.date_relative_mentions(mentions, a["doc"], article.published)
    ev.mark_background(mentions, a["doc"], article.published)
    ev.attach_claims(mentions, a["claims"], a["sentences"], text)
    sets = ev.group_strike_sets(mentions)
    facts = ev.ArticleFacts(article.id, text, article.published, article.outlet, article.url,
                            article.language, article.original_source, a.get("lead_date"))
    return ev.events_from_sets(sets, facts)
