"""Synthetic events for benchmarks and browser tests (never used by the app itself).

Random but plausible: points inside Syria and Iraq, a handful of attacking actors and outlets,
Arabic and English excerpts, so the map, filters and popups have realistic work to do.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from extract.model import Article, Claim, Event

# Rough boxes (lat_min, lat_max, lon_min, lon_max) inside each country.
AREAS = {"Syria": (32.8, 36.8, 36.0, 41.5), "Iraq": (30.5, 36.8, 40.5, 47.5)}
# Canonical actor names as extract/ writes them (extract/lexicons/actors.tsv).
ACTORS = ("US forces", "Israel", "Russia", "Syrian government", "Turkey", "Islamic State",
          "Unidentified armed group", "PMF")
TARGETS = ("Civilians (Syria)", "Islamic Revolutionary Guard Corps", "SDF: Syrian Democratic Forces",
           "Military Forces of Syria", "Hezbollah", None)
TYPES = (("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Battles", "Armed clash"))
OUTLETS = ("Reuters", "SANA", "Kurdistan24", "Enab Baladi", "Rudaw")
EXCERPTS = {
    "ar": "قصفت طائرات مسيّرة موقعاً قرب {place} ما أسفر عن مقتل {killed} مسلحين وإصابة آخرين.",
    "en": "Drones struck a position near {place}, killing {killed} fighters and wounding others.",
}


def synthetic_articles(n_events: int, events_per_article: int = 10, seed: int = 7,
                       start: date = date(2022, 1, 1), days: int = 730):
    """Yield (Article, [Event]) pairs holding n_events events in total."""
    rng = random.Random(seed)
    made = 0
    article_no = 0
    while made < n_events:
        article_no += 1
        outlet = rng.choice(OUTLETS)
        language = "ar" if outlet in ("SANA", "Kurdistan24", "Enab Baladi") else "en"
        published = start + timedelta(days=rng.randrange(days))
        article = Article(id=f"synthetic-{seed}-{article_no}", text=f"synthetic article {seed} {article_no}",
                          published=published, outlet=outlet, language=language,
                          url=f"https://example.org/{outlet.lower().replace(' ', '-')}/{article_no}")
        events = []
        for _ in range(min(events_per_article, n_events - made)):
            events.append(_event(rng, article, made))
            made += 1
        yield article, events


def _event(rng: random.Random, article: Article, number: int) -> Event:
    country = rng.choice(tuple(AREAS))
    lat_min, lat_max, lon_min, lon_max = AREAS[country]
    event_type, sub_event_type = rng.choice(TYPES)
    killed = rng.choice((None, 0, 1, 2, 3, 5, 14))
    place = f"Place {number}"  # distinct names: the store must not merge synthetic events
    actor1 = rng.choice(ACTORS)
    return Event(
        article=article.id, event_date=(article.published - timedelta(days=rng.randrange(3))).isoformat(),
        time_precision=1, event_type=event_type, sub_event_type=sub_event_type,
        actor1=actor1, actor2=rng.choice(TARGETS), location=place, admin1=f"{country} region {number % 13}",
        country=country, latitude=round(rng.uniform(lat_min, lat_max), 5),
        longitude=round(rng.uniform(lon_min, lon_max), 5), geo_precision=rng.choice((1, 1, 1, 1, 2, 3)),
        geo_reason="synthetic point", fatalities=killed, injured=rng.choice((None, 1, 4)),
        source=article.outlet, excerpt=EXCERPTS[article.language].format(place=place, killed=killed or 0),
        language=article.language, url=article.url,
        claims=[Claim(claimant=actor1, stance="claim", excerpt="")] if rng.random() < 0.3 else [],
    )


def fill_store(store, n_events: int, **kwargs) -> int:
    """Add n_events synthetic events to a store; -> number of articles added."""
    articles = 0
    for article, events in synthetic_articles(n_events, **kwargs):
        store.add_events(article, events)
        articles += 1
    return articles
