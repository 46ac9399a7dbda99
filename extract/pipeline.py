"""The extraction pipeline: an Article flows through named stages, each adding annotations with
offsets into the original text; this module only composes them.

    sentences -> actors, role cues -> claims -> places (gazetteer) -> triggers -> dates, numbers
    -> events (mentions, places, figures, sides, dates, claims, strike sets)
"""
from __future__ import annotations

import logging

from extract import events as ev
from extract.actors import find_actors, find_role_cues
from extract.claims import find_claims
from extract.dateline import parse_dateline
from extract.dates import find_date_expressions
from extract.lexicons import FoldedText
from extract.model import Article, Event
from extract.numbers import find_casualties
from extract.places import locate_places
from extract.sentences import headline_end, split_sentences
from extract.triggers import find_triggers

log = logging.getLogger(__name__)


def _default_gazetteer():
    from gazetteer import load_gazetteer
    return load_gazetteer()


def annotate(article: Article, gazetteer=None) -> dict:
    """Every stage's annotations for one article (for tests and for looking inside)."""
    gaz = gazetteer if gazetteer is not None else _default_gazetteer()
    text = article.text or ""
    language = article.language or "und"
    doc = FoldedText(text)
    sentences = split_sentences(text)
    dateline = parse_dateline(text)
    dateline_span = (dateline.start, dateline.end) if dateline else None
    # a name in the dateline ("بغداد (رويترز) -") is where the outlet wrote from, not a side
    actors = [a for a in find_actors(doc) if not (dateline_span and dateline_span[0] <= a.start < dateline_span[1])]
    cues = find_role_cues(doc)
    claims = find_claims(doc, sentences, actors)
    triggers = find_triggers(doc)
    places = locate_places(text, gaz.scan(text), actors, claims, dateline_span, triggers)
    dates = find_date_expressions(text, article.published, language) if article.published else []
    casualties = find_casualties(text, language)
    return {"doc": doc, "sentences": sentences, "actors": actors, "cues": cues, "claims": claims,
            "places": places, "triggers": triggers, "dates": dates, "casualties": casualties}


def extract_events(article: Article, gazetteer=None) -> list[Event]:
    """The events an analyst would code from `article`; never raises on odd text."""
    a = annotate(article, gazetteer)
    text = article.text or ""
    mentions = ev.build_mentions(a["triggers"], a["sentences"], headline_end(text), text)
    if not mentions:
        return []
    ev.attach_places(mentions, a["places"], text)
    ev.attach_casualties(mentions, a["casualties"])
    ev.attach_actors(mentions, a["actors"], a["cues"], a["claims"], text)
    ev.resolve_types(mentions)
    ev.attach_dates(mentions, a["dates"], a["claims"])
    ev.date_relative_mentions(mentions, a["doc"], article.published)
    ev.attach_claims(mentions, a["claims"], a["sentences"], text)
    sets = ev.group_strike_sets(mentions)
    facts = ev.ArticleFacts(article.id, text, article.published, article.outlet, article.url,
                            article.language, article.original_source)
    return ev.events_from_sets(sets, facts)
